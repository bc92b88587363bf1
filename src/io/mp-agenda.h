/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include <pango/pango.h>

#include "mp-plan.h"

G_BEGIN_DECLS

#define MP_AGENDA_ERROR (mp_agenda_error_quark ())

typedef enum
{
  MP_AGENDA_ERROR_UNKNOWN_ID,      /* --for names nothing in the plan */
  MP_AGENDA_ERROR_UNKNOWN_LAYOUT,  /* not run-of-show, agenda or room */
  MP_AGENDA_ERROR_UNKNOWN_PAPER,   /* not a4 or letter */
  MP_AGENDA_ERROR_WRONG_LAYOUT,    /* a door card for a person, say */
  MP_AGENDA_ERROR_WRITE,           /* the PDF could not be written */
} MpAgendaError;

/* What the pages show. The nicks ("run-of-show", "agenda", "room") are the
 * words of the command line. */
typedef enum
{
  MP_AGENDA_LAYOUT_RUN_OF_SHOW,  /* day by day, every meeting: organisers */
  MP_AGENDA_LAYOUT_AGENDA,       /* a delegation's or a person's schedule */
  MP_AGENDA_LAYOUT_ROOM,         /* a door card per room */
} MpAgendaLayout;

typedef enum
{
  MP_PAPER_A4,
  MP_PAPER_LETTER,
} MpPaper;

/* One row of the table: where it fell. A row lies on one page
 * (first_page == last_page) unless it is taller than a page. */
typedef struct
{
  const char *meeting_id;
  guint       first_page;
  guint       last_page;
  double      top;         /* on first_page, from the top of the paper */
  double      bottom;      /* on last_page */
  double      height;      /* the whole row */
} MpAgendaRowExtent;

#define MP_TYPE_AGENDA (mp_agenda_get_type ())

/* Paginated agendas drawn with Pango and Cairo. The same pages go to a PDF
 * file and to a printer: paginate for a page size with the PangoContext of
 * the target, then draw any page on any cairo_t whose user unit is the
 * point (GtkPrintOperation: use-full-page, unit GTK_UNIT_POINTS). */
G_DECLARE_FINAL_TYPE (MpAgenda, mp_agenda, MP, AGENDA, GObject)

GQuark          mp_agenda_error_quark        (void);

const char     *mp_agenda_layout_to_nick     (MpAgendaLayout      layout);
gboolean        mp_agenda_layout_from_nick   (const char         *nick,
                                              MpAgendaLayout     *layout,
                                              GError            **error);
gboolean        mp_paper_from_nick           (const char         *nick,
                                              MpPaper            *paper,
                                              GError            **error);
/* In points. */
void            mp_paper_get_size            (MpPaper             paper,
                                              double             *width,
                                              double             *height);

/* The layout that suits for_id: the run of show for NULL, the agenda for a
 * delegation or a person, the door card for a room. Fails, naming the
 * nearest ids, when the plan has no such id. */
gboolean        mp_agenda_default_layout     (MpPlan             *plan,
                                              const char         *for_id,
                                              MpAgendaLayout     *layout,
                                              GError            **error);

/* for_id: NULL for the whole plan (the agenda layout then gives every
 * delegation's agenda, the room layout every room's door card, each from a
 * new page and numbering its own pages), or the id of a delegation, a
 * person or a room (the agenda layout takes a delegation or a person, the
 * room layout a room, the run of show any of them and keeps their
 * meetings). The agenda takes what it needs from the plan now: later edits
 * of the plan do not change it. */
MpAgenda       *mp_agenda_new                (MpPlan             *plan,
                                              MpAgendaLayout      layout,
                                              const char         *for_id,
                                              GError            **error);
MpAgendaLayout  mp_agenda_get_layout         (MpAgenda           *self);
/* "North American Defense Ministerial 2014: Agenda of Chuck Hagel", for a
 * print job or a PDF's metadata. */
const char     *mp_agenda_get_title          (MpAgenda           *self);
/* The date printed in the footer; default: now, or SOURCE_DATE_EPOCH. */
void            mp_agenda_set_printed        (MpAgenda           *self,
                                              GDateTime          *printed);

/* Lays the pages out for paper of width × height (in the units of the
 * cairo_t the pages will be drawn on: points) with fonts from context,
 * and returns the number of pages. Paginate again for another size. */
guint           mp_agenda_paginate           (MpAgenda           *self,
                                              PangoContext       *context,
                                              double              width,
                                              double              height);
guint           mp_agenda_get_n_pages        (MpAgenda           *self);
void            mp_agenda_draw_page          (MpAgenda           *self,
                                              cairo_t            *cr,
                                              guint               page);

/* Paginates for paper and writes every page to file, atomically. */
gboolean        mp_agenda_write_pdf          (MpAgenda           *self,
                                              GFile              *file,
                                              MpPaper             paper,
                                              GError            **error);
/* The same PDF, in memory: for a caller that writes the file itself (with
 * a mode of its own, say). */
GBytes         *mp_agenda_to_pdf             (MpAgenda           *self,
                                              MpPaper             paper,
                                              GError            **error);

/* Where the rows of the last pagination fell, in order. */
guint           mp_agenda_get_n_rows         (MpAgenda           *self);
void            mp_agenda_get_row_extent     (MpAgenda           *self,
                                              guint               row,
                                              MpAgendaRowExtent  *extent);
/* The band of the paper rows may use: between the header and the footer. */
void            mp_agenda_get_body           (MpAgenda           *self,
                                              double             *top,
                                              double             *bottom);

G_END_DECLS
