/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>
#include <sys/wait.h>

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "mp-agenda.h"
#include "mp-plan-file.h"

/* cairo 1.16 leaks inside its CFF font subsetting when it finishes a PDF
 * that embeds an OpenType CFF font (Noto Sans CJK). The leak is not ours,
 * and LeakSanitizer's fast unwinder cannot see past cairo to tell it from
 * ours: the test with Chinese, Japanese and Korean names turns leak
 * detection off while it writes. Every other test writes PDFs without a
 * CFF font, through the same code, with leak detection on. */
#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/lsan_interface.h>
#define CFF_LEAK_IGNORE_BEGIN() __lsan_disable ()
#define CFF_LEAK_IGNORE_END() __lsan_enable ()
#else
#define CFF_LEAK_IGNORE_BEGIN()
#define CFF_LEAK_IGNORE_END()
#endif

/* Agendas of the sample and of a plan with non-Latin names, written to PDF
 * and read back with poppler-utils (pdfinfo, pdftotext, pdffonts). */

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("test-agenda-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static gboolean
have_poppler (void)
{
  const char *tools[] = { "pdfinfo", "pdftotext", "pdffonts" };

  for (guint i = 0; i < G_N_ELEMENTS (tools); i++)
    {
      g_autofree char *path = g_find_program_in_path (tools[i]);

      if (path == NULL)
        {
          g_autofree char *message = g_strdup_printf ("%s is not installed (poppler-utils; build-aux/setup-deps.sh installs it)",
                                                      tools[i]);

          g_test_skip (message);
          return FALSE;
        }
    }

  return TRUE;
}

static char *
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&out);
}

static guint
pdf_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = run (argv);
  const char *line = strstr (info, "Pages:");

  g_assert_nonnull (line);
  return (guint) g_ascii_strtoull (line + strlen ("Pages:"), NULL, 10);
}

/* pdftotext in content order, with every run of white space made one
 * space, so that a wrapped title reads as one line. */
static char *
pdf_text (const char *path,
          gboolean    raw)
{
  const char *raw_argv[] = { "pdftotext", "-enc", "UTF-8", "-raw", path, "-", NULL };
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *text = run (raw ? raw_argv : argv);
  g_auto(GStrv) words = g_strsplit_set (g_strstrip (text), " \n\t\f", -1);

  return g_strjoinv (" ", words);
}

/* Each of expected, in this order. */
static void
assert_in_order (const char         *text,
                 const char * const *expected)
{
  g_autoptr(GString) squeezed = g_string_new (NULL);
  const char *at;

  for (const char *p = text; *p != '\0'; p++)
    if (!(*p == ' ' && (squeezed->len == 0 || squeezed->str[squeezed->len - 1] == ' ')))
      g_string_append_c (squeezed, *p);

  at = squeezed->str;
  for (guint i = 0; expected[i] != NULL; i++)
    {
      const char *found = strstr (at, expected[i]);

      if (found == NULL)
        g_error ("“%s” is not in the text after “%.80s”; the text: %s", expected[i], at, squeezed->str);
      at = found + strlen (expected[i]);
    }
}

static MpPlan *
load (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  MpPlan *plan;

  if (g_str_has_prefix (name, "sample"))
    path = g_build_filename (g_getenv ("MINISTERIAL_SOURCE_ROOT") ? g_getenv ("MINISTERIAL_SOURCE_ROOT") : "..",
                             "data", "samples", "north-american-defense-ministerial-2014.ministerial", NULL);
  else
    path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  file = g_file_new_for_path (path);
  plan = mp_plan_file_load (file, &error);
  g_assert_no_error (error);

  return plan;
}

/* Writes an agenda to dir/name.pdf; returns the path. The date printed is
 * fixed. */
static char *
write_agenda (Fixture        *f,
              MpPlan         *plan,
              MpAgendaLayout  layout,
              const char     *for_id,
              MpPaper         paper,
              const char     *name,
              guint          *n_pages)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) printed = g_date_time_new_utc (2014, 4, 22, 18, 5, 0);
  g_autofree char *path = g_strdup_printf ("%s/%s.pdf", f->dir, name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  MpAgenda *agenda = mp_agenda_new (plan, layout, for_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (agenda);
  mp_agenda_set_printed (agenda, printed);
  g_assert_true (mp_agenda_write_pdf (agenda, file, paper, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (mp_agenda_get_n_pages (agenda), >, 0);
  if (n_pages != NULL)
    *n_pages = mp_agenda_get_n_pages (agenda);
  g_assert_finalize_object (agenda);

  return g_steal_pointer (&path);
}

/* The text of an agenda, as pdftotext reads it in content order. */
static char *
agenda_text (Fixture        *f,
             MpPlan         *plan,
             MpAgendaLayout  layout,
             const char     *for_id,
             MpPaper         paper)
{
  g_autofree char *path = write_agenda (f, plan, layout, for_id, paper, for_id != NULL ? for_id : "all", NULL);

  return pdf_text (path, TRUE);
}

static void
test_sample_layouts (Fixture       *f,
                     gconstpointer  data)
{
  struct {
    MpAgendaLayout layout;
    const char *for_id;
    const char *name;
    guint min_pages;
    guint max_pages;
    guint n_sections;
  } cases[] = {
    { MP_AGENDA_LAYOUT_RUN_OF_SHOW, NULL, "run-of-show", 2, 5, 1 },
    { MP_AGENDA_LAYOUT_RUN_OF_SHOW, "CAN", "run-of-show-can", 1, 5, 1 },
    { MP_AGENDA_LAYOUT_AGENDA, "hagel", "hagel", 2, 4, 1 },
    { MP_AGENDA_LAYOUT_AGENDA, "soberon", "soberon", 1, 4, 1 },
    { MP_AGENDA_LAYOUT_AGENDA, "CAN", "canada", 2, 5, 1 },
    /* one section per delegation, each from a new page */
    { MP_AGENDA_LAYOUT_AGENDA, NULL, "delegations", 3, 15, 3 },
    /* one door card per room with meetings: all seven fit one page each */
    { MP_AGENDA_LAYOUT_ROOM, NULL, "rooms", 7, 7, 7 },
    { MP_AGENDA_LAYOUT_ROOM, "conference-room-a", "room-a", 1, 1, 1 },
  };
  g_autoptr(MpPlan) plan = load ("sample");

  if (!have_poppler ())
    return;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      for (MpPaper paper = MP_PAPER_A4; paper <= MP_PAPER_LETTER; paper++)
        {
          g_autofree char *name = g_strdup_printf ("%s-%d", cases[i].name, paper);
          guint n_pages;
          g_autofree char *path = write_agenda (f, plan, cases[i].layout, cases[i].for_id, paper, name, &n_pages);
          const char *argv[] = { "pdfinfo", path, NULL };
          g_autofree char *info = run (argv);
          g_autofree char *last = g_strdup_printf ("Page %u of %u", n_pages, n_pages);
          g_autofree char *text = pdf_text (path, TRUE);

          g_test_message ("%s: %u pages", name, n_pages);
          g_assert_cmpuint (pdf_pages (path), ==, n_pages);
          g_assert_cmpuint (n_pages, >=, cases[i].min_pages);
          g_assert_cmpuint (n_pages, <=, cases[i].max_pages);
          g_assert_nonnull (strstr (info, paper == MP_PAPER_A4 ? "(A4)" : "(letter)"));
          guint n_firsts = 0;

          /* Each section counts its pages from 1. */
          for (const char *at = text; (at = strstr (at, "Page 1 of ")) != NULL; at++)
            n_firsts++;
          g_assert_cmpuint (n_firsts, ==, cases[i].n_sections);
          if (cases[i].n_sections == 1)
            g_assert_nonnull (strstr (text, last));
          g_assert_nonnull (strstr (text, "Printed 22 April 2014 at 18:05"));
        }
    }

  g_assert_finalize_object (g_steal_pointer (&plan));
}

static void
test_run_of_show_text (Fixture       *f,
                       gconstpointer  data)
{
  /* Every meeting, day by day, in order of time. */
  const char *expected[] = {
    "RUN OF SHOW", "North American Defense Ministerial 2014",
    "23–25 April 2014 · Hosted by Mexico · 14 meetings",
    "Times are Mexico City time (UTC-5).",
    "Wednesday 23 April 2014",
    "15:00–15:30", "Arrival of Minister Nicholson", "TRAVEL", "Confirmed",
    "Presidential Hangar Lounge", "Mexico City International Airport, Presidential Hangar",
    /* grouped by delegation in precedence order: the host first */
    "MEX María Fernanda Ortiz", "CAN Rob Nicholson, Col. Marc Gagnon",
    "16:30–17:00", "Arrival of Secretary Hagel",
    "19:00–19:30", "Hagel–Nicholson bilateral", "BILATERAL",
    "The situation in Ukraine",
    "Thursday 24 April 2014",
    "08:00–08:30", "Readout to the traveling press",
    "08:30–09:00", "Honors ceremony and wreath laying",
    "MEX Gen. Salvador Cienfuegos Zepeda, Adm. Vidal Francisco Soberón Sanz",
    "09:15–10:45", "Plenary session I: the North American defense partnership",
    "11:00–11:45", "Hagel–Cienfuegos bilateral",
    "12:00–12:45", "Hagel–Soberón bilateral",
    "13:00–14:15", "Working lunch hosted by Secretary Cienfuegos",
    "14:30–16:00", "Restricted trilateral session: threats to North America",
    "16:15–17:15", "Plenary session III: disasters and defense capabilities",
    "17:45–18:30", "Joint press conference",
    "Friday 25 April 2014",
    "10:30–11:00", "Departure of Secretary Hagel for Guatemala",
    "14:00–14:30", "Departure of Minister Nicholson", "Tentative",
    NULL
  };
  g_autoptr(MpPlan) plan = load ("sample");
  g_autofree char *text = NULL;

  if (!have_poppler ())
    return;

  text = agenda_text (f, plan, MP_AGENDA_LAYOUT_RUN_OF_SHOW, NULL, MP_PAPER_A4);
  assert_in_order (text, expected);

  g_assert_finalize_object (g_steal_pointer (&plan));
}

static void
test_person_text (Fixture       *f,
                  gconstpointer  data)
{
  /* A minister's agenda gives each start also in his home time. */
  const char *hagel[] = {
    "PERSONAL AGENDA", "Chuck Hagel",
    "Secretary of Defense · Department of Defense · United States",
    "North American Defense Ministerial 2014",
    "Times are Mexico City time (UTC-5); the start in New York time is given in brackets.",
    "Wednesday 23 April 2014",
    "16:30–17:00 (17:30 New York) Arrival of Secretary Hagel",
    "19:00–19:30 (20:00 New York) Hagel–Nicholson bilateral",
    "Thursday 24 April 2014",
    "08:30–09:00 (09:30 New York) Honors ceremony and wreath laying",
    "11:00–11:45 (12:00 New York) Hagel–Cienfuegos bilateral",
    "17:45–18:30 (18:45 New York) Joint press conference",
    "Friday 25 April 2014",
    "10:30–11:00 (11:30 New York) Departure of Secretary Hagel for Guatemala",
    NULL
  };
  /* The host's ministers are at home: no second clock. */
  const char *soberon[] = {
    "PERSONAL AGENDA", "Adm. Vidal Francisco Soberón Sanz",
    "Secretary of the Navy · SEMAR · Mexico",
    "Times are Mexico City time (UTC-5).",
    "08:30–09:00 Honors ceremony and wreath laying",
    "12:00–12:45 Hagel–Soberón bilateral",
    NULL
  };
  g_autoptr(MpPlan) plan = load ("sample");
  g_autofree char *text = NULL;

  if (!have_poppler ())
    return;

  text = agenda_text (f, plan, MP_AGENDA_LAYOUT_AGENDA, "hagel", MP_PAPER_LETTER);
  assert_in_order (text, hagel);
  /* Only his meetings. */
  g_assert_null (strstr (text, "Arrival of Minister Nicholson"));

  g_clear_pointer (&text, g_free);
  text = agenda_text (f, plan, MP_AGENDA_LAYOUT_AGENDA, "soberon", MP_PAPER_A4);
  assert_in_order (text, soberon);
  g_assert_null (strstr (text, "New York)"));
  g_assert_null (strstr (text, "Mexico City)"));

  g_assert_finalize_object (g_steal_pointer (&plan));
}

static void
test_room_text (Fixture       *f,
                gconstpointer  data)
{
  const char *expected[] = {
    "ROOM SCHEDULE", "Conference Room A",
    "SEDENA headquarters · Boulevard Manuel Ávila Camacho, Lomas de Sotelo, Miguel Hidalgo, Mexico City · Seats 12",
    "Wednesday 23 April 2014", "19:00–19:30", "Hagel–Nicholson bilateral",
    "Thursday 24 April 2014", "11:00–11:45", "Hagel–Cienfuegos bilateral",
    "14:30–16:00", "Restricted trilateral session: threats to North America",
    "Page 1 of 1",
    NULL
  };
  g_autoptr(MpPlan) plan = load ("sample");
  g_autofree char *text = NULL;

  if (!have_poppler ())
    return;

  text = agenda_text (f, plan, MP_AGENDA_LAYOUT_ROOM, "conference-room-a", MP_PAPER_A4);
  assert_in_order (text, expected);
  g_assert_null (strstr (text, "Plenary Hall"));

  g_assert_finalize_object (g_steal_pointer (&plan));
}

/* Removes white space and the bidirectional marks pdftotext puts around
 * right-to-left text. */
static char *
letters_only (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || (c >= 0x200e && c <= 0x200f) || (c >= 0x202a && c <= 0x202e))
        continue;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static void
test_unicode (Fixture       *f,
              gconstpointer  data)
{
  /* pdftotext reads right-to-left text back in the right order within a
   * line, but not across a wrap, and reverses the lam-alef ligature: the
   * Arabic names that wrap are checked word by word, and none has lam
   * followed by alef. */
  const char *names[] = {
    "王毅", "刘结一", "عبد الفتاح السيسي", "سامح", "شكري", "Ευάγγελος Βενιζέλος",
    "सुषमा स्वराज", "岸田文雄", "윤병세", "Enrique Peña Nieto", "José Antonio Meade Kuribreña",
    "Adm. Vidal Francisco Soberón Sanz", "Сергей Викторович Лавров", "Виталий Иванович Чуркин",
    "王毅–Лавров bilateral", "Шанхайская организация сотрудничества", "上海合作组织",
    "التعاون", "North Delegates’ Lounge",
  };
  /* A home zone twelve hours ahead puts the start on the next day. */
  const char *wang[] = {
    "PERSONAL AGENDA", "王毅", "Minister of Foreign Affairs · China",
    "Times are New York time (UTC-4); the start in Shanghai time is given in brackets.",
    "Wednesday 24 September 2014",
    "09:00–13:00 (21:00 Shanghai)",
    "15:00–15:45 (Thu 03:00 Shanghai) 王毅–Лавров bilateral",
    NULL
  };
  const char *swaraj[] = {
    "09:00–13:00 (18:30 Kolkata)",
    "Thursday 25 September 2014",
    "08:00–09:00 (17:30 Kolkata) Working breakfast on the response to Ebola", "WORKING MEAL", "CANCELLED",
    NULL
  };
  const char *argv[] = { "pdffonts", NULL, NULL };
  g_autoptr(MpPlan) plan = load ("agenda-unicode.ministerial");
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *letters = NULL;
  g_autofree char *fonts = NULL;

  if (!have_poppler ())
    return;

  CFF_LEAK_IGNORE_BEGIN ();
  path = write_agenda (f, plan, MP_AGENDA_LAYOUT_RUN_OF_SHOW, NULL, MP_PAPER_A4, "unicode", NULL);
  text = pdf_text (path, FALSE);
  letters = letters_only (text);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *wanted = letters_only (names[i]);

      if (strstr (letters, wanted) == NULL)
        g_error ("“%s” did not come back from the PDF: %s", names[i], text);
    }

  /* The fonts are the Noto families the set-up script installs, each
   * script from its own, none missing. */
  argv[1] = path;
  fonts = run (argv);
  g_test_message ("%s", fonts);
  g_assert_nonnull (strstr (fonts, "NotoSans-"));
  g_assert_nonnull (strstr (fonts, "NotoSansCJK"));
  g_assert_true (strstr (fonts, "NotoSansArabic") != NULL || strstr (fonts, "NotoNaskhArabic") != NULL);
  g_assert_nonnull (strstr (fonts, "NotoSansDevanagari"));
  g_assert_null (strstr (fonts, "Type 3"));

  g_clear_pointer (&text, g_free);
  text = agenda_text (f, plan, MP_AGENDA_LAYOUT_AGENDA, "wang-yi", MP_PAPER_A4);
  assert_in_order (text, wang);

  g_clear_pointer (&text, g_free);
  text = agenda_text (f, plan, MP_AGENDA_LAYOUT_AGENDA, "swaraj", MP_PAPER_A4);
  assert_in_order (text, swaraj);
  CFF_LEAK_IGNORE_END ();

  g_assert_finalize_object (g_steal_pointer (&plan));
}

/* Venues in two zones: each time names its city; a meeting that ends the
 * next day says so; the home time of a person crosses the date line. */
static void
test_zones (Fixture       *f,
            gconstpointer  data)
{
  const char *run_of_show[] = {
    "Times are the local time of each venue.",
    "Saturday 29 March 2014", "23:00–01:30 +1 Brussels", "Late session across midnight",
    "Monday 31 March 2014", "12:00–13:00 London", "London lunch", "Lancaster House",
    "15:00–15:30 Brussels", "No room yet", "Room to be announced",
    NULL
  };
  const char *abe[] = {
    "PERSONAL AGENDA", "安倍晋三",
    "the start in the delegation’s home time is given in brackets.",
    "23:00–01:30 +1 Brussels (Sun 07:00 Tokyo)",
    "12:00–13:00 London (20:00 Tokyo)",
    NULL
  };
  g_autoptr(MpPlan) plan = load ("agenda-zones.ministerial");
  g_autofree char *text = NULL;

  if (!have_poppler ())
    return;

  CFF_LEAK_IGNORE_BEGIN ();
  text = agenda_text (f, plan, MP_AGENDA_LAYOUT_RUN_OF_SHOW, NULL, MP_PAPER_A4);
  assert_in_order (text, run_of_show);
  g_clear_pointer (&text, g_free);
  text = agenda_text (f, plan, MP_AGENDA_LAYOUT_AGENDA, "abe", MP_PAPER_A4);
  assert_in_order (text, abe);
  g_assert_null (strstr (text, "No room yet"));
  CFF_LEAK_IGNORE_END ();

  g_assert_finalize_object (g_steal_pointer (&plan));
}

/* A plan with nothing in it still gives a page that says so. */
static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(MpPlan) plan = mp_plan_new ();
  MpConference *conference = mp_plan_get_conference (plan);
  gint64 day;

  if (!have_poppler ())
    return;

  mp_conference_set_title (conference, "Nothing yet");
  mp_conference_set_time_zone (conference, "UTC");
  g_assert_true (mp_date_parse ("2014-03-29", &day, NULL));
  mp_conference_set_start_date (conference, day);
  mp_conference_set_end_date (conference, day);

  for (MpAgendaLayout layout = MP_AGENDA_LAYOUT_RUN_OF_SHOW; layout <= MP_AGENDA_LAYOUT_ROOM; layout++)
    {
      guint n_pages;
      g_autofree char *path = write_agenda (f, plan, layout, NULL, MP_PAPER_A4,
                                            mp_agenda_layout_to_nick (layout), &n_pages);
      g_autofree char *text = pdf_text (path, TRUE);
      const char *expected[] = { "Nothing yet", "29 March 2014", "Times are UTC.", "No meetings.", "Page 1 of 1", NULL };

      g_assert_cmpuint (n_pages, ==, 1);
      g_assert_cmpuint (pdf_pages (path), ==, 1);
      assert_in_order (text, expected);
    }

  g_assert_finalize_object (g_steal_pointer (&plan));
}

/* A plan made to test pagination: eighty delegations, meetings of every
 * size, one with more people than a page holds and one with a page's worth
 * of topics. */
static MpPlan *
crowded_plan (void)
{
  g_autoptr(GError) error = NULL;
  MpPlan *plan = mp_plan_new ();
  MpConference *conference = mp_plan_get_conference (plan);
  g_autoptr(MpRoom) room = mp_room_new ("hall");
  g_autoptr(GPtrArray) everyone = g_ptr_array_new_with_free_func (g_free);
  gint64 day;

  mp_conference_set_title (conference, "Crowded conference");
  mp_conference_set_time_zone (conference, "Europe/Brussels");
  g_assert_true (mp_date_parse ("2014-06-02", &day, NULL));
  mp_conference_set_start_date (conference, day);
  mp_conference_set_end_date (conference, day + 1);
  mp_room_set_name (room, "Hall");
  g_assert_true (mp_plan_add (plan, MP_RECORD (room), &error));

  for (guint d = 0; d < 80; d++)
    {
      g_autofree char *id = g_strdup_printf ("D%02u", d);
      g_autoptr(MpDelegation) delegation = mp_delegation_new (id);

      mp_delegation_set_name (delegation, id);
      mp_delegation_set_precedence (delegation, d);
      g_assert_true (mp_plan_add (plan, MP_RECORD (delegation), &error));

      for (guint p = 0; p < 6; p++)
        {
          g_autofree char *pid = g_strdup_printf ("%s-%u", id, p);
          g_autofree char *name = g_strdup_printf ("Participant %u of %s", p, id);
          g_autoptr(MpParticipant) participant = mp_participant_new (pid);

          mp_participant_set_name (participant, name);
          mp_participant_set_delegation (participant, id);
          mp_participant_set_role (participant, p == 0 ? MP_ROLE_PRINCIPAL : MP_ROLE_DELEGATE);
          g_assert_true (mp_plan_add (plan, MP_RECORD (participant), &error));
          g_ptr_array_add (everyone, g_steal_pointer (&pid));
        }
    }
  g_ptr_array_add (everyone, NULL);

  for (guint m = 0; m < 70; m++)
    {
      g_autofree char *id = g_strdup_printf ("m%02u", m);
      g_autofree char *title = g_strdup_printf ("Meeting %u about a subject that takes a few words to say", m);
      g_autoptr(MpMeeting) meeting = mp_meeting_new (id);
      g_autoptr(GPtrArray) who = g_ptr_array_new ();
      guint n = m == 40 ? 480 : 2 + (m * 7) % 29;
      MpTime start = mp_time_from_wall ((day + m / 35) * MP_SECONDS_PER_DAY + (8 * 60 + (m % 35) * 15) * 60);
      MpTime end = mp_time_from_wall (start.wall + 15 * 60);

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (who, everyone->pdata[(i * 37 + m) % (everyone->len - 1)]);
      if (m == 50)
        g_ptr_array_add (who, (gpointer) "D01-1");
      g_ptr_array_add (who, NULL);

      mp_meeting_set_title (meeting, title);
      mp_meeting_set_kind (meeting, m % MP_N_MEETING_KINDS);
      mp_meeting_set_start (meeting, &start);
      mp_meeting_set_end (meeting, &end);
      mp_meeting_set_room (meeting, "hall");
      mp_meeting_set_participants (meeting, (const char * const *) who->pdata);
      if (m == 50 || m == 51)
        {
          g_autoptr(GPtrArray) topics = g_ptr_array_new_with_free_func (g_free);

          for (guint t = 0; t < 90; t++)
            g_ptr_array_add (topics, g_strdup_printf ("Topic %u, which wraps onto a second line in its column", t));
          g_ptr_array_add (topics, NULL);
          mp_meeting_set_topics (meeting, (const char * const *) topics->pdata);
        }
      g_assert_true (mp_plan_add (plan, MP_RECORD (meeting), &error));
    }

  return plan;
}

static void
test_rows_never_split (void)
{
  g_autoptr(MpPlan) plan = crowded_plan ();

  for (MpAgendaLayout layout = MP_AGENDA_LAYOUT_RUN_OF_SHOW; layout <= MP_AGENDA_LAYOUT_ROOM; layout++)
    for (MpPaper paper = MP_PAPER_A4; paper <= MP_PAPER_LETTER; paper++)
      {
        g_autoptr(GError) error = NULL;
        MpAgenda *agenda = mp_agenda_new (plan, layout,
                                          layout == MP_AGENDA_LAYOUT_AGENDA ? "D01" :
                                          layout == MP_AGENDA_LAYOUT_ROOM ? "hall" : NULL,
                                          &error);
        cairo_surface_t *surface;
        cairo_t *cr;
        PangoContext *context;
        double width, height, top, bottom;
        guint n_pages, n_rows, pushed = 0, split = 0, tall = 0;

        g_assert_no_error (error);
        mp_paper_get_size (paper, &width, &height);
        surface = cairo_pdf_surface_create (NULL, width, height);
        cr = cairo_create (surface);
        context = pango_cairo_create_context (cr);

        n_pages = mp_agenda_paginate (agenda, context, width, height);
        n_rows = mp_agenda_get_n_rows (agenda);
        mp_agenda_get_body (agenda, &top, &bottom);
        g_assert_cmpuint (n_pages, >, 2);
        g_assert_cmpuint (n_rows, >, 0);

        for (guint i = 0; i < n_rows; i++)
          {
            MpAgendaRowExtent row, previous;

            mp_agenda_get_row_extent (agenda, i, &row);
            g_assert_cmpuint (row.last_page, <, n_pages);
            g_assert_cmpfloat (row.top, >=, top);
            g_assert_cmpfloat (row.bottom, <=, bottom + 0.01);

            if (row.height <= (bottom - top) * 0.8)
              {
                /* A row that fits a page is never split. */
                if (row.first_page != row.last_page)
                  g_error ("row %s (%.0f pt high) is split across pages %u and %u",
                           row.meeting_id, row.height, row.first_page + 1, row.last_page + 1);
                g_assert_cmpfloat (fabs (row.bottom - row.top - row.height), <, 0.01);
                if (row.height > (bottom - top) * 0.2)
                  tall++;
              }
            else if (row.height > bottom - top)
              {
                /* A row taller than a page goes on over the next. */
                g_assert_cmpuint (row.last_page, >, row.first_page);
                split++;
              }

            if (i == 0)
              continue;
            mp_agenda_get_row_extent (agenda, i - 1, &previous);
            if (previous.last_page == row.first_page)
              g_assert_cmpfloat (row.top, >=, previous.bottom - 0.01);
            else
              {
                g_assert_cmpuint (row.first_page, ==, previous.last_page + 1);
                /* moved on whole, though part of it would have fitted */
                if (bottom - previous.bottom > 30 && row.first_page == row.last_page)
                  pushed++;
              }
          }

        /* The plan is made so that each happens. */
        g_test_message ("%s: %u pages, %u rows, %u over a fifth of a page, %u moved on whole, %u split",
                        mp_agenda_layout_to_nick (layout), n_pages, n_rows, tall, pushed, split);
        g_assert_cmpuint (tall, >, 5);
        g_assert_cmpuint (pushed, >, 0);
        g_assert_cmpuint (split, >=, 1);

        /* Every page draws. */
        for (guint p = 0; p < n_pages; p++)
          {
            mp_agenda_draw_page (agenda, cr, p);
            cairo_show_page (cr);
          }
        g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);

        g_object_unref (context);
        cairo_destroy (cr);
        cairo_surface_destroy (surface);
        g_assert_finalize_object (agenda);
      }

  g_assert_finalize_object (g_steal_pointer (&plan));
}

static void
test_errors (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(MpPlan) plan = load ("sample");
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = g_build_filename (f->dir, "no", "such", "dir", "out.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (missing);
  MpAgendaLayout layout;
  MpPaper paper;
  MpAgenda *agenda;

  g_assert_null (mp_agenda_new (plan, MP_AGENDA_LAYOUT_AGENDA, "hagle", &error));
  g_assert_error (error, MP_AGENDA_ERROR, MP_AGENDA_ERROR_UNKNOWN_ID);
  g_assert_nonnull (strstr (error->message, "“hagle”"));
  g_clear_error (&error);

  g_assert_null (mp_agenda_new (plan, MP_AGENDA_LAYOUT_AGENDA, "plenary-hall", &error));
  g_assert_error (error, MP_AGENDA_ERROR, MP_AGENDA_ERROR_WRONG_LAYOUT);
  g_clear_error (&error);
  g_assert_null (mp_agenda_new (plan, MP_AGENDA_LAYOUT_ROOM, "hagel", &error));
  g_assert_error (error, MP_AGENDA_ERROR, MP_AGENDA_ERROR_WRONG_LAYOUT);
  g_clear_error (&error);

  g_assert_false (mp_agenda_layout_from_nick ("agneda", &layout, &error));
  g_assert_error (error, MP_AGENDA_ERROR, MP_AGENDA_ERROR_UNKNOWN_LAYOUT);
  g_assert_nonnull (strstr (error->message, "did you mean “agenda”"));
  g_clear_error (&error);
  g_assert_true (mp_agenda_layout_from_nick ("run-of-show", &layout, &error));
  g_assert_cmpint (layout, ==, MP_AGENDA_LAYOUT_RUN_OF_SHOW);
  g_assert_false (mp_paper_from_nick ("a5", &paper, &error));
  g_assert_error (error, MP_AGENDA_ERROR, MP_AGENDA_ERROR_UNKNOWN_PAPER);
  g_clear_error (&error);
  g_assert_true (mp_paper_from_nick ("Letter", &paper, &error));
  g_assert_cmpint (paper, ==, MP_PAPER_LETTER);

  g_assert_true (mp_agenda_default_layout (plan, NULL, &layout, &error));
  g_assert_cmpint (layout, ==, MP_AGENDA_LAYOUT_RUN_OF_SHOW);
  g_assert_true (mp_agenda_default_layout (plan, "MEX", &layout, &error));
  g_assert_cmpint (layout, ==, MP_AGENDA_LAYOUT_AGENDA);
  g_assert_true (mp_agenda_default_layout (plan, "kirby", &layout, &error));
  g_assert_cmpint (layout, ==, MP_AGENDA_LAYOUT_AGENDA);
  g_assert_true (mp_agenda_default_layout (plan, "press-room", &layout, &error));
  g_assert_cmpint (layout, ==, MP_AGENDA_LAYOUT_ROOM);
  g_assert_false (mp_agenda_default_layout (plan, "nobody", &layout, &error));
  g_assert_error (error, MP_AGENDA_ERROR, MP_AGENDA_ERROR_UNKNOWN_ID);
  g_clear_error (&error);

  /* A file that cannot be written is an error, not a crash. */
  agenda = mp_agenda_new (plan, MP_AGENDA_LAYOUT_RUN_OF_SHOW, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (mp_agenda_write_pdf (agenda, file, MP_PAPER_A4, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_query_exists (file, NULL));
  g_assert_finalize_object (agenda);
  g_assert_finalize_object (g_steal_pointer (&plan));
}

/* The command line: ministerial --export-pdf */
static int
run_cli (const char * const *args,
         char              **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *exe = g_getenv ("MINISTERIAL");
  int status;

  g_ptr_array_add (argv, (gpointer) exe);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL,
                NULL, NULL, NULL, err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));

  return WEXITSTATUS (status);
}

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *sample = g_build_filename (g_getenv ("MINISTERIAL_SOURCE_ROOT"), "data", "samples",
                                              "north-american-defense-ministerial-2014.ministerial", NULL);
  g_autofree char *out = g_build_filename (f->dir, "cli.pdf", NULL);
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;
  const char *agenda[] = { "--export-pdf", out, "--for", "nicholson", "--paper", "letter", sample, NULL };
  const char *room[] = { "--export-pdf", out, "--for", "press-room", sample, NULL };
  const char *typo[] = { "--export-pdf", out, "--for", "nicholsen", sample, NULL };
  const char *layout[] = { "--export-pdf", out, "--layout", "rooms", sample, NULL };
  const char *paper[] = { "--export-pdf", out, "--paper", "a3", sample, NULL };
  const char *wrong[] = { "--export-pdf", out, "--for", "hagel", "--layout", "room", sample, NULL };
  const char *no_plan[] = { "--export-pdf", out, NULL };
  const char *argv[] = { "pdfinfo", out, NULL };
  g_autofree char *info = NULL;

  if (g_getenv ("MINISTERIAL") == NULL || g_getenv ("MINISTERIAL_SOURCE_ROOT") == NULL)
    {
      g_test_skip ("MINISTERIAL and MINISTERIAL_SOURCE_ROOT are not set (run through meson test)");
      return;
    }
  if (!have_poppler ())
    return;

  /* With --for a person: the agenda layout, by default. */
  g_assert_cmpint (run_cli (agenda, &err), ==, 0);
  info = run (argv);
  g_assert_nonnull (strstr (info, "612 x 792"));
  text = pdf_text (out, TRUE);
  g_assert_nonnull (strstr (text, "PERSONAL AGENDA Rob Nicholson"));
  g_assert_nonnull (strstr (text, "(16:00 Toronto)"));
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&err, g_free);

  /* With --for a room: its door card. */
  g_assert_cmpint (run_cli (room, &err), ==, 0);
  text = pdf_text (out, TRUE);
  g_assert_nonnull (strstr (text, "ROOM SCHEDULE Press Room"));
  g_clear_pointer (&err, g_free);

  /* Mistakes: exit 2 and a message that says what is near. */
  g_assert_cmpint (run_cli (typo, &err), ==, 2);
  g_assert_nonnull (strstr (err, "“nicholsen”"));
  g_assert_nonnull (strstr (err, "“nicholson”"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (layout, &err), ==, 2);
  g_assert_nonnull (strstr (err, "did you mean “room”"));
  g_assert_nonnull (strstr (err, "run-of-show, agenda and room"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (paper, &err), ==, 2);
  g_assert_nonnull (strstr (err, "a4 and letter"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (wrong, &err), ==, 2);
  g_assert_nonnull (strstr (err, "“hagel” is a person"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (no_plan, &err), ==, 2);
  g_assert_nonnull (strstr (err, "--export-pdf"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/agenda/sample-layouts", Fixture, NULL, fixture_set_up, test_sample_layouts, fixture_tear_down);
  g_test_add ("/agenda/run-of-show-text", Fixture, NULL, fixture_set_up, test_run_of_show_text, fixture_tear_down);
  g_test_add ("/agenda/person-text", Fixture, NULL, fixture_set_up, test_person_text, fixture_tear_down);
  g_test_add ("/agenda/room-text", Fixture, NULL, fixture_set_up, test_room_text, fixture_tear_down);
  g_test_add ("/agenda/unicode", Fixture, NULL, fixture_set_up, test_unicode, fixture_tear_down);
  g_test_add ("/agenda/zones", Fixture, NULL, fixture_set_up, test_zones, fixture_tear_down);
  g_test_add ("/agenda/empty", Fixture, NULL, fixture_set_up, test_empty, fixture_tear_down);
  g_test_add_func ("/agenda/rows-never-split", test_rows_never_split);
  g_test_add ("/agenda/errors", Fixture, NULL, fixture_set_up, test_errors, fixture_tear_down);
  g_test_add ("/agenda/cli", Fixture, NULL, fixture_set_up, test_cli, fixture_tear_down);

  return g_test_run ();
}
