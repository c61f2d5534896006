#!/usr/bin/env bash
# Prints the commands of the README's quick start, one per line, in their order: the first ```sh
# block under "## Quick start", comments and blank lines left out. .ci/run runs exactly these, so
# the README and CI cannot drift apart.
set -euo pipefail
readme=${1:-README.md}
awk '
  /^## Quick start/ { section = 1; next }
  section && /^## / { exit }
  section && !block && /^```sh/ { block = 1; next }
  block && /^```/ { exit }
  block { sub(/[[:space:]]+#.*$/, ""); sub(/^[[:space:]]+/, ""); if (length($0) > 0) print }
' "$readme"
