/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mp-enums"

#include "config.h"

#include <glib/gi18n.h>
#include <glib-object.h>

#include "mp-enums.h"

const char *
mp_enum_to_nick (GType enum_type,
                 int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *ev = g_enum_get_value (klass, value);

  return ev != NULL ? ev->value_nick : NULL;
}

gboolean
mp_enum_from_nick (GType       enum_type,
                   const char *nick,
                   int        *value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *ev;

  g_return_val_if_fail (nick != NULL, FALSE);

  ev = g_enum_get_value_by_nick (klass, nick);
  if (ev == NULL)
    return FALSE;

  if (value != NULL)
    *value = ev->value;
  return TRUE;
}

const char *
mp_meeting_kind_label (MpMeetingKind kind)
{
  switch (kind)
    {
    case MP_MEETING_KIND_PLENARY:      return _("Plenary");
    case MP_MEETING_KIND_MULTILATERAL: return _("Multilateral");
    case MP_MEETING_KIND_TRILATERAL:   return _("Trilateral");
    case MP_MEETING_KIND_BILATERAL:    return _("Bilateral");
    case MP_MEETING_KIND_PULL_ASIDE:   return _("Pull-aside");
    case MP_MEETING_KIND_WORKING_MEAL: return _("Working meal");
    case MP_MEETING_KIND_PRESS:        return _("Press");
    case MP_MEETING_KIND_CEREMONY:     return _("Ceremony");
    case MP_MEETING_KIND_TRAVEL:       return _("Travel");
    case MP_MEETING_KIND_OTHER:        return _("Other");
    default:                           g_return_val_if_reached (NULL);
    }
}

const char *
mp_meeting_status_label (MpMeetingStatus status)
{
  switch (status)
    {
    case MP_MEETING_STATUS_TENTATIVE: return _("Tentative");
    case MP_MEETING_STATUS_CONFIRMED: return _("Confirmed");
    case MP_MEETING_STATUS_CANCELLED: return _("Cancelled");
    default:                          g_return_val_if_reached (NULL);
    }
}

const char *
mp_role_label (MpRole role)
{
  switch (role)
    {
    case MP_ROLE_PRINCIPAL:   return _("Principal");
    case MP_ROLE_DELEGATE:    return _("Delegate");
    case MP_ROLE_STAFF:       return _("Staff");
    case MP_ROLE_PRESS:       return _("Press");
    case MP_ROLE_INTERPRETER: return _("Interpreter");
    case MP_ROLE_SECURITY:    return _("Security");
    default:                  g_return_val_if_reached (NULL);
    }
}

const char *
mp_priority_label (MpPriority priority)
{
  switch (priority)
    {
    case MP_PRIORITY_REQUIRED: return _("Required");
    case MP_PRIORITY_HIGH:     return _("High");
    case MP_PRIORITY_NORMAL:   return _("Normal");
    case MP_PRIORITY_LOW:      return _("Low");
    default:                   g_return_val_if_reached (NULL);
    }
}

const char *
mp_conflict_kind_label (MpConflictKind kind)
{
  switch (kind)
    {
    case MP_CONFLICT_KIND_PARTICIPANT_OVERLAP: return _("Double-booked person");
    case MP_CONFLICT_KIND_ROOM_OVERLAP:        return _("Double-booked room");
    case MP_CONFLICT_KIND_UNAVAILABLE:         return _("Outside availability");
    case MP_CONFLICT_KIND_TRAVEL:              return _("Not enough time to move");
    case MP_CONFLICT_KIND_CAPACITY:            return _("Room too small");
    default:                                   g_return_val_if_reached (NULL);
    }
}

int
mp_priority_weight (MpPriority priority)
{
  switch (priority)
    {
    case MP_PRIORITY_REQUIRED: return 1000;
    case MP_PRIORITY_HIGH:     return 4;
    case MP_PRIORITY_NORMAL:   return 2;
    case MP_PRIORITY_LOW:      return 1;
    default:                   g_return_val_if_reached (0);
    }
}
