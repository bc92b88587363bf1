/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mp-conflicts"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "mp-conflicts.h"

struct _MpConflict
{
  GObject         parent_instance;

  MpConflictKind  kind;
  char           *participant;
  char           *room;
  char           *meetings[3];
  gint64          first_start;
};

G_DEFINE_FINAL_TYPE (MpConflict, mp_conflict, G_TYPE_OBJECT)

static void
mp_conflict_finalize (GObject *object)
{
  MpConflict *self = (MpConflict *)object;

  g_clear_pointer (&self->participant, g_free);
  g_clear_pointer (&self->room, g_free);
  for (guint i = 0; i < G_N_ELEMENTS (self->meetings); i++)
    g_clear_pointer (&self->meetings[i], g_free);

  G_OBJECT_CLASS (mp_conflict_parent_class)->finalize (object);
}

static void
mp_conflict_class_init (MpConflictClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mp_conflict_finalize;
}

static void
mp_conflict_init (MpConflict *self)
{
}

MpConflictKind
mp_conflict_get_kind (MpConflict *self)
{
  g_return_val_if_fail (MP_IS_CONFLICT (self), 0);
  return self->kind;
}

const char *
mp_conflict_get_participant (MpConflict *self)
{
  g_return_val_if_fail (MP_IS_CONFLICT (self), NULL);
  return self->participant;
}

const char *
mp_conflict_get_room (MpConflict *self)
{
  g_return_val_if_fail (MP_IS_CONFLICT (self), NULL);
  return self->room;
}

const char * const *
mp_conflict_get_meetings (MpConflict *self)
{
  g_return_val_if_fail (MP_IS_CONFLICT (self), NULL);
  return (const char * const *) self->meetings;
}

gboolean
mp_conflict_involves (MpConflict *self,
                      const char *meeting_id)
{
  g_return_val_if_fail (MP_IS_CONFLICT (self), FALSE);
  return g_strv_contains ((const char * const *) self->meetings, meeting_id);
}

/* The checker ---------------------------------------------------------- */

typedef struct
{
  MpMeeting  *meeting;
  const char *id;
  const char *room;
  const char *venue;
  gint64      start;
  gint64      end;
} Span;

/* The meetings of each person or room, grouped without comparing strings:
 * each key (a participant or room id) gets a number on first sight, and
 * a counting sort puts the spans of one key together, in the order they
 * came; each group is then sorted by start. */
typedef struct
{
  GHashTable *numbers;  /* key → its number + 1 */
  GPtrArray  *keys;     /* number → key */
  GArray     *entries;  /* Entry */
} Groups;

typedef struct
{
  guint  key;
  Span  *span;
} Entry;

/* Keys are strings, compared as such, or (by_pointer) strings that are
 * the same pointer whenever they are equal, such as the ids of records. */
static void
groups_init (Groups   *g,
             gboolean  by_pointer)
{
  g->numbers = by_pointer ? g_hash_table_new (NULL, NULL) : g_hash_table_new (g_str_hash, g_str_equal);
  g->keys = g_ptr_array_new ();
  g->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
}

static void
groups_clear (Groups *g)
{
  g_clear_pointer (&g->numbers, g_hash_table_unref);
  g_clear_pointer (&g->keys, g_ptr_array_unref);
  g_clear_pointer (&g->entries, g_array_unref);
}

static void
groups_add (Groups     *g,
            const char *key,
            Span       *span)
{
  guint number = GPOINTER_TO_UINT (g_hash_table_lookup (g->numbers, key));
  Entry entry;

  if (number == 0)
    {
      g_ptr_array_add (g->keys, (char *) key);
      number = g->keys->len;
      g_hash_table_insert (g->numbers, (char *) key, GUINT_TO_POINTER (number));
    }

  entry.key = number - 1;
  entry.span = span;
  g_array_append_val (g->entries, entry);
}

static int
compare_spans (const Span *a,
               const Span *b)
{
  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;
  if (a->end != b->end)
    return a->end < b->end ? -1 : 1;
  /* The same time: the order of the file (spans are one array, in it). */
  return a < b ? -1 : a > b;
}

static int
compare_span_pointers (const void *pa,
                       const void *pb)
{
  return compare_spans (*(Span * const *) pa, *(Span * const *) pb);
}

static void
add_conflict (GPtrArray      *out,
              MpConflictKind  kind,
              const char     *participant,
              const char     *room,
              const Span     *first,
              const Span     *second)
{
  MpConflict *c = g_object_new (MP_TYPE_CONFLICT, NULL);

  c->kind = kind;
  c->participant = g_strdup (participant);
  c->room = g_strdup (room);
  c->meetings[0] = g_strdup (first->id);
  c->meetings[1] = second != NULL ? g_strdup (second->id) : NULL;
  c->first_start = first->start;
  g_ptr_array_add (out, c);
}

static int
required_gap (MpPlan     *plan,
              const Span *a,
              const Span *b)
{
  int minutes = 0;

  if (a->venue != NULL && b->venue != NULL && strcmp (a->venue, b->venue) != 0)
    minutes = mp_plan_get_travel_minutes (plan, a->venue, b->venue);

  if (a->room != NULL && b->room != NULL && strcmp (a->room, b->room) != 0)
    minutes = MAX (minutes, mp_conference_get_buffer_minutes (mp_plan_get_conference (plan)));

  return minutes;
}

/* A person's availability windows as instants, start and end pairs: made
 * once for all of the person's meetings. */
static gint64 *
window_instants (MpPlan        *plan,
                 MpParticipant *participant,
                 guint         *n_windows)
{
  GTimeZone *zone = mp_conference_get_zone (mp_plan_get_conference (plan));
  GArray *windows = mp_participant_get_available (participant);
  gint64 *instants = g_new (gint64, 2 * windows->len);

  for (guint i = 0; i < windows->len; i++)
    {
      MpInterval *w = &g_array_index (windows, MpInterval, i);

      instants[2 * i] = mp_time_instant (&w->start, zone);
      instants[2 * i + 1] = mp_time_instant (&w->end, zone);
    }

  *n_windows = windows->len;
  return instants;
}

static gboolean
inside_windows (const gint64 *windows,
                guint         n_windows,
                const Span   *span)
{
  for (guint i = 0; i < n_windows; i++)
    if (windows[2 * i] <= span->start && span->end <= windows[2 * i + 1])
      return TRUE;

  return FALSE;
}

/* One person's meetings, sorted by start: overlaps, then the gaps between
 * meetings that follow each other, then availability. */
static void
check_person (MpPlan     *plan,
              const char *participant_id,
              Span      **spans,
              guint       n,
              GPtrArray  *out)
{
  MpParticipant *participant = mp_plan_get_participant (plan, participant_id);

  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n && spans[j]->start < spans[i]->end; j++)
      add_conflict (out, MP_CONFLICT_KIND_PARTICIPANT_OVERLAP, participant_id, NULL, spans[i], spans[j]);

  for (guint i = 0; i + 1 < n; i++)
    {
      const Span *a = spans[i], *b = spans[i + 1];

      if (b->start < a->end)
        continue;
      if (b->start - a->end < (gint64) required_gap (plan, a, b) * 60)
        add_conflict (out, MP_CONFLICT_KIND_TRAVEL, participant_id, NULL, a, b);
    }

  if (participant != NULL && mp_participant_get_available (participant) != NULL)
    {
      guint n_windows;
      g_autofree gint64 *windows = window_instants (plan, participant, &n_windows);

      for (guint i = 0; i < n; i++)
        if (!inside_windows (windows, n_windows, spans[i]))
          add_conflict (out, MP_CONFLICT_KIND_UNAVAILABLE, participant_id, NULL, spans[i], NULL);
    }
}

static void
check_room (const char  *room_id,
            Span       **spans,
            guint        n,
            gint64       turnover,
            GPtrArray   *out)
{
  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n && spans[j]->start - spans[i]->end < turnover; j++)
      add_conflict (out, MP_CONFLICT_KIND_ROOM_OVERLAP, NULL, room_id, spans[i], spans[j]);
}

static guint
count_people (MpMeeting *meeting)
{
  const char * const *people = mp_meeting_get_participants (meeting);
  guint n = 0;

  for (guint i = 0; people != NULL && people[i] != NULL; i++)
    {
      gboolean repeated = FALSE;

      for (guint j = 0; j < i && !repeated; j++)
        repeated = strcmp (people[i], people[j]) == 0;
      n += !repeated;
    }

  return n;
}

/* Each key's spans, sorted by start, handed to check. */
static void
for_each_group (Groups     *g,
                void      (*check) (const char *key, Span **spans, guint n, gpointer data),
                gpointer    data)
{
  guint n_keys = g->keys->len;
  g_autofree guint *first = g_new0 (guint, n_keys + 1);
  g_autofree Span **sorted = g_new (Span *, g->entries->len + 1);
  Entry *entries = (Entry *) g->entries->data;

  for (guint i = 0; i < g->entries->len; i++)
    first[entries[i].key + 1]++;
  for (guint k = 0; k < n_keys; k++)
    first[k + 1] += first[k];
  {
    g_autofree guint *next = g_memdup2 (first, sizeof (guint) * (n_keys + 1));

    for (guint i = 0; i < g->entries->len; i++)
      sorted[next[entries[i].key]++] = entries[i].span;
  }

  for (guint k = 0; k < n_keys; k++)
    {
      Span **spans = sorted + first[k];
      guint n = first[k + 1] - first[k], kept = 0;

      qsort (spans, n, sizeof (Span *), compare_span_pointers);
      /* A person listed twice in one meeting counts once. */
      for (guint i = 0; i < n; i++)
        if (kept == 0 || spans[kept - 1] != spans[i])
          spans[kept++] = spans[i];

      check (g_ptr_array_index (g->keys, k), spans, kept, data);
    }
}

typedef struct
{
  MpPlan    *plan;
  GPtrArray *out;
  gint64     turnover;
} CheckData;

static void
person_group (const char *key,
              Span      **spans,
              guint       n,
              gpointer    data)
{
  CheckData *d = data;

  check_person (d->plan, key, spans, n, d->out);
}

static void
room_group (const char *key,
            Span      **spans,
            guint       n,
            gpointer    data)
{
  CheckData *d = data;

  check_room (key, spans, n, d->turnover, d->out);
}

static int
compare_conflicts (gconstpointer pa,
                   gconstpointer pb)
{
  const MpConflict *a = *(MpConflict **) pa;
  const MpConflict *b = *(MpConflict **) pb;
  int cmp;

  if (a->kind != b->kind)
    return a->kind < b->kind ? -1 : 1;
  if (a->first_start != b->first_start)
    return a->first_start < b->first_start ? -1 : 1;
  if ((cmp = g_strcmp0 (a->meetings[0], b->meetings[0])) != 0 ||
      (cmp = g_strcmp0 (a->meetings[1], b->meetings[1])) != 0 ||
      (cmp = g_strcmp0 (a->participant, b->participant)) != 0)
    return cmp;
  return g_strcmp0 (a->room, b->room);
}

GPtrArray *
mp_conflicts_find (MpPlan *plan)
{
  GListModel *meetings;
  MpConference *conference;
  g_autofree Span *spans = NULL;
  Groups people, rooms;
  GPtrArray *out;
  CheckData data;
  guint n, n_spans = 0;

  g_return_val_if_fail (MP_IS_PLAN (plan), NULL);

  meetings = mp_plan_get_meetings (plan);
  conference = mp_plan_get_conference (plan);
  n = g_list_model_get_n_items (meetings);
  spans = g_new0 (Span, n);
  out = g_ptr_array_new_with_free_func (g_object_unref);
  groups_init (&people, FALSE);
  groups_init (&rooms, TRUE);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MpMeeting) meeting = g_list_model_get_item (meetings, i);
      const char * const *participants;
      MpRoom *room;
      Span *span;

      if (mp_meeting_is_cancelled (meeting) || mp_meeting_get_start (meeting) == NULL)
        continue;

      span = &spans[n_spans++];
      span->meeting = meeting;     /* the plan holds a reference */
      span->id = mp_record_get_id (MP_RECORD (meeting));
      span->start = mp_meeting_get_start_instant (meeting);
      span->end = mp_meeting_get_end_instant (meeting);
      room = mp_plan_get_room (plan, mp_meeting_get_room (meeting));
      if (room != NULL)
        {
          span->room = mp_record_get_id (MP_RECORD (room));
          span->venue = mp_plan_get_venue (plan, mp_room_get_venue (room)) != NULL
                      ? mp_room_get_venue (room) : NULL;
          groups_add (&rooms, span->room, span);

          if (mp_room_get_capacity (room) > 0 &&
              count_people (meeting) > (guint) mp_room_get_capacity (room))
            add_conflict (out, MP_CONFLICT_KIND_CAPACITY, NULL, span->room, span, NULL);
        }

      participants = mp_meeting_get_participants (meeting);
      for (guint j = 0; participants != NULL && participants[j] != NULL; j++)
        groups_add (&people, participants[j], span);
    }

  data.plan = plan;
  data.out = out;
  data.turnover = (gint64) mp_conference_get_turnover_minutes (conference) * 60;
  for_each_group (&people, person_group, &data);
  for_each_group (&rooms, room_group, &data);
  groups_clear (&people);
  groups_clear (&rooms);

  g_ptr_array_sort (out, compare_conflicts);
  return out;
}

GHashTable *
mp_conflicts_meeting_set (GPtrArray *conflicts)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < conflicts->len; i++)
    {
      MpConflict *c = g_ptr_array_index (conflicts, i);

      for (guint j = 0; c->meetings[j] != NULL; j++)
        g_hash_table_add (set, g_strdup (c->meetings[j]));
    }

  return set;
}

/* Words ---------------------------------------------------------------- */

static const char *
meeting_title (MpPlan     *plan,
               const char *id)
{
  MpMeeting *meeting = mp_plan_get_meeting (plan, id);

  return meeting != NULL && mp_meeting_get_title (meeting) != NULL
         ? mp_meeting_get_title (meeting) : id;
}

static const char *
person_name (MpPlan     *plan,
             const char *id)
{
  MpParticipant *participant = mp_plan_get_participant (plan, id);

  return participant != NULL ? mp_participant_get_name (participant) : id;
}

static const char *
room_name (MpPlan     *plan,
           const char *id)
{
  MpRoom *room = mp_plan_get_room (plan, id);

  return room != NULL ? mp_room_get_name (room) : id;
}

char *
mp_conflict_describe (MpConflict *self,
                      MpPlan     *plan)
{
  const char *first, *second;

  g_return_val_if_fail (MP_IS_CONFLICT (self), NULL);
  g_return_val_if_fail (MP_IS_PLAN (plan), NULL);

  first = meeting_title (plan, self->meetings[0]);
  second = self->meetings[1] != NULL ? meeting_title (plan, self->meetings[1]) : NULL;

  switch (self->kind)
    {
    case MP_CONFLICT_KIND_PARTICIPANT_OVERLAP:
      return g_strdup_printf (_("%s is in “%s” and “%s” at the same time"),
                              person_name (plan, self->participant), first, second);

    case MP_CONFLICT_KIND_ROOM_OVERLAP:
      {
        MpMeeting *a = mp_plan_get_meeting (plan, self->meetings[0]);
        MpMeeting *b = mp_plan_get_meeting (plan, self->meetings[1]);

        if (a != NULL && b != NULL &&
            mp_meeting_get_start_instant (b) >= mp_meeting_get_end_instant (a))
          return g_strdup_printf (_("%s has too little time to turn over between “%s” and “%s”: %d minutes are needed"),
                                  room_name (plan, self->room), first, second,
                                  mp_conference_get_turnover_minutes (mp_plan_get_conference (plan)));
        return g_strdup_printf (_("%s holds “%s” and “%s” at the same time"),
                                room_name (plan, self->room), first, second);
      }

    case MP_CONFLICT_KIND_UNAVAILABLE:
      return g_strdup_printf (_("%s is not available for “%s”"),
                              person_name (plan, self->participant), first);

    case MP_CONFLICT_KIND_TRAVEL:
      {
        MpMeeting *a = mp_plan_get_meeting (plan, self->meetings[0]);
        MpMeeting *b = mp_plan_get_meeting (plan, self->meetings[1]);
        MpVenue *va = a != NULL ? mp_plan_get_meeting_venue (plan, a) : NULL;
        MpVenue *vb = b != NULL ? mp_plan_get_meeting_venue (plan, b) : NULL;
        gint64 gap = a != NULL && b != NULL
                     ? (mp_meeting_get_start_instant (b) - mp_meeting_get_end_instant (a)) / 60 : 0;
        int needed = 0;

        if (va != NULL && vb != NULL && va != vb)
          needed = mp_plan_get_travel_minutes (plan, mp_record_get_id (MP_RECORD (va)),
                                               mp_record_get_id (MP_RECORD (vb)));
        needed = MAX (needed, mp_conference_get_buffer_minutes (mp_plan_get_conference (plan)));

        return g_strdup_printf (_("%s cannot get from “%s” to “%s” in time: %d minutes are needed, %d are left"),
                                person_name (plan, self->participant), first, second,
                                needed, (int) gap);
      }

    case MP_CONFLICT_KIND_CAPACITY:
      {
        MpMeeting *m = mp_plan_get_meeting (plan, self->meetings[0]);
        MpRoom *room = mp_plan_get_room (plan, self->room);

        return g_strdup_printf (_("“%s” has %u participants but %s seats %d"),
                                first, m != NULL ? count_people (m) : 0,
                                room_name (plan, self->room),
                                room != NULL ? mp_room_get_capacity (room) : 0);
      }

    default:
      g_return_val_if_reached (NULL);
    }
}
