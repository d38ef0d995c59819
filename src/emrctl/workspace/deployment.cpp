#include <algorithm>

#include <emrctl/cfn/render.hpp>
#include <emrctl/deploy/retained_buckets.hpp>
#include <emrctl/stacks/cluster.hpp>
#include <emrctl/stacks/naming.hpp>
#include <emrctl/workspace/deployment.hpp>

namespace emrctl::workspace {

namespace {

// Where the stack keeps its EMR cluster, when it has one that deploy replaces once ended.
std::optional<deploy::ReplaceableCluster> cluster_of(const cfn::Template& body) {
    if (!body.parameters().contains(stacks::k_cluster_generation_parameter)) return std::nullopt;
    return deploy::ReplaceableCluster{
        .generation_parameter = stacks::k_cluster_generation_parameter,
        .id_output = stacks::k_cluster_id_output};
}

}  // namespace

deploy::ProjectDeployment deployment_of(const LoadedProject& loaded, const SynthResult& synth) {
    deploy::ProjectDeployment d;
    std::vector<std::string> buckets;
    for (const auto& a : synth.assets) {
        d.assets.push_back({.file = loaded.dir / a.asset.source,
                            .bucket = a.asset.bucket,
                            .key = a.asset.key,
                            .size = a.asset.size,
                            .sha256 = a.sha256});
        if (std::find(buckets.begin(), buckets.end(), a.asset.bucket) == buckets.end()) {
            buckets.push_back(a.asset.bucket);
        }
    }
    for (const auto& s : synth.stacks) {
        auto body = cfn::to_json(s.body);
        auto retained = deploy::retained_buckets(body);
        // Today's one stack makes the data bucket; with more stacks, each would name its own.
        d.stacks.push_back({.name = s.name,
                            .template_body = std::move(body),
                            .tags = {{stacks::k_project_tag, loaded.project.name}},
                            .asset_buckets = buckets,
                            .retained_buckets = std::move(retained),
                            .cluster = cluster_of(s.body)});
    }
    return d;
}

}  // namespace emrctl::workspace
