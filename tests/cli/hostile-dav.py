#!/usr/bin/python3
# A server on 127.0.0.1 that answers a publisher badly, for tests/cli/test-rempart-feed-publish.sh.
#   hostile-dav.py MODE   prints its port, then serves until killed (at most 120 s).
# MODE: huge (a 20 MiB answer to GET), headers (endless headers), silent (reads, never
# answers), precondition (GET 200, every PUT 412), error (GET 404, every PUT 500).
import socket
import sys
import threading
import time

mode = sys.argv[1]
server = socket.socket()
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", 0))
server.listen(8)
print(server.getsockname()[1], flush=True)
end = time.time() + 120


def read_request(conn):
    data = b""
    while b"\r\n\r\n" not in data and len(data) < 65536:
        chunk = conn.recv(65536)
        if not chunk:
            return None, b""
        data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(rest) < length:
        chunk = conn.recv(65536)
        if not chunk:
            break
        rest += chunk
    return head.split(b" ")[0], rest


def answer(conn, status, body=b"", headers=b""):
    conn.sendall(b"HTTP/1.1 %s\r\nContent-Length: %d\r\n%s\r\n" % (status, len(body), headers) + body)


def serve(conn):
    try:
        while time.time() < end:
            method, _ = read_request(conn)
            if method is None:
                return
            if mode == "huge":
                size = 20 * 1024 * 1024
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\nETag: \"x\"\r\n\r\n" % size)
                block = b"{" * 65536
                for _ in range(size // len(block)):
                    conn.sendall(block)
            elif mode == "headers":
                conn.sendall(b"HTTP/1.1 200 OK\r\n")
                i = 0
                while time.time() < end:
                    conn.sendall(b"X-Filler-%d: %s\r\n" % (i, b"a" * 100))
                    i += 1
            elif mode == "silent":
                time.sleep(max(0, end - time.time()))
            elif mode == "precondition":
                if method == b"GET":
                    answer(conn, b"200 OK", b'{"version": "https://jsonfeed.org/version/1.1"}',
                           b'ETag: "theirs"\r\n')
                else:
                    answer(conn, b"412 Precondition Failed")
            elif mode == "error":
                if method == b"GET":
                    answer(conn, b"404 Not Found")
                else:
                    answer(conn, b"500 Internal Server Error")
    except OSError:
        pass
    finally:
        conn.close()


server.settimeout(1)
while time.time() < end:
    try:
        conn, _ = server.accept()
    except socket.timeout:
        continue
    threading.Thread(target=serve, args=(conn,), daemon=True).start()
