"""Demo knowledge-bank content: one entry per source document (shared/seeds 000–004), written in
our own words with the documents' real figures. Each string is {sv, en, ar}; reports.demo makes
Swedish pages of them and wagtail-localize translations of the other two."""
import datetime

from home.demo_content import t

D = datetime.date

HELSINGBORG = t("Socialförvaltningen, Helsingborgs stad", "Social Services Administration, City of Helsingborg",
                "إدارة الخدمات الاجتماعية، مدينة هلسينغبوري")
HV = t("Hässelby-Vällingby stadsdelsförvaltning, Stockholms stad", "Hässelby-Vällingby District Administration, City of Stockholm",
       "إدارة حي هاسلبي-فيلينغبي، مدينة ستوكهولم")
SOCIAL_COMMITTEE = t("Socialnämnden", "Social Committee", "لجنة الشؤون الاجتماعية")
HV_DISTRICT = t("Hässelby-Vällingby", "Hässelby-Vällingby", "هاسلبي-فيلينغبي")
LUM = t("Lokala utvecklingsmedel (LUM)", "Local development funds (LUM)", "أموال التنمية المحلية (LUM)")
EARLY_MODEL = t("Modell för tidigt socialt stöd", "Model for early social support", "نموذج الدعم الاجتماعي المبكر")
ADVICE = t("Råd- och stöd", "Advice & Support", "النصح والدعم")

MONTHS = [t("jan", "Jan", "يناير"), t("feb", "Feb", "فبراير"), t("mar", "Mar", "مارس"),
          t("apr", "Apr", "أبريل"), t("maj", "May", "مايو"), t("jun", "Jun", "يونيو")]
YEARS = ["2020", "2021", "2022", "2023", "2024"]

INDEX = {
    "title": t("Kunskapsbanken", "Knowledge bank", "بنك المعرفة"),
    "slug": t("kunskapsbanken", "knowledge-bank", "knowledge-bank-ar"),
    "intro": t(
        "Rapporter, utvärderingar och planer från socialtjänstens utvecklingsarbete. Sök bland rapporterna, "
        "filtrera på år, ämne och fond, och citera dem med en fast adress.",
        "Reports, evaluations and plans from the social services' development work. Search the reports, "
        "filter by year, topic and fund, and cite them by a permanent address.",
        "تقارير وتقييمات وخطط من أعمال التطوير في الخدمات الاجتماعية. ابحث في التقارير، وصفِّها حسب السنة "
        "والموضوع والصندوق، واستشهد بها من خلال عنوان دائم.",
    ),
}


def kf(caption, columns, rows, unit=None, chart="bar", note=None):
    return ("key_figures", {"caption": caption, "unit": unit, "columns": columns, "rows": rows, "chart": chart, "note": note})


def row(label, values):
    return {"label": label, "values": values}


REPORTS = [
    {
        "key": "arsbokslut-2024",
        "title": t("Årsbokslut 2024 för socialnämnden", "Annual accounts 2024 of the Social Committee",
                   "الحسابات السنوية لعام 2024 للجنة الشؤون الاجتماعية"),
        "slug": t("arsbokslut-2024", "annual-accounts-2024", "annual-accounts-2024-ar"),
        "summary": t(
            "Socialnämndens bokslut för 2024: hur nämndens mål har uppnåtts, nyckeltal för fem år och det "
            "ekonomiska utfallet. Under året nådde 4 207 insatser utan föregående individuell behovsprövning "
            "invånarna, varav 1 771 barn, och målet på minst 3 700 insatser uppnåddes.",
            "The Social Committee's accounts for 2024: how the committee's goals were met, key figures over five "
            "years and the financial outcome. During the year 4,207 services without a prior individual needs "
            "assessment reached residents, 1,771 of them children, and the goal of at least 3,700 was met.",
            "الحسابات الختامية للجنة الشؤون الاجتماعية لعام 2024: مدى تحقيق أهداف اللجنة، والأرقام الرئيسية لخمس "
            "سنوات، والنتيجة المالية. خلال العام وصلت 4207 خدمات دون تقييم فردي مسبق للاحتياجات إلى السكان، "
            "منها 1771 للأطفال، وتحقق هدف 3700 خدمة على الأقل.",
        ),
        "organisation": HELSINGBORG, "administration": SOCIAL_COMMITTEE, "fund": None, "project": None,
        "authors": "", "period": (D(2024, 1, 1), D(2024, 12, 31)), "published": D(2025, 2, 20),
        "type": "annual", "topics": ["access", "early-support", "economy"], "number": "SN 2025/0042",
        "body": [
            ("heading", t("Mål och bedömning", "Goals and assessment", "الأهداف والتقييم")),
            ("goal", {
                "goal": t("Minst 3 700 insatser utan föregående individuell behovsprövning under 2024",
                          "At least 3,700 services without a prior individual needs assessment in 2024",
                          "3700 خدمة على الأقل دون تقييم فردي مسبق للاحتياجات في عام 2024"),
                "assessment": "achieved",
                "analysis": t(
                    "Utfallet blev 4 207 insatser, varav 1 771 till barn. Nedgången mot 2023 förklaras av att "
                    "förvaltningen har gjort räknesättet tydligare, inte av färre insatser.",
                    "The outcome was 4,207 services, 1,771 of them for children. The drop from 2023 comes from a "
                    "clearer way of counting, not from fewer services.",
                    "بلغت النتيجة 4207 خدمات، منها 1771 للأطفال. ويعود الانخفاض مقارنة بعام 2023 إلى توضيح طريقة "
                    "العد، وليس إلى قلة الخدمات.",
                ),
            }),
            kf(t("Insatser utan föregående individuell behovsprövning", "Services without a prior individual needs assessment",
                 "الخدمات دون تقييم فردي مسبق للاحتياجات"),
               YEARS, [row(t("Antal insatser", "Number of services", "عدد الخدمات"), [3080, 2695, 3001, 5820, 4207])],
               unit=t("antal", "number", "عدد"),
               note=t("Målet för 2024 var minst 3 700.", "The goal for 2024 was at least 3,700.",
                      "كان الهدف لعام 2024 هو 3700 على الأقل.")),
            kf(t("Placerade barn som fått familjehem inom sex månader", "Placed children given a foster family within six months",
                 "الأطفال المودعون الذين حصلوا على أسرة حاضنة خلال ستة أشهر"),
               YEARS, [row(t("Andel barn", "Share of children", "نسبة الأطفال"), [67, 68, 57, 59, 39])],
               unit="%", chart="line"),
            kf(t("Väntetid från ansökan till beslut om insats", "Waiting time from application to decision",
                 "مدة الانتظار من الطلب حتى القرار"),
               YEARS, [row(t("Genomsnitt", "Average", "المتوسط"), [47, 46, 57, 57, 52])],
               unit=t("dagar", "days", "أيام"), chart="line"),
            ("paragraph", t(
                "Innovationscheckar på högst 25 000 kronor gav medarbetare möjlighet att pröva nya idéer utan "
                "att behöva presentera dem först. Fler än 40 ansökningar kom in under de första tre månaderna.",
                "Innovation checks of at most 25,000 SEK let employees try new ideas without pitching them first. "
                "More than 40 applications came in during the first three months.",
                "أتاحت شيكات الابتكار التي لا تتجاوز 25000 كرونة للموظفين تجربة أفكار جديدة دون الحاجة إلى عرضها "
                "أولًا. ووصل أكثر من 40 طلبًا خلال الأشهر الثلاثة الأولى.",
            )),
        ],
    },
    {
        "key": "effekthemtagning-rad-och-stod",
        "title": t("Effekthemtagning av Råd- och stöd 2023", "Benefit realisation of Advice & Support 2023",
                   "تحقيق الفوائد من خدمة النصح والدعم 2023"),
        "slug": t("effekthemtagning-rad-och-stod", "benefit-realisation-advice-and-support", "benefit-realisation-ar"),
        "summary": t(
            "Uppföljning av samordnarna som lotsar invånare till rätt stöd utan biståndsbedömning. Rapporten "
            "visar hur invånarna tog kontakt, vad de fick hjälp med och vad det kostar per ärende jämfört med "
            "en utredning som kunde undvikas. 73,3 procent fick rätt stöd, målet var 70 procent.",
            "A follow-up of the coordinators who guide residents to the right support without a needs "
            "assessment. It shows how residents made contact, what they were helped with and the cost per case "
            "compared with an investigation that could be avoided. 73.3 per cent got the right support; the "
            "goal was 70 per cent.",
            "متابعة لعمل المنسقين الذين يرشدون السكان إلى الدعم المناسب دون تقييم للاحتياجات. يبين التقرير كيف "
            "تواصل السكان، وما الذي حصلوا على مساعدة فيه، وتكلفة الحالة الواحدة مقارنة بتحقيق أمكن تجنبه. حصل "
            "73.3 بالمئة على الدعم المناسب، وكان الهدف 70 بالمئة.",
        ),
        "organisation": HELSINGBORG, "administration": SOCIAL_COMMITTEE, "fund": None, "project": ADVICE,
        "authors": "", "period": (D(2022, 8, 1), D(2023, 12, 31)), "published": D(2023, 9, 29),
        "type": "evaluation", "topics": ["school", "children", "economy", "access"], "number": "",
        "body": [
            ("paragraph", t(
                "Under perioden hade samordnarna 268 ärenden. 111 började med ett telefonsamtal, 192 avslutades "
                "efter en eller två kontakter och 155 hanterades på mindre än en timme.",
                "During the period the coordinators had 268 cases. 111 began with a phone call, 192 were closed "
                "after one or two contacts and 155 were handled in less than an hour.",
                "خلال الفترة تعامل المنسقون مع 268 حالة. بدأت 111 منها بمكالمة هاتفية، وأُغلقت 192 بعد تواصل أو "
                "تواصلين، وعولجت 155 في أقل من ساعة.",
            )),
            ("goal", {
                "goal": t("Minst 70 procent av invånarna ska få rätt stöd", "At least 70 per cent of residents get the right support",
                          "أن يحصل 70 بالمئة من السكان على الأقل على الدعم المناسب"),
                "assessment": "achieved",
                "analysis": t(
                    "I utcheckningsenkäten svarade 73,3 procent att de fått tillgång till rätt stöd, och 93,3 "
                    "procent att kontakten var enkel och bra.",
                    "In the check-out survey 73.3 per cent said they got access to the right support, and 93.3 per "
                    "cent that the contact was easy and good.",
                    "في استبيان المغادرة قال 73.3 بالمئة إنهم حصلوا على الدعم المناسب، وقال 93.3 بالمئة إن التواصل "
                    "كان سهلًا وجيدًا.",
                ),
            }),
            kf(t("Skolors orosanmälningar januari–juni 2023", "Schools' reports of concern, January–June 2023",
                 "بلاغات القلق من المدارس، يناير–يونيو 2023"),
               MONTHS, [
                   row(t("Ledde inte till utredning", "Did not lead to an investigation", "لم تؤدِّ إلى تحقيق"), [38, 49, 50, 52, 55, 22]),
                   row(t("Ledde till utredning", "Led to an investigation", "أدت إلى تحقيق"), [25, 34, 51, 27, 43, 13]),
                   row(t("Kopplad till pågående utredning", "Linked to an ongoing investigation", "مرتبطة بتحقيق جارٍ"), [23, 19, 23, 10, 24, 5]),
               ], unit=t("antal", "number", "عدد"),
               note=t("Totalt 563 anmälningar: 266 utan utredning, 193 med utredning och 104 kopplade till en pågående.",
                      "563 reports in all: 266 without an investigation, 193 with one and 104 linked to an ongoing one.",
                      "المجموع 563 بلاغًا: 266 دون تحقيق، و193 مع تحقيق، و104 مرتبطة بتحقيق جارٍ.")),
            ("table", {
                "caption": t("Kostnad per ärende och besparing", "Cost per case and savings", "تكلفة الحالة والوفورات"),
                "header": [t("Post", "Item", "البند"), t("Belopp", "Amount", "المبلغ")],
                "rows": [
                    [t("Kostnad för tjänsten per halvår", "Cost of the service per half-year", "تكلفة الخدمة لكل نصف سنة"), "800\u00a0000\u00a0kr"],
                    [t("Ärenden per halvår", "Cases per half-year", "الحالات لكل نصف سنة"), "164"],
                    [t("Kostnad per ärende", "Cost per case", "تكلفة الحالة"), "≈ 4\u00a0800\u00a0kr"],
                    [t("Kostnad för en utredning av ett barn", "Cost of an investigation of a child", "تكلفة التحقيق في حالة طفل"), "20\u00a0000\u00a0kr"],
                    [t("Besparing per undviken utredning", "Saving per avoided investigation", "الوفر لكل تحقيق يُتجنب"), "15\u00a0200\u00a0kr"],
                    [t("Undvikna utredningar (hälften av 14 skolärenden)", "Avoided investigations (half of 14 school cases)",
                       "التحقيقات المتجنبة (نصف 14 حالة مدرسية)"), "7"],
                    [t("Besparing", "Saving", "الوفر"), "106\u00a0400\u00a0kr"],
                ],
                "first_column_is_header": True,
            }),
        ],
    },
    {
        "key": "lum-ansokan-tidigt-stod",
        "title": t("Ansökan om lokala utvecklingsmedel: Modell för tidigt socialt stöd",
                   "Application for local development funds: Model for early social support",
                   "طلب أموال التنمية المحلية: نموذج الدعم الاجتماعي المبكر"),
        "slug": t("lum-ansokan-tidigt-socialt-stod", "lum-application-early-social-support", "lum-application-ar"),
        "summary": t(
            "Stadsdelsförvaltningens ansökan om lokala utvecklingsmedel för att sprida en modell för tidigt socialt "
            "stöd till barn och unga i hela verksamheten. Budgeten är i balans: 1 500 000 kronor per år i "
            "kostnader, varav 500 000 kronor söks per år i tre år.",
            "The district administration's application for local development funds to spread a model for early "
            "social support for children and young people to all its services. The budget balances: 1,500,000 "
            "SEK a year in costs, of which 500,000 SEK a year is requested for three years.",
            "طلب إدارة الحي للحصول على أموال التنمية المحلية لنشر نموذج للدعم الاجتماعي المبكر للأطفال والشباب في "
            "جميع خدماتها. الميزانية متوازنة: 1500000 كرونة سنويًا من التكاليف، يُطلب منها 500000 كرونة سنويًا "
            "لمدة ثلاث سنوات.",
        ),
        "organisation": HV, "administration": HV_DISTRICT, "fund": LUM, "project": EARLY_MODEL,
        "authors": "", "period": (D(2020, 1, 1), D(2022, 12, 31)), "published": D(2019, 9, 20),
        "type": "plan", "topics": ["children", "early-support", "economy"], "number": "KST 1002",
        "body": [
            ("paragraph", t(
                "Slutrapporten med ekonomisk redovisning ska lämnas senast den 28 februari efter projektets sista år "
                "och publiceras i kunskapsbanken när den har godkänts.",
                "The final report with its economic report is due by 28 February after the project's last year "
                "and is published in the knowledge bank once approved.",
                "يجب تقديم التقرير النهائي مع التقرير المالي في موعد أقصاه 28 فبراير بعد السنة الأخيرة للمشروع، "
                "ويُنشر في بنك المعرفة بعد اعتماده.",
            )),
            kf(t("Budget per år", "Budget per year", "الميزانية السنوية"),
               [t("År 1", "Year 1", "السنة 1"), t("År 2", "Year 2", "السنة 2"), t("År 3", "Year 3", "السنة 3")], [
                   row(t("Sökt belopp", "Amount requested", "المبلغ المطلوب"), [500000, 500000, 500000]),
                   row(t("Egen budget", "Own budget", "الميزانية الذاتية"), [1000000, 1000000, 1000000]),
               ], unit=t("kronor", "SEK", "كرونة")),
            ("table", {
                "caption": t("Kostnader och intäkter per år", "Costs and income per year", "التكاليف والإيرادات السنوية"),
                "header": [t("Post", "Item", "البند"), t("Kronor per år", "SEK per year", "كرونة سنويًا")],
                "rows": [
                    [t("Personalkostnader inklusive sociala avgifter", "Personnel incl. social fees", "تكاليف الموظفين شاملة الرسوم الاجتماعية"), "1\u00a0450\u00a0000"],
                    [t("Övriga kostnader", "Other costs", "تكاليف أخرى"), "50\u00a0000"],
                    [t("Summa kostnader", "Total costs", "مجموع التكاليف"), "1\u00a0500\u00a0000"],
                    [t("Sökt belopp", "Amount requested", "المبلغ المطلوب"), "500\u00a0000"],
                    [t("Egen budget", "Own budget", "الميزانية الذاتية"), "1\u00a0000\u00a0000"],
                    [t("Summa intäkter", "Total income", "مجموع الإيرادات"), "1\u00a0500\u00a0000"],
                ],
                "first_column_is_header": True,
            }),
        ],
    },
    {
        "key": "delrapport-tidigt-stod-2019",
        "title": t("Modell för tidigt socialt stöd: delrapport 2019", "Model for early social support: interim report 2019",
                   "نموذج الدعم الاجتماعي المبكر: التقرير المرحلي 2019"),
        "slug": t("delrapport-tidigt-socialt-stod-2019", "interim-report-early-social-support-2019", "interim-report-2019-ar"),
        "summary": t(
            "Första årets utvecklingsarbete för ett tidigare socialt stöd till barn och unga. En behovsanalys av "
            "förhandsbedömningar och utredningar visade att många barn utreds mer än en gång och att samverkan "
            "med skola och förskola behöver öka. Rapporten beskriver fyra nivåer av insatser.",
            "The first year of development work towards earlier social support for children and young people. "
            "A needs analysis of initial assessments and investigations showed that many children are "
            "investigated more than once and that collaboration with schools and preschools must grow. The "
            "report describes four levels of services.",
            "السنة الأولى من أعمال التطوير نحو دعم اجتماعي مبكر للأطفال والشباب. أظهر تحليل الاحتياجات للتقييمات "
            "الأولية والتحقيقات أن كثيرًا من الأطفال يخضعون للتحقيق أكثر من مرة، وأن التعاون مع المدارس ورياض "
            "الأطفال يجب أن يزداد. ويصف التقرير أربعة مستويات من الخدمات.",
        ),
        "organisation": HV, "administration": HV_DISTRICT, "fund": None, "project": EARLY_MODEL,
        "authors": "", "period": (D(2019, 2, 1), D(2019, 12, 31)), "published": D(2019, 12, 16),
        "type": "interim", "topics": ["children", "early-support", "school", "collaboration"], "number": "",
        "pdf": True,
        "body": [
            ("heading", t("Fyra nivåer av insatser", "Four levels of services", "أربعة مستويات من الخدمات")),
            ("table", {
                "caption": t("Nivåindelning", "Levels of services", "مستويات الخدمات"),
                "header": [t("Nivå", "Level", "المستوى"), t("För vem", "For whom", "لمن"),
                           t("Behovsprövning", "Needs assessment", "تقييم الاحتياجات")],
                "rows": [
                    [t("Främjande", "Promotive", "تعزيزي"), t("Alla", "Everyone", "الجميع"), t("Nej", "No", "لا")],
                    [t("Förebyggande", "Preventive", "وقائي"), t("Riskgrupper", "Risk groups", "الفئات المعرضة للخطر"), t("Nej", "No", "لا")],
                    [t("Tidigt stöd", "Early support", "الدعم المبكر"), t("Barn och familjer med begynnande problem", "Children and families with emerging problems",
                                                                          "الأطفال والأسر ذوو المشكلات الناشئة"), t("Nej", "No", "لا")],
                    [t("Specialiserat stöd", "Specialised support", "الدعم المتخصص"), t("Barn med omfattande behov", "Children with extensive needs",
                                                                                      "الأطفال ذوو الاحتياجات الكبيرة"), t("Ja", "Yes", "نعم")],
                ],
                "first_column_is_header": True,
            }),
            ("paragraph", t(
                "Behovsanalysen pekade på tre områden: fler barn ska vara delaktiga under utredningen, samverkan med "
                "förskola och skola ska öka, och utredningar ska anpassas så att barn med mindre omfattande problem "
                "får hjälp snabbare.",
                "The needs analysis pointed to three areas: more children should take part during the investigation, "
                "collaboration with preschool and school should grow, and investigations should be adapted so that "
                "children with smaller problems get help sooner.",
                "أشار تحليل الاحتياجات إلى ثلاثة مجالات: يجب إشراك مزيد من الأطفال أثناء التحقيق، وزيادة التعاون مع "
                "رياض الأطفال والمدارس، وتكييف التحقيقات ليحصل الأطفال ذوو المشكلات الأصغر على المساعدة أسرع.",
            )),
        ],
    },
    {
        "key": "verksamhetsplan-2021",
        "title": t("Verksamhetsplan 2021 för socialförvaltningen", "Operational plan 2021 of the Social Services Administration",
                   "الخطة التشغيلية لعام 2021 لإدارة الخدمات الاجتماعية"),
        "slug": t("verksamhetsplan-2021", "operational-plan-2021", "operational-plan-2021-ar"),
        "summary": t(
            "Förvaltningens plan för 2021: invånarna ska få personligt anpassade sociala tjänster där och när de "
            "vill, och minst 70 procent ska uppleva att stödet varit till nytta. Planen tar upp digitala tjänster "
            "som att boka, boka om och avboka möten och att kunna läsa sin egen dokumentation.",
            "The administration's plan for 2021: residents should get personally adapted social services where "
            "and when they want, and at least 70 per cent should find the support useful. The plan covers "
            "digital services such as booking, rebooking and cancelling meetings and reading one's own records.",
            "خطة الإدارة لعام 2021: يجب أن يحصل السكان على خدمات اجتماعية مكيفة شخصيًا أينما ومتى أرادوا، وأن يرى "
            "70 بالمئة على الأقل أن الدعم كان مفيدًا. وتتناول الخطة الخدمات الرقمية مثل حجز المواعيد وتغييرها "
            "وإلغائها والاطلاع على الوثائق الشخصية.",
        ),
        "organisation": HELSINGBORG, "administration": SOCIAL_COMMITTEE, "fund": None, "project": None,
        "authors": "", "period": (D(2021, 1, 1), D(2021, 12, 31)), "published": D(2020, 12, 10),
        "type": "plan", "topics": ["digital", "access", "mental-health"], "number": "",
        "body": [
            ("heading", t("Prioriterade områden", "Priority areas", "المجالات ذات الأولوية")),
            ("paragraph", t(
                "Digitala sociala tjänster ska finnas där och när invånarna vill använda dem. Invånarna ska själva "
                "kunna boka, boka om och avboka sina möten och ta del av sin dokumentation.",
                "Digital social services should be there where and when residents want to use them. Residents should "
                "be able to book, rebook and cancel their meetings themselves and read their records.",
                "يجب أن تتوفر الخدمات الاجتماعية الرقمية أينما ومتى أراد السكان استخدامها. ويجب أن يتمكن السكان من حجز "
                "مواعيدهم وتغييرها وإلغائها بأنفسهم والاطلاع على وثائقهم.",
            )),
        ],
    },
]

RELATED = {
    "arsbokslut-2024": ["effekthemtagning-rad-och-stod", "verksamhetsplan-2021"],
    "effekthemtagning-rad-och-stod": ["arsbokslut-2024"],
    "lum-ansokan-tidigt-stod": ["delrapport-tidigt-stod-2019"],
    "delrapport-tidigt-stod-2019": ["lum-ansokan-tidigt-stod"],
    "verksamhetsplan-2021": ["arsbokslut-2024"],
}

# Text of the PDF attached to the interim report (made at load time), so that search finds words
# that appear only inside the PDF.
PDF_TEXT = [
    "Modell för tidigt socialt stöd – Delrapport 2019",
    "Genomlysningen omfattade samtliga förhandsbedömningar och utredningar som startades 2017.",
    "Resultatet visar att majoriteten av barnen utreddes mer än en gång, och att samverkan med skolor "
    "och förskolor under pågående utredning var bristfällig.",
    "Programmet har tretton punkter, bland annat familjebehandling utan biståndsbeslut och en "
    "gemensam skolsamverkansrutin.",
]
