/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define MP_TIME_ERROR (mp_time_error_quark ())

typedef enum
{
  MP_TIME_ERROR_INVALID,   /* not a date, time or date-time */
  MP_TIME_ERROR_GAP,       /* a local time that does not exist in its zone */
  MP_TIME_ERROR_ZONE,      /* not an IANA zone */
} MpTimeError;

#define MP_TYPE_TIME (mp_time_get_type ())

/* A date-time as the plan file writes it. Most are local: a reading of the
 * wall clock that means an instant only once a zone is applied, so that a
 * change of zone rules keeps what the plan means. A time written with an
 * offset or Z is absolute and is kept as written. */
typedef struct
{
  gint64 wall;          /* the wall clock, in seconds, counted as if UTC */
  gint32 offset;        /* seconds east of UTC, for an absolute time */
  guint  absolute : 1;  /* written with an offset or Z */
  guint  utc_z : 1;     /* written as Z */
  guint  seconds : 1;   /* written with seconds */
  guint  minus_zero : 1; /* written as -00:00 */
} MpTime;

#define MP_SECONDS_PER_DAY (24 * 60 * 60)

GQuark      mp_time_error_quark    (void);
GType       mp_time_get_type       (void) G_GNUC_CONST;
MpTime     *mp_time_copy           (const MpTime  *self);
void        mp_time_free           (MpTime        *self);

gboolean    mp_time_parse          (const char    *text,
                                    MpTime        *out,
                                    GError       **error);
char       *mp_time_to_string      (const MpTime  *self);
MpTime      mp_time_from_wall      (gint64         wall);
MpTime      mp_time_from_instant   (gint64         instant,
                                    GTimeZone     *zone);
gboolean    mp_time_equal          (const MpTime  *a,
                                    const MpTime  *b);
/* Replaces *field (owned, may be NULL) with a copy of value; FALSE when
 * they were equal and nothing changed. For the setters of the model. */
gboolean    mp_time_replace        (MpTime       **field,
                                    const MpTime  *value);

/* The instant (Unix seconds) of a time in zone. _resolve refuses a time in
 * a daylight-saving gap; both read a folded time as its first occurrence.
 * mp_time_instant () moves a time in the gap forward, as clocks do. */
gboolean    mp_time_resolve        (const MpTime  *self,
                                    GTimeZone     *zone,
                                    gint64        *instant,
                                    GError       **error);
gint64      mp_time_instant        (const MpTime  *self,
                                    GTimeZone     *zone);

/* The wall clock of an instant in zone, as seconds counted as if UTC. */
gint64      mp_wall_from_instant   (gint64         instant,
                                    GTimeZone     *zone);
GDateTime  *mp_date_time_new       (gint64         instant,
                                    GTimeZone     *zone);

/* Days are counted from 1970-01-01 (day 0); clocks are minutes after
 * midnight. */
gboolean    mp_date_parse          (const char    *text,
                                    gint64        *day,
                                    GError       **error);
char       *mp_date_to_string      (gint64         day);
gboolean    mp_clock_parse         (const char    *text,
                                    int           *minutes,
                                    GError       **error);
char       *mp_clock_to_string     (int            minutes);

GTimeZone  *mp_time_zone_new       (const char    *identifier,
                                    GError       **error);
/* Whether identifier names a zone of the IANA database, without loading it. */
gboolean    mp_time_zone_validate  (const char    *identifier,
                                    GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MpTime, mp_time_free)

G_END_DECLS
