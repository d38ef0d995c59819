#include <emrctl/cli/diff_printer.hpp>

namespace emrctl::cli {

namespace {

using cfn::ChangeKind;

std::string paint(const Style& s, const char* code, const std::string& text) {
    return s.color ? std::string("\033[") + code + "m" + text + "\033[0m" : text;
}

std::string marker(const Style& s, ChangeKind kind) {
    switch (kind) {
        case ChangeKind::added:
            return paint(s, "32", "[+]");
        case ChangeKind::removed:
            return paint(s, "31", "[-]");
        case ChangeKind::changed:
            return paint(s, "33", "[~]");
    }
    return "[?]";
}

// Cut at a character boundary, so a multi-byte UTF-8 character is never split.
std::string shorten(const std::string& json) {
    if (json.size() <= k_diff_value_width) return json;
    std::size_t cut = k_diff_value_width - 1;
    while (cut > 0 && (static_cast<unsigned char>(json[cut]) & 0xC0U) == 0x80U)
        --cut;
    return json.substr(0, cut) + "…";
}

// What a change did to its value: `"a" → "b"`, or the value added or removed.
std::string values(ChangeKind kind, const std::string& old_json, const std::string& new_json) {
    switch (kind) {
        case ChangeKind::added:
            return shorten(new_json);
        case ChangeKind::removed:
            return shorten(old_json);
        case ChangeKind::changed:
            return shorten(old_json) + " → " + shorten(new_json);
    }
    return {};
}

// " ├─ [~] Properties.ReleaseLabel: "emr-7.1.0" → "emr-7.2.0"", the last one with └─.
std::string change_lines(const std::vector<cfn::PropertyChange>& changes, const Style& s) {
    std::string out;
    for (std::size_t i = 0; i < changes.size(); ++i) {
        const auto& c = changes[i];
        out += i + 1 < changes.size() ? " ├─ " : " └─ ";
        out +=
            marker(s, c.kind) + " " + c.path + ": " + values(c.kind, c.old_json, c.new_json) + "\n";
    }
    return out;
}

std::string heading(const Style& s, const std::string& title) {
    return paint(s, "1", title) + "\n";
}

std::string words(const std::string& a, const std::string& b) {
    if (a.empty()) return b;
    if (b.empty()) return a;
    return a + " " + b;
}

std::string resource_lines(const cfn::ResourceDiff& r, const Style& s) {
    switch (r.kind) {
        case ChangeKind::added:
            return marker(s, r.kind) + " " + words(r.new_type, r.logical_id) + "\n";
        case ChangeKind::removed:
            return marker(s, r.kind) + " " + words(r.old_type, r.logical_id) + "\n";
        case ChangeKind::changed:
            break;
    }
    std::string out = marker(s, r.kind) + " ";
    if (r.type_changed()) {
        out += words(r.old_type + " → " + r.new_type, r.logical_id) + " " +
               paint(s, "1;31", "(type changed: replaces the resource)") + "\n";
    } else {
        out += words(r.new_type, r.logical_id) + "\n";
    }
    return out + change_lines(r.changes, s);
}

// "[+] Output ClusterId: {…}"; a changed entry lists its changes below, or inline when the
// entry is one value (a condition).
std::string entry_lines(const cfn::EntryDiff& e, const std::string& noun, const Style& s) {
    const std::string head = marker(s, e.kind) + " " + noun + " " + e.name;
    if (e.kind != ChangeKind::changed) {
        return head + ": " + values(e.kind, e.old_json, e.new_json) + "\n";
    }
    if (e.changes.size() == 1 && e.changes.front().path.empty()) {
        return head + ": " + values(e.kind, e.old_json, e.new_json) + "\n";
    }
    return head + "\n" + change_lines(e.changes, s);
}

std::string entry_section(const std::vector<cfn::EntryDiff>& entries, const std::string& title,
                          const std::string& noun, const Style& s) {
    if (entries.empty()) return {};
    std::string out = "\n" + heading(s, title);
    for (const auto& e : entries)
        out += entry_lines(e, noun, s);
    return out;
}

}  // namespace

std::string format_template_diff(const cfn::TemplateDiff& diff, const std::string& stack_name,
                                 Style style) {
    std::string out = heading(style, "Stack " + stack_name);
    if (diff.empty()) return out + "There were no differences\n";

    if (!diff.header.empty()) {
        out += "\n" + heading(style, "Template");
        for (const auto& c : diff.header)
            out += marker(style, c.kind) + " " + c.path + ": " +
                   values(c.kind, c.old_json, c.new_json) + "\n";
    }
    out += entry_section(diff.parameters, "Parameters", "Parameter", style);
    out += entry_section(diff.mappings, "Mappings", "Mapping", style);
    out += entry_section(diff.conditions, "Conditions", "Condition", style);
    if (!diff.resources.empty()) {
        out += "\n" + heading(style, "Resources");
        for (const auto& r : diff.resources)
            out += resource_lines(r, style);
    }
    out += entry_section(diff.outputs, "Outputs", "Output", style);
    return out;
}

}  // namespace emrctl::cli
