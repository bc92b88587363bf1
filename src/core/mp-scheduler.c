/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mp-scheduler"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "mp-scheduler.h"

/* The model --------------------------------------------------------------
 *
 * Everything works in instants (Unix seconds). A person and a room each
 * have two tracks, intervals sorted by start: the fixed meetings (every
 * meeting the scheduler may not move), there from the start, and the
 * placements of requests, which come and go as the search moves them.
 * The checks follow mp-conflicts.c: a room needs turnover between any two
 * of its meetings; a person's meetings may not overlap, and two that
 * follow each other in order of start need the travel time between their
 * venues and the buffer between their rooms.
 *
 * A request's candidates (slot and room) are checked once against the
 * fixed track, so the search checks them against the placements alone:
 * short tracks, which is where its time goes. That is safe: of a
 * candidate's neighbours in order of start, a fixed one passed the first
 * check, and a placed one is the nearest placement, which the second
 * check sees (when a fixed meeting lies between the two, the second check
 * asks more than needed, never less). */

#define FITS     (-1)   /* a check passed */
#define BLOCKED  (-2)   /* a fixed meeting or a rule stands in the way */

#define MAX_EJECT 8     /* placements one insertion may push out: a required one */
#define EJECT     3     /* any other */

typedef struct
{
  gint64 start;
  gint64 end;
  int    room;          /* -1: none */
  int    venue;         /* -1: none */
  int    owner;         /* the request of a movable placement; -1: fixed */
  guint  order;         /* ties */
} Busy;

typedef struct
{
  GArray *items;        /* Busy, by start, end, order */
  gint64  max_len;
} Track;

typedef struct
{
  MpRoom    *room;
  const char *id;
  int        venue;
  GTimeZone *zone;
  int        zone_index;
  Track      fixed;
  Track      moving;
  int       *cells;     /* per slot: the placement in it, or -1 */
  guint      n_loose;   /* placements off the grid: cells do not tell */
} Room;

typedef struct
{
  const char    *id;
  MpParticipant *participant;   /* NULL for an id the plan does not know */
  gint64        *windows;       /* start, end pairs; NULL: always available */
  guint          n_windows;
  Track          fixed;
  Track          moving;
  int           *cells;         /* as a room's; NULL for one in no request */
  guint          n_loose;
  GArray        *requests;      /* the requests that name this person */
} Person;

typedef struct
{
  gint64 start;         /* instant */
  gint64 cell_end;      /* the next slot's start, or day_end */
  gint64 day_end;       /* the instant day_end falls on that day */
  guint  day;
} Slot;

typedef struct
{
  MpRequest  *request;
  const char *id;
  guint       index;           /* file order */
  int         weight;
  gint64      cost;            /* minutes × the demand on its people */
  MpPriority  priority;
  gint64      duration;        /* seconds */
  gint64      earliest;
  gint64      latest;
  int        *people;
  guint       n_people;
  guint       n_seats;         /* distinct participants */
  int        *rooms;           /* rooms that serve the kind and seat all */
  guint       n_rooms;
  guint32    *cands;           /* slot << 8 | room position, statically possible */
  guint       n_cands;
  guint      *day_cands;       /* n_days + 1: where each day's candidates begin */

  /* How it stands. */
  gboolean    placed;
  gboolean    movable;         /* placed by a meeting the search may move */
  gboolean    must_stay;       /* placed at the start: may move, never be dropped */
  gboolean    skip;            /* a check ignores this placement */
  gboolean    pinned;          /* placed by the move under way: stays */
  gint64      start;
  gint64      end;
  int         room;
  int         cell;            /* its first slot, when on the grid; else -1 */
  guint       order;

  /* The placement it had, to move back to or to report a move. */
  MpMeeting  *meeting;
  gint64      orig_start;
  gint64      orig_end;
  int         orig_room;
} Req;

typedef struct
{
  MpPlan     *plan;
  const MpScheduleOptions *options;
  GTimeZone  *zone;
  gint64      turnover;
  gint64      buffer;
  gint64      max_gap;         /* the most a person needs between two meetings */

  Room       *rooms;
  guint       n_rooms;
  guint       n_venues;
  gint64     *travel;          /* n_venues², seconds */
  GPtrArray  *zones;           /* distinct room zones */
  guint8     *zone_unsafe;     /* zone × day: the offset changes in the day's hours */

  Person     *people;
  guint       n_people;
  GHashTable *person_index;    /* id → index + 1 */

  Slot       *slots;
  guint       n_slots;
  guint       n_days;
  gint64     *day_starts;      /* the instant each day's day_start falls on */
  gint64      conf_start;      /* the first day's day_start instant */
  gint64      conf_end;        /* the last day's day_end instant */

  Req        *reqs;
  guint       n_reqs;
  guint       order;           /* the next Busy.order */

  GRand      *rand;
  gint64      score;
  gint64      used;            /* the cost of the placements */
  gint64      deadline;        /* monotonic time; 0: none */
  GArray     *journal;         /* Step */
  GArray     *pinned;          /* request indexes */
} Sched;

/* Tracks ----------------------------------------------------------------- */

static int
compare_busy (const Busy *a,
              const Busy *b)
{
  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;
  if (a->end != b->end)
    return a->end < b->end ? -1 : 1;
  return a->order < b->order ? -1 : a->order > b->order;
}

/* The first item that starts at or after start. */
static guint
track_lower_bound (const Track *t,
                   gint64       start)
{
  const Busy *items = (const Busy *) t->items->data;
  guint lo = 0, hi = t->items->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (items[mid].start < start)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

static void
track_insert (Track      *t,
              const Busy *b)
{
  const Busy *items = (const Busy *) t->items->data;
  guint i = track_lower_bound (t, b->start);

  while (i < t->items->len && compare_busy (&items[i], b) < 0)
    i++;
  g_array_insert_val (t->items, i, *b);
  t->max_len = MAX (t->max_len, b->end - b->start);
}

static guint
track_find (const Track *t,
            gint64       start,
            guint        order)
{
  const Busy *items = (const Busy *) t->items->data;

  for (guint i = track_lower_bound (t, start); i < t->items->len && items[i].start == start; i++)
    if (items[i].order == order)
      return i;

  g_assert_not_reached ();
  return 0;
}

static void
track_remove (Track  *t,
              gint64  start,
              guint   order)
{
  g_array_remove_index (t->items, track_find (t, start, order));
}

static void
track_clear (Track *t)
{
  g_clear_pointer (&t->items, g_array_unref);
}

/* Checks ------------------------------------------------------------------ */

static inline gboolean
ignored (const Sched *s,
         const Busy  *b)
{
  return b->owner >= 0 && s->reqs[b->owner].skip;
}

static inline int
blocker_of (const Busy *b)
{
  return b->owner >= 0 ? b->owner : BLOCKED;
}

/* The least gap two meetings of one person need, as mp-conflicts.c has it. */
static inline gint64
needed_gap (const Sched *s,
            int          room_a,
            int          venue_a,
            int          room_b,
            int          venue_b)
{
  gint64 gap = 0;

  if (venue_a >= 0 && venue_b >= 0 && venue_a != venue_b)
    gap = s->travel[venue_a * s->n_venues + venue_b];
  if (room_a >= 0 && room_b >= 0 && room_a != room_b)
    gap = MAX (gap, s->buffer);

  return gap;
}

/* FITS, or what in a person's track t stands in the way of one more
 * meeting [start, end) in room: a request's index or BLOCKED. */
static int
check_person (const Sched *s,
              const Track *t,
              gint64       start,
              gint64       end,
              int          room,
              int          venue)
{
  const Busy *items = (const Busy *) t->items->data;
  guint n = t->items->len;
  guint idx = track_lower_bound (t, end);
  guint j;

  /* Overlaps: only items that start before end and end after start. */
  for (j = idx; j-- > 0 && items[j].start > start - t->max_len; )
    if (!ignored (s, &items[j]) && items[j].end > start)
      return blocker_of (&items[j]);

  /* The meeting before it and the one after it, in order of start. */
  for (j = idx; j-- > 0; )
    if (!ignored (s, &items[j]))
      {
        if (start - items[j].end < needed_gap (s, items[j].room, items[j].venue, room, venue))
          return blocker_of (&items[j]);
        break;
      }

  for (j = idx; j < n; j++)
    if (!ignored (s, &items[j]))
      {
        if (items[j].start - end < needed_gap (s, room, venue, items[j].room, items[j].venue))
          return blocker_of (&items[j]);
        break;
      }

  return FITS;
}

static int
check_room (const Sched *s,
            const Track *t,
            gint64       start,
            gint64       end)
{
  const Busy *items = (const Busy *) t->items->data;
  guint idx = track_lower_bound (t, end + s->turnover);

  for (guint j = idx; j-- > 0 && items[j].start > start - s->turnover - t->max_len; )
    if (!ignored (s, &items[j]) && items[j].end + s->turnover > start)
      return blocker_of (&items[j]);

  return FITS;
}

/* Checks q at [start, end) in room against the fixed meetings, or against
 * the placements. */
static int
check_at (const Sched *s,
          const Req   *q,
          gint64       start,
          gint64       end,
          int          room,
          gboolean     fixed)
{
  int venue = room >= 0 ? s->rooms[room].venue : -1;
  int b = FITS;

  if (room >= 0)
    b = check_room (s, fixed ? &s->rooms[room].fixed : &s->rooms[room].moving, start, end);

  for (guint i = 0; b == FITS && i < q->n_people; i++)
    {
      const Person *p = &s->people[q->people[i]];

      b = check_person (s, fixed ? &p->fixed : &p->moving, start, end, room, venue);
    }

  return b;
}

static inline int
check (const Sched *s,
       const Req   *q,
       gint64       start,
       int          room,
       gboolean     fixed)
{
  return check_at (s, q, start, start + q->duration, room, fixed);
}

/* Cells ------------------------------------------------------------------
 *
 * The same checks against the placements, for a candidate, without a
 * search through a track. The slots cut the days into cells; each person
 * and room has, per cell, the placement that takes part of it. A placement
 * that starts on a slot shares no cell with one it does not overlap, so
 * a cell has at most one, and the cells around a candidate name its
 * neighbours: a few reads instead of a binary search per room and person,
 * which is most of what the search does. Placements off the grid (a
 * plan's own, moved by hand) are not in the cells: a room or person that
 * has one is checked through its track. */

static inline gboolean
live (const Sched *s,
      int          owner)
{
  return owner >= 0 && !s->reqs[owner].skip;
}

static inline int
venue_of (const Sched *s,
          int          room)
{
  return room >= 0 ? s->rooms[room].venue : -1;
}

/* Like check_room (), for [start, end) from slot t on. */
static int
cells_room (const Sched *s,
            const Room  *r,
            guint        t,
            gint64       start,
            gint64       end)
{
  /* The nearest placement before it must end a turnover before start;
   * the ones before that end earlier still. */
  for (guint k = t; k-- > 0 && s->slots[k].cell_end > start - s->turnover; )
    if (live (s, r->cells[k]))
      {
        if (s->reqs[r->cells[k]].end + s->turnover > start)
          return r->cells[k];
        break;
      }

  /* Any that starts before the turnover after end is in the way. */
  for (guint k = t; k < s->n_slots && s->slots[k].start < end + s->turnover; k++)
    if (live (s, r->cells[k]))
      return r->cells[k];

  return FITS;
}

/* Like check_person (), for [start, end) from slot t on in room. */
static int
cells_person (const Sched  *s,
              const Person *p,
              guint         t,
              gint64        start,
              gint64        end,
              int           room,
              int           venue)
{
  /* The nearest placement before: it overlaps, or needs its gap. */
  for (guint k = t; k-- > 0 && s->slots[k].cell_end > start - s->max_gap; )
    if (live (s, p->cells[k]))
      {
        const Req *b = &s->reqs[p->cells[k]];

        if (b->end > start || start - b->end < needed_gap (s, b->room, venue_of (s, b->room), room, venue))
          return p->cells[k];
        break;
      }

  /* The nearest from start on, likewise. */
  for (guint k = t; k < s->n_slots && s->slots[k].start < end + s->max_gap; k++)
    if (live (s, p->cells[k]))
      {
        const Req *b = &s->reqs[p->cells[k]];

        if (b->start < end || b->start - end < needed_gap (s, room, venue, b->room, venue_of (s, b->room)))
          return p->cells[k];
        break;
      }

  return FITS;
}

static inline guint
cand_slot (guint32 c)
{
  return c >> 8;
}

static inline int
cand_room (const Req *q,
           guint32    c)
{
  return q->rooms[c & 0xff];
}

/* check (s, q, start, room, FALSE) for a candidate. */
static int
check_cand (const Sched *s,
            const Req   *q,
            guint32      c)
{
  guint t = cand_slot (c);
  const Room *r = &s->rooms[cand_room (q, c)];
  gint64 start = s->slots[t].start, end = start + q->duration;
  int b = r->n_loose > 0 ? check_room (s, &r->moving, start, end) : cells_room (s, r, t, start, end);

  for (guint i = 0; b == FITS && i < q->n_people; i++)
    {
      const Person *p = &s->people[q->people[i]];

      b = p->n_loose > 0 ? check_person (s, &p->moving, start, end, cand_room (q, c), r->venue)
                         : cells_person (s, p, t, start, end, cand_room (q, c), r->venue);
    }

  return b;
}

/* Adds a placement in the way to a list of distinct ones. FALSE when the
 * list is full: more than any move pushes out. */
static gboolean
add_distinct (int   *ids,
              guint *n,
              guint  max,
              int    id)
{
  for (guint i = 0; i < *n; i++)
    if (ids[i] == id)
      return TRUE;
  if (*n == max)
    return FALSE;
  ids[(*n)++] = id;
  return TRUE;
}

/* The weight of the placements that overlap q at slot t for its people:
 * they stand in the way in every room, so a slot where they weigh too
 * much is passed over whatever the room. G_MAXINT when one is pinned, or
 * when they are more than a move may push out. */
static int
overlap_weight (const Sched *s,
                const Req   *q,
                guint        t)
{
  gint64 start = s->slots[t].start, end = start + q->duration;
  int ids[MAX_EJECT + 1];
  guint n = 0;
  int weight = 0;

  for (guint i = 0; i < q->n_people; i++)
    {
      const Person *p = &s->people[q->people[i]];
      const Track *track = &p->moving;
      const Busy *items = (const Busy *) track->items->data;

      if (p->n_loose == 0)
        {
          for (guint k = t; k < s->n_slots && s->slots[k].start < end; k++)
            if (live (s, p->cells[k]) && !add_distinct (ids, &n, G_N_ELEMENTS (ids), p->cells[k]))
              return G_MAXINT;
          continue;
        }

      for (guint j = track_lower_bound (track, end); j-- > 0 && items[j].start > start - track->max_len; )
        if (!ignored (s, &items[j]) && items[j].end > start &&
            !add_distinct (ids, &n, G_N_ELEMENTS (ids), items[j].owner))
          return G_MAXINT;
    }

  for (guint i = 0; i < n; i++)
    {
      if (s->reqs[ids[i]].pinned)
        return G_MAXINT;
      weight += s->reqs[ids[i]].weight;
    }

  return weight;
}

/* Of two neighbours, the nearer to q: the later before it, the earlier
 * after it. */
static const Busy *
nearer (const Busy *a,
        const Busy *b,
        gboolean    before)
{
  if (a == NULL || b == NULL)
    return a != NULL ? a : b;
  return (compare_busy (a, b) > 0) == before ? a : b;
}

/* Taking a placement out makes its neighbours follow each other: they
 * need their own gap then. The neighbours are the nearest of both tracks,
 * so that a plan's own placements, which need not be candidates, are
 * judged as mp-conflicts.c would. */
static gboolean
can_remove (const Sched *s,
            const Req   *q)
{
  for (guint i = 0; i < q->n_people; i++)
    {
      const Person *p = &s->people[q->people[i]];
      const Busy *items = (const Busy *) p->moving.items->data;
      const Busy *fixed = (const Busy *) p->fixed.items->data;
      guint at = track_find (&p->moving, q->start, q->order);
      guint f = track_lower_bound (&p->fixed, q->start);
      const Busy *before = NULL, *after = NULL;

      for (guint j = at; j-- > 0 && before == NULL; )
        if (!ignored (s, &items[j]))
          before = &items[j];
      for (guint j = at + 1; j < p->moving.items->len && after == NULL; j++)
        if (!ignored (s, &items[j]))
          after = &items[j];
      before = nearer (before, f > 0 ? &fixed[f - 1] : NULL, TRUE);
      after = nearer (after, f < p->fixed.items->len ? &fixed[f] : NULL, FALSE);

      if (before != NULL && after != NULL && after->start >= before->end &&
          after->start - before->end < needed_gap (s, before->room, before->venue, after->room, after->venue))
        return FALSE;
    }

  return TRUE;
}

/* Moves -------------------------------------------------------------------
 *
 * Every put and take is written in a journal, so that a move of the
 * search that turns out badly is rolled back exactly. */

typedef struct
{
  int      req;
  gboolean put;         /* else taken */
  gint64   start;
  gint64   end;
  int      room;
} Step;

/* The slot that starts at start, or -1. */
static int
slot_at (const Sched *s,
         gint64       start)
{
  guint lo = 0, hi = s->n_slots;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (s->slots[mid].start < start)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo < s->n_slots && s->slots[lo].start == start ? (int) lo : -1;
}

static gboolean
cells_free (const Sched *s,
            const int   *cells,
            guint        t,
            gint64       end)
{
  for (guint k = t; k < s->n_slots && s->slots[k].start < end; k++)
    if (cells[k] >= 0)
      return FALSE;
  return TRUE;
}

static void
fill_cells (const Sched *s,
            int         *cells,
            guint        t,
            gint64       end,
            int          owner)
{
  for (guint k = t; k < s->n_slots && s->slots[k].start < end; k++)
    cells[k] = owner;
}

/* Enters q in the cells of its room and people, or counts it as off the
 * grid: when it starts off a slot, runs past the day's end, or shares a
 * cell (a plan's own placements may be in conflict). */
static void
enter_cells (Sched *s,
             Req   *q)
{
  int t = slot_at (s, q->start);
  gboolean grid = t >= 0 && q->end <= s->slots[t].day_end;

  if (grid && q->room >= 0)
    grid = cells_free (s, s->rooms[q->room].cells, t, q->end);
  for (guint i = 0; grid && i < q->n_people; i++)
    grid = cells_free (s, s->people[q->people[i]].cells, t, q->end);

  q->cell = grid ? t : -1;
  if (q->room >= 0)
    {
      if (grid)
        fill_cells (s, s->rooms[q->room].cells, t, q->end, (int) (q - s->reqs));
      else
        s->rooms[q->room].n_loose++;
    }
  for (guint i = 0; i < q->n_people; i++)
    {
      Person *p = &s->people[q->people[i]];

      if (grid)
        fill_cells (s, p->cells, t, q->end, (int) (q - s->reqs));
      else
        p->n_loose++;
    }
}

static void
leave_cells (Sched *s,
             Req   *q)
{
  if (q->room >= 0)
    {
      if (q->cell >= 0)
        fill_cells (s, s->rooms[q->room].cells, q->cell, q->end, -1);
      else
        s->rooms[q->room].n_loose--;
    }
  for (guint i = 0; i < q->n_people; i++)
    {
      Person *p = &s->people[q->people[i]];

      if (q->cell >= 0)
        fill_cells (s, p->cells, q->cell, q->end, -1);
      else
        p->n_loose--;
    }
}

static void
put (Sched  *s,
     Req    *q,
     gint64  start,
     gint64  end,
     int     room)
{
  Busy b = { start, end, room, room >= 0 ? s->rooms[room].venue : -1, (int) (q - s->reqs), s->order++ };
  Step step = { b.owner, TRUE, start, end, room };

  g_assert (!q->placed);
  q->placed = TRUE;
  q->start = start;
  q->end = end;
  q->room = room;
  q->order = b.order;

  if (room >= 0)
    track_insert (&s->rooms[room].moving, &b);
  for (guint i = 0; i < q->n_people; i++)
    track_insert (&s->people[q->people[i]].moving, &b);
  enter_cells (s, q);
  s->score += q->weight;
  s->used += q->cost;
  g_array_append_val (s->journal, step);
}

static void
take (Sched *s,
      Req   *q)
{
  Step step = { (int) (q - s->reqs), FALSE, q->start, q->end, q->room };

  g_assert (q->placed && q->movable);

  if (q->room >= 0)
    track_remove (&s->rooms[q->room].moving, q->start, q->order);
  for (guint i = 0; i < q->n_people; i++)
    track_remove (&s->people[q->people[i]].moving, q->start, q->order);
  leave_cells (s, q);
  q->placed = FALSE;
  s->score -= q->weight;
  s->used -= q->cost;
  g_array_append_val (s->journal, step);
}

/* Undoes the journal back to mark. */
static void
rollback (Sched *s,
          guint  mark)
{
  while (s->journal->len > mark)
    {
      Step step = g_array_index (s->journal, Step, s->journal->len - 1);
      guint len = s->journal->len - 1;

      if (step.put)
        take (s, &s->reqs[step.req]);
      else
        put (s, &s->reqs[step.req], step.start, step.end, step.room);
      g_array_set_size (s->journal, len);
    }
}

static void
pin (Sched *s,
     Req   *q)
{
  int i = (int) (q - s->reqs);

  q->pinned = TRUE;
  g_array_append_val (s->pinned, i);
}

static void
unpin_all (Sched *s)
{
  for (guint i = 0; i < s->pinned->len; i++)
    s->reqs[g_array_index (s->pinned, int, i)].pinned = FALSE;
  g_array_set_size (s->pinned, 0);
}

/* The first candidate in [lo, hi) that fits, from a position on; -1 when
 * none. */
static int
find_fit_in (const Sched *s,
             const Req   *q,
             guint        lo,
             guint        hi,
             guint        from)
{
  guint slot = G_MAXUINT;
  gboolean taken = FALSE;

  for (guint k = 0; k < hi - lo; k++)
    {
      guint i = lo + (from - lo + k) % (hi - lo);
      guint32 c = q->cands[i];

      /* A slot where one of the people is in a meeting: no room helps. */
      if (cand_slot (c) != slot)
        {
          slot = cand_slot (c);
          taken = overlap_weight (s, q, slot) > 0;
        }
      if (!taken && check_cand (s, q, c) == FITS)
        return i;
    }

  return -1;
}

/* Puts q at its first candidate in [lo, hi) that fits, from a position
 * on. */
static gboolean
insert_in (Sched *s,
           Req   *q,
           guint  lo,
           guint  hi,
           guint  from)
{
  int i = find_fit_in (s, q, lo, hi, from);
  gint64 start;

  if (i < 0)
    return FALSE;

  start = s->slots[cand_slot (q->cands[i])].start;
  put (s, q, start, start + q->duration, cand_room (q, q->cands[i]));
  return TRUE;
}

static gboolean
insert_anywhere (Sched *s,
                 Req   *q,
                 guint  from)
{
  return insert_in (s, q, 0, q->n_cands, from);
}

/* The placements to push out so that q fits at candidate c, weighing less
 * than limit; FALSE when a fixed or pinned meeting is in the way or the
 * price is too high. Leaves them marked skip. */
static gboolean
blockers (Sched   *s,
          Req     *q,
          guint32  c,
          int      limit,
          int     *out,
          guint   *n_out,
          int     *weight)
{
  *n_out = 0;
  *weight = 0;

  for (;;)
    {
      int b = check_cand (s, q, c);
      Req *r;

      if (b == FITS)
        return TRUE;
      if (b == BLOCKED || *n_out == (q->priority == MP_PRIORITY_REQUIRED ? MAX_EJECT : EJECT))
        return FALSE;

      r = &s->reqs[b];
      if (r->pinned || *weight + r->weight >= limit)
        return FALSE;

      r->skip = TRUE;
      out[(*n_out)++] = b;
      *weight += r->weight;
    }
}

static void
unskip (Sched     *s,
        const int *ids,
        guint      n)
{
  for (guint i = 0; i < n; i++)
    s->reqs[ids[i]].skip = FALSE;
}

/* The candidate of q whose blockers weigh least (below limit), ties at
 * random. The candidates come slot by slot: a slot whose people are taken
 * by too much weight is passed over in one look, whatever the room. */
static gboolean
best_candidate (Sched   *s,
                Req     *q,
                int      limit,
                guint32 *best_c,
                int     *best_ids,
                guint   *best_n,
                guint64 *work)
{
  int ids[MAX_EJECT];
  guint n, ties = 0;
  int best_weight = G_MAXINT, weight, slot_weight = 0;
  guint from = g_rand_int_range (s->rand, 0, MAX (1, q->n_cands));
  guint slot = G_MAXUINT;

  for (guint k = 0; k < q->n_cands; k++)
    {
      guint32 c = q->cands[(from + k) % q->n_cands];
      int below = best_weight == G_MAXINT ? limit : MIN (limit, best_weight + 1);
      gboolean ok;

      if (cand_slot (c) != slot)
        {
          slot = cand_slot (c);
          slot_weight = overlap_weight (s, q, slot);
          (*work)++;
        }
      if (slot_weight >= below)
        continue;

      ok = blockers (s, q, c, below, ids, &n, &weight);
      unskip (s, ids, n);
      (*work)++;
      if (!ok)
        continue;

      if (weight < best_weight)
        ties = 0;
      if (g_rand_int_range (s->rand, 0, ++ties) == 0)
        {
          best_weight = weight;
          *best_c = c;
          *best_n = n;
          memcpy (best_ids, ids, n * sizeof (int));
        }
      if (best_weight == 0)
        break;
    }

  return best_weight != G_MAXINT;
}

static gboolean place_ejecting (Sched     *s,
                                Req       *q,
                                guint32    c,
                                const int *ids,
                                guint      n,
                                int        depth,
                                guint64   *work);

/* Puts r, which was pushed out, back: anywhere free, else by pushing out
 * lighter placements, depth levels down. */
static gboolean
replace (Sched *s,
         Req   *r,
         int    depth,
         guint64 *work)
{
  int ids[MAX_EJECT];
  guint32 c = 0;
  guint n = 0, mark;

  (*work) += r->n_cands;
  if (insert_anywhere (s, r, g_rand_int_range (s->rand, 0, MAX (1, r->n_cands))))
    {
      pin (s, r);
      return TRUE;
    }
  if (depth <= 0 || !best_candidate (s, r, r->weight + 1, &c, ids, &n, work))
    return FALSE;

  mark = s->journal->len;
  if (place_ejecting (s, r, c, ids, n, depth - 1, work))
    return TRUE;
  rollback (s, mark);
  return FALSE;
}

/* Places q at candidate c after pushing out ids, then puts those back
 * where they fit. FALSE (to roll back) when a placement the plan had
 * would be dropped. */
static gboolean
place_ejecting (Sched     *s,
                Req       *q,
                guint32    c,
                const int *ids,
                guint      n,
                int        depth,
                guint64   *work)
{
  gint64 start = s->slots[cand_slot (c)].start;

  for (guint i = 0; i < n; i++)
    {
      Req *r = &s->reqs[ids[i]];

      if (!can_remove (s, r))
        return FALSE;
      take (s, r);
    }

  if (check_cand (s, q, c) != FITS)
    return FALSE;
  put (s, q, start, start + q->duration, cand_room (q, c));
  pin (s, q);

  for (guint i = 0; i < n; i++)
    {
      Req *r = &s->reqs[ids[i]];

      if (!replace (s, r, depth, work) && r->must_stay)
        return FALSE;
    }

  return TRUE;
}

/* The search -------------------------------------------------------------- */

typedef struct
{
  int     req;          /* -1: not placed */
  gint64  start;
  gint64  end;
  int     room;
} Saved;

static void
snapshot (const Sched *s,
          Saved       *out)
{
  for (guint i = 0; i < s->n_reqs; i++)
    {
      const Req *q = &s->reqs[i];

      out[i] = (Saved) { q->placed ? (int) i : -1, q->start, q->end, q->room };
    }
}

static void
restore (Sched       *s,
         const Saved *saved)
{
  for (guint i = 0; i < s->n_reqs; i++)
    if (s->reqs[i].movable && s->reqs[i].placed)
      take (s, &s->reqs[i]);
  for (guint i = 0; i < s->n_reqs; i++)
    if (s->reqs[i].movable && saved[i].req >= 0)
      put (s, &s->reqs[i], saved[i].start, saved[i].end, saved[i].room);
}

static int
compare_difficulty (gconstpointer pa,
                    gconstpointer pb,
                    gpointer      data)
{
  const Sched *s = data;
  const Req *a = &s->reqs[*(const int *) pa];
  const Req *b = &s->reqs[*(const int *) pb];

  if ((a->priority == MP_PRIORITY_REQUIRED) != (b->priority == MP_PRIORITY_REQUIRED))
    return a->priority == MP_PRIORITY_REQUIRED ? -1 : 1;
  if (a->must_stay != b->must_stay)
    return a->must_stay ? -1 : 1;
  if (a->weight != b->weight)
    return a->weight > b->weight ? -1 : 1;
  if (a->duration != b->duration)
    return a->duration < b->duration ? -1 : 1;
  if (a->n_cands != b->n_cands)
    return a->n_cands < b->n_cands ? -1 : 1;
  return a->index < b->index ? -1 : a->index > b->index;
}

/* First fit takes the requests by priority, then in file order. */
static int
compare_priority (gconstpointer pa,
                  gconstpointer pb,
                  gpointer      data)
{
  const Sched *s = data;
  const Req *a = &s->reqs[*(const int *) pa];
  const Req *b = &s->reqs[*(const int *) pb];

  if (a->weight != b->weight)
    return a->weight > b->weight ? -1 : 1;
  return a->index < b->index ? -1 : a->index > b->index;
}

/* The requests to place: hardest first, or by priority for first fit. */
static GArray *
pending (Sched    *s,
         gboolean  by_difficulty)
{
  GArray *order = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint i = 0; i < s->n_reqs; i++)
    if (s->reqs[i].movable && !s->reqs[i].placed && s->reqs[i].n_cands > 0)
      g_array_append_val (order, i);

  g_array_sort_with_data (order, by_difficulty ? compare_difficulty : compare_priority, s);
  return order;
}

static void
place_greedily (Sched  *s,
                GArray *order)
{
  for (guint i = 0; i < order->len; i++)
    {
      Req *q = &s->reqs[g_array_index (order, int, i)];

      if (!q->placed)
        insert_anywhere (s, q, 0);
    }
}

/* What the search maximises: the score, then the least time taken from
 * people in demand, which leaves the most room for what is still unplaced. */
#define VALUE_UNIT 1000000
static inline gint64
value (const Sched *s)
{
  return s->score * VALUE_UNIT - s->used;
}

/* Places the unplaced q where the placements in the way weigh least, and
 * puts those back elsewhere; keeps the result when the score does not
 * drop, or by the annealing's chance. */
static gboolean
try_request (Sched  *s,
             Req    *q,
             double  temperature,
             guint64 *work)
{
  int ids[MAX_EJECT];
  guint32 c = 0;
  guint n = 0;
  int limit = q->weight + 1 + (temperature > 0.5 ? 2 : 0);
  gint64 before = value (s);
  gboolean kept = FALSE;

  g_array_set_size (s->journal, 0);

  if (best_candidate (s, q, limit, &c, ids, &n, work) &&
      place_ejecting (s, q, c, ids, n, 2, work))
    {
      double delta = (double) (value (s) - before);

      kept = delta >= 0 || (temperature > 0 && g_rand_double (s->rand) < exp (delta / (VALUE_UNIT * temperature)));
    }

  if (!kept)
    rollback (s, 0);
  unpin_all (s);
  return kept;
}

static guint
day_of (const Sched *s,
        gint64       instant)
{
  guint day = 0;

  while (day + 1 < s->n_days && s->day_starts[day + 1] <= instant)
    day++;
  return day;
}

typedef struct
{
  int      req;
  double   key;
  gboolean placed;
} Keyed;

static int
compare_keyed (gconstpointer pa,
               gconstpointer pb)
{
  const Keyed *a = pa, *b = pb;

  if (a->key != b->key)
    return a->key > b->key ? -1 : 1;
  return a->req - b->req;
}

/* A larger step: takes out one person's placements of one day and puts
 * them and the person's unplaced requests back on that day, most valuable
 * per minute first with some noise, each at the first time that fits; a
 * placement that no longer fits there may go to another day. Only the
 * day changed, so an unplaced request is tried on that day alone. */
static gboolean
ruin_and_recreate (Sched  *s,
                   Req    *u,
                   double  temperature,
                   guint64 *work)
{
  guint day = s->slots[cand_slot (u->cands[g_rand_int_range (s->rand, 0, u->n_cands)])].day;
  g_autoptr(GArray) todo = g_array_new (FALSE, FALSE, sizeof (Keyed));
  gint64 before = value (s);
  gboolean kept = TRUE;

  g_array_set_size (s->journal, 0);

  for (guint j = 0; j < u->n_people; j++)
    {
      Person *p = &s->people[u->people[j]];

      for (guint i = 0; i < p->requests->len; i++)
        {
          int r = g_array_index (p->requests, int, i);
          Req *q = &s->reqs[r];
          Keyed k = { r, 0, q->placed };

          if (!q->movable || q->n_cands == 0 || q->pinned)
            continue;
          if (!q->placed && q->day_cands[day] == q->day_cands[day + 1])
            continue;
          if (q->placed)
            {
              if (day_of (s, q->start) != day || !can_remove (s, q))
                continue;
              take (s, q);
            }
          q->pinned = TRUE;     /* listed once */
          k.key = q->weight * (0.75 + 0.5 * g_rand_double (s->rand)) * 3600.0 / (q->duration + 900);
          g_array_append_val (todo, k);
        }
    }
  g_array_sort (todo, compare_keyed);

  for (guint i = 0; i < todo->len; i++)
    {
      Req *q = &s->reqs[g_array_index (todo, Keyed, i).req];
      guint lo = q->day_cands[day], hi = q->day_cands[day + 1];
      gboolean was_placed = g_array_index (todo, Keyed, i).placed;

      q->pinned = FALSE;
      (*work) += hi - lo;
      if (hi > lo)
        insert_in (s, q, lo, hi, g_rand_boolean (s->rand) ? lo : (guint) g_rand_int_range (s->rand, lo, hi));
      if (!q->placed && was_placed)
        {
          (*work) += q->n_cands;
          insert_anywhere (s, q, g_rand_int_range (s->rand, 0, q->n_cands));
        }
      if (!q->placed && q->must_stay)
        kept = FALSE;
    }

  if (kept)
    {
      double delta = (double) (value (s) - before);

      kept = delta >= 0 || (temperature > 0 && g_rand_double (s->rand) < exp (delta / (VALUE_UNIT * temperature)));
    }
  if (!kept)
    rollback (s, 0);
  return kept;
}

/* The search's budget, in candidates looked at: a fixed amount of work,
 * not of time, so that a run gives the same result on any machine. */
static guint64
budget (const Sched *s)
{
  guint64 effort = s->options->effort > 0 ? s->options->effort
                   : s->n_reqs <= 200 ? MP_SCHEDULE_SMALL_EFFORT : MP_SCHEDULE_DEFAULT_EFFORT;

  return effort * 1000;
}

/* Every required request that some pushing out can place. */
static void
place_required (Sched *s)
{
  guint64 work = 0;

  for (guint i = 0; i < s->n_reqs; i++)
    {
      Req *q = &s->reqs[i];

      if (q->priority == MP_PRIORITY_REQUIRED && q->movable && !q->placed && q->n_cands > 0)
        for (guint tries = 0; tries < 8 && !q->placed; tries++)
          try_request (s, q, 0, &work);
    }
}

static void
improve (Sched        *s,
         GCancellable *cancellable)
{
  guint64 limit = budget (s);
  g_autofree Saved *best = g_new (Saved, s->n_reqs);
  g_autoptr(GArray) pool = g_array_new (FALSE, FALSE, sizeof (int));
  gint64 best_value = value (s);
  guint64 work = 0, best_work = 0, stall = 200000;
  /* Large plans (one search, see search ()) gain more for the same work
   * from a warmer start, heavier requests tried more often (a low one a
   * quarter as often as a high one) and mostly single insertions rather
   * than taking apart a person's day; small plans keep the search that
   * reaches their optimum. */
  gboolean large = s->n_reqs > 200;
  double t0 = large ? 1.0 : 0.5;   /* the annealing starts willing to lose this many weight units */

  snapshot (s, best);

  for (guint i = 0; i < s->n_reqs; i++)
    if (s->reqs[i].movable && s->reqs[i].n_cands > 0)
      {
        g_array_append_val (pool, i);
        stall += 10000 * (guint64) s->reqs[i].n_cands;
      }

  /* Stops early when a long stretch, for the plan's size, brought nothing
   * better. */
  guint it;

  for (it = 0; work < limit && work - best_work < stall && pool->len > 0; it++)
    {
      double temperature = t0 * (1.0 - (double) work / limit);
      Req *q = NULL;

      if ((it & 63) == 0 &&
          (g_cancellable_is_cancelled (cancellable) ||
           (s->deadline > 0 && g_get_monotonic_time () > s->deadline)))
        break;

      /* An unplaced request, at random. */
      for (guint tries = 0; tries < 64 && q == NULL; tries++)
        {
          Req *r = &s->reqs[g_array_index (pool, int, g_rand_int_range (s->rand, 0, pool->len))];

          if (!r->placed && (!large || g_rand_int_range (s->rand, 0, 4) < MIN (r->weight, 4)))
            q = r;
        }
      if (q == NULL)
        {
          work += 64;   /* nearly all placed: the budget still runs out */
          continue;
        }

      if (large ? g_rand_int_range (s->rand, 0, 4) == 0 : g_rand_boolean (s->rand))
        ruin_and_recreate (s, q, temperature, &work);
      else
        try_request (s, q, temperature, &work);

      if (value (s) > best_value)
        {
          best_value = value (s);
          best_work = work;
          snapshot (s, best);
        }
    }

  if (value (s) != best_value)
    restore (s, best);
  g_debug ("improvement: %u steps, %" G_GUINT64_FORMAT " candidates looked at", it, work);
}

/* Small plans, whose steps cost little, get several independent searches
 * (each with its own seed, derived from the options'); the best is kept. */
static void
search (Sched        *s,
        GCancellable *cancellable)
{
  guint restarts = s->n_reqs <= 200 ? 8 : 1;
  g_autofree Saved *start = g_new (Saved, MAX (1, s->n_reqs));
  g_autofree Saved *best = g_new (Saved, MAX (1, s->n_reqs));
  gint64 best_value = G_MININT64;

  snapshot (s, start);
  for (guint r = 0; r < restarts && !g_cancellable_is_cancelled (cancellable); r++)
    {
      if (r > 0)
        {
          restore (s, start);
          g_rand_set_seed (s->rand, s->options->seed + r);
        }
      improve (s, cancellable);
      if (value (s) > best_value)
        {
          best_value = value (s);
          snapshot (s, best);
        }
    }
  restore (s, best);
}

/* Puts placements the plan had back where they were, when they fit there. */
static void
move_back (Sched *s)
{
  for (guint i = 0; i < s->n_reqs; i++)
    {
      Req *q = &s->reqs[i];
      gint64 start = q->start, end = q->end;
      int room = q->room;

      if (!q->must_stay || !q->placed ||
          (q->start == q->orig_start && q->end == q->orig_end && q->room == q->orig_room))
        continue;

      if (!can_remove (s, q))
        continue;
      take (s, q);
      /* Not a candidate, maybe: both tracks. */
      if (check_at (s, q, q->orig_start, q->orig_end, q->orig_room, TRUE) == FITS &&
          check_at (s, q, q->orig_start, q->orig_end, q->orig_room, FALSE) == FITS)
        put (s, q, q->orig_start, q->orig_end, q->orig_room);
      else
        put (s, q, start, end, room);
    }
}

/* Building the model ------------------------------------------------------ */

static int
person_index (Sched      *s,
              const char *id)
{
  gpointer value = g_hash_table_lookup (s->person_index, id);

  if (value != NULL)
    return GPOINTER_TO_INT (value) - 1;

  /* An id the plan does not know: mp-conflicts.c gives it no availability. */
  s->people = g_renew (Person, s->people, s->n_people + 1);
  s->people[s->n_people] = (Person) { id, NULL, NULL, 0,
                                      { g_array_new (FALSE, FALSE, sizeof (Busy)), 0 },
                                      { g_array_new (FALSE, FALSE, sizeof (Busy)), 0 },
                                      NULL, 0, g_array_new (FALSE, FALSE, sizeof (int)) };
  g_hash_table_insert (s->person_index, (gpointer) id, GINT_TO_POINTER (s->n_people + 1));
  return s->n_people++;
}

static gboolean
available (const Person *p,
           gint64        start,
           gint64        end)
{
  if (p->windows == NULL)
    return TRUE;

  for (guint i = 0; i < p->n_windows; i++)
    if (p->windows[2 * i] <= start && end <= p->windows[2 * i + 1])
      return TRUE;

  return FALSE;
}

static gboolean
same_instant (gint64     instant,
              GTimeZone *zone)
{
  MpTime t = mp_time_from_instant (instant, zone);

  return mp_time_instant (&t, zone) == instant;
}

/* The local times of a meeting at a slot must read back as the same
 * instants in its room's zone (not so in the second pass of a fold). */
static gboolean
readable (const Sched *s,
          const Room  *room,
          const Slot  *slot,
          gint64       duration)
{
  if (!s->zone_unsafe[room->zone_index * s->n_days + slot->day])
    return TRUE;

  return same_instant (slot->start, room->zone) && same_instant (slot->start + duration, room->zone);
}

static int
compare_rooms (gconstpointer pa,
               gconstpointer pb,
               gpointer      data)
{
  const Sched *s = data;
  MpRoom *a = s->rooms[*(const int *) pa].room;
  MpRoom *b = s->rooms[*(const int *) pb].room;
  guint ca = mp_room_get_capacity (a) > 0 ? (guint) mp_room_get_capacity (a) : G_MAXUINT;
  guint cb = mp_room_get_capacity (b) > 0 ? (guint) mp_room_get_capacity (b) : G_MAXUINT;
  guint ka = mp_room_get_kinds (a) != 0 ? (guint) __builtin_popcount (mp_room_get_kinds (a)) : 32;
  guint kb = mp_room_get_kinds (b) != 0 ? (guint) __builtin_popcount (mp_room_get_kinds (b)) : 32;

  /* The smallest room that will do, and the most specialised, keep the
   * others free for what only they can hold. */
  if (ca != cb)
    return ca < cb ? -1 : 1;
  if (ka != kb)
    return ka < kb ? -1 : 1;
  return *(const int *) pa - *(const int *) pb;
}

static gboolean
slot_in_window (const Req  *q,
                const Slot *slot)
{
  gint64 end = slot->start + q->duration;

  return slot->start >= q->earliest && end <= q->latest && end <= slot->day_end;
}

static void
build_candidates (Sched *s,
                  Req   *q)
{
  GArray *cands = g_array_new (FALSE, FALSE, sizeof (guint32));

  /* Not a meeting file-format.md allows: left unplaced, and said so. */
  for (guint t = 0; q->n_seats >= 2 && q->duration > 0 && t < s->n_slots; t++)
    {
      const Slot *slot = &s->slots[t];
      gint64 end = slot->start + q->duration;
      gboolean ok = slot_in_window (q, slot);

      for (guint i = 0; ok && i < q->n_people; i++)
        ok = available (&s->people[q->people[i]], slot->start, end) &&
             check_person (s, &s->people[q->people[i]].fixed, slot->start, end, -1, -1) == FITS;

      for (guint k = 0; ok && k < q->n_rooms; k++)
        if (readable (s, &s->rooms[q->rooms[k]], slot, q->duration) &&
            check (s, q, slot->start, q->rooms[k], TRUE) == FITS)
          {
            guint32 c = t << 8 | k;

            g_array_append_val (cands, c);
          }
    }

  q->n_cands = cands->len;
  q->cands = (guint32 *) g_array_free (cands, FALSE);

  /* The candidates come by slot, so by day. */
  q->day_cands = g_new0 (guint, s->n_days + 1);
  for (guint k = 0, d = 0; d <= s->n_days; d++)
    {
      while (k < q->n_cands && s->slots[cand_slot (q->cands[k])].day < d)
        k++;
      q->day_cands[d] = k;
    }
}

/* A person's demand: the hours of requests naming them that could be
 * placed. A placement costs its minutes times its people's demand. */
static void
weigh_costs (Sched *s)
{
  g_autofree gint64 *demand = g_new0 (gint64, MAX (1, s->n_people));

  for (guint i = 0; i < s->n_reqs; i++)
    if (s->reqs[i].n_cands > 0)
      for (guint j = 0; j < s->reqs[i].n_people; j++)
        demand[s->reqs[i].people[j]] += s->reqs[i].duration;

  s->used = 0;
  for (guint i = 0; i < s->n_reqs; i++)
    {
      Req *q = &s->reqs[i];

      q->cost = q->duration / 60;
      for (guint j = 0; j < q->n_people; j++)
        q->cost += q->duration / 60 * demand[q->people[j]] / 3600;
      if (q->placed && q->movable)
        s->used += q->cost;
    }
}

static void
build_slots (Sched *s)
{
  MpConference *conference = mp_plan_get_conference (s->plan);
  int day_start = mp_conference_get_day_start (conference);
  int day_end = mp_conference_get_day_end (conference);
  int slot = mp_conference_get_slot_minutes (conference) > 0 ? mp_conference_get_slot_minutes (conference) : MP_DEFAULT_SLOT;
  gint64 first_day = mp_conference_get_start_date (conference);
  GArray *slots = g_array_new (FALSE, FALSE, sizeof (Slot));

  s->n_days = mp_conference_get_n_days (conference);
  s->zone_unsafe = g_new0 (guint8, MAX (1, s->zones->len * s->n_days));
  s->day_starts = g_new0 (gint64, MAX (1, s->n_days));
  s->conf_start = G_MAXINT64;
  s->conf_end = G_MININT64;

  for (guint d = 0; d < s->n_days; d++)
    {
      gint64 base = (first_day + d) * MP_SECONDS_PER_DAY;
      MpTime t = mp_time_from_wall (base + (gint64) day_end * 60);
      gint64 end_instant = mp_time_instant (&t, s->zone);
      gint64 start_instant;

      t = mp_time_from_wall (base + (gint64) day_start * 60);
      start_instant = mp_time_instant (&t, s->zone);
      s->day_starts[d] = start_instant;
      if (day_end > day_start)
        {
          s->conf_start = MIN (s->conf_start, start_instant);
          s->conf_end = MAX (s->conf_end, end_instant);
        }

      for (guint z = 0; z < s->zones->len; z++)
        {
          GTimeZone *zone = g_ptr_array_index (s->zones, z);

          s->zone_unsafe[z * s->n_days + d] =
            mp_wall_from_instant (start_instant, zone) - start_instant !=
            mp_wall_from_instant (end_instant, zone) - end_instant;
        }

      for (int minute = day_start; minute < day_end; minute += slot)
        {
          Slot one = { 0, 0, end_instant, d };

          t = mp_time_from_wall (base + (gint64) minute * 60);
          if (!mp_time_resolve (&t, s->zone, &one.start, NULL))
            continue;   /* in the daylight-saving gap */
          g_array_append_val (slots, one);
        }
    }

  s->n_slots = slots->len;
  s->slots = (Slot *) g_array_free (slots, FALSE);
  for (guint t = 0; t < s->n_slots; t++)
    s->slots[t].cell_end = t + 1 < s->n_slots && s->slots[t + 1].day == s->slots[t].day
                           ? s->slots[t + 1].start : s->slots[t].day_end;
}

static void
build_rooms (Sched *s)
{
  GListModel *venues = mp_plan_get_venues (s->plan);
  GListModel *rooms = mp_plan_get_rooms (s->plan);
  g_autoptr(GHashTable) venue_index = g_hash_table_new (g_str_hash, g_str_equal);

  s->n_venues = g_list_model_get_n_items (venues);
  for (guint i = 0; i < s->n_venues; i++)
    {
      g_autoptr(MpRecord) venue = g_list_model_get_item (venues, i);

      g_hash_table_insert (venue_index, (gpointer) mp_record_get_id (venue), GINT_TO_POINTER (i + 1));
    }

  s->travel = g_new0 (gint64, MAX (1, s->n_venues * s->n_venues));
  for (guint a = 0; a < s->n_venues; a++)
    for (guint b = 0; b < s->n_venues; b++)
      if (a != b)
        {
          g_autoptr(MpRecord) va = g_list_model_get_item (venues, a);
          g_autoptr(MpRecord) vb = g_list_model_get_item (venues, b);

          s->travel[a * s->n_venues + b] =
            (gint64) mp_plan_get_travel_minutes (s->plan, mp_record_get_id (va), mp_record_get_id (vb)) * 60;
        }

  s->max_gap = s->buffer;
  for (guint i = 0; i < s->n_venues * s->n_venues; i++)
    s->max_gap = MAX (s->max_gap, s->travel[i]);

  s->n_rooms = g_list_model_get_n_items (rooms);
  s->rooms = g_new0 (Room, MAX (1, s->n_rooms));
  for (guint i = 0; i < s->n_rooms; i++)
    {
      Room *r = &s->rooms[i];
      guint z;

      r->room = g_list_model_get_item (rooms, i);
      g_object_unref (r->room);   /* the plan holds it */
      r->id = mp_record_get_id (MP_RECORD (r->room));
      r->venue = GPOINTER_TO_INT (g_hash_table_lookup (venue_index, mp_room_get_venue (r->room) != NULL
                                                                    ? mp_room_get_venue (r->room) : "")) - 1;
      r->zone = mp_plan_get_room_zone (s->plan, r->id);
      if (!g_ptr_array_find (s->zones, r->zone, &z))
        {
          z = s->zones->len;
          g_ptr_array_add (s->zones, r->zone);
        }
      r->zone_index = z;
      r->fixed.items = g_array_new (FALSE, FALSE, sizeof (Busy));
      r->moving.items = g_array_new (FALSE, FALSE, sizeof (Busy));
    }
}

static void
build_people (Sched *s)
{
  GListModel *participants = mp_plan_get_participants (s->plan);
  guint n = g_list_model_get_n_items (participants);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MpParticipant) participant = g_list_model_get_item (participants, i);
      int index = person_index (s, mp_record_get_id (MP_RECORD (participant)));
      Person *p = &s->people[index];
      GArray *windows = mp_participant_get_available (participant);

      p->participant = participant;
      if (windows != NULL)
        {
          p->n_windows = windows->len;
          p->windows = g_new (gint64, 2 * MAX (1, windows->len));
          for (guint w = 0; w < windows->len; w++)
            {
              MpInterval *iv = &g_array_index (windows, MpInterval, w);

              p->windows[2 * w] = mp_time_instant (&iv->start, s->zone);
              p->windows[2 * w + 1] = mp_time_instant (&iv->end, s->zone);
            }
        }
    }
}

static int
room_index (Sched      *s,
            const char *id)
{
  for (guint i = 0; id != NULL && i < s->n_rooms; i++)
    if (strcmp (s->rooms[i].id, id) == 0)
      return i;
  return -1;
}

static void
build_requests (Sched *s)
{
  GListModel *requests = mp_plan_get_requests (s->plan);

  s->n_reqs = g_list_model_get_n_items (requests);
  s->reqs = g_new0 (Req, MAX (1, s->n_reqs));

  for (guint i = 0; i < s->n_reqs; i++)
    {
      Req *q = &s->reqs[i];
      const char * const *ids;
      g_autoptr(GArray) people = g_array_new (FALSE, FALSE, sizeof (int));
      g_autoptr(GArray) rooms = g_array_new (FALSE, FALSE, sizeof (int));

      q->request = g_list_model_get_item (requests, i);
      g_object_unref (q->request);
      q->id = mp_record_get_id (MP_RECORD (q->request));
      q->index = i;
      q->priority = mp_request_get_priority (q->request);
      q->weight = mp_priority_weight (q->priority);
      q->duration = (gint64) mp_request_get_duration_minutes (q->request) * 60;
      q->earliest = mp_request_get_earliest (q->request) != NULL
                    ? mp_time_instant (mp_request_get_earliest (q->request), s->zone) : G_MININT64 / 2;
      q->latest = mp_request_get_latest (q->request) != NULL
                  ? mp_time_instant (mp_request_get_latest (q->request), s->zone) : G_MAXINT64 / 2;
      q->movable = TRUE;
      q->room = -1;

      ids = mp_request_get_participants (q->request);
      for (guint j = 0; ids != NULL && ids[j] != NULL; j++)
        {
          int p = person_index (s, ids[j]);
          gboolean seen = FALSE;

          for (guint k = 0; k < people->len && !seen; k++)
            seen = g_array_index (people, int, k) == p;
          if (!seen)
            g_array_append_val (people, p);
        }
      q->n_people = q->n_seats = people->len;
      q->people = (int *) g_array_free (g_steal_pointer (&people), FALSE);
      for (guint j = 0; j < q->n_people; j++)
        g_array_append_val (s->people[q->people[j]].requests, i);

      for (guint r = 0; r < s->n_rooms && rooms->len < 256; r++)
        if (mp_room_serves_kind (s->rooms[r].room, mp_request_get_kind (q->request)) &&
            mp_room_seats (s->rooms[r].room, q->n_seats))
          g_array_append_val (rooms, r);
      g_array_sort_with_data (rooms, compare_rooms, s);
      q->n_rooms = rooms->len;
      q->rooms = (int *) g_array_free (g_steal_pointer (&rooms), FALSE);
    }
}

static int *
new_cells (const Sched *s)
{
  int *cells = g_new (int, MAX (1, s->n_slots));

  for (guint t = 0; t < s->n_slots; t++)
    cells[t] = -1;
  return cells;
}

/* Cells for every room and for the people of requests: only they get
 * placements. */
static void
build_cells (Sched *s)
{
  for (guint i = 0; i < s->n_rooms; i++)
    s->rooms[i].cells = new_cells (s);
  for (guint i = 0; i < s->n_people; i++)
    if (s->people[i].requests->len > 0)
      s->people[i].cells = new_cells (s);
}

static gboolean
same_people (const Req          *q,
             const char * const *ids,
             Sched              *s)
{
  guint n = 0;

  for (guint j = 0; ids != NULL && ids[j] != NULL; j++)
    {
      int p = person_index (s, ids[j]);
      gboolean found = FALSE, repeated = FALSE;

      for (guint k = 0; k < q->n_people && !found; k++)
        found = q->people[k] == p;
      for (guint k = 0; k < j && !repeated; k++)
        repeated = strcmp (ids[k], ids[j]) == 0;
      if (!found)
        return FALSE;
      n += !repeated;
    }

  return n == q->n_people;
}

static void
insert_fixed (Sched              *s,
              const Busy         *b,
              const char * const *ids)
{
  if (b->room >= 0)
    track_insert (&s->rooms[b->room].fixed, b);
  for (guint j = 0; ids != NULL && ids[j] != NULL; j++)
    {
      gboolean repeated = FALSE;

      for (guint k = 0; k < j && !repeated; k++)
        repeated = strcmp (ids[k], ids[j]) == 0;
      if (!repeated)
        {
          int p = person_index (s, ids[j]);

          track_insert (&s->people[p].fixed, b);
        }
    }
}

/* Every meeting that is not cancelled: fixed, or a placement the search
 * may move (unlocked, the only one of its request, its people and length
 * the request's). */
static void
build_meetings (Sched *s)
{
  GListModel *meetings = mp_plan_get_meetings (s->plan);
  guint n = g_list_model_get_n_items (meetings);
  g_autoptr(GHashTable) req_index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree guint *n_placements = g_new0 (guint, MAX (1, s->n_reqs));

  for (guint i = 0; i < s->n_reqs; i++)
    g_hash_table_insert (req_index, (gpointer) s->reqs[i].id, GINT_TO_POINTER (i + 1));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MpMeeting) m = g_list_model_get_item (meetings, i);
      int r = GPOINTER_TO_INT (g_hash_table_lookup (req_index, mp_meeting_get_request (m) != NULL
                                                               ? mp_meeting_get_request (m) : "")) - 1;

      if (r >= 0 && !mp_meeting_is_cancelled (m))
        n_placements[r]++;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MpMeeting) m = g_list_model_get_item (meetings, i);
      const char * const *ids = mp_meeting_get_participants (m);
      int r = GPOINTER_TO_INT (g_hash_table_lookup (req_index, mp_meeting_get_request (m) != NULL
                                                               ? mp_meeting_get_request (m) : "")) - 1;
      Busy b;

      if (mp_meeting_is_cancelled (m))
        continue;
      if (mp_meeting_get_start (m) == NULL)
        {
          if (r >= 0)
            {
              s->reqs[r].placed = TRUE;
              s->reqs[r].movable = FALSE;
            }
          continue;
        }

      b.start = mp_meeting_get_start_instant (m);
      b.end = mp_meeting_get_end_instant (m);
      b.room = room_index (s, mp_meeting_get_room (m));
      b.venue = b.room >= 0 ? s->rooms[b.room].venue : -1;
      b.owner = -1;
      b.order = s->order++;

      if (r >= 0)
        {
          Req *q = &s->reqs[r];

          if (!mp_meeting_get_locked (m) && !s->options->keep_placements &&
              n_placements[r] == 1 && b.end - b.start == q->duration && same_people (q, ids, s))
            {
              put (s, q, b.start, b.end, b.room);
              q->must_stay = TRUE;
              q->meeting = m;
              q->orig_start = b.start;
              q->orig_end = b.end;
              q->orig_room = b.room;
              continue;
            }

          q->placed = TRUE;
          q->movable = FALSE;
        }

      insert_fixed (s, &b, ids);
    }

  s->score = 0;
  for (guint i = 0; i < s->n_reqs; i++)
    if (s->reqs[i].placed)
      s->score += s->reqs[i].weight;
}

static void
sched_free (Sched *s)
{
  for (guint i = 0; i < s->n_rooms; i++)
    {
      track_clear (&s->rooms[i].fixed);
      track_clear (&s->rooms[i].moving);
      g_free (s->rooms[i].cells);
    }
  for (guint i = 0; i < s->n_people; i++)
    {
      track_clear (&s->people[i].fixed);
      track_clear (&s->people[i].moving);
      g_free (s->people[i].cells);
      g_free (s->people[i].windows);
      g_clear_pointer (&s->people[i].requests, g_array_unref);
    }
  for (guint i = 0; i < s->n_reqs; i++)
    {
      g_free (s->reqs[i].people);
      g_free (s->reqs[i].rooms);
      g_free (s->reqs[i].cands);
      g_free (s->reqs[i].day_cands);
    }
  g_free (s->rooms);
  g_free (s->travel);
  g_free (s->zone_unsafe);
  g_free (s->people);
  g_free (s->slots);
  g_free (s->day_starts);
  g_free (s->reqs);
  g_clear_pointer (&s->zones, g_ptr_array_unref);
  g_clear_pointer (&s->person_index, g_hash_table_unref);
  g_clear_pointer (&s->rand, g_rand_free);
  g_clear_pointer (&s->journal, g_array_unref);
  g_clear_pointer (&s->pinned, g_array_unref);
}

/* Reasons ----------------------------------------------------------------- */

struct _MpScheduleReason
{
  GObject               parent_instance;

  char                 *request;
  MpScheduleReasonKind  kind;
  GStrv                 ids;
  char                 *description;
};

G_DEFINE_FINAL_TYPE (MpScheduleReason, mp_schedule_reason, G_TYPE_OBJECT)

static void
mp_schedule_reason_finalize (GObject *object)
{
  MpScheduleReason *self = (MpScheduleReason *)object;

  g_clear_pointer (&self->request, g_free);
  g_clear_pointer (&self->ids, g_strfreev);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (mp_schedule_reason_parent_class)->finalize (object);
}

static void
mp_schedule_reason_class_init (MpScheduleReasonClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mp_schedule_reason_finalize;
}

static void
mp_schedule_reason_init (MpScheduleReason *self)
{
}

const char *
mp_schedule_reason_get_request (MpScheduleReason *self)
{
  g_return_val_if_fail (MP_IS_SCHEDULE_REASON (self), NULL);
  return self->request;
}

MpScheduleReasonKind
mp_schedule_reason_get_kind (MpScheduleReason *self)
{
  g_return_val_if_fail (MP_IS_SCHEDULE_REASON (self), 0);
  return self->kind;
}

const char * const *
mp_schedule_reason_get_ids (MpScheduleReason *self)
{
  g_return_val_if_fail (MP_IS_SCHEDULE_REASON (self), NULL);
  return (const char * const *) self->ids;
}

const char *
mp_schedule_reason_get_description (MpScheduleReason *self)
{
  g_return_val_if_fail (MP_IS_SCHEDULE_REASON (self), NULL);
  return self->description;
}

const char *
mp_schedule_reason_kind_to_nick (MpScheduleReasonKind kind)
{
  static const char * const nicks[] = {
    "invalid", "no-room-kind", "no-room-size", "outside-hours", "unavailable",
    "no-common-time", "busy", "no-shared-free", "no-free-room", "competition",
  };

  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (nicks), NULL);
  return nicks[kind];
}

static const char *
person_name (const Sched *s,
             int          p)
{
  const Person *person = &s->people[p];

  return person->participant != NULL && mp_participant_get_name (person->participant) != NULL
         ? mp_participant_get_name (person->participant) : person->id;
}

static char *make_title (const Sched *s,
                         const Req   *q);

static char *
format_instant (const Sched *s,
                gint64       instant,
                const char  *format)
{
  g_autoptr(GDateTime) dt = mp_date_time_new (instant, s->zone);

  return g_date_time_format (dt, format);
}

/* "on 24 April between 14:00 and 16:00", or "between 24 April 14:00 and
 * 25 April 11:00". */
static char *
describe_span (const Sched *s,
               gint64       start,
               gint64       end)
{
  /* Translators: a day and month, as in “24 April” */
  g_autofree char *day1 = format_instant (s, start, C_("day", "%-d %B"));
  g_autofree char *day2 = format_instant (s, end - 1, C_("day", "%-d %B"));
  g_autofree char *t1 = format_instant (s, start, "%H:%M");
  g_autofree char *t2 = format_instant (s, end, "%H:%M");

  if (g_strcmp0 (day1, day2) == 0)
    /* Translators: on DAY between TIME and TIME */
    return g_strdup_printf (_("on %s between %s and %s"), day1, t1, t2);
  /* Translators: between DAY TIME and DAY TIME */
  return g_strdup_printf (_("between %s %s and %s %s"), day1, t1, day2, t2);
}

static MpScheduleReason *
reason_new (const Req             *q,
            MpScheduleReasonKind   kind,
            GPtrArray             *ids,
            char                  *description)
{
  MpScheduleReason *self = g_object_new (MP_TYPE_SCHEDULE_REASON, NULL);

  self->request = g_strdup (q->id);
  self->kind = kind;
  if (ids != NULL)
    {
      g_ptr_array_add (ids, NULL);
      self->ids = g_strdupv ((char **) ids->pdata);
    }
  else
    self->ids = g_new0 (char *, 1);
  self->description = description;
  return self;
}

static MpScheduleReason *
reason_people (const Sched           *s,
               const Req             *q,
               MpScheduleReasonKind   kind,
               int                    a,
               int                    b,
               char                  *description)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  g_ptr_array_add (ids, (gpointer) s->people[a].id);
  if (b >= 0)
    g_ptr_array_add (ids, (gpointer) s->people[b].id);
  return reason_new (q, kind, ids, description);
}

/* Whether the slot works for the people in mask (bit i: q->people[i]) in
 * some room: for availability only, or also with their fixed meetings. */
static gboolean
slot_works (const Sched *s,
            const Req   *q,
            guint        t,
            guint64      mask,
            gboolean     busy)
{
  const Slot *slot = &s->slots[t];
  gint64 end = slot->start + q->duration;

  for (guint i = 0; i < q->n_people; i++)
    if ((mask >> MIN (i, 63) & 1) && !available (&s->people[q->people[i]], slot->start, end))
      return FALSE;

  if (!busy)
    return TRUE;

  for (guint k = 0; k < q->n_rooms; k++)
    {
      int room = q->rooms[k];
      gboolean ok = readable (s, &s->rooms[room], slot, q->duration);

      for (guint i = 0; ok && i < q->n_people; i++)
        if (mask >> MIN (i, 63) & 1)
          ok = check_person (s, &s->people[q->people[i]].fixed, slot->start, end, room, s->rooms[room].venue) == FITS;
      if (ok)
        return TRUE;
    }

  return FALSE;
}

static gboolean
any_slot (const Sched *s,
          const Req   *q,
          guint64      mask,
          gboolean     busy)
{
  for (guint t = 0; t < s->n_slots; t++)
    if (slot_in_window (q, &s->slots[t]) && slot_works (s, q, t, mask, busy))
      return TRUE;
  return FALSE;
}

/* The people's times never meet: name a pair whose never do, or all. */
static MpScheduleReason *
reason_no_overlap (const Sched          *s,
                   const Req            *q,
                   MpScheduleReasonKind  kind,
                   gboolean              busy)
{
  int minutes = (int) (q->duration / 60);

  for (guint i = 0; i < q->n_people && i < 64; i++)
    for (guint j = i + 1; j < q->n_people && j < 64; j++)
      if (!any_slot (s, q, (G_GUINT64_CONSTANT (1) << i) | (G_GUINT64_CONSTANT (1) << j), busy))
        return reason_people (s, q, kind, q->people[i], q->people[j],
                              busy
                              ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              "%s’s and %s’s free times never overlap for %d minute",
                                                              "%s’s and %s’s free times never overlap for %d minutes",
                                                              minutes),
                                                 person_name (s, q->people[i]), person_name (s, q->people[j]), minutes)
                              : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              "%s’s and %s’s available times never overlap for %d minute",
                                                              "%s’s and %s’s available times never overlap for %d minutes",
                                                              minutes),
                                                 person_name (s, q->people[i]), person_name (s, q->people[j]), minutes));

  {
    g_autoptr(GPtrArray) ids = g_ptr_array_new ();

    for (guint i = 0; i < q->n_people; i++)
      g_ptr_array_add (ids, (gpointer) s->people[q->people[i]].id);
    return reason_new (q, kind, ids,
                       busy
                       ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                       "the participants’ free times never overlap for %d minute",
                                                       "the participants’ free times never overlap for %d minutes",
                                                       minutes), minutes)
                       : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                       "the participants’ available times never overlap for %d minute",
                                                       "the participants’ available times never overlap for %d minutes",
                                                       minutes), minutes));
  }
}

typedef struct
{
  int   req;
  guint count;
} Count;

static int
compare_counts (gconstpointer pa,
                gconstpointer pb,
                gpointer      data)
{
  const Count *a = pa, *b = pb;
  const Sched *s = data;

  if (a->count != b->count)
    return a->count > b->count ? -1 : 1;
  if (s->reqs[a->req].weight != s->reqs[b->req].weight)
    return s->reqs[a->req].weight > s->reqs[b->req].weight ? -1 : 1;
  return a->req - b->req;
}

/* The placed requests that hold the people and rooms q could have. */
static MpScheduleReason *
reason_competition (Sched     *s,
                    const Req *q)
{
  g_autoptr(GArray) counts = g_array_new (FALSE, FALSE, sizeof (Count));
  g_autoptr(GHashTable) index = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GString) titles = g_string_new (NULL);
  guint n = 0;

  for (guint k = 0; k < q->n_cands; k++)
    {
      int seen[8];
      guint n_seen = 0;
      int b;

      while (n_seen < G_N_ELEMENTS (seen) && (b = check_cand (s, q, q->cands[k])) >= 0)
        {
          s->reqs[b].skip = TRUE;
          seen[n_seen++] = b;
        }
      unskip (s, seen, n_seen);

      for (guint i = 0; i < n_seen; i++)
        {
          gpointer at = g_hash_table_lookup (index, GINT_TO_POINTER (seen[i] + 1));

          if (at == NULL)
            {
              Count c = { seen[i], 0 };

              g_array_append_val (counts, c);
              at = GUINT_TO_POINTER (counts->len);
              g_hash_table_insert (index, GINT_TO_POINTER (seen[i] + 1), at);
            }
          g_array_index (counts, Count, GPOINTER_TO_UINT (at) - 1).count++;
        }
    }

  g_array_sort_with_data (counts, compare_counts, s);
  for (guint i = 0; i < counts->len && i < 3; i++, n++)
    {
      const Req *r = &s->reqs[g_array_index (counts, Count, i).req];

      g_ptr_array_add (ids, (gpointer) r->id);
      if (titles->len > 0)
        g_string_append (titles, _(", "));
      g_autofree char *title = make_title (s, r);

      g_string_append_printf (titles, _("“%s”"), title);
    }

  return reason_new (q, MP_SCHEDULE_REASON_COMPETITION, ids,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "the placed request %s takes the people, rooms and times it could have",
                                                   "the placed requests %s take the people, rooms and times it could have",
                                                   n),
                                      titles->str));
}

static MpScheduleReason *
explain (Sched     *s,
         const Req *q)
{
  MpMeetingKind kind = mp_request_get_kind (q->request);
  int minutes = (int) (q->duration / 60);
  gboolean any_kind = FALSE;
  gint64 first = G_MAXINT64, last = G_MININT64;
  guint64 all = q->n_people >= 64 ? G_MAXUINT64 : (G_GUINT64_CONSTANT (1) << q->n_people) - 1;

  if (q->n_seats < 2 || q->duration <= 0)
    return reason_new (q, MP_SCHEDULE_REASON_INVALID, NULL,
                       g_strdup (_("a request needs two or more participants and a duration")));

  for (guint r = 0; r < s->n_rooms && !any_kind; r++)
    any_kind = mp_room_serves_kind (s->rooms[r].room, kind);
  if (!any_kind)
    return reason_new (q, MP_SCHEDULE_REASON_NO_ROOM_KIND, NULL,
                       g_strdup_printf (_("no room is set up for “%s” meetings"), mp_meeting_kind_label (kind)));
  if (q->n_rooms == 0)
    return reason_new (q, MP_SCHEDULE_REASON_NO_ROOM_SIZE, NULL,
                       g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "no room set up for “%s” meetings seats %u person",
                                                     "no room set up for “%s” meetings seats %u people",
                                                     q->n_seats),
                                        mp_meeting_kind_label (kind), q->n_seats));

  for (guint t = 0; t < s->n_slots; t++)
    if (slot_in_window (q, &s->slots[t]))
      {
        first = MIN (first, s->slots[t].start);
        last = MAX (last, s->slots[t].start + q->duration);
      }
  if (first == G_MAXINT64)
    return reason_new (q, MP_SCHEDULE_REASON_OUTSIDE_HOURS, NULL,
                       g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "its window holds no %d minute on the slot grid inside the conference’s hours",
                                                     "its window holds no %d minutes on the slot grid inside the conference’s hours",
                                                     minutes), minutes));

  for (guint i = 0; i < q->n_people && i < 64; i++)
    if (!any_slot (s, q, G_GUINT64_CONSTANT (1) << i, FALSE))
      {
        g_autofree char *day1 = format_instant (s, first, C_("day", "%-d %B"));
        g_autofree char *day2 = format_instant (s, last - 1, C_("day", "%-d %B"));
        g_autofree char *span = g_strcmp0 (day1, day2) == 0 ? NULL : describe_span (s, first, last);

        return reason_people (s, q, MP_SCHEDULE_REASON_UNAVAILABLE, q->people[i], -1,
                              span == NULL
                              ? g_strdup_printf (_("%s is unavailable on %s"), person_name (s, q->people[i]), day1)
                              : g_strdup_printf (_("%s is unavailable %s"), person_name (s, q->people[i]), span));
      }
  if (!any_slot (s, q, all, FALSE))
    return reason_no_overlap (s, q, MP_SCHEDULE_REASON_NO_COMMON_TIME, FALSE);

  for (guint i = 0; i < q->n_people && i < 64; i++)
    if (!any_slot (s, q, G_GUINT64_CONSTANT (1) << i, TRUE))
      return reason_people (s, q, MP_SCHEDULE_REASON_BUSY, q->people[i], -1,
                            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%s’s other meetings leave no free %d minute in the requested times",
                                                          "%s’s other meetings leave no free %d minutes in the requested times",
                                                          minutes),
                                             person_name (s, q->people[i]), minutes));
  if (!any_slot (s, q, all, TRUE))
    return reason_no_overlap (s, q, MP_SCHEDULE_REASON_NO_SHARED_FREE, TRUE);

  if (q->n_cands == 0)
    {
      g_autofree char *span = NULL;

      first = G_MAXINT64;
      last = G_MININT64;
      for (guint t = 0; t < s->n_slots; t++)
        if (slot_in_window (q, &s->slots[t]) && slot_works (s, q, t, all, TRUE))
          {
            first = MIN (first, s->slots[t].start);
            last = MAX (last, s->slots[t].start + q->duration);
          }
      span = describe_span (s, first, last);
      return reason_new (q, MP_SCHEDULE_REASON_NO_FREE_ROOM, NULL,
                         g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                       "no free room seats %u person %s",
                                                       "no free room seats %u people %s",
                                                       q->n_seats),
                                          q->n_seats, span));
    }

  return reason_competition (s, q);
}

/* The result -------------------------------------------------------------- */

typedef struct
{
  MpMeeting *meeting;
  char      *room;
  gint64     start;
  gint64     end;
} Move;

struct _MpScheduleResult
{
  GObject     parent_instance;

  guint       n_requests[4];
  guint       n_placed[4];
  gint64      score;
  gint64      max_score;
  double      seconds;
  GPtrArray  *added;
  GArray     *moves;
  GListStore *unplaced;
  gboolean    applied;
};

G_DEFINE_FINAL_TYPE (MpScheduleResult, mp_schedule_result, G_TYPE_OBJECT)

static void
clear_move (gpointer data)
{
  Move *move = data;

  g_clear_object (&move->meeting);
  g_clear_pointer (&move->room, g_free);
}

static void
mp_schedule_result_finalize (GObject *object)
{
  MpScheduleResult *self = (MpScheduleResult *)object;

  g_clear_pointer (&self->added, g_ptr_array_unref);
  g_clear_pointer (&self->moves, g_array_unref);
  g_clear_object (&self->unplaced);

  G_OBJECT_CLASS (mp_schedule_result_parent_class)->finalize (object);
}

static void
mp_schedule_result_class_init (MpScheduleResultClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mp_schedule_result_finalize;
}

static void
mp_schedule_result_init (MpScheduleResult *self)
{
  self->added = g_ptr_array_new_with_free_func (g_object_unref);
  self->moves = g_array_new (FALSE, TRUE, sizeof (Move));
  g_array_set_clear_func (self->moves, clear_move);
  self->unplaced = g_list_store_new (MP_TYPE_SCHEDULE_REASON);
}

guint
mp_schedule_result_get_n_requests (MpScheduleResult *self,
                                   MpPriority        priority)
{
  g_return_val_if_fail (MP_IS_SCHEDULE_RESULT (self), 0);
  g_return_val_if_fail ((guint) priority < 4, 0);
  return self->n_requests[priority];
}

guint
mp_schedule_result_get_n_placed (MpScheduleResult *self,
                                 MpPriority        priority)
{
  g_return_val_if_fail (MP_IS_SCHEDULE_RESULT (self), 0);
  g_return_val_if_fail ((guint) priority < 4, 0);
  return self->n_placed[priority];
}

gint64
mp_schedule_result_get_score (MpScheduleResult *self)
{
  g_return_val_if_fail (MP_IS_SCHEDULE_RESULT (self), 0);
  return self->score;
}

gint64
mp_schedule_result_get_max_score (MpScheduleResult *self)
{
  g_return_val_if_fail (MP_IS_SCHEDULE_RESULT (self), 0);
  return self->max_score;
}

double
mp_schedule_result_get_seconds (MpScheduleResult *self)
{
  g_return_val_if_fail (MP_IS_SCHEDULE_RESULT (self), 0);
  return self->seconds;
}

GPtrArray *
mp_schedule_result_get_added (MpScheduleResult *self)
{
  g_return_val_if_fail (MP_IS_SCHEDULE_RESULT (self), NULL);
  return self->added;
}

guint
mp_schedule_result_get_n_moves (MpScheduleResult *self)
{
  g_return_val_if_fail (MP_IS_SCHEDULE_RESULT (self), 0);
  return self->moves->len;
}

MpMeeting *
mp_schedule_result_get_move (MpScheduleResult *self,
                             guint             index,
                             const char      **room,
                             gint64           *start,
                             gint64           *end)
{
  Move *move;

  g_return_val_if_fail (MP_IS_SCHEDULE_RESULT (self), NULL);
  g_return_val_if_fail (index < self->moves->len, NULL);

  move = &g_array_index (self->moves, Move, index);
  if (room != NULL)
    *room = move->room;
  if (start != NULL)
    *start = move->start;
  if (end != NULL)
    *end = move->end;
  return move->meeting;
}

gboolean
mp_schedule_result_get_changed (MpScheduleResult *self)
{
  g_return_val_if_fail (MP_IS_SCHEDULE_RESULT (self), FALSE);
  return self->added->len > 0 || self->moves->len > 0;
}

GListModel *
mp_schedule_result_get_unplaced (MpScheduleResult *self)
{
  g_return_val_if_fail (MP_IS_SCHEDULE_RESULT (self), NULL);
  return G_LIST_MODEL (self->unplaced);
}

gboolean
mp_schedule_result_apply (MpScheduleResult  *self,
                          MpPlan            *plan,
                          MpHistory         *history,
                          GError           **error)
{
  g_return_val_if_fail (MP_IS_SCHEDULE_RESULT (self), FALSE);
  g_return_val_if_fail (MP_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (history == NULL || MP_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (!self->applied, FALSE);

  self->applied = TRUE;
  if (!mp_schedule_result_get_changed (self))
    return TRUE;

  if (history != NULL)
    mp_history_begin (history, _("Schedule Requests"));

  for (guint i = 0; i < self->moves->len; i++)
    {
      Move *move = &g_array_index (self->moves, Move, i);
      GTimeZone *zone = mp_plan_get_room_zone (plan, move->room);
      MpTime start = mp_time_from_instant (move->start, zone);
      MpTime end = mp_time_from_instant (move->end, zone);

      if (history != NULL)
        mp_history_set (history, move->meeting, "room", move->room, "start", &start, "end", &end, NULL);
      else
        g_object_set (move->meeting, "room", move->room, "start", &start, "end", &end, NULL);
    }

  for (guint i = 0; i < self->added->len; i++)
    {
      MpRecord *meeting = g_ptr_array_index (self->added, i);
      gboolean ok = history != NULL ? mp_history_add (history, meeting, error)
                                    : mp_plan_add (plan, meeting, error);

      if (!ok)
        {
          if (history != NULL)
            mp_history_end (history);
          return FALSE;
        }
    }

  if (history != NULL)
    mp_history_end (history);
  return TRUE;
}

/* Running ----------------------------------------------------------------- */

/* Translators: %s is the delegations, as in “USA–MEX bilateral” */
static char *
title_for_kind (MpMeetingKind  kind,
                const char    *codes)
{
  switch (kind)
    {
    case MP_MEETING_KIND_PLENARY:      return g_strdup_printf (_("%s plenary"), codes);
    case MP_MEETING_KIND_MULTILATERAL: return g_strdup_printf (_("%s multilateral"), codes);
    case MP_MEETING_KIND_TRILATERAL:   return g_strdup_printf (_("%s trilateral"), codes);
    case MP_MEETING_KIND_BILATERAL:    return g_strdup_printf (_("%s bilateral"), codes);
    case MP_MEETING_KIND_PULL_ASIDE:   return g_strdup_printf (_("%s pull-aside"), codes);
    case MP_MEETING_KIND_WORKING_MEAL: return g_strdup_printf (_("%s working meal"), codes);
    case MP_MEETING_KIND_PRESS:        return g_strdup_printf (_("%s press event"), codes);
    case MP_MEETING_KIND_CEREMONY:     return g_strdup_printf (_("%s ceremony"), codes);
    case MP_MEETING_KIND_TRAVEL:       return g_strdup_printf (_("%s travel"), codes);
    case MP_MEETING_KIND_OTHER:
    default:                           return g_strdup_printf (_("%s meeting"), codes);
    }
}

/* The request's title, or one made from its delegations: "USA–MEX bilateral". */
static char *
make_title (const Sched *s,
            const Req   *q)
{
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  g_autofree char *joined = NULL;

  if (mp_request_get_title (q->request) != NULL && mp_request_get_title (q->request)[0] != '\0')
    return g_strdup (mp_request_get_title (q->request));

  for (guint i = 0; i < q->n_people; i++)
    {
      const Person *p = &s->people[q->people[i]];
      const char *code = p->participant != NULL && mp_participant_get_delegation (p->participant) != NULL
                         ? mp_participant_get_delegation (p->participant) : p->id;
      gboolean seen = FALSE;

      for (guint j = 0; j < codes->len && !seen; j++)
        seen = strcmp (g_ptr_array_index (codes, j), code) == 0;
      if (!seen)
        g_ptr_array_add (codes, (gpointer) code);
    }
  g_ptr_array_add (codes, NULL);
  joined = g_strjoinv ("–", (char **) codes->pdata);

  return title_for_kind (mp_request_get_kind (q->request), joined);
}

static char *
make_meeting_id (MpPlan     *plan,
                 GHashTable *taken,
                 const char *stem)
{
  char *id = mp_plan_make_id (plan, MP_TYPE_MEETING, stem);

  for (guint i = 2; g_hash_table_contains (taken, id); i++)
    {
      g_autofree char *next = g_strdup_printf ("%s-%u", stem, i);

      g_free (id);
      id = mp_plan_make_id (plan, MP_TYPE_MEETING, next);
    }

  g_hash_table_add (taken, id);
  return g_strdup (id);
}

static void
fill_result (Sched            *s,
             MpScheduleResult *result)
{
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  result->score = s->score;
  for (guint i = 0; i < s->n_reqs; i++)
    {
      Req *q = &s->reqs[i];

      result->n_requests[q->priority]++;
      result->max_score += q->weight;
      if (q->placed)
        result->n_placed[q->priority]++;

      if (q->placed && q->movable && q->meeting == NULL)
        {
          g_autofree char *id = make_meeting_id (s->plan, taken, q->id);
          g_autofree char *title = make_title (s, q);
          MpMeeting *meeting = mp_meeting_new (id);

          mp_meeting_set_title (meeting, title);
          mp_meeting_set_kind (meeting, mp_request_get_kind (q->request));
          mp_meeting_set_room (meeting, s->rooms[q->room].id);
          mp_meeting_set_participants (meeting, mp_request_get_participants (q->request));
          mp_meeting_set_status (meeting, MP_MEETING_STATUS_TENTATIVE);
          mp_meeting_set_request (meeting, q->id);
          mp_meeting_set_time_zone (meeting, s->rooms[q->room].zone);
          mp_meeting_set_span (meeting, q->start, q->end);
          g_ptr_array_add (result->added, meeting);
        }
      else if (q->placed && q->meeting != NULL &&
               (q->start != q->orig_start || q->end != q->orig_end || q->room != q->orig_room))
        {
          Move move = { g_object_ref (q->meeting), g_strdup (s->rooms[q->room].id), q->start, q->end };

          g_array_append_val (result->moves, move);
        }
      else if (!q->placed)
        {
          g_autoptr(MpScheduleReason) reason = explain (s, q);

          g_list_store_append (result->unplaced, reason);
        }
    }
}

MpScheduleResult *
mp_scheduler_run (MpPlan                   *plan,
                  const MpScheduleOptions  *options,
                  GCancellable             *cancellable,
                  GError                  **error)
{
  static const MpScheduleOptions defaults = { 0 };
  g_autoptr(MpScheduleResult) result = NULL;
  gint64 started = g_get_monotonic_time ();
  g_autofree Saved *initial = NULL;
  gint64 initial_score;
  Sched s = { 0 };

  g_return_val_if_fail (MP_IS_PLAN (plan), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  s.plan = plan;
  s.options = options != NULL ? options : &defaults;
  s.zone = mp_conference_get_zone (mp_plan_get_conference (plan));
  s.turnover = (gint64) mp_conference_get_turnover_minutes (mp_plan_get_conference (plan)) * 60;
  s.buffer = (gint64) mp_conference_get_buffer_minutes (mp_plan_get_conference (plan)) * 60;
  s.zones = g_ptr_array_new ();
  s.person_index = g_hash_table_new (g_str_hash, g_str_equal);
  s.rand = g_rand_new_with_seed (s.options->seed);
  s.deadline = s.options->time_limit_ms > 0 ? started + (gint64) s.options->time_limit_ms * 1000 : 0;
  s.journal = g_array_new (FALSE, FALSE, sizeof (Step));
  s.pinned = g_array_new (FALSE, FALSE, sizeof (int));

  build_rooms (&s);
  build_slots (&s);
  build_people (&s);
  build_requests (&s);
  build_cells (&s);
  build_meetings (&s);
  for (guint i = 0; i < s.n_reqs; i++)
    build_candidates (&s, &s.reqs[i]);
  weigh_costs (&s);
  g_debug ("model built in %.3f s", (g_get_monotonic_time () - started) / 1e6);

  initial = g_new (Saved, MAX (1, s.n_reqs));
  snapshot (&s, initial);
  initial_score = s.score;

  if (s.options->strategy == MP_SCHEDULE_FIRST_FIT)
    {
      g_autoptr(GArray) order = pending (&s, FALSE);

      place_greedily (&s, order);
    }
  else
    {
      g_autoptr(GArray) order = pending (&s, TRUE);
      g_autofree Saved *kept = g_new (Saved, MAX (1, s.n_reqs));
      g_autofree Saved *none = g_new (Saved, MAX (1, s.n_reqs));
      gint64 kept_score;
      gboolean complete = TRUE;

      /* Kept: the placements as they are, and whatever fits besides. */
      place_greedily (&s, order);
      snapshot (&s, kept);
      kept_score = s.score;

      /* Afresh: the best the search finds around the fixed meetings alone.
       * It does not depend on where the requests are placed now, so a
       * re-run finds what the first run found, and changes nothing. */
      for (guint i = 0; i < s.n_reqs; i++)
        none[i] = (Saved) { -1, 0, 0, -1 };
      restore (&s, none);
      g_array_unref (order);
      order = pending (&s, TRUE);
      place_greedily (&s, order);
      g_debug ("greedy: score %" G_GINT64_FORMAT " at %.3f s", s.score, (g_get_monotonic_time () - started) / 1e6);
      place_required (&s);
      search (&s, cancellable);
      g_debug ("search: score %" G_GINT64_FORMAT " at %.3f s", s.score, (g_get_monotonic_time () - started) / 1e6);
      /* Whatever fits now goes in. */
      g_array_unref (order);
      order = pending (&s, TRUE);
      place_greedily (&s, order);

      /* Placements the plan had move only for more weight, never drop. */
      for (guint i = 0; i < s.n_reqs; i++)
        complete &= !s.reqs[i].must_stay || s.reqs[i].placed;
      if (complete && s.score > kept_score)
        move_back (&s);
      else
        restore (&s, kept);
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      sched_free (&s);
      return NULL;
    }

  /* Nothing better: the plan stays exactly as it was. */
  if (s.score <= initial_score)
    restore (&s, initial);

  result = g_object_new (MP_TYPE_SCHEDULE_RESULT, NULL);
  fill_result (&s, result);
  result->seconds = (g_get_monotonic_time () - started) / 1e6;

  sched_free (&s);
  return g_steal_pointer (&result);
}
