#include <algorithm>

#include <emrctl/aws/credentials/ini.hpp>
#include <emrctl/aws/credentials/shared_config.hpp>
#include <emrctl/util/strings.hpp>

namespace emrctl::aws {

namespace {

enum class FileKind { config, credentials };

// "profile dev" -> "dev" when `word` is the section's first word, else nullopt.
std::optional<std::string> after_word(std::string_view section, std::string_view word) {
    if (!section.starts_with(word) || section.size() == word.size()) return std::nullopt;
    const char next = section[word.size()];
    if (next != ' ' && next != '\t') return std::nullopt;
    const auto rest = util::trim(section.substr(word.size()));
    if (rest.empty()) return std::nullopt;
    return std::string(rest);
}

ConfigValues values_of(const std::vector<IniProperty>& properties, const std::string& file) {
    ConfigValues values;
    for (const auto& p : properties) {
        values.insert_or_assign(
            p.key,
            ConfigValue{.value = p.value, .file = file, .line = p.line, .line_text = p.line_text});
    }
    return values;
}

// Adds a section's keys to `target`, replacing keys it already has.
void merge(ConfigSection& target, const IniSection& section, const std::string& file) {
    for (auto& [key, value] : values_of(section.properties, file))
        target.values.insert_or_assign(key, std::move(value));
    for (const auto& p : section.properties) {
        if (p.children.empty()) continue;
        auto& sub = target.subsections[p.key];
        for (auto& [key, value] : values_of(p.children, file))
            sub.insert_or_assign(key, std::move(value));
    }
}

ConfigSection& section_named(std::map<std::string, ConfigSection, std::less<>>& sections,
                             const std::string& name) {
    auto& section = sections[name];
    section.name = name;
    return section;
}

void add_config_file(const IniDocument& doc, SharedConfig& out) {
    const auto& file = out.config_file.path;
    const bool has_profile_default = std::ranges::any_of(doc.sections, [](const IniSection& s) {
        return after_word(s.name, "profile") == "default";
    });
    for (const auto& section : doc.sections) {
        if (auto name = after_word(section.name, "profile")) {
            out.config_file.profiles.insert(*name);
            merge(section_named(out.profiles, *name), section, file);
        } else if (section.name == "default") {
            // The specification lets [profile default] replace [default] when both are there.
            if (has_profile_default) continue;
            out.config_file.profiles.insert("default");
            merge(section_named(out.profiles, "default"), section, file);
        } else if (auto services = after_word(section.name, "services")) {
            merge(section_named(out.services, *services), section, file);
        } else if (!after_word(section.name, "sso-session")) {
            out.stray_config_sections.push_back(section.name);
        }
    }
}

void add_credentials_file(const IniDocument& doc, SharedConfig& out) {
    for (const auto& section : doc.sections) {
        out.credentials_file.profiles.insert(section.name);
        merge(section_named(out.profiles, section.name), section, out.credentials_file.path);
    }
}

std::string expand_home(const std::string& path, const Environment& env) {
    if (path == "~" || path.starts_with("~/")) {
        if (auto home = env.get("HOME")) return *home + path.substr(1);
    }
    return path;
}

Result<SharedFileText> read_shared_file(const std::string& path, const FileAccess& files) {
    auto text = files.read(path);
    if (!text) return std::unexpected(text.error());
    return SharedFileText{.path = path, .text = std::move(*text)};
}

}  // namespace

SourceLocation ConfigValue::where() const {
    return {.file = file, .line = line, .column = 1, .line_text = line_text};
}

const ConfigValue* ConfigSection::find(std::string_view key) const {
    const auto it = values.find(key);
    return it == values.end() ? nullptr : &it->second;
}

const ConfigSection* SharedConfig::find_profile(std::string_view name) const {
    const auto it = profiles.find(name);
    return it == profiles.end() ? nullptr : &it->second;
}

std::vector<std::string> SharedConfig::profile_names() const {
    std::vector<std::string> names;
    for (const auto& [name, section] : profiles)
        names.push_back(name);
    return names;
}

SharedFilePaths shared_file_paths(const Environment& env) {
    const auto home = env.get("HOME").value_or("~");
    return {.config = expand_home(env.get("AWS_CONFIG_FILE").value_or(home + "/.aws/config"), env),
            .credentials = expand_home(
                env.get("AWS_SHARED_CREDENTIALS_FILE").value_or(home + "/.aws/credentials"), env)};
}

Result<SharedConfig> parse_shared_config(const SharedFileText& config,
                                         const SharedFileText& credentials) {
    SharedConfig out;
    out.config_file.path = config.path;
    out.credentials_file.path = credentials.path;
    if (config.text) {
        out.config_file.state = FileState::present;
        auto doc = parse_ini(*config.text, config.path);
        if (!doc) return std::unexpected(doc.error());
        add_config_file(*doc, out);
    }
    // Read second, so its keys replace the config file's: the SDKs let the credentials file win.
    if (credentials.text) {
        out.credentials_file.state = FileState::present;
        auto doc = parse_ini(*credentials.text, credentials.path);
        if (!doc) return std::unexpected(doc.error());
        add_credentials_file(*doc, out);
    }
    return out;
}

Result<SharedConfig> load_shared_config(const Environment& env, const FileAccess& files) {
    const auto paths = shared_file_paths(env);
    auto config = read_shared_file(paths.config, files);
    if (!config) return std::unexpected(config.error());
    auto credentials = read_shared_file(paths.credentials, files);
    if (!credentials) return std::unexpected(credentials.error());
    return parse_shared_config(*config, *credentials);
}

}  // namespace emrctl::aws
