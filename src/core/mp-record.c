/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mp-record"

#include "config.h"

#include "mp-record.h"

typedef struct
{
  char       *id;
  JsonObject *extra;
  gboolean    quiet;
} MpRecordPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (MpRecord, mp_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
mp_record_finalize (GObject *object)
{
  MpRecordPrivate *priv = mp_record_get_instance_private (MP_RECORD (object));

  g_clear_pointer (&priv->id, g_free);
  g_clear_pointer (&priv->extra, json_object_unref);

  G_OBJECT_CLASS (mp_record_parent_class)->finalize (object);
}

static void
mp_record_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  MpRecord *self = MP_RECORD (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, mp_record_get_id (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_record_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  MpRecord *self = MP_RECORD (object);

  switch (prop_id)
    {
    case PROP_ID:
      mp_record_set_id (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_record_class_init (MpRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mp_record_finalize;
  object_class->get_property = mp_record_get_property;
  object_class->set_property = mp_record_set_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mp_record_init (MpRecord *self)
{
}

const char *
mp_record_get_id (MpRecord *self)
{
  MpRecordPrivate *priv = mp_record_get_instance_private (self);

  g_return_val_if_fail (MP_IS_RECORD (self), NULL);

  return priv->id;
}

void
mp_record_set_id (MpRecord   *self,
                  const char *id)
{
  MpRecordPrivate *priv = mp_record_get_instance_private (self);

  g_return_if_fail (MP_IS_RECORD (self));

  mp_record_set_string (self, &priv->id, id, properties [PROP_ID]);
}

JsonObject *
mp_record_get_extra (MpRecord *self)
{
  MpRecordPrivate *priv = mp_record_get_instance_private (self);

  g_return_val_if_fail (MP_IS_RECORD (self), NULL);

  return priv->extra;
}

void
mp_record_set_extra (MpRecord   *self,
                     JsonObject *extra)
{
  MpRecordPrivate *priv = mp_record_get_instance_private (self);

  g_return_if_fail (MP_IS_RECORD (self));

  if (extra != NULL)
    json_object_ref (extra);
  g_clear_pointer (&priv->extra, json_object_unref);
  priv->extra = extra;
}

void
mp_record_set_quiet (MpRecord *self,
                     gboolean  quiet)
{
  MpRecordPrivate *priv = mp_record_get_instance_private (self);

  g_return_if_fail (MP_IS_RECORD (self));

  priv->quiet = !!quiet;
}

void
mp_record_notify (MpRecord   *self,
                  GParamSpec *pspec)
{
  MpRecordPrivate *priv = mp_record_get_instance_private (self);

  if (!priv->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

gboolean
mp_record_set_string (MpRecord    *self,
                      char       **field,
                      const char  *value,
                      GParamSpec  *pspec)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  mp_record_notify (self, pspec);
  return TRUE;
}

gboolean
mp_record_set_int (MpRecord   *self,
                   int        *field,
                   int         value,
                   GParamSpec *pspec)
{
  if (*field == value)
    return FALSE;

  *field = value;
  mp_record_notify (self, pspec);
  return TRUE;
}

static gboolean
strv_equal0 (const char * const *a,
             const char * const *b)
{
  if (a == NULL || b == NULL)
    return (a == NULL || a[0] == NULL) && (b == NULL || b[0] == NULL);
  return g_strv_equal (a, b);
}

gboolean
mp_record_set_strv (MpRecord            *self,
                    char              ***field,
                    const char * const  *value,
                    GParamSpec          *pspec)
{
  if (strv_equal0 ((const char * const *) *field, value))
    return FALSE;

  g_strfreev (*field);
  *field = g_strdupv ((char **) value);
  mp_record_notify (self, pspec);
  return TRUE;
}
