#include <algorithm>
#include <atomic>
#include <map>
#include <mutex>
#include <set>

#include <nlohmann/json.hpp>

#include <emrctl/aws/services/s3/delete_objects.hpp>
#include <emrctl/aws/services/s3/list_objects.hpp>
#include <emrctl/aws/services/s3/multipart.hpp>
#include <emrctl/aws/services/s3/objects.hpp>
#include <emrctl/aws/services/s3/s3_protocol.hpp>
#include <emrctl/aws/sha256.hpp>
#include <emrctl/deploy/asset_publisher.hpp>
#include <emrctl/deploy/parallel.hpp>
#include <emrctl/util/interrupt.hpp>

namespace emrctl::deploy {

namespace {

using aws::Service;
using aws::protocol::Endpoint;

// What emrctl published to one bucket, as recorded there.
struct Published {
    std::string sha256;
    std::uint64_t size = 0;
    std::string etag;
};
using Record = std::map<std::string, Published>;

struct BucketState {
    Record record;
    std::map<std::string, aws::s3::ObjectSummary> listed;  // under the prefixes we publish to
};

struct Survey {
    PublishPlan plan;
    std::map<std::string, BucketState> buckets;
};

std::string render_record(const Record& record) {
    nlohmann::ordered_json objects = nlohmann::ordered_json::object();
    for (const auto& [key, p] : record) {
        objects[key] = {{"sha256", p.sha256}, {"size", p.size}, {"etag", p.etag}};
    }
    nlohmann::ordered_json doc{{"version", 1}, {"objects", std::move(objects)}};
    return doc.dump(1) + "\n";
}

// A record that cannot be read is as good as none: every asset is then compared with what the
// listing shows, and uploaded again, which is slow but never wrong.
Record parse_record(const std::string& text) {
    Record record;
    const auto doc = nlohmann::json::parse(text, nullptr, false);
    if (doc.is_discarded() || !doc.is_object() || !doc.contains("objects") ||
        !doc["objects"].is_object()) {
        return record;
    }
    for (const auto& [key, value] : doc["objects"].items()) {
        if (!value.is_object()) continue;
        record[key] = Published{.sha256 = value.value("sha256", ""),
                                .size = value.value("size", std::uint64_t{0}),
                                .etag = value.value("etag", "")};
    }
    return record;
}

Result<Record> read_record(const aws::Client& client, const std::string& bucket) {
    const aws::s3::GetObjectInput input{.bucket = bucket, .key = k_published_manifest_key};
    auto got = client.call(
        Service::s3, [&](const Endpoint& e) { return aws::s3::make_get_object_request(input, e); },
        aws::s3::parse_get_object_response);
    if (!got) {
        if (aws::s3::is_not_found(got.error()) && got.error().aws &&
            got.error().aws->code != "NoSuchBucket") {
            return Record{};
        }
        return std::unexpected(got.error());
    }
    return parse_record(got->body);
}

// "code/", "data/"…: the first segment of a key, so that listing stays within what emrctl
// publishes however large the rest of the bucket (outputs, logs) grows. Keys at the root share
// "", listed one level deep: one listing for them all, not one each.
std::string top_prefix(const std::string& key) {
    const auto slash = key.find('/');
    return slash == std::string::npos ? std::string() : key.substr(0, slash + 1);
}

Result<void> list_prefix(const aws::Client& client, const std::string& bucket,
                         const std::string& prefix,
                         std::map<std::string, aws::s3::ObjectSummary>& into) {
    aws::s3::ListObjectsV2Input input{
        .bucket = bucket, .prefix = prefix, .delimiter = prefix.empty() ? "/" : ""};
    while (true) {
        auto page = client.call(
            Service::s3,
            [&](const Endpoint& e) { return aws::s3::make_list_objects_v2_request(input, e); },
            aws::s3::parse_list_objects_v2_response);
        if (!page) return std::unexpected(page.error());
        for (auto& object : page->objects)
            into[object.key] = std::move(object);
        if (!page->is_truncated || page->next_continuation_token.empty()) return {};
        input.continuation_token = page->next_continuation_token;
    }
}

Result<Survey> survey(const aws::Client& client, const std::vector<AssetFile>& assets) {
    Survey s;
    std::map<std::string, std::set<std::string>> prefixes;
    for (const auto& a : assets)
        prefixes[a.bucket].insert(top_prefix(a.key));

    for (const auto& [bucket, wanted] : prefixes) {
        auto record = read_record(client, bucket);
        if (!record) {
            return std::unexpected(add_context(
                std::move(record.error()), "while reading what was published to s3://" + bucket));
        }
        BucketState state{.record = std::move(*record), .listed = {}};
        auto all = wanted;
        for (const auto& [key, _] : state.record)
            all.insert(top_prefix(key));
        for (const auto& prefix : all) {
            if (prefix == top_prefix(k_published_manifest_key)) continue;
            if (auto listed = list_prefix(client, bucket, prefix, state.listed); !listed) {
                return std::unexpected(add_context(std::move(listed.error()),
                                                   "while listing s3://" + bucket + "/" + prefix));
            }
        }
        s.buckets.emplace(bucket, std::move(state));
    }

    std::set<std::pair<std::string, std::string>> wanted_keys;
    for (const auto& a : assets) {
        wanted_keys.emplace(a.bucket, a.key);
        const auto& state = s.buckets.at(a.bucket);
        const auto published = state.record.find(a.key);
        const auto listed = state.listed.find(a.key);
        // Unchanged only when we published this content and the object is still what we put:
        // an object replaced or deleted behind our back goes up again.
        const bool unchanged = published != state.record.end() && listed != state.listed.end() &&
                               published->second.sha256 == a.sha256 &&
                               published->second.size == a.size && listed->second.size == a.size &&
                               listed->second.etag == published->second.etag;
        if (unchanged) {
            s.plan.unchanged.push_back(a);
        } else {
            s.plan.upload.push_back(a);
            s.plan.upload_bytes += a.size;
        }
    }
    for (const auto& [bucket, state] : s.buckets) {
        for (const auto& [key, _] : state.record) {
            if (!wanted_keys.contains({bucket, key}) && state.listed.contains(key)) {
                s.plan.remove.push_back({bucket, key});
            }
        }
    }
    return s;
}

std::uint64_t part_size_for(std::uint64_t size, std::uint64_t wanted) {
    const auto max_parts = static_cast<std::uint64_t>(aws::s3::k_max_parts);
    auto part = std::max(wanted, aws::s3::k_min_part_size);
    if ((size + part - 1) / part > max_parts) {
        constexpr std::uint64_t mib = 1024ULL * 1024;
        part = ((size + max_parts - 1) / max_parts + mib - 1) / mib * mib;
    }
    return part;
}

// One request of the upload: a whole small file, or one part of a large one.
struct Unit {
    std::size_t file = 0;  // index into the plan's uploads
    int part_number = 0;   // 0: the whole file in one PutObject
    std::uint64_t offset = 0;
    std::uint64_t length = 0;
};

struct Multipart {
    std::string upload_id;
    std::vector<aws::s3::CompletedPart> parts;
    std::atomic<std::size_t> remaining{0};
};

Error failed_file(Error e, const AssetFile& a) {
    return add_context(std::move(e),
                       "while uploading " + a.file.string() + " to s3://" + a.bucket + "/" + a.key);
}

class Upload {
  public:
    Upload(const aws::Client& client, const PublishPlan& plan, const PublishOptions& options,
           const PublishObserver& observer)
        : m_client(client),
          m_plan(plan),
          m_options(options),
          m_observer(observer),
          m_multipart(plan.upload.size()),
          m_etags(plan.upload.size()),
          m_done(plan.upload.size(), false) {
        m_progress.bytes_total = plan.upload_bytes;
        m_progress.files_total = plan.upload.size();
        for (std::size_t f = 0; f < plan.upload.size(); ++f) {
            const auto& a = plan.upload[f];
            if (a.size < options.multipart_threshold) {
                m_units.push_back({.file = f, .part_number = 0, .offset = 0, .length = a.size});
                continue;
            }
            m_large.push_back(f);
            const auto part = part_size_for(a.size, options.part_size);
            int number = 1;
            for (std::uint64_t at = 0; at < a.size; at += part, ++number) {
                m_units.push_back({.file = f,
                                   .part_number = number,
                                   .offset = at,
                                   .length = std::min(part, a.size - at)});
            }
            m_multipart[f] = std::make_unique<Multipart>();
            m_multipart[f]->parts.resize(static_cast<std::size_t>(number - 1));
            m_multipart[f]->remaining = static_cast<std::size_t>(number - 1);
        }
        // Large files' parts first: they take longest, and small files fill the gaps at the end.
        std::stable_partition(m_units.begin(), m_units.end(),
                              [](const Unit& u) { return u.part_number > 0; });
    }

    Result<void> run() {
        const auto stop = [] { return interrupt_requested(); };
        auto result = run_parallel(
            m_large.size(), m_options.concurrency,
            [&](std::size_t i) { return create(m_large[i]); }, stop);
        if (result) {
            result = run_parallel(
                m_units.size(), m_options.concurrency,
                [&](std::size_t i) { return send(m_units[i]); }, stop);
        }
        if (!result) abort_all();
        return result;
    }

    // The ETag S3 gave each uploaded file, empty for those that did not make it.
    const std::vector<std::string>& etags() const { return m_etags; }

  private:
    Result<void> create(std::size_t f) {
        const auto& a = m_plan.upload[f];
        const aws::s3::CreateMultipartUploadInput input{
            .bucket = a.bucket, .key = a.key, .metadata = {{"sha256", a.sha256}}};
        auto created = m_client.call(
            Service::s3,
            [&](const Endpoint& e) {
                return aws::s3::make_create_multipart_upload_request(input, e);
            },
            aws::s3::parse_create_multipart_upload_response);
        if (!created) return std::unexpected(failed_file(std::move(created.error()), a));
        m_multipart[f]->upload_id = created->upload_id;
        return {};
    }

    Result<void> send(const Unit& u) {
        const auto& a = m_plan.upload[u.file];
        const aws::FileBody body{.path = a.file.string(), .offset = u.offset, .length = u.length};
        if (u.part_number == 0) {
            const aws::s3::PutObjectInput input{.bucket = a.bucket,
                                                .key = a.key,
                                                .body = body,
                                                .payload_sha256_hex = a.sha256,
                                                .metadata = {{"sha256", a.sha256}}};
            auto put = m_client.call(
                Service::s3,
                [&](const Endpoint& e) { return aws::s3::make_put_object_request(input, e); },
                aws::s3::parse_put_object_response);
            if (!put) return std::unexpected(failed_file(std::move(put.error()), a));
            finish_file(u.file, put->etag, u.length);
            return {};
        }
        auto& mp = *m_multipart[u.file];
        const aws::s3::UploadPartInput input{.bucket = a.bucket,
                                             .key = a.key,
                                             .upload_id = mp.upload_id,
                                             .part_number = u.part_number,
                                             .body = body};
        auto part = m_client.call(
            Service::s3,
            [&](const Endpoint& e) { return aws::s3::make_upload_part_request(input, e); },
            aws::s3::parse_upload_part_response);
        if (!part) return std::unexpected(failed_file(std::move(part.error()), a));
        mp.parts[static_cast<std::size_t>(u.part_number - 1)] = {u.part_number, part->etag};
        add_bytes(u.length);
        // The worker that sends the last part completes the upload.
        if (mp.remaining.fetch_sub(1) != 1) return {};
        const aws::s3::CompleteMultipartUploadInput complete{
            .bucket = a.bucket, .key = a.key, .upload_id = mp.upload_id, .parts = mp.parts};
        auto done = m_client.call(
            Service::s3,
            [&](const Endpoint& e) {
                return aws::s3::make_complete_multipart_upload_request(complete, e);
            },
            aws::s3::parse_complete_multipart_upload_response);
        if (!done) return std::unexpected(failed_file(std::move(done.error()), a));
        finish_file(u.file, done->etag, 0);
        return {};
    }

    void add_bytes(std::uint64_t n) {
        const std::lock_guard lock(m_progress_mutex);
        m_progress.bytes_done += n;
        m_progress.last_key.clear();
        if (m_observer) m_observer(m_progress);
    }

    void finish_file(std::size_t f, std::string etag, std::uint64_t bytes) {
        const std::lock_guard lock(m_progress_mutex);
        m_etags[f] = std::move(etag);
        m_done[f] = true;
        m_progress.bytes_done += bytes;
        m_progress.files_done += 1;
        m_progress.last_key = m_plan.upload[f].key;
        if (m_observer) m_observer(m_progress);
    }

    // Parts already stored are billed until aborted; a failed abort is not worth failing the
    // deploy over (S3 lifecycle rules clean them up), so its result is dropped.
    void abort_all() {
        for (const auto f : m_large) {
            if (m_done[f] || m_multipart[f]->upload_id.empty()) continue;
            const auto& a = m_plan.upload[f];
            const aws::s3::AbortMultipartUploadInput input{
                .bucket = a.bucket, .key = a.key, .upload_id = m_multipart[f]->upload_id};
            (void)m_client.call(
                Service::s3,
                [&](const Endpoint& e) {
                    return aws::s3::make_abort_multipart_upload_request(input, e);
                },
                aws::s3::parse_abort_multipart_upload_response);
        }
    }

    const aws::Client& m_client;
    const PublishPlan& m_plan;
    const PublishOptions& m_options;
    const PublishObserver& m_observer;
    std::vector<Unit> m_units;
    std::vector<std::size_t> m_large;
    std::vector<std::unique_ptr<Multipart>> m_multipart;
    std::vector<std::string> m_etags;
    std::vector<bool> m_done;
    std::mutex m_progress_mutex;
    PublishProgress m_progress;
};

Result<void> remove_objects(const aws::Client& client, const std::string& bucket,
                            const std::vector<std::string>& keys, std::set<std::string>& removed) {
    for (std::size_t at = 0; at < keys.size(); at += aws::s3::k_max_delete_objects) {
        aws::s3::DeleteObjectsInput input{.bucket = bucket};
        for (std::size_t i = at; i < std::min(keys.size(), at + aws::s3::k_max_delete_objects);
             ++i) {
            input.objects.push_back({.key = keys[i]});
        }
        auto deleted = client.call(
            Service::s3,
            [&](const Endpoint& e) { return aws::s3::make_delete_objects_request(input, e); },
            aws::s3::parse_delete_objects_response);
        if (!deleted) return std::unexpected(deleted.error());
        // A quiet delete lists only the failures: the rest of the batch is gone.
        std::set<std::string> failed;
        for (const auto& e : deleted->errors)
            failed.insert(e.key);
        for (const auto& o : input.objects) {
            if (!failed.contains(o.key)) removed.insert(o.key);
        }
        if (!deleted->errors.empty()) {
            const auto& e = deleted->errors.front();
            return fail(ErrorKind::aws,
                        "s3 DeleteObjects: " + e.code + ": " + e.message + " (" + e.key + ")");
        }
    }
    return {};
}

Result<void> write_record(const aws::Client& client, const std::string& bucket,
                          const Record& record) {
    const auto body = render_record(record);
    const aws::s3::PutObjectInput input{.bucket = bucket,
                                        .key = k_published_manifest_key,
                                        .body = body,
                                        .content_type = "application/json",
                                        .payload_sha256_hex = aws::sha256_hex(body)};
    auto put = client.call(
        Service::s3, [&](const Endpoint& e) { return aws::s3::make_put_object_request(input, e); },
        aws::s3::parse_put_object_response);
    if (!put) return std::unexpected(put.error());
    return {};
}

}  // namespace

Result<PublishPlan> plan_publish(const aws::Client& client, const std::vector<AssetFile>& assets) {
    auto s = survey(client, assets);
    if (!s) return std::unexpected(s.error());
    return std::move(s->plan);
}

Result<PublishReport> publish_assets(const aws::Client& client,
                                     const std::vector<AssetFile>& assets,
                                     const PublishOptions& options,
                                     const PublishObserver& observer) {
    const auto started = std::chrono::steady_clock::now();
    auto s = survey(client, assets);
    if (!s) return std::unexpected(s.error());
    const auto& plan = s->plan;

    Upload upload(client, plan, options, observer);
    auto uploaded = upload.run();

    // Deletions only once every upload made it: a failed publish never leaves a job without
    // the files it had.
    std::set<std::string> removed;
    Result<void> deleted;
    if (uploaded) {
        std::map<std::string, std::vector<std::string>> by_bucket;
        for (const auto& r : plan.remove)
            by_bucket[r.bucket].push_back(r.key);
        for (const auto& [bucket, keys] : by_bucket) {
            deleted = remove_objects(client, bucket, keys, removed);
            if (!deleted) break;
        }
    }

    // The record says what is there now, even after a failure, so that the next publish
    // redoes only what is missing.
    const bool changed = !plan.upload.empty() || !plan.remove.empty();
    for (auto& [bucket, state] : s->buckets) {
        auto record = state.record;
        for (const auto& a : plan.unchanged) {
            if (a.bucket == bucket) record[a.key].etag = state.listed.at(a.key).etag;
        }
        for (std::size_t f = 0; f < plan.upload.size(); ++f) {
            const auto& a = plan.upload[f];
            if (a.bucket != bucket || upload.etags()[f].empty()) continue;
            record[a.key] =
                Published{.sha256 = a.sha256, .size = a.size, .etag = upload.etags()[f]};
        }
        for (const auto& r : plan.remove) {
            if (r.bucket == bucket && removed.contains(r.key)) record.erase(r.key);
        }
        if (!changed && record.size() == state.record.size()) continue;
        if (auto written = write_record(client, bucket, record); !written && uploaded && deleted) {
            return std::unexpected(
                add_context(std::move(written.error()),
                            "while recording what was published to s3://" + bucket));
        }
    }
    if (!uploaded) return std::unexpected(uploaded.error());
    if (!deleted) return std::unexpected(deleted.error());
    return PublishReport{.plan = plan,
                         .elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
                             std::chrono::steady_clock::now() - started)};
}

}  // namespace emrctl::deploy
