/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "mp-page.h"

G_BEGIN_DECLS

#define MP_TYPE_DELEGATIONS_PAGE (mp_delegations_page_get_type ())

G_DECLARE_FINAL_TYPE (MpDelegationsPage, mp_delegations_page, MP, DELEGATIONS_PAGE, MpPage)

GtkWidget    *mp_delegations_page_new          (void);
/* Shows delegation in the list and its details beside it. */
void          mp_delegations_page_select       (MpDelegationsPage *self,
                                                MpDelegation      *delegation);
MpDelegation *mp_delegations_page_get_selected (MpDelegationsPage *self);
/* The list is in order of precedence: moves the delegation at from to to
 * and rewrites every precedence as 1..n, as one undo step. */
gboolean      mp_delegations_page_move         (MpDelegationsPage *self,
                                                guint              from,
                                                guint              to);
/* The delegations in the order the list shows them (no search). */
GListModel   *mp_delegations_page_get_model    (MpDelegationsPage *self);

G_END_DECLS
