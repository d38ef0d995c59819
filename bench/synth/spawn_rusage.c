/* spawn_rusage RESULT_FD COMMAND [ARG]...
 *
 * Runs COMMAND (PATH lookup), waits for it, and writes one line to file descriptor RESULT_FD:
 *     <wall_ns> <maxrss_kib> <user_us> <sys_us> <exit_code>
 * wall_ns runs from just before posix_spawnp() to just after wait4() returns (CLOCK_MONOTONIC);
 * the other numbers are the struct rusage wait4() gives for COMMAND (which on Linux covers
 * COMMAND and the descendants it waited for). A signal death gives exit code 128 + signal.
 *
 * Why this exists (used by measure.py): a process's ru_maxrss starts at the peak RSS of the
 * memory image it was exec'd from, because exec folds the old image's high-water mark into the
 * new process's maxrss. A command spawned straight from Python (fork, vfork or posix_spawn)
 * therefore reports at least the Python interpreter's own peak (~15 MiB), which hides the real
 * peak of a small program like emrctl. Spawned from this tiny program instead, the floor is
 * this program's own footprint (~1 MiB; measure.py --floor prints it).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char** environ;

static long long now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int main(int argc, char** argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: spawn_rusage RESULT_FD COMMAND [ARG]...\n");
        return 2;
    }
    int fd = atoi(argv[1]);
    if (fcntl(fd, F_SETFD, FD_CLOEXEC) != 0) {
        perror("spawn_rusage: result fd");
        return 2;
    }
    long long start = now_ns();
    pid_t pid;
    int err = posix_spawnp(&pid, argv[2], NULL, NULL, &argv[2], environ);
    if (err != 0) {
        fprintf(stderr, "spawn_rusage: %s: %s\n", argv[2], strerror(err));
        return 127;
    }
    int status;
    struct rusage ru;
    while (wait4(pid, &status, 0, &ru) < 0) {
        if (errno != EINTR) {
            perror("spawn_rusage: wait4");
            return 2;
        }
    }
    long long wall = now_ns() - start;
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    dprintf(fd, "%lld %ld %lld %lld %d\n", wall, ru.ru_maxrss,
            (long long)ru.ru_utime.tv_sec * 1000000LL + ru.ru_utime.tv_usec,
            (long long)ru.ru_stime.tv_sec * 1000000LL + ru.ru_stime.tv_usec, code);
    return 0;
}
