/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mp-enums.h"
#include "mp-enum-types.h"
#include "mp-record.h"
#include "mp-time.h"

G_BEGIN_DECLS

#define MP_TYPE_VENUE (mp_venue_get_type ())

/* A place: a building with its own address and clock. */
G_DECLARE_FINAL_TYPE (MpVenue, mp_venue, MP, VENUE, MpRecord)

MpVenue *    mp_venue_new           (const char *id);
const char * mp_venue_get_name      (MpVenue *self);
void         mp_venue_set_name      (MpVenue *self,
                                     const char *name);
const char * mp_venue_get_address   (MpVenue *self);
void         mp_venue_set_address   (MpVenue *self,
                                     const char *address);
const char * mp_venue_get_time_zone (MpVenue *self);
void         mp_venue_set_time_zone (MpVenue *self,
                                     const char *time_zone);

G_END_DECLS
