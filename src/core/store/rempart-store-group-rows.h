/* rempart-store-group-rows.h: a group's rows kept from the read of its item hashes for its import
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rempart-store-private.h"

G_BEGIN_DECLS

/*
 * A sync reads the group's rows twice: their item hashes before the parse
 * (rempart_store_item_hashes_job()), and their ids, content hashes and archived flags in the
 * import's transaction. The first read keeps the second's columns in the worker, with the
 * connection's count of changes and PRAGMA data_version; the import uses them only if
 * neither moved since, and reads the rows again otherwise (rempart-store-import.c).
 */
typedef struct _RempartStoreGroupRows RempartStoreGroupRows;

void rempart_store_group_rows_free (RempartStoreGroupRows *rows);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RempartStoreGroupRows, rempart_store_group_rows_free)

/* Replaces (and frees) what the worker kept; %NULL drops it. Worker thread only. */
void rempart_store_worker_set_group_rows (RempartStoreWorker *worker, RempartStoreGroupRows *rows);
RempartStoreGroupRows *rempart_store_worker_steal_group_rows (RempartStoreWorker *worker);

/* How many imports used the rows kept instead of reading them again (a test counter). */
void rempart_store_worker_count_group_rows_reused (RempartStoreWorker *worker);
guint rempart_store_worker_get_group_rows_reused (RempartStoreWorker *worker);
guint rempart_store_get_group_rows_reused_for_testing (RempartStore *self);

G_END_DECLS
