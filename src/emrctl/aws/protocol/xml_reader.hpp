#pragma once

// Reading XML answers (query and REST-XML protocols) with pugixml, and a small path helper so a
// parser reads like the API reference: text_at(result, "Credentials/AccessKeyId").
//
// Everything here is total: a missing element reads as an empty node, empty text or nullopt, so a
// parser never dereferences something that is not there and a fuzzed body cannot crash it.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include <emrctl/aws/protocol/timestamp.hpp>
#include <emrctl/util/error.hpp>

namespace emrctl::aws::protocol {

// A parsed document. The nodes it hands out live as long as it does; moving it keeps them valid.
class XmlDocument {
  public:
    // The document element (the one at the top), never empty.
    pugi::xml_node root() const { return m_document->document_element(); }

  private:
    friend Result<XmlDocument> parse_xml(std::string_view text);
    explicit XmlDocument(std::unique_ptr<pugi::xml_document> document)
        : m_document(std::move(document)) {}
    std::unique_ptr<pugi::xml_document> m_document;
};

// Fails (kind internal, for the caller to wrap) on malformed XML or a document with no element.
// Leading white space is allowed: S3 sends spaces to keep a slow CompleteMultipartUpload alive.
// An element holding only white space keeps it: an S3 key may be " ".
Result<XmlDocument> parse_xml(std::string_view text);

// The element at a '/'-separated path of child names under `node` ("" is `node` itself);
// an empty node when any step is missing.
pugi::xml_node node_at(pugi::xml_node node, std::string_view path);

// All the text of an element, CDATA included, entities decoded; "" for an empty node.
std::string text_of(pugi::xml_node node);

std::string text_at(pugi::xml_node node, std::string_view path);

// "true"/"false" as AWS writes booleans; anything else is false.
bool bool_at(pugi::xml_node node, std::string_view path);

// A decimal integer filling the whole text; nullopt otherwise (including overflow).
std::optional<std::int64_t> int_at(pugi::xml_node node, std::string_view path);

std::optional<Timestamp> iso8601_at(pugi::xml_node node, std::string_view path);

// The children of `node` named `name`, in order: S3's flattened lists (<Contents>…</Contents>
// repeated) and the query protocol's <member> lists alike.
std::vector<pugi::xml_node> children_named(pugi::xml_node node, std::string_view name);

// The texts of <member> children of the list at `path`: a query protocol list of strings.
std::vector<std::string> member_texts(pugi::xml_node node, std::string_view path);

}  // namespace emrctl::aws::protocol
