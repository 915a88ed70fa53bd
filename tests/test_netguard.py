"""No reaching inside: private, loopback, link-local and metadata addresses are refused."""

from __future__ import annotations

import asyncio
import ipaddress

import pytest

from auditor.browse import netguard
from auditor.browse.netguard import EgressProxy, is_public_ip, resolve


@pytest.mark.parametrize("address", ["127.0.0.1", "10.1.2.3", "172.16.0.9", "192.168.1.1", "169.254.169.254",
                                     "0.0.0.0", "100.64.0.1", "::1", "fe80::1", "fc00::1", "::ffff:127.0.0.1",
                                     "224.0.0.1", "255.255.255.255"])
def test_inside_addresses_are_not_public(address: str) -> None:
    assert not is_public_ip(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", ["1.1.1.1", "114.114.114.114", "2400:3200::1"])
def test_public_addresses(address: str) -> None:
    assert is_public_ip(ipaddress.ip_address(address))


@pytest.mark.parametrize("host", ["169.254.169.254", "127.0.0.1", "localhost", "[::1]", "2130706433", "10.0.0.1"])
def test_inside_hosts_are_refused(host: str) -> None:
    resolution = asyncio.run(resolve(host))
    assert resolution.address is None and resolution.private
    assert resolution.problem and "private or reserved" in resolution.problem


def test_unresolvable_name_is_a_dns_problem_not_a_refusal() -> None:
    resolution = asyncio.run(resolve("no-such-host.invalid"))
    assert resolution.address is None and not resolution.private
    assert resolution.problem and "DNS lookup" in resolution.problem


def test_proxy_refuses_inside_targets_without_connecting() -> None:
    async def ask(request: bytes) -> bytes:
        proxy = await EgressProxy().start()
        host, port = proxy.address.rsplit("//", 1)[1].split(":")
        reader, writer = await asyncio.open_connection(host, int(port))
        writer.write(request)
        await writer.drain()
        answer = await reader.read(4096)
        writer.close()
        await proxy.close()
        assert proxy.refusal_for("http://169.254.169.254/") is not None
        return answer

    plain = asyncio.run(ask(b"GET http://169.254.169.254/latest/meta-data/ HTTP/1.1\r\nHost: x\r\n\r\n"))
    assert plain.startswith(b"HTTP/1.1 403") and b"X-Auditor-Blocked: 1" in plain
    tunnel = asyncio.run(ask(b"CONNECT 169.254.169.254:443 HTTP/1.1\r\nHost: x\r\n\r\n"))
    assert tunnel.startswith(b"HTTP/1.1 403")


@pytest.mark.parametrize(("host", "allowed"), [("127.0.0.1", True), ("localhost", True), ("[::1]", True),
                                               ("beian.miit.gov.cn", False), ("8.8.8.8", False),
                                               ("10.0.0.1", False)])
def test_loopback_only_policy_never_looks_up_names(host: str, allowed: bool) -> None:
    from auditor.browse.netguard import resolve_loopback

    resolution = resolve_loopback(host)
    assert (resolution.address is not None) == allowed
    if not allowed:
        assert resolution.problem and "outside this machine" in resolution.problem


def test_a_slow_answer_is_not_cut_while_the_request_side_is_quiet(monkeypatch: pytest.MonkeyPatch) -> None:
    """Idle means idle both ways: a page that streams for longer than the idle limit arrives whole."""
    monkeypatch.setattr(netguard, "IDLE_TIMEOUT_S", 0.3)
    chunks = [f"<p>{i}</p>".encode() for i in range(8)]

    async def slow(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readuntil(b"\r\n\r\n")
        writer.write(b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n")
        for chunk in chunks:  # 8 × 0.1 s: more than twice the idle limit in all, never idle that long
            writer.write(chunk)
            await writer.drain()
            await asyncio.sleep(0.1)
        writer.close()

    async def fetch() -> bytes:
        server = await asyncio.start_server(slow, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        proxy = await EgressProxy(loopback_only=True).start()
        host, proxy_port = proxy.address.rsplit("//", 1)[1].split(":")
        reader, writer = await asyncio.open_connection(host, int(proxy_port))
        writer.write(f"GET http://127.0.0.1:{port}/ HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
        await writer.drain()
        async with asyncio.timeout(10):
            answer = await reader.read()
        writer.close()
        await proxy.close()
        server.close()
        return answer

    answer = asyncio.run(fetch())
    assert answer.startswith(b"HTTP/1.0 200") and answer.endswith(b"".join(chunks))
