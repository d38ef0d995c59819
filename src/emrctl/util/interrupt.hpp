#pragma once

// Ctrl-C while emrctl waits on AWS: the first one asks the waits to stop at their next check
// (nothing half-done is left behind and the command says how to resume); the second one ends
// emrctl at once, as the user plainly wants.

namespace emrctl {

// Installs the handler for the guard's lifetime; the previous one comes back afterwards.
class InterruptGuard {
  public:
    InterruptGuard();
    ~InterruptGuard();
    InterruptGuard(const InterruptGuard&) = delete;
    InterruptGuard& operator=(const InterruptGuard&) = delete;
};

// Whether Ctrl-C was pressed under a guard. Cheap: polled by every wait and every worker.
bool interrupt_requested();

// For tests: as if the user pressed Ctrl-C, or as if they had not.
void request_interrupt();
void clear_interrupt();

}  // namespace emrctl
