/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mp-time"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "mp-time.h"

G_DEFINE_QUARK (mp-time-error-quark, mp_time_error)
G_DEFINE_BOXED_TYPE (MpTime, mp_time, mp_time_copy, mp_time_free)

MpTime *
mp_time_copy (const MpTime *self)
{
  return g_memdup2 (self, sizeof *self);
}

void
mp_time_free (MpTime *self)
{
  g_free (self);
}

/* Days from 1970-01-01 to a civil date, proleptic Gregorian (H. Hinnant). */
static gint64
days_from_civil (gint64 y,
                 int    m,
                 int    d)
{
  gint64 era;
  gint64 yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

static void
civil_from_days (gint64  z,
                 int    *year,
                 int    *month,
                 int    *day)
{
  gint64 era, doe, yoe, y, doy, mp;

  z += 719468;
  era = (z >= 0 ? z : z - 146096) / 146097;
  doe = z - era * 146097;
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  y = yoe + era * 400;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  *day = doy - (153 * mp + 2) / 5 + 1;
  *month = mp < 10 ? mp + 3 : mp - 9;
  *year = y + (*month <= 2);
}

static gboolean
read_digits (const char **p,
             int          n,
             int         *value)
{
  int v = 0;

  for (int i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit ((*p)[i]))
        return FALSE;
      v = v * 10 + ((*p)[i] - '0');
    }
  *p += n;
  *value = v;
  return TRUE;
}

static gboolean
read_date (const char **p,
           gint64      *day)
{
  int y, m, d;

  if (!read_digits (p, 4, &y) || *(*p)++ != '-' ||
      !read_digits (p, 2, &m) || *(*p)++ != '-' ||
      !read_digits (p, 2, &d))
    return FALSE;

  if (m < 1 || m > 12 || d < 1 || d > g_date_get_days_in_month (m, y))
    return FALSE;

  *day = days_from_civil (y, m, d);
  return TRUE;
}

static gboolean
read_clock (const char **p,
            int         *h,
            int         *m)
{
  if (!read_digits (p, 2, h) || *(*p)++ != ':' || !read_digits (p, 2, m))
    return FALSE;
  return *h <= 23 && *m <= 59;
}

gboolean
mp_time_parse (const char  *text,
               MpTime      *out,
               GError     **error)
{
  const char *p = text;
  MpTime t = { 0 };
  gint64 day;
  int h, m, s = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (!read_date (&p, &day) || *p++ != 'T' || !read_clock (&p, &h, &m))
    goto invalid;

  if (*p == ':')
    {
      p++;
      if (!read_digits (&p, 2, &s) || s > 59)
        goto invalid;
      t.seconds = TRUE;
    }

  if (*p == 'Z')
    {
      p++;
      t.absolute = t.utc_z = TRUE;
    }
  else if (*p == '+' || *p == '-')
    {
      int sign = *p++ == '-' ? -1 : 1;
      int oh, om;

      if (!read_clock (&p, &oh, &om))
        goto invalid;
      t.absolute = TRUE;
      t.offset = sign * (oh * 3600 + om * 60);
      t.minus_zero = sign < 0 && t.offset == 0;
    }

  if (*p != '\0')
    goto invalid;

  t.wall = day * MP_SECONDS_PER_DAY + h * 3600 + m * 60 + s;
  *out = t;
  return TRUE;

invalid:
  g_set_error (error, MP_TIME_ERROR, MP_TIME_ERROR_INVALID,
               _("“%s” is not a date-time of the form YYYY-MM-DDTHH:MM"),
               text);
  return FALSE;
}

char *
mp_time_to_string (const MpTime *self)
{
  GString *str = g_string_sized_new (32);
  gint64 day = self->wall >= 0 ? self->wall / MP_SECONDS_PER_DAY
                               : -((-self->wall + MP_SECONDS_PER_DAY - 1) / MP_SECONDS_PER_DAY);
  int secs = self->wall - day * MP_SECONDS_PER_DAY;
  int y, mo, d;

  civil_from_days (day, &y, &mo, &d);
  g_string_append_printf (str, "%04d-%02d-%02dT%02d:%02d",
                          y, mo, d, secs / 3600, secs / 60 % 60);
  if (self->seconds)
    g_string_append_printf (str, ":%02d", secs % 60);

  if (self->utc_z)
    g_string_append_c (str, 'Z');
  else if (self->absolute)
    {
      int off = ABS (self->offset);

      g_string_append_printf (str, "%c%02d:%02d",
                              self->offset < 0 || self->minus_zero ? '-' : '+',
                              off / 3600, off / 60 % 60);
    }

  return g_string_free (str, FALSE);
}

MpTime
mp_time_from_wall (gint64 wall)
{
  MpTime t = { .wall = wall };

  t.seconds = wall % 60 != 0;
  return t;
}

MpTime
mp_time_from_instant (gint64     instant,
                      GTimeZone *zone)
{
  return mp_time_from_wall (mp_wall_from_instant (instant, zone));
}

gboolean
mp_time_equal (const MpTime *a,
               const MpTime *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return a->wall == b->wall &&
         a->absolute == b->absolute &&
         a->utc_z == b->utc_z &&
         a->seconds == b->seconds &&
         (!a->absolute || (a->offset == b->offset && a->minus_zero == b->minus_zero));
}

static int
find_offset (GTimeZone *zone,
             gint64     instant)
{
  int interval = g_time_zone_find_interval (zone, G_TIME_TYPE_UNIVERSAL, instant);

  return g_time_zone_get_offset (zone, interval);
}

/* g_time_zone_find_interval () scans the zone's transitions from 1900 on,
 * and a load resolves every time of the plan several times: remember, for
 * each zone and UTC day, the offset when it holds all day. A zone changes
 * its offset at most once a day, so the two ends of a day tell. The cache
 * is per thread, keyed by the zone's name (zones of one name have one set
 * of rules), and direct-mapped: a plan's days are few. */
typedef struct
{
  const char *zone;     /* interned identifier, NULL when empty */
  gint64      day;
  int         offset;
  gboolean    steady;   /* offset holds all day */
} DayOffset;

#define N_DAY_OFFSETS 64

gboolean
mp_time_replace (MpTime       **field,
                 const MpTime  *value)
{
  if (mp_time_equal (*field, value))
    return FALSE;

  g_clear_pointer (field, mp_time_free);
  *field = value != NULL ? mp_time_copy (value) : NULL;
  return TRUE;
}

static int
offset_at (GTimeZone *zone,
           gint64     instant)
{
  static __thread DayOffset cache[N_DAY_OFFSETS];
  const char *identifier = g_time_zone_get_identifier (zone);
  gint64 day = instant >= 0 ? instant / MP_SECONDS_PER_DAY
                            : -((-instant + MP_SECONDS_PER_DAY - 1) / MP_SECONDS_PER_DAY);
  DayOffset *entry = &cache[(guint64) day % N_DAY_OFFSETS];

  if (entry->zone == NULL || entry->day != day || strcmp (entry->zone, identifier) != 0)
    {
      gint64 first = day * MP_SECONDS_PER_DAY;

      entry->zone = g_intern_string (identifier);
      entry->day = day;
      entry->offset = find_offset (zone, first);
      entry->steady = entry->offset == find_offset (zone, first + MP_SECONDS_PER_DAY - 1);
    }

  return entry->steady ? entry->offset : find_offset (zone, instant);
}

/* Zones change their offset at most once within a day or so, so the
 * offsets a day before and a day after are the only candidates. A wall
 * time is valid under an offset when that offset is in force at the
 * instant it gives; of two valid readings (the fold) the earlier wins. */
static gboolean
resolve_local (gint64     wall,
               GTimeZone *zone,
               gint64    *instant)
{
  int before = offset_at (zone, wall - MP_SECONDS_PER_DAY);
  int after = offset_at (zone, wall + MP_SECONDS_PER_DAY);
  gboolean found = FALSE;
  gint64 best = 0;
  int candidates[2] = { before, after };

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      gint64 t = wall - candidates[i];

      if (offset_at (zone, t) == candidates[i] && (!found || t < best))
        {
          best = t;
          found = TRUE;
        }
    }

  if (found)
    *instant = best;
  else
    /* In the gap: the clock jumped from before to after. */
    *instant = wall - before;

  return found;
}

gboolean
mp_time_resolve (const MpTime  *self,
                 GTimeZone     *zone,
                 gint64        *instant,
                 GError       **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->absolute)
    {
      *instant = self->wall - self->offset;
      return TRUE;
    }

  g_return_val_if_fail (zone != NULL, FALSE);

  if (!resolve_local (self->wall, zone, instant))
    {
      g_autofree char *text = mp_time_to_string (self);

      g_set_error (error, MP_TIME_ERROR, MP_TIME_ERROR_GAP,
                   _("%s does not exist in %s: the clocks skip it for daylight saving time"),
                   text, g_time_zone_get_identifier (zone));
      return FALSE;
    }

  return TRUE;
}

gint64
mp_time_instant (const MpTime *self,
                 GTimeZone    *zone)
{
  gint64 instant = 0;

  g_return_val_if_fail (self != NULL, 0);

  if (self->absolute)
    return self->wall - self->offset;

  resolve_local (self->wall, zone, &instant);
  return instant;
}

gint64
mp_wall_from_instant (gint64     instant,
                      GTimeZone *zone)
{
  return instant + offset_at (zone, instant);
}

GDateTime *
mp_date_time_new (gint64     instant,
                  GTimeZone *zone)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (instant);

  return g_date_time_to_timezone (utc, zone);
}

gboolean
mp_date_parse (const char  *text,
               gint64      *day,
               GError     **error)
{
  const char *p = text;

  if (read_date (&p, day) && *p == '\0')
    return TRUE;

  g_set_error (error, MP_TIME_ERROR, MP_TIME_ERROR_INVALID,
               _("“%s” is not a date of the form YYYY-MM-DD"), text);
  return FALSE;
}

char *
mp_date_to_string (gint64 day)
{
  int y, m, d;

  civil_from_days (day, &y, &m, &d);
  return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
}

gboolean
mp_clock_parse (const char  *text,
                int         *minutes,
                GError     **error)
{
  const char *p = text;
  int h, m;

  /* 24:00 is allowed: it is how a day that runs to midnight ends. */
  if (read_digits (&p, 2, &h) && *p++ == ':' && read_digits (&p, 2, &m) &&
      *p == '\0' && ((h <= 23 && m <= 59) || (h == 24 && m == 0)))
    {
      *minutes = h * 60 + m;
      return TRUE;
    }

  g_set_error (error, MP_TIME_ERROR, MP_TIME_ERROR_INVALID,
               _("“%s” is not a time of day of the form HH:MM"), text);
  return FALSE;
}

char *
mp_clock_to_string (int minutes)
{
  return g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60);
}

/* An IANA name: components of letters, digits, '_', '-' and '+', the first
 * starting with a letter, joined by '/'. This refuses offsets ("+05:00"),
 * paths ("/etc/passwd", "../x") and POSIX rules ("EST5EDT,M3.2.0,M11.1.0"),
 * which g_time_zone_new_identifier () would all take. */
static gboolean
is_iana_name (const char *identifier)
{
  gboolean component_start = TRUE;

  if (identifier == NULL || !g_ascii_isalpha (identifier[0]))
    return FALSE;

  for (const char *p = identifier; *p != '\0'; p++)
    {
      if (*p == '/')
        {
          if (component_start)
            return FALSE;
          component_start = TRUE;
          continue;
        }
      if (!g_ascii_isalnum (*p) && *p != '_' && *p != '-' && *p != '+')
        return FALSE;
      component_start = FALSE;
    }

  return !component_start;
}

/* The zone must come from the tz database, not from GLib's reading of the
 * name as a POSIX rule ("UTC+5"): its file must exist, and be a zone
 * ("leapseconds" is a text file there, which GLib would choke on). */
static gboolean
in_tz_database (const char *identifier)
{
  const char *tzdir = g_getenv ("TZDIR");
  g_autofree char *path = NULL;
  char magic[4];
  FILE *f;
  gboolean ok;

  if (tzdir == NULL || tzdir[0] == '\0')
    tzdir = "/usr/share/zoneinfo";
  path = g_build_filename (tzdir, identifier, NULL);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR) || (f = fopen (path, "rb")) == NULL)
    return FALSE;
  ok = fread (magic, 1, sizeof magic, f) == sizeof magic && memcmp (magic, "TZif", 4) == 0;
  fclose (f);
  return ok;
}

G_LOCK_DEFINE_STATIC (known_zones);

gboolean
mp_time_zone_validate (const char  *identifier,
                       GError     **error)
{
  static GHashTable *known;   /* identifier → GINT_TO_POINTER (valid + 1) */
  gpointer answer;
  gboolean valid;

  /* Cheaper than mp_time_zone_new (): the zone file is not parsed. Plans
   * name many zones only to show them (each delegation's home). */
  G_LOCK (known_zones);
  if (known == NULL)
    known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  answer = identifier != NULL ? g_hash_table_lookup (known, identifier) : NULL;
  if (answer != NULL)
    valid = GPOINTER_TO_INT (answer) - 1;
  else
    {
      valid = identifier != NULL && is_iana_name (identifier) && in_tz_database (identifier);
      if (identifier != NULL && g_hash_table_size (known) < 1024)
        g_hash_table_insert (known, g_strdup (identifier), GINT_TO_POINTER (valid + 1));
    }
  G_UNLOCK (known_zones);

  if (!valid)
    g_set_error (error, MP_TIME_ERROR, MP_TIME_ERROR_ZONE,
                 _("“%s” is not a time zone of the IANA database"),
                 identifier != NULL ? identifier : "");
  return valid;
}

G_LOCK_DEFINE_STATIC (zones);

GTimeZone *
mp_time_zone_new (const char  *identifier,
                  GError     **error)
{
  static GHashTable *zones;   /* identifier → GTimeZone, or NULL when refused */
  GTimeZone *zone = NULL;
  gboolean known;

  /* Plans name a handful of zones many times over (every venue and
   * delegation); reading and parsing a zone file each time costs more
   * than the rest of a load. Zones are immutable, so keep them. */
  G_LOCK (zones);
  if (zones == NULL)
    zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                   (GDestroyNotify) g_time_zone_unref);
  known = identifier != NULL &&
          g_hash_table_lookup_extended (zones, identifier, NULL, (gpointer *) &zone);
  if (known)
    zone = zone != NULL ? g_time_zone_ref (zone) : NULL;
  else if (identifier != NULL)
    {
      if (mp_time_zone_validate (identifier, NULL))
        zone = g_time_zone_new_identifier (identifier);
      /* Bounded: names come from files, which may be hostile. */
      if (g_hash_table_size (zones) < 256)
        g_hash_table_insert (zones, g_strdup (identifier),
                             zone != NULL ? g_time_zone_ref (zone) : NULL);
    }
  G_UNLOCK (zones);

  if (zone == NULL)
    g_set_error (error, MP_TIME_ERROR, MP_TIME_ERROR_ZONE,
                 _("“%s” is not a time zone of the IANA database"),
                 identifier != NULL ? identifier : "");
  return zone;
}
