/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mp-participant"

#include "config.h"

#include "mp-participant.h"

struct _MpParticipant
{
  MpRecord parent_instance;

  char *name;
  char *delegation;
  char *title;
  char *organization;
  MpRole  role;
  char *email;
  GArray *available;
};

G_DEFINE_FINAL_TYPE (MpParticipant, mp_participant, MP_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_DELEGATION,
  PROP_TITLE,
  PROP_ORGANIZATION,
  PROP_ROLE,
  PROP_EMAIL,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum { PROP_AVAILABLE = N_PROPS };

static GParamSpec *available_pspec;

static gboolean
windows_equal (GArray *a,
               GArray *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      MpInterval *wa = &g_array_index (a, MpInterval, i);
      MpInterval *wb = &g_array_index (b, MpInterval, i);

      if (!mp_time_equal (&wa->start, &wb->start) || !mp_time_equal (&wa->end, &wb->end))
        return FALSE;
    }
  return TRUE;
}


static void
mp_participant_finalize (GObject *object)
{
  MpParticipant *self = (MpParticipant *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->delegation, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->organization, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->available, g_array_unref);

  G_OBJECT_CLASS (mp_participant_parent_class)->finalize (object);
}

static void
mp_participant_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  MpParticipant *self = MP_PARTICIPANT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_DELEGATION:
      g_value_set_string (value, self->delegation);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_ORGANIZATION:
      g_value_set_string (value, self->organization);
      break;

    case PROP_ROLE:
      g_value_set_enum (value, self->role);
      break;

    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;

    case PROP_AVAILABLE:
      g_value_set_boxed (value, self->available);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_participant_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  MpParticipant *self = MP_PARTICIPANT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      mp_participant_set_name (self, g_value_get_string (value));
      break;

    case PROP_DELEGATION:
      mp_participant_set_delegation (self, g_value_get_string (value));
      break;

    case PROP_TITLE:
      mp_participant_set_title (self, g_value_get_string (value));
      break;

    case PROP_ORGANIZATION:
      mp_participant_set_organization (self, g_value_get_string (value));
      break;

    case PROP_ROLE:
      mp_participant_set_role (self, g_value_get_enum (value));
      break;

    case PROP_EMAIL:
      mp_participant_set_email (self, g_value_get_string (value));
      break;

    case PROP_AVAILABLE:
      mp_participant_set_available (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_participant_class_init (MpParticipantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = mp_participant_finalize;
  object_class->get_property = mp_participant_get_property;
  object_class->set_property = mp_participant_set_property;

  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties [PROP_DELEGATION] =
    g_param_spec_string ("delegation", NULL, NULL, NULL, flags);
  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties [PROP_ORGANIZATION] =
    g_param_spec_string ("organization", NULL, NULL, NULL, flags);
  properties [PROP_ROLE] =
    g_param_spec_enum ("role", NULL, NULL, MP_TYPE_ROLE, MP_ROLE_DELEGATE, flags);
  properties [PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  available_pspec =
    g_param_spec_boxed ("available", NULL, NULL, G_TYPE_ARRAY, flags);
  g_object_class_install_property (object_class, PROP_AVAILABLE, available_pspec);
}

static void
mp_participant_init (MpParticipant *self)
{
  self->role = MP_ROLE_DELEGATE;
}

MpParticipant *
mp_participant_new (const char *id)
{
  return g_object_new (MP_TYPE_PARTICIPANT, "id", id, NULL);
}

MP_STRING_ACCESSORS (MpParticipant, mp_participant, MP_IS_PARTICIPANT, name, PROP_NAME)
MP_STRING_ACCESSORS (MpParticipant, mp_participant, MP_IS_PARTICIPANT, delegation, PROP_DELEGATION)
MP_STRING_ACCESSORS (MpParticipant, mp_participant, MP_IS_PARTICIPANT, title, PROP_TITLE)
MP_STRING_ACCESSORS (MpParticipant, mp_participant, MP_IS_PARTICIPANT, organization, PROP_ORGANIZATION)
MP_SCALAR_ACCESSORS (MpParticipant, mp_participant, MP_IS_PARTICIPANT, MpRole, role, PROP_ROLE)
MP_STRING_ACCESSORS (MpParticipant, mp_participant, MP_IS_PARTICIPANT, email, PROP_EMAIL)

void
mp_interval_clear (gpointer interval)
{
  MpInterval *window = interval;

  g_clear_pointer (&window->extra, json_object_unref);
}

GArray *
mp_participant_get_available (MpParticipant *self)
{
  g_return_val_if_fail (MP_IS_PARTICIPANT (self), NULL);

  return self->available;
}

void
mp_participant_set_available (MpParticipant *self,
                              GArray        *windows)
{
  g_return_if_fail (MP_IS_PARTICIPANT (self));

  if (windows_equal (self->available, windows))
    return;

  g_clear_pointer (&self->available, g_array_unref);
  if (windows != NULL)
    {
      self->available = g_array_sized_new (FALSE, FALSE, sizeof (MpInterval), windows->len);
      g_array_set_clear_func (self->available, mp_interval_clear);
      g_array_append_vals (self->available, windows->data, windows->len);
      for (guint i = 0; i < windows->len; i++)
        {
          MpInterval *window = &g_array_index (self->available, MpInterval, i);

          if (window->extra != NULL)
            json_object_ref (window->extra);
        }
    }

  mp_record_notify (MP_RECORD (self), available_pspec);
}

