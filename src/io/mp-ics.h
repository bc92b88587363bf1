/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "mp-plan.h"

G_BEGIN_DECLS

#define MP_ICS_ERROR (mp_ics_error_quark ())

typedef enum
{
  MP_ICS_ERROR_SYNTAX,     /* not an iCalendar stream */
  MP_ICS_ERROR_EVENT,      /* an event libical could not read, or without DTSTART */
  MP_ICS_ERROR_ZONE,       /* a TZID that is neither in the file nor in tzdata */
  MP_ICS_ERROR_UNKNOWN,    /* a participant that is not in the plan */
} MpIcsError;

GQuark          mp_ics_error_quark      (void);

/* Calendars (RFC 5545) of one plan, made with libical. An exporter keeps
 * what its calendars share (each meeting's VEVENT, each zone's VTIMEZONE,
 * the attendees' addresses), so a calendar per person costs little. The
 * plan must not change while the exporter lives; call
 * mp_plan_file_prepare () first so that every meeting has a uid. */
typedef struct _MpIcsExporter MpIcsExporter;

MpIcsExporter  *mp_ics_exporter_new     (MpPlan         *plan);
void            mp_ics_exporter_free    (MpIcsExporter  *self);
/* DTSTAMP, Unix seconds; by default the time the exporter was made. */
void            mp_ics_exporter_set_stamp (MpIcsExporter *self,
                                           gint64         stamp);
/* One VCALENDAR of the meetings audience attends: NULL for the whole plan,
 * an MpDelegation (the meetings any of its participants attend), an
 * MpParticipant or an MpRoom. Cancelled meetings stay, as
 * STATUS:CANCELLED. */
char           *mp_ics_exporter_export  (MpIcsExporter  *self,
                                         MpRecord       *audience,
                                         gsize          *length);
/* The meetings of audience, by position in the plan, in plan order. */
GArray         *mp_ics_exporter_list    (MpIcsExporter  *self,
                                         MpRecord       *audience);

char           *mp_ics_export           (MpPlan         *plan,
                                         MpRecord       *audience,
                                         gsize          *length);

/* The delegation, participant or room (looked up in that order) whose id
 * is id, or NULL. */
MpRecord       *mp_ics_lookup_audience  (MpPlan         *plan,
                                         const char     *id);

/* What an import did, for the user to read. */
typedef struct
{
  guint      n_events;
  guint      added;
  guint      updated;
  guint      unchanged;   /* the plan's sequence is newer or equal */
  guint      skipped;
  GPtrArray *notes;       /* strings: what did not match, what was skipped */
} MpIcsReport;

void            mp_ics_report_clear     (MpIcsReport    *report);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (MpIcsReport, mp_ics_report_clear)

/* Adds the events of an .ics (data) as meetings: matched by UID, a newer
 * SEQUENCE updates a meeting, an older or equal one is left; rooms are
 * matched by the first part of LOCATION, participants by email, then by
 * CN. Errors name display_name and the line; on error the plan is left
 * as it was. */
gboolean        mp_ics_import           (MpPlan         *plan,
                                         const char     *data,
                                         gsize           length,
                                         const char     *display_name,
                                         MpIcsReport    *report,
                                         GError        **error);
/* Takes the events as participant_id's other commitments: removes them
 * from the person's availability (a person without windows starts from
 * the whole conference). Cancelled and transparent events are free time;
 * recurring events count with every occurrence in the conference. */
gboolean        mp_ics_import_busy      (MpPlan         *plan,
                                         const char     *participant_id,
                                         const char     *data,
                                         gsize           length,
                                         const char     *display_name,
                                         MpIcsReport    *report,
                                         GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MpIcsExporter, mp_ics_exporter_free)

G_END_DECLS
