#include <array>
#include <cstdio>

#include <nlohmann/json.hpp>

#include <emrctl/cli/format.hpp>

namespace emrctl::cli {

std::string table(const std::vector<std::vector<std::string>>& rows) {
    std::vector<std::size_t> widths;
    for (const auto& row : rows) {
        widths.resize(std::max(widths.size(), row.size()));
        for (std::size_t i = 0; i < row.size(); ++i)
            widths[i] = std::max(widths[i], row[i].size());
    }
    std::string out;
    for (const auto& row : rows) {
        for (std::size_t i = 0; i < row.size(); ++i) {
            out += row[i];
            if (i + 1 < row.size()) out += std::string(widths[i] - row[i].size() + 3, ' ');
        }
        out += '\n';
    }
    return out;
}

std::string human_bytes(std::uint64_t bytes) {
    static constexpr std::array<const char*, 4> k_units{"KiB", "MiB", "GiB", "TiB"};
    if (bytes < 1024) return std::to_string(bytes) + " B";
    double value = static_cast<double>(bytes);
    std::size_t unit = 0;
    for (value /= 1024; value >= 1024 && unit + 1 < k_units.size(); value /= 1024)
        ++unit;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f %s", value, k_units[unit]);
    return buf;
}

std::string synth_summary_text(const workspace::SynthResult& result) {
    std::string out;
    for (std::size_t i = 0; i < result.stacks.size(); ++i) {
        const auto& stack = result.stacks[i];
        const auto& file = result.assembly.templates[i];
        out += "wrote " + file.path.string() + "  (stack " + stack.name + ", " +
               std::to_string(stack.body.resources().size()) + " resources, " +
               human_bytes(file.bytes) + ")\n";
    }
    out += "wrote " + result.assembly.manifest.path.string() + "  (" +
           std::to_string(result.assembly.asset_count) + " files to upload, " +
           human_bytes(result.assembly.asset_bytes) + ")\n";
    return out;
}

std::string synth_summary_json(const workspace::SynthResult& result) {
    nlohmann::ordered_json stacks = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < result.stacks.size(); ++i) {
        stacks.push_back({{"name", result.stacks[i].name},
                          {"template", result.assembly.templates[i].path.string()},
                          {"resources", result.stacks[i].body.resources().size()},
                          {"bytes", result.assembly.templates[i].bytes}});
    }
    return nlohmann::ordered_json{{"stacks", stacks},
                                  {"asset_manifest", result.assembly.manifest.path.string()},
                                  {"assets", result.assembly.asset_count},
                                  {"asset_bytes", result.assembly.asset_bytes}}
        .dump(2);
}

}  // namespace emrctl::cli
