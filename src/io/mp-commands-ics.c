/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mp-commands-ics"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "mp-commands.h"
#include "mp-ics.h"
#include "mp-plan-file.h"

static void
unknown_id (MpPlan     *plan,
            const char *option,
            const char *what,
            const char *id)
{
  g_autofree char *nearest = mp_command_suggest_ids (plan, id);

  if (nearest != NULL)
    /* TRANSLATORS: --for or --busy; then “a delegation, participant or
     * room” or “a participant”; the id; the nearest ids, each already in
     * quotation marks and joined (“hagel”, “hogan”) */
    mp_command_error (_("%s: no %s has the id “%s”; did you mean %s?"), option, what, id, nearest);
  else
    mp_command_error (_("%s: no %s has the id “%s”"), option, what, id);
}

/* Meetings without a uid get one (mp_plan_file_prepare); the plan must
 * then be saved, or the next export would give them other uids and every
 * subscribed calendar would hold them twice. */
static guint
count_without_uid (MpPlan *plan)
{
  GListModel *meetings = mp_plan_get_meetings (plan);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(MpMeeting) meeting = g_list_model_get_item (meetings, i);

      n += mp_meeting_get_uid (meeting) == NULL;
    }

  return n;
}

static gboolean
save_plan (MpPlan     *plan,
           const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;

  if (!mp_plan_file_save (plan, file, &error))
    {
      mp_command_error ("%s", error->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
mp_command_keep_uids (MpPlan     *plan,
                      const char *plan_path,
                      guint      *n_new_uids)
{
  *n_new_uids = count_without_uid (plan);
  if (*n_new_uids == 0)
    return TRUE;

  mp_plan_file_prepare (plan);
  return save_plan (plan, plan_path);
}

void
mp_command_say_new_uids (const char *plan_path,
                         guint       n_new_uids)
{
  if (n_new_uids > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "%s: %u meeting had no calendar uid; saved with one\n",
                          "%s: %u meetings had no calendar uid; saved with one\n", n_new_uids),
             plan_path, n_new_uids);
}

int
mp_command_export_ics (const MpCommandOptions *options,
                       const char             *output)
{
  g_autoptr(MpPlan) plan = mp_command_load_plan (options);
  g_autoptr(MpIcsExporter) exporter = NULL;
  g_autoptr(GArray) meetings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  MpRecord *audience = NULL;
  guint n_new_uids;
  gsize length;

  if (plan == NULL)
    return MP_EXIT_BAD_INPUT;

  if (options->for_id != NULL &&
      (audience = mp_ics_lookup_audience (plan, options->for_id)) == NULL)
    {
      unknown_id (plan, "--for", _("delegation, participant or room"), options->for_id);
      return MP_EXIT_BAD_INPUT;
    }

  /* The plan first: a calendar whose uids were not kept is worse than
   * none. */
  if (!mp_command_keep_uids (plan, options->plan_path, &n_new_uids))
    return MP_EXIT_BAD_INPUT;

  exporter = mp_ics_exporter_new (plan);
  meetings = mp_ics_exporter_list (exporter, audience);
  text = mp_ics_exporter_export (exporter, audience, &length);

  if (g_str_equal (output, "-"))
    {
      if (fwrite (text, 1, length, stdout) != length || fflush (stdout) != 0)
        {
          mp_command_error (_("Could not write the calendar to standard output"));
          return MP_EXIT_BAD_INPUT;
        }
      return MP_EXIT_OK;
    }

  if (!g_file_set_contents_full (output, text, length, G_FILE_SET_CONTENTS_CONSISTENT,
                                 0644, &error))
    {
      mp_command_error (_("Could not write %s: %s"), output, error->message);
      return MP_EXIT_BAD_INPUT;
    }

  mp_command_say_new_uids (options->plan_path, n_new_uids);
  g_print (g_dngettext (GETTEXT_PACKAGE, "%s: %u event\n", "%s: %u events\n", meetings->len),
           output, meetings->len);
  return MP_EXIT_OK;
}

int
mp_command_import_ics (const MpCommandOptions *options,
                       const char             *ics_path)
{
  g_autoptr(MpPlan) plan = mp_command_load_plan (options);
  g_autoptr(GFile) ics_file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_auto(MpIcsReport) report = { 0 };
  const char *output;
  gsize length;
  gboolean ok;

  if (plan == NULL)
    return MP_EXIT_BAD_INPUT;

  if (options->busy != NULL && mp_plan_get_participant (plan, options->busy) == NULL)
    {
      unknown_id (plan, "--busy", _("participant"), options->busy);
      return MP_EXIT_BAD_INPUT;
    }

  ics_file = g_file_new_for_commandline_arg (ics_path);
  if (!g_file_load_contents (ics_file, NULL, &data, &length, NULL, &error))
    {
      mp_command_error (_("Could not read %s: %s"), ics_path, error->message);
      return MP_EXIT_BAD_INPUT;
    }

  if (options->busy != NULL)
    ok = mp_ics_import_busy (plan, options->busy, data, length, ics_path, &report, &error);
  else
    ok = mp_ics_import (plan, data, length, ics_path, &report, &error);

  if (!ok)
    {
      mp_command_error ("%s", error->message);
      return MP_EXIT_BAD_INPUT;
    }

  for (guint i = 0; report.notes != NULL && i < report.notes->len; i++)
    g_print ("%s\n", (char *) g_ptr_array_index (report.notes, i));

  if (options->busy != NULL)
    g_print (_("%s: %u events; %u busy times taken from %s’s availability, %u outside it, %u free (cancelled or transparent)\n"),
             ics_path, report.n_events, report.added, options->busy, report.unchanged, report.skipped);
  else
    g_print (_("%s: %u events; %u meetings added, %u updated, %u unchanged (the plan’s sequence is as new), %u skipped\n"),
             ics_path, report.n_events, report.added, report.updated, report.unchanged, report.skipped);

  output = options->output != NULL ? options->output : options->plan_path;
  if (report.added + report.updated > 0 || options->output != NULL)
    {
      if (!save_plan (plan, output))
        return MP_EXIT_BAD_INPUT;
    }

  return MP_EXIT_OK;
}
