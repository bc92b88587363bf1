/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mp-history"

#include "config.h"

#include <gobject/gvaluecollector.h>

#include "mp-history.h"

typedef enum
{
  COMMAND_SET,
  COMMAND_ADD,
  COMMAND_REMOVE,
} CommandKind;

typedef struct
{
  CommandKind  kind;
  GObject     *object;
  GParamSpec  *pspec;       /* COMMAND_SET */
  GValue       old_value;
  GValue       new_value;
  int          position;    /* COMMAND_ADD, COMMAND_REMOVE */
} Command;

typedef struct
{
  char      *label;
  GPtrArray *commands;
} Step;

struct _MpHistory
{
  GObject    parent_instance;

  MpPlan    *plan;
  GPtrArray *undo;          /* of Step, newest last */
  GPtrArray *redo;
  Step      *open;          /* between begin and end */
  guint      depth;
  Step      *mergeable;     /* the newest step, while set_merged may extend it */
};

G_DEFINE_FINAL_TYPE (MpHistory, mp_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PLAN,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
command_free (Command *command)
{
  g_clear_object (&command->object);
  if (G_IS_VALUE (&command->old_value))
    g_value_unset (&command->old_value);
  if (G_IS_VALUE (&command->new_value))
    g_value_unset (&command->new_value);
  g_free (command);
}

static Step *
step_new (const char *label)
{
  Step *step = g_new0 (Step, 1);

  step->label = g_strdup (label);
  step->commands = g_ptr_array_new_with_free_func ((GDestroyNotify) command_free);
  return step;
}

static void
step_free (Step *step)
{
  g_free (step->label);
  g_ptr_array_unref (step->commands);
  g_free (step);
}

static void
notify_state (MpHistory *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAN_REDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_UNDO_LABEL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REDO_LABEL]);
}

static void
record (MpHistory *self,
        Command   *command)
{
  gboolean single = self->open == NULL;

  if (single)
    mp_history_begin (self, NULL);
  g_ptr_array_add (self->open->commands, command);
  if (single)
    mp_history_end (self);
}

static void
apply (MpHistory *self,
       Command   *command,
       gboolean   forward)
{
  switch (command->kind)
    {
    case COMMAND_SET:
      g_object_set_property (command->object, command->pspec->name,
                             forward ? &command->new_value : &command->old_value);
      break;

    case COMMAND_ADD:
    case COMMAND_REMOVE:
      if ((command->kind == COMMAND_ADD) == forward)
        mp_plan_insert (self->plan, MP_RECORD (command->object), command->position, NULL);
      else
        mp_plan_remove (self->plan, MP_RECORD (command->object));
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
mp_history_dispose (GObject *object)
{
  MpHistory *self = (MpHistory *)object;

  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
  g_clear_pointer (&self->open, step_free);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (mp_history_parent_class)->dispose (object);
}

static void
mp_history_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  MpHistory *self = MP_HISTORY (object);

  switch (prop_id)
    {
    case PROP_PLAN:       g_value_set_object (value, self->plan); break;
    case PROP_CAN_UNDO:   g_value_set_boolean (value, mp_history_get_can_undo (self)); break;
    case PROP_CAN_REDO:   g_value_set_boolean (value, mp_history_get_can_redo (self)); break;
    case PROP_UNDO_LABEL: g_value_set_string (value, mp_history_get_undo_label (self)); break;
    case PROP_REDO_LABEL: g_value_set_string (value, mp_history_get_redo_label (self)); break;
    default:              G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_history_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  MpHistory *self = MP_HISTORY (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      self->plan = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_history_class_init (MpHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = mp_history_dispose;
  object_class->get_property = mp_history_get_property;
  object_class->set_property = mp_history_set_property;

  properties [PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, MP_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties [PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, ro);
  properties [PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, ro);
  properties [PROP_UNDO_LABEL] = g_param_spec_string ("undo-label", NULL, NULL, NULL, ro);
  properties [PROP_REDO_LABEL] = g_param_spec_string ("redo-label", NULL, NULL, NULL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mp_history_init (MpHistory *self)
{
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
}

MpHistory *
mp_history_new (MpPlan *plan)
{
  g_return_val_if_fail (MP_IS_PLAN (plan), NULL);

  return g_object_new (MP_TYPE_HISTORY, "plan", plan, NULL);
}

MpPlan *
mp_history_get_plan (MpHistory *self)
{
  g_return_val_if_fail (MP_IS_HISTORY (self), NULL);

  return self->plan;
}

void
mp_history_begin (MpHistory  *self,
                  const char *label)
{
  g_return_if_fail (MP_IS_HISTORY (self));

  if (self->depth++ == 0)
    self->open = step_new (label);
  else if (self->open->label == NULL && label != NULL)
    self->open->label = g_strdup (label);
}

void
mp_history_end (MpHistory *self)
{
  Step *step;

  g_return_if_fail (MP_IS_HISTORY (self));
  g_return_if_fail (self->depth > 0);

  if (--self->depth > 0)
    return;

  step = g_steal_pointer (&self->open);
  if (step->commands->len == 0)
    {
      step_free (step);
      return;
    }

  g_ptr_array_add (self->undo, step);
  g_ptr_array_set_size (self->redo, 0);
  self->mergeable = NULL;
  notify_state (self);
}

void
mp_history_set_value (MpHistory    *self,
                      gpointer      object,
                      const char   *property,
                      const GValue *value)
{
  GParamSpec *pspec;
  Command *command;

  g_return_if_fail (MP_IS_HISTORY (self));
  g_return_if_fail (G_IS_OBJECT (object));

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_return_if_fail (pspec != NULL);

  command = g_new0 (Command, 1);
  command->kind = COMMAND_SET;
  command->object = g_object_ref (object);
  command->pspec = pspec;
  g_value_init (&command->old_value, pspec->value_type);
  g_value_init (&command->new_value, pspec->value_type);
  g_object_get_property (object, property, &command->old_value);
  g_value_copy (value, &command->new_value);

  if (g_param_values_cmp (pspec, &command->old_value, &command->new_value) == 0 &&
      !G_TYPE_IS_BOXED (pspec->value_type))
    {
      command_free (command);
      return;
    }

  g_object_set_property (object, property, value);
  record (self, command);
}

void
mp_history_set (MpHistory  *self,
                gpointer    object,
                const char *first_property,
                ...)
{
  va_list args;

  g_return_if_fail (MP_IS_HISTORY (self));
  g_return_if_fail (G_IS_OBJECT (object));

  mp_history_begin (self, NULL);

  va_start (args, first_property);
  for (const char *name = first_property; name != NULL; name = va_arg (args, const char *))
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), name);
      GValue value = G_VALUE_INIT;
      g_autofree char *error = NULL;

      if (pspec == NULL)
        {
          g_critical ("%s has no property “%s”", G_OBJECT_TYPE_NAME (object), name);
          break;
        }

      G_VALUE_COLLECT_INIT (&value, pspec->value_type, args, 0, &error);
      if (error != NULL)
        {
          g_critical ("%s", error);
          break;
        }

      mp_history_set_value (self, object, name, &value);
      g_value_unset (&value);
    }
  va_end (args);

  mp_history_end (self);
}

gboolean
mp_history_add (MpHistory  *self,
                MpRecord   *record_,
                GError    **error)
{
  Command *command;

  g_return_val_if_fail (MP_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (MP_IS_RECORD (record_), FALSE);

  if (!mp_plan_add (self->plan, record_, error))
    return FALSE;

  command = g_new0 (Command, 1);
  command->kind = COMMAND_ADD;
  command->object = g_object_ref (G_OBJECT (record_));
  command->position = mp_plan_get_position (self->plan, record_);
  record (self, command);
  return TRUE;
}

void
mp_history_remove (MpHistory *self,
                   MpRecord  *record_)
{
  Command *command;
  int position;

  g_return_if_fail (MP_IS_HISTORY (self));
  g_return_if_fail (MP_IS_RECORD (record_));

  g_object_ref (record_);
  position = mp_plan_remove (self->plan, record_);
  if (position < 0)
    {
      g_object_unref (record_);
      return;
    }

  command = g_new0 (Command, 1);
  command->kind = COMMAND_REMOVE;
  command->object = G_OBJECT (record_);
  command->position = position;
  record (self, command);
}

gboolean
mp_history_get_can_undo (MpHistory *self)
{
  g_return_val_if_fail (MP_IS_HISTORY (self), FALSE);

  return self->undo->len > 0;
}

gboolean
mp_history_get_can_redo (MpHistory *self)
{
  g_return_val_if_fail (MP_IS_HISTORY (self), FALSE);

  return self->redo->len > 0;
}

static const char *
top_label (GPtrArray *steps)
{
  return steps->len > 0 ? ((Step *) g_ptr_array_index (steps, steps->len - 1))->label : NULL;
}

const char *
mp_history_get_undo_label (MpHistory *self)
{
  g_return_val_if_fail (MP_IS_HISTORY (self), NULL);

  return top_label (self->undo);
}

const char *
mp_history_get_redo_label (MpHistory *self)
{
  g_return_val_if_fail (MP_IS_HISTORY (self), NULL);

  return top_label (self->redo);
}

/* Moves the newest step of from onto to, applying it backward (undo) or
 * forward (redo). */
static gboolean
replay (MpHistory *self,
        GPtrArray *from,
        GPtrArray *to,
        gboolean   forward)
{
  Step *step;

  g_return_val_if_fail (self->open == NULL, FALSE);

  if (from->len == 0)
    return FALSE;

  self->mergeable = NULL;
  step = g_ptr_array_steal_index (from, from->len - 1);
  if (forward)
    for (guint i = 0; i < step->commands->len; i++)
      apply (self, g_ptr_array_index (step->commands, i), TRUE);
  else
    for (guint i = step->commands->len; i > 0; i--)
      apply (self, g_ptr_array_index (step->commands, i - 1), FALSE);
  g_ptr_array_add (to, step);

  notify_state (self);
  return TRUE;
}

gboolean
mp_history_undo (MpHistory *self)
{
  g_return_val_if_fail (MP_IS_HISTORY (self), FALSE);

  return replay (self, self->undo, self->redo, FALSE);
}

gboolean
mp_history_redo (MpHistory *self)
{
  g_return_val_if_fail (MP_IS_HISTORY (self), FALSE);

  return replay (self, self->redo, self->undo, TRUE);
}

void
mp_history_clear (MpHistory *self)
{
  g_return_if_fail (MP_IS_HISTORY (self));

  self->mergeable = NULL;
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  notify_state (self);
}

void
mp_history_set_merged (MpHistory    *self,
                       gpointer      object,
                       const char   *property,
                       const GValue *value)
{
  mp_history_set_merged_labelled (self, NULL, object, property, value);
}

void
mp_history_set_merged_labelled (MpHistory    *self,
                                const char   *label,
                                gpointer      object,
                                const char   *property,
                                const GValue *value)
{
  Command *command;
  gboolean outer;
  guint n_steps;

  g_return_if_fail (MP_IS_HISTORY (self));
  g_return_if_fail (G_IS_OBJECT (object));

  if (self->open == NULL && self->mergeable != NULL &&
      self->undo->len > 0 &&
      g_ptr_array_index (self->undo, self->undo->len - 1) == self->mergeable &&
      self->mergeable->commands->len == 1 &&
      (command = g_ptr_array_index (self->mergeable->commands, 0))->kind == COMMAND_SET &&
      command->object == object &&
      g_str_equal (command->pspec->name, property))
    {
      g_value_copy (value, &command->new_value);
      g_object_set_property (object, property, value);
      return;
    }

  /* A new step, the one later changes fold into (not an older one when
   * this changed nothing). */
  outer = self->open != NULL;
  n_steps = self->undo->len;
  mp_history_begin (self, label);
  mp_history_set_value (self, object, property, value);
  mp_history_end (self);
  if (!outer && self->undo->len > n_steps)
    self->mergeable = g_ptr_array_index (self->undo, self->undo->len - 1);
}

void
mp_history_seal (MpHistory *self)
{
  g_return_if_fail (MP_IS_HISTORY (self));

  self->mergeable = NULL;
}
