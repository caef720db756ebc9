/* rempart-keyring.h: a group's secret key and the server's password, kept safe
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rempart-minisign.h"

G_BEGIN_DECLS

#define REMPART_KEYRING_ERROR (rempart_keyring_error_quark ())

/*
 * RempartKeyringError:
 * @REMPART_KEYRING_ERROR_NOT_FOUND: nothing is stored for that group or server
 * @REMPART_KEYRING_ERROR_FAILED: the Secret Service or the file refused (the message says why)
 * @REMPART_KEYRING_ERROR_INVALID_KEY: the file given is not a minisign secret key
 */
typedef enum
{
  REMPART_KEYRING_ERROR_NOT_FOUND,
  REMPART_KEYRING_ERROR_FAILED,
  REMPART_KEYRING_ERROR_INVALID_KEY,
} RempartKeyringError;

GQuark rempart_keyring_error_quark (void);

/*
 * RempartKeyringBackend:
 * @REMPART_KEYRING_BACKEND_SECRET_SERVICE: the user's keyring (GNOME Keyring, KWallet...)
 * @REMPART_KEYRING_BACKEND_FILE: no keyring answered: a file only the user can read, under
 *   $XDG_DATA_HOME/rempart/keys; tell the user, since anyone with their account can read it
 *
 * Where a secret was kept or found.
 */
typedef enum
{
  REMPART_KEYRING_BACKEND_SECRET_SERVICE,
  REMPART_KEYRING_BACKEND_FILE,
} RempartKeyringBackend;

#define REMPART_TYPE_KEYRING (rempart_keyring_get_type ())
G_DECLARE_FINAL_TYPE (RempartKeyring, rempart_keyring, REMPART, KEYRING, GObject)

RempartKeyring *rempart_keyring_new (const char *fallback_dir);
const char *rempart_keyring_get_fallback_dir (RempartKeyring *self);

/* Blocking calls: for the command line and worker threads. */
gboolean rempart_keyring_store_secret_key_sync (RempartKeyring *self,
                                                const char *feed_url,
                                                GBytes *key_file,
                                                RempartKeyringBackend *out_backend,
                                                GCancellable *cancellable,
                                                GError **error);
GBytes *rempart_keyring_lookup_secret_key_sync (RempartKeyring *self,
                                                const char *feed_url,
                                                RempartKeyringBackend *out_backend,
                                                GCancellable *cancellable,
                                                GError **error);
gboolean rempart_keyring_delete_secret_key_sync (RempartKeyring *self,
                                                 const char *feed_url,
                                                 GCancellable *cancellable,
                                                 GError **error);
RempartMinisignPublicKey *rempart_keyring_import_key_sync (RempartKeyring *self,
                                                           const char *feed_url,
                                                           GBytes *key_file,
                                                           const char *password,
                                                           RempartKeyringBackend *out_backend,
                                                           GCancellable *cancellable,
                                                           GError **error);
RempartMinisignPublicKey *rempart_keyring_create_key_sync (RempartKeyring *self,
                                                           const char *feed_url,
                                                           const char *password,
                                                           RempartKeyringBackend *out_backend,
                                                           GCancellable *cancellable,
                                                           GError **error);
RempartMinisignSecretKey *rempart_keyring_open_secret_key_sync (RempartKeyring *self,
                                                                const char *feed_url,
                                                                const char *password,
                                                                GCancellable *cancellable,
                                                                GError **error);
gboolean rempart_keyring_store_password_sync (RempartKeyring *self,
                                              const char *server_url,
                                              const char *user,
                                              const char *password,
                                              RempartKeyringBackend *out_backend,
                                              GCancellable *cancellable,
                                              GError **error);
char *rempart_keyring_lookup_password_sync (RempartKeyring *self,
                                            const char *server_url,
                                            const char *user,
                                            RempartKeyringBackend *out_backend,
                                            GCancellable *cancellable,
                                            GError **error);

/* The same on a worker thread, for the app. */
void rempart_keyring_create_key_async (RempartKeyring *self,
                                       const char *feed_url,
                                       const char *password,
                                       GCancellable *cancellable,
                                       GAsyncReadyCallback callback,
                                       gpointer user_data);
RempartMinisignPublicKey *rempart_keyring_create_key_finish (RempartKeyring *self,
                                                             GAsyncResult *result,
                                                             RempartKeyringBackend *out_backend,
                                                             GError **error);
void rempart_keyring_import_key_async (RempartKeyring *self,
                                       const char *feed_url,
                                       GBytes *key_file,
                                       const char *password,
                                       GCancellable *cancellable,
                                       GAsyncReadyCallback callback,
                                       gpointer user_data);
RempartMinisignPublicKey *rempart_keyring_import_key_finish (RempartKeyring *self,
                                                             GAsyncResult *result,
                                                             RempartKeyringBackend *out_backend,
                                                             GError **error);
void rempart_keyring_store_password_async (RempartKeyring *self,
                                           const char *server_url,
                                           const char *user,
                                           const char *password,
                                           GCancellable *cancellable,
                                           GAsyncReadyCallback callback,
                                           gpointer user_data);
gboolean rempart_keyring_store_password_finish (RempartKeyring *self,
                                                GAsyncResult *result,
                                                RempartKeyringBackend *out_backend,
                                                GError **error);

char *rempart_keyring_public_key_to_text (RempartMinisignPublicKey *key);

G_END_DECLS
