#pragma once

// Strict, position-keeping access to a YAML (or JSON) document: every read checks the node's
// type, records where the value is in the SourceMap, and reports a problem with file:line:col,
// key path and a fix instead of throwing. Problems accumulate so one run reports all of them.

#include <chrono>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <yaml-cpp/yaml.h>

#include <emrctl/config/source_map.hpp>
#include <emrctl/util/error.hpp>

namespace emrctl::config {

template <class E>
struct Choice {
    std::string_view text;
    E value;
};

class YamlReader {
  public:
    YamlReader(std::string file, std::string_view text, SourceMap& sources);

    // The document's root, or a null node after reporting a syntax error.
    YAML::Node load();

    // Checks that `node` is a map whose keys are all in `allowed`, and records where each entry
    // is (as path.key). False if it is not a map at all.
    bool map(const YAML::Node& node, const std::string& path,
             std::span<const std::string_view> allowed);
    // Checks that `node` is a list, and records where each item is (as path[i]).
    bool list(const YAML::Node& node, const std::string& path);

    bool string(const YAML::Node& node, const std::string& path, std::string& out);
    bool integer(const YAML::Node& node, const std::string& path, int& out);
    bool duration(const YAML::Node& node, const std::string& path, std::chrono::seconds& out);
    bool string_list(const YAML::Node& node, const std::string& path,
                     std::vector<std::string>& out);
    bool string_map(const YAML::Node& node, const std::string& path,
                    std::map<std::string, std::string>& out);

    template <class E>
    bool choice(const YAML::Node& node, const std::string& path, std::span<const Choice<E>> choices,
                E& out) {
        std::string text;
        if (!string(node, path, text)) return false;
        for (const auto& c : choices) {
            if (c.text == text) {
                out = c.value;
                return true;
            }
        }
        std::vector<std::string_view> names;
        for (const auto& c : choices)
            names.push_back(c.text);
        report_unknown_word(node, path, text, names);
        return false;
    }

    void problem(const YAML::Node& at, const std::string& path, std::string message,
                 std::string hint);
    void problem(const YAML::Mark& at, const std::string& path, std::string message,
                 std::string hint);

    bool ok() const { return m_problems.empty(); }
    std::vector<Error> take_problems() { return std::move(m_problems); }

    const std::string& file() const { return m_file; }

  private:
    SourceLocation location(const YAML::Mark& mark) const;
    void report_unknown_word(const YAML::Node& at, const std::string& path, const std::string& word,
                             std::span<const std::string_view> names);

    std::string m_file;
    std::string_view m_text;
    std::vector<std::string_view> m_lines;
    SourceMap& m_sources;
    std::vector<Error> m_problems;
};

// A node for messages: "a list", "a map", "the text \"two\"", "nothing".
std::string describe(const YAML::Node& node);

}  // namespace emrctl::config
