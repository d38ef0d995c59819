#include <emrctl/workspace/synth.hpp>

namespace emrctl::workspace {

Result<SynthResult> synth(const LoadedProject& loaded, const std::filesystem::path& out_dir) {
    SynthResult result{.stacks = stacks::synthesize(loaded.project)};
    auto hashed = hash_assets(loaded.dir, stacks::plan_assets(loaded.project, loaded.files));
    if (!hashed) return std::unexpected(hashed.error());
    auto assembly = write_assembly(out_dir, result.stacks, *hashed);
    if (!assembly) return std::unexpected(assembly.error());
    result.assembly = std::move(*assembly);
    result.assets = std::move(*hashed);
    return result;
}

}  // namespace emrctl::workspace
