/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TEMPORARY scaffold by the lead so the tree links; the GUI helper replaces
 * this file entirely. */
#define G_LOG_DOMAIN "mp-window"

#include "config.h"

#include "mp-window.h"

struct _MpWindow
{
  AdwApplicationWindow parent_instance;
};

G_DEFINE_FINAL_TYPE (MpWindow, mp_window, ADW_TYPE_APPLICATION_WINDOW)

static void
mp_window_class_init (MpWindowClass *klass)
{
}

static void
mp_window_init (MpWindow *self)
{
}

MpWindow *
mp_window_new (MpApplication *application)
{
  return g_object_new (MP_TYPE_WINDOW, "application", application, NULL);
}

void
mp_window_open (MpWindow *self,
                GFile    *file)
{
}
