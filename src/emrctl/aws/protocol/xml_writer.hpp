#pragma once

// Text for XML request bodies (S3's Delete, CompleteMultipartUpload, CreateBucketConfiguration).

#include <string>
#include <string_view>

namespace emrctl::aws::protocol {

// Escapes & < > " ' and writes CR as &#13; so that XML's end-of-line normalization on the server
// cannot turn a key holding "\r\n" into one holding "\n" (the S3 documentation warns of it).
// Other control characters cannot be written in XML 1.0 at all; they pass through, and S3
// rejects the body, which is the only honest outcome.
std::string xml_escape(std::string_view text);

}  // namespace emrctl::aws::protocol
