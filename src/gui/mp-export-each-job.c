/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mp-export-each-job"

#include "config.h"

#include <glib/gi18n.h>

#include "mp-export-each-job.h"
#include "mp-plan-file.h"

typedef struct
{
  GMainContext     *context;    /* the window's */
  AdwToastOverlay  *overlay;    /* weak: the window may close meanwhile */
  AdwToast         *progress;   /* NULL once gone */
  GtkLabel         *label;
  GFile            *folder;
  char             *path;
  char             *data;       /* the plan, serialised */
  gsize             length;
  MpExportEachKind  kind;
  int               n_files;    /* atomic: set by the thread */
  int               n_written;  /* atomic: set by the thread */
  int               update_pending;
  gboolean          held;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  if (job->held)
    g_application_release (g_application_get_default ());
  g_clear_pointer (&job->context, g_main_context_unref);
  g_clear_weak_pointer (&job->overlay);
  g_clear_object (&job->progress);
  g_clear_object (&job->label);
  g_clear_object (&job->folder);
  g_clear_pointer (&job->path, g_free);
  g_clear_pointer (&job->data, g_free);
  g_free (job);
}

/* In the window's thread: the toast says how far the export got. */
static gboolean
update_progress_cb (gpointer data)
{
  Job *job = g_task_get_task_data (data);
  guint n_files = g_atomic_int_get (&job->n_files);
  g_autofree char *text = NULL;

  g_atomic_int_set (&job->update_pending, 0);
  text = mp_export_each_format_progress (job->kind, g_atomic_int_get (&job->n_written), n_files);
  gtk_label_set_text (job->label, text);

  return G_SOURCE_REMOVE;
}

/* In the export's thread. At most one update waits at a time: the
 * window redraws when it can, not 2,000 times. */
static void
schedule_update (GTask *task)
{
  Job *job = g_task_get_task_data (task);

  if (g_atomic_int_compare_and_exchange (&job->update_pending, 0, 1))
    g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, update_progress_cb,
                                g_object_ref (task), g_object_unref);
}

static void
on_progress (guint    n_written,
             guint    n_files,
             gpointer user_data)
{
  Job *job = g_task_get_task_data (user_data);

  g_atomic_int_set (&job->n_written, n_written);
  schedule_update (user_data);
}

static void
export_thread (GTask        *inner,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GTask *task = task_data;
  Job *job = g_task_get_task_data (task);
  g_autoptr(MpExportEach) each = NULL;
  g_autoptr(MpPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  /* The copy: the window's plan stays the window's, to edit meanwhile. */
  plan = mp_plan_file_load_data (job->data, job->length, job->path, &error);
  if (plan == NULL)
    {
      g_task_return_error (inner, g_steal_pointer (&error));
      return;
    }

  each = mp_export_each_new (plan, job->kind, MP_EXPORT_EACH_DEFAULT);
  g_atomic_int_set (&job->n_files, mp_export_each_get_n_files (each));
  schedule_update (task);

  ok = mp_export_each_write (each, job->path, on_progress, task, cancellable, &error);
  g_atomic_int_set (&job->n_written, mp_export_each_get_n_written (each));
  if (ok)
    g_task_return_boolean (inner, TRUE);
  else
    g_task_return_error (inner, g_steal_pointer (&error));
}

static void
on_open_folder_clicked_cb (AdwToast *toast,
                           GTask    *task)
{
  Job *job = g_task_get_task_data (task);
  GtkRoot *root = job->overlay != NULL ? gtk_widget_get_root (GTK_WIDGET (job->overlay)) : NULL;
  g_autofree char *uri = g_file_get_uri (job->folder);

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

static void
on_stop_clicked_cb (AdwToast     *toast,
                    GCancellable *cancellable)
{
  g_cancellable_cancel (cancellable);
}

static void
on_progress_dismissed_cb (AdwToast *toast,
                          Job      *job)
{
  g_clear_object (&job->progress);
}

/* Says what was written where, with a button that shows it. */
static void
show_result (GTask      *task,
             const char *text)
{
  Job *job = g_task_get_task_data (task);
  g_autofree char *markup = g_markup_escape_text (text, -1);
  AdwToast *toast;

  if (job->overlay == NULL)
    return;

  toast = adw_toast_new (markup);

  adw_toast_set_button_label (toast, _("_Open Folder"));
  adw_toast_set_timeout (toast, 10);
  /* The task keeps the folder for the button; the toast keeps the task. */
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_open_folder_clicked_cb),
                         g_object_ref (task), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  adw_toast_overlay_add_toast (job->overlay, toast);
}

static void
on_export_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Job *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *where = g_file_get_parse_name (job->folder);
  guint n_written = g_atomic_int_get (&job->n_written);
  guint n_files = g_atomic_int_get (&job->n_files);

  if (job->progress != NULL)
    {
      g_signal_handlers_disconnect_by_data (job->progress, job);
      adw_toast_dismiss (job->progress);
      g_clear_object (&job->progress);
    }

  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *text = mp_export_each_format_done (job->kind, n_written, where);

      show_result (task, text);
      g_task_return_boolean (task, TRUE);
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *text = NULL;

      if (job->kind == MP_EXPORT_EACH_CALENDARS)
        /* TRANSLATORS: after Stop; how many calendars were written; how
         * many there were to write */
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Stopped after %'u of %'u calendar",
                                             "Stopped after %'u of %'u calendars", n_files),
                                n_written, n_files);
      else
        /* TRANSLATORS: after Stop; how many agendas were written; how
         * many there were to write */
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Stopped after %'u of %'u agenda",
                                             "Stopped after %'u of %'u agendas", n_files),
                                n_written, n_files);
      show_result (task, text);
    }

  g_task_return_error (task, g_steal_pointer (&error));
}

void
mp_export_each_job_start (AdwToastOverlay     *overlay,
                          MpPlan              *plan,
                          MpExportEachKind     kind,
                          GFile               *folder,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GCancellable) own_cancellable = NULL;
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) inner = NULL;
  g_autofree char *text = NULL;
  GtkWidget *label;
  Job *job;

  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));
  g_return_if_fail (MP_IS_PLAN (plan));
  g_return_if_fail (G_IS_FILE (folder));

  /* The Stop button needs something to cancel. */
  if (cancellable == NULL)
    cancellable = own_cancellable = g_cancellable_new ();

  job = g_new0 (Job, 1);
  job->context = g_main_context_ref_thread_default ();
  g_set_weak_pointer (&job->overlay, overlay);
  job->folder = g_object_ref (folder);
  job->path = g_file_get_path (folder);
  job->kind = kind;
  /* Calendars carry each meeting's uid and sequence: the plan's own, so
   * that a later export updates these events instead of adding others. */
  if (kind == MP_EXPORT_EACH_CALENDARS)
    mp_plan_file_prepare (plan);
  job->data = mp_plan_file_to_data (plan, &job->length);
  /* What the thread will find, so the toast has it from the start. */
  job->n_files = g_list_model_get_n_items (mp_plan_get_delegations (plan)) +
                 g_list_model_get_n_items (mp_plan_get_participants (plan));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, mp_export_each_job_start);
  g_task_set_task_data (task, job, job_free);

  if (job->path == NULL)
    {
      g_autofree char *where = g_file_get_parse_name (folder);

      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("“%s” is not a folder on this computer: choose a local folder"), where);
      return;
    }

  /* Closing the last window must not end the process half-way. */
  if (g_application_get_default () != NULL)
    {
      g_application_hold (g_application_get_default ());
      job->held = TRUE;
    }

  text = mp_export_each_format_progress (kind, 0, job->n_files);
  label = gtk_label_new (text);
  gtk_widget_add_css_class (label, "numeric");
  job->label = GTK_LABEL (g_object_ref_sink (label));
  job->progress = adw_toast_new ("");
  adw_toast_set_custom_title (job->progress, label);
  adw_toast_set_timeout (job->progress, 0);
  adw_toast_set_priority (job->progress, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_button_label (job->progress, _("_Stop"));
  g_signal_connect_object (job->progress, "button-clicked", G_CALLBACK (on_stop_clicked_cb), cancellable, 0);
  g_signal_connect (job->progress, "dismissed", G_CALLBACK (on_progress_dismissed_cb), job);
  adw_toast_overlay_add_toast (overlay, g_object_ref (job->progress));

  inner = g_task_new (NULL, cancellable, on_export_done_cb, g_object_ref (task));
  g_task_set_task_data (inner, g_object_ref (task), g_object_unref);
  g_task_run_in_thread (inner, export_thread);
}

gboolean
mp_export_each_job_finish (GAsyncResult  *result,
                           guint         *n_written,
                           GError       **error)
{
  Job *job;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == mp_export_each_job_start, FALSE);

  job = g_task_get_task_data (G_TASK (result));
  if (n_written != NULL)
    *n_written = g_atomic_int_get (&job->n_written);
  return g_task_propagate_boolean (G_TASK (result), error);
}
