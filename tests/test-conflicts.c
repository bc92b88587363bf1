/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Every conflict kind of file-format.md, on small plans built for each. */

#include "config.h"

#include <glib/gstdio.h>

#include "mp-conflicts.h"
#include "mp-plan-file.h"

/* A plan: conference in Mexico City (daylight time in April 2014: UTC-5),
 * venues sedena and airport in Mexico City and egmont in Brussels (UTC+2),
 * rooms a, b (sedena), lounge (airport), salon (egmont), and tiny (sedena,
 * seats 2); people p, q, r, s. Written with ' for ". */
#define PLAN(conference_extra, travel, people_extra, meetings)                          \
  "{'format': 'ministerial-plan', 'version': 1, "                                       \
  "'conference': {'title': 'T', 'time_zone': 'America/Mexico_City', "                   \
  "  'start_date': '2014-04-23', 'end_date': '2014-04-25'" conference_extra "}, "       \
  "'venues': [{'id': 'sedena', 'name': 'SEDENA'}, {'id': 'airport', 'name': 'Airport'}, " \
  "  {'id': 'egmont', 'name': 'Egmont', 'time_zone': 'Europe/Brussels'}], "             \
  "'rooms': [{'id': 'a', 'name': 'A', 'venue': 'sedena'}, "                             \
  "  {'id': 'b', 'name': 'B', 'venue': 'sedena'}, "                                     \
  "  {'id': 'lounge', 'name': 'Lounge', 'venue': 'airport'}, "                          \
  "  {'id': 'salon', 'name': 'Salon', 'venue': 'egmont'}, "                             \
  "  {'id': 'tiny', 'name': 'Tiny', 'venue': 'sedena', 'capacity': 2}, "                \
  "  {'id': 'loose', 'name': 'Loose'}], "                                               \
  "'travel': [" travel "], "                                                            \
  "'delegations': [{'id': 'D', 'name': 'D'}], "                                         \
  "'participants': [{'id': 'p', 'name': 'P', 'delegation': 'D'" people_extra "}, "      \
  "  {'id': 'q', 'name': 'Q', 'delegation': 'D'}, {'id': 'r', 'name': 'R', 'delegation': 'D'}, " \
  "  {'id': 's', 'name': 'S', 'delegation': 'D'}], "                                    \
  "'meetings': [" meetings "]}"

/* A meeting on 23 April 2014: id, room (or none), start and end clocks,
 * participants. */
#define M(id, room, start, end, people) \
  "{'id': '" id "', 'title': '" id "', " room "'start': '2014-04-23T" start "', " \
  "'end': '2014-04-23T" end "', 'participants': [" people "]}"
#define IN(room) "'room': '" room "', "
#define NOWHERE ""

static MpPlan *
load (const char *text)
{
  g_autofree char *data = g_strdup (text);
  g_autoptr(GError) error = NULL;
  MpPlan *plan;

  g_strdelimit (data, "'", '"');
  plan = mp_plan_file_load_data (data, strlen (data), "test", &error);
  g_assert_no_error (error);
  return plan;
}

/* The conflicts, one line each: "kind subject first[,second]". */
static char *
render (MpPlan *plan)
{
  g_autoptr(GPtrArray) conflicts = mp_conflicts_find (plan);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < conflicts->len; i++)
    {
      MpConflict *c = g_ptr_array_index (conflicts, i);
      const char * const *meetings = mp_conflict_get_meetings (c);
      g_autofree char *words = mp_conflict_describe (c, plan);
      g_autofree char *ids = g_strjoinv (",", (char **) meetings);

      g_assert_true (mp_conflict_get_participant (c) == NULL || mp_conflict_get_room (c) == NULL);
      g_assert_nonnull (words);
      g_assert_cmpstr (words, !=, "");
      for (guint j = 0; meetings[j] != NULL; j++)
        g_assert_true (mp_conflict_involves (c, meetings[j]));
      g_assert_false (mp_conflict_involves (c, "no-such-meeting"));

      g_string_append_printf (out, "%s%s %s %s", i > 0 ? "\n" : "",
                              mp_enum_to_nick (MP_TYPE_CONFLICT_KIND, mp_conflict_get_kind (c)),
                              mp_conflict_get_participant (c) != NULL ? mp_conflict_get_participant (c)
                                                                      : mp_conflict_get_room (c),
                              ids);
    }

  return g_string_free (out, FALSE);
}

static void
expect (const char *plan_text,
        const char *expected)
{
  g_autoptr(MpPlan) plan = load (plan_text);
  g_autofree char *found = render (plan);

  if (!g_str_equal (found, expected))
    g_error ("expected:\n%s\nfound:\n%s", expected, found);
  g_assert_finalize_object (g_steal_pointer (&plan));
}

static void
test_participant_overlap (void)
{
  expect (PLAN ("", "", "", M ("m1", IN ("a"), "09:00", "10:00", "'p', 'q'") ", "
                            M ("m2", IN ("b"), "09:30", "10:30", "'p'")),
          "participant-overlap p m1,m2");

  /* Three at once: every pair, in order of start. */
  expect (PLAN ("", "", "", M ("m3", NOWHERE, "09:20", "09:40", "'p'") ", "
                            M ("m1", NOWHERE, "09:00", "10:00", "'p'") ", "
                            M ("m2", NOWHERE, "09:10", "09:30", "'p'")),
          "participant-overlap p m1,m2\n"
          "participant-overlap p m1,m3\n"
          "participant-overlap p m2,m3");

  /* A meeting inside another. */
  expect (PLAN ("", "", "", M ("long", NOWHERE, "08:00", "18:00", "'q'") ", "
                            M ("short", NOWHERE, "12:00", "12:15", "'q', 'r'")),
          "participant-overlap q long,short");

  /* Two people in the same two meetings: a conflict each. */
  expect (PLAN ("", "", "", M ("m1", NOWHERE, "09:00", "10:00", "'p', 'q'") ", "
                            M ("m2", NOWHERE, "09:59", "10:30", "'q', 'p'")),
          "participant-overlap p m1,m2\n"
          "participant-overlap q m1,m2");
}

static void
test_touching (void)
{
  /* One ends when the other starts: no overlap, in the same room or not. */
  expect (PLAN ("", "", "", M ("m1", IN ("a"), "09:00", "10:00", "'p'") ", "
                            M ("m2", IN ("a"), "10:00", "11:00", "'p'") ", "
                            M ("m3", NOWHERE, "11:00", "11:30", "'p'")),
          "");
}

static void
test_cancelled (void)
{
  expect (PLAN ("", "", "",
                M ("m1", IN ("tiny"), "09:00", "10:00", "'p', 'q', 'r'") ", "
                "{'id': 'm2', 'title': 'x', 'room': 'tiny', 'start': '2014-04-23T09:30', "
                "'end': '2014-04-23T10:30', 'participants': ['p', 'q', 'r'], 'status': 'cancelled'}"),
          "capacity tiny m1");

  expect (PLAN ("", "", ", 'available': []",
                "{'id': 'm1', 'title': 'x', 'room': 'a', 'start': '2014-04-23T09:00', "
                "'end': '2014-04-23T10:00', 'participants': ['p'], 'status': 'cancelled'}, "
                M ("m2", IN ("lounge"), "10:00", "11:00", "'q'")),
          "");
}

static void
test_zones (void)
{
  /* 09:00 in Mexico City is 14:00Z; 09:00 in Brussels is 07:00Z: the same
   * wall clock, hours apart. */
  expect (PLAN ("", "", "", M ("mex", IN ("a"), "09:00", "10:00", "'p'") ", "
                            M ("bru", IN ("salon"), "09:00", "10:00", "'p'")),
          "");

  /* 16:30 in Brussels is 14:30Z, inside the Mexico City meeting, though
   * the clocks read hours apart. */
  expect (PLAN ("", "", "", M ("mex", IN ("a"), "09:00", "10:00", "'p'") ", "
                            M ("bru", IN ("salon"), "16:30", "17:30", "'p'")),
          "participant-overlap p mex,bru");

  /* Order of start is real time: Brussels' 15:00 (13:00Z) comes first. */
  expect (PLAN ("", "", "", M ("mex", IN ("a"), "08:30", "10:00", "'p'") ", "
                            M ("bru", IN ("salon"), "15:00", "16:00", "'p'")),
          "participant-overlap p bru,mex");
}

static void
test_listed_twice (void)
{
  /* Counts once for capacity and for overlap. */
  expect (PLAN ("", "", "", M ("m1", IN ("tiny"), "09:00", "10:00", "'p', 'q', 'p', 'q'")),
          "");
  expect (PLAN ("", "", "", M ("m1", IN ("tiny"), "09:00", "10:00", "'p', 'p', 'q', 'r'")),
          "capacity tiny m1");
  expect (PLAN ("", "", "", M ("m1", IN ("a"), "09:00", "10:00", "'p', 'p'") ", "
                            M ("m2", IN ("b"), "09:30", "10:30", "'p', 'p', 'p'")),
          "participant-overlap p m1,m2");
  expect (PLAN ("", "", ", 'available': [{'start': '2014-04-23T11:00', 'end': '2014-04-23T12:00'}]",
                M ("m1", IN ("a"), "09:00", "10:00", "'p', 'p'")),
          "unavailable p m1");
}

static void
test_room_overlap (void)
{
  expect (PLAN ("", "", "", M ("m1", IN ("a"), "09:00", "10:00", "'p'") ", "
                            M ("m2", IN ("a"), "09:45", "10:30", "'q'") ", "
                            M ("m3", IN ("b"), "09:45", "10:30", "'r'")),
          "room-overlap a m1,m2");

  /* No participants at all: still a room conflict. */
  expect (PLAN ("", "", "", M ("m1", IN ("lounge"), "09:00", "10:00", "") ", "
                            M ("m2", IN ("lounge"), "09:00", "10:00", "")),
          "room-overlap lounge m1,m2");
}

static void
test_turnover (void)
{
  /* Turnover 15: a gap of exactly 15 is enough... */
  expect (PLAN (", 'turnover_minutes': 15", "", "",
                M ("m1", IN ("a"), "09:00", "10:00", "'p'") ", "
                M ("m2", IN ("a"), "10:15", "11:00", "'q'")),
          "");
  /* ...one minute short is not... */
  expect (PLAN (", 'turnover_minutes': 15", "", "",
                M ("m1", IN ("a"), "09:00", "10:00", "'p'") ", "
                M ("m2", IN ("a"), "10:14", "11:00", "'q'")),
          "room-overlap a m1,m2");
  /* ...and it reaches past the next meeting to later ones. */
  expect (PLAN (", 'turnover_minutes': 30", "", "",
                M ("m1", IN ("a"), "09:00", "10:00", "") ", "
                M ("m2", IN ("a"), "10:10", "10:15", "") ", "
                M ("m3", IN ("a"), "10:20", "11:00", "")),
          "room-overlap a m1,m2\n"
          "room-overlap a m1,m3\n"
          "room-overlap a m2,m3");
  /* Different rooms need no turnover. */
  expect (PLAN (", 'turnover_minutes': 15", "", "",
                M ("m1", IN ("a"), "09:00", "10:00", "") ", "
                M ("m2", IN ("b"), "10:00", "11:00", "")),
          "");
}

#define AIRPORT_45 "{'from': 'airport', 'to': 'sedena', 'minutes': 45}"

static void
test_travel (void)
{
  /* Sedena to the airport takes 45 minutes, either way. */
  expect (PLAN ("", AIRPORT_45, "", M ("m1", IN ("a"), "09:00", "10:00", "'p'") ", "
                                    M ("m2", IN ("lounge"), "10:30", "11:00", "'p'")),
          "travel p m1,m2");
  expect (PLAN ("", AIRPORT_45, "", M ("m1", IN ("lounge"), "09:00", "10:00", "'p'") ", "
                                    M ("m2", IN ("b"), "10:44", "11:00", "'p'")),
          "travel p m1,m2");
  expect (PLAN ("", AIRPORT_45, "", M ("m1", IN ("lounge"), "09:00", "10:00", "'p'") ", "
                                    M ("m2", IN ("b"), "10:45", "11:00", "'p'")),
          "");
  /* Venues with no entry: no travel time. */
  expect (PLAN ("", AIRPORT_45, "", M ("m1", IN ("salon"), "09:00", "10:00", "'p'") ", "
                                    M ("m2", IN ("a"), "10:00", "11:00", "'p'")),
          "");
  /* A meeting without a room, or whose room has no venue, has no venue. */
  expect (PLAN ("", AIRPORT_45, "", M ("m1", NOWHERE, "09:00", "10:00", "'p'") ", "
                                    M ("m2", IN ("lounge"), "10:00", "11:00", "'p'") ", "
                                    M ("m3", IN ("loose"), "11:00", "12:00", "'p'")),
          "");
  /* Only meetings that follow each other: a roomless one in between
   * breaks the chain. */
  expect (PLAN ("", AIRPORT_45, "", M ("m1", IN ("a"), "09:00", "10:00", "'p'") ", "
                                    M ("m2", NOWHERE, "10:00", "10:10", "'p'") ", "
                                    M ("m3", IN ("lounge"), "10:10", "11:00", "'p'")),
          "");
  /* Overlapping meetings are an overlap, not a travel conflict. */
  expect (PLAN ("", AIRPORT_45, "", M ("m1", IN ("a"), "09:00", "10:00", "'p'") ", "
                                    M ("m2", IN ("lounge"), "09:30", "11:00", "'p'")),
          "participant-overlap p m1,m2");
  /* Each person on their own: q only goes to the second. */
  expect (PLAN ("", AIRPORT_45, "", M ("m1", IN ("a"), "09:00", "10:00", "'p', 'r'") ", "
                                    M ("m2", IN ("lounge"), "10:30", "11:00", "'p', 'q'")),
          "travel p m1,m2");
}

static void
test_buffer (void)
{
  /* Buffer 10 between different rooms of one venue. */
  expect (PLAN (", 'buffer_minutes': 10", "", "",
                M ("m1", IN ("a"), "09:00", "10:00", "'p'") ", "
                M ("m2", IN ("b"), "10:09", "11:00", "'p'")),
          "travel p m1,m2");
  expect (PLAN (", 'buffer_minutes': 10", "", "",
                M ("m1", IN ("a"), "09:00", "10:00", "'p'") ", "
                M ("m2", IN ("b"), "10:10", "11:00", "'p'")),
          "");
  /* The same room needs no buffer; nor does a meeting without a room. */
  expect (PLAN (", 'buffer_minutes': 10", "", "",
                M ("m1", IN ("a"), "09:00", "10:00", "'p'") ", "
                M ("m2", IN ("a"), "10:00", "11:00", "'p'") ", "
                M ("m3", NOWHERE, "11:00", "12:00", "'p'") ", "
                M ("m4", IN ("b"), "12:00", "13:00", "'p'")),
          "");
  /* Buffer against travel: the longer wins. Travel 5, buffer 10. */
  expect (PLAN (", 'buffer_minutes': 10", "{'from': 'airport', 'to': 'sedena', 'minutes': 5}", "",
                M ("m1", IN ("a"), "09:00", "10:00", "'p'") ", "
                M ("m2", IN ("lounge"), "10:07", "11:00", "'p'")),
          "travel p m1,m2");
  expect (PLAN (", 'buffer_minutes': 10", "{'from': 'airport', 'to': 'sedena', 'minutes': 5}", "",
                M ("m1", IN ("a"), "09:00", "10:00", "'p'") ", "
                M ("m2", IN ("lounge"), "10:10", "11:00", "'p'")),
          "");
  /* Travel 45, buffer 10: 30 minutes are not enough. */
  expect (PLAN (", 'buffer_minutes': 10", AIRPORT_45, "",
                M ("m1", IN ("a"), "09:00", "10:00", "'p'") ", "
                M ("m2", IN ("lounge"), "10:30", "11:00", "'p'")),
          "travel p m1,m2");
}

static void
test_capacity (void)
{
  expect (PLAN ("", "", "", M ("m1", IN ("tiny"), "09:00", "10:00", "'p', 'q'") ", "
                            M ("m2", IN ("tiny"), "11:00", "12:00", "'p', 'q', 'r'") ", "
                            M ("m3", IN ("a"), "11:00", "12:00", "'s'") ", "
                            M ("m4", NOWHERE, "13:00", "14:00", "'p', 'q', 'r', 's'")),
          "capacity tiny m2");
}

static void
test_unavailable (void)
{
  const char *windows = ", 'available': [{'start': '2014-04-23T08:00', 'end': '2014-04-23T10:00'}, "
                        "{'start': '2014-04-23T10:00', 'end': '2014-04-23T12:00'}]";

  /* Exactly a window; inside one; across two (not inside one); outside. */
  {
    g_autofree char *text = g_strconcat (
      "{'format': 'ministerial-plan', 'version': 1, "
      "'conference': {'title': 'T', 'time_zone': 'America/Mexico_City', 'start_date': '2014-04-23', 'end_date': '2014-04-25'}, "
      "'venues': [{'id': 'egmont', 'name': 'Egmont', 'time_zone': 'Europe/Brussels'}], "
      "'rooms': [{'id': 'salon', 'name': 'Salon', 'venue': 'egmont'}], "
      "'delegations': [{'id': 'D', 'name': 'D'}], "
      "'participants': [{'id': 'p', 'name': 'P', 'delegation': 'D'", windows, "}, "
      "{'id': 'q', 'name': 'Q', 'delegation': 'D'}], "
      "'meetings': [",
      M ("exact", NOWHERE, "08:00", "10:00", "'p'"), ", ",
      M ("inside", NOWHERE, "10:30", "11:00", "'p', 'q'"), ", ",
      M ("across", NOWHERE, "09:30", "10:15", "'p'"), ", ",
      M ("late", NOWHERE, "11:30", "12:30", "'p'"), ", ",
      M ("night", NOWHERE, "22:00", "23:00", "'p', 'q'"), ", ",
      /* 17:00 to 18:00 in Brussels is 10:00 to 11:00 in Mexico City: the
       * windows are in the conference's zone. */
      M ("brussels", IN ("salon"), "17:00", "18:00", "'p'"),
      "]}", NULL);

    expect (text,
            "participant-overlap p exact,across\n"
            "participant-overlap p across,brussels\n"
            "participant-overlap p brussels,inside\n"
            "unavailable p across\n"
            "unavailable p late\n"
            "unavailable p night");
  }

  /* An empty list: never available. No list: always. */
  expect (PLAN ("", "", ", 'available': []", M ("m1", NOWHERE, "09:00", "10:00", "'p', 'q'")),
          "unavailable p m1");
}

static void
test_all_kinds_order (void)
{
  /* One of each, sorted by kind in the order of file-format.md. */
  expect (PLAN (", 'turnover_minutes': 5", AIRPORT_45,
                ", 'available': [{'start': '2014-04-23T08:00', 'end': '2014-04-23T12:00'}]",
                M ("m1", IN ("tiny"), "09:00", "10:00", "'q', 'r', 's'") ", "
                M ("m2", IN ("tiny"), "10:02", "10:30", "") ", "
                M ("m3", IN ("lounge"), "10:30", "11:00", "'q'") ", "
                M ("m4", IN ("a"), "11:30", "12:30", "'p'") ", "
                M ("m5", IN ("b"), "12:00", "12:15", "'p'")),
          "participant-overlap p m4,m5\n"
          "room-overlap tiny m1,m2\n"
          "unavailable p m4\n"
          "unavailable p m5\n"
          "travel q m1,m3\n"
          "capacity tiny m1");
}

static void
test_sample (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                                 "north-american-defense-ministerial-2014.ministerial", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(MpPlan) plan = mp_plan_file_load (file, &error);
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GHashTable) set = NULL;
  g_autoptr(MpMeeting) moved = NULL;
  MpTime start, end;

  g_assert_no_error (error);
  conflicts = mp_conflicts_find (plan);
  g_assert_cmpuint (conflicts->len, ==, 0);
  g_clear_pointer (&conflicts, g_ptr_array_unref);

  /* Move the Hagel–Soberón bilateral onto the Hagel–Cienfuegos one: the
   * checker sees the change at once. */
  moved = g_object_ref (mp_plan_get_meeting (plan, "bilateral-usa-semar"));
  start = *mp_meeting_get_start (mp_plan_get_meeting (plan, "bilateral-usa-sedena"));
  end = *mp_meeting_get_end (mp_plan_get_meeting (plan, "bilateral-usa-sedena"));
  mp_meeting_set_start (moved, &start);
  mp_meeting_set_end (moved, &end);
  conflicts = mp_conflicts_find (plan);
  g_assert_cmpuint (conflicts->len, >, 0);
  set = mp_conflicts_meeting_set (conflicts);
  g_assert_true (g_hash_table_contains (set, "bilateral-usa-semar"));
  g_assert_true (g_hash_table_contains (set, "bilateral-usa-sedena"));
  g_assert_false (g_hash_table_contains (set, "honors"));
  for (guint i = 0; i < conflicts->len; i++)
    {
      MpConflict *c = g_ptr_array_index (conflicts, i);

      g_assert_cmpint (mp_conflict_get_kind (c), ==, MP_CONFLICT_KIND_PARTICIPANT_OVERLAP);
    }

  g_clear_object (&moved);
  g_assert_finalize_object (g_steal_pointer (&plan));
}

static void
test_empty (void)
{
  g_autoptr(MpPlan) plan = mp_plan_new ();
  g_autoptr(GPtrArray) conflicts = mp_conflicts_find (plan);
  g_autoptr(MpMeeting) bare = mp_meeting_new ("bare");

  g_assert_cmpuint (conflicts->len, ==, 0);
  g_clear_pointer (&conflicts, g_ptr_array_unref);

  /* A meeting with no times yet takes part in nothing. */
  mp_plan_add (plan, MP_RECORD (bare), NULL);
  conflicts = mp_conflicts_find (plan);
  g_assert_cmpuint (conflicts->len, ==, 0);

  g_clear_object (&bare);
  g_assert_finalize_object (g_steal_pointer (&plan));
}

/* A cross-check ------------------------------------------------------------ */

/* A plan full of conflicts of every kind: random meetings in rooms of three
 * venues (one in Brussels), some without rooms, people listed twice,
 * availability windows, cancelled meetings, absolute times. */
static char *
random_plan (guint32 seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  GString *s = g_string_new (NULL);
  const char *rooms[] = { "a", "b", "lounge", "salon", "tiny", "loose" };
  const guint n_people = 30, n_meetings = 300;

  g_string_append (s,
    "{\"format\": \"ministerial-plan\", \"version\": 1, "
    "\"conference\": {\"title\": \"T\", \"time_zone\": \"America/Mexico_City\", "
    "\"start_date\": \"2014-04-23\", \"end_date\": \"2014-04-24\", "
    "\"turnover_minutes\": 10, \"buffer_minutes\": 5}, "
    "\"venues\": [{\"id\": \"sedena\", \"name\": \"S\"}, {\"id\": \"airport\", \"name\": \"A\"}, "
    "{\"id\": \"egmont\", \"name\": \"E\", \"time_zone\": \"Europe/Brussels\"}], "
    "\"rooms\": [{\"id\": \"a\", \"name\": \"A\", \"venue\": \"sedena\", \"capacity\": 4}, "
    "{\"id\": \"b\", \"name\": \"B\", \"venue\": \"sedena\"}, "
    "{\"id\": \"lounge\", \"name\": \"L\", \"venue\": \"airport\", \"capacity\": 3}, "
    "{\"id\": \"salon\", \"name\": \"S\", \"venue\": \"egmont\"}, "
    "{\"id\": \"tiny\", \"name\": \"T\", \"venue\": \"sedena\", \"capacity\": 2}, "
    "{\"id\": \"loose\", \"name\": \"X\"}], "
    "\"travel\": [{\"id\": \"t\", \"from\": \"sedena\", \"to\": \"airport\", \"minutes\": 30}], "
    "\"delegations\": [{\"id\": \"D\", \"name\": \"D\"}], \"participants\": [");

  for (guint i = 0; i < n_people; i++)
    {
      g_string_append_printf (s, "%s{\"id\": \"p%u\", \"name\": \"P\", \"delegation\": \"D\"",
                              i > 0 ? ", " : "", i);
      if (i % 3 == 0)
        g_string_append_printf (s, ", \"available\": [{\"start\": \"2014-04-23T%02u:00\", \"end\": \"2014-04-23T18:00\"}, "
                                "{\"start\": \"2014-04-24T08:00\", \"end\": \"2014-04-24T%02u:30\"}]",
                                7 + i % 5, 12 + i % 6);
      g_string_append (s, "}");
    }
  g_string_append (s, "], \"meetings\": [");

  for (guint i = 0; i < n_meetings; i++)
    {
      int day = 23 + g_rand_int_range (rand, 0, 2);
      int start = g_rand_int_range (rand, 7 * 12, 19 * 12) * 5;
      int length = g_rand_int_range (rand, 1, 16) * 5 + (g_rand_int_range (rand, 0, 10) == 0 ? 1 : 0);
      int room = g_rand_int_range (rand, -1, G_N_ELEMENTS (rooms));
      int n = g_rand_int_range (rand, 0, 7);
      gboolean absolute = g_rand_int_range (rand, 0, 20) == 0;

      g_string_append_printf (s, "%s{\"id\": \"m%u\", \"title\": \"M\", ", i > 0 ? ", " : "", i);
      if (room >= 0)
        g_string_append_printf (s, "\"room\": \"%s\", ", rooms[room]);
      if (g_rand_int_range (rand, 0, 15) == 0)
        g_string_append (s, "\"status\": \"cancelled\", ");
      if (absolute)
        /* Mexico City is UTC-5 in April 2014: the same instants. */
        g_string_append_printf (s, "\"start\": \"2014-04-%02dT%02d:%02d-05:00\", \"end\": \"2014-04-%02dT%02d:%02d-05:00\", ",
                                day, start / 60, start % 60,
                                day, (start + length) / 60, (start + length) % 60);
      else
        g_string_append_printf (s, "\"start\": \"2014-04-%02dT%02d:%02d\", \"end\": \"2014-04-%02dT%02d:%02d\", ",
                                day, start / 60, start % 60, day, (start + length) / 60, (start + length) % 60);
      g_string_append (s, "\"participants\": [");
      for (int j = 0; j < n; j++)
        g_string_append_printf (s, "%s\"p%d\"", j > 0 ? ", " : "", g_rand_int_range (rand, 0, n_people));
      g_string_append (s, "]}");
    }
  g_string_append (s, "]}\n");

  return g_string_free (s, FALSE);
}

/* The same conflicts as bench/check-plan.py, a checker written apart in
 * Python, on random plans. Skipped where the source tree or Python is not
 * at hand. */
static void
test_cross_check (void)
{
  const char *root = g_getenv ("MINISTERIAL_SOURCE_ROOT");
  const char *binary = g_getenv ("MINISTERIAL");
  g_autofree char *checker = root != NULL ? g_build_filename (root, "bench", "check-plan.py", NULL) : NULL;
  g_autofree char *dir = NULL;

  if (checker == NULL || binary == NULL || !g_file_test (checker, G_FILE_TEST_EXISTS) ||
      !g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("bench/check-plan.py or /usr/bin/python3 is not there");
      return;
    }

  dir = g_dir_make_tmp ("test-conflicts-XXXXXX", NULL);
  g_assert_nonnull (dir);

  for (guint32 seed = 1; seed <= 4; seed++)
    {
      g_autofree char *text = random_plan (seed);
      g_autofree char *plan_path = g_build_filename (dir, "random.ministerial", NULL);
      g_autofree char *json_path = g_build_filename (dir, "conflicts.json", NULL);
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autofree char *compare = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(MpPlan) plan = mp_plan_file_load_data (text, strlen (text), "random", &error);
      g_autoptr(GPtrArray) conflicts = NULL;
      const char *check_argv[] = { binary, "--check", "--json", plan_path, NULL };
      const char *compare_argv[] = { "/usr/bin/python3", checker, "--compare", json_path, plan_path, NULL };
      int status;

      g_assert_no_error (error);
      conflicts = mp_conflicts_find (plan);
      /* Every kind turns up. */
      for (int kind = 0; kind <= MP_CONFLICT_KIND_CAPACITY; kind++)
        {
          gboolean seen = FALSE;

          for (guint i = 0; i < conflicts->len && !seen; i++)
            seen = mp_conflict_get_kind (g_ptr_array_index (conflicts, i)) == (MpConflictKind) kind;
          g_assert_true (seen);
        }

      g_assert_true (g_file_set_contents (plan_path, text, -1, NULL));
      g_assert_true (g_spawn_sync (NULL, (char **) check_argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                   &out, &err, &status, &error));
      g_assert_no_error (error);
      g_assert_cmpint (WEXITSTATUS (status), ==, 1);
      g_assert_true (g_file_set_contents (json_path, out, -1, NULL));

      g_assert_true (g_spawn_sync (NULL, (char **) compare_argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                   &compare, NULL, &status, &error));
      g_assert_no_error (error);
      if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
        g_error ("seed %u: the checkers differ (%u conflicts here):\n%s", seed, conflicts->len, compare);

      g_unlink (plan_path);
      g_unlink (json_path);
      g_assert_finalize_object (g_steal_pointer (&plan));
    }

  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/conflicts/participant-overlap", test_participant_overlap);
  g_test_add_func ("/conflicts/touching", test_touching);
  g_test_add_func ("/conflicts/cancelled", test_cancelled);
  g_test_add_func ("/conflicts/zones", test_zones);
  g_test_add_func ("/conflicts/listed-twice", test_listed_twice);
  g_test_add_func ("/conflicts/room-overlap", test_room_overlap);
  g_test_add_func ("/conflicts/turnover", test_turnover);
  g_test_add_func ("/conflicts/travel", test_travel);
  g_test_add_func ("/conflicts/buffer", test_buffer);
  g_test_add_func ("/conflicts/capacity", test_capacity);
  g_test_add_func ("/conflicts/unavailable", test_unavailable);
  g_test_add_func ("/conflicts/all-kinds", test_all_kinds_order);
  g_test_add_func ("/conflicts/sample", test_sample);
  g_test_add_func ("/conflicts/empty", test_empty);
  g_test_add_func ("/conflicts/cross-check", test_cross_check);

  return g_test_run ();
}
