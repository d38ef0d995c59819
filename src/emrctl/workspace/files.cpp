#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include <emrctl/workspace/files.hpp>

namespace emrctl::workspace {

Result<std::string> read_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return fail(ErrorKind::io, "cannot read " + path.string() + ": " + std::strerror(errno));
    }
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

Result<void> write_file_atomically(const std::filesystem::path& path, std::string_view content) {
    std::error_code ec;
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
    if (ec)
        return fail(ErrorKind::io,
                    "cannot create " + path.parent_path().string() + ": " + ec.message());
    auto temporary = path;
    temporary += ".tmp." + std::to_string(::getpid());
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out.write(content.data(), static_cast<std::streamsize>(content.size()));
        if (!out) {
            return fail(ErrorKind::io,
                        "cannot write " + temporary.string() + ": " + std::strerror(errno));
        }
    }
    std::filesystem::rename(temporary, path, ec);
    if (ec) {
        std::filesystem::remove(temporary, ec);
        return fail(ErrorKind::io, "cannot write " + path.string() + ": " + ec.message());
    }
    return ok();
}

}  // namespace emrctl::workspace
