#!/usr/bin/env bash
# Architecture rules the compiler does not enforce (see shared/docs/style.md §4.1-4.2).
set -euo pipefail
cd "$(dirname "$0")/.."
fail=0

# The wasm build must never link server-only crates.
leaked=$(cargo tree -p frontend --target wasm32-unknown-unknown -e normal --prefix none 2>/dev/null |
  grep -E '^(sqlx|argon2|jsonwebtoken|tower-sessions|tokio|aws-lc-rs|aws-lc-sys) ' | sort -u || true)
if [ -n "$leaked" ]; then
  echo "server-only crates reach the wasm build:"; echo "$leaked"; fail=1
fi
if grep -Eq '^\s*(sqlx|argon2|jsonwebtoken|tower-sessions|tokio)\b' app/Cargo.toml; then
  echo "app/Cargo.toml names a server-only crate"; fail=1
fi

# sqlx only in storage; axum only in the HTTP-facing modules.
sqlx_users=$(grep -rlE '\bsqlx::' server/src | grep -v '^server/src/storage/' || true)
if [ -n "$sqlx_users" ]; then echo "sqlx used outside server/src/storage:"; echo "$sqlx_users"; fail=1; fi
axum_in_domain=$(grep -rlE '\baxum::' server/src/domain server/src/storage || true)
if [ -n "$axum_in_domain" ]; then echo "axum used in domain/storage:"; echo "$axum_in_domain"; fail=1; fi

# Both migration directories hold the same file names.
if ! diff <(ls migrations/sqlite) <(ls migrations/postgres) >/dev/null; then
  echo "migrations/sqlite and migrations/postgres differ"; fail=1
fi

# No import circles between the server's source files.
if ! python3 scripts/import_cycles.py; then fail=1; fi

[ "$fail" -eq 0 ] && echo "guards ok"
exit "$fail"
