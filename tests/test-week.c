/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The week view on the sample plan: what each room holds each day, the
 * filter, conflicts and cancellations as they happen, reaching a day with
 * the keyboard or the pointer, and the day opened showing its meetings. */
#include "config.h"

#include <adwaita.h>

#include "mp-conflict-list.h"
#include "mp-document.h"
#include "mp-plan-file.h"
#include "mp-timeline.h"
#include "mp-week-view.h"
#include "mp-window.h"
#include "test-utils.h"

typedef struct
{
  MpPlan         *plan;
  MpConflictList *conflicts;
  GtkWidget      *window;
  MpWeekView     *view;
  gint64          activated_day;
  char           *activated_meeting;
  guint           n_activated;
} Fixture;

static void
iterate (void)
{
  for (guint i = 0; i < 5; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static gboolean
on_timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Lets the window lay itself out and draw: frames come on the frame
 * clock's time, not when idle. */
static void
settle (void)
{
  gboolean done = FALSE;

  g_timeout_add (150, on_timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  iterate ();
}

static gint64
day_of (const char *date)
{
  g_autoptr(GError) error = NULL;
  gint64 day;

  mp_date_parse (date, &day, &error);
  g_assert_no_error (error);
  return day;
}

static void
on_day_activated_cb (MpWeekView *view,
                     gint64      day,
                     MpMeeting  *meeting,
                     Fixture    *fixture)
{
  fixture->activated_day = day;
  g_free (fixture->activated_meeting);
  fixture->activated_meeting = meeting != NULL ? g_strdup (mp_record_get_id (MP_RECORD (meeting))) : NULL;
  fixture->n_activated++;
}

static void
fixture_setup (Fixture *fixture)
{
  memset (fixture, 0, sizeof *fixture);
  fixture->plan = test_load_sample ();
  fixture->conflicts = mp_conflict_list_new ();
  mp_conflict_list_set_plan (fixture->conflicts, fixture->plan);
  mp_conflict_list_update (fixture->conflicts);

  fixture->view = MP_WEEK_VIEW (mp_week_view_new ());
  mp_week_view_set_plan (fixture->view, fixture->plan);
  mp_week_view_set_conflicts (fixture->view, fixture->conflicts);
  g_signal_connect (fixture->view, "day-activated", G_CALLBACK (on_day_activated_cb), fixture);

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 600);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->view));
  gtk_window_present (GTK_WINDOW (fixture->window));
  iterate ();
}

static void
fixture_teardown (Fixture *fixture)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  iterate ();
  g_free (fixture->activated_meeting);
  g_assert_finalize_object (fixture->conflicts);
  g_assert_finalize_object (fixture->plan);
}

static guint
count (Fixture    *fixture,
       const char *date,
       const char *room,
       guint      *n_conflicts)
{
  return mp_week_view_count (fixture->view, day_of (date), room, n_conflicts);
}

static void
test_counts (void)
{
  Fixture fixture;
  guint n_conflicts = 99;

  fixture_setup (&fixture);

  /* The arrivals at the airport and the evening bilateral the day before. */
  g_assert_cmpuint (count (&fixture, "2014-04-23", "hangar-lounge", &n_conflicts), ==, 2);
  g_assert_cmpuint (n_conflicts, ==, 0);
  g_assert_cmpuint (count (&fixture, "2014-04-23", "conference-room-a", NULL), ==, 1);
  g_assert_cmpuint (count (&fixture, "2014-04-24", "conference-room-a", NULL), ==, 2);
  g_assert_cmpuint (count (&fixture, "2014-04-24", "plenary-hall", NULL), ==, 2);
  g_assert_cmpuint (count (&fixture, "2014-04-25", "hangar-lounge", NULL), ==, 2);
  g_assert_cmpuint (count (&fixture, "2014-04-25", "plenary-hall", NULL), ==, 0);
  /* Outside the conference's days there is no cell. */
  g_assert_cmpuint (count (&fixture, "2014-04-26", "hangar-lounge", NULL), ==, 0);
  g_assert_false (mp_week_view_set_cursor (fixture.view, day_of ("2014-04-26"), "hangar-lounge"));

  /* Canada's week. */
  mp_week_view_set_filter (fixture.view, "CAN");
  g_assert_cmpuint (count (&fixture, "2014-04-23", "hangar-lounge", NULL), ==, 1);
  g_assert_cmpuint (count (&fixture, "2014-04-23", "conference-room-a", NULL), ==, 1);
  g_assert_cmpuint (count (&fixture, "2014-04-24", "conference-room-a", NULL), ==, 1);
  g_assert_cmpuint (count (&fixture, "2014-04-24", "conference-room-b", NULL), ==, 0);
  /* The press secretary's. */
  mp_week_view_set_filter (fixture.view, "kirby");
  g_assert_cmpuint (count (&fixture, "2014-04-24", "press-room", NULL), ==, 2);
  g_assert_cmpuint (count (&fixture, "2014-04-24", "plenary-hall", NULL), ==, 0);
  g_assert_cmpuint (count (&fixture, "2014-04-23", "conference-room-a", NULL), ==, 1);
  mp_week_view_set_filter (fixture.view, NULL);
  g_assert_cmpuint (count (&fixture, "2014-04-24", "plenary-hall", NULL), ==, 2);

  fixture_teardown (&fixture);
}

static void
test_follows_changes (void)
{
  Fixture fixture;
  MpMeeting *semar, *trilateral;
  g_autoptr(GError) error = NULL;
  MpTime start, end;
  guint n_conflicts = 0;

  fixture_setup (&fixture);
  semar = mp_plan_get_meeting (fixture.plan, "bilateral-usa-semar");
  trilateral = mp_plan_get_meeting (fixture.plan, "trilateral-restricted");

  /* Hagel's SEMAR bilateral moved onto his SEDENA one, in the same room:
   * both are in conflict, and the day says so. */
  g_assert_true (mp_time_parse ("2014-04-24T11:00", &start, &error));
  g_assert_true (mp_time_parse ("2014-04-24T11:45", &end, &error));
  mp_meeting_set_room (semar, "conference-room-a");
  mp_meeting_set_start (semar, &start);
  mp_meeting_set_end (semar, &end);
  mp_conflict_list_update (fixture.conflicts);
  iterate ();
  g_assert_cmpuint (count (&fixture, "2014-04-24", "conference-room-a", &n_conflicts), ==, 3);
  g_assert_cmpuint (n_conflicts, ==, 2);
  g_assert_cmpuint (count (&fixture, "2014-04-24", "conference-room-b", NULL), ==, 0);

  /* A cancelled meeting takes no room. */
  mp_meeting_set_status (trilateral, MP_MEETING_STATUS_CANCELLED);
  iterate ();
  g_assert_cmpuint (count (&fixture, "2014-04-24", "conference-room-a", NULL), ==, 2);

  fixture_teardown (&fixture);
}

static GtkEventController *
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;
    }
  g_assert_not_reached ();
}

static void
press_key (Fixture *fixture,
           guint    keyval)
{
  GtkEventController *keys = find_controller (GTK_WIDGET (fixture->view), GTK_TYPE_EVENT_CONTROLLER_KEY);
  gboolean handled = FALSE;

  g_signal_emit_by_name (keys, "key-pressed", keyval, 0, 0, &handled);
  g_assert_true (handled);
}

static void
test_keyboard (void)
{
  Fixture fixture;
  g_autofree char *description = NULL;

  fixture_setup (&fixture);
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (fixture.view)));

  /* The cursor starts on the first room of the first day. */
  g_assert_cmpint (mp_week_view_get_cursor_day (fixture.view), ==, day_of ("2014-04-23"));
  g_assert_cmpstr (mp_week_view_get_cursor_room (fixture.view), ==, "plenary-hall");

  press_key (&fixture, GDK_KEY_Right);
  press_key (&fixture, GDK_KEY_Down);
  g_assert_cmpint (mp_week_view_get_cursor_day (fixture.view), ==, day_of ("2014-04-24"));
  g_assert_cmpstr (mp_week_view_get_cursor_room (fixture.view), ==, "conference-room-a");

  /* Down past the last room of a venue skips the next venue's heading. */
  g_assert_true (mp_week_view_set_cursor (fixture.view, day_of ("2014-04-25"), "parade-ground"));
  press_key (&fixture, GDK_KEY_Down);
  g_assert_cmpstr (mp_week_view_get_cursor_room (fixture.view), ==, "hangar-lounge");
  press_key (&fixture, GDK_KEY_Down);
  g_assert_cmpstr (mp_week_view_get_cursor_room (fixture.view), ==, "hangar-lounge");
  press_key (&fixture, GDK_KEY_Right);
  g_assert_cmpint (mp_week_view_get_cursor_day (fixture.view), ==, day_of ("2014-04-25"));
  press_key (&fixture, GDK_KEY_Home);
  g_assert_cmpint (mp_week_view_get_cursor_day (fixture.view), ==, day_of ("2014-04-23"));

  /* Enter opens the day. */
  g_assert_cmpuint (fixture.n_activated, ==, 0);
  press_key (&fixture, GDK_KEY_Return);
  g_assert_cmpuint (fixture.n_activated, ==, 1);
  g_assert_cmpint (fixture.activated_day, ==, day_of ("2014-04-23"));
  g_assert_null (fixture.activated_meeting);

  fixture_teardown (&fixture);
}

/* A click on a meeting's bar opens its day with that meeting. */
static void
test_click (void)
{
  Fixture fixture;
  GtkEventController *click;
  gboolean found = FALSE;
  double x = 0, y = 0;
  int width, height;

  fixture_setup (&fixture);
  width = gtk_widget_get_width (GTK_WIDGET (fixture.view));
  height = gtk_widget_get_height (GTK_WIDGET (fixture.view));
  g_assert_cmpint (width, >, 0);

  /* The 24th's plenary hall: the opening plenary runs 09:15 to 10:45. */
  for (y = 0; y < height && !found; y += 2)
    for (x = 0; x < width && !found; x += 2)
      {
        const char *room;
        gint64 day;

        found = mp_week_view_get_cell_at (fixture.view, x, y, &day, &room) &&
                day == day_of ("2014-04-24") && g_strcmp0 (room, "plenary-hall") == 0;
      }
  g_assert_true (found);

  click = find_controller (GTK_WIDGET (fixture.view), GTK_TYPE_GESTURE_CLICK);
  for (double dx = 0; dx < 300 && fixture.activated_meeting == NULL; dx += 1)
    g_signal_emit_by_name (click, "released", 1, x + dx, y + 6);

  g_assert_cmpint (fixture.activated_day, ==, day_of ("2014-04-24"));
  g_assert_cmpstr (fixture.activated_meeting, ==, "plenary-opening");
  g_assert_cmpstr (mp_week_view_get_cursor_room (fixture.view), ==, "plenary-hall");

  fixture_teardown (&fixture);
}

/* The first descendant of root of type, with label when given. */
static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) &&
          (label == NULL || g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0))
        return child;
      if ((found = find_widget (child, type, label)) != NULL)
        return found;
    }
  return NULL;
}

static MpWindow *
open_sample_window (int width,
                    int height)
{
  g_autofree char *path = g_build_filename (g_getenv ("MINISTERIAL_SOURCE_ROOT"), "data", "samples",
                                            "north-american-defense-ministerial-2014.ministerial", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  MpWindow *window = mp_window_new (NULL);

  g_object_ref_sink (window);
  g_assert_true (mp_window_open (window, file));
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  return window;
}

static void
close_window (MpWindow *window)
{
  mp_document_discard_recovery (mp_window_get_document (window));
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  g_assert_finalize_object (window);
}

/* The window's Week switch shows the week; a day opened there shows on
 * the timeline at its meeting; the choice is there the next time. */
static void
test_window (void)
{
  MpWindow *window = open_sample_window (1200, 800);
  GtkWidget *week_button = find_widget (GTK_WIDGET (window), GTK_TYPE_TOGGLE_BUTTON, "_Week");
  GtkWidget *day_button = find_widget (GTK_WIDGET (window), GTK_TYPE_TOGGLE_BUTTON, "_Day");
  MpWeekView *view = MP_WEEK_VIEW (find_widget (GTK_WIDGET (window), MP_TYPE_WEEK_VIEW, NULL));
  MpTimeline *timeline = MP_TIMELINE (mp_window_get_timeline (window));
  MpPlan *plan = mp_document_get_plan (mp_window_get_document (window));
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_assert_nonnull (week_button);
  g_assert_nonnull (day_button);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (view)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (timeline)));

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (week_button), TRUE);
  iterate ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (timeline)));
  g_assert_cmpuint (mp_week_view_count_all (view), ==, 14);
  g_assert_cmpstr (g_settings_get_string (settings, "timeline-view"), ==, "week");

  /* The timeline's filter is the week's. */
  mp_timeline_set_filter (timeline, "CAN");
  iterate ();
  g_assert_cmpuint (mp_week_view_count_all (view), ==, 9);
  mp_timeline_set_filter (timeline, NULL);

  g_signal_emit_by_name (view, "day-activated", day_of ("2014-04-24"),
                         mp_plan_get_meeting (plan, "working-lunch"));
  iterate ();
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (day_button)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (timeline)));
  g_assert_cmpint (mp_timeline_get_day (timeline), ==, day_of ("2014-04-24"));
  g_assert_cmpstr (mp_record_get_id (MP_RECORD (mp_timeline_get_selected (timeline))), ==, "working-lunch");

  /* Alt+2 and Alt+1, the same keys in every language. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.timeline-view", "s", "week"));
  iterate ();
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (week_button)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.timeline-view", "s", "day"));
  iterate ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (timeline)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.timeline-view", "s", "week"));
  close_window (window);

  /* Opened again, the window shows the week. */
  window = open_sample_window (1200, 800);
  view = MP_WEEK_VIEW (find_widget (GTK_WIDGET (window), MP_TYPE_WEEK_VIEW, NULL));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
  g_settings_set_string (settings, "timeline-view", "day");
  close_window (window);
}

/* A day whose meetings all lie out of sight (the 23rd: arrivals at the
 * airport, the last column, from 15:00) opens scrolled to its first; each
 * day shown has a meeting in sight. */
static gboolean
some_meeting_in_sight (MpTimeline *timeline)
{
  g_autoptr(GPtrArray) meetings = mp_timeline_list_meetings (timeline);
  int width = gtk_widget_get_width (GTK_WIDGET (timeline));
  int height = gtk_widget_get_height (GTK_WIDGET (timeline));

  for (guint i = 0; i < meetings->len; i++)
    {
      graphene_rect_t bounds;

      if (mp_timeline_get_meeting_bounds (timeline, g_ptr_array_index (meetings, i), &bounds) &&
          bounds.origin.x >= 0 && bounds.origin.x + 10 <= width &&
          bounds.origin.y >= 0 && bounds.origin.y + 10 <= height)
        return TRUE;
    }
  return FALSE;
}

static void
test_day_opens_on_first_meeting (void)
{
  MpWindow *window = open_sample_window (760, 480);
  MpTimeline *timeline = MP_TIMELINE (mp_window_get_timeline (window));
  MpPlan *plan = mp_document_get_plan (mp_window_get_document (window));
  MpMeeting *first = mp_plan_get_meeting (plan, "arrival-nicholson");
  graphene_rect_t bounds;

  settle ();

  g_assert_cmpint (mp_timeline_get_day (timeline), ==, day_of ("2014-04-23"));
  g_assert_true (mp_timeline_get_meeting_bounds (timeline, first, &bounds));
  g_assert_cmpfloat (bounds.origin.x, >=, 0);
  g_assert_cmpfloat (bounds.origin.x + 10, <=, gtk_widget_get_width (GTK_WIDGET (timeline)));
  g_assert_cmpfloat (bounds.origin.y, >=, 0);
  g_assert_cmpfloat (bounds.origin.y + 10, <=, gtk_widget_get_height (GTK_WIDGET (timeline)));

  for (const char *date = "2014-04-24"; date != NULL; date = g_str_equal (date, "2014-04-24") ? "2014-04-25" : NULL)
    {
      double x, y;

      mp_timeline_set_day (timeline, day_of (date));
      settle ();
      if (!some_meeting_in_sight (timeline))
        g_error ("no meeting of %s is in sight", date);
      /* The 24th from the first room again, not where the 23rd's arrivals
       * were; the 25th has only departures, at the airport again. */
      g_assert_true (mp_timeline_get_point (timeline, "plenary-hall", 12 * 60, &x, &y));
      if (g_str_equal (date, "2014-04-24"))
        {
          g_assert_cmpfloat (x, >=, 0);
          g_assert_cmpfloat (x, <, gtk_widget_get_width (GTK_WIDGET (timeline)));
        }
      else
        g_assert_cmpfloat (x, <, 0);
    }

  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/week/counts", test_counts);
  g_test_add_func ("/week/follows-changes", test_follows_changes);
  g_test_add_func ("/week/keyboard", test_keyboard);
  g_test_add_func ("/week/click", test_click);
  g_test_add_func ("/week/window", test_window);
  g_test_add_func ("/week/day-opens-on-first-meeting", test_day_opens_on_first_meeting);

  return g_test_run ();
}
