// emrctl run as a process, in a scratch copy of a project: what users see and what is written.

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/wait.h>

namespace {

namespace fs = std::filesystem;

const fs::path k_root = EMRCTL_SOURCE_DIR;
const fs::path k_emrctl = EMRCTL_BINARY;

struct Outcome {
    int status = -1;
    std::string out;
    std::string err;
};

std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string quote(const std::string& s) {
    std::string out = "'";
    for (char c : s)
        out += (c == '\'') ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

class Cli : public testing::Test {
  protected:
    void SetUp() override {
        const auto* info = testing::UnitTest::GetInstance()->current_test_info();
        m_dir = fs::temp_directory_path() /
                ("emrctl-cli-" + std::string(info->name()) + "-" + std::to_string(::getpid()));
        fs::remove_all(m_dir);
        fs::create_directories(m_dir);
    }
    void TearDown() override { fs::remove_all(m_dir); }

    // A copy of a project of the repository, without generated files.
    fs::path copy_project(const std::string& relative) {
        const auto target = m_dir / fs::path(relative).filename();
        fs::copy(k_root / relative, target, fs::copy_options::recursive);
        fs::remove_all(target / "emrctl.out");
        fs::remove(target / "emrctl.state.json");
        return target;
    }

    Outcome emrctl(const std::string& args, const fs::path& cwd) {
        const auto err_file = m_dir / "stderr.txt";
        const auto command = "cd " + quote(cwd.string()) + " && NO_COLOR=1 " +
                             quote(k_emrctl.string()) + " " + args + " 2>" +
                             quote(err_file.string());
        Outcome r;
        FILE* pipe = ::popen(command.c_str(), "r");
        char buffer[4096];
        while (const auto n = std::fread(buffer, 1, sizeof buffer, pipe))
            r.out.append(buffer, n);
        const int raw = ::pclose(pipe);
        r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
        r.err = read(err_file);
        return r;
    }

    fs::path m_dir;
};

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
    const auto state = nlohmann::json::parse(read(project / "emrctl.state.json"));
    const auto suffix = state["naming_suffix"].get<std::string>();
    EXPECT_EQ(suffix.size(), 8U);
    const auto template_text = read(project / "emrctl.out/quickstart.template.json");
    const auto manifest_text = read(project / "emrctl.out/assets.json");
    EXPECT_NE(template_text.find("\"quickstart-data-" + suffix + "\""), std::string::npos);
    // Single stack, no -o: the template is printed as YAML on stdout, the summary on stderr.
    EXPECT_TRUE(first.out.starts_with("AWSTemplateFormatVersion: \"2010-09-09\"\n")) << first.out;
    EXPECT_NE(first.err.find("quickstart.template.json  (stack quickstart, "), std::string::npos);

    const auto second = emrctl("synth", project);
    ASSERT_EQ(second.status, 0) << second.err;
    EXPECT_EQ(read(project / "emrctl.out/quickstart.template.json"), template_text);
    EXPECT_EQ(read(project / "emrctl.out/assets.json"), manifest_text);
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
    const auto r =
        emrctl("-c naming_prefix=mads-siads-516 -c naming_suffix=abc12345 "
            "-c nb_core_instances=3 synth -o out",
            project);
    ASSERT_EQ(r.status, 0) << r.err;
    const auto t = nlohmann::json::parse(read(project / "out/mads-siads-516.template.json"));
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
