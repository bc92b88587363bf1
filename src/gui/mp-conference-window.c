/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mp-conference-window"

#include "config.h"

#include <glib/gi18n.h>

#include "mp-conference-window.h"
#include "mp-page-common.h"

struct _MpConferenceWindow
{
  AdwPreferencesWindow  parent_instance;

  GtkSpinButton        *buffer_spin;
  AdwEntryRow          *day_end_row;
  AdwEntryRow          *day_start_row;
  AdwEntryRow          *end_date_row;
  AdwComboRow          *host_row;
  GtkTextView          *notes_view;
  GtkSpinButton        *slot_spin;
  AdwEntryRow          *start_date_row;
  AdwEntryRow          *time_zone_row;
  AdwEntryRow          *title_row;
  GtkSpinButton        *turnover_spin;

  MpHistory            *history;
  MpConference         *conference;
  MpForm               *form;           /* title, time zone, the minutes */
  GPtrArray            *host_ids;       /* position in host_row → id (NULL: none) */
  gboolean              updating;
};

G_DEFINE_FINAL_TYPE (MpConferenceWindow, mp_conference_window, ADW_TYPE_PREFERENCES_WINDOW)

/* Dates and hours: typed, checked against each other, written on Enter or
 * when the row loses focus. */
typedef enum
{
  FIELD_START_DATE,
  FIELD_END_DATE,
  FIELD_DAY_START,
  FIELD_DAY_END,
  N_FIELDS
} Field;

static const char *field_properties[N_FIELDS] = {
  "start-date", "end-date", "day-start", "day-end",
};

static AdwEntryRow *
field_row (MpConferenceWindow *self,
           Field               field)
{
  switch (field)
    {
    case FIELD_START_DATE: return self->start_date_row;
    case FIELD_END_DATE:   return self->end_date_row;
    case FIELD_DAY_START:  return self->day_start_row;
    case FIELD_DAY_END:    return self->day_end_row;
    case N_FIELDS:
    default:
      g_assert_not_reached ();
    }
}

static void
set_row_error (AdwEntryRow *row,
               const char  *message)
{
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (row), message);
}

/* What a field shows of the model. */
static char *
field_text (MpConferenceWindow *self,
            Field               field)
{
  MpConference *c = self->conference;

  switch (field)
    {
    case FIELD_START_DATE: return mp_date_to_string (mp_conference_get_start_date (c));
    case FIELD_END_DATE:   return mp_date_to_string (mp_conference_get_end_date (c));
    case FIELD_DAY_START:  return mp_clock_to_string (mp_conference_get_day_start (c));
    case FIELD_DAY_END:    return mp_clock_to_string (mp_conference_get_day_end (c));
    case N_FIELDS:
    default:
      g_assert_not_reached ();
    }
}

static void
show_field (MpConferenceWindow *self,
            Field               field)
{
  g_autofree char *text = field_text (self, field);

  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (field_row (self, field)), text);
  self->updating = FALSE;
  set_row_error (field_row (self, field), NULL);
}

/* Checks what is typed in a field against the others; on success sets
 * *value, else *message. */
static gboolean
check_field (MpConferenceWindow  *self,
             Field                field,
             const char          *text,
             gint64              *value,
             char               **message)
{
  MpConference *c = self->conference;
  g_autoptr(GError) error = NULL;
  int minutes;

  switch (field)
    {
    case FIELD_START_DATE:
      if (!mp_date_parse (text, value, &error))
        break;
      return TRUE;

    case FIELD_END_DATE:
      if (!mp_date_parse (text, value, &error))
        break;
      if (*value < mp_conference_get_start_date (c))
        {
          *message = g_strdup (_("The last day cannot be before the first day"));
          return FALSE;
        }
      return TRUE;

    case FIELD_DAY_START:
    case FIELD_DAY_END:
      if (!mp_clock_parse (text, &minutes, &error))
        break;
      if (field == FIELD_DAY_START ? minutes >= mp_conference_get_day_end (c)
                                   : minutes <= mp_conference_get_day_start (c))
        {
          *message = g_strdup (_("Meetings must end after they start: the end is later than the start"));
          return FALSE;
        }
      *value = minutes;
      return TRUE;

    case N_FIELDS:
    default:
      g_assert_not_reached ();
    }

  *message = g_strdup (error->message);
  return FALSE;
}

static gboolean
apply_field (MpConferenceWindow *self,
             Field               field)
{
  AdwEntryRow *row = field_row (self, field);
  const char *property = field_properties[field];
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autofree char *message = NULL;
  gint64 value, current;

  if (self->conference == NULL)
    return TRUE;

  if (!check_field (self, field, text, &value, &message))
    {
      set_row_error (row, message);
      return FALSE;
    }
  set_row_error (row, NULL);

  if (field == FIELD_START_DATE || field == FIELD_END_DATE)
    g_object_get (self->conference, property, &current, NULL);
  else
    {
      int minutes;

      g_object_get (self->conference, property, &minutes, NULL);
      current = minutes;
    }
  if (value == current)
    {
      show_field (self, field);
      return TRUE;
    }

  if (field == FIELD_START_DATE)
    {
      gint64 start = mp_conference_get_start_date (self->conference);
      gint64 end = mp_conference_get_end_date (self->conference);

      /* A later first day moves the whole conference when it would pass
       * the last: it keeps its length. */
      mp_history_begin (self->history, _("Change Conference Dates"));
      if (value > end)
        mp_history_set (self->history, self->conference, "end-date", value + (end - start), NULL);
      mp_history_set (self->history, self->conference, "start-date", value, NULL);
      mp_history_end (self->history);
    }
  else if (field == FIELD_END_DATE)
    {
      mp_history_begin (self->history, _("Change Conference Dates"));
      mp_history_set (self->history, self->conference, property, value, NULL);
      mp_history_end (self->history);
    }
  else
    {
      mp_history_begin (self->history, _("Change Conference Hours"));
      mp_history_set (self->history, self->conference, property, (int) value, NULL);
      mp_history_end (self->history);
    }

  show_field (self, field);
  return TRUE;
}

static void
on_field_activated_cb (AdwEntryRow        *row,
                       MpConferenceWindow *self)
{
  for (Field f = 0; f < N_FIELDS; f++)
    if (field_row (self, f) == row)
      apply_field (self, f);
}

static void
on_field_leave_cb (GtkEventControllerFocus *controller,
                   MpConferenceWindow      *self)
{
  on_field_activated_cb (ADW_ENTRY_ROW (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller))), self);
}

static gboolean
check_time_zone (const char  *text,
                 gpointer     data,
                 char       **message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) zone = NULL;

  if (!mp_time_zone_validate (text, &error) || (zone = mp_time_zone_new (text, &error)) == NULL)
    {
      *message = g_strdup (error->message);
      return FALSE;
    }
  return TRUE;
}

/* Host --------------------------------------------------------------------- */

/* Selects the conference's host in the list. */
static void
show_host (MpConferenceWindow *self)
{
  const char *host = mp_conference_get_host (self->conference);
  guint selected = 0;

  for (guint i = 1; i < self->host_ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->host_ids, i), host) == 0)
      selected = i;

  self->updating = TRUE;
  adw_combo_row_set_selected (self->host_row, selected);
  self->updating = FALSE;
}

static void
fill_hosts (MpConferenceWindow *self)
{
  GListModel *delegations = mp_plan_get_delegations (mp_history_get_plan (self->history));
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  g_ptr_array_set_size (self->host_ids, 0);
  gtk_string_list_append (labels, _("None"));
  g_ptr_array_add (self->host_ids, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (delegations); i++)
    {
      g_autoptr(MpDelegation) d = g_list_model_get_item (delegations, i);
      const char *id = mp_record_get_id (MP_RECORD (d));
      g_autofree char *label = g_strdup_printf ("%s — %s", id, mp_delegation_get_name (d));

      gtk_string_list_append (labels, label);
      g_ptr_array_add (self->host_ids, g_strdup (id));
    }

  self->updating = TRUE;
  adw_combo_row_set_model (self->host_row, G_LIST_MODEL (labels));
  self->updating = FALSE;
  show_host (self);
}

static void
on_host_selected_cb (AdwComboRow        *row,
                     GParamSpec         *pspec,
                     MpConferenceWindow *self)
{
  guint selected = adw_combo_row_get_selected (row);
  const char *id;

  if (self->updating || self->conference == NULL || selected >= self->host_ids->len)
    return;

  id = g_ptr_array_index (self->host_ids, selected);
  if (g_strcmp0 (id, mp_conference_get_host (self->conference)) != 0)
    {
      mp_history_begin (self->history, _("Change Host"));
      mp_history_set (self->history, self->conference, "host", id, NULL);
      mp_history_end (self->history);
    }
}

static void
on_delegations_changed_cb (GListModel         *model,
                           guint               position,
                           guint               removed,
                           guint               added,
                           MpConferenceWindow *self)
{
  fill_hosts (self);
}

/* Notes -------------------------------------------------------------------- */

static void
show_notes (MpConferenceWindow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  const char *notes = mp_conference_get_notes (self->conference);
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (text, notes != NULL ? notes : "") == 0)
    return;

  self->updating = TRUE;
  gtk_text_buffer_set_text (buffer, notes != NULL ? notes : "", -1);
  self->updating = FALSE;
}

/* Typing in the notes undoes as one step, until they lose focus. */
static void
on_notes_changed_cb (GtkTextBuffer      *buffer,
                     MpConferenceWindow *self)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->updating || self->conference == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text[0] != '\0' ? text : NULL);
  mp_history_set_merged_labelled (self->history, _("Change Notes"), self->conference, "notes", &value);
}

static void
on_notes_leave_cb (GtkEventControllerFocus *controller,
                   MpConferenceWindow      *self)
{
  if (self->history != NULL)
    mp_history_seal (self->history);
}

/* The model ---------------------------------------------------------------- */

/* Undo and redo change the conference under the window: follow it. */
static void
on_conference_notify_cb (MpConference       *conference,
                         GParamSpec         *pspec,
                         MpConferenceWindow *self)
{
  for (Field f = 0; f < N_FIELDS; f++)
    if (g_str_equal (pspec->name, field_properties[f]))
      show_field (self, f);

  if (g_str_equal (pspec->name, "host"))
    show_host (self);
  else if (g_str_equal (pspec->name, "notes"))
    show_notes (self);
}

static void
set_history (MpConferenceWindow *self,
             MpHistory          *history)
{
  MpPlan *plan = mp_history_get_plan (history);

  self->history = g_object_ref (history);
  self->conference = g_object_ref (mp_plan_get_conference (plan));

  mp_form_set_target (self->form, history, self->conference, FALSE);
  for (Field f = 0; f < N_FIELDS; f++)
    show_field (self, f);
  fill_hosts (self);
  show_notes (self);

  g_signal_connect_object (self->conference, "notify", G_CALLBACK (on_conference_notify_cb), self, 0);
  g_signal_connect_object (mp_plan_get_delegations (plan), "items-changed",
                           G_CALLBACK (on_delegations_changed_cb), self, 0);
}

/* GObject ------------------------------------------------------------------ */

static gboolean
mp_conference_window_close_request (GtkWindow *window)
{
  MpConferenceWindow *self = MP_CONFERENCE_WINDOW (window);

  mp_conference_window_apply (self);
  if (self->history != NULL)
    mp_history_seal (self->history);

  return GTK_WINDOW_CLASS (mp_conference_window_parent_class)->close_request (window);
}

static void
mp_conference_window_dispose (GObject *object)
{
  MpConferenceWindow *self = (MpConferenceWindow *)object;

  g_clear_pointer (&self->form, mp_form_free);
  if (self->conference != NULL)
    g_signal_handlers_disconnect_by_data (self->conference, self);
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (mp_plan_get_delegations (mp_history_get_plan (self->history)), self);
  gtk_widget_dispose_template (GTK_WIDGET (self), MP_TYPE_CONFERENCE_WINDOW);
  g_clear_object (&self->conference);
  g_clear_object (&self->history);
  g_clear_pointer (&self->host_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (mp_conference_window_parent_class)->dispose (object);
}

static void
mp_conference_window_class_init (MpConferenceWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = mp_conference_window_dispose;
  window_class->close_request = mp_conference_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ministerial/Ministerial/mp-conference-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MpConferenceWindow, buffer_spin);
  gtk_widget_class_bind_template_child (widget_class, MpConferenceWindow, day_end_row);
  gtk_widget_class_bind_template_child (widget_class, MpConferenceWindow, day_start_row);
  gtk_widget_class_bind_template_child (widget_class, MpConferenceWindow, end_date_row);
  gtk_widget_class_bind_template_child (widget_class, MpConferenceWindow, host_row);
  gtk_widget_class_bind_template_child (widget_class, MpConferenceWindow, notes_view);
  gtk_widget_class_bind_template_child (widget_class, MpConferenceWindow, slot_spin);
  gtk_widget_class_bind_template_child (widget_class, MpConferenceWindow, start_date_row);
  gtk_widget_class_bind_template_child (widget_class, MpConferenceWindow, time_zone_row);
  gtk_widget_class_bind_template_child (widget_class, MpConferenceWindow, title_row);
  gtk_widget_class_bind_template_child (widget_class, MpConferenceWindow, turnover_spin);
}

static void
mp_conference_window_init (MpConferenceWindow *self)
{
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->host_ids = g_ptr_array_new_with_free_func (g_free);
  self->form = mp_form_new (_("Edit Conference"));
  mp_form_add_entry (self->form, self->title_row, "title", FALSE, NULL, NULL);
  mp_form_add_entry (self->form, self->time_zone_row, "time-zone", FALSE, check_time_zone, NULL);
  mp_form_add_spin (self->form, self->slot_spin, "slot-minutes");
  mp_form_add_spin (self->form, self->turnover_spin, "turnover-minutes");
  mp_form_add_spin (self->form, self->buffer_spin, "buffer-minutes");

  for (Field f = 0; f < N_FIELDS; f++)
    {
      AdwEntryRow *row = field_row (self, f);

      focus = gtk_event_controller_focus_new ();
      g_signal_connect (focus, "leave", G_CALLBACK (on_field_leave_cb), self);
      gtk_widget_add_controller (GTK_WIDGET (row), focus);
      g_signal_connect (row, "entry-activated", G_CALLBACK (on_field_activated_cb), self);
    }

  g_signal_connect (self->host_row, "notify::selected", G_CALLBACK (on_host_selected_cb), self);
  g_signal_connect (gtk_text_view_get_buffer (self->notes_view), "changed",
                    G_CALLBACK (on_notes_changed_cb), self);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (on_notes_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->notes_view), focus);
}

MpConferenceWindow *
mp_conference_window_new (GtkWindow *parent,
                          MpHistory *history)
{
  MpConferenceWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (MP_IS_HISTORY (history), NULL);

  self = g_object_new (MP_TYPE_CONFERENCE_WINDOW,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       NULL);
  set_history (self, history);
  return self;
}

gboolean
mp_conference_window_apply (MpConferenceWindow *self)
{
  gboolean valid;

  g_return_val_if_fail (MP_IS_CONFERENCE_WINDOW (self), FALSE);

  if (self->form == NULL)
    return TRUE;

  valid = mp_form_apply (self->form);
  for (Field f = 0; f < N_FIELDS; f++)
    {
      g_autofree char *shown = field_text (self, f);
      const char *text = gtk_editable_get_text (GTK_EDITABLE (field_row (self, f)));

      /* Only fields typed in: an untouched one is already the model's. */
      if (g_strcmp0 (shown, text) == 0)
        continue;
      if (!apply_field (self, f))
        valid = FALSE;
    }
  return valid;
}

GtkWidget *
mp_conference_window_get_field (MpConferenceWindow *self,
                                const char         *property)
{
  g_return_val_if_fail (MP_IS_CONFERENCE_WINDOW (self), NULL);
  g_return_val_if_fail (property != NULL, NULL);

  for (Field f = 0; f < N_FIELDS; f++)
    if (g_str_equal (property, field_properties[f]))
      return GTK_WIDGET (field_row (self, f));

  if (g_str_equal (property, "title"))
    return GTK_WIDGET (self->title_row);
  if (g_str_equal (property, "time-zone"))
    return GTK_WIDGET (self->time_zone_row);
  if (g_str_equal (property, "host"))
    return GTK_WIDGET (self->host_row);
  if (g_str_equal (property, "slot-minutes"))
    return GTK_WIDGET (self->slot_spin);
  if (g_str_equal (property, "turnover-minutes"))
    return GTK_WIDGET (self->turnover_spin);
  if (g_str_equal (property, "buffer-minutes"))
    return GTK_WIDGET (self->buffer_spin);
  if (g_str_equal (property, "notes"))
    return GTK_WIDGET (self->notes_view);
  return NULL;
}
