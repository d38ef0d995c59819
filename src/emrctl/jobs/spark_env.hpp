#pragma once

// The local Spark of a project: a Python venv holding the pyspark that matches the Spark of the
// project's EMR release (emr-7.x -> 3.5, emr-spark-8.x -> 4.0), plus the project's
// requirements.txt. Created on first use and again only when either changes.

#include <filesystem>
#include <string>

#include <emrctl/jobs/events.hpp>
#include <emrctl/util/error.hpp>

namespace emrctl::jobs {

// Overrides where the venv lives (default: .emrctl/venv in the project), e.g. to share one venv
// between projects of the same Spark version.
inline constexpr const char* k_venv_variable = "EMRCTL_LOCAL_VENV";

struct SparkEnv {
    std::filesystem::path venv;
    std::filesystem::path python;
    std::filesystem::path spark_submit;
    std::filesystem::path spark_home;  // the pyspark package folder
    std::string spark_version;
};

// What the venv must hold: "pyspark==3.5.6" and the requirements' hash. A venv whose stamp
// differs is rebuilt.
std::string spark_env_stamp(const std::string& spark_version, const std::string& requirements);

Result<SparkEnv> ensure_spark_env(const std::filesystem::path& project_dir,
                                  const std::string& spark_version, const JobEventSink& events);

}  // namespace emrctl::jobs
