/* rempart-test-monitor.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rempart-test-monitor.h"

struct _RempartTestMonitor
{
  GObject parent_instance;

  gboolean available;
};

static void rempart_test_monitor_initable_iface_init (GInitableIface *iface);
static void rempart_test_monitor_iface_init (GNetworkMonitorInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RempartTestMonitor,
                               rempart_test_monitor,
                               G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE,
                                                      rempart_test_monitor_initable_iface_init)
                                   G_IMPLEMENT_INTERFACE (G_TYPE_NETWORK_MONITOR,
                                                          rempart_test_monitor_iface_init))

enum
{
  PROP_0,
  PROP_NETWORK_AVAILABLE,
  PROP_NETWORK_METERED,
  PROP_CONNECTIVITY,
};

/* -------------------------------------------------------------------------------------- */
/* Interfaces                                                                             */
/* -------------------------------------------------------------------------------------- */

static gboolean
rempart_test_monitor_initable_init (GInitable *initable, GCancellable *cancellable, GError **error)
{
  return TRUE;
}

static void
rempart_test_monitor_initable_iface_init (GInitableIface *iface)
{
  iface->init = rempart_test_monitor_initable_init;
}

static void
rempart_test_monitor_iface_init (GNetworkMonitorInterface *iface)
{
}

/* -------------------------------------------------------------------------------------- */
/* GObject                                                                                */
/* -------------------------------------------------------------------------------------- */

static void
rempart_test_monitor_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RempartTestMonitor *self = REMPART_TEST_MONITOR (object);

  switch (prop_id)
    {
      case PROP_NETWORK_AVAILABLE:
        g_value_set_boolean (value, self->available);
        break;
      case PROP_NETWORK_METERED:
        g_value_set_boolean (value, FALSE);
        break;
      case PROP_CONNECTIVITY:
        g_value_set_enum (value, self->available ? G_NETWORK_CONNECTIVITY_FULL
                                                 : G_NETWORK_CONNECTIVITY_LOCAL);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rempart_test_monitor_class_init (RempartTestMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = rempart_test_monitor_get_property;
  g_object_class_override_property (object_class, PROP_NETWORK_AVAILABLE, "network-available");
  g_object_class_override_property (object_class, PROP_NETWORK_METERED, "network-metered");
  g_object_class_override_property (object_class, PROP_CONNECTIVITY, "connectivity");
}

static void
rempart_test_monitor_init (RempartTestMonitor *self)
{
  self->available = TRUE;
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

RempartTestMonitor *
rempart_test_monitor_new (void)
{
  return g_object_new (REMPART_TYPE_TEST_MONITOR, NULL);
}

void
rempart_test_monitor_set_available (RempartTestMonitor *self, gboolean available)
{
  g_return_if_fail (REMPART_IS_TEST_MONITOR (self));

  available = !!available;
  if (self->available == available)
    return;

  self->available = available;
  g_object_notify (G_OBJECT (self), "network-available");
  g_signal_emit_by_name (self, "network-changed", available);
}
