#!/usr/bin/env bash
# Configures and builds one flavour of emrctl: build.sh debug|release|asan|fuzz
# Build trees live in build/<flavour> and are reused between runs (ccache when present).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
flavour=${1:-debug}
dir="$root/build/$flavour"
args=(-G Ninja -S "$root" -B "$dir" -DEMRCTL_TESTS=ON)
command -v ccache >/dev/null 2>&1 && args+=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
# Paths below the checkout are hashed relative to it, so that clones share ccache's entries.
export CCACHE_BASEDIR="$root"

case "$flavour" in
    debug) args+=(-DCMAKE_BUILD_TYPE=Debug) ;;
    release) args+=(-DCMAKE_BUILD_TYPE=Release -DEMRCTL_TESTS=OFF -DEMRCTL_BENCH=ON) ;;
    asan) args+=(-DCMAKE_BUILD_TYPE=Debug -DEMRCTL_SANITIZE=ON) ;;
    fuzz) args+=(-DCMAKE_BUILD_TYPE=RelWithDebInfo -DEMRCTL_FUZZ=ON -DEMRCTL_TESTS=OFF
                 -DCMAKE_CXX_COMPILER=clang++-16) ;;
    *) echo "usage: build.sh debug|release|asan|fuzz" >&2; exit 2 ;;
esac

[ -f "$dir/build.ninja" ] || cmake "${args[@]}" >/dev/null
cmake --build "$dir"
