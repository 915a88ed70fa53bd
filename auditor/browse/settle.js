// Installed in every frame before any site script runs (BrowserContext.add_init_script).
// It notes when the DOM last changed and which timers are still due, so that the auditor
// can tell "scripts have finished writing this page" without waiting a fixed time:
// auditor/settle.py asks it through window[Symbol.for("auditor.settle")].
(() => {
  const KEY = Symbol.for("auditor.settle");
  if (window[KEY]) return;
  const TRACKED_MS = 60000;  // a timer further away than this is not a footer about to be written
  const originalSet = window.setTimeout.bind(window);
  const originalClear = window.clearTimeout.bind(window);
  const due = new Map();  // timer id -> performance.now() at which it fires
  let lastChange = performance.now();

  new MutationObserver(() => { lastChange = performance.now(); })
    .observe(document, {subtree: true, childList: true, characterData: true, attributes: true});

  window.setTimeout = function setTimeout(callback, delay, ...args) {
    const ms = Math.max(0, Number(delay) || 0);
    if (typeof callback !== "function" || ms > TRACKED_MS) return originalSet(callback, delay, ...args);
    const id = originalSet(function () { due.delete(id); return callback.apply(this, arguments); }, ms, ...args);
    due.set(id, performance.now() + ms);
    return id;
  };
  window.clearTimeout = function clearTimeout(id) { due.delete(id); return originalClear(id); };

  Object.defineProperty(window, KEY, {value: Object.freeze({
    lastChange: () => lastChange,
    dueBefore: (time) => { for (const at of due.values()) if (at <= time) return true; return false; },
    setTimeout: originalSet,
    clearTimeout: originalClear,
  })});
})();
