/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MP_TYPE_RECORD_ROW (mp_record_row_get_type ())

G_DECLARE_FINAL_TYPE (MpRecordRow, mp_record_row, MP, RECORD_ROW, AdwBin)

/* One line of a page's list: an optional leading tag, a title and a
 * subtitle, an optional badge and a dimmed detail at the end. A heading row
 * introduces a group (a venue above its rooms). Empty strings hide their
 * label. */
GtkWidget  *mp_record_row_new          (void);
void        mp_record_row_set_title    (MpRecordRow *self,
                                        const char  *title);
const char *mp_record_row_get_title    (MpRecordRow *self);
void        mp_record_row_set_subtitle (MpRecordRow *self,
                                        const char  *subtitle);
const char *mp_record_row_get_subtitle (MpRecordRow *self);
void        mp_record_row_set_prefix   (MpRecordRow *self,
                                        const char  *prefix);
void        mp_record_row_set_badge    (MpRecordRow *self,
                                        const char  *badge,
                                        const char  *style_class);
const char *mp_record_row_get_badge    (MpRecordRow *self);
void        mp_record_row_set_detail   (MpRecordRow *self,
                                        const char  *detail);
void        mp_record_row_set_heading  (MpRecordRow *self,
                                        gboolean     heading);

G_END_DECLS
