#!/usr/bin/env bash
# Benchmarks the hot paths on SQLite and PostgreSQL with a release build:
# - server/examples/bench/: member pages of a 100,000-member organization, the organizations
#   of a user in 1,000 organizations, client_credentials organization-token throughput (from
#   the example itself and from wrk);
# - server/examples/bench_people.rs: refresh-token organization-token exchanges under load and
#   whether sign-ins (argon2id) stall other requests;
# - scripts/bench-reference.sh: the reference, oidc-provider with no database, under the same
#   wrk load as the organization tokens.
# Usage: scripts/bench.sh [members] [seconds-per-load-run]
set -euo pipefail
cd "$(dirname "$0")/.."
members="${1:-100000}"
seconds="${2:-10}"
if ! command -v wrk >/dev/null; then
  # The external load generator of the token benchmark (Debian's package).
  apt-get install -y -qq wrk >/dev/null || echo "wrk could not be installed: its runs are skipped"
fi
if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start
fi
cargo build --release -p server --example bench --example bench_people
for backend in sqlite postgres; do
  ./target/release/examples/bench "$backend" "$members" "$seconds"
  ./target/release/examples/bench_people "$backend" "$seconds"
done
bash scripts/bench-reference.sh "$seconds"
