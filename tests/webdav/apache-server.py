#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs a private Apache httpd with mod_dav as the sync tests' WebDAV server.

Usage: apache-server.py [--deflate] [--user NAME --password SECRET]

Writes a config and an htpasswd into a temporary folder, starts apache2
on a free 127.0.0.1 port in the foreground (-X) and prints one line,
"PORT <n>". Then it reads commands from standard input, one a line, and
answers each with "ok" once done:

  stop      stop the server (connections are refused until "start")
  start     start it again on the same port, with the same data
  age       date every file back by a minute: Apache calls the ETag of a
            file written in the last second weak and then fails If-Match
            on it, which tests of the client alone must not depend on
  quit      stop it and remove the folder (so does the end of input)

Apache is the test server because its conditional requests are correct
(nginx and rclone ignore If-Match). As root, Apache refuses to serve as
root, so the data folder then belongs to "nobody" and the server drops
to it.
"""

import argparse
import base64
import hashlib
import os
import pwd
import grp
import shutil
import socket
import subprocess
import sys
import tempfile
import time

MODULES_DIR = "/usr/lib/apache2/modules"
MODULES = [
    "mpm_prefork", "authn_core", "authn_file", "authz_core", "authz_user",
    "auth_basic", "dav", "dav_fs",
]
STARTUP_ATTEMPTS = 200


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def write_config(folder, port, deflate, run_as):
    modules = MODULES + (["filter", "deflate"] if deflate else [])
    lines = [f"LoadModule {name}_module {MODULES_DIR}/mod_{name}.so" for name in modules]
    lines += [
        f"ServerRoot {folder}",
        "ServerName 127.0.0.1",
        f"Listen 127.0.0.1:{port}",
        f"PidFile {folder}/httpd.pid",
        f"ErrorLog {folder}/error.log",
        "LogLevel warn",
        f"DocumentRoot {folder}/dav",
        f"DavLockDB {folder}/lock/DavLock",
        # Small, so that the tests see requests on fresh connections too.
        "KeepAliveTimeout 2",
        "MaxRequestWorkers 8",
        "StartServers 2",
        f"<Directory {folder}/dav>",
        "  Dav On",
        "  AuthType Basic",
        "  AuthName timestamps-test",
        f"  AuthUserFile {folder}/htpasswd",
        "  Require valid-user",
    ]
    if deflate:
        # Apache then answers with ETags ending in -gzip, and fails its own
        # If-Match on them: what the sync client has to cope with.
        lines += ["  SetOutputFilter DEFLATE"]
    lines += ["</Directory>"]
    if deflate:
        lines += ["DeflateCompressionLevel 1"]
    if run_as is not None:
        lines += [f"User {run_as[0]}", f"Group {run_as[1]}"]
    with open(os.path.join(folder, "httpd.conf"), "w", encoding="utf-8") as config:
        config.write("\n".join(lines) + "\n")


def write_htpasswd(folder, user, password):
    # {SHA}: what `htpasswd -s` writes, without needing apache2-utils.
    digest = base64.b64encode(hashlib.sha1(password.encode()).digest()).decode()
    with open(os.path.join(folder, "htpasswd"), "w", encoding="utf-8") as htpasswd:
        htpasswd.write(f"{user}:{{SHA}}{digest}\n")


def wait_listening(port, process, folder):
    for _ in range(STARTUP_ATTEMPTS):
        if process.poll() is not None:
            reasons = []
            for name in ("stderr.log", "error.log"):
                if os.path.exists(os.path.join(folder, name)):
                    with open(os.path.join(folder, name), encoding="utf-8", errors="replace") as log:
                        reasons.append(log.read())
            sys.exit(f"apache2 exited at start ({process.returncode}): {''.join(reasons)}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.05)
    sys.exit(f"apache2 did not listen on 127.0.0.1:{port}")


def age_files(dav):
    past = time.time() - 60
    for name in os.listdir(dav):
        os.utime(os.path.join(dav, name), (past, past))


class Server:
    def __init__(self, folder, port):
        self.folder = folder
        self.port = port
        self.process = None

    def start(self):
        with open(os.path.join(self.folder, "stderr.log"), "ab") as stderr:
            self.process = subprocess.Popen(
                ["apache2", "-X", "-f", os.path.join(self.folder, "httpd.conf")],
                stdin=subprocess.DEVNULL, stdout=stderr, stderr=stderr, cwd=self.folder)
        wait_listening(self.port, self.process, self.folder)

    def stop(self):
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--deflate", action="store_true")
    parser.add_argument("--user", default="dj")
    parser.add_argument("--password", default="secret")
    args = parser.parse_args()

    if shutil.which("apache2") is None:
        sys.exit("apache2 is not installed; build-aux/install-deps.sh installs it")

    folder = tempfile.mkdtemp(prefix="ts-webdav-")
    run_as = None
    try:
        os.mkdir(os.path.join(folder, "dav"))
        os.mkdir(os.path.join(folder, "lock"))
        if os.getuid() == 0:
            run_as = ("nobody", grp.getgrgid(pwd.getpwnam("nobody").pw_gid).gr_name)
            os.chmod(folder, 0o755)
            for name in ("dav", "lock"):
                shutil.chown(os.path.join(folder, name), run_as[0], run_as[1])
        port = free_port()
        write_config(folder, port, args.deflate, run_as)
        write_htpasswd(folder, args.user, args.password)
        if run_as is not None:
            os.chmod(os.path.join(folder, "htpasswd"), 0o644)

        server = Server(folder, port)
        server.start()
        print(f"PORT {port}", flush=True)
        try:
            for line in sys.stdin:
                command = line.strip()
                if command == "stop":
                    server.stop()
                elif command == "start":
                    server.start()
                elif command == "age":
                    age_files(os.path.join(folder, "dav"))
                elif command == "quit":
                    break
                else:
                    print(f"unknown command {command!r}", file=sys.stderr)
                    continue
                print("ok", flush=True)
        finally:
            server.stop()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
