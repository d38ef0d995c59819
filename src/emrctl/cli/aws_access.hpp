#pragma once

// The AWS client of a command, from its flags and the project's region.

#include <emrctl/aws/client.hpp>
#include <emrctl/cli/global_options.hpp>
#include <emrctl/config/project.hpp>

namespace emrctl::cli {

Result<aws::Client> open_client(const GlobalOptions& global, const config::Project& project,
                                std::function<void(const aws::RetryNotice&)> on_retry = {});

// Whether stderr is a terminal that understands escape sequences (progress lines, colour).
bool stderr_is_terminal();

}  // namespace emrctl::cli
