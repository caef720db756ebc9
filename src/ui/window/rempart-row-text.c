/* rempart-row-text.c: a list row's text, shaped once for the width it is given
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <pango/pangocairo.h>

#include "rempart-row-text.h"

struct _RempartRowText
{
  GtkWidget parent_instance;

  char *text;
  int lines;
  PangoLayout *layout;  /* NULL until needed, and after the direction changed */
  guint context_serial; /* the Pango context's serial when the layout last followed it */
};

enum
{
  PROP_0,
  PROP_TEXT,
  PROP_LINES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (RempartRowText, rempart_row_text, GTK_TYPE_WIDGET)

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

/* The layout as a GtkLabel with xalign 0 makes it: aligned to the start of the widget's
 * direction, ellipsized at the end, wrapped at words on up to @lines lines, or on one line
 * with newlines shown as symbols. It follows the widget's Pango context, which GTK updates
 * (and measures the widget again) when the CSS changes the font. */
static PangoLayout *
ensure_layout (RempartRowText *self)
{
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));

  if (self->layout != NULL)
    {
      /* GTK changed the context's font (CSS, large text, a new display): shape again. */
      if (self->context_serial != pango_context_get_serial (context))
        {
          pango_layout_context_changed (self->layout);
          self->context_serial = pango_context_get_serial (context);
        }
      return self->layout;
    }

  /* On the widget's own context, which GTK updates when the CSS changes the font, and drops
   * when the widget leaves its window (see unroot()). */
  self->layout = pango_layout_new (context);
  self->context_serial = pango_context_get_serial (context);
  pango_layout_set_text (self->layout, self->text != NULL ? self->text : "", -1);
  pango_layout_set_alignment (self->layout, rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
  if (self->lines > 1)
    {
      pango_layout_set_wrap (self->layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_height (self->layout, -self->lines);
    }
  else
    {
      pango_layout_set_single_paragraph_mode (self->layout, TRUE);
    }
  pango_layout_set_width (self->layout, gtk_widget_get_width (GTK_WIDGET (self)) * PANGO_SCALE);
  return self->layout;
}

/* Two ems of the widget's font: never less than an ellipsis, whatever the text. */
static int
min_width (RempartRowText *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  const PangoFontDescription *font = pango_context_get_font_description (context);
  double size = 0;

  if (font != NULL)
    {
      size = pango_font_description_get_size (font) / (double) PANGO_SCALE;
      if (!pango_font_description_get_size_is_absolute (font))
        {
          double dpi = pango_cairo_context_get_resolution (context);

          size *= (dpi > 0 ? dpi : 96.0) / 72.0;
        }
    }
  if (!(size > 0 && size < 1000))
    size = 16;
  return (int) ceil (2 * size);
}

/* -------------------------------------------------------------------------------------- */
/* Overrides                                                                              */
/* -------------------------------------------------------------------------------------- */

static GtkSizeRequestMode
rempart_row_text_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
rempart_row_text_measure (GtkWidget *widget,
                          GtkOrientation orientation,
                          int for_size,
                          int *minimum,
                          int *natural,
                          int *minimum_baseline,
                          int *natural_baseline)
{
  RempartRowText *self = REMPART_ROW_TEXT (widget);
  PangoLayout *layout;
  int height;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* No shaping: a row's text is given the width of the row, never its own. */
      *minimum = *natural = min_width (self);
      return;
    }

  /* Measured at the width it will be allocated: the allocation keeps what is shaped here. */
  layout = ensure_layout (self);
  pango_layout_set_width (layout, for_size < 0 ? -1 : for_size * PANGO_SCALE);
  pango_layout_get_size (layout, NULL, &height);
  *minimum = *natural = PANGO_PIXELS_CEIL (height);
}

static void
rempart_row_text_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  RempartRowText *self = REMPART_ROW_TEXT (widget);

  pango_layout_set_width (ensure_layout (self), width * PANGO_SCALE);
}

static void
rempart_row_text_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  RempartRowText *self = REMPART_ROW_TEXT (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  PangoLayout *layout;
  PangoRectangle logical;
  int x, y;

  if (self->text == NULL || self->text[0] == '\0')
    return;

  /* Where a GtkLabel with xalign 0 and yalign 0.5 puts its layout. */
  layout = ensure_layout (self);
  pango_layout_set_width (layout, gtk_widget_get_width (widget) * PANGO_SCALE);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  x = (int) floor ((rtl ? 1.0 : 0.0) * (gtk_widget_get_width (widget) - logical.width)) - logical.x;
  y = (int) floor ((gtk_widget_get_height (widget) - logical.height) * 0.5);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_snapshot_render_layout (snapshot, gtk_widget_get_style_context (widget), x, y, layout);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static void
rempart_row_text_direction_changed (GtkWidget *widget, GtkTextDirection previous)
{
  RempartRowText *self = REMPART_ROW_TEXT (widget);

  /* Its alignment follows the direction. GTK measures the widget again, but draws it again
   * only if its size changed: ask for it. */
  g_clear_object (&self->layout);
  gtk_widget_queue_draw (widget);
  GTK_WIDGET_CLASS (rempart_row_text_parent_class)->direction_changed (widget, previous);
}

static void
rempart_row_text_unroot (GtkWidget *widget)
{
  RempartRowText *self = REMPART_ROW_TEXT (widget);

  /* GTK drops a widget's Pango context when it leaves its window (the list lets a row go,
   * and rempart_action_row_new() hands it out again): the layout gets the next one. */
  g_clear_object (&self->layout);
  GTK_WIDGET_CLASS (rempart_row_text_parent_class)->unroot (widget);
}

static void
rempart_row_text_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RempartRowText *self = REMPART_ROW_TEXT (object);

  switch (prop_id)
    {
      case PROP_TEXT:
        g_value_set_string (value, self->text);
        break;
      case PROP_LINES:
        g_value_set_int (value, self->lines);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rempart_row_text_set_property (GObject *object,
                               guint prop_id,
                               const GValue *value,
                               GParamSpec *pspec)
{
  RempartRowText *self = REMPART_ROW_TEXT (object);

  switch (prop_id)
    {
      case PROP_TEXT:
        rempart_row_text_set_text (self, g_value_get_string (value));
        break;
      case PROP_LINES:
        self->lines = g_value_get_int (value);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rempart_row_text_finalize (GObject *object)
{
  RempartRowText *self = REMPART_ROW_TEXT (object);

  g_clear_object (&self->layout);
  g_free (self->text);

  G_OBJECT_CLASS (rempart_row_text_parent_class)->finalize (object);
}

static void
rempart_row_text_class_init (RempartRowTextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = rempart_row_text_get_property;
  object_class->set_property = rempart_row_text_set_property;
  object_class->finalize = rempart_row_text_finalize;

  widget_class->get_request_mode = rempart_row_text_get_request_mode;
  widget_class->measure = rempart_row_text_measure;
  widget_class->size_allocate = rempart_row_text_size_allocate;
  widget_class->snapshot = rempart_row_text_snapshot;
  widget_class->direction_changed = rempart_row_text_direction_changed;
  widget_class->unroot = rempart_row_text_unroot;

  properties[PROP_TEXT] =
      g_param_spec_string ("text", NULL, NULL, NULL,
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LINES] =
      g_param_spec_int ("lines", NULL, NULL, 1, 100, 1,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Styled as a label is (Adwaita's rules for labels, "heading", "caption", "dim-label"). */
  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
rempart_row_text_init (RempartRowText *self)
{
  self->lines = 1;
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

/*
 * rempart_row_text_new:
 * @lines: 1 for one line, more to wrap on up to that many
 *
 * Returns: (transfer floating): a text showing nothing
 */
GtkWidget *
rempart_row_text_new (int lines)
{
  return g_object_new (REMPART_TYPE_ROW_TEXT, "lines", MAX (lines, 1), NULL);
}

const char *
rempart_row_text_get_text (RempartRowText *self)
{
  g_return_val_if_fail (REMPART_IS_ROW_TEXT (self), NULL);

  return self->text != NULL ? self->text : "";
}

/*
 * rempart_row_text_set_text:
 * @text: (nullable): the text, shown as it is
 */
void
rempart_row_text_set_text (RempartRowText *self, const char *text)
{
  g_return_if_fail (REMPART_IS_ROW_TEXT (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;
  g_free (self->text);
  self->text = g_strdup (text);
  if (self->layout != NULL)
    pango_layout_set_text (self->layout, text != NULL ? text : "", -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  text != NULL ? text : "", -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

int
rempart_row_text_get_lines (RempartRowText *self)
{
  g_return_val_if_fail (REMPART_IS_ROW_TEXT (self), 1);

  return self->lines;
}
