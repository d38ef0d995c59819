#pragma once

// A snapshot of the process environment. The credential, region and endpoint logic reads
// variables from one of these, never with getenv, so tests state the environment they mean and
// nothing leaks in from the shell that runs them.

#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace emrctl::aws {

class Environment {
  public:
    Environment() = default;
    Environment(std::initializer_list<std::pair<const std::string, std::string>> variables);

    // The variables of this process, copied once.
    static Environment from_process();

    // The value, or nullopt when the variable is unset or empty: the SDKs treat
    // `export AWS_PROFILE=` as unset, so a blanked variable never wins over a profile.
    std::optional<std::string> get(std::string_view name) const;

    void set(std::string name, std::string value);

  private:
    std::map<std::string, std::string, std::less<>> m_variables;
};

}  // namespace emrctl::aws
