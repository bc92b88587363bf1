/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "mp-agenda.h"
#include "mp-plan.h"

G_BEGIN_DECLS

#define MP_EXPORT_EACH_ERROR (mp_export_each_error_quark ())

typedef enum
{
  MP_EXPORT_EACH_ERROR_FOLDER,   /* the folder could not be made, or is a file */
  MP_EXPORT_EACH_ERROR_WRITE,    /* a file could not be made or written */
  MP_EXPORT_EACH_ERROR_SHARED_ID, /* an agenda for an id two records share */
} MpExportEachError;

typedef enum
{
  MP_EXPORT_EACH_CALENDARS,  /* .ics, through one MpIcsExporter */
  MP_EXPORT_EACH_AGENDAS,    /* PDF, each audience's default layout */
} MpExportEachKind;

typedef enum
{
  MP_EXPORT_EACH_DEFAULT = 0,
  MP_EXPORT_EACH_ROOMS   = 1 << 0,  /* a file per room too (door cards) */
} MpExportEachFlags;

/* After each file written; called in the thread that writes. */
typedef void (*MpExportEachProgress) (guint    n_written,
                                      guint    n_files,
                                      gpointer user_data);

/* One file for every delegation and every participant of a plan (and every
 * room, with MP_EXPORT_EACH_ROOMS), written into one folder: each
 * delegation's and each person's calendar, or their agendas. The names
 * are chosen when the export is made, from the ids and names, in plan
 * order: "USA – United States.ics", "hagel – Chuck Hagel.ics". The plan
 * must not change while the export lives. */
typedef struct _MpExportEach MpExportEach;

GQuark        mp_export_each_error_quark    (void);

MpExportEach *mp_export_each_new            (MpPlan               *plan,
                                             MpExportEachKind      kind,
                                             MpExportEachFlags     flags);
void          mp_export_each_free           (MpExportEach         *self);
/* For agendas; A4 by default. */
void          mp_export_each_set_paper      (MpExportEach         *self,
                                             MpPaper               paper);

guint         mp_export_each_get_n_files    (MpExportEach         *self);
/* The name of the i-th file in the folder, and whose it is. */
const char   *mp_export_each_get_file_name  (MpExportEach         *self,
                                             guint                 i);
MpRecord     *mp_export_each_get_audience   (MpExportEach         *self,
                                             guint                 i);

/* Makes folder (0700) when it is missing, then writes every file into it,
 * each atomically and readable by its owner only (0600: they tell where
 * ministers will be), then "index.csv": one row per file, with whose it
 * is and their email, for a mail merge; written last, so a folder with an
 * index has every file. A file of that name is replaced. Stops at the
 * first error, which names the file and says how many were written. */
gboolean      mp_export_each_write          (MpExportEach         *self,
                                             const char           *folder,
                                             MpExportEachProgress  progress,
                                             gpointer              user_data,
                                             GCancellable         *cancellable,
                                             GError              **error);
/* How many files the last write wrote, the index aside. */
guint         mp_export_each_get_n_written  (MpExportEach         *self);

/* "Writing calendars… 120 of 2,193", while it writes. */
char         *mp_export_each_format_progress (MpExportEachKind    kind,
                                              guint               n_written,
                                              guint               n_files);
/* "Wrote 2,193 calendars to where", when it is done. */
char         *mp_export_each_format_done    (MpExportEachKind      kind,
                                             guint                 n_written,
                                             const char           *where);

/* text made fit for a file name on any disk (USB sticks included): valid
 * UTF-8 in NFC; no control or direction-override characters; no / \ : * ?
 * " < > |; no leading dot, dash or space, no trailing dot or space; at
 * most max_bytes bytes, cut between characters. May be empty. */
char         *mp_export_each_safe_name      (const char           *text,
                                             gsize                 max_bytes);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MpExportEach, mp_export_each_free)

G_END_DECLS
