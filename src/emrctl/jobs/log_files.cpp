#include <fstream>

#include <zlib.h>

#include <emrctl/jobs/log_files.hpp>

namespace emrctl::jobs {

Result<void> gzip_file(const std::filesystem::path& plain, const std::filesystem::path& gz) {
    std::ifstream in(plain, std::ios::binary);
    if (!in) return fail(ErrorKind::io, "cannot read " + plain.string());
    gzFile out = gzopen(gz.c_str(), "wb6");
    if (out == nullptr) return fail(ErrorKind::io, "cannot write " + gz.string());
    std::string buffer(1 << 16, '\0');
    bool good = true;
    while (in && good) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        const auto n = static_cast<unsigned>(in.gcount());
        good = n == 0 || gzwrite(out, buffer.data(), n) == static_cast<int>(n);
    }
    good = gzclose(out) == Z_OK && good;
    if (!good) return fail(ErrorKind::io, "cannot write " + gz.string());
    std::error_code ec;
    std::filesystem::remove(plain, ec);
    return ok();
}

Result<std::string> read_gzip_file(const std::filesystem::path& gz) {
    gzFile in = gzopen(gz.c_str(), "rb");
    if (in == nullptr) return fail(ErrorKind::io, "cannot read " + gz.string());
    std::string text;
    std::string buffer(1 << 16, '\0');
    int n = 0;
    while ((n = gzread(in, buffer.data(), static_cast<unsigned>(buffer.size()))) > 0) {
        text.append(buffer.data(), static_cast<std::size_t>(n));
    }
    const bool good = n == 0;
    gzclose(in);
    if (!good) return fail(ErrorKind::io, gz.string() + " is not a readable gzip file");
    return text;
}

std::string last_lines(const std::string& text, std::size_t lines) {
    if (lines == 0) return {};
    std::size_t end = text.size();
    while (end > 0 && text[end - 1] == '\n')
        --end;
    std::size_t pos = end;
    for (std::size_t seen = 0; pos > 0; --pos) {
        if (text[pos - 1] == '\n' && ++seen == lines) break;
    }
    return text.substr(pos, end - pos) + (end > pos ? "\n" : "");
}

}  // namespace emrctl::jobs
