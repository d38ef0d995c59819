#include <nlohmann/json.hpp>

#include <emrctl/deploy/retained_buckets.hpp>
#include <emrctl/deploy/template_json.hpp>

namespace emrctl::deploy {

namespace {

nlohmann::ordered_json resources_of(std::string_view template_json) {
    const auto doc = nlohmann::ordered_json::parse(template_json, nullptr, false);
    const auto* resources = doc.is_discarded() ? nullptr : member(doc, "Resources");
    if (resources == nullptr || !resources->is_object()) return nlohmann::ordered_json::object();
    return *resources;
}

}  // namespace

std::vector<RetainedBucket> retained_buckets(std::string_view template_json) {
    std::vector<RetainedBucket> buckets;
    const auto resources = resources_of(template_json);  // items() would outlive a temporary
    for (const auto& [id, resource] : resources.items()) {
        const auto* type = string_member(resource, "Type");
        const auto* policy = string_member(resource, "DeletionPolicy");
        if (type == nullptr || *type != "AWS::S3::Bucket") continue;
        if (policy == nullptr || *policy != "Retain") continue;
        const auto* properties = member(resource, "Properties");
        const auto* name =
            properties == nullptr ? nullptr : string_member(*properties, "BucketName");
        if (name != nullptr) buckets.push_back({id, *name});
    }
    return buckets;
}

std::string import_template(std::string_view template_json,
                            const std::vector<RetainedBucket>& buckets) {
    const auto all = resources_of(template_json);
    nlohmann::ordered_json resources = nlohmann::ordered_json::object();
    for (const auto& b : buckets) {
        if (const auto* resource = member(all, b.logical_id)) resources[b.logical_id] = *resource;
    }
    return nlohmann::ordered_json{{"AWSTemplateFormatVersion", "2010-09-09"},
                                  {"Resources", std::move(resources)}}
        .dump();
}

}  // namespace emrctl::deploy
