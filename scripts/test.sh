#!/usr/bin/env bash
# Sets up the toolchain and runs every check and test: formatting, clippy (server and wasm),
# the wasm dependency guard, unit + integration tests on SQLite and PostgreSQL, and the
# Playwright journeys in Debian's Chromium. Ends with a "N passed, N failed" line.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$root/.tools/node_modules/.bin:$PATH"

step() { printf '\n==> %s\n' "$*"; }

# PostgreSQL: required, never skipped. Start the local cluster if it is installed but down.
export TEST_POSTGRES_URL="${TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/test}"
if ! pg_isready -q -d "$TEST_POSTGRES_URL" 2>/dev/null && command -v pg_ctlcluster >/dev/null; then
  step "starting the local PostgreSQL cluster"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start || true
fi
if ! pg_isready -q -d "$TEST_POSTGRES_URL"; then
  echo "PostgreSQL is not reachable at $TEST_POSTGRES_URL; the PostgreSQL tests cannot run." >&2
  exit 1
fi
# Test databases left behind by an interrupted run.
psql -d "$TEST_POSTGRES_URL" -Atc "SELECT datname FROM pg_database WHERE datname LIKE 'tessera_test_%'" |
  while read -r db; do psql -q -d "$TEST_POSTGRES_URL" -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)"; done

step "format"
cargo fmt --all -- --check

step "architecture guards"
bash scripts/guards.sh

step "build the site (server binary + wasm)"
cargo leptos build

step "clippy (server)"
cargo clippy -p app -p server --features app/ssr --all-targets -- -D warnings
step "clippy (wasm)"
# target/front is cargo-leptos' wasm target dir: host proc-macros and build scripts are reused.
cargo clippy -p frontend -p app --features app/hydrate --target wasm32-unknown-unknown \
  --target-dir target/front -- -D warnings

step "unit, storage and HTTP tests (SQLite and PostgreSQL)"
log=$(mktemp)
# One test at a time: each HTTP test starts its own server on its own tokio runtime, and with
# several in one process a server-rendered hosted page (SsrMode::Async) was seen to never
# finish rendering; one server per process (as in production) never showed it.
cargo test -p app -p server -- --test-threads=1 2>&1 | tee "$log"

step "browser journeys (Playwright, Chromium)"
pw_status=0
(cd end2end && timeout 900 npx playwright test) || pw_status=$?

# One summary line over every runner.
read -r cargo_passed cargo_failed < <(awk '/^test result:/ { for (i = 1; i <= NF; i++) { if ($i == "passed;") p += $(i-1); if ($i == "failed;") f += $(i-1) } } END { print p + 0, f + 0 }' "$log")
read -r pw_passed pw_failed < <(node -e '
  const r = require("./end2end/test-results/results.json");
  const s = r.stats || {};
  console.log((s.expected || 0) + " " + ((s.unexpected || 0) + (s.flaky || 0)));
' 2>/dev/null || echo "0 1")
if [ "$pw_status" -ne 0 ] && [ "$pw_failed" -eq 0 ]; then pw_failed=1; fi
rm -f "$log"
echo
echo "$((cargo_passed + pw_passed)) passed, $((cargo_failed + pw_failed)) failed"
[ "$pw_status" -eq 0 ] && [ "$cargo_failed" -eq 0 ]
