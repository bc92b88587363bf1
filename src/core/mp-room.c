/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mp-room"

#include "config.h"

#include "mp-room.h"

struct _MpRoom
{
  MpRecord parent_instance;

  char *name;
  char *venue;
  int capacity;
  guint kinds;
};

G_DEFINE_FINAL_TYPE (MpRoom, mp_room, MP_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_VENUE,
  PROP_CAPACITY,
  PROP_KINDS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
mp_room_finalize (GObject *object)
{
  MpRoom *self = (MpRoom *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->venue, g_free);
  G_OBJECT_CLASS (mp_room_parent_class)->finalize (object);
}

static void
mp_room_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  MpRoom *self = MP_ROOM (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_VENUE:
      g_value_set_string (value, self->venue);
      break;

    case PROP_CAPACITY:
      g_value_set_int (value, self->capacity);
      break;

    case PROP_KINDS:
      g_value_set_uint (value, self->kinds);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_room_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  MpRoom *self = MP_ROOM (object);

  switch (prop_id)
    {
    case PROP_NAME:
      mp_room_set_name (self, g_value_get_string (value));
      break;

    case PROP_VENUE:
      mp_room_set_venue (self, g_value_get_string (value));
      break;

    case PROP_CAPACITY:
      mp_room_set_capacity (self, g_value_get_int (value));
      break;

    case PROP_KINDS:
      mp_room_set_kinds (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_room_class_init (MpRoomClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = mp_room_finalize;
  object_class->get_property = mp_room_get_property;
  object_class->set_property = mp_room_set_property;

  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties [PROP_VENUE] =
    g_param_spec_string ("venue", NULL, NULL, NULL, flags);
  properties [PROP_CAPACITY] =
    g_param_spec_int ("capacity", NULL, NULL, 0, 1000000, 0, flags);
  properties [PROP_KINDS] =
    g_param_spec_uint ("kinds", NULL, NULL, 0, 4294967295u, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mp_room_init (MpRoom *self)
{

}

MpRoom *
mp_room_new (const char *id)
{
  return g_object_new (MP_TYPE_ROOM, "id", id, NULL);
}

MP_STRING_ACCESSORS (MpRoom, mp_room, MP_IS_ROOM, name, PROP_NAME)
MP_STRING_ACCESSORS (MpRoom, mp_room, MP_IS_ROOM, venue, PROP_VENUE)
MP_SCALAR_ACCESSORS (MpRoom, mp_room, MP_IS_ROOM, int, capacity, PROP_CAPACITY)
MP_SCALAR_ACCESSORS (MpRoom, mp_room, MP_IS_ROOM, guint, kinds, PROP_KINDS)

gboolean
mp_room_serves_kind (MpRoom        *self,
                     MpMeetingKind  kind)
{
  g_return_val_if_fail (MP_IS_ROOM (self), FALSE);

  return self->kinds == 0 || (self->kinds & (1u << kind)) != 0;
}

gboolean
mp_room_seats (MpRoom *self,
               guint   n_people)
{
  g_return_val_if_fail (MP_IS_ROOM (self), FALSE);

  return self->capacity <= 0 || n_people <= (guint) self->capacity;
}

