/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "mp-agenda.h"

G_BEGIN_DECLS

/* Prints an agenda of plan (for_id: NULL, or a delegation, person or room;
 * see mp_agenda_new ()) through the print dialog, which also previews it.
 * The pages are the ones --export-pdf writes. Returns FALSE and sets error
 * when the agenda cannot be made (an unknown id, a layout that does not
 * suit it); a failure while printing is shown in a dialog on parent. */
gboolean mp_print_agenda (GtkWindow       *parent,
                          MpPlan          *plan,
                          MpAgendaLayout   layout,
                          const char      *for_id,
                          GError         **error);

/* A print operation that draws agenda's pages (use-full-page, in points);
 * for mp_print_agenda (), and for an export through GTK. */
GtkPrintOperation *mp_print_operation_new (MpAgenda *agenda);

G_END_DECLS
