#include <gtest/gtest.h>

#include <emrctl/util/error.hpp>

namespace emrctl {
namespace {

TEST(ExitStatus, UsageAndConfigErrorsExitWith2) {
    EXPECT_EQ(exit_status(Error{.kind = ErrorKind::usage}), 2);
    EXPECT_EQ(exit_status(Error{.kind = ErrorKind::config}), 2);
}

TEST(ExitStatus, OtherErrorsExitWith1) {
    for (const auto kind :
         {ErrorKind::io, ErrorKind::aws, ErrorKind::network, ErrorKind::internal}) {
        EXPECT_EQ(exit_status(Error{.kind = kind}), 1);
    }
}

TEST(Fail, CarriesKindMessageAndHint) {
    const Result<int> r = fail(ErrorKind::io, "cannot read x", "check the path");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, ErrorKind::io);
    EXPECT_EQ(r.error().message, "cannot read x");
    EXPECT_EQ(r.error().hint, "check the path");
}

TEST(AddContext, AppendsOutermostLast) {
    Error e{.kind = ErrorKind::io, .message = "m"};
    e = add_context(std::move(e), "while reading emrctl.yaml");
    e = add_context(std::move(e), "while synthesizing");
    ASSERT_EQ(e.context.size(), 2U);
    EXPECT_EQ(e.context[0], "while reading emrctl.yaml");
    EXPECT_EQ(e.context[1], "while synthesizing");
}

}  // namespace
}  // namespace emrctl
