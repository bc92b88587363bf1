/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mp-delegations-page"

#include "config.h"

#include <glib/gi18n.h>

#include "mp-delegations-page.h"
#include "mp-page-common.h"

struct _MpDelegationsPage
{
  MpPage               parent_instance;

  GtkButton           *cancel_button;
  GtkButton           *commit_button;
  AdwEntryRow         *country_row;
  AdwPreferencesGroup *details_group;
  GtkStack            *detail_stack;
  AdwEntryRow         *id_row;
  GtkListView         *list_view;
  AdwEntryRow         *name_row;
  AdwPreferencesGroup *precedence_group;
  AdwActionRow        *precedence_row;
  GtkButton           *remove_button;
  GtkSearchEntry      *search_entry;
  GtkStack            *stack;
  AdwEntryRow         *zone_row;

  MpPlanWatch          watch;
  GtkSortListModel    *sort_model;
  GtkFilterListModel  *filter_model;
  GtkSingleSelection  *selection;
  GtkSorter           *sorter;
  GtkFilter           *filter;
  GtkListItemFactory  *factory;
  MpForm              *form;
  MpDelegation        *draft;     /* a new delegation, not yet in the plan */
  GHashTable          *counts;    /* delegation id → participants */
};

G_DEFINE_FINAL_TYPE (MpDelegationsPage, mp_delegations_page, MP_TYPE_PAGE)

static MpPlan *
get_plan (MpDelegationsPage *self)
{
  return mp_page_get_plan (MP_PAGE (self));
}

static int
compare_delegations (gconstpointer a,
                     gconstpointer b,
                     gpointer      data)
{
  MpDelegation *da = (MpDelegation *) a;
  MpDelegation *db = (MpDelegation *) b;
  int pa = mp_delegation_get_precedence (da);
  int pb = mp_delegation_get_precedence (db);
  int by_name;

  if (pa != pb)
    return pa < pb ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;

  by_name = g_utf8_collate (mp_delegation_get_name (da) ? mp_delegation_get_name (da) : "",
                            mp_delegation_get_name (db) ? mp_delegation_get_name (db) : "");
  if (by_name == 0)
    by_name = g_strcmp0 (mp_record_get_id (MP_RECORD (da)), mp_record_get_id (MP_RECORD (db)));
  return by_name < 0 ? GTK_ORDERING_SMALLER : by_name > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
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

static gboolean
filter_delegation (gpointer item,
                   gpointer data)
{
  MpDelegationsPage *self = data;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *needle = NULL;

  if (text == NULL || *text == '\0')
    return TRUE;

  needle = g_utf8_casefold (text, -1);
  return text_matches (mp_delegation_get_name (item), needle) ||
         text_matches (mp_record_get_id (item), needle) ||
         text_matches (mp_delegation_get_country (item), needle);
}

static void
fill_row (gpointer     page,
          MpRecordRow *row,
          gpointer     item)
{
  MpDelegationsPage *self = page;
  MpDelegation *delegation = item;
  const char *id = mp_record_get_id (MP_RECORD (delegation));
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (self->counts, id));
  int precedence = mp_delegation_get_precedence (delegation);
  g_autofree char *prefix = precedence != G_MAXINT ? g_strdup_printf ("%d", precedence) : g_strdup ("–");
  g_autofree char *people = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u participant", "%u participants", count), count);
  g_autofree char *subtitle = g_strdup_printf ("%s · %s", id, people);

  mp_record_row_set_prefix (row, prefix);
  mp_record_row_set_title (row, mp_delegation_get_name (delegation));
  mp_record_row_set_subtitle (row, subtitle);
}

static MpDelegationsPage *
page_of (GtkListItem *list_item)
{
  GtkWidget *row = gtk_list_item_get_child (list_item);

  return MP_DELEGATIONS_PAGE (gtk_widget_get_ancestor (row, MP_TYPE_DELEGATIONS_PAGE));
}

static GdkContentProvider *
on_drag_prepare_cb (GtkDragSource *source,
                    double         x,
                    double         y,
                    GtkListItem   *list_item)
{
  gpointer item = gtk_list_item_get_item (list_item);

  if (item == NULL)
    return NULL;
  return gdk_content_provider_new_typed (MP_TYPE_DELEGATION, item);
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
clear_drop_marks (GtkWidget *row)
{
  gtk_widget_remove_css_class (row, "mp-drop-above");
  gtk_widget_remove_css_class (row, "mp-drop-below");
}

static GdkDragAction
on_drop_motion_cb (GtkDropTarget *target,
                   double         x,
                   double         y,
                   GtkListItem   *list_item)
{
  GtkWidget *row = gtk_list_item_get_child (list_item);
  gboolean above = y < gtk_widget_get_height (row) / 2.0;

  clear_drop_marks (row);
  gtk_widget_add_css_class (row, above ? "mp-drop-above" : "mp-drop-below");
  return GDK_ACTION_MOVE;
}

static void
on_drop_leave_cb (GtkDropTarget *target,
                  GtkListItem   *list_item)
{
  clear_drop_marks (gtk_list_item_get_child (list_item));
}

static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            GtkListItem   *list_item)
{
  GtkWidget *row = gtk_list_item_get_child (list_item);
  MpDelegationsPage *self = page_of (list_item);
  gboolean above = y < gtk_widget_get_height (row) / 2.0;
  guint from, to;

  clear_drop_marks (row);
  if (self == NULL || gtk_list_item_get_item (list_item) == NULL)
    return FALSE;

  from = mp_pages_find_position (G_LIST_MODEL (self->sort_model), g_value_get_object (value));
  to = mp_pages_find_position (G_LIST_MODEL (self->sort_model), gtk_list_item_get_item (list_item));
  if (from == GTK_INVALID_LIST_POSITION || to == GTK_INVALID_LIST_POSITION)
    return FALSE;

  /* to is where the delegation goes once it is out of the list. */
  if (!above)
    to++;
  if (from < to)
    to--;

  return mp_delegations_page_move (self, from, to);
}

static void
setup_row (gpointer     page,
           GtkListItem *list_item,
           MpRecordRow *row)
{
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (MP_TYPE_DELEGATION, GDK_ACTION_MOVE);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (on_drag_prepare_cb), list_item);
  g_signal_connect (source, "drag-begin", G_CALLBACK (on_drag_begin_cb), list_item);
  gtk_widget_add_controller (GTK_WIDGET (row), GTK_EVENT_CONTROLLER (source));

  g_signal_connect (target, "motion", G_CALLBACK (on_drop_motion_cb), list_item);
  g_signal_connect (target, "leave", G_CALLBACK (on_drop_leave_cb), list_item);
  g_signal_connect (target, "drop", G_CALLBACK (on_drop_cb), list_item);
  gtk_widget_add_controller (GTK_WIDGET (row), GTK_EVENT_CONTROLLER (target));
}

static void
update_counts (MpDelegationsPage *self)
{
  MpPlan *plan = get_plan (self);
  GListModel *people;
  guint n;

  g_hash_table_remove_all (self->counts);
  if (plan == NULL)
    return;

  people = mp_plan_get_participants (plan);
  n = g_list_model_get_n_items (people);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MpParticipant) person = g_list_model_get_item (people, i);
      const char *id = mp_participant_get_delegation (person);

      if (id != NULL)
        g_hash_table_insert (self->counts, g_strdup (id),
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (self->counts, id)) + 1));
    }
}

static void
update_view (MpDelegationsPage *self)
{
  MpPlan *plan = get_plan (self);
  MpDelegation *target = mp_form_get_target (self->form);
  gboolean draft = target != NULL && target == self->draft;
  guint n = plan != NULL ? g_list_model_get_n_items (mp_plan_get_delegations (plan)) : 0;
  guint position = GTK_INVALID_LIST_POSITION;

  gtk_stack_set_visible_child_name (self->stack, n > 0 || self->draft != NULL ? "list" : "empty");
  gtk_stack_set_visible_child_name (self->detail_stack, target != NULL ? "form" : "none");

  gtk_widget_set_visible (GTK_WIDGET (self->id_row), draft);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), draft);
  gtk_widget_set_visible (GTK_WIDGET (self->commit_button), draft);
  gtk_widget_set_visible (GTK_WIDGET (self->remove_button), !draft);
  gtk_widget_set_visible (GTK_WIDGET (self->precedence_group), !draft);

  if (draft)
    {
      adw_preferences_group_set_title (self->details_group, _("New Delegation"));
      adw_preferences_group_set_description (self->details_group, NULL);
    }
  else if (target != NULL)
    {
      g_autofree char *title = g_markup_escape_text (mp_delegation_get_name (target) ? mp_delegation_get_name (target) : "", -1);
      g_autofree char *code = g_strdup_printf (_("Code %s"), mp_record_get_id (MP_RECORD (target)));

      adw_preferences_group_set_title (self->details_group, title);
      adw_preferences_group_set_description (self->details_group, code);

      position = mp_pages_find_position (G_LIST_MODEL (self->sort_model), target);
      if (position != GTK_INVALID_LIST_POSITION)
        {
          /* TRANSLATORS: a place in the order of precedence: "2 of 3" */
          g_autofree char *place = g_strdup_printf (_("%u of %u"), position + 1, n);

          adw_action_row_set_subtitle (self->precedence_row, place);
        }
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "delegations.add", MP_PAGE_HISTORY (self) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "delegations.remove", target != NULL && !draft);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "delegations.move-up",
                                 position != GTK_INVALID_LIST_POSITION && position > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "delegations.move-down",
                                 position != GTK_INVALID_LIST_POSITION && position + 1 < n);
}

static void
show_record (MpDelegationsPage *self,
             MpDelegation      *delegation)
{
  if (delegation != self->draft)
    g_clear_object (&self->draft);

  mp_form_set_target (self->form, MP_PAGE_HISTORY (self), delegation, delegation != NULL && delegation == self->draft);
  update_view (self);
}

static gboolean
refresh (gpointer data)
{
  MpDelegationsPage *self = data;
  MpDelegation *target = mp_form_get_target (self->form);

  update_counts (self);
  gtk_sorter_changed (self->sorter, GTK_SORTER_CHANGE_DIFFERENT);
  gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
  mp_record_row_factory_refresh (self->factory);

  /* The delegation shown was removed, by an undo say. */
  if (target != NULL && target != self->draft &&
      mp_plan_get_position (get_plan (self), MP_RECORD (target)) < 0)
    show_record (self, NULL);
  else
    update_view (self);

  return G_SOURCE_REMOVE;
}

static void
on_search_changed_cb (MpDelegationsPage *self)
{
  gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_selected_item_cb (GtkSingleSelection *selection,
                     GParamSpec         *pspec,
                     MpDelegationsPage  *self)
{
  gpointer item = gtk_single_selection_get_selected_item (selection);

  if (item != NULL && item != mp_form_get_target (self->form))
    show_record (self, item);
}

static gboolean
check_code (const char  *text,
            gpointer     data,
            char       **message)
{
  MpDelegationsPage *self = data;

  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isspace (*p))
      {
        *message = g_strdup (_("A code has no spaces"));
        return FALSE;
      }

  if (mp_plan_get_delegation (get_plan (self), text) != NULL)
    {
      *message = g_strdup_printf (_("Another delegation has the code “%s”"), text);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_country (const char  *text,
               gpointer     data,
               char       **message)
{
  if (strlen (text) != 2 || !g_ascii_isalpha (text[0]) || !g_ascii_isalpha (text[1]))
    {
      *message = g_strdup_printf (_("“%s” is not a two-letter country code (ISO 3166-1 alpha-2)"), text);
      return FALSE;
    }
  return TRUE;
}

static void
add_action (GtkWidget  *widget,
            const char *name,
            GVariant   *param)
{
  MpDelegationsPage *self = MP_DELEGATIONS_PAGE (widget);

  if (MP_PAGE_HISTORY (self) == NULL)
    return;

  g_clear_object (&self->draft);
  self->draft = mp_delegation_new (NULL);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  show_record (self, self->draft);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
cancel_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  MpDelegationsPage *self = MP_DELEGATIONS_PAGE (widget);

  show_record (self, NULL);
}

static void
commit_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  MpDelegationsPage *self = MP_DELEGATIONS_PAGE (widget);
  g_autoptr(MpDelegation) delegation = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *model;
  int last = 0;
  guint n;

  if (self->draft == NULL || !mp_form_apply (self->form))
    return;

  if (mp_delegation_get_name (self->draft) == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
      gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
      return;
    }
  if (mp_record_get_id (MP_RECORD (self->draft)) == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->id_row), "error");
      gtk_widget_grab_focus (GTK_WIDGET (self->id_row));
      return;
    }

  model = mp_plan_get_delegations (get_plan (self));
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MpDelegation) other = g_list_model_get_item (model, i);
      int precedence = mp_delegation_get_precedence (other);

      if (precedence != G_MAXINT)
        last = MAX (last, precedence);
    }
  mp_delegation_set_precedence (self->draft, last + 1);

  delegation = g_steal_pointer (&self->draft);
  mp_history_begin (MP_PAGE_HISTORY (self), _("Add Delegation"));
  if (!mp_history_add (MP_PAGE_HISTORY (self), MP_RECORD (delegation), &error))
    {
      mp_history_end (MP_PAGE_HISTORY (self));
      self->draft = g_steal_pointer (&delegation);
      gtk_widget_add_css_class (GTK_WIDGET (self->id_row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->id_row), error->message);
      return;
    }
  mp_history_end (MP_PAGE_HISTORY (self));

  mp_plan_watch_flush (&self->watch);
  mp_delegations_page_select (self, delegation);
}

typedef struct
{
  MpDelegationsPage *page;
  MpDelegation      *delegation;
  GPtrArray         *participants;
} Removal;

static void
removal_free (gpointer data)
{
  Removal *removal = data;

  g_object_unref (removal->page);
  g_object_unref (removal->delegation);
  g_ptr_array_unref (removal->participants);
  g_free (removal);
}

static void
remove_delegation (MpDelegationsPage *self,
                   MpDelegation      *delegation,
                   GPtrArray         *participants)
{
  MpConference *conference = mp_plan_get_conference (get_plan (self));

  mp_history_begin (MP_PAGE_HISTORY (self), _("Remove Delegation"));
  mp_pages_remove_participants (MP_PAGE_HISTORY (self), participants);
  if (g_strcmp0 (mp_conference_get_host (conference), mp_record_get_id (MP_RECORD (delegation))) == 0)
    mp_history_set (MP_PAGE_HISTORY (self), conference, "host", NULL, NULL);
  mp_history_remove (MP_PAGE_HISTORY (self), MP_RECORD (delegation));
  mp_history_end (MP_PAGE_HISTORY (self));
}

static void
on_removal_response (gpointer data,
                     gboolean confirmed)
{
  Removal *removal = data;

  if (confirmed && MP_PAGE_HISTORY (removal->page) != NULL &&
      mp_plan_get_position (get_plan (removal->page), MP_RECORD (removal->delegation)) >= 0)
    remove_delegation (removal->page, removal->delegation, removal->participants);
}

static void
remove_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  MpDelegationsPage *self = MP_DELEGATIONS_PAGE (widget);
  MpDelegation *delegation = mp_form_get_target (self->form);
  g_autoptr(GPtrArray) participants = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) meetings = NULL;
  g_autofree char *body = NULL;
  GListModel *people;
  Removal *removal;
  guint n;

  if (delegation == NULL || delegation == self->draft || MP_PAGE_HISTORY (self) == NULL)
    return;

  people = mp_plan_get_participants (get_plan (self));
  n = g_list_model_get_n_items (people);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MpParticipant) person = g_list_model_get_item (people, i);

      if (g_strcmp0 (mp_participant_get_delegation (person), mp_record_get_id (MP_RECORD (delegation))) == 0)
        g_ptr_array_add (participants, g_object_ref (person));
    }

  if (participants->len == 0)
    {
      remove_delegation (self, delegation, participants);
      return;
    }

  meetings = mp_pages_meetings_of (get_plan (self), participants);
  if (meetings->len > 0)
    body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%s has %u participant. Removing the delegation also removes them, and takes them out of these meetings and of their requests.",
                                         "%s has %u participants. Removing the delegation also removes them, and takes them out of these meetings and of their requests.",
                                         participants->len),
                            mp_delegation_get_name (delegation), participants->len);
  else
    body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%s has %u participant. Removing the delegation also removes them.",
                                         "%s has %u participants. Removing the delegation also removes them.",
                                         participants->len),
                            mp_delegation_get_name (delegation), participants->len);

  removal = g_new0 (Removal, 1);
  removal->page = g_object_ref (self);
  removal->delegation = g_object_ref (delegation);
  removal->participants = g_ptr_array_ref (participants);
  mp_pages_confirm_removal (GTK_WIDGET (self), _("Remove Delegation?"), body, meetings,
                            get_plan (self), on_removal_response, removal, removal_free);
}

static void
move_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  MpDelegationsPage *self = MP_DELEGATIONS_PAGE (widget);
  MpDelegation *target = mp_form_get_target (self->form);
  guint position;

  if (target == NULL || target == self->draft)
    return;

  mp_plan_watch_flush (&self->watch);
  position = mp_pages_find_position (G_LIST_MODEL (self->sort_model), target);
  if (position == GTK_INVALID_LIST_POSITION)
    return;

  if (g_str_equal (name, "delegations.move-up") && position > 0)
    mp_delegations_page_move (self, position, position - 1);
  else if (g_str_equal (name, "delegations.move-down") &&
           position + 1 < g_list_model_get_n_items (G_LIST_MODEL (self->sort_model)))
    mp_delegations_page_move (self, position, position + 1);
}

static void
mp_delegations_page_history_changed (MpPage *page)
{
  MpDelegationsPage *self = MP_DELEGATIONS_PAGE (page);
  MpPlan *plan;

  g_clear_object (&self->draft);
  mp_form_set_target (self->form, NULL, NULL, FALSE);
  plan = get_plan (self);

  mp_plan_watch_set_plan (&self->watch, plan, refresh, GTK_WIDGET (self));
  update_counts (self);
  gtk_sort_list_model_set_model (self->sort_model, plan != NULL ? mp_plan_get_delegations (plan) : NULL);
  update_view (self);
}

static void
mp_delegations_page_dispose (GObject *object)
{
  MpDelegationsPage *self = MP_DELEGATIONS_PAGE (object);

  mp_plan_watch_clear (&self->watch);
  g_clear_pointer (&self->form, mp_form_free);
  /* AdwBin unparents its child itself: let it go first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), MP_TYPE_DELEGATIONS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->factory);
  g_clear_object (&self->draft);
  g_clear_pointer (&self->counts, g_hash_table_unref);

  G_OBJECT_CLASS (mp_delegations_page_parent_class)->dispose (object);
}

static void
mp_delegations_page_class_init (MpDelegationsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mp_delegations_page_dispose;
  MP_PAGE_CLASS (klass)->history_changed = mp_delegations_page_history_changed;

  mp_pages_ensure_style ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ministerial/Ministerial/mp-delegations-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MpDelegationsPage, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, MpDelegationsPage, commit_button);
  gtk_widget_class_bind_template_child (widget_class, MpDelegationsPage, country_row);
  gtk_widget_class_bind_template_child (widget_class, MpDelegationsPage, details_group);
  gtk_widget_class_bind_template_child (widget_class, MpDelegationsPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, MpDelegationsPage, id_row);
  gtk_widget_class_bind_template_child (widget_class, MpDelegationsPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, MpDelegationsPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, MpDelegationsPage, precedence_group);
  gtk_widget_class_bind_template_child (widget_class, MpDelegationsPage, precedence_row);
  gtk_widget_class_bind_template_child (widget_class, MpDelegationsPage, remove_button);
  gtk_widget_class_bind_template_child (widget_class, MpDelegationsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, MpDelegationsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, MpDelegationsPage, zone_row);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);

  gtk_widget_class_install_action (widget_class, "delegations.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "delegations.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "delegations.commit", NULL, commit_action);
  gtk_widget_class_install_action (widget_class, "delegations.remove", NULL, remove_action);
  gtk_widget_class_install_action (widget_class, "delegations.move-up", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "delegations.move-down", NULL, move_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "delegations.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "delegations.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "delegations.add", NULL);
}

static void
mp_delegations_page_init (MpDelegationsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->sorter = GTK_SORTER (gtk_custom_sorter_new (compare_delegations, NULL, NULL));
  self->filter = GTK_FILTER (gtk_custom_filter_new (filter_delegation, self, NULL));
  self->sort_model = gtk_sort_list_model_new (NULL, self->sorter);
  self->filter_model = gtk_filter_list_model_new (G_LIST_MODEL (self->sort_model), self->filter);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->filter_model));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect (self->selection, "notify::selected-item", G_CALLBACK (on_selected_item_cb), self);

  self->factory = mp_record_row_factory_new (self, fill_row, setup_row);
  gtk_list_view_set_factory (self->list_view, self->factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  self->form = mp_form_new (_("Edit Delegation"));
  mp_form_add_entry (self->form, self->name_row, "name", FALSE, NULL, NULL);
  mp_form_add_entry (self->form, self->id_row, "id", FALSE, check_code, self);
  mp_form_add_entry (self->form, self->country_row, "country", TRUE, check_country, NULL);
  mp_form_add_entry (self->form, self->zone_row, "home-time-zone", TRUE, mp_pages_check_zone, NULL);

  update_view (self);
}

GtkWidget *
mp_delegations_page_new (void)
{
  return g_object_new (MP_TYPE_DELEGATIONS_PAGE, NULL);
}

void
mp_delegations_page_select (MpDelegationsPage *self,
                            MpDelegation      *delegation)
{
  g_return_if_fail (MP_IS_DELEGATIONS_PAGE (self));
  g_return_if_fail (delegation == NULL || MP_IS_DELEGATION (delegation));

  mp_plan_watch_flush (&self->watch);
  show_record (self, delegation);
  mp_pages_select_item (self->selection, delegation);
}

MpDelegation *
mp_delegations_page_get_selected (MpDelegationsPage *self)
{
  g_return_val_if_fail (MP_IS_DELEGATIONS_PAGE (self), NULL);

  return mp_form_get_target (self->form);
}

gboolean
mp_delegations_page_move (MpDelegationsPage *self,
                          guint              from,
                          guint              to)
{
  GListModel *model;
  g_autoptr(GPtrArray) order = NULL;
  gpointer moved;
  guint n;

  g_return_val_if_fail (MP_IS_DELEGATIONS_PAGE (self), FALSE);

  if (MP_PAGE_HISTORY (self) == NULL)
    return FALSE;

  mp_plan_watch_flush (&self->watch);
  model = G_LIST_MODEL (self->sort_model);
  n = g_list_model_get_n_items (model);
  if (from >= n || to >= n)
    return FALSE;

  order = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (order, g_list_model_get_item (model, i));

  moved = g_ptr_array_steal_index (order, from);
  g_ptr_array_insert (order, to, moved);

  mp_history_begin (MP_PAGE_HISTORY (self), _("Change Order of Precedence"));
  for (guint i = 0; i < n; i++)
    {
      MpDelegation *delegation = g_ptr_array_index (order, i);

      if (mp_delegation_get_precedence (delegation) != (int) i + 1)
        mp_history_set (MP_PAGE_HISTORY (self), delegation, "precedence", (int) i + 1, NULL);
    }
  mp_history_end (MP_PAGE_HISTORY (self));

  mp_plan_watch_flush (&self->watch);
  return TRUE;
}

GListModel *
mp_delegations_page_get_model (MpDelegationsPage *self)
{
  g_return_val_if_fail (MP_IS_DELEGATIONS_PAGE (self), NULL);

  return G_LIST_MODEL (self->sort_model);
}
