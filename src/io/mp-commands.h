/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mp-export-each.h"
#include "mp-plan.h"

G_BEGIN_DECLS

/* The headless commands of the command line. Each prints its result on
 * stdout and its errors on stderr, and returns the exit status: 0 done,
 * 1 the plan has conflicts or unplaced requests, 2 bad input or usage. */
typedef struct
{
  const char *plan_path;
  const char *output;       /* -o, --output */
  const char *for_id;       /* --for: a delegation, person or room */
  const char *layout;       /* --layout */
  const char *paper;        /* --paper: a4 or letter */
  const char *busy;         /* --busy: a participant */
  gboolean    json;         /* --json */
  gboolean    rooms;        /* --rooms, with --each */
} MpCommandOptions;

#define MP_EXIT_OK        0
#define MP_EXIT_FINDINGS  1
#define MP_EXIT_BAD_INPUT 2

int  mp_command_check (const MpCommandOptions *options);
int  mp_command_schedule (const MpCommandOptions *options);

/* Shared by the commands: loads options->plan_path or prints why not. */
MpPlan  *mp_command_load_plan (const MpCommandOptions *options);
void     mp_command_error     (const char             *format,
                               ...) G_GNUC_PRINTF (1, 2);
/* The ids of the plan's delegations, participants and rooms nearest to id
 * (edit distance, case ignored), each in the language's quotation marks,
 * joined with its list separator; NULL when none is near. For "did you mean" after an unknown --for or --busy. */
char    *mp_command_suggest_ids (MpPlan               *plan,
                                 const char           *id);

/* .ics calendars (mp-commands-ics.c) */
int  mp_command_export_ics (const MpCommandOptions *options,
                            const char             *output);
int  mp_command_import_ics (const MpCommandOptions *options,
                            const char             *ics_path);
/* Gives the meetings without a calendar uid one and saves the plan to
 * plan_path (n_new_uids > 0), or the next export would give them other
 * uids and every subscribed calendar would hold them twice. FALSE, said
 * on stderr, when the plan could not be saved. */
gboolean mp_command_keep_uids (MpPlan                *plan,
                               const char            *plan_path,
                               guint                 *n_new_uids);
/* On stdout, when n_new_uids > 0: that the plan was saved with them. */
void     mp_command_say_new_uids (const char         *plan_path,
                                  guint               n_new_uids);

/* Printable agendas (mp-commands-pdf.c) */
int  mp_command_export_pdf (const MpCommandOptions *options,
                            const char             *output);

/* A file for every delegation and every person (mp-commands-each.c) */
int  mp_command_export_each (const MpCommandOptions *options,
                             const char             *folder,
                             MpExportEachKind        kind);

G_END_DECLS
