#pragma once

// `emrctl destroy`: everything deploy made, in the order that lets it go.
//
//   for each stack, last first:
//     terminate its EMR clusters, wait until TERMINATED       (a running cluster holds its ENIs)
//     revoke the rules EMR added between its security groups   (else DeleteStack fails on them)
//     DeleteStack, follow its events until DELETE_COMPLETE
//   retained buckets: reported as kept, or with --purge emptied (every version, every delete
//   marker) and deleted
//
// Each step checks first whether there is anything to do, so destroying twice, or after a
// deploy that failed halfway, just does what is left.

#include <string>
#include <vector>

#include <emrctl/aws/client.hpp>
#include <emrctl/deploy/clock.hpp>
#include <emrctl/deploy/deploy_events.hpp>
#include <emrctl/deploy/project_deployment.hpp>
#include <emrctl/deploy/waiter.hpp>

namespace emrctl::deploy {

struct DestroyOptions {
    bool purge = false;
    WaitPolicy cluster_wait{.first_delay = std::chrono::milliseconds(1000),
                            .max_delay = std::chrono::milliseconds(15'000),
                            .growth = 1.5,
                            .timeout = std::chrono::minutes(60)};
    WaitPolicy stack_wait{.first_delay = std::chrono::milliseconds(1000),
                          .max_delay = std::chrono::milliseconds(10'000),
                          .growth = 1.5,
                          .timeout = std::chrono::hours(3)};
};

struct BucketFate {
    std::string name;
    std::size_t objects = 0;  // versions and delete markers included
    bool more = false;        // kept: only the first 1,000 were counted
};

struct DestroyResult {
    std::vector<std::string> deleted_stacks;
    std::vector<std::string> missing_stacks;  // there was nothing to delete
    std::vector<std::string> terminated_clusters;
    std::size_t revoked_rules = 0;
    std::vector<BucketFate> kept_buckets;    // retained, still there
    std::vector<BucketFate> purged_buckets;  // emptied and deleted (--purge)
};

Result<DestroyResult> destroy_project(const aws::Client& client,
                                      const ProjectDeployment& deployment,
                                      const DestroyOptions& options, const Clock& clock,
                                      const DeployEventSink& sink);

}  // namespace emrctl::deploy
