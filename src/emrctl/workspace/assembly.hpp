#pragma once

// The output of synth (CDK calls it the cloud assembly): one CloudFormation template per stack,
// and assets.json, the manifest of which local file goes to which bucket and key with its
// SHA-256, which deploy uses to upload only what changed. Byte-identical across runs.

#include <filesystem>
#include <string>
#include <vector>

#include <emrctl/stacks/assets.hpp>
#include <emrctl/stacks/emr_stack.hpp>
#include <emrctl/util/error.hpp>

namespace emrctl::workspace {

inline constexpr const char* k_default_output_dir = "emrctl.out";
inline constexpr const char* k_asset_manifest = "assets.json";

struct HashedAsset {
    stacks::Asset asset;
    std::string sha256;
};

struct WrittenFile {
    std::filesystem::path path;
    std::size_t bytes = 0;
};

struct Assembly {
    std::vector<WrittenFile> templates;  // in stack order
    WrittenFile manifest;
    std::size_t asset_count = 0;
    std::uint64_t asset_bytes = 0;
};

std::string template_file_name(const std::string& stack_name);  // "x.template.json"

// Hashes every asset (reading it from `project_dir`), through the project's hash cache.
Result<std::vector<HashedAsset>> hash_assets(const std::filesystem::path& project_dir,
                                             const std::vector<stacks::Asset>& assets);

std::string render_asset_manifest(const std::vector<HashedAsset>& assets);

// Writes the templates and the manifest to `out_dir`, and removes templates of stacks the
// project no longer has.
Result<Assembly> write_assembly(const std::filesystem::path& out_dir,
                                const std::vector<stacks::Stack>& stacks,
                                const std::vector<HashedAsset>& assets);

}  // namespace emrctl::workspace
