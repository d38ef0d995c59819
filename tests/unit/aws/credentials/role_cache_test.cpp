#include <fstream>

#include "fixtures.hpp"
#include "temp_home.hpp"
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <emrctl/aws/credentials/role_cache.hpp>

namespace emrctl::aws {
namespace {

using namespace std::chrono_literals;

const AssumeRoleRequest k_request{.role_arn = "arn:aws:iam::1:role/dev", .profile = "dev"};

Credentials temporary() {
    return {.access_key_id = "ASIA1",
            .secret_access_key = "secret1",
            .session_token = "token1",
            .expiration = testing::k_start + 1h,
            .source = "assumed role arn:aws:iam::1:role/dev via profile dev"};
}

unsigned mode_of(const std::filesystem::path& path) {
    struct stat st {};
    ::stat(path.c_str(), &st);
    return st.st_mode & 0777U;
}

TEST(RoleCache, LivesUnderHome) {
    EXPECT_EQ(RoleCache::default_folder(Environment{{"HOME", "/home/u"}}),
              std::filesystem::path("/home/u/.emrctl/cache/credentials"));
    EXPECT_EQ(RoleCache::default_folder(Environment{}), std::nullopt);
}

TEST(RoleCache, AnEntryWrittenByOneCacheIsReadByAnother) {
    testing::TempHome home;
    const auto folder = *RoleCache::default_folder(Environment{{"HOME", home.string()}});
    const auto key = role_cache_key(k_request, "AKIDBASE");
    RoleCache(make_disk_file_access(), folder).store(key, temporary());

    const auto loaded = RoleCache(make_disk_file_access(), folder).load(key);
    ASSERT_TRUE(loaded.has_value());
    EXPECT_EQ(loaded->access_key_id, "ASIA1");
    EXPECT_EQ(loaded->secret_access_key, "secret1");
    EXPECT_EQ(loaded->session_token, "token1");
    EXPECT_EQ(loaded->expiration, testing::k_start + 1h);
    EXPECT_EQ(loaded->source, "assumed role arn:aws:iam::1:role/dev via profile dev");
}

TEST(RoleCache, OnlyItsOwnerMayReadIt) {
    testing::TempHome home;
    const auto folder = home.path() / ".emrctl" / "cache" / "credentials";
    const RoleCache cache(make_disk_file_access(), folder);
    cache.store("k", temporary());
    EXPECT_EQ(mode_of(cache.path_of("k")), 0600U);
    EXPECT_EQ(mode_of(folder), 0700U);
    EXPECT_EQ(mode_of(home.path() / ".emrctl"), 0700U);
}

TEST(RoleCache, ADamagedOrMissingEntryIsAMiss) {
    testing::TempHome home;
    const RoleCache cache(make_disk_file_access(), home.path());
    EXPECT_EQ(cache.load("absent"), std::nullopt);
    std::ofstream(cache.path_of("broken")) << "{\"AccessKeyId\": ";
    EXPECT_EQ(cache.load("broken"), std::nullopt);
    std::ofstream(cache.path_of("partial")) << R"({"AccessKeyId": "A", "Expiration": "x"})";
    EXPECT_EQ(cache.load("partial"), std::nullopt);
}

TEST(RoleCache, KeepsOnlyCredentialsThatExpire) {
    testing::TempHome home;
    const RoleCache cache(make_disk_file_access(), home.path());
    auto forever = temporary();
    forever.expiration.reset();
    cache.store("k", forever);
    EXPECT_FALSE(std::filesystem::exists(cache.path_of("k")));
}

TEST(RoleCache, TheKeyChangesWithWhatIsAskedAndWhoAsks) {
    const auto key = role_cache_key(k_request, "AKIDBASE");
    EXPECT_EQ(key.size(), 64U);
    EXPECT_EQ(key, role_cache_key(k_request, "AKIDBASE"));
    EXPECT_NE(key, role_cache_key(k_request, "AKIDOTHER"));
    auto other = k_request;
    other.role_arn = "arn:aws:iam::1:role/other";
    EXPECT_NE(key, role_cache_key(other, "AKIDBASE"));
    other = k_request;
    other.external_id = "x";
    EXPECT_NE(key, role_cache_key(other, "AKIDBASE"));
    other = k_request;
    other.duration = 3600s;
    EXPECT_NE(key, role_cache_key(other, "AKIDBASE"));
    other = k_request;
    other.role_session_name = "alice";
    EXPECT_NE(key, role_cache_key(other, "AKIDBASE"));
}

}  // namespace
}  // namespace emrctl::aws
