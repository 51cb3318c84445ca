#!/usr/bin/env bash
# `npm test`: everything CI checks, from a clean clone on Debian (as root, or with sudo):
#   1. system packages (Debian postgresql and chromium, installed when missing)
#   2. type-check, lint and unit tests, side by side (tsc uses one core, vitest the other)
#   3. integration tests on PGlite
#   4. integration tests again on a throwaway PostgreSQL cluster (loopback port, stopped on exit)
#   5. browser tests (Playwright with /usr/bin/chromium), when e2e/playwright.config.ts exists
# Stops at the first failing phase and prints how long each phase took and what it counted.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

LOG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/refugio-test.XXXXXX")
SUMMARY=()
PG_PORT=""
STARTED=$SECONDS

print_summary() {
  local status=$1
  echo
  echo "━━ Summary"
  for line in "${SUMMARY[@]}"; do echo "  $line"; done
  local verdict="passed"
  (( status == 0 )) || verdict="FAILED"
  printf '  %-34s %5ss  %s\n' "Total" $((SECONDS - STARTED)) "$verdict"
}

cleanup() {
  local status=$?
  if [[ -n "$PG_PORT" ]]; then scripts/postgres-test-cluster.sh stop "$PG_PORT" || true; fi
  print_summary "$status"
  rm -rf "$LOG_DIR"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The closing counts of a phase's log: vitest's "Tests  N passed", Playwright's "N passed".
counts_of() {
  sed 's/\x1b\[[0-9;]*m//g' "$1" \
    | grep -E '^[[:space:]]*Tests[[:space:]]+[0-9]|^[[:space:]]+[0-9]+ (passed|failed|flaky|skipped)' \
    | sed -E 's/^[[:space:]]+//; s/[[:space:]]+/ /g' | paste -sd ';' - || true
}

# phase NAME COMMAND…: runs one step with its output shown live, records time and counts.
phase() {
  local name=$1
  shift
  local log
  log="$LOG_DIR/$(tr -c 'A-Za-z0-9' '-' <<<"$name").log"
  echo
  echo "━━ $name"
  local started=$SECONDS status
  set +e
  "$@" 2>&1 | tee "$log"
  status=${PIPESTATUS[0]}
  set -e
  local result="ok"
  (( status == 0 )) || result="FAILED (exit $status)"
  SUMMARY+=("$(printf '%-34s %5ss  %s  %s' "$name" $((SECONDS - started)) "$result" "$(counts_of "$log")")")
  if (( status != 0 )); then
    echo "✗ $name failed (exit $status); the output is above." >&2
    exit "$status"
  fi
}

# phases_together NAME=COMMAND…: starts each phase at once (they share no state; type-checking
# keeps one core busy while the unit tests use the other), then reports each as `phase` does.
phases_together() {
  local names=() pids=() logs=() spec name log
  for spec in "$@"; do
    name=${spec%%=*}
    log="$LOG_DIR/$(tr -c 'A-Za-z0-9' '-' <<<"$name").log"
    (
      started=$SECONDS
      bash -c "${spec#*=}" >"$log" 2>&1
      status=$?
      echo $((SECONDS - started)) >"$log.seconds"
      exit "$status"
    ) &
    names+=("$name"); pids+=($!); logs+=("$log")
  done
  local i status failed=0
  for i in "${!names[@]}"; do
    set +e
    wait "${pids[$i]}"
    status=$?
    set -e
    echo
    echo "━━ ${names[$i]}"
    cat "${logs[$i]}"
    local result="ok"
    (( status == 0 )) || { result="FAILED (exit $status)"; failed=$status; }
    SUMMARY+=("$(printf '%-34s %5ss  %s  %s' "${names[$i]}" "$(cat "${logs[$i]}.seconds")" "$result" "$(counts_of "${logs[$i]}")")")
  done
  if (( failed != 0 )); then
    echo "✗ a phase failed (exit $failed); its output is above." >&2
    exit "$failed"
  fi
}

skip() {
  echo
  echo "━━ $1: skipped ($2)"
  SUMMARY+=("$(printf '%-34s %5s   skipped: %s' "$1" '-' "$2")")
}

ensure_system_packages() {
  local missing=()
  compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
  [[ -x /usr/bin/chromium ]] || missing+=(chromium)
  if (( ${#missing[@]} == 0 )); then
    echo "postgresql and chromium are installed"
    return 0
  fi
  if ! command -v apt-get >/dev/null; then
    echo "Missing: ${missing[*]}. This script installs them with apt-get (Debian); install them another way." >&2
    return 1
  fi
  local sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    if ! command -v sudo >/dev/null; then
      echo "Missing: ${missing[*]}. Run as root (or install sudo) so apt-get can install them." >&2
      return 1
    fi
    sudo=(sudo)
  fi
  echo "Installing ${missing[*]} with apt-get"
  "${sudo[@]}" apt-get update
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
}

free_port() {
  node -e "const s = require('node:net').createServer(); s.listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); });"
}

start_postgres() {
  local url
  url=$(scripts/postgres-test-cluster.sh start "$PG_PORT")
  echo "PostgreSQL test cluster at $url"
  echo "$url" >"$LOG_DIR/postgres-url"
}

if [[ ! -d node_modules ]]; then
  echo "node_modules is missing: run 'npm ci' first (or 'npm ci && npm test')." >&2
  exit 1
fi

phase "System packages" ensure_system_packages
phases_together "Type-check=npm run --silent typecheck" "Lint=npm run --silent lint" "Unit tests=npx vitest run --project unit"
phase "Integration tests (PGlite)" env REFUGIO_TEST_DB=pglite npx vitest run --project integration

PG_PORT=$(free_port)
phase "PostgreSQL test cluster" start_postgres
phase "Integration tests (PostgreSQL)" env REFUGIO_TEST_DB=postgres REFUGIO_TEST_DATABASE_URL="$(cat "$LOG_DIR/postgres-url")" \
  npx vitest run --project integration
scripts/postgres-test-cluster.sh stop "$PG_PORT"
PG_PORT=""

if [[ -f e2e/playwright.config.ts ]]; then
  phase "Browser tests (Playwright)" npm run --silent test:e2e
else
  skip "Browser tests (Playwright)" "e2e/playwright.config.ts does not exist"
fi
