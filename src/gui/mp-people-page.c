/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mp-people-page"

#include "config.h"

#include <glib/gi18n.h>

#include "mp-page-common.h"
#include "mp-people-page.h"

struct _MpPeoplePage
{
  MpPage               parent_instance;

  AdwPreferencesGroup *availability_group;
  GtkButton           *cancel_button;
  GtkButton           *commit_button;
  GtkDropDown         *delegation_filter;
  AdwComboRow         *delegation_row;
  GtkStack            *detail_stack;
  GtkButton           *empty_button;
  AdwPreferencesGroup *details_group;
  AdwEntryRow         *email_row;
  GtkStack            *list_stack;
  GtkListView         *list_view;
  AdwPreferencesGroup *meetings_group;
  AdwEntryRow         *name_row;
  AdwEntryRow         *organization_row;
  GtkButton           *remove_button;
  AdwComboRow         *role_row;
  GtkSearchEntry      *search_entry;
  GtkStack            *stack;
  AdwEntryRow         *title_row;

  MpPlanWatch          watch;
  GtkSortListModel    *sort_model;
  GtkFilterListModel  *filter_model;
  GtkSingleSelection  *selection;
  GtkSorter           *sorter;
  GtkFilter           *filter;
  GtkListItemFactory  *factory;
  MpForm              *form;
  MpParticipant       *draft;         /* a new person, not yet in the plan */
  MpParticipant       *watched;       /* the person shown, for notify */
  GPtrArray           *filter_ids;    /* delegation ids of the filter's items; [0] NULL */
  char                *filter_key;
  GPtrArray           *window_rows;
  GPtrArray           *meeting_rows;
  gboolean             syncing;
};

G_DEFINE_FINAL_TYPE (MpPeoplePage, mp_people_page, MP_TYPE_PAGE)

static void update_view (MpPeoplePage *self);

static MpPlan *
get_plan (MpPeoplePage *self)
{
  return mp_page_get_plan (MP_PAGE (self));
}

static MpParticipant *
get_target (MpPeoplePage *self)
{
  return mp_form_get_target (self->form);
}

static int
delegation_rank (MpPeoplePage  *self,
                 MpParticipant *person)
{
  MpPlan *plan = get_plan (self);
  MpDelegation *delegation = plan != NULL ? mp_plan_get_delegation (plan, mp_participant_get_delegation (person)) : NULL;

  return delegation != NULL ? mp_delegation_get_precedence (delegation) : G_MAXINT;
}

static int
compare_people (gconstpointer a,
                gconstpointer b,
                gpointer      data)
{
  MpPeoplePage *self = data;
  MpParticipant *pa = (MpParticipant *) a;
  MpParticipant *pb = (MpParticipant *) b;
  int ra = delegation_rank (self, pa);
  int rb = delegation_rank (self, pb);
  int order;

  if (ra != rb)
    return ra < rb ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;

  order = g_strcmp0 (mp_participant_get_delegation (pa), mp_participant_get_delegation (pb));
  if (order == 0 && mp_participant_get_role (pa) != mp_participant_get_role (pb))
    order = mp_participant_get_role (pa) < mp_participant_get_role (pb) ? -1 : 1;
  if (order == 0)
    order = g_utf8_collate (mp_participant_get_name (pa) ? mp_participant_get_name (pa) : "",
                            mp_participant_get_name (pb) ? mp_participant_get_name (pb) : "");
  return order < 0 ? GTK_ORDERING_SMALLER : order > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static gboolean
text_matches (const char *haystack,
              const char *needle)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL)
    return FALSE;
  folded = g_utf8_casefold (haystack, -1);
  return strstr (folded, needle) != NULL;
}

static const char *
filter_delegation_id (MpPeoplePage *self)
{
  guint selected = gtk_drop_down_get_selected (self->delegation_filter);

  if (self->filter_ids == NULL || selected == GTK_INVALID_LIST_POSITION || selected >= self->filter_ids->len)
    return NULL;
  return g_ptr_array_index (self->filter_ids, selected);
}

static gboolean
filter_person (gpointer item,
               gpointer data)
{
  MpPeoplePage *self = data;
  MpParticipant *person = item;
  const char *delegation = filter_delegation_id (self);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *needle = NULL;

  if (delegation != NULL && g_strcmp0 (mp_participant_get_delegation (person), delegation) != 0)
    return FALSE;
  if (text == NULL || *text == '\0')
    return TRUE;

  needle = g_utf8_casefold (text, -1);
  return text_matches (mp_participant_get_name (person), needle) ||
         text_matches (mp_participant_get_title (person), needle) ||
         text_matches (mp_participant_get_organization (person), needle) ||
         text_matches (mp_participant_get_email (person), needle) ||
         text_matches (mp_record_get_id (MP_RECORD (person)), needle);
}

static void
fill_row (gpointer     page,
          MpRecordRow *row,
          gpointer     item)
{
  MpParticipant *person = item;
  const char *title = mp_participant_get_title (person);
  const char *organization = mp_participant_get_organization (person);
  MpRole role = mp_participant_get_role (person);
  g_autofree char *subtitle = NULL;

  if (title != NULL && organization != NULL)
    subtitle = g_strdup_printf ("%s · %s", title, organization);
  else
    subtitle = g_strdup (title != NULL ? title : organization);

  mp_record_row_set_prefix (row, mp_participant_get_delegation (person));
  mp_record_row_set_title (row, mp_participant_get_name (person));
  mp_record_row_set_subtitle (row, subtitle);
  mp_record_row_set_badge (row, mp_role_label (role), role == MP_ROLE_PRINCIPAL ? "accent" : NULL);
}

/* Delegations */

static void
sync_delegation_row (MpPeoplePage *self)
{
  MpParticipant *target = get_target (self);
  MpPlan *plan = get_plan (self);
  MpDelegation *delegation = NULL;
  int position;

  if (target != NULL && plan != NULL)
    delegation = mp_plan_get_delegation (plan, mp_participant_get_delegation (target));
  position = delegation != NULL ? mp_plan_get_position (plan, MP_RECORD (delegation)) : -1;
  if (target == NULL ||
      adw_combo_row_get_selected (self->delegation_row) == (position >= 0 ? (guint) position : GTK_INVALID_LIST_POSITION))
    return;

  self->syncing = TRUE;
  adw_combo_row_set_selected (self->delegation_row, position >= 0 ? (guint) position : GTK_INVALID_LIST_POSITION);
  self->syncing = FALSE;
}

static void
on_delegation_row_selected_cb (AdwComboRow  *row,
                               GParamSpec   *pspec,
                               MpPeoplePage *self)
{
  MpParticipant *target = get_target (self);
  MpDelegation *delegation = adw_combo_row_get_selected_item (row);
  const char *id;

  if (self->syncing || target == NULL || delegation == NULL)
    return;

  id = mp_record_get_id (MP_RECORD (delegation));
  if (g_strcmp0 (id, mp_participant_get_delegation (target)) == 0)
    return;

  if (target == self->draft)
    mp_participant_set_delegation (target, id);
  else
    {
      mp_history_begin (MP_PAGE_HISTORY (self), _("Change Delegation"));
      mp_history_set (MP_PAGE_HISTORY (self), target, "delegation", id, NULL);
      mp_history_end (MP_PAGE_HISTORY (self));
    }
}

static char *
delegation_name (MpDelegation *delegation)
{
  return g_strdup (delegation != NULL ? mp_delegation_get_name (delegation) : NULL);
}

/* The filter's items: every delegation, in order of precedence. */
static void
update_delegation_filter (MpPeoplePage *self)
{
  MpPlan *plan = get_plan (self);
  g_autoptr(GtkSortListModel) sorted = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GString) key = g_string_new (NULL);
  g_autofree char *selected_id = g_strdup (filter_delegation_id (self));
  guint selected = 0;
  guint n;

  g_ptr_array_add (ids, NULL);
  gtk_string_list_append (names, _("All Delegations"));

  if (plan != NULL)
    {
      GListModel *delegations = mp_plan_get_delegations (plan);

      n = g_list_model_get_n_items (delegations);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(MpDelegation) delegation = g_list_model_get_item (delegations, i);
          const char *id = mp_record_get_id (MP_RECORD (delegation));
          guint at = 1;

          /* Insertion by precedence: a handful of delegations, or 193. */
          while (at < ids->len &&
                 mp_delegation_get_precedence (mp_plan_get_delegation (plan, g_ptr_array_index (ids, at))) <=
                 mp_delegation_get_precedence (delegation))
            at++;
          g_ptr_array_insert (ids, at, g_strdup (id));
        }
    }

  for (guint i = 1; i < ids->len; i++)
    {
      MpDelegation *delegation = mp_plan_get_delegation (plan, g_ptr_array_index (ids, i));

      gtk_string_list_append (names, mp_delegation_get_name (delegation));
      g_string_append_printf (key, "%s\n%s\n", (char *) g_ptr_array_index (ids, i),
                              mp_delegation_get_name (delegation));
      if (g_strcmp0 (selected_id, g_ptr_array_index (ids, i)) == 0)
        selected = i;
    }

  if (g_strcmp0 (key->str, self->filter_key) == 0)
    return;

  g_free (self->filter_key);
  self->filter_key = g_strdup (key->str);
  g_clear_pointer (&self->filter_ids, g_ptr_array_unref);
  self->filter_ids = g_steal_pointer (&ids);
  gtk_drop_down_set_model (self->delegation_filter, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->delegation_filter, selected);
}

/* Availability */

/* A copy that borrows the windows' extras: the participant takes its own
 * references when it is given the array. */
static GArray *
copy_windows (MpParticipant *person)
{
  GArray *windows = mp_participant_get_available (person);
  GArray *copy = g_array_new (FALSE, FALSE, sizeof (MpInterval));

  if (windows != NULL)
    g_array_append_vals (copy, windows->data, windows->len);
  return copy;
}

static void
write_windows (MpPeoplePage  *self,
               MpParticipant *person,
               GArray        *windows)
{
  GArray *value = windows != NULL && windows->len > 0 ? windows : NULL;

  if (person == self->draft)
    {
      mp_participant_set_available (person, value);
      return;
    }

  mp_history_begin (MP_PAGE_HISTORY (self), _("Change Availability"));
  mp_history_set (MP_PAGE_HISTORY (self), person, "available", value, NULL);
  mp_history_end (MP_PAGE_HISTORY (self));
}

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static void
on_window_entry_apply (MpPeoplePage *self,
                       GtkWidget    *entry)
{
  GtkWidget *row = gtk_widget_get_ancestor (entry, GTK_TYPE_LIST_BOX_ROW);
  GtkEntry *start = g_object_get_data (G_OBJECT (row), "mp-start");
  GtkEntry *end = g_object_get_data (G_OBJECT (row), "mp-end");
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "mp-index"));
  g_autofree char *message = NULL;

  if (get_target (self) == NULL)
    return;

  if (mp_people_page_set_window (self, index,
                                 gtk_editable_get_text (GTK_EDITABLE (start)),
                                 gtk_editable_get_text (GTK_EDITABLE (end)),
                                 &message))
    return;

  gtk_widget_add_css_class (entry, "error");
  gtk_widget_set_tooltip_text (entry, message);
}

static void
on_window_entry_activate_cb (GtkEntry     *entry,
                             MpPeoplePage *self)
{
  on_window_entry_apply (self, GTK_WIDGET (entry));
}

static void
on_window_entry_leave_cb (GtkEventControllerFocus *controller,
                          MpPeoplePage            *self)
{
  on_window_entry_apply (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
}

static void
on_remove_window_clicked_cb (GtkButton    *button,
                             MpPeoplePage *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);

  mp_people_page_remove_window (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "mp-index")));
}

static GtkWidget *
window_entry_new (MpPeoplePage *self,
                  const MpTime *time,
                  const char   *label)
{
  GtkWidget *entry = gtk_entry_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  g_autofree char *text = mp_pages_format_local (time);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 16);
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_signal_connect (entry, "activate", G_CALLBACK (on_window_entry_activate_cb), self);
  g_signal_connect (focus, "leave", G_CALLBACK (on_window_entry_leave_cb), self);
  gtk_widget_add_controller (entry, focus);
  return entry;
}

static void
update_windows (MpPeoplePage *self)
{
  MpParticipant *target = get_target (self);
  GArray *windows = target != NULL ? mp_participant_get_available (target) : NULL;
  MpPlan *plan = get_plan (self);
  const char *zone = plan != NULL ? mp_conference_get_time_zone (mp_plan_get_conference (plan)) : NULL;
  g_autofree char *description = NULL;

  clear_rows (self->availability_group, self->window_rows);

  /* TRANSLATORS: %s is a time zone such as America/Mexico_City */
  description = g_strdup_printf (_("Times in %s. Without windows, available throughout the conference."),
                                 zone != NULL ? zone : "UTC");
  adw_preferences_group_set_description (self->availability_group, description);

  if (windows == NULL || windows->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Available throughout the conference"));
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (self->availability_group, row);
      g_ptr_array_add (self->window_rows, row);
      return;
    }

  for (guint i = 0; i < windows->len; i++)
    {
      MpInterval *window = &g_array_index (windows, MpInterval, i);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      g_autofree char *start_label = g_strdup_printf (_("Start of window %u"), i + 1);
      g_autofree char *end_label = g_strdup_printf (_("End of window %u"), i + 1);
      GtkWidget *start = window_entry_new (self, &window->start, start_label);
      GtkWidget *end = window_entry_new (self, &window->end, end_label);
      GtkWidget *to = gtk_label_new (_("to"));
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_set_margin_start (box, 12);
      gtk_widget_set_margin_end (box, 6);
      gtk_widget_set_margin_top (box, 6);
      gtk_widget_set_margin_bottom (box, 6);
      gtk_widget_add_css_class (to, "dim-label");
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (remove, _("Remove Window"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Remove Window"), -1);
      g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_window_clicked_cb), self);

      gtk_box_append (GTK_BOX (box), start);
      gtk_box_append (GTK_BOX (box), to);
      gtk_box_append (GTK_BOX (box), end);
      gtk_box_append (GTK_BOX (box), remove);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      g_object_set_data (G_OBJECT (row), "mp-start", start);
      g_object_set_data (G_OBJECT (row), "mp-end", end);
      g_object_set_data (G_OBJECT (row), "mp-index", GUINT_TO_POINTER (i));

      adw_preferences_group_add (self->availability_group, row);
      g_ptr_array_add (self->window_rows, row);
    }
}

/* Meetings */

static void
on_meeting_row_activated_cb (AdwActionRow *row,
                             MpPeoplePage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-meeting", "s",
                              g_object_get_data (G_OBJECT (row), "mp-meeting-id"));
}

static void
update_meetings (MpPeoplePage *self)
{
  MpParticipant *target = get_target (self);
  g_autoptr(GPtrArray) people = g_ptr_array_new ();
  g_autoptr(GPtrArray) meetings = NULL;

  clear_rows (self->meetings_group, self->meeting_rows);
  if (target == NULL || target == self->draft)
    return;

  g_ptr_array_add (people, target);
  meetings = mp_pages_meetings_of (get_plan (self), people);
  if (meetings->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No meetings yet"));
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (self->meetings_group, row);
      g_ptr_array_add (self->meeting_rows, row);
      return;
    }

  for (guint i = 0; i < meetings->len; i++)
    {
      MpMeeting *meeting = g_ptr_array_index (meetings, i);
      g_autofree char *when = mp_pages_format_meeting_time (meeting);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), mp_meeting_get_title (meeting));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), when);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_tooltip_text (row, _("Show this meeting"));
      if (mp_meeting_is_cancelled (meeting))
        gtk_widget_add_css_class (row, "dim-label");
      g_object_set_data_full (G_OBJECT (row), "mp-meeting-id",
                              g_strdup (mp_record_get_id (MP_RECORD (meeting))), g_free);
      g_signal_connect (row, "activated", G_CALLBACK (on_meeting_row_activated_cb), self);
      adw_preferences_group_add (self->meetings_group, row);
      g_ptr_array_add (self->meeting_rows, row);
    }
}

/* The view */

static void
on_watched_notify_cb (MpParticipant *person,
                      GParamSpec    *pspec,
                      MpPeoplePage  *self)
{
  if (g_str_equal (pspec->name, "available"))
    update_windows (self);
  else if (g_str_equal (pspec->name, "delegation"))
    sync_delegation_row (self);
  else if (g_str_equal (pspec->name, "name"))
    update_view (self);
}

static void
watch_person (MpPeoplePage  *self,
              MpParticipant *person)
{
  if (self->watched == person)
    return;

  if (self->watched != NULL)
    g_signal_handlers_disconnect_by_data (self->watched, self);
  g_set_object (&self->watched, person);
  if (person != NULL)
    g_signal_connect (person, "notify", G_CALLBACK (on_watched_notify_cb), self);
}

static void
update_view (MpPeoplePage *self)
{
  MpPlan *plan = get_plan (self);
  MpParticipant *target = get_target (self);
  gboolean draft = target != NULL && target == self->draft;
  guint n = plan != NULL ? g_list_model_get_n_items (mp_plan_get_participants (plan)) : 0;
  gboolean has_delegations = plan != NULL && g_list_model_get_n_items (mp_plan_get_delegations (plan)) > 0;

  gtk_stack_set_visible_child_name (self->stack, n > 0 || self->draft != NULL ? "list" : "empty");
  gtk_stack_set_visible_child_name (self->list_stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) > 0 ? "list" : "no-results");
  gtk_stack_set_visible_child_name (self->detail_stack, target != NULL ? "form" : "none");
  /* People belong to a delegation: without one, the way is to add one. */
  if (has_delegations || plan == NULL)
    {
      adw_status_page_set_description (ADW_STATUS_PAGE (gtk_stack_get_child_by_name (self->stack, "empty")),
                                       _("Add the ministers, delegates and staff of each delegation"));
      gtk_button_set_label (self->empty_button, _("_Add Participant"));
      gtk_actionable_set_detailed_action_name (GTK_ACTIONABLE (self->empty_button), "people.add");
    }
  else
    {
      adw_status_page_set_description (ADW_STATUS_PAGE (gtk_stack_get_child_by_name (self->stack, "empty")),
                                       _("Add a delegation first, then the people in it"));
      gtk_button_set_label (self->empty_button, _("Go to _Delegations"));
      gtk_actionable_set_detailed_action_name (GTK_ACTIONABLE (self->empty_button), "win.show-page::delegations");
    }

  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), draft);
  gtk_widget_set_visible (GTK_WIDGET (self->commit_button), draft);
  gtk_widget_set_visible (GTK_WIDGET (self->remove_button), !draft);
  gtk_widget_set_visible (GTK_WIDGET (self->meetings_group), !draft);

  if (draft)
    adw_preferences_group_set_title (self->details_group, _("New Participant"));
  else if (target != NULL)
    {
      g_autofree char *title = g_markup_escape_text (mp_participant_get_name (target) ? mp_participant_get_name (target) : "", -1);

      adw_preferences_group_set_title (self->details_group, title);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.add", has_delegations);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.remove", target != NULL && !draft);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.add-window", target != NULL);
}

static void
show_record (MpPeoplePage  *self,
             MpParticipant *person)
{
  if (person != self->draft)
    g_clear_object (&self->draft);

  mp_form_set_target (self->form, MP_PAGE_HISTORY (self), person, person != NULL && person == self->draft);
  watch_person (self, person);
  sync_delegation_row (self);
  update_windows (self);
  update_meetings (self);
  update_view (self);
}

static gboolean
refresh (gpointer data)
{
  MpPeoplePage *self = data;
  MpParticipant *target = get_target (self);

  update_delegation_filter (self);
  gtk_sorter_changed (self->sorter, GTK_SORTER_CHANGE_DIFFERENT);
  gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
  mp_record_row_factory_refresh (self->factory);

  if (target != NULL && target != self->draft &&
      mp_plan_get_position (get_plan (self), MP_RECORD (target)) < 0)
    show_record (self, NULL);
  else
    {
      sync_delegation_row (self);
      update_meetings (self);
      update_view (self);
    }
  return G_SOURCE_REMOVE;
}

static void
on_search_changed_cb (MpPeoplePage *self)
{
  gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
  update_view (self);
}

static void
on_delegation_filter_cb (GtkDropDown  *drop_down,
                         GParamSpec   *pspec,
                         MpPeoplePage *self)
{
  gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
  update_view (self);
}

static void
on_selected_item_cb (GtkSingleSelection *selection,
                     GParamSpec         *pspec,
                     MpPeoplePage       *self)
{
  gpointer item = gtk_single_selection_get_selected_item (selection);

  if (item != NULL && item != get_target (self))
    show_record (self, item);
}

static gboolean
check_email (const char  *text,
             gpointer     data,
             char       **message)
{
  const char *at = strchr (text, '@');

  if (at == NULL || at == text || at[1] == '\0' || strchr (text, ' ') != NULL)
    {
      *message = g_strdup_printf (_("“%s” is not an email address"), text);
      return FALSE;
    }
  return TRUE;
}

/* Actions */

static void
add_action (GtkWidget  *widget,
            const char *name,
            GVariant   *param)
{
  MpPeoplePage *self = MP_PEOPLE_PAGE (widget);
  const char *delegation = filter_delegation_id (self);

  if (MP_PAGE_HISTORY (self) == NULL)
    return;

  if (delegation == NULL && self->filter_ids != NULL && self->filter_ids->len > 1)
    delegation = g_ptr_array_index (self->filter_ids, 1);
  if (delegation == NULL)
    return;

  g_clear_object (&self->draft);
  self->draft = mp_participant_new (NULL);
  mp_participant_set_delegation (self->draft, delegation);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  show_record (self, self->draft);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
cancel_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  show_record (MP_PEOPLE_PAGE (widget), NULL);
}

static void
commit_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  MpPeoplePage *self = MP_PEOPLE_PAGE (widget);
  g_autoptr(MpParticipant) person = NULL;
  g_autofree char *id = NULL;

  if (self->draft == NULL || !mp_form_apply (self->form))
    return;

  if (mp_participant_get_name (self->draft) == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
      gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
      return;
    }

  id = mp_plan_make_id_from_name (get_plan (self), MP_TYPE_PARTICIPANT, mp_participant_get_name (self->draft));
  mp_record_set_id (MP_RECORD (self->draft), id);
  person = g_steal_pointer (&self->draft);

  mp_history_begin (MP_PAGE_HISTORY (self), _("Add Participant"));
  mp_history_add (MP_PAGE_HISTORY (self), MP_RECORD (person), NULL);
  mp_history_end (MP_PAGE_HISTORY (self));

  mp_plan_watch_flush (&self->watch);
  mp_people_page_select (self, person);
}

typedef struct
{
  MpPeoplePage  *page;
  MpParticipant *person;
} Removal;

static void
removal_free (gpointer data)
{
  Removal *removal = data;

  g_object_unref (removal->page);
  g_object_unref (removal->person);
  g_free (removal);
}

static void
remove_person (MpPeoplePage  *self,
               MpParticipant *person)
{
  g_autoptr(GPtrArray) people = g_ptr_array_new ();

  if (mp_plan_get_position (get_plan (self), MP_RECORD (person)) < 0)
    return;

  g_ptr_array_add (people, person);
  mp_history_begin (MP_PAGE_HISTORY (self), _("Remove Participant"));
  mp_pages_remove_participants (MP_PAGE_HISTORY (self), people);
  mp_history_end (MP_PAGE_HISTORY (self));
}

static void
on_removal_response (gpointer data,
                     gboolean confirmed)
{
  Removal *removal = data;

  if (confirmed && MP_PAGE_HISTORY (removal->page) != NULL)
    remove_person (removal->page, removal->person);
}

static void
remove_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  MpPeoplePage *self = MP_PEOPLE_PAGE (widget);
  MpParticipant *person = get_target (self);
  g_autoptr(GPtrArray) people = g_ptr_array_new ();
  g_autoptr(GPtrArray) meetings = NULL;
  g_autofree char *body = NULL;
  Removal *removal;

  if (person == NULL || person == self->draft || MP_PAGE_HISTORY (self) == NULL)
    return;

  g_ptr_array_add (people, person);
  meetings = mp_pages_meetings_of (get_plan (self), people);
  if (meetings->len == 0)
    {
      remove_person (self, person);
      return;
    }

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%s attends %u meeting. Removing this participant also takes them out of it and out of their requests.",
                                       "%s attends %u meetings. Removing this participant also takes them out of these meetings and out of their requests.",
                                       meetings->len),
                          mp_participant_get_name (person), meetings->len);

  removal = g_new0 (Removal, 1);
  removal->page = g_object_ref (self);
  removal->person = g_object_ref (person);
  mp_pages_confirm_removal (GTK_WIDGET (self), _("Remove Participant?"), body, meetings,
                            get_plan (self), on_removal_response, removal, removal_free);
}

static void
add_window_action (GtkWidget  *widget,
                   const char *name,
                   GVariant   *param)
{
  mp_people_page_add_window (MP_PEOPLE_PAGE (widget));
}

/* GObject */

static void
mp_people_page_history_changed (MpPage *page)
{
  MpPeoplePage *self = MP_PEOPLE_PAGE (page);
  MpPlan *plan;

  show_record (self, NULL);
  plan = get_plan (self);

  mp_plan_watch_set_plan (&self->watch, plan, refresh, GTK_WIDGET (self));
  adw_combo_row_set_model (self->delegation_row, plan != NULL ? mp_plan_get_delegations (plan) : NULL);
  update_delegation_filter (self);
  gtk_sort_list_model_set_model (self->sort_model, plan != NULL ? mp_plan_get_participants (plan) : NULL);
  update_view (self);
}

static void
mp_people_page_dispose (GObject *object)
{
  MpPeoplePage *self = MP_PEOPLE_PAGE (object);

  mp_plan_watch_clear (&self->watch);
  watch_person (self, NULL);
  g_clear_pointer (&self->form, mp_form_free);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), MP_TYPE_PEOPLE_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->factory);
  g_clear_object (&self->draft);
  g_clear_pointer (&self->filter_ids, g_ptr_array_unref);
  g_clear_pointer (&self->filter_key, g_free);
  g_clear_pointer (&self->window_rows, g_ptr_array_unref);
  g_clear_pointer (&self->meeting_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (mp_people_page_parent_class)->dispose (object);
}

static void
mp_people_page_class_init (MpPeoplePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mp_people_page_dispose;
  MP_PAGE_CLASS (klass)->history_changed = mp_people_page_history_changed;

  mp_pages_ensure_style ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ministerial/Ministerial/mp-people-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MpPeoplePage, availability_group);
  gtk_widget_class_bind_template_child (widget_class, MpPeoplePage, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, MpPeoplePage, commit_button);
  gtk_widget_class_bind_template_child (widget_class, MpPeoplePage, delegation_filter);
  gtk_widget_class_bind_template_child (widget_class, MpPeoplePage, delegation_row);
  gtk_widget_class_bind_template_child (widget_class, MpPeoplePage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, MpPeoplePage, details_group);
  gtk_widget_class_bind_template_child (widget_class, MpPeoplePage, email_row);
  gtk_widget_class_bind_template_child (widget_class, MpPeoplePage, empty_button);
  gtk_widget_class_bind_template_child (widget_class, MpPeoplePage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, MpPeoplePage, list_view);
  gtk_widget_class_bind_template_child (widget_class, MpPeoplePage, meetings_group);
  gtk_widget_class_bind_template_child (widget_class, MpPeoplePage, name_row);
  gtk_widget_class_bind_template_child (widget_class, MpPeoplePage, organization_row);
  gtk_widget_class_bind_template_child (widget_class, MpPeoplePage, remove_button);
  gtk_widget_class_bind_template_child (widget_class, MpPeoplePage, role_row);
  gtk_widget_class_bind_template_child (widget_class, MpPeoplePage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, MpPeoplePage, stack);
  gtk_widget_class_bind_template_child (widget_class, MpPeoplePage, title_row);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);

  gtk_widget_class_install_action (widget_class, "people.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "people.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "people.commit", NULL, commit_action);
  gtk_widget_class_install_action (widget_class, "people.remove", NULL, remove_action);
  gtk_widget_class_install_action (widget_class, "people.add-window", NULL, add_window_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "people.add", NULL);
}

static void
mp_people_page_init (MpPeoplePage *self)
{
  g_autoptr(GListModel) roles = NULL;
  g_autoptr(GtkExpression) name = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->window_rows = g_ptr_array_new ();
  self->meeting_rows = g_ptr_array_new ();
  self->sorter = GTK_SORTER (gtk_custom_sorter_new (compare_people, self, NULL));
  self->filter = GTK_FILTER (gtk_custom_filter_new (filter_person, self, NULL));
  self->sort_model = gtk_sort_list_model_new (NULL, self->sorter);
  self->filter_model = gtk_filter_list_model_new (G_LIST_MODEL (self->sort_model), self->filter);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->filter_model));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect (self->selection, "notify::selected-item", G_CALLBACK (on_selected_item_cb), self);

  self->factory = mp_record_row_factory_new (self, fill_row, NULL);
  gtk_list_view_set_factory (self->list_view, self->factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  roles = mp_enum_label_model_new (MP_TYPE_ROLE, (const char *(*) (int)) mp_role_label);
  adw_combo_row_set_model (self->role_row, roles);
  name = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                      G_CALLBACK (delegation_name), NULL, NULL);
  adw_combo_row_set_expression (self->delegation_row, name);
  g_signal_connect (self->delegation_row, "notify::selected", G_CALLBACK (on_delegation_row_selected_cb), self);
  g_signal_connect (self->delegation_filter, "notify::selected", G_CALLBACK (on_delegation_filter_cb), self);

  self->form = mp_form_new (_("Edit Participant"));
  mp_form_add_entry (self->form, self->name_row, "name", FALSE, NULL, NULL);
  mp_form_add_entry (self->form, self->title_row, "title", TRUE, NULL, NULL);
  mp_form_add_entry (self->form, self->organization_row, "organization", TRUE, NULL, NULL);
  mp_form_add_entry (self->form, self->email_row, "email", TRUE, check_email, NULL);
  mp_form_add_combo (self->form, self->role_row, "role");

  update_delegation_filter (self);
  update_view (self);
}

/* Public */

GtkWidget *
mp_people_page_new (void)
{
  return g_object_new (MP_TYPE_PEOPLE_PAGE, NULL);
}

void
mp_people_page_select (MpPeoplePage  *self,
                       MpParticipant *participant)
{
  g_return_if_fail (MP_IS_PEOPLE_PAGE (self));
  g_return_if_fail (participant == NULL || MP_IS_PARTICIPANT (participant));

  mp_plan_watch_flush (&self->watch);
  show_record (self, participant);
  mp_pages_select_item (self->selection, participant);
}

MpParticipant *
mp_people_page_get_selected (MpPeoplePage *self)
{
  g_return_val_if_fail (MP_IS_PEOPLE_PAGE (self), NULL);

  return get_target (self);
}

void
mp_people_page_set_filter (MpPeoplePage *self,
                           const char   *delegation_id,
                           const char   *search)
{
  guint selected = 0;

  g_return_if_fail (MP_IS_PEOPLE_PAGE (self));

  mp_plan_watch_flush (&self->watch);
  for (guint i = 1; delegation_id != NULL && self->filter_ids != NULL && i < self->filter_ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->filter_ids, i), delegation_id) == 0)
      selected = i;

  gtk_drop_down_set_selected (self->delegation_filter, selected);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), search != NULL ? search : "");
  gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
  update_view (self);
}

GListModel *
mp_people_page_get_model (MpPeoplePage *self)
{
  g_return_val_if_fail (MP_IS_PEOPLE_PAGE (self), NULL);

  return G_LIST_MODEL (self->filter_model);
}

void
mp_people_page_add_window (MpPeoplePage *self)
{
  MpParticipant *target;
  MpConference *conference;
  g_autoptr(GArray) windows = NULL;
  MpInterval window = { 0 };

  g_return_if_fail (MP_IS_PEOPLE_PAGE (self));

  target = get_target (self);
  if (target == NULL)
    return;

  conference = mp_plan_get_conference (get_plan (self));
  window.start = mp_time_from_wall (mp_conference_get_start_date (conference) * MP_SECONDS_PER_DAY +
                                    mp_conference_get_day_start (conference) * 60);
  window.end = mp_time_from_wall (mp_conference_get_end_date (conference) * MP_SECONDS_PER_DAY +
                                  mp_conference_get_day_end (conference) * 60);

  windows = copy_windows (target);
  g_array_append_val (windows, window);
  write_windows (self, target, windows);
}

gboolean
mp_people_page_set_window (MpPeoplePage  *self,
                           guint          index,
                           const char    *start,
                           const char    *end,
                           char         **message)
{
  MpParticipant *target;
  g_autoptr(GArray) windows = NULL;
  GTimeZone *zone;
  MpInterval window = { 0 };

  g_return_val_if_fail (MP_IS_PEOPLE_PAGE (self), FALSE);
  g_return_val_if_fail (message != NULL && *message == NULL, FALSE);

  target = get_target (self);
  if (target == NULL)
    return FALSE;

  windows = copy_windows (target);
  if (index >= windows->len)
    {
      *message = g_strdup (_("There is no such window"));
      return FALSE;
    }

  if (!mp_pages_parse_local (get_plan (self), start, &window.start, message) ||
      !mp_pages_parse_local (get_plan (self), end, &window.end, message))
    return FALSE;

  zone = mp_conference_get_zone (mp_plan_get_conference (get_plan (self)));
  if (mp_time_instant (&window.end, zone) <= mp_time_instant (&window.start, zone))
    {
      *message = g_strdup (_("A window ends after it starts"));
      return FALSE;
    }

  if (mp_time_equal (&window.start, &g_array_index (windows, MpInterval, index).start) &&
      mp_time_equal (&window.end, &g_array_index (windows, MpInterval, index).end))
    return TRUE;

  /* What a newer tool wrote about the window stays with it. */
  window.extra = g_array_index (windows, MpInterval, index).extra;
  g_array_index (windows, MpInterval, index) = window;
  write_windows (self, target, windows);
  return TRUE;
}

void
mp_people_page_remove_window (MpPeoplePage *self,
                              guint         index)
{
  MpParticipant *target;
  g_autoptr(GArray) windows = NULL;

  g_return_if_fail (MP_IS_PEOPLE_PAGE (self));

  target = get_target (self);
  if (target == NULL)
    return;

  windows = copy_windows (target);
  if (index >= windows->len)
    return;

  g_array_remove_index (windows, index);
  write_windows (self, target, windows);
}
