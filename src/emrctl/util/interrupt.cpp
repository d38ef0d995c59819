#include <atomic>
#include <csignal>

#include <unistd.h>

#include <emrctl/util/interrupt.hpp>

namespace emrctl {

namespace {

std::atomic<int> g_presses{0};
struct sigaction g_previous {};

extern "C" void on_interrupt(int) {
    if (g_presses.fetch_add(1) >= 1) {
        // The second Ctrl-C: the user wants out now. _exit is async-signal-safe; 130 is the
        // shells' status for SIGINT.
        ::_exit(130);
    }
}

}  // namespace

InterruptGuard::InterruptGuard() {
    g_presses = 0;
    struct sigaction action {};
    action.sa_handler = on_interrupt;
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGINT, &action, &g_previous);
}

InterruptGuard::~InterruptGuard() {
    ::sigaction(SIGINT, &g_previous, nullptr);
}

bool interrupt_requested() {
    return g_presses.load() > 0;
}

void request_interrupt() {
    g_presses = 1;
}

void clear_interrupt() {
    g_presses = 0;
}

}  // namespace emrctl
