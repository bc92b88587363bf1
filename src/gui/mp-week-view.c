/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mp-week-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "mp-palette.h"
#include "mp-timeline.h"
#include "mp-week-view.h"

#define LABEL_WIDTH      180.0
#define HEADER_HEIGHT     62.0
#define HEADING_HEIGHT    26.0
#define ROOM_HEIGHT       28.0
#define MIN_DAY_WIDTH    140.0
#define BAR_INSET          5.0
#define MIN_BAR_WIDTH      2.0
#define PADDING            8.0

typedef struct
{
  char     *room_id;    /* NULL: a venue's heading, or meetings without a room */
  char     *label;
  gboolean  heading;
  double    y;
  double    height;
} Row;

typedef struct
{
  MpMeeting *meeting;   /* the plan holds it */
  int        start;     /* minutes after the day's midnight, wall clock */
  int        end;
  gboolean   conflict;
} Bar;

/* A bar on its way to its cell. */
typedef struct
{
  guint  row;           /* + 1; 0: meetings without a known room */
  guint  day;
  Bar    bar;
} Placed;

typedef struct
{
  GArray *bars;         /* Bar, by start */
  guint   n_conflicts;
} Cell;

typedef struct
{
  guint n_meetings;
  guint n_conflicts;
} DayTotal;

struct _MpWeekView
{
  GtkWidget       parent_instance;

  MpPlan         *plan;
  MpConflictList *conflicts;
  char           *filter;

  /* Made again when next needed after a change. */
  gboolean        dirty;
  GPtrArray      *rows;        /* Row */
  GArray         *cells;       /* Cell, row by row, a day each */
  GArray         *totals;      /* DayTotal, a day each */
  gint64          first_day;
  guint           n_days;
  int             day_start;
  int             day_end;
  double          height;

  guint           cursor_row;
  guint           cursor_day;
  GHashTable     *layouts;     /* markup → PangoLayout */
};

G_DEFINE_FINAL_TYPE (MpWeekView, mp_week_view, GTK_TYPE_WIDGET)

enum {
  DAY_ACTIVATED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
row_free (Row *row)
{
  g_free (row->room_id);
  g_free (row->label);
  g_free (row);
}

static void
cell_clear (Cell *cell)
{
  g_clear_pointer (&cell->bars, g_array_unref);
}

static Cell *
cell_at (MpWeekView *self,
         guint       row,
         guint       day)
{
  return &g_array_index (self->cells, Cell, row * self->n_days + day);
}

/* Layout ------------------------------------------------------------------ */

static void
add_row (MpWeekView *self,
         const char *room_id,
         const char *label,
         gboolean    heading)
{
  Row *row = g_new0 (Row, 1);

  row->room_id = g_strdup (room_id);
  row->label = g_strdup (label);
  row->heading = heading;
  row->y = self->height;
  row->height = heading ? HEADING_HEIGHT : ROOM_HEIGHT;
  self->height += row->height;
  g_ptr_array_add (self->rows, row);
}

static void
build_rows (MpWeekView *self,
            GHashTable *row_of)
{
  g_autoptr(GPtrArray) rooms = mp_plan_list_rooms_by_venue (self->plan);
  const char *last_venue = NULL;

  for (guint i = 0; i < rooms->len; i++)
    {
      MpRoom *room = g_ptr_array_index (rooms, i);
      MpVenue *venue = mp_plan_get_venue (self->plan, mp_room_get_venue (room));
      const char *venue_id = venue != NULL ? mp_record_get_id (MP_RECORD (venue)) : "";
      const char *name = mp_room_get_name (room);

      if (i == 0 || g_strcmp0 (venue_id, last_venue) != 0)
        add_row (self, NULL, venue != NULL ? mp_venue_get_name (venue) : _("Other Rooms"), TRUE);
      last_venue = venue_id;

      if (name == NULL || name[0] == '\0')
        name = mp_record_get_id (MP_RECORD (room));
      g_hash_table_insert (row_of, (char *) mp_record_get_id (MP_RECORD (room)),
                           GUINT_TO_POINTER (self->rows->len + 1));
      add_row (self, mp_record_get_id (MP_RECORD (room)), name, FALSE);
    }
}

static int
compare_bars (gconstpointer a,
              gconstpointer b)
{
  const Bar *ba = a, *bb = b;

  return ba->start != bb->start ? ba->start - bb->start : ba->end - bb->end;
}

static void
ensure_layout (MpWeekView *self)
{
  g_autoptr(GHashTable) row_of = NULL;
  g_autoptr(GArray) bars = NULL;
  MpConference *conference;
  GListModel *meetings;
  gboolean unassigned = FALSE;
  guint n;

  if (!self->dirty)
    return;
  self->dirty = FALSE;

  g_ptr_array_set_size (self->rows, 0);
  g_array_set_size (self->cells, 0);
  g_array_set_size (self->totals, 0);
  self->n_days = 0;
  self->height = HEADER_HEIGHT;
  if (self->plan == NULL)
    return;

  conference = mp_plan_get_conference (self->plan);
  self->first_day = mp_conference_get_start_date (conference);
  self->n_days = CLAMP (mp_conference_get_end_date (conference) - self->first_day + 1, 1, 366);
  self->day_start = mp_conference_get_day_start (conference);
  self->day_end = MAX (self->day_start + 60, mp_conference_get_day_end (conference));

  row_of = g_hash_table_new (g_str_hash, g_str_equal);
  build_rows (self, row_of);

  /* One pass over the meetings; those without a room (at missions, say)
   * get a row of their own at the end, once the rooms' rows are known. */
  bars = g_array_new (FALSE, FALSE, sizeof (Placed));
  meetings = mp_plan_get_meetings (self->plan);
  n = g_list_model_get_n_items (meetings);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MpMeeting) meeting = g_list_model_get_item (meetings, i);
      GTimeZone *zone = mp_meeting_get_time_zone (meeting);
      const char *room = mp_meeting_get_room (meeting);
      gint64 day, midnight;
      Placed placed;

      if (zone == NULL || mp_meeting_get_status (meeting) == MP_MEETING_STATUS_CANCELLED)
        continue;
      day = mp_timeline_get_meeting_day (meeting) - self->first_day;
      if (day < 0 || day >= self->n_days)
        continue;
      if (self->filter != NULL && !mp_plan_meeting_involves (self->plan, meeting, self->filter))
        continue;

      midnight = (self->first_day + day) * MP_SECONDS_PER_DAY;
      placed.row = room != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (row_of, room)) : 0;
      placed.day = day;
      placed.bar.meeting = meeting;
      placed.bar.start = (mp_wall_from_instant (mp_meeting_get_start_instant (meeting), zone) - midnight) / 60;
      placed.bar.end = (mp_wall_from_instant (mp_meeting_get_end_instant (meeting), zone) - midnight) / 60;
      placed.bar.conflict = self->conflicts != NULL &&
                            mp_conflict_list_involves (self->conflicts, mp_record_get_id (MP_RECORD (meeting)));
      g_array_append_val (bars, placed);
      unassigned = unassigned || placed.row == 0;
    }

  if (unassigned)
    add_row (self, NULL, _("Unassigned"), FALSE);
  g_array_set_size (self->cells, self->rows->len * self->n_days);
  g_array_set_size (self->totals, self->n_days);

  for (guint i = 0; i < bars->len; i++)
    {
      Placed *placed = &g_array_index (bars, Placed, i);
      guint row = placed->row != 0 ? placed->row : self->rows->len;
      Cell *cell = cell_at (self, row - 1, placed->day);
      DayTotal *total = &g_array_index (self->totals, DayTotal, placed->day);

      if (cell->bars == NULL)
        cell->bars = g_array_new (FALSE, FALSE, sizeof (Bar));
      g_array_append_val (cell->bars, placed->bar);
      cell->n_conflicts += placed->bar.conflict;
      total->n_meetings++;
      total->n_conflicts += placed->bar.conflict;
    }

  for (guint i = 0; i < self->cells->len; i++)
    {
      Cell *cell = &g_array_index (self->cells, Cell, i);

      if (cell->bars != NULL)
        g_array_sort (cell->bars, compare_bars);
    }

  self->height += PADDING;
  if (self->cursor_row >= self->rows->len || ((Row *) g_ptr_array_index (self->rows, self->cursor_row))->heading)
    self->cursor_row = MIN (1, self->rows->len);
  self->cursor_day = MIN (self->cursor_day, self->n_days - 1);
}

static void
invalidate (MpWeekView *self)
{
  self->dirty = TRUE;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static double
day_width (MpWeekView *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));

  return self->n_days > 0 ? MAX (MIN_DAY_WIDTH, (width - LABEL_WIDTH) / self->n_days) : MIN_DAY_WIDTH;
}

static double
minute_to_x (MpWeekView *self,
             guint       day,
             int         minute)
{
  double w = day_width (self) - 2 * BAR_INSET;
  double span = self->day_end - self->day_start;

  minute = CLAMP (minute, self->day_start, self->day_end);
  return LABEL_WIDTH + day * day_width (self) + BAR_INSET + w * (minute - self->day_start) / span;
}

static gboolean
cell_at_point (MpWeekView *self,
               double      x,
               double      y,
               guint      *row_out,
               guint      *day_out)
{
  ensure_layout (self);
  if (x < LABEL_WIDTH || y < HEADER_HEIGHT || self->n_days == 0)
    return FALSE;

  for (guint r = 0; r < self->rows->len; r++)
    {
      Row *row = g_ptr_array_index (self->rows, r);
      guint day = (x - LABEL_WIDTH) / day_width (self);

      if (y >= row->y && y < row->y + row->height && !row->heading && day < self->n_days)
        {
          *row_out = r;
          *day_out = day;
          return TRUE;
        }
    }
  return FALSE;
}

static Bar *
bar_at (MpWeekView *self,
        double      x,
        double      y)
{
  guint row, day;
  Cell *cell;

  if (!cell_at_point (self, x, y, &row, &day))
    return NULL;

  cell = cell_at (self, row, day);
  for (guint i = 0; cell->bars != NULL && i < cell->bars->len; i++)
    {
      Bar *bar = &g_array_index (cell->bars, Bar, i);
      double x0 = minute_to_x (self, day, bar->start);
      double x1 = MAX (minute_to_x (self, day, bar->end), x0 + MIN_BAR_WIDTH);

      if (x >= x0 - 1 && x <= x1 + 1)
        return bar;
    }
  return NULL;
}

/* Words ------------------------------------------------------------------- */

static char *
format_day (gint64       day,
            const char  *format)
{
  g_autoptr(GDateTime) date = g_date_time_new_from_unix_utc (day * MP_SECONDS_PER_DAY);

  return g_date_time_format (date, format);
}

static char *
describe_cell (MpWeekView *self,
               guint       row_index,
               guint       day)
{
  Row *row = g_ptr_array_index (self->rows, row_index);
  Cell *cell = cell_at (self, row_index, day);
  guint n = cell->bars != NULL ? cell->bars->len : 0;
  /* Translators: a day in the week view's descriptions, see g_date_time_format() */
  g_autofree char *date = format_day (self->first_day + day, C_("week cell", "%A %-d %B"));
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u meeting", "%u meetings", n), n);

  if (cell->n_conflicts > 0)
    {
      g_autofree char *conflicts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u in conflict", "%u in conflict",
                                                                 cell->n_conflicts),
                                                    cell->n_conflicts);

      /* Translators: room, day: “3 meetings”, “1 in conflict” */
      return g_strdup_printf (_("%s, %s: %s, %s"), row->label, date, count, conflicts);
    }

  /* Translators: room, day: “3 meetings” */
  return g_strdup_printf (_("%s, %s: %s"), row->label, date, count);
}

static void
update_accessible (MpWeekView *self)
{
  g_autofree char *text = NULL;

  if (self->cursor_row >= self->rows->len || self->n_days == 0)
    return;
  text = describe_cell (self, self->cursor_row, self->cursor_day);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
}

/* Drawing ----------------------------------------------------------------- */

static PangoLayout *
text_layout (MpWeekView *self,
             const char *markup,
             int         width)
{
  g_autofree char *key = g_strdup_printf ("%d|%s", width, markup);
  PangoLayout *layout = g_hash_table_lookup (self->layouts, key);

  if (layout == NULL)
    {
      if (g_hash_table_size (self->layouts) > 500)
        g_hash_table_remove_all (self->layouts);
      layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
      pango_layout_set_markup (layout, markup, -1);
      pango_layout_set_width (layout, width * PANGO_SCALE);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      g_hash_table_insert (self->layouts, g_steal_pointer (&key), layout);
    }
  return layout;
}

static void
draw_text (MpWeekView    *self,
           GtkSnapshot   *snapshot,
           const char    *markup,
           double         x,
           double         y,
           int            width,
           const GdkRGBA *color)
{
  PangoLayout *layout = text_layout (self, markup, width);
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y - height / 2.0));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

/* Hours along the top of a day, at the lines of draw_grid (). */
static void
draw_hours (MpWeekView    *self,
            GtkSnapshot   *snapshot,
            guint          day,
            const GdkRGBA *color)
{
  int step = day_width (self) >= 280 ? 120 : 240;

  for (int m = (self->day_start + 119) / 120 * 120; m < self->day_end; m += 120)
    {
      g_autofree char *clock = NULL;
      g_autofree char *markup = NULL;
      PangoLayout *layout;
      int width;

      if (m % step != 0 || m - self->day_start < 45 || self->day_end - m < 45)
        continue;
      clock = mp_clock_to_string (m);
      markup = g_markup_printf_escaped ("<small>%s</small>", clock);
      layout = text_layout (self, markup, 60);
      pango_layout_get_pixel_size (layout, &width, NULL);
      draw_text (self, snapshot, markup, minute_to_x (self, day, m) - width / 2.0, 51, 60, color);
    }
}

static void
draw_header (MpWeekView      *self,
             GtkSnapshot     *snapshot,
             const MpPalette *p)
{
  double dw = day_width (self);
  char error_hex[8];
  GdkRGBA dim = p->fg;

  dim.alpha = 0.7f;
  g_snprintf (error_hex, sizeof error_hex, "#%02x%02x%02x",
              (int) (p->error.red * 255), (int) (p->error.green * 255), (int) (p->error.blue * 255));

  for (guint d = 0; d < self->n_days; d++)
    {
      DayTotal *total = &g_array_index (self->totals, DayTotal, d);
      double x = LABEL_WIDTH + d * dw + BAR_INSET;
      /* Translators: a day heading in the week view, see g_date_time_format() */
      g_autofree char *date = format_day (self->first_day + d, C_("week heading", "%a %-d %B"));
      g_autofree char *heading = g_markup_printf_escaped ("<b>%s</b>", date);
      g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u meeting", "%u meetings",
                                                             total->n_meetings),
                                                total->n_meetings);
      g_autofree char *summary = NULL;

      if (total->n_conflicts > 0)
        {
          g_autofree char *conflicts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u in conflict", "%u in conflict",
                                                                     total->n_conflicts),
                                                        total->n_conflicts);

          summary = g_markup_printf_escaped ("<small>%s · <span foreground=\"%s\">%s</span></small>",
                                             count, error_hex, conflicts);
        }
      else
        summary = g_markup_printf_escaped ("<small>%s</small>", count);

      draw_text (self, snapshot, heading, x, 16, dw - 2 * BAR_INSET, &p->fg);
      draw_text (self, snapshot, summary, x, 33, dw - 2 * BAR_INSET, &dim);
      draw_hours (self, snapshot, d, &dim);
    }
}

static void
draw_rows (MpWeekView      *self,
           GtkSnapshot     *snapshot,
           const MpPalette *p,
           double           width)
{
  double right = LABEL_WIDTH + self->n_days * day_width (self);
  GdkRGBA dim = p->fg;

  dim.alpha = 0.55f;
  for (guint r = 0; r < self->rows->len; r++)
    {
      Row *row = g_ptr_array_index (self->rows, r);
      g_autofree char *markup = NULL;

      if (row->heading)
        {
          gtk_snapshot_append_color (snapshot, &p->header_bg,
                                     &GRAPHENE_RECT_INIT (0, row->y, right, row->height));
          markup = g_markup_printf_escaped ("<small><b>%s</b></small>", row->label);
          draw_text (self, snapshot, markup, PADDING, row->y + row->height / 2, right - 2 * PADDING, &dim);
          continue;
        }

      markup = g_markup_escape_text (row->label, -1);
      draw_text (self, snapshot, markup, PADDING + 4, row->y + row->height / 2, LABEL_WIDTH - 2 * PADDING, &p->fg);
      gtk_snapshot_append_color (snapshot, &p->faint_line,
                                 &GRAPHENE_RECT_INIT (0, row->y + row->height - 1, right, 1));
    }
}

static void
draw_grid (MpWeekView      *self,
           GtkSnapshot     *snapshot,
           const MpPalette *p)
{
  double bottom = self->height - PADDING;

  /* Every two hours a faint line, so a bar's time can be told at sight. */
  for (guint d = 0; d < self->n_days; d++)
    for (int m = (self->day_start + 119) / 120 * 120; m < self->day_end; m += 120)
      {
        double x = floor (minute_to_x (self, d, m));

        gtk_snapshot_append_color (snapshot, &p->faint_line,
                                   &GRAPHENE_RECT_INIT (x, HEADER_HEIGHT, 1, bottom - HEADER_HEIGHT));
      }

  for (guint d = 0; d <= self->n_days; d++)
    {
      double x = floor (LABEL_WIDTH + d * day_width (self));

      gtk_snapshot_append_color (snapshot, &p->line, &GRAPHENE_RECT_INIT (x, 0, 1, bottom));
    }
  gtk_snapshot_append_color (snapshot, &p->line,
                             &GRAPHENE_RECT_INIT (0, HEADER_HEIGHT - 1, LABEL_WIDTH + self->n_days * day_width (self), 1));
}

static void
draw_bars (MpWeekView      *self,
           GtkSnapshot     *snapshot,
           const MpPalette *p)
{
  for (guint r = 0; r < self->rows->len; r++)
    {
      Row *row = g_ptr_array_index (self->rows, r);

      for (guint d = 0; d < self->n_days && !row->heading; d++)
        {
          Cell *cell = cell_at (self, r, d);

          for (guint i = 0; cell->bars != NULL && i < cell->bars->len; i++)
            {
              Bar *bar = &g_array_index (cell->bars, Bar, i);
              MpMeetingKind kind = CLAMP (mp_meeting_get_kind (bar->meeting), 0, MP_N_MEETING_KINDS - 1);
              double x0 = minute_to_x (self, d, bar->start);
              double x1 = MAX (minute_to_x (self, d, bar->end), x0 + MIN_BAR_WIDTH);
              GdkRGBA color = bar->conflict ? p->error : p->kinds[kind];

              /* Tentative meetings lighter; overlapping bars (the rooms
               * without a room) darken where they pile up. */
              color.alpha = mp_meeting_get_status (bar->meeting) == MP_MEETING_STATUS_TENTATIVE ? 0.45f : 0.8f;
              gtk_snapshot_append_color (snapshot, &color,
                                         &GRAPHENE_RECT_INIT (x0, row->y + BAR_INSET, x1 - x0 - 0.5,
                                                              row->height - 2 * BAR_INSET));
            }
        }
    }
}

static void
draw_cursor (MpWeekView      *self,
             GtkSnapshot     *snapshot,
             const MpPalette *p)
{
  Row *row;
  GskRoundedRect outline;
  const float widths[4] = { 2, 2, 2, 2 };
  const GdkRGBA colors[4] = { p->accent, p->accent, p->accent, p->accent };
  double dw = day_width (self);

  if (!gtk_widget_has_focus (GTK_WIDGET (self)) || self->cursor_row >= self->rows->len)
    return;

  row = g_ptr_array_index (self->rows, self->cursor_row);
  gsk_rounded_rect_init_from_rect (&outline,
                                   &GRAPHENE_RECT_INIT (LABEL_WIDTH + self->cursor_day * dw + 1, row->y + 1,
                                                        dw - 2, row->height - 2),
                                   3);
  gtk_snapshot_append_border (snapshot, &outline, widths, colors);
}

static void
mp_week_view_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  MpWeekView *self = MP_WEEK_VIEW (widget);
  double width = gtk_widget_get_width (widget);
  MpPalette p;

  ensure_layout (self);
  mp_palette_init (&p, widget);

  gtk_snapshot_append_color (snapshot, &p.bg,
                             &GRAPHENE_RECT_INIT (0, 0, width, gtk_widget_get_height (widget)));
  if (self->n_days == 0)
    return;

  draw_rows (self, snapshot, &p, width);
  draw_grid (self, snapshot, &p);
  draw_bars (self, snapshot, &p);
  draw_header (self, snapshot, &p);
  draw_cursor (self, snapshot, &p);
}

/* Input ------------------------------------------------------------------- */

static void
activate_cell (MpWeekView *self,
               guint       row,
               guint       day,
               MpMeeting  *meeting)
{
  self->cursor_row = row;
  self->cursor_day = day;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals [DAY_ACTIVATED], 0, self->first_day + day, meeting);
}

static void
on_released_cb (GtkGestureClick *gesture,
                int              n_press,
                double           x,
                double           y,
                MpWeekView      *self)
{
  Bar *bar = bar_at (self, x, y);
  guint row, day;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (cell_at_point (self, x, y, &row, &day))
    activate_cell (self, row, day, bar != NULL ? bar->meeting : NULL);
}

/* The next row that is a room, from row by step; the same row if none. */
static guint
step_row (MpWeekView *self,
          guint       row,
          int         step)
{
  for (int r = (int) row + step; r >= 0 && r < (int) self->rows->len; r += step)
    if (!((Row *) g_ptr_array_index (self->rows, r))->heading)
      return r;
  return row;
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   MpWeekView            *self)
{
  guint row = self->cursor_row, day = self->cursor_day;

  ensure_layout (self);
  if (self->rows->len == 0 || self->n_days == 0 || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      day = day > 0 ? day - 1 : 0;
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      day = MIN (day + 1, self->n_days - 1);
      break;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      row = step_row (self, row, -1);
      break;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      row = step_row (self, row, 1);
      break;
    case GDK_KEY_Home:
      day = 0;
      break;
    case GDK_KEY_End:
      day = self->n_days - 1;
      break;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
      activate_cell (self, row, day, NULL);
      return TRUE;
    default:
      return FALSE;
    }

  self->cursor_row = row;
  self->cursor_day = day;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}

static gboolean
mp_week_view_query_tooltip (GtkWidget  *widget,
                            int         x,
                            int         y,
                            gboolean    keyboard,
                            GtkTooltip *tooltip)
{
  MpWeekView *self = MP_WEEK_VIEW (widget);
  g_autofree char *text = NULL;
  Bar *bar = keyboard ? NULL : bar_at (self, x, y);
  guint row, day;

  if (bar != NULL)
    {
      g_autofree char *from = mp_clock_to_string (bar->start);
      g_autofree char *to = mp_clock_to_string (CLAMP (bar->end, 0, 24 * 60));

      text = g_markup_printf_escaped ("<b>%s</b>\n%s–%s%s%s", mp_meeting_get_title (bar->meeting), from, to,
                                      bar->conflict ? "\n" : "",
                                      bar->conflict ? _("In conflict: see the conflicts panel") : "");
    }
  else if (keyboard ? self->cursor_row < self->rows->len
                    : cell_at_point (self, x, y, &row, &day))
    {
      g_autofree char *description = keyboard ? describe_cell (self, self->cursor_row, self->cursor_day)
                                              : describe_cell (self, row, day);

      text = g_markup_escape_text (description, -1);
    }
  else
    return FALSE;

  gtk_tooltip_set_markup (tooltip, text);
  return TRUE;
}

static void
on_focus_changed_cb (GtkEventControllerFocus *controller,
                     MpWeekView              *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_plan_changed_cb (MpWeekView *self)
{
  invalidate (self);
}

static void
on_dark_changed_cb (MpWeekView *self)
{
  g_hash_table_remove_all (self->layouts);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* GtkWidget --------------------------------------------------------------- */

static void
mp_week_view_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  MpWeekView *self = MP_WEEK_VIEW (widget);

  ensure_layout (self);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = LABEL_WIDTH + MAX (1, self->n_days) * MIN_DAY_WIDTH + 1;
  else
    *minimum = *natural = ceil (self->height);
}

static void
mp_week_view_dispose (GObject *object)
{
  MpWeekView *self = MP_WEEK_VIEW (object);

  mp_week_view_set_plan (self, NULL);
  mp_week_view_set_conflicts (self, NULL);

  G_OBJECT_CLASS (mp_week_view_parent_class)->dispose (object);
}

static void
mp_week_view_finalize (GObject *object)
{
  MpWeekView *self = MP_WEEK_VIEW (object);

  g_clear_pointer (&self->filter, g_free);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->cells, g_array_unref);
  g_clear_pointer (&self->totals, g_array_unref);
  g_clear_pointer (&self->layouts, g_hash_table_unref);

  G_OBJECT_CLASS (mp_week_view_parent_class)->finalize (object);
}

static void
mp_week_view_class_init (MpWeekViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mp_week_view_dispose;
  object_class->finalize = mp_week_view_finalize;

  widget_class->measure = mp_week_view_measure;
  widget_class->snapshot = mp_week_view_snapshot;
  widget_class->query_tooltip = mp_week_view_query_tooltip;

  /**
   * MpWeekView::day-activated:
   * @day: the day, counted from 1970-01-01
   * @meeting: (nullable): the meeting clicked, if any
   */
  signals [DAY_ACTIVATED] =
    g_signal_new ("day-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT64, MP_TYPE_MEETING);

  gtk_widget_class_set_css_name (widget_class, "weekview");
}

static void
mp_week_view_init (MpWeekView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  self->cells = g_array_new (FALSE, TRUE, sizeof (Cell));
  g_array_set_clear_func (self->cells, (GDestroyNotify) cell_clear);
  self->totals = g_array_new (FALSE, TRUE, sizeof (DayTotal));
  self->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->dirty = TRUE;
  self->cursor_row = 1;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (on_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  g_signal_connect (focus, "enter", G_CALLBACK (on_focus_changed_cb), self);
  g_signal_connect (focus, "leave", G_CALLBACK (on_focus_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Week"),
                                  -1);
}

/* Public ------------------------------------------------------------------ */

GtkWidget *
mp_week_view_new (void)
{
  return g_object_new (MP_TYPE_WEEK_VIEW, NULL);
}

MpPlan *
mp_week_view_get_plan (MpWeekView *self)
{
  g_return_val_if_fail (MP_IS_WEEK_VIEW (self), NULL);

  return self->plan;
}

void
mp_week_view_set_plan (MpWeekView *self,
                       MpPlan     *plan)
{
  g_return_if_fail (MP_IS_WEEK_VIEW (self));
  g_return_if_fail (!plan || MP_IS_PLAN (plan));

  if (self->plan == plan)
    return;

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  g_set_object (&self->plan, plan);
  if (plan != NULL)
    g_signal_connect_object (plan, "changed", G_CALLBACK (on_plan_changed_cb), self, G_CONNECT_SWAPPED);

  self->cursor_row = 1;
  self->cursor_day = 0;
  invalidate (self);
}

void
mp_week_view_set_conflicts (MpWeekView     *self,
                            MpConflictList *conflicts)
{
  g_return_if_fail (MP_IS_WEEK_VIEW (self));
  g_return_if_fail (!conflicts || MP_IS_CONFLICT_LIST (conflicts));

  if (self->conflicts == conflicts)
    return;

  if (self->conflicts != NULL)
    g_signal_handlers_disconnect_by_data (self->conflicts, self);
  g_set_object (&self->conflicts, conflicts);
  if (conflicts != NULL)
    g_signal_connect_object (conflicts, "items-changed", G_CALLBACK (on_plan_changed_cb), self, G_CONNECT_SWAPPED);
  invalidate (self);
}

void
mp_week_view_set_filter (MpWeekView *self,
                         const char *id)
{
  g_return_if_fail (MP_IS_WEEK_VIEW (self));

  if (g_strcmp0 (self->filter, id) == 0)
    return;
  g_free (self->filter);
  self->filter = g_strdup (id);
  invalidate (self);
}

gint64
mp_week_view_get_cursor_day (MpWeekView *self)
{
  g_return_val_if_fail (MP_IS_WEEK_VIEW (self), 0);

  ensure_layout (self);
  return self->first_day + self->cursor_day;
}

const char *
mp_week_view_get_cursor_room (MpWeekView *self)
{
  g_return_val_if_fail (MP_IS_WEEK_VIEW (self), NULL);

  ensure_layout (self);
  if (self->cursor_row >= self->rows->len)
    return NULL;
  return ((Row *) g_ptr_array_index (self->rows, self->cursor_row))->room_id;
}

static gboolean
find_cell (MpWeekView *self,
           gint64      day,
           const char *room_id,
           guint      *row_out,
           guint      *day_out)
{
  ensure_layout (self);
  if (day < self->first_day || day >= self->first_day + self->n_days)
    return FALSE;

  for (guint r = 0; r < self->rows->len; r++)
    {
      Row *row = g_ptr_array_index (self->rows, r);

      if (!row->heading && g_strcmp0 (row->room_id, room_id) == 0)
        {
          *row_out = r;
          *day_out = day - self->first_day;
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
mp_week_view_set_cursor (MpWeekView *self,
                         gint64      day,
                         const char *room_id)
{
  guint row, d;

  g_return_val_if_fail (MP_IS_WEEK_VIEW (self), FALSE);

  if (!find_cell (self, day, room_id, &row, &d))
    return FALSE;
  self->cursor_row = row;
  self->cursor_day = d;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}

guint
mp_week_view_count (MpWeekView *self,
                    gint64      day,
                    const char *room_id,
                    guint      *n_conflicts)
{
  guint row, d;
  Cell *cell;

  g_return_val_if_fail (MP_IS_WEEK_VIEW (self), 0);

  if (n_conflicts != NULL)
    *n_conflicts = 0;
  if (!find_cell (self, day, room_id, &row, &d))
    return 0;

  cell = cell_at (self, row, d);
  if (n_conflicts != NULL)
    *n_conflicts = cell->n_conflicts;
  return cell->bars != NULL ? cell->bars->len : 0;
}

guint
mp_week_view_count_all (MpWeekView *self)
{
  guint n = 0;

  g_return_val_if_fail (MP_IS_WEEK_VIEW (self), 0);

  ensure_layout (self);
  for (guint d = 0; d < self->totals->len; d++)
    n += g_array_index (self->totals, DayTotal, d).n_meetings;
  return n;
}

gboolean
mp_week_view_get_cell_at (MpWeekView  *self,
                          double       x,
                          double       y,
                          gint64      *day,
                          const char **room_id)
{
  guint row, d;

  g_return_val_if_fail (MP_IS_WEEK_VIEW (self), FALSE);

  if (!cell_at_point (self, x, y, &row, &d))
    return FALSE;
  *day = self->first_day + d;
  *room_id = ((Row *) g_ptr_array_index (self->rows, row))->room_id;
  return TRUE;
}
