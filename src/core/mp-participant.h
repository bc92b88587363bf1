/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mp-enums.h"
#include "mp-enum-types.h"
#include "mp-record.h"
#include "mp-time.h"

G_BEGIN_DECLS

#define MP_TYPE_PARTICIPANT (mp_participant_get_type ())

/* A person: a minister, a delegate, staff, press. */
G_DECLARE_FINAL_TYPE (MpParticipant, mp_participant, MP, PARTICIPANT, MpRecord)

MpParticipant * mp_participant_new              (const char *id);
const char *    mp_participant_get_name         (MpParticipant *self);
void            mp_participant_set_name         (MpParticipant *self,
                                                 const char *name);
const char *    mp_participant_get_delegation   (MpParticipant *self);
void            mp_participant_set_delegation   (MpParticipant *self,
                                                 const char *delegation);
const char *    mp_participant_get_title        (MpParticipant *self);
void            mp_participant_set_title        (MpParticipant *self,
                                                 const char *title);
const char *    mp_participant_get_organization (MpParticipant *self);
void            mp_participant_set_organization (MpParticipant *self,
                                                 const char *organization);
MpRole          mp_participant_get_role         (MpParticipant *self);
void            mp_participant_set_role         (MpParticipant *self,
                                                 MpRole role);
const char *    mp_participant_get_email        (MpParticipant *self);
void            mp_participant_set_email        (MpParticipant *self,
                                                 const char *email);


/* A window of availability, in the conference's zone. */
typedef struct
{
  MpTime      start;
  MpTime      end;
  JsonObject *extra;   /* members a newer tool wrote, kept for saving */
} MpInterval;

/* A clear function for arrays of MpInterval that own their extra. */
void         mp_interval_clear            (gpointer       interval);

/* NULL: available for the whole conference. An empty array: never. The
 * participant keeps a copy, with its own references to the extras. */
GArray      *mp_participant_get_available (MpParticipant *self);
void         mp_participant_set_available (MpParticipant *self,
                                           GArray        *windows);

G_END_DECLS
