#!/usr/bin/env bash
# Benchmarks the organization hot paths (see server/examples/bench.rs) on SQLite and
# PostgreSQL with a release build: member pages of a 100,000-member organization, the
# organizations of a user in 1,000 organizations, and organization-token throughput.
# Usage: scripts/bench.sh [members] [seconds-per-load-run]
set -euo pipefail
cd "$(dirname "$0")/.."
members="${1:-100000}"
seconds="${2:-10}"
if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start
fi
cargo build --release -p server --example bench
for backend in sqlite postgres; do
  ./target/release/examples/bench "$backend" "$members" "$seconds"
done
