#include <array>

#include <emrctl/config/defaults.hpp>
#include <emrctl/config/seed_layout.hpp>
#include <emrctl/config/yaml_reader.hpp>

namespace emrctl::config {

namespace {

constexpr std::array<std::string_view, 1> k_top_keys{"steps"};
constexpr std::array<std::string_view, 5> k_step_keys{"name", "code_filename", "data_source_folder",
                                                      "data_source_bucket", "code_source_folder"};

std::string strip_slashes(std::string s) {
    while (s.starts_with('/'))
        s.erase(0, 1);
    while (s.ends_with('/'))
        s.pop_back();
    return s;
}

// Reports a seed value under the model's key path, so validation finds it, while messages keep
// naming the seed's key.
void alias(SourceMap& sources, const std::string& model_path, const std::string& seed_path) {
    if (const auto* where = sources.find(seed_path)) sources.record(model_path, *where);
}

Job read_step(YamlReader& r, SourceMap& sources, const YAML::Node& node, std::size_t index) {
    const auto seed_path = "steps[" + std::to_string(index) + "]";
    const auto path = "jobs[" + std::to_string(index) + "]";
    alias(sources, path, seed_path);
    Job job = native_job_defaults();
    if (!r.map(node, seed_path, k_step_keys)) return job;

    std::string code_filename;
    std::string data_folder;
    std::string bucket;
    std::string code_folder;
    if (auto n = node["name"]) {
        r.string(n, seed_path + ".name", job.name);
    } else {
        r.problem(node, seed_path, "this step has no name", "add \"name\": \"<step name>\"");
    }
    if (auto n = node["code_filename"]) {
        r.string(n, seed_path + ".code_filename", code_filename);
    } else {
        r.problem(node, seed_path, "this step has no code_filename",
                  "add \"code_filename\": \"<script>.py\", a file in emr_steps/code/");
    }
    if (auto n = node["data_source_folder"]) {
        r.string(n, seed_path + ".data_source_folder", data_folder);
    }
    if (auto n = node["data_source_bucket"]) {
        r.string(n, seed_path + ".data_source_bucket", bucket);
        if (!bucket.empty() && !bucket.starts_with("s3://")) {
            r.problem(n, seed_path + ".data_source_bucket",
                      "data_source_bucket \"" + bucket + "\" is not an s3:// URI",
                      "write it as s3://<bucket name>");
        }
    }
    if (auto n = node["code_source_folder"]) {
        r.string(n, seed_path + ".code_source_folder", code_folder);
        if (bucket.empty()) {
            r.problem(n, seed_path + ".code_source_folder",
                      "code_source_folder needs a data_source_bucket to be read from",
                      "add \"data_source_bucket\": \"s3://<bucket>\", or remove "
                      "code_source_folder to upload the code from emr_steps/code/");
        }
    }
    bucket = strip_slashes(bucket);

    if (!code_folder.empty() && !bucket.empty()) {
        job.script = bucket + "/" + strip_slashes(code_folder) + "/" + code_filename;
    } else if (!code_filename.empty()) {
        job.script = "emr_steps/code/" + code_filename;
    }
    alias(sources, path + ".name", seed_path + ".name");
    alias(sources, path + ".script", seed_path + ".code_filename");
    if (!data_folder.empty()) {
        if (!bucket.empty()) {
            job.data_uri = bucket + "/" + strip_slashes(data_folder) + "/";
            alias(sources, path + ".data", seed_path + ".data_source_folder");
        } else {
            job.data = "emr_steps/data/" + strip_slashes(data_folder);
            alias(sources, path + ".data", seed_path + ".data_source_folder");
        }
    }
    return job;
}

}  // namespace

std::vector<Error> parse_seed_steps(std::string_view text, const std::string& file,
                                    Project& project, SourceMap& sources) {
    YamlReader r(file, text, sources);
    const auto root = r.load();
    if (!r.ok()) return r.take_problems();
    if (root.IsNull()) {
        r.problem(root, "", "the steps file is empty",
                  "write {\"steps\": [{\"name\": \"step1\", \"code_filename\": \"step1.py\"}]}");
        return r.take_problems();
    }
    if (!r.map(root, "", k_top_keys)) return r.take_problems();
    const auto steps = root["steps"];
    if (!steps) {
        r.problem(root, "steps", "there is no \"steps\" list",
                  "write {\"steps\": [{\"name\": \"step1\", \"code_filename\": \"step1.py\"}]}");
        return r.take_problems();
    }
    if (!r.list(steps, "steps")) return r.take_problems();
    std::vector<Job> jobs;
    for (std::size_t i = 0; i < steps.size(); ++i)
        jobs.push_back(read_step(r, sources, steps[i], i));
    project.jobs = std::move(jobs);
    return r.take_problems();
}

}  // namespace emrctl::config
