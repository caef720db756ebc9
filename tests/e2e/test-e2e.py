#!/usr/bin/python3
# End-to-end test of Rempart over AT-SPI, as a volunteer would use it: the demo actions, then
# Add a Group with a real feed signed by the real rempart-feed and served on 127.0.0.1, then
# an action of that feed: Write a Reply, type it, Mark as Posted. The database must then say
# so. TAP output; on failure, the accessible tree of every window as TAP comments.
#
#   test-e2e.py BUILD_ROOT SOURCE_ROOT
#
# Needs a display and a D-Bus session (xvfb-run -a dbus-run-session); skips without them.
# Run with Debian's /usr/bin/python3, which has python3-pyatspi.

import functools
import http.server
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

STATE_POSTED = 4  # REMPART_ACTION_STATE_POSTED; events.kind uses the same bits
APP_ID = "io.github.rempart.Rempart"
DEMO_URL = "https://example.org/rempart/demo/feed.json"
DEMO_TITLE_PREFIX = "Example: "
REPLY = "Thank you for the link. The figures say otherwise: crime fell last year. #e2e"
# Stretched like every wait of atspi_helpers (imported later, once the bus is set up): under
# AddressSanitizer .ci/run sets REMPART_TEST_TIME_FACTOR and the app runs several times slower.
TEST_DEADLINE = 90.0 * max(1, min(20, int(os.environ.get("REMPART_TEST_TIME_FACTOR", "1") or "1")))
# The scenario's steps, in order, then the database's checks and the log's.
SCENARIO = [
    "rempart-feed made and signed a two-action feed",
    "the app is on the accessibility bus",
    "the demo actions are listed",
    "Add a Group… opens Preferences",
    "the feed address and the public key are typed",
    "Add subscribes to the group",
    "Preferences closes",
    "the list shows the group's actions instead of the demo",
    "activating the action opens its page, Write a Reply is pressed",
    "a reply is typed in the composer",
    "Mark as Posted",
    "closing the window ends the app",
]
CHECKS = [
    "the subscription is stored, signed",
    "the demo subscription is gone",
    "the action's state has POSTED",
    "one POSTED event is recorded",
    "the draft is the reply typed",
    "the app printed no critical message",
]
PLAN = len(SCENARIO) + len(CHECKS)


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
        for line in str(detail).splitlines():
            print(f"# {line}", flush=True)
        # meson shows a TAP test's stderr, not its stdout, among the errors it prints (CI)
        lines = str(detail).splitlines()
        print(f"not ok {self.n} - {what}", *(f"  {line}" for line in lines[:20]),
              sep="\n", file=sys.stderr, flush=True)

    def comment(self, text):
        for line in str(text).splitlines():
            print(f"# {line}", flush=True)

    def check(self, condition, what, detail=""):
        if condition:
            self.ok(what)
        else:
            self.not_ok(what, detail)
        return condition


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


def serve(directory):
    """A loopback HTTP server for DIRECTORY in a thread; returns (server, base URL)."""
    handler = functools.partial(QuietHandler, directory=directory)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def run(argv, cwd):
    result = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, stdin=subprocess.DEVNULL,
                            timeout=30)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} exited {result.returncode}:\n{result.stdout}{result.stderr}")
    return result.stdout


def make_feed(tool, work, base_url):
    """A signed two-action feed made by rempart-feed; returns (feed URL, key line, ids, titles)."""
    feed_url = f"{base_url}/feed.json"
    run([tool, "new", "feed.json", "--title", "E2E Group", "--feed-url", feed_url], work)
    titles = ["E2E: first thread of the test feed", "E2E: second thread of the test feed"]
    ids = []
    for i, title in enumerate(titles, 1):
        out = run([tool, "add", "feed.json", "--title", title,
                   "--url", f"https://example.org/e2e/thread/{i}", "--topic", "disinformation",
                   "--brief", "A test action: reply calmly with the figures."], work)
        ids.append(out.strip().splitlines()[-1])
    run([tool, "keygen", "-W", "-p", "group.pub", "-s", "group.key"], work)
    run([tool, "sign", "feed.json", "-s", "group.key"], work)
    with open(os.path.join(work, "group.pub")) as f:
        key_line = [line.strip() for line in f if line.strip() and not line.startswith("untrusted")][0]
    # the served feed is what `add` wrote: make sure the ids are the feed's
    with open(os.path.join(work, "feed.json")) as f:
        feed_ids = {item["id"]: item["title"] for item in json.load(f)["items"]}
    if set(ids) != set(feed_ids):
        raise RuntimeError(f"rempart-feed add printed {ids}, the feed has {list(feed_ids)}")
    return feed_url, key_line, ids, titles


def main():
    if len(sys.argv) != 3:
        print("usage: test-e2e.py BUILD_ROOT SOURCE_ROOT", file=sys.stderr)
        return 2
    build_root = os.path.abspath(sys.argv[1])
    source_root = os.path.abspath(sys.argv[2])

    try:
        import atspi_helpers as h
    except ImportError as error:
        print(f"1..0 # SKIP pyatspi is not available ({error}): install python3-pyatspi")
        return 0
    why = h.have_accessibility_bus()
    if why:
        print(f"1..0 # SKIP {why}")
        return 0

    if h.bus_name_has_owner(APP_ID):
        # It would take our activation and our process would exit at once.
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
    print(f"1..{PLAN}", flush=True)
    home = h.make_home()
    work = os.path.join(home, "feed")
    os.mkdir(work)
    server = None
    app = None
    atspi_app = None
    main_window = None

    def dump(reason):
        tap.comment(f"--- {reason}; what was on screen ---")
        try:
            if atspi_app is not None:
                for win in h.windows(atspi_app):
                    tap.comment(h.dump_tree(win, max_depth=30, prefix=""))
            else:
                tap.comment("(the application never appeared on the accessibility bus)")
        except Exception as error:
            tap.comment(f"(the tree could not be read: {error!r})")
        db_path = os.path.join(home, "data", "rempart", "rempart.db")
        if os.path.exists(db_path):
            try:
                db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=2)
                for row in db.execute("SELECT url, title, is_signed, failures, last_error"
                                      " FROM subscriptions"):
                    tap.comment(f"subscription: {row}")
                db.close()
            except sqlite3.Error as error:
                tap.comment(f"(the database could not be read: {error})")
        if app is not None:
            try:
                app.log.flush()
                with open(os.path.join(home, "app.log"), errors="replace") as f:
                    tap.comment("--- the application's output ---\n" + f.read()[-4000:])
            except OSError:
                pass

    def step(what, fn):
        """Runs one step of the scenario; on failure, dumps the tree and stops."""
        remaining = TEST_DEADLINE - (time.monotonic() - tap.start)
        if remaining <= 0:
            raise Abort(what, f"the test ran over {TEST_DEADLINE:.0f} s before this step")
        try:
            result = fn()
        except Exception as error:
            raise Abort(what, f"{type(error).__name__}: {error}")
        tap.ok(what)
        return result

    class Abort(Exception):
        def __init__(self, what, detail):
            super().__init__(detail)
            self.what = what
            self.detail = detail

    posted_done = False
    try:
        # --- the group's side: a signed feed on a loopback server -----------------------------
        server, base_url = serve(work)
        feed_url, key_line, ids, titles = step(
            "rempart-feed made and signed a two-action feed",
            lambda: make_feed(tool, work, base_url))
        first_id, first_title = ids[0], titles[0]

        # --- the app --------------------------------------------------------------------------
        def started():
            nonlocal app, atspi_app, main_window
            h.hold_display()
            env = h.app_environment(build_root, source_root, home)
            app = h.App([app_exe], env, os.path.join(home, "app.log"))
            atspi_app = h.find_application(pid=app.pid)
            main_window = h.wait_window(atspi_app, name_is="Rempart")
            return True
        step("the app is on the accessibility bus", started)

        def demo_listed():
            actions = h.wait_find(main_window, "list", name_is="Actions")
            h.wait_find(actions, "label", pred=lambda n: h.name(n).startswith(DEMO_TITLE_PREFIX),
                        what=f"an action whose title starts with {DEMO_TITLE_PREFIX!r}")
        step("the demo actions are listed", demo_listed)

        # --- Add a Group ----------------------------------------------------------------------
        def open_add_group():
            h.press(main_window, h.button_label("Add a Group…"))
            return h.wait_window(atspi_app, name_is="Preferences")
        prefs = step("Add a Group… opens Preferences", open_add_group)

        def fill_form():
            address = h.wait_find(prefs, "text", name_is="Feed Address")
            key_entry = h.wait_find(prefs, "text", name_is="Public Key (Optional)")
            h.set_text(address, feed_url)
            h.set_text(key_entry, key_line)
            h.wait_for("the Add button to become sensitive",
                       lambda: h.find(prefs, "push button", name_is=h.button_label("Add"),
                                      pred=h.is_sensitive))
        step("the feed address and the public key are typed", fill_form)

        def add():
            h.press(prefs, h.button_label("Add"))
            # The page goes back to the groups, which list the new one by its address until
            # its first download names it.
            groups = h.wait_find(prefs, "list", name_is="Groups You Follow")
            h.wait_find(groups, "list item", pred=lambda n: h.name(n) in (feed_url, "E2E Group"))
        step("Add subscribes to the group", add)

        def close_prefs():
            def closed():
                return all(h.name(w) != "Preferences" for w in h.windows(atspi_app))
            for attempt in (1, 2):
                h.key("Escape", window=prefs)
                try:
                    h.wait_for("Preferences to close on Escape", closed, timeout=2)
                    tap.comment(f"Preferences closed on Escape number {attempt}")
                    return
                except h.Timeout:
                    focus = h.focused(prefs)
                    tap.comment(f"Escape number {attempt} left Preferences open; focus on "
                                f"{focus and h.role(focus)} {focus and h.name(focus)!r}")
            h.press(prefs, "Close")
            h.wait_for("Preferences to close with its Close button", closed)
        step("Preferences closes", close_prefs)

        # --- the new feed's actions -----------------------------------------------------------
        def feed_listed():
            actions = h.wait_find(main_window, "list", name_is="Actions")
            for title in titles:
                h.wait_find(actions, "label", name_is=title, timeout=20)
            h.wait_for("the demo actions to leave the list",
                       lambda: not h.find(actions, "label",
                                          pred=lambda n: h.name(n).startswith(DEMO_TITLE_PREFIX)))
            return actions
        actions = step("the list shows the group's actions instead of the demo", feed_listed)

        def open_action():
            # A click is a real pointer event: should the row move under it (the list
            # reloading), look for it again and click again, up to three times.
            for attempt in (1, 2, 3):
                label = h.wait_find(actions, "label", name_is=first_title)
                h.activate_list_item(h.ancestor(label, "list item"))
                try:
                    h.wait_find(main_window, "heading", name_is=first_title, timeout=5)
                    break
                except h.Timeout:
                    if attempt == 3:
                        raise
                    tap.comment(f"click {attempt} on the action did not open it: again")
            h.press(main_window, h.button_label("Write a Reply"), timeout=5)
        step("activating the action opens its page, Write a Reply is pressed", open_action)

        def write():
            view = h.wait_find(main_window, "text", name_is="Reply", pred=h.is_sensitive)
            h.set_text(view, REPLY)
            # set_text waited for the view to report the text; the draft is saved from there.
        step("a reply is typed in the composer", write)

        def posted():
            h.press(main_window, h.button_label("Mark as Posted"))
            # The action leaves To Do.
            h.wait_for("the action to leave the To Do list",
                       lambda: not h.find(actions, "label", name_is=first_title))
        step("Mark as Posted", posted)
        posted_done = True

        def close_app():
            h.press(main_window, "Close")
            h.wait_for("the app to exit after its window closed", lambda: not app.running())
        try:
            step("closing the window ends the app", close_app)
        except Abort as abort:
            tap.not_ok(abort.what, abort.detail)
        app.stop()
    except Abort as abort:
        tap.not_ok(abort.what, abort.detail)
        dump(f"failed at “{abort.what}”")
    except Exception as error:
        tap.not_ok("the test ran to its end", repr(error))
        dump("unexpected error")
    finally:
        if app is not None:
            code = app.stop()
            tap.comment(f"the app exited with {code}")
        if server is not None:
            server.shutdown()
            server.server_close()
    for what in SCENARIO[tap.n:]:
        tap.not_ok(what, "not run: an earlier step failed")

    # --- what the database says ---------------------------------------------------------------
    db_path = os.path.join(home, "data", "rempart", "rempart.db")
    if os.path.exists(db_path) and posted_done:
        db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        subs = dict(db.execute("SELECT url, is_signed FROM subscriptions").fetchall())
        tap.check(subs.get(feed_url) == 1, "the subscription is stored, signed",
                  f"subscriptions: {subs}")
        tap.check(DEMO_URL not in subs, "the demo subscription is gone", f"subscriptions: {subs}")
        row = db.execute("SELECT state FROM action_state WHERE subscription_url = ? AND action_id = ?",
                         (feed_url, first_id)).fetchone()
        tap.check(row is not None and row[0] & STATE_POSTED, "the action's state has POSTED",
                  f"action_state row: {row}; all: "
                  f"{db.execute('SELECT * FROM action_state').fetchall()}")
        count = db.execute("SELECT COUNT(*) FROM events WHERE subscription_url = ? AND action_id = ?"
                           " AND kind = ?", (feed_url, first_id, STATE_POSTED)).fetchone()[0]
        tap.check(count == 1, "one POSTED event is recorded",
                  f"events: {db.execute('SELECT * FROM events').fetchall()}")
        draft = db.execute("SELECT text FROM drafts WHERE subscription_url = ? AND action_id = ?",
                           (feed_url, first_id)).fetchone()
        tap.check(draft is not None and draft[0] == REPLY, "the draft is the reply typed",
                  f"draft: {draft!r}")
        db.close()
    else:
        why = "an earlier step failed" if tap.failed else f"{db_path} does not exist"
        for what in CHECKS[:-1]:
            tap.not_ok(what, why)

    # --- what the app printed ------------------------------------------------------------------
    log = ""
    try:
        with open(os.path.join(home, "app.log"), errors="replace") as f:
            log = f.read()
    except OSError:
        pass
    bad = [line for line in log.splitlines() if "-CRITICAL **" in line or "-ERROR **" in line]
    tap.check(app is not None and not bad, "the app printed no critical message",
              "\n".join(bad[:20]) or "the app did not run")
    warnings = [line for line in log.splitlines() if "-WARNING **" in line]
    if warnings:
        tap.comment("the app's warnings:\n" + "\n".join(warnings[:20]))

    assert tap.n == PLAN, f"{tap.n} results for a plan of {PLAN}"
    tap.comment(f"{time.monotonic() - tap.start:.1f} s")
    if tap.failed == 0:
        shutil.rmtree(home, ignore_errors=True)
    else:
        tap.comment(f"kept {home} for inspection")
    return 1 if tap.failed else 0


if __name__ == "__main__":
    sys.exit(main())
