/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mp-application.h"
#include "mp-document.h"
#include "mp-export-each.h"

G_BEGIN_DECLS

#define MP_TYPE_WINDOW (mp_window_get_type ())

G_DECLARE_FINAL_TYPE (MpWindow, mp_window, MP, WINDOW, AdwApplicationWindow)

MpWindow   *mp_window_new                (MpApplication *application);
/* Opens file in this window. On failure the window keeps its plan and
 * says what went wrong. */
gboolean    mp_window_open               (MpWindow      *self,
                                          GFile         *file);
MpDocument *mp_window_get_document       (MpWindow      *self);
void        mp_window_set_document       (MpWindow      *self,
                                          MpDocument    *document);
/* TRUE when this window shows an empty, untouched plan that opening a
 * file may replace. */
gboolean    mp_window_is_replaceable     (MpWindow      *self);
/* Offers the newest recovery copy left by a session that ended without
 * closing its plan; TRUE when there was one. */
gboolean    mp_window_check_recovery     (MpWindow      *self);
/* Opens the plan open last (GSettings last-plan) when it is still there;
 * TRUE when it did. */
gboolean    mp_window_reopen_last        (MpWindow      *self);
/* Shows a meeting: the timeline, its day, selected and in view. */
gboolean    mp_window_show_meeting       (MpWindow      *self,
                                          const char    *meeting_id);

/* Opens the meeting editor on a new meeting for an unplaced request, to
 * be given a time and a room and added (win.place-request); FALSE when
 * there is no such request or it is placed already. */
gboolean    mp_window_place_request      (MpWindow      *self,
                                          const char    *request_id);

/* Opens the conference's own settings (title, dates, hours...) over the
 * window, the title ready to type. */
GtkWindow  *mp_window_edit_conference    (MpWindow      *self);

/* Writes the calendar of what the timeline shows (the whole plan, or its
 * filter's delegation or person) to file: what Export Calendar does once
 * a file is chosen. Meetings get their uids and raised sequences in the
 * plan first, for the next save to keep. */
gboolean    mp_window_export_calendar    (MpWindow      *self,
                                          GFile         *file,
                                          GError       **error);

/* Writes a calendar or an agenda for every delegation and every person
 * into folder, in the background, with its progress in a toast
 * (win.export-each, after the folder is chosen). */
void        mp_window_export_each        (MpWindow      *self,
                                          GFile         *folder,
                                          MpExportEachKind kind);

/* Parts, for tests. */
GtkWidget  *mp_window_get_timeline       (MpWindow      *self);
GtkWidget  *mp_window_get_editor         (MpWindow      *self);
GtkWidget  *mp_window_get_conflicts_panel (MpWindow     *self);
gboolean    mp_window_get_editor_visible (MpWindow      *self);
/* TRUE when the window is narrow and the sidebar shows over the timeline. */
gboolean    mp_window_get_sidebar_folded (MpWindow      *self);
/* The requests beside the timeline (win.show-requests); NULL until first
 * shown. */
GtkWidget  *mp_window_get_requests_panel (MpWindow      *self);

G_END_DECLS
