/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "mp-history.h"
#include "mp-record-row.h"

G_BEGIN_DECLS

/* What the delegations, people, rooms and requests pages share: the
 * style sheet, a form that shows a record's properties in rows and writes
 * edits through the history, the factory of their list rows, a debounced
 * watch of the plan, the confirmation of a removal, and removals that
 * cascade. */

void        mp_pages_ensure_style       (void);

/* The form: shows a record's properties in rows; each edit is one undo
 * step, except on a draft (a record not yet in the plan). */
typedef gboolean (*MpFormCheck) (const char  *text,
                                 gpointer     data,
                                 char       **message);

typedef struct _MpForm MpForm;

/* label names the undo steps of its edits ("Edit Delegation"). */
MpForm     *mp_form_new                 (const char    *label);
void        mp_form_free                (MpForm        *form);
/* A draft is edited directly; other records through history. */
void        mp_form_set_target          (MpForm        *form,
                                         MpHistory     *history,
                                         gpointer       record,
                                         gboolean       draft);
gpointer    mp_form_get_target          (MpForm        *form);
void        mp_form_add_entry           (MpForm        *form,
                                         AdwEntryRow   *row,
                                         const char    *property,
                                         gboolean       optional,
                                         MpFormCheck    check,
                                         gpointer       check_data);
void        mp_form_add_combo           (MpForm        *form,
                                         AdwComboRow   *row,
                                         const char    *property);
/* An optional MpTime property, typed as a local time of the conference. */
void        mp_form_add_time            (MpForm        *form,
                                         AdwEntryRow   *row,
                                         const char    *property);
void        mp_form_add_spin            (MpForm        *form,
                                         GtkSpinButton *spin,
                                         const char    *property);
/* Writes what is typed but not yet applied; FALSE when a field is invalid. */
gboolean    mp_form_apply               (MpForm        *form);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MpForm, mp_form_free)

/* The labels of an enum's values, in order, for an AdwComboRow. */
GListModel *mp_enum_label_model_new     (GType          enum_type,
                                         const char  *(*label) (int value));

/* A list item factory of MpRecordRow: fill sets a row from its item; it is
 * called on bind and again for every bound row on refresh. */
typedef void (*MpFillRow)  (gpointer     page,
                            MpRecordRow *row,
                            gpointer     item);
typedef void (*MpSetupRow) (gpointer     page,
                            GtkListItem *list_item,
                            MpRecordRow *row);

GtkListItemFactory *mp_record_row_factory_new     (gpointer            page,
                                                   MpFillRow           fill,
                                                   MpSetupRow          setup);
void                mp_record_row_factory_refresh (GtkListItemFactory *factory);

/* Calls callback (page) once, soon after the plan changed; while page is
 * not mapped, once it is mapped again. */
typedef struct
{
  MpPlan      *plan;
  gulong       handler;
  gulong       map_handler;
  guint        idle;
  gboolean     stale;
  GSourceFunc  callback;
  gpointer     data;
} MpPlanWatch;

void        mp_plan_watch_set_plan      (MpPlanWatch   *watch,
                                         MpPlan        *plan,
                                         GSourceFunc    callback,
                                         GtkWidget     *page);
void        mp_plan_watch_clear         (MpPlanWatch   *watch);
/* Runs a pending callback now (tests, and before a removal). */
void        mp_plan_watch_flush         (MpPlanWatch   *watch);

/* Asks before a removal: heading, body, and the meetings concerned as a
 * list whose rows show a meeting in the window (win.show-meeting).
 * response is called with TRUE when the user confirmed. */
typedef void (*MpConfirmFunc) (gpointer data,
                               gboolean confirmed);

GtkWidget  *mp_pages_confirm_removal    (GtkWidget     *parent,
                                         const char    *heading,
                                         const char    *body,
                                         GPtrArray     *meetings,
                                         MpPlan        *plan,
                                         MpConfirmFunc  response,
                                         gpointer       data,
                                         GDestroyNotify destroy);

/* The meetings (cancelled ones too) of any of participants. */
GPtrArray  *mp_pages_meetings_of        (MpPlan        *plan,
                                         GPtrArray     *participants);
/* Removes participants, takes them out of their meetings and requests,
 * and removes requests left with fewer than two people. Call it between
 * mp_history_begin () and mp_history_end (). */
void        mp_pages_remove_participants (MpHistory    *history,
                                          GPtrArray    *participants);

/* Removes request, and clears the meetings that name it (between
 * mp_history_begin () and mp_history_end ()). */
void        mp_pages_remove_request     (MpHistory     *history,
                                         MpRequest     *request);

/* "Thu 24 April, 11:00–11:45", in the meeting's zone. */
char       *mp_pages_format_meeting_time (MpMeeting    *meeting);
/* Local times of the conference zone as typed: "2014-04-23 14:00". */
char       *mp_pages_format_local       (const MpTime  *time);
gboolean    mp_pages_parse_local        (MpPlan        *plan,
                                         const char    *text,
                                         MpTime        *out,
                                         char         **message);
/* The strv without (or with) one string. */
char      **mp_strv_without             (const char * const *strv,
                                         const char         *string);
char      **mp_strv_with                (const char * const *strv,
                                         const char         *string);

G_END_DECLS

G_BEGIN_DECLS

/* Finds the position of item in model, or GTK_INVALID_LIST_POSITION. */
guint       mp_pages_find_position      (GListModel    *model,
                                         gpointer       item);
/* A single selection's item is item (none when item is not shown). */
void        mp_pages_select_item        (GtkSingleSelection *selection,
                                         gpointer            item);
/* Checks for a form: an IANA zone name. */
gboolean    mp_pages_check_zone         (const char    *text,
                                         gpointer       data,
                                         char         **message);

G_END_DECLS
