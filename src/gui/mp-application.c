/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mp-application"

#include "config.h"

#include <glib/gi18n.h>

#include "mp-application.h"
#include "mp-commands.h"
#include "mp-window.h"

struct _MpApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (MpApplication, mp_application, ADW_TYPE_APPLICATION)

static const GOptionEntry main_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and exit"), NULL },
  { "check", 0, 0, G_OPTION_ARG_NONE, NULL, N_("List the plan’s conflicts and exit"), NULL },
  { "json", 0, 0, G_OPTION_ARG_NONE, NULL, N_("With --check: print the conflicts as JSON"), NULL },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, NULL, N_("Write the result to FILE"), N_("FILE") },
  { "for", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Only the meetings of a delegation, person or room"), N_("ID") },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[PLAN…]") },
  { NULL }
};

/* The headless commands run here, before any display is opened, so that
 * they work over ssh and in CI. */
static int
mp_application_handle_local_options (GApplication *app,
                                     GVariantDict *dict)
{
  g_autofree const char **files = NULL;
  MpCommandOptions options = { 0 };

  if (g_variant_dict_contains (dict, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return MP_EXIT_OK;
    }

  g_variant_dict_lookup (dict, G_OPTION_REMAINING, "^a&ay", &files);
  g_variant_dict_lookup (dict, "output", "^&ay", &options.output);
  g_variant_dict_lookup (dict, "for", "&s", &options.for_id);
  options.json = g_variant_dict_contains (dict, "json");

  if (g_variant_dict_contains (dict, "check"))
    {
      if (files == NULL || files[0] == NULL || files[1] != NULL)
        {
          mp_command_error (_("--check takes exactly one plan file"));
          return MP_EXIT_BAD_INPUT;
        }
      options.plan_path = files[0];
      return mp_command_check (&options);
    }

  /* The window: open the files given, or activate. */
  if (files != NULL && files[0] != NULL)
    {
      g_autoptr(GPtrArray) gfiles = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GError) error = NULL;

      for (guint i = 0; files[i] != NULL; i++)
        g_ptr_array_add (gfiles, g_file_new_for_commandline_arg (files[i]));

      if (!g_application_register (app, NULL, &error))
        {
          mp_command_error ("%s", error->message);
          return MP_EXIT_BAD_INPUT;
        }
      g_application_open (app, (GFile **) gfiles->pdata, gfiles->len, "");
      return MP_EXIT_OK;
    }

  return -1;
}

static void
mp_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (mp_window_new (MP_APPLICATION (app)));

  gtk_window_present (window);
}

static void
mp_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    {
      MpWindow *window = mp_window_new (MP_APPLICATION (app));

      mp_window_open (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
mp_application_class_init (MpApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->handle_local_options = mp_application_handle_local_options;
  app_class->activate = mp_application_activate;
  app_class->open = mp_application_open;
}

static void
mp_application_init (MpApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), main_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[PLAN…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Plan ministerial conferences and the meetings around them."));
}

MpApplication *
mp_application_new (void)
{
  return g_object_new (MP_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/ministerial/Ministerial",
                       NULL);
}
