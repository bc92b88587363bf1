#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds Ministerial with AddressSanitizer and UndefinedBehaviorSanitizer in
# build-sanitize/ and runs the unit suite there (no display needed).
# Any leak, memory error or undefined behaviour fails the test it happens in.
#
#   build-aux/sanitize.sh [MESON TEST ARGS...]
#
# The log is build-sanitize/meson-logs/sanitize.json.
set -uo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
builddir=build-sanitize

build-aux/setup-deps.sh || exit 1

if [[ -f $builddir/meson-private/coredata.dat ]]; then
  meson setup --reconfigure "$builddir" \
    -Db_sanitize=address,undefined -Db_lundef=false || exit 1
else
  meson setup "$builddir" \
    -Db_sanitize=address,undefined -Db_lundef=false || exit 1
fi
ninja -C "$builddir" || exit 1

rm -f "$builddir"/meson-logs/sanitize.json

# meson 1.0 sets none of these itself.
export ASAN_OPTIONS="halt_on_error=1:abort_on_error=1:detect_leaks=1:print_summary=1:strict_string_checks=1:detect_stack_use_after_return=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:suppressions=$repo/build-aux/ubsan.supp"
export LSAN_OPTIONS="suppressions=$repo/build-aux/lsan.supp:print_suppressions=0"
# GLib 2.74 still has the slice allocator: make every block a malloc the
# sanitizer can see, and clear memory before it is freed.
export G_SLICE=always-malloc
# GIO keeps a GIOModule for each module of the system's folder (dconf's)
# for the life of the process, and LeakSanitizer sometimes takes it for a
# leak; with stacks cut at g_malloc () it cannot be told from ours. The
# tests need no GIO module (GSETTINGS_BACKEND=memory): load none.
mkdir -p "$builddir/no-gio-modules"
export GIO_MODULE_DIR="$repo/$builddir/no-gio-modules"
export G_DEBUG="${G_DEBUG:-gc-friendly}"

env -u DISPLAY -u WAYLAND_DISPLAY \
  meson test -C "$builddir" --suite unit --no-rebuild --print-errorlogs \
    --timeout-multiplier 4 --logbase sanitize "$@"
