#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <emrctl/aws/credentials/file_access.hpp>

namespace emrctl::aws {

namespace {

std::string errno_text() {
    return std::strerror(errno);
}

// Each missing folder is made 0700: the cache folder's listing says which roles are in use.
Result<void> create_private_folders(const std::filesystem::path& folder) {
    std::error_code ec;
    if (folder.empty() || std::filesystem::is_directory(folder, ec)) return ok();
    if (auto parent = create_private_folders(folder.parent_path()); !parent) return parent;
    if (::mkdir(folder.c_str(), 0700) != 0 && errno != EEXIST) {
        return fail(ErrorKind::io, "cannot create " + folder.string() + ": " + errno_text());
    }
    return ok();
}

class DiskFileAccess final : public FileAccess {
  public:
    Result<std::optional<std::string>> read(const std::filesystem::path& path) const override {
        // A missing file is normal; any other failure to look (a folder we may not enter) is
        // an error. The error_code overloads, since errors are values here too.
        std::error_code ec;
        const auto status = std::filesystem::status(path, ec);
        if (status.type() == std::filesystem::file_type::not_found) {
            return std::optional<std::string>{};
        }
        if (ec) return fail(ErrorKind::io, "cannot read " + path.string() + ": " + ec.message());
        if (status.type() == std::filesystem::file_type::directory) {
            return fail(ErrorKind::io, "cannot read " + path.string() + ": it is a folder");
        }
        std::ifstream in(path, std::ios::binary);
        if (!in) return fail(ErrorKind::io, "cannot read " + path.string() + ": " + errno_text());
        std::ostringstream text;
        text << in.rdbuf();
        return std::optional<std::string>{text.str()};
    }

    Result<void> write_private(const std::filesystem::path& path,
                               std::string_view content) const override {
        if (auto folders = create_private_folders(path.parent_path()); !folders) return folders;
        auto temporary = path;
        temporary += ".tmp" + std::to_string(::getpid());
        // Created 0600 from the start: the secret is never readable by others, not even briefly.
        const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        if (fd < 0) {
            return fail(ErrorKind::io, "cannot write " + temporary.string() + ": " + errno_text());
        }
        std::size_t written = 0;
        while (written < content.size()) {
            const auto n = ::write(fd, content.data() + written, content.size() - written);
            if (n < 0) {
                if (errno == EINTR) continue;
                const auto message = errno_text();
                ::close(fd);
                ::unlink(temporary.c_str());
                return fail(ErrorKind::io, "cannot write " + temporary.string() + ": " + message);
            }
            written += static_cast<std::size_t>(n);
        }
        ::close(fd);
        if (::rename(temporary.c_str(), path.c_str()) != 0) {
            const auto message = errno_text();
            ::unlink(temporary.c_str());
            return fail(ErrorKind::io, "cannot write " + path.string() + ": " + message);
        }
        return ok();
    }
};

}  // namespace

std::shared_ptr<FileAccess> make_disk_file_access() {
    return std::make_shared<DiskFileAccess>();
}

}  // namespace emrctl::aws
