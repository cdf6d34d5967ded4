"""Listening sockets, and the server run in a background thread of the current process.

For tests, benchmarks and notebooks that want a live endpoint on 127.0.0.1 and its address; the
command line runs the same application in the foreground instead.
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import threading
import time
from collections.abc import Iterator

import uvicorn

from ..errors import RuntimeFailure
from .app import Endpoint, ServeConfig

STARTUP_SECONDS = 60.0


def listen(host: str, port: int) -> socket.socket:
    """A bound listening socket, or a one-line error (port taken, unknown address)."""
    try:
        family = socket.AF_INET6 if ipaddress.ip_address(host).version == 6 else socket.AF_INET
    except ValueError:
        family = socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        # Accepted connections inherit this: without it a response written in two parts
        # (head, body) waits for the client's delayed acknowledgement, about 40 ms.
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock.bind((host, port))
        sock.listen(128)
    except OSError as exc:
        sock.close()
        raise RuntimeFailure(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc
    return sock


@contextlib.contextmanager
def serving(config: ServeConfig, host: str = "127.0.0.1", port: int = 0) -> Iterator[str]:
    """Yield the base URL (``http://127.0.0.1:PORT``) while the server answers; port 0 picks a
    free one. The workers are started before the first request is accepted."""
    endpoint = Endpoint(config)
    endpoint.start()
    sock = listen(host, port)
    server = uvicorn.Server(uvicorn.Config(endpoint.app, log_level="warning",
                                           timeout_graceful_shutdown=2))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the server did not start")
            time.sleep(0.01)
        bound_host, bound_port = sock.getsockname()[:2]
        yield f"http://{bound_host}:{bound_port}"
    finally:
        server.should_exit = True
        thread.join(10)
        endpoint.stop()
        sock.close()
