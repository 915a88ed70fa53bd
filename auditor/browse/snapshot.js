// In-page extraction: one call per page (or same-origin frame) returns everything the
// auditor needs about what a visitor sees. Only rendered, visible text counts: comments
// are not text nodes, <script type="text/html"> templates are skipped with all scripts,
// and hidden or zero-size elements are dropped. Geometry is in page (not viewport)
// coordinates so evidence can be cropped from a full-page screenshot later.
(limits) => {
  if (!document.documentElement) return null;  // nothing arrived yet (headers, then a stalled body)
  const SKIP = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "TEXTAREA", "SELECT", "OPTION", "HEAD", "TITLE"]);
  const FOOTER_HINT = /(^|[-_ ])(foot|footer|copyright|copy-?right|bottom|beian|icp|record)/i;
  const HEADER_HINT = /(^|[-_ ])(header|topbar|top-bar|navbar|masthead)/i;
  const doc = document.documentElement;
  const pageW = Math.max(doc.scrollWidth, doc.clientWidth, 1);
  const pageH = Math.max(doc.scrollHeight, document.body ? document.body.scrollHeight : 0, doc.clientHeight, 1);
  const viewW = doc.clientWidth || pageW;
  const sx = window.scrollX, sy = window.scrollY;

  const visibleElement = (el) => {
    if (!el || !el.checkVisibility) return false;
    if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true })) return false;
    // Screen-reader-only and clipped boxes: the text is in the DOM but nobody sees it.
    for (let a = el; a && a !== document.body; a = parentOf(a)) {
      const r = a.getBoundingClientRect();
      const st = getComputedStyle(a);
      if ((r.width < 2 || r.height < 2) && st.overflow !== "visible") return false;
      if (st.clipPath === "inset(50%)" || st.clip === "rect(0px, 0px, 0px, 0px)") return false;
    }
    return true;
  };
  // Web components: open shadow roots render in place of their host, so they are read too.
  const parentOf = (el) => el.parentElement || (el.getRootNode && el.getRootNode().host) || null;
  const roots = [document];
  for (let i = 0; i < roots.length && roots.length < 500; i++) {
    for (const el of roots[i].querySelectorAll("*")) if (el.shadowRoot) roots.push(el.shadowRoot);
  }
  const queryAll = (selector) => roots.flatMap((root) => Array.from(root.querySelectorAll(selector)));
  function* textNodes(root) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === Node.TEXT_NODE) yield node;
      else if (node.shadowRoot) yield* textNodes(node.shadowRoot);
    }
  }
  const rectOf = (r) => [r.left + sx, r.top + sy, r.width, r.height];
  const onPage = (r) => r.width > 0 && r.height > 0 && r.right + sx > 0 && r.bottom + sy > 0;

  const hints = (el) => {
    let footer = false, header = false;
    for (let a = el; a && a !== doc; a = parentOf(a)) {
      const tag = a.tagName, role = a.getAttribute("role") || "";
      const names = (a.id || "") + " " + (typeof a.className === "string" ? a.className : "");
      if (tag === "FOOTER" || role === "contentinfo" || FOOTER_HINT.test(names)) footer = true;
      if (tag === "HEADER" || role === "banner" || HEADER_HINT.test(names)) header = true;
    }
    return { footer, header };
  };
  const regionOf = (el, box) => {
    const h = hints(el);
    const [, y, , height] = box;
    const bottomBand = Math.max(pageH * 0.25, Math.min(600, pageH * 0.5));
    if (h.footer && y > pageH * 0.3) return "footer";
    if (y + height >= pageH - bottomBand && y > pageH * 0.5) return "footer";
    if (h.header && y < pageH * 0.5) return "header";
    if (y + height <= 150) return "header";
    return "main";
  };
  const isInline = (el) => {
    const d = getComputedStyle(el).display;
    return d === "inline" || d === "contents" || d === "inline-block" && el.childElementCount === 0;
  };
  const container = (el) => {
    let c = el;
    while (c.parentElement && c !== document.body && isInline(c)) c = c.parentElement;
    return c;
  };
  const clean = (s) => s.replace(/\s+/g, " ").trim();
  // Cut to n UTF-16 units, never between the two halves of a pair (a lone half cannot be stored).
  const cut = (s, n) => (/[\uD800-\uDBFF]/.test(s.charAt(n - 1)) ? s.slice(0, n - 1) : s.slice(0, n));

  // --- text blocks ---------------------------------------------------------------
  const blocks = [];
  let group = null;
  const flush = () => {
    if (!group) return;
    const text = cut(clean(group.parts.join("")), limits.maxBlockChars);
    if (text) {
      const box = [group.x0, group.y0, group.x1 - group.x0, group.y1 - group.y0];
      const cx = group.x0 + (group.x1 - group.x0) / 2;
      blocks.push({
        text, bbox: box, region: regionOf(group.el, box),
        centered: Math.abs(cx - viewW / 2) <= viewW * 0.08,
        font_px: parseFloat(getComputedStyle(group.el).fontSize) || 0,
      });
    }
    group = null;
  };
  // Which text nodes to look at: all of them on a normal page; on a huge one the first
  // and the last `half` (disclosures sit in headers and footers, not in the middle).
  const half = Math.floor(limits.maxBlocks / 2);
  const head = [], tail = new Array(half);
  let seen = 0;
  for (const node of textNodes(document.body || doc)) {
    const parent = node.parentElement;
    if (!parent || SKIP.has(parent.tagName) || !node.data.trim()) continue;
    if (head.length < half) head.push(node); else tail[(seen - half) % half] = node;
    seen++;
  }
  const truncated = seen > 2 * half;
  const rest = seen - head.length;
  const ordered = truncated
    ? tail.slice((seen - half) % half).concat(tail.slice(0, (seen - half) % half))
    : tail.slice(0, rest);
  const nodes = head.concat(ordered.filter(Boolean));
  const visibleCache = new Map();
  for (const node of nodes) {
    if (blocks.length >= limits.maxBlocks) break;
    const parent = node.parentElement;
    if (parent.closest("script,style,noscript,template,svg title")) continue;
    let vis = visibleCache.get(parent);
    if (vis === undefined) { vis = visibleElement(parent); visibleCache.set(parent, vis); }
    if (!vis) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const r = range.getBoundingClientRect();
    if (!onPage(r)) continue;
    const box = container(parent);
    if (!group || group.el !== box) {
      flush();
      group = { el: box, parts: [], last: null, x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
    }
    // Text of different inline elements (links side by side) is visually apart: keep a space
    // between them so labels do not run together. Numbers split across spans still join
    // after normalisation, which removes spaces.
    if (group.last && group.last !== parent) group.parts.push(" ");
    group.parts.push(node.data);
    group.last = parent;
    group.x0 = Math.min(group.x0, r.left + sx); group.y0 = Math.min(group.y0, r.top + sy);
    group.x1 = Math.max(group.x1, r.right + sx); group.y1 = Math.max(group.y1, r.bottom + sy);
  }
  flush();

  // --- links ---------------------------------------------------------------------
  const labelOf = (el) => clean(el.innerText || el.getAttribute("aria-label") || el.getAttribute("title")
    || el.getAttribute("alt") || Array.from(el.querySelectorAll("img[alt]")).map((i) => i.alt).join(" ") || "");
  const links = [];
  const clickables = [];
  let clickId = 0;
  for (const el of queryAll("a, area, [data-href], [onclick]")) {
    if (links.length + clickables.length >= limits.maxLinks) break;
    const isArea = el.tagName === "AREA";
    const shown = isArea ? true : visibleElement(el);
    if (!shown) continue;
    const r = isArea ? (document.querySelector(`img[usemap="#${el.parentElement && el.parentElement.name}"]`) || el).getBoundingClientRect()
      : el.getBoundingClientRect();
    if (!isArea && !onPage(r)) continue;
    const box = rectOf(r);
    const text = cut(labelOf(el), 300);
    const item = { text, bbox: box, region: regionOf(el, box), title: clean(el.getAttribute("title") || "") };
    const raw = (el.getAttribute("href") || "").trim();
    const real = raw && !raw.startsWith("#") && !/^javascript:/i.test(raw);
    if ((el.tagName === "A" || isArea) && real) {
      links.push({ ...item, url: el.href, via: "href" });
    } else if (el.hasAttribute("data-href")) {
      const dh = el.getAttribute("data-href").replace(/^#/, "");
      try { links.push({ ...item, url: new URL(dh, location.href).href, via: "data-href" }); } catch (e) { /* not a URL */ }
    } else if (text && (el.tagName === "A" || el.hasAttribute("onclick"))) {
      el.setAttribute("data-auditor-click", String(clickId));
      clickables.push({ ...item, id: clickId++ });
    }
  }

  // --- images ----------------------------------------------------------------------
  const images = [];
  for (const img of queryAll("img, input[type=image]")) {
    if (images.length >= limits.maxImages) break;
    if (!visibleElement(img)) continue;
    const r = img.getBoundingClientRect();
    if (!onPage(r)) continue;
    const a = img.closest("a[href]");
    const box = rectOf(r);
    images.push({ alt: clean(img.getAttribute("alt") || img.getAttribute("title") || ""), src: img.currentSrc || img.src || "",
      href: a ? a.href : null, bbox: box, region: regionOf(img, box) });
  }

  const password = queryAll("input[type=password]").some(visibleElement);
  return { title: document.title || "", page_size: [pageW, pageH], blocks, links, images, clickables,
    has_password_field: password, truncated, ready: document.readyState };
}
