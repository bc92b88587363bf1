/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * bench-schedule: the scheduler's score, placed requests and time on plans,
 * beside a first-fit baseline and, with --yardstick, the MIP of
 * bench/mip-yardstick.py (CBC): its proven optimum on small plans, an upper
 * bound on large ones (its --bound: a relaxation with room packing cuts).
 *
 *   bench-schedule [--yardstick SCRIPT] [--mip-time-limit S] [--runs N] [--seeds N] PLAN…
 *
 * Each plan is loaded afresh for each run; the times (wall clock and
 * processor) are those of mp_scheduler_run () alone, the fastest of --runs. Every result is applied and checked: a
 * placement that made a conflict is an error (exit 1). --seeds N also runs
 * the scheduler with seeds 0 to N - 1 and prints the spread of its score
 * above the required: how much the default seed's figure owes to luck.
 *
 * A developer tool, not installed: its messages are not translated.
 */

#define G_LOG_DOMAIN "bench-schedule"

#include "config.h"

#include <stdlib.h>
#include <time.h>

#include "mp-conflicts.h"
#include "mp-plan-file.h"
#include "mp-scheduler.h"

static const MpPriority priorities[] = {
  MP_PRIORITY_REQUIRED, MP_PRIORITY_HIGH, MP_PRIORITY_NORMAL, MP_PRIORITY_LOW,
};

typedef struct
{
  gint64 score;
  gint64 max_score;
  guint  placed[4];
  guint  requests[4];
  double seconds;
  double cpu;
  guint  new_conflicts;
  guint  moves;
} Run;

static MpPlan *
load (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  MpPlan *plan = mp_plan_file_load (file, &error);

  if (plan == NULL)
    {
      g_printerr ("bench-schedule: %s\n", error->message);
      exit (2);
    }
  return plan;
}

static guint effort = 0;
static char *save_dir = NULL;
static guint seed = 0;
static int seeds = 1;

static Run
run_once (const char         *path,
          MpScheduleStrategy  strategy)
{
  g_autoptr(MpPlan) plan = load (path);
  g_autoptr(MpScheduleResult) result = NULL;
  g_autoptr(GPtrArray) before = mp_conflicts_find (plan);
  g_autoptr(GPtrArray) after = NULL;
  MpScheduleOptions options = { .strategy = strategy, .effort = effort, .seed = seed };
  Run run = { 0 };

  clock_t cpu = clock ();

  result = mp_scheduler_run (plan, &options, NULL, NULL);
  g_assert (result != NULL);
  run.cpu = (double) (clock () - cpu) / CLOCKS_PER_SEC;
  run.seconds = mp_schedule_result_get_seconds (result);
  run.score = mp_schedule_result_get_score (result);
  run.max_score = mp_schedule_result_get_max_score (result);
  run.moves = mp_schedule_result_get_n_moves (result);
  for (guint i = 0; i < G_N_ELEMENTS (priorities); i++)
    {
      run.placed[i] = mp_schedule_result_get_n_placed (result, priorities[i]);
      run.requests[i] = mp_schedule_result_get_n_requests (result, priorities[i]);
    }

  mp_schedule_result_apply (result, plan, NULL, NULL);
  after = mp_conflicts_find (plan);
  run.new_conflicts = after->len > before->len ? after->len - before->len : 0;

  if (save_dir != NULL && strategy == MP_SCHEDULE_OPTIMIZE)
    {
      g_autofree char *name = g_path_get_basename (path);
      g_autofree char *out = g_build_filename (save_dir, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (out);
      g_autoptr(GError) error = NULL;

      if (!mp_plan_file_save (plan, file, &error))
        g_printerr ("bench-schedule: %s\n", error->message);
    }
  return run;
}

static gint64
above_required (gint64       score,
                const guint *placed)
{
  return score - 1000 * (gint64) placed[MP_PRIORITY_REQUIRED];
}

static void
print_row (const char  *plan,
           const char  *method,
           gint64       score,
           const guint *placed,
           const guint *requests,
           double       seconds,
           double       cpu,
           gint64       reference_above)
{
  g_autofree char *counts = NULL;
  gint64 above = above_required (score, placed);

  counts = g_strdup_printf ("%u/%u %u/%u %u/%u %u/%u",
                            placed[0], requests[0], placed[1], requests[1],
                            placed[2], requests[2], placed[3], requests[3]);
  g_print ("%-16s %-22s %8" G_GINT64_FORMAT " %8" G_GINT64_FORMAT, plan, method, score, above);
  if (reference_above > 0)
    g_print (" %6.1f%%", 100.0 * above / reference_above);
  else
    g_print (" %7s", "");
  if (cpu >= 0)
    g_print ("  %-28s %7.3f s %7.3f s\n", counts, seconds, cpu);
  else
    g_print ("  %-28s %7.3f s\n", counts, seconds);
}

typedef struct
{
  gboolean ok;
  gboolean exact;
  char    *status;
  double   objective;
  double   bound;
  double   seconds;
  guint    placed[4];
  guint    requests[4];
} Yardstick;

static Yardstick
run_yardstick (const char *script,
               const char *path,
               gboolean    relaxation,
               double      time_limit)
{
  g_autofree char *limit = g_strdup_printf ("%g", time_limit);
  const char *argv[] = { "/usr/bin/python3", script, "--time-limit", limit, path,
                         relaxation ? "--bound" : NULL, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  Yardstick y = { 0 };
  JsonObject *o, *placed, *requests;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error) ||
      !json_parser_load_from_data (parser, out, -1, &error) ||
      json_parser_get_root (parser) == NULL || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_printerr ("bench-schedule: the yardstick failed on %s: %s\n", path,
                  error != NULL ? error->message : "no JSON object");
      return y;
    }

  o = json_node_get_object (json_parser_get_root (parser));
  y.ok = TRUE;
  y.exact = !relaxation;
  y.status = g_strdup (json_object_get_string_member_with_default (o, "status", "?"));
  y.objective = json_object_get_double_member_with_default (o, relaxation ? "relaxed_objective" : "objective", 0);
  y.bound = json_object_get_double_member_with_default (o, "bound", 0);
  y.seconds = json_object_get_double_member_with_default (o, "time_s", 0);
  placed = json_object_get_object_member (o, "placed");
  requests = json_object_get_object_member (o, "requests");
  for (guint i = 0; i < G_N_ELEMENTS (priorities); i++)
    {
      const char *nick = mp_enum_to_nick (MP_TYPE_PRIORITY, priorities[i]);

      y.placed[i] = placed != NULL ? json_object_get_int_member_with_default (placed, nick, 0) : 0;
      y.requests[i] = requests != NULL ? json_object_get_int_member_with_default (requests, nick, 0) : 0;
    }
  return y;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *yardstick = NULL;
  double mip_time_limit = 300;
  int relaxation_above = 300;
  int runs = 3;
  gboolean failed = FALSE;
  GOptionEntry entries[] = {
    { "yardstick", 0, 0, G_OPTION_ARG_FILENAME, &yardstick, "bench/mip-yardstick.py, to compare with", "SCRIPT" },
    { "mip-time-limit", 0, 0, G_OPTION_ARG_DOUBLE, &mip_time_limit, "seconds for CBC (default 300)", "S" },
    { "relaxation-above", 0, 0, G_OPTION_ARG_INT, &relaxation_above,
      "use the yardstick's --bound for plans with more requests than this (default 300)", "N" },
    { "effort", 0, 0, G_OPTION_ARG_INT, &effort, "the scheduler's rounds of improvement (default: its own)", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "the scheduler's seed (default 0)", "N" },
    { "save", 0, 0, G_OPTION_ARG_FILENAME, &save_dir, "write each scheduled plan into DIR", "DIR" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "runs of the scheduler per plan; the fastest counts (default 3)", "N" },
    { "seeds", 0, 0, G_OPTION_ARG_INT, &seeds, "also run with seeds 0 to N - 1 and print the spread (default 1: none)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("PLAN…");
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc < 2)
    {
      g_printerr ("bench-schedule: %s\n", error != NULL ? error->message : "no plan given");
      return 2;
    }

  g_print ("%-16s %-22s %8s %8s %7s  %-28s %9s %9s\n", "plan", "method", "score", "above", "of ref",
           "req high normal low", "wall", "cpu");

  for (int a = 1; a < argc; a++)
    {
      g_autofree char *name = g_path_get_basename (argv[a]);
      Run first_fit = run_once (argv[a], MP_SCHEDULE_FIRST_FIT);
      Run best = run_once (argv[a], MP_SCHEDULE_OPTIMIZE);
      Yardstick y = { 0 };
      gint64 reference = 0;
      guint n_requests = 0;

      for (int r = 1; r < runs; r++)
        {
          Run again = run_once (argv[a], MP_SCHEDULE_OPTIMIZE);

          if (again.score != best.score)
            {
              g_printerr ("bench-schedule: %s: two runs scored %" G_GINT64_FORMAT " and %" G_GINT64_FORMAT "\n",
                          name, best.score, again.score);
              failed = TRUE;
            }
          best.seconds = MIN (best.seconds, again.seconds);
          best.cpu = MIN (best.cpu, again.cpu);
        }

      for (guint i = 0; i < G_N_ELEMENTS (priorities); i++)
        n_requests += best.requests[i];

      if (yardstick != NULL)
        y = run_yardstick (yardstick, argv[a], (int) n_requests > relaxation_above, mip_time_limit);
      if (y.ok)
        reference = (gint64) y.bound - 1000 * (gint64) best.placed[MP_PRIORITY_REQUIRED];

      print_row (name, "first fit", first_fit.score, first_fit.placed, first_fit.requests,
                 first_fit.seconds, first_fit.cpu, reference);
      print_row (name, "scheduler", best.score, best.placed, best.requests, best.seconds, best.cpu, reference);
      if (y.ok)
        {
          g_autofree char *method = g_strdup_printf ("%s (%s)", y.exact ? "MIP" : "bound", y.status);
          guint req = best.placed[MP_PRIORITY_REQUIRED];

          if (y.exact)
            print_row (name, method, (gint64) (y.objective + 0.5), y.placed, y.requests, y.seconds, -1, reference);
          g_print ("%-16s %-22s %8.0f %8" G_GINT64_FORMAT "   (above: beyond the scheduler's required ones)\n", name,
                   y.exact ? "MIP bound" : "upper bound", y.bound, reference);
          /* No schedule places more required requests than the scheduler
           * when the bound is below 1000 for each of them and one more. */
          if (req == best.requests[MP_PRIORITY_REQUIRED])
            g_print ("%-16s scheduler places all %u required\n", name, req);
          else if (y.bound < 1000.0 * (req + 1))
            g_print ("%-16s scheduler places all placeable required: %u of %u (the bound allows no more)\n",
                     name, req, best.requests[MP_PRIORITY_REQUIRED]);
          else
            g_print ("%-16s scheduler places %u of %u required; the %s places %u\n", name, req,
                     best.requests[MP_PRIORITY_REQUIRED], y.exact ? "MIP" : "bound's solution",
                     y.placed[MP_PRIORITY_REQUIRED]);
          if (y.exact && g_strcmp0 (y.status, "optimal") == 0)
            g_print ("%-16s scheduler %s the proven optimum\n", name,
                     best.score == (gint64) (y.objective + 0.5) ? "reaches" : "falls short of");
        }
      g_free (y.status);

      if (seeds > 1)
        {
          guint saved_seed = seed;
          gint64 lowest = G_MAXINT64, highest = G_MININT64, sum = 0;

          for (seed = 0; seed < (guint) seeds; seed++)
            {
              Run one = run_once (argv[a], MP_SCHEDULE_OPTIMIZE);
              gint64 above = above_required (one.score, one.placed);

              lowest = MIN (lowest, above);
              highest = MAX (highest, above);
              sum += above;
              if (one.new_conflicts > 0)
                failed = TRUE;
            }
          seed = saved_seed;
          g_print ("%-16s scheduler, seeds 0 to %d: above the required %" G_GINT64_FORMAT " to %" G_GINT64_FORMAT
                   ", mean %.1f\n", name, seeds - 1, lowest, highest, (double) sum / seeds);
        }

      if (first_fit.new_conflicts > 0 || best.new_conflicts > 0)
        {
          g_printerr ("bench-schedule: %s: placements made %u and %u new conflicts\n",
                      name, first_fit.new_conflicts, best.new_conflicts);
          failed = TRUE;
        }
    }

  return failed ? 1 : 0;
}
