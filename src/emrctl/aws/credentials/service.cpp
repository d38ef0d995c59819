#include <cctype>

#include <emrctl/aws/credentials/service.hpp>

namespace emrctl::aws {

namespace {

std::string with_underscores(std::string_view id, int (*convert)(int)) {
    std::string out;
    for (const char c : id) {
        out += c == ' ' ? '_' : static_cast<char>(convert(static_cast<unsigned char>(c)));
    }
    return out;
}

}  // namespace

const ServiceInfo& service_info(Service service) {
    static const ServiceInfo k_cloudformation{"CloudFormation", "cloudformation", "cloudformation"};
    static const ServiceInfo k_ec2{"EC2", "ec2", "ec2"};
    static const ServiceInfo k_eks{"EKS", "eks", "eks"};
    static const ServiceInfo k_emr{"EMR", "elasticmapreduce", "elasticmapreduce"};
    static const ServiceInfo k_emr_containers{"EMR containers", "emr-containers", "emr-containers"};
    static const ServiceInfo k_iam{"IAM", "iam", "iam"};
    static const ServiceInfo k_s3{"S3", "s3", "s3"};
    static const ServiceInfo k_sts{"STS", "sts", "sts"};
    switch (service) {
        case Service::cloudformation:
            return k_cloudformation;
        case Service::ec2:
            return k_ec2;
        case Service::eks:
            return k_eks;
        case Service::emr:
            return k_emr;
        case Service::emr_containers:
            return k_emr_containers;
        case Service::iam:
            return k_iam;
        case Service::s3:
            return k_s3;
        case Service::sts:
            break;
    }
    return k_sts;
}

std::string endpoint_variable(std::string_view service_id) {
    return "AWS_ENDPOINT_URL_" + with_underscores(service_id, ::toupper);
}

std::string services_key(std::string_view service_id) {
    return with_underscores(service_id, ::tolower);
}

}  // namespace emrctl::aws
