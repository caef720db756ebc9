/* rempart-composer-internal.h: the composer's state, shared by its source files
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rempart-composer.h"
#include "rempart-draft-saver.h"
#include "rempart-pack-cache.h"

G_BEGIN_DECLS

/*
 * RempartComposer is one widget written in three files: rempart-composer.c (the widget, the
 * template list, the public API), rempart-composer-hints.c (the tone check and its hints) and
 * rempart-composer-draft.c (the draft and what the volunteer did). Nothing outside them
 * includes this header; tests use rempart-composer-private.h.
 */

struct _RempartComposer
{
  AdwBin parent_instance;

  RempartStore *store;
  RempartActionItem *item;
  RempartFeedInfo *info;
  GCancellable *cancellable; /* the reads of the current item */
  RempartDraftSaver *saver;  /* NULL until the draft is loaded */
  RempartPackCache *pack_cache;
  RempartPacks *packs;
  GPtrArray *user_templates; /* (element-type RempartTemplate) */
  GPtrArray *templates;      /* offered, (element-type RempartTemplate) */
  GPtrArray *hints;          /* (element-type RempartToneHint) */
  char *template_id;
  char *template_text; /* the filled template, for the template-copy rule */
  gboolean queued;
  guint pending; /* reads still running */
  gboolean draft_loaded;
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
  GtkLabel *hints_status_label;
  GtkListBox *hints_list;
  GtkLabel *done_label;
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

/* rempart-composer.c */
RempartComposerRead *rempart_composer_read_new (RempartComposer *self);
/* Returns: whether the read is still for the current item; frees @data either way. */
gboolean rempart_composer_read_finish (RempartComposerRead *data);
RempartAction *rempart_composer_get_action (RempartComposer *self);
char *rempart_composer_get_buffer_text (RempartComposer *self);
void rempart_composer_set_text_silently (RempartComposer *self, const char *text);
void rempart_composer_update_actions (RempartComposer *self);
void rempart_composer_emit_queued (RempartComposer *self);
void rempart_composer_emit_posted (RempartComposer *self);

/* rempart-composer-hints.c */
void rempart_composer_hints_bind_template (GtkWidgetClass *widget_class);
void rempart_composer_hints_init (RempartComposer *self);
void rempart_composer_hints_run_check (RempartComposer *self);
void rempart_composer_hints_schedule_check (RempartComposer *self);

/* rempart-composer-draft.c */
void rempart_composer_draft_install_actions (GtkWidgetClass *widget_class);
/* Reads the draft of the current item; the text view stays insensitive until it is in. */
void rempart_composer_draft_load (RempartComposer *self);
/* Hands the text to the saver after a change the volunteer made. */
void rempart_composer_draft_text_changed (RempartComposer *self);
/* Saves what was typed last, then forgets the saver (item changing, or dispose). */
void rempart_composer_draft_drop_saver (RempartComposer *self);

G_END_DECLS
