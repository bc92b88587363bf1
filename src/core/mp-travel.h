/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mp-enums.h"
#include "mp-enum-types.h"
#include "mp-record.h"
#include "mp-time.h"

G_BEGIN_DECLS

#define MP_TYPE_TRAVEL (mp_travel_get_type ())

/* The time it takes to go between two venues, either way. */
G_DECLARE_FINAL_TYPE (MpTravel, mp_travel, MP, TRAVEL, MpRecord)

MpTravel *   mp_travel_new         (const char *id);
const char * mp_travel_get_from    (MpTravel *self);
void         mp_travel_set_from    (MpTravel *self,
                                    const char *from);
const char * mp_travel_get_to      (MpTravel *self);
void         mp_travel_set_to      (MpTravel *self,
                                    const char *to);
int          mp_travel_get_minutes (MpTravel *self);
void         mp_travel_set_minutes (MpTravel *self,
                                    int minutes);

G_END_DECLS
