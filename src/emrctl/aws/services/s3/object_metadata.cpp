#include <emrctl/aws/services/s3/object_metadata.hpp>

namespace emrctl::aws::s3 {

namespace {

constexpr std::string_view k_prefix = "x-amz-meta-";

std::string lower(std::string_view text) {
    std::string out(text);
    for (auto& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

}  // namespace

void add_metadata(HttpRequest& request, const Metadata& metadata) {
    for (const auto& [name, value] : metadata) {
        request.headers.emplace_back(std::string(k_prefix) + name, value);
    }
}

Metadata read_metadata(const protocol::HttpResponse& response) {
    Metadata out;
    for (const auto& [name, value] : response.headers) {
        auto lowered = lower(name);
        if (lowered.size() > k_prefix.size() && lowered.starts_with(k_prefix)) {
            out.emplace_back(lowered.substr(k_prefix.size()), value);
        }
    }
    return out;
}

}  // namespace emrctl::aws::s3
