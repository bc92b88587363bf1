/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mp-delegation"

#include "config.h"

#include "mp-delegation.h"

struct _MpDelegation
{
  MpRecord parent_instance;

  char *name;
  char *country;
  int precedence;
  char *home_time_zone;
};

G_DEFINE_FINAL_TYPE (MpDelegation, mp_delegation, MP_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_COUNTRY,
  PROP_PRECEDENCE,
  PROP_HOME_TIME_ZONE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
mp_delegation_finalize (GObject *object)
{
  MpDelegation *self = (MpDelegation *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->country, g_free);
  g_clear_pointer (&self->home_time_zone, g_free);
  G_OBJECT_CLASS (mp_delegation_parent_class)->finalize (object);
}

static void
mp_delegation_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  MpDelegation *self = MP_DELEGATION (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_COUNTRY:
      g_value_set_string (value, self->country);
      break;

    case PROP_PRECEDENCE:
      g_value_set_int (value, self->precedence);
      break;

    case PROP_HOME_TIME_ZONE:
      g_value_set_string (value, self->home_time_zone);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_delegation_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  MpDelegation *self = MP_DELEGATION (object);

  switch (prop_id)
    {
    case PROP_NAME:
      mp_delegation_set_name (self, g_value_get_string (value));
      break;

    case PROP_COUNTRY:
      mp_delegation_set_country (self, g_value_get_string (value));
      break;

    case PROP_PRECEDENCE:
      mp_delegation_set_precedence (self, g_value_get_int (value));
      break;

    case PROP_HOME_TIME_ZONE:
      mp_delegation_set_home_time_zone (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_delegation_class_init (MpDelegationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = mp_delegation_finalize;
  object_class->get_property = mp_delegation_get_property;
  object_class->set_property = mp_delegation_set_property;

  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties [PROP_COUNTRY] =
    g_param_spec_string ("country", NULL, NULL, NULL, flags);
  properties [PROP_PRECEDENCE] =
    g_param_spec_int ("precedence", NULL, NULL, -1000000, 2147483647, 2147483647, flags);
  properties [PROP_HOME_TIME_ZONE] =
    g_param_spec_string ("home-time-zone", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mp_delegation_init (MpDelegation *self)
{
  self->precedence = 2147483647;
}

MpDelegation *
mp_delegation_new (const char *id)
{
  return g_object_new (MP_TYPE_DELEGATION, "id", id, NULL);
}

MP_STRING_ACCESSORS (MpDelegation, mp_delegation, MP_IS_DELEGATION, name, PROP_NAME)
MP_STRING_ACCESSORS (MpDelegation, mp_delegation, MP_IS_DELEGATION, country, PROP_COUNTRY)
MP_SCALAR_ACCESSORS (MpDelegation, mp_delegation, MP_IS_DELEGATION, int, precedence, PROP_PRECEDENCE)
MP_STRING_ACCESSORS (MpDelegation, mp_delegation, MP_IS_DELEGATION, home_time_zone, PROP_HOME_TIME_ZONE)
