#pragma once

// The data bucket (code, data, outputs) and the logs bucket (EMR's LogUri): encrypted, private,
// TLS only, and retained when the stack goes, since they hold results (destroy --purge removes
// them).

#include <vector>

#include <emrctl/cfn/template.hpp>
#include <emrctl/config/project.hpp>

namespace emrctl::stacks {

struct StorageRefs {
    cfn::ResourceRef data_bucket;
    cfn::ResourceRef logs_bucket;
    std::vector<cfn::ResourceRef> policies;  // writers wait for these, so no request goes unchecked
};

StorageRefs add_storage(cfn::Template& t, const config::Project& p);

}  // namespace emrctl::stacks
