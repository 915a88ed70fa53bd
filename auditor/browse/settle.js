// Installed in every frame before any site script runs (BrowserContext.add_init_script).
// It notes when the DOM last changed, which timers are still due and which of the page's own
// requests (fetch, XMLHttpRequest) are in flight, so that the auditor can tell "scripts have
// finished writing this page" without waiting a fixed time: auditor/browse/settle.py asks it
// through window[Symbol.for("auditor.settle")]. The requests are counted here, in the page, as
// well as by the browser's events: an event reaches the auditor later than the page's own answer
// to "did anything start?", and under load the answer would come first (a footer fetched when
// scrolled to was missed so).
(() => {
  const KEY = Symbol.for("auditor.settle");
  if (window[KEY]) return;
  const TRACKED_MS = 60000;  // a timer further away than this is not a footer about to be written
  const originalSet = window.setTimeout.bind(window);
  const originalClear = window.clearTimeout.bind(window);
  const OriginalObserver = window.IntersectionObserver;  // the page may replace its own
  const due = new Map();  // timer id -> {at: performance.now() at which it fires, set: when it was set}
  const requests = new Map();  // token -> performance.now() at which the request started
  let lastChange = performance.now();
  let lastRequest = -Infinity;  // a request of the page last started or ended
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
    for (let i = 0; !scripted && i < records.length; i++) {
      const added = records[i].addedNodes;
      for (let j = 0; !scripted && j < added.length; j++) scripted = nameOf(added[j]) === "script";
    }
  }).observe(document, {subtree: true, childList: true, characterData: true, attributes: true});
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

  const started = () => {
    const token = nextToken++;
    lastRequest = performance.now();
    requests.set(token, lastRequest);
    return token;
  };
  const ended = (token) => { if (requests.delete(token)) lastRequest = performance.now(); };
  const originalFetch = window.fetch;
  if (typeof originalFetch === "function") {
    window.fetch = function fetch(...args) {
      const token = started();
      try {
        const answer = originalFetch.apply(this === undefined ? window : this, args);
        Promise.resolve(answer).then(() => ended(token), () => ended(token));
        return answer;
      } catch (error) { ended(token); throw error; }
    };
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
    // The DOM changed or a request started or ended: the page is still being written.
    lastActivity: () => Math.max(lastChange, lastRequest),
    dueBefore: (time) => { for (const timer of due.values()) if (timer.at <= time) return true; return false; },
    inFlight: () => requests.size > 0,
    // No script has been or is in the page, nor anything else that runs: it is as written.
    scriptless,
    // Something begun at or after `since` is still under way: a timer set then and due before
    // `before`, or a request started then and not ended.
    busySince: (since, before) => {
      for (const timer of due.values()) if (timer.set >= since && timer.at <= before) return true;
      for (const start of requests.values()) if (start >= since) return true;
      return false;
    },
    setTimeout: originalSet,
    clearTimeout: originalClear,
    IntersectionObserver: OriginalObserver,
  })});
})();
