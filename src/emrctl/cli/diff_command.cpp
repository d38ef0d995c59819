#include <cstdlib>
#include <iostream>

#include <unistd.h>

#include <emrctl/cli/aws_access.hpp>
#include <emrctl/cli/commands.hpp>
#include <emrctl/cli/diff_printer.hpp>
#include <emrctl/cli/format.hpp>
#include <emrctl/deploy/project_diff.hpp>
#include <emrctl/workspace/deployment.hpp>

namespace emrctl::cli {

namespace {

std::string assets_text(const deploy::ProjectDiff& d) {
    const auto& plan = d.assets;
    std::string text = "Assets\n";
    if (plan.upload.empty() && plan.remove.empty()) {
        return text + "  " + std::to_string(plan.unchanged.size()) + " unchanged\n";
    }
    for (const auto& a : plan.upload) {
        text += "[+] s3://" + a.bucket + "/" + a.key + " (" + human_bytes(a.size) + ")\n";
    }
    for (const auto& r : plan.remove)
        text += "[-] s3://" + r.bucket + "/" + r.key + "\n";
    text += "  " + std::to_string(plan.upload.size()) + " to upload (" +
            human_bytes(plan.upload_bytes) + "), " + std::to_string(plan.unchanged.size()) +
            " unchanged, " + std::to_string(plan.remove.size()) + " to delete";
    if (!d.buckets_exist) text += " (the buckets are made by the first deploy)";
    return text + "\n";
}

}  // namespace

Result<void> run_diff(const GlobalOptions& global, const DiffOptions& options) {
    auto loaded = workspace::load_project({.location = global.file,
                                           .context = global.context,
                                           .suffix = workspace::SuffixPolicy::create_if_missing});
    if (!loaded) return std::unexpected(loaded.error());
    auto synth = workspace::synth(*loaded, loaded->dir / workspace::k_default_output_dir);
    if (!synth) return std::unexpected(synth.error());
    auto client = open_client(global, loaded->project);
    if (!client) return std::unexpected(client.error());

    auto diff = deploy::diff_project(*client, workspace::deployment_of(*loaded, *synth));
    if (!diff) return std::unexpected(diff.error());

    const Style style{.color = ::isatty(STDOUT_FILENO) != 0 && std::getenv("NO_COLOR") == nullptr};
    for (const auto& s : diff->stacks) {
        if (!s.deployed) std::cout << "Stack " << s.stack << " is not deployed yet\n";
        std::cout << format_template_diff(s.diff, s.stack, style) << "\n";
    }
    std::cout << assets_text(*diff);
    if (options.fail && !diff->empty()) {
        return std::unexpected(Error{.kind = ErrorKind::differences,
                                     .message = "the deployed project differs from this one",
                                     .hint = "run `emrctl deploy` to apply the differences"});
    }
    return ok();
}

}  // namespace emrctl::cli
