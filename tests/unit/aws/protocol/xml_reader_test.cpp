#include <gtest/gtest.h>

#include <emrctl/aws/protocol/xml_reader.hpp>
#include <emrctl/aws/protocol/xml_writer.hpp>

namespace emrctl::aws::protocol {
namespace {

TEST(XmlReader, FollowsPathsAndReadsMissingElementsAsEmpty) {
    const auto document = parse_xml(R"(<?xml version="1.0" encoding="UTF-8"?>
<AResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <AResult>
    <Credentials><AccessKeyId>AKIDEXAMPLE</AccessKeyId></Credentials>
    <Count>42</Count><Flag>true</Flag><Bad>4x</Bad>
  </AResult>
</AResponse>)");
    ASSERT_TRUE(document) << document.error().message;
    const auto root = document->root();
    EXPECT_STREQ(root.name(), "AResponse");
    EXPECT_EQ(text_at(root, "AResult/Credentials/AccessKeyId"), "AKIDEXAMPLE");
    EXPECT_EQ(text_at(root, "AResult/Credentials/Missing"), "");
    EXPECT_EQ(text_at(root, "Nope/Credentials/AccessKeyId"), "");
    EXPECT_EQ(int_at(root, "AResult/Count"), 42);
    EXPECT_FALSE(int_at(root, "AResult/Bad"));
    EXPECT_FALSE(int_at(root, "AResult/Missing"));
    EXPECT_TRUE(bool_at(root, "AResult/Flag"));
    EXPECT_FALSE(bool_at(root, "AResult/Count"));
    EXPECT_EQ(node_at(root, ""), root);
}

TEST(XmlReader, DecodesEntitiesAndJoinsCdata) {
    const auto document =
        parse_xml("<M>a &amp; b &lt;c&gt; &#13;&#x1F600;<![CDATA[<raw & text>]]>!</M>");
    ASSERT_TRUE(document);
    EXPECT_EQ(text_of(document->root()), "a & b <c> \r\xF0\x9F\x98\x80<raw & text>!");
}

TEST(XmlReader, KeepsAWhiteSpaceOnlyValueButNotIndentation) {
    // An S3 key may be a single space; the indentation between elements is not data.
    const auto document = parse_xml("<L>\n  <Key> </Key>\n  <Key>  a  </Key>\n</L>");
    ASSERT_TRUE(document);
    const auto keys = children_named(document->root(), "Key");
    ASSERT_EQ(keys.size(), 2u);
    EXPECT_EQ(text_of(keys[0]), " ");
    EXPECT_EQ(text_of(keys[1]), "  a  ");
}

TEST(XmlReader, AcceptsLeadingWhiteSpaceBeforeTheDeclaration) {
    // S3 sends spaces to keep a long CompleteMultipartUpload alive, then the document.
    const auto document = parse_xml(
        "      \n   <?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Done><ETag>x</ETag></Done>");
    ASSERT_TRUE(document) << document.error().message;
    EXPECT_EQ(text_at(document->root(), "ETag"), "x");
}

TEST(XmlReader, ListsMembers) {
    const auto document =
        parse_xml("<R><Caps><member>CAPABILITY_IAM</member><member>B</member></Caps></R>");
    ASSERT_TRUE(document);
    EXPECT_EQ(member_texts(document->root(), "Caps"),
              (std::vector<std::string>{"CAPABILITY_IAM", "B"}));
    EXPECT_TRUE(member_texts(document->root(), "Missing").empty());
}

TEST(XmlReader, RejectsMalformedDocuments) {
    for (const auto* text : {"", "   ", "<a>", "<a></b>", "not xml", "<?xml version=\"1.0\"?>",
                             "<html><body>Oops</p></body></html>"}) {
        const auto document = parse_xml(text);
        EXPECT_FALSE(document) << text;
    }
    const auto document = parse_xml("<a></b>");
    ASSERT_FALSE(document);
    EXPECT_EQ(document.error().message, "malformed XML at byte 5: Start-end tags mismatch");
}

TEST(XmlWriter, EscapesMarkupAndCarriageReturns) {
    EXPECT_EQ(xml_escape("a&b<c>\"d'\r\n é"), "a&amp;b&lt;c&gt;&quot;d&apos;&#13;\n é");
    EXPECT_EQ(xml_escape(""), "");
}

}  // namespace
}  // namespace emrctl::aws::protocol
