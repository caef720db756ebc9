/* rempart-preferences-add-page.h: the "Add a Group" form of the Preferences window
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rempart-store.h"

G_BEGIN_DECLS

#define REMPART_TYPE_PREFERENCES_ADD_PAGE (rempart_preferences_add_page_get_type ())
G_DECLARE_FINAL_TYPE (RempartPreferencesAddPage,
                      rempart_preferences_add_page,
                      REMPART,
                      PREFERENCES_ADD_PAGE,
                      AdwBin)

RempartPreferencesAddPage *rempart_preferences_add_page_new (RempartStore *store);
RempartPreferencesAddPage *
rempart_preferences_add_page_new_for_subscription (RempartStore *store,
                                                   const RempartSubscription *sub);

G_END_DECLS
