#!/usr/bin/env bash
# Installs everything Tessera needs to build, run and test on a Debian machine.
# Idempotent: each step is skipped when its tool already answers.
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_BINDGEN_VERSION=0.2.130
CARGO_LEPTOS_VERSION=0.3.10
BINARYEN_VERSION=132

log() { printf '==> %s\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PWD/.tools/node_modules/.bin:$PATH"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # Not --locked: its lock file wants a webpki-roots version the registry does not serve.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if ! cargo leptos --version 2>/dev/null | grep -q "$CARGO_LEPTOS_VERSION"; then
  log "installing cargo-leptos $CARGO_LEPTOS_VERSION"
  # --debug: the release build of cargo-leptos takes three times as long and gains nothing here.
  cargo install cargo-leptos --locked --version "$CARGO_LEPTOS_VERSION" --debug --force
fi

# OpenSSL 3 headers: the passkey library (webauthn-rs) links the system's OpenSSL.
if ! pkg-config --exists openssl 2>/dev/null; then
  log "installing OpenSSL headers and pkg-config"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq libssl-dev pkg-config >/dev/null
fi

if ! command -v chromium >/dev/null 2>&1; then
  log "installing Debian's chromium"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
fi

# wasm-opt from npm's binaryen: Debian's binaryen is too old and emits broken wasm.
if ! .tools/node_modules/.bin/wasm-opt --version 2>/dev/null | grep -q "version $BINARYEN_VERSION"; then
  log "installing binaryen $BINARYEN_VERSION (wasm-opt) into .tools/"
  mkdir -p .tools
  npm install --silent --prefix .tools --no-save --no-package-lock "binaryen@$BINARYEN_VERSION" >/dev/null
fi

# `npm ls` fails when anything in package.json (Playwright, the SDKs under test) is missing.
if [ -f end2end/package.json ] && ! (cd end2end && npm ls --silent >/dev/null 2>&1); then
  log "installing Playwright and the client SDKs under test (no browser download; Debian's chromium is used)"
  (cd end2end && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --silent --no-audit --no-fund)
fi

log "toolchain ready"
