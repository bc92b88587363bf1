/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mp-rooms-page"

#include "config.h"

#include <glib/gi18n.h>

#include "mp-page-common.h"
#include "mp-rooms-page.h"

struct _MpRoomsPage
{
  MpPage                parent_instance;

  AdwEntryRow          *address_row;
  GtkSpinButton        *capacity_spin;
  GtkStack             *detail_stack;
  AdwPreferencesGroup  *kinds_group;
  GtkListView          *list_view;
  GtkButton            *room_cancel_button;
  GtkButton            *room_commit_button;
  AdwPreferencesGroup  *room_group;
  AdwEntryRow          *room_name_row;
  GtkButton            *room_remove_button;
  GtkStack             *stack;
  AdwPreferencesGroup  *travel_group;
  GtkButton            *venue_cancel_button;
  GtkButton            *venue_commit_button;
  AdwPreferencesGroup  *venue_group;
  AdwEntryRow          *venue_name_row;
  GtkButton            *venue_remove_button;
  AdwComboRow          *venue_row;
  AdwEntryRow          *zone_row;

  MpPlanWatch           watch;
  GtkMapListModel      *map_model;        /* venue → [venue, its rooms] */
  GtkFilterListModel   *orphan_model;     /* rooms without a venue */
  GtkFilter            *orphan_filter;
  GtkSingleSelection   *selection;
  GtkListItemFactory   *factory;
  GPtrArray            *venue_filters;
  MpForm               *venue_form;
  MpForm               *room_form;
  gpointer              target;           /* MpVenue or MpRoom, owned */
  gpointer              draft;            /* the target when it is new */
  GtkCheckButton       *kind_checks[MP_N_MEETING_KINDS];
  GPtrArray            *travel_rows;
  char                 *travel_key;
  gboolean              syncing;
};

G_DEFINE_FINAL_TYPE (MpRoomsPage, mp_rooms_page, MP_TYPE_PAGE)

static void update_view (MpRoomsPage *self);

static MpPlan *
get_plan (MpRoomsPage *self)
{
  return mp_page_get_plan (MP_PAGE (self));
}

/* The list */

static gboolean
room_in_venue (gpointer item,
               gpointer data)
{
  return g_strcmp0 (mp_room_get_venue (item), data) == 0;
}

static gboolean
room_without_venue (gpointer item,
                    gpointer data)
{
  MpRoomsPage *self = data;
  const char *venue = mp_room_get_venue (item);

  return venue == NULL || get_plan (self) == NULL || mp_plan_get_venue (get_plan (self), venue) == NULL;
}

static gpointer
map_venue (gpointer item,
           gpointer data)
{
  MpRoomsPage *self = data;
  g_autoptr(MpVenue) venue = item;
  GListStore *head = g_list_store_new (MP_TYPE_VENUE);
  GListStore *parts = g_list_store_new (G_TYPE_LIST_MODEL);
  GtkFilter *filter;
  GtkFilterListModel *rooms;

  filter = GTK_FILTER (gtk_custom_filter_new (room_in_venue, g_strdup (mp_record_get_id (MP_RECORD (venue))), g_free));
  g_ptr_array_add (self->venue_filters, g_object_ref (filter));
  rooms = gtk_filter_list_model_new (g_object_ref (mp_plan_get_rooms (get_plan (self))), filter);

  g_list_store_append (head, venue);
  g_list_store_append (parts, head);
  g_list_store_append (parts, rooms);
  g_object_unref (head);
  g_object_unref (rooms);
  return gtk_flatten_list_model_new (G_LIST_MODEL (parts));
}

static char *
kinds_summary (MpRoom *room)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint kinds = mp_room_get_kinds (room);

  if (kinds == 0)
    return g_strdup (_("Every kind of meeting"));

  for (int kind = 0; kind < MP_N_MEETING_KINDS; kind++)
    if (kinds & (1u << kind))
      g_string_append_printf (text, "%s%s", text->len > 0 ? ", " : "", mp_meeting_kind_label (kind));
  return g_strdup (text->str);
}

static void
fill_row (gpointer     page,
          MpRecordRow *row,
          gpointer     item)
{
  if (MP_IS_VENUE (item))
    {
      MpVenue *venue = item;

      mp_record_row_set_heading (row, TRUE);
      mp_record_row_set_title (row, mp_venue_get_name (venue));
      mp_record_row_set_subtitle (row, mp_venue_get_address (venue));
      mp_record_row_set_detail (row, NULL);
      gtk_widget_set_margin_start (GTK_WIDGET (row), 0);
    }
  else
    {
      MpRoom *room = item;
      g_autofree char *kinds = kinds_summary (room);
      int capacity = mp_room_get_capacity (room);
      g_autofree char *seats = NULL;

      if (capacity > 0)
        /* Translators: a room's capacity, in its row of the Rooms page and
         * on agendas (one catalogue entry for both) */
        seats = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Seats %d", "Seats %d", capacity), capacity);

      mp_record_row_set_heading (row, FALSE);
      mp_record_row_set_title (row, mp_room_get_name (room));
      mp_record_row_set_subtitle (row, kinds);
      mp_record_row_set_detail (row, seats);
      gtk_widget_set_margin_start (GTK_WIDGET (row), 18);
    }
}

/* Venue combo of a room */

static char *
venue_name (MpVenue *venue)
{
  return g_strdup (venue != NULL ? mp_venue_get_name (venue) : NULL);
}

static void
sync_venue_row (MpRoomsPage *self)
{
  MpPlan *plan = get_plan (self);
  MpVenue *venue = NULL;
  int position = -1;

  /* Only for a room: the row is hidden otherwise. */
  if (!MP_IS_ROOM (self->target) || plan == NULL)
    return;

  venue = mp_plan_get_venue (plan, mp_room_get_venue (self->target));
  if (venue != NULL)
    position = mp_plan_get_position (plan, MP_RECORD (venue));
  if (adw_combo_row_get_selected (self->venue_row) == (position >= 0 ? (guint) position : GTK_INVALID_LIST_POSITION))
    return;

  self->syncing = TRUE;
  adw_combo_row_set_selected (self->venue_row, position >= 0 ? (guint) position : GTK_INVALID_LIST_POSITION);
  self->syncing = FALSE;
}

static void
on_venue_row_selected_cb (AdwComboRow *row,
                          GParamSpec  *pspec,
                          MpRoomsPage *self)
{
  MpVenue *venue = adw_combo_row_get_selected_item (row);
  const char *id;

  if (self->syncing || !MP_IS_ROOM (self->target) || venue == NULL)
    return;

  id = mp_record_get_id (MP_RECORD (venue));
  if (g_strcmp0 (id, mp_room_get_venue (self->target)) == 0)
    return;

  if (self->target == self->draft)
    mp_room_set_venue (self->target, id);
  else
    {
      mp_history_begin (MP_PAGE_HISTORY (self), _("Change Venue"));
      mp_history_set (MP_PAGE_HISTORY (self), self->target, "venue", id, NULL);
      mp_history_end (MP_PAGE_HISTORY (self));
    }
}

/* Kinds */

static void
sync_kinds (MpRoomsPage *self)
{
  guint kinds = MP_IS_ROOM (self->target) ? mp_room_get_kinds (self->target) : 0;

  self->syncing = TRUE;
  for (int kind = 0; kind < MP_N_MEETING_KINDS; kind++)
    gtk_check_button_set_active (self->kind_checks[kind], (kinds & (1u << kind)) != 0);
  self->syncing = FALSE;
}

static void
on_kind_toggled_cb (GtkCheckButton *check,
                    MpRoomsPage    *self)
{
  if (self->syncing)
    return;

  mp_rooms_page_set_kind (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (check), "mp-kind")),
                          gtk_check_button_get_active (check));
}

/* Travel */

static MpTravel *
find_travel (MpPlan     *plan,
             const char *a,
             const char *b)
{
  GListModel *travel = mp_plan_get_travel (plan);
  guint n = g_list_model_get_n_items (travel);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MpTravel) entry = g_list_model_get_item (travel, i);
      const char *from = mp_travel_get_from (entry);
      const char *to = mp_travel_get_to (entry);

      if ((g_strcmp0 (from, a) == 0 && g_strcmp0 (to, b) == 0) ||
          (g_strcmp0 (from, b) == 0 && g_strcmp0 (to, a) == 0))
        return entry;
    }
  return NULL;
}

static void
on_travel_changed_cb (GtkSpinButton *spin,
                      MpRoomsPage   *self)
{
  if (self->syncing || !MP_IS_VENUE (self->target))
    return;

  mp_rooms_page_set_travel_minutes (self, mp_record_get_id (self->target),
                                    g_object_get_data (G_OBJECT (spin), "mp-venue-id"),
                                    gtk_spin_button_get_value_as_int (spin));
}

static void
on_travel_remove_clicked_cb (GtkButton   *button,
                             MpRoomsPage *self)
{
  if (!MP_IS_VENUE (self->target))
    return;

  mp_rooms_page_set_travel_minutes (self, mp_record_get_id (self->target),
                                    g_object_get_data (G_OBJECT (button), "mp-venue-id"), -1);
}

static void
update_travel (MpRoomsPage *self)
{
  MpPlan *plan = get_plan (self);
  gboolean shown = MP_IS_VENUE (self->target) && self->target != self->draft;
  const char *id = shown ? mp_record_get_id (self->target) : NULL;
  g_autoptr(GString) key = g_string_new (NULL);
  GListModel *venues = plan != NULL ? mp_plan_get_venues (plan) : NULL;
  guint n = venues != NULL ? g_list_model_get_n_items (venues) : 0;
  gboolean rebuild;

  for (guint i = 0; shown && i < n; i++)
    {
      g_autoptr(MpVenue) other = g_list_model_get_item (venues, i);
      const char *other_id = mp_record_get_id (MP_RECORD (other));

      if (g_strcmp0 (other_id, id) != 0)
        g_string_append_printf (key, "%s\n%s\n%d\n", other_id, mp_venue_get_name (other),
                                find_travel (plan, id, other_id) != NULL);
    }

  rebuild = g_strcmp0 (key->str, self->travel_key) != 0;
  if (rebuild)
    {
      for (guint i = 0; i < self->travel_rows->len; i++)
        adw_preferences_group_remove (self->travel_group, g_ptr_array_index (self->travel_rows, i));
      g_ptr_array_set_size (self->travel_rows, 0);
      g_free (self->travel_key);
      self->travel_key = g_strdup (key->str);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->travel_group), shown && n > 1);
  if (!shown)
    return;

  self->syncing = TRUE;
  for (guint i = 0, r = 0; i < n; i++)
    {
      g_autoptr(MpVenue) other = g_list_model_get_item (venues, i);
      const char *other_id = mp_record_get_id (MP_RECORD (other));
      MpTravel *entry;
      GtkWidget *row, *spin, *remove;

      if (g_strcmp0 (other_id, id) == 0)
        continue;

      entry = find_travel (plan, id, other_id);
      if (rebuild)
        {
          g_autofree char *label = g_strdup_printf (_("Minutes to %s"), mp_venue_get_name (other));

          row = adw_action_row_new ();
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), mp_venue_get_name (other));
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), entry != NULL ? NULL : _("No travel time set"));

          spin = gtk_spin_button_new_with_range (0, 24 * 60, 5);
          gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
          gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
          g_object_set_data_full (G_OBJECT (spin), "mp-venue-id", g_strdup (other_id), g_free);
          g_signal_connect (spin, "value-changed", G_CALLBACK (on_travel_changed_cb), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);

          remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
          gtk_widget_add_css_class (remove, "flat");
          gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
          gtk_widget_set_sensitive (remove, entry != NULL);
          gtk_widget_set_tooltip_text (remove, _("Remove Travel Time"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Remove Travel Time"), -1);
          g_object_set_data_full (G_OBJECT (remove), "mp-venue-id", g_strdup (other_id), g_free);
          g_signal_connect (remove, "clicked", G_CALLBACK (on_travel_remove_clicked_cb), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

          g_object_set_data (G_OBJECT (row), "mp-spin", spin);
          adw_preferences_group_add (self->travel_group, row);
          g_ptr_array_add (self->travel_rows, row);
        }
      else
        row = g_ptr_array_index (self->travel_rows, r);
      r++;

      spin = g_object_get_data (G_OBJECT (row), "mp-spin");
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), entry != NULL ? mp_travel_get_minutes (entry) : 0);
    }
  self->syncing = FALSE;
}

/* The view */

static void
on_target_notify_cb (GObject     *record,
                     GParamSpec  *pspec,
                     MpRoomsPage *self)
{
  if (g_str_equal (pspec->name, "kinds"))
    sync_kinds (self);
  else if (g_str_equal (pspec->name, "venue"))
    sync_venue_row (self);
  else if (g_str_equal (pspec->name, "name"))
    update_view (self);
}

static void
update_view (MpRoomsPage *self)
{
  MpPlan *plan = get_plan (self);
  gboolean draft = self->target != NULL && self->target == self->draft;
  gboolean any = plan != NULL &&
                 (g_list_model_get_n_items (mp_plan_get_venues (plan)) > 0 ||
                  g_list_model_get_n_items (mp_plan_get_rooms (plan)) > 0);

  gtk_stack_set_visible_child_name (self->stack, any || self->draft != NULL ? "list" : "empty");
  gtk_stack_set_visible_child_name (self->detail_stack,
                                    MP_IS_VENUE (self->target) ? "venue" :
                                    MP_IS_ROOM (self->target) ? "room" : "none");

  gtk_widget_set_visible (GTK_WIDGET (self->venue_cancel_button), draft);
  gtk_widget_set_visible (GTK_WIDGET (self->venue_commit_button), draft);
  gtk_widget_set_visible (GTK_WIDGET (self->venue_remove_button), !draft);
  gtk_widget_set_visible (GTK_WIDGET (self->room_cancel_button), draft);
  gtk_widget_set_visible (GTK_WIDGET (self->room_commit_button), draft);
  gtk_widget_set_visible (GTK_WIDGET (self->room_remove_button), !draft);

  if (MP_IS_VENUE (self->target))
    {
      g_autofree char *title = g_markup_escape_text (mp_venue_get_name (self->target) ? mp_venue_get_name (self->target) : "", -1);

      adw_preferences_group_set_title (self->venue_group, draft ? _("New Venue") : title);
    }
  else if (MP_IS_ROOM (self->target))
    {
      g_autofree char *title = g_markup_escape_text (mp_room_get_name (self->target) ? mp_room_get_name (self->target) : "", -1);

      adw_preferences_group_set_title (self->room_group, draft ? _("New Room") : title);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "rooms.add-venue", MP_PAGE_HISTORY (self) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "rooms.add-room", MP_PAGE_HISTORY (self) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "rooms.remove", self->target != NULL && !draft);
}

static void
show_record (MpRoomsPage *self,
             gpointer     record)
{
  gboolean draft = record != NULL && record == self->draft;

  if (record != self->draft)
    g_clear_object (&self->draft);

  if (self->target != record)
    {
      if (self->target != NULL)
        g_signal_handlers_disconnect_by_data (self->target, self);
      g_set_object (&self->target, record);
      if (record != NULL)
        g_signal_connect (record, "notify", G_CALLBACK (on_target_notify_cb), self);
    }

  mp_form_set_target (self->venue_form, MP_PAGE_HISTORY (self), MP_IS_VENUE (record) ? record : NULL, draft);
  mp_form_set_target (self->room_form, MP_PAGE_HISTORY (self), MP_IS_ROOM (record) ? record : NULL, draft);
  sync_venue_row (self);
  sync_kinds (self);
  update_travel (self);
  update_view (self);
}

static gboolean
refresh (gpointer data)
{
  MpRoomsPage *self = data;

  for (guint i = 0; i < self->venue_filters->len; i++)
    gtk_filter_changed (g_ptr_array_index (self->venue_filters, i), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_filter_changed (self->orphan_filter, GTK_FILTER_CHANGE_DIFFERENT);
  mp_record_row_factory_refresh (self->factory);

  if (self->target != NULL && self->target != self->draft &&
      mp_plan_get_position (get_plan (self), self->target) < 0)
    show_record (self, NULL);
  else
    {
      sync_venue_row (self);
      update_travel (self);
      update_view (self);
    }
  return G_SOURCE_REMOVE;
}

static void
on_selected_item_cb (GtkSingleSelection *selection,
                     GParamSpec         *pspec,
                     MpRoomsPage        *self)
{
  gpointer item = gtk_single_selection_get_selected_item (selection);

  if (item != NULL && item != self->target)
    show_record (self, item);
}

/* Actions */

static void
add_venue_action (GtkWidget  *widget,
                  const char *name,
                  GVariant   *param)
{
  MpRoomsPage *self = MP_ROOMS_PAGE (widget);
  MpVenue *venue;

  if (MP_PAGE_HISTORY (self) == NULL)
    return;

  venue = mp_venue_new (NULL);
  show_record (self, NULL);
  self->draft = venue;
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  show_record (self, venue);
  gtk_widget_grab_focus (GTK_WIDGET (self->venue_name_row));
}

static void
add_room_action (GtkWidget  *widget,
                 const char *name,
                 GVariant   *param)
{
  MpRoomsPage *self = MP_ROOMS_PAGE (widget);
  MpPlan *plan = get_plan (self);
  g_autoptr(MpVenue) first = NULL;
  const char *venue = NULL;
  MpRoom *room;

  if (plan == NULL)
    return;

  if (MP_IS_VENUE (self->target) && self->target != self->draft)
    venue = mp_record_get_id (self->target);
  else if (MP_IS_ROOM (self->target))
    venue = mp_room_get_venue (self->target);
  else if (g_list_model_get_n_items (mp_plan_get_venues (plan)) > 0)
    {
      first = g_list_model_get_item (mp_plan_get_venues (plan), 0);
      venue = mp_record_get_id (MP_RECORD (first));
    }

  room = mp_room_new (NULL);
  mp_room_set_venue (room, venue);
  show_record (self, NULL);
  self->draft = room;
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  show_record (self, room);
  gtk_widget_grab_focus (GTK_WIDGET (self->room_name_row));
}

static void
cancel_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  show_record (MP_ROOMS_PAGE (widget), NULL);
}

static void
commit_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  MpRoomsPage *self = MP_ROOMS_PAGE (widget);
  g_autoptr(GObject) record = NULL;
  g_autofree char *id = NULL;
  gboolean venue;
  const char *record_name;

  if (self->draft == NULL)
    return;

  venue = MP_IS_VENUE (self->draft);
  if (!mp_form_apply (venue ? self->venue_form : self->room_form))
    return;

  record_name = venue ? mp_venue_get_name (self->draft) : mp_room_get_name (self->draft);
  if (record_name == NULL)
    {
      GtkWidget *row = GTK_WIDGET (venue ? self->venue_name_row : self->room_name_row);

      gtk_widget_add_css_class (row, "error");
      gtk_widget_grab_focus (row);
      return;
    }

  id = mp_plan_make_id_from_name (get_plan (self), G_OBJECT_TYPE (self->draft), record_name);
  mp_record_set_id (self->draft, id);
  record = g_object_ref (self->draft);
  g_clear_object (&self->draft);

  mp_history_begin (MP_PAGE_HISTORY (self), venue ? _("Add Venue") : _("Add Room"));
  mp_history_add (MP_PAGE_HISTORY (self), MP_RECORD (record), NULL);
  mp_history_end (MP_PAGE_HISTORY (self));

  mp_rooms_page_select (self, record);
}

typedef struct
{
  MpRoomsPage *page;
  MpRecord    *record;
} Removal;

static void
removal_free (gpointer data)
{
  Removal *removal = data;

  g_object_unref (removal->page);
  g_object_unref (removal->record);
  g_free (removal);
}

static GPtrArray *
meetings_in_room (MpPlan     *plan,
                  const char *room_id)
{
  GListModel *meetings = mp_plan_get_meetings (plan);
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (meetings);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MpMeeting) meeting = g_list_model_get_item (meetings, i);

      if (g_strcmp0 (mp_meeting_get_room (meeting), room_id) == 0)
        g_ptr_array_add (result, g_object_ref (meeting));
    }
  return result;
}

static GPtrArray *
rooms_in_venue (MpPlan     *plan,
                const char *venue_id)
{
  GListModel *rooms = mp_plan_get_rooms (plan);
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (rooms);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MpRoom) room = g_list_model_get_item (rooms, i);

      if (g_strcmp0 (mp_room_get_venue (room), venue_id) == 0)
        g_ptr_array_add (result, g_object_ref (room));
    }
  return result;
}

static void
remove_record (MpRoomsPage *self,
               MpRecord    *record)
{
  MpPlan *plan = get_plan (self);
  const char *id = mp_record_get_id (record);

  if (mp_plan_get_position (plan, record) < 0)
    return;

  if (MP_IS_ROOM (record))
    {
      g_autoptr(GPtrArray) meetings = meetings_in_room (plan, id);

      mp_history_begin (MP_PAGE_HISTORY (self), _("Remove Room"));
      for (guint i = 0; i < meetings->len; i++)
        mp_history_set (MP_PAGE_HISTORY (self), g_ptr_array_index (meetings, i), "room", NULL, NULL);
    }
  else
    {
      g_autoptr(GPtrArray) rooms = rooms_in_venue (plan, id);
      g_autoptr(GPtrArray) travel = g_ptr_array_new_with_free_func (g_object_unref);
      GListModel *entries = mp_plan_get_travel (plan);

      for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
        {
          g_autoptr(MpTravel) entry = g_list_model_get_item (entries, i);

          if (g_strcmp0 (mp_travel_get_from (entry), id) == 0 || g_strcmp0 (mp_travel_get_to (entry), id) == 0)
            g_ptr_array_add (travel, g_object_ref (entry));
        }

      mp_history_begin (MP_PAGE_HISTORY (self), _("Remove Venue"));
      for (guint i = 0; i < rooms->len; i++)
        mp_history_set (MP_PAGE_HISTORY (self), g_ptr_array_index (rooms, i), "venue", NULL, NULL);
      for (guint i = 0; i < travel->len; i++)
        mp_history_remove (MP_PAGE_HISTORY (self), g_ptr_array_index (travel, i));
    }
  mp_history_remove (MP_PAGE_HISTORY (self), record);
  mp_history_end (MP_PAGE_HISTORY (self));
}

static void
on_removal_response (gpointer data,
                     gboolean confirmed)
{
  Removal *removal = data;

  if (confirmed && MP_PAGE_HISTORY (removal->page) != NULL)
    remove_record (removal->page, removal->record);
}

static void
remove_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  MpRoomsPage *self = MP_ROOMS_PAGE (widget);
  MpRecord *record = self->target;
  g_autoptr(GPtrArray) meetings = NULL;
  g_autofree char *body = NULL;
  const char *heading;
  Removal *removal;

  if (record == NULL || self->target == self->draft || MP_PAGE_HISTORY (self) == NULL)
    return;

  if (MP_IS_ROOM (record))
    {
      meetings = meetings_in_room (get_plan (self), mp_record_get_id (record));
      if (meetings->len == 0)
        {
          remove_record (self, record);
          return;
        }
      heading = _("Remove Room?");
      body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%s is booked for %u meeting. Removing the room leaves it without a room.",
                                           "%s is booked for %u meetings. Removing the room leaves them without a room.",
                                           meetings->len),
                              mp_room_get_name (MP_ROOM (record)), meetings->len);
    }
  else
    {
      g_autoptr(GPtrArray) rooms = rooms_in_venue (get_plan (self), mp_record_get_id (record));

      if (rooms->len == 0)
        {
          remove_record (self, record);
          return;
        }
      heading = _("Remove Venue?");
      body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%s has %u room. It stays in the plan without a venue, and the venue’s travel times are removed.",
                                           "%s has %u rooms. They stay in the plan without a venue, and the venue’s travel times are removed.",
                                           rooms->len),
                              mp_venue_get_name (MP_VENUE (record)), rooms->len);
    }

  removal = g_new0 (Removal, 1);
  removal->page = g_object_ref (self);
  removal->record = g_object_ref (record);
  mp_pages_confirm_removal (GTK_WIDGET (self), heading, body, meetings,
                            get_plan (self), on_removal_response, removal, removal_free);
}

/* GObject */

static void
mp_rooms_page_history_changed (MpPage *page)
{
  MpRoomsPage *self = MP_ROOMS_PAGE (page);
  MpPlan *plan;

  show_record (self, NULL);
  plan = get_plan (self);

  mp_plan_watch_set_plan (&self->watch, plan, refresh, GTK_WIDGET (self));
  g_ptr_array_set_size (self->venue_filters, 0);
  gtk_map_list_model_set_model (self->map_model, plan != NULL ? mp_plan_get_venues (plan) : NULL);
  gtk_filter_list_model_set_model (self->orphan_model, plan != NULL ? mp_plan_get_rooms (plan) : NULL);
  adw_combo_row_set_model (self->venue_row, plan != NULL ? mp_plan_get_venues (plan) : NULL);
  g_clear_pointer (&self->travel_key, g_free);
  update_view (self);
}

static void
mp_rooms_page_dispose (GObject *object)
{
  MpRoomsPage *self = MP_ROOMS_PAGE (object);

  mp_plan_watch_clear (&self->watch);
  if (self->target != NULL)
    g_signal_handlers_disconnect_by_data (self->target, self);
  g_clear_object (&self->target);
  g_clear_pointer (&self->venue_form, mp_form_free);
  g_clear_pointer (&self->room_form, mp_form_free);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), MP_TYPE_ROOMS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->factory);
  g_clear_object (&self->draft);
  g_clear_pointer (&self->venue_filters, g_ptr_array_unref);
  g_clear_pointer (&self->travel_rows, g_ptr_array_unref);
  g_clear_pointer (&self->travel_key, g_free);

  G_OBJECT_CLASS (mp_rooms_page_parent_class)->dispose (object);
}

static void
mp_rooms_page_class_init (MpRoomsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mp_rooms_page_dispose;
  MP_PAGE_CLASS (klass)->history_changed = mp_rooms_page_history_changed;

  mp_pages_ensure_style ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ministerial/Ministerial/mp-rooms-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MpRoomsPage, address_row);
  gtk_widget_class_bind_template_child (widget_class, MpRoomsPage, capacity_spin);
  gtk_widget_class_bind_template_child (widget_class, MpRoomsPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, MpRoomsPage, kinds_group);
  gtk_widget_class_bind_template_child (widget_class, MpRoomsPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, MpRoomsPage, room_cancel_button);
  gtk_widget_class_bind_template_child (widget_class, MpRoomsPage, room_commit_button);
  gtk_widget_class_bind_template_child (widget_class, MpRoomsPage, room_group);
  gtk_widget_class_bind_template_child (widget_class, MpRoomsPage, room_name_row);
  gtk_widget_class_bind_template_child (widget_class, MpRoomsPage, room_remove_button);
  gtk_widget_class_bind_template_child (widget_class, MpRoomsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, MpRoomsPage, travel_group);
  gtk_widget_class_bind_template_child (widget_class, MpRoomsPage, venue_cancel_button);
  gtk_widget_class_bind_template_child (widget_class, MpRoomsPage, venue_commit_button);
  gtk_widget_class_bind_template_child (widget_class, MpRoomsPage, venue_group);
  gtk_widget_class_bind_template_child (widget_class, MpRoomsPage, venue_name_row);
  gtk_widget_class_bind_template_child (widget_class, MpRoomsPage, venue_remove_button);
  gtk_widget_class_bind_template_child (widget_class, MpRoomsPage, venue_row);
  gtk_widget_class_bind_template_child (widget_class, MpRoomsPage, zone_row);

  gtk_widget_class_install_action (widget_class, "rooms.add-venue", NULL, add_venue_action);
  gtk_widget_class_install_action (widget_class, "rooms.add-room", NULL, add_room_action);
  gtk_widget_class_install_action (widget_class, "rooms.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "rooms.commit", NULL, commit_action);
  gtk_widget_class_install_action (widget_class, "rooms.remove", NULL, remove_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "rooms.add-room", NULL);
}

static void
mp_rooms_page_init (MpRoomsPage *self)
{
  g_autoptr(GtkExpression) name = NULL;
  GtkFlattenListModel *venues;
  GListStore *parts;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->venue_filters = g_ptr_array_new_with_free_func (g_object_unref);
  self->travel_rows = g_ptr_array_new ();

  self->map_model = gtk_map_list_model_new (NULL, map_venue, self, NULL);
  self->orphan_filter = GTK_FILTER (gtk_custom_filter_new (room_without_venue, self, NULL));
  self->orphan_model = gtk_filter_list_model_new (NULL, self->orphan_filter);
  venues = gtk_flatten_list_model_new (G_LIST_MODEL (self->map_model));
  parts = g_list_store_new (G_TYPE_LIST_MODEL);
  g_list_store_append (parts, venues);
  g_list_store_append (parts, self->orphan_model);
  g_object_unref (venues);
  g_object_unref (self->orphan_model);

  self->selection = gtk_single_selection_new (G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (parts))));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect (self->selection, "notify::selected-item", G_CALLBACK (on_selected_item_cb), self);

  self->factory = mp_record_row_factory_new (self, fill_row, NULL);
  gtk_list_view_set_factory (self->list_view, self->factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  name = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL, G_CALLBACK (venue_name), NULL, NULL);
  adw_combo_row_set_expression (self->venue_row, name);
  g_signal_connect (self->venue_row, "notify::selected", G_CALLBACK (on_venue_row_selected_cb), self);

  for (int kind = 0; kind < MP_N_MEETING_KINDS; kind++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), mp_meeting_kind_label (kind));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_object_set_data (G_OBJECT (check), "mp-kind", GINT_TO_POINTER (kind));
      g_signal_connect (check, "toggled", G_CALLBACK (on_kind_toggled_cb), self);
      adw_preferences_group_add (self->kinds_group, row);
      self->kind_checks[kind] = GTK_CHECK_BUTTON (check);
    }

  self->venue_form = mp_form_new (_("Edit Venue"));
  mp_form_add_entry (self->venue_form, self->venue_name_row, "name", FALSE, NULL, NULL);
  mp_form_add_entry (self->venue_form, self->address_row, "address", TRUE, NULL, NULL);
  mp_form_add_entry (self->venue_form, self->zone_row, "time-zone", TRUE, mp_pages_check_zone, NULL);

  self->room_form = mp_form_new (_("Edit Room"));
  mp_form_add_entry (self->room_form, self->room_name_row, "name", FALSE, NULL, NULL);
  mp_form_add_spin (self->room_form, self->capacity_spin, "capacity");

  update_view (self);
}

/* Public */

GtkWidget *
mp_rooms_page_new (void)
{
  return g_object_new (MP_TYPE_ROOMS_PAGE, NULL);
}

void
mp_rooms_page_select (MpRoomsPage *self,
                      gpointer     record)
{
  g_return_if_fail (MP_IS_ROOMS_PAGE (self));
  g_return_if_fail (record == NULL || MP_IS_VENUE (record) || MP_IS_ROOM (record));

  mp_plan_watch_flush (&self->watch);
  show_record (self, record);
  mp_pages_select_item (self->selection, record);
}

gpointer
mp_rooms_page_get_selected (MpRoomsPage *self)
{
  g_return_val_if_fail (MP_IS_ROOMS_PAGE (self), NULL);

  return self->target;
}

GListModel *
mp_rooms_page_get_model (MpRoomsPage *self)
{
  g_return_val_if_fail (MP_IS_ROOMS_PAGE (self), NULL);

  return G_LIST_MODEL (self->selection);
}

void
mp_rooms_page_set_travel_minutes (MpRoomsPage *self,
                                  const char  *venue_a,
                                  const char  *venue_b,
                                  int          minutes)
{
  MpPlan *plan;
  MpTravel *entry;

  g_return_if_fail (MP_IS_ROOMS_PAGE (self));
  g_return_if_fail (venue_a != NULL && venue_b != NULL);

  plan = get_plan (self);
  if (plan == NULL || g_strcmp0 (venue_a, venue_b) == 0)
    return;

  entry = find_travel (plan, venue_a, venue_b);
  if (minutes < 0)
    {
      if (entry == NULL)
        return;
      mp_history_begin (MP_PAGE_HISTORY (self), _("Remove Travel Time"));
      mp_history_remove (MP_PAGE_HISTORY (self), MP_RECORD (entry));
      mp_history_end (MP_PAGE_HISTORY (self));
    }
  else if (entry != NULL)
    {
      mp_history_begin (MP_PAGE_HISTORY (self), _("Change Travel Time"));
      mp_history_set (MP_PAGE_HISTORY (self), entry, "minutes", minutes, NULL);
      mp_history_end (MP_PAGE_HISTORY (self));
    }
  else
    {
      g_autofree char *stem = g_strdup_printf ("%s-%s", venue_a, venue_b);
      g_autofree char *id = mp_plan_make_id (plan, MP_TYPE_TRAVEL, stem);
      g_autoptr(MpTravel) travel = mp_travel_new (id);

      mp_travel_set_from (travel, venue_a);
      mp_travel_set_to (travel, venue_b);
      mp_travel_set_minutes (travel, minutes);
      mp_history_begin (MP_PAGE_HISTORY (self), _("Add Travel Time"));
      mp_history_add (MP_PAGE_HISTORY (self), MP_RECORD (travel), NULL);
      mp_history_end (MP_PAGE_HISTORY (self));
    }
}

void
mp_rooms_page_set_kind (MpRoomsPage   *self,
                        MpMeetingKind  kind,
                        gboolean       serves)
{
  guint kinds;

  g_return_if_fail (MP_IS_ROOMS_PAGE (self));
  g_return_if_fail (kind < MP_N_MEETING_KINDS);

  if (!MP_IS_ROOM (self->target))
    return;

  kinds = mp_room_get_kinds (self->target);
  kinds = serves ? kinds | (1u << kind) : kinds & ~(1u << kind);
  if (kinds == mp_room_get_kinds (self->target))
    return;

  if (self->target == self->draft)
    mp_room_set_kinds (self->target, kinds);
  else
    {
      mp_history_begin (MP_PAGE_HISTORY (self), _("Change Kinds of Meeting"));
      mp_history_set (MP_PAGE_HISTORY (self), self->target, "kinds", kinds, NULL);
      mp_history_end (MP_PAGE_HISTORY (self));
    }
}
