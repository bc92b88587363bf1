/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mp-plan.h"

G_BEGIN_DECLS

#define MP_TYPE_CONFLICT (mp_conflict_get_type ())

G_DECLARE_FINAL_TYPE (MpConflict, mp_conflict, MP, CONFLICT, GObject)

/* One conflict of file-format.md: its kind, the person or the room, and
 * the meetings (one or two, in order of start). */
MpConflictKind      mp_conflict_get_kind        (MpConflict *self);
const char         *mp_conflict_get_participant (MpConflict *self);
const char         *mp_conflict_get_room        (MpConflict *self);
const char * const *mp_conflict_get_meetings    (MpConflict *self);
gboolean            mp_conflict_involves        (MpConflict *self,
                                                 const char *meeting_id);
/* A sentence for people: "Hagel is in “A” and “B” at once". */
char               *mp_conflict_describe        (MpConflict *self,
                                                 MpPlan     *plan);

/* Every conflict of the plan, in a stable order: by kind, then by the
 * first meeting's start. O(n log n) in the meetings, plus the conflicts. */
GPtrArray          *mp_conflicts_find           (MpPlan     *plan);

/* The meetings that take part in any conflict: id → GINT_TO_POINTER (1). */
GHashTable         *mp_conflicts_meeting_set    (GPtrArray  *conflicts);

G_END_DECLS
