/* apache-fixture.h: a real Apache httpd with mod_dav_fs and basic auth on 127.0.0.1
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define APACHE_USER     "moderator"
#define APACHE_PASSWORD "correct horse"

/*
 * ApacheServer: Debian's apache2 started in the foreground by the test, with its ServerRoot,
 * PidFile, ErrorLog and DAVLockDB in a temporary folder. The folder it serves is @dav_dir,
 * readable by anyone and writable (PUT, DELETE) with APACHE_USER and APACHE_PASSWORD. Under
 * /broken/ it serves the same folder but answers every PUT of a .minisig with
 * "507 Insufficient Storage": a host that fails in the middle of a publish.
 */
typedef struct
{
  char *dir;
  char *dav_dir;
  guint16 port;
  GSubprocess *process;
} ApacheServer;

ApacheServer *apache_server_start (void);
void apache_server_stop (ApacheServer *server);
char *apache_server_url (ApacheServer *server, const char *path);
char *apache_server_feed_url (ApacheServer *server, const char *name, gboolean broken);

G_END_DECLS
