#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs a command with its own Xvfb display and always stops that Xvfb after,
# even when the output is piped (xvfb-run can leave its server behind then).
# The exit status is the command's.
#
#   build-aux/xvfb-session.sh CMD [ARGS...]
#
# Environment: XVFB_SCREEN (default 1280x800x24).
set -uo pipefail
[[ $# -ge 1 ]] || { echo "usage: $0 CMD [ARGS...]" >&2; exit 2; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/ministerial-xvfb.XXXXXX")
# -displayfd picks a free display number itself: no race between parallel runs.
Xvfb -displayfd 3 -screen 0 "${XVFB_SCREEN:-1280x800x24}" -nolisten tcp \
  3>"$tmp/display" >"$tmp/xvfb.log" 2>&1 </dev/null &
xvfb_pid=$!
cleanup () {
  kill "$xvfb_pid" 2>/dev/null
  wait "$xvfb_pid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT

for _ in $(seq 1 200); do
  [[ -s "$tmp/display" ]] && break
  kill -0 "$xvfb_pid" 2>/dev/null || break
  sleep 0.05
done
if [[ ! -s "$tmp/display" ]]; then
  echo "xvfb-session: Xvfb did not start:" >&2
  cat "$tmp/xvfb.log" >&2
  exit 1
fi

export DISPLAY=":$(head -n1 "$tmp/display")"
unset WAYLAND_DISPLAY
export GDK_BACKEND=x11
export GSK_RENDERER="${GSK_RENDERER:-cairo}"
export XDG_RUNTIME_DIR="$tmp"
"$@"
