/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mp-venue"

#include "config.h"

#include "mp-venue.h"

struct _MpVenue
{
  MpRecord parent_instance;

  char *name;
  char *address;
  char *time_zone;
};

G_DEFINE_FINAL_TYPE (MpVenue, mp_venue, MP_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_ADDRESS,
  PROP_TIME_ZONE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
mp_venue_finalize (GObject *object)
{
  MpVenue *self = (MpVenue *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->address, g_free);
  g_clear_pointer (&self->time_zone, g_free);
  G_OBJECT_CLASS (mp_venue_parent_class)->finalize (object);
}

static void
mp_venue_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  MpVenue *self = MP_VENUE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_ADDRESS:
      g_value_set_string (value, self->address);
      break;

    case PROP_TIME_ZONE:
      g_value_set_string (value, self->time_zone);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_venue_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  MpVenue *self = MP_VENUE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      mp_venue_set_name (self, g_value_get_string (value));
      break;

    case PROP_ADDRESS:
      mp_venue_set_address (self, g_value_get_string (value));
      break;

    case PROP_TIME_ZONE:
      mp_venue_set_time_zone (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_venue_class_init (MpVenueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = mp_venue_finalize;
  object_class->get_property = mp_venue_get_property;
  object_class->set_property = mp_venue_set_property;

  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties [PROP_ADDRESS] =
    g_param_spec_string ("address", NULL, NULL, NULL, flags);
  properties [PROP_TIME_ZONE] =
    g_param_spec_string ("time-zone", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mp_venue_init (MpVenue *self)
{

}

MpVenue *
mp_venue_new (const char *id)
{
  return g_object_new (MP_TYPE_VENUE, "id", id, NULL);
}

MP_STRING_ACCESSORS (MpVenue, mp_venue, MP_IS_VENUE, name, PROP_NAME)
MP_STRING_ACCESSORS (MpVenue, mp_venue, MP_IS_VENUE, address, PROP_ADDRESS)
MP_STRING_ACCESSORS (MpVenue, mp_venue, MP_IS_VENUE, time_zone, PROP_TIME_ZONE)
