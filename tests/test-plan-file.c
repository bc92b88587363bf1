/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The plan file: every load error and its message, unknown members, the
 * round trip, and atomic saves. */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mp-plan-file.h"

#define NAME "plan.ministerial"

/* Plans are written here with ' for ", to keep them readable. */
#define HEAD "{'format': 'ministerial-plan', 'version': 1, "
#define CONF_MEMBERS "'title': 'T', 'time_zone': 'America/Mexico_City', " \
                     "'start_date': '2014-04-23', 'end_date': '2014-04-25'"
#define CONF "'conference': {" CONF_MEMBERS "}"
#define VENUES "'venues': [{'id': 'sedena', 'name': 'SEDENA'}, " \
               "{'id': 'egmont', 'name': 'Egmont', 'time_zone': 'Europe/Brussels'}]"
#define ROOMS "'rooms': [{'id': 'hall', 'name': 'Hall', 'venue': 'sedena'}, " \
              "{'id': 'salon', 'name': 'Salon', 'venue': 'egmont'}]"
#define DELEGATIONS "'delegations': [{'id': 'USA', 'name': 'United States'}, " \
                    "{'id': 'CAN', 'name': 'Canada'}]"
#define PEOPLE "'participants': [{'id': 'hagel', 'name': 'Hagel', 'delegation': 'USA'}, " \
               "{'id': 'nicholson', 'name': 'Nicholson', 'delegation': 'CAN'}]"
#define BASE HEAD CONF ", " VENUES ", " ROOMS ", " DELEGATIONS ", " PEOPLE
#define MEETING(members) BASE ", 'meetings': [{'id': 'm1', 'title': 'Talks', " members "}]}"
#define TIMES "'start': '2014-04-23T09:00', 'end': '2014-04-23T10:00'"
#define REQUEST(members) BASE ", 'requests': [{'id': 'r1', " members "}]}"

static char *
json (const char *text)
{
  char *copy = g_strdup (text);

  g_strdelimit (copy, "'", '"');
  return copy;
}

static MpPlan *
load_text (const char  *text,
           GError     **error)
{
  g_autofree char *data = json (text);

  return mp_plan_file_load_data (data, strlen (data), NAME, error);
}

static MpPlan *
load_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  MpPlan *plan = load_text (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

/* Loads text, expects code, and a message that begins with the file's name
 * and holds each of the NULL-terminated fragments. */
static void
expect_error (const char *text,
              int         code,
              ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MpPlan) plan = load_text (text, &error);
  const char *fragment;
  va_list args;

  g_assert_null (plan);
  g_assert_nonnull (error);
  if (!g_error_matches (error, MP_PLAN_ERROR, code))
    g_error ("expected code %d, got %d: %s", code, error->code, error->message);
  if (!g_str_has_prefix (error->message, NAME ":"))
    g_error ("the message does not start with the file: %s", error->message);

  va_start (args, code);
  while ((fragment = va_arg (args, const char *)) != NULL)
    if (strstr (error->message, fragment) == NULL)
      g_error ("“%s” is not in the message: %s", fragment, error->message);
  va_end (args);

  /* One line. */
  g_assert_null (strchr (error->message, '\n'));
  g_test_message ("%s", error->message);
}

/* The samples --------------------------------------------------------------- */

static void
test_base_loads (void)
{
  g_autoptr(MpPlan) plan = load_ok (MEETING (TIMES ", 'room': 'salon', 'participants': ['hagel']"));
  MpMeeting *m = mp_plan_get_meeting (plan, "m1");

  g_assert_nonnull (m);
  /* The meeting is read in its venue's zone: Brussels, UTC+2 in April. */
  g_assert_cmpstr (g_time_zone_get_identifier (mp_meeting_get_time_zone (m)), ==, "Europe/Brussels");
  g_assert_cmpint (mp_meeting_get_start_instant (m), ==, 1398236400);  /* 07:00Z */
  g_assert_finalize_object (g_steal_pointer (&plan));
}

static char *
sample_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                "north-american-defense-ministerial-2014.ministerial", NULL);
}

static void
test_sample (void)
{
  g_autofree char *path = sample_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(MpPlan) plan = mp_plan_file_load (file, &error);
  MpConference *c;
  MpMeeting *m;

  g_assert_no_error (error);
  c = mp_plan_get_conference (plan);
  g_assert_cmpstr (mp_conference_get_time_zone (c), ==, "America/Mexico_City");
  g_assert_cmpstr (mp_conference_get_host (c), ==, "MEX");
  g_assert_cmpuint (mp_conference_get_n_days (c), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (mp_plan_get_delegations (plan)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (mp_plan_get_meetings (plan)), ==, 14);
  g_assert_cmpuint (g_list_model_get_n_items (mp_plan_get_requests (plan)), ==, 4);
  g_assert_nonnull (mp_plan_get_participant (plan, "cienfuegos"));
  g_assert_nonnull (mp_plan_get_participant (plan, "soberon"));
  g_assert_nonnull (mp_plan_get_room (plan, "hangar-lounge"));
  g_assert_null (mp_plan_get_placement (plan, "req-pull-aside"));

  /* Every meeting is in April 2014, daylight time: UTC-5. */
  for (guint i = 0; i < 14; i++)
    {
      g_autoptr(MpMeeting) meeting = g_list_model_get_item (mp_plan_get_meetings (plan), i);
      g_autoptr(GDateTime) dt = mp_date_time_new (mp_meeting_get_start_instant (meeting),
                                                  mp_meeting_get_time_zone (meeting));

      g_assert_cmpint (g_date_time_get_utc_offset (dt) / G_TIME_SPAN_HOUR, ==, -5);
      g_assert_cmpint (mp_meeting_get_end_instant (meeting), >, mp_meeting_get_start_instant (meeting));
    }

  m = g_list_model_get_item (mp_plan_get_meetings (plan), 0);
  g_assert_nonnull (mp_meeting_get_uid (m));
  g_object_unref (m);

  g_assert_finalize_object (g_steal_pointer (&plan));
}

/* Load errors ------------------------------------------------------------- */

static void
test_not_json (void)
{
  expect_error ("{\n  'format': \n}\n", MP_PLAN_ERROR_NOT_JSON, NAME ":3:1:", "not valid JSON", "found “}” where a value should be", NULL);
  {
    g_autoptr(GError) error = NULL;

    /* Not "unexpected character `}', expected character `}'". */
    g_assert_null (load_text ("{'format': }", &error));
    g_assert_null (strstr (error->message, ", expected"));
  }
  expect_error ("{'format': 'ministerial-plan',\n 'version': 1,,\n}", MP_PLAN_ERROR_NOT_JSON,
                NAME ":2:", "not valid JSON", NULL);
  expect_error ("{'format': 'ministerial-plan', 'version': 1, 'conference': {'title': 'x}}",
                MP_PLAN_ERROR_NOT_JSON, NAME ":1:", NULL);
  expect_error ("not json at all", MP_PLAN_ERROR_NOT_JSON, NAME ":1:", NULL);

  /* Not UTF-8. */
  {
    g_autoptr(GError) error = NULL;
    const char data[] = "{\n  \"format\": \"Caf\xc3\xa9 \xff\xfe\"}";

    g_assert_null (mp_plan_file_load_data (data, sizeof data - 1, NAME, &error));
    g_assert_error (error, MP_PLAN_ERROR, MP_PLAN_ERROR_NOT_JSON);
    /* Line 2, after 18 characters (é is one). */
    g_assert_true (g_str_has_prefix (error->message, NAME ":2:19: "));
    g_assert_nonnull (strstr (error->message, "UTF-8"));
  }
}

static void
test_empty (void)
{
  expect_error ("", MP_PLAN_ERROR_NOT_JSON, "empty", NULL);
  expect_error ("  \n\t\n", MP_PLAN_ERROR_NOT_JSON, "empty", NULL);
}

static void
test_not_object (void)
{
  expect_error ("[1, 2]", MP_PLAN_ERROR_FORMAT, "not a Ministerial plan", "an array", NULL);
  expect_error ("'plan'", MP_PLAN_ERROR_FORMAT, "not a Ministerial plan", "a string", NULL);
  expect_error ("42", MP_PLAN_ERROR_FORMAT, "not a Ministerial plan", "a number", NULL);
  expect_error ("null", MP_PLAN_ERROR_FORMAT, "not a Ministerial plan", NULL);
}

static void
test_format_version (void)
{
  expect_error ("{'format': 'gnome-calendar', 'version': 1, " CONF "}", MP_PLAN_ERROR_FORMAT,
                "member “format”", "“gnome-calendar”", "not a Ministerial plan", NULL);
  expect_error ("{'version': 1, " CONF "}", MP_PLAN_ERROR_MISSING_MEMBER,
                "member “format”", "missing", NULL);
  expect_error ("{'format': 'ministerial-plan', " CONF "}", MP_PLAN_ERROR_MISSING_MEMBER,
                "member “version”", "missing", NULL);
  expect_error ("{'format': 'ministerial-plan', 'version': 2, " CONF "}", MP_PLAN_ERROR_VERSION,
                "member “version”", "version 2", "newer", NULL);
  expect_error ("{'format': 'ministerial-plan', 'version': 0, " CONF "}", MP_PLAN_ERROR_BAD_VALUE,
                "member “version”", NULL);
  expect_error ("{'format': 'ministerial-plan', 'version': '1', " CONF "}", MP_PLAN_ERROR_WRONG_TYPE,
                "member “version”", "whole number", "a string", NULL);
  expect_error ("{'format': 1, 'version': 1, " CONF "}", MP_PLAN_ERROR_WRONG_TYPE,
                "member “format”", "must be a string, not a number", NULL);

  /* A newer version is refused even when its content would not be. */
  expect_error ("{'format': 'ministerial-plan', 'version': 3}", MP_PLAN_ERROR_VERSION, "newer", NULL);
}

static void
test_missing (void)
{
  expect_error (HEAD "'venues': []}", MP_PLAN_ERROR_MISSING_MEMBER, "member “conference”", "missing", NULL);

  expect_error (HEAD "'conference': {'time_zone': 'UTC', 'start_date': '2014-04-23', 'end_date': '2014-04-23'}}",
                MP_PLAN_ERROR_MISSING_MEMBER, "conference", "member “title”", "missing", NULL);
  expect_error (HEAD "'conference': {'title': 'T', 'start_date': '2014-04-23', 'end_date': '2014-04-23'}}",
                MP_PLAN_ERROR_MISSING_MEMBER, "conference", "member “time_zone”", NULL);
  expect_error (HEAD "'conference': {'title': 'T', 'time_zone': 'UTC', 'end_date': '2014-04-23'}}",
                MP_PLAN_ERROR_MISSING_MEMBER, "conference", "member “start_date”", NULL);
  expect_error (HEAD "'conference': {'title': 'T', 'time_zone': 'UTC', 'start_date': '2014-04-23'}}",
                MP_PLAN_ERROR_MISSING_MEMBER, "conference", "member “end_date”", NULL);

  expect_error (BASE ", 'meetings': [{'id': 'm1', " TIMES "}]}", MP_PLAN_ERROR_MISSING_MEMBER,
                "meetings[0] “m1”", "member “title”", "missing", NULL);
  expect_error (MEETING ("'end': '2014-04-23T10:00'"), MP_PLAN_ERROR_MISSING_MEMBER,
                "meetings[0] “m1”", "member “start”", NULL);
  expect_error (MEETING ("'start': '2014-04-23T10:00'"), MP_PLAN_ERROR_MISSING_MEMBER,
                "meetings[0] “m1”", "member “end”", NULL);
  expect_error (BASE ", 'meetings': [{'title': 'x', " TIMES "}]}", MP_PLAN_ERROR_MISSING_MEMBER,
                "meetings[0]", "member “id”", NULL);

  expect_error (HEAD CONF ", " DELEGATIONS ", 'participants': [{'id': 'hagel', 'name': 'Hagel'}]}",
                MP_PLAN_ERROR_MISSING_MEMBER, "participants[0] “hagel”", "member “delegation”", NULL);
  expect_error (HEAD CONF ", " DELEGATIONS ", 'participants': [{'id': 'hagel', 'delegation': 'USA'}]}",
                MP_PLAN_ERROR_MISSING_MEMBER, "participants[0] “hagel”", "member “name”", NULL);

  expect_error (REQUEST ("'duration_minutes': 30"), MP_PLAN_ERROR_MISSING_MEMBER,
                "requests[0] “r1”", "member “participants”", NULL);
  expect_error (REQUEST ("'participants': ['hagel', 'nicholson']"), MP_PLAN_ERROR_MISSING_MEMBER,
                "requests[0] “r1”", "member “duration_minutes”", NULL);

  expect_error (HEAD CONF ", 'venues': [{'id': 'v'}]}", MP_PLAN_ERROR_MISSING_MEMBER,
                "venues[0] “v”", "member “name”", NULL);
  expect_error (HEAD CONF ", 'rooms': [{'name': 'Hall'}]}", MP_PLAN_ERROR_MISSING_MEMBER,
                "rooms[0]", "member “id”", NULL);
  expect_error (HEAD CONF ", " VENUES ", 'travel': [{'from': 'sedena', 'minutes': 5}]}",
                MP_PLAN_ERROR_MISSING_MEMBER, "travel[0]", "member “to”", NULL);
  expect_error (HEAD CONF ", " VENUES ", 'travel': [{'from': 'sedena', 'to': 'egmont'}]}",
                MP_PLAN_ERROR_MISSING_MEMBER, "travel[0]", "member “minutes”", NULL);
  expect_error (HEAD CONF ", 'delegations': [{'id': 'USA'}]}", MP_PLAN_ERROR_MISSING_MEMBER,
                "delegations[0] “USA”", "member “name”", NULL);

  /* An empty required string is as good as missing. */
  expect_error (HEAD "'conference': {'title': '', 'time_zone': 'UTC', 'start_date': '2014-04-23', 'end_date': '2014-04-23'}}",
                MP_PLAN_ERROR_BAD_VALUE, "member “title”", "empty", NULL);
  expect_error (HEAD CONF ", 'venues': [{'id': '', 'name': 'x'}]}", MP_PLAN_ERROR_BAD_VALUE,
                "venues[0]", "member “id”", "empty", NULL);
}

static void
test_mistyped (void)
{
  expect_error (HEAD "'conference': {'title': 5, 'time_zone': 'UTC', 'start_date': '2014-04-23', 'end_date': '2014-04-23'}}",
                MP_PLAN_ERROR_WRONG_TYPE, "conference", "member “title”", "must be a string, not a number", NULL);
  expect_error (HEAD "'conference': [1]}", MP_PLAN_ERROR_WRONG_TYPE,
                "member “conference”", "must be an object, not an array", NULL);
  expect_error (HEAD "'conference': {" CONF_MEMBERS ", 'slot_minutes': '15'}}", MP_PLAN_ERROR_WRONG_TYPE,
                "conference", "member “slot_minutes”", "whole number", "a string", NULL);
  expect_error (HEAD "'conference': {" CONF_MEMBERS ", 'slot_minutes': 7.5}}", MP_PLAN_ERROR_WRONG_TYPE,
                "conference", "member “slot_minutes”", "whole number", NULL);
  expect_error (HEAD "'conference': {" CONF_MEMBERS ", 'buffer_minutes': -5}}", MP_PLAN_ERROR_BAD_VALUE,
                "conference", "member “buffer_minutes”", "-5", NULL);
  expect_error (HEAD "'conference': {" CONF_MEMBERS ", 'notes': null}}", MP_PLAN_ERROR_WRONG_TYPE,
                "conference", "member “notes”", "not null", NULL);
  expect_error (HEAD CONF ", 'venues': {'id': 'v', 'name': 'x'}}", MP_PLAN_ERROR_WRONG_TYPE,
                "member “venues”", "must be an array, not an object", NULL);
  expect_error (HEAD CONF ", 'venues': ['sedena']}", MP_PLAN_ERROR_WRONG_TYPE,
                "venues[0]", "must be an object, not a string", NULL);
  expect_error (HEAD CONF ", 'venues': [{'id': 7, 'name': 'x'}]}", MP_PLAN_ERROR_WRONG_TYPE,
                "venues[0]", "member “id”", "must be a string", NULL);
  expect_error (HEAD CONF ", 'rooms': [{'id': 'r', 'name': 'R', 'capacity': 12.5}]}", MP_PLAN_ERROR_WRONG_TYPE,
                "rooms[0] “r”", "member “capacity”", "whole number", NULL);
  expect_error (HEAD CONF ", 'rooms': [{'id': 'r', 'name': 'R', 'capacity': 0}]}", MP_PLAN_ERROR_BAD_VALUE,
                "rooms[0] “r”", "member “capacity”", "at least 1", NULL);
  expect_error (HEAD CONF ", 'rooms': [{'id': 'r', 'name': 'R', 'kinds': 'bilateral'}]}", MP_PLAN_ERROR_WRONG_TYPE,
                "rooms[0] “r”", "member “kinds”", "must be an array, not a string", NULL);
  expect_error (HEAD CONF ", 'rooms': [{'id': 'r', 'name': 'R', 'kinds': [3]}]}", MP_PLAN_ERROR_WRONG_TYPE,
                "rooms[0] “r”", "member “kinds”", "item 0", NULL);
  expect_error (MEETING (TIMES ", 'participants': 'hagel'"), MP_PLAN_ERROR_WRONG_TYPE,
                "meetings[0] “m1”", "member “participants”", "must be an array, not a string", NULL);
  expect_error (MEETING (TIMES ", 'participants': ['hagel', {'id': 'nicholson'}]"), MP_PLAN_ERROR_WRONG_TYPE,
                "meetings[0] “m1”", "member “participants”", "item 1", "an object", NULL);
  expect_error (MEETING (TIMES ", 'locked': 'yes'"), MP_PLAN_ERROR_WRONG_TYPE,
                "meetings[0] “m1”", "member “locked”", "true or false", NULL);
  expect_error (MEETING (TIMES ", 'sequence': 1.5"), MP_PLAN_ERROR_WRONG_TYPE,
                "meetings[0] “m1”", "member “sequence”", "whole number", NULL);
  expect_error (MEETING (TIMES ", 'topics': [true]"), MP_PLAN_ERROR_WRONG_TYPE,
                "meetings[0] “m1”", "member “topics”", NULL);
  expect_error (MEETING ("'start': 1398258000, 'end': '2014-04-23T10:00'"), MP_PLAN_ERROR_WRONG_TYPE,
                "meetings[0] “m1”", "member “start”", "must be a string, not a number", NULL);
  expect_error (REQUEST ("'participants': ['hagel', 'nicholson'], 'duration_minutes': '30'"),
                MP_PLAN_ERROR_WRONG_TYPE, "requests[0] “r1”", "member “duration_minutes”", NULL);
  expect_error (REQUEST ("'participants': ['hagel'], 'duration_minutes': 30"),
                MP_PLAN_ERROR_BAD_VALUE, "requests[0] “r1”", "member “participants”", "two or more", NULL);
  expect_error (HEAD CONF ", " DELEGATIONS ", 'participants': [{'id': 'p', 'name': 'P', 'delegation': 'USA', 'available': {'start': '2014-04-23T08:00', 'end': '2014-04-23T09:00'}}]}",
                MP_PLAN_ERROR_WRONG_TYPE, "participants[0] “p”", "member “available”", "must be an array, not an object", NULL);
  expect_error (HEAD CONF ", " DELEGATIONS ", 'participants': [{'id': 'p', 'name': 'P', 'delegation': 'USA', 'available': ['2014-04-23T08:00']}]}",
                MP_PLAN_ERROR_WRONG_TYPE, "participants[0] “p” available[0]", "must be an object", NULL);
  expect_error (HEAD CONF ", 'delegations': [{'id': 'USA', 'name': 'US', 'country': 'USA'}]}",
                MP_PLAN_ERROR_BAD_VALUE, "delegations[0] “USA”", "member “country”", "“USA”", NULL);
}

static void
test_duplicate (void)
{
  expect_error (HEAD CONF ", 'venues': [{'id': 'v', 'name': 'A'}, {'id': 'v', 'name': 'B'}]}",
                MP_PLAN_ERROR_DUPLICATE_ID, "venues[1] “v”", "member “id”", "“v”", "earlier venue", NULL);
  expect_error (BASE ", 'meetings': [{'id': 'm', 'title': 'a', " TIMES "}, {'id': 'x', 'title': 'b', " TIMES "}, {'id': 'm', 'title': 'c', " TIMES "}]}",
                MP_PLAN_ERROR_DUPLICATE_ID, "meetings[2] “m”", "earlier meeting", NULL);
  expect_error (HEAD CONF ", 'delegations': [{'id': 'USA', 'name': 'A'}, {'id': 'USA', 'name': 'B'}]}",
                MP_PLAN_ERROR_DUPLICATE_ID, "delegations[1] “USA”", NULL);

  /* Ids are unique within their array only. */
  {
    g_autoptr(MpPlan) plan = load_ok (HEAD CONF ", 'venues': [{'id': 'x', 'name': 'V'}], 'rooms': [{'id': 'x', 'name': 'R', 'venue': 'x'}]}");

    g_assert_nonnull (mp_plan_get_venue (plan, "x"));
    g_assert_nonnull (mp_plan_get_room (plan, "x"));
    g_assert_finalize_object (g_steal_pointer (&plan));
  }
}

static void
test_dangling (void)
{
  expect_error (HEAD CONF ", " VENUES ", 'rooms': [{'id': 'r', 'name': 'R', 'venue': 'nowhere'}]}",
                MP_PLAN_ERROR_BAD_REFERENCE, "rooms[0] “r”", "member “venue”", "no venue", "“nowhere”", NULL);
  expect_error (HEAD CONF ", " DELEGATIONS ", 'participants': [{'id': 'p', 'name': 'P', 'delegation': 'MEX'}]}",
                MP_PLAN_ERROR_BAD_REFERENCE, "participants[0] “p”", "member “delegation”", "no delegation", "“MEX”", NULL);
  expect_error (MEETING (TIMES ", 'room': 'attic'"), MP_PLAN_ERROR_BAD_REFERENCE,
                "meetings[0] “m1”", "member “room”", "no room", "“attic”", NULL);
  expect_error (MEETING (TIMES ", 'participants': ['hagel', 'kirby']"), MP_PLAN_ERROR_BAD_REFERENCE,
                "meetings[0] “m1”", "member “participants”", "no participant", "“kirby”", NULL);
  expect_error (MEETING (TIMES ", 'request': 'req-x'"), MP_PLAN_ERROR_BAD_REFERENCE,
                "meetings[0] “m1”", "member “request”", "no request", "“req-x”", NULL);
  expect_error (REQUEST ("'participants': ['hagel', 'cienfuegos'], 'duration_minutes': 30"),
                MP_PLAN_ERROR_BAD_REFERENCE, "requests[0] “r1”", "member “participants”", "“cienfuegos”", NULL);
  expect_error (HEAD CONF ", " VENUES ", 'travel': [{'from': 'airport', 'to': 'sedena', 'minutes': 45}]}",
                MP_PLAN_ERROR_BAD_REFERENCE, "travel[0]", "member “from”", "no venue", "“airport”", NULL);
  expect_error (HEAD CONF ", " VENUES ", 'travel': [{'from': 'sedena', 'to': 'airport', 'minutes': 45}]}",
                MP_PLAN_ERROR_BAD_REFERENCE, "travel[0]", "member “to”", "no venue", "“airport”", NULL);
  expect_error (HEAD "'conference': {" CONF_MEMBERS ", 'host': 'MEX'}, " DELEGATIONS "}",
                MP_PLAN_ERROR_BAD_REFERENCE, "conference", "member “host”", "no delegation", "“MEX”", NULL);
  /* A meeting's id is not a request's. */
  expect_error (BASE ", 'meetings': [{'id': 'm0', 'title': 'x', " TIMES "}, {'id': 'm1', 'title': 'y', " TIMES ", 'request': 'm0'}]}",
                MP_PLAN_ERROR_BAD_REFERENCE, "meetings[1] “m1”", "“m0”", NULL);
}

static void
test_bad_values (void)
{
  /* Zones. */
  expect_error (HEAD "'conference': {'title': 'T', 'time_zone': 'Mars/Olympus_Mons', 'start_date': '2014-04-23', 'end_date': '2014-04-23'}}",
                MP_PLAN_ERROR_BAD_VALUE, "conference", "member “time_zone”", "“Mars/Olympus_Mons”", "not a time zone", NULL);
  expect_error (HEAD "'conference': {'title': 'T', 'time_zone': '+05:00', 'start_date': '2014-04-23', 'end_date': '2014-04-23'}}",
                MP_PLAN_ERROR_BAD_VALUE, "conference", "member “time_zone”", "“+05:00”", NULL);
  expect_error (HEAD CONF ", 'venues': [{'id': 'v', 'name': 'V', 'time_zone': 'Europe/Atlantis'}]}",
                MP_PLAN_ERROR_BAD_VALUE, "venues[0] “v”", "member “time_zone”", "“Europe/Atlantis”", NULL);
  expect_error (HEAD CONF ", 'delegations': [{'id': 'USA', 'name': 'US', 'home_time_zone': 'EST+5'}]}",
                MP_PLAN_ERROR_BAD_VALUE, "delegations[0] “USA”", "member “home_time_zone”", NULL);

  /* Dates and times. */
  expect_error (HEAD "'conference': {'title': 'T', 'time_zone': 'UTC', 'start_date': '2014-02-30', 'end_date': '2014-03-02'}}",
                MP_PLAN_ERROR_BAD_VALUE, "conference", "member “start_date”", "“2014-02-30”", NULL);
  expect_error (HEAD "'conference': {'title': 'T', 'time_zone': 'UTC', 'start_date': '2014-04-23', 'end_date': '23/04/2014'}}",
                MP_PLAN_ERROR_BAD_VALUE, "conference", "member “end_date”", "“23/04/2014”", NULL);
  expect_error (HEAD "'conference': {'title': 'T', 'time_zone': 'UTC', 'start_date': '2014-04-25', 'end_date': '2014-04-23'}}",
                MP_PLAN_ERROR_BAD_VALUE, "conference", "member “end_date”", "before", NULL);
  expect_error (HEAD "'conference': {" CONF_MEMBERS ", 'day_start': '8:00'}}",
                MP_PLAN_ERROR_BAD_VALUE, "conference", "member “day_start”", "“8:00”", NULL);
  expect_error (HEAD "'conference': {" CONF_MEMBERS ", 'day_start': '20:00', 'day_end': '08:00'}}",
                MP_PLAN_ERROR_BAD_VALUE, "conference", "member “day_end”", NULL);
  expect_error (MEETING ("'start': '2014-02-30T09:00', 'end': '2014-04-23T10:00'"), MP_PLAN_ERROR_BAD_VALUE,
                "meetings[0] “m1”", "member “start”", "“2014-02-30T09:00”", NULL);
  expect_error (MEETING ("'start': '2014-04-23 09:00', 'end': '2014-04-23T10:00'"), MP_PLAN_ERROR_BAD_VALUE,
                "meetings[0] “m1”", "member “start”", NULL);

  /* End before start. */
  expect_error (MEETING ("'start': '2014-04-23T10:00', 'end': '2014-04-23T09:00'"), MP_PLAN_ERROR_BAD_VALUE,
                "meetings[0] “m1”", "member “end”", "after the start", NULL);
  expect_error (MEETING ("'start': '2014-04-23T10:00', 'end': '2014-04-23T10:00'"), MP_PLAN_ERROR_BAD_VALUE,
                "meetings[0] “m1”", "member “end”", "after the start", NULL);
  /* 10:30 in Mexico City is 15:30Z, after 15:00Z: the end is before the start. */
  expect_error (MEETING ("'start': '2014-04-23T10:30', 'end': '2014-04-23T15:00Z'"), MP_PLAN_ERROR_BAD_VALUE,
                "meetings[0] “m1”", "member “end”", NULL);
  expect_error (HEAD CONF ", " DELEGATIONS ", 'participants': [{'id': 'p', 'name': 'P', 'delegation': 'USA', 'available': [{'start': '2014-04-23T08:00', 'end': '2014-04-23T18:00'}, {'start': '2014-04-24T12:00', 'end': '2014-04-24T08:00'}]}]}",
                MP_PLAN_ERROR_BAD_VALUE, "participants[0] “p” available[1]", "member “end”", "after the start", NULL);
  expect_error (HEAD CONF ", " DELEGATIONS ", 'participants': [{'id': 'p', 'name': 'P', 'delegation': 'USA', 'available': [{'start': '2014-04-23T08:00'}]}]}",
                MP_PLAN_ERROR_MISSING_MEMBER, "participants[0] “p” available[0]", "member “end”", NULL);
  expect_error (REQUEST ("'participants': ['hagel', 'nicholson'], 'duration_minutes': 30, 'earliest': '2014-04-24T12:00', 'latest': '2014-04-24T11:00'"),
                MP_PLAN_ERROR_BAD_VALUE, "requests[0] “r1”", "member “latest”", NULL);

  /* Enums list what is allowed. */
  expect_error (MEETING (TIMES ", 'kind': 'banquet'"), MP_PLAN_ERROR_BAD_VALUE,
                "meetings[0] “m1”", "member “kind”", "“banquet”", "“plenary”", "“working-meal”", "“other”", NULL);
  expect_error (MEETING (TIMES ", 'status': 'Confirmed'"), MP_PLAN_ERROR_BAD_VALUE,
                "meetings[0] “m1”", "member “status”", "“Confirmed”", "“tentative”", "“confirmed”", "“cancelled”", NULL);
  expect_error (HEAD CONF ", " DELEGATIONS ", 'participants': [{'id': 'p', 'name': 'P', 'delegation': 'USA', 'role': 'minister'}]}",
                MP_PLAN_ERROR_BAD_VALUE, "participants[0] “p”", "member “role”", "“minister”", "“principal”", "“security”", NULL);
  expect_error (REQUEST ("'participants': ['hagel', 'nicholson'], 'duration_minutes': 30, 'priority': 'urgent'"),
                MP_PLAN_ERROR_BAD_VALUE, "requests[0] “r1”", "member “priority”", "“urgent”", "“required”", "“low”", NULL);
  expect_error (REQUEST ("'participants': ['hagel', 'nicholson'], 'duration_minutes': 30, 'kind': 'dinner'"),
                MP_PLAN_ERROR_BAD_VALUE, "requests[0] “r1”", "member “kind”", "“dinner”", NULL);
  expect_error (HEAD CONF ", 'rooms': [{'id': 'r', 'name': 'R', 'kinds': ['bilateral', 'lunch']}]}",
                MP_PLAN_ERROR_BAD_VALUE, "rooms[0] “r”", "member “kinds”", "“lunch”", "“pull-aside”", NULL);
}

static void
test_gap (void)
{
  /* 02:30 on 6 April 2014 does not exist in Mexico City... */
  expect_error (MEETING ("'start': '2014-04-06T02:30', 'end': '2014-04-06T04:00'"), MP_PLAN_ERROR_BAD_VALUE,
                "meetings[0] “m1”", "member “start”", "2014-04-06T02:30", "America/Mexico_City", "daylight saving", NULL);
  expect_error (MEETING ("'start': '2014-04-06T01:00', 'end': '2014-04-06T02:00', 'room': 'hall'"), MP_PLAN_ERROR_BAD_VALUE,
                "meetings[0] “m1”", "member “end”", "2014-04-06T02:00", NULL);
  /* ...but does in Brussels, and the meeting's venue decides. */
  {
    g_autoptr(MpPlan) plan = load_ok (MEETING ("'start': '2014-04-06T02:30', 'end': '2014-04-06T04:00', 'room': 'salon'"));

    g_assert_finalize_object (g_steal_pointer (&plan));
  }
  expect_error (MEETING ("'start': '2024-03-31T02:30', 'end': '2024-03-31T04:00', 'room': 'salon'"), MP_PLAN_ERROR_BAD_VALUE,
                "meetings[0] “m1”", "member “start”", "Europe/Brussels", NULL);
  /* An absolute time in the gap's hour is fine: it names an instant. */
  {
    g_autoptr(MpPlan) plan = load_ok (MEETING ("'start': '2014-04-06T02:30-06:00', 'end': '2014-04-06T04:00'"));

    g_assert_finalize_object (g_steal_pointer (&plan));
  }
  /* Availability windows and requests use the conference's zone. */
  expect_error (HEAD CONF ", " DELEGATIONS ", 'participants': [{'id': 'p', 'name': 'P', 'delegation': 'USA', 'available': [{'start': '2014-04-06T02:15', 'end': '2014-04-06T09:00'}]}]}",
                MP_PLAN_ERROR_BAD_VALUE, "available[0]", "member “start”", "America/Mexico_City", NULL);
  expect_error (REQUEST ("'participants': ['hagel', 'nicholson'], 'duration_minutes': 30, 'earliest': '2014-04-06T02:00'"),
                MP_PLAN_ERROR_BAD_VALUE, "requests[0] “r1”", "member “earliest”", NULL);

  /* The fold is the first occurrence: 01:30 to 01:45 on 26 October 2014 is
   * 15 minutes, not 75. */
  {
    g_autoptr(MpPlan) plan = load_ok (MEETING ("'start': '2014-10-26T01:30', 'end': '2014-10-26T01:45'"));
    MpMeeting *m = mp_plan_get_meeting (plan, "m1");

    g_assert_cmpint (mp_meeting_get_end_instant (m) - mp_meeting_get_start_instant (m), ==, 15 * 60);
    g_assert_cmpint (mp_meeting_get_start_instant (m), ==, 1414305000);  /* 06:30Z */
    g_assert_finalize_object (g_steal_pointer (&plan));
  }
}

/* Unknown members, round trip ---------------------------------------------- */

static char *
to_data (MpPlan *plan)
{
  return mp_plan_file_to_data (plan, NULL);
}

static void
test_unknown_members (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "unknown-members.ministerial", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(MpPlan) plan = mp_plan_file_load (file, &error);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *data = NULL;
  JsonObject *root;
  const char *arrays[] = { "venues", "rooms", "travel", "delegations", "participants", "meetings", "requests" };

  g_assert_no_error (error);
  data = to_data (plan);
  g_assert_true (json_parser_load_from_data (parser, data, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));

  g_assert_cmpstr (json_object_get_string_member (root, "x_top"), ==, "kept");
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (root, "x_list")), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "conference"), "x_conference"), ==, "kept");
  g_assert_true (json_object_get_boolean_member (json_object_get_object_member (json_object_get_object_member (root, "conference"), "x_nested"), "deep"));

  for (guint i = 0; i < G_N_ELEMENTS (arrays); i++)
    {
      JsonArray *array = json_object_get_array_member (root, arrays[i]);
      JsonObject *object;
      g_autofree char *expected = g_strconcat ("kept in ", arrays[i], NULL);

      g_assert_nonnull (array);
      object = json_array_get_object_element (array, 0);
      if (g_strcmp0 (json_object_get_string_member_with_default (object, "x_extra", NULL), expected) != 0)
        g_error ("the unknown member of %s was lost", arrays[i]);
    }

  /* Inside an availability window too. */
  {
    JsonObject *person = json_array_get_object_element (json_object_get_array_member (root, "participants"), 1);
    JsonObject *window = json_array_get_object_element (json_object_get_array_member (person, "available"), 0);

    g_assert_cmpstr (json_object_get_string_member_with_default (window, "x_extra", NULL), ==, "kept in windows");
    g_assert_cmpstr (json_object_get_string_member (window, "start"), ==, "2024-05-06T08:00");
  }

  /* A known member is not duplicated as an unknown one. */
  g_assert_null (strstr (data, "\"title\": \"Press\",\n      \"title\""));

  g_assert_finalize_object (g_steal_pointer (&plan));
}

static void
test_round_trip (void)
{
  g_autofree char *path = sample_path ();
  g_autofree char *original = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_autoptr(MpPlan) plan = NULL;
  g_autoptr(MpPlan) again = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &original, &length, NULL));
  plan = mp_plan_file_load_data (original, length, path, NULL);
  g_assert_nonnull (plan);

  /* The sample is written as a save writes it: saving it changes nothing. */
  mp_plan_file_prepare (plan);
  first = to_data (plan);
  g_assert_true (g_str_equal (first, original));

  mp_plan_file_prepare (plan);
  second = to_data (plan);
  g_assert_true (g_str_equal (first, second));

  again = mp_plan_file_load_data (second, strlen (second), "again", NULL);
  g_assert_nonnull (again);
  mp_plan_file_prepare (again);
  third = to_data (again);
  g_assert_true (g_str_equal (third, second));

  g_assert_finalize_object (g_steal_pointer (&plan));
  g_assert_finalize_object (g_steal_pointer (&again));
}

static void
test_round_trip_times (void)
{
  g_autoptr(MpPlan) plan = load_ok (MEETING ("'start': '2014-04-23T09:00:30', 'end': '2014-04-23T15:00Z', "
                                             "'room': 'salon', 'participants': ['hagel', 'hagel']"));
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(MpPlan) again = NULL;

  mp_plan_file_prepare (plan);
  first = to_data (plan);
  g_assert_nonnull (strstr (first, "\"2014-04-23T09:00:30\""));
  g_assert_nonnull (strstr (first, "\"2014-04-23T15:00Z\""));
  /* Defaults are written out, and a uid is made once. */
  g_assert_nonnull (strstr (first, "\"uid\""));
  g_assert_nonnull (strstr (first, "\"sequence\""));

  again = mp_plan_file_load_data (first, strlen (first), "again", NULL);
  g_assert_nonnull (again);
  mp_plan_file_prepare (again);
  second = to_data (again);
  g_assert_true (g_str_equal (first, second));

  g_assert_finalize_object (g_steal_pointer (&plan));
  g_assert_finalize_object (g_steal_pointer (&again));
}

static void
test_sequence (void)
{
  g_autoptr(MpPlan) plan = load_ok (MEETING (TIMES ", 'uid': 'abc@ministerial', 'sequence': 3"));
  MpMeeting *m = mp_plan_get_meeting (plan, "m1");
  MpTime later;

  /* Loading is no change: saving keeps the sequence. */
  mp_plan_file_prepare (plan);
  g_assert_cmpint (mp_meeting_get_sequence (m), ==, 3);
  g_assert_cmpstr (mp_meeting_get_uid (m), ==, "abc@ministerial");

  /* A new time raises it, once per save. */
  g_assert_true (mp_time_parse ("2014-04-23T11:00", &later, NULL));
  mp_meeting_set_end (m, &later);
  mp_plan_file_prepare (plan);
  g_assert_cmpint (mp_meeting_get_sequence (m), ==, 4);
  mp_plan_file_prepare (plan);
  g_assert_cmpint (mp_meeting_get_sequence (m), ==, 4);

  /* Notes do not matter to calendars' attendees. */
  mp_meeting_set_notes (m, "bring maps");
  mp_plan_file_prepare (plan);
  g_assert_cmpint (mp_meeting_get_sequence (m), ==, 4);
  mp_meeting_set_status (m, MP_MEETING_STATUS_CANCELLED);
  mp_plan_file_prepare (plan);
  g_assert_cmpint (mp_meeting_get_sequence (m), ==, 5);

  g_assert_finalize_object (g_steal_pointer (&plan));
}

/* Files ------------------------------------------------------------------- */

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("test-plan-file-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  g_chmod (dir, 0700);
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_cmpint (g_unlink (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static MpPlan *
load_sample (void)
{
  g_autofree char *path = sample_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  MpPlan *plan = mp_plan_file_load (file, &error);

  g_assert_no_error (error);
  return plan;
}

static void
test_save (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "north.ministerial", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(MpPlan) plan = load_sample ();
  g_autoptr(MpPlan) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *kept = NULL;
  GStatBuf st;

  /* A new file is its owner's only. */
  g_assert_true (mp_plan_file_save (plan, file, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (path, &first, NULL, NULL));

  /* It loads back to the same bytes. */
  loaded = mp_plan_file_load (file, &error);
  g_assert_no_error (error);
  g_assert_true (mp_plan_file_save (loaded, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &second, NULL, NULL));
  g_assert_true (g_str_equal (first, second));

  /* The previous version is kept as NAME~. */
  g_assert_true (g_file_get_contents (backup, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, first);
  g_clear_pointer (&kept, g_free);
  g_clear_pointer (&second, g_free);

  mp_conference_set_title (mp_plan_get_conference (loaded), "Renamed");
  g_assert_true (mp_plan_file_save (loaded, file, &error));
  g_assert_true (g_file_get_contents (backup, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, first);
  g_assert_true (g_file_get_contents (path, &second, NULL, NULL));
  g_assert_nonnull (strstr (second, "\"Renamed\""));

  /* An existing file keeps its mode, whatever the umask. */
  {
    mode_t old_umask = umask (022);

    g_assert_cmpint (g_chmod (path, 0664), ==, 0);
    g_assert_true (mp_plan_file_save (loaded, file, &error));
    g_assert_no_error (error);
    g_assert_cmpint (g_stat (path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0664);
    g_assert_cmpint (g_chmod (path, 0640), ==, 0);
    g_assert_true (mp_plan_file_save (loaded, file, &error));
    g_assert_cmpint (g_stat (path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0640);
    umask (old_umask);
  }

  /* No temporary files are left behind: the plan and its backup. */
  g_assert_cmpuint (count_files (dir), ==, 2);

  /* Saved through a link, the link stays and its file changes. */
  {
    g_autofree char *link_path = g_build_filename (dir, "link.ministerial", NULL);
    g_autoptr(GFile) link_file = g_file_new_for_path (link_path);
    g_autofree char *through = NULL;

    g_assert_cmpint (symlink ("north.ministerial", link_path), ==, 0);
    mp_conference_set_title (mp_plan_get_conference (loaded), "Through a link");
    g_assert_true (mp_plan_file_save (loaded, link_file, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_test (link_path, G_FILE_TEST_IS_SYMLINK));
    g_assert_true (g_file_get_contents (path, &through, NULL, NULL));
    g_assert_nonnull (strstr (through, "\"Through a link\""));
    g_assert_cmpint (g_unlink (link_path), ==, 0);
  }

  g_assert_finalize_object (g_steal_pointer (&plan));
  g_assert_finalize_object (g_steal_pointer (&loaded));
  remove_dir (dir);
}

static void
test_save_fails (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "north.ministerial", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(MpPlan) plan = load_sample ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  struct rlimit old_limit, limit;
  void (*old_handler) (int);
  const char *small = "{\"format\": \"ministerial-plan\"}\n";

  g_assert_true (g_file_set_contents (path, small, -1, NULL));
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));

  /* The disk fills up half-way through the write: the file must be the
   * old one, whole, and nothing else left behind. */
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &old_limit), ==, 0);
  limit = old_limit;
  limit.rlim_cur = 4096;
  old_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  g_assert_false (mp_plan_file_save (plan, file, &error));
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &old_limit), ==, 0);
  signal (SIGXFSZ, old_handler);

  g_assert_error (error, MP_PLAN_ERROR, MP_PLAN_ERROR_IO);
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);
  /* The plan and at most its backup, which is the old file too. */
  g_assert_cmpuint (count_files (dir), <=, 2);

  /* A folder that cannot be written to: the error names the file. */
  if (geteuid () != 0)
    {
      g_assert_cmpint (g_chmod (dir, 0500), ==, 0);
      g_assert_false (mp_plan_file_save (plan, file, &error));
      g_assert_error (error, MP_PLAN_ERROR, MP_PLAN_ERROR_IO);
      g_assert_nonnull (strstr (error->message, path));
      g_clear_error (&error);
      g_assert_cmpint (g_chmod (dir, 0700), ==, 0);
      g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
      g_assert_cmpstr (after, ==, before);
    }

  g_assert_finalize_object (g_steal_pointer (&plan));
  remove_dir (dir);
}

static void
test_load_leaves_file (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *good = g_build_filename (dir, "good.ministerial", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.ministerial", NULL);
  g_autofree char *sample = sample_path ();
  g_autofree char *data = NULL;
  const char *paths[] = { good, bad };
  GStatBuf before[2], after[2];
  g_autofree char *missing = g_build_filename (dir, "missing.ministerial", NULL);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (sample, &data, NULL, NULL));
  g_assert_true (g_file_set_contents (good, data, -1, NULL));
  g_assert_true (g_file_set_contents (bad, "{\"format\": \"ministerial-plan\", \"version\": 9}", -1, NULL));

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths[i]);
      g_autoptr(MpPlan) plan = NULL;
      g_autofree char *bytes_before = NULL;
      g_autofree char *bytes_after = NULL;

      /* An old mtime, so that any write would show. */
      g_assert_true (g_file_set_contents (paths[i], i == 0 ? data : "{\"format\": \"ministerial-plan\", \"version\": 9}", -1, NULL));
      {
        g_autoptr(GFileInfo) info = g_file_info_new ();

        g_file_info_set_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED, 1000000000);
        g_assert_true (g_file_set_attributes_from_info (file, info, G_FILE_QUERY_INFO_NONE, NULL, NULL));
      }
      g_assert_cmpint (g_stat (paths[i], &before[i]), ==, 0);
      g_assert_true (g_file_get_contents (paths[i], &bytes_before, NULL, NULL));

      plan = mp_plan_file_load (file, &error);
      g_assert_true ((plan != NULL) == (i == 0));
      g_clear_error (&error);
      if (plan != NULL)
        g_assert_finalize_object (g_steal_pointer (&plan));

      g_assert_cmpint (g_stat (paths[i], &after[i]), ==, 0);
      g_assert_cmpint (before[i].st_mtime, ==, after[i].st_mtime);
      g_assert_cmpint (before[i].st_mtime, ==, 1000000000);
      g_assert_cmpint (before[i].st_size, ==, after[i].st_size);
      g_assert_cmpint (before[i].st_mode, ==, after[i].st_mode);
      g_assert_true (g_file_get_contents (paths[i], &bytes_after, NULL, NULL));
      g_assert_cmpstr (bytes_before, ==, bytes_after);
    }
  g_assert_cmpuint (count_files (dir), ==, 2);

  /* A file that is not there. */
  g_assert_null (mp_plan_file_load (missing_file, &error));
  g_assert_error (error, MP_PLAN_ERROR, MP_PLAN_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, missing));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plan-file/base", test_base_loads);
  g_test_add_func ("/plan-file/sample", test_sample);
  g_test_add_func ("/plan-file/error/not-json", test_not_json);
  g_test_add_func ("/plan-file/error/empty", test_empty);
  g_test_add_func ("/plan-file/error/not-object", test_not_object);
  g_test_add_func ("/plan-file/error/format-version", test_format_version);
  g_test_add_func ("/plan-file/error/missing", test_missing);
  g_test_add_func ("/plan-file/error/mistyped", test_mistyped);
  g_test_add_func ("/plan-file/error/duplicate", test_duplicate);
  g_test_add_func ("/plan-file/error/dangling", test_dangling);
  g_test_add_func ("/plan-file/error/bad-values", test_bad_values);
  g_test_add_func ("/plan-file/error/gap", test_gap);
  g_test_add_func ("/plan-file/unknown-members", test_unknown_members);
  g_test_add_func ("/plan-file/round-trip", test_round_trip);
  g_test_add_func ("/plan-file/round-trip-times", test_round_trip_times);
  g_test_add_func ("/plan-file/sequence", test_sequence);
  g_test_add_func ("/plan-file/save", test_save);
  g_test_add_func ("/plan-file/save-fails", test_save_fails);
  g_test_add_func ("/plan-file/load-leaves-file", test_load_leaves_file);

  return g_test_run ();
}
