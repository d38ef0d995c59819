#pragma once

// Content-MD5: the base64 of a body's MD5 digest. S3 requires it (or a flexible checksum) on
// DeleteObjects, and honours it on any upload to catch a body damaged on the way.

#include <string>
#include <string_view>

namespace emrctl::aws::s3 {

std::string content_md5(std::string_view body);

}  // namespace emrctl::aws::s3
