/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Messages read in another language through the catalogues built from
 * po/ (Spanish and French): what the sources leave to translators is
 * really translated. No display. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "mp-commands.h"
#include "mp-plan-file.h"
#include "test-ui-utils.h"

/* “Did you mean” names the nearest ids in the language's quotation marks,
 * joined with its separator: «hagel» in Spanish, « hagel » in French. */
static void
test_suggestions_quoted (gconstpointer data)
{
  const char *language = data;
  MpPlan *plan = test_load_sample ();
  g_autofree char *quoted = NULL;
  g_autofree char *suggested = NULL;
  g_autofree char *two = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *usa = NULL;
  g_autofree char *mex = NULL;

  g_setenv ("LANGUAGE", language, TRUE);
  quoted = g_strdup_printf (_("“%s”"), "hagel");
  if (g_str_equal (quoted, "“hagel”"))
    {
      g_unsetenv ("LANGUAGE");
      g_assert_finalize_object (plan);
      g_test_skip ("the catalogue does not translate the quotation marks");
      return;
    }

  suggested = mp_command_suggest_ids (plan, "hgel");
  g_assert_cmpstr (suggested, ==, quoted);

  /* Two near ids: each quoted, the language's separator between. */
  two = mp_command_suggest_ids (plan, "USX");
  usa = g_strdup_printf (_("“%s”"), "USA");
  mex = g_strdup_printf (_("“%s”"), "MEX");
  expected = g_strconcat (usa, _(", "), mex, NULL);
  g_assert_cmpstr (two, ==, expected);
  g_unsetenv ("LANGUAGE");

  g_assert_finalize_object (plan);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *po_dir = NULL;

  /* LC_ALL is C.UTF-8 in the tests: LANGUAGE chooses the catalogue. */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  po_dir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  bindtextdomain (GETTEXT_PACKAGE, po_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_add_data_func ("/translations/suggestions/es", "es", test_suggestions_quoted);
  g_test_add_data_func ("/translations/suggestions/fr", "fr", test_suggestions_quoted);

  return g_test_run ();
}
