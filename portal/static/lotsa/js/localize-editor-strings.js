// wagtail-localize's translation editor: strings it leaves in English ("More actions", the
// "Svenska to العربية translation" heading) or joins without a space ("Publicera påالعربية").
// The translations come from the page (templates/wagtail_localize/admin/edit_translation.html).
(function () {
  "use strict";
  var data = document.getElementById("localize-strings");
  if (!data) return;
  var strings = JSON.parse(data.textContent);
  // The editor calls gettext("Publish in ") + locale name at render time: a catalogue entry
  // with the trailing space keeps the two words apart.
  if (window.django && window.django.catalog) {
    window.django.catalog["Publish in "] = strings.publish_in.replace(/\s*$/, " ");
  }
  var heading = /^(.+) to (.+) translation$/;

  function fix(root) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    var node;
    while ((node = walker.nextNode())) {
      var text = node.nodeValue;
      if (text === "More actions") {
        node.nodeValue = strings.more_actions;
      } else if (heading.test(text)) {
        var m = text.match(heading);
        node.nodeValue = strings.heading.replace("{source}", m[1]).replace("{target}", m[2]);
      }
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    var editor = document.querySelector(".js-translation-editor");
    if (!editor) return;
    fix(editor);
    new MutationObserver(function () { fix(editor); }).observe(editor, { childList: true, subtree: true, characterData: true });
  });
})();
