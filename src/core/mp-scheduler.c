/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mp-scheduler"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mp-scheduler-private.h"

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
  g_autofree gboolean *far = g_new (gboolean, MAX (1, q->n_people));

  /* Not a meeting file-format.md allows: left unplaced, and said so. */
  for (guint t = 0; q->n_seats >= 2 && q->duration > 0 && t < s->n_slots; t++)
    {
      const Slot *slot = &s->slots[t];
      gint64 end = slot->start + q->duration;
      gboolean ok = slot_in_window (q, slot);

      /* Free in any room; and a person with no fixed meeting closer than
       * the longest gap needs no check per room. */
      for (guint i = 0; ok && i < q->n_people; i++)
        {
          const Person *p = &s->people[q->people[i]];

          ok = available (p, slot->start, end) &&
               sched_check_person (s, &p->fixed, slot->start, end, -1, -1) == FITS;
          far[i] = sched_check_person (s, &p->fixed, slot->start - s->max_gap, end + s->max_gap, -1, -1) == FITS;
        }

      for (guint k = 0; ok && k < q->n_rooms; k++)
        {
          int room = q->rooms[k];
          gboolean fits = readable (s, &s->rooms[room], slot, q->duration) &&
                          sched_check_room (s, room, slot->start, end, TRUE) == FITS;

          for (guint i = 0; fits && i < q->n_people; i++)
            fits = far[i] || sched_check_person (s, &s->people[q->people[i]].fixed, slot->start, end,
                                                 room, s->rooms[room].venue) == FITS;
          if (fits)
            {
              guint32 c = t << 8 | k;

              g_array_append_val (cands, c);
            }
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
  s->spots = g_new0 (Spot, MAX (1, s->n_reqs));

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
      for (guint k = 0; k < q->n_rooms; k++)
        if (q->rooms[k] < 64)
          q->room_mask |= G_GUINT64_CONSTANT (1) << q->rooms[k];
        else
          q->other_rooms = TRUE;
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
  s->rooms_taken = g_new0 (guint64, MAX (1, s->n_slots));
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
    sched_track_insert (&s->rooms[b->room].fixed, b);
  for (guint j = 0; ids != NULL && ids[j] != NULL; j++)
    {
      gboolean repeated = FALSE;

      for (guint k = 0; k < j && !repeated; k++)
        repeated = strcmp (ids[k], ids[j]) == 0;
      if (!repeated)
        {
          int p = person_index (s, ids[j]);

          sched_track_insert (&s->people[p].fixed, b);
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
              sched_put (s, q, b.start, b.end, b.room);
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
      sched_track_clear (&s->rooms[i].fixed);
      sched_track_clear (&s->rooms[i].moving);
      g_free (s->rooms[i].cells);
    }
  for (guint i = 0; i < s->n_people; i++)
    {
      sched_track_clear (&s->people[i].fixed);
      sched_track_clear (&s->people[i].moving);
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
  g_free (s->spots);
  g_clear_pointer (&s->zones, g_ptr_array_unref);
  g_clear_pointer (&s->person_index, g_hash_table_unref);
  g_clear_pointer (&s->rand, g_rand_free);
  g_clear_pointer (&s->journal, g_array_unref);
  g_clear_pointer (&s->pinned, g_array_unref);
  g_free (s->rooms_taken);
  g_clear_pointer (&s->todo, g_array_unref);
  g_clear_pointer (&s->found, g_array_unref);
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
          ok = sched_check_person (s, &s->people[q->people[i]].fixed, slot->start, end, room, s->rooms[room].venue) == FITS;
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

      while (n_seen < G_N_ELEMENTS (seen) && (b = sched_check_cand (s, q, q->cands[k])) >= 0)
        {
          s->spots[b].skip = TRUE;
          seen[n_seen++] = b;
        }
      sched_unskip (s, seen, n_seen);

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

  /* A candidate is a time in the window when all are available, free and
   * have a room: none of the reasons below holds, only competition. */
  if (q->n_cands > 0)
    return reason_competition (s, q);

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

/* The request's title, or one made from its delegations: "USA–MEX bilateral". */
static char *
make_title (const Sched *s,
            const Req   *q)
{
  return mp_plan_make_request_title (s->plan, q->request);
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
  sched_snapshot (&s, initial);
  initial_score = s.score;

  if (s.options->strategy == MP_SCHEDULE_FIRST_FIT)
    {
      g_autoptr(GArray) order = sched_pending (&s, FALSE);

      sched_place_greedily (&s, order);
    }
  else
    {
      g_autoptr(GArray) order = sched_pending (&s, TRUE);
      g_autofree Saved *kept = g_new (Saved, MAX (1, s.n_reqs));
      g_autofree Saved *none = g_new (Saved, MAX (1, s.n_reqs));
      gint64 kept_score;
      gboolean complete = TRUE;

      /* Kept: the placements as they are, and whatever fits besides. */
      sched_place_greedily (&s, order);
      sched_snapshot (&s, kept);
      kept_score = s.score;

      /* Afresh: the best the search finds around the fixed meetings alone.
       * It does not depend on where the requests are placed now, so a
       * re-run finds what the first run found, and changes nothing. */
      for (guint i = 0; i < s.n_reqs; i++)
        none[i] = (Saved) { -1, 0, 0, -1 };
      sched_restore (&s, none);
      g_array_unref (order);
      order = sched_pending (&s, TRUE);
      sched_place_greedily (&s, order);
      g_debug ("greedy: score %" G_GINT64_FORMAT " at %.3f s", s.score, (g_get_monotonic_time () - started) / 1e6);
      sched_place_required (&s);
      sched_search (&s, cancellable);
      g_debug ("search: score %" G_GINT64_FORMAT " at %.3f s", s.score, (g_get_monotonic_time () - started) / 1e6);
      /* Whatever fits now goes in. */
      g_array_unref (order);
      order = sched_pending (&s, TRUE);
      sched_place_greedily (&s, order);

      /* Placements the plan had move only for more weight, never drop. */
      for (guint i = 0; i < s.n_reqs; i++)
        complete &= !s.reqs[i].must_stay || s.reqs[i].placed;
      if (complete && s.score > kept_score)
        sched_move_back (&s);
      else
        sched_restore (&s, kept);
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      sched_free (&s);
      return NULL;
    }

  /* Nothing better: the plan stays exactly as it was. */
  if (s.score <= initial_score)
    sched_restore (&s, initial);

  result = g_object_new (MP_TYPE_SCHEDULE_RESULT, NULL);
  fill_result (&s, result);
  result->seconds = (g_get_monotonic_time () - started) / 1e6;

  sched_free (&s);
  return g_steal_pointer (&result);
}
