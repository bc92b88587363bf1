#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks planlib's conflict rules on hand-made cases, then the yardstick's
MIP against brute force on many small random plans.

    yardstick-selftest.py [--instances N] [--seed S] [--verbose]

Every third plan is crowded: rooms, not people, are scarce there.
Brute force places the requests every possible way, keeps the placements
after which planlib.conflicts () finds nothing, and takes the best score:
it knows the rules only through planlib.conflicts (), not through the MIP.
The MIP's optimum must equal it, its solution must add no conflict, and the
relaxation's optimum and the --bound model's (relaxation with room packing
cuts) must not be below it. Exit status 1 on any difference.
"""

import argparse
import json
import os
import random
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import planlib  # noqa: E402
import importlib.util  # noqa: E402

_spec = importlib.util.spec_from_file_location(
    "mip_yardstick", os.path.join(os.path.dirname(os.path.abspath(__file__)), "mip-yardstick.py"))
yardstick = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(yardstick)

FAILURES = []


def fail(message):
    FAILURES.append(message)
    print(f"FAIL: {message}", file=sys.stderr)


def base_plan(**conference):
    conf = {"title": "Test", "time_zone": "Europe/Brussels",
            "start_date": "2026-03-02", "end_date": "2026-03-02"}
    conf.update(conference)
    return {"format": "ministerial-plan", "version": 1, "conference": conf,
            "venues": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
            "rooms": [{"id": "r1", "name": "R1", "venue": "a", "capacity": 3},
                      {"id": "r2", "name": "R2", "venue": "a"},
                      {"id": "r3", "name": "R3", "venue": "b"}],
            "travel": [{"id": "ab", "from": "a", "to": "b", "minutes": 30}],
            "delegations": [{"id": "D", "name": "D"}],
            "participants": [{"id": p, "name": p, "delegation": "D"} for p in ("p", "q", "s", "t")],
            "meetings": [], "requests": []}


def meeting(ident, start, end, room=None, people=("p",), **extra):
    m = {"id": ident, "title": ident, "start": f"2026-03-02T{start}", "end": f"2026-03-02T{end}",
         "participants": list(people)}
    if room is not None:
        m["room"] = room
    m.update(extra)
    return m


def expect(name, data, wanted):
    plan = planlib.loads(json.dumps(data), name)
    got = sorted((c["kind"], c.get("participant", c.get("room")), tuple(c["meetings"]))
                 for c in planlib.conflicts(plan))
    if got != sorted(wanted):
        fail(f"{name}: conflicts {got}, expected {sorted(wanted)}")


def expect_error(name, data, words):
    try:
        planlib.loads(json.dumps(data), name)
    except planlib.PlanError as e:
        if words not in str(e):
            fail(f"{name}: error “{e}” does not say “{words}”")
        return
    fail(f"{name}: loaded, expected an error about “{words}”")


def rule_cases():
    d = base_plan(turnover_minutes=10, buffer_minutes=15)
    d["meetings"] = [meeting("m1", "09:00", "10:00", "r1"), meeting("m2", "10:00", "11:00", "r1")]
    expect("touching in one room, turnover 10", d, [("room-overlap", "r1", ("m1", "m2"))])

    d = base_plan()
    d["meetings"] = [meeting("m1", "09:00", "10:00", "r1"), meeting("m2", "10:00", "11:00", "r1")]
    expect("touching, no turnover", d, [])

    d = base_plan(turnover_minutes=10)
    d["meetings"] = [meeting("m1", "09:00", "10:00", "r1", ("p",)), meeting("m2", "10:10", "11:00", "r1", ("q",))]
    expect("gap equal to turnover", d, [])

    d = base_plan()
    d["meetings"] = [meeting("m1", "09:00", "10:00", "r1"), meeting("m2", "09:30", "09:45", "r2"),
                     meeting("m3", "09:50", "11:00")]
    expect("nested overlaps", d, [("participant-overlap", "p", ("m1", "m2")),
                                  ("participant-overlap", "p", ("m1", "m3"))])

    d = base_plan(buffer_minutes=15)
    d["meetings"] = [meeting("m1", "09:00", "10:00", "r1"), meeting("m2", "10:10", "11:00", "r2")]
    expect("buffer between rooms", d, [("travel", "p", ("m1", "m2"))])

    d = base_plan(buffer_minutes=15)
    d["meetings"] = [meeting("m1", "09:00", "10:00", "r1"), meeting("m2", "10:10", "11:00", "r1", ("p", "q"))]
    expect("no buffer in one room", d, [])

    d = base_plan(buffer_minutes=15)
    d["meetings"] = [meeting("m1", "09:00", "10:00", "r1"), meeting("m2", "10:00", "10:05"),
                     meeting("m3", "10:05", "11:00", "r3")]
    expect("a meeting without a room ends the chain", d, [])

    d = base_plan()
    d["meetings"] = [meeting("m1", "09:00", "10:00", "r1"), meeting("m2", "10:20", "11:00", "r3")]
    expect("travel 30 between venues", d, [("travel", "p", ("m1", "m2"))])

    d = base_plan()
    d["meetings"] = [meeting("m1", "09:00", "10:00", "r1"), meeting("m2", "10:00", "10:10", "r2"),
                     meeting("m3", "10:10", "11:00", "r3")]
    expect("travel only between consecutive meetings", d, [("travel", "p", ("m2", "m3"))])

    d = base_plan()
    d["meetings"] = [meeting("m1", "09:00", "10:00", "r1", ("p", "q", "s", "t", "p"))]
    expect("capacity counts distinct people", d, [("capacity", "r1", ("m1",))])

    d = base_plan()
    d["participants"][0]["available"] = [{"start": "2026-03-02T09:00", "end": "2026-03-02T10:00"}]
    d["meetings"] = [meeting("m1", "09:00", "10:00", "r1"), meeting("m2", "09:30", "10:30", "r2", ("q", "p"))]
    expect("unavailable", d, [("participant-overlap", "p", ("m1", "m2")), ("unavailable", "p", ("m2",))])

    d = base_plan()
    d["meetings"] = [meeting("m1", "09:00", "10:00", "r1", status="cancelled"),
                     meeting("m2", "09:00", "10:00", "r1")]
    expect("cancelled meetings take part in no conflict", d, [])

    d = base_plan()
    d["venues"][1]["time_zone"] = "Europe/London"
    d["meetings"] = [meeting("m1", "09:00", "10:00", "r1"), meeting("m2", "09:20", "10:00", "r3"),
                     meeting("m3", "09:00", "09:30", "r2", ("q",)), meeting("m4", "09:00", "09:15", "r3", ("q",))]
    expect("venue zones (09:20 in London is 10:20 in Brussels)", d, [("travel", "p", ("m1", "m2"))])

    d = base_plan()
    d["meetings"] = [meeting("m1", "09:00", "10:00", "r1"),
                     {"id": "m2", "title": "m2", "start": "2026-03-02T08:30Z", "end": "2026-03-02T09:30Z",
                      "participants": ["p"], "room": "r2"}]
    expect("absolute times", d, [("participant-overlap", "p", ("m1", "m2"))])

    d = base_plan(start_date="2026-03-29", end_date="2026-03-29")
    d["meetings"] = [{"id": "m1", "title": "m1", "start": "2026-03-29T02:30", "end": "2026-03-29T04:00"}]
    expect_error("daylight-saving gap", d, "does not exist")

    d = base_plan(start_date="2026-10-25", end_date="2026-10-25")
    d["meetings"] = [{"id": "m1", "title": "m1", "start": "2026-10-25T02:30", "end": "2026-10-25T02:45",
                      "participants": ["p"]},
                     {"id": "m2", "title": "m2", "start": "2026-10-25T00:40Z", "end": "2026-10-25T00:50Z",
                      "participants": ["p"]}]
    expect("the fold means the first 02:30 (00:30Z)", d, [("participant-overlap", "p", ("m1", "m2"))])

    d = base_plan()
    d["meetings"] = [meeting("m1", "09:00", "10:00", "nowhere")]
    expect_error("bad reference", d, "no room with id \"nowhere\"")

    d = base_plan()
    d["meetings"] = [meeting("m1", "09:00", "10:00"), meeting("m1", "11:00", "12:00")]
    expect_error("duplicate id", d, "used twice")

    d = base_plan()
    d["version"] = 2
    expect_error("newer version", d, "newer")


# Random small plans ----------------------------------------------------------

def random_plan(rng):
    slot = rng.choice([10, 15, 15, 20, 30])
    days = rng.choice([1, 1, 2])
    day_start = 9 * 60
    day_end = day_start + slot * rng.choice([5, 6, 7, 8])
    two_venues = rng.random() < 0.6
    conf = {"title": "Random", "time_zone": rng.choice(["Europe/Brussels", "America/New_York"]),
            "start_date": "2026-05-04", "end_date": f"2026-05-0{3 + days}",
            "day_start": f"{day_start // 60:02d}:{day_start % 60:02d}",
            "day_end": f"{day_end // 60:02d}:{day_end % 60:02d}",
            "slot_minutes": slot,
            "turnover_minutes": rng.choice([0, 0, 5, 10, 15]),
            "buffer_minutes": rng.choice([0, 10, 15, 20])}
    venues = [{"id": "a", "name": "A"}] + ([{"id": "b", "name": "B"}] if two_venues else [])
    travel = [{"id": "ab", "from": "a", "to": "b", "minutes": rng.choice([0, 10, 20, 30])}] if two_venues else []
    rooms = []
    for i in range(rng.choice([1, 2, 2, 3])):
        room = {"id": f"r{i}", "name": f"R{i}", "venue": rng.choice(venues)["id"]}
        if rng.random() < 0.4:
            room["capacity"] = rng.choice([2, 3])
        if rng.random() < 0.3:
            room["kinds"] = rng.choice([["bilateral"], ["bilateral", "trilateral"], ["trilateral"]])
        rooms.append(room)
    if not travel and rng.random() < 0.2:
        rooms[0].pop("venue")
    people = [f"p{i}" for i in range(rng.choice([3, 4, 5]))]
    participants = []
    for p in people:
        obj = {"id": p, "name": p, "delegation": "D"}
        if rng.random() < 0.2:
            day = rng.randrange(days)
            lo = day_start + slot * rng.randrange(3)
            obj["available"] = [{"start": f"2026-05-0{4 + day}T{lo // 60:02d}:{lo % 60:02d}",
                                 "end": f"2026-05-0{3 + days}T{day_end // 60:02d}:{day_end % 60:02d}"}]
        participants.append(obj)

    def when(day, minute):
        return f"2026-05-0{4 + day}T{minute // 60:02d}:{minute % 60:02d}"

    requests = []
    for i in range(rng.choice([2, 3, 3, 4])):
        q = {"id": f"q{i}", "kind": rng.choice(["bilateral", "bilateral", "trilateral"]),
             "participants": rng.sample(people, rng.choice([2, 2, 3])),
             "duration_minutes": rng.choice([slot, 2 * slot, 20, 25, 45]),
             "priority": rng.choice(planlib.PRIORITIES)}
        if rng.random() < 0.25:
            day = rng.randrange(days)
            q["earliest"] = when(day, day_start + slot)
            q["latest"] = when(day, day_end)
        requests.append(q)

    for attempt in range(50):
        meetings = []
        for i in range(rng.choice([1, 2, 3, 4])):
            day = rng.randrange(days)
            start = day_start - 30 + 5 * rng.randrange((day_end - day_start + 30) // 5)
            length = rng.choice([5, 10, 15, 30, 45])
            m = {"id": f"f{i}", "title": f"f{i}", "start": when(day, start),
                 "end": when(day, start + length),
                 "participants": rng.sample(people, rng.choice([1, 2]))}
            if rng.random() < 0.7:
                m["room"] = rng.choice(rooms)["id"]
            if rng.random() < 0.15:
                m["status"] = "cancelled"
            if rng.random() < 0.2:
                q = rng.choice(requests)
                m["request"] = q["id"]
                m["participants"] = list(q["participants"])
                m["locked"] = rng.random() < 0.5
            meetings.append(m)
        data = {"format": "ministerial-plan", "version": 1, "conference": conf,
                "venues": venues, "rooms": rooms, "travel": travel,
                "delegations": [{"id": "D", "name": "D"}], "participants": participants,
                "meetings": meetings, "requests": requests}
        plan = planlib.loads(json.dumps(data))
        if not planlib.conflicts(plan):
            return data, plan
    return None, None


def crowded_plan(rng):
    """A plan where rooms, not people, are scarce: one or two rooms (one
    with a fixed meeting, off the grid at times), a short day and four or
    five requests of disjoint pairs, so that the room packing cuts of
    --bound bind."""
    slot = rng.choice([10, 15, 15, 20])
    day_start = 9 * 60
    day_end = day_start + slot * rng.choice([4, 5, 6])
    conf = {"title": "Crowded", "time_zone": "Europe/Brussels",
            "start_date": "2026-05-04", "end_date": "2026-05-04",
            "day_start": f"{day_start // 60:02d}:{day_start % 60:02d}",
            "day_end": f"{day_end // 60:02d}:{day_end % 60:02d}",
            "slot_minutes": slot,
            "turnover_minutes": rng.choice([0, 5, 5, 10]),
            "buffer_minutes": rng.choice([0, 10])}
    rooms = [{"id": f"r{i}", "name": f"R{i}", "venue": "a"} for i in range(rng.choice([1, 1, 2]))]
    if len(rooms) == 2 and rng.random() < 0.5:
        rooms[1]["capacity"] = 2
    people = [f"p{i}" for i in range(10)]
    requests = []
    for i in range(rng.choice([4, 4, 5])):
        requests.append({"id": f"q{i}", "kind": "bilateral",
                         "participants": people[2 * i:2 * i + 2] + (["p9"] if rng.random() < 0.15 else []),
                         "duration_minutes": rng.choice([slot, 2 * slot, 20, 25, 30, 45]),
                         "priority": rng.choice(planlib.PRIORITIES)})
    meetings = []
    if rng.random() < 0.7:
        start = day_start + 5 * rng.randrange((day_end - day_start) // 5)
        meetings.append({"id": "f0", "title": "f0", "start": f"2026-05-04T{start // 60:02d}:{start % 60:02d}",
                         "end": f"2026-05-04T{(start + 15) // 60:02d}:{(start + 15) % 60:02d}",
                         "participants": ["p8"], "room": "r0"})
    data = {"format": "ministerial-plan", "version": 1, "conference": conf,
            "venues": [{"id": "a", "name": "A"}], "rooms": rooms, "travel": [],
            "delegations": [{"id": "D", "name": "D"}],
            "participants": [{"id": p, "name": p, "delegation": "D"} for p in people],
            "meetings": meetings, "requests": requests}
    plan = planlib.loads(json.dumps(data))
    if planlib.conflicts(plan):
        return None, None
    return data, plan


def brute_force(plan):
    """The best score, knowing the rules only through planlib.conflicts ()."""
    fixed = []
    locked = set()
    for m in plan.meetings:
        if m.request is not None and not m.locked and m.status != "cancelled":
            continue
        if m.request is not None and m.status != "cancelled":
            locked.add(m.request)
        fixed.append(m)
    base = sum(planlib.PRIORITY_WEIGHT[q.priority] for q in plan.requests if q.id in locked)
    free = [q for q in plan.requests if q.id not in locked]

    options = []
    for q in free:
        mine = []
        for room in plan.rooms.values():
            if room.kinds is not None and q.kind not in room.kinds:
                continue
            if room.capacity is not None and len(q.participants) > room.capacity:
                continue
            for day in plan.days():
                close = planlib.local_instant(plan.zone, day, plan.day_end)
                minute = plan.day_start
                while minute < plan.day_end:
                    s = planlib.local_instant(plan.zone, day, minute)
                    e = s + 60 * q.duration
                    minute += plan.slot
                    if e > close:
                        continue
                    if q.earliest is not None and s < q.earliest or q.latest is not None and e > q.latest:
                        continue
                    mine.append(planlib.Meeting(f"try-{q.id}", 10000 + len(mine), q.kind, s, e,
                                                room.id, q.participants, "tentative", False, q.id))
        options.append((q, mine))

    best = [0]

    def search(i, chosen, score):
        if planlib.conflicts(plan, fixed + chosen):
            return
        if i == len(options):
            best[0] = max(best[0], score)
            return
        q, mine = options[i]
        search(i + 1, chosen, score)
        for m in mine:
            search(i + 1, chosen + [m], score + planlib.PRIORITY_WEIGHT[q.priority])

    search(0, [], 0)
    return best[0] + base


def solve(plan, relaxation, workdir, packing=False):
    problem = yardstick.Problem(plan, relaxation=relaxation, packing=packing)
    placements = problem.placements()
    model, variables = yardstick.build(problem, placements)
    lp = os.path.join(workdir, "model.lp")
    sol = os.path.join(workdir, "solution.txt")
    if os.path.exists(sol):
        os.unlink(sol)
    model.write_lp(lp)
    log, _, _ = yardstick.run_cbc(lp, sol, 60, 1)
    status, objective, bound, values = yardstick.parse_cbc(log, sol)
    constant = sum(planlib.PRIORITY_WEIGHT[q.priority] for q in problem.locked_requests)
    chosen = [pl for pl, v in zip(placements, variables) if values.get(v, 0) > 0.5]
    score = sum(planlib.PRIORITY_WEIGHT[q.priority] for q, _, _, _ in chosen) + constant
    return problem, status, score, chosen


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--instances", type=int, default=150)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()

    rule_cases()
    print(f"yardstick-selftest: rule cases done, {len(FAILURES)} failures", file=sys.stderr)
    if shutil.which("cbc") is None:
        print("yardstick-selftest: cbc not found (coinor-cbc); skipping the MIP checks", file=sys.stderr)
        return 1 if FAILURES else 0

    rng = random.Random(args.seed)
    workdir = tempfile.mkdtemp(prefix="yardstick-selftest-")
    compared = nontrivial = tighter = 0
    try:
        for n in range(args.instances):
            data, plan = crowded_plan(rng) if n % 3 == 2 else random_plan(rng)
            if plan is None:
                continue
            expected = brute_force(plan)
            problem, status, score, chosen = solve(plan, False, workdir)
            _, rstatus, rscore, _ = solve(plan, True, workdir)
            _, bstatus, bscore, _ = solve(plan, True, workdir, packing=True)
            compared += 1
            tighter += bstatus == "optimal" and rstatus == "optimal" and bscore < rscore
            nontrivial += 0 < expected < sum(planlib.PRIORITY_WEIGHT[q.priority] for q in plan.requests)
            name = f"instance {n} (seed {args.seed})"
            if not problem.exact:
                if score > expected:
                    fail(f"{name}: MIP {score} above brute force {expected}")
            elif status != "optimal" or score != expected:
                fail(f"{name}: MIP {status} {score}, brute force {expected}")
            new = yardstick.write_solution(problem, chosen, None)
            if new:
                fail(f"{name}: the MIP's placements make conflicts {new}")
            if rstatus == "optimal" and rscore < expected:
                fail(f"{name}: relaxation {rscore} below the optimum {expected}")
            if bstatus != "optimal" or bscore < expected:
                fail(f"{name}: bound {bstatus} {bscore} below the optimum {expected}")
            if FAILURES and FAILURES[-1].startswith(name):
                print(json.dumps(data, indent=1), file=sys.stderr)
            elif args.verbose:
                print(f"{name}: optimum {expected}", file=sys.stderr)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    print(f"yardstick-selftest: {compared} random plans ({nontrivial} where some but not all "
          f"requests fit; --bound below the relaxation on {tighter}), {len(FAILURES)} failures", file=sys.stderr)
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
