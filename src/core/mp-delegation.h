/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mp-enums.h"
#include "mp-enum-types.h"
#include "mp-record.h"
#include "mp-time.h"

G_BEGIN_DECLS

#define MP_TYPE_DELEGATION (mp_delegation_get_type ())

/* A country's delegation. precedence G_MAXINT means unset (after
 * every set one). */
G_DECLARE_FINAL_TYPE (MpDelegation, mp_delegation, MP, DELEGATION, MpRecord)

MpDelegation * mp_delegation_new                (const char *id);
const char *   mp_delegation_get_name           (MpDelegation *self);
void           mp_delegation_set_name           (MpDelegation *self,
                                                 const char *name);
const char *   mp_delegation_get_country        (MpDelegation *self);
void           mp_delegation_set_country        (MpDelegation *self,
                                                 const char *country);
int            mp_delegation_get_precedence     (MpDelegation *self);
void           mp_delegation_set_precedence     (MpDelegation *self,
                                                 int precedence);
const char *   mp_delegation_get_home_time_zone (MpDelegation *self);
void           mp_delegation_set_home_time_zone (MpDelegation *self,
                                                 const char *home_time_zone);

G_END_DECLS
