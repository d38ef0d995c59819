#include <emrctl/aws/credentials/environment.hpp>

extern char** environ;

namespace emrctl::aws {

Environment::Environment(std::initializer_list<std::pair<const std::string, std::string>> variables)
    : m_variables(variables) {}

Environment Environment::from_process() {
    Environment env;
    for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
        const std::string_view text(*entry);
        const auto equals = text.find('=');
        if (equals == std::string_view::npos) continue;
        env.set(std::string(text.substr(0, equals)), std::string(text.substr(equals + 1)));
    }
    return env;
}

std::optional<std::string> Environment::get(std::string_view name) const {
    const auto it = m_variables.find(name);
    if (it == m_variables.end() || it->second.empty()) return std::nullopt;
    return it->second;
}

void Environment::set(std::string name, std::string value) {
    m_variables.insert_or_assign(std::move(name), std::move(value));
}

}  // namespace emrctl::aws
