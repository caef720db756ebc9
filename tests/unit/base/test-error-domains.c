/* test-error-domains.c: every error domain is registered under the name its header promises
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rempart-feed-parser.h"
#include "rempart-fetcher.h"
#include "rempart-helplines.h"
#include "rempart-join-link.h"
#include "rempart-json.h"
#include "rempart-keyring.h"
#include "rempart-minisign.h"
#include "rempart-publish.h"
#include "rempart-store.h"
#include "rempart-template-pack.h"
#include "rempart-tone.h"
#include "rempart-workspace.h"

/*
 * A domain's name is what g_dbus_error and logs show, and what two copies of the library
 * compare: "rempart - feed - error - quark" (what clang-format once made of G_DEFINE_QUARK)
 * is a different domain from "rempart-feed-error-quark". tests/data/validate.sh layers checks
 * that every domain declared under src/ is listed here.
 */

typedef struct
{
  const char *name;
  GQuark (*quark) (void);
} Domain;

static const Domain domains[] = {
  { "rempart-feed-error-quark", rempart_feed_error_quark },
  { "rempart-fetch-error-quark", rempart_fetch_error_quark },
  { "rempart-join-error-quark", rempart_join_error_quark },
  { "rempart-json-error-quark", rempart_json_error_quark },
  { "rempart-keyring-error-quark", rempart_keyring_error_quark },
  { "rempart-minisign-error-quark", rempart_minisign_error_quark },
  { "rempart-publish-error-quark", rempart_publish_error_quark },
  { "rempart-store-error-quark", rempart_store_error_quark },
  { "rempart-template-error-quark", rempart_template_error_quark },
  { "rempart-tone-error-quark", rempart_tone_error_quark },
  { "rempart-wellbeing-error-quark", rempart_wellbeing_error_quark },
  { "rempart-workspace-error-quark", rempart_workspace_error_quark },
};

static void
test_names (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (domains); i++)
    {
      GQuark quark = domains[i].quark ();

      g_test_message ("%s", g_quark_to_string (quark));
      g_assert_cmpstr (g_quark_to_string (quark), ==, domains[i].name);
      g_assert_null (strchr (g_quark_to_string (quark), ' '));
      /* Stable: the same quark on every call. */
      g_assert_cmpuint (domains[i].quark (), ==, quark);
    }
}

static void
test_distinct (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (domains); i++)
    for (guint j = i + 1; j < G_N_ELEMENTS (domains); j++)
      g_assert_cmpuint (domains[i].quark (), !=, domains[j].quark ());
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/error-domains/names", test_names);
  g_test_add_func ("/error-domains/distinct", test_distinct);

  return g_test_run ();
}
