#!/usr/bin/env bash
# Release binaries for the platforms this machine can build, in dist/:
#
#   on Linux:  Linux (x86_64, this machine's own) and Windows
#              (x86_64-pc-windows-gnu, with the mingw-w64 linker when it is
#              installed: apt-get install gcc-mingw-w64-x86-64);
#   on macOS:  macOS on Apple silicon and on Intel (both targets build on
#              any Mac with Xcode's command line tools: xcode-select --install).
#
# A binary for a platform this machine cannot build is not made, and the
# script says how to make it there; nothing is copied or renamed to look
# like one. SHA-256 sums go to dist/SHA256SUMS.
set -euo pipefail
cd "$(dirname "$0")/.."

version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
dist=dist
mkdir -p "$dist"
made=()

build() { # target, binary name in target/<target>/release
  local target=$1 bin=$2 ext=${2##*wijktafel}
  rustup target list --installed | grep -q "^$target\$" || rustup target add "$target"
  cargo build --release --locked --target "$target"
  local out="$dist/wijktafel-$version-$target$ext"
  cp "target/$target/release/$bin" "$out"
  made+=("$out")
}

case "$(uname -s)" in
  Linux)
    build "$(rustc -vV | sed -n 's/^host: //p')" wijktafel
    if command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1; then
      build x86_64-pc-windows-gnu wijktafel.exe
    else
      echo "Windows: not built (no mingw-w64): apt-get install gcc-mingw-w64-x86-64, then run this again" >&2
    fi
    echo "macOS: not built here (Apple's linker and SDK run only on a Mac): on a Mac run scripts/release.sh" >&2
    ;;
  Darwin)
    build aarch64-apple-darwin wijktafel
    build x86_64-apple-darwin wijktafel
    echo "Linux and Windows: not built here: run scripts/release.sh on Linux (with mingw-w64 for Windows)" >&2
    ;;
  *)
    echo "unknown host $(uname -s): build with cargo build --release --locked" >&2
    exit 1
    ;;
esac

(cd "$dist" && for f in "${made[@]}"; do
  if command -v sha256sum >/dev/null 2>&1; then sha256sum "$(basename "$f")"; else shasum -a 256 "$(basename "$f")"; fi
done) >"$dist/SHA256SUMS"
echo "made:"
for f in "${made[@]}"; do echo "  $f ($(wc -c <"$f") bytes)"; done
echo "  $dist/SHA256SUMS"
