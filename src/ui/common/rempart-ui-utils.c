/* rempart-ui-utils.c: small helpers shared by the volunteer screens
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

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
    /* Translators: shown instead of the time left when an action has expired */
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
    /* Translators: when something (a sync) has never happened */
    return g_strdup (_ ("Never"));
  if (ago < MINUTE)
    /* Translators: when something happened less than a minute ago */
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

/* The row's title as a screen reader should say it: without the mnemonic's underscore. */
static char *
row_title_text (AdwPreferencesRow *row)
{
  const char *title = adw_preferences_row_get_title (row);
  GString *text;

  if (title == NULL || !adw_preferences_row_get_use_underline (row))
    return g_strdup (title);
  text = g_string_new (NULL);
  for (const char *p = title; *p != '\0'; p++)
    {
      if (*p == '_')
        {
          if (p[1] != '_')
            continue;
          p++;
        }
      g_string_append_c (text, *p);
    }
  return g_string_free (text, FALSE);
}

/* GTK 4.8 does not follow a labelled-by relation to a row that is itself labelled by its
 * title: a row's switch, spin button or check button says nothing. Name the row's
 * activatable widget with the row's title. */
static void
name_row_control (GtkWidget *widget)
{
  GtkWidget *control;
  g_autofree char *text = NULL;

  if (!ADW_IS_ACTION_ROW (widget))
    return;
  control = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (widget));
  if (control == NULL)
    return;
  text = row_title_text (ADW_PREFERENCES_ROW (widget));
  if (text != NULL && *text != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (control), GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                    -1);
}

/* GTK 4.8 does not name a control by its tooltip: an icon-only button or a drop-down says
 * nothing but its type. Name such a control (and the toggle button inside a drop-down) by its
 * tooltip, without a trailing shortcut such as " (Ctrl+N)". */
static void
name_by_tooltip (GtkWidget *widget)
{
  GtkWidget *owner = widget;
  const char *tooltip;
  const char *paren;
  g_autofree char *text = NULL;

  if (GTK_IS_BUTTON (widget) && GTK_IS_DROP_DOWN (gtk_widget_get_parent (widget)))
    owner = gtk_widget_get_parent (widget);
  else if (GTK_IS_BUTTON (widget))
    {
      if (gtk_button_get_label (GTK_BUTTON (widget)) != NULL ||
          !GTK_IS_IMAGE (gtk_button_get_child (GTK_BUTTON (widget))))
        return;
    }
  else if (!GTK_IS_DROP_DOWN (widget) && !GTK_IS_MENU_BUTTON (widget))
    return;

  tooltip = gtk_widget_get_tooltip_text (owner);
  if (tooltip == NULL || *tooltip == '\0')
    return;
  paren = strrchr (tooltip, '(');
  if (paren != NULL && paren > tooltip && paren[-1] == ' ' && g_str_has_suffix (paren, ")") &&
      strchr (paren, '+') != NULL)
    text = g_strndup (tooltip, (gsize) (paren - 1 - tooltip));
  else
    text = g_strdup (tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

static void
fix_mnemonic_label (GtkWidget *widget)
{
  GtkWidget *child;
  const char *text = NULL;

  name_row_control (widget);
  name_by_tooltip (widget);

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
 * @root its plain label as its only name. It also names the switch, spin button or check
 * button of every AdwActionRow (its activatable-widget) with the row's title, which GTK 4.8
 * does not pass on through labelled-by, and icon-only buttons, menu buttons and drop-downs
 * by their tooltip, which GTK 4.8 does not use as a name. Call it after
 * gtk_widget_init_template().
 */
void
rempart_accessible_fix_mnemonics (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  fix_mnemonic_label (root);
}

/* What a toast shows in one line at 360 px before it cuts the text (measured: about 45
 * characters of Cantarell 11 beside a button; a wide window shows a little more). */
#define TOAST_MAX_CHARS 44

char *
rempart_toast_title_for (const char *message)
{
  glong n_chars;
  const char *cut;
  const char *space = NULL;

  g_return_val_if_fail (message != NULL, NULL);

  n_chars = g_utf8_strlen (message, -1);
  if (n_chars <= TOAST_MAX_CHARS && strchr (message, '\n') == NULL)
    return NULL;

  /* The first clause when it is short ("Could not download example.org/feed.json"), or
   * else the first words, ended with an ellipsis. */
  cut = g_utf8_offset_to_pointer (message, TOAST_MAX_CHARS - 1);
  for (const char *p = message; p < cut; p = g_utf8_next_char (p))
    {
      if ((*p == ':' || *p == '.' || *p == '\n') && p > message &&
          (p[1] == ' ' || p[1] == '\n' || p[1] == '\0'))
        return g_strndup (message, p - message);
      if (*p == ' ')
        space = p;
    }

  return g_strdup_printf ("%.*s…", (int) ((space != NULL ? space : cut) - message), message);
}

static void
toast_details_cb (AdwToast *toast, gpointer user_data)
{
  GtkWidget *overlay = user_data;
  const char *message = g_object_get_data (G_OBJECT (toast), "rempart-message");
  const char *title = g_object_get_data (G_OBJECT (toast), "rempart-title");
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (
      adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (overlay)), NULL, NULL));
  /* Plain text: both come from errors, servers and feeds. */
  adw_message_dialog_set_heading (dialog, title);
  adw_message_dialog_set_body (dialog, message);
  adw_message_dialog_add_response (dialog, "close", _ ("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
rempart_toast_overlay_show (AdwToastOverlay *overlay, const char *message)
{
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));
  g_return_if_fail (message != NULL);

  title = rempart_toast_title_for (message);

  /* AdwToast titles are Pango markup in libadwaita 1.2. */
  escaped = g_markup_escape_text (title != NULL ? title : message, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, 5);
  if (title != NULL)
    {
      /* A toast's own title is one line, ellipsized to a few words at 360 px: this one wraps
       * onto a second line instead (a third would overflow the toast). */
      GtkWidget *label = gtk_label_new (title);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (GTK_LABEL (label), 2);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), TOAST_MAX_CHARS);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "heading");
      adw_toast_set_custom_title (toast, label);

      /* Cut, so the rest is one click away, and time to find the button. */
      adw_toast_set_button_label (toast, _ ("_Details"));
      adw_toast_set_timeout (toast, 10);
      g_object_set_data_full (G_OBJECT (toast), "rempart-message", g_strdup (message), g_free);
      g_object_set_data_full (G_OBJECT (toast), "rempart-title", g_steal_pointer (&title), g_free);
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (toast_details_cb), overlay, 0);
    }
  adw_toast_overlay_add_toast (overlay, toast);
}
