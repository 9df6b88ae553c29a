// Quick exit on sensitive pages: leave for a neutral site and replace this page in the
// browser history, so "Back" does not return here. Esc pressed twice does the same.
// On the finder and the guide (data-forget-url), a sensitive topic is also kept out of the Back
// history: the address loses its query (?topic=…) at once, and a page brought back from the
// back-forward cache is reloaded from that neutral address instead of showing the results again.
(function () {
  "use strict";
  function leave(href) {
    try { document.body.hidden = true; } catch (e) { /* ignore */ }
    window.location.replace(href);
  }
  var forget = document.querySelector("[data-forget-url]");
  if (forget && window.history && window.history.replaceState) {
    var neutral = forget.getAttribute("data-forget-url");
    if (window.location.search) window.history.replaceState(null, "", neutral);
    window.addEventListener("pagehide", function () { document.documentElement.hidden = true; });
    window.addEventListener("pageshow", function (event) {
      if (event.persisted) window.location.replace(neutral);
    });
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
