// emrctl: Spark environments on AWS from one project file, and the same jobs on a local Spark.

#include <cstdlib>
#include <iostream>
#include <map>
#include <stdexcept>

#include <CLI/CLI.hpp>
#include <unistd.h>

#include <emrctl/cli/commands.hpp>
#include <emrctl/cli/error_printer.hpp>

namespace {

using namespace emrctl;

bool use_color() {
    return ::isatty(STDERR_FILENO) != 0 && std::getenv("NO_COLOR") == nullptr &&
           std::getenv("TERM") != nullptr && std::string(std::getenv("TERM")) != "dumb";
}

int report(const Error& e, const cli::GlobalOptions& global) {
    if (global.output == cli::OutputFormat::json) {
        std::cerr << cli::format_error_json(e);
    } else {
        std::cerr << cli::format_error(e, {.color = use_color()});
    }
    return exit_status(e);
}

}  // namespace

int main(int argc, char** argv) {
    // The AWS variables (AWS_PROFILE, AWS_ENDPOINT_URL...) are read by aws/credentials with the
    // SDKs' precedence, not bound to flags here: a flag must mean the user typed it.
    cli::GlobalOptions global;
    CLI::App app{
        "emrctl: Spark on AWS EMR from one project file, and the same jobs on a local "
        "Spark first.",
        "emrctl"};
    app.set_version_flag("--version", std::string(EMRCTL_VERSION));
    app.require_subcommand(1);
    app.fallthrough();

    app.add_option("-f,--file", global.file, "Project file (emrctl.yaml) or project folder")
        ->type_name("PATH");
    app.add_option("-c,--context", global.context,
                   "Override a setting: -c nb_core_instances=3, -c cluster.core.type=m6g.2xlarge")
        ->type_name("KEY=VALUE")
        ->allow_extra_args(false);
    app.add_option("--profile", global.profile, "AWS profile (default: AWS_PROFILE, then default)");
    app.add_option("--region", global.region, "AWS region");
    app.add_option(
        "--endpoint-url", global.endpoint_url,
        "Send AWS calls to this endpoint (else AWS_ENDPOINT_URL_<SERVICE>, AWS_ENDPOINT_URL)");
    const std::map<std::string, cli::OutputFormat> formats{{"text", cli::OutputFormat::text},
                                                           {"json", cli::OutputFormat::json}};
    app.add_option("--output", global.output, "Output format: text or json")
        ->transform(CLI::CheckedTransformer(formats, CLI::ignore_case));
    app.add_flag("-y,--yes", global.yes, "Do not ask for confirmation");
    app.add_flag("-v,--verbose", global.verbose, "Say more");

    cli::ValidateOptions validate_options;
    auto* validate = app.add_subcommand("validate", "Check the project; list every problem");
    validate->add_flag("--explain", validate_options.explain,
                       "Print the project with every default filled in");

    cli::SynthOptions synth_options;
    auto* synth =
        app.add_subcommand("synth", "Write the CloudFormation templates and the asset manifest");
    synth->add_option("-o,--output-dir", synth_options.output_dir,
                      "Where to write (default: emrctl.out/ in the project folder)");
    synth->add_option("stack", synth_options.stack, "Print this stack's template as YAML");

    auto* ls = app.add_subcommand("ls", "List the project's stacks");

    cli::DeployOptions deploy_options;
    auto* deploy = app.add_subcommand(
        "deploy", "Create or update the stacks through change sets, and upload the assets");
    deploy
        ->add_option("--outputs-file", deploy_options.outputs_file,
                     "Write the stack outputs here as JSON (default: emrctl.out/outputs.json)")
        ->type_name("PATH");

    cli::DiffOptions diff_options;
    auto* diff = app.add_subcommand(
        "diff", "Show what deploy would change: resources, properties and assets");
    diff->add_flag("--fail", diff_options.fail, "Exit with status 1 when there are differences");

    cli::DestroyOptions destroy_options;
    auto* destroy = app.add_subcommand(
        "destroy", "Delete the stacks (terminating the cluster first); buckets are kept");
    destroy->add_flag("--purge", destroy_options.purge,
                      "Also empty the retained buckets (every version) and delete them");

    cli::RunOptions run_options;
    auto* run = app.add_subcommand("run", "Run jobs (all, or those named) and wait for them");
    run->add_option("jobs", run_options.jobs, "Jobs to run, in project order")->type_name("JOB");
    run->add_flag("--local", run_options.local, "Run on a local Spark");
    run->add_flag("--no-wait", run_options.no_wait,
                  "EMR: return once the steps are added (emrctl status follows them)");
    run->add_flag("--cancel", run_options.cancel,
                  "EMR: cancel the named jobs' pending or running steps");

    cli::RunOptions up_options{.all_jobs = true};
    auto* up = app.add_subcommand("up", "Deploy, then run every job: the one-shot");
    up->add_flag("--local", up_options.local, "Run every job on a local Spark instead");
    up->add_flag("--no-wait", up_options.no_wait, "Return once the steps are added");

    cli::StatusOptions status_options;
    auto* status = app.add_subcommand("status", "The state of the jobs' latest runs");
    status->add_option("job", status_options.job, "Only this job")->type_name("JOB");
    status->add_flag("--local", status_options.local, "Runs on the local Spark");

    cli::LogsOptions logs_options;
    bool only_stdout = false;
    bool only_stderr = false;
    auto* logs = app.add_subcommand("logs", "Show a job's driver output; failures first");
    logs->add_option("job", logs_options.job, "The job")->required()->type_name("JOB");
    auto* stdout_flag = logs->add_flag("--stdout", only_stdout, "Only the driver's stdout");
    logs->add_flag("--stderr", only_stderr, "Only the driver's stderr")->excludes(stdout_flag);
    logs->add_flag("--local", logs_options.local, "Runs on the local Spark");
    logs->add_flag("--follow", logs_options.follow,
                   "EMR: wait until the step ends and EMR has pushed its logs");

    cli::OutputsOptions outputs_options;
    auto* outputs = app.add_subcommand("outputs", "Copy a job's outputs here");
    outputs->add_option("job", outputs_options.job, "The job")->required()->type_name("JOB");
    outputs->add_option("-o,--output-dir", outputs_options.output_dir,
                        "Where to put them (default: outputs/<job>/)");
    outputs->add_flag("--local", outputs_options.local, "Runs on the local Spark");

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        return report(Error{.kind = ErrorKind::usage,
                            .message = e.what(),
                            .hint = "run `emrctl --help` for the commands and their options"},
                      global);
    }

    try {
        Result<void> result;
        if (validate->parsed()) {
            result = cli::run_validate(global, validate_options);
        } else if (synth->parsed()) {
            result = cli::run_synth(global, synth_options);
        } else if (ls->parsed()) {
            result = cli::run_ls(global);
        } else if (deploy->parsed()) {
            result = cli::run_deploy(global, deploy_options);
        } else if (diff->parsed()) {
            result = cli::run_diff(global, diff_options);
        } else if (destroy->parsed()) {
            result = cli::run_destroy(global, destroy_options);
        } else if (run->parsed()) {
            result = cli::run_jobs(global, run_options);
        } else if (up->parsed()) {
            result = cli::run_jobs(global, up_options);
        } else if (status->parsed()) {
            result = cli::run_status(global, status_options);
        } else if (logs->parsed()) {
            logs_options.stream = only_stdout   ? cli::LogStream::stdout_only
                                  : only_stderr ? cli::LogStream::stderr_only
                                                : cli::LogStream::failures_first;
            result = cli::run_logs(global, logs_options);
        } else if (outputs->parsed()) {
            result = cli::run_outputs(global, outputs_options);
        }
        if (!result) return report(result.error(), global);
    } catch (const std::exception& e) {
        return report(Error{.kind = ErrorKind::internal,
                            .message = std::string("internal error: ") + e.what(),
                            .hint = "this is a bug in emrctl; please report it with the command "
                                    "you ran"},
                      global);
    }
    return 0;
}
