#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""An HTTP proxy on 127.0.0.1 that breaks requests on purpose, seeded.

Usage: fault-proxy.py --upstream-port N --seed S [--rate R]

Prints "PORT <n>" and forwards each request to 127.0.0.1:N on a
connection of its own. With probability R (0.25 by default) a request
meets one of these faults, picked by a random generator seeded with S:

  drop        the connection closes before the request reaches the server
  drop-late   the server does the request, the answer is lost
  error-500   the proxy answers 500 and the server sees nothing
  cut         the server does the request, half the answer arrives
  delay       the answer arrives late, but whole

Commands on standard input, each answered by one line:

  on / off    turn the faults on or off ("ok")
  down-after N  pass N more requests, then drop every one, as a server
              that stopped would, until "on" or "off" ("ok")
  status N    answer the next request with HTTP status N, as a full
              (507) or locked (423) server would ("ok")
  counts      "requests <n> faults <n> drop <n> drop-late <n> …"
  quit        exit (so does the end of input)
"""

import argparse
import asyncio
import random
import sys

FAULTS = ("drop", "drop-late", "error-500", "cut", "delay")
MAX_HEAD = 64 * 1024
ERROR_500 = (b"HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/plain\r\n"
             b"Content-Length: 15\r\nConnection: close\r\n\r\ninjected fault\n")


def status_answer(status):
    return (f"HTTP/1.1 {status} Injected\r\nContent-Type: text/plain\r\n"
            f"Content-Length: 0\r\nConnection: close\r\n\r\n").encode("ascii")


class Proxy:
    def __init__(self, upstream_port, seed, rate):
        self.upstream_port = upstream_port
        self.random = random.Random(seed)
        self.rate = rate
        self.enabled = True
        self.down_after = None
        self.next_status = None
        self.requests = 0
        self.counts = {fault: 0 for fault in FAULTS}

    def pick_fault(self):
        self.requests += 1
        if self.down_after is not None:
            if self.down_after == 0:
                return "drop"
            self.down_after -= 1
            return None
        if not self.enabled or self.random.random() >= self.rate:
            return None
        fault = self.random.choice(FAULTS)
        self.counts[fault] += 1
        return fault

    def describe(self):
        faults = sum(self.counts.values())
        details = " ".join(f"{fault} {count}" for fault, count in self.counts.items())
        return f"requests {self.requests} faults {faults} {details}"

    async def read_request(self, reader):
        head = await reader.readuntil(b"\r\n\r\n")
        if len(head) > MAX_HEAD:
            raise ValueError("request head too large")
        lines = head.decode("latin-1").split("\r\n")
        headers = []
        length = 0
        for line in lines[1:]:
            if not line:
                continue
            name, _, value = line.partition(":")
            if name.strip().lower() == "content-length":
                length = int(value.strip())
            if name.strip().lower() in ("connection", "keep-alive"):
                continue
            headers.append(line)
        body = await reader.readexactly(length) if length else b""
        # One request a connection: the server closes after answering, so
        # the answer's end is the end of the stream.
        rewritten = "\r\n".join([lines[0]] + headers + ["Connection: close", "", ""])
        return rewritten.encode("latin-1") + body

    async def forward(self, request):
        reader, writer = await asyncio.open_connection("127.0.0.1", self.upstream_port)
        try:
            writer.write(request)
            await writer.drain()
            return await reader.read()
        finally:
            writer.close()

    async def serve(self, client_reader, client_writer):
        try:
            await self.answer(client_reader, client_writer)
        except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError, ValueError):
            pass
        finally:
            client_writer.close()

    async def answer(self, client_reader, client_writer):
        request = await self.read_request(client_reader)
        if self.next_status is not None:
            client_writer.write(status_answer(self.next_status))
            await client_writer.drain()
            self.requests += 1
            self.next_status = None
            return
        fault = self.pick_fault()
        if fault == "drop":
            return
        if fault == "error-500":
            client_writer.write(ERROR_500)
            await client_writer.drain()
            return
        answer = await self.forward(request)
        if fault == "drop-late":
            return
        if fault == "cut":
            answer = answer[: len(answer) // 2]
        elif fault == "delay":
            await asyncio.sleep(self.random.uniform(0.05, 0.3))
        client_writer.write(answer)
        await client_writer.drain()

    async def commands(self):
        loop = asyncio.get_running_loop()
        while True:
            line = await loop.run_in_executor(None, sys.stdin.readline)
            command = line.strip()
            if not line or command == "quit":
                return
            if command in ("on", "off"):
                self.enabled = command == "on"
                self.down_after = None
                print("ok", flush=True)
            elif command.startswith("status "):
                self.next_status = int(command.split()[1])
                print("ok", flush=True)
            elif command.startswith("down-after "):
                self.down_after = int(command.split()[1])
                print("ok", flush=True)
            elif command == "counts":
                print(self.describe(), flush=True)
            else:
                print(f"unknown command {command!r}", flush=True)


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--upstream-port", type=int, required=True)
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--rate", type=float, default=0.25)
    args = parser.parse_args()

    proxy = Proxy(args.upstream_port, args.seed, args.rate)
    server = await asyncio.start_server(proxy.serve, "127.0.0.1", 0, limit=MAX_HEAD)
    port = server.sockets[0].getsockname()[1]
    print(f"PORT {port}", flush=True)
    async with server:
        await proxy.commands()
    print(proxy.describe(), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
