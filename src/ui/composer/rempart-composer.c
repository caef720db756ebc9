/* rempart-composer.c: writing a reply to one action
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Rempart"

#include "config.h"

#include <glib/gi18n.h>

#include "rempart-composer-private.h"
#include "rempart-page-util.h"
#include "rempart-template-fill.h"
#include "rempart-template-user.h"
#include "rempart-template.h"
#include "rempart-ui-utils.h"

/*
 * The reply is the volunteer's: templates only start it, hints only advise, and no button
 * ever waits for the tone check. Every change goes to a RempartDraftSaver, which writes it
 * within a second, so a crash loses at most that much. The tone check is a pure function
 * well under a millisecond, so it runs on the main thread, 150 ms after the last keystroke.
 *
 * Reads for the current item (draft, packs, user templates) carry a cancellable that is
 * cancelled when the item changes; writes carry none, so that what the volunteer did is
 * recorded even when the composer goes away first.
 */

G_DEFINE_FINAL_TYPE (RempartComposer, rempart_composer, ADW_TYPE_BIN)

enum
{
  SIGNAL_QUEUED,
  SIGNAL_POSTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum
{
  PROP_0,
  PROP_PACK_CACHE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A template being saved: the toast to show once it is. */
typedef struct
{
  RempartComposer *self; /* strong */
  char *message;
} SaveTemplateData;

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

/* The reply's language: the feed action's, else the feed's, else the volunteer's own. */
static const char *
get_language (RempartComposer *self)
{
  RempartAction *feed_action = rempart_composer_get_feed_action (self);
  const char *language = feed_action != NULL ? rempart_action_get_language (feed_action) : NULL;

  if (language == NULL || language[0] == '\0')
    language = self->info != NULL ? self->info->language : NULL;
  if (language == NULL || language[0] == '\0')
    language = g_get_language_names ()[0];

  return language;
}

static gboolean
has_words (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return TRUE;

  return FALSE;
}

static void
update_count (RempartComposer *self)
{
  int n = gtk_text_buffer_get_char_count (self->buffer);
  g_autofree char *text =
      /* Translators: length of the reply being written, e.g. “240 characters” */
      g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d character", "%d characters", n), n);

  gtk_label_set_text (self->count_label, text);
}

/* Placeholders the template could not fill ({source} without a source) stay in the text,
 * highlighted, for the volunteer to replace. Same syntax as rempart-template-fill.c. */
static void
update_placeholders (RempartComposer *self)
{
  g_autofree char *text = rempart_composer_get_buffer_text (self);
  GtkTextIter start, end;
  gboolean found = FALSE;
  glong offset = 0;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->placeholder_tag, &start, &end);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), offset++)
    {
      gsize i;

      if (*p != '{')
        continue;

      for (i = 1; i <= REMPART_TEMPLATE_MAX_PLACEHOLDER + 1; i++)
        if (p[i] == '}' || p[i] == '\0' || p[i] == '{' || g_ascii_isspace (p[i]))
          break;

      if (p[i] == '}' && i > 1 && i <= REMPART_TEMPLATE_MAX_PLACEHOLDER + 1)
        {
          g_autofree char *name = g_strndup (p + 1, i - 1);

          if (rempart_template_placeholder_is_known (name))
            {
              GtkTextIter from, to;

              /* Known names are ASCII: bytes and characters agree inside the braces. */
              gtk_text_buffer_get_iter_at_offset (self->buffer, &from, offset);
              gtk_text_buffer_get_iter_at_offset (self->buffer, &to, offset + (glong) i + 1);
              gtk_text_buffer_apply_tag (self->buffer, self->placeholder_tag, &from, &to);
              found = TRUE;
            }
        }
    }

  gtk_widget_set_visible (GTK_WIDGET (self->placeholder_label), found);
}

static void
update_notice (RempartComposer *self)
{
  g_autoptr (GString) notice = g_string_new (NULL);

  if (self->packs != NULL && self->packs->tone_error != NULL)
    g_string_append_printf (notice, _ ("The tone check could not start: %s"),
                            self->packs->tone_error->message);
  if (self->packs != NULL && self->packs->builtin_error != NULL)
    {
      if (notice->len > 0)
        g_string_append_c (notice, '\n');
      g_string_append_printf (notice, _ ("The built-in templates could not be read: %s"),
                              self->packs->builtin_error->message);
    }

  gtk_label_set_text (self->notice_label, notice->str);
  gtk_widget_set_visible (GTK_WIDGET (self->notice_label), notice->len > 0);
}

static void duplicate_clicked_cb (GtkButton *button, RempartComposer *self);

static void
update_templates (RempartComposer *self)
{
  g_autoptr (GPtrArray) feed = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->template_list))) != NULL)
    gtk_list_box_remove (self->template_list, child);
  g_clear_pointer (&self->templates, g_ptr_array_unref);

  /* Only once the whole action is known (read, or its read failed): a template filled from
   * the list's fields alone would leave {source} and {argument} empty. */
  if (self->item != NULL && self->packs != NULL && self->action != NULL)
    {
      if (self->info != NULL && self->info->templates != NULL)
        feed = rempart_templates_from_feed (self->info->templates);
      self->templates = rempart_templates_for_action (
          feed, self->packs->builtin, self->user_templates, rempart_composer_get_feed_action (self),
          get_language (self));

      for (guint i = 0; i < self->templates->len; i++)
        gtk_list_box_append (self->template_list, rempart_composer_template_row_new (
                                                      g_ptr_array_index (self->templates, i),
                                                      G_CALLBACK (duplicate_clicked_cb), self));
    }

  rempart_composer_update_widget_actions (self);
}

/* -------------------------------------------------------------------------------------- */
/* Callbacks                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
buffer_changed_cb (RempartComposer *self, GtkTextBuffer *buffer)
{
  update_count (self);
  update_placeholders (self);
  rempart_composer_update_widget_actions (self);
  rempart_composer_hints_schedule_check (self);
  gtk_widget_set_visible (GTK_WIDGET (self->done_label), FALSE);
  rempart_composer_draft_text_changed (self);
}

static void
packs_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  RempartComposerRead *data = user_data;
  g_autoptr (RempartComposer) self = g_object_ref (data->self);
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartPacks) packs =
      rempart_pack_cache_load_finish (REMPART_PACK_CACHE (source), result, &error);

  if (!rempart_composer_read_finish (data) || packs == NULL)
    return;

  /* The next action in the same language gets the same cached packs: set_item () already
   * listed the templates and ran the check with them, and everything since (user templates,
   * text) has updated them on its own. */
  if (packs == self->packs)
    return;

  g_clear_pointer (&self->packs, rempart_packs_unref);
  self->packs = g_steal_pointer (&packs);

  update_notice (self);
  update_templates (self);
  rempart_composer_hints_run_check (self);
}

static void action_read_cb (GObject *source, GAsyncResult *result, gpointer user_data);

/* The packs of the action's language: a list's item is read whole first (not the draft). */
static void
load_packs (RempartComposer *self)
{
  if (self->action == NULL)
    rempart_action_item_get_action_async (self->item, self->store, self->cancellable,
                                          action_read_cb, rempart_composer_read_new (self));
  else
    rempart_pack_cache_load_async (rempart_composer_get_pack_cache (self), get_language (self),
                                   self->cancellable, packs_loaded_cb,
                                   rempart_composer_read_new (self));
}

/* A failed read says why in the brief; the reply goes on, in the feed's language. */
static void
action_read_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  RempartComposerRead *data = user_data;
  g_autoptr (RempartComposer) self = g_object_ref (data->self);
  g_autoptr (GError) error = NULL;
  g_autoptr (RempartAction) action =
      rempart_action_item_get_action_finish (REMPART_ACTION_ITEM (source), result, &error);

  if (!rempart_composer_read_finish (data))
    return;

  rempart_composer_brief_set_action (self->brief, action, error);
  self->action = action != NULL ? g_steal_pointer (&action)
                                : g_object_ref (rempart_action_item_peek_action (self->item));
  load_packs (self);
  update_templates (self);
}

static void
user_templates_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  RempartComposerRead *data = user_data;
  g_autoptr (RempartComposer) self = g_object_ref (data->self);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list =
      rempart_store_list_user_templates_finish (REMPART_STORE (source), result, &error);

  if (!rempart_composer_read_finish (data))
    return;

  if (list == NULL)
    {
      rempart_page_show_error (GTK_WIDGET (self), _ ("Could not read your own templates"), error);
      return;
    }

  g_clear_pointer (&self->user_templates, g_ptr_array_unref);
  self->user_templates = rempart_templates_from_user_templates (list);
  update_templates (self);
}

static void
template_saved_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  SaveTemplateData *data = user_data;
  g_autoptr (RempartComposer) self = data->self;
  g_autofree char *message = data->message;
  g_autoptr (GError) error = NULL;

  g_free (data);

  if (!rempart_store_save_user_template_finish (REMPART_STORE (source), result, &error))
    {
      rempart_page_show_error (GTK_WIDGET (self), _ ("Could not save the template"), error);
      return;
    }

  rempart_page_show_message (GTK_WIDGET (self), message);

  /* The new template joins the list of whichever action is shown by now. */
  if (self->item != NULL && self->store != NULL)
    rempart_store_list_user_templates_async (self->store, self->cancellable, user_templates_cb,
                                             rempart_composer_read_new (self));
}

/* Saves @tmpl (origin USER) as the volunteer's own, then shows @message. */
static void
save_user_template (RempartComposer *self, RempartTemplate *tmpl, const char *message)
{
  g_autoptr (RempartUserTemplate) user_template = NULL;
  SaveTemplateData *data;

  if (self->store == NULL)
    return;

  user_template = rempart_template_to_user_template (tmpl);
  data = g_new0 (SaveTemplateData, 1);
  data->self = g_object_ref (self);
  data->message = g_strdup (message);
  /* A write: no cancellable, the template is saved even if the composer goes first. */
  rempart_store_save_user_template_async (self->store, user_template, NULL, template_saved_cb,
                                          data);
}

static void
save_template_response_cb (AdwMessageDialog *dialog, const char *response, RempartComposer *self)
{
  const char *body = g_object_get_data (G_OBJECT (dialog), "rempart-text");
  g_autofree char *title = NULL;
  g_autoptr (RempartTemplate) tmpl = NULL;

  if (!g_str_equal (response, "save"))
    return;

  title = rempart_composer_template_dialog_get_title (dialog);
  if (title[0] == '\0' || !has_words (body))
    return;

  tmpl = rempart_composer_template_from_reply (self, title, body);
  save_user_template (self, tmpl, _ ("Template saved"));
}

static void
duplicate_clicked_cb (GtkButton *button, RempartComposer *self)
{
  RempartTemplate *tmpl = rempart_composer_template_row_get_template (GTK_WIDGET (button));
  g_autoptr (RempartTemplate) copy = NULL;

  if (tmpl == NULL)
    return;

  copy = rempart_template_duplicate (tmpl, NULL);
  gtk_popover_popdown (self->template_popover);
  save_user_template (self, copy, _ ("Copy saved in Your Templates"));
}

static void
template_row_activated_cb (RempartComposer *self, GtkListBoxRow *row, GtkListBox *list)
{
  RempartTemplate *tmpl = rempart_composer_template_row_get_template (GTK_WIDGET (row));

  if (tmpl != NULL)
    rempart_composer_apply_template (self, rempart_template_get_id (tmpl));
}

static void
save_template_widget_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RempartComposer *self = REMPART_COMPOSER (widget);
  g_autofree char *text = rempart_composer_get_buffer_text (self);
  AdwMessageDialog *dialog;

  if (self->store == NULL || !has_words (text))
    return;

  /* The text as it is now: the dialog is modal, nothing changes it meanwhile. */
  dialog = rempart_composer_template_dialog_new (widget);
  g_object_set_data_full (G_OBJECT (dialog), "rempart-text", g_steal_pointer (&text), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (save_template_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
choose_template_widget_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RempartComposer *self = REMPART_COMPOSER (widget);

  if (gtk_widget_get_sensitive (GTK_WIDGET (self->template_button)))
    gtk_menu_button_popup (self->template_button);
}

/* -------------------------------------------------------------------------------------- */
/* Overrides                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
rempart_composer_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RempartComposer *self = REMPART_COMPOSER (object);

  switch (prop_id)
    {
      case PROP_PACK_CACHE:
        g_value_set_object (value, rempart_composer_get_pack_cache (self));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rempart_composer_set_property (GObject *object,
                               guint prop_id,
                               const GValue *value,
                               GParamSpec *pspec)
{
  RempartComposer *self = REMPART_COMPOSER (object);

  switch (prop_id)
    {
      case PROP_PACK_CACHE:
        rempart_composer_set_pack_cache (self, g_value_get_object (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rempart_composer_dispose (GObject *object)
{
  RempartComposer *self = REMPART_COMPOSER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->check_id, g_source_remove);
  rempart_composer_draft_drop_saver (self);

  gtk_widget_dispose_template (GTK_WIDGET (object), REMPART_TYPE_COMPOSER);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->item);
  g_clear_object (&self->action);
  g_clear_object (&self->store);
  g_clear_object (&self->pack_cache);
  g_clear_pointer (&self->info, rempart_feed_info_free);
  g_clear_pointer (&self->packs, rempart_packs_unref);
  g_clear_pointer (&self->user_templates, g_ptr_array_unref);
  g_clear_pointer (&self->templates, g_ptr_array_unref);
  g_clear_pointer (&self->hints, g_ptr_array_unref);
  g_clear_pointer (&self->template_id, g_free);
  g_clear_pointer (&self->template_text, g_free);

  G_OBJECT_CLASS (rempart_composer_parent_class)->dispose (object);
}

static void
rempart_composer_class_init (RempartComposerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rempart_composer_dispose;
  object_class->get_property = rempart_composer_get_property;
  object_class->set_property = rempart_composer_set_property;

  /**
   * RempartComposer:pack-cache:
   *
   * Where the tone and built-in template packs come from; the process's default cache
   * unless someone hands another.
   */
  properties[PROP_PACK_CACHE] =
      g_param_spec_object ("pack-cache", NULL, NULL, REMPART_TYPE_PACK_CACHE,
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RempartComposer::queued:
   *
   * The reply was saved in the queue, to be posted later.
   */
  signals[SIGNAL_QUEUED] = g_signal_new ("queued", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                         NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * RempartComposer::posted:
   *
   * The volunteer says the reply is posted; it has been recorded.
   */
  signals[SIGNAL_POSTED] = g_signal_new ("posted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                         NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (REMPART_TYPE_TONE_HINTS);
  g_type_ensure (REMPART_TYPE_COMPOSER_BRIEF);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/rempart-composer.ui");
  gtk_widget_class_bind_template_child (widget_class, RempartComposer, title_label);
  gtk_widget_class_bind_template_child (widget_class, RempartComposer, notice_label);
  gtk_widget_class_bind_template_child (widget_class, RempartComposer, template_button);
  gtk_widget_class_bind_template_child (widget_class, RempartComposer, template_popover);
  gtk_widget_class_bind_template_child (widget_class, RempartComposer, template_list);
  gtk_widget_class_bind_template_child (widget_class, RempartComposer, text_view);
  gtk_widget_class_bind_template_child (widget_class, RempartComposer, empty_label);
  gtk_widget_class_bind_template_child (widget_class, RempartComposer, placeholder_label);
  gtk_widget_class_bind_template_child (widget_class, RempartComposer, count_label);
  gtk_widget_class_bind_template_child (widget_class, RempartComposer, tone_hints);
  gtk_widget_class_bind_template_child (widget_class, RempartComposer, brief);
  gtk_widget_class_bind_template_child (widget_class, RempartComposer, done_label);
  gtk_widget_class_bind_template_child (widget_class, RempartComposer, copy_button);
  gtk_widget_class_bind_template_child (widget_class, RempartComposer, queue_button);
  gtk_widget_class_bind_template_child (widget_class, RempartComposer, posted_button);
  gtk_widget_class_bind_template_child (widget_class, RempartComposer, save_template_button);
  gtk_widget_class_bind_template_callback (widget_class, template_row_activated_cb);
  rempart_composer_hints_bind_template (widget_class);
  rempart_composer_fold_class_init (widget_class);

  rempart_composer_draft_install_widget_actions (widget_class);
  gtk_widget_class_install_action (widget_class, "composer.choose-template", NULL,
                                   choose_template_widget_action);
  gtk_widget_class_install_action (widget_class, "composer.save-template", NULL,
                                   save_template_widget_action);
}

static void
add_shortcut (GtkShortcutController *controller, const char *accelerator, const char *action_name)
{
  gtk_shortcut_controller_add_shortcut (
      controller, gtk_shortcut_new (gtk_shortcut_trigger_parse_string (accelerator),
                                    gtk_named_action_new (action_name)));
}

static void
rempart_composer_init (RempartComposer *self)
{
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));
  rempart_accessible_fix_mnemonics (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_set_enable_undo (self->buffer, TRUE);

  /* The tone tags first: a tag created later wins over them. */
  rempart_composer_hints_init (self);
  {
    GdkRGBA yellow = { 0.96, 0.76, 0.07, 0.35 };

    self->placeholder_tag =
        gtk_text_buffer_create_tag (self->buffer, "placeholder", "background-rgba", &yellow, NULL);
  }

  g_signal_connect_object (self->buffer, "changed", G_CALLBACK (buffer_changed_cb), self,
                           G_CONNECT_SWAPPED);

  gtk_list_box_set_header_func (self->template_list, rempart_composer_template_header_func, NULL,
                                NULL);
  {
    GtkWidget *placeholder = gtk_label_new (_ ("No templates for this action"));

    gtk_widget_set_margin_top (placeholder, 12);
    gtk_widget_set_margin_bottom (placeholder, 12);
    gtk_widget_add_css_class (placeholder, "dim-label");
    gtk_list_box_set_placeholder (self->template_list, placeholder);
  }

  /* Capture phase: the text view would take Ctrl+Return as a new line otherwise. */
  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), "<Control>Return", "composer.copy-and-open");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), "<Control>s", "composer.queue");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), "<Control><Shift>p", "composer.mark-posted");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), "<Control>t", "composer.choose-template");
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  update_count (self);
  rempart_composer_update_widget_actions (self);
  rempart_composer_hints_run_check (self);
}

/* -------------------------------------------------------------------------------------- */
/* Internal API                                                                           */
/* -------------------------------------------------------------------------------------- */

RempartComposerRead *
rempart_composer_read_new (RempartComposer *self)
{
  RempartComposerRead *data = g_new0 (RempartComposerRead, 1);

  data->self = g_object_ref (self);
  data->cancellable = g_object_ref (self->cancellable);
  self->pending++;

  return data;
}

gboolean
rempart_composer_read_finish (RempartComposerRead *data)
{
  gboolean current = !g_cancellable_is_cancelled (data->cancellable);

  if (current)
    data->self->pending--;

  g_object_unref (data->self);
  g_object_unref (data->cancellable);
  g_free (data);

  return current;
}

RempartAction *
rempart_composer_get_feed_action (RempartComposer *self)
{
  return self->action != NULL || self->item == NULL ? self->action
                                                    : rempart_action_item_peek_action (self->item);
}

char *
rempart_composer_get_buffer_text (RempartComposer *self)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  return gtk_text_buffer_get_text (self->buffer, &start, &end, TRUE);
}

void
rempart_composer_set_text_silently (RempartComposer *self, const char *text)
{
  self->suppress_save++;
  gtk_text_buffer_begin_irreversible_action (self->buffer);
  gtk_text_buffer_set_text (self->buffer, text != NULL ? text : "", -1);
  gtk_text_buffer_end_irreversible_action (self->buffer);
  self->suppress_save--;
}

void
rempart_composer_update_widget_actions (RempartComposer *self)
{
  gboolean ready = self->item != NULL && self->store != NULL && self->draft_loaded;
  RempartAction *feed_action = rempart_composer_get_feed_action (self);
  g_autofree char *text = rempart_composer_get_buffer_text (self);
  gboolean words = has_words (text);

  /* An empty reply is nothing to copy, queue or post: the buttons wait for words, and a line
   * says so rather than leaving them grey without a reason. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "composer.save-template", ready && words);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "composer.copy-and-open",
                                 ready && words && feed_action != NULL &&
                                     rempart_action_get_url (feed_action) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "composer.queue", ready && words);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "composer.mark-posted", ready && words);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), ready && !words);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "composer.choose-template",
                                 self->templates != NULL && self->templates->len > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->template_button),
                            self->templates != NULL && self->templates->len > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->text_view), self->item != NULL && self->draft_loaded);
  if (self->focus_wanted && gtk_widget_get_sensitive (GTK_WIDGET (self->text_view)))
    {
      self->focus_wanted = FALSE;
      gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
    }
}

void
rempart_composer_reply_restored (RempartComposer *self)
{
  rempart_composer_update_widget_actions (self);
  rempart_composer_hints_run_check (self);
}

void
rempart_composer_emit_queued (RempartComposer *self)
{
  g_signal_emit (self, signals[SIGNAL_QUEUED], 0);
}

void
rempart_composer_emit_posted (RempartComposer *self)
{
  g_signal_emit (self, signals[SIGNAL_POSTED], 0);
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

GtkWidget *
rempart_composer_new (void)
{
  return g_object_new (REMPART_TYPE_COMPOSER, NULL);
}

void
rempart_composer_set_item (RempartComposer *self,
                           RempartStore *store,
                           RempartActionItem *item,
                           const RempartFeedInfo *info)
{
  g_return_if_fail (REMPART_IS_COMPOSER (self));
  g_return_if_fail (store == NULL || REMPART_IS_STORE (store));
  g_return_if_fail (item == NULL || REMPART_IS_ACTION_ITEM (item));

  rempart_composer_draft_drop_saver (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->pending = 0;

  g_set_object (&self->store, store);
  g_set_object (&self->item, item);
  g_set_object (&self->action, (item != NULL && rempart_action_item_has_details (item)
                                    ? rempart_action_item_peek_action (item)
                                    : NULL));
  g_clear_pointer (&self->info, rempart_feed_info_free);
  if (info != NULL)
    self->info = rempart_feed_info_copy (info);

  g_clear_pointer (&self->template_id, g_free);
  g_clear_pointer (&self->template_text, g_free);
  g_clear_pointer (&self->user_templates, g_ptr_array_unref);
  self->queued = FALSE;
  self->draft_loaded = FALSE;
  self->focus_wanted = FALSE;
  rempart_composer_set_text_silently (self, "");
  gtk_widget_set_visible (GTK_WIDGET (self->done_label), FALSE);
  gtk_label_set_text (self->title_label, item != NULL ? rempart_action_item_get_title (item) : "");
  rempart_composer_brief_set_item (self->brief, item, info);

  if (item != NULL)
    {
      if (store != NULL)
        {
          rempart_composer_draft_load (self);
          rempart_store_list_user_templates_async (store, self->cancellable, user_templates_cb,
                                                   rempart_composer_read_new (self));
        }
      else
        self->draft_loaded = TRUE; /* nothing to restore, nowhere to save */

      load_packs (self);
    }

  /* update_templates () updates the widget actions too. */
  update_templates (self);
  rempart_composer_hints_run_check (self);
}

RempartActionItem *
rempart_composer_get_item (RempartComposer *self)
{
  g_return_val_if_fail (REMPART_IS_COMPOSER (self), NULL);

  return self->item;
}

char *
rempart_composer_get_text (RempartComposer *self)
{
  g_return_val_if_fail (REMPART_IS_COMPOSER (self), NULL);

  return rempart_composer_get_buffer_text (self);
}

gboolean
rempart_composer_apply_template (RempartComposer *self, const char *template_id)
{
  RempartTemplate *tmpl = NULL;
  RempartTemplateValues values;
  g_autofree char *filled = NULL;
  GtkTextIter start, end;

  g_return_val_if_fail (REMPART_IS_COMPOSER (self), FALSE);
  g_return_val_if_fail (template_id != NULL, FALSE);

  for (guint i = 0; self->templates != NULL && i < self->templates->len; i++)
    if (g_strcmp0 (rempart_template_get_id (g_ptr_array_index (self->templates, i)), template_id) ==
        0)
      tmpl = g_ptr_array_index (self->templates, i);

  if (tmpl == NULL || !self->draft_loaded)
    return FALSE;

  rempart_template_values_init_for_action (&values, rempart_composer_get_feed_action (self),
                                           self->info != NULL ? self->info->hashtag : NULL);
  filled = rempart_template_fill_text (rempart_template_get_body (tmpl), &values, NULL, NULL);

  g_free (self->template_id);
  self->template_id = g_strdup (template_id);
  g_free (self->template_text);
  self->template_text = g_strdup (filled);

  /* One user action, so that Ctrl+Z brings back what was there before. */
  gtk_text_buffer_begin_user_action (self->buffer);
  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_delete (self->buffer, &start, &end);
  gtk_text_buffer_insert (self->buffer, &start, filled, -1);
  gtk_text_buffer_end_user_action (self->buffer);

  gtk_popover_popdown (self->template_popover);
  gtk_text_buffer_get_end_iter (self->buffer, &end);
  gtk_text_buffer_place_cursor (self->buffer, &end);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));

  return TRUE;
}

RempartPackCache *
rempart_composer_get_pack_cache (RempartComposer *self)
{
  g_return_val_if_fail (REMPART_IS_COMPOSER (self), NULL);

  return self->pack_cache != NULL ? self->pack_cache : rempart_pack_cache_get_default ();
}

void
rempart_composer_set_pack_cache (RempartComposer *self, RempartPackCache *cache)
{
  g_return_if_fail (REMPART_IS_COMPOSER (self));
  g_return_if_fail (cache == NULL || REMPART_IS_PACK_CACHE (cache));

  if (g_set_object (&self->pack_cache, cache))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PACK_CACHE]);
}

gboolean
rempart_composer_is_ready (RempartComposer *self)
{
  g_return_val_if_fail (REMPART_IS_COMPOSER (self), FALSE);

  return self->item != NULL && self->pending == 0 && self->draft_loaded && self->packs != NULL;
}

GPtrArray *
rempart_composer_get_templates (RempartComposer *self)
{
  g_return_val_if_fail (REMPART_IS_COMPOSER (self), NULL);

  return self->templates;
}

GPtrArray *
rempart_composer_get_hints (RempartComposer *self)
{
  g_return_val_if_fail (REMPART_IS_COMPOSER (self), NULL);

  return self->hints;
}

void
rempart_composer_check_now (RempartComposer *self)
{
  g_return_if_fail (REMPART_IS_COMPOSER (self));

  rempart_composer_hints_run_check (self);
}

/*
 * rempart_composer_focus_reply:
 *
 * Gives the reply the focus, now or, while its draft is still being read, as soon as it is
 * in: what the volunteer types next goes into the reply.
 */
void
rempart_composer_focus_reply (RempartComposer *self)
{
  g_return_if_fail (REMPART_IS_COMPOSER (self));

  self->focus_wanted = TRUE;
  rempart_composer_update_widget_actions (self);
}
