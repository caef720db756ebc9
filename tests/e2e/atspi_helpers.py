# Helpers to drive a GTK 4 application over AT-SPI, shared by tests/e2e/test-e2e.py and
# build-aux/screenshots.sh. Every wait is a bounded poll that raises Timeout with a message
# saying what was expected, so a failure says what was on screen (see dump_tree).
#
# Plain pyatspi (Debian's python3-pyatspi), no dogtail: dogtail's own waits and its
# "search with retries" are slower and harder to bound.

import os
import signal
import subprocess
import tempfile
import time

import pyatspi

# REMPART_TEST_TIME_FACTOR stretches every wait (.ci/run sets it under AddressSanitizer, which
# makes the app several times slower); the waits stay bounded.
TIME_FACTOR = max(1, min(20, int(os.environ.get("REMPART_TEST_TIME_FACTOR", "1") or "1")))
DEFAULT_TIMEOUT = 20.0
STEP = 0.1


class Timeout(Exception):
    pass


# --- environment -----------------------------------------------------------------------------


def have_accessibility_bus():
    """Why AT-SPI cannot be used here, or None when it can."""
    if not os.environ.get("DISPLAY"):
        return "no DISPLAY (run inside xvfb-run)"
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        return "no D-Bus session bus (run inside dbus-run-session)"
    return None


def bus_name_has_owner(bus_name):
    """Whether BUS_NAME is taken on the session bus (another instance of a unique app)."""
    from gi.repository import Gio, GLib

    bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    reply = bus.call_sync("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                          "NameHasOwner", GLib.Variant("(s)", (bus_name,)),
                          GLib.VariantType("(b)"), Gio.DBusCallFlags.NONE, 5000, None)
    return reply.unpack()[0]


_held_display = None


def hold_display(timeout=10.0):
    """Opens a connection to the X server and keeps it for the life of this process.

    Xvfb started without -noreset (xvfb-run's default) resets itself whenever its last client
    disconnects, and a connection attempted during the reset fails: GTK then says "cannot open
    display". The AT-SPI bus launcher connects and disconnects as it starts, so an application
    started right after it hits the reset now and then. A connection held from before the
    application starts until it ends means the server never resets under our feet."""
    global _held_display
    if _held_display:
        return
    import ctypes
    import ctypes.util

    libx11 = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")
    libx11.XOpenDisplay.restype = ctypes.c_void_p
    libx11.XOpenDisplay.argtypes = [ctypes.c_char_p]
    _held_display = wait_for(
        f"the X display {os.environ.get('DISPLAY')} to accept connections",
        lambda: libx11.XOpenDisplay(None),
        timeout,
    )


def make_home(prefix="rempart-e2e-"):
    """A temporary folder with data/config/cache subfolders for the XDG variables."""
    root = tempfile.mkdtemp(prefix=prefix)
    for sub in ("data", "config", "cache", "runtime"):
        os.makedirs(os.path.join(root, sub), mode=0o700)
    return root


def app_environment(build_root, source_root, home, settings_backend="memory", extra=None):
    env = dict(os.environ)
    env.pop("NO_AT_BRIDGE", None)
    env.pop("GTK_A11Y", None)
    env.update(
        {
            "XDG_DATA_HOME": os.path.join(home, "data"),
            "XDG_CONFIG_HOME": os.path.join(home, "config"),
            "XDG_CACHE_HOME": os.path.join(home, "cache"),
            "GSETTINGS_BACKEND": settings_backend,
            "GSETTINGS_SCHEMA_DIR": os.path.join(build_root, "data"),
            "REMPART_LOCALEDIR": os.path.join(build_root, "po"),
            "REMPART_DATA_DIR": os.path.join(source_root, "data"),
            "REMPART_NO_SYNC": "1",
            "GSK_RENDERER": "cairo",
            "GDK_BACKEND": "x11",
            "LANGUAGE": "en",
            "LC_ALL": "C.UTF-8",
            "LANG": "C.UTF-8",
            "GTK_A11Y": "atspi",
        }
    )
    if extra:
        env.update(extra)
    return env


class App:
    """The application process; stop() is safe to call any number of times."""

    def __init__(self, argv, env, log_path):
        self.log = open(log_path, "wb")
        self.proc = subprocess.Popen(
            argv, env=env, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True
        )
        self.pid = self.proc.pid

    def running(self):
        return self.proc.poll() is None

    def stop(self, grace=5.0):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(grace * TIME_FACTOR)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        if not self.log.closed:
            self.log.close()
        return self.proc.returncode


# --- polling ---------------------------------------------------------------------------------


def wait_for(what, predicate, timeout=DEFAULT_TIMEOUT, step=STEP):
    """Polls predicate() until it returns something true; returns it or raises Timeout."""
    timeout *= TIME_FACTOR
    deadline = time.monotonic() + timeout
    last_error = None
    while True:
        try:
            value = predicate()
            if value:
                return value
        except Exception as error:  # the tree changes under our feet: try again
            last_error = error
        if time.monotonic() >= deadline:
            detail = f" (last error: {last_error!r})" if last_error else ""
            raise Timeout(f"timed out after {timeout:.0f} s waiting for {what}{detail}")
        time.sleep(step)


# --- the accessible tree ---------------------------------------------------------------------


def safe(fn, default=None):
    try:
        return fn()
    except Exception:
        return default


def role(acc):
    return safe(acc.getRoleName, "?")


def name(acc):
    return safe(lambda: acc.name, "") or ""


def states(acc):
    return safe(lambda: acc.getState(), None)


def has_state(acc, state):
    s = states(acc)
    return bool(s and s.contains(state))


def extents(acc):
    """(x, y, width, height) in the window's coordinates, or None."""
    comp = safe(acc.queryComponent)
    if comp is None:
        return None
    ext = safe(lambda: comp.getExtents(pyatspi.WINDOW_COORDS))
    return None if ext is None else (ext.x, ext.y, ext.width, ext.height)


def is_showing(acc):
    """GTK 4.8 sets STATE_SHOWING on windows only, and keeps STATE_VISIBLE on the hidden pages
    of a GtkStack; what is really on screen has VISIBLE and a non-empty allocation."""
    if not has_state(acc, pyatspi.STATE_VISIBLE):
        return False
    if role(acc) in ("frame", "window", "dialog", "application"):
        return True
    if "Component" not in safe(acc.get_interfaces, []):
        return True  # GtkStackPage: no geometry of its own, judge its child
    ext = extents(acc)
    return ext is not None and ext[2] > 0 and ext[3] > 0


def children(acc):
    count = safe(lambda: acc.childCount, 0) or 0
    out = []
    for i in range(count):
        child = safe(lambda: acc.getChildAtIndex(i))
        if child is not None:
            out.append(child)
    return out


def walk(acc, max_depth=60, showing_only=False):
    """Depth-first, pre-order."""
    stack = [(acc, 0)]
    while stack:
        node, depth = stack.pop()
        yield node, depth
        if depth >= max_depth:
            continue
        kids = children(node)
        if showing_only:
            kids = [k for k in kids if is_showing(k)]
        for kid in reversed(kids):
            stack.append((kid, depth + 1))


def is_sensitive(acc):
    return has_state(acc, pyatspi.STATE_SENSITIVE)


def button_label(text):
    """Matches the accessible name of a button labelled TEXT, with or without a mnemonic.

    GTK 4.8 names a button with use-underline both by its label property, mnemonic included,
    and by the label child that labels it: "_Add a Group… Add a Group…" for "_Add a Group…".
    Later GTK versions say "Add a Group…"; accept both so the tests survive the fix."""

    def match(n):
        return n == text or n.replace("_", "") == f"{text} {text}"

    match.label = text
    return match


def ancestor(acc, role_name, max_up=20):
    node = acc
    for _ in range(max_up):
        node = safe(lambda: node.parent)
        if node is None:
            break
        if role(node) == role_name:
            return node
    raise LookupError(f"no {role_name} above {role(acc)} {name(acc)!r}")


def find_all(root, role_name=None, name_is=None, name_contains=None, showing=True, pred=None):
    found = []
    for node, _ in walk(root, showing_only=showing):
        if node is root:
            continue
        if role_name is not None and role(node) != role_name:
            continue
        n = name(node)
        if callable(name_is):
            if not name_is(n):
                continue
        elif name_is is not None and n != name_is:
            continue
        if name_contains is not None and name_contains not in n:
            continue
        if pred is not None and not pred(node):
            continue
        found.append(node)
    return found


def find(root, role_name=None, name_is=None, name_contains=None, showing=True, pred=None):
    items = find_all(root, role_name, name_is, name_contains, showing, pred)
    return items[0] if items else None


def wait_find(root, role_name=None, name_is=None, name_contains=None, showing=True, pred=None,
              timeout=DEFAULT_TIMEOUT, what=None):
    desc = what or " ".join(
        x
        for x in (
            role_name and f"a {role_name}",
            name_is is not None and f"named {getattr(name_is, 'label', name_is)!r}",
            name_contains and f"whose name contains {name_contains!r}",
        )
        if x
    )
    return wait_for(
        desc or "an accessible",
        lambda: find(root, role_name, name_is, name_contains, showing, pred),
        timeout,
    )


def dump_tree(root, max_depth=25, prefix="# ", showing_only=True, limit=600):
    """The tree as lines 'role "name" [states]', for TAP comments."""
    lines = []
    for node, depth in walk(root, max_depth=max_depth, showing_only=showing_only):
        extra = []
        if has_state(node, pyatspi.STATE_FOCUSED):
            extra.append("focused")
        if has_state(node, pyatspi.STATE_SELECTED):
            extra.append("selected")
        if not has_state(node, pyatspi.STATE_SENSITIVE):
            extra.append("insensitive")
        flags = f" [{', '.join(extra)}]" if extra else ""
        lines.append(f"{prefix}{'  ' * depth}{role(node)} {name(node)!r}{flags}")
        if len(lines) >= limit:
            lines.append(f"{prefix}… (cut at {limit} lines)")
            break
    return "\n".join(lines)


def find_application(pid=None, app_name=None, timeout=DEFAULT_TIMEOUT):
    desktop = pyatspi.Registry.getDesktop(0)

    def look():
        for app in children(desktop):
            if pid is not None and safe(lambda: app.get_process_id()) == pid:
                return app
            if app_name is not None and name(app) == app_name:
                return app
        return None

    return wait_for(f"the application (pid {pid}) on the accessibility bus", look, timeout)


def windows(app):
    return [w for w in children(app) if role(w) in ("frame", "window", "dialog")]


def wait_window(app, name_is=None, name_contains=None, timeout=DEFAULT_TIMEOUT, pred=None):
    def look():
        for w in windows(app):
            if name_is is not None and name(w) != name_is:
                continue
            if name_contains is not None and name_contains not in name(w):
                continue
            if pred is not None and not pred(w):
                continue
            return w
        return None

    what = f"a window named {name_is or name_contains!r}" if (name_is or name_contains) else "a window"
    return wait_for(what, look, timeout)


# --- acting ----------------------------------------------------------------------------------


def action_names(acc):
    act = safe(acc.queryAction)
    if act is None:
        return []
    return [safe(lambda: act.getName(i), "") for i in range(act.nActions)]


def do_action(acc, index=0):
    act = acc.queryAction()
    if not act.doAction(index):
        raise RuntimeError(f"{role(acc)} {name(acc)!r} refused action {index}")


def has_action(acc):
    """Whether the object offers at least one action (GTK containers that share a name with
    the button inside them do not)."""
    action = safe(acc.queryAction)
    return action is not None and (safe(lambda: action.nActions) or 0) > 0


def press(root, name_is, role_name="push button", timeout=DEFAULT_TIMEOUT):
    """Waits for a showing, sensitive button and activates it through its Action interface."""
    button = wait_find(root, role_name, name_is=name_is, pred=is_sensitive, timeout=timeout)
    do_action(button)
    return button


def set_text(acc, text, timeout=DEFAULT_TIMEOUT):
    """Replaces the text of an entry or text view through EditableText, as a paste would,
    and waits until the widget reports it."""
    editable = acc.queryEditableText()
    if not editable.setTextContents(text):
        raise RuntimeError(f"{role(acc)} {name(acc)!r} refused setTextContents")
    wait_for(f"{role(acc)} {name(acc)!r} to contain {text!r}", lambda: text_of(acc) == text, timeout)


def text_of(acc):
    t = safe(acc.queryText)
    if t is None:
        return None
    # GTK 4.8 answers GetText (0, -1) with an empty string: ask for the characters it has.
    return safe(lambda: t.getText(0, t.characterCount))


def center(acc):
    comp = acc.queryComponent()
    ext = comp.getExtents(pyatspi.DESKTOP_COORDS)
    return ext.x + ext.width // 2, ext.y + ext.height // 2


def click(acc):
    """A real left click in the middle of ACC. The window's coordinates are the screen's:
    without a window manager (Xvfb), GTK maps its windows at the origin."""
    ext = extents(acc)
    if ext is None or ext[2] <= 0 or ext[3] <= 0:
        raise RuntimeError(f"{role(acc)} {name(acc)!r} has no area on screen to click: {ext}")
    x, y = ext[0] + ext[2] // 2, ext[1] + ext[3] // 2
    pyatspi.Registry.generateMouseEvent(x, y, pyatspi.MOUSE_B1C)


KEYSYMS = {"Escape": 0xFF1B, "Return": 0xFF0D, "Tab": 0xFF09, "space": 0x20, "Down": 0xFF54}


def point_at(acc):
    """Moves the pointer to the middle of ACC (no click). Its extents are asked again for a
    while when the call fails or the area is empty: under the sanitizers, a call to a busy app
    can fail once (CI saw "no area on screen: None" for the main window once, in a11y-walk)."""
    def area():
        ext = acc.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        return (ext.x, ext.y, ext.width, ext.height) if ext.width > 0 and ext.height > 0 \
            else None
    try:
        ext = wait_for(f"{role(acc)} {name(acc)!r} to have an area on screen", area, timeout=5)
    except Timeout as error:
        raise RuntimeError(f"{role(acc)} {name(acc)!r} has no area on screen: {error}")
    pyatspi.Registry.generateMouseEvent(ext[0] + ext[2] // 2, ext[1] + ext[3] // 2, "abs")


def key(keysym_name, window=None):
    """Presses and releases a key, by X keysym name ('Escape', 'Return'). Without a window
    manager, X gives the keyboard to the window under the pointer: with WINDOW, the pointer
    goes there first, as a person's attention would."""
    if window is not None:
        point_at(window)
        time.sleep(0.2)
    pyatspi.Registry.generateKeyboardEvent(KEYSYMS[keysym_name], None, pyatspi.KEY_SYM)


def activate_list_item(item):
    """GTK 4.8 list items have no AT-SPI action, and selecting one is not activating it:
    click it, as a person does (GtkListView:single-click-activate)."""
    click(item)


def focused(root):
    return find(root, pred=lambda n: has_state(n, pyatspi.STATE_FOCUSED))
