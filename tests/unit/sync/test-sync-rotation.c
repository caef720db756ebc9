/* test-sync-rotation.c: a group's key rotation, end to end through the refresh
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "sync-fixture.h"

/*
 * The moderators' feed, served by the loopback server and signed with real minisign keys,
 * announces the next key (`_rempart.next_key`) while signed with the current one; the
 * volunteer's refresh remembers it, accepts the first feed signed with it, makes it the key,
 * and refuses the old key from then on. An announcement counts only in a verified feed, and a
 * later verified feed without one withdraws it.
 */

typedef struct
{
  RempartMinisignPublicKey *public_key;
  RempartMinisignSecretKey *secret_key;
  char *line;
} Keys;

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
keys_clear (Keys *keys)
{
  g_clear_pointer (&keys->public_key, rempart_minisign_public_key_unref);
  g_clear_pointer (&keys->secret_key, rempart_minisign_secret_key_unref);
  g_clear_pointer (&keys->line, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Keys, keys_clear)

static void
new_keys (Keys *keys)
{
  rempart_test_make_keys (&keys->public_key, &keys->secret_key);
  keys->line = rempart_minisign_public_key_to_base64 (keys->public_key);
}

/* make_feed()'s feed, with `_rempart.next_key` = @next_key when not NULL. */
static GBytes *
feed_announcing (const char *tag, gint64 seq, const char *next_key)
{
  g_autoptr (GBytes) plain = make_feed (tag, 2, seq, START_TIME + 86400);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonObject *ext;
  char *text;
  gsize length;

  if (next_key == NULL)
    return g_steal_pointer (&plain);
  json_parser_load_from_data (parser, g_bytes_get_data (plain, NULL), g_bytes_get_size (plain),
                              &error);
  g_assert_no_error (error);
  ext = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)),
                                       "_rempart");
  json_object_set_string_member (ext, "next_key", next_key);
  text = json_to_string (json_parser_get_root (parser), FALSE);
  length = strlen (text);
  return g_bytes_new_take (text, length);
}

/* Serves @body at /signed.json, signed with @keys. */
static void
serve_signed_with (Fixture *f, Keys *keys, const char *etag, GBytes *body)
{
  RempartMinisignSecretKey *group_key = f->secret_key;

  f->secret_key = keys->secret_key;
  serve_signed (f, "/signed.json", etag, body);
  f->secret_key = group_key;
}

static void
assert_keys (Fixture *f, gint64 id, const char *public_key, const char *next_public_key)
{
  g_autoptr (RempartSubscription) sub = get_sub (f, id);

  g_assert_cmpstr (sub->public_key, ==, public_key);
  g_assert_cmpstr (sub->next_public_key, ==, next_public_key);
}

static void
refresh_expect (Fixture *f, gint64 id, RempartSyncOutcome expected)
{
  g_autoptr (RempartSyncReport) report = NULL;

  f->now += 3600;
  report = refresh_one (f, id, TRUE);
  assert_outcome (report, expected);
}

/* ------------------------------------------------------------------------------------------ */
/* Tests                                                                                      */
/* ------------------------------------------------------------------------------------------ */

static void
test_rotation (Fixture *f, gconstpointer data)
{
  g_auto (Keys) next = { 0 };
  g_autoptr (GBytes) announcing = NULL;
  g_autoptr (GBytes) rotated = NULL;
  g_autoptr (GBytes) old_again = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  Keys current = { f->public_key, f->secret_key, f->public_key_line };
  gint64 id = import_first_signed (f, 1);

  new_keys (&next);
  assert_keys (f, id, current.line, NULL);

  /* Signed with the current key, announcing the next: remembered. */
  announcing = feed_announcing ("announcing", 2, next.line);
  serve_signed_with (f, &current, "\"s2\"", announcing);
  refresh_expect (f, id, REMPART_SYNC_OUTCOME_UPDATED);
  assert_keys (f, id, current.line, next.line);

  /* Signed with the next key: accepted, and it becomes the key. */
  rotated = feed_announcing ("rotated", 3, NULL);
  serve_signed_with (f, &next, "\"s3\"", rotated);
  refresh_expect (f, id, REMPART_SYNC_OUTCOME_UPDATED);
  assert_keys (f, id, next.line, NULL);
  g_assert_cmpuint (count_actions (f, id, "rotated-1"), ==, 1);

  /* The old key is refused from then on, and nothing changes. */
  before = snapshot (f);
  old_again = feed_announcing ("old", 4, NULL);
  serve_signed_with (f, &current, "\"s4\"", old_again);
  refresh_expect (f, id, REMPART_SYNC_OUTCOME_BAD_SIGNATURE);
  after = snapshot (f);
  g_assert_cmpstr (after, ==, before);
  assert_keys (f, id, next.line, NULL);
}

static void
test_not_announced (Fixture *f, gconstpointer data)
{
  g_auto (Keys) other = { 0 };
  g_autoptr (GBytes) body = feed_announcing ("other", 2, NULL);
  gint64 id = import_first_signed (f, 1);

  /* A key nobody announced is refused, however well it signs. */
  new_keys (&other);
  serve_signed_with (f, &other, "\"s2\"", body);
  refresh_expect (f, id, REMPART_SYNC_OUTCOME_BAD_SIGNATURE);
  assert_keys (f, id, f->public_key_line, NULL);
}

static void
test_unverified_announcement (Fixture *f, gconstpointer data)
{
  g_auto (Keys) attacker = { 0 };
  g_autoptr (GBytes) genuine = feed_announcing ("genuine", 2, NULL);
  g_autoptr (GBytes) forged = NULL;
  g_autoptr (GBytes) signature = NULL;
  gint64 id = import_first_signed (f, 1);

  /* Someone swaps in a feed announcing their own key, beside the group's signature. */
  new_keys (&attacker);
  signature = sign (f, genuine);
  forged = feed_announcing ("genuine", 2, attacker.line);
  add_body_route (f, "/signed.json", "\"s2\"", forged);
  add_body_route (f, "/signed.json.minisig", NULL, signature);
  refresh_expect (f, id, REMPART_SYNC_OUTCOME_BAD_SIGNATURE);
  assert_keys (f, id, f->public_key_line, NULL);

  /* And their key signs nothing that is accepted. */
  g_clear_pointer (&genuine, g_bytes_unref);
  genuine = feed_announcing ("theirs", 3, NULL);
  serve_signed_with (f, &attacker, "\"s3\"", genuine);
  refresh_expect (f, id, REMPART_SYNC_OUTCOME_BAD_SIGNATURE);
  assert_keys (f, id, f->public_key_line, NULL);
}

static void
test_withdrawn (Fixture *f, gconstpointer data)
{
  g_auto (Keys) next = { 0 };
  g_autoptr (GBytes) announcing = NULL;
  g_autoptr (GBytes) withdrawing = NULL;
  g_autoptr (GBytes) late = NULL;
  Keys current = { f->public_key, f->secret_key, f->public_key_line };
  gint64 id = import_first_signed (f, 1);

  new_keys (&next);
  announcing = feed_announcing ("announcing", 2, next.line);
  serve_signed_with (f, &current, "\"s2\"", announcing);
  refresh_expect (f, id, REMPART_SYNC_OUTCOME_UPDATED);
  assert_keys (f, id, current.line, next.line);

  /* The moderators withdraw it (a next key that leaked): forgotten. */
  withdrawing = feed_announcing ("withdrawing", 3, NULL);
  serve_signed_with (f, &current, "\"s3\"", withdrawing);
  refresh_expect (f, id, REMPART_SYNC_OUTCOME_UPDATED);
  assert_keys (f, id, current.line, NULL);

  late = feed_announcing ("late", 4, NULL);
  serve_signed_with (f, &next, "\"s4\"", late);
  refresh_expect (f, id, REMPART_SYNC_OUTCOME_BAD_SIGNATURE);
  assert_keys (f, id, current.line, NULL);
}

static void
test_malformed_announcement (Fixture *f, gconstpointer data)
{
  g_autoptr (GBytes) body = feed_announcing ("malformed", 2, "RWQnot-a-key");
  gint64 id = import_first_signed (f, 1);

  /* The feed is read (the field is only ignored, with a warning), nothing is remembered. */
  serve_signed (f, "/signed.json", "\"s2\"", body);
  refresh_expect (f, id, REMPART_SYNC_OUTCOME_UPDATED);
  assert_keys (f, id, f->public_key_line, NULL);
}

/* A volunteer who reads while the first publish with the new key is half done gets the old
 * feed with the new key's signature: that is a publish in progress (try again), not a
 * tampering alarm, exactly as with the same key. */
static void
test_mixed_pair (Fixture *f, gconstpointer data)
{
  g_auto (Keys) next = { 0 };
  g_autoptr (GBytes) announcing = NULL;
  g_autoptr (GBytes) rotated = NULL;
  g_autoptr (GBytes) signature = NULL;
  g_autoptr (GError) error = NULL;
  Keys current = { f->public_key, f->secret_key, f->public_key_line };
  gint64 id = import_first_signed (f, 1);

  new_keys (&next);
  announcing = feed_announcing ("announcing", 2, next.line);
  serve_signed_with (f, &current, "\"s2\"", announcing);
  refresh_expect (f, id, REMPART_SYNC_OUTCOME_UPDATED);

  /* The announcing feed is still there; the new key's signature of seq 3 is already up. */
  rotated = feed_announcing ("rotated", 3, NULL);
  signature = rempart_minisign_sign (next.secret_key, rotated, "seq 3 expires 2026-06-02T10:00:00Z",
                                     "signed.json", &error);
  g_assert_no_error (error);
  add_body_route (f, "/signed.json", "\"s2b\"", announcing);
  add_body_route (f, "/signed.json.minisig", NULL, signature);
  refresh_expect (f, id, REMPART_SYNC_OUTCOME_RETRY_LATER);
  assert_keys (f, id, current.line, next.line);

  /* The feed arrives: the rotation completes. */
  serve_signed_with (f, &next, "\"s3\"", rotated);
  f->now += 86400;
  refresh_expect (f, id, REMPART_SYNC_OUTCOME_UPDATED);
  assert_keys (f, id, next.line, NULL);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/sync/rotation/announce-then-rotate", test_rotation);
  ADD ("/sync/rotation/not-announced", test_not_announced);
  ADD ("/sync/rotation/unverified-announcement", test_unverified_announcement);
  ADD ("/sync/rotation/withdrawn", test_withdrawn);
  ADD ("/sync/rotation/malformed-announcement", test_malformed_announcement);
  ADD ("/sync/rotation/mixed-pair", test_mixed_pair);

  return g_test_run ();
}
