#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The calendar export a user would otherwise write: Python's icalendar
(Debian's python3-icalendar 4.0.3) on a plan file. For comparison with
bench-ics, which does the same with libical.

usage: /usr/bin/python3 ics-python.py [--runs N] [--out DIR] PLAN.ministerial

Times (process CPU time, the median of N runs, default 5) building and
serialising the whole plan as one calendar, and one calendar per
participant; the plan's JSON is read once, outside the timing. The events
carry what Ministerial's do (UID, DTSTAMP, DTSTART/DTEND with TZID,
SUMMARY, LOCATION, DESCRIPTION, CATEGORIES, STATUS, SEQUENCE, ATTENDEE
with CN and ROLE) but no VTIMEZONE: icalendar 4.0.3 cannot write one, so
this is a lower bound for a calendar that other programs can read.
With --out, writes the calendars there (all.ics, PARTICIPANT.ics).
Prints "python-ics whole_ms=… participants_ms=… events=… bytes=…".
"""
import argparse
import datetime as dt
import json
import os
import statistics
import sys
import time

try:
    import pytz
    from icalendar import Calendar, Event, vCalAddress
except ImportError as e:
    print(f"skip: {e.name} is not installed for {sys.executable}", file=sys.stderr)
    sys.exit(77)

ROLES = {"principal": "REQ-PARTICIPANT", "delegate": "REQ-PARTICIPANT", "staff": "OPT-PARTICIPANT",
         "interpreter": "OPT-PARTICIPANT", "press": "NON-PARTICIPANT", "security": "NON-PARTICIPANT"}


def prepare(plan):
    """Looks up what each event needs once, as a script would."""
    conference = plan["conference"]
    venues = {v["id"]: v for v in plan.get("venues", [])}
    rooms = {r["id"]: r for r in plan.get("rooms", [])}
    people = {p["id"]: p for p in plan.get("participants", [])}
    zones = {}

    def zone_of(meeting):
        room = rooms.get(meeting.get("room"))
        venue = venues.get(room.get("venue")) if room else None
        name = (venue or {}).get("time_zone") or conference["time_zone"]
        if name not in zones:
            zones[name] = pytz.timezone(name)
        return zones[name]

    def location_of(meeting):
        room = rooms.get(meeting.get("room"))
        if room is None:
            return None
        venue = venues.get(room.get("venue"), {})
        return ", ".join(x for x in (room.get("name"), venue.get("name"), venue.get("address")) if x)

    return zone_of, location_of, people


def parse_local(text, zone):
    if text.endswith("Z") or "+" in text[10:] or "-" in text[10:]:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    return zone.localize(dt.datetime.fromisoformat(text), is_dst=True)


def make_event(meeting, zone_of, location_of, people, stamp):
    zone = zone_of(meeting)
    event = Event()
    event.add("uid", meeting.get("uid") or meeting["id"] + "@ministerial")
    event.add("dtstamp", stamp)
    event.add("dtstart", parse_local(meeting["start"], zone))
    event.add("dtend", parse_local(meeting["end"], zone))
    event.add("summary", meeting["title"])
    location = location_of(meeting)
    if location:
        event.add("location", location)
    text = ""
    if meeting.get("topics"):
        text = "Topics:" + "".join("\n• " + t for t in meeting["topics"])
    if meeting.get("notes"):
        text += ("\n\n" if text else "") + meeting["notes"]
    if text:
        event.add("description", text)
    event.add("categories", meeting.get("kind", "other"))
    event.add("status", meeting.get("status", "tentative").upper())
    event.add("sequence", meeting.get("sequence", 0))
    for pid in meeting.get("participants", []):
        person = people[pid]
        address = vCalAddress("mailto:" + person["email"] if person.get("email") else "urn:x-ministerial:" + pid)
        address.params["cn"] = person["name"]
        address.params["role"] = ROLES.get(person.get("role", "delegate"))
        event.add("attendee", address, encode=0)
    return event


def make_calendar(plan, meetings, name, helpers, stamp):
    calendar = Calendar()
    calendar.add("prodid", "-//Ministerial//bench ics-python//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"{plan['conference']['title']} — {name}")
    for meeting in meetings:
        calendar.add_component(make_event(meeting, *helpers, stamp))
    return calendar.to_ical()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("plan")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--out")
    a = ap.parse_args()

    plan = json.load(open(a.plan, encoding="utf-8"))
    stamp = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    meetings = plan.get("meetings", [])
    whole, each = [], []
    for _ in range(a.runs):
        began = time.process_time()
        helpers = prepare(plan)
        data = make_calendar(plan, meetings, "All meetings", helpers, stamp)
        whole.append((time.process_time() - began) * 1000)

        began = time.process_time()
        helpers = prepare(plan)
        by_person = {}
        for meeting in meetings:
            for pid in dict.fromkeys(meeting.get("participants", [])):
                by_person.setdefault(pid, []).append(meeting)
        calendars = {p["id"]: make_calendar(plan, by_person.get(p["id"], []), p["name"], helpers, stamp)
                     for p in plan.get("participants", [])}
        each.append((time.process_time() - began) * 1000)

    if a.out:
        open(os.path.join(a.out, "all.ics"), "wb").write(data)
        for pid, text in calendars.items():
            open(os.path.join(a.out, pid + ".ics"), "wb").write(text)

    print(f"python-ics whole_ms={statistics.median(whole):.1f} participants_ms={statistics.median(each):.1f} "
          f"events={len(meetings)} bytes={len(data)} calendars={len(calendars)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
