/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * bench-plan: how long a plan takes to load, check and save, and how much
 * memory that takes.
 *
 *   bench-plan [--runs N] PLAN.ministerial
 *
 * Prints the median of N runs (default 11) of: json-glib alone parsing the
 * file (a reference), load, check, load and check, save (to a temporary
 * folder, replacing the file each time as an editor does), and the peak
 * resident memory of the process. Times are given twice: the CPU time of
 * the thread (user and system), which other work on the machine does not
 * inflate but which leaves out waits (the disk, on save), and wall time.
 * Build with --buildtype=release.
 *
 * A developer tool, not installed: its messages are not translated.
 */

#define G_LOG_DOMAIN "bench-plan"

#include "bench-common.h"
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

#include "mp-conflicts.h"
#include "mp-plan-file.h"

typedef struct
{
  const char *name;
  const char *target;
  GArray     *cpu;    /* ms */
  GArray     *wall;   /* ms */
} Figure;

typedef struct
{
  gint64 cpu;         /* µs */
  gint64 wall;        /* µs */
} Stamp;

/* CPU time of this thread and wall time, in microseconds. On a busy
 * machine wall time measures the neighbours too; CPU time does not, but
 * leaves out waits (the disk, on save). */
static Stamp
now (void)
{
  Stamp stamp;

  stamp.cpu = bench_cpu_now ();
  stamp.wall = g_get_monotonic_time ();
  return stamp;
}

static void
record (Figure *figure,
        Stamp   from,
        Stamp   to)
{
  double cpu = (to.cpu - from.cpu) / 1000.0;
  double wall = (to.wall - from.wall) / 1000.0;

  g_array_append_val (figure->cpu, cpu);
  g_array_append_val (figure->wall, wall);
}

static void
add (Figure *figure,
     Stamp   began)
{
  record (figure, began, now ());
}

static MpPlan *
load (GFile *file)
{
  g_autoptr(GError) error = NULL;
  MpPlan *plan = mp_plan_file_load (file, &error);

  if (plan == NULL)
    {
      g_printerr ("bench-plan: %s\n", error->message);
      exit (2);
    }
  return plan;
}

int
main (int   argc,
      char *argv[])
{
  int runs = 11;
  GOptionEntry entries[] = {
    { "runs", 'n', 0, G_OPTION_ARG_INT, &runs, "How many runs (default 11)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("PLAN.ministerial");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) out = NULL;
  g_autofree char *data = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *out_path = NULL;
  g_autofree char *backup = NULL;
  gsize length;
  guint n_meetings = 0, n_conflicts = 0;
  struct rusage usage;
  Figure figures[] = {
    { "json-glib parse (reference)", NULL, NULL },
    { "load", NULL, NULL },
    { "check", "< 2 ms", NULL },
    { "load + check", "< 40 ms", NULL },
    { "save", "< 30 ms", NULL },
  };
  enum { PARSE, LOAD, CHECK, LOAD_CHECK, SAVE };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2 || runs < 1)
    {
      g_printerr ("bench-plan: %s\n", error != NULL ? error->message : "give one plan file (see --help)");
      return 2;
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  if (!g_file_load_contents (file, NULL, &data, &length, NULL, &error))
    {
      g_printerr ("bench-plan: %s\n", error->message);
      return 2;
    }

  dir = g_dir_make_tmp ("bench-plan-XXXXXX", &error);
  g_assert_no_error (error);
  out_path = g_build_filename (dir, "plan.ministerial", NULL);
  backup = g_strconcat (out_path, "~", NULL);
  out = g_file_new_for_path (out_path);

  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    {
      figures[i].cpu = g_array_new (FALSE, FALSE, sizeof (double));
      figures[i].wall = g_array_new (FALSE, FALSE, sizeof (double));
    }

  for (int run = 0; run < runs; run++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(MpPlan) plan = NULL;
      g_autoptr(GPtrArray) conflicts = NULL;
      Stamp began, loaded;

      began = now ();
      if (!json_parser_load_from_data (parser, data, length, &error))
        g_error ("%s", error->message);
      add (&figures[PARSE], began);
      g_clear_object (&parser);

      began = now ();
      plan = load (file);
      loaded = now ();
      conflicts = mp_conflicts_find (plan);
      add (&figures[LOAD_CHECK], began);
      record (&figures[LOAD], began, loaded);
      n_conflicts = conflicts->len;
      g_clear_pointer (&conflicts, g_ptr_array_unref);

      /* Check alone, on a plan already loaded. */
      began = now ();
      conflicts = mp_conflicts_find (plan);
      add (&figures[CHECK], began);

      began = now ();
      if (!mp_plan_file_save (plan, out, &error))
        g_error ("%s", error->message);
      add (&figures[SAVE], began);

      n_meetings = g_list_model_get_n_items (mp_plan_get_meetings (plan));
    }

  getrusage (RUSAGE_SELF, &usage);

  g_print ("%s: %" G_GSIZE_FORMAT " bytes, %u meetings, %u conflicts; median of %d runs\n",
           argv[1], length, n_meetings, n_conflicts, runs);
  g_print ("  %-28s %11s %11s\n", "", "CPU", "wall");
  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    {
      g_print ("  %-28s %8.2f ms %8.2f ms", figures[i].name,
               bench_median (figures[i].cpu), bench_median (figures[i].wall));
      if (figures[i].target != NULL)
        g_print ("   (target %s)", figures[i].target);
      g_print ("\n");
      g_array_unref (figures[i].cpu);
      g_array_unref (figures[i].wall);
    }
  g_print ("  %-28s %8.1f MB\n", "peak memory (ru_maxrss)", usage.ru_maxrss / 1024.0);

  g_unlink (out_path);
  g_unlink (backup);
  g_rmdir (dir);
  return 0;
}
