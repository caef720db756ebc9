/* rempart-background.c: asking to keep running in the background and to start at login
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Rempart"

#include "config.h"

#include <glib/gi18n.h>

#include "rempart-autostart.h"
#include "rempart-background.h"
#include "rempart-helplines.h"
#include "rempart-workers.h"

#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

/*
 * Two ways, one question. Outside the Flatpak the XDG autostart file is ours to write
 * (src/core/wellbeing). Inside, the sandbox cannot write it: the Background portal does,
 * after asking the volunteer if their desktop wants to, and it also tells the desktop that
 * Rempart may go on without a window. The portal answers through a Request object's
 * ::Response signal, to which we subscribe before calling, as its documentation asks.
 */

#define PORTAL_BUS_NAME    "org.freedesktop.portal.Desktop"
#define PORTAL_OBJECT_PATH "/org/freedesktop/portal/desktop"
#define PORTAL_BACKGROUND  "org.freedesktop.portal.Background"
#define PORTAL_REQUEST     "org.freedesktop.portal.Request"

typedef struct
{
  gboolean enable;
  char *parent_handle;
  GDBusConnection *connection;
  char *request_path;
  guint response_id; /* holds a reference on the task until unsubscribed */
} PortalData;

static int sandboxed_for_testing = -1;
static char *portal_bus_name; /* tests: their own portal; NULL: PORTAL_BUS_NAME */

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static const char *
portal_name (void)
{
  return portal_bus_name != NULL ? portal_bus_name : PORTAL_BUS_NAME;
}

static void
portal_data_free (PortalData *data)
{
  g_clear_object (&data->connection);
  g_free (data->request_path);
  g_free (data->parent_handle);
  g_free (data);
}

/* The program the autostart file runs: this one when it is Rempart (a build tree or a
 * prefix of one's own), else `rempart` from the PATH of the session. */
static char *
autostart_program (void)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *name = self != NULL ? g_path_get_basename (self) : NULL;

  if (name != NULL && g_str_equal (name, "rempart"))
    return g_steal_pointer (&self);

  return g_strdup ("rempart");
}

static char *
parent_handle (GtkWindow *parent)
{
#ifdef GDK_WINDOWING_X11
  GdkSurface *surface = parent != NULL ? gtk_native_get_surface (GTK_NATIVE (parent)) : NULL;

  if (surface != NULL && GDK_IS_X11_SURFACE (surface))
    return g_strdup_printf ("x11:%lx", (unsigned long) gdk_x11_surface_get_xid (surface));
#endif

  /* Wayland needs an exported handle (xdg-foreign); without one the portal's question is a
   * window of its own, which works the same. */
  return g_strdup ("");
}

static void
autostart_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  gboolean enable = GPOINTER_TO_INT (task_data);
  g_autoptr (GError) error = NULL;
  g_autofree char *program = NULL;
  gboolean done;

  if (enable)
    {
      program = autostart_program ();
      done = rempart_autostart_enable (APPLICATION_ID, program, &error);
    }
  else
    done = rempart_autostart_disable (APPLICATION_ID, &error);

  if (done)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void response_cb (GDBusConnection *connection,
                         const char *sender,
                         const char *path,
                         const char *interface,
                         const char *signal,
                         GVariant *parameters,
                         gpointer user_data);

static void
subscribe (GTask *task)
{
  PortalData *data = g_task_get_task_data (task);

  data->response_id = g_dbus_connection_signal_subscribe (
      data->connection, portal_name (), PORTAL_REQUEST, "Response", data->request_path, NULL,
      G_DBUS_SIGNAL_FLAGS_NONE, response_cb, g_object_ref (task), g_object_unref);
}

/* Drops the subscription and with it its reference on @task. */
static void
unsubscribe (GTask *task)
{
  PortalData *data = g_task_get_task_data (task);
  guint id = data->response_id;

  data->response_id = 0;
  if (id != 0)
    g_dbus_connection_signal_unsubscribe (data->connection, id);
}

static void
portal_return_refused (GTask *task, const char *reason)
{
  g_task_return_new_error (task, REMPART_WELLBEING_ERROR, REMPART_WELLBEING_ERROR_BACKGROUND,
                           /* Translators: %s says why, from the sentences below or the system */
                           _ ("Rempart may not run in the background: %s. You can allow it in "
                              "the Settings of your desktop, under Apps, then try again."),
                           reason);
}

/* -------------------------------------------------------------------------------------- */
/* Callbacks                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
response_cb (GDBusConnection *connection,
             const char *sender,
             const char *path,
             const char *interface,
             const char *signal,
             GVariant *parameters,
             gpointer user_data)
{
  g_autoptr (GTask) task = g_object_ref (user_data);
  PortalData *data = g_task_get_task_data (task);
  g_autoptr (GVariant) results = NULL;
  gboolean background = TRUE;
  guint32 response;

  if (!g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(ua{sv})")) || data->response_id == 0)
    return;

  unsubscribe (task);
  g_variant_get (parameters, "(u@a{sv})", &response, &results);
  g_variant_lookup (results, "background", "b", &background);

  if (response == 1)
    portal_return_refused (task, _ ("the request was declined"));
  else if (response != 0)
    portal_return_refused (task, _ ("the desktop could not answer the request"));
  else if (data->enable && !background)
    portal_return_refused (task, _ ("the desktop does not allow it"));
  else
    g_task_return_boolean (task, TRUE);
}

static void
request_called_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  PortalData *data = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) reply = NULL;
  const char *handle = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (data->response_id == 0)
    return; /* answered already */

  if (reply == NULL)
    {
      unsubscribe (task);
      g_dbus_error_strip_remote_error (error);
      portal_return_refused (task, error->message);
      return;
    }

  /* Portals older than the handle_token option answer on a path of their choosing. */
  g_variant_get (reply, "(&o)", &handle);
  if (g_strcmp0 (handle, data->request_path) != 0)
    {
      unsubscribe (task);
      g_free (data->request_path);
      data->request_path = g_strdup (handle);
      subscribe (task);
    }
}

static void
bus_got_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  PortalData *data = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  g_autofree char *sender = NULL;
  g_autofree char *token = NULL;
  GVariantBuilder options;
  const char *commandline[] = { "rempart", "--gapplication-service", NULL };

  data->connection = g_bus_get_finish (result, &error);
  if (data->connection == NULL)
    {
      portal_return_refused (task, error->message);
      return;
    }

  /* The request's path is known in advance from our token: subscribe first, so that a quick
   * answer is not missed. */
  token = g_strdup_printf ("rempart%u", g_random_int ());
  sender =
      g_strdelimit (g_strdup (g_dbus_connection_get_unique_name (data->connection) + 1), ".", '_');
  data->request_path = g_strconcat (PORTAL_OBJECT_PATH "/request/", sender, "/", token, NULL);
  subscribe (task);

  g_variant_builder_init (&options, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&options, "{sv}", "handle_token", g_variant_new_string (token));
  g_variant_builder_add (&options, "{sv}", "reason",
                         g_variant_new_string (_ ("Rempart sends your daily reminder.")));
  g_variant_builder_add (&options, "{sv}", "autostart", g_variant_new_boolean (data->enable));
  g_variant_builder_add (&options, "{sv}", "commandline", g_variant_new_strv (commandline, -1));
  g_variant_builder_add (&options, "{sv}", "dbus-activatable", g_variant_new_boolean (FALSE));

  g_dbus_connection_call (
      data->connection, portal_name (), PORTAL_OBJECT_PATH, PORTAL_BACKGROUND, "RequestBackground",
      g_variant_new ("(sa{sv})", data->parent_handle, &options), G_VARIANT_TYPE ("(o)"),
      G_DBUS_CALL_FLAGS_NONE, -1, NULL, request_called_cb, g_object_ref (task));
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

gboolean
rempart_background_is_sandboxed (void)
{
  if (sandboxed_for_testing >= 0)
    return sandboxed_for_testing;

  return g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS);
}

void
rempart_background_set_sandboxed_for_testing (int sandboxed)
{
  sandboxed_for_testing = sandboxed;
}

void
rempart_background_set_portal_for_testing (const char *bus_name)
{
  g_free (portal_bus_name);
  portal_bus_name = g_strdup (bus_name);
}

void
rempart_background_request_async (GtkWindow *parent,
                                  gboolean enable,
                                  GCancellable *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  PortalData *data;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rempart_background_request_async);
  g_task_set_check_cancellable (task, TRUE);

  if (!rempart_background_is_sandboxed ())
    {
      g_task_set_task_data (task, GINT_TO_POINTER (!!enable), NULL);
      rempart_workers_run_in_thread (task, autostart_thread);
      return;
    }

  data = g_new0 (PortalData, 1);
  data->enable = !!enable;
  data->parent_handle = parent_handle (parent);
  g_task_set_task_data (task, data, (GDestroyNotify) portal_data_free);
  g_bus_get (G_BUS_TYPE_SESSION, cancellable, bus_got_cb, g_steal_pointer (&task));
}

gboolean
rempart_background_request_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rempart_background_request_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
