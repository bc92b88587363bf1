/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A calendar and an agenda for everyone: mp-export-each and --each. */

#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>
#include <libical/ical.h>

#include "mp-commands.h"
#include "mp-export-each.h"
#include "mp-ics.h"
#include "mp-plan-file.h"
#include "test-utils.h"

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("test-export-each-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
add_person (MpPlan     *plan,
            const char *id,
            const char *name)
{
  g_autoptr(MpParticipant) person = mp_participant_new (id);
  g_autoptr(GError) error = NULL;

  mp_participant_set_name (person, name);
  mp_participant_set_delegation (person, "USA");
  mp_plan_add (plan, MP_RECORD (person), &error);
  g_assert_no_error (error);
}

/* A file name a disk takes, with none of what makes one dangerous. */
static void
assert_safe (const char *name)
{
  g_assert_true (g_utf8_validate (name, -1, NULL));
  g_assert_cmpuint (strlen (name), <=, 255);
  g_assert_null (strpbrk (name, "/\\:*?\"<>|"));
  g_assert_cmpint (name[0], !=, '.');
  g_assert_cmpint (name[0], !=, '-');
  g_assert_cmpint (name[0], !=, ' ');
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_assert_false (g_unichar_iscntrl (c));
      g_assert_false (c == 0x202E || c == 0x2067 || c == 0x200F);
    }
}

static void
test_safe_name (void)
{
  static const struct { const char *text; const char *safe; } cases[] = {
    { "Chuck Hagel", "Chuck Hagel" },
    { "a/b\\c", "a_b_c" },
    { "../../etc/passwd", "_.._etc_passwd" },
    { "..", "" },
    { ".hidden", "hidden" },
    { "-rf", "rf" },
    { " \t spaced \n  out \r", "spaced out" },
    { "tab\there\x01" "bell\x7f", "tab here bell" },
    { "evil\xe2\x80\xae" "fdp.exe", "evilfdp.exe" },
    { "dots...", "dots" },
    { "what? \"yes\" <no> a|b *c: d", "what_ _yes_ _no_ a_b _c_ d" },
    { "Pe\xc3\xb1" "a", "Peña" },
    { "Pen\xcc\x83" "a", "Peña" },             /* NFD becomes NFC */
    { "bad \xff utf8", "bad \xef\xbf\xbd utf8" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *safe = mp_export_each_safe_name (cases[i].text, 120);

      g_assert_cmpstr (safe, ==, cases[i].safe);
    }

  /* Cut between characters: "é" is two bytes. */
  {
    g_autoptr(GString) long_name = g_string_new (NULL);
    g_autofree char *safe = NULL;

    for (guint i = 0; i < 200; i++)
      g_string_append (long_name, "é");
    safe = mp_export_each_safe_name (long_name->str, 121);
    g_assert_cmpuint (strlen (safe), ==, 120);
    g_assert_true (g_utf8_validate (safe, -1, NULL));
  }
}

/* One file per delegation and per person, in plan order, named by id and
 * name; with rooms on request. */
static void
test_names (void)
{
  g_autoptr(MpPlan) plan = test_load_sample ();
  g_autoptr(MpExportEach) each = mp_export_each_new (plan, MP_EXPORT_EACH_CALENDARS, MP_EXPORT_EACH_DEFAULT);
  g_autoptr(MpExportEach) with_rooms = mp_export_each_new (plan, MP_EXPORT_EACH_AGENDAS, MP_EXPORT_EACH_ROOMS);
  guint n_delegations = g_list_model_get_n_items (mp_plan_get_delegations (plan));
  guint n_people = g_list_model_get_n_items (mp_plan_get_participants (plan));
  guint n_rooms = g_list_model_get_n_items (mp_plan_get_rooms (plan));
  gboolean seen_usa = FALSE, seen_hagel = FALSE, seen_plenary = FALSE;

  g_assert_cmpuint (n_delegations, ==, 3);
  g_assert_cmpuint (n_people, ==, 21);
  g_assert_cmpuint (mp_export_each_get_n_files (each), ==, n_delegations + n_people);
  g_assert_cmpuint (mp_export_each_get_n_files (with_rooms), ==, n_delegations + n_people + n_rooms);

  for (guint i = 0; i < mp_export_each_get_n_files (each); i++)
    {
      const char *name = mp_export_each_get_file_name (each, i);
      MpRecord *audience = mp_export_each_get_audience (each, i);

      assert_safe (name);
      g_assert_true (g_str_has_suffix (name, ".ics"));
      g_assert_true (i < n_delegations ? MP_IS_DELEGATION (audience) : MP_IS_PARTICIPANT (audience));
      g_assert_true (g_str_has_prefix (name, mp_record_get_id (audience)));
      seen_usa |= g_str_equal (name, "USA – United States.ics");
      seen_hagel |= g_str_equal (name, "hagel – Chuck Hagel.ics");
    }
  for (guint i = 0; i < mp_export_each_get_n_files (with_rooms); i++)
    {
      g_assert_true (g_str_has_suffix (mp_export_each_get_file_name (with_rooms, i), ".pdf"));
      seen_plenary |= MP_IS_ROOM (mp_export_each_get_audience (with_rooms, i)) &&
                      g_str_has_prefix (mp_export_each_get_file_name (with_rooms, i), "plenary-hall – ");
    }
  g_assert_true (seen_usa);
  g_assert_true (seen_hagel);
  g_assert_true (seen_plenary);

  g_clear_pointer (&each, mp_export_each_free);
  g_clear_pointer (&with_rooms, mp_export_each_free);
  g_assert_finalize_object (g_steal_pointer (&plan));
}

/* Hostile names and duplicates: every name safe and unique, case ignored
 * (a USB stick ignores it), the same from one export to the next. */
static void
test_unique_names (void)
{
  g_autoptr(MpPlan) plan = test_load_sample ();
  g_autoptr(MpExportEach) each = NULL;
  g_autoptr(MpExportEach) again = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) long_name = g_string_new ("Excellency ");

  for (guint i = 0; i < 100; i++)
    g_string_append (long_name, "Ñandú ");
  add_person (plan, "slash", "Defense / Interior");
  add_person (plan, "../up", "..");
  add_person (plan, "..", "");
  add_person (plan, ".dot", ".profile");
  add_person (plan, "ctl", "Line\none\ttab\x01");
  add_person (plan, "rlo", "Minister \xe2\x80\xae" "fdp.exe");
  add_person (plan, "twin", "Same Name");
  add_person (plan, "TWIN", "Same Name");
  add_person (plan, "Twin", "same name");
  add_person (plan, "index", "");
  add_person (plan, "con", NULL);
  add_person (plan, "/", "//");
  add_person (plan, "long", long_name->str);
  add_person (plan, "empty", "");

  each = mp_export_each_new (plan, MP_EXPORT_EACH_CALENDARS, MP_EXPORT_EACH_ROOMS);
  again = mp_export_each_new (plan, MP_EXPORT_EACH_CALENDARS, MP_EXPORT_EACH_ROOMS);
  g_assert_cmpuint (mp_export_each_get_n_files (each), ==, 3 + 21 + 14 + 7);

  for (guint i = 0; i < mp_export_each_get_n_files (each); i++)
    {
      const char *name = mp_export_each_get_file_name (each, i);

      assert_safe (name);
      g_assert_true (g_hash_table_add (seen, g_utf8_casefold (name, -1)));
      g_assert_cmpstr (name, ==, mp_export_each_get_file_name (again, i));
    }
  /* The index keeps its name. */
  g_assert_false (g_hash_table_contains (seen, "index.csv"));

  g_assert_true (g_hash_table_contains (seen, "slash – defense _ interior.ics"));
  g_assert_true (g_hash_table_contains (seen, "_up.ics"));
  g_assert_true (g_hash_table_contains (seen, "dot – profile.ics"));
  g_assert_true (g_hash_table_contains (seen, "ctl – line one tab.ics"));
  g_assert_true (g_hash_table_contains (seen, "rlo – minister fdp.exe.ics"));
  g_assert_true (g_hash_table_contains (seen, "twin – same name.ics"));
  g_assert_true (g_hash_table_contains (seen, "twin – same name (2).ics"));
  g_assert_true (g_hash_table_contains (seen, "twin – same name (3).ics"));
  g_assert_true (g_hash_table_contains (seen, "index.ics"));
  g_assert_true (g_hash_table_contains (seen, "con_.ics"));
  g_assert_true (g_hash_table_contains (seen, "_ – __.ics"));
  g_assert_true (g_hash_table_contains (seen, "empty.ics"));
  /* ".." has nothing a file name can hold. */
  g_assert_true (g_hash_table_contains (seen, "unnamed.ics"));

  g_clear_pointer (&each, mp_export_each_free);
  g_clear_pointer (&again, mp_export_each_free);
  g_assert_finalize_object (g_steal_pointer (&plan));
}

static void
count_progress (guint    n_written,
                guint    n_files,
                gpointer user_data)
{
  guint *calls = user_data;

  g_assert_cmpuint (n_written, ==, *calls + 1);
  g_assert_cmpuint (n_written, <=, n_files);
  *calls = n_written;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The UIDs of a calendar's VEVENTs, sorted. */
static GPtrArray *
parse_uids (const char *path)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *uids = g_ptr_array_new_with_free_func (g_free);
  icalcomponent *root;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  root = icalparser_parse_string (text);
  g_assert_nonnull (root);
  g_assert_cmpint (icalcomponent_isa (root), ==, ICAL_VCALENDAR_COMPONENT);
  for (icalcomponent *event = icalcomponent_get_first_component (root, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (root, ICAL_VEVENT_COMPONENT))
    g_ptr_array_add (uids, g_strdup (icalcomponent_get_uid (event)));
  icalcomponent_free (root);

  g_ptr_array_sort (uids, compare_strings);
  return uids;
}

/* Every calendar parses back with exactly its owner's meetings; every
 * file is its owner's only; the folder is made, private. */
static void
test_calendars (void)
{
  g_autoptr(MpPlan) plan = test_load_sample ();
  g_autoptr(MpIcsExporter) exporter = NULL;
  g_autoptr(MpExportEach) each = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *folder = g_build_filename (dir, "new", "calendars", NULL);
  g_autofree char *index_path = g_build_filename (folder, "index.csv", NULL);
  g_autofree char *index = NULL;
  g_auto(GStrv) rows = NULL;
  guint calls = 0, n_files, n_empty = 0;

  /* Someone with no meeting still gets a calendar: an empty one. */
  add_person (plan, "newcomer", "Jane Newcomer");

  each = mp_export_each_new (plan, MP_EXPORT_EACH_CALENDARS, MP_EXPORT_EACH_DEFAULT);
  n_files = mp_export_each_get_n_files (each);
  g_assert_true (mp_export_each_write (each, folder, count_progress, &calls, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (calls, ==, n_files);
  g_assert_cmpuint (mp_export_each_get_n_written (each), ==, n_files);
  g_assert_cmpuint (test_count_dir (folder), ==, n_files + 1);
  g_assert_cmpuint (test_file_mode (folder), ==, 0700);

  exporter = mp_ics_exporter_new (plan);
  for (guint i = 0; i < n_files; i++)
    {
      MpRecord *audience = mp_export_each_get_audience (each, i);
      g_autofree char *path = g_build_filename (folder, mp_export_each_get_file_name (each, i), NULL);
      g_autoptr(GPtrArray) uids = parse_uids (path);
      g_autoptr(GArray) expected = mp_ics_exporter_list (exporter, audience);
      g_autoptr(GPtrArray) expected_uids = g_ptr_array_new ();

      g_assert_cmpuint (test_file_mode (path), ==, 0600);
      for (guint j = 0; j < expected->len; j++)
        {
          g_autoptr(MpMeeting) meeting = g_list_model_get_item (mp_plan_get_meetings (plan),
                                                               g_array_index (expected, guint, j));

          g_ptr_array_add (expected_uids, (char *) mp_meeting_get_uid (meeting));
        }
      g_ptr_array_sort (expected_uids, compare_strings);

      g_assert_cmpuint (uids->len, ==, expected_uids->len);
      for (guint j = 0; j < uids->len; j++)
        g_assert_cmpstr (uids->pdata[j], ==, expected_uids->pdata[j]);
      n_empty += uids->len == 0;
    }
  g_assert_cmpuint (n_empty, ==, 1);

  /* The index: a header, then one row per file, in order. */
  g_assert_cmpuint (test_file_mode (index_path), ==, 0600);
  g_file_get_contents (index_path, &index, NULL, &error);
  g_assert_no_error (error);
  rows = g_strsplit (index, "\r\n", -1);
  g_assert_cmpstr (rows[0], ==, "file,kind,id,name,delegation,email");
  g_assert_cmpuint (g_strv_length (rows), ==, n_files + 2);
  g_assert_cmpstr (rows[n_files + 1], ==, "");
  g_assert_true (g_str_has_prefix (rows[1], "\"MEX – Mexico.ics\",\"delegation\",\"MEX\",\"Mexico\",\"MEX\","));
  g_assert_cmpstr (rows[n_files], ==, "\"newcomer – Jane Newcomer.ics\",\"participant\",\"newcomer\",\"Jane Newcomer\",\"USA\",\"\"");

  test_remove_tree (dir);
  g_clear_pointer (&exporter, mp_ics_exporter_free);
  g_clear_pointer (&each, mp_export_each_free);
  g_assert_finalize_object (g_steal_pointer (&plan));
}

static char *
run_tool (const char *tool,
          const char *path)
{
  const char *argv[] = { tool, path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  if (g_str_equal (tool, "pdfinfo"))
    argv[2] = NULL;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  return out;
}

static guint
pdf_pages (const char *path)
{
  g_autofree char *info = run_tool ("pdfinfo", path);
  const char *pages = strstr (info, "\nPages:");

  g_assert_nonnull (pages);
  return strtoul (pages + strlen ("\nPages:"), NULL, 10);
}

/* Every agenda is a PDF of its owner's agenda: their name in it, as many
 * pages as the agenda made alone has. */
static void
test_agendas (void)
{
  g_autoptr(MpPlan) plan = test_load_sample ();
  g_autoptr(MpExportEach) each = mp_export_each_new (plan, MP_EXPORT_EACH_AGENDAS, MP_EXPORT_EACH_ROOMS);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  gboolean have_poppler = pdfinfo != NULL && pdftotext != NULL;
  guint n_files = mp_export_each_get_n_files (each);

  mp_export_each_set_paper (each, MP_PAPER_LETTER);
  g_assert_true (mp_export_each_write (each, dir, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (test_count_dir (dir), ==, n_files + 1);

  for (guint i = 0; i < n_files; i++)
    {
      MpRecord *audience = mp_export_each_get_audience (each, i);
      const char *id = mp_record_get_id (audience);
      g_autofree char *path = g_build_filename (dir, mp_export_each_get_file_name (each, i), NULL);
      g_autofree char *data = NULL;
      g_autoptr(MpAgenda) alone = NULL;
      g_autoptr(GBytes) pdf = NULL;
      MpAgendaLayout layout;
      gsize length;

      g_assert_cmpuint (test_file_mode (path), ==, 0600);
      g_file_get_contents (path, &data, &length, &error);
      g_assert_no_error (error);
      g_assert_true (length > 5 && memcmp (data, "%PDF-", 5) == 0);

      g_assert_true (mp_agenda_default_layout (plan, id, &layout, NULL));
      g_assert_cmpint (layout, ==, MP_IS_ROOM (audience) ? MP_AGENDA_LAYOUT_ROOM : MP_AGENDA_LAYOUT_AGENDA);
      alone = mp_agenda_new (plan, layout, id, &error);
      g_assert_no_error (error);
      pdf = mp_agenda_to_pdf (alone, MP_PAPER_LETTER, &error);
      g_assert_no_error (error);

      if (have_poppler)
        {
          g_autofree char *text = run_tool ("pdftotext", path);
          const char *name = MP_IS_PARTICIPANT (audience) ? mp_participant_get_name (MP_PARTICIPANT (audience))
                             : MP_IS_DELEGATION (audience) ? mp_delegation_get_name (MP_DELEGATION (audience))
                             : mp_room_get_name (MP_ROOM (audience));

          g_assert_cmpuint (pdf_pages (path), ==, mp_agenda_get_n_pages (alone));
          g_assert_nonnull (strstr (text, name));
        }
      g_assert_finalize_object (g_steal_pointer (&alone));
    }

  if (!have_poppler)
    g_test_message ("pdfinfo or pdftotext is missing: pages and names not checked");

  test_remove_tree (dir);
  g_clear_pointer (&each, mp_export_each_free);
  g_assert_finalize_object (g_steal_pointer (&plan));
}

/* An agenda is made for an id: a person whose id is a delegation's would
 * get the delegation's. Refused before anything is written. */
static void
test_shared_id (void)
{
  g_autoptr(MpPlan) plan = test_load_sample ();
  g_autoptr(MpExportEach) agendas = NULL;
  g_autoptr(MpExportEach) calendars = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *folder = g_build_filename (dir, "out", NULL);

  add_person (plan, "CAN", "Someone Canadian");
  agendas = mp_export_each_new (plan, MP_EXPORT_EACH_AGENDAS, MP_EXPORT_EACH_DEFAULT);
  g_assert_false (mp_export_each_write (agendas, folder, NULL, NULL, NULL, &error));
  g_assert_error (error, MP_EXPORT_EACH_ERROR, MP_EXPORT_EACH_ERROR_SHARED_ID);
  g_assert_nonnull (strstr (error->message, "“CAN”"));
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* Calendars are made for the record: no confusion there. */
  calendars = mp_export_each_new (plan, MP_EXPORT_EACH_CALENDARS, MP_EXPORT_EACH_DEFAULT);
  g_assert_true (mp_export_each_write (calendars, folder, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  test_remove_tree (dir);
  g_clear_pointer (&agendas, mp_export_each_free);
  g_clear_pointer (&calendars, mp_export_each_free);
  g_assert_finalize_object (g_steal_pointer (&plan));
}

static void
cancel_after_five (guint    n_written,
                   guint    n_files,
                   gpointer user_data)
{
  if (n_written == 5)
    g_cancellable_cancel (user_data);
}

/* Errors name the file and say how many were written; a stop leaves
 * whole files and no index. */
static void
test_errors (void)
{
  g_autoptr(MpPlan) plan = test_load_sample ();
  g_autoptr(MpExportEach) each = mp_export_each_new (plan, MP_EXPORT_EACH_CALENDARS, MP_EXPORT_EACH_DEFAULT);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *not_folder = g_build_filename (dir, "plan.txt", NULL);
  g_autofree char *inside = g_build_filename (not_folder, "sub", NULL);
  g_autofree char *folder = g_build_filename (dir, "out", NULL);
  g_autofree char *blocker = NULL;
  g_autofree char *index_path = g_build_filename (folder, "index.csv", NULL);

  /* A file where the folder should be. */
  g_file_set_contents (not_folder, "x", -1, &error);
  g_assert_no_error (error);
  g_assert_false (mp_export_each_write (each, not_folder, NULL, NULL, NULL, &error));
  g_assert_error (error, MP_EXPORT_EACH_ERROR, MP_EXPORT_EACH_ERROR_FOLDER);
  g_assert_nonnull (strstr (error->message, not_folder));
  g_clear_error (&error);
  g_assert_false (mp_export_each_write (each, inside, NULL, NULL, NULL, &error));
  g_assert_error (error, MP_EXPORT_EACH_ERROR, MP_EXPORT_EACH_ERROR_FOLDER);
  g_clear_error (&error);

  /* A folder in the way of the third file. */
  blocker = g_build_filename (folder, mp_export_each_get_file_name (each, 2), NULL);
  g_assert_cmpint (g_mkdir_with_parents (blocker, 0700), ==, 0);
  g_assert_false (mp_export_each_write (each, folder, NULL, NULL, NULL, &error));
  g_assert_error (error, MP_EXPORT_EACH_ERROR, MP_EXPORT_EACH_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, mp_export_each_get_file_name (each, 2)));
  g_assert_nonnull (strstr (error->message, "(2 of 24 calendars written)"));
  g_assert_cmpuint (mp_export_each_get_n_written (each), ==, 2);
  g_assert_false (g_file_test (index_path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);
  g_rmdir (blocker);

  /* Stopped after five. */
  g_assert_false (mp_export_each_write (each, folder, cancel_after_five, cancellable, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (mp_export_each_get_n_written (each), ==, 5);
  g_assert_false (g_file_test (index_path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  test_remove_tree (dir);
  g_clear_pointer (&each, mp_export_each_free);
  g_assert_finalize_object (g_steal_pointer (&plan));
}

/* Runs the built ministerial; returns its exit status. */
static int
run_cli (const char * const *args,
         char              **out,
         char              **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_environ_unsetenv (g_get_environ (), "DISPLAY");
  g_autoptr(GError) error = NULL;
  const char *binary = g_getenv ("MINISTERIAL");
  int status = 0;

  g_assert_nonnull (binary);
  g_ptr_array_add (argv, (char *) binary);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static void
test_command_line (void)
{
  g_autoptr(MpPlan) plan = test_load_sample ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *plan_path = g_build_filename (dir, "plan.ministerial", NULL);
  g_autofree char *calendars = g_build_filename (dir, "to", "calendars", NULL);
  g_autofree char *agendas = g_build_filename (dir, "agendas", NULL);
  g_autofree char *data = NULL;

  /* A meeting without a uid: the plan is saved with one, as for
   * --export-ics. */
  mp_meeting_set_uid (mp_plan_get_meeting (plan, "plenary-opening"), NULL);
  data = mp_plan_file_to_data (plan, NULL);
  g_file_set_contents (plan_path, data, -1, &error);
  g_assert_no_error (error);

  {
    const char *args[] = { "--export-ics", calendars, "--each", plan_path, NULL };
    g_autofree char *out = NULL, *err = NULL, *summary = g_strdup_printf ("Wrote 24 calendars to %s\n", calendars);
    g_autoptr(GFile) file = g_file_new_for_path (plan_path);
    g_autoptr(MpPlan) saved = NULL;

    g_assert_cmpint (run_cli (args, &out, &err), ==, MP_EXIT_OK);
    g_assert_cmpstr (err, ==, "");
    g_assert_true (g_str_has_suffix (out, summary));
    g_assert_nonnull (strstr (out, "1 meeting had no calendar uid; saved with one"));
    g_assert_cmpuint (test_count_dir (calendars), ==, 25);
    g_assert_cmpuint (test_file_mode (calendars), ==, 0700);
    saved = mp_plan_file_load (file, &error);
    g_assert_no_error (error);
    g_assert_nonnull (mp_meeting_get_uid (mp_plan_get_meeting (saved, "plenary-opening")));
    g_assert_finalize_object (g_steal_pointer (&saved));
  }

  {
    const char *args[] = { "--export-pdf", agendas, "--each", "--paper", "letter", plan_path, NULL };
    g_autofree char *out = NULL, *err = NULL, *summary = g_strdup_printf ("Wrote 24 agendas to %s\n", agendas);

    g_assert_cmpint (run_cli (args, &out, &err), ==, MP_EXIT_OK);
    g_assert_cmpstr (err, ==, "");
    g_assert_cmpstr (out, ==, summary);
    g_assert_cmpuint (test_count_dir (agendas), ==, 25);
  }

  /* With --rooms, the seven rooms' door cards too. */
  {
    g_autofree char *cards = g_build_filename (dir, "cards", NULL);
    g_autofree char *hall = g_build_filename (cards, "plenary-hall – Plenary Hall.pdf", NULL);
    const char *args[] = { "--export-pdf", cards, "--each", "--rooms", plan_path, NULL };
    g_autofree char *out = NULL, *err = NULL, *summary = g_strdup_printf ("Wrote 31 agendas to %s\n", cards);

    g_assert_cmpint (run_cli (args, &out, &err), ==, MP_EXIT_OK);
    g_assert_cmpstr (out, ==, summary);
    g_assert_cmpuint (test_count_dir (cards), ==, 32);
    g_assert_true (g_file_test (hall, G_FILE_TEST_IS_REGULAR));
    g_assert_cmpuint (test_file_mode (hall), ==, 0600);
  }

  /* Bad usage: exit 2, a message that says what, nothing written. */
  {
    const struct { const char *args[8]; const char *says; } bad[] = {
      { { "--export-ics", "X", "--each", "--for", "hagel", "PLAN", NULL }, "--for" },
      { { "--export-pdf", "X", "--each", "--layout", "agenda", "PLAN", NULL }, "--layout" },
      { { "--export-pdf", "X", "--each", "--paper", "a5", "PLAN", NULL }, "a5" },
      { { "--each", "PLAN", NULL }, "--each" },
      { { "--export-ics", "X", "--export-pdf", "X", "--each", "PLAN", NULL }, "--each" },
      { { "--export-ics", "X", "--each", NULL }, "plan file" },
      { { "--export-ics", "PLAN", "--each", "PLAN", NULL }, "Could not make the folder" },
      { { "--export-ics", "X", "--each", "MISSING", NULL }, "MISSING" },
      { { "--export-pdf", "X", "--rooms", "PLAN", NULL }, "--rooms goes with --each" },
    };
    g_autofree char *missing = g_build_filename (dir, "missing", NULL);
    g_autofree char *unused = g_build_filename (dir, "unused", NULL);

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        const char *args[8] = { NULL };
        g_autofree char *out = NULL, *err = NULL;

        for (guint j = 0; bad[i].args[j] != NULL; j++)
          args[j] = g_str_equal (bad[i].args[j], "PLAN") ? plan_path
                    : g_str_equal (bad[i].args[j], "X") ? unused
                    : g_str_equal (bad[i].args[j], "MISSING") ? missing
                    : bad[i].args[j];

        g_assert_cmpint (run_cli (args, &out, &err), ==, MP_EXIT_BAD_INPUT);
        g_assert_cmpstr (out, ==, "");
        if (strstr (err, g_str_equal (bad[i].says, "MISSING") ? missing : bad[i].says) == NULL)
          g_error ("case %u: “%s” does not say %s", i, err, bad[i].says);
        g_assert_false (g_file_test (unused, G_FILE_TEST_EXISTS));
      }
  }

  test_remove_tree (dir);
  g_assert_finalize_object (g_steal_pointer (&plan));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export-each/safe-name", test_safe_name);
  g_test_add_func ("/export-each/names", test_names);
  g_test_add_func ("/export-each/unique-names", test_unique_names);
  g_test_add_func ("/export-each/calendars", test_calendars);
  g_test_add_func ("/export-each/agendas", test_agendas);
  g_test_add_func ("/export-each/shared-id", test_shared_id);
  g_test_add_func ("/export-each/errors", test_errors);
  g_test_add_func ("/export-each/command-line", test_command_line);

  return g_test_run ();
}
