/* test-keyring-file.c: RempartKeyring without a Secret Service
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsecret/secret.h>

#include "keyring-checks.h"
#include "rempart-test-dirs.h"

/* A private session bus with no service on it: no keyring answers, so every secret goes to a
 * 0600 file and every call says so. */
/* Kept to the end and never freed: libsecret holds on to the bus connection past
 * secret_service_disconnect(), and g_test_dbus_down() would wait for it for ever. */
static GTestDBus *bus;

int
main (int argc, char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *keys = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);
  dir = rempart_test_dir_new ("keyring-file");
  keys = g_build_filename (dir, "keys", NULL);

  keyring_checks_add (REMPART_KEYRING_BACKEND_FILE, keys);
  status = g_test_run ();

  secret_service_disconnect ();
  rempart_test_dir_remove (dir);
  g_test_dbus_stop (bus);
  return status;
}
