#pragma once

// The words a project file may use for each enumerated setting, and their names in messages and
// in `validate --explain`.

#include <array>
#include <string_view>

#include <emrctl/config/project.hpp>
#include <emrctl/config/yaml_reader.hpp>

namespace emrctl::config {

inline constexpr std::array<Choice<NatGateways>, 2> k_nat_choices{
    {{"single", NatGateways::single}, {"per_az", NatGateways::per_az}}};
inline constexpr std::array<Choice<Endpoint>, 2> k_endpoint_choices{
    {{"s3", Endpoint::s3}, {"ssm", Endpoint::ssm}}};
inline constexpr std::array<Choice<Market>, 2> k_market_choices{
    {{"ON_DEMAND", Market::on_demand}, {"SPOT", Market::spot}}};
inline constexpr std::array<Choice<ActionOnFailure>, 3> k_action_choices{
    {{"CONTINUE", ActionOnFailure::continue_},
     {"CANCEL_AND_WAIT", ActionOnFailure::cancel_and_wait},
     {"TERMINATE_CLUSTER", ActionOnFailure::terminate_cluster}}};

template <class E, std::size_t N>
constexpr std::string_view name_of(const std::array<Choice<E>, N>& choices, E value) {
    for (const auto& c : choices) {
        if (c.value == value) return c.text;
    }
    return "?";
}

}  // namespace emrctl::config
