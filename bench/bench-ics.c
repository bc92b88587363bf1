/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * bench-ics: how long the calendar export takes, beside the same export
 * written with Python's icalendar (bench/ics-python.py).
 *
 *   bench-ics [--runs N] [--no-python] PLAN.ministerial
 *
 * Prints the median of N runs (default 11) of: the whole plan as one
 * calendar; one calendar per delegation; one calendar per participant
 * (about 2,000 for the UN preset), made, and made and written to files in
 * a temporary folder. Times are the CPU time of the thread. Then runs
 * ics-python.py on the same plan (unless --no-python, or when Debian's
 * Python or its icalendar module is missing) and prints both side by side.
 * Build with --buildtype=release.
 *
 * A developer tool, not installed: its messages are not translated.
 */

#define G_LOG_DOMAIN "bench-ics"

#include "bench-common.h"
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "mp-ics.h"
#include "mp-plan-file.h"

#ifndef ICS_PYTHON
#define ICS_PYTHON "ics-python.py"
#endif

static void
add (GArray *figure,
     gint64  began)
{
  double ms = (bench_cpu_now () - began) / 1000.0;

  g_array_append_val (figure, ms);
}

/* The calendars of every record of type; their total size. */
static gsize
export_each (MpPlan     *plan,
             GType       type,
             const char *dir)
{
  g_autoptr(MpIcsExporter) exporter = mp_ics_exporter_new (plan);
  GListModel *model = mp_plan_get_collection (plan, type);
  gsize total = 0;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(MpRecord) record = g_list_model_get_item (model, i);
      gsize length;
      g_autofree char *text = mp_ics_exporter_export (exporter, record, &length);

      total += length;
      if (dir != NULL)
        {
          g_autofree char *name = g_strconcat (mp_record_get_id (record), ".ics", NULL);
          g_autofree char *path = g_build_filename (dir, name, NULL);
          FILE *f = fopen (path, "wb");

          if (f == NULL || fwrite (text, 1, length, f) != length || fclose (f) != 0)
            g_error ("cannot write %s", path);
        }
    }

  return total;
}

/* ics-python.py's figures, or FALSE when it cannot run here. */
static gboolean
run_python (const char *plan_path,
            double     *whole_ms,
            double     *participants_ms)
{
  const char *argv[] = { "/usr/bin/python3", ICS_PYTHON, "--runs", "3", plan_path, NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *p;
  int status;

  if (!g_file_test (argv[0], G_FILE_TEST_IS_EXECUTABLE) || !g_file_test (argv[1], G_FILE_TEST_EXISTS))
    return FALSE;
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error) ||
      !g_spawn_check_wait_status (status, NULL) ||
      (p = strstr (out, "whole_ms=")) == NULL)
    {
      g_printerr ("bench-ics: %s did not run: %s%s\n", ICS_PYTHON,
                  error != NULL ? error->message : "", err != NULL ? err : "");
      return FALSE;
    }

  *whole_ms = g_ascii_strtod (p + strlen ("whole_ms="), NULL);
  p = strstr (out, "participants_ms=");
  *participants_ms = p != NULL ? g_ascii_strtod (p + strlen ("participants_ms="), NULL) : 0;
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  int runs = 11;
  gboolean no_python = FALSE;
  GOptionEntry entries[] = {
    { "runs", 'n', 0, G_OPTION_ARG_INT, &runs, "How many runs (default 11)", "N" },
    { "no-python", 0, 0, G_OPTION_ARG_NONE, &no_python, "Do not run ics-python.py", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("PLAN.ministerial");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(MpPlan) plan = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GArray) whole = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) delegations = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) people = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) people_files = g_array_new (FALSE, FALSE, sizeof (double));
  gsize whole_bytes = 0, people_bytes = 0;
  double python_whole = 0, python_people = 0;
  double cold_ms = 0, whole_ms, people_ms;
  guint n_people;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2 || runs < 1)
    {
      g_printerr ("bench-ics: %s\n", error != NULL ? error->message : "give one plan file (see --help)");
      return 2;
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  plan = mp_plan_file_load (file, &error);
  if (plan == NULL)
    {
      g_printerr ("bench-ics: %s\n", error->message);
      return 2;
    }
  mp_plan_file_prepare (plan);
  n_people = g_list_model_get_n_items (mp_plan_get_participants (plan));

  dir = g_dir_make_tmp ("bench-ics-XXXXXX", &error);
  g_assert_no_error (error);

  /* Each figure in its own loop, after one run that is not counted (it
   * pays for libical reading the zone from tzdata), so that one figure's
   * garbage does not land on the next. */
  for (int run = -1; run < runs; run++)
    {
      g_autofree char *text = NULL;
      gint64 began = bench_cpu_now ();

      text = mp_ics_export (plan, NULL, &whole_bytes);
      if (run >= 0)
        add (whole, began);
      else
        cold_ms = (bench_cpu_now () - began) / 1000.0;
    }
  for (int run = -1; run < runs; run++)
    {
      gint64 began = bench_cpu_now ();

      export_each (plan, MP_TYPE_DELEGATION, NULL);
      if (run >= 0)
        add (delegations, began);
    }
  for (int run = -1; run < runs; run++)
    {
      gint64 began = bench_cpu_now ();

      people_bytes = export_each (plan, MP_TYPE_PARTICIPANT, NULL);
      if (run >= 0)
        add (people, began);
    }
  for (int run = -1; run < runs; run++)
    {
      gint64 began = bench_cpu_now ();

      export_each (plan, MP_TYPE_PARTICIPANT, dir);
      if (run >= 0)
        add (people_files, began);
    }

  whole_ms = bench_median (whole);
  people_ms = bench_median (people);
  g_print ("%s: %u meetings, %u participants; median of %d runs (thread CPU time)\n",
           argv[1], g_list_model_get_n_items (mp_plan_get_meetings (plan)), n_people, runs);
  g_print ("  %-40s %9.2f ms  %8.1f kB   (target < 25 ms; best %.2f ms)\n", "whole plan, one calendar",
           whole_ms, whole_bytes / 1024.0, g_array_index (whole, double, 0));
  g_print ("  %-40s %9.2f ms\n", "  the first time (libical reads tzdata)", cold_ms);
  g_print ("  %-40s %9.2f ms\n", "one calendar per delegation", bench_median (delegations));
  g_print ("  %-40s %9.2f ms  %8.1f kB   (target < 1 s; best %.2f ms)\n", "one calendar per participant",
           people_ms, people_bytes / 1024.0, g_array_index (people, double, 0));
  g_print ("  %-40s %9.2f ms\n", "  the same, written to files", bench_median (people_files));

  if (!no_python && run_python (argv[1], &python_whole, &python_people))
    {
      g_print ("  side by side          libical (Ministerial)   Python icalendar   ratio\n");
      g_print ("    whole plan          %12.2f ms %15.1f ms %8.1fx\n",
               whole_ms, python_whole, python_whole / whole_ms);
      g_print ("    each participant    %12.2f ms %15.1f ms %8.1fx\n",
               people_ms, python_people, python_people / people_ms);
    }

  /* Clean up the written calendars. */
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);
        g_remove (path);
      }
    g_rmdir (dir);
  }

  return 0;
}
