#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks Ministerial's calendars with two parsers libical has nothing to do
with: Python's icalendar and vobject. Each must read every file, and both
must agree on every event's instants (UTC) with the instants libical read
(given in EXPECT.json by tests/test-ics.c) and with the tz database.

usage: /usr/bin/python3 ics-validate.py EXPECT.json

EXPECT.json: {"FILE.ics": {"UID": ["YYYYMMDDTHHMMSSZ", "YYYYMMDDTHHMMSSZ"], ...}, ...}
(the start and end of each event the file must hold, and no other).

Exit status: 0 valid, 1 invalid (each problem on stderr), 77 the Python
modules are missing (the test is then skipped).
"""
import datetime as dt
import json
import logging
import re
import sys
import uuid
import zoneinfo

try:
    import icalendar
    import vobject
    from icalendar.timezone_cache import _timezone_cache
except ImportError as e:
    print(f"skip: {e.name} is not installed for {sys.executable}", file=sys.stderr)
    sys.exit(77)

logging.disable(logging.ERROR)  # vobject logs on the root logger

UTC = dt.timezone.utc
CAL_ADDRESS = re.compile(r"^(mailto:[^@\s]+@[^@\s]+|urn:uuid:[0-9a-f-]{36})$", re.I)


def utc(value):
    if not isinstance(value, dt.datetime):
        return f"{value!r} (not a date-time)"
    if value.tzinfo is None:
        return f"{value:%Y%m%dT%H%M%S} (floating)"
    return value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def check_lines(raw, problems):
    lines = raw.split(b"\r\n")
    if lines[-1] != b"":
        problems.append("the file does not end with CRLF")
    for number, line in enumerate(lines, 1):
        if b"\n" in line or b"\r" in line:
            problems.append(f"line {number}: a line break that is not CRLF")
            break
        if len(line) > 75:
            problems.append(f"line {number}: {len(line)} octets, more than 75 (RFC 5545 3.1)")
            break


def check_icalendar(raw, expected, problems):
    """Returns {uid: (start, end)} as icalendar reads them."""
    _timezone_cache.clear()   # a VTIMEZONE of another file must not answer for this one
    cal = icalendar.Calendar.from_ical(raw)
    for component in cal.walk():
        for prop, message in getattr(component, "errors", []):
            problems.append(f"icalendar: {component.name} {prop}: {message}")
    for name, want in (("VERSION", "2.0"), ("METHOD", "PUBLISH")):
        if str(cal.get(name, "")) != want:
            problems.append(f"VCALENDAR: {name} is {cal.get(name)!r}, not {want}")
    for name in ("PRODID", "X-WR-CALNAME"):
        if not str(cal.get(name, "")):
            problems.append(f"VCALENDAR: no {name}")

    zones = {}
    for tz in cal.walk("VTIMEZONE"):
        tzid = str(tz["TZID"])
        if tzid in zones:
            problems.append(f"VTIMEZONE {tzid} twice")
        zones[tzid] = tz
    used = set()
    events = {}
    for ev in cal.walk("VEVENT"):
        uid = str(ev.get("UID", ""))
        for name in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "STATUS", "SEQUENCE",
                     "CATEGORIES", "ORGANIZER"):
            if name not in ev:
                problems.append(f"VEVENT {uid}: no {name}")
        if "DTSTAMP" in ev and utc(ev["DTSTAMP"].dt).endswith(")"):
            problems.append(f"VEVENT {uid}: DTSTAMP is not in UTC")
        if str(ev.get("STATUS", "")) not in ("TENTATIVE", "CONFIRMED", "CANCELLED"):
            problems.append(f"VEVENT {uid}: STATUS {ev.get('STATUS')!r}")
        for name in ("DTSTART", "DTEND"):
            if name in ev and "TZID" in ev[name].params:
                tzid = ev[name].params["TZID"]
                used.add(tzid)
                if tzid not in zones:
                    problems.append(f"VEVENT {uid}: {name} TZID={tzid} has no VTIMEZONE")
                try:
                    zoneinfo.ZoneInfo(tzid)
                except Exception:  # noqa: BLE001
                    problems.append(f"VEVENT {uid}: TZID {tzid} is not a plain IANA name")
        attendees = ev.get("ATTENDEE", [])
        attendees = attendees if isinstance(attendees, list) else [attendees]
        for who in attendees + [ev.get("ORGANIZER")]:
            if who is None:
                continue
            if not CAL_ADDRESS.match(str(who)):
                problems.append(f"VEVENT {uid}: CAL-ADDRESS {who} is neither mailto: nor urn:uuid:")
            elif str(who).lower().startswith("urn:uuid:"):
                uuid.UUID(str(who)[9:])
            if "CN" not in who.params:
                problems.append(f"VEVENT {uid}: {who} has no CN")
        if uid in events:
            problems.append(f"VEVENT {uid} twice")
        events[uid] = (ev["DTSTART"].dt if "DTSTART" in ev else None,
                       ev["DTEND"].dt if "DTEND" in ev else None)
    for tzid in zones:
        if tzid not in used:
            problems.append(f"VTIMEZONE {tzid} is not used")
    return events


def check_vobject(text, problems):
    components = list(vobject.readComponents(text, validate=True))
    if len(components) != 1 or components[0].name != "VCALENDAR":
        problems.append(f"vobject: not one VCALENDAR: {[c.name for c in components]}")
        return {}
    return {ev.uid.value: (ev.dtstart.value, ev.dtend.value)
            for ev in getattr(components[0], "vevent_list", [])}


def validate(path, expected):
    problems = []
    raw = open(path, "rb").read()
    check_lines(raw, problems)
    try:
        by_icalendar = check_icalendar(raw, expected, problems)
    except Exception as e:  # noqa: BLE001
        return problems + [f"icalendar cannot read it: {type(e).__name__}: {e}"]
    try:
        by_vobject = check_vobject(raw.decode("utf-8"), problems)
    except Exception as e:  # noqa: BLE001
        return problems + [f"vobject cannot read it: {type(e).__name__}: {e}"]

    for name, events in (("icalendar", by_icalendar), ("vobject", by_vobject)):
        if set(events) != set(expected):
            problems.append(f"{name} sees {sorted(events)}, libical {sorted(expected)}")
    tzids = {}
    for line in raw.decode("utf-8").replace("\r\n ", "").splitlines():
        m = re.match(r"^(UID|DTSTART|DTEND)(;TZID=([^:;]+))?[;:]", line)
        if m and m.group(1) == "UID":
            uid = line[4:]
        elif m and m.group(3):
            tzids[(uid, m.group(1))] = m.group(3)
    for uid, (start, end) in expected.items():
        for index, name in enumerate(("DTSTART", "DTEND")):
            want = (start, end)[index]
            seen = {p: utc(events.get(uid, (None, None))[index])
                    for p, events in (("icalendar", by_icalendar), ("vobject", by_vobject))}
            tzid = tzids.get((uid, name))
            local = by_vobject.get(uid, (None, None))[index]
            if tzid is not None and isinstance(local, dt.datetime):
                try:
                    zone = zoneinfo.ZoneInfo(tzid)
                except (ValueError, zoneinfo.ZoneInfoNotFoundError):
                    continue  # reported above: not a plain IANA name
                seen["tzdata"] = utc(local.replace(tzinfo=zone))
            for parser, got in seen.items():
                if got != want:
                    problems.append(f"VEVENT {uid}: {name} is {got} for {parser}, {want} for libical")
    return problems


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    expectations = json.load(open(sys.argv[1], encoding="utf-8"))
    bad = 0
    for path, expected in expectations.items():
        problems = validate(path, expected)
        for problem in problems:
            print(f"{path}: {problem}", file=sys.stderr)
        print(f"{path}: {'valid' if not problems else 'INVALID'}, {len(expected)} events")
        bad += bool(problems)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
