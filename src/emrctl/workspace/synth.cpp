#include <emrctl/workspace/files.hpp>
#include <emrctl/workspace/synth.hpp>

namespace emrctl::workspace {

namespace {

namespace fs = std::filesystem;

// Generated assets are written beside the templates, which is where deploy uploads them from
// (it reads every asset from a file); their source then names that file.
Result<void> write_generated(const LoadedProject& loaded, const fs::path& out_dir,
                             std::vector<stacks::Asset>& assets) {
    for (auto& asset : assets) {
        if (!asset.generated) continue;
        const auto file = fs::absolute(out_dir / "generated" / asset.key);
        if (auto written = write_file_atomically(file, *asset.generated); !written) {
            return std::unexpected(written.error());
        }
        asset.source = file.lexically_proximate(fs::absolute(loaded.dir)).generic_string();
    }
    return ok();
}

}  // namespace

Result<SynthResult> synth(const LoadedProject& loaded, const std::filesystem::path& out_dir) {
    SynthResult result{.stacks = stacks::synthesize(loaded.project)};
    auto planned = stacks::plan_assets(loaded.project, loaded.files);
    if (auto written = write_generated(loaded, out_dir, planned); !written) {
        return std::unexpected(written.error());
    }
    auto hashed = hash_assets(loaded.dir, planned);
    if (!hashed) return std::unexpected(hashed.error());
    auto assembly = write_assembly(out_dir, result.stacks, *hashed);
    if (!assembly) return std::unexpected(assembly.error());
    result.assembly = std::move(*assembly);
    result.assets = std::move(*hashed);
    return result;
}

}  // namespace emrctl::workspace
