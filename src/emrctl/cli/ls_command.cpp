#include <iostream>

#include <nlohmann/json.hpp>

#include <emrctl/cli/commands.hpp>
#include <emrctl/cli/format.hpp>
#include <emrctl/stacks/emr_stack.hpp>
#include <emrctl/workspace/project_loader.hpp>

namespace emrctl::cli {

Result<void> run_ls(const GlobalOptions& global) {
    auto loaded = workspace::load_project({.location = global.file, .context = global.context});
    if (!loaded) return std::unexpected(loaded.error());
    const auto stacks = stacks::synthesize(loaded->project);
    if (global.output == OutputFormat::json) {
        nlohmann::ordered_json list = nlohmann::ordered_json::array();
        for (const auto& s : stacks) {
            list.push_back({{"name", s.name},
                            {"description", s.body.description()},
                            {"resources", s.body.resources().size()}});
        }
        std::cout << list.dump(2) << "\n";
        return ok();
    }
    std::vector<std::vector<std::string>> rows{{"STACK", "RESOURCES", "DESCRIPTION"}};
    for (const auto& s : stacks) {
        rows.push_back({s.name, std::to_string(s.body.resources().size()), s.body.description()});
    }
    std::cout << table(rows);
    return ok();
}

}  // namespace emrctl::cli
