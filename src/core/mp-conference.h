/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mp-record.h"

G_BEGIN_DECLS

#define MP_TYPE_CONFERENCE (mp_conference_get_type ())

G_DECLARE_FINAL_TYPE (MpConference, mp_conference, MP, CONFERENCE, MpRecord)

#define MP_DEFAULT_DAY_START  (8 * 60)
#define MP_DEFAULT_DAY_END    (20 * 60)
#define MP_DEFAULT_SLOT       15

MpConference *mp_conference_new                  (void);
const char   *mp_conference_get_title            (MpConference *self);
void          mp_conference_set_title            (MpConference *self,
                                                  const char   *title);
const char   *mp_conference_get_time_zone        (MpConference *self);
void          mp_conference_set_time_zone        (MpConference *self,
                                                  const char   *time_zone);
GTimeZone    *mp_conference_get_zone             (MpConference *self);
gint64        mp_conference_get_start_date       (MpConference *self);
void          mp_conference_set_start_date       (MpConference *self,
                                                  gint64        day);
gint64        mp_conference_get_end_date         (MpConference *self);
void          mp_conference_set_end_date         (MpConference *self,
                                                  gint64        day);
guint         mp_conference_get_n_days           (MpConference *self);
const char   *mp_conference_get_host             (MpConference *self);
void          mp_conference_set_host             (MpConference *self,
                                                  const char   *host);
int           mp_conference_get_day_start        (MpConference *self);
void          mp_conference_set_day_start        (MpConference *self,
                                                  int           minutes);
int           mp_conference_get_day_end          (MpConference *self);
void          mp_conference_set_day_end          (MpConference *self,
                                                  int           minutes);
int           mp_conference_get_slot_minutes     (MpConference *self);
void          mp_conference_set_slot_minutes     (MpConference *self,
                                                  int           minutes);
int           mp_conference_get_turnover_minutes (MpConference *self);
void          mp_conference_set_turnover_minutes (MpConference *self,
                                                  int           minutes);
int           mp_conference_get_buffer_minutes   (MpConference *self);
void          mp_conference_set_buffer_minutes   (MpConference *self,
                                                  int           minutes);
const char   *mp_conference_get_notes            (MpConference *self);
void          mp_conference_set_notes            (MpConference *self,
                                                  const char   *notes);

G_END_DECLS
