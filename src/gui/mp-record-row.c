/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mp-record-row"

#include "config.h"

#include "mp-record-row.h"

struct _MpRecordRow
{
  AdwBin     parent_instance;

  GtkLabel  *badge_label;
  GtkWidget *box;
  GtkLabel  *detail_label;
  GtkLabel  *prefix_label;
  GtkLabel  *subtitle_label;
  GtkLabel  *title_label;

  char      *badge_class;
};

G_DEFINE_FINAL_TYPE (MpRecordRow, mp_record_row, ADW_TYPE_BIN)

/* Rows are filled again on every change of the plan: leave alone what
 * did not change, so nothing is laid out again for nothing. */
static void
set_label (GtkLabel   *label,
           const char *text)
{
  if (text == NULL)
    text = "";
  if (g_strcmp0 (gtk_label_get_label (label), text) != 0)
    gtk_label_set_label (label, text);
  if (gtk_widget_get_visible (GTK_WIDGET (label)) != (*text != '\0'))
    gtk_widget_set_visible (GTK_WIDGET (label), *text != '\0');
}

static void
mp_record_row_dispose (GObject *object)
{
  MpRecordRow *self = MP_RECORD_ROW (object);

  /* AdwBin unparents its child itself: let it go first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), MP_TYPE_RECORD_ROW);
  g_clear_pointer (&self->badge_class, g_free);

  G_OBJECT_CLASS (mp_record_row_parent_class)->dispose (object);
}

static void
mp_record_row_class_init (MpRecordRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mp_record_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ministerial/Ministerial/mp-record-row.ui");
  gtk_widget_class_bind_template_child (widget_class, MpRecordRow, badge_label);
  gtk_widget_class_bind_template_child (widget_class, MpRecordRow, box);
  gtk_widget_class_bind_template_child (widget_class, MpRecordRow, detail_label);
  gtk_widget_class_bind_template_child (widget_class, MpRecordRow, prefix_label);
  gtk_widget_class_bind_template_child (widget_class, MpRecordRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, MpRecordRow, title_label);
}

static void
mp_record_row_init (MpRecordRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
mp_record_row_new (void)
{
  return g_object_new (MP_TYPE_RECORD_ROW, NULL);
}

void
mp_record_row_set_title (MpRecordRow *self,
                         const char  *title)
{
  g_return_if_fail (MP_IS_RECORD_ROW (self));

  if (g_strcmp0 (gtk_label_get_label (self->title_label), title != NULL ? title : "") != 0)
    gtk_label_set_label (self->title_label, title != NULL ? title : "");
}

const char *
mp_record_row_get_title (MpRecordRow *self)
{
  g_return_val_if_fail (MP_IS_RECORD_ROW (self), NULL);

  return gtk_label_get_label (self->title_label);
}

void
mp_record_row_set_subtitle (MpRecordRow *self,
                            const char  *subtitle)
{
  g_return_if_fail (MP_IS_RECORD_ROW (self));

  set_label (self->subtitle_label, subtitle);
}

const char *
mp_record_row_get_subtitle (MpRecordRow *self)
{
  g_return_val_if_fail (MP_IS_RECORD_ROW (self), NULL);

  return gtk_label_get_label (self->subtitle_label);
}

void
mp_record_row_set_prefix (MpRecordRow *self,
                          const char  *prefix)
{
  g_return_if_fail (MP_IS_RECORD_ROW (self));

  set_label (self->prefix_label, prefix);
}

void
mp_record_row_set_badge (MpRecordRow *self,
                         const char  *badge,
                         const char  *style_class)
{
  g_return_if_fail (MP_IS_RECORD_ROW (self));

  if (g_strcmp0 (self->badge_class, style_class) != 0)
    {
      if (self->badge_class != NULL)
        gtk_widget_remove_css_class (GTK_WIDGET (self->badge_label), self->badge_class);
      g_free (self->badge_class);
      self->badge_class = g_strdup (style_class);
      if (style_class != NULL)
        gtk_widget_add_css_class (GTK_WIDGET (self->badge_label), style_class);
    }
  set_label (self->badge_label, badge);
}

const char *
mp_record_row_get_badge (MpRecordRow *self)
{
  g_return_val_if_fail (MP_IS_RECORD_ROW (self), NULL);

  return gtk_label_get_label (self->badge_label);
}

void
mp_record_row_set_detail (MpRecordRow *self,
                          const char  *detail)
{
  g_return_if_fail (MP_IS_RECORD_ROW (self));

  set_label (self->detail_label, detail);
}

void
mp_record_row_set_heading (MpRecordRow *self,
                           gboolean     heading)
{
  g_return_if_fail (MP_IS_RECORD_ROW (self));

  if (heading)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "heading");
      gtk_widget_set_margin_top (self->box, 12);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->title_label), "heading");
      gtk_widget_set_margin_top (self->box, 6);
    }
}
