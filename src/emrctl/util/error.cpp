#include <emrctl/util/error.hpp>

namespace emrctl {

int exit_status(const Error& e) {
    switch (e.kind) {
        case ErrorKind::usage:
        case ErrorKind::config:
            return 2;
        case ErrorKind::io:
        case ErrorKind::aws:
        case ErrorKind::network:
        case ErrorKind::internal:
        case ErrorKind::differences:
            return 1;
        case ErrorKind::interrupted:
            return 130;
    }
    return 1;
}

}  // namespace emrctl
