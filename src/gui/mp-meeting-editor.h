/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "mp-history.h"

G_BEGIN_DECLS

#define MP_TYPE_MEETING_EDITOR (mp_meeting_editor_get_type ())

/* The fields of one meeting. Every change applies at once through the
 * history; typing in one field undoes as one step. */
G_DECLARE_FINAL_TYPE (MpMeetingEditor, mp_meeting_editor, MP, MEETING_EDITOR, GtkWidget)

GtkWidget *mp_meeting_editor_new         (void);
MpHistory *mp_meeting_editor_get_history (MpMeetingEditor *self);
void       mp_meeting_editor_set_history (MpMeetingEditor *self,
                                          MpHistory       *history);
MpMeeting *mp_meeting_editor_get_meeting (MpMeetingEditor *self);
void       mp_meeting_editor_set_meeting (MpMeetingEditor *self,
                                          MpMeeting       *meeting);
/* The message shown under the time rows, or NULL when they are valid. */
const char *mp_meeting_editor_get_error  (MpMeetingEditor *self);

G_END_DECLS
