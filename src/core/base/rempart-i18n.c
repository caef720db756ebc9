/* rempart-i18n.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "rempart-i18n.h"

/*
 * rempart_i18n_init:
 *
 * Sets the locale from the environment and binds the message catalogue, so that both
 * executables (rempart and rempart-feed) translate the same strings the same way.
 * Translations are looked up in $REMPART_LOCALEDIR first when set, which lets the tests
 * and an uninstalled build use the catalogues compiled in the build tree.
 */
void
rempart_i18n_init (void)
{
  const char *localedir = g_getenv ("REMPART_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
