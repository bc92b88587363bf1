/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mp-timeline"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "mp-palette.h"
#include "mp-timeline.h"

#define VENUE_ROW_HEIGHT   22.0
#define ROOM_ROW_HEIGHT    30.0
#define HEADER_HEIGHT      (VENUE_ROW_HEIGHT + ROOM_ROW_HEIGHT)
#define GUTTER_WIDTH       56.0
#define MIN_COLUMN_WIDTH   150.0
#define PIXELS_PER_MINUTE  1.2
#define BOTTOM_PADDING     12.0
#define EDGE_GRAB          6.0
#define DRAG_THRESHOLD     4.0
#define BLOCK_INSET        2.0
#define ICON_SIZE          16.0

typedef struct
{
  char      *room_id;    /* NULL: meetings without a room */
  char      *name;
  GTimeZone *zone;
} Column;

typedef struct
{
  char  *name;
  guint  first;          /* column */
  guint  n_columns;
} Group;

typedef struct
{
  MpMeeting   *meeting;
  guint        column;
  int          start;    /* minutes after the day's midnight, wall clock */
  int          end;
  guint        lane;
  guint        n_lanes;
  guint        conflict : 1;
  char        *codes;    /* "CAN · MEX" */
  PangoLayout *layout;   /* made when first drawn */
  int          layout_width;
  int          layout_height;
} Block;

typedef enum
{
  DRAG_NONE,
  DRAG_MOVE,
  DRAG_RESIZE,
} DragMode;

struct _MpTimeline
{
  GtkWidget       parent_instance;

  MpHistory      *history;
  MpPlan         *plan;
  MpConflictList *conflicts;
  gint64          day;
  char           *filter;
  char           *selected;    /* meeting id */
  GStrv           highlighted; /* meeting ids shown with the selection */
  GTimeZone      *second_zone;
  char           *second_label;

  /* The layout of the day, made again at idle after a change. */
  GPtrArray      *columns;     /* of Column */
  GPtrArray      *groups;      /* of Group */
  GPtrArray      *blocks;      /* of Block, by column then start */
  GHashTable     *column_of;   /* room id → column + 1 */
  int             first_minute;
  int             last_minute;
  int             day_start;
  int             day_end;
  int             slot;
  gboolean        layout_dirty;
  gboolean        reveal_day;  /* scroll to the day's first meeting when none shows */

  double          column_width;

  GHashTable     *text_cache;  /* "size|width|align|markup" → PangoLayout */
  PangoLayout    *ghost_layout;
  char           *ghost_key;

  GtkAdjustment  *hadjustment;
  GtkAdjustment  *vadjustment;
  guint           hscroll_policy : 1;
  guint           vscroll_policy : 1;

  /* A drag in progress. */
  DragMode        drag_mode;
  Block          *drag_block;
  double          drag_x;
  double          drag_y;
  double          drag_scroll_y;  /* the vertical scroll when it began */
  gboolean        drag_moved;
  guint           drag_column;
  int             drag_start;
  int             drag_end;
};

static void scrollable_iface_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MpTimeline, mp_timeline, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, scrollable_iface_init))

enum {
  PROP_0,
  PROP_HISTORY,
  PROP_DAY,
  PROP_SELECTED,
  PROP_FILTER,
  N_PROPS,

  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

enum {
  MEETING_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void
scrollable_iface_init (GtkScrollableInterface *iface)
{
}

static gboolean
replace_str (char       **field,
             const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

/* Layout ------------------------------------------------------------------ */

static void
column_free (Column *column)
{
  g_free (column->room_id);
  g_free (column->name);
  g_free (column);
}

static void
group_free (Group *group)
{
  g_free (group->name);
  g_free (group);
}

static void
block_free (Block *block)
{
  g_clear_object (&block->meeting);
  g_clear_object (&block->layout);
  g_free (block->codes);
  g_free (block);
}

static int
compare_blocks (gconstpointer a,
                gconstpointer b)
{
  const Block *ba = *(Block * const *) a;
  const Block *bb = *(Block * const *) b;

  if (ba->column != bb->column)
    return ba->column < bb->column ? -1 : 1;
  if (ba->start != bb->start)
    return ba->start < bb->start ? -1 : 1;
  return bb->end - ba->end;
}

/* The day of a wall clock (seconds counted as if UTC). */
static gint64
floor_day (gint64 wall)
{
  return wall >= 0 ? wall / MP_SECONDS_PER_DAY : -((-wall - 1) / MP_SECONDS_PER_DAY) - 1;
}

gint64
mp_timeline_get_meeting_day (MpMeeting *meeting)
{
  return floor_day (mp_wall_from_instant (mp_meeting_get_start_instant (meeting),
                                          mp_meeting_get_time_zone (meeting)));
}

static gboolean
passes_filter (MpTimeline *self,
               MpMeeting  *meeting)
{
  return self->filter == NULL || mp_plan_meeting_involves (self->plan, meeting, self->filter);
}

static char *
delegation_codes (MpPlan    *plan,
                  MpMeeting *meeting)
{
  const char * const *participants = mp_meeting_get_participants (meeting);
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();

  for (guint i = 0; participants != NULL && participants[i] != NULL; i++)
    {
      MpParticipant *p = mp_plan_get_participant (plan, participants[i]);
      const char *code = p != NULL ? mp_participant_get_delegation (p) : NULL;
      gboolean seen = FALSE;

      if (code == NULL)
        continue;
      for (guint j = 0; j < codes->len && !seen; j++)
        seen = g_str_equal (g_ptr_array_index (codes, j), code);
      if (!seen)
        g_ptr_array_add (codes, (gpointer) code);
    }

  g_ptr_array_add (codes, NULL);
  return g_strjoinv (" · ", (char **) codes->pdata);
}

static guint
add_column (MpTimeline *self,
            MpRoom     *room,
            GTimeZone  *zone)
{
  Column *column = g_new0 (Column, 1);

  if (room != NULL)
    {
      column->room_id = g_strdup (mp_record_get_id (MP_RECORD (room)));
      column->name = g_strdup (mp_room_get_name (room));
      if (column->name == NULL || column->name[0] == '\0')
        replace_str (&column->name, column->room_id);
      g_hash_table_insert (self->column_of, column->room_id,
                           GUINT_TO_POINTER (self->columns->len + 1));
    }
  else
    column->name = g_strdup (_("Unassigned"));
  column->zone = zone;
  g_ptr_array_add (self->columns, column);
  return self->columns->len - 1;
}

static void
add_group (MpTimeline *self,
           const char *name,
           guint       first)
{
  Group *group;

  if (self->columns->len == first)
    return;

  group = g_new0 (Group, 1);
  group->name = g_strdup (name);
  group->first = first;
  group->n_columns = self->columns->len - first;
  g_ptr_array_add (self->groups, group);
}

static void
build_columns (MpTimeline *self)
{
  GListModel *venues = mp_plan_get_venues (self->plan);
  GListModel *rooms = mp_plan_get_rooms (self->plan);
  guint n_venues = g_list_model_get_n_items (venues);
  guint n_rooms = g_list_model_get_n_items (rooms);

  /* Rooms under their venue, in the order of venues; then rooms of no
   * venue (or of a venue that is not there). */
  for (guint v = 0; v <= n_venues; v++)
    {
      g_autoptr(MpVenue) venue = v < n_venues ? g_list_model_get_item (venues, v) : NULL;
      const char *venue_id = venue != NULL ? mp_record_get_id (MP_RECORD (venue)) : NULL;
      guint first = self->columns->len;

      for (guint r = 0; r < n_rooms; r++)
        {
          g_autoptr(MpRoom) room = g_list_model_get_item (rooms, r);
          const char *room_venue = mp_room_get_venue (room);
          gboolean orphan = room_venue == NULL || mp_plan_get_venue (self->plan, room_venue) == NULL;

          if (venue != NULL ? g_strcmp0 (room_venue, venue_id) == 0 : orphan)
            add_column (self, room,
                        mp_plan_get_room_zone (self->plan, mp_record_get_id (MP_RECORD (room))));
        }

      if (venue != NULL)
        add_group (self, mp_venue_get_name (venue), first);
      else
        add_group (self, "", first);
    }
}

static void
assign_lanes (GPtrArray *blocks)
{
  guint i = 0;

  /* Blocks are sorted by column and start. Overlapping blocks of one
   * column form a cluster and share its width. */
  while (i < blocks->len)
    {
      Block *first = g_ptr_array_index (blocks, i);
      int cluster_end = first->end;
      guint j = i + 1;
      int lane_end[16];
      guint n_lanes = 0;

      while (j < blocks->len)
        {
          Block *b = g_ptr_array_index (blocks, j);

          if (b->column != first->column || b->start >= cluster_end)
            break;
          cluster_end = MAX (cluster_end, b->end);
          j++;
        }

      for (guint k = i; k < j; k++)
        {
          Block *b = g_ptr_array_index (blocks, k);
          guint lane;

          for (lane = 0; lane < n_lanes; lane++)
            if (lane_end[lane] <= b->start)
              break;
          if (lane == G_N_ELEMENTS (lane_end))
            lane = G_N_ELEMENTS (lane_end) - 1;
          if (lane == n_lanes)
            n_lanes++;
          lane_end[lane] = b->end;
          b->lane = lane;
        }

      for (guint k = i; k < j; k++)
        ((Block *) g_ptr_array_index (blocks, k))->n_lanes = n_lanes;

      i = j;
    }
}

static void
ensure_layout (MpTimeline *self)
{
  MpConference *conference;
  GListModel *meetings;
  guint n;
  int unassigned = -1;

  if (!self->layout_dirty)
    return;

  self->layout_dirty = FALSE;

  /* The plan changed under a drag (an undo from the keyboard, say): the
   * block dragged is gone, and so is the drag. */
  self->drag_block = NULL;
  self->drag_moved = FALSE;
  self->drag_mode = DRAG_NONE;

  g_ptr_array_set_size (self->blocks, 0);
  g_ptr_array_set_size (self->columns, 0);
  g_ptr_array_set_size (self->groups, 0);
  g_hash_table_remove_all (self->column_of);

  if (self->plan == NULL)
    {
      self->first_minute = MP_DEFAULT_DAY_START;
      self->last_minute = MP_DEFAULT_DAY_END;
      return;
    }

  conference = mp_plan_get_conference (self->plan);
  self->day_start = mp_conference_get_day_start (conference);
  self->day_end = mp_conference_get_day_end (conference);
  self->slot = MAX (1, mp_conference_get_slot_minutes (conference));
  self->first_minute = self->day_start / 60 * 60;
  self->last_minute = (self->day_end + 59) / 60 * 60;

  build_columns (self);

  meetings = mp_plan_get_meetings (self->plan);
  n = g_list_model_get_n_items (meetings);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MpMeeting) meeting = g_list_model_get_item (meetings, i);
      GTimeZone *zone = mp_meeting_get_time_zone (meeting);
      const char *room = mp_meeting_get_room (meeting);
      gint64 start_wall, end_wall, midnight;
      guint column;
      Block *block;

      if (zone == NULL || mp_meeting_get_start (meeting) == NULL ||
          mp_meeting_get_end (meeting) == NULL)
        continue;
      if (mp_timeline_get_meeting_day (meeting) != self->day)
        continue;
      if (!passes_filter (self, meeting))
        continue;

      midnight = self->day * MP_SECONDS_PER_DAY;
      start_wall = mp_wall_from_instant (mp_meeting_get_start_instant (meeting), zone);
      end_wall = mp_wall_from_instant (mp_meeting_get_end_instant (meeting), zone);

      column = room != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (self->column_of, room)) : 0;
      if (column == 0)
        {
          if (unassigned < 0)
            unassigned = add_column (self, NULL, mp_conference_get_zone (conference));
          column = unassigned;
        }
      else
        column--;

      block = g_new0 (Block, 1);
      block->meeting = g_object_ref (meeting);
      block->column = column;
      block->start = (start_wall - midnight) / 60;
      block->end = CLAMP ((end_wall - midnight) / 60, block->start + 1, 24 * 60);
      block->conflict = self->conflicts != NULL &&
                        mp_conflict_list_involves (self->conflicts,
                                                   mp_record_get_id (MP_RECORD (meeting)));
      block->codes = delegation_codes (self->plan, meeting);
      g_ptr_array_add (self->blocks, block);

      self->first_minute = MIN (self->first_minute, block->start / 60 * 60);
      self->last_minute = MAX (self->last_minute, (block->end + 59) / 60 * 60);
    }

  if (unassigned >= 0)
    add_group (self, "", unassigned);

  g_ptr_array_sort (self->blocks, compare_blocks);
  assign_lanes (self->blocks);
}

/* The layout is made again when next needed: at allocation, at drawing,
 * or when asked for what it holds. */
static void
invalidate_layout (MpTimeline *self)
{
  self->layout_dirty = TRUE;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Geometry ---------------------------------------------------------------- */

static double
gutter_width (MpTimeline *self)
{
  return self->second_zone != NULL ? 2 * GUTTER_WIDTH : GUTTER_WIDTH;
}

static double
scroll_x (MpTimeline *self)
{
  return self->hadjustment != NULL ? gtk_adjustment_get_value (self->hadjustment) : 0;
}

static double
scroll_y (MpTimeline *self)
{
  return self->vadjustment != NULL ? gtk_adjustment_get_value (self->vadjustment) : 0;
}

static double
minute_to_y (MpTimeline *self,
             int         minute)
{
  return HEADER_HEIGHT + (minute - self->first_minute) * PIXELS_PER_MINUTE - scroll_y (self);
}

static double
column_to_x (MpTimeline *self,
             guint       column)
{
  return gutter_width (self) + column * self->column_width - scroll_x (self);
}

static void
block_rect (MpTimeline      *self,
            Block           *block,
            guint            column,
            int              start,
            int              end,
            graphene_rect_t *rect)
{
  double lane_width = self->column_width / MAX (1, block->n_lanes);
  double x = column_to_x (self, column) + block->lane * lane_width;
  double y = minute_to_y (self, start);

  graphene_rect_init (rect, x + BLOCK_INSET, y + 1,
                      lane_width - 2 * BLOCK_INSET,
                      MAX (8.0, (end - start) * PIXELS_PER_MINUTE - 2));
}

static Block *
block_at (MpTimeline *self,
          double      x,
          double      y)
{
  ensure_layout (self);

  if (x < gutter_width (self) || y < HEADER_HEIGHT)
    return NULL;

  for (guint i = self->blocks->len; i > 0; i--)
    {
      Block *block = g_ptr_array_index (self->blocks, i - 1);
      graphene_rect_t rect;

      block_rect (self, block, block->column, block->start, block->end, &rect);
      if (graphene_rect_contains_point (&rect, &GRAPHENE_POINT_INIT (x, y)))
        return block;
    }

  return NULL;
}

static Block *
find_block (MpTimeline *self,
            const char *id)
{
  ensure_layout (self);

  for (guint i = 0; id != NULL && i < self->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (self->blocks, i);

      if (g_str_equal (mp_record_get_id (MP_RECORD (block->meeting)), id))
        return block;
    }

  return NULL;
}

static int
column_at (MpTimeline *self,
           double      x)
{
  double cx = x - gutter_width (self) + scroll_x (self);
  int column;

  if (self->columns->len == 0)
    return -1;
  column = (int) floor (cx / self->column_width);
  return CLAMP (column, 0, (int) self->columns->len - 1);
}

static int
snap (MpTimeline *self,
      double      minutes)
{
  return (int) floor (minutes / self->slot + 0.5) * self->slot;
}

static int
minute_at (MpTimeline *self,
           double      y)
{
  return self->first_minute + (y - HEADER_HEIGHT + scroll_y (self)) / PIXELS_PER_MINUTE;
}

static void
configure_adjustments (MpTimeline *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double view_width = MAX (0, width - gutter_width (self));
  double view_height = MAX (0, height - HEADER_HEIGHT);
  double content_width = self->columns->len * self->column_width;
  double content_height = (self->last_minute - self->first_minute) * PIXELS_PER_MINUTE + BOTTOM_PADDING;

  if (self->hadjustment != NULL)
    gtk_adjustment_configure (self->hadjustment,
                              MIN (gtk_adjustment_get_value (self->hadjustment),
                                   MAX (0, content_width - view_width)),
                              0, MAX (content_width, view_width),
                              self->column_width / 4, view_width * 0.9, view_width);
  if (self->vadjustment != NULL)
    gtk_adjustment_configure (self->vadjustment,
                              MIN (gtk_adjustment_get_value (self->vadjustment),
                                   MAX (0, content_height - view_height)),
                              0, MAX (content_height, view_height),
                              PIXELS_PER_MINUTE * 15, view_height * 0.9, view_height);
}

/* Drawing ---------------------------------------------------------------- */

static PangoLayout *
make_layout (MpTimeline *self,
             const char *markup,
             int         font_size,
             int         width)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  const PangoFontDescription *base = pango_context_get_font_description (pango_layout_get_context (layout));
  g_autoptr(PangoFontDescription) font = pango_font_description_copy (base);

  pango_font_description_set_size (font, font_size * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_markup (layout, markup, -1);
  if (width > 0)
    {
      pango_layout_set_width (layout, width * PANGO_SCALE);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  return layout;
}

static char *
block_markup (MpTimeline *self,
              MpMeeting  *meeting,
              const char *codes,
              int         start,
              int         end,
              gboolean    one_line)
{
  g_autofree char *from = mp_clock_to_string (start);
  g_autofree char *to = mp_clock_to_string (MIN (end, 24 * 60 - 1));
  MpMeetingStatus status = mp_meeting_get_status (meeting);
  const char *title = mp_meeting_get_title (meeting);
  g_autofree char *status_text = NULL;
  g_autofree char *markup = NULL;

  if (status != MP_MEETING_STATUS_CONFIRMED)
    status_text = g_strdup_printf (" · <i>%s</i>", mp_meeting_status_label (status));

  if (one_line)
    markup = g_markup_printf_escaped ("<b>%s</b>%s%s",
                                      title != NULL ? title : "",
                                      codes[0] != '\0' ? " · " : "",
                                      codes);
  else
    markup = g_markup_printf_escaped ("<b>%s</b>\n%s–%s%s%s",
                                      title != NULL ? title : "",
                                      from, to,
                                      codes[0] != '\0' ? " · " : "",
                                      codes);
  if (status_text != NULL)
    {
      char *with = g_strconcat (markup, status_text, NULL);
      g_free (markup);
      markup = with;
    }
  if (status == MP_MEETING_STATUS_CANCELLED)
    {
      char *struck = g_strconcat ("<s>", markup, "</s>", NULL);
      g_free (markup);
      markup = struck;
    }
  return g_steal_pointer (&markup);
}

#define LINE_HEIGHT 13

static void
ensure_block_layout (MpTimeline            *self,
                     Block                 *block,
                     const graphene_rect_t *rect)
{
  int width = MAX (1, (int) rect->size.width - 10 - (block->conflict ? ICON_SIZE + 4 : 0));
  int height = MAX (1, (int) rect->size.height - 4);
  int lines = height / LINE_HEIGHT;
  g_autofree char *markup = NULL;

  if (block->layout != NULL && block->layout_width == width && block->layout_height == height)
    return;

  g_clear_object (&block->layout);
  markup = block_markup (self, block->meeting, block->codes, block->start, block->end, lines < 2);
  block->layout = make_layout (self, markup, 9, width);
  pango_layout_set_wrap (block->layout, PANGO_WRAP_WORD_CHAR);
  /* Short blocks: the title on one line, the time and delegations on the
   * next; taller ones wrap the title and fill the block. */
  if (lines <= 3)
    pango_layout_set_height (block->layout, -1);
  else
    pango_layout_set_height (block->layout, height * PANGO_SCALE);
  block->layout_width = width;
  block->layout_height = height;
}

static void
append_border (GtkSnapshot           *snapshot,
               const graphene_rect_t *rect,
               float                  width,
               const GdkRGBA         *color)
{
  GskRoundedRect outline;
  const float widths[4] = { width, width, width, width };
  const GdkRGBA colors[4] = { *color, *color, *color, *color };

  gsk_rounded_rect_init_from_rect (&outline, rect, 3);
  gtk_snapshot_append_border (snapshot, &outline, widths, colors);
}

static void
draw_warning (MpTimeline    *self,
              GtkSnapshot   *snapshot,
              double         x,
              double         y,
              const GdkRGBA *color)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (self)));
  g_autoptr(GtkIconPaintable) icon =
    gtk_icon_theme_lookup_icon (theme, "dialog-warning-symbolic", NULL, ICON_SIZE,
                                gtk_widget_get_scale_factor (GTK_WIDGET (self)),
                                GTK_TEXT_DIR_NONE, 0);
  GdkRGBA colors[4] = { *color, *color, *color, *color };

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_symbolic_paintable_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (icon), snapshot,
                                            ICON_SIZE, ICON_SIZE, colors, G_N_ELEMENTS (colors));
  gtk_snapshot_restore (snapshot);
}

static void
draw_block (MpTimeline            *self,
            GtkSnapshot           *snapshot,
            const MpPalette       *p,
            Block                 *block,
            const graphene_rect_t *rect,
            gboolean               ghost)
{
  MpMeetingStatus status = mp_meeting_get_status (block->meeting);
  MpMeetingKind kind = mp_meeting_get_kind (block->meeting);
  GdkRGBA color = p->kinds[CLAMP (kind, 0, MP_N_MEETING_KINDS - 1)];
  GdkRGBA fill = color;
  const char *id = mp_record_get_id (MP_RECORD (block->meeting));
  gboolean selected = !ghost &&
                      ((self->selected != NULL && g_str_equal (self->selected, id)) ||
                       (self->highlighted != NULL && g_strv_contains ((const char * const *) self->highlighted, id)));

  if (status == MP_MEETING_STATUS_CANCELLED)
    {
      color = p->fg;
      color.alpha = 0.4f;
      fill = p->fg;
      fill.alpha = 0.06f;
    }
  else
    fill.alpha = status == MP_MEETING_STATUS_TENTATIVE ? 0.16f : (p->dark ? 0.42f : 0.30f);

  if (ghost)
    fill.alpha *= 0.6f;

  /* Plain rectangles: a clip or a dashed path per block costs the cairo
   * renderer more than the whole grid. */
  gtk_snapshot_append_color (snapshot, &p->bg, rect);
  gtk_snapshot_append_color (snapshot, &fill, rect);
  if (status == MP_MEETING_STATUS_TENTATIVE)
    {
      GdkRGBA edge = color;

      edge.alpha = 0.8f;
      append_border (snapshot, rect, 1, &edge);
    }
  else
    gtk_snapshot_append_color (snapshot, &color,
                               &GRAPHENE_RECT_INIT (rect->origin.x, rect->origin.y,
                                                    4, rect->size.height));

  if (rect->size.height >= 12)
    {
      GdkRGBA text = p->fg;

      if (status == MP_MEETING_STATUS_CANCELLED)
        text.alpha = 0.6f;
      if (!ghost)
        ensure_block_layout (self, block, rect);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (rect->origin.x + 7, rect->origin.y + 2));
      gtk_snapshot_append_layout (snapshot, block->layout, &text);
      gtk_snapshot_restore (snapshot);
    }

  if (block->conflict && !ghost)
    {
      append_border (snapshot, rect, 2, &p->error);
      if (rect->size.width > 2 * ICON_SIZE && rect->size.height > ICON_SIZE)
        {
          graphene_rect_t badge = GRAPHENE_RECT_INIT (rect->origin.x + rect->size.width - ICON_SIZE - 5,
                                                      rect->origin.y + 2,
                                                      ICON_SIZE + 3, ICON_SIZE + 2);
          GskRoundedRect round_badge;

          gsk_rounded_rect_init_from_rect (&round_badge, &badge, 3);
          gtk_snapshot_push_rounded_clip (snapshot, &round_badge);
          gtk_snapshot_append_color (snapshot, &p->bg, &badge);
          gtk_snapshot_pop (snapshot);
          draw_warning (self, snapshot, badge.origin.x + 1.5, badge.origin.y + 1, &p->error);
        }
    }

  if (selected)
    {
      graphene_rect_t outer;

      graphene_rect_inset_r (rect, -2, -2, &outer);
      append_border (snapshot, &outer, 2, &p->accent);
    }
}

/* Labels of the gutter and the headers come back frame after frame while
 * scrolling: their layouts are kept. */
static PangoLayout *
cached_text (MpTimeline     *self,
             const char     *markup,
             int             size,
             int             width,
             PangoAlignment  alignment)
{
  g_autofree char *key = g_strdup_printf ("%d|%d|%d|%s", size, width, alignment, markup);
  PangoLayout *layout = g_hash_table_lookup (self->text_cache, key);

  if (layout == NULL)
    {
      if (g_hash_table_size (self->text_cache) > 1000)
        g_hash_table_remove_all (self->text_cache);
      layout = make_layout (self, markup, size, width);
      pango_layout_set_alignment (layout, alignment);
      g_hash_table_insert (self->text_cache, g_steal_pointer (&key), layout);
    }
  return layout;
}

static void
draw_text (MpTimeline    *self,
           GtkSnapshot   *snapshot,
           const char    *markup,
           int            size,
           double         x,
           double         y,
           int            width,
           PangoAlignment alignment,
           const GdkRGBA *color)
{
  PangoLayout *layout = cached_text (self, markup, size, width, alignment);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
draw_grid (MpTimeline      *self,
           GtkSnapshot     *snapshot,
           const MpPalette *p,
           double           width,
           double           height)
{
  double gutter = gutter_width (self);
  double right = MIN (width, column_to_x (self, self->columns->len));
  double bottom = MIN (height, minute_to_y (self, self->last_minute));

  /* Hours outside the conference's day. */
  if (self->day_start > self->first_minute)
    {
      double y = minute_to_y (self, self->day_start);
      gtk_snapshot_append_color (snapshot, &p->off_hours,
                                 &GRAPHENE_RECT_INIT (gutter, HEADER_HEIGHT, right - gutter,
                                                      MAX (0, y - HEADER_HEIGHT)));
    }
  if (self->day_end < self->last_minute)
    {
      double y = MAX (HEADER_HEIGHT, minute_to_y (self, self->day_end));
      gtk_snapshot_append_color (snapshot, &p->off_hours,
                                 &GRAPHENE_RECT_INIT (gutter, y, right - gutter, MAX (0, bottom - y)));
    }

  for (int m = self->first_minute; m <= self->last_minute; m += 30)
    {
      double y = floor (minute_to_y (self, m));

      if (y < HEADER_HEIGHT - 1 || y > height)
        continue;
      gtk_snapshot_append_color (snapshot, m % 60 == 0 ? &p->line : &p->faint_line,
                                 &GRAPHENE_RECT_INIT (gutter, y, right - gutter, 1));
    }

  for (guint c = 0; c <= self->columns->len; c++)
    {
      double x = floor (column_to_x (self, c));

      if (x < gutter || x > width)
        continue;
      gtk_snapshot_append_color (snapshot, &p->line,
                                 &GRAPHENE_RECT_INIT (x, HEADER_HEIGHT, 1, bottom - HEADER_HEIGHT));
    }
}

static void
draw_gutter (MpTimeline      *self,
             GtkSnapshot     *snapshot,
             const MpPalette *p,
             double           height)
{
  GdkRGBA dim = p->fg;
  GTimeZone *zone = self->columns->len > 0 ? ((Column *) g_ptr_array_index (self->columns, 0))->zone : NULL;

  dim.alpha = 0.7f;
  gtk_snapshot_append_color (snapshot, &p->header_bg,
                             &GRAPHENE_RECT_INIT (0, HEADER_HEIGHT, gutter_width (self), height - HEADER_HEIGHT));
  gtk_snapshot_append_color (snapshot, &p->line,
                             &GRAPHENE_RECT_INIT (gutter_width (self) - 1, HEADER_HEIGHT, 1, height - HEADER_HEIGHT));

  for (int m = self->first_minute; m < self->last_minute; m += 60)
    {
      double y = minute_to_y (self, m);
      g_autofree char *label = NULL;

      if (y < HEADER_HEIGHT - 14 || y > height)
        continue;

      label = mp_clock_to_string (m);
      draw_text (self, snapshot, label, 9, 0, y + 2, GUTTER_WIDTH - 8, PANGO_ALIGN_RIGHT, &p->fg);

      if (self->second_zone != NULL && zone != NULL)
        {
          gint64 wall = self->day * MP_SECONDS_PER_DAY + m * 60;
          MpTime local = mp_time_from_wall (wall);
          gint64 instant = mp_time_instant (&local, zone);
          gint64 other = mp_wall_from_instant (instant, self->second_zone);
          int other_minutes = (int) (((other % MP_SECONDS_PER_DAY) + MP_SECONDS_PER_DAY) % MP_SECONDS_PER_DAY / 60);
          g_autofree char *second = mp_clock_to_string (other_minutes);

          draw_text (self, snapshot, second, 9, GUTTER_WIDTH, y + 2, GUTTER_WIDTH - 8,
                     PANGO_ALIGN_RIGHT, &dim);
        }
    }
}

static void
draw_header (MpTimeline      *self,
             GtkSnapshot     *snapshot,
             const MpPalette *p,
             double           width)
{
  double gutter = gutter_width (self);
  GdkRGBA dim = p->fg;

  dim.alpha = 0.7f;
  gtk_snapshot_append_color (snapshot, &p->header_bg,
                             &GRAPHENE_RECT_INIT (0, 0, width, HEADER_HEIGHT));
  gtk_snapshot_append_color (snapshot, &p->line,
                             &GRAPHENE_RECT_INIT (0, HEADER_HEIGHT - 1, width, 1));

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (gutter, 0, MAX (0, width - gutter), HEADER_HEIGHT));

  for (guint g = 0; g < self->groups->len; g++)
    {
      Group *group = g_ptr_array_index (self->groups, g);
      double x0 = column_to_x (self, group->first);
      double x1 = column_to_x (self, group->first + group->n_columns);
      double text_x = MAX (x0, gutter);
      g_autofree char *markup = NULL;

      if (x1 < gutter || x0 > width)
        continue;
      gtk_snapshot_append_color (snapshot, &p->line,
                                 &GRAPHENE_RECT_INIT (floor (x0), 0, 1, HEADER_HEIGHT));
      markup = g_markup_printf_escaped ("<b>%s</b>", group->name);
      draw_text (self, snapshot, markup, 9, text_x + 6, 3, MAX (1, x1 - text_x - 12),
                 PANGO_ALIGN_LEFT, &dim);
    }

  for (guint c = 0; c < self->columns->len; c++)
    {
      Column *column = g_ptr_array_index (self->columns, c);
      double x = column_to_x (self, c);
      g_autofree char *markup = NULL;

      if (x + self->column_width < gutter || x > width)
        continue;
      gtk_snapshot_append_color (snapshot, &p->faint_line,
                                 &GRAPHENE_RECT_INIT (floor (x), VENUE_ROW_HEIGHT, 1, ROOM_ROW_HEIGHT));
      markup = column->room_id != NULL ? g_markup_escape_text (column->name, -1)
                                       : g_markup_printf_escaped ("<i>%s</i>", column->name);
      draw_text (self, snapshot, markup, 10, x + 6, VENUE_ROW_HEIGHT + 6,
                 MAX (1, self->column_width - 12), PANGO_ALIGN_LEFT, &p->fg);
    }

  gtk_snapshot_pop (snapshot);

  /* The corner: the zone of the clock. */
  if (self->columns->len > 0)
    {
      Column *first = g_ptr_array_index (self->columns, 0);
      gint64 noon = self->day * MP_SECONDS_PER_DAY + 12 * 3600;
      int interval = g_time_zone_find_interval (first->zone, G_TIME_TYPE_STANDARD, noon);
      const char *abbreviation = interval >= 0 ? g_time_zone_get_abbreviation (first->zone, interval) : "";
      g_autofree char *markup = g_markup_escape_text (abbreviation, -1);

      draw_text (self, snapshot, markup, 8, 0, VENUE_ROW_HEIGHT + 8, GUTTER_WIDTH - 8,
                 PANGO_ALIGN_RIGHT, &dim);
      if (self->second_zone != NULL && self->second_label != NULL)
        {
          g_autofree char *second = g_markup_escape_text (self->second_label, -1);
          draw_text (self, snapshot, second, 8, GUTTER_WIDTH, VENUE_ROW_HEIGHT + 8,
                     GUTTER_WIDTH - 8, PANGO_ALIGN_RIGHT, &dim);
        }
    }
}

/* The dragged block's text changes once a slot, not once a frame. */
static PangoLayout *
ghost_layout (MpTimeline            *self,
              Block                 *ghost,
              const graphene_rect_t *rect)
{
  g_autofree char *key = g_strdup_printf ("%s|%d|%d|%d|%d", mp_record_get_id (MP_RECORD (ghost->meeting)),
                                          ghost->start, ghost->end, (int) rect->size.width,
                                          (int) rect->size.height);

  if (self->ghost_layout == NULL || g_strcmp0 (key, self->ghost_key) != 0)
    {
      ghost->layout = NULL;
      ensure_block_layout (self, ghost, rect);
      g_clear_object (&self->ghost_layout);
      self->ghost_layout = ghost->layout;
      g_free (self->ghost_key);
      self->ghost_key = g_steal_pointer (&key);
    }
  return self->ghost_layout;
}

static void
mp_timeline_snapshot (GtkWidget   *widget,
                      GtkSnapshot *snapshot)
{
  MpTimeline *self = MP_TIMELINE (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  double gutter = gutter_width (self);
  MpPalette p;

  ensure_layout (self);
  mp_palette_init (&p, GTK_WIDGET (self));

  gtk_snapshot_append_color (snapshot, &p.bg, &GRAPHENE_RECT_INIT (0, 0, width, height));
  draw_grid (self, snapshot, &p, width, height);

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (gutter, HEADER_HEIGHT,
                                                         MAX (0, width - gutter),
                                                         MAX (0, height - HEADER_HEIGHT)));
  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (self->blocks, i);
      graphene_rect_t rect;

      block_rect (self, block, block->column, block->start, block->end, &rect);
      if (rect.origin.x > width || rect.origin.x + rect.size.width < gutter ||
          rect.origin.y > height || rect.origin.y + rect.size.height < HEADER_HEIGHT)
        continue;
      if (block == self->drag_block && self->drag_moved)
        {
          GdkRGBA faded = p.fg;
          faded.alpha = 0.3f;
          append_border (snapshot, &rect, 1, &faded);
          continue;
        }
      draw_block (self, snapshot, &p, block, &rect, FALSE);
    }

  if (self->drag_block != NULL && self->drag_moved)
    {
      graphene_rect_t rect;
      Block ghost = *self->drag_block;

      ghost.lane = 0;
      ghost.n_lanes = 1;
      ghost.start = self->drag_start;
      ghost.end = self->drag_end;
      block_rect (self, &ghost, self->drag_column, self->drag_start, self->drag_end, &rect);
      ghost.layout = ghost_layout (self, &ghost, &rect);
      draw_block (self, snapshot, &p, &ghost, &rect, TRUE);
      append_border (snapshot, &rect, 2, &p.accent);
    }
  gtk_snapshot_pop (snapshot);

  draw_gutter (self, snapshot, &p, height);
  draw_header (self, snapshot, &p, width);

  if (self->columns->len == 0 && self->plan != NULL)
    {
      g_autofree char *markup = g_markup_printf_escaped ("<big><b>%s</b></big>\n%s",
                                                         _("No Rooms Yet"),
                                                         _("Add the venues and their rooms on the Rooms page (Ctrl+4). Meetings show here, one column per room."));
      GdkRGBA dim = p.fg;
      int text_width = MIN (420, (int) (width - gutter - 24));

      g_autoptr(PangoLayout) layout = make_layout (self, markup, 11, 0);

      dim.alpha = 0.6f;
      pango_layout_set_width (layout, MAX (1, text_width) * PANGO_SCALE);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (gutter + (width - gutter - text_width) / 2,
                                                              HEADER_HEIGHT + 80));
      gtk_snapshot_append_layout (snapshot, layout, &dim);
      gtk_snapshot_restore (snapshot);
    }
}

/* Editing ----------------------------------------------------------------- */

static gboolean
set_span (MpTimeline *self,
          MpMeeting  *meeting,
          const char *room_id,
          int         start,
          int         end,
          const char *label)
{
  GTimeZone *zone = mp_plan_get_room_zone (self->plan, room_id);
  gint64 midnight = self->day * MP_SECONDS_PER_DAY;
  MpTime start_time = mp_time_from_wall (midnight + start * 60);
  MpTime end_time = mp_time_from_wall (midnight + end * 60);
  gint64 instant;

  /* A time in a daylight-saving gap does not exist: refuse it. */
  if (!mp_time_resolve (&start_time, zone, &instant, NULL) ||
      !mp_time_resolve (&end_time, zone, &instant, NULL))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return FALSE;
    }

  mp_history_begin (self->history, label);
  if (g_strcmp0 (mp_meeting_get_room (meeting), room_id) != 0)
    mp_history_set (self->history, meeting, "room", room_id, NULL);
  mp_history_set (self->history, meeting, "start", &start_time, "end", &end_time, NULL);
  mp_history_end (self->history);
  return TRUE;
}

static void
update_drag (MpTimeline *self,
             double      dx,
             double      dy)
{
  Block *block = self->drag_block;
  int delta;

  if (block == NULL)
    return;

  if (!self->drag_moved && fabs (dx) < DRAG_THRESHOLD && fabs (dy) < DRAG_THRESHOLD)
    return;
  self->drag_moved = TRUE;

  /* Near the edge of the view, the view follows the block. */
  if (self->vadjustment != NULL)
    {
      double y = self->drag_y + dy;
      double height = gtk_widget_get_height (GTK_WIDGET (self));

      if (y > height - 24)
        gtk_adjustment_set_value (self->vadjustment, scroll_y (self) + 12);
      else if (y < HEADER_HEIGHT + 24)
        gtk_adjustment_set_value (self->vadjustment, scroll_y (self) - 12);
    }
  if (self->hadjustment != NULL && self->drag_mode == DRAG_MOVE)
    {
      double x = self->drag_x + dx;
      double width = gtk_widget_get_width (GTK_WIDGET (self));

      if (x > width - 24)
        gtk_adjustment_set_value (self->hadjustment, scroll_x (self) + 12);
      else if (x < gutter_width (self) + 24)
        gtk_adjustment_set_value (self->hadjustment, scroll_x (self) - 12);
    }

  delta = snap (self, (dy + scroll_y (self) - self->drag_scroll_y) / PIXELS_PER_MINUTE);
  if (self->drag_mode == DRAG_MOVE)
    {
      int length = block->end - block->start;
      int start = CLAMP (block->start + delta, 0, 24 * 60 - length);
      int column = column_at (self, self->drag_x + dx);

      self->drag_start = start;
      self->drag_end = start + length;
      self->drag_column = column >= 0 ? (guint) column : block->column;
    }
  else
    {
      int end = block->end + delta;

      self->drag_start = block->start;
      self->drag_end = CLAMP (snap (self, end), block->start + self->slot, 24 * 60);
      self->drag_column = block->column;
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
begin_drag (MpTimeline *self,
            double      x,
            double      y)
{
  Block *block = block_at (self, x, y);
  graphene_rect_t rect;

  if (block == NULL || self->history == NULL)
    return FALSE;

  block_rect (self, block, block->column, block->start, block->end, &rect);
  self->drag_block = block;
  self->drag_mode = y > rect.origin.y + rect.size.height - EDGE_GRAB ? DRAG_RESIZE : DRAG_MOVE;
  self->drag_x = x;
  self->drag_y = y;
  self->drag_scroll_y = scroll_y (self);
  self->drag_moved = FALSE;
  self->drag_column = block->column;
  self->drag_start = block->start;
  self->drag_end = block->end;
  return TRUE;
}

static gboolean
end_drag (MpTimeline *self)
{
  Block *block = self->drag_block;
  gboolean changed = FALSE;

  self->drag_block = NULL;
  if (block != NULL && self->drag_moved &&
      (block->column != self->drag_column || block->start != self->drag_start ||
       block->end != self->drag_end))
    {
      g_autoptr(MpMeeting) meeting = g_object_ref (block->meeting);
      Column *column = g_ptr_array_index (self->columns, self->drag_column);

      changed = set_span (self, meeting, column->room_id, self->drag_start, self->drag_end,
                          self->drag_mode == DRAG_MOVE ? _("Move Meeting") : _("Change Length"));
      mp_timeline_set_selected (self, meeting);
    }

  self->drag_moved = FALSE;
  self->drag_mode = DRAG_NONE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return changed;
}

static void
on_drag_begin_cb (GtkGestureDrag *gesture,
                  double          x,
                  double          y,
                  MpTimeline     *self)
{
  if (!begin_drag (self, x, y))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
}

static void
on_drag_update_cb (GtkGestureDrag *gesture,
                   double          dx,
                   double          dy,
                   MpTimeline     *self)
{
  update_drag (self, dx, dy);
  if (self->drag_moved)
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
on_drag_end_cb (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                MpTimeline     *self)
{
  update_drag (self, dx, dy);
  end_drag (self);
}

static void
on_drag_cancel_cb (GtkGesture       *gesture,
                   GdkEventSequence *sequence,
                   MpTimeline       *self)
{
  self->drag_block = NULL;
  self->drag_moved = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_pressed_cb (GtkGestureClick *gesture,
               int              n_press,
               double           x,
               double           y,
               MpTimeline      *self)
{
  Block *block = block_at (self, x, y);

  gtk_widget_grab_focus (GTK_WIDGET (self));
  mp_timeline_set_highlighted (self, NULL);
  mp_timeline_set_selected (self, block != NULL ? block->meeting : NULL);
  if (block != NULL && n_press == 2)
    g_signal_emit (self, signals [MEETING_ACTIVATED], 0, block->meeting);
}

static void
on_motion_cb (GtkEventControllerMotion *controller,
              double                    x,
              double                    y,
              MpTimeline               *self)
{
  Block *block = self->drag_block != NULL ? self->drag_block : block_at (self, x, y);
  const char *cursor = NULL;

  if (block != NULL)
    {
      graphene_rect_t rect;

      block_rect (self, block, block->column, block->start, block->end, &rect);
      if (self->drag_block != NULL)
        cursor = self->drag_mode == DRAG_RESIZE ? "ns-resize" : "grabbing";
      else
        cursor = y > rect.origin.y + rect.size.height - EDGE_GRAB ? "ns-resize" : "pointer";
    }
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), cursor);
}

/* Keyboard ---------------------------------------------------------------- */

static Block *
neighbour (MpTimeline *self,
           Block      *from,
           int         dcolumn,
           int         dtime)
{
  Block *best = NULL;
  int best_score = G_MAXINT;
  guint index;

  /* Blocks are sorted by column, then start: up and down are the blocks
   * before and after in the same column. */
  if (!g_ptr_array_find (self->blocks, from, &index))
    return NULL;
  if (dtime != 0)
    {
      Block *b;

      if ((dtime < 0 && index == 0) || (dtime > 0 && index + 1 >= self->blocks->len))
        return NULL;
      b = g_ptr_array_index (self->blocks, dtime < 0 ? index - 1 : index + 1);
      return b->column == from->column ? b : NULL;
    }

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *b = g_ptr_array_index (self->blocks, i);
      int dc = (int) b->column - (int) from->column;
      int score;

      if ((dcolumn > 0 && dc <= 0) || (dcolumn < 0 && dc >= 0))
        continue;
      score = abs (dc) * 10000 + abs (b->start - from->start);
      if (score < best_score)
        {
          best = b;
          best_score = score;
        }
    }

  return best;
}

static void
nudge_selected (MpTimeline *self,
                int         dstart,
                int         dend)
{
  Block *block = find_block (self, self->selected);
  Column *column;
  int start, end;

  if (block == NULL || self->history == NULL)
    return;

  start = block->start + dstart;
  end = block->end + dend;
  if (start < 0 || end > 24 * 60 || end - start < self->slot)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  column = g_ptr_array_index (self->columns, block->column);
  set_span (self, block->meeting, column->room_id, start, end,
            dend == dstart ? _("Move Meeting") : _("Change Length"));
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   MpTimeline            *self)
{
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();
  Block *current;
  Block *next = NULL;

  ensure_layout (self);
  current = find_block (self, self->selected);

  if (mods == GDK_ALT_MASK && (keyval == GDK_KEY_Up || keyval == GDK_KEY_Down))
    {
      int d = keyval == GDK_KEY_Up ? -self->slot : self->slot;
      nudge_selected (self, d, d);
      return TRUE;
    }
  if (mods == (GDK_ALT_MASK | GDK_SHIFT_MASK) && (keyval == GDK_KEY_Up || keyval == GDK_KEY_Down))
    {
      nudge_selected (self, 0, keyval == GDK_KEY_Up ? -self->slot : self->slot);
      return TRUE;
    }
  if (mods != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_Down:
    case GDK_KEY_Left:
    case GDK_KEY_Right:
      if (current == NULL)
        next = self->blocks->len > 0 ? g_ptr_array_index (self->blocks, 0) : NULL;
      else if (keyval == GDK_KEY_Up || keyval == GDK_KEY_Down)
        next = neighbour (self, current, 0, keyval == GDK_KEY_Up ? -1 : 1);
      else
        next = neighbour (self, current, keyval == GDK_KEY_Left ? -1 : 1, 0);
      if (next != NULL)
        {
          mp_timeline_set_selected (self, next->meeting);
          mp_timeline_scroll_to_meeting (self, next->meeting);
        }
      else
        gtk_widget_error_bell (GTK_WIDGET (self));
      return TRUE;

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      if (current != NULL)
        g_signal_emit (self, signals [MEETING_ACTIVATED], 0, current->meeting);
      return current != NULL;

    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
      if (current != NULL && self->history != NULL)
        {
          g_autoptr(MpMeeting) meeting = g_object_ref (current->meeting);

          mp_history_begin (self->history, _("Delete Meeting"));
          mp_history_remove (self->history, MP_RECORD (meeting));
          mp_history_end (self->history);
          mp_timeline_set_selected (self, NULL);
        }
      return current != NULL;

    default:
      return FALSE;
    }
}

/* Dropping requests ------------------------------------------------------- */

/* A placed request's length: its duration, at least one slot. */
static int
request_length (MpTimeline *self,
                MpRequest  *request)
{
  return MAX (self->slot, mp_request_get_duration_minutes (request));
}

static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            MpTimeline    *self)
{
  MpRequest *request = g_value_get_object (value);

  return request != NULL && mp_timeline_place_request (self, request, x, y) != NULL;
}

/* Plumbing ---------------------------------------------------------------- */

static void
on_plan_changed_cb (MpPlan     *plan,
                    MpTimeline *self)
{
  invalidate_layout (self);
}

static void
on_conflicts_changed_cb (GListModel *model,
                         guint       position,
                         guint       removed,
                         guint       added,
                         MpTimeline *self)
{
  invalidate_layout (self);
}

static void
on_adjustment_value_changed_cb (GtkAdjustment *adjustment,
                                MpTimeline    *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (MpTimeline     *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment)
{
  if (*slot == adjustment)
    return;

  if (*slot != NULL)
    g_signal_handlers_disconnect_by_func (*slot, on_adjustment_value_changed_cb, self);
  g_clear_object (slot);
  if (adjustment != NULL)
    {
      *slot = g_object_ref_sink (adjustment);
      g_signal_connect (adjustment, "value-changed",
                        G_CALLBACK (on_adjustment_value_changed_cb), self);
    }
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
on_dark_changed_cb (AdwStyleManager *manager,
                    GParamSpec      *pspec,
                    MpTimeline      *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The whole of a block, for titles cut short: time, room, people. */
static gboolean
mp_timeline_query_tooltip (GtkWidget  *widget,
                           int         x,
                           int         y,
                           gboolean    keyboard,
                           GtkTooltip *tooltip)
{
  MpTimeline *self = MP_TIMELINE (widget);
  Block *block = keyboard ? find_block (self, self->selected) : block_at (self, x, y);
  const char * const *participants;
  g_autoptr(GString) text = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *escaped = NULL;
  Column *column;

  if (block == NULL)
    return FALSE;

  column = g_ptr_array_index (self->columns, block->column);
  from = mp_clock_to_string (block->start);
  to = mp_clock_to_string (MIN (block->end, 24 * 60));
  escaped = g_markup_printf_escaped ("<b>%s</b>\n%s–%s · %s · %s · %s",
                                     mp_meeting_get_title (block->meeting),
                                     from, to, column->name,
                                     mp_meeting_kind_label (mp_meeting_get_kind (block->meeting)),
                                     mp_meeting_status_label (mp_meeting_get_status (block->meeting)));
  text = g_string_new (escaped);

  participants = mp_meeting_get_participants (block->meeting);
  for (guint i = 0; participants != NULL && participants[i] != NULL && i < 12; i++)
    {
      MpParticipant *p = mp_plan_get_participant (self->plan, participants[i]);
      g_autofree char *line = g_markup_printf_escaped ("\n%s (%s)",
                                                       p != NULL ? mp_participant_get_name (p) : participants[i],
                                                       p != NULL ? mp_participant_get_delegation (p) : "");
      g_string_append (text, line);
    }
  if (participants != NULL && g_strv_length ((char **) participants) > 12)
    g_string_append_printf (text, "\n%s", _("and others"));
  if (block->conflict)
    {
      g_autofree char *warning = g_markup_printf_escaped ("\n<b>%s</b>", _("In conflict: see the conflicts panel"));
      g_string_append (text, warning);
    }

  gtk_tooltip_set_markup (tooltip, text->str);
  return TRUE;
}

static void
mp_timeline_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  MpTimeline *self = MP_TIMELINE (widget);

  ensure_layout (self);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = gutter_width (self) + MIN_COLUMN_WIDTH;
      *natural = gutter_width (self) + MAX (1, self->columns->len) * MIN_COLUMN_WIDTH;
    }
  else
    {
      *minimum = HEADER_HEIGHT + 60 * PIXELS_PER_MINUTE;
      *natural = HEADER_HEIGHT + (self->last_minute - self->first_minute) * PIXELS_PER_MINUTE;
    }
}

static gboolean
block_in_view (MpTimeline *self,
               Block      *block)
{
  double top = (block->start - self->first_minute) * PIXELS_PER_MINUTE;
  double bottom = (block->end - self->first_minute) * PIXELS_PER_MINUTE;
  double left = block->column * self->column_width;
  double y = scroll_y (self), x = scroll_x (self);
  double page_height = self->vadjustment != NULL ? gtk_adjustment_get_page_size (self->vadjustment) : G_MAXDOUBLE;
  double page_width = self->hadjustment != NULL ? gtk_adjustment_get_page_size (self->hadjustment) : G_MAXDOUBLE;

  return bottom > y && top < y + page_height && left + self->column_width > x && left < x + page_width;
}

/* A day opens at its first rooms, at the hour shown before, so days can
 * be compared; one with nothing in sight there (its meetings all in the
 * evening, or in a room off to the right) shows its first meeting instead
 * of an empty grid. */
static void
reveal_first_meeting (MpTimeline *self)
{
  Block *first = NULL;

  self->reveal_day = FALSE;
  if (self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment, 0);
  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (self->blocks, i);

      if (block_in_view (self, block))
        return;
      if (first == NULL || block->start < first->start)
        first = block;
    }

  if (first != NULL)
    mp_timeline_scroll_to_meeting (self, first->meeting);
}

static void
mp_timeline_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  MpTimeline *self = MP_TIMELINE (widget);
  double available = width - gutter_width (self);
  guint n = MAX (1, self->columns->len);
  double column_width;

  ensure_layout (self);
  column_width = MAX (MIN_COLUMN_WIDTH, floor (available / n));
  if (column_width != self->column_width)
    self->column_width = column_width;
  configure_adjustments (self);
  if (self->reveal_day && width > 0 && height > 0)
    reveal_first_meeting (self);
}

static void
mp_timeline_dispose (GObject *object)
{
  MpTimeline *self = (MpTimeline *)object;

  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  mp_timeline_set_history (self, NULL);
  mp_timeline_set_conflicts (self, NULL);
  set_adjustment (self, &self->hadjustment, NULL);
  set_adjustment (self, &self->vadjustment, NULL);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->column_of, g_hash_table_unref);
  g_clear_pointer (&self->text_cache, g_hash_table_unref);
  g_clear_object (&self->ghost_layout);
  g_clear_pointer (&self->ghost_key, g_free);
  g_clear_pointer (&self->filter, g_free);
  g_clear_pointer (&self->selected, g_free);
  g_clear_pointer (&self->highlighted, g_strfreev);
  g_clear_pointer (&self->second_zone, g_time_zone_unref);
  g_clear_pointer (&self->second_label, g_free);

  G_OBJECT_CLASS (mp_timeline_parent_class)->dispose (object);
}

static void
mp_timeline_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  MpTimeline *self = MP_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;

    case PROP_DAY:
      g_value_set_int64 (value, self->day);
      break;

    case PROP_SELECTED:
      g_value_set_object (value, mp_timeline_get_selected (self));
      break;

    case PROP_FILTER:
      g_value_set_string (value, self->filter);
      break;

    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;

    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;

    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;

    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_timeline_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  MpTimeline *self = MP_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_HISTORY:
      mp_timeline_set_history (self, g_value_get_object (value));
      break;

    case PROP_DAY:
      mp_timeline_set_day (self, g_value_get_int64 (value));
      break;

    case PROP_SELECTED:
      mp_timeline_set_selected (self, g_value_get_object (value));
      break;

    case PROP_FILTER:
      mp_timeline_set_filter (self, g_value_get_string (value));
      break;

    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;

    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;

    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      break;

    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_timeline_class_init (MpTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mp_timeline_dispose;
  object_class->get_property = mp_timeline_get_property;
  object_class->set_property = mp_timeline_set_property;

  widget_class->measure = mp_timeline_measure;
  widget_class->size_allocate = mp_timeline_size_allocate;
  widget_class->snapshot = mp_timeline_snapshot;
  widget_class->query_tooltip = mp_timeline_query_tooltip;

  properties [PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, MP_TYPE_HISTORY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_DAY] =
    g_param_spec_int64 ("day", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL, MP_TYPE_MEETING,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_FILTER] =
    g_param_spec_string ("filter", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /**
   * MpTimeline::meeting-activated:
   *
   * A double click on a block, or Enter on the selected one.
   */
  signals [MEETING_ACTIVATED] =
    g_signal_new ("meeting-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, MP_TYPE_MEETING);

  gtk_widget_class_set_css_name (widget_class, "timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
mp_timeline_init (MpTimeline *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkDropTarget *drop = gtk_drop_target_new (MP_TYPE_REQUEST, GDK_ACTION_COPY | GDK_ACTION_MOVE);

  self->columns = g_ptr_array_new_with_free_func ((GDestroyNotify) column_free);
  self->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  self->column_of = g_hash_table_new (g_str_hash, g_str_equal);
  self->text_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->column_width = MIN_COLUMN_WIDTH;
  self->slot = MP_DEFAULT_SLOT;
  self->layout_dirty = TRUE;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end_cb), self);
  g_signal_connect (drag, "cancel", G_CALLBACK (on_drag_cancel_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  g_signal_connect (motion, "motion", G_CALLBACK (on_motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  g_signal_connect (drop, "drop", G_CALLBACK (on_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed_cb), self, 0);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Timeline"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("The day’s meetings by room; arrow keys move between meetings, Enter edits, Delete removes, Alt+Up and Alt+Down move the selected meeting"),
                                  -1);
}

/* Public ------------------------------------------------------------------ */

GtkWidget *
mp_timeline_new (void)
{
  return g_object_new (MP_TYPE_TIMELINE, NULL);
}

MpHistory *
mp_timeline_get_history (MpTimeline *self)
{
  g_return_val_if_fail (MP_IS_TIMELINE (self), NULL);

  return self->history;
}

void
mp_timeline_set_history (MpTimeline *self,
                         MpHistory  *history)
{
  g_return_if_fail (MP_IS_TIMELINE (self));
  g_return_if_fail (!history || MP_IS_HISTORY (history));

  if (self->history == history)
    return;

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  g_clear_object (&self->plan);
  g_set_object (&self->history, history);
  g_clear_pointer (&self->selected, g_free);

  if (history != NULL)
    {
      MpConference *conference;

      self->plan = g_object_ref (mp_history_get_plan (history));
      g_signal_connect_object (self->plan, "changed", G_CALLBACK (on_plan_changed_cb), self, 0);
      conference = mp_plan_get_conference (self->plan);
      self->day = mp_conference_get_start_date (conference);
      self->reveal_day = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DAY]);
    }

  invalidate_layout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_HISTORY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SELECTED]);
}

void
mp_timeline_set_conflicts (MpTimeline     *self,
                           MpConflictList *conflicts)
{
  g_return_if_fail (MP_IS_TIMELINE (self));

  if (self->conflicts == conflicts)
    return;

  if (self->conflicts != NULL)
    g_signal_handlers_disconnect_by_data (self->conflicts, self);
  g_set_object (&self->conflicts, conflicts);
  if (conflicts != NULL)
    g_signal_connect_object (conflicts, "items-changed",
                             G_CALLBACK (on_conflicts_changed_cb), self, 0);
  invalidate_layout (self);
}

gint64
mp_timeline_get_day (MpTimeline *self)
{
  g_return_val_if_fail (MP_IS_TIMELINE (self), 0);

  return self->day;
}

void
mp_timeline_set_day (MpTimeline *self,
                     gint64      day)
{
  g_return_if_fail (MP_IS_TIMELINE (self));

  if (self->day == day)
    return;

  self->day = day;
  self->reveal_day = TRUE;
  invalidate_layout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DAY]);
}

MpMeeting *
mp_timeline_get_selected (MpTimeline *self)
{
  g_return_val_if_fail (MP_IS_TIMELINE (self), NULL);

  if (self->selected == NULL || self->plan == NULL)
    return NULL;
  return mp_plan_get_meeting (self->plan, self->selected);
}

void
mp_timeline_set_selected (MpTimeline *self,
                          MpMeeting  *meeting)
{
  const char *id;
  g_autofree char *description = NULL;

  g_return_if_fail (MP_IS_TIMELINE (self));

  id = meeting != NULL ? mp_record_get_id (MP_RECORD (meeting)) : NULL;
  if (g_strcmp0 (self->selected, id) == 0)
    return;

  replace_str (&self->selected, id);
  if (meeting != NULL)
    description = g_strdup_printf (_("Selected: %s"), mp_meeting_get_title (meeting));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description != NULL ? description : _("No meeting selected"),
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SELECTED]);
}

void
mp_timeline_set_highlighted (MpTimeline         *self,
                             const char * const *meeting_ids)
{
  g_return_if_fail (MP_IS_TIMELINE (self));

  if (self->highlighted == NULL && meeting_ids == NULL)
    return;
  g_clear_pointer (&self->highlighted, g_strfreev);
  self->highlighted = g_strdupv ((char **) meeting_ids);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
mp_timeline_is_highlighted (MpTimeline *self,
                            const char *meeting_id)
{
  g_return_val_if_fail (MP_IS_TIMELINE (self), FALSE);

  return self->highlighted != NULL && meeting_id != NULL &&
         g_strv_contains ((const char * const *) self->highlighted, meeting_id);
}

const char *
mp_timeline_get_filter (MpTimeline *self)
{
  g_return_val_if_fail (MP_IS_TIMELINE (self), NULL);

  return self->filter;
}

void
mp_timeline_set_filter (MpTimeline *self,
                        const char *id)
{
  g_return_if_fail (MP_IS_TIMELINE (self));

  if (id != NULL && id[0] == '\0')
    id = NULL;
  if (replace_str (&self->filter, id))
    {
      invalidate_layout (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FILTER]);
    }
}

void
mp_timeline_set_second_clock (MpTimeline *self,
                              GTimeZone  *zone,
                              const char *label)
{
  g_return_if_fail (MP_IS_TIMELINE (self));

  g_clear_pointer (&self->second_zone, g_time_zone_unref);
  if (zone != NULL)
    self->second_zone = g_time_zone_ref (zone);
  replace_str (&self->second_label, label);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

GPtrArray *
mp_timeline_list_meetings (MpTimeline *self)
{
  GPtrArray *meetings = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (MP_IS_TIMELINE (self), meetings);

  ensure_layout (self);
  for (guint i = 0; i < self->blocks->len; i++)
    g_ptr_array_add (meetings, g_object_ref (((Block *) g_ptr_array_index (self->blocks, i))->meeting));
  return meetings;
}

gboolean
mp_timeline_get_meeting_bounds (MpTimeline      *self,
                                MpMeeting       *meeting,
                                graphene_rect_t *bounds)
{
  Block *block;

  g_return_val_if_fail (MP_IS_TIMELINE (self), FALSE);
  g_return_val_if_fail (MP_IS_MEETING (meeting), FALSE);

  block = find_block (self, mp_record_get_id (MP_RECORD (meeting)));
  if (block == NULL)
    return FALSE;
  block_rect (self, block, block->column, block->start, block->end, bounds);
  return TRUE;
}

MpMeeting *
mp_timeline_get_meeting_at (MpTimeline *self,
                            double      x,
                            double      y)
{
  Block *block;

  g_return_val_if_fail (MP_IS_TIMELINE (self), NULL);

  block = block_at (self, x, y);
  return block != NULL ? block->meeting : NULL;
}

gboolean
mp_timeline_get_point (MpTimeline *self,
                       const char *room_id,
                       int         minutes,
                       double     *x,
                       double     *y)
{
  g_return_val_if_fail (MP_IS_TIMELINE (self), FALSE);

  ensure_layout (self);
  for (guint c = 0; c < self->columns->len; c++)
    {
      Column *column = g_ptr_array_index (self->columns, c);

      if (g_strcmp0 (column->room_id, room_id) == 0)
        {
          *x = column_to_x (self, c) + self->column_width / 2;
          *y = minute_to_y (self, minutes);
          return TRUE;
        }
    }

  return FALSE;
}

void
mp_timeline_scroll_to_meeting (MpTimeline *self,
                               MpMeeting  *meeting)
{
  Block *block;

  g_return_if_fail (MP_IS_TIMELINE (self));
  g_return_if_fail (MP_IS_MEETING (meeting));

  block = find_block (self, mp_record_get_id (MP_RECORD (meeting)));
  if (block == NULL)
    return;
  self->reveal_day = FALSE;

  if (self->vadjustment != NULL)
    {
      double top = (block->start - self->first_minute) * PIXELS_PER_MINUTE;
      double bottom = (block->end - self->first_minute) * PIXELS_PER_MINUTE;
      double value = gtk_adjustment_get_value (self->vadjustment);
      double page = gtk_adjustment_get_page_size (self->vadjustment);

      if (top < value || bottom > value + page)
        gtk_adjustment_set_value (self->vadjustment, MAX (0, top - 2 * 60 * PIXELS_PER_MINUTE / 3));
    }
  if (self->hadjustment != NULL)
    {
      double left = block->column * self->column_width;
      double value = gtk_adjustment_get_value (self->hadjustment);
      double page = gtk_adjustment_get_page_size (self->hadjustment);

      if (left < value || left + self->column_width > value + page)
        gtk_adjustment_set_value (self->hadjustment, left);
    }
}

gboolean
mp_timeline_drag (MpTimeline *self,
                  double      x,
                  double      y,
                  double      dx,
                  double      dy)
{
  g_return_val_if_fail (MP_IS_TIMELINE (self), FALSE);

  if (!mp_timeline_drag_begin (self, x, y))
    return FALSE;
  mp_timeline_drag_update (self, dx, dy);
  return mp_timeline_drag_end (self);
}

gboolean
mp_timeline_drag_begin (MpTimeline *self,
                        double      x,
                        double      y)
{
  g_return_val_if_fail (MP_IS_TIMELINE (self), FALSE);

  return begin_drag (self, x, y);
}

void
mp_timeline_drag_update (MpTimeline *self,
                         double      dx,
                         double      dy)
{
  g_return_if_fail (MP_IS_TIMELINE (self));

  update_drag (self, dx, dy);
}

gboolean
mp_timeline_drag_end (MpTimeline *self)
{
  g_return_val_if_fail (MP_IS_TIMELINE (self), FALSE);

  return end_drag (self);
}

/* A new tentative meeting for request, not yet in the plan: the request's
 * title (else its id), kind, people and length, in room_id (NULL: none)
 * from start on day (minutes after its midnight, in the room's clock).
 * NULL when that time does not exist there (a daylight-saving gap). */
static MpMeeting *
meeting_for_request (MpTimeline *self,
                     MpRequest  *request,
                     const char *room_id,
                     gint64      day,
                     int         start)
{
  g_autoptr(MpMeeting) meeting = NULL;
  g_autofree char *id = NULL;
  g_autofree char *title = mp_plan_make_request_title (self->plan, request);
  GTimeZone *zone = mp_plan_get_room_zone (self->plan, room_id);
  int length = request_length (self, request);
  MpTime start_time = mp_time_from_wall (day * MP_SECONDS_PER_DAY + start * 60);
  MpTime end_time = mp_time_from_wall (day * MP_SECONDS_PER_DAY + (start + length) * 60);
  gint64 instant;

  if (!mp_time_resolve (&start_time, zone, &instant, NULL) ||
      !mp_time_resolve (&end_time, zone, &instant, NULL))
    return NULL;

  id = mp_plan_make_id (self->plan, MP_TYPE_MEETING, mp_record_get_id (MP_RECORD (request)));
  meeting = mp_meeting_new (id);
  mp_meeting_set_title (meeting, title);
  mp_meeting_set_kind (meeting, mp_request_get_kind (request));
  mp_meeting_set_participants (meeting, mp_request_get_participants (request));
  mp_meeting_set_room (meeting, room_id);
  mp_meeting_set_time_zone (meeting, zone);
  mp_meeting_set_start (meeting, &start_time);
  mp_meeting_set_end (meeting, &end_time);
  mp_meeting_set_status (meeting, MP_MEETING_STATUS_TENTATIVE);
  mp_meeting_set_request (meeting, mp_record_get_id (MP_RECORD (request)));
  return g_steal_pointer (&meeting);
}

MpMeeting *
mp_timeline_place_request (MpTimeline *self,
                           MpRequest  *request,
                           double      x,
                           double      y)
{
  g_autoptr(MpMeeting) meeting = NULL;
  g_autoptr(GError) error = NULL;
  Column *column;
  int col, start, length;

  g_return_val_if_fail (MP_IS_TIMELINE (self), NULL);
  g_return_val_if_fail (MP_IS_REQUEST (request), NULL);

  ensure_layout (self);
  if (self->history == NULL || x < gutter_width (self) || y < HEADER_HEIGHT)
    return NULL;

  col = column_at (self, x);
  if (col < 0)
    return NULL;
  column = g_ptr_array_index (self->columns, col);
  length = request_length (self, request);
  start = CLAMP ((int) floor ((double) minute_at (self, y) / self->slot) * self->slot,
                 0, 24 * 60 - length);
  meeting = meeting_for_request (self, request, column->room_id, self->day, start);
  if (meeting == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return NULL;
    }

  mp_history_begin (self->history, _("Place Request"));
  if (!mp_history_add (self->history, MP_RECORD (meeting), &error))
    {
      mp_history_end (self->history);
      g_warning ("Could not place %s: %s", mp_record_get_id (MP_RECORD (request)), error->message);
      return NULL;
    }
  mp_history_end (self->history);

  mp_timeline_set_selected (self, meeting);
  return meeting;
}

/* Whether room is free from start to end (Unix seconds). */
static gboolean
room_is_free (MpTimeline *self,
              const char *room_id,
              gint64      start,
              gint64      end)
{
  GListModel *meetings = mp_plan_get_meetings (self->plan);

  for (guint i = 0; i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(MpMeeting) meeting = g_list_model_get_item (meetings, i);

      if (g_strcmp0 (mp_meeting_get_room (meeting), room_id) == 0 &&
          !mp_meeting_is_cancelled (meeting) &&
          mp_meeting_get_start_instant (meeting) < end &&
          mp_meeting_get_end_instant (meeting) > start)
        return FALSE;
    }
  return TRUE;
}

MpMeeting *
mp_timeline_draft_request (MpTimeline *self,
                           MpRequest  *request)
{
  g_autoptr(MpMeeting) meeting = NULL;
  GTimeZone *zone;
  const MpTime *earliest;
  GListModel *rooms;
  gint64 day;
  int start, length;

  g_return_val_if_fail (MP_IS_TIMELINE (self), NULL);
  g_return_val_if_fail (MP_IS_REQUEST (request), NULL);

  ensure_layout (self);
  if (self->plan == NULL)
    return NULL;

  /* The first slot from the start of the day shown, or from the
   * request's earliest start when that is later. */
  day = self->day;
  start = (self->day_start + self->slot - 1) / self->slot * self->slot;
  zone = mp_plan_get_room_zone (self->plan, NULL);
  earliest = mp_request_get_earliest (request);
  if (earliest != NULL)
    {
      gint64 wall = mp_wall_from_instant (mp_time_instant (earliest, zone), zone);

      if (wall > day * MP_SECONDS_PER_DAY + start * 60)
        {
          int minutes;

          day = floor_day (wall);
          minutes = (wall - day * MP_SECONDS_PER_DAY + 59) / 60;
          start = (minutes + self->slot - 1) / self->slot * self->slot;
        }
    }
  length = request_length (self, request);
  start = CLAMP (start, 0, 24 * 60 - length);

  /* The first room that serves its kind, seats its people and is free
   * then; else none. */
  rooms = mp_plan_get_rooms (self->plan);
  for (guint i = 0; i < g_list_model_get_n_items (rooms) && meeting == NULL; i++)
    {
      g_autoptr(MpRoom) room = g_list_model_get_item (rooms, i);
      const char * const *people = mp_request_get_participants (request);
      g_autoptr(MpMeeting) candidate = NULL;

      if (!mp_room_serves_kind (room, mp_request_get_kind (request)) ||
          !mp_room_seats (room, people != NULL ? g_strv_length ((char **) people) : 0))
        continue;
      candidate = meeting_for_request (self, request, mp_record_get_id (MP_RECORD (room)), day, start);
      if (candidate != NULL &&
          room_is_free (self, mp_record_get_id (MP_RECORD (room)),
                        mp_meeting_get_start_instant (candidate), mp_meeting_get_end_instant (candidate)))
        meeting = g_steal_pointer (&candidate);
    }
  if (meeting == NULL)
    meeting = meeting_for_request (self, request, NULL, day, start);

  return g_steal_pointer (&meeting);
}
