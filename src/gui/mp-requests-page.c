/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mp-requests-page"

#include "config.h"

#include <glib/gi18n.h>

#include "mp-page-common.h"
#include "mp-requests-page.h"

struct _MpRequestsPage
{
  MpPage               parent_instance;

  GtkMenuButton       *add_participant_button;
  GtkToggleButton     *all_button;
  GtkButton           *cancel_button;
  GtkButton           *commit_button;
  GtkStack            *detail_stack;
  AdwPreferencesGroup *details_group;
  GtkSpinButton       *duration_spin;
  AdwEntryRow         *earliest_row;
  AdwComboRow         *kind_row;
  AdwEntryRow         *latest_row;
  GtkStack            *list_stack;
  GtkBox              *list_pane;
  GtkListView         *list_view;
  GtkSeparator        *pane_separator;
  AdwPreferencesGroup *participants_group;
  GtkPopover          *people_popover;
  GtkSearchEntry      *people_search;
  GtkListView         *people_view;
  GtkButton           *place_button;
  GtkButton           *place_row_button;
  GtkImage            *placement_icon;
  AdwActionRow        *placement_row;
  AdwComboRow         *priority_row;
  GtkButton           *remove_button;
  GtkStack            *stack;
  AdwEntryRow         *title_row;
  GtkToggleButton     *unplaced_button;

  MpPlanWatch          watch;
  GtkSortListModel    *sort_model;
  GtkFilterListModel  *filter_model;
  GtkSingleSelection  *selection;
  GtkSorter           *sorter;
  GtkFilter           *filter;
  GtkListItemFactory  *factory;
  GtkFilterListModel  *people_model;
  GtkFilter           *people_filter;
  GtkListItemFactory  *people_factory;
  MpForm              *form;
  MpRequest           *draft;
  MpRequest           *watched;
  GPtrArray           *participant_rows;
  gboolean             compact;
};

G_DEFINE_FINAL_TYPE (MpRequestsPage, mp_requests_page, MP_TYPE_PAGE)

enum {
  PROP_0,
  PROP_COMPACT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void update_view (MpRequestsPage *self);

static MpPlan *
get_plan (MpRequestsPage *self)
{
  return mp_page_get_plan (MP_PAGE (self));
}

static MpRequest *
get_target (MpRequestsPage *self)
{
  return mp_form_get_target (self->form);
}

static const char *
person_name (MpRequestsPage *self,
             const char     *id)
{
  MpParticipant *person = mp_plan_get_participant (get_plan (self), id);

  return person != NULL && mp_participant_get_name (person) != NULL ? mp_participant_get_name (person) : id;
}

/* The title, else the names of the people. */
static char *
request_title (MpRequestsPage *self,
               MpRequest      *request)
{
  const char * const *people = mp_request_get_participants (request);
  g_autoptr(GString) names = g_string_new (NULL);

  if (mp_request_get_title (request) != NULL)
    return g_strdup (mp_request_get_title (request));

  for (guint i = 0; people != NULL && people[i] != NULL && i < 3; i++)
    g_string_append_printf (names, "%s%s", i > 0 ? " – " : "", person_name (self, people[i]));
  if (names->len == 0)
    return g_strdup (_("Untitled request"));
  return g_strdup (names->str);
}

static int
compare_requests (gconstpointer a,
                  gconstpointer b,
                  gpointer      data)
{
  MpRequestsPage *self = data;
  MpRequest *ra = (MpRequest *) a;
  MpRequest *rb = (MpRequest *) b;
  g_autofree char *ta = NULL;
  g_autofree char *tb = NULL;
  int order;

  if (mp_request_get_priority (ra) != mp_request_get_priority (rb))
    return mp_request_get_priority (ra) < mp_request_get_priority (rb) ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;

  ta = request_title (self, ra);
  tb = request_title (self, rb);
  order = g_utf8_collate (ta, tb);
  if (order == 0)
    order = g_strcmp0 (mp_record_get_id (MP_RECORD (ra)), mp_record_get_id (MP_RECORD (rb)));
  return order < 0 ? GTK_ORDERING_SMALLER : order > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static MpMeeting *
placement_of (MpRequestsPage *self,
              MpRequest      *request)
{
  MpPlan *plan = get_plan (self);

  return plan != NULL ? mp_plan_get_placement (plan, mp_record_get_id (MP_RECORD (request))) : NULL;
}

static gboolean
filter_request (gpointer item,
                gpointer data)
{
  MpRequestsPage *self = data;

  return gtk_toggle_button_get_active (self->all_button) || placement_of (self, item) == NULL;
}

static void
fill_row (gpointer     page,
          MpRecordRow *row,
          gpointer     item)
{
  MpRequestsPage *self = page;
  MpRequest *request = item;
  const char * const *people = mp_request_get_participants (request);
  guint n_people = people != NULL ? g_strv_length ((char **) people) : 0;
  MpMeeting *placement = placement_of (self, request);
  MpPriority priority = mp_request_get_priority (request);
  g_autofree char *title = request_title (self, request);
  g_autofree char *badge_class = g_strdup_printf ("priority-%s", mp_enum_to_nick (MP_TYPE_PRIORITY, priority));
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person", "%u people", n_people), n_people);
  /* TRANSLATORS: kind of meeting · duration in minutes · number of people */
  g_autofree char *subtitle = g_strdup_printf (_("%s · %d min · %s"),
                                               mp_meeting_kind_label (mp_request_get_kind (request)),
                                               mp_request_get_duration_minutes (request), count);
  g_autofree char *when = placement != NULL ? mp_pages_format_meeting_time (placement) : NULL;

  mp_record_row_set_title (row, title);
  mp_record_row_set_subtitle (row, subtitle);
  mp_record_row_set_badge (row, mp_priority_label (priority), badge_class);
  /* Unplaced says nothing new when only the unplaced are shown. */
  mp_record_row_set_detail (row, placement != NULL ? when :
                                 gtk_toggle_button_get_active (self->all_button) ? _("Unplaced") : NULL);
  if ((placement == NULL) != (gtk_widget_get_tooltip_text (GTK_WIDGET (row)) != NULL))
    gtk_widget_set_tooltip_text (GTK_WIDGET (row),
                                 placement != NULL ? NULL : _("Press Enter or drag onto the timeline to place this request"));
}

static GdkContentProvider *
on_drag_prepare_cb (GtkDragSource *source,
                    double         x,
                    double         y,
                    GtkListItem   *list_item)
{
  MpRequest *request = gtk_list_item_get_item (list_item);
  GtkWidget *row = gtk_list_item_get_child (list_item);
  MpRequestsPage *self = MP_REQUESTS_PAGE (gtk_widget_get_ancestor (row, MP_TYPE_REQUESTS_PAGE));

  if (request == NULL || self == NULL || placement_of (self, request) != NULL)
    return NULL;
  return gdk_content_provider_new_typed (MP_TYPE_REQUEST, request);
}

static void
on_drag_begin_cb (GtkDragSource *source,
                  GdkDrag       *drag,
                  GtkListItem   *list_item)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (gtk_list_item_get_child (list_item));

  gtk_drag_source_set_icon (source, paintable, 0, 0);
}

static void
setup_row (gpointer     page,
           GtkListItem *list_item,
           MpRecordRow *row)
{
  GtkDragSource *source = gtk_drag_source_new ();

  gtk_drag_source_set_actions (source, GDK_ACTION_COPY | GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (on_drag_prepare_cb), list_item);
  g_signal_connect (source, "drag-begin", G_CALLBACK (on_drag_begin_cb), list_item);
  gtk_widget_add_controller (GTK_WIDGET (row), GTK_EVENT_CONTROLLER (source));
}

/* People */

static gboolean
filter_person (gpointer item,
               gpointer data)
{
  MpRequestsPage *self = data;
  MpRequest *target = get_target (self);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->people_search));
  const char * const *people = target != NULL ? mp_request_get_participants (target) : NULL;
  g_autofree char *needle = NULL;
  g_autofree char *name = NULL;

  if (people != NULL && g_strv_contains (people, mp_record_get_id (item)))
    return FALSE;
  if (text == NULL || *text == '\0')
    return TRUE;

  needle = g_utf8_casefold (text, -1);
  name = g_utf8_casefold (mp_participant_get_name (item) ? mp_participant_get_name (item) : "", -1);
  return strstr (name, needle) != NULL ||
         g_strcmp0 (mp_participant_get_delegation (item), text) == 0;
}

static void
fill_person_row (gpointer     page,
                 MpRecordRow *row,
                 gpointer     item)
{
  MpParticipant *person = item;

  mp_record_row_set_prefix (row, mp_participant_get_delegation (person));
  mp_record_row_set_title (row, mp_participant_get_name (person));
  mp_record_row_set_subtitle (row, mp_participant_get_title (person));
}

static void
on_people_popover_show_cb (MpRequestsPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->people_search), "");
  gtk_filter_changed (self->people_filter, GTK_FILTER_CHANGE_DIFFERENT);
  gtk_widget_grab_focus (GTK_WIDGET (self->people_search));
}

static void
on_people_search_changed_cb (MpRequestsPage *self)
{
  gtk_filter_changed (self->people_filter, GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_people_view_activate_cb (MpRequestsPage *self,
                            guint           position)
{
  g_autoptr(MpParticipant) person = g_list_model_get_item (G_LIST_MODEL (self->people_model), position);

  if (person != NULL)
    mp_requests_page_add_participant (self, mp_record_get_id (MP_RECORD (person)));
  gtk_popover_popdown (self->people_popover);
}

static void
on_remove_participant_clicked_cb (GtkButton      *button,
                                  MpRequestsPage *self)
{
  g_autofree char *message = NULL;
  const char *id = g_object_get_data (G_OBJECT (button), "mp-participant-id");

  if (!mp_requests_page_remove_participant (self, id, &message))
    adw_preferences_group_set_description (self->participants_group, message);
}

static void
update_participants (MpRequestsPage *self)
{
  MpRequest *target = get_target (self);
  const char * const *people = target != NULL ? mp_request_get_participants (target) : NULL;
  MpPlan *plan = get_plan (self);

  for (guint i = 0; i < self->participant_rows->len; i++)
    adw_preferences_group_remove (self->participants_group, g_ptr_array_index (self->participant_rows, i));
  g_ptr_array_set_size (self->participant_rows, 0);
  adw_preferences_group_set_description (self->participants_group, _("Two or more people"));

  for (guint i = 0; people != NULL && people[i] != NULL; i++)
    {
      MpParticipant *person = mp_plan_get_participant (plan, people[i]);
      MpDelegation *delegation = person != NULL ? mp_plan_get_delegation (plan, mp_participant_get_delegation (person)) : NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *subtitle = NULL;

      if (delegation != NULL && person != NULL && mp_participant_get_title (person) != NULL)
        subtitle = g_strdup_printf ("%s · %s", mp_delegation_get_name (delegation), mp_participant_get_title (person));
      else if (delegation != NULL)
        subtitle = g_strdup (mp_delegation_get_name (delegation));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), person_name (self, people[i]));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (remove, _("Remove from Request"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Remove from Request"), -1);
      g_object_set_data_full (G_OBJECT (remove), "mp-participant-id", g_strdup (people[i]), g_free);
      g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_participant_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      adw_preferences_group_add (self->participants_group, row);
      g_ptr_array_add (self->participant_rows, row);
    }
}

/* Placement */

static void
update_placement (MpRequestsPage *self)
{
  MpRequest *target = get_target (self);
  MpMeeting *placement = target != NULL && target != self->draft ? placement_of (self, target) : NULL;

  if (placement != NULL)
    {
      g_autofree char *when = mp_pages_format_meeting_time (placement);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->placement_row), mp_meeting_get_title (placement));
      adw_action_row_set_subtitle (self->placement_row, when);
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->placement_row), _("Not placed yet"));
      adw_action_row_set_subtitle (self->placement_row,
                                   _("Place it at a time you choose, drag it onto the timeline, or let Schedule place it"));
    }
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->placement_row), placement != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->placement_icon), placement != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->place_row_button), placement == NULL);
}

/* An unplaced request opens the meeting editor on the meeting it would
 * make (the window's win.place-request); a placed one shows its meeting. */
static void
place_or_show (MpRequestsPage *self,
               MpRequest      *request)
{
  MpMeeting *placement = placement_of (self, request);

  if (placement != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-meeting", "s",
                                mp_record_get_id (MP_RECORD (placement)));
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "win.place-request", "s",
                                mp_record_get_id (MP_RECORD (request)));
}

static void
on_list_activate_cb (MpRequestsPage *self,
                     guint           position)
{
  g_autoptr(MpRequest) request = g_list_model_get_item (G_LIST_MODEL (self->filter_model), position);

  if (request != NULL)
    place_or_show (self, request);
}

static void
on_placement_activated_cb (MpRequestsPage *self)
{
  MpRequest *target = get_target (self);
  MpMeeting *placement = target != NULL ? placement_of (self, target) : NULL;

  if (placement != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-meeting", "s",
                                mp_record_get_id (MP_RECORD (placement)));
}

/* The view */

static void
on_watched_notify_cb (MpRequest      *request,
                      GParamSpec     *pspec,
                      MpRequestsPage *self)
{
  if (g_str_equal (pspec->name, "participants"))
    update_participants (self);
  update_view (self);
}

static void
watch_request (MpRequestsPage *self,
               MpRequest      *request)
{
  if (self->watched == request)
    return;

  if (self->watched != NULL)
    g_signal_handlers_disconnect_by_data (self->watched, self);
  g_set_object (&self->watched, request);
  if (request != NULL)
    g_signal_connect (request, "notify", G_CALLBACK (on_watched_notify_cb), self);
}

static void
update_view (MpRequestsPage *self)
{
  MpPlan *plan = get_plan (self);
  MpRequest *target = get_target (self);
  gboolean draft = target != NULL && target == self->draft;
  guint n = plan != NULL ? g_list_model_get_n_items (mp_plan_get_requests (plan)) : 0;

  gtk_stack_set_visible_child_name (self->stack, n > 0 || self->draft != NULL ? "list" : "empty");
  gtk_stack_set_visible_child_name (self->list_stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) > 0 ? "list" : "all-placed");
  gtk_stack_set_visible_child_name (self->detail_stack, target != NULL ? "form" : "none");

  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), draft);
  gtk_widget_set_visible (GTK_WIDGET (self->commit_button), draft);
  gtk_widget_set_visible (GTK_WIDGET (self->remove_button), !draft);
  gtk_widget_set_visible (gtk_widget_get_parent (gtk_widget_get_parent (gtk_widget_get_parent (GTK_WIDGET (self->placement_row)))),
                          !draft);

  if (draft)
    adw_preferences_group_set_title (self->details_group, _("New Request"));
  else if (target != NULL)
    {
      g_autofree char *title = request_title (self, target);
      g_autofree char *escaped = g_markup_escape_text (title, -1);

      adw_preferences_group_set_title (self->details_group, escaped);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "requests.add", MP_PAGE_HISTORY (self) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "requests.remove", target != NULL && !draft);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "requests.place",
                                 target != NULL && !draft && placement_of (self, target) == NULL);
}

static void
show_record (MpRequestsPage *self,
             MpRequest      *request)
{
  if (request != self->draft)
    g_clear_object (&self->draft);

  mp_form_set_target (self->form, MP_PAGE_HISTORY (self), request, request != NULL && request == self->draft);
  watch_request (self, request);
  update_participants (self);
  update_placement (self);
  update_view (self);
}

static gboolean
refresh (gpointer data)
{
  MpRequestsPage *self = data;
  MpRequest *target = get_target (self);

  gtk_sorter_changed (self->sorter, GTK_SORTER_CHANGE_DIFFERENT);
  gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
  mp_record_row_factory_refresh (self->factory);

  if (target != NULL && target != self->draft &&
      mp_plan_get_position (get_plan (self), MP_RECORD (target)) < 0)
    show_record (self, NULL);
  else
    {
      update_participants (self);
      update_placement (self);
      update_view (self);
    }
  return G_SOURCE_REMOVE;
}

static void
on_show_toggled_cb (MpRequestsPage *self)
{
  gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
  mp_record_row_factory_refresh (self->factory);
  update_view (self);
}

static void
on_selected_item_cb (GtkSingleSelection *selection,
                     GParamSpec         *pspec,
                     MpRequestsPage     *self)
{
  gpointer item = gtk_single_selection_get_selected_item (selection);

  if (item != NULL && item != get_target (self))
    show_record (self, item);
}

/* Actions */

static void
add_action (GtkWidget  *widget,
            const char *name,
            GVariant   *param)
{
  MpRequestsPage *self = MP_REQUESTS_PAGE (widget);
  MpConference *conference;

  if (MP_PAGE_HISTORY (self) == NULL)
    return;

  conference = mp_plan_get_conference (get_plan (self));
  g_clear_object (&self->draft);
  self->draft = mp_request_new (NULL);
  mp_request_set_duration_minutes (self->draft, 2 * mp_conference_get_slot_minutes (conference));
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  show_record (self, self->draft);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

static void
cancel_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  show_record (MP_REQUESTS_PAGE (widget), NULL);
}

static void
commit_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  MpRequestsPage *self = MP_REQUESTS_PAGE (widget);
  g_autoptr(MpRequest) request = NULL;
  g_autofree char *id = NULL;
  const char * const *people;

  if (self->draft == NULL || !mp_form_apply (self->form))
    return;

  people = mp_request_get_participants (self->draft);
  if (people == NULL || g_strv_length ((char **) people) < 2)
    {
      adw_preferences_group_set_description (self->participants_group,
                                             _("A request needs two or more participants: add them first"));
      gtk_widget_grab_focus (GTK_WIDGET (self->add_participant_button));
      return;
    }

  id = mp_plan_make_id_from_name (get_plan (self), MP_TYPE_REQUEST,
                         mp_request_get_title (self->draft) != NULL ? mp_request_get_title (self->draft) : "request");
  mp_record_set_id (MP_RECORD (self->draft), id);
  request = g_steal_pointer (&self->draft);

  mp_history_begin (MP_PAGE_HISTORY (self), _("Add Request"));
  mp_history_add (MP_PAGE_HISTORY (self), MP_RECORD (request), NULL);
  mp_history_end (MP_PAGE_HISTORY (self));

  mp_requests_page_set_show_all (self, gtk_toggle_button_get_active (self->all_button));
  mp_requests_page_select (self, request);
}

static void
place_action (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  MpRequestsPage *self = MP_REQUESTS_PAGE (widget);
  MpRequest *request = get_target (self);

  if (request != NULL && request != self->draft && placement_of (self, request) == NULL)
    place_or_show (self, request);
}

static void
remove_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  MpRequestsPage *self = MP_REQUESTS_PAGE (widget);
  MpRequest *request = get_target (self);

  if (request == NULL || request == self->draft || MP_PAGE_HISTORY (self) == NULL)
    return;

  /* Undo brings it back: no need to ask. */
  mp_history_begin (MP_PAGE_HISTORY (self), _("Remove Request"));
  mp_pages_remove_request (MP_PAGE_HISTORY (self), request);
  mp_history_end (MP_PAGE_HISTORY (self));
}

/* GObject */

static void
mp_requests_page_history_changed (MpPage *page)
{
  MpRequestsPage *self = MP_REQUESTS_PAGE (page);
  MpPlan *plan;

  show_record (self, NULL);
  plan = get_plan (self);

  mp_plan_watch_set_plan (&self->watch, plan, refresh, GTK_WIDGET (self));
  gtk_sort_list_model_set_model (self->sort_model, plan != NULL ? mp_plan_get_requests (plan) : NULL);
  gtk_filter_list_model_set_model (self->people_model, plan != NULL ? mp_plan_get_participants (plan) : NULL);
  update_view (self);
}

static void
mp_requests_page_dispose (GObject *object)
{
  MpRequestsPage *self = MP_REQUESTS_PAGE (object);

  mp_plan_watch_clear (&self->watch);
  watch_request (self, NULL);
  g_clear_pointer (&self->form, mp_form_free);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), MP_TYPE_REQUESTS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->factory);
  g_clear_object (&self->people_model);
  g_clear_object (&self->people_factory);
  g_clear_object (&self->draft);
  g_clear_pointer (&self->participant_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (mp_requests_page_parent_class)->dispose (object);
}

static void
mp_requests_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  MpRequestsPage *self = MP_REQUESTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_COMPACT:
      g_value_set_boolean (value, self->compact);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_requests_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  MpRequestsPage *self = MP_REQUESTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_COMPACT:
      mp_requests_page_set_compact (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_requests_page_class_init (MpRequestsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mp_requests_page_dispose;
  MP_PAGE_CLASS (klass)->history_changed = mp_requests_page_history_changed;
  object_class->get_property = mp_requests_page_get_property;
  object_class->set_property = mp_requests_page_set_property;

  properties [PROP_COMPACT] =
    g_param_spec_boolean ("compact", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  mp_pages_ensure_style ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ministerial/Ministerial/mp-requests-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MpRequestsPage, add_participant_button);
  gtk_widget_class_bind_template_child (widget_class, MpRequestsPage, all_button);
  gtk_widget_class_bind_template_child (widget_class, MpRequestsPage, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, MpRequestsPage, commit_button);
  gtk_widget_class_bind_template_child (widget_class, MpRequestsPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, MpRequestsPage, details_group);
  gtk_widget_class_bind_template_child (widget_class, MpRequestsPage, duration_spin);
  gtk_widget_class_bind_template_child (widget_class, MpRequestsPage, earliest_row);
  gtk_widget_class_bind_template_child (widget_class, MpRequestsPage, kind_row);
  gtk_widget_class_bind_template_child (widget_class, MpRequestsPage, latest_row);
  gtk_widget_class_bind_template_child (widget_class, MpRequestsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, MpRequestsPage, list_pane);
  gtk_widget_class_bind_template_child (widget_class, MpRequestsPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, MpRequestsPage, pane_separator);
  gtk_widget_class_bind_template_child (widget_class, MpRequestsPage, participants_group);
  gtk_widget_class_bind_template_child (widget_class, MpRequestsPage, people_popover);
  gtk_widget_class_bind_template_child (widget_class, MpRequestsPage, people_search);
  gtk_widget_class_bind_template_child (widget_class, MpRequestsPage, people_view);
  gtk_widget_class_bind_template_child (widget_class, MpRequestsPage, place_button);
  gtk_widget_class_bind_template_child (widget_class, MpRequestsPage, place_row_button);
  gtk_widget_class_bind_template_child (widget_class, MpRequestsPage, placement_icon);
  gtk_widget_class_bind_template_child (widget_class, MpRequestsPage, placement_row);
  gtk_widget_class_bind_template_child (widget_class, MpRequestsPage, priority_row);
  gtk_widget_class_bind_template_child (widget_class, MpRequestsPage, remove_button);
  gtk_widget_class_bind_template_child (widget_class, MpRequestsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, MpRequestsPage, title_row);
  gtk_widget_class_bind_template_child (widget_class, MpRequestsPage, unplaced_button);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_people_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_people_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_people_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_placement_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_show_toggled_cb);

  gtk_widget_class_install_action (widget_class, "requests.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "requests.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "requests.commit", NULL, commit_action);
  gtk_widget_class_install_action (widget_class, "requests.place", NULL, place_action);
  gtk_widget_class_install_action (widget_class, "requests.remove", NULL, remove_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "requests.add", NULL);
}

static void
mp_requests_page_init (MpRequestsPage *self)
{
  g_autoptr(GListModel) kinds = NULL;
  g_autoptr(GListModel) priorities = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->participant_rows = g_ptr_array_new ();
  self->sorter = GTK_SORTER (gtk_custom_sorter_new (compare_requests, self, NULL));
  self->filter = GTK_FILTER (gtk_custom_filter_new (filter_request, self, NULL));
  self->sort_model = gtk_sort_list_model_new (NULL, self->sorter);
  self->filter_model = gtk_filter_list_model_new (G_LIST_MODEL (self->sort_model), self->filter);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->filter_model));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect (self->selection, "notify::selected-item", G_CALLBACK (on_selected_item_cb), self);

  self->factory = mp_record_row_factory_new (self, fill_row, setup_row);
  gtk_list_view_set_factory (self->list_view, self->factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  self->people_filter = GTK_FILTER (gtk_custom_filter_new (filter_person, self, NULL));
  self->people_model = gtk_filter_list_model_new (NULL, self->people_filter);
  self->people_factory = mp_record_row_factory_new (self, fill_person_row, NULL);
  gtk_list_view_set_factory (self->people_view, self->people_factory);
  gtk_list_view_set_model (self->people_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->people_model)))));

  kinds = mp_enum_label_model_new (MP_TYPE_MEETING_KIND, (const char *(*) (int)) mp_meeting_kind_label);
  adw_combo_row_set_model (self->kind_row, kinds);
  priorities = mp_enum_label_model_new (MP_TYPE_PRIORITY, (const char *(*) (int)) mp_priority_label);
  adw_combo_row_set_model (self->priority_row, priorities);

  self->form = mp_form_new (_("Edit Request"));
  mp_form_add_entry (self->form, self->title_row, "title", TRUE, NULL, NULL);
  mp_form_add_combo (self->form, self->kind_row, "kind");
  mp_form_add_combo (self->form, self->priority_row, "priority");
  mp_form_add_spin (self->form, self->duration_spin, "duration-minutes");
  mp_form_add_time (self->form, self->earliest_row, "earliest");
  mp_form_add_time (self->form, self->latest_row, "latest");

  update_view (self);
}

/* Public */

GtkWidget *
mp_requests_page_new (void)
{
  return g_object_new (MP_TYPE_REQUESTS_PAGE, NULL);
}

void
mp_requests_page_select (MpRequestsPage *self,
                         MpRequest      *request)
{
  g_return_if_fail (MP_IS_REQUESTS_PAGE (self));
  g_return_if_fail (request == NULL || MP_IS_REQUEST (request));

  mp_plan_watch_flush (&self->watch);
  show_record (self, request);
  mp_pages_select_item (self->selection, request);
}

MpRequest *
mp_requests_page_get_selected (MpRequestsPage *self)
{
  g_return_val_if_fail (MP_IS_REQUESTS_PAGE (self), NULL);

  return get_target (self);
}

gboolean
mp_requests_page_get_compact (MpRequestsPage *self)
{
  g_return_val_if_fail (MP_IS_REQUESTS_PAGE (self), FALSE);

  return self->compact;
}

void
mp_requests_page_set_compact (MpRequestsPage *self,
                              gboolean        compact)
{
  g_return_if_fail (MP_IS_REQUESTS_PAGE (self));

  compact = !!compact;
  if (self->compact == compact)
    return;

  self->compact = compact;
  gtk_widget_set_visible (GTK_WIDGET (self->pane_separator), !compact);
  gtk_widget_set_visible (GTK_WIDGET (self->detail_stack), !compact);
  gtk_widget_set_hexpand (GTK_WIDGET (self->list_pane), compact);
  gtk_widget_set_size_request (GTK_WIDGET (self->list_pane), compact ? 240 : 340, -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_COMPACT]);
}

void
mp_requests_page_set_show_all (MpRequestsPage *self,
                               gboolean        show_all)
{
  g_return_if_fail (MP_IS_REQUESTS_PAGE (self));

  mp_plan_watch_flush (&self->watch);
  gtk_toggle_button_set_active (show_all ? self->all_button : self->unplaced_button, TRUE);
  gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
  update_view (self);
}

GListModel *
mp_requests_page_get_model (MpRequestsPage *self)
{
  g_return_val_if_fail (MP_IS_REQUESTS_PAGE (self), NULL);

  return G_LIST_MODEL (self->filter_model);
}

static void
write_participants (MpRequestsPage *self,
                    MpRequest      *request,
                    char          **people,
                    const char     *label)
{
  if (request == self->draft)
    mp_request_set_participants (request, (const char * const *) people);
  else
    {
      mp_history_begin (MP_PAGE_HISTORY (self), label);
      mp_history_set (MP_PAGE_HISTORY (self), request, "participants", people, NULL);
      mp_history_end (MP_PAGE_HISTORY (self));
    }
}

gboolean
mp_requests_page_add_participant (MpRequestsPage *self,
                                  const char     *participant_id)
{
  MpRequest *target;
  g_auto(GStrv) people = NULL;

  g_return_val_if_fail (MP_IS_REQUESTS_PAGE (self), FALSE);
  g_return_val_if_fail (participant_id != NULL, FALSE);

  target = get_target (self);
  if (target == NULL || mp_plan_get_participant (get_plan (self), participant_id) == NULL)
    return FALSE;

  people = mp_strv_with (mp_request_get_participants (target), participant_id);
  write_participants (self, target, people, _("Add Participant"));
  return TRUE;
}

gboolean
mp_requests_page_remove_participant (MpRequestsPage  *self,
                                     const char      *participant_id,
                                     char           **message)
{
  MpRequest *target;
  g_auto(GStrv) people = NULL;

  g_return_val_if_fail (MP_IS_REQUESTS_PAGE (self), FALSE);
  g_return_val_if_fail (participant_id != NULL, FALSE);

  target = get_target (self);
  if (target == NULL)
    return FALSE;

  people = mp_strv_without (mp_request_get_participants (target), participant_id);
  if (target != self->draft && g_strv_length (people) < 2)
    {
      if (message != NULL)
        *message = g_strdup (_("A request needs two or more participants: add another before removing this one"));
      return FALSE;
    }

  write_participants (self, target, people, _("Remove Participant"));
  return TRUE;
}
