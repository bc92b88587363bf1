#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Puts a calendar into a Radicale CalDAV server of its own and asks it
back by time range.

usage: /usr/bin/python3 ics-caldav.py SPEC.json

SPEC.json: {"calendar": "FILE.ics",
            "ranges": [{"start": "YYYYMMDDTHHMMSSZ", "end": "...Z", "uids": [UID, ...]}, ...]}

Starts `radicale -C CONFIG` on 127.0.0.1 on a free port, with its storage
in a new temporary directory; makes a calendar (MKCALENDAR); PUTs each
event of FILE.ics as its own resource (CalDAV: one UID per resource), with
the file's VTIMEZONEs, and wants 201 for each; then, for each range, a
calendar-query REPORT must return exactly the events of "uids". The server
is always stopped.

Exit status: 0 passed, 1 failed, 77 Radicale is not installed (skip).
"""
import base64
import http.client
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET

RADICALE = shutil.which("radicale") or ("/usr/bin/radicale" if os.path.exists("/usr/bin/radicale") else None)
AUTH = {"Authorization": "Basic " + base64.b64encode(b"ministerial:x").decode()}
COLLECTION = "/ministerial/plan/"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def split_events(text):
    """The calendar's head, its VTIMEZONEs and its VEVENTs, as lists of lines."""
    head, zones, events, current = [], [], [], None
    for line in text.split("\r\n"):
        if current is None and line.startswith("BEGIN:") and line != "BEGIN:VCALENDAR":
            current = [line]
        elif current is not None:
            current.append(line)
            if line == "END:" + current[0][6:]:
                (zones if current[0] == "BEGIN:VTIMEZONE" else events).append(current)
                current = None
        elif line and line != "END:VCALENDAR":
            head.append(line)
    return head, zones, events


def uid_of(lines):
    unfolded = "\r\n".join(lines).replace("\r\n ", "")
    for line in unfolded.split("\r\n"):
        if line.startswith("UID:"):
            return line[4:]
    raise ValueError("an event without UID")


def request(port, method, path, body=None, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request(method, path, body=body, headers={**AUTH, **(headers or {})})
    response = connection.getresponse()
    data = response.read()
    connection.close()
    return response.status, data


def query(port, start, end):
    body = ('<?xml version="1.0" encoding="utf-8"?>'
            '<C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">'
            '<D:prop><D:getetag/></D:prop><C:filter><C:comp-filter name="VCALENDAR">'
            f'<C:comp-filter name="VEVENT"><C:time-range start="{start}" end="{end}"/>'
            '</C:comp-filter></C:comp-filter></C:filter></C:calendar-query>')
    status, data = request(port, "REPORT", COLLECTION, body.encode(),
                           {"Depth": "1", "Content-Type": "application/xml; charset=utf-8"})
    if status != 207:
        raise RuntimeError(f"REPORT {start}..{end}: HTTP {status}")
    hrefs = [e.text for e in ET.fromstring(data).iter("{DAV:}href")]
    return sorted(h.rsplit("/", 1)[-1] for h in hrefs if h and not h.endswith("/"))


def run(spec, port):
    failures = []
    text = open(spec["calendar"], encoding="utf-8", newline="").read()
    head, zones, events = split_events(text)

    status, _ = request(port, "MKCALENDAR", COLLECTION)
    if status != 201:
        return [f"MKCALENDAR {COLLECTION}: HTTP {status}"]

    names = {}
    for index, event in enumerate(events):
        uid = uid_of(event)
        name = f"event-{index}.ics"
        names[uid] = name
        body = "\r\n".join(head + [l for z in zones for l in z] + event + ["END:VCALENDAR", ""])
        status, data = request(port, "PUT", COLLECTION + name, body.encode("utf-8"),
                               {"Content-Type": "text/calendar; charset=utf-8", "If-None-Match": "*"})
        if status != 201:
            failures.append(f"PUT {uid}: HTTP {status} {data[:200]!r}")
    print(f"PUT {len(events)} events")

    for r in spec["ranges"]:
        want = sorted(names.get(uid, f"(no event {uid})") for uid in r["uids"])
        got = query(port, r["start"], r["end"])
        if got != want:
            by_name = {v: k for k, v in names.items()}
            failures.append(f"REPORT {r['start']}..{r['end']}: got {[by_name.get(n, n) for n in got]}, "
                            f"want {r['uids']}")
    print(f"REPORT {len(spec['ranges'])} time ranges")
    return failures


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    if RADICALE is None:
        print("skip: radicale is not installed", file=sys.stderr)
        return 77
    spec = json.load(open(sys.argv[1], encoding="utf-8"))

    with tempfile.TemporaryDirectory(prefix="ministerial-radicale-") as work:
        port = free_port()
        config = os.path.join(work, "config")
        with open(config, "w", encoding="utf-8") as f:
            f.write(f"""[server]
hosts = 127.0.0.1:{port}
[auth]
type = none
[rights]
type = owner_only
[storage]
filesystem_folder = {work}/collections
[web]
type = none
[logging]
level = warning
""")
        log = open(os.path.join(work, "radicale.log"), "w")
        # -C: this file only, not Debian's /etc/radicale/config.
        server = subprocess.Popen([RADICALE, "-C", config], stdout=log, stderr=subprocess.STDOUT)
        try:
            for _ in range(200):
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    break
                except OSError:
                    if server.poll() is not None:
                        break
                    time.sleep(0.05)
            else:
                server.kill()
            if server.poll() is not None:
                log.close()
                print(open(os.path.join(work, "radicale.log")).read(), file=sys.stderr)
                print("FAIL: Radicale did not start", file=sys.stderr)
                return 1
            failures = run(spec, port)
        finally:
            server.terminate()
            try:
                server.wait(10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
            log.close()

    for failure in failures:
        print(f"FAIL: {failure}", file=sys.stderr)
    print("caldav: " + ("passed" if not failures else f"{len(failures)} failures"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
