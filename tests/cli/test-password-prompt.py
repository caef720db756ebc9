#!/usr/bin/python3
# rempart-feed's password prompts on a real terminal (a pty): nothing typed is echoed, keygen
# asks twice and refuses two different passwords, and Ctrl+C at a prompt gives the terminal
# back with its echo on. TAP output.
#   test-password-prompt.py BUILD_ROOT
import fcntl
import os
import select
import signal
import subprocess
import sys
import tempfile
import termios
import time

tool = os.path.join(os.path.abspath(sys.argv[1]), "src", "cli", "rempart-feed")
results = []


def check(condition, what, detail=""):
    results.append(condition)
    print("%s %d - %s" % ("ok" if condition else "not ok", len(results), what))
    if not condition and detail:
        for line in str(detail).splitlines()[:20]:
            print("# " + line)


class Terminal:
    """rempart-feed on a pty whose slave we keep open, to read its settings after it exits."""

    def __init__(self, *args, cwd):
        self.master, self.slave = os.openpty()
        attrs = termios.tcgetattr(self.slave)
        attrs[3] |= termios.ECHO | termios.ICANON | termios.ISIG
        termios.tcsetattr(self.slave, termios.TCSANOW, attrs)

        def controlling_terminal():
            os.setsid()
            fcntl.ioctl(0, termios.TIOCSCTTY, 0)

        self.process = subprocess.Popen([tool, *args], cwd=cwd, stdin=self.slave,
                                        stdout=self.slave, stderr=self.slave,
                                        preexec_fn=controlling_terminal, close_fds=True)
        self.output = b""

    def read_until(self, text, seconds=20):
        """Reads the terminal until @text appears; bounded in time."""
        end = time.monotonic() + seconds
        while text.encode() not in self.output and time.monotonic() < end:
            ready, _, _ = select.select([self.master], [], [], 0.1)
            if ready:
                try:
                    self.output += os.read(self.master, 4096)
                except OSError:
                    break
        return text.encode() in self.output

    def echo_on(self):
        return bool(termios.tcgetattr(self.slave)[3] & termios.ECHO)

    def wait_echo_off(self, seconds=10):
        end = time.monotonic() + seconds
        while self.echo_on() and time.monotonic() < end:
            time.sleep(0.02)
        return not self.echo_on()

    def type(self, text):
        os.write(self.master, text.encode())

    def wait(self, seconds=120):
        try:
            status = self.process.wait(timeout=seconds)
        except subprocess.TimeoutExpired:
            self.process.kill()
            status = self.process.wait()
        self.read_until("\0", 0.5)  # whatever is left
        return status

    def close(self):
        os.close(self.master)
        os.close(self.slave)


with tempfile.TemporaryDirectory() as work:
    # Two different passwords: refused, no key written, nothing typed shown.
    term = Terminal("keygen", "-p", "a.pub", "-s", "a.key", cwd=work)
    check(term.read_until("Password for the new secret key"), "keygen asks for a password",
          term.output)
    check(term.wait_echo_off(), "the echo is off while the password is typed")
    term.type("first secret\n")
    check(term.read_until("The same password again"), "keygen asks for it a second time",
          term.output)
    term.wait_echo_off()
    term.type("second secret\n")
    status = term.wait()
    check(status == 1, "two different passwords: exit 1", "exit %s" % status)
    check(b"not the same" in term.output, "the refusal says why", term.output)
    check(b"first secret" not in term.output and b"second secret" not in term.output,
          "nothing typed was echoed", term.output)
    check(not os.path.exists(os.path.join(work, "a.key")), "no key was written")
    check(term.echo_on(), "the echo is back on afterwards")
    term.close()

    # The same password twice: a key that opens with it.
    term = Terminal("keygen", "-p", "b.pub", "-s", "b.key", cwd=work)
    term.read_until("Password for the new secret key")
    term.wait_echo_off()
    term.type("same secret\n")
    term.read_until("The same password again")
    term.wait_echo_off()
    term.type("same secret\n")
    status = term.wait()
    check(status == 0 and os.path.exists(os.path.join(work, "b.key")),
          "the same password twice: the key is written", term.output)
    term.close()
    with open(os.path.join(work, "feed.json"), "w") as f:
        f.write('{"version": "https://jsonfeed.org/version/1.1", "title": "t", "items": []}')
    with open(os.path.join(work, "pw.txt"), "w") as f:
        f.write("same secret\n")
    signed = subprocess.run([tool, "sign", "feed.json", "-s", "b.key", "--password-file",
                             "pw.txt"], cwd=work, capture_output=True, timeout=120)
    check(signed.returncode == 0, "that password opens the key", signed.stderr)

    # Ctrl+C at each kind of prompt: the process ends by SIGINT and the echo is back on.
    for what, args, prompt in (
            ("keygen", ("keygen", "-p", "c.pub", "-s", "c.key"), "Password for the new"),
            ("keygen's second prompt", ("keygen", "-p", "c.pub", "-s", "c.key"), "The same"),
            ("sign", ("sign", "feed.json", "-s", "b.key"), "Password of the secret key"),
            ("publish's server password",
             ("publish", "feed.json", "http://127.0.0.1:9/feed.json", "-s", "b.key",
              "--password-file", "pw.txt", "-u", "moderator", "--no-keyring"), "Password of moderator")):
        term = Terminal(*args, cwd=work)
        if prompt == "The same":
            term.read_until("Password for the new")
            term.wait_echo_off()
            term.type("x\n")
        check(term.read_until(prompt), "%s: the prompt is shown" % what, term.output)
        check(term.wait_echo_off(), "%s: the echo is off at the prompt" % what)
        term.type("half-typed\x03")
        status = term.wait(30)
        check(status == -signal.SIGINT, "%s: Ctrl+C ends it (SIGINT)" % what, "exit %s" % status)
        check(term.echo_on(), "%s: the terminal echoes again after Ctrl+C" % what)
        check(b"half-typed" not in term.output, "%s: nothing typed was shown" % what, term.output)
        term.close()

print("1..%d" % len(results))
