/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Local date-times in IANA zones: parsing, writing, daylight-saving gaps
 * and folds, and zones whose rules changed (Mexico, 2022). */

#include "config.h"

#include "test-utils.h"

#include "mp-time.h"

#define utc test_utc

static GTimeZone *
zone (const char *identifier)
{
  g_autoptr(GError) error = NULL;
  GTimeZone *tz = mp_time_zone_new (identifier, &error);

  g_assert_no_error (error);
  g_assert_nonnull (tz);
  return tz;
}

#define parse test_time

/* The instant of a local time, asserting that it exists. */
static gint64
resolve (const char *text,
         GTimeZone  *tz)
{
  g_autoptr(GError) error = NULL;
  MpTime t = parse (text);
  gint64 instant = -1;

  g_assert_true (mp_time_resolve (&t, tz, &instant, &error));
  g_assert_no_error (error);
  /* The lenient reading agrees wherever the time exists. */
  g_assert_cmpint (mp_time_instant (&t, tz), ==, instant);
  return instant;
}

static void
assert_gap (const char *text,
            GTimeZone  *tz)
{
  g_autoptr(GError) error = NULL;
  MpTime t = parse (text);
  gint64 instant = -1;

  g_assert_false (mp_time_resolve (&t, tz, &instant, &error));
  g_assert_error (error, MP_TIME_ERROR, MP_TIME_ERROR_GAP);
  /* The message names the time, the zone and the reason. */
  g_assert_nonnull (strstr (error->message, text));
  g_assert_nonnull (strstr (error->message, g_time_zone_get_identifier (tz)));
  g_assert_nonnull (strstr (error->message, "daylight saving"));
}

static void
test_round_trip (void)
{
  const char *texts[] = {
    "2014-04-23T09:00",
    "2014-04-23T09:00:30",
    "2014-04-23T09:00:00",
    "2014-04-23T14:00Z",
    "2014-04-23T14:00:05Z",
    "2014-04-23T09:00-05:00",
    "2014-04-23T09:00+05:30",
    "2014-04-23T09:00:00+00:00",
    "2014-04-23T09:00-00:00",
    "1969-12-31T23:59",
    "2024-02-29T00:00",
    "9999-12-31T23:59:59",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      MpTime t = parse (texts[i]);
      g_autofree char *back = mp_time_to_string (&t);
      g_autoptr(MpTime) copy = mp_time_copy (&t);

      g_assert_cmpstr (back, ==, texts[i]);
      g_assert_true (mp_time_equal (&t, copy));
    }
}

static void
test_absolute (void)
{
  g_autoptr(GTimeZone) mexico = zone ("America/Mexico_City");
  g_autoptr(GTimeZone) brussels = zone ("Europe/Brussels");
  MpTime z = parse ("2014-04-23T14:00Z");
  MpTime off = parse ("2014-04-23T09:00-05:00");
  MpTime plus = parse ("2014-04-23T19:30+05:30");
  MpTime local = parse ("2014-04-23T14:00");
  gint64 instant;

  g_assert_true (z.absolute && z.utc_z);
  g_assert_true (off.absolute && !off.utc_z);
  g_assert_cmpint (off.offset, ==, -5 * 3600);
  g_assert_false (local.absolute);

  /* Absolute times ignore the zone they are read in. */
  g_assert_cmpint (mp_time_instant (&z, mexico), ==, utc (2014, 4, 23, 14, 0));
  g_assert_cmpint (mp_time_instant (&z, brussels), ==, utc (2014, 4, 23, 14, 0));
  g_assert_cmpint (mp_time_instant (&off, brussels), ==, utc (2014, 4, 23, 14, 0));
  g_assert_cmpint (mp_time_instant (&plus, NULL), ==, utc (2014, 4, 23, 14, 0));
  g_assert_true (mp_time_resolve (&off, NULL, &instant, NULL));
  g_assert_cmpint (instant, ==, utc (2014, 4, 23, 14, 0));

  /* The same instant written three ways is three different texts. */
  g_assert_false (mp_time_equal (&z, &off));
  g_assert_false (mp_time_equal (&z, &local));
  g_assert_true (mp_time_equal (NULL, NULL));
  g_assert_false (mp_time_equal (&z, NULL));
}

static void
test_invalid (void)
{
  const char *texts[] = {
    "", "2014-04-23", "2014-04-23 09:00", "2014-04-23T9:00", "2014-04-23T09",
    "2014-02-30T09:00", "2014-13-01T09:00", "2014-00-10T09:00", "2014-04-00T09:00",
    "2014-04-23T24:00", "2014-04-23T09:60", "2014-04-23T09:00:60",
    "2014-04-23T09:00Zjunk", "2014-04-23T09:00+5", "2014-04-23T09:00+05:00:00",
    "2014-04-23T09:00 ", "x2014-04-23T09:00", "2023-02-29T00:00", "14-04-23T09:00",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      MpTime t;

      g_assert_false (mp_time_parse (texts[i], &t, &error));
      g_assert_error (error, MP_TIME_ERROR, MP_TIME_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, texts[i]));
    }
}

static void
test_mexico_2014 (void)
{
  g_autoptr(GTimeZone) mexico = zone ("America/Mexico_City");

  /* Standard time (UTC-6) before 6 April, daylight time (UTC-5) after. */
  g_assert_cmpint (resolve ("2014-04-06T01:59", mexico), ==, utc (2014, 4, 6, 7, 59));
  assert_gap ("2014-04-06T02:00", mexico);
  assert_gap ("2014-04-06T02:30", mexico);
  assert_gap ("2014-04-06T02:59:59", mexico);
  g_assert_cmpint (resolve ("2014-04-06T03:00", mexico), ==, utc (2014, 4, 6, 8, 0));

  /* The sample's days, and the harness's reference instants. */
  g_assert_cmpint (resolve ("2014-04-23T09:00", mexico), ==, utc (2014, 4, 23, 14, 0));
  g_assert_cmpint (resolve ("2014-05-12T10:00", mexico), ==, utc (2014, 5, 12, 15, 0));
  g_assert_cmpint (resolve ("2014-11-20T09:30", mexico), ==, utc (2014, 11, 20, 15, 30));

  /* The fold: 01:00 to 02:00 on 26 October happens twice; the first
   * reading (still daylight time, UTC-5) wins. */
  g_assert_cmpint (resolve ("2014-10-26T00:59", mexico), ==, utc (2014, 10, 26, 5, 59));
  g_assert_cmpint (resolve ("2014-10-26T01:00", mexico), ==, utc (2014, 10, 26, 6, 0));
  g_assert_cmpint (resolve ("2014-10-26T01:30", mexico), ==, utc (2014, 10, 26, 6, 30));
  g_assert_cmpint (resolve ("2014-10-26T01:59:59", mexico), ==, utc (2014, 10, 26, 6, 59) + 59);
  g_assert_cmpint (resolve ("2014-10-26T02:00", mexico), ==, utc (2014, 10, 26, 8, 0));
}

static void
test_brussels_2024 (void)
{
  g_autoptr(GTimeZone) brussels = zone ("Europe/Brussels");

  g_assert_cmpint (resolve ("2024-03-31T01:59", brussels), ==, utc (2024, 3, 31, 0, 59));
  assert_gap ("2024-03-31T02:00", brussels);
  assert_gap ("2024-03-31T02:30", brussels);
  g_assert_cmpint (resolve ("2024-03-31T03:00", brussels), ==, utc (2024, 3, 31, 1, 0));

  /* 02:00 to 03:00 on 27 October happens twice: first in CEST (UTC+2). */
  g_assert_cmpint (resolve ("2024-10-27T01:59", brussels), ==, utc (2024, 10, 26, 23, 59));
  g_assert_cmpint (resolve ("2024-10-27T02:00", brussels), ==, utc (2024, 10, 27, 0, 0));
  g_assert_cmpint (resolve ("2024-10-27T02:30", brussels), ==, utc (2024, 10, 27, 0, 30));
  g_assert_cmpint (resolve ("2024-10-27T03:00", brussels), ==, utc (2024, 10, 27, 2, 0));

  /* Summer and winter. */
  g_assert_cmpint (resolve ("2024-07-01T12:00", brussels), ==, utc (2024, 7, 1, 10, 0));
  g_assert_cmpint (resolve ("2024-12-01T12:00", brussels), ==, utc (2024, 12, 1, 11, 0));
}

static void
test_mexico_2023 (void)
{
  g_autoptr(GTimeZone) mexico = zone ("America/Mexico_City");

  /* No daylight saving after October 2022: the 2014 gap time exists, and
   * summer is UTC-6. */
  g_assert_cmpint (resolve ("2023-04-02T02:30", mexico), ==, utc (2023, 4, 2, 8, 30));
  g_assert_cmpint (resolve ("2023-04-06T02:30", mexico), ==, utc (2023, 4, 6, 8, 30));
  g_assert_cmpint (resolve ("2023-07-01T10:00", mexico), ==, utc (2023, 7, 1, 16, 0));
  g_assert_cmpint (resolve ("2023-10-29T01:30", mexico), ==, utc (2023, 10, 29, 7, 30));
  /* The last fold, 30 October 2022. */
  g_assert_cmpint (resolve ("2022-10-30T01:30", mexico), ==, utc (2022, 10, 30, 6, 30));
}

static void
test_lenient_gap (void)
{
  g_autoptr(GTimeZone) mexico = zone ("America/Mexico_City");
  MpTime t = parse ("2014-04-06T02:30");

  /* mp_time_instant () moves a time in the gap forward, as clocks do. */
  g_assert_cmpint (mp_time_instant (&t, mexico), ==, utc (2014, 4, 6, 8, 30));
}

static void
test_from_instant (void)
{
  g_autoptr(GTimeZone) mexico = zone ("America/Mexico_City");
  g_autoptr(GTimeZone) brussels = zone ("Europe/Brussels");
  g_autoptr(GDateTime) dt = NULL;
  MpTime t;
  g_autofree char *text = NULL;
  g_autofree char *text2 = NULL;
  g_autofree char *text3 = NULL;

  t = mp_time_from_instant (utc (2014, 4, 23, 14, 0), mexico);
  text = mp_time_to_string (&t);
  g_assert_cmpstr (text, ==, "2014-04-23T09:00");
  g_assert_false (t.absolute);

  /* The second pass through the fold reads as the same wall clock. */
  t = mp_time_from_instant (utc (2024, 10, 27, 1, 30), brussels);
  text2 = mp_time_to_string (&t);
  g_assert_cmpstr (text2, ==, "2024-10-27T02:30");

  t = mp_time_from_instant (utc (2014, 4, 23, 14, 0) + 15, mexico);
  text3 = mp_time_to_string (&t);
  g_assert_cmpstr (text3, ==, "2014-04-23T09:00:15");

  g_assert_cmpint (mp_wall_from_instant (utc (2014, 5, 12, 15, 0), mexico), ==,
                   utc (2014, 5, 12, 10, 0));

  dt = mp_date_time_new (utc (2014, 5, 12, 15, 0), mexico);
  g_assert_cmpint (g_date_time_get_hour (dt), ==, 10);
  g_assert_cmpint (g_date_time_get_utc_offset (dt) / G_TIME_SPAN_HOUR, ==, -5);
}

static void
test_dates (void)
{
  const char *good[] = { "2014-04-23", "1970-01-01", "2024-02-29", "2000-02-29", "1899-12-31" };
  const char *bad[] = { "2014-02-30", "2023-02-29", "1900-02-29", "2014-4-23", "2014-04-23T00:00",
                        "", "20140423", "2014-04-31", "2014/04/23" };
  gint64 day;

  g_assert_true (mp_date_parse ("1970-01-01", &day, NULL));
  g_assert_cmpint (day, ==, 0);
  g_assert_true (mp_date_parse ("2014-04-23", &day, NULL));
  g_assert_cmpint (day, ==, utc (2014, 4, 23, 0, 0) / MP_SECONDS_PER_DAY);
  g_assert_true (mp_date_parse ("1969-12-31", &day, NULL));
  g_assert_cmpint (day, ==, -1);

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *back = NULL;

      g_assert_true (mp_date_parse (good[i], &day, NULL));
      back = mp_date_to_string (day);
      g_assert_cmpstr (back, ==, good[i]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (mp_date_parse (bad[i], &day, &error));
      g_assert_error (error, MP_TIME_ERROR, MP_TIME_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, bad[i]));
    }
}

static void
test_clocks (void)
{
  const char *bad[] = { "8:00", "08:0", "25:00", "24:01", "08:60", "0800", "", "08:00:00", "-1:00" };
  int minutes;

  g_assert_true (mp_clock_parse ("08:00", &minutes, NULL));
  g_assert_cmpint (minutes, ==, 8 * 60);
  g_assert_true (mp_clock_parse ("00:00", &minutes, NULL));
  g_assert_cmpint (minutes, ==, 0);
  g_assert_true (mp_clock_parse ("23:59", &minutes, NULL));
  g_assert_cmpint (minutes, ==, 23 * 60 + 59);
  g_assert_true (mp_clock_parse ("24:00", &minutes, NULL));
  g_assert_cmpint (minutes, ==, 24 * 60);

  for (int m = 0; m <= 24 * 60; m += 7)
    {
      g_autofree char *text = mp_clock_to_string (m);
      int back;

      g_assert_true (mp_clock_parse (text, &back, NULL));
      g_assert_cmpint (back, ==, m);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (mp_clock_parse (bad[i], &minutes, &error));
      g_assert_error (error, MP_TIME_ERROR, MP_TIME_ERROR_INVALID);
    }
}

static void
test_zones (void)
{
  const char *good[] = { "America/Mexico_City", "Europe/Brussels", "UTC", "Asia/Kolkata",
                         "America/Argentina/Buenos_Aires" };
  const char *bad[] = { "", "Mars/Olympus_Mons", "+05:00", "-06:00", "05:00", "+5", "America/",
                        "america/mexico_city", "../../etc/passwd", "/etc/passwd",
                        "America/Mexico City", "UTC+5", "EST5EDT,M3.2.0,M11.1.0",
                        /* Files of the tz database that are not zones. */
                        "leapseconds", "zone.tab", "tzdata.zi", "America" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GTimeZone) tz = zone (good[i]);

      g_assert_cmpstr (g_time_zone_get_identifier (tz), ==, good[i]);
      g_assert_true (mp_time_zone_validate (good[i], NULL));
      /* Asked again: the same answer. */
      g_assert_true (mp_time_zone_validate (good[i], NULL));
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GTimeZone) tz = mp_time_zone_new (bad[i], &error);

      if (tz != NULL)
        g_error ("“%s” was taken for a zone", bad[i]);
      g_assert_error (error, MP_TIME_ERROR, MP_TIME_ERROR_ZONE);
      g_assert_nonnull (strstr (error->message, bad[i]));
      g_clear_error (&error);
      g_assert_false (mp_time_zone_validate (bad[i], &error));
      g_assert_error (error, MP_TIME_ERROR, MP_TIME_ERROR_ZONE);
      g_clear_error (&error);
      g_assert_false (mp_time_zone_validate (bad[i], NULL));
    }

  {
    g_autoptr(GError) error = NULL;

    g_assert_null (mp_time_zone_new (NULL, &error));
    g_assert_error (error, MP_TIME_ERROR, MP_TIME_ERROR_ZONE);
  }
}

static void
test_far_years (void)
{
  g_autoptr(GTimeZone) mexico = zone ("America/Mexico_City");
  g_autoptr(GTimeZone) brussels = zone ("Europe/Brussels");

  /* Years past the table of transitions still follow the zone's rule. */
  assert_gap ("2090-03-26T02:30", brussels);
  g_assert_cmpint (resolve ("2090-07-01T12:00", brussels), ==, utc (2090, 7, 1, 10, 0));
  g_assert_cmpint (resolve ("2090-07-01T12:00", mexico), ==, utc (2090, 7, 1, 18, 0));
  g_assert_cmpint (resolve ("1970-01-01T00:00", brussels), ==, utc (1969, 12, 31, 23, 0));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/time/round-trip", test_round_trip);
  g_test_add_func ("/time/absolute", test_absolute);
  g_test_add_func ("/time/invalid", test_invalid);
  g_test_add_func ("/time/mexico-2014", test_mexico_2014);
  g_test_add_func ("/time/brussels-2024", test_brussels_2024);
  g_test_add_func ("/time/mexico-2023", test_mexico_2023);
  g_test_add_func ("/time/lenient-gap", test_lenient_gap);
  g_test_add_func ("/time/from-instant", test_from_instant);
  g_test_add_func ("/time/far-years", test_far_years);
  g_test_add_func ("/time/dates", test_dates);
  g_test_add_func ("/time/clocks", test_clocks);
  g_test_add_func ("/time/zones", test_zones);

  return g_test_run ();
}
