/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mp-history.h"
#include "mp-plan.h"

G_BEGIN_DECLS

/* The scheduler places requests (file-format.md, "requests") into rooms and
 * times on the conference's slot grid. It never moves a locked meeting and
 * never creates a conflict. It places every required request it can, then
 * maximises the weighted score; it keeps the requests already placed unless
 * moving an unlocked placement of its own lets more weight be placed. The
 * same plan and options give the same result.
 *
 * mp_scheduler_run () leaves the plan as it is: apply the result with
 * mp_schedule_result_apply (), through a history to make it one undo step. */

typedef enum
{
  MP_SCHEDULE_OPTIMIZE,     /* greedy by priority and difficulty, then local search */
  MP_SCHEDULE_FIRST_FIT,    /* by priority, then file order, each at the first free time
                             * and room: a baseline */
} MpScheduleStrategy;

/* The default effort: about two thirds of a second for a UN General
 * Assembly week (1,500 requests) on a 2-core laptop. Plans of up to 200
 * requests, whose steps cost little, get eight searches of
 * MP_SCHEDULE_SMALL_EFFORT each. */
#define MP_SCHEDULE_DEFAULT_EFFORT 28000
#define MP_SCHEDULE_SMALL_EFFORT   25000

typedef struct
{
  MpScheduleStrategy strategy;
  guint32            seed;            /* of the search's random choices */
  guint              effort;          /* the work of a search, in thousands of
                                       * candidates looked at; 0: the default */
  guint              time_limit_ms;   /* a cap on the improvement; 0: none.
                                       * A run that hits it may differ from one
                                       * that does not. */
  gboolean           keep_placements; /* never move a request already placed */
} MpScheduleOptions;

/* Why a request could not be placed, from the most basic to the least. */
typedef enum
{
  MP_SCHEDULE_REASON_INVALID,         /* fewer than two participants, or no duration */
  MP_SCHEDULE_REASON_NO_ROOM_KIND,    /* no room serves the request's kind */
  MP_SCHEDULE_REASON_NO_ROOM_SIZE,    /* no room of the kind seats everyone */
  MP_SCHEDULE_REASON_OUTSIDE_HOURS,   /* the window holds no slot inside the day's hours */
  MP_SCHEDULE_REASON_UNAVAILABLE,     /* a participant is unavailable all through the window */
  MP_SCHEDULE_REASON_NO_COMMON_TIME,  /* the participants' available times never overlap */
  MP_SCHEDULE_REASON_BUSY,            /* a participant's fixed meetings fill the window */
  MP_SCHEDULE_REASON_NO_SHARED_FREE,  /* the participants' free times never overlap */
  MP_SCHEDULE_REASON_NO_FREE_ROOM,    /* all are free at times, but no suitable room is */
  MP_SCHEDULE_REASON_COMPETITION,     /* placed requests take those people, rooms and times */
} MpScheduleReasonKind;

#define MP_TYPE_SCHEDULE_REASON (mp_schedule_reason_get_type ())

G_DECLARE_FINAL_TYPE (MpScheduleReason, mp_schedule_reason, MP, SCHEDULE_REASON, GObject)

/* The request left unplaced, why, and the ids involved: participants for
 * UNAVAILABLE, NO_COMMON_TIME, BUSY and NO_SHARED_FREE; requests for
 * COMPETITION; none for the others. The description is a sentence for
 * people, translated. */
const char           *mp_schedule_reason_get_request     (MpScheduleReason *self);
MpScheduleReasonKind  mp_schedule_reason_get_kind        (MpScheduleReason *self);
const char * const   *mp_schedule_reason_get_ids         (MpScheduleReason *self);
const char           *mp_schedule_reason_get_description (MpScheduleReason *self);
const char           *mp_schedule_reason_kind_to_nick    (MpScheduleReasonKind kind);

#define MP_TYPE_SCHEDULE_RESULT (mp_schedule_result_get_type ())

G_DECLARE_FINAL_TYPE (MpScheduleResult, mp_schedule_result, MP, SCHEDULE_RESULT, GObject)

/* Requests and placed requests of one priority. */
guint       mp_schedule_result_get_n_requests (MpScheduleResult *self,
                                               MpPriority        priority);
guint       mp_schedule_result_get_n_placed   (MpScheduleResult *self,
                                               MpPriority        priority);
/* The weight of the placed requests, and of all. */
gint64      mp_schedule_result_get_score      (MpScheduleResult *self);
gint64      mp_schedule_result_get_max_score  (MpScheduleResult *self);
double      mp_schedule_result_get_seconds    (MpScheduleResult *self);

/* The new meetings (MpMeeting, not yet in the plan before apply), in the
 * order of their requests. */
GPtrArray  *mp_schedule_result_get_added      (MpScheduleResult *self);
/* The placements to move: meeting (in the plan), new room, new instants. */
guint       mp_schedule_result_get_n_moves    (MpScheduleResult *self);
MpMeeting  *mp_schedule_result_get_move       (MpScheduleResult *self,
                                               guint             index,
                                               const char      **room,
                                               gint64           *start,
                                               gint64           *end);
/* TRUE when applying would change the plan. */
gboolean    mp_schedule_result_get_changed    (MpScheduleResult *self);
/* The requests left unplaced: MpScheduleReason, in file order. */
GListModel *mp_schedule_result_get_unplaced   (MpScheduleResult *self);

/* Adds the new meetings and moves the moved ones; through history when
 * given, as one step. Apply once, to the plan the result was made for. */
gboolean    mp_schedule_result_apply          (MpScheduleResult *self,
                                               MpPlan           *plan,
                                               MpHistory        *history,
                                               GError          **error);

/* NULL only when cancelled (error set). options may be NULL. */
MpScheduleResult *mp_scheduler_run (MpPlan                  *plan,
                                    const MpScheduleOptions *options,
                                    GCancellable            *cancellable,
                                    GError                 **error);

G_END_DECLS
