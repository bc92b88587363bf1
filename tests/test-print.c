/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "mp-plan-file.h"
#include "mp-print.h"
#include "test-ui-utils.h"

/* Printing and --export-pdf draw the same pages: a print operation run as
 * an export gives the PDF that mp_agenda_write_pdf () writes. */

static char *
run_tool (const char *tool,
          const char *path)
{
  const char *argv[] = { tool, path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  /* pdfinfo takes no output argument. */
  if (g_str_equal (tool, "pdfinfo"))
    argv[2] = NULL;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
test_print_matches_pdf (void)
{
  g_autoptr(MpPlan) plan = test_load_sample ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) printed = g_date_time_new_utc (2014, 4, 22, 12, 0, 0);
  g_autofree char *dir = g_dir_make_tmp ("ministerial-print-XXXXXX", &error);
  g_autofree char *printed_path = g_build_filename (dir, "printed.pdf", NULL);
  g_autofree char *direct_path = g_build_filename (dir, "direct.pdf", NULL);
  g_autoptr(GFile) direct = g_file_new_for_path (direct_path);
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr(MpAgenda) agenda = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autofree char *printed_text = NULL;
  g_autofree char *direct_text = NULL;
  g_autofree char *printed_info = NULL;
  g_autofree char *direct_info = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  GtkPrintOperationResult result;

  g_assert_no_error (error);

  if (pdftotext == NULL || pdfinfo == NULL)
    {
      g_test_skip ("poppler-utils (pdftotext, pdfinfo) are not installed");
      return;
    }

  agenda = mp_agenda_new (plan, MP_AGENDA_LAYOUT_AGENDA, "hagel", &error);
  g_assert_no_error (error);
  mp_agenda_set_printed (agenda, printed);

  g_assert_true (mp_agenda_write_pdf (agenda, direct, MP_PAPER_A4, &error));
  g_assert_no_error (error);

  operation = mp_print_operation_new (agenda);
  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_export_filename (operation, printed_path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);

  /* Same pages, same words, in the same order. */
  printed_info = run_tool ("pdfinfo", printed_path);
  direct_info = run_tool ("pdfinfo", direct_path);
  g_assert_nonnull (strstr (printed_info, "Pages:"));
  g_assert_cmpuint (g_ascii_strtoull (strstr (printed_info, "Pages:") + 6, NULL, 10), ==,
                    g_ascii_strtoull (strstr (direct_info, "Pages:") + 6, NULL, 10));
  g_assert_cmpuint (g_ascii_strtoull (strstr (direct_info, "Pages:") + 6, NULL, 10), >=, 2);

  printed_text = run_tool ("pdftotext", printed_path);
  direct_text = run_tool ("pdftotext", direct_path);
  g_assert_nonnull (strstr (printed_text, "Chuck Hagel"));
  g_assert_nonnull (strstr (printed_text, "Soberón"));
  g_assert_cmpstr (printed_text, ==, direct_text);

  g_unlink (printed_path);
  g_unlink (direct_path);
  g_rmdir (dir);

  g_assert_finalize_object (g_steal_pointer (&operation));
  g_assert_finalize_object (g_steal_pointer (&agenda));
  g_assert_finalize_object (g_steal_pointer (&plan));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/print/matches-pdf", test_print_matches_pdf);

  return g_test_run ();
}
