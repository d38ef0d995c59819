#include <charconv>

#include <emrctl/aws/protocol/xml_reader.hpp>

namespace emrctl::aws::protocol {

Result<XmlDocument> parse_xml(std::string_view text) {
    auto document = std::make_unique<pugi::xml_document>();
    // parse_ws_pcdata_single keeps white space that is an element's only content (<Key> </Key>)
    // without keeping the indentation between elements. No DOCTYPE or entity expansion: pugixml
    // does not expand external or custom entities at all.
    const unsigned flags = pugi::parse_default | pugi::parse_ws_pcdata_single;
    const auto parsed = document->load_buffer(text.data(), text.size(), flags, pugi::encoding_utf8);
    if (!parsed) {
        return fail(ErrorKind::internal, std::string("malformed XML at byte ") +
                                             std::to_string(parsed.offset) + ": " +
                                             parsed.description());
    }
    if (!document->document_element()) return fail(ErrorKind::internal, "XML with no element");
    return XmlDocument(std::move(document));
}

pugi::xml_node node_at(pugi::xml_node node, std::string_view path) {
    while (node && !path.empty()) {
        const auto slash = path.find('/');
        const auto name = path.substr(0, slash);
        node = node.child(std::string(name).c_str());
        path = slash == std::string_view::npos ? std::string_view{} : path.substr(slash + 1);
    }
    return node;
}

std::string text_of(pugi::xml_node node) {
    std::string out;
    for (const auto child : node.children()) {
        if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
            out += child.value();
        }
    }
    return out;
}

std::string text_at(pugi::xml_node node, std::string_view path) {
    return text_of(node_at(node, path));
}

bool bool_at(pugi::xml_node node, std::string_view path) {
    return text_at(node, path) == "true";
}

std::optional<std::int64_t> int_at(pugi::xml_node node, std::string_view path) {
    const auto text = text_at(node, path);
    std::int64_t value = 0;
    const auto* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (text.empty() || ec != std::errc{} || ptr != end) return std::nullopt;
    return value;
}

std::optional<Timestamp> iso8601_at(pugi::xml_node node, std::string_view path) {
    return parse_iso8601(text_at(node, path));
}

std::vector<pugi::xml_node> children_named(pugi::xml_node node, std::string_view name) {
    std::vector<pugi::xml_node> out;
    const std::string wanted(name);
    for (const auto child : node.children(wanted.c_str()))
        out.push_back(child);
    return out;
}

std::vector<std::string> member_texts(pugi::xml_node node, std::string_view path) {
    std::vector<std::string> out;
    for (const auto member : children_named(node_at(node, path), "member")) {
        out.push_back(text_of(member));
    }
    return out;
}

}  // namespace emrctl::aws::protocol
