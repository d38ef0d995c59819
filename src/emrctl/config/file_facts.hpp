#pragma once

// What the project's own files look like on disk, gathered once by the loader so that validation
// and asset planning stay pure: paths are relative to the project folder, with '/' separators.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace emrctl::config {

enum class PathKind { missing, file, folder, other };

struct FileEntry {
    std::string path;  // relative to the project folder
    std::uint64_t size = 0;
};

struct PathInfo {
    PathKind kind = PathKind::missing;
    std::uint64_t size = 0;  // for files
};

struct FileFacts {
    std::map<std::string, PathInfo> paths;                       // every path the project names
    std::map<std::string, std::vector<FileEntry>> folder_files;  // files under each named folder,
                                                                 // sorted by path

    PathKind kind(const std::string& path) const {
        const auto it = paths.find(path);
        return it == paths.end() ? PathKind::missing : it->second.kind;
    }
    std::uint64_t size(const std::string& path) const {
        const auto it = paths.find(path);
        return it == paths.end() ? 0 : it->second.size;
    }
};

// The local paths a project names (scripts, data folders, bootstrap scripts): what the loader
// must look at before validating.
struct Project;
std::vector<std::string> named_paths(const Project& project);

// "./jobs//pi.py" -> "jobs/pi.py", "data/articles/" -> "data/articles": one spelling per path,
// so asset keys and file look-ups agree. S3 URIs are left as they are.
std::string normalize_path(const std::string& path);
void normalize_paths(Project& project);

// True for an S3 location ("s3://bucket/key") rather than a project path.
bool is_s3_uri(const std::string& path);

}  // namespace emrctl::config
