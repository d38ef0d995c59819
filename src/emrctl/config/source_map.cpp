#include <emrctl/config/source_map.hpp>

namespace emrctl::config {

std::string parent_path(std::string_view key_path) {
    const auto cut = key_path.find_last_of(".[");
    if (cut == std::string_view::npos) return {};
    return std::string(key_path.substr(0, cut));
}

void SourceMap::record(const std::string& key_path, SourceLocation where) {
    if (where.key_path.empty()) where.key_path = key_path;
    m_entries.insert_or_assign(key_path, std::move(where));
}

const SourceLocation* SourceMap::find(const std::string& key_path) const {
    const auto it = m_entries.find(key_path);
    return it == m_entries.end() ? nullptr : &it->second;
}

SourceLocation SourceMap::locate(const std::string& key_path) const {
    for (std::string path = key_path;; path = parent_path(path)) {
        if (auto it = m_entries.find(path); it != m_entries.end()) {
            SourceLocation where = it->second;
            if (path != key_path) where.key_path = key_path;
            return where;
        }
        if (path.empty()) break;
    }
    return SourceLocation{.file = m_default_file, .key_path = key_path};
}

}  // namespace emrctl::config
