/* rempart-page-util.c: what the action page and the composer share
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Rempart"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rempart-page-private.h"
#include "rempart-page-util.h"
#include "rempart-ui-utils.h"

/* -------------------------------------------------------------------------------------- */
/* Statics                                                                                */
/* -------------------------------------------------------------------------------------- */

static RempartUriLauncher uri_launcher;
static gpointer uri_launcher_data;

/* -------------------------------------------------------------------------------------- */
/* Callbacks                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
launch_uri_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GtkWidget) widget = user_data;
  g_autoptr (GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    rempart_page_show_error (widget, _ ("Could not open the link in your browser"), error);
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

void
rempart_page_set_uri_launcher (RempartUriLauncher launcher, gpointer user_data)
{
  uri_launcher = launcher;
  uri_launcher_data = user_data;
}

/*
 * rempart_page_launch_uri:
 *
 * Opens @uri with the desktop's default handler; works inside and outside a sandbox.
 */
void
rempart_page_launch_uri (GtkWidget *widget, const char *uri)
{
  g_autoptr (GdkAppLaunchContext) context = NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (uri != NULL);

  if (uri_launcher != NULL)
    {
      uri_launcher (widget, uri, uri_launcher_data);
      return;
    }

  context = gdk_display_get_app_launch_context (gtk_widget_get_display (widget));
  g_app_info_launch_default_for_uri_async (uri, G_APP_LAUNCH_CONTEXT (context), NULL, launch_uri_cb,
                                           g_object_ref (widget));
}

/*
 * rempart_page_show_message:
 * @message: plain text, never markup
 *
 * Shows @message in the nearest AdwToastOverlay above @widget; without one (a widget on its
 * own, in a test) the message goes to the debug log.
 */
void
rempart_page_show_message (GtkWidget *widget, const char *message)
{
  GtkWidget *overlay;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (message != NULL);

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    {
      g_debug ("%s", message);
      return;
    }

  rempart_toast_overlay_show (ADW_TOAST_OVERLAY (overlay), message);
}

/*
 * rempart_page_show_error:
 * @what: what failed, translated ("Could not save your reply")
 *
 * Cancellation is not an error a person needs to hear about: it is ignored.
 */
void
rempart_page_show_error (GtkWidget *widget, const char *what, const GError *error)
{
  g_autofree char *message = NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (what != NULL);

  if (error != NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* Translators: the first %s says what failed, the second why */
  message = error != NULL ? g_strdup_printf (_ ("%s: %s"), what, error->message) : g_strdup (what);
  rempart_page_show_message (widget, message);
}

/*
 * rempart_page_uri_get_host:
 *
 * Returns: (nullable): the host of @uri, without a leading "www." (and with its ASCII form
 *   when it has other letters), so that a link whose title says one thing and whose address
 *   another is visible; %NULL when @uri has none
 */
char *
rempart_page_uri_get_host (const char *uri)
{
  g_autoptr (GUri) parsed = NULL;
  const char *host;

  if (uri == NULL)
    return NULL;

  parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);
  if (parsed == NULL)
    return NULL;

  host = g_uri_get_host (parsed);
  if (host == NULL || host[0] == '\0')
    return NULL;
  if (g_str_has_prefix (host, "www."))
    host += 4;

  /* Letters that look alike in other scripts: show the ASCII form beside the Unicode one. */
  if (g_hostname_is_non_ascii (host))
    {
      g_autofree char *ascii = g_hostname_to_ascii (host);

      if (ascii != NULL)
        return g_strdup_printf ("%s (%s)", host, ascii);
    }

  return g_strdup (host);
}
