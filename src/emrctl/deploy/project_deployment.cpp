#include <future>
#include <mutex>

#include <emrctl/deploy/project_deployment.hpp>

namespace emrctl::deploy {

Result<ProjectDeployResult> deploy_project(const aws::Client& client,
                                           const ProjectDeployment& deployment,
                                           const DeployOptions& options,
                                           const PublishOptions& publish, const Clock& clock,
                                           const DeployEventSink& sink) {
    std::mutex sink_mutex;
    const DeployEventSink serial = [&](const DeployEvent& event) {
        if (!sink) return;
        const std::lock_guard lock(sink_mutex);
        sink(event);
    };

    std::future<Result<PublishReport>> publishing;
    const auto start_publishing = [&] {
        if (publishing.valid() || deployment.assets.empty()) return;
        publishing = std::async(std::launch::async, [&]() -> Result<PublishReport> {
            auto plan = plan_publish(client, deployment.assets);
            if (!plan) return std::unexpected(plan.error());
            serial(PublishStarted{.upload_files = plan->upload.size(),
                                  .upload_bytes = plan->upload_bytes,
                                  .unchanged_files = plan->unchanged.size(),
                                  .remove_files = plan->remove.size()});
            auto report =
                publish_assets(client, deployment.assets, publish,
                               [&](const PublishProgress& p) { serial(PublishAdvanced{p}); });
            if (report) serial(PublishFinished{*report});
            return report;
        });
    };

    ProjectDeployResult result;
    Result<void> stacks_ok;
    for (const auto& stack : deployment.stacks) {
        const auto ready = stack.asset_buckets.empty() ? std::function<void()>{}
                                                       : std::function<void()>{start_publishing};
        auto deployed = deploy_stack(client, stack, options, clock, serial, ready);
        if (!deployed) {
            stacks_ok = std::unexpected(deployed.error());
            break;
        }
        result.stacks.push_back({stack.name, std::move(*deployed)});
    }
    // Whatever happened to the stacks, an upload under way finishes (or stops at Ctrl-C)
    // before emrctl exits: it leaves no half-made multipart uploads behind.
    if (publishing.valid()) {
        auto report = publishing.get();
        if (!report && stacks_ok) {
            return std::unexpected(
                add_context(std::move(report.error()), "while publishing the assets"));
        }
        if (report) result.published = std::move(*report);
    }
    if (!stacks_ok) return std::unexpected(stacks_ok.error());
    return result;
}

}  // namespace emrctl::deploy
