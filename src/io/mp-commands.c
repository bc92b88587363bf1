/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mp-commands"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "mp-commands.h"
#include "mp-conflicts.h"
#include "mp-plan-file.h"

void
mp_command_error (const char *format,
                  ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("ministerial: %s\n", message);
}

MpPlan *
mp_command_load_plan (const MpCommandOptions *options)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  MpPlan *plan;

  if (options->plan_path == NULL)
    {
      mp_command_error (_("no plan file given (try --help)"));
      return NULL;
    }

  file = g_file_new_for_commandline_arg (options->plan_path);
  plan = mp_plan_file_load (file, &error);
  if (plan == NULL)
    mp_command_error ("%s", error->message);

  return plan;
}

static void
print_conflicts_json (GPtrArray *conflicts)
{
  g_autoptr(JsonBuilder) b = json_builder_new_immutable ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "conflicts");
  json_builder_begin_array (b);
  for (guint i = 0; i < conflicts->len; i++)
    {
      MpConflict *c = g_ptr_array_index (conflicts, i);
      const char * const *meetings = mp_conflict_get_meetings (c);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "kind");
      json_builder_add_string_value (b, mp_enum_to_nick (MP_TYPE_CONFLICT_KIND, mp_conflict_get_kind (c)));
      if (mp_conflict_get_participant (c) != NULL)
        {
          json_builder_set_member_name (b, "participant");
          json_builder_add_string_value (b, mp_conflict_get_participant (c));
        }
      if (mp_conflict_get_room (c) != NULL)
        {
          json_builder_set_member_name (b, "room");
          json_builder_add_string_value (b, mp_conflict_get_room (c));
        }
      json_builder_set_member_name (b, "meetings");
      json_builder_begin_array (b);
      for (guint j = 0; meetings[j] != NULL; j++)
        json_builder_add_string_value (b, meetings[j]);
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

int
mp_command_check (const MpCommandOptions *options)
{
  g_autoptr(MpPlan) plan = mp_command_load_plan (options);
  g_autoptr(GPtrArray) conflicts = NULL;

  if (plan == NULL)
    return MP_EXIT_BAD_INPUT;

  conflicts = mp_conflicts_find (plan);

  if (options->json)
    print_conflicts_json (conflicts);
  else if (conflicts->len == 0)
    g_print (_("%s: no conflicts\n"), options->plan_path);
  else
    {
      for (guint i = 0; i < conflicts->len; i++)
        {
          MpConflict *c = g_ptr_array_index (conflicts, i);
          g_autofree char *text = mp_conflict_describe (c, plan);

          g_print ("%s: %s\n", mp_enum_to_nick (MP_TYPE_CONFLICT_KIND, mp_conflict_get_kind (c)), text);
        }
      g_print (g_dngettext (GETTEXT_PACKAGE, "%u conflict\n", "%u conflicts\n", conflicts->len),
               conflicts->len);
    }

  return conflicts->len == 0 ? MP_EXIT_OK : MP_EXIT_FINDINGS;
}

static guint
edit_distance (const char *a,
               const char *b)
{
  gsize la = strlen (a), lb = strlen (b);
  g_autofree guint *row = g_new (guint, lb + 1);

  for (gsize j = 0; j <= lb; j++)
    row[j] = j;
  for (gsize i = 1; i <= la; i++)
    {
      guint diagonal = row[0];

      row[0] = i;
      for (gsize j = 1; j <= lb; j++)
        {
          guint above = row[j];
          guint cost = g_ascii_tolower (a[i - 1]) != g_ascii_tolower (b[j - 1]);

          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diagonal + cost);
          diagonal = above;
        }
    }

  return row[lb];
}

typedef struct
{
  guint       distance;
  const char *id;
} Suggestion;

static int
compare_suggestions (gconstpointer a,
                     gconstpointer b)
{
  const Suggestion *x = a, *y = b;

  if (x->distance != y->distance)
    return x->distance < y->distance ? -1 : 1;
  return strcmp (x->id, y->id);
}

char *
mp_command_suggest_ids (MpPlan     *plan,
                        const char *id)
{
  const GType types[] = { MP_TYPE_DELEGATION, MP_TYPE_PARTICIPANT, MP_TYPE_ROOM };
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Suggestion));
  guint limit = MAX (2, strlen (id) / 3);
  GString *text;

  g_return_val_if_fail (MP_IS_PLAN (plan), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint t = 0; t < G_N_ELEMENTS (types); t++)
    {
      GListModel *model = mp_plan_get_collection (plan, types[t]);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(MpRecord) record = g_list_model_get_item (model, i);
          Suggestion s = { edit_distance (id, mp_record_get_id (record)), mp_record_get_id (record) };

          if (s.distance <= limit)
            g_array_append_val (found, s);
        }
    }

  if (found->len == 0)
    return NULL;

  g_array_sort (found, compare_suggestions);
  text = g_string_new (NULL);
  for (guint i = 0; i < MIN (found->len, 3); i++)
    {
      /* Translators: an id suggested after “did you mean”, in the
       * language's quotation marks */
      g_autofree char *quoted = g_strdup_printf (_("“%s”"), g_array_index (found, Suggestion, i).id);

      if (i > 0)
        /* Translators: between two ids suggested after “did you mean” */
        g_string_append (text, _(", "));
      g_string_append (text, quoted);
    }
  return g_string_free (text, FALSE);
}
