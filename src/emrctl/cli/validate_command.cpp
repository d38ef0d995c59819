#include <iostream>

#include <nlohmann/json.hpp>

#include <emrctl/cli/commands.hpp>
#include <emrctl/config/explain.hpp>
#include <emrctl/stacks/emr_stack.hpp>
#include <emrctl/workspace/project_loader.hpp>

namespace emrctl::cli {

Result<void> run_validate(const GlobalOptions& global, const ValidateOptions& options) {
    auto loaded = workspace::load_project({.location = global.file, .context = global.context});
    if (!loaded) return std::unexpected(loaded.error());
    const auto& project = loaded->project;
    const auto stacks = stacks::synthesize(project);
    if (global.output == OutputFormat::json) {
        nlohmann::ordered_json stack_names = nlohmann::ordered_json::array();
        for (const auto& s : stacks)
            stack_names.push_back(s.name);
        std::cout << nlohmann::ordered_json{{"valid", true},
                                            {"project", project.name},
                                            {"jobs", project.jobs.size()},
                                            {"stacks", stack_names}}
                         .dump(2)
                  << "\n";
        return ok();
    }
    if (options.explain) {
        std::cout << config::explain(project, loaded->sources);
        return ok();
    }
    std::cout << loaded->description << " is valid: project " << project.name << ", "
              << project.jobs.size() << (project.jobs.size() == 1 ? " job, " : " jobs, ")
              << stacks.size() << (stacks.size() == 1 ? " stack" : " stacks") << "\n";
    return ok();
}

}  // namespace emrctl::cli
