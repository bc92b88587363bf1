/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mp-plan.h"

G_BEGIN_DECLS

#define MP_TYPE_HISTORY (mp_history_get_type ())

G_DECLARE_FINAL_TYPE (MpHistory, mp_history, MP, HISTORY, GObject)

/* Undo and redo of every edit of a plan. Views edit through the history
 * (never the model directly) so each edit can be taken back; edits made
 * between begin and end undo as one step, under the label given. */
MpHistory  *mp_history_new            (MpPlan      *plan);
MpPlan     *mp_history_get_plan       (MpHistory   *self);

void        mp_history_begin          (MpHistory   *self,
                                       const char  *label);
void        mp_history_end            (MpHistory   *self);

/* Sets properties as g_object_set () does, remembering the old values. */
void        mp_history_set            (MpHistory   *self,
                                       gpointer     object,
                                       const char  *first_property,
                                       ...) G_GNUC_NULL_TERMINATED;
void        mp_history_set_value      (MpHistory   *self,
                                       gpointer     object,
                                       const char  *property,
                                       const GValue *value);
/* Like _set_value, but folded into the newest step when that step is a
 * change of the same property of the same object made by this function
 * with nothing after it: typing in a field undoes as one step. _seal ends
 * the folding (say, when the field loses focus). */
void        mp_history_set_merged     (MpHistory   *self,
                                       gpointer     object,
                                       const char  *property,
                                       const GValue *value);
/* The same, the step it makes called label ("Rename Meeting"). */
void        mp_history_set_merged_labelled (MpHistory    *self,
                                            const char   *label,
                                            gpointer      object,
                                            const char   *property,
                                            const GValue *value);
void        mp_history_seal           (MpHistory   *self);
gboolean    mp_history_add            (MpHistory   *self,
                                       MpRecord    *record,
                                       GError     **error);
void        mp_history_remove         (MpHistory   *self,
                                       MpRecord    *record);

gboolean    mp_history_get_can_undo   (MpHistory   *self);
gboolean    mp_history_get_can_redo   (MpHistory   *self);
const char *mp_history_get_undo_label (MpHistory   *self);
const char *mp_history_get_redo_label (MpHistory   *self);
gboolean    mp_history_undo           (MpHistory   *self);
gboolean    mp_history_redo           (MpHistory   *self);
void        mp_history_clear          (MpHistory   *self);

G_END_DECLS
