/* rempart-fetch-result-private.h: what the fetcher fills in a RempartFetchResult
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rempart-fetcher.h"

G_BEGIN_DECLS

struct _RempartFetchResult
{
  gatomicrefcount ref_count;

  RempartFetchStatus status;
  guint http_status;
  GBytes *body;
  char *etag;
  char *last_modified;
  char *content_type;
  char *final_url;
  char *permanent_url;
  gint64 retry_after;
  gboolean is_signed;
  gboolean signed_with_next_key;
  char *trusted_comment;
};

RempartFetchResult *rempart_fetch_result_new (RempartFetchStatus status, guint http_status);

G_END_DECLS
