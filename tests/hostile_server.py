"""Sites that fight back, served on 127.0.0.1 for the hostile-site tests.

One server, one path per hostile behaviour; each path is audited as its own site. The
footer of the well-behaved parts carries a valid ICP number so a test can tell "audited
and found it" from "gave up".
"""

from __future__ import annotations

import contextlib
import ssl
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

FOOTER = ('<footer style="text-align:center;margin-top:600px">'
          '<a href="https://beian.miit.gov.cn/">京ICP备12345678号-1</a></footer>')
XSS_FOOTER = ('<footer style="text-align:center">客服电话：010-62345678 '
              '&lt;script&gt;window.__pwned=1&lt;/script&gt;'
              '&quot;&gt;&lt;img src=x onerror=&quot;window.__pwned=2&quot;&gt; '
              '<a href="javascript:window.__pwned=3">京ICP备12345678号-1</a> '
              '<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">隐私政策</a></footer>')


def page(body: str, head: str = "") -> bytes:
    return (f'<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">{head}</head>'
            f"<body>{body}</body></html>").encode()


class Handler(BaseHTTPRequestHandler):
    routes: ClassVar[dict[str, Callable[[Handler], None]]] = {}
    hits: ClassVar[list[str]] = []

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def do_GET(self) -> None:
        self.hits.append(self.path)
        route = self.routes.get(self.path.split("?")[0].rstrip("/") or "/")
        if route is None:
            self.send(404, page("not found"))
        else:
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                route(self)

    def send(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def _ok(body: str, head: str = "") -> Callable[[Handler], None]:
    return lambda h: h.send(200, page(body, head))


def _never_responds(h: Handler) -> None:
    time.sleep(30)  # holds the connection open; the auditor's page limit must end the wait


def _never_finishes(h: Handler) -> None:
    h.send_response(200)
    h.send_header("Content-Type", "text/html; charset=utf-8")
    h.end_headers()
    h.wfile.write(page("<h1>正在加载</h1>" + FOOTER)[:-14])  # no </body></html>
    h.wfile.flush()
    time.sleep(30)


def _huge(h: Handler) -> None:
    chunk = ("<p>" + "很长的正文内容。" * 200 + "</p>\n").encode()
    count = 50 * 1024 * 1024 // len(chunk)
    h.send_response(200)
    h.send_header("Content-Type", "text/html; charset=utf-8")
    h.send_header("Content-Length", str(len(chunk) * count + len(FOOTER.encode()) + 20))
    h.end_headers()
    h.wfile.write(b"<!doctype html><body>")
    for _ in range(count):
        h.wfile.write(chunk)
    h.wfile.write(FOOTER.encode())


ROUTES: dict[str, Callable[[Handler], None]] = {
    "/ok": _ok("<h1>正常网站</h1>" + FOOTER),
    "/xss": _ok("<h1>钓鱼网站</h1>" + XSS_FOOTER),
    "/never-responds": _never_responds,
    "/never-finishes": _never_finishes,
    "/redirect-loop": lambda h: h.send(302, b"", {"Location": "/redirect-loop"}),
    "/refresh-loop": _ok("<p>刷新中</p>", '<meta http-equiv="refresh" content="0">'),
    "/huge": _huge,
    "/memory-eater": _ok("<p>loading</p><script>const a=[];for(;;){a.push(new Array(1e6).fill(Math.random()))}"
                         "</script>"),
    "/dialogs": _ok("<h1>弹窗</h1>" + FOOTER,
                    "<script>alert('a');confirm('b');prompt('c');"
                    "window.onbeforeunload=e=>{e.preventDefault();return 'stay'};</script>"),
    "/popups": _ok("<h1>弹出窗口</h1>" + FOOTER,
                   "<script>for(let i=0;i<30;i++){window.open('/ok?popup='+i)}</script>"),
    "/download": lambda h: h.send(200, b"PK\x03\x04 not a page",
                                  {"Content-Type": "application/octet-stream",
                                   "Content-Disposition": 'attachment; filename="x.zip"'}),
    "/navigates-away": _ok("<p>跳转中</p><script>location.href='/ok?from=navigates-away'</script>"),
    "/basic-auth": lambda h: h.send(401, page("需要登录"), {"WWW-Authenticate": 'Basic realm="x"'}),
    "/mutates-forever": _ok("<h1>一直变化</h1>" + FOOTER,
                            "<script>setInterval(()=>{document.title=Math.random()},50)</script>"),
}


@contextlib.contextmanager
def serve(host: str = "127.0.0.1", routes: dict[str, Callable[[Handler], None]] | None = None,
          tls_dir: Path | None = None) -> Iterator[tuple[str, list[str]]]:
    """Serve `routes` on host:port (HTTPS with a self-signed certificate when tls_dir is given)."""
    handler = type("HostileHandler", (Handler,), {"routes": routes or ROUTES, "hits": []})
    server = ThreadingHTTPServer((host, 0), handler)
    server.daemon_threads = True
    scheme = "http"
    if tls_dir is not None:
        cert, key = tls_dir / "cert.pem", tls_dir / "key.pem"
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost",
                        "-days", "1", "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert, key)
        server.socket = context.wrap_socket(server.socket, server_side=True)
        scheme = "https"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"{scheme}://{host}:{server.server_address[1]}", handler.hits
    finally:
        server.shutdown()
        server.server_close()
