#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs what is missing, builds Ministerial in build/ and runs every test:
# the unit suite with no display, the ui suite under its own Xvfb and D-Bus
# session, then the unit suite again under ASan and UBSan (build-aux/sanitize.sh;
# skipped when SKIP_SANITIZE=1).  Always ends with one line
#   N passed, N failed, N skipped
# and exits non-zero when a test failed or no test ran.
#
#   build-aux/test.sh [MESON TEST ARGS...]      e.g. build-aux/test.sh -v
set -uo pipefail
cd "$(dirname "$0")/.."

builddir=build
failed_stages=()
logs=()

summary () {
  local args=()
  local stage
  for stage in "${failed_stages[@]}"; do
    args+=(--failed-stage "$stage")
  done
  /usr/bin/python3 build-aux/test-summary.py "${args[@]}" "${logs[@]}"
  exit $?
}

if ! build-aux/setup-deps.sh; then
  failed_stages+=("setup-deps")
  summary
fi

if [[ -f $builddir/meson-private/coredata.dat ]]; then
  meson setup --reconfigure "$builddir"
else
  meson setup "$builddir"
fi || { failed_stages+=("meson setup"); summary; }

ninja -C "$builddir" || { failed_stages+=("build"); summary; }

rm -f "$builddir"/meson-logs/unit.json "$builddir"/meson-logs/ui.json
logs+=("$builddir/meson-logs/unit.json" "$builddir/meson-logs/ui.json")

echo "== unit tests (no display)"
env -u DISPLAY -u WAYLAND_DISPLAY \
  meson test -C "$builddir" --suite unit --no-rebuild --print-errorlogs \
    --logbase unit "$@" ||
  [[ -f $builddir/meson-logs/unit.json ]] || failed_stages+=("unit tests (no log)")

echo "== ui tests (Xvfb)"
if command -v dbus-run-session >/dev/null 2>&1; then
  session=(dbus-run-session --)
else
  session=()
fi
build-aux/xvfb-session.sh "${session[@]}" \
  meson test -C "$builddir" --suite ui --no-rebuild --print-errorlogs \
    --logbase ui "$@" ||
  [[ -f $builddir/meson-logs/ui.json ]] || failed_stages+=("ui tests (no log)")

if [[ ${SKIP_SANITIZE:-0} != 1 ]]; then
  echo "== unit tests under ASan and UBSan (SKIP_SANITIZE=1 skips them)"
  rm -f build-sanitize/meson-logs/sanitize.json
  logs+=("build-sanitize/meson-logs/sanitize.json")
  if ! build-aux/sanitize.sh "$@"; then
    # A failed test is counted from the log; a failed build is not in it.
    [[ -f build-sanitize/meson-logs/sanitize.json ]] || failed_stages+=("sanitize build")
  fi
fi

echo "== summary"
summary
