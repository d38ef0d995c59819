#pragma once

// Content hashes of the project's files, remembered by (size, modification time, inode) in
// .emrctl/cache/hashes.json, so a synth of a project with gigabytes of data reads only what
// changed. A file modified within the last two seconds is hashed but not remembered: its time
// stamp cannot yet tell a later edit apart (git's "racy" files).

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>

#include <emrctl/util/error.hpp>

namespace emrctl::workspace {

class HashCache {
  public:
    static HashCache load(const std::filesystem::path& project_dir);

    // The SHA-256 of `relative` (to the project folder), from memory when the file is unchanged.
    Result<std::string> sha256(const std::string& relative);
    // Writes what changed; a cache that cannot be written is not an error (it is only a cache).
    void save() const;

    std::size_t hits() const { return m_hits; }
    std::size_t misses() const { return m_misses; }

  private:
    struct Entry {
        std::uint64_t size = 0;
        std::int64_t mtime_ns = 0;
        std::uint64_t inode = 0;
        std::string sha256;
    };

    std::filesystem::path m_dir;
    std::map<std::string, Entry> m_entries;
    bool m_dirty = false;
    std::size_t m_hits = 0;
    std::size_t m_misses = 0;
};

}  // namespace emrctl::workspace
