/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mp-enums.h"
#include "mp-enum-types.h"
#include "mp-record.h"
#include "mp-time.h"

G_BEGIN_DECLS

#define MP_TYPE_MEETING (mp_meeting_get_type ())

/* A meeting with a time. */
G_DECLARE_FINAL_TYPE (MpMeeting, mp_meeting, MP, MEETING, MpRecord)

MpMeeting *          mp_meeting_new              (const char *id);
const char *         mp_meeting_get_title        (MpMeeting *self);
void                 mp_meeting_set_title        (MpMeeting *self,
                                                  const char *title);
MpMeetingKind        mp_meeting_get_kind         (MpMeeting *self);
void                 mp_meeting_set_kind         (MpMeeting *self,
                                                  MpMeetingKind kind);
const MpTime *       mp_meeting_get_start        (MpMeeting *self);
void                 mp_meeting_set_start        (MpMeeting *self,
                                                  const MpTime *start);
const MpTime *       mp_meeting_get_end          (MpMeeting *self);
void                 mp_meeting_set_end          (MpMeeting *self,
                                                  const MpTime *end);
const char *         mp_meeting_get_room         (MpMeeting *self);
void                 mp_meeting_set_room         (MpMeeting *self,
                                                  const char *room);
const char * const * mp_meeting_get_participants (MpMeeting *self);
void                 mp_meeting_set_participants (MpMeeting *self,
                                                  const char * const *participants);
MpMeetingStatus      mp_meeting_get_status       (MpMeeting *self);
void                 mp_meeting_set_status       (MpMeeting *self,
                                                  MpMeetingStatus status);
const char * const * mp_meeting_get_topics       (MpMeeting *self);
void                 mp_meeting_set_topics       (MpMeeting *self,
                                                  const char * const *topics);
const char *         mp_meeting_get_notes        (MpMeeting *self);
void                 mp_meeting_set_notes        (MpMeeting *self,
                                                  const char *notes);
gboolean             mp_meeting_get_locked       (MpMeeting *self);
void                 mp_meeting_set_locked       (MpMeeting *self,
                                                  gboolean locked);
const char *         mp_meeting_get_request      (MpMeeting *self);
void                 mp_meeting_set_request      (MpMeeting *self,
                                                  const char *request);
const char *         mp_meeting_get_uid          (MpMeeting *self);
void                 mp_meeting_set_uid          (MpMeeting *self,
                                                  const char *uid);
int                  mp_meeting_get_sequence     (MpMeeting *self);
void                 mp_meeting_set_sequence     (MpMeeting *self,
                                                  int sequence);


/* The zone the meeting's local times are read in: its room's venue's, else
 * the conference's. The plan keeps it up to date. */
GTimeZone   *mp_meeting_get_time_zone     (MpMeeting  *self);
void         mp_meeting_set_time_zone     (MpMeeting  *self,
                                           GTimeZone  *zone);
/* Unix seconds; valid once the meeting has times and a zone. */
gint64       mp_meeting_get_start_instant (MpMeeting  *self);
gint64       mp_meeting_get_end_instant   (MpMeeting  *self);
/* Sets start and end from instants, in the meeting's zone. */
void         mp_meeting_set_span          (MpMeeting  *self,
                                           gint64      start_instant,
                                           gint64      end_instant);
gboolean     mp_meeting_has_participant   (MpMeeting  *self,
                                           const char *participant_id);
gboolean     mp_meeting_is_cancelled      (MpMeeting  *self);
/* TRUE when the time, room or status changed since the last save: the
 * attendees' calendars must hear of it (a raise of sequence). */
gboolean     mp_meeting_get_rescheduled   (MpMeeting  *self);
void         mp_meeting_set_rescheduled   (MpMeeting  *self,
                                           gboolean    rescheduled);

G_END_DECLS
