/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mp-meeting-editor"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <gobject/gvaluecollector.h>

#include "mp-meeting-editor.h"

struct _MpMeetingEditor
{
  GtkWidget       parent_instance;

  GtkWidget      *box;
  GtkLabel       *heading_label;
  GtkWidget      *delete_button;
  GtkWidget      *add_button;
  AdwEntryRow    *title_row;
  AdwComboRow    *kind_row;
  AdwComboRow    *status_row;
  AdwComboRow    *room_row;
  AdwComboRow    *date_row;
  GtkMenuButton  *date_button;
  GtkCalendar    *calendar;
  AdwEntryRow    *start_row;
  AdwEntryRow    *end_row;
  GtkSpinButton  *duration_spin;
  GtkLabel       *error_label;
  GtkSearchEntry *participants_search;
  AdwPreferencesGroup *participants_group;
  GtkListBox     *participants_list;
  GtkTextView    *topics_view;
  GtkTextView    *notes_view;
  GtkSwitch      *locked_switch;

  MpHistory      *history;
  MpPlan         *plan;
  MpMeeting      *meeting;
  GPtrArray      *room_ids;    /* position in room_row → id (NULL: none) */
  GArray         *days;        /* position in date_row → day */
  char           *error;
  gboolean        updating;
  gboolean        participants_dirty;
  gboolean        draft;       /* meeting is not in the plan yet */
  gboolean        choosing_day; /* in the Date row's selection change */
  gboolean        marking;
  guint           days_idle;
};

G_DEFINE_FINAL_TYPE (MpMeetingEditor, mp_meeting_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_HISTORY,
  PROP_MEETING,
  N_PROPS
};

enum {
  CLOSED,
  ADDED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void populate (MpMeetingEditor *self);
static void update_participant_checks (MpMeetingEditor *self);
static GStrv read_topics (MpMeetingEditor *self);
static void update_header (MpMeetingEditor *self);
static void set_meeting (MpMeetingEditor *self,
                         MpMeeting       *meeting,
                         gboolean         draft);

/* Changes ----------------------------------------------------------------- */

static gboolean
can_edit (MpMeetingEditor *self)
{
  return !self->updating && self->meeting != NULL && self->history != NULL;
}

/* A draft's zone follows its room, as the plan does for its meetings. */
static void
update_draft_zone (MpMeetingEditor *self)
{
  mp_meeting_set_time_zone (self->meeting, mp_plan_get_room_zone (self->plan, mp_meeting_get_room (self->meeting)));
}

/* Sets properties of the meeting, as g_object_set () does: through the
 * history as one step called label, or straight on a draft, which is not
 * in the plan and has nothing to undo yet. */
static void
edit (MpMeetingEditor *self,
      const char      *label,
      const char      *first_property,
      ...)
{
  va_list args;

  if (!can_edit (self))
    return;

  if (!self->draft)
    mp_history_begin (self->history, label);
  va_start (args, first_property);
  for (const char *name = first_property; name != NULL; name = va_arg (args, const char *))
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self->meeting), name);
      GValue value = G_VALUE_INIT;
      g_autofree char *error = NULL;

      g_assert (pspec != NULL);
      G_VALUE_COLLECT_INIT (&value, pspec->value_type, args, 0, &error);
      g_assert (error == NULL);
      if (self->draft)
        g_object_set_property (G_OBJECT (self->meeting), name, &value);
      else
        mp_history_set_value (self->history, self->meeting, name, &value);
      g_value_unset (&value);
    }
  va_end (args);
  if (self->draft)
    update_draft_zone (self);
  else
    mp_history_end (self->history);
}

/* Helpers ----------------------------------------------------------------- */

static void
set_entry_text (AdwEntryRow *row,
                const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

static char *
buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_buffer_text (GtkTextView *view,
                 const char  *text)
{
  g_autofree char *current = buffer_text (view);

  if (g_strcmp0 (current, text ? text : "") != 0)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text ? text : "", -1);
}

static gint64
local_wall (MpMeeting    *meeting,
            const MpTime *time)
{
  GTimeZone *zone = mp_meeting_get_time_zone (meeting);

  return mp_wall_from_instant (mp_time_instant (time, zone), zone);
}

static gint64
floor_day (gint64 wall)
{
  return wall >= 0 ? wall / MP_SECONDS_PER_DAY : -((-wall - 1) / MP_SECONDS_PER_DAY) - 1;
}

static char *
day_label (gint64 day)
{
  g_autoptr(GDateTime) date = g_date_time_new_from_unix_utc (day * MP_SECONDS_PER_DAY);

  /* Translators: a day in the meeting editor's Date row, as strftime ()
   * writes it: the full weekday, day, month and year ("Thursday 24 April
   * 2014"). The row is narrow: a shorter form is fine. */
  return g_date_time_format (date, C_("meeting editor date", "%A %-d %B %Y"));
}

static void
set_error (MpMeetingEditor *self,
           const char      *message,
           AdwEntryRow     *row)
{
  g_free (self->error);
  self->error = g_strdup (message);

  gtk_widget_remove_css_class (GTK_WIDGET (self->start_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->end_row), "error");
  if (row != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");

  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* Participants ------------------------------------------------------------ */

static void
on_participant_toggled_cb (GtkCheckButton  *check,
                           MpMeetingEditor *self)
{
  const char *id = g_object_get_data (G_OBJECT (check), "participant");
  const char * const *current;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) participants = NULL;
  gboolean active = gtk_check_button_get_active (check);

  if (!can_edit (self))
    return;

  current = mp_meeting_get_participants (self->meeting);
  builder = g_strv_builder_new ();
  for (guint i = 0; current != NULL && current[i] != NULL; i++)
    if (!g_str_equal (current[i], id))
      g_strv_builder_add (builder, current[i]);
  if (active)
    g_strv_builder_add (builder, id);
  participants = g_strv_builder_end (builder);

  edit (self, active ? _("Add Participant") : _("Remove Participant"), "participants", participants, NULL);
}

static void
header_func (GtkListBoxRow *row,
             GtkListBoxRow *before,
             gpointer       data)
{
  const char *delegation = g_object_get_data (G_OBJECT (row), "delegation-name");
  const char *previous = before != NULL ? g_object_get_data (G_OBJECT (before), "delegation-name") : NULL;
  GtkWidget *header;

  if (before != NULL && g_strcmp0 (delegation, previous) == 0)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  header = gtk_label_new (delegation);
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_top (header, 8);
  gtk_widget_set_margin_bottom (header, 4);
  gtk_widget_add_css_class (header, "caption-heading");
  gtk_widget_add_css_class (header, "dim-label");
  gtk_list_box_row_set_header (row, header);
}

static gboolean
filter_func (GtkListBoxRow *row,
             gpointer       data)
{
  MpMeetingEditor *self = data;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->participants_search));
  const char *haystack = g_object_get_data (G_OBJECT (row), "search-text");
  g_autofree char *needle = NULL;

  if (search == NULL || search[0] == '\0')
    return TRUE;
  needle = g_utf8_casefold (search, -1);
  return haystack != NULL && strstr (haystack, needle) != NULL;
}

/* A plan of a few hundred people lists them all; a bigger one lists the
 * meeting's and those the search finds, so the editor opens at once. */
#define MAX_LISTED 300

static char *
participant_search_text (MpParticipant *participant)
{
  const char *title = mp_participant_get_title (participant);
  const char *delegation = mp_participant_get_delegation (participant);
  g_autofree char *text = g_strdup_printf ("%s %s %s %s", mp_participant_get_name (participant),
                                           mp_record_get_id (MP_RECORD (participant)),
                                           delegation != NULL ? delegation : "",
                                           title != NULL ? title : "");

  return g_utf8_casefold (text, -1);
}

static GtkWidget *
participant_row (MpMeetingEditor *self,
                 MpParticipant   *participant,
                 const char      *group_name,
                 char            *search_text)
{
  const char *name = mp_participant_get_name (participant);
  const char *title = mp_participant_get_title (participant);
  g_autofree char *label = title != NULL && title[0] != '\0' ? g_strdup_printf ("%s, %s", name, title)
                                                             : g_strdup (name);
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *text = gtk_label_new (label);
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (text), 32);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_check_button_set_child (GTK_CHECK_BUTTON (check), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_margin_start (check, 8);
  gtk_widget_set_margin_end (check, 8);
  gtk_widget_set_margin_top (check, 4);
  gtk_widget_set_margin_bottom (check, 4);
  g_object_set_data_full (G_OBJECT (check), "participant",
                          g_strdup (mp_record_get_id (MP_RECORD (participant))), g_free);
  g_signal_connect (check, "toggled", G_CALLBACK (on_participant_toggled_cb), self);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), check);
  g_object_set_data_full (G_OBJECT (row), "delegation-name", g_strdup (group_name), g_free);
  g_object_set_data_full (G_OBJECT (row), "search-text", search_text, g_free);
  return row;
}

static gboolean
is_large (MpMeetingEditor *self)
{
  return self->plan != NULL &&
         g_list_model_get_n_items (mp_plan_get_participants (self->plan)) > MAX_LISTED;
}

static void
build_participants (MpMeetingEditor *self)
{
  GtkWidget *child;
  GListModel *delegations;
  GListModel *participants;
  g_autoptr(GHashTable) groups = NULL;   /* delegation id → GPtrArray of rows */
  g_autoptr(GPtrArray) others = NULL;
  g_autofree char *needle = NULL;
  const char *search;
  gboolean large;
  guint n_matches = 0;

  self->participants_dirty = FALSE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->participants_list))) != NULL)
    gtk_list_box_remove (self->participants_list, child);
  adw_preferences_group_set_description (self->participants_group, NULL);

  if (self->plan == NULL)
    return;

  delegations = mp_plan_get_delegations (self->plan);
  participants = mp_plan_get_participants (self->plan);
  large = is_large (self);
  search = gtk_editable_get_text (GTK_EDITABLE (self->participants_search));
  needle = search != NULL && search[0] != '\0' ? g_utf8_casefold (search, -1) : NULL;
  groups = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  others = g_ptr_array_new_with_free_func (g_object_unref);

  /* Grouped by delegation, in the plan's order of delegations; people of
   * a delegation that is not there come last. */
  for (guint p = 0; p < g_list_model_get_n_items (participants); p++)
    {
      g_autoptr(MpParticipant) participant = g_list_model_get_item (participants, p);
      const char *id = mp_record_get_id (MP_RECORD (participant));
      const char *pd = mp_participant_get_delegation (participant);
      gboolean attends = self->meeting != NULL && mp_meeting_has_participant (self->meeting, id);
      g_autofree char *text = participant_search_text (participant);
      GPtrArray *group;

      if (large && !attends)
        {
          if (needle == NULL || strstr (text, needle) == NULL || n_matches >= MAX_LISTED)
            continue;
          n_matches++;
        }

      if (pd == NULL || mp_plan_get_delegation (self->plan, pd) == NULL)
        group = others;
      else if ((group = g_hash_table_lookup (groups, pd)) == NULL)
        {
          group = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (groups, (gpointer) mp_participant_get_delegation (participant), group);
        }
      g_object_set_data_full (G_OBJECT (participant), "mp-editor-search", g_steal_pointer (&text), g_free);
      g_ptr_array_add (group, g_object_ref (participant));
    }

  for (guint d = 0; d <= g_list_model_get_n_items (delegations); d++)
    {
      g_autoptr(MpDelegation) delegation = d < g_list_model_get_n_items (delegations)
                                           ? g_list_model_get_item (delegations, d) : NULL;
      GPtrArray *group = delegation != NULL ? g_hash_table_lookup (groups, mp_record_get_id (MP_RECORD (delegation)))
                                            : others;
      g_autofree char *group_name = NULL;

      if (group == NULL || group->len == 0)
        continue;
      group_name = delegation != NULL ? g_strdup_printf ("%s — %s", mp_record_get_id (MP_RECORD (delegation)),
                                                         mp_delegation_get_name (delegation))
                                      : g_strdup (_("Other"));
      for (guint i = 0; i < group->len; i++)
        {
          MpParticipant *participant = g_ptr_array_index (group, i);
          char *text = g_object_steal_data (G_OBJECT (participant), "mp-editor-search");

          gtk_list_box_append (self->participants_list,
                               participant_row (self, participant, group_name, text));
        }
    }

  if (large && needle == NULL)
    adw_preferences_group_set_description (self->participants_group,
                                           _("Search to find more people"));
  else if (large && n_matches >= MAX_LISTED)
    adw_preferences_group_set_description (self->participants_group,
                                           _("Only the first matches are listed: search further"));
}

static void
on_search_changed_cb (GtkSearchEntry  *entry,
                      MpMeetingEditor *self)
{
  if (is_large (self))
    {
      gboolean updating = self->updating;

      self->updating = TRUE;
      build_participants (self);
      update_participant_checks (self);
      self->updating = updating;
    }
  gtk_list_box_invalidate_filter (self->participants_list);
}

static void
update_participant_checks (MpMeetingEditor *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->participants_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *check;
      const char *id;

      if (!GTK_IS_LIST_BOX_ROW (row))
        continue;
      check = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
      id = g_object_get_data (G_OBJECT (check), "participant");
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   self->meeting != NULL && mp_meeting_has_participant (self->meeting, id));
    }
}

/* Filling the rows -------------------------------------------------------- */

static void
build_choices (MpMeetingEditor *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) rooms = gtk_string_list_new (NULL);

  for (int k = 0; k < MP_N_MEETING_KINDS; k++)
    gtk_string_list_append (kinds, mp_meeting_kind_label (k));
  for (int s = MP_MEETING_STATUS_TENTATIVE; s <= MP_MEETING_STATUS_CANCELLED; s++)
    gtk_string_list_append (statuses, mp_meeting_status_label (s));

  g_ptr_array_set_size (self->room_ids, 0);
  gtk_string_list_append (rooms, _("No Room"));
  g_ptr_array_add (self->room_ids, NULL);
  if (self->plan != NULL)
    {
      GListModel *model = mp_plan_get_rooms (self->plan);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(MpRoom) room = g_list_model_get_item (model, i);
          MpVenue *venue = mp_room_get_venue (room) != NULL ? mp_plan_get_venue (self->plan, mp_room_get_venue (room)) : NULL;
          g_autofree char *label = venue != NULL ? g_strdup_printf ("%s (%s)", mp_room_get_name (room), mp_venue_get_name (venue))
                                                 : g_strdup (mp_room_get_name (room));

          gtk_string_list_append (rooms, label);
          g_ptr_array_add (self->room_ids, g_strdup (mp_record_get_id (MP_RECORD (room))));
        }
    }

  self->updating = TRUE;
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
  adw_combo_row_set_model (self->room_row, G_LIST_MODEL (rooms));
  self->updating = FALSE;
}

static gboolean
rebuild_days_cb (gpointer data)
{
  MpMeetingEditor *self = data;

  self->days_idle = 0;
  populate (self);
  return G_SOURCE_REMOVE;
}

static void
build_days (MpMeetingEditor *self)
{
  g_autoptr(GtkStringList) labels = NULL;
  g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 meeting_day = G_MININT64;
  gint64 first = 0, last = -1;

  if (self->plan != NULL)
    {
      MpConference *conference = mp_plan_get_conference (self->plan);

      first = mp_conference_get_start_date (conference);
      last = mp_conference_get_end_date (conference);
    }
  if (self->meeting != NULL && mp_meeting_get_start (self->meeting) != NULL)
    meeting_day = floor_day (local_wall (self->meeting, mp_meeting_get_start (self->meeting)));

  if (meeting_day != G_MININT64 && meeting_day < first)
    g_array_append_val (days, meeting_day);
  for (gint64 d = first; d <= last; d++)
    g_array_append_val (days, d);
  if (meeting_day != G_MININT64 && meeting_day > last)
    g_array_append_val (days, meeting_day);

  /* The same days: keep the model, which may be the one whose selection
   * is being changed right now. */
  if (days->len == self->days->len &&
      memcmp (days->data, self->days->data, days->len * sizeof (gint64)) == 0 &&
      adw_combo_row_get_model (self->date_row) != NULL)
    return;

  /* Other days (a day outside the conference left): not under the
   * selection being changed, but just after. */
  if (self->choosing_day)
    {
      if (self->days_idle == 0)
        self->days_idle = g_idle_add (rebuild_days_cb, self);
      return;
    }

  g_array_set_size (self->days, 0);
  g_array_append_vals (self->days, days->data, days->len);
  labels = gtk_string_list_new (NULL);
  for (guint i = 0; i < self->days->len; i++)
    {
      g_autofree char *label = day_label (g_array_index (self->days, gint64, i));
      gtk_string_list_append (labels, label);
    }

  adw_combo_row_set_model (self->date_row, G_LIST_MODEL (labels));
}

static void
populate (MpMeetingEditor *self)
{
  MpMeeting *m = self->meeting;
  gint64 start_wall = 0, end_wall = 0;
  g_autofree char *topics = NULL;
  guint room_position = 0;

  gtk_widget_set_sensitive (self->box, m != NULL);
  if (m == NULL)
    return;

  self->updating = TRUE;

  set_entry_text (self->title_row, mp_meeting_get_title (m));
  adw_combo_row_set_selected (self->kind_row, mp_meeting_get_kind (m));
  adw_combo_row_set_selected (self->status_row, mp_meeting_get_status (m));
  for (guint i = 1; i < self->room_ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->room_ids, i), mp_meeting_get_room (m)) == 0)
      room_position = i;
  adw_combo_row_set_selected (self->room_row, room_position);

  if (mp_meeting_get_start (m) != NULL && mp_meeting_get_end (m) != NULL)
    {
      gint64 day;
      g_autofree char *start_text = NULL;
      g_autofree char *end_text = NULL;
      int start_minutes, end_minutes;

      start_wall = local_wall (m, mp_meeting_get_start (m));
      end_wall = local_wall (m, mp_meeting_get_end (m));
      day = floor_day (start_wall);
      build_days (self);
      for (guint i = 0; i < self->days->len; i++)
        if (g_array_index (self->days, gint64, i) == day)
          adw_combo_row_set_selected (self->date_row, i);

      start_minutes = (start_wall - day * MP_SECONDS_PER_DAY) / 60;
      end_minutes = MIN ((end_wall - day * MP_SECONDS_PER_DAY) / 60, 24 * 60);
      start_text = mp_clock_to_string (start_minutes);
      end_text = mp_clock_to_string (end_minutes);

      /* Leave a field alone while it holds what the person is typing. */
      if (self->error == NULL)
        {
          set_entry_text (self->start_row, start_text);
          set_entry_text (self->end_row, end_text);
        }
      gtk_spin_button_set_value (self->duration_spin, (end_wall - start_wall) / 60);
    }

  /* The buffer keeps what is being typed (a new empty line, say) as long
   * as it means the same topics. */
  {
    g_auto(GStrv) shown = read_topics (self);
    const char * const *wanted = mp_meeting_get_topics (m);
    const char * const none[] = { NULL };

    if (!g_strv_equal ((const char * const *) shown, wanted != NULL ? wanted : none))
      {
        if (wanted != NULL)
          topics = g_strjoinv ("\n", (char **) wanted);
        set_buffer_text (self->topics_view, topics);
      }
  }
  set_buffer_text (self->notes_view, mp_meeting_get_notes (m));
  gtk_switch_set_active (self->locked_switch, mp_meeting_get_locked (m));

  if (self->participants_dirty)
    build_participants (self);
  update_participant_checks (self);

  self->updating = FALSE;
}

/* Applying changes -------------------------------------------------------- */

/* Typing in a field: one undo step called label, however many keys. */
static void
set_merged (MpMeetingEditor *self,
            const char      *label,
            const char      *property,
            const GValue    *value)
{
  if (!can_edit (self))
    return;
  if (self->draft)
    g_object_set_property (G_OBJECT (self->meeting), property, value);
  else
    mp_history_set_merged_labelled (self->history, label, self->meeting, property, value);
}

static void
on_title_changed_cb (AdwEntryRow     *row,
                     MpMeetingEditor *self)
{
  GValue value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, gtk_editable_get_text (GTK_EDITABLE (row)));
  set_merged (self, _("Rename Meeting"), "title", &value);
  g_value_unset (&value);
}

static void
set_enum_property (MpMeetingEditor *self,
                   const char      *property,
                   int              value,
                   const char      *label)
{
  edit (self, label, property, value, NULL);
}

static void
on_kind_selected_cb (AdwComboRow     *row,
                     GParamSpec      *pspec,
                     MpMeetingEditor *self)
{
  guint selected = adw_combo_row_get_selected (row);

  if (selected < MP_N_MEETING_KINDS)
    set_enum_property (self, "kind", selected, _("Change Kind"));
}

static void
on_status_selected_cb (AdwComboRow     *row,
                       GParamSpec      *pspec,
                       MpMeetingEditor *self)
{
  guint selected = adw_combo_row_get_selected (row);

  if (selected <= MP_MEETING_STATUS_CANCELLED)
    set_enum_property (self, "status", selected, _("Change Status"));
}

static void
on_room_selected_cb (AdwComboRow     *row,
                     GParamSpec      *pspec,
                     MpMeetingEditor *self)
{
  guint selected = adw_combo_row_get_selected (row);
  MpTime start, end;
  GTimeZone *zone;

  if (!can_edit (self) || selected >= self->room_ids->len || mp_meeting_get_start (self->meeting) == NULL)
    return;

  /* The meeting keeps its local times in the new room's clock. */
  start = mp_time_from_wall (local_wall (self->meeting, mp_meeting_get_start (self->meeting)));
  end = mp_time_from_wall (local_wall (self->meeting, mp_meeting_get_end (self->meeting)));
  zone = mp_plan_get_room_zone (self->plan, g_ptr_array_index (self->room_ids, selected));
  if (!mp_time_resolve (&start, zone, &(gint64) { 0 }, NULL) ||
      !mp_time_resolve (&end, zone, &(gint64) { 0 }, NULL))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  edit (self, _("Change Room"),
        "room", g_ptr_array_index (self->room_ids, selected), "start", &start, "end", &end, NULL);
}

/* Reads the start and end rows on day. On error, says what is wrong and
 * which row. */
static gboolean
read_times (MpMeetingEditor  *self,
            gint64            day,
            MpTime           *start,
            MpTime           *end,
            AdwEntryRow     **bad_row,
            GError          **error)
{
  GTimeZone *zone = mp_meeting_get_time_zone (self->meeting);
  gint64 instant;
  int start_minutes, end_minutes;

  *bad_row = self->start_row;
  if (!mp_clock_parse (gtk_editable_get_text (GTK_EDITABLE (self->start_row)), &start_minutes, error))
    return FALSE;
  *bad_row = self->end_row;
  if (!mp_clock_parse (gtk_editable_get_text (GTK_EDITABLE (self->end_row)), &end_minutes, error))
    return FALSE;
  if (end_minutes <= start_minutes)
    {
      g_set_error (error, MP_TIME_ERROR, MP_TIME_ERROR_INVALID,
                   _("The meeting must end after it starts"));
      return FALSE;
    }

  *start = mp_time_from_wall (day * MP_SECONDS_PER_DAY + start_minutes * 60);
  *end = mp_time_from_wall (day * MP_SECONDS_PER_DAY + end_minutes * 60);
  *bad_row = self->start_row;
  if (!mp_time_resolve (start, zone, &instant, error))
    return FALSE;
  *bad_row = self->end_row;
  if (!mp_time_resolve (end, zone, &instant, error))
    return FALSE;

  *bad_row = NULL;
  return TRUE;
}

/* The day the Date row shows. */
static gboolean
selected_day (MpMeetingEditor *self,
              gint64          *day)
{
  guint selected = adw_combo_row_get_selected (self->date_row);

  if (selected >= self->days->len)
    return FALSE;
  *day = g_array_index (self->days, gint64, selected);
  return TRUE;
}

static void
apply_times_on (MpMeetingEditor *self,
                gint64           day,
                gboolean         merged)
{
  g_autoptr(GError) error = NULL;
  AdwEntryRow *bad_row = NULL;
  MpTime start, end;

  if (!can_edit (self))
    return;

  if (!read_times (self, day, &start, &end, &bad_row, &error))
    {
      set_error (self, error != NULL ? error->message : NULL, bad_row);
      return;
    }
  set_error (self, NULL, NULL);

  if (mp_time_equal (&start, mp_meeting_get_start (self->meeting)) &&
      mp_time_equal (&end, mp_meeting_get_end (self->meeting)))
    return;

  if (merged && mp_time_equal (&end, mp_meeting_get_end (self->meeting)))
    {
      GValue value = G_VALUE_INIT;

      g_value_init (&value, MP_TYPE_TIME);
      g_value_set_boxed (&value, &start);
      set_merged (self, _("Change Time"), "start", &value);
      g_value_unset (&value);
    }
  else if (merged && mp_time_equal (&start, mp_meeting_get_start (self->meeting)))
    {
      GValue value = G_VALUE_INIT;

      g_value_init (&value, MP_TYPE_TIME);
      g_value_set_boxed (&value, &end);
      set_merged (self, _("Change Time"), "end", &value);
      g_value_unset (&value);
    }
  else
    edit (self, _("Change Time"), "start", &start, "end", &end, NULL);
}

static void
apply_times (MpMeetingEditor *self,
             gboolean         merged)
{
  gint64 day;

  if (selected_day (self, &day))
    apply_times_on (self, day, merged);
}

static void
on_time_changed_cb (AdwEntryRow     *row,
                    MpMeetingEditor *self)
{
  apply_times (self, TRUE);
}

static void
on_date_selected_cb (AdwComboRow     *row,
                     GParamSpec      *pspec,
                     MpMeetingEditor *self)
{
  self->choosing_day = TRUE;
  apply_times (self, FALSE);
  self->choosing_day = FALSE;
}

/* The calendar beside the Date row: any day, the conference's marked. */

static gint64
calendar_day (GtkCalendar *calendar)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autoptr(GDateTime) utc = g_date_time_new_utc (g_date_time_get_year (date),
                                                  g_date_time_get_month (date),
                                                  g_date_time_get_day_of_month (date), 0, 0, 0);

  return g_date_time_to_unix (utc) / MP_SECONDS_PER_DAY;
}

static void
mark_conference_days (MpMeetingEditor *self)
{
  g_autoptr(GDateTime) shown = gtk_calendar_get_date (self->calendar);
  g_autoptr(GDateTime) other = NULL;
  gboolean updating = self->updating;
  MpConference *conference;

  if (self->marking)
    return;

  gtk_calendar_clear_marks (self->calendar);
  if (self->plan != NULL)
    {
      conference = mp_plan_get_conference (self->plan);
      for (gint64 d = mp_conference_get_start_date (conference); d <= mp_conference_get_end_date (conference); d++)
        {
          g_autoptr(GDateTime) date = g_date_time_new_from_unix_utc (d * MP_SECONDS_PER_DAY);

          if (g_date_time_get_year (date) == g_date_time_get_year (shown) &&
              g_date_time_get_month (date) == g_date_time_get_month (shown))
            gtk_calendar_mark_day (self->calendar, g_date_time_get_day_of_month (date));
        }
    }

  /* GTK 4.8 shows marks when it lays out the days again: on a change of
   * the day. Another day and back. */
  self->marking = TRUE;
  self->updating = TRUE;
  other = g_date_time_add_days (shown, g_date_time_get_day_of_month (shown) > 1 ? -1 : 1);
  gtk_calendar_select_day (self->calendar, other);
  gtk_calendar_select_day (self->calendar, shown);
  self->updating = updating;
  self->marking = FALSE;
}

static void
on_calendar_month_cb (GtkCalendar     *calendar,
                      GParamSpec      *pspec,
                      MpMeetingEditor *self)
{
  mark_conference_days (self);
}

static void
on_date_popover_show_cb (GtkPopover      *popover,
                         MpMeetingEditor *self)
{
  gint64 day;

  if (selected_day (self, &day))
    {
      g_autoptr(GDateTime) date = g_date_time_new_from_unix_utc (day * MP_SECONDS_PER_DAY);
      gboolean updating = self->updating;

      self->updating = TRUE;
      gtk_calendar_select_day (self->calendar, date);
      self->updating = updating;
    }
  mark_conference_days (self);
}

static void
on_calendar_day_selected_cb (GtkCalendar     *calendar,
                             MpMeetingEditor *self)
{
  if (self->updating)
    return;
  gtk_menu_button_popdown (self->date_button);
  apply_times_on (self, calendar_day (calendar), FALSE);
}

static void
on_duration_changed_cb (GtkSpinButton   *spin,
                        MpMeetingEditor *self)
{
  int start_minutes;
  int end_minutes;
  g_autofree char *text = NULL;

  if (self->updating || self->meeting == NULL)
    return;
  if (!mp_clock_parse (gtk_editable_get_text (GTK_EDITABLE (self->start_row)), &start_minutes, NULL))
    return;

  end_minutes = MIN (start_minutes + gtk_spin_button_get_value_as_int (spin), 24 * 60);
  text = mp_clock_to_string (end_minutes);
  gtk_editable_set_text (GTK_EDITABLE (self->end_row), text);
}

/* One topic a line; blank lines do not count. */
static GStrv
read_topics (MpMeetingEditor *self)
{
  g_autofree char *text = buffer_text (self->topics_view);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (lines[i][0] != '\0')
        g_strv_builder_add (builder, lines[i]);
    }
  return g_strv_builder_end (builder);
}

static void
on_topics_changed_cb (GtkTextBuffer   *buffer,
                      MpMeetingEditor *self)
{
  g_auto(GStrv) topics = read_topics (self);
  GValue value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRV);
  g_value_set_boxed (&value, topics);
  set_merged (self, _("Change Topics"), "topics", &value);
  g_value_unset (&value);
}

static void
on_notes_changed_cb (GtkTextBuffer   *buffer,
                     MpMeetingEditor *self)
{
  g_autofree char *text = buffer_text (self->notes_view);
  GValue value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text[0] != '\0' ? text : NULL);
  set_merged (self, _("Change Notes"), "notes", &value);
  g_value_unset (&value);
}

static void
on_locked_active_cb (GtkSwitch       *sw,
                     GParamSpec      *pspec,
                     MpMeetingEditor *self)
{
  edit (self, gtk_switch_get_active (sw) ? _("Lock Meeting") : _("Unlock Meeting"),
        "locked", gtk_switch_get_active (sw), NULL);
}

static void
on_focus_leave_cb (GtkEventControllerFocus *controller,
                   MpMeetingEditor         *self)
{
  /* Typing after leaving a field is a new step. */
  if (self->history != NULL)
    mp_history_seal (self->history);
}

static void
on_meeting_notify_cb (MpMeeting       *meeting,
                      GParamSpec      *pspec,
                      MpMeetingEditor *self)
{
  if (!self->updating)
    populate (self);
}

static void
on_plan_changed_cb (MpPlan          *plan,
                    MpMeetingEditor *self)
{
  /* The meeting was removed (deleted, or an undo of its adding); a
   * draft is not in the plan yet. */
  if (self->meeting != NULL && !self->draft && mp_plan_get_position (plan, MP_RECORD (self->meeting)) < 0)
    {
      /* Closed first: focus leaves the rows before they go insensitive. */
      g_signal_emit (self, signals [CLOSED], 0);
      mp_meeting_editor_set_meeting (self, NULL);
    }
}

static void
on_collection_changed_cb (GListModel      *model,
                          guint            position,
                          guint            removed,
                          guint            added,
                          MpMeetingEditor *self)
{
  if (g_list_model_get_item_type (model) == MP_TYPE_ROOM)
    build_choices (self);
  else
    self->participants_dirty = TRUE;
  populate (self);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  MpMeetingEditor *self = MP_MEETING_EDITOR (widget);
  g_autoptr(MpMeeting) meeting = NULL;

  if (self->meeting == NULL || self->history == NULL || self->draft)
    return;

  meeting = g_object_ref (self->meeting);
  mp_history_begin (self->history, _("Delete Meeting"));
  mp_history_remove (self->history, MP_RECORD (meeting));
  mp_history_end (self->history);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  mp_meeting_editor_add (MP_MEETING_EDITOR (widget));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  MpMeetingEditor *self = MP_MEETING_EDITOR (widget);

  /* Closing puts a draft away: it was never in the plan. Closed first:
   * focus leaves the rows before they go insensitive. */
  g_signal_emit (widget, signals [CLOSED], 0);
  if (self->draft)
    mp_meeting_editor_set_meeting (self, NULL);
}

static gboolean
mp_meeting_editor_grab_focus (GtkWidget *widget)
{
  MpMeetingEditor *self = MP_MEETING_EDITOR (widget);

  /* A draft is there to be given a time. */
  return gtk_widget_grab_focus (GTK_WIDGET (self->draft ? self->start_row : self->title_row));
}

/* GObject ----------------------------------------------------------------- */

static void
mp_meeting_editor_dispose (GObject *object)
{
  MpMeetingEditor *self = (MpMeetingEditor *)object;

  mp_meeting_editor_set_meeting (self, NULL);
  mp_meeting_editor_set_history (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), MP_TYPE_MEETING_EDITOR);
  g_clear_pointer (&self->room_ids, g_ptr_array_unref);
  g_clear_handle_id (&self->days_idle, g_source_remove);
  g_clear_pointer (&self->days, g_array_unref);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (mp_meeting_editor_parent_class)->dispose (object);
}

static void
mp_meeting_editor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  MpMeetingEditor *self = MP_MEETING_EDITOR (object);

  switch (prop_id)
    {
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;

    case PROP_MEETING:
      g_value_set_object (value, self->meeting);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_meeting_editor_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  MpMeetingEditor *self = MP_MEETING_EDITOR (object);

  switch (prop_id)
    {
    case PROP_HISTORY:
      mp_meeting_editor_set_history (self, g_value_get_object (value));
      break;

    case PROP_MEETING:
      mp_meeting_editor_set_meeting (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_meeting_editor_class_init (MpMeetingEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mp_meeting_editor_dispose;
  object_class->get_property = mp_meeting_editor_get_property;
  object_class->set_property = mp_meeting_editor_set_property;
  widget_class->grab_focus = mp_meeting_editor_grab_focus;

  properties [PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, MP_TYPE_HISTORY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_MEETING] =
    g_param_spec_object ("meeting", NULL, NULL, MP_TYPE_MEETING,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MpMeetingEditor::closed:
   *
   * The editor asks to be put away: its close button, Escape, or its
   * meeting is gone.
   */
  signals [CLOSED] =
    g_signal_new ("closed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * MpMeetingEditor::added:
   * @meeting: the draft, now in the plan
   *
   * A draft was added to the plan (its Add button).
   */
  signals [ADDED] =
    g_signal_new ("added",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, MP_TYPE_MEETING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ministerial/Ministerial/mp-meeting-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, MpMeetingEditor, add_button);
  gtk_widget_class_bind_template_child (widget_class, MpMeetingEditor, box);
  gtk_widget_class_bind_template_child (widget_class, MpMeetingEditor, calendar);
  gtk_widget_class_bind_template_child (widget_class, MpMeetingEditor, date_button);
  gtk_widget_class_bind_template_child (widget_class, MpMeetingEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, MpMeetingEditor, delete_button);
  gtk_widget_class_bind_template_child (widget_class, MpMeetingEditor, duration_spin);
  gtk_widget_class_bind_template_child (widget_class, MpMeetingEditor, end_row);
  gtk_widget_class_bind_template_child (widget_class, MpMeetingEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, MpMeetingEditor, heading_label);
  gtk_widget_class_bind_template_child (widget_class, MpMeetingEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, MpMeetingEditor, locked_switch);
  gtk_widget_class_bind_template_child (widget_class, MpMeetingEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, MpMeetingEditor, participants_group);
  gtk_widget_class_bind_template_child (widget_class, MpMeetingEditor, participants_list);
  gtk_widget_class_bind_template_child (widget_class, MpMeetingEditor, participants_search);
  gtk_widget_class_bind_template_child (widget_class, MpMeetingEditor, room_row);
  gtk_widget_class_bind_template_child (widget_class, MpMeetingEditor, start_row);
  gtk_widget_class_bind_template_child (widget_class, MpMeetingEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, MpMeetingEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, MpMeetingEditor, topics_view);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_month_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_date_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_date_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_duration_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_locked_active_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_room_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_status_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_time_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_title_changed_cb);

  gtk_widget_class_install_action (widget_class, "editor.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "editor.close", NULL, close_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "editor.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "editor.add", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "meetingeditor");
}

static void
add_focus_sealer (MpMeetingEditor *self,
                  GtkWidget       *widget)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect (focus, "leave", G_CALLBACK (on_focus_leave_cb), self);
  gtk_widget_add_controller (widget, focus);
}

static void
mp_meeting_editor_init (MpMeetingEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->room_ids = g_ptr_array_new_with_free_func (g_free);
  self->days = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_list_box_set_header_func (self->participants_list, header_func, NULL, NULL);
  gtk_list_box_set_filter_func (self->participants_list, filter_func, self, NULL);
  g_signal_connect (gtk_text_view_get_buffer (self->topics_view), "changed",
                    G_CALLBACK (on_topics_changed_cb), self);
  g_signal_connect (gtk_text_view_get_buffer (self->notes_view), "changed",
                    G_CALLBACK (on_notes_changed_cb), self);

  add_focus_sealer (self, GTK_WIDGET (self->title_row));
  add_focus_sealer (self, GTK_WIDGET (self->start_row));
  add_focus_sealer (self, GTK_WIDGET (self->end_row));
  add_focus_sealer (self, GTK_WIDGET (self->duration_spin));
  add_focus_sealer (self, GTK_WIDGET (self->topics_view));
  add_focus_sealer (self, GTK_WIDGET (self->notes_view));

  build_choices (self);
  update_header (self);
  gtk_widget_set_sensitive (self->box, FALSE);
}

/* Public ------------------------------------------------------------------ */

GtkWidget *
mp_meeting_editor_new (void)
{
  return g_object_new (MP_TYPE_MEETING_EDITOR, NULL);
}

MpHistory *
mp_meeting_editor_get_history (MpMeetingEditor *self)
{
  g_return_val_if_fail (MP_IS_MEETING_EDITOR (self), NULL);

  return self->history;
}

void
mp_meeting_editor_set_history (MpMeetingEditor *self,
                               MpHistory       *history)
{
  g_return_if_fail (MP_IS_MEETING_EDITOR (self));
  g_return_if_fail (!history || MP_IS_HISTORY (history));

  if (self->history == history)
    return;

  mp_meeting_editor_set_meeting (self, NULL);
  if (self->plan != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->plan, self);
      g_signal_handlers_disconnect_by_data (mp_plan_get_rooms (self->plan), self);
      g_signal_handlers_disconnect_by_data (mp_plan_get_participants (self->plan), self);
      g_signal_handlers_disconnect_by_data (mp_plan_get_delegations (self->plan), self);
    }
  g_clear_object (&self->plan);
  g_set_object (&self->history, history);

  if (history != NULL)
    {
      self->plan = g_object_ref (mp_history_get_plan (history));
      g_signal_connect_object (self->plan, "changed", G_CALLBACK (on_plan_changed_cb), self, 0);
      g_signal_connect_object (mp_plan_get_rooms (self->plan), "items-changed",
                               G_CALLBACK (on_collection_changed_cb), self, 0);
      g_signal_connect_object (mp_plan_get_participants (self->plan), "items-changed",
                               G_CALLBACK (on_collection_changed_cb), self, 0);
      g_signal_connect_object (mp_plan_get_delegations (self->plan), "items-changed",
                               G_CALLBACK (on_collection_changed_cb), self, 0);
    }

  build_choices (self);
  self->participants_dirty = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_HISTORY]);
}

MpMeeting *
mp_meeting_editor_get_meeting (MpMeetingEditor *self)
{
  g_return_val_if_fail (MP_IS_MEETING_EDITOR (self), NULL);

  return self->meeting;
}

/* The header says what the editor holds: a meeting of the plan (which can
 * be deleted) or a draft (which can be added). */
static void
update_header (MpMeetingEditor *self)
{
  gtk_label_set_label (self->heading_label, self->draft ? _("New Meeting") : _("Meeting"));
  gtk_widget_set_visible (self->add_button, self->draft);
  gtk_widget_set_visible (self->delete_button, !self->draft);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add", self->draft);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.delete", self->meeting != NULL && !self->draft);
}

static void
set_meeting (MpMeetingEditor *self,
             MpMeeting       *meeting,
             gboolean         draft)
{
  draft = meeting != NULL && draft;
  if (self->meeting == meeting && self->draft == draft)
    return;

  if (self->meeting != NULL)
    g_signal_handlers_disconnect_by_data (self->meeting, self);
  if (self->history != NULL)
    mp_history_seal (self->history);
  g_set_object (&self->meeting, meeting);
  self->draft = draft;
  set_error (self, NULL, NULL);
  if (is_large (self))
    self->participants_dirty = TRUE;
  if (meeting != NULL)
    g_signal_connect_object (meeting, "notify", G_CALLBACK (on_meeting_notify_cb), self, 0);

  update_header (self);
  populate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MEETING]);
}

void
mp_meeting_editor_set_meeting (MpMeetingEditor *self,
                               MpMeeting       *meeting)
{
  g_return_if_fail (MP_IS_MEETING_EDITOR (self));
  g_return_if_fail (!meeting || MP_IS_MEETING (meeting));

  set_meeting (self, meeting, FALSE);
}

void
mp_meeting_editor_set_draft (MpMeetingEditor *self,
                             MpMeeting       *draft)
{
  g_return_if_fail (MP_IS_MEETING_EDITOR (self));
  g_return_if_fail (MP_IS_MEETING (draft));
  g_return_if_fail (self->history != NULL);
  g_return_if_fail (mp_plan_get_position (self->plan, MP_RECORD (draft)) < 0);

  set_meeting (self, draft, TRUE);
  update_draft_zone (self);
}

gboolean
mp_meeting_editor_get_is_draft (MpMeetingEditor *self)
{
  g_return_val_if_fail (MP_IS_MEETING_EDITOR (self), FALSE);

  return self->draft;
}

gboolean
mp_meeting_editor_add (MpMeetingEditor *self)
{
  g_autoptr(MpMeeting) meeting = NULL;
  g_autoptr(GError) error = NULL;
  AdwEntryRow *bad_row = NULL;
  MpTime start, end;
  gint64 day;
  gboolean added;

  g_return_val_if_fail (MP_IS_MEETING_EDITOR (self), FALSE);

  if (!self->draft || self->meeting == NULL || self->history == NULL)
    return FALSE;

  /* What the time rows hold must be a time first. */
  if (!selected_day (self, &day) ||
      !read_times (self, day, &start, &end, &bad_row, &error))
    {
      set_error (self, error != NULL ? error->message : NULL, bad_row);
      if (bad_row != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (bad_row));
      gtk_widget_error_bell (GTK_WIDGET (self));
      return FALSE;
    }

  meeting = g_object_ref (self->meeting);
  mp_history_seal (self->history);
  mp_history_begin (self->history, mp_meeting_get_request (meeting) != NULL ? _("Place Request") : _("Add Meeting"));
  added = mp_history_add (self->history, MP_RECORD (meeting), &error);
  mp_history_end (self->history);
  if (!added)
    {
      set_error (self, error->message, NULL);
      gtk_widget_error_bell (GTK_WIDGET (self));
      return FALSE;
    }

  self->draft = FALSE;
  update_header (self);
  g_signal_emit (self, signals [ADDED], 0, meeting);
  return TRUE;
}

const char *
mp_meeting_editor_get_error (MpMeetingEditor *self)
{
  g_return_val_if_fail (MP_IS_MEETING_EDITOR (self), NULL);

  return self->error;
}
