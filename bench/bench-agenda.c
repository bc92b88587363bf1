/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * bench-agenda: how long printable agendas take.
 *
 *   bench-agenda [--runs N] [--agendas N] PLAN.ministerial
 *
 * Prints the median of N runs (default 5) of the run of show of the whole
 * plan: made from the plan, laid out on A4, and written to a PDF file (the
 * whole of --export-pdf after the load); then every participant's agenda
 * (or the first --agendas N), each made and written to its own PDF, with
 * the total and the mean per agenda. The first agenda of the process loads
 * the fonts; that is measured apart, as "fonts". Times are the CPU time of
 * the thread (user and system), so that other work on the machine does not
 * count. Build with --buildtype=release.
 *
 * A developer tool, not installed: its messages are not translated.
 */

#define G_LOG_DOMAIN "bench-agenda"

#include "bench-common.h"
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

#include "mp-agenda.h"
#include "mp-plan-file.h"

static MpAgenda *
agenda_new (MpPlan         *plan,
            MpAgendaLayout  layout,
            const char     *for_id)
{
  g_autoptr(GError) error = NULL;
  MpAgenda *agenda = mp_agenda_new (plan, layout, for_id, &error);

  if (agenda == NULL)
    g_error ("%s", error->message);
  return agenda;
}

static void
write_pdf (MpAgenda *agenda,
           GFile    *out)
{
  g_autoptr(GError) error = NULL;

  if (!mp_agenda_write_pdf (agenda, out, MP_PAPER_A4, &error))
    g_error ("%s", error->message);
}

/* Lays out on A4 with the fonts a PDF gets, without writing. */
static guint
paginate (MpAgenda *agenda)
{
  double width, height;
  cairo_surface_t *surface;
  cairo_t *cr;
  PangoContext *context;
  guint n_pages;

  mp_paper_get_size (MP_PAPER_A4, &width, &height);
  surface = cairo_pdf_surface_create (NULL, width, height);
  cr = cairo_create (surface);
  context = pango_cairo_create_context (cr);
  n_pages = mp_agenda_paginate (agenda, context, width, height);
  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  return n_pages;
}

int
main (int   argc,
      char *argv[])
{
  int runs = 5;
  int max_agendas = -1;
  GOptionEntry entries[] = {
    { "runs", 'n', 0, G_OPTION_ARG_INT, &runs, "How many runs of the run of show (default 5)", "N" },
    { "agendas", 'a', 0, G_OPTION_ARG_INT, &max_agendas, "Only the first N participants' agendas (default all)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("PLAN.ministerial");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) out = NULL;
  g_autoptr(MpPlan) plan = NULL;
  g_autoptr(GArray) made = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) laid = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) whole = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *dir = NULL;
  g_autofree char *out_path = NULL;
  GListModel *participants;
  guint n_agendas, pages = 0, agenda_pages = 0;
  gint64 began, fonts, agendas_began, agendas_ms;
  struct rusage usage;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2 || runs < 1)
    {
      g_printerr ("bench-agenda: %s\n", error != NULL ? error->message : "give one plan file (see --help)");
      return 2;
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  plan = mp_plan_file_load (file, &error);
  if (plan == NULL)
    {
      g_printerr ("bench-agenda: %s\n", error->message);
      return 2;
    }

  dir = g_dir_make_tmp ("bench-agenda-XXXXXX", &error);
  g_assert_no_error (error);
  out_path = g_build_filename (dir, "agenda.pdf", NULL);
  out = g_file_new_for_path (out_path);

  /* The fonts, once per process: the first participant's agenda, laid out
   * and not written. */
  began = bench_cpu_now ();
  if (g_list_model_get_n_items (mp_plan_get_participants (plan)) > 0)
    {
      g_autoptr(MpParticipant) first = g_list_model_get_item (mp_plan_get_participants (plan), 0);
      g_autoptr(MpAgenda) agenda = agenda_new (plan, MP_AGENDA_LAYOUT_AGENDA, mp_record_get_id (MP_RECORD (first)));

      paginate (agenda);
    }
  fonts = bench_cpu_now () - began;

  for (int run = 0; run < runs; run++)
    {
      g_autoptr(MpAgenda) agenda = NULL;
      gint64 start, built;
      double ms;

      start = bench_cpu_now ();
      agenda = agenda_new (plan, MP_AGENDA_LAYOUT_RUN_OF_SHOW, NULL);
      built = bench_cpu_now ();
      write_pdf (agenda, out);
      ms = (bench_cpu_now () - start) / 1000.0;
      g_array_append_val (whole, ms);
      ms = (built - start) / 1000.0;
      g_array_append_val (made, ms);
      pages = mp_agenda_get_n_pages (agenda);

      start = bench_cpu_now ();
      paginate (agenda);
      ms = (bench_cpu_now () - start) / 1000.0;
      g_array_append_val (laid, ms);
    }

  participants = mp_plan_get_participants (plan);
  n_agendas = g_list_model_get_n_items (participants);
  if (max_agendas >= 0)
    n_agendas = MIN (n_agendas, (guint) max_agendas);

  agendas_began = bench_cpu_now ();
  for (guint i = 0; i < n_agendas; i++)
    {
      g_autoptr(MpParticipant) participant = g_list_model_get_item (participants, i);
      g_autoptr(MpAgenda) agenda = agenda_new (plan, MP_AGENDA_LAYOUT_AGENDA,
                                               mp_record_get_id (MP_RECORD (participant)));

      write_pdf (agenda, out);
      agenda_pages += mp_agenda_get_n_pages (agenda);
    }
  agendas_ms = (bench_cpu_now () - agendas_began) / 1000;

  getrusage (RUSAGE_SELF, &usage);

  g_print ("%s: %u meetings, %u participants; CPU time, median of %d runs\n", argv[1],
           g_list_model_get_n_items (mp_plan_get_meetings (plan)),
           g_list_model_get_n_items (participants), runs);
  g_print ("  %-40s %9.1f ms\n", "fonts (first agenda of the process)", fonts / 1000.0);
  g_print ("  %-40s %9.1f ms\n", "run of show: made from the plan", bench_median (made));
  g_print ("  %-40s %9.1f ms\n", "run of show: laid out (A4)", bench_median (laid));
  g_print ("  %-40s %9.1f ms   (target < 2000 ms; %u pages)\n", "run of show: made and written (PDF)",
           bench_median (whole), pages);
  g_print ("  %-40s %9.1f ms   (%u agendas, %u pages)\n", "every participant's agenda (PDF each)",
           (double) agendas_ms, n_agendas, agenda_pages);
  if (n_agendas > 0)
    g_print ("  %-40s %9.2f ms\n", "  per agenda", (double) agendas_ms / n_agendas);
  g_print ("  %-40s %9.1f MB\n", "peak memory (ru_maxrss)", usage.ru_maxrss / 1024.0);

  g_unlink (out_path);
  g_rmdir (dir);
  return 0;
}
