"""Demo forms in Swedish with English and Arabic translations: the resident contact form, the
school meeting request and 'report an accessibility barrier'. Each field is
(clean_name, type, required, label, help, choices); labels, help texts and choices are {sv,en,ar}."""
from home.demo_content import t
from home.demo_services_content import ADVICE_SLUG, SERVICES, TOPICS


def choices(*items):
    return {lang: "\n".join(item[lang] for item in items) for lang in ("sv", "en", "ar")}


NONE = None

# What Advice & Support can help with: its service's topics, named as the topics are.
_ADVICE_TOPICS = next(spec["topics"] for spec in SERVICES if spec["slug"]["sv"] == ADVICE_SLUG)
CONTACT_TOPICS = [name for slug, name in TOPICS if slug in _ADVICE_TOPICS]
SOMETHING_ELSE = t("Något annat", "Something else", "أمر آخر")

PRIVACY_CONTACT = [
    # A municipality answers such contacts as part of its public task (GDPR art. 6.1 e), not on
    # consent: a tick box would suggest a choice the person does not really have (see README).
    t("Vi behandlar uppgifterna för att ge dig stöd, som en del av socialtjänstens uppdrag (en uppgift av allmänt "
      "intresse, artikel 6.1 e i dataskyddsförordningen). Du behöver inte lämna något samtycke.",
      "We process the details to give you support, as part of the social services' remit (a task in the public "
      "interest, Article 6(1)(e) of the General Data Protection Regulation). You do not need to give consent.",
      "نعالج البيانات لتقديم الدعم لك، في إطار مهمة الخدمات الاجتماعية (مهمة للمصلحة العامة، المادة 6.1 هـ من "
      "اللائحة العامة لحماية البيانات). لا تحتاج إلى إعطاء موافقتك."),
    t("Vi använder uppgifterna bara för att kontakta dig och ge dig stöd. Bara Råd- och stöds samordnare kan läsa dem. "
      "Vi raderar dem 90 dagar efter att ärendet avslutats.",
      "We use the details only to contact you and give you support. Only the Advice & Support coordinators can read "
      "them. We delete them 90 days after your case is closed.",
      "نستخدم البيانات فقط للتواصل معك وتقديم الدعم لك. لا يمكن قراءتها إلا لمنسقي فريق النصح والدعم. "
      "نحذفها بعد 90 يومًا من إغلاق ملفك."),
    t("Skriv inte personnummer. Du kan vara anonym: det räcker med ett förnamn och ett telefonnummer.",
      "Do not write personal identity numbers. You may stay anonymous: a first name and a phone number are enough.",
      "لا تكتب الرقم الشخصي. يمكنك البقاء مجهول الهوية: يكفي الاسم الأول ورقم الهاتف."),
]

CONTACT = {
    "title": t("Kontakta Råd- och stöd", "Contact Advice & Support", "تواصل مع فريق النصح والدعم"),
    "slug": t("kontakta-rad-och-stod", "contact-advice-and-support", "contact-advice-and-support-ar"),
    "intro": [t(
        "Berätta kort vad du vill ha hjälp med, så kontaktar en samordnare dig inom två arbetsdagar. "
        "Det tar ungefär två minuter. Är det akut? Ring 112.",
        "Tell us briefly what you would like help with, and a coordinator will contact you within two working days. "
        "It takes about two minutes. Is it an emergency? Call 112.",
        "أخبرنا باختصار بما تحتاج المساعدة فيه، وسيتواصل معك أحد المنسقين خلال يومي عمل. "
        "يستغرق ذلك نحو دقيقتين. هل الأمر طارئ؟ اتصل بالرقم 112.")],
    "privacy": PRIVACY_CONTACT,
    "thanks": [t("En samordnare hör av sig inom två arbetsdagar på det sätt du valde.",
                 "A coordinator will get in touch within two working days in the way you chose.",
                 "سيتواصل معك أحد المنسقين خلال يومي عمل بالطريقة التي اخترتها.")],
    "prefix": "KON", "category": "arende", "receipt": "e_post", "one_of": "telefon,e_post", "confirm": "",
    "offer_booking": True, "show_in_menus": True,
    "fields": [
        # At most three required answers in two steps (what it is about, a name, how to reach the
        # person), so that someone in distress on a phone reaches a coordinator quickly. The
        # choices are the Advice & Support service's topics: the guide's answer and a service
        # page's topic are carried into the form by the topic's name (see forms.prefill).
        ("steg_1", "step", False, t("Vad gäller det?", "What is it about?", "بماذا يتعلق الأمر؟"), NONE, NONE),
        ("arende", "radio", True, t("Vad vill du ha stöd med?", "What would you like support with?",
                                    "في أي شيء تريد الدعم؟"), NONE, choices(*CONTACT_TOPICS, SOMETHING_ELSE)),
        ("meddelande", "multiline", False, t("Vill du berätta mer?", "Would you like to tell us more?",
                                             "هل تريد أن تخبرنا بالمزيد؟"),
         t("Du behöver inte skriva något: vi frågar när vi hörs. Skriv inte personnummer.",
           "You do not need to write anything: we will ask when we talk. Do not write identity numbers.",
           "لا داعي لأن تكتب شيئًا: سنسألك عندما نتحدث. لا تكتب الرقم الشخصي."), NONE),
        ("steg_2", "step", False, t("Hur når vi dig?", "How can we reach you?", "كيف نصل إليك؟"),
         t("Ge oss ett telefonnummer eller en e-postadress.", "Give us a phone number or an e-mail address.",
           "أعطنا رقم هاتف أو عنوان بريد إلكتروني."), NONE),
        ("fornamn", "singleline", True, t("Förnamn eller ett namn vi kan kalla dig",
                                          "First name, or any name we may call you", "الاسم الأول أو أي اسم نناديك به"),
         t("Det räcker med ett förnamn.", "A first name is enough.", "يكفي الاسم الأول."), NONE),
        ("telefon", "phone", False, t("Telefonnummer", "Phone number", "رقم الهاتف"),
         t("Till exempel 070-123 45 67", "For example 070-123 45 67", "مثلًا 070-123 45 67"), NONE),
        ("e_post", "email", False, t("E-postadress", "E-mail address", "البريد الإلكتروني"),
         t("Då får du ett kvitto med ditt referensnummer.", "You will then get a receipt with your reference number.",
           "ستصلك عندها رسالة تأكيد برقمك المرجعي."), NONE),
        ("kontaktsatt", "checkboxes", False, t("Hur vill du att vi kontaktar dig?", "How should we contact you?",
                                               "كيف تريد أن نتواصل معك؟"), NONE,
         choices(t("Telefonsamtal", "Phone call", "مكالمة هاتفية"), t("SMS", "Text message", "رسالة نصية"),
                 t("E-post", "E-mail", "بريد إلكتروني"))),
        ("sprak", "dropdown", False, t("Vilket språk vill du prata?", "Which language would you like to speak?",
                                       "بأي لغة تفضل التحدث؟"), NONE,
         choices(t("Svenska", "Swedish", "السويدية"), t("Engelska", "English", "الإنجليزية"),
                 t("Arabiska", "Arabic", "العربية"), t("Annat språk, med tolk", "Another language, with an interpreter",
                                                     "لغة أخرى مع مترجم"))),
        ("tider", "checkboxes", False, t("När passar det bäst?", "When suits you best?", "ما الوقت الأنسب لك؟"), NONE,
         choices(t("Förmiddag", "Morning", "قبل الظهر"), t("Eftermiddag", "Afternoon", "بعد الظهر"),
                 t("Kväll (till kl. 19)", "Evening (until 7 pm)", "مساءً (حتى السابعة)"))),
    ],
}

SCHOOLS = {
    "title": t("För skolor", "For schools", "للمدارس"),
    "slug": t("for-skolor", "for-schools", "for-schools-ar"),
    "intro": t("Råd- och stöds samordnare kan komma till ett möte med skolan, eleven och vårdnadshavarna och lotsa "
               "familjen till rätt stöd, utan ansökan och utan orosanmälan när det inte behövs.",
               "The Advice & Support coordinators can join a meeting with the school, the pupil and the guardians and "
               "pilot the family to the right support, without an application and without a report of concern when "
               "none is needed.",
               "يمكن لمنسقي فريق النصح والدعم حضور لقاء مع المدرسة والتلميذ وأولياء الأمور وإرشاد الأسرة إلى الدعم "
               "المناسب، دون طلب ودون بلاغ قلق إذا لم يكن ضروريًا."),
}

SCHOOL = {
    "title": t("Boka ett möte med Råd- och stöd", "Request a meeting with Advice & Support",
               "اطلب لقاءً مع فريق النصح والدعم"),
    "slug": t("boka-mote", "request-a-meeting", "request-a-meeting-ar"),
    "intro": [t("För dig som arbetar i förskola eller skola: boka ett möte om en elev. Vi skickar en länk till din "
                "e-post på jobbet; förfrågan når samordnarna när du har bekräftat den. Skriv aldrig elevens namn eller personnummer.",
                "For staff of a pre-school or school: request a meeting about a pupil. We send a link to your work "
                "e-mail; the request reaches the coordinators once you have confirmed it. Never write the pupil's name or identity number.",
                "لموظفي الروضات والمدارس: اطلب لقاءً بشأن تلميذ. نرسل رابطًا إلى بريدك الإلكتروني في العمل، "
                "ويصل الطلب إلى المنسقين بعد تأكيده. "
                "لا تكتب أبدًا اسم التلميذ أو رقمه الشخصي.")],
    "privacy": [t("Uppgifterna läses bara av Råd- och stöds samordnare och raderas 90 dagar efter att ärendet avslutats. "
                  "En förfrågan som inte bekräftas raderas efter 7 dagar.",
                  "Only the Advice & Support coordinators read the details; they are deleted 90 days after the case is "
                  "closed. A request that is not confirmed is deleted after 7 days.",
                  "لا يقرأ البيانات إلا منسقو فريق النصح والدعم، وتُحذف بعد 90 يومًا من إغلاق الملف. "
                  "ويُحذف الطلب غير المؤكد بعد 7 أيام.")],
    "thanks": [t("En samordnare kontaktar dig för att bestämma tid.", "A coordinator will contact you to agree on a time.",
                 "سيتواصل معك أحد المنسقين للاتفاق على موعد.")],
    "prefix": "SKO", "category": "plats", "receipt": "", "one_of": "", "confirm": "arbetsmejl",
    "offer_booking": True,
    "fields": [
        ("steg_1", "step", False, t("Om dig och skolan", "About you and the school", "عنك وعن المدرسة"), NONE, NONE),
        ("skola", "singleline", True, t("Skola", "School", "المدرسة"), NONE, NONE),
        ("namn", "singleline", True, t("Ditt namn", "Your name", "اسمك"), NONE, NONE),
        ("roll", "dropdown", True, t("Din roll", "Your role", "دورك"), NONE,
         choices(t("Lärare eller mentor", "Teacher or mentor", "معلم أو مرشد"), t("Kurator", "School counsellor", "مرشد اجتماعي"),
                 t("Skolsköterska", "School nurse", "ممرضة المدرسة"), t("Rektor", "Head teacher", "مدير المدرسة"),
                 t("Annan roll", "Other role", "دور آخر"))),
        ("arbetsmejl", "email", True, t("E-post på jobbet", "Work e-mail", "بريدك الإلكتروني في العمل"),
         t("Vi skickar en länk hit som du bekräftar förfrågan med.", "We send a link here to confirm the request.",
           "نرسل إلى هذا العنوان رابطًا لتأكيد الطلب."), NONE),
        ("steg_2", "step", False, t("Om eleven", "About the pupil", "عن التلميذ"),
         t("Skriv aldrig elevens namn.", "Never write the pupil's name.", "لا تكتب أبدًا اسم التلميذ."), NONE),
        ("arskurs", "dropdown", True, t("Elevens årskurs", "The pupil's year", "صف التلميذ"), NONE,
         choices(t("Förskoleklass", "Pre-school class", "الصف التمهيدي"), t("Årskurs 1–3", "Years 1–3", "الصفوف 1–3"),
                 t("Årskurs 4–6", "Years 4–6", "الصفوف 4–6"), t("Årskurs 7–9", "Years 7–9", "الصفوف 7–9"),
                 t("Gymnasiet", "Upper secondary", "المرحلة الثانوية"))),
        ("oro", "multiline", True, t("Vad gäller er oro?", "What is your concern about?", "بماذا يتعلق قلقك؟"),
         t("Beskriv kort, utan namn och personnummer.", "Describe it briefly, without names or identity numbers.",
           "صفه باختصار دون أسماء أو أرقام شخصية."), NONE),
        ("vardnadshavare", "consent", True,
         t("Vårdnadshavarna känner till förfrågan och samtycker till ett möte",
           "The guardians know about the request and agree to a meeting",
           "أولياء الأمور على علم بالطلب ويوافقون على اللقاء"),
         t("Vi kan bara boka ett möte när vårdnadshavarna samtycker.", "We can only book a meeting when the guardians agree.",
           "لا يمكننا حجز لقاء إلا بموافقة أولياء الأمور."), NONE),
        ("steg_3", "step", False, t("Mötet", "The meeting", "اللقاء"), NONE, NONE),
        ("plats", "radio", True, t("Var vill ni ses?", "Where would you like to meet?", "أين تفضل اللقاء؟"), NONE,
         choices(t("På skolan", "At the school", "في المدرسة"), t("Digitalt", "Online", "عبر الإنترنت"),
                 t("På Råd- och stöds kontor", "At the Advice & Support office", "في مكتب فريق النصح والدعم"))),
        ("datum", "futuredate", True, t("Önskat datum", "Preferred date", "التاريخ المفضل"), NONE, NONE),
        ("datum_2", "futuredate", False, t("Ett annat datum som passar", "Another date that suits you",
                                           "تاريخ آخر يناسبك"), NONE, NONE),
    ],
}

BARRIER = {
    "title": t("Rapportera en tillgänglighetsbrist", "Report an accessibility barrier", "الإبلاغ عن عائق في إمكانية الوصول"),
    "slug": t("rapportera-en-brist", "report-a-barrier", "report-a-barrier-ar"),
    "intro": [t("Hittade du något på webbplatsen som du inte kunde använda? Berätta, så rättar vi det.",
                "Did you find something on the site that you could not use? Tell us and we will fix it.",
                "هل وجدت شيئًا في الموقع لم تتمكن من استخدامه؟ أخبرنا وسنصلحه.")],
    "privacy": [t("Lämna bara en e-postadress om du vill ha svar. Vi raderar rapporten 90 dagar efter att den åtgärdats.",
                  "Give an e-mail address only if you want a reply. We delete the report 90 days after it has been dealt with.",
                  "اترك بريدًا إلكترونيًا فقط إذا أردت ردًا. نحذف البلاغ بعد 90 يومًا من معالجته.")],
    "thanks": [t("Tack för att du hjälper oss att göra webbplatsen bättre.", "Thank you for helping us improve the site.",
                 "شكرًا لمساعدتك في تحسين الموقع.")],
    "prefix": "TIL", "category": "", "receipt": "e_post", "one_of": "", "confirm": "",
    "fields": [
        ("sida", "singleline", False, t("Vilken sida gäller det?", "Which page is it about?", "أي صفحة تقصد؟"),
         t("Adressen eller rubriken", "The address or the heading", "العنوان أو الرابط"), NONE),
        ("problem", "multiline", True, t("Vad fungerade inte?", "What did not work?", "ما الذي لم يعمل؟"),
         t("Beskriv gärna vilket hjälpmedel du använde.", "Feel free to tell us which assistive technology you used.",
           "يمكنك ذكر التقنية المساعدة التي استخدمتها."), NONE),
        ("e_post", "email", False, t("E-postadress", "E-mail address", "البريد الإلكتروني"),
         t("Om du vill ha svar.", "If you would like a reply.", "إذا أردت ردًا."), NONE),
    ],
}


# What each demo field is (its `autocomplete` token) and what to do when a required one is left
# empty, by the fields' clean names: kept apart from the field lists so that a form's fields can
# change without touching these (a field not listed gets a message made from its label).
AUTOCOMPLETE = {
    "fornamn": "given-name", "namn": "name", "telefon": "tel", "e_post": "email",
    "skola": "organization", "roll": "organization-title", "arbetsmejl": "work email",
}

REQUIRED_MESSAGES = {
    "arende": t("Välj vad du vill ha stöd med", "Choose what you would like support with",
                "اختر ما تريد الدعم فيه"),
    "vem": t("Välj vem det gäller", "Choose who it is about", "اختر من يخصه الأمر"),
    "meddelande": t("Skriv kort vad du vill ha hjälp med", "Write briefly what you need help with",
                    "اكتب باختصار ما تحتاج المساعدة فيه"),
    "fornamn": t("Skriv ditt förnamn", "Enter your first name", "اكتب اسمك الأول"),
    "namn": t("Skriv ditt namn", "Enter your name", "اكتب اسمك"),
    "kontaktsatt": t("Välj hur du vill att vi kontaktar dig", "Choose how we should contact you",
                     "اختر كيف تريد أن نتواصل معك"),
    "samtycke": t("Kryssa i rutan om du vill att vi kontaktar dig", "Tick the box if you want us to contact you",
                  "ضع علامة في المربع إذا كنت تريد أن نتواصل معك"),
    "skola": t("Skriv vilken skola du arbetar på", "Enter the school you work at", "اكتب اسم المدرسة التي تعمل فيها"),
    "roll": t("Välj din roll", "Choose your role", "اختر دورك"),
    "arbetsmejl": t("Skriv din e-postadress på jobbet", "Enter your work e-mail address",
                    "اكتب بريدك الإلكتروني في العمل"),
    "arskurs": t("Välj elevens årskurs", "Choose the pupil's year", "اختر صف التلميذ"),
    "oro": t("Beskriv kort vad oron gäller", "Describe briefly what the concern is about",
             "صف باختصار ما يتعلق به قلقك"),
    "vardnadshavare": t("Kryssa i rutan när vårdnadshavarna känner till förfrågan och samtycker",
                        "Tick the box once the guardians know about the request and agree",
                        "ضع علامة في المربع عندما يكون أولياء الأمور على علم بالطلب وموافقين عليه"),
    "plats": t("Välj var ni vill ses", "Choose where you would like to meet", "اختر أين تفضل اللقاء"),
    "datum": t("Välj ett datum", "Choose a date", "اختر تاريخًا"),
    "problem": t("Beskriv vad som inte fungerade", "Describe what did not work", "صف ما الذي لم يعمل"),
}
