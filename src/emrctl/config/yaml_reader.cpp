#include <charconv>
#include <set>

#include <emrctl/config/yaml_reader.hpp>
#include <emrctl/util/duration.hpp>
#include <emrctl/util/strings.hpp>

namespace emrctl::config {

namespace {

// yaml-cpp recurses once per nesting level; a hostile file could exhaust the stack long before
// its own guard. No project file nests anywhere near this deep.
constexpr int k_max_nesting = 64;
constexpr std::size_t k_max_file_size = 4 * 1024 * 1024;

int flow_nesting(std::string_view text) {
    int depth = 0;
    int deepest = 0;
    for (char c : text) {
        if (c == '[' || c == '{') deepest = std::max(deepest, ++depth);
        if ((c == ']' || c == '}') && depth > 0) --depth;
    }
    return deepest;
}

int block_nesting(std::string_view text) {
    int deepest = 0;
    for (const auto& line : util::split(text, '\n')) {
        int indent = 0;
        for (char c : line) {
            if (c == ' ' || c == '-') {
                ++indent;
            } else {
                break;
            }
        }
        deepest = std::max(deepest, indent / 2);
    }
    return deepest;
}

bool is_plain(const YAML::Node& node) {
    return node.Tag() == "?";
}

}  // namespace

std::string describe(const YAML::Node& node) {
    switch (node.Type()) {
        case YAML::NodeType::Sequence:
            return "a list";
        case YAML::NodeType::Map:
            return "a map";
        case YAML::NodeType::Scalar:
            return "\"" + node.Scalar() + "\"";
        case YAML::NodeType::Null:
        case YAML::NodeType::Undefined:
            return "nothing";
    }
    return "nothing";
}

YamlReader::YamlReader(std::string file, std::string_view text, SourceMap& sources)
    : m_file(std::move(file)), m_text(text), m_sources(sources) {
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        auto line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        m_lines.push_back(line);
        start = end + 1;
    }
}

SourceLocation YamlReader::location(const YAML::Mark& mark) const {
    SourceLocation where{.file = m_file};
    if (mark.line >= 0) {
        where.line = mark.line + 1;
        where.column = mark.column + 1;
        if (static_cast<std::size_t>(mark.line) < m_lines.size()) {
            where.line_text = std::string(m_lines[static_cast<std::size_t>(mark.line)]);
        }
    }
    return where;
}

void YamlReader::problem(const YAML::Mark& at, const std::string& path, std::string message,
                         std::string hint) {
    auto where = location(at);
    where.key_path = path;
    m_problems.push_back(Error{.kind = ErrorKind::config,
                               .message = std::move(message),
                               .hint = std::move(hint),
                               .where = std::move(where)});
}

void YamlReader::problem(const YAML::Node& at, const std::string& path, std::string message,
                         std::string hint) {
    // yaml-cpp places an empty value at the token after it, often the next line: point at the
    // key instead, which map() recorded.
    if (at.IsDefined() && !at.IsNull() && at.Mark().line >= 0) {
        problem(at.Mark(), path, std::move(message), std::move(hint));
        return;
    }
    auto where = m_sources.locate(path);
    m_problems.push_back(Error{.kind = ErrorKind::config,
                               .message = std::move(message),
                               .hint = std::move(hint),
                               .where = std::move(where)});
}

YAML::Node YamlReader::load() {
    if (m_text.size() > k_max_file_size) {
        problem(YAML::Mark::null_mark(), "", "the file is larger than 4 MiB",
                "a project file holds settings only; keep data in the data folders");
        return YAML::Node();
    }
    if (flow_nesting(m_text) > k_max_nesting || block_nesting(m_text) > k_max_nesting) {
        problem(YAML::Mark::null_mark(), "", "the file nests deeper than 64 levels",
                "a project file is at most a few levels deep: check the indentation");
        return YAML::Node();
    }
    try {
        return YAML::Load(std::string(m_text));
    } catch (const YAML::Exception& e) {
        problem(e.mark, "", "not valid YAML: " + e.msg,
                "check the indentation and quoting near this line");
    } catch (const std::exception& e) {
        problem(YAML::Mark::null_mark(), "", std::string("not valid YAML: ") + e.what(),
                "check the indentation and quoting");
    }
    return YAML::Node();
}

void YamlReader::report_unknown_word(const YAML::Node& at, const std::string& path,
                                     const std::string& word,
                                     std::span<const std::string_view> names) {
    const auto guess = util::closest_match(word, names);
    std::string hint = guess.empty()
                           ? "use one of " + util::one_of(names)
                           : "did you mean \"" + guess + "\"? (one of " + util::one_of(names) + ")";
    problem(at, path, "unknown value \"" + word + "\"", std::move(hint));
}

bool YamlReader::map(const YAML::Node& node, const std::string& path,
                     std::span<const std::string_view> allowed) {
    if (!node.IsMap()) {
        problem(node, path, "expected a map of settings, got " + describe(node),
                "write it as `key: value` lines indented under " +
                    (path.empty() ? std::string("the top level") : path));
        return false;
    }
    std::set<std::string, std::less<>> seen;
    for (auto it = node.begin(); it != node.end(); ++it) {
        const YAML::Node key_node = it->first;  // a copy: the iterator hands out temporaries
        const std::string key = key_node.IsScalar() ? key_node.Scalar() : describe(key_node);
        const std::string child = path.empty() ? key : path + "." + key;
        if (!seen.insert(key).second) {
            problem(key_node, child, "\"" + key + "\" is set twice",
                    "keep one of the two; the later one would silently win in other tools");
            continue;
        }
        bool known = false;
        for (auto a : allowed)
            known = known || a == key;
        if (!known) {
            const auto guess = util::closest_match(key, allowed);
            problem(key_node, child, "unknown key \"" + key + "\"",
                    guess.empty() ? "known keys here: " + util::one_of(allowed)
                                  : "did you mean \"" + guess + "\"?");
            continue;
        }
        const YAML::Node value = it->second;
        const bool value_has_place = !value.IsNull() && value.Mark().line >= 0;
        m_sources.record(child, location(value_has_place ? value.Mark() : key_node.Mark()));
    }
    return true;
}

bool YamlReader::list(const YAML::Node& node, const std::string& path) {
    if (!node.IsSequence()) {
        problem(node, path, "expected a list, got " + describe(node),
                "write a list as [a, b] or as lines starting with \"- \"");
        return false;
    }
    for (std::size_t i = 0; i < node.size(); ++i) {
        m_sources.record(path + "[" + std::to_string(i) + "]", location(node[i].Mark()));
    }
    return true;
}

bool YamlReader::string(const YAML::Node& node, const std::string& path, std::string& out) {
    if (!node.IsScalar()) {
        problem(node, path, "expected a text value, got " + describe(node),
                "write a single value after the colon");
        return false;
    }
    out = node.Scalar();
    return true;
}

bool YamlReader::integer(const YAML::Node& node, const std::string& path, int& out) {
    if (!node.IsScalar()) {
        problem(node, path, "expected a whole number, got " + describe(node),
                "write a number such as 2");
        return false;
    }
    const auto& text = node.Scalar();
    int value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size()) {
        problem(node, path, "expected a whole number, got " + describe(node),
                "write a number such as 2");
        return false;
    }
    if (!is_plain(node)) {
        problem(node, path, "expected a whole number, got the quoted text " + describe(node),
                "remove the quotes");
        return false;
    }
    out = value;
    return true;
}

bool YamlReader::duration(const YAML::Node& node, const std::string& path,
                          std::chrono::seconds& out) {
    std::string text;
    if (!string(node, path, text)) return false;
    const auto d = util::parse_duration(text);
    if (!d) {
        problem(node, path, "expected a duration, got " + describe(node),
                "write a number with a unit: 90s, 45m, 1h, 1h30m or 7d");
        return false;
    }
    out = *d;
    return true;
}

bool YamlReader::string_list(const YAML::Node& node, const std::string& path,
                             std::vector<std::string>& out) {
    if (!list(node, path)) return false;
    std::vector<std::string> items;
    bool good = true;
    for (std::size_t i = 0; i < node.size(); ++i) {
        std::string item;
        good = string(node[i], path + "[" + std::to_string(i) + "]", item) && good;
        items.push_back(std::move(item));
    }
    if (good) out = std::move(items);
    return good;
}

bool YamlReader::string_map(const YAML::Node& node, const std::string& path,
                            std::map<std::string, std::string>& out) {
    if (!node.IsMap()) {
        problem(node, path, "expected a map, got " + describe(node),
                "write it as `key: value` lines");
        return false;
    }
    std::map<std::string, std::string> entries;
    bool good = true;
    for (auto it = node.begin(); it != node.end(); ++it) {
        std::string key;
        std::string value;
        good = string(it->first, path, key) && good;
        const auto child = path + "." + key;
        m_sources.record(child, location(it->second.Mark()));
        good = string(it->second, child, value) && good;
        entries.insert_or_assign(key, value);
    }
    if (good) out = std::move(entries);
    return good;
}

}  // namespace emrctl::config
