/* minisign-fixture.h: what the minisign test programs share
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* minisign keys and signatures without the minisign binary: fixtures made by minisign 0.11
 * (tests/unit/minisign/README), round trips, tampering and hostile input. The interop with
 * a live minisign is in test-minisign-interop.c. */

#pragma once

#include "rempart-minisign.h"

G_BEGIN_DECLS

#define FIXTURE_PASSWORD       "correct horse battery staple"
#define FIXTURE_ENCRYPTED_ID   "F5D794E39FB53BBE"
#define FIXTURE_UNENCRYPTED_ID "A32496B50E5FA18D"
#define FIXTURE_ENCRYPTED_B64  "RWS+O7Wf45TX9bve1NpPQ/TGCcehz/RUvaj1Y+F2Q52nPhzIb1KQA7P9"

/* Cheap scrypt costs for keys made by the tests (2 MiB, N = 2^11, p = 1). */
#define TEST_OPSLIMIT G_GUINT64_CONSTANT (65536)
#define TEST_MEMLIMIT G_GUINT64_CONSTANT (16777216)

/* Returns: (transfer full): the file @name of tests/unit/minisign */
GBytes *fixture_bytes (const char *name);
/* Returns: (transfer full): the public key file @name of tests/unit/minisign, parsed */
RempartMinisignPublicKey *fixture_public_key (const char *name);

GBytes *bytes_from_string (const char *s);
char *bytes_to_string (GBytes *bytes);

/* Replaces the first @from in @bytes, which must be there. */
GBytes *replace_once (GBytes *bytes, const char *from, const char *to);

/* Decodes line @index (0-based) of a key or signature file, lets @mutate change the binary,
 * and encodes it back, so that tests can forge well-formed files. */
GBytes *mutate_line (GBytes *bytes, guint index, void (*mutate) (guint8 *bin, gsize len));

void assert_verify_fails (RempartMinisignPublicKey *key, GBytes *data, GBytes *sig, int code);
RempartMinisignSecretKey *parse_secret_key (GBytes *bytes, const char *password);
void assert_secret_key_fails (GBytes *bytes, const char *password, int code);

/* Signs a small feed with @secret and @comment, verifies it with @public.
 * Returns: (transfer full): the trusted comment */
char *sign_and_verify (RempartMinisignSecretKey *secret,
                       RempartMinisignPublicKey *public,
                       const char *comment);

G_END_DECLS
