/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mp-conflicts-panel"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "mp-conflicts-panel.h"

struct _MpConflictsPanel
{
  GtkWidget           parent_instance;

  GtkWidget          *box;
  GtkListView        *list_view;
  GtkStack           *stack;

  MpConflictList     *conflicts;
  GtkSingleSelection *selection;
};

G_DEFINE_FINAL_TYPE (MpConflictsPanel, mp_conflicts_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONFLICTS,
  N_PROPS
};

enum {
  CONFLICT_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static const char *
kind_icon (MpConflictKind kind)
{
  switch (kind)
    {
    case MP_CONFLICT_KIND_PARTICIPANT_OVERLAP:
      return "avatar-default-symbolic";
    case MP_CONFLICT_KIND_ROOM_OVERLAP:
      return "mark-location-symbolic";
    case MP_CONFLICT_KIND_UNAVAILABLE:
      return "appointment-missed-symbolic";
    case MP_CONFLICT_KIND_TRAVEL:
      return "find-location-symbolic";
    case MP_CONFLICT_KIND_CAPACITY:
      return "system-users-symbolic";
    default:
      return "dialog-warning-symbolic";
    }
}

static void
on_setup_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             MpConflictsPanel         *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *kind = gtk_label_new (NULL);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_set_margin_top (icon, 2);
  gtk_widget_add_css_class (icon, "conflict-icon");
  gtk_label_set_xalign (GTK_LABEL (kind), 0);
  gtk_widget_add_css_class (kind, "caption-heading");
  gtk_widget_add_css_class (kind, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  gtk_box_append (GTK_BOX (text), kind);
  gtk_box_append (GTK_BOX (text), label);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), text);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_list_item_set_child (item, box);
}

static void
on_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            MpConflictsPanel         *self)
{
  MpConflict *conflict = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *text = gtk_widget_get_next_sibling (icon);
  GtkWidget *kind = gtk_widget_get_first_child (text);
  GtkWidget *label = gtk_widget_get_next_sibling (kind);
  MpPlan *plan = mp_conflict_list_get_plan (self->conflicts);
  g_autofree char *sentence = plan != NULL ? mp_conflict_describe (conflict, plan) : NULL;
  const char *kind_label = mp_conflict_kind_label (mp_conflict_get_kind (conflict));

  gtk_image_set_from_icon_name (GTK_IMAGE (icon), kind_icon (mp_conflict_get_kind (conflict)));
  gtk_label_set_label (GTK_LABEL (kind), kind_label);
  gtk_label_set_label (GTK_LABEL (label), sentence);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, sentence,
                                  -1);
}

static void
on_list_view_activate_cb (GtkListView      *list_view,
                          guint             position,
                          MpConflictsPanel *self)
{
  mp_conflicts_panel_activate (self, position);
}

static void
update_stack (MpConflictsPanel *self)
{
  guint n = self->conflicts != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->conflicts)) : 0;

  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

static void
on_items_changed_cb (GListModel       *model,
                     guint             position,
                     guint             removed,
                     guint             added,
                     MpConflictsPanel *self)
{
  update_stack (self);
}

static void
mp_conflicts_panel_dispose (GObject *object)
{
  MpConflictsPanel *self = (MpConflictsPanel *)object;

  mp_conflicts_panel_set_conflicts (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), MP_TYPE_CONFLICTS_PANEL);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (mp_conflicts_panel_parent_class)->dispose (object);
}

static void
mp_conflicts_panel_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  MpConflictsPanel *self = MP_CONFLICTS_PANEL (object);

  switch (prop_id)
    {
    case PROP_CONFLICTS:
      g_value_set_object (value, self->conflicts);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_conflicts_panel_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  MpConflictsPanel *self = MP_CONFLICTS_PANEL (object);

  switch (prop_id)
    {
    case PROP_CONFLICTS:
      mp_conflicts_panel_set_conflicts (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_conflicts_panel_class_init (MpConflictsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mp_conflicts_panel_dispose;
  object_class->get_property = mp_conflicts_panel_get_property;
  object_class->set_property = mp_conflicts_panel_set_property;

  properties [PROP_CONFLICTS] =
    g_param_spec_object ("conflicts", NULL, NULL, MP_TYPE_CONFLICT_LIST,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MpConflictsPanel::conflict-activated:
   *
   * A conflict was clicked, or chosen with Enter.
   */
  signals [CONFLICT_ACTIVATED] =
    g_signal_new ("conflict-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, MP_TYPE_CONFLICT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ministerial/Ministerial/mp-conflicts-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, MpConflictsPanel, box);
  gtk_widget_class_bind_template_child (widget_class, MpConflictsPanel, list_view);
  gtk_widget_class_bind_template_child (widget_class, MpConflictsPanel, stack);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "conflictspanel");
}

static void
mp_conflicts_panel_init (MpConflictsPanel *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  update_stack (self);
}

GtkWidget *
mp_conflicts_panel_new (void)
{
  return g_object_new (MP_TYPE_CONFLICTS_PANEL, NULL);
}

MpConflictList *
mp_conflicts_panel_get_conflicts (MpConflictsPanel *self)
{
  g_return_val_if_fail (MP_IS_CONFLICTS_PANEL (self), NULL);

  return self->conflicts;
}

void
mp_conflicts_panel_set_conflicts (MpConflictsPanel *self,
                                  MpConflictList   *conflicts)
{
  g_return_if_fail (MP_IS_CONFLICTS_PANEL (self));

  if (self->conflicts == conflicts)
    return;

  if (self->conflicts != NULL)
    g_signal_handlers_disconnect_by_data (self->conflicts, self);
  g_set_object (&self->conflicts, conflicts);
  if (conflicts != NULL)
    g_signal_connect_object (conflicts, "items-changed", G_CALLBACK (on_items_changed_cb), self, 0);
  if (self->selection != NULL)
    gtk_single_selection_set_model (self->selection, G_LIST_MODEL (conflicts));
  if (self->stack != NULL)
    update_stack (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CONFLICTS]);
}

void
mp_conflicts_panel_activate (MpConflictsPanel *self,
                             guint             position)
{
  g_autoptr(MpConflict) conflict = NULL;

  g_return_if_fail (MP_IS_CONFLICTS_PANEL (self));

  if (self->conflicts == NULL)
    return;
  conflict = g_list_model_get_item (G_LIST_MODEL (self->conflicts), position);
  if (conflict == NULL)
    return;
  gtk_single_selection_set_selected (self->selection, position);
  g_signal_emit (self, signals [CONFLICT_ACTIVATED], 0, conflict);
}
