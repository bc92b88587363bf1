/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mp-enums.h"
#include "mp-enum-types.h"
#include "mp-record.h"
#include "mp-time.h"

G_BEGIN_DECLS

#define MP_TYPE_ROOM (mp_room_get_type ())

/* A room of a venue. capacity 0 seats anyone; kinds is a mask of
 * 1 << MpMeetingKind, 0 serving every kind. */
G_DECLARE_FINAL_TYPE (MpRoom, mp_room, MP, ROOM, MpRecord)

MpRoom *     mp_room_new          (const char *id);
const char * mp_room_get_name     (MpRoom *self);
void         mp_room_set_name     (MpRoom *self,
                                   const char *name);
const char * mp_room_get_venue    (MpRoom *self);
void         mp_room_set_venue    (MpRoom *self,
                                   const char *venue);
int          mp_room_get_capacity (MpRoom *self);
void         mp_room_set_capacity (MpRoom *self,
                                   int capacity);
guint        mp_room_get_kinds    (MpRoom *self);
void         mp_room_set_kinds    (MpRoom *self,
                                   guint kinds);

gboolean     mp_room_serves_kind  (MpRoom        *self,
                                   MpMeetingKind  kind);
gboolean     mp_room_seats        (MpRoom        *self,
                                   guint          n_people);

G_END_DECLS
