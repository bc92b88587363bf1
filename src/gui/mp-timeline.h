/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "mp-conflict-list.h"
#include "mp-history.h"

G_BEGIN_DECLS

#define MP_TYPE_TIMELINE (mp_timeline_get_type ())

/* One day of the plan: rooms across, grouped under their venues, time down
 * the side in the venue's clock. A GtkScrollable: put it straight into a
 * GtkScrolledWindow; the room headers and the time gutter stay in view. */
G_DECLARE_FINAL_TYPE (MpTimeline, mp_timeline, MP, TIMELINE, GtkWidget)

GtkWidget  *mp_timeline_new                  (void);
MpHistory  *mp_timeline_get_history          (MpTimeline      *self);
void        mp_timeline_set_history          (MpTimeline      *self,
                                              MpHistory       *history);
void        mp_timeline_set_conflicts        (MpTimeline      *self,
                                              MpConflictList  *conflicts);
/* Days are counted from 1970-01-01, as mp_date_parse () does. */
gint64      mp_timeline_get_day              (MpTimeline      *self);
void        mp_timeline_set_day              (MpTimeline      *self,
                                              gint64           day);
/* The day a meeting starts on, in its own clock. */
gint64      mp_timeline_get_meeting_day      (MpMeeting       *meeting);
MpMeeting  *mp_timeline_get_selected         (MpTimeline      *self);
void        mp_timeline_set_selected         (MpTimeline      *self,
                                              MpMeeting       *meeting);
/* Marks more meetings as the selection is marked (the meetings of a
 * conflict); NULL clears. A click on the timeline clears it too. */
void        mp_timeline_set_highlighted      (MpTimeline      *self,
                                              const char * const *meeting_ids);
gboolean    mp_timeline_is_highlighted       (MpTimeline      *self,
                                              const char      *meeting_id);
/* Shows only the meetings of a delegation or a person (an id of either);
 * NULL shows all. */
const char *mp_timeline_get_filter           (MpTimeline      *self);
void        mp_timeline_set_filter           (MpTimeline      *self,
                                              const char      *id);
/* A second time column, in zone (NULL: none), headed by label. */
void        mp_timeline_set_second_clock     (MpTimeline      *self,
                                              GTimeZone       *zone,
                                              const char      *label);

/* What is drawn: the meetings of the day that pass the filter. */
GPtrArray  *mp_timeline_list_meetings        (MpTimeline      *self);
/* Where a meeting's block is, in the widget's coordinates. */
gboolean    mp_timeline_get_meeting_bounds   (MpTimeline      *self,
                                              MpMeeting       *meeting,
                                              graphene_rect_t *bounds);
MpMeeting  *mp_timeline_get_meeting_at       (MpTimeline      *self,
                                              double           x,
                                              double           y);
/* The point of a room's column at a clock time (minutes after midnight);
 * room_id NULL is the column of meetings without a room. */
gboolean    mp_timeline_get_point            (MpTimeline      *self,
                                              const char      *room_id,
                                              int              minutes,
                                              double          *x,
                                              double          *y);
void        mp_timeline_scroll_to_meeting    (MpTimeline      *self,
                                              MpMeeting       *meeting);
/* Drags from (x, y) by (dx, dy) through the same code as the pointer does:
 * a block's body moves it, its bottom edge changes its length. */
gboolean    mp_timeline_drag                 (MpTimeline      *self,
                                              double           x,
                                              double           y,
                                              double           dx,
                                              double           dy);
/* The same, in steps, as the pointer's gesture makes them. */
gboolean    mp_timeline_drag_begin           (MpTimeline      *self,
                                              double           x,
                                              double           y);
void        mp_timeline_drag_update          (MpTimeline      *self,
                                              double           dx,
                                              double           dy);
gboolean    mp_timeline_drag_end             (MpTimeline      *self);
/* Places a request as a new tentative meeting at a point; the drop target
 * calls this. Returns the meeting (owned by the plan) or NULL. */
MpMeeting  *mp_timeline_place_request        (MpTimeline      *self,
                                              MpRequest       *request,
                                              double           x,
                                              double           y);
/* The meeting placing request would make, not yet in the plan (a new
 * reference), for the meeting editor: on the day shown at the first slot
 * of the day (or at the request's earliest start when that is later), in
 * the first room that serves its kind, seats its people and is free then,
 * else in none. NULL when that time does not exist. */
MpMeeting  *mp_timeline_draft_request        (MpTimeline      *self,
                                              MpRequest       *request);

G_END_DECLS
