/* rempart-action-editor.c
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rempart-action-editor.h"
#include "rempart-feed-parser.h"
#include "rempart-platform.h"
#include "rempart-topic-names.h"

/*
 * Every change goes to the working copy at once (RempartWorkspace saves it soon after), so
 * nothing typed is lost. A field the feed would refuse (an address that is not http(s), an
 * empty title, a source without title or address) is kept on screen, not written, and says
 * why — but only once the moderator has left the field or pressed Enter; from then on the
 * message follows each keystroke, like the add-a-group page. A new action enters the working
 * copy when it has an address and a title; until then the editor says it is not saved yet.
 */

struct _RempartActionEditor
{
  AdwBin parent_instance;

  RempartWorkspace *workspace;
  char *id;
  gboolean loading;
  gboolean url_touched;
  gboolean title_touched;
  gboolean sources_touched;
  /* Where the focus was, to tell when it leaves a field (see focus_widget_cb). */
  gboolean focus_in_url;
  gboolean focus_in_title;
  gboolean focus_in_sources;
  GtkWindow *window;

  GtkLabel *status_label;
  AdwEntryRow *url_row;
  GtkLabel *url_message;
  AdwEntryRow *title_row;
  GtkLabel *title_message;
  AdwComboRow *topic_row;
  AdwComboRow *platform_row;
  GtkSwitch *urgent_switch;
  GtkSpinButton *hours_spin;
  AdwEntryRow *language_row;
  GtkTextView *brief_view;
  GtkTextView *excerpt_view;
  GtkTextView *arguments_view;
  GtkListBox *sources_list;
  GtkLabel *sources_message;
};

G_DEFINE_FINAL_TYPE (RempartActionEditor, rempart_action_editor, ADW_TYPE_BIN)

#define RESOURCE_BASE "/io/github/rempart/Rempart"

/* The expiry when the moderator says nothing: two days, as `rempart-feed add`. */
#define DEFAULT_HOURS 48

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static char *
text_view_get (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static char *
trimmed (const char *text)
{
  return g_strstrip (g_strdup (text != NULL ? text : ""));
}

static const char *
platform_at (guint index)
{
  return index == 0 ? NULL : rempart_platform_get_all ()[index - 1];
}

static guint
platform_index (const char *platform)
{
  const char *const *all = rempart_platform_get_all ();

  for (guint i = 0; platform != NULL && all[i] != NULL; i++)
    if (g_str_equal (all[i], platform))
      return i + 1;
  return 0;
}

/* Returns: (nullable): why the address cannot be used, or %NULL when it can */
static const char *
url_problem (const char *text)
{
  g_autofree char *url = trimmed (text);
  g_autofree char *normalized = NULL;

  if (url[0] == '\0')
    return _ ("Paste the address of the thread to answer");
  if (rempart_platform_for_url (url) == NULL ||
      (normalized = rempart_feed_normalize_url (url, NULL)) == NULL)
    return _ ("Use the thread’s full web address, starting with https:// or http://");
  return NULL;
}

static void
show_message (GtkLabel *label, const char *message)
{
  gtk_label_set_text (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

static GtkEntry *
source_entry (GtkWidget *row, const char *which)
{
  return g_object_get_data (G_OBJECT (row), which);
}

/* The sources as typed; @out_problem is set when a row is half-filled or has a bad address. */
static GPtrArray *
collect_sources (RempartActionEditor *self, const char **out_problem)
{
  GPtrArray *sources = g_ptr_array_new_with_free_func ((GDestroyNotify) rempart_source_free);
  GtkWidget *child;

  *out_problem = NULL;
  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->sources_list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      g_autofree char *title = NULL;
      g_autofree char *url = NULL;

      if (source_entry (child, "title") == NULL)
        continue;
      title = trimmed (gtk_editable_get_text (GTK_EDITABLE (source_entry (child, "title"))));
      url = trimmed (gtk_editable_get_text (GTK_EDITABLE (source_entry (child, "url"))));
      if (title[0] == '\0' && url[0] == '\0')
        continue;
      if (title[0] == '\0')
        *out_problem = _ ("Give each source a title");
      else if (url_problem (url) != NULL)
        *out_problem = _ ("Give each source its full web address, starting with https://");
      else
        g_ptr_array_add (sources, rempart_source_new (title, url));
    }
  return sources;
}

static void
update_messages (RempartActionEditor *self)
{
  g_autofree char *title = trimmed (gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  g_autoptr (GPtrArray) sources = NULL;
  const char *url_msg = url_problem (gtk_editable_get_text (GTK_EDITABLE (self->url_row)));
  const char *sources_msg = NULL;

  sources = collect_sources (self, &sources_msg);
  show_message (self->url_message, self->url_touched ? url_msg : NULL);
  show_message (self->title_message, self->title_touched && title[0] == '\0'
                                         ? _ ("Give the action a short title")
                                         : NULL);
  show_message (self->sources_message, self->sources_touched ? sources_msg : NULL);
  if (self->url_touched && url_msg != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->url_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->url_row), "error");
}

/* Writes what can be written to the working copy. */
static void
commit (RempartActionEditor *self)
{
  g_autofree char *url = trimmed (gtk_editable_get_text (GTK_EDITABLE (self->url_row)));
  g_autofree char *title = trimmed (gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  g_autofree char *language = trimmed (gtk_editable_get_text (GTK_EDITABLE (self->language_row)));
  g_autofree char *brief = text_view_get (self->brief_view);
  g_autofree char *excerpt = text_view_get (self->excerpt_view);
  g_autofree char *arguments_text = text_view_get (self->arguments_view);
  g_auto (GStrv) lines = g_strsplit (arguments_text, "\n", -1);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) arguments = NULL;
  g_autoptr (GPtrArray) sources = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) expires = NULL;
  g_autoptr (GError) error = NULL;
  RempartActionFields fields;
  RempartNewAction action = { 0 };
  const char *sources_problem = NULL;
  gboolean url_ok = url_problem (url) == NULL;
  RempartAction *existing = NULL;
  GDateTime *from = now;

  if (self->loading || self->workspace == NULL)
    return;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = trimmed (lines[i]);

      if (line[0] != '\0')
        g_strv_builder_add (builder, line);
    }
  arguments = g_strv_builder_end (builder);
  sources = collect_sources (self, &sources_problem);

  if (self->id != NULL)
    existing = rempart_feed_lookup_action (rempart_workspace_get_feed (self->workspace), self->id);
  if (existing != NULL && rempart_action_get_date_published (existing) != NULL)
    from = rempart_action_get_date_published (existing);
  expires = g_date_time_add_hours (from, (int) gtk_spin_button_get_value_as_int (self->hours_spin));

  action.url = url;
  action.title = title;
  action.brief = brief;
  action.excerpt = excerpt[0] != '\0' ? excerpt : NULL;
  action.topic = adw_combo_row_get_selected (self->topic_row);
  action.platform = platform_at (adw_combo_row_get_selected (self->platform_row));
  action.priority =
      gtk_switch_get_active (self->urgent_switch) ? REMPART_PRIORITY_HIGH : REMPART_PRIORITY_NORMAL;
  action.language = language[0] != '\0' ? language : NULL;
  action.arguments = (const char *const *) arguments;
  action.sources = sources;
  action.expires = expires;

  if (self->id == NULL)
    {
      if (!url_ok || title[0] == '\0')
        {
          gtk_label_set_text (self->status_label,
                              _ ("Not saved yet: a new action needs a thread address and a "
                                 "title"));
          return;
        }
      action.date_published = now;
      if (!rempart_workspace_add_action (self->workspace, &action, &self->id, &error))
        {
          gtk_label_set_text (self->status_label, error->message);
          return;
        }
    }
  else
    {
      fields = REMPART_ACTION_FIELD_BRIEF | REMPART_ACTION_FIELD_EXCERPT |
               REMPART_ACTION_FIELD_TOPIC | REMPART_ACTION_FIELD_PLATFORM |
               REMPART_ACTION_FIELD_PRIORITY | REMPART_ACTION_FIELD_LANGUAGE |
               REMPART_ACTION_FIELD_ARGUMENTS | REMPART_ACTION_FIELD_SOURCES |
               REMPART_ACTION_FIELD_EXPIRES;
      if (url_ok)
        fields |= REMPART_ACTION_FIELD_URL;
      if (title[0] != '\0')
        fields |= REMPART_ACTION_FIELD_TITLE;
      if (!rempart_workspace_edit_action (self->workspace, self->id, &action, fields, &error))
        {
          gtk_label_set_text (self->status_label, error->message);
          return;
        }
    }
  gtk_label_set_text (self->status_label,
                      url_ok && title[0] != '\0' && sources_problem == NULL
                          ? _ ("Saved as you type")
                          : _ ("Saved as you type, except the fields marked below"));
}

static void
load (RempartActionEditor *self)
{
  RempartAction *action = NULL;
  GtkTextBuffer *buffer;
  GtkWidget *child;

  self->loading = TRUE;
  self->url_touched = self->title_touched = self->sources_touched = FALSE;
  if (self->workspace != NULL && self->id != NULL)
    action = rempart_feed_lookup_action (rempart_workspace_get_feed (self->workspace), self->id);

  gtk_editable_set_text (GTK_EDITABLE (self->url_row),
                         action != NULL ? rempart_action_get_url (action) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->title_row),
                         action != NULL ? rempart_action_get_title (action) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->language_row),
                         action != NULL && rempart_action_get_language (action) != NULL
                             ? rempart_action_get_language (action)
                             : "");
  adw_combo_row_set_selected (self->topic_row,
                              action != NULL ? rempart_action_get_topic (action) : 0);
  adw_combo_row_set_selected (
      self->platform_row,
      platform_index (action != NULL ? rempart_action_get_platform (action) : NULL));
  gtk_switch_set_active (self->urgent_switch,
                         action != NULL &&
                             rempart_action_get_priority (action) == REMPART_PRIORITY_HIGH);
  if (action != NULL && rempart_action_get_expires (action) != NULL &&
      rempart_action_get_date_published (action) != NULL)
    gtk_spin_button_set_value (
        self->hours_spin,
        (double) (g_date_time_difference (rempart_action_get_expires (action),
                                          rempart_action_get_date_published (action)) +
                  G_TIME_SPAN_HOUR / 2) /
            G_TIME_SPAN_HOUR);
  else
    gtk_spin_button_set_value (self->hours_spin, DEFAULT_HOURS);

  buffer = gtk_text_view_get_buffer (self->brief_view);
  gtk_text_buffer_set_text (buffer,
                            action != NULL && rempart_action_get_brief (action) != NULL
                                ? rempart_action_get_brief (action)
                                : "",
                            -1);
  buffer = gtk_text_view_get_buffer (self->excerpt_view);
  gtk_text_buffer_set_text (buffer,
                            action != NULL && rempart_action_get_excerpt (action) != NULL
                                ? rempart_action_get_excerpt (action)
                                : "",
                            -1);
  buffer = gtk_text_view_get_buffer (self->arguments_view);
  {
    const char *const *arguments = action != NULL ? rempart_action_get_arguments (action) : NULL;
    g_autofree char *joined =
        arguments != NULL ? g_strjoinv ("\n", (char **) arguments) : g_strdup ("");

    gtk_text_buffer_set_text (buffer, joined, -1);
  }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sources_list))) != NULL)
    gtk_list_box_remove (self->sources_list, child);
  if (action != NULL && rempart_action_get_sources (action) != NULL)
    {
      GPtrArray *sources = rempart_action_get_sources (action);

      for (guint i = 0; i < sources->len; i++)
        {
          RempartSource *source = g_ptr_array_index (sources, i);

          gtk_widget_activate_action (GTK_WIDGET (self), "editor.add-source", NULL);
          child = gtk_widget_get_last_child (GTK_WIDGET (self->sources_list));
          gtk_editable_set_text (GTK_EDITABLE (source_entry (child, "title")), source->title);
          gtk_editable_set_text (GTK_EDITABLE (source_entry (child, "url")), source->url);
        }
    }

  gtk_label_set_text (self->status_label,
                      self->id == NULL
                          ? _ ("Not saved yet: a new action needs a thread address and a title")
                          : _ ("Saved as you type"));
  update_messages (self);
  self->loading = FALSE;
}

/* -------------------------------------------------------------------------------------- */
/* Callbacks                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
changed_cb (RempartActionEditor *self)
{
  if (self->loading)
    return;
  update_messages (self);
  commit (self);
}

static void
url_changed_cb (RempartActionEditor *self)
{
  g_autofree char *url = NULL;
  const char *platform;

  if (self->loading)
    return;
  url = trimmed (gtk_editable_get_text (GTK_EDITABLE (self->url_row)));
  platform = url_problem (url) == NULL ? rempart_platform_for_url (url) : NULL;
  /* The host decides; the moderator can still pick another platform afterwards. */
  if (platform != NULL)
    {
      self->loading = TRUE;
      adw_combo_row_set_selected (self->platform_row, platform_index (platform));
      self->loading = FALSE;
    }
  changed_cb (self);
}

static void source_left_cb (RempartActionEditor *self);

/* Whether the focus is still in @widget: another window taking the focus is not leaving. */
static gboolean
still_in (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = GTK_IS_WINDOW (root) ? gtk_window_get_focus (GTK_WINDOW (root)) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static void
url_left_cb (RempartActionEditor *self)
{
  if (self->loading || still_in (GTK_WIDGET (self->url_row)))
    return;
  self->url_touched = TRUE;
  update_messages (self);
}

static void
title_left_cb (RempartActionEditor *self)
{
  if (self->loading || still_in (GTK_WIDGET (self->title_row)))
    return;
  self->title_touched = TRUE;
  update_messages (self);
}

/* The window's focus widget changes whether or not the window is active (focus controllers
 * hear nothing in an inactive window), so leaving a field is read from it. */
static void
focus_widget_cb (RempartActionEditor *self)
{
  gboolean in_url = still_in (GTK_WIDGET (self->url_row));
  gboolean in_title = still_in (GTK_WIDGET (self->title_row));
  gboolean in_sources = still_in (GTK_WIDGET (self->sources_list));

  if (self->focus_in_url && !in_url)
    url_left_cb (self);
  if (self->focus_in_title && !in_title)
    title_left_cb (self);
  if (self->focus_in_sources && !in_sources)
    source_left_cb (self);
  self->focus_in_url = in_url;
  self->focus_in_title = in_title;
  self->focus_in_sources = in_sources;
}

/* Enter counts as leaving the field: the message shows at once. */
static void
url_activated_cb (RempartActionEditor *self)
{
  self->url_touched = TRUE;
  update_messages (self);
}

static void
title_activated_cb (RempartActionEditor *self)
{
  self->title_touched = TRUE;
  update_messages (self);
}

static void
source_left_cb (RempartActionEditor *self)
{
  self->sources_touched = TRUE;
  update_messages (self);
}

static void
remove_source_cb (GtkButton *button, RempartActionEditor *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);

  gtk_list_box_remove (self->sources_list, row);
  changed_cb (self);
}

static void
add_source_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RempartActionEditor *self = REMPART_ACTION_EDITOR (widget);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *fields = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_entry_new ();
  GtkWidget *url = gtk_entry_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  /* Translators: placeholder and name of the field for a vetted source’s title */
  gtk_entry_set_placeholder_text (GTK_ENTRY (title), _ ("Source title"));
  /* Translators: placeholder of the field for a vetted source’s web address */
  gtk_entry_set_placeholder_text (GTK_ENTRY (url), _ ("https://…"));
  gtk_entry_set_input_purpose (GTK_ENTRY (url), GTK_INPUT_PURPOSE_URL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  /* Translators: placeholder and name of the field for a vetted
                                   * source’s title */
                                  _ ("Source title"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (url), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  /* Translators: name of the field for a vetted source’s web
                                   * address */
                                  _ ("Source address"), -1);
  gtk_widget_set_tooltip_text (remove, _ ("Remove This Source"));
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_hexpand (fields, TRUE);
  gtk_box_append (GTK_BOX (fields), title);
  gtk_box_append (GTK_BOX (fields), url);
  gtk_box_append (GTK_BOX (box), fields);
  gtk_box_append (GTK_BOX (box), remove);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), "title", title);
  g_object_set_data (G_OBJECT (row), "url", url);

  g_signal_connect_swapped (title, "changed", G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (url, "changed", G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (url, "activate", G_CALLBACK (source_left_cb), self);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_source_cb), self);
  gtk_list_box_append (self->sources_list, row);
  if (!self->loading)
    gtk_widget_grab_focus (title);
}

/* -------------------------------------------------------------------------------------- */
/* Overrides                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
rempart_action_editor_root (GtkWidget *widget)
{
  RempartActionEditor *self = REMPART_ACTION_EDITOR (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (rempart_action_editor_parent_class)->root (widget);
  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    {
      self->window = GTK_WINDOW (root);
      g_signal_connect_object (root, "notify::focus-widget", G_CALLBACK (focus_widget_cb), self,
                               G_CONNECT_SWAPPED);
    }
}

static void
rempart_action_editor_unroot (GtkWidget *widget)
{
  RempartActionEditor *self = REMPART_ACTION_EDITOR (widget);

  if (self->window != NULL)
    g_signal_handlers_disconnect_by_func (self->window, focus_widget_cb, self);
  self->window = NULL;
  GTK_WIDGET_CLASS (rempart_action_editor_parent_class)->unroot (widget);
}

static void
rempart_action_editor_dispose (GObject *object)
{
  RempartActionEditor *self = REMPART_ACTION_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), REMPART_TYPE_ACTION_EDITOR);
  g_clear_object (&self->workspace);
  g_clear_pointer (&self->id, g_free);

  G_OBJECT_CLASS (rempart_action_editor_parent_class)->dispose (object);
}

static void
rempart_action_editor_class_init (RempartActionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rempart_action_editor_dispose;
  widget_class->root = rempart_action_editor_root;
  widget_class->unroot = rempart_action_editor_unroot;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/rempart-action-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, RempartActionEditor, status_label);
  gtk_widget_class_bind_template_child (widget_class, RempartActionEditor, url_row);
  gtk_widget_class_bind_template_child (widget_class, RempartActionEditor, url_message);
  gtk_widget_class_bind_template_child (widget_class, RempartActionEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, RempartActionEditor, title_message);
  gtk_widget_class_bind_template_child (widget_class, RempartActionEditor, topic_row);
  gtk_widget_class_bind_template_child (widget_class, RempartActionEditor, platform_row);
  gtk_widget_class_bind_template_child (widget_class, RempartActionEditor, urgent_switch);
  gtk_widget_class_bind_template_child (widget_class, RempartActionEditor, hours_spin);
  gtk_widget_class_bind_template_child (widget_class, RempartActionEditor, language_row);
  gtk_widget_class_bind_template_child (widget_class, RempartActionEditor, brief_view);
  gtk_widget_class_bind_template_child (widget_class, RempartActionEditor, excerpt_view);
  gtk_widget_class_bind_template_child (widget_class, RempartActionEditor, arguments_view);
  gtk_widget_class_bind_template_child (widget_class, RempartActionEditor, sources_list);
  gtk_widget_class_bind_template_child (widget_class, RempartActionEditor, sources_message);

  gtk_widget_class_install_action (widget_class, "editor.add-source", NULL, add_source_action_cb);
}

static void
rempart_action_editor_init (RempartActionEditor *self)
{
  g_autoptr (GtkStringList) topics = gtk_string_list_new (NULL);
  g_autoptr (GtkStringList) platforms = gtk_string_list_new (NULL);
  static const char *const platform_names[] = {
    "Facebook", "YouTube", "X (Twitter)", "Instagram", "TikTok", "LinkedIn", "Reddit",
  };

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Translators: no topic or platform chosen for the action */
  gtk_string_list_append (topics, _ ("None"));
  for (RempartTopic topic = REMPART_TOPIC_RACISM; topic <= REMPART_TOPIC_OTHER; topic++)
    gtk_string_list_append (topics, rempart_topic_get_display_name (topic));
  adw_combo_row_set_model (self->topic_row, G_LIST_MODEL (topics));

  /* Translators: no topic or platform chosen for the action */
  gtk_string_list_append (platforms, _ ("None"));
  for (guint i = 0; i < G_N_ELEMENTS (platform_names); i++)
    gtk_string_list_append (platforms, platform_names[i]);
  /* Translators: platform choice for a thread on a site not in the list */
  gtk_string_list_append (platforms, _ ("Another Website"));
  g_assert (g_list_model_get_n_items (G_LIST_MODEL (platforms)) ==
            g_strv_length ((char **) rempart_platform_get_all ()) + 1);
  adw_combo_row_set_model (self->platform_row, G_LIST_MODEL (platforms));

  g_signal_connect_swapped (self->url_row, "changed", G_CALLBACK (url_changed_cb), self);
  g_signal_connect_swapped (self->url_row, "entry-activated", G_CALLBACK (url_activated_cb), self);
  g_signal_connect_swapped (self->title_row, "changed", G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (self->title_row, "entry-activated", G_CALLBACK (title_activated_cb),
                            self);
  g_signal_connect_swapped (self->language_row, "changed", G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (self->topic_row, "notify::selected", G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (self->platform_row, "notify::selected", G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (self->urgent_switch, "notify::active", G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (self->hours_spin, "value-changed", G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->brief_view), "changed",
                            G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->excerpt_view), "changed",
                            G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->arguments_view), "changed",
                            G_CALLBACK (changed_cb), self);
  load (self);
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

GtkWidget *
rempart_action_editor_new (void)
{
  return g_object_new (REMPART_TYPE_ACTION_EDITOR, NULL);
}

void
rempart_action_editor_set_action (RempartActionEditor *self,
                                  RempartWorkspace *workspace,
                                  const char *id)
{
  g_return_if_fail (REMPART_IS_ACTION_EDITOR (self));
  g_return_if_fail (workspace == NULL || REMPART_IS_WORKSPACE (workspace));

  g_set_object (&self->workspace, workspace);
  g_free (self->id);
  self->id = g_strdup (id);
  load (self);
}

const char *
rempart_action_editor_get_action_id (RempartActionEditor *self)
{
  g_return_val_if_fail (REMPART_IS_ACTION_EDITOR (self), NULL);
  return self->id;
}

void
rempart_action_editor_focus (RempartActionEditor *self)
{
  g_return_if_fail (REMPART_IS_ACTION_EDITOR (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->url_row));
}
