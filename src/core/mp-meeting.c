/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mp-meeting"

#include "config.h"

#include "mp-meeting.h"

struct _MpMeeting
{
  MpRecord parent_instance;

  char *title;
  MpMeetingKind  kind;
  MpTime *start;
  MpTime *end;
  char *room;
  char     **participants;
  MpMeetingStatus  status;
  char     **topics;
  char *notes;
  gboolean locked;
  char *request;
  char *uid;
  int sequence;

  GTimeZone *zone;
  gint64     start_instant;
  gint64     end_instant;
  gboolean   rescheduled;
};

G_DEFINE_FINAL_TYPE (MpMeeting, mp_meeting, MP_TYPE_RECORD)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_KIND,
  PROP_START,
  PROP_END,
  PROP_ROOM,
  PROP_PARTICIPANTS,
  PROP_STATUS,
  PROP_TOPICS,
  PROP_NOTES,
  PROP_LOCKED,
  PROP_REQUEST,
  PROP_UID,
  PROP_SEQUENCE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
update_instants (MpMeeting *self)
{
  if (self->start != NULL && (self->zone != NULL || self->start->absolute))
    self->start_instant = mp_time_instant (self->start, self->zone);
  if (self->end != NULL && (self->zone != NULL || self->end->absolute))
    self->end_instant = mp_time_instant (self->end, self->zone);
}

static void
mp_meeting_notify (GObject    *object,
                   GParamSpec *pspec)
{
  MpMeeting *self = MP_MEETING (object);

  if (pspec == properties [PROP_START] || pspec == properties [PROP_END] ||
      pspec == properties [PROP_ROOM] || pspec == properties [PROP_STATUS])
    self->rescheduled = TRUE;

  if (G_OBJECT_CLASS (mp_meeting_parent_class)->notify)
    G_OBJECT_CLASS (mp_meeting_parent_class)->notify (object, pspec);
}


static void
mp_meeting_finalize (GObject *object)
{
  MpMeeting *self = (MpMeeting *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->start, mp_time_free);
  g_clear_pointer (&self->end, mp_time_free);
  g_clear_pointer (&self->room, g_free);
  g_clear_pointer (&self->participants, g_strfreev);
  g_clear_pointer (&self->topics, g_strfreev);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->request, g_free);
  g_clear_pointer (&self->uid, g_free);
  g_clear_pointer (&self->zone, g_time_zone_unref);

  G_OBJECT_CLASS (mp_meeting_parent_class)->finalize (object);
}

static void
mp_meeting_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  MpMeeting *self = MP_MEETING (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_START:
      g_value_set_boxed (value, self->start);
      break;

    case PROP_END:
      g_value_set_boxed (value, self->end);
      break;

    case PROP_ROOM:
      g_value_set_string (value, self->room);
      break;

    case PROP_PARTICIPANTS:
      g_value_set_boxed (value, self->participants);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_TOPICS:
      g_value_set_boxed (value, self->topics);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    case PROP_LOCKED:
      g_value_set_boolean (value, self->locked);
      break;

    case PROP_REQUEST:
      g_value_set_string (value, self->request);
      break;

    case PROP_UID:
      g_value_set_string (value, self->uid);
      break;

    case PROP_SEQUENCE:
      g_value_set_int (value, self->sequence);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_meeting_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  MpMeeting *self = MP_MEETING (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      mp_meeting_set_title (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      mp_meeting_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_START:
      mp_meeting_set_start (self, g_value_get_boxed (value));
      break;

    case PROP_END:
      mp_meeting_set_end (self, g_value_get_boxed (value));
      break;

    case PROP_ROOM:
      mp_meeting_set_room (self, g_value_get_string (value));
      break;

    case PROP_PARTICIPANTS:
      mp_meeting_set_participants (self, g_value_get_boxed (value));
      break;

    case PROP_STATUS:
      mp_meeting_set_status (self, g_value_get_enum (value));
      break;

    case PROP_TOPICS:
      mp_meeting_set_topics (self, g_value_get_boxed (value));
      break;

    case PROP_NOTES:
      mp_meeting_set_notes (self, g_value_get_string (value));
      break;

    case PROP_LOCKED:
      mp_meeting_set_locked (self, g_value_get_boolean (value));
      break;

    case PROP_REQUEST:
      mp_meeting_set_request (self, g_value_get_string (value));
      break;

    case PROP_UID:
      mp_meeting_set_uid (self, g_value_get_string (value));
      break;

    case PROP_SEQUENCE:
      mp_meeting_set_sequence (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_meeting_class_init (MpMeetingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = mp_meeting_finalize;
  object_class->get_property = mp_meeting_get_property;
  object_class->set_property = mp_meeting_set_property;

  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties [PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, MP_TYPE_MEETING_KIND, MP_MEETING_KIND_OTHER, flags);
  properties [PROP_START] =
    g_param_spec_boxed ("start", NULL, NULL, MP_TYPE_TIME, flags);
  properties [PROP_END] =
    g_param_spec_boxed ("end", NULL, NULL, MP_TYPE_TIME, flags);
  properties [PROP_ROOM] =
    g_param_spec_string ("room", NULL, NULL, NULL, flags);
  properties [PROP_PARTICIPANTS] =
    g_param_spec_boxed ("participants", NULL, NULL, G_TYPE_STRV, flags);
  properties [PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, MP_TYPE_MEETING_STATUS, MP_MEETING_STATUS_TENTATIVE, flags);
  properties [PROP_TOPICS] =
    g_param_spec_boxed ("topics", NULL, NULL, G_TYPE_STRV, flags);
  properties [PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, NULL, flags);
  properties [PROP_LOCKED] =
    g_param_spec_boolean ("locked", NULL, NULL, FALSE, flags);
  properties [PROP_REQUEST] =
    g_param_spec_string ("request", NULL, NULL, NULL, flags);
  properties [PROP_UID] =
    g_param_spec_string ("uid", NULL, NULL, NULL, flags);
  properties [PROP_SEQUENCE] =
    g_param_spec_int ("sequence", NULL, NULL, 0, 2147483647, 0, flags);
  object_class->notify = mp_meeting_notify;

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mp_meeting_init (MpMeeting *self)
{
  self->kind = MP_MEETING_KIND_OTHER;
  self->status = MP_MEETING_STATUS_TENTATIVE;
}

MpMeeting *
mp_meeting_new (const char *id)
{
  return g_object_new (MP_TYPE_MEETING, "id", id, NULL);
}

MP_STRING_ACCESSORS (MpMeeting, mp_meeting, MP_IS_MEETING, title, PROP_TITLE)
MP_SCALAR_ACCESSORS (MpMeeting, mp_meeting, MP_IS_MEETING, MpMeetingKind, kind, PROP_KIND)

const MpTime *
mp_meeting_get_start (MpMeeting *self)
{
  g_return_val_if_fail (MP_IS_MEETING (self), NULL);

  return self->start;
}

void
mp_meeting_set_start (MpMeeting *self,
                      const MpTime *start)
{
  g_return_if_fail (MP_IS_MEETING (self));

  if (!mp_time_replace (&self->start, start))
    return;

  update_instants (self);
  mp_record_notify (MP_RECORD (self), properties [PROP_START]);
}


const MpTime *
mp_meeting_get_end (MpMeeting *self)
{
  g_return_val_if_fail (MP_IS_MEETING (self), NULL);

  return self->end;
}

void
mp_meeting_set_end (MpMeeting *self,
                    const MpTime *end)
{
  g_return_if_fail (MP_IS_MEETING (self));

  if (!mp_time_replace (&self->end, end))
    return;

  update_instants (self);
  mp_record_notify (MP_RECORD (self), properties [PROP_END]);
}

MP_STRING_ACCESSORS (MpMeeting, mp_meeting, MP_IS_MEETING, room, PROP_ROOM)
MP_STRV_ACCESSORS (MpMeeting, mp_meeting, MP_IS_MEETING, participants, PROP_PARTICIPANTS)
MP_SCALAR_ACCESSORS (MpMeeting, mp_meeting, MP_IS_MEETING, MpMeetingStatus, status, PROP_STATUS)
MP_STRV_ACCESSORS (MpMeeting, mp_meeting, MP_IS_MEETING, topics, PROP_TOPICS)
MP_STRING_ACCESSORS (MpMeeting, mp_meeting, MP_IS_MEETING, notes, PROP_NOTES)
MP_SCALAR_ACCESSORS (MpMeeting, mp_meeting, MP_IS_MEETING, gboolean, locked, PROP_LOCKED)
MP_STRING_ACCESSORS (MpMeeting, mp_meeting, MP_IS_MEETING, request, PROP_REQUEST)
MP_STRING_ACCESSORS (MpMeeting, mp_meeting, MP_IS_MEETING, uid, PROP_UID)
MP_SCALAR_ACCESSORS (MpMeeting, mp_meeting, MP_IS_MEETING, int, sequence, PROP_SEQUENCE)

GTimeZone *
mp_meeting_get_time_zone (MpMeeting *self)
{
  g_return_val_if_fail (MP_IS_MEETING (self), NULL);

  return self->zone;
}

void
mp_meeting_set_time_zone (MpMeeting *self,
                          GTimeZone *zone)
{
  g_return_if_fail (MP_IS_MEETING (self));

  if (self->zone == zone)
    return;

  if (zone != NULL)
    g_time_zone_ref (zone);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  self->zone = zone;
  update_instants (self);
}

gint64
mp_meeting_get_start_instant (MpMeeting *self)
{
  g_return_val_if_fail (MP_IS_MEETING (self), 0);

  return self->start_instant;
}

gint64
mp_meeting_get_end_instant (MpMeeting *self)
{
  g_return_val_if_fail (MP_IS_MEETING (self), 0);

  return self->end_instant;
}

void
mp_meeting_set_span (MpMeeting *self,
                     gint64     start_instant,
                     gint64     end_instant)
{
  MpTime start, end;

  g_return_if_fail (MP_IS_MEETING (self));
  g_return_if_fail (self->zone != NULL);

  start = mp_time_from_instant (start_instant, self->zone);
  end = mp_time_from_instant (end_instant, self->zone);

  g_object_freeze_notify (G_OBJECT (self));
  mp_meeting_set_start (self, &start);
  mp_meeting_set_end (self, &end);
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
mp_meeting_has_participant (MpMeeting  *self,
                            const char *participant_id)
{
  g_return_val_if_fail (MP_IS_MEETING (self), FALSE);

  return self->participants != NULL &&
         g_strv_contains ((const char * const *) self->participants, participant_id);
}

gboolean
mp_meeting_is_cancelled (MpMeeting *self)
{
  g_return_val_if_fail (MP_IS_MEETING (self), FALSE);

  return self->status == MP_MEETING_STATUS_CANCELLED;
}

gboolean
mp_meeting_get_rescheduled (MpMeeting *self)
{
  g_return_val_if_fail (MP_IS_MEETING (self), FALSE);

  return self->rescheduled;
}

void
mp_meeting_set_rescheduled (MpMeeting *self,
                            gboolean   rescheduled)
{
  g_return_if_fail (MP_IS_MEETING (self));

  self->rescheduled = !!rescheduled;
}

