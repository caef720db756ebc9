/* rempart-composer-private.h: the composer's state and the functions its files share
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rempart-composer-brief.h"
#include "rempart-composer.h"
#include "rempart-draft-saver.h"
#include "rempart-pack-cache.h"
#include "rempart-template.h"
#include "rempart-tone-hints.h"

G_BEGIN_DECLS

/*
 * RempartComposer is one widget written in four files: rempart-composer.c (the widget, the
 * template list, the public API) and three satellites: rempart-composer-hints.c (the tone
 * check and its underlines), rempart-composer-draft.c (the draft and what the volunteer did
 * with the reply) and rempart-composer-templates.c (the template rows and the "Save as
 * Template" dialog). A satellite calls only the functions of rempart-composer.c declared
 * here, and core; never another satellite. The list of hints is a widget of its own,
 * RempartToneHints. Outside the composer, only tests include this header.
 *
 * Words: the "item" is the RempartActionItem being answered and the "feed action" its
 * RempartAction, the call to action from the group's feed; a "widget action" is one of the
 * composer.* GActions its buttons and shortcuts activate.
 */

struct _RempartComposer
{
  AdwBin parent_instance;

  RempartStore *store;
  RempartActionItem *item;
  RempartAction *action; /* (nullable) the item's whole action, once read */
  RempartFeedInfo *info;
  GCancellable *cancellable;    /* the reads of the current item */
  RempartDraftSaver *saver;     /* NULL until the draft is loaded */
  RempartPackCache *pack_cache; /* NULL: the default one */
  RempartPacks *packs;
  GPtrArray *user_templates; /* (element-type RempartTemplate) */
  GPtrArray *templates;      /* offered, (element-type RempartTemplate) */
  GPtrArray *hints;          /* (element-type RempartToneHint) */
  char *template_id;
  char *template_text; /* the filled template, for the template-copy rule */
  gboolean queued;
  guint pending; /* reads still running */
  gboolean draft_loaded;
  gboolean focus_wanted; /* give the reply the focus as soon as it can take it */
  guint suppress_save;
  guint check_id;

  GtkTextBuffer *buffer;
  GtkTextTag *warning_tag;
  GtkTextTag *advice_tag;
  GtkTextTag *placeholder_tag;

  /* Template widgets */
  GtkLabel *title_label;
  GtkLabel *notice_label;
  GtkMenuButton *template_button;
  GtkPopover *template_popover;
  GtkListBox *template_list;
  GtkTextView *text_view;
  GtkLabel *placeholder_label;
  GtkLabel *count_label;
  RempartToneHints *tone_hints;
  RempartComposerBrief *brief;
  GtkLabel *done_label;
  GtkLabel *empty_label;
  GtkWidget *copy_button;
  GtkWidget *queue_button;
  GtkWidget *posted_button;
  GtkWidget *save_template_button;
};

/* What a read started for one item needs to know when it comes back. */
typedef struct
{
  RempartComposer *self; /* strong */
  GCancellable *cancellable;
} RempartComposerRead;

/* -------------------------------------------------------------------------------------- */
/* rempart-composer.c: what the satellites may call                                      */
/* -------------------------------------------------------------------------------------- */

RempartComposerRead *rempart_composer_read_new (RempartComposer *self);
/* Returns: whether the read is still for the current item; frees @data either way. */
gboolean rempart_composer_read_finish (RempartComposerRead *data);
/* Returns: (transfer none) (nullable): the feed's RempartAction behind the current item: the
 * whole action once read (rempart_action_item_get_action_async), its list fields until then */
RempartAction *rempart_composer_get_feed_action (RempartComposer *self);
char *rempart_composer_get_buffer_text (RempartComposer *self);
void rempart_composer_set_text_silently (RempartComposer *self, const char *text);
/* Enables the composer.* widget actions that make sense now. */
void rempart_composer_update_widget_actions (RempartComposer *self);
/* The draft of the current item is in the buffer (or there was none). */
void rempart_composer_reply_restored (RempartComposer *self);
void rempart_composer_emit_queued (RempartComposer *self);
void rempart_composer_emit_posted (RempartComposer *self);

/* -------------------------------------------------------------------------------------- */
/* rempart-composer-fold.c                                                                */
/* -------------------------------------------------------------------------------------- */

/* The brief folds away below a comfortable width of the reply. */
void rempart_composer_fold_class_init (GtkWidgetClass *widget_class);

/* -------------------------------------------------------------------------------------- */
/* rempart-composer-hints.c                                                               */
/* -------------------------------------------------------------------------------------- */

void rempart_composer_hints_bind_template (GtkWidgetClass *widget_class);
void rempart_composer_hints_init (RempartComposer *self);
void rempart_composer_hints_run_check (RempartComposer *self);
void rempart_composer_hints_schedule_check (RempartComposer *self);

/* -------------------------------------------------------------------------------------- */
/* rempart-composer-draft.c                                                               */
/* -------------------------------------------------------------------------------------- */

/* composer.copy-and-open, composer.queue and composer.mark-posted */
void rempart_composer_draft_install_widget_actions (GtkWidgetClass *widget_class);
/* Reads the draft of the current item; the text view stays insensitive until it is in. */
void rempart_composer_draft_load (RempartComposer *self);
/* Hands the text to the saver after a change the volunteer made. */
void rempart_composer_draft_text_changed (RempartComposer *self);
/* Saves what was typed last, then forgets the saver (item changing, or dispose). */
void rempart_composer_draft_drop_saver (RempartComposer *self);

/* -------------------------------------------------------------------------------------- */
/* rempart-composer-templates.c                                                           */
/* -------------------------------------------------------------------------------------- */

/* A row of the template popover; the template is its "rempart-template" data. Read-only
 * templates (built-in, the group's) get a Duplicate button that calls @duplicate_cb
 * (GtkButton *button, gpointer user_data), the template being the button's
 * "rempart-template" data. */
GtkWidget *rempart_composer_template_row_new (RempartTemplate *tmpl,
                                              GCallback duplicate_cb,
                                              gpointer user_data);

/* Returns: (transfer none) (nullable): the template of a row or button made above */
RempartTemplate *rempart_composer_template_row_get_template (GtkWidget *row_or_button);

/* A GtkListBoxUpdateHeaderFunc: a heading for each origin. */
void rempart_composer_template_header_func (GtkListBoxRow *row,
                                            GtkListBoxRow *before,
                                            gpointer user_data);

/* Asks for a template's title: responses "cancel" and "save", "save" only enabled once the
 * title (the dialog's extra child, a GtkEntry) has a word in it. */
AdwMessageDialog *rempart_composer_template_dialog_new (GtkWidget *parent);

/* Returns: (transfer full): the title typed in @dialog, stripped */
char *rempart_composer_template_dialog_get_title (AdwMessageDialog *dialog);

/* The reply as a template of the feed action's topic and language, so that it is offered
 * again for the next action like this one. */
RempartTemplate *
rempart_composer_template_from_reply (RempartComposer *self, const char *title, const char *body);

/* -------------------------------------------------------------------------------------- */
/* Tests                                                                                  */
/* -------------------------------------------------------------------------------------- */

/* TRUE once the draft, the packs and the templates of the current item are loaded. */
gboolean rempart_composer_is_ready (RempartComposer *self);

/* Returns: (transfer none) (element-type RempartTemplate): the templates offered, in order */
GPtrArray *rempart_composer_get_templates (RempartComposer *self);

/* Returns: (transfer none) (element-type RempartToneHint): the hints of the last check */
GPtrArray *rempart_composer_get_hints (RempartComposer *self);

/* Runs the pending tone check now instead of after the debounce. */
void rempart_composer_check_now (RempartComposer *self);

G_END_DECLS
