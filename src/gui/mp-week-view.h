/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "mp-conflict-list.h"

G_BEGIN_DECLS

#define MP_TYPE_WEEK_VIEW (mp_week_view_get_type ())

/* The whole conference at a glance: a row per room under its venue, a
 * column per day, each meeting a bar at its time of day in its kind's
 * colour, meetings in conflict in the error colour. Clicking a day, or
 * Enter on the cell the arrow keys reached, emits ::day-activated so the
 * window can open that day on the timeline. */
G_DECLARE_FINAL_TYPE (MpWeekView, mp_week_view, MP, WEEK_VIEW, GtkWidget)

GtkWidget  *mp_week_view_new           (void);
MpPlan     *mp_week_view_get_plan      (MpWeekView     *self);
void        mp_week_view_set_plan      (MpWeekView     *self,
                                        MpPlan         *plan);
void        mp_week_view_set_conflicts (MpWeekView     *self,
                                        MpConflictList *conflicts);
/* Shows only the meetings of a delegation or a person; NULL shows all. */
void        mp_week_view_set_filter    (MpWeekView     *self,
                                        const char     *id);

/* The cell the keyboard is on: a day (counted from 1970-01-01) and a room
 * (NULL: the row of meetings without a room). */
gint64      mp_week_view_get_cursor_day  (MpWeekView *self);
const char *mp_week_view_get_cursor_room (MpWeekView *self);
/* Moves the cursor; FALSE when there is no such cell. */
gboolean    mp_week_view_set_cursor      (MpWeekView *self,
                                          gint64      day,
                                          const char *room_id);
/* What a cell holds: meetings shown, and of those, in conflict. */
guint       mp_week_view_count           (MpWeekView *self,
                                          gint64      day,
                                          const char *room_id,
                                          guint      *n_conflicts);
/* Every meeting shown, on every day. */
guint       mp_week_view_count_all       (MpWeekView *self);
/* The cell under a point, in the widget's coordinates. */
gboolean    mp_week_view_get_cell_at     (MpWeekView  *self,
                                          double       x,
                                          double       y,
                                          gint64      *day,
                                          const char **room_id);

G_END_DECLS
