/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Small helpers shared by the unit tests. */

#include <glib.h>

#include "mp-time.h"

/* Unix seconds of a UTC reading, computed by GLib as a reference. */
static inline gint64
test_utc (int year,
          int month,
          int day,
          int hour,
          int minute)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (year, month, day, hour, minute, 0);

  return g_date_time_to_unix (dt);
}

/* A date-time of the plan file, which must parse. */
static inline MpTime
test_time (const char *text)
{
  g_autoptr(GError) error = NULL;
  MpTime t;

  if (!mp_time_parse (text, &t, &error))
    g_error ("%s", error->message);
  return t;
}
