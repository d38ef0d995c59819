#!/usr/bin/env bash
# Installs everything emrctl needs to build, test and run its demo on a fresh Debian 12 machine:
# the C++ toolchain and libraries (apt), and a Python venv (.venv) with the Python tools the tests
# and local runs use. Safe to run again: it installs only what is missing.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
venv="$root/.venv"

apt_packages=(
    g++ cmake ninja-build pkg-config ccache git
    libyaml-cpp-dev nlohmann-json3-dev libcli11-dev libssl-dev libcurl4-openssl-dev
    libpugixml-dev zlib1g-dev libgtest-dev libgmock-dev libbenchmark-dev
    clang-16 libclang-rt-16-dev clang-format
    python3 python3-venv
    openjdk-17-jre-headless
)

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

install_apt_packages() {
    local missing=()
    for p in "${apt_packages[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
            missing+=("$p")
    done
    # Another JDK 17 (or newer) on the PATH serves Spark as well as Debian's.
    if command -v java >/dev/null 2>&1; then
        missing=("${missing[@]/openjdk-17-jre-headless/}")
    fi
    local wanted=()
    for p in "${missing[@]}"; do [ -n "$p" ] && wanted+=("$p"); done
    [ ${#wanted[@]} -eq 0 ] && return 0
    say "installing Debian packages: ${wanted[*]}"
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
        "${wanted[@]}" >/dev/null
}

# The venv is rebuilt only when requirements change: a stamp holds their hash.
install_python_tools() {
    local requirements="$root/scripts/requirements-dev.txt"
    local stamp="$venv/.requirements.sha256"
    local want
    want=$(sha256sum "$requirements" | cut -d' ' -f1)
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then return 0; fi
    say "creating the Python venv in .venv ($(basename "$requirements"))"
    [ -x "$venv/bin/python" ] || /usr/bin/python3 -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$requirements"
    echo "$want" >"$stamp"
}

install_apt_packages
install_python_tools
