#include <algorithm>
#include <array>

#include <emrctl/config/overrides.hpp>
#include <emrctl/config/parse.hpp>
#include <emrctl/util/strings.hpp>
#include <emrctl/util/yaml_scalar.hpp>

namespace emrctl::config {

namespace {

struct Alias {
    std::string_view name;
    std::vector<std::string_view> paths;  // the project-file keys it sets
};

const std::vector<Alias>& aliases() {
    static const std::vector<Alias> table{
        {"cidr", {"network.cidr"}},
        {"max_azs", {"network.azs"}},
        {"naming_prefix", {"name"}},
        {"instance_type", {"cluster.primary.type", "cluster.core.type"}},
        {"instance_consumption", {"cluster.primary.market", "cluster.core.market"}},
        {"nb_core_instances", {"cluster.core.count"}},
    };
    return table;
}

constexpr std::array<std::string_view, 17> k_settable{"name",
                                                      "region",
                                                      "network.cidr",
                                                      "network.azs",
                                                      "network.nat",
                                                      "network.endpoints",
                                                      "cluster.release",
                                                      "cluster.applications",
                                                      "cluster.primary.type",
                                                      "cluster.primary.market",
                                                      "cluster.core.type",
                                                      "cluster.core.count",
                                                      "cluster.core.market",
                                                      "cluster.bootstrap",
                                                      "cluster.idle_timeout",
                                                      "existing_data_buckets",
                                                      "naming_suffix"};

bool is_list_setting(std::string_view path) {
    return path == "network.endpoints" || path == "cluster.applications" ||
           path == "cluster.bootstrap" || path == "existing_data_buckets";
}

// A YAML scalar for `value`: a whole number stays plain so that count=3 reads as a number; any
// other text is written so that YAML reads it back as that text ("null" stays "null").
std::string scalar(std::string_view value) {
    const auto digits = value.starts_with('-') ? value.substr(1) : value;
    const bool whole_number = !digits.empty() && std::ranges::all_of(digits, [](char c) {
        return std::isdigit(static_cast<unsigned char>(c)) != 0;
    });
    return whole_number ? std::string(value) : util::yaml_scalar(value);
}

// {"cluster.core.count", "3"} -> "cluster:\n  core:\n    count: 3\n"
std::string nested_document(std::string_view path, std::string_view value) {
    std::string doc;
    int depth = 0;
    for (const auto& key : util::split(path, '.')) {
        if (depth > 0) doc += ":\n";
        doc.append(static_cast<std::size_t>(2 * depth++), ' ');
        doc += key;
    }
    if (is_list_setting(path)) {
        std::vector<std::string> items;
        for (const auto& item : util::split(value, ',')) {
            items.push_back(scalar(util::trim(item)));
        }
        doc += ": [" + util::join(items, ", ") + "]\n";
    } else {
        doc += ": " + scalar(value) + "\n";
    }
    return doc;
}

std::vector<std::string_view> all_names() {
    std::vector<std::string_view> names(k_settable.begin(), k_settable.end());
    for (const auto& a : aliases())
        names.push_back(a.name);
    names.push_back("suffix");
    return names;
}

}  // namespace

std::vector<Error> apply_overrides(const std::vector<std::string>& assignments, Project& project,
                                   SourceMap& sources) {
    std::vector<Error> problems;
    for (const auto& assignment : assignments) {
        const SourceLocation origin{.file = "command line", .line_text = "-c " + assignment};
        auto report = [&](std::string key, std::string message, std::string hint) {
            auto where = origin;
            where.key_path = std::move(key);
            problems.push_back(Error{.kind = ErrorKind::config,
                                     .message = std::move(message),
                                     .hint = std::move(hint),
                                     .where = std::move(where)});
        };
        const auto eq = assignment.find('=');
        if (eq == std::string::npos || eq == 0) {
            report("", "\"-c " + assignment + "\" is not key=value",
                   "write e.g. -c nb_core_instances=3");
            continue;
        }
        const auto key = assignment.substr(0, eq);
        const auto value = assignment.substr(eq + 1);
        if (key == "naming_suffix" || key == "suffix") {
            project.suffix = value;
            auto where = origin;
            where.key_path = key;
            sources.record("naming_suffix", where);
            continue;
        }
        std::vector<std::string_view> paths;
        for (const auto& a : aliases()) {
            if (a.name == key) paths = a.paths;
        }
        if (paths.empty() && std::ranges::find(k_settable, key) != k_settable.end()) {
            paths.push_back(key);
        }
        if (paths.empty()) {
            const auto names = all_names();
            const auto guess = util::closest_match(key, names);
            report(key, "unknown context key \"" + key + "\"",
                   guess.empty() ? "settable keys: " + util::one_of(names)
                                 : "did you mean \"" + guess + "\"?");
            continue;
        }
        for (const auto path : paths) {
            SourceMap overlay_sources;
            auto overlay = parse_project(nested_document(path, value), "command line", project,
                                         overlay_sources);
            auto where = origin;
            where.key_path = key;
            sources.record(std::string(path), where);
            if (overlay.empty()) continue;
            // One bad value is one problem, however many settings the alias sets.
            auto& p = overlay.front();
            p.where = where;
            problems.push_back(std::move(p));
            break;
        }
    }
    return problems;
}

}  // namespace emrctl::config
