/* rempart-tone-pack.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "rempart-json.h"
#include "rempart-tone-private.h"

/*
 * A rule pack is data (data/tone/<language>.json, format in docs/tone-check.md): lexicons
 * and patterns only, never a sentence a person reads, so that every message stays in the
 * code and goes through gettext. Loading compiles each list once into hash tables keyed by
 * the first normalised token, which is what keeps a check of a long draft in microseconds.
 */

/* A pack is a few kilobytes; refuse to parse anything absurd. */
#define PACK_MAX_SIZE (1024 * 1024)

/* Written out rather than G_DEFINE_QUARK: clang-format reads the quark's name as a
 * subtraction and spaces it out, which changes the registered name. */
GQuark
rempart_tone_error_quark (void)
{
  return g_quark_from_static_string ("rempart-tone-error-quark");
}

G_DEFINE_BOXED_TYPE (RempartTonePack,
                     rempart_tone_pack,
                     rempart_tone_pack_ref,
                     rempart_tone_pack_unref)

/* -------------------------------------------------------------------------------------- */
/* Phrase sets                                                                            */
/* -------------------------------------------------------------------------------------- */

static void
tone_phrase_free (TonePhrase *phrase)
{
  g_strfreev (phrase->tokens);
  g_free (phrase);
}

static void
phrase_set_init (TonePhraseSet *set)
{
  set->by_first =
      g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
}

static void
phrase_set_clear (TonePhraseSet *set)
{
  g_clear_pointer (&set->by_first, g_hash_table_unref);
}

static int
compare_longest_first (gconstpointer a, gconstpointer b)
{
  const TonePhrase *pa = *(TonePhrase *const *) a;
  const TonePhrase *pb = *(TonePhrase *const *) b;

  return (int) pb->n_tokens - (int) pa->n_tokens;
}

static gboolean
same_tokens (const TonePhrase *a, char **tokens, guint n_tokens)
{
  if (a->n_tokens != n_tokens)
    return FALSE;
  for (guint i = 0; i < n_tokens; i++)
    if (strcmp (a->tokens[i], tokens[i]) != 0)
      return FALSE;
  return TRUE;
}

/* Adds a phrase; the first list that names a phrase wins, so the packs list insults and
 * dehumanising terms before the adjectives. */
static void
phrase_set_add (TonePhraseSet *set,
                char **tokens,
                guint n_tokens,
                guint8 kind,
                guint8 suggestion,
                guint8 context)
{
  GPtrArray *list = g_hash_table_lookup (set->by_first, tokens[0]);
  TonePhrase *phrase;

  if (list == NULL)
    {
      list = g_ptr_array_new_with_free_func ((GDestroyNotify) tone_phrase_free);
      g_hash_table_insert (set->by_first, g_strdup (tokens[0]), list);
    }

  for (guint i = 0; i < list->len; i++)
    if (same_tokens (g_ptr_array_index (list, i), tokens, n_tokens))
      {
        g_strfreev (tokens);
        return;
      }

  phrase = g_new0 (TonePhrase, 1);
  phrase->tokens = tokens;
  phrase->n_tokens = n_tokens;
  phrase->kind = kind;
  phrase->suggestion = suggestion;
  phrase->context = context;
  g_ptr_array_add (list, phrase);
  g_ptr_array_sort (list, compare_longest_first);
}

/* -------------------------------------------------------------------------------------- */
/* Parsing                                                                                */
/* -------------------------------------------------------------------------------------- */

static gboolean
parse_suggestion (const char *name, guint8 *out)
{
  static const struct
  {
    const char *name;
    ToneSuggestion value;
  } suggestions[] = {
    { "describe-comment", TONE_SUGGESTION_DESCRIBE_COMMENT },
    { "name-people", TONE_SUGGESTION_NAME_PEOPLE },
    { "ask-question", TONE_SUGGESTION_ASK_QUESTION },
  };

  for (guint i = 0; i < G_N_ELEMENTS (suggestions); i++)
    if (strcmp (name, suggestions[i].name) == 0)
      {
        *out = suggestions[i].value;
        return TRUE;
      }

  return FALSE;
}

static gboolean
parse_context (const char *name, guint8 *out)
{
  if (strcmp (name, "anywhere") == 0)
    *out = TONE_CONTEXT_ANYWHERE;
  else if (strcmp (name, "predicate") == 0)
    *out = TONE_CONTEXT_PREDICATE;
  else if (strcmp (name, "alone") == 0)
    *out = TONE_CONTEXT_ALONE;
  else
    return FALSE;
  return TRUE;
}

/* A generalisation pattern: words, and "*" for any one word ("all * are", "* are all"). A
 * pattern that starts with a wildcard is kept under the key "*". */
static char **
tokenize_pattern (const char *phrase, guint *n_tokens)
{
  g_auto (GStrv) parts = g_strsplit_set (phrase, " \t", -1);
  g_autoptr (GPtrArray) tokens = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_auto (GStrv) words = NULL;
      guint n = 0;

      if (parts[i][0] == '\0')
        continue;
      if (strcmp (parts[i], TONE_WILDCARD) == 0)
        {
          g_ptr_array_add (tokens, g_strdup (TONE_WILDCARD));
          continue;
        }
      words = tone_tokenize_phrase (parts[i], &n);
      if (words == NULL)
        return NULL;
      for (guint w = 0; w < n; w++)
        g_ptr_array_add (tokens, g_steal_pointer (&words[w]));
    }

  /* At least one word besides the wildcards. */
  {
    guint words = 0;

    for (guint i = 0; i < tokens->len; i++)
      words += strcmp (g_ptr_array_index (tokens, i), TONE_WILDCARD) != 0;
    if (words == 0)
      return NULL;
  }
  *n_tokens = tokens->len;
  g_ptr_array_add (tokens, NULL);
  return (char **) g_ptr_array_steal (tokens, NULL);
}

static gboolean invalid (GError **error, const char *format, ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError **error, const char *format, ...)
{
  va_list args;

  va_start (args, format);
  if (error != NULL)
    *error = g_error_new_valist (REMPART_TONE_ERROR, REMPART_TONE_ERROR_INVALID, format, args);
  va_end (args);

  return FALSE;
}

static const char *
string_member (JsonObject *object, const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* Reads the list @member: strings, or objects {"text": …, "suggestion": …, "context": …}.
 * Entries become phrases of @set, or, when @set is NULL, single normalised words of the hash
 * set @words. */
static gboolean
read_list_full (JsonObject *root,
                const char *member,
                guint8 kind,
                TonePhraseSet *set,
                GHashTable *words,
                gboolean wildcards,
                const char *display_name,
                GError **error)
{
  JsonNode *node = json_object_get_member (root, member);
  JsonArray *array;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      return invalid (error, _ ("%s: “%s” is not a list; fix the rule pack or reinstall Rempart"),
                      display_name, member);
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      const char *phrase = NULL;
      guint8 suggestion = TONE_SUGGESTION_DEFAULT;
      guint8 context = TONE_CONTEXT_ANYWHERE;
      char **tokens;
      guint n_tokens = 0;

      if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
        {
          phrase = json_node_get_string (element);
        }
      else if (JSON_NODE_HOLDS_OBJECT (element))
        {
          JsonObject *object = json_node_get_object (element);
          const char *name;

          phrase = string_member (object, "text");
          name = string_member (object, "suggestion");
          if (name != NULL && !parse_suggestion (name, &suggestion))
            return invalid (error,
                            _ ("%s: entry %u of “%s” names a suggestion Rempart does not know "
                               "(“%s”); fix the rule pack"),
                            display_name, i, member, name);
          name = string_member (object, "context");
          if (name != NULL && !parse_context (name, &context))
            return invalid (error,
                            _ ("%s: entry %u of “%s” names a context Rempart does not know "
                               "(“%s”; expected anywhere, predicate or alone); fix the rule "
                               "pack"),
                            display_name, i, member, name);
        }
      if (phrase == NULL)
        return invalid (error,
                        _ ("%s: entry %u of “%s” is neither a string nor an object with a "
                           "“text”; fix the rule pack"),
                        display_name, i, member);

      tokens = wildcards ? tokenize_pattern (phrase, &n_tokens)
                         : tone_tokenize_phrase (phrase, &n_tokens);
      if (tokens == NULL)
        return invalid (error, _ ("%s: entry %u of “%s” has no word in it; fix the rule pack"),
                        display_name, i, member);

      if (set != NULL)
        {
          phrase_set_add (set, tokens, n_tokens, kind, suggestion, context);
        }
      else
        {
          if (n_tokens != 1)
            {
              g_strfreev (tokens);
              return invalid (error,
                              _ ("%s: entry %u of “%s” must be a single word; fix the rule pack"),
                              display_name, i, member);
            }
          g_hash_table_add (words, g_strdup (tokens[0]));
          g_strfreev (tokens);
        }
    }

  return TRUE;
}

static gboolean
read_list (JsonObject *root,
           const char *member,
           guint8 kind,
           TonePhraseSet *set,
           GHashTable *words,
           const char *display_name,
           GError **error)
{
  return read_list_full (root, member, kind, set, words, FALSE, display_name, error);
}

/* The one-word labels, indexed for disguised spellings (rempart-tone-disguise.c). */
static void
index_single_labels (RempartTonePack *pack)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, pack->labels.by_first);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GPtrArray *list = value;

      for (guint i = 0; i < list->len; i++)
        {
          TonePhrase *phrase = g_ptr_array_index (list, i);
          gsize len;

          if (phrase->n_tokens != 1 || phrase->kind == TONE_LABEL_LITERAL)
            continue;
          len = strlen (phrase->tokens[0]);
          while (pack->single_by_length->len <= len)
            g_ptr_array_add (pack->single_by_length, g_ptr_array_new ());
          g_ptr_array_add (g_ptr_array_index (pack->single_by_length, len), phrase);
          pack->max_label_length = MAX (pack->max_label_length, len);
          {
            guint64 sum = tone_letter_sum (phrase->tokens[0], len);

            g_hash_table_add (pack->letter_sums, g_memdup2 (&sum, sizeof sum));
            pack->letter_sum_bits[(sum % 4096) / 64] |= G_GUINT64_CONSTANT (1) << (sum % 64);
          }
        }
    }
}

static void
tone_emoji_free (ToneEmoji *emoji)
{
  g_free (emoji->chars);
  g_free (emoji);
}

static gboolean
read_emoji (JsonObject *root,
            const char *member,
            gboolean insulting,
            GHashTable *table,
            const char *display_name,
            GError **error)
{
  JsonNode *node = json_object_get_member (root, member);
  JsonArray *array;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return invalid (error, _ ("%s: “%s” is not a list; fix the rule pack or reinstall Rempart"),
                    display_name, member);
  array = json_node_get_array (node);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      const char *text;
      ToneEmoji *emoji;
      GPtrArray *list;
      glong n = 0;

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        return invalid (error, _ ("%s: entry %u of “%s” is not a string; fix the rule pack"),
                        display_name, i, member);
      text = json_node_get_string (element);

      emoji = g_new0 (ToneEmoji, 1);
      emoji->insulting = insulting;
      emoji->chars = g_utf8_to_ucs4_fast (text, -1, &n);
      /* Variation selectors are optional in what people type: match without them. */
      for (glong r = 0; r < n; r++)
        if (emoji->chars[r] != 0xFE0F)
          emoji->chars[emoji->n_chars++] = emoji->chars[r];
      if (emoji->n_chars == 0)
        {
          tone_emoji_free (emoji);
          return invalid (error, _ ("%s: entry %u of “%s” is empty; fix the rule pack"),
                          display_name, i, member);
        }

      list = g_hash_table_lookup (table, GUINT_TO_POINTER (emoji->chars[0]));
      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func ((GDestroyNotify) tone_emoji_free);
          g_hash_table_insert (table, GUINT_TO_POINTER (emoji->chars[0]), list);
        }
      g_ptr_array_add (list, emoji);
    }

  return TRUE;
}

static RempartTonePack *
pack_new (void)
{
  RempartTonePack *pack = g_new0 (RempartTonePack, 1);

  g_atomic_ref_count_init (&pack->ref_count);
  phrase_set_init (&pack->labels);
  phrase_set_init (&pack->address);
  phrase_set_init (&pack->copulas);
  phrase_set_init (&pack->mention_cues);
  phrase_set_init (&pack->reporting);
  phrase_set_init (&pack->reporting_after);
  phrase_set_init (&pack->generalisations);
  phrase_set_init (&pack->claim_cues);
  phrase_set_init (&pack->units);
  pack->fillers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  pack->intensifiers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  pack->negations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  pack->refutations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  pack->determiners = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  pack->everyone = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  pack->single_by_length = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  pack->letter_sums = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  pack->emoji = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                       (GDestroyNotify) g_ptr_array_unref);

  return pack;
}

/* Keeps the language part of a locale name ("fr_FR.UTF-8" → "fr"), and nothing that could
 * walk out of the directory. */
static char *
language_code (const char *language)
{
  gsize len = 0;

  if (language == NULL)
    return NULL;
  while (g_ascii_isalpha (language[len]))
    len++;
  if (len < 2 || len > 3 || (language[len] != '\0' && strchr ("_-.@", language[len]) == NULL))
    return NULL;

  return g_ascii_strdown (language, len);
}

static char *
find_pack (const char *code, GString *tried)
{
  const char *dirs[] = { g_getenv ("REMPART_DATA_DIR"), PKGDATADIR };
  g_autofree char *name = g_strconcat (code, ".json", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *path = NULL;

      if (dirs[i] == NULL || dirs[i][0] == '\0')
        continue;
      path = g_build_filename (dirs[i], "tone", name, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&path);
      if (tried->len > 0)
        g_string_append (tried, ", ");
      g_string_append (tried, path);
    }

  return NULL;
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

/*
 * rempart_tone_pack_new_from_bytes:
 * @json: the pack, as JSON
 * @display_name: how errors name it (a file name)
 *
 * Compiles a rule pack. Fails on anything that is not the documented format, so that a
 * broken pack is found when it is written, not by a volunteer whose insults pass.
 */
RempartTonePack *
rempart_tone_pack_new_from_bytes (GBytes *json, const char *display_name, GError **error)
{
  g_autoptr (RempartTonePack) pack = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autoptr (JsonNode) root = NULL;
  JsonObject *object;

  g_return_val_if_fail (json != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  root = rempart_json_load (json, display_name, PACK_MAX_SIZE, &local_error);
  if (root == NULL)
    {
      g_set_error (error, REMPART_TONE_ERROR, REMPART_TONE_ERROR_INVALID,
                   /* TRANSLATORS: %s is what is wrong with the file, starting with its name */
                   _ ("%s; reinstall Rempart"), local_error->message);
      return NULL;
    }

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, REMPART_TONE_ERROR, REMPART_TONE_ERROR_INVALID,
                   _ ("%s: a rule pack is a JSON object; reinstall Rempart"), display_name);
      return NULL;
    }
  object = json_node_get_object (root);

  pack = pack_new ();
  pack->language = g_strdup (string_member (object, "language"));
  if (pack->language == NULL)
    pack->language = g_strdup ("und");

  /* Order matters: an entry keeps the kind of the first list that names it, and literal
   * phrases come first so that they hide the labels inside them. */
  if (!read_list (object, "literal", TONE_LABEL_LITERAL, &pack->labels, NULL, display_name,
                  error) ||
      !read_list (object, "insults", TONE_LABEL_INSULT, &pack->labels, NULL, display_name, error) ||
      !read_list (object, "dehumanising", TONE_LABEL_DEHUMANISING, &pack->labels, NULL,
                  display_name, error) ||
      !read_list (object, "insulting_adjectives", TONE_LABEL_INSULTING_ADJECTIVE, &pack->labels,
                  NULL, display_name, error) ||
      !read_list (object, "health_adjectives", TONE_LABEL_HEALTH, &pack->labels, NULL, display_name,
                  error) ||
      !read_list (object, "pejorative_adjectives", TONE_LABEL_ADJECTIVE, &pack->labels, NULL,
                  display_name, error) ||
      !read_list (object, "second_person", 0, &pack->address, NULL, display_name, error) ||
      !read_list (object, "copulas", 0, &pack->copulas, NULL, display_name, error) ||
      !read_list (object, "fillers", 0, NULL, pack->fillers, display_name, error) ||
      !read_list (object, "intensifiers", 0, NULL, pack->intensifiers, display_name, error) ||
      !read_list (object, "negations", 0, NULL, pack->negations, display_name, error) ||
      !read_list (object, "refutations", 0, NULL, pack->refutations, display_name, error) ||
      !read_list (object, "determiners", 0, NULL, pack->determiners, display_name, error) ||
      !read_list (object, "mention_cues", 0, &pack->mention_cues, NULL, display_name, error) ||
      !read_list (object, "reporting", 0, &pack->reporting, NULL, display_name, error) ||
      !read_list (object, "reporting_after", 0, &pack->reporting_after, NULL, display_name,
                  error) ||
      !read_list_full (object, "generalisations", 0, &pack->generalisations, NULL, TRUE,
                       display_name, error) ||
      !read_list (object, "everyone", 0, NULL, pack->everyone, display_name, error) ||
      !read_list (object, "claim_cues", 0, &pack->claim_cues, NULL, display_name, error) ||
      !read_list (object, "units", 0, &pack->units, NULL, display_name, error) ||
      !read_emoji (object, "mocking_emoji", FALSE, pack->emoji, display_name, error) ||
      !read_emoji (object, "insulting_emoji", TRUE, pack->emoji, display_name, error))
    return NULL;

  index_single_labels (pack);
  return g_steal_pointer (&pack);
}

/*
 * rempart_tone_pack_load:
 * @language: a language code or locale name ("fr", "de_DE.UTF-8"), or %NULL for English
 *
 * Loads data/tone/<language>.json from $REMPART_DATA_DIR/tone, then PKGDATADIR/tone. A
 * language without a pack gets the English one (rempart_tone_pack_get_language() tells).
 */
RempartTonePack *
rempart_tone_pack_load (const char *language, GError **error)
{
  g_autoptr (GString) tried = g_string_new (NULL);
  g_autofree char *code = language_code (language);
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr (GBytes) bytes = NULL;
  gsize length;

  if (code != NULL)
    path = find_pack (code, tried);
  if (path == NULL)
    path = find_pack ("en", tried);
  if (path == NULL)
    {
      g_set_error (error, REMPART_TONE_ERROR, REMPART_TONE_ERROR_NOT_FOUND,
                   _ ("No tone rule pack found (looked for %s); reinstall Rempart"), tried->str);
      return NULL;
    }

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;

  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  return rempart_tone_pack_new_from_bytes (bytes, path, error);
}

RempartTonePack *
rempart_tone_pack_ref (RempartTonePack *pack)
{
  g_return_val_if_fail (pack != NULL, NULL);

  g_atomic_ref_count_inc (&pack->ref_count);
  return pack;
}

void
rempart_tone_pack_unref (RempartTonePack *pack)
{
  g_return_if_fail (pack != NULL);

  if (!g_atomic_ref_count_dec (&pack->ref_count))
    return;

  g_free (pack->language);
  phrase_set_clear (&pack->labels);
  phrase_set_clear (&pack->address);
  phrase_set_clear (&pack->copulas);
  phrase_set_clear (&pack->mention_cues);
  phrase_set_clear (&pack->reporting);
  phrase_set_clear (&pack->reporting_after);
  phrase_set_clear (&pack->generalisations);
  phrase_set_clear (&pack->claim_cues);
  phrase_set_clear (&pack->units);
  g_clear_pointer (&pack->fillers, g_hash_table_unref);
  g_clear_pointer (&pack->intensifiers, g_hash_table_unref);
  g_clear_pointer (&pack->negations, g_hash_table_unref);
  g_clear_pointer (&pack->refutations, g_hash_table_unref);
  g_clear_pointer (&pack->determiners, g_hash_table_unref);
  g_clear_pointer (&pack->everyone, g_hash_table_unref);
  g_clear_pointer (&pack->single_by_length, g_ptr_array_unref);
  g_clear_pointer (&pack->letter_sums, g_hash_table_unref);
  g_clear_pointer (&pack->emoji, g_hash_table_unref);
  g_free (pack);
}

/* The language of the pack as loaded: "en" when the one asked for had none. */
const char *
rempart_tone_pack_get_language (RempartTonePack *pack)
{
  g_return_val_if_fail (pack != NULL, NULL);

  return pack->language;
}
