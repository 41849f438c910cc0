#!/usr/bin/env bash
# A C compiler for `cargo check`/`cargo clippy` of the macOS target only.
#
# One dev-dependency (criterion's `alloca`) compiles a C file in its build
# script. There is no Apple C toolchain on Linux, and a check or clippy run
# never links, so this compiles it with the host's cc after dropping the
# Apple-only flags: the object is made but never used. Never use it for a
# real macOS build (scripts/release.sh says how to build on a Mac).
args=()
skip=0
for a in "$@"; do
  if [ "$skip" = 1 ]; then skip=0; continue; fi
  case "$a" in
    -arch) skip=1 ;;
    -mmacosx-version-min=*|-mmacos-version-min=*) ;;
    *) args+=("$a") ;;
  esac
done
exec cc "${args[@]}"
