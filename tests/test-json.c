/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The plan reader's JSON: values as JSON means them, the same tree as
 * json-glib gives, and for text that is not JSON the line, column and
 * words a person needs to mend it. */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "mp-json.h"
#include "mp-plan-file.h"

static MpJsonDocument *
parse_ok (const char *text)
{
  g_autofree char *message = NULL;
  MpJsonPosition position;
  MpJsonDocument *doc = mp_json_document_parse (text, strlen (text), &position, &message);

  if (doc == NULL)
    g_error ("%s did not parse: %u:%u: %s", text, position.line, position.column, message);
  return doc;
}

static void
test_values (void)
{
  g_autoptr(MpJsonDocument) doc =
    parse_ok ("{\"s\": \"Zepeda \\\"SEDENA\\\"\\n\\u00e9\\ud83d\\ude00/\\/\", \"i\": -42, \"big\": 9223372036854775807,"
              " \"huge\": 92233720368547758070, \"d\": 1.5e3, \"t\": true, \"f\": false, \"n\": null,"
              " \"a\": [1, [], {}], \"o\": {\"x\": 1}, \"twice\": 1, \"twice\": 2}");
  const MpJsonValue *root = mp_json_document_get_root (doc);
  const MpJsonValue *v;

  g_assert_cmpint (root->type, ==, MP_JSON_OBJECT);
  g_assert_cmpuint (root->length, ==, 12);

  v = mp_json_object_get (root, "s");
  g_assert_cmpint (v->type, ==, MP_JSON_STRING);
  g_assert_cmpstr (v->string, ==, "Zepeda \"SEDENA\"\n\xc3\xa9\xf0\x9f\x98\x80//");

  v = mp_json_object_get (root, "i");
  g_assert_cmpint (v->type, ==, MP_JSON_INTEGER);
  g_assert_cmpint (v->integer, ==, -42);
  v = mp_json_object_get (root, "big");
  g_assert_cmpint (v->type, ==, MP_JSON_INTEGER);
  g_assert_cmpint (v->integer, ==, G_MAXINT64);
  /* Past 64 bits a whole number is a double, as json-glib has it. */
  v = mp_json_object_get (root, "huge");
  g_assert_cmpint (v->type, ==, MP_JSON_DOUBLE);
  g_assert_cmpfloat_with_epsilon (v->number, 9.2233720368547758e19, 1e5);
  v = mp_json_object_get (root, "d");
  g_assert_cmpint (v->type, ==, MP_JSON_DOUBLE);
  g_assert_cmpfloat (v->number, ==, 1500.0);

  g_assert_true (mp_json_object_get (root, "t")->boolean);
  g_assert_cmpint (mp_json_object_get (root, "f")->type, ==, MP_JSON_BOOLEAN);
  g_assert_false (mp_json_object_get (root, "f")->boolean);
  g_assert_cmpint (mp_json_object_get (root, "n")->type, ==, MP_JSON_NULL);

  v = mp_json_object_get (root, "a");
  g_assert_cmpint (v->type, ==, MP_JSON_ARRAY);
  g_assert_cmpuint (v->length, ==, 3);
  g_assert_cmpint (v->items[1].type, ==, MP_JSON_ARRAY);
  g_assert_cmpuint (v->items[1].length, ==, 0);
  g_assert_cmpint (v->items[2].type, ==, MP_JSON_OBJECT);

  g_assert_cmpint (mp_json_object_get (mp_json_object_get (root, "o"), "x")->integer, ==, 1);
  /* A repeated name: the last one counts, as in json-glib. */
  g_assert_cmpint (mp_json_object_get (root, "twice")->integer, ==, 2);
  g_assert_null (mp_json_object_get (root, "missing"));
}

static void
test_empty_and_bom (void)
{
  g_autoptr(MpJsonDocument) empty = parse_ok (" \n\t\r\n");
  g_autoptr(MpJsonDocument) bom = parse_ok ("\xef\xbb\xbf{\"a\": 1}");

  g_assert_null (mp_json_document_get_root (empty));
  g_assert_cmpint (mp_json_object_get (mp_json_document_get_root (bom), "a")->integer, ==, 1);
}

/* The same tree as json-glib's, node for node. */
static void
test_same_as_json_glib (void)
{
  const char *texts[] = {
    "{\"id\": \"m1\", \"x_sched\": {\"tags\": [\"a\", 1, 2.25, -0.5e-3, true, null, {\"deep\": [[]]}]}}",
    "[\"\\u0041\\u00df\\u6771\", 0, -1, 12345678901234]",
    "{\"\": \"empty name\", \"unicode name \xc3\xa9\": {}}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(MpJsonDocument) doc = parse_ok (texts[i]);
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(JsonNode) ours = mp_json_to_node (mp_json_document_get_root (doc));
      g_autoptr(GError) error = NULL;

      json_parser_load_from_data (parser, texts[i], -1, &error);
      g_assert_no_error (error);
      if (!json_node_equal (ours, json_parser_get_root (parser)))
        g_error ("%s: the trees differ", texts[i]);
    }
}

static void
test_errors (void)
{
  const struct { const char *text; guint line, column; const char *fragment; } cases[] = {
    { "{\n  \"format\": \n}\n", 3, 1, "found “}” where a value should be" },
    { "{\"a\": 1,\n \"b\": 2,,\n}", 2, 9, "a member name in double quotes" },
    { "{\"a\": 1,}", 1, 9, "found “}” where a member name" },
    { "[1, 2", 1, 6, "the file ends where “,” or “]” should be" },
    { "{\"a\" 1}", 1, 6, "“:” after the member name" },
    { "{'a': 1}", 1, 2, "double quotes" },
    { "{\"a\": tru}", 1, 7, "“tru” is not a JSON value" },
    { "not json at all", 1, 1, "“not” is not a JSON value" },
    { "{\"a\": 01}", 1, 8, "found “1” where “,” or “}” should be" },
    { "{\"a\": 1.}", 1, 7, "“1.” is not a JSON number" },
    { "{\"a\": -}", 1, 7, "“-” is not a JSON number" },
    { "{\"a\": +1}", 1, 7, "found “+” where a value should be" },
    { "{\"a\": \"line\nbreak\"}", 1, 12, "line break" },
    { "{\"a\": \"never closed}", 1, 7, "no closing quote" },
    { "{\"a\": \"\\x41\"}", 1, 8, "“\\x” is not an escape" },
    { "{\"a\": \"\\u12G4\"}", 1, 8, "four hexadecimal digits" },
    { "{\"a\": \"\\udc00\"}", 1, 8, "four hexadecimal digits" },
    { "{\"a\": \"\\u0000\"}", 1, 8, "\\u0000" },
    { "{\"a\": 1} x", 1, 10, "after the end of the document" },
    /* Columns count characters, not bytes: é is one. */
    { "{\"é\": \"ü\" ?}", 1, 11, "found “?”" },
    { "{\"a\": \x01}", 1, 7, "U+0001" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *message = NULL;
      MpJsonPosition position = { 0, 0 };
      MpJsonDocument *doc = mp_json_document_parse (cases[i].text, strlen (cases[i].text), &position, &message);

      if (doc != NULL)
        g_error ("%s parsed", cases[i].text);
      if (position.line != cases[i].line || position.column != cases[i].column ||
          strstr (message, cases[i].fragment) == NULL)
        g_error ("%s: got %u:%u: %s; expected %u:%u: …%s…", cases[i].text,
                 position.line, position.column, message,
                 cases[i].line, cases[i].column, cases[i].fragment);
    }
}

/* A hostile file may nest without end; the reader refuses, it does not
 * run out of stack. */
static void
test_deep_nesting (void)
{
  gsize n = 200000;
  g_autofree char *text = g_malloc (n + 1);
  g_autofree char *message = NULL;
  MpJsonPosition position;

  memset (text, '[', n);
  text[n] = '\0';
  g_assert_null (mp_json_document_parse (text, n, &position, &message));
  g_assert_nonnull (strstr (message, "nested"));
  g_assert_cmpuint (position.line, ==, 1);
  g_assert_cmpuint (position.column, ==, 513);
}

/* Every cut of the sample plan is refused with a place and a reason:
 * the reader never reads past what it was given and never crashes. */
static void
test_truncated_sample (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("MINISTERIAL_SOURCE_ROOT"), "data", "samples",
                                            "north-american-defense-ministerial-2014.ministerial", NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);

  for (gsize cut = 0; cut < length; cut += 1 + cut % 5)
    {
      /* A copy of just the cut, so that reading one byte past it is a
       * memory error the sanitizers see. */
      g_autofree char *part = g_memdup2 (data, MAX (cut, 1));
      g_autoptr(GError) cut_error = NULL;
      g_autoptr(MpPlan) plan = mp_plan_file_load_data (part, cut, "cut.ministerial", &cut_error);

      /* The sample ends in a line break: only the last cut may parse. */
      if (plan != NULL)
        g_assert_cmpuint (cut, ==, length - 1);
      else
        {
          g_assert_error (cut_error, MP_PLAN_ERROR, MP_PLAN_ERROR_NOT_JSON);
          g_assert_true (g_str_has_prefix (cut_error->message, "cut.ministerial:"));
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json/values", test_values);
  g_test_add_func ("/json/empty-and-bom", test_empty_and_bom);
  g_test_add_func ("/json/same-as-json-glib", test_same_as_json_glib);
  g_test_add_func ("/json/errors", test_errors);
  g_test_add_func ("/json/deep-nesting", test_deep_nesting);
  g_test_add_func ("/json/truncated-sample", test_truncated_sample);

  return g_test_run ();
}
