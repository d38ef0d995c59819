// Golden templates: the synthesized templates and asset manifest of each fixture project,
// compared semantically with the files under tests/golden/<fixture>/. A mismatch prints the
// differing paths; EMRCTL_UPDATE_GOLDEN=1 rewrites the files.

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <emrctl/cfn/render.hpp>
#include <emrctl/stacks/assets.hpp>
#include <emrctl/stacks/emr_stack.hpp>
#include <emrctl/workspace/assembly.hpp>
#include <emrctl/workspace/project_loader.hpp>

namespace emrctl {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const fs::path k_root = EMRCTL_SOURCE_DIR;

std::string read(const fs::path& p) {
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

bool updating() {
    const char* v = std::getenv("EMRCTL_UPDATE_GOLDEN");
    return v != nullptr && std::string(v) == "1";
}

// One line per difference: "replace /Resources/Vpc/Properties/CidrBlock: expected .. got ..".
std::string describe_differences(const json& expected, const json& actual) {
    std::string out;
    for (const auto& op : json::diff(expected, actual)) {
        const auto path = op["path"].get<std::string>();
        const json::json_pointer pointer(path);
        out += "  " + op["op"].get<std::string>() + " " + path;
        if (expected.contains(pointer)) out += "\n      expected: " + expected.at(pointer).dump();
        if (actual.contains(pointer)) out += "\n      actual:   " + actual.at(pointer).dump();
        out += "\n";
    }
    return out;
}

void compare_with_golden(const fs::path& golden, const std::string& actual_text) {
    if (updating()) {
        fs::create_directories(golden.parent_path());
        std::ofstream(golden) << actual_text;
        return;
    }
    ASSERT_TRUE(fs::exists(golden)) << golden << " is missing: run with EMRCTL_UPDATE_GOLDEN=1";
    const auto expected = json::parse(read(golden));
    const auto actual = json::parse(actual_text);
    EXPECT_EQ(expected, actual) << golden.filename() << " differs from the synthesized one:\n"
                                << describe_differences(expected, actual)
                                << "if the change is intended, run the tests with "
                                   "EMRCTL_UPDATE_GOLDEN=1 and review the diff";
}

struct Fixture {
    std::string name;
    fs::path project;
};

class Golden : public testing::TestWithParam<Fixture> {};

TEST_P(Golden, TemplatesAndAssetManifestMatch) {
    const auto& fixture = GetParam();
    // A fixed suffix keeps the fixture folders free of state files.
    auto loaded = workspace::load_project(
        {.location = k_root / fixture.project, .context = {"naming_suffix=golden01"}});
    ASSERT_TRUE(loaded) << loaded.error().message
                        << (loaded.error().problems.empty()
                                ? ""
                                : ": " + loaded.error().problems.front().message);
    const auto dir = k_root / "tests/golden" / fixture.name;
    for (const auto& stack : stacks::synthesize(loaded->project)) {
        compare_with_golden(dir / workspace::template_file_name(stack.name),
                            cfn::to_json(stack.body));
    }
    auto hashed =
        workspace::hash_assets(loaded->dir, stacks::plan_assets(loaded->project, loaded->files));
    ASSERT_TRUE(hashed);
    compare_with_golden(dir / workspace::k_asset_manifest,
                        workspace::render_asset_manifest(*hashed));
}

std::string test_name(const testing::TestParamInfo<Fixture>& param) {
    std::string name;
    for (char c : param.param.name)
        name += (c == '-') ? '_' : c;
    return name;
}

INSTANTIATE_TEST_SUITE_P(Fixtures, Golden,
                         testing::Values(Fixture{"quickstart", "examples/quickstart"},
                                         Fixture{"seed-project", "tests/fixtures/seed-project"},
                                         Fixture{"three-azs", "tests/fixtures/projects/three-azs"},
                                         Fixture{"spark-runtime",
                                                 "tests/fixtures/projects/spark-runtime"}),
                         test_name);

}  // namespace
}  // namespace emrctl
