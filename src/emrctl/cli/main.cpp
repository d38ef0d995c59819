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
    app.add_option("--profile", global.profile, "AWS profile")->envname("AWS_PROFILE");
    app.add_option("--region", global.region, "AWS region");
    app.add_option("--endpoint-url", global.endpoint_url, "Send AWS calls to this endpoint")
        ->envname("AWS_ENDPOINT_URL");
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
        }
        if (!result)
            return report(result.error(), global);
    } catch (const std::exception& e) {
        return report(Error{.kind = ErrorKind::internal,
                            .message = std::string("internal error: ") + e.what(),
                            .hint = "this is a bug in emrctl; please report it with the command "
                                    "you ran"},
                      global);
    }
    return 0;
}
