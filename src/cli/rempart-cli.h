/* rempart-cli.h: what the commands of rempart-feed share
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "rempart-minisign.h"

G_BEGIN_DECLS

/* Exit codes: the feed or signature is fine, it is not, the command line is wrong. */
#define REMPART_CLI_EXIT_OK    0
#define REMPART_CLI_EXIT_FAIL  1
#define REMPART_CLI_EXIT_USAGE 2
/* publish only: someone else published since; nothing was overwritten. */
#define REMPART_CLI_EXIT_CONFLICT 3

typedef int (*RempartCliCommandFunc) (int argc, char **argv);

int rempart_cli_validate (int argc, char **argv);
int rempart_cli_verify (int argc, char **argv);
int rempart_cli_sign (int argc, char **argv);
int rempart_cli_keygen (int argc, char **argv);
int rempart_cli_new (int argc, char **argv);
int rempart_cli_add (int argc, char **argv);
int rempart_cli_fetch (int argc, char **argv);
int rempart_cli_join_link (int argc, char **argv);
int rempart_cli_edit (int argc, char **argv);
int rempart_cli_remove (int argc, char **argv);
int rempart_cli_list (int argc, char **argv);
int rempart_cli_export (int argc, char **argv);
int rempart_cli_publish (int argc, char **argv);
int rempart_cli_rotate (int argc, char **argv);

GOptionContext *rempart_cli_option_context_new (const char *command,
                                                const char *parameters,
                                                const char *summary,
                                                const GOptionEntry *entries);

gboolean rempart_cli_parse (GOptionContext *context, int *argc, char ***argv);

int rempart_cli_usage_error (GOptionContext *context, const char *format, ...) G_GNUC_PRINTF (2, 3);

void rempart_cli_print_error (const char *format, ...) G_GNUC_PRINTF (1, 2);

GBytes *rempart_cli_read_file (const char *path, gsize max_size, GError **error);

gboolean rempart_cli_write_file (const char *path, GBytes *contents, int mode, GError **error);

RempartMinisignPublicKey *
rempart_cli_load_public_key (const char *key_file, const char *key_base64, GError **error);

JsonNode *rempart_cli_load_document (const char *path);

gboolean rempart_cli_save_document (JsonNode *root, const char *path, GError **error);

/*
 * RempartCliPasswordSource:
 * @file: (nullable): --password-file
 * @fd: --password-fd, -1 when not given
 *
 * Where a command was told to read a password from.
 */
typedef struct
{
  char *file;
  int fd;
} RempartCliPasswordSource;

#define REMPART_CLI_PASSWORD_SOURCE_INIT \
  {                                      \
    NULL, -1                             \
  }

void rempart_cli_password_source_clear (RempartCliPasswordSource *source);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RempartCliPasswordSource, rempart_cli_password_source_clear)

void rempart_cli_add_password_options (GOptionContext *context,
                                       RempartCliPasswordSource *source,
                                       gboolean server);
gboolean rempart_cli_check_password_options (GOptionContext *context,
                                             const RempartCliPasswordSource *source);

char *rempart_cli_read_password (const char *prompt, GError **error);
char *rempart_cli_read_password_from (const char *path, int fd, GError **error);
char *rempart_cli_get_password (const RempartCliPasswordSource *source,
                                const char *prompt,
                                GError **error);
RempartMinisignSecretKey *rempart_cli_open_secret_key (const char *path,
                                                       const RempartCliPasswordSource *source,
                                                       GError **error);
RempartMinisignSecretKey *rempart_cli_open_secret_key_bytes (GBytes *bytes,
                                                             const RempartCliPasswordSource *source,
                                                             GError **error);

G_END_DECLS
