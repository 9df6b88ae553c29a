// Final report: live deviations in the economic report (pasting from a spreadsheet is
// lotsa/js/paste_cells.js). Everything also works without JavaScript: the server computes and
// checks the same.
(function () {
  "use strict";
  function parse(text) {
    var s = (text || "").replace(/(kr\.?|kronor|sek|:-)$/i, "").replace(/[\s\u00a0\u202f']/g, "");
    if (/^\d{1,3}(\.\d{3})+$/.test(s)) s = s.replace(/\./g, "");
    return /^\d+$/.test(s) ? parseInt(s, 10) : null;
  }
  function format(n) {
    var sign = n < 0 ? "\u2212" : (n > 0 ? "+" : "");
    return sign + String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");
  }
  function updateEconomy(table) {
    table.querySelectorAll("tbody tr").forEach(function (row) {
      var budget = parseInt(row.getAttribute("data-budget"), 10) || 0;
      var input = row.querySelector("input.amount");
      var outcome = input ? parse(input.value) : null;
      var dev = row.querySelector("[data-deviation]"), pct = row.querySelector("[data-percent]");
      if (outcome === null) { dev.textContent = ""; pct.textContent = ""; return; }
      dev.textContent = format(outcome - budget);
      pct.textContent = budget ? format(Math.round((outcome - budget) * 1000 / budget) / 10).replace(".", ",") : "";
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("table[data-economy]").forEach(function (table) {
      table.addEventListener("input", function () { updateEconomy(table); });
    });
  });
})();
