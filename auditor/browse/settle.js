// Installed in every frame before any site script runs (BrowserContext.add_init_script).
// It notes when the DOM last changed, which timers are still due and which loads of the page are
// in flight, so that the auditor can tell "scripts have finished writing this page" without
// waiting a fixed time: auditor/browse/settle.py asks it through window[Symbol.for("auditor.settle")].
// The loads are the page's own requests (fetch, XMLHttpRequest) and what its elements load (a
// script, a stylesheet, a picture it adds or points somewhere new), and every load's end is
// noted. The browser's request events told the auditor the same, later (under load the page's own
// answer to "did anything start?" came first: a footer fetched when scrolled to was missed so) and
// dearly: each request reached it as five protocol messages to decode, a real homepage makes a
// hundred or more (issue 17).
(() => {
  const KEY = Symbol.for("auditor.settle");
  if (window[KEY]) return;
  const TRACKED_MS = 60000;  // a timer further away than this is not a footer about to be written
  const originalSet = window.setTimeout.bind(window);
  const originalClear = window.clearTimeout.bind(window);
  const OriginalObserver = window.IntersectionObserver;  // the page may replace its own
  const due = new Map();  // timer id -> {at: performance.now() at which it fires, set: when it was set}
  const requests = new Map();  // token -> performance.now() at which the request started
  const elementLoads = new Map();  // token -> {at: when an element's load started, element}
  let lastChange = performance.now();
  let lastRequest = -Infinity;  // a request of the page last started or ended
  let lastLoad = -Infinity;  // any load of the page last started or ended
  let nextToken = 0;

  // Whether a script element was ever in the document. With none, nothing can write the page
  // once it has loaded, so it need not be given time to. The first script of a page can only
  // come from its parser, which inserts it as a record of its own (a subtree added at once was
  // made by a script already seen). Read through getters kept from before the site's scripts ran.
  const localName = Object.getOwnPropertyDescriptor(Element.prototype, "localName").get;
  const nameOf = (node) => (node.nodeType === 1 ? Reflect.apply(localName, node, []) : "");
  let scripted = false;
  new MutationObserver((records) => {
    lastChange = performance.now();
    const batch = new Set();  // the elements added in this delivery: one looked inside covers its own
    for (let i = 0; i < records.length; i++) {
      const record = records[i];
      try {
        if (record.type === "attributes") {
          // The same value set again starts no load, so ends none.
          if (RELOADING.has(record.attributeName)
              && record.oldValue !== Reflect.apply(getAttribute, record.target, [record.attributeName])) {
            watchLoad(record.target, false);
          }
          continue;
        }
        const added = record.addedNodes;
        for (let j = 0; j < added.length; j++) {
          const node = added[j];
          if (node.nodeType !== 1) continue;
          scripted = scripted || nameOf(node) === "script";
          batch.add(node);
          watchAdded(node, batch.has(record.target));
        }
      } catch (error) { /* an element of an odd kind: the rest of the delivery is still watched */ }
    }
  }).observe(document, {subtree: true, childList: true, characterData: true, attributes: true,
                        attributeOldValue: true});
  // Whatever else can run or write: a frame (its scripts may write here), a plug-in, a handler attribute.
  const query = Document.prototype.querySelector;
  const xpath = Document.prototype.evaluate;
  const scriptless = () => !scripted
    && Reflect.apply(query, document, ["script, iframe, frame, object, embed"]) === null
    && Reflect.apply(xpath, document, ["//@*[starts-with(name(), 'on')]", document, null,
                                       XPathResult.ANY_UNORDERED_NODE_TYPE, null]).singleNodeValue === null;

  window.setTimeout = function setTimeout(callback, delay, ...args) {
    const ms = Math.max(0, Number(delay) || 0);
    if (typeof callback !== "function" || ms > TRACKED_MS) return originalSet(callback, delay, ...args);
    const id = originalSet(function () { due.delete(id); return callback.apply(this, arguments); }, ms, ...args);
    const now = performance.now();
    due.set(id, {at: now + ms, set: now});
    return id;
  };
  window.clearTimeout = function clearTimeout(id) { due.delete(id); return originalClear(id); };

  // The page's own requests (and its scripts' loads) are activity: their answers are written next.
  // Another element's load is only the network's (a picture arriving writes nothing).
  const started = (element = null) => {
    const token = nextToken++;
    lastLoad = performance.now();
    if (element === null) {
      lastRequest = lastLoad;
      requests.set(token, lastLoad);
    } else {
      elementLoads.set(token, {at: lastLoad, element});
    }
    return token;
  };
  const ended = (token) => {
    if (requests.delete(token)) lastRequest = lastLoad = performance.now();
    else if (elementLoads.delete(token)) lastLoad = performance.now();
  };
  // A call whose answer (a promise) is a request in flight until it settles.
  const counted = (call) => {
    const token = started();
    try {
      const answer = call();
      Promise.resolve(answer).then(() => ended(token), () => ended(token));
      return answer;
    } catch (error) { ended(token); throw error; }
  };

  // An element's load, counted from when the mutation observer sees the element (its record is
  // delivered before any load it began can end: loads end in tasks of their own) to its load or
  // error event, heard on the element itself (a picture taken out of the page before it loaded
  // still tells it). A picture loads each time it is pointed elsewhere (not at the address it
  // has), and then its earlier load is over; a stylesheet tells one load in its life, and one taken
  // out of the page before it loaded tells none (its load is over when it is seen gone). A script
  // loads once, when first added, and only if a script made it (createElement) and it has not run
  // yet: the parser's own have all run by the load event, and one written as HTML (innerHTML) never
  // runs, so never tells an end. An answer's body being read (fetch resolves at its headers) is in
  // flight too. Not counted as in flight, only as ended: a picture the browser defers until it nears
  // the view (loading=lazy: one never in view never ends) until a scroll brings it into view
  // (watchInView), what a frame loads (its own document: the page's load event waits for a frame's first
  // load, what it fetches later is not waited for; frames are rarely where a page's text is
  // written late, and its tracker counts only its own document), and what the parser adds
  // inside an element a script wrote while the page was still loading (the parser's own elements
  // come one record each; looking inside each would cost the depth of the page).
  const LOADING = "script[src], link[href], img";
  const RELOADING = new Set(["src", "srcset", "href"]);
  const RUNNABLE = /^\s*(module|(text|application)\/(x-)?(java|ecma)script|text\/jscript)?\s*$/i;
  const getAttribute = Element.prototype.getAttribute;
  const hasAttribute = Element.prototype.hasAttribute;
  const firstChild = Object.getOwnPropertyDescriptor(Node.prototype, "firstChild").get;
  const queryAll = Element.prototype.querySelectorAll;
  const readyState = Object.getOwnPropertyDescriptor(Document.prototype, "readyState").get;
  const listen = EventTarget.prototype.addEventListener;
  const imageComplete = Object.getOwnPropertyDescriptor(HTMLImageElement.prototype, "complete").get;
  const connected = Object.getOwnPropertyDescriptor(Node.prototype, "isConnected").get;
  const Picture = HTMLImageElement, Script = HTMLScriptElement, Link = HTMLLinkElement;
  const loadsOf = new WeakMap();  // element -> token of its load in flight
  const madeScripts = new WeakSet();  // scripts a script made, not yet added nor run
  const countedLinks = new WeakSet();  // a stylesheet tells its load once in its life
  for (const name of ["createElement", "createElementNS"]) {
    const make = Document.prototype[name];
    const forget = (event) => madeScripts.delete(event.target);  // it ran (or failed): no load is coming
    const made = function (...args) {
      const element = Reflect.apply(make, this, args);
      if (element instanceof Script) {
        madeScripts.add(element);
        Reflect.apply(listen, element, ["load", forget, {once: true}]);
        Reflect.apply(listen, element, ["error", forget, {once: true}]);
      }
      return element;
    };
    Object.defineProperty(made, "name", {value: name});
    Object.defineProperty(made, "length", {value: make.length});
    Document.prototype[name] = made;
  }
  // Which count an element's load goes to, if any: a script's is as the page's own requests (it
  // writes the page when it arrives: `requests`), a picture's or a stylesheet's the network's alone.
  const countOf = (element, added) => {
    const name = nameOf(element);
    const attribute = (key) => Reflect.apply(getAttribute, element, [key]);
    const has = (key) => Reflect.apply(hasAttribute, element, [key]);
    if (name === "script") {
      if (!added || !(element instanceof Script) || !madeScripts.delete(element)) return null;
      return attribute("src") && RUNNABLE.test(attribute("type") || "") && !has("nomodule") ? requests : null;
    }
    if (name === "link") {
      if (!(element instanceof Link) || countedLinks.has(element)) return null;
      const sheet = /(^|\s)stylesheet(\s|$)/i.test(attribute("rel") || "") && attribute("href") && !has("disabled")
        && /^\s*(text\/css)?\s*$/i.test(attribute("type") || "");
      if (!sheet) return null;
      countedLinks.add(element);
      return elementLoads;
    }
    if (name === "img" && element instanceof Picture && !Reflect.apply(imageComplete, element, [])
        && (attribute("loading") || "").toLowerCase() !== "lazy") return elementLoads;
    return null;
  };
  const watch = (element, count) => {
    const token = started(count === requests ? null : element);
    loadsOf.set(element, token);
    const end = () => { if (loadsOf.get(element) === token) loadsOf.delete(element); ended(token); };
    Reflect.apply(listen, element, ["load", end, {once: true}]);
    Reflect.apply(listen, element, ["error", end, {once: true}]);
  };
  const watchLoad = (element, added) => {
    const earlier = loadsOf.get(element);  // pointed elsewhere (or nowhere): that load is over
    if (earlier !== undefined) { loadsOf.delete(element); ended(earlier); }
    const count = countOf(element, added);
    if (count !== null) watch(element, count);
  };
  // After a scroll: the deferred pictures now in view have begun to load (two frames on).
  const rectOf = Element.prototype.getBoundingClientRect;
  const imagesOf = Object.getOwnPropertyDescriptor(Document.prototype, "images").get;
  const watchInView = () => {
    const images = Reflect.apply(imagesOf, document, []);
    for (let i = 0; i < images.length; i++) {
      const image = images[i];
      if (Reflect.apply(imageComplete, image, []) || loadsOf.has(image)) continue;
      const box = Reflect.apply(rectOf, image, []);
      if (box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < window.innerHeight) watch(image, elementLoads);
    }
  };
  // An element out of the page tells no end of a load it will not make (a stylesheet removed while
  // it loads): its load is over when it is seen gone.
  const dropGone = () => {
    for (const [token, load] of elementLoads) {
      if (!Reflect.apply(connected, load.element, [])) ended(token);
    }
  };
  const watchAdded = (node, insideAnother) => {
    watchLoad(node, true);
    if (insideAnother || Reflect.apply(firstChild, node, []) === null
        || Reflect.apply(readyState, document, []) === "loading") return;
    const inside = Reflect.apply(queryAll, node, [LOADING]);
    for (let k = 0; k < inside.length; k++) watchLoad(inside[k], true);
  };
  // Any element's load or error ends a load, counted or not (a deferred picture come into view).
  const noteEnd = (event) => { if (event.target !== window) lastLoad = performance.now(); };  // not a script error
  Reflect.apply(listen, window, ["load", noteEnd, true]);
  Reflect.apply(listen, window, ["error", noteEnd, true]);
  // What else the page loads ends too (a background picture, a font, a frame's document): noted
  // as its end, when the browser reports it.
  if (typeof PerformanceObserver === "function") {
    try {
      new PerformanceObserver((list) => {
        const entries = list.getEntries();
        for (let i = 0; i < entries.length; i++) lastLoad = Math.max(lastLoad, entries[i].responseEnd);
      }).observe({type: "resource", buffered: true});
    } catch (error) { /* an old browser: the elements' own ends are noted */ }
  }
  const originalFetch = window.fetch;
  if (typeof originalFetch === "function") {
    window.fetch = function fetch(...args) {
      return counted(() => originalFetch.apply(this === undefined ? window : this, args));
    };
  }
  // An answer's body may arrive long after its headers (fetch resolves with the headers): reading it
  // is in flight too, until it has all come.
  const answers = window.Response && window.Response.prototype;
  for (const name of ["json", "text", "arrayBuffer", "blob", "formData"]) {
    const read = answers && answers[name];
    if (typeof read !== "function") continue;
    const reading = function (...args) { return counted(() => Reflect.apply(read, this, args)); };
    Object.defineProperty(reading, "name", {value: name});
    answers[name] = reading;
  }
  const xhr = window.XMLHttpRequest && window.XMLHttpRequest.prototype;
  const originalSend = xhr && xhr.send;
  if (typeof originalSend === "function") {
    xhr.send = function send(...args) {
      const token = started();
      this.addEventListener("loadend", () => ended(token), {once: true});
      try { return originalSend.apply(this, args); } catch (error) { ended(token); throw error; }
    };
  }

  Object.defineProperty(window, KEY, {value: Object.freeze({
    lastChange: () => lastChange,
    lastLoad: () => lastLoad,
    // The DOM changed or a request (or a script) started or ended: the page is still being written.
    lastActivity: () => Math.max(lastChange, lastRequest),
    dueBefore: (time) => { for (const timer of due.values()) if (timer.at <= time) return true; return false; },
    inFlight: () => requests.size > 0,
    // The network is quiet: nothing the page loads in flight, nothing started or ended for `quiet` ms.
    networkQuiet: (quiet) => {
      if (elementLoads.size > 0) dropGone();
      return requests.size === 0 && elementLoads.size === 0 && performance.now() - lastLoad >= quiet;
    },
    watchInView,
    // No script has been or is in the page, nor anything else that runs: it is as written.
    scriptless,
    // Something begun at or after `since` is still under way: a timer set then and due before
    // `before`, or a request or an element's load started then and not ended.
    busySince: (since, before) => {
      for (const timer of due.values()) if (timer.set >= since && timer.at <= before) return true;
      for (const start of requests.values()) if (start >= since) return true;
      if (elementLoads.size > 0) dropGone();
      for (const load of elementLoads.values()) if (load.at >= since) return true;
      return false;
    },
    setTimeout: originalSet,
    clearTimeout: originalClear,
    IntersectionObserver: OriginalObserver,
  })});
})();
