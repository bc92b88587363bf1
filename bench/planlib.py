# SPDX-License-Identifier: GPL-3.0-or-later
"""Plan files (docs: file-format.md), read and checked in Python.

An implementation of the plan format and of its conflict rules that shares
no code with the application, so that each can check the other. Used by
check-plan.py, mip-yardstick.py and yardstick-selftest.py. Standard library
only; run with /usr/bin/python3 (3.11).
"""

import datetime
import json
import re
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

KINDS = ("plenary", "multilateral", "trilateral", "bilateral", "pull-aside",
         "working-meal", "press", "ceremony", "travel", "other")
ROLES = ("principal", "delegate", "staff", "press", "interpreter", "security")
STATUSES = ("tentative", "confirmed", "cancelled")
PRIORITY_WEIGHT = {"required": 1000, "high": 4, "normal": 2, "low": 1}
PRIORITIES = tuple(PRIORITY_WEIGHT)
CONFLICT_KINDS = ("participant-overlap", "room-overlap", "unavailable",
                  "travel", "capacity")

_DATETIME = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?"
    r"(Z|[+-]\d{2}:?\d{2})?")
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_HOUR = re.compile(r"(\d{2}):(\d{2})")
_EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)


class PlanError(Exception):
    """Bad input: the message names the file, the object and the member."""


@dataclass
class Room:
    id: str
    venue: str | None
    capacity: int | None
    kinds: frozenset | None          # None: every kind


@dataclass
class Participant:
    id: str
    delegation: str
    role: str
    available: list | None           # [(start, end)] in seconds, or None


@dataclass
class Meeting:
    id: str
    index: int                       # position in the file
    kind: str
    start: int                       # seconds since the epoch
    end: int
    room: str | None
    participants: tuple              # distinct, in file order
    status: str
    locked: bool
    request: str | None


@dataclass
class Request:
    id: str
    index: int
    kind: str
    participants: tuple
    duration: int                    # minutes
    priority: str
    earliest: int | None             # seconds
    latest: int | None
    title: str | None = None


@dataclass
class Plan:
    path: str
    data: dict
    zone: str
    start_date: datetime.date
    end_date: datetime.date
    day_start: int                   # minutes after midnight
    day_end: int
    slot: int
    turnover: int
    buffer: int
    venue_zone: dict = field(default_factory=dict)
    rooms: dict = field(default_factory=dict)
    travel: dict = field(default_factory=dict)   # (venue, venue) -> minutes
    delegations: dict = field(default_factory=dict)
    participants: dict = field(default_factory=dict)
    meetings: list = field(default_factory=list)
    requests: list = field(default_factory=list)

    def venue_of(self, room_id):
        """The venue of a room id (None for no room or no venue)."""
        if room_id is None:
            return None
        return self.rooms[room_id].venue

    def meeting_zone(self, room_id):
        venue = self.venue_of(room_id)
        if venue is not None and self.venue_zone.get(venue):
            return self.venue_zone[venue]
        return self.zone

    def travel_minutes(self, a, b):
        if a is None or b is None or a == b:
            return 0
        return self.travel.get((a, b), 0)

    def days(self):
        day = self.start_date
        while day <= self.end_date:
            yield day
            day += datetime.timedelta(days=1)


def local_instant(zone, date, minutes, what="a time"):
    """Seconds since the epoch of MINUTES after midnight of DATE in ZONE;
    None when that local time does not exist (a daylight-saving gap)."""
    naive = datetime.datetime.combine(date, datetime.time()) + \
        datetime.timedelta(minutes=minutes)
    return _localize(zone, naive)


def _localize(zone, naive):
    tz = ZoneInfo(zone)
    aware = naive.replace(tzinfo=tz, fold=0)       # fold 0: the first of two
    back = aware.astimezone(datetime.timezone.utc).astimezone(tz)
    if back.replace(tzinfo=None) != naive:
        return None
    return int((aware - _EPOCH).total_seconds())


def format_local(zone, seconds):
    """YYYY-MM-DDTHH:MM (with :SS when needed) in ZONE."""
    moment = datetime.datetime.fromtimestamp(seconds, ZoneInfo(zone))
    if moment.second:
        return moment.strftime("%Y-%m-%dT%H:%M:%S")
    return moment.strftime("%Y-%m-%dT%H:%M")


class _Reader:
    def __init__(self, path):
        self.path = path

    def fail(self, where, message):
        raise PlanError(f"{self.path}: {where}: {message}")

    def member(self, obj, where, name, kind, required=False, default=None):
        if name not in obj:
            if required:
                self.fail(where, f"member \"{name}\" is required")
            return default
        value = obj[name]
        ok = {
            "string": isinstance(value, str),
            "int": isinstance(value, int) and not isinstance(value, bool),
            "bool": isinstance(value, bool),
            "array": isinstance(value, list),
            "object": isinstance(value, dict),
        }[kind]
        if not ok:
            self.fail(where, f"member \"{name}\" must be {'an' if kind in ('int', 'array', 'object') else 'a'} "
                             f"{ {'int': 'integer', 'bool': 'boolean'}.get(kind, kind)}")
        return value

    def datetime(self, text, zone, where, name):
        match = _DATETIME.fullmatch(text) if isinstance(text, str) else None
        if match is None:
            self.fail(where, f"member \"{name}\": \"{text}\" is not a date-time "
                             "(YYYY-MM-DDTHH:MM)")
        year, month, day, hour, minute, second, offset = match.groups()
        try:
            naive = datetime.datetime(int(year), int(month), int(day), int(hour),
                                      int(minute), int(second or 0))
        except ValueError:
            self.fail(where, f"member \"{name}\": \"{text}\" is not a valid date-time")
        if offset is not None:
            if offset == "Z":
                tz = datetime.timezone.utc
            else:
                sign = -1 if offset[0] == "-" else 1
                digits = offset[1:].replace(":", "")
                tz = datetime.timezone(sign * datetime.timedelta(
                    hours=int(digits[:2]), minutes=int(digits[2:])))
            return int((naive.replace(tzinfo=tz) - _EPOCH).total_seconds())
        seconds = _localize(zone, naive)
        if seconds is None:
            self.fail(where, f"member \"{name}\": {text} does not exist in {zone} "
                             "(a daylight-saving gap)")
        return seconds

    def zone(self, text, where, name):
        try:
            ZoneInfo(text)
        except (ZoneInfoNotFoundError, ValueError):
            self.fail(where, f"member \"{name}\": \"{text}\" is not a time zone")
        return text

    def hour(self, obj, where, name, default):
        text = self.member(obj, where, name, "string", default=default)
        match = _HOUR.fullmatch(text)
        if match is None or int(match[1]) > 24 or int(match[2]) > 59:
            self.fail(where, f"member \"{name}\": \"{text}\" is not a time of day (HH:MM)")
        return int(match[1]) * 60 + int(match[2])

    def date(self, obj, where, name):
        text = self.member(obj, where, name, "string", required=True)
        match = _DATE.fullmatch(text)
        try:
            return datetime.date(int(match[1]), int(match[2]), int(match[3]))
        except (TypeError, ValueError):
            self.fail(where, f"member \"{name}\": \"{text}\" is not a date (YYYY-MM-DD)")

    def objects(self, data, name, ids_required=True):
        """The array NAME as [(where, object, id)], with unique ids."""
        array = self.member(data, "top level", name, "array", default=[])
        seen = {}
        result = []
        for i, obj in enumerate(array):
            where = f"{name}[{i}]"
            if not isinstance(obj, dict):
                self.fail(where, "must be an object")
            ident = obj.get("id")
            if ident is None and not ids_required:
                result.append((where, obj, None))
                continue
            if not isinstance(ident, str) or ident == "":
                self.fail(where, "member \"id\" must be a non-empty string")
            where = f"{name}[{i}] (id \"{ident}\")"
            if ident in seen:
                self.fail(where, f"id \"{ident}\" is used twice (also {name}[{seen[ident]}])")
            seen[ident] = i
            result.append((where, obj, ident))
        return result

    def reference(self, table, table_name, value, where, name):
        if not isinstance(value, str):
            self.fail(where, f"member \"{name}\" must be a string (an id)")
        if value not in table:
            self.fail(where, f"member \"{name}\": no {table_name} with id \"{value}\"")
        return value

    def people(self, plan, obj, where, name, required=False):
        ids = self.member(obj, where, name, "array", required=required, default=[])
        distinct = []
        for value in ids:
            self.reference(plan.participants, "participant", value, where, name)
            if value not in distinct:
                distinct.append(value)
        return tuple(distinct)

    def enum(self, obj, where, name, values, default):
        value = self.member(obj, where, name, "string", default=default)
        if value not in values:
            self.fail(where, f"member \"{name}\": \"{value}\" is not one of {', '.join(values)}")
        return value


def load(path):
    """Reads and checks the plan at PATH; raises PlanError."""
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except OSError as e:
        raise PlanError(f"{path}: {e.strerror}") from e
    except UnicodeDecodeError as e:
        raise PlanError(f"{path}: not UTF-8 (byte {e.start})") from e
    return loads(text, path)


def loads(text, path="<plan>"):
    r = _Reader(path)
    if text.strip() == "":
        raise PlanError(f"{path}: the file is empty")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise PlanError(f"{path}:{e.lineno}:{e.colno}: {e.msg}") from e
    if not isinstance(data, dict):
        r.fail("top level", "must be an object")
    if data.get("format") != "ministerial-plan":
        r.fail("top level", "member \"format\" must be \"ministerial-plan\"")
    version = r.member(data, "top level", "version", "int", required=True)
    if version > 1:
        r.fail("top level", f"version {version} is newer than this tool reads (1)")

    conf = r.member(data, "top level", "conference", "object", required=True)
    where = "conference"
    r.member(conf, where, "title", "string", required=True)
    zone = r.zone(r.member(conf, where, "time_zone", "string", required=True), where, "time_zone")
    start_date = r.date(conf, where, "start_date")
    end_date = r.date(conf, where, "end_date")
    if end_date < start_date:
        r.fail(where, "end_date is before start_date")
    plan = Plan(path=path, data=data, zone=zone, start_date=start_date, end_date=end_date,
                day_start=r.hour(conf, where, "day_start", "08:00"),
                day_end=r.hour(conf, where, "day_end", "20:00"),
                slot=r.member(conf, where, "slot_minutes", "int", default=15),
                turnover=r.member(conf, where, "turnover_minutes", "int", default=0),
                buffer=r.member(conf, where, "buffer_minutes", "int", default=0))
    if plan.slot < 1:
        r.fail(where, "member \"slot_minutes\" must be at least 1")

    for where, obj, ident in r.objects(data, "venues"):
        r.member(obj, where, "name", "string", required=True)
        tz = r.member(obj, where, "time_zone", "string")
        plan.venue_zone[ident] = r.zone(tz, where, "time_zone") if tz is not None else None

    for where, obj, ident in r.objects(data, "rooms"):
        r.member(obj, where, "name", "string", required=True)
        venue = obj.get("venue")
        if venue is not None:
            r.reference(plan.venue_zone, "venue", venue, where, "venue")
        capacity = r.member(obj, where, "capacity", "int")
        if capacity is not None and capacity < 1:
            r.fail(where, "member \"capacity\" must be at least 1")
        kinds = r.member(obj, where, "kinds", "array")
        if kinds is not None:
            for k in kinds:
                if k not in KINDS:
                    r.fail(where, f"member \"kinds\": \"{k}\" is not a meeting kind")
            kinds = frozenset(kinds)
        plan.rooms[ident] = Room(ident, venue, capacity, kinds)

    for where, obj, ident in r.objects(data, "travel", ids_required=False):
        a = r.reference(plan.venue_zone, "venue", obj.get("from"), where, "from")
        b = r.reference(plan.venue_zone, "venue", obj.get("to"), where, "to")
        minutes = r.member(obj, where, "minutes", "int", required=True)
        if minutes < 0:
            r.fail(where, "member \"minutes\" must not be negative")
        # Both ways; should two entries name one pair, the longer counts.
        for key in ((a, b), (b, a)):
            plan.travel[key] = max(plan.travel.get(key, 0), minutes)

    for where, obj, ident in r.objects(data, "delegations"):
        r.member(obj, where, "name", "string", required=True)
        plan.delegations[ident] = obj

    for where, obj, ident in r.objects(data, "participants"):
        r.member(obj, where, "name", "string", required=True)
        delegation = r.reference(plan.delegations, "delegation", obj.get("delegation"),
                                 where, "delegation")
        role = r.enum(obj, where, "role", ROLES, "delegate")
        windows = r.member(obj, where, "available", "array")
        available = None
        if windows is not None:
            available = []
            for j, w in enumerate(windows):
                wwhere = f"{where}: available[{j}]"
                if not isinstance(w, dict):
                    r.fail(wwhere, "must be an object")
                s = r.datetime(r.member(w, wwhere, "start", "string", required=True), zone, wwhere, "start")
                e = r.datetime(r.member(w, wwhere, "end", "string", required=True), zone, wwhere, "end")
                if e <= s:
                    r.fail(wwhere, "end is not after start")
                available.append((s, e))
        plan.participants[ident] = Participant(ident, delegation, role, available)

    request_ids = {obj.get("id") for obj in r.member(data, "top level", "requests", "array", default=[])
                   if isinstance(obj, dict)}

    for i, (where, obj, ident) in enumerate(r.objects(data, "meetings")):
        r.member(obj, where, "title", "string", required=True)
        kind = r.enum(obj, where, "kind", KINDS, "other")
        room = obj.get("room")
        if room is not None:
            r.reference(plan.rooms, "room", room, where, "room")
        mzone = plan.meeting_zone(room)
        start = r.datetime(r.member(obj, where, "start", "string", required=True), mzone, where, "start")
        end = r.datetime(r.member(obj, where, "end", "string", required=True), mzone, where, "end")
        if end <= start:
            r.fail(where, "end is not after start")
        request = obj.get("request")
        if request is not None:
            r.reference(request_ids, "request", request, where, "request")
        plan.meetings.append(Meeting(
            ident, i, kind, start, end, room, r.people(plan, obj, where, "participants"),
            r.enum(obj, where, "status", STATUSES, "tentative"),
            bool(r.member(obj, where, "locked", "bool", default=False)), request))

    for i, (where, obj, ident) in enumerate(r.objects(data, "requests")):
        kind = r.enum(obj, where, "kind", KINDS, "bilateral")
        people = r.people(plan, obj, where, "participants", required=True)
        if len(people) < 2:
            r.fail(where, "member \"participants\" must name two or more participants")
        duration = r.member(obj, where, "duration_minutes", "int", required=True)
        if duration < 1:
            r.fail(where, "member \"duration_minutes\" must be at least 1")
        earliest = obj.get("earliest")
        latest = obj.get("latest")
        plan.requests.append(Request(
            ident, i, kind, people, duration,
            r.enum(obj, where, "priority", PRIORITIES, "normal"),
            None if earliest is None else r.datetime(earliest, zone, where, "earliest"),
            None if latest is None else r.datetime(latest, zone, where, "latest"),
            obj.get("title")))
    return plan


def _order(m):
    return (m.start, m.end, m.index)


def conflicts(plan, meetings=None):
    """Every conflict of file-format.md among MEETINGS (default: the plan's),
    as dicts in the shape of `ministerial --check --json`, sorted."""
    if meetings is None:
        meetings = plan.meetings
    active = [m for m in meetings if m.status != "cancelled"]
    found = []

    by_person = {}
    by_room = {}
    for m in active:
        for p in m.participants:
            by_person.setdefault(p, []).append(m)
        if m.room is not None:
            by_room.setdefault(m.room, []).append(m)

    for p, items in by_person.items():
        items.sort(key=_order)
        # participant-overlap: every overlapping pair.
        open_ = []
        for m in items:
            open_ = [a for a in open_ if a.end > m.start]
            for a in open_:
                found.append(("participant-overlap", "participant", p, (a.id, m.id)))
            open_.append(m)
        # travel: each two that follow each other and do not overlap.
        for a, b in zip(items, items[1:]):
            if b.start < a.end:
                continue
            gap = b.start - a.end                      # seconds
            va, vb = plan.venue_of(a.room), plan.venue_of(b.room)
            short = False
            if va is not None and vb is not None and va != vb \
                    and gap < 60 * plan.travel_minutes(va, vb):
                short = True
            if a.room is not None and b.room is not None and a.room != b.room \
                    and gap < 60 * plan.buffer:
                short = True
            if short:
                found.append(("travel", "participant", p, (a.id, b.id)))
        # unavailable: each meeting inside one of the windows.
        windows = plan.participants[p].available
        if windows is not None:
            for m in items:
                if not any(s <= m.start and m.end <= e for s, e in windows):
                    found.append(("unavailable", "participant", p, (m.id,)))

    for room, items in by_room.items():
        items.sort(key=_order)
        open_ = []
        turnover = plan.turnover * 60
        for m in items:
            open_ = [a for a in open_ if m.start - a.end < turnover]
            for a in open_:
                found.append(("room-overlap", "room", room, (a.id, m.id)))
            open_.append(m)
        capacity = plan.rooms[room].capacity
        if capacity is not None:
            for m in items:
                if len(m.participants) > capacity:
                    found.append(("capacity", "room", room, (m.id,)))

    found.sort(key=lambda c: (CONFLICT_KINDS.index(c[0]), c[2], c[3]))
    return [{"kind": kind, subject: ident, "meetings": list(ids)}
            for kind, subject, ident, ids in found]


def dump_conflicts(items):
    """The text `ministerial --check --json` prints."""
    return json.dumps({"conflicts": items}, ensure_ascii=False)
