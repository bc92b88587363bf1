/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mp-history.h"

static MpMeeting *
add_meeting (MpPlan     *plan,
             const char *id)
{
  g_autoptr(MpMeeting) meeting = mp_meeting_new (id);
  MpTime start = mp_time_from_wall (1398333600);   /* 2014-04-24 10:00 */
  MpTime end = mp_time_from_wall (1398333600 + 3600);

  mp_meeting_set_title (meeting, "Bilateral");
  mp_meeting_set_start (meeting, &start);
  mp_meeting_set_end (meeting, &end);
  g_assert_true (mp_plan_add (plan, MP_RECORD (meeting), NULL));
  return meeting;
}

static void
test_history_set_undo_redo (void)
{
  MpPlan *plan = mp_plan_new ();
  MpHistory *history = mp_history_new (plan);
  MpMeeting *meeting = add_meeting (plan, "m1");

  g_assert_false (mp_history_get_can_undo (history));

  mp_history_begin (history, "Rename");
  mp_history_set (history, meeting, "title", "Trilateral", "kind", MP_MEETING_KIND_TRILATERAL, NULL);
  mp_history_end (history);

  g_assert_cmpstr (mp_meeting_get_title (meeting), ==, "Trilateral");
  g_assert_true (mp_history_get_can_undo (history));
  g_assert_cmpstr (mp_history_get_undo_label (history), ==, "Rename");

  g_assert_true (mp_history_undo (history));
  g_assert_cmpstr (mp_meeting_get_title (meeting), ==, "Bilateral");
  g_assert_cmpint (mp_meeting_get_kind (meeting), ==, MP_MEETING_KIND_OTHER);
  g_assert_true (mp_history_get_can_redo (history));

  g_assert_true (mp_history_redo (history));
  g_assert_cmpstr (mp_meeting_get_title (meeting), ==, "Trilateral");
  g_assert_cmpint (mp_meeting_get_kind (meeting), ==, MP_MEETING_KIND_TRILATERAL);

  /* A new edit drops what could be redone. */
  g_assert_true (mp_history_undo (history));
  mp_history_set (history, meeting, "notes", "Ukraine first", NULL);
  g_assert_false (mp_history_get_can_redo (history));

  g_assert_finalize_object (history);
  g_assert_finalize_object (plan);
}

static void
test_history_times (void)
{
  MpPlan *plan = mp_plan_new ();
  MpHistory *history = mp_history_new (plan);
  MpMeeting *meeting = add_meeting (plan, "m1");
  MpTime later = mp_time_from_wall (1398333600 + 7200);
  gint64 before = mp_meeting_get_start_instant (meeting);

  mp_history_set (history, meeting, "start", &later, NULL);
  g_assert_cmpint (mp_meeting_get_start_instant (meeting), ==, before + 7200);
  mp_history_undo (history);
  g_assert_cmpint (mp_meeting_get_start_instant (meeting), ==, before);

  g_assert_finalize_object (history);
  g_assert_finalize_object (plan);
}

static void
test_history_add_remove (void)
{
  MpPlan *plan = mp_plan_new ();
  MpHistory *history = mp_history_new (plan);
  MpMeeting *first = add_meeting (plan, "m1");
  MpMeeting *second = add_meeting (plan, "m2");
  g_autoptr(MpMeeting) added = mp_meeting_new ("m3");
  GListModel *meetings = mp_plan_get_meetings (plan);

  g_assert_true (mp_history_add (history, MP_RECORD (added), NULL));
  g_assert_cmpuint (g_list_model_get_n_items (meetings), ==, 3);

  /* An id already used is refused and not recorded. */
  {
    g_autoptr(MpMeeting) clash = mp_meeting_new ("m1");
    g_autoptr(GError) error = NULL;

    g_assert_false (mp_history_add (history, MP_RECORD (clash), &error));
    g_assert_error (error, MP_PLAN_ERROR, MP_PLAN_ERROR_DUPLICATE_ID);
  }

  mp_history_remove (history, MP_RECORD (first));
  g_assert_null (mp_plan_get_meeting (plan, "m1"));

  /* Undo puts it back where it was. */
  mp_history_undo (history);
  g_assert_true (mp_plan_get_meeting (plan, "m1") == first);
  g_assert_cmpint (mp_plan_get_position (plan, MP_RECORD (first)), ==, 0);
  g_assert_cmpint (mp_plan_get_position (plan, MP_RECORD (second)), ==, 1);

  mp_history_undo (history);
  g_assert_null (mp_plan_get_meeting (plan, "m3"));
  g_assert_false (mp_history_get_can_undo (history));

  mp_history_redo (history);
  g_assert_nonnull (mp_plan_get_meeting (plan, "m3"));

  g_assert_finalize_object (history);
  g_assert_finalize_object (plan);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/history/set-undo-redo", test_history_set_undo_redo);
  g_test_add_func ("/history/times", test_history_times);
  g_test_add_func ("/history/add-remove", test_history_add_remove);

  return g_test_run ();
}
