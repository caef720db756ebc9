/* rempart-application-about.c: the About window
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rempart-application.h"

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

GtkWindow *
rempart_application_show_about (RempartApplication *self)
{
  static const char *developers[] = { "The Rempart developers https://github.com/rempart/rempart",
                                      NULL };
  static const char *designers[] = { "The Rempart developers", NULL };
  GtkWindow *about;

  g_return_val_if_fail (REMPART_IS_APPLICATION (self), NULL);

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW, "transient-for",
                        gtk_application_get_active_window (GTK_APPLICATION (self)), "application",
                        self, "application-name", "Rempart", "application-icon", APPLICATION_ID,
                        "developer-name", _ ("The Rempart developers"), "version", PACKAGE_VERSION,
                        "website", PACKAGE_WEBSITE, "issue-url", PACKAGE_BUGREPORT, "copyright",
                        "© 2026 The Rempart developers", "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers, "designers", designers,
                        /* Translators: replace this with your name(s) and e-mail address(es),
                         * one per line, to be credited in the About window. */
                        "translator-credits", _ ("translator-credits"), "comments",
                        _ ("Rempart helps volunteers of counter-speech groups join the "
                           "day’s actions and reply to hateful comment threads with "
                           "calm, factual and kind words. Nothing is ever posted for you, "
                           "and your history stays on your computer."),
                        NULL);

  adw_about_window_add_acknowledgement_section (
      /* Translators: heading of a credits section of the About window */
      ADW_ABOUT_WINDOW (about), _ ("Inspired by"),
      (const char *[]){ "#jesuislà", "#ichbinhier", "#jagärhär", "#iamhere", NULL });

  gtk_window_present (about);

  return about;
}
