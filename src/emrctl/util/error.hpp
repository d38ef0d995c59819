#pragma once

// The one error policy (DESIGN.md §5): fallible functions return Result<T>; an Error says what
// went wrong, where, and what to do about it. Only main prints errors.

#include <expected>
#include <optional>
#include <string>
#include <vector>

namespace emrctl {

enum class ErrorKind {
    usage,        // the command line is wrong: exit 2
    config,       // the project is wrong: exit 2
    io,           // a local file or process failed: exit 1
    aws,          // an AWS service said no: exit 1
    network,      // the request never got an answer: exit 1
    internal,     // a bug in emrctl: exit 1
    interrupted,  // the user pressed Ctrl-C and emrctl stopped cleanly: exit 130, as shells do
    differences,  // `diff --fail` found some: exit 1, as diff(1) does
};

// Where in a project file a problem is. Lines and columns count from 1; 0 means unknown.
struct SourceLocation {
    std::string file;
    int line = 0;
    int column = 0;
    std::string key_path;   // "cluster.core.count", "jobs[1].script"
    std::string line_text;  // the source line, to show under the message
};

// What an AWS service answered, for errors of kind aws.
struct AwsDetail {
    std::string service;
    std::string operation;
    std::string code;
    std::string message;
    std::string request_id;
    int http_status = 0;
};

struct Error {
    ErrorKind kind = ErrorKind::internal;
    std::string message;                  // what is wrong, one sentence, no trailing period
    std::string hint;                     // what to do about it; may be empty
    std::optional<SourceLocation> where;  // for config errors
    std::optional<AwsDetail> aws;         // for aws errors
    std::vector<std::string> context;     // outermost last: "while deploying stack x"
    std::vector<Error> problems;          // several independent problems reported at once

    Error& with_hint(std::string h) & {
        hint = std::move(h);
        return *this;
    }
    Error&& with_hint(std::string h) && {
        hint = std::move(h);
        return std::move(*this);
    }
};

template <class T>
using Result = std::expected<T, Error>;

// A Result<void> that succeeded.
inline Result<void> ok() {
    return {};
}

inline std::unexpected<Error> fail(ErrorKind kind, std::string message, std::string hint = {}) {
    return std::unexpected(
        Error{.kind = kind, .message = std::move(message), .hint = std::move(hint)});
}

// Adds a line of context ("while reading emrctl.yaml") to an error on its way out.
inline Error add_context(Error e, std::string what) {
    e.context.push_back(std::move(what));
    return e;
}

// The process exit status for an error: 2 for usage and config errors, 1 for the rest.
int exit_status(const Error& e);

}  // namespace emrctl
