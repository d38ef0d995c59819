#!/usr/bin/env bash
# EMR bootstrap action for the quickstart cluster.
#
# EMR runs this script on every node (primary and core) as the hadoop user,
# after the instance boots and before the applications (Hadoop, Spark) start.
# A non-zero exit status fails the node, so keep it small and strict.
set -euo pipefail

echo "quickstart bootstrap on $(hostname) at $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "python3: $(command -v python3) ($(python3 --version 2>&1))"

# Python packages the jobs need go here, for every node, e.g.:
#   sudo python3 -m pip install --quiet 'requests==2.32.*'
# The quickstart jobs use only PySpark, which EMR already provides.

echo "quickstart bootstrap done"
