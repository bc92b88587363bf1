/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "mp-page.h"

G_BEGIN_DECLS

#define MP_TYPE_ROOMS_PAGE (mp_rooms_page_get_type ())

G_DECLARE_FINAL_TYPE (MpRoomsPage, mp_rooms_page, MP, ROOMS_PAGE, MpPage)

/* The venues, each followed by its rooms; rooms without a venue last. */
GtkWidget  *mp_rooms_page_new                (void);
/* record is an MpVenue or an MpRoom. */
void        mp_rooms_page_select             (MpRoomsPage *self,
                                              gpointer     record);
gpointer    mp_rooms_page_get_selected       (MpRoomsPage *self);
GListModel *mp_rooms_page_get_model          (MpRoomsPage *self);
/* Travel between two venues: sets the entry's minutes, adding the entry
 * when there is none; minutes < 0 removes it. One undo step. */
void        mp_rooms_page_set_travel_minutes (MpRoomsPage *self,
                                              const char  *venue_a,
                                              const char  *venue_b,
                                              int          minutes);
/* Whether the selected room serves kind (one undo step). */
void        mp_rooms_page_set_kind           (MpRoomsPage   *self,
                                              MpMeetingKind  kind,
                                              gboolean       serves);

G_END_DECLS
