"""Strings that Wagtail, allauth and Django bring, translated by us where their catalogues are
wrong or missing (our catalogue in locales/ comes first, LOCALE_PATHS).

makemessages only keeps the msgids it finds in our code, so each one we correct is listed here.
Why each one:
- allauth's Swedish login page said "Har du redan ett konto? Då kan du logga in" beside a sign-up
  link, and its e-mail placeholder read "Epost-adress".
- In Arabic, Wagtail's users app ("رمز المرور") and allauth ("كلمة المرور") gave two words for
  password on one page (Wagtail's catalogue wins over allauth's); and allauth's "الاشتراك" for
  sign up reads "subscription": "إنشاء حساب" (create an account).
- wagtail-localize's editor: "Publish in " is translated "Publicera på" without the trailing space
  its script needs ("Publicera påالعربية"), and "More actions" and the "… to … translation" heading
  are not translatable at all: templates/wagtail_localize/admin/edit_translation.html passes our
  translations to portal/static/lotsa/js/localize-editor-strings.js.
- allauth's e-mails: templates/account/email/ and portal/account_adapter.py (the site's name, not
  the host; no user name).
- The moderation workflow's name is data (home/migrations/0004); approving it from the editor says
  "published", not "updated" (portal/wagtail_hooks.py).
"""
from django.utils.translation import gettext_noop

FRAMEWORK_STRINGS = [
    gettext_noop("If you have not created an account yet, then please %(link)ssign up%(end_link)s first."),
    gettext_noop("Email address"),
    gettext_noop("Email"),
    gettext_noop("Password"),
    gettext_noop("Sign Up"),
    gettext_noop("Publish in "),
    gettext_noop("More actions"),
]
