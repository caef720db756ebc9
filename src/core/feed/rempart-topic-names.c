/* rempart-topic-names.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rempart-topic-names.h"

/*
 * The topics as people read them. The feed's keywords (rempart_topic_to_string()) are part
 * of the file format and never translated; these names are what the app shows and what a
 * template's {topic} placeholder becomes.
 */

/* In enum order; NONE has no name. The context keeps "Other" apart from other uses. */
static const char *const display_names[] = {
  NULL,
  /* TRANSLATORS: a topic of an action: racist comments */
  NC_ ("topic", "Racism"),
  /* TRANSLATORS: a topic of an action: sexist comments */
  NC_ ("topic", "Sexism"),
  /* TRANSLATORS: a topic of an action: comments against lesbian, gay, bi and trans people */
  NC_ ("topic", "LGBTphobia"),
  /* TRANSLATORS: a topic of an action */
  NC_ ("topic", "Antisemitism"),
  /* TRANSLATORS: a topic of an action: comments against Muslims */
  NC_ ("topic", "Islamophobia"),
  /* TRANSLATORS: a topic of an action: comments against disabled people (the feed's
   * keyword is "disability") */
  NC_ ("topic", "Ableism"),
  /* TRANSLATORS: a topic of an action: false claims and made-up figures */
  NC_ ("topic", "Disinformation"),
  /* TRANSLATORS: a topic of an action that fits none of the others */
  NC_ ("topic", "Other"),
};

/*
 * rempart_topic_get_display_name:
 * @topic: a topic
 *
 * Returns: (nullable): the translated name of @topic ("Racism"), or %NULL for
 *   %REMPART_TOPIC_NONE and for values outside the enumeration
 */
const char *
rempart_topic_get_display_name (RempartTopic topic)
{
  if ((guint) topic >= G_N_ELEMENTS (display_names) || display_names[topic] == NULL)
    return NULL;

  return g_dpgettext2 (GETTEXT_PACKAGE, "topic", display_names[topic]);
}
