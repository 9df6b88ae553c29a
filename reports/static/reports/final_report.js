// Final report: paste cells from a spreadsheet into a table, and live deviations in the economic
// report. Everything also works without JavaScript (the server computes and checks the same).
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
  function pasteInto(table, input, text) {
    var lines = text.replace(/\r/g, "").replace(/\n$/, "").split("\n");
    var rows = Array.prototype.slice.call(table.querySelectorAll("tbody tr"));
    var row = input.closest("tr");
    var r0 = rows.indexOf(row);
    var c0 = Array.prototype.indexOf.call(row.querySelectorAll("input[type=text], textarea"), input);
    lines.forEach(function (line, i) {
      var target = rows[r0 + i];
      if (!target) return;
      var inputs = target.querySelectorAll("input[type=text], textarea");
      line.split("\t").forEach(function (value, j) {
        var cell = inputs[c0 + j];
        if (cell) { cell.value = value.trim(); cell.dispatchEvent(new Event("input", { bubbles: true })); }
      });
    });
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
    document.querySelectorAll("table[data-paste]").forEach(function (table) {
      table.addEventListener("paste", function (event) {
        var text = (event.clipboardData || window.clipboardData).getData("text");
        if (!/[\t\n]/.test(text) || !event.target.matches("input[type=text], textarea")) return;
        event.preventDefault();
        pasteInto(table, event.target, text);
      });
    });
    document.querySelectorAll("table[data-economy]").forEach(function (table) {
      table.addEventListener("input", function () { updateEconomy(table); });
    });
  });
})();
