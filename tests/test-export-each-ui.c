/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Export for everyone from the window: the menu's folder chooser, the
 * export in the background with its progress and Stop, the toast at the
 * end, and an error shown. */

#include "config.h"

#include <sys/stat.h>

#include <glib/gstdio.h>
#include <adwaita.h>

#include "mp-resources.h"
#include "mp-window.h"
#include "test-utils.h"

#define SAMPLE "north-american-defense-ministerial-2014.ministerial"

static char *tmp_dir;

static GFile *
sample_file (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("MINISTERIAL_SOURCE_ROOT"), "data", "samples", SAMPLE, NULL);

  return g_file_new_for_path (path);
}

static MpWindow *
open_window (void)
{
  g_autoptr(GFile) file = sample_file ();
  MpWindow *window = mp_window_new (NULL);

  g_object_ref_sink (window);
  g_assert_true (mp_window_open (window, file));
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
close_window (MpWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (window);
}

/* The first widget under root, depth first, that matches. */
static GtkWidget *
find_widget (GtkWidget  *root,
             gboolean  (*match) (GtkWidget *widget, const char *text),
             const char *text)
{
  if (match (root, text))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Mapped or not: a toast's widgets are there as soon as it is added. */
static gboolean
label_starts_with (GtkWidget  *widget,
                   const char *text)
{
  return GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), text);
}

static gboolean
is_button_labelled (GtkWidget  *widget,
                    const char *text)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), text) == 0;
}

static gboolean
on_timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* One turn of the main loop, or 10 ms when nothing happens. */
static void
iterate (void)
{
  gboolean done = FALSE;
  guint tick = g_timeout_add (10, on_timeout_cb, &done);

  g_main_context_iteration (NULL, TRUE);
  if (!done)
    g_source_remove (tick);
}

/* Runs the main loop until a label that starts with text shows in the
 * window: the window keeps drawing while the export runs. */
static GtkLabel *
wait_for_label (GtkWidget  *window,
                const char *text)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add_seconds (60, on_timeout_cb, &timed_out);
  GtkWidget *label;

  while ((label = find_widget (window, label_starts_with, text)) == NULL && !timed_out)
    iterate ();
  if (label == NULL)
    g_error ("No label “%s…” in the window after a minute", text);
  g_source_remove (timeout);
  return GTK_LABEL (label);
}

/* The dialog GtkFileChooserNative falls back to without a portal. */
static GtkWidget *
find_file_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER_DIALOG (toplevel) && gtk_widget_get_visible (toplevel))
        return toplevel;
    }
  return NULL;
}

/* The menu item: a folder chooser, then every calendar written into the
 * folder chosen, while the plan is edited in the window meanwhile (the
 * export has its copy); the toast says where, with Open Folder. */
static void
test_menu_calendars (void)
{
  MpWindow *window = open_window ();
  g_autofree char *folder = g_build_filename (tmp_dir, "calendars", NULL);
  g_autofree char *hagel = g_build_filename (folder, "hagel – Chuck Hagel.ics", NULL);
  g_autofree char *expected = g_strdup_printf ("Wrote 24 calendars to %s", folder);
  g_autoptr(GFile) folder_file = g_file_new_for_path (folder);
  MpParticipant *person;
  GtkWidget *chooser = NULL;
  GtkLabel *label;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-each", "s", "calendars"));
  for (guint i = 0; i < 500 && (chooser = find_file_chooser ()) == NULL; i++)
    iterate ();
  g_assert_nonnull (chooser);
  g_assert_cmpint (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)), ==, GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (chooser)), ==, "Export Calendars for Everyone");
  /* With nothing selected, the chooser gives the folder it shows, once
   * it has listed it. Never answer before: the export would go there. */
  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder_file, NULL));
  for (guint i = 0; i < 500; i++)
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (chosen != NULL && g_file_equal (chosen, folder_file))
        break;
      iterate ();
    }
  {
    g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

    g_assert_nonnull (chosen);
    g_assert_true (g_file_equal (chosen, folder_file));
  }
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);

  /* An edit now does not reach the files being written. */
  person = mp_plan_get_participant (mp_document_get_plan (mp_window_get_document (window)), "hagel");
  mp_participant_set_name (person, "Someone Else");

  label = wait_for_label (GTK_WIDGET (window), "Wrote ");
  g_assert_cmpstr (gtk_label_get_text (label), ==, expected);
  g_assert_nonnull (find_widget (GTK_WIDGET (window), is_button_labelled, "_Open Folder"));

  g_assert_cmpuint (test_count_dir (folder), ==, 25);
  g_assert_cmpuint (test_file_mode (hagel), ==, 0600);

  close_window (window);
}

/* Agendas from the function the menu calls; the toast counts, and Stop
 * stops. */
static void
test_stop_agendas (void)
{
  MpWindow *window = open_window ();
  g_autofree char *folder = g_build_filename (tmp_dir, "agendas", "new", NULL);
  g_autoptr(GFile) folder_file = g_file_new_for_path (folder);
  g_autofree char *index = g_build_filename (folder, "index.csv", NULL);
  GtkWidget *stop = NULL;
  GtkLabel *label;

  /* Stop at once: the thread has not written its first agenda yet. */
  mp_window_export_each (window, folder_file, MP_EXPORT_EACH_AGENDAS);
  label = GTK_LABEL (find_widget (GTK_WIDGET (window), label_starts_with, "Writing agendas… "));
  g_assert_nonnull (label);
  g_assert_cmpstr (gtk_label_get_text (label), ==, "Writing agendas… 0 of 24");
  stop = find_widget (GTK_WIDGET (window), is_button_labelled, "_Stop");
  g_assert_nonnull (stop);
  g_signal_emit_by_name (stop, "clicked");

  label = wait_for_label (GTK_WIDGET (window), "Stopped after ");
  g_assert_true (g_str_has_suffix (gtk_label_get_text (label), " of 24 agendas"));
  /* Whole files only, and no index: the folder says it is not complete. */
  g_assert_cmpuint (test_count_dir (folder), <, 24);
  g_assert_false (g_file_test (index, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (test_file_mode (folder), ==, 0700);

  close_window (window);
}

/* A folder that cannot be made: the window says why, naming it. */
static void
test_error (void)
{
  MpWindow *window = open_window ();
  g_autofree char *blocker = g_build_filename (tmp_dir, "a-file", NULL);
  g_autofree char *folder = g_build_filename (blocker, "calendars", NULL);
  g_autoptr(GFile) folder_file = g_file_new_for_path (folder);
  gboolean timed_out = FALSE;
  guint timeout;
  GtkWindow *dialog = NULL;

  g_assert_true (g_file_set_contents (blocker, "", 0, NULL));
  mp_window_export_each (window, folder_file, MP_EXPORT_EACH_CALENDARS);

  timeout = g_timeout_add_seconds (30, on_timeout_cb, &timed_out);
  while (dialog == NULL && !timed_out)
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      iterate ();
      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

          if (ADW_IS_MESSAGE_DIALOG (toplevel))
            dialog = GTK_WINDOW (toplevel);
        }
    }
  g_assert_nonnull (dialog);
  g_source_remove (timeout);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Could Not Export");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), blocker));
  gtk_window_destroy (dialog);

  close_window (window);
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

/* Calendars go out with the plan's own uids and sequences: a meeting new
 * since the last save gets its uid in the plan (so the next export, and
 * the next save, keep it), a moved one a raised sequence, once. */
static void
test_calendar_uids (void)
{
  MpWindow *window = open_window ();
  MpDocument *document = mp_window_get_document (window);
  MpPlan *plan = mp_document_get_plan (document);
  MpMeeting *moved = mp_plan_get_meeting (plan, "bilateral-usa-semar");
  g_autoptr(MpMeeting) added = mp_meeting_new ("new-bilateral");
  g_autofree char *path = g_build_filename (tmp_dir, "plan.ics", NULL);
  g_autofree char *folder = g_build_filename (tmp_dir, "uids", NULL);
  g_autofree char *hagel = g_build_filename (folder, "hagel – Chuck Hagel.ics", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) folder_file = g_file_new_for_path (folder);
  g_autoptr(GError) error = NULL;
  const char * const people[] = { "hagel", "cienfuegos", NULL };
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *each = NULL;
  g_autofree char *uid_line = NULL;
  g_autofree char *sequence_line = NULL;
  guint sequence = mp_meeting_get_sequence (moved);
  MpTime start, end;

  g_assert_true (mp_time_parse ("2014-04-24T15:00", &start, &error));
  g_assert_true (mp_time_parse ("2014-04-24T15:30", &end, &error));
  mp_meeting_set_title (added, "Hagel–Cienfuegos pull-aside");
  mp_meeting_set_room (added, "conference-room-b");
  mp_meeting_set_start (added, &start);
  mp_meeting_set_end (added, &end);
  mp_meeting_set_participants (added, people);
  g_assert_true (mp_plan_add (plan, MP_RECORD (added), NULL));
  g_assert_null (mp_meeting_get_uid (added));

  g_assert_true (mp_time_parse ("2014-04-24T12:15", &start, &error));
  g_assert_true (mp_time_parse ("2014-04-24T13:00", &end, &error));
  mp_meeting_set_start (moved, &start);
  mp_meeting_set_end (moved, &end);

  g_assert_true (mp_window_export_calendar (window, file, &error));
  g_assert_no_error (error);
  g_assert_nonnull (mp_meeting_get_uid (added));
  g_assert_cmpuint (mp_meeting_get_sequence (moved), ==, sequence + 1);
  g_assert_true (mp_document_get_modified (document));

  uid_line = g_strdup_printf ("UID:%s", mp_meeting_get_uid (added));
  sequence_line = g_strdup_printf ("SEQUENCE:%u", sequence + 1);
  first = read_text (path);
  g_assert_nonnull (strstr (first, uid_line));
  g_assert_nonnull (strstr (first, sequence_line));

  /* Again, nothing moved since: the same uid, the sequence not raised. */
  g_assert_true (mp_window_export_calendar (window, file, &error));
  g_assert_cmpuint (mp_meeting_get_sequence (moved), ==, sequence + 1);
  second = read_text (path);
  g_assert_nonnull (strstr (second, uid_line));

  /* Every person's calendar carries the same uid. */
  mp_window_export_each (window, folder_file, MP_EXPORT_EACH_CALENDARS);
  wait_for_label (GTK_WIDGET (window), "Wrote ");
  each = read_text (hagel);
  g_assert_nonnull (strstr (each, uid_line));

  mp_document_discard_recovery (document);
  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *state = NULL;
  g_autofree char *data = NULL;
  int result;

  tmp_dir = g_dir_make_tmp ("ministerial-export-each-XXXXXX", NULL);
  state = g_build_filename (tmp_dir, "state", NULL);
  data = g_build_filename (tmp_dir, "data", NULL);
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  /* The chooser is GTK's own dialog, driven from here. */
  g_setenv ("GTK_USE_PORTAL", "0", TRUE);

  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_assert_nonnull (mp_get_resource ());

  g_test_add_func ("/export-each-ui/menu-calendars", test_menu_calendars);
  g_test_add_func ("/export-each-ui/stop-agendas", test_stop_agendas);
  g_test_add_func ("/export-each-ui/error", test_error);
  g_test_add_func ("/export-each-ui/calendar-uids", test_calendar_uids);

  result = g_test_run ();

  test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return result;
}
