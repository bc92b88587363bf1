/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mp-document"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "mp-document.h"
#include "mp-plan-file.h"

#define RECOVERY_SUFFIX ".ministerial"
#define ORIGIN_SUFFIX   ".origin"

struct _MpDocument
{
  GObject    parent_instance;

  MpPlan    *plan;
  MpHistory *history;
  GFile     *file;
  char      *recovery_name;   /* file name stem in the recovery folder */
  guint      recovery_id;     /* the debounced timeout */
  guint      modified : 1;
  guint      saving : 1;
};

G_DEFINE_FINAL_TYPE (MpDocument, mp_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PLAN,
  PROP_HISTORY,
  PROP_FILE,
  PROP_MODIFIED,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];
static guint recovery_delay_ms = 3000;

char *
mp_document_get_recovery_dir (void)
{
  return g_build_filename (g_get_user_state_dir (), "ministerial", "recovery", NULL);
}

static char *
recovery_name_for_file (GFile *file)
{
  g_autofree char *uri = NULL;

  if (file == NULL)
    {
      g_autofree char *uuid = g_uuid_string_random ();
      return g_strconcat ("untitled-", uuid, NULL);
    }

  uri = g_file_get_uri (file);
  return g_compute_checksum_for_string (G_CHECKSUM_SHA1, uri, -1);
}

char *
mp_document_get_recovery_path (MpDocument *self)
{
  g_autofree char *dir = mp_document_get_recovery_dir ();
  g_autofree char *name = g_strconcat (self->recovery_name, RECOVERY_SUFFIX, NULL);

  g_return_val_if_fail (MP_IS_DOCUMENT (self), NULL);

  return g_build_filename (dir, name, NULL);
}

static char *
origin_path_for (const char *recovery_path)
{
  g_autofree char *stem = g_strndup (recovery_path,
                                     strlen (recovery_path) - strlen (RECOVERY_SUFFIX));
  return g_strconcat (stem, ORIGIN_SUFFIX, NULL);
}

static void
remove_recovery (MpDocument *self)
{
  g_autofree char *path = mp_document_get_recovery_path (self);
  g_autofree char *origin = origin_path_for (path);

  g_clear_handle_id (&self->recovery_id, g_source_remove);
  if (g_unlink (path) != 0 && errno != ENOENT)
    g_warning ("Could not remove the recovery copy %s: %s", path, g_strerror (errno));
  g_unlink (origin);
}

static gboolean
write_recovery (MpDocument  *self,
                GError     **error)
{
  g_autofree char *dir = mp_document_get_recovery_dir ();
  g_autofree char *path = mp_document_get_recovery_path (self);
  g_autofree char *origin_path = origin_path_for (path);
  g_autofree char *origin = self->file != NULL ? g_file_get_uri (self->file) : g_strdup ("");
  g_autofree char *data = NULL;
  gsize length;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not create %s: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  data = mp_plan_file_to_data (self->plan, &length);
  return g_file_set_contents_full (origin_path, origin, -1,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0600, error) &&
         g_file_set_contents_full (path, data, length,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

static gboolean
on_recovery_timeout_cb (gpointer data)
{
  MpDocument *self = data;
  g_autoptr(GError) error = NULL;

  self->recovery_id = 0;
  if (self->modified && !write_recovery (self, &error))
    g_warning ("Could not write the recovery copy: %s", error->message);

  return G_SOURCE_REMOVE;
}

static void
set_modified (MpDocument *self,
              gboolean    modified)
{
  if (self->modified == !!modified)
    return;

  self->modified = !!modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MODIFIED]);
}

static void
on_plan_changed_cb (MpPlan     *plan,
                    MpDocument *self)
{
  if (self->saving)
    return;

  set_modified (self, TRUE);
  g_clear_handle_id (&self->recovery_id, g_source_remove);
  self->recovery_id = g_timeout_add (recovery_delay_ms, on_recovery_timeout_cb, self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TITLE]);
}

static void
set_plan (MpDocument *self,
          MpPlan     *plan)
{
  g_assert (self->plan == NULL);

  self->plan = g_object_ref (plan);
  self->history = mp_history_new (plan);
  g_signal_connect_object (plan, "changed", G_CALLBACK (on_plan_changed_cb), self, 0);
}

static void
mp_document_dispose (GObject *object)
{
  MpDocument *self = (MpDocument *)object;

  /* The recovery copy outlives the document only when the process dies:
   * a document that goes away was closed on purpose. */
  if (self->recovery_name != NULL)
    remove_recovery (self);

  g_clear_handle_id (&self->recovery_id, g_source_remove);
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  g_clear_object (&self->history);
  g_clear_object (&self->plan);
  g_clear_object (&self->file);
  g_clear_pointer (&self->recovery_name, g_free);

  G_OBJECT_CLASS (mp_document_parent_class)->dispose (object);
}

static void
mp_document_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  MpDocument *self = MP_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;

    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;

    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;

    case PROP_TITLE:
      g_value_take_string (value, mp_document_dup_title (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_document_class_init (MpDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mp_document_dispose;
  object_class->get_property = mp_document_get_property;

  properties [PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, MP_TYPE_PLAN,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, MP_TYPE_HISTORY,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mp_document_init (MpDocument *self)
{
}

MpDocument *
mp_document_new (void)
{
  MpDocument *self = g_object_new (MP_TYPE_DOCUMENT, NULL);
  g_autoptr(MpPlan) plan = mp_plan_new ();
  MpConference *conference = mp_plan_get_conference (plan);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  const char *zone = g_time_zone_get_identifier (local);
  g_autoptr(GTimeZone) parsed = mp_time_zone_new (zone, NULL);
  gint64 today = g_date_time_to_unix (now) / MP_SECONDS_PER_DAY;

  mp_conference_set_title (conference, _("Untitled Conference"));
  mp_conference_set_time_zone (conference, parsed != NULL ? zone : "UTC");
  mp_conference_set_start_date (conference, today);
  mp_conference_set_end_date (conference, today + 2);

  self->recovery_name = recovery_name_for_file (NULL);
  set_plan (self, plan);
  return self;
}

MpDocument *
mp_document_load (GFile   *file,
                  GError **error)
{
  g_autoptr(MpPlan) plan = NULL;
  MpDocument *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  plan = mp_plan_file_load (file, error);
  if (plan == NULL)
    return NULL;

  self = g_object_new (MP_TYPE_DOCUMENT, NULL);
  self->file = g_object_ref (file);
  self->recovery_name = recovery_name_for_file (file);
  set_plan (self, plan);
  return self;
}

MpPlan *
mp_document_get_plan (MpDocument *self)
{
  g_return_val_if_fail (MP_IS_DOCUMENT (self), NULL);

  return self->plan;
}

MpHistory *
mp_document_get_history (MpDocument *self)
{
  g_return_val_if_fail (MP_IS_DOCUMENT (self), NULL);

  return self->history;
}

GFile *
mp_document_get_file (MpDocument *self)
{
  g_return_val_if_fail (MP_IS_DOCUMENT (self), NULL);

  return self->file;
}

gboolean
mp_document_get_modified (MpDocument *self)
{
  g_return_val_if_fail (MP_IS_DOCUMENT (self), FALSE);

  return self->modified;
}

char *
mp_document_dup_title (MpDocument *self)
{
  const char *title;

  g_return_val_if_fail (MP_IS_DOCUMENT (self), NULL);

  title = mp_conference_get_title (mp_plan_get_conference (self->plan));
  if (title != NULL && title[0] != '\0')
    return g_strdup (title);
  if (self->file != NULL)
    {
      g_autofree char *name = g_file_get_basename (self->file);
      return g_filename_display_name (name);
    }
  return g_strdup (_("Untitled Plan"));
}

gboolean
mp_document_save (MpDocument  *self,
                  GFile       *file,
                  GError     **error)
{
  gboolean ok;

  g_return_val_if_fail (MP_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (file != NULL || self->file != NULL, FALSE);

  if (file == NULL)
    file = self->file;

  /* Saving gives meetings their uids and sequences: not an edit. */
  self->saving = TRUE;
  ok = mp_plan_file_save (self->plan, file, error);
  self->saving = FALSE;
  if (!ok)
    return FALSE;

  remove_recovery (self);
  if (self->file != file)
    {
      g_set_object (&self->file, file);
      g_free (self->recovery_name);
      self->recovery_name = recovery_name_for_file (file);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FILE]);
    }
  set_modified (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TITLE]);
  return TRUE;
}

void
mp_document_discard_recovery (MpDocument *self)
{
  g_return_if_fail (MP_IS_DOCUMENT (self));

  remove_recovery (self);
}

void
mp_recovery_free (MpRecovery *recovery)
{
  g_free (recovery->path);
  g_clear_object (&recovery->original);
  g_free (recovery);
}

void
mp_recovery_delete (MpRecovery *recovery)
{
  g_autofree char *origin = origin_path_for (recovery->path);

  g_unlink (recovery->path);
  g_unlink (origin);
}

static int
compare_recoveries (gconstpointer a,
                    gconstpointer b)
{
  const MpRecovery *ra = *(MpRecovery * const *) a;
  const MpRecovery *rb = *(MpRecovery * const *) b;

  return (rb->modified > ra->modified) - (rb->modified < ra->modified);
}

GPtrArray *
mp_document_list_recoveries (void)
{
  g_autofree char *dir_path = mp_document_get_recovery_dir ();
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  GPtrArray *recoveries = g_ptr_array_new_with_free_func ((GDestroyNotify) mp_recovery_free);
  const char *name;

  if (dir == NULL)
    return recoveries;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *origin_path = NULL;
      g_autofree char *origin = NULL;
      GStatBuf st;
      MpRecovery *recovery;

      if (!g_str_has_suffix (name, RECOVERY_SUFFIX))
        continue;

      path = g_build_filename (dir_path, name, NULL);
      if (g_stat (path, &st) != 0)
        continue;

      origin_path = origin_path_for (path);
      g_file_get_contents (origin_path, &origin, NULL, NULL);

      recovery = g_new0 (MpRecovery, 1);
      recovery->path = g_steal_pointer (&path);
      recovery->modified = st.st_mtime;
      if (origin != NULL && origin[0] != '\0')
        recovery->original = g_file_new_for_uri (g_strstrip (origin));
      g_ptr_array_add (recoveries, recovery);
    }

  g_ptr_array_sort (recoveries, compare_recoveries);
  return recoveries;
}

MpDocument *
mp_document_recover (MpRecovery  *recovery,
                     GError     **error)
{
  g_autoptr(GFile) copy = NULL;
  g_autoptr(MpPlan) plan = NULL;
  g_autofree char *basename = NULL;
  MpDocument *self;

  g_return_val_if_fail (recovery != NULL, NULL);

  copy = g_file_new_for_path (recovery->path);
  plan = mp_plan_file_load (copy, error);
  if (plan == NULL)
    return NULL;

  self = g_object_new (MP_TYPE_DOCUMENT, NULL);
  self->file = recovery->original != NULL ? g_object_ref (recovery->original) : NULL;
  basename = g_path_get_basename (recovery->path);
  self->recovery_name = g_strndup (basename, strlen (basename) - strlen (RECOVERY_SUFFIX));
  self->modified = TRUE;
  set_plan (self, plan);
  return self;
}

void
_mp_document_set_recovery_delay (guint milliseconds)
{
  recovery_delay_ms = milliseconds;
}
