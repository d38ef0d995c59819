#include <iostream>
#include <string>

#include <unistd.h>

#include <emrctl/cli/aws_access.hpp>
#include <emrctl/cli/commands.hpp>
#include <emrctl/cli/deploy_printer.hpp>
#include <emrctl/deploy/project_destroy.hpp>
#include <emrctl/util/interrupt.hpp>
#include <emrctl/workspace/deployment.hpp>

namespace emrctl::cli {

namespace {

std::string join_names(const std::vector<deploy::StackDeployment>& stacks) {
    std::string names;
    for (const auto& s : stacks)
        names += (names.empty() ? "" : ", ") + s.name;
    return names;
}

// Asks on the terminal; without one, only --yes will do: a script must say what it means.
Result<void> confirm(const GlobalOptions& global, const deploy::ProjectDeployment& d, bool purge,
                     const std::string& region) {
    if (global.yes) return ok();
    if (::isatty(STDIN_FILENO) == 0) {
        return fail(ErrorKind::usage,
                    "destroy needs a confirmation and there is no terminal to ask on",
                    "run `emrctl destroy --yes` to destroy without being asked");
    }
    std::cerr << "This deletes stack " << join_names(d.stacks) << " in " << region
              << ": the EMR cluster, its network and its roles.\n";
    for (const auto& s : d.stacks) {
        for (const auto& b : s.retained_buckets) {
            std::cerr << (purge ? "  and DELETES bucket s3://" : "  keeping bucket s3://") << b.name
                      << (purge ? " with every object version in it\n" : "\n");
        }
    }
    std::cerr << "Continue? [y/N] " << std::flush;
    std::string answer;
    std::getline(std::cin, answer);
    if (answer == "y" || answer == "Y" || answer == "yes") return ok();
    return fail(ErrorKind::usage, "destroy cancelled: nothing was deleted");
}

std::string fate_text(const deploy::BucketFate& b) {
    return "s3://" + b.name + " (" + std::to_string(b.objects) + (b.more ? "+" : "") +
           " objects and versions)";
}

}  // namespace

Result<void> run_destroy(const GlobalOptions& global, const DestroyOptions& options) {
    auto loaded = workspace::load_project({.location = global.file, .context = global.context});
    if (!loaded) return std::unexpected(loaded.error());
    if (loaded->project.suffix.empty()) {
        // No naming suffix was ever created: nothing was ever deployed from here.
        std::cout << "Nothing to destroy: this project was never deployed from here\n";
        return ok();
    }
    auto synth = workspace::synth(*loaded, loaded->dir / workspace::k_default_output_dir);
    if (!synth) return std::unexpected(synth.error());
    const auto deployment = workspace::deployment_of(*loaded, *synth);

    DeployPrinter printer(std::cerr, global.output, stderr_is_terminal());
    auto client =
        open_client(global, loaded->project, [&](const aws::RetryNotice& r) { printer(r); });
    if (!client) return std::unexpected(client.error());
    if (auto yes = confirm(global, deployment, options.purge, client->region()); !yes) return yes;

    const InterruptGuard guard;
    auto result = deploy::destroy_project(*client, deployment, {.purge = options.purge},
                                          deploy::real_clock(), std::ref(printer));
    if (!result) return std::unexpected(result.error());

    for (const auto& s : result->deleted_stacks)
        std::cout << "Stack " << s << " deleted\n";
    for (const auto& s : result->missing_stacks) {
        std::cout << "Stack " << s << " does not exist (nothing to delete)\n";
    }
    for (const auto& b : result->purged_buckets)
        std::cout << "Deleted " << fate_text(b) << "\n";
    if (!result->kept_buckets.empty()) {
        std::cout << "Kept (retained buckets):\n";
        for (const auto& b : result->kept_buckets)
            std::cout << "  " << fate_text(b) << "\n";
        std::cout << "Run `emrctl destroy --purge` to delete them and everything in them.\n";
    }
    return ok();
}

}  // namespace emrctl::cli
