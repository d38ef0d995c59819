#include <sstream>

#include <gtest/gtest.h>

#include <emrctl/cli/job_printer.hpp>

namespace emrctl::cli {
namespace {

jobs::JobRun run(std::string job, jobs::JobState state, std::string step,
                 std::int64_t started_ms = 0) {
    return {.job = std::move(job),
            .step_id = std::move(step),
            .state = state,
            .started_ms = started_ms};
}

TEST(WaitingLine, SaysEachJobsStateElapsedTimeAndStep) {
    const jobs::JobsWaiting waiting{{run("pi", jobs::JobState::running, "s-1", 1000),
                                     run("wordcount", jobs::JobState::pending, "s-2")}};
    EXPECT_EQ(waiting_line(waiting, 66'000),
              "waiting: pi RUNNING 1m05s (s-1), wordcount PENDING (s-2)");
}

TEST(JobPrinter, GivenALiveTerminalThenTheWaitingLineIsRewrittenAndClearedBeforeOtherLines) {
    std::ostringstream out;
    std::ostringstream notes;
    {
        JobPrinter printer(out, notes, OutputFormat::text, false, LiveLine::on);
        printer(jobs::JobsWaiting{{run("pi", jobs::JobState::pending, "s-1")}});
        printer(jobs::JobStarted{run("pi", jobs::JobState::running, "s-1")});
        printer(jobs::JobsWaiting{{run("pi", jobs::JobState::running, "s-1")}});
    }
    EXPECT_EQ(out.str(),
              "\r\033[Kwaiting: pi PENDING (s-1)\r\033[Kpi: RUNNING (step s-1)\n"
              "\r\033[Kwaiting: pi RUNNING (s-1)\r\033[K");
}

TEST(JobPrinter, GivenNoTerminalThenThereIsNoWaitingLine) {
    std::ostringstream out;
    std::ostringstream notes;
    JobPrinter printer(out, notes, OutputFormat::text, false);
    printer(jobs::JobsWaiting{{run("pi", jobs::JobState::pending, "s-1")}});
    printer(jobs::JobStarted{run("pi", jobs::JobState::pending, "s-1")});
    EXPECT_EQ(out.str(), "pi: PENDING (step s-1)\n");
}

}  // namespace
}  // namespace emrctl::cli
