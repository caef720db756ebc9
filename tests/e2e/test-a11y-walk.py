#!/usr/bin/python3
# Accessibility walk of Rempart over AT-SPI, by keyboard only (issue 17): every screen is
# opened with shortcuts, Tab, Return and arrows (real X key events through XTest, from
# xdotool), never by the pointer or an AT-SPI action; on each screen the accessible tree is
# walked and every control without an accessible name is listed as a failure. The main flows
# complete by keyboard too: join an action from the list (open it, Write a Reply), write a
# reply and queue it, run a session (mark the queued reply posted). TAP output.
#
#   test-a11y-walk.py BUILD_ROOT SOURCE_ROOT
#
# Screens walked: the main window, the action page, the composer, the session, Preferences
# and each of its pages, the participation window, and the moderators' workspace (moderation
# mode is on in a keyfile settings backend; a workspace made by rempart-feed, without a key,
# is in the data folder; the menu opens it: F10, arrows, Return).
#
# Needs a display and a D-Bus session (xvfb-run -a dbus-run-session) and xdotool; skips
# without them. Run with Debian's /usr/bin/python3, which has python3-pyatspi.

import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

APP_ID = "io.github.rempart.Rempart"
REPLY = "Thank you for sharing. The figures say otherwise, here is the source. #a11y"
TEST_DEADLINE = 240.0
STATE_POSTED = 4  # REMPART_ACTION_STATE_POSTED

# The controls a person acts on: each needs a name for a screen reader to say what it is.
NAMED_ROLES = (
    "push button", "toggle button", "check box", "switch", "radio button", "entry", "text",
    "password text", "spin button", "combo box", "list item",
)
# The accessible names of the GtkListViews (see named_by_content).
LIST_VIEWS = ("Actions", "GtkListView")
PREFERENCES_PAGES = ("Groups", "Templates", "Wellbeing", "General", "Moderation")
WORKSPACE_ACTION = "A11y: a thread for the moderators' list"

STEPS = [
    "the app is on the accessibility bus",
    "main window: every control is named",
    "keyboard: Tab reaches the Actions list and Return opens an action",
    "action page: every control is named",
    "keyboard: Ctrl+E opens the composer on the Reply",
    "composer: every control is named",
    "keyboard: the reply is typed and Ctrl+S queues it",
    "keyboard: Ctrl+Shift+S opens the session",
    "session: every control is named",
    "keyboard: Ctrl+Return marks the queued reply posted, Escape closes the session",
    "keyboard: Ctrl+comma opens Preferences",
] + [f"preferences, {p} page: opened by keyboard, every control is named"
     for p in PREFERENCES_PAGES] + [
    "keyboard: Escape closes Preferences",
    "keyboard: Ctrl+Shift+P opens Participation",
    "participation: every control is named",
    "keyboard: Escape closes Participation",
    "keyboard: F10 and the menu's Moderation item open the moderators' workspace",
    "moderators' workspace: every control is named",
    "keyboard: Tab and Return open the workspace's action in the editor",
    "moderators' workspace, action editor: every control is named",
    "the database says the reply was queued and posted",
    "the app printed no critical message",
]


class Tap:
    def __init__(self):
        self.n = 0
        self.failed = 0
        self.start = time.monotonic()

    def ok(self, what):
        self.n += 1
        print(f"ok {self.n} - {what}", flush=True)

    def not_ok(self, what, detail=""):
        self.n += 1
        self.failed += 1
        print(f"not ok {self.n} - {what}", flush=True)
        self.comment(detail)
        # meson shows a TAP test's stderr, not its stdout, among the errors it prints (CI)
        lines = str(detail).splitlines()
        print(f"not ok {self.n} - {what}", *(f"  {line}" for line in lines[:20]),
              sep="\n", file=sys.stderr, flush=True)

    def comment(self, text):
        for line in str(text).splitlines():
            print(f"# {line}", flush=True)


class Abort(Exception):
    def __init__(self, what, detail):
        super().__init__(detail)
        self.what = what
        self.detail = detail


def main():
    if len(sys.argv) != 3:
        print("usage: test-a11y-walk.py BUILD_ROOT SOURCE_ROOT", file=sys.stderr)
        return 2
    build_root = os.path.abspath(sys.argv[1])
    source_root = os.path.abspath(sys.argv[2])
    try:
        import atspi_helpers as h
        import pyatspi
    except ImportError as error:
        print(f"1..0 # SKIP pyatspi is not available ({error}): install python3-pyatspi")
        return 0
    why = h.have_accessibility_bus()
    if why:
        print(f"1..0 # SKIP {why}")
        return 0
    if not shutil.which("xdotool"):
        print("1..0 # SKIP xdotool is not installed (it sends the X key events)")
        return 0
    if h.bus_name_has_owner(APP_ID):
        print(f"1..0 # SKIP {APP_ID} already runs on this D-Bus session: "
              "run the test inside dbus-run-session")
        return 0
    app_exe = os.path.join(build_root, "src", "rempart")
    tool = os.path.join(build_root, "src", "cli", "rempart-feed")
    for exe in (app_exe, tool):
        if not os.access(exe, os.X_OK):
            print(f"Bail out! {exe} is not built")
            return 1

    tap = Tap()
    print(f"1..{len(STEPS)}", flush=True)
    home = h.make_home("rempart-a11y-")
    # Moderation mode on from the start (the Moderation page's switch is walked, not used).
    settings_dir = os.path.join(home, "config", "glib-2.0", "settings")
    os.makedirs(settings_dir)
    with open(os.path.join(settings_dir, "keyfile"), "w") as f:
        f.write("[io/github/rempart/Rempart]\nmoderation-mode=true\n")
    # A moderators' workspace: a feed.json folder under data/rempart/moderation (no key: the
    # walk does not publish).
    workspace = os.path.join(home, "data", "rempart", "moderation", "a11y-group")
    os.makedirs(workspace)
    for argv in (["new", "feed.json", "--title", "A11y Group",
                  "--feed-url", "https://example.org/a11y/feed.json"],
                 ["add", "feed.json", "--title", WORKSPACE_ACTION,
                  "--url", "https://example.org/a11y/thread/1", "--topic", "disinformation",
                  "--brief", "Reply calmly with the figures."]):
        subprocess.run([tool] + argv, cwd=workspace, check=True, capture_output=True, timeout=30,
                       stdin=subprocess.DEVNULL)
    app = None
    atspi_app = None

    pointed = [None]

    def keys(window, *combos):
        """Real key presses (XTest) in WINDOW: the pointer goes there first, since without a
        window manager X gives the keyboard to the window under the pointer."""
        if pointed[0] is not window:
            h.point_at(window)
            time.sleep(0.2)
            pointed[0] = window
        for combo in combos:
            subprocess.run(["xdotool", "key", "--delay", "40", combo], check=True, timeout=10,
                           stdin=subprocess.DEVNULL)
            time.sleep(0.05)

    def type_text(window, text):
        if pointed[0] is not window:
            h.point_at(window)
            time.sleep(0.2)
            pointed[0] = window
        subprocess.run(["xdotool", "type", "--delay", "20", text], check=True, timeout=30,
                       stdin=subprocess.DEVNULL)

    def focused(window):
        return h.find(window, pred=lambda n: h.has_state(n, pyatspi.STATE_FOCUSED))

    def describe(node):
        return f"{h.role(node)} {h.name(node)!r}" if node is not None else "nothing"

    def tab_until(window, pred, what, max_tabs=60, key="Tab"):
        """Presses KEY (Tab by default) until the focused accessible satisfies PRED."""
        seen = []
        for _ in range(max_tabs):
            node = focused(window)
            if node is not None and pred(node):
                return node
            seen.append(describe(node))
            keys(window, key)
        node = focused(window)
        if node is not None and pred(node):
            return node
        raise h.Timeout(f"{max_tabs} presses of {key} never reached {what}; focus went "
                        + " → ".join(seen[:40]))

    def inside(node, role_name, name_is):
        for _ in range(25):
            node = h.safe(lambda: node.parent)
            if node is None:
                return False
            if h.role(node) == role_name and h.name(node) == name_is:
                return True
        return False

    def named_by_content(node):
        # GTK 4.8 gives the rows of a GtkListView (GtkListItemWidget, role list item) no name
        # of their own: the row's widget is its single child, and a screen reader reads the
        # row from it. Verified with this test's comments: in the main window, "list item ''
        # in list 'Actions' > filler '<the action's title>' > label '<title>', ...", and in a
        # drop-down's popup "list item '' in list 'GtkListView' > panel '' > label
        # 'Disinformation'". Such a row counts as named when that child, or a label inside
        # it, has a name. Only for GtkListViews: the main window's Actions (the app's only
        # GtkListView) and the unlabelled ones GTK makes for drop-downs. A GtkListBox row is
        # exposed the same way, but nothing makes a reader say its content: it needs a name.
        parent = h.safe(lambda: node.parent)
        if h.name(parent) not in LIST_VIEWS:
            return False
        kids = h.children(node)
        if len(kids) != 1:
            return False
        return any(has_name(n) for n, _ in h.walk(kids[0], max_depth=4))

    def has_name(node):
        # GTK 4.8 falls back on the widget's type name ("GtkImage" for an icon-only button
        # without a label): a screen reader would say that, which names nothing.
        n = h.name(node).strip()
        return bool(n) and not re.fullmatch(r"(Gtk|Adw|Rempart)[A-Z][A-Za-z]+", n)

    by_content = []

    def unnamed(window):
        bad = []
        by_content.clear()
        for node, _ in h.walk(window, showing_only=True):
            r = h.role(node)
            if r not in NAMED_ROLES or has_name(node):
                continue
            if r == "list item" and named_by_content(node):
                by_content.append(node)
                continue
            path = []
            up = node
            for _ in range(6):
                up = h.safe(lambda: up.parent)
                if up is None:
                    break
                if h.name(up):
                    path.append(describe(up))
            kids = ", ".join(describe(k) for k in h.children(node)[:3])
            bad.append(f"{r} with no name (children: {kids or 'none'}; inside: "
                       f"{' < '.join(path[:3]) or 'the window'})")
        return bad

    def check_named(what, window):
        bad = unnamed(window)
        counts = {}
        for node, _ in h.walk(window, showing_only=True):
            if h.role(node) in NAMED_ROLES:
                counts[h.role(node)] = counts.get(h.role(node), 0) + 1
        tap.comment(f"{what.split(':')[0]}: checked "
                    + (", ".join(f"{n} {r}" for r, n in sorted(counts.items())) or "nothing"))
        if by_content:
            first = by_content[0]
            kid = h.children(first)[0]
            tap.comment(f"  {len(by_content)} list item(s) named by their single child, e.g. "
                        f"{describe(first)} in {describe(h.safe(lambda: first.parent))} > "
                        f"{describe(kid)} > "
                        + ", ".join(describe(n) for n, _ in h.walk(kid, max_depth=3)
                                    if has_name(n))[:200])
        if bad:
            tap.not_ok(what, f"{len(bad)} control(s) without an accessible name:\n"
                       + "\n".join(bad))
        else:
            tap.ok(what)

    def step(what, fn):
        if time.monotonic() - tap.start > TEST_DEADLINE * h.TIME_FACTOR:
            raise Abort(what, f"the test ran over {TEST_DEADLINE:.0f} s before this step")
        try:
            result = fn()
        except Abort:
            raise
        except Exception as error:
            raise Abort(what, f"{type(error).__name__}: {error}")
        tap.ok(what)
        return result

    def walk_step(what, window_fn):
        if time.monotonic() - tap.start > TEST_DEADLINE * h.TIME_FACTOR:
            raise Abort(what, f"the test ran over {TEST_DEADLINE:.0f} s before this step")
        try:
            window = window_fn()
        except Exception as error:
            raise Abort(what, f"{type(error).__name__}: {error}")
        check_named(what, window)

    def dump(reason):
        tap.comment(f"--- {reason}; what was on screen ---")
        try:
            for win in h.windows(atspi_app) if atspi_app is not None else []:
                tap.comment(h.dump_tree(win, max_depth=30, prefix=""))
        except Exception as error:
            tap.comment(f"(the tree could not be read: {error!r})")

    db_path = os.path.join(home, "data", "rempart", "rempart.db")

    def queued_reply():
        db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=2)
        try:
            return db.execute("SELECT action_id FROM drafts WHERE queued = 1 AND text = ?",
                              (REPLY,)).fetchone()
        finally:
            db.close()

    try:
        def started():
            nonlocal app, atspi_app
            h.hold_display()
            env = h.app_environment(build_root, source_root, home, settings_backend="keyfile")
            app = h.App([app_exe], env, os.path.join(home, "app.log"))
            atspi_app = h.find_application(pid=app.pid)
            return h.wait_window(atspi_app, name_is="Rempart")
        main_window = step("the app is on the accessibility bus", started)
        actions = h.wait_find(main_window, "list", name_is="Actions")
        h.wait_find(actions, "list item", what="an action in the list")
        walk_step("main window: every control is named", lambda: main_window)

        # --- join an action: Tab to the list, Return on the first action ------------------
        def open_action():
            row = tab_until(main_window,
                            lambda n: h.role(n) == "list item" and inside(n, "list", "Actions"),
                            "an action of the Actions list")
            tap.comment(f"focus in the list on {describe(row)}")
            keys(main_window, "Return")
            return h.wait_find(main_window, "heading", timeout=10,
                               pred=lambda n: h.name(n).startswith("Example: "),
                               what="the action page's title")
        heading = step("keyboard: Tab reaches the Actions list and Return opens an action",
                       open_action)
        title = h.name(heading)
        walk_step("action page: every control is named", lambda: main_window)

        def open_composer():
            keys(main_window, "ctrl+e")
            view = h.wait_find(main_window, "text", name_is="Reply", pred=h.is_sensitive)
            return view
        reply_view = step("keyboard: Ctrl+E opens the composer on the Reply", open_composer)
        walk_step("composer: every control is named", lambda: main_window)

        def write_and_queue():
            if not h.has_state(reply_view, pyatspi.STATE_FOCUSED):
                tab_until(main_window, lambda n: h.role(n) == "text" and h.name(n) == "Reply",
                          "the Reply")
            type_text(main_window, REPLY)
            h.wait_for("the Reply to hold the typed text",
                       lambda: h.text_of(reply_view) == REPLY)
            keys(main_window, "ctrl+s")
            h.wait_for("the reply to be queued in the database", queued_reply, timeout=10)
        step("keyboard: the reply is typed and Ctrl+S queues it", write_and_queue)

        # --- run a session ------------------------------------------------------------------
        def open_session():
            keys(main_window, "ctrl+shift+s")
            return h.wait_window(atspi_app, name_is="Session")
        session = step("keyboard: Ctrl+Shift+S opens the session", open_session)
        h.wait_find(session, "label", name_contains="figures say otherwise", timeout=10)
        walk_step("session: every control is named", lambda: session)

        def run_session():
            keys(session, "ctrl+Return")
            h.wait_find(session, "label", name_contains="You posted 1 reply",
                        what="the session's end, saying one reply was posted")
            keys(session, "Escape")
            h.wait_for("the session to close",
                       lambda: not any(h.name(w) == "Session" for w in h.windows(atspi_app)))
        step("keyboard: Ctrl+Return marks the queued reply posted, Escape closes the session",
             run_session)

        # --- Preferences and its pages ------------------------------------------------------
        def open_prefs():
            keys(main_window, "ctrl+comma")
            return h.wait_window(atspi_app, name_is="Preferences")
        prefs = step("keyboard: Ctrl+comma opens Preferences", open_prefs)
        for page in PREFERENCES_PAGES:
            def open_page(page=page):
                # The view switcher's tabs: Tab to this page's (Right from one tab goes to
                # the search button, not the next tab); Space selects it.
                button = tab_until(prefs, lambda n: h.name(n) == page and
                                   h.role(n) == "page tab",
                                   f"the {page} tab of the view switcher", max_tabs=80)
                def selected():
                    return any(h.has_state(button, st) for st in (
                        pyatspi.STATE_CHECKED, pyatspi.STATE_SELECTED, pyatspi.STATE_PRESSED))
                # Not on the page already shown: the window's type-to-search would take the
                # space and open its search bar.
                if not selected():
                    keys(prefs, "space")
                h.wait_for(f"the {page} page to be selected", selected, timeout=5)
                return prefs
            walk_step(f"preferences, {page} page: opened by keyboard, every control is named",
                      open_page)

        def close_prefs():
            for _ in range(3):
                keys(prefs, "Escape")
                try:
                    h.wait_for("Preferences to close", lambda: not any(
                        h.name(w) == "Preferences" for w in h.windows(atspi_app)), timeout=2)
                    return
                except h.Timeout:
                    pass
            raise h.Timeout("three presses of Escape left Preferences open; focus on "
                            + describe(focused(prefs)))
        step("keyboard: Escape closes Preferences", close_prefs)

        def open_participation():
            keys(main_window, "ctrl+shift+p")
            return h.wait_window(atspi_app, name_is="Participation")
        participation = step("keyboard: Ctrl+Shift+P opens Participation", open_participation)
        walk_step("participation: every control is named", lambda: participation)

        def close_participation():
            keys(participation, "Escape")
            h.wait_for("Participation to close", lambda: not any(
                h.name(w) == "Participation" for w in h.windows(atspi_app)), timeout=5)
        step("keyboard: Escape closes Participation", close_participation)

        # --- the moderators' workspace -------------------------------------------------------
        def open_moderation():
            keys(main_window, "F10")
            tab_until(main_window, lambda n: h.name(n).replace("_", "") == "Moderation"
                      and h.role(n) != "frame", "the menu's Moderation item", max_tabs=12,
                      key="Down")
            keys(main_window, "Return")
            window = h.wait_window(atspi_app, name_is="Moderation")
            h.wait_find(window, "list item", name_contains=WORKSPACE_ACTION, timeout=10,
                        showing=False, what="the workspace's action in the list")
            return window
        moderation = step("keyboard: F10 and the menu's Moderation item open the moderators' "
                          "workspace", open_moderation)
        walk_step("moderators' workspace: every control is named", lambda: moderation)

        def open_editor():
            tab_until(moderation, lambda n: h.role(n) == "list item"
                      and WORKSPACE_ACTION in h.name(n), "the workspace's action")
            keys(moderation, "Return")
            h.wait_find(moderation, "text", name_is="Title", timeout=10,
                        what="the action editor's Title")
        step("keyboard: Tab and Return open the workspace's action in the editor", open_editor)
        walk_step("moderators' workspace, action editor: every control is named",
                  lambda: moderation)
        del title
    except Abort as abort:
        tap.not_ok(abort.what, abort.detail)
        dump(f"failed at “{abort.what}”")
    except Exception as error:
        tap.not_ok("the test ran to its end", repr(error))
        dump("unexpected error")
    finally:
        if app is not None:
            tap.comment(f"the app exited with {app.stop()}")
    for what in STEPS[tap.n:-2]:
        tap.not_ok(what, "not run: an earlier step failed")

    ok = False
    detail = f"{db_path} does not exist"
    if os.path.exists(db_path):
        db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        drafts = db.execute("SELECT action_id, text FROM drafts").fetchall()
        states = db.execute("SELECT action_id, state FROM action_state").fetchall()
        db.close()
        ids = [a for a, text in drafts if text == REPLY]
        ok = bool(ids) and any(a in ids and s & STATE_POSTED for a, s in states)
        detail = f"drafts: {drafts}\naction_state: {states}"
    if ok:
        tap.ok(STEPS[-2])
    else:
        tap.not_ok(STEPS[-2], detail)

    log = ""
    try:
        with open(os.path.join(home, "app.log"), errors="replace") as f:
            log = f.read()
    except OSError:
        pass
    bad = [line for line in log.splitlines() if "-CRITICAL **" in line or "-ERROR **" in line]
    if app is not None and not bad:
        tap.ok(STEPS[-1])
    else:
        tap.not_ok(STEPS[-1], "\n".join(bad[:20]) or "the app did not run")
    tap.comment(f"{time.monotonic() - tap.start:.1f} s")
    if tap.failed == 0:
        shutil.rmtree(home, ignore_errors=True)
    else:
        tap.comment(f"kept {home} for inspection")
    return 1 if tap.failed else 0


if __name__ == "__main__":
    sys.exit(main())
