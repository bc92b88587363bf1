/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Small helpers shared by the unit tests. */

#include <glib.h>
#include <glib/gstdio.h>

#include "mp-plan-file.h"
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

/* Removes a folder and everything below it (links are not followed). */
static inline void
test_remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        test_remove_tree (child);
      else
        g_unlink (child);
      g_free (child);
    }
  g_clear_pointer (&dir, g_dir_close);
  g_rmdir (path);
}

/* How many entries a folder has. */
static inline guint
test_count_dir (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  g_dir_close (dir);
  return n;
}

/* The permission bits of a file. */
static inline guint
test_file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

/* The sample plan of data/samples, which must load. */
static inline MpPlan *
test_load_sample (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("MINISTERIAL_SOURCE_ROOT"), "data", "samples",
                                            "north-american-defense-ministerial-2014.ministerial", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  MpPlan *plan = mp_plan_file_load (file, &error);

  g_assert_no_error (error);
  return plan;
}
