/* rempart-draft-saver.h: saves a reply while it is being typed
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rempart-store.h"

G_BEGIN_DECLS

#define REMPART_TYPE_DRAFT_SAVER (rempart_draft_saver_get_type ())
G_DECLARE_FINAL_TYPE (RempartDraftSaver, rempart_draft_saver, REMPART, DRAFT_SAVER, GObject)

/* Debounce: a save after this much quiet... */
#define REMPART_DRAFT_SAVER_QUIET_MS 300
/* ...but never later than this after the first unsaved change, so a crash loses at most
 * about a second of typing. */
#define REMPART_DRAFT_SAVER_MAX_DELAY_MS 1000

RempartDraftSaver *
rempart_draft_saver_new (RempartStore *store, const char *subscription_url, const char *action_id);

void rempart_draft_saver_set_text (RempartDraftSaver *self,
                                   const char *text,
                                   const char *template_id,
                                   gboolean queued);
void rempart_draft_saver_flush (RempartDraftSaver *self);
gboolean rempart_draft_saver_has_unsaved_changes (RempartDraftSaver *self);

G_END_DECLS
