/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "mp-history.h"

G_BEGIN_DECLS

#define MP_TYPE_PAGE (mp_page_get_type ())

/* What the delegations, people, rooms and requests pages have in common:
 * they show the plan of a history and edit it through that history (the
 * window sets "history" as documents come and go). */
G_DECLARE_DERIVABLE_TYPE (MpPage, mp_page, MP, PAGE, AdwBin)

struct _MpPageClass
{
  AdwBinClass parent_class;

  /* The history, and so the plan, is another (or NULL): show it. */
  void (* history_changed) (MpPage *self);
};

MpHistory *mp_page_get_history (MpPage    *self);
void       mp_page_set_history (MpPage    *self,
                                MpHistory *history);
/* The history's plan, or NULL. */
MpPlan    *mp_page_get_plan    (MpPage    *self);

/* The page's history, in the pages' own code. */
#define MP_PAGE_HISTORY(page) (mp_page_get_history (MP_PAGE (page)))

G_END_DECLS
