#include <algorithm>

#include <emrctl/config/defaults.hpp>
#include <emrctl/config/overrides.hpp>
#include <emrctl/config/parse.hpp>
#include <emrctl/config/seed_layout.hpp>
#include <emrctl/config/validate.hpp>
#include <emrctl/workspace/files.hpp>
#include <emrctl/workspace/project_loader.hpp>
#include <emrctl/workspace/state_file.hpp>

namespace emrctl::workspace {

namespace fs = std::filesystem;

namespace {

Error problems_error(std::vector<Error> problems, const std::string& what) {
    const auto count = problems.size();
    Error e{.kind = ErrorKind::config,
            .message =
                what + " has " + std::to_string(count) + (count == 1 ? " problem" : " problems")};
    e.problems = std::move(problems);
    return e;
}

std::vector<config::FileEntry> list_files(const fs::path& dir, const std::string& folder) {
    std::vector<config::FileEntry> entries;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(dir / folder, ec), end; !ec && it != end;
         it.increment(ec)) {
        if (!it->is_regular_file(ec)) continue;
        const auto relative = fs::relative(it->path(), dir, ec).generic_string();
        // Hidden files (.DS_Store, editor swap files) are not data.
        if (it->path().filename().string().starts_with('.')) continue;
        entries.push_back({relative, it->file_size(ec)});
    }
    std::ranges::sort(entries, {}, &config::FileEntry::path);
    return entries;
}

struct Located {
    fs::path dir;
    fs::path file;  // emrctl.yaml or the seed's steps file
    config::Layout layout;
};

Result<Located> locate(const fs::path& location) {
    std::error_code ec;
    const fs::path start = location.empty() ? fs::current_path(ec) : location;
    if (fs::is_regular_file(start, ec)) {
        return Located{start.has_parent_path() ? start.parent_path() : fs::path("."), start,
                       config::Layout::native};
    }
    if (!fs::is_directory(start, ec)) {
        return fail(ErrorKind::usage, start.string() + " does not exist",
                    "pass -f with the path of an emrctl.yaml or of a project folder");
    }
    if (fs::is_regular_file(start / k_project_file, ec)) {
        return Located{start, start / k_project_file, config::Layout::native};
    }
    if (fs::is_regular_file(start / config::k_seed_steps_file, ec)) {
        return Located{start, start / config::k_seed_steps_file, config::Layout::seed};
    }
    return fail(ErrorKind::usage, "no emrctl.yaml in " + fs::absolute(start, ec).string(),
                "run `emrctl init` to create a project here, or pass -f PATH");
}

std::string display_path(const fs::path& file) {
    std::error_code ec;
    const auto relative = fs::relative(file, fs::current_path(ec), ec);
    if (!ec && !relative.empty() && !relative.string().starts_with("..")) return relative.string();
    return file.string();
}

}  // namespace

config::FileFacts gather_file_facts(const fs::path& dir, const std::vector<std::string>& paths) {
    config::FileFacts facts;
    for (const auto& path : paths) {
        std::error_code ec;
        const auto status = fs::status(dir / path, ec);
        config::PathInfo info;
        if (fs::is_regular_file(status)) {
            info = {config::PathKind::file, fs::file_size(dir / path, ec)};
        } else if (fs::is_directory(status)) {
            info.kind = config::PathKind::folder;
            facts.folder_files.emplace(path, list_files(dir, path));
        } else if (fs::exists(status)) {
            info.kind = config::PathKind::other;
        }
        facts.paths.emplace(path, info);
    }
    return facts;
}

Result<LoadedProject> load_project(const LoadOptions& options) {
    auto located = locate(options.location);
    if (!located) return std::unexpected(located.error());
    auto text = read_text(located->file);
    if (!text) return std::unexpected(text.error());

    const auto shown = display_path(located->file);
    LoadedProject loaded{.sources = config::SourceMap(shown), .dir = located->dir};
    auto& project = loaded.project;
    std::vector<Error> problems;
    if (located->layout == config::Layout::native) {
        project = config::native_defaults();
        loaded.description = shown;
        problems = config::parse_project(*text, shown, project, loaded.sources);
    } else {
        project = config::seed_defaults();
        loaded.description = "seed layout (" + shown + ")";
        problems = config::parse_seed_steps(*text, shown, project, loaded.sources);
        std::error_code ec;
        if (fs::is_regular_file(located->dir / config::k_seed_bootstrap, ec)) {
            project.cluster.bootstrap.emplace_back(config::k_seed_bootstrap);
        }
    }
    auto overridden = config::apply_overrides(options.context, project, loaded.sources);
    problems.insert(problems.end(), std::make_move_iterator(overridden.begin()),
                    std::make_move_iterator(overridden.end()));
    if (!problems.empty()) return std::unexpected(problems_error(std::move(problems), shown));

    config::apply_derived_defaults(project, loaded.sources);
    config::normalize_paths(project);
    if (std::error_code ec; fs::is_regular_file(loaded.dir / config::k_requirements_file, ec)) {
        project.requirements = config::k_requirements_file;
    }
    if (project.suffix.empty()) {
        auto state = read_state(loaded.dir);
        if (!state) return std::unexpected(state.error());
        if (*state) project.suffix = (*state)->naming_suffix;
    }

    loaded.files = gather_file_facts(loaded.dir, config::named_paths(project));
    problems = config::validate(project, loaded.sources, loaded.files);
    if (!problems.empty()) return std::unexpected(problems_error(std::move(problems), shown));

    if (project.suffix.empty() && options.suffix == SuffixPolicy::create_if_missing) {
        project.suffix = generate_suffix();
        if (auto written = write_state(loaded.dir, {project.suffix}); !written) {
            return std::unexpected(written.error());
        }
    }
    return loaded;
}

}  // namespace emrctl::workspace
