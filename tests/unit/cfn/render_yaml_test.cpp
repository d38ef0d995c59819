#include <ostream>
#include <regex>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <emrctl/cfn/render.hpp>
#include <emrctl/config/defaults.hpp>
#include <emrctl/stacks/emr_stack.hpp>
#include <emrctl/util/strings.hpp>

namespace emrctl::cfn {

// How GoogleTest prints a Value in a failure message.
[[maybe_unused]] static void PrintTo(const Value& v, std::ostream* os) {
    *os << to_json(v);
}

namespace {

template <class... F>
struct Overloaded : F... {
    using F::operator()...;
};

// True when a YAML 1.1 reader (PyYAML, which cfn-lint uses) would read this plain scalar as
// something other than a string: a bool, null, a number or a timestamp.
bool yaml11_reads_as_non_string(const std::string& s) {
    static const std::regex bool_or_null(
        "y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|"
        "~|null|Null|NULL|");
    static const std::regex number(
        "[-+]?(0b[01_]+|0x[0-9a-fA-F_]+|0o?[0-7_]+|[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?|"
        "(\\.[0-9_]+|[0-9][0-9_]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?|\\.(inf|Inf|INF))|"
        "\\.(nan|NaN|NAN)");
    static const std::regex timestamp("[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?");
    return std::regex_match(s, bool_or_null) || std::regex_match(s, number) ||
           std::regex_match(s, timestamp);
}

// A scalar as a renderer that wrote `value` meant it: plain true/false and integers are values of
// their own; a plain scalar YAML would read as anything else but a string is a rendering bug.
Value plain_scalar(const std::string& text) {
    static const std::regex integer("-?(0|[1-9][0-9]*)");
    if (text == "true") return true;
    if (text == "false") return false;
    if (std::regex_match(text, integer)) return std::int64_t{std::stoll(text)};
    if (yaml11_reads_as_non_string(text))
        ADD_FAILURE() << "plain scalar \"" << text << "\" does not read back as a string";
    return text;
}

std::string string_of(const YAML::Node& node) {
    if (!node.IsScalar()) {
        ADD_FAILURE() << "expected a scalar at line " << node.Mark().line + 1;
        return {};
    }
    if (node.Tag() == "?" && yaml11_reads_as_non_string(node.Scalar()))
        ADD_FAILURE() << "plain scalar \"" << node.Scalar() << "\" does not read back as a string";
    return node.Scalar();
}

// A parsed YAML document back as the Value it was rendered from: tags become intrinsics, and
// {"Fn::ImportValue": x} (how the renderer writes an import of a non-string) an ImportValue.
Value from_yaml(const YAML::Node& node) {
    const auto& tag = node.Tag();
    if (tag == "!Ref") return Ref{string_of(node)};
    if (tag == "!Sub") return Sub{string_of(node)};
    if (tag == "!GetAZs") return GetAZs{string_of(node)};
    if (tag == "!ImportValue") return ImportValue{Value(string_of(node))};
    if (tag == "!GetAtt") {
        const auto text = string_of(node);
        const auto dot = text.find('.');
        if (dot == std::string::npos) {
            ADD_FAILURE() << "!GetAtt without a dot: " << text;
            return GetAtt{text, ""};
        }
        return GetAtt{text.substr(0, dot), text.substr(dot + 1)};
    }
    if (tag == "!Join" || tag == "!Select") {
        if (!node.IsSequence() || node.size() != 2) {
            ADD_FAILURE() << tag << " is not a list of two";
            return "<bad " + tag + ">";
        }
        const auto second = from_yaml(node[1]);
        if (tag == "!Select")
            return Select{std::get<std::int64_t>(plain_scalar(node[0].Scalar()).v), second};
        if (!std::holds_alternative<List>(second.v)) {
            ADD_FAILURE() << "!Join parts are not a list";
            return "<bad !Join>";
        }
        return Join{string_of(node[0]), std::get<List>(second.v)};
    }
    if (!tag.empty() && tag != "?" && tag != "!") {
        ADD_FAILURE() << "unexpected tag " << tag;
    }
    switch (node.Type()) {
        case YAML::NodeType::Scalar:
            return tag == "!" ? Value(node.Scalar()) : plain_scalar(node.Scalar());
        case YAML::NodeType::Sequence: {
            List list;
            for (const auto& item : node)
                list.push_back(from_yaml(item));
            return list;
        }
        case YAML::NodeType::Map: {
            Map map;
            for (const auto& entry : node) {
                const auto key = string_of(entry.first);
                if (!map.emplace(key, from_yaml(entry.second)).second)
                    ADD_FAILURE() << "key \"" << key << "\" appears twice";
            }
            if (map.size() == 1 && map.contains("Fn::ImportValue"))
                return ImportValue{map.at("Fn::ImportValue")};
            return map;
        }
        case YAML::NodeType::Null:
        case YAML::NodeType::Undefined:
            break;
    }
    ADD_FAILURE() << "null at line " << node.Mark().line + 1;
    return "<null>";
}

bool is_empty_container(const Value& v) {
    if (const auto* l = std::get_if<List>(&v.v)) return l->empty();
    if (const auto* m = std::get_if<Map>(&v.v)) return m->empty();
    return false;
}

// `v` as the renderers promise to write it: empty lists and maps inside maps left out.
Value rendered_shape(const Value& v) {
    return std::visit(
        Overloaded{
            [](const Map& m) -> Value {
                Map out;
                for (const auto& [key, item] : m) {
                    if (!is_empty_container(item)) out.emplace(key, rendered_shape(item));
                }
                return out;
            },
            [](const List& l) -> Value {
                List out;
                for (const auto& item : l)
                    out.push_back(rendered_shape(item));
                return out;
            },
            [](const Join& j) -> Value {
                return Join{j.separator, std::get<List>(rendered_shape(j.parts).v)};
            },
            [](const Select& s) -> Value {
                return Select{s.index, rendered_shape(*s.list)};
            },
            [](const ImportValue& i) -> Value { return ImportValue{rendered_shape(*i.name)}; },
            [&](const auto&) -> Value { return v; },
        },
        v.v);
}

// Renders `v` as YAML, parses it back and checks it is the same value.
void expect_round_trip(const Value& v) {
    const auto yaml = to_yaml(v);
    SCOPED_TRACE("YAML:\n" + yaml);
    YAML::Node node;
    try {
        node = YAML::Load(yaml);
    } catch (const YAML::Exception& e) {
        FAIL() << "the YAML does not parse: " << e.what();
    }
    EXPECT_EQ(from_yaml(node), rendered_shape(v));
}

Template big_template() {
    Template t("emrctl: demo (network, storage, cluster)");
    const auto vpc = t.add(
        "Vpc", Resource{.type = "AWS::EC2::VPC",
                        .properties = {{"CidrBlock", "172.16.0.0/22"},
                                       {"EnableDnsHostnames", true},
                                       {"EnableDnsSupport", true},
                                       {"Tags", List{Map{{"Key", "Name"}, {"Value", "demo"}}}}}});
    const auto subnet = t.add(
        "PrivateSubnet1",
        Resource{
            .type = "AWS::EC2::Subnet",
            .properties = {{"VpcId", vpc.ref()},
                           {"AvailabilityZone", select(0, get_azs())},
                           {"CidrBlock", select(1, Value(List{"172.16.0.0/24", "172.16.1.0/24"}))},
                           {"MapPublicIpOnLaunch", false},
                           {"Tags", List{}}}});
    const auto bucket = t.add(
        "DataBucket",
        Resource{.type = "AWS::S3::Bucket",
                 .properties = {{"BucketName", sub("demo-data-${AWS::AccountId}-${AWS::Region}")},
                                {"VersioningConfiguration", Map{{"Status", "Enabled"}}},
                                {"LifecycleConfiguration",
                                 Map{{"Rules", List{Map{{"Id", "expire-logs"},
                                                        {"Prefix", "logs/"},
                                                        {"ExpirationInDays", 30},
                                                        {"Status", "Enabled"}}}}}}},
                 .deletion_policy = DeletionPolicy::retain,
                 .update_replace_policy = DeletionPolicy::retain});
    const auto role = t.add(
        "JobFlowRole",
        Resource{
            .type = "AWS::IAM::Role",
            .properties = {
                {"AssumeRolePolicyDocument",
                 Map{{"Version", "2012-10-17"},
                     {"Statement", List{Map{{"Effect", "Allow"},
                                            {"Principal", Map{{"Service", "ec2.amazonaws.com"}}},
                                            {"Action", List{"sts:AssumeRole"}}}}}}},
                {"Policies",
                 List{Map{{"PolicyName", "data"},
                          {"PolicyDocument",
                           Map{{"Version", "2012-10-17"},
                               {"Statement",
                                List{Map{{"Effect", "Allow"},
                                         {"Action", List{"s3:GetObject", "s3:PutObject"}},
                                         {"Resource", List{bucket.att("Arn"),
                                                           sub("${DataBucket.Arn}/*")}}}}}}}}}}}});
    t.add("Cluster",
          Resource{.type = "AWS::EMR::Cluster",
                   .properties =
                       {{"Name", join("-", List{"demo", ref("AWS::StackName")})},
                        {"ReleaseLabel", "emr-7.14.0"},
                        {"Applications", List{Map{{"Name", "Hadoop"}}, Map{{"Name", "Spark"}}}},
                        {"JobFlowRole", role.ref()},
                        {"AutoTerminationPolicy", Map{{"IdleTimeout", 3600}}},
                        {"Instances", Map{{"Ec2SubnetId", subnet.ref()},
                                          {"CoreInstanceGroup", Map{{"InstanceCount", 2},
                                                                    {"InstanceType", "m6g.xlarge"},
                                                                    {"Market", "ON_DEMAND"}}},
                                          {"AdditionalMasterSecurityGroups", List{}}}},
                        {"LogUri", sub("s3://${DataBucket}/logs/")},
                        {"Configurations", List{}},
                        {"SharedVpc", import_value(sub("${AWS::Region}-shared-VpcId"))},
                        {"Imported", import_value("shared-Subnet")},
                        {"Empty", Map{}}},
                   .depends_on = {"DataBucket"}});
    t.add_output("ClusterId", Output{.value = ref("Cluster"),
                                     .description = "the cluster",
                                     .export_name = "demo-ClusterId"});
    t.add_output("BucketArn", Output{.value = bucket.att("Arn"), .description = "data bucket"});
    return t;
}

TEST(ToYaml, ATemplateReadsBackAsItsDocument) {
    const auto t = big_template();
    const auto yaml = to_yaml(t);
    SCOPED_TRACE("YAML:\n" + yaml);
    const auto node = YAML::Load(yaml);
    EXPECT_EQ(from_yaml(node), rendered_shape(to_document(t)));
    EXPECT_EQ(node["AWSTemplateFormatVersion"].Tag(), "!") << "the version must be quoted";
}

TEST(ToYaml, IsByteStable) {
    EXPECT_EQ(to_yaml(big_template()), to_yaml(big_template()));
}

TEST(ToYaml, SortsKeysWithTypeFirst) {
    const Value v = Map{{"b", 1}, {"Type", "X"}, {"a", Map{{"z", 1}, {"m", 2}}}};
    EXPECT_EQ(to_yaml(v), "Type: X\na:\n  m: 2\n  z: 1\nb: 1\n");
}

TEST(ToYaml, DropsEmptyListsAndMapsInsideMaps) {
    EXPECT_EQ(to_yaml(Map{{"a", List{}}, {"b", Map{}}, {"c", 1}}), "c: 1\n");
}

TEST(ToYaml, KeepsEmptyListsAndMapsInsideLists) {
    EXPECT_EQ(to_yaml(Map{{"k", List{List{}, Map{}}}}), "k:\n  - []\n  - {}\n");
}

TEST(ToYaml, WritesListsOfMapsAndListsOfLists) {
    EXPECT_EQ(to_yaml(List{Map{{"a", 1}, {"b", 2}}, List{"x", "w"}}),
              "- a: 1\n  b: 2\n- - x\n  - w\n");
}

TEST(ToYaml, RefShortForm) {
    EXPECT_EQ(to_yaml(Map{{"A", ref("Vpc")}}), "A: !Ref Vpc\n");
    EXPECT_EQ(to_yaml(Map{{"A", ref("AWS::Region")}}), "A: !Ref AWS::Region\n");
}

TEST(ToYaml, GetAttShortFormJoinsResourceAndAttributeWithADot) {
    EXPECT_EQ(to_yaml(Map{{"A", get_att("Db", "Endpoint.Address")}}),
              "A: !GetAtt Db.Endpoint.Address\n");
}

TEST(ToYaml, SubShortFormIsQuoted) {
    EXPECT_EQ(to_yaml(Map{{"A", sub("arn:${AWS::Partition}:s3:::${Bucket}/*")}}),
              "A: !Sub \"arn:${AWS::Partition}:s3:::${Bucket}/*\"\n");
}

TEST(ToYaml, GetAzsShortForm) {
    EXPECT_EQ(to_yaml(Map{{"A", get_azs()}}), "A: !GetAZs \"\"\n");
}

TEST(ToYaml, JoinIsATaggedBlockList) {
    EXPECT_EQ(to_yaml(Map{{"A", join(",", List{"a", ref("B")})}}),
              "A: !Join\n  - \",\"\n  - - a\n    - !Ref B\n");
}

TEST(ToYaml, SelectIsATaggedBlockList) {
    EXPECT_EQ(to_yaml(Map{{"A", select(0, get_azs())}}), "A: !Select\n  - 0\n  - !GetAZs \"\"\n");
}

TEST(ToYaml, IntrinsicsAsListItems) {
    EXPECT_EQ(to_yaml(List{ref("A"), select(1, List{"x", "w"})}),
              "- !Ref A\n- !Select\n  - 1\n  - - x\n    - w\n");
}

TEST(ToYaml, ImportValueOfAStringIsShort) {
    EXPECT_EQ(to_yaml(Map{{"A", import_value("shared-VpcId")}}), "A: !ImportValue shared-VpcId\n");
}

TEST(ToYaml, ImportValueOfASubIsLong) {
    const auto yaml = to_yaml(Map{{"A", import_value(sub("${Env}-VpcId"))}});
    const auto node = YAML::Load(yaml);
    ASSERT_TRUE(node["A"].IsMap()) << yaml;
    EXPECT_EQ(node["A"].size(), 1U) << yaml;
    EXPECT_EQ(node["A"]["Fn::ImportValue"].Tag(), "!Sub") << yaml;
    EXPECT_EQ(node["A"]["Fn::ImportValue"].Scalar(), "${Env}-VpcId") << yaml;
}

TEST(ToYaml, ImportValueOfAJoinIsLong) {
    expect_round_trip(Map{{"A", import_value(join("-", List{ref("AWS::Region"), "VpcId"}))}});
    expect_round_trip(List{import_value(sub("${AWS::Region}-VpcId"))});
}

TEST(ToYaml, QuotesStringsYamlWouldMisread) {
    for (const std::string s :
         {"true",   "True",        "false",     "yes",   "Yes",  "no",  "NO",    "on",   "off",
          "y",      "n",           "null",      "Null",  "~",    "123", "-5",    "1.5",  "1e3",
          "0x1F",   "2010-09-09",  "",          " lead", "a: b", "#x",  "- x",   "[x]",  "{x}",
          "*alias", "&anchor",     "!tag",      "@at",   "%p",   "'q'", "\"q\"", "a #b", "trail ",
          "a:",     "line\nbreak", "tab\there", ".inf",  "=",    "<<"}) {
        EXPECT_EQ(to_yaml(Map{{"k", s}}), "k: " + util::json_quote(s) + "\n") << s;
    }
}

TEST(ToYaml, WritesPlainWordsPlain) {
    for (const std::string s : {"hello", "m6g.xlarge", "Spark", "/var/log", "_x", "emr-7.14.0"}) {
        EXPECT_EQ(to_yaml(Map{{"k", s}}), "k: " + s + "\n") << s;
    }
}

TEST(ToYaml, WritesScalars) {
    EXPECT_EQ(to_yaml(Map{{"a", true}, {"b", false}, {"c", -3}, {"d", 0}}),
              "a: true\nb: false\nc: -3\nd: 0\n");
    EXPECT_EQ(to_yaml("top"), "top\n");
}

const std::vector<std::string>& nasty_strings() {
    static const std::vector<std::string> strings{"true",
                                                  "True",
                                                  "FALSE",
                                                  "yes",
                                                  "Yes",
                                                  "no",
                                                  "No",
                                                  "on",
                                                  "Off",
                                                  "y",
                                                  "Y",
                                                  "n",
                                                  "N",
                                                  "null",
                                                  "Null",
                                                  "NULL",
                                                  "~",
                                                  "123",
                                                  "-5",
                                                  "+1",
                                                  "012",
                                                  "0o17",
                                                  "0x1F",
                                                  "1_000",
                                                  "1e3",
                                                  "1.5",
                                                  ".5",
                                                  ".inf",
                                                  "-.inf",
                                                  ".nan",
                                                  "NaN",
                                                  "1:20",
                                                  "2010-09-09",
                                                  "2001-12-14t21:59:43",
                                                  "",
                                                  " ",
                                                  " lead",
                                                  "trail ",
                                                  "a: b",
                                                  "a:b",
                                                  "a:",
                                                  ":",
                                                  "a :b",
                                                  "#x",
                                                  "a #b",
                                                  "a# b",
                                                  "- x",
                                                  "-",
                                                  "--",
                                                  "---",
                                                  "...",
                                                  "?",
                                                  "? x",
                                                  "a ? b",
                                                  "[x]",
                                                  "{x}",
                                                  "x,y",
                                                  "a, b",
                                                  "*alias",
                                                  "&anchor",
                                                  "!tag",
                                                  "!!str",
                                                  "%dir",
                                                  "@at",
                                                  "`tick",
                                                  "|",
                                                  ">",
                                                  "'single'",
                                                  "\"double\"",
                                                  "it's",
                                                  "back\\slash",
                                                  "tab\there",
                                                  "line\nbreak",
                                                  "cr\r",
                                                  "bell\x07",
                                                  "del\x7f",
                                                  "caf\xc3\xa9",
                                                  "=",
                                                  "<<",
                                                  "a  b",
                                                  "Fn::Sub",
                                                  "${AWS::Region}",
                                                  "arn:aws:s3:::bucket/*",
                                                  "s3://bucket/key",
                                                  "10.0.0.0/16",
                                                  "m6g.xlarge",
                                                  "AWS::EC2::VPC",
                                                  "Yes please",
                                                  "0",
                                                  "00",
                                                  "-0",
                                                  "1.",
                                                  "9223372036854775808"};
    return strings;
}

TEST(ToYaml, NastyStringsReadBackAsMapValues) {
    for (const auto& s : nasty_strings())
        expect_round_trip(Map{{"Value", s}});
}

TEST(ToYaml, NastyStringsReadBackAsKeys) {
    for (const auto& s : nasty_strings())
        expect_round_trip(Map{{s, "v"}});
}

TEST(ToYaml, NastyStringsReadBackAsListItems) {
    for (const auto& s : nasty_strings())
        expect_round_trip(List{s, List{s}, Map{{"k", s}}});
}

TEST(ToYaml, NastyStringsReadBackInsideIntrinsics) {
    for (const auto& s : nasty_strings()) {
        expect_round_trip(Map{{"Sub", Sub{s}},
                              {"Azs", GetAZs{s}},
                              {"Import", ImportValue{Value(s)}},
                              {"Join", Join{s, List{s, s}}},
                              {"Select", Select{0, Value(List{s})}}});
    }
}

TEST(ToYaml, GetAttOfEveryAttributeCloudFormationHasReadsBack) {
    expect_round_trip(Map{{"A", get_att("Db", "Endpoint.Port")}});
    // Anything else is not an attribute, and is refused before it could reach the renderer.
    EXPECT_THROW((void)get_att("Db", "Port #1"), std::logic_error);
    EXPECT_THROW((void)get_att("Db", "a: b"), std::logic_error);
}

TEST(ToYaml, AMapWhoseMembersAreAllDroppedIsAnEmptyMap) {
    const Value v = Map{{"A", Map{{"B", List{}}}}, {"C", 1}};
    EXPECT_EQ(from_yaml(YAML::Load(to_yaml(v))), Value(Map{{"A", Map{}}, {"C", 1}}));
}

TEST(ToYaml, AListItemWhoseMembersAreAllDroppedIsAnEmptyMap) {
    const Value v = List{Map{{"a", List{}}}, "x"};
    EXPECT_EQ(from_yaml(YAML::Load(to_yaml(v))), Value(List{Map{}, "x"}));
}

TEST(ToYaml, EmptyTopLevelContainersReadBackAsEmpty) {
    EXPECT_TRUE(YAML::Load(to_yaml(Map{})).IsMap());
    EXPECT_TRUE(YAML::Load(to_yaml(List{})).IsSequence());
}

// Projects unlike each other, so their stacks use every part of the resource sets.
std::vector<config::Project> varied_projects() {
    auto small = config::native_defaults();
    small.name = "demo";
    small.suffix = "a1b2c3";
    small.jobs = {config::Job{.name = "pi", .script = "jobs/pi.py"},
                  config::Job{.name = "word-count",
                              .script = "jobs/wc.py",
                              .args = {"--top", "10"},
                              .data = "data/articles"}};

    auto big = small;
    big.name = "big-project";
    big.region = "eu-west-3";
    big.network = {
        .cidr = "10.0.0.0/16", .azs = 3, .nat = config::NatGateways::per_az, .endpoints = {}};
    big.cluster.release = "emr-spark-8.0.0";
    big.cluster.applications = {"Spark", "Livy"};
    big.cluster.core = {.type = "r7g.2xlarge", .count = 0, .market = config::Market::spot};
    big.cluster.bootstrap = {"bootstrap/setup.sh"};
    big.existing_data_buckets = {"shared-data", "s3://other-data"};
    big.jobs.push_back(config::Job{.name = "agg",
                                   .script = "jobs/agg.jar",
                                   .data_uri = "s3://shared-data/events/",
                                   .main_class = "com.example.Agg",
                                   .spark_conf = {{"spark.executor.memory", "4g"}},
                                   .on_failure = config::ActionOnFailure::terminate_cluster});

    auto seed = config::seed_defaults();
    seed.suffix = "x9";
    seed.cluster.bootstrap = {"ec2_bootstrap_scripts/bootstrap.sh"};
    seed.jobs = {
        config::Job{.name = "step1", .script = "emr_steps/code/step1.py"},
        config::Job{
            .name = "step2", .script = "s3://b/code/step2.py", .data_uri = "s3://b/step2/"}};
    return {small, big, seed};
}

TEST(ToYaml, SynthesizedStacksReadBackAsTheirDocuments) {
    for (const auto& project : varied_projects()) {
        for (const auto& stack : stacks::synthesize(project)) {
            SCOPED_TRACE(stack.name);
            const auto yaml = to_yaml(stack.body);
            YAML::Node node;
            ASSERT_NO_THROW(node = YAML::Load(yaml)) << yaml;
            const auto back = from_yaml(node);
            EXPECT_EQ(back, rendered_shape(to_document(stack.body))) << yaml;
            EXPECT_EQ(to_json(back), to_json(stack.body));
        }
    }
}

TEST(ToYaml, AgreesWithToJson) {
    const auto t = big_template();
    const auto back = from_yaml(YAML::Load(to_yaml(t)));
    EXPECT_EQ(to_json(back), to_json(t));
}

}  // namespace
}  // namespace emrctl::cfn
