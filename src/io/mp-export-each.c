/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mp-export-each"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "mp-export-each.h"
#include "mp-ics.h"

/* A name's part before the number and the extension: room to spare under
 * the 255 bytes most file systems allow, and short enough to read. */
#define MAX_STEM_BYTES 120
#define INDEX_NAME     "index.csv"

typedef struct
{
  MpRecord *audience;  /* owned by the plan */
  char     *name;
} Entry;

struct _MpExportEach
{
  MpPlan           *plan;
  MpExportEachKind  kind;
  MpPaper           paper;
  GArray           *entries;
  guint             n_written;
};

G_DEFINE_QUARK (mp-export-each-error-quark, mp_export_each_error)

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  g_clear_pointer (&entry->name, g_free);
}

/* Characters that change how a name reads (a right-to-left override can
 * make "fdp.exe" look like "exe.pdf") without being seen. */
static gboolean
is_invisible_control (gunichar c)
{
  return c == 0x061C || c == 0x200E || c == 0x200F || c == 0xFEFF ||
         (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

static gboolean
is_break (gunichar c)
{
  GUnicodeType type = g_unichar_type (c);

  return type == G_UNICODE_CONTROL || type == G_UNICODE_LINE_SEPARATOR ||
         type == G_UNICODE_PARAGRAPH_SEPARATOR || g_unichar_isspace (c);
}

char *
mp_export_each_safe_name (const char *text,
                          gsize       max_bytes)
{
  g_autofree char *valid = NULL;
  g_autofree char *composed = NULL;
  GString *out;
  gboolean pending_space = FALSE;
  gsize len;

  g_return_val_if_fail (text != NULL, NULL);

  valid = g_utf8_make_valid (text, -1);
  composed = g_utf8_normalize (valid, -1, G_NORMALIZE_DEFAULT_COMPOSE);
  out = g_string_sized_new (strlen (composed));

  for (const char *p = composed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_invisible_control (c))
        continue;
      if (is_break (c))
        {
          pending_space = TRUE;
          continue;
        }
      /* What Windows and FAT refuse, and the path separators. */
      if (c < 0x80 && strchr ("/\\:*?\"<>|", (char) c) != NULL)
        c = '_';
      /* No hidden file, and nothing a shell takes for an option. */
      if (out->len == 0 && (c == '.' || c == '-'))
        {
          pending_space = FALSE;
          continue;
        }
      if (pending_space && out->len > 0)
        g_string_append_c (out, ' ');
      pending_space = FALSE;
      g_string_append_unichar (out, c);
    }

  /* Cut between characters, then drop what Windows drops at the end. */
  len = MIN (out->len, max_bytes);
  while (len > 0 && len < out->len && ((guchar) out->str[len] & 0xC0) == 0x80)
    len--;
  while (len > 0 && (out->str[len - 1] == '.' || out->str[len - 1] == ' '))
    len--;
  g_string_truncate (out, len);

  return g_string_free (out, FALSE);
}

/* Names Windows keeps for devices, whatever the extension. */
static gboolean
is_device_name (const char *stem)
{
  static const char * const devices[] = { "CON", "PRN", "AUX", "NUL", NULL };
  g_autofree char *upper = g_ascii_strup (stem, -1);

  if (g_strv_contains (devices, upper))
    return TRUE;
  return strlen (upper) == 4 && (g_str_has_prefix (upper, "COM") || g_str_has_prefix (upper, "LPT")) &&
         g_ascii_isdigit (upper[3]);
}

/* "USA – United States", "hagel – Chuck Hagel": the id that the plan and
 * the command line know, then the name a person reads. */
static char *
make_stem (const char *id,
           const char *name)
{
  g_autofree char *safe_id = mp_export_each_safe_name (id, MAX_STEM_BYTES);
  g_autofree char *safe_name = mp_export_each_safe_name (name != NULL ? name : "", MAX_STEM_BYTES);
  g_autofree char *joined = NULL;
  char *stem;

  if (*safe_name == '\0' || g_str_equal (safe_id, safe_name))
    joined = g_strdup (safe_id);
  else if (*safe_id == '\0')
    joined = g_strdup (safe_name);
  else
    joined = g_strdup_printf ("%s – %s", safe_id, safe_name);

  stem = mp_export_each_safe_name (joined, MAX_STEM_BYTES);
  if (*stem == '\0')
    {
      g_free (stem);
      /* TRANSLATORS: a file name for a delegation or a person whose id
       * and name have nothing a file name can hold */
      stem = g_strdup (_("Unnamed"));
    }
  if (is_device_name (stem))
    {
      char *longer = g_strconcat (stem, "_", NULL);

      g_free (stem);
      stem = longer;
    }
  return stem;
}

/* The first of "stem.ext", "stem (2).ext"... that no earlier file took,
 * case ignored: a USB stick's file system ignores it too. */
static char *
make_unique (GHashTable *taken,
             const char *stem,
             const char *extension)
{
  for (guint n = 1;; n++)
    {
      g_autofree char *name = n == 1 ? g_strdup_printf ("%s.%s", stem, extension)
                                     : g_strdup_printf ("%s (%u).%s", stem, n, extension);
      char *key = g_utf8_casefold (name, -1);

      if (!g_hash_table_contains (taken, key))
        {
          g_hash_table_add (taken, key);
          return g_steal_pointer (&name);
        }
      g_free (key);
    }
}

static const char *
record_name (MpRecord *record)
{
  if (MP_IS_DELEGATION (record))
    return mp_delegation_get_name (MP_DELEGATION (record));
  if (MP_IS_PARTICIPANT (record))
    return mp_participant_get_name (MP_PARTICIPANT (record));
  return mp_room_get_name (MP_ROOM (record));
}

static void
add_entries (MpExportEach *self,
             GHashTable   *taken,
             GListModel   *records,
             const char   *extension)
{
  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr(MpRecord) record = g_list_model_get_item (records, i);
      g_autofree char *stem = make_stem (mp_record_get_id (record), record_name (record));
      Entry entry = { record, make_unique (taken, stem, extension) };

      g_array_append_val (self->entries, entry);
    }
}

MpExportEach *
mp_export_each_new (MpPlan            *plan,
                    MpExportEachKind   kind,
                    MpExportEachFlags  flags)
{
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *extension = kind == MP_EXPORT_EACH_CALENDARS ? "ics" : "pdf";
  MpExportEach *self;

  g_return_val_if_fail (MP_IS_PLAN (plan), NULL);
  g_return_val_if_fail (kind <= MP_EXPORT_EACH_AGENDAS, NULL);

  self = g_new0 (MpExportEach, 1);
  self->plan = g_object_ref (plan);
  self->kind = kind;
  self->paper = MP_PAPER_A4;
  self->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  g_array_set_clear_func (self->entries, entry_clear);

  g_hash_table_add (taken, g_utf8_casefold (INDEX_NAME, -1));

  /* Everyone gets a file, a person without a meeting too. The office
   * sends them all at once (index.csv is made for a mail merge): a person
   * left out looks like a mistake and gets a telephone call, where an
   * empty agenda says in words that nothing is planned for them, and an
   * empty calendar is a valid one that a later export fills. */
  add_entries (self, taken, mp_plan_get_delegations (plan), extension);
  add_entries (self, taken, mp_plan_get_participants (plan), extension);
  if (flags & MP_EXPORT_EACH_ROOMS)
    add_entries (self, taken, mp_plan_get_rooms (plan), extension);

  return self;
}

void
mp_export_each_free (MpExportEach *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->entries, g_array_unref);
  g_clear_object (&self->plan);
  g_free (self);
}

void
mp_export_each_set_paper (MpExportEach *self,
                          MpPaper       paper)
{
  g_return_if_fail (self != NULL);

  self->paper = paper;
}

guint
mp_export_each_get_n_files (MpExportEach *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->entries->len;
}

const char *
mp_export_each_get_file_name (MpExportEach *self,
                              guint         i)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (i < self->entries->len, NULL);

  return g_array_index (self->entries, Entry, i).name;
}

MpRecord *
mp_export_each_get_audience (MpExportEach *self,
                             guint         i)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (i < self->entries->len, NULL);

  return g_array_index (self->entries, Entry, i).audience;
}

guint
mp_export_each_get_n_written (MpExportEach *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_written;
}

static gboolean
make_folder (const char  *folder,
             GError     **error)
{
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (folder);

      g_set_error (error, MP_EXPORT_EACH_ERROR, MP_EXPORT_EACH_ERROR_FOLDER,
                   _("Could not make the folder “%s”: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/* An agenda is made for an id: an id that a delegation and a person share
 * would give the person the delegation's agenda. */
static gboolean
check_ids (MpExportEach  *self,
           GError       **error)
{
  for (guint i = 0; i < self->entries->len; i++)
    {
      MpRecord *audience = g_array_index (self->entries, Entry, i).audience;
      const char *id = mp_record_get_id (audience);

      if (mp_ics_lookup_audience (self->plan, id) != audience)
        {
          g_set_error (error, MP_EXPORT_EACH_ERROR, MP_EXPORT_EACH_ERROR_SHARED_ID,
                       _("Two of the plan’s delegations, people and rooms have the id “%s”: give one of them another id so that each gets its own agenda"),
                       id);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
write_private (const char  *path,
               const char  *data,
               gsize        length,
               GError     **error)
{
  return g_file_set_contents_full (path, data, length, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

static gboolean
write_entry (MpExportEach   *self,
             MpIcsExporter  *exporter,
             Entry          *entry,
             const char     *path,
             GError        **error)
{
  g_autoptr(MpAgenda) agenda = NULL;
  g_autoptr(GBytes) pdf = NULL;
  const char *id = mp_record_get_id (entry->audience);
  MpAgendaLayout layout;

  if (exporter != NULL)
    {
      gsize length;
      g_autofree char *text = mp_ics_exporter_export (exporter, entry->audience, &length);

      return write_private (path, text, length, error);
    }

  if (!mp_agenda_default_layout (self->plan, id, &layout, error) ||
      (agenda = mp_agenda_new (self->plan, layout, id, error)) == NULL ||
      (pdf = mp_agenda_to_pdf (agenda, self->paper, error)) == NULL)
    return FALSE;

  return write_private (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), error);
}

static void
append_field (GString    *out,
              const char *text)
{
  g_string_append_c (out, '"');
  /* A spreadsheet runs a cell that starts like a formula. */
  if (text != NULL && text[0] != '\0' && strchr ("=+-@", text[0]) != NULL)
    g_string_append_c (out, '\'');
  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static const char *
record_kind (MpRecord *record)
{
  if (MP_IS_DELEGATION (record))
    return "delegation";
  if (MP_IS_PARTICIPANT (record))
    return "participant";
  return "room";
}

/* The columns are for programs (a mail merge): English words, in RFC 4180. */
static gboolean
write_index (MpExportEach  *self,
             const char    *folder,
             GError       **error)
{
  g_autoptr(GString) out = g_string_new ("file,kind,id,name,delegation,email\r\n");
  g_autofree char *path = g_build_filename (folder, INDEX_NAME, NULL);
  g_autoptr(GError) local_error = NULL;

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);
      MpParticipant *person = MP_IS_PARTICIPANT (entry->audience) ? MP_PARTICIPANT (entry->audience) : NULL;
      const char *delegation = NULL;

      if (person != NULL)
        delegation = mp_participant_get_delegation (person);
      else if (MP_IS_DELEGATION (entry->audience))
        delegation = mp_record_get_id (entry->audience);

      append_field (out, entry->name);
      g_string_append_c (out, ',');
      append_field (out, record_kind (entry->audience));
      g_string_append_c (out, ',');
      append_field (out, mp_record_get_id (entry->audience));
      g_string_append_c (out, ',');
      append_field (out, record_name (entry->audience));
      g_string_append_c (out, ',');
      append_field (out, delegation);
      g_string_append_c (out, ',');
      append_field (out, person != NULL ? mp_participant_get_email (person) : NULL);
      g_string_append (out, "\r\n");
    }

  if (!write_private (path, out->str, out->len, &local_error))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, MP_EXPORT_EACH_ERROR, MP_EXPORT_EACH_ERROR_WRITE,
                   _("Could not write “%s”: %s"), display, local_error->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
mp_export_each_write (MpExportEach          *self,
                      const char            *folder,
                      MpExportEachProgress   progress,
                      gpointer               user_data,
                      GCancellable          *cancellable,
                      GError               **error)
{
  g_autoptr(MpIcsExporter) exporter = NULL;
  guint n_files;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (folder != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  self->n_written = 0;
  n_files = self->entries->len;

  if (self->kind == MP_EXPORT_EACH_AGENDAS && !check_ids (self, error))
    return FALSE;
  if (!make_folder (folder, error))
    return FALSE;

  /* One exporter for every calendar: it makes each meeting's event once. */
  if (self->kind == MP_EXPORT_EACH_CALENDARS)
    exporter = mp_ics_exporter_new (self->plan);

  for (guint i = 0; i < n_files; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);
      g_autofree char *path = g_build_filename (folder, entry->name, NULL);
      g_autoptr(GError) local_error = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      if (!write_entry (self, exporter, entry, path, &local_error))
        {
          g_autofree char *display = g_filename_display_name (path);

          if (self->kind == MP_EXPORT_EACH_CALENDARS)
            g_set_error (error, MP_EXPORT_EACH_ERROR, MP_EXPORT_EACH_ERROR_WRITE,
                         /* TRANSLATORS: the file; what went wrong; how many
                          * files were written before; how many there are */
                         g_dngettext (GETTEXT_PACKAGE,
                                      "Could not write “%s”: %s (%u of %u calendar written)",
                                      "Could not write “%s”: %s (%u of %u calendars written)", n_files),
                         display, local_error->message, self->n_written, n_files);
          else
            g_set_error (error, MP_EXPORT_EACH_ERROR, MP_EXPORT_EACH_ERROR_WRITE,
                         /* TRANSLATORS: the file; what went wrong; how many
                          * files were written before; how many there are */
                         g_dngettext (GETTEXT_PACKAGE,
                                      "Could not write “%s”: %s (%u of %u agenda written)",
                                      "Could not write “%s”: %s (%u of %u agendas written)", n_files),
                         display, local_error->message, self->n_written, n_files);
          return FALSE;
        }

      self->n_written++;
      if (progress != NULL)
        progress (self->n_written, n_files, user_data);
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  return write_index (self, folder, error);
}

char *
mp_export_each_format_progress (MpExportEachKind kind,
                                guint            n_written,
                                guint            n_files)
{
  if (kind == MP_EXPORT_EACH_CALENDARS)
    /* TRANSLATORS: while calendars are written, one per delegation and
     * person: how many so far; how many in all */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Writing calendars… %'u of %'u",
                                         "Writing calendars… %'u of %'u", n_files),
                            n_written, n_files);

  /* TRANSLATORS: while agendas (PDF) are written, one per delegation and
   * person: how many so far; how many in all */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Writing agendas… %'u of %'u",
                                       "Writing agendas… %'u of %'u", n_files),
                          n_written, n_files);
}

char *
mp_export_each_format_done (MpExportEachKind  kind,
                            guint             n_written,
                            const char       *where)
{
  if (kind == MP_EXPORT_EACH_CALENDARS)
    /* TRANSLATORS: how many .ics files; the folder */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Wrote %'u calendar to %s",
                                         "Wrote %'u calendars to %s", n_written),
                            n_written, where);

  /* TRANSLATORS: how many PDF files; the folder */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Wrote %'u agenda to %s",
                                       "Wrote %'u agendas to %s", n_written),
                          n_written, where);
}
