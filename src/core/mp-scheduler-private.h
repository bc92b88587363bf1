/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What mp-scheduler.c (the model, reasons, the result) and
 * mp-schedule-search.c (checks and moves, the search) share. Not
 * installed, not for other files. */

#include <glib.h>

#include "mp-scheduler.h"

G_BEGIN_DECLS

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
 * fixed tracks, so the search, which spends its time checking, checks
 * them against the placements alone (through their cells, see
 * mp-schedule-search.c). That is safe: of a candidate's neighbours in
 * order of start, a fixed one passed the first check, and a placed one is
 * the nearest placement, which the second check sees (when a fixed
 * meeting lies between the two, the second check asks more than needed,
 * never less). */

#define FITS     (-1)   /* a check passed */
#define BLOCKED  (-2)   /* a fixed meeting or a rule stands in the way */

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

/* What the checks read of a placement, kept apart from the rest of its
 * request (Req) so that the search's many reads stay in the cache. */
typedef struct
{
  gint64   start;
  gint64   end;
  int      room;
  int      venue;
  gboolean skip;        /* a check ignores this placement */
} Spot;

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
  guint64     room_mask;       /* its rooms among the first 64 */
  gboolean    other_rooms;     /* it has rooms past those */
  guint32    *cands;           /* slot << 8 | room position, statically possible */
  guint       n_cands;
  guint      *day_cands;       /* n_days + 1: where each day's candidates begin */

  /* How it stands. */
  gboolean    placed;
  gboolean    movable;         /* placed by a meeting the search may move */
  gboolean    must_stay;       /* placed at the start: may move, never be dropped */
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
  Spot       *spots;           /* n_reqs */
  guint       n_reqs;
  guint       order;           /* the next Busy.order */

  GRand      *rand;
  gint64      score;
  gint64      used;            /* the cost of the placements */
  gint64      deadline;        /* monotonic time; 0: none */
  GArray     *journal;         /* Step */
  GArray     *pinned;          /* request indexes */
  guint64    *rooms_taken;     /* per slot: bit r set when room r (of the
                                * first 64) has a placement in its cell */
  GArray     *todo;            /* scratch of ruin_and_recreate (): Keyed */
  GArray     *found;           /* scratch of ruin_rooms (): request indexes */
} Sched;

/* A put or take, in the journal (Sched.journal) that rolls moves back. */
typedef struct
{
  int      req;
  gboolean put;         /* else taken */
  gint64   start;
  gint64   end;
  int      room;
} Step;

/* A request's placement, or none, to go back to. */
typedef struct
{
  int     req;          /* -1: not placed */
  gint64  start;
  gint64  end;
  int     room;
} Saved;

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

/* mp-schedule-search.c */
void    sched_track_insert    (Track        *t,
                               const Busy   *b);
void    sched_track_clear     (Track        *t);
int     sched_check_person    (const Sched  *s,
                               const Track  *t,
                               gint64        start,
                               gint64        end,
                               int           room,
                               int           venue);
int     sched_check_room      (const Sched  *s,
                               int           room,
                               gint64        start,
                               gint64        end,
                               gboolean      fixed);
int     sched_check_cand      (const Sched  *s,
                               const Req    *q,
                               guint32       c);
void    sched_unskip          (Sched        *s,
                               const int    *ids,
                               guint         n);
void    sched_put             (Sched        *s,
                               Req          *q,
                               gint64        start,
                               gint64        end,
                               int           room);
void    sched_snapshot        (const Sched  *s,
                               Saved        *out);
void    sched_restore         (Sched        *s,
                               const Saved  *saved);
GArray *sched_pending         (Sched        *s,
                               gboolean      by_difficulty);
void    sched_place_greedily  (Sched        *s,
                               GArray       *order);
void    sched_place_required  (Sched        *s);
void    sched_search          (Sched        *s,
                               GCancellable *cancellable);
void    sched_move_back       (Sched        *s);

G_END_DECLS
