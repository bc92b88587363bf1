/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mp-ics"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <libical/ical.h>

#include "mp-ics.h"

/* Attendees without an email get a name-based UUID (RFC 4122, version 5)
 * of the conference's title and their id, in this namespace, written as
 * urn:uuid:…: a valid CAL-ADDRESS that stays the same from one export to
 * the next, and one that no mail client will try to send to. */
static const guint8 attendee_namespace[16] = {
  0x5b, 0x0e, 0x8a, 0x3c, 0x71, 0x2d, 0x4f, 0x1e,
  0x9c, 0x44, 0x0b, 0x6a, 0xd2, 0x87, 0x13, 0x59,
};

#define TOPIC_PROPERTY "X-MINISTERIAL-TOPIC"

/* Every line of a calendar is libical's serialisation of a libical
 * property (icalproperty_as_ical_string_r: escaping, parameter quoting,
 * folding). The lines many events share — DTSTAMP, ORGANIZER, each
 * person's ATTENDEE, each room's LOCATION, CATEGORIES, STATUS — are made
 * once per exporter, each meeting's VEVENT once, each zone's VTIMEZONE
 * once; a calendar is then their concatenation. */
struct _MpIcsExporter
{
  MpPlan      *plan;
  GPtrArray   *meetings;        /* MpMeeting, plan order */
  int          first_year;
  int          last_year;

  /* Zones used, in order of first use: VTIMEZONE text, "" when libical
   * does not know the zone (its meetings are then written in UTC). */
  GPtrArray   *zone_names;
  GPtrArray   *zone_texts;
  GArray      *meeting_zone;    /* int per meeting: index in zone_names */

  GPtrArray   *events;          /* per meeting: VEVENT text, or NULL */
  GHashTable  *by_participant;  /* participant id → GArray of positions */

  char        *stamp_line;
  char        *organizer_line;
  GHashTable  *attendee_lines;  /* participant id → ATTENDEE line */
  GHashTable  *location_lines;  /* room id → LOCATION line */
  char        *kind_lines[MP_N_MEETING_KINDS];
  char        *status_lines[MP_MEETING_STATUS_CANCELLED + 1];
  char        *sequence_lines[16];
  /* Meetings start and end on the slot grid: DTSTART and DTEND lines by
   * time and zone (time_key ()). */
  GHashTable  *start_lines;
  GHashTable  *end_lines;
};

G_DEFINE_QUARK (mp-ics-error-quark, mp_ics_error)

/* Days since 1970-01-01 to a civil date (H. Hinnant's algorithm). */
static icaltimetype
icaltime_from_wall (gint64 wall)
{
  icaltimetype tt = icaltime_null_time ();
  gint64 days = wall >= 0 ? wall / MP_SECONDS_PER_DAY : -((-wall + MP_SECONDS_PER_DAY - 1) / MP_SECONDS_PER_DAY);
  int secs = (int) (wall - days * MP_SECONDS_PER_DAY);
  gint64 z = days + 719468;
  gint64 era = (z >= 0 ? z : z - 146096) / 146097;
  gint64 doe = z - era * 146097;
  gint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  gint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  gint64 mp = (5 * doy + 2) / 153;

  tt.day = (int) (doy - (153 * mp + 2) / 5 + 1);
  tt.month = (int) (mp < 10 ? mp + 3 : mp - 9);
  tt.year = (int) (yoe + era * 400 + (tt.month <= 2));
  tt.hour = secs / 3600;
  tt.minute = secs / 60 % 60;
  tt.second = secs % 60;
  return tt;
}

/* The wall clock of a meeting's time in its zone. A local time is its own
 * wall clock (the plan and RFC 5545 both read a folded time as its first
 * occurrence); an absolute one is converted, and refused (FALSE) when the
 * wall clock would name another instant: the second pass through a fold. */
static gboolean
wall_of (const MpTime *time,
         gint64        instant,
         GTimeZone    *zone,
         gint64       *wall)
{
  MpTime local;

  if (!time->absolute)
    {
      *wall = time->wall;
      return TRUE;
    }

  *wall = mp_wall_from_instant (instant, zone);
  local = mp_time_from_wall (*wall);
  return mp_time_instant (&local, zone) == instant;
}

static const char *
zone_identifier (GTimeZone *zone)
{
  return zone != NULL ? g_time_zone_get_identifier (zone) : "UTC";
}

/* libical's VTIMEZONE for name, from tzdata, with the plain IANA name as
 * its TZID (libical prefixes it with /freeassociation.sourceforge.net/,
 * which Python's icalendar cannot read) and trimmed to the plan's years. */
static char *
make_vtimezone (const char *name,
                int         first_year,
                int         last_year)
{
  icaltimezone *builtin;
  icalcomponent *vtz;
  icalproperty *tzid;
  icaltimetype start = icaltime_null_time ();
  icaltimetype end = icaltime_null_time ();
  char *text;

  if (g_str_equal (name, "UTC") || g_str_equal (name, "Etc/UTC"))
    return g_strdup ("");

  builtin = icaltimezone_get_builtin_timezone (name);
  if (builtin == NULL || icaltimezone_get_component (builtin) == NULL)
    return g_strdup ("");

  vtz = icalcomponent_new_clone (icaltimezone_get_component (builtin));
  tzid = icalcomponent_get_first_property (vtz, ICAL_TZID_PROPERTY);
  icalproperty_set_tzid (tzid, name);

  start.year = first_year;
  start.month = start.day = 1;
  start.zone = icaltimezone_get_utc_timezone ();
  end = start;
  end.year = last_year + 1;
  icaltimezone_truncate_vtimezone (vtz, start, end, FALSE);

  text = icalcomponent_as_ical_string_r (vtz);
  icalcomponent_free (vtz);
  return text;
}

static int
intern_zone (MpIcsExporter *self,
             const char    *name)
{
  for (guint i = 0; i < self->zone_names->len; i++)
    if (g_str_equal (g_ptr_array_index (self->zone_names, i), name))
      return i;

  g_ptr_array_add (self->zone_names, g_strdup (name));
  g_ptr_array_add (self->zone_texts, NULL);   /* made when first needed */
  return self->zone_names->len - 1;
}

static const char *
get_zone_text (MpIcsExporter *self,
               int            index)
{
  if (g_ptr_array_index (self->zone_texts, index) == NULL)
    g_ptr_array_index (self->zone_texts, index) =
      make_vtimezone (g_ptr_array_index (self->zone_names, index),
                      self->first_year, self->last_year);

  return g_ptr_array_index (self->zone_texts, index);
}

static int
year_of (const MpTime *time,
         gint64        instant,
         GTimeZone    *zone)
{
  gint64 wall = time->absolute ? mp_wall_from_instant (instant, zone) : time->wall;

  return icaltime_from_wall (wall).year;
}

static void
index_meetings (MpIcsExporter *self)
{
  GListModel *model = mp_plan_get_meetings (self->plan);
  guint n = g_list_model_get_n_items (model);
  MpConference *conference = mp_plan_get_conference (self->plan);
  GTimeZone *last_zone = NULL;
  int last_index = -1;

  self->first_year = icaltime_from_wall (mp_conference_get_start_date (conference) * MP_SECONDS_PER_DAY).year;
  self->last_year = icaltime_from_wall (mp_conference_get_end_date (conference) * MP_SECONDS_PER_DAY).year;

  for (guint i = 0; i < n; i++)
    {
      MpMeeting *meeting = g_list_model_get_item (model, i);
      GTimeZone *zone = mp_meeting_get_time_zone (meeting);

      /* Meetings mostly share a zone: spare the lookup. */
      if (zone != last_zone || last_index < 0)
        {
          last_index = intern_zone (self, zone_identifier (zone));
          last_zone = zone;
        }

      g_ptr_array_add (self->meetings, meeting);
      g_array_append_val (self->meeting_zone, last_index);
      self->first_year = MIN (self->first_year, year_of (mp_meeting_get_start (meeting),
                                                         mp_meeting_get_start_instant (meeting), zone));
      self->last_year = MAX (self->last_year, year_of (mp_meeting_get_end (meeting),
                                                       mp_meeting_get_end_instant (meeting), zone));
    }

  g_ptr_array_set_size (self->events, n);
}

/* Each person's meetings, by position; made when a calendar first needs
 * them. */
static GHashTable *
get_by_participant (MpIcsExporter *self)
{
  if (self->by_participant != NULL)
    return self->by_participant;

  self->by_participant = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                (GDestroyNotify) g_array_unref);
  for (guint i = 0; i < self->meetings->len; i++)
    {
      const char * const *participants = mp_meeting_get_participants (g_ptr_array_index (self->meetings, i));

      for (guint j = 0; participants != NULL && participants[j] != NULL; j++)
        {
          GArray *positions = g_hash_table_lookup (self->by_participant, participants[j]);

          if (positions == NULL)
            {
              positions = g_array_new (FALSE, FALSE, sizeof (guint));
              g_hash_table_insert (self->by_participant, (char *) participants[j], positions);
            }
          /* A participant listed twice in one meeting counts once. */
          if (positions->len == 0 || g_array_index (positions, guint, positions->len - 1) != i)
            g_array_append_val (positions, i);
        }
    }

  return self->by_participant;
}

/* The property's line, as libical writes it; the property is freed. */
static char *
take_line (icalproperty *prop)
{
  char *line = icalproperty_as_ical_string_r (prop);

  icalproperty_free (prop);
  return line;
}

static void
append_line (GString      *out,
             icalproperty *prop)
{
  char *line = icalproperty_as_ical_string_r (prop);

  g_string_append (out, line);
  icalmemory_free_buffer (line);
  icalproperty_free (prop);
}

static char *
uuid5_address (const char *conference,
               const char *participant_id)
{
  g_autoptr(GChecksum) sha1 = g_checksum_new (G_CHECKSUM_SHA1);
  static const char hex[] = "0123456789abcdef";
  guint8 digest[20];
  gsize length = sizeof digest;
  char *address, *p;

  g_checksum_update (sha1, attendee_namespace, sizeof attendee_namespace);
  g_checksum_update (sha1, (const guchar *) conference, -1);
  g_checksum_update (sha1, (const guchar *) "\n", 1);
  g_checksum_update (sha1, (const guchar *) participant_id, -1);
  g_checksum_get_digest (sha1, digest, &length);

  digest[6] = (digest[6] & 0x0f) | 0x50;
  digest[8] = (digest[8] & 0x3f) | 0x80;

  /* urn:uuid:xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx */
  address = g_malloc (9 + 36 + 1);
  memcpy (address, "urn:uuid:", 9);
  p = address + 9;
  for (guint i = 0; i < 16; i++)
    {
      if (i == 4 || i == 6 || i == 8 || i == 10)
        *p++ = '-';
      *p++ = hex[digest[i] >> 4];
      *p++ = hex[digest[i] & 0xf];
    }
  *p = '\0';
  return address;
}

/* RFC 5546 wants an ORGANIZER in a published event: the host delegation
 * (else the conference), with an address made like an attendee's. */
static char *
make_organizer_line (MpPlan *plan)
{
  MpConference *conference = mp_plan_get_conference (plan);
  const char *title = mp_conference_get_title (conference);
  const char *host = mp_conference_get_host (conference);
  MpDelegation *delegation = host != NULL ? mp_plan_get_delegation (plan, host) : NULL;
  g_autofree char *address = uuid5_address (title, "");
  icalproperty *organizer = icalproperty_new_organizer (address);

  icalproperty_add_parameter (organizer, icalparameter_new_cn (delegation != NULL ? mp_delegation_get_name (delegation)
                                                                                  : title));
  return take_line (organizer);
}

static icalparameter_role
role_for (MpRole role)
{
  switch (role)
    {
    case MP_ROLE_PRINCIPAL:
    case MP_ROLE_DELEGATE:
      return ICAL_ROLE_REQPARTICIPANT;
    case MP_ROLE_STAFF:
    case MP_ROLE_INTERPRETER:
      return ICAL_ROLE_OPTPARTICIPANT;
    case MP_ROLE_PRESS:
    case MP_ROLE_SECURITY:
      return ICAL_ROLE_NONPARTICIPANT;
    default:
      return ICAL_ROLE_REQPARTICIPANT;
    }
}

static icalproperty_status
status_for (MpMeetingStatus status)
{
  switch (status)
    {
    case MP_MEETING_STATUS_CONFIRMED:
      return ICAL_STATUS_CONFIRMED;
    case MP_MEETING_STATUS_CANCELLED:
      return ICAL_STATUS_CANCELLED;
    case MP_MEETING_STATUS_TENTATIVE:
    default:
      return ICAL_STATUS_TENTATIVE;
    }
}

/* CN, CUTYPE, ROLE, and mailto: or urn:uuid: (above). */
static const char *
get_attendee_line (MpIcsExporter *self,
                   MpParticipant *participant)
{
  const char *id = mp_record_get_id (MP_RECORD (participant));
  char *line = g_hash_table_lookup (self->attendee_lines, id);

  if (line == NULL)
    {
      const char *email = mp_participant_get_email (participant);
      g_autofree char *address = NULL;
      icalproperty *attendee;

      if (email != NULL && email[0] != '\0')
        address = g_strconcat ("mailto:", email, NULL);
      else
        address = uuid5_address (mp_conference_get_title (mp_plan_get_conference (self->plan)), id);

      attendee = icalproperty_new_attendee (address);
      icalproperty_add_parameter (attendee, icalparameter_new_cn (mp_participant_get_name (participant)));
      icalproperty_add_parameter (attendee, icalparameter_new_cutype (ICAL_CUTYPE_INDIVIDUAL));
      icalproperty_add_parameter (attendee, icalparameter_new_role (role_for (mp_participant_get_role (participant))));
      line = take_line (attendee);
      g_hash_table_insert (self->attendee_lines, (char *) id, line);
    }

  return line;
}

/* Room, venue, address. */
static const char *
get_location_line (MpIcsExporter *self,
                   MpMeeting     *meeting)
{
  const char *room_id = mp_meeting_get_room (meeting);
  MpRoom *room;
  MpVenue *venue;
  const char *parts[4] = { NULL };
  guint n = 0;
  char *line;

  if (room_id == NULL || (room = mp_plan_get_room (self->plan, room_id)) == NULL)
    return NULL;
  if ((line = g_hash_table_lookup (self->location_lines, room_id)) != NULL)
    return line;

  venue = mp_plan_get_meeting_venue (self->plan, meeting);
  if (mp_room_get_name (room) != NULL)
    parts[n++] = mp_room_get_name (room);
  if (venue != NULL && mp_venue_get_name (venue) != NULL)
    parts[n++] = mp_venue_get_name (venue);
  if (venue != NULL && mp_venue_get_address (venue) != NULL)
    parts[n++] = mp_venue_get_address (venue);
  if (n == 0)
    return NULL;

  {
    g_autofree char *location = g_strjoinv (", ", (char **) parts);

    line = take_line (icalproperty_new_location (location));
  }
  g_hash_table_insert (self->location_lines, (char *) room_id, line);
  return line;
}

/* The topics as a list, one line each, then a blank line and the notes.
 * The import reads the topics back from X-MINISTERIAL-TOPIC, and the notes
 * after the first blank line. */
static char *
make_description (MpMeeting *meeting)
{
  const char * const *topics = mp_meeting_get_topics (meeting);
  const char *notes = mp_meeting_get_notes (meeting);
  GString *text;

  if ((topics == NULL || topics[0] == NULL) && (notes == NULL || notes[0] == '\0'))
    return NULL;

  text = g_string_new (NULL);
  if (topics != NULL && topics[0] != NULL)
    {
      g_string_append (text, _("Topics:"));
      for (guint i = 0; topics[i] != NULL; i++)
        {
          g_autofree char *line = g_strdup (topics[i]);

          g_string_append_printf (text, "\n• %s", g_strdelimit (line, "\r\n", ' '));
        }
    }
  if (notes != NULL && notes[0] != '\0')
    {
      if (text->len > 0)
        g_string_append (text, "\n\n");
      g_string_append (text, notes);
    }

  return g_string_free (text, FALSE);
}

/* DTSTART or DTEND as the venue's wall clock with a plain TZID, or in UTC
 * (no VTIMEZONE for the zone, or the second pass through a fold). */
static const char *
get_time_line (MpIcsExporter     *self,
               icalproperty_kind  kind,
               const MpTime      *time,
               gint64             instant,
               int                zone_index,
               const char        *tzid)
{
  GHashTable *lines = kind == ICAL_DTSTART_PROPERTY ? self->start_lines : self->end_lines;
  GTimeZone *zone = NULL;
  gint64 wall = 0;
  gboolean zoned;
  gint64 key;
  char *line;
  icaltimetype tt;
  icalproperty *prop;

  if (tzid != NULL)
    {
      zone = mp_plan_get_zone (self->plan, tzid);
      zoned = wall_of (time, instant, zone, &wall);
    }
  else
    zoned = FALSE;

  /* The wall clock and the zone, or the instant in UTC, in one key. */
  key = zoned ? wall * 256 + zone_index + 1 : instant * 256;
  if ((line = g_hash_table_lookup (lines, &key)) != NULL)
    return line;

  if (zoned)
    tt = icaltime_from_wall (wall);
  else
    {
      tt = icaltime_from_wall (instant);
      tt.zone = icaltimezone_get_utc_timezone ();
    }

  prop = kind == ICAL_DTSTART_PROPERTY ? icalproperty_new_dtstart (tt)
                                       : icalproperty_new_dtend (tt);
  /* With a zoned time, icalproperty_new_dtstart () writes a floating one:
   * the TZID goes in by hand. */
  if (zoned)
    icalproperty_add_parameter (prop, icalparameter_new_tzid (tzid));

  line = take_line (prop);
  g_hash_table_insert (lines, g_memdup2 (&key, sizeof key), line);
  return line;
}

static gboolean
listed_before (const char * const *ids,
               guint               i)
{
  for (guint j = 0; j < i; j++)
    if (g_str_equal (ids[j], ids[i]))
      return TRUE;
  return FALSE;
}

/* The meeting's VEVENT, appended to out. */
static void
append_event (MpIcsExporter *self,
              guint          position,
              GString       *out)
{
  MpMeeting *meeting = g_ptr_array_index (self->meetings, position);
  int zone_index = g_array_index (self->meeting_zone, int, position);
  const char *zone_text = get_zone_text (self, zone_index);
  const char *tzid = zone_text[0] != '\0' ? g_ptr_array_index (self->zone_names, zone_index) : NULL;
  const char * const *participants = mp_meeting_get_participants (meeting);
  const char * const *topics = mp_meeting_get_topics (meeting);
  const char *location = get_location_line (self, meeting);
  g_autofree char *description = make_description (meeting);
  g_autofree char *fallback_uid = NULL;
  const char *uid = mp_meeting_get_uid (meeting);
  MpMeetingKind kind = mp_meeting_get_kind (meeting);
  MpMeetingStatus status = mp_meeting_get_status (meeting);
  int sequence = mp_meeting_get_sequence (meeting);

  /* mp_plan_file_prepare () gives every meeting a uid; without it, the
   * calendar still needs one. */
  if (uid == NULL)
    uid = fallback_uid = g_strconcat (mp_record_get_id (MP_RECORD (meeting)), "@ministerial.invalid", NULL);

  if (self->kind_lines[kind] == NULL)
    self->kind_lines[kind] = take_line (icalproperty_new_categories (mp_meeting_kind_label (kind)));
  if (self->status_lines[status] == NULL)
    self->status_lines[status] = take_line (icalproperty_new_status (status_for (status)));

  g_string_append (out, "BEGIN:VEVENT\r\n");
  append_line (out, icalproperty_new_uid (uid));
  g_string_append (out, self->stamp_line);
  g_string_append (out, get_time_line (self, ICAL_DTSTART_PROPERTY, mp_meeting_get_start (meeting),
                                       mp_meeting_get_start_instant (meeting), zone_index, tzid));
  g_string_append (out, get_time_line (self, ICAL_DTEND_PROPERTY, mp_meeting_get_end (meeting),
                                       mp_meeting_get_end_instant (meeting), zone_index, tzid));
  append_line (out, icalproperty_new_summary (mp_meeting_get_title (meeting)));
  if (location != NULL)
    g_string_append (out, location);
  if (description != NULL)
    append_line (out, icalproperty_new_description (description));
  g_string_append (out, self->kind_lines[kind]);
  g_string_append (out, self->status_lines[status]);
  if (sequence >= 0 && sequence < (int) G_N_ELEMENTS (self->sequence_lines))
    {
      if (self->sequence_lines[sequence] == NULL)
        self->sequence_lines[sequence] = take_line (icalproperty_new_sequence (sequence));
      g_string_append (out, self->sequence_lines[sequence]);
    }
  else
    append_line (out, icalproperty_new_sequence (sequence));
  g_string_append (out, self->organizer_line);

  for (guint i = 0; participants != NULL && participants[i] != NULL; i++)
    {
      MpParticipant *participant = mp_plan_get_participant (self->plan, participants[i]);

      if (participant != NULL && !listed_before (participants, i))
        g_string_append (out, get_attendee_line (self, participant));
    }

  for (guint i = 0; topics != NULL && topics[i] != NULL; i++)
    {
      icalproperty *topic = icalproperty_new_x (topics[i]);

      icalproperty_set_x_name (topic, TOPIC_PROPERTY);
      append_line (out, topic);
    }

  g_string_append (out, "END:VEVENT\r\n");
}

static const char *
get_event_text (MpIcsExporter *self,
                guint          position)
{
  char **text = (char **) &g_ptr_array_index (self->events, position);

  if (*text == NULL)
    {
      GString *event = g_string_sized_new (1024);

      append_event (self, position, event);
      *text = g_string_free (event, FALSE);
    }

  return *text;
}

MpIcsExporter *
mp_ics_exporter_new (MpPlan *plan)
{
  MpIcsExporter *self;

  g_return_val_if_fail (MP_IS_PLAN (plan), NULL);

  self = g_new0 (MpIcsExporter, 1);
  self->plan = g_object_ref (plan);
  self->meetings = g_ptr_array_new_with_free_func (g_object_unref);
  self->zone_names = g_ptr_array_new_with_free_func (g_free);
  self->zone_texts = g_ptr_array_new_with_free_func (g_free);
  self->meeting_zone = g_array_new (FALSE, FALSE, sizeof (int));
  self->events = g_ptr_array_new_with_free_func (g_free);
  self->attendee_lines = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, icalmemory_free_buffer);
  self->location_lines = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, icalmemory_free_buffer);
  self->start_lines = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, icalmemory_free_buffer);
  self->end_lines = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, icalmemory_free_buffer);
  index_meetings (self);
  self->organizer_line = make_organizer_line (plan);
  mp_ics_exporter_set_stamp (self, g_get_real_time () / G_USEC_PER_SEC);

  return self;
}

void
mp_ics_exporter_free (MpIcsExporter *self)
{
  if (self == NULL)
    return;

  /* The tables' keys belong to the meetings, the participants and the
   * rooms: free the tables first. */
  g_clear_pointer (&self->by_participant, g_hash_table_unref);
  g_clear_pointer (&self->attendee_lines, g_hash_table_unref);
  g_clear_pointer (&self->location_lines, g_hash_table_unref);
  g_clear_pointer (&self->start_lines, g_hash_table_unref);
  g_clear_pointer (&self->end_lines, g_hash_table_unref);
  g_clear_pointer (&self->events, g_ptr_array_unref);
  g_clear_pointer (&self->meeting_zone, g_array_unref);
  g_clear_pointer (&self->zone_texts, g_ptr_array_unref);
  g_clear_pointer (&self->zone_names, g_ptr_array_unref);
  g_clear_pointer (&self->meetings, g_ptr_array_unref);
  g_clear_pointer (&self->stamp_line, icalmemory_free_buffer);
  g_clear_pointer (&self->organizer_line, icalmemory_free_buffer);
  for (guint i = 0; i < G_N_ELEMENTS (self->kind_lines); i++)
    g_clear_pointer (&self->kind_lines[i], icalmemory_free_buffer);
  for (guint i = 0; i < G_N_ELEMENTS (self->status_lines); i++)
    g_clear_pointer (&self->status_lines[i], icalmemory_free_buffer);
  for (guint i = 0; i < G_N_ELEMENTS (self->sequence_lines); i++)
    g_clear_pointer (&self->sequence_lines[i], icalmemory_free_buffer);
  g_clear_object (&self->plan);
  g_free (self);
}

void
mp_ics_exporter_set_stamp (MpIcsExporter *self,
                           gint64         stamp)
{
  icaltimetype tt;

  g_return_if_fail (self != NULL);

  tt = icaltime_from_wall (stamp);
  tt.zone = icaltimezone_get_utc_timezone ();
  g_clear_pointer (&self->stamp_line, icalmemory_free_buffer);
  self->stamp_line = take_line (icalproperty_new_dtstamp (tt));

  /* Events made so far carry the old stamp. */
  for (guint i = 0; i < self->events->len; i++)
    g_clear_pointer (&g_ptr_array_index (self->events, i), g_free);
}

MpRecord *
mp_ics_lookup_audience (MpPlan     *plan,
                        const char *id)
{
  MpRecord *record;

  g_return_val_if_fail (MP_IS_PLAN (plan), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if ((record = mp_plan_lookup (plan, MP_TYPE_DELEGATION, id)) != NULL ||
      (record = mp_plan_lookup (plan, MP_TYPE_PARTICIPANT, id)) != NULL ||
      (record = mp_plan_lookup (plan, MP_TYPE_ROOM, id)) != NULL)
    return record;

  return NULL;
}

GArray *
mp_ics_exporter_list (MpIcsExporter *self,
                      MpRecord      *audience)
{
  GArray *positions;
  guint n;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (audience == NULL || MP_IS_DELEGATION (audience) ||
                        MP_IS_PARTICIPANT (audience) || MP_IS_ROOM (audience), NULL);

  n = self->meetings->len;
  positions = g_array_new (FALSE, FALSE, sizeof (guint));

  if (audience == NULL)
    {
      for (guint i = 0; i < n; i++)
        g_array_append_val (positions, i);
    }
  else if (MP_IS_PARTICIPANT (audience))
    {
      GArray *list = g_hash_table_lookup (get_by_participant (self), mp_record_get_id (audience));

      if (list != NULL)
        g_array_append_vals (positions, list->data, list->len);
    }
  else if (MP_IS_DELEGATION (audience))
    {
      const char *delegation = mp_record_get_id (audience);
      GListModel *people = mp_plan_get_participants (self->plan);
      guint n_people = g_list_model_get_n_items (people);
      g_autofree guint8 *attends = g_new0 (guint8, n);

      for (guint i = 0; i < n_people; i++)
        {
          g_autoptr(MpParticipant) person = g_list_model_get_item (people, i);
          GArray *list;

          if (g_strcmp0 (mp_participant_get_delegation (person), delegation) != 0)
            continue;
          list = g_hash_table_lookup (get_by_participant (self), mp_record_get_id (MP_RECORD (person)));
          for (guint j = 0; list != NULL && j < list->len; j++)
            attends[g_array_index (list, guint, j)] = TRUE;
        }
      for (guint i = 0; i < n; i++)
        if (attends[i])
          g_array_append_val (positions, i);
    }
  else
    {
      const char *room = mp_record_get_id (audience);

      for (guint i = 0; i < n; i++)
        if (g_strcmp0 (mp_meeting_get_room (g_ptr_array_index (self->meetings, i)), room) == 0)
          g_array_append_val (positions, i);
    }

  return positions;
}

static const char *
audience_name (MpRecord *audience)
{
  if (audience == NULL)
    return _("All meetings");
  if (MP_IS_DELEGATION (audience))
    return mp_delegation_get_name (MP_DELEGATION (audience));
  if (MP_IS_PARTICIPANT (audience))
    return mp_participant_get_name (MP_PARTICIPANT (audience));
  return mp_room_get_name (MP_ROOM (audience));
}

char *
mp_ics_exporter_export (MpIcsExporter *self,
                        MpRecord      *audience,
                        gsize         *length)
{
  g_autoptr(GArray) positions = NULL;
  g_autofree guint8 *zone_used = NULL;
  g_autofree char *calname = NULL;
  const char *title;
  icalproperty *prop;
  GString *out;

  g_return_val_if_fail (self != NULL, NULL);

  positions = mp_ics_exporter_list (self, audience);
  if (positions == NULL)
    return NULL;

  title = mp_conference_get_title (mp_plan_get_conference (self->plan));
  /* TRANSLATORS: a calendar's name: the conference, then whose meetings
   * it holds (a delegation, a person, a room, or all meetings). */
  calname = g_strdup_printf (_("%s — %s"), title, audience_name (audience));

  /* The calendar is one libical VCALENDAR; its parts are serialised one
   * by one so that the parts shared by several calendars are made once. */
  out = g_string_sized_new (1024 + positions->len * 1024);
  g_string_append (out, "BEGIN:VCALENDAR\r\n");
  append_line (out, icalproperty_new_version ("2.0"));
  append_line (out, icalproperty_new_prodid ("-//Ministerial//Ministerial " PACKAGE_VERSION "//EN"));
  append_line (out, icalproperty_new_calscale ("GREGORIAN"));
  append_line (out, icalproperty_new_method (ICAL_METHOD_PUBLISH));
  prop = icalproperty_new_x (calname);
  icalproperty_set_x_name (prop, "X-WR-CALNAME");
  append_line (out, prop);

  zone_used = g_new0 (guint8, self->zone_names->len);
  for (guint i = 0; i < positions->len; i++)
    {
      int zone = g_array_index (self->meeting_zone, int, g_array_index (positions, guint, i));

      if (!zone_used[zone])
        {
          zone_used[zone] = TRUE;
          g_string_append (out, get_zone_text (self, zone));
        }
    }

  /* The whole plan holds each event once: no need to keep them. */
  for (guint i = 0; i < positions->len; i++)
    {
      guint position = g_array_index (positions, guint, i);

      if (audience == NULL && g_ptr_array_index (self->events, position) == NULL)
        append_event (self, position, out);
      else
        g_string_append (out, get_event_text (self, position));
    }

  g_string_append (out, "END:VCALENDAR\r\n");

  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}

char *
mp_ics_export (MpPlan   *plan,
               MpRecord *audience,
               gsize    *length)
{
  g_autoptr(MpIcsExporter) exporter = NULL;

  g_return_val_if_fail (MP_IS_PLAN (plan), NULL);

  exporter = mp_ics_exporter_new (plan);
  return mp_ics_exporter_export (exporter, audience, length);
}

/* Import */

void
mp_ics_report_clear (MpIcsReport *report)
{
  g_clear_pointer (&report->notes, g_ptr_array_unref);
  memset (report, 0, sizeof *report);
}

static void
add_note (MpIcsReport *report,
          const char  *format,
          ...) G_GNUC_PRINTF (2, 3);

static void
add_note (MpIcsReport *report,
          const char  *format,
          ...)
{
  va_list args;

  if (report->notes == NULL)
    report->notes = g_ptr_array_new_with_free_func (g_free);

  va_start (args, format);
  g_ptr_array_add (report->notes, g_strdup_vprintf (format, args));
  va_end (args);
}

typedef struct
{
  char *cn;
  char *email;
} Attendee;

static void
attendee_free (Attendee *attendee)
{
  g_free (attendee->cn);
  g_free (attendee->email);
  g_free (attendee);
}

typedef struct
{
  guint      line;          /* of its BEGIN:VEVENT, 0 when unknown */
  char      *uid;
  char      *summary;
  char      *location;
  char      *description;
  GPtrArray *categories;
  GPtrArray *topics;
  GPtrArray *attendees;     /* Attendee */
  MpMeetingStatus status;
  int        sequence;
  gboolean   transparent;
  gboolean   is_override;   /* has RECURRENCE-ID */
  gboolean   recurring;     /* has RRULE or RDATE */
  GArray    *spans;         /* gint64 pairs: the first is DTSTART..DTEND,
                             * then the other occurrences */
} Event;

static void
event_free (Event *event)
{
  g_free (event->uid);
  g_free (event->summary);
  g_free (event->location);
  g_free (event->description);
  g_clear_pointer (&event->categories, g_ptr_array_unref);
  g_clear_pointer (&event->topics, g_ptr_array_unref);
  g_clear_pointer (&event->attendees, g_ptr_array_unref);
  g_clear_pointer (&event->spans, g_array_unref);
  g_free (event);
}

typedef struct
{
  MpPlan     *plan;
  const char *display_name;
  GTimeZone  *floating_zone;  /* for floating times and dates */
  gint64      range_start;    /* where recurrences are expanded */
  gint64      range_end;
  gboolean    expand;
  GArray     *property_lines;  /* PropertyLine, from scan_lines () */
  guint       event_index;     /* of the VEVENT being read */
} Reader;

/* Where each property of a VEVENT is, for errors libical finds. */
typedef struct
{
  guint event;
  guint line;
  char  name[32];
} PropertyLine;

static void G_GNUC_PRINTF (5, 6)
set_error (GError     **error,
           MpIcsError   code,
           const char  *display_name,
           guint        line,
           const char  *format,
           ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (line > 0)
    g_set_error (error, MP_ICS_ERROR, code, "%s:%u: %s", display_name, line, message);
  else
    g_set_error (error, MP_ICS_ERROR, code, "%s: %s", display_name, message);
}

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '-';
}

/* libical reads "2014-05-12" as a date; RFC 5545 (and CalDAV servers)
 * want 20140512. */
static gboolean
is_time_property (const char *name,
                  gsize       length)
{
  static const char * const names[] = {
    "DTSTART", "DTEND", "DTSTAMP", "EXDATE", "RECURRENCE-ID", "CREATED", "LAST-MODIFIED", "DUE",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (strlen (names[i]) == length && g_ascii_strncasecmp (name, names[i], length) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_time_list (const char *value)
{
  const char *p = value;

  do
    {
      for (int i = 0; i < 8; i++, p++)
        if (!g_ascii_isdigit (*p))
          return FALSE;
      if (*p == 'T')
        {
          p++;
          for (int i = 0; i < 6; i++, p++)
            if (!g_ascii_isdigit (*p))
              return FALSE;
          if (*p == 'Z')
            p++;
        }
    }
  while (*p == ',' && *++p != '\0');

  return *p == '\0';
}

/* libical reads nearly anything and hides what it could not read in
 * X-LIC-ERROR properties, without line numbers. This pass checks the
 * shape of the stream first, so that an error can name its line: every
 * content line is NAME[;PARAM=VALUE...]:VALUE, BEGIN and END pair up. It
 * notes the line of each VEVENT. */
static gboolean
scan_lines (const char  *data,
            gsize        length,
            const char  *display_name,
            GArray      *event_lines,
            GArray      *property_lines,
            GError     **error)
{
  g_autoptr(GPtrArray) stack = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) begin_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  const char *invalid = NULL;
  const char *p = data;
  const char *end = data + length;
  guint line = 0;
  guint n_calendars = 0;

  if (!g_utf8_validate_len (data, length, &invalid))
    {
      guint bad_line = 1;

      for (const char *q = data; q < invalid; q++)
        bad_line += *q == '\n';
      set_error (error, MP_ICS_ERROR_SYNTAX, display_name, bad_line, _("not UTF-8 text"));
      return FALSE;
    }

  while (p < end)
    {
      const char *eol = memchr (p, '\n', end - p);
      const char *next = eol != NULL ? eol + 1 : end;
      g_autoptr(GString) logical = NULL;
      guint start_line = ++line;
      const char *name_end, *colon = NULL;
      gboolean quoted = FALSE;

      if (eol == NULL)
        eol = end;
      if (eol > p && eol[-1] == '\r')
        eol--;

      if (eol == p)
        {
          p = next;
          continue;
        }
      if (*p == ' ' || *p == '\t')
        {
          set_error (error, MP_ICS_ERROR_SYNTAX, display_name, start_line,
                     _("a continuation line that continues nothing"));
          return FALSE;
        }

      /* Unfold. */
      logical = g_string_new_len (p, eol - p);
      while (next < end && (*next == ' ' || *next == '\t'))
        {
          const char *q = next + 1;
          const char *qeol = memchr (q, '\n', end - q);

          next = qeol != NULL ? qeol + 1 : end;
          if (qeol == NULL)
            qeol = end;
          if (qeol > q && qeol[-1] == '\r')
            qeol--;
          g_string_append_len (logical, q, qeol - q);
          line++;
        }
      p = next;

      for (name_end = logical->str; is_name_char (*name_end); name_end++)
        ;
      if (name_end == logical->str || (*name_end != ':' && *name_end != ';'))
        {
          g_autofree char *shown = g_utf8_substring (logical->str, 0,
                                                     MIN (g_utf8_strlen (logical->str, -1), 40));

          set_error (error, MP_ICS_ERROR_SYNTAX, display_name, start_line,
                     _("“%s” is not a content line of the form NAME:VALUE"), shown);
          return FALSE;
        }
      for (const char *q = name_end; *q != '\0'; q++)
        {
          if (*q == '"')
            quoted = !quoted;
          else if (*q == ':' && !quoted)
            {
              colon = q;
              break;
            }
        }
      if (colon == NULL)
        {
          set_error (error, MP_ICS_ERROR_SYNTAX, display_name, start_line,
                     _("the property %.*s has no “:” before its value"),
                     (int) (name_end - logical->str), logical->str);
          return FALSE;
        }

      if (is_time_property (logical->str, name_end - logical->str) &&
          !is_time_list (colon + 1))
        {
          set_error (error, MP_ICS_ERROR_SYNTAX, display_name, start_line,
                     _("“%s” is not a date (YYYYMMDD) or date-time (YYYYMMDDTHHMMSS) for %.*s"),
                     colon + 1, (int) (name_end - logical->str), logical->str);
          return FALSE;
        }

      if (g_ascii_strncasecmp (logical->str, "BEGIN", name_end - logical->str) == 0 &&
          name_end - logical->str == 5)
        {
          g_autofree char *component = g_ascii_strup (colon + 1, -1);

          if (stack->len == 0 && !g_str_equal (component, "VCALENDAR"))
            {
              set_error (error, MP_ICS_ERROR_SYNTAX, display_name, start_line,
                         _("BEGIN:%s outside a VCALENDAR"), component);
              return FALSE;
            }
          if (stack->len == 0)
            n_calendars++;
          if (stack->len == 1 && g_str_equal (component, "VEVENT"))
            g_array_append_val (event_lines, start_line);
          g_ptr_array_add (stack, g_steal_pointer (&component));
          g_array_append_val (begin_lines, start_line);
        }
      else if (g_ascii_strncasecmp (logical->str, "END", name_end - logical->str) == 0 &&
               name_end - logical->str == 3)
        {
          if (stack->len == 0 ||
              g_ascii_strcasecmp (g_ptr_array_index (stack, stack->len - 1), colon + 1) != 0)
            {
              if (stack->len == 0)
                set_error (error, MP_ICS_ERROR_SYNTAX, display_name, start_line,
                           _("END:%s without a BEGIN"), colon + 1);
              else
                set_error (error, MP_ICS_ERROR_SYNTAX, display_name, start_line,
                           _("END:%s, but BEGIN:%s on line %u is not ended"), colon + 1,
                           (char *) g_ptr_array_index (stack, stack->len - 1),
                           g_array_index (begin_lines, guint, begin_lines->len - 1));
              return FALSE;
            }
          g_ptr_array_remove_index (stack, stack->len - 1);
          g_array_set_size (begin_lines, begin_lines->len - 1);
        }
      else if (stack->len == 0)
        {
          set_error (error, MP_ICS_ERROR_SYNTAX, display_name, start_line,
                     _("a property outside a VCALENDAR"));
          return FALSE;
        }
      else if (stack->len == 2 && g_str_equal (g_ptr_array_index (stack, 1), "VEVENT"))
        {
          PropertyLine where = { event_lines->len - 1, start_line, { 0 } };

          g_strlcpy (where.name, logical->str, MIN (sizeof where.name, (gsize) (name_end - logical->str) + 1));
          g_array_append_val (property_lines, where);
        }
    }

  if (stack->len > 0)
    {
      set_error (error, MP_ICS_ERROR_SYNTAX, display_name,
                 g_array_index (begin_lines, guint, begin_lines->len - 1),
                 _("BEGIN:%s is never ended"),
                 (char *) g_ptr_array_index (stack, stack->len - 1));
      return FALSE;
    }
  if (n_calendars == 0)
    {
      set_error (error, MP_ICS_ERROR_SYNTAX, display_name, 0,
                 _("not an iCalendar file (no BEGIN:VCALENDAR)"));
      return FALSE;
    }

  return TRUE;
}

/* A time of an event as an instant. tzid_prop is the property that may
 * carry a TZID; libical resolves it from the file's VTIMEZONEs (or its own
 * prefixed names); a plain IANA name without a VTIMEZONE is looked up in
 * tzdata. Floating times and dates are read in the conference's zone. */
static gboolean
resolve_time (Reader        *reader,
              icaltimetype   tt,
              icalproperty  *tzid_prop,
              const Event   *event,
              gint64        *instant,
              GError       **error)
{
  icaltimetype wall_tt = tt;
  gint64 wall;
  icalparameter *param;

  wall_tt.zone = NULL;
  wall_tt.is_date = 0;
  wall = icaltime_as_timet_with_zone (wall_tt, NULL);

  if (icaltime_is_utc (tt))
    *instant = wall;
  else if (tt.zone != NULL && !tt.is_date)
    *instant = icaltime_as_timet_with_zone (tt, tt.zone);
  else if (!tt.is_date && tzid_prop != NULL &&
           (param = icalproperty_get_first_parameter (tzid_prop, ICAL_TZID_PARAMETER)) != NULL)
    {
      const char *tzid = icalparameter_get_tzid (param);
      icaltimezone *builtin = tzid != NULL ? icaltimezone_get_builtin_timezone (tzid) : NULL;
      GTimeZone *zone;
      MpTime local = mp_time_from_wall (wall);

      if (builtin != NULL)
        *instant = icaltime_as_timet_with_zone (tt, builtin);
      else if (tzid != NULL && (zone = mp_plan_get_zone (reader->plan, tzid)) != NULL &&
               g_str_equal (g_time_zone_get_identifier (zone), tzid))
        *instant = mp_time_instant (&local, zone);
      else
        {
          set_error (error, MP_ICS_ERROR_ZONE, reader->display_name, event->line,
                     _("the event “%s” is in the time zone “%s”, which has no VTIMEZONE in the file and is not in the tz database"),
                     event->summary != NULL ? event->summary : "", tzid != NULL ? tzid : "");
          return FALSE;
        }
    }
  else
    {
      MpTime local = mp_time_from_wall (wall);

      *instant = mp_time_instant (&local, reader->floating_zone);
    }

  return TRUE;
}

static gboolean
read_span (Reader        *reader,
           icalcomponent *component,
           Event         *event,
           gint64        *start,
           gint64        *end,
           GError       **error)
{
  icalproperty *dtstart = icalcomponent_get_first_property (component, ICAL_DTSTART_PROPERTY);
  icalproperty *dtend = icalcomponent_get_first_property (component, ICAL_DTEND_PROPERTY);
  icaltimetype start_tt = icalcomponent_get_dtstart (component);
  icaltimetype end_tt;

  if (dtstart == NULL || icaltime_is_null_time (start_tt))
    {
      set_error (error, MP_ICS_ERROR_EVENT, reader->display_name, event->line,
                 _("the event “%s” has no DTSTART"), event->summary != NULL ? event->summary : "");
      return FALSE;
    }
  if (!resolve_time (reader, start_tt, dtstart, event, start, error))
    return FALSE;

  end_tt = icalcomponent_get_dtend (component);
  if (icaltime_is_null_time (end_tt))
    *end = start_tt.is_date ? *start + MP_SECONDS_PER_DAY : *start;
  else if (!resolve_time (reader, end_tt, dtend != NULL ? dtend : dtstart, event, end, error))
    return FALSE;

  return TRUE;
}

static void
add_span (GArray *spans,
          gint64  start,
          gint64  end)
{
  g_array_append_val (spans, start);
  g_array_append_val (spans, end);
}

/* The occurrences of RRULEs inside the reader's range, less EXDATEs. */
static gboolean
expand_recurrences (Reader        *reader,
                    icalcomponent *component,
                    Event         *event,
                    GError       **error)
{
  icalproperty *dtstart = icalcomponent_get_first_property (component, ICAL_DTSTART_PROPERTY);
  icaltimetype start_tt = icalcomponent_get_dtstart (component);
  gint64 first_start = g_array_index (event->spans, gint64, 0);
  gint64 duration = g_array_index (event->spans, gint64, 1) - first_start;
  g_autoptr(GArray) excluded = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (icalproperty *p = icalcomponent_get_first_property (component, ICAL_EXDATE_PROPERTY);
       p != NULL; p = icalcomponent_get_next_property (component, ICAL_EXDATE_PROPERTY))
    {
      gint64 instant;

      if (!resolve_time (reader, icalproperty_get_exdate (p), p, event, &instant, error))
        return FALSE;
      g_array_append_val (excluded, instant);
    }

  for (icalproperty *p = icalcomponent_get_first_property (component, ICAL_RRULE_PROPERTY);
       p != NULL; p = icalcomponent_get_next_property (component, ICAL_RRULE_PROPERTY))
    {
      struct icalrecurrencetype recur = icalproperty_get_rrule (p);
      icalrecur_iterator *iter = icalrecur_iterator_new (recur, start_tt);
      icaltimetype next;

      if (iter == NULL)
        continue;

      /* A bound on the work a rule can ask for. */
      for (guint n = 0; n < 100000 && !icaltime_is_null_time (next = icalrecur_iterator_next (iter)); n++)
        {
          gint64 instant;
          gboolean skip = FALSE;

          next.zone = start_tt.zone;
          if (!resolve_time (reader, next, dtstart, event, &instant, error))
            {
              icalrecur_iterator_free (iter);
              return FALSE;
            }
          if (instant >= reader->range_end)
            break;
          if (instant == first_start || instant + duration <= reader->range_start)
            continue;
          for (guint i = 0; i < excluded->len && !skip; i++)
            skip = g_array_index (excluded, gint64, i) == instant;
          if (!skip)
            add_span (event->spans, instant, instant + duration);
        }
      icalrecur_iterator_free (iter);
    }

  /* DTSTART itself is the first occurrence, unless excluded. */
  for (guint i = 0; i < excluded->len; i++)
    if (g_array_index (excluded, gint64, i) == first_start)
      {
        g_array_remove_range (event->spans, 0, 2);
        break;
      }

  return TRUE;
}

static char *
dup_text (const char *text)
{
  return text != NULL && text[0] != '\0' ? g_strdup (text) : NULL;
}

/* libical's messages name the property ("… in DURATION property …"):
 * its line, or the event's. */
static guint
error_line (Reader     *reader,
            const char *message,
            guint       event_line)
{
  const char *end = message != NULL ? strstr (message, " property") : NULL;
  const char *start = end;

  if (end == NULL || reader->property_lines == NULL)
    return event_line;
  while (start > message && start[-1] != ' ')
    start--;

  for (guint i = 0; i < reader->property_lines->len; i++)
    {
      PropertyLine *where = &g_array_index (reader->property_lines, PropertyLine, i);

      if (where->event == reader->event_index &&
          strlen (where->name) == (gsize) (end - start) &&
          g_ascii_strncasecmp (where->name, start, end - start) == 0)
        return where->line;
    }

  return event_line;
}

static Event *
read_event (Reader        *reader,
            icalcomponent *component,
            guint          line,
            GError       **error)
{
  Event *event = g_new0 (Event, 1);
  icalproperty *p;

  event->line = line;
  event->uid = dup_text (icalcomponent_get_uid (component));
  event->summary = dup_text (icalcomponent_get_summary (component));
  event->location = dup_text (icalcomponent_get_location (component));
  event->description = dup_text (icalcomponent_get_description (component));
  event->categories = g_ptr_array_new_with_free_func (g_free);
  event->topics = g_ptr_array_new_with_free_func (g_free);
  event->attendees = g_ptr_array_new_with_free_func ((GDestroyNotify) attendee_free);
  event->spans = g_array_new (FALSE, FALSE, sizeof (gint64));
  event->is_override = icalcomponent_get_first_property (component, ICAL_RECURRENCEID_PROPERTY) != NULL;
  event->recurring = icalcomponent_get_first_property (component, ICAL_RRULE_PROPERTY) != NULL ||
                     icalcomponent_get_first_property (component, ICAL_RDATE_PROPERTY) != NULL;

  if ((p = icalcomponent_get_first_property (component, ICAL_XLICERROR_PROPERTY)) != NULL)
    {
      const char *message = icalproperty_get_xlicerror (p);

      set_error (error, MP_ICS_ERROR_EVENT, reader->display_name, error_line (reader, message, line),
                 _("the event “%s”: %s"), event->summary != NULL ? event->summary : "", message);
      event_free (event);
      return NULL;
    }

  switch (icalcomponent_get_status (component))
    {
    case ICAL_STATUS_CONFIRMED:
      event->status = MP_MEETING_STATUS_CONFIRMED;
      break;
    case ICAL_STATUS_CANCELLED:
      event->status = MP_MEETING_STATUS_CANCELLED;
      break;
    default:
      event->status = MP_MEETING_STATUS_TENTATIVE;
      break;
    }

  if ((p = icalcomponent_get_first_property (component, ICAL_SEQUENCE_PROPERTY)) != NULL)
    event->sequence = MAX (0, icalproperty_get_sequence (p));
  if ((p = icalcomponent_get_first_property (component, ICAL_TRANSP_PROPERTY)) != NULL)
    event->transparent = icalproperty_get_transp (p) == ICAL_TRANSP_TRANSPARENT;

  for (p = icalcomponent_get_first_property (component, ICAL_CATEGORIES_PROPERTY);
       p != NULL; p = icalcomponent_get_next_property (component, ICAL_CATEGORIES_PROPERTY))
    {
      g_auto(GStrv) values = g_strsplit (icalproperty_get_categories (p), ",", -1);

      for (guint i = 0; values[i] != NULL; i++)
        g_ptr_array_add (event->categories, g_strdup (g_strstrip (values[i])));
    }

  for (p = icalcomponent_get_first_property (component, ICAL_X_PROPERTY);
       p != NULL; p = icalcomponent_get_next_property (component, ICAL_X_PROPERTY))
    if (g_strcmp0 (icalproperty_get_x_name (p), TOPIC_PROPERTY) == 0 && icalproperty_get_x (p) != NULL)
      g_ptr_array_add (event->topics, g_strdup (icalproperty_get_x (p)));

  for (p = icalcomponent_get_first_property (component, ICAL_ATTENDEE_PROPERTY);
       p != NULL; p = icalcomponent_get_next_property (component, ICAL_ATTENDEE_PROPERTY))
    {
      Attendee *attendee = g_new0 (Attendee, 1);
      const char *address = icalproperty_get_attendee (p);
      icalparameter *cn = icalproperty_get_first_parameter (p, ICAL_CN_PARAMETER);

      if (address != NULL && g_ascii_strncasecmp (address, "mailto:", 7) == 0)
        attendee->email = dup_text (address + 7);
      if (cn != NULL)
        attendee->cn = dup_text (icalparameter_get_cn (cn));
      g_ptr_array_add (event->attendees, attendee);
    }

  {
    gint64 start, end;

    if (!read_span (reader, component, event, &start, &end, error))
      {
        event_free (event);
        return NULL;
      }
    add_span (event->spans, start, end);
  }

  if (reader->expand && !expand_recurrences (reader, component, event, error))
    {
      event_free (event);
      return NULL;
    }

  return event;
}

/* Every VEVENT of the stream, or NULL with an error. */
static GPtrArray *
read_events (Reader      *reader,
             const char  *data,
             gsize        length,
             GError     **error)
{
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) property_lines = g_array_new (FALSE, FALSE, sizeof (PropertyLine));
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) event_free);
  g_autoptr(GPtrArray) calendars = g_ptr_array_new ();
  g_autofree char *text = NULL;
  icalcomponent *root;
  guint index = 0;

  if (!scan_lines (data, length, reader->display_name, lines, property_lines, error))
    return NULL;
  reader->property_lines = property_lines;

  text = g_strndup (data, length);
  root = icalparser_parse_string (text);
  if (root == NULL)
    {
      set_error (error, MP_ICS_ERROR_SYNTAX, reader->display_name, 0,
                 _("libical could not read the calendar"));
      return NULL;
    }

  if (icalcomponent_isa (root) == ICAL_VCALENDAR_COMPONENT)
    g_ptr_array_add (calendars, root);
  else
    for (icalcomponent *c = icalcomponent_get_first_component (root, ICAL_VCALENDAR_COMPONENT);
         c != NULL; c = icalcomponent_get_next_component (root, ICAL_VCALENDAR_COMPONENT))
      g_ptr_array_add (calendars, c);

  for (guint i = 0; i < calendars->len; i++)
    {
      icalcomponent *calendar = g_ptr_array_index (calendars, i);

      for (icalcomponent *c = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
           c != NULL; c = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
        {
          guint line = index < lines->len ? g_array_index (lines, guint, index) : 0;
          Event *event;

          reader->event_index = index++;
          event = read_event (reader, c, line, error);
          if (event == NULL)
            {
              reader->property_lines = NULL;
              icalcomponent_free (root);
              return NULL;
            }
          g_ptr_array_add (events, event);
        }
    }

  reader->property_lines = NULL;
  icalcomponent_free (root);
  return g_steal_pointer (&events);
}

static void
reader_init (Reader     *reader,
             MpPlan     *plan,
             const char *display_name)
{
  MpConference *conference = mp_plan_get_conference (plan);
  GTimeZone *zone = mp_conference_get_zone (conference);
  MpTime first = mp_time_from_wall (mp_conference_get_start_date (conference) * MP_SECONDS_PER_DAY);
  MpTime after = mp_time_from_wall ((mp_conference_get_end_date (conference) + 1) * MP_SECONDS_PER_DAY);

  memset (reader, 0, sizeof *reader);
  reader->plan = plan;
  reader->display_name = display_name;
  reader->floating_zone = zone;
  reader->range_start = mp_time_instant (&first, zone);
  reader->range_end = mp_time_instant (&after, zone);
  reader->expand = FALSE;
}

/* A local time in zone for instant; absolute when the wall clock would
 * name another instant (the second pass through a fold). */
static MpTime
time_for_instant (gint64     instant,
                  GTimeZone *zone)
{
  MpTime t = mp_time_from_instant (instant, zone);

  if (mp_time_instant (&t, zone) != instant)
    {
      t.offset = t.wall - instant;
      t.absolute = TRUE;
    }
  return t;
}

static char *
fold (const char *text)
{
  return g_utf8_casefold (text, -1);
}

typedef struct
{
  GHashTable *by_name;    /* casefolded name → MpParticipant */
  GHashTable *by_email;   /* casefolded email → MpParticipant */
  GHashTable *by_uid;     /* uid → MpMeeting */
} Matcher;

static void
matcher_init (Matcher *matcher,
              MpPlan  *plan)
{
  GListModel *people = mp_plan_get_participants (plan);
  GListModel *meetings = mp_plan_get_meetings (plan);

  matcher->by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  matcher->by_email = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  matcher->by_uid = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(MpParticipant) person = g_list_model_get_item (people, i);
      const char *name = mp_participant_get_name (person);
      const char *email = mp_participant_get_email (person);

      if (name != NULL && !g_hash_table_contains (matcher->by_name, name))
        g_hash_table_insert (matcher->by_name, fold (name), person);
      if (email != NULL)
        g_hash_table_insert (matcher->by_email, fold (email), person);
    }

  for (guint i = 0; i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(MpMeeting) meeting = g_list_model_get_item (meetings, i);

      if (mp_meeting_get_uid (meeting) != NULL)
        g_hash_table_insert (matcher->by_uid, (char *) mp_meeting_get_uid (meeting), meeting);
    }
}

static void
matcher_clear (Matcher *matcher)
{
  g_clear_pointer (&matcher->by_name, g_hash_table_unref);
  g_clear_pointer (&matcher->by_email, g_hash_table_unref);
  g_clear_pointer (&matcher->by_uid, g_hash_table_unref);
}

/* The room whose name LOCATION starts with (the whole LOCATION, or the
 * part before a comma), the longest such name; case does not matter. */
static MpRoom *
match_room (MpPlan     *plan,
            const char *location)
{
  GListModel *rooms = mp_plan_get_rooms (plan);
  g_autofree char *folded = fold (location);
  gsize folded_len = strlen (folded);
  MpRoom *best = NULL;
  gsize best_len = 0;

  for (guint i = 0; i < g_list_model_get_n_items (rooms); i++)
    {
      g_autoptr(MpRoom) room = g_list_model_get_item (rooms, i);
      g_autofree char *name = mp_room_get_name (room) != NULL ? fold (mp_room_get_name (room)) : NULL;
      gsize len = name != NULL ? strlen (name) : 0;

      if (len > best_len && len <= folded_len && strncmp (folded, name, len) == 0 &&
          (folded[len] == '\0' || folded[len] == ','))
        {
          best = room;
          best_len = len;
        }
    }

  return best;
}

static const char *
event_name (const Event *event)
{
  return event->summary != NULL ? event->summary : (event->uid != NULL ? event->uid : "");
}

static MpMeetingKind
match_kind (const Event *event)
{
  for (guint i = 0; i < event->categories->len; i++)
    {
      const char *category = g_ptr_array_index (event->categories, i);

      for (int kind = 0; kind < MP_N_MEETING_KINDS; kind++)
        if (g_ascii_strcasecmp (category, mp_enum_to_nick (MP_TYPE_MEETING_KIND, kind)) == 0 ||
            g_utf8_collate (category, mp_meeting_kind_label (kind)) == 0)
          return kind;
    }

  return MP_MEETING_KIND_OTHER;
}

/* The notes are the DESCRIPTION less the list of topics export wrote
 * before them (a heading and a line per topic, then a blank line). */
static char *
notes_from_description (const Event *event)
{
  const char *text = event->description;

  if (text == NULL)
    return NULL;

  if (event->topics->len > 0)
    {
      text = strstr (text, "\n\n");
      if (text == NULL)
        return NULL;
      text += 2;
    }

  return dup_text (text);
}

static void
apply_event (MpPlan      *plan,
             Matcher     *matcher,
             MpMeeting   *meeting,
             const Event *event,
             const char  *display_name,
             MpIcsReport *report)
{
  g_autoptr(GPtrArray) participants = g_ptr_array_new ();
  g_autofree char *notes = notes_from_description (event);
  MpRoom *room = NULL;
  GTimeZone *zone;
  MpTime start, end;

  if (event->location != NULL)
    {
      room = match_room (plan, event->location);
      if (room == NULL)
        {
          g_autofree char *first = g_strdup (event->location);
          char *comma = strchr (first, ',');

          if (comma != NULL)
            *comma = '\0';
          add_note (report, _("%s:%u: “%s”: no room named “%s”"),
                    display_name, event->line, event_name (event), first);
        }
    }

  for (guint i = 0; i < event->attendees->len; i++)
    {
      Attendee *attendee = g_ptr_array_index (event->attendees, i);
      MpParticipant *person = NULL;

      if (attendee->email != NULL)
        {
          g_autofree char *key = fold (attendee->email);
          person = g_hash_table_lookup (matcher->by_email, key);
        }
      if (person == NULL && attendee->cn != NULL)
        {
          g_autofree char *key = fold (attendee->cn);
          person = g_hash_table_lookup (matcher->by_name, key);
        }

      if (person == NULL)
        add_note (report, _("%s:%u: “%s”: no participant named “%s”"),
                  display_name, event->line, event_name (event),
                  attendee->cn != NULL ? attendee->cn : attendee->email != NULL ? attendee->email : "?");
      else if (!g_ptr_array_find_with_equal_func (participants, mp_record_get_id (MP_RECORD (person)),
                                                  g_str_equal, NULL))
        g_ptr_array_add (participants, (char *) mp_record_get_id (MP_RECORD (person)));
    }
  g_ptr_array_add (participants, NULL);
  g_ptr_array_add (event->topics, NULL);

  zone = mp_plan_get_room_zone (plan, room != NULL ? mp_record_get_id (MP_RECORD (room)) : NULL);
  start = time_for_instant (g_array_index (event->spans, gint64, 0), zone);
  end = time_for_instant (g_array_index (event->spans, gint64, 1), zone);

  g_object_freeze_notify (G_OBJECT (meeting));
  mp_meeting_set_title (meeting, event->summary != NULL ? event->summary : _("Untitled meeting"));
  mp_meeting_set_kind (meeting, match_kind (event));
  mp_meeting_set_room (meeting, room != NULL ? mp_record_get_id (MP_RECORD (room)) : NULL);
  mp_meeting_set_time_zone (meeting, zone);
  mp_meeting_set_start (meeting, &start);
  mp_meeting_set_end (meeting, &end);
  mp_meeting_set_participants (meeting, (const char * const *) participants->pdata);
  mp_meeting_set_status (meeting, event->status);
  mp_meeting_set_topics (meeting, event->topics->len > 1 ? (const char * const *) event->topics->pdata : NULL);
  mp_meeting_set_notes (meeting, notes);
  mp_meeting_set_uid (meeting, event->uid);
  mp_meeting_set_sequence (meeting, event->sequence);
  g_object_thaw_notify (G_OBJECT (meeting));

  g_ptr_array_remove_index (event->topics, event->topics->len - 1);

  /* The change comes with its own sequence: saving must not raise it. */
  mp_meeting_set_rescheduled (meeting, FALSE);
}

gboolean
mp_ics_import (MpPlan       *plan,
               const char   *data,
               gsize         length,
               const char   *display_name,
               MpIcsReport  *report,
               GError      **error)
{
  g_autoptr(GPtrArray) events = NULL;
  Matcher matcher;
  Reader reader;

  g_return_val_if_fail (MP_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  reader_init (&reader, plan, display_name);
  events = read_events (&reader, data, length, error);
  if (events == NULL)
    return FALSE;

  matcher_init (&matcher, plan);
  report->n_events += events->len;

  for (guint i = 0; i < events->len; i++)
    {
      Event *event = g_ptr_array_index (events, i);
      gint64 start = g_array_index (event->spans, gint64, 0);
      gint64 end = g_array_index (event->spans, gint64, 1);
      MpMeeting *meeting = event->uid != NULL ? g_hash_table_lookup (matcher.by_uid, event->uid) : NULL;

      if (event->recurring && !event->is_override && end > start)
        add_note (report, _("%s:%u: “%s”: a recurring event; only its first occurrence is taken"),
                  display_name, event->line, event_name (event));

      if (event->is_override)
        {
          add_note (report, _("%s:%u: “%s”: skipped, a changed occurrence of a recurring event"),
                    display_name, event->line, event_name (event));
          report->skipped++;
        }
      else if (end <= start)
        {
          add_note (report, _("%s:%u: “%s”: skipped, it takes no time"),
                    display_name, event->line, event_name (event));
          report->skipped++;
        }
      else if (meeting != NULL && event->sequence <= mp_meeting_get_sequence (meeting))
        report->unchanged++;
      else if (meeting != NULL)
        {
          apply_event (plan, &matcher, meeting, event, display_name, report);
          report->updated++;
        }
      else
        {
          g_autofree char *id = mp_plan_make_id_from_name (plan, MP_TYPE_MEETING, event->summary);
          g_autoptr(MpMeeting) created = mp_meeting_new (id);

          apply_event (plan, &matcher, created, event, display_name, report);
          mp_plan_add (plan, MP_RECORD (created), NULL);
          mp_meeting_set_rescheduled (created, FALSE);
          if (event->uid != NULL)
            g_hash_table_insert (matcher.by_uid, (char *) mp_meeting_get_uid (created), created);
          report->added++;
        }
    }

  matcher_clear (&matcher);
  return TRUE;
}

/* A window of the person's availability, as instants, with the members
 * of the plan file this version does not know. */
typedef struct
{
  gint64      start;
  gint64      end;
  JsonObject *extra;
} FreeSpan;

/* By start: for arrays of gint64 pairs and of FreeSpan alike. */
static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const gint64 *x = a, *y = b;

  return x[0] < y[0] ? -1 : x[0] > y[0];
}

gboolean
mp_ics_import_busy (MpPlan       *plan,
                    const char   *participant_id,
                    const char   *data,
                    gsize         length,
                    const char   *display_name,
                    MpIcsReport  *report,
                    GError      **error)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GArray) free_spans = g_array_new (FALSE, FALSE, sizeof (FreeSpan));
  g_autoptr(GArray) busy = g_array_new (FALSE, FALSE, 2 * sizeof (gint64));
  g_autoptr(GArray) windows = g_array_new (FALSE, FALSE, sizeof (MpInterval));
  MpParticipant *person;
  GTimeZone *zone;
  GArray *available;
  Reader reader;

  g_return_val_if_fail (MP_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (participant_id != NULL, FALSE);
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  person = mp_plan_get_participant (plan, participant_id);
  if (person == NULL)
    {
      g_set_error (error, MP_ICS_ERROR, MP_ICS_ERROR_UNKNOWN,
                   _("No participant has the id “%s”"), participant_id);
      return FALSE;
    }

  reader_init (&reader, plan, display_name);
  zone = reader.floating_zone;

  /* What the person has now, as instants; a person without windows is
   * available for the whole conference. */
  available = mp_participant_get_available (person);
  if (available == NULL)
    {
      FreeSpan span = { reader.range_start, reader.range_end, NULL };

      g_array_append_val (free_spans, span);
    }
  else
    for (guint i = 0; i < available->len; i++)
      {
        MpInterval *w = &g_array_index (available, MpInterval, i);
        FreeSpan span = { mp_time_instant (&w->start, zone), mp_time_instant (&w->end, zone), w->extra };

        g_array_append_val (free_spans, span);
        reader.range_start = MIN (reader.range_start, span.start);
        reader.range_end = MAX (reader.range_end, span.end);
      }
  g_array_sort (free_spans, compare_spans);

  reader.expand = TRUE;
  events = read_events (&reader, data, length, error);
  if (events == NULL)
    return FALSE;

  report->n_events += events->len;
  for (guint i = 0; i < events->len; i++)
    {
      Event *event = g_ptr_array_index (events, i);
      gboolean counted = FALSE;

      if (event->status == MP_MEETING_STATUS_CANCELLED || event->transparent)
        {
          report->skipped++;
          continue;
        }

      for (guint j = 0; j + 1 < event->spans->len; j += 2)
        {
          gint64 span[2] = { g_array_index (event->spans, gint64, j),
                             g_array_index (event->spans, gint64, j + 1) };
          gboolean overlaps = FALSE;

          if (span[1] <= span[0])
            continue;
          for (guint k = 0; k < free_spans->len && !overlaps; k++)
            {
              FreeSpan *f = &g_array_index (free_spans, FreeSpan, k);

              overlaps = span[0] < f->end && f->start < span[1];
            }
          if (overlaps)
            {
              g_array_append_val (busy, span);
              counted = TRUE;
            }
        }

      if (counted)
        report->added++;
      else
        report->unchanged++;
    }
  g_array_sort (busy, compare_spans);

  /* Free time less busy time; both are sorted by start. Each piece of a
   * window keeps the window's unknown members. */
  g_array_set_clear_func (windows, mp_interval_clear);
  for (guint i = 0; i < free_spans->len; i++)
    {
      FreeSpan *f = &g_array_index (free_spans, FreeSpan, i);
      gint64 cursor = f->start;

      for (guint j = 0; j <= busy->len && cursor < f->end; j++)
        {
          gint64 *b = j < busy->len ? &g_array_index (busy, gint64, 2 * j) : NULL;
          gint64 piece_end = b != NULL ? MIN (b[0], f->end) : f->end;

          if (b != NULL && b[1] <= cursor)
            continue;
          if (piece_end > cursor)
            {
              MpInterval w = {
                time_for_instant (cursor, zone),
                time_for_instant (piece_end, zone),
                f->extra != NULL ? json_object_ref (f->extra) : NULL,
              };

              g_array_append_val (windows, w);
            }
          cursor = b != NULL ? MAX (cursor, b[1]) : f->end;
        }
    }

  if (report->added > 0)
    mp_participant_set_available (person, windows);

  return TRUE;
}
