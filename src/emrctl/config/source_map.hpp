#pragma once

// Where each value of a project came from: key path -> file:line:col. Validation uses it to
// point at the exact place a problem is; values that were defaulted point at their closest
// written ancestor, or the file itself.

#include <map>
#include <string>
#include <string_view>

#include <emrctl/util/error.hpp>

namespace emrctl::config {

class SourceMap {
  public:
    explicit SourceMap(std::string default_file = {}) : m_default_file(std::move(default_file)) {}

    // Records where `key_path` was written. A location that already names a key path keeps it:
    // a value read from the seed's JSON is reported under the seed's own key names.
    void record(const std::string& key_path, SourceLocation where);
    const SourceLocation* find(const std::string& key_path) const;

    // The location of `key_path`, or of its closest recorded ancestor ("jobs[2].data" falls back
    // to "jobs[2]"), always with `key_path` itself as the key path.
    SourceLocation locate(const std::string& key_path) const;

    const std::string& default_file() const { return m_default_file; }

  private:
    std::string m_default_file;
    std::map<std::string, SourceLocation, std::less<>> m_entries;
};

// "jobs[2].data" -> "jobs[2]"; "jobs[2]" -> "jobs"; "name" -> "".
std::string parent_path(std::string_view key_path);

}  // namespace emrctl::config
