#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Sum meson's JSON test logs and print one line: N passed, N failed, N skipped.

usage: test-summary.py [--failed-stage NAME]... LOG.json...

A log that does not exist counts nothing (meson writes none when no test
matched).  Each --failed-stage (a build that failed, say) counts as one
failure.  Exit status 1 when anything failed or when no test passed.
"""
import json
import os
import sys

OK = {"OK", "EXPECTEDFAIL"}
SKIP = {"SKIP"}


def main(argv):
    passed = failed = skipped = 0
    logs = []
    stages = []
    args = iter(argv)
    for arg in args:
        if arg == "--failed-stage":
            stages.append(next(args, "?"))
        elif arg in ("-h", "--help"):
            print(__doc__)
            return 0
        else:
            logs.append(arg)

    for stage in stages:
        print(f"failed: {stage}", file=sys.stderr)
        failed += 1

    for path in logs:
        if not os.path.exists(path):
            continue
        p = f = s = 0
        with open(path, encoding="utf-8") as log:
            for line in log:
                line = line.strip()
                if not line:
                    continue
                test = json.loads(line)
                result = test.get("result", "ERROR")
                if result in OK:
                    p += 1
                elif result in SKIP:
                    s += 1
                else:  # FAIL, ERROR, TIMEOUT, UNEXPECTEDPASS, INTERRUPT
                    f += 1
                    print(f"failed: {test.get('name', '?')} ({result}) in {path}",
                          file=sys.stderr)
        print(f"  {path}: {p} passed, {f} failed, {s} skipped")
        passed += p
        failed += f
        skipped += s

    sys.stdout.flush()
    print(f"{passed} passed, {failed} failed, {skipped} skipped")
    return 1 if failed or passed == 0 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
