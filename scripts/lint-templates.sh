#!/usr/bin/env bash
# Synthesizes each project given and runs cfn-lint on every template: any error, warning or
# informational finding fails.
# usage: lint-templates.sh EMRCTL PROJECT_DIR...
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
emrctl=$1
shift
cfn_lint="$root/.venv/bin/cfn-lint"
[ -x "$cfn_lint" ] || { echo "cfn-lint is not installed: run scripts/setup.sh" >&2; exit 1; }

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
status=0
for project in "$@"; do
    name=$(basename "$project")
    "$emrctl" -f "$project" -c naming_suffix=lint0001 synth -o "$out/$name" >/dev/null 2>&1 ||
        { echo "FAIL $name: emrctl synth failed:" >&2
          "$emrctl" -f "$project" -c naming_suffix=lint0001 synth -o "$out/$name" || true
          status=1; continue; }
    for template in "$out/$name"/*.template.json; do
        region=$(grep -E '^region:' "$project/emrctl.yaml" 2>/dev/null | awk '{print $2}' || true)
        if "$cfn_lint" --include-checks I --regions "${region:-us-east-1}" -- "$template"; then
            echo "ok   $name/$(basename "$template"): no errors, no warnings, no informational findings"
        else
            echo "FAIL $name/$(basename "$template"): cfn-lint reported the problems above" >&2
            status=1
        fi
    done
done
exit $status
