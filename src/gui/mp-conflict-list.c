/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mp-conflict-list"

#include "config.h"

#include "mp-conflict-list.h"

struct _MpConflictList
{
  GObject     parent_instance;

  MpPlan     *plan;
  GPtrArray  *conflicts;     /* of MpConflict */
  GHashTable *meeting_set;   /* meeting id → 1 */
  guint       update_id;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MpConflictList, mp_conflict_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_PLAN,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static GType
get_item_type (GListModel *model)
{
  return MP_TYPE_CONFLICT;
}

static guint
get_n_items (GListModel *model)
{
  return MP_CONFLICT_LIST (model)->conflicts->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  MpConflictList *self = MP_CONFLICT_LIST (model);

  if (position >= self->conflicts->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->conflicts, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static gboolean
on_update_idle_cb (gpointer data)
{
  MpConflictList *self = data;

  self->update_id = 0;
  mp_conflict_list_update (self);
  return G_SOURCE_REMOVE;
}

static void
on_plan_changed_cb (MpPlan         *plan,
                    MpConflictList *self)
{
  if (self->update_id == 0)
    self->update_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, on_update_idle_cb, self, NULL);
}

static void
mp_conflict_list_dispose (GObject *object)
{
  MpConflictList *self = (MpConflictList *)object;

  mp_conflict_list_set_plan (self, NULL);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  g_clear_pointer (&self->meeting_set, g_hash_table_unref);

  G_OBJECT_CLASS (mp_conflict_list_parent_class)->dispose (object);
}

static void
mp_conflict_list_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  MpConflictList *self = MP_CONFLICT_LIST (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->conflicts->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_conflict_list_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  MpConflictList *self = MP_CONFLICT_LIST (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      mp_conflict_list_set_plan (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_conflict_list_class_init (MpConflictListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mp_conflict_list_dispose;
  object_class->get_property = mp_conflict_list_get_property;
  object_class->set_property = mp_conflict_list_set_property;

  properties [PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, MP_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mp_conflict_list_init (MpConflictList *self)
{
  self->conflicts = g_ptr_array_new_with_free_func (g_object_unref);
  self->meeting_set = g_hash_table_new (g_str_hash, g_str_equal);
}

MpConflictList *
mp_conflict_list_new (void)
{
  return g_object_new (MP_TYPE_CONFLICT_LIST, NULL);
}

MpPlan *
mp_conflict_list_get_plan (MpConflictList *self)
{
  g_return_val_if_fail (MP_IS_CONFLICT_LIST (self), NULL);

  return self->plan;
}

void
mp_conflict_list_set_plan (MpConflictList *self,
                           MpPlan         *plan)
{
  g_return_if_fail (MP_IS_CONFLICT_LIST (self));
  g_return_if_fail (!plan || MP_IS_PLAN (plan));

  if (self->plan == plan)
    return;

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  g_clear_handle_id (&self->update_id, g_source_remove);
  g_set_object (&self->plan, plan);
  if (plan != NULL)
    g_signal_connect_object (plan, "changed", G_CALLBACK (on_plan_changed_cb), self, 0);

  if (self->conflicts != NULL)
    mp_conflict_list_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PLAN]);
}

void
mp_conflict_list_update (MpConflictList *self)
{
  g_autoptr(GPtrArray) old = NULL;
  guint n_old;

  g_return_if_fail (MP_IS_CONFLICT_LIST (self));

  g_clear_handle_id (&self->update_id, g_source_remove);

  old = g_steal_pointer (&self->conflicts);
  n_old = old->len;
  g_clear_pointer (&self->meeting_set, g_hash_table_unref);

  if (self->plan != NULL)
    {
      self->conflicts = mp_conflicts_find (self->plan);
      self->meeting_set = mp_conflicts_meeting_set (self->conflicts);
    }
  else
    {
      self->conflicts = g_ptr_array_new_with_free_func (g_object_unref);
      self->meeting_set = g_hash_table_new (g_str_hash, g_str_equal);
    }

  if (n_old > 0 || self->conflicts->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, n_old, self->conflicts->len);
  if (n_old != self->conflicts->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_ITEMS]);
}

gboolean
mp_conflict_list_involves (MpConflictList *self,
                           const char     *meeting_id)
{
  g_return_val_if_fail (MP_IS_CONFLICT_LIST (self), FALSE);

  return meeting_id != NULL && g_hash_table_contains (self->meeting_set, meeting_id);
}
