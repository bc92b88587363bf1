/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The command line, run as a user would: the built binary, no display. */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs the binary with the arguments (NULL-terminated), without a display. */
static void
run (Run        *result,
     const char *first,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  const char *binary = g_getenv ("MINISTERIAL");
  const char *arg;
  va_list args;
  int wait_status;

  if (binary == NULL)
    g_error ("MINISTERIAL is not set: run the tests with meson test");

  g_ptr_array_add (argv, (char *) binary);
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                               &result->out, &result->err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  result->status = WEXITSTATUS (wait_status);
}

static char *
sample_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                "north-american-defense-ministerial-2014.ministerial", NULL);
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("test-cli-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        g_assert_cmpint (g_rmdir (path), ==, 0);
      else
        g_assert_cmpint (g_unlink (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* A single line on stderr that begins with "ministerial: " and holds each
 * NULL-terminated fragment. */
static void
assert_one_error (const Run *r,
                  ...)
{
  const char *fragment;
  va_list args;

  g_assert_cmpint (r->status, ==, 2);
  g_assert_cmpstr (r->out, ==, "");
  if (!g_str_has_prefix (r->err, "ministerial: ") || !g_str_has_suffix (r->err, "\n") ||
      strchr (r->err, '\n') != r->err + strlen (r->err) - 1)
    g_error ("not one line of error: “%s”", r->err);

  va_start (args, r);
  while ((fragment = va_arg (args, const char *)) != NULL)
    if (strstr (r->err, fragment) == NULL)
      g_error ("“%s” is not in “%s”", fragment, r->err);
  va_end (args);
}

static void
test_check_sample (void)
{
  g_autofree char *sample = sample_path ();
  g_auto(Run) r = { 0 };
  g_auto(Run) j = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;

  run (&r, "--check", sample, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.err, ==, "");
  g_assert_nonnull (strstr (r.out, "no conflicts"));
  g_assert_nonnull (strstr (r.out, sample));

  run (&j, "--check", "--json", sample, NULL);
  g_assert_cmpint (j.status, ==, 0);
  g_assert_cmpstr (j.err, ==, "");
  g_assert_true (json_parser_load_from_data (parser, j.out, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpuint (json_object_get_size (root), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "conflicts")), ==, 0);
}

/* kind, participant or NULL, room or NULL, meetings */
static const char *expected[][5] = {
  { "participant-overlap", "cienfuegos", NULL, "plenary", "bilateral" },
  { "participant-overlap", "hagel", NULL, "plenary", "bilateral" },
  { "room-overlap", NULL, "hall", "plenary", "briefing" },
  { "unavailable", "hagel", NULL, "dinner", NULL },
  { "travel", "kirby", NULL, "plenary", "departure" },
  { "capacity", NULL, "hall", "plenary", NULL },
};

static void
test_check_json (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "conflicts.ministerial", NULL);
  g_auto(Run) r = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *conflicts;

  run (&r, "--check", "--json", path, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_cmpstr (r.err, ==, "");
  g_assert_true (json_parser_load_from_data (parser, r.out, -1, &error));
  g_assert_no_error (error);

  conflicts = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "conflicts");
  g_assert_cmpuint (json_array_get_length (conflicts), ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      JsonObject *c = json_array_get_object_element (conflicts, i);
      JsonArray *meetings = json_object_get_array_member (c, "meetings");
      guint n_members = 2;

      g_assert_cmpstr (json_object_get_string_member (c, "kind"), ==, expected[i][0]);
      g_assert_cmpstr (json_object_get_string_member_with_default (c, "participant", NULL), ==, expected[i][1]);
      g_assert_cmpstr (json_object_get_string_member_with_default (c, "room", NULL), ==, expected[i][2]);
      g_assert_cmpstr (json_array_get_string_element (meetings, 0), ==, expected[i][3]);
      if (expected[i][4] != NULL)
        g_assert_cmpstr (json_array_get_string_element (meetings, 1), ==, expected[i][4]);
      g_assert_cmpuint (json_array_get_length (meetings), ==, expected[i][4] != NULL ? 2 : 1);
      /* kind, meetings, and the participant or the room: nothing else. */
      g_assert_cmpuint (json_object_get_size (c), ==, n_members + 1);
    }
}

static void
test_check_text (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "conflicts.ministerial", NULL);
  g_auto(Run) r = { 0 };
  g_auto(GStrv) lines = NULL;

  run (&r, "--check", path, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_cmpstr (r.err, ==, "");
  lines = g_strsplit (r.out, "\n", -1);
  /* One line a conflict, a count, and the final newline. */
  g_assert_cmpuint (g_strv_length (lines), ==, G_N_ELEMENTS (expected) + 2);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_true (g_str_has_prefix (lines[i], expected[i][0]));
  g_assert_nonnull (strstr (lines[0], "Salvador Cienfuegos"));
  g_assert_nonnull (strstr (lines[0], "“Plenary”"));
  g_assert_nonnull (strstr (lines[0], "“Bilateral”"));
  g_assert_cmpstr (lines[G_N_ELEMENTS (expected)], ==, "6 conflicts");
}

static void
test_bad_input (void)
{
  g_autofree char *dir = make_temp_dir ();
  const struct { const char *name, *content, *fragment; } cases[] = {
    { "not-json.ministerial", "{\n  \"format\": \"ministerial-plan\",\n  oops\n}\n", ":3:3: not valid JSON: found “oops” where a member name" },
    { "empty.ministerial", "", "empty" },
    { "dangling.ministerial",
      "{\"format\": \"ministerial-plan\", \"version\": 1, \"conference\": {\"title\": \"T\", "
      "\"time_zone\": \"UTC\", \"start_date\": \"2014-04-23\", \"end_date\": \"2014-04-23\", \"host\": \"ATL\"}}",
      "“ATL”" },
    { "newer.ministerial", "{\"format\": \"ministerial-plan\", \"version\": 7}", "newer" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename (dir, cases[i].name, NULL);
      g_auto(Run) r = { 0 };
      g_auto(Run) j = { 0 };

      g_assert_true (g_file_set_contents (path, cases[i].content, -1, NULL));
      run (&r, "--check", path, NULL);
      assert_one_error (&r, path, cases[i].fragment, NULL);
      /* With --json too: nothing on stdout. */
      run (&j, "--check", "--json", path, NULL);
      assert_one_error (&j, path, cases[i].fragment, NULL);
    }

  /* A file that is not there, and a folder. */
  {
    g_autofree char *missing = g_build_filename (dir, "missing.ministerial", NULL);
    g_auto(Run) r = { 0 };
    g_auto(Run) d = { 0 };

    run (&r, "--check", missing, NULL);
    assert_one_error (&r, missing, NULL);
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

    run (&d, "--check", dir, NULL);
    assert_one_error (&d, dir, NULL);
  }

  remove_dir (dir);
}

static void
test_usage (void)
{
  g_autofree char *sample = sample_path ();
  g_auto(Run) none = { 0 };
  g_auto(Run) two = { 0 };
  g_auto(Run) version = { 0 };
  g_auto(Run) help = { 0 };
  g_auto(Run) unknown = { 0 };

  run (&none, "--check", NULL);
  assert_one_error (&none, "--check", NULL);

  run (&two, "--check", sample, sample, NULL);
  assert_one_error (&two, "--check", "one", NULL);

  run (&version, "--version", NULL);
  g_assert_cmpint (version.status, ==, 0);
  g_assert_cmpstr (version.out, ==, PACKAGE_NAME " " PACKAGE_VERSION "\n");
  g_assert_cmpstr (version.err, ==, "");

  run (&help, "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "--check"));
  g_assert_nonnull (strstr (help.out, "--json"));
  g_assert_nonnull (strstr (help.out, "--version"));
  g_assert_cmpstr (help.err, ==, "");

  /* An unknown option is bad usage (2), with a message, and opens no window. */
  run (&unknown, "--no-such-option", sample, NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_cmpstr (unknown.out, ==, "");
  g_assert_nonnull (strstr (unknown.err, "--no-such-option"));
}

static void
test_file_untouched (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *sample = sample_path ();
  g_autofree char *conflicts = g_test_build_filename (G_TEST_DIST, "data", "conflicts.ministerial", NULL);
  const char *sources[] = { sample, conflicts };

  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      g_autofree char *path = g_build_filename (dir, "plan.ministerial", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GFileInfo) info = g_file_info_new ();
      g_autofree char *data = NULL;
      g_autofree char *after = NULL;
      g_auto(Run) r = { 0 };
      g_auto(Run) j = { 0 };
      GStatBuf before_st, after_st;
      g_autoptr(GDir) d = NULL;
      guint n = 0;

      g_assert_true (g_file_get_contents (sources[i], &data, NULL, NULL));
      g_assert_true (g_file_set_contents (path, data, -1, NULL));
      g_assert_cmpint (g_chmod (path, 0640), ==, 0);
      g_file_info_set_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED, 1000000000);
      g_assert_true (g_file_set_attributes_from_info (file, info, G_FILE_QUERY_INFO_NONE, NULL, NULL));
      g_assert_cmpint (g_stat (path, &before_st), ==, 0);

      run (&r, "--check", path, NULL);
      run (&j, "--check", "--json", path, NULL);
      g_assert_cmpint (r.status, ==, i);
      g_assert_cmpint (j.status, ==, i);

      g_assert_cmpint (g_stat (path, &after_st), ==, 0);
      g_assert_cmpint (after_st.st_mtime, ==, 1000000000);
      g_assert_cmpint (after_st.st_mode, ==, before_st.st_mode);
      g_assert_cmpint (after_st.st_ino, ==, before_st.st_ino);
      g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
      g_assert_cmpstr (after, ==, data);

      /* No backup, no temporary file. */
      d = g_dir_open (dir, 0, NULL);
      while (g_dir_read_name (d) != NULL)
        n++;
      g_assert_cmpuint (n, ==, 1);
      g_assert_cmpint (g_unlink (path), ==, 0);
    }

  remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/check-sample", test_check_sample);
  g_test_add_func ("/cli/check-json", test_check_json);
  g_test_add_func ("/cli/check-text", test_check_text);
  g_test_add_func ("/cli/bad-input", test_bad_input);
  g_test_add_func ("/cli/usage", test_usage);
  g_test_add_func ("/cli/file-untouched", test_file_untouched);

  return g_test_run ();
}
