/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "mp-export-each.h"

G_BEGIN_DECLS

/* Writes a file for every delegation and every person of plan, as it is
 * now, into folder, without freezing the window: in a thread, on a copy of
 * the plan (so editing goes on meanwhile). While it runs, a toast on
 * overlay says how far it got and has a Stop button; at the end a toast
 * says how many were written where, with Open Folder. An error is not
 * shown: finish returns it, for the caller to show. */
void      mp_export_each_job_start   (AdwToastOverlay      *overlay,
                                      MpPlan               *plan,
                                      MpExportEachKind      kind,
                                      GFile                *folder,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);
/* n_written: the files written, the index aside, also when it failed or
 * was stopped (G_IO_ERROR_CANCELLED). */
gboolean  mp_export_each_job_finish  (GAsyncResult         *result,
                                      guint                *n_written,
                                      GError              **error);

G_END_DECLS
