#pragma once

// What running jobs has to say, as values: jobs/ emits them, cli/ renders them.

#include <functional>
#include <string>
#include <variant>
#include <vector>

#include <emrctl/jobs/job_run.hpp>

namespace emrctl::jobs {

// Something the user should know that is not a job's state ("installing pyspark 3.5.6").
struct Notice {
    std::string text;
};

struct JobStarted {
    JobRun run;
};

struct JobEnded {
    JobRun run;
    std::string output;      // the driver's stdout, what the job printed
    std::string error_tail;  // the last lines of the driver's stderr when it failed
};

// Where the jobs being waited for stand, after each look at them: for a live status line.
struct JobsWaiting {
    std::vector<JobRun> runs;  // those not ended yet
};

using JobEvent = std::variant<Notice, JobStarted, JobEnded, JobsWaiting>;
using JobEventSink = std::function<void(const JobEvent&)>;

}  // namespace emrctl::jobs
