/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mp-window"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "mp-conference-window.h"
#include "mp-conflict-list.h"
#include "mp-conflicts-panel.h"
#include "mp-export-each-job.h"
#include "mp-meeting-editor.h"
#include "mp-page.h"
#include "mp-plan-file.h"
#include "mp-timeline.h"
#include "mp-week-view.h"
#include "mp-window.h"

/* Parts written alongside the window: wired in once they are in the tree. */
#if __has_include("mp-scheduler.h")
# include "mp-scheduler.h"
# define MP_HAVE_SCHEDULER 1
#endif
#if __has_include("mp-ics.h")
# include "mp-ics.h"
# define MP_HAVE_ICS 1
#endif
#if __has_include("mp-print.h") && __has_include("mp-agenda.h")
# include "mp-agenda.h"
# include "mp-print.h"
# define MP_HAVE_AGENDA 1
#endif
#if __has_include("mp-delegations-page.h")
# include "mp-delegations-page.h"
# define MP_HAVE_DELEGATIONS_PAGE 1
#endif
#if __has_include("mp-people-page.h")
# include "mp-people-page.h"
# define MP_HAVE_PEOPLE_PAGE 1
#endif
#if __has_include("mp-rooms-page.h")
# include "mp-rooms-page.h"
# define MP_HAVE_ROOMS_PAGE 1
#endif
#if __has_include("mp-requests-page.h")
# include "mp-requests-page.h"
# define MP_HAVE_REQUESTS_PAGE 1
#endif

#define MIME_TYPE "application/x-ministerial"
#define N_RECENT  8
/* When the timeline and the panes open beside it (editor, requests,
 * conflicts) leave less than this, the sidebar folds away so the timeline
 * has the width; the sidebar button shows it over the timeline. */
#define FOLD_WIDTH 900

struct _MpWindow
{
  AdwApplicationWindow  parent_instance;

  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkLabel             *day_label;
  GtkLabel             *badge;
  GtkWidget            *conflicts_button;
  GtkWidget            *schedule_button;
  GtkInfoBar           *recovery_bar;
  GtkLabel             *recovery_label;
  AdwFlap              *flap;
  GtkListBox           *sidebar;
  GtkStack             *stack;
  GtkDropDown          *filter_dropdown;
  GtkLabel             *summary_label;
  MpTimeline           *timeline;
  GtkStack             *view_stack;
  GtkToggleButton      *day_button;
  GtkToggleButton      *week_button;
  MpWeekView           *week_view;
  GtkRevealer          *editor_revealer;
  MpMeetingEditor      *editor;
  GtkRevealer          *conflicts_revealer;
  MpConflictsPanel     *conflicts_panel;
  GtkWidget            *requests_button;
  GtkRevealer          *requests_revealer;
  GtkBox               *requests_pane;
  GtkWidget            *requests_panel;  /* made when first shown */
  GMenu                *recent_menu;
  GMenu                *export_section;
  GMenu                *history_section;

  GSettings            *settings;
  MpDocument           *document;
  MpConflictList       *conflicts;
  GPtrArray            *filter_ids;     /* position in filter_dropdown → id */
  GPtrArray            *pages;          /* of MpPage */
  MpRecovery           *recovery;       /* offered in recovery_bar */
  gboolean              close_confirmed;
  gboolean              close_after_save;
  gboolean              updating_filter;
  guint                 fold_idle;
};

G_DEFINE_FINAL_TYPE (MpWindow, mp_window, ADW_TYPE_APPLICATION_WINDOW)

static void update_title (MpWindow *self);
static void save_as (MpWindow *self);
static gboolean ensure_page (MpWindow *self, const char *name);

/* Messages ---------------------------------------------------------------- */

static void
show_error (MpWindow   *self,
            const char *heading,
            const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
toast (MpWindow   *self,
       const char *title,
       const char *action)
{
  AdwToast *t = adw_toast_new (title);

  if (action != NULL)
    {
      adw_toast_set_button_label (t, _("_Undo"));
      adw_toast_set_action_name (t, action);
    }
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

/* Day, filter, second clock ----------------------------------------------- */

static MpPlan *
get_plan (MpWindow *self)
{
  return mp_document_get_plan (self->document);
}

static void
update_day (MpWindow *self)
{
  MpConference *conference = mp_plan_get_conference (get_plan (self));
  gint64 day = mp_timeline_get_day (self->timeline);
  g_autoptr(GDateTime) date = g_date_time_new_from_unix_utc (day * MP_SECONDS_PER_DAY);
  /* Translators: the day switcher's label, as strftime () writes it */
  g_autofree char *label = g_date_time_format (date, _("%a %-d %B"));
  g_autofree char *full = g_date_time_format (date, _("%A %-d %B %Y"));
  g_autoptr(GPtrArray) meetings = mp_timeline_list_meetings (self->timeline);
  g_autofree char *summary = NULL;

  gtk_label_set_label (self->day_label, label);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->day_label), full);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->day_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, full, -1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.previous-day",
                                 day > mp_conference_get_start_date (conference));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next-day",
                                 day < mp_conference_get_end_date (conference));

  if (gtk_toggle_button_get_active (self->week_button))
    {
      guint n = mp_week_view_count_all (self->week_view);

      /* Translators: the week view's summary: the meetings of every day, as filtered */
      summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u meeting in all", "%u meetings in all", n), n);
    }
  else
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u meeting on %s", "%u meetings on %s",
                                            meetings->len),
                               meetings->len, full);
  gtk_label_set_label (self->summary_label, summary);
}

static void
update_badge (MpWindow *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->conflicts));
  g_autofree char *text = g_strdup_printf ("%u", n);
  g_autofree char *tooltip = NULL;

  gtk_label_set_label (self->badge, text);
  gtk_widget_set_visible (GTK_WIDGET (self->badge), n > 0);
  tooltip = n > 0 ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Show Conflicts (%u)", "Show Conflicts (%u)", n), n)
                  : g_strdup (_("Show Conflicts (none)"));
  gtk_widget_set_tooltip_text (self->conflicts_button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->conflicts_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
}

static void
rebuild_filter (MpWindow *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  MpPlan *plan = get_plan (self);
  GListModel *delegations = mp_plan_get_delegations (plan);
  GListModel *participants = mp_plan_get_participants (plan);
  const char *current = mp_timeline_get_filter (self->timeline);
  g_autofree char *keep = g_strdup (current);
  guint selected = 0;

  g_ptr_array_set_size (self->filter_ids, 0);
  gtk_string_list_append (labels, _("All Meetings"));
  g_ptr_array_add (self->filter_ids, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (delegations); i++)
    {
      g_autoptr(MpDelegation) d = g_list_model_get_item (delegations, i);
      const char *id = mp_record_get_id (MP_RECORD (d));
      g_autofree char *label = g_strdup_printf ("%s — %s", id, mp_delegation_get_name (d));

      gtk_string_list_append (labels, label);
      g_ptr_array_add (self->filter_ids, g_strdup (id));
    }
  for (guint i = 0; i < g_list_model_get_n_items (participants); i++)
    {
      g_autoptr(MpParticipant) p = g_list_model_get_item (participants, i);
      const char *id = mp_record_get_id (MP_RECORD (p));
      g_autofree char *label = g_strdup_printf ("%s (%s)", mp_participant_get_name (p),
                                                mp_participant_get_delegation (p));

      gtk_string_list_append (labels, label);
      g_ptr_array_add (self->filter_ids, g_strdup (id));
    }

  for (guint i = 1; keep != NULL && i < self->filter_ids->len; i++)
    if (g_str_equal (g_ptr_array_index (self->filter_ids, i), keep))
      selected = i;

  self->updating_filter = TRUE;
  gtk_drop_down_set_model (self->filter_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->filter_dropdown, selected);
  self->updating_filter = FALSE;
  mp_timeline_set_filter (self->timeline, g_ptr_array_index (self->filter_ids, selected));
}

static void
on_filter_selected_cb (GtkDropDown *dropdown,
                       GParamSpec  *pspec,
                       MpWindow    *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->updating_filter || self->filter_ids == NULL || selected >= self->filter_ids->len)
    return;
  mp_timeline_set_filter (self->timeline, g_ptr_array_index (self->filter_ids, selected));
}

static void
update_second_clock (MpWindow *self)
{
  MpPlan *plan = get_plan (self);
  const char *conference_zone = mp_conference_get_time_zone (mp_plan_get_conference (plan));
  g_autofree char *wanted = g_settings_get_string (self->settings, "second-clock-delegation");
  MpDelegation *chosen = NULL;

  if (!g_settings_get_boolean (self->settings, "show-second-clock"))
    {
      mp_timeline_set_second_clock (self->timeline, NULL, NULL);
      return;
    }

  if (wanted[0] != '\0')
    chosen = mp_plan_get_delegation (plan, wanted);
  if (chosen == NULL || mp_delegation_get_home_time_zone (chosen) == NULL)
    {
      GListModel *delegations = mp_plan_get_delegations (plan);
      int best = G_MAXINT;

      chosen = NULL;
      for (guint i = 0; i < g_list_model_get_n_items (delegations); i++)
        {
          g_autoptr(MpDelegation) d = g_list_model_get_item (delegations, i);
          const char *home = mp_delegation_get_home_time_zone (d);

          if (home != NULL && g_strcmp0 (home, conference_zone) != 0 &&
              mp_delegation_get_precedence (d) < best)
            {
              best = mp_delegation_get_precedence (d);
              chosen = d;
            }
          else if (home != NULL && g_strcmp0 (home, conference_zone) != 0 && chosen == NULL)
            chosen = d;
        }
    }

  if (chosen == NULL)
    {
      mp_timeline_set_second_clock (self->timeline, NULL, NULL);
      return;
    }

  mp_timeline_set_second_clock (self->timeline,
                                mp_plan_get_zone (plan, mp_delegation_get_home_time_zone (chosen)),
                                mp_record_get_id (MP_RECORD (chosen)));
}

static void
on_settings_changed_cb (GSettings  *settings,
                        const char *key,
                        MpWindow   *self)
{
  if (g_str_equal (key, "show-second-clock") || g_str_equal (key, "second-clock-delegation"))
    update_second_clock (self);
}

/* Title and state --------------------------------------------------------- */

static void
update_title (MpWindow *self)
{
  g_autofree char *title = mp_document_dup_title (self->document);
  GFile *file = mp_document_get_file (self->document);
  g_autofree char *name = NULL;
  g_autofree char *subtitle = NULL;
  gboolean modified = mp_document_get_modified (self->document);

  if (file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (file);
      name = g_filename_display_name (basename);
    }

  if (modified)
    subtitle = name != NULL ? g_strdup_printf (_("%s — Unsaved Changes"), name) : g_strdup (_("Unsaved Changes"));
  else
    subtitle = g_strdup (name != NULL ? name : _("Not Saved Yet"));

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  if (modified)
    {
      g_autofree char *starred = g_strdup_printf ("• %s", title);
      gtk_window_set_title (GTK_WINDOW (self), starred);
    }
  else
    gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
on_document_notify_cb (MpDocument *document,
                       GParamSpec *pspec,
                       MpWindow   *self)
{
  update_title (self);
}

/* The main menu's Undo and Redo say which step: “Undo Move Meeting”. */
static void
update_history_menu (MpWindow  *self,
                     MpHistory *history)
{
  const char *undo = mp_history_get_undo_label (history);
  const char *redo = mp_history_get_redo_label (history);
  /* Translators: the main menu's Undo item; %s names the step undone,
   * in header case, as in “Undo Move Meeting” */
  g_autofree char *undo_item = undo != NULL ? g_strdup_printf (_("_Undo %s"), undo) : g_strdup (_("_Undo"));
  /* Translators: the main menu's Redo item; %s names the step redone,
   * in header case, as in “Redo Move Meeting” */
  g_autofree char *redo_item = redo != NULL ? g_strdup_printf (_("_Redo %s"), redo) : g_strdup (_("_Redo"));

  g_menu_remove_all (self->history_section);
  g_menu_append (self->history_section, undo_item, "win.undo");
  g_menu_append (self->history_section, redo_item, "win.redo");
}

static void
on_history_notify_cb (MpHistory  *history,
                      GParamSpec *pspec,
                      MpWindow   *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", mp_history_get_can_undo (history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", mp_history_get_can_redo (history));
  if (pspec == NULL || g_str_has_suffix (pspec->name, "-label"))
    update_history_menu (self, history);
}

static void
week_cursor_to_day (MpWindow *self)
{
  mp_week_view_set_cursor (self->week_view, mp_timeline_get_day (self->timeline),
                           mp_week_view_get_cursor_room (self->week_view));
}

static void
on_timeline_day_cb (MpTimeline *timeline,
                    GParamSpec *pspec,
                    MpWindow   *self)
{
  /* The week shows what the day shows: one filter for both, and the day
   * switcher moves the week's cursor (a hidden week is laid out only when
   * shown). */
  mp_week_view_set_filter (self->week_view, mp_timeline_get_filter (self->timeline));
  if (gtk_toggle_button_get_active (self->week_button))
    week_cursor_to_day (self);
  update_day (self);
}

static void
on_view_toggled_cb (GtkToggleButton *button,
                    MpWindow        *self)
{
  gboolean week = gtk_toggle_button_get_active (self->week_button);

  if (!gtk_toggle_button_get_active (button))
    return;
  gtk_stack_set_visible_child_name (self->view_stack, week ? "week" : "day");
  if (week && self->document != NULL)
    week_cursor_to_day (self);
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "timeline-view", week ? "week" : "day");
  if (self->document != NULL)
    update_day (self);
}

/* Alt+1 and Alt+2: keys that mean the same in every language, where the
 * buttons' mnemonics do not. */
static void
timeline_view_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  MpWindow *self = MP_WINDOW (widget);
  gboolean week = g_str_equal (g_variant_get_string (parameter, NULL), "week");

  gtk_stack_set_visible_child_name (self->stack, "timeline");
  gtk_toggle_button_set_active (week ? self->week_button : self->day_button, TRUE);
}

/* A day of the week view opens on the timeline, at the meeting clicked. */
static void
on_week_day_activated_cb (MpWeekView *view,
                          gint64      day,
                          MpMeeting  *meeting,
                          MpWindow   *self)
{
  gtk_toggle_button_set_active (self->day_button, TRUE);
  if (meeting != NULL)
    {
      mp_window_show_meeting (self, mp_record_get_id (MP_RECORD (meeting)));
      return;
    }
  mp_timeline_set_day (self->timeline, day);
  gtk_widget_grab_focus (GTK_WIDGET (self->timeline));
}

static void
on_plan_changed_cb (MpPlan   *plan,
                    MpWindow *self)
{
  MpConference *conference = mp_plan_get_conference (plan);
  gint64 day = mp_timeline_get_day (self->timeline);
  gint64 first = mp_conference_get_start_date (conference);
  gint64 last = MAX (first, mp_conference_get_end_date (conference));

  /* The conference's dates changed: show one of its days. */
  if (day < first || day > last)
    mp_timeline_set_day (self->timeline, CLAMP (day, first, last));
  update_day (self);
}

static void
on_people_changed_cb (GListModel *model,
                      guint       position,
                      guint       removed,
                      guint       added,
                      MpWindow   *self)
{
  rebuild_filter (self);
}

static void
on_conflicts_changed_cb (GListModel *model,
                         guint       position,
                         guint       removed,
                         guint       added,
                         MpWindow   *self)
{
  update_badge (self);
}

static void
on_selected_cb (MpTimeline *timeline,
                GParamSpec *pspec,
                MpWindow   *self)
{
  MpMeeting *meeting = mp_timeline_get_selected (timeline);

  if (meeting != NULL && gtk_revealer_get_reveal_child (self->editor_revealer))
    mp_meeting_editor_set_meeting (self->editor, meeting);
}

/* Pages are made when first shown (a page of 2,000 people costs its rows
 * only once someone looks at it), and follow the document after. */
static void
update_pages (MpWindow *self)
{
  MpHistory *history = self->document != NULL ? mp_document_get_history (self->document) : NULL;

  for (guint i = 0; i < self->pages->len; i++)
    mp_page_set_history (MP_PAGE (g_ptr_array_index (self->pages, i)), history);
}

void
mp_window_set_document (MpWindow   *self,
                        MpDocument *document)
{
  MpHistory *history;
  MpPlan *plan;

  g_return_if_fail (MP_IS_WINDOW (self));
  g_return_if_fail (MP_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    {
      MpPlan *old = mp_document_get_plan (self->document);

      g_signal_handlers_disconnect_by_data (self->document, self);
      g_signal_handlers_disconnect_by_data (mp_document_get_history (self->document), self);
      g_signal_handlers_disconnect_by_data (old, self);
      g_signal_handlers_disconnect_by_data (mp_plan_get_delegations (old), self);
      g_signal_handlers_disconnect_by_data (mp_plan_get_participants (old), self);
    }

  g_set_object (&self->document, document);
  history = mp_document_get_history (document);
  plan = mp_document_get_plan (document);

  g_signal_connect_object (document, "notify", G_CALLBACK (on_document_notify_cb), self, 0);
  g_signal_connect_object (history, "notify", G_CALLBACK (on_history_notify_cb), self, 0);
  g_signal_connect_object (plan, "changed", G_CALLBACK (on_plan_changed_cb), self, G_CONNECT_AFTER);
  g_signal_connect_object (mp_plan_get_delegations (plan), "items-changed",
                           G_CALLBACK (on_people_changed_cb), self, 0);
  g_signal_connect_object (mp_plan_get_participants (plan), "items-changed",
                           G_CALLBACK (on_people_changed_cb), self, 0);

  gtk_revealer_set_reveal_child (self->editor_revealer, FALSE);
  mp_meeting_editor_set_meeting (self->editor, NULL);
  mp_meeting_editor_set_history (self->editor, history);
  mp_timeline_set_history (self->timeline, history);
  mp_week_view_set_plan (self->week_view, plan);
  mp_conflict_list_set_plan (self->conflicts, plan);
  update_pages (self);

  rebuild_filter (self);
  update_second_clock (self);
  update_title (self);
  update_day (self);
  update_badge (self);
  on_history_notify_cb (history, NULL, self);
}

MpDocument *
mp_window_get_document (MpWindow *self)
{
  g_return_val_if_fail (MP_IS_WINDOW (self), NULL);

  return self->document;
}

gboolean
mp_window_is_replaceable (MpWindow *self)
{
  g_return_val_if_fail (MP_IS_WINDOW (self), FALSE);

  return mp_document_get_file (self->document) == NULL &&
         !mp_document_get_modified (self->document) &&
         g_list_model_get_n_items (mp_plan_get_meetings (get_plan (self))) == 0;
}

/* Files ------------------------------------------------------------------- */

static void
add_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = {
    .mime_type = (char *) MIME_TYPE,
    .app_name = (char *) g_get_application_name (),
    .app_exec = (char *) "ministerial %u",
  };

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

gboolean
mp_window_open (MpWindow *self,
                GFile    *file)
{
  g_autoptr(MpDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;

  g_return_val_if_fail (MP_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  document = mp_document_load (file, &error);
  if (document == NULL)
    {
      show_error (self, _("Could Not Open the Plan"), error->message);
      return FALSE;
    }

  mp_window_set_document (self, document);
  add_recent (file);
  uri = g_file_get_uri (file);
  g_settings_set_string (self->settings, "last-plan", uri);
  return TRUE;
}

static gboolean
save_to (MpWindow *self,
         GFile    *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;

  if (!mp_document_save (self->document, file, &error))
    {
      show_error (self, _("Could Not Save the Plan"), error->message);
      self->close_after_save = FALSE;
      return FALSE;
    }

  add_recent (mp_document_get_file (self->document));
  uri = g_file_get_uri (mp_document_get_file (self->document));
  g_settings_set_string (self->settings, "last-plan", uri);
  toast (self, _("Plan saved"), NULL);
  if (self->close_after_save)
    {
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
  return TRUE;
}

static GtkFileFilter *
plan_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Ministerial plans"));
  gtk_file_filter_add_mime_type (filter, MIME_TYPE);
  gtk_file_filter_add_suffix (filter, "ministerial");
  return filter;
}

static void
on_save_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     MpWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      /* Give the plan its extension when the person left it out. */
      if (path != NULL && !g_str_has_suffix (path, ".ministerial"))
        {
          g_autofree char *with = g_strconcat (path, ".ministerial", NULL);
          g_autoptr(GFile) named = g_file_new_for_path (with);

          g_set_object (&file, named);
        }
      save_to (self, file);
    }
  else
    self->close_after_save = FALSE;

  g_object_unref (dialog);
}

static void
save_as (MpWindow *self)
{
  GtkFileChooserNative *dialog =
    gtk_file_chooser_native_new (_("Save Plan"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                 _("_Save"), _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = plan_filter ();
  GFile *file = mp_document_get_file (self->document);

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  if (file != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (dialog), file, NULL);
  else
    {
      g_autofree char *title = mp_document_dup_title (self->document);
      g_autofree char *name = g_strconcat (title, ".ministerial", NULL);

      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
    }

  g_signal_connect (dialog, "response", G_CALLBACK (on_save_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_open_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     MpWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (mp_window_is_replaceable (self))
        mp_window_open (self, file);
      else
        g_application_open (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))),
                            &file, 1, "");
    }

  g_object_unref (dialog);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GtkFileChooserNative *dialog =
    gtk_file_chooser_native_new (_("Open Plan"), GTK_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_OPEN,
                                 _("_Open"), _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = plan_filter ();

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_signal_connect (dialog, "response", G_CALLBACK (on_open_response_cb), widget);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  MpWindow *self = MP_WINDOW (widget);
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  if (mp_window_is_replaceable (self))
    mp_window_open (self, file);
  else
    g_application_open (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))), &file, 1, "");
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MpWindow *self = MP_WINDOW (widget);

  if (mp_document_get_file (self->document) == NULL)
    save_as (self);
  else
    save_to (self, NULL);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  save_as (MP_WINDOW (widget));
}

static void
rebuild_recent (MpWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  guint n = 0;

  g_menu_remove_all (self->recent_menu);
  for (GList *l = items; l != NULL && n < N_RECENT; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *uri = gtk_recent_info_get_uri (info);
      g_autoptr(GMenuItem) item = NULL;

      if (!g_str_has_suffix (uri, ".ministerial") ||
          (g_str_has_prefix (uri, "file:") && !gtk_recent_info_exists (info)))
        continue;

      item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);
      g_menu_item_set_action_and_target_value (item, "win.open-recent", g_variant_new_string (uri));
      g_menu_append_item (self->recent_menu, item);
      n++;
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);

  if (n == 0)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_("No Recent Plans"), "win.no-recent");
      g_menu_append_item (self->recent_menu, item);
    }
}

static void
on_recent_changed_cb (GtkRecentManager *manager,
                      MpWindow         *self)
{
  rebuild_recent (self);
}

/* Closing ----------------------------------------------------------------- */

static void
on_close_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      MpWindow         *self)
{
  if (g_str_equal (response, "discard"))
    {
      self->close_confirmed = TRUE;
      mp_document_discard_recovery (self->document);
      gtk_window_close (GTK_WINDOW (self));
    }
  else if (g_str_equal (response, "save"))
    {
      self->close_after_save = TRUE;
      if (mp_document_get_file (self->document) == NULL)
        save_as (self);
      else
        save_to (self, NULL);
    }
}

static void
save_window_state (MpWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
}

static gboolean
mp_window_close_request (GtkWindow *window)
{
  MpWindow *self = MP_WINDOW (window);
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  save_window_state (self);

  if (self->close_confirmed || self->document == NULL || !mp_document_get_modified (self->document))
    return GTK_WINDOW_CLASS (mp_window_parent_class)->close_request (window);

  title = mp_document_dup_title (self->document);
  body = g_strdup_printf (_("“%s” has changes that are not saved. Changes that are not saved are lost."), title);
  dialog = adw_message_dialog_new (window, _("Save Changes?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

gboolean
mp_window_reopen_last (MpWindow *self)
{
  g_autofree char *uri = NULL;
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (MP_IS_WINDOW (self), FALSE);

  uri = g_settings_get_string (self->settings, "last-plan");
  if (uri[0] == '\0')
    return FALSE;

  /* A plan moved away, or on a drive not there now, is not an error. */
  file = g_file_new_for_uri (uri);
  if (!g_file_query_exists (file, NULL))
    return FALSE;

  if (!mp_window_open (self, file))
    {
      /* Said once: the next start is a new plan. */
      g_settings_set_string (self->settings, "last-plan", "");
      return FALSE;
    }
  return TRUE;
}

/* Recovery ---------------------------------------------------------------- */

gboolean
mp_window_check_recovery (MpWindow *self)
{
  g_autoptr(GPtrArray) recoveries = mp_document_list_recoveries ();
  MpRecovery *recovery;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (MP_IS_WINDOW (self), FALSE);

  if (recoveries->len == 0)
    return FALSE;

  recovery = g_ptr_array_steal_index (recoveries, 0);
  g_clear_pointer (&self->recovery, mp_recovery_free);
  self->recovery = recovery;

  if (recovery->original != NULL)
    {
      g_autofree char *basename = g_file_get_basename (recovery->original);
      name = g_filename_display_name (basename);
      text = g_strdup_printf (_("Ministerial closed before “%s” was saved. Recover the unsaved changes?"), name);
    }
  else
    text = g_strdup (_("Ministerial closed before a new plan was saved. Recover it?"));

  gtk_label_set_label (self->recovery_label, text);
  gtk_info_bar_set_revealed (self->recovery_bar, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.recover", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.discard-recovery", TRUE);
  return TRUE;
}

static void
hide_recovery (MpWindow *self)
{
  g_clear_pointer (&self->recovery, mp_recovery_free);
  gtk_info_bar_set_revealed (self->recovery_bar, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.recover", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.discard-recovery", FALSE);
}

static void
recover_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  MpWindow *self = MP_WINDOW (widget);
  g_autoptr(MpDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  if (self->recovery == NULL)
    return;

  document = mp_document_recover (self->recovery, &error);
  if (document == NULL)
    show_error (self, _("Could Not Recover the Plan"), error->message);
  else
    mp_window_set_document (self, document);
  hide_recovery (self);
}

static void
discard_recovery_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  MpWindow *self = MP_WINDOW (widget);

  if (self->recovery != NULL)
    mp_recovery_delete (self->recovery);
  hide_recovery (self);
}

/* Timeline, editor, conflicts --------------------------------------------- */

static void
set_day_from (MpWindow *self,
              int       delta)
{
  MpConference *conference = mp_plan_get_conference (get_plan (self));
  gint64 day = mp_timeline_get_day (self->timeline) + delta;

  day = CLAMP (day, mp_conference_get_start_date (conference), mp_conference_get_end_date (conference));
  mp_timeline_set_day (self->timeline, day);
}

static void
previous_day_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  set_day_from (MP_WINDOW (widget), -1);
}

static void
next_day_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  set_day_from (MP_WINDOW (widget), 1);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MpWindow *self = MP_WINDOW (widget);
  MpHistory *history = mp_document_get_history (self->document);
  g_autofree char *label = g_strdup (mp_history_get_undo_label (history));

  if (mp_history_undo (history) && label != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Undone: %s"), label);
      toast (self, text, NULL);
    }
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MpWindow *self = MP_WINDOW (widget);

  mp_history_redo (mp_document_get_history (self->document));
}

static void
edit_meeting (MpWindow  *self,
              MpMeeting *meeting)
{
  mp_meeting_editor_set_meeting (self->editor, meeting);
  gtk_revealer_set_reveal_child (self->editor_revealer, meeting != NULL);
}

static void
on_meeting_activated_cb (MpTimeline *timeline,
                         MpMeeting  *meeting,
                         MpWindow   *self)
{
  edit_meeting (self, meeting);
}

static void
on_editor_revealed_cb (GtkRevealer *revealer,
                       GParamSpec  *pspec,
                       MpWindow    *self)
{
  MpMeeting *meeting = mp_timeline_get_selected (self->timeline);

  /* The timeline is narrower now: keep the meeting in view. */
  if (meeting != NULL)
    mp_timeline_scroll_to_meeting (self->timeline, meeting);
}

static void
on_editor_closed_cb (MpMeetingEditor *editor,
                     MpWindow        *self)
{
  gtk_revealer_set_reveal_child (self->editor_revealer, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->timeline));
}

static void
edit_meeting_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  MpWindow *self = MP_WINDOW (widget);
  MpMeeting *meeting = mp_timeline_get_selected (self->timeline);

  if (meeting != NULL)
    edit_meeting (self, meeting);
}

gboolean
mp_window_show_meeting (MpWindow   *self,
                        const char *meeting_id)
{
  MpMeeting *meeting;

  g_return_val_if_fail (MP_IS_WINDOW (self), FALSE);

  meeting = meeting_id != NULL ? mp_plan_get_meeting (get_plan (self), meeting_id) : NULL;
  if (meeting == NULL)
    return FALSE;

  mp_timeline_set_highlighted (self->timeline, NULL);
  gtk_stack_set_visible_child_name (self->stack, "timeline");
  gtk_toggle_button_set_active (self->day_button, TRUE);
  /* A filter that hides the meeting gives way. */
  if (mp_timeline_get_filter (self->timeline) != NULL)
    {
      gtk_drop_down_set_selected (self->filter_dropdown, 0);
      mp_timeline_set_filter (self->timeline, NULL);
    }
  mp_timeline_set_day (self->timeline, mp_timeline_get_meeting_day (meeting));
  mp_timeline_set_selected (self->timeline, meeting);
  mp_timeline_scroll_to_meeting (self->timeline, meeting);
  gtk_widget_grab_focus (GTK_WIDGET (self->timeline));
  return TRUE;
}

/* Placing a request from the keyboard: the editor opens on the meeting it
 * would make, for the person to give it a time and a room; its Add button
 * places it as a drop on the timeline does. */
gboolean
mp_window_place_request (MpWindow   *self,
                         const char *request_id)
{
  MpPlan *plan;
  MpRequest *request;
  g_autoptr(MpMeeting) draft = NULL;

  g_return_val_if_fail (MP_IS_WINDOW (self), FALSE);

  plan = get_plan (self);
  request = request_id != NULL ? mp_plan_get_request (plan, request_id) : NULL;
  if (request == NULL || mp_plan_get_placement (plan, request_id) != NULL)
    return FALSE;

  gtk_stack_set_visible_child_name (self->stack, "timeline");
  draft = mp_timeline_draft_request (self->timeline, request);
  if (draft == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return FALSE;
    }

  mp_timeline_set_highlighted (self->timeline, NULL);
  mp_timeline_set_selected (self->timeline, NULL);
  mp_meeting_editor_set_draft (self->editor, draft);
  gtk_revealer_set_reveal_child (self->editor_revealer, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->editor));
  return TRUE;
}

static void
place_request_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  mp_window_place_request (MP_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
on_editor_added_cb (MpMeetingEditor *editor,
                    MpMeeting       *meeting,
                    MpWindow        *self)
{
  mp_window_show_meeting (self, mp_record_get_id (MP_RECORD (meeting)));
}

static void
show_meeting_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  mp_window_show_meeting (MP_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
on_conflict_activated_cb (MpConflictsPanel *panel,
                          MpConflict       *conflict,
                          MpWindow         *self)
{
  const char * const *meetings = mp_conflict_get_meetings (conflict);

  if (meetings != NULL && meetings[0] != NULL && mp_window_show_meeting (self, meetings[0]))
    mp_timeline_set_highlighted (self->timeline, meetings);
}

static void
focus_filter_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  MpWindow *self = MP_WINDOW (widget);

  gtk_stack_set_visible_child_name (self->stack, "timeline");
  gtk_widget_grab_focus (GTK_WIDGET (self->filter_dropdown));
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  MpWindow *self = MP_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (ensure_page (self, name))
    gtk_stack_set_visible_child_name (self->stack, name);
}

static void
on_stack_visible_cb (GtkStack   *stack,
                     GParamSpec *pspec,
                     MpWindow   *self)
{
  const char *name = gtk_stack_get_visible_child_name (stack);
  gboolean timeline = g_strcmp0 (name, "timeline") == 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) &&
        g_strcmp0 (g_object_get_data (G_OBJECT (row), "page"), name) == 0 &&
        gtk_list_box_get_selected_row (self->sidebar) != GTK_LIST_BOX_ROW (row))
      gtk_list_box_select_row (self->sidebar, GTK_LIST_BOX_ROW (row));

  gtk_widget_set_sensitive (gtk_widget_get_parent (GTK_WIDGET (self->day_label)), timeline);
}

static void
on_sidebar_row_selected_cb (GtkListBox    *list,
                            GtkListBoxRow *row,
                            MpWindow      *self)
{
  const char *name = row != NULL ? g_object_get_data (G_OBJECT (row), "page") : NULL;

  if (name == NULL || !ensure_page (self, name))
    return;
  gtk_stack_set_visible_child_name (self->stack, name);
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
}

typedef GtkWidget *(*PageNew) (void);

static GtkListBoxRow *
add_sidebar_row (MpWindow   *self,
                 const char *name,
                 const char *title,
                 const char *icon)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (icon));
  gtk_box_append (GTK_BOX (box), gtk_label_new (title));
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "page", g_strdup (name), g_free);
  g_object_set_data_full (G_OBJECT (row), "title", g_strdup (title), g_free);
  g_object_set_data_full (G_OBJECT (row), "icon", g_strdup (icon), g_free);
  gtk_list_box_append (self->sidebar, row);
  return GTK_LIST_BOX_ROW (row);
}

static void
add_page (MpWindow   *self,
          PageNew     page_new,
          const char *name,
          const char *title,
          const char *icon)
{
  GtkListBoxRow *row = add_sidebar_row (self, name, title, icon);

  g_object_set_data (G_OBJECT (row), "page-new", page_new);
}

/* Makes the page called name if it is not made yet; FALSE when there is
 * no such page. */
static gboolean
ensure_page (MpWindow   *self,
             const char *name)
{
  if (gtk_stack_get_child_by_name (self->stack, name) != NULL)
    return TRUE;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      PageNew page_new = g_object_get_data (G_OBJECT (row), "page-new");
      GtkWidget *page;
      GtkStackPage *stack_page;

      if (page_new == NULL || g_strcmp0 (g_object_get_data (G_OBJECT (row), "page"), name) != 0)
        continue;

      page = page_new ();
      stack_page = gtk_stack_add_titled (self->stack, page, name, g_object_get_data (G_OBJECT (row), "title"));
      gtk_stack_page_set_icon_name (stack_page, g_object_get_data (G_OBJECT (row), "icon"));
      g_ptr_array_add (self->pages, page);
      update_pages (self);
      return TRUE;
    }

  return FALSE;
}

/* The conference ---------------------------------------------------------- */

GtkWindow *
mp_window_edit_conference (MpWindow *self)
{
  MpConferenceWindow *window;
  GtkWidget *title;

  g_return_val_if_fail (MP_IS_WINDOW (self), NULL);

  window = mp_conference_window_new (GTK_WINDOW (self), mp_document_get_history (self->document));
  title = mp_conference_window_get_field (window, "title");
  gtk_window_set_focus (GTK_WINDOW (window), title);
  gtk_window_present (GTK_WINDOW (window));
  gtk_editable_select_region (GTK_EDITABLE (title), 0, -1);
  return GTK_WINDOW (window);
}

static void
edit_conference_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  mp_window_edit_conference (MP_WINDOW (widget));
}

/* Side panels ------------------------------------------------------------- */

/* The requests beside the timeline, to drag onto it: the requests page in
 * its compact form, made the first time it is shown. One of the two side
 * panels is open at a time, so the timeline keeps its width. */
static void
on_side_panel_revealed_cb (GtkRevealer *revealer,
                           GParamSpec  *pspec,
                           MpWindow    *self)
{
  GtkRevealer *other = revealer == self->requests_revealer ? self->conflicts_revealer
                                                            : self->requests_revealer;

  if (!gtk_revealer_get_reveal_child (revealer))
    return;

  gtk_revealer_set_reveal_child (other, FALSE);

#ifdef MP_HAVE_REQUESTS_PAGE
  if (revealer == self->requests_revealer && self->requests_panel == NULL)
    {
      self->requests_panel = mp_requests_page_new ();
      mp_requests_page_set_compact (MP_REQUESTS_PAGE (self->requests_panel), TRUE);
      gtk_widget_set_vexpand (self->requests_panel, TRUE);
      gtk_box_append (self->requests_pane, self->requests_panel);
      g_ptr_array_add (self->pages, self->requests_panel);
      update_pages (self);
    }
#endif

  gtk_stack_set_visible_child_name (self->stack, "timeline");
}

/* Schedule ---------------------------------------------------------------- */

#ifdef MP_HAVE_SCHEDULER
static void
show_unplaced (MpWindow   *self,
               GListModel *unplaced)
{
  g_autoptr(GString) body = g_string_new (NULL);
  guint n = g_list_model_get_n_items (unplaced);
  GtkWidget *dialog;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MpScheduleReason) reason = g_list_model_get_item (unplaced, i);
      const char *id = mp_schedule_reason_get_request (reason);
      MpRequest *request = mp_plan_get_request (get_plan (self), id);
      const char *title = request != NULL && mp_request_get_title (request) != NULL ? mp_request_get_title (request) : id;

      g_string_append_printf (body, "• %s: %s\n", title, mp_schedule_reason_get_description (reason));
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                   g_dngettext (GETTEXT_PACKAGE, "%u Request Not Placed", "%u Requests Not Placed", n),
                                   NULL);
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog),
                                     g_dngettext (GETTEXT_PACKAGE, "%u Request Not Placed", "%u Requests Not Placed", n), n);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), g_strchomp (body->str));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
schedule_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  MpWindow *self = MP_WINDOW (widget);
  g_autoptr(MpScheduleResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint placed = 0, requests = 0;
  GListModel *unplaced;

  /* The defaults, as ministerial --schedule has them: the same plan gets
   * the same placements from either, whatever the machine's speed. */
  result = mp_scheduler_run (get_plan (self), NULL, NULL, &error);
  if (result == NULL)
    {
      show_error (self, _("Could Not Schedule"), error->message);
      return;
    }

  for (int p = MP_PRIORITY_REQUIRED; p <= MP_PRIORITY_LOW; p++)
    {
      placed += mp_schedule_result_get_n_placed (result, p);
      requests += mp_schedule_result_get_n_requests (result, p);
    }

  if (mp_schedule_result_get_changed (result) &&
      !mp_schedule_result_apply (result, get_plan (self), mp_document_get_history (self->document), &error))
    {
      show_error (self, _("Could Not Schedule"), error->message);
      return;
    }

  text = g_strdup_printf (_("%u of %u requests placed"), placed, requests);
  toast (self, text, mp_schedule_result_get_changed (result) ? "win.undo" : NULL);

  unplaced = mp_schedule_result_get_unplaced (result);
  if (g_list_model_get_n_items (unplaced) > 0)
    show_unplaced (self, unplaced);
}
#endif

/* Exports ----------------------------------------------------------------- */

#if defined (MP_HAVE_ICS) || defined (MP_HAVE_AGENDA)
typedef gboolean (*ExportFunc) (MpWindow    *self,
                                GFile       *file,
                                GError     **error);

/* Asks where to write, suggesting the plan's name (and the filter's id:
 * the export is of what the timeline shows), then writes. */
static void
on_export_response_cb (GtkNativeDialog *dialog,
                       int              response,
                       MpWindow        *self)
{
  ExportFunc func = g_object_get_data (G_OBJECT (dialog), "export-func");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GError) error = NULL;

      if (!func (self, file, &error))
        show_error (self, _("Could Not Export"), error->message);
      else
        {
          g_autofree char *name = g_file_get_basename (file);
          g_autofree char *escaped = g_markup_escape_text (name, -1);
          g_autofree char *text = g_strdup_printf (_("Exported %s"), escaped);

          /* A toast's title is markup. */
          toast (self, text, NULL);
        }
    }
  g_object_unref (dialog);
}

static void
choose_export_file (MpWindow   *self,
                    const char *title,
                    const char *extension,
                    const char *mime_type,
                    ExportFunc  func)
{
  GtkFileChooserNative *dialog =
    gtk_file_chooser_native_new (title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                 _("_Export"), _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *plan_title = mp_document_dup_title (self->document);
  const char *for_id = mp_timeline_get_filter (self->timeline);
  g_autofree char *name = for_id != NULL ? g_strdup_printf ("%s (%s).%s", plan_title, for_id, extension)
                                         : g_strdup_printf ("%s.%s", plan_title, extension);

  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_filter_set_name (filter, extension);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_object_set_data (G_OBJECT (dialog), "export-func", func);
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}
#endif

#ifdef MP_HAVE_ICS
gboolean
mp_window_export_calendar (MpWindow  *self,
                           GFile     *file,
                           GError   **error)
{
  MpPlan *plan = get_plan (self);
  const char *for_id = mp_timeline_get_filter (self->timeline);
  MpRecord *audience = for_id != NULL ? mp_ics_lookup_audience (plan, for_id) : NULL;
  g_autofree char *data = NULL;
  gsize length;

  /* The uids and sequences sent are the plan's own, kept by the next save:
   * a later export then updates these events instead of adding others. */
  mp_plan_file_prepare (plan);
  data = mp_ics_export (plan, audience, &length);
  return g_file_replace_contents (file, data, length, NULL, FALSE, G_FILE_CREATE_NONE,
                                  NULL, NULL, error);
}

static void
export_calendar_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  choose_export_file (MP_WINDOW (widget), _("Export Calendar"), "ics", "text/calendar", mp_window_export_calendar);
}
#endif

#ifdef MP_HAVE_AGENDA
static MpAgendaLayout
agenda_layout (MpWindow *self)
{
  const char *for_id = mp_timeline_get_filter (self->timeline);
  MpAgendaLayout layout = MP_AGENDA_LAYOUT_RUN_OF_SHOW;

  if (for_id != NULL && !mp_agenda_default_layout (get_plan (self), for_id, &layout, NULL))
    layout = MP_AGENDA_LAYOUT_RUN_OF_SHOW;
  return layout;
}

static gboolean
write_pdf (MpWindow  *self,
           GFile     *file,
           GError   **error)
{
  g_autoptr(MpAgenda) agenda = mp_agenda_new (get_plan (self), agenda_layout (self),
                                              mp_timeline_get_filter (self->timeline), error);

  return agenda != NULL && mp_agenda_write_pdf (agenda, file, MP_PAPER_A4, error);
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  choose_export_file (MP_WINDOW (widget), _("Export PDF"), "pdf", "application/pdf", write_pdf);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  MpWindow *self = MP_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!mp_print_agenda (GTK_WINDOW (self), get_plan (self), agenda_layout (self),
                        mp_timeline_get_filter (self->timeline), &error))
    show_error (self, _("Could Not Print"), error->message);
}
#endif

/* For everyone: a calendar or an agenda per delegation and per person,
 * written in the background (mp-export-each-job.c). */
static void
on_export_each_done_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(MpWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (mp_export_each_job_finish (result, NULL, &error) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    show_error (self, _("Could Not Export"), error->message);
  else
    g_message ("%s", error->message);
}

static void
on_export_each_response_cb (GtkNativeDialog *dialog,
                            int              response,
                            MpWindow        *self)
{
  MpExportEachKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "export-kind"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (folder != NULL)
        mp_window_export_each (self, folder, kind);
    }
  g_object_unref (dialog);
}

static void
export_each_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  MpWindow *self = MP_WINDOW (widget);
  MpExportEachKind kind = g_str_equal (g_variant_get_string (parameter, NULL), "agendas")
                          ? MP_EXPORT_EACH_AGENDAS : MP_EXPORT_EACH_CALENDARS;
  GtkFileChooserNative *dialog =
    gtk_file_chooser_native_new (kind == MP_EXPORT_EACH_AGENDAS ? _("Export Agendas for Everyone")
                                                                : _("Export Calendars for Everyone"),
                                 GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                 _("_Export"), _("_Cancel"));
  GFile *plan_file = mp_document_get_file (self->document);

  /* Beside the plan, where its other exports go. */
  if (plan_file != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (plan_file);

      if (parent != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), parent, NULL);
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_object_set_data (G_OBJECT (dialog), "export-kind", GINT_TO_POINTER (kind));
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_each_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Narrow windows ---------------------------------------------------------- */

static gboolean
want_folded (MpWindow *self)
{
  GtkRevealer *panes[] = { self->editor_revealer, self->requests_revealer, self->conflicts_revealer };
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (panes); i++)
    if (gtk_revealer_get_reveal_child (panes[i]))
      {
        int minimum;

        gtk_widget_measure (gtk_revealer_get_child (panes[i]), GTK_ORIENTATION_HORIZONTAL, -1,
                            &minimum, NULL, NULL, NULL);
        width -= minimum;
      }
  return width < FOLD_WIDTH;
}

static gboolean
update_fold_cb (gpointer data)
{
  MpWindow *self = data;
  gboolean folded = want_folded (self);
  AdwFlapFoldPolicy policy = folded ? ADW_FLAP_FOLD_POLICY_ALWAYS : ADW_FLAP_FOLD_POLICY_NEVER;

  self->fold_idle = 0;
  if (adw_flap_get_fold_policy (self->flap) == policy)
    return G_SOURCE_REMOVE;

  adw_flap_set_fold_policy (self->flap, policy);
  adw_flap_set_reveal_flap (self->flap, !folded);
  return G_SOURCE_REMOVE;
}

/* A size cannot change a layout from inside the allocation: the fold
 * follows just after. */
static void
mp_window_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  MpWindow *self = MP_WINDOW (widget);
  AdwFlapFoldPolicy wanted;

  GTK_WIDGET_CLASS (mp_window_parent_class)->size_allocate (widget, width, height, baseline);

  wanted = want_folded (self) ? ADW_FLAP_FOLD_POLICY_ALWAYS : ADW_FLAP_FOLD_POLICY_NEVER;
  if (adw_flap_get_fold_policy (self->flap) != wanted && self->fold_idle == 0)
    self->fold_idle = g_idle_add (update_fold_cb, self);
}

/* A pane opening or closing beside the timeline changes what it is left. */
static void
on_pane_revealed_cb (GtkRevealer *revealer,
                     GParamSpec  *pspec,
                     MpWindow    *self)
{
  if (self->fold_idle == 0)
    self->fold_idle = g_idle_add (update_fold_cb, self);
}

gboolean
mp_window_get_sidebar_folded (MpWindow *self)
{
  g_return_val_if_fail (MP_IS_WINDOW (self), FALSE);

  return adw_flap_get_folded (self->flap);
}

/* GObject ----------------------------------------------------------------- */

static void
mp_window_dispose (GObject *object)
{
  MpWindow *self = (MpWindow *)object;

  g_signal_handlers_disconnect_by_data (gtk_recent_manager_get_default (), self);
  g_clear_handle_id (&self->fold_idle, g_source_remove);
  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_signal_handlers_disconnect_by_data (mp_document_get_history (self->document), self);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), MP_TYPE_WINDOW);
  g_clear_object (&self->document);
  g_clear_object (&self->conflicts);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->filter_ids, g_ptr_array_unref);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->recovery, mp_recovery_free);

  G_OBJECT_CLASS (mp_window_parent_class)->dispose (object);
}

static void
mp_window_class_init (MpWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = mp_window_dispose;
  window_class->close_request = mp_window_close_request;
  widget_class->size_allocate = mp_window_size_allocate;

  g_type_ensure (MP_TYPE_TIMELINE);
  g_type_ensure (MP_TYPE_WEEK_VIEW);
  g_type_ensure (MP_TYPE_MEETING_EDITOR);
  g_type_ensure (MP_TYPE_CONFLICTS_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ministerial/Ministerial/mp-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MpWindow, badge);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, conflicts_button);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, conflicts_panel);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, conflicts_revealer);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, day_button);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, day_label);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, editor);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, editor_revealer);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, export_section);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, history_section);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, recent_menu);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, recovery_bar);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, recovery_label);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, requests_button);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, requests_pane);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, requests_revealer);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, schedule_button);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, timeline);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, week_button);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, week_view);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, window_title);
  gtk_widget_class_bind_template_callback (widget_class, on_conflict_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_editor_added_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_editor_closed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_meeting_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_view_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_week_day_activated_cb);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.edit-conference", NULL, edit_conference_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.previous-day", NULL, previous_day_action);
  gtk_widget_class_install_action (widget_class, "win.next-day", NULL, next_day_action);
  gtk_widget_class_install_action (widget_class, "win.edit-meeting", NULL, edit_meeting_action);
  gtk_widget_class_install_action (widget_class, "win.show-meeting", "s", show_meeting_action);
  gtk_widget_class_install_action (widget_class, "win.place-request", "s", place_request_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.focus-filter", NULL, focus_filter_action);
  gtk_widget_class_install_action (widget_class, "win.timeline-view", "s", timeline_view_action);
  gtk_widget_class_install_action (widget_class, "win.recover", NULL, recover_action);
  gtk_widget_class_install_action (widget_class, "win.discard-recovery", NULL, discard_recovery_action);
#ifdef MP_HAVE_SCHEDULER
  gtk_widget_class_install_action (widget_class, "win.schedule", NULL, schedule_action);
#endif
#ifdef MP_HAVE_ICS
  gtk_widget_class_install_action (widget_class, "win.export-calendar", NULL, export_calendar_action);
#endif
#ifdef MP_HAVE_AGENDA
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.export-pdf", NULL, export_pdf_action);
#endif
  gtk_widget_class_install_action (widget_class, "win.export-each", "s", export_each_action);
}

static void
mp_window_init (MpWindow *self)
{
  g_autoptr(GPropertyAction) sidebar_action = NULL;
  g_autoptr(GPropertyAction) conflicts_action = NULL;
  g_autoptr(GPropertyAction) requests_action = NULL;
  g_autoptr(GAction) second_clock_action = NULL;
  g_autoptr(MpDocument) document = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->filter_ids = g_ptr_array_new_with_free_func (g_free);
  self->pages = g_ptr_array_new ();
  self->conflicts = mp_conflict_list_new ();

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  sidebar_action = g_property_action_new ("show-sidebar", self->flap, "reveal-flap");
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (sidebar_action));
  conflicts_action = g_property_action_new ("show-conflicts", self->conflicts_revealer, "reveal-child");
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (conflicts_action));
  requests_action = g_property_action_new ("show-requests", self->requests_revealer, "reveal-child");
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (requests_action));
  g_signal_connect_object (self->requests_revealer, "notify::reveal-child",
                           G_CALLBACK (on_side_panel_revealed_cb), self, 0);
  g_signal_connect_object (self->conflicts_revealer, "notify::reveal-child",
                           G_CALLBACK (on_side_panel_revealed_cb), self, 0);
#ifndef MP_HAVE_REQUESTS_PAGE
  gtk_widget_set_visible (self->requests_button, FALSE);
#endif
  second_clock_action = g_settings_create_action (self->settings, "show-second-clock");
  g_action_map_add_action (G_ACTION_MAP (self), second_clock_action);
  g_signal_connect_object (self->settings, "changed", G_CALLBACK (on_settings_changed_cb), self, 0);

  mp_timeline_set_conflicts (self->timeline, self->conflicts);
  mp_week_view_set_conflicts (self->week_view, self->conflicts);
  {
    g_autofree char *view = g_settings_get_string (self->settings, "timeline-view");

    gtk_toggle_button_set_active (g_str_equal (view, "week") ? self->week_button : self->day_button, TRUE);
  }
  mp_conflicts_panel_set_conflicts (self->conflicts_panel, self->conflicts);
  g_signal_connect_object (self->conflicts, "items-changed", G_CALLBACK (on_conflicts_changed_cb), self, 0);
  g_signal_connect_object (self->timeline, "notify::day", G_CALLBACK (on_timeline_day_cb), self, 0);
  g_signal_connect_object (self->timeline, "notify::filter", G_CALLBACK (on_timeline_day_cb), self, 0);
  g_signal_connect_object (self->timeline, "notify::selected", G_CALLBACK (on_selected_cb), self, 0);
  g_signal_connect_object (self->editor_revealer, "notify::child-revealed",
                           G_CALLBACK (on_editor_revealed_cb), self, G_CONNECT_AFTER);
  g_signal_connect_object (self->editor_revealer, "notify::reveal-child",
                           G_CALLBACK (on_pane_revealed_cb), self, 0);
  g_signal_connect_object (self->requests_revealer, "notify::reveal-child",
                           G_CALLBACK (on_pane_revealed_cb), self, 0);
  g_signal_connect_object (self->conflicts_revealer, "notify::reveal-child",
                           G_CALLBACK (on_pane_revealed_cb), self, 0);

  add_sidebar_row (self, "timeline", _("Timeline"), "x-office-calendar-symbolic");
#ifdef MP_HAVE_DELEGATIONS_PAGE
  add_page (self, mp_delegations_page_new, "delegations", _("Delegations"), "x-office-address-book-symbolic");
#endif
#ifdef MP_HAVE_PEOPLE_PAGE
  add_page (self, mp_people_page_new, "people", _("People"), "system-users-symbolic");
#endif
#ifdef MP_HAVE_ROOMS_PAGE
  add_page (self, mp_rooms_page_new, "rooms", _("Rooms"), "mark-location-symbolic");
#endif
#ifdef MP_HAVE_REQUESTS_PAGE
  add_page (self, mp_requests_page_new, "requests", _("Requests"), "view-list-bullet-symbolic");
#endif
  g_signal_connect_object (self->stack, "notify::visible-child-name", G_CALLBACK (on_stack_visible_cb), self, 0);
  on_stack_visible_cb (self->stack, NULL, self);

#ifdef MP_HAVE_SCHEDULER
  gtk_widget_set_visible (self->schedule_button, TRUE);
#endif
#ifdef MP_HAVE_ICS
  g_menu_append (self->export_section, _("Export _Calendar…"), "win.export-calendar");
#endif
#ifdef MP_HAVE_AGENDA
  g_menu_append (self->export_section, _("_Print…"), "win.print");
  g_menu_append (self->export_section, _("Export _PDF…"), "win.export-pdf");
#endif
  g_menu_append (self->export_section, _("Export Calendars for _Everyone…"), "win.export-each::calendars");
  g_menu_append (self->export_section, _("Export A_gendas for Everyone…"), "win.export-each::agendas");

  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (on_recent_changed_cb), self, 0);
  rebuild_recent (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.recover", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.discard-recovery", FALSE);

  document = mp_document_new ();
  mp_window_set_document (self, document);
}

MpWindow *
mp_window_new (MpApplication *application)
{
  return g_object_new (MP_TYPE_WINDOW, "application", application, NULL);
}

void
mp_window_export_each (MpWindow         *self,
                       GFile            *folder,
                       MpExportEachKind  kind)
{
  g_return_if_fail (MP_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (folder));

  mp_export_each_job_start (self->toast_overlay, get_plan (self), kind, folder, NULL,
                            on_export_each_done_cb, g_object_ref (self));
}

GtkWidget *
mp_window_get_timeline (MpWindow *self)
{
  g_return_val_if_fail (MP_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->timeline);
}

GtkWidget *
mp_window_get_editor (MpWindow *self)
{
  g_return_val_if_fail (MP_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->editor);
}

GtkWidget *
mp_window_get_conflicts_panel (MpWindow *self)
{
  g_return_val_if_fail (MP_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->conflicts_panel);
}

GtkWidget *
mp_window_get_requests_panel (MpWindow *self)
{
  g_return_val_if_fail (MP_IS_WINDOW (self), NULL);

  return self->requests_panel;
}

gboolean
mp_window_get_editor_visible (MpWindow *self)
{
  g_return_val_if_fail (MP_IS_WINDOW (self), FALSE);

  return gtk_revealer_get_reveal_child (self->editor_revealer);
}
