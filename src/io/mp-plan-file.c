/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mp-plan-file"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mp-json.h"
#include "mp-plan-file.h"

/* Reading ------------------------------------------------------------- */

typedef struct
{
  const char  *display;     /* the file, as messages name it */
  MpPlan      *plan;
  GError     **error;
} Reader;

/* Each object's members, in the order a save writes them. Members not
 * listed here are kept as they were read. */
static const char * const top_members[] = {
  "format", "version", "conference", "venues", "rooms", "travel",
  "delegations", "participants", "meetings", "requests", NULL
};
static const char * const conference_members[] = {
  "title", "time_zone", "start_date", "end_date", "host", "day_start",
  "day_end", "slot_minutes", "turnover_minutes", "buffer_minutes", "notes", NULL
};
static const char * const venue_members[] = { "id", "name", "address", "time_zone", NULL };
static const char * const room_members[] = { "id", "name", "venue", "capacity", "kinds", NULL };
static const char * const travel_members[] = { "id", "from", "to", "minutes", NULL };
static const char * const delegation_members[] = {
  "id", "name", "country", "precedence", "home_time_zone", NULL
};
static const char * const participant_members[] = {
  "id", "name", "delegation", "title", "organization", "role", "email", "available", NULL
};
static const char * const window_members[] = { "start", "end", NULL };
static const char * const meeting_members[] = {
  "id", "title", "kind", "start", "end", "room", "participants", "status",
  "topics", "notes", "locked", "request", "uid", "sequence", NULL
};
static const char * const request_members[] = {
  "id", "title", "kind", "participants", "duration_minutes", "priority",
  "earliest", "latest", NULL
};

G_GNUC_PRINTF (5, 6)
static gboolean
fail (Reader     *r,
      int         code,
      const char *where,
      const char *member,
      const char *format,
      ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  if (member != NULL)
    /* Translators: file: object: member “name”: what is wrong */
    g_set_error (r->error, MP_PLAN_ERROR, code, _("%s: %s: member “%s”: %s"),
                 r->display, where, member, what);
  else
    g_set_error (r->error, MP_PLAN_ERROR, code, "%s: %s: %s", r->display, where, what);

  return FALSE;
}

static const char *
json_type_word (const MpJsonValue *node)
{
  switch (node->type)
    {
    case MP_JSON_NULL:    return _("null");
    case MP_JSON_OBJECT:  return _("an object");
    case MP_JSON_ARRAY:   return _("an array");
    case MP_JSON_STRING:  return _("a string");
    case MP_JSON_BOOLEAN: return _("true or false");
    default:              return _("a number");
    }
}

static const MpJsonValue *
member (Reader            *r,
        const MpJsonValue *object,
        const char        *where,
        const char        *name,
        gboolean           required)
{
  const MpJsonValue *node = mp_json_object_get (object, name);

  if (node == NULL && required)
    fail (r, MP_PLAN_ERROR_MISSING_MEMBER, where, name, _("is required but missing"));

  return node;
}

static gboolean
read_string (Reader      *r,
             const MpJsonValue *object,
             const char  *where,
             const char  *name,
             gboolean     required,
             const char **out)
{
  const MpJsonValue *node = member (r, object, where, name, required);

  *out = NULL;
  if (node == NULL)
    return !required;

  if (node->type != MP_JSON_STRING)
    return fail (r, MP_PLAN_ERROR_WRONG_TYPE, where, name,
                 _("must be a string, not %s"), json_type_word (node));

  *out = node->string;
  if (required && (*out)[0] == '\0')
    return fail (r, MP_PLAN_ERROR_BAD_VALUE, where, name, _("must not be empty"));

  return TRUE;
}

static gboolean
read_int (Reader     *r,
          const MpJsonValue *object,
          const char *where,
          const char *name,
          gboolean    required,
          gint64      min,
          gint64      max,
          gint64     *out)
{
  const MpJsonValue *node = member (r, object, where, name, required);
  gint64 value;

  if (node == NULL)
    return !required;

  if (node->type != MP_JSON_INTEGER)
    {
      if (node->type == MP_JSON_DOUBLE)
        return fail (r, MP_PLAN_ERROR_WRONG_TYPE, where, name, _("must be a whole number"));
      return fail (r, MP_PLAN_ERROR_WRONG_TYPE, where, name,
                   _("must be a whole number, not %s"), json_type_word (node));
    }

  value = node->integer;
  if (value < min || value > max)
    {
      if (max == G_MAXINT)
        return fail (r, MP_PLAN_ERROR_BAD_VALUE, where, name,
                     _("must be at least %" PRId64 ", not %" PRId64),
                     min, value);
      return fail (r, MP_PLAN_ERROR_BAD_VALUE, where, name,
                   _("must be between %" PRId64 " and %" PRId64 ", not %" PRId64),
                   min, max, value);
    }

  *out = value;
  return TRUE;
}

static gboolean
read_bool (Reader     *r,
           const MpJsonValue *object,
           const char *where,
           const char *name,
           gboolean   *out)
{
  const MpJsonValue *node = member (r, object, where, name, FALSE);

  if (node == NULL)
    return TRUE;

  if (node->type != MP_JSON_BOOLEAN)
    return fail (r, MP_PLAN_ERROR_WRONG_TYPE, where, name,
                 _("must be true or false, not %s"), json_type_word (node));

  *out = node->boolean;
  return TRUE;
}

static char *
enum_nicks (GType type)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    g_string_append_printf (str, "%s“%s”", i > 0 ? ", " : "", klass->values[i].value_nick);

  return g_string_free (str, FALSE);
}

static gboolean
check_enum (Reader     *r,
            const char *where,
            const char *name,
            GType       type,
            const char *text,
            int        *out)
{
  g_autofree char *allowed = NULL;

  if (mp_enum_from_nick (type, text, out))
    return TRUE;

  allowed = enum_nicks (type);
  return fail (r, MP_PLAN_ERROR_BAD_VALUE, where, name,
               _("“%s” is not one of %s"), text, allowed);
}

static gboolean
read_enum (Reader     *r,
           const MpJsonValue *object,
           const char *where,
           const char *name,
           GType       type,
           int        *out)
{
  const char *text;

  if (!read_string (r, object, where, name, FALSE, &text))
    return FALSE;
  if (text == NULL)
    return TRUE;

  return check_enum (r, where, name, type, text, out);
}

static gboolean
read_array (Reader             *r,
            const MpJsonValue  *object,
            const char         *where,
            const char         *name,
            const MpJsonValue **out)
{
  const MpJsonValue *node = member (r, object, where, name, FALSE);

  *out = NULL;
  if (node == NULL)
    return TRUE;

  if (node->type != MP_JSON_ARRAY)
    return fail (r, MP_PLAN_ERROR_WRONG_TYPE, where, name,
                 _("must be an array, not %s"), json_type_word (node));

  *out = node;
  return TRUE;
}

/* An array of strings; with type, each names an object of that type. */
static gboolean
read_strv (Reader       *r,
           const MpJsonValue *object,
           const char   *where,
           const char   *name,
           GType         reference,
           char       ***out)
{
  const MpJsonValue *array;
  GStrvBuilder *builder;

  *out = NULL;
  if (!read_array (r, object, where, name, &array))
    return FALSE;
  if (array == NULL)
    return TRUE;

  builder = g_strv_builder_new ();
  for (guint i = 0; i < array->length; i++)
    {
      const MpJsonValue *node = &array->items[i];
      const char *text;

      if (node->type != MP_JSON_STRING)
        {
          g_strv_builder_unref (builder);
          return fail (r, MP_PLAN_ERROR_WRONG_TYPE, where, name,
                       _("item %u must be a string, not %s"), i, json_type_word (node));
        }

      text = node->string;
      if (reference != G_TYPE_INVALID && mp_plan_lookup (r->plan, reference, text) == NULL)
        {
          g_strv_builder_unref (builder);
          return fail (r, MP_PLAN_ERROR_BAD_REFERENCE, where, name,
                       _("there is no %s with the id “%s”"),
                       reference == MP_TYPE_PARTICIPANT ? _("participant") : _("object"), text);
        }

      g_strv_builder_add (builder, text);
    }

  *out = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return TRUE;
}

static const char *
type_word (GType type)
{
  if (type == MP_TYPE_VENUE)
    return _("venue");
  if (type == MP_TYPE_ROOM)
    return _("room");
  if (type == MP_TYPE_DELEGATION)
    return _("delegation");
  if (type == MP_TYPE_PARTICIPANT)
    return _("participant");
  if (type == MP_TYPE_REQUEST)
    return _("request");
  return _("meeting");
}

static gboolean
read_reference (Reader      *r,
                const MpJsonValue *object,
                const char  *where,
                const char  *name,
                gboolean     required,
                GType        type,
                const char **out)
{
  if (!read_string (r, object, where, name, required, out))
    return FALSE;

  if (*out != NULL && mp_plan_lookup (r->plan, type, *out) == NULL)
    return fail (r, MP_PLAN_ERROR_BAD_REFERENCE, where, name,
                 _("there is no %s with the id “%s”"), type_word (type), *out);

  return TRUE;
}

static gboolean
read_zone (Reader      *r,
           const MpJsonValue *object,
           const char  *where,
           const char  *name,
           gboolean     required,
           const char **out)
{
  g_autoptr(GError) error = NULL;

  if (!read_string (r, object, where, name, required, out))
    return FALSE;
  if (*out == NULL)
    return TRUE;

  if (!mp_time_zone_validate (*out, &error))
    return fail (r, MP_PLAN_ERROR_BAD_VALUE, where, name, "%s", error->message);

  return TRUE;
}

/* A date-time, checked against zone: a local time in a gap is refused. */
static gboolean
read_time (Reader     *r,
           const MpJsonValue *object,
           const char *where,
           const char *name,
           gboolean    required,
           GTimeZone  *zone,
           MpTime     *out,
           gboolean   *present)
{
  g_autoptr(GError) error = NULL;
  const char *text;
  gint64 instant;

  *present = FALSE;
  if (!read_string (r, object, where, name, required, &text))
    return FALSE;
  if (text == NULL)
    return TRUE;

  if (!mp_time_parse (text, out, &error) ||
      !mp_time_resolve (out, zone, &instant, &error))
    return fail (r, MP_PLAN_ERROR_BAD_VALUE, where, name, "%s", error->message);

  *present = TRUE;
  return TRUE;
}

static gboolean
check_span (Reader       *r,
            const char   *where,
            const char   *name,
            const MpTime *start,
            const MpTime *end,
            GTimeZone    *zone)
{
  if (mp_time_instant (end, zone) > mp_time_instant (start, zone))
    return TRUE;

  return fail (r, MP_PLAN_ERROR_BAD_VALUE, where, name, _("must be after the start"));
}

/* The members of object that known does not list. Members are usually in
 * the order a save writes them, so the search starts where the last one
 * was found. */
static JsonObject *
collect_extra (const MpJsonValue  *object,
               const char * const *known)
{
  JsonObject *extra = NULL;
  guint next = 0;

  for (guint i = 0; i < object->length; i++)
    {
      const MpJsonMember *m = &object->members[i];

      if (known[next] != NULL && strcmp (known[next], m->name) == 0)
        {
          next++;
          continue;
        }
      if (g_strv_contains (known, m->name))
        continue;
      if (extra == NULL)
        extra = json_object_new ();
      json_object_set_member (extra, m->name, mp_json_to_node (&m->value));
    }

  return extra;
}

static void
keep_extra (MpRecord           *record,
            const MpJsonValue  *object,
            const char * const *known)
{
  JsonObject *extra = collect_extra (object, known);

  if (extra != NULL)
    {
      mp_record_set_extra (record, extra);
      json_object_unref (extra);
    }
}

/* Names an object in messages, as "participants[12] “USA-001”". Every
 * object read gets one, and almost none is ever shown: the text goes on
 * the stack unless it is long. */
typedef struct
{
  char  stack[128];
  char *heap;
} Where;

G_GNUC_PRINTF (2, 3)
static const char *
where_format (Where      *w,
              const char *format,
              ...)
{
  va_list args;
  int n;

  g_clear_pointer (&w->heap, g_free);
  va_start (args, format);
  n = g_vsnprintf (w->stack, sizeof w->stack, format, args);
  va_end (args);
  if (n >= 0 && (gsize) n < sizeof w->stack)
    return w->stack;

  va_start (args, format);
  w->heap = g_strdup_vprintf (format, args);
  va_end (args);
  return w->heap;
}

static void
where_clear (Where *w)
{
  g_clear_pointer (&w->heap, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Where, where_clear)

typedef gboolean (*ReadItem) (Reader     *r,
                              const MpJsonValue *object,
                              const char *where,
                              const char *id);

/* Reads every object of an array member, checking ids: present (unless
 * the array allows none), strings, non-empty and unique. */
static gboolean
read_collection (Reader            *r,
                 const MpJsonValue *root,
                 const char *name,
                 GType       type,
                 gboolean    ids_required,
                 ReadItem    read_item)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const MpJsonValue *array;

  if (!read_array (r, root, _("the plan"), name, &array))
    return FALSE;
  if (array == NULL)
    return TRUE;

  for (guint i = 0; i < array->length; i++)
    {
      const MpJsonValue *object = &array->items[i];
      g_auto(Where) place = { .heap = NULL };
      const char *where = where_format (&place, "%s[%u]", name, i);
      const char *id = NULL;

      if (object->type != MP_JSON_OBJECT)
        return fail (r, MP_PLAN_ERROR_WRONG_TYPE, where, NULL,
                     _("must be an object, not %s"), json_type_word (object));

      if (!read_string (r, object, where, "id", ids_required, &id))
        return FALSE;

      if (id != NULL)
        {
          where = where_format (&place, "%s[%u] “%s”", name, i, id);

          if (id[0] == '\0')
            return fail (r, MP_PLAN_ERROR_BAD_VALUE, where, "id", _("must not be empty"));
          if (!g_hash_table_add (seen, (char *) id))
            return fail (r, MP_PLAN_ERROR_DUPLICATE_ID, where, "id",
                         _("“%s” is used by an earlier %s"), id, type_word (type));
        }

      if (!read_item (r, object, where, id))
        return FALSE;
    }

  return TRUE;
}

static gboolean
read_conference (Reader            *r,
                 const MpJsonValue *root)
{
  MpConference *conference = mp_plan_get_conference (r->plan);
  const char *where = _("conference");
  const MpJsonValue *object = member (r, root, _("the plan"), "conference", TRUE);
  const char *title, *zone, *start, *end, *notes, *clock;
  gint64 start_day, end_day, value;
  int minutes;
  g_autoptr(GError) error = NULL;

  if (object == NULL)
    return FALSE;
  if (object->type != MP_JSON_OBJECT)
    return fail (r, MP_PLAN_ERROR_WRONG_TYPE, _("the plan"), "conference",
                 _("must be an object, not %s"), json_type_word (object));

  if (!read_string (r, object, where, "title", TRUE, &title) ||
      !read_zone (r, object, where, "time_zone", TRUE, &zone) ||
      !read_string (r, object, where, "start_date", TRUE, &start) ||
      !read_string (r, object, where, "end_date", TRUE, &end) ||
      !read_string (r, object, where, "notes", FALSE, &notes))
    return FALSE;

  if (!mp_date_parse (start, &start_day, &error))
    return fail (r, MP_PLAN_ERROR_BAD_VALUE, where, "start_date", "%s", error->message);
  if (!mp_date_parse (end, &end_day, &error))
    return fail (r, MP_PLAN_ERROR_BAD_VALUE, where, "end_date", "%s", error->message);
  if (end_day < start_day)
    return fail (r, MP_PLAN_ERROR_BAD_VALUE, where, "end_date",
                 _("%s is before the start date %s"), end, start);

  mp_conference_set_title (conference, title);
  mp_conference_set_time_zone (conference, zone);
  mp_conference_set_start_date (conference, start_day);
  mp_conference_set_end_date (conference, end_day);
  mp_conference_set_notes (conference, notes);

  for (guint i = 0; i < 2; i++)
    {
      const char *name = i == 0 ? "day_start" : "day_end";

      if (!read_string (r, object, where, name, FALSE, &clock))
        return FALSE;
      if (clock == NULL)
        continue;
      if (!mp_clock_parse (clock, &minutes, &error))
        return fail (r, MP_PLAN_ERROR_BAD_VALUE, where, name, "%s", error->message);
      if (i == 0)
        mp_conference_set_day_start (conference, minutes);
      else
        mp_conference_set_day_end (conference, minutes);
    }

  if (mp_conference_get_day_end (conference) <= mp_conference_get_day_start (conference))
    return fail (r, MP_PLAN_ERROR_BAD_VALUE, where, "day_end", _("must be after day_start"));

  value = MP_DEFAULT_SLOT;
  if (!read_int (r, object, where, "slot_minutes", FALSE, 1, 24 * 60, &value))
    return FALSE;
  mp_conference_set_slot_minutes (conference, value);

  value = 0;
  if (!read_int (r, object, where, "turnover_minutes", FALSE, 0, 24 * 60, &value))
    return FALSE;
  mp_conference_set_turnover_minutes (conference, value);

  value = 0;
  if (!read_int (r, object, where, "buffer_minutes", FALSE, 0, 24 * 60, &value))
    return FALSE;
  mp_conference_set_buffer_minutes (conference, value);

  keep_extra (MP_RECORD (conference), object, conference_members);
  return TRUE;
}

/* Adds a record read quietly (mp_record_set_quiet ()): from now on it is
 * watched, and tells of its changes. */
static gboolean
add_record (Reader   *r,
            gpointer  record)
{
  g_autoptr(MpRecord) owned = record;

  mp_record_set_quiet (owned, FALSE);
  return mp_plan_add (r->plan, owned, NULL);
}

static gboolean
read_venue (Reader     *r,
            const MpJsonValue *object,
            const char *where,
            const char *id)
{
  const char *name, *address, *zone;
  MpVenue *venue;

  if (!read_string (r, object, where, "name", TRUE, &name) ||
      !read_string (r, object, where, "address", FALSE, &address) ||
      !read_zone (r, object, where, "time_zone", FALSE, &zone))
    return FALSE;

  venue = mp_venue_new (id);
  mp_record_set_quiet (MP_RECORD (venue), TRUE);
  mp_venue_set_name (venue, name);
  mp_venue_set_address (venue, address);
  mp_venue_set_time_zone (venue, zone);
  keep_extra (MP_RECORD (venue), object, venue_members);
  return add_record (r, venue);
}

static gboolean
read_room (Reader     *r,
           const MpJsonValue *object,
           const char *where,
           const char *id)
{
  const char *name, *venue_id;
  gint64 capacity = 0;
  const MpJsonValue *kinds;
  guint mask = 0;
  MpRoom *room;

  if (!read_string (r, object, where, "name", TRUE, &name) ||
      !read_reference (r, object, where, "venue", FALSE, MP_TYPE_VENUE, &venue_id) ||
      !read_int (r, object, where, "capacity", FALSE, 1, G_MAXINT, &capacity) ||
      !read_array (r, object, where, "kinds", &kinds))
    return FALSE;

  for (guint i = 0; kinds != NULL && i < kinds->length; i++)
    {
      const MpJsonValue *node = &kinds->items[i];
      int kind;

      if (node->type != MP_JSON_STRING)
        return fail (r, MP_PLAN_ERROR_WRONG_TYPE, where, "kinds",
                     _("item %u must be a string, not %s"), i, json_type_word (node));
      if (!check_enum (r, where, "kinds", MP_TYPE_MEETING_KIND, node->string, &kind))
        return FALSE;
      mask |= 1u << kind;
    }

  room = mp_room_new (id);
  mp_record_set_quiet (MP_RECORD (room), TRUE);
  mp_room_set_name (room, name);
  mp_room_set_venue (room, venue_id);
  mp_room_set_capacity (room, capacity);
  mp_room_set_kinds (room, mask);
  keep_extra (MP_RECORD (room), object, room_members);
  return add_record (r, room);
}

static gboolean
read_travel (Reader     *r,
             const MpJsonValue *object,
             const char *where,
             const char *id)
{
  const char *from, *to;
  gint64 minutes = 0;
  MpTravel *travel;

  if (!read_reference (r, object, where, "from", TRUE, MP_TYPE_VENUE, &from) ||
      !read_reference (r, object, where, "to", TRUE, MP_TYPE_VENUE, &to) ||
      !read_int (r, object, where, "minutes", TRUE, 0, 7 * 24 * 60, &minutes))
    return FALSE;

  travel = mp_travel_new (id);
  mp_record_set_quiet (MP_RECORD (travel), TRUE);
  mp_travel_set_from (travel, from);
  mp_travel_set_to (travel, to);
  mp_travel_set_minutes (travel, minutes);
  keep_extra (MP_RECORD (travel), object, travel_members);
  return add_record (r, travel);
}

static gboolean
read_delegation (Reader     *r,
                 const MpJsonValue *object,
                 const char *where,
                 const char *id)
{
  const char *name, *country, *zone;
  gint64 precedence = G_MAXINT;
  MpDelegation *delegation;

  if (!read_string (r, object, where, "name", TRUE, &name) ||
      !read_string (r, object, where, "country", FALSE, &country) ||
      !read_int (r, object, where, "precedence", FALSE, -1000000, G_MAXINT - 1, &precedence) ||
      !read_zone (r, object, where, "home_time_zone", FALSE, &zone))
    return FALSE;

  if (country != NULL &&
      (strlen (country) != 2 || !g_ascii_isalpha (country[0]) || !g_ascii_isalpha (country[1])))
    return fail (r, MP_PLAN_ERROR_BAD_VALUE, where, "country",
                 _("“%s” is not a two-letter country code (ISO 3166-1 alpha-2)"), country);

  delegation = mp_delegation_new (id);
  mp_record_set_quiet (MP_RECORD (delegation), TRUE);
  mp_delegation_set_name (delegation, name);
  mp_delegation_set_country (delegation, country);
  mp_delegation_set_precedence (delegation, precedence);
  mp_delegation_set_home_time_zone (delegation, zone);
  keep_extra (MP_RECORD (delegation), object, delegation_members);
  return add_record (r, delegation);
}

static gboolean
read_windows (Reader      *r,
              const MpJsonValue *object,
              const char  *where,
              GArray     **out)
{
  GTimeZone *zone = mp_conference_get_zone (mp_plan_get_conference (r->plan));
  g_autoptr(GArray) windows = NULL;
  const MpJsonValue *array;

  *out = NULL;
  if (!read_array (r, object, where, "available", &array))
    return FALSE;
  if (array == NULL)
    return TRUE;

  windows = g_array_new (FALSE, FALSE, sizeof (MpInterval));
  g_array_set_clear_func (windows, mp_interval_clear);
  for (guint i = 0; i < array->length; i++)
    {
      const MpJsonValue *node = &array->items[i];
      g_auto(Where) place = { .heap = NULL };
      const char *item = where_format (&place, "%s available[%u]", where, i);
      MpInterval window = { 0 };
      gboolean present;

      if (node->type != MP_JSON_OBJECT)
        return fail (r, MP_PLAN_ERROR_WRONG_TYPE, item, NULL,
                     _("must be an object with start and end, not %s"), json_type_word (node));

      if (!read_time (r, node, item, "start", TRUE, zone, &window.start, &present) ||
          !read_time (r, node, item, "end", TRUE, zone, &window.end, &present) ||
          !check_span (r, item, "end", &window.start, &window.end, zone))
        return FALSE;

      window.extra = collect_extra (node, window_members);
      g_array_append_val (windows, window);
    }

  *out = g_steal_pointer (&windows);
  return TRUE;
}

static gboolean
read_participant (Reader     *r,
                  const MpJsonValue *object,
                  const char *where,
                  const char *id)
{
  const char *name, *delegation, *title, *organization, *email;
  int role = MP_ROLE_DELEGATE;
  g_autoptr(GArray) windows = NULL;
  MpParticipant *participant;

  if (!read_string (r, object, where, "name", TRUE, &name) ||
      !read_reference (r, object, where, "delegation", TRUE, MP_TYPE_DELEGATION, &delegation) ||
      !read_string (r, object, where, "title", FALSE, &title) ||
      !read_string (r, object, where, "organization", FALSE, &organization) ||
      !read_enum (r, object, where, "role", MP_TYPE_ROLE, &role) ||
      !read_string (r, object, where, "email", FALSE, &email) ||
      !read_windows (r, object, where, &windows))
    return FALSE;

  participant = mp_participant_new (id);
  mp_record_set_quiet (MP_RECORD (participant), TRUE);
  mp_participant_set_name (participant, name);
  mp_participant_set_delegation (participant, delegation);
  mp_participant_set_title (participant, title);
  mp_participant_set_organization (participant, organization);
  mp_participant_set_role (participant, role);
  mp_participant_set_email (participant, email);
  mp_participant_set_available (participant, windows);
  keep_extra (MP_RECORD (participant), object, participant_members);
  return add_record (r, participant);
}

static gboolean
read_request (Reader     *r,
              const MpJsonValue *object,
              const char *where,
              const char *id)
{
  GTimeZone *zone = mp_conference_get_zone (mp_plan_get_conference (r->plan));
  const char *title;
  int kind = MP_MEETING_KIND_BILATERAL;
  int priority = MP_PRIORITY_NORMAL;
  g_auto(GStrv) participants = NULL;
  gint64 duration = 0;
  MpTime earliest, latest;
  gboolean has_earliest, has_latest;
  MpRequest *request;

  if (!read_string (r, object, where, "title", FALSE, &title) ||
      !read_enum (r, object, where, "kind", MP_TYPE_MEETING_KIND, &kind) ||
      !read_strv (r, object, where, "participants", MP_TYPE_PARTICIPANT, &participants) ||
      !read_int (r, object, where, "duration_minutes", TRUE, 1, 24 * 60, &duration) ||
      !read_enum (r, object, where, "priority", MP_TYPE_PRIORITY, &priority) ||
      !read_time (r, object, where, "earliest", FALSE, zone, &earliest, &has_earliest) ||
      !read_time (r, object, where, "latest", FALSE, zone, &latest, &has_latest))
    return FALSE;

  if (participants == NULL || g_strv_length (participants) < 2)
    return fail (r, participants == NULL ? MP_PLAN_ERROR_MISSING_MEMBER : MP_PLAN_ERROR_BAD_VALUE,
                 where, "participants", _("must name two or more participants"));

  if (has_earliest && has_latest &&
      !check_span (r, where, "latest", &earliest, &latest, zone))
    return FALSE;

  request = mp_request_new (id);
  mp_record_set_quiet (MP_RECORD (request), TRUE);
  mp_request_set_title (request, title);
  mp_request_set_kind (request, kind);
  mp_request_set_participants (request, (const char * const *) participants);
  mp_request_set_duration_minutes (request, duration);
  mp_request_set_priority (request, priority);
  mp_request_set_earliest (request, has_earliest ? &earliest : NULL);
  mp_request_set_latest (request, has_latest ? &latest : NULL);
  keep_extra (MP_RECORD (request), object, request_members);
  return add_record (r, request);
}

static gboolean
read_meeting (Reader     *r,
              const MpJsonValue *object,
              const char *where,
              const char *id)
{
  const char *title, *room, *notes, *request_id, *uid;
  int kind = MP_MEETING_KIND_OTHER;
  int status = MP_MEETING_STATUS_TENTATIVE;
  g_auto(GStrv) participants = NULL;
  g_auto(GStrv) topics = NULL;
  gboolean locked = FALSE, present;
  gint64 sequence = 0;
  MpTime start, end;
  GTimeZone *zone;
  MpMeeting *meeting;

  if (!read_string (r, object, where, "title", TRUE, &title) ||
      !read_enum (r, object, where, "kind", MP_TYPE_MEETING_KIND, &kind) ||
      !read_reference (r, object, where, "room", FALSE, MP_TYPE_ROOM, &room))
    return FALSE;

  zone = mp_plan_get_room_zone (r->plan, room);

  if (!read_time (r, object, where, "start", TRUE, zone, &start, &present) ||
      !read_time (r, object, where, "end", TRUE, zone, &end, &present) ||
      !check_span (r, where, "end", &start, &end, zone) ||
      !read_strv (r, object, where, "participants", MP_TYPE_PARTICIPANT, &participants) ||
      !read_enum (r, object, where, "status", MP_TYPE_MEETING_STATUS, &status) ||
      !read_strv (r, object, where, "topics", G_TYPE_INVALID, &topics) ||
      !read_string (r, object, where, "notes", FALSE, &notes) ||
      !read_bool (r, object, where, "locked", &locked) ||
      !read_reference (r, object, where, "request", FALSE, MP_TYPE_REQUEST, &request_id) ||
      !read_string (r, object, where, "uid", FALSE, &uid) ||
      !read_int (r, object, where, "sequence", FALSE, 0, G_MAXINT, &sequence))
    return FALSE;

  meeting = mp_meeting_new (id);
  mp_record_set_quiet (MP_RECORD (meeting), TRUE);
  mp_meeting_set_title (meeting, title);
  mp_meeting_set_kind (meeting, kind);
  mp_meeting_set_room (meeting, room);
  mp_meeting_set_start (meeting, &start);
  mp_meeting_set_end (meeting, &end);
  mp_meeting_set_participants (meeting, (const char * const *) participants);
  mp_meeting_set_status (meeting, status);
  mp_meeting_set_topics (meeting, (const char * const *) topics);
  mp_meeting_set_notes (meeting, notes);
  mp_meeting_set_locked (meeting, locked);
  mp_meeting_set_request (meeting, request_id);
  mp_meeting_set_uid (meeting, uid);
  mp_meeting_set_sequence (meeting, sequence);
  mp_meeting_set_rescheduled (meeting, FALSE);
  keep_extra (MP_RECORD (meeting), object, meeting_members);
  return add_record (r, meeting);
}

static gboolean
read_plan (Reader            *r,
           const MpJsonValue *root)
{
  const char *where = _("the plan");
  const char *format;
  gint64 version;
  JsonObject *extra;

  if (!read_string (r, root, where, "format", TRUE, &format))
    return FALSE;
  if (!g_str_equal (format, MP_PLAN_FILE_FORMAT))
    return fail (r, MP_PLAN_ERROR_FORMAT, where, "format",
                 _("“%s” is not a Ministerial plan (expected “%s”)"), format, MP_PLAN_FILE_FORMAT);

  if (!read_int (r, root, where, "version", TRUE, 1, G_MAXINT, &version))
    return FALSE;
  if (version > MP_PLAN_FILE_VERSION)
    return fail (r, MP_PLAN_ERROR_VERSION, where, "version",
                 _("the file is version %" PRId64 ", written by a newer Ministerial; this version reads version %d and older"),
                 version, MP_PLAN_FILE_VERSION);

  /* Referenced objects come before the objects that refer to them. */
  if (!read_conference (r, root) ||
      !read_collection (r, root, "venues", MP_TYPE_VENUE, TRUE, read_venue) ||
      !read_collection (r, root, "rooms", MP_TYPE_ROOM, TRUE, read_room) ||
      !read_collection (r, root, "travel", MP_TYPE_TRAVEL, FALSE, read_travel) ||
      !read_collection (r, root, "delegations", MP_TYPE_DELEGATION, TRUE, read_delegation) ||
      !read_collection (r, root, "participants", MP_TYPE_PARTICIPANT, TRUE, read_participant) ||
      !read_collection (r, root, "requests", MP_TYPE_REQUEST, TRUE, read_request) ||
      !read_collection (r, root, "meetings", MP_TYPE_MEETING, TRUE, read_meeting))
    return FALSE;

  /* The host is read once the delegations are there: it names one. */
  {
    const MpJsonValue *conference = mp_json_object_get (root, "conference");
    const char *host;

    if (!read_reference (r, conference, _("conference"), "host", FALSE, MP_TYPE_DELEGATION, &host))
      return FALSE;
    mp_conference_set_host (mp_plan_get_conference (r->plan), host);
  }

  extra = collect_extra (root, top_members);
  mp_plan_set_extra (r->plan, extra);
  g_clear_pointer (&extra, json_object_unref);
  return TRUE;
}

MpPlan *
mp_plan_file_load_data (const char  *data,
                        gsize        length,
                        const char  *display_name,
                        GError     **error)
{
  g_autoptr(MpJsonDocument) document = NULL;
  g_autoptr(MpPlan) plan = mp_plan_new ();
  Reader r = { display_name, plan, error };
  const MpJsonValue *root;
  g_autofree char *message = NULL;
  MpJsonPosition position;
  const char *invalid;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  if (!g_utf8_validate_len (data, length, &invalid))
    {
      guint line = 1, column = 1;

      /* Where, as json-glib counts: lines from 1, characters from 1. */
      for (const char *p = data; p < invalid; p = g_utf8_next_char (p))
        {
          column++;
          if (*p == '\n')
            {
              line++;
              column = 1;
            }
        }
      g_set_error (error, MP_PLAN_ERROR, MP_PLAN_ERROR_NOT_JSON,
                   _("%s:%u:%u: the file is not UTF-8 text"), display_name, line, column);
      return NULL;
    }

  document = mp_json_document_parse (data, length, &position, &message);
  if (document == NULL)
    {
      /* Translators: file:line:column: not valid JSON: what is wrong */
      g_set_error (error, MP_PLAN_ERROR, MP_PLAN_ERROR_NOT_JSON,
                   _("%s:%u:%u: not valid JSON: %s"), display_name,
                   position.line, position.column, message);
      return NULL;
    }

  root = mp_json_document_get_root (document);
  if (root == NULL)
    {
      g_set_error (error, MP_PLAN_ERROR, MP_PLAN_ERROR_NOT_JSON,
                   _("%s: the file is empty"), display_name);
      return NULL;
    }

  if (root->type != MP_JSON_OBJECT)
    {
      g_set_error (error, MP_PLAN_ERROR, MP_PLAN_ERROR_FORMAT,
                   _("%s: not a Ministerial plan: the file holds %s, not a JSON object"),
                   display_name, json_type_word (root));
      return NULL;
    }

  if (!read_plan (&r, root))
    return NULL;

  return g_steal_pointer (&plan);
}

/* The whole of a local file, in one read of the size it has. Returns an
 * errno value, 0 on success. */
static int
read_local (const char  *path,
            char       **data,
            gsize       *length)
{
  g_autofree char *buffer = NULL;
  GStatBuf st;
  gsize size, done = 0;
  int fd, saved_errno = 0;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    return errno;

  if (fstat (fd, &st) != 0)
    saved_errno = errno;
  else if (S_ISDIR (st.st_mode))
    saved_errno = EISDIR;
  else
    {
      /* The size is a hint: a file may grow or shrink as it is read. */
      size = st.st_size > 0 ? (gsize) st.st_size : 4096;
      buffer = g_malloc (size + 1);
      for (;;)
        {
          gssize n = read (fd, buffer + done, size - done);

          if (n < 0 && errno == EINTR)
            continue;
          if (n < 0)
            {
              saved_errno = errno;
              break;
            }
          if (n == 0)
            break;
          done += n;
          if (done == size)
            {
              size *= 2;
              buffer = g_realloc (buffer, size + 1);
            }
        }
    }
  close (fd);

  if (saved_errno != 0)
    return saved_errno;

  buffer[done] = '\0';
  *data = g_steal_pointer (&buffer);
  *length = done;
  return 0;
}

MpPlan *
mp_plan_file_load (GFile   *file,
                   GError **error)
{
  g_autofree char *data = NULL;
  g_autofree char *display = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  display = g_file_get_parse_name (file);
  path = g_file_get_path (file);

  if (path != NULL)
    {
      int saved_errno = read_local (path, &data, &length);

      if (saved_errno != 0)
        {
          g_set_error (error, MP_PLAN_ERROR, MP_PLAN_ERROR_IO,
                       "%s: %s", display, g_strerror (saved_errno));
          return NULL;
        }
    }
  else if (!g_file_load_contents (file, NULL, &data, &length, NULL, &local_error))
    {
      g_set_error (error, MP_PLAN_ERROR, MP_PLAN_ERROR_IO,
                   "%s: %s", display, local_error->message);
      return NULL;
    }

  return mp_plan_file_load_data (data, length, display, error);
}

/* Writing ------------------------------------------------------------- */

/* A JSON writer straight into a string, indented by two spaces, members
 * as "name": value. It has the calls of JsonBuilder, without building a
 * tree first: a save of a large plan took most of its time in the tree
 * and the generator. */
typedef struct
{
  GString *out;
  GArray  *counts;          /* values written so far, per open level */
  gboolean after_name;      /* a member name waits for its value */
} Writer;

static void
newline (Writer *w)
{
  g_string_append_c (w->out, '\n');
  for (guint i = 0; i < w->counts->len; i++)
    g_string_append_len (w->out, "  ", 2);
}

/* Separates a value from the one before it in its array or object. */
static void
value_begins (Writer *w)
{
  guint *count;

  if (w->after_name)
    {
      w->after_name = FALSE;
      return;
    }
  if (w->counts->len == 0)
    return;

  count = &g_array_index (w->counts, guint, w->counts->len - 1);
  if ((*count)++ > 0)
    g_string_append_c (w->out, ',');
  newline (w);
}

static void
write_escaped (Writer     *w,
               const char *text)
{
  const char *run = text;

  g_string_append_c (w->out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = *p;

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;

      g_string_append_len (w->out, run, p - run);
      run = p + 1;
      switch (c)
        {
        case '"':  g_string_append (w->out, "\\\""); break;
        case '\\': g_string_append (w->out, "\\\\"); break;
        case '\n': g_string_append (w->out, "\\n"); break;
        case '\t': g_string_append (w->out, "\\t"); break;
        case '\r': g_string_append (w->out, "\\r"); break;
        case '\b': g_string_append (w->out, "\\b"); break;
        case '\f': g_string_append (w->out, "\\f"); break;
        default:   g_string_append_printf (w->out, "\\u%04x", c); break;
        }
    }
  g_string_append (w->out, run);
  g_string_append_c (w->out, '"');
}

static void
w_set_member_name (Writer     *w,
                   const char *name)
{
  value_begins (w);
  write_escaped (w, name);
  g_string_append_len (w->out, ": ", 2);
  w->after_name = TRUE;
}

static void
w_begin (Writer *w,
         char    bracket)
{
  guint zero = 0;

  value_begins (w);
  g_string_append_c (w->out, bracket);
  g_array_append_val (w->counts, zero);
}

static void
w_end (Writer *w,
       char    bracket)
{
  guint count = g_array_index (w->counts, guint, w->counts->len - 1);

  g_array_set_size (w->counts, w->counts->len - 1);
  if (count > 0)
    newline (w);
  g_string_append_c (w->out, bracket);
}

#define w_begin_object(w) w_begin (w, '{')
#define w_end_object(w)   w_end (w, '}')
#define w_begin_array(w)  w_begin (w, '[')
#define w_end_array(w)    w_end (w, ']')

static void
w_add_string_value (Writer     *w,
                    const char *value)
{
  value_begins (w);
  write_escaped (w, value);
}

static void
w_add_int_value (Writer *w,
                 gint64  value)
{
  value_begins (w);
  g_string_append_printf (w->out, "%" G_GINT64_FORMAT, value);
}

static void
w_add_boolean_value (Writer   *w,
                     gboolean  value)
{
  value_begins (w);
  g_string_append (w->out, value ? "true" : "false");
}

/* Any JSON value, as read: for the members this version does not know. */
static void
w_add_node (Writer   *w,
            JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *name;
        JsonNode *member_node;

        w_begin_object (w);
        json_object_iter_init_ordered (&iter, json_node_get_object (node));
        while (json_object_iter_next_ordered (&iter, &name, &member_node))
          {
            w_set_member_name (w, name);
            w_add_node (w, member_node);
          }
        w_end_object (w);
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        w_begin_array (w);
        for (guint i = 0; i < json_array_get_length (array); i++)
          w_add_node (w, json_array_get_element (array, i));
        w_end_array (w);
      }
      break;

    case JSON_NODE_NULL:
      value_begins (w);
      g_string_append (w->out, "null");
      break;

    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          w_add_string_value (w, json_node_get_string (node));
          break;

        case G_TYPE_BOOLEAN:
          w_add_boolean_value (w, json_node_get_boolean (node));
          break;

        case G_TYPE_DOUBLE:
          {
            char buffer[G_ASCII_DTOSTR_BUF_SIZE];

            value_begins (w);
            g_string_append (w->out, g_ascii_dtostr (buffer, sizeof buffer, json_node_get_double (node)));
          }
          break;

        default:
          w_add_int_value (w, json_node_get_int (node));
          break;
        }
      break;
    }
}

static void
add_string (Writer      *b,
            const char  *name,
            const char  *value)
{
  if (value == NULL)
    return;
  w_set_member_name (b, name);
  w_add_string_value (b, value);
}

static void
add_int (Writer      *b,
         const char  *name,
         gint64       value)
{
  w_set_member_name (b, name);
  w_add_int_value (b, value);
}

static void
add_enum (Writer      *b,
          const char  *name,
          GType        type,
          int          value)
{
  add_string (b, name, mp_enum_to_nick (type, value));
}

static void
add_strv (Writer             *b,
          const char         *name,
          const char * const *values)
{
  if (values == NULL || values[0] == NULL)
    return;
  w_set_member_name (b, name);
  w_begin_array (b);
  for (guint i = 0; values[i] != NULL; i++)
    w_add_string_value (b, values[i]);
  w_end_array (b);
}

static void
add_time (Writer       *b,
          const char   *name,
          const MpTime *time)
{
  g_autofree char *text = NULL;

  if (time == NULL)
    return;
  text = mp_time_to_string (time);
  add_string (b, name, text);
}

static void
add_extra (Writer      *b,
           JsonObject  *extra)
{
  g_autoptr(GList) names = NULL;

  if (extra == NULL)
    return;

  names = json_object_get_members (extra);
  for (const GList *l = names; l != NULL; l = l->next)
    {
      w_set_member_name (b, l->data);
      w_add_node (b, json_object_get_member (extra, l->data));
    }
}

static void
write_conference (Writer       *b,
                  MpConference *c)
{
  g_autofree char *start = mp_date_to_string (mp_conference_get_start_date (c));
  g_autofree char *end = mp_date_to_string (mp_conference_get_end_date (c));
  g_autofree char *day_start = mp_clock_to_string (mp_conference_get_day_start (c));
  g_autofree char *day_end = mp_clock_to_string (mp_conference_get_day_end (c));

  w_set_member_name (b, "conference");
  w_begin_object (b);
  add_string (b, "title", mp_conference_get_title (c));
  add_string (b, "time_zone", mp_conference_get_time_zone (c));
  add_string (b, "start_date", start);
  add_string (b, "end_date", end);
  add_string (b, "host", mp_conference_get_host (c));
  add_string (b, "day_start", day_start);
  add_string (b, "day_end", day_end);
  add_int (b, "slot_minutes", mp_conference_get_slot_minutes (c));
  add_int (b, "turnover_minutes", mp_conference_get_turnover_minutes (c));
  add_int (b, "buffer_minutes", mp_conference_get_buffer_minutes (c));
  add_string (b, "notes", mp_conference_get_notes (c));
  add_extra (b, mp_record_get_extra (MP_RECORD (c)));
  w_end_object (b);
}

static void
write_venue (Writer      *b,
             gpointer     item)
{
  MpVenue *venue = item;

  add_string (b, "name", mp_venue_get_name (venue));
  add_string (b, "address", mp_venue_get_address (venue));
  add_string (b, "time_zone", mp_venue_get_time_zone (venue));
}

static void
write_room (Writer      *b,
            gpointer     item)
{
  MpRoom *room = item;
  guint kinds = mp_room_get_kinds (room);

  add_string (b, "name", mp_room_get_name (room));
  add_string (b, "venue", mp_room_get_venue (room));
  if (mp_room_get_capacity (room) > 0)
    add_int (b, "capacity", mp_room_get_capacity (room));
  if (kinds != 0)
    {
      w_set_member_name (b, "kinds");
      w_begin_array (b);
      for (int kind = 0; kind < MP_N_MEETING_KINDS; kind++)
        if (kinds & (1u << kind))
          w_add_string_value (b, mp_enum_to_nick (MP_TYPE_MEETING_KIND, kind));
      w_end_array (b);
    }
}

static void
write_travel (Writer      *b,
              gpointer     item)
{
  MpTravel *travel = item;

  add_string (b, "from", mp_travel_get_from (travel));
  add_string (b, "to", mp_travel_get_to (travel));
  add_int (b, "minutes", mp_travel_get_minutes (travel));
}

static void
write_delegation (Writer      *b,
                  gpointer     item)
{
  MpDelegation *delegation = item;

  add_string (b, "name", mp_delegation_get_name (delegation));
  add_string (b, "country", mp_delegation_get_country (delegation));
  if (mp_delegation_get_precedence (delegation) != G_MAXINT)
    add_int (b, "precedence", mp_delegation_get_precedence (delegation));
  add_string (b, "home_time_zone", mp_delegation_get_home_time_zone (delegation));
}

static void
write_participant (Writer      *b,
                   gpointer     item)
{
  MpParticipant *participant = item;
  GArray *windows = mp_participant_get_available (participant);

  add_string (b, "name", mp_participant_get_name (participant));
  add_string (b, "delegation", mp_participant_get_delegation (participant));
  add_string (b, "title", mp_participant_get_title (participant));
  add_string (b, "organization", mp_participant_get_organization (participant));
  add_enum (b, "role", MP_TYPE_ROLE, mp_participant_get_role (participant));
  add_string (b, "email", mp_participant_get_email (participant));

  if (windows != NULL)
    {
      w_set_member_name (b, "available");
      w_begin_array (b);
      for (guint i = 0; i < windows->len; i++)
        {
          MpInterval *window = &g_array_index (windows, MpInterval, i);

          w_begin_object (b);
          add_time (b, "start", &window->start);
          add_time (b, "end", &window->end);
          add_extra (b, window->extra);
          w_end_object (b);
        }
      w_end_array (b);
    }
}

static void
write_meeting (Writer      *b,
               gpointer     item)
{
  MpMeeting *meeting = item;

  add_string (b, "title", mp_meeting_get_title (meeting));
  add_enum (b, "kind", MP_TYPE_MEETING_KIND, mp_meeting_get_kind (meeting));
  add_time (b, "start", mp_meeting_get_start (meeting));
  add_time (b, "end", mp_meeting_get_end (meeting));
  add_string (b, "room", mp_meeting_get_room (meeting));
  add_strv (b, "participants", mp_meeting_get_participants (meeting));
  add_enum (b, "status", MP_TYPE_MEETING_STATUS, mp_meeting_get_status (meeting));
  add_strv (b, "topics", mp_meeting_get_topics (meeting));
  add_string (b, "notes", mp_meeting_get_notes (meeting));
  if (mp_meeting_get_locked (meeting))
    {
      w_set_member_name (b, "locked");
      w_add_boolean_value (b, TRUE);
    }
  add_string (b, "request", mp_meeting_get_request (meeting));
  add_string (b, "uid", mp_meeting_get_uid (meeting));
  add_int (b, "sequence", mp_meeting_get_sequence (meeting));
}

static void
write_request (Writer      *b,
               gpointer     item)
{
  MpRequest *request = item;

  add_string (b, "title", mp_request_get_title (request));
  add_enum (b, "kind", MP_TYPE_MEETING_KIND, mp_request_get_kind (request));
  add_strv (b, "participants", mp_request_get_participants (request));
  add_int (b, "duration_minutes", mp_request_get_duration_minutes (request));
  add_enum (b, "priority", MP_TYPE_PRIORITY, mp_request_get_priority (request));
  add_time (b, "earliest", mp_request_get_earliest (request));
  add_time (b, "latest", mp_request_get_latest (request));
}

static void
write_collection (Writer      *b,
                  const char  *name,
                  GListModel  *model,
                  void       (*write_item) (Writer *, gpointer))
{
  guint n = g_list_model_get_n_items (model);

  if (n == 0)
    return;

  w_set_member_name (b, name);
  w_begin_array (b);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MpRecord) record = g_list_model_get_item (model, i);

      w_begin_object (b);
      add_string (b, "id", mp_record_get_id (record));
      write_item (b, record);
      add_extra (b, mp_record_get_extra (record));
      w_end_object (b);
    }
  w_end_array (b);
}

void
mp_plan_file_prepare (MpPlan *plan)
{
  GListModel *meetings;

  g_return_if_fail (MP_IS_PLAN (plan));

  meetings = mp_plan_get_meetings (plan);
  for (guint i = 0; i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(MpMeeting) meeting = g_list_model_get_item (meetings, i);

      if (mp_meeting_get_uid (meeting) == NULL)
        {
          g_autofree char *uuid = g_uuid_string_random ();
          g_autofree char *uid = g_strconcat (uuid, "@ministerial", NULL);

          /* Never sent yet: its first calendar is sequence 0. */
          mp_meeting_set_uid (meeting, uid);
        }
      else if (mp_meeting_get_rescheduled (meeting))
        mp_meeting_set_sequence (meeting, mp_meeting_get_sequence (meeting) + 1);

      mp_meeting_set_rescheduled (meeting, FALSE);
    }
}

char *
mp_plan_file_to_data (MpPlan *plan,
                      gsize  *length)
{
  g_autoptr(GArray) counts = g_array_new (FALSE, FALSE, sizeof (guint));
  Writer writer = { NULL, counts, FALSE };
  Writer *b = &writer;

  g_return_val_if_fail (MP_IS_PLAN (plan), NULL);

  /* About 600 bytes a meeting. */
  writer.out = g_string_sized_new (4096 + 640 * g_list_model_get_n_items (mp_plan_get_meetings (plan)));

  w_begin_object (b);
  add_string (b, "format", MP_PLAN_FILE_FORMAT);
  add_int (b, "version", MP_PLAN_FILE_VERSION);
  write_conference (b, mp_plan_get_conference (plan));
  write_collection (b, "venues", mp_plan_get_venues (plan), write_venue);
  write_collection (b, "rooms", mp_plan_get_rooms (plan), write_room);
  write_collection (b, "travel", mp_plan_get_travel (plan), write_travel);
  write_collection (b, "delegations", mp_plan_get_delegations (plan), write_delegation);
  write_collection (b, "participants", mp_plan_get_participants (plan), write_participant);
  write_collection (b, "meetings", mp_plan_get_meetings (plan), write_meeting);
  write_collection (b, "requests", mp_plan_get_requests (plan), write_request);
  add_extra (b, mp_plan_get_extra (plan));
  w_end_object (b);
  g_string_append_c (writer.out, '\n');

  if (length != NULL)
    *length = writer.out->len;
  return g_string_free (writer.out, FALSE);
}

/* NAME~ becomes the file as it is now: a second name for it when the file
 * system allows, else a copy. */
static gboolean
keep_backup (const char  *path,
             GError     **error)
{
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autofree char *old = NULL;
  gsize length;

  if (g_unlink (backup) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("could not replace the backup %s: %s"), backup, g_strerror (saved_errno));
      return FALSE;
    }

  if (link (path, backup) == 0)
    return TRUE;

  if (!g_file_get_contents (path, &old, &length, error))
    return FALSE;
  return g_file_set_contents_full (backup, old, length, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

gboolean
mp_plan_file_save (MpPlan  *plan,
                   GFile   *file,
                   GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *path = NULL;
  gsize length;
  GStatBuf st;
  int mode = 0600;
  gboolean ok;

  g_return_val_if_fail (MP_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  mp_plan_file_prepare (plan);
  data = mp_plan_file_to_data (plan, &length);
  path = g_file_get_path (file);

  /* A link stays a link: the file it names is the one replaced. */
  if (path != NULL && g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      char *target = realpath (path, NULL);

      if (target != NULL)
        {
          g_free (path);
          path = g_strdup (target);
          free (target);
        }
    }

  if (path == NULL)
    /* Not a local file: GIO's replace is the best there is. */
    ok = g_file_replace_contents (file, data, length, NULL, TRUE,
                                  G_FILE_CREATE_PRIVATE, NULL, NULL, &local_error);
  else
    {
      /* g_file_replace_contents () renames its temporary file over the
       * plan even when a write failed (a full disk): the plan would be
       * cut short. g_file_set_contents_full () writes a temporary file,
       * syncs it and renames it only when all went well. The previous
       * version is kept as NAME~; a replaced file keeps its mode, a new
       * one is its owner's only. */
      gboolean existed = g_stat (path, &st) == 0;

      if (existed)
        {
          mode = st.st_mode & 07777;
          ok = keep_backup (path, &local_error);
        }
      else
        ok = TRUE;

      ok = ok && g_file_set_contents_full (path, data, length, G_FILE_SET_CONTENTS_CONSISTENT,
                                           mode, &local_error);
      /* The umask trimmed the mode of the new file: give the old one back. */
      if (ok && existed)
        g_chmod (path, mode);
    }

  if (!ok)
    {
      g_autofree char *display = g_file_get_parse_name (file);

      g_set_error (error, MP_PLAN_ERROR, MP_PLAN_ERROR_IO,
                   _("Could not save %s: %s"), display, local_error->message);
      return FALSE;
    }

  return TRUE;
}
