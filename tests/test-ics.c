/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Calendars: what each VEVENT holds, the audiences, daylight saving in
 * Mexico City (2014, and 2023 without it), sequence and cancellation, the
 * round trip through import, busy times, the command line; and the same
 * files read by Python's icalendar and vobject, and served by Radicale. */

#include "config.h"

#include <glib/gstdio.h>
#include <libical/ical.h>

#include "mp-commands.h"
#include "mp-conflicts.h"
#include "mp-ics.h"
#include "mp-plan-file.h"

#define SAMPLE "north-american-defense-ministerial-2014.ministerial"
#define STAMP  1398000000   /* 2014-04-20T13:20:00Z */

/* Plans are written here with ' for ", to keep them readable. Mexico City
 * in 2014: daylight saving from 6 April 02:00 (to 03:00) to 26 October
 * 02:00 (back to 01:00). A second venue is in New York. */
#define DST_PLAN \
  "{'format': 'ministerial-plan', 'version': 1, " \
  "'conference': {'title': 'DST', 'time_zone': 'America/Mexico_City', " \
  "  'start_date': '2014-04-05', 'end_date': '2014-11-20'}, " \
  "'venues': [{'id': 'sedena', 'name': 'SEDENA'}, " \
  "  {'id': 'un', 'name': 'UN', 'address': 'New York', 'time_zone': 'America/New_York'}], " \
  "'rooms': [{'id': 'hall', 'name': 'Hall', 'venue': 'sedena'}, " \
  "  {'id': 'gallery', 'name': 'Gallery', 'venue': 'un'}], " \
  "'delegations': [{'id': 'MEX', 'name': 'Mexico'}, {'id': 'USA', 'name': 'United States'}], " \
  "'participants': [{'id': 'cienfuegos', 'name': 'Cienfuegos', 'delegation': 'MEX'}, " \
  "  {'id': 'hagel', 'name': 'Hagel', 'delegation': 'USA'}], " \
  "'meetings': [" \
  "  {'id': 'before', 'title': 'Before', 'start': '2014-04-05T10:00', 'end': '2014-04-05T11:00', 'room': 'hall', 'participants': ['cienfuegos'], 'uid': 'before@t'}, " \
  "  {'id': 'last-cst', 'title': 'Last CST', 'start': '2014-04-06T01:30', 'end': '2014-04-06T01:59', 'room': 'hall', 'participants': ['cienfuegos'], 'uid': 'last-cst@t'}, " \
  "  {'id': 'first-cdt', 'title': 'First CDT', 'start': '2014-04-06T03:00', 'end': '2014-04-06T03:30', 'room': 'hall', 'participants': ['cienfuegos'], 'uid': 'first-cdt@t'}, " \
  "  {'id': 'after', 'title': 'After', 'start': '2014-04-07T10:00', 'end': '2014-04-07T11:00', 'room': 'hall', 'participants': ['cienfuegos'], 'uid': 'after@t'}, " \
  "  {'id': 'may', 'title': 'May', 'start': '2014-05-12T10:00', 'end': '2014-05-12T11:00', 'room': 'hall', 'participants': ['hagel', 'cienfuegos'], 'uid': 'may@t'}, " \
  "  {'id': 'fold-second', 'title': 'Fold', 'start': '2014-10-26T01:30-06:00', 'end': '2014-10-26T02:30', 'room': 'hall', 'participants': ['hagel'], 'uid': 'fold@t'}, " \
  "  {'id': 'november', 'title': 'November', 'start': '2014-11-20T09:30', 'end': '2014-11-20T10:00', 'room': 'hall', 'participants': ['cienfuegos'], 'uid': 'november@t'}, " \
  "  {'id': 'new-york', 'title': 'New York', 'start': '2014-05-12T10:00', 'end': '2014-05-12T11:00', 'room': 'gallery', 'participants': ['hagel'], 'uid': 'new-york@t'}]}"

#define PLAN_2023 \
  "{'format': 'ministerial-plan', 'version': 1, " \
  "'conference': {'title': '2023', 'time_zone': 'America/Mexico_City', " \
  "  'start_date': '2023-04-01', 'end_date': '2023-05-31'}, " \
  "'delegations': [{'id': 'MEX', 'name': 'Mexico'}], " \
  "'participants': [{'id': 'cienfuegos', 'name': 'Cienfuegos', 'delegation': 'MEX'}], " \
  "'meetings': [" \
  "  {'id': 'april', 'title': 'April', 'start': '2023-04-05T10:00', 'end': '2023-04-05T11:00', 'participants': ['cienfuegos'], 'uid': 'april@t'}, " \
  "  {'id': 'may', 'title': 'May', 'start': '2023-05-12T10:00', 'end': '2023-05-12T11:00', 'participants': ['cienfuegos'], 'uid': 'may-2023@t'}]}"

typedef struct
{
  gint64               start;
  gint64               end;
  int                  sequence;
  icalproperty_status  status;
  guint                n_attendees;
  char                *tzid;          /* of DTSTART, or NULL for UTC */
} Seen;

static void
seen_free (Seen *seen)
{
  g_free (seen->tzid);
  g_free (seen);
}

static gint64
instant_of (icaltimetype tt)
{
  return icaltime_as_timet_with_zone (tt, tt.zone);
}

/* The calendar as libical reads it back: uid → Seen. */
static GHashTable *
read_back (const char *text)
{
  GHashTable *events = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify) seen_free);
  icalcomponent *root = icalparser_parse_string (text);

  g_assert_nonnull (root);
  g_assert_cmpint (icalcomponent_isa (root), ==, ICAL_VCALENDAR_COMPONENT);

  for (icalcomponent *c = icalcomponent_get_first_component (root, ICAL_VEVENT_COMPONENT);
       c != NULL; c = icalcomponent_get_next_component (root, ICAL_VEVENT_COMPONENT))
    {
      Seen *seen = g_new0 (Seen, 1);
      icalproperty *dtstart = icalcomponent_get_first_property (c, ICAL_DTSTART_PROPERTY);
      icalparameter *tzid = icalproperty_get_first_parameter (dtstart, ICAL_TZID_PARAMETER);
      icaltimetype start = icalcomponent_get_dtstart (c);

      g_assert_null (icalcomponent_get_first_property (c, ICAL_XLICERROR_PROPERTY));
      /* A zoned time must find its VTIMEZONE in the file. */
      g_assert_true (icaltime_is_utc (start) || start.zone != NULL);
      seen->start = instant_of (start);
      seen->end = instant_of (icalcomponent_get_dtend (c));
      seen->sequence = icalcomponent_get_sequence (c);
      seen->status = icalcomponent_get_status (c);
      seen->n_attendees = icalcomponent_count_properties (c, ICAL_ATTENDEE_PROPERTY);
      seen->tzid = tzid != NULL ? g_strdup (icalparameter_get_tzid (tzid)) : NULL;
      g_assert_false (g_hash_table_contains (events, icalcomponent_get_uid (c)));
      g_hash_table_insert (events, g_strdup (icalcomponent_get_uid (c)), seen);
    }

  icalcomponent_free (root);
  return events;
}

static MpPlan *
load_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = g_strdup (text);
  MpPlan *plan;

  g_strdelimit (data, "'", '"');
  plan = mp_plan_file_load_data (data, strlen (data), "test.ministerial", &error);
  g_assert_no_error (error);
  return plan;
}

static char *
sample_path (void)
{
  const char *root = g_getenv ("MINISTERIAL_SOURCE_ROOT");

  g_assert_nonnull (root);
  return g_build_filename (root, "data", "samples", SAMPLE, NULL);
}

static MpPlan *
load_sample (void)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = sample_path ();
  MpPlan *plan;

  file = g_file_new_for_path (path);
  plan = mp_plan_file_load (file, &error);
  g_assert_no_error (error);
  return plan;
}

static char *
export (MpPlan     *plan,
        const char *for_id)
{
  g_autoptr(MpIcsExporter) exporter = mp_ics_exporter_new (plan);
  MpRecord *audience = NULL;

  if (for_id != NULL)
    {
      audience = mp_ics_lookup_audience (plan, for_id);
      g_assert_nonnull (audience);
    }
  mp_ics_exporter_set_stamp (exporter, STAMP);
  return mp_ics_exporter_export (exporter, audience, NULL);
}

static MpMeeting *
meeting_by_uid (MpPlan     *plan,
                const char *uid)
{
  GListModel *meetings = mp_plan_get_meetings (plan);

  for (guint i = 0; i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(MpMeeting) meeting = g_list_model_get_item (meetings, i);

      if (g_strcmp0 (mp_meeting_get_uid (meeting), uid) == 0)
        return meeting;
    }
  return NULL;
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("test-ics-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_dir (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

static void
write_file (const char *path,
            const char *text)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static char *
save_plan (MpPlan     *plan,
           const char *dir,
           const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  mp_plan_file_save (plan, file, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static MpPlan *
reload (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  MpPlan *plan = mp_plan_file_load (file, &error);

  g_assert_no_error (error);
  return plan;
}

/* Runs the built ministerial; returns its exit status. */
static int
run_cli (const char * const *args,
         char              **out,
         char              **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *binary = g_getenv ("MINISTERIAL");
  int status = 0;

  g_assert_nonnull (binary);
  g_ptr_array_add (argv, (char *) binary);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                out, err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static char *
utc_text (gint64 instant)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (instant);

  return g_date_time_format (dt, "%Y%m%dT%H%M%SZ");
}

/* Every VEVENT: UID, instants as the plan has them, TZID, the members. */
static void
test_sample_events (void)
{
  g_autoptr(MpPlan) plan = load_sample ();
  g_autofree char *text = export (plan, NULL);
  g_autoptr(GHashTable) seen = read_back (text);
  icalcomponent *root = icalparser_parse_string (text);
  icalcomponent *vtz;
  icalcomponent *event;
  GListModel *meetings = mp_plan_get_meetings (plan);
  guint n_zones = 0;

  /* The calendar. */
  g_assert_true (g_str_has_prefix (text, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"));
  g_assert_true (g_str_has_suffix (text, "END:VCALENDAR\r\n"));
  g_assert_nonnull (strstr (text, "\r\nMETHOD:PUBLISH\r\n"));
  g_assert_nonnull (strstr (text, "\r\nX-WR-CALNAME:North American Defense Ministerial 2014 — All meetings\r\n"));
  g_assert_null (strstr (text, "freeassociation"));
  /* The calendar is put together from libical's lines: libical reads it
   * and writes it back byte for byte. */
  g_assert_cmpstr (icalcomponent_as_ical_string (root), ==, text);

  /* One VTIMEZONE, plain, trimmed to 2014. */
  for (vtz = icalcomponent_get_first_component (root, ICAL_VTIMEZONE_COMPONENT); vtz != NULL;
       vtz = icalcomponent_get_next_component (root, ICAL_VTIMEZONE_COMPONENT))
    {
      g_assert_cmpstr (icalproperty_get_tzid (icalcomponent_get_first_property (vtz, ICAL_TZID_PROPERTY)),
                       ==, "America/Mexico_City");
      for (icalcomponent *rule = icalcomponent_get_first_component (vtz, ICAL_ANY_COMPONENT); rule != NULL;
           rule = icalcomponent_get_next_component (vtz, ICAL_ANY_COMPONENT))
        g_assert_cmpint (icalcomponent_get_dtstart (rule).year, >=, 2013);
      n_zones++;
    }
  g_assert_cmpuint (n_zones, ==, 1);

  g_assert_cmpuint (g_hash_table_size (seen), ==, g_list_model_get_n_items (meetings));
  for (guint i = 0; i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(MpMeeting) meeting = g_list_model_get_item (meetings, i);
      Seen *s = g_hash_table_lookup (seen, mp_meeting_get_uid (meeting));
      guint n_people = g_strv_length ((char **) mp_meeting_get_participants (meeting));

      g_assert_nonnull (s);
      g_assert_cmpint (s->start, ==, mp_meeting_get_start_instant (meeting));
      g_assert_cmpint (s->end, ==, mp_meeting_get_end_instant (meeting));
      g_assert_cmpstr (s->tzid, ==, "America/Mexico_City");
      g_assert_cmpint (s->sequence, ==, mp_meeting_get_sequence (meeting));
      g_assert_cmpuint (s->n_attendees, ==, n_people);
    }

  /* The members of one event. */
  for (event = icalcomponent_get_first_component (root, ICAL_VEVENT_COMPONENT); event != NULL;
       event = icalcomponent_get_next_component (root, ICAL_VEVENT_COMPONENT))
    if (g_str_equal (icalcomponent_get_uid (event), "arrival-hagel@ministerial.example.org"))
      break;
  g_assert_nonnull (event);
  g_assert_cmpstr (icalcomponent_get_summary (event), ==, "Arrival of Secretary Hagel");
  g_assert_true (g_str_has_prefix (icalcomponent_get_location (event),
                                   "Presidential Hangar Lounge, Mexico City International Airport, "
                                   "Presidential Hangar, Avenida Capitán Carlos León"));
  g_assert_cmpint (icalcomponent_get_status (event), ==, ICAL_STATUS_CONFIRMED);
  g_assert_cmpstr (icalproperty_get_categories (icalcomponent_get_first_property (event, ICAL_CATEGORIES_PROPERTY)),
                   ==, "Travel");
  g_assert_true (g_str_has_prefix (icalcomponent_get_description (event), "U.S. Air Force flight"));
  g_assert_nonnull (icalcomponent_get_first_property (event, ICAL_DTSTAMP_PROPERTY));
  g_assert_nonnull (icalcomponent_get_first_property (event, ICAL_ORGANIZER_PROPERTY));

  for (icalproperty *p = icalcomponent_get_first_property (event, ICAL_ATTENDEE_PROPERTY); p != NULL;
       p = icalcomponent_get_next_property (event, ICAL_ATTENDEE_PROPERTY))
    {
      const char *cn = icalparameter_get_cn (icalproperty_get_first_parameter (p, ICAL_CN_PARAMETER));
      icalparameter_role role = icalparameter_get_role (icalproperty_get_first_parameter (p, ICAL_ROLE_PARAMETER));
      const char *address = icalproperty_get_attendee (p);

      if (g_str_equal (cn, "Chuck Hagel"))          /* principal, no email */
        {
          g_assert_cmpint (role, ==, ICAL_ROLE_REQPARTICIPANT);
          g_assert_true (g_str_has_prefix (address, "urn:uuid:"));
          g_assert_cmpuint (strlen (address), ==, strlen ("urn:uuid:") + 36);
        }
      else if (g_str_equal (cn, "Maj. Laura Bennett")) /* staff, with email */
        {
          g_assert_cmpint (role, ==, ICAL_ROLE_OPTPARTICIPANT);
          g_assert_cmpstr (address, ==, "mailto:laura.bennett@example.org");
        }
      else if (g_str_equal (cn, "Rear Adm. John Kirby")) /* press */
        g_assert_cmpint (role, ==, ICAL_ROLE_NONPARTICIPANT);
    }

  icalcomponent_free (root);
  g_assert_finalize_object (g_steal_pointer (&plan));
}

/* The meetings an audience attends, worked out here the long way. */
static GHashTable *
expected_uids (MpPlan     *plan,
               const char *delegation,
               const char *person)
{
  GHashTable *uids = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *meetings = mp_plan_get_meetings (plan);

  for (guint i = 0; i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(MpMeeting) meeting = g_list_model_get_item (meetings, i);
      const char * const *ids = mp_meeting_get_participants (meeting);

      for (guint j = 0; ids != NULL && ids[j] != NULL; j++)
        {
          MpParticipant *p = mp_plan_get_participant (plan, ids[j]);

          if ((person != NULL && g_str_equal (ids[j], person)) ||
              (delegation != NULL && g_str_equal (mp_participant_get_delegation (p), delegation)))
            g_hash_table_add (uids, (char *) mp_meeting_get_uid (meeting));
        }
    }
  return uids;
}

static void
assert_same_uids (GHashTable *seen,
                  GHashTable *expected)
{
  GHashTableIter iter;
  gpointer key;

  g_assert_cmpuint (g_hash_table_size (seen), ==, g_hash_table_size (expected));
  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_assert_true (g_hash_table_contains (seen, key));
}

/* A delegation's calendar holds exactly its meetings; a person's, theirs. */
static void
test_audiences (void)
{
  g_autoptr(MpPlan) plan = load_sample ();
  GListModel *delegations = mp_plan_get_delegations (plan);
  GListModel *people = mp_plan_get_participants (plan);

  for (guint i = 0; i < g_list_model_get_n_items (delegations); i++)
    {
      g_autoptr(MpRecord) delegation = g_list_model_get_item (delegations, i);
      const char *id = mp_record_get_id (delegation);
      g_autofree char *text = export (plan, id);
      g_autoptr(GHashTable) seen = read_back (text);
      g_autoptr(GHashTable) expected = expected_uids (plan, id, NULL);
      g_autofree char *calname = g_strdup_printf ("X-WR-CALNAME:North American Defense Ministerial 2014 — %s\r\n",
                                                  mp_delegation_get_name (MP_DELEGATION (delegation)));

      g_assert_cmpuint (g_hash_table_size (expected), >, 0);
      assert_same_uids (seen, expected);
      g_assert_nonnull (strstr (text, calname));
    }

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(MpRecord) person = g_list_model_get_item (people, i);
      const char *id = mp_record_get_id (person);
      g_autofree char *text = export (plan, id);
      g_autoptr(GHashTable) seen = read_back (text);
      g_autoptr(GHashTable) expected = expected_uids (plan, NULL, id);

      assert_same_uids (seen, expected);
      if (g_hash_table_size (expected) == 0)
        g_assert_null (strstr (text, "BEGIN:VTIMEZONE"));
    }

  g_assert_finalize_object (g_steal_pointer (&plan));
}

static void
assert_utc (GHashTable *seen,
            const char *uid,
            const char *start)
{
  Seen *s = g_hash_table_lookup (seen, uid);
  g_autofree char *text = NULL;

  g_assert_nonnull (s);
  text = utc_text (s->start);
  g_assert_cmpstr (text, ==, start);
}

/* Both sides of Mexico City's 2014 change, the fold, another zone, and
 * 2023, when Mexico no longer kept daylight saving. */
static void
test_daylight_saving (void)
{
  g_autoptr(MpPlan) plan = load_text (DST_PLAN);
  g_autoptr(MpPlan) plan_2023 = load_text (PLAN_2023);
  g_autofree char *text = export (plan, NULL);
  g_autofree char *text_2023 = export (plan_2023, NULL);
  g_autofree char *mexico_only = export (plan, "cienfuegos");
  g_autoptr(GHashTable) seen = read_back (text);
  g_autoptr(GHashTable) seen_2023 = read_back (text_2023);

  assert_utc (seen, "before@t", "20140405T160000Z");
  assert_utc (seen, "last-cst@t", "20140406T073000Z");
  assert_utc (seen, "first-cdt@t", "20140406T080000Z");
  assert_utc (seen, "after@t", "20140407T150000Z");
  assert_utc (seen, "may@t", "20140512T150000Z");
  assert_utc (seen, "november@t", "20141120T153000Z");
  assert_utc (seen, "new-york@t", "20140512T140000Z");
  /* 01:30 after the clocks went back: the wall clock would name the first
   * 01:30, so the start is written in UTC. */
  assert_utc (seen, "fold@t", "20141026T073000Z");
  g_assert_null (((Seen *) g_hash_table_lookup (seen, "fold@t"))->tzid);
  g_assert_nonnull (strstr (text, "DTSTART;TZID=America/Mexico_City:20140406T030000\r\n"));

  /* One VTIMEZONE per zone used. */
  g_assert_nonnull (strstr (text, "TZID:America/New_York\r\n"));
  g_assert_null (strstr (mexico_only, "America/New_York"));
  g_assert_nonnull (strstr (mexico_only, "TZID:America/Mexico_City\r\n"));

  assert_utc (seen_2023, "april@t", "20230405T160000Z");
  assert_utc (seen_2023, "may-2023@t", "20230512T160000Z");
  g_assert_null (strstr (text_2023, "BEGIN:DAYLIGHT"));

  g_assert_finalize_object (g_steal_pointer (&plan));
  g_assert_finalize_object (g_steal_pointer (&plan_2023));
}

static void
assert_same_meeting (MpMeeting *a,
                     MpMeeting *b)
{
  g_autofree char *a_start = mp_time_to_string (mp_meeting_get_start (a));
  g_autofree char *b_start = mp_time_to_string (mp_meeting_get_start (b));
  g_autofree char *a_end = mp_time_to_string (mp_meeting_get_end (a));
  g_autofree char *b_end = mp_time_to_string (mp_meeting_get_end (b));

  g_assert_cmpstr (mp_meeting_get_title (a), ==, mp_meeting_get_title (b));
  g_assert_cmpint (mp_meeting_get_kind (a), ==, mp_meeting_get_kind (b));
  g_assert_cmpstr (a_start, ==, b_start);
  g_assert_cmpstr (a_end, ==, b_end);
  g_assert_cmpint (mp_meeting_get_start_instant (a), ==, mp_meeting_get_start_instant (b));
  g_assert_cmpstr (mp_meeting_get_room (a), ==, mp_meeting_get_room (b));
  g_assert_true (g_strv_equal ((const char * const *) mp_meeting_get_participants (a),
                               (const char * const *) mp_meeting_get_participants (b)));
  g_assert_cmpint (mp_meeting_get_status (a), ==, mp_meeting_get_status (b));
  if (mp_meeting_get_topics (a) == NULL)
    g_assert_null (mp_meeting_get_topics (b));
  else
    g_assert_true (g_strv_equal (mp_meeting_get_topics (a), mp_meeting_get_topics (b)));
  g_assert_cmpstr (mp_meeting_get_notes (a), ==, mp_meeting_get_notes (b));
  g_assert_cmpint (mp_meeting_get_sequence (a), ==, mp_meeting_get_sequence (b));
}

static void
remove_meetings (MpPlan *plan)
{
  GListModel *meetings = mp_plan_get_meetings (plan);

  while (g_list_model_get_n_items (meetings) > 0)
    {
      g_autoptr(MpRecord) meeting = g_list_model_get_item (meetings, 0);

      mp_plan_remove (plan, meeting);
    }
}

/* Export, then import into the same plan without its meetings: the same
 * meetings come back, whatever their text holds. */
static void
test_round_trip (void)
{
  g_autoptr(MpPlan) plan = load_sample ();
  g_autoptr(MpPlan) empty = load_sample ();
  g_autoptr(MpPlan) dst = load_text (DST_PLAN);
  g_autoptr(MpPlan) dst_empty = load_text (DST_PLAN);
  g_auto(MpIcsReport) report = { 0 };
  g_auto(MpIcsReport) dst_report = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *dst_text = NULL;
  MpMeeting *meeting = mp_plan_get_meeting (plan, "working-lunch");
  const char *topics[] = { "Border security, ports; and airspace", "Two\nlines", "Topics: \\ \"quoted\"", NULL };
  GListModel *meetings = mp_plan_get_meetings (plan);

  mp_meeting_set_topics (meeting, topics);
  mp_meeting_set_notes (meeting, "First line.\n\nThird line; with, punctuation.");
  mp_meeting_set_status (mp_plan_get_meeting (plan, "press-readout"), MP_MEETING_STATUS_CANCELLED);
  mp_meeting_set_topics (mp_plan_get_meeting (plan, "honors"), topics);
  mp_meeting_set_notes (mp_plan_get_meeting (plan, "honors"), NULL);
  mp_plan_file_prepare (plan);
  text = export (plan, NULL);

  remove_meetings (empty);
  mp_ics_import (empty, text, strlen (text), "round-trip.ics", &report, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report.n_events, ==, g_list_model_get_n_items (meetings));
  g_assert_cmpuint (report.added, ==, report.n_events);
  g_assert_null (report.notes);

  for (guint i = 0; i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(MpMeeting) original = g_list_model_get_item (meetings, i);
      MpMeeting *back = meeting_by_uid (empty, mp_meeting_get_uid (original));

      g_assert_nonnull (back);
      assert_same_meeting (original, back);
      g_assert_false (mp_meeting_get_rescheduled (back));
    }

  /* Importing the same calendar again changes nothing. */
  mp_ics_report_clear (&report);
  mp_ics_import (empty, text, strlen (text), "round-trip.ics", &report, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report.unchanged, ==, report.n_events);
  g_assert_cmpuint (g_list_model_get_n_items (mp_plan_get_meetings (empty)), ==,
                    g_list_model_get_n_items (meetings));

  /* Zones, daylight saving, and a time in UTC. */
  dst_text = export (dst, NULL);
  remove_meetings (dst_empty);
  mp_ics_import (dst_empty, dst_text, strlen (dst_text), "dst.ics", &dst_report, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (mp_plan_get_meetings (dst)); i++)
    {
      g_autoptr(MpMeeting) original = g_list_model_get_item (mp_plan_get_meetings (dst), i);
      MpMeeting *back = meeting_by_uid (dst_empty, mp_meeting_get_uid (original));

      g_assert_nonnull (back);
      g_assert_cmpint (mp_meeting_get_start_instant (original), ==, mp_meeting_get_start_instant (back));
      g_assert_cmpint (mp_meeting_get_end_instant (original), ==, mp_meeting_get_end_instant (back));
      g_assert_cmpstr (mp_meeting_get_room (original), ==, mp_meeting_get_room (back));
    }

  g_assert_finalize_object (g_steal_pointer (&plan));
  g_assert_finalize_object (g_steal_pointer (&empty));
  g_assert_finalize_object (g_steal_pointer (&dst));
  g_assert_finalize_object (g_steal_pointer (&dst_empty));
}

static Seen *
lookup_seen (GHashTable *seen,
             const char *uid)
{
  Seen *s = g_hash_table_lookup (seen, uid);

  g_assert_nonnull (s);
  return s;
}

/* Move, save, export: SEQUENCE up by one. Save again: no change. Cancel:
 * STATUS:CANCELLED, in every calendar that had the meeting. */
static void
test_sequence (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(MpPlan) plan = load_sample ();
  g_autoptr(MpPlan) saved = NULL;
  g_autofree char *path = NULL;
  MpMeeting *moved = mp_plan_get_meeting (plan, "bilateral-usa-can");
  MpMeeting *cancelled = mp_plan_get_meeting (plan, "press-readout");
  const char *moved_uid = "bilateral-usa-can@ministerial.example.org";
  const char *cancelled_uid = "press-readout@ministerial.example.org";
  g_autoptr(MpMeeting) fresh = mp_meeting_new ("fresh");
  MpTime start, end;

  {
    g_autofree char *text = export (plan, NULL);
    g_autoptr(GHashTable) seen = read_back (text);

    g_assert_cmpint (lookup_seen (seen, moved_uid)->sequence, ==, 0);
  }

  mp_meeting_set_span (moved, mp_meeting_get_start_instant (moved) + 3600,
                       mp_meeting_get_end_instant (moved) + 3600);
  mp_meeting_set_title (cancelled, "Press readout (renamed)");  /* not a reschedule */
  path = save_plan (plan, dir, "plan.ministerial");
  {
    g_autofree char *text = export (plan, NULL);
    g_autoptr(GHashTable) seen = read_back (text);

    g_assert_cmpint (lookup_seen (seen, moved_uid)->sequence, ==, 1);
    g_assert_cmpint (lookup_seen (seen, moved_uid)->start, ==, mp_meeting_get_start_instant (moved));
    g_assert_cmpint (lookup_seen (seen, cancelled_uid)->sequence, ==, 0);
  }

  /* Saving again without a change raises nothing. */
  g_free (save_plan (plan, dir, "plan.ministerial"));
  saved = reload (path);
  {
    g_autofree char *text = export (saved, NULL);
    g_autoptr(GHashTable) seen = read_back (text);

    g_assert_cmpint (lookup_seen (seen, moved_uid)->sequence, ==, 1);
  }
  g_assert_finalize_object (g_steal_pointer (&saved));

  /* Two moves between saves are one raise. */
  mp_meeting_set_room (moved, "conference-room-b");
  mp_meeting_set_room (moved, "conference-room-a");
  mp_meeting_set_span (moved, mp_meeting_get_start_instant (moved) - 3600,
                       mp_meeting_get_end_instant (moved) - 3600);
  mp_meeting_set_status (cancelled, MP_MEETING_STATUS_CANCELLED);
  g_free (save_plan (plan, dir, "plan.ministerial"));
  saved = reload (path);
  g_assert_cmpint (mp_meeting_get_sequence (mp_plan_get_meeting (saved, "bilateral-usa-can")), ==, 2);

  /* The cancelled meeting is in every calendar it was in. */
  {
    const char *ids[] = { NULL, "USA", "CAN", "MEX", "kirby", NULL };
    g_autofree char *text = export (saved, NULL);
    g_autoptr(GHashTable) seen = read_back (text);
    Seen *s = lookup_seen (seen, cancelled_uid);

    g_assert_cmpint (s->status, ==, ICAL_STATUS_CANCELLED);
    g_assert_cmpint (s->sequence, ==, 1);

    for (guint i = 1; ids[i] != NULL; i++)
      {
        g_autofree char *part = export (saved, ids[i]);
        g_autoptr(GHashTable) part_seen = read_back (part);
        g_autoptr(GHashTable) expected = ids[i][0] == 'k' ? expected_uids (saved, NULL, ids[i])
                                                          : expected_uids (saved, ids[i], NULL);

        assert_same_uids (part_seen, expected);
        if (g_hash_table_contains (expected, cancelled_uid))
          g_assert_cmpint (lookup_seen (part_seen, cancelled_uid)->status, ==, ICAL_STATUS_CANCELLED);
      }
  }

  /* A new meeting gets a uid and starts at sequence 0. */
  start = mp_time_from_wall (mp_meeting_get_start (moved)->wall + 86400);
  end = mp_time_from_wall (mp_meeting_get_end (moved)->wall + 86400);
  mp_meeting_set_title (fresh, "Fresh");
  mp_meeting_set_room (fresh, "conference-room-b");
  mp_meeting_set_start (fresh, &start);
  mp_meeting_set_end (fresh, &end);
  mp_plan_add (saved, MP_RECORD (fresh), NULL);
  g_assert_null (mp_meeting_get_uid (fresh));
  mp_plan_file_prepare (saved);
  g_assert_nonnull (mp_meeting_get_uid (fresh));
  g_assert_cmpint (mp_meeting_get_sequence (fresh), ==, 0);

  g_assert_finalize_object (g_steal_pointer (&saved));
  g_assert_finalize_object (g_steal_pointer (&plan));
  remove_dir (dir);
}

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

static char *
read_data (const char *name,
           gsize      *length)
{
  g_autofree char *path = data_path (name);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, length, &error);
  g_assert_no_error (error);
  return text;
}

static gboolean
notes_contain (MpIcsReport *report,
               const char  *text)
{
  for (guint i = 0; report->notes != NULL && i < report->notes->len; i++)
    if (strstr (g_ptr_array_index (report->notes, i), text) != NULL)
      return TRUE;
  return FALSE;
}

/* A calendar from elsewhere: a newer SEQUENCE updates, an older one does
 * not; rooms and people by name; the rest reported. */
static void
test_import (void)
{
  g_autoptr(MpPlan) plan = load_sample ();
  g_auto(MpIcsReport) report = { 0 };
  g_autoptr(GError) error = NULL;
  gsize length;
  g_autofree char *data = read_data ("ics-import.ics", &length);
  MpMeeting *updated = mp_plan_get_meeting (plan, "bilateral-usa-can");
  MpMeeting *coffee, *reception;
  const char * const *people;
  g_autofree char *start = NULL;

  mp_ics_import (plan, data, length, "ics-import.ics", &report, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report.n_events, ==, 4);
  g_assert_cmpuint (report.added, ==, 2);
  g_assert_cmpuint (report.updated, ==, 1);
  g_assert_cmpuint (report.unchanged, ==, 1);
  g_assert_true (notes_contain (&report, "ics-import.ics:40: “Coffee with the Defence Attaché”: no participant named “Jane Doe”"));
  g_assert_true (notes_contain (&report, "no room named “Blue Salon”"));
  g_assert_cmpuint (report.notes->len, ==, 2);

  /* 19:30 in a Windows zone of the file's own: Mexico City time. */
  start = mp_time_to_string (mp_meeting_get_start (updated));
  g_assert_cmpstr (start, ==, "2014-04-23T19:30");
  g_assert_cmpint (mp_meeting_get_sequence (updated), ==, 1);
  g_assert_false (mp_meeting_get_rescheduled (updated));
  g_assert_cmpint (mp_meeting_get_kind (updated), ==, MP_MEETING_KIND_BILATERAL);
  people = mp_meeting_get_participants (updated);
  g_assert_cmpstr (people[0], ==, "hagel");
  g_assert_cmpstr (people[1], ==, "nicholson");
  g_assert_null (people[2]);
  g_assert_cmpstr (mp_meeting_get_title (mp_plan_get_meeting (plan, "honors")), !=, "Honors (an older copy)");

  coffee = meeting_by_uid (plan, "coffee-attache@example.org");
  g_assert_nonnull (coffee);
  g_assert_cmpstr (mp_meeting_get_room (coffee), ==, "conference-room-b");
  g_assert_cmpint (mp_meeting_get_kind (coffee), ==, MP_MEETING_KIND_PULL_ASIDE);
  g_assert_cmpint (mp_meeting_get_status (coffee), ==, MP_MEETING_STATUS_TENTATIVE);
  g_assert_cmpstr (mp_meeting_get_notes (coffee), ==, "Informal.");
  people = mp_meeting_get_participants (coffee);
  g_assert_cmpstr (people[0], ==, "nicholson");   /* by name */
  g_assert_cmpstr (people[1], ==, "tremblay");    /* by email */
  g_assert_null (people[2]);

  reception = meeting_by_uid (plan, "reception@example.org");
  g_assert_nonnull (reception);
  g_assert_null (mp_meeting_get_room (reception));
  g_assert_cmpint (mp_meeting_get_end_instant (reception) - mp_meeting_get_start_instant (reception), ==, 2 * 3600);

  g_assert_finalize_object (g_steal_pointer (&plan));
}

static void
assert_windows (MpParticipant *person,
                const char   **expected)
{
  GArray *windows = mp_participant_get_available (person);

  g_assert_nonnull (windows);
  g_assert_cmpuint (windows->len, ==, g_strv_length ((char **) expected) / 2);
  for (guint i = 0; i < windows->len; i++)
    {
      MpInterval *w = &g_array_index (windows, MpInterval, i);
      g_autofree char *start = mp_time_to_string (&w->start);
      g_autofree char *end = mp_time_to_string (&w->end);

      g_assert_cmpstr (start, ==, expected[2 * i]);
      g_assert_cmpstr (end, ==, expected[2 * i + 1]);
    }
}

/* Another diary's events come off the person's availability, so the
 * conflict check sees them. */
static void
test_busy (void)
{
  g_autoptr(MpPlan) plan = load_sample ();
  g_auto(MpIcsReport) report = { 0 };
  g_auto(MpIcsReport) gagnon_report = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conflicts = mp_conflicts_find (plan);
  gsize length;
  g_autofree char *data = read_data ("ics-busy.ics", &length);
  const char *hagel[] = {
    "2014-04-23T16:00", "2014-04-24T06:00",
    "2014-04-24T06:30", "2014-04-24T12:00",   /* lunch 17:00Z: 12:00 CDT */
    "2014-04-24T13:00", "2014-04-25T06:00",   /* the call, 07:00 in New York */
    "2014-04-25T06:30", "2014-04-25T11:30",
    NULL
  };
  const char *gagnon[] = {
    "2014-04-23T00:00", "2014-04-24T06:00",   /* 23rd: EXDATE */
    "2014-04-24T06:30", "2014-04-24T12:00",
    "2014-04-24T13:00", "2014-04-25T06:00",
    "2014-04-25T06:30", "2014-04-26T00:00",
    NULL
  };
  gboolean found = FALSE;

  g_assert_cmpuint (conflicts->len, ==, 0);
  g_clear_pointer (&conflicts, g_ptr_array_unref);

  /* Hagel's window carries a member of a newer tool: each piece keeps it. */
  {
    MpParticipant *person = mp_plan_get_participant (plan, "hagel");
    g_autoptr(GArray) windows = g_array_new (FALSE, FALSE, sizeof (MpInterval));
    MpInterval window = g_array_index (mp_participant_get_available (person), MpInterval, 0);

    g_array_set_clear_func (windows, mp_interval_clear);
    window.extra = json_object_new ();
    json_object_set_string_member (window.extra, "x-note", "motorcade");
    g_array_append_val (windows, window);
    /* (Windows that differ only in their extras count as the same.) */
    mp_participant_set_available (person, NULL);
    mp_participant_set_available (person, windows);
  }

  mp_ics_import_busy (plan, "hagel", data, length, "ics-busy.ics", &report, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report.n_events, ==, 5);
  g_assert_cmpuint (report.added, ==, 2);
  g_assert_cmpuint (report.unchanged, ==, 1);   /* before the conference */
  g_assert_cmpuint (report.skipped, ==, 2);     /* cancelled, transparent */
  assert_windows (mp_plan_get_participant (plan, "hagel"), hagel);
  {
    GArray *windows = mp_participant_get_available (mp_plan_get_participant (plan, "hagel"));

    for (guint i = 0; i < windows->len; i++)
      {
        JsonObject *extra = g_array_index (windows, MpInterval, i).extra;

        g_assert_nonnull (extra);
        g_assert_cmpstr (json_object_get_string_member (extra, "x-note"), ==, "motorcade");
      }
  }

  /* Without windows: the whole conference, less the busy times. */
  g_assert_null (mp_participant_get_available (mp_plan_get_participant (plan, "gagnon")));
  mp_ics_import_busy (plan, "gagnon", data, length, "ics-busy.ics", &gagnon_report, &error);
  g_assert_no_error (error);
  assert_windows (mp_plan_get_participant (plan, "gagnon"), gagnon);

  /* Hagel's bilateral with SEMAR (12:00) now clashes with his lunch. */
  conflicts = mp_conflicts_find (plan);
  for (guint i = 0; i < conflicts->len; i++)
    {
      MpConflict *c = g_ptr_array_index (conflicts, i);

      if (mp_conflict_get_kind (c) == MP_CONFLICT_KIND_UNAVAILABLE &&
          g_str_equal (mp_conflict_get_participant (c), "hagel") &&
          g_str_equal (mp_conflict_get_meetings (c)[0], "bilateral-usa-semar"))
        found = TRUE;
    }
  g_assert_true (found);

  /* Nobody of that id. */
  mp_ics_import_busy (plan, "nobody", data, length, "ics-busy.ics", &report, &error);
  g_assert_error (error, MP_ICS_ERROR, MP_ICS_ERROR_UNKNOWN);

  g_clear_pointer (&conflicts, g_ptr_array_unref);
  g_assert_finalize_object (g_steal_pointer (&plan));
}

/* Malformed calendars: an error that names the file and line, and the
 * plan as it was. */
static void
test_malformed (void)
{
  static const struct {
    const char *file;
    const char *message;
  } cases[] = {
    { "ics-malformed-unended.ics", "ics-malformed-unended.ics:9: END:VCALENDAR, but BEGIN:VEVENT on line 4 is not ended" },
    { "ics-malformed-line.ics", "ics-malformed-line.ics:8: “this line is not a property” is not a content line" },
    { "ics-malformed-date.ics", "ics-malformed-date.ics:14: “2014-05-12” is not a date" },
    { "ics-malformed-zone.ics", "ics-malformed-zone.ics:4: the event “Far away” is in the time zone “Mars/Olympus_Mons”" },
  };
  static const char *inline_cases[][2] = {
    { "", "not an iCalendar file" },
    { "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\nEND:VEVENT\r\n", "x.ics:3: END:VEVENT without a BEGIN" },
    { "BEGIN:VEVENT\r\nEND:VEVENT\r\n", "x.ics:1: BEGIN:VEVENT outside a VCALENDAR" },
    { "\r\n continued\r\nBEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "x.ics:2: a continuation line" },
    { "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", "x.ics:2: the event “x” has no DTSTART" },
    { "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20140424T170000Z\r\nDURATION:PXYZ\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", "x.ics:4: the event “”: Can't parse as DURATION" },
    { "BEGIN:VCALENDAR\r\nSUMMARY;CN=\"a:b\r\nEND:VCALENDAR\r\n", "x.ics:2: the property SUMMARY has no “:”" },
    { "BEGIN:VCALENDAR\r\nX-\xff:1\r\nEND:VCALENDAR\r\n", "x.ics:2: not UTF-8" },
  };
  g_autoptr(MpPlan) plan = load_sample ();
  g_autofree char *before = mp_plan_file_to_data (plan, NULL);
  g_autofree char *after = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(MpIcsReport) report = { 0 };
      g_autoptr(GError) error = NULL;
      gsize length;
      g_autofree char *data = read_data (cases[i].file, &length);

      g_assert_false (mp_ics_import (plan, data, length, cases[i].file, &report, &error));
      g_assert_error (error, MP_ICS_ERROR, error->code);
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("%s: “%s” lacks “%s”", cases[i].file, error->message, cases[i].message);
      g_clear_error (&error);
      g_assert_false (mp_ics_import_busy (plan, "hagel", data, length, cases[i].file, &report, &error));
      g_assert_nonnull (error);
    }

  for (guint i = 0; i < G_N_ELEMENTS (inline_cases); i++)
    {
      g_auto(MpIcsReport) report = { 0 };
      g_autoptr(GError) error = NULL;
      const char *data = inline_cases[i][0];

      g_assert_false (mp_ics_import (plan, data, strlen (data), "x.ics", &report, &error));
      g_assert_nonnull (error);
      if (strstr (error->message, inline_cases[i][1]) == NULL)
        g_error ("case %u: “%s” lacks “%s”", i, error->message, inline_cases[i][1]);
    }

  after = mp_plan_file_to_data (plan, NULL);
  g_assert_cmpstr (before, ==, after);
  g_assert_finalize_object (g_steal_pointer (&plan));
}

static guint
count_events (const char *text)
{
  guint n = 0;

  for (const char *p = text; (p = strstr (p, "BEGIN:VEVENT\r\n")) != NULL; p++)
    n++;
  return n;
}

/* ministerial --export-ics and --import-ics. */
static void
test_command_line (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *plan_path = g_build_filename (dir, "plan.ministerial", NULL);
  g_autofree char *backup_path = g_build_filename (dir, "plan.ministerial~", NULL);
  g_autofree char *ics_path = g_build_filename (dir, "all.ics", NULL);
  g_autofree char *usa_path = g_build_filename (dir, "usa.ics", NULL);
  g_autofree char *out_path = g_build_filename (dir, "out.ministerial", NULL);
  g_autofree char *busy_path = g_build_filename (dir, "busy.ministerial", NULL);
  g_autofree char *import_ics = data_path ("ics-import.ics");
  g_autofree char *busy_ics = data_path ("ics-busy.ics");
  g_autofree char *malformed_ics = data_path ("ics-malformed-unended.ics");
  g_autoptr(MpPlan) plan = load_sample ();
  g_autofree char *original = NULL;
  g_autofree char *first_uid = NULL;

  /* Two meetings without a uid. */
  mp_meeting_set_uid (mp_plan_get_meeting (plan, "plenary-closing"), NULL);
  mp_meeting_set_uid (mp_plan_get_meeting (plan, "plenary-opening"), NULL);
  original = mp_plan_file_to_data (plan, NULL);
  write_file (plan_path, original);

  {
    const char *args[] = { "--export-ics", ics_path, plan_path, NULL };
    g_autofree char *out = NULL, *err = NULL, *text = NULL;
    g_autoptr(MpPlan) saved = NULL;

    g_assert_cmpint (run_cli (args, &out, &err), ==, MP_EXIT_OK);
    g_assert_cmpstr (err, ==, "");
    g_assert_nonnull (strstr (out, "14 events"));
    g_assert_nonnull (strstr (out, "2 meetings had no calendar uid; saved with one"));
    saved = reload (plan_path);
    first_uid = g_strdup (mp_meeting_get_uid (mp_plan_get_meeting (saved, "plenary-closing")));
    g_assert_nonnull (first_uid);
    text = read_file (ics_path);
    g_assert_cmpuint (count_events (text), ==, 14);
    g_assert_nonnull (strstr (text, first_uid));
    g_assert_finalize_object (g_steal_pointer (&saved));
  }

  /* Again: the same uids, and the plan is not written. */
  {
    const char *args[] = { "--export-ics", ics_path, plan_path, NULL };
    g_autofree char *out = NULL, *err = NULL, *text = NULL, *backup = NULL;

    g_assert_cmpint (run_cli (args, &out, &err), ==, MP_EXIT_OK);
    g_assert_null (strstr (out, "no calendar uid"));
    text = read_file (ics_path);
    g_assert_nonnull (strstr (text, first_uid));
    backup = read_file (backup_path);
    g_assert_cmpstr (backup, ==, original);
  }

  /* A delegation, standard output, an unknown id. */
  {
    const char *args[] = { "--export-ics", usa_path, "--for", "USA", plan_path, NULL };
    const char *to_stdout[] = { "--export-ics", "-", "--for", "hagel", plan_path, NULL };
    const char *unknown[] = { "--export-ics", usa_path, "--for", "hgel", plan_path, NULL };
    const char *far[] = { "--export-ics", usa_path, "--for", "zzzzzzzz", plan_path, NULL };
    const char *no_plan[] = { "--export-ics", usa_path, NULL };
    g_autofree char *out = NULL, *err = NULL, *text = NULL;
    g_autoptr(MpPlan) sample = load_sample ();   /* every meeting with its uid */
    g_autoptr(GHashTable) usa = expected_uids (sample, "USA", NULL);
    g_autoptr(GHashTable) hagel = expected_uids (sample, NULL, "hagel");

    g_assert_cmpint (run_cli (args, &out, &err), ==, MP_EXIT_OK);
    text = read_file (usa_path);
    g_assert_cmpuint (count_events (text), ==, g_hash_table_size (usa));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);

    g_assert_cmpint (run_cli (to_stdout, &out, &err), ==, MP_EXIT_OK);
    g_assert_true (g_str_has_prefix (out, "BEGIN:VCALENDAR\r\n"));
    g_assert_cmpuint (count_events (out), ==, g_hash_table_size (hagel));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);

    g_assert_cmpint (run_cli (unknown, &out, &err), ==, MP_EXIT_BAD_INPUT);
    g_assert_nonnull (strstr (err, "no delegation, participant or room has the id “hgel”; did you mean “hagel”?"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);

    g_assert_cmpint (run_cli (far, &out, &err), ==, MP_EXIT_BAD_INPUT);
    g_assert_nonnull (strstr (err, "“zzzzzzzz”"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);

    g_assert_cmpint (run_cli (no_plan, &out, &err), ==, MP_EXIT_BAD_INPUT);
    g_clear_pointer (&usa, g_hash_table_unref);
    g_clear_pointer (&hagel, g_hash_table_unref);
    g_assert_finalize_object (g_steal_pointer (&sample));
  }

  /* A malformed calendar changes nothing. */
  {
    const char *args[] = { "--import-ics", malformed_ics, plan_path, NULL };
    g_autofree char *out = NULL, *err = NULL, *before = read_file (plan_path), *after = NULL;

    g_assert_cmpint (run_cli (args, &out, &err), ==, MP_EXIT_BAD_INPUT);
    g_assert_nonnull (strstr (err, "ics-malformed-unended.ics:9: "));
    after = read_file (plan_path);
    g_assert_cmpstr (before, ==, after);
  }

  /* Import, with -o. */
  {
    const char *args[] = { "--import-ics", import_ics, "-o", out_path, plan_path, NULL };
    g_autofree char *out = NULL, *err = NULL;
    g_autoptr(MpPlan) saved = NULL;

    g_assert_cmpint (run_cli (args, &out, &err), ==, MP_EXIT_OK);
    g_assert_nonnull (strstr (out, "no participant named “Jane Doe”"));
    g_assert_nonnull (strstr (out, "no room named “Blue Salon”"));
    g_assert_nonnull (strstr (out, "2 meetings added, 1 updated, 1 unchanged"));
    saved = reload (out_path);
    g_assert_nonnull (meeting_by_uid (saved, "coffee-attache@example.org"));
    /* The file's sequence, not one more for the save. */
    g_assert_cmpint (mp_meeting_get_sequence (mp_plan_get_meeting (saved, "bilateral-usa-can")), ==, 1);
    g_assert_finalize_object (g_steal_pointer (&saved));
  }

  /* Busy times. */
  {
    const char *unknown[] = { "--import-ics", busy_ics, "--busy", "hagl", plan_path, NULL };
    const char *args[] = { "--import-ics", busy_ics, "--busy", "hagel", "-o", busy_path, plan_path, NULL };
    const char *check[] = { "--check", busy_path, NULL };
    g_autofree char *out = NULL, *err = NULL;
    g_autoptr(MpPlan) saved = NULL;

    g_assert_cmpint (run_cli (unknown, &out, &err), ==, MP_EXIT_BAD_INPUT);
    g_assert_nonnull (strstr (err, "did you mean “hagel”"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);

    g_assert_cmpint (run_cli (args, &out, &err), ==, MP_EXIT_OK);
    g_assert_nonnull (strstr (out, "2 busy times"));
    saved = reload (busy_path);
    g_assert_cmpuint (mp_participant_get_available (mp_plan_get_participant (saved, "hagel"))->len, ==, 4);
    g_assert_finalize_object (g_steal_pointer (&saved));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);

    g_assert_cmpint (run_cli (check, &out, &err), ==, MP_EXIT_FINDINGS);
    g_assert_nonnull (strstr (out, "unavailable"));
  }

  /* The scheduler respects busy times: alone, it puts Hagel's pull-aside
   * at 08:00 on the 24th; with Hagel busy 07:30-09:00 that day, later. */
  {
    g_autofree char *diary = g_build_filename (dir, "diary.ics", NULL);
    g_autofree char *diary_plan = g_build_filename (dir, "diary.ministerial", NULL);
    g_autofree char *free_plan = g_build_filename (dir, "free.ministerial", NULL);
    const char *busy[] = { "--import-ics", diary, "--busy", "hagel", "-o", diary_plan, plan_path, NULL };
    const char *schedule_busy[] = { "--schedule", diary_plan, NULL };
    const char *schedule_free[] = { "--schedule", "-o", free_plan, plan_path, NULL };
    const char * const *runs[] = { busy, schedule_busy, schedule_free };
    gint64 busy_start = 1398342600, busy_end = 1398348000;   /* 12:30Z, 14:00Z */
    g_autoptr(MpPlan) with_diary = NULL;
    g_autoptr(MpPlan) without = NULL;
    MpMeeting *aside;

    write_file (diary, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//Diary//EN\r\n"
                       "BEGIN:VEVENT\r\nUID:breakfast@example.org\r\nDTSTAMP:20140420T120000Z\r\n"
                       "DTSTART:20140424T123000Z\r\nDTEND:20140424T140000Z\r\nSUMMARY:Breakfast\r\n"
                       "END:VEVENT\r\nEND:VCALENDAR\r\n");
    for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
      {
        g_autofree char *out = NULL, *err = NULL;

        g_assert_cmpint (run_cli (runs[i], &out, &err), ==, MP_EXIT_OK);
      }

    without = reload (free_plan);
    aside = mp_plan_get_placement (without, "req-pull-aside");
    g_assert_nonnull (aside);
    g_assert_true (mp_meeting_get_start_instant (aside) < busy_end &&
                   mp_meeting_get_end_instant (aside) > busy_start);

    with_diary = reload (diary_plan);
    aside = mp_plan_get_placement (with_diary, "req-pull-aside");
    g_assert_nonnull (aside);
    g_assert_false (mp_meeting_get_start_instant (aside) < busy_end &&
                    mp_meeting_get_end_instant (aside) > busy_start);

    g_assert_finalize_object (g_steal_pointer (&without));
    g_assert_finalize_object (g_steal_pointer (&with_diary));
  }

  g_assert_finalize_object (g_steal_pointer (&plan));
  remove_dir (dir);
}

/* Runs one of the project's Python scripts with Debian's Python; skips
 * only when the interpreter or its modules are missing (status 77). */
static gboolean
run_python (const char *script,
            const char *argument)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, script, NULL);
  const char *argv[] = { "/usr/bin/python3", path, argument, NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!g_file_test (argv[0], G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("/usr/bin/python3 is not installed");
      return FALSE;
    }

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_test_message ("%s%s", out, err);

  if (WIFEXITED (status) && WEXITSTATUS (status) == 77)
    {
      g_autofree char *reason = g_strdup_printf ("%s: %s", script, g_strstrip (err));

      g_test_skip (reason);
      return FALSE;
    }
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("%s failed:\n%s%s", script, out, err);
  return TRUE;
}

static void
add_expectation (JsonBuilder *b,
                 const char  *path,
                 const char  *text)
{
  g_autoptr(GHashTable) seen = read_back (text);
  GHashTableIter iter;
  gpointer key, value;

  json_builder_set_member_name (b, path);
  json_builder_begin_object (b);
  g_hash_table_iter_init (&iter, seen);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Seen *s = value;
      g_autofree char *start = utc_text (s->start);
      g_autofree char *end = utc_text (s->end);

      json_builder_set_member_name (b, key);
      json_builder_begin_array (b);
      json_builder_add_string_value (b, start);
      json_builder_add_string_value (b, end);
      json_builder_end_array (b);
    }
  json_builder_end_object (b);
}

static void
write_json (JsonBuilder *b,
            const char  *path)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (b);
  g_autoptr(GError) error = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_to_file (generator, path, &error);
  g_assert_no_error (error);
}

static void
write_calendar (JsonBuilder *b,
                const char  *dir,
                MpPlan      *plan,
                const char  *for_id,
                const char  *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *text = export (plan, for_id);

  write_file (path, text);
  add_expectation (b, path, text);
}

/* The sample's calendars (the whole plan, each delegation, each person)
 * and the daylight-saving plans, read by Python's icalendar and vobject:
 * same events, same instants as libical, and as the tz database. */
static void
test_python_parsers (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *spec = g_build_filename (dir, "expect.json", NULL);
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(MpPlan) plan = load_sample ();
  g_autoptr(MpPlan) dst = load_text (DST_PLAN);
  g_autoptr(MpPlan) plan_2023 = load_text (PLAN_2023);
  const GType types[] = { MP_TYPE_DELEGATION, MP_TYPE_PARTICIPANT };

  mp_meeting_set_status (mp_plan_get_meeting (plan, "press-readout"), MP_MEETING_STATUS_CANCELLED);
  mp_plan_file_prepare (plan);

  json_builder_begin_object (b);
  write_calendar (b, dir, plan, NULL, "all.ics");
  for (guint t = 0; t < G_N_ELEMENTS (types); t++)
    {
      GListModel *model = mp_plan_get_collection (plan, types[t]);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(MpRecord) record = g_list_model_get_item (model, i);
          g_autofree char *name = g_strconcat (mp_record_get_id (record), ".ics", NULL);

          write_calendar (b, dir, plan, mp_record_get_id (record), name);
        }
    }
  write_calendar (b, dir, dst, NULL, "dst-2014.ics");
  write_calendar (b, dir, dst, "hagel", "dst-2014-hagel.ics");
  write_calendar (b, dir, plan_2023, NULL, "mexico-2023.ics");
  json_builder_end_object (b);
  write_json (b, spec);

  run_python ("ics-validate.py", spec);

  g_assert_finalize_object (g_steal_pointer (&plan));
  g_assert_finalize_object (g_steal_pointer (&dst));
  g_assert_finalize_object (g_steal_pointer (&plan_2023));
  remove_dir (dir);
}

static void
add_range (JsonBuilder *b,
           MpPlan      *plan,
           gint64       start,
           gint64       end)
{
  GListModel *meetings = mp_plan_get_meetings (plan);
  g_autofree char *start_text = utc_text (start);
  g_autofree char *end_text = utc_text (end);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "start");
  json_builder_add_string_value (b, start_text);
  json_builder_set_member_name (b, "end");
  json_builder_add_string_value (b, end_text);
  json_builder_set_member_name (b, "uids");
  json_builder_begin_array (b);
  /* RFC 4791 9.9: an event is in [start, end) when it overlaps it. */
  for (guint i = 0; i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(MpMeeting) m = g_list_model_get_item (meetings, i);

      if (mp_meeting_get_start_instant (m) < end && mp_meeting_get_end_instant (m) > start)
        json_builder_add_string_value (b, mp_meeting_get_uid (m));
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
}

static void
caldav_round (const char *dir,
              MpPlan     *plan,
              const char *name,
              gint64      day_start)
{
  g_autofree char *ics = g_build_filename (dir, name, NULL);
  g_autofree char *spec_name = g_strconcat (name, ".json", NULL);
  g_autofree char *spec = g_build_filename (dir, spec_name, NULL);
  g_autofree char *text = export (plan, NULL);
  g_autoptr(JsonBuilder) b = json_builder_new ();
  GListModel *meetings = mp_plan_get_meetings (plan);

  write_file (ics, text);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "calendar");
  json_builder_add_string_value (b, ics);
  json_builder_set_member_name (b, "ranges");
  json_builder_begin_array (b);
  for (guint i = 0; i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(MpMeeting) m = g_list_model_get_item (meetings, i);
      gint64 start = mp_meeting_get_start_instant (m);
      gint64 end = mp_meeting_get_end_instant (m);

      /* The first and last minute, and the minutes just outside. */
      add_range (b, plan, start, start + 60);
      add_range (b, plan, start - 60, start);
      add_range (b, plan, end - 60, end);
      add_range (b, plan, end, end + 60);
    }
  for (gint64 day = day_start; day < day_start + 3 * 86400; day += 86400)
    add_range (b, plan, day, day + 86400);
  json_builder_end_array (b);
  json_builder_end_object (b);
  write_json (b, spec);

  run_python ("ics-caldav.py", spec);
}

/* Radicale takes every event (201) and a time-range REPORT returns
 * exactly the events in the range. */
static void
test_caldav (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(MpPlan) plan = load_sample ();
  g_autoptr(MpPlan) dst = load_text (DST_PLAN);

  mp_meeting_set_status (mp_plan_get_meeting (plan, "press-readout"), MP_MEETING_STATUS_CANCELLED);
  mp_plan_file_prepare (plan);

  caldav_round (dir, plan, "sample.ics", 1398211200 /* 2014-04-23T00:00Z */);
  if (!g_test_failed () && g_test_get_path () != NULL)
    caldav_round (dir, dst, "dst.ics", 1396742400 /* 2014-04-06T00:00Z */);

  g_assert_finalize_object (g_steal_pointer (&plan));
  g_assert_finalize_object (g_steal_pointer (&dst));
  remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ics/sample-events", test_sample_events);
  g_test_add_func ("/ics/audiences", test_audiences);
  g_test_add_func ("/ics/daylight-saving", test_daylight_saving);
  g_test_add_func ("/ics/round-trip", test_round_trip);
  g_test_add_func ("/ics/sequence", test_sequence);
  g_test_add_func ("/ics/import", test_import);
  g_test_add_func ("/ics/busy", test_busy);
  g_test_add_func ("/ics/malformed", test_malformed);
  g_test_add_func ("/ics/command-line", test_command_line);
  g_test_add_func ("/ics/python-parsers", test_python_parsers);
  g_test_add_func ("/ics/caldav", test_caldav);

  return g_test_run ();
}
