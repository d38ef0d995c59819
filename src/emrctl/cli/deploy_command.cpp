#include <iostream>

#include <nlohmann/json.hpp>

#include <emrctl/cli/aws_access.hpp>
#include <emrctl/cli/commands.hpp>
#include <emrctl/cli/deploy_printer.hpp>
#include <emrctl/cli/format.hpp>
#include <emrctl/cli/job_printer.hpp>
#include <emrctl/util/interrupt.hpp>
#include <emrctl/workspace/deployment.hpp>
#include <emrctl/workspace/files.hpp>

namespace emrctl::cli {

namespace {

const char* outcome_name(deploy::StackOutcome o) {
    switch (o) {
        case deploy::StackOutcome::created:
            return "created";
        case deploy::StackOutcome::updated:
            return "updated";
        case deploy::StackOutcome::unchanged:
            return "unchanged";
    }
    return "";
}

// As `cdk deploy --outputs-file` writes them: {"<stack>": {"<output>": "<value>"}}.
nlohmann::ordered_json outputs_json(const deploy::ProjectDeployResult& result) {
    nlohmann::ordered_json doc = nlohmann::ordered_json::object();
    for (const auto& s : result.stacks) {
        nlohmann::ordered_json outputs = nlohmann::ordered_json::object();
        for (const auto& o : s.result.outputs)
            outputs[o.key] = o.value;
        doc[s.name] = std::move(outputs);
    }
    return doc;
}

}  // namespace

Result<DeployedProject> deploy_project(const GlobalOptions& global, std::ostream& progress) {
    auto loaded = workspace::load_project({.location = global.file,
                                           .context = global.context,
                                           .suffix = workspace::SuffixPolicy::create_if_missing});
    if (!loaded) return std::unexpected(loaded.error());
    auto synth = workspace::synth(*loaded, loaded->dir / workspace::k_default_output_dir);
    if (!synth) return std::unexpected(synth.error());

    DeployPrinter printer(progress, global.output, stderr_is_terminal());
    auto client =
        open_client(global, loaded->project, [&](const aws::RetryNotice& r) { printer(r); });
    if (!client) return std::unexpected(client.error());

    const InterruptGuard guard;
    auto deployed = deploy::deploy_project(*client, workspace::deployment_of(*loaded, *synth), {},
                                           {}, deploy::real_clock(), std::ref(printer));
    if (!deployed) return std::unexpected(deployed.error());
    return DeployedProject{.loaded = std::move(*loaded), .result = std::move(*deployed)};
}

Result<void> run_deploy(const GlobalOptions& global, const DeployOptions& options) {
    const auto started = std::chrono::steady_clock::now();
    auto deployed = deploy_project(global, std::cerr);
    if (!deployed) return std::unexpected(deployed.error());
    const auto& result = deployed->result;

    const auto outputs = outputs_json(result);
    const auto outputs_file =
        options.outputs_file.empty()
            ? deployed->loaded.dir / workspace::k_default_output_dir / "outputs.json"
            : std::filesystem::path(options.outputs_file);
    if (auto written = workspace::write_file_atomically(outputs_file, outputs.dump(2) + "\n");
        !written) {
        return std::unexpected(written.error());
    }

    if (global.output == OutputFormat::json) {
        nlohmann::ordered_json doc;
        doc["stacks"] = nlohmann::ordered_json::array();
        for (const auto& s : result.stacks) {
            doc["stacks"].push_back({{"name", s.name},
                                     {"outcome", outcome_name(s.result.outcome)},
                                     {"stack_id", s.result.stack_id},
                                     {"outputs", outputs[s.name]}});
        }
        if (result.published) {
            const auto& plan = result.published->plan;
            doc["assets"] = {{"uploaded", plan.upload.size()},
                             {"uploaded_bytes", plan.upload_bytes},
                             {"unchanged", plan.unchanged.size()},
                             {"deleted", plan.remove.size()}};
        }
        doc["outputs_file"] = outputs_file.string();
        std::cout << doc.dump(2) << "\n";
        return ok();
    }

    const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - started);
    for (const auto& s : result.stacks) {
        std::cout << "Stack " << s.name << " " << outcome_name(s.result.outcome) << " ("
                  << elapsed_text(1, 1 + elapsed.count()) << ")\n";
        if (!s.result.outputs.empty()) {
            std::vector<std::vector<std::string>> rows{{"Output", "Value"}};
            for (const auto& o : s.result.outputs)
                rows.push_back({o.key, o.value});
            std::cout << table(rows);
        }
    }
    std::cout << "Outputs written to " << outputs_file.string() << "\n";
    return ok();
}

}  // namespace emrctl::cli
