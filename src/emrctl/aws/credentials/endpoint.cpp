#include <emrctl/aws/credentials/endpoint.hpp>
#include <emrctl/aws/credentials/endpoint_url.hpp>
#include <emrctl/util/strings.hpp>

namespace emrctl::aws {

namespace {

// An endpoint URL and who chose it, before it is parsed.
struct Override {
    std::string url;
    EndpointOrigin origin;
    std::string source;
};

bool is_true(std::string_view value) {
    return util::to_lower(util::trim(value)) == "true";
}

bool ignores_configured_urls(const Environment& env, const ConfigSection* profile) {
    if (auto v = env.get("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")) return is_true(*v);
    if (profile == nullptr) return false;
    const auto* v = profile->find("ignore_configured_endpoint_urls");
    return v != nullptr && is_true(v->value);
}

// endpoint_url under the service's key in the [services x] section the profile names.
Result<std::optional<Override>> from_services_section(const ServiceInfo& info,
                                                      const ConfigSection& profile,
                                                      const SharedConfig& config) {
    const auto* services = profile.find("services");
    if (services == nullptr) return std::optional<Override>{};
    const auto it = config.services.find(services->value);
    if (it == config.services.end()) {
        auto e = fail(ErrorKind::config,
                      "profile \"" + profile.name + "\": services \"" + services->value +
                          "\" names no [services " + services->value + "] section",
                      "add that section to " + config.config_file.path + ", or remove the line");
        e.error().where = services->where();
        return e;
    }
    const auto sub = it->second.subsections.find(services_key(info.id));
    if (sub == it->second.subsections.end()) return std::optional<Override>{};
    const auto url = sub->second.find("endpoint_url");
    if (url == sub->second.end()) return std::optional<Override>{};
    return std::optional<Override>{
        Override{.url = url->second.value,
                 .origin = EndpointOrigin::shared_config,
                 .source = "[services " + services->value + "] in " + url->second.file}};
}

Result<std::optional<Override>> find_override(Service service,
                                              const std::optional<std::string>& flag,
                                              const Environment& env, const SharedConfig& config,
                                              const ProfileSelection& selection) {
    using Found = std::optional<Override>;
    if (flag && !flag->empty()) {
        return Found{Override{*flag, EndpointOrigin::flag, "--endpoint-url"}};
    }
    const auto* profile = config.find_profile(selection.name);
    if (ignores_configured_urls(env, profile)) return Found{};
    const auto& info = service_info(service);
    const auto variable = endpoint_variable(info.id);
    if (auto url = env.get(variable)) {
        return Found{Override{*url, EndpointOrigin::environment, variable}};
    }
    if (auto url = env.get("AWS_ENDPOINT_URL")) {
        return Found{Override{*url, EndpointOrigin::environment, "AWS_ENDPOINT_URL"}};
    }
    if (profile == nullptr) return Found{};
    auto from_services = from_services_section(info, *profile, config);
    if (!from_services || *from_services) return from_services;
    if (const auto* url = profile->find("endpoint_url")) {
        return Found{Override{url->value, EndpointOrigin::shared_config,
                              "profile " + profile->name + " in " + url->file}};
    }
    return Found{};
}

}  // namespace

Endpoint aws_endpoint(Service service, std::string_view region) {
    const auto& info = service_info(service);
    const std::string r(region);
    const bool china = r.starts_with("cn-");
    const std::string domain = china ? "amazonaws.com.cn" : "amazonaws.com";
    Endpoint endpoint{.scheme = "https",
                      .host = std::string(info.endpoint_prefix) + "." + r + "." + domain,
                      .signing_region = r,
                      .signing_name = std::string(info.signing_name),
                      .origin = EndpointOrigin::aws,
                      .source = "AWS"};
    if (service == Service::iam && !china) {
        // IAM is global: one endpoint per partition, signed for the partition's home region.
        const bool gov_cloud = r.starts_with("us-gov-");
        endpoint.host = gov_cloud ? "iam.us-gov.amazonaws.com" : "iam.amazonaws.com";
        endpoint.signing_region = gov_cloud ? "us-gov-west-1" : "us-east-1";
    }
    return endpoint;
}

Result<Endpoint> resolve_endpoint(Service service, std::string_view region,
                                  const std::optional<std::string>& flag, const Environment& env,
                                  const SharedConfig& config, const ProfileSelection& profile) {
    auto found = find_override(service, flag, env, config, profile);
    if (!found) return std::unexpected(found.error());
    if (!*found) return aws_endpoint(service, region);
    auto url = parse_endpoint_url((*found)->url, (*found)->source);
    if (!url) return std::unexpected(url.error());
    return Endpoint{.scheme = std::move(url->scheme),
                    .host = std::move(url->host),
                    .base_path = std::move(url->base_path),
                    .signing_region = std::string(region),
                    .signing_name = std::string(service_info(service).signing_name),
                    .origin = (*found)->origin,
                    .source = std::move((*found)->source)};
}

}  // namespace emrctl::aws
