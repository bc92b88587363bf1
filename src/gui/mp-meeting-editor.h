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
/* A new meeting not yet in the plan (one that places a request, say):
 * edits change it directly, with nothing to undo; _add () puts it in the
 * plan as one undo step, after which the editor edits it as any other.
 * Closing the editor, or another meeting, puts the draft away. */
void       mp_meeting_editor_set_draft   (MpMeetingEditor *self,
                                          MpMeeting       *draft);
gboolean   mp_meeting_editor_get_is_draft (MpMeetingEditor *self);
/* What the Add button does; FALSE (and the error shown) when the times
 * typed are not valid or the plan refuses the meeting. Emits "added". */
gboolean   mp_meeting_editor_add         (MpMeetingEditor *self);
/* The message shown under the time rows, or NULL when they are valid. */
const char *mp_meeting_editor_get_error  (MpMeetingEditor *self);

G_END_DECLS
