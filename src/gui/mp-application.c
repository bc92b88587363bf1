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

  gboolean       recovery_checked;
  gboolean       options_parsed;
};

G_DEFINE_FINAL_TYPE (MpApplication, mp_application, ADW_TYPE_APPLICATION)

static const GOptionEntry main_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and exit"), NULL },
  { "check", 0, 0, G_OPTION_ARG_NONE, NULL, N_("List the plan’s conflicts and exit"), NULL },
  { "schedule", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Place the plan’s requests, write the plan (or -o FILE) and exit"), NULL },
  { "json", 0, 0, G_OPTION_ARG_NONE, NULL, N_("With --check: print the conflicts as JSON"), NULL },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, NULL, N_("Write the result to FILE"), N_("FILE") },
  { "for", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Only the meetings of a delegation, person or room"), N_("ID") },
  { "export-ics", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Write the plan’s calendar (.ics) to FILE (- for standard output) and exit"), N_("FILE") },
  { "import-ics", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Add the events of a calendar (.ics) to the plan as meetings and exit"), N_("FILE") },
  { "busy", 0, 0, G_OPTION_ARG_STRING, NULL, N_("With --import-ics: take the events as a participant’s other commitments"), N_("PARTICIPANT") },
  { "export-pdf", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Write a printable agenda (PDF) to FILE and exit"), N_("FILE") },
  { "layout", 0, 0, G_OPTION_ARG_STRING, NULL, N_("With --export-pdf: run-of-show, agenda or room"), N_("LAYOUT") },
  { "paper", 0, 0, G_OPTION_ARG_STRING, NULL, N_("With --export-pdf: a4 (the default) or letter"), N_("SIZE") },
  { "each", 0, 0, G_OPTION_ARG_NONE, NULL, N_("With --export-ics or --export-pdf: write one file for every delegation and every person into the folder given"), NULL },
  { "rooms", 0, 0, G_OPTION_ARG_NONE, NULL, N_("With --each: a file for every room too: its calendar, or its door card"), NULL },
  /* The parameter string ("[PLAN…]") is set once, in init. */
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, NULL },
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

  MP_APPLICATION (app)->options_parsed = TRUE;

  if (g_variant_dict_contains (dict, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return MP_EXIT_OK;
    }

  g_variant_dict_lookup (dict, G_OPTION_REMAINING, "^a&ay", &files);
  g_variant_dict_lookup (dict, "output", "^&ay", &options.output);
  g_variant_dict_lookup (dict, "for", "&s", &options.for_id);
  options.json = g_variant_dict_contains (dict, "json");
  options.rooms = g_variant_dict_contains (dict, "rooms");

  if (options.rooms && !g_variant_dict_contains (dict, "each"))
    {
      mp_command_error (_("--rooms goes with --each"));
      return MP_EXIT_BAD_INPUT;
    }

  if (g_variant_dict_contains (dict, "schedule"))
    {
      if (files == NULL || files[0] == NULL || files[1] != NULL)
        {
          mp_command_error (_("--schedule takes exactly one plan file"));
          return MP_EXIT_BAD_INPUT;
        }
      options.plan_path = files[0];
      return mp_command_schedule (&options);
    }

  if (g_variant_dict_contains (dict, "each"))
    {
      const char *folder = NULL;
      gboolean calendars = g_variant_dict_lookup (dict, "export-ics", "^&ay", &folder);

      if (calendars == g_variant_dict_contains (dict, "export-pdf"))
        {
          mp_command_error (_("--each goes with either --export-ics or --export-pdf"));
          return MP_EXIT_BAD_INPUT;
        }
      if (!calendars)
        g_variant_dict_lookup (dict, "export-pdf", "^&ay", &folder);
      g_variant_dict_lookup (dict, "layout", "&s", &options.layout);
      g_variant_dict_lookup (dict, "paper", "&s", &options.paper);
      if (files == NULL || files[0] == NULL || files[1] != NULL)
        {
          mp_command_error (calendars ? _("--export-ics takes exactly one plan file")
                                      : _("--export-pdf takes exactly one plan file"));
          return MP_EXIT_BAD_INPUT;
        }
      options.plan_path = files[0];
      return mp_command_export_each (&options, folder,
                                     calendars ? MP_EXPORT_EACH_CALENDARS : MP_EXPORT_EACH_AGENDAS);
    }

  if (g_variant_dict_contains (dict, "export-pdf"))
    {
      const char *pdf_path = NULL;

      g_variant_dict_lookup (dict, "export-pdf", "^&ay", &pdf_path);
      g_variant_dict_lookup (dict, "layout", "&s", &options.layout);
      g_variant_dict_lookup (dict, "paper", "&s", &options.paper);
      if (files == NULL || files[0] == NULL || files[1] != NULL)
        {
          mp_command_error (_("--export-pdf takes exactly one plan file"));
          return MP_EXIT_BAD_INPUT;
        }
      options.plan_path = files[0];
      return mp_command_export_pdf (&options, pdf_path);
    }

  if (g_variant_dict_contains (dict, "export-ics") || g_variant_dict_contains (dict, "import-ics"))
    {
      const char *ics_path = NULL;
      gboolean export = g_variant_dict_lookup (dict, "export-ics", "^&ay", &ics_path);

      if (!export)
        g_variant_dict_lookup (dict, "import-ics", "^&ay", &ics_path);
      g_variant_dict_lookup (dict, "busy", "&s", &options.busy);
      if (files == NULL || files[0] == NULL || files[1] != NULL)
        {
          mp_command_error (export ? _("--export-ics takes exactly one plan file")
                                   : _("--import-ics takes exactly one plan file"));
          return MP_EXIT_BAD_INPUT;
        }
      options.plan_path = files[0];
      return export ? mp_command_export_ics (&options, ics_path)
                    : mp_command_import_ics (&options, ics_path);
    }

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

/* The first window of a process offers what a crash left behind: recovery
 * copies of plans that were never closed. When there is none and no file
 * was asked for (reopen_last), it opens the plan open last. */
static MpWindow *
new_window (MpApplication *self,
            gboolean       reopen_last)
{
  MpWindow *window = mp_window_new (self);

  if (!self->recovery_checked)
    {
      self->recovery_checked = TRUE;
      if (!mp_window_check_recovery (window) && reopen_last)
        mp_window_reopen_last (window);
    }
  return window;
}

static void
mp_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (new_window (MP_APPLICATION (app), TRUE));

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
      GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (app));
      MpWindow *window;

      if (MP_IS_WINDOW (active) && mp_window_is_replaceable (MP_WINDOW (active)))
        window = MP_WINDOW (active);
      else
        window = new_window (MP_APPLICATION (app), FALSE);

      mp_window_open (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
new_plan_action (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       data)
{
  MpWindow *window = new_window (MP_APPLICATION (data), FALSE);

  /* A new plan starts with naming its conference. */
  gtk_window_present (GTK_WINDOW (window));
  mp_window_edit_conference (window);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       data)
{
  /* Each window asks about its unsaved changes as it closes. */
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (data)));

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       data)
{
  static const char *developers[] = { "Ministerial developers", NULL };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (data));
  GtkWidget *about = adw_about_window_new ();

  g_object_set (about,
                "transient-for", parent,
                "application-name", _("Ministerial"),
                "application-icon", APP_ID,
                "version", PACKAGE_VERSION,
                "license-type", GTK_LICENSE_GPL_3_0,
                "developers", developers,
                "comments", _("Plan ministerial conferences and the meetings around them."),
                "copyright", "© Ministerial developers",
                NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { "new-plan", new_plan_action },
  { "quit", quit_action },
  { "about", about_action },
};

static const struct {
  const char *action;
  const char *accels[4];
} app_accels[] = {
  { "app.new-plan", { "<Control>n", NULL } },
  { "app.quit", { "<Control>q", NULL } },
  { "win.open", { "<Control>o", NULL } },
  { "win.save", { "<Control>s", NULL } },
  { "win.save-as", { "<Shift><Control>s", NULL } },
  { "win.edit-conference", { "<Alt>Return", NULL } },
  { "win.undo", { "<Control>z", NULL } },
  { "win.redo", { "<Shift><Control>z", "<Control>y", NULL } },
  { "win.previous-day", { "<Alt>Left", "<Control>Page_Up", NULL } },
  { "win.next-day", { "<Alt>Right", "<Control>Page_Down", NULL } },
  { "win.show-sidebar", { "F9", NULL } },
  { "win.show-conflicts", { "<Shift><Control>c", NULL } },
  { "win.show-requests", { "<Shift><Control>r", NULL } },
  { "win.show-second-clock", { "<Shift><Control>t", NULL } },
  { "win.focus-filter", { "<Control>f", NULL } },
  { "win.timeline-view::day", { "<Alt>1", NULL } },
  { "win.timeline-view::week", { "<Alt>2", NULL } },
  { "win.schedule", { "<Control>r", NULL } },
  { "win.export-calendar", { "<Control>e", NULL } },
  { "win.print", { "<Control>p", NULL } },
  { "win.export-pdf", { "<Shift><Control>e", NULL } },
  { "win.show-page::timeline", { "<Control>1", NULL } },
  { "win.show-page::delegations", { "<Control>2", NULL } },
  { "win.show-page::people", { "<Control>3", NULL } },
  { "win.show-page::rooms", { "<Control>4", NULL } },
  { "win.show-page::requests", { "<Control>5", NULL } },
  { "window.close", { "<Control>w", NULL } },
};

static void
mp_application_startup (GApplication *app)
{
  G_APPLICATION_CLASS (mp_application_parent_class)->startup (app);

  /* The dark style follows the system's preference. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  for (guint i = 0; i < G_N_ELEMENTS (app_accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), app_accels[i].action,
                                           app_accels[i].accels);
}

/* GApplication exits with 1 when it cannot parse the options; for us 1
 * means findings (conflicts, unplaced requests), and bad usage is 2. */
static gboolean
mp_application_local_command_line (GApplication   *app,
                                   char         ***arguments,
                                   int            *exit_status)
{
  gboolean handled;

  handled = G_APPLICATION_CLASS (mp_application_parent_class)->local_command_line (app, arguments, exit_status);

  if (handled && !MP_APPLICATION (app)->options_parsed && *exit_status != 0)
    *exit_status = MP_EXIT_BAD_INPUT;

  return handled;
}

static void
mp_application_class_init (MpApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->local_command_line = mp_application_local_command_line;
  app_class->handle_local_options = mp_application_handle_local_options;
  app_class->startup = mp_application_startup;
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
