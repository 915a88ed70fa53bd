"""No reaching inside: private, loopback, link-local and metadata addresses are refused."""

from __future__ import annotations

import asyncio
import ipaddress

import pytest

from auditor.netguard import NetGuard, is_public_ip


@pytest.mark.parametrize("address", ["127.0.0.1", "10.1.2.3", "172.16.0.9", "192.168.1.1", "169.254.169.254",
                                     "0.0.0.0", "100.64.0.1", "::1", "fe80::1", "fc00::1", "::ffff:127.0.0.1",
                                     "224.0.0.1", "255.255.255.255"])
def test_inside_addresses_are_not_public(address: str) -> None:
    assert not is_public_ip(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", ["1.1.1.1", "114.114.114.114", "2400:3200::1"])
def test_public_addresses(address: str) -> None:
    assert is_public_ip(ipaddress.ip_address(address))


@pytest.mark.parametrize("url", ["http://169.254.169.254/latest/meta-data/", "http://127.0.0.1:8080/",
                                 "http://localhost/", "https://[::1]/", "http://2130706433/", "ws://10.0.0.1/x"])
def test_refusals(url: str) -> None:
    reason = asyncio.run(NetGuard().refusal(url))
    assert reason is not None and "private or reserved" in reason


@pytest.mark.parametrize("url", ["data:text/html,hi", "about:blank", "blob:null/1"])
def test_non_network_urls_pass(url: str) -> None:
    assert asyncio.run(NetGuard().refusal(url)) is None


def test_unresolvable_name_is_left_to_the_browser() -> None:
    # A lookup failure is an ordinary "unreachable" (DNS), reported by the browser itself.
    assert asyncio.run(NetGuard().refusal("http://no-such-host.invalid/")) is None
