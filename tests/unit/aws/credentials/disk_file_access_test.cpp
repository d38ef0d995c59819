#include <fstream>

#include "temp_home.hpp"
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <emrctl/aws/credentials/file_access.hpp>

namespace emrctl::aws {
namespace {

TEST(DiskFileAccess, AMissingFileIsNoError) {
    testing::TempHome home;
    auto text = make_disk_file_access()->read(home.path() / ".aws" / "config");
    ASSERT_TRUE(text.has_value());
    EXPECT_FALSE(text->has_value());
}

TEST(DiskFileAccess, ReadsAWholeFile) {
    testing::TempHome home;
    std::ofstream(home.path() / "config") << "[default]\nregion = eu-west-3\n";
    auto text = make_disk_file_access()->read(home.path() / "config");
    ASSERT_TRUE(text.has_value() && text->has_value());
    EXPECT_EQ(**text, "[default]\nregion = eu-west-3\n");
}

TEST(DiskFileAccess, AFolderIsAnError) {
    testing::TempHome home;
    auto text = make_disk_file_access()->read(home.path());
    ASSERT_FALSE(text.has_value());
    EXPECT_EQ(text.error().kind, ErrorKind::io);
    EXPECT_EQ(text.error().message, "cannot read " + home.string() + ": it is a folder");
}

TEST(DiskFileAccess, WritesReplaceTheFileWithOnlyTheOwnerAllowed) {
    testing::TempHome home;
    const auto path = home.path() / "a" / "b" / "secret.json";
    const auto files = make_disk_file_access();
    ASSERT_TRUE(files->write_private(path, "one").has_value());
    ASSERT_TRUE(files->write_private(path, "two").has_value());
    EXPECT_EQ(files->read(path)->value_or(""), "two");
    struct stat st {};
    ASSERT_EQ(::stat(path.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777U, 0600U);
    ASSERT_EQ(::stat((home.path() / "a").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777U, 0700U);
    // Nothing is left behind but the file itself.
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(path.parent_path()),
                            std::filesystem::directory_iterator()),
              1);
}

}  // namespace
}  // namespace emrctl::aws
