#pragma once

// Query-protocol requests (STS, CloudFormation): a form-encoded POST to "/" whose body is
// "Action=<op>&Version=<date>&" followed by the input, structures and lists flattened into dotted
// names: Tags.member.1.Key=k&Tags.member.1.Value=v, Capabilities.member.1=CAPABILITY_IAM.
// Lists count from 1. An empty list is sent as "Name=" so that it clears the value (as botocore
// does); to leave a list alone, do not add it.

#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <emrctl/aws/http_request.hpp>
#include <emrctl/aws/protocol/endpoint.hpp>

namespace emrctl::aws::protocol {

inline constexpr std::string_view k_form_content_type =
    "application/x-www-form-urlencoded; charset=utf-8";

// The input of one call as flat name/value pairs, in the order they are sent.
class QueryParams {
  public:
    void add(std::string name, std::string value);

    // name.member.1=a&name.member.2=b…
    void add_list(std::string_view name, std::span<const std::string> values);

    // One structure per list element, each as its fields: name.member.N.<field>=<value>.
    void add_structures(std::string_view name,
                        std::span<const std::vector<std::pair<std::string, std::string>>> items);

    const std::vector<std::pair<std::string, std::string>>& pairs() const { return m_pairs; }

  private:
    std::vector<std::pair<std::string, std::string>> m_pairs;
};

// "a=1&b=x%20y": each name and value percent-encoded as SigV4 encodes them (a space is %20,
// never '+'), which every query service decodes.
std::string form_encode(std::span<const std::pair<std::string, std::string>> pairs);

// The signed-ready request: POST <base>/ with the form body and its content type.
HttpRequest make_query_request(const Endpoint& endpoint, std::string_view action,
                               std::string_view version, const QueryParams& params);

}  // namespace emrctl::aws::protocol
