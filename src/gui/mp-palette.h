/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "mp-enums.h"

G_BEGIN_DECLS

/* The colours the plan's drawn views share, for the light or dark style
 * in force: meetings tinted by kind, conflicts in the error colour. */
typedef struct
{
  GdkRGBA  fg;
  GdkRGBA  bg;
  GdkRGBA  header_bg;
  GdkRGBA  line;
  GdkRGBA  faint_line;
  GdkRGBA  off_hours;
  GdkRGBA  error;
  GdkRGBA  accent;
  GdkRGBA  kinds[MP_N_MEETING_KINDS];
  gboolean dark;
} MpPalette;

void mp_palette_init (MpPalette *palette,
                      GtkWidget *widget);

G_END_DECLS
