#pragma once

// An ended cluster, replaced on the next deploy. EMR ends an idle cluster by itself
// (auto-termination), but the stack still lists it, so deploying the same template again changes
// nothing. The stack therefore takes the cluster's generation as a parameter that is part of the
// cluster's name: deploy keeps the deployed generation while the cluster can run jobs, and passes
// the next one once it has ended, which makes CloudFormation create a new cluster and delete the
// old one. Everything else in the stack (network, buckets, roles) stays as it is.

#include <optional>
#include <string>
#include <string_view>

#include <emrctl/aws/client.hpp>
#include <emrctl/aws/services/cloudformation/stacks.hpp>
#include <emrctl/deploy/deploy_events.hpp>
#include <emrctl/util/error.hpp>

namespace emrctl::deploy {

// Where a stack keeps its cluster: the parameter numbering its generation, and the output with
// its id.
struct ReplaceableCluster {
    std::string generation_parameter;  // "ClusterGeneration"
    std::string id_output;             // "ClusterId"
};

enum class ClusterCondition {
    absent,  // no stack yet, or a stack without the cluster's output
    alive,   // starting, running or waiting: it can run jobs
    ended,   // terminating or terminated, or so old that EMR no longer knows it
};

// TERMINATING, TERMINATED and TERMINATED_WITH_ERRORS end a cluster: none of them can run jobs
// again (TERMINATING counts, as `emrctl run` refuses it too).
ClusterCondition condition_of_cluster(std::string_view state);

struct GenerationChoice {
    std::string value;         // the parameter's value for this deploy
    bool new_cluster = false;  // the cluster has ended: this deploy replaces it
};

// The generation to deploy: the deployed one (`deployed`; nullopt when the stack has none) while
// its cluster is alive or absent, the next one when it has ended; "1" for a stack without one.
// A deployed value that is not a positive number counts as "1". Pure.
GenerationChoice choose_cluster_generation(const std::optional<std::string>& deployed,
                                           ClusterCondition cluster);

// The generation to pass on this deploy of a stack (`deployed`: the stack as it is, nullopt when
// there is none): reads the stack's parameter and output, asks EMR about the cluster, and tells
// `sink` when the cluster has ended and a new one is coming.
Result<std::string> cluster_generation(const aws::Client& client, const ReplaceableCluster& cluster,
                                       const std::optional<aws::cloudformation::Stack>& deployed,
                                       const DeployEventSink& sink);

}  // namespace emrctl::deploy
