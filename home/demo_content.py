"""Demo text for the site's own pages, in Swedish with English and Arabic translations.
Each translatable string is a dict {sv, en, ar}; home.demo turns the Swedish text into pages and
the other two into wagtail-localize translations."""
import datetime


def t(sv, en, ar):
    return {"sv": sv, "en": en, "ar": ar}


HOME = {
    "title": t("Stöd utan ansökan", "Support without applying", "دعم دون تقديم طلب"),
    "slug": "lotsa",
    "intro": t(
        "Här hittar du stöd från socialtjänsten som du kan använda direkt, utan ansökan och utan beslut. "
        "Vi hjälper dig också att hitta rätt.",
        "Here you will find support from the social services that you can use straight away, without an "
        "application or a decision. We also help you find the right support.",
        "ستجد هنا دعمًا من الخدمات الاجتماعية يمكنك استخدامه مباشرة، دون طلب ودون قرار. "
        "ونساعدك أيضًا في العثور على الدعم المناسب.",
    ),
    "find_support_text": t("Hitta stöd", "Find support", "ابحث عن الدعم"),
    "organisation": t("Socialförvaltningen, Råd- och stöd", "Social Services, Advice & Support",
                      "الإدارة الاجتماعية، فريق النصح والدعم"),
    "body": [
        ("heading", t("Råd- och stöd lotsar dig rätt", "Advice & Support pilots you to the right place",
                      "فريق النصح والدعم يرشدك إلى المكان الصحيح")),
        ("paragraph", t(
            "Våra samordnare lyssnar, ger råd och visar vägen till stöd hos kommunen, regionen eller en förening. "
            "Du kan ringa, skriva, boka ett möte eller komma på drop-in.",
            "Our coordinators listen, give advice and show you the way to support from the city, the region or a "
            "civil-society organisation. You can call, write, book a meeting or come to a drop-in.",
            "يستمع منسقونا إليك ويقدمون النصح ويرشدونك إلى الدعم لدى البلدية أو المنطقة أو إحدى الجمعيات. "
            "يمكنك الاتصال أو الكتابة أو حجز موعد أو الحضور دون موعد مسبق.",
        )),
    ],
}

ABOUT = {
    "title": t("Om webbplatsen", "About the site", "عن الموقع"),
    "slug": t("om-webbplatsen", "about-the-site", "about-the-site-ar"),
    "intro": t(
        "Lotsa är socialtjänstens webbplats för stöd som du kan använda utan ansökan.",
        "Lotsa is the social services' site for support you can use without applying.",
        "لوتسا هو موقع الخدمات الاجتماعية للدعم الذي يمكنك استخدامه دون تقديم طلب.",
    ),
    "body": [
        ("paragraph", t(
            "Webbplatsen drivs av socialförvaltningen. Innehållet finns på svenska, engelska och arabiska.",
            "The site is run by the social services administration. The content is available in Swedish, "
            "English and Arabic.",
            "تدير الموقعَ إدارةُ الخدمات الاجتماعية. المحتوى متاح باللغات السويدية والإنجليزية والعربية.",
        )),
        ("table", {
            "caption": t("Språk på webbplatsen", "Languages on the site", "اللغات في الموقع"),
            "header": [t("Språk", "Language", "اللغة"), t("Innehåll", "Content", "المحتوى")],
            "rows": [
                [t("Svenska", "Swedish", "السويدية"), t("Allt innehåll", "All content", "كل المحتوى")],
                [t("Engelska", "English", "الإنجليزية"), t("Allt innehåll", "All content", "كل المحتوى")],
                [t("Arabiska", "Arabic", "العربية"), t("Tjänster, formulär och kontakt", "Services, forms and contact",
                                                       "الخدمات والنماذج والتواصل")],
            ],
        }),
        ("faq", {
            "title": t("Vanliga frågor", "Frequently asked questions", "أسئلة شائعة"),
            "items": [
                (t("Behöver jag ett konto?", "Do I need an account?", "هل أحتاج إلى حساب؟"),
                 t("Nej. Du som invånare behöver aldrig logga in. Bara den som söker medel har ett konto.",
                   "No. As a resident you never need to log in. Only people applying for funding have an account.",
                   "لا. بصفتك مقيمًا لا تحتاج أبدًا إلى تسجيل الدخول. فقط من يتقدم بطلب تمويل لديه حساب.")),
                (t("Kan jag vara anonym?", "Can I stay anonymous?", "هل يمكنني البقاء مجهول الهوية؟"),
                 t("Ja. Många av tjänsterna kan du använda utan att lämna ditt namn.",
                   "Yes. You can use many of the services without giving your name.",
                   "نعم. يمكنك استخدام كثير من الخدمات دون ذكر اسمك.")),
            ],
        }),
    ],
}

PRIVACY = {
    "title": t("Så hanterar vi personuppgifter", "How we handle personal data", "كيف نتعامل مع البيانات الشخصية"),
    "slug": t("personuppgifter", "personal-data", "personal-data-ar"),
    "intro": t(
        "Vi samlar bara in de uppgifter vi behöver för att kunna hjälpa dig, och vi raderar dem när de inte behövs längre.",
        "We only collect the information we need to help you, and we delete it when it is no longer needed.",
        "نجمع فقط المعلومات التي نحتاجها لمساعدتك، ونحذفها عندما لا تعود هناك حاجة إليها.",
    ),
    "body": [
        ("heading", t("Vem ser dina uppgifter?", "Who sees your information?", "من يرى معلوماتك؟")),
        ("paragraph", t(
            "Det du skriver i ett kontaktformulär läses bara av samordnarna på Råd- och stöd. "
            "Ett ärende raderas 90 dagar efter att det har avslutats.",
            "What you write in a contact form is read only by the Advice & Support coordinators. "
            "A case is deleted 90 days after it has been closed.",
            "ما تكتبه في نموذج الاتصال لا يقرؤه إلا منسقو فريق النصح والدعم. "
            "تُحذف الحالة بعد 90 يومًا من إغلاقها.",
        )),
        ("heading", t("Kakor", "Cookies", "ملفات تعريف الارتباط")),
        ("paragraph", t(
            "Webbplatsen använder bara kakor som behövs för att den ska fungera, till exempel för att komma ihåg "
            "ditt språkval och dina svar i ett formulär. Därför frågar vi inte om samtycke.",
            "The site only uses cookies it needs to work, for example to remember your choice of language and your "
            "answers in a form. That is why we do not ask for consent.",
            "يستخدم الموقع فقط ملفات تعريف الارتباط الضرورية لعمله، مثل تذكر اللغة التي اخترتها وإجاباتك في "
            "النموذج. لذلك لا نطلب موافقتك.",
        )),
    ],
}

ACCESSIBILITY = {
    "title": t("Tillgänglighetsredogörelse", "Accessibility statement", "بيان إمكانية الوصول"),
    "slug": t("tillganglighet", "accessibility", "accessibility-ar"),
    "intro": t(
        "Vi vill att alla ska kunna använda webbplatsen, oavsett funktionsnedsättning.",
        "We want everyone to be able to use the site, whatever their disability.",
        "نريد أن يتمكن الجميع من استخدام الموقع بغض النظر عن الإعاقة.",
    ),
    "compliance_text": [t(
        "Webbplatsen omfattas av lagen (2018:1937) om tillgänglighet till digital offentlig service, som genomför "
        "EU:s webbtillgänglighetsdirektiv (2016/2102). Den är delvis förenlig med kraven: det innehåll som inte "
        "uppfyller dem står nedan.",
        "The site is covered by the Swedish act (2018:1937) on accessibility of digital public services, which "
        "implements the EU Web Accessibility Directive (2016/2102). It is partially compliant with the "
        "requirements: the content that does not meet them is listed below.",
        "يخضع الموقع للقانون السويدي (2018:1937) بشأن إمكانية الوصول إلى الخدمات العامة الرقمية، الذي يطبّق "
        "توجيه الاتحاد الأوروبي لإمكانية الوصول إلى المواقع الإلكترونية (2016/2102). الموقع متوافق جزئيًا مع "
        "المتطلبات، والمحتوى الذي لا يستوفيها مذكور أدناه.",
    )],
    "known_gaps": [t(
        "Vissa äldre rapporter i kunskapsbanken är inskannade PDF-filer som inte går att läsa med skärmläsare "
        "(WCAG 1.1.1, 1.3.1). Be oss om rapporten i ett annat format.",
        "Some older reports in the knowledge bank are scanned PDF files that cannot be read with a screen reader "
        "(WCAG 1.1.1, 1.3.1). Ask us for the report in another format.",
        "بعض التقارير القديمة في بنك المعرفة ملفات PDF ممسوحة ضوئيًا لا يمكن قراءتها بقارئ الشاشة "
        "(WCAG 1.1.1، 1.3.1). اطلب منا التقرير بصيغة أخرى.",
    ), t(
        "PDF-kopian av en ansökan om medel som webbplatsen skapar är inte en taggad PDF: en skärmläsare kan inte "
        "följa dess rubriker och tabeller (WCAG 1.3.1, 1.3.2). Samma uppgifter finns tillgängliga på ansökans sida "
        "under Mina ansökningar.",
        "The PDF copy of a funding application that the site creates is not a tagged PDF: a screen reader cannot "
        "follow its headings and tables (WCAG 1.3.1, 1.3.2). The same information is accessible on the "
        "application's page under My applications.",
        "نسخة PDF من طلب التمويل التي ينشئها الموقع ليست ملف PDF موسومًا، فلا يستطيع قارئ الشاشة تتبّع عناوينه "
        "وجداوله (WCAG 1.3.1، 1.3.2). المعلومات نفسها متاحة على صفحة الطلب ضمن طلباتي.",
    ), t(
        "Redigeringsverktyget som personalen använder (Wagtail och wagtail-localize, från tredje part) är inte "
        "fullständigt granskat. Delar av översättningsverktyget finns bara på engelska (WCAG 3.1.2).",
        "The editing tool that staff use (Wagtail and wagtail-localize, from third parties) has not been fully "
        "reviewed. Parts of the translation tool are only in English (WCAG 3.1.2).",
        "أداة التحرير التي يستخدمها الموظفون (Wagtail وwagtail-localize، من جهات خارجية) لم تُراجَع مراجعة "
        "كاملة. بعض أجزاء أداة الترجمة متاحة بالإنجليزية فقط (WCAG 3.1.2).",
    ), t(
        "Dokument som andra organisationer har skickat in, till exempel bilagor och rapporter, granskar vi inte "
        "innan de publiceras och de kan sakna rubriker och textalternativ.",
        "Documents sent in by other organisations, such as attachments and reports, are not reviewed before they "
        "are published and may lack headings and text alternatives.",
        "المستندات التي ترسلها منظمات أخرى، مثل المرفقات والتقارير، لا نراجعها قبل نشرها، وقد تفتقر إلى "
        "العناوين والبدائل النصية.",
    )],
    "report_barrier": [t(
        "Om du stöter på ett hinder, berätta för oss så åtgärdar vi det. Vi svarar inom fem arbetsdagar.",
        "If you come across a barrier, tell us and we will fix it. We reply within five working days.",
        "إذا واجهت عائقًا، أخبرنا وسنصلحه. نرد خلال خمسة أيام عمل.",
    )],
    "supervisory_authority": [t(
        "Myndigheten för digital förvaltning (Digg) ansvarar för tillsynen över lagen om tillgänglighet till "
        "digital offentlig service. Om du inte är nöjd med vårt svar kan du anmäla det till Digg.",
        "The Agency for Digital Government (Digg) supervises the Swedish act on accessibility of digital public "
        "services. If you are not satisfied with our answer, you can report it to Digg.",
        "تتولى هيئة الحكومة الرقمية (Digg) الإشراف على القانون السويدي لإمكانية الوصول إلى الخدمات العامة "
        "الرقمية. إذا لم تكن راضيًا عن ردنا، يمكنك إبلاغ Digg.",
    )],
    "how_tested": [t(
        "Bedömningen är en självskattning som vi har gjort själva. Den senaste gjordes den 1 november 2026.",
        "The assessment is a self-assessment that we made ourselves. The latest was made on 1 November 2026.",
        "التقييم تقييم ذاتي أجريناه بأنفسنا. وأُجري آخر تقييم في 1 نوفمبر 2026.",
    ), t(
        "Vi testar varje sida med axe-core och Nu HTML Checker, och gör en manuell granskning en gång om året.",
        "We test every page with axe-core and the Nu HTML Checker, and review the site by hand once a year.",
        "نختبر كل صفحة باستخدام axe-core ومدقق Nu HTML، ونراجع الموقع يدويًا مرة في السنة.",
    ), t(
        "Webbplatsen testas automatiskt mot WCAG 2.1 nivå AA vid varje ändring, och manuellt med skärmläsare och tangentbord.",
        "The site is tested automatically against WCAG 2.1 level AA with every change, and by hand with a screen "
        "reader and a keyboard.",
        "يُختبر الموقع آليًا وفق معايير WCAG 2.1 المستوى AA عند كل تغيير، ويدويًا باستخدام قارئ الشاشة ولوحة المفاتيح.",
    )],
    "last_reviewed": datetime.date(2026, 11, 1),
}

EMERGENCY_NUMBERS = [
    (t("Nödnummer", "Emergency number", "رقم الطوارئ"), "112",
     t("Vid akut fara för liv eller hälsa.", "When life or health is in immediate danger.",
       "عند وجود خطر فوري على الحياة أو الصحة.")),
    (t("Socialjouren", "Social services out of hours", "المناوبة الاجتماعية"), "040-34 00 00",
     t("Kvällar, nätter och helger.", "Evenings, nights and weekends.", "في المساء والليل وعطلات نهاية الأسبوع.")),
    (t("Kvinnofridslinjen", "National women's helpline", "الخط الوطني لمساعدة النساء"), "020-50 50 50",
     t("För dig som utsatts för våld. Dygnet runt, gratis.", "If you have been subjected to violence. Day and night, free.",
       "لمن تعرّض للعنف. على مدار الساعة ومجانًا.")),
    (t("BRIS – för barn och unga", "BRIS – for children and young people", "بريس – للأطفال والشباب"), "116 111",
     t("Prata med en kurator. Dygnet runt.", "Talk to a counsellor. Day and night.", "تحدث مع مرشد. على مدار الساعة.")),
    (t("Vårdguiden", "Healthcare advice", "الاستشارات الصحية"), "1177",
     t("Sjukvårdsrådgivning dygnet runt.", "Medical advice day and night.", "استشارات طبية على مدار الساعة.")),
]

CONTACT = {
    "phone": "040-34 10 00",
    "email": "rad-och-stod@lotsa.example",
    "address": "Stadshuset, Storgatan 1, 123 45 Exempelstad",
    "organisation": "Socialförvaltningen, Råd- och stöd",
}
