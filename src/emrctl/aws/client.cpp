#include <mutex>
#include <vector>

#include <emrctl/aws/client.hpp>
#include <emrctl/aws/credentials/cached_credentials.hpp>
#include <emrctl/aws/protocol/retry.hpp>
#include <emrctl/aws/services/sts/assume_role.hpp>
#include <emrctl/aws/sigv4.hpp>

namespace emrctl::aws {

namespace {

bool is_expired_token(const protocol::HttpResponse& response) {
    const auto code = protocol::error_code_of(response);
    return code == "ExpiredToken" || code == "ExpiredTokenException" || code == "RequestExpired" ||
           code == "TokenRefreshRequired";
}

RetryEnvironment complete(RetryEnvironment env, RetryQuota& quota) {
    auto real = real_retry_environment();
    if (!env.sleep) env.sleep = real.sleep;
    if (!env.random) env.random = real.random;
    if (env.quota == nullptr) env.quota = &quota;
    return env;
}

std::chrono::sys_seconds now_seconds() {
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

}  // namespace

struct Client::Shared {
    AwsSettings settings;
    ClientOptions options;
    RetryQuota quota;
    std::shared_ptr<CachedCredentials> credentials;

    std::mutex pool_mutex;
    std::vector<std::unique_ptr<Transport>> idle;

    explicit Shared(AwsSettings s, ClientOptions o)
        : settings(std::move(s)), options(std::move(o)) {}

    // A connection of our own for one request, returned to the pool afterwards, so that a
    // thread reuses a warm connection without two threads ever sharing one.
    class Lease {
      public:
        Lease(Shared& shared, std::unique_ptr<Transport> t) : m_shared(shared), m_t(std::move(t)) {}
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        ~Lease() {
            const std::lock_guard lock(m_shared.pool_mutex);
            m_shared.idle.push_back(std::move(m_t));
        }
        Transport& operator*() { return *m_t; }

      private:
        Shared& m_shared;
        std::unique_ptr<Transport> m_t;
    };

    Lease lease() {
        {
            const std::lock_guard lock(pool_mutex);
            if (!idle.empty()) {
                auto t = std::move(idle.back());
                idle.pop_back();
                return Lease(*this, std::move(t));
            }
        }
        return Lease(*this, options.make_transport ? options.make_transport()
                                                   : make_curl_transport(options.timeouts));
    }

    Result<protocol::HttpResponse> send_signed(Service service, const RequestMaker& make,
                                               const std::function<Result<Credentials>()>& creds) {
        auto endpoint = settings.endpoint(service);
        if (!endpoint) return std::unexpected(endpoint.error());
        const auto where = endpoint->location();
        auto build = [&]() -> Result<HttpRequest> {
            auto c = creds();
            if (!c) return std::unexpected(c.error());
            auto request = make(where);
            sign(request, signing_params(*c, *endpoint, now_seconds()));
            return request;
        };
        const auto env = complete(options.retry_environment, quota);
        auto transport = lease();
        std::function<void(int, std::chrono::milliseconds)> on_retry;
        if (options.on_retry) {
            on_retry = [&](int attempt, std::chrono::milliseconds delay) {
                options.on_retry(RetryNotice{service, attempt, delay});
            };
        }
        return send_with_retries(
            *transport, build,
            [](const protocol::HttpResponse& r) { return protocol::classify_retry(r); },
            options.retry, env, nullptr, on_retry);
    }
};

Result<Client> Client::open(const AwsOptions& options, Environment env,
                            std::shared_ptr<FileAccess> files, ClientOptions client) {
    auto settings = AwsSettings::load(options, std::move(env), std::move(files));
    if (!settings) return std::unexpected(settings.error());
    auto shared = std::make_shared<Shared>(std::move(*settings), std::move(client));
    // AssumeRole goes through this same client, signed with the source profile's keys. The
    // pointer is weak: the credentials cache lives inside what it points to.
    std::weak_ptr<Shared> weak = shared;
    auto assume_role = [weak](const AssumeRoleRequest& request,
                              const Credentials& source) -> Result<Credentials> {
        auto self = weak.lock();
        if (!self) return fail(ErrorKind::internal, "the AWS client is gone");
        const sts::AssumeRoleInput input{.role_arn = request.role_arn,
                                         .role_session_name = request.role_session_name,
                                         .duration = request.duration,
                                         .external_id = request.external_id};
        auto response = self->send_signed(
            Service::sts,
            [&](const protocol::Endpoint& e) { return sts::make_assume_role_request(input, e); },
            [&]() -> Result<Credentials> { return source; });
        if (!response) return std::unexpected(response.error());
        auto out = sts::parse_assume_role_response(*response);
        if (!out) return std::unexpected(out.error());
        return Credentials{
            .access_key_id = out->credentials.access_key_id,
            .secret_access_key = out->credentials.secret_access_key,
            .session_token = out->credentials.session_token,
            .expiration = out->credentials.expiration,
            .source = "assumed role " + request.role_arn + " via profile " + request.profile};
    };
    shared->credentials = shared->settings.credentials(assume_role);
    return Client(std::move(shared));
}

const std::string& Client::region() const {
    return m_shared->settings.region().name;
}

const AwsSettings& Client::settings() const {
    return m_shared->settings;
}

Result<protocol::HttpResponse> Client::send(Service service, const RequestMaker& make) const {
    auto& shared = *m_shared;
    auto creds = [&] { return shared.credentials->get(); };
    auto response = shared.send_signed(service, make, creds);
    // Temporary credentials can be revoked or expire early (clock skew, a shortened session):
    // fetch them afresh once, as the SDKs do, rather than fail the whole deploy.
    if (response && is_expired_token(*response)) {
        auto current = shared.credentials->get();
        if (current && current->expiration) {
            shared.credentials->invalidate();
            response = shared.send_signed(service, make, creds);
        }
    }
    return response;
}

}  // namespace emrctl::aws
