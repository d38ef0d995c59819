#include <array>

#include <emrctl/config/releases.hpp>

namespace emrctl::config {

namespace {

// From the EMR Release Guide's Spark release history. emr-7.14.0's Spark build was not in the
// history we could read; it is the 3.5 line like every 7.x.
constexpr std::array<Release, 21> k_releases{{
    {"emr-spark-8.0.0", "4.0.2"}, {"emr-7.14.0", "3.5.6"}, {"emr-7.13.0", "3.5.6"},
    {"emr-7.12.0", "3.5.6"},      {"emr-7.11.0", "3.5.6"}, {"emr-7.10.0", "3.5.5"},
    {"emr-7.9.0", "3.5.5"},       {"emr-7.8.0", "3.5.4"},  {"emr-7.7.0", "3.5.3"},
    {"emr-7.6.0", "3.5.3"},       {"emr-7.5.0", "3.5.2"},  {"emr-7.4.0", "3.5.2"},
    {"emr-7.3.0", "3.5.1"},       {"emr-7.2.0", "3.5.1"},  {"emr-7.1.0", "3.5.0"},
    {"emr-7.0.0", "3.5.0"},       {"emr-6.15.0", "3.4.1"}, {"emr-6.14.0", "3.4.1"},
    {"emr-6.13.0", "3.4.1"},      {"emr-6.12.0", "3.4.0"}, {"emr-6.11.0", "3.3.2"},
}};

}  // namespace

std::span<const Release> known_releases() {
    return k_releases;
}

std::optional<Release> find_release(std::string_view label) {
    for (const auto& r : k_releases) {
        if (r.label == label) return r;
    }
    return std::nullopt;
}

bool is_spark_runtime(std::string_view label) {
    return label.starts_with("emr-spark-");
}

}  // namespace emrctl::config
