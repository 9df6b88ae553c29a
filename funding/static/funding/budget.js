// Live totals for the budget table (the server computes and checks the same totals).
(function () {
  "use strict";
  // Arabic-Indic and Persian digits count as 0-9, as on the server (portal/digits.py).
  function westernDigits(text) {
    return (text || "").replace(/[\u0660-\u0669]/g, function (d) { return String(d.charCodeAt(0) - 0x0660); })
      .replace(/[\u06f0-\u06f9]/g, function (d) { return String(d.charCodeAt(0) - 0x06f0); })
      .replace(/(\d)\u066c(?=\d)/g, "$1");
  }
  function parse(text) {
    var s = westernDigits(text).replace(/(kr\.?|kronor|sek|:-)$/i, "").replace(/[\s\u00a0\u202f']/g, "");
    if (/^\d{1,3}(\.\d{3})+$/.test(s)) s = s.replace(/\./g, "");
    return /^\d+$/.test(s) ? parseInt(s, 10) : 0;
  }
  function format(n) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");
  }
  function update(table) {
    var cols = [], grand = 0;
    table.querySelectorAll("tbody tr").forEach(function (row) {
      var sum = 0;
      row.querySelectorAll("input.amount").forEach(function (input, i) {
        var v = parse(input.value);
        sum += v;
        cols[i] = (cols[i] || 0) + v;
      });
      grand += sum;
      var cell = row.querySelector("[data-row-total]");
      if (cell) cell.textContent = format(sum);
    });
    table.querySelectorAll("[data-col-total]").forEach(function (cell) {
      cell.textContent = format(cols[parseInt(cell.getAttribute("data-col-total"), 10)] || 0);
    });
    var g = table.querySelector("[data-grand-total]");
    if (g) g.textContent = format(grand);
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("table.budget").forEach(function (table) {
      update(table);
      table.addEventListener("input", function () { update(table); });
    });
  });
})();
