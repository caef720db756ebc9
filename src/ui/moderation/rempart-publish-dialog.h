/* rempart-publish-dialog.h: signing and publishing (or exporting) a group's working copy
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rempart-keyring.h"
#include "rempart-workspace.h"

G_BEGIN_DECLS

#define REMPART_TYPE_PUBLISH_DIALOG (rempart_publish_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RempartPublishDialog,
                      rempart_publish_dialog,
                      REMPART,
                      PUBLISH_DIALOG,
                      AdwWindow)

/*
 * Asks for the key's password, then signs @workspace's working copy and uploads it to the
 * group's WebDAV address (@export_dir %NULL), or writes the feed and its signature into
 * @export_dir. The working copy changes only once the feed is out: it becomes what was
 * published (seq raised). ::finished (const char *message) says how it ended, for a toast;
 * the dialog then closes itself.
 */
RempartPublishDialog *rempart_publish_dialog_new (GtkWindow *parent,
                                                  RempartWorkspace *workspace,
                                                  RempartKeyring *keyring,
                                                  const char *export_dir);

G_END_DECLS
