#!/usr/bin/env bash
# The GitHub Action's lint step (action.yml). Inputs come as INPUT_* variables; writes the SARIF
# report, prints workflow commands (annotations) and sets the step outputs `sarif-file` and
# `exit-code` in $GITHUB_OUTPUT. It always exits 0: action.yml uploads the SARIF first and fails
# the job afterwards, so a failing lint still shows up in code scanning.
# The second run (annotations) answers from the cache the first run filled: nearly free.
set -uo pipefail
action_path="${GITHUB_ACTION_PATH:-$(cd "$(dirname "$0")/../.." && pwd)}"
cli="$action_path/dist/cli.js"
sarif="${INPUT_SARIF_FILE:-specwright.sarif}"
cache="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/specwright-action.cache"
read -r -a paths <<<"${INPUT_PATHS:-.}"
read -r -a args <<<"${INPUT_ARGS:-}"

node "$cli" lint --format sarif --cache-location "$cache" "${args[@]}" "${paths[@]}" >"$sarif"
status=$?
if [ "${INPUT_ANNOTATIONS:-true}" = "true" ]; then
  node "$cli" lint --format github --cache-location "$cache" "${args[@]}" "${paths[@]}"
fi
echo "specwright lint: exit $status; SARIF in $sarif" >&2
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  { echo "sarif-file=$sarif"; echo "exit-code=$status"; } >>"$GITHUB_OUTPUT"
fi
exit 0
