#!/usr/bin/env bash
# The main demo, from a fresh machine: installs what is missing, builds emrctl, then validates and
# synthesizes the quickstart project (examples/quickstart) and shows the result.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
say() { printf '\n\033[1m==> %s\033[0m\n' "$*" >&2; }

"$root/scripts/setup.sh"
say "building emrctl (release)"
"$root/scripts/build.sh" release >/dev/null
emrctl="$root/build/release/src/emrctl"

cd "$root/examples/quickstart"
say "emrctl validate --explain   (the project with every default filled in)"
"$emrctl" validate --explain
say "emrctl ls"
"$emrctl" ls
say "emrctl synth   (CloudFormation template + asset manifest in emrctl.out/)"
"$emrctl" synth
