/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mp-scheduler"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "mp-scheduler-private.h"

/* The search of mp-scheduler.c: the checks against the placements, the
 * moves (put and take, journalled), and an annealing over two kinds of
 * step, from a greedy start (hardest requests first, each at its first
 * fit):
 *   - an insertion (try_request ()): an unplaced request goes where the
 *     placements in its way weigh least, and those go back elsewhere,
 *     pushing out lighter ones in turn, two levels down;
 *   - a ruin and recreate (ruin_and_recreate ()): a person's day, and the
 *     rooms around a time, are emptied and filled again, most valuable
 *     per minute first.
 * The budget is work (candidates looked at), not time, so that the same
 * plan and options give the same result on any machine. */

#define MAX_EJECT 8     /* placements one insertion may push out: a required one */
#define EJECT     3     /* any other */

#define BLOCK_MARGIN (30 * 60)  /* ruin_rooms () takes this much either side */

/* Plans of up to this many requests search in their own way (see
 * improve (), ruin_and_recreate () and sched_search ()). */
#define SMALL_PLAN 200

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

void
sched_track_insert (Track      *t,
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

void
sched_track_clear (Track *t)
{
  g_clear_pointer (&t->items, g_array_unref);
}

/* Checks ------------------------------------------------------------------ */

static inline gboolean
ignored (const Sched *s,
         const Busy  *b)
{
  return b->owner >= 0 && s->spots[b->owner].skip;
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
int
sched_check_person (const Sched *s,
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

/* Checks [start, end) in room against its fixed meetings, or against its
 * placements. */
int
sched_check_room (const Sched *s,
                  int          room,
                  gint64       start,
                  gint64       end,
                  gboolean     fixed)
{
  return check_room (s, fixed ? &s->rooms[room].fixed : &s->rooms[room].moving, start, end);
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

      b = sched_check_person (s, fixed ? &p->fixed : &p->moving, start, end, room, venue);
    }

  return b;
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
  return owner >= 0 && !s->spots[owner].skip;
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
        if (s->spots[r->cells[k]].end + s->turnover > start)
          return r->cells[k];
        break;
      }

  /* Any that starts before the turnover after end is in the way. */
  for (guint k = t; k < s->n_slots && s->slots[k].start < end + s->turnover; k++)
    if (live (s, r->cells[k]))
      return r->cells[k];

  return FITS;
}

/* Like sched_check_person (), for [start, end) from slot t on in room. */
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
        const Spot *b = &s->spots[p->cells[k]];

        if (b->end > start || start - b->end < needed_gap (s, b->room, b->venue, room, venue))
          return p->cells[k];
        break;
      }

  /* The nearest from start on, likewise. */
  for (guint k = t; k < s->n_slots && s->slots[k].start < end + s->max_gap; k++)
    if (live (s, p->cells[k]))
      {
        const Spot *b = &s->spots[p->cells[k]];

        if (b->start < end || b->start - end < needed_gap (s, room, venue, b->room, b->venue))
          return p->cells[k];
        break;
      }

  return FITS;
}

/* check_at (s, q, start, start + q->duration, room, FALSE) for a
 * candidate. */
int
sched_check_cand (const Sched *s,
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

      b = p->n_loose > 0 ? sched_check_person (s, &p->moving, start, end, cand_room (q, c), r->venue)
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

/* Whether a placement overlaps q at slot t for one of its people. */
static gboolean
overlaps_any (const Sched *s,
              const Req   *q,
              guint        t)
{
  gint64 end = s->slots[t].start + q->duration;

  for (guint i = 0; i < q->n_people; i++)
    {
      const Person *p = &s->people[q->people[i]];

      if (p->n_loose > 0)
        return overlap_weight (s, q, t) > 0;
      for (guint k = t; k < s->n_slots && s->slots[k].start < end; k++)
        if (live (s, p->cells[k]))
          return TRUE;
    }

  return FALSE;
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

/* A room's cells, and its bit in rooms_taken. */
static void
fill_room_cells (Sched  *s,
                 int     room,
                 guint   t,
                 gint64  end,
                 int     owner)
{
  fill_cells (s, s->rooms[room].cells, t, end, owner);
  for (guint k = t; room < 64 && k < s->n_slots && s->slots[k].start < end; k++)
    if (owner >= 0)
      s->rooms_taken[k] |= G_GUINT64_CONSTANT (1) << room;
    else
      s->rooms_taken[k] &= ~(G_GUINT64_CONSTANT (1) << room);
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
        fill_room_cells (s, q->room, t, q->end, (int) (q - s->reqs));
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
        fill_room_cells (s, q->room, q->cell, q->end, -1);
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

void
sched_put (Sched  *s,
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
  s->spots[b.owner] = (Spot) { start, end, room, b.venue, FALSE };

  if (room >= 0)
    sched_track_insert (&s->rooms[room].moving, &b);
  for (guint i = 0; i < q->n_people; i++)
    sched_track_insert (&s->people[q->people[i]].moving, &b);
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
        sched_put (s, &s->reqs[step.req], step.start, step.end, step.room);
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
 * none. A room with a placement in the slot's cell cannot hold q there:
 * rooms_taken tells at once, which matters when rooms are scarce (and if
 * that placement were being ignored, the answer would only be safer). */
static int
find_fit_in (const Sched *s,
             const Req   *q,
             guint        lo,
             guint        hi,
             guint        from)
{
  guint slot = G_MAXUINT;
  gboolean taken = FALSE;

  /* Round from from, without a division per candidate. */
  for (guint k = 0, i = from; k < hi - lo; k++, i = i + 1 < hi ? i + 1 : lo)
    {
      guint32 c = q->cands[i];

      /* A slot where all rooms are taken, or one of the people is in a
       * meeting: no room helps. */
      if (cand_slot (c) != slot)
        {
          slot = cand_slot (c);
          taken = (!q->other_rooms && (q->room_mask & ~s->rooms_taken[slot]) == 0) ||
                  overlaps_any (s, q, slot);
        }
      if (taken || (cand_room (q, c) < 64 && s->rooms_taken[slot] >> cand_room (q, c) & 1))
        continue;
      if (sched_check_cand (s, q, c) == FITS)
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
  sched_put (s, q, start, start + q->duration, cand_room (q, q->cands[i]));
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
      int b = sched_check_cand (s, q, c);
      Req *r;

      if (b == FITS)
        return TRUE;
      if (b == BLOCKED || *n_out == (q->priority == MP_PRIORITY_REQUIRED ? MAX_EJECT : EJECT))
        return FALSE;

      r = &s->reqs[b];
      if (r->pinned || *weight + r->weight >= limit)
        return FALSE;

      s->spots[b].skip = TRUE;
      out[(*n_out)++] = b;
      *weight += r->weight;
    }
}

void
sched_unskip (Sched     *s,
              const int *ids,
              guint      n)
{
  for (guint i = 0; i < n; i++)
    s->spots[ids[i]].skip = FALSE;
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
      guint32 c = q->cands[from + k < q->n_cands ? from + k : from + k - q->n_cands];
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

      /* The placement in the room's cell is in the way too: when it
       * weighs too much alone, the candidate fails without a look. Counted
       * as a look all the same, so that the search does as it did. */
      if (cand_room (q, c) < 64 && s->rooms_taken[slot] >> cand_room (q, c) & 1)
        {
          const Req *r = &s->reqs[s->rooms[cand_room (q, c)].cells[slot]];

          if (r->pinned || r->weight >= below)
            {
              (*work)++;
              continue;
            }
        }

      ok = blockers (s, q, c, below, ids, &n, &weight);
      sched_unskip (s, ids, n);
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

  if (sched_check_cand (s, q, c) != FITS)
    return FALSE;
  sched_put (s, q, start, start + q->duration, cand_room (q, c));
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

void
sched_snapshot (const Sched *s,
                Saved       *out)
{
  for (guint i = 0; i < s->n_reqs; i++)
    {
      const Req *q = &s->reqs[i];

      out[i] = (Saved) { q->placed ? (int) i : -1, q->start, q->end, q->room };
    }
}

void
sched_restore (Sched       *s,
               const Saved *saved)
{
  for (guint i = 0; i < s->n_reqs; i++)
    if (s->reqs[i].movable && s->reqs[i].placed)
      take (s, &s->reqs[i]);
  for (guint i = 0; i < s->n_reqs; i++)
    if (s->reqs[i].movable && saved[i].req >= 0)
      sched_put (s, &s->reqs[i], saved[i].start, saved[i].end, saved[i].room);
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
GArray *
sched_pending (Sched    *s,
               gboolean  by_difficulty)
{
  GArray *order = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint i = 0; i < s->n_reqs; i++)
    if (s->reqs[i].movable && !s->reqs[i].placed && s->reqs[i].n_cands > 0)
      g_array_append_val (order, i);

  g_array_sort_with_data (order, by_difficulty ? compare_difficulty : compare_priority, s);
  return order;
}

void
sched_place_greedily (Sched  *s,
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

/* Takes q out (when placed) and lists it to be put back, with the key of
 * its turn: its weight per minute of the people's time (a meeting needs
 * a slot's gap after it), with some noise. */
static void
ruin (Sched  *s,
      Req    *q,
      GArray *todo)
{
  Keyed k = { (int) (q - s->reqs), 0, q->placed };

  if (q->placed)
    take (s, q);
  q->pinned = TRUE;     /* listed once */
  k.key = q->weight * (0.75 + 0.5 * g_rand_double (s->rand)) * 3600.0 / (q->duration + 900);
  g_array_append_val (todo, k);
}

/* Takes out the placements in the rooms that could hold u, from half an
 * hour before candidate c to half an hour after: rooms are as scarce as
 * people's time, and a request often fits only once the meetings around
 * it move to other rooms or times. */
static void
ruin_rooms (Sched   *s,
            Req     *u,
            guint32  c,
            GArray  *todo)
{
  gint64 from = s->slots[cand_slot (c)].start - BLOCK_MARGIN;
  gint64 to = s->slots[cand_slot (c)].start + u->duration + BLOCK_MARGIN;
  GArray *found;

  if (s->found == NULL)
    s->found = g_array_new (FALSE, FALSE, sizeof (int));
  found = s->found;
  g_array_set_size (found, 0);
  for (guint k = 0; k < u->n_rooms; k++)
    {
      const Track *t = &s->rooms[u->rooms[k]].moving;
      const Busy *items = (const Busy *) t->items->data;

      for (guint j = track_lower_bound (t, to); j-- > 0 && items[j].start > from - t->max_len; )
        if (items[j].end > from)
          g_array_append_val (found, items[j].owner);
    }

  /* Taken out only after the look, which the taking would change. */
  for (guint i = 0; i < found->len; i++)
    {
      Req *q = &s->reqs[g_array_index (found, int, i)];

      if (q->placed && !q->pinned && can_remove (s, q))
        ruin (s, q, todo);
    }
}

/* Takes out the placements of u's people on day, and lists their requests
 * that could go on that day (on a small plan, all their unplaced ones). */
static void
ruin_day (Sched  *s,
          Req    *u,
          guint   day,
          GArray *todo)
{
  gboolean small = s->n_reqs <= SMALL_PLAN;

  for (guint j = 0; j < u->n_people; j++)
    {
      Person *p = &s->people[u->people[j]];

      for (guint i = 0; i < p->requests->len; i++)
        {
          Req *q = &s->reqs[g_array_index (p->requests, int, i)];

          if (!q->movable || q->n_cands == 0 || q->pinned)
            continue;
          if (q->placed ? day_of (s, q->start) != day || !can_remove (s, q)
                        : !small && q->day_cands[day] == q->day_cands[day + 1])
            continue;
          ruin (s, q, todo);
        }
    }
}

/* A larger step, around the unplaced u and one of its candidates: takes
 * out its people's placements of that day, and half the time (a quarter
 * on a small plan) also the placements in the rooms around the candidate;
 * then puts them and the people's unplaced requests back on that day,
 * most valuable per minute first, each at the first time that fits from a
 * random one. A placement that no longer fits that day may go to another.
 * Without the rooms, a heavier placement that holds the only room two
 * lighter ones could share never moves (test-scheduler.c, rooms-bind).
 *
 * Only that day changed, so on a large plan an unplaced request is tried
 * on that day alone, which makes the step several times cheaper; small
 * plans, whose steps cost little, try all its candidates, and reach their
 * optimum more surely so (G20: in each of eight seeds tried, against two
 * of eight with the day alone, and in less time). */
static gboolean
ruin_and_recreate (Sched   *s,
                   Req     *u,
                   double   temperature,
                   guint64 *work)
{
  guint32 c = u->cands[g_rand_int_range (s->rand, 0, u->n_cands)];
  guint day = s->slots[cand_slot (c)].day;
  gboolean small = s->n_reqs <= SMALL_PLAN;
  GArray *todo;
  gint64 before = value (s);
  gboolean kept = TRUE;

  g_array_set_size (s->journal, 0);
  if (s->todo == NULL)
    s->todo = g_array_new (FALSE, FALSE, sizeof (Keyed));
  todo = s->todo;
  g_array_set_size (todo, 0);

  if (small ? g_rand_int_range (s->rand, 0, 100) < 25 : g_rand_boolean (s->rand))
    ruin_rooms (s, u, c, todo);
  ruin_day (s, u, day, todo);
  /* libc's sort: GLib's allocates on each call, and this is one of the
   * search's most frequent steps. The order is total, so either gives the
   * same. */
  qsort (todo->data, todo->len, sizeof (Keyed), compare_keyed);

  for (guint i = 0; i < todo->len; i++)
    {
      const Keyed *k = &g_array_index (todo, Keyed, i);
      Req *q = &s->reqs[k->req];
      guint lo = q->day_cands[day], hi = q->day_cands[day + 1];

      q->pinned = FALSE;
      (*work) += hi - lo;
      if (hi > lo)
        insert_in (s, q, lo, hi, g_rand_int_range (s->rand, lo, hi));
      if (!q->placed && (k->placed || small))
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
                   : s->n_reqs <= SMALL_PLAN ? MP_SCHEDULE_SMALL_EFFORT : MP_SCHEDULE_DEFAULT_EFFORT;

  return effort * 1000;
}

/* Every required request that some pushing out can place. */
void
sched_place_required (Sched *s)
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
  guint it;
  /* Large plans (one search, see sched_search ()) gain more for the same work
   * from a warmer start, heavier requests tried more often (a low one a
   * quarter as often as a high one) and mostly single insertions rather
   * than taking apart a person's day; small plans keep the search that
   * reaches their optimum. */
  gboolean large = s->n_reqs > SMALL_PLAN;
  double t0 = large ? 1.0 : 0.5;   /* the annealing starts willing to lose this many weight units */

  sched_snapshot (s, best);

  for (guint i = 0; i < s->n_reqs; i++)
    if (s->reqs[i].movable && s->reqs[i].n_cands > 0)
      {
        g_array_append_val (pool, i);
        stall += 10000 * (guint64) s->reqs[i].n_cands;
      }

  /* Stops early when a long stretch, for the plan's size, brought nothing
   * better. */
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
          sched_snapshot (s, best);
        }
    }

  if (value (s) != best_value)
    sched_restore (s, best);
  g_debug ("improvement: %u steps, %" G_GUINT64_FORMAT " candidates looked at", it, work);
}

/* Small plans, whose steps cost little, get several independent searches
 * (each with its own seed, derived from the options'); the best is kept. */
void
sched_search (Sched        *s,
              GCancellable *cancellable)
{
  guint restarts = s->n_reqs <= SMALL_PLAN ? 8 : 1;
  g_autofree Saved *start = g_new (Saved, MAX (1, s->n_reqs));
  g_autofree Saved *best = g_new (Saved, MAX (1, s->n_reqs));
  gint64 best_value = G_MININT64;

  sched_snapshot (s, start);
  for (guint r = 0; r < restarts && !g_cancellable_is_cancelled (cancellable); r++)
    {
      if (r > 0)
        {
          sched_restore (s, start);
          g_rand_set_seed (s->rand, s->options->seed + r);
        }
      improve (s, cancellable);
      if (value (s) > best_value)
        {
          best_value = value (s);
          sched_snapshot (s, best);
        }
    }
  sched_restore (s, best);
}

/* Puts placements the plan had back where they were, when they fit there. */
void
sched_move_back (Sched *s)
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
        sched_put (s, q, q->orig_start, q->orig_end, q->orig_room);
      else
        sched_put (s, q, start, end, room);
    }
}
