/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "mp-page.h"

G_BEGIN_DECLS

#define MP_TYPE_REQUESTS_PAGE (mp_requests_page_get_type ())

G_DECLARE_FINAL_TYPE (MpRequestsPage, mp_requests_page, MP, REQUESTS_PAGE, MpPage)

/* The requests, by priority. An unplaced request's row is a drag source
 * whose content is the MpRequest: the timeline takes the drop and places
 * it. */
GtkWidget  *mp_requests_page_new                (void);
void        mp_requests_page_select             (MpRequestsPage *self,
                                                 MpRequest      *request);
MpRequest  *mp_requests_page_get_selected       (MpRequestsPage *self);
/* Compact: the list alone, without the details beside it, for a panel
 * beside the timeline (rows still drag their request onto it). */
gboolean    mp_requests_page_get_compact        (MpRequestsPage *self);
void        mp_requests_page_set_compact        (MpRequestsPage *self,
                                                 gboolean        compact);
/* FALSE (the default) shows only the unplaced requests. */
void        mp_requests_page_set_show_all       (MpRequestsPage *self,
                                                 gboolean        show_all);
GListModel *mp_requests_page_get_model          (MpRequestsPage *self);
/* Adds or removes a person of the selected request (one undo step);
 * FALSE with message when refused. */
gboolean    mp_requests_page_add_participant    (MpRequestsPage *self,
                                                 const char     *participant_id);
gboolean    mp_requests_page_remove_participant (MpRequestsPage *self,
                                                 const char     *participant_id,
                                                 char          **message);

G_END_DECLS
