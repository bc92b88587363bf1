/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mp-plan"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mp-plan.h"

/* One collection of the plan: the list views show, and the index by id. */
typedef struct
{
  GType       type;
  GListStore *store;
  GHashTable *by_id;    /* id → record, borrowed from the store */
} Collection;

enum {
  COLLECTION_VENUES,
  COLLECTION_ROOMS,
  COLLECTION_TRAVEL,
  COLLECTION_DELEGATIONS,
  COLLECTION_PARTICIPANTS,
  COLLECTION_MEETINGS,
  COLLECTION_REQUESTS,
  N_COLLECTIONS
};

struct _MpPlan
{
  GObject       parent_instance;

  MpConference *conference;
  Collection    collections[N_COLLECTIONS];
  JsonObject   *extra;

  GHashTable   *zones;          /* identifier → GTimeZone */
  GHashTable   *travel_index;   /* "a\nb" → minutes, rebuilt when dirty */
  GHashTable   *placements;     /* request id → MpMeeting, rebuilt when dirty */
};

G_DEFINE_FINAL_TYPE (MpPlan, mp_plan, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

G_DEFINE_QUARK (mp-plan-error-quark, mp_plan_error)

static Collection *
collection_for_type (MpPlan *self,
                     GType   type)
{
  for (guint i = 0; i < N_COLLECTIONS; i++)
    if (self->collections[i].type == type)
      return &self->collections[i];
  return NULL;
}

static void
update_meeting_zone (MpPlan    *self,
                     MpMeeting *meeting)
{
  mp_meeting_set_time_zone (meeting, mp_plan_get_room_zone (self, mp_meeting_get_room (meeting)));
}

static void
update_all_meeting_zones (MpPlan *self)
{
  GListModel *meetings = G_LIST_MODEL (self->collections[COLLECTION_MEETINGS].store);
  guint n = g_list_model_get_n_items (meetings);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MpMeeting) meeting = g_list_model_get_item (meetings, i);

      update_meeting_zone (self, meeting);
    }
}

static void
reindex_id (Collection *collection,
            MpRecord   *record)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, collection->by_id);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (value == record)
      {
        g_hash_table_iter_remove (&iter);
        break;
      }

  if (mp_record_get_id (record) != NULL)
    g_hash_table_insert (collection->by_id, g_strdup (mp_record_get_id (record)), record);
}

static void
on_record_notify_cb (MpRecord   *record,
                     GParamSpec *pspec,
                     MpPlan     *self)
{
  const char *name = pspec->name;

  /* The conference has an id too, but no collection. */
  if (g_str_equal (name, "id") && !MP_IS_CONFERENCE (record))
    reindex_id (collection_for_type (self, G_OBJECT_TYPE (record)), record);

  if (MP_IS_MEETING (record))
    {
      if (g_str_equal (name, "room"))
        update_meeting_zone (self, MP_MEETING (record));
      else if (g_str_equal (name, "request") || g_str_equal (name, "status"))
        g_clear_pointer (&self->placements, g_hash_table_unref);
    }
  else if ((MP_IS_ROOM (record) && (g_str_equal (name, "venue") || g_str_equal (name, "id"))) ||
           (MP_IS_VENUE (record) && (g_str_equal (name, "time-zone") || g_str_equal (name, "id"))) ||
           (MP_IS_CONFERENCE (record) && g_str_equal (name, "time-zone")))
    update_all_meeting_zones (self);
  else if (MP_IS_TRAVEL (record))
    g_clear_pointer (&self->travel_index, g_hash_table_unref);

  g_signal_emit (self, signals [CHANGED], 0);
}

static void
mp_plan_dispose (GObject *object)
{
  MpPlan *self = (MpPlan *)object;

  for (guint i = 0; i < N_COLLECTIONS; i++)
    {
      Collection *c = &self->collections[i];

      if (c->store == NULL)
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (c->store)); j++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (c->store), j);

          g_signal_handlers_disconnect_by_data (item, self);
        }
      g_clear_pointer (&c->by_id, g_hash_table_unref);
      g_clear_object (&c->store);
    }

  if (self->conference != NULL)
    g_signal_handlers_disconnect_by_data (self->conference, self);
  g_clear_object (&self->conference);

  G_OBJECT_CLASS (mp_plan_parent_class)->dispose (object);
}

static void
mp_plan_finalize (GObject *object)
{
  MpPlan *self = (MpPlan *)object;

  g_clear_pointer (&self->extra, json_object_unref);
  g_clear_pointer (&self->zones, g_hash_table_unref);
  g_clear_pointer (&self->travel_index, g_hash_table_unref);
  g_clear_pointer (&self->placements, g_hash_table_unref);

  G_OBJECT_CLASS (mp_plan_parent_class)->finalize (object);
}

static void
mp_plan_class_init (MpPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mp_plan_dispose;
  object_class->finalize = mp_plan_finalize;

  /**
   * MpPlan::changed:
   *
   * Emitted after any change to the plan: an object added or removed, or
   * any property of any object.
   */
  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
mp_plan_init (MpPlan *self)
{
  const GType types[N_COLLECTIONS] = {
    [COLLECTION_VENUES] = MP_TYPE_VENUE,
    [COLLECTION_ROOMS] = MP_TYPE_ROOM,
    [COLLECTION_TRAVEL] = MP_TYPE_TRAVEL,
    [COLLECTION_DELEGATIONS] = MP_TYPE_DELEGATION,
    [COLLECTION_PARTICIPANTS] = MP_TYPE_PARTICIPANT,
    [COLLECTION_MEETINGS] = MP_TYPE_MEETING,
    [COLLECTION_REQUESTS] = MP_TYPE_REQUEST,
  };

  for (guint i = 0; i < N_COLLECTIONS; i++)
    {
      self->collections[i].type = types[i];
      self->collections[i].store = g_list_store_new (types[i]);
      self->collections[i].by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    }

  self->zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) g_time_zone_unref);
  self->conference = mp_conference_new ();
  g_signal_connect (self->conference, "notify", G_CALLBACK (on_record_notify_cb), self);
}

MpPlan *
mp_plan_new (void)
{
  return g_object_new (MP_TYPE_PLAN, NULL);
}

MpConference *
mp_plan_get_conference (MpPlan *self)
{
  g_return_val_if_fail (MP_IS_PLAN (self), NULL);

  return self->conference;
}

#define COLLECTION_GETTER(name, INDEX)                                        \
  GListModel *                                                                \
  mp_plan_get_##name (MpPlan *self)                                           \
  {                                                                           \
    g_return_val_if_fail (MP_IS_PLAN (self), NULL);                           \
    return G_LIST_MODEL (self->collections[INDEX].store);                     \
  }

COLLECTION_GETTER (venues, COLLECTION_VENUES)
COLLECTION_GETTER (rooms, COLLECTION_ROOMS)
COLLECTION_GETTER (travel, COLLECTION_TRAVEL)
COLLECTION_GETTER (delegations, COLLECTION_DELEGATIONS)
COLLECTION_GETTER (participants, COLLECTION_PARTICIPANTS)
COLLECTION_GETTER (meetings, COLLECTION_MEETINGS)
COLLECTION_GETTER (requests, COLLECTION_REQUESTS)

GListModel *
mp_plan_get_collection (MpPlan *self,
                        GType   type)
{
  Collection *c;

  g_return_val_if_fail (MP_IS_PLAN (self), NULL);

  c = collection_for_type (self, type);
  g_return_val_if_fail (c != NULL, NULL);

  return G_LIST_MODEL (c->store);
}

MpRecord *
mp_plan_lookup (MpPlan     *self,
                GType       type,
                const char *id)
{
  Collection *c;

  g_return_val_if_fail (MP_IS_PLAN (self), NULL);

  if (id == NULL)
    return NULL;

  c = collection_for_type (self, type);
  g_return_val_if_fail (c != NULL, NULL);

  return g_hash_table_lookup (c->by_id, id);
}

#define LOOKUP(Type, name, TYPE)                                              \
  Type *                                                                      \
  mp_plan_get_##name (MpPlan     *self,                                       \
                      const char *id)                                         \
  {                                                                           \
    return (Type *) mp_plan_lookup (self, TYPE, id);                          \
  }

LOOKUP (MpVenue, venue, MP_TYPE_VENUE)
LOOKUP (MpRoom, room, MP_TYPE_ROOM)
LOOKUP (MpDelegation, delegation, MP_TYPE_DELEGATION)
LOOKUP (MpParticipant, participant, MP_TYPE_PARTICIPANT)
LOOKUP (MpMeeting, meeting, MP_TYPE_MEETING)
LOOKUP (MpRequest, request, MP_TYPE_REQUEST)

static void
invalidate_indexes (MpPlan   *self,
                    MpRecord *record)
{
  if (MP_IS_TRAVEL (record))
    g_clear_pointer (&self->travel_index, g_hash_table_unref);
  else if (MP_IS_MEETING (record))
    g_clear_pointer (&self->placements, g_hash_table_unref);
  else if (MP_IS_ROOM (record) || MP_IS_VENUE (record))
    /* A room or venue that comes or goes changes the zone of the
     * meetings that name it. */
    update_all_meeting_zones (self);
}

gboolean
mp_plan_insert (MpPlan    *self,
                MpRecord  *record,
                int        position,
                GError   **error)
{
  Collection *c;
  const char *id;
  guint n;

  g_return_val_if_fail (MP_IS_PLAN (self), FALSE);
  g_return_val_if_fail (MP_IS_RECORD (record), FALSE);

  c = collection_for_type (self, G_OBJECT_TYPE (record));
  g_return_val_if_fail (c != NULL, FALSE);

  id = mp_record_get_id (record);
  if (id != NULL && g_hash_table_contains (c->by_id, id))
    {
      g_set_error (error, MP_PLAN_ERROR, MP_PLAN_ERROR_DUPLICATE_ID,
                   _("The id “%s” is already used"), id);
      return FALSE;
    }

  if (id != NULL)
    g_hash_table_insert (c->by_id, g_strdup (id), record);

  n = g_list_model_get_n_items (G_LIST_MODEL (c->store));
  if (position < 0 || (guint) position > n)
    position = n;
  g_list_store_insert (c->store, position, record);

  g_signal_connect (record, "notify", G_CALLBACK (on_record_notify_cb), self);
  if (MP_IS_MEETING (record))
    update_meeting_zone (self, MP_MEETING (record));
  invalidate_indexes (self, record);

  g_signal_emit (self, signals [CHANGED], 0);
  return TRUE;
}

gboolean
mp_plan_add (MpPlan    *self,
             MpRecord  *record,
             GError   **error)
{
  return mp_plan_insert (self, record, -1, error);
}

int
mp_plan_get_position (MpPlan   *self,
                      MpRecord *record)
{
  Collection *c;
  guint position;

  g_return_val_if_fail (MP_IS_PLAN (self), -1);
  g_return_val_if_fail (MP_IS_RECORD (record), -1);

  c = collection_for_type (self, G_OBJECT_TYPE (record));
  if (c == NULL || !g_list_store_find (c->store, record, &position))
    return -1;

  return position;
}

int
mp_plan_remove (MpPlan   *self,
                MpRecord *record)
{
  Collection *c;
  int position;

  g_return_val_if_fail (MP_IS_PLAN (self), -1);
  g_return_val_if_fail (MP_IS_RECORD (record), -1);

  position = mp_plan_get_position (self, record);
  if (position < 0)
    return -1;

  c = collection_for_type (self, G_OBJECT_TYPE (record));

  g_object_ref (record);
  g_signal_handlers_disconnect_by_data (record, self);
  if (mp_record_get_id (record) != NULL &&
      g_hash_table_lookup (c->by_id, mp_record_get_id (record)) == record)
    g_hash_table_remove (c->by_id, mp_record_get_id (record));
  g_list_store_remove (c->store, position);
  invalidate_indexes (self, record);
  g_object_unref (record);

  g_signal_emit (self, signals [CHANGED], 0);
  return position;
}

char *
mp_plan_make_id (MpPlan     *self,
                 GType       type,
                 const char *stem)
{
  g_autofree char *base = NULL;

  g_return_val_if_fail (MP_IS_PLAN (self), NULL);

  base = g_strdup (stem != NULL && stem[0] != '\0' ? stem : "item");
  g_strdelimit (base, " \t\n/", '-');

  if (mp_plan_lookup (self, type, base) == NULL)
    return g_steal_pointer (&base);

  for (guint i = 2; ; i++)
    {
      g_autofree char *id = g_strdup_printf ("%s-%u", base, i);

      if (mp_plan_lookup (self, type, id) == NULL)
        return g_steal_pointer (&id);
    }
}

char *
mp_plan_make_id_from_name (MpPlan     *self,
                           GType       type,
                           const char *name)
{
  g_autofree char *ascii = g_str_to_ascii (name != NULL ? name : "", "C");
  g_autoptr(GString) stem = g_string_new (NULL);

  g_return_val_if_fail (MP_IS_PLAN (self), NULL);

  for (const char *p = ascii; *p != '\0' && stem->len < 40; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (stem, g_ascii_tolower (*p));
      else if (stem->len > 0 && stem->str[stem->len - 1] != '-')
        g_string_append_c (stem, '-');
    }
  while (stem->len > 0 && stem->str[stem->len - 1] == '-')
    g_string_truncate (stem, stem->len - 1);

  /* A name of no Latin letters (“会谈”) leaves nothing: name the type. */
  if (stem->len == 0)
    {
      g_autofree char *type_name = g_ascii_strdown (g_type_name (type), -1);

      g_string_append (stem, g_str_has_prefix (type_name, "mp") ? type_name + 2 : type_name);
    }

  return mp_plan_make_id (self, type, stem->str);
}

GTimeZone *
mp_plan_get_zone (MpPlan     *self,
                  const char *identifier)
{
  GTimeZone *zone;

  g_return_val_if_fail (MP_IS_PLAN (self), NULL);

  if (identifier == NULL)
    return mp_conference_get_zone (self->conference);

  zone = g_hash_table_lookup (self->zones, identifier);
  if (zone == NULL)
    {
      zone = mp_time_zone_new (identifier, NULL);
      if (zone == NULL)
        return mp_conference_get_zone (self->conference);
      g_hash_table_insert (self->zones, g_strdup (identifier), zone);
    }

  return zone;
}

GTimeZone *
mp_plan_get_room_zone (MpPlan     *self,
                       const char *room_id)
{
  MpRoom *room;
  MpVenue *venue = NULL;

  g_return_val_if_fail (MP_IS_PLAN (self), NULL);

  room = mp_plan_get_room (self, room_id);
  if (room != NULL)
    venue = mp_plan_get_venue (self, mp_room_get_venue (room));

  return mp_plan_get_zone (self, venue != NULL ? mp_venue_get_time_zone (venue) : NULL);
}

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

char *
mp_plan_make_request_title (MpPlan    *self,
                            MpRequest *request)
{
  const char * const *people;
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  g_autofree char *joined = NULL;

  g_return_val_if_fail (MP_IS_PLAN (self), NULL);
  g_return_val_if_fail (MP_IS_REQUEST (request), NULL);

  if (mp_request_get_title (request) != NULL && mp_request_get_title (request)[0] != '\0')
    return g_strdup (mp_request_get_title (request));

  people = mp_request_get_participants (request);
  for (guint i = 0; people != NULL && people[i] != NULL; i++)
    {
      MpParticipant *p = mp_plan_get_participant (self, people[i]);
      const char *code = p != NULL && mp_participant_get_delegation (p) != NULL
                         ? mp_participant_get_delegation (p) : people[i];
      gboolean seen = FALSE;

      for (guint j = 0; j < codes->len && !seen; j++)
        seen = strcmp (g_ptr_array_index (codes, j), code) == 0;
      if (!seen)
        g_ptr_array_add (codes, (gpointer) code);
    }
  g_ptr_array_add (codes, NULL);
  joined = g_strjoinv ("–", (char **) codes->pdata);

  return title_for_kind (mp_request_get_kind (request), joined);
}

gboolean
mp_plan_meeting_involves (MpPlan     *self,
                          MpMeeting  *meeting,
                          const char *id)
{
  const char * const *participants;

  g_return_val_if_fail (MP_IS_PLAN (self), FALSE);
  g_return_val_if_fail (MP_IS_MEETING (meeting), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  participants = mp_meeting_get_participants (meeting);
  for (guint i = 0; participants != NULL && participants[i] != NULL; i++)
    {
      MpParticipant *p;

      if (g_str_equal (participants[i], id))
        return TRUE;
      p = mp_plan_get_participant (self, participants[i]);
      if (p != NULL && g_strcmp0 (mp_participant_get_delegation (p), id) == 0)
        return TRUE;
    }

  return FALSE;
}

GPtrArray *
mp_plan_list_rooms_by_venue (MpPlan *self)
{
  GListModel *venues, *rooms;
  GPtrArray *ordered;
  guint n_venues, n_rooms;

  g_return_val_if_fail (MP_IS_PLAN (self), NULL);

  venues = mp_plan_get_venues (self);
  rooms = mp_plan_get_rooms (self);
  n_venues = g_list_model_get_n_items (venues);
  n_rooms = g_list_model_get_n_items (rooms);
  ordered = g_ptr_array_sized_new (n_rooms);

  for (guint v = 0; v <= n_venues; v++)
    {
      g_autoptr(MpVenue) venue = v < n_venues ? g_list_model_get_item (venues, v) : NULL;
      const char *venue_id = venue != NULL ? mp_record_get_id (MP_RECORD (venue)) : NULL;

      for (guint r = 0; r < n_rooms; r++)
        {
          g_autoptr(MpRoom) room = g_list_model_get_item (rooms, r);
          const char *room_venue = mp_room_get_venue (room);
          gboolean orphan = room_venue == NULL || mp_plan_get_venue (self, room_venue) == NULL;

          if (venue != NULL ? g_strcmp0 (room_venue, venue_id) == 0 : orphan)
            g_ptr_array_add (ordered, room);
        }
    }

  return ordered;
}

MpVenue *
mp_plan_get_meeting_venue (MpPlan    *self,
                           MpMeeting *meeting)
{
  MpRoom *room;

  g_return_val_if_fail (MP_IS_PLAN (self), NULL);
  g_return_val_if_fail (MP_IS_MEETING (meeting), NULL);

  room = mp_plan_get_room (self, mp_meeting_get_room (meeting));
  if (room == NULL)
    return NULL;

  return mp_plan_get_venue (self, mp_room_get_venue (room));
}

static char *
travel_key (const char *a,
            const char *b)
{
  /* Either way: the key names the two venues in a fixed order. */
  if (g_strcmp0 (a, b) > 0)
    return g_strconcat (b, "\n", a, NULL);
  return g_strconcat (a, "\n", b, NULL);
}

int
mp_plan_get_travel_minutes (MpPlan     *self,
                            const char *venue_a,
                            const char *venue_b)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (MP_IS_PLAN (self), 0);

  if (venue_a == NULL || venue_b == NULL || g_str_equal (venue_a, venue_b))
    return 0;

  if (self->travel_index == NULL)
    {
      GListModel *travel = G_LIST_MODEL (self->collections[COLLECTION_TRAVEL].store);

      self->travel_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; i < g_list_model_get_n_items (travel); i++)
        {
          g_autoptr(MpTravel) t = g_list_model_get_item (travel, i);
          char *pair = travel_key (mp_travel_get_from (t), mp_travel_get_to (t));
          int minutes = mp_travel_get_minutes (t);

          /* Two entries for one pair (either way): the longer holds, so
           * that no one is planned with too little time to move. */
          minutes = MAX (minutes, GPOINTER_TO_INT (g_hash_table_lookup (self->travel_index, pair)));
          g_hash_table_insert (self->travel_index, pair, GINT_TO_POINTER (minutes));
        }
    }

  key = travel_key (venue_a, venue_b);
  return GPOINTER_TO_INT (g_hash_table_lookup (self->travel_index, key));
}

GPtrArray *
mp_plan_list_meetings_of (MpPlan     *self,
                          const char *participant_id)
{
  GListModel *meetings;
  GPtrArray *result;

  g_return_val_if_fail (MP_IS_PLAN (self), NULL);

  meetings = G_LIST_MODEL (self->collections[COLLECTION_MEETINGS].store);
  result = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(MpMeeting) meeting = g_list_model_get_item (meetings, i);

      if (!mp_meeting_is_cancelled (meeting) &&
          mp_meeting_has_participant (meeting, participant_id))
        g_ptr_array_add (result, g_steal_pointer (&meeting));
    }

  return result;
}

MpMeeting *
mp_plan_get_placement (MpPlan     *self,
                       const char *request_id)
{
  g_return_val_if_fail (MP_IS_PLAN (self), NULL);

  if (request_id == NULL)
    return NULL;

  if (self->placements == NULL)
    {
      GListModel *meetings = G_LIST_MODEL (self->collections[COLLECTION_MEETINGS].store);

      self->placements = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < g_list_model_get_n_items (meetings); i++)
        {
          g_autoptr(MpMeeting) meeting = g_list_model_get_item (meetings, i);
          const char *request = mp_meeting_get_request (meeting);

          /* Keys are borrowed: a change of the member drops the index. */
          if (request != NULL && !mp_meeting_is_cancelled (meeting))
            g_hash_table_insert (self->placements, (char *) request, meeting);
        }
    }

  return g_hash_table_lookup (self->placements, request_id);
}

JsonObject *
mp_plan_get_extra (MpPlan *self)
{
  g_return_val_if_fail (MP_IS_PLAN (self), NULL);

  return self->extra;
}

void
mp_plan_set_extra (MpPlan     *self,
                   JsonObject *extra)
{
  g_return_if_fail (MP_IS_PLAN (self));

  if (extra != NULL)
    json_object_ref (extra);
  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = extra;
}
