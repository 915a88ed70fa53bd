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


# --- DOM copies (issue 13): shapes of markup that once ran script in the saved copy ---------
# Each tries to run `window.__pwned = N`, open a dialog or fetch /beacon/… when the copy is opened.
PWN = "window.__pwned={n};fetch('/beacon/{n}');alert({n})"
QUOTED_PWN = PWN.replace("'", "\\'")  # inside a single-quoted string of a script
DOM_SHAPES: dict[str, bytes] = {
    "/dom-head-shapes": (
        "<!doctype html><html><!--<head>--><script>" + PWN.format(n=1) + "</script>"
        '<head data-x="><script>' + PWN.format(n=2) + '</script>"><meta charset="utf-8">'
        '<base href="http://127.0.0.2/"><meta http-equiv="refresh" content="5;url=/beacon/refresh">'
        '<link rel="stylesheet" href="/beacon/css"></head>'
        '<body onload="' + PWN.format(n=3) + '"><h1>head shapes</h1>'
        "<script>const s=document.createElement('script');s.textContent=\"" + PWN.format(n=4) + "\";"
        "document.documentElement.insertBefore(s, document.head);</script>" + FOOTER + "</body></html>").encode(),
    "/dom-body-shapes": page(
        '<h1>body shapes</h1><svg onload="' + PWN.format(n=5) + '"><script>' + PWN.format(n=6) + "</script>"
        '<a xlink:href="javascript:' + PWN.format(n=7) + '"><text y="20">svg link</text></a>'
        '<image href="/beacon/svg-image"/><set attributeName="href" to="javascript:alert(8)"/></svg>'
        '<math><maction actiontype="statusline" xlink:href="javascript:alert(9)">m</maction></math>'
        '<iframe srcdoc="&lt;script&gt;parent.__pwned=10&lt;/script&gt;"></iframe>'
        '<iframe src="javascript:parent.__pwned=11"></iframe>'
        '<a href="javascript:' + PWN.format(n=12) + '">js link</a> <a href=" JaVa&#x09;ScRiPt:alert(13)">tab</a>'
        '<IMG SRC="/beacon/img" ONERROR="' + PWN.format(n=14) + '"><ScRiPt>' + PWN.format(n=15) + "</sCrIpT>"
        '<details open ontoggle="' + PWN.format(n=16) + '">d</details>'
        '<form action="javascript:alert(17)"><button formaction="javascript:alert(18)">b</button></form>'
        '<object data="/beacon/object"></object><embed src="/beacon/embed">'
        '<video poster="/beacon/poster"><source src="/beacon/video"></video>'
        '<noscript><img src="/beacon/noscript" onerror="' + PWN.format(n=19) + '"></noscript>'
        '<div style="background:url(/beacon/style-attr)">styled</div><style>@import "/beacon/import";</style>'
        "<p>unclosed <b>tags <a href=/x onclick=" + PWN.format(n=20).replace(" ", "") + ">and more<div>" + FOOTER),
    "/dom-made-shapes": page(
        "<h1>made by script</h1>" + FOOTER + "<script>"
        "const st=document.createElement('style');st.textContent='</style><script>" + QUOTED_PWN.format(n=21)
        + "<\\/script>';document.body.appendChild(st);"
        "document.body.appendChild(document.createComment('--><script>" + QUOTED_PWN.format(n=22) + "<\\/script>'));"
        "const t=document.createElement('textarea');t.textContent='</textarea><script>" + QUOTED_PWN.format(n=23)
        + "<\\/script>';document.body.appendChild(t);"
        "const d=document.createElement('div');d.setAttribute('title','\"><script>" + QUOTED_PWN.format(n=24)
        + "<\\/script>');document.body.appendChild(d);"
        "const tpl=document.createElement('template');tpl.innerHTML='<script>" + QUOTED_PWN.format(n=25)
        + "<\\/script><img src=/beacon/tpl onerror=alert(26)>';document.body.appendChild(tpl);"
        "document.body.appendChild(document.createProcessingInstruction('x', '><script>alert(27)<\\/script>'));"
        "const m=document.createElement('div');m.innerHTML='<math><mtext><table><mglyph><style><img src=/beacon/m "
        "onerror=alert(28)>';document.body.appendChild(m);"
        # The page tampers with what a serialiser in its own world would call.
        "String.prototype.replace=function(){return '<script>" + QUOTED_PWN.format(n=29) + "<\\/script>'};"
        "Object.defineProperty(Element.prototype,'attributes',{get(){return [{name:'onload',value:'alert(30)'}]}});"
        # And with what a reader of the page's text and boxes would call (render.READ_PAGE_JS).
        "JSON.stringify=function(){return '{\"blocks\":[]}'};"
        "Element.prototype.getBoundingClientRect=function(){return new DOMRect(0,0,0,0)};"
        "Object.defineProperty(HTMLElement.prototype,'innerText',{get(){return '京ICP备99999999号'}});"
        "</script>"),
}


def _serve(body: bytes) -> Callable[[Handler], None]:
    return lambda h: h.send(200, body)


ROUTES.update({path: _serve(body) for path, body in DOM_SHAPES.items()})


# --- pages that could be assessed but once ended as error (issue 13) -----------------------
def _headers_then_stall(h: Handler) -> None:
    h.send_response(200)
    h.send_header("Content-Type", "text/html; charset=utf-8")
    h.end_headers()
    h.wfile.flush()
    time.sleep(30)


ASSESSABLE: dict[str, Callable[[Handler], None]] = {
    # snapshot.js cuts a block at 2000 UTF-16 units and a link text at 300: right inside a pair
    "/surrogate-cut": _ok('<p style="width:100%">' + "字" * 1999 + "😀 第二句</p>"
                          '<a href="/x">' + "链" * 299 + "😀链接</a>" + FOOTER),
    "/lone-surrogate-title": _ok("<h1>标题</h1>" + FOOTER,
                                 "<script>document.title = '站点\\uD800标题'; "
                                 "document.addEventListener('DOMContentLoaded', () => "
                                 "document.querySelector('h1').textContent = '正文\\uDC00')</script>"),
    "/huge-footer-line": _ok("<h1>长页脚</h1>" + FOOTER.replace(
        "</footer>", "<span>" + "版权所有很长的一行" * 230000 + "</span></footer>")),
    "/headers-then-stall": _headers_then_stall,
    # A same-origin frame is read in its own scripts' world: this one bends what comes back.
    "/frame-bends-reading": _ok("<h1>框架</h1><iframe src='/bent-frame' style='width:600px;height:200px'></iframe>"
                                + FOOTER),
}
ROUTES.update(ASSESSABLE)
ROUTES["/bent-frame"] = _ok(  # audited as a site too: its own page is read in the auditor's world
    "<p>框架里的文字</p>" + FOOTER, "<script>JSON.stringify = () => "
    "'{\"title\":\"\",\"page_size\":[1,1],\"blocks\":[{\"bbox\":\"x\"}],\"links\":[],\"images\":[]}';"
    "</script>")


# --- pages cut on the way (issue 13): the footer never arrives ------------------------------
MAIN_TEXT = "<h1>被截断的页面</h1>" + "<p>" + "正文内容。" * 200 + "</p>"


def _slow_drip(h: Handler) -> None:
    h.send_response(200)
    h.send_header("Content-Type", "text/html; charset=utf-8")
    h.end_headers()
    h.wfile.write(b'<!doctype html><html><head><meta charset="utf-8"></head><body>' + MAIN_TEXT.encode())
    h.wfile.flush()
    for _ in range(300):  # a byte a tenth of a second: the footer would come in an hour
        time.sleep(0.1)
        h.wfile.write(b" ")
        h.wfile.flush()


def _cut_transfer(h: Handler) -> None:
    body = page(MAIN_TEXT + FOOTER)
    h.send_response(200)
    h.send_header("Content-Type", "text/html; charset=utf-8")
    h.send_header("Content-Length", str(len(body)))
    h.end_headers()
    h.wfile.write(body[: len(body) // 3])  # then the connection closes
    h.wfile.flush()
    h.close_connection = True


def _gzip_stall(h: Handler) -> None:
    import zlib

    packer = zlib.compressobj(9, zlib.DEFLATED, 31)  # a gzip stream that expands a hundredfold …
    body = page(MAIN_TEXT + "<p>" + "很长" * 200000 + "</p>" + FOOTER)
    head = packer.compress(body) + packer.flush(zlib.Z_SYNC_FLUSH)
    h.send_response(200)
    h.send_header("Content-Type", "text/html; charset=utf-8")
    h.send_header("Content-Encoding", "gzip")
    h.end_headers()
    h.wfile.write(head[: len(head) // 2])  # … and stalls half way
    h.wfile.flush()
    time.sleep(30)


CUT: dict[str, Callable[[Handler], None]] = {"/slow-drip": _slow_drip, "/cut-transfer": _cut_transfer,
                                             "/gzip-stall": _gzip_stall}
ROUTES.update(CUT)


def _scanner_bomb_then_stall(h: Handler) -> None:
    """Text that made the old phone scanner work for minutes (cubic in spaced digit runs), then no end."""
    h.send_response(200)
    h.send_header("Content-Type", "text/html; charset=utf-8")
    h.end_headers()
    blocks = "".join(f"<p>客服电话{i}：" + "1 2 " * 450 + "</p>" for i in range(8))
    h.wfile.write(b'<!doctype html><html><head><meta charset="utf-8"></head><body>' + blocks.encode())
    h.wfile.flush()
    time.sleep(30)


SCANNER_BOMB = _scanner_bomb_then_stall
