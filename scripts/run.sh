#!/usr/bin/env bash
# Sets up the toolchain, builds Tessera in release mode and serves it at
# http://127.0.0.1:3000 on the embedded SQLite database under ./data (or DATABASE_URL).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/.tools/node_modules/.bin:$PATH"
# --precompress writes .br and .gz copies of the built files; the server sends the one the
# browser accepts (server/src/http/static_files.rs).
cargo leptos build --release --precompress
echo "Tessera: open http://${TESSERA__SERVER__ADDRESS:-127.0.0.1:3000}/console"
exec ./target/release/server
