#include <cstdio>
#include <memory>
#include <mutex>

#include <curl/curl.h>

#include <emrctl/aws/transport.hpp>
#include <emrctl/aws/uri_encode.hpp>
#include <emrctl/util/strings.hpp>

namespace emrctl::aws {

namespace {

void init_curl_once() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct EasyDeleter {
    void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct ListDeleter {
    void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};
struct FileCloser {
    void operator()(std::FILE* f) const { std::fclose(f); }
};

// Where the request body comes from as curl asks for it.
struct BodySource {
    const std::string* text = nullptr;
    std::size_t sent = 0;
    std::FILE* file = nullptr;
    std::uint64_t left = 0;
};

std::size_t read_body(char* buffer, std::size_t size, std::size_t count, void* user) {
    auto* source = static_cast<BodySource*>(user);
    const std::size_t room = size * count;
    if (source->file != nullptr) {
        const auto want = static_cast<std::size_t>(std::min<std::uint64_t>(room, source->left));
        const auto got = std::fread(buffer, 1, want, source->file);
        source->left -= got;
        return got == want ? got : CURL_READFUNC_ABORT;  // a file that shrank is an error
    }
    const auto n = std::min(room, source->text->size() - source->sent);
    source->text->copy(buffer, n, source->sent);
    source->sent += n;
    return n;
}

std::size_t write_body(char* data, std::size_t size, std::size_t count, void* user) {
    static_cast<std::string*>(user)->append(data, size * count);
    return size * count;
}

std::size_t write_header(char* data, std::size_t size, std::size_t count, void* user) {
    auto* headers = static_cast<std::vector<Header>*>(user);
    const std::string_view line(data, size * count);
    if (line.starts_with("HTTP/")) {
        headers->clear();  // a new response (after a 100 Continue): forget the old headers
    } else if (const auto colon = line.find(':'); colon != std::string_view::npos) {
        headers->emplace_back(std::string(util::trim(line.substr(0, colon))),
                              std::string(util::trim(line.substr(colon + 1))));
    }
    return size * count;
}

class CurlTransport final : public Transport {
  public:
    explicit CurlTransport(TransportTimeouts timeouts) : m_timeouts(timeouts) {
        init_curl_once();
        m_curl.reset(curl_easy_init());
    }

    Result<protocol::HttpResponse> send(const HttpRequest& request) override {
        CURL* c = m_curl.get();
        curl_easy_reset(c);  // keeps the connection cache, drops the last request's options
        const auto url = request_url(request);
        curl_easy_setopt(c, CURLOPT_URL, url.c_str());
        curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
        curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS,
                         static_cast<long>(m_timeouts.connect.count()));
        curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, 1L);
        curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME,
                         static_cast<long>(m_timeouts.stalled.count() / 1000));

        std::unique_ptr<curl_slist, ListDeleter> headers;
        for (const auto& [name, value] : request.headers) {
            const auto line = name + ": " + value;
            headers.reset(curl_slist_append(headers.release(), line.c_str()));
        }
        // S3 and the emulators answer at once; waiting for "100 Continue" only adds a round trip.
        headers.reset(curl_slist_append(headers.release(), "Expect:"));
        curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());

        BodySource source{.text = &request.body};
        std::unique_ptr<std::FILE, FileCloser> file;
        std::uint64_t body_size = request.body.size();
        if (request.body_file) {
            file.reset(std::fopen(request.body_file->path.c_str(), "rb"));
            if (!file || std::fseek(file.get(), static_cast<long>(request.body_file->offset),
                                    SEEK_SET) != 0) {
                return fail(ErrorKind::io, "cannot read " + request.body_file->path);
            }
            source.file = file.get();
            source.left = request.body_file->length;
            body_size = request.body_file->length;
        }
        if (request.method == "HEAD") {
            curl_easy_setopt(c, CURLOPT_NOBODY, 1L);
        } else if (request.method == "GET" && body_size == 0) {
            curl_easy_setopt(c, CURLOPT_HTTPGET, 1L);
        } else {
            curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
            curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, request.method.c_str());
            curl_easy_setopt(c, CURLOPT_READFUNCTION, read_body);
            curl_easy_setopt(c, CURLOPT_READDATA, &source);
            curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(body_size));
        }

        protocol::HttpResponse response;
        curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, write_body);
        curl_easy_setopt(c, CURLOPT_WRITEDATA, &response.body);
        curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, write_header);
        curl_easy_setopt(c, CURLOPT_HEADERDATA, &response.headers);

        const auto code = curl_easy_perform(c);
        if (code != CURLE_OK) {
            return fail(ErrorKind::network,
                        request.method + " " + request.scheme + "://" + request.host + ": " +
                            curl_easy_strerror(code),
                        "check the network and the endpoint; emrctl retries such failures");
        }
        long status = 0;
        curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
        response.status = static_cast<int>(status);
        return response;
    }

  private:
    TransportTimeouts m_timeouts;
    std::unique_ptr<CURL, EasyDeleter> m_curl;
};

}  // namespace

std::unique_ptr<Transport> make_curl_transport(TransportTimeouts timeouts) {
    return std::make_unique<CurlTransport>(timeouts);
}

}  // namespace emrctl::aws
