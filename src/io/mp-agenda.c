/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mp-agenda"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "mp-agenda.h"

/* Fonts that fontconfig resolves with fonts-noto-core, fonts-noto-cjk and
 * fonts-dejavu-core: Latin, Greek and Cyrillic from Noto, Han from Noto CJK,
 * Arabic from Noto Arabic; fontconfig falls back for any other script. */
#define FONT_SANS  "Noto Sans, Noto Sans CJK SC, Noto Sans Arabic, Noto Sans Hebrew, DejaVu Sans, sans-serif"
#define FONT_SERIF "Noto Serif, Noto Serif CJK SC, Noto Naskh Arabic, Noto Serif Hebrew, DejaVu Serif, serif"

/* Colours: ink, two greys, rules, one accent; the kinds are muted. */
#define RGB(x)      (0xff000000u | (x))
#define INK         RGB (0x1b2430)
#define MUTED       RGB (0x5a6472)
#define FAINT       RGB (0x8b94a1)
#define RULE        RGB (0xd3d8de)
#define ACCENT      RGB (0x1f3a5f)
#define TENTATIVE   RGB (0x8f6200)
#define CANCELLED   RGB (0xa3262e)

static const guint32 kind_colors[MP_N_MEETING_KINDS] = {
  [MP_MEETING_KIND_PLENARY]      = RGB (0x2f5597),
  [MP_MEETING_KIND_MULTILATERAL] = RGB (0x2c7a87),
  [MP_MEETING_KIND_TRILATERAL]   = RGB (0x3d7a4c),
  [MP_MEETING_KIND_BILATERAL]    = RGB (0x6a4d98),
  [MP_MEETING_KIND_PULL_ASIDE]   = RGB (0x8c5a9c),
  [MP_MEETING_KIND_WORKING_MEAL] = RGB (0xa86c22),
  [MP_MEETING_KIND_PRESS]        = RGB (0xa04a3a),
  [MP_MEETING_KIND_CEREMONY]     = RGB (0x8c7a2a),
  [MP_MEETING_KIND_TRAVEL]       = RGB (0x5b6878),
  [MP_MEETING_KIND_OTHER]        = RGB (0x858b94),
};

/* Geometry, in points. */
#define MARGIN_X        50.0
#define MARGIN_TOP      46.0
#define MARGIN_BOTTOM   58.0
#define KIND_BAR        1.8
#define TIME_INSET      9.0
#define GUTTER          9.0
#define ROW_PAD_TOP     5.5
#define ROW_PAD_BOTTOM  6.5
#define DAY_GAP         16.0
#define MIN_SLICE       72.0

/* Meetings with more people than this list each delegation's principals
 * and a count of the others. */
#define CONDENSE_OVER   30

typedef enum
{
  COL_TIME,
  COL_MEETING,
  COL_ROOM,
  COL_PARTICIPANTS,
  COL_TOPICS,
  N_COLUMNS
} Column;

/* Text with attributes, made once from the plan; laid out for each page
 * size. */
typedef struct
{
  char          *text;
  PangoAttrList *attrs;
} Rich;

typedef struct
{
  double   scale;    /* of the base size; 0: 1 */
  int      weight;   /* PangoWeight; 0: normal */
  guint32  color;    /* RGB (); 0: the ink */
  guint    italic : 1;
  guint    strike : 1;
  guint    spaced : 1;
  guint    serif : 1;
} Style;

typedef struct
{
  GString       *text;
  PangoAttrList *attrs;
  double         base;
} RichBuilder;

typedef struct
{
  char          *meeting_id;
  MpMeetingKind  kind;
  gboolean       cancelled;
  Rich           cells[N_COLUMNS];
  Rich           notes;        /* under the topics */
  PangoLayout   *layouts[N_COLUMNS];
  PangoLayout   *notes_layout;
  double         notes_y;
  double         height;
  MpAgendaRowExtent extent;
} Row;

typedef struct
{
  Rich         heading;
  Rich         continued;
  GPtrArray   *rows;         /* Row */
  PangoLayout *layout;
  PangoLayout *layout_continued;
} Day;

typedef struct
{
  double       base;                 /* the text size of the table */
  double       audience_size;
  double       code_tab;             /* where names start after a delegation's code */
  char        *longest_code;
  double       widths[N_COLUMNS];    /* fractions of the text width; 0: none */
  Rich         kicker;
  Rich         audience;
  Rich         details;
  Rich         running_left;
  Rich         running_right;
  Rich         columns[N_COLUMNS];
  Rich         empty;
  GPtrArray   *days;                 /* Day */

  PangoLayout *kicker_layout;
  PangoLayout *audience_layout;
  PangoLayout *details_layout;
  PangoLayout *running_left_layout;
  PangoLayout *running_right_layout;
  PangoLayout *column_layouts[N_COLUMNS];
  PangoLayout *empty_layout;
  double       title_height;
  double       running_height;
  double       columns_height;
  double       day_height;
  guint        n_pages;
} Section;

typedef enum
{
  BLOCK_TITLE,
  BLOCK_RUNNING,
  BLOCK_DAY,
  BLOCK_COLUMNS,
  BLOCK_ROW,
  BLOCK_EMPTY,
} BlockKind;

typedef struct
{
  BlockKind  kind;
  double     y;          /* the top, on the page */
  double     height;     /* what this page shows */
  double     offset;     /* rows: the part shown starts this far down */
  gboolean   continued;  /* day headings */
  gpointer   item;       /* Day or Row */
} Block;

typedef struct
{
  Section *section;
  GArray  *blocks;       /* Block */
  guint    number;       /* within its section, from 0 */
} Page;

struct _MpAgenda
{
  GObject         parent_instance;

  MpAgendaLayout  layout;
  char           *title;
  char           *conference_title;
  GDateTime      *printed;
  GPtrArray      *sections;    /* Section */

  /* The last pagination. */
  PangoContext   *context;
  double          width;
  double          height;
  GPtrArray      *pages;       /* Page */
  GPtrArray      *rows;        /* Row, borrowed, in order */
  double          y;           /* where the next block goes */
};

G_DEFINE_FINAL_TYPE (MpAgenda, mp_agenda, G_TYPE_OBJECT)

G_DEFINE_QUARK (mp-agenda-error-quark, mp_agenda_error)

static const char * const layout_nicks[] = { "run-of-show", "agenda", "room", NULL };

/* Rich text */

static void
rich_builder_init (RichBuilder *b,
                   double       base)
{
  b->text = g_string_new (NULL);
  b->attrs = pango_attr_list_new ();
  b->base = base;
}

static void
insert_attr (RichBuilder    *b,
             PangoAttribute *attr,
             guint           start)
{
  attr->start_index = start;
  attr->end_index = b->text->len;
  pango_attr_list_insert (b->attrs, attr);
}

static void
add_color (RichBuilder *b,
           guint32      color,
           guint        start)
{
  guint16 r = ((color >> 16) & 0xff) * 257;
  guint16 g = ((color >> 8) & 0xff) * 257;
  guint16 bl = (color & 0xff) * 257;

  insert_attr (b, pango_attr_foreground_new (r, g, bl), start);
}

static void
rich_add (RichBuilder *b,
          const char  *text,
          const Style *style)
{
  guint start = b->text->len;

  g_string_append (b->text, text);
  if (style == NULL || b->text->len == start)
    return;

  if (style->scale != 0)
    insert_attr (b, pango_attr_size_new_absolute (b->base * style->scale * PANGO_SCALE), start);
  if (style->weight != 0)
    insert_attr (b, pango_attr_weight_new (style->weight), start);
  if (style->color != 0)
    add_color (b, style->color, start);
  if (style->italic)
    insert_attr (b, pango_attr_style_new (PANGO_STYLE_ITALIC), start);
  if (style->strike)
    insert_attr (b, pango_attr_strikethrough_new (TRUE), start);
  if (style->spaced)
    insert_attr (b, pango_attr_letter_spacing_new (b->base * (style->scale != 0 ? style->scale : 1) * 0.04 * PANGO_SCALE), start);
  if (style->serif)
    insert_attr (b, pango_attr_family_new (FONT_SERIF), start);
}

static void
rich_add_colored (RichBuilder *b,
                  const char  *text,
                  const Style *style,
                  guint32      color)
{
  Style s = *style;

  s.color = color;
  rich_add (b, text, &s);
}

static Rich
rich_builder_end (RichBuilder *b)
{
  Rich rich;

  rich.text = g_string_free (b->text, FALSE);
  rich.attrs = b->attrs;
  b->text = NULL;
  b->attrs = NULL;

  return rich;
}

static Rich
rich_new (const char  *text,
          const Style *style,
          double       base)
{
  RichBuilder b;

  rich_builder_init (&b, base);
  rich_add (&b, text, style);
  return rich_builder_end (&b);
}

static void
rich_clear (Rich *rich)
{
  g_clear_pointer (&rich->text, g_free);
  g_clear_pointer (&rich->attrs, pango_attr_list_unref);
}

static const Style style_strong = { .weight = PANGO_WEIGHT_SEMIBOLD };
static const Style style_meta = { .scale = 0.86, .color = MUTED };
static const Style style_small = { .scale = 0.86, .color = MUTED };
static const Style style_note = { .scale = 0.86, .color = MUTED, .italic = TRUE };
static const Style style_kind = { .scale = 0.82, .weight = PANGO_WEIGHT_SEMIBOLD, .spaced = TRUE };
static const Style style_tentative = { .scale = 0.86, .color = TENTATIVE, .italic = TRUE };
static const Style style_cancelled = { .scale = 0.82, .color = CANCELLED, .weight = PANGO_WEIGHT_BOLD, .spaced = TRUE };
static const Style style_title = { .scale = 1.08, .weight = PANGO_WEIGHT_SEMIBOLD };
static const Style style_title_struck = { .scale = 1.08, .weight = PANGO_WEIGHT_SEMIBOLD, .strike = TRUE, .color = FAINT };
static const Style style_code = { .scale = 0.82, .weight = PANGO_WEIGHT_BOLD, .color = ACCENT, .spaced = TRUE };
static const Style style_column = { .scale = 0.76, .weight = PANGO_WEIGHT_SEMIBOLD, .color = MUTED, .spaced = TRUE };
static const Style style_day = { .weight = PANGO_WEIGHT_SEMIBOLD, .color = ACCENT, .serif = TRUE };
static const Style style_continued = { .scale = 0.7, .color = FAINT, .italic = TRUE };
static const Style style_kicker = { .weight = PANGO_WEIGHT_SEMIBOLD, .color = ACCENT, .spaced = TRUE };
static const Style style_audience = { .serif = TRUE, .weight = PANGO_WEIGHT_MEDIUM };
static const Style style_detail = { .color = MUTED };
static const Style style_running = { .color = MUTED };

/* Words */

static char *
format_day (gint64      day,
            const char *format)
{
  g_autoptr(GDateTime) date = g_date_time_new_from_unix_utc (day * MP_SECONDS_PER_DAY);

  return g_date_time_format (date, format);
}

static char *
format_day_range (gint64 first,
                  gint64 last)
{
  g_autoptr(GDateTime) a = g_date_time_new_from_unix_utc (first * MP_SECONDS_PER_DAY);
  g_autoptr(GDateTime) b = g_date_time_new_from_unix_utc (last * MP_SECONDS_PER_DAY);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  /* TRANSLATORS: a date, as in "24 April 2014"; see g_date_time_format () */
  to = g_date_time_format (b, _("%-d %B %Y"));
  if (first == last)
    return g_steal_pointer (&to);

  if (g_date_time_get_year (a) != g_date_time_get_year (b))
    from = g_date_time_format (a, _("%-d %B %Y"));
  else if (g_date_time_get_month (a) != g_date_time_get_month (b))
    /* TRANSLATORS: the first date of a range in one year, as in "30 April" */
    from = g_date_time_format (a, _("%-d %B"));
  else
    /* TRANSLATORS: the first day of a range in one month, as in "23" */
    from = g_date_time_format (a, _("%-d"));

  /* TRANSLATORS: a range of dates, as in "23–25 April 2014" */
  return g_strdup_printf (_("%s–%s"), from, to);
}

static gint64
day_of_wall (gint64 wall)
{
  return wall >= 0 ? wall / MP_SECONDS_PER_DAY : -((-wall - 1) / MP_SECONDS_PER_DAY) - 1;
}

static char *
format_clock (gint64 wall)
{
  gint64 minutes = (wall - day_of_wall (wall) * MP_SECONDS_PER_DAY) / 60;

  return g_strdup_printf ("%02d:%02d", (int) (minutes / 60), (int) (minutes % 60));
}

/* "America/Mexico_City" → "Mexico City" */
static char *
zone_city (GTimeZone *zone)
{
  const char *identifier = g_time_zone_get_identifier (zone);
  const char *slash = strrchr (identifier, '/');
  char *city = g_strdup (slash != NULL ? slash + 1 : identifier);

  return g_strdelimit (city, "_", ' ');
}

static char *
format_offset (GTimeZone *zone,
               gint64     instant)
{
  gint64 offset = mp_wall_from_instant (instant, zone) - instant;
  gint64 minutes = ABS (offset) / 60;

  if (offset == 0)
    return g_strdup ("UTC");
  if (minutes % 60 == 0)
    return g_strdup_printf ("UTC%s%d", offset < 0 ? "-" : "+", (int) (minutes / 60));
  return g_strdup_printf ("UTC%s%d:%02d", offset < 0 ? "-" : "+", (int) (minutes / 60), (int) (minutes % 60));
}

static gboolean
same_zone (GTimeZone *a,
           GTimeZone *b)
{
  return a == b || g_strcmp0 (g_time_zone_get_identifier (a), g_time_zone_get_identifier (b)) == 0;
}

/* Building the sections from the plan */

typedef struct
{
  MpParticipant *participant;
  MpDelegation  *delegation;
  guint          rank;        /* of the delegation, in precedence order */
  guint          position;    /* in the plan */
} Person;

typedef struct
{
  MpMeeting *meeting;
  gint64     start;
  gint64     end;
  gint64     day;             /* the local day of the start */
  guint      position;
  GTimeZone *zone;
} Entry;

typedef struct
{
  MpPlan      *plan;
  GHashTable  *people;        /* id → Person */
  GArray      *entries;       /* Entry, in order of time */
  GPtrArray   *delegations;   /* MpDelegation, in precedence order */
  GHashTable  *ranks;         /* delegation id → rank + 1 */
} Builder;

static int
compare_delegations (gconstpointer a,
                     gconstpointer b)
{
  MpDelegation *x = *(MpDelegation **) a;
  MpDelegation *y = *(MpDelegation **) b;
  int px = mp_delegation_get_precedence (x);
  int py = mp_delegation_get_precedence (y);
  int c;

  if (px != py)
    return px < py ? -1 : 1;
  c = g_utf8_collate (mp_delegation_get_name (x) ? mp_delegation_get_name (x) : "",
                      mp_delegation_get_name (y) ? mp_delegation_get_name (y) : "");
  if (c != 0)
    return c;
  return strcmp (mp_record_get_id (MP_RECORD (x)), mp_record_get_id (MP_RECORD (y)));
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *x = a;
  const Entry *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;
  return x->position < y->position ? -1 : x->position > y->position;
}

static int
compare_people (gconstpointer a,
                gconstpointer b)
{
  const Person *x = *(const Person **) a;
  const Person *y = *(const Person **) b;
  MpRole rx = mp_participant_get_role (x->participant);
  MpRole ry = mp_participant_get_role (y->participant);

  if (x->rank != y->rank)
    return x->rank < y->rank ? -1 : 1;
  if (rx != ry)
    return rx < ry ? -1 : 1;
  return x->position < y->position ? -1 : x->position > y->position;
}

static void
builder_init (Builder *b,
              MpPlan  *plan)
{
  GListModel *delegations = mp_plan_get_delegations (plan);
  GListModel *participants = mp_plan_get_participants (plan);
  GListModel *meetings = mp_plan_get_meetings (plan);
  guint n;

  b->plan = plan;

  b->delegations = g_ptr_array_new_with_free_func (g_object_unref);
  n = g_list_model_get_n_items (delegations);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (b->delegations, g_list_model_get_item (delegations, i));
  g_ptr_array_sort (b->delegations, compare_delegations);
  b->ranks = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < b->delegations->len; i++)
    g_hash_table_insert (b->ranks,
                         (gpointer) mp_record_get_id (g_ptr_array_index (b->delegations, i)),
                         GUINT_TO_POINTER (i + 1));

  b->people = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  n = g_list_model_get_n_items (participants);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MpParticipant) participant = g_list_model_get_item (participants, i);
      const char *delegation = mp_participant_get_delegation (participant);
      Person *person = g_new0 (Person, 1);
      guint rank = GPOINTER_TO_UINT (g_hash_table_lookup (b->ranks, delegation != NULL ? delegation : ""));

      person->participant = participant;   /* the plan keeps it */
      person->delegation = mp_plan_get_delegation (plan, delegation);
      person->rank = rank != 0 ? rank - 1 : G_MAXUINT;
      person->position = i;
      g_hash_table_insert (b->people, (gpointer) mp_record_get_id (MP_RECORD (participant)), person);
    }

  b->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  n = g_list_model_get_n_items (meetings);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MpMeeting) meeting = g_list_model_get_item (meetings, i);
      Entry entry;

      entry.meeting = meeting;   /* the plan keeps it */
      entry.zone = mp_meeting_get_time_zone (meeting);
      if (entry.zone == NULL)
        entry.zone = mp_plan_get_room_zone (plan, mp_meeting_get_room (meeting));
      entry.start = mp_meeting_get_start_instant (meeting);
      entry.end = mp_meeting_get_end_instant (meeting);
      entry.day = day_of_wall (mp_wall_from_instant (entry.start, entry.zone));
      entry.position = i;
      g_array_append_val (b->entries, entry);
    }
  g_array_sort (b->entries, compare_entries);
}

static void
builder_clear (Builder *b)
{
  g_clear_pointer (&b->people, g_hash_table_unref);
  g_clear_pointer (&b->entries, g_array_unref);
  g_clear_pointer (&b->delegations, g_ptr_array_unref);
  g_clear_pointer (&b->ranks, g_hash_table_unref);
}

static GPtrArray *
meeting_people (Builder   *b,
                MpMeeting *meeting)
{
  const char * const *ids = mp_meeting_get_participants (meeting);
  GPtrArray *people = g_ptr_array_new ();

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      Person *person = g_hash_table_lookup (b->people, ids[i]);

      if (person != NULL)
        g_ptr_array_add (people, person);
    }
  g_ptr_array_sort (people, compare_people);

  /* A person listed twice counts once. */
  for (guint i = 1; i < people->len;)
    if (people->pdata[i] == people->pdata[i - 1])
      g_ptr_array_remove_index (people, i);
    else
      i++;

  return people;
}

static gboolean
entry_concerns (Builder  *b,
                Entry    *entry,
                MpRecord *target)
{
  MpMeeting *meeting = entry->meeting;

  if (target == NULL)
    return TRUE;

  if (MP_IS_ROOM (target))
    return g_strcmp0 (mp_meeting_get_room (meeting), mp_record_get_id (target)) == 0;

  if (MP_IS_PARTICIPANT (target))
    return mp_meeting_has_participant (meeting, mp_record_get_id (target));

  if (MP_IS_DELEGATION (target))
    {
      const char * const *ids = mp_meeting_get_participants (meeting);

      for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
        {
          Person *person = g_hash_table_lookup (b->people, ids[i]);

          if (person != NULL && person->delegation == MP_DELEGATION (target))
            return TRUE;
        }
    }

  return FALSE;
}

/* The cells of a row */

static Rich
time_cell (Section   *s,
           Entry     *e,
           GTimeZone *section_zone,
           GTimeZone *home_zone)
{
  RichBuilder b;
  gint64 start = mp_wall_from_instant (e->start, e->zone);
  gint64 end = mp_wall_from_instant (e->end, e->zone);
  g_autofree char *from = format_clock (start);
  g_autofree char *to = format_clock (end);
  gint64 days = day_of_wall (end) - day_of_wall (start);

  rich_builder_init (&b, s->base);
  rich_add (&b, from, &style_strong);
  rich_add (&b, "–", NULL);
  rich_add (&b, to, NULL);
  if (days != 0 && !(days == 1 && end % MP_SECONDS_PER_DAY == 0))
    {
      g_autofree char *more = g_strdup_printf (" %+d", (int) days);

      rich_add (&b, more, &style_small);
    }

  if (section_zone == NULL)
    {
      g_autofree char *city = zone_city (e->zone);

      rich_add (&b, "\n", NULL);
      rich_add (&b, city, &style_small);
    }

  if (home_zone != NULL && mp_wall_from_instant (e->start, home_zone) != start)
    {
      gint64 home = mp_wall_from_instant (e->start, home_zone);
      g_autofree char *city = zone_city (home_zone);
      g_autofree char *clock = format_clock (home);
      g_autofree char *text = NULL;

      if (day_of_wall (home) != day_of_wall (start))
        {
          g_autofree char *weekday = format_day (day_of_wall (home), "%a");

          /* TRANSLATORS: the start in the delegation's home time, on
           * another day: "(Fri 01:15 Tokyo)" */
          text = g_strdup_printf (_("(%s %s %s)"), weekday, clock, city);
        }
      else
        /* TRANSLATORS: the start in the delegation's home time:
         * "(12:00 New York)" */
        text = g_strdup_printf (_("(%s %s)"), clock, city);

      rich_add (&b, "\n", NULL);
      rich_add (&b, text, &style_small);
    }

  return rich_builder_end (&b);
}

static Rich
meeting_cell (Section   *s,
              MpMeeting *meeting)
{
  RichBuilder b;
  MpMeetingKind kind = mp_meeting_get_kind (meeting);
  MpMeetingStatus status = mp_meeting_get_status (meeting);
  const char *title = mp_meeting_get_title (meeting);
  g_autofree char *kind_label = g_utf8_strup (mp_meeting_kind_label (kind), -1);

  rich_builder_init (&b, s->base);
  rich_add (&b, title != NULL && *title != '\0' ? title : _("Untitled meeting"),
            status == MP_MEETING_STATUS_CANCELLED ? &style_title_struck : &style_title);
  rich_add (&b, "\n", NULL);
  rich_add_colored (&b, kind_label, &style_kind, kind_colors[kind]);
  rich_add (&b, "  ", &style_meta);

  switch (status)
    {
    case MP_MEETING_STATUS_CANCELLED:
      {
        g_autofree char *label = g_utf8_strup (mp_meeting_status_label (status), -1);

        rich_add (&b, label, &style_cancelled);
      }
      break;
    case MP_MEETING_STATUS_TENTATIVE:
      rich_add (&b, mp_meeting_status_label (status), &style_tentative);
      break;
    case MP_MEETING_STATUS_CONFIRMED:
    default:
      rich_add (&b, mp_meeting_status_label (status), &style_meta);
      break;
    }

  return rich_builder_end (&b);
}

static Rich
room_cell (Builder   *bu,
           Section   *s,
           MpMeeting *meeting)
{
  RichBuilder b;
  MpRoom *room = mp_plan_get_room (bu->plan, mp_meeting_get_room (meeting));
  MpVenue *venue = room != NULL ? mp_plan_get_venue (bu->plan, mp_room_get_venue (room)) : NULL;

  rich_builder_init (&b, s->base);
  if (room == NULL)
    rich_add (&b, _("Room to be announced"), &style_note);
  else
    {
      rich_add (&b, mp_room_get_name (room) ? mp_room_get_name (room) : mp_record_get_id (MP_RECORD (room)), NULL);
      if (venue != NULL && mp_venue_get_name (venue) != NULL)
        {
          rich_add (&b, "\n", NULL);
          rich_add (&b, mp_venue_get_name (venue), &style_small);
        }
    }

  return rich_builder_end (&b);
}

static const char *
person_name (Person *person)
{
  const char *name = mp_participant_get_name (person->participant);

  return name != NULL && *name != '\0' ? name : mp_record_get_id (MP_RECORD (person->participant));
}

static const char *
delegation_code (Person *person)
{
  if (person->delegation != NULL)
    return mp_record_get_id (MP_RECORD (person->delegation));
  return mp_participant_get_delegation (person->participant);
}

/* Whether the first letter of text is of a script written right to left. */
static gboolean
starts_right_to_left (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalpha (c))
        continue;

      switch ((int) g_unichar_get_script (c))
        {
        case G_UNICODE_SCRIPT_ARABIC:
        case G_UNICODE_SCRIPT_HEBREW:
        case G_UNICODE_SCRIPT_SYRIAC:
        case G_UNICODE_SCRIPT_THAANA:
        case G_UNICODE_SCRIPT_NKO:
        case G_UNICODE_SCRIPT_SAMARITAN:
        case G_UNICODE_SCRIPT_MANDAIC:
        case G_UNICODE_SCRIPT_ADLAM:
          return TRUE;
        default:
          return FALSE;
        }
    }

  return FALSE;
}

/* Grouped by delegation in precedence order, one paragraph each; the
 * principals first and in bold. A large meeting names only the principals
 * and counts the others. */
static Rich
participants_cell (Builder   *bu,
                   Section   *s,
                   MpMeeting *meeting)
{
  RichBuilder b;
  g_autoptr(GPtrArray) people = meeting_people (bu, meeting);
  gboolean condense = people->len > CONDENSE_OVER;
  guint i = 0;

  rich_builder_init (&b, s->base);

  if (people->len == 0)
    {
      rich_add (&b, "—", &style_small);
      return rich_builder_end (&b);
    }

  if (condense)
    {
      guint n_groups = 0;
      g_autofree char *a = NULL;
      g_autofree char *text = NULL;

      for (guint j = 0; j < people->len; j++)
        if (j == 0 || ((Person *) people->pdata[j])->rank != ((Person *) people->pdata[j - 1])->rank)
          n_groups++;

      a = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u participant", "%u participants", people->len),
                           people->len);
      /* TRANSLATORS: "412 participants from 193 delegations" */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s from %u delegation", "%s from %u delegations", n_groups),
                              a, n_groups);
      rich_add (&b, text, &style_note);
      rich_add (&b, "\n", NULL);
    }

  while (i < people->len)
    {
      Person *first = people->pdata[i];
      guint end = i;
      guint shown = 0;

      while (end < people->len && ((Person *) people->pdata[end])->rank == first->rank &&
             ((Person *) people->pdata[end])->delegation == first->delegation)
        end++;

      if (i > 0)
        rich_add (&b, "\n", NULL);
      rich_add (&b, delegation_code (first), &style_code);
      rich_add (&b, "\t", NULL);
      if (s->longest_code == NULL || g_utf8_strlen (delegation_code (first), -1) > g_utf8_strlen (s->longest_code, -1))
        {
          g_free (s->longest_code);
          s->longest_code = g_strdup (delegation_code (first));
        }

      for (guint j = i; j < end; j++)
        {
          Person *person = people->pdata[j];
          gboolean principal = mp_participant_get_role (person->participant) == MP_ROLE_PRINCIPAL;

          if (condense && shown > 0 && !principal)
            break;
          if (shown > 0)
            rich_add (&b, ", ", NULL);
          if (starts_right_to_left (person_name (person)))
            {
              /* A right-to-left name in a list that runs left to right:
               * isolated, so that the list keeps its order. */
              g_autofree char *isolated = g_strconcat ("\u2067", person_name (person), "\u2069", NULL);

              rich_add (&b, isolated, principal ? &style_strong : NULL);
            }
          else
            rich_add (&b, person_name (person), principal ? &style_strong : NULL);
          shown++;
        }

      if (shown < end - i)
        {
          g_autofree char *more = g_strdup_printf (" +%u", end - i - shown);

          rich_add (&b, more, &style_small);
        }

      i = end;
    }

  return rich_builder_end (&b);
}

static Rich
topics_cell (Section   *s,
             MpMeeting *meeting)
{
  RichBuilder b;
  const char * const *topics = mp_meeting_get_topics (meeting);

  rich_builder_init (&b, s->base * 0.94);
  for (guint i = 0; topics != NULL && topics[i] != NULL; i++)
    {
      if (b.text->len > 0)
        rich_add (&b, "\n", NULL);
      rich_add (&b, "•\u2002", &(Style) { .color = FAINT });
      rich_add (&b, topics[i], NULL);
    }

  return rich_builder_end (&b);
}

static Rich
notes_cell (Section   *s,
            MpMeeting *meeting)
{
  return rich_new (mp_meeting_get_notes (meeting), &(Style) { .color = MUTED, .italic = TRUE }, s->base * 0.94);
}

static Row *
row_new (Builder   *bu,
         Section   *s,
         Entry     *e,
         GTimeZone *section_zone,
         GTimeZone *home_zone)
{
  Row *row = g_new0 (Row, 1);
  MpMeeting *meeting = e->meeting;

  row->meeting_id = g_strdup (mp_record_get_id (MP_RECORD (meeting)));
  row->kind = mp_meeting_get_kind (meeting);
  row->cancelled = mp_meeting_is_cancelled (meeting);
  row->cells[COL_TIME] = time_cell (s, e, section_zone, home_zone);
  row->cells[COL_MEETING] = meeting_cell (s, meeting);
  if (s->widths[COL_ROOM] > 0)
    row->cells[COL_ROOM] = room_cell (bu, s, meeting);
  if (s->widths[COL_PARTICIPANTS] > 0)
    row->cells[COL_PARTICIPANTS] = participants_cell (bu, s, meeting);
  if (s->widths[COL_TOPICS] > 0)
    {
      const char *notes = mp_meeting_get_notes (meeting);

      row->cells[COL_TOPICS] = topics_cell (s, meeting);
      if (notes != NULL && *notes != '\0')
        row->notes = notes_cell (s, meeting);
    }

  return row;
}

static void
row_free (gpointer data)
{
  Row *row = data;

  g_free (row->meeting_id);
  rich_clear (&row->notes);
  g_clear_object (&row->notes_layout);
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      rich_clear (&row->cells[i]);
      g_clear_object (&row->layouts[i]);
    }
  g_free (row);
}

static void
day_free (gpointer data)
{
  Day *day = data;

  rich_clear (&day->heading);
  rich_clear (&day->continued);
  g_clear_pointer (&day->rows, g_ptr_array_unref);
  g_clear_object (&day->layout);
  g_clear_object (&day->layout_continued);
  g_free (day);
}

static void
section_clear_layouts (Section *s)
{
  g_clear_object (&s->kicker_layout);
  g_clear_object (&s->audience_layout);
  g_clear_object (&s->details_layout);
  g_clear_object (&s->running_left_layout);
  g_clear_object (&s->running_right_layout);
  g_clear_object (&s->empty_layout);
  for (guint i = 0; i < N_COLUMNS; i++)
    g_clear_object (&s->column_layouts[i]);
}

static void
section_free (gpointer data)
{
  Section *s = data;

  section_clear_layouts (s);
  rich_clear (&s->kicker);
  rich_clear (&s->audience);
  rich_clear (&s->details);
  rich_clear (&s->running_left);
  rich_clear (&s->running_right);
  rich_clear (&s->empty);
  for (guint i = 0; i < N_COLUMNS; i++)
    rich_clear (&s->columns[i]);
  g_clear_pointer (&s->days, g_ptr_array_unref);
  g_free (s->longest_code);
  g_free (s);
}

static const char *
column_title (Column column)
{
  switch (column)
    {
    case COL_TIME:         return _("Time");
    case COL_MEETING:      return _("Meeting");
    case COL_ROOM:         return _("Room");
    case COL_PARTICIPANTS: return _("Participants");
    case COL_TOPICS:       return _("Topics");
    case N_COLUMNS:
    default:               g_return_val_if_reached (NULL);
    }
}

static const char *
record_name (MpRecord *record)
{
  const char *name = NULL;

  if (MP_IS_DELEGATION (record))
    name = mp_delegation_get_name (MP_DELEGATION (record));
  else if (MP_IS_PARTICIPANT (record))
    name = mp_participant_get_name (MP_PARTICIPANT (record));
  else if (MP_IS_ROOM (record))
    name = mp_room_get_name (MP_ROOM (record));

  return name != NULL && *name != '\0' ? name : mp_record_get_id (record);
}

/* The words of a section's header: what it is, for whom, and a line of
 * details under the name. */
static void
section_words (Builder   *bu,
               Section   *s,
               MpAgendaLayout layout,
               MpRecord  *target,
               GString   *details,
               char     **kicker,
               char     **audience,
               char     **running)
{
  if (target == NULL)
    {
      MpConference *conference = mp_plan_get_conference (bu->plan);

      /* The agendas of no delegation and the cards of no room: a page
       * that says so. */
      *kicker = g_strdup (layout == MP_AGENDA_LAYOUT_AGENDA ? _("Agendas of the delegations") :
                          layout == MP_AGENDA_LAYOUT_ROOM ? _("Room schedules") : _("Run of show"));
      *audience = g_strdup (mp_conference_get_title (conference));
      *running = g_strdup (*kicker);
      return;
    }

  if (MP_IS_PARTICIPANT (target))
    {
      MpParticipant *p = MP_PARTICIPANT (target);
      MpDelegation *d = mp_plan_get_delegation (bu->plan, mp_participant_get_delegation (p));
      const char *parts[] = {
        mp_participant_get_title (p),
        mp_participant_get_organization (p),
        d != NULL ? mp_delegation_get_name (d) : NULL,
      };

      for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
        if (parts[i] != NULL && *parts[i] != '\0')
          g_string_append_printf (details, "%s%s", details->len > 0 ? " · " : "", parts[i]);

      *kicker = g_strdup (layout == MP_AGENDA_LAYOUT_RUN_OF_SHOW ? _("Run of show") : _("Personal agenda"));
      *audience = g_strdup (record_name (target));
      /* TRANSLATORS: the running header of a person's agenda */
      *running = g_strdup_printf (_("Agenda of %s"), *audience);
      return;
    }

  if (MP_IS_DELEGATION (target))
    {
      guint n_members = 0;
      g_autoptr(GString) heads = g_string_new (NULL);
      GHashTableIter iter;
      g_autoptr(GPtrArray) members = g_ptr_array_new ();
      gpointer value;

      g_hash_table_iter_init (&iter, bu->people);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        if (((Person *) value)->delegation == MP_DELEGATION (target))
          g_ptr_array_add (members, value);
      g_ptr_array_sort (members, compare_people);
      n_members = members->len;

      for (guint i = 0; i < members->len; i++)
        {
          Person *person = members->pdata[i];
          const char *title = mp_participant_get_title (person->participant);

          if (mp_participant_get_role (person->participant) != MP_ROLE_PRINCIPAL)
            continue;
          if (heads->len > 0)
            g_string_append (heads, "; ");
          g_string_append (heads, person_name (person));
          if (title != NULL && *title != '\0')
            g_string_append_printf (heads, ", %s", title);
        }
      if (heads->len > 0)
        g_string_append_printf (details, "%s · ", heads->str);
      g_string_append_printf (details,
                              g_dngettext (GETTEXT_PACKAGE, "%u member", "%u members", n_members),
                              n_members);

      *kicker = g_strdup (layout == MP_AGENDA_LAYOUT_RUN_OF_SHOW ? _("Run of show") : _("Delegation agenda"));
      *audience = g_strdup (record_name (target));
      /* TRANSLATORS: the running header of a delegation's agenda */
      *running = g_strdup_printf (_("Agenda of the delegation of %s"), *audience);
      return;
    }

  if (MP_IS_ROOM (target))
    {
      MpRoom *room = MP_ROOM (target);
      MpVenue *venue = mp_plan_get_venue (bu->plan, mp_room_get_venue (room));

      if (venue != NULL && mp_venue_get_name (venue) != NULL)
        g_string_append (details, mp_venue_get_name (venue));
      if (venue != NULL && mp_venue_get_address (venue) != NULL)
        g_string_append_printf (details, "%s%s", details->len > 0 ? " · " : "", mp_venue_get_address (venue));
      if (mp_room_get_capacity (room) > 0)
        {
          g_string_append (details, details->len > 0 ? " · " : "");
          g_string_append_printf (details,
                                  g_dngettext (GETTEXT_PACKAGE, "Seats %d", "Seats %d", mp_room_get_capacity (room)),
                                  mp_room_get_capacity (room));
        }

      *kicker = g_strdup (layout == MP_AGENDA_LAYOUT_RUN_OF_SHOW ? _("Run of show") : _("Room schedule"));
      *audience = g_strdup (record_name (target));
      *running = g_strdup (*audience);
      return;
    }

  g_assert_not_reached ();
}

static Section *
section_new (Builder        *bu,
             MpAgendaLayout  layout,
             MpRecord       *target)
{
  static const double run_of_show[N_COLUMNS] = { 0.135, 0.245, 0.15, 0.28, 0.19 };
  static const double agenda[N_COLUMNS] = { 0.165, 0.235, 0.145, 0.265, 0.19 };
  static const double room[N_COLUMNS] = { 0.17, 0.37, 0, 0.46, 0 };
  MpConference *conference = mp_plan_get_conference (bu->plan);
  Section *s = g_new0 (Section, 1);
  g_autoptr(GString) details = g_string_new (NULL);
  g_autoptr(GArray) picked = g_array_new (FALSE, FALSE, sizeof (Entry));
  g_autofree char *kicker = NULL;
  g_autofree char *audience = NULL;
  g_autofree char *running = NULL;
  g_autofree char *kicker_up = NULL;
  g_autofree char *dates = NULL;
  GTimeZone *section_zone = NULL;
  GTimeZone *home_zone = NULL;
  RichBuilder b;
  Day *day = NULL;

  s->base = layout == MP_AGENDA_LAYOUT_ROOM ? 11.0 : 8.4;
  memcpy (s->widths,
          layout == MP_AGENDA_LAYOUT_ROOM ? room :
          layout == MP_AGENDA_LAYOUT_AGENDA ? agenda : run_of_show,
          sizeof s->widths);

  /* Only the run of show takes every meeting; the other layouts get no
   * target only when the plan has nothing for them. */
  for (guint i = 0; i < bu->entries->len; i++)
    {
      Entry *e = &g_array_index (bu->entries, Entry, i);

      if ((target != NULL || layout == MP_AGENDA_LAYOUT_RUN_OF_SHOW) && entry_concerns (bu, e, target))
        g_array_append_val (picked, *e);
    }

  /* One zone for every meeting: the header names it once; otherwise each
   * time names its own. */
  for (guint i = 0; i < picked->len; i++)
    {
      Entry *e = &g_array_index (picked, Entry, i);

      if (i == 0)
        section_zone = e->zone;
      else if (!same_zone (section_zone, e->zone))
        {
          section_zone = NULL;
          break;
        }
    }
  if (picked->len == 0)
    section_zone = mp_conference_get_zone (conference);

  /* An agenda gives every time also in the delegation's home zone. */
  if (layout == MP_AGENDA_LAYOUT_AGENDA && target != NULL)
    {
      MpDelegation *d = MP_IS_DELEGATION (target) ? MP_DELEGATION (target) :
        mp_plan_get_delegation (bu->plan, mp_participant_get_delegation (MP_PARTICIPANT (target)));
      const char *home = d != NULL ? mp_delegation_get_home_time_zone (d) : NULL;

      if (home != NULL)
        {
          home_zone = mp_time_zone_new (home, NULL);
          if (home_zone != NULL && section_zone != NULL && same_zone (home_zone, section_zone))
            g_clear_pointer (&home_zone, g_time_zone_unref);
        }
    }

  section_words (bu, s, layout, target, details, &kicker, &audience, &running);

  kicker_up = g_utf8_strup (kicker, -1);
  s->kicker = rich_new (kicker_up, &style_kicker, 8.0);
  s->audience_size = layout == MP_AGENDA_LAYOUT_ROOM ? 30.0 : 21.0;
  s->audience = rich_new (audience, &style_audience, s->audience_size);

  /* Details, the conference and its dates, and the clock the times are in. */
  rich_builder_init (&b, 9.0);
  if (details->len > 0)
    {
      rich_add (&b, details->str, &style_detail);
      rich_add (&b, "\n", NULL);
    }
  dates = format_day_range (mp_conference_get_start_date (conference), mp_conference_get_end_date (conference));
  if (target != NULL)
    {
      rich_add (&b, mp_conference_get_title (conference), &style_strong);
      rich_add (&b, " · ", &style_detail);
    }
  rich_add (&b, dates, &style_detail);
  if (target == NULL && mp_plan_get_delegation (bu->plan, mp_conference_get_host (conference)) != NULL)
    {
      MpDelegation *host = mp_plan_get_delegation (bu->plan, mp_conference_get_host (conference));
      /* TRANSLATORS: "Hosted by Mexico" */
      g_autofree char *text = g_strdup_printf (_("Hosted by %s"), record_name (MP_RECORD (host)));

      rich_add (&b, " · ", &style_detail);
      rich_add (&b, text, &style_detail);
    }
  if (picked->len > 0)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u meeting", "%u meetings", picked->len),
                                               picked->len);

      rich_add (&b, " · ", &style_detail);
      rich_add (&b, text, &style_detail);
    }
  rich_add (&b, "\n", NULL);
  if (section_zone != NULL)
    {
      g_autofree char *city = zone_city (section_zone);
      g_autofree char *offset = format_offset (section_zone, picked->len > 0 ? g_array_index (picked, Entry, 0).start : 0);
      g_autofree char *text = NULL;

      if (home_zone != NULL)
        {
          g_autofree char *home_city = zone_city (home_zone);

          /* TRANSLATORS: "Times are Mexico City time (UTC-5); the start in
           * New York time is given in brackets." */
          text = g_strdup_printf (_("Times are %s time (%s); the start in %s time is given in brackets."),
                                  city, offset, home_city);
        }
      else if (g_strcmp0 (city, "UTC") == 0)
        text = g_strdup (_("Times are UTC."));
      else
        /* TRANSLATORS: "Times are Mexico City time (UTC-5)." */
        text = g_strdup_printf (_("Times are %s time (%s)."), city, offset);
      rich_add (&b, text, &style_detail);
    }
  else
    rich_add (&b, home_zone != NULL ?
              _("Times are the local time of each venue; the start in the delegation’s home time is given in brackets.") :
              _("Times are the local time of each venue."),
              &style_detail);
  s->details = rich_builder_end (&b);

  s->running_left = rich_new (mp_conference_get_title (conference), &style_running, 7.6);
  s->running_right = rich_new (running, &style_running, 7.6);
  s->empty = rich_new (_("No meetings."), &style_note, s->base / 0.86);

  for (guint i = 0; i < N_COLUMNS; i++)
    if (s->widths[i] > 0)
      {
        g_autofree char *up = g_utf8_strup (column_title (i), -1);

        s->columns[i] = rich_new (up, &style_column, s->base);
      }

  s->days = g_ptr_array_new_with_free_func (day_free);
  for (guint i = 0; i < picked->len; i++)
    {
      Entry *e = &g_array_index (picked, Entry, i);

      if (day == NULL || g_array_index (picked, Entry, i - 1).day != e->day)
        {
          /* TRANSLATORS: a day heading, as in "Thursday 24 April 2014" */
          g_autofree char *heading = format_day (e->day, _("%A %-d %B %Y"));

          day = g_new0 (Day, 1);
          day->rows = g_ptr_array_new_with_free_func (row_free);
          day->heading = rich_new (heading, &style_day, layout == MP_AGENDA_LAYOUT_ROOM ? 14.0 : 12.5);

          rich_builder_init (&b, layout == MP_AGENDA_LAYOUT_ROOM ? 14.0 : 12.5);
          rich_add (&b, heading, &style_day);
          rich_add (&b, "  ", NULL);
          rich_add (&b, _("continued"), &style_continued);
          day->continued = rich_builder_end (&b);
          g_ptr_array_add (s->days, day);
        }

      g_ptr_array_add (day->rows, row_new (bu, s, e, section_zone, home_zone));
    }

  g_clear_pointer (&home_zone, g_time_zone_unref);

  return s;
}

/* Which record --for names */

static MpRecord *
find_target (MpPlan      *plan,
             const char  *for_id,
             GError     **error)
{
  GType types[] = { MP_TYPE_DELEGATION, MP_TYPE_PARTICIPANT, MP_TYPE_ROOM };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      MpRecord *record = mp_plan_lookup (plan, types[i], for_id);

      if (record != NULL)
        return record;
    }

  g_set_error (error, MP_AGENDA_ERROR, MP_AGENDA_ERROR_UNKNOWN_ID,
               _("No delegation, person or room has the id “%s”"), for_id);
  return NULL;
}

/* Sizes and names */

const char *
mp_agenda_layout_to_nick (MpAgendaLayout layout)
{
  g_return_val_if_fail (layout <= MP_AGENDA_LAYOUT_ROOM, NULL);

  return layout_nicks[layout];
}

gboolean
mp_agenda_layout_from_nick (const char      *nick,
                            MpAgendaLayout  *layout,
                            GError         **error)
{
  const char *near = NULL;

  g_return_val_if_fail (nick != NULL, FALSE);

  for (guint i = 0; layout_nicks[i] != NULL; i++)
    if (strcmp (nick, layout_nicks[i]) == 0)
      {
        *layout = i;
        return TRUE;
      }

  /* With three layouts, the one that starts alike is the one meant. */
  for (guint i = 0; layout_nicks[i] != NULL && near == NULL; i++)
    if (strlen (nick) >= 2 && g_ascii_strncasecmp (nick, layout_nicks[i], 2) == 0)
      near = layout_nicks[i];

  if (near != NULL)
    g_set_error (error, MP_AGENDA_ERROR, MP_AGENDA_ERROR_UNKNOWN_LAYOUT,
                 _("Unknown layout “%s” (did you mean “%s”?): the layouts are run-of-show, agenda and room"),
                 nick, near);
  else
    g_set_error (error, MP_AGENDA_ERROR, MP_AGENDA_ERROR_UNKNOWN_LAYOUT,
                 _("Unknown layout “%s”: the layouts are run-of-show, agenda and room"), nick);
  return FALSE;
}

gboolean
mp_paper_from_nick (const char  *nick,
                    MpPaper     *paper,
                    GError     **error)
{
  g_return_val_if_fail (nick != NULL, FALSE);

  if (g_ascii_strcasecmp (nick, "a4") == 0)
    *paper = MP_PAPER_A4;
  else if (g_ascii_strcasecmp (nick, "letter") == 0)
    *paper = MP_PAPER_LETTER;
  else
    {
      g_set_error (error, MP_AGENDA_ERROR, MP_AGENDA_ERROR_UNKNOWN_PAPER,
                   _("Unknown paper size “%s”: the sizes are a4 and letter"), nick);
      return FALSE;
    }

  return TRUE;
}

void
mp_paper_get_size (MpPaper  paper,
                   double  *width,
                   double  *height)
{
  if (paper == MP_PAPER_LETTER)
    {
      *width = 612;
      *height = 792;
    }
  else
    {
      *width = 595.2756;   /* 210 mm */
      *height = 841.8898;  /* 297 mm */
    }
}

gboolean
mp_agenda_default_layout (MpPlan          *plan,
                          const char      *for_id,
                          MpAgendaLayout  *layout,
                          GError         **error)
{
  MpRecord *target;

  g_return_val_if_fail (MP_IS_PLAN (plan), FALSE);

  if (for_id == NULL)
    {
      *layout = MP_AGENDA_LAYOUT_RUN_OF_SHOW;
      return TRUE;
    }

  target = find_target (plan, for_id, error);
  if (target == NULL)
    return FALSE;

  *layout = MP_IS_ROOM (target) ? MP_AGENDA_LAYOUT_ROOM : MP_AGENDA_LAYOUT_AGENDA;
  return TRUE;
}

/* GObject */

static void
clear_pagination (MpAgenda *self)
{
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->context);
}

static void
mp_agenda_finalize (GObject *object)
{
  MpAgenda *self = MP_AGENDA (object);

  clear_pagination (self);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  g_clear_pointer (&self->printed, g_date_time_unref);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->conference_title, g_free);

  G_OBJECT_CLASS (mp_agenda_parent_class)->finalize (object);
}

static void
mp_agenda_class_init (MpAgendaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mp_agenda_finalize;
}

static void
mp_agenda_init (MpAgenda *self)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  gint64 seconds;

  if (epoch != NULL && g_ascii_string_to_signed (epoch, 10, 0, G_MAXINT64, &seconds, NULL))
    self->printed = g_date_time_new_from_unix_utc (seconds);
  else
    self->printed = g_date_time_new_now_local ();
  self->sections = g_ptr_array_new_with_free_func (section_free);
}

MpAgenda *
mp_agenda_new (MpPlan          *plan,
               MpAgendaLayout   layout,
               const char      *for_id,
               GError         **error)
{
  g_autoptr(MpAgenda) self = NULL;
  MpConference *conference;
  MpRecord *target = NULL;
  Builder bu = { 0 };

  g_return_val_if_fail (MP_IS_PLAN (plan), NULL);
  g_return_val_if_fail (layout <= MP_AGENDA_LAYOUT_ROOM, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (for_id != NULL)
    {
      target = find_target (plan, for_id, error);
      if (target == NULL)
        return NULL;

      if (layout == MP_AGENDA_LAYOUT_AGENDA && MP_IS_ROOM (target))
        {
          g_set_error (error, MP_AGENDA_ERROR, MP_AGENDA_ERROR_WRONG_LAYOUT,
                       _("“%s” is a room: an agenda is for a delegation or a person; a room has the room layout"),
                       for_id);
          return NULL;
        }
      if (layout == MP_AGENDA_LAYOUT_ROOM && !MP_IS_ROOM (target))
        {
          g_set_error (error, MP_AGENDA_ERROR, MP_AGENDA_ERROR_WRONG_LAYOUT,
                       MP_IS_PARTICIPANT (target) ?
                       _("“%s” is a person: the room layout is for a room; a person has the agenda layout") :
                       _("“%s” is a delegation: the room layout is for a room; a delegation has the agenda layout"),
                       for_id);
          return NULL;
        }
    }

  self = g_object_new (MP_TYPE_AGENDA, NULL);
  self->layout = layout;
  conference = mp_plan_get_conference (plan);
  self->conference_title = g_strdup (mp_conference_get_title (conference) ? mp_conference_get_title (conference) : "");

  builder_init (&bu, plan);

  if (target != NULL || layout == MP_AGENDA_LAYOUT_RUN_OF_SHOW)
    g_ptr_array_add (self->sections, section_new (&bu, layout, target));
  else if (layout == MP_AGENDA_LAYOUT_AGENDA)
    {
      /* Every delegation's, in order of precedence. */
      for (guint i = 0; i < bu.delegations->len; i++)
        g_ptr_array_add (self->sections, section_new (&bu, layout, bu.delegations->pdata[i]));
    }
  else
    {
      /* A door card for every room that has a meeting. */
      GListModel *rooms = mp_plan_get_rooms (plan);
      guint n = g_list_model_get_n_items (rooms);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(MpRoom) room = g_list_model_get_item (rooms, i);

          for (guint j = 0; j < bu.entries->len; j++)
            if (entry_concerns (&bu, &g_array_index (bu.entries, Entry, j), MP_RECORD (room)))
              {
                g_ptr_array_add (self->sections, section_new (&bu, layout, MP_RECORD (room)));
                break;
              }
        }
    }

  if (target != NULL)
    {
      const char *name = record_name (target);

      if (layout == MP_AGENDA_LAYOUT_RUN_OF_SHOW)
        /* TRANSLATORS: "North American Defense Ministerial 2014: Run of show for Canada" */
        self->title = g_strdup_printf (_("%s: Run of show for %s"), self->conference_title, name);
      else if (MP_IS_PARTICIPANT (target))
        self->title = g_strdup_printf (_("%s: Agenda of %s"), self->conference_title, name);
      else if (MP_IS_DELEGATION (target))
        self->title = g_strdup_printf (_("%s: Agenda of the delegation of %s"), self->conference_title, name);
      else
        self->title = g_strdup_printf (_("%s: %s"), self->conference_title, name);
    }
  else if (layout == MP_AGENDA_LAYOUT_AGENDA)
    self->title = g_strdup_printf (_("%s: Agendas of the delegations"), self->conference_title);
  else if (layout == MP_AGENDA_LAYOUT_ROOM)
    self->title = g_strdup_printf (_("%s: Room schedules"), self->conference_title);
  else
    self->title = g_strdup_printf (_("%s: Run of show"), self->conference_title);

  /* Never a document without pages. */
  if (self->sections->len == 0)
    g_ptr_array_add (self->sections, section_new (&bu, layout, NULL));

  builder_clear (&bu);

  return g_steal_pointer (&self);
}

MpAgendaLayout
mp_agenda_get_layout (MpAgenda *self)
{
  g_return_val_if_fail (MP_IS_AGENDA (self), 0);

  return self->layout;
}

const char *
mp_agenda_get_title (MpAgenda *self)
{
  g_return_val_if_fail (MP_IS_AGENDA (self), NULL);

  return self->title;
}

void
mp_agenda_set_printed (MpAgenda  *self,
                       GDateTime *printed)
{
  g_return_if_fail (MP_IS_AGENDA (self));
  g_return_if_fail (printed != NULL);

  g_date_time_ref (printed);
  g_clear_pointer (&self->printed, g_date_time_unref);
  self->printed = printed;
}

/* Pagination */

static PangoLayout *
make_layout (MpAgenda       *self,
             const Rich     *rich,
             double          size,
             double          width,
             PangoAlignment  alignment)
{
  PangoLayout *layout = pango_layout_new (self->context);
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family_static (font, FONT_SANS);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_text (layout, rich->text, -1);
  pango_layout_set_attributes (layout, rich->attrs);

  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

static double
text_width (MpAgenda *self)
{
  return self->width - 2 * MARGIN_X;
}

static double
column_x (MpAgenda *self,
          Section  *s,
          Column    column)
{
  double x = MARGIN_X;

  for (guint i = 0; i < column; i++)
    x += s->widths[i] * text_width (self);

  return column == COL_TIME ? x + TIME_INSET : x;
}

static double
column_width (MpAgenda *self,
              Section  *s,
              Column    column)
{
  double width = s->widths[column] * text_width (self);
  gboolean last = TRUE;

  for (guint i = column + 1; i < N_COLUMNS; i++)
    if (s->widths[i] > 0)
      last = FALSE;

  if (column == COL_TIME)
    width -= TIME_INSET;
  return last ? width : width - GUTTER;
}

static double
body_bottom (MpAgenda *self)
{
  return self->height - MARGIN_BOTTOM;
}

static void
layout_row (MpAgenda *self,
            Section  *s,
            Row      *row)
{
  double tallest = 0;

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      g_clear_object (&row->layouts[i]);
      if (s->widths[i] == 0)
        continue;

      row->layouts[i] = make_layout (self, &row->cells[i], i == COL_TOPICS ? s->base * 0.94 : s->base,
                                     column_width (self, s, i), PANGO_ALIGN_LEFT);
      pango_layout_set_spacing (row->layouts[i], (int) (s->base * 0.12 * PANGO_SCALE));
      if (i == COL_TOPICS)
        pango_layout_set_indent (row->layouts[i], (int) (-s->base * 0.94 * 0.9 * PANGO_SCALE));
      if (i == COL_PARTICIPANTS)
        {
          /* Names line up after the delegations' codes. */
          PangoTabArray *tabs = pango_tab_array_new_with_positions (1, FALSE, PANGO_TAB_LEFT,
                                                                    (int) (s->code_tab * PANGO_SCALE));

          pango_layout_set_tabs (row->layouts[i], tabs);
          pango_layout_set_indent (row->layouts[i], (int) (-s->code_tab * PANGO_SCALE));
          pango_tab_array_free (tabs);
        }
      tallest = MAX (tallest, layout_height (row->layouts[i]));
    }

  g_clear_object (&row->notes_layout);
  if (row->notes.text != NULL)
    {
      double topics = row->cells[COL_TOPICS].text[0] != '\0' ? layout_height (row->layouts[COL_TOPICS]) : 0;

      row->notes_layout = make_layout (self, &row->notes, s->base * 0.94,
                                       column_width (self, s, COL_TOPICS), PANGO_ALIGN_LEFT);
      pango_layout_set_spacing (row->notes_layout, (int) (s->base * 0.12 * PANGO_SCALE));
      row->notes_y = topics > 0 ? topics + s->base * 0.5 : 0;
      tallest = MAX (tallest, row->notes_y + layout_height (row->notes_layout));
    }

  row->height = ROW_PAD_TOP + tallest + ROW_PAD_BOTTOM;
}

static void
layout_section (MpAgenda *self,
                Section  *s)
{
  double width = text_width (self);

  section_clear_layouts (s);

  s->kicker_layout = make_layout (self, &s->kicker, 8.0, width, PANGO_ALIGN_LEFT);
  s->audience_layout = make_layout (self, &s->audience, s->audience_size, width, PANGO_ALIGN_LEFT);
  if (pango_layout_get_line_count (s->audience_layout) > 1)
    {
      /* A long name: a size smaller, rather than a word alone on a line. */
      g_object_unref (s->audience_layout);
      s->audience_layout = make_layout (self, &s->audience, s->audience_size * 0.82, width, PANGO_ALIGN_LEFT);
    }
  s->details_layout = make_layout (self, &s->details, 9.0, width, PANGO_ALIGN_LEFT);
  pango_layout_set_spacing (s->details_layout, 2 * PANGO_SCALE);
  s->title_height = layout_height (s->kicker_layout) + 3
                    + layout_height (s->audience_layout) + 5
                    + layout_height (s->details_layout) + 10
                    + 1.4 + 14;

  s->running_left_layout = make_layout (self, &s->running_left, 7.6, width * 0.6, PANGO_ALIGN_LEFT);
  pango_layout_set_ellipsize (s->running_left_layout, PANGO_ELLIPSIZE_END);
  s->running_right_layout = make_layout (self, &s->running_right, 7.6, width * 0.4, PANGO_ALIGN_RIGHT);
  pango_layout_set_ellipsize (s->running_right_layout, PANGO_ELLIPSIZE_END);
  s->running_height = MAX (layout_height (s->running_left_layout),
                           layout_height (s->running_right_layout)) + 5 + 0.5 + 16;

  s->columns_height = 0;
  for (guint i = 0; i < N_COLUMNS; i++)
    if (s->widths[i] > 0)
      {
        s->column_layouts[i] = make_layout (self, &s->columns[i], s->base, column_width (self, s, i), PANGO_ALIGN_LEFT);
        s->columns_height = MAX (s->columns_height, layout_height (s->column_layouts[i]));
      }
  s->columns_height += 4 + 0.8;

  s->empty_layout = make_layout (self, &s->empty, s->base, width, PANGO_ALIGN_LEFT);

  s->code_tab = s->base * 2.4;
  if (s->longest_code != NULL)
    {
      Rich code = rich_new (s->longest_code, &style_code, s->base);
      g_autoptr(PangoLayout) measure = make_layout (self, &code, s->base, -1, PANGO_ALIGN_LEFT);
      int code_width;

      pango_layout_get_size (measure, &code_width, NULL);
      s->code_tab = MAX (s->code_tab, (double) code_width / PANGO_SCALE + s->base * 0.7);
      rich_clear (&code);
    }

  s->day_height = 0;
  for (guint i = 0; i < s->days->len; i++)
    {
      Day *day = s->days->pdata[i];
      double size = self->layout == MP_AGENDA_LAYOUT_ROOM ? 14.0 : 12.5;

      g_clear_object (&day->layout);
      g_clear_object (&day->layout_continued);
      day->layout = make_layout (self, &day->heading, size, width, PANGO_ALIGN_LEFT);
      day->layout_continued = make_layout (self, &day->continued, size, width, PANGO_ALIGN_LEFT);
      s->day_height = MAX (s->day_height, layout_height (day->layout_continued) + 6);

      for (guint j = 0; j < day->rows->len; j++)
        layout_row (self, s, day->rows->pdata[j]);
    }
}

static Page *
current_page (MpAgenda *self)
{
  return self->pages->pdata[self->pages->len - 1];
}

static void
add_block (MpAgenda  *self,
           BlockKind  kind,
           double     height,
           gpointer   item)
{
  Block block = { kind, self->y, height, 0, FALSE, item };

  g_array_append_val (current_page (self)->blocks, block);
  self->y += height;
}

static void
page_free (gpointer data)
{
  Page *page = data;

  g_array_unref (page->blocks);
  g_free (page);
}

static void
new_page (MpAgenda *self,
          Section  *s,
          gboolean  first_of_section)
{
  Page *page = g_new0 (Page, 1);

  page->section = s;
  page->number = s->n_pages++;
  page->blocks = g_array_new (FALSE, FALSE, sizeof (Block));
  g_ptr_array_add (self->pages, page);

  self->y = MARGIN_TOP;
  add_block (self, first_of_section ? BLOCK_TITLE : BLOCK_RUNNING,
             first_of_section ? s->title_height : s->running_height, NULL);
}

static gboolean
page_has_rows (MpAgenda *self)
{
  Page *page = current_page (self);

  for (guint i = 0; i < page->blocks->len; i++)
    if (g_array_index (page->blocks, Block, i).kind == BLOCK_ROW)
      return TRUE;

  return FALSE;
}

static void
add_day_heading (MpAgenda *self,
                 Section  *s,
                 Day      *day,
                 gboolean  continued)
{
  if (page_has_rows (self))
    self->y += DAY_GAP;
  add_block (self, BLOCK_DAY, s->day_height, day);
  g_array_index (current_page (self)->blocks, Block, current_page (self)->blocks->len - 1).continued = continued;
  add_block (self, BLOCK_COLUMNS, s->columns_height, NULL);
}

/* A page that carries on with day: the running header, the day heading
 * marked as continued, the column titles. */
static void
continue_page (MpAgenda *self,
               Section  *s,
               Day      *day)
{
  new_page (self, s, FALSE);
  add_day_heading (self, s, day, TRUE);
}

/* The layouts of a row and how far below the row's padding each starts. */
static guint
row_pieces (Row         *row,
            PangoLayout *layouts[N_COLUMNS + 1],
            double       tops[N_COLUMNS + 1])
{
  guint n = 0;

  for (guint i = 0; i < N_COLUMNS; i++)
    if (row->layouts[i] != NULL)
      {
        layouts[n] = row->layouts[i];
        tops[n++] = ROW_PAD_TOP;
      }
  if (row->notes_layout != NULL)
    {
      layouts[n] = row->notes_layout;
      tops[n++] = ROW_PAD_TOP + row->notes_y;
    }

  return n;
}

static gboolean
can_break_at (Row    *row,
              double  y)
{
  PangoLayout *layouts[N_COLUMNS + 1];
  double tops[N_COLUMNS + 1];
  guint n = row_pieces (row, layouts, tops);

  for (guint i = 0; i < n; i++)
    {
      PangoLayoutIter *iter = pango_layout_get_iter (layouts[i]);

      do
        {
          int y0, y1;

          pango_layout_iter_get_line_yrange (iter, &y0, &y1);
          if (tops[i] + (double) y0 / PANGO_SCALE < y - 0.01 &&
              tops[i] + (double) y1 / PANGO_SCALE > y + 0.01)
            {
              pango_layout_iter_free (iter);
              return FALSE;
            }
        }
      while (pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);
    }

  return TRUE;
}

/* Where to end the part of a row taller than a page that starts at from,
 * when at most limit fits: the lowest line end that cuts through no line
 * of any cell. */
static double
row_break (Row    *row,
           double  from,
           double  limit)
{
  PangoLayout *layouts[N_COLUMNS + 1];
  double tops[N_COLUMNS + 1];
  guint n = row_pieces (row, layouts, tops);
  double best = from;

  if (limit >= row->height)
    return row->height;

  for (guint i = 0; i < n; i++)
    {
      PangoLayoutIter *iter = pango_layout_get_iter (layouts[i]);

      do
        {
          int y0, y1;
          double end;

          pango_layout_iter_get_line_yrange (iter, &y0, &y1);
          end = tops[i] + (double) y1 / PANGO_SCALE;
          if (end > best && end <= limit && can_break_at (row, end))
            best = end;
        }
      while (pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);
    }

  /* A single line taller than a page: cut it. */
  return best > from ? best : limit;
}

static void
place_row (MpAgenda *self,
           Section  *s,
           Day      *day,
           Row      *row)
{
  double fresh = body_bottom (self) - (MARGIN_TOP + s->running_height + s->day_height + s->columns_height);
  double offset = 0;

  if (self->y + row->height > body_bottom (self))
    {
      if (row->height <= fresh || body_bottom (self) - self->y < MIN_SLICE)
        continue_page (self, s, day);
    }

  row->extent.meeting_id = row->meeting_id;
  row->extent.first_page = self->pages->len - 1;
  row->extent.top = self->y;
  row->extent.height = row->height;

  /* A row that fits on a page never splits; a taller one goes on in parts
   * that end between lines. */
  for (;;)
    {
      double end = row_break (row, offset, offset + body_bottom (self) - self->y);
      Page *page = current_page (self);
      Block block = { BLOCK_ROW, self->y, end - offset, offset, FALSE, row };

      g_array_append_val (page->blocks, block);
      self->y += end - offset;
      offset = end;

      if (offset >= row->height)
        break;
      continue_page (self, s, day);
    }

  row->extent.last_page = self->pages->len - 1;
  row->extent.bottom = self->y;
  g_ptr_array_add (self->rows, row);
}

guint
mp_agenda_paginate (MpAgenda     *self,
                    PangoContext *context,
                    double        width,
                    double        height)
{
  g_return_val_if_fail (MP_IS_AGENDA (self), 0);
  g_return_val_if_fail (PANGO_IS_CONTEXT (context), 0);
  g_return_val_if_fail (width > 2 * MARGIN_X && height > MARGIN_TOP + MARGIN_BOTTOM, 0);

  clear_pagination (self);
  self->context = g_object_ref (context);
  self->width = width;
  self->height = height;
  self->pages = g_ptr_array_new_with_free_func (page_free);
  self->rows = g_ptr_array_new ();

  for (guint i = 0; i < self->sections->len; i++)
    {
      Section *s = self->sections->pdata[i];

      layout_section (self, s);
      s->n_pages = 0;
      new_page (self, s, TRUE);

      if (s->days->len == 0)
        add_block (self, BLOCK_EMPTY, layout_height (s->empty_layout), NULL);

      for (guint j = 0; j < s->days->len; j++)
        {
          Day *day = s->days->pdata[j];
          Row *first = day->rows->pdata[0];
          double need = DAY_GAP + s->day_height + s->columns_height + MIN (first->height, MIN_SLICE);

          /* A day heading never ends a page. */
          if (self->y + need > body_bottom (self) && page_has_rows (self))
            new_page (self, s, FALSE);
          add_day_heading (self, s, day, FALSE);

          for (guint k = 0; k < day->rows->len; k++)
            place_row (self, s, day, day->rows->pdata[k]);
        }
    }

  return self->pages->len;
}

guint
mp_agenda_get_n_pages (MpAgenda *self)
{
  g_return_val_if_fail (MP_IS_AGENDA (self), 0);

  return self->pages != NULL ? self->pages->len : 0;
}

guint
mp_agenda_get_n_rows (MpAgenda *self)
{
  g_return_val_if_fail (MP_IS_AGENDA (self), 0);

  return self->rows != NULL ? self->rows->len : 0;
}

void
mp_agenda_get_row_extent (MpAgenda          *self,
                          guint              row,
                          MpAgendaRowExtent *extent)
{
  g_return_if_fail (MP_IS_AGENDA (self));
  g_return_if_fail (self->rows != NULL && row < self->rows->len);

  *extent = ((Row *) self->rows->pdata[row])->extent;
}

void
mp_agenda_get_body (MpAgenda *self,
                    double   *top,
                    double   *bottom)
{
  g_return_if_fail (MP_IS_AGENDA (self));

  *top = MARGIN_TOP;
  *bottom = body_bottom (self);
}

/* Drawing */

static void
set_color (cairo_t *cr,
           guint32  color)
{
  cairo_set_source_rgb (cr,
                        ((color >> 16) & 0xff) / 255.0,
                        ((color >> 8) & 0xff) / 255.0,
                        (color & 0xff) / 255.0);
}

static void
show_layout (cairo_t     *cr,
             PangoLayout *layout,
             double       x,
             double       y,
             guint32      color)
{
  set_color (cr, color);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
hline (cairo_t *cr,
       double   x0,
       double   x1,
       double   y,
       double   width,
       guint32  color)
{
  set_color (cr, color);
  cairo_set_line_width (cr, width);
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
  cairo_stroke (cr);
}

static void
draw_title (MpAgenda *self,
            cairo_t  *cr,
            Section  *s,
            double    y)
{
  show_layout (cr, s->kicker_layout, MARGIN_X, y, ACCENT);
  y += layout_height (s->kicker_layout) + 3;
  show_layout (cr, s->audience_layout, MARGIN_X, y, INK);
  y += layout_height (s->audience_layout) + 5;
  show_layout (cr, s->details_layout, MARGIN_X, y, MUTED);
  y += layout_height (s->details_layout) + 10;
  hline (cr, MARGIN_X, self->width - MARGIN_X, y + 0.7, 1.4, ACCENT);
}

static void
draw_running (MpAgenda *self,
              cairo_t  *cr,
              Section  *s,
              double    y)
{
  double height = MAX (layout_height (s->running_left_layout), layout_height (s->running_right_layout));

  show_layout (cr, s->running_left_layout, MARGIN_X, y, MUTED);
  show_layout (cr, s->running_right_layout, MARGIN_X + text_width (self) * 0.6, y, MUTED);
  hline (cr, MARGIN_X, self->width - MARGIN_X, y + height + 5.25, 0.5, RULE);
}

static void
draw_columns (MpAgenda *self,
              cairo_t  *cr,
              Section  *s,
              double    y)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    if (s->column_layouts[i] != NULL)
      show_layout (cr, s->column_layouts[i], column_x (self, s, i), y, MUTED);

  hline (cr, MARGIN_X, self->width - MARGIN_X, y + s->columns_height - 0.4, 0.8, INK);
}

static void
draw_row (MpAgenda *self,
          cairo_t  *cr,
          Section  *s,
          Block    *block)
{
  Row *row = block->item;

  cairo_save (cr);
  cairo_rectangle (cr, 0, block->y, self->width, block->height);
  cairo_clip (cr);
  cairo_translate (cr, 0, block->y - block->offset);

  /* The kind, as a thin bar in its colour. */
  set_color (cr, kind_colors[row->kind]);
  cairo_rectangle (cr, MARGIN_X, ROW_PAD_TOP + 1, KIND_BAR, row->height - ROW_PAD_TOP - ROW_PAD_BOTTOM - 1);
  cairo_fill (cr);

  for (guint i = 0; i < N_COLUMNS; i++)
    if (row->layouts[i] != NULL)
      show_layout (cr, row->layouts[i], column_x (self, s, i), ROW_PAD_TOP,
                   row->cancelled ? FAINT : INK);
  if (row->notes_layout != NULL)
    show_layout (cr, row->notes_layout, column_x (self, s, COL_TOPICS), ROW_PAD_TOP + row->notes_y, MUTED);

  cairo_restore (cr);

  /* The part of a row taller than a page says again what it belongs to. */
  if (block->offset > 0)
    for (Column i = COL_TIME; i <= COL_MEETING; i++)
      if (layout_height (row->layouts[i]) + ROW_PAD_TOP < block->height &&
          layout_height (row->layouts[i]) < block->offset)
        show_layout (cr, row->layouts[i], column_x (self, s, i), block->y + ROW_PAD_TOP, FAINT);

  if (block->offset + block->height >= row->height)
    hline (cr, MARGIN_X, self->width - MARGIN_X, block->y + block->height - 0.25, 0.5, RULE);
}

static void
draw_footer (MpAgenda *self,
             cairo_t  *cr,
             guint     page)
{
  double y = self->height - MARGIN_BOTTOM + 18;
  /* TRANSLATORS: the date and time an agenda was printed, in the footer;
   * see g_date_time_format () */
  g_autofree char *date = g_date_time_format (self->printed, _("Printed %-d %B %Y at %H:%M"));
  /* TRANSLATORS: in the footer of every page */
  Page *p = self->pages->pdata[page];
  /* Each delegation's agenda and each door card is handed out alone: its
   * pages are counted on their own. */
  g_autofree char *number = g_strdup_printf (_("Page %u of %u"), p->number + 1, p->section->n_pages);
  Rich left = rich_new (date, NULL, 7.4);
  Rich right = rich_new (number, NULL, 7.4);
  g_autoptr(PangoLayout) l = make_layout (self, &left, 7.4, text_width (self) * 0.7, PANGO_ALIGN_LEFT);
  g_autoptr(PangoLayout) r = make_layout (self, &right, 7.4, text_width (self) * 0.3, PANGO_ALIGN_RIGHT);

  hline (cr, MARGIN_X, self->width - MARGIN_X, y, 0.5, RULE);
  show_layout (cr, l, MARGIN_X, y + 5, FAINT);
  show_layout (cr, r, MARGIN_X + text_width (self) * 0.7, y + 5, MUTED);

  rich_clear (&left);
  rich_clear (&right);
}

void
mp_agenda_draw_page (MpAgenda *self,
                     cairo_t  *cr,
                     guint     page_nr)
{
  Page *page;

  g_return_if_fail (MP_IS_AGENDA (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (self->pages != NULL && page_nr < self->pages->len);

  page = self->pages->pdata[page_nr];

  cairo_save (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);

  for (guint i = 0; i < page->blocks->len; i++)
    {
      Block *block = &g_array_index (page->blocks, Block, i);
      Day *day = block->item;

      switch (block->kind)
        {
        case BLOCK_TITLE:
          draw_title (self, cr, page->section, block->y);
          break;
        case BLOCK_RUNNING:
          draw_running (self, cr, page->section, block->y);
          break;
        case BLOCK_DAY:
          show_layout (cr, block->continued ? day->layout_continued : day->layout,
                       MARGIN_X, block->y, ACCENT);
          break;
        case BLOCK_COLUMNS:
          draw_columns (self, cr, page->section, block->y);
          break;
        case BLOCK_ROW:
          draw_row (self, cr, page->section, block);
          break;
        case BLOCK_EMPTY:
          show_layout (cr, page->section->empty_layout, MARGIN_X, block->y, MUTED);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  draw_footer (self, cr, page_nr);

  cairo_restore (cr);
}

/* PDF */

typedef struct
{
  GOutputStream *stream;
  GError        *error;
} Writer;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  Writer *writer = closure;

  if (writer->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (writer->stream, data, length, NULL, NULL, &writer->error))
    return CAIRO_STATUS_WRITE_ERROR;

  return CAIRO_STATUS_SUCCESS;
}

/* Bookmarks: each section (when there are several) and each day. */
static void
add_outline (MpAgenda        *self,
             cairo_surface_t *surface)
{
  int parent = CAIRO_PDF_OUTLINE_ROOT;

  for (guint p = 0; p < self->pages->len; p++)
    {
      Page *page = self->pages->pdata[p];
      g_autofree char *link = g_strdup_printf ("page=%u", p + 1);

      for (guint i = 0; i < page->blocks->len; i++)
        {
          Block *block = &g_array_index (page->blocks, Block, i);

          if (block->kind == BLOCK_TITLE && self->sections->len > 1)
            parent = cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT,
                                                    page->section->audience.text, link, 0);
          else if (block->kind == BLOCK_DAY && !block->continued)
            cairo_pdf_surface_add_outline (surface, parent,
                                           ((Day *) block->item)->heading.text, link, 0);
        }
    }
}

/* Draws every page, paginated for paper, into stream (left open). */
static gboolean
render_pdf (MpAgenda       *self,
            GOutputStream  *stream,
            MpPaper         paper,
            GError        **error)
{
  PangoContext *context;
  g_autofree char *date = NULL;
  cairo_font_options_t *options;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  Writer writer = { stream, NULL };
  double width, height;

  mp_paper_get_size (paper, &width, &height);
  surface = cairo_pdf_surface_create_for_stream (write_cb, &writer, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, PACKAGE_NAME " " PACKAGE_VERSION);
  date = g_date_time_format_iso8601 (self->printed);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);

  cr = cairo_create (surface);
  context = pango_cairo_create_context (cr);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);

  mp_agenda_paginate (self, context, width, height);
  add_outline (self, surface);
  for (guint i = 0; i < self->pages->len; i++)
    {
      mp_agenda_draw_page (self, cr, i);
      cairo_show_page (cr);
    }

  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (writer.error != NULL)
    {
      g_propagate_error (error, writer.error);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error_literal (error, MP_AGENDA_ERROR, MP_AGENDA_ERROR_WRITE, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

gboolean
mp_agenda_write_pdf (MpAgenda  *self,
                     GFile     *file,
                     MpPaper    paper,
                     GError   **error)
{
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GOutputStream) buffered = NULL;
  g_autoptr(GCancellable) abort = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (MP_IS_AGENDA (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  name = g_file_get_parse_name (file);
  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, error);
  if (out == NULL)
    return FALSE;
  buffered = g_buffered_output_stream_new_sized (G_OUTPUT_STREAM (out), 64 * 1024);

  if (!render_pdf (self, buffered, paper, &local_error))
    {
      /* Keep the old file: a cancelled close drops the new one. */
      abort = g_cancellable_new ();
      g_cancellable_cancel (abort);
      g_output_stream_close (buffered, abort, NULL);

      g_set_error (error, MP_AGENDA_ERROR, MP_AGENDA_ERROR_WRITE,
                   _("Could not write “%s”: %s"), name, local_error->message);
      return FALSE;
    }

  if (!g_output_stream_close (buffered, NULL, &local_error))
    {
      g_set_error (error, MP_AGENDA_ERROR, MP_AGENDA_ERROR_WRITE,
                   _("Could not write “%s”: %s"), name, local_error->message);
      return FALSE;
    }

  return TRUE;
}

GBytes *
mp_agenda_to_pdf (MpAgenda  *self,
                  MpPaper    paper,
                  GError   **error)
{
  g_autoptr(GOutputStream) out = NULL;

  g_return_val_if_fail (MP_IS_AGENDA (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  out = g_memory_output_stream_new_resizable ();
  if (!render_pdf (self, out, paper, error) || !g_output_stream_close (out, NULL, error))
    return NULL;

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}
