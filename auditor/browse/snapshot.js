// In-page extraction: one call per page (or same-origin frame) returns everything the
// auditor needs about what a visitor sees. Only rendered, visible text counts: comments
// are not text nodes, <script type="text/html"> templates are skipped with all scripts,
// and hidden or zero-size elements are dropped; text drawn by CSS (::before / ::after
// content) is read, since every visitor sees it. Geometry is in page (not viewport)
// coordinates so evidence can be cropped from a full-page screenshot later. What is
// linked and what is a footer is read from the page's structure (the elements around the
// text), position only where the structure says nothing.
(limits) => {
  if (!document.documentElement) return null;  // nothing arrived yet (headers, then a stalled body)
  // (A TEXTAREA's text nodes are its initial value: what it shows is its value, read in items() below.)
  const SKIP = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "TEXTAREA", "SELECT", "OPTION", "HEAD", "TITLE"]);
  // Class or id words that name a page's footer or header. The strong ones decide wherever the
  // element sits; the weak ones ("bottom", "record") only in the lower half of the content.
  const FOOTER_STRONG = /(^|[-_ ])(foot|footer|copyright|copy-?right|beian|icp)($|[-_ \d])/i;
  const FOOTER_WEAK = /(^|[-_ ])(bottom|record)($|[-_ \d])/i;
  const HEADER_HINT = /(^|[-_ ])(header|topbar|top-bar|navbar|masthead)($|[-_ \d])/i;
  // A <footer> or <header> inside these is an article's or a section's, not the page's (HTML's contentinfo rule).
  const SECTIONING = new Set(["ARTICLE", "ASIDE", "MAIN", "NAV", "SECTION"]);
  const MAX_BADGE_LINKS = 30;  // text-less links (badges) counted beside a block's text, per block
  const doc = document.documentElement;
  const pageW = Math.max(doc.scrollWidth, doc.clientWidth, 1);
  const pageH = Math.max(doc.scrollHeight, document.body ? document.body.scrollHeight : 0, doc.clientHeight, 1);
  const viewW = doc.clientWidth || pageW;
  const sx = window.scrollX, sy = window.scrollY;

  // Web components: open shadow roots render in place of their host, so they are read too.
  const parentOf = (el) => el.parentElement || (el.getRootNode && el.getRootNode().host) || null;
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
  // Text in the colour of what is behind it (white on white), or too small to read, is not seen.
  const rgba = (value) => {
    const m = /rgba?\(([^)]+)\)/.exec(value || "");
    if (!m) return null;
    const [r, g, b, a] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
    return [r, g, b, a === undefined || Number.isNaN(a) ? 1 : a];
  };
  const luminance = ([r, g, b]) => {
    const lin = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); };
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const backdrop = (el) => {  // the first opaque background behind an element; a picture may show anything
    for (let a = el; a && a.nodeType === Node.ELEMENT_NODE; a = parentOf(a)) {
      const st = getComputedStyle(a);
      if (st.backgroundImage && st.backgroundImage !== "none") return null;
      const bg = rgba(st.backgroundColor);
      if (bg && bg[3] > 0.5) return bg;
    }
    return [255, 255, 255, 1];  // the canvas of a page without a background
  };
  const legible = (el) => {
    const st = getComputedStyle(el);
    if (parseFloat(st.fontSize) < 4) return false;
    const fg = rgba(st.color);
    if (!fg) return true;
    if (fg[3] < 0.1) return false;
    const bg = backdrop(el);
    if (!bg || (st.textShadow && st.textShadow !== "none") || st.webkitTextStrokeWidth !== "0px") return true;
    const [hi, lo] = [luminance(fg), luminance(bg)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05) >= 1.15;
  };
  const roots = [document];
  for (let i = 0; i < roots.length && roots.length < 500; i++) {
    for (const el of roots[i].querySelectorAll("*")) if (el.shadowRoot) roots.push(el.shadowRoot);
  }
  const queryAll = (selector) => roots.flatMap((root) => Array.from(root.querySelectorAll(selector)));
  const rectOf = (r) => [r.left + sx, r.top + sy, r.width, r.height];
  const onPage = (r) => r.width > 0 && r.height > 0 && r.right + sx > 0 && r.bottom + sy > 0;
  const clean = (s) => s.replace(/\s+/g, " ").trim();
  // Cut to n UTF-16 units, never between the two halves of a pair (a lone half cannot be stored).
  const cut = (s, n) => (/[\uD800-\uDBFF]/.test(s.charAt(n - 1)) ? s.slice(0, n - 1) : s.slice(0, n));

  // --- CSS-drawn text ---------------------------------------------------------------
  const unescapeCss = (s) => s.replace(/\\([0-9a-fA-F]{1,6})\s?|\\([\s\S])/g, (_, hex, ch) => {
    if (!hex) return ch;
    const code = parseInt(hex, 16);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : "\ufffd";
  });
  // The quoted strings of a computed `content` value, joined: counter() and url() parts draw no text we can read.
  const cssStrings = (value) => {
    let out = "";
    const strings = /"((?:[^"\\]|\\[\s\S])*)"|'((?:[^'\\]|\\[\s\S])*)'/g;
    for (let m = strings.exec(value); m; m = strings.exec(value)) out += unescapeCss(m[1] !== undefined ? m[1] : m[2]);
    return out;
  };
  let pseudoChecked = 0;
  const pseudoText = (el, which) => {
    let st;
    try { st = getComputedStyle(el, which); } catch (e) { return ""; }
    const content = st.content;
    if (!content || content === "none" || content === "normal" || st.display === "none"
        || st.visibility === "hidden" || st.visibility === "collapse" || parseFloat(st.opacity) === 0) return "";
    // Icon fonts draw pictures with private-use characters: those are not text.
    return cssStrings(content).replace(/[\ue000-\uf8ff]/g, "").trim();
  };

  // Text nodes and CSS-drawn text of `root` in reading order: ::before ahead of an element's
  // content, ::after once the walk has left the element.
  function* items(root) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    const after = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      while (after.length && !after[after.length - 1].el.contains(node)) yield after.pop();
      if (node.nodeType === Node.TEXT_NODE) { yield node; continue; }
      // A text area shows its value (an agreement in a read-only box is read like any text); its lines
      // are paragraphs, each a block of its own.
      if (node.tagName === "TEXTAREA") {
        let n = 0;
        for (const line of node.value.split("\n")) {
          if (n >= limits.maxBlocks) break;
          if (line.trim()) yield { el: node, text: line, key: n++ };
        }
        continue;
      }
      if (!SKIP.has(node.tagName) && pseudoChecked++ < limits.maxPseudo) {
        const before = pseudoText(node, "::before");
        if (before) yield { el: node, text: before };
        const behind = pseudoText(node, "::after");
        if (behind) after.push({ el: node, text: behind });
      }
      if (node.shadowRoot) yield* items(node.shadowRoot);
    }
    while (after.length) yield after.pop();
  }

  // --- where a click leads ------------------------------------------------------------
  // A URL a click handler opens, written as a literal: onclick="window.open('…')", location.href='…'.
  const SCRIPT_NAV = /(?:window\.open|location\.(?:assign|replace))\s*\(\s*(['"`])([^'"`]+)\1|location(?:\.href)?\s*=\s*(['"`])([^'"`]+)\3/;
  const resolve = (url) => { try { return new URL(url, location.href).href; } catch (e) { return null; } };
  const scriptTarget = (code) => {
    const m = SCRIPT_NAV.exec(code || "");
    const url = m ? resolve(m[2] || m[4]) : null;
    return url && /^https?:/i.test(url) ? url : null;
  };
  // Where clicking this very element goes, if it is a link or a handler that names its target.
  // An SVG <a> is a link too: its tagName is "a", its href an attribute (or the older xlink:href).
  const XLINK = "http://www.w3.org/1999/xlink";
  const hrefOf = (el) => el.getAttribute("href") ?? el.getAttributeNS(XLINK, "href");
  const isAnchor = (el) => el.localName === "a" || el.localName === "area";
  const ownTarget = (el) => {
    if (!el.getAttribute) return null;
    if (isAnchor(el) && hrefOf(el) !== null) {
      const raw = hrefOf(el).trim();
      if (/^javascript:/i.test(raw)) {
        const url = scriptTarget(raw);
        if (url) return { url, via: "script" };
      } else if (raw && (!raw.startsWith("#") || /^#!?\//.test(raw))) {  // "#/privacy": an app's view, a page
        const url = typeof el.href === "string" ? el.href : resolve(raw);
        if (url) return { url, via: "href" };
      }
    }
    if (el.hasAttribute("data-href")) {
      const url = resolve(el.getAttribute("data-href").replace(/^#/, ""));
      if (url) return { url, via: "data-href" };
    }
    if (el.hasAttribute("onclick")) {
      const url = scriptTarget(el.getAttribute("onclick"));
      if (url) return { url, via: "script" };
    }
    return null;
  };
  // The element (this one or an ancestor) that a click on this text follows.
  const navCache = new Map();
  const targetOf = (el) => {
    if (navCache.has(el)) return navCache.get(el);
    let found = null;
    for (let a = el; a && a !== document.body && a !== doc && !found; a = parentOf(a)) found = ownTarget(a);
    navCache.set(el, found);
    return found;
  };

  // --- structure: blocks, footer, header ---------------------------------------------
  const insideSectioning = (el) => {
    for (let a = parentOf(el); a && a !== doc; a = parentOf(a)) if (SECTIONING.has(a.tagName)) return true;
    return false;
  };
  // What the nearest ancestor with a say calls this element's part of the page: footer, header, or nothing.
  const structureOf = (el) => {
    for (let a = el; a && a !== doc; a = parentOf(a)) {
      const tag = a.tagName, role = (a.getAttribute && a.getAttribute("role")) || "";
      if (role === "contentinfo" || (tag === "FOOTER" && !insideSectioning(a))) return "footer";
      if (role === "banner" || (tag === "HEADER" && !insideSectioning(a))) return "header";
      const names = (a.id || "") + " " + (typeof a.className === "string" ? a.className : "");
      if (FOOTER_STRONG.test(names)) return "footer";
      if (HEADER_HINT.test(names)) return "header";
      if (FOOTER_WEAK.test(names)) return "footer?";
    }
    return null;
  };
  let contentBottom = pageH;  // where the page's content ends: set once the blocks are read
  const regionOf = (el, box) => {
    const [, y, , height] = box;
    const said = structureOf(el);
    if (said === "footer" || (said === "footer?" && y > contentBottom * 0.5)) return "footer";
    if (said === "header") return "header";
    // The structure says nothing: the last band of the content is its footer, the top its header.
    const bottomBand = Math.max(contentBottom * 0.25, Math.min(600, contentBottom * 0.5));
    if (y + height >= contentBottom - bottomBand && y > contentBottom * 0.5) return "footer";
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
  // The words that label a block from the element before it: a table's header cell (<th>地址</th><td>…</td>),
  // a <dt>, or a short caption ("投诉邮箱" above "ts@shop.cn").
  const labelBefore = (el) => {
    const prev = el === document.body ? null : el.previousElementSibling;
    const text = prev ? clean(prev.textContent || "") : "";
    if (!text || text.length > 16 || /\d/.test(text) || /[。！？!?]/.test(text) || SKIP.has(prev.tagName)) return "";
    return visibleElement(prev) ? text : "";
  };
  const imageText = (el) => Array.from(el.querySelectorAll ? el.querySelectorAll("img[alt]") : []).map((i) => i.alt).join(" ");

  // --- text blocks ---------------------------------------------------------------
  const blocks = [];
  const blockEls = [];
  let group = null;
  // Links beside the text: text-less links (a police badge, an icon) inside the block's element.
  const badgeLinks = (el, known) => {
    if (el === document.body || el === doc) return [];
    const found = [];
    const candidates = el.querySelectorAll("a[href], a[*|href], area[href], [data-href], [onclick]");
    if (candidates.length > MAX_BADGE_LINKS) return [];
    for (const a of candidates) {
      const target = ownTarget(a);
      if (target && !known.has(target.url) && visibleElement(a)) {
        known.add(target.url);
        found.push({ text: cut(clean(a.getAttribute("aria-label") || a.getAttribute("title") || imageText(a)), 300),
          url: target.url, via: target.via });
      }
    }
    return found;
  };
  // Whether a box is horizontally centred in the window.
  const centredBox = (x0, x1) => Math.abs(x0 + (x1 - x0) / 2 - viewW / 2) <= viewW * 0.08;
  // The own boxes of the parts of a block that carry numbers: a number's place is its own element's,
  // not its line's (a right-floated Discuz! footer line reaches the middle, its number does not).
  // A line its page centres (text-align: center) centres all it holds, the number at its start too.
  const MAX_PIECES = 20;
  const piecesOf = (g) => Array.from(g.pieces.values())
    .filter((p) => (p.text.match(/\d/g) || []).length >= 3).slice(0, MAX_PIECES)
    .map((p) => ({ text: cut(clean(p.text), 80), centered: centredBox(p.x0, p.x1) }));
  const flush = () => {
    if (!group) return;
    const text = cut(clean(group.parts.join("")), limits.maxBlockChars);
    if (text) {
      const box = [group.x0, group.y0, group.x1 - group.x0, group.y1 - group.y0];
      const links = Array.from(group.links.entries()).map(([url, l]) => (
        { text: cut(clean(l.text), 300), url, via: l.via }));
      blocks.push({
        text, bbox: box, region: "main",
        centered: centredBox(group.x0, group.x1),
        pieces: group.pieces.size > 1 && !/center/.test(getComputedStyle(group.el).textAlign) ? piecesOf(group) : [],
        font_px: parseFloat(getComputedStyle(group.el).fontSize) || 0,
        links: links.concat(badgeLinks(group.el, new Set(group.links.keys()))),
        label: labelBefore(group.el),
        folded: !!(group.el.closest && group.el.closest("[data-auditor-opened]")),
      });
      blockEls.push(group.el);
    }
    group = null;
  };
  // Which text to look at: all of it on a normal page; on a huge one the first and the
  // last `half` items (disclosures sit in headers and footers, not in the middle).
  const half = Math.floor(limits.maxBlocks / 2);
  const head = [], tail = new Array(half);
  let seen = 0;
  for (const item of items(document.body || doc)) {
    const isText = item.nodeType === Node.TEXT_NODE;
    const owner = isText ? item.parentElement : item.el;
    if (!owner || (isText && (SKIP.has(owner.tagName) || !item.data.trim()))) continue;
    if (head.length < half) head.push(item); else tail[(seen - half) % half] = item;
    seen++;
  }
  const truncated = seen > 2 * half;
  const rest = seen - head.length;
  const ordered = truncated
    ? tail.slice((seen - half) % half).concat(tail.slice(0, (seen - half) % half))
    : tail.slice(0, rest);
  const visibleCache = new Map();
  for (const item of head.concat(ordered.filter(Boolean))) {
    if (blocks.length >= limits.maxBlocks) break;
    const isText = item.nodeType === Node.TEXT_NODE;
    const owner = isText ? item.parentElement : item.el;
    if (isText && owner.closest("script,style,noscript,template,svg title")) continue;
    let vis = visibleCache.get(owner);
    if (vis === undefined) { vis = visibleElement(owner) && legible(owner); visibleCache.set(owner, vis); }
    if (!vis) continue;
    let r;
    if (isText) {
      const range = document.createRange();
      range.selectNodeContents(item);
      r = range.getBoundingClientRect();
    } else {
      r = owner.getBoundingClientRect();  // a pseudo-element has no box of its own: its element's
    }
    if (!onPage(r)) continue;
    const box = container(owner);
    const key = item.key === undefined ? null : item.key;  // a text area's line starts a block of its own
    if (!group || group.el !== box || group.key !== key) {
      flush();
      group = { el: box, key, parts: [], links: new Map(), pieces: new Map(), last: null,
        x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
    }
    // Text of different inline elements (links side by side) is visually apart: keep a space
    // between them so labels do not run together. Numbers split across spans still join
    // after normalisation, which removes spaces.
    const text = isText ? item.data : item.text;
    if (group.last && group.last !== owner) group.parts.push(" ");
    group.parts.push(text);
    group.last = owner;
    const target = targetOf(owner);
    if (target) {
      const link = group.links.get(target.url) || { text: "", via: target.via };
      link.text += " " + text;
      group.links.set(target.url, link);
    }
    const piece = group.pieces.get(owner) || { text: "", x0: Infinity, x1: -Infinity };
    piece.text += text;
    piece.x0 = Math.min(piece.x0, r.left + sx); piece.x1 = Math.max(piece.x1, r.right + sx);
    group.pieces.set(owner, piece);
    group.x0 = Math.min(group.x0, r.left + sx); group.y0 = Math.min(group.y0, r.top + sy);
    group.x1 = Math.max(group.x1, r.right + sx); group.y1 = Math.max(group.y1, r.bottom + sy);
  }
  flush();
  if (blocks.length) contentBottom = Math.max(...blocks.map((b) => b.bbox[1] + b.bbox[3]));
  blocks.forEach((b, i) => { b.region = regionOf(blockEls[i], b.bbox); });

  // --- links ---------------------------------------------------------------------
  const labelOf = (el) => clean(el.innerText || el.getAttribute("aria-label") || el.getAttribute("title")
    || el.getAttribute("alt") || imageText(el) || (el instanceof SVGElement ? el.textContent : "") || "");
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
    const target = ownTarget(el);
    if (target) {
      links.push({ ...item, url: target.url, via: target.via });
    } else if (text && (el.localName === "a" || el.hasAttribute("onclick"))) {
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
    const target = targetOf(img);
    const box = rectOf(r);
    const around = container(img);
    // The words beside the picture ("ICP备案号：<img>") say what it may show.
    const context = around === document.body ? "" : cut(clean(around.innerText || ""), 200);
    images.push({ alt: clean(img.getAttribute("alt") || img.getAttribute("title") || ""), src: img.currentSrc || img.src || "",
      href: target ? target.url : null, bbox: box, region: regionOf(img, box), context });
  }

  // --- the section a link's #fragment opens ---------------------------------------------
  // "agreement.html#rules" opens the agreement at its 附件一《交易规则》: the document the link names is
  // that section. A container's section is its box; a heading's runs to the next heading of its
  // level or above.
  const anchorOf = () => {
    let id = "";
    try { id = decodeURIComponent((location.hash || "").slice(1)); } catch (e) { return null; }
    if (!id || /^[!/]/.test(id)) return null;  // "#/privacy": an app's route, not a section
    const el = document.getElementById(id) || document.getElementsByName(id)[0];
    if (!el || !visibleElement(el)) return null;
    const r = el.getBoundingClientRect();
    const level = /^H([1-6])$/.exec(el.tagName);
    let bottom = r.bottom + sy;
    if (level) {
      const after = Array.from(document.querySelectorAll("h1, h2, h3, h4, h5, h6")).find((h) =>
        (el.compareDocumentPosition(h) & Node.DOCUMENT_POSITION_FOLLOWING) && Number(h.tagName[1]) <= Number(level[1]));
      bottom = after ? after.getBoundingClientRect().top + sy : pageH;
    }
    const heading = clean((el.innerText || el.textContent || "").split("\n").find((line) => line.trim()) || "");
    return { heading: cut(heading, 200), top: r.top + sy, bottom };
  };

  const password = queryAll("input[type=password]").some(visibleElement);
  return { title: document.title || "", page_size: [pageW, pageH], blocks, links, images, clickables,
    has_password_field: password, truncated, ready: document.readyState, anchor: anchorOf() };
}
