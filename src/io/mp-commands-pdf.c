/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mp-commands"

#include "config.h"

#include <glib/gi18n.h>

#include "mp-agenda.h"
#include "mp-commands.h"

static gboolean
plan_has_id (MpPlan     *plan,
             const char *id)
{
  return mp_plan_get_delegation (plan, id) != NULL ||
         mp_plan_get_participant (plan, id) != NULL ||
         mp_plan_get_room (plan, id) != NULL;
}

int
mp_command_export_pdf (const MpCommandOptions *options,
                       const char             *output)
{
  g_autoptr(MpPlan) plan = NULL;
  g_autoptr(MpAgenda) agenda = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  MpAgendaLayout layout;
  MpPaper paper = MP_PAPER_A4;

  /* Usage first: a wrong word needs no plan to be told. */
  if (options->layout != NULL && !mp_agenda_layout_from_nick (options->layout, &layout, &error))
    {
      mp_command_error ("--layout: %s", error->message);
      return MP_EXIT_BAD_INPUT;
    }
  if (options->paper != NULL && !mp_paper_from_nick (options->paper, &paper, &error))
    {
      mp_command_error ("--paper: %s", error->message);
      return MP_EXIT_BAD_INPUT;
    }

  plan = mp_command_load_plan (options);
  if (plan == NULL)
    return MP_EXIT_BAD_INPUT;

  if (options->for_id != NULL && !plan_has_id (plan, options->for_id))
    {
      g_autofree char *nearest = mp_command_suggest_ids (plan, options->for_id);

      if (nearest != NULL)
        /* TRANSLATORS: the id given to --for; the nearest ids, each
         * already in quotation marks and joined (“hagel”, “hogan”) */
        mp_command_error (_("--for: no delegation, person or room has the id “%s”; did you mean %s?"),
                          options->for_id, nearest);
      else
        mp_command_error (_("--for: no delegation, person or room has the id “%s”"), options->for_id);
      return MP_EXIT_BAD_INPUT;
    }

  if (options->layout == NULL && !mp_agenda_default_layout (plan, options->for_id, &layout, &error))
    {
      mp_command_error ("%s", error->message);
      return MP_EXIT_BAD_INPUT;
    }

  agenda = mp_agenda_new (plan, layout, options->for_id, &error);
  if (agenda == NULL)
    {
      mp_command_error ("%s", error->message);
      return MP_EXIT_BAD_INPUT;
    }

  file = g_file_new_for_commandline_arg (output);
  if (!mp_agenda_write_pdf (agenda, file, paper, &error))
    {
      mp_command_error ("%s", error->message);
      return MP_EXIT_BAD_INPUT;
    }

  g_print (g_dngettext (GETTEXT_PACKAGE, "%s: %u page\n", "%s: %u pages\n", mp_agenda_get_n_pages (agenda)),
           output, mp_agenda_get_n_pages (agenda));

  return MP_EXIT_OK;
}
