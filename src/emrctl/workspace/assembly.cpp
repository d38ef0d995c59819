#include <set>

#include <nlohmann/json.hpp>

#include <emrctl/cfn/render.hpp>
#include <emrctl/workspace/assembly.hpp>
#include <emrctl/workspace/files.hpp>
#include <emrctl/workspace/hash_cache.hpp>

namespace emrctl::workspace {

namespace fs = std::filesystem;

std::string template_file_name(const std::string& stack_name) {
    return stack_name + ".template.json";
}

Result<std::vector<HashedAsset>> hash_assets(const fs::path& project_dir,
                                             const std::vector<stacks::Asset>& assets) {
    auto cache = HashCache::load(project_dir);
    std::vector<HashedAsset> hashed;
    hashed.reserve(assets.size());
    for (const auto& asset : assets) {
        auto digest = cache.sha256(asset.source);
        if (!digest) return std::unexpected(digest.error());
        hashed.push_back({asset, std::move(*digest)});
    }
    cache.save();
    return hashed;
}

std::string render_asset_manifest(const std::vector<HashedAsset>& assets) {
    nlohmann::ordered_json files = nlohmann::ordered_json::array();
    for (const auto& [asset, sha256] : assets) {
        files.push_back({{"source", asset.source},
                         {"bucket", asset.bucket},
                         {"key", asset.key},
                         {"size", asset.size},
                         {"sha256", sha256}});
    }
    nlohmann::ordered_json doc{{"version", 1}, {"files", std::move(files)}};
    return doc.dump(2) + "\n";
}

Result<Assembly> write_assembly(const fs::path& out_dir, const std::vector<stacks::Stack>& stacks,
                                const std::vector<HashedAsset>& assets) {
    Assembly assembly;
    std::set<std::string> current;
    for (const auto& stack : stacks) {
        const auto name = template_file_name(stack.name);
        const auto body = cfn::to_json(stack.body);
        if (auto written = write_file_atomically(out_dir / name, body); !written) {
            return std::unexpected(written.error());
        }
        current.insert(name);
        assembly.templates.push_back({out_dir / name, body.size()});
    }
    std::error_code ec;
    for (fs::directory_iterator it(out_dir, ec), end; !ec && it != end; it.increment(ec)) {
        const auto file = it->path().filename().string();
        if (file.ends_with(".template.json") && !current.contains(file)) fs::remove(it->path(), ec);
    }
    const auto manifest = render_asset_manifest(assets);
    if (auto written = write_file_atomically(out_dir / k_asset_manifest, manifest); !written) {
        return std::unexpected(written.error());
    }
    assembly.manifest = {out_dir / k_asset_manifest, manifest.size()};
    assembly.asset_count = assets.size();
    for (const auto& a : assets)
        assembly.asset_bytes += a.asset.size;
    return assembly;
}

}  // namespace emrctl::workspace
