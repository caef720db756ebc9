/* test-templates-select.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rempart-feed-parser.h"
#include "rempart-template-fill.h"
#include "rempart-template-pack.h"
#include "rempart-template.h"
#include "rempart-tone.h"
#include "rempart-topic-names.h"

#include "templates-fixture.h"

/*
 * Templates from a feed, duplicates, and the composer's selection and order.
 */

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static RempartTemplate *
user_template (const char *id, const char *language, const char *const *topics)
{
  return rempart_template_new (REMPART_TEMPLATE_ORIGIN_USER, id, id, language, topics,
                               REMPART_TEMPLATE_APPROACH_NONE, NULL, "{hashtag} Mine.");
}

/* -------------------------------------------------------------------------------------- */
/* Templates and selection                                                                */
/* -------------------------------------------------------------------------------------- */

static void
test_from_feed (void)
{
  g_autoptr (RempartFeed) feed = load_example_feed ();
  g_autoptr (GPtrArray) templates = rempart_templates_from_feed (rempart_feed_get_templates (feed));
  RempartFeedTemplate bare = { .id = (char *) "bare", .body = (char *) "x" };
  g_autoptr (RempartTemplate) from_bare = NULL;
  RempartTemplate *tmpl;

  g_assert_cmpuint (templates->len, ==, 2);
  tmpl = g_ptr_array_index (templates, 0);
  g_assert_cmpstr (rempart_template_get_id (tmpl), ==, "facts-first");
  g_assert_cmpstr (rempart_template_get_title (tmpl), ==, "Les faits d’abord");
  g_assert_cmpstr (rempart_template_get_language (tmpl), ==, "fr");
  g_assert_cmpstr (rempart_template_get_when (tmpl), ==,
                   "Quand un commentaire avance un chiffre faux");
  g_assert_cmpuint (g_strv_length ((GStrv) rempart_template_get_topics (tmpl)), ==, 2);
  g_assert_cmpint (rempart_template_get_origin (tmpl), ==, REMPART_TEMPLATE_ORIGIN_FEED);
  g_assert_cmpint (rempart_template_get_approach (tmpl), ==, REMPART_TEMPLATE_APPROACH_NONE);
  g_assert_true (rempart_template_get_read_only (tmpl));

  /* The feed allows a template without title, language or topics. */
  from_bare = rempart_template_from_feed_template (&bare);
  g_assert_cmpstr (rempart_template_get_title (from_bare), ==, "bare");
  g_assert_null (rempart_template_get_language (from_bare));
  g_assert_nonnull (rempart_template_get_topics (from_bare));
  g_assert_true (rempart_template_matches_topic (from_bare, REMPART_TOPIC_SEXISM));
  g_assert_true (rempart_template_matches_language (from_bare, "sv"));
}

static void
test_duplicate (void)
{
  g_autoptr (GPtrArray) builtin = load_pack ("en");
  RempartTemplate *original = g_ptr_array_index (builtin, 0);
  g_autoptr (RempartTemplate) copy = rempart_template_duplicate (original, "mine-1");
  g_autoptr (RempartTemplate) copy2 = rempart_template_duplicate (original, NULL);
  g_autoptr (RempartTemplate) copy3 = rempart_template_duplicate (original, NULL);
  g_autofree char *title = g_strdup_printf ("Copy of %s", rempart_template_get_title (original));
  gboolean read_only = TRUE;
  RempartTemplateOrigin origin = REMPART_TEMPLATE_ORIGIN_BUILTIN;

  g_assert_true (copy != original);
  g_assert_cmpint (rempart_template_get_origin (copy), ==, REMPART_TEMPLATE_ORIGIN_USER);
  g_assert_false (rempart_template_get_read_only (copy));
  g_assert_cmpstr (rempart_template_get_id (copy), ==, "mine-1");
  g_assert_cmpstr (rempart_template_get_title (copy), ==, title);
  g_assert_cmpstr (rempart_template_get_body (copy), ==, rempart_template_get_body (original));
  g_assert_cmpstr (rempart_template_get_when (copy), ==, rempart_template_get_when (original));
  g_assert_cmpstr (rempart_template_get_language (copy), ==, "en");
  g_assert_true (g_strv_equal ((const char *const *) rempart_template_get_topics (copy),
                               (const char *const *) rempart_template_get_topics (original)));
  g_assert_cmpint (rempart_template_get_approach (copy), ==,
                   rempart_template_get_approach (original));
  /* The original is untouched. */
  g_assert_cmpint (rempart_template_get_origin (original), ==, REMPART_TEMPLATE_ORIGIN_BUILTIN);

  g_assert_true (g_str_has_prefix (rempart_template_get_id (copy2), "user-"));
  g_assert_cmpstr (rempart_template_get_id (copy2), !=, rempart_template_get_id (copy3));
  g_assert_cmpstr (rempart_template_get_id (copy2), !=, rempart_template_get_id (original));

  /* Properties, for list models and expressions. */
  g_object_get (copy, "read-only", &read_only, "origin", &origin, NULL);
  g_assert_false (read_only);
  g_assert_cmpint (origin, ==, REMPART_TEMPLATE_ORIGIN_USER);
}

static void
assert_order (GPtrArray *result)
{
  RempartTemplateOrigin rank[] = { 2, 0, 1 }; /* BUILTIN last, FEED first, USER between */

  for (guint i = 1; i < result->len; i++)
    g_assert_cmpint (rank[rempart_template_get_origin (g_ptr_array_index (result, i - 1))], <=,
                     rank[rempart_template_get_origin (g_ptr_array_index (result, i))]);
}

static void
test_select (void)
{
  static const char *const racism[] = { "racism", NULL };
  static const char *const sexism[] = { "sexism", NULL };
  g_autoptr (RempartFeed) feed = load_example_feed ();
  g_autoptr (GPtrArray) from_feed = rempart_templates_from_feed (rempart_feed_get_templates (feed));
  g_autoptr (GPtrArray) fr = load_pack ("fr");
  g_autoptr (GPtrArray) en = load_pack ("en");
  g_autoptr (GPtrArray) builtin = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) user = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) result = NULL;
  g_autoptr (GPtrArray) english = NULL;
  g_autoptr (GPtrArray) no_action = NULL;
  RempartAction *action = g_list_model_get_item (rempart_feed_get_actions (feed), 0);
  guint n_fr_racism = 0;

  for (guint i = 0; i < en->len; i++)
    g_ptr_array_add (builtin, g_object_ref (g_ptr_array_index (en, i)));
  for (guint i = 0; i < fr->len; i++)
    g_ptr_array_add (builtin, g_object_ref (g_ptr_array_index (fr, i)));
  g_ptr_array_add (user, user_template ("u-racism-fr", "fr", racism));
  g_ptr_array_add (user, user_template ("u-sexism-fr", "fr", sexism));
  g_ptr_array_add (user, user_template ("u-any", NULL, NULL));
  g_ptr_array_add (user, user_template ("u-racism-en", "en-GB", racism));

  for (guint i = 0; i < fr->len; i++)
    if (rempart_template_matches_topic (g_ptr_array_index (fr, i), REMPART_TOPIC_RACISM))
      n_fr_racism++;

  /* The action is about racism, in French. */
  g_assert_cmpint (rempart_action_get_topic (action), ==, REMPART_TOPIC_RACISM);
  result = rempart_templates_for_action (from_feed, builtin, user, action, NULL);
  assert_order (result);
  g_assert_cmpuint (result->len, ==, 1 + 2 + n_fr_racism);
  g_assert_cmpstr (rempart_template_get_id (g_ptr_array_index (result, 0)), ==, "facts-first");
  g_assert_cmpstr (rempart_template_get_id (g_ptr_array_index (result, 1)), ==, "u-racism-fr");
  g_assert_cmpstr (rempart_template_get_id (g_ptr_array_index (result, 2)), ==, "u-any");
  for (guint i = 3; i < result->len; i++)
    {
      RempartTemplate *tmpl = g_ptr_array_index (result, i);

      g_assert_cmpint (rempart_template_get_origin (tmpl), ==, REMPART_TEMPLATE_ORIGIN_BUILTIN);
      g_assert_cmpstr (rempart_template_get_language (tmpl), ==, "fr");
      g_assert_true (rempart_template_matches_topic (tmpl, REMPART_TOPIC_RACISM));
    }
  /* The pack's template for every topic is offered. */
  g_assert_cmpstr (rempart_template_get_id (g_ptr_array_index (result, result->len - 1)), ==,
                   "soutien");

  /* Replying in English: the French feed template goes, "en" matches "en-GB". */
  english = rempart_templates_for_action (from_feed, builtin, user, action, "en");
  assert_order (english);
  g_assert_cmpstr (rempart_template_get_id (g_ptr_array_index (english, 0)), ==, "u-any");
  g_assert_cmpstr (rempart_template_get_id (g_ptr_array_index (english, 1)), ==, "u-racism-en");
  for (guint i = 2; i < english->len; i++)
    g_assert_cmpstr (rempart_template_get_language (g_ptr_array_index (english, i)), ==, "en");

  /* No action and no language: everything, in origin order. */
  no_action = rempart_templates_for_action (from_feed, builtin, user, NULL, NULL);
  g_assert_cmpuint (no_action->len, ==, from_feed->len + user->len + builtin->len);
  assert_order (no_action);

  /* Empty and missing lists are fine. */
  {
    g_autoptr (GPtrArray) empty = rempart_templates_for_action (NULL, NULL, NULL, action, "fr");

    g_assert_cmpuint (empty->len, ==, 0);
  }

  g_object_unref (action);
}

static void
test_select_topic_lgbt (void)
{
  g_autoptr (RempartFeed) feed = load_example_feed ();
  g_autoptr (GPtrArray) from_feed = rempart_templates_from_feed (rempart_feed_get_templates (feed));
  g_autoptr (GPtrArray) fr = load_pack ("fr");
  RempartAction *action = g_list_model_get_item (rempart_feed_get_actions (feed), 1);
  g_autoptr (GPtrArray) result = NULL;

  /* This action gives no language: the reply language decides. */
  g_assert_null (rempart_action_get_language (action));
  result = rempart_templates_for_action (from_feed, fr, NULL, action, "fr");
  g_assert_cmpstr (rempart_template_get_id (g_ptr_array_index (result, 0)), ==, "empathy");
  for (guint i = 1; i < result->len; i++)
    {
      RempartTemplate *tmpl = g_ptr_array_index (result, i);

      g_assert_cmpint (rempart_template_get_origin (tmpl), ==, REMPART_TEMPLATE_ORIGIN_BUILTIN);
      g_assert_true (rempart_template_matches_topic (tmpl, REMPART_TOPIC_LGBTPHOBIA));
      g_assert_false (rempart_template_matches_topic (tmpl, REMPART_TOPIC_OTHER) &&
                      rempart_template_get_topics (tmpl)[0] != NULL &&
                      !strv_has (rempart_template_get_topics (tmpl), "lgbtphobia"));
    }
  g_assert_cmpuint (result->len, >=, 3);

  g_object_unref (action);
}
/* -------------------------------------------------------------------------------------- */
/* Main                                                                                   */
/* -------------------------------------------------------------------------------------- */

int
main (int argc, char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  if (!templates_fixture_init ())
    return 0;

  g_test_add_func ("/templates/from-feed", test_from_feed);
  g_test_add_func ("/templates/duplicate", test_duplicate);
  g_test_add_func ("/templates/select/order", test_select);
  g_test_add_func ("/templates/select/topic", test_select_topic_lgbt);

  status = g_test_run ();
  templates_fixture_clear ();

  return status;
}
