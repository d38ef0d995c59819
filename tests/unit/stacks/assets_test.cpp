#include "stack_test_support.hpp"
#include <gtest/gtest.h>

#include <emrctl/stacks/assets.hpp>

namespace emrctl::stacks {
namespace {

using namespace testing;

config::FileFacts sample_files() {
    config::FileFacts f;
    f.paths["bootstrap/install.sh"] = {config::PathKind::file, 11};
    f.paths["jobs/pi.py"] = {config::PathKind::file, 22};
    f.paths["jobs/wc.py"] = {config::PathKind::file, 33};
    f.paths["data/articles"] = {config::PathKind::folder, 0};
    f.folder_files["data/articles"] = {{"data/articles/a.txt", 5}, {"data/articles/deep/b.txt", 7}};
    return f;
}

TEST(Assets, EveryLocalFileGoesToItsKeyInTheDataBucket) {
    const auto assets = plan_assets(sample_project(), sample_files());
    std::vector<std::string> lines;
    for (const auto& a : assets) {
        lines.push_back(a.source + " -> s3://" + a.bucket + "/" + a.key + " " +
                        std::to_string(a.size));
    }
    EXPECT_EQ(lines,
              (std::vector<std::string>{
                  "bootstrap/install.sh -> s3://demo-data-abc12345/bootstrap/install.sh 11",
                  "jobs/pi.py -> s3://demo-data-abc12345/code/pi.py 22",
                  "jobs/wc.py -> s3://demo-data-abc12345/code/wc.py 33",
                  "data/articles/a.txt -> s3://demo-data-abc12345/data/wordcount/a.txt 5",
                  "data/articles/deep/b.txt -> s3://demo-data-abc12345/data/wordcount/deep/b.txt 7",
              }));
}

TEST(Assets, S3ScriptsAndSharedScriptsAreNotUploadedTwice) {
    auto p = sample_project();
    p.jobs.push_back(config::Job{.name = "again", .script = "jobs/pi.py"});
    p.jobs.push_back(config::Job{.name = "remote", .script = "s3://elsewhere/x.py"});
    const auto assets = plan_assets(p, sample_files());
    EXPECT_EQ(std::ranges::count_if(assets, [](const Asset& a) { return a.key == "code/pi.py"; }),
              1);
    EXPECT_EQ(std::ranges::count_if(assets, [](const Asset& a) { return a.key == "code/x.py"; }),
              0);
}

TEST(Assets, GivenRequirementsThenTheyAndTheGeneratedScriptThatInstallsThemGoToBootstrap) {
    auto p = sample_project();
    p.requirements = "requirements.txt";
    auto files = sample_files();
    files.paths["requirements.txt"] = {config::PathKind::file, 14};
    const auto assets = plan_assets(p, files);
    const auto find = [&](const std::string& key) {
        return std::ranges::find(assets, key, &Asset::key);
    };
    const auto requirements = find("bootstrap/requirements.txt");
    ASSERT_NE(requirements, assets.end());
    EXPECT_EQ(requirements->source, "requirements.txt");
    EXPECT_EQ(requirements->size, 14u);
    EXPECT_FALSE(requirements->generated);
    const auto script = find("bootstrap/emrctl-requirements.sh");
    ASSERT_NE(script, assets.end());
    EXPECT_TRUE(script->source.empty());
    ASSERT_TRUE(script->generated);
    EXPECT_EQ(script->size, script->generated->size());
    EXPECT_NE(script->generated->find("python3 -m pip install --quiet -r"), std::string::npos);
    EXPECT_EQ(std::ranges::count_if(plan_assets(sample_project(), sample_files()),
                                    [](const Asset& a) { return a.generated.has_value(); }),
              0);
}

}  // namespace
}  // namespace emrctl::stacks
