#include <algorithm>
#include <ctime>
#include <random>
#include <set>

#include <emrctl/aws/services/cloudformation/change_sets.hpp>
#include <emrctl/aws/services/cloudformation/stack_events.hpp>
#include <emrctl/aws/services/s3/buckets.hpp>
#include <emrctl/aws/services/s3/s3_protocol.hpp>
#include <emrctl/deploy/bucket_exists.hpp>
#include <emrctl/deploy/root_causes.hpp>
#include <emrctl/deploy/stack_deployment.hpp>
#include <emrctl/deploy/stack_status.hpp>
#include <emrctl/deploy/staging_bucket.hpp>
#include <emrctl/util/interrupt.hpp>

namespace emrctl::deploy {

namespace cf = aws::cloudformation;
using aws::Service;
using aws::protocol::Endpoint;

namespace {

// Idempotency tokens for the calls that start operations: a retried call with the same token
// does not start a second one.
std::string client_token(std::string_view prefix) {
    static thread_local std::mt19937_64 random{std::random_device{}()};
    static constexpr char hex[] = "0123456789abcdef";
    std::string token(prefix);
    token += "-";
    for (int i = 0; i < 24; ++i)
        token += hex[random() % 16];
    return token;
}

std::string change_set_name() {
    const auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    ::gmtime_r(&now, &utc);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "emrctl-%Y%m%d-%H%M%S", &utc);
    return buffer;
}

bool interrupted() {
    return interrupt_requested();
}

Error interrupted_waiting(const std::string& stack, const std::string& what) {
    return Error{.kind = ErrorKind::interrupted,
                 .message = "stopped waiting for stack " + stack + " " + what +
                            "; CloudFormation carries on without us",
                 .hint =
                     "run `emrctl deploy` again to follow it to the end (it waits for the "
                     "operation under way first), or `emrctl destroy` to remove the stack"};
}

Error timed_out(const std::string& stack, const std::string& what) {
    return Error{.kind = ErrorKind::aws,
                 .message = "gave up waiting for stack " + stack + " " + what,
                 .hint =
                     "look at the stack's events in the CloudFormation console, then run "
                     "`emrctl deploy` again"};
}

Result<void> check_wait(Result<WaitOutcome> outcome, const std::string& stack,
                        const std::string& what) {
    if (!outcome) return std::unexpected(outcome.error());
    switch (*outcome) {
        case WaitOutcome::done:
            return {};
        case WaitOutcome::interrupted:
            return std::unexpected(interrupted_waiting(stack, what));
        case WaitOutcome::timed_out:
            return std::unexpected(timed_out(stack, what));
    }
    return {};
}

Result<void> delete_and_wait(const aws::Client& client, const cf::Stack& stack,
                             const DeployOptions& options, const Clock& clock,
                             const DeployEventSink& sink) {
    StackFollower follower(client, stack.stack_id);
    if (auto marked = follower.mark_start(); !marked) return marked;
    const cf::DeleteStackInput input{.stack_name = stack.stack_id,
                                     .client_token = client_token("emrctl-delete")};
    auto deleted = client.call(
        Service::cloudformation,
        [&](const Endpoint& e) { return cf::make_delete_stack_request(input, e); },
        cf::parse_delete_stack_response);
    if (!deleted) return std::unexpected(deleted.error());
    auto followed = follower.follow(options.stack_wait, clock, sink);
    if (!followed) return std::unexpected(followed.error());
    if (!followed->status.empty() && followed->status != "DELETE_COMPLETE") {
        return std::unexpected(stack_failure(stack.stack_name, followed->status, followed->events));
    }
    return {};
}

// Waits until the stack is not in the middle of an operation, and gets it out of the states
// from which no change set can be made. nullopt: there is no stack (any more).
Result<std::optional<cf::Stack>> settle(const aws::Client& client, const std::string& name,
                                        const DeployOptions& options, const Clock& clock,
                                        const DeployEventSink& sink) {
    auto current = describe_stack(client, name);
    if (!current) return std::unexpected(current.error());
    if (*current && stack_condition((*current)->status) == StackCondition::in_progress) {
        if (sink) {
            sink(Notice{"stack " + name + " is " + (*current)->status +
                        " from an earlier operation; waiting for it to finish"});
        }
        StackFollower follower(client, (*current)->stack_id);
        if (auto marked = follower.mark_start(); !marked) return std::unexpected(marked.error());
        auto followed = follower.follow(options.stack_wait, clock, sink);
        if (!followed) return std::unexpected(followed.error());
        current = describe_stack(client, name);
        if (!current) return std::unexpected(current.error());
    }
    if (!*current) return current;
    const auto& stack = **current;
    switch (stack_condition(stack.status)) {
        case StackCondition::failed_create:
            if (sink) {
                sink(Notice{"stack " + name + " is " + stack.status +
                            " after a failed create; deleting it to create it again"});
            }
            if (auto gone = delete_and_wait(client, stack, options, clock, sink); !gone) {
                return std::unexpected(gone.error());
            }
            return std::optional<cf::Stack>{};
        case StackCondition::stuck:
            return fail(
                ErrorKind::aws,
                "stack " + name + " is " + stack.status + ": CloudFormation cannot update it",
                stack.status == "UPDATE_ROLLBACK_FAILED"
                    ? "continue the rollback (`aws cloudformation continue-update-rollback "
                      "--stack-name " +
                          name +
                          "`, skipping the resources that cannot "
                          "roll back), then run `emrctl deploy` again"
                    : "run `emrctl destroy` to remove it, then `emrctl deploy`");
        default:
            return current;
    }
}

Result<cf::DescribeChangeSetOutput> wait_for_change_set(const aws::Client& client,
                                                        const std::string& stack,
                                                        const std::string& change_set_id,
                                                        const DeployOptions& options,
                                                        const Clock& clock) {
    cf::DescribeChangeSetOutput last;
    auto outcome = wait_until(
        clock, options.change_set_wait,
        [&]() -> Result<bool> {
            const cf::DescribeChangeSetInput input{.change_set_name = change_set_id};
            auto described = client.call(
                Service::cloudformation,
                [&](const Endpoint& e) { return cf::make_describe_change_set_request(input, e); },
                cf::parse_describe_change_set_response);
            if (!described) return std::unexpected(described.error());
            last = std::move(*described);
            return last.outcome != cf::ChangeSetOutcome::pending;
        },
        interrupted);
    if (auto ok = check_wait(outcome, stack, "to prepare its change set"); !ok) {
        return std::unexpected(ok.error());
    }
    // The list of changes is paged.
    auto next = last.next_token;
    while (!next.empty()) {
        const cf::DescribeChangeSetInput input{.change_set_name = change_set_id,
                                               .next_token = next};
        auto page = client.call(
            Service::cloudformation,
            [&](const Endpoint& e) { return cf::make_describe_change_set_request(input, e); },
            cf::parse_describe_change_set_response);
        if (!page) return std::unexpected(page.error());
        last.changes.insert(last.changes.end(), page->changes.begin(), page->changes.end());
        next = page->next_token;
    }
    return last;
}

void delete_change_set(const aws::Client& client, const std::string& change_set_id) {
    const cf::DeleteChangeSetInput input{.change_set_name = change_set_id};
    // Left behind, an unexecuted change set costs nothing and the next deploy makes its own:
    // not worth failing over.
    (void)client.call(
        Service::cloudformation,
        [&](const Endpoint& e) { return cf::make_delete_change_set_request(input, e); },
        cf::parse_delete_change_set_response);
}

// A change set made and described until CloudFormation has worked out what it does.
struct PreparedChangeSet {
    cf::CreateChangeSetOutput created;
    cf::DescribeChangeSetOutput described;
};

Result<PreparedChangeSet> prepare_change_set(const aws::Client& client,
                                             const cf::CreateChangeSetInput& input,
                                             const DeployOptions& options, const Clock& clock) {
    auto created = client.call(
        Service::cloudformation,
        [&](const Endpoint& e) { return cf::make_create_change_set_request(input, e); },
        cf::parse_create_change_set_response);
    if (!created) {
        return std::unexpected(
            add_context(std::move(created.error()),
                        "while creating a change set for stack " + input.stack_name));
    }
    auto described = wait_for_change_set(client, input.stack_name, created->id, options, clock);
    if (!described) return std::unexpected(described.error());
    return PreparedChangeSet{std::move(*created), std::move(*described)};
}

// Executes a ready change set and follows the stack until it settles; an unsuccessful end is
// the error, with its root causes.
Result<FollowResult> execute_and_follow(
    const aws::Client& client, const std::string& stack, const PreparedChangeSet& change_set,
    const DeployOptions& options, const Clock& clock, const DeployEventSink& sink,
    const std::function<void(const cf::StackEvent&)>& on_event = {}) {
    StackFollower follower(client, change_set.created.stack_id);
    if (auto marked = follower.mark_start(); !marked) return std::unexpected(marked.error());
    const cf::ExecuteChangeSetInput execute{.change_set_name = change_set.created.id,
                                            .client_token = client_token("emrctl-exec")};
    auto executed = client.call(
        Service::cloudformation,
        [&](const Endpoint& e) { return cf::make_execute_change_set_request(execute, e); },
        cf::parse_execute_change_set_response);
    if (!executed) return std::unexpected(executed.error());
    const auto started = clock.now();
    auto followed = follower.follow(options.stack_wait, clock, sink, on_event);
    if (!followed) return std::unexpected(followed.error());
    if (sink) {
        sink(StackSettled{
            stack, followed->status,
            std::chrono::duration_cast<std::chrono::milliseconds>(clock.now() - started)});
    }
    if (!is_success(followed->status)) {
        return std::unexpected(stack_failure(stack, followed->status, followed->events));
    }
    return followed;
}

// The retained buckets that outlived an earlier stack of this project, adopted into a new stack
// through an import change set so that creating it does not fail on their names. true when the
// stack now exists (holding them); false when there was nothing to adopt.
Result<bool> adopt_retained_buckets(const aws::Client& client, const StackDeployment& stack,
                                    const DeployOptions& options, const Clock& clock,
                                    const DeployEventSink& sink) {
    std::vector<RetainedBucket> found;
    std::string names;
    for (const auto& b : stack.retained_buckets) {
        auto there = bucket_exists(client, b.name);
        if (!there) return std::unexpected(there.error());
        if (!*there) continue;
        found.push_back(b);
        names += (names.empty() ? "s3://" : ", s3://") + b.name;
    }
    if (found.empty()) return false;
    if (sink) {
        sink(Notice{"adopting " + names + ", kept from an earlier deploy, into stack " +
                    stack.name});
    }
    cf::CreateChangeSetInput create{
        .stack_name = stack.name,
        .change_set_name = change_set_name() + "-import",
        .template_source = cf::TemplateBody{import_template(stack.template_body, found)},
        .type = cf::ChangeSetType::import_resources,
        .tags = stack.tags,
        .client_token = client_token("emrctl-import"),
        .description = "emrctl deploy: adopt retained buckets"};
    for (const auto& b : found) {
        create.resources_to_import.push_back({.resource_type = "AWS::S3::Bucket",
                                              .logical_id = b.logical_id,
                                              .identifier = {{"BucketName", b.name}}});
    }
    auto change_set = prepare_change_set(client, create, options, clock);
    if (!change_set) return std::unexpected(change_set.error());
    if (change_set->described.outcome != cf::ChangeSetOutcome::ready) {
        return fail(ErrorKind::aws,
                    "CloudFormation could not adopt " + names + " into stack " + stack.name + ": " +
                        change_set->described.status_reason,
                    "if these buckets are not this project's, change `name:` in emrctl.yaml; "
                    "else empty and delete them (`emrctl destroy --purge`) and deploy again");
    }
    auto followed = execute_and_follow(client, stack.name, *change_set, options, clock, sink);
    if (!followed) return std::unexpected(followed.error());
    return true;
}

}  // namespace

Result<std::optional<cf::Stack>> describe_stack(const aws::Client& client,
                                                const std::string& name) {
    const cf::DescribeStacksInput input{.stack_name = name};
    auto described = client.call(
        Service::cloudformation,
        [&](const Endpoint& e) { return cf::make_describe_stacks_request(input, e); },
        cf::parse_describe_stacks_response);
    if (!described) return std::unexpected(described.error());
    if (described->stacks.empty()) return std::optional<cf::Stack>{};
    auto stack = std::move(described->stacks.front());
    if (stack.status == "DELETE_COMPLETE") return std::optional<cf::Stack>{};
    return std::optional<cf::Stack>{std::move(stack)};
}

StackFollower::StackFollower(const aws::Client& client, std::string stack_id)
    : m_client(client), m_stack_id(std::move(stack_id)) {}

Result<void> StackFollower::mark_start() {
    const cf::DescribeStackEventsInput input{.stack_name = m_stack_id};
    auto page = m_client.call(
        Service::cloudformation,
        [&](const Endpoint& e) { return cf::make_describe_stack_events_request(input, e); },
        cf::parse_describe_stack_events_response);
    if (!page) {
        if (cf::is_stack_missing(page.error())) return {};
        return std::unexpected(page.error());
    }
    for (const auto& e : page->events)
        m_seen.push_back(e.event_id);
    return {};
}

Result<std::vector<cf::StackEvent>> StackFollower::new_events() {
    std::vector<cf::StackEvent> fresh;
    cf::DescribeStackEventsInput input{.stack_name = m_stack_id};
    while (true) {
        auto page = m_client.call(
            Service::cloudformation,
            [&](const Endpoint& e) { return cf::make_describe_stack_events_request(input, e); },
            cf::parse_describe_stack_events_response);
        if (!page) {
            if (cf::is_stack_missing(page.error())) break;
            return std::unexpected(page.error());
        }
        bool reached_seen = false;
        for (auto& e : page->events) {
            if (std::find(m_seen.begin(), m_seen.end(), e.event_id) != m_seen.end()) {
                reached_seen = true;
                break;
            }
            fresh.push_back(std::move(e));
        }
        if (reached_seen || page->next_token.empty()) break;
        input.next_token = page->next_token;
    }
    std::reverse(fresh.begin(), fresh.end());  // CloudFormation lists them newest first
    for (const auto& e : fresh)
        m_seen.push_back(e.event_id);
    return fresh;
}

Result<FollowResult> StackFollower::follow(
    const WaitPolicy& policy, const Clock& clock, const DeployEventSink& sink,
    const std::function<void(const cf::StackEvent&)>& on_event) {
    FollowResult result;
    std::string name = m_stack_id;
    auto outcome = wait_until(
        clock, policy,
        [&]() -> Result<bool> {
            auto events = new_events();
            if (!events) return std::unexpected(events.error());
            for (const auto& e : *events) {
                if (on_event) on_event(e);
                if (sink) sink(StackEventSeen{e});
                result.events.push_back(e);
            }
            auto stack = describe_stack(m_client, m_stack_id);
            if (!stack) return std::unexpected(stack.error());
            if (!*stack) {
                result.status.clear();
                return true;
            }
            name = (*stack)->stack_name;
            result.status = (*stack)->status;
            return is_settled(result.status);
        },
        interrupted);
    if (auto ok = check_wait(outcome, name, "to finish (" + result.status + ")"); !ok) {
        return std::unexpected(ok.error());
    }
    return result;
}

Error stack_failure(const std::string& stack, const std::string& status,
                    const std::vector<cf::StackEvent>& events) {
    Error e{.kind = ErrorKind::aws};
    const bool rolled_back_create = status == "ROLLBACK_COMPLETE";
    const bool rolled_back_update = status == "UPDATE_ROLLBACK_COMPLETE";
    if (rolled_back_create) {
        e.message = "stack " + stack + " failed to create and was rolled back (" + status + ")";
        e.hint =
            "fix the cause above and run `emrctl deploy` again: it deletes the rolled-back "
            "stack and creates it anew";
    } else if (rolled_back_update) {
        e.message = "stack " + stack + " failed to update and was rolled back (" + status + ")";
        e.hint =
            "the stack is as it was before this deploy; fix the cause above and run "
            "`emrctl deploy` again";
    } else if (status == "DELETE_FAILED") {
        e.message = "stack " + stack + " could not be deleted (" + status + ")";
        e.hint =
            "fix the cause above (often a resource changed outside CloudFormation) and run "
            "`emrctl destroy` again";
    } else {
        e.message = "stack " + stack + " ended " + status;
        e.hint = "fix the cause above; then `emrctl deploy` continues from where it is";
    }
    for (const auto& cause : root_causes(events)) {
        Error problem{.kind = ErrorKind::aws};
        const auto what = cause.logical_id.empty() || cause.logical_id == stack
                              ? std::string("stack")
                              : cause.logical_id + " (" + cause.resource_type + ")";
        problem.message = what + " " + cause.status +
                          (cause.status_reason.empty() ? "" : ": " + cause.status_reason);
        e.problems.push_back(std::move(problem));
    }
    return e;
}

Result<StackDeployResult> deploy_stack(const aws::Client& client, const StackDeployment& stack,
                                       const DeployOptions& options, const Clock& clock,
                                       const DeployEventSink& sink,
                                       const std::function<void()>& buckets_ready) {
    auto current = settle(client, stack.name, options, clock, sink);
    if (!current) return std::unexpected(current.error());
    const bool existed = current->has_value() && (*current)->status != "REVIEW_IN_PROGRESS";
    bool exists = existed;

    // Decided on the stack as it was: adopting buckets below makes a stack without a cluster.
    std::vector<cf::Parameter> parameters;
    if (stack.cluster) {
        auto generation = cluster_generation(client, *stack.cluster,
                                             existed ? *current : std::optional<cf::Stack>{}, sink);
        if (!generation) return std::unexpected(generation.error());
        parameters.push_back({stack.cluster->generation_parameter, std::move(*generation)});
    }

    if (!exists && !stack.retained_buckets.empty()) {
        auto adopted = adopt_retained_buckets(client, stack, options, clock, sink);
        if (!adopted) return std::unexpected(adopted.error());
        exists = *adopted;
    }

    cf::TemplateSource source = cf::TemplateBody{stack.template_body};
    if (stack.template_body.size() > options.inline_template_limit) {
        auto url = stage_template(client, stack.name, stack.template_body, sink);
        if (!url) return std::unexpected(url.error());
        source = cf::TemplateUrl{*url};
    }

    const cf::CreateChangeSetInput create{
        .stack_name = stack.name,
        .change_set_name = change_set_name(),
        .template_source = source,
        .parameters = std::move(parameters),
        .capabilities = {cf::Capability::named_iam},
        .type = exists ? cf::ChangeSetType::update : cf::ChangeSetType::create,
        .tags = stack.tags,
        .client_token = client_token("emrctl-cs"),
        .description = "emrctl deploy"};
    auto change_set = prepare_change_set(client, create, options, clock);
    if (!change_set) return std::unexpected(change_set.error());
    const auto& described = change_set->described;
    StackDeployResult result;
    result.stack_id = change_set->created.stack_id;
    if (described.outcome == cf::ChangeSetOutcome::no_changes) {
        delete_change_set(client, change_set->created.id);
        if (sink) sink(StackUnchanged{stack.name});
        if (buckets_ready) buckets_ready();
        result.outcome = StackOutcome::unchanged;
    } else if (described.outcome != cf::ChangeSetOutcome::ready) {
        return fail(ErrorKind::aws,
                    "CloudFormation could not prepare the change set of stack " + stack.name +
                        ": " + described.status_reason,
                    "fix the template or the project so that the reason above goes away, then "
                    "run `emrctl deploy` again");
    } else {
        if (sink) sink(ChangeSetReady{stack.name, described.changes});

        // When the asset buckets are there already (an update), publish before the change:
        // jobs and bootstrap actions never see a template newer than their files.
        bool ready = false;
        if (!stack.asset_buckets.empty() && exists) {
            auto there = buckets_exist(client, stack.asset_buckets);
            if (!there) return std::unexpected(there.error());
            ready = *there;
        }
        if (ready && buckets_ready) buckets_ready();

        std::set<std::string> pending(stack.asset_buckets.begin(), stack.asset_buckets.end());
        auto followed = execute_and_follow(
            client, stack.name, *change_set, options, clock, sink, [&](const cf::StackEvent& e) {
                if (ready || e.resource_type != "AWS::S3::Bucket") return;
                if (e.status != "CREATE_COMPLETE" && e.status != "UPDATE_COMPLETE") return;
                pending.erase(e.physical_id);
                if (pending.empty()) {
                    ready = true;
                    if (buckets_ready) buckets_ready();
                }
            });
        if (!followed) return std::unexpected(followed.error());
        if (!ready && buckets_ready) buckets_ready();
        result.outcome = existed ? StackOutcome::updated : StackOutcome::created;
    }

    auto final_stack = describe_stack(client, stack.name);
    if (!final_stack) return std::unexpected(final_stack.error());
    if (*final_stack) {
        result.stack_id = (*final_stack)->stack_id;
        result.outputs = (*final_stack)->outputs;
    }
    return result;
}

}  // namespace emrctl::deploy
