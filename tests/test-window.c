/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <adwaita.h>

#include "mp-conference-window.h"
#include "mp-conflicts-panel.h"
#include "mp-document.h"
#include "mp-meeting-editor.h"
#include "mp-plan-file.h"
#include "mp-requests-page.h"
#include "mp-resources.h"
#include "mp-scheduler.h"
#include "mp-timeline.h"
#include "mp-window.h"
#include "test-ui-utils.h"

#define SAMPLE "north-american-defense-ministerial-2014.ministerial"

static char *tmp_dir;

static GFile *
sample_file (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("MINISTERIAL_SOURCE_ROOT"), "data", "samples", SAMPLE, NULL);

  return g_file_new_for_path (path);
}

/* A copy of the sample in the temporary folder, to save over. */
static GFile *
sample_copy (const char *name)
{
  g_autoptr(GFile) sample = sample_file ();
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  GFile *copy = g_file_new_for_path (path);

  g_assert_true (g_file_copy (sample, copy, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL));
  return copy;
}

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
on_timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, on_timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static MpWindow *
open_window (GFile *file)
{
  MpWindow *window = mp_window_new (NULL);
  MpTimeline *timeline = MP_TIMELINE (mp_window_get_timeline (window));

  g_object_ref_sink (window);
  if (file != NULL)
    g_assert_true (mp_window_open (window, file));
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; i < 200 && gtk_widget_get_width (GTK_WIDGET (timeline)) == 0; i++)
    wait_ms (10);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (timeline)), >, 0);
  drain ();
  test_watch_history_labels (mp_document_get_history (mp_window_get_document (window)));
  return window;
}

static void
close_window (MpWindow *window)
{
  mp_document_discard_recovery (mp_window_get_document (window));
  gtk_window_destroy (GTK_WINDOW (window));
  drain ();
  g_assert_finalize_object (window);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

/* As a click on a response's button does. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_close (GTK_WINDOW (dialog));
  drain ();
}

static guint
n_conflicts (MpWindow *window)
{
  MpConflictsPanel *panel = MP_CONFLICTS_PANEL (mp_window_get_conflicts_panel (window));

  drain ();
  return g_list_model_get_n_items (G_LIST_MODEL (mp_conflicts_panel_get_conflicts (panel)));
}

static gint64
day_of (const char *date)
{
  gint64 day;

  g_assert_true (mp_date_parse (date, &day, NULL));
  return day;
}

static gboolean
contains_meeting (GPtrArray  *meetings,
                  const char *id)
{
  for (guint i = 0; i < meetings->len; i++)
    if (g_str_equal (mp_record_get_id (g_ptr_array_index (meetings, i)), id))
      return TRUE;
  return FALSE;
}

/* The sample's meetings of 24 April are in the timeline, each where a
 * pointer finds it. */
static void
test_window_open_sample (void)
{
  g_autoptr(GFile) file = sample_file ();
  MpWindow *window = open_window (file);
  MpTimeline *timeline = MP_TIMELINE (mp_window_get_timeline (window));
  MpPlan *plan = mp_document_get_plan (mp_window_get_document (window));
  g_autoptr(GPtrArray) first_day = mp_timeline_list_meetings (timeline);
  g_autoptr(GPtrArray) meetings = NULL;
  const char *expected[] = { "press-readout", "honors", "plenary-opening", "bilateral-usa-sedena",
                             "bilateral-usa-semar", "working-lunch", "trilateral-restricted",
                             "plenary-closing", "press-conference" };

  /* It opens on the first day. */
  g_assert_cmpint (mp_timeline_get_day (timeline), ==, day_of ("2014-04-23"));
  g_assert_cmpuint (first_day->len, ==, 3);
  g_assert_false (mp_document_get_modified (mp_window_get_document (window)));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "North American Defense Ministerial 2014");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.next-day", NULL);
  g_assert_cmpint (mp_timeline_get_day (timeline), ==, day_of ("2014-04-24"));
  meetings = mp_timeline_list_meetings (timeline);
  g_assert_cmpuint (meetings->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      MpMeeting *meeting = mp_plan_get_meeting (plan, expected[i]);
      graphene_rect_t bounds;

      g_assert_true (contains_meeting (meetings, expected[i]));
      mp_timeline_scroll_to_meeting (timeline, meeting);
      g_assert_true (mp_timeline_get_meeting_bounds (timeline, meeting, &bounds));
      g_assert_cmpfloat (bounds.size.height, >, 20);
      g_assert_true (mp_timeline_get_meeting_at (timeline,
                                                 bounds.origin.x + bounds.size.width / 2,
                                                 bounds.origin.y + bounds.size.height / 2) == meeting);
    }

  /* The filter shows only one person's meetings. */
  mp_timeline_set_filter (timeline, "kirby");
  g_clear_pointer (&meetings, g_ptr_array_unref);
  meetings = mp_timeline_list_meetings (timeline);
  g_assert_cmpuint (meetings->len, ==, 2);
  g_assert_true (contains_meeting (meetings, "press-readout"));
  g_assert_true (contains_meeting (meetings, "press-conference"));
  mp_timeline_set_filter (timeline, "CAN");
  g_clear_pointer (&meetings, g_ptr_array_unref);
  meetings = mp_timeline_list_meetings (timeline);
  g_assert_false (contains_meeting (meetings, "press-readout"));
  g_assert_true (contains_meeting (meetings, "trilateral-restricted"));

  /* The pages are made when first shown, with the window's plan. */
  {
    GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), MP_TYPE_WINDOW, "stack"));
    const char *pages[] = { "delegations", "people", "rooms", "requests" };

    for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
      {
        g_autoptr(MpHistory) history = NULL;

        g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", pages[i]));
        g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, pages[i]);
        g_object_get (gtk_stack_get_visible_child (stack), "history", &history, NULL);
        g_assert_true (history == mp_document_get_history (mp_window_get_document (window)));
      }
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "timeline"));
  }

  /* win.show-meeting goes to the meeting's day and selects it. */
  g_assert_true (mp_window_show_meeting (window, "departure-hagel"));
  g_assert_cmpint (mp_timeline_get_day (timeline), ==, day_of ("2014-04-25"));
  g_assert_cmpstr (mp_record_get_id (MP_RECORD (mp_timeline_get_selected (timeline))), ==, "departure-hagel");
  g_assert_null (mp_timeline_get_filter (timeline));

  close_window (window);
}

/* Moving a meeting, through the model and by a drag, and the conflicts
 * panel following. */
/* The main menu's Undo and Redo items, as they read. */
static void
assert_history_menu (MpWindow   *window,
                     const char *undo,
                     const char *redo)
{
  GMenuModel *section = G_MENU_MODEL (gtk_widget_get_template_child (GTK_WIDGET (window), MP_TYPE_WINDOW,
                                                                     "history_section"));
  const char *expected[] = { undo, redo };
  const char *actions[] = { "win.undo", "win.redo" };

  g_assert_cmpint (g_menu_model_get_n_items (section), ==, 2);
  for (int i = 0; i < 2; i++)
    {
      g_autofree char *label = NULL;
      g_autofree char *action = NULL;

      g_assert_true (g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_LABEL, "s", &label));
      g_assert_true (g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_ACTION, "s", &action));
      g_assert_cmpstr (label, ==, expected[i]);
      g_assert_cmpstr (action, ==, actions[i]);
    }
}

static void
test_window_move_meeting (void)
{
  g_autoptr(GFile) file = sample_file ();
  MpWindow *window = open_window (file);
  MpTimeline *timeline = MP_TIMELINE (mp_window_get_timeline (window));
  MpDocument *document = mp_window_get_document (window);
  MpHistory *history = mp_document_get_history (document);
  MpPlan *plan = mp_document_get_plan (document);
  MpMeeting *sedena = mp_plan_get_meeting (plan, "bilateral-usa-sedena");
  MpMeeting *semar = mp_plan_get_meeting (plan, "bilateral-usa-semar");
  graphene_rect_t bounds;
  double x, y, x_target, y_target;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  g_assert_cmpuint (n_conflicts (window), ==, 0);

  /* Through the model: Hagel in two meetings at once. */
  mp_history_begin (history, "Move Meeting");
  mp_history_set (history, sedena, "start", mp_meeting_get_start (semar), "end", mp_meeting_get_end (semar), NULL);
  mp_history_end (history);
  g_assert_cmpuint (n_conflicts (window), >, 0);
  g_assert_true (mp_document_get_modified (document));
  mp_history_undo (history);
  g_assert_cmpuint (n_conflicts (window), ==, 0);

  /* By a drag: from Conference Room A at 11:00 to Conference Room B at
   * 12:00, where the SEMAR bilateral is. */
  mp_window_show_meeting (window, "bilateral-usa-sedena");
  drain ();
  g_assert_true (mp_timeline_get_meeting_bounds (timeline, sedena, &bounds));
  x = bounds.origin.x + bounds.size.width / 2;
  y = bounds.origin.y + 10;
  g_assert_true (mp_timeline_get_point (timeline, "conference-room-b", 12 * 60, &x_target, &y_target));
  g_assert_true (mp_timeline_drag (timeline, x, y, x_target - x, y_target - bounds.origin.y + 3));
  g_assert_cmpstr (mp_meeting_get_room (sedena), ==, "conference-room-b");
  start = mp_time_to_string (mp_meeting_get_start (sedena));
  end = mp_time_to_string (mp_meeting_get_end (sedena));
  g_assert_cmpstr (start, ==, "2014-04-24T12:00");
  g_assert_cmpstr (end, ==, "2014-04-24T12:45");
  g_assert_cmpuint (n_conflicts (window), >, 0);
  g_assert_true (mp_conflict_list_involves (mp_conflicts_panel_get_conflicts (MP_CONFLICTS_PANEL (mp_window_get_conflicts_panel (window))),
                                            "bilateral-usa-sedena"));

  /* One drag, one undo step, named in the main menu. */
  assert_history_menu (window, "_Undo Move Meeting", "_Redo");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpstr (mp_meeting_get_room (sedena), ==, "conference-room-a");
  assert_history_menu (window, "_Undo", "_Redo Move Meeting");
  g_clear_pointer (&start, g_free);
  start = mp_time_to_string (mp_meeting_get_start (sedena));
  g_assert_cmpstr (start, ==, "2014-04-24T11:00");
  g_assert_cmpuint (n_conflicts (window), ==, 0);

  /* Its bottom edge: 30 minutes longer, on the grid. */
  drain ();
  g_assert_true (mp_timeline_get_meeting_bounds (timeline, sedena, &bounds));
  g_assert_true (mp_timeline_drag (timeline, bounds.origin.x + 20, bounds.origin.y + bounds.size.height - 2,
                                   0, 31 * 1.2));
  g_clear_pointer (&end, g_free);
  end = mp_time_to_string (mp_meeting_get_end (sedena));
  g_assert_cmpstr (end, ==, "2014-04-24T12:15");
  /* Now it runs into the room's turnover before nothing, but Hagel is due
   * in Conference Room B at 12:00. */
  g_assert_cmpuint (n_conflicts (window), >, 0);

  /* Selecting the conflict shows its meeting. */
  mp_window_show_meeting (window, "arrival-hagel");
  mp_conflicts_panel_activate (MP_CONFLICTS_PANEL (mp_window_get_conflicts_panel (window)), 0);
  g_assert_cmpint (mp_timeline_get_day (timeline), ==, day_of ("2014-04-24"));
  g_assert_nonnull (mp_timeline_get_selected (timeline));
  g_assert_true (mp_timeline_is_highlighted (timeline, "bilateral-usa-sedena"));
  g_assert_true (mp_timeline_is_highlighted (timeline, "bilateral-usa-semar"));

  /* Delete from the keyboard's action path, then undo. */
  mp_history_undo (history);
  g_assert_cmpuint (n_conflicts (window), ==, 0);

  close_window (window);
}

static gboolean
press_key (GtkWidget       *widget,
           guint            keyval,
           GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
    }
  return handled;
}

/* The keyboard: arrows move the selection, Alt+Down moves the meeting a
 * slot later, Enter opens the editor, Delete removes; all undo. */
static void
test_window_keyboard (void)
{
  g_autoptr(GFile) file = sample_file ();
  MpWindow *window = open_window (file);
  GtkWidget *timeline = mp_window_get_timeline (window);
  MpHistory *history = mp_document_get_history (mp_window_get_document (window));
  MpPlan *plan = mp_history_get_plan (history);
  MpMeeting *selected;
  g_autofree char *start = NULL;

  mp_window_show_meeting (window, "bilateral-usa-sedena");
  g_assert_true (press_key (timeline, GDK_KEY_Down, 0));
  selected = mp_timeline_get_selected (MP_TIMELINE (timeline));
  g_assert_cmpstr (mp_record_get_id (MP_RECORD (selected)), ==, "trilateral-restricted");
  g_assert_true (press_key (timeline, GDK_KEY_Up, 0));
  g_assert_true (press_key (timeline, GDK_KEY_Right, 0));
  selected = mp_timeline_get_selected (MP_TIMELINE (timeline));
  g_assert_cmpstr (mp_record_get_id (MP_RECORD (selected)), ==, "bilateral-usa-semar");

  g_assert_true (press_key (timeline, GDK_KEY_Down, GDK_ALT_MASK));
  start = mp_time_to_string (mp_meeting_get_start (selected));
  g_assert_cmpstr (start, ==, "2014-04-24T12:15");
  g_assert_true (mp_history_undo (history));

  g_assert_true (press_key (timeline, GDK_KEY_Return, 0));
  g_assert_true (mp_window_get_editor_visible (window));
  g_assert_true (mp_meeting_editor_get_meeting (MP_MEETING_EDITOR (mp_window_get_editor (window))) == selected);

  g_assert_true (press_key (timeline, GDK_KEY_Delete, 0));
  g_assert_null (mp_plan_get_meeting (plan, "bilateral-usa-semar"));
  g_assert_false (mp_window_get_editor_visible (window));
  g_assert_true (mp_history_undo (history));
  g_assert_nonnull (mp_plan_get_meeting (plan, "bilateral-usa-semar"));

  close_window (window);
}

/* A request dropped on the timeline becomes a tentative meeting there;
 * the Schedule action places the rest; both undo. */
static void
test_window_requests (void)
{
  g_autoptr(GFile) file = sample_file ();
  MpWindow *window = open_window (file);
  MpTimeline *timeline = MP_TIMELINE (mp_window_get_timeline (window));
  MpHistory *history = mp_document_get_history (mp_window_get_document (window));
  MpPlan *plan = mp_history_get_plan (history);
  MpRequest *request = mp_plan_get_request (plan, "req-pull-aside");
  guint n_meetings = g_list_model_get_n_items (mp_plan_get_meetings (plan));
  MpMeeting *placed;
  double x, y;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  g_assert_nonnull (request);
  g_assert_null (mp_plan_get_placement (plan, "req-pull-aside"));
  mp_timeline_set_day (timeline, day_of ("2014-04-25"));
  g_assert_true (mp_timeline_get_point (timeline, "conference-room-b", 9 * 60 + 5, &x, &y));

  placed = mp_timeline_place_request (timeline, request, x, y);
  g_assert_nonnull (placed);
  g_assert_true (mp_plan_get_placement (plan, "req-pull-aside") == placed);
  g_assert_cmpint (mp_meeting_get_status (placed), ==, MP_MEETING_STATUS_TENTATIVE);
  g_assert_cmpstr (mp_meeting_get_room (placed), ==, "conference-room-b");
  start = mp_time_to_string (mp_meeting_get_start (placed));
  g_assert_cmpstr (start, ==, "2014-04-25T09:00");
  end = mp_time_to_string (mp_meeting_get_end (placed));
  g_assert_nonnull (end);
  g_assert_true (mp_timeline_get_selected (timeline) == placed);
  g_assert_cmpuint (g_list_model_get_n_items (mp_plan_get_meetings (plan)), ==, n_meetings + 1);

  g_assert_true (mp_history_undo (history));
  g_assert_null (mp_plan_get_placement (plan, "req-pull-aside"));
  g_assert_cmpuint (g_list_model_get_n_items (mp_plan_get_meetings (plan)), ==, n_meetings);

  if (gtk_widget_activate_action (GTK_WIDGET (window), "win.schedule", NULL))
    {
      AdwMessageDialog *dialog;
      gsize length;
      g_autofree char *data = mp_plan_file_to_data (plan, &length);
      g_autoptr(MpPlan) copy = NULL;
      g_autoptr(MpScheduleResult) result = NULL;
      g_autoptr(GError) error = NULL;
      GListModel *requests = mp_plan_get_requests (plan);

      drain ();
      g_assert_cmpuint (g_list_model_get_n_items (mp_plan_get_meetings (plan)), >, n_meetings);

      /* The window places what ministerial --schedule places: the
       * scheduler's defaults, on the plan as it was. */
      g_assert_true (mp_history_undo (history));
      g_free (data);
      data = mp_plan_file_to_data (plan, &length);
      g_assert_true (mp_history_redo (history));
      copy = mp_plan_file_load_data (data, length, "copy.ministerial", &error);
      g_assert_no_error (error);
      result = mp_scheduler_run (copy, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (mp_schedule_result_apply (result, copy, NULL, &error));
      for (guint i = 0; i < g_list_model_get_n_items (requests); i++)
        {
          g_autoptr(MpRequest) r = g_list_model_get_item (requests, i);
          const char *id = mp_record_get_id (MP_RECORD (r));
          MpMeeting *ours = mp_plan_get_placement (plan, id);
          MpMeeting *theirs = mp_plan_get_placement (copy, id);

          g_assert_true ((ours == NULL) == (theirs == NULL));
          if (ours != NULL)
            {
              g_assert_cmpint (mp_meeting_get_start_instant (ours), ==, mp_meeting_get_start_instant (theirs));
              g_assert_cmpstr (mp_meeting_get_room (ours), ==, mp_meeting_get_room (theirs));
            }
        }
      /* Requests it could not place are listed with the reason. */
      dialog = find_message_dialog ();
      if (dialog != NULL)
        respond (dialog, "close");
      g_assert_true (mp_history_undo (history));
      g_assert_cmpuint (g_list_model_get_n_items (mp_plan_get_meetings (plan)), ==, n_meetings);
    }

  close_window (window);
}

/* The requests beside the timeline: one side panel at a time; a request
 * from the panel's list dropped on a room and a time becomes a tentative
 * meeting there, on the slot grid, and leaves the list; undo puts it back. */
static void
test_window_requests_panel (void)
{
  g_autoptr(GFile) file = sample_file ();
  MpWindow *window = open_window (file);
  MpTimeline *timeline = MP_TIMELINE (mp_window_get_timeline (window));
  MpHistory *history = mp_document_get_history (mp_window_get_document (window));
  MpPlan *plan = mp_history_get_plan (history);
  guint n_meetings = g_list_model_get_n_items (mp_plan_get_meetings (plan));
  GtkWidget *panel;
  GListModel *model;
  g_autoptr(MpRequest) request = NULL;
  g_autoptr(GVariant) state = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  MpMeeting *placed;
  guint n_unplaced;
  double x, y;

  g_assert_null (mp_window_get_requests_panel (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-conflicts", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-requests", NULL));
  drain ();
  panel = mp_window_get_requests_panel (window);
  g_assert_nonnull (panel);
  g_assert_true (mp_requests_page_get_compact (MP_REQUESTS_PAGE (panel)));
  g_assert_true (gtk_widget_is_ancestor (panel, GTK_WIDGET (window)));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_ancestor (mp_window_get_conflicts_panel (window),
                                                                                         GTK_TYPE_REVEALER))));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_ancestor (panel, GTK_TYPE_REVEALER))));
  /* Both fit beside the timeline at the window's width. */
  for (guint i = 0; i < 100 && gtk_widget_get_width (panel) == 0; i++)
    wait_ms (10);
  g_assert_cmpint (gtk_widget_get_width (panel), >, 0);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (timeline)), >, 400);

  /* The sample's four requests are unplaced: find one in the panel. */
  model = mp_requests_page_get_model (MP_REQUESTS_PAGE (panel));
  n_unplaced = g_list_model_get_n_items (model);
  g_assert_cmpuint (n_unplaced, ==, 4);
  for (guint i = 0; i < n_unplaced && request == NULL; i++)
    {
      g_autoptr(MpRequest) r = g_list_model_get_item (model, i);

      if (g_str_equal (mp_record_get_id (MP_RECORD (r)), "req-can-semar"))
        request = g_steal_pointer (&r);
    }
  g_assert_nonnull (request);

  /* Dropped at 14:10 in conference room A on the 24th: 14:00, the slot. */
  mp_timeline_set_day (timeline, day_of ("2014-04-24"));
  g_assert_true (mp_timeline_get_point (timeline, "conference-room-a", 14 * 60 + 10, &x, &y));
  placed = mp_timeline_place_request (timeline, request, x, y);
  g_assert_nonnull (placed);
  g_assert_cmpstr (mp_meeting_get_request (placed), ==, "req-can-semar");
  g_assert_cmpstr (mp_meeting_get_room (placed), ==, "conference-room-a");
  g_assert_cmpint (mp_meeting_get_status (placed), ==, MP_MEETING_STATUS_TENTATIVE);
  g_assert_cmpint (mp_meeting_get_kind (placed), ==, mp_request_get_kind (request));
  start = mp_time_to_string (mp_meeting_get_start (placed));
  g_assert_cmpstr (start, ==, "2014-04-24T14:00");
  g_assert_cmpint (mp_meeting_get_end_instant (placed) - mp_meeting_get_start_instant (placed), ==,
                   MAX (15, mp_request_get_duration_minutes (request)) * 60);
  g_assert_true (mp_plan_get_placement (plan, "req-can-semar") == placed);
  g_assert_true (contains_meeting (mp_timeline_list_meetings (timeline), mp_record_get_id (MP_RECORD (placed))));
  drain ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_unplaced - 1);

  g_assert_true (mp_history_undo (history));
  drain ();
  g_assert_null (mp_plan_get_placement (plan, "req-can-semar"));
  g_assert_cmpuint (g_list_model_get_n_items (mp_plan_get_meetings (plan)), ==, n_meetings);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_unplaced);
  g_assert_true (mp_history_redo (history));
  end = mp_time_to_string (mp_meeting_get_start (mp_plan_get_placement (plan, "req-can-semar")));
  g_assert_cmpstr (end, ==, "2014-04-24T14:00");
  g_assert_true (mp_history_undo (history));

  /* Showing the conflicts puts the requests away. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-conflicts", NULL));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_ancestor (panel, GTK_TYPE_REVEALER))));
  state = g_action_group_get_action_state (G_ACTION_GROUP (window), "show-requests");
  g_assert_false (g_variant_get_boolean (state));

  close_window (window);
}

static gpointer
template_child (gpointer    widget,
                GType       type,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);
  return child;
}

static guint
position_of (GListModel *model,
             const char *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(MpRecord) record = g_list_model_get_item (model, i);

      if (g_str_equal (mp_record_get_id (record), id))
        return i;
    }
  g_assert_not_reached ();
}

static void
assert_time (const MpTime *time,
             const char   *expected)
{
  g_autofree char *text = mp_time_to_string (time);

  g_assert_cmpstr (text, ==, expected);
}

/* Where the keyboard path puts a request before the person moves it: the
 * first slot of the day shown, or the request's earliest start when
 * later; the first room that serves its kind, seats its people and is
 * free then. */
static void
test_window_draft_request (void)
{
  g_autoptr(GFile) file = sample_file ();
  MpWindow *window = open_window (file);
  MpTimeline *timeline = MP_TIMELINE (mp_window_get_timeline (window));
  MpPlan *plan = mp_document_get_plan (mp_window_get_document (window));
  MpRequest *pull_aside = mp_plan_get_request (plan, "req-pull-aside");
  MpTime eleven;
  MpMeeting *draft;

  /* The 23rd is shown; the request cannot start before the 24th, 08:00. */
  mp_timeline_set_day (timeline, day_of ("2014-04-23"));
  draft = mp_timeline_draft_request (timeline, mp_plan_get_request (plan, "req-blackhawk"));
  assert_time (mp_meeting_get_start (draft), "2014-04-24T08:00");
  assert_time (mp_meeting_get_end (draft), "2014-04-24T09:00");
  g_assert_cmpstr (mp_meeting_get_room (draft), ==, "conference-room-a");
  g_assert_cmpint (mp_plan_get_position (plan, MP_RECORD (draft)), <, 0);
  g_assert_finalize_object (draft);

  /* The 25th is shown, after the earliest: its first slot. */
  mp_timeline_set_day (timeline, day_of ("2014-04-25"));
  draft = mp_timeline_draft_request (timeline, mp_plan_get_request (plan, "req-can-sedena"));
  assert_time (mp_meeting_get_start (draft), "2014-04-25T08:00");
  g_assert_cmpstr (mp_meeting_get_room (draft), ==, "conference-room-a");
  g_assert_finalize_object (draft);

  /* Conference room A is taken at 11:00 on the 24th: B, the next that
   * serves a pull-aside. */
  g_assert_true (mp_time_parse ("2014-04-24T11:00", &eleven, NULL));
  mp_request_set_earliest (pull_aside, &eleven);
  mp_timeline_set_day (timeline, day_of ("2014-04-24"));
  draft = mp_timeline_draft_request (timeline, pull_aside);
  assert_time (mp_meeting_get_start (draft), "2014-04-24T11:00");
  assert_time (mp_meeting_get_end (draft), "2014-04-24T11:15");
  g_assert_cmpstr (mp_meeting_get_room (draft), ==, "conference-room-b");
  g_assert_finalize_object (draft);

  close_window (window);
}

/* Placing a request without a pointer: Enter on its row in the panel
 * opens the editor on a new tentative meeting made from it; time and
 * room are set there, checked as typed, and Add places it as one undo
 * step, as a drop does. Bad times are refused; closing (Escape) puts the
 * draft away. */
static void
test_window_place_request_keyboard (void)
{
  g_autoptr(GFile) file = sample_file ();
  MpWindow *window = open_window (file);
  MpTimeline *timeline = MP_TIMELINE (mp_window_get_timeline (window));
  MpMeetingEditor *editor = MP_MEETING_EDITOR (mp_window_get_editor (window));
  MpHistory *history = mp_document_get_history (mp_window_get_document (window));
  MpPlan *plan = mp_history_get_plan (history);
  MpRequest *request = mp_plan_get_request (plan, "req-blackhawk");
  guint n_meetings = g_list_model_get_n_items (mp_plan_get_meetings (plan));
  GtkWidget *panel;
  GtkWidget *place_button;
  GtkWidget *focus;
  GtkEditable *start_row;
  GtkEditable *end_row;
  AdwComboRow *room_row;
  GListModel *model;
  MpMeeting *draft;
  guint n_unplaced;
  const char * const *people;

  mp_timeline_set_day (timeline, day_of ("2014-04-23"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-requests", NULL));
  drain ();
  panel = mp_window_get_requests_panel (window);
  model = mp_requests_page_get_model (MP_REQUESTS_PAGE (panel));
  n_unplaced = g_list_model_get_n_items (model);

  /* The panel's Place button is named for the keyboard and screen
   * readers, and acts on the selected request only when it is unplaced. */
  place_button = template_child (panel, MP_TYPE_REQUESTS_PAGE, "place_button");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (place_button), ==, "Place Request…");
  g_assert_null (gtk_test_accessible_check_property (GTK_ACCESSIBLE (place_button),
                                                     GTK_ACCESSIBLE_PROPERTY_LABEL, "Place Request…"));
  g_assert_true (gtk_widget_get_focusable (place_button));
  g_assert_false (gtk_widget_is_sensitive (place_button));

  /* Enter on the row. */
  g_signal_emit_by_name (template_child (panel, MP_TYPE_REQUESTS_PAGE, "list_view"), "activate",
                         position_of (model, "req-blackhawk"));
  drain ();
  g_assert_true (mp_window_get_editor_visible (window));
  g_assert_true (mp_meeting_editor_get_is_draft (editor));
  draft = mp_meeting_editor_get_meeting (editor);
  g_assert_nonnull (draft);
  g_assert_cmpstr (mp_meeting_get_title (draft), ==, mp_request_get_title (request));
  g_assert_cmpint (mp_meeting_get_kind (draft), ==, MP_MEETING_KIND_BILATERAL);
  g_assert_cmpint (mp_meeting_get_status (draft), ==, MP_MEETING_STATUS_TENTATIVE);
  g_assert_cmpstr (mp_meeting_get_request (draft), ==, "req-blackhawk");
  people = mp_meeting_get_participants (draft);
  g_assert_true (g_strv_equal (people, mp_request_get_participants (request)));
  assert_time (mp_meeting_get_start (draft), "2014-04-24T08:00");
  g_assert_cmpstr (mp_meeting_get_room (draft), ==, "conference-room-a");
  /* Nothing is in the plan yet, nothing to undo. */
  g_assert_cmpuint (g_list_model_get_n_items (mp_plan_get_meetings (plan)), ==, n_meetings);
  g_assert_null (mp_plan_get_placement (plan, "req-blackhawk"));
  g_assert_false (mp_history_get_can_undo (history));

  /* The time is where typing goes. */
  start_row = template_child (editor, MP_TYPE_MEETING_EDITOR, "start_row");
  end_row = template_child (editor, MP_TYPE_MEETING_EDITOR, "end_row");
  room_row = template_child (editor, MP_TYPE_MEETING_EDITOR, "room_row");
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (focus == GTK_WIDGET (start_row) || gtk_widget_is_ancestor (focus, GTK_WIDGET (start_row)));
  g_assert_cmpstr (gtk_editable_get_text (start_row), ==, "08:00");

  /* Set there, checked as typed. */
  gtk_editable_set_text (start_row, "10:00");
  g_assert_nonnull (mp_meeting_editor_get_error (editor));
  g_assert_false (mp_meeting_editor_add (editor));
  g_assert_cmpuint (g_list_model_get_n_items (mp_plan_get_meetings (plan)), ==, n_meetings);
  gtk_editable_set_text (end_row, "11:00");
  g_assert_null (mp_meeting_editor_get_error (editor));
  adw_combo_row_set_selected (room_row, 3);
  g_assert_cmpstr (mp_meeting_get_room (draft), ==, "conference-room-b");
  assert_time (mp_meeting_get_start (draft), "2014-04-24T10:00");
  assert_time (mp_meeting_get_end (draft), "2014-04-24T11:00");
  g_assert_false (mp_history_get_can_undo (history));

  /* Add: placed, as after a drop, in one step. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add", NULL));
  drain ();
  g_assert_true (mp_plan_get_placement (plan, "req-blackhawk") == draft);
  g_assert_cmpuint (g_list_model_get_n_items (mp_plan_get_meetings (plan)), ==, n_meetings + 1);
  g_assert_cmpstr (mp_history_get_undo_label (history), ==, "Place Request");
  g_assert_false (mp_meeting_editor_get_is_draft (editor));
  g_assert_true (mp_timeline_get_selected (timeline) == draft);
  g_assert_cmpint (mp_timeline_get_day (timeline), ==, day_of ("2014-04-24"));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_unplaced - 1);
  g_assert_false (mp_window_place_request (window, "req-blackhawk"));

  g_assert_true (mp_history_undo (history));
  drain ();
  g_assert_null (mp_plan_get_placement (plan, "req-blackhawk"));
  g_assert_false (mp_window_get_editor_visible (window));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_unplaced);

  /* Selected in the panel, its Place button does the same; a time that
   * is no time is refused; Escape puts the draft away. */
  mp_requests_page_select (MP_REQUESTS_PAGE (panel), mp_plan_get_request (plan, "req-pull-aside"));
  g_assert_true (gtk_widget_is_sensitive (place_button));
  g_signal_emit_by_name (place_button, "clicked");
  drain ();
  g_assert_true (mp_meeting_editor_get_is_draft (editor));
  draft = mp_meeting_editor_get_meeting (editor);
  g_assert_cmpstr (mp_meeting_get_request (draft), ==, "req-pull-aside");
  gtk_editable_set_text (start_row, "25:00");
  g_assert_nonnull (mp_meeting_editor_get_error (editor));
  g_assert_false (mp_meeting_editor_add (editor));
  g_assert_null (mp_plan_get_placement (plan, "req-pull-aside"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.close", NULL));
  drain ();
  g_assert_false (mp_window_get_editor_visible (window));
  g_assert_null (mp_meeting_editor_get_meeting (editor));
  g_assert_cmpuint (g_list_model_get_n_items (mp_plan_get_meetings (plan)), ==, n_meetings);

  g_assert_false (mp_window_place_request (window, "no-such-request"));
  close_window (window);
}

/* The conference's own settings: each field through its widget, checked,
 * written through the history; undo takes every change back and the
 * window follows. */
static void
type_in (MpConferenceWindow *window,
         const char         *property,
         const char         *text)
{
  GtkWidget *row = mp_conference_window_get_field (window, property);

  g_assert_true (ADW_IS_ENTRY_ROW (row));
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "entry-activated");
}

static gboolean
field_has_error (MpConferenceWindow *window,
                 const char         *property)
{
  return gtk_widget_has_css_class (mp_conference_window_get_field (window, property), "error");
}

static void
test_window_conference (void)
{
  g_autoptr(GFile) file = sample_file ();
  MpWindow *window = open_window (file);
  MpHistory *history = mp_document_get_history (mp_window_get_document (window));
  MpPlan *plan = mp_history_get_plan (history);
  MpConference *c = mp_plan_get_conference (plan);
  MpTimeline *timeline = MP_TIMELINE (mp_window_get_timeline (window));
  MpConferenceWindow *cw;
  GtkWidget *focus;
  GtkTextBuffer *notes;
  g_autofree char *title = g_strdup (mp_conference_get_title (c));
  g_autofree char *zone = g_strdup (mp_conference_get_time_zone (c));
  g_autofree char *host = g_strdup (mp_conference_get_host (c));
  g_autofree char *note = g_strdup (mp_conference_get_notes (c));
  gint64 start = mp_conference_get_start_date (c);
  gint64 end = mp_conference_get_end_date (c);
  int day_start = mp_conference_get_day_start (c);
  int day_end = mp_conference_get_day_end (c);
  int slot = mp_conference_get_slot_minutes (c);
  int turnover = mp_conference_get_turnover_minutes (c);
  int buffer = mp_conference_get_buffer_minutes (c);
  guint steps = 0;

  g_assert_false (mp_history_get_can_undo (history));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-conference", NULL));
  drain ();
  /* The action opened one: put it away, and open one here to hold. */
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    GtkWindow *opened = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (toplevels) && opened == NULL; i++)
      {
        g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

        if (MP_IS_CONFERENCE_WINDOW (toplevel))
          opened = GTK_WINDOW (toplevel);
      }
    g_assert_nonnull (opened);
    gtk_window_destroy (opened);
    drain ();
  }
  cw = MP_CONFERENCE_WINDOW (mp_window_edit_conference (window));
  g_object_ref (cw);
  drain ();
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (cw)) == GTK_WINDOW (window));
  /* Ready to name the conference. */
  focus = gtk_window_get_focus (GTK_WINDOW (cw));
  g_assert_nonnull (focus);
  g_assert_true (focus == mp_conference_window_get_field (cw, "title") ||
                 gtk_widget_is_ancestor (focus, mp_conference_window_get_field (cw, "title")));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (mp_conference_window_get_field (cw, "title"))), ==, title);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (mp_conference_window_get_field (cw, "start-date"))), ==, "2014-04-23");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (mp_conference_window_get_field (cw, "day-start"))), ==, "08:00");

  /* Title: the window's title follows; an empty one is refused. */
  type_in (cw, "title", "Defense Ministerial of the Americas");
  g_assert_cmpstr (mp_conference_get_title (c), ==, "Defense Ministerial of the Americas");
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "Defense Ministerial of the Americas"));
  type_in (cw, "title", "  ");
  g_assert_true (field_has_error (cw, "title"));
  g_assert_cmpstr (mp_conference_get_title (c), ==, "Defense Ministerial of the Americas");
  type_in (cw, "title", "Defense Ministerial of the Americas");
  g_assert_false (field_has_error (cw, "title"));

  /* Time zone: IANA names only. */
  type_in (cw, "time-zone", "Mars/Olympus_Mons");
  g_assert_true (field_has_error (cw, "time-zone"));
  type_in (cw, "time-zone", "+05:00");
  g_assert_true (field_has_error (cw, "time-zone"));
  g_assert_cmpstr (mp_conference_get_time_zone (c), ==, zone);
  type_in (cw, "time-zone", "America/Monterrey");
  g_assert_false (field_has_error (cw, "time-zone"));
  g_assert_cmpstr (mp_conference_get_time_zone (c), ==, "America/Monterrey");

  /* Dates: the last day not before the first; a first day past the last
   * moves the conference, as one step. */
  type_in (cw, "start-date", "2014-04-22");
  g_assert_cmpint (mp_conference_get_start_date (c), ==, day_of ("2014-04-22"));
  type_in (cw, "end-date", "2014-04-21");
  g_assert_true (field_has_error (cw, "end-date"));
  type_in (cw, "end-date", "2014-04-31");
  g_assert_true (field_has_error (cw, "end-date"));
  g_assert_cmpint (mp_conference_get_end_date (c), ==, end);
  type_in (cw, "end-date", "2014-04-26");
  g_assert_false (field_has_error (cw, "end-date"));
  g_assert_cmpint (mp_conference_get_end_date (c), ==, day_of ("2014-04-26"));
  mp_timeline_set_day (timeline, day_of ("2014-04-24"));
  type_in (cw, "start-date", "2014-05-10");
  g_assert_cmpint (mp_conference_get_start_date (c), ==, day_of ("2014-05-10"));
  g_assert_cmpint (mp_conference_get_end_date (c), ==, day_of ("2014-05-14"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (mp_conference_window_get_field (cw, "end-date"))), ==, "2014-05-14");
  /* The timeline shows a day of the conference. */
  g_assert_cmpint (mp_timeline_get_day (timeline), ==, day_of ("2014-05-10"));
  g_assert_true (mp_history_undo (history));
  g_assert_cmpint (mp_conference_get_start_date (c), ==, day_of ("2014-04-22"));
  g_assert_cmpint (mp_conference_get_end_date (c), ==, day_of ("2014-04-26"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (mp_conference_window_get_field (cw, "start-date"))), ==, "2014-04-22");

  /* Hours: the end after the start. */
  type_in (cw, "day-start", "9:00");
  g_assert_true (field_has_error (cw, "day-start"));
  type_in (cw, "day-start", "09:00");
  g_assert_false (field_has_error (cw, "day-start"));
  g_assert_cmpint (mp_conference_get_day_start (c), ==, 9 * 60);
  type_in (cw, "day-end", "08:30");
  g_assert_true (field_has_error (cw, "day-end"));
  g_assert_cmpint (mp_conference_get_day_end (c), ==, day_end);
  type_in (cw, "day-end", "21:30");
  g_assert_cmpint (mp_conference_get_day_end (c), ==, 21 * 60 + 30);

  /* Minutes: the slot from 5 to 240. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (mp_conference_window_get_field (cw, "slot-minutes")), 1);
  g_assert_cmpint (mp_conference_get_slot_minutes (c), ==, 5);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (mp_conference_window_get_field (cw, "slot-minutes")), 500);
  g_assert_cmpint (mp_conference_get_slot_minutes (c), ==, 240);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (mp_conference_window_get_field (cw, "slot-minutes")), 30);
  g_assert_cmpint (mp_conference_get_slot_minutes (c), ==, 30);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (mp_conference_window_get_field (cw, "turnover-minutes")), 10);
  g_assert_cmpint (mp_conference_get_turnover_minutes (c), ==, 10);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (mp_conference_window_get_field (cw, "buffer-minutes")), 20);
  g_assert_cmpint (mp_conference_get_buffer_minutes (c), ==, 20);

  /* Host: a delegation of the plan, or none. */
  for (guint i = 0; i < 4; i++)
    {
      adw_combo_row_set_selected (ADW_COMBO_ROW (mp_conference_window_get_field (cw, "host")), i);
      if (g_strcmp0 (mp_conference_get_host (c), "CAN") == 0)
        break;
    }
  g_assert_cmpstr (mp_conference_get_host (c), ==, "CAN");
  adw_combo_row_set_selected (ADW_COMBO_ROW (mp_conference_window_get_field (cw, "host")), 0);
  g_assert_null (mp_conference_get_host (c));

  /* Notes: typing undoes as one step. */
  notes = gtk_text_view_get_buffer (GTK_TEXT_VIEW (mp_conference_window_get_field (cw, "notes")));
  gtk_text_buffer_set_text (notes, "Bring", -1);
  gtk_text_buffer_insert_at_cursor (notes, " flags", -1);
  g_assert_cmpstr (mp_conference_get_notes (c), ==, "Bring flags");
  g_assert_true (mp_history_undo (history));
  g_assert_cmpstr (mp_conference_get_notes (c), ==, note);
  g_assert_true (mp_history_redo (history));
  g_assert_cmpstr (mp_conference_get_notes (c), ==, "Bring flags");

  /* Undo every change: the plan and the window are as before. */
  while (mp_history_undo (history))
    steps++;
  g_assert_cmpuint (steps, >=, 12);
  g_assert_cmpstr (mp_conference_get_title (c), ==, title);
  g_assert_cmpstr (mp_conference_get_time_zone (c), ==, zone);
  g_assert_cmpstr (mp_conference_get_host (c), ==, host);
  g_assert_cmpstr (mp_conference_get_notes (c), ==, note);
  g_assert_cmpint (mp_conference_get_start_date (c), ==, start);
  g_assert_cmpint (mp_conference_get_end_date (c), ==, end);
  g_assert_cmpint (mp_conference_get_day_start (c), ==, day_start);
  g_assert_cmpint (mp_conference_get_day_end (c), ==, day_end);
  g_assert_cmpint (mp_conference_get_slot_minutes (c), ==, slot);
  g_assert_cmpint (mp_conference_get_turnover_minutes (c), ==, turnover);
  g_assert_cmpint (mp_conference_get_buffer_minutes (c), ==, buffer);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (mp_conference_window_get_field (cw, "title"))), ==, title);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (mp_conference_window_get_field (cw, "day-end"))), ==, "20:00");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (mp_conference_window_get_field (cw, "slot-minutes"))), ==, slot);

  /* What is typed and not yet applied is written on closing. */
  gtk_editable_set_text (GTK_EDITABLE (mp_conference_window_get_field (cw, "title")), "Typed, then closed");
  gtk_window_close (GTK_WINDOW (cw));
  drain ();
  g_assert_cmpstr (mp_conference_get_title (c), ==, "Typed, then closed");
  g_assert_true (mp_history_undo (history));
  g_assert_finalize_object (cw);

  close_window (window);
}

/* At 800 px the sidebar folds away and shows over the timeline when asked;
 * at 1280 px it is back beside it. */
static gboolean
wait_folded (MpWindow *window,
             gboolean  folded)
{
  for (guint i = 0; i < 300 && mp_window_get_sidebar_folded (window) != folded; i++)
    wait_ms (10);
  return mp_window_get_sidebar_folded (window) == folded;
}

static void
test_window_narrow (void)
{
  g_autoptr(GFile) file = sample_file ();
  MpWindow *window = open_window (file);
  GtkWidget *timeline = mp_window_get_timeline (window);
  g_autoptr(GVariant) shown = NULL;
  g_autoptr(GVariant) hidden = NULL;
  g_autoptr(GVariant) back = NULL;
  int wide;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  g_assert_true (wait_folded (window, FALSE));
  for (guint i = 0; i < 300 && gtk_widget_get_width (GTK_WIDGET (window)) != 1280; i++)
    wait_ms (10);
  drain ();
  wide = gtk_widget_get_width (timeline);

  gtk_window_set_default_size (GTK_WINDOW (window), 800, 800);
  g_assert_true (wait_folded (window, TRUE));
  drain ();
  hidden = g_action_group_get_action_state (G_ACTION_GROUP (window), "show-sidebar");
  g_assert_false (g_variant_get_boolean (hidden));
  /* The timeline has the window's width, all but the scrollbar's. */
  for (guint i = 0; i < 200 && gtk_widget_get_width (timeline) <= 700; i++)
    wait_ms (10);
  g_assert_cmpint (gtk_widget_get_width (timeline), >, 700);
  g_assert_cmpint (gtk_widget_get_width (timeline), <, wide);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sidebar", NULL));
  shown = g_action_group_get_action_state (G_ACTION_GROUP (window), "show-sidebar");
  g_assert_true (g_variant_get_boolean (shown));
  g_assert_true (mp_window_get_sidebar_folded (window));

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  g_assert_true (wait_folded (window, FALSE));

  /* At 1280 px, one pane beside the timeline leaves the sidebar; the
   * editor and the requests together fold it, and closing one brings it
   * back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-requests", NULL));
  wait_ms (100);
  g_assert_false (mp_window_get_sidebar_folded (window));
  mp_timeline_set_day (MP_TIMELINE (timeline), day_of ("2014-04-24"));
  g_assert_true (mp_window_show_meeting (window, "plenary-opening"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-meeting", NULL));
  g_assert_true (mp_window_get_editor_visible (window));
  g_assert_true (wait_folded (window, TRUE));
  g_signal_emit_by_name (mp_window_get_editor (window), "closed");
  g_assert_true (wait_folded (window, FALSE));
  back = g_action_group_get_action_state (G_ACTION_GROUP (window), "show-sidebar");
  g_assert_true (g_variant_get_boolean (back));

  close_window (window);
}

/* Started with no file, the application opens the plan open last, unless
 * a recovery copy is offered; a plan no longer there gives a new one. */
typedef void (*AppCheck) (MpWindow *window,
                          gpointer  data);

typedef struct
{
  AppCheck check;
  gpointer data;
  gboolean checked;
} AppRun;

static void
on_app_activate_cb (GApplication *app,
                    AppRun       *run)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));
  MpWindow *window;

  g_assert_cmpuint (g_list_length (windows), ==, 1);
  g_assert_true (MP_IS_WINDOW (windows->data));
  window = g_object_ref (windows->data);
  drain ();
  run->check (window, run->data);
  run->checked = TRUE;

  mp_document_discard_recovery (mp_window_get_document (window));
  gtk_window_destroy (GTK_WINDOW (window));
  drain ();
  g_assert_finalize_object (window);
}

/* Runs the application as a start with no file does, and check on its
 * window. */
static void
run_application (AppCheck check,
                 gpointer data)
{
  MpApplication *app = mp_application_new ();
  AppRun run = { check, data, FALSE };

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (on_app_activate_cb), &run);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 0, NULL), ==, 0);
  g_assert_true (run.checked);
  g_assert_finalize_object (app);
}

static void
check_opened (MpWindow *window,
              gpointer  data)
{
  GFile *opened = mp_document_get_file (mp_window_get_document (window));

  g_assert_nonnull (opened);
  g_assert_true (g_file_equal (opened, data));
  g_assert_cmpuint (g_list_model_get_n_items (mp_plan_get_meetings (mp_document_get_plan (mp_window_get_document (window)))),
                    ==, 14);
}

static void
check_recovery_offered (MpWindow *window,
                        gpointer  data)
{
  g_assert_null (mp_document_get_file (mp_window_get_document (window)));
  g_assert_true (mp_window_is_replaceable (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.discard-recovery", NULL);
  g_assert_false (g_file_test (data, G_FILE_TEST_EXISTS));
}

static void
check_new_plan (MpWindow *window,
                gpointer  data)
{
  g_assert_null (mp_document_get_file (mp_window_get_document (window)));
  g_assert_true (mp_window_is_replaceable (window));
  g_assert_null (find_message_dialog ());
}

static void
test_window_reopen_last (void)
{
  g_autoptr(GFile) file = sample_copy ("last.ministerial");
  g_autofree char *uri = g_file_get_uri (file);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *recovery_dir = mp_document_get_recovery_dir ();
  g_autofree char *left = g_build_filename (recovery_dir, "left-behind.ministerial", NULL);
  g_autoptr(GFile) left_file = g_file_new_for_path (left);
  g_autoptr(GFile) sample = sample_file ();
  g_autofree char *gone_path = g_build_filename (tmp_dir, "gone.ministerial", NULL);
  g_autoptr(GFile) gone = g_file_new_for_path (gone_path);
  g_autofree char *gone_uri = g_file_get_uri (gone);
  g_autofree char *last = NULL;
  MpWindow *window;

  /* Opening a plan remembers it. */
  g_settings_set_string (settings, "last-plan", "");
  window = open_window (file);
  last = g_settings_get_string (settings, "last-plan");
  g_assert_cmpstr (last, ==, uri);
  close_window (window);

  run_application (check_opened, file);

  /* A recovery copy is offered first: the plan waits. */
  g_assert_cmpint (g_mkdir_with_parents (recovery_dir, 0700), ==, 0);
  g_assert_true (g_file_copy (sample, left_file, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL));
  run_application (check_recovery_offered, left);

  /* Gone since: a new plan, and no error. */
  g_settings_set_string (settings, "last-plan", gone_uri);
  run_application (check_new_plan, NULL);

  g_settings_set_string (settings, "last-plan", "");
}

/* The editor applies changes at once; typing undoes as one step. */
static void
test_window_editor (void)
{
  g_autoptr(GFile) file = sample_file ();
  MpWindow *window = open_window (file);
  MpTimeline *timeline = MP_TIMELINE (mp_window_get_timeline (window));
  MpMeetingEditor *editor = MP_MEETING_EDITOR (mp_window_get_editor (window));
  MpHistory *history = mp_document_get_history (mp_window_get_document (window));
  MpMeeting *meeting = mp_plan_get_meeting (mp_history_get_plan (history), "working-lunch");
  GtkEditable *title_row;
  GtkEditable *start_row;
  GtkEditable *end_row;
  g_autofree char *start = NULL;
  g_autofree char *title = NULL;

  mp_window_show_meeting (window, "working-lunch");
  g_signal_emit_by_name (timeline, "meeting-activated", meeting);
  g_assert_true (mp_window_get_editor_visible (window));
  g_assert_true (mp_meeting_editor_get_meeting (editor) == meeting);

  title_row = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (editor), MP_TYPE_MEETING_EDITOR, "title_row"));
  start_row = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (editor), MP_TYPE_MEETING_EDITOR, "start_row"));
  end_row = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (editor), MP_TYPE_MEETING_EDITOR, "end_row"));
  title = g_strdup (mp_meeting_get_title (meeting));
  g_assert_cmpstr (gtk_editable_get_text (title_row), ==, title);
  g_assert_cmpstr (gtk_editable_get_text (start_row), ==, "13:00");

  gtk_editable_set_text (title_row, "Working lunch (");
  gtk_editable_set_text (title_row, "Working lunch (ministers");
  gtk_editable_set_text (title_row, "Working lunch (ministers only)");
  g_assert_cmpstr (mp_meeting_get_title (meeting), ==, "Working lunch (ministers only)");
  assert_history_menu (window, "_Undo Rename Meeting", "_Redo");
  g_assert_true (mp_history_undo (history));
  assert_history_menu (window, "_Undo", "_Redo Rename Meeting");
  g_assert_cmpstr (mp_meeting_get_title (meeting), ==, title);
  g_assert_cmpstr (gtk_editable_get_text (title_row), ==, title);

  /* Inline validation: the end before the start is refused and said. */
  gtk_editable_set_text (end_row, "12:00");
  g_assert_nonnull (mp_meeting_editor_get_error (editor));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (end_row), "error"));
  start = mp_time_to_string (mp_meeting_get_end (meeting));
  g_assert_cmpstr (start, ==, "2014-04-24T14:15");
  gtk_editable_set_text (end_row, "14:30");
  g_assert_null (mp_meeting_editor_get_error (editor));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (end_row), "error"));
  g_clear_pointer (&start, g_free);
  start = mp_time_to_string (mp_meeting_get_end (meeting));
  g_assert_cmpstr (start, ==, "2014-04-24T14:30");
  gtk_editable_set_text (start_row, "99:00");
  g_assert_nonnull (mp_meeting_editor_get_error (editor));
  gtk_editable_set_text (start_row, "13:00");
  g_assert_null (mp_meeting_editor_get_error (editor));
  g_assert_true (mp_history_undo (history));
  g_clear_pointer (&start, g_free);
  start = mp_time_to_string (mp_meeting_get_end (meeting));
  g_assert_cmpstr (start, ==, "2014-04-24T14:15");
  g_assert_false (mp_history_get_can_undo (history));

  /* Topics, one a line: a line being started is left alone. */
  {
    GtkTextView *topics_view = GTK_TEXT_VIEW (gtk_widget_get_template_child (GTK_WIDGET (editor), MP_TYPE_MEETING_EDITOR, "topics_view"));
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (topics_view);
    const char * const *topics;
    GtkTextIter end;
    g_autofree char *text = NULL;
    GtkTextIter start_iter;

    gtk_text_buffer_set_text (buffer, "Border security\n", -1);
    topics = mp_meeting_get_topics (meeting);
    g_assert_cmpuint (g_strv_length ((char **) topics), ==, 1);
    g_assert_cmpstr (topics[0], ==, "Border security");
    gtk_text_buffer_get_end_iter (buffer, &end);
    gtk_text_buffer_insert (buffer, &end, "Disaster relief", -1);
    topics = mp_meeting_get_topics (meeting);
    g_assert_cmpuint (g_strv_length ((char **) topics), ==, 2);
    gtk_text_buffer_get_bounds (buffer, &start_iter, &end);
    text = gtk_text_buffer_get_text (buffer, &start_iter, &end, FALSE);
    g_assert_cmpstr (text, ==, "Border security\nDisaster relief");
    g_assert_true (mp_history_undo (history));
  }

  /* A time that does not exist: Mexico City skipped 02:00–03:00 on
   * 6 April 2014. With the conference starting the day before, the date
   * row offers that day. */
  {
    AdwComboRow *date_row = ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (editor), MP_TYPE_MEETING_EDITOR, "date_row"));
    MpConference *conference = mp_plan_get_conference (mp_history_get_plan (history));
    gint64 first = mp_conference_get_start_date (conference);
    g_autofree char *moved = NULL;

    mp_conference_set_start_date (conference, day_of ("2014-04-05"));
    mp_meeting_editor_set_meeting (editor, NULL);
    mp_meeting_editor_set_meeting (editor, meeting);
    adw_combo_row_set_selected (date_row, 1);
    moved = mp_time_to_string (mp_meeting_get_start (meeting));
    g_assert_cmpstr (moved, ==, "2014-04-06T13:00");
    gtk_editable_set_text (start_row, "02:30");
    g_assert_nonnull (mp_meeting_editor_get_error (editor));
    g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (start_row), "error"));
    g_assert_nonnull (strstr (mp_meeting_editor_get_error (editor), "02:30"));
    g_clear_pointer (&moved, g_free);
    moved = mp_time_to_string (mp_meeting_get_start (meeting));
    g_assert_cmpstr (moved, ==, "2014-04-06T13:00");
    gtk_editable_set_text (start_row, "13:00");
    g_assert_true (mp_history_undo (history));
    g_clear_pointer (&moved, g_free);
    moved = mp_time_to_string (mp_meeting_get_start (meeting));
    g_assert_cmpstr (moved, ==, "2014-04-24T13:00");
    mp_conference_set_start_date (conference, first);
  }

  /* Deleting the meeting closes the editor; undo brings it back. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.delete", NULL);
  g_assert_null (mp_plan_get_meeting (mp_history_get_plan (history), "working-lunch"));
  g_assert_false (mp_window_get_editor_visible (window));
  mp_history_undo (history);
  g_assert_nonnull (mp_plan_get_meeting (mp_history_get_plan (history), "working-lunch"));

  close_window (window);
}

/* Whether the calendar shows day (of the month shown) as marked: its
 * label is checked, as the theme draws it. */
static gboolean
shows_marked (GtkWidget  *widget,
              const char *day)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_has_css_class (child, "day-number") &&
          !gtk_widget_has_css_class (child, "other-month") &&
          g_str_equal (gtk_label_get_label (GTK_LABEL (child)), day))
        return (gtk_widget_get_state_flags (child) & GTK_STATE_FLAG_CHECKED) != 0;
      if (shows_marked (child, day))
        return TRUE;
    }
  return FALSE;
}

static void
select_calendar_day (GtkCalendar *calendar,
                     const char  *date)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (day_of (date) * 24 * 60 * 60);

  /* As a click on the day does (selecting a day emits day-selected). */
  gtk_calendar_select_day (calendar, when);
}

/* The date from a calendar beside the Date row: it opens on the meeting's
 * day with the conference's days marked; a day chosen there, in the
 * conference or not, moves the meeting as choosing it in the row does
 * (one undo step) and closes the calendar. */
static void
test_window_editor_calendar (void)
{
  g_autoptr(GFile) file = sample_file ();
  MpWindow *window = open_window (file);
  MpTimeline *timeline = MP_TIMELINE (mp_window_get_timeline (window));
  MpMeetingEditor *editor = MP_MEETING_EDITOR (mp_window_get_editor (window));
  MpHistory *history = mp_document_get_history (mp_window_get_document (window));
  MpMeeting *meeting = mp_plan_get_meeting (mp_history_get_plan (history), "working-lunch");
  GtkMenuButton *date_button;
  GtkCalendar *calendar;
  AdwComboRow *date_row;
  GtkPopover *popover;
  GtkRevealer *revealer;
  g_autoptr(GDateTime) shown = NULL;
  g_autofree char *label = NULL;

  mp_window_show_meeting (window, "working-lunch");
  g_signal_emit_by_name (timeline, "meeting-activated", meeting);
  date_button = template_child (editor, MP_TYPE_MEETING_EDITOR, "date_button");
  calendar = template_child (editor, MP_TYPE_MEETING_EDITOR, "calendar");
  date_row = template_child (editor, MP_TYPE_MEETING_EDITOR, "date_row");
  popover = gtk_menu_button_get_popover (date_button);
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (date_button), GTK_WIDGET (date_row)));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (date_button)), ==, "Choose Date on a Calendar");
  g_assert_null (gtk_test_accessible_check_property (GTK_ACCESSIBLE (date_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                     "Choose Date on a Calendar"));

  /* Once the editor has slid in, as for a person who sees the button. */
  revealer = GTK_REVEALER (gtk_widget_get_ancestor (GTK_WIDGET (editor), GTK_TYPE_REVEALER));
  for (guint i = 0; i < 200 && !gtk_revealer_get_child_revealed (revealer); i++)
    wait_ms (10);
  g_assert_true (gtk_revealer_get_child_revealed (revealer));
  drain ();
  gtk_menu_button_popup (date_button);
  drain ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  shown = gtk_calendar_get_date (calendar);
  g_assert_cmpint (g_date_time_get_year (shown), ==, 2014);
  g_assert_cmpint (g_date_time_get_month (shown), ==, 4);
  g_assert_cmpint (g_date_time_get_day_of_month (shown), ==, 24);
  g_assert_false (gtk_calendar_get_day_is_marked (calendar, 22));
  for (guint d = 23; d <= 25; d++)
    g_assert_true (gtk_calendar_get_day_is_marked (calendar, d));
  g_assert_false (gtk_calendar_get_day_is_marked (calendar, 26));
  g_assert_true (shows_marked (GTK_WIDGET (calendar), "23"));
  g_assert_false (shows_marked (GTK_WIDGET (calendar), "22"));
  /* Leafing through the months keeps the marks on the conference. */
  g_object_set (calendar, "month", 4, NULL);
  g_assert_false (gtk_calendar_get_day_is_marked (calendar, 24));
  g_object_set (calendar, "month", 3, NULL);
  g_assert_true (gtk_calendar_get_day_is_marked (calendar, 24));
  g_assert_true (shows_marked (GTK_WIDGET (calendar), "25"));

  /* A day of the conference. */
  select_calendar_day (calendar, "2014-04-25");
  drain ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
  assert_time (mp_meeting_get_start (meeting), "2014-04-25T13:00");
  assert_time (mp_meeting_get_end (meeting), "2014-04-25T14:15");
  label = g_strdup (gtk_string_object_get_string (adw_combo_row_get_selected_item (date_row)));
  g_assert_nonnull (strstr (label, "25"));

  /* A day before it: the Date row offers it too. */
  gtk_menu_button_popup (date_button);
  drain ();
  select_calendar_day (calendar, "2014-04-22");
  drain ();
  assert_time (mp_meeting_get_start (meeting), "2014-04-22T13:00");
  g_assert_cmpuint (adw_combo_row_get_selected (date_row), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (date_row)), ==, 4);

  /* The row still chooses by keyboard: the conference's first day; the
   * day left goes from the row just after. */
  adw_combo_row_set_selected (date_row, 1);
  assert_time (mp_meeting_get_start (meeting), "2014-04-23T13:00");
  drain ();
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (date_row)), ==, 3);
  g_assert_cmpuint (adw_combo_row_get_selected (date_row), ==, 0);

  for (guint i = 0; i < 3; i++)
    g_assert_true (mp_history_undo (history));
  assert_time (mp_meeting_get_start (meeting), "2014-04-24T13:00");
  g_assert_false (mp_history_get_can_undo (history));

  close_window (window);
}

static guint
count_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    n += GTK_IS_LIST_BOX_ROW (row) && gtk_widget_get_child_visible (row);
  return n;
}

/* With many people, the editor lists the meeting's and those searched. */
static void
test_window_editor_many_people (void)
{
  g_autoptr(MpPlan) plan = mp_plan_new ();
  g_autoptr(MpHistory) history = mp_history_new (plan);
  g_autoptr(MpMeeting) meeting = mp_meeting_new ("m");
  g_autoptr(MpDelegation) delegation = mp_delegation_new ("UNO");
  const char *attending[] = { "p0", "p1", NULL };
  MpTime start, end;
  GtkWidget *editor = mp_meeting_editor_new ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *list;
  GtkEditable *search;

  mp_conference_set_time_zone (mp_plan_get_conference (plan), "UTC");
  mp_conference_set_start_date (mp_plan_get_conference (plan), day_of ("2026-09-21"));
  mp_conference_set_end_date (mp_plan_get_conference (plan), day_of ("2026-09-21"));
  mp_delegation_set_name (delegation, "United Nations");
  g_assert_true (mp_plan_add (plan, MP_RECORD (delegation), NULL));
  for (guint i = 0; i < 400; i++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", i);
      g_autofree char *name = g_strdup_printf ("Person %u", i);
      g_autoptr(MpParticipant) person = mp_participant_new (id);

      mp_participant_set_name (person, name);
      mp_participant_set_delegation (person, "UNO");
      g_assert_true (mp_plan_add (plan, MP_RECORD (person), NULL));
    }
  g_assert_true (mp_time_parse ("2026-09-21T10:00", &start, NULL));
  g_assert_true (mp_time_parse ("2026-09-21T11:00", &end, NULL));
  mp_meeting_set_title (meeting, "Consultations");
  mp_meeting_set_start (meeting, &start);
  mp_meeting_set_end (meeting, &end);
  mp_meeting_set_participants (meeting, attending);
  g_assert_true (mp_plan_add (plan, MP_RECORD (meeting), NULL));

  gtk_window_set_child (GTK_WINDOW (window), editor);
  mp_meeting_editor_set_history (MP_MEETING_EDITOR (editor), history);
  mp_meeting_editor_set_meeting (MP_MEETING_EDITOR (editor), meeting);
  list = GTK_WIDGET (gtk_widget_get_template_child (editor, MP_TYPE_MEETING_EDITOR, "participants_list"));
  search = GTK_EDITABLE (gtk_widget_get_template_child (editor, MP_TYPE_MEETING_EDITOR, "participants_search"));
  g_assert_cmpuint (count_rows (list), ==, 2);

  /* "Person 12" finds 12 and 120..129. */
  gtk_editable_set_text (search, "person 12");
  g_signal_emit_by_name (search, "search-changed");
  g_assert_cmpuint (count_rows (list), ==, 11);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *check;

      if (!GTK_IS_LIST_BOX_ROW (row))
        continue;
      check = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
      if (g_strcmp0 (g_object_get_data (G_OBJECT (check), "participant"), "p12") == 0)
        gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
    }
  g_assert_true (mp_meeting_has_participant (meeting, "p12"));
  g_assert_true (mp_history_undo (history));
  g_assert_false (mp_meeting_has_participant (meeting, "p12"));

  gtk_window_destroy (GTK_WINDOW (window));
  drain ();
}

/* Save, load again: the same bytes. A failed save keeps the changes; a
 * failed open keeps the plan. */
static void
test_window_save (void)
{
  g_autoptr(GFile) file = sample_copy ("save.ministerial");
  MpWindow *window = open_window (file);
  MpDocument *document = mp_window_get_document (window);
  MpPlan *plan = mp_document_get_plan (document);
  g_autoptr(GFile) bad_place = g_file_new_for_path ("/nonexistent/folder/plan.ministerial");
  g_autofree char *bad_path = g_build_filename (tmp_dir, "bad.ministerial", NULL);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(MpPlan) reloaded = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *loaded = NULL;
  AdwMessageDialog *dialog;
  gsize saved_length, loaded_length;

  mp_history_begin (mp_document_get_history (document), "Rename Meeting");
  mp_history_set (mp_document_get_history (document), mp_plan_get_meeting (plan, "honors"),
                  "title", "Honors ceremony", NULL);
  mp_history_end (mp_document_get_history (document));
  g_assert_true (mp_document_get_modified (document));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "•"));

  g_assert_false (mp_document_save (document, bad_place, &error));
  g_assert_error (error, MP_PLAN_ERROR, MP_PLAN_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "/nonexistent/folder/plan.ministerial"));
  g_clear_error (&error);
  g_assert_true (mp_document_get_modified (document));
  g_assert_true (mp_document_get_file (document) == file);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  g_assert_false (mp_document_get_modified (document));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "North American Defense Ministerial 2014");

  reloaded = mp_plan_file_load (file, &error);
  g_assert_no_error (error);
  saved = mp_plan_file_to_data (plan, &saved_length);
  loaded = mp_plan_file_to_data (reloaded, &loaded_length);
  g_assert_cmpmem (saved, saved_length, loaded, loaded_length);
  g_assert_cmpstr (mp_meeting_get_title (mp_plan_get_meeting (reloaded, "honors")), ==, "Honors ceremony");

  /* A broken file: the window says so and keeps its plan. */
  g_assert_true (g_file_set_contents (bad_path, "{\"format\": \"ministerial-plan\", \"version\": 1,\n \"conference\": 3}", -1, NULL));
  g_assert_false (mp_window_open (window, bad_file));
  g_assert_true (mp_window_get_document (window) == document);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "bad.ministerial"));
  respond (dialog, "close");

  close_window (window);
}

/* Closing with unsaved changes asks first. */
static void
test_window_close_dialog (void)
{
  g_autoptr(GFile) file = sample_file ();
  MpWindow *window = open_window (file);
  MpDocument *document = mp_window_get_document (window);
  MpPlan *plan = mp_document_get_plan (document);
  AdwMessageDialog *dialog;

  /* No changes: it closes at once. */
  g_object_ref (window);
  gtk_window_close (GTK_WINDOW (window));
  drain ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_null (find_message_dialog ());
  g_object_unref (window);
  g_assert_finalize_object (window);

  window = open_window (file);
  document = mp_window_get_document (window);
  plan = mp_document_get_plan (document);
  mp_history_begin (mp_document_get_history (document), "Delete Meeting");
  mp_history_remove (mp_document_get_history (document), MP_RECORD (mp_plan_get_meeting (plan, "honors")));
  mp_history_end (mp_document_get_history (document));

  gtk_window_close (GTK_WINDOW (window));
  drain ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  respond (dialog, "cancel");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (mp_document_get_modified (document));

  gtk_window_close (GTK_WINDOW (window));
  drain ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  respond (dialog, "discard");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_null (find_message_dialog ());
  g_assert_finalize_object (window);
}

/* A recovery copy after the idle delay, private, and offered back. */
static void
test_window_recovery (void)
{
  g_autoptr(GFile) file = sample_copy ("recover.ministerial");
  MpWindow *window = open_window (file);
  MpDocument *document = mp_window_get_document (window);
  MpPlan *plan = mp_document_get_plan (document);
  g_autofree char *path = mp_document_get_recovery_path (document);
  g_autofree char *origin = g_strconcat (path, ".kept", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) kept = NULL;
  g_autoptr(GFile) copy = NULL;
  g_autoptr(GFile) origin_file = NULL;
  g_autoptr(GFile) origin_kept = NULL;
  g_autofree char *origin_path = NULL;
  g_autofree char *origin_name = NULL;
  g_autofree char *origin_kept_name = NULL;
  GStatBuf st;

  _mp_document_set_recovery_delay (50);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  mp_history_begin (mp_document_get_history (document), "Edit Conference");
  mp_history_set (mp_document_get_history (document), mp_plan_get_conference (plan),
                  "title", "Recovered ministerial", NULL);
  mp_history_end (mp_document_get_history (document));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  for (guint i = 0; i < 200 && !g_file_test (path, G_FILE_TEST_EXISTS); i++)
    wait_ms (10);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "Recovered ministerial"));

  /* As if the process died: keep the copy past the window's end. */
  copy = g_file_new_for_path (path);
  kept = g_file_new_for_path (origin);
  g_assert_true (g_file_copy (copy, kept, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL));
  origin_path = g_strndup (path, strlen (path) - strlen (".ministerial"));
  origin_name = g_strconcat (origin_path, ".origin", NULL);
  origin_kept_name = g_strconcat (origin_path, ".origin.kept", NULL);
  origin_file = g_file_new_for_path (origin_name);
  origin_kept = g_file_new_for_path (origin_kept_name);
  g_assert_true (g_file_copy (origin_file, origin_kept, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL));
  close_window (window);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_move (kept, copy, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL));
  g_assert_true (g_file_move (origin_kept, origin_file, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL));

  window = open_window (NULL);
  g_assert_true (mp_window_check_recovery (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.recover", NULL);
  document = mp_window_get_document (window);
  g_assert_true (mp_document_get_modified (document));
  g_assert_true (g_file_equal (mp_document_get_file (document), file));
  g_assert_cmpstr (mp_conference_get_title (mp_plan_get_conference (mp_document_get_plan (document))),
                   ==, "Recovered ministerial");

  /* Saving removes the copy; nothing is left to offer. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  g_assert_false (mp_document_get_modified (document));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (mp_window_check_recovery (window));

  close_window (window);
  _mp_document_set_recovery_delay (3000);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *state = NULL;
  g_autofree char *data = NULL;
  int result;

  tmp_dir = g_dir_make_tmp ("ministerial-window-XXXXXX", NULL);
  state = g_build_filename (tmp_dir, "state", NULL);
  data = g_build_filename (tmp_dir, "data", NULL);
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  g_setenv ("XDG_DATA_HOME", data, TRUE);

  /* GTK's test accessibility backend: accessible names can be checked,
   * with no D-Bus. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_assert_nonnull (mp_get_resource ());

  g_test_add_func ("/window/open-sample", test_window_open_sample);
  g_test_add_func ("/window/move-meeting", test_window_move_meeting);
  g_test_add_func ("/window/keyboard", test_window_keyboard);
  g_test_add_func ("/window/requests", test_window_requests);
  g_test_add_func ("/window/requests-panel", test_window_requests_panel);
  g_test_add_func ("/window/draft-request", test_window_draft_request);
  g_test_add_func ("/window/place-request-keyboard", test_window_place_request_keyboard);
  g_test_add_func ("/window/conference", test_window_conference);
  g_test_add_func ("/window/narrow", test_window_narrow);
  g_test_add_func ("/window/reopen-last", test_window_reopen_last);
  g_test_add_func ("/window/editor", test_window_editor);
  g_test_add_func ("/window/editor-calendar", test_window_editor_calendar);
  g_test_add_func ("/window/editor-many-people", test_window_editor_many_people);
  g_test_add_func ("/window/save", test_window_save);
  g_test_add_func ("/window/close-dialog", test_window_close_dialog);
  g_test_add_func ("/window/recovery", test_window_recovery);

  result = g_test_run ();

  remove_tree (tmp_dir);
  g_free (tmp_dir);
  return result;
}
