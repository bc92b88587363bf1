/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "mp-page.h"

G_BEGIN_DECLS

#define MP_TYPE_PEOPLE_PAGE (mp_people_page_get_type ())

G_DECLARE_FINAL_TYPE (MpPeoplePage, mp_people_page, MP, PEOPLE_PAGE, MpPage)

GtkWidget     *mp_people_page_new           (void);
/* Shows participant in the list and its details beside it. */
void           mp_people_page_select        (MpPeoplePage  *self,
                                             MpParticipant *participant);
MpParticipant *mp_people_page_get_selected  (MpPeoplePage  *self);
/* Only the people of delegation_id (NULL: everyone), and of those only
 * the ones matching search (NULL: all). */
void           mp_people_page_set_filter    (MpPeoplePage  *self,
                                             const char    *delegation_id,
                                             const char    *search);
/* The people the list shows: by delegation in order of precedence, then
 * role, then name. */
GListModel    *mp_people_page_get_model     (MpPeoplePage  *self);
/* Adds an availability window (the whole conference, to be narrowed),
 * and sets window index of the selected person; both one undo step. */
void           mp_people_page_add_window    (MpPeoplePage  *self);
gboolean       mp_people_page_set_window    (MpPeoplePage  *self,
                                             guint          index,
                                             const char    *start,
                                             const char    *end,
                                             char         **message);
void           mp_people_page_remove_window (MpPeoplePage  *self,
                                             guint          index);

G_END_DECLS
