#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds Ministerial for speed and runs the benchmarks, printing figures.
#
#   bench/run.sh [--quick] [STEP...]
#
# Steps, in this order (all of them by default):
#   generate   the UN and G20 plans, written to bench/out/ (git-ignored)
#   check      check-plan.py proves them free of conflicts; the same check by
#              `ministerial --check --json`, compared with it
#   plan       bench-plan: load, check and save (time, memory)
#   ics        bench-ics: calendar export
#   agenda     bench-agenda: agendas on paper and PDF
#   each       ministerial --export-ics DIR --each and --export-pdf DIR --each:
#              a calendar and an agenda for everyone (wall time, files)
#   timeline   bench-timeline: the window's frames, under Xvfb
#   pages      bench-pages: the delegations, people, rooms and requests pages, under Xvfb
#   schedule   bench-schedule: the scheduler's score beside the yardstick's
#   yardstick  mip-yardstick.py: its self-test, the proven optimum of G20 and the
#              upper bound on the UN plan (--bound)
# A step whose program is not built (yet) is skipped with a message.
# --quick leaves out the slow parts: the UN plan in schedule and yardstick.
#
# Build directory: build-bench (--buildtype=release). Needs cbc (the Debian
# package coinor-cbc), which this script installs when it is missing.
set -uo pipefail
script=$(realpath "$0")
cd "$(dirname "$script")/.."
repo=$PWD
build=$repo/build-bench
out=$repo/bench/out
python=/usr/bin/python3
quick=0
steps=()
all_steps=(generate check plan ics agenda each timeline pages schedule yardstick)

for arg in "$@"; do
  case $arg in
    --quick) quick=1 ;;
    -h|--help) awk 'NR > 2 && /^#/ { sub(/^# ?/, ""); print; next } NR > 2 { exit }' "$script"; exit 0 ;;
    *)
      if [[ " ${all_steps[*]} " != *" $arg "* ]]; then
        echo "run.sh: unknown step “$arg” (steps: ${all_steps[*]})" >&2
        exit 2
      fi
      steps+=("$arg") ;;
  esac
done
[[ ${#steps[@]} -gt 0 ]] || steps=("${all_steps[@]}")

wants () { [[ " ${steps[*]} " == *" $1 "* ]]; }
step () { printf '\n=== %s\n' "$*"; }
skip () { echo "skipped: $*"; }
failed=0
un_bound_shown=0
fail () { echo "FAILED: $*"; failed=1; }

# Milliseconds since the epoch, for timing whole commands.
now_ms () { date +%s%3N; }

# --- build --------------------------------------------------------------------
step "build (build-bench, release)"
if ! command -v cbc >/dev/null 2>&1; then
  echo "installing coinor-cbc for the yardstick"
  if [[ $(id -u) -eq 0 ]]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q coinor-cbc >/dev/null || echo "could not install coinor-cbc"
  else
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -q coinor-cbc >/dev/null || echo "could not install coinor-cbc"
  fi
fi
if [[ -f $build/build.ninja ]]; then
  meson setup --reconfigure "$build" --buildtype=release >/dev/null || fail "meson setup"
else
  meson setup "$build" --buildtype=release >/dev/null || fail "meson setup"
fi
# The generator first: it needs nothing of the project, so the plans can be
# made even while some other part does not build.
ninja -C "$build" -j2 bench/mp-generate >/dev/null || fail "building mp-generate"
if ! ninja -C "$build" -j2 >"$build/bench-build.log" 2>&1; then
  echo "the full build failed (see $build/bench-build.log); running what was built"
fi

program () { [[ -x $build/$1 ]]; }

# --- generate -----------------------------------------------------------------
mkdir -p "$out"
if wants generate; then
  step "generate: mp-generate --preset un, --preset g20"
  if program bench/mp-generate; then
    for preset in un g20; do
      "$build/bench/mp-generate" --preset "$preset" "$out/$preset.ministerial" || fail "mp-generate --preset $preset"
    done
    ls -l "$out"/*.ministerial | awk '{ printf "%-40s %9d bytes\n", $NF, $5 }'
  else
    skip "mp-generate is not built"
  fi
fi

have_plans () { [[ -f $out/un.ministerial && -f $out/g20.ministerial ]]; }

# --- check --------------------------------------------------------------------
if wants check; then
  step "check: check-plan.py, and ministerial --check --json compared with it"
  if ! have_plans; then
    skip "no plans in bench/out (run the generate step)"
  else
    for plan in "$out/un.ministerial" "$out/g20.ministerial"; do
      if "$python" bench/check-plan.py --summary "$plan" >"$out/conflicts.py.json"; then
        echo "check-plan.py: $(basename "$plan") has no conflicts"
      else
        fail "check-plan.py finds conflicts in $(basename "$plan"): $(head -c 300 "$out/conflicts.py.json")"
      fi
      if program src/ministerial; then
        began=$(now_ms)
        "$build/src/ministerial" --check --json "$plan" >"$out/conflicts.c.json"
        status=$?
        echo "ministerial --check --json: exit $status in $(( $(now_ms) - began )) ms (process, load and check)"
        "$python" bench/check-plan.py --compare "$out/conflicts.c.json" "$plan" >/dev/null \
          || fail "ministerial and check-plan.py disagree on $(basename "$plan")"
      else
        skip "ministerial is not built: no cross-check"
      fi
    done
  fi
fi

# --- plan, ics, agenda, timeline: one program each, on the UN plan ---------------
# bench_step STEP PROGRAM WHAT [WRAPPER...]: runs build-bench/bench/PROGRAM
# on the UN plan (through WRAPPER, if any), or says why not.
bench_step () {
  local name=$1 name_program=$2 what=$3
  shift 3
  wants "$name" || return 0
  step "$name: $name_program ($what)"
  if ! program "bench/$name_program"; then skip "$name_program is not built"
  elif ! have_plans; then skip "no plans in bench/out (run the generate step)"
  else "$@" "$build/bench/$name_program" "$out/un.ministerial" || fail "$name_program"
  fi
}

bench_step plan bench-plan "load, check and save"
bench_step ics bench-ics "calendar export"
bench_step agenda bench-agenda "agendas on paper and PDF"

# --- each: a file for everyone, by the command line, on a copy of the UN plan ------
if wants each; then
  step "each: ministerial --export-ics DIR --each, --export-pdf DIR --each"
  if ! program src/ministerial; then skip "ministerial is not built"
  elif ! have_plans; then skip "no plans in bench/out (run the generate step)"
  else
    each_dir=$(mktemp -d "${TMPDIR:-/tmp}/bench-each.XXXXXX")
    # A copy: --export-ics saves the plan when meetings lack a calendar uid.
    cp "$out/un.ministerial" "$each_dir/un.ministerial"
    for kind in ics pdf; do
      if [[ $kind == pdf && $quick -eq 1 ]]; then skip "agendas (--quick)"; continue; fi
      began=$(now_ms)
      if "$build/src/ministerial" "--export-$kind" "$each_dir/$kind" --each "$each_dir/un.ministerial" >/dev/null; then
        ms=$(( $(now_ms) - began ))
        printf '%s: %d files, %s, in %d.%03d s (wall)\n' "$kind" \
          "$(find "$each_dir/$kind" -name "*.$kind" | wc -l)" "$(du -sh "$each_dir/$kind" | cut -f1)" \
          $((ms / 1000)) $((ms % 1000))
      else
        fail "ministerial --export-$kind --each"
      fi
    done
    rm -rf "$each_dir"
  fi
fi

# A wrapper for programs that open windows: their own Xvfb, deterministic rendering.
under_xvfb () {
  if ! command -v Xvfb >/dev/null 2>&1; then
    skip "Xvfb is not installed"
    return 0
  fi
  env GDK_BACKEND=x11 GSK_RENDERER=cairo GTK_A11Y=none build-aux/xvfb-session.sh "$@"
}

bench_step timeline bench-timeline "frames of the window, under Xvfb" under_xvfb
bench_step pages bench-pages "the pages beside the timeline, under Xvfb" under_xvfb

# --- schedule ---------------------------------------------------------------------
if wants schedule; then
  step "schedule: bench-schedule, beside mip-yardstick.py"
  if ! program bench/bench-schedule; then skip "bench-schedule is not built"
  elif ! have_plans; then skip "no plans in bench/out"
  else
    plans=("$out/g20.ministerial")
    [[ $quick -eq 1 ]] || plans+=("$out/un.ministerial")
    yardstick=()
    if command -v cbc >/dev/null 2>&1; then
      yardstick=(--yardstick bench/mip-yardstick.py --mip-time-limit 900)
      [[ $quick -eq 1 ]] || un_bound_shown=1
    fi
    "$build/bench/bench-schedule" "${yardstick[@]}" "${plans[@]}" || fail "bench-schedule"
  fi
fi

# --- yardstick --------------------------------------------------------------------
if wants yardstick; then
  step "yardstick: mip-yardstick.py (CBC)"
  if ! command -v cbc >/dev/null 2>&1; then skip "cbc is not installed (coinor-cbc)"
  elif ! have_plans; then skip "no plans in bench/out"
  else
    echo "self-test: brute force against the MIP on small random plans"
    "$python" bench/yardstick-selftest.py --instances 40 || fail "yardstick-selftest.py"
    echo "G20, exact:"
    "$python" bench/mip-yardstick.py --time-limit 300 --solution "$out/g20-optimum.ministerial" \
      "$out/g20.ministerial" | tee "$out/yardstick-g20.json" || fail "mip-yardstick.py on G20"
    if ! grep -q '"status": "optimal"' "$out/yardstick-g20.json"; then
      fail "the G20 optimum was not proven"
    fi
    if [[ $quick -eq 1 ]]; then
      skip "the UN bound (--quick)"
    elif [[ $un_bound_shown -eq 1 ]]; then
      skip "the UN bound: bench-schedule showed it above"
    else
      echo "UN, an upper bound (--bound):"
      "$python" bench/mip-yardstick.py --bound --time-limit 900 "$out/un.ministerial" \
        | tee "$out/yardstick-un.json" || fail "mip-yardstick.py --bound on UN"
    fi
  fi
fi

step "done"
if [[ $failed -ne 0 ]]; then
  echo "some steps FAILED (see above)"
  exit 1
fi
echo "all steps ran"
