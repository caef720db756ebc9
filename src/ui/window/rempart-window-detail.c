/* rempart-window-detail.c: the main window's detail pane (the action page and the composer)
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rempart-window-detail.h"

struct _RempartWindowDetail
{
  GtkWidget parent_instance;

  /* Built the first time they are shown, not with the window: about 15 ms of CPU and 1 MiB
   * before the list is shown (docs/performance.md). */
  RempartActionPage *action_page; /* (nullable) */
  RempartComposer *composer;      /* (nullable) */

  /* Template widgets */
  GtkStack *detail_stack;
  AdwStatusPage *none_page;
};

G_DEFINE_FINAL_TYPE (RempartWindowDetail, rempart_window_detail, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_SHOWN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  WRITE_REPLY,
  DISMISSED,
  PUT_BACK,
  QUEUED,
  POSTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
forward_cb (GtkWidget *child, gpointer user_data)
{
  RempartWindowDetail *self =
      REMPART_WINDOW_DETAIL (gtk_widget_get_ancestor (child, REMPART_TYPE_WINDOW_DETAIL));

  g_signal_emit (self, signals[GPOINTER_TO_UINT (user_data)], 0);
}

static RempartActionPage *
ensure_action_page (RempartWindowDetail *self)
{
  if (self->action_page != NULL)
    return self->action_page;

  self->action_page = REMPART_ACTION_PAGE (rempart_action_page_new ());
  gtk_stack_add_named (self->detail_stack, GTK_WIDGET (self->action_page), "page");
  g_signal_connect (self->action_page, "write-reply", G_CALLBACK (forward_cb),
                    GUINT_TO_POINTER (WRITE_REPLY));
  g_signal_connect (self->action_page, "dismissed", G_CALLBACK (forward_cb),
                    GUINT_TO_POINTER (DISMISSED));
  g_signal_connect (self->action_page, "put-back", G_CALLBACK (forward_cb),
                    GUINT_TO_POINTER (PUT_BACK));
  return self->action_page;
}

static RempartComposer *
ensure_composer (RempartWindowDetail *self)
{
  if (self->composer != NULL)
    return self->composer;

  self->composer = REMPART_COMPOSER (rempart_composer_new ());
  gtk_stack_add_named (self->detail_stack, GTK_WIDGET (self->composer), "composer");
  g_signal_connect (self->composer, "queued", G_CALLBACK (forward_cb), GUINT_TO_POINTER (QUEUED));
  g_signal_connect (self->composer, "posted", G_CALLBACK (forward_cb), GUINT_TO_POINTER (POSTED));
  return self->composer;
}

static void
shown_changed_cb (GObject *object, GParamSpec *pspec, gpointer user_data)
{
  g_object_notify_by_pspec (G_OBJECT (user_data), properties[PROP_SHOWN]);
}

static void
rempart_window_detail_get_property (GObject *object,
                                    guint prop_id,
                                    GValue *value,
                                    GParamSpec *pspec)
{
  RempartWindowDetail *self = REMPART_WINDOW_DETAIL (object);

  switch (prop_id)
    {
      case PROP_SHOWN:
        g_value_set_string (value, rempart_window_detail_get_shown (self));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rempart_window_detail_dispose (GObject *object)
{
  RempartWindowDetail *self = REMPART_WINDOW_DETAIL (object);

  /* The stack holds them; it goes with the template. */
  self->action_page = NULL;
  self->composer = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (object), REMPART_TYPE_WINDOW_DETAIL);

  G_OBJECT_CLASS (rempart_window_detail_parent_class)->dispose (object);
}

static void
rempart_window_detail_class_init (RempartWindowDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const char *const names[N_SIGNALS] = { "write-reply", "dismissed", "put-back", "queued",
                                                "posted" };

  object_class->get_property = rempart_window_detail_get_property;
  object_class->dispose = rempart_window_detail_dispose;

  /*
   * RempartWindowDetail:shown:
   *
   * What the pane shows: "none", "page" or "composer".
   */
  properties[PROP_SHOWN] =
      g_param_spec_string ("shown", NULL, NULL, "none", G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The action page's ::write-reply, ::dismissed and ::put-back, and the composer's ::queued
   * and ::posted, passed on to the window. */
  for (guint i = 0; i < N_SIGNALS; i++)
    signals[i] = g_signal_new (names[i], G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                               NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (REMPART_TYPE_ACTION_PAGE);
  g_type_ensure (REMPART_TYPE_COMPOSER);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/rempart-window-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, RempartWindowDetail, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, RempartWindowDetail, none_page);
}

static void
rempart_window_detail_init (RempartWindowDetail *self)
{
  g_autoptr (GdkPaintable) no_icon = gdk_paintable_new_empty (128, 128);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The page's icon, the app's symbolic icon at 128 px, is drawn by style.css behind an empty
   * paintable of that size, from a symbolic PNG made at build time and recoloured by GTK:
   * GTK 4.8 draws an icon-name found as SVG through librsvg (8 MiB and 20 ms of CPU before the
   * first frame, docs/performance.md), and does not look up a .symbolic.png in a GResource
   * theme folder. */
  adw_status_page_set_paintable (self->none_page, no_icon);

  g_signal_connect (self->detail_stack, "notify::visible-child-name", G_CALLBACK (shown_changed_cb),
                    self);
}

const char *
rempart_window_detail_get_shown (RempartWindowDetail *self)
{
  g_return_val_if_fail (REMPART_IS_WINDOW_DETAIL (self), NULL);

  return gtk_stack_get_visible_child_name (self->detail_stack);
}

void
rempart_window_detail_set_shown (RempartWindowDetail *self, const char *name)
{
  g_return_if_fail (REMPART_IS_WINDOW_DETAIL (self));

  if (g_strcmp0 (name, "page") == 0)
    ensure_action_page (self);
  else if (g_strcmp0 (name, "composer") == 0)
    ensure_composer (self);
  gtk_stack_set_visible_child_name (self->detail_stack, name);
}

/* Opens the action page of @item. */
void
rempart_window_detail_show_item (RempartWindowDetail *self,
                                 RempartStore *store,
                                 RempartActionItem *item,
                                 const RempartFeedInfo *info)
{
  g_return_if_fail (REMPART_IS_WINDOW_DETAIL (self));

  rempart_action_page_set_item (ensure_action_page (self), store, item, info);
  gtk_stack_set_visible_child_name (self->detail_stack, "page");
}

/* Opens the composer on @item, the focus in the reply. */
void
rempart_window_detail_write_reply (RempartWindowDetail *self,
                                   RempartStore *store,
                                   RempartActionItem *item,
                                   const RempartFeedInfo *info)
{
  g_return_if_fail (REMPART_IS_WINDOW_DETAIL (self));

  ensure_composer (self);
  /* Back then Write again: the composer still holds this reply, with its undo history. */
  if (rempart_composer_get_item (self->composer) != item)
    rempart_composer_set_item (self->composer, store, item, info);
  gtk_stack_set_visible_child_name (self->detail_stack, "composer");
  /* Typing right away goes into the reply, not into the list's type-to-search. */
  rempart_composer_focus_reply (self->composer);
}

/* Closes the action shown; the composer saves its draft first. */
void
rempart_window_detail_clear (RempartWindowDetail *self)
{
  g_return_if_fail (REMPART_IS_WINDOW_DETAIL (self));

  /* Setting no item flushes the draft to the store. */
  if (self->composer != NULL)
    rempart_composer_set_item (self->composer, NULL, NULL, NULL);
  if (self->action_page != NULL)
    rempart_action_page_set_item (self->action_page, NULL, NULL, NULL);
  gtk_stack_set_visible_child_name (self->detail_stack, "none");
}

/* Runs one of the action page's page.* actions, when an action is shown. */
void
rempart_window_detail_activate_page_action (RempartWindowDetail *self, const char *action_name)
{
  const char *shown;

  g_return_if_fail (REMPART_IS_WINDOW_DETAIL (self));

  shown = gtk_stack_get_visible_child_name (self->detail_stack);
  if (self->action_page == NULL ||
      (g_strcmp0 (shown, "page") != 0 && g_strcmp0 (shown, "composer") != 0))
    return;

  gtk_widget_activate_action (GTK_WIDGET (self->action_page), action_name, NULL);
}

/* Returns: (transfer none) (nullable): the action page, NULL until an action was opened */
RempartActionPage *
rempart_window_detail_get_action_page (RempartWindowDetail *self)
{
  g_return_val_if_fail (REMPART_IS_WINDOW_DETAIL (self), NULL);

  return self->action_page;
}

/* Returns: (transfer none) (nullable): the composer, NULL until a reply was written */
RempartComposer *
rempart_window_detail_get_composer (RempartWindowDetail *self)
{
  g_return_val_if_fail (REMPART_IS_WINDOW_DETAIL (self), NULL);

  return self->composer;
}
