/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mp-travel"

#include "config.h"

#include "mp-travel.h"

struct _MpTravel
{
  MpRecord parent_instance;

  char *from;
  char *to;
  int minutes;
};

G_DEFINE_FINAL_TYPE (MpTravel, mp_travel, MP_TYPE_RECORD)

enum {
  PROP_0,
  PROP_FROM,
  PROP_TO,
  PROP_MINUTES,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
mp_travel_finalize (GObject *object)
{
  MpTravel *self = (MpTravel *)object;

  g_clear_pointer (&self->from, g_free);
  g_clear_pointer (&self->to, g_free);
  G_OBJECT_CLASS (mp_travel_parent_class)->finalize (object);
}

static void
mp_travel_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  MpTravel *self = MP_TRAVEL (object);

  switch (prop_id)
    {
    case PROP_FROM:
      g_value_set_string (value, self->from);
      break;

    case PROP_TO:
      g_value_set_string (value, self->to);
      break;

    case PROP_MINUTES:
      g_value_set_int (value, self->minutes);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_travel_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  MpTravel *self = MP_TRAVEL (object);

  switch (prop_id)
    {
    case PROP_FROM:
      mp_travel_set_from (self, g_value_get_string (value));
      break;

    case PROP_TO:
      mp_travel_set_to (self, g_value_get_string (value));
      break;

    case PROP_MINUTES:
      mp_travel_set_minutes (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_travel_class_init (MpTravelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = mp_travel_finalize;
  object_class->get_property = mp_travel_get_property;
  object_class->set_property = mp_travel_set_property;

  properties [PROP_FROM] =
    g_param_spec_string ("from", NULL, NULL, NULL, flags);
  properties [PROP_TO] =
    g_param_spec_string ("to", NULL, NULL, NULL, flags);
  properties [PROP_MINUTES] =
    g_param_spec_int ("minutes", NULL, NULL, 0, 100000, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mp_travel_init (MpTravel *self)
{

}

MpTravel *
mp_travel_new (const char *id)
{
  return g_object_new (MP_TYPE_TRAVEL, "id", id, NULL);
}

MP_STRING_ACCESSORS (MpTravel, mp_travel, MP_IS_TRAVEL, from, PROP_FROM)
MP_STRING_ACCESSORS (MpTravel, mp_travel, MP_IS_TRAVEL, to, PROP_TO)
MP_SCALAR_ACCESSORS (MpTravel, mp_travel, MP_IS_TRAVEL, int, minutes, PROP_MINUTES)
