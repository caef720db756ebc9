/* test-minisign-interop.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Interoperability with the real minisign binary, in every direction: its keys and
 * signatures read by us, ours read by it. Skipped when minisign is not installed. */

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "rempart-minisign-private.h"
#include "rempart-minisign.h"
#include "rempart-scrypt.h"
#include "rempart-test-dirs.h"

#define FEED_JSON "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []}\n"

typedef struct
{
  char *dir;
  char *minisign;
} Fixture;

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
fixture_setup (Fixture *fixture, gconstpointer user_data)
{
  fixture->minisign = g_find_program_in_path ("minisign");
  fixture->dir = rempart_test_dir_new ("minisign-interop");
}

static void
fixture_teardown (Fixture *fixture, gconstpointer user_data)
{
  rempart_test_dir_remove (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->minisign);
}

static gboolean
have_minisign (Fixture *fixture)
{
  if (fixture->minisign == NULL)
    {
      g_test_skip ("minisign is not installed");
      return FALSE;
    }
  return TRUE;
}

/* Runs minisign in the fixture's directory with @input on its standard input (it reads
 * passwords from there when it is not a terminal). Returns the exit status. */
static int
run_minisign (Fixture *fixture, const char *input, char **output, ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, fixture->minisign);
  va_start (args, output);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  launcher =
      g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                 G_SUBPROCESS_FLAGS_STDERR_MERGE);
  g_subprocess_launcher_set_cwd (launcher, fixture->dir);
  process = g_subprocess_launcher_spawnv (launcher, (const char *const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input != NULL ? input : "", NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_test_message ("minisign %s: %s", (const char *) argv->pdata[1], out);
  g_assert_true (g_subprocess_get_if_exited (process));
  if (output != NULL)
    *output = g_steal_pointer (&out);
  return g_subprocess_get_exit_status (process);
}

static char *
path_in (Fixture *fixture, const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static GBytes *
read_in (Fixture *fixture, const char *name)
{
  g_autofree char *path = path_in (fixture, name);
  g_autoptr (GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

static void
write_in (Fixture *fixture, const char *name, GBytes *bytes)
{
  g_autofree char *path = path_in (fixture, name);
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
}

static RempartMinisignPublicKey *
public_key_in (Fixture *fixture, const char *name)
{
  g_autoptr (GBytes) bytes = read_in (fixture, name);
  g_autoptr (GError) error = NULL;
  RempartMinisignPublicKey *key;

  key = rempart_minisign_public_key_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                           &error);
  g_assert_no_error (error);
  return key;
}

static RempartMinisignSecretKey *
secret_key_in (Fixture *fixture, const char *name, const char *password)
{
  g_autoptr (GBytes) bytes = read_in (fixture, name);
  g_autoptr (GError) error = NULL;
  RempartMinisignSecretKey *key;

  key = rempart_minisign_secret_key_parse (bytes, password, &error);
  g_assert_no_error (error);
  return key;
}

static void
write_feed (Fixture *fixture)
{
  g_autoptr (GBytes) feed = g_bytes_new_static (FEED_JSON, strlen (FEED_JSON));

  write_in (fixture, "feed.json", feed);
}

static char *
verify_in (Fixture *fixture,
           RempartMinisignPublicKey *key,
           const char *data_name,
           const char *sig_name)
{
  g_autoptr (GBytes) data = read_in (fixture, data_name);
  g_autoptr (GBytes) sig = read_in (fixture, sig_name);
  g_autoptr (GError) error = NULL;
  char *comment = NULL;

  g_assert_true (rempart_minisign_verify (key, data, sig, &comment, &error));
  g_assert_no_error (error);
  return comment;
}

/* Signs feed.json into @sig_name with our code and checks that `minisign -V` (and -H, which
 * requires a prehashed signature) accepts it with the same trusted comment. */
static void
sign_and_check_with_minisign (Fixture *fixture,
                              RempartMinisignSecretKey *key,
                              const char *pub_name,
                              const char *comment)
{
  g_autoptr (GBytes) data = read_in (fixture, "feed.json");
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) sig = rempart_minisign_sign (key, data, comment, "feed.json", &error);
  g_autofree char *out = NULL;
  g_autofree char *out_h = NULL;
  g_autofree char *expected = NULL;

  g_assert_no_error (error);
  write_in (fixture, "ours.minisig", sig);
  g_assert_cmpint (run_minisign (fixture, NULL, &out, "-V", "-p", pub_name, "-m", "feed.json", "-x",
                                 "ours.minisig", NULL),
                   ==, 0);
  expected = g_strdup_printf ("Trusted comment: %s\n", comment);
  g_assert_nonnull (strstr (out, expected));
  g_assert_cmpint (run_minisign (fixture, NULL, &out_h, "-V", "-H", "-p", pub_name, "-m",
                                 "feed.json", "-x", "ours.minisig", NULL),
                   ==, 0);
}

/* ------------------------------------------------------------------------------------------ */
/* Tests                                                                                      */
/* ------------------------------------------------------------------------------------------ */

/* minisign -G -W keys and minisign's signatures (prehashed and legacy), verified by us. */
static void
test_minisign_signs_we_verify (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (RempartMinisignPublicKey) key = NULL;
  g_autoptr (RempartMinisignPublicKey) line_key = NULL;
  g_autoptr (GBytes) pub_text = NULL;
  g_autofree char *prehashed = NULL;
  g_autofree char *legacy = NULL;
  g_autofree char *custom = NULL;
  g_autoptr (GError) error = NULL;

  if (!have_minisign (fixture))
    return;

  write_feed (fixture);
  g_assert_cmpint (
      run_minisign (fixture, NULL, NULL, "-G", "-W", "-p", "m.pub", "-s", "m.key", NULL), ==, 0);
  g_assert_cmpint (run_minisign (fixture, NULL, NULL, "-S", "-s", "m.key", "-m", "feed.json", NULL),
                   ==, 0);
  g_assert_cmpint (run_minisign (fixture, NULL, NULL, "-S", "-l", "-s", "m.key", "-m", "feed.json",
                                 "-x", "legacy.minisig", NULL),
                   ==, 0);
  g_assert_cmpint (run_minisign (fixture, NULL, NULL, "-S", "-s", "m.key", "-m", "feed.json", "-x",
                                 "custom.minisig", "-t", "feed of 1 March, “#jesuislà”", "-c",
                                 "made by the test", NULL),
                   ==, 0);

  key = public_key_in (fixture, "m.pub");
  pub_text = read_in (fixture, "m.pub");
  {
    g_autofree char *text =
        g_strndup (g_bytes_get_data (pub_text, NULL), g_bytes_get_size (pub_text));
    g_auto (GStrv) lines = g_strsplit (text, "\n", -1);

    line_key = rempart_minisign_public_key_parse (lines[1], -1, &error);
    g_assert_no_error (error);
    g_assert_true (rempart_minisign_public_key_equal (key, line_key));
  }

  prehashed = verify_in (fixture, key, "feed.json", "feed.json.minisig");
  g_assert_true (
      g_regex_match_simple ("^timestamp:[0-9]+\tfile:feed\\.json\thashed$", prehashed, 0, 0));
  legacy = verify_in (fixture, line_key, "feed.json", "legacy.minisig");
  g_assert_true (g_regex_match_simple ("^timestamp:[0-9]+\tfile:feed\\.json$", legacy, 0, 0));
  custom = verify_in (fixture, key, "feed.json", "custom.minisig");
  g_assert_cmpstr (custom, ==, "feed of 1 March, “#jesuislà”");

  /* Our key id string is the one minisign wrote in the public key's comment. */
  {
    g_autofree char *id = rempart_minisign_public_key_get_key_id_string (key);
    g_autofree char *comment = g_strdup_printf ("minisign public key %s\n", id);

    g_assert_nonnull (
        g_strstr_len (g_bytes_get_data (pub_text, NULL), g_bytes_get_size (pub_text), comment));
  }
}

/* Our signatures with minisign's key, verified by minisign; and minisign rejects our
 * signature over altered data, so the check above is not vacuous. */
static void
test_we_sign_minisign_verifies (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (RempartMinisignSecretKey) key = NULL;
  g_autoptr (GBytes) tampered = g_bytes_new_static ("{}", 2);
  g_autofree char *out = NULL;

  if (!have_minisign (fixture))
    return;

  write_feed (fixture);
  g_assert_cmpint (
      run_minisign (fixture, NULL, NULL, "-G", "-W", "-p", "m.pub", "-s", "m.key", NULL), ==, 0);
  key = secret_key_in (fixture, "m.key", NULL);

  sign_and_check_with_minisign (fixture, key, "m.pub", "flux du 1er mars — #jesuislà");
  {
    g_autoptr (GBytes) data = read_in (fixture, "feed.json");
    g_autoptr (GError) error = NULL;
    g_autoptr (GBytes) sig = rempart_minisign_sign (key, data, NULL, "feed.json", &error);
    g_autofree char *default_out = NULL;

    g_assert_no_error (error);
    write_in (fixture, "default.minisig", sig);
    g_assert_cmpint (run_minisign (fixture, NULL, &default_out, "-V", "-p", "m.pub", "-m",
                                   "feed.json", "-x", "default.minisig", NULL),
                     ==, 0);
    g_assert_true (g_regex_match_simple ("Trusted comment: timestamp:[0-9]+\tfile:feed\\.json"
                                         "\thashed\n",
                                         default_out, 0, 0));
  }

  write_in (fixture, "feed.json", tampered);
  g_assert_cmpint (run_minisign (fixture, NULL, &out, "-V", "-p", "m.pub", "-m", "feed.json", "-x",
                                 "ours.minisig", NULL),
                   !=, 0);
}

/* A password-protected key made by minisign -G now: scrypt at minisign's real cost. */
static void
test_minisign_password_key (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (RempartMinisignSecretKey) key = NULL;
  g_autoptr (RempartMinisignPublicKey) public = NULL;
  g_autoptr (RempartMinisignPublicKey) derived = NULL;
  g_autoptr (GBytes) sec_text = NULL;
  g_autoptr (GError) error = NULL;

  if (!have_minisign (fixture))
    return;

  write_feed (fixture);
  g_assert_cmpint (run_minisign (fixture, "pass word\npass word\n", NULL, "-G", "-p", "m.pub", "-s",
                                 "m.key", NULL),
                   ==, 0);
  sec_text = read_in (fixture, "m.key");
  g_assert_null (rempart_minisign_secret_key_parse (sec_text, "pass wort", &error));
  g_assert_error (error, REMPART_MINISIGN_ERROR, REMPART_MINISIGN_ERROR_WRONG_PASSWORD);

  key = secret_key_in (fixture, "m.key", "pass word");
  public = public_key_in (fixture, "m.pub");
  derived = rempart_minisign_secret_key_get_public_key (key);
  g_assert_true (rempart_minisign_public_key_equal (public, derived));
  sign_and_check_with_minisign (fixture, key, "m.pub", "signed with a minisign password key");
}

/* Our keys, unencrypted and encrypted at both kinds of scrypt cost libsodium distinguishes,
 * used by minisign to sign; minisign also refuses a wrong password for them, so it does
 * check our checksum. */
static void
test_our_keys_minisign_signs (Fixture *fixture, gconstpointer user_data)
{
  const struct
  {
    const char *password;
    guint64 opslimit;
    guint64 memlimit;
  } cases[] = {
    { NULL, 0, 0 },
    { "s3cret", 65536, 16777216 },  /* opslimit < memlimit / 32: p = 1 */
    { "s3cret", 1 << 20, 1 << 21 }, /* memory-bound: N = 2^11, p = 16 */
    { "s3cret", 0, 0 },             /* below libsodium's minimum opslimit */
  };

  if (!have_minisign (fixture))
    return;

  write_feed (fixture);
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *pub_path = path_in (fixture, "ours.pub");
      g_autofree char *sec_path = path_in (fixture, "ours.key");
      g_autofree char *input = NULL;
      g_autofree char *out = NULL;
      g_autofree char *comment = NULL;
      g_autoptr (RempartMinisignPublicKey) public = NULL;
      g_autoptr (GError) error = NULL;

      g_assert_true (_rempart_minisign_keygen_full (pub_path, sec_path, cases[i].password, TRUE,
                                                    cases[i].opslimit, cases[i].memlimit, &error));
      g_assert_no_error (error);
      public = public_key_in (fixture, "ours.pub");

      if (cases[i].password != NULL)
        {
          g_autofree char *wrong_out = NULL;

          g_assert_cmpint (run_minisign (fixture, "not it\n", &wrong_out, "-S", "-s", "ours.key",
                                         "-m", "feed.json", NULL),
                           !=, 0);
          g_assert_nonnull (strstr (wrong_out, "Wrong password"));
          input = g_strdup_printf ("%s\n", cases[i].password);
        }
      g_assert_cmpint (run_minisign (fixture, input, NULL, "-S", "-s", "ours.key", "-m",
                                     "feed.json", "-t", "minisign with our key", NULL),
                       ==, 0);
      g_assert_cmpint (
          run_minisign (fixture, NULL, &out, "-V", "-p", "ours.pub", "-m", "feed.json", NULL), ==,
          0);
      comment = verify_in (fixture, public, "feed.json", "feed.json.minisig");
      g_assert_cmpstr (comment, ==, "minisign with our key");
    }
}

/* rempart_minisign_keygen() as shipped: scrypt at minisign's cost, read by minisign. */
static void
test_our_default_keygen (Fixture *fixture, gconstpointer user_data)
{
  g_autofree char *pub_path = NULL;
  g_autofree char *sec_path = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartMinisignPublicKey) public = NULL;
  g_autofree char *comment = NULL;

  if (!have_minisign (fixture))
    return;

  write_feed (fixture);
  pub_path = path_in (fixture, "ours.pub");
  sec_path = path_in (fixture, "ours.key");
  g_assert_true (rempart_minisign_keygen (pub_path, sec_path, "moderator", FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (run_minisign (fixture, "moderator\n", NULL, "-S", "-s", "ours.key", "-m",
                                 "feed.json", "-t", "default cost", NULL),
                   ==, 0);
  public = public_key_in (fixture, "ours.pub");
  comment = verify_in (fixture, public, "feed.json", "feed.json.minisig");
  g_assert_cmpstr (comment, ==, "default cost");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/minisign-interop/minisign-signs-we-verify", Fixture, NULL, fixture_setup,
              test_minisign_signs_we_verify, fixture_teardown);
  g_test_add ("/minisign-interop/we-sign-minisign-verifies", Fixture, NULL, fixture_setup,
              test_we_sign_minisign_verifies, fixture_teardown);
  g_test_add ("/minisign-interop/minisign-password-key", Fixture, NULL, fixture_setup,
              test_minisign_password_key, fixture_teardown);
  g_test_add ("/minisign-interop/our-keys-minisign-signs", Fixture, NULL, fixture_setup,
              test_our_keys_minisign_signs, fixture_teardown);
  g_test_add ("/minisign-interop/our-default-keygen", Fixture, NULL, fixture_setup,
              test_our_default_keygen, fixture_teardown);

  return g_test_run ();
}
