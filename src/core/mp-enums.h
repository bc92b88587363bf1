/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The nicks GLib derives from these names ("pull-aside", "working-meal")
 * are exactly the strings of the plan file, so the file layer reads and
 * writes them with g_enum_get_value_by_nick (). Keep the order: it is the
 * order of file-format.md. */

typedef enum
{
  MP_MEETING_KIND_PLENARY,
  MP_MEETING_KIND_MULTILATERAL,
  MP_MEETING_KIND_TRILATERAL,
  MP_MEETING_KIND_BILATERAL,
  MP_MEETING_KIND_PULL_ASIDE,
  MP_MEETING_KIND_WORKING_MEAL,
  MP_MEETING_KIND_PRESS,
  MP_MEETING_KIND_CEREMONY,
  MP_MEETING_KIND_TRAVEL,
  MP_MEETING_KIND_OTHER,
} MpMeetingKind;

#define MP_N_MEETING_KINDS (MP_MEETING_KIND_OTHER + 1)

typedef enum
{
  MP_MEETING_STATUS_TENTATIVE,
  MP_MEETING_STATUS_CONFIRMED,
  MP_MEETING_STATUS_CANCELLED,
} MpMeetingStatus;

typedef enum
{
  MP_ROLE_PRINCIPAL,
  MP_ROLE_DELEGATE,
  MP_ROLE_STAFF,
  MP_ROLE_PRESS,
  MP_ROLE_INTERPRETER,
  MP_ROLE_SECURITY,
} MpRole;

typedef enum
{
  MP_PRIORITY_REQUIRED,
  MP_PRIORITY_HIGH,
  MP_PRIORITY_NORMAL,
  MP_PRIORITY_LOW,
} MpPriority;

typedef enum
{
  MP_CONFLICT_KIND_PARTICIPANT_OVERLAP,
  MP_CONFLICT_KIND_ROOM_OVERLAP,
  MP_CONFLICT_KIND_UNAVAILABLE,
  MP_CONFLICT_KIND_TRAVEL,
  MP_CONFLICT_KIND_CAPACITY,
} MpConflictKind;

/* The file's string for a value ("working-meal"), and back. */
const char *mp_enum_to_nick   (GType        enum_type,
                               int          value);
gboolean    mp_enum_from_nick (GType        enum_type,
                               const char  *nick,
                               int         *value);

/* Words for people, translated ("Working meal"). */
const char *mp_meeting_kind_label   (MpMeetingKind   kind);
const char *mp_meeting_status_label (MpMeetingStatus status);
const char *mp_role_label           (MpRole          role);
const char *mp_priority_label       (MpPriority      priority);
const char *mp_conflict_kind_label  (MpConflictKind  kind);

int         mp_priority_weight      (MpPriority      priority);

G_END_DECLS
