#include <nlohmann/json.hpp>

#include <emrctl/deploy/retained_buckets.hpp>

namespace emrctl::deploy {

namespace {

nlohmann::ordered_json resources_of(std::string_view template_json) {
    auto doc = nlohmann::ordered_json::parse(template_json, nullptr, false);
    if (doc.is_discarded() || !doc.is_object() || !doc.contains("Resources") ||
        !doc["Resources"].is_object()) {
        return nlohmann::ordered_json::object();
    }
    return doc["Resources"];
}

}  // namespace

std::vector<RetainedBucket> retained_buckets(std::string_view template_json) {
    std::vector<RetainedBucket> buckets;
    const auto resources = resources_of(template_json);  // items() would outlive a temporary
    for (const auto& [id, resource] : resources.items()) {
        if (!resource.is_object() || resource.value("Type", "") != "AWS::S3::Bucket") continue;
        if (resource.value("DeletionPolicy", "") != "Retain") continue;
        const auto properties = resource.value("Properties", nlohmann::ordered_json::object());
        if (!properties.is_object() || !properties.contains("BucketName") ||
            !properties["BucketName"].is_string()) {
            continue;
        }
        buckets.push_back({id, properties["BucketName"].get<std::string>()});
    }
    return buckets;
}

std::string import_template(std::string_view template_json,
                            const std::vector<RetainedBucket>& buckets) {
    const auto all = resources_of(template_json);
    nlohmann::ordered_json resources = nlohmann::ordered_json::object();
    for (const auto& b : buckets) {
        if (all.contains(b.logical_id)) resources[b.logical_id] = all[b.logical_id];
    }
    return nlohmann::ordered_json{{"AWSTemplateFormatVersion", "2010-09-09"},
                                  {"Resources", std::move(resources)}}
        .dump();
}

}  // namespace emrctl::deploy
