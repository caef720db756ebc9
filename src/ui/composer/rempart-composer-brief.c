/* rempart-composer-brief.c: the action's brief beside the reply being written
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Rempart"

#include "config.h"

#include <glib/gi18n.h>

#include "rempart-composer-brief.h"
#include "rempart-page-util.h"
#include "rempart-ui-utils.h"

/*
 * What the moderators asked for stays in sight while the volunteer writes: the brief, the
 * arguments, the sources and the group's rules. The composer keeps this widget in an AdwFlap:
 * beside the reply when the window is wide, one tap away (its *Brief* button) when narrow.
 * An argument or a source goes into the reply with one click on its row or its button, at
 * the cursor, as one user action (so Ctrl+Z takes it back), and the keyboard goes back to the
 * reply. Feed text is plain text everywhere.
 *
 * An item of the list holds only the list's fields: the group's rules show at once, and the
 * brief, the arguments and the sources when the composer has read the whole action
 * (rempart_composer_brief_set_action); a failed read says why where they would be.
 */

struct _RempartComposerBrief
{
  AdwBin parent_instance;

  GtkTextView *text_view; /* (nullable) where Insert writes: the composer's reply */
  GPtrArray *rows;        /* (element-type GtkWidget) the rows added to the groups */

  /* Template widgets */
  GtkWidget *brief_box;
  GtkLabel *brief_label;
  AdwPreferencesGroup *arguments_group;
  AdwPreferencesGroup *sources_group;
  AdwPreferencesGroup *rules_group;
  GtkWidget *empty_label;
  GtkLabel *error_label;
  gboolean reading; /* the whole action is being read */
};

G_DEFINE_FINAL_TYPE (RempartComposerBrief, rempart_composer_brief, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_TEXT_VIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

/* Puts @text at the reply's cursor (over the selection, if any), with a space before it when
 * it would otherwise stick to a word. */
static void
insert_text (RempartComposerBrief *self, const char *text)
{
  GtkTextBuffer *buffer;
  GtkTextIter iter;
  GtkTextIter before;
  g_autoptr (GString) piece = g_string_new (NULL);
  GtkWidget *flap;

  /* Insensitive until the draft is loaded: nothing may be written over it before. */
  if (self->text_view == NULL || !gtk_widget_is_sensitive (GTK_WIDGET (self->text_view)))
    return;

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete_selection (buffer, TRUE, TRUE);
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  before = iter;
  if (gtk_text_iter_backward_char (&before) &&
      !g_unichar_isspace (gtk_text_iter_get_char (&before)))
    g_string_append_c (piece, ' ');
  g_string_append (piece, text);
  gtk_text_buffer_insert_interactive (buffer, &iter, piece->str, -1, TRUE);
  gtk_text_buffer_end_user_action (buffer);

  /* Narrow, the brief covers the reply: step aside so the volunteer sees what went in. */
  flap = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_FLAP);
  if (flap != NULL && adw_flap_get_folded (ADW_FLAP (flap)))
    adw_flap_set_reveal_flap (ADW_FLAP (flap), FALSE);

  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
  gtk_text_view_scroll_mark_onscreen (self->text_view, gtk_text_buffer_get_insert (buffer));
}

static void
insert_clicked_cb (GtkButton *button, RempartComposerBrief *self)
{
  const char *text = g_object_get_data (G_OBJECT (button), "rempart-text");

  if (text != NULL)
    insert_text (self, text);
}

/* A row of feed text with its Insert button; a click anywhere on the row inserts too. */
static GtkWidget *
insertable_row_new (RempartComposerBrief *self,
                    const char *title,
                    const char *subtitle,
                    const char *text)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("insert-text-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _ ("Insert into Reply"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Insert into Reply"), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  text, -1);
  g_object_set_data_full (G_OBJECT (button), "rempart-text", g_strdup (text), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (insert_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);

  return row;
}

static void
add_row (RempartComposerBrief *self, AdwPreferencesGroup *group, GtkWidget *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
  g_object_set_data (G_OBJECT (row), "rempart-group", group);
}

/* Removes the rows of @group, or all rows when @group is NULL. */
static void
clear_rows (RempartComposerBrief *self, AdwPreferencesGroup *group)
{
  for (guint i = self->rows->len; i > 0; i--)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i - 1);
      AdwPreferencesGroup *row_group = g_object_get_data (G_OBJECT (row), "rempart-group");

      if (group != NULL && row_group != group)
        continue;
      adw_preferences_group_remove (row_group, row);
      g_ptr_array_remove_index (self->rows, i - 1);
    }
}

static void
fill_arguments (RempartComposerBrief *self, RempartAction *feed_action)
{
  const char *const *arguments =
      feed_action != NULL ? rempart_action_get_arguments (feed_action) : NULL;
  guint n = 0;

  for (; arguments != NULL && arguments[n] != NULL; n++)
    add_row (self, self->arguments_group,
             insertable_row_new (self, arguments[n], NULL, arguments[n]));
  gtk_widget_set_visible (GTK_WIDGET (self->arguments_group), n > 0);
}

static void
fill_sources (RempartComposerBrief *self, RempartAction *feed_action)
{
  GPtrArray *sources = feed_action != NULL ? rempart_action_get_sources (feed_action) : NULL;

  for (guint i = 0; sources != NULL && i < sources->len; i++)
    {
      RempartSource *source = g_ptr_array_index (sources, i);
      g_autofree char *host = rempart_page_uri_get_host (source->url);
      gboolean titled = source->title != NULL && source->title[0] != '\0';
      g_autofree char *text = NULL;

      /* The title says what the link is; the host, shown too, says where it really goes. */
      text =
          titled ? g_strdup_printf ("%s: %s", source->title, source->url) : g_strdup (source->url);
      add_row (self, self->sources_group,
               insertable_row_new (self, titled ? source->title : source->url,
                                   host != NULL ? host : source->url, text));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->sources_group), sources != NULL && sources->len > 0);
}

static void
fill_rules (RempartComposerBrief *self, const RempartFeedInfo *info)
{
  const char *const *rules = info != NULL ? (const char *const *) info->rules : NULL;
  const char *hashtag = info != NULL ? info->hashtag : NULL;
  g_autofree char *description = NULL;
  guint n = 0;

  for (; rules != NULL && rules[n] != NULL; n++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rules[n]);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      add_row (self, self->rules_group, row);
    }

  if (hashtag != NULL && hashtag[0] != '\0')
    /* Translators: %s is the group's hashtag, such as #jesuislà */
    description = g_strdup_printf (_ ("Group hashtag: %s"), hashtag);
  /* A group's description is markup in AdwPreferencesGroup: escape the feed's text. */
  if (description != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (description, -1);

      adw_preferences_group_set_description (self->rules_group, escaped);
    }
  else
    adw_preferences_group_set_description (self->rules_group, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->rules_group), n > 0 || description != NULL);
}

/* The brief, the arguments and the sources of @action; nothing while it is read; the reason
 * when it could not be. */
static void
show_action (RempartComposerBrief *self, RempartAction *action, const GError *error)
{
  const char *brief = action != NULL ? rempart_action_get_brief (action) : NULL;

  clear_rows (self, self->arguments_group);
  clear_rows (self, self->sources_group);
  gtk_label_set_text (self->brief_label, brief != NULL ? brief : "");
  gtk_widget_set_visible (self->brief_box, brief != NULL && brief[0] != '\0');
  fill_arguments (self, action);
  fill_sources (self, action);

  gtk_label_set_text (self->error_label, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
  gtk_widget_set_visible (self->empty_label,
                          !self->reading && error == NULL &&
                              !gtk_widget_get_visible (self->brief_box) &&
                              !gtk_widget_get_visible (GTK_WIDGET (self->arguments_group)) &&
                              !gtk_widget_get_visible (GTK_WIDGET (self->sources_group)) &&
                              !gtk_widget_get_visible (GTK_WIDGET (self->rules_group)));
}

/* -------------------------------------------------------------------------------------- */
/* Overrides                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
rempart_composer_brief_set_property (GObject *object,
                                     guint prop_id,
                                     const GValue *value,
                                     GParamSpec *pspec)
{
  RempartComposerBrief *self = REMPART_COMPOSER_BRIEF (object);

  switch (prop_id)
    {
      case PROP_TEXT_VIEW:
        g_set_weak_pointer (&self->text_view, g_value_get_object (value));
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rempart_composer_brief_get_property (GObject *object,
                                     guint prop_id,
                                     GValue *value,
                                     GParamSpec *pspec)
{
  RempartComposerBrief *self = REMPART_COMPOSER_BRIEF (object);

  switch (prop_id)
    {
      case PROP_TEXT_VIEW:
        g_value_set_object (value, self->text_view);
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rempart_composer_brief_dispose (GObject *object)
{
  RempartComposerBrief *self = REMPART_COMPOSER_BRIEF (object);

  g_clear_weak_pointer (&self->text_view);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), REMPART_TYPE_COMPOSER_BRIEF);

  G_OBJECT_CLASS (rempart_composer_brief_parent_class)->dispose (object);
}

static void
rempart_composer_brief_class_init (RempartComposerBriefClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->set_property = rempart_composer_brief_set_property;
  object_class->get_property = rempart_composer_brief_get_property;
  object_class->dispose = rempart_composer_brief_dispose;

  /* The reply the Insert buttons write into; not owned. */
  properties[PROP_TEXT_VIEW] =
      g_param_spec_object ("text-view", NULL, NULL, GTK_TYPE_TEXT_VIEW,
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/rempart-composer-brief.ui");
  gtk_widget_class_bind_template_child (widget_class, RempartComposerBrief, brief_box);
  gtk_widget_class_bind_template_child (widget_class, RempartComposerBrief, brief_label);
  gtk_widget_class_bind_template_child (widget_class, RempartComposerBrief, arguments_group);
  gtk_widget_class_bind_template_child (widget_class, RempartComposerBrief, sources_group);
  gtk_widget_class_bind_template_child (widget_class, RempartComposerBrief, rules_group);
  gtk_widget_class_bind_template_child (widget_class, RempartComposerBrief, empty_label);
  gtk_widget_class_bind_template_child (widget_class, RempartComposerBrief, error_label);
}

static void
rempart_composer_brief_init (RempartComposerBrief *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

GtkWidget *
rempart_composer_brief_new (void)
{
  return g_object_new (REMPART_TYPE_COMPOSER_BRIEF, NULL);
}

void
rempart_composer_brief_set_item (RempartComposerBrief *self,
                                 RempartActionItem *item,
                                 const RempartFeedInfo *info)
{
  g_return_if_fail (REMPART_IS_COMPOSER_BRIEF (self));
  g_return_if_fail (item == NULL || REMPART_IS_ACTION_ITEM (item));

  clear_rows (self, self->rules_group);
  fill_rules (self, info);
  self->reading = item != NULL && !rempart_action_item_has_details (item);
  show_action (self, item != NULL && !self->reading ? rempart_action_item_peek_action (item) : NULL,
               NULL);
}

void
rempart_composer_brief_set_action (RempartComposerBrief *self,
                                   RempartAction *action,
                                   const GError *error)
{
  g_return_if_fail (REMPART_IS_COMPOSER_BRIEF (self));
  g_return_if_fail (action == NULL || REMPART_IS_ACTION (action));

  self->reading = FALSE;
  show_action (self, action, error);
}
