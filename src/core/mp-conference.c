/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mp-conference"

#include "config.h"

#include "mp-conference.h"
#include "mp-time.h"

struct _MpConference
{
  MpRecord   parent_instance;

  char      *title;
  char      *time_zone;
  GTimeZone *zone;
  gint64     start_date;
  gint64     end_date;
  char      *host;
  int        day_start;
  int        day_end;
  int        slot_minutes;
  int        turnover_minutes;
  int        buffer_minutes;
  char      *notes;
};

G_DEFINE_FINAL_TYPE (MpConference, mp_conference, MP_TYPE_RECORD)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_TIME_ZONE,
  PROP_START_DATE,
  PROP_END_DATE,
  PROP_HOST,
  PROP_DAY_START,
  PROP_DAY_END,
  PROP_SLOT_MINUTES,
  PROP_TURNOVER_MINUTES,
  PROP_BUFFER_MINUTES,
  PROP_NOTES,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
mp_conference_finalize (GObject *object)
{
  MpConference *self = (MpConference *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->time_zone, g_free);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  g_clear_pointer (&self->host, g_free);
  g_clear_pointer (&self->notes, g_free);

  G_OBJECT_CLASS (mp_conference_parent_class)->finalize (object);
}

static void
mp_conference_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  MpConference *self = MP_CONFERENCE (object);

  switch (prop_id)
    {
    case PROP_TITLE:            g_value_set_string (value, self->title); break;
    case PROP_TIME_ZONE:        g_value_set_string (value, self->time_zone); break;
    case PROP_START_DATE:       g_value_set_int64 (value, self->start_date); break;
    case PROP_END_DATE:         g_value_set_int64 (value, self->end_date); break;
    case PROP_HOST:             g_value_set_string (value, self->host); break;
    case PROP_DAY_START:        g_value_set_int (value, self->day_start); break;
    case PROP_DAY_END:          g_value_set_int (value, self->day_end); break;
    case PROP_SLOT_MINUTES:     g_value_set_int (value, self->slot_minutes); break;
    case PROP_TURNOVER_MINUTES: g_value_set_int (value, self->turnover_minutes); break;
    case PROP_BUFFER_MINUTES:   g_value_set_int (value, self->buffer_minutes); break;
    case PROP_NOTES:            g_value_set_string (value, self->notes); break;
    default:                    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_conference_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  MpConference *self = MP_CONFERENCE (object);

  switch (prop_id)
    {
    case PROP_TITLE:            mp_conference_set_title (self, g_value_get_string (value)); break;
    case PROP_TIME_ZONE:        mp_conference_set_time_zone (self, g_value_get_string (value)); break;
    case PROP_START_DATE:       mp_conference_set_start_date (self, g_value_get_int64 (value)); break;
    case PROP_END_DATE:         mp_conference_set_end_date (self, g_value_get_int64 (value)); break;
    case PROP_HOST:             mp_conference_set_host (self, g_value_get_string (value)); break;
    case PROP_DAY_START:        mp_conference_set_day_start (self, g_value_get_int (value)); break;
    case PROP_DAY_END:          mp_conference_set_day_end (self, g_value_get_int (value)); break;
    case PROP_SLOT_MINUTES:     mp_conference_set_slot_minutes (self, g_value_get_int (value)); break;
    case PROP_TURNOVER_MINUTES: mp_conference_set_turnover_minutes (self, g_value_get_int (value)); break;
    case PROP_BUFFER_MINUTES:   mp_conference_set_buffer_minutes (self, g_value_get_int (value)); break;
    case PROP_NOTES:            mp_conference_set_notes (self, g_value_get_string (value)); break;
    default:                    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_conference_class_init (MpConferenceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = mp_conference_finalize;
  object_class->get_property = mp_conference_get_property;
  object_class->set_property = mp_conference_set_property;

  properties [PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties [PROP_TIME_ZONE] = g_param_spec_string ("time-zone", NULL, NULL, NULL, flags);
  properties [PROP_START_DATE] = g_param_spec_int64 ("start-date", NULL, NULL, G_MININT32, G_MAXINT32, 0, flags);
  properties [PROP_END_DATE] = g_param_spec_int64 ("end-date", NULL, NULL, G_MININT32, G_MAXINT32, 0, flags);
  properties [PROP_HOST] = g_param_spec_string ("host", NULL, NULL, NULL, flags);
  properties [PROP_DAY_START] = g_param_spec_int ("day-start", NULL, NULL, 0, 24 * 60, MP_DEFAULT_DAY_START, flags);
  properties [PROP_DAY_END] = g_param_spec_int ("day-end", NULL, NULL, 0, 24 * 60, MP_DEFAULT_DAY_END, flags);
  properties [PROP_SLOT_MINUTES] = g_param_spec_int ("slot-minutes", NULL, NULL, 1, 24 * 60, MP_DEFAULT_SLOT, flags);
  properties [PROP_TURNOVER_MINUTES] = g_param_spec_int ("turnover-minutes", NULL, NULL, 0, 24 * 60, 0, flags);
  properties [PROP_BUFFER_MINUTES] = g_param_spec_int ("buffer-minutes", NULL, NULL, 0, 24 * 60, 0, flags);
  properties [PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mp_conference_init (MpConference *self)
{
  self->day_start = MP_DEFAULT_DAY_START;
  self->day_end = MP_DEFAULT_DAY_END;
  self->slot_minutes = MP_DEFAULT_SLOT;
  self->zone = g_time_zone_new_utc ();
}

MpConference *
mp_conference_new (void)
{
  return g_object_new (MP_TYPE_CONFERENCE, NULL);
}

MP_STRING_ACCESSORS (MpConference, mp_conference, MP_IS_CONFERENCE, title, PROP_TITLE)
MP_STRING_ACCESSORS (MpConference, mp_conference, MP_IS_CONFERENCE, host, PROP_HOST)
MP_STRING_ACCESSORS (MpConference, mp_conference, MP_IS_CONFERENCE, notes, PROP_NOTES)
MP_SCALAR_ACCESSORS (MpConference, mp_conference, MP_IS_CONFERENCE, gint64, start_date, PROP_START_DATE)
MP_SCALAR_ACCESSORS (MpConference, mp_conference, MP_IS_CONFERENCE, gint64, end_date, PROP_END_DATE)
MP_SCALAR_ACCESSORS (MpConference, mp_conference, MP_IS_CONFERENCE, int, day_start, PROP_DAY_START)
MP_SCALAR_ACCESSORS (MpConference, mp_conference, MP_IS_CONFERENCE, int, day_end, PROP_DAY_END)
MP_SCALAR_ACCESSORS (MpConference, mp_conference, MP_IS_CONFERENCE, int, slot_minutes, PROP_SLOT_MINUTES)
MP_SCALAR_ACCESSORS (MpConference, mp_conference, MP_IS_CONFERENCE, int, turnover_minutes, PROP_TURNOVER_MINUTES)
MP_SCALAR_ACCESSORS (MpConference, mp_conference, MP_IS_CONFERENCE, int, buffer_minutes, PROP_BUFFER_MINUTES)

const char *
mp_conference_get_time_zone (MpConference *self)
{
  g_return_val_if_fail (MP_IS_CONFERENCE (self), NULL);

  return self->time_zone;
}

void
mp_conference_set_time_zone (MpConference *self,
                             const char   *time_zone)
{
  GTimeZone *zone;

  g_return_if_fail (MP_IS_CONFERENCE (self));

  if (g_strcmp0 (self->time_zone, time_zone) == 0)
    return;

  /* An unknown name keeps UTC: the file layer refuses such names before
   * they get here, and a view must always have some zone to draw in. */
  zone = time_zone != NULL ? mp_time_zone_new (time_zone, NULL) : NULL;
  g_clear_pointer (&self->zone, g_time_zone_unref);
  self->zone = zone != NULL ? zone : g_time_zone_new_utc ();

  mp_record_set_string (MP_RECORD (self), &self->time_zone, time_zone,
                        properties [PROP_TIME_ZONE]);
}

GTimeZone *
mp_conference_get_zone (MpConference *self)
{
  g_return_val_if_fail (MP_IS_CONFERENCE (self), NULL);

  return self->zone;
}

guint
mp_conference_get_n_days (MpConference *self)
{
  g_return_val_if_fail (MP_IS_CONFERENCE (self), 0);

  return self->end_date >= self->start_date ? self->end_date - self->start_date + 1 : 0;
}
