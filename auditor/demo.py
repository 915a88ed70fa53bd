"""Serve folders of static sites on 127.0.0.1, each on its own port (its own origin).

Used by ``auditor demo`` (the bundled demo sites) and by the tests (fixture sites).
A site folder holds its files and a ``site.yaml``:

    name: 示例商城            # shown in reports
    profiles: [site, platform]
    charset: {"/gbk.html": gbk}          # optional Content-Type charset per path
    redirects: {"/terms.html": "/login.html"}   # optional 302s
    status: {"/gone.html": 404}           # optional status codes
    registry: {registered_domains: ["{host}"]}  # optional registry values; {host} = where it is served

A served site can be switched to another folder while it keeps its address (:meth:`Served.switch`):
the demo's follow-up audit sees the same URL with new content, as a regulator's second audit does.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

from auditor.inputs.sites import SiteInput
from auditor.layout import parse_yaml
from auditor.resources import demo_dir


class _Handler(SimpleHTTPRequestHandler):
    config: ClassVar[dict[str, Any]] = {}
    root: ClassVar[str] = ""  # the folder served; read per request, so a switch takes effect at once

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, directory=self.root, **kwargs)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        pass  # keep test and demo output quiet

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        redirects: dict[str, str] = self.config.get("redirects", {})
        status: dict[str, int] = self.config.get("status", {})
        if path in redirects:
            self.send_response(302)
            self.send_header("Location", redirects[path])
            self.end_headers()
            return
        if path in status:
            self.send_error(status[path])
            return
        super().do_GET()

    def guess_type(self, path: str | Any) -> str:
        charsets: dict[str, str] = self.config.get("charset", {})
        request_path = self.path.split("?", 1)[0]
        base = super().guess_type(path)
        if request_path in charsets:
            return f"text/html; charset={charsets[request_path]}"
        if base == "text/html" and "charset" not in base:
            return "text/html"  # let the page's <meta charset> decide, as on real servers
        return base


def site_config(folder: Path) -> dict[str, Any]:
    path = folder / "site.yaml"
    data = parse_yaml(path.read_text(encoding="utf-8")) if path.is_file() else {}
    return data if isinstance(data, dict) else {}


def _registry(config: dict[str, Any], host: str) -> dict[str, str | list[str]]:
    """The site's registry values, with {host} standing for the address it is served on."""
    out: dict[str, str | list[str]] = {}
    for key, value in (config.get("registry") or {}).items():
        out[key] = [str(v).replace("{host}", host) for v in value] if isinstance(value, list) \
            else str(value).replace("{host}", host)
    return out


class Served(dict[str, SiteInput]):
    """The sites being served: folder name → SiteInput, and a way to serve another version at the same address."""

    def __init__(self) -> None:
        super().__init__()
        self.handlers: dict[str, type[_Handler]] = {}

    def switch(self, name: str, folder: Path) -> None:
        """Serve `folder` (its files and site.yaml) where site `name` is served, from the next request on."""
        handler = self.handlers[name]
        handler.config = site_config(folder)
        handler.root = str(folder)


@contextlib.contextmanager
def serve(root: Path | None = None, only: list[str] | None = None) -> Iterator[Served]:
    """Serve every site folder under `root` on 127.0.0.1; yield folder name → SiteInput."""
    folders = sorted(p for p in (root or demo_dir()).iterdir() if p.is_dir() and (only is None or p.name in only))
    servers: list[ThreadingHTTPServer] = []
    sites = Served()
    try:
        for folder in folders:
            config = site_config(folder)
            handler = type(f"Handler_{folder.name}", (_Handler,), {"config": config, "root": str(folder)})
            sites.handlers[folder.name] = handler
            server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
            server.daemon_threads = True
            threading.Thread(target=server.serve_forever, daemon=True).start()
            servers.append(server)
            port = server.server_address[1]
            sites[folder.name] = SiteInput(url=f"http://127.0.0.1:{port}/", name=str(config.get("name", folder.name)),
                                           profiles=tuple(config.get("profiles", ())), slug=folder.name,
                                           registry=_registry(config, f"127.0.0.1:{port}"))
        yield sites
    finally:
        for server in servers:
            server.shutdown()
            server.server_close()

