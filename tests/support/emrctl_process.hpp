#pragma once

// Runs the emrctl binary as a user would, in a scratch folder, and captures what it says.

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

namespace emrctl::testing {

struct Outcome {
    int status = -1;
    std::string out;
    std::string err;
};

inline std::string read_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

inline std::string shell_quote(const std::string& s) {
    std::string out = "'";
    for (char c : s)
        out += (c == '\'') ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

// A scratch folder per test with helpers to copy projects into it and run emrctl there.
class EmrctlTest : public ::testing::Test {
  protected:
    void SetUp() override {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        m_dir = std::filesystem::temp_directory_path() /
                ("emrctl-" + std::string(info->test_suite_name()) + "-" + info->name() + "-" +
                 std::to_string(::getpid()));
        std::filesystem::remove_all(m_dir);
        std::filesystem::create_directories(m_dir);
    }
    void TearDown() override { std::filesystem::remove_all(m_dir); }

    // A copy of a project of the repository, without what emrctl generated in it.
    std::filesystem::path copy_project(const std::string& relative) {
        const auto target = m_dir / std::filesystem::path(relative).filename();
        std::filesystem::copy(std::filesystem::path(EMRCTL_SOURCE_DIR) / relative, target,
                              std::filesystem::copy_options::recursive);
        for (const auto* generated : {"emrctl.out", "emrctl.state.json", ".emrctl", "outputs"}) {
            std::filesystem::remove_all(target / generated);
        }
        return target;
    }

    void write(const std::filesystem::path& file, const std::string& content) {
        std::filesystem::create_directories(file.parent_path());
        std::ofstream(file, std::ios::binary) << content;
    }

    // `emrctl <args>` in `cwd`, with `env` (NAME=value ...) prepended.
    Outcome emrctl(const std::string& args, const std::filesystem::path& cwd,
                   const std::string& env = {}) {
        const auto err_file = m_dir / "stderr.txt";
        const auto command = "cd " + shell_quote(cwd.string()) + " && NO_COLOR=1 " + env + " " +
                             shell_quote(EMRCTL_BINARY) + " " + args + " 2>" +
                             shell_quote(err_file.string()) + " </dev/null";
        Outcome r;
        FILE* pipe = ::popen(command.c_str(), "r");
        char buffer[4096];
        while (const auto n = std::fread(buffer, 1, sizeof buffer, pipe))
            r.out.append(buffer, n);
        const int raw = ::pclose(pipe);
        r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
        r.err = read_file(err_file);
        return r;
    }

    std::filesystem::path m_dir;
};

}  // namespace emrctl::testing
