#include <iostream>

#include <emrctl/cfn/render.hpp>
#include <emrctl/cli/commands.hpp>
#include <emrctl/cli/format.hpp>
#include <emrctl/workspace/synth.hpp>

namespace emrctl::cli {

Result<void> run_synth(const GlobalOptions& global, const SynthOptions& options) {
    auto loaded = workspace::load_project({.location = global.file,
                                           .context = global.context,
                                           .suffix = workspace::SuffixPolicy::create_if_missing});
    if (!loaded) return std::unexpected(loaded.error());
    const auto out_dir = options.output_dir.empty() ? loaded->dir / workspace::k_default_output_dir
                                                    : std::filesystem::path(options.output_dir);
    auto result = workspace::synth(*loaded, out_dir);
    if (!result) return std::unexpected(result.error());

    const stacks::Stack* shown = nullptr;
    for (const auto& s : result->stacks) {
        if (s.name == options.stack) shown = &s;
    }
    if (!options.stack.empty() && shown == nullptr) {
        return fail(ErrorKind::usage, "the project has no stack named \"" + options.stack + "\"",
                    "run `emrctl ls` to see its stacks");
    }
    if (shown == nullptr && options.output_dir.empty() && result->stacks.size() == 1) {
        shown = &result->stacks.front();
    }
    if (global.output == OutputFormat::json) {
        std::cout << synth_summary_json(*result) << "\n";
        return ok();
    }
    // The summary goes to stderr so that stdout is the template alone, ready for a pipe.
    std::cerr << synth_summary_text(*result);
    if (shown != nullptr) std::cout << cfn::to_yaml(shown->body);
    return ok();
}

}  // namespace emrctl::cli
