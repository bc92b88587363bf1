/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The delegations, people, rooms and requests pages on a large plan: how
 * long each takes to show the plan, and to follow one edit (the refresh
 * after the plan's "changed", with its rows filled again), under Xvfb.
 *
 *   bench-pages PLAN
 */
#include "config.h"

#include <adwaita.h>

#include "mp-delegations-page.h"
#include "mp-people-page.h"
#include "mp-plan-file.h"
#include "mp-requests-page.h"
#include "mp-rooms-page.h"

#define N_EDITS 20

static void
iterate (void)
{
  for (guint i = 0; i < 5; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

int
main (int   argc,
      char *argv[])
{
  static GtkWidget *(*const constructors[]) (void) = {
    mp_delegations_page_new, mp_people_page_new, mp_rooms_page_new, mp_requests_page_new,
  };
  static const char *const names[] = { "delegations", "people", "rooms", "requests" };
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MpPlan) plan = NULL;
  g_autoptr(MpHistory) history = NULL;
  g_autoptr(MpParticipant) person = NULL;

  if (argc != 2)
    {
      g_printerr ("usage: %s PLAN\n", argv[0]);
      return 2;
    }

  gtk_init ();
  adw_init ();

  file = g_file_new_for_commandline_arg (argv[1]);
  plan = mp_plan_file_load (file, &error);
  if (plan == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  history = mp_history_new (plan);
  person = g_list_model_get_item (mp_plan_get_participants (plan), 0);

  g_print ("%u delegations, %u people, %u rooms, %u requests\n",
           g_list_model_get_n_items (mp_plan_get_delegations (plan)),
           g_list_model_get_n_items (mp_plan_get_participants (plan)),
           g_list_model_get_n_items (mp_plan_get_rooms (plan)),
           g_list_model_get_n_items (mp_plan_get_requests (plan)));

  for (guint p = 0; p < G_N_ELEMENTS (constructors); p++)
    {
      GtkWidget *window = gtk_window_new ();
      GtkWidget *page = constructors[p] ();
      gint64 begin, shown, edited;

      gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
      gtk_window_set_child (GTK_WINDOW (window), page);
      gtk_window_present (GTK_WINDOW (window));
      iterate ();

      begin = g_get_monotonic_time ();
      g_object_set (page, "history", history, NULL);
      iterate ();
      shown = g_get_monotonic_time ();

      for (guint i = 0; i < N_EDITS; i++)
        {
          g_autofree char *name = g_strdup_printf ("Participant %u", i);

          mp_history_set (history, person, "name", name, NULL);
          iterate ();
        }
      edited = g_get_monotonic_time ();

      g_print ("%-12s shows the plan in %6.1f ms; follows an edit in %6.2f ms (mean of %d, drawing included)\n",
               names[p], (shown - begin) / 1000.0, (edited - shown) / 1000.0 / N_EDITS, N_EDITS);

      gtk_window_destroy (GTK_WINDOW (window));
      iterate ();
    }

  return 0;
}
