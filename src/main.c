/* main.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rempart-application.h"
#include "rempart-i18n.h"

int
main (int argc, char *argv[])
{
  g_autoptr (RempartApplication) app = NULL;

  rempart_i18n_init ();

  app = rempart_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
