/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "mp-history.h"
#include "mp-plan.h"

G_BEGIN_DECLS

#define MP_TYPE_DOCUMENT (mp_document_get_type ())

G_DECLARE_FINAL_TYPE (MpDocument, mp_document, MP, DOCUMENT, GObject)

/* An open plan: the plan, its file, its history of edits, whether it has
 * unsaved changes, and a recovery copy written a few seconds after the
 * last edit and removed when the plan is saved or closed. */
MpDocument *mp_document_new                (void);
MpDocument *mp_document_load               (GFile       *file,
                                            GError     **error);
MpPlan     *mp_document_get_plan           (MpDocument  *self);
MpHistory  *mp_document_get_history        (MpDocument  *self);
GFile      *mp_document_get_file           (MpDocument  *self);
gboolean    mp_document_get_modified       (MpDocument  *self);
/* The conference's title, else the file's name, else "Untitled Plan". */
char       *mp_document_dup_title          (MpDocument  *self);
/* Saves to file (NULL: the document's own). On failure the document keeps
 * its file and its unsaved changes. */
gboolean    mp_document_save               (MpDocument  *self,
                                            GFile       *file,
                                            GError     **error);
/* Removes the recovery copy: the plan is being closed on purpose. */
void        mp_document_discard_recovery   (MpDocument  *self);

/* Recovery copies left by a session that ended without closing its plans,
 * newest first. */
typedef struct
{
  char  *path;          /* the recovery copy */
  GFile *original;      /* the plan it is a copy of, or NULL (never saved) */
  gint64 modified;      /* Unix seconds */
} MpRecovery;

void        mp_recovery_free               (MpRecovery  *recovery);
/* Removes a recovery copy the person does not want back. */
void        mp_recovery_delete             (MpRecovery  *recovery);
GPtrArray  *mp_document_list_recoveries    (void);
/* Opens a recovery copy as a modified document of its original file. The
 * copy stays until that document is saved or closed. */
MpDocument *mp_document_recover            (MpRecovery  *recovery,
                                            GError     **error);
char       *mp_document_get_recovery_dir   (void);
char       *mp_document_get_recovery_path  (MpDocument  *self);

/* For tests: the idle delay before the recovery copy is written. */
void        _mp_document_set_recovery_delay (guint       milliseconds);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MpRecovery, mp_recovery_free)

G_END_DECLS
