/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mp-enums.h"
#include "mp-enum-types.h"
#include "mp-record.h"
#include "mp-time.h"

G_BEGIN_DECLS

#define MP_TYPE_REQUEST (mp_request_get_type ())

/* A meeting asked for that has no time yet. */
G_DECLARE_FINAL_TYPE (MpRequest, mp_request, MP, REQUEST, MpRecord)

MpRequest *          mp_request_new                  (const char *id);
const char *         mp_request_get_title            (MpRequest *self);
void                 mp_request_set_title            (MpRequest *self,
                                                      const char *title);
MpMeetingKind        mp_request_get_kind             (MpRequest *self);
void                 mp_request_set_kind             (MpRequest *self,
                                                      MpMeetingKind kind);
const char * const * mp_request_get_participants     (MpRequest *self);
void                 mp_request_set_participants     (MpRequest *self,
                                                      const char * const *participants);
int                  mp_request_get_duration_minutes (MpRequest *self);
void                 mp_request_set_duration_minutes (MpRequest *self,
                                                      int duration_minutes);
MpPriority           mp_request_get_priority         (MpRequest *self);
void                 mp_request_set_priority         (MpRequest *self,
                                                      MpPriority priority);
const MpTime *       mp_request_get_earliest         (MpRequest *self);
void                 mp_request_set_earliest         (MpRequest *self,
                                                      const MpTime *earliest);
const MpTime *       mp_request_get_latest           (MpRequest *self);
void                 mp_request_set_latest           (MpRequest *self,
                                                      const MpTime *latest);

G_END_DECLS
