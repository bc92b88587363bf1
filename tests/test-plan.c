/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The plan model: collections, lookups by id, notifications, zones. */

#include "config.h"

#include "test-utils.h"

#include "mp-plan.h"

#define utc test_utc

#define parse test_time

static void
changed_cb (MpPlan *plan,
            guint  *count)
{
  (*count)++;
}

/* Every property --------------------------------------------------------- */

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           GPtrArray  *names)
{
  g_ptr_array_add (names, (char *) g_param_spec_get_name (pspec));
}

/* A value of pspec's type that differs from its default. */
static void
other_value (GParamSpec *pspec,
             GValue     *value)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);
  const GValue *def = g_param_spec_get_default_value (pspec);

  g_value_init (value, type);

  if (type == G_TYPE_STRING)
    {
      if (g_str_has_suffix (pspec->name, "time-zone"))
        g_value_set_string (value, "Europe/Brussels");
      else
        g_value_take_string (value, g_strconcat ("value of ", pspec->name, NULL));
    }
  else if (type == G_TYPE_INT)
    {
      GParamSpecInt *p = G_PARAM_SPEC_INT (pspec);

      g_value_set_int (value, g_value_get_int (def) < p->maximum ? g_value_get_int (def) + 1
                                                                 : g_value_get_int (def) - 1);
    }
  else if (type == G_TYPE_UINT)
    g_value_set_uint (value, g_value_get_uint (def) + 1);
  else if (type == G_TYPE_INT64)
    g_value_set_int64 (value, g_value_get_int64 (def) + 1);
  else if (type == G_TYPE_BOOLEAN)
    g_value_set_boolean (value, !g_value_get_boolean (def));
  else if (G_TYPE_IS_ENUM (type))
    g_value_set_enum (value, g_value_get_enum (def) == 0 ? 1 : 0);
  else if (type == MP_TYPE_TIME)
    {
      MpTime t = parse ("2014-04-23T09:00");

      g_value_set_boxed (value, &t);
    }
  else if (type == G_TYPE_STRV)
    {
      const char *strv[] = { "hagel", "nicholson", NULL };

      g_value_set_boxed (value, strv);
    }
  else if (type == G_TYPE_ARRAY)
    {
      g_autoptr(GArray) windows = g_array_new (FALSE, FALSE, sizeof (MpInterval));
      MpInterval window = { parse ("2014-04-23T08:00"), parse ("2014-04-23T12:00") };

      g_array_append_val (windows, window);
      g_value_set_boxed (value, windows);
    }
  else
    g_error ("no test value for %s of type %s", pspec->name, g_type_name (type));
}

static void
check_all_properties (GObject *object)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint n_pspecs;
  g_autofree GParamSpec **pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);
  gulong handler = g_signal_connect (object, "notify", G_CALLBACK (notify_cb), names);

  g_assert_cmpuint (n_pspecs, >, 1);

  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      g_auto(GValue) value = G_VALUE_INIT;
      g_auto(GValue) back = G_VALUE_INIT;

      if (!(pspec->flags & G_PARAM_WRITABLE))
        continue;

      /* Explicit notify: a setter notifies, and only when the value changes. */
      g_assert_true (pspec->flags & G_PARAM_EXPLICIT_NOTIFY);

      other_value (pspec, &value);
      g_ptr_array_set_size (names, 0);
      g_object_set_property (object, pspec->name, &value);
      if (names->len != 1 || !g_str_equal (g_ptr_array_index (names, 0), pspec->name))
        g_error ("%s: setting “%s” notified %u times",
                 G_OBJECT_TYPE_NAME (object), pspec->name, names->len);

      g_value_init (&back, G_PARAM_SPEC_VALUE_TYPE (pspec));
      g_object_get_property (object, pspec->name, &back);
      if (G_VALUE_HOLDS_STRING (&back))
        g_assert_cmpstr (g_value_get_string (&back), ==, g_value_get_string (&value));
      else if (G_VALUE_HOLDS (&back, G_TYPE_STRV))
        g_assert_true (g_strv_equal (g_value_get_boxed (&back), g_value_get_boxed (&value)));
      else if (G_VALUE_HOLDS (&back, MP_TYPE_TIME))
        g_assert_true (mp_time_equal (g_value_get_boxed (&back), g_value_get_boxed (&value)));
      else if (!G_VALUE_HOLDS_BOXED (&back))
        g_assert_cmpint (g_param_values_cmp (pspec, &back, &value), ==, 0);

      /* The same value again: no notification. */
      g_ptr_array_set_size (names, 0);
      g_object_set_property (object, pspec->name, &value);
      if (names->len != 0)
        g_error ("%s: setting “%s” to its own value notified", G_OBJECT_TYPE_NAME (object), pspec->name);
    }

  g_signal_handler_disconnect (object, handler);
}

static void
test_properties (void)
{
  g_autoptr(MpPlan) plan = mp_plan_new ();
  GType types[] = { MP_TYPE_VENUE, MP_TYPE_ROOM, MP_TYPE_TRAVEL, MP_TYPE_DELEGATION,
                    MP_TYPE_PARTICIPANT, MP_TYPE_MEETING, MP_TYPE_REQUEST };
  guint changed = 0;

  check_all_properties (G_OBJECT (mp_plan_get_conference (plan)));

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      MpRecord *record = g_object_new (types[i], "id", "x", NULL);
      g_autoptr(MpRecord) alone = g_object_new (types[i], "id", "y", NULL);
      guint before;

      /* Outside a plan, then inside one: the plan says "changed" for each. */
      check_all_properties (G_OBJECT (alone));

      g_assert_true (mp_plan_add (plan, record, NULL));
      g_signal_connect (plan, "changed", G_CALLBACK (changed_cb), &changed);
      before = changed;
      check_all_properties (G_OBJECT (record));
      g_assert_cmpuint (changed, >, before);
      g_signal_handlers_disconnect_by_func (plan, changed_cb, &changed);
      g_object_unref (record);
    }

  g_assert_finalize_object (g_steal_pointer (&plan));
}

/* Collections and ids ----------------------------------------------------- */

static void
test_lookup (void)
{
  g_autoptr(MpPlan) plan = mp_plan_new ();
  g_autoptr(MpVenue) venue = mp_venue_new ("sedena");
  g_autoptr(MpRoom) room = mp_room_new ("sedena");   /* ids are per collection */
  g_autoptr(MpRoom) other = mp_room_new ("press-room");
  g_autoptr(MpRoom) clash = mp_room_new ("sedena");
  g_autoptr(GError) error = NULL;

  g_assert_true (mp_plan_add (plan, MP_RECORD (venue), NULL));
  g_assert_true (mp_plan_add (plan, MP_RECORD (room), NULL));
  g_assert_true (mp_plan_add (plan, MP_RECORD (other), NULL));

  g_assert_true (mp_plan_get_venue (plan, "sedena") == venue);
  g_assert_true (mp_plan_get_room (plan, "sedena") == room);
  g_assert_true ((MpRoom *) mp_plan_lookup (plan, MP_TYPE_ROOM, "press-room") == other);
  g_assert_null (mp_plan_get_room (plan, "nowhere"));
  g_assert_null (mp_plan_get_room (plan, NULL));
  g_assert_null (mp_plan_get_delegation (plan, "sedena"));

  /* A taken id is refused, and the plan is unchanged. */
  g_assert_false (mp_plan_add (plan, MP_RECORD (clash), &error));
  g_assert_error (error, MP_PLAN_ERROR, MP_PLAN_ERROR_DUPLICATE_ID);
  g_assert_nonnull (strstr (error->message, "sedena"));
  g_assert_cmpuint (g_list_model_get_n_items (mp_plan_get_rooms (plan)), ==, 2);
  g_assert_true (mp_plan_get_room (plan, "sedena") == room);

  /* Lookups follow a change of id. */
  mp_record_set_id (MP_RECORD (room), "plenary-hall");
  g_assert_null (mp_plan_get_room (plan, "sedena"));
  g_assert_true (mp_plan_get_room (plan, "plenary-hall") == room);
  g_assert_true (mp_plan_get_venue (plan, "sedena") == venue);
  mp_record_set_id (MP_RECORD (room), "hall");
  g_assert_null (mp_plan_get_room (plan, "plenary-hall"));
  g_assert_true (mp_plan_get_room (plan, "hall") == room);
  g_assert_true (mp_plan_get_room (plan, "press-room") == other);

  /* Now "sedena" is free among rooms. */
  g_assert_true (mp_plan_add (plan, MP_RECORD (clash), NULL));
  g_assert_true (mp_plan_get_room (plan, "sedena") == clash);

  g_assert_true (mp_plan_get_collection (plan, MP_TYPE_ROOM) == mp_plan_get_rooms (plan));
  g_assert_true (g_list_model_get_item_type (mp_plan_get_rooms (plan)) == MP_TYPE_ROOM);

  g_clear_object (&room);
  g_clear_object (&other);
  g_clear_object (&clash);
  g_clear_object (&venue);
  g_assert_finalize_object (g_steal_pointer (&plan));
}

static void
test_many (void)
{
  g_autoptr(MpPlan) plan = mp_plan_new ();
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);
  const guint n = 5000;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", i);
      MpParticipant *p = mp_participant_new (id);

      g_assert_true (mp_plan_add (plan, MP_RECORD (p), NULL));
      g_ptr_array_add (people, p);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", i);

      g_assert_true (mp_plan_get_participant (plan, id) == g_ptr_array_index (people, i));
    }

  /* Remove every other one; the rest keep their lookups and order. */
  for (guint i = 0; i < n; i += 2)
    g_assert_cmpint (mp_plan_remove (plan, g_ptr_array_index (people, i)), ==, i / 2);
  g_assert_cmpuint (g_list_model_get_n_items (mp_plan_get_participants (plan)), ==, n / 2);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", i);

      if (i % 2 == 0)
        g_assert_null (mp_plan_get_participant (plan, id));
      else
        g_assert_true (mp_plan_get_participant (plan, id) == g_ptr_array_index (people, i));
    }

  g_ptr_array_set_size (people, 0);
  g_assert_finalize_object (g_steal_pointer (&plan));
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GString    *log)
{
  g_string_append_printf (log, "%u-%u+%u;", position, removed, added);
}

static void
test_insert_remove (void)
{
  g_autoptr(MpPlan) plan = mp_plan_new ();
  g_autoptr(MpDelegation) usa = mp_delegation_new ("USA");
  g_autoptr(MpDelegation) can = mp_delegation_new ("CAN");
  g_autoptr(MpDelegation) mex = mp_delegation_new ("MEX");
  g_autoptr(MpDelegation) gtm = mp_delegation_new ("GTM");
  g_autoptr(GString) log = g_string_new (NULL);
  GListModel *model = mp_plan_get_delegations (plan);
  guint changed = 0;

  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), log);
  g_signal_connect (plan, "changed", G_CALLBACK (changed_cb), &changed);

  g_assert_true (mp_plan_add (plan, MP_RECORD (usa), NULL));
  g_assert_true (mp_plan_insert (plan, MP_RECORD (can), 0, NULL));
  g_assert_true (mp_plan_insert (plan, MP_RECORD (mex), 1, NULL));
  g_assert_true (mp_plan_insert (plan, MP_RECORD (gtm), 99, NULL));
  g_assert_cmpstr (log->str, ==, "0-0+1;0-0+1;1-0+1;3-0+1;");
  g_assert_cmpuint (changed, ==, 4);

  g_assert_cmpint (mp_plan_get_position (plan, MP_RECORD (can)), ==, 0);
  g_assert_cmpint (mp_plan_get_position (plan, MP_RECORD (mex)), ==, 1);
  g_assert_cmpint (mp_plan_get_position (plan, MP_RECORD (usa)), ==, 2);
  g_assert_cmpint (mp_plan_get_position (plan, MP_RECORD (gtm)), ==, 3);

  g_assert_cmpint (mp_plan_remove (plan, MP_RECORD (mex)), ==, 1);
  g_assert_cmpuint (changed, ==, 5);
  g_assert_cmpint (mp_plan_remove (plan, MP_RECORD (mex)), ==, -1);
  g_assert_cmpuint (changed, ==, 5);
  g_assert_null (mp_plan_get_delegation (plan, "MEX"));
  g_assert_cmpint (mp_plan_get_position (plan, MP_RECORD (mex)), ==, -1);

  /* A removed object no longer speaks for the plan. */
  mp_delegation_set_name (mex, "México");
  g_assert_cmpuint (changed, ==, 5);
  mp_delegation_set_name (usa, "United States");
  g_assert_cmpuint (changed, ==, 6);

  /* It can come back. */
  g_assert_true (mp_plan_insert (plan, MP_RECORD (mex), 0, NULL));
  g_assert_true (mp_plan_get_delegation (plan, "MEX") == mex);
  g_assert_cmpuint (changed, ==, 7);

  g_signal_handlers_disconnect_by_func (model, items_changed_cb, log);
  g_clear_object (&usa);
  g_clear_object (&can);
  g_clear_object (&mex);
  g_clear_object (&gtm);
  g_assert_finalize_object (g_steal_pointer (&plan));
}

static void
test_changed (void)
{
  g_autoptr(MpPlan) plan = mp_plan_new ();
  g_autoptr(MpMeeting) meeting = mp_meeting_new ("m");
  MpConference *conference = mp_plan_get_conference (plan);
  const char *people[] = { "hagel", NULL };
  guint changed = 0;
  MpTime t = parse ("2014-04-23T09:00");

  g_signal_connect (plan, "changed", G_CALLBACK (changed_cb), &changed);

  mp_conference_set_title (conference, "Ministerial");
  g_assert_cmpuint (changed, ==, 1);
  mp_conference_set_title (conference, "Ministerial");
  g_assert_cmpuint (changed, ==, 1);

  mp_plan_add (plan, MP_RECORD (meeting), NULL);
  g_assert_cmpuint (changed, ==, 2);
  mp_meeting_set_start (meeting, &t);
  g_assert_cmpuint (changed, ==, 3);
  mp_meeting_set_participants (meeting, people);
  g_assert_cmpuint (changed, ==, 4);
  mp_meeting_set_participants (meeting, people);
  g_assert_cmpuint (changed, ==, 4);
  mp_meeting_set_status (meeting, MP_MEETING_STATUS_CANCELLED);
  g_assert_cmpuint (changed, ==, 5);

  g_clear_object (&meeting);
  g_assert_finalize_object (g_steal_pointer (&plan));
}

static void
test_make_id (void)
{
  g_autoptr(MpPlan) plan = mp_plan_new ();
  g_autoptr(MpMeeting) a = mp_meeting_new ("bilateral");
  g_autoptr(MpMeeting) b = mp_meeting_new ("bilateral-2");
  char *id;

  id = mp_plan_make_id (plan, MP_TYPE_MEETING, "bilateral");
  g_assert_cmpstr (id, ==, "bilateral");
  g_free (id);

  mp_plan_add (plan, MP_RECORD (a), NULL);
  id = mp_plan_make_id (plan, MP_TYPE_MEETING, "bilateral");
  g_assert_cmpstr (id, ==, "bilateral-2");
  g_free (id);

  mp_plan_add (plan, MP_RECORD (b), NULL);
  id = mp_plan_make_id (plan, MP_TYPE_MEETING, "bilateral");
  g_assert_cmpstr (id, ==, "bilateral-3");
  g_free (id);

  /* Other collections have their own ids. */
  id = mp_plan_make_id (plan, MP_TYPE_REQUEST, "bilateral");
  g_assert_cmpstr (id, ==, "bilateral");
  g_free (id);

  id = mp_plan_make_id (plan, MP_TYPE_MEETING, "press conference");
  g_assert_cmpstr (id, ==, "press-conference");
  g_free (id);

  id = mp_plan_make_id (plan, MP_TYPE_MEETING, NULL);
  g_assert_nonnull (id);
  g_assert_cmpstr (id, !=, "");
  g_assert_null (mp_plan_get_meeting (plan, id));
  g_free (id);

  id = mp_plan_make_id (plan, MP_TYPE_MEETING, "");
  g_assert_cmpstr (id, !=, "");
  g_free (id);

  /* From a name a person typed. */
  id = mp_plan_make_id_from_name (plan, MP_TYPE_PARTICIPANT, "Adm. Vidal Francisco Soberón Sanz");
  g_assert_cmpstr (id, ==, "adm-vidal-francisco-soberon-sanz");
  g_free (id);

  id = mp_plan_make_id_from_name (plan, MP_TYPE_MEETING, "Bilateral");
  g_assert_cmpstr (id, ==, "bilateral-3");
  g_free (id);

  id = mp_plan_make_id_from_name (plan, MP_TYPE_MEETING, "会谈");
  g_assert_cmpstr (id, ==, "meeting");
  g_free (id);

  g_clear_object (&a);
  g_clear_object (&b);
  g_assert_finalize_object (g_steal_pointer (&plan));
}

/* Zones ------------------------------------------------------------------- */

static void
test_meeting_zone (void)
{
  g_autoptr(MpPlan) plan = mp_plan_new ();
  MpConference *conference = mp_plan_get_conference (plan);
  g_autoptr(MpVenue) brussels = mp_venue_new ("egmont");
  g_autoptr(MpVenue) plain = mp_venue_new ("sedena");
  g_autoptr(MpRoom) hall = mp_room_new ("hall");
  g_autoptr(MpRoom) office = mp_room_new ("office");
  g_autoptr(MpRoom) late = mp_room_new ("late");
  g_autoptr(MpMeeting) meeting = mp_meeting_new ("m");
  g_autoptr(MpMeeting) roomless = mp_meeting_new ("n");
  MpTime start = parse ("2024-07-01T12:00");
  MpTime end = parse ("2024-07-01T13:00");

  mp_conference_set_time_zone (conference, "America/Mexico_City");
  mp_venue_set_time_zone (brussels, "Europe/Brussels");
  mp_room_set_venue (hall, "egmont");
  mp_room_set_venue (office, "sedena");
  mp_plan_add (plan, MP_RECORD (brussels), NULL);
  mp_plan_add (plan, MP_RECORD (plain), NULL);
  mp_plan_add (plan, MP_RECORD (hall), NULL);
  mp_plan_add (plan, MP_RECORD (office), NULL);

  mp_meeting_set_room (meeting, "hall");
  mp_meeting_set_start (meeting, &start);
  mp_meeting_set_end (meeting, &end);
  mp_meeting_set_start (roomless, &start);
  mp_meeting_set_end (roomless, &end);
  mp_plan_add (plan, MP_RECORD (meeting), NULL);
  mp_plan_add (plan, MP_RECORD (roomless), NULL);

  /* The room's venue's zone, else the conference's (Mexico: UTC-6 in 2024). */
  g_assert_cmpstr (g_time_zone_get_identifier (mp_meeting_get_time_zone (meeting)), ==, "Europe/Brussels");
  g_assert_cmpint (mp_meeting_get_start_instant (meeting), ==, utc (2024, 7, 1, 10, 0));
  g_assert_cmpint (mp_meeting_get_end_instant (meeting), ==, utc (2024, 7, 1, 11, 0));
  g_assert_cmpint (mp_meeting_get_start_instant (roomless), ==, utc (2024, 7, 1, 18, 0));
  g_assert_cmpstr (g_time_zone_get_identifier (mp_plan_get_room_zone (plan, "office")), ==, "America/Mexico_City");
  g_assert_cmpstr (g_time_zone_get_identifier (mp_plan_get_room_zone (plan, NULL)), ==, "America/Mexico_City");
  g_assert_true (mp_plan_get_meeting_venue (plan, meeting) == brussels);
  g_assert_null (mp_plan_get_meeting_venue (plan, roomless));

  /* The venue's zone changes. */
  mp_venue_set_time_zone (brussels, "Asia/Tokyo");
  g_assert_cmpint (mp_meeting_get_start_instant (meeting), ==, utc (2024, 7, 1, 3, 0));
  mp_venue_set_time_zone (brussels, "Europe/Brussels");
  g_assert_cmpint (mp_meeting_get_start_instant (meeting), ==, utc (2024, 7, 1, 10, 0));

  /* The room moves to a venue without a zone: the conference's. */
  mp_room_set_venue (hall, "sedena");
  g_assert_cmpint (mp_meeting_get_start_instant (meeting), ==, utc (2024, 7, 1, 18, 0));
  mp_room_set_venue (hall, "egmont");
  g_assert_cmpint (mp_meeting_get_start_instant (meeting), ==, utc (2024, 7, 1, 10, 0));

  /* The meeting changes rooms. */
  mp_meeting_set_room (meeting, "office");
  g_assert_cmpint (mp_meeting_get_start_instant (meeting), ==, utc (2024, 7, 1, 18, 0));
  mp_meeting_set_room (meeting, "hall");
  g_assert_cmpint (mp_meeting_get_start_instant (meeting), ==, utc (2024, 7, 1, 10, 0));

  /* The conference's zone changes: meetings without a venue zone follow. */
  mp_conference_set_time_zone (conference, "Asia/Tokyo");
  g_assert_cmpint (mp_meeting_get_start_instant (roomless), ==, utc (2024, 7, 1, 3, 0));
  g_assert_cmpint (mp_meeting_get_start_instant (meeting), ==, utc (2024, 7, 1, 10, 0));

  /* A room that comes after its meeting, then goes. */
  mp_room_set_venue (late, "egmont");
  mp_meeting_set_room (roomless, "late");
  g_assert_cmpint (mp_meeting_get_start_instant (roomless), ==, utc (2024, 7, 1, 3, 0));
  mp_plan_add (plan, MP_RECORD (late), NULL);
  g_assert_cmpint (mp_meeting_get_start_instant (roomless), ==, utc (2024, 7, 1, 10, 0));
  mp_plan_remove (plan, MP_RECORD (late));
  g_assert_cmpint (mp_meeting_get_start_instant (roomless), ==, utc (2024, 7, 1, 3, 0));

  /* A venue that comes after its rooms' meetings, then goes. */
  mp_plan_remove (plan, MP_RECORD (brussels));
  g_assert_cmpint (mp_meeting_get_start_instant (meeting), ==, utc (2024, 7, 1, 3, 0));
  mp_plan_add (plan, MP_RECORD (brussels), NULL);
  g_assert_cmpint (mp_meeting_get_start_instant (meeting), ==, utc (2024, 7, 1, 10, 0));

  /* Setting the span from instants writes the wall clock of the zone. */
  mp_meeting_set_span (meeting, utc (2024, 7, 2, 7, 0), utc (2024, 7, 2, 8, 30));
  {
    g_autofree char *s = mp_time_to_string (mp_meeting_get_start (meeting));
    g_autofree char *e = mp_time_to_string (mp_meeting_get_end (meeting));

    g_assert_cmpstr (s, ==, "2024-07-02T09:00");
    g_assert_cmpstr (e, ==, "2024-07-02T10:30");
  }

  g_clear_object (&brussels);
  g_clear_object (&plain);
  g_clear_object (&hall);
  g_clear_object (&office);
  g_clear_object (&late);
  g_clear_object (&meeting);
  g_clear_object (&roomless);
  g_assert_finalize_object (g_steal_pointer (&plan));
}

static void
test_travel (void)
{
  g_autoptr(MpPlan) plan = mp_plan_new ();
  g_autoptr(MpTravel) t = mp_travel_new (NULL);
  g_autoptr(MpTravel) u = mp_travel_new (NULL);

  mp_travel_set_from (t, "sedena");
  mp_travel_set_to (t, "airport");
  mp_travel_set_minutes (t, 45);
  mp_plan_add (plan, MP_RECORD (t), NULL);

  g_assert_cmpint (mp_plan_get_travel_minutes (plan, "sedena", "airport"), ==, 45);
  g_assert_cmpint (mp_plan_get_travel_minutes (plan, "airport", "sedena"), ==, 45);
  g_assert_cmpint (mp_plan_get_travel_minutes (plan, "sedena", "sedena"), ==, 0);
  g_assert_cmpint (mp_plan_get_travel_minutes (plan, "sedena", "embassy"), ==, 0);
  g_assert_cmpint (mp_plan_get_travel_minutes (plan, NULL, "airport"), ==, 0);

  /* The index follows changes, additions and removals. */
  mp_travel_set_minutes (t, 60);
  g_assert_cmpint (mp_plan_get_travel_minutes (plan, "airport", "sedena"), ==, 60);
  mp_travel_set_to (t, "embassy");
  g_assert_cmpint (mp_plan_get_travel_minutes (plan, "airport", "sedena"), ==, 0);
  g_assert_cmpint (mp_plan_get_travel_minutes (plan, "embassy", "sedena"), ==, 60);

  mp_travel_set_from (u, "airport");
  mp_travel_set_to (u, "embassy");
  mp_travel_set_minutes (u, 30);
  mp_plan_add (plan, MP_RECORD (u), NULL);
  g_assert_cmpint (mp_plan_get_travel_minutes (plan, "embassy", "airport"), ==, 30);
  mp_plan_remove (plan, MP_RECORD (u));
  g_assert_cmpint (mp_plan_get_travel_minutes (plan, "embassy", "airport"), ==, 0);
  g_assert_cmpint (mp_plan_get_travel_minutes (plan, "sedena", "embassy"), ==, 60);

  /* Two entries for one pair, written either way: the longer holds. */
  mp_travel_set_from (u, "sedena");
  mp_travel_set_to (u, "embassy");
  mp_travel_set_minutes (u, 20);
  mp_plan_add (plan, MP_RECORD (u), NULL);
  g_assert_cmpint (mp_plan_get_travel_minutes (plan, "embassy", "sedena"), ==, 60);
  mp_travel_set_minutes (u, 90);
  g_assert_cmpint (mp_plan_get_travel_minutes (plan, "embassy", "sedena"), ==, 90);

  g_clear_object (&t);
  g_clear_object (&u);
  g_assert_finalize_object (g_steal_pointer (&plan));
}

/* What the rooms and the filter of the views rest on: a request's title
 * made from its delegations, the meetings of a delegation or a person,
 * the rooms in the order of their venues. */
static void
test_view_helpers (void)
{
  g_autoptr(MpPlan) plan = mp_plan_new ();
  g_autoptr(MpDelegation) can = mp_delegation_new ("CAN");
  g_autoptr(MpDelegation) mex = mp_delegation_new ("MEX");
  g_autoptr(MpParticipant) nicholson = mp_participant_new ("nicholson");
  g_autoptr(MpParticipant) cienfuegos = mp_participant_new ("cienfuegos");
  g_autoptr(MpParticipant) soberon = mp_participant_new ("soberon");
  g_autoptr(MpRequest) request = mp_request_new ("req");
  g_autoptr(MpMeeting) meeting = mp_meeting_new ("m");
  g_autoptr(MpVenue) sedena = mp_venue_new ("sedena");
  g_autoptr(MpVenue) airport = mp_venue_new ("airport");
  g_autoptr(MpRoom) hangar = mp_room_new ("hangar");
  g_autoptr(MpRoom) hall = mp_room_new ("hall");
  g_autoptr(MpRoom) orphan = mp_room_new ("orphan");
  g_autoptr(GPtrArray) rooms = NULL;
  g_autofree char *title = NULL;
  const char *people[] = { "nicholson", "cienfuegos", "soberon", NULL };
  const char *two[] = { "nicholson", "cienfuegos", NULL };

  mp_participant_set_delegation (nicholson, "CAN");
  mp_participant_set_delegation (cienfuegos, "MEX");
  mp_participant_set_delegation (soberon, "MEX");
  mp_plan_add (plan, MP_RECORD (can), NULL);
  mp_plan_add (plan, MP_RECORD (mex), NULL);
  mp_plan_add (plan, MP_RECORD (nicholson), NULL);
  mp_plan_add (plan, MP_RECORD (cienfuegos), NULL);
  mp_plan_add (plan, MP_RECORD (soberon), NULL);

  /* Each delegation once, in the order of the people. */
  mp_request_set_participants (request, people);
  mp_request_set_kind (request, MP_MEETING_KIND_BILATERAL);
  title = mp_plan_make_request_title (plan, request);
  g_assert_cmpstr (title, ==, "CAN–MEX bilateral");
  g_clear_pointer (&title, g_free);
  mp_request_set_kind (request, MP_MEETING_KIND_WORKING_MEAL);
  title = mp_plan_make_request_title (plan, request);
  g_assert_cmpstr (title, ==, "CAN–MEX working meal");
  g_clear_pointer (&title, g_free);
  mp_request_set_title (request, "Black Hawk sale");
  title = mp_plan_make_request_title (plan, request);
  g_assert_cmpstr (title, ==, "Black Hawk sale");

  mp_meeting_set_participants (meeting, two);
  g_assert_true (mp_plan_meeting_involves (plan, meeting, "CAN"));
  g_assert_true (mp_plan_meeting_involves (plan, meeting, "cienfuegos"));
  g_assert_false (mp_plan_meeting_involves (plan, meeting, "soberon"));
  g_assert_false (mp_plan_meeting_involves (plan, meeting, "USA"));

  /* Rooms under their venues in the venues' order, orphans last. */
  mp_room_set_venue (orphan, "nowhere");
  mp_room_set_venue (hangar, "airport");
  mp_room_set_venue (hall, "sedena");
  mp_plan_add (plan, MP_RECORD (sedena), NULL);
  mp_plan_add (plan, MP_RECORD (airport), NULL);
  mp_plan_add (plan, MP_RECORD (orphan), NULL);
  mp_plan_add (plan, MP_RECORD (hangar), NULL);
  mp_plan_add (plan, MP_RECORD (hall), NULL);
  rooms = mp_plan_list_rooms_by_venue (plan);
  g_assert_cmpuint (rooms->len, ==, 3);
  g_assert_true (g_ptr_array_index (rooms, 0) == hall);
  g_assert_true (g_ptr_array_index (rooms, 1) == hangar);
  g_assert_true (g_ptr_array_index (rooms, 2) == orphan);
}

static void
test_placements (void)
{
  g_autoptr(MpPlan) plan = mp_plan_new ();
  g_autoptr(MpRequest) request = mp_request_new ("req");
  g_autoptr(MpMeeting) meeting = mp_meeting_new ("m");
  g_autoptr(MpMeeting) other = mp_meeting_new ("n");
  g_autoptr(GPtrArray) of = NULL;
  const char *people[] = { "hagel", "nicholson", NULL };

  mp_plan_add (plan, MP_RECORD (request), NULL);
  g_assert_null (mp_plan_get_placement (plan, "req"));

  mp_meeting_set_request (meeting, "req");
  mp_meeting_set_participants (meeting, people);
  mp_plan_add (plan, MP_RECORD (meeting), NULL);
  mp_plan_add (plan, MP_RECORD (other), NULL);
  g_assert_true (mp_plan_get_placement (plan, "req") == meeting);
  g_assert_null (mp_plan_get_placement (plan, NULL));

  of = mp_plan_list_meetings_of (plan, "hagel");
  g_assert_cmpuint (of->len, ==, 1);
  g_assert_true (g_ptr_array_index (of, 0) == meeting);
  g_clear_pointer (&of, g_ptr_array_unref);

  /* A cancelled meeting places nothing. */
  mp_meeting_set_status (meeting, MP_MEETING_STATUS_CANCELLED);
  g_assert_null (mp_plan_get_placement (plan, "req"));
  of = mp_plan_list_meetings_of (plan, "hagel");
  g_assert_cmpuint (of->len, ==, 0);
  g_clear_pointer (&of, g_ptr_array_unref);
  mp_meeting_set_status (meeting, MP_MEETING_STATUS_CONFIRMED);
  g_assert_true (mp_plan_get_placement (plan, "req") == meeting);

  /* The index follows the request member. */
  mp_meeting_set_request (meeting, NULL);
  g_assert_null (mp_plan_get_placement (plan, "req"));
  mp_meeting_set_request (other, "req");
  g_assert_true (mp_plan_get_placement (plan, "req") == other);
  mp_plan_remove (plan, MP_RECORD (other));
  g_assert_null (mp_plan_get_placement (plan, "req"));
  mp_meeting_set_request (meeting, "req");
  g_assert_true (mp_plan_get_placement (plan, "req") == meeting);

  g_clear_object (&request);
  g_clear_object (&meeting);
  g_clear_object (&other);
  g_assert_finalize_object (g_steal_pointer (&plan));
}

static void
test_extra (void)
{
  g_autoptr(MpPlan) plan = mp_plan_new ();
  g_autoptr(MpVenue) venue = mp_venue_new ("v");
  JsonObject *extra = json_object_new ();
  JsonObject *extra2 = json_object_new ();

  json_object_set_string_member (extra, "future", "kept");
  mp_plan_set_extra (plan, extra);
  g_assert_true (mp_plan_get_extra (plan) == extra);
  mp_record_set_extra (MP_RECORD (venue), extra2);
  g_assert_true (mp_record_get_extra (MP_RECORD (venue)) == extra2);
  json_object_unref (extra);
  json_object_unref (extra2);
  g_assert_cmpstr (json_object_get_string_member (mp_plan_get_extra (plan), "future"), ==, "kept");
  mp_plan_set_extra (plan, NULL);
  g_assert_null (mp_plan_get_extra (plan));

  g_assert_finalize_object (g_steal_pointer (&venue));
  g_assert_finalize_object (g_steal_pointer (&plan));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plan/properties", test_properties);
  g_test_add_func ("/plan/lookup", test_lookup);
  g_test_add_func ("/plan/many", test_many);
  g_test_add_func ("/plan/insert-remove", test_insert_remove);
  g_test_add_func ("/plan/changed", test_changed);
  g_test_add_func ("/plan/make-id", test_make_id);
  g_test_add_func ("/plan/meeting-zone", test_meeting_zone);
  g_test_add_func ("/plan/travel", test_travel);
  g_test_add_func ("/plan/placements", test_placements);
  g_test_add_func ("/plan/view-helpers", test_view_helpers);
  g_test_add_func ("/plan/extra", test_extra);

  return g_test_run ();
}
