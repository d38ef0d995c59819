// Fuzz target: any bytes as emrctl.yaml, as the seed's steps file, or (first line "-c ...") as
// context overrides, through every pure pass: parse, validate, explain, synthesize, render.
// Nothing may crash, hang or throw: a malformed intrinsic or a duplicate logical id here is a bug.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <emrctl/cfn/render.hpp>
#include <emrctl/config/defaults.hpp>
#include <emrctl/config/explain.hpp>
#include <emrctl/config/file_facts.hpp>
#include <emrctl/config/overrides.hpp>
#include <emrctl/config/parse.hpp>
#include <emrctl/config/seed_layout.hpp>
#include <emrctl/config/validate.hpp>
#include <emrctl/stacks/assets.hpp>
#include <emrctl/stacks/emr_stack.hpp>
#include <emrctl/util/strings.hpp>

namespace {

using namespace emrctl;

// Every path the project names exists: scripts as files, data as folders with one file, so that
// a valid project goes all the way to the templates.
config::FileFacts facts_for(const config::Project& project) {
    config::FileFacts facts;
    for (const auto& path : config::named_paths(project)) {
        facts.paths[path] = {config::PathKind::file, 10};
    }
    for (const auto& job : project.jobs) {
        if (!job.data) continue;
        facts.paths[*job.data] = {config::PathKind::folder, 0};
        facts.folder_files[*job.data] = {{*job.data + "/part-0.txt", 3}};
    }
    return facts;
}

void synthesize_if_valid(config::Project& project, const config::SourceMap& sources) {
    config::apply_derived_defaults(project, sources);
    config::normalize_paths(project);
    const auto facts = facts_for(project);
    if (!config::validate(project, sources, facts).empty()) return;
    (void)config::explain(project, sources);
    if (project.suffix.empty()) project.suffix = "fuzz0001";
    for (const auto& stack : stacks::synthesize(project)) {
        (void)cfn::to_json(stack.body);
        (void)cfn::to_yaml(stack.body);
    }
    (void)stacks::plan_assets(project, facts);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    std::vector<std::string> context;
    if (text.starts_with("-c ")) {
        const auto end = text.find('\n');
        for (auto& word : util::split(text.substr(3, end - 3), ' ')) {
            if (!word.empty()) context.push_back(std::move(word));
        }
        text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
    }

    auto project = config::native_defaults();
    config::SourceMap sources("emrctl.yaml");
    auto problems = config::parse_project(text, "emrctl.yaml", project, sources);
    auto overridden = config::apply_overrides(context, project, sources);
    if (problems.empty() && overridden.empty()) synthesize_if_valid(project, sources);

    auto seed = config::seed_defaults();
    config::SourceMap seed_sources{std::string(config::k_seed_steps_file)};
    if (config::parse_seed_steps(text, "steps.json", seed, seed_sources).empty()) {
        synthesize_if_valid(seed, seed_sources);
    }
    return 0;
}
