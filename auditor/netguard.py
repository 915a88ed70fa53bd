"""Keep audited sites from reaching inside: no private, loopback, link-local or metadata addresses.

A hostile page can point the auditor's browser at 127.0.0.1, the LAN or the cloud
metadata service (169.254.169.254): as the site itself, through a redirect, or as an
image or script. Every request the browser makes is checked here (the host is resolved
and every address it resolves to must be public) unless the run allows private
addresses (``--allow-private``: tests, the demo, intranet audits).

Known limit: Chromium resolves the name again itself, so a DNS server that answers
differently the second time (rebinding) is not caught; audits of untrusted sites that
must be airtight should also run in a network namespace without inside routes.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from urllib.parse import urlsplit

from playwright.async_api import BrowserContext, Route, WebSocketRoute

IpAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def is_public_ip(ip: IpAddress) -> bool:
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not (ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast
                                 or ip.is_reserved or ip.is_unspecified)


class NetGuard:
    """Decides per host, caching answers for the run; `blocked` remembers what was refused."""

    def __init__(self) -> None:
        self._verdicts: dict[str, str | None] = {}
        self.blocked: list[str] = []

    async def refusal(self, url: str) -> str | None:
        """Why `url` must not be loaded, or None when it may."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https", "ws", "wss"):
            return None  # data:, blob: and about: never leave the browser
        host = (parts.hostname or "").lower()
        if host not in self._verdicts:
            self._verdicts[host] = await self._judge(host)
        return self._verdicts[host]

    async def _judge(self, host: str) -> str | None:
        try:
            literal = ipaddress.ip_address(host)
            return None if is_public_ip(literal) else f"{host} is a private or reserved address"
        except ValueError:
            pass
        try:
            infos = await asyncio.get_running_loop().getaddrinfo(host, None, type=socket.SOCK_STREAM)
        except (OSError, UnicodeError):
            return None  # let the browser fail the lookup itself: that is an ordinary "unreachable"
        for info in infos:
            address = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
            if not is_public_ip(address):
                return f"{host} resolves to {address}, a private or reserved address"
        return None

    async def install(self, context: BrowserContext) -> None:
        async def guard(route: Route) -> None:
            reason = await self.refusal(route.request.url)
            if reason is None:
                await route.continue_()
            else:
                self.blocked.append(f"{route.request.url}: {reason}")
                await route.abort("blockedbyclient")

        async def guard_socket(socket_route: WebSocketRoute) -> None:
            reason = await self.refusal(socket_route.url)
            if reason is None:
                socket_route.connect_to_server()
            else:
                self.blocked.append(f"{socket_route.url}: {reason}")
                await socket_route.close(code=1008, reason="blocked by auditor")

        await context.route("**/*", guard)
        await context.route_web_socket("**/*", guard_socket)


def refused_message(blocked: list[str]) -> str:
    first = blocked[0] if blocked else "a private address"
    return f"not audited: {first} (run with --allow-private to audit internal sites)"
