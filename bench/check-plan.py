#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Lists the conflicts of a plan, independently of the application.

    check-plan.py PLAN                     print {"conflicts": [...]}, as
                                           `ministerial --check --json PLAN` does
    check-plan.py --compare OUT.json PLAN  compare with another checker's output
                                           (e.g. ministerial's), as sets
    check-plan.py --summary PLAN           also count conflicts by kind on stderr

Exit status as ministerial's: 0 no conflicts (or, with --compare, the same
conflicts), 1 conflicts (or a difference), 2 bad input. Conflicts are sorted
by kind (in the order of file-format.md), then participant or room, then the
meetings, whose ids come in order of start.
"""

import argparse
import collections
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import planlib  # noqa: E402


def conflict_key(c):
    subject = c.get("participant", c.get("room"))
    return (c.get("kind"), subject, frozenset(c.get("meetings", ())))


def main():
    parser = argparse.ArgumentParser(description="List the conflicts of a plan file.")
    parser.add_argument("plan")
    parser.add_argument("--compare", metavar="OUT.json",
                        help="another checker's JSON output to compare with")
    parser.add_argument("--summary", action="store_true",
                        help="print counts by kind and the time taken on stderr")
    args = parser.parse_args()

    began = time.monotonic()
    try:
        plan = planlib.load(args.plan)
    except planlib.PlanError as e:
        print(f"check-plan: {e}", file=sys.stderr)
        return 2
    loaded = time.monotonic()
    found = planlib.conflicts(plan)
    checked = time.monotonic()

    if args.summary:
        counts = collections.Counter(c["kind"] for c in found)
        print(f"check-plan: {len(plan.meetings)} meetings, {len(found)} conflicts "
              f"{dict(counts)}; load {1000 * (loaded - began):.0f} ms, "
              f"check {1000 * (checked - loaded):.0f} ms", file=sys.stderr)

    if args.compare is None:
        print(planlib.dump_conflicts(found))
        return 1 if found else 0

    try:
        with open(args.compare, encoding="utf-8") as f:
            other = json.load(f)["conflicts"]
    except (OSError, ValueError, KeyError, TypeError) as e:
        print(f"check-plan: {args.compare}: not a {{\"conflicts\": [...]}} document ({e})",
              file=sys.stderr)
        return 2
    mine = collections.Counter(conflict_key(c) for c in found)
    theirs = collections.Counter(conflict_key(c) for c in other)
    missing = mine - theirs
    extra = theirs - mine
    for key in sorted(missing, key=repr):
        print(f"only here:  {key[0]} {key[1]} {sorted(key[2])}")
    for key in sorted(extra, key=repr):
        print(f"only there: {key[0]} {key[1]} {sorted(key[2])}")
    print(f"check-plan: {sum(mine.values())} conflicts here, {sum(theirs.values())} in "
          f"{args.compare}; {sum(missing.values())} only here, {sum(extra.values())} only there",
          file=sys.stderr)
    return 1 if missing or extra else 0


if __name__ == "__main__":
    sys.exit(main())
