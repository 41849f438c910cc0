#!/usr/bin/env bash
# The Windows build, run under wine (issue 18). Called by .ci/run; exits
# non-zero on any difference from the Linux build.
#
#  1. builds wijktafel.exe for x86_64-pc-windows-gnu with the mingw-w64
#     linker, in the dev profile: the same build the library tests below
#     need, so it costs one compile, not two (a release build takes
#     minutes more on 2 cores; scripts/release.sh makes the real one);
#  2. runs the library's tests under wine, among them the lock held by one
#     process and refused to a second (store::lock::tests);
#  3. runs the integration tests of saves, backups and exports under wine;
#  4. compares with the Linux build, byte for byte (line ends aside):
#     `framework --format json`, `new … --no-open`, `list`, and `export` in
#     md, html, csv and json, in Dutch and English, for every file in
#     sessions/.
#
# Without mingw-w64 or wine (and no way to install them) it warns and
# skips, as the Windows clippy step does without its target.
set -euo pipefail
cd "$(dirname "$0")/.."

skip() {
  echo "warning: $*: the Windows build under wine is not checked" >&2
  exit 0
}

missing=""
command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1 || missing="$missing gcc-mingw-w64-x86-64"
command -v wine >/dev/null 2>&1 || missing="$missing wine64"
if [ -n "$missing" ] && [ -n "${WIJKTAFEL_CI_INSTALLED:-}" ]; then
  # .ci/run installs every package before its first step (issue 28): one
  # it tried and could not have is skipped, as the Windows clippy step
  # skips; one it did not try is a mistake in .ci/run
  for p in $missing; do
    case " ${WIJKTAFEL_CI_UNAVAILABLE:-} " in
      *" $p "*) ;;
      *) echo "windows-check: .ci/run did not install $p before its first step" >&2; exit 1 ;;
    esac
  done
  skip ".ci/run could not install$missing"
fi
if [ -n "$missing" ]; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing) \
    >/dev/null 2>&1 || skip "could not install$missing"
fi
rustup target list --installed 2>/dev/null | grep -q '^x86_64-pc-windows-gnu$' \
  || { [ -n "${WIJKTAFEL_CI_INSTALLED:-}" ] && skip "the Windows target is not installed"; } \
  || rustup target add x86_64-pc-windows-gnu >/dev/null 2>&1 \
  || skip "the Windows target could not be installed"

work=$(mktemp -d)
trap 'wineserver -k >/dev/null 2>&1; rm -rf "$work"' EXIT
# a prefix of our own, no window, no Mono/Gecko installers
export WINEPREFIX="$work/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
# (the linker is x86_64-w64-mingw32-gcc, rustc's default for the target:
# setting it here would make cargo rebuild what clippy and others built)
export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUNNER=wine
winpath() { printf 'Z:%s' "${1//\//\\}"; }

# Rust's std takes random bytes from bcryptprimitives.dll (Windows 10+);
# wine 8 has none: a stand-in of our own, only for this run
if ! find /usr/lib /usr/lib64 /opt -ipath '*wine*' -iname 'bcryptprimitives.dll*' 2>/dev/null | grep -q .; then
  mkdir -p "$work/dlls"
  x86_64-w64-mingw32-gcc -O2 -shared -o "$work/dlls/bcryptprimitives.dll" \
    scripts/wine/bcryptprimitives.c scripts/wine/bcryptprimitives.def
  export WINEPATH
  WINEPATH=$(winpath "$work/dlls")
fi
wineboot -i >/dev/null 2>&1 || true

t0=$(date +%s)
cargo build --locked --quiet
cargo build --locked --quiet --target x86_64-pc-windows-gnu
tdir=${CARGO_TARGET_DIR:-target}
lin=$tdir/debug/wijktafel
win=$tdir/x86_64-pc-windows-gnu/debug/wijktafel.exe
echo "windows-check: built in $(($(date +%s) - t0)) s"

# 2. the library's tests, under wine; the cross-process lock test must run
cargo test --locked --lib --target x86_64-pc-windows-gnu >"$work/lib.log" 2>&1 \
  || { tail -n 40 "$work/lib.log"; echo "windows-check: library tests failed under wine"; exit 1; }
grep 'test result' "$work/lib.log"
echo "windows-check: library tests at $(($(date +%s) - t0)) s"
grep -q 'a_second_process_is_refused_while_the_first_holds_the_lock ... ok' "$work/lib.log" \
  || { echo "windows-check: the lock test did not run"; exit 1; }
libtest=$(cargo test --locked --lib --target x86_64-pc-windows-gnu --no-run --message-format json 2>/dev/null \
  | grep -o '"executable":"[^"]*"' | tail -n 1 | cut -d'"' -f4)

# 3. saves, backups, locks and exports through the files (tests/*.rs)
cargo test --locked --quiet --target x86_64-pc-windows-gnu \
  --test store --test export --test tui -- store:: backups:: export:: paste_crlf:: 2>&1 | tail -n 12

echo "windows-check: integration tests at $(($(date +%s) - t0)) s"

# 4. the same output as the Linux build
fail=0
same() { # name, linux output, windows output (files or <(…))
  tr -d '\r' <"$2" >"$work/cmp.l"
  tr -d '\r' <"$3" >"$work/cmp.w"
  if cmp -s "$work/cmp.l" "$work/cmp.w"; then
    echo "windows-check: same: $1"
  else
    echo "windows-check: DIFFERENT: $1"
    diff "$work/cmp.l" "$work/cmp.w" | head -n 20
    fail=1
  fi
}
w() { wine "$win" "$@"; }

"$lin" framework --format json >"$work/l.fw.json"
w framework --format json >"$work/w.fw.json"
same "framework --format json" "$work/l.fw.json" "$work/w.fw.json"

for f in sessions/*.toml; do
  for lang in nl en; do
    for fmt in md html csv json; do
      out="$(basename "$f" .toml).$lang.$fmt"
      "$lin" export "$f" --lang "$lang" --format "$fmt" >"$work/l.$out"
      w export "$f" --lang "$lang" --format "$fmt" >"$work/w.$out"
      same "export $out" "$work/l.$out" "$work/w.$out"
    done
  done
done

# new and list, each in a store of its own; the printed path is the only
# thing that may differ (a drive letter and backslashes on Windows)
mkdir -m 700 "$work/l" "$work/w"
new_args=(new "Wijk Zuid" --area "Zuid" --municipality "Voorbeeldstad"
  --party "Gemeente|Anna de Vries|bestuur" --party "Woonstichting Eén|Kees Öztürk|wonen" --no-open)
"$lin" --dir "$work/l" "${new_args[@]}" | sed "s|$work/l|<DIR>|" >"$work/l.new"
w --dir "$(winpath "$work/w")" "${new_args[@]}" | tr -d '\r' \
  | sed "s|$(winpath "$work/w" | sed 's|\\|\\\\|g')|<DIR>|; s|\\\\|/|g" >"$work/w.new"
same "new --no-open (path aside)" "$work/l.new" "$work/w.new"
"$lin" --dir "$work/l" list >"$work/l.list"
w --dir "$(winpath "$work/w")" list >"$work/w.list"
same "list" "$work/l.list" "$work/w.list"
# the session files alike, their times aside (and the digest line's
# checksums and length, which follow the times); each build reads the other's
mask() {
  sed -E -e 's/[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z/<TIME>/g' \
    -e 's/^#% [0-9a-f]{8} [0-9]{16} [0-9a-f]{8} /#% <CRC> <LEN> <CRC> /' "$1"
}
mask "$work/l/wijk-zuid.toml" >"$work/l.toml"
mask "$work/w/wijk-zuid.toml" >"$work/w.toml"
same "new: the session file (times aside)" "$work/l.toml" "$work/w.toml"
"$lin" --dir "$work/w" list >"$work/lw.list"
same "list by Linux of the file made on Windows" "$work/l.list" "$work/lw.list"
w export "$(winpath "$work/l/wijk-zuid.toml")" --format json >"$work/wl.json"
"$lin" export "$work/l/wijk-zuid.toml" --format json >"$work/ll.json"
same "export by Windows of the file made on Linux" "$work/ll.json" "$work/wl.json"

# a session that another process has open is refused by the command line,
# naming the holder: a second wine process (the library test's child) holds
# the lock while `restore` tries to take it
mkfifo "$work/hold"
WIJKTAFEL_LOCK_CHILD=$(winpath "$work/w/wijk-zuid.toml") \
  wine "$libtest" --exact store::lock::tests::lock_holder_child --nocapture \
  <"$work/hold" >"$work/holder.out" 2>&1 &
holder=$!
exec 3>"$work/hold"
for _ in $(seq 100); do grep -q HELD "$work/holder.out" && break; sleep 0.2; done
rc=0
w --dir "$(winpath "$work/w")" restore "Wijk Zuid" 1 >/dev/null 2>"$work/locked.err" || rc=$?
exec 3>&-
wait "$holder" || true
if [ "$rc" -eq 1 ] && grep -q "al geopend door pid" "$work/locked.err"; then
  echo "windows-check: refused while another process holds the lock: $(tr -d '\r' <"$work/locked.err" | head -n 1)"
else
  echo "windows-check: a locked session was not refused (exit $rc):"
  cat "$work/holder.out" "$work/locked.err"
  fail=1
fi

echo "windows-check: $(($(date +%s) - t0)) s in all"
if [ "$fail" -ne 0 ]; then
  echo "windows-check: the Windows build differs from the Linux build"
  exit 1
fi
