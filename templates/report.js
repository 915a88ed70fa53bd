// The overview's site table: filter, sort and page the sites. The only script a report
// runs; its hash is pinned in the page's Content-Security-Policy.
// The rows come from <script type="application/json" id="site-data"> (never executed).
// Site text is untrusted: it only ever goes into textContent, and links are only our
// own relative report paths and http(s) site addresses.
document.addEventListener("DOMContentLoaded", () => {
  const table = document.getElementById("sites");
  const source = document.getElementById("site-data");
  if (!table || !source) return;
  const data = JSON.parse(source.textContent);
  const L = data.labels;
  const rules = data.rules;
  const rows = data.rows;
  const VERDICTS = ["fail", "needs_review", "error", "pass", "not_assessed"];
  const SEVERITIES = ["critical", "high", "medium", "low", "info"];
  const CODES = {p: "pass", f: "fail", r: "needs_review", n: "not_applicable", e: "error"};
  const $ = (id) => document.getElementById(id);
  const controls = {o: $("f-outcome"), sev: $("f-severity"), rule: $("f-rule"), ro: $("f-rule-outcome"),
                    pr: $("f-profile"), q: $("f-query"), size: $("p-size")};
  // A follow-up audit (data.followup): each row has its change headline (c) and change tags (ch).
  const followup = Boolean(data.followup);
  if (followup) controls.ch = $("f-change");
  const changeRank = (c) => { const i = (data.changeOrder || []).indexOf(c); return i < 0 ? 99 : i; };
  const state = {page: 0, key: "", dir: 1};

  const sevRank = (s) => (s ? SEVERITIES.indexOf(s) : SEVERITIES.length);
  const siteName = (r) => (r.n || r.u).toLowerCase();
  const sorters = {
    site: (a, b) => siteName(a).localeCompare(siteName(b)),
    verdict: (a, b) => VERDICTS.indexOf(a.v) - VERDICTS.indexOf(b.v),
    worst: (a, b) => sevRank(a.w) - sevRank(b.w),
    f: (a, b) => b.f - a.f, r: (a, b) => b.r - a.r, a: (a, b) => b.a - a.a,
    status: (a, b) => a.s.localeCompare(b.s),
    change: (a, b) => changeRank(a.c) - changeRank(b.c),
  };
  // Default order: the sites a regulator acts on first (as the page was rendered).
  const defaultOrder = (a, b) => b.x - a.x || sorters.verdict(a, b) || sorters.worst(a, b) || b.f - a.f || b.r - a.r
    || a.i - b.i;

  const ruleOutcome = (row, index) => CODES[row.o.charAt(index)] || "";
  const matches = (row, f) => {
    if (f.o) {
      const [kind, value] = f.o.split(":");
      if (kind === "v" && row.v !== value) return false;
      if (kind === "s" && row.s !== value) return false;
      if (kind === "x" && !row.x) return false;
    }
    if (f.sev && !(row.w && sevRank(row.w) <= sevRank(f.sev))) return false;
    if (f.rule >= 0) {
      const outcome = ruleOutcome(row, f.rule);
      if (f.ro === "problem" ? !["fail", "needs_review", "error"].includes(outcome) : outcome !== f.ro) return false;
    }
    if (f.pr && !row.pr.includes(f.pr)) return false;
    if (f.ch && (f.ch === "unchanged" ? row.c !== "unchanged" : !(row.ch || []).includes(f.ch))) return false;
    if (f.q && !(row.n + " " + row.u).toLowerCase().includes(f.q)) return false;
    return true;
  };

  const el = (tag, text, cls) => {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  };
  const badge = (cls, text) => el("span", text, "badge " + cls);
  const safeHref = (url) => (/^https?:\/\//i.test(url) ? url : "");
  const ownReport = (path) => (/^sites\/[^:?#]+\/report\.html$/.test(path) ? path : "");

  const renderRow = (r) => {
    const tr = document.createElement("tr");
    const site = el("td");
    const report = ownReport(r.p);
    if (report) {
      const a = el("a", r.n || r.u);
      a.href = report;
      site.appendChild(a);
    } else {
      site.appendChild(document.createTextNode(r.n || r.u));
    }
    if (r.x) {
      site.appendChild(document.createTextNode(" "));
      site.appendChild(badge("o-fail", L.ui.imitation));
    }
    if (r.n) {
      const url = el("div", null, "muted");
      const href = safeHref(r.h);
      if (href) {
        const a = el("a", r.u);
        a.href = href;
        a.rel = "noopener noreferrer nofollow";
        url.appendChild(a);
      } else {
        url.textContent = r.u;
      }
      site.appendChild(url);
    }
    tr.appendChild(site);
    const verdict = el("td");
    verdict.appendChild(badge("o-" + r.v, L.outcome[r.v] || r.v));
    tr.appendChild(verdict);
    const worst = el("td");
    if (r.w) worst.appendChild(badge("sev sev-" + r.w, L.severity[r.w] || r.w));
    tr.appendChild(worst);
    for (const n of [r.f, r.r, r.a]) tr.appendChild(el("td", n, "num"));
    const status = el("td", L.status[r.s] || r.s);
    if (r.e) status.appendChild(el("div", r.e, "muted"));
    tr.appendChild(status);
    tr.appendChild(el("td", r.pr.map((p) => L.profile[p] || p).join("、")));
    if (followup) {
      const change = el("td");
      if (r.c) change.appendChild(badge("ch ch-" + r.c, L.change[r.c] || r.c));
      tr.appendChild(change);
    }
    return tr;
  };

  const DEFAULTS = {ro: "problem", size: "100"};
  const readHash = () => {  // a bookmark or a rule link sets every filter; what it omits is reset
    const params = new URLSearchParams(location.hash.slice(1));
    for (const [key, control] of Object.entries(controls)) {
      control.value = params.get(key) || DEFAULTS[key] || "";
    }
  };
  const writeHash = () => {
    const params = new URLSearchParams();
    for (const [key, control] of Object.entries(controls)) {
      if (control.value && control.value !== DEFAULTS[key]) {
        params.set(key, control.value);
      }
    }
    const hash = params.toString();
    history.replaceState(null, "", hash ? "#" + hash : location.pathname + location.search);
  };

  const render = () => {
    const f = {o: controls.o.value, sev: controls.sev.value, rule: rules.indexOf(controls.rule.value),
               ro: controls.ro.value, pr: controls.pr.value, q: controls.q.value.trim().toLowerCase(),
               ch: followup ? controls.ch.value : ""};
    if (!controls.rule.value) f.rule = -1;
    controls.ro.disabled = f.rule < 0;
    const shown = rows.filter((r) => matches(r, f));
    const sorter = sorters[state.key];
    shown.sort(sorter ? (a, b) => state.dir * sorter(a, b) || a.i - b.i : defaultOrder);
    const size = Number(controls.size.value) || 100;
    const pages = Math.max(1, Math.ceil(shown.length / size));
    state.page = Math.min(state.page, pages - 1);
    const start = state.page * size;
    const body = document.createElement("tbody");
    for (const row of shown.slice(start, start + size)) body.appendChild(renderRow(row));
    if (!shown.length) {
      const tr = document.createElement("tr");
      const td = el("td", L.ui.none, "muted");
      td.colSpan = followup ? 9 : 8;
      tr.appendChild(td);
      body.appendChild(tr);
    }
    table.replaceChild(body, table.tBodies[0]);
    $("f-count").textContent = String(shown.length);
    $("p-info").textContent = shown.length ? `${start + 1}–${Math.min(start + size, shown.length)} / ${shown.length}` : "";
    $("p-prev").disabled = state.page === 0;
    $("p-next").disabled = state.page >= pages - 1;
    writeHash();
  };

  for (const control of Object.values(controls)) {
    control.addEventListener(control.tagName === "INPUT" ? "input" : "change", () => { state.page = 0; render(); });
  }
  $("p-prev").addEventListener("click", () => { state.page -= 1; render(); });
  $("p-next").addEventListener("click", () => { state.page += 1; render(); });
  for (const th of table.tHead.rows[0].cells) {
    if (!th.dataset.key) continue;
    th.addEventListener("click", () => {
      state.dir = state.key === th.dataset.key ? -state.dir : 1;
      state.key = th.dataset.key;
      for (const other of table.tHead.rows[0].cells) delete other.dataset.dir;
      th.dataset.dir = state.dir === 1 ? "asc" : "desc";
      state.page = 0;
      render();
    });
  }
  // Links in the rule table (#rule=…&ro=fail) filter the site list.
  window.addEventListener("hashchange", () => {
    readHash();
    state.page = 0;
    render();
    if (location.hash.includes("rule=") || location.hash.includes("ch=")) $("site-list").scrollIntoView();
  });
  readHash();
  render();
});
