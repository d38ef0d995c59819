#pragma once

// The EMR release labels emrctl knows, and the open-source Spark each ships: the local Spark of
// `--local` runs follows the cluster's, so what passes locally behaves the same on EMR.

#include <optional>
#include <span>
#include <string_view>

namespace emrctl::config {

struct Release {
    std::string_view label;          // "emr-7.14.0"
    std::string_view spark_version;  // the pyspark release closest to EMR's Spark build
};

std::span<const Release> known_releases();
std::optional<Release> find_release(std::string_view label);

// EMR's "AWS runtime for Apache Spark" labels (emr-spark-8.x): Spark only, no Hadoop, and a
// different private-subnet network design.
bool is_spark_runtime(std::string_view label);

}  // namespace emrctl::config
