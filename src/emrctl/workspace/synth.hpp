#pragma once

// `emrctl synth`: a loaded project to its stacks, assets and the files of the assembly.

#include <filesystem>
#include <vector>

#include <emrctl/stacks/emr_stack.hpp>
#include <emrctl/workspace/assembly.hpp>
#include <emrctl/workspace/project_loader.hpp>

namespace emrctl::workspace {

struct SynthResult {
    std::vector<stacks::Stack> stacks;
    std::vector<HashedAsset> assets;
    Assembly assembly;
};

Result<SynthResult> synth(const LoadedProject& loaded, const std::filesystem::path& out_dir);

}  // namespace emrctl::workspace
