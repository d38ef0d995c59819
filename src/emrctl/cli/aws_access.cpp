#include <cstdlib>
#include <string>

#include <unistd.h>

#include <emrctl/aws/credentials/file_access.hpp>
#include <emrctl/cli/aws_access.hpp>

namespace emrctl::cli {

namespace {

std::optional<std::string> flag(const std::string& value) {
    if (value.empty()) return std::nullopt;
    return value;
}

}  // namespace

Result<aws::Client> open_client(const GlobalOptions& global, const config::Project& project,
                                std::function<void(const aws::RetryNotice&)> on_retry) {
    const aws::AwsOptions options{.profile = flag(global.profile),
                                  .region = flag(global.region),
                                  .endpoint_url = flag(global.endpoint_url),
                                  .project_region = project.region};
    return aws::Client::open(options, aws::Environment::from_process(),
                             aws::make_disk_file_access(), {.on_retry = std::move(on_retry)});
}

bool stderr_is_terminal() {
    const char* term = std::getenv("TERM");
    return ::isatty(STDERR_FILENO) != 0 && term != nullptr && std::string(term) != "dumb";
}

}  // namespace emrctl::cli
