#pragma once

// Assumed-role credentials kept on disk between runs, one JSON file per request under
// ~/.emrctl/cache/credentials/<sha256>.json (mode 0600), so that a run an hour after the last
// does not call STS again, nor ask for an MFA code again one day. Entries are reused until
// k_refresh_margin before they expire; the caller decides that with its clock.

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <emrctl/aws/credentials/assume_role_request.hpp>
#include <emrctl/aws/credentials/credentials.hpp>
#include <emrctl/aws/credentials/environment.hpp>
#include <emrctl/aws/credentials/file_access.hpp>

namespace emrctl::aws {

// The file name of a request's entry: a hash of what was asked (role, configured session name,
// external id, duration) and of who asked (the source's access key id), so that rotated source
// keys or another source profile never get someone else's session.
std::string role_cache_key(const AssumeRoleRequest& request, std::string_view source_access_key_id);

class RoleCache {
  public:
    RoleCache(std::shared_ptr<FileAccess> files, std::filesystem::path folder);

    // $HOME/.emrctl/cache/credentials; nullopt without HOME (then nothing is kept on disk).
    static std::optional<std::filesystem::path> default_folder(const Environment& env);

    // nullopt when there is no entry or it cannot be read: a damaged entry is a miss, never an
    // error, since a fresh AssumeRole replaces it.
    std::optional<Credentials> load(std::string_view key) const;

    // Failures are ignored for the same reason: the credentials in hand are good, and the next
    // run only pays one more AssumeRole.
    void store(std::string_view key, const Credentials& credentials) const;

    std::filesystem::path path_of(std::string_view key) const;

  private:
    std::shared_ptr<FileAccess> m_files;
    std::filesystem::path m_folder;
};

}  // namespace emrctl::aws
