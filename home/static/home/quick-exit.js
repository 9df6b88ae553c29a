// Quick exit on sensitive pages: leave for a neutral site and replace this page in the
// browser history, so "Back" does not return here. Esc pressed twice does the same.
(function () {
  "use strict";
  function leave(href) {
    try { document.body.hidden = true; } catch (e) { /* ignore */ }
    window.location.replace(href);
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("[data-quick-exit]") : null;
    if (!link) return;
    event.preventDefault();
    leave(link.href);
  });
  var lastEscape = 0;
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var now = Date.now();
    var link = document.querySelector("[data-quick-exit]");
    if (link && now - lastEscape < 1500) leave(link.href);
    lastEscape = now;
  });
})();
