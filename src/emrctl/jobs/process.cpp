#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <emrctl/jobs/process.hpp>
#include <emrctl/util/strings.hpp>

extern char** environ;

namespace emrctl::jobs {

namespace {

std::atomic<bool> g_interrupted{false};

extern "C" void note_interrupt(int) {
    g_interrupted = true;
}

// While a child runs, SIGINT only notes that the user asked to stop: the child gets it too and
// ends, and we record what happened instead of dying mid-write.
class InterruptGuard {
  public:
    InterruptGuard() {
        g_interrupted = false;
        struct sigaction action {};
        action.sa_handler = note_interrupt;
        sigemptyset(&action.sa_mask);
        sigaction(SIGINT, &action, &m_previous);
    }
    ~InterruptGuard() { sigaction(SIGINT, &m_previous, nullptr); }
    InterruptGuard(const InterruptGuard&) = delete;
    InterruptGuard& operator=(const InterruptGuard&) = delete;

  private:
    struct sigaction m_previous {};
};

std::vector<std::string> environment_with(const std::map<std::string, std::string>& overrides) {
    std::vector<std::string> env;
    for (char** e = environ; *e != nullptr; ++e) {
        const std::string entry(*e);
        const auto name = entry.substr(0, entry.find('='));
        if (!overrides.contains(name)) env.push_back(entry);
    }
    for (const auto& [name, value] : overrides)
        env.push_back(name + "=" + value);
    return env;
}

std::vector<char*> pointers(std::vector<std::string>& strings) {
    std::vector<char*> out;
    for (auto& s : strings)
        out.push_back(s.data());
    out.push_back(nullptr);
    return out;
}

}  // namespace

bool find_executable(const std::string& name) {
    if (name.find('/') != std::string::npos) return ::access(name.c_str(), X_OK) == 0;
    const char* path = std::getenv("PATH");
    if (path == nullptr) return false;
    for (const auto& dir : util::split(path, ':')) {
        if (!dir.empty() && ::access((dir + "/" + name).c_str(), X_OK) == 0) return true;
    }
    return false;
}

Result<ProcessResult> run_process(const ProcessSpec& spec) {
    if (spec.argv.empty()) return fail(ErrorKind::internal, "run_process without a program");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    const auto redirect = [&](const std::filesystem::path& file, int fd) {
        if (!file.empty()) {
            posix_spawn_file_actions_addopen(&actions, fd, file.c_str(),
                                             O_WRONLY | O_CREAT | O_TRUNC, 0644);
        }
    };
    redirect(spec.stdout_file, STDOUT_FILENO);
    redirect(spec.stderr_file, STDERR_FILENO);
    if (!spec.cwd.empty()) posix_spawn_file_actions_addchdir_np(&actions, spec.cwd.c_str());

    auto argv_strings = spec.argv;
    auto env_strings = environment_with(spec.env);
    auto argv = pointers(argv_strings);
    auto envp = pointers(env_strings);

    InterruptGuard guard;
    pid_t pid = 0;
    const int spawned = ::posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) {
        return fail(ErrorKind::io, "cannot start " + spec.argv[0] + ": " + std::strerror(spawned));
    }
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) {
            return fail(ErrorKind::io,
                        "lost track of " + spec.argv[0] + ": " + std::strerror(errno));
        }
    }
    ProcessResult result{.interrupted = g_interrupted.load()};
    if (WIFEXITED(status)) {
        result.exit_code = WEXITSTATUS(status);
    } else if (WIFSIGNALED(status)) {
        result.exit_code = 128 + WTERMSIG(status);
    }
    return result;
}

}  // namespace emrctl::jobs
