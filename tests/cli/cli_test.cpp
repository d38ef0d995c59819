// emrctl run as a process, in a scratch copy of a project: what users see and what is written.

#include <filesystem>
#include <fstream>

#include "../support/emrctl_process.hpp"
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace {

namespace fs = std::filesystem;
using emrctl::testing::read_file;

class Cli : public emrctl::testing::EmrctlTest {};

TEST_F(Cli, ValidateAcceptsTheQuickstart) {
    const auto project = copy_project("examples/quickstart");
    const auto r = emrctl("validate", project);
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out, "emrctl.yaml is valid: project quickstart, 2 jobs, 1 stack\n");
    EXPECT_FALSE(fs::exists(project / "emrctl.state.json")) << "validate must not write";
}

TEST_F(Cli, ValidateReportsEveryProblemWithLineAndFixAndExits2) {
    const auto project = copy_project("examples/quickstart");
    std::ofstream(project / "emrctl.yaml") << "name: demo\n"
                                              "cluster:\n"
                                              "  core: {type: m6g.xlarge, count: 300}\n"
                                              "  idle_timout: 1h\n"
                                              "jobs:\n"
                                              "  - name: pi\n"
                                              "    script: jobs/nope.py\n";
    const auto r = emrctl("validate", project);
    EXPECT_EQ(r.status, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err,
              "error: emrctl.yaml has 1 problem\n"
              "\n"
              "emrctl.yaml:4:3: cluster.idle_timout: unknown key \"idle_timout\"\n"
              "  4 |   idle_timout: 1h\n"
              "    |   ^\n"
              "  fix: did you mean \"idle_timeout\"?\n");
    std::ofstream(project / "emrctl.yaml") << "name: demo\n"
                                              "cluster:\n"
                                              "  core: {type: m6g.xlarge, count: 300}\n"
                                              "jobs:\n"
                                              "  - name: pi\n"
                                              "    script: jobs/nope.py\n";
    const auto second = emrctl("validate", project);
    EXPECT_EQ(second.status, 2);
    EXPECT_NE(second.err.find("error: emrctl.yaml has 2 problems"), std::string::npos)
        << second.err;
    EXPECT_NE(second.err.find("emrctl.yaml:3:35: cluster.core.count: 300 core instances is out of "
                              "range\n"
                              "  3 |   core: {type: m6g.xlarge, count: 300}\n"
                              "    |                                   ^\n"
                              "  fix: use 0 (a single-node cluster) to 256\n"),
              std::string::npos)
        << second.err;
    EXPECT_NE(second.err.find("emrctl.yaml:6:13: jobs[0].script: script \"jobs/nope.py\" does not "
                              "exist"),
              std::string::npos)
        << second.err;
}

TEST_F(Cli, ExplainPrintsTheDefaultedProject) {
    const auto project = copy_project("examples/quickstart");
    const auto r = emrctl("validate --explain", project);
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.out.find("    market: ON_DEMAND  # default\n"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("  release: emr-7.14.0\n"), std::string::npos) << r.out;
}

TEST_F(Cli, SynthWritesTemplatesAndManifestByteIdenticallyAndKeepsTheSuffix) {
    const auto project = copy_project("examples/quickstart");
    const auto first = emrctl("synth", project);
    ASSERT_EQ(first.status, 0) << first.err;
    const auto state = nlohmann::json::parse(read_file(project / "emrctl.state.json"));
    const auto suffix = state["naming_suffix"].get<std::string>();
    EXPECT_EQ(suffix.size(), 8U);
    const auto template_text = read_file(project / "emrctl.out/quickstart.template.json");
    const auto manifest_text = read_file(project / "emrctl.out/assets.json");
    EXPECT_NE(template_text.find("\"quickstart-data-" + suffix + "\""), std::string::npos);
    // Single stack, no -o: the template is printed as YAML on stdout, the summary on stderr.
    EXPECT_TRUE(first.out.starts_with("AWSTemplateFormatVersion: \"2010-09-09\"\n")) << first.out;
    EXPECT_NE(first.err.find("quickstart.template.json  (stack quickstart, "), std::string::npos);

    const auto second = emrctl("synth", project);
    ASSERT_EQ(second.status, 0) << second.err;
    EXPECT_EQ(read_file(project / "emrctl.out/quickstart.template.json"), template_text);
    EXPECT_EQ(read_file(project / "emrctl.out/assets.json"), manifest_text);
    EXPECT_EQ(second.out, first.out);

    const auto manifest = nlohmann::json::parse(manifest_text);
    bool found_script = false;
    for (const auto& file : manifest["files"]) {
        if (file["key"] == "code/pi.py") {
            found_script = true;
            EXPECT_EQ(file["source"], "jobs/pi.py");
            EXPECT_EQ(file["sha256"].get<std::string>().size(), 64U);
        }
    }
    EXPECT_TRUE(found_script) << manifest_text;
}

TEST_F(Cli, SynthWithOutputDirPrintsNoTemplate) {
    const auto project = copy_project("examples/quickstart");
    const auto r = emrctl("synth -o out", project);
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out, "");
    EXPECT_TRUE(fs::exists(project / "out/quickstart.template.json"));
    EXPECT_TRUE(fs::exists(project / "out/assets.json"));
}

TEST_F(Cli, SeedLayoutSynthesizesWithTheSeedsParameterNames) {
    const auto project = copy_project("tests/fixtures/seed-project");
    const auto r = emrctl(
        "-c naming_prefix=mads-siads-516 -c naming_suffix=abc12345 "
        "-c nb_core_instances=3 synth -o out",
        project);
    ASSERT_EQ(r.status, 0) << r.err;
    const auto t = nlohmann::json::parse(read_file(project / "out/mads-siads-516.template.json"));
    const auto& cluster = t["Resources"]["EmrCluster"]["Properties"];
    EXPECT_EQ(cluster["Instances"]["CoreInstanceGroup"]["InstanceCount"], 3);
    EXPECT_EQ(cluster["Instances"]["CoreInstanceGroup"]["InstanceType"], "m4.large");
    EXPECT_EQ(cluster["Instances"]["CoreInstanceGroup"]["Market"], "SPOT");
    EXPECT_EQ(t["Resources"]["DataBucket"]["Properties"]["BucketName"],
              "mads-siads-516-data-abc12345");
    EXPECT_FALSE(fs::exists(project / "emrctl.state.json")) << "a suffix was given with -c";
}

TEST_F(Cli, LsListsTheStacks) {
    const auto project = copy_project("examples/quickstart");
    const auto r = emrctl("ls", project);
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_TRUE(r.out.starts_with("STACK        RESOURCES   DESCRIPTION\nquickstart   ")) << r.out;
}

TEST_F(Cli, JsonOutputIsMachineReadable) {
    const auto project = copy_project("examples/quickstart");
    const auto r = emrctl("--output json validate", project);
    ASSERT_EQ(r.status, 0) << r.err;
    const auto doc = nlohmann::json::parse(r.out);
    EXPECT_EQ(doc["valid"], true);
    EXPECT_EQ(doc["jobs"], 2);
}

TEST_F(Cli, NoProjectIsAUsageError) {
    const auto r = emrctl("validate", m_dir);
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find("error: no emrctl.yaml in "), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("fix: run `emrctl init`"), std::string::npos) << r.err;
}

TEST_F(Cli, UnknownCommandIsAUsageError) {
    const auto r = emrctl("deploi", m_dir);
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find("error: "), std::string::npos) << r.err;
}

TEST_F(Cli, BadContextOverrideNamesTheCommandLine) {
    const auto project = copy_project("examples/quickstart");
    const auto r = emrctl("-c nb_core_instances=many validate", project);
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find("command line: nb_core_instances: expected a whole number, got \"many\"\n"
                         "   | -c nb_core_instances=many\n"),
              std::string::npos)
        << r.err;
}

}  // namespace
