// The language switcher on a step of a form or wizard: keep what is typed on this step.
//
// Without this script the switcher's links already open the same step in the other language with
// every answer sent so far (the server keeps them, shared by the page's translations). With it, a
// plain click on a language link posts the step's form, without validating it, with
// `switch_language` set: the server keeps what the step holds, even half typed, and redirects to
// the same step in that language. Why not make the switcher itself a submit button (no script at
// all)? It sits in the header, before the form: a submit button associated with the form through
// form="…" would be the form's default button, so Enter in a text field would switch language.
// Nothing is kept in the browser (sessionStorage would leave what a resident typed on a shared
// computer); the answers stay in the server-side session like every other step's.
document.addEventListener("click", (event) => {
  const link = event.target.closest(".language-switcher a[hreflang]");
  if (!link || link.getAttribute("aria-current") === "true") return;
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const form = document.querySelector("form[data-keep-on-switch]");
  if (!form) return;
  event.preventDefault();
  const field = document.createElement("input");
  field.type = "hidden";
  field.name = "switch_language";
  field.value = link.getAttribute("hreflang");
  form.appendChild(field);
  form.noValidate = true;
  HTMLFormElement.prototype.submit.call(form); // no validation, no submit handlers
});

// Back to this page from the browser's cache: the form must not switch language on "Next".
window.addEventListener("pageshow", () => {
  document.querySelectorAll("form[data-keep-on-switch] input[name=switch_language]").forEach((el) => el.remove());
});
