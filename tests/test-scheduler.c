/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The scheduler: each rule it must keep, on a plan built to break it; its
 * promises (required first, locked never moved, deterministic, a re-run
 * changes nothing); every reason; and ministerial --schedule. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "mp-conflicts.h"
#include "mp-plan-file.h"
#include "mp-scheduler.h"

/* A plan: the conference below (Paris, 10–11 March 2026, 09:00–12:00 or
 * the hours given, 15-minute slots unless extra says otherwise), then the
 * members given. */
#define CONF_HOURS(start, end, extra) \
  "\"conference\": {\"title\": \"Test\", \"time_zone\": \"Europe/Paris\", " \
  "\"start_date\": \"2026-03-10\", \"end_date\": \"2026-03-11\", " \
  "\"day_start\": \"" start "\", \"day_end\": \"" end "\"" extra "}"
#define CONF(extra) CONF_HOURS ("09:00", "12:00", extra)

#define PEOPLE \
  "\"delegations\": [{\"id\": \"FRA\", \"name\": \"France\"}, {\"id\": \"DEU\", \"name\": \"Germany\"}, " \
  "                  {\"id\": \"ITA\", \"name\": \"Italy\"}], " \
  "\"participants\": [{\"id\": \"a\", \"name\": \"Anne Martin\", \"delegation\": \"FRA\"}, " \
  "                   {\"id\": \"b\", \"name\": \"Bernd Keller\", \"delegation\": \"DEU\"}, " \
  "                   {\"id\": \"c\", \"name\": \"Carla Rossi\", \"delegation\": \"ITA\"}"

static MpPlan *
plan_from (const char *members)
{
  g_autofree char *text = g_strdup_printf ("{\"format\": \"ministerial-plan\", \"version\": 1, %s}", members);
  g_autoptr(GError) error = NULL;
  MpPlan *plan = mp_plan_file_load_data (text, strlen (text), "test.ministerial", &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

/* Runs and applies; the placements must add no conflict. */
static MpScheduleResult *
schedule_with (MpPlan                  *plan,
               const MpScheduleOptions *options)
{
  g_autoptr(GPtrArray) before = mp_conflicts_find (plan);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  MpScheduleResult *result = mp_scheduler_run (plan, options, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  g_assert_true (mp_schedule_result_apply (result, plan, NULL, &error));
  g_assert_no_error (error);

  after = mp_conflicts_find (plan);
  for (guint i = 0; i < after->len; i++)
    {
      g_autofree char *text = mp_conflict_describe (g_ptr_array_index (after, i), plan);

      g_test_message ("conflict: %s", text);
    }
  g_assert_cmpuint (after->len, ==, before->len);
  return result;
}

static MpScheduleResult *
schedule (MpPlan *plan)
{
  return schedule_with (plan, NULL);
}

/* "ROOM START" of a request's placement, or "unplaced". */
static char *
placement (MpPlan     *plan,
           const char *request)
{
  MpMeeting *meeting = mp_plan_get_placement (plan, request);
  g_autofree char *start = NULL;

  if (meeting == NULL)
    return g_strdup ("unplaced");
  start = mp_time_to_string (mp_meeting_get_start (meeting));
  return g_strdup_printf ("%s %s", mp_meeting_get_room (meeting), start);
}

#define assert_placed(plan, request, expected) \
  G_STMT_START { \
    g_autofree char *where_ = placement (plan, request); \
    g_assert_cmpstr (where_, ==, expected); \
  } G_STMT_END

static MpScheduleReason *
reason_of (MpScheduleResult *result,
           const char       *request)
{
  GListModel *unplaced = mp_schedule_result_get_unplaced (result);

  for (guint i = 0; i < g_list_model_get_n_items (unplaced); i++)
    {
      g_autoptr(MpScheduleReason) reason = g_list_model_get_item (unplaced, i);

      if (g_strcmp0 (mp_schedule_reason_get_request (reason), request) == 0)
        return reason;    /* the list holds it */
    }

  g_assert_not_reached ();
  return NULL;
}

/* Each rule --------------------------------------------------------------- */

static void
test_availability (void)
{
  g_autoptr(MpPlan) plan = plan_from (
    CONF ("") ", " PEOPLE ", "
    "{\"id\": \"d\", \"name\": \"Dora\", \"delegation\": \"FRA\", "
    " \"available\": [{\"start\": \"2026-03-11T10:30\", \"end\": \"2026-03-11T11:30\"}]}], "
    "\"rooms\": [{\"id\": \"r\", \"name\": \"R\"}], "
    "\"requests\": [{\"id\": \"q\", \"participants\": [\"a\", \"d\"], \"duration_minutes\": 60}]");
  g_autoptr(MpScheduleResult) result = schedule (plan);

  assert_placed (plan, "q", "r 2026-03-11T10:30");
  g_assert_finalize_object (g_steal_pointer (&result));
  g_assert_finalize_object (g_steal_pointer (&plan));
}

static void
test_window (void)
{
  g_autoptr(MpPlan) plan = plan_from (
    CONF ("") ", " PEOPLE "], "
    "\"rooms\": [{\"id\": \"r\", \"name\": \"R\"}], "
    "\"requests\": [{\"id\": \"q\", \"participants\": [\"a\", \"b\"], \"duration_minutes\": 30, "
    "                \"earliest\": \"2026-03-11T10:10\", \"latest\": \"2026-03-11T11:00\"}]");
  g_autoptr(MpScheduleResult) result = schedule (plan);

  /* 10:00 starts before earliest; 10:15 is the first slot inside. */
  assert_placed (plan, "q", "r 2026-03-11T10:15");
  g_assert_finalize_object (g_steal_pointer (&result));
  g_assert_finalize_object (g_steal_pointer (&plan));
}

static void
test_capacity_and_kinds (void)
{
  g_autoptr(MpPlan) plan = plan_from (
    CONF ("") ", " PEOPLE "], "
    "\"rooms\": [{\"id\": \"small\", \"name\": \"Small\", \"capacity\": 2, \"kinds\": [\"bilateral\"]}, "
    "            {\"id\": \"meals\", \"name\": \"Dining\", \"capacity\": 8, \"kinds\": [\"working-meal\"]}, "
    "            {\"id\": \"big\", \"name\": \"Big\", \"capacity\": 3, \"kinds\": [\"trilateral\"]}, "
    "            {\"id\": \"hall\", \"name\": \"Hall\", \"capacity\": 10}], "
    "\"requests\": [{\"id\": \"three\", \"kind\": \"trilateral\", \"participants\": [\"a\", \"b\", \"c\"], "
    "                \"duration_minutes\": 30, \"latest\": \"2026-03-10T09:30\"}, "
    "               {\"id\": \"meal\", \"kind\": \"working-meal\", \"participants\": [\"a\", \"b\"], "
    "                \"duration_minutes\": 60, \"earliest\": \"2026-03-11T09:00\"}, "
    "               {\"id\": \"two\", \"participants\": [\"b\", \"c\"], \"duration_minutes\": 30, "
    "                \"earliest\": \"2026-03-11T11:00\"}]");
  g_autoptr(MpScheduleResult) result = schedule (plan);

  /* The smallest room that seats everyone and serves the kind. */
  assert_placed (plan, "three", "big 2026-03-10T09:00");
  assert_placed (plan, "meal", "meals 2026-03-11T09:00");
  assert_placed (plan, "two", "small 2026-03-11T11:00");
  g_assert_finalize_object (g_steal_pointer (&result));
  g_assert_finalize_object (g_steal_pointer (&plan));
}

static void
test_turnover (void)
{
  g_autoptr(MpPlan) plan = plan_from (
    CONF (", \"turnover_minutes\": 20") ", " PEOPLE "], "
    "\"rooms\": [{\"id\": \"r\", \"name\": \"R\"}], "
    "\"meetings\": [{\"id\": \"m1\", \"title\": \"Before\", \"start\": \"2026-03-10T09:00\", "
    "                \"end\": \"2026-03-10T09:30\", \"room\": \"r\", \"participants\": [\"c\"]}, "
    "               {\"id\": \"m2\", \"title\": \"After\", \"start\": \"2026-03-10T11:00\", "
    "                \"end\": \"2026-03-10T12:00\", \"room\": \"r\", \"participants\": [\"c\"]}], "
    "\"requests\": [{\"id\": \"q\", \"participants\": [\"a\", \"b\"], \"duration_minutes\": 30, "
    "                \"latest\": \"2026-03-10T12:00\"}, "
    "               {\"id\": \"late\", \"participants\": [\"a\", \"b\"], \"duration_minutes\": 30, "
    "                \"earliest\": \"2026-03-10T10:15\", \"latest\": \"2026-03-10T12:00\"}]");
  g_autoptr(MpScheduleResult) result = schedule (plan);

  /* 20 minutes after 09:30 is 09:50: the next slot is 10:00. Turnover on
   * both sides: "late" must end by 10:40, and starts at or after 10:15
   * (q's end, 10:30, plus turnover is 10:50): it cannot be placed. */
  assert_placed (plan, "q", "r 2026-03-10T10:00");
  assert_placed (plan, "late", "unplaced");
  g_assert_finalize_object (g_steal_pointer (&result));
  g_assert_finalize_object (g_steal_pointer (&plan));
}

static void
test_buffer (void)
{
  g_autoptr(MpPlan) plan = plan_from (
    CONF (", \"slot_minutes\": 5, \"buffer_minutes\": 10") ", " PEOPLE "], "
    "\"rooms\": [{\"id\": \"x\", \"name\": \"X\"}, {\"id\": \"y\", \"name\": \"Y\"}], "
    "\"meetings\": [{\"id\": \"m1\", \"title\": \"In X\", \"start\": \"2026-03-10T09:00\", "
    "                \"end\": \"2026-03-10T10:00\", \"room\": \"x\", \"participants\": [\"a\"]}, "
    "               {\"id\": \"m2\", \"title\": \"Also in X\", \"start\": \"2026-03-10T10:00\", "
    "                \"end\": \"2026-03-10T12:00\", \"room\": \"x\", \"participants\": [\"c\"]}], "
    "\"requests\": [{\"id\": \"q\", \"participants\": [\"a\", \"b\"], \"duration_minutes\": 30, "
    "                \"latest\": \"2026-03-10T12:00\"}]");
  g_autoptr(MpScheduleResult) result = schedule (plan);

  /* X is taken; in Y, Anne needs 10 minutes after her meeting in X. */
  assert_placed (plan, "q", "y 2026-03-10T10:10");
  g_assert_finalize_object (g_steal_pointer (&result));
  g_assert_finalize_object (g_steal_pointer (&plan));
}

static void
test_travel (void)
{
  /* Anne is at the hotel until 10:00 and from 11:30; the centre is 25
   * minutes away. Venues in another zone than the conference's work in
   * instants: Lisbon is an hour behind Paris. */
  g_autoptr(MpPlan) plan = plan_from (
    CONF (", \"slot_minutes\": 5") ", " PEOPLE "], "
    "\"venues\": [{\"id\": \"hotel\", \"name\": \"Hotel\", \"time_zone\": \"Europe/Lisbon\"}, "
    "             {\"id\": \"centre\", \"name\": \"Centre\", \"time_zone\": \"Europe/Lisbon\"}], "
    "\"travel\": [{\"from\": \"hotel\", \"to\": \"centre\", \"minutes\": 25}], "
    "\"rooms\": [{\"id\": \"suite\", \"name\": \"Suite\", \"venue\": \"hotel\", \"kinds\": [\"other\"]}, "
    "            {\"id\": \"hall\", \"name\": \"Hall\", \"venue\": \"centre\"}], "
    "\"meetings\": [{\"id\": \"m1\", \"title\": \"Breakfast\", \"start\": \"2026-03-10T08:00\", "
    "                \"end\": \"2026-03-10T09:00\", \"room\": \"suite\", \"participants\": [\"a\"]}, "
    "               {\"id\": \"m2\", \"title\": \"Lunch\", \"start\": \"2026-03-10T10:30\", "
    "                \"end\": \"2026-03-10T11:00\", \"room\": \"suite\", \"participants\": [\"a\"]}], "
    "\"requests\": [{\"id\": \"q\", \"participants\": [\"a\", \"b\"], \"duration_minutes\": 40, "
    "                \"latest\": \"2026-03-10T12:00\"}, "
    "               {\"id\": \"tight\", \"participants\": [\"a\", \"c\"], \"duration_minutes\": 45, "
    "                \"latest\": \"2026-03-10T12:00\"}]");
  g_autoptr(MpScheduleResult) result = schedule (plan);

  /* Paris 10:25 is Lisbon 09:25; it ends 10:05 Lisbon, 25 minutes before
   * lunch. 45 minutes do not fit between the travels: "tight" waits. */
  assert_placed (plan, "q", "hall 2026-03-10T09:25");
  assert_placed (plan, "tight", "unplaced");
  g_assert_cmpint (mp_schedule_reason_get_kind (reason_of (result, "tight")), ==, MP_SCHEDULE_REASON_BUSY);
  g_assert_finalize_object (g_steal_pointer (&result));
  g_assert_finalize_object (g_steal_pointer (&plan));
}

static void
test_day_hours_and_grid (void)
{
  g_autoptr(MpPlan) plan = plan_from (
    CONF_HOURS ("09:10", "10:50", ", \"slot_minutes\": 20") ", " PEOPLE "], "
    "\"rooms\": [{\"id\": \"r\", \"name\": \"R\"}, {\"id\": \"s\", \"name\": \"S\"}], "
    "\"meetings\": [{\"id\": \"m1\", \"title\": \"Early\", \"start\": \"2026-03-10T08:00\", "
    "                \"end\": \"2026-03-10T09:35\", \"room\": \"r\", \"participants\": [\"a\"]}], "
    "\"requests\": [{\"id\": \"q\", \"participants\": [\"a\", \"b\"], \"duration_minutes\": 30, "
    "                \"priority\": \"low\", \"latest\": \"2026-03-10T23:00\"}, "
    "               {\"id\": \"long\", \"participants\": [\"a\", \"b\"], \"duration_minutes\": 60, "
    "                \"latest\": \"2026-03-10T23:00\"}]");
  g_autoptr(MpScheduleResult) result = schedule (plan);

  /* Starts are 09:10, 09:30, 09:50, 10:10, 10:30; Anne is busy until 09:35;
   * nothing may end after 10:50. */
  assert_placed (plan, "long", "r 2026-03-10T09:50");
  assert_placed (plan, "q", "unplaced");
  g_assert_finalize_object (g_steal_pointer (&result));
  g_assert_finalize_object (g_steal_pointer (&plan));
}

static void
test_daylight_saving (void)
{
  /* Paris skips from 02:00 to 03:00 on 29 March 2026: the slots at 02:00
   * and 02:30 do not exist, and half an hour from 01:30 ends at 03:00. */
  g_autoptr(MpPlan) plan = plan_from (
    "\"conference\": {\"title\": \"Test\", \"time_zone\": \"Europe/Paris\", "
    "\"start_date\": \"2026-03-29\", \"end_date\": \"2026-03-29\", "
    "\"day_start\": \"01:00\", \"day_end\": \"04:00\", \"slot_minutes\": 30}, " PEOPLE "], "
    "\"rooms\": [{\"id\": \"r\", \"name\": \"R\"}], "
    "\"meetings\": [{\"id\": \"m\", \"title\": \"Early\", \"start\": \"2026-03-29T01:00\", "
    "                \"end\": \"2026-03-29T01:20\", \"participants\": [\"a\"]}], "
    "\"requests\": [{\"id\": \"q\", \"participants\": [\"a\", \"b\"], \"duration_minutes\": 30, "
    "                \"latest\": \"2026-03-29T03:00\"}, "
    "               {\"id\": \"next\", \"participants\": [\"a\", \"c\"], \"duration_minutes\": 30, "
    "                \"latest\": \"2026-03-29T03:30\"}]");
  g_autoptr(MpScheduleResult) result = schedule (plan);
  g_autofree char *end = NULL;

  assert_placed (plan, "q", "r 2026-03-29T01:30");
  end = mp_time_to_string (mp_meeting_get_end (mp_plan_get_placement (plan, "q")));
  g_assert_cmpstr (end, ==, "2026-03-29T03:00");
  /* The next slot after 01:30 is 03:00. */
  assert_placed (plan, "next", "r 2026-03-29T03:00");
  g_assert_finalize_object (g_steal_pointer (&result));
  g_assert_finalize_object (g_steal_pointer (&plan));
}

/* Required first, locked never moved ------------------------------------- */

#define COMPETING_REQUESTS \
  "\"requests\": [{\"id\": \"low\", \"participants\": [\"a\", \"b\"], \"duration_minutes\": 60, " \
  "                \"priority\": \"low\", \"latest\": \"2026-03-10T12:30\"}, " \
  "               {\"id\": \"high\", \"participants\": [\"a\", \"c\"], \"duration_minutes\": 90, " \
  "                \"priority\": \"high\", \"latest\": \"2026-03-10T12:30\"}, " \
  "               {\"id\": \"must\", \"participants\": [\"a\", \"b\", \"c\"], \"duration_minutes\": 120, " \
  "                \"priority\": \"required\", \"latest\": \"2026-03-10T12:30\"}]"

static void
test_required_first (void)
{
  g_autoptr(MpPlan) plan = plan_from (
    CONF ("") ", " PEOPLE "], \"rooms\": [{\"id\": \"r\", \"name\": \"R\"}], " COMPETING_REQUESTS);
  g_autoptr(MpScheduleResult) result = schedule (plan);

  /* Three hours: the required two hours, then one hour for the low one;
   * the high one (90 minutes) no longer fits. */
  g_assert_nonnull (mp_plan_get_placement (plan, "must"));
  g_assert_nonnull (mp_plan_get_placement (plan, "low"));
  assert_placed (plan, "high", "unplaced");
  g_assert_cmpint (mp_schedule_result_get_score (result), ==, 1001);
  g_assert_cmpint (mp_schedule_result_get_max_score (result), ==, 1005);
  g_assert_cmpuint (mp_schedule_result_get_n_placed (result, MP_PRIORITY_REQUIRED), ==, 1);
  g_assert_cmpuint (mp_schedule_result_get_n_requests (result, MP_PRIORITY_HIGH), ==, 1);
  g_assert_finalize_object (g_steal_pointer (&result));
  g_assert_finalize_object (g_steal_pointer (&plan));
}

static void
test_locked_and_moved (void)
{
#define PLACED_HIGH(locked) \
    "\"meetings\": [{\"id\": \"placed\", \"title\": \"High\", \"start\": \"2026-03-10T09:45\", " \
    "                \"end\": \"2026-03-10T11:15\", \"room\": \"r\", \"participants\": [\"a\", \"c\"], " \
    "                \"request\": \"high\" " locked "}], "
  const char *text1 = CONF_HOURS ("09:00", "12:30", "") ", " PEOPLE "], \"rooms\": [{\"id\": \"r\", \"name\": \"R\"}], "
                      PLACED_HIGH (", \"locked\": true") COMPETING_REQUESTS;
  const char *text2 = CONF_HOURS ("09:00", "12:30", "") ", " PEOPLE "], \"rooms\": [{\"id\": \"r\", \"name\": \"R\"}], "
                      PLACED_HIGH ("") COMPETING_REQUESTS;
  g_autoptr(MpPlan) plan = plan_from (text1);
  g_autoptr(MpScheduleResult) result = schedule (plan);

  /* Locked in the middle of the morning, the high one keeps the required
   * one out. */
  assert_placed (plan, "high", "r 2026-03-10T09:45");
  assert_placed (plan, "must", "unplaced");
  g_assert_cmpuint (mp_schedule_result_get_n_moves (result), ==, 0);
  g_assert_cmpint (mp_schedule_reason_get_kind (reason_of (result, "must")), ==, MP_SCHEDULE_REASON_BUSY);
  g_assert_finalize_object (g_steal_pointer (&result));
  g_assert_finalize_object (g_steal_pointer (&plan));

  /* Unlocked, the scheduler moves it to place the required one, and never
   * drops it: the two fill the morning. */
  plan = plan_from (text2);
  result = schedule (plan);
  g_assert_nonnull (mp_plan_get_placement (plan, "must"));
  g_assert_nonnull (mp_plan_get_placement (plan, "high"));
  g_assert_true (mp_plan_get_placement (plan, "high") == mp_plan_get_meeting (plan, "placed"));
  g_assert_cmpuint (mp_schedule_result_get_n_moves (result), ==, 1);
  assert_placed (plan, "low", "unplaced");
  g_assert_finalize_object (g_steal_pointer (&result));
  g_assert_finalize_object (g_steal_pointer (&plan));
}

/* Same input, same output; a re-run changes nothing ---------------------- */

/* Twelve people, two rooms, more requests than fit. */
static MpPlan *
busy_plan (void)
{
  g_autoptr(GString) text = g_string_new (CONF ("") ", \"delegations\": [{\"id\": \"X\", \"name\": \"X\"}], "
                                          "\"rooms\": [{\"id\": \"r1\", \"name\": \"R1\", \"capacity\": 3}, "
                                          "{\"id\": \"r2\", \"name\": \"R2\"}], \"participants\": [");
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  static const char * const priorities[] = { "required", "high", "normal", "low" };

  for (int i = 0; i < 12; i++)
    g_string_append_printf (text, "%s{\"id\": \"p%d\", \"name\": \"P%d\", \"delegation\": \"X\"}",
                            i > 0 ? ", " : "", i, i);
  g_string_append (text, "], \"requests\": [");
  for (int i = 0; i < 40; i++)
    {
      int a = g_rand_int_range (rand, 0, 12), b = (a + g_rand_int_range (rand, 1, 12)) % 12;

      g_string_append_printf (text, "%s{\"id\": \"q%02d\", \"participants\": [\"p%d\", \"p%d\"], "
                              "\"duration_minutes\": %d, \"priority\": \"%s\"}",
                              i > 0 ? ", " : "", i, a, b, 15 * g_rand_int_range (rand, 2, 5),
                              priorities[i < 2 ? 0 : g_rand_int_range (rand, 1, 4)]);
    }
  g_string_append (text, "]");
  return plan_from (text->str);
}

static char *
plan_text (MpPlan *plan)
{
  return mp_plan_file_to_data (plan, NULL);
}

static void
test_deterministic (void)
{
  /* A short search: the promises hold for any effort. */
  MpScheduleOptions options = { .effort = 500, .seed = 3 };
  g_autoptr(MpPlan) one = busy_plan ();
  g_autoptr(MpPlan) two = busy_plan ();
  g_autoptr(MpScheduleResult) r1 = schedule_with (one, &options);
  g_autoptr(MpScheduleResult) r2 = schedule_with (two, &options);
  g_autoptr(MpScheduleResult) again = NULL;
  g_autofree char *text1 = NULL;
  g_autofree char *text2 = NULL;
  g_autofree char *text3 = NULL;
  GPtrArray *added = mp_schedule_result_get_added (r1);

  g_assert_cmpuint (added->len, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (mp_schedule_result_get_unplaced (r1)), >, 0);
  g_assert_cmpint (mp_schedule_result_get_score (r1), ==, mp_schedule_result_get_score (r2));
  g_assert_cmpuint (mp_schedule_result_get_n_placed (r1, MP_PRIORITY_REQUIRED), ==, 2);

  /* Meetings get their uid on save; compare the plans without them. */
  for (guint i = 0; i < added->len; i++)
    {
      MpMeeting *m1 = g_ptr_array_index (added, i);
      MpMeeting *m2 = g_ptr_array_index (mp_schedule_result_get_added (r2), i);

      g_assert_cmpint (mp_meeting_get_status (m1), ==, MP_MEETING_STATUS_TENTATIVE);
      g_assert_nonnull (mp_meeting_get_request (m1));
      mp_meeting_set_uid (m1, "uid");
      mp_meeting_set_uid (m2, "uid");
    }
  text1 = plan_text (one);
  text2 = plan_text (two);
  g_assert_cmpstr (text1, ==, text2);

  /* A re-run finds nothing better and changes nothing. */
  again = schedule_with (one, &options);
  g_assert_false (mp_schedule_result_get_changed (again));
  g_assert_cmpint (mp_schedule_result_get_score (again), ==, mp_schedule_result_get_score (r1));
  text3 = plan_text (one);
  g_assert_cmpstr (text1, ==, text3);

  g_assert_finalize_object (g_steal_pointer (&again));
  g_assert_finalize_object (g_steal_pointer (&r1));
  g_assert_finalize_object (g_steal_pointer (&r2));
  g_assert_finalize_object (g_steal_pointer (&one));
  g_assert_finalize_object (g_steal_pointer (&two));
}

/* The search ---------------------------------------------------------------- */

/* Two rooms and two slots a day (09:00, 09:30), the first day only: the
 * high request first, at its first fit, takes the small room at 09:00
 * and leaves the normal "early" no room (the big one goes to "trio"). The
 * optimum moves "key" to 09:30 in the small room; nothing else fits. With
 * pad, 200 requests that cannot be placed (one participant) make it a
 * large plan, which searches in its own way (see mp-schedule-search.c):
 * fewer restarts, and a step that takes out the placements in the rooms
 * around a time (ruin_rooms ()). */
static MpPlan *
rooms_plan (gboolean pad)
{
  g_autoptr(GString) text = g_string_new (
    CONF_HOURS ("09:00", "10:00", ", \"slot_minutes\": 30") ", " PEOPLE ", "
    "{\"id\": \"d\", \"name\": \"Dora\", \"delegation\": \"FRA\"}, "
    "{\"id\": \"e\", \"name\": \"Emil\", \"delegation\": \"DEU\"}, "
    "{\"id\": \"f\", \"name\": \"Fabio\", \"delegation\": \"ITA\"}, "
    "{\"id\": \"g\", \"name\": \"Greta\", \"delegation\": \"DEU\"}], "
    "\"rooms\": [{\"id\": \"small\", \"name\": \"Small\", \"capacity\": 2}, "
    "            {\"id\": \"big\", \"name\": \"Big\", \"capacity\": 3}], "
    "\"requests\": [{\"id\": \"key\", \"participants\": [\"a\", \"b\"], \"duration_minutes\": 30, "
    "                \"priority\": \"high\", \"latest\": \"2026-03-10T10:00\"}, "
    "               {\"id\": \"early\", \"participants\": [\"c\", \"d\"], \"duration_minutes\": 30, "
    "                \"latest\": \"2026-03-10T09:30\"}, "
    "               {\"id\": \"trio\", \"participants\": [\"e\", \"f\", \"g\"], \"duration_minutes\": 30, "
    "                \"latest\": \"2026-03-10T09:30\"}, "
    "               {\"id\": \"trio2\", \"participants\": [\"e\", \"f\", \"g\"], \"duration_minutes\": 30, "
    "                \"earliest\": \"2026-03-10T09:30\", \"latest\": \"2026-03-10T10:00\"}");

  for (int i = 0; pad && i < 200; i++)
    g_string_append_printf (text, ", {\"id\": \"pad%03d\", \"participants\": [\"a\", \"a\"], "
                            "\"duration_minutes\": 30, \"priority\": \"low\"}", i);
  g_string_append (text, "]");
  return plan_from (text->str);
}

static void
check_rooms_plan (gboolean pad)
{
  MpScheduleOptions first_fit = { .strategy = MP_SCHEDULE_FIRST_FIT };
  g_autoptr(MpPlan) plan = rooms_plan (pad);
  g_autoptr(MpPlan) again = rooms_plan (pad);
  g_autoptr(MpScheduleResult) result = schedule_with (plan, &first_fit);
  g_autoptr(MpScheduleResult) rerun = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_again = NULL;

  /* First fit: "early" takes the big room, "trio" is left out. */
  g_assert_cmpint (mp_schedule_result_get_score (result), ==, 8);
  assert_placed (plan, "key", "small 2026-03-10T09:00");
  assert_placed (plan, "early", "big 2026-03-10T09:00");
  assert_placed (plan, "trio", "unplaced");
  g_assert_finalize_object (g_steal_pointer (&result));
  g_assert_finalize_object (g_steal_pointer (&plan));

  plan = rooms_plan (pad);
  result = schedule (plan);
  g_assert_cmpint (mp_schedule_result_get_score (result), ==, 10);
  assert_placed (plan, "early", "small 2026-03-10T09:00");
  assert_placed (plan, "trio", "big 2026-03-10T09:00");
  assert_placed (plan, "key", "small 2026-03-10T09:30");
  assert_placed (plan, "trio2", "big 2026-03-10T09:30");
  g_assert_cmpuint (g_list_model_get_n_items (mp_schedule_result_get_unplaced (result)), ==, pad ? 200 : 0);

  /* The same again from the same plan; and a re-run changes nothing. */
  g_assert_finalize_object (schedule (again));
  for (guint i = 0; i < mp_schedule_result_get_added (result)->len; i++)
    mp_meeting_set_uid (g_ptr_array_index (mp_schedule_result_get_added (result), i), "uid");
  for (guint i = 0; i < 4; i++)
    {
      static const char * const ids[] = { "key", "early", "trio", "trio2" };

      mp_meeting_set_uid (mp_plan_get_placement (again, ids[i]), "uid");
    }
  text = plan_text (plan);
  text_again = plan_text (again);
  g_assert_cmpstr (text, ==, text_again);
  rerun = schedule (plan);
  g_assert_false (mp_schedule_result_get_changed (rerun));

  g_assert_finalize_object (g_steal_pointer (&rerun));
  g_assert_finalize_object (g_steal_pointer (&result));
  g_assert_finalize_object (g_steal_pointer (&plan));
  g_assert_finalize_object (g_steal_pointer (&again));
}

static void
test_rooms_bind (void)
{
  check_rooms_plan (FALSE);
  check_rooms_plan (TRUE);
}

/* A plan's own placement off the slot grid (09:05) is checked through the
 * tracks, not the cells (mp-schedule-search.c): "y" does not fit beside
 * it, so the scheduler moves it onto the grid (09:00, the placements the
 * plan had come first) and puts "y" after it. */
static void
test_off_grid (void)
{
  g_autoptr(MpPlan) plan = plan_from (
    CONF ("") ", " PEOPLE "], \"rooms\": [{\"id\": \"r\", \"name\": \"R\"}], "
    "\"meetings\": [{\"id\": \"own\", \"title\": \"X\", \"start\": \"2026-03-10T09:05\", "
    "                \"end\": \"2026-03-10T09:35\", \"room\": \"r\", \"participants\": [\"a\", \"b\"], "
    "                \"request\": \"x\"}], "
    "\"requests\": [{\"id\": \"x\", \"participants\": [\"a\", \"b\"], \"duration_minutes\": 30}, "
    "               {\"id\": \"y\", \"participants\": [\"a\", \"c\"], \"duration_minutes\": 30, "
    "                \"latest\": \"2026-03-10T10:00\"}]");
  MpScheduleOptions keep = { .keep_placements = TRUE };
  g_autoptr(MpScheduleResult) result = schedule_with (plan, &keep);

  /* Kept where it is, it leaves "y" no time before 10:00. */
  assert_placed (plan, "x", "r 2026-03-10T09:05");
  assert_placed (plan, "y", "unplaced");
  g_assert_finalize_object (g_steal_pointer (&result));

  result = schedule (plan);
  assert_placed (plan, "x", "r 2026-03-10T09:00");
  assert_placed (plan, "y", "r 2026-03-10T09:30");
  g_assert_cmpuint (mp_schedule_result_get_n_moves (result), ==, 1);
  g_assert_finalize_object (g_steal_pointer (&result));
  g_assert_finalize_object (g_steal_pointer (&plan));
}

static void
test_title (void)
{
  g_autoptr(MpPlan) plan = plan_from (
    CONF ("") ", " PEOPLE "], \"rooms\": [{\"id\": \"r\", \"name\": \"R\"}], "
    "\"requests\": [{\"id\": \"q\", \"participants\": [\"a\", \"b\"], \"duration_minutes\": 30}, "
    "               {\"id\": \"t\", \"title\": \"On trade\", \"kind\": \"pull-aside\", "
    "                \"participants\": [\"a\", \"c\"], \"duration_minutes\": 15}]");
  g_autoptr(MpScheduleResult) result = schedule (plan);
  MpMeeting *q = mp_plan_get_placement (plan, "q");
  MpMeeting *t = mp_plan_get_placement (plan, "t");

  g_assert_cmpstr (mp_meeting_get_title (q), ==, "FRA–DEU bilateral");
  g_assert_cmpint (mp_meeting_get_kind (q), ==, MP_MEETING_KIND_BILATERAL);
  g_assert_cmpstr (mp_meeting_get_title (t), ==, "On trade");
  g_assert_cmpint (mp_meeting_get_kind (t), ==, MP_MEETING_KIND_PULL_ASIDE);
  g_assert_cmpstr (mp_meeting_get_participants (t)[1], ==, "c");
  g_assert_cmpint (mp_meeting_get_status (t), ==, MP_MEETING_STATUS_TENTATIVE);
  g_assert_cmpstr (mp_meeting_get_request (t), ==, "t");
  g_assert_finalize_object (g_steal_pointer (&result));
  g_assert_finalize_object (g_steal_pointer (&plan));
}

/* Reasons ------------------------------------------------------------------ */

static void
check_reason (const char           *members,
              MpScheduleReasonKind  kind,
              const char           *ids,
              const char           *words)
{
  g_autoptr(MpPlan) plan = plan_from (members);
  g_autoptr(MpScheduleResult) result = schedule (plan);
  MpScheduleReason *reason = reason_of (result, "q");
  g_autofree char *joined = g_strjoinv (",", (char **) mp_schedule_reason_get_ids (reason));

  g_test_message ("%s: %s", mp_schedule_reason_kind_to_nick (mp_schedule_reason_get_kind (reason)),
                  mp_schedule_reason_get_description (reason));
  g_assert_cmpint (mp_schedule_reason_get_kind (reason), ==, kind);
  g_assert_cmpstr (joined, ==, ids);
  g_assert_nonnull (strstr (mp_schedule_reason_get_description (reason), words));
  g_assert_finalize_object (g_steal_pointer (&result));
  g_assert_finalize_object (g_steal_pointer (&plan));
}

#define ONE_ROOM "\"rooms\": [{\"id\": \"r\", \"name\": \"R\", \"capacity\": 2, \"kinds\": [\"bilateral\"]}]"
#define REQUEST(who, extra) \
  "\"requests\": [{\"id\": \"q\", \"participants\": [" who "], \"duration_minutes\": 45" extra "}]"

static void
test_reasons (void)
{
  check_reason (CONF ("") ", " PEOPLE "], " ONE_ROOM ", " REQUEST ("\"a\", \"a\"", ""),
                MP_SCHEDULE_REASON_INVALID, "", "two or more participants");
  check_reason (CONF ("") ", " PEOPLE "], " ONE_ROOM ", " REQUEST ("\"a\", \"b\"", ", \"kind\": \"press\""),
                MP_SCHEDULE_REASON_NO_ROOM_KIND, "", "no room is set up for “Press” meetings");
  check_reason (CONF ("") ", " PEOPLE "], " ONE_ROOM ", " REQUEST ("\"a\", \"b\", \"c\"", ""),
                MP_SCHEDULE_REASON_NO_ROOM_SIZE, "", "seats 3 people");
  check_reason (CONF ("") ", " PEOPLE "], " ONE_ROOM ", "
                REQUEST ("\"a\", \"b\"", ", \"earliest\": \"2026-03-10T11:30\", \"latest\": \"2026-03-10T14:00\""),
                MP_SCHEDULE_REASON_OUTSIDE_HOURS, "", "no 45 minutes");
  check_reason (CONF ("") ", " PEOPLE ", {\"id\": \"z\", \"name\": \"Zepeda Cienfuegos\", \"delegation\": \"ITA\", "
                "\"available\": [{\"start\": \"2026-03-10T09:00\", \"end\": \"2026-03-10T12:00\"}]}], " ONE_ROOM ", "
                REQUEST ("\"a\", \"z\"", ", \"earliest\": \"2026-03-11T09:00\""),
                MP_SCHEDULE_REASON_UNAVAILABLE, "z", "Zepeda Cienfuegos is unavailable on 11 March");
  check_reason (CONF ("") ", " PEOPLE ", "
                "{\"id\": \"h\", \"name\": \"Hagel\", \"delegation\": \"ITA\", "
                " \"available\": [{\"start\": \"2026-03-10T09:00\", \"end\": \"2026-03-10T10:00\"}]}, "
                "{\"id\": \"s\", \"name\": \"Soberón Sanz\", \"delegation\": \"FRA\", "
                " \"available\": [{\"start\": \"2026-03-10T09:30\", \"end\": \"2026-03-10T12:00\"}]}], " ONE_ROOM ", "
                REQUEST ("\"h\", \"s\"", ""),
                MP_SCHEDULE_REASON_NO_COMMON_TIME, "h,s",
                "Hagel’s and Soberón Sanz’s available times never overlap for 45 minutes");
  check_reason (CONF ("") ", " PEOPLE "], " ONE_ROOM ", "
                "\"meetings\": [{\"id\": \"m\", \"title\": \"Summit\", \"start\": \"2026-03-10T09:00\", "
                "               \"end\": \"2026-03-11T12:00\", \"participants\": [\"b\"]}], "
                REQUEST ("\"a\", \"b\"", ""),
                MP_SCHEDULE_REASON_BUSY, "b", "Bernd Keller’s other meetings");
  check_reason (CONF ("") ", " PEOPLE "], " ONE_ROOM ", "
                "\"meetings\": [{\"id\": \"m1\", \"title\": \"One\", \"start\": \"2026-03-10T09:00\", "
                "               \"end\": \"2026-03-10T10:30\", \"participants\": [\"a\"]}, "
                "              {\"id\": \"m2\", \"title\": \"Two\", \"start\": \"2026-03-10T10:00\", "
                "               \"end\": \"2026-03-10T12:00\", \"participants\": [\"b\"]}], "
                REQUEST ("\"a\", \"b\"", ", \"latest\": \"2026-03-10T12:00\""),
                MP_SCHEDULE_REASON_NO_SHARED_FREE, "a,b",
                "Anne Martin’s and Bernd Keller’s free times never overlap for 45 minutes");
  check_reason (CONF ("") ", " PEOPLE "], " ONE_ROOM ", "
                "\"meetings\": [{\"id\": \"m\", \"title\": \"Other\", \"start\": \"2026-03-10T09:00\", "
                "               \"end\": \"2026-03-10T11:00\", \"room\": \"r\", \"participants\": [\"c\"]}], "
                REQUEST ("\"a\", \"b\"", ", \"earliest\": \"2026-03-10T09:00\", \"latest\": \"2026-03-10T11:30\""),
                MP_SCHEDULE_REASON_NO_FREE_ROOM, "", "no free room seats 2 people on 10 March between 09:00 and 11:30");
  check_reason (CONF ("") ", " PEOPLE "], " ONE_ROOM ", "
                "\"requests\": [{\"id\": \"q\", \"participants\": [\"a\", \"b\"], \"duration_minutes\": 90, "
                "                \"latest\": \"2026-03-10T12:00\", \"priority\": \"low\"}, "
                "               {\"id\": \"first\", \"title\": \"First\", \"participants\": [\"a\", \"c\"], "
                "                \"duration_minutes\": 60, \"earliest\": \"2026-03-10T10:00\", "
                "                \"latest\": \"2026-03-10T11:00\", \"priority\": \"high\"}]",
                MP_SCHEDULE_REASON_COMPETITION, "first", "the placed request “First” takes");
}

/* The command line ---------------------------------------------------------- */

typedef struct
{
  int   status;
  char *out;
} Run;

static Run
run (const char *first,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  const char *binary = g_getenv ("MINISTERIAL");
  Run result = { 0 };
  va_list args;
  int wait_status;

  if (binary == NULL)
    g_error ("MINISTERIAL is not set: run the tests with meson test");

  g_ptr_array_add (argv, (char *) binary);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &result.out, NULL, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  result.status = WEXITSTATUS (wait_status);
  return result;
}

static char *
copy_sample (const char *dir)
{
  g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                                   "north-american-defense-ministerial-2014.ministerial", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  char *path = g_build_filename (dir, "plan.ministerial", NULL);

  g_file_get_contents (sample, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (dir);
}

static void
test_command_line (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-scheduler-XXXXXX", &error);
  g_autofree char *path = copy_sample (dir);
  g_autofree char *out = g_build_filename (dir, "out.ministerial", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.ministerial", NULL);
  g_autofree char *before = NULL, *after = NULL, *again = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(MpPlan) plan = NULL;
  static const char * const requests[] = { "req-can-sedena", "req-can-semar", "req-blackhawk", "req-pull-aside" };
  Run r;

  g_assert_no_error (error);
  g_file_get_contents (path, &before, NULL, NULL);

  /* -o leaves the plan alone. */
  r = run ("--schedule", "-o", out, path, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "Score: 11 of 11"));
  g_free (r.out);
  g_file_get_contents (path, &after, NULL, NULL);
  g_assert_cmpstr (before, ==, after);
  r = run ("--check", out, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_free (r.out);

  /* In place: the sample's four requests are placed, and it checks clean. */
  r = run ("--schedule", path, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_free (r.out);
  r = run ("--check", path, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_free (r.out);
  plan = mp_plan_file_load (file, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (requests); i++)
    g_assert_nonnull (mp_plan_get_placement (plan, requests[i]));
  g_assert_finalize_object (g_steal_pointer (&plan));

  /* Again: nothing to do, the file stays as it is. */
  g_clear_pointer (&after, g_free);
  g_file_get_contents (path, &after, NULL, NULL);
  r = run ("--schedule", path, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "0 new meetings, 0 moved"));
  g_free (r.out);
  g_file_get_contents (path, &again, NULL, NULL);
  g_assert_cmpstr (after, ==, again);

  /* Something left unplaced: 1, with the reason; bad input: 2. */
  g_file_set_contents (bad, "{\"format\": \"ministerial-plan\", \"version\": 1, " CONF ("") ", " PEOPLE "], "
                       ONE_ROOM ", " REQUEST ("\"a\", \"b\", \"c\"", "") "}", -1, &error);
  g_assert_no_error (error);
  r = run ("--schedule", bad, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.out, "not placed: q"));
  g_free (r.out);
  g_file_set_contents (bad, "{\"format\": \"ministerial-plan\"", -1, &error);
  r = run ("--schedule", bad, NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_free (r.out);

  remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scheduler/availability", test_availability);
  g_test_add_func ("/scheduler/window", test_window);
  g_test_add_func ("/scheduler/capacity-and-kinds", test_capacity_and_kinds);
  g_test_add_func ("/scheduler/turnover", test_turnover);
  g_test_add_func ("/scheduler/buffer", test_buffer);
  g_test_add_func ("/scheduler/travel", test_travel);
  g_test_add_func ("/scheduler/day-hours-and-grid", test_day_hours_and_grid);
  g_test_add_func ("/scheduler/daylight-saving", test_daylight_saving);
  g_test_add_func ("/scheduler/required-first", test_required_first);
  g_test_add_func ("/scheduler/locked-and-moved", test_locked_and_moved);
  g_test_add_func ("/scheduler/deterministic", test_deterministic);
  g_test_add_func ("/scheduler/rooms-bind", test_rooms_bind);
  g_test_add_func ("/scheduler/off-grid", test_off_grid);
  g_test_add_func ("/scheduler/title", test_title);
  g_test_add_func ("/scheduler/reasons", test_reasons);
  g_test_add_func ("/scheduler/command-line", test_command_line);

  return g_test_run ();
}
