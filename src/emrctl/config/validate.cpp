#include <algorithm>
#include <array>
#include <cctype>
#include <regex>
#include <set>

#include <emrctl/config/bucket_layout.hpp>
#include <emrctl/config/releases.hpp>
#include <emrctl/config/validate.hpp>
#include <emrctl/util/cidr.hpp>
#include <emrctl/util/duration.hpp>
#include <emrctl/util/strings.hpp>

namespace emrctl::config {

namespace {

constexpr int k_max_name_length = 40;  // leaves room for "-logs-" and the suffix in 63
constexpr int k_max_suffix_length = 16;
constexpr int k_max_azs = 3;  // every commercial region has at least three
constexpr int k_max_core_count = 256;
constexpr std::chrono::seconds k_min_idle{60};
constexpr std::chrono::seconds k_max_idle{604800};
constexpr int k_smallest_subnet_prefix = 28;  // AWS's smallest subnet

constexpr std::array<std::string_view, 24> k_applications{"AmazonCloudWatchAgent",
                                                          "Delta",
                                                          "Flink",
                                                          "HBase",
                                                          "HCatalog",
                                                          "Hadoop",
                                                          "Hive",
                                                          "Hudi",
                                                          "Hue",
                                                          "Iceberg",
                                                          "JupyterEnterpriseGateway",
                                                          "JupyterHub",
                                                          "Livy",
                                                          "MXNet",
                                                          "Oozie",
                                                          "Phoenix",
                                                          "Pig",
                                                          "Presto",
                                                          "Spark",
                                                          "Sqoop",
                                                          "Tez",
                                                          "Trino",
                                                          "Zeppelin",
                                                          "ZooKeeper"};
constexpr std::array<std::string_view, 7> k_spark_runtime_applications{
    "AmazonCloudWatchAgent",    "Delta", "Hudi", "Iceberg",
    "JupyterEnterpriseGateway", "Livy",  "Spark"};

class Checker {
  public:
    Checker(const SourceMap& sources) : m_sources(sources) {}

    void problem(const std::string& path, std::string message, std::string hint) {
        m_problems.push_back(Error{.kind = ErrorKind::config,
                                   .message = std::move(message),
                                   .hint = std::move(hint),
                                   .where = m_sources.locate(path)});
    }
    std::vector<Error> take() { return std::move(m_problems); }

  private:
    const SourceMap& m_sources;
    std::vector<Error> m_problems;
};

bool is_lower_dns_label(const std::string& s) {
    if (s.empty() || std::islower(static_cast<unsigned char>(s.front())) == 0) return false;
    if (s.back() == '-' || s.find("--") != std::string::npos) return false;
    for (char c : s) {
        if (std::islower(static_cast<unsigned char>(c)) == 0 &&
            std::isdigit(static_cast<unsigned char>(c)) == 0 && c != '-') {
            return false;
        }
    }
    return true;
}

std::string quoted(const std::string& s) {
    return "\"" + s + "\"";
}

void check_naming(Checker& c, const Project& p) {
    if (p.name.empty()) {
        c.problem("name", "the project has no name",
                  "add `name: my-project` at the top; it prefixes every resource emrctl creates");
    } else if (!is_lower_dns_label(p.name) || p.name.size() > k_max_name_length) {
        c.problem("name", quoted(p.name) + " cannot prefix AWS resource names",
                  "use up to 40 lowercase letters, digits and single hyphens, starting with a "
                  "letter, e.g. \"spark-homework\"");
    }
    if (!p.suffix.empty()) {
        const bool good =
            p.suffix.size() <= k_max_suffix_length && std::ranges::all_of(p.suffix, [](char ch) {
                return std::islower(static_cast<unsigned char>(ch)) != 0 ||
                       std::isdigit(static_cast<unsigned char>(ch)) != 0;
            });
        if (!good) {
            c.problem("naming_suffix", "naming suffix " + quoted(p.suffix) + " is not usable",
                      "use 1 to 16 lowercase letters and digits, or leave it out and emrctl "
                      "generates one");
        }
    }
    if (p.region) {
        static const std::regex region_format("[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]");
        if (!std::regex_match(*p.region, region_format)) {
            c.problem("region", quoted(*p.region) + " is not an AWS region name",
                      "write a region code such as us-east-1 or eu-west-3");
        }
    }
}

void check_network(Checker& c, const Network& n) {
    const auto cidr = util::parse_cidr(n.cidr);
    if (!cidr) {
        c.problem("network.cidr", quoted(n.cidr) + " is not an IPv4 CIDR block",
                  "write an address and a prefix length, e.g. 172.16.0.0/22");
    } else if (!cidr->host_bits_zero()) {
        c.problem("network.cidr",
                  quoted(n.cidr) + " is not the first address of a /" +
                      std::to_string(cidr->prefix) + " block",
                  "did you mean " + cidr->network().to_string() + "?");
    } else if (cidr->prefix < 16 || cidr->prefix > 28) {
        c.problem("network.cidr",
                  "a VPC of /" + std::to_string(cidr->prefix) +
                      " is outside what AWS allows (/16 to /28)",
                  "use a block from /16 (65,536 addresses) to /28 (16), e.g. 172.16.0.0/22");
    } else if (n.azs >= 1 && n.azs <= k_max_azs &&
               subnet_prefix(cidr->prefix, 2 * n.azs) > k_smallest_subnet_prefix) {
        c.problem("network.cidr",
                  quoted(n.cidr) + " is too small for " + std::to_string(2 * n.azs) +
                      " subnets (a public and a private one per AZ)",
                  "use a larger block (a smaller prefix length, e.g. /22) or fewer azs");
    }
    if (n.azs < 1 || n.azs > k_max_azs) {
        c.problem("network.azs", std::to_string(n.azs) + " availability zones is out of range",
                  "use 1 to 3; EMR instance groups run in the first AZ, more only add subnets");
    }
}

std::string suggest_release(const std::string& label) {
    std::vector<std::string_view> labels;
    for (const auto& r : known_releases())
        labels.push_back(r.label);
    return util::closest_match(label, labels);
}

void check_release(Checker& c, const Cluster& cl) {
    if (!find_release(cl.release)) {
        const auto guess = suggest_release(cl.release);
        c.problem("cluster.release", "unknown EMR release label " + quoted(cl.release),
                  (guess.empty() ? std::string() : "did you mean \"" + guess + "\"? ") +
                      "emrctl knows emr-6.11.0 to emr-7.14.0 and emr-spark-8.0.0; "
                      "emr-7.14.0 is the newest 7.x (Spark 3.5)");
    }
    const bool runtime = is_spark_runtime(cl.release);
    const std::span<const std::string_view> allowed =
        runtime ? std::span<const std::string_view>(k_spark_runtime_applications)
                : std::span<const std::string_view>(k_applications);
    bool has_spark = false;
    for (std::size_t i = 0; i < cl.applications.size(); ++i) {
        const auto& app = cl.applications[i];
        has_spark = has_spark || app == "Spark";
        if (std::ranges::find(allowed, app) != allowed.end()) continue;
        const auto path = "cluster.applications[" + std::to_string(i) + "]";
        const auto guess = util::closest_match(app, allowed);
        if (runtime && std::ranges::find(k_applications, app) != k_applications.end()) {
            c.problem(path, cl.release + " does not ship " + app,
                      "remove it: the Spark runtime releases have " + util::one_of(allowed));
        } else {
            c.problem(path, "unknown EMR application " + quoted(app),
                      guess.empty() ? "use names as EMR spells them, e.g. Hadoop, Spark, Livy"
                                    : "did you mean \"" + guess + "\"?");
        }
    }
    if (!has_spark) {
        c.problem("cluster.applications", "Spark is not among the cluster's applications",
                  "add Spark: every emrctl job is a Spark job");
    }
}

// Everything emrctl uploads comes from inside the project folder, so a project is one folder a
// person can zip, commit or hand over.
bool inside_project(const std::string& path) {
    if (path.starts_with('/')) return false;
    for (const auto& part : util::split(path, '/')) {
        if (part == "..") return false;
    }
    return true;
}

bool check_inside(Checker& c, const std::string& key, const std::string& path) {
    if (path.empty() || is_s3_uri(path) || inside_project(path)) return true;
    c.problem(key, quoted(path) + " is outside the project folder",
              "move it into the project folder and write its path relative to it, or use an "
              "s3:// URI for data already in S3");
    return false;
}

// EMR runs on large and bigger sizes; its newer general-purpose families start at xlarge.
void check_instance_type(Checker& c, const std::string& path, const std::string& type) {
    static const std::regex format(
        "([a-z][a-z0-9-]*)\\.([0-9]*xlarge|large|medium|small|micro|"
        "nano|metal(-[0-9]+xl)?)");
    std::smatch m;
    if (!std::regex_match(type, m, format)) {
        c.problem(path, quoted(type) + " is not an EC2 instance type",
                  "write family.size, e.g. m6g.xlarge or m5.2xlarge");
        return;
    }
    const auto family = m[1].str();
    const auto size = m[2].str();
    if (size == "nano" || size == "micro" || size == "small" || size == "medium") {
        c.problem(path, "EMR does not run on " + size + " instances (" + type + ")",
                  "use " + family + ".xlarge or larger");
        return;
    }
    static const std::regex newer_family("[mcr][5-9][a-z]*");
    if (size == "large" && std::regex_match(family, newer_family)) {
        c.problem(path, "EMR supports " + family + " from " + family + ".xlarge, not " + type,
                  "use " + family + ".xlarge, or m4.large for the smallest supported node");
    }
}

void check_cluster(Checker& c, const Cluster& cl, const FileFacts& files) {
    check_release(c, cl);
    check_instance_type(c, "cluster.primary.type", cl.primary.type);
    check_instance_type(c, "cluster.core.type", cl.core.type);
    if (cl.core.count < 0 || cl.core.count > k_max_core_count) {
        c.problem("cluster.core.count",
                  std::to_string(cl.core.count) + " core instances is out of range",
                  "use 0 (a single-node cluster) to 256");
    }
    if (cl.idle_timeout < k_min_idle || cl.idle_timeout > k_max_idle) {
        c.problem("cluster.idle_timeout",
                  "idle timeout " + util::format_duration(cl.idle_timeout) +
                      " is outside what EMR accepts",
                  "use 1m to 7d (60 to 604800 seconds), e.g. 1h");
    }
    for (std::size_t i = 0; i < cl.bootstrap.size(); ++i) {
        const auto& script = cl.bootstrap[i];
        if (!check_inside(c, "cluster.bootstrap[" + std::to_string(i) + "]", script)) continue;
        if (is_s3_uri(script) || files.kind(script) == PathKind::file) continue;
        c.problem("cluster.bootstrap[" + std::to_string(i) + "]",
                  "bootstrap script " + quoted(script) + " does not exist",
                  "write a path relative to the project folder, or an s3:// URI");
    }
}

void check_job_files(Checker& c, const SourceMap& sources, const Job& job, const std::string& path,
                     const FileFacts& files) {
    if (job.script.empty() && sources.find(path + ".script")) {
        c.problem(path + ".script", "the job's script is empty",
                  "name the PySpark script the job runs, e.g. jobs/wordcount.py");
        return;
    }
    if (!check_inside(c, path + ".script", job.script) ||
        (job.data && !check_inside(c, path + ".data", *job.data))) {
        return;
    }
    const bool jar = job.script.ends_with(".jar");
    if (!is_s3_uri(job.script) && !job.script.empty()) {
        const auto kind = files.kind(job.script);
        if (kind == PathKind::folder) {
            c.problem(path + ".script", quoted(job.script) + " is a folder, not a script",
                      "name the .py file the job runs");
        } else if (kind != PathKind::file) {
            c.problem(path + ".script", "script " + quoted(job.script) + " does not exist",
                      "write a path relative to the project folder, e.g. jobs/" +
                          util::letters_and_digits(job.name) + ".py");
        }
    }
    if (!job.script.empty() && !jar && !job.script.ends_with(".py")) {
        c.problem(path + ".script", "script " + quoted(job.script) + " is neither .py nor .jar",
                  "a job runs a PySpark script (.py) or a jar with main_class");
    }
    if (jar && !job.main_class) {
        c.problem(path + ".main_class", "the jar job has no main class",
                  "add `main_class: com.example.Main`");
    }
    if (!jar && job.main_class) {
        c.problem(path + ".main_class", "main_class is for .jar scripts only",
                  "remove main_class from this Python job");
    }
    if (job.data) {
        const auto kind = files.kind(*job.data);
        if (kind == PathKind::file) {
            c.problem(path + ".data", quoted(*job.data) + " is a file, not a folder",
                      "name the folder that holds the job's data");
        } else if (kind != PathKind::folder) {
            c.problem(path + ".data", "data folder " + quoted(*job.data) + " does not exist",
                      "create it, or fix the path (relative to the project folder)");
        }
    }
}

void check_jobs(Checker& c, const SourceMap& sources, const std::vector<Job>& jobs,
                const FileFacts& files) {
    std::map<std::string, std::size_t> names;
    std::map<std::string, std::size_t> folders;
    std::map<std::string, std::size_t> code_keys;
    for (std::size_t i = 0; i < jobs.size(); ++i) {
        const auto& job = jobs[i];
        const auto path = "jobs[" + std::to_string(i) + "]";
        if (!is_s3_uri(job.script) && !job.script.empty() && inside_project(job.script)) {
            const auto [other, fresh] = code_keys.emplace(code_key(job), i);
            if (!fresh && jobs[other->second].script != job.script) {
                c.problem(path + ".script",
                          quoted(job.script) + " and " + quoted(jobs[other->second].script) +
                              " would both upload to " + code_key(job),
                          "give the scripts different file names");
            }
        }
        const auto folder = folder_name(job);
        if (job.name.empty()) {
            // A missing name was reported by the parser; an empty one is reported here.
            if (sources.find(path + ".name")) {
                c.problem(path + ".name", "the job's name is empty",
                          "give the job a name; it names its output folder, e.g. \"wordcount\"");
            }
        } else if (folder.empty()) {
            c.problem(path + ".name", "job name " + quoted(job.name) + " has no letters or digits",
                      "its output folder is named after its letters and digits: use e.g. "
                      "\"wordcount\"");
        } else if (auto [it, fresh] = names.emplace(job.name, i); !fresh) {
            const auto first = sources.locate("jobs[" + std::to_string(it->second) + "].name");
            c.problem(path + ".name",
                      "job name " + quoted(job.name) + " is already used by " +
                          parent_path(first.key_path),
                      "give every job its own name");
        } else if (auto [f, new_folder] = folders.emplace(folder, i); !new_folder) {
            c.problem(path + ".name",
                      "job names " + quoted(jobs[f->second].name) + " and " + quoted(job.name) +
                          " both write to outputs/" + folder + "/",
                      "rename one: outputs are named after the letters and digits of the name");
        }
        check_job_files(c, sources, job, path, files);
        for (const auto& [key, value] : job.spark_conf) {
            if (!key.starts_with("spark.")) {
                c.problem(path + ".spark_conf." + key,
                          "Spark setting " + quoted(key) + " does not start with \"spark.\"",
                          "write the full property name, e.g. spark.executor.memory");
            }
        }
    }
}

void check_buckets(Checker& c, const std::vector<std::string>& buckets) {
    static const std::regex bucket_format("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    for (std::size_t i = 0; i < buckets.size(); ++i) {
        const auto name = bucket_of(buckets[i]);
        if (!std::regex_match(name, bucket_format)) {
            c.problem("existing_data_buckets[" + std::to_string(i) + "]",
                      quoted(buckets[i]) + " is not an S3 bucket name",
                      "write the bucket's name, e.g. my-datasets or s3://my-datasets");
        }
    }
}

}  // namespace

int subnet_prefix(int vpc_prefix, int subnets) {
    int bits = 0;
    while ((1 << bits) < subnets)
        ++bits;
    return vpc_prefix + bits;
}

std::vector<Error> validate(const Project& project, const SourceMap& sources,
                            const FileFacts& files) {
    Checker c(sources);
    check_naming(c, project);
    check_network(c, project.network);
    check_cluster(c, project.cluster, files);
    check_jobs(c, sources, project.jobs, files);
    check_buckets(c, project.existing_data_buckets);
    return c.take();
}

}  // namespace emrctl::config
