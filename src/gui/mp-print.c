/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mp-print"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "mp-print.h"

static void
on_begin_print_cb (GtkPrintOperation *operation,
                   GtkPrintContext   *context,
                   gpointer           user_data)
{
  MpAgenda *agenda = user_data;
  PangoContext *pango = gtk_print_context_create_pango_context (context);
  guint n_pages;

  /* With use-full-page and points, the cairo_t of the context has its
   * origin at the corner of the paper and counts in points, as a PDF. */
  n_pages = mp_agenda_paginate (agenda, pango,
                                gtk_print_context_get_width (context),
                                gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, MAX (n_pages, 1));
  g_object_unref (pango);
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page_nr,
                 gpointer           user_data)
{
  MpAgenda *agenda = user_data;

  if (page_nr >= 0 && (guint) page_nr < mp_agenda_get_n_pages (agenda))
    mp_agenda_draw_page (agenda, gtk_print_context_get_cairo_context (context), page_nr);
}

static void
on_done_cb (GtkPrintOperation       *operation,
            GtkPrintOperationResult  result,
            gpointer                 user_data)
{
  GtkWindow *parent = user_data;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;
      GtkWidget *dialog;

      gtk_print_operation_get_error (operation, &error);
      dialog = adw_message_dialog_new (parent, _("Could Not Print"), error != NULL ? error->message : NULL);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }

  g_clear_object (&parent);
  g_object_unref (operation);
}

GtkPrintOperation *
mp_print_operation_new (MpAgenda *agenda)
{
  GtkPrintOperation *operation;

  g_return_val_if_fail (MP_IS_AGENDA (agenda), NULL);

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (operation, mp_agenda_get_title (agenda));
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);

  /* The operation keeps the agenda for its handlers. */
  g_object_set_data_full (G_OBJECT (operation), "mp-agenda", g_object_ref (agenda), g_object_unref);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print_cb), agenda);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), agenda);

  return operation;
}

gboolean
mp_print_agenda (GtkWindow       *parent,
                 MpPlan          *plan,
                 MpAgendaLayout   layout,
                 const char      *for_id,
                 GError         **error)
{
  g_autoptr(MpAgenda) agenda = NULL;
  GtkPrintOperation *operation;
  GtkPrintOperationResult result;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), FALSE);
  g_return_val_if_fail (MP_IS_PLAN (plan), FALSE);

  agenda = mp_agenda_new (plan, layout, for_id, error);
  if (agenda == NULL)
    return FALSE;

  operation = mp_print_operation_new (agenda);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect (operation, "done", G_CALLBACK (on_done_cb),
                    parent != NULL ? g_object_ref (parent) : NULL);

  /* The operation lives until "done", which frees it. */
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, error);

  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}
