#pragma once

// The emrctl binary run as a user runs it, against the AWS emulator (tests/emulator): a clean
// environment that points every AWS call at 127.0.0.1, a scratch copy of a project, and the
// emulator's control API (/_emrctl/) to script what AWS does and to check what emrctl did.

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "../support/emrctl_process.hpp"
#include "emulator_endpoint.hpp"
#include <fcntl.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <emrctl/aws/transport.hpp>

namespace emrctl::testing {

using Json = nlohmann::json;

// The control API: JSON in, JSON out; anything but a 200 fails the test.
class EmulatorControl {
  public:
    explicit EmulatorControl(std::string endpoint)
        : m_host(endpoint.substr(endpoint.find("://") + 3)),
          m_transport(aws::make_curl_transport({.connect = std::chrono::milliseconds(2000),
                                                .stalled = std::chrono::milliseconds(10000)})) {}

    Json get(const std::string& route, std::vector<aws::QueryParam> query = {}) {
        return call("GET", route, std::move(query), {});
    }
    Json post(const std::string& route, const Json& body = Json::object()) {
        return call("POST", route, {}, body.dump());
    }
    Json del(const std::string& route) { return call("DELETE", route, {}, {}); }

    void reset() { post("reset"); }

    // The request log's newest sequence number: pass it to `requests` to see what came after.
    long last_seq() { return get("requests")["last_seq"].get<long>(); }

    // The AWS requests served after `since`, oldest first, narrowed to a service and operation.
    std::vector<Json> requests(long since, const std::string& service = {},
                               const std::string& operation = {}) {
        std::vector<aws::QueryParam> query{{"since", std::to_string(since)}};
        if (!service.empty()) query.emplace_back("service", service);
        if (!operation.empty()) query.emplace_back("operation", operation);
        const auto answer = get("requests", query);
        return {answer["requests"].begin(), answer["requests"].end()};
    }

    // The live objects of a bucket: key → size.
    std::map<std::string, long> objects(const std::string& bucket, const std::string& prefix = {}) {
        std::vector<aws::QueryParam> query{{"bucket", bucket}};
        if (!prefix.empty()) query.emplace_back("prefix", prefix);
        std::map<std::string, long> out;
        const auto answer = get("s3/objects", query);
        for (const auto& o : answer["objects"])
            out[o["key"].get<std::string>()] = o["size"].get<long>();
        return out;
    }

  private:
    Json call(const std::string& method, const std::string& route,
              std::vector<aws::QueryParam> query, std::string body) {
        aws::HttpRequest r{.scheme = "http",
                           .method = method,
                           .host = m_host,
                           .path = "/_emrctl/" + route,
                           .query = std::move(query)};
        r.headers = {{"Content-Type", "application/json"}};
        r.body = std::move(body);
        auto answer = m_transport->send(r);
        if (!answer) {
            ADD_FAILURE() << method << " /_emrctl/" << route << ": " << answer.error().message;
            return Json::object();
        }
        if (answer->status != 200) {
            ADD_FAILURE() << method << " /_emrctl/" << route << ": HTTP " << answer->status << " "
                          << answer->body;
            return Json::object();
        }
        return Json::parse(answer->body);
    }

    std::string m_host;
    std::unique_ptr<aws::Transport> m_transport;
};

// An emrctl process started in the background; `finish` waits for it.
struct Running {
    pid_t pid = -1;
    std::filesystem::path out;
    std::filesystem::path err;
};

// The credentials emrctl is given; the emulator without signature checking takes any.
struct Credentials {
    std::string key = "testing";
    std::string secret = "testing";
};

// A scratch folder with a fresh copy of a project, an emulator reset to nothing, and emrctl run
// there with nothing of the machine's environment: no profile, no proxy, no real endpoint.
class EmrctlOnEmulator : public EmrctlTest {
  protected:
    void SetUp() override {
        EmrctlTest::SetUp();
        m_endpoint = emulator_endpoint_from_fixture();
        if (m_endpoint.empty()) GTEST_SKIP() << "EMRCTL_EMULATOR_DIR is not set: run via ctest";
        ASSERT_TRUE(m_endpoint.starts_with("http://127.0.0.1:")) << m_endpoint;
        m_control = std::make_unique<EmulatorControl>(m_endpoint);
        m_control->reset();
        m_project = copy_project("examples/quickstart");
    }

    EmulatorControl& control() { return *m_control; }

    // `emrctl <args...>` in the project, stdin /dev/null, stdout and stderr to files.
    Running start(const std::vector<std::string>& args, const Credentials& credentials = {}) {
        const auto n = ++m_runs;
        Running r{.out = m_dir / ("stdout-" + std::to_string(n) + ".txt"),
                  .err = m_dir / ("stderr-" + std::to_string(n) + ".txt")};
        std::vector<std::string> env{
            "AWS_ENDPOINT_URL=" + m_endpoint,
            "AWS_ACCESS_KEY_ID=" + credentials.key,
            "AWS_SECRET_ACCESS_KEY=" + credentials.secret,
            "AWS_REGION=us-east-1",
            "AWS_CONFIG_FILE=/dev/null",
            "AWS_SHARED_CREDENTIALS_FILE=/dev/null",
            "HOME=" + m_dir.string(),
            "PATH=/usr/bin:/bin",
            "NO_COLOR=1",
        };
        std::vector<std::string> argv{EMRCTL_BINARY};
        argv.insert(argv.end(), args.begin(), args.end());
        std::vector<char*> c_env;
        for (auto& e : env)
            c_env.push_back(e.data());
        c_env.push_back(nullptr);
        std::vector<char*> c_argv;
        for (auto& a : argv)
            c_argv.push_back(a.data());
        c_argv.push_back(nullptr);
        const auto cwd = m_project.string();
        const auto out = r.out.string();
        const auto err = r.err.string();
        r.pid = ::fork();
        if (r.pid == 0) {
            const int in_fd = ::open("/dev/null", O_RDONLY);
            const int out_fd = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            const int err_fd = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            if (in_fd < 0 || out_fd < 0 || err_fd < 0 || ::chdir(cwd.c_str()) != 0) ::_exit(126);
            ::dup2(in_fd, 0);
            ::dup2(out_fd, 1);
            ::dup2(err_fd, 2);
            ::execve(c_argv[0], c_argv.data(), c_env.data());
            ::_exit(127);
        }
        EXPECT_GT(r.pid, 0) << "fork failed";
        return r;
    }

    // Waits for the process (killing it after `limit`); the status is the exit code, or 1000 +
    // the signal that ended it.
    Outcome finish(const Running& r, std::chrono::seconds limit = std::chrono::seconds(60)) {
        Outcome o;
        const auto deadline = std::chrono::steady_clock::now() + limit;
        int raw = 0;
        while (::waitpid(r.pid, &raw, WNOHANG) == 0) {
            if (std::chrono::steady_clock::now() > deadline) {
                ::kill(r.pid, SIGKILL);
                ::waitpid(r.pid, &raw, 0);
                ADD_FAILURE() << "emrctl did not finish within " << limit.count() << " s";
                break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        o.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : WIFSIGNALED(raw) ? 1000 + WTERMSIG(raw) : -1;
        o.out = read_file(r.out);
        o.err = read_file(r.err);
        return o;
    }

    // `emrctl <args...>` to the end.
    Outcome emrctl(const std::vector<std::string>& args, const Credentials& credentials = {}) {
        return finish(start(args, credentials));
    }

    // Waits until the process's stderr holds `text`; false if it ended or `limit` passed first.
    bool wait_for_stderr(const Running& r, const std::string& text,
                         std::chrono::seconds limit = std::chrono::seconds(30)) {
        const auto deadline = std::chrono::steady_clock::now() + limit;
        while (std::chrono::steady_clock::now() < deadline) {
            if (read_file(r.err).find(text) != std::string::npos) return true;
            if (::kill(r.pid, 0) != 0) return false;
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        return false;
    }

    // What the last deploy wrote under emrctl.out/.
    Json outputs() {
        return Json::parse(read_file(m_project / "emrctl.out/outputs.json"), nullptr, false);
    }
    Json manifest() {
        return Json::parse(read_file(m_project / "emrctl.out/assets.json"), nullptr, false);
    }
    // The data bucket, as the manifest names it (synth and deploy write it).
    std::string data_bucket() {
        const auto m = manifest();
        if (!m.contains("files") || m["files"].empty()) return {};
        return m["files"][0]["bucket"].get<std::string>();
    }

    std::string m_endpoint;
    std::unique_ptr<EmulatorControl> m_control;
    std::filesystem::path m_project;
    int m_runs = 0;
};

}  // namespace emrctl::testing
