#pragma once

// One stack, created or updated through a change set, followed to the end:
//
//   DescribeStacks ─▶ in progress? wait │ failed create? delete, wait │ stuck? stop with the fix
//   its cluster ended? the next ClusterGeneration (cluster_generation.hpp)
//   CreateChangeSet ─▶ DescribeChangeSet until ready ─▶ no changes: delete it, done
//                                         └─ ready ─▶ ExecuteChangeSet ─▶ events until settled
//
// A failure reports the events that caused it first. Ctrl-C stops the waiting, never the
// operation: CloudFormation carries on, and the next deploy waits for it before going on.

#include <chrono>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <emrctl/aws/client.hpp>
#include <emrctl/aws/services/cloudformation/stack_fields.hpp>
#include <emrctl/aws/services/cloudformation/stacks.hpp>
#include <emrctl/deploy/clock.hpp>
#include <emrctl/deploy/cluster_generation.hpp>
#include <emrctl/deploy/deploy_events.hpp>
#include <emrctl/deploy/retained_buckets.hpp>
#include <emrctl/deploy/waiter.hpp>
#include <emrctl/util/error.hpp>

namespace emrctl::deploy {

struct StackDeployment {
    std::string name;
    std::string template_body;                   // JSON
    std::vector<aws::cloudformation::Tag> tags;  // on the stack, and so on every resource
    // Buckets the stack makes that assets go to: `buckets_ready` is called once they exist,
    // which may be while the stack is still being created (a cluster's bootstrap actions need
    // their scripts in place before the stack can finish).
    std::vector<std::string> asset_buckets;
    // Buckets the stack keeps when deleted: deploy adopts them when they outlived an earlier
    // stack; destroy reports or purges them.
    std::vector<RetainedBucket> retained_buckets;
    // The cluster the stack replaces once it has ended; none when it has no cluster.
    std::optional<ReplaceableCluster> cluster;
};

struct DeployOptions {
    WaitPolicy change_set_wait{.first_delay = std::chrono::milliseconds(500),
                               .max_delay = std::chrono::milliseconds(5000),
                               .growth = 1.5,
                               .timeout = std::chrono::minutes(15)};
    WaitPolicy stack_wait{.first_delay = std::chrono::milliseconds(1000),
                          .max_delay = std::chrono::milliseconds(10'000),
                          .growth = 1.5,
                          .timeout = std::chrono::hours(3)};
    // Larger templates go through the staging bucket (CloudFormation's inline limit).
    std::size_t inline_template_limit = aws::cloudformation::k_max_template_body_bytes;
};

enum class StackOutcome { created, updated, unchanged };

struct StackDeployResult {
    StackOutcome outcome = StackOutcome::unchanged;
    std::string stack_id;
    std::vector<aws::cloudformation::StackOutput> outputs;
};

Result<StackDeployResult> deploy_stack(const aws::Client& client, const StackDeployment& stack,
                                       const DeployOptions& options, const Clock& clock,
                                       const DeployEventSink& sink,
                                       const std::function<void()>& buckets_ready);

// The stack as CloudFormation has it; nullopt when there is none.
Result<std::optional<aws::cloudformation::Stack>> describe_stack(const aws::Client& client,
                                                                 const std::string& name);

// Follows a stack's events from now until its status settles, reporting each new one. Used by
// deploy and destroy. `on_event` (may be empty) sees each event before the sink does.
struct FollowResult {
    std::string status;  // the settled status ("" when the stack is gone)
    std::vector<aws::cloudformation::StackEvent> events;  // this operation's, oldest first
};
class StackFollower {
  public:
    StackFollower(const aws::Client& client, std::string stack_id);
    // Remembers the events that exist now, so that only later ones are reported.
    Result<void> mark_start();
    Result<FollowResult> follow(
        const WaitPolicy& policy, const Clock& clock, const DeployEventSink& sink,
        const std::function<void(const aws::cloudformation::StackEvent&)>& on_event = {});

  private:
    Result<std::vector<aws::cloudformation::StackEvent>> new_events();

    const aws::Client& m_client;
    std::string m_stack_id;
    std::vector<std::string> m_seen;
};

// The error for an operation that ended in `status`: the root causes first, then what to do.
Error stack_failure(const std::string& stack, const std::string& status,
                    const std::vector<aws::cloudformation::StackEvent>& events);

}  // namespace emrctl::deploy
