/* rempart-ui-utils.c: small helpers shared by the volunteer screens
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rempart-ui-utils.h"

#define MINUTE 60
#define HOUR   (60 * MINUTE)
#define DAY    (24 * HOUR)

/*
 * rempart_format_time_left:
 * @expires: Unix seconds, 0 when the action has no end
 *
 * Returns: (nullable): "Ends in 3 hours" and the like, "Ended", or %NULL without an end.
 */
char *
rempart_format_time_left (gint64 expires, gint64 now)
{
  gint64 left = expires - now;
  gulong n;

  if (expires <= 0)
    return NULL;
  if (left <= 0)
    return g_strdup (_ ("Ended"));

  if (left < HOUR)
    {
      n = (gulong) MAX (left / MINUTE, 1);
      return g_strdup_printf (
          g_dngettext (GETTEXT_PACKAGE, "Ends in %lu minute", "Ends in %lu minutes", n), n);
    }
  if (left < 2 * DAY)
    {
      n = (gulong) (left / HOUR);
      return g_strdup_printf (
          g_dngettext (GETTEXT_PACKAGE, "Ends in %lu hour", "Ends in %lu hours", n), n);
    }

  if (left < 8 * DAY)
    {
      n = (gulong) (left / DAY);
      return g_strdup_printf (
          g_dngettext (GETTEXT_PACKAGE, "Ends in %lu day", "Ends in %lu days", n), n);
    }

  /* Far away, a date says more than a count of days. */
  {
    g_autoptr (GDateTime) end = g_date_time_new_from_unix_local (expires);
    g_autofree char *date = g_date_time_format (end, "%x");

    /* Translators: %s is a date in the locale's format */
    return g_strdup_printf (_ ("Ends on %s"), date);
  }
}

/*
 * rempart_format_platform:
 * @platform: (nullable): the feed's `platform`, often a lower-case id such as "youtube"
 *
 * Returns: (nullable): the usual spelling of well-known platforms, the text itself otherwise.
 */
char *
rempart_format_platform (const char *platform)
{
  static const char *const names[][2] = {
    { "facebook", "Facebook" }, { "instagram", "Instagram" }, { "x", "X" },
    { "twitter", "X" },         { "youtube", "YouTube" },     { "tiktok", "TikTok" },
    { "linkedin", "LinkedIn" }, { "reddit", "Reddit" },       { "mastodon", "Mastodon" },
    { "bluesky", "Bluesky" },   { "threads", "Threads" },     { "telegram", "Telegram" },
  };
  g_autofree char *lower = NULL;

  if (platform == NULL || *platform == '\0')
    return NULL;

  lower = g_utf8_strdown (platform, -1);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (lower, names[i][0]))
      return g_strdup (names[i][1]);

  if (g_str_equal (lower, "forum"))
    return g_strdup (C_ ("platform", "Forum"));
  if (g_str_equal (lower, "news") || g_str_equal (lower, "comments"))
    return g_strdup (C_ ("platform", "News site"));

  return g_strdup (platform);
}

/*
 * rempart_format_time_ago:
 * @when: Unix seconds, 0 for never
 *
 * Returns: "Never", "Just now", "5 minutes ago", "3 hours ago", "2 days ago".
 */
char *
rempart_format_time_ago (gint64 when, gint64 now)
{
  gint64 ago = now - when;
  gulong n;

  if (when <= 0)
    return g_strdup (_ ("Never"));
  if (ago < MINUTE)
    return g_strdup (_ ("Just now"));

  if (ago < HOUR)
    {
      n = (gulong) (ago / MINUTE);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lu minute ago", "%lu minutes ago", n),
                              n);
    }
  if (ago < DAY)
    {
      n = (gulong) (ago / HOUR);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lu hour ago", "%lu hours ago", n), n);
    }

  n = (gulong) (ago / DAY);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lu day ago", "%lu days ago", n), n);
}

static void
fix_mnemonic_label (GtkWidget *widget)
{
  GtkWidget *child;
  const char *text = NULL;

  if (GTK_IS_BUTTON (widget) && gtk_button_get_use_underline (GTK_BUTTON (widget)))
    {
      /* The child label's text is the label without the underscore. */
      for (child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          if (GTK_IS_LABEL (child))
            {
              text = gtk_label_get_text (GTK_LABEL (child));
              break;
            }
        }
    }

  if (text != NULL && *text != '\0')
    {
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                      -1);
    }

  for (child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    fix_mnemonic_label (child);
}

/*
 * rempart_accessible_fix_mnemonics:
 *
 * GTK 4.8 names a button with a mnemonic twice over AT-SPI ("_Add Add": the raw label, then
 * the label it is labelled by). Screen readers then say it twice; give every such button under
 * @root its plain label as its only name. Call it after gtk_widget_init_template().
 */
void
rempart_accessible_fix_mnemonics (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  fix_mnemonic_label (root);
}

void
rempart_toast_overlay_show (AdwToastOverlay *overlay, const char *message)
{
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));
  g_return_if_fail (message != NULL);

  /* AdwToast titles are Pango markup in libadwaita 1.2. */
  escaped = g_markup_escape_text (message, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (overlay, toast);
}
