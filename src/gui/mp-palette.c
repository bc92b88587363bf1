/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mp-palette"

#include "config.h"

#include <adwaita.h>

#include "mp-palette.h"

/* From the GNOME palette; readable as a tint over light and dark views. */
static const char *kind_colors[MP_N_MEETING_KINDS] = {
  [MP_MEETING_KIND_PLENARY] = "#3584e4",
  [MP_MEETING_KIND_MULTILATERAL] = "#9141ac",
  [MP_MEETING_KIND_TRILATERAL] = "#2190a4",
  [MP_MEETING_KIND_BILATERAL] = "#2ec27e",
  [MP_MEETING_KIND_PULL_ASIDE] = "#e5a50a",
  [MP_MEETING_KIND_WORKING_MEAL] = "#e66100",
  [MP_MEETING_KIND_PRESS] = "#d56199",
  [MP_MEETING_KIND_CEREMONY] = "#986a44",
  [MP_MEETING_KIND_TRAVEL] = "#6f8396",
  [MP_MEETING_KIND_OTHER] = "#77767b",
};

void
mp_palette_init (MpPalette *p,
                 GtkWidget *widget)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &p->fg);
  G_GNUC_END_IGNORE_DEPRECATIONS

  p->dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  gdk_rgba_parse (&p->bg, p->dark ? "#1e1e1e" : "#ffffff");
  gdk_rgba_parse (&p->header_bg, p->dark ? "#303030" : "#f6f5f4");
  gdk_rgba_parse (&p->error, p->dark ? "#ff7b63" : "#c01c28");
  gdk_rgba_parse (&p->accent, p->dark ? "#78aeed" : "#1c71d8");
  p->line = p->fg;
  p->line.alpha = 0.16f;
  p->faint_line = p->fg;
  p->faint_line.alpha = 0.06f;
  p->off_hours = p->fg;
  p->off_hours.alpha = 0.04f;
  for (guint i = 0; i < MP_N_MEETING_KINDS; i++)
    gdk_rgba_parse (&p->kinds[i], kind_colors[i]);
}
