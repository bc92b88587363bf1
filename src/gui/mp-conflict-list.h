/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "mp-conflicts.h"

G_BEGIN_DECLS

#define MP_TYPE_CONFLICT_LIST (mp_conflict_list_get_type ())

/* The conflicts of a plan as a GListModel of MpConflict, found again at
 * idle after the plan changes. */
G_DECLARE_FINAL_TYPE (MpConflictList, mp_conflict_list, MP, CONFLICT_LIST, GObject)

MpConflictList *mp_conflict_list_new             (void);
MpPlan         *mp_conflict_list_get_plan        (MpConflictList *self);
void            mp_conflict_list_set_plan        (MpConflictList *self,
                                                  MpPlan         *plan);
/* Finds the conflicts now rather than at idle. */
void            mp_conflict_list_update          (MpConflictList *self);
gboolean        mp_conflict_list_involves        (MpConflictList *self,
                                                  const char     *meeting_id);

G_END_DECLS
