"""Keep audited sites from reaching inside: no private, loopback, link-local or metadata addresses.

A hostile page can point the auditor's browser at 127.0.0.1, the LAN or the cloud
metadata service (169.254.169.254): as the site itself, through a redirect, or as an
image, script or WebSocket. Request interception in the browser does not see redirects,
so the guard sits where every connection must pass: a small forward proxy the browser
is started with. For each connection it resolves the host once, refuses if any address
is not public, and connects to the very address it checked, so a DNS answer that
changes between check and use (rebinding) gains nothing.

``--allow-private`` (the demo, intranet audits) starts the browser without it. Tests use
the opposite policy, ``loopback_only``: the fixture sites on 127.0.0.1 load, anything else
(the images and scripts real footers reference) is refused without even a DNS lookup, so a
test run never sends traffic off the machine.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import logging
import socket
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

log = logging.getLogger(__name__)
IpAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
BLOCK_HEADER = "X-Auditor-Blocked"
CONNECT_TIMEOUT_S = 15.0
IDLE_TIMEOUT_S = 60.0


def is_public_ip(ip: IpAddress) -> bool:
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not (ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast
                                 or ip.is_reserved or ip.is_unspecified)


@dataclass(frozen=True)
class Resolution:
    address: str | None  # the address to connect to, when allowed
    problem: str | None  # why not: private address, or the lookup failed
    private: bool = False


def resolve_loopback(host: str) -> Resolution:
    """The test policy: loopback addresses only, decided without any lookup."""
    if host.lower() == "localhost":
        return Resolution("127.0.0.1", None)
    try:
        literal = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return Resolution(None, f"{host} is outside this machine (loopback-only run)")
    if literal.is_loopback:
        return Resolution(str(literal), None)
    return Resolution(None, f"{host} is outside this machine (loopback-only run)")


async def resolve(host: str) -> Resolution:
    """Resolve `host`; allowed only if every address it resolves to is public."""
    try:
        literal = ipaddress.ip_address(host.strip("[]"))
        if not is_public_ip(literal):
            return Resolution(None, f"{host} is a private or reserved address", private=True)
        return Resolution(str(literal), None)
    except ValueError:
        pass
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(host, None, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        return Resolution(None, f"DNS lookup of {host} failed ({exc})")
    addresses = [ipaddress.ip_address(str(info[4][0]).split("%", 1)[0]) for info in infos]
    for address in addresses:
        if not is_public_ip(address):
            return Resolution(None, f"{host} resolves to {address}, a private or reserved address", private=True)
    return Resolution(str(addresses[0]), None) if addresses else Resolution(None, f"{host} has no address")


@dataclass
class EgressProxy:
    """An HTTP(S) forward proxy on 127.0.0.1 that only connects to public addresses."""

    loopback_only: bool = False  # the test policy (see the module docstring)
    problems: dict[str, Resolution] = field(default_factory=dict)  # host → why it was refused
    _server: asyncio.Server | None = None

    @property
    def address(self) -> str:
        assert self._server is not None
        host, port = self._server.sockets[0].getsockname()[:2]
        return f"http://{host}:{port}"

    async def start(self) -> EgressProxy:
        self._server = await asyncio.start_server(self._handle, "127.0.0.1", 0, limit=1 << 16)
        return self

    async def close(self) -> None:
        if self._server is not None:
            self._server.close()
            with contextlib.suppress(Exception):
                await self._server.wait_closed()

    def refusal_for(self, url: str) -> str | None:
        """Why a URL the browser tried was refused by us, if it was."""
        try:
            host = (urlsplit(url).hostname or "").lower()
        except ValueError:
            return None
        resolution = self.problems.get(host)
        return resolution.problem if resolution else None

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            async with asyncio.timeout(IDLE_TIMEOUT_S):
                head = await reader.readuntil(b"\r\n\r\n")
            method, target, version = head.split(b"\r\n", 1)[0].decode("latin-1").split(" ", 2)
            if method.upper() == "CONNECT":
                await self._tunnel(target, reader, writer)
            else:
                await self._forward(method, target, version, head, reader, writer)
        except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, TimeoutError, ValueError,
                ConnectionError, OSError):
            pass
        finally:
            with contextlib.suppress(Exception):
                writer.close()

    async def _open(self, host: str, port: int) -> tuple[asyncio.StreamReader, asyncio.StreamWriter] | Resolution:
        resolution = resolve_loopback(host) if self.loopback_only else await resolve(host)
        if resolution.address is None:
            self.problems[host.lower()] = resolution
            return resolution
        try:
            async with asyncio.timeout(CONNECT_TIMEOUT_S):
                streams = await asyncio.open_connection(resolution.address, port)
            self.problems.pop(host.lower(), None)  # an earlier failure was passing
            return streams
        except (OSError, TimeoutError) as exc:
            failure = Resolution(None, f"connection to {host}:{port} failed ({exc or 'timeout'})")
            self.problems[host.lower()] = failure
            return failure

    async def _tunnel(self, target: str, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        host, _, port = target.rpartition(":")
        upstream = await self._open(host.strip("[]"), int(port or 443))
        if isinstance(upstream, Resolution):
            writer.write(f"HTTP/1.1 403 Forbidden\r\n{BLOCK_HEADER}: 1\r\nContent-Length: 0\r\n\r\n".encode())
            await writer.drain()
            return
        writer.write(b"HTTP/1.1 200 Connection Established\r\n\r\n")
        await writer.drain()
        await _pipe_both(reader, writer, *upstream)

    async def _forward(self, method: str, target: str, version: str, head: bytes,
                       reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        parts = urlsplit(target)
        host = parts.hostname or ""
        upstream = await self._open(host, parts.port or 80)
        if isinstance(upstream, Resolution):
            body = f"not loaded: {upstream.problem}".encode()
            writer.write(f"HTTP/1.1 403 Forbidden\r\n{BLOCK_HEADER}: 1\r\nContent-Type: text/plain\r\n"
                         f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n".encode() + body)
            await writer.drain()
            return
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        headers = [line for line in head.split(b"\r\n")[1:] if line and not line.lower().startswith(
            (b"proxy-connection:", b"connection:", b"keep-alive:"))]
        up_reader, up_writer = upstream
        up_writer.write(f"{method} {path} {version}\r\n".encode("latin-1") + b"\r\n".join(headers)
                        + b"\r\nConnection: close\r\n\r\n")
        await _pipe_both(reader, writer, up_reader, up_writer)


@dataclass
class _Activity:
    """When a connection last carried data, either way: it is idle only when both ways are."""

    last: float = field(default_factory=time.monotonic)


async def _pipe(source: asyncio.StreamReader, sink: asyncio.StreamWriter, activity: _Activity) -> None:
    with contextlib.suppress(ConnectionError, OSError, asyncio.IncompleteReadError):
        while True:
            try:
                async with asyncio.timeout(IDLE_TIMEOUT_S):
                    data = await source.read(1 << 16)
            except TimeoutError:
                if time.monotonic() - activity.last < IDLE_TIMEOUT_S:
                    continue  # a slow download: the request side is quiet while the answer still comes
                break
            if not data:
                break
            activity.last = time.monotonic()
            sink.write(data)
            await sink.drain()
    with contextlib.suppress(Exception):
        sink.close()


async def _pipe_both(client_reader: asyncio.StreamReader, client_writer: asyncio.StreamWriter,
                     up_reader: asyncio.StreamReader, up_writer: asyncio.StreamWriter) -> None:
    activity = _Activity()
    await asyncio.gather(_pipe(client_reader, up_writer, activity), _pipe(up_reader, client_writer, activity))


async def start_guard(allow_private: bool, loopback_only: bool) -> EgressProxy | None:
    """The proxy a run's browser must go through, or None when private addresses are allowed."""
    if allow_private and not loopback_only:
        return None
    return await EgressProxy(loopback_only=loopback_only).start()


def refused_message(problem: str) -> str:
    return f"not audited: {problem} (run with --allow-private to audit internal sites)"
