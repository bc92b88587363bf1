#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The best score a scheduler can reach on a plan, proven with a MIP (CBC).

    mip-yardstick.py [--time-limit S] [--solution OUT.ministerial] PLAN
    mip-yardstick.py --relaxation|--bound [--time-limit S] PLAN

Prints one JSON line: objective (relaxed_objective with --relaxation or
--bound), best
bound, status ("optimal", "time limit", "infeasible", "error"), time_s (cbc's
CPU seconds; wall_s the wall clock), build_s (Python, reading and building),
placed and all requests by priority, model size, and "exact". Without
--relaxation it also adds the placements to the plan (--solution writes it)
and reports new_conflicts: planlib's count of conflicts they make, always 0
unless something is wrong.

The problem is the one file-format.md's "requests" section sets the
scheduler: place each request at most once, in a room that seats all its
participants and serves its kind, at a start on the slot grid (day_start +
k × slot_minutes in the conference zone, every conference day), entirely
inside day_start–day_end of that day, inside the request's earliest/latest
and inside every participant's availability, creating no conflict of
file-format.md with the fixed meetings nor between placed requests.
Maximise the sum of weights (required 1000, high 4, normal 2, low 1).

Fixed meetings: every meeting that is not cancelled, except placements of
a request (a meeting naming a "request") that are not locked; those are
taken out and their request is placed afresh. A locked placement stays and
its request counts as placed.

The default model is exact: its optimum is the best score any scheduler
can reach (see "exact" in the output for the rare plans where it is
stricter than the format: travel that breaks the triangle inequality, or
rooms without a venue next to travel times). Conflicts between placements:
  - participant-overlap: at every start τ, a person's placements running at
    τ sum to ≤ 1 (two intervals overlap iff the later start is in both);
  - room-overlap: at every start τ, a room's placements with
    start ≤ τ < end + turnover sum to ≤ 1;
  - buffer and travel: a placement "holds" its room for the person from its
    start until end + buffer (its venue until end + travel), but no further
    than the start of the person's next fixed meeting without a room (or
    without a venue), which ends the chain of consecutive meetings that the
    format checks; at every start τ a person may hold one room (one venue
    of each pair whose travel exceeds the buffer). Continuous z variables
    link the holds. Two placements conflict iff both hold different rooms
    (venues) at the later start; against fixed meetings, each placement is
    checked with the person's previous and next fixed meeting.

--relaxation drops room identity, travel, and buffers where they depend on
rooms: one variable per (request, start) allowed if some room would do;
rooms are counted per day (minutes) and per start (see relaxed_rooms).
Every schedule is feasible there, so its best bound is an upper bound on the
optimum: use it where the exact MIP is too big (UN).

--bound is --relaxation with room packing cuts (see packing_rows): per set
of rooms and day, how many placements, and how many grid slots with their
turnover, the rooms' free times can hold, from a dynamic program over each
room's free grid. Every schedule satisfies them, so the bound stays valid;
on the UN preset it is 53901 (901 above the required) against the plain
relaxation's 54103, and CBC proves the relaxed optimum in under a minute.
yardstick-selftest.py checks both against brute force.

Needs the `cbc` binary (Debian package coinor-cbc).
"""

import argparse
import bisect
import copy
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import planlib  # noqa: E402


class Problem:
    """The placements allowed by a plan, and what is fixed."""

    def __init__(self, plan, relaxation=False, packing=False):
        self.plan = plan
        self.relaxation = relaxation or packing
        self.packing = packing
        relaxation = self.relaxation
        self.notes = []
        self.exact = not relaxation
        self.turnover = plan.turnover * 60
        self.buffer = plan.buffer * 60

        placed_by_locked = set()
        self.fixed = []
        for m in plan.meetings:
            if m.status == "cancelled":
                continue
            if m.request is not None and not m.locked:
                continue
            if m.request is not None:
                placed_by_locked.add(m.request)
            self.fixed.append(m)
        self.locked_requests = [q for q in plan.requests if q.id in placed_by_locked]
        self.free_requests = [q for q in plan.requests if q.id not in placed_by_locked]

        self.by_person = {}
        self.by_room = {}
        for m in self.fixed:
            for p in m.participants:
                self.by_person.setdefault(p, []).append(m)
            if m.room is not None:
                self.by_room.setdefault(m.room, []).append(m)
        self.person_index = {p: self._index(ms) for p, ms in self.by_person.items()}
        self.room_index = {r: self._index(ms) for r, ms in self.by_room.items()}
        # Starts of each person's fixed meetings that end a chain of
        # consecutive meetings for the buffer rule (no room) and for the
        # travel rule (no venue).
        self.no_room_starts = {}
        self.no_venue_starts = {}
        for p, ms in self.by_person.items():
            self.no_room_starts[p] = sorted(m.start for m in ms if m.room is None)
            self.no_venue_starts[p] = sorted(m.start for m in ms if plan.venue_of(m.room) is None)

        self._check_exactness()
        self._make_grid()

    @staticmethod
    def _index(meetings):
        meetings.sort(key=lambda m: (m.start, m.end, m.index))
        return ([m.start for m in meetings], max(m.end - m.start for m in meetings))

    def _check_exactness(self):
        plan = self.plan
        venues = list(plan.venue_zone)
        for a in venues:
            for b in venues:
                for c in venues:
                    if len({a, b, c}) < 3:
                        continue
                    ab = max(plan.buffer, plan.travel_minutes(a, b))
                    bc = max(plan.buffer, plan.travel_minutes(b, c))
                    if plan.travel_minutes(a, c) > ab + bc:
                        self.exact = False
                        self.notes.append(f"travel {a}–{c} is longer than through {b}: "
                                          "the model is stricter than the format there")
                        return
        if any(plan.travel.values()) and any(r.venue is None for r in plan.rooms.values()):
            self.exact = False
            self.notes.append("rooms without a venue next to travel times: "
                              "the model is stricter than the format there")

    def _make_grid(self):
        plan = self.plan
        self.grid = []                      # (start instant, day end instant)
        for day in plan.days():
            close = planlib.local_instant(plan.zone, day, plan.day_end)
            minute = plan.day_start
            while minute < plan.day_end:
                s = planlib.local_instant(plan.zone, day, minute)
                if s is not None and close is not None:
                    self.grid.append((s, close))
                minute += plan.slot

    def required_gap(self, room_a, room_b):
        """Seconds a person needs between meetings in two rooms."""
        plan = self.plan
        need = 0
        if room_a is not None and room_b is not None and room_a != room_b:
            need = self.buffer
            va, vb = plan.venue_of(room_a), plan.venue_of(room_b)
            if va is not None and vb is not None and va != vb:
                need = max(need, 60 * plan.travel_minutes(va, vb))
        return need

    def room_is_free(self, room, s, e):
        """No fixed meeting in ROOM closer than turnover to [s, e)."""
        if room not in self.room_index:
            return True
        starts, longest = self.room_index[room]
        meetings = self.by_room[room]
        i = bisect.bisect_left(starts, e + self.turnover) - 1
        while i >= 0 and meetings[i].start > s - longest - self.turnover:
            if meetings[i].end + self.turnover > s:
                return False
            i -= 1
        return True

    def person_can(self, p, s, e):
        """The person is available and has no fixed meeting overlapping [s, e)."""
        windows = self.plan.participants[p].available
        if windows is not None and not any(a <= s and e <= b for a, b in windows):
            return False
        if p not in self.person_index:
            return True
        starts, longest = self.person_index[p]
        meetings = self.by_person[p]
        i = bisect.bisect_left(starts, e) - 1
        while i >= 0 and meetings[i].start > s - longest:
            if meetings[i].end > s:
                return False
            i -= 1
        return True

    def person_gaps_ok(self, p, room, s, e):
        """Buffer and travel with the person's previous and next fixed meeting."""
        if p not in self.person_index:
            return True
        starts, _ = self.person_index[p]
        meetings = self.by_person[p]
        i = bisect.bisect_left(starts, s) - 1
        if i >= 0 and meetings[i].end <= s:
            if s - meetings[i].end < self.required_gap(meetings[i].room, room):
                return False
        j = bisect.bisect_right(starts, s)
        if j < len(meetings) and meetings[j].start >= e:
            if meetings[j].start - e < self.required_gap(room, meetings[j].room):
                return False
        return True

    def eligible_rooms(self, q):
        n = len(q.participants)
        return [r.id for r in self.plan.rooms.values()
                if (r.kinds is None or q.kind in r.kinds)
                and (r.capacity is None or n <= r.capacity)]

    def placements(self):
        """[(request, room, start, end)]; room is None in the relaxation."""
        result = []
        for q in self.free_requests:
            rooms = self.eligible_rooms(q)
            if not rooms:
                continue
            length = 60 * q.duration
            for s, close in self.grid:
                e = s + length
                if e > close:
                    continue
                if q.earliest is not None and s < q.earliest:
                    continue
                if q.latest is not None and e > q.latest:
                    continue
                if not all(self.person_can(p, s, e) for p in q.participants):
                    continue
                for room in rooms:
                    if self.room_is_free(room, s, e) and \
                            all(self.person_gaps_ok(p, room, s, e) for p in q.participants):
                        result.append((q, None if self.relaxation else room, s, e))
                        if self.relaxation:
                            break
        return result

    def no_gap_between(self, low, high, placements):
        """Whether no two placements on one day can have a gap (seconds from
        the end of one to the start of the other) in [LOW, HIGH)."""
        durations = {e - s for _, _, s, e in placements}
        if not durations or high <= low:
            return True
        reach = max(durations) + high
        differences = set()
        for i, (s, close) in enumerate(self.grid):
            for t, other_close in self.grid[i:]:
                if t - s >= reach or other_close != close:
                    break
                differences.add(t - s)
        return not any(low <= diff - d < high for diff in differences for d in durations)

    def hold_end(self, p, e, extra, chain_ends):
        """Until when a placement ending at E holds its room (venue) for P."""
        end = e + extra
        starts = chain_ends.get(p)
        if starts:
            i = bisect.bisect_left(starts, e)
            if i < len(starts):
                end = min(end, starts[i])
        return end


class Model:
    """Rows of a 0-1 program: lists of (coefficient, variable), sense, rhs."""

    def __init__(self):
        self.n_vars = 0
        self.binary = []
        self.continuous = []
        self.objective = []
        self.rows = []
        self.seen = set()

    def var(self, binary=True):
        name = f"{'x' if binary else 'z'}{self.n_vars}"
        self.n_vars += 1
        (self.binary if binary else self.continuous).append(name)
        return name

    def row(self, terms, sense, rhs):
        if sense == "<=" and all(c > 0 for c, _ in terms) and sum(c for c, _ in terms) <= rhs:
            return
        key = (tuple(sorted(terms)), sense, rhs)
        if key in self.seen:
            return
        self.seen.add(key)
        self.rows.append((terms, sense, rhs))

    def write_lp(self, path):
        with open(path, "w") as f:
            f.write("Maximize\n obj:")
            for i, (c, v) in enumerate(self.objective):
                f.write(f" + {c} {v}" + ("\n" if i % 10 == 9 else ""))
            f.write("\nSubject To\n")
            for k, (terms, sense, rhs) in enumerate(self.rows):
                f.write(f" c{k}:")
                for i, (c, v) in enumerate(terms):
                    f.write(f" {'+' if c >= 0 else '-'} {abs(c)} {v}" + ("\n" if i % 10 == 9 else ""))
                f.write(f" {sense} {rhs}\n")
            f.write("Bounds\n")
            for v in self.continuous:
                f.write(f" 0 <= {v} <= 1\n")
            f.write("Binaries\n")
            for i, v in enumerate(self.binary):
                f.write(f" {v}" + ("\n" if i % 10 == 9 else ""))
            f.write("\nEnd\n")


def sweep(items):
    """ITEMS: tuples (start, hold end, ...). For each distinct start τ,
    yields τ, the items with start ≤ τ < hold end, and whether they all
    still run at the next start (then τ's row is implied by the next)."""
    items = sorted(items, key=lambda item: (item[0], item[1]))
    taus = sorted({item[0] for item in items})
    active = []
    k = 0
    for i, tau in enumerate(taus):
        while k < len(items) and items[k][0] <= tau:
            active.append(items[k])
            k += 1
        active = [a for a in active if a[1] > tau]
        following = taus[i + 1] if i + 1 < len(taus) else None
        yield tau, active, following is not None and all(a[1] > following for a in active)


def clique_rows(model, items):
    """ITEMS: [(start, hold end, variable)]. At each start τ, the items with
    start ≤ τ < hold end sum to ≤ 1; rows implied by a later one are left
    out."""
    for _, active, implied in sweep(items):
        if len(active) > 1 and not implied:
            model.row([(1, v) for _, _, v in active], "<=", 1)


def hold_rows(model, holds):
    """HOLDS: [(start, hold end, side, variable)] of one person, where SIDE
    is a room (a venue). At each start τ the person holds one side at most:
    x ≤ h(side, τ) for every placement holding SIDE at τ, and Σ h ≤ 1. The
    placements of one side with one start overlap one another, so they share
    a row."""
    for _, active, implied in sweep(holds):
        sides = {a[2] for a in active}
        if len(sides) < 2 or implied:
            continue
        hold_vars = []
        for side in sorted(sides, key=str):
            h = model.var(binary=False)
            hold_vars.append((1, h))
            groups = {}
            for s, _, sd, v in active:
                if sd == side:
                    groups.setdefault(s, []).append((1, v))
            for terms in groups.values():
                model.row(terms + [(-1, h)], "<=", 0)
        model.row(hold_vars, "<=", 1)


def build(problem, placements):
    plan = problem.plan
    model = Model()
    variables = []
    by_request = {}
    for q, room, s, e in placements:
        v = model.var()
        variables.append(v)
        model.objective.append((planlib.PRIORITY_WEIGHT[q.priority], v))
        by_request.setdefault(q.id, []).append((1, v))
    for terms in by_request.values():
        model.row(terms, "<=", 1)

    # participant-overlap, and more: two placements of a person closer than
    # min(buffer, turnover) conflict whatever their rooms (by the buffer in
    # two rooms, by the turnover in one), and so do two closer than the
    # buffer when no gap between grid placements can fall in [turnover,
    # buffer). Not past the person's next fixed meeting without a room.
    by_person = {}
    for (q, room, s, e), v in zip(placements, variables):
        for p in q.participants:
            by_person.setdefault(p, []).append((q, room, s, e, v))
    gap = min(problem.buffer, problem.turnover)
    buffer_by_cliques = problem.buffer > 0 and problem.no_gap_between(problem.turnover, problem.buffer, placements)
    if buffer_by_cliques:
        gap = problem.buffer
    for p, mine in by_person.items():
        clique_rows(model, [(s, problem.hold_end(p, e, gap, problem.no_room_starts), v)
                            for q, room, s, e, v in mine])

    if problem.relaxation:
        relaxed_rooms(problem, model, placements, variables)
        if problem.packing:
            packing_rows(problem, model, placements, variables)
        return model, variables

    # room-overlap, with turnover
    by_room = {}
    for (q, room, s, e), v in zip(placements, variables):
        by_room.setdefault(room, []).append((s, e + problem.turnover, v))
    for items in by_room.values():
        clique_rows(model, items)

    # buffer between rooms, travel between venues
    pairs = []
    venues = sorted(plan.venue_zone)
    for i, a in enumerate(venues):
        for b in venues[i + 1:]:
            minutes = plan.travel_minutes(a, b)
            if minutes > plan.buffer:
                pairs.append((a, b, 60 * minutes))
    for p, mine in by_person.items():
        if problem.buffer > 0 and not buffer_by_cliques:
            hold_rows(model, [(s, problem.hold_end(p, e, problem.buffer, problem.no_room_starts), room, v)
                              for q, room, s, e, v in mine])
        for a, b, extra in pairs:
            holds = []
            for q, room, s, e, v in mine:
                venue = plan.venue_of(room)
                if venue in (a, b):
                    holds.append((s, problem.hold_end(p, e, extra, problem.no_venue_starts), venue, v))
            hold_rows(model, holds)
    return model, variables


def relaxed_rooms(problem, model, placements, variables):
    """Rooms without their identity. A placement takes [start, end +
    turnover) of its room, apart from every other placement's and from
    [F.start, F.end + turnover) of each fixed meeting F there, inside
    [day_start, day_end + turnover) of its day. So for each set E of rooms
    (each distinct set of eligible rooms, and their union), counting the
    requests that can only use rooms of E:
      - per day, their Σ (duration + turnover) ≤ the free minutes of E's
        rooms that day;
      - per start τ, for the sets of at least a tenth of the requests, the
        ones running at τ ≤ the rooms of E free at τ."""
    eligible = {q.id: frozenset(problem.eligible_rooms(q)) for q in problem.free_requests}
    counts = {}
    for rooms in eligible.values():
        counts[rooms] = counts.get(rooms, 0) + 1
    union = frozenset().union(*counts) if counts else frozenset()
    counts[union] = len(eligible)
    day_of = {s: close for s, close in problem.grid}
    opening = {}
    for s, close in problem.grid:
        opening.setdefault(close, s)
    turnover = problem.turnover

    def blocked(room):
        return sorted((m.start, m.end + turnover) for m in problem.by_room.get(room, ()))

    def free_minutes(room, close):
        lo, hi = opening[close], close + turnover
        free, cursor = 0, lo
        for a, b in blocked(room):
            if b <= cursor or a >= hi:
                continue
            free += max(0, a - cursor)
            cursor = max(cursor, b)
        free += max(0, hi - cursor)
        return free // 60

    def taken(room, tau):
        return any(a <= tau < b for a, b in blocked(room))

    for rooms, n in counts.items():
        mine = [((q, s, e), v) for (q, _, s, e), v in zip(placements, variables) if eligible[q.id] <= rooms]
        if not mine:
            continue
        for close in opening:
            terms = [(q.duration + problem.plan.turnover, v) for (q, s, e), v in mine if day_of[s] == close]
            if terms:
                model.row(terms, "<=", sum(free_minutes(r, close) for r in rooms))
        if n * 10 < len(eligible) and rooms != union:
            continue
        for tau, active, _ in sweep([(s, e + turnover, v) for (q, s, e), v in mine]):
            free = sum(1 for r in rooms if not taken(r, tau))
            if len(active) > free:
                model.row([(1, v) for _, _, v in active], "<=", free)


def room_sets(problem):
    """The distinct sets of eligible rooms of the free requests, closed
    under union (at most 64 sets: past that, only the sets themselves and
    the union of all)."""
    sets = {frozenset(problem.eligible_rooms(q)) for q in problem.free_requests}
    sets.discard(frozenset())
    closed = set(sets)
    grew = True
    while grew and len(closed) <= 64:
        grew = False
        for a in list(closed):
            for b in sets:
                if a | b not in closed:
                    closed.add(a | b)
                    grew = True
    if len(closed) > 64:
        closed = sets | {frozenset().union(*sets)}
    return sorted(closed, key=lambda rooms: (len(rooms), sorted(rooms)))


def packing_capacity(problem, room, starts, close, durations, weight):
    """The largest Σ WEIGHT(d) of placements with durations in DURATIONS
    (minutes) that one ROOM can hold on one day: STARTS is the day's grid,
    CLOSE its day_end. A placement at s of d minutes needs s on the grid,
    s + d ≤ CLOSE, and [s, s + d + turnover) apart from every other
    placement's and from [F.start, F.end + turnover) of each fixed meeting
    F in the room (room-overlap with turnover). Dynamic programming over
    the starts: best(i) = max(best(i + 1), WEIGHT(d) + best(first start
    ≥ s_i + d + turnover)) is exact for one room."""
    turnover = problem.turnover
    blocked = sorted((m.start, m.end + turnover) for m in problem.by_room.get(room, ()))
    block_starts = [a for a, _ in blocked]
    longest = max((b - a for a, b in blocked), default=0)

    def free(s, hold):
        i = bisect.bisect_left(block_starts, hold) - 1
        while i >= 0 and block_starts[i] > s - longest:
            if blocked[i][1] > s:
                return False
            i -= 1
        return True

    best = [0] * (len(starts) + 1)
    for i in range(len(starts) - 1, -1, -1):
        s = starts[i]
        value = best[i + 1]
        for d in durations:
            end = s + 60 * d
            if end > close or not free(s, end + turnover):
                continue
            j = bisect.bisect_left(starts, end + turnover)
            value = max(value, weight(d) + best[j])
        best[i] = value
    return best[0]


def packing_rows(problem, model, placements, variables):
    """Room capacity cuts for --bound, on top of relaxed_rooms. For a set E
    of rooms (see room_sets) and a day, take the placements of the requests
    whose eligible rooms all lie in E. In any schedule each of them is in
    one room of E, and the ones in one room r on that day are a sequence
    that packing_capacity () allows; so for any weights w ≥ 0,
    Σ w(d) x ≤ Σ_{r ∈ E} packing_capacity (r, w). The weights used: 1 (how
    many meetings fit), the grid slots a placement spans with its turnover
    (a 30-minute meeting with 5 of turnover blocks 45 minutes of a 15-minute
    grid), and 1 for durations ≥ d for each longer duration d present.
    Also the per-start rows of relaxed_rooms for every set, not only the
    large ones. All of these hold for every schedule, so the relaxed
    model's optimum, and any bound CBC proves on it, stays an upper bound."""
    eligible = {q.id: frozenset(problem.eligible_rooms(q)) for q in problem.free_requests}
    days = {}
    for s, close in problem.grid:
        days.setdefault(close, []).append(s)
    day_of = {s: close for s, close in problem.grid}
    slot = 60 * problem.plan.slot
    turnover = problem.turnover

    def taken(room, tau):
        return any(m.start <= tau < m.end + turnover for m in problem.by_room.get(room, ()))

    for rooms in room_sets(problem):
        mine = [(q, s, e, v) for (q, _, s, e), v in zip(placements, variables) if eligible[q.id] <= rooms]
        if not mine:
            continue
        durations = sorted({q.duration for q, _, _, _ in mine})
        weights = [lambda d: 1, lambda d: -(-(60 * d + turnover) // slot)]
        weights += [lambda d, low=low: 1 if d >= low else 0 for low in durations[1:]]
        by_day = {}
        for q, s, e, v in mine:
            by_day.setdefault(day_of[s], []).append((q, v))
        for close, day_placements in by_day.items():
            for weight in weights:
                terms = [(weight(q.duration), v) for q, v in day_placements if weight(q.duration) > 0]
                if terms:
                    wanted = sorted({q.duration for q, _ in day_placements if weight(q.duration) > 0})
                    capacity = sum(packing_capacity(problem, r, days[close], close, wanted, weight)
                                   for r in sorted(rooms))
                    model.row(terms, "<=", capacity)
        for tau, active, _ in sweep([(s, e + turnover, v) for q, s, e, v in mine]):
            free = sum(1 for r in rooms if not taken(r, tau))
            if len(active) > free:
                model.row([(1, v) for _, _, v in active], "<=", free)


def run_cbc(lp_path, solution_path, time_limit, threads):
    """cbc's log, its CPU time and the wall-clock time. The log is written
    beside the .lp file as cbc goes (cbc.log), to follow a long run."""
    command = ["cbc", lp_path, "sec", str(time_limit), "allow", "0.999",
               "threads", str(threads), "solve", "solu", solution_path]
    log_path = os.path.join(os.path.dirname(lp_path), "cbc.log")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.monotonic()
    with open(log_path, "w") as log:
        subprocess.run(command, stdout=log, stderr=subprocess.STDOUT)
    wall = time.monotonic() - began
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    with open(log_path) as log:
        return log.read(), cpu, wall


def parse_cbc(log, solution_path):
    """Status, objective, best bound and the nonzero values cbc reports."""
    status = "error"
    objective = bound = None
    values = {}
    first = ""
    if os.path.exists(solution_path):
        with open(solution_path) as f:
            first = f.readline()
            for line in f:
                parts = line.split()
                if len(parts) >= 3 and parts[0].isdigit():
                    values[parts[1]] = float(parts[2])
                elif len(parts) >= 4 and parts[0] == "**":
                    values[parts[2]] = float(parts[3])
    text = first + log
    if first.startswith("Optimal") or "Result - Optimal solution found" in log:
        status = "optimal"
    elif first.startswith("Stopped on time") or "Result - Stopped on time limit" in log:
        status = "time limit"
    elif "infeasible" in text.lower():
        status = "infeasible"
    m = re.search(r"objective value\s+(-?[\d.eE+-]+)", first)
    if m:
        objective = float(m.group(1))
    m = re.search(r"(?:Lower|Upper) bound:\s+(-?[\d.eE+-]+)", log)
    if m:
        bound = float(m.group(1))
    return status, objective, bound, values


def write_solution(problem, chosen, path):
    """The plan with the chosen placements added as meetings; returns the
    conflicts the new plan has that the old one had not."""
    plan = problem.plan
    data = copy.deepcopy(plan.data)
    keep = []
    for obj in data.get("meetings", []):
        if obj.get("request") is not None and not obj.get("locked", False) \
                and obj.get("status") != "cancelled":
            continue
        keep.append(obj)
    used = {obj["id"] for obj in keep}
    for q, room, s, e in chosen:
        ident = f"yardstick-{q.id}"
        while ident in used:
            ident += "-"
        used.add(ident)
        zone = plan.meeting_zone(room)
        keep.append({
            "id": ident,
            "title": q.title or f"Request {q.id}",
            "kind": q.kind,
            "start": planlib.format_local(zone, s),
            "end": planlib.format_local(zone, e),
            "room": room,
            "participants": list(q.participants),
            "status": "tentative",
            "request": q.id,
        })
    data["meetings"] = keep
    text = json.dumps(data, ensure_ascii=False, indent=1)
    if path is not None:
        with open(path, "w", encoding="utf-8") as f:
            f.write(text + "\n")
    new_plan = planlib.loads(text, path or "<solution>")
    key = (lambda c: (c["kind"], c.get("participant", c.get("room")), tuple(c["meetings"])))
    before = {key(c) for c in planlib.conflicts(plan)}
    return [c for c in planlib.conflicts(new_plan) if key(c) not in before]


def main():
    parser = argparse.ArgumentParser(description="Prove the best score of a plan's requests with CBC.")
    parser.add_argument("plan")
    parser.add_argument("--relaxation", action="store_true",
                        help="an upper bound from a relaxed model (for plans too big to solve exactly)")
    parser.add_argument("--bound", action="store_true",
                        help="a tighter upper bound: the relaxation with room packing cuts")
    parser.add_argument("--time-limit", type=float, default=None,
                        help="seconds for cbc (default 120, 600 with --relaxation)")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--solution", metavar="OUT.ministerial",
                        help="write the plan with the optimal placements")
    parser.add_argument("--keep", metavar="DIR", help="keep the .lp file and cbc's log in DIR")
    args = parser.parse_args()
    if args.bound:
        args.relaxation = True
    if args.time_limit is None:
        args.time_limit = 600 if args.relaxation else 120

    if shutil.which("cbc") is None:
        print("mip-yardstick: cbc not found; install the Debian package coinor-cbc", file=sys.stderr)
        return 2

    began = time.monotonic()
    try:
        plan = planlib.load(args.plan)
    except planlib.PlanError as e:
        print(f"mip-yardstick: {e}", file=sys.stderr)
        return 2
    problem = Problem(plan, relaxation=args.relaxation, packing=args.bound)
    placements = problem.placements()
    model, variables = build(problem, placements)
    built = time.monotonic()

    workdir = args.keep or tempfile.mkdtemp(prefix="mip-yardstick-")
    os.makedirs(workdir, exist_ok=True)
    lp_path = os.path.join(workdir, "model.lp")
    solution_path = os.path.join(workdir, "solution.txt")
    if os.path.exists(solution_path):
        os.unlink(solution_path)
    model.write_lp(lp_path)
    log, solve_time, solve_wall = run_cbc(lp_path, solution_path, args.time_limit, args.threads)
    status, objective, bound, values = parse_cbc(log, solution_path)
    if not args.keep:
        shutil.rmtree(workdir, ignore_errors=True)

    constant = sum(planlib.PRIORITY_WEIGHT[q.priority] for q in problem.locked_requests)
    chosen = [pl for pl, v in zip(placements, variables) if values.get(v, 0) > 0.5]
    placed = {k: 0 for k in planlib.PRIORITIES}
    for q in problem.locked_requests:
        placed[q.priority] += 1
    for q, _, _, _ in chosen:
        placed[q.priority] += 1
    totals = {k: sum(1 for q in plan.requests if q.priority == k) for k in planlib.PRIORITIES}
    score = sum(planlib.PRIORITY_WEIGHT[q.priority] for q, _, _, _ in chosen) + constant
    if bound is not None:
        bound = abs(bound) + constant
    if status == "optimal":
        bound = score

    result = {
        "plan": os.path.basename(args.plan),
        "mode": "bound" if args.bound else "relaxation" if args.relaxation else "exact",
        "status": status,
        "objective" if not args.relaxation else "relaxed_objective": score if objective is not None else None,
        "bound": bound,
        "time_s": round(solve_time, 2),
        "wall_s": round(solve_wall, 2),
        "build_s": round(built - began, 2),
        "placed": placed,
        "requests": totals,
        "placeable": len({q.id for q, _, _, _ in placements}) + len(problem.locked_requests),
        "variables": model.n_vars,
        "constraints": len(model.rows),
        "exact": problem.exact,
    }
    if problem.notes:
        result["notes"] = problem.notes
    if not args.relaxation and status in ("optimal", "time limit") and objective is not None:
        new = write_solution(problem, chosen, args.solution)
        result["new_conflicts"] = len(new)
        if new:
            result["first_new_conflicts"] = new[:5]
    print(json.dumps(result, ensure_ascii=False))
    if status == "error":
        print(log[-2000:], file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
