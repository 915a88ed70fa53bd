// The rendered DOM written out as inert HTML: what the page's scripts made of it, with
// nothing left that runs or fetches when an official opens the copy from disk (issue 13).
// Run in an isolated world (render.py), so the page cannot change how this code works.
//
// Inert by construction, not by filtering text: this serialiser writes every "<" of the
// copy itself. Text and attribute values are escaped, so whatever the markup's shape no
// tag appears that was not written here; no script element, event handler, javascript:
// URL, srcdoc, <base>, <meta http-equiv> or <link> is written; attributes that fetch
// (src, srcset, poster, href of non-links …) are kept under a data-auditor- name.
(max) => {
  const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr", "basefont", "bgsound", "frame", "keygen"]);
  // Left out with everything inside them: they run, load or navigate; or (noscript) they
  // are what a visitor without scripts sees, not what this visitor saw.
  const DROP = new Set(["script", "noscript", "base", "link", "object", "embed", "applet", "portal",
    "set", "animate", "animatemotion", "animatetransform", "discard", "noembed", "noframes", "handler",
    "listener"]);
  const FETCH = new Set(["src", "srcset", "poster", "background", "lowsrc", "dynsrc", "data", "codebase",
    "archive", "manifest", "imagesrcset", "ping", "action", "formaction", "xlink:href", "href"]);
  const LINKS = new Set(["a", "area"]);  // their href is a link to follow, not a fetch
  const NAME = /^[a-zA-Z][a-zA-Z0-9._:-]*$/;
  const out = [];
  let size = 0, cut = false;
  const removed = { elements: 0, handlers: 0, urls: 0 };
  const put = (s) => {
    if (cut) return;
    if (size + s.length > max) { cut = true; return; }
    out.push(s); size += s.length;
  };
  const escText = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\u00a0/g, "&nbsp;");
  const escAttr = (s) => escText(s).replace(/"/g, "&quot;");
  // CSS fetches too (url(), @import, image-set()), and a meta CSP does not stop that from
  // file:// in Chromium: those words are broken; escapes are dropped first so none hides them.
  const inertCss = (s) => s.replace(/\\/g, "").replace(/url\s*\(/gi, "nourl(").replace(/@import/gi, "@noimport")
    .replace(/image-set\s*\(/gi, "noimage-set(").replace(/</g, "\\3c ");
  // A URL's scheme as browsers read it: control characters and whitespace inside are ignored.
  const scheme = (v) => { const m = /^([a-z][a-z0-9+.-]*):/.exec(v.replace(/[\u0000-\u0020\u007f]/g, "").toLowerCase()); return m ? m[1] : ""; };
  const attributes = (el, tag) => {
    let text = "";
    for (const a of Array.from(el.attributes)) {
      let name = a.name.toLowerCase();
      const value = a.value;
      if (name.startsWith("on")) { removed.handlers++; continue; }
      if (!NAME.test(name) || name === "srcdoc" || name === "http-equiv" || name === "is") { removed.urls++; continue; }
      const s = scheme(value);
      if (s === "javascript" || s === "vbscript" || s === "livescript" || (s === "data" && !tag.startsWith("img"))) {
        removed.urls++; continue;
      }
      const link = name === "href" && LINKS.has(tag);
      if (FETCH.has(name) && !link) name = "data-auditor-" + name.replace(":", "-");
      const css = !link && /url\s*\(|@import|image-set/i.test(value.replace(/\\/g, ""));  // style, fill, filter…
      text += " " + name + '="' + escAttr(css ? inertCss(value).replace(/\\3c /g, "<") : value) + '"';
    }
    return text;
  };
  const walk = (node) => {
    for (let child = node.firstChild; child && !cut; child = child.nextSibling) {
      if (child.nodeType === Node.TEXT_NODE || child.nodeType === Node.CDATA_SECTION_NODE) {
        const parent = (node.localName || "").toLowerCase();
        if (parent === "style") put(inertCss(child.data));  // and "<" could only end the element
        else if (parent !== "iframe") put(escText(child.data));  // an iframe's text is never shown
      } else if (child.nodeType === Node.COMMENT_NODE) {
        if (!/[<>]|--/.test(child.data) && !child.data.endsWith("-")) put("<!--" + child.data + "-->");
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        element(child);
      }
    }
  };
  const element = (el) => {
    let tag = (el.localName || "").toLowerCase();
    if (DROP.has(tag) || (tag === "meta" && el.hasAttribute("http-equiv"))) { removed.elements++; return; }
    if (!NAME.test(tag)) { walk(el); return; }  // a name no parser writes: keep only what is inside
    if (tag === "xmp" || tag === "plaintext") tag = "pre";
    const name = el.namespaceURI === "http://www.w3.org/2000/svg" ? el.localName : tag;  // SVG keeps its case
    put("<" + name + attributes(el, tag) + ">");
    if (VOID.has(tag) && el.namespaceURI === "http://www.w3.org/1999/xhtml") return;
    walk(tag === "template" && el.content ? el.content : el);
    put("</" + name + ">");
  };
  if (document.documentElement) element(document.documentElement);
  return { html: out.join(""), cut, removed };
}
