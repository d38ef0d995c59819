#pragma once

// Sending one HTTP request and receiving its response: the I/O seam of the AWS code, an
// interface so that tests can answer requests without a network.

#include <chrono>
#include <memory>

#include <emrctl/aws/http_request.hpp>
#include <emrctl/aws/protocol/http_response.hpp>
#include <emrctl/util/error.hpp>

namespace emrctl::aws {

class Transport {
  public:
    virtual ~Transport() = default;
    // A response of any HTTP status is a success here; only a request that got no complete
    // answer (refused, reset, timed out) is an error, of kind `network`.
    virtual Result<protocol::HttpResponse> send(const HttpRequest& request) = 0;
};

struct TransportTimeouts {
    std::chrono::milliseconds connect{10'000};
    // A transfer that moves nothing for this long is dead; a slow but moving one is not.
    std::chrono::milliseconds stalled{60'000};
};

// The one HTTP implementation, over libcurl. It keeps its connection open between requests
// (keep-alive), so it is meant to be used by one thread; give each worker its own.
std::unique_ptr<Transport> make_curl_transport(TransportTimeouts timeouts = {});

}  // namespace emrctl::aws
