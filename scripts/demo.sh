#!/usr/bin/env bash
# The main demo, from a fresh machine: installs what is missing, builds emrctl, checks and
# synthesizes the quickstart project (examples/quickstart), then runs both of its jobs on a local
# Spark (`emrctl up --local`): the pi estimate and the top words of its corpus.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
say() { printf '\n\033[1m==> %s\033[0m\n' "$*" >&2; }

"$root/scripts/setup.sh"
say "building emrctl (release)"
"$root/scripts/build.sh" release >/dev/null
emrctl="$root/build/release/src/emrctl"

cd "$root/examples/quickstart"
say "emrctl validate"
"$emrctl" validate
say "emrctl synth -o emrctl.out   (the CloudFormation template and asset manifest an AWS deploy uses)"
"$emrctl" synth -o emrctl.out
say "emrctl up --local   (every job on a local Spark; the first run installs pyspark)"
"$emrctl" up --local
