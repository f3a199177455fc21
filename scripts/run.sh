#!/usr/bin/env bash
# Sets up the toolchain, builds Tessera in release mode and serves it at
# http://localhost:3000 on the embedded SQLite database under ./data (or DATABASE_URL).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/.tools/node_modules/.bin:$PATH"
# --precompress writes .br and .gz copies of the built files; the server sends the one the
# browser accepts (server/src/http/static_files.rs).
cargo leptos build --release --precompress
# Clients reach it as http://localhost:PORT unless told otherwise: passkeys need a host name
# (browsers refuse them for IP addresses).
address="${TESSERA__SERVER__ADDRESS:-127.0.0.1:3000}"
export TESSERA__SERVER__PUBLIC_URL="${TESSERA__SERVER__PUBLIC_URL:-http://localhost:${address##*:}}"
echo "Tessera: open ${TESSERA__SERVER__PUBLIC_URL}/console"
exec ./target/release/server
