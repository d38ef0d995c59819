#include <chrono>

#include "temp_dir.hpp"
#include <gtest/gtest.h>

#include <emrctl/workspace/hash_cache.hpp>

namespace emrctl::workspace {
namespace {

using namespace std::chrono_literals;

// SHA-256 of "abc" and of "abd".
constexpr const char* k_abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
constexpr const char* k_abd = "a52d159f262b2c6ddb724a61840befc36eb30c88877a4030b65cbe86298449c9";

void age(const std::filesystem::path& file) {
    std::filesystem::last_write_time(file, std::filesystem::file_time_type::clock::now() - 1h);
}

TEST(HashCache, AnUnchangedFileIsNotReadAgainAcrossRuns) {
    testing::TempDir dir;
    dir.write("data/a.txt", "abc");
    age(dir.path() / "data/a.txt");
    {
        auto cache = HashCache::load(dir.path());
        EXPECT_EQ(cache.sha256("data/a.txt").value(), k_abc);
        EXPECT_EQ(cache.misses(), 1U);
        cache.save();
    }
    auto cache = HashCache::load(dir.path());
    EXPECT_EQ(cache.sha256("data/a.txt").value(), k_abc);
    EXPECT_EQ(cache.hits(), 1U);
    EXPECT_EQ(cache.misses(), 0U);
}

TEST(HashCache, AChangedFileIsHashedAgain) {
    testing::TempDir dir;
    dir.write("a.txt", "abc");
    age(dir.path() / "a.txt");
    auto cache = HashCache::load(dir.path());
    ASSERT_TRUE(cache.sha256("a.txt"));
    dir.write("a.txt", "abd");  // same size, new time stamp
    EXPECT_EQ(cache.sha256("a.txt").value(), k_abd);
    EXPECT_EQ(cache.misses(), 2U);
}

TEST(HashCache, AFileJustWrittenIsNotRemembered) {
    testing::TempDir dir;
    dir.write("a.txt", "abc");  // modified now: a later edit in the same tick would go unseen
    auto first = HashCache::load(dir.path());
    ASSERT_TRUE(first.sha256("a.txt"));
    first.save();
    auto second = HashCache::load(dir.path());
    ASSERT_TRUE(second.sha256("a.txt"));
    EXPECT_EQ(second.hits(), 0U);
}

TEST(HashCache, ADamagedCacheIsIgnored) {
    testing::TempDir dir;
    dir.write(".emrctl/cache/hashes.json", "{not json");
    dir.write("a.txt", "abc");
    auto cache = HashCache::load(dir.path());
    EXPECT_EQ(cache.sha256("a.txt").value(), k_abc);
}

}  // namespace
}  // namespace emrctl::workspace
