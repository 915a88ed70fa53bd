"""Synthetic Chinese websites on 127.0.0.1: the benchmark's corpus and the kill/resume check's.

Every site is its own origin (its own port), generated from its index, so a corpus is the
same every time. The mix is what a regulator's list looks like on a bad night:

* most sites are ordinary: a homepage of varied length (a dozen to several hundred
  paragraphs, some images), a footer with ICP and public-security numbers, company name,
  phone and address, and links to privacy policy, user agreement, contact and about pages;
* some write their footer from a script after load (timers of 0.3–1.5 s);
* some lack disclosures (the auditor must find failures), some are platforms;
* a few are slow (the homepage answers after 2–4 s), broken (HTTP 500), refuse
  connections, never answer, or are CAPTCHA walls (blocked).

Run ``python bench/corpus.py serve --sites 200 --csv sites.csv`` to serve a corpus until
killed; the CSV is the auditor's input file.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import random
import signal
import socket
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from anywhere: the checkout's auditor
from auditor.identifiers import org_check_char, uscc_check_char

KINDS = (  # (kind, share of sites)
    ("normal", 0.54), ("jsfooter", 0.16), ("noncompliant", 0.12), ("platform", 0.08), ("slow", 0.03),
    ("http500", 0.02), ("refused", 0.02), ("hang", 0.01), ("captcha", 0.02),
)
PROVINCES = {"京": "11", "沪": "31", "粤": "44", "浙": "33", "苏": "32", "鲁": "37", "川": "51", "鄂": "42",
             "湘": "43", "闽": "35"}

PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de"
                    "0000000c4944415408d763f8cfc0000003010100c9fe92ef0000000049454e44ae426082")


@dataclass(frozen=True)
class SiteSpec:
    index: int
    kind: str
    paragraphs: int
    footer_delay_ms: int = 0
    delay_s: float = 0.0

    @property
    def name(self) -> str:
        return f"测试站点{self.index:05d}（{self.kind}）"

    @property
    def profiles(self) -> str:
        return "site;platform" if self.kind == "platform" else "site;operator"


def plan(count: int, seed: int = 20261125) -> list[SiteSpec]:
    """The corpus: `count` sites with a fixed mix of kinds and sizes."""
    rng = random.Random(seed)
    kinds = [kind for kind, share in KINDS for _ in range(max(1, round(share * count)))]
    kinds = (kinds + ["normal"] * count)[:count]
    rng.shuffle(kinds)
    specs = []
    for index, kind in enumerate(kinds):
        size = rng.choice((12, 30, 60, 120, 250, 500))  # paragraphs: from a landing page to a long portal
        specs.append(SiteSpec(index=index, kind=kind, paragraphs=size,
                              footer_delay_ms=rng.choice((300, 800, 1500)) if kind == "jsfooter" else 0,
                              delay_s=rng.uniform(2, 4) if kind == "slow" else 0.0))
    return specs


def credit_code(index: int) -> str:
    """A unified social credit code whose organisation-code and GB 32100 check characters are valid."""
    org = f"{index * 104729 % 10**8:08d}"
    body = f"91{110000 + index % 9000:06d}{org}{org_check_char(org)}"
    return body + uscc_check_char(body)


def _footer(spec: SiteSpec) -> str:
    p = list(PROVINCES)[spec.index % len(PROVINCES)]
    number = 10000000 + spec.index * 7919 % 89999999
    psb = f"{PROVINCES[p]}{spec.index * 7907 % 10**12:012d}"
    if spec.kind == "noncompliant":  # brand only, no filing numbers, no address
        return f"<footer><p>© 2026 示例品牌{spec.index} 版权所有</p><p>客服QQ：{number}</p></footer>"
    return (f"<footer style='text-align:center'><p>© 2026 示例科技有限公司{spec.index} 版权所有</p>"
            f"<p><a href='https://beian.miit.gov.cn/'>{p}ICP备{number}号-1</a> "
            f"<a href='https://beian.mps.gov.cn/#/query/webSearch?code={psb}'>{p}公网安备{psb}号</a></p>"
            f"<p>示例科技有限公司{spec.index} 统一社会信用代码：{credit_code(spec.index)} "
            "<a href='/licence.html'>营业执照</a></p>"
            f"<p>客服电话：400-{spec.index % 900 + 100:03d}-{spec.index % 9000 + 1000:04d} "
            f"地址：北京市海淀区中关村大街{spec.index % 200 + 1}号</p>"
            "<p><a href='/privacy.html'>隐私政策</a> <a href='/terms.html'>用户协议</a> "
            "<a href='/rules.html'>交易规则</a> <a href='/contact.html'>联系我们</a> "
            "<a href='/about.html'>关于我们</a> <a href='/complaint.html'>投诉举报</a></p></footer>")


def home(spec: SiteSpec) -> str:
    if spec.kind == "captcha":
        return _page("安全验证", "<h1>安全验证</h1><p>请完成滑动验证码以继续访问</p>")
    body = [f"<header><h1>{spec.name}</h1><nav><a href='/about.html'>关于我们</a> "
            "<a href='/contact.html'>联系我们</a></nav></header><main>"]
    for i in range(spec.paragraphs):
        body.append(f"<p>第{i + 1}段：本站提供数码产品、生活用品与在线服务，欢迎选购。商品编号{spec.index}-{i}。</p>")
        if i % 25 == 0:
            body.append(f"<img src='/img/{i}.png' alt='商品图片{i}' width='120' height='80'>")
    body.append("</main>")
    footer = _footer(spec)
    if spec.kind == "jsfooter":  # the footer exists only after a script writes it
        body.append(f"<div id='ft'></div><script>setTimeout(() => {{ document.getElementById('ft').innerHTML = "
                    f"{footer!r}; }}, {spec.footer_delay_ms});</script>")
    else:
        body.append(footer)
    return _page(spec.name, "".join(body))


def _articles(text: str, count: int) -> str:
    return "".join(f"<p>第{n}条 {text}</p>" for n in range(1, count + 1))


SUBPAGES = {
    "/privacy.html": ("隐私政策", "<h1>隐私政策</h1><p>个人信息处理者：示例科技有限公司。"
                                "联系方式：privacy@example.cn。</p>"
                                "<h2>我们收集的个人信息种类</h2><p>为提供服务之目的，我们收集您的手机号码、收货地址、"
                                "订单信息与设备信息。</p><h2>处理目的与方式</h2><p>用于完成交易、配送商品与客户服务。</p>"
                                "<h2>保存期限</h2><p>个人信息的保存期限为账户存续期间及法律规定的期限。</p>"
                                "<h2>您的权利</h2><p>您可以查询、更正、删除个人信息或注销账号，方式为联系客服或在"
                                "“我的-设置-注销账号”中操作。我们将在十五个工作日内处理。</p>"
                                + _articles("我们依照法律法规保护您的个人信息安全。", 20)),
    "/licence.html": ("营业执照", "<h1>证照信息</h1><p>营业执照：示例科技有限公司 统一社会信用代码见首页</p>"),
    "/terms.html": ("用户协议", "<h1>用户服务协议</h1>" + _articles("用户应当遵守本协议。", 40)),
    "/rules.html": ("交易规则", "<h1>平台交易规则</h1>" + _articles("交易双方应当诚信交易。", 30)),
    "/contact.html": ("联系我们", "<h1>联系我们</h1><p>客服电话：400-800-1234 投诉邮箱：service@example.cn</p>"),
    "/about.html": ("关于我们", "<h1>关于我们</h1><p>示例科技有限公司成立于2010年。</p>"),
    "/complaint.html": ("投诉举报", "<h1>投诉举报</h1><p>举报电话：12377 邮箱：report@example.cn</p>"),
}


def _page(title: str, body: str) -> str:
    return (f"<!doctype html><html lang='zh-CN'><head><meta charset='utf-8'><title>{title}</title></head>"
            f"<body>{body}</body></html>")


def respond(spec: SiteSpec, path: str) -> tuple[int, str, bytes, float]:
    """(status, content type, body, delay) for a request."""
    if spec.kind == "http500":
        return 500, "text/html; charset=utf-8", _page("错误", "<h1>500 服务器错误</h1>").encode(), 0.0
    if path.startswith("/img/"):
        return 200, "image/png", PNG, 0.0
    if path in ("/", "/index.html"):
        return 200, "text/html; charset=utf-8", home(spec).encode(), spec.delay_s
    if path in SUBPAGES:
        title, body = SUBPAGES[path]
        return 200, "text/html; charset=utf-8", _page(title, body).encode(), 0.0
    return 404, "text/html; charset=utf-8", _page("404", "<h1>页面不存在</h1>").encode(), 0.0


RESERVED: list[socket.socket] = []


async def _serve_one(spec: SiteSpec) -> tuple[asyncio.Server | None, int]:
    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            head = await reader.readuntil(b"\r\n\r\n")
            if spec.kind == "hang":
                await asyncio.sleep(3600)
            path = head.split(b" ", 2)[1].decode("latin-1").split("?", 1)[0]
            status, ctype, body, delay = respond(spec, path)
            if delay:
                await asyncio.sleep(delay)
            writer.write(f"HTTP/1.1 {status} X\r\nContent-Type: {ctype}\r\nContent-Length: {len(body)}\r\n"
                         "Connection: close\r\n\r\n".encode() + body)
            await writer.drain()
        except (ConnectionError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, IndexError,
                asyncio.CancelledError):
            pass  # a client that went away, or the server stopping
        finally:
            writer.close()

    if spec.kind == "refused":
        # Bound but not listening: connections are refused, and no other site can get the port.
        reserved = socket.socket()
        reserved.bind(("127.0.0.1", 0))
        RESERVED.append(reserved)
        return None, int(reserved.getsockname()[1])
    server = await asyncio.start_server(handle, "127.0.0.1", 0, backlog=64)
    return server, int(server.sockets[0].getsockname()[1])


async def serve(specs: list[SiteSpec], csv_path: Path, ready: asyncio.Event | None = None) -> None:
    servers = []
    with csv_path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["url", "name", "profiles"])
        for spec in specs:
            server, port = await _serve_one(spec)
            if server is not None:
                servers.append(server)
            out.writerow([f"http://127.0.0.1:{port}/", spec.name, spec.profiles])
    print(f"ready: {len(specs)} sites, {csv_path}", flush=True)
    if ready is not None:
        ready.set()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()
    for server in servers:
        server.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["serve"])
    parser.add_argument("--sites", type=int, default=200)
    parser.add_argument("--csv", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=20261125)
    args = parser.parse_args()
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)  # one listening socket per site
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, max(soft, 4 * args.sites + 256)), hard))
    asyncio.run(serve(plan(args.sites, args.seed), args.csv))
    sys.exit(0)


if __name__ == "__main__":
    main()
