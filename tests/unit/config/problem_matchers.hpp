#pragma once

// Checks of reported config problems, shared by the parse, seed-layout and validate tests: the
// exact message, where it points (file:line:col and key path) and a part of its fix.

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include <emrctl/util/error.hpp>

namespace emrctl::config::testing {

// What a reported problem must say: `hint` is a part of the hint.
struct Expected {
    std::string message;
    int line = 0;
    int column = 0;
    std::string key_path;
    std::string hint;
    std::string line_text;  // checked when not empty
    std::string file = "emrctl.yaml";
};

// The problems one per line, for failure messages.
inline std::string listing(const std::vector<Error>& problems) {
    std::string out;
    for (const auto& p : problems) {
        out += "\n  ";
        if (p.where) {
            out += p.where->file + ":" + std::to_string(p.where->line) + ":" +
                   std::to_string(p.where->column) + " [" + p.where->key_path + "] ";
        }
        out += p.message + " (" + p.hint + ")";
    }
    return out;
}

inline void expect_problem(const Error& e, const Expected& x) {
    EXPECT_EQ(e.kind, ErrorKind::config);
    EXPECT_EQ(e.message, x.message);
    EXPECT_NE(e.hint.find(x.hint), std::string::npos) << "hint: " << e.hint;
    ASSERT_TRUE(e.where.has_value());
    EXPECT_EQ(e.where->file, x.file);
    EXPECT_EQ(e.where->line, x.line);
    EXPECT_EQ(e.where->column, x.column);
    EXPECT_EQ(e.where->key_path, x.key_path);
    if (!x.line_text.empty()) {
        EXPECT_EQ(e.where->line_text, x.line_text);
    }
}

inline void expect_only_problem(const std::vector<Error>& problems, const Expected& x) {
    ASSERT_EQ(problems.size(), 1U) << listing(problems);
    expect_problem(problems[0], x);
}

inline void expect_valid(const std::vector<Error>& problems) {
    EXPECT_TRUE(problems.empty()) << listing(problems);
}

}  // namespace emrctl::config::testing
