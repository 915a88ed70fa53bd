// Filters the overview table by verdict and text. The only script a report runs;
// its hash is pinned in the page's Content-Security-Policy.
document.addEventListener("DOMContentLoaded", () => {
  const table = document.getElementById("sites");
  if (!table) return;
  const verdict = document.getElementById("f-verdict");
  const query = document.getElementById("f-query");
  const rows = Array.from(table.tBodies[0].rows);
  const apply = () => {
    const v = verdict.value, q = query.value.trim().toLowerCase();
    let shown = 0;
    for (const row of rows) {
      const ok = (!v || row.dataset.verdict === v) && (!q || row.dataset.search.includes(q));
      row.hidden = !ok;
      if (ok) shown++;
    }
    document.getElementById("f-count").textContent = String(shown);
  };
  verdict.addEventListener("change", apply);
  query.addEventListener("input", apply);
  for (const th of table.tHead.rows[0].cells) {
    th.addEventListener("click", () => {
      const i = th.cellIndex, dir = th.dataset.dir === "asc" ? -1 : 1;
      th.dataset.dir = dir === 1 ? "asc" : "desc";
      rows.sort((a, b) => dir * a.cells[i].dataset.sort.localeCompare(b.cells[i].dataset.sort, undefined, {numeric: true}));
      for (const row of rows) table.tBodies[0].appendChild(row);
    });
  }
  apply();
});
