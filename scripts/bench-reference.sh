#!/usr/bin/env bash
# The token benchmark's reference on this machine: oidc-provider (scripts/reference/) issuing
# ES256 client_credentials tokens with no database, under the same wrk load as Tessera's
# organization tokens in server/examples/bench/ (one wrk thread, 16 and 64 connections).
# Usage: scripts/bench-reference.sh [seconds-per-run]
set -euo pipefail
cd "$(dirname "$0")/reference"
seconds="${1:-10}"
port=3998
if ! (npm ls --silent >/dev/null 2>&1); then
  npm ci --silent --no-audit --no-fund
fi
NODE_ENV=production PORT=$port node provider.mjs &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  curl -sf "http://127.0.0.1:$port/.well-known/openid-configuration" >/dev/null && break
  sleep 0.1
done
script=$(mktemp)
cat >"$script" <<LUA
wrk.method = "POST"
wrk.body = "grant_type=client_credentials&scope=read%3Adocs%20write%3Adocs"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Authorization"] = "Basic $(printf 'reference:reference-secret-0123456789abcdef' | base64 -w0)"
LUA
# One request first: it must succeed, or the numbers below mean nothing.
curl -sf -u reference:reference-secret-0123456789abcdef \
  -d grant_type=client_credentials -d 'scope=read:docs write:docs' \
  "http://127.0.0.1:$port/token" | grep -q '"access_token"'
for connections in 16 64; do
  out=$(wrk -t1 -c"$connections" -d"${seconds}s" --latency -s "$script" "http://127.0.0.1:$port/token")
  if grep -q "Non-2xx\|Socket errors" <<<"$out"; then
    echo "wrk saw failures:"; echo "$out"; exit 1
  fi
  rate=$(awk '/Requests\/sec:/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  echo "oidc-provider client_credentials (no database), wrk $connections connections: $rate tokens/s, p50 $p50, p99 $p99"
done
rm -f "$script"
