// bench/upload's driver: publishes every file under PROJECT_DIR/SUBDIR to a bucket with emrctl's
// asset publisher, hashing through the project's hash cache as synth does (the cache lands in
// PROJECT_DIR/.emrctl/cache, outside SUBDIR, so the other tools never see it), and prints one
// line:
//
//   files=2001 uploaded=2001 unchanged=0 deleted=0 bytes=1141... hash_s=1.912 publish_s=9.377
//
// usage: emrctl_bench_upload --endpoint-url URL --bucket NAME [--region R] [--prefix P]
//                            [--concurrency N] PROJECT_DIR SUBDIR
// Credentials come from the environment (AWS_ACCESS_KEY_ID…), as for emrctl itself.

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <emrctl/aws/client.hpp>
#include <emrctl/aws/credentials/environment.hpp>
#include <emrctl/aws/credentials/file_access.hpp>
#include <emrctl/aws/credentials/settings.hpp>
#include <emrctl/deploy/asset_publisher.hpp>
#include <emrctl/stacks/assets.hpp>
#include <emrctl/util/error.hpp>
#include <emrctl/workspace/assembly.hpp>

namespace {

namespace fs = std::filesystem;
using namespace emrctl;

struct Arguments {
    std::string endpoint_url;
    std::string bucket;
    std::string region = "us-east-1";
    std::string prefix;
    int concurrency = deploy::PublishOptions{}.concurrency;
    fs::path project_dir;
    std::string subdir;
};

constexpr const char* k_usage =
    "usage: emrctl_bench_upload --endpoint-url URL --bucket NAME [--region R] [--prefix P]\n"
    "                           [--concurrency N] PROJECT_DIR SUBDIR\n";

Result<Arguments> parse_arguments(int argc, char** argv) {
    Arguments a;
    std::vector<std::string> positional;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        const auto value = [&]() -> Result<std::string> {
            if (i + 1 >= argc) return fail(ErrorKind::usage, std::string(arg) + " needs a value");
            return std::string(argv[++i]);
        };
        std::string* target = nullptr;
        if (arg == "--endpoint-url") target = &a.endpoint_url;
        if (arg == "--bucket") target = &a.bucket;
        if (arg == "--region") target = &a.region;
        if (arg == "--prefix") target = &a.prefix;
        if (target != nullptr) {
            auto v = value();
            if (!v) return std::unexpected(v.error());
            *target = std::move(*v);
        } else if (arg == "--concurrency") {
            auto v = value();
            if (!v) return std::unexpected(v.error());
            const auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), a.concurrency);
            if (ec != std::errc{} || end != v->data() + v->size() || a.concurrency < 1) {
                return fail(ErrorKind::usage, "--concurrency takes a positive number");
            }
        } else if (arg.starts_with("-")) {
            return fail(ErrorKind::usage, "unknown option " + std::string(arg));
        } else {
            positional.emplace_back(arg);
        }
    }
    if (positional.size() != 2 || a.endpoint_url.empty() || a.bucket.empty()) {
        return fail(ErrorKind::usage, "expected --endpoint-url, --bucket, PROJECT_DIR and SUBDIR");
    }
    a.project_dir = positional[0];
    a.subdir = positional[1];
    return a;
}

// Every regular file under project_dir/subdir, sorted by key: source "subdir/rel", key
// prefix + "rel".
Result<std::vector<stacks::Asset>> list_assets(const Arguments& a) {
    const fs::path top = a.project_dir / a.subdir;
    std::error_code ec;
    std::vector<stacks::Asset> assets;
    for (auto it = fs::recursive_directory_iterator(top, ec); !ec && it != fs::end(it);
         it.increment(ec)) {
        if (!it->is_regular_file()) continue;
        const std::string relative = it->path().lexically_relative(top).generic_string();
        assets.push_back({.source = (fs::path(a.subdir) / relative).generic_string(),
                          .bucket = a.bucket,
                          .key = a.prefix + relative,
                          .size = it->file_size()});
    }
    if (ec) return fail(ErrorKind::io, "cannot list " + top.string() + ": " + ec.message());
    std::ranges::sort(assets, {}, &stacks::Asset::key);
    return assets;
}

void print_error(const Error& e) {
    std::fprintf(stderr, "emrctl_bench_upload: %s\n", e.message.c_str());
    if (e.aws) {
        std::fprintf(stderr, "  %s %s: HTTP %d %s: %s\n", e.aws->service.c_str(),
                     e.aws->operation.c_str(), e.aws->http_status, e.aws->code.c_str(),
                     e.aws->message.c_str());
    }
    for (const auto& c : e.context)
        std::fprintf(stderr, "  %s\n", c.c_str());
    for (const auto& p : e.problems)
        std::fprintf(stderr, "  - %s\n", p.message.c_str());
    if (!e.hint.empty()) std::fprintf(stderr, "  hint: %s\n", e.hint.c_str());
}

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

Result<void> run(const Arguments& a) {
    const auto hash_start = std::chrono::steady_clock::now();
    auto assets = list_assets(a);
    if (!assets) return std::unexpected(assets.error());
    auto hashed = workspace::hash_assets(a.project_dir, *assets);
    if (!hashed) return std::unexpected(hashed.error());
    std::vector<deploy::AssetFile> files;
    files.reserve(hashed->size());
    for (auto& [asset, sha256] : *hashed) {
        files.push_back({.file = a.project_dir / asset.source,
                         .bucket = asset.bucket,
                         .key = asset.key,
                         .size = asset.size,
                         .sha256 = std::move(sha256)});
    }
    const double hash_s = seconds_since(hash_start);

    const auto publish_start = std::chrono::steady_clock::now();
    auto client = aws::Client::open({.region = a.region, .endpoint_url = a.endpoint_url},
                                    aws::Environment::from_process(), aws::make_disk_file_access());
    if (!client) return std::unexpected(client.error());
    auto report = deploy::publish_assets(*client, files,
                                         deploy::PublishOptions{.concurrency = a.concurrency});
    if (!report) return std::unexpected(report.error());
    const double publish_s = seconds_since(publish_start);

    const auto& plan = report->plan;
    std::printf(
        "files=%zu uploaded=%zu unchanged=%zu deleted=%zu bytes=%llu hash_s=%.3f "
        "publish_s=%.3f\n",
        files.size(), plan.upload.size(), plan.unchanged.size(), plan.remove.size(),
        static_cast<unsigned long long>(plan.upload_bytes), hash_s, publish_s);
    return ok();
}

}  // namespace

int main(int argc, char** argv) {
    auto arguments = parse_arguments(argc, argv);
    if (!arguments) {
        std::fprintf(stderr, "emrctl_bench_upload: %s\n%s", arguments.error().message.c_str(),
                     k_usage);
        return 2;
    }
    if (auto done = run(*arguments); !done) {
        print_error(done.error());
        return exit_status(done.error());
    }
    return 0;
}
