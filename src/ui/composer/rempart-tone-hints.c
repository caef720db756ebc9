/* rempart-tone-hints.c: the list of tone hints under the reply
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Rempart"

#include "config.h"

#include <glib/gi18n.h>

#include "rempart-tone-hints.h"
#include "rempart-ui-utils.h"

/*
 * The widget only shows hints and says which one the volunteer activated: what a hint's span
 * means in the reply is the composer's business (it selects that text). Hints only advise,
 * so nothing here is ever disabled or hidden because of them.
 */

struct _RempartToneHints
{
  AdwBin parent_instance;

  GPtrArray *hints; /* (element-type RempartToneHint) (nullable) */
  gboolean reply_is_empty;
  gboolean available;

  /* Template widgets */
  GtkLabel *status_label;
  GtkListBox *list;
};

G_DEFINE_FINAL_TYPE (RempartToneHints, rempart_tone_hints, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_AVAILABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_HINT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static GtkWidget *
hint_row_new (const RempartToneHint *hint)
{
  gboolean warning = hint->severity == REMPART_TONE_SEVERITY_WARNING;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *icon = gtk_image_new_from_icon_name (warning ? "dialog-warning-symbolic"
                                                          : "dialog-information-symbolic");
  GtkWidget *message = gtk_label_new (hint->message);
  GtkWidget *suggestion = gtk_label_new (hint->suggestion);

  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_add_css_class (icon, warning ? "warning" : "dim-label");
  gtk_accessible_update_property (
      GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
      /* Translators: screen-reader name of the icon of a strong tone
                                   * hint (e.g. an insult in the reply) */
      warning ? _ ("Warning")
              /* Translators: screen-reader name of a mild tone hint’s icon */
              : _ ("Advice"),
      -1);

  for (guint i = 0; i < 2; i++)
    {
      GtkLabel *label = GTK_LABEL (i == 0 ? message : suggestion);

      gtk_label_set_wrap (label, TRUE);
      gtk_label_set_wrap_mode (label, PANGO_WRAP_WORD_CHAR);
      gtk_label_set_natural_wrap_mode (label, GTK_NATURAL_WRAP_WORD);
      gtk_label_set_xalign (label, 0);
    }
  gtk_widget_add_css_class (suggestion, "dim-label");
  gtk_widget_set_visible (suggestion, hint->suggestion[0] != '\0');

  gtk_box_append (GTK_BOX (text_box), message);
  gtk_box_append (GTK_BOX (text_box), suggestion);
  gtk_widget_set_hexpand (text_box, TRUE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), text_box);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  /* Only a hint about a part of the text leads somewhere; a position (an empty span) is
   * read, not activated. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), hint->start_char < hint->end_char);
  gtk_widget_set_focusable (row, hint->start_char < hint->end_char);

  return row;
}

static void
update_status (RempartToneHints *self)
{
  const char *status;

  if (!self->available)
    status = _ ("The tone check is not available.");
  else if (self->reply_is_empty)
    status = _ ("Advice on your reply appears here as you write. It never stops you from "
                "posting.");
  else if (self->hints == NULL || self->hints->len == 0)
    status = _ ("Nothing to point out. Read it once more, then post it.");
  else
    status = _ ("Advice only: you decide what to post.");

  gtk_label_set_text (self->status_label, status);
}

/* -------------------------------------------------------------------------------------- */
/* Callbacks                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
row_activated_cb (RempartToneHints *self, GtkListBoxRow *row, GtkListBox *list)
{
  int index = gtk_list_box_row_get_index (row);
  RempartToneHint *hint;

  if (self->hints == NULL || index < 0 || (guint) index >= self->hints->len)
    return;

  hint = g_ptr_array_index (self->hints, index);
  if (hint->start_char < hint->end_char)
    g_signal_emit (self, signals[SIGNAL_HINT_ACTIVATED], 0, hint);
}

/* -------------------------------------------------------------------------------------- */
/* Overrides                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
rempart_tone_hints_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RempartToneHints *self = REMPART_TONE_HINTS (object);

  switch (prop_id)
    {
      case PROP_AVAILABLE:
        g_value_set_boolean (value, self->available);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rempart_tone_hints_set_property (GObject *object,
                                 guint prop_id,
                                 const GValue *value,
                                 GParamSpec *pspec)
{
  RempartToneHints *self = REMPART_TONE_HINTS (object);

  switch (prop_id)
    {
      case PROP_AVAILABLE:
        rempart_tone_hints_set_available (self, g_value_get_boolean (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rempart_tone_hints_dispose (GObject *object)
{
  RempartToneHints *self = REMPART_TONE_HINTS (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), REMPART_TYPE_TONE_HINTS);

  g_clear_pointer (&self->hints, g_ptr_array_unref);

  G_OBJECT_CLASS (rempart_tone_hints_parent_class)->dispose (object);
}

static void
rempart_tone_hints_class_init (RempartToneHintsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = rempart_tone_hints_get_property;
  object_class->set_property = rempart_tone_hints_set_property;
  object_class->dispose = rempart_tone_hints_dispose;

  /**
   * RempartToneHints:available:
   *
   * Whether there is a tone check at all; without one the widget says so.
   */
  properties[PROP_AVAILABLE] =
      g_param_spec_boolean ("available", NULL, NULL, TRUE,
                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RempartToneHints::hint-activated:
   * @hint: the hint, whose span (start_char, end_char) is about a part of the reply
   *
   * The volunteer activated a hint (Enter, Space or a click on its row): the owner of the
   * reply shows what it is about.
   */
  signals[SIGNAL_HINT_ACTIVATED] =
      g_signal_new ("hint-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                    NULL, G_TYPE_NONE, 1, REMPART_TYPE_TONE_HINT | G_SIGNAL_TYPE_STATIC_SCOPE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/rempart-tone-hints.ui");
  gtk_widget_class_bind_template_child (widget_class, RempartToneHints, status_label);
  gtk_widget_class_bind_template_child (widget_class, RempartToneHints, list);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
rempart_tone_hints_init (RempartToneHints *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rempart_accessible_fix_mnemonics (GTK_WIDGET (self));

  self->available = TRUE;
  self->reply_is_empty = TRUE;
  update_status (self);
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

GtkWidget *
rempart_tone_hints_new (void)
{
  return g_object_new (REMPART_TYPE_TONE_HINTS, NULL);
}

void
rempart_tone_hints_set_hints (RempartToneHints *self, GPtrArray *hints, gboolean reply_is_empty)
{
  GtkWidget *child;

  g_return_if_fail (REMPART_IS_TONE_HINTS (self));

  if (hints != NULL)
    g_ptr_array_ref (hints);
  g_clear_pointer (&self->hints, g_ptr_array_unref);
  self->hints = hints;
  self->reply_is_empty = reply_is_empty;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  for (guint i = 0; hints != NULL && i < hints->len; i++)
    gtk_list_box_append (self->list, hint_row_new (g_ptr_array_index (hints, i)));

  gtk_widget_set_visible (GTK_WIDGET (self->list), hints != NULL && hints->len > 0);
  update_status (self);
}

void
rempart_tone_hints_set_available (RempartToneHints *self, gboolean available)
{
  g_return_if_fail (REMPART_IS_TONE_HINTS (self));

  available = !!available;
  if (self->available == available)
    return;

  self->available = available;
  update_status (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AVAILABLE]);
}

gboolean
rempart_tone_hints_get_available (RempartToneHints *self)
{
  g_return_val_if_fail (REMPART_IS_TONE_HINTS (self), FALSE);

  return self->available;
}
