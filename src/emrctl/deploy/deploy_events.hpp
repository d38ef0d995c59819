#pragma once

// What deploy, diff and destroy have to say while they work, as values: deploy/ emits them,
// cli/ renders them (a live view on a terminal, lines in a log, JSON with --output json).

#include <chrono>
#include <functional>
#include <string>
#include <variant>
#include <vector>

#include <emrctl/aws/client.hpp>
#include <emrctl/aws/services/cloudformation/change_sets.hpp>
#include <emrctl/aws/services/cloudformation/stack_events.hpp>
#include <emrctl/deploy/asset_publisher.hpp>

namespace emrctl::deploy {

// Something worth a line that is not an event of its own ("creating the staging bucket").
struct Notice {
    std::string text;
};

// A change set is ready: what executing it will do.
struct ChangeSetReady {
    std::string stack;
    std::vector<aws::cloudformation::ResourceChange> changes;
};

struct StackUnchanged {
    std::string stack;
};

// A stack event of the operation under way, in the order they happened.
struct StackEventSeen {
    aws::cloudformation::StackEvent event;
};

struct StackSettled {
    std::string stack;
    std::string status;
    std::chrono::milliseconds elapsed{0};
};

struct PublishStarted {
    std::size_t upload_files = 0;
    std::uint64_t upload_bytes = 0;
    std::size_t unchanged_files = 0;
    std::size_t remove_files = 0;
};

struct PublishAdvanced {
    PublishProgress progress;
};

struct PublishFinished {
    PublishReport report;
};

using DeployEvent =
    std::variant<Notice, ChangeSetReady, StackUnchanged, StackEventSeen, StackSettled,
                 PublishStarted, PublishAdvanced, PublishFinished, aws::RetryNotice>;
using DeployEventSink = std::function<void(const DeployEvent&)>;

}  // namespace emrctl::deploy
