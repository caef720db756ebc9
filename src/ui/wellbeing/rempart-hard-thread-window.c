/* rempart-hard-thread-window.c: After a Hard Thread: self-care advice and help lines
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Rempart"

#include "config.h"

#include <glib/gi18n.h>

#include "rempart-hard-thread-window.h"
#include "rempart-helplines.h"
#include "rempart-page-util.h"

/*
 * The advice is in the .ui file and the words around the help lines are here, so that both
 * are translated like every other string (data/wellbeing/README.md says why the files hold
 * no translatable text). The user's country comes first, open; the others are one click
 * away, each in an expander row.
 */

struct _RempartHardThreadWindow
{
  AdwWindow parent_instance;

  GCancellable *cancellable;
  GPtrArray *countries; /* (element-type RempartHelplineCountry) once loaded */

  /* Template widgets */
  AdwPreferencesGroup *first_group;
  AdwPreferencesGroup *others_group;
};

G_DEFINE_FINAL_TYPE (RempartHardThreadWindow, rempart_hard_thread_window, ADW_TYPE_WINDOW)

/* -------------------------------------------------------------------------------------- */
/* Statics                                                                                */
/* -------------------------------------------------------------------------------------- */

static const struct
{
  const char *kind;
  const char *description;
} kinds[] = {
  /* Translators: kind of support line: emergency services */
  { "emergency", N_ ("Emergencies") },
  /* Translators: kind of support line */
  { "suicide-prevention", N_ ("Suicide prevention") },
  { "listening", N_ ("Someone to talk to, anonymously") },
  /* Translators: kind of support line */
  { "health-advice", N_ ("Medical advice") },
  { "directory", N_ ("Help lines in other countries") },
};

static const struct
{
  const char *code;
  const char *name;
} countries[] = {
  /* Translators: country of a support line */
  { "FR", N_ ("France") },
  /* Translators: country of a support line */
  { "DE", N_ ("Germany") },
  /* Translators: country of a support line */
  { "SE", N_ ("Sweden") },
  /* Translators: support lines that work from any country */
  { REMPART_HELPLINES_INTERNATIONAL, N_ ("International") },
};

/* -------------------------------------------------------------------------------------- */
/* Helpers                                                                                */
/* -------------------------------------------------------------------------------------- */

static const char *
country_name (const RempartHelplineCountry *country)
{
  for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
    if (g_str_equal (countries[i].code, country->code))
      return _ (countries[i].name);

  return country->name != NULL ? country->name : country->code;
}

static char *
describe (const RempartHelpline *line)
{
  const char *what = line->description;
  const char *hours = line->hours;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (kinds[i].kind, line->kind))
      what = _ (kinds[i].description);

  if (g_strcmp0 (hours, "24/7") == 0)
    hours = _ ("Day and night, every day");

  if (what != NULL && hours != NULL)
    /* Translators: what a help line is for, then when it answers */
    return g_strdup_printf (_ ("%s · %s"), what, hours);

  return g_strdup (what != NULL ? what : hours);
}

static void
launch_cb (GtkButton *button, gpointer user_data)
{
  rempart_page_launch_uri (GTK_WIDGET (button), g_object_get_data (G_OBJECT (button), "uri"));
}

static GtkWidget *
line_row (const RempartHelpline *line)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
  g_autofree char *subtitle = describe (line);

  /* Names and numbers come from a file: plain text, never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), line->name);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (row, subtitle);
  adw_action_row_set_subtitle_lines (row, 0);

  if (line->phone != NULL)
    {
      GtkWidget *phone = gtk_label_new (line->phone);

      gtk_label_set_selectable (GTK_LABEL (phone), TRUE);
      gtk_widget_add_css_class (phone, "title-4");
      gtk_widget_set_valign (phone, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (row, phone);
    }

  if (line->url != NULL)
    {
      GtkWidget *button = gtk_button_new_from_icon_name ("web-browser-symbolic");
      g_autofree char *label = NULL;

      /* Translators: %s is the name of a help line */
      label = g_strdup_printf (_ ("Open the Website of %s"), line->name);
      gtk_widget_set_tooltip_text (button, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      g_object_set_data_full (G_OBJECT (button), "uri", g_strdup (line->url), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (launch_cb), NULL);
      adw_action_row_add_suffix (row, button);
    }

  return GTK_WIDGET (row);
}

static void
fill (RempartHardThreadWindow *self)
{
  if (self->countries->len == 0)
    {
      adw_preferences_group_set_description (
          self->first_group, _ ("No help lines could be read. In an emergency, call 112 in "
                                "Europe, or your local emergency number."));
      return;
    }

  {
    RempartHelplineCountry *first = g_ptr_array_index (self->countries, 0);
    g_autofree char *title = NULL;

    /* Translators: %s is a country, or "International" */
    title = g_strdup_printf (_ ("Help Lines: %s"), country_name (first));
    adw_preferences_group_set_title (self->first_group, title);
    for (guint i = 0; i < first->lines->len; i++)
      adw_preferences_group_add (self->first_group, line_row (first->lines->pdata[i]));
  }

  for (guint c = 1; c < self->countries->len; c++)
    {
      RempartHelplineCountry *country = g_ptr_array_index (self->countries, c);
      AdwExpanderRow *expander = ADW_EXPANDER_ROW (adw_expander_row_new ());

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), country_name (country));
      for (guint i = 0; i < country->lines->len; i++)
        adw_expander_row_add_row (expander, line_row (country->lines->pdata[i]));
      adw_preferences_group_add (self->others_group, GTK_WIDGET (expander));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->others_group), self->countries->len > 1);
}

/* -------------------------------------------------------------------------------------- */
/* Callbacks                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (RempartHardThreadWindow) self = user_data;
  g_autoptr (GPtrArray) loaded = rempart_helplines_load_finish (result, NULL);

  if (loaded == NULL || g_cancellable_is_cancelled (self->cancellable))
    return;

  /* The language the interface speaks says where the volunteer is likely to be. */
  rempart_helplines_sort (loaded, g_get_language_names ()[0]);
  self->countries = g_steal_pointer (&loaded);
  fill (self);
}

/* -------------------------------------------------------------------------------------- */
/* Overrides                                                                              */
/* -------------------------------------------------------------------------------------- */

static void
rempart_hard_thread_window_dispose (GObject *object)
{
  RempartHardThreadWindow *self = REMPART_HARD_THREAD_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), REMPART_TYPE_HARD_THREAD_WINDOW);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->countries, g_ptr_array_unref);

  G_OBJECT_CLASS (rempart_hard_thread_window_parent_class)->dispose (object);
}

static void
rempart_hard_thread_window_class_init (RempartHardThreadWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rempart_hard_thread_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/rempart-hard-thread-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RempartHardThreadWindow, first_group);
  gtk_widget_class_bind_template_child (widget_class, RempartHardThreadWindow, others_group);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rempart_hard_thread_window_init (RempartHardThreadWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  rempart_helplines_load_async (self->cancellable, loaded_cb, g_object_ref (self));
}

/* -------------------------------------------------------------------------------------- */
/* Public API                                                                             */
/* -------------------------------------------------------------------------------------- */

RempartHardThreadWindow *
rempart_hard_thread_window_present (GtkWidget *widget)
{
  GtkRoot *root;
  GtkWindow *window = NULL;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root) && gtk_window_get_application (GTK_WINDOW (root)) != NULL)
    for (GList *l = gtk_application_get_windows (gtk_window_get_application (GTK_WINDOW (root)));
         l != NULL && window == NULL; l = l->next)
      if (REMPART_IS_HARD_THREAD_WINDOW (l->data))
        window = l->data;

  if (window == NULL)
    {
      window = g_object_new (REMPART_TYPE_HARD_THREAD_WINDOW, NULL);
      if (GTK_IS_WINDOW (root))
        {
          gtk_window_set_transient_for (window, GTK_WINDOW (root));
          gtk_window_set_application (window, gtk_window_get_application (GTK_WINDOW (root)));
        }
    }

  gtk_window_present (window);
  return REMPART_HARD_THREAD_WINDOW (window);
}

gboolean
rempart_hard_thread_window_is_loaded (RempartHardThreadWindow *self)
{
  g_return_val_if_fail (REMPART_IS_HARD_THREAD_WINDOW (self), FALSE);

  return self->countries != NULL;
}

const char *
rempart_hard_thread_window_get_first_country (RempartHardThreadWindow *self)
{
  g_return_val_if_fail (REMPART_IS_HARD_THREAD_WINDOW (self), NULL);

  if (self->countries == NULL || self->countries->len == 0)
    return NULL;

  return ((RempartHelplineCountry *) self->countries->pdata[0])->code;
}
