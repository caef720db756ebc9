#!/usr/bin/python3
# Takes the screenshots of build-aux/screenshots.sh: runs the real app on the demo feed,
# drives it over AT-SPI (atspi_helpers.py, shared with test-e2e.py) and captures the X screen
# with ImageMagick's import. Run inside xvfb-run and dbus-run-session, with a screen of
# WIDTHxHEIGHT; ADW_DEBUG_COLOR_SCHEME in the environment picks light or dark.
#
#   screenshots.py BUILD_ROOT SOURCE_ROOT OUTDIR WIDTH HEIGHT SUFFIX SHOT...
#
# SHOT is main, composer, session or preferences; each is written to SHOT-SUFFIX.png, from a
# fresh start of the app with its own temporary folders.

import os
import shutil
import subprocess
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import atspi_helpers as h  # noqa: E402

DEMO_ACTION = "Example: a post claims crime doubled because of newcomers"
QUEUED_ACTIONS = [DEMO_ACTION, "Example: a local team’s new player is targeted in comments"]
# Appended to a template's text so that the tone check has something to say.
TONE_TRIGGER = " Honestly, you are clueless if you share this."
SETTLE = 1.2  # seconds for transitions and the text cursor's first blink to end


def start(build_root, source_root, width, height):
    home = h.make_home("rempart-shot-")
    settings = os.path.join(home, "config", "glib-2.0", "settings")
    os.makedirs(settings)
    with open(os.path.join(settings, "keyfile"), "w") as f:
        f.write(f"[io/github/rempart/Rempart]\nwindow-width={width}\nwindow-height={height}\n"
                "window-maximized=false\n")
    # GNOME's own title bar buttons (close only), not GTK's fallback with minimize and maximize.
    gtk_settings = os.path.join(home, "config", "gtk-4.0")
    os.makedirs(gtk_settings)
    with open(os.path.join(gtk_settings, "settings.ini"), "w") as f:
        f.write("[Settings]\ngtk-decoration-layout=appmenu:close\n")
    env = h.app_environment(build_root, source_root, home, settings_backend="keyfile")
    app = h.App([os.path.join(build_root, "src", "rempart")], env, os.path.join(home, "app.log"))
    try:
        atspi_app = h.find_application(pid=app.pid)
        window = h.wait_window(atspi_app, name_is="Rempart")
        actions = h.wait_find(window, "list", name_is="Actions")
        h.wait_find(actions, "label", name_is=DEMO_ACTION)
    except Exception:
        app.stop()
        raise
    return home, app, atspi_app, window


def rest_pointer():
    """Off the widgets: no hover highlight in the picture."""
    h.pyatspi.Registry.generateMouseEvent(0, 0, "abs")


def open_action(window, title):
    actions = h.wait_find(window, "list", name_is="Actions")
    label = h.wait_find(actions, "label", name_is=title)
    h.activate_list_item(h.ancestor(label, "list item"))
    h.wait_find(window, "heading", name_is=title)
    rest_pointer()


def open_composer_with_template(window):
    h.press(window, h.button_label("Write a Reply"))
    view = h.wait_find(window, "text", name_is="Reply", pred=h.is_sensitive)
    # The menu button and the toggle button inside it share the name; only the inner one acts.
    menu = h.wait_find(window, None, name_is="Start From a Template",
                       pred=lambda a: h.is_sensitive(a) and h.has_action(a))
    h.do_action(menu)
    app = window.parent
    templates = h.wait_for("the template list", lambda: h.find(app, "list", name_is="Templates"))
    first = h.wait_find(templates, "list item")
    h.click(first)
    h.wait_for("the template's text in the reply", lambda: len(h.text_of(view) or "") > 20)
    rest_pointer()
    return view


def capture(path, window=None):
    """The whole screen, or only WINDOW, found by its title: GTK 4.8 gives AT-SPI positions
    relative to the window itself, so where a dialog sits on the screen is X's to say."""
    time.sleep(SETTLE)
    target = "root" if window is None else h.name(window)
    subprocess.run(["import", "-window", target, path], check=True, timeout=30)
    print(f"wrote {path}", flush=True)


def shot_main(window, path):
    open_action(window, DEMO_ACTION)
    capture(path)


def shot_composer(window, path):
    open_action(window, DEMO_ACTION)
    view = open_composer_with_template(window)
    text = h.text_of(view)
    h.set_text(view, text.rstrip() + TONE_TRIGGER)
    hints = h.wait_find(window, "list", name_is="Tone Hints")
    h.wait_find(hints, "list item")
    capture(path)


def shot_session(window, path):
    for title in QUEUED_ACTIONS:
        open_action(window, title)
        open_composer_with_template(window)
        h.press(window, h.button_label("Add to Queue"))
        h.wait_for(f"“{title}” to be queued",
                   lambda: not h.find(window, "push button", name_is=h.button_label("Add to Queue"),
                                      pred=h.is_sensitive) or True)
        time.sleep(0.5)
    h.press(window, h.button_label("Start Today’s Session"))
    session = h.wait_window(window.parent, name_is="Session")
    h.wait_find(session, "push button", name_is=h.button_label("Mark as Posted"))
    rest_pointer()
    capture(path, session)


def shot_preferences(window, path):
    h.press(window, h.button_label("Add a Group…"))
    prefs = h.wait_window(window.parent, name_is="Preferences")
    h.press(prefs, "Back")
    h.wait_find(prefs, "list", name_is="Groups You Follow")
    rest_pointer()
    capture(path, prefs)


SHOTS = {
    "main": shot_main,
    "composer": shot_composer,
    "session": shot_session,
    "preferences": shot_preferences,
}


def main():
    if len(sys.argv) < 8:
        print(__doc__ or "usage: screenshots.py BUILD SOURCE OUTDIR WIDTH HEIGHT SUFFIX SHOT...",
              file=sys.stderr)
        return 2
    build_root, source_root, outdir = (os.path.abspath(a) for a in sys.argv[1:4])
    width, height, suffix = int(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
    shots = sys.argv[7:]
    for shot in shots:
        if shot not in SHOTS:
            print(f"unknown shot {shot}: one of {', '.join(SHOTS)}", file=sys.stderr)
            return 2
    why = h.have_accessibility_bus()
    if why:
        print(f"cannot take screenshots: {why}", file=sys.stderr)
        return 1
    h.hold_display()
    failed = 0
    for shot in shots:
        path = os.path.join(outdir, f"{shot}-{suffix}.png")
        home, app, atspi_app, window = None, None, None, None
        try:
            home, app, atspi_app, window = start(build_root, source_root, width, height)
            SHOTS[shot](window, path)
        except Exception as error:
            failed += 1
            print(f"{shot}-{suffix}: failed: {error}", file=sys.stderr)
            if atspi_app is not None:
                for win in h.windows(atspi_app):
                    print(h.dump_tree(win, prefix="  "), file=sys.stderr)
            if home is not None and app is not None:
                app.log.flush()
                with open(os.path.join(home, "app.log"), errors="replace") as f:
                    sys.stderr.write(f.read()[-3000:])
        finally:
            if app is not None:
                app.stop()
            if home is not None:
                shutil.rmtree(home, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
