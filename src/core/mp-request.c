/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mp-request"

#include "config.h"

#include "mp-request.h"

struct _MpRequest
{
  MpRecord parent_instance;

  char *title;
  MpMeetingKind  kind;
  char     **participants;
  int duration_minutes;
  MpPriority  priority;
  MpTime *earliest;
  MpTime *latest;
};

G_DEFINE_FINAL_TYPE (MpRequest, mp_request, MP_TYPE_RECORD)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_KIND,
  PROP_PARTICIPANTS,
  PROP_DURATION_MINUTES,
  PROP_PRIORITY,
  PROP_EARLIEST,
  PROP_LATEST,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
mp_request_finalize (GObject *object)
{
  MpRequest *self = (MpRequest *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->participants, g_strfreev);
  g_clear_pointer (&self->earliest, mp_time_free);
  g_clear_pointer (&self->latest, mp_time_free);
  G_OBJECT_CLASS (mp_request_parent_class)->finalize (object);
}

static void
mp_request_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  MpRequest *self = MP_REQUEST (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_PARTICIPANTS:
      g_value_set_boxed (value, self->participants);
      break;

    case PROP_DURATION_MINUTES:
      g_value_set_int (value, self->duration_minutes);
      break;

    case PROP_PRIORITY:
      g_value_set_enum (value, self->priority);
      break;

    case PROP_EARLIEST:
      g_value_set_boxed (value, self->earliest);
      break;

    case PROP_LATEST:
      g_value_set_boxed (value, self->latest);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_request_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  MpRequest *self = MP_REQUEST (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      mp_request_set_title (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      mp_request_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_PARTICIPANTS:
      mp_request_set_participants (self, g_value_get_boxed (value));
      break;

    case PROP_DURATION_MINUTES:
      mp_request_set_duration_minutes (self, g_value_get_int (value));
      break;

    case PROP_PRIORITY:
      mp_request_set_priority (self, g_value_get_enum (value));
      break;

    case PROP_EARLIEST:
      mp_request_set_earliest (self, g_value_get_boxed (value));
      break;

    case PROP_LATEST:
      mp_request_set_latest (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_request_class_init (MpRequestClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = mp_request_finalize;
  object_class->get_property = mp_request_get_property;
  object_class->set_property = mp_request_set_property;

  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties [PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, MP_TYPE_MEETING_KIND, MP_MEETING_KIND_BILATERAL, flags);
  properties [PROP_PARTICIPANTS] =
    g_param_spec_boxed ("participants", NULL, NULL, G_TYPE_STRV, flags);
  properties [PROP_DURATION_MINUTES] =
    g_param_spec_int ("duration-minutes", NULL, NULL, 0, 100000, 30, flags);
  properties [PROP_PRIORITY] =
    g_param_spec_enum ("priority", NULL, NULL, MP_TYPE_PRIORITY, MP_PRIORITY_NORMAL, flags);
  properties [PROP_EARLIEST] =
    g_param_spec_boxed ("earliest", NULL, NULL, MP_TYPE_TIME, flags);
  properties [PROP_LATEST] =
    g_param_spec_boxed ("latest", NULL, NULL, MP_TYPE_TIME, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mp_request_init (MpRequest *self)
{
  self->kind = MP_MEETING_KIND_BILATERAL;
  self->duration_minutes = 30;
  self->priority = MP_PRIORITY_NORMAL;
}

MpRequest *
mp_request_new (const char *id)
{
  return g_object_new (MP_TYPE_REQUEST, "id", id, NULL);
}

MP_STRING_ACCESSORS (MpRequest, mp_request, MP_IS_REQUEST, title, PROP_TITLE)
MP_SCALAR_ACCESSORS (MpRequest, mp_request, MP_IS_REQUEST, MpMeetingKind, kind, PROP_KIND)
MP_STRV_ACCESSORS (MpRequest, mp_request, MP_IS_REQUEST, participants, PROP_PARTICIPANTS)
MP_SCALAR_ACCESSORS (MpRequest, mp_request, MP_IS_REQUEST, int, duration_minutes, PROP_DURATION_MINUTES)
MP_SCALAR_ACCESSORS (MpRequest, mp_request, MP_IS_REQUEST, MpPriority, priority, PROP_PRIORITY)

const MpTime *
mp_request_get_earliest (MpRequest *self)
{
  g_return_val_if_fail (MP_IS_REQUEST (self), NULL);

  return self->earliest;
}

void
mp_request_set_earliest (MpRequest *self,
                         const MpTime *earliest)
{
  g_return_if_fail (MP_IS_REQUEST (self));

  if (!mp_time_replace (&self->earliest, earliest))
    return;

  mp_record_notify (MP_RECORD (self), properties [PROP_EARLIEST]);
}


const MpTime *
mp_request_get_latest (MpRequest *self)
{
  g_return_val_if_fail (MP_IS_REQUEST (self), NULL);

  return self->latest;
}

void
mp_request_set_latest (MpRequest *self,
                       const MpTime *latest)
{
  g_return_if_fail (MP_IS_REQUEST (self));

  if (!mp_time_replace (&self->latest, latest))
    return;

  mp_record_notify (MP_RECORD (self), properties [PROP_LATEST]);
}

