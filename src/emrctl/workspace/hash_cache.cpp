#include <chrono>

#include <nlohmann/json.hpp>
#include <sys/stat.h>

#include <emrctl/aws/sha256.hpp>
#include <emrctl/workspace/files.hpp>
#include <emrctl/workspace/hash_cache.hpp>

namespace emrctl::workspace {

namespace fs = std::filesystem;

namespace {

constexpr std::int64_t k_racy_window_ns = 2'000'000'000;

fs::path cache_file(const fs::path& project_dir) {
    return project_dir / ".emrctl" / "cache" / "hashes.json";
}

std::int64_t now_ns() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

}  // namespace

HashCache HashCache::load(const fs::path& project_dir) {
    HashCache cache;
    cache.m_dir = project_dir;
    auto text = read_text(cache_file(project_dir));
    if (!text) return cache;
    const auto doc = nlohmann::json::parse(*text, nullptr, false);
    if (!doc.is_object()) return cache;  // damaged: start afresh
    for (const auto& [path, e] : doc.items()) {
        if (!e.is_object()) continue;
        cache.m_entries[path] = Entry{.size = e.value("size", std::uint64_t{0}),
                                      .mtime_ns = e.value("mtime_ns", std::int64_t{0}),
                                      .inode = e.value("inode", std::uint64_t{0}),
                                      .sha256 = e.value("sha256", "")};
    }
    return cache;
}

Result<std::string> HashCache::sha256(const std::string& relative) {
    const auto path = m_dir / relative;
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return fail(ErrorKind::io, "cannot read " + path.string());
    const Entry now{.size = static_cast<std::uint64_t>(st.st_size),
                    .mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 +
                                st.st_mtim.tv_nsec,
                    .inode = static_cast<std::uint64_t>(st.st_ino)};
    if (const auto it = m_entries.find(relative);
        it != m_entries.end() && it->second.size == now.size &&
        it->second.mtime_ns == now.mtime_ns && it->second.inode == now.inode &&
        !it->second.sha256.empty()) {
        ++m_hits;
        return it->second.sha256;
    }
    ++m_misses;
    auto digest = aws::sha256_file_hex(path);
    if (!digest) return digest;
    if (now_ns() - now.mtime_ns > k_racy_window_ns) {
        auto entry = now;
        entry.sha256 = *digest;
        m_entries[relative] = std::move(entry);
        m_dirty = true;
    }
    return digest;
}

void HashCache::save() const {
    if (!m_dirty) return;
    nlohmann::ordered_json doc = nlohmann::ordered_json::object();
    for (const auto& [path, e] : m_entries) {
        doc[path] = {
            {"size", e.size}, {"mtime_ns", e.mtime_ns}, {"inode", e.inode}, {"sha256", e.sha256}};
    }
    (void)write_file_atomically(cache_file(m_dir), doc.dump() + "\n");
}

}  // namespace emrctl::workspace
