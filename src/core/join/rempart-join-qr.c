/* rempart-join-qr.c: QR codes of join links, as SVG or PNG
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <png.h>
#include <qrencode.h>
#include <setjmp.h>
#include <string.h>

#include "rempart-join-link.h"
#include "rempart-join-qr.h"

/*
 * libqrencode makes the matrix (error correction level M: a printed code survives a fold or
 * a smudge and a phone still reads a 4096-byte link); this file only draws it. SVG is text,
 * written here from the matrix; PNG goes through libpng, the reference implementation, which
 * every GNOME runtime already ships.
 */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QRcode, QRcode_free)

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static QRcode *
encode (const char *text, GError **error)
{
  QRcode *code;

  code = QRcode_encodeString (text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  if (code == NULL)
    {
      int saved_errno = errno;

      if (saved_errno == ERANGE)
        g_set_error (error, REMPART_JOIN_ERROR, REMPART_JOIN_ERROR_QR,
                     _ ("The link is too long for a QR code; choose a shorter feed address or "
                        "group name."));
      else
        g_set_error (error, REMPART_JOIN_ERROR, REMPART_JOIN_ERROR_QR,
                     _ ("Could not make the QR code (%s)."), g_strerror (saved_errno));
      return NULL;
    }

  return code;
}

static gboolean
is_dark (const QRcode *code, int x, int y)
{
  return (code->data[y * code->width + x] & 1) != 0;
}

static void
write_png_cb (png_structp png, png_bytep data, png_size_t length)
{
  g_byte_array_append (png_get_io_ptr (png), data, length);
}

static void
flush_png_cb (png_structp png)
{
}

typedef struct
{
  const QRcode *code;
  guint pixels_per_module;
  guint size;
  GByteArray *out;
  png_byte *row;
} PngJob;

/* Apart from the caller, so that nothing libpng's longjmp crosses is a local that changes. */
static gboolean
write_png (const PngJob *job, GError **error)
{
  png_structp png;
  png_infop info;

  png = png_create_write_struct (PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
  info = png != NULL ? png_create_info_struct (png) : NULL;
  if (info == NULL)
    {
      png_destroy_write_struct (&png, NULL);
      g_set_error (error, REMPART_JOIN_ERROR, REMPART_JOIN_ERROR_QR,
                   _ ("Could not make the QR code picture: out of memory."));
      return FALSE;
    }

  if (setjmp (png_jmpbuf (png)))
    {
      png_destroy_write_struct (&png, &info);
      g_set_error (error, REMPART_JOIN_ERROR, REMPART_JOIN_ERROR_QR,
                   _ ("Could not make the QR code picture (PNG)."));
      return FALSE;
    }

  png_set_write_fn (png, job->out, write_png_cb, flush_png_cb);
  png_set_IHDR (png, info, job->size, job->size, 8, PNG_COLOR_TYPE_GRAY, PNG_INTERLACE_NONE,
                PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_write_info (png, info);

  for (guint y = 0; y < job->size; y++)
    {
      int my = (int) (y / job->pixels_per_module) - REMPART_JOIN_QR_QUIET_ZONE;

      for (guint x = 0; x < job->size; x++)
        {
          int mx = (int) (x / job->pixels_per_module) - REMPART_JOIN_QR_QUIET_ZONE;
          gboolean dark = mx >= 0 && my >= 0 && mx < job->code->width && my < job->code->width &&
                          is_dark (job->code, mx, my);

          job->row[x] = dark ? 0x00 : 0xFF;
        }
      png_write_row (png, job->row);
    }

  png_write_end (png, NULL);
  png_destroy_write_struct (&png, &info);

  return TRUE;
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

/*
 * rempart_join_qr_svg:
 * @text: what the code says, usually a join link
 * @title: (nullable): the picture's accessible title
 *
 * Returns: (transfer full) (nullable): an SVG document (no XML declaration, so that it can be
 *   put as is inside an HTML page), one unit per module, black on white
 */
char *
rempart_join_qr_svg (const char *text, const char *title, GError **error)
{
  g_autoptr (QRcode) code = NULL;
  GString *svg;
  int size;

  g_return_val_if_fail (text != NULL, NULL);

  code = encode (text, error);
  if (code == NULL)
    return NULL;

  size = code->width + 2 * REMPART_JOIN_QR_QUIET_ZONE;
  svg = g_string_new (NULL);
  g_string_append_printf (svg,
                          "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" "
                          "width=\"%d\" height=\"%d\" shape-rendering=\"crispEdges\" "
                          "role=\"img\">",
                          size, size, size * 6, size * 6);
  if (title != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (title, -1);

      g_string_append_printf (svg, "<title>%s</title>", escaped);
    }
  g_string_append (svg, "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path d=\"");

  /* One rectangle per horizontal run of dark modules. */
  for (int y = 0; y < code->width; y++)
    for (int x = 0; x < code->width;)
      {
        int run = 0;

        while (x + run < code->width && is_dark (code, x + run, y))
          run++;
        if (run == 0)
          {
            x++;
            continue;
          }
        g_string_append_printf (svg, "M%d %dh%dv1h-%dz", x + REMPART_JOIN_QR_QUIET_ZONE,
                                y + REMPART_JOIN_QR_QUIET_ZONE, run, run);
        x += run;
      }

  g_string_append (svg, "\" fill=\"#000\"/></svg>\n");

  return g_string_free (svg, FALSE);
}

/*
 * rempart_join_qr_png:
 * @text: what the code says, usually a join link
 * @pixels_per_module: the size of one module, 1 to 64 pixels
 *
 * Returns: (transfer full) (nullable): a greyscale PNG file, black on white
 */
GBytes *
rempart_join_qr_png (const char *text, guint pixels_per_module, GError **error)
{
  g_autoptr (QRcode) code = NULL;
  g_autoptr (GByteArray) out = NULL;
  g_autofree png_byte *row = NULL;
  PngJob job;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (pixels_per_module >= 1 && pixels_per_module <= 64, NULL);

  code = encode (text, error);
  if (code == NULL)
    return NULL;

  job.code = code;
  job.pixels_per_module = pixels_per_module;
  job.size = ((guint) code->width + 2 * REMPART_JOIN_QR_QUIET_ZONE) * pixels_per_module;
  job.out = out = g_byte_array_new ();
  job.row = row = g_malloc (job.size);

  if (!write_png (&job, error))
    return NULL;

  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}
