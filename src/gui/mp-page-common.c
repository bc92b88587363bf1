/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mp-page-common"

#include "config.h"

#include <glib/gi18n.h>

#include "mp-page-common.h"
#include "mp-resources.h"

/* Style */

void
mp_pages_ensure_style (void)
{
  static gboolean loaded;
  g_autoptr(GtkCssProvider) provider = NULL;
  GdkDisplay *display = gdk_display_get_default ();

  /* Linking the resources' object file (a static library leaves it out
   * when nothing names it) registers them. */
  g_assert (mp_get_resource () != NULL);

  if (loaded || display == NULL)
    return;
  loaded = TRUE;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/ministerial/Ministerial/mp-pages.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

/* Form */

typedef enum
{
  FIELD_ENTRY,
  FIELD_COMBO,
  FIELD_SPIN,
  FIELD_TIME,
} FieldKind;

typedef struct
{
  MpForm             *form;
  FieldKind           kind;
  GtkWidget          *widget;
  GtkEventController *focus;
  char               *property;
  gboolean            optional;
  MpFormCheck         check;
  gpointer            check_data;
  GBinding           *binding;
} Field;

struct _MpForm
{
  GPtrArray *fields;
  MpHistory *history;
  GObject   *target;
  gboolean   draft;
  char      *label;     /* of the undo steps its edits make */
};

static void
field_unbind (Field *field)
{
  if (field->binding != NULL)
    {
      g_binding_unbind (field->binding);
      g_clear_object (&field->binding);
    }
}

static void
field_free (Field *field)
{
  field_unbind (field);
  g_signal_handlers_disconnect_by_data (field->widget, field);
  if (field->focus != NULL)
    g_signal_handlers_disconnect_by_data (field->focus, field);
  g_free (field->property);
  g_free (field);
}

MpForm *
mp_form_new (const char *label)
{
  MpForm *form = g_new0 (MpForm, 1);

  form->label = g_strdup (label);
  form->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) field_free);
  return form;
}

void
mp_form_free (MpForm *form)
{
  if (form == NULL)
    return;

  g_ptr_array_unref (form->fields);
  g_clear_object (&form->history);
  g_clear_object (&form->target);
  g_free (form->label);
  g_free (form);
}

static void
write_value (MpForm       *form,
             const char   *property,
             const GValue *value)
{
  if (!form->draft)
    {
      mp_history_begin (form->history, form->label);
      mp_history_set_value (form->history, form->target, property, value);
      mp_history_end (form->history);
    }
  else
    g_object_set_property (form->target, property, value);
}

static void
set_field_error (Field      *field,
                 const char *message)
{
  if (message != NULL)
    gtk_widget_add_css_class (field->widget, "error");
  else
    gtk_widget_remove_css_class (field->widget, "error");
  gtk_widget_set_tooltip_text (field->widget, message);
}

static gboolean
apply_entry (Field *field)
{
  MpForm *form = field->form;
  g_autofree char *text = NULL;
  g_autofree char *current = NULL;
  g_autofree char *message = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  if (form->target == NULL)
    return TRUE;

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (field->widget))));
  g_object_get (form->target, field->property, &current, NULL);
  if (g_strcmp0 (current != NULL ? current : "", text) == 0)
    {
      set_field_error (field, NULL);
      return TRUE;
    }

  if (*text == '\0' && !field->optional)
    message = g_strdup (_("This field cannot be empty"));
  else if (*text != '\0' && field->check != NULL &&
           !field->check (text, field->check_data, &message) && message == NULL)
    message = g_strdup (_("This value is not valid"));

  if (message != NULL)
    {
      set_field_error (field, message);
      return FALSE;
    }

  set_field_error (field, NULL);
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, *text != '\0' ? text : NULL);
  write_value (form, field->property, &value);
  return TRUE;
}

static gboolean
apply_time (Field *field)
{
  MpForm *form = field->form;
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;
  g_autoptr(MpTime) current = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  MpTime time;

  if (form->target == NULL)
    return TRUE;

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (field->widget))));
  g_object_get (form->target, field->property, &current, NULL);

  if (*text != '\0' &&
      !mp_pages_parse_local (mp_history_get_plan (form->history), text, &time, &message))
    {
      set_field_error (field, message);
      return FALSE;
    }

  set_field_error (field, NULL);
  if (*text == '\0' ? current == NULL : (current != NULL && mp_time_equal (current, &time)))
    return TRUE;

  g_value_init (&value, MP_TYPE_TIME);
  g_value_set_boxed (&value, *text != '\0' ? &time : NULL);
  write_value (form, field->property, &value);
  return TRUE;
}

static void
apply_combo (Field *field)
{
  MpForm *form = field->form;
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (field->widget));
  GParamSpec *pspec;
  g_auto(GValue) value = G_VALUE_INIT;
  int current;

  if (form->target == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (form->target), field->property);
  g_object_get (form->target, field->property, &current, NULL);
  if ((guint) current == selected)
    return;

  g_value_init (&value, pspec->value_type);
  g_value_set_enum (&value, selected);
  write_value (form, field->property, &value);
}

static void
apply_spin (Field *field)
{
  MpForm *form = field->form;
  int new_value = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (field->widget));
  g_auto(GValue) value = G_VALUE_INIT;
  int current;

  if (form->target == NULL)
    return;

  g_object_get (form->target, field->property, &current, NULL);
  if (current == new_value)
    return;

  g_value_init (&value, G_TYPE_INT);
  g_value_set_int (&value, new_value);
  write_value (form, field->property, &value);
}

static gboolean
apply_text (Field *field)
{
  return field->kind == FIELD_TIME ? apply_time (field) : apply_entry (field);
}

static void
on_entry_activated_cb (AdwEntryRow *row,
                       Field       *field)
{
  apply_text (field);
}

static void
on_entry_leave_cb (GtkEventControllerFocus *controller,
                   Field                   *field)
{
  apply_text (field);
}

static void
on_combo_selected_cb (AdwComboRow *row,
                      GParamSpec  *pspec,
                      Field       *field)
{
  apply_combo (field);
}

static void
on_spin_value_changed_cb (GtkSpinButton *spin,
                          Field         *field)
{
  apply_spin (field);
}

static gboolean
string_to_text (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      data)
{
  const char *text = g_value_get_string (from);

  g_value_set_string (to, text != NULL ? text : "");
  return TRUE;
}

static gboolean
time_to_text (GBinding     *binding,
              const GValue *from,
              GValue       *to,
              gpointer      data)
{
  g_value_take_string (to, mp_pages_format_local (g_value_get_boxed (from)));
  return TRUE;
}

static gboolean
enum_to_selected (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      data)
{
  g_value_set_uint (to, g_value_get_enum (from));
  return TRUE;
}

static void
field_bind (Field *field)
{
  GObject *target = field->form->target;

  field_unbind (field);
  set_field_error (field, NULL);
  if (target == NULL)
    return;

  switch (field->kind)
    {
    case FIELD_ENTRY:
      field->binding = g_object_bind_property_full (target, field->property,
                                                    field->widget, "text",
                                                    G_BINDING_SYNC_CREATE,
                                                    string_to_text, NULL, NULL, NULL);
      break;

    case FIELD_TIME:
      field->binding = g_object_bind_property_full (target, field->property,
                                                    field->widget, "text",
                                                    G_BINDING_SYNC_CREATE,
                                                    time_to_text, NULL, NULL, NULL);
      break;

    case FIELD_COMBO:
      field->binding = g_object_bind_property_full (target, field->property,
                                                    field->widget, "selected",
                                                    G_BINDING_SYNC_CREATE,
                                                    enum_to_selected, NULL, NULL, NULL);
      break;

    case FIELD_SPIN:
      field->binding = g_object_bind_property (target, field->property,
                                               field->widget, "value",
                                               G_BINDING_SYNC_CREATE);
      break;

    default:
      g_assert_not_reached ();
    }
  g_object_ref (field->binding);
}

static Field *
add_field (MpForm     *form,
           FieldKind   kind,
           GtkWidget  *widget,
           const char *property)
{
  Field *field = g_new0 (Field, 1);

  field->form = form;
  field->kind = kind;
  field->widget = widget;
  field->property = g_strdup (property);
  g_ptr_array_add (form->fields, field);
  field_bind (field);
  return field;
}

static void
connect_text_field (Field *field)
{
  field->focus = gtk_event_controller_focus_new ();
  gtk_widget_add_controller (field->widget, field->focus);
  g_signal_connect (field->widget, "entry-activated", G_CALLBACK (on_entry_activated_cb), field);
  g_signal_connect (field->focus, "leave", G_CALLBACK (on_entry_leave_cb), field);
}

void
mp_form_add_entry (MpForm      *form,
                   AdwEntryRow *row,
                   const char  *property,
                   gboolean     optional,
                   MpFormCheck  check,
                   gpointer     check_data)
{
  Field *field;

  g_return_if_fail (form != NULL);
  g_return_if_fail (ADW_IS_ENTRY_ROW (row));

  field = add_field (form, FIELD_ENTRY, GTK_WIDGET (row), property);
  field->optional = optional;
  field->check = check;
  field->check_data = check_data;
  connect_text_field (field);
}

void
mp_form_add_time (MpForm      *form,
                  AdwEntryRow *row,
                  const char  *property)
{
  g_return_if_fail (form != NULL);
  g_return_if_fail (ADW_IS_ENTRY_ROW (row));

  connect_text_field (add_field (form, FIELD_TIME, GTK_WIDGET (row), property));
}

void
mp_form_add_combo (MpForm      *form,
                   AdwComboRow *row,
                   const char  *property)
{
  Field *field;

  g_return_if_fail (form != NULL);
  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  field = add_field (form, FIELD_COMBO, GTK_WIDGET (row), property);
  g_signal_connect (row, "notify::selected", G_CALLBACK (on_combo_selected_cb), field);
}

void
mp_form_add_spin (MpForm        *form,
                  GtkSpinButton *spin,
                  const char    *property)
{
  Field *field;

  g_return_if_fail (form != NULL);
  g_return_if_fail (GTK_IS_SPIN_BUTTON (spin));

  field = add_field (form, FIELD_SPIN, GTK_WIDGET (spin), property);
  g_signal_connect (spin, "value-changed", G_CALLBACK (on_spin_value_changed_cb), field);
}

void
mp_form_set_target (MpForm    *form,
                    MpHistory *history,
                    gpointer   record,
                    gboolean   draft)
{
  g_return_if_fail (form != NULL);
  g_return_if_fail (record == NULL || G_IS_OBJECT (record));

  for (guint i = 0; i < form->fields->len; i++)
    field_unbind (g_ptr_array_index (form->fields, i));

  g_set_object (&form->history, history);
  g_set_object (&form->target, record);
  form->draft = draft;

  for (guint i = 0; i < form->fields->len; i++)
    field_bind (g_ptr_array_index (form->fields, i));
}

gpointer
mp_form_get_target (MpForm *form)
{
  g_return_val_if_fail (form != NULL, NULL);

  return form->target;
}

gboolean
mp_form_apply (MpForm *form)
{
  gboolean valid = TRUE;

  g_return_val_if_fail (form != NULL, FALSE);

  for (guint i = 0; i < form->fields->len; i++)
    {
      Field *field = g_ptr_array_index (form->fields, i);

      if ((field->kind == FIELD_ENTRY || field->kind == FIELD_TIME) && !apply_text (field))
        valid = FALSE;
    }
  return valid;
}

GListModel *
mp_enum_label_model_new (GType         enum_type,
                         const char *(*label) (int value))
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    gtk_string_list_append (list, label (klass->values[i].value));
  return G_LIST_MODEL (list);
}

/* Row factory */

typedef struct
{
  gpointer    page;
  MpFillRow   fill;
  MpSetupRow  setup;
  GHashTable *bound;    /* of GtkListItem */
} FactoryData;

static void
factory_data_free (FactoryData *data)
{
  g_hash_table_unref (data->bound);
  g_free (data);
}

static void
on_factory_setup_cb (GtkListItemFactory *factory,
                     GtkListItem        *list_item,
                     FactoryData        *data)
{
  GtkWidget *row = mp_record_row_new ();

  gtk_list_item_set_child (list_item, row);
  if (data->setup != NULL)
    data->setup (data->page, list_item, MP_RECORD_ROW (row));
}

static void
on_factory_bind_cb (GtkListItemFactory *factory,
                    GtkListItem        *list_item,
                    FactoryData        *data)
{
  data->fill (data->page, MP_RECORD_ROW (gtk_list_item_get_child (list_item)),
              gtk_list_item_get_item (list_item));
  g_hash_table_add (data->bound, list_item);
}

static void
on_factory_unbind_cb (GtkListItemFactory *factory,
                      GtkListItem        *list_item,
                      FactoryData        *data)
{
  g_hash_table_remove (data->bound, list_item);
}

GtkListItemFactory *
mp_record_row_factory_new (gpointer   page,
                           MpFillRow  fill,
                           MpSetupRow setup)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  FactoryData *data = g_new0 (FactoryData, 1);

  data->page = page;
  data->fill = fill;
  data->setup = setup;
  data->bound = g_hash_table_new (NULL, NULL);
  g_object_set_data_full (G_OBJECT (factory), "mp-factory-data", data,
                          (GDestroyNotify) factory_data_free);

  g_signal_connect (factory, "setup", G_CALLBACK (on_factory_setup_cb), data);
  g_signal_connect (factory, "bind", G_CALLBACK (on_factory_bind_cb), data);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_factory_unbind_cb), data);
  g_signal_connect (factory, "teardown", G_CALLBACK (on_factory_unbind_cb), data);
  return factory;
}

void
mp_record_row_factory_refresh (GtkListItemFactory *factory)
{
  FactoryData *data = g_object_get_data (G_OBJECT (factory), "mp-factory-data");
  GHashTableIter iter;
  gpointer key;

  g_return_if_fail (data != NULL);

  g_hash_table_iter_init (&iter, data->bound);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      GtkListItem *list_item = key;
      gpointer item = gtk_list_item_get_item (list_item);

      if (item != NULL)
        data->fill (data->page, MP_RECORD_ROW (gtk_list_item_get_child (list_item)), item);
    }
}

/* Plan watch */

static gboolean
plan_watch_run (gpointer data)
{
  MpPlanWatch *watch = data;

  watch->idle = 0;
  /* A hidden page catches up when it is shown. */
  if (!gtk_widget_get_mapped (watch->data))
    {
      watch->stale = TRUE;
      return G_SOURCE_REMOVE;
    }

  watch->stale = FALSE;
  watch->callback (watch->data);
  return G_SOURCE_REMOVE;
}

static void
on_page_map_cb (GtkWidget   *page,
                MpPlanWatch *watch)
{
  if (watch->stale)
    {
      watch->stale = FALSE;
      watch->callback (watch->data);
    }
}

static void
on_plan_changed_cb (MpPlan      *plan,
                    MpPlanWatch *watch)
{
  if (watch->idle == 0)
    watch->idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 10, plan_watch_run, watch, NULL);
}

void
mp_plan_watch_clear (MpPlanWatch *watch)
{
  g_clear_handle_id (&watch->idle, g_source_remove);
  if (watch->plan != NULL)
    g_clear_signal_handler (&watch->handler, watch->plan);
  if (watch->data != NULL)
    g_clear_signal_handler (&watch->map_handler, watch->data);
  g_clear_object (&watch->plan);
  watch->stale = FALSE;
}

void
mp_plan_watch_set_plan (MpPlanWatch *watch,
                        MpPlan      *plan,
                        GSourceFunc  callback,
                        GtkWidget   *page)
{
  mp_plan_watch_clear (watch);
  watch->callback = callback;
  watch->data = page;
  if (plan == NULL)
    return;

  watch->plan = g_object_ref (plan);
  watch->handler = g_signal_connect (plan, "changed", G_CALLBACK (on_plan_changed_cb), watch);
  watch->map_handler = g_signal_connect (page, "map", G_CALLBACK (on_page_map_cb), watch);
}

void
mp_plan_watch_flush (MpPlanWatch *watch)
{
  if (watch->idle == 0 && !watch->stale)
    return;

  g_clear_handle_id (&watch->idle, g_source_remove);
  watch->stale = FALSE;
  watch->callback (watch->data);
}

/* Removal */

typedef struct
{
  MpConfirmFunc  response;
  gpointer       data;
  GDestroyNotify destroy;
  GtkWidget     *parent;
} Confirm;

static void
confirm_free (gpointer data,
              GClosure *closure)
{
  Confirm *confirm = data;

  if (confirm->destroy != NULL)
    confirm->destroy (confirm->data);
  g_clear_weak_pointer (&confirm->parent);
  g_free (confirm);
}

static void
on_confirm_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        Confirm          *confirm)
{
  confirm->response (confirm->data, g_strcmp0 (response, "remove") == 0);
}

static void
on_meeting_row_activated_cb (GtkListBox    *list,
                             GtkListBoxRow *row,
                             Confirm       *confirm)
{
  const char *id = g_object_get_data (G_OBJECT (row), "mp-meeting-id");
  GtkWidget *dialog = gtk_widget_get_ancestor (GTK_WIDGET (list), ADW_TYPE_MESSAGE_DIALOG);
  g_autoptr(GtkWidget) parent = confirm->parent != NULL ? g_object_ref (confirm->parent) : NULL;
  g_autofree char *meeting_id = g_strdup (id);

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_close (GTK_WINDOW (dialog));
  if (parent != NULL)
    gtk_widget_activate_action (parent, "win.show-meeting", "s", meeting_id);
}

GtkWidget *
mp_pages_confirm_removal (GtkWidget      *parent,
                          const char     *heading,
                          const char     *body,
                          GPtrArray      *meetings,
                          MpPlan         *plan,
                          MpConfirmFunc   response,
                          gpointer        data,
                          GDestroyNotify  destroy)
{
  GtkRoot *root = gtk_widget_get_root (parent);
  GtkWidget *dialog;
  Confirm *confirm;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  confirm = g_new0 (Confirm, 1);
  confirm->response = response;
  confirm->data = data;
  confirm->destroy = destroy;
  g_set_weak_pointer (&confirm->parent, parent);

  if (meetings != NULL && meetings->len > 0)
    {
      GtkWidget *scrolled = gtk_scrolled_window_new ();
      GtkWidget *list = gtk_list_box_new ();

      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled),
                                      GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 260);
      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Meetings"),
                                      -1);

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
          g_object_set_data_full (G_OBJECT (row), "mp-meeting-id",
                                  g_strdup (mp_record_get_id (MP_RECORD (meeting))), g_free);
          gtk_list_box_append (GTK_LIST_BOX (list), row);
        }
      g_signal_connect (list, "row-activated", G_CALLBACK (on_meeting_row_activated_cb), confirm);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
    }

  g_signal_connect_data (dialog, "response", G_CALLBACK (on_confirm_response_cb),
                         confirm, confirm_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static int
compare_meetings (gconstpointer a,
                  gconstpointer b)
{
  MpMeeting *ma = *(MpMeeting **) a;
  MpMeeting *mb = *(MpMeeting **) b;
  gint64 sa = mp_meeting_get_start_instant (ma);
  gint64 sb = mp_meeting_get_start_instant (mb);

  return sa < sb ? -1 : sa > sb;
}

GPtrArray *
mp_pages_meetings_of (MpPlan    *plan,
                      GPtrArray *participants)
{
  GListModel *meetings = mp_plan_get_meetings (plan);
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (meetings);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MpMeeting) meeting = g_list_model_get_item (meetings, i);

      for (guint j = 0; j < participants->len; j++)
        if (mp_meeting_has_participant (meeting, mp_record_get_id (g_ptr_array_index (participants, j))))
          {
            g_ptr_array_add (result, g_object_ref (meeting));
            break;
          }
    }
  g_ptr_array_sort (result, compare_meetings);
  return result;
}

/* The strv without any of the ids in gone; NULL when nothing is gone. */
static char **
strv_without_set (const char * const *strv,
                  GHashTable         *gone)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  gboolean changed = FALSE;

  if (strv == NULL)
    return NULL;

  builder = g_strv_builder_new ();
  for (guint i = 0; strv[i] != NULL; i++)
    if (g_hash_table_contains (gone, strv[i]))
      changed = TRUE;
    else
      g_strv_builder_add (builder, strv[i]);

  return changed ? g_strv_builder_end (builder) : NULL;
}

void
mp_pages_remove_participants (MpHistory *history,
                              GPtrArray *participants)
{
  MpPlan *plan = mp_history_get_plan (history);
  g_autoptr(GHashTable) gone = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) requests = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *model;
  guint n;

  for (guint i = 0; i < participants->len; i++)
    g_hash_table_add (gone, (gpointer) mp_record_get_id (g_ptr_array_index (participants, i)));

  model = mp_plan_get_meetings (plan);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MpMeeting) meeting = g_list_model_get_item (model, i);
      g_auto(GStrv) left = strv_without_set (mp_meeting_get_participants (meeting), gone);

      if (left != NULL)
        mp_history_set (history, meeting, "participants", left, NULL);
    }

  model = mp_plan_get_requests (plan);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (requests, g_list_model_get_item (model, i));

  for (guint i = 0; i < requests->len; i++)
    {
      MpRequest *request = g_ptr_array_index (requests, i);
      g_auto(GStrv) left = strv_without_set (mp_request_get_participants (request), gone);

      if (left == NULL)
        continue;
      if (g_strv_length (left) < 2)
        mp_pages_remove_request (history, request);
      else
        mp_history_set (history, request, "participants", left, NULL);
    }

  for (guint i = 0; i < participants->len; i++)
    mp_history_remove (history, g_ptr_array_index (participants, i));
}

void
mp_pages_remove_request (MpHistory *history,
                         MpRequest *request)
{
  GListModel *meetings = mp_plan_get_meetings (mp_history_get_plan (history));
  guint n = g_list_model_get_n_items (meetings);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MpMeeting) meeting = g_list_model_get_item (meetings, i);

      if (g_strcmp0 (mp_meeting_get_request (meeting), mp_record_get_id (MP_RECORD (request))) == 0)
        mp_history_set (history, meeting, "request", NULL, NULL);
    }
  mp_history_remove (history, MP_RECORD (request));
}

/* Time */

char *
mp_pages_format_meeting_time (MpMeeting *meeting)
{
  GTimeZone *zone = mp_meeting_get_time_zone (meeting);
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autofree char *day = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (zone == NULL || mp_meeting_get_start (meeting) == NULL)
    return g_strdup ("");

  start = mp_date_time_new (mp_meeting_get_start_instant (meeting), zone);
  end = mp_date_time_new (mp_meeting_get_end_instant (meeting), zone);
  /* TRANSLATORS: a day in a list of meetings; see g_date_time_format () */
  day = g_date_time_format (start, C_("meeting day", "%a %-d %B"));
  from = g_date_time_format (start, "%H:%M");
  to = g_date_time_format (end, "%H:%M");
  /* TRANSLATORS: day, start time, end time */
  return g_strdup_printf (C_("meeting time", "%s, %s–%s"), day, from, to);
}

char *
mp_pages_format_local (const MpTime *time)
{
  g_autoptr(GDateTime) dt = NULL;

  if (time == NULL)
    return g_strdup ("");
  if (time->absolute)
    return mp_time_to_string (time);

  dt = g_date_time_new_from_unix_utc (time->wall);
  return g_date_time_format (dt, "%Y-%m-%d %H:%M");
}

gboolean
mp_pages_parse_local (MpPlan      *plan,
                      const char  *text,
                      MpTime      *out,
                      char       **message)
{
  g_autofree char *iso = g_strstrip (g_strdup (text));
  g_autoptr(GError) error = NULL;
  char *space = strchr (iso, ' ');
  GTimeZone *zone;
  gint64 instant;

  if (space != NULL)
    *space = 'T';

  if (!mp_time_parse (iso, out, &error))
    {
      *message = g_strdup_printf (_("“%s” is not a date and time such as 2014-04-24 09:30"), text);
      return FALSE;
    }

  zone = mp_conference_get_zone (mp_plan_get_conference (plan));
  if (!out->absolute && zone != NULL && !mp_time_resolve (out, zone, &instant, &error))
    {
      *message = g_strdup (error->message);
      return FALSE;
    }
  return TRUE;
}

char **
mp_strv_without (const char * const *strv,
                 const char         *string)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    if (g_strcmp0 (strv[i], string) != 0)
      g_strv_builder_add (builder, strv[i]);
  return g_strv_builder_end (builder);
}

char **
mp_strv_with (const char * const *strv,
              const char         *string)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (strv != NULL)
    g_strv_builder_addv (builder, (const char **) strv);
  if (strv == NULL || !g_strv_contains (strv, string))
    g_strv_builder_add (builder, string);
  return g_strv_builder_end (builder);
}

guint
mp_pages_find_position (GListModel *model,
                        gpointer    item)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) other = g_list_model_get_item (model, i);

      if (other == item)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

void
mp_pages_select_item (GtkSingleSelection *selection,
                      gpointer            item)
{
  guint position = item != NULL
    ? mp_pages_find_position (G_LIST_MODEL (selection), item)
    : GTK_INVALID_LIST_POSITION;

  gtk_single_selection_set_selected (selection, position);
}

gboolean
mp_pages_check_zone (const char  *text,
                     gpointer     data,
                     char       **message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) zone = mp_time_zone_new (text, &error);

  if (zone == NULL)
    {
      *message = g_strdup_printf (_("“%s” is not a time zone name such as America/Mexico_City"), text);
      return FALSE;
    }
  return TRUE;
}
