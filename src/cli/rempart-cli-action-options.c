/* rempart-cli-action-options.c: the options of rempart-feed add and edit
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rempart-cli-action-options.h"
#include "rempart-cli.h"
#include "rempart-date.h"
#include "rempart-feed-parser.h"

/* An expiry further than a year away is a typo, not a plan. */
#define MAX_HOURS (24 * 366)

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

/* "TITLE=URL": the address starts at the first "=http://" or "=https://", since both titles and
 * addresses (query strings) may hold "=". */
static RempartSource *
parse_source (const char *text, GError **error)
{
  g_autofree char *lower = g_ascii_strdown (text, -1);
  g_autofree char *title = NULL;
  g_autofree char *url = NULL;
  const char *split = strstr (lower, "=http://");
  const char *https = strstr (lower, "=https://");

  if (split == NULL || (https != NULL && https < split))
    split = https;
  if (split == NULL)
    split = strchr (lower, '=');
  if (split == NULL || split == lower)
    {
      g_set_error (error, REMPART_FEED_ERROR, REMPART_FEED_ERROR_BAD_URL,
                   _ ("“%s” is not TITLE=ADDRESS, such as “INSEE=https://www.insee.fr/”"), text);
      return NULL;
    }

  title = g_strndup (text, split - lower);
  url = rempart_feed_normalize_url (text + (split - lower) + 1, error);
  if (url == NULL)
    return NULL;

  return rempart_source_new (title, url);
}

/* In `edit`, a list option replaces the whole list; given once and empty, it removes it. */
static gboolean
is_cleared_list (char **values)
{
  return values != NULL && values[0] != NULL && values[0][0] == '\0' && values[1] == NULL;
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

void
rempart_cli_action_options_clear (RempartCliActionOptions *options)
{
  g_clear_pointer (&options->id, g_free);
  g_clear_pointer (&options->title, g_free);
  g_clear_pointer (&options->url, g_free);
  g_clear_pointer (&options->brief, g_free);
  g_clear_pointer (&options->excerpt, g_free);
  g_clear_pointer (&options->topic, g_free);
  g_clear_pointer (&options->platform, g_free);
  g_clear_pointer (&options->priority, g_free);
  g_clear_pointer (&options->language, g_free);
  g_clear_pointer (&options->expires, g_free);
  g_clear_pointer (&options->tags, g_strfreev);
  g_clear_pointer (&options->sources, g_strfreev);
  g_clear_pointer (&options->arguments, g_strfreev);
  g_clear_pointer (&options->normalized_url, g_free);
  g_clear_pointer (&options->parsed_sources, g_ptr_array_unref);
  g_clear_pointer (&options->expires_date, g_date_time_unref);
}

void
rempart_cli_action_options_add_entries (GOptionContext *context,
                                        RempartCliActionOptions *options,
                                        gboolean with_id)
{
  const GOptionEntry entries[] = {
    { "title", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &options->title,
      N_ ("Title of the action"),
      /* Translators: placeholder for the value of a rempart-feed command-line option, shown by
       * --help as --option=TITLE; write it in capitals without spaces. Here: a title (of the action
       * or of the group's feed) */
      N_ ("TITLE") },
    { "url", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &options->url,
      N_ ("Address of the comment thread"),
      /* Translators: placeholder for the value of a rempart-feed command-line option, shown by
       * --help as --option=THREAD; write it in capitals without spaces. Here: the address of the
       * comment thread */
      N_ ("THREAD") },
    { "brief", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &options->brief,
      N_ ("What is going on, what to say and what not to say"),
      /* Translators: placeholder for the value of a rempart-feed command-line option, shown by
       * --help as --option=BRIEF; write it in capitals without spaces. Here: the action's brief
       * (what to say and not to say) */
      N_ ("BRIEF") },
    { "excerpt", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &options->excerpt,
      N_ ("The hateful comment the action answers"),
      /* Translators: placeholder for the value of a rempart-feed command-line option, shown by
       * --help as --option=TEXT; write it in capitals without spaces. Here: a piece of free text */
      N_ ("TEXT") },
    { "topic", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &options->topic,
      N_ ("racism, sexism, lgbtphobia, antisemitism, islamophobia, disability, disinformation or "
          "other"),
      /* Translators: placeholder for the value of a rempart-feed command-line option, shown by
       * --help as --option=TOPIC; write it in capitals without spaces. Here: the action's topic,
       * one of a fixed list */
      N_ ("TOPIC") },
    { "platform", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &options->platform,
      N_ ("Where the thread is, e.g. Facebook"),
      /* Translators: placeholder for the value of a rempart-feed command-line option, shown by
       * --help as --option=PLATFORM; write it in capitals without spaces. Here: the platform of the
       * thread, e.g. Facebook */
      N_ ("PLATFORM") },
    { "priority", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &options->priority,
      N_ ("normal or high"),
      /* Translators: placeholder for the value of a rempart-feed command-line option, shown by
       * --help as --option=PRIORITY; write it in capitals without spaces. Here: the action's
       * priority (normal or high) */
      N_ ("PRIORITY") },
    { "language", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &options->language,
      N_ ("Language of the thread, e.g. fr"),
      /* Translators: placeholder for the value of a rempart-feed command-line option, shown by
       * --help as --option=LANG; write it in capitals without spaces. Here: a language code, e.g.
       * fr */
      N_ ("LANG") },
    { "expires", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &options->expires,
      N_ ("When the action ends, as an RFC 3339 date"),
      /* Translators: placeholder for the value of a rempart-feed command-line option, shown by
       * --help as --option=DATE; write it in capitals without spaces. Here: an RFC 3339 date */
      N_ ("DATE") },
    { "hours", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, &options->hours,
      N_ ("The action ends N hours from now (add: 48 unless --expires is given)"),
      /* Translators: placeholder for the value of a rempart-feed command-line option, shown by
       * --help as --option=N; write it in capitals without spaces. Here: a whole number */
      N_ ("N") },
    { "tag", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING_ARRAY, &options->tags,
      N_ ("A tag; repeat for more"),
      /* Translators: placeholder for the value of a rempart-feed command-line option, shown by
       * --help as --option=TAG; write it in capitals without spaces. Here: a tag */
      N_ ("TAG") },
    { "source", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING_ARRAY, &options->sources,
      N_ ("A vetted source; repeat for more"),
      /* Translators: placeholder for the value of a rempart-feed command-line option, shown by
       * --help as --option=TITLE=URL; write it in capitals without spaces. Here: a source, written
       * as its title, an equals sign and its web address; keep the = sign */
      N_ ("TITLE=URL") },
    { "argument", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING_ARRAY, &options->arguments,
      N_ ("An argument for replies; repeat for more"),
      /* Translators: placeholder for the value of a rempart-feed command-line option, shown by
       * --help as --option=TEXT; write it in capitals without spaces. Here: a piece of free text */
      N_ ("TEXT") },
    { NULL },
  };
  const GOptionEntry id_entries[] = {
    { "id", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &options->id,
      N_ ("The action’s id (a fresh one when absent)"),
      /* Translators: placeholder for the value of a rempart-feed command-line option, shown by
       * --help as --option=ID; write it in capitals without spaces. Here: the action's id */
      N_ ("ID") },
    { NULL },
  };

  /* GOption copies the entries. */
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (with_id)
    g_option_context_add_main_entries (context, id_entries, GETTEXT_PACKAGE);
}

/*
 * rempart_cli_action_options_resolve:
 * @adding: %TRUE for `add` (title and address required, a default expiry), %FALSE for `edit`
 *   (only what was given changes)
 *
 * Checks the options and fills @options->action and @options->fields. Returns
 * %REMPART_CLI_EXIT_OK, or prints the problem and returns %REMPART_CLI_EXIT_USAGE.
 */
int
rempart_cli_action_options_resolve (RempartCliActionOptions *options,
                                    GOptionContext *context,
                                    gboolean adding)
{
  g_autoptr (GError) error = NULL;
  RempartNewAction *action = &options->action;

  action->topic = REMPART_TOPIC_NONE;
  action->priority = REMPART_PRIORITY_NORMAL;

  if (adding && (options->title == NULL || *options->title == '\0'))
    return rempart_cli_usage_error (context, _ ("Give the action’s --title"));
  if (adding && options->url == NULL)
    return rempart_cli_usage_error (context, _ ("Give the thread’s address with --url"));
  if (options->title != NULL && *options->title == '\0')
    return rempart_cli_usage_error (context, _ ("--title: an action needs a title"));

  if (options->url != NULL)
    {
      options->normalized_url = rempart_feed_normalize_url (options->url, &error);
      if (options->normalized_url == NULL)
        return rempart_cli_usage_error (
            context,
            /* Translators: a usage error of rempart-feed about the --url option (keep the option
             * name); %s is the reason */
            _ ("--url: %s"), error->message);
      action->url = options->normalized_url;
      options->fields |= REMPART_ACTION_FIELD_URL;
    }

  if (options->topic != NULL && *options->topic != '\0' &&
      !rempart_topic_from_string (options->topic, &action->topic))
    return rempart_cli_usage_error (context, _ ("--topic: unknown topic “%s”"), options->topic);
  if (options->priority != NULL &&
      !rempart_priority_from_string (options->priority, &action->priority))
    return rempart_cli_usage_error (context, _ ("--priority: “%s” is neither normal nor high"),
                                    options->priority);

  if (options->expires != NULL && options->hours >= 0)
    return rempart_cli_usage_error (context, _ ("Give either --expires or --hours, not both"));
  if (options->expires != NULL &&
      (options->expires_date = rempart_date_parse (options->expires)) == NULL)
    return rempart_cli_usage_error (
        context, _ ("--expires: “%s” is not a date such as 2026-12-31T18:00:00+01:00"),
        options->expires);
  if (options->hours == 0 || options->hours > MAX_HOURS || options->hours < -1)
    return rempart_cli_usage_error (context, _ ("--hours: give a number from 1 to %d"), MAX_HOURS);
  if (options->hours > 0 || (adding && options->expires_date == NULL))
    {
      g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
      int hours = options->hours > 0 ? options->hours : REMPART_CLI_DEFAULT_HOURS;

      /* Whole seconds: the feed's dates carry no fraction. */
      g_autoptr (GDateTime) start = g_date_time_new_from_unix_utc (g_date_time_to_unix (now));

      options->expires_date = g_date_time_add_hours (start, hours);
    }

  if (options->sources != NULL && !is_cleared_list (options->sources))
    {
      options->parsed_sources =
          g_ptr_array_new_with_free_func ((GDestroyNotify) rempart_source_free);
      for (guint i = 0; options->sources[i] != NULL; i++)
        {
          RempartSource *source = parse_source (options->sources[i], &error);

          if (source == NULL)
            return rempart_cli_usage_error (
                context,
                /* Translators: a usage error of rempart-feed about the --source option (keep the
                 * option name); %s is the reason */
                _ ("--source: %s"), error->message);
          g_ptr_array_add (options->parsed_sources, source);
        }
    }

  action->id = options->id;
  action->title = options->title;
  action->brief = options->brief;
  action->excerpt = options->excerpt;
  action->platform = options->platform;
  action->language = options->language;
  action->tags = is_cleared_list (options->tags) ? NULL : (const char *const *) options->tags;
  action->arguments =
      is_cleared_list (options->arguments) ? NULL : (const char *const *) options->arguments;
  action->sources = options->parsed_sources;
  action->expires = options->expires_date;

  if (options->title != NULL)
    options->fields |= REMPART_ACTION_FIELD_TITLE;
  if (options->brief != NULL)
    options->fields |= REMPART_ACTION_FIELD_BRIEF;
  if (options->excerpt != NULL)
    options->fields |= REMPART_ACTION_FIELD_EXCERPT;
  if (options->topic != NULL)
    options->fields |= REMPART_ACTION_FIELD_TOPIC;
  if (options->platform != NULL)
    options->fields |= REMPART_ACTION_FIELD_PLATFORM;
  if (options->priority != NULL)
    options->fields |= REMPART_ACTION_FIELD_PRIORITY;
  if (options->language != NULL)
    options->fields |= REMPART_ACTION_FIELD_LANGUAGE;
  if (options->tags != NULL)
    options->fields |= REMPART_ACTION_FIELD_TAGS;
  if (options->sources != NULL)
    options->fields |= REMPART_ACTION_FIELD_SOURCES;
  if (options->arguments != NULL)
    options->fields |= REMPART_ACTION_FIELD_ARGUMENTS;
  if (options->expires_date != NULL)
    options->fields |= REMPART_ACTION_FIELD_EXPIRES;

  if (!adding && options->fields == 0)
    return rempart_cli_usage_error (context, _ ("Give at least one field to change"));

  return REMPART_CLI_EXIT_OK;
}
