// Paste a block copied from a spreadsheet (tab-separated cells, one line per row) into a table
// of fields marked data-paste: from the cell pasted into, one cell to the right per value and one
// row down per line, by visual column, so a row with an extra name field or a read-only cell
// lines up as it looks. Typing and pasting a single value are left to the browser.
(function () {
  "use strict";
  var FIELD = "input[type=text], input:not([type]), textarea";

  function pasteInto(table, field, text) {
    var lines = text.replace(/\r/g, "").replace(/\n$/, "").split("\n");
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var start = field.closest("td, th");
    var r0 = rows.indexOf(start.parentElement);
    var c0 = Array.prototype.indexOf.call(start.parentElement.cells, start);
    lines.forEach(function (line, i) {
      var row = rows[r0 + i];
      if (!row) return;
      line.split("\t").forEach(function (value, j) {
        var cell = row.cells[c0 + j];
        var target = cell && cell.querySelector(FIELD);
        if (target) {
          target.value = value.trim();
          target.dispatchEvent(new Event("input", { bubbles: true }));  // live totals follow
        }
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("table[data-paste]").forEach(function (table) {
      table.addEventListener("paste", function (event) {
        var text = (event.clipboardData || window.clipboardData).getData("text");
        if (!/[\t\n]/.test(text) || !event.target.matches(FIELD) || !table.tBodies[0].contains(event.target)) return;
        event.preventDefault();
        pasteInto(table, event.target, text);
      });
    });
  });
})();
