/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "mp-plan.h"

G_BEGIN_DECLS

#define MP_PLAN_FILE_FORMAT  "ministerial-plan"
#define MP_PLAN_FILE_VERSION 1

/* Errors are in MP_PLAN_ERROR and name the file (display_name), then the
 * line and column, or the object and member, and what is wrong. */
MpPlan   *mp_plan_file_load_data (const char  *data,
                                  gsize        length,
                                  const char  *display_name,
                                  GError     **error);
MpPlan   *mp_plan_file_load      (GFile       *file,
                                  GError     **error);

/* Readies the plan for its attendees' calendars: gives a uid to meetings
 * that have none, and raises the sequence of meetings rescheduled since
 * the last save. Save calls it; exports that write the plan back do too. */
void      mp_plan_file_prepare   (MpPlan      *plan);
char     *mp_plan_file_to_data   (MpPlan      *plan,
                                  gsize       *length);
/* Atomic: the old file or the new one, never half; the old one is kept as
 * NAME~; a new file is readable by its owner only. */
gboolean  mp_plan_file_save      (MpPlan      *plan,
                                  GFile       *file,
                                  GError     **error);

G_END_DECLS
