/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Helpers shared by the widget tests and the translation test. */

#include <glib.h>

#include "mp-history.h"
#include "test-utils.h"

/* HIG header case: every word capitalised but the short ones. */
static inline gboolean
test_is_header_case (const char *text)
{
  const char * const small[] = { "a", "an", "and", "as", "at", "by", "for", "from", "in", "into",
                                 "of", "on", "or", "the", "to", "with", NULL };
  g_auto(GStrv) words = g_strsplit (text, " ", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (i > 0 && g_strv_contains (small, words[i]))
        continue;
      if (!g_unichar_isupper (g_utf8_get_char (words[i])))
        return FALSE;
    }
  return words[0] != NULL;
}

static inline void
test_on_undo_label_cb (MpHistory  *history,
                       GParamSpec *pspec,
                       gpointer    data)
{
  const char *label = mp_history_get_undo_label (history);

  /* Every step the widgets make is named for Undo and Redo. */
  if (mp_history_get_can_undo (history))
    {
      g_assert_nonnull (label);
      if (!test_is_header_case (label))
        g_error ("The undo step “%s” is not in header case", label);
    }
}

/* Fails the test when a step without a name, or one not in header case,
 * is made through history. */
static inline void
test_watch_history_labels (MpHistory *history)
{
  g_signal_connect (history, "notify::undo-label", G_CALLBACK (test_on_undo_label_cb), NULL);
}
