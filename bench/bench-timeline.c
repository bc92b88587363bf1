/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Times the main window on a big plan: from nothing to its first frame,
 * then frames while scrolling the busiest day and while dragging a meeting
 * across it, then the week view: its first frame, and frames each after
 * an edit (which lays the whole week out again). Each frame is timed from the frame clock's "update" to its
 * "after-paint": layout, snapshot and render. Run it under Xvfb with
 * GSK_RENDERER=cairo (bench/run.sh does):
 *
 *   bench-timeline [--frames N] PLAN.ministerial
 */
#include "bench-common.h"
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <time.h>

#include "mp-document.h"
#include "mp-resources.h"
#include "mp-timeline.h"
#include "mp-week-view.h"
#include "mp-window.h"

typedef enum
{
  PHASE_FIRST_FRAME,
  PHASE_SCROLL,
  PHASE_DRAG,
  PHASE_WEEK,
  PHASE_DONE,
} Phase;

typedef struct
{
  MpWindow      *window;
  MpTimeline    *timeline;
  Phase          phase;
  gint64         start;
  gint64         frame_start;
  gint64         frame_cpu_start;
  double         window_ms;
  double         open_ms;
  double         first_frame_ms;
  double         first_frame_cpu_ms;
  gint64         cpu_start;
  GArray        *scroll_ms;
  GArray        *drag_ms;
  GArray        *scroll_cpu_ms;
  GArray        *drag_cpu_ms;
  guint          n_frames;
  guint          step;
  double         drag_x;
  double         drag_y;
  gboolean       dragging;
  double         commit_ms;
  double         editor_ms;
  GtkWidget     *week_view;
  GtkWidget     *week_button;
  MpMeeting     *edited;          /* its status flips each week frame */
  gint64         week_start;
  gint64         week_cpu_start;
  double         week_first_ms;
  double         week_first_cpu_ms;
  GArray        *week_ms;
  GArray        *week_cpu_ms;
  GMainLoop     *loop;
} Bench;

static void
report (const char *what,
        GArray     *times)
{
  double sum = 0;
  guint over = 0;

  if (times->len == 0)
    {
      g_print ("%-28s no frames\n", what);
      return;
    }

  g_array_sort (times, bench_compare_doubles);
  for (guint i = 0; i < times->len; i++)
    {
      double t = g_array_index (times, double, i);
      sum += t;
      over += t > 16.0;
    }
  g_print ("%-28s %4u frames  mean %6.2f ms  median %6.2f ms  p95 %6.2f ms  max %6.2f ms  over 16 ms: %u\n",
           what, times->len, sum / times->len,
           g_array_index (times, double, times->len / 2),
           g_array_index (times, double, MIN (times->len - 1, (guint) (times->len * 0.95))),
           g_array_index (times, double, times->len - 1), over);
}

static void
on_update_cb (GdkFrameClock *clock,
              Bench         *bench)
{
  bench->frame_start = g_get_monotonic_time ();
  bench->frame_cpu_start = bench_cpu_now ();
}

/* Moves the view or the dragged block one step per frame. */
static gboolean
on_tick_cb (GtkWidget     *widget,
            GdkFrameClock *clock,
            gpointer       data)
{
  Bench *bench = data;
  GtkScrollable *scrollable = GTK_SCROLLABLE (bench->timeline);
  GtkAdjustment *vadj = gtk_scrollable_get_vadjustment (scrollable);
  GtkAdjustment *hadj = gtk_scrollable_get_hadjustment (scrollable);

  if (bench->phase == PHASE_SCROLL)
    {
      double range = gtk_adjustment_get_upper (vadj) - gtk_adjustment_get_page_size (vadj);
      double hrange = gtk_adjustment_get_upper (hadj) - gtk_adjustment_get_page_size (hadj);
      double t = (bench->step % 120) / 120.0;
      double wave = t < 0.5 ? 2 * t : 2 - 2 * t;

      gtk_adjustment_set_value (vadj, wave * range);
      gtk_adjustment_set_value (hadj, (bench->step / 120 % 2) * hrange * wave);
    }
  else if (bench->phase == PHASE_DRAG && bench->dragging)
    {
      double t = (bench->step % 60) / 60.0;

      mp_timeline_drag_update (bench->timeline, 150 * 3 * t, 400 * (t < 0.5 ? t : 1 - t));
    }

  bench->step++;
  return G_SOURCE_CONTINUE;
}

/* An edit per frame: the week view lays the week out again. */
static gboolean
on_week_tick_cb (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       data)
{
  Bench *bench = data;

  if (bench->phase != PHASE_WEEK || bench->edited == NULL)
    return G_SOURCE_REMOVE;
  mp_meeting_set_status (bench->edited,
                         mp_meeting_get_status (bench->edited) == MP_MEETING_STATUS_CONFIRMED
                           ? MP_MEETING_STATUS_TENTATIVE : MP_MEETING_STATUS_CONFIRMED);
  return G_SOURCE_CONTINUE;
}

static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) &&
          (label == NULL || g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0))
        return child;
      if ((found = find_widget (child, type, label)) != NULL)
        return found;
    }
  return NULL;
}

static void
begin_week (Bench *bench)
{
  g_autoptr(GPtrArray) meetings = mp_timeline_list_meetings (bench->timeline);

  bench->week_view = find_widget (GTK_WIDGET (bench->window), MP_TYPE_WEEK_VIEW, NULL);
  bench->week_button = find_widget (GTK_WIDGET (bench->window), GTK_TYPE_TOGGLE_BUTTON, "_Week");
  if (bench->week_view == NULL || bench->week_button == NULL)
    {
      bench->phase = PHASE_DONE;
      g_main_loop_quit (bench->loop);
      return;
    }
  bench->edited = meetings->len > 0 ? g_ptr_array_index (meetings, meetings->len / 2) : NULL;
  bench->phase = PHASE_WEEK;
  bench->week_start = g_get_monotonic_time ();
  bench->week_cpu_start = bench_cpu_now ();
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (bench->week_button), TRUE);
}

static MpMeeting *
visible_meeting (Bench *bench)
{
  g_autoptr(GPtrArray) meetings = mp_timeline_list_meetings (bench->timeline);
  int height = gtk_widget_get_height (GTK_WIDGET (bench->timeline));

  for (guint i = 0; i < meetings->len; i++)
    {
      graphene_rect_t bounds;

      if (mp_timeline_get_meeting_bounds (bench->timeline, g_ptr_array_index (meetings, i), &bounds) &&
          bounds.origin.y > 60 && bounds.origin.y + bounds.size.height < height &&
          bounds.origin.x > 60 && bounds.size.height > 20)
        return g_ptr_array_index (meetings, i);
    }
  return NULL;
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   Bench         *bench)
{
  gint64 now = g_get_monotonic_time ();
  double ms = (now - bench->frame_start) / 1000.0;
  double cpu_ms = (bench_cpu_now () - bench->frame_cpu_start) / 1000.0;

  switch (bench->phase)
    {
    case PHASE_FIRST_FRAME:
      if (gtk_widget_get_width (GTK_WIDGET (bench->timeline)) == 0)
        return;
      bench->first_frame_ms = (now - bench->start) / 1000.0;
      bench->first_frame_cpu_ms = (bench_cpu_now () - bench->cpu_start) / 1000.0;
      bench->phase = PHASE_SCROLL;
      bench->step = 0;
      gtk_widget_add_tick_callback (GTK_WIDGET (bench->timeline), on_tick_cb, bench, NULL);
      break;

    case PHASE_SCROLL:
      g_array_append_val (bench->scroll_ms, ms);
      g_array_append_val (bench->scroll_cpu_ms, cpu_ms);
      if (bench->scroll_ms->len >= bench->n_frames)
        {
          MpMeeting *meeting;
          graphene_rect_t bounds;

          gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (bench->timeline)), 0);
          gtk_adjustment_set_value (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (bench->timeline)), 0);
          meeting = visible_meeting (bench);
          if (meeting != NULL && mp_timeline_get_meeting_bounds (bench->timeline, meeting, &bounds))
            bench->dragging = mp_timeline_drag_begin (bench->timeline, bounds.origin.x + 10, bounds.origin.y + 5);
          bench->phase = PHASE_DRAG;
          bench->step = 0;
        }
      break;

    case PHASE_DRAG:
      g_array_append_val (bench->drag_ms, ms);
      g_array_append_val (bench->drag_cpu_ms, cpu_ms);
      if (bench->drag_ms->len >= bench->n_frames)
        {
          gint64 t0 = g_get_monotonic_time ();

          if (bench->dragging)
            mp_timeline_drag_end (bench->timeline);
          bench->dragging = FALSE;
          /* The edit, the layout it causes and the conflicts found again. */
          while (g_main_context_iteration (NULL, FALSE))
            ;
          bench->commit_ms = (g_get_monotonic_time () - t0) / 1000.0;

          /* The meeting editor, the first time: every participant's row. */
          {
            g_autoptr(GPtrArray) meetings = mp_timeline_list_meetings (bench->timeline);

            t0 = g_get_monotonic_time ();
            if (meetings->len > 0)
              g_signal_emit_by_name (bench->timeline, "meeting-activated", g_ptr_array_index (meetings, 0));
            while (g_main_context_iteration (NULL, FALSE))
              ;
            bench->editor_ms = (g_get_monotonic_time () - t0) / 1000.0;
          }
          begin_week (bench);
        }
      break;

    case PHASE_WEEK:
      if (!gtk_widget_get_mapped (bench->week_view))
        return;
      if (bench->week_first_ms == 0)
        {
          bench->week_first_ms = (now - bench->week_start) / 1000.0;
          bench->week_first_cpu_ms = (bench_cpu_now () - bench->week_cpu_start) / 1000.0;
          gtk_widget_add_tick_callback (bench->week_view, on_week_tick_cb, bench, NULL);
          break;
        }
      g_array_append_val (bench->week_ms, ms);
      g_array_append_val (bench->week_cpu_ms, cpu_ms);
      if (bench->week_ms->len >= bench->n_frames / 4)
        {
          bench->phase = PHASE_DONE;
          g_main_loop_quit (bench->loop);
        }
      break;

    case PHASE_DONE:
    default:
      break;
    }
}

static void
on_realize_cb (GtkWidget *widget,
               Bench     *bench)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  g_signal_connect (clock, "update", G_CALLBACK (on_update_cb), bench);
  g_signal_connect_after (clock, "after-paint", G_CALLBACK (on_after_paint_cb), bench);
}

static const char *
load_average (void)
{
  static char text[128];
  g_autofree char *contents = NULL;

  if (!g_file_get_contents ("/proc/loadavg", &contents, NULL, NULL))
    return "unknown\n";
  g_strlcpy (text, contents, sizeof text);
  return text;
}

static gint64
busiest_day (MpPlan *plan,
             guint  *count)
{
  GListModel *meetings = mp_plan_get_meetings (plan);
  g_autoptr(GHashTable) days = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree gint64 *keys = g_new0 (gint64, g_list_model_get_n_items (meetings) + 1);
  gint64 best = 0;
  guint best_count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(MpMeeting) m = g_list_model_get_item (meetings, i);
      guint n;

      keys[i] = mp_timeline_get_meeting_day (m);
      n = GPOINTER_TO_UINT (g_hash_table_lookup (days, &keys[i])) + 1;
      g_hash_table_insert (days, &keys[i], GUINT_TO_POINTER (n));
      if (n > best_count)
        {
          best_count = n;
          best = keys[i];
        }
    }

  *count = best_count;
  return best;
}

int
main (int   argc,
      char *argv[])
{
  Bench bench = { 0 };
  int frames = 240;
  const GOptionEntry entries[] = {
    { "frames", 0, 0, G_OPTION_ARG_INT, &frames, "Frames to time while scrolling, and while dragging", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("PLAN.ministerial");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *state = NULL;
  MpPlan *plan;
  guint day_count;
  gint64 day;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2)
    {
      g_printerr ("usage: bench-timeline [--frames N] PLAN.ministerial%s%s\n",
                  error != NULL ? ": " : "", error != NULL ? error->message : "");
      return 2;
    }

  /* Nothing of the bench's is left in the person's recovery folder. */
  state = g_dir_make_tmp ("bench-timeline-XXXXXX", NULL);
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GSETTINGS_SCHEMA_DIR", SCHEMA_DIR, FALSE);

  {
    GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
    g_autoptr(GSettingsSchema) schema = source != NULL ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;

    if (schema == NULL)
      {
        g_printerr ("bench-timeline: the settings schema %s is not compiled in %s (build the data/ target)\n",
                    APP_ID, g_getenv ("GSETTINGS_SCHEMA_DIR"));
        return 2;
      }
  }

  gtk_init ();
  adw_init ();
  g_assert (mp_get_resource () != NULL);

  bench.loop = g_main_loop_new (NULL, FALSE);
  bench.scroll_ms = g_array_new (FALSE, FALSE, sizeof (double));
  bench.drag_ms = g_array_new (FALSE, FALSE, sizeof (double));
  bench.scroll_cpu_ms = g_array_new (FALSE, FALSE, sizeof (double));
  bench.drag_cpu_ms = g_array_new (FALSE, FALSE, sizeof (double));
  bench.week_ms = g_array_new (FALSE, FALSE, sizeof (double));
  bench.week_cpu_ms = g_array_new (FALSE, FALSE, sizeof (double));
  bench.n_frames = MAX (10, frames);
  file = g_file_new_for_commandline_arg (argv[1]);

  bench.start = g_get_monotonic_time ();
  bench.cpu_start = bench_cpu_now ();
  bench.window = mp_window_new (NULL);
  bench.window_ms = (g_get_monotonic_time () - bench.start) / 1000.0;
  bench.timeline = MP_TIMELINE (mp_window_get_timeline (bench.window));
  if (!mp_window_open (bench.window, file))
    {
      g_printerr ("bench-timeline: could not open %s\n", argv[1]);
      return 2;
    }
  bench.open_ms = (g_get_monotonic_time () - bench.start) / 1000.0;
  plan = mp_document_get_plan (mp_window_get_document (bench.window));
  day = busiest_day (plan, &day_count);
  mp_timeline_set_day (bench.timeline, day);
  gtk_window_set_default_size (GTK_WINDOW (bench.window), 1280, 800);
  g_signal_connect (bench.window, "realize", G_CALLBACK (on_realize_cb), &bench);
  gtk_window_present (GTK_WINDOW (bench.window));

  g_main_loop_run (bench.loop);

  g_print ("plan: %u meetings, %u participants; busiest day has %u meetings\n",
           g_list_model_get_n_items (mp_plan_get_meetings (plan)),
           g_list_model_get_n_items (mp_plan_get_participants (plan)), day_count);
  g_print ("%-28s %.1f ms wall, %.1f ms CPU (budget 1000 ms); window made at %.1f ms, plan open at %.1f ms\n",
           "open and first frame", bench.first_frame_ms, bench.first_frame_cpu_ms,
           bench.window_ms, bench.open_ms);
  g_print ("load average: %s", load_average ());
  report ("scrolling, wall time", bench.scroll_ms);
  report ("scrolling, CPU time", bench.scroll_cpu_ms);
  report ("dragging, wall time", bench.drag_ms);
  report ("dragging, CPU time", bench.drag_cpu_ms);
  g_print ("%-28s %.1f ms\n", "drop (edit, layout, conflicts)", bench.commit_ms);
  g_print ("%-28s %.1f ms\n", "meeting editor, first open", bench.editor_ms);
  g_print ("%-28s %.1f ms wall, %.1f ms CPU\n", "week view, first frame",
           bench.week_first_ms, bench.week_first_cpu_ms);
  report ("week, edit a frame, wall", bench.week_ms);
  report ("week, edit a frame, CPU", bench.week_cpu_ms);

  mp_document_discard_recovery (mp_window_get_document (bench.window));
  gtk_window_destroy (GTK_WINDOW (bench.window));
  g_array_unref (bench.scroll_ms);
  g_array_unref (bench.drag_ms);
  g_array_unref (bench.scroll_cpu_ms);
  g_array_unref (bench.drag_cpu_ms);
  g_array_unref (bench.week_ms);
  g_array_unref (bench.week_cpu_ms);
  g_main_loop_unref (bench.loop);
  g_rmdir (state);
  return 0;
}
