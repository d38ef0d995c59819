#include <emrctl/aws/protocol/query_request.hpp>
#include <emrctl/aws/uri_encode.hpp>

namespace emrctl::aws::protocol {

void QueryParams::add(std::string name, std::string value) {
    m_pairs.emplace_back(std::move(name), std::move(value));
}

void QueryParams::add_list(std::string_view name, std::span<const std::string> values) {
    if (values.empty()) {
        add(std::string(name), "");
        return;
    }
    for (std::size_t i = 0; i < values.size(); ++i) {
        add(std::string(name) + ".member." + std::to_string(i + 1), values[i]);
    }
}

void QueryParams::add_structures(
    std::string_view name,
    std::span<const std::vector<std::pair<std::string, std::string>>> items) {
    if (items.empty()) {
        add(std::string(name), "");
        return;
    }
    for (std::size_t i = 0; i < items.size(); ++i) {
        const auto prefix = std::string(name) + ".member." + std::to_string(i + 1) + ".";
        for (const auto& [field, value] : items[i])
            add(prefix + field, value);
    }
}

std::string form_encode(std::span<const std::pair<std::string, std::string>> pairs) {
    std::string out;
    for (const auto& [name, value] : pairs) {
        if (!out.empty()) out += '&';
        out += uri_encode(name, Slashes::encode);
        out += '=';
        out += uri_encode(value, Slashes::encode);
    }
    return out;
}

HttpRequest make_query_request(const Endpoint& endpoint, std::string_view action,
                               std::string_view version, const QueryParams& params) {
    auto request = start_request(endpoint, "POST", "/");
    request.headers.emplace_back("Content-Type", std::string(k_form_content_type));
    std::vector<std::pair<std::string, std::string>> pairs{{"Action", std::string(action)},
                                                           {"Version", std::string(version)}};
    pairs.insert(pairs.end(), params.pairs().begin(), params.pairs().end());
    request.body = form_encode(pairs);
    return request;
}

}  // namespace emrctl::aws::protocol
