/* rempart-keyring.c: a group's secret key and the server's password, kept safe
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libsecret/secret.h>
#include <string.h>

#include "rempart-keyring.h"
#include "rempart-workers.h"

/*
 * Secrets go to the Secret Service (libsecret). When none answers (no session bus, no keyring
 * daemon: a bare window manager, a container), they go to files readable by the user only, and
 * every call says which, so that the app can tell the user. The secret key stays in minisign's
 * format, password-protected when it was: the keyring keeps it safe at rest, the password
 * still guards its use.
 */

struct _RempartKeyring
{
  GObject parent_instance;

  char *fallback_dir;
};

G_DEFINE_FINAL_TYPE (RempartKeyring, rempart_keyring, G_TYPE_OBJECT)

/* A minisign secret key file is a few hundred bytes; a password a line. */
#define MAX_SECRET_SIZE 4096

typedef enum
{
  KIND_KEY,
  KIND_SERVER,
} SecretKind;

/* -------------------------------------------------------------------------------------- */
/* Statics                                                                                */
/* -------------------------------------------------------------------------------------- */

static const SecretSchema key_schema = {
  "io.github.rempart.Rempart.Key",
  SECRET_SCHEMA_NONE,
  {
      { "feed", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
  },
};

static const SecretSchema server_schema = {
  "io.github.rempart.Rempart.Server",
  SECRET_SCHEMA_NONE,
  {
      { "url", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
  },
};

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static GHashTable *
make_attributes (SecretKind kind, const char *a, const char *b)
{
  GHashTable *attributes = g_hash_table_new (g_str_hash, g_str_equal);

  if (kind == KIND_KEY)
    g_hash_table_insert (attributes, (gpointer) "feed", (gpointer) a);
  else
    {
      g_hash_table_insert (attributes, (gpointer) "url", (gpointer) a);
      g_hash_table_insert (attributes, (gpointer) "user", (gpointer) (b != NULL ? b : ""));
    }
  return attributes;
}

static char *
fallback_path (RempartKeyring *self, SecretKind kind, const char *a, const char *b)
{
  g_autofree char *name = g_strdup_printf ("%s\n%s", a, b != NULL ? b : "");
  g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, name, -1);
  g_autofree char *file = g_strdup_printf ("%s-%s", kind == KIND_KEY ? "key" : "server", digest);

  return g_build_filename (self->fallback_dir, file, NULL);
}

/* Whether @error means there is no Secret Service to ask (no session bus, nobody owning the
 * name), rather than one that refused: a keyring that is there but locked or without a default
 * collection is an error the user can fix, not a reason to write secrets to a file. */
static gboolean
is_unavailable (const GError *error)
{
  if (error->domain == G_IO_ERROR)
    return error->code != G_IO_ERROR_CANCELLED;
  if (error->domain == G_SPAWN_ERROR)
    return TRUE;
  if (error->domain != G_DBUS_ERROR)
    return FALSE;
  switch (error->code)
    {
      case G_DBUS_ERROR_SERVICE_UNKNOWN:
      case G_DBUS_ERROR_NAME_HAS_NO_OWNER:
      case G_DBUS_ERROR_NO_SERVER:
      case G_DBUS_ERROR_FILE_NOT_FOUND:
      case G_DBUS_ERROR_DISCONNECTED:
      case G_DBUS_ERROR_SPAWN_EXEC_FAILED:
      case G_DBUS_ERROR_SPAWN_FORK_FAILED:
      case G_DBUS_ERROR_SPAWN_CHILD_EXITED:
      case G_DBUS_ERROR_SPAWN_CHILD_SIGNALED:
      case G_DBUS_ERROR_SPAWN_FAILED:
      case G_DBUS_ERROR_SPAWN_SERVICE_NOT_FOUND:
      case G_DBUS_ERROR_SPAWN_NO_MEMORY:
        return TRUE;
      default:
        return FALSE;
    }
}

static void
set_failed (GError **error, GError *cause, const char *what)
{
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, cause);
      return;
    }
  /* Translators: what could not be done, then the keyring's own reason */
  g_set_error (error, REMPART_KEYRING_ERROR, REMPART_KEYRING_ERROR_FAILED,
               _ ("%s: the keyring refused: %s. Unlock your keyring (Passwords and Keys) and "
                  "try again."),
               what, cause->message);
  g_error_free (cause);
}

static gboolean
file_store (RempartKeyring *self,
            SecretKind kind,
            const char *a,
            const char *b,
            const char *secret,
            GError **error)
{
  g_autofree char *path = fallback_path (self, kind, a, b);
  g_autoptr (GError) local_error = NULL;

  if (g_mkdir_with_parents (self->fallback_dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, REMPART_KEYRING_ERROR, REMPART_KEYRING_ERROR_FAILED,
                   _ ("Could not create the folder %s for the keys: %s"), self->fallback_dir,
                   g_strerror (saved_errno));
      return FALSE;
    }
  /* The folder may predate us with looser permissions. */
  g_chmod (self->fallback_dir, 0700);

  if (!g_file_set_contents_full (path, secret, strlen (secret),
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE, 0600,
                                 &local_error))
    {
      g_set_error (error, REMPART_KEYRING_ERROR, REMPART_KEYRING_ERROR_FAILED,
                   _ ("Could not save the secret in %s: %s"), path, local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* Returns NULL without an error when there is no such file. */
static char *
file_lookup (RempartKeyring *self, SecretKind kind, const char *a, const char *b, GError **error)
{
  g_autofree char *path = fallback_path (self, kind, a, b);
  g_autoptr (GError) local_error = NULL;
  g_autofree char *contents = NULL;
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    return NULL;
  if (st.st_size > MAX_SECRET_SIZE || !g_file_get_contents (path, &contents, NULL, &local_error))
    {
      g_set_error (error, REMPART_KEYRING_ERROR, REMPART_KEYRING_ERROR_FAILED,
                   _ ("Could not read the secret in %s: %s"), path,
                   local_error != NULL ? local_error->message : _ ("the file is too large"));
      return NULL;
    }
  return g_steal_pointer (&contents);
}

static gboolean
secret_store (RempartKeyring *self,
              SecretKind kind,
              const char *a,
              const char *b,
              const char *label,
              const char *secret,
              RempartKeyringBackend *out_backend,
              GCancellable *cancellable,
              GError **error)
{
  g_autoptr (GHashTable) attributes = make_attributes (kind, a, b);
  g_autofree char *encoded = NULL;
  GError *local_error = NULL;
  gboolean stored;

  /* Some keyrings keep one line a secret (gnome-keyring's plain-text files): a key file of
   * several lines goes in as base64. */
  if (kind == KIND_KEY)
    encoded = g_base64_encode ((const guchar *) secret, strlen (secret));
  /* Replace by removing first: gnome-keyring 42's plain-text keyrings crash on replacing an
   * item in place. An error here shows again in the store below. */
  secret_password_clearv_sync (kind == KIND_KEY ? &key_schema : &server_schema, attributes,
                               cancellable, NULL);
  stored = secret_password_storev_sync (
      kind == KIND_KEY ? &key_schema : &server_schema, attributes, SECRET_COLLECTION_DEFAULT, label,
      encoded != NULL ? encoded : secret, cancellable, &local_error);
  if (encoded != NULL)
    memset (encoded, 0, strlen (encoded));
  if (stored)
    {
      g_autofree char *path = fallback_path (self, kind, a, b);

      /* The keyring now holds it: an older copy in a file would only be a leak. */
      g_unlink (path);
      if (out_backend != NULL)
        *out_backend = REMPART_KEYRING_BACKEND_SECRET_SERVICE;
      return TRUE;
    }
  if (!is_unavailable (local_error))
    {
      set_failed (error, local_error, _ ("Could not save the secret"));
      return FALSE;
    }
  g_clear_error (&local_error);

  if (!file_store (self, kind, a, b, secret, error))
    return FALSE;
  if (out_backend != NULL)
    *out_backend = REMPART_KEYRING_BACKEND_FILE;
  return TRUE;
}

static char *
secret_lookup (RempartKeyring *self,
               SecretKind kind,
               const char *a,
               const char *b,
               RempartKeyringBackend *out_backend,
               GCancellable *cancellable,
               GError **error)
{
  g_autoptr (GHashTable) attributes = make_attributes (kind, a, b);
  GError *local_error = NULL;
  char *secret;

  secret = secret_password_lookupv_sync (kind == KIND_KEY ? &key_schema : &server_schema,
                                         attributes, cancellable, &local_error);
  if (secret != NULL)
    {
      char *copy;

      if (kind == KIND_KEY)
        {
          gsize length;
          guchar *decoded = g_base64_decode (secret, &length);

          copy = g_strndup ((const char *) decoded, length);
          memset (decoded, 0, length);
          g_free (decoded);
        }
      else
        copy = g_strdup (secret);
      secret_password_free (secret);
      if (out_backend != NULL)
        *out_backend = REMPART_KEYRING_BACKEND_SECRET_SERVICE;
      return copy;
    }
  if (local_error != NULL && !is_unavailable (local_error))
    {
      set_failed (error, local_error, _ ("Could not read the secret"));
      return NULL;
    }
  g_clear_error (&local_error);

  /* Not in the keyring, or no keyring: a file kept while there was none. */
  secret = file_lookup (self, kind, a, b, &local_error);
  if (secret == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      else if (kind == KIND_KEY)
        g_set_error (error, REMPART_KEYRING_ERROR, REMPART_KEYRING_ERROR_NOT_FOUND,
                     _ ("No secret key is kept for the feed %s: create one or import the "
                        "group’s key"),
                     a);
      else
        g_set_error (error, REMPART_KEYRING_ERROR, REMPART_KEYRING_ERROR_NOT_FOUND,
                     _ ("No password is kept for %s at %s"), b != NULL ? b : "", a);
      return NULL;
    }
  if (out_backend != NULL)
    *out_backend = REMPART_KEYRING_BACKEND_FILE;
  return secret;
}

static RempartMinisignPublicKey *
check_key_file (GBytes *key_file, const char *password, GError **error)
{
  g_autoptr (RempartMinisignSecretKey) key = NULL;
  g_autoptr (GError) local_error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (key_file, &length);

  if (length == 0 || length > MAX_SECRET_SIZE || memchr (data, '\0', length) != NULL ||
      !g_utf8_validate (data, length, NULL))
    {
      g_set_error_literal (error, REMPART_KEYRING_ERROR, REMPART_KEYRING_ERROR_INVALID_KEY,
                           _ ("This file is not a minisign secret key"));
      return NULL;
    }

  key = rempart_minisign_secret_key_parse (key_file, password, &local_error);
  if (key == NULL)
    {
      if (local_error->domain == REMPART_MINISIGN_ERROR &&
          (local_error->code == REMPART_MINISIGN_ERROR_WRONG_PASSWORD ||
           local_error->code == REMPART_MINISIGN_ERROR_PASSWORD_REQUIRED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, REMPART_KEYRING_ERROR, REMPART_KEYRING_ERROR_INVALID_KEY,
                     _ ("This file is not a minisign secret key: %s"), local_error->message);
      return NULL;
    }
  return rempart_minisign_secret_key_get_public_key (key);
}

static RempartMinisignPublicKey *
store_key_file (RempartKeyring *self,
                const char *feed_url,
                GBytes *key_file,
                const char *password,
                RempartKeyringBackend *out_backend,
                GCancellable *cancellable,
                GError **error)
{
  g_autoptr (RempartMinisignPublicKey) pub = check_key_file (key_file, password, error);

  if (pub == NULL)
    return NULL;
  if (!rempart_keyring_store_secret_key_sync (self, feed_url, key_file, out_backend, cancellable,
                                              error))
    return NULL;
  return g_steal_pointer (&pub);
}

/* -------------------------------------------------------------------------------------- */
/* Worker threads                                                                         */
/* -------------------------------------------------------------------------------------- */

typedef struct
{
  char *a;
  char *b;
  char *password;
  GBytes *key_file;
  RempartKeyringBackend backend;
} Job;

static void
job_free (Job *job)
{
  g_free (job->a);
  g_free (job->b);
  if (job->password != NULL)
    {
      memset (job->password, 0, strlen (job->password));
      g_free (job->password);
    }
  g_clear_pointer (&job->key_file, g_bytes_unref);
  g_free (job);
}

static GTask *
job_task (RempartKeyring *self,
          gpointer source_tag,
          Job *job,
          GCancellable *cancellable,
          GAsyncReadyCallback callback,
          gpointer user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  return task;
}

static void
create_key_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Job *job = data;
  GError *error = NULL;
  RempartMinisignPublicKey *pub;

  pub = rempart_keyring_create_key_sync (source, job->a, job->password, &job->backend, cancellable,
                                         &error);
  if (pub == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, pub, (GDestroyNotify) rempart_minisign_public_key_unref);
}

static void
import_key_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Job *job = data;
  GError *error = NULL;
  RempartMinisignPublicKey *pub;

  pub = rempart_keyring_import_key_sync (source, job->a, job->key_file, job->password,
                                         &job->backend, cancellable, &error);
  if (pub == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, pub, (GDestroyNotify) rempart_minisign_public_key_unref);
}

static void
store_password_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Job *job = data;
  GError *error = NULL;

  if (rempart_keyring_store_password_sync (source, job->a, job->b, job->password, &job->backend,
                                           cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* -------------------------------------------------------------------------------------- */
/* Overrides, class                                                                       */
/* -------------------------------------------------------------------------------------- */

static void
rempart_keyring_finalize (GObject *object)
{
  RempartKeyring *self = REMPART_KEYRING (object);

  g_clear_pointer (&self->fallback_dir, g_free);

  G_OBJECT_CLASS (rempart_keyring_parent_class)->finalize (object);
}

static void
rempart_keyring_class_init (RempartKeyringClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rempart_keyring_finalize;
}

static void
rempart_keyring_init (RempartKeyring *self)
{
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

GQuark
rempart_keyring_error_quark (void)
{
  return g_quark_from_static_string ("rempart-keyring-error-quark");
}

/*
 * rempart_keyring_new:
 * @fallback_dir: (nullable): where secrets go when there is no Secret Service; %NULL for
 *   $XDG_DATA_HOME/rempart/keys
 */
RempartKeyring *
rempart_keyring_new (const char *fallback_dir)
{
  RempartKeyring *self = g_object_new (REMPART_TYPE_KEYRING, NULL);

  self->fallback_dir = fallback_dir != NULL
                           ? g_strdup (fallback_dir)
                           : g_build_filename (g_get_user_data_dir (), "rempart", "keys", NULL);
  return self;
}

const char *
rempart_keyring_get_fallback_dir (RempartKeyring *self)
{
  g_return_val_if_fail (REMPART_IS_KEYRING (self), NULL);

  return self->fallback_dir;
}

/*
 * rempart_keyring_store_secret_key_sync:
 * @feed_url: the group's feed, which names the key
 * @key_file: a minisign secret key file, as it is (password-protected or not)
 * @out_backend: (out) (optional): where it went
 */
gboolean
rempart_keyring_store_secret_key_sync (RempartKeyring *self,
                                       const char *feed_url,
                                       GBytes *key_file,
                                       RempartKeyringBackend *out_backend,
                                       GCancellable *cancellable,
                                       GError **error)
{
  g_autofree char *text = NULL;
  g_autofree char *label = NULL;
  gsize length;
  const char *data;
  gboolean ok;

  g_return_val_if_fail (REMPART_IS_KEYRING (self), FALSE);
  g_return_val_if_fail (feed_url != NULL, FALSE);
  g_return_val_if_fail (key_file != NULL, FALSE);

  data = g_bytes_get_data (key_file, &length);
  text = g_strndup (data, length);
  /* Translators: the name of a secret in the user's keyring; %s is a feed address */
  label = g_strdup_printf (_ ("Rempart: signing key of %s"), feed_url);
  ok = secret_store (self, KIND_KEY, feed_url, NULL, label, text, out_backend, cancellable, error);
  memset (text, 0, length);
  return ok;
}

/*
 * rempart_keyring_lookup_secret_key_sync:
 *
 * Returns: (transfer full): the minisign secret key file kept for @feed_url
 */
GBytes *
rempart_keyring_lookup_secret_key_sync (RempartKeyring *self,
                                        const char *feed_url,
                                        RempartKeyringBackend *out_backend,
                                        GCancellable *cancellable,
                                        GError **error)
{
  char *text;

  g_return_val_if_fail (REMPART_IS_KEYRING (self), NULL);
  g_return_val_if_fail (feed_url != NULL, NULL);

  text = secret_lookup (self, KIND_KEY, feed_url, NULL, out_backend, cancellable, error);
  if (text == NULL)
    return NULL;
  return g_bytes_new_take (text, strlen (text));
}

gboolean
rempart_keyring_delete_secret_key_sync (RempartKeyring *self,
                                        const char *feed_url,
                                        GCancellable *cancellable,
                                        GError **error)
{
  g_autoptr (GHashTable) attributes = make_attributes (KIND_KEY, feed_url, NULL);
  g_autofree char *path = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (REMPART_IS_KEYRING (self), FALSE);

  secret_password_clearv_sync (&key_schema, attributes, cancellable, &local_error);
  if (local_error != NULL && !is_unavailable (local_error))
    {
      set_failed (error, local_error, _ ("Could not remove the key"));
      return FALSE;
    }
  g_clear_error (&local_error);

  path = fallback_path (self, KIND_KEY, feed_url, NULL);
  g_unlink (path);
  return TRUE;
}

/*
 * rempart_keyring_import_key_sync:
 * @key_file: a secret key file made by `minisign -G` (or `rempart-feed keygen`)
 * @password: (nullable): its password; checked before anything is kept
 *
 * Keeps the key file as it is (still password-protected) for @feed_url.
 *
 * Returns: (transfer full): its public key, to share with volunteers
 */
RempartMinisignPublicKey *
rempart_keyring_import_key_sync (RempartKeyring *self,
                                 const char *feed_url,
                                 GBytes *key_file,
                                 const char *password,
                                 RempartKeyringBackend *out_backend,
                                 GCancellable *cancellable,
                                 GError **error)
{
  g_return_val_if_fail (REMPART_IS_KEYRING (self), NULL);
  g_return_val_if_fail (key_file != NULL, NULL);

  return store_key_file (self, feed_url, key_file, password, out_backend, cancellable, error);
}

/*
 * rempart_keyring_create_key_sync:
 * @password: the password that protects the new key (minisign's scrypt: about a second and
 *   1 GiB, so never on the main loop)
 *
 * Makes a minisign key pair and keeps the secret key for @feed_url.
 *
 * Returns: (transfer full): the public key, to share with volunteers
 */
RempartMinisignPublicKey *
rempart_keyring_create_key_sync (RempartKeyring *self,
                                 const char *feed_url,
                                 const char *password,
                                 RempartKeyringBackend *out_backend,
                                 GCancellable *cancellable,
                                 GError **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *pub_path = NULL;
  g_autofree char *sec_path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr (GBytes) key_file = NULL;
  RempartMinisignPublicKey *pub = NULL;
  gsize length = 0;

  g_return_val_if_fail (REMPART_IS_KEYRING (self), NULL);
  g_return_val_if_fail (feed_url != NULL, NULL);

  /* The signing layer writes key pairs to files: a private folder, emptied at once. */
  dir = g_dir_make_tmp ("rempart-key-XXXXXX", error);
  if (dir == NULL)
    return NULL;
  pub_path = g_build_filename (dir, "key.pub", NULL);
  sec_path = g_build_filename (dir, "key.sec", NULL);

  if (rempart_minisign_keygen (pub_path, sec_path, password, FALSE, error) &&
      g_file_get_contents (sec_path, &contents, &length, error))
    {
      key_file = g_bytes_new (contents, length);
      pub = store_key_file (self, feed_url, key_file, password, out_backend, cancellable, error);
    }

  if (contents != NULL)
    memset (contents, 0, length);
  g_unlink (sec_path);
  g_unlink (pub_path);
  g_rmdir (dir);
  return pub;
}

/*
 * rempart_keyring_open_secret_key_sync:
 *
 * Reads the key kept for @feed_url and decrypts it with @password (about a second).
 */
RempartMinisignSecretKey *
rempart_keyring_open_secret_key_sync (RempartKeyring *self,
                                      const char *feed_url,
                                      const char *password,
                                      GCancellable *cancellable,
                                      GError **error)
{
  g_autoptr (GBytes) key_file = NULL;

  key_file = rempart_keyring_lookup_secret_key_sync (self, feed_url, NULL, cancellable, error);
  if (key_file == NULL)
    return NULL;
  return rempart_minisign_secret_key_parse (key_file, password, error);
}

gboolean
rempart_keyring_store_password_sync (RempartKeyring *self,
                                     const char *server_url,
                                     const char *user,
                                     const char *password,
                                     RempartKeyringBackend *out_backend,
                                     GCancellable *cancellable,
                                     GError **error)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (REMPART_IS_KEYRING (self), FALSE);
  g_return_val_if_fail (server_url != NULL, FALSE);
  g_return_val_if_fail (password != NULL, FALSE);

  /* Translators: the name of a secret in the user's keyring: a user name and an address */
  label =
      g_strdup_printf (_ ("Rempart: publishing as %s to %s"), user != NULL ? user : "", server_url);
  return secret_store (self, KIND_SERVER, server_url, user, label, password, out_backend,
                       cancellable, error);
}

/*
 * rempart_keyring_lookup_password_sync:
 *
 * Returns: (transfer full): the password kept for @user at @server_url
 */
char *
rempart_keyring_lookup_password_sync (RempartKeyring *self,
                                      const char *server_url,
                                      const char *user,
                                      RempartKeyringBackend *out_backend,
                                      GCancellable *cancellable,
                                      GError **error)
{
  g_return_val_if_fail (REMPART_IS_KEYRING (self), NULL);
  g_return_val_if_fail (server_url != NULL, NULL);

  return secret_lookup (self, KIND_SERVER, server_url, user, out_backend, cancellable, error);
}

/* The public key a create or import job made, and where its secret half went. */
static RempartMinisignPublicKey *
finish_public_key (GTask *task, RempartKeyringBackend *out_backend, GError **error)
{
  Job *job = g_task_get_task_data (task);

  if (out_backend != NULL)
    *out_backend = job->backend;
  return g_task_propagate_pointer (task, error);
}

void
rempart_keyring_create_key_async (RempartKeyring *self,
                                  const char *feed_url,
                                  const char *password,
                                  GCancellable *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  Job *job = g_new0 (Job, 1);

  g_return_if_fail (REMPART_IS_KEYRING (self));

  job->a = g_strdup (feed_url);
  job->password = g_strdup (password);
  task = job_task (self, rempart_keyring_create_key_async, job, cancellable, callback, user_data);
  rempart_workers_run_in_thread (task, create_key_thread);
}

RempartMinisignPublicKey *
rempart_keyring_create_key_finish (RempartKeyring *self,
                                   GAsyncResult *result,
                                   RempartKeyringBackend *out_backend,
                                   GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return finish_public_key (G_TASK (result), out_backend, error);
}

void
rempart_keyring_import_key_async (RempartKeyring *self,
                                  const char *feed_url,
                                  GBytes *key_file,
                                  const char *password,
                                  GCancellable *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  Job *job = g_new0 (Job, 1);

  g_return_if_fail (REMPART_IS_KEYRING (self));

  job->a = g_strdup (feed_url);
  job->password = g_strdup (password);
  job->key_file = g_bytes_ref (key_file);
  task = job_task (self, rempart_keyring_import_key_async, job, cancellable, callback, user_data);
  rempart_workers_run_in_thread (task, import_key_thread);
}

RempartMinisignPublicKey *
rempart_keyring_import_key_finish (RempartKeyring *self,
                                   GAsyncResult *result,
                                   RempartKeyringBackend *out_backend,
                                   GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return finish_public_key (G_TASK (result), out_backend, error);
}

void
rempart_keyring_store_password_async (RempartKeyring *self,
                                      const char *server_url,
                                      const char *user,
                                      const char *password,
                                      GCancellable *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  Job *job = g_new0 (Job, 1);

  g_return_if_fail (REMPART_IS_KEYRING (self));

  job->a = g_strdup (server_url);
  job->b = g_strdup (user);
  job->password = g_strdup (password);
  task =
      job_task (self, rempart_keyring_store_password_async, job, cancellable, callback, user_data);
  rempart_workers_run_in_thread (task, store_password_thread);
}

gboolean
rempart_keyring_store_password_finish (RempartKeyring *self,
                                       GAsyncResult *result,
                                       RempartKeyringBackend *out_backend,
                                       GError **error)
{
  Job *job;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  job = g_task_get_task_data (G_TASK (result));
  if (out_backend != NULL)
    *out_backend = job->backend;
  return g_task_propagate_boolean (G_TASK (result), error);
}

/*
 * rempart_keyring_public_key_to_text:
 *
 * Returns: (transfer full): the public key as a minisign.pub file, ready to share
 */
char *
rempart_keyring_public_key_to_text (RempartMinisignPublicKey *key)
{
  g_autofree char *id = rempart_minisign_public_key_get_key_id_string (key);
  g_autofree char *b64 = rempart_minisign_public_key_to_base64 (key);

  return g_strdup_printf ("untrusted comment: minisign public key %s\n%s\n", id, b64);
}
