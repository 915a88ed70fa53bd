"""URLs: splitting hostile ones safely, telling sites apart, and which ones we may link to.

Pages write malformed URLs ("http://[", a bad port) on purpose or by accident; every
function here is total on any string.
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import SplitResult, urlsplit, urlunsplit

import tldextract


def split_url(url: str) -> SplitResult | None:
    """urlsplit, or None for a URL too malformed to split ("http://[", a bad port): hostile pages write those."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError:
        return None
    return parts


def canonical_url(raw: str) -> str:
    """Canonical http(s) URL of an input, or raise ValueError saying why not. A bare host gets https://."""
    text = raw.strip()
    if not text:
        raise ValueError("empty URL")
    if "://" not in text and not text.lower().startswith(("javascript:", "data:", "file:", "mailto:")):
        text = "https://" + text
    parts = urlsplit(text)
    if parts.scheme.lower() not in ("http", "https"):
        raise ValueError(f"only http and https URLs can be audited, not '{parts.scheme}:'")
    if not parts.hostname or any(ch.isspace() for ch in text):
        raise ValueError(f"not a valid URL: {raw.strip()!r}")
    try:
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError as exc:
        raise ValueError(f"bad port in {raw.strip()!r}") from exc
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", parts.query, ""))


# The bundled public-suffix snapshot; never fetch the list over the network.
_EXTRACT = tldextract.TLDExtract(suffix_list_urls=())


@lru_cache(maxsize=4096)
def site_key(url: str) -> str:
    """Registrable domain (www.shop.com.cn → shop.com.cn); the host itself for IPs and localhost."""
    parts = split_url(url)
    if parts is None:
        return ""
    host = (parts.hostname or "").lower()
    extracted = _EXTRACT(host)
    registrable = extracted.top_domain_under_public_suffix
    if not registrable:  # an IP address or a bare name: the port tells sites apart
        return f"{host}:{parts.port}" if parts.port else host
    return registrable


ROUTE_FRAGMENTS = ("#/", "#!/")  # a single-page app's views: "…/#/privacy" is a page of its own


def page_key(url: str) -> str:
    """What tells pages apart: the URL without its fragment, unless the fragment is an app's route."""
    base, hash_mark, fragment = url.partition("#")
    return url if hash_mark and ("#" + fragment).startswith(ROUTE_FRAGMENTS) else base


def same_site(url: str, home: str) -> bool:
    parts = split_url(url)
    return parts is not None and parts.scheme in ("http", "https") and site_key(url) == site_key(home)


def host_key(url: str) -> str:
    """Host and port: what politeness limits count (one server, whatever its registrable domain)."""
    parts = split_url(url)
    return parts.netloc.lower() if parts is not None else ""


def safe_href(url: str | None) -> str | None:
    """A site-supplied URL we may render as a link: http(s) only, never javascript: or data:."""
    if not url:
        return None
    parts = split_url(url.strip())
    return url.strip() if parts is not None and parts.scheme in ("http", "https") and parts.netloc else None
