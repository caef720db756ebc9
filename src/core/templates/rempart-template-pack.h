/* rempart-template-pack.h
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rempart-template.h"

G_BEGIN_DECLS

/* A pack is a few dozen short templates; anything this large is not one. */
#define REMPART_TEMPLATE_PACK_MAX_SIZE (1024 * 1024)
/* Characters in a body: a reply, not an essay. */
#define REMPART_TEMPLATE_MAX_BODY 5000

#define REMPART_TEMPLATE_ERROR (rempart_template_error_quark ())

typedef enum
{
  REMPART_TEMPLATE_ERROR_NOT_FOUND,    /* no pack for this language */
  REMPART_TEMPLATE_ERROR_INVALID_JSON, /* not UTF-8 JSON, too large or too deep */
  REMPART_TEMPLATE_ERROR_INVALID,      /* JSON, but not a valid pack */
} RempartTemplateError;

GQuark rempart_template_error_quark (void);

char *rempart_template_pack_get_dir (void);
GPtrArray *
rempart_template_pack_load (const char *language, GPtrArray **out_warnings, GError **error);
GPtrArray *rempart_template_pack_parse (GBytes *bytes,
                                        const char *display_name,
                                        const char *language,
                                        GPtrArray **out_warnings,
                                        GError **error);

G_END_DECLS
