// On a document page (a policy, a help centre), open what a visitor opens with one click
// before the page is read: closed <details> sections, and the hidden panels of a tab or
// accordion group (siblings of one kind, one shown, the others hidden until their tab is
// clicked). What is opened is marked data-auditor-opened: its text is read as "folded"
// (TextBlock.folded), so evidence says a click was needed. Nothing else hidden is shown:
// an element hidden on its own (a template, a decoy) stays unread. The homepage is never
// opened: what it must display has to be displayed.
(limits) => {
  if (!document.body) return 0;
  let opened = 0;
  for (const details of document.querySelectorAll("details:not([open])")) {
    if (opened >= limits.maxOpened) return opened;
    details.open = true;
    details.setAttribute("data-auditor-opened", "details");
    opened++;
  }
  const shown = (el) => el.checkVisibility ? el.checkVisibility({ visibilityProperty: true }) : el.offsetParent !== null;
  const kindOf = (el) => `${el.tagName}.${el.className}`;
  const groups = new Set();
  let scanned = 0;
  for (const el of document.body.querySelectorAll("*")) {
    if (++scanned > limits.maxScan || groups.size >= limits.maxOpened) break;  // a flood of elements: stop looking
    if (el.parentElement && getComputedStyle(el).display === "none") groups.add(el.parentElement);
  }
  for (const parent of groups) {
    const children = Array.from(parent.children);
    for (const el of children) {
      if (opened >= limits.maxOpened) return opened;
      if (getComputedStyle(el).display !== "none" || (el.textContent || "").trim().length < limits.minPanelChars) continue;
      const kind = kindOf(el);
      if (!children.some((other) => other !== el && kindOf(other) === kind && shown(other))) continue;
      el.hidden = false;
      el.style.setProperty("display", "block", "important");
      el.setAttribute("data-auditor-opened", "panel");
      opened++;
    }
  }
  return opened;
}
