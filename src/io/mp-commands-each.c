/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mp-commands-each"

#include "config.h"

#include <stdio.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "mp-commands.h"
#include "mp-export-each.h"

/* On a terminal, how far it got: the agendas of a UN week take a while. */
static void
show_progress (guint    n_written,
               guint    n_files,
               gpointer user_data)
{
  g_autofree char *text = NULL;

  if (n_written % 50 != 0 && n_written != n_files)
    return;

  text = mp_export_each_format_progress (GPOINTER_TO_INT (user_data), n_written, n_files);
  g_printerr ("\r%s%s", text, n_written == n_files ? "\n" : "");
}

/* Usage first: a wrong word needs no plan to be told. */
static gboolean
check_usage (const MpCommandOptions *options,
             MpExportEachKind        kind,
             MpPaper                *paper)
{
  g_autoptr(GError) error = NULL;

  if (options->for_id != NULL)
    {
      mp_command_error (_("--each writes a file for every delegation and every person: leave out --for, or leave out --each for one file"));
      return FALSE;
    }
  if (options->layout != NULL)
    {
      mp_command_error (_("--each gives every file the layout that suits it: leave out --layout"));
      return FALSE;
    }
  if (kind == MP_EXPORT_EACH_AGENDAS && options->paper != NULL &&
      !mp_paper_from_nick (options->paper, paper, &error))
    {
      mp_command_error ("--paper: %s", error->message);
      return FALSE;
    }
  return TRUE;
}

int
mp_command_export_each (const MpCommandOptions *options,
                        const char             *folder,
                        MpExportEachKind        kind)
{
  g_autoptr(MpPlan) plan = NULL;
  g_autoptr(MpExportEach) export = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  g_autofree char *summary = NULL;
  MpPaper paper = MP_PAPER_A4;
  guint n_new_uids = 0;

  if (!check_usage (options, kind, &paper))
    return MP_EXIT_BAD_INPUT;

  plan = mp_command_load_plan (options);
  if (plan == NULL)
    return MP_EXIT_BAD_INPUT;

  /* As --export-ics does: the plan keeps the uids its calendars carry. */
  if (kind == MP_EXPORT_EACH_CALENDARS && !mp_command_keep_uids (plan, options->plan_path, &n_new_uids))
    return MP_EXIT_BAD_INPUT;

  /* Rooms on request: door cards go to the venue's staff, not in the
   * delegations' mail. */
  export = mp_export_each_new (plan, kind, options->rooms ? MP_EXPORT_EACH_ROOMS : MP_EXPORT_EACH_DEFAULT);
  mp_export_each_set_paper (export, paper);
  if (!mp_export_each_write (export, folder, isatty (STDERR_FILENO) ? show_progress : NULL,
                             GINT_TO_POINTER (kind), NULL, &error))
    {
      if (isatty (STDERR_FILENO))
        g_printerr ("\n");
      mp_command_error ("%s", error->message);
      return MP_EXIT_BAD_INPUT;
    }

  mp_command_say_new_uids (options->plan_path, n_new_uids);

  display = g_filename_display_name (folder);
  summary = mp_export_each_format_done (kind, mp_export_each_get_n_written (export), display);
  g_print ("%s\n", summary);

  return MP_EXIT_OK;
}
