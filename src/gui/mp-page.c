/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mp-page"

#include "config.h"

#include "mp-page.h"

typedef struct
{
  MpHistory *history;
} MpPagePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (MpPage, mp_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_HISTORY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
mp_page_dispose (GObject *object)
{
  MpPagePrivate *priv = mp_page_get_instance_private (MP_PAGE (object));

  g_clear_object (&priv->history);

  G_OBJECT_CLASS (mp_page_parent_class)->dispose (object);
}

static void
mp_page_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  MpPage *self = MP_PAGE (object);

  switch (prop_id)
    {
    case PROP_HISTORY:
      g_value_set_object (value, mp_page_get_history (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_page_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  MpPage *self = MP_PAGE (object);

  switch (prop_id)
    {
    case PROP_HISTORY:
      mp_page_set_history (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_page_class_init (MpPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mp_page_dispose;
  object_class->get_property = mp_page_get_property;
  object_class->set_property = mp_page_set_property;

  properties [PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, MP_TYPE_HISTORY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mp_page_init (MpPage *self)
{
}

MpHistory *
mp_page_get_history (MpPage *self)
{
  MpPagePrivate *priv;

  g_return_val_if_fail (MP_IS_PAGE (self), NULL);

  priv = mp_page_get_instance_private (self);
  return priv->history;
}

void
mp_page_set_history (MpPage    *self,
                     MpHistory *history)
{
  MpPagePrivate *priv;

  g_return_if_fail (MP_IS_PAGE (self));
  g_return_if_fail (history == NULL || MP_IS_HISTORY (history));

  priv = mp_page_get_instance_private (self);
  if (priv->history == history)
    return;

  g_set_object (&priv->history, history);
  if (MP_PAGE_GET_CLASS (self)->history_changed != NULL)
    MP_PAGE_GET_CLASS (self)->history_changed (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_HISTORY]);
}

MpPlan *
mp_page_get_plan (MpPage *self)
{
  MpHistory *history = mp_page_get_history (self);

  return history != NULL ? mp_history_get_plan (history) : NULL;
}
