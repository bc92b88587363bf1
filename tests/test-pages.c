/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The delegations, people, rooms and requests pages on the sample plan:
 * they list its records, and add, edit and remove through the history so
 * that one undo takes each edit back. */
#include "config.h"

#include <adwaita.h>

#include "mp-delegations-page.h"
#include "mp-history.h"
#include "mp-people-page.h"
#include "mp-plan-file.h"
#include "mp-record-row.h"
#include "mp-requests-page.h"
#include "mp-rooms-page.h"
#include "test-ui-utils.h"

typedef struct
{
  MpPlan    *plan;
  MpHistory *history;
  GtkWidget *window;
  GtkWidget *page;
} Fixture;

static void
iterate (void)
{
  for (guint i = 0; i < 5; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static void
fixture_setup (Fixture   *fixture,
               GtkWidget *page)
{
  fixture->plan = test_load_sample ();
  fixture->history = mp_history_new (fixture->plan);
  test_watch_history_labels (fixture->history);
  fixture->page = page;
  g_object_set (page, "history", fixture->history, NULL);

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 900);
  gtk_window_set_child (GTK_WINDOW (fixture->window), page);
  gtk_window_present (GTK_WINDOW (fixture->window));
  iterate ();
}

static void
fixture_teardown (Fixture *fixture)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  iterate ();
  g_assert_finalize_object (fixture->history);
  g_assert_finalize_object (fixture->plan);
}

/* The first shown descendant of root of type whose title (a row's) or
 * label (a button's) is text; NULL text matches any. */
static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      /* Hidden pages of stacks do not count. */
      if (!gtk_widget_get_visible (child) || !gtk_widget_get_child_visible (child))
        continue;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        {
          const char *name = NULL;

          if (ADW_IS_PREFERENCES_ROW (child))
            name = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child));
          else if (MP_IS_RECORD_ROW (child))
            name = mp_record_row_get_title (MP_RECORD_ROW (child));
          else if (GTK_IS_BUTTON (child))
            name = gtk_button_get_label (GTK_BUTTON (child));
          else if (GTK_IS_LABEL (child))
            name = gtk_label_get_label (GTK_LABEL (child));

          if (text == NULL || g_strcmp0 (name, text) == 0)
            return child;
        }

      found = find_widget (child, type, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
shows_row (Fixture    *fixture,
           const char *title)
{
  GtkWidget *row = find_widget (fixture->page, MP_TYPE_RECORD_ROW, title);

  return row != NULL && gtk_widget_get_mapped (row);
}

/* Types text into the entry row titled title and presses Enter. */
static void
enter_text (Fixture    *fixture,
            const char *title,
            const char *text)
{
  GtkWidget *row = find_widget (fixture->page, ADW_TYPE_ENTRY_ROW, title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "entry-activated");
  iterate ();
}

static gboolean
has_error (Fixture    *fixture,
           const char *title)
{
  GtkWidget *row = find_widget (fixture->page, ADW_TYPE_ENTRY_ROW, title);

  return gtk_widget_has_css_class (row, "error");
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

/* The titles of the rows of the dialog's list of meetings, one a line. */
static char *
dialog_meetings (AdwMessageDialog *dialog)
{
  GString *titles = g_string_new (NULL);
  GtkWidget *extra = adw_message_dialog_get_extra_child (dialog);
  GtkWidget *list = extra != NULL ? find_widget (extra, GTK_TYPE_LIST_BOX, NULL) : NULL;

  for (GtkWidget *row = list != NULL ? gtk_widget_get_first_child (list) : NULL;
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_PREFERENCES_ROW (row))
      g_string_append_printf (titles, "%s\n", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  return g_string_free (titles, FALSE);
}

static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate ();
}

static int
precedence_of (MpPlan     *plan,
               const char *id)
{
  return mp_delegation_get_precedence (mp_plan_get_delegation (plan, id));
}

static const char *
id_at (GListModel *model,
       guint       position)
{
  g_autoptr(MpRecord) record = g_list_model_get_item (model, position);

  return mp_record_get_id (record);
}

/* Delegations */

static void
test_delegations_list (void)
{
  Fixture fixture;
  GListModel *model;

  fixture_setup (&fixture, mp_delegations_page_new ());
  model = mp_delegations_page_get_model (MP_DELEGATIONS_PAGE (fixture.page));

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_cmpstr (id_at (model, 0), ==, "MEX");
  g_assert_cmpstr (id_at (model, 1), ==, "CAN");
  g_assert_cmpstr (id_at (model, 2), ==, "USA");
  g_assert_true (shows_row (&fixture, "Mexico"));
  g_assert_true (shows_row (&fixture, "Canada"));
  g_assert_true (shows_row (&fixture, "United States"));

  fixture_teardown (&fixture);
}

static void
test_delegations_add_edit (void)
{
  Fixture fixture;
  MpDelegation *canada;
  MpDelegation *added;

  fixture_setup (&fixture, mp_delegations_page_new ());

  /* Add: a draft until Add, then one undo step. */
  gtk_widget_activate_action (fixture.page, "delegations.add", NULL);
  iterate ();
  enter_text (&fixture, "Name", "Guatemala");
  enter_text (&fixture, "Code, such as MEX", "MEX");
  g_assert_true (has_error (&fixture, "Code, such as MEX"));
  enter_text (&fixture, "Code, such as MEX", "GTM");
  g_assert_false (has_error (&fixture, "Code, such as MEX"));
  g_assert_null (mp_plan_get_delegation (fixture.plan, "GTM"));
  gtk_widget_activate_action (fixture.page, "delegations.commit", NULL);
  iterate ();
  added = mp_plan_get_delegation (fixture.plan, "GTM");
  g_assert_nonnull (added);
  g_assert_cmpstr (mp_delegation_get_name (added), ==, "Guatemala");
  g_assert_cmpint (mp_delegation_get_precedence (added), ==, 4);
  g_assert_true (mp_delegations_page_get_selected (MP_DELEGATIONS_PAGE (fixture.page)) == added);
  g_assert_true (shows_row (&fixture, "Guatemala"));
  g_assert_true (mp_history_undo (fixture.history));
  iterate ();
  g_assert_null (mp_plan_get_delegation (fixture.plan, "GTM"));
  g_assert_false (shows_row (&fixture, "Guatemala"));

  /* Edit: each field is one step; a bad time zone is refused. */
  canada = mp_plan_get_delegation (fixture.plan, "CAN");
  mp_delegations_page_select (MP_DELEGATIONS_PAGE (fixture.page), canada);
  iterate ();
  enter_text (&fixture, "Name", "Canada (National Defence)");
  g_assert_cmpstr (mp_delegation_get_name (canada), ==, "Canada (National Defence)");
  g_assert_true (shows_row (&fixture, "Canada (National Defence)"));
  enter_text (&fixture, "Home Time Zone, such as America/Toronto", "Mars/Olympus_Mons");
  g_assert_true (has_error (&fixture, "Home Time Zone, such as America/Toronto"));
  g_assert_cmpstr (mp_delegation_get_home_time_zone (canada), ==, "America/Toronto");
  enter_text (&fixture, "Home Time Zone, such as America/Toronto", "America/Vancouver");
  g_assert_cmpstr (mp_delegation_get_home_time_zone (canada), ==, "America/Vancouver");
  g_assert_true (mp_history_undo (fixture.history));
  g_assert_cmpstr (mp_delegation_get_home_time_zone (canada), ==, "America/Toronto");
  g_assert_true (mp_history_undo (fixture.history));
  iterate ();
  g_assert_cmpstr (mp_delegation_get_name (canada), ==, "Canada");
  g_assert_true (shows_row (&fixture, "Canada"));

  fixture_teardown (&fixture);
}

static void
test_delegations_move (void)
{
  Fixture fixture;
  GListModel *model;

  fixture_setup (&fixture, mp_delegations_page_new ());
  model = mp_delegations_page_get_model (MP_DELEGATIONS_PAGE (fixture.page));

  g_assert_true (mp_delegations_page_move (MP_DELEGATIONS_PAGE (fixture.page), 2, 0));
  iterate ();
  g_assert_cmpint (precedence_of (fixture.plan, "USA"), ==, 1);
  g_assert_cmpint (precedence_of (fixture.plan, "MEX"), ==, 2);
  g_assert_cmpint (precedence_of (fixture.plan, "CAN"), ==, 3);
  g_assert_cmpstr (id_at (model, 0), ==, "USA");
  g_assert_cmpstr (id_at (model, 2), ==, "CAN");

  /* The keyboard's way: Move Down on the selected delegation. */
  mp_delegations_page_select (MP_DELEGATIONS_PAGE (fixture.page), mp_plan_get_delegation (fixture.plan, "USA"));
  gtk_widget_activate_action (fixture.page, "delegations.move-down", NULL);
  iterate ();
  g_assert_cmpstr (id_at (model, 0), ==, "MEX");
  g_assert_cmpstr (id_at (model, 1), ==, "USA");

  /* Each reorder is one undo step. */
  g_assert_true (mp_history_undo (fixture.history));
  g_assert_true (mp_history_undo (fixture.history));
  iterate ();
  g_assert_false (mp_history_get_can_undo (fixture.history));
  g_assert_cmpint (precedence_of (fixture.plan, "MEX"), ==, 1);
  g_assert_cmpint (precedence_of (fixture.plan, "CAN"), ==, 2);
  g_assert_cmpint (precedence_of (fixture.plan, "USA"), ==, 3);
  g_assert_cmpstr (id_at (model, 0), ==, "MEX");

  fixture_teardown (&fixture);
}

static void
test_delegations_remove (void)
{
  Fixture fixture;
  AdwMessageDialog *dialog;
  g_autofree char *meetings = NULL;
  guint n_people;

  fixture_setup (&fixture, mp_delegations_page_new ());
  n_people = g_list_model_get_n_items (mp_plan_get_participants (fixture.plan));

  mp_delegations_page_select (MP_DELEGATIONS_PAGE (fixture.page), mp_plan_get_delegation (fixture.plan, "CAN"));
  gtk_widget_activate_action (fixture.page, "delegations.remove", NULL);
  iterate ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Canada has 5 participants"));
  meetings = dialog_meetings (dialog);
  g_assert_nonnull (strstr (meetings, "Arrival of Minister Nicholson\n"));
  g_assert_nonnull (strstr (meetings, "Hagel–Nicholson bilateral\n"));

  respond (dialog, "cancel");
  g_assert_nonnull (mp_plan_get_delegation (fixture.plan, "CAN"));

  gtk_widget_activate_action (fixture.page, "delegations.remove", NULL);
  iterate ();
  respond (find_message_dialog (), "remove");
  g_assert_null (mp_plan_get_delegation (fixture.plan, "CAN"));
  g_assert_null (mp_plan_get_participant (fixture.plan, "nicholson"));
  g_assert_cmpuint (g_list_model_get_n_items (mp_plan_get_participants (fixture.plan)), ==, n_people - 5);
  g_assert_false (mp_meeting_has_participant (mp_plan_get_meeting (fixture.plan, "bilateral-usa-can"), "nicholson"));
  /* Requests lose the Canadians. */
  g_assert_cmpuint (g_strv_length ((char **) mp_request_get_participants (mp_plan_get_request (fixture.plan, "req-can-sedena"))), ==, 3);
  g_assert_false (shows_row (&fixture, "Canada"));

  g_assert_true (mp_history_undo (fixture.history));
  iterate ();
  g_assert_false (mp_history_get_can_undo (fixture.history));
  g_assert_nonnull (mp_plan_get_delegation (fixture.plan, "CAN"));
  g_assert_nonnull (mp_plan_get_participant (fixture.plan, "nicholson"));
  g_assert_cmpuint (g_strv_length ((char **) mp_request_get_participants (mp_plan_get_request (fixture.plan, "req-can-sedena"))), ==, 6);
  g_assert_true (mp_meeting_has_participant (mp_plan_get_meeting (fixture.plan, "bilateral-usa-can"), "nicholson"));
  g_assert_true (shows_row (&fixture, "Canada"));

  fixture_teardown (&fixture);
}

/* People */

static void
test_people_list (void)
{
  Fixture fixture;
  MpPeoplePage *page;

  fixture_setup (&fixture, mp_people_page_new ());
  page = MP_PEOPLE_PAGE (fixture.page);

  g_assert_cmpuint (g_list_model_get_n_items (mp_people_page_get_model (page)), ==, 21);
  /* Mexico first (precedence 1), its principals first. */
  g_assert_cmpstr (id_at (mp_people_page_get_model (page), 0), ==, "soberon");
  g_assert_true (shows_row (&fixture, "Adm. Vidal Francisco Soberón Sanz"));
  g_assert_true (shows_row (&fixture, "Gen. Salvador Cienfuegos Zepeda"));

  mp_people_page_set_filter (page, "CAN", NULL);
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (mp_people_page_get_model (page)), ==, 5);
  g_assert_true (shows_row (&fixture, "Rob Nicholson"));
  g_assert_false (shows_row (&fixture, "Chuck Hagel"));

  mp_people_page_set_filter (page, NULL, "interpreter");
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (mp_people_page_get_model (page)), ==, 3);

  mp_people_page_set_filter (page, NULL, NULL);
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (mp_people_page_get_model (page)), ==, 21);

  fixture_teardown (&fixture);
}

static void
test_people_add_edit (void)
{
  Fixture fixture;
  MpParticipant *kirby;
  MpParticipant *added;
  GtkWidget *role_row;

  fixture_setup (&fixture, mp_people_page_new ());

  gtk_widget_activate_action (fixture.page, "people.add", NULL);
  iterate ();
  enter_text (&fixture, "Name", "Ana García Robles");
  enter_text (&fixture, "Title", "Deputy Chief of Protocol");
  enter_text (&fixture, "Email", "not an address");
  g_assert_true (has_error (&fixture, "Email"));
  g_assert_null (mp_plan_get_participant (fixture.plan, "ana-garcia-robles"));
  gtk_widget_activate_action (fixture.page, "people.commit", NULL);
  iterate ();
  /* The bad email is still there: nothing is added. */
  g_assert_null (mp_plan_get_participant (fixture.plan, "ana-garcia-robles"));
  enter_text (&fixture, "Email", "ana.garcia@sre.example");
  gtk_widget_activate_action (fixture.page, "people.commit", NULL);
  iterate ();
  added = mp_plan_get_participant (fixture.plan, "ana-garcia-robles");
  g_assert_nonnull (added);
  g_assert_cmpstr (mp_participant_get_delegation (added), ==, "MEX");
  g_assert_cmpstr (mp_participant_get_title (added), ==, "Deputy Chief of Protocol");
  g_assert_cmpstr (mp_participant_get_email (added), ==, "ana.garcia@sre.example");
  g_assert_true (shows_row (&fixture, "Ana García Robles"));
  g_assert_true (mp_history_undo (fixture.history));
  iterate ();
  g_assert_null (mp_plan_get_participant (fixture.plan, "ana-garcia-robles"));
  g_assert_false (shows_row (&fixture, "Ana García Robles"));

  kirby = mp_plan_get_participant (fixture.plan, "kirby");
  mp_people_page_select (MP_PEOPLE_PAGE (fixture.page), kirby);
  iterate ();
  enter_text (&fixture, "Organization", "Office of the Secretary of Defense");
  g_assert_cmpstr (mp_participant_get_organization (kirby), ==, "Office of the Secretary of Defense");
  role_row = find_widget (fixture.page, ADW_TYPE_COMBO_ROW, "Role");
  adw_combo_row_set_selected (ADW_COMBO_ROW (role_row), MP_ROLE_STAFF);
  g_assert_cmpint (mp_participant_get_role (kirby), ==, MP_ROLE_STAFF);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_widget (fixture.page, ADW_TYPE_COMBO_ROW, "Delegation")),
                              mp_plan_get_position (fixture.plan, MP_RECORD (mp_plan_get_delegation (fixture.plan, "CAN"))));
  g_assert_cmpstr (mp_participant_get_delegation (kirby), ==, "CAN");
  g_assert_true (mp_history_undo (fixture.history));
  iterate ();
  g_assert_cmpstr (mp_participant_get_delegation (kirby), ==, "USA");
  g_assert_cmpstr (mp_record_get_id (adw_combo_row_get_selected_item (ADW_COMBO_ROW (find_widget (fixture.page, ADW_TYPE_COMBO_ROW, "Delegation")))),
                   ==, "USA");
  g_assert_true (mp_history_undo (fixture.history));
  iterate ();
  g_assert_cmpint (mp_participant_get_role (kirby), ==, MP_ROLE_PRESS);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (role_row)), ==, MP_ROLE_PRESS);
  g_assert_true (mp_history_undo (fixture.history));
  g_assert_cmpstr (mp_participant_get_organization (kirby), !=, "Office of the Secretary of Defense");
  g_assert_false (mp_history_get_can_undo (fixture.history));

  fixture_teardown (&fixture);
}

static void
test_people_availability (void)
{
  Fixture fixture;
  MpPeoplePage *page;
  MpParticipant *hagel;
  GArray *windows;
  char *message = NULL;

  fixture_setup (&fixture, mp_people_page_new ());
  page = MP_PEOPLE_PAGE (fixture.page);
  hagel = mp_plan_get_participant (fixture.plan, "hagel");
  mp_people_page_select (page, hagel);
  iterate ();

  g_assert_nonnull (find_widget (fixture.page, GTK_TYPE_ENTRY, NULL));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_widget (fixture.page, GTK_TYPE_ENTRY, NULL))),
                   ==, "2014-04-23 16:00");

  g_assert_false (mp_people_page_set_window (page, 0, "2014-04-25 12:00", "2014-04-25 11:00", &message));
  g_assert_nonnull (message);
  g_clear_pointer (&message, g_free);
  g_assert_false (mp_people_page_set_window (page, 0, "tomorrow", "2014-04-25 11:00", &message));
  g_clear_pointer (&message, g_free);
  g_assert_false (mp_history_get_can_undo (fixture.history));

  /* What a newer tool wrote about a window stays with it. */
  g_array_index (mp_participant_get_available (hagel), MpInterval, 0).extra = json_object_new ();
  json_object_set_string_member (g_array_index (mp_participant_get_available (hagel), MpInterval, 0).extra,
                                 "x-source", "protocol office");

  g_assert_true (mp_people_page_set_window (page, 0, "2014-04-23 17:00", "2014-04-25 11:30", &message));
  g_assert_null (message);
  windows = mp_participant_get_available (hagel);
  g_assert_cmpuint (windows->len, ==, 1);
  g_assert_cmpint (g_array_index (windows, MpInterval, 0).start.wall % MP_SECONDS_PER_DAY, ==, 17 * 3600);
  g_assert_nonnull (g_array_index (windows, MpInterval, 0).extra);
  g_assert_cmpstr (json_object_get_string_member (g_array_index (windows, MpInterval, 0).extra, "x-source"),
                   ==, "protocol office");

  mp_people_page_add_window (page);
  g_assert_cmpuint (mp_participant_get_available (hagel)->len, ==, 2);
  mp_people_page_remove_window (page, 0);
  mp_people_page_remove_window (page, 0);
  /* No windows: available throughout. */
  g_assert_null (mp_participant_get_available (hagel));
  iterate ();
  g_assert_nonnull (find_widget (fixture.page, ADW_TYPE_ACTION_ROW, "Available throughout the conference"));

  for (guint i = 0; i < 4; i++)
    g_assert_true (mp_history_undo (fixture.history));
  iterate ();
  windows = mp_participant_get_available (hagel);
  g_assert_cmpuint (windows->len, ==, 1);
  g_assert_cmpint (g_array_index (windows, MpInterval, 0).start.wall % MP_SECONDS_PER_DAY, ==, 16 * 3600);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_widget (fixture.page, GTK_TYPE_ENTRY, NULL))),
                   ==, "2014-04-23 16:00");

  fixture_teardown (&fixture);
}

static void
test_people_remove (void)
{
  Fixture fixture;
  AdwMessageDialog *dialog;
  g_autofree char *meetings = NULL;

  fixture_setup (&fixture, mp_people_page_new ());

  mp_people_page_select (MP_PEOPLE_PAGE (fixture.page), mp_plan_get_participant (fixture.plan, "hagel"));
  gtk_widget_activate_action (fixture.page, "people.remove", NULL);
  iterate ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Chuck Hagel attends 11 meetings"));
  meetings = dialog_meetings (dialog);
  g_assert_nonnull (strstr (meetings, "Arrival of Secretary Hagel\n"));
  g_assert_nonnull (strstr (meetings, "Hagel–Cienfuegos bilateral\n"));
  g_assert_nonnull (strstr (meetings, "Joint press conference\n"));
  g_assert_null (strstr (meetings, "Arrival of Minister Nicholson"));
  respond (dialog, "remove");

  g_assert_null (mp_plan_get_participant (fixture.plan, "hagel"));
  g_assert_false (mp_meeting_has_participant (mp_plan_get_meeting (fixture.plan, "honors"), "hagel"));
  g_assert_true (mp_meeting_has_participant (mp_plan_get_meeting (fixture.plan, "honors"), "soberon"));
  /* The pull-aside was Hagel and Soberón: one person is no request. */
  g_assert_null (mp_plan_get_request (fixture.plan, "req-pull-aside"));
  g_assert_false (shows_row (&fixture, "Chuck Hagel"));
  g_assert_null (mp_people_page_get_selected (MP_PEOPLE_PAGE (fixture.page)));

  g_assert_true (mp_history_undo (fixture.history));
  iterate ();
  g_assert_false (mp_history_get_can_undo (fixture.history));
  g_assert_nonnull (mp_plan_get_participant (fixture.plan, "hagel"));
  g_assert_true (mp_meeting_has_participant (mp_plan_get_meeting (fixture.plan, "honors"), "hagel"));
  g_assert_nonnull (mp_plan_get_request (fixture.plan, "req-pull-aside"));
  g_assert_true (shows_row (&fixture, "Chuck Hagel"));

  fixture_teardown (&fixture);
}

/* Requests */

static MpMeeting *
place (Fixture    *fixture,
       const char *request_id)
{
  g_autoptr(MpMeeting) meeting = mp_meeting_new ("placed");
  const char *people[] = { "hagel", "soberon", NULL };
  MpTime start, end;

  g_assert_true (mp_time_parse ("2014-04-24T17:30", &start, NULL));
  g_assert_true (mp_time_parse ("2014-04-24T17:45", &end, NULL));
  mp_meeting_set_title (meeting, "Pull-aside");
  mp_meeting_set_start (meeting, &start);
  mp_meeting_set_end (meeting, &end);
  mp_meeting_set_room (meeting, "conference-room-b");
  mp_meeting_set_participants (meeting, people);
  mp_meeting_set_request (meeting, request_id);
  mp_history_begin (fixture->history, "Place Request");
  g_assert_true (mp_history_add (fixture->history, MP_RECORD (meeting), NULL));
  mp_history_end (fixture->history);
  return meeting;
}

static void
test_requests_list (void)
{
  Fixture fixture;
  MpRequestsPage *page;
  GListModel *model;
  GtkWidget *row;
  GtkDragSource *source = NULL;
  g_autoptr(GListModel) controllers = NULL;
  g_autoptr(GdkContentProvider) content = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  fixture_setup (&fixture, mp_requests_page_new ());
  page = MP_REQUESTS_PAGE (fixture.page);
  model = mp_requests_page_get_model (page);

  /* By priority: the two high ones first, the low one last. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  g_assert_cmpstr (id_at (model, 3), ==, "req-pull-aside");
  g_assert_true (shows_row (&fixture, "Nicholson–Cienfuegos bilateral"));
  g_assert_true (shows_row (&fixture, "Pull-aside: Hagel and Soberón on maritime security"));

  /* An unplaced row drags its request. */
  row = find_widget (fixture.page, MP_TYPE_RECORD_ROW, "Pull-aside: Hagel and Soberón on maritime security");
  controllers = gtk_widget_observe_controllers (row);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DRAG_SOURCE (controller))
        source = GTK_DRAG_SOURCE (controller);
    }
  g_assert_nonnull (source);
  g_signal_emit_by_name (source, "prepare", 1.0, 1.0, &content);
  g_assert_nonnull (content);
  g_value_init (&value, MP_TYPE_REQUEST);
  g_assert_true (gdk_content_provider_get_value (content, &value, NULL));
  g_assert_true (g_value_get_object (&value) == mp_plan_get_request (fixture.plan, "req-pull-aside"));

  /* Placed by the timeline: it leaves the unplaced list, live. */
  place (&fixture, "req-pull-aside");
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_false (shows_row (&fixture, "Pull-aside: Hagel and Soberón on maritime security"));
  mp_requests_page_set_show_all (page, TRUE);
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  g_assert_true (shows_row (&fixture, "Pull-aside: Hagel and Soberón on maritime security"));
  mp_requests_page_set_show_all (page, FALSE);
  g_assert_true (mp_history_undo (fixture.history));
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);

  /* Compact, beside the timeline: the list alone. */
  mp_requests_page_select (page, mp_plan_get_request (fixture.plan, "req-blackhawk"));
  iterate ();
  g_assert_nonnull (find_widget (fixture.page, ADW_TYPE_COMBO_ROW, "Priority"));
  g_object_set (page, "compact", TRUE, NULL);
  iterate ();
  g_assert_null (find_widget (fixture.page, ADW_TYPE_COMBO_ROW, "Priority"));
  g_assert_true (shows_row (&fixture, "Pull-aside: Hagel and Soberón on maritime security"));

  fixture_teardown (&fixture);
}

static void
test_requests_add_edit (void)
{
  Fixture fixture;
  MpRequestsPage *page;
  MpRequest *request;
  g_autofree char *message = NULL;
  char *time_text;

  fixture_setup (&fixture, mp_requests_page_new ());
  page = MP_REQUESTS_PAGE (fixture.page);

  gtk_widget_activate_action (fixture.page, "requests.add", NULL);
  iterate ();
  enter_text (&fixture, "Title", "Soberón–Nicholson breakfast");
  gtk_widget_activate_action (fixture.page, "requests.commit", NULL);
  iterate ();
  /* No one in it yet: not added. */
  g_assert_cmpuint (g_list_model_get_n_items (mp_plan_get_requests (fixture.plan)), ==, 4);
  g_assert_true (mp_requests_page_add_participant (page, "soberon"));
  g_assert_true (mp_requests_page_add_participant (page, "nicholson"));
  gtk_widget_activate_action (fixture.page, "requests.commit", NULL);
  iterate ();
  request = mp_plan_get_request (fixture.plan, "soberon-nicholson-breakfast");
  g_assert_nonnull (request);
  g_assert_cmpuint (g_strv_length ((char **) mp_request_get_participants (request)), ==, 2);
  g_assert_true (shows_row (&fixture, "Soberón–Nicholson breakfast"));
  g_assert_true (mp_history_undo (fixture.history));
  iterate ();
  g_assert_null (mp_plan_get_request (fixture.plan, "soberon-nicholson-breakfast"));
  g_assert_false (mp_history_get_can_undo (fixture.history));

  request = mp_plan_get_request (fixture.plan, "req-blackhawk");
  mp_requests_page_select (page, request);
  iterate ();
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_widget (fixture.page, ADW_TYPE_COMBO_ROW, "Priority")),
                              MP_PRIORITY_HIGH);
  g_assert_cmpint (mp_request_get_priority (request), ==, MP_PRIORITY_HIGH);
  enter_text (&fixture, "Earliest Start, such as 2014-04-24 08:00", "2014-04-24 25:00");
  g_assert_true (has_error (&fixture, "Earliest Start, such as 2014-04-24 08:00"));
  enter_text (&fixture, "Earliest Start, such as 2014-04-24 08:00", "2014-04-24 10:00");
  g_assert_false (has_error (&fixture, "Earliest Start, such as 2014-04-24 08:00"));
  time_text = mp_time_to_string (mp_request_get_earliest (request));
  g_assert_cmpstr (time_text, ==, "2014-04-24T10:00");
  g_free (time_text);
  g_assert_true (mp_requests_page_remove_participant (page, "aguilar", NULL));
  g_assert_false (mp_requests_page_remove_participant (page, "price", &message));
  g_assert_nonnull (message);
  g_assert_cmpuint (g_strv_length ((char **) mp_request_get_participants (request)), ==, 2);

  for (guint i = 0; i < 3; i++)
    g_assert_true (mp_history_undo (fixture.history));
  g_assert_false (mp_history_get_can_undo (fixture.history));
  g_assert_cmpint (mp_request_get_priority (request), ==, MP_PRIORITY_NORMAL);
  g_assert_cmpuint (g_strv_length ((char **) mp_request_get_participants (request)), ==, 3);
  time_text = mp_time_to_string (mp_request_get_earliest (request));
  g_assert_cmpstr (time_text, ==, "2014-04-24T08:00");
  g_free (time_text);

  /* Removing a placed request clears its meeting's reference. */
  place (&fixture, "req-blackhawk");
  mp_requests_page_set_show_all (page, TRUE);
  mp_requests_page_select (page, request);
  gtk_widget_activate_action (fixture.page, "requests.remove", NULL);
  iterate ();
  g_assert_null (mp_plan_get_request (fixture.plan, "req-blackhawk"));
  g_assert_null (mp_meeting_get_request (mp_plan_get_meeting (fixture.plan, "placed")));
  g_assert_true (mp_history_undo (fixture.history));
  iterate ();
  g_assert_nonnull (mp_plan_get_request (fixture.plan, "req-blackhawk"));
  g_assert_cmpstr (mp_meeting_get_request (mp_plan_get_meeting (fixture.plan, "placed")), ==, "req-blackhawk");

  fixture_teardown (&fixture);
}

/* The window's actions a requests page asks for, recorded. */
static void
on_win_action_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       data)
{
  GString *log = data;

  g_string_append_printf (log, "%s %s;", g_action_get_name (G_ACTION (action)),
                          g_variant_get_string (parameter, NULL));
}

/* Without a pointer: Enter on an unplaced request's row, its Place button,
 * or the Place… button of its details ask the window to place it
 * (win.place-request); Enter on a placed one shows its meeting. */
static void
test_requests_place (void)
{
  Fixture fixture;
  MpRequestsPage *page;
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GString) log = g_string_new (NULL);
  const char *names[] = { "place-request", "show-meeting" };
  GtkWidget *list_view;
  GtkWidget *place_button;
  GtkWidget *row_button;
  GListModel *model;
  guint position = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GSimpleAction) action = g_simple_action_new (names[i], G_VARIANT_TYPE_STRING);

      g_signal_connect (action, "activate", G_CALLBACK (on_win_action_cb), log);
      g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
    }

  fixture_setup (&fixture, mp_requests_page_new ());
  gtk_widget_insert_action_group (fixture.window, "win", G_ACTION_GROUP (group));
  page = MP_REQUESTS_PAGE (fixture.page);
  model = mp_requests_page_get_model (page);
  list_view = GTK_WIDGET (gtk_widget_get_template_child (fixture.page, MP_TYPE_REQUESTS_PAGE, "list_view"));
  place_button = GTK_WIDGET (gtk_widget_get_template_child (fixture.page, MP_TYPE_REQUESTS_PAGE, "place_button"));
  row_button = find_widget (fixture.page, GTK_TYPE_BUTTON, "_Place…");
  g_assert_null (row_button);
  g_assert_false (gtk_widget_is_sensitive (place_button));
  g_assert_nonnull (gtk_widget_get_tooltip_text (place_button));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (id_at (model, i), "req-blackhawk"))
      position = i;
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  g_signal_emit_by_name (list_view, "activate", position);
  g_assert_cmpstr (log->str, ==, "place-request req-blackhawk;");

  g_string_truncate (log, 0);
  mp_requests_page_select (page, mp_plan_get_request (fixture.plan, "req-pull-aside"));
  iterate ();
  g_assert_true (gtk_widget_is_sensitive (place_button));
  g_signal_emit_by_name (place_button, "clicked");
  row_button = find_widget (fixture.page, GTK_TYPE_BUTTON, "_Place…");
  g_assert_nonnull (row_button);
  g_assert_true (gtk_widget_get_focusable (row_button));
  g_signal_emit_by_name (row_button, "clicked");
  g_assert_cmpstr (log->str, ==, "place-request req-pull-aside;place-request req-pull-aside;");

  /* Placed: nothing to place, Enter shows the meeting. */
  g_string_truncate (log, 0);
  place (&fixture, "req-pull-aside");
  iterate ();
  g_assert_false (gtk_widget_is_sensitive (place_button));
  g_assert_null (find_widget (fixture.page, GTK_TYPE_BUTTON, "_Place…"));
  mp_requests_page_set_show_all (page, TRUE);
  iterate ();
  position = GTK_INVALID_LIST_POSITION;
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (id_at (model, i), "req-pull-aside"))
      position = i;
  g_signal_emit_by_name (list_view, "activate", position);
  g_assert_cmpstr (log->str, ==, "show-meeting placed;");

  fixture_teardown (&fixture);
}

/* Rooms */

static void
test_rooms_list (void)
{
  Fixture fixture;
  GListModel *model;
  g_autoptr(MpRoom) orphan = mp_room_new ("annex");

  fixture_setup (&fixture, mp_rooms_page_new ());
  model = mp_rooms_page_get_model (MP_ROOMS_PAGE (fixture.page));

  /* Two venues, each followed by its rooms. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 9);
  g_assert_cmpstr (id_at (model, 0), ==, "sedena");
  g_assert_cmpstr (id_at (model, 1), ==, "plenary-hall");
  g_assert_cmpstr (id_at (model, 7), ==, "airport");
  g_assert_cmpstr (id_at (model, 8), ==, "hangar-lounge");
  g_assert_true (shows_row (&fixture, "SEDENA headquarters"));
  g_assert_true (shows_row (&fixture, "Presidential Hangar Lounge"));

  /* A room moved to the other venue follows, live; one without a venue
   * comes last. */
  mp_history_begin (fixture.history, "Change Venue");
  mp_history_set (fixture.history, mp_plan_get_room (fixture.plan, "press-room"), "venue", "airport", NULL);
  mp_history_end (fixture.history);
  mp_room_set_name (orphan, "Annex");
  mp_history_begin (fixture.history, "Add Room");
  g_assert_true (mp_history_add (fixture.history, MP_RECORD (orphan), NULL));
  mp_history_end (fixture.history);
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 10);
  g_assert_cmpstr (id_at (model, 6), ==, "airport");
  g_assert_cmpstr (id_at (model, 7), ==, "press-room");
  g_assert_cmpstr (id_at (model, 9), ==, "annex");
  g_assert_true (mp_history_undo (fixture.history));
  g_assert_true (mp_history_undo (fixture.history));
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 9);
  g_assert_cmpstr (id_at (model, 5), ==, "press-room");

  fixture_teardown (&fixture);
}

static void
test_rooms_edit (void)
{
  Fixture fixture;
  MpRoomsPage *page;
  MpRoom *room;
  MpVenue *venue;

  fixture_setup (&fixture, mp_rooms_page_new ());
  page = MP_ROOMS_PAGE (fixture.page);

  /* A new room in the selected venue. */
  mp_rooms_page_select (page, mp_plan_get_venue (fixture.plan, "airport"));
  gtk_widget_activate_action (fixture.page, "rooms.add-room", NULL);
  iterate ();
  enter_text (&fixture, "Name", "VIP Lounge");
  gtk_widget_activate_action (fixture.page, "rooms.commit", NULL);
  iterate ();
  room = mp_plan_get_room (fixture.plan, "vip-lounge");
  g_assert_nonnull (room);
  g_assert_cmpstr (mp_room_get_venue (room), ==, "airport");
  g_assert_true (shows_row (&fixture, "VIP Lounge"));

  /* Kinds: checking one restricts the room to it. */
  mp_rooms_page_set_kind (page, MP_MEETING_KIND_BILATERAL, TRUE);
  g_assert_cmpuint (mp_room_get_kinds (room), ==, 1u << MP_MEETING_KIND_BILATERAL);
  iterate ();
  g_assert_true (shows_row (&fixture, "VIP Lounge"));
  g_assert_nonnull (find_widget (fixture.page, MP_TYPE_RECORD_ROW, "VIP Lounge"));
  g_assert_cmpstr (mp_record_row_get_subtitle (MP_RECORD_ROW (find_widget (fixture.page, MP_TYPE_RECORD_ROW, "VIP Lounge"))),
                   ==, "Bilateral");
  g_assert_true (mp_history_undo (fixture.history));
  g_assert_cmpuint (mp_room_get_kinds (room), ==, 0);
  g_assert_true (mp_history_undo (fixture.history));
  iterate ();
  g_assert_null (mp_plan_get_room (fixture.plan, "vip-lounge"));

  /* A venue: its time zone is checked; travel times added, changed and
   * removed, each one step. */
  venue = mp_plan_get_venue (fixture.plan, "airport");
  mp_rooms_page_select (page, venue);
  iterate ();
  enter_text (&fixture, "Time Zone, such as America/Mexico_City", "Mexico City");
  g_assert_true (has_error (&fixture, "Time Zone, such as America/Mexico_City"));
  g_assert_cmpstr (mp_venue_get_time_zone (venue), ==, "America/Mexico_City");

  mp_rooms_page_set_travel_minutes (page, "airport", "sedena", 50);
  g_assert_cmpint (mp_plan_get_travel_minutes (fixture.plan, "sedena", "airport"), ==, 50);
  mp_rooms_page_set_travel_minutes (page, "airport", "sedena", -1);
  g_assert_cmpint (mp_plan_get_travel_minutes (fixture.plan, "sedena", "airport"), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (mp_plan_get_travel (fixture.plan)), ==, 0);
  mp_rooms_page_set_travel_minutes (page, "airport", "sedena", 30);
  g_assert_cmpuint (g_list_model_get_n_items (mp_plan_get_travel (fixture.plan)), ==, 1);
  g_assert_cmpint (mp_plan_get_travel_minutes (fixture.plan, "sedena", "airport"), ==, 30);
  iterate ();
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (find_widget (
                     find_widget (fixture.page, ADW_TYPE_ACTION_ROW, "SEDENA headquarters"),
                     GTK_TYPE_SPIN_BUTTON, NULL))), ==, 30);
  for (guint i = 0; i < 3; i++)
    g_assert_true (mp_history_undo (fixture.history));
  g_assert_false (mp_history_get_can_undo (fixture.history));
  g_assert_cmpint (mp_plan_get_travel_minutes (fixture.plan, "sedena", "airport"), ==, 45);

  fixture_teardown (&fixture);
}

static void
test_rooms_remove (void)
{
  Fixture fixture;
  MpRoomsPage *page;
  AdwMessageDialog *dialog;
  AdwComboRow *venue_row;
  g_autofree char *meetings = NULL;

  fixture_setup (&fixture, mp_rooms_page_new ());
  page = MP_ROOMS_PAGE (fixture.page);

  mp_rooms_page_select (page, mp_plan_get_room (fixture.plan, "conference-room-a"));
  gtk_widget_activate_action (fixture.page, "rooms.remove", NULL);
  iterate ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Conference Room A is booked for"));
  meetings = dialog_meetings (dialog);
  g_assert_nonnull (strstr (meetings, "Hagel–Cienfuegos bilateral\n"));
  respond (dialog, "remove");
  g_assert_null (mp_plan_get_room (fixture.plan, "conference-room-a"));
  g_assert_null (mp_meeting_get_room (mp_plan_get_meeting (fixture.plan, "bilateral-usa-sedena")));
  g_assert_false (shows_row (&fixture, "Conference Room A"));
  g_assert_true (mp_history_undo (fixture.history));
  iterate ();
  g_assert_cmpstr (mp_meeting_get_room (mp_plan_get_meeting (fixture.plan, "bilateral-usa-sedena")), ==, "conference-room-a");
  g_assert_true (shows_row (&fixture, "Conference Room A"));

  /* A venue: its rooms stay without it, its travel goes. */
  mp_rooms_page_select (page, mp_plan_get_venue (fixture.plan, "airport"));
  gtk_widget_activate_action (fixture.page, "rooms.remove", NULL);
  iterate ();
  respond (find_message_dialog (), "remove");
  g_assert_null (mp_plan_get_venue (fixture.plan, "airport"));
  g_assert_null (mp_room_get_venue (mp_plan_get_room (fixture.plan, "hangar-lounge")));
  g_assert_cmpuint (g_list_model_get_n_items (mp_plan_get_travel (fixture.plan)), ==, 0);
  g_assert_cmpstr (id_at (mp_rooms_page_get_model (page), 7), ==, "hangar-lounge");
  g_assert_true (mp_history_undo (fixture.history));
  iterate ();
  g_assert_false (mp_history_get_can_undo (fixture.history));
  g_assert_cmpstr (mp_room_get_venue (mp_plan_get_room (fixture.plan, "hangar-lounge")), ==, "airport");
  g_assert_cmpint (mp_plan_get_travel_minutes (fixture.plan, "sedena", "airport"), ==, 45);

  /* A room is shown while venues go and come back. */
  mp_rooms_page_select (page, mp_plan_get_room (fixture.plan, "hangar-lounge"));
  iterate ();
  mp_history_begin (fixture.history, "Remove Venue");
  mp_history_remove (fixture.history, MP_RECORD (mp_plan_get_venue (fixture.plan, "sedena")));
  mp_history_end (fixture.history);
  iterate ();
  mp_history_begin (fixture.history, "Remove Venue");
  mp_history_remove (fixture.history, MP_RECORD (mp_plan_get_venue (fixture.plan, "airport")));
  mp_history_end (fixture.history);
  iterate ();
  g_assert_true (mp_history_undo (fixture.history));
  iterate ();
  g_assert_true (mp_history_undo (fixture.history));
  iterate ();
  venue_row = ADW_COMBO_ROW (find_widget (fixture.page, ADW_TYPE_COMBO_ROW, "Venue"));
  g_assert_nonnull (adw_combo_row_get_selected_item (venue_row));
  g_assert_cmpstr (mp_record_get_id (adw_combo_row_get_selected_item (venue_row)), ==, "airport");

  fixture_teardown (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/pages/delegations/list", test_delegations_list);
  g_test_add_func ("/pages/delegations/add-edit", test_delegations_add_edit);
  g_test_add_func ("/pages/delegations/move", test_delegations_move);
  g_test_add_func ("/pages/delegations/remove", test_delegations_remove);

  g_test_add_func ("/pages/people/list", test_people_list);
  g_test_add_func ("/pages/people/add-edit", test_people_add_edit);
  g_test_add_func ("/pages/people/availability", test_people_availability);
  g_test_add_func ("/pages/people/remove", test_people_remove);

  g_test_add_func ("/pages/requests/list", test_requests_list);
  g_test_add_func ("/pages/requests/add-edit", test_requests_add_edit);
  g_test_add_func ("/pages/requests/place", test_requests_place);

  g_test_add_func ("/pages/rooms/list", test_rooms_list);
  g_test_add_func ("/pages/rooms/edit", test_rooms_edit);
  g_test_add_func ("/pages/rooms/remove", test_rooms_remove);

  return g_test_run ();
}
