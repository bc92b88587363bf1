/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mp-commands"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "mp-commands.h"
#include "mp-plan-file.h"
#include "mp-scheduler.h"

/* ministerial --schedule [-o OUT] PLAN: places the requests, writes the
 * plan (to PLAN itself by default, atomically) and prints a summary. */
int
mp_command_schedule (const MpCommandOptions *options)
{
  g_autoptr(MpPlan) plan = mp_command_load_plan (options);
  g_autoptr(MpScheduleResult) result = NULL;
  g_autoptr(GFile) out = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *unplaced;
  guint n_unplaced;
  static const MpPriority priorities[] = {
    MP_PRIORITY_REQUIRED, MP_PRIORITY_HIGH, MP_PRIORITY_NORMAL, MP_PRIORITY_LOW,
  };

  if (plan == NULL)
    return MP_EXIT_BAD_INPUT;

  result = mp_scheduler_run (plan, NULL, NULL, &error);
  if (result == NULL)
    {
      mp_command_error ("%s", error->message);
      return MP_EXIT_BAD_INPUT;
    }

  out = g_file_new_for_commandline_arg (options->output != NULL ? options->output : options->plan_path);
  if (mp_schedule_result_get_changed (result) || options->output != NULL)
    {
      if (!mp_schedule_result_apply (result, plan, NULL, &error) ||
          !mp_plan_file_save (plan, out, &error))
        {
          g_autofree char *name = g_file_get_parse_name (out);

          mp_command_error (_("cannot write %s: %s"), name, error->message);
          return MP_EXIT_BAD_INPUT;
        }
    }

  g_print (g_dngettext (GETTEXT_PACKAGE, "%u new meeting", "%u new meetings",
                        mp_schedule_result_get_added (result)->len),
           mp_schedule_result_get_added (result)->len);
  g_print (g_dngettext (GETTEXT_PACKAGE, ", %u moved\n", ", %u moved\n",
                        mp_schedule_result_get_n_moves (result)),
           mp_schedule_result_get_n_moves (result));

  for (guint i = 0; i < G_N_ELEMENTS (priorities); i++)
    /* Translators: a priority, then placed requests of all of that priority */
    g_print (_("%-10s %u of %u placed\n"),
             mp_priority_label (priorities[i]),
             mp_schedule_result_get_n_placed (result, priorities[i]),
             mp_schedule_result_get_n_requests (result, priorities[i]));

  g_print (_("Score: %" PRId64 " of %" PRId64 "\n"),
           mp_schedule_result_get_score (result),
           mp_schedule_result_get_max_score (result));

  unplaced = mp_schedule_result_get_unplaced (result);
  n_unplaced = g_list_model_get_n_items (unplaced);
  for (guint i = 0; i < n_unplaced; i++)
    {
      g_autoptr(MpScheduleReason) reason = g_list_model_get_item (unplaced, i);
      MpRequest *request = mp_plan_get_request (plan, mp_schedule_reason_get_request (reason));
      const char *title = request != NULL ? mp_request_get_title (request) : NULL;

      if (title != NULL && title[0] != '\0')
        /* Translators: not placed: request id (title): why */
        g_print (_("not placed: %s (%s): %s\n"),
                 mp_schedule_reason_get_request (reason), title,
                 mp_schedule_reason_get_description (reason));
      else
        /* Translators: not placed: request id: why */
        g_print (_("not placed: %s: %s\n"),
                 mp_schedule_reason_get_request (reason),
                 mp_schedule_reason_get_description (reason));
    }

  return n_unplaced == 0 ? MP_EXIT_OK : MP_EXIT_FINDINGS;
}
