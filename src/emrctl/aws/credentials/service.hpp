#pragma once

// The AWS services emrctl calls, with the three names each goes by: the SDK service id (which
// names its AWS_ENDPOINT_URL_<SERVICE> variable and its key in a [services] section), the
// endpoint prefix (its host name), and the signing name (SigV4's service).

#include <string>
#include <string_view>

namespace emrctl::aws {

enum class Service { cloudformation, ec2, eks, emr, emr_containers, iam, s3, sts };

struct ServiceInfo {
    std::string_view id;               // "EMR containers"
    std::string_view endpoint_prefix;  // "emr-containers"
    std::string_view signing_name;     // "emr-containers"
};

const ServiceInfo& service_info(Service service);

// "EMR containers" -> "AWS_ENDPOINT_URL_EMR_CONTAINERS": upper case, spaces as underscores.
std::string endpoint_variable(std::string_view service_id);

// "EMR containers" -> "emr_containers": lower case, spaces as underscores.
std::string services_key(std::string_view service_id);

}  // namespace emrctl::aws
