/* rempart-template-user.c: the volunteer's own templates, between the store and the composer
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rempart-template-user.h"

/*
 * rempart_template_from_user_template:
 *
 * Returns: (transfer full): an editable template (origin USER) with the stored fields.
 * The store does not keep an approach: a volunteer's template is their own.
 */
RempartTemplate *
rempart_template_from_user_template (const RempartUserTemplate *user_template)
{
  g_return_val_if_fail (user_template != NULL, NULL);

  return rempart_template_new (
      REMPART_TEMPLATE_ORIGIN_USER, user_template->id, user_template->title,
      user_template->language, (const char *const *) user_template->topics,
      REMPART_TEMPLATE_APPROACH_NONE, user_template->when_text, user_template->body);
}

/*
 * rempart_template_to_user_template:
 * @tmpl: a template of origin USER, e.g. from rempart_template_duplicate()
 *
 * Returns: (transfer full): what rempart_store_save_user_template_async() stores; the store
 * sets the times.
 */
RempartUserTemplate *
rempart_template_to_user_template (RempartTemplate *tmpl)
{
  RempartUserTemplate *user_template;

  g_return_val_if_fail (REMPART_IS_TEMPLATE (tmpl), NULL);
  /* Built-in and feed templates are read-only: they are duplicated, never saved as such. */
  g_return_val_if_fail (!rempart_template_get_read_only (tmpl), NULL);

  user_template = g_new0 (RempartUserTemplate, 1);
  user_template->id = g_strdup (rempart_template_get_id (tmpl));
  user_template->title = g_strdup (rempart_template_get_title (tmpl));
  user_template->language = g_strdup (rempart_template_get_language (tmpl));
  user_template->topics = g_strdupv ((char **) rempart_template_get_topics (tmpl));
  user_template->body = g_strdup (rempart_template_get_body (tmpl));
  user_template->when_text = g_strdup (rempart_template_get_when (tmpl));

  return user_template;
}

/* Returns: (element-type RempartTemplate) (transfer full) */
GPtrArray *
rempart_templates_from_user_templates (GPtrArray *user_templates)
{
  GPtrArray *templates = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; user_templates != NULL && i < user_templates->len; i++)
    g_ptr_array_add (templates,
                     rempart_template_from_user_template (g_ptr_array_index (user_templates, i)));

  return templates;
}
