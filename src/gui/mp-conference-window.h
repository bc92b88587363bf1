/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "mp-history.h"

G_BEGIN_DECLS

#define MP_TYPE_CONFERENCE_WINDOW (mp_conference_window_get_type ())

/* The conference itself: title, host, time zone, dates, the hours and grid
 * of the scheduler, notes. Every change goes through history, so it can be
 * undone; a value that is not valid is marked on its row and not written. */
G_DECLARE_FINAL_TYPE (MpConferenceWindow, mp_conference_window, MP, CONFERENCE_WINDOW, AdwPreferencesWindow)

MpConferenceWindow *mp_conference_window_new       (GtkWindow          *parent,
                                                    MpHistory          *history);
/* Writes what is typed but not yet applied; FALSE when a field is not
 * valid (closing the window does this too). */
gboolean            mp_conference_window_apply     (MpConferenceWindow *self);
/* The widget that edits a property of MpConference ("title", "host",
 * "time-zone", "start-date", "end-date", "day-start", "day-end",
 * "slot-minutes", "turnover-minutes", "buffer-minutes", "notes"), for
 * tests and to focus it. */
GtkWidget          *mp_conference_window_get_field (MpConferenceWindow *self,
                                                    const char         *property);

G_END_DECLS
