/* rempart-test-server.h: the loopback server and keys the fetcher and sync tests share
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "rempart-minisign.h"

G_BEGIN_DECLS

/* Under AddressSanitizer (gcc and clang spell it differently). */
#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif

/* A SoupServer on 127.0.0.1 only, on a free port; over https when @certificate is set.
 * @out_base: (out): "http://127.0.0.1:PORT", or https, without a trailing slash */
SoupServer *rempart_test_server_new (GTlsCertificate *certificate, char **out_base);

/* Disconnects @server and lets it notice the clients that go away, before it is freed. */
void rempart_test_server_disconnect (SoupServer *server);

/* Runs the default main context, which also runs the server, for @ms milliseconds. */
void rempart_test_spin (guint ms);

/* A new minisign key pair without a password, made with rempart_minisign_keygen(). */
void rempart_test_make_keys (RempartMinisignPublicKey **out_public_key,
                             RempartMinisignSecretKey **out_secret_key);

/* A self-signed certificate for 127.0.0.1 in @dir, made with the openssl tool; NULL without
 * it. @out_path: (out): the certificate's PEM file, to trust it. */
GTlsCertificate *rempart_test_make_certificate (const char *dir, char **out_path);

G_END_DECLS
