#include "temp_dir.hpp"
#include <gtest/gtest.h>

#include <emrctl/workspace/project_loader.hpp>
#include <emrctl/workspace/state_file.hpp>

namespace emrctl::workspace {
namespace {

void write_native_project(const testing::TempDir& dir) {
    dir.write("emrctl.yaml",
              "name: demo\njobs:\n  - name: wc\n    script: ./jobs/wc.py\n    data: data/in/\n");
    dir.write("jobs/wc.py", "print(1)\n");
    dir.write("data/in/a.txt", "hello\n");
    dir.write("data/in/sub/b.txt", "world\n");
    dir.write("data/in/.DS_Store", "junk");
}

TEST(ProjectLoader, LoadsAFolderNormalizesPathsAndListsDataFiles) {
    testing::TempDir dir;
    write_native_project(dir);
    auto loaded = load_project({.location = dir.path()});
    ASSERT_TRUE(loaded) << loaded.error().message;
    const auto& job = loaded->project.jobs.at(0);
    EXPECT_EQ(job.script, "jobs/wc.py");
    EXPECT_EQ(job.data, "data/in");
    const auto& files = loaded->files.folder_files.at("data/in");
    ASSERT_EQ(files.size(), 2U) << "hidden files are not data";
    EXPECT_EQ(files[0].path, "data/in/a.txt");
    EXPECT_EQ(files[1].path, "data/in/sub/b.txt");
    EXPECT_EQ(files[1].size, 6U);
    EXPECT_EQ(loaded->files.kind("jobs/wc.py"), config::PathKind::file);
}

TEST(ProjectLoader, CreatesTheSuffixOnlyWhenAskedAndOnlyForAValidProject) {
    testing::TempDir dir;
    write_native_project(dir);
    ASSERT_TRUE(load_project({.location = dir.path()}));
    EXPECT_FALSE(std::filesystem::exists(dir.path() / k_state_file));

    dir.write("emrctl.yaml", "name: demo\njobs:\n  - name: wc\n    script: jobs/missing.py\n");
    EXPECT_FALSE(load_project({.location = dir.path(), .suffix = SuffixPolicy::create_if_missing}));
    EXPECT_FALSE(std::filesystem::exists(dir.path() / k_state_file)) << "nothing written on error";

    write_native_project(dir);
    auto first = load_project({.location = dir.path(), .suffix = SuffixPolicy::create_if_missing});
    ASSERT_TRUE(first);
    auto second = load_project({.location = dir.path()});
    ASSERT_TRUE(second);
    EXPECT_EQ(first->project.suffix.size(), 8U);
    EXPECT_EQ(second->project.suffix, first->project.suffix);
}

TEST(ProjectLoader, SeedLayoutGetsItsBootstrapScriptAndSeedDefaults) {
    testing::TempDir dir;
    dir.write(
        "emr_steps/emr_steps_configuration.json",
        R"({"steps": [{"name": "step2", "code_filename": "step2.py", "data_source_folder": "step2"}]})");
    dir.write("emr_steps/code/step2.py", "print(2)\n");
    dir.write("emr_steps/data/step2/x.txt", "x\n");
    dir.write("ec2_bootstrap_scripts/bootstrap.sh", "#!/bin/bash\n");
    auto loaded = load_project({.location = dir.path(), .context = {"naming_prefix=mads"}});
    ASSERT_TRUE(loaded) << loaded.error().message;
    const auto& p = loaded->project;
    EXPECT_EQ(p.layout, config::Layout::seed);
    EXPECT_EQ(p.name, "mads");
    EXPECT_EQ(p.cluster.core.type, "m4.large");
    EXPECT_EQ(p.cluster.bootstrap, std::vector<std::string>{"ec2_bootstrap_scripts/bootstrap.sh"});
    EXPECT_EQ(p.jobs.at(0).data, "emr_steps/data/step2");
    EXPECT_EQ(
        loaded->description,
        "seed layout (" + (dir.path() / "emr_steps/emr_steps_configuration.json").string() + ")");
}

TEST(ProjectLoader, SeedProblemsNameTheSeedsKeysAndFile) {
    testing::TempDir dir;
    dir.write("emr_steps/emr_steps_configuration.json",
              "{\"steps\": [\n  {\"name\": \"step1\", \"code_filename\": \"nope.py\"}\n]}\n");
    auto loaded = load_project({.location = dir.path()});
    ASSERT_FALSE(loaded);
    ASSERT_EQ(loaded.error().problems.size(), 1U);
    const auto& where = *loaded.error().problems[0].where;
    EXPECT_EQ(where.key_path, "steps[0].code_filename");
    EXPECT_EQ(where.line, 2);
    EXPECT_EQ(loaded.error().problems[0].message,
              "script \"emr_steps/code/nope.py\" does not exist");
}

TEST(ProjectLoader, AFolderWithoutAProjectSaysHowToStartOne) {
    testing::TempDir dir;
    auto loaded = load_project({.location = dir.path()});
    ASSERT_FALSE(loaded);
    EXPECT_EQ(loaded.error().kind, ErrorKind::usage);
    EXPECT_NE(loaded.error().hint.find("emrctl init"), std::string::npos);
}

}  // namespace
}  // namespace emrctl::workspace
