#include <nlohmann/json.hpp>

#include <emrctl/cli/error_printer.hpp>

namespace emrctl::cli {

namespace {

std::string paint(const Style& s, const char* code, const std::string& text) {
    return s.color ? std::string("\033[") + code + "m" + text + "\033[0m" : text;
}

std::string location_prefix(const SourceLocation& w) {
    std::string out = w.file;
    if (w.line > 0) out += ":" + std::to_string(w.line) + ":" + std::to_string(w.column);
    if (!out.empty()) out += ": ";
    if (!w.key_path.empty()) out += w.key_path + ": ";
    return out;
}

// "   7 |   core: {count: 0}" and a caret under the column.
std::string source_excerpt(const SourceLocation& w, const Style& s) {
    if (w.line_text.empty()) return {};
    const std::string number = w.line > 0 ? std::to_string(w.line) : "";
    const std::string gutter(number.size(), ' ');
    std::string out = "  " + number + " | " + w.line_text + "\n";
    if (w.column > 0) {
        out += "  " + gutter + " | " + std::string(static_cast<std::size_t>(w.column - 1), ' ') +
               paint(s, "1;32", "^") + "\n";
    }
    return out;
}

std::string format_problem(const Error& e, const Style& s) {
    std::string out;
    if (e.where) {
        out += paint(s, "1", location_prefix(*e.where)) + e.message + "\n";
        out += source_excerpt(*e.where, s);
    } else {
        out += e.message + "\n";
    }
    if (!e.hint.empty()) out += "  " + paint(s, "1;36", "fix:") + " " + e.hint + "\n";
    return out;
}

nlohmann::ordered_json to_json(const Error& e) {
    nlohmann::ordered_json j{{"message", e.message}};
    if (!e.hint.empty()) j["hint"] = e.hint;
    if (e.where) {
        j["file"] = e.where->file;
        if (e.where->line > 0) {
            j["line"] = e.where->line;
            j["column"] = e.where->column;
        }
        if (!e.where->key_path.empty()) j["key"] = e.where->key_path;
    }
    if (e.aws) {
        j["aws"] = {{"service", e.aws->service},
                    {"operation", e.aws->operation},
                    {"code", e.aws->code},
                    {"message", e.aws->message},
                    {"request_id", e.aws->request_id},
                    {"http_status", e.aws->http_status}};
    }
    if (!e.context.empty()) j["context"] = e.context;
    if (!e.problems.empty()) {
        j["problems"] = nlohmann::ordered_json::array();
        for (const auto& p : e.problems)
            j["problems"].push_back(to_json(p));
    }
    return j;
}

}  // namespace

std::string format_error(const Error& e, Style style) {
    std::string out = paint(style, "1;31", "error:") + " ";
    if (e.problems.empty()) {
        out += format_problem(e, style);
    } else {
        out += e.message + "\n";
        for (const auto& p : e.problems)
            out += "\n" + format_problem(p, style);
        // What to do about them all comes after them.
        if (!e.hint.empty()) out += "\n  " + paint(style, "1;36", "fix:") + " " + e.hint + "\n";
    }
    for (const auto& c : e.context)
        out += "  (" + c + ")\n";
    return out;
}

std::string format_error_json(const Error& e) {
    return nlohmann::ordered_json{{"error", to_json(e)}}.dump(2) + "\n";
}

}  // namespace emrctl::cli
