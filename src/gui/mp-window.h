/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mp-application.h"

G_BEGIN_DECLS

#define MP_TYPE_WINDOW (mp_window_get_type ())

G_DECLARE_FINAL_TYPE (MpWindow, mp_window, MP, WINDOW, AdwApplicationWindow)

MpWindow *mp_window_new  (MpApplication *application);
void      mp_window_open (MpWindow      *self,
                          GFile         *file);

G_END_DECLS
