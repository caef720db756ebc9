/* rempart-helplines.h: help lines per country, read from data/wellbeing/<country>.json
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define REMPART_WELLBEING_ERROR (rempart_wellbeing_error_quark ())

typedef enum
{
  REMPART_WELLBEING_ERROR_INVALID_HELPLINES, /* a help-line file that cannot be used */
  REMPART_WELLBEING_ERROR_AUTOSTART,         /* the autostart file could not be written */
  REMPART_WELLBEING_ERROR_BACKGROUND,        /* the Background portal refused or failed */
} RempartWellbeingError;

GQuark rempart_wellbeing_error_quark (void);

/* The country code of the international entry (findahelpline.com and the like). */
#define REMPART_HELPLINES_INTERNATIONAL "international"

/*
 * One help line. @kind is a keyword the UI translates ("emergency", "suicide-prevention",
 * "listening", "health-advice", "directory"); @description is the file's own words, shown
 * when the kind is one the UI does not know. @hours is "24/7" or the file's own words.
 */
typedef struct
{
  char *name;
  char *kind;
  char *description; /* (nullable) */
  char *phone;       /* (nullable) as it is dialled in the country, with spaces */
  char *url;         /* (nullable) https only */
  char *hours;       /* (nullable) */
} RempartHelpline;

void rempart_helpline_free (RempartHelpline *line);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RempartHelpline, rempart_helpline_free)

/* One country's lines; @code is an ISO 3166 alpha-2 code in capitals, or "international". */
typedef struct
{
  char *code;
  char *name;       /* (nullable) the file's own name of the country, when the UI has none */
  GStrv languages;  /* languages spoken there, for a locale without a territory ("de") */
  GPtrArray *lines; /* (element-type RempartHelpline) */
} RempartHelplineCountry;

void rempart_helpline_country_free (RempartHelplineCountry *country);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RempartHelplineCountry, rempart_helpline_country_free)

/* Reads one file strictly: a wrong type, a missing name, kind or way to call (phone or
 * https address), a phone number with letters or a malformed country code refuses the file
 * with a %REMPART_WELLBEING_ERROR naming it and the JSON path. Unknown members are ignored. */
RempartHelplineCountry *
rempart_helplines_parse (GBytes *bytes, const char *display_name, GError **error);

/* Reads every *.json of @dirs, in that order, each folder's files by name. Files of the same
 * country add their lines to the first one's (a line whose phone or address is already
 * there is left out). A file that cannot be read is skipped, with a line in @out_warnings.
 * Returns: (transfer full) (element-type RempartHelplineCountry) */
GPtrArray *rempart_helplines_load_dirs (const char *const *dirs, GPtrArray **out_warnings);

/* rempart_helplines_load_dirs() on rempart_helplines_get_dirs(), in a worker thread; the
 * warnings go to the log. Never fails: no file gives an empty array.
 * Returns: (transfer full) (element-type RempartHelplineCountry) */
void rempart_helplines_load_async (GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data);
GPtrArray *rempart_helplines_load_finish (GAsyncResult *result, GError **error);

/* Returns: (transfer full): where the files are: the built-in data/wellbeing
 * ($REMPART_DATA_DIR/wellbeing, else PKGDATADIR/wellbeing) first, then the user's
 * $XDG_DATA_HOME/rempart/wellbeing, where a group's own file goes */
GStrv rempart_helplines_get_dirs (void);

/* Returns: (transfer full) (nullable): the territory of @locale ("fr_BE.UTF-8" → "BE"), or
 * %NULL when it has none ("de", "C") */
char *rempart_helplines_country_for_locale (const char *locale);

/* Orders @countries for someone whose locale is @locale: the locale's country first (or,
 * for a locale without a territory, the first country where its language is spoken), then
 * the others by code, and the international entry last; for a locale whose country has no
 * file, the international entry comes first, since other countries' numbers do not work
 * from there. */
void rempart_helplines_sort (GPtrArray *countries, const char *locale);

G_END_DECLS
