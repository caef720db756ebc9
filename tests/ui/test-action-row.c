/* test-action-row.c: a list row lays out its children as the grid it replaced
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "rempart-action-builder.h"
#include "rempart-action-row.h"
#include "rempart-row-text.h"
#include "rempart-ui-test.h"

/*
 * RempartActionRow measures and places its four children itself (a title, the details under
 * it, the urgent tag and the state icon beside them), and its texts are RempartRowTexts, so
 * that GTK's measures of the list cost as little text shaping as they can. What a person sees
 * must be what the row's old template showed, GtkLabels on a GtkGridLayout: each test builds
 * that reference, a GtkGrid of GtkLabels with the row's texts, the old template's properties
 * and the same style classes (and a copy of the other children), allocates both at the same
 * widths, left to right and right to left, and compares where every child is, to the pixel,
 * then draws both in a window and compares their pixels.
 */

#define LONG_TITLE                                                                         \
  "A thread under a regional newspaper’s article about the new reception centre, where " \
  "hundreds of comments call for violence against the people who will live there and "     \
  "against the volunteers who help them"

/* Right-to-left words, emoji and English, one line each for clang-format. */
#define MIXED_TITLE                               \
  "تعليقات مليئة بالكراهية " \
  "تحت مقال عن اللاجئين "        \
  "🙂🙂🙂 and a long tail of English words to wrap"

typedef struct
{
  const char *title;
  gboolean urgent;
  RempartActionState state;
  gboolean queued;
  RempartTopic topic;
  const char *platform;
} RowCase;

static const RowCase cases[] = {
  { "Short", FALSE, REMPART_ACTION_STATE_NONE, FALSE, REMPART_TOPIC_NONE, NULL },
  { "Short and urgent", TRUE, REMPART_ACTION_STATE_NONE, FALSE, REMPART_TOPIC_RACISM, "facebook" },
  { LONG_TITLE, TRUE, REMPART_ACTION_STATE_POSTED, FALSE, REMPART_TOPIC_SEXISM, "youtube" },
  { LONG_TITLE, FALSE, REMPART_ACTION_STATE_OPENED, TRUE, REMPART_TOPIC_OTHER, "x" },
  { MIXED_TITLE, TRUE, REMPART_ACTION_STATE_DISMISSED, FALSE, REMPART_TOPIC_ISLAMOPHOBIA,
    "tiktok" },
  { "WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW", FALSE,
    REMPART_ACTION_STATE_NONE, FALSE, REMPART_TOPIC_NONE, NULL },
};

static const int widths[] = { 90, 160, 240, 336, 360, 500, 800, 1240 };
static const int drawn_widths[] = { 300, 336, 520, 900 };

static RempartActionItem *
make_item (const RowCase *c)
{
  g_autoptr (GDateTime) expires = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) later = g_date_time_add_days (expires, 3);
  RempartStoredAction stored = { 0 };
  RempartActionItem *item;

  stored.subscription_url = (char *) "https://example.org/feed.json";
  stored.action = rempart_action_new ("a1", "https://example.org/thread/1");
  rempart_action_take_text (stored.action, REMPART_ACTION_TITLE, g_strdup (c->title));
  rempart_action_set_priority (stored.action,
                               c->urgent ? REMPART_PRIORITY_HIGH : REMPART_PRIORITY_NORMAL);
  rempart_action_set_topic (stored.action, c->topic);
  if (c->platform != NULL)
    {
      rempart_action_take_text (stored.action, REMPART_ACTION_PLATFORM, g_strdup (c->platform));
      rempart_action_set_date (stored.action, REMPART_ACTION_EXPIRES, later);
    }
  stored.state = c->state;
  stored.queued = c->queued;
  item = rempart_action_item_new (&stored);
  g_object_unref (stored.action);
  return item;
}

/* What the row's old template had for @child: a GtkLabel for a text, a copy of the rest. */
static GtkWidget *
copy_child (GtkWidget *child)
{
  g_auto (GStrv) classes = gtk_widget_get_css_classes (child);
  GtkWidget *copy;

  if (REMPART_IS_ROW_TEXT (child))
    {
      RempartRowText *text = REMPART_ROW_TEXT (child);
      GtkLabel *label;

      copy = gtk_label_new (rempart_row_text_get_text (text));
      label = GTK_LABEL (copy);
      gtk_label_set_xalign (label, 0);
      gtk_label_set_ellipsize (label, PANGO_ELLIPSIZE_END);
      if (rempart_row_text_get_lines (text) > 1)
        {
          gtk_label_set_wrap (label, TRUE);
          gtk_label_set_wrap_mode (label, PANGO_WRAP_WORD_CHAR);
          gtk_label_set_lines (label, rempart_row_text_get_lines (text));
        }
      else
        {
          gtk_label_set_single_line_mode (label, TRUE);
        }
    }
  else if (GTK_IS_LABEL (child))
    {
      copy = gtk_label_new (gtk_label_get_text (GTK_LABEL (child)));
      gtk_label_set_xalign (GTK_LABEL (copy), gtk_label_get_xalign (GTK_LABEL (child)));
    }
  else
    {
      g_assert_true (GTK_IS_IMAGE (child));
      copy = gtk_image_new_from_icon_name (gtk_image_get_icon_name (GTK_IMAGE (child)));
    }
  gtk_widget_set_css_classes (copy, (const char **) classes);
  gtk_widget_set_hexpand (copy, gtk_widget_get_hexpand (child));
  gtk_widget_set_halign (copy, gtk_widget_get_halign (child));
  gtk_widget_set_valign (copy, gtk_widget_get_valign (child));
  gtk_widget_set_visible (copy, gtk_widget_get_visible (child));
  return copy;
}

/* What the row's old template set, checked on the row itself, since the reference copies it. */
static void
assert_like_the_old_template (GtkWidget *row)
{
  GtkWidget *title = gtk_widget_get_first_child (row);
  GtkWidget *details = gtk_widget_get_next_sibling (title);

  g_assert_cmpint (gtk_widget_get_margin_top (row), ==, 10);
  g_assert_cmpint (gtk_widget_get_margin_bottom (row), ==, 10);
  g_assert_cmpint (gtk_widget_get_margin_start (row), ==, 12);
  g_assert_cmpint (gtk_widget_get_margin_end (row), ==, 12);
  g_assert_true (REMPART_IS_ROW_TEXT (title));
  g_assert_cmpint (rempart_row_text_get_lines (REMPART_ROW_TEXT (title)), ==, 2);
  g_assert_true (gtk_widget_has_css_class (title, "heading"));
  g_assert_true (REMPART_IS_ROW_TEXT (details));
  g_assert_cmpint (rempart_row_text_get_lines (REMPART_ROW_TEXT (details)), ==, 1);
  g_assert_true (gtk_widget_has_css_class (details, "caption"));
  g_assert_true (gtk_widget_has_css_class (details, "dim-label"));
  for (GtkWidget *c = gtk_widget_get_next_sibling (details); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      g_assert_cmpint (gtk_widget_get_valign (c), ==, GTK_ALIGN_CENTER);
      if (GTK_IS_LABEL (c))
        {
          g_assert_true (gtk_widget_has_css_class (c, "caption-heading"));
          g_assert_true (gtk_widget_has_css_class (c, "rempart-urgent"));
        }
    }
}

/* The row's template as it was, on a GtkGrid: title and details in the first column, the
 * urgent tag and the state icon beside them over both lines (the row makes the last two
 * only when it first shows an action that has them). */
static GtkWidget *
make_reference (GtkWidget *row)
{
  GtkWidget *grid = gtk_grid_new ();
  guint texts = 0;

  gtk_grid_set_row_spacing (GTK_GRID (grid), 3);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_widget_set_margin_top (grid, gtk_widget_get_margin_top (row));
  gtk_widget_set_margin_bottom (grid, gtk_widget_get_margin_bottom (row));
  gtk_widget_set_margin_start (grid, gtk_widget_get_margin_start (row));
  gtk_widget_set_margin_end (grid, gtk_widget_get_margin_end (row));
  for (GtkWidget *child = gtk_widget_get_first_child (row); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *copy = copy_child (child);

      if (REMPART_IS_ROW_TEXT (child))
        gtk_grid_attach (GTK_GRID (grid), copy, 0, texts++, 1, 1);
      else if (GTK_IS_LABEL (child))
        gtk_grid_attach (GTK_GRID (grid), copy, 1, 0, 1, 2);
      else
        gtk_grid_attach (GTK_GRID (grid), copy, 2, 0, 1, 2);
    }
  g_assert_cmpuint (texts, ==, 2);
  return grid;
}

static int
min_width (GtkWidget *widget)
{
  int min;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  return min;
}

static void
allocate (GtkWidget *widget, int width, int *height)
{
  int min_height;

  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, width, &min_height, NULL, NULL, NULL);
  gtk_widget_allocate (widget, width, min_height, -1, NULL);
  *height = min_height;
}

/* Compares where each child of the row and of the reference is, at @width. */
static void
compare_at (GtkWidget *row, GtkWidget *grid, int width, const char *what)
{
  GtkWidget *a = gtk_widget_get_first_child (row);
  GtkWidget *b = gtk_widget_get_first_child (grid);
  int row_height, grid_height;

  /* Never under what either asks (the row asks a little more than the grid did). */
  width = MAX (width, MAX (min_width (row), min_width (grid)));
  allocate (row, width, &row_height);
  allocate (grid, width, &grid_height);
  if (row_height != grid_height)
    g_error ("%s at %d px: the row is %d px high, the grid %d", what, width, row_height,
             grid_height);

  for (guint i = 0; a != NULL; i++, a = gtk_widget_get_next_sibling (a))
    {
      graphene_rect_t ra, rb;
      GtkWidget *twin = b;

      /* The grid's children are the copies of the row's, in the same order. */
      for (guint j = 0; j < i; j++)
        twin = gtk_widget_get_next_sibling (twin);
      g_assert_nonnull (twin);

      g_assert_cmpint (gtk_widget_get_visible (a), ==, gtk_widget_get_visible (twin));
      if (!gtk_widget_get_visible (a))
        continue;
      g_assert_true (gtk_widget_compute_bounds (a, row, &ra));
      g_assert_true (gtk_widget_compute_bounds (twin, grid, &rb));
      if (!graphene_rect_equal (&ra, &rb))
        g_error ("%s at %d px, child %u (%s): the row puts it at %g,%g %g×%g, the grid at "
                 "%g,%g %g×%g",
                 what, width, i, G_OBJECT_TYPE_NAME (a), ra.origin.x, ra.origin.y, ra.size.width,
                 ra.size.height, rb.origin.x, rb.origin.y, rb.size.width, rb.size.height);
    }
}

static GBytes *
pixels_of (GtkWidget *widget, int *width, int *height)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  guchar *data;
  gsize stride;

  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget),
                          gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  /* The widget's own box, not the bounds of what it drew (which move with the text). */
  texture = gsk_renderer_render_texture (
      gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
      &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget), gtk_widget_get_height (widget)));
  *width = gdk_texture_get_width (texture);
  *height = gdk_texture_get_height (texture);
  stride = (gsize) *width * 4;
  data = g_malloc (stride * (gsize) *height);
  gdk_texture_download (texture, data, stride);
  return g_bytes_new_take (data, stride * (gsize) *height);
}

typedef struct
{
  GtkWidget *row, *grid;
  int width;
  guint frames; /* frames drawn since both had their width */
} Drawn;

static gboolean
count_frame_cb (GtkWidget *widget, GdkFrameClock *clock, gpointer user_data)
{
  Drawn *d = user_data;

  if (gtk_widget_get_width (widget) == d->width &&
      gtk_widget_get_width (d->row) == gtk_widget_get_width (d->grid))
    d->frames++;
  return G_SOURCE_CONTINUE;
}

static gboolean
both_drawn (gpointer data)
{
  Drawn *d = data;

  return d->frames >= 2 && rempart_ui_test_widget_is_drawn (d->row) &&
         rempart_ui_test_widget_is_drawn (d->grid);
}

/* Draws the row and the reference in their window at @width and compares their pixels. */
static void
compare_drawn (GtkScrolledWindow *scrolled,
               GtkWidget *box,
               GtkWidget *row,
               GtkWidget *grid,
               int width,
               const char *what)
{
  Drawn d = { row, grid, width, 0 };
  g_autoptr (GBytes) a = NULL;
  g_autoptr (GBytes) b = NULL;
  guint id;
  int wa, ha, wb, hb;

  /* The scrolled window around the box is exactly @width wide: the box is given @width. */
  gtk_scrolled_window_set_min_content_width (scrolled, -1);
  gtk_scrolled_window_set_max_content_width (scrolled, width);
  gtk_scrolled_window_set_min_content_width (scrolled, width);
  id = gtk_widget_add_tick_callback (box, count_frame_cb, &d, NULL);
  if (!rempart_ui_test_iterate_until (both_drawn, &d))
    g_error ("%s at %d px: not drawn (box %d, row %d, grid %d px wide, %u frames)", what, width,
             gtk_widget_get_width (box), gtk_widget_get_width (row), gtk_widget_get_width (grid),
             d.frames);
  gtk_widget_remove_tick_callback (box, id);

  a = pixels_of (row, &wa, &ha);
  b = pixels_of (grid, &wb, &hb);
  g_assert_cmpint (wa, ==, wb);
  g_assert_cmpint (ha, ==, hb);
  if (!g_bytes_equal (a, b))
    {
      const guchar *pa = g_bytes_get_data (a, NULL), *pb = g_bytes_get_data (b, NULL);
      guint differ = 0;

      for (gsize i = 0; i < g_bytes_get_size (a); i += 4)
        differ += memcmp (pa + i, pb + i, 4) != 0;
      /* Both pictures, to look at (G_TEST_BUILDDIR). */
      rempart_ui_test_snapshot_png (row, "action-row-differs-row.png", 0);
      rempart_ui_test_snapshot_png (grid, "action-row-differs-grid.png", 0);
      g_error ("%s drawn at %d px: %u of %d pixels differ from the grid's", what, width, differ,
               wa * ha);
    }
}

/* ------------------------------------------------------------------------------------------ */
/* Tests                                                                                      */
/* ------------------------------------------------------------------------------------------ */

/* Bigger text, as with the large-text setting: rows already shaped follow it. */
#define LARGE_TEXT_CSS "label { font-size: 18pt; }"

static void
check_direction (GtkTextDirection direction, gboolean large_text)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_widget_set_default_direction (direction);
  /* "external": no scrollbar, and the width is the content width set in compare_drawn() */
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_EXTERNAL,
                                  GTK_POLICY_NEVER);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_widget_set_halign (scrolled, GTK_ALIGN_START);
  gtk_widget_set_valign (scrolled, GTK_ALIGN_START);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), box);
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 600);
  gtk_window_present (GTK_WINDOW (window));
  rempart_ui_test_iterate_until (rempart_ui_test_widget_is_mapped, box);

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr (RempartActionItem) item = make_item (&cases[c]);
      GtkWidget *row = rempart_action_row_new ();
      GtkWidget *grid;
      g_autofree char *what =
          g_strdup_printf ("case %u (%s)", c, direction == GTK_TEXT_DIR_RTL ? "RTL" : "LTR");

      gtk_box_append (GTK_BOX (box), row);
      rempart_action_row_set_item (REMPART_ACTION_ROW (row), item);
      assert_like_the_old_template (row);
      grid = make_reference (row);
      gtk_box_append (GTK_BOX (box), grid);
      /* Styles are applied (fonts and icon sizes) before anything is measured. */
      rempart_ui_test_iterate_until (rempart_ui_test_widget_is_mapped, grid);

      for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
        compare_at (row, grid, widths[w], what);
      for (guint w = 0; w < G_N_ELEMENTS (drawn_widths); w++)
        compare_drawn (GTK_SCROLLED_WINDOW (scrolled), box, row, grid, drawn_widths[w], what);

      /* What the row asks at least: never less than the grid did (no label is given less
       * than its minimum), and not much more (the list's minimum width stays small). */
      g_assert_cmpint (min_width (row), >=, min_width (grid));
      g_assert_cmpint (min_width (row), <=, min_width (grid) + 48);

      if (large_text)
        {
          g_autoptr (GtkCssProvider) provider = gtk_css_provider_new ();
          int before = gtk_widget_get_height (row);

          gtk_css_provider_load_from_data (provider, LARGE_TEXT_CSS, -1);
          gtk_style_context_add_provider_for_display (gtk_widget_get_display (row),
                                                      GTK_STYLE_PROVIDER (provider),
                                                      GTK_STYLE_PROVIDER_PRIORITY_USER);
          for (guint w = 0; w < G_N_ELEMENTS (drawn_widths); w++)
            compare_drawn (GTK_SCROLLED_WINDOW (scrolled), box, row, grid, drawn_widths[w], what);
          compare_at (row, grid, 360, what);
          g_assert_cmpint (gtk_widget_get_height (row), >, before);
          gtk_style_context_remove_provider_for_display (gtk_widget_get_display (row),
                                                         GTK_STYLE_PROVIDER (provider));
          /* And back (which also lets the styles settle before the next case). */
          compare_drawn (GTK_SCROLLED_WINDOW (scrolled), box, row, grid, 336, what);
        }

      gtk_box_remove (GTK_BOX (box), row);
      gtk_box_remove (GTK_BOX (box), grid);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  rempart_ui_test_dispatch_pending ();
  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
}

static void
test_like_the_grid (void)
{
  check_direction (GTK_TEXT_DIR_LTR, FALSE);
}

static void
test_like_the_grid_rtl (void)
{
  check_direction (GTK_TEXT_DIR_RTL, FALSE);
}

/* The texts of rows already drawn follow a change of font size. */
static void
test_like_the_grid_large_text (void)
{
  check_direction (GTK_TEXT_DIR_LTR, TRUE);
}

/* A row shown in a real list, then given another action: the new title's lines count. */
static void
test_follows_its_action (void)
{
  const RowCase short_case = cases[0];
  const RowCase long_case = cases[2];
  g_autoptr (RempartActionItem) short_item = make_item (&short_case);
  g_autoptr (RempartActionItem) long_item = make_item (&long_case);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *row = rempart_action_row_new ();
  int short_height, long_height, again;

  gtk_widget_set_valign (row, GTK_ALIGN_START);
  gtk_window_set_child (GTK_WINDOW (window), row);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 200);
  rempart_action_row_set_item (REMPART_ACTION_ROW (row), short_item);
  gtk_window_present (GTK_WINDOW (window));
  rempart_ui_test_iterate_until (rempart_ui_test_widget_is_drawn, row);
  short_height = gtk_widget_get_height (row);

  /* The title on two lines: twice as high as the short title's one, at the same width. */
  {
    GtkWidget *title = gtk_widget_get_first_child (row);
    int one_line, two_lines;

    gtk_widget_measure (title, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (title), &one_line,
                        NULL, NULL, NULL);
    rempart_action_row_set_item (REMPART_ACTION_ROW (row), long_item);
    gtk_widget_measure (title, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (title), &two_lines,
                        NULL, NULL, NULL);
    g_assert_cmpint (one_line, >, 0);
    g_assert_cmpint (two_lines, >=, 2 * one_line - 2);
    g_assert_cmpint (two_lines, <, 3 * one_line);
  }
  gtk_widget_measure (row, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (row), &long_height, NULL,
                      NULL, NULL);
  g_assert_cmpint (long_height, >, short_height + 20);

  rempart_action_row_set_item (REMPART_ACTION_ROW (row), short_item);
  gtk_widget_measure (row, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (row), &again, NULL, NULL,
                      NULL);
  g_assert_cmpint (again, ==, short_height + 20); /* with its margins: 10 above, 10 below */

  /* The urgent tag and the state icon the long action had are made, and hidden again. */
  {
    guint shown = 0, made = 0;

    for (GtkWidget *c = gtk_widget_get_first_child (row); c != NULL;
         c = gtk_widget_get_next_sibling (c))
      {
        made++;
        shown += gtk_widget_get_visible (c);
      }
    g_assert_cmpuint (made, ==, 4);
    g_assert_cmpuint (shown, ==, 1); /* the short case has no details: only its title */
  }

  gtk_window_destroy (GTK_WINDOW (window));
  rempart_ui_test_dispatch_pending ();
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/action-row/like-the-grid", test_like_the_grid);
  g_test_add_func ("/action-row/like-the-grid-rtl", test_like_the_grid_rtl);
  g_test_add_func ("/action-row/like-the-grid-large-text", test_like_the_grid_large_text);
  g_test_add_func ("/action-row/follows-its-action", test_follows_its_action);

  return g_test_run ();
}
