#pragma once

// One function per command: run it and print what it has to say. Errors go back to main.

#include <iosfwd>
#include <string>
#include <vector>

#include <emrctl/cli/global_options.hpp>
#include <emrctl/deploy/project_deployment.hpp>
#include <emrctl/util/error.hpp>
#include <emrctl/workspace/project_loader.hpp>

namespace emrctl::cli {

struct ValidateOptions {
    bool explain = false;
};
Result<void> run_validate(const GlobalOptions& global, const ValidateOptions& options);

struct SynthOptions {
    std::string output_dir;  // empty: <project>/emrctl.out
    std::string stack;       // print this stack's template as YAML
};
Result<void> run_synth(const GlobalOptions& global, const SynthOptions& options);

Result<void> run_ls(const GlobalOptions& global);

struct DeployOptions {
    std::string outputs_file;  // empty: <project>/emrctl.out/outputs.json
};
Result<void> run_deploy(const GlobalOptions& global, const DeployOptions& options);

struct DiffOptions {
    bool fail = false;  // exit 1 when there are differences
};
Result<void> run_diff(const GlobalOptions& global, const DiffOptions& options);

struct DestroyOptions {
    bool purge = false;  // also empty and delete the retained buckets
};
Result<void> run_destroy(const GlobalOptions& global, const DestroyOptions& options);

// Synth, then deploy every stack and publish the assets, with progress on `progress`: the body
// of `deploy`, and the first half of `up`.
struct DeployedProject {
    workspace::LoadedProject loaded;
    deploy::ProjectDeployResult result;
};
Result<DeployedProject> deploy_project(const GlobalOptions& global, std::ostream& progress);

struct RunOptions {
    std::vector<std::string> jobs;  // empty: all
    bool local = false;
    bool all_jobs = false;  // `up`: every job, after a deploy
    bool no_wait = false;   // EMR: return once the steps are added
    bool cancel = false;    // EMR: cancel the jobs' latest steps instead of running them
};
Result<void> run_jobs(const GlobalOptions& global, const RunOptions& options);

struct StatusOptions {
    std::string job;
    bool local = false;
};
Result<void> run_status(const GlobalOptions& global, const StatusOptions& options);

enum class LogStream { failures_first, stdout_only, stderr_only };
struct LogsOptions {
    std::string job;
    LogStream stream = LogStream::failures_first;
    bool local = false;
    bool follow = false;  // wait for the step to end and for EMR to push its logs
};
Result<void> run_logs(const GlobalOptions& global, const LogsOptions& options);

struct OutputsOptions {
    std::string job;
    std::string output_dir;  // empty: ./outputs/<name>
    bool local = false;
};
Result<void> run_outputs(const GlobalOptions& global, const OutputsOptions& options);

}  // namespace emrctl::cli
