/* rempart-test-readonly.c: write-protecting a file or a folder, even as root
 *
 * Copyright 2026 The Rempart developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <unistd.h>

#ifdef __linux__
#include <linux/fs.h>
#include <sys/ioctl.h>
#endif

#include "rempart-test-readonly.h"

static void
set_how (char **how, char *text)
{
  if (how != NULL)
    *how = text;
  else
    g_free (text);
}

static gboolean
set_immutable (const char *path, gboolean immutable, char **how)
{
#if defined(__linux__) && defined(FS_IOC_SETFLAGS)
  int fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC, 0);
  int flags = 0;
  int saved_errno;

  if (fd < 0)
    {
      set_how (how, g_strdup_printf ("cannot open %s: %s", path, g_strerror (errno)));
      return FALSE;
    }

  if (ioctl (fd, FS_IOC_GETFLAGS, &flags) == 0)
    {
      flags = immutable ? (flags | FS_IMMUTABLE_FL) : (flags & ~FS_IMMUTABLE_FL);
      if (ioctl (fd, FS_IOC_SETFLAGS, &flags) == 0)
        {
          close (fd);
          set_how (how, g_strdup ("the immutable attribute (root ignores permissions)"));
          return TRUE;
        }
    }

  saved_errno = errno;
  close (fd);
  set_how (how, g_strdup_printf ("running as root, and the immutable attribute cannot be set "
                                 "on %s (%s)",
                                 path, g_strerror (saved_errno)));
  return FALSE;
#else
  set_how (how, g_strdup ("running as root, and this system has no immutable attribute"));
  return FALSE;
#endif
}

gboolean
rempart_test_set_write_protected (const char *path, gboolean protect, char **how)
{
  gboolean is_dir = g_file_test (path, G_FILE_TEST_IS_DIR);

  if (getuid () == 0)
    return set_immutable (path, protect, how);

  if (g_chmod (path, protect ? (is_dir ? 0555 : 0444) : (is_dir ? 0700 : 0600)) != 0)
    {
      set_how (how, g_strdup_printf ("chmod %s: %s", path, g_strerror (errno)));
      return FALSE;
    }

  set_how (how, g_strdup ("permissions"));
  return TRUE;
}
