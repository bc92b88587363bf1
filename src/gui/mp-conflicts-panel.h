/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "mp-conflict-list.h"

G_BEGIN_DECLS

#define MP_TYPE_CONFLICTS_PANEL (mp_conflicts_panel_get_type ())

/* The list of a plan's conflicts, one sentence each; activating one emits
 * ::conflict-activated. */
G_DECLARE_FINAL_TYPE (MpConflictsPanel, mp_conflicts_panel, MP, CONFLICTS_PANEL, GtkWidget)

GtkWidget      *mp_conflicts_panel_new           (void);
MpConflictList *mp_conflicts_panel_get_conflicts (MpConflictsPanel *self);
void            mp_conflicts_panel_set_conflicts (MpConflictsPanel *self,
                                                  MpConflictList   *conflicts);
/* Activates the conflict at position, as a click does. */
void            mp_conflicts_panel_activate      (MpConflictsPanel *self,
                                                  guint             position);

G_END_DECLS
