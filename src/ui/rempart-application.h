/* rempart-application.h
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rempart-store.h"

G_BEGIN_DECLS

#define REMPART_TYPE_APPLICATION (rempart_application_get_type ())
G_DECLARE_FINAL_TYPE (RempartApplication, rempart_application, REMPART, APPLICATION, AdwApplication)

RempartApplication *rempart_application_new (void);

GSettings *rempart_application_get_settings (RempartApplication *self);

RempartStore *rempart_application_get_store (RempartApplication *self);

void rempart_application_subscription_added (RempartApplication *self, gint64 subscription_id);

GtkWindow *rempart_application_show_about (RempartApplication *self);

/* Test hook: the store is open and waits for the new main window's first frame. */
gboolean rempart_application_get_store_waiting_for_testing (RempartApplication *self);

G_END_DECLS
