/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What every benchmark program measures with. */

#include <glib.h>
#include <time.h>

G_BEGIN_DECLS

/* CPU time of this thread, in microseconds: on a busy machine wall time
 * measures the neighbours too, CPU time does not (but leaves out waits). */
static inline gint64
bench_cpu_now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static inline int
bench_compare_doubles (gconstpointer a,
                       gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* Sorts values (doubles) and returns their median. */
static inline double
bench_median (GArray *values)
{
  g_array_sort (values, bench_compare_doubles);
  if (values->len % 2 == 1)
    return g_array_index (values, double, values->len / 2);
  return (g_array_index (values, double, values->len / 2 - 1) +
          g_array_index (values, double, values->len / 2)) / 2;
}

G_END_DECLS
