#!/usr/bin/env bash
# Installs what bench/upload/run.sh needs, idempotently, under .cache/bench-upload/ (gitignored):
#
#   bin/versitygw   the local S3 server: Versity S3 Gateway with its posix backend (Go module proxy)
#   bin/s5cmd       s5cmd (Go module proxy)
#   venv/bin/aws    the AWS CLI v1 (`awscli` from PyPI, in its own venv)
#   go/             a Go toolchain from the Go module proxy, only when the machine has none recent
#                   enough (versitygw needs Go >= 1.25)
#
# and, system-wide, only Debian packages: `time` (GNU time, for peak RSS) when missing, and
# golang-go when there is no Go at all (to fetch a newer toolchain from the module proxy with it).
#
#   bench/upload/setup.sh            prints where everything is, one line each
# Environment: BENCH_UPLOAD_GO_DOWNLOAD=1 takes the toolchain from the module proxy even when the
# machine's Go would do (to test that path).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
cache="$root/.cache/bench-upload"
versitygw_version=v1.8.0
s5cmd_version=v2.3.0
awscli_version=1.46.3
go_min=1.25
go_toolchain=go1.25.5

log() { printf '==> %s\n' "$*" >&2; }
mkdir -p "$cache/bin"

sudo=""
[ "$(id -u)" -ne 0 ] && sudo=sudo
apt_install() {
    log "apt-get install $*"
    $sudo apt-get install -y -qq "$@" >/dev/null 2>&1 \
        || { $sudo apt-get update -qq >/dev/null && $sudo apt-get install -y -qq "$@" >/dev/null; }
}

[ -x /usr/bin/time ] || apt_install time

# "1.25.5" >= "1.25"?
version_at_least() { [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n 1)" = "$2" ]; }
go_version_of() { GOTOOLCHAIN=local "$1" env GOVERSION 2>/dev/null | sed 's/^go//'; }

# 1. A Go toolchain: the machine's if recent enough, else one from the module proxy, fetched with
# whatever Go there is (Debian's golang-go, Go 1.19 on bookworm, is enough to fetch it).
find_go() {
    local g
    for g in "$(command -v go || true)" /usr/lib/go/bin/go /usr/lib/go-1.*/bin/go; do
        [ -n "$g" ] && [ -x "$g" ] && { echo "$g"; return 0; }
    done
    return 1
}
go_bin=""
if [ -x "$cache/go/bin/go" ]; then
    go_bin="$cache/go/bin/go"
else
    system_go=$(find_go || true)
    if [ -n "$system_go" ] && [ "${BENCH_UPLOAD_GO_DOWNLOAD:-0}" != 1 ] \
        && version_at_least "$(go_version_of "$system_go")" "$go_min"; then
        go_bin=$system_go
    else
        if [ -z "$system_go" ]; then
            apt_install golang-go
            system_go=$(find_go)
        fi
        log "fetching $go_toolchain from the Go module proxy (golang.org/toolchain) with $system_go"
        dir=$(GOTOOLCHAIN=local GOPATH="$cache/gopath" GOFLAGS=-modcacherw "$system_go" mod download \
            -json "golang.org/toolchain@v0.0.1-$go_toolchain.linux-amd64" \
            | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
        if [ -z "$dir" ] || [ ! -d "$dir" ]; then
            echo "setup.sh: could not fetch $go_toolchain from the Go module proxy" >&2
            exit 1
        fi
        rm -rf "$cache/go.tmp"
        cp -r "$dir" "$cache/go.tmp"
        # Module zips carry no file modes.
        chmod -R u+w "$cache/go.tmp"
        chmod +x "$cache/go.tmp"/bin/* "$cache/go.tmp"/pkg/tool/*/*
        mv "$cache/go.tmp" "$cache/go"
        go_bin="$cache/go/bin/go"
    fi
fi
export GOTOOLCHAIN=local GOPATH="$cache/gopath" GOCACHE="$cache/gocache" GOFLAGS="-buildvcs=false -modcacherw"
go_version=$(go_version_of "$go_bin")

# 2. versitygw.
stamp() { cat "$cache/bin/.$1.version" 2>/dev/null || true; }
if [ ! -x "$cache/bin/versitygw" ] || [ "$(stamp versitygw)" != "$versitygw_version" ]; then
    log "building versitygw $versitygw_version with Go $go_version"
    GOBIN="$cache/bin" "$go_bin" install \
        "github.com/versity/versitygw/cmd/versitygw@$versitygw_version"
    echo "$versitygw_version" >"$cache/bin/.versitygw.version"
fi

# 3. s5cmd. `go install …@version` fails on it (the proxy refuses its version list, which the
# deprecation check reads), so the module is downloaded at that version and built from a copy.
if [ ! -x "$cache/bin/s5cmd" ] || [ "$(stamp s5cmd)" != "$s5cmd_version" ]; then
    log "building s5cmd $s5cmd_version with Go $go_version"
    dir=$("$go_bin" mod download -json "github.com/peak/s5cmd/v2@$s5cmd_version" \
        | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
    rm -rf "$cache/src/s5cmd"
    mkdir -p "$cache/src"
    cp -r "$dir" "$cache/src/s5cmd"
    chmod -R u+w "$cache/src/s5cmd"
    # The module zip has no vendor/ contents: build against the module cache instead.
    (cd "$cache/src/s5cmd" && "$go_bin" build -mod=mod -o "$cache/bin/s5cmd" \
        -ldflags "-X github.com/peak/s5cmd/v2/version.Version=$s5cmd_version" .)
    echo "$s5cmd_version" >"$cache/bin/.s5cmd.version"
fi

# 4. The AWS CLI v1 in its own venv.
if [ "$("$cache/venv/bin/python" -c 'import awscli; print(awscli.__version__)' 2>/dev/null)" \
    != "$awscli_version" ]; then
    log "installing awscli $awscli_version into .cache/bench-upload/venv"
    rm -rf "$cache/venv"
    python3 -m venv "$cache/venv"
    "$cache/venv/bin/pip" install -q "awscli==$awscli_version"
fi

echo "go: $go_bin (go$go_version)"
echo "versitygw: $cache/bin/versitygw ($versitygw_version)"
echo "s5cmd: $cache/bin/s5cmd ($("$cache/bin/s5cmd" version))"
echo "aws: $cache/venv/bin/aws ($("$cache/venv/bin/aws" --version 2>&1))"
