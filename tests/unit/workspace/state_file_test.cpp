#include <algorithm>
#include <cctype>

#include "temp_dir.hpp"
#include <gtest/gtest.h>

#include <emrctl/workspace/state_file.hpp>

namespace emrctl::workspace {
namespace {

TEST(StateFile, AbsentFileIsNoStateAndWrittenStateReadsBack) {
    testing::TempDir dir;
    auto none = read_state(dir.path());
    ASSERT_TRUE(none);
    EXPECT_FALSE(none->has_value());
    ASSERT_TRUE(write_state(dir.path(), {"k3j9x0ab"}));
    auto state = read_state(dir.path());
    ASSERT_TRUE(state && state->has_value());
    EXPECT_EQ((*state)->naming_suffix, "k3j9x0ab");
}

TEST(StateFile, DamagedFileIsAnErrorThatSaysHowToRecover) {
    testing::TempDir dir;
    dir.write(k_state_file, "{\"naming_suffix\": 12");
    auto state = read_state(dir.path());
    ASSERT_FALSE(state);
    EXPECT_NE(state.error().message.find("emrctl.state.json is damaged"), std::string::npos);
    EXPECT_NE(state.error().hint.find("-c naming_suffix="), std::string::npos);
}

TEST(StateFile, GeneratedSuffixesAreEightLowercaseLettersOrDigitsAndDiffer) {
    const auto a = generate_suffix();
    const auto b = generate_suffix();
    EXPECT_EQ(a.size(), 8U);
    EXPECT_TRUE(std::ranges::all_of(a, [](char c) {
        return std::islower(static_cast<unsigned char>(c)) != 0 ||
               std::isdigit(static_cast<unsigned char>(c)) != 0;
    }));
    EXPECT_NE(a, b);
}

}  // namespace
}  // namespace emrctl::workspace
