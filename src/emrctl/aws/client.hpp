#pragma once

// The one AWS client of a run: settings resolved once, credentials fetched once and shared, a
// retry quota shared by every request, and a pool of connections so that parallel callers (the
// asset publisher's workers) each reuse their own. Every call is: build the request for the
// service's endpoint, sign it, send it with retries, parse the answer.
//
//   auto client = aws::Client::open(options, Environment::from_process(), make_disk_file_access());
//   auto stacks = client->call(Service::cloudformation,
//       [&](const protocol::Endpoint& e) { return make_describe_stacks_request(input, e); },
//       parse_describe_stacks_response);

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <type_traits>

#include <emrctl/aws/credentials/environment.hpp>
#include <emrctl/aws/credentials/file_access.hpp>
#include <emrctl/aws/credentials/service.hpp>
#include <emrctl/aws/credentials/settings.hpp>
#include <emrctl/aws/http_request.hpp>
#include <emrctl/aws/protocol/endpoint.hpp>
#include <emrctl/aws/protocol/http_response.hpp>
#include <emrctl/aws/retry.hpp>
#include <emrctl/aws/transport.hpp>
#include <emrctl/util/error.hpp>

namespace emrctl::aws {

// A retry about to happen, for a progress view ("throttled, retrying in 1.2 s").
struct RetryNotice {
    Service service;
    int attempt = 0;  // the attempt that failed, 1-based
    std::chrono::milliseconds delay{0};
};

struct ClientOptions {
    RetryPolicy retry;
    TransportTimeouts timeouts;
    // Makes the transports; empty: curl (make_curl_transport). Tests pass their own.
    std::function<std::unique_ptr<Transport>()> make_transport;
    RetryEnvironment retry_environment;  // empty members: real sleep, real randomness
    std::function<void(const RetryNotice&)> on_retry;
};

using RequestMaker = std::function<HttpRequest(const protocol::Endpoint&)>;

class Client {
  public:
    static Result<Client> open(const AwsOptions& options, Environment env,
                               std::shared_ptr<FileAccess> files, ClientOptions client = {});

    const std::string& region() const;
    const AwsSettings& settings() const;

    // Signs, sends and retries what `make` builds for `service`'s endpoint. Any HTTP status is
    // a success here: the operation's parser turns a failed status into its error. Safe to call
    // from several threads at once.
    Result<protocol::HttpResponse> send(Service service, const RequestMaker& make) const;

    // send, then parse.
    template <class Parse>
    auto call(Service service, const RequestMaker& make, Parse&& parse) const
        -> std::invoke_result_t<Parse, const protocol::HttpResponse&> {
        auto response = send(service, make);
        if (!response) return std::unexpected(response.error());
        return std::forward<Parse>(parse)(*response);
    }

  private:
    struct Shared;
    explicit Client(std::shared_ptr<Shared> shared) : m_shared(std::move(shared)) {}
    std::shared_ptr<Shared> m_shared;
};

}  // namespace emrctl::aws
