/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "mp-conference.h"
#include "mp-delegation.h"
#include "mp-meeting.h"
#include "mp-participant.h"
#include "mp-request.h"
#include "mp-room.h"
#include "mp-travel.h"
#include "mp-venue.h"

G_BEGIN_DECLS

#define MP_PLAN_ERROR (mp_plan_error_quark ())

typedef enum
{
  MP_PLAN_ERROR_NOT_JSON,
  MP_PLAN_ERROR_FORMAT,
  MP_PLAN_ERROR_VERSION,
  MP_PLAN_ERROR_MISSING_MEMBER,
  MP_PLAN_ERROR_WRONG_TYPE,
  MP_PLAN_ERROR_BAD_VALUE,
  MP_PLAN_ERROR_DUPLICATE_ID,
  MP_PLAN_ERROR_BAD_REFERENCE,
  MP_PLAN_ERROR_IO,
} MpPlanError;

#define MP_TYPE_PLAN (mp_plan_get_type ())

G_DECLARE_FINAL_TYPE (MpPlan, mp_plan, MP, PLAN, GObject)

GQuark        mp_plan_error_quark          (void);
MpPlan       *mp_plan_new                  (void);
MpConference *mp_plan_get_conference       (MpPlan      *self);

/* The collections, in file order. Items are MpVenue, MpRoom, ... */
GListModel   *mp_plan_get_venues           (MpPlan      *self);
GListModel   *mp_plan_get_rooms            (MpPlan      *self);
GListModel   *mp_plan_get_travel           (MpPlan      *self);
GListModel   *mp_plan_get_delegations      (MpPlan      *self);
GListModel   *mp_plan_get_participants     (MpPlan      *self);
GListModel   *mp_plan_get_meetings         (MpPlan      *self);
GListModel   *mp_plan_get_requests         (MpPlan      *self);
GListModel   *mp_plan_get_collection       (MpPlan      *self,
                                            GType        type);

/* Lookup by id, O(1); NULL when there is none. */
MpRecord     *mp_plan_lookup               (MpPlan      *self,
                                            GType        type,
                                            const char  *id);
MpVenue      *mp_plan_get_venue            (MpPlan      *self,
                                            const char  *id);
MpRoom       *mp_plan_get_room             (MpPlan      *self,
                                            const char  *id);
MpDelegation *mp_plan_get_delegation       (MpPlan      *self,
                                            const char  *id);
MpParticipant *mp_plan_get_participant     (MpPlan      *self,
                                            const char  *id);
MpMeeting    *mp_plan_get_meeting          (MpPlan      *self,
                                            const char  *id);
MpRequest    *mp_plan_get_request          (MpPlan      *self,
                                            const char  *id);

/* Adds record to the collection of its type, at position (-1: the end).
 * Fails on an id that is already taken. */
gboolean      mp_plan_insert               (MpPlan      *self,
                                            MpRecord    *record,
                                            int          position,
                                            GError     **error);
gboolean      mp_plan_add                  (MpPlan      *self,
                                            MpRecord    *record,
                                            GError     **error);
/* Returns the position record had, or -1 when it was not in the plan. */
int           mp_plan_remove               (MpPlan      *self,
                                            MpRecord    *record);
int           mp_plan_get_position         (MpPlan      *self,
                                            MpRecord    *record);
/* An id not yet used in type's collection, made from stem. */
char         *mp_plan_make_id              (MpPlan      *self,
                                            GType        type,
                                            const char  *stem);

/* The same, from a name a person gave: "Peña Nieto" → "pena-nieto". */
char         *mp_plan_make_id_from_name    (MpPlan      *self,
                                            GType        type,
                                            const char  *name);

/* The venue of a meeting's room, or NULL. */
MpVenue      *mp_plan_get_meeting_venue    (MpPlan      *self,
                                            MpMeeting   *meeting);
/* The zone a room's meetings are in: its venue's, else the conference's. */
GTimeZone    *mp_plan_get_room_zone        (MpPlan      *self,
                                            const char  *room_id);
GTimeZone    *mp_plan_get_zone             (MpPlan      *self,
                                            const char  *identifier);
/* Minutes between two venues (either way); 0 without an entry. */
int           mp_plan_get_travel_minutes   (MpPlan      *self,
                                            const char  *venue_a,
                                            const char  *venue_b);
/* The meetings, not cancelled, that name participant_id. */
GPtrArray    *mp_plan_list_meetings_of     (MpPlan      *self,
                                            const char  *participant_id);
/* The request's title, or one made from its delegations and kind:
 * "USA–MEX bilateral". The title of the meeting that places it. */
char         *mp_plan_make_request_title   (MpPlan      *self,
                                            MpRequest   *request);
/* TRUE when the meeting names the participant id, or a participant of
 * the delegation id: what a view filtered on either shows. */
gboolean      mp_plan_meeting_involves     (MpPlan      *self,
                                            MpMeeting   *meeting,
                                            const char  *id);
/* The rooms under their venues, in the order of venues, then the rooms of
 * no venue (or of a venue that is not there): the order views show them
 * in. A new array of borrowed rooms. */
GPtrArray    *mp_plan_list_rooms_by_venue  (MpPlan      *self);
/* The request's placement (a meeting not cancelled naming it), or NULL. */
MpMeeting    *mp_plan_get_placement        (MpPlan      *self,
                                            const char  *request_id);

/* Members of the top level this version does not know, kept for saving. */
JsonObject   *mp_plan_get_extra            (MpPlan      *self);
void          mp_plan_set_extra            (MpPlan      *self,
                                            JsonObject  *extra);

G_END_DECLS
