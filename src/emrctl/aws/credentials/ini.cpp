#include <emrctl/aws/credentials/ini.hpp>
#include <emrctl/util/strings.hpp>

namespace emrctl::aws {

namespace {

bool is_blank(char c) {
    return c == ' ' || c == '\t';
}

bool is_comment(std::string_view trimmed) {
    return !trimmed.empty() && (trimmed.front() == '#' || trimmed.front() == ';');
}

// Cuts a value at the first '#' or ';' that follows white space: the specification's inline
// comment, which leaves "p#ss" alone.
std::string_view strip_inline_comment(std::string_view text) {
    for (std::size_t i = 1; i < text.size(); ++i) {
        if ((text[i] == '#' || text[i] == ';') && is_blank(text[i - 1])) {
            return util::trim(text.substr(0, i));
        }
    }
    return util::trim(text);
}

class Parser {
  public:
    Parser(std::string_view text, const std::string& file_name)
        : m_text(text), m_file_name(file_name) {}

    Result<IniDocument> parse() {
        std::size_t start = 0;
        while (start <= m_text.size()) {
            auto end = m_text.find('\n', start);
            if (end == std::string_view::npos) end = m_text.size();
            auto line = m_text.substr(start, end - start);
            if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
            ++m_line_number;
            if (auto r = parse_line(line); !r) return std::unexpected(r.error());
            start = end + 1;
        }
        return std::move(m_document);
    }

  private:
    Result<void> parse_line(std::string_view line) {
        const auto trimmed = util::trim(line);
        if (trimmed.empty() || is_comment(trimmed)) return ok();
        if (is_blank(line.front()) && m_property != nullptr) return parse_indented(line, trimmed);
        m_property = nullptr;
        if (trimmed.front() == '[') return parse_section(line, trimmed);
        if (m_document.sections.empty()) {
            return error(line, "\"key = value\" before any [section]",
                         "put it under a section such as [default]");
        }
        auto property = parse_property(line, trimmed);
        if (!property) return std::unexpected(property.error());
        auto& properties = m_document.sections.back().properties;
        properties.push_back(std::move(*property));
        m_property = &properties.back();
        return ok();
    }

    Result<void> parse_section(std::string_view line, std::string_view trimmed) {
        const auto close = trimmed.find(']');
        if (close == std::string_view::npos) {
            return error(line, "a section header needs a closing ]", "write it as [name]");
        }
        const auto rest = util::trim(trimmed.substr(close + 1));
        if (!rest.empty() && !is_comment(rest)) {
            return error(line, "unexpected text after the section header",
                         "a line holding [name] may only be followed by a # comment");
        }
        const auto name = util::trim(trimmed.substr(1, close - 1));
        if (name.empty()) return error(line, "empty section name", "write it as [name]");
        m_document.sections.push_back({.name = std::string(name), .line = m_line_number});
        return ok();
    }

    // An indented line: a property of the sub-section that `key =` opened, or the continuation
    // of the value before it.
    Result<void> parse_indented(std::string_view line, std::string_view trimmed) {
        if (m_property->value.empty()) {
            auto child = parse_property(line, trimmed);
            if (!child) return std::unexpected(child.error());
            m_property->children.push_back(std::move(*child));
            return ok();
        }
        m_property->value += '\n';
        m_property->value += trimmed;
        return ok();
    }

    Result<IniProperty> parse_property(std::string_view line, std::string_view trimmed) {
        const auto equals = trimmed.find('=');
        if (equals == std::string_view::npos) {
            return error(line, "expected \"key = value\" or a [section]",
                         "a value goes after a key and '='; a comment starts with # or ;");
        }
        const auto key = util::trim(trimmed.substr(0, equals));
        if (key.empty()) return error(line, "missing key before '='", "write it as key = value");
        return IniProperty{.key = util::to_lower(key),
                           .value = std::string(strip_inline_comment(trimmed.substr(equals + 1))),
                           .line = m_line_number,
                           .line_text = std::string(line)};
    }

    std::unexpected<Error> error(std::string_view line, std::string message, std::string hint) {
        auto e = fail(ErrorKind::config, std::move(message), std::move(hint));
        e.error().where = SourceLocation{.file = m_file_name,
                                         .line = m_line_number,
                                         .column = 1,
                                         .line_text = std::string(line)};
        return e;
    }

    std::string_view m_text;
    const std::string& m_file_name;
    IniDocument m_document;
    IniProperty* m_property = nullptr;  // the last property, which indented lines extend
    int m_line_number = 0;
};

}  // namespace

Result<IniDocument> parse_ini(std::string_view text, const std::string& file_name) {
    return Parser(text, file_name).parse();
}

}  // namespace emrctl::aws
