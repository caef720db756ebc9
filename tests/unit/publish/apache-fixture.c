/* apache-fixture.c: a real Apache httpd with mod_dav_fs and basic auth on 127.0.0.1
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <pwd.h>
#include <sys/prctl.h>
#include <signal.h>
#include <unistd.h>

#include "apache-fixture.h"
#include "rempart-test-dirs.h"

#define MODULES "/usr/lib/apache2/modules"

/* Up to 10 s for Apache to listen, polled every 20 ms. */
#define START_ATTEMPTS 500
#define START_POLL_MS  20

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

/* Apache goes when the test program goes, even when it aborts. */
static void
die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

static guint16
free_port (void)
{
  g_autoptr (GSocket) socket = NULL;
  g_autoptr (GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr (GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr (GSocketAddress) bound = NULL;
  g_autoptr (GError) error = NULL;

  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_assert_true (g_socket_bind (socket, any, FALSE, &error));
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

static gboolean
port_answers (guint16 port)
{
  g_autoptr (GSocketClient) client = g_socket_client_new ();
  g_autoptr (GSocketConnection) connection = NULL;

  connection = g_socket_client_connect_to_host (client, "127.0.0.1", port, NULL, NULL);
  return connection != NULL;
}

/* As root, Apache's children run as www-data: give it the folders it writes. */
static void
hand_over (const char *path)
{
  struct passwd *www;

  if (geteuid () != 0)
    return;
  www = getpwnam ("www-data");
  g_assert_nonnull (www);
  g_assert_cmpint (chown (path, www->pw_uid, www->pw_gid), ==, 0);
}

static char *
config_text (ApacheServer *server, const char *htpasswd, const char *lock_dir)
{
  return g_strdup_printf ("ServerRoot \"%1$s\"\n"
                          "PidFile \"%1$s/httpd.pid\"\n"
                          "ErrorLog \"%1$s/error.log\"\n"
                          "LogLevel warn\n"
                          "Listen 127.0.0.1:%2$u\n"
                          "ServerName 127.0.0.1\n"
                          "LoadModule mpm_event_module " MODULES "/mod_mpm_event.so\n"
                          "LoadModule authn_core_module " MODULES "/mod_authn_core.so\n"
                          "LoadModule authn_file_module " MODULES "/mod_authn_file.so\n"
                          "LoadModule authz_core_module " MODULES "/mod_authz_core.so\n"
                          "LoadModule authz_user_module " MODULES "/mod_authz_user.so\n"
                          "LoadModule auth_basic_module " MODULES "/mod_auth_basic.so\n"
                          "LoadModule dav_module " MODULES "/mod_dav.so\n"
                          "LoadModule dav_fs_module " MODULES "/mod_dav_fs.so\n"
                          "LoadModule alias_module " MODULES "/mod_alias.so\n"
                          "LoadModule mime_module " MODULES "/mod_mime.so\n"
                          "LoadModule rewrite_module " MODULES "/mod_rewrite.so\n"
                          "%5$s"
                          "Mutex file:%4$s\n"
                          "DAVLockDB \"%4$s/DAVLock\"\n"
                          "TypesConfig /etc/mime.types\n"
                          "DocumentRoot \"%3$s\"\n"
                          "RewriteEngine On\n"
                          "RewriteCond %%{REQUEST_METHOD} =PUT\n"
                          "RewriteRule \"^/broken/.*\\.minisig$\" - [R=507]\n"
                          "Alias /broken \"%3$s\"\n"
                          "<Directory \"%3$s\">\n"
                          "  Dav On\n"
                          "  AuthType Basic\n"
                          "  AuthName \"Rempart\"\n"
                          "  AuthUserFile \"%6$s\"\n"
                          "  <RequireAny>\n"
                          "    Require method GET HEAD OPTIONS\n"
                          "    Require valid-user\n"
                          "  </RequireAny>\n"
                          "</Directory>\n",
                          server->dir, server->port, server->dav_dir, lock_dir,
                          geteuid () == 0 ? "User www-data\nGroup www-data\n" : "", htpasswd);
}

/* ------------------------------------------------------------------------------------------ */
/* Public API                                                                                 */
/* ------------------------------------------------------------------------------------------ */

ApacheServer *
apache_server_start (void)
{
  ApacheServer *server = g_new0 (ApacheServer, 1);
  g_autofree char *htpasswd = NULL;
  g_autofree char *lock_dir = NULL;
  g_autofree char *conf = NULL;
  g_autofree char *text = NULL;
  g_autoptr (GSubprocess) tool = NULL;
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GError) error = NULL;
  guint attempt;

  g_assert_true (g_file_test ("/usr/sbin/apache2", G_FILE_TEST_IS_EXECUTABLE));
  server->dir = rempart_test_dir_new ("apache");
  g_assert_cmpint (g_chmod (server->dir, 0755), ==, 0);
  server->dav_dir = g_build_filename (server->dir, "dav", NULL);
  lock_dir = g_build_filename (server->dir, "lock", NULL);
  htpasswd = g_build_filename (server->dir, "htpasswd", NULL);
  conf = g_build_filename (server->dir, "httpd.conf", NULL);
  g_assert_cmpint (g_mkdir (server->dav_dir, 0755), ==, 0);
  g_assert_cmpint (g_mkdir (lock_dir, 0755), ==, 0);
  hand_over (server->dav_dir);
  hand_over (lock_dir);

  tool =
      g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                        &error, "htpasswd", "-cbB", htpasswd, APACHE_USER, APACHE_PASSWORD, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (tool, NULL, &error));
  g_assert_no_error (error);

  server->port = free_port ();
  text = config_text (server, htpasswd, lock_dir);
  g_assert_true (g_file_set_contents (conf, text, -1, &error));

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                        G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  server->process = g_subprocess_launcher_spawn (launcher, &error, "/usr/sbin/apache2", "-f", conf,
                                                 "-DFOREGROUND", NULL);
  g_assert_no_error (error);

  for (attempt = 0; attempt < START_ATTEMPTS; attempt++)
    {
      if (port_answers (server->port))
        break;
      if (g_subprocess_get_identifier (server->process) == NULL)
        break;
      g_usleep (START_POLL_MS * G_TIME_SPAN_MILLISECOND);
    }
  if (attempt == START_ATTEMPTS || !port_answers (server->port))
    {
      g_autofree char *log_path = g_build_filename (server->dir, "error.log", NULL);
      g_autofree char *log = NULL;

      g_file_get_contents (log_path, &log, NULL, NULL);
      g_error ("Apache did not start on 127.0.0.1:%u: %s", server->port,
               log != NULL ? log : "(no error log)");
    }
  return server;
}

/* Stops Apache (SIGTERM to the foreground parent, which stops its children) and waits. */
void
apache_server_stop (ApacheServer *server)
{
  g_autoptr (GError) error = NULL;

  if (server == NULL)
    return;
  g_subprocess_send_signal (server->process, SIGTERM);
  g_subprocess_wait (server->process, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&server->process);
  rempart_test_dir_remove (server->dir);
  g_free (server->dir);
  g_free (server->dav_dir);
  g_free (server);
}

char *
apache_server_url (ApacheServer *server, const char *path)
{
  return g_strdup_printf ("http://127.0.0.1:%u%s", server->port, path);
}

/* A new folder @name served at /@name/, writable by Apache; returns the address of
 * /@name/feed.json (or /broken/@name/feed.json with @broken). */
char *
apache_server_feed_url (ApacheServer *server, const char *name, gboolean broken)
{
  g_autofree char *path = g_build_filename (server->dav_dir, name, NULL);

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
      hand_over (path);
    }
  return g_strdup_printf ("http://127.0.0.1:%u%s/%s/feed.json", server->port,
                          broken ? "/broken" : "", name);
}
