#include <algorithm>
#include <map>

#include <emrctl/config/bucket_layout.hpp>
#include <emrctl/stacks/assets.hpp>
#include <emrctl/stacks/naming.hpp>

namespace emrctl::stacks {

std::vector<Asset> plan_assets(const config::Project& p, const config::FileFacts& files) {
    const auto bucket = data_bucket_name(p);
    std::map<std::string, Asset> by_key;
    auto add = [&](const std::string& source, const std::string& key) {
        by_key.try_emplace(key, Asset{source, bucket, key, files.size(source)});
    };
    for (const auto& script : p.cluster.bootstrap) {
        if (!config::is_s3_uri(script)) add(script, config::bootstrap_key(script));
    }
    for (const auto& job : p.jobs) {
        if (!config::is_s3_uri(job.script)) add(job.script, config::code_key(job));
        if (!job.data) continue;
        const auto it = files.folder_files.find(*job.data);
        if (it == files.folder_files.end()) continue;
        for (const auto& entry : it->second) {
            // The folder's files keep their place below it: data/articles/a/b.txt ->
            // data/wordcount/a/b.txt.
            const auto key = config::data_prefix(job) + entry.path.substr(job.data->size() + 1);
            by_key.try_emplace(key, Asset{entry.path, bucket, key, entry.size});
        }
    }
    std::vector<Asset> assets;
    assets.reserve(by_key.size());
    for (auto& [key, asset] : by_key)
        assets.push_back(std::move(asset));
    return assets;
}

}  // namespace emrctl::stacks
