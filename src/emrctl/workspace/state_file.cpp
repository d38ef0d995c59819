#include <fstream>
#include <random>
#include <sstream>

#include <nlohmann/json.hpp>

#include <emrctl/workspace/files.hpp>
#include <emrctl/workspace/state_file.hpp>

namespace emrctl::workspace {

Result<std::optional<State>> read_state(const std::filesystem::path& project_dir) {
    const auto path = project_dir / k_state_file;
    if (!std::filesystem::exists(path)) return std::optional<State>{};
    auto text = read_text(path);
    if (!text) return std::unexpected(text.error());
    const auto doc = nlohmann::json::parse(*text, nullptr, false);
    if (doc.is_discarded() || !doc.is_object() || !doc.contains("naming_suffix") ||
        !doc["naming_suffix"].is_string()) {
        return fail(ErrorKind::config, path.string() + " is damaged",
                    "restore it from version control; if it is lost, delete it and pass the old "
                    "suffix with -c naming_suffix=<suffix> (see your bucket names)");
    }
    return std::optional<State>{State{doc["naming_suffix"].get<std::string>()}};
}

Result<void> write_state(const std::filesystem::path& project_dir, const State& state) {
    nlohmann::ordered_json doc;
    doc["naming_suffix"] = state.naming_suffix;
    return write_file_atomically(project_dir / k_state_file, doc.dump(2) + "\n");
}

std::string generate_suffix() {
    static constexpr std::string_view k_alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    std::random_device device;
    std::uniform_int_distribution<std::size_t> pick(0, k_alphabet.size() - 1);
    std::string suffix;
    for (int i = 0; i < 8; ++i)
        suffix += k_alphabet[pick(device)];
    return suffix;
}

}  // namespace emrctl::workspace
