"""UDP leaves the browser only through the egress guard, that is: never (issue 13).

The guard (auditor/browse/netguard.py) is an HTTP proxy; WebRTC's STUN and TURN, QUIC
and WebTransport would send datagrams beside it. A loopback UDP listener stands in for an
address inside the network: a hostile page tries to reach it every way it can, and the
listener must receive nothing.
"""

from __future__ import annotations

import asyncio
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.async_api import async_playwright

from auditor.browse.browser import SYSTEM_BROWSERS, launch
from auditor.browse.netguard import EgressProxy
from tests import hostile_server

pytestmark = pytest.mark.browser

UDP_PAGE = """<script>
window.done = false;
(async () => {
  const servers = [{urls: "stun:127.0.0.1:PORT"},
                   {urls: ["turn:127.0.0.1:PORT?transport=udp", "turn:127.0.0.1:PORT"],
                    username: "u", credential: "p"}];
  for (let i = 0; i < 3; i++) {
    try {
      const pc = new RTCPeerConnection({iceServers: servers, iceCandidatePoolSize: 2});
      pc.createDataChannel("x");
      await pc.setLocalDescription(await pc.createOffer());
    } catch (e) { window.rtcError = String(e); }
  }
  try { const wt = new WebTransport("https://127.0.0.1:PORT/"); await wt.ready; }
  catch (e) { window.wtError = String(e); }
  window.done = true;
})();
</script><p>UDP</p>"""


@contextmanager
def udp_listener() -> Iterator[tuple[int, list[bytes]]]:
    """A UDP socket on 127.0.0.1 that keeps every datagram it receives."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("127.0.0.1", 0))
    sock.settimeout(0.2)
    received: list[bytes] = []
    stop = threading.Event()

    def listen() -> None:
        while not stop.is_set():
            try:
                received.append(sock.recvfrom(4096)[0])
            except TimeoutError:
                continue
            except OSError:
                return

    thread = threading.Thread(target=listen, daemon=True)
    thread.start()
    try:
        yield sock.getsockname()[1], received
    finally:
        stop.set()
        thread.join(2)
        sock.close()


BROWSERS = [path for path in SYSTEM_BROWSERS[:2] if Path(path).is_file()] or [None]


@pytest.mark.parametrize("browser_path", BROWSERS)
def test_a_hostile_page_sends_no_datagram_beside_the_guard(need_browser: None, browser_path: str | None) -> None:
    with udp_listener() as (port, received):
        routes = {"/udp": hostile_server._ok(UDP_PAGE.replace("PORT", str(port)))}
        with hostile_server.serve(routes=routes) as (base, _):

            async def visit() -> dict[str, object]:
                proxy = await EgressProxy(loopback_only=True).start()
                try:
                    async with async_playwright() as pw:
                        browser, _ = await launch(pw, browser_path, proxy=proxy.address)
                        page = await browser.new_page()
                        await page.goto(f"{base}/udp")
                        await page.wait_for_function("window.done === true", timeout=15000)
                        await page.wait_for_timeout(2000)  # ICE keeps trying for a while
                        state: dict[str, object] = await page.evaluate(
                            "() => ({rtc: window.rtcError || null, wt: window.wtError || null})")
                        await browser.close()
                        return state
                finally:
                    await proxy.close()

            state = asyncio.run(visit())
    assert received == [], f"{len(received)} datagram(s) reached the listener ({state})"
