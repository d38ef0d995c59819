#include <map>

#include <emrctl/aws/services/cloudformation/stack_resources.hpp>
#include <emrctl/aws/services/cloudformation/stacks.hpp>
#include <emrctl/aws/services/emr/clusters.hpp>
#include <emrctl/aws/services/s3/buckets.hpp>
#include <emrctl/aws/services/s3/delete_objects.hpp>
#include <emrctl/aws/services/s3/list_objects.hpp>
#include <emrctl/aws/services/s3/s3_protocol.hpp>
#include <emrctl/deploy/bucket_exists.hpp>
#include <emrctl/deploy/project_destroy.hpp>
#include <emrctl/deploy/security_group_links.hpp>
#include <emrctl/deploy/stack_deployment.hpp>
#include <emrctl/deploy/stack_status.hpp>
#include <emrctl/util/interrupt.hpp>

namespace emrctl::deploy {

namespace cf = aws::cloudformation;
using aws::Service;
using aws::protocol::Endpoint;

namespace {

bool interrupted() {
    return interrupt_requested();
}

Error interrupted_destroy(const std::string& what) {
    return Error{.kind = ErrorKind::interrupted,
                 .message = "stopped waiting for " + what + "; AWS carries on without us",
                 .hint = "run `emrctl destroy` again to finish: it picks up where this left off"};
}

Result<std::vector<cf::StackResourceSummary>> stack_resources(const aws::Client& client,
                                                              const std::string& stack_id) {
    std::vector<cf::StackResourceSummary> all;
    cf::ListStackResourcesInput input{.stack_name = stack_id};
    while (true) {
        auto page = client.call(
            Service::cloudformation,
            [&](const Endpoint& e) { return cf::make_list_stack_resources_request(input, e); },
            cf::parse_list_stack_resources_response);
        if (!page) return std::unexpected(page.error());
        all.insert(all.end(), page->resources.begin(), page->resources.end());
        if (page->next_token.empty()) return all;
        input.next_token = page->next_token;
    }
}

bool is_terminated(const std::string& state) {
    return state == "TERMINATED" || state == "TERMINATED_WITH_ERRORS";
}

Result<void> terminate_clusters(const aws::Client& client, const std::vector<std::string>& ids,
                                const DestroyOptions& options, const Clock& clock,
                                const DeployEventSink& sink, DestroyResult& result) {
    std::vector<std::string> running;
    for (const auto& id : ids) {
        const aws::emr::DescribeClusterInput input{.cluster_id = id};
        auto cluster = client.call(
            Service::emr,
            [&](const Endpoint& e) { return aws::emr::make_describe_cluster_request(input, e); },
            aws::emr::parse_describe_cluster_response);
        if (!cluster) return std::unexpected(cluster.error());
        if (!is_terminated(cluster->state)) running.push_back(id);
    }
    if (running.empty()) return {};
    if (sink) {
        sink(Notice{"terminating EMR cluster " + running.front() +
                    (running.size() > 1 ? " and " + std::to_string(running.size() - 1) + " more"
                                        : std::string()) +
                    " (this takes a few minutes)"});
    }
    const aws::emr::TerminateJobFlowsInput terminate{.cluster_ids = running};
    auto asked = client.call(
        Service::emr,
        [&](const Endpoint& e) { return aws::emr::make_terminate_job_flows_request(terminate, e); },
        aws::emr::parse_terminate_job_flows_response);
    if (!asked) return std::unexpected(asked.error());
    auto outcome = wait_until(
        clock, options.cluster_wait,
        [&]() -> Result<bool> {
            for (const auto& id : running) {
                const aws::emr::DescribeClusterInput input{.cluster_id = id};
                auto cluster = client.call(
                    Service::emr,
                    [&](const Endpoint& e) {
                        return aws::emr::make_describe_cluster_request(input, e);
                    },
                    aws::emr::parse_describe_cluster_response);
                if (!cluster) return std::unexpected(cluster.error());
                if (!is_terminated(cluster->state)) return false;
            }
            return true;
        },
        interrupted);
    if (!outcome) return std::unexpected(outcome.error());
    if (*outcome == WaitOutcome::interrupted) {
        return std::unexpected(interrupted_destroy("cluster " + running.front() + " to terminate"));
    }
    if (*outcome == WaitOutcome::timed_out) {
        return fail(ErrorKind::aws, "cluster " + running.front() + " did not terminate in time",
                    "look at it in the EMR console, then run `emrctl destroy` again");
    }
    result.terminated_clusters.insert(result.terminated_clusters.end(), running.begin(),
                                      running.end());
    return {};
}

Result<void> destroy_stack(const aws::Client& client, const StackDeployment& stack,
                           const DestroyOptions& options, const Clock& clock,
                           const DeployEventSink& sink, DestroyResult& result) {
    auto current = describe_stack(client, stack.name);
    if (!current) return std::unexpected(current.error());
    if (!*current) {
        result.missing_stacks.push_back(stack.name);
        return {};
    }
    const auto stack_id = (*current)->stack_id;
    if (stack_condition((*current)->status) == StackCondition::in_progress) {
        if (sink) {
            sink(Notice{"stack " + stack.name + " is " + (*current)->status +
                        "; waiting for it to finish first"});
        }
        StackFollower follower(client, stack_id);
        if (auto marked = follower.mark_start(); !marked) return marked;
        if (auto followed = follower.follow(options.stack_wait, clock, sink); !followed) {
            return std::unexpected(followed.error());
        }
    }

    auto resources = stack_resources(client, stack_id);
    if (!resources) return std::unexpected(resources.error());
    std::vector<std::string> clusters;
    std::vector<std::string> groups;
    std::map<std::string, std::string> physical;
    for (const auto& r : *resources) {
        if (r.physical_id.empty()) continue;
        physical[r.logical_id] = r.physical_id;
        if (r.resource_type == "AWS::EMR::Cluster") clusters.push_back(r.physical_id);
        if (r.resource_type == "AWS::EC2::SecurityGroup") groups.push_back(r.physical_id);
    }
    if (auto done = terminate_clusters(client, clusters, options, clock, sink, result); !done) {
        return done;
    }
    auto revoked =
        revoke_undeclared_links(client, groups, declared_links(stack.template_body, physical));
    if (!revoked) {
        return std::unexpected(add_context(std::move(revoked.error()),
                                           "while removing the rules EMR added between the "
                                           "security groups of stack " +
                                               stack.name));
    }
    result.revoked_rules += *revoked;
    if (*revoked > 0 && sink) {
        sink(Notice{"revoked " + std::to_string(*revoked) +
                    " rule(s) EMR had added between the stack's security groups"});
    }

    StackFollower follower(client, stack_id);
    if (auto marked = follower.mark_start(); !marked) return marked;
    const cf::DeleteStackInput input{.stack_name = stack_id};
    auto deleted = client.call(
        Service::cloudformation,
        [&](const Endpoint& e) { return cf::make_delete_stack_request(input, e); },
        cf::parse_delete_stack_response);
    if (!deleted) return std::unexpected(deleted.error());
    const auto started = clock.now();
    auto followed = follower.follow(options.stack_wait, clock, sink);
    if (!followed) {
        if (followed.error().kind == ErrorKind::interrupted) {
            return std::unexpected(interrupted_destroy("stack " + stack.name + " to be deleted"));
        }
        return std::unexpected(followed.error());
    }
    const auto status =
        followed->status.empty() ? std::string("DELETE_COMPLETE") : followed->status;
    if (sink) {
        sink(StackSettled{
            stack.name, status,
            std::chrono::duration_cast<std::chrono::milliseconds>(clock.now() - started)});
    }
    if (status != "DELETE_COMPLETE") {
        return std::unexpected(stack_failure(stack.name, status, followed->events));
    }
    result.deleted_stacks.push_back(stack.name);
    return {};
}

// What a kept bucket holds, from the first page only: a bucket of job outputs can hold
// millions of objects, and "1000+" says enough.
Result<BucketFate> count_versions(const aws::Client& client, const std::string& bucket) {
    const aws::s3::ListObjectVersionsInput input{.bucket = bucket};
    auto page = client.call(
        Service::s3,
        [&](const Endpoint& e) { return aws::s3::make_list_object_versions_request(input, e); },
        aws::s3::parse_list_object_versions_response);
    if (!page) return std::unexpected(page.error());
    return BucketFate{.name = bucket, .objects = page->versions.size(), .more = page->is_truncated};
}

// Deletes every version and delete marker, a page at a time, so memory stays flat whatever the
// bucket holds.
Result<std::size_t> purge_versions(const aws::Client& client, const std::string& bucket) {
    std::size_t count = 0;
    const aws::s3::ListObjectVersionsInput input{.bucket = bucket};
    while (true) {
        if (interrupted()) return std::unexpected(interrupted_destroy("the purge"));
        auto page = client.call(
            Service::s3,
            [&](const Endpoint& e) { return aws::s3::make_list_object_versions_request(input, e); },
            aws::s3::parse_list_object_versions_response);
        if (!page) return std::unexpected(page.error());
        count += page->versions.size();
        if (!page->versions.empty()) {
            aws::s3::DeleteObjectsInput del{.bucket = bucket};
            for (const auto& v : page->versions) {
                del.objects.push_back({.key = v.key, .version_id = v.version_id});
            }
            auto done = client.call(
                Service::s3,
                [&](const Endpoint& e) { return aws::s3::make_delete_objects_request(del, e); },
                aws::s3::parse_delete_objects_response);
            if (!done) return std::unexpected(done.error());
            if (!done->errors.empty()) {
                const auto& e = done->errors.front();
                return fail(ErrorKind::aws,
                            "s3 DeleteObjects: " + e.code + ": " + e.message + " (s3://" + bucket +
                                "/" + e.key + ")",
                            "check that you may delete objects in this bucket, then run "
                            "`emrctl destroy --purge` again");
            }
        }
        // What this page held is gone: the next listing from the start shows what is left.
        if (!page->is_truncated) return count;
    }
}

Result<void> settle_buckets(const aws::Client& client, const std::vector<RetainedBucket>& buckets,
                            bool purge, const DeployEventSink& sink, DestroyResult& result) {
    for (const auto& [_, bucket] : buckets) {
        auto there = bucket_exists(client, bucket);
        if (!there) return std::unexpected(there.error());
        if (!*there) continue;
        if (!purge) {
            auto kept = count_versions(client, bucket);
            if (!kept) return std::unexpected(kept.error());
            result.kept_buckets.push_back(std::move(*kept));
            continue;
        }
        if (sink) sink(Notice{"emptying and deleting s3://" + bucket});
        auto count = purge_versions(client, bucket);
        if (!count) return std::unexpected(count.error());
        const aws::s3::DeleteBucketInput input{.bucket = bucket};
        auto deleted = client.call(
            Service::s3,
            [&](const Endpoint& e) { return aws::s3::make_delete_bucket_request(input, e); },
            aws::s3::parse_delete_bucket_response);
        if (!deleted && !aws::s3::is_not_found(deleted.error())) {
            return std::unexpected(deleted.error());
        }
        result.purged_buckets.push_back({.name = bucket, .objects = *count});
    }
    return {};
}

}  // namespace

Result<DestroyResult> destroy_project(const aws::Client& client,
                                      const ProjectDeployment& deployment,
                                      const DestroyOptions& options, const Clock& clock,
                                      const DeployEventSink& sink) {
    DestroyResult result;
    for (auto stack = deployment.stacks.rbegin(); stack != deployment.stacks.rend(); ++stack) {
        if (auto done = destroy_stack(client, *stack, options, clock, sink, result); !done) {
            return std::unexpected(done.error());
        }
    }
    for (const auto& stack : deployment.stacks) {
        if (auto done = settle_buckets(client, stack.retained_buckets, options.purge, sink, result);
            !done) {
            return std::unexpected(done.error());
        }
    }
    return result;
}

}  // namespace emrctl::deploy
