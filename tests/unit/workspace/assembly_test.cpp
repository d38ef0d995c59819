#include "temp_dir.hpp"
#include <gtest/gtest.h>

#include <emrctl/aws/sha256.hpp>
#include <emrctl/workspace/assembly.hpp>

namespace emrctl::workspace {
namespace {

TEST(Assembly, HashesAssetsAndRemovesTemplatesOfStacksThatAreGone) {
    testing::TempDir dir;
    dir.write("jobs/pi.py", "abc");
    dir.write("out/old.template.json", "{}");
    dir.write("out/notes.txt", "mine");
    auto hashed = hash_assets(dir.path(), {{"jobs/pi.py", "b", "code/pi.py", 3}});
    ASSERT_TRUE(hashed);
    // SHA-256 of "abc" (FIPS 180-2 test vector).
    EXPECT_EQ(hashed->at(0).sha256,
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(aws::sha256_hex("abc"), hashed->at(0).sha256);

    stacks::Stack stack{"demo", cfn::Template("d")};
    auto assembly = write_assembly(dir.path() / "out", {stack}, *hashed);
    ASSERT_TRUE(assembly);
    EXPECT_TRUE(std::filesystem::exists(dir.path() / "out/demo.template.json"));
    EXPECT_FALSE(std::filesystem::exists(dir.path() / "out/old.template.json"));
    EXPECT_TRUE(std::filesystem::exists(dir.path() / "out/notes.txt")) << "not ours to remove";
    EXPECT_EQ(assembly->asset_count, 1U);
    EXPECT_EQ(assembly->asset_bytes, 3U);
}

TEST(Assembly, MissingAssetIsAnIoError) {
    testing::TempDir dir;
    auto hashed = hash_assets(dir.path(), {{"jobs/gone.py", "b", "code/gone.py", 3}});
    ASSERT_FALSE(hashed);
    EXPECT_EQ(hashed.error().kind, ErrorKind::io);
    EXPECT_NE(hashed.error().message.find("jobs/gone.py"), std::string::npos);
}

}  // namespace
}  // namespace emrctl::workspace
