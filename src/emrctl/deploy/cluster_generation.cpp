#include <charconv>
#include <cstdint>

#include <emrctl/aws/services/emr/clusters.hpp>
#include <emrctl/deploy/cluster_generation.hpp>

namespace emrctl::deploy {

namespace cf = aws::cloudformation;

namespace {

// The generation a value names: a positive number, else 1.
std::int64_t generation_number(std::string_view value) {
    std::int64_t n = 0;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), n);
    if (error != std::errc{} || end != value.data() + value.size() || n < 1) return 1;
    return n;
}

std::optional<std::string> parameter_value(const cf::Stack& stack, const std::string& key) {
    for (const auto& p : stack.parameters)
        if (p.key == key) return p.value;
    return std::nullopt;
}

std::string output_value(const cf::Stack& stack, const std::string& key) {
    for (const auto& o : stack.outputs)
        if (o.key == key) return o.value;
    return {};
}

// What ended the cluster, for the notice: its state and EMR's reason.
std::string ending(const aws::emr::Cluster& cluster) {
    const auto& why = cluster.state_change_reason;
    return cluster.state + (why.message.empty() ? std::string() : ": " + why.message);
}

}  // namespace

ClusterCondition condition_of_cluster(std::string_view state) {
    if (state == "TERMINATING" || state == "TERMINATED" || state == "TERMINATED_WITH_ERRORS") {
        return ClusterCondition::ended;
    }
    return ClusterCondition::alive;
}

GenerationChoice choose_cluster_generation(const std::optional<std::string>& deployed,
                                           ClusterCondition cluster) {
    const bool ended = cluster == ClusterCondition::ended;
    // Without a deployed generation the cluster's name changes anyway (it gains one): "1" is
    // already a new cluster.
    if (!deployed) return {.value = "1", .new_cluster = ended};
    if (!ended) return {.value = *deployed, .new_cluster = false};
    return {.value = std::to_string(generation_number(*deployed) + 1), .new_cluster = true};
}

Result<std::string> cluster_generation(const aws::Client& client, const ReplaceableCluster& cluster,
                                       const std::optional<cf::Stack>& deployed,
                                       const DeployEventSink& sink) {
    if (!deployed) return choose_cluster_generation(std::nullopt, ClusterCondition::absent).value;
    const auto current = parameter_value(*deployed, cluster.generation_parameter);
    const auto id = output_value(*deployed, cluster.id_output);
    if (id.empty()) return choose_cluster_generation(current, ClusterCondition::absent).value;

    const aws::emr::DescribeClusterInput input{.cluster_id = id};
    auto described = client.call(
        aws::Service::emr,
        [&](const aws::protocol::Endpoint& e) {
            return aws::emr::make_describe_cluster_request(input, e);
        },
        aws::emr::parse_describe_cluster_response);
    std::string why;
    auto condition = ClusterCondition::alive;
    if (described) {
        condition = condition_of_cluster(described->state);
        why = ending(*described);
    } else if (described.error().aws && described.error().aws->code == "InvalidRequestException") {
        // EMR forgets a cluster some weeks after it ended: "Cluster id 'j-…' is not valid."
        condition = ClusterCondition::ended;
        why = "no longer known to EMR";
    } else {
        return std::unexpected(
            add_context(std::move(described.error()),
                        "while checking cluster " + id + " of stack " + deployed->stack_name));
    }
    const auto choice = choose_cluster_generation(current, condition);
    if (choice.new_cluster && sink) {
        sink(Notice{"cluster " + id + " ended (" + why + "): deploying a new one"});
    }
    return choice.value;
}

}  // namespace emrctl::deploy
