"""Demo content of the funding app: the 'Sök medel' index with three fund programmes (the social
investment fund, local development funds LUM and innovation checks) in sv/en/ar, a demo project
lead and a submitted application reproducing the source budget. Idempotent."""
import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Locale

from funding import workflow
from funding.assessment import demo as assessment_demo
from funding.interim import demo as interim_demo
from funding.budget import Budget
from funding.payments import demo as payments_demo
from funding.models import ApplicantProfile, Application, FundIndexPage, FundProgrammePage, FundRound
from funding.signatures import demo as signatures_demo
from funding.threads import demo as threads_demo
from home.demo import collect_strings, translate_all
from home.models import HomePage


def t(sv, en, ar):
    return {"sv": sv, "en": en, "ar": ar}


def paras(items, lang="sv"):
    return "".join(f"<p>{item[lang]}</p>" for item in items)


INDEX = {
    "title": t("Sök medel", "Apply for funding", "التقدم بطلب للحصول على تمويل"),
    "slug": t("sok-medel", "apply-for-funding", "apply-for-funding-ar"),
    "intro": t(
        "Staden har fonder för den som vill pröva ett nytt arbetssätt som gör livet bättre för invånarna.",
        "The city has funds for those who want to try a new way of working that makes life better for residents.",
        "لدى المدينة صناديق لمن يريد تجربة طريقة عمل جديدة تجعل حياة السكان أفضل.",
    ),
    "body": [t(
        "Skapa ett konto, fyll i ansökan i din egen takt och skicka in den när den är klar. "
        "Du kan spara och fortsätta senare, även på en annan dator.",
        "Create an account, fill in the application at your own pace and submit it when it is ready. "
        "You can save and continue later, also on another computer.",
        "أنشئ حساباً واملأ الطلب بالسرعة التي تناسبك وأرسله عندما يكون جاهزاً. "
        "يمكنك الحفظ والمتابعة لاحقاً، حتى على جهاز كمبيوتر آخر.",
    )],
}

FUNDS = [
    {
        "key": "social",
        "title": t("Sociala investeringsfonden", "The social investment fund", "صندوق الاستثمار الاجتماعي"),
        "slug": t("sociala-investeringsfonden", "social-investment-fund", "social-investment-fund-ar"),
        "intro": t(
            "För större projekt som förebygger sociala problem och som kan spara pengar på sikt.",
            "For larger projects that prevent social problems and can save money in the long run.",
            "للمشاريع الكبيرة التي تمنع المشكلات الاجتماعية ويمكن أن توفر المال على المدى الطويل.",
        ),
        "body": [t(
            "Fonden finansierar pilotverksamheter i upp till tre år. Projektet ska beskriva vilka effekter "
            "det ger och hur nyttan ska hämtas hem när projektet är slut.",
            "The fund finances pilots for up to three years. The project must describe its effects and how "
            "the benefits will be realised when the project ends.",
            "يموّل الصندوق المشاريع التجريبية لمدة تصل إلى ثلاث سنوات. يجب أن يصف المشروع آثاره وكيف "
            "ستتحقق الفوائد عند انتهائه.",
        )],
        "who": [t(
            "Stadens förvaltningar och stadsdelsförvaltningar, gärna tillsammans med civilsamhället.",
            "The city's administrations and district administrations, preferably together with civil society.",
            "إدارات المدينة وإدارات الأحياء، ويفضل بالتعاون مع المجتمع المدني.",
        )],
        "rules": dict(max_amount=5_000_000, max_per_year=False, budget_per_year=True, max_years=3,
                      open_all_year=False, report_due_rule="months", report_due_months=3,
                      sections=["effects", "method", "equality", "attachments"], signature="upload"),
        "rounds": [
            (t("Vårens omgång", "Spring round", "جولة الربيع"), -200, -120),
            (t("Höstens omgång", "Autumn round", "جولة الخريف"), -30, 180),
        ],
    },
    {
        "key": "lum",
        "title": t("Lokala utvecklingsmedel (LUM)", "Local development funds (LUM)", "أموال التنمية المحلية (LUM)"),
        "slug": t("lokala-utvecklingsmedel", "local-development-funds", "local-development-funds-ar"),
        "intro": t(
            "För förvaltningar som vill påskynda ett förändringsarbete utan att verksamheten tar skada.",
            "For administrations that want to speed up a change without harming their services.",
            "للإدارات التي تريد تسريع عملية التغيير دون الإضرار بخدماتها.",
        ),
        "body": [t(
            "Medlen kan till exempel betala processtöd när nya arbetssätt ska föras över från en pilot till "
            "den ordinarie verksamheten. Budgeten anges per år och projektet delfinansieras med egen budget.",
            "The funds can for example pay for process support when new ways of working move from a pilot "
            "into the regular services. The budget is given per year and the project is partly paid from "
            "the administration's own budget.",
            "يمكن أن تدفع هذه الأموال مثلاً تكاليف دعم العملية عند نقل طرق العمل الجديدة من مشروع تجريبي إلى "
            "الخدمات العادية. تُحدد الميزانية لكل سنة ويُموَّل المشروع جزئياً من ميزانية الإدارة نفسها.",
        )],
        "who": [t(
            "Stadsdelsförvaltningar och fackförvaltningar i staden.",
            "The city's district and specialist administrations.",
            "إدارات الأحياء والإدارات المتخصصة في المدينة.",
        )],
        "rules": dict(max_amount=500_000, max_per_year=True, budget_per_year=True, max_years=3,
                      open_all_year=True, report_due_rule="fixed", report_due_month=2, report_due_day=28,
                      sections=["effects", "method", "equality", "attachments"]),
        "rounds": [],
    },
    {
        "key": "check",
        "title": t("Innovationscheck", "Innovation check", "شيك الابتكار"),
        "slug": t("innovationscheck", "innovation-check", "innovation-check-ar"),
        "intro": t(
            "Högst 25 000 kronor för att snabbt pröva en idé. Ingen pitch behövs.",
            "At most 25,000 kronor to try an idea quickly. No pitch is needed.",
            "بحد أقصى 25 000 كرونة لتجربة فكرة بسرعة. لا حاجة إلى عرض تقديمي.",
        ),
        "body": [t(
            "Innovationschecken är till för små försök. Ansökan är kort och beslut fattas löpande.",
            "The innovation check is for small trials. The application is short and decisions are made "
            "continuously.",
            "شيك الابتكار مخصص للتجارب الصغيرة. الطلب قصير والقرارات تُتخذ باستمرار.",
        )],
        "who": [t(
            "Medarbetare i stadens förvaltningar.",
            "Employees of the city's administrations.",
            "موظفو إدارات المدينة.",
        )],
        "rules": dict(max_amount=25_000, max_per_year=False, budget_per_year=False, max_years=1,
                      open_all_year=True, report_due_rule="months", report_due_months=2, sections=[],
                      signature="none"),
        "rounds": [],
    },
]

PROJECT_LEAD = "projektledare"

# The source application (LUM), in Swedish: answers as the wizard stores them.
DEMO_ANSWERS = {
    "applicant": {"organisation": "Hässelby-Vällingby stadsdelsförvaltning", "unit": "Avdelningen för barn och unga",
                  "kst": "1002", "giro_type": "bankgiro", "giro_number": "5050-1055",
                  "contact_name": "Projektledare Demo", "contact_email": "projektledare@lotsa.example",
                  "contact_phone": "", "head_name": "Avdelningschef Demo", "head_title": "Avdelningschef",
                  "head_email": "avdelningschef@lotsa.example", "sign_place": "Stockholm"},
    "project": {"title": "Modell för tidigt socialt stöd", "start": "2020-01-01", "end": "2022-12-31",
                "background": "Sedan 2019 tar förvaltningen fram en modell för tidigt socialt stöd för barn och "
                              "unga 0–18 år, med en behovsanalys och en uppbyggnadsfas.",
                "purpose": "Att påskynda förändringsarbetet och föra över lärdomar från piloten till "
                           "linjeverksamheten utan att rättssäkerheten äventyras.",
                "target_group": "Barn och unga 0–18 år och deras familjer i stadsdelsområdet."},
    "effects": {"residents": "Barn och unga får rätt stöd i rätt tid och på rätt nivå.",
                "employees": "Tydliga arbetssätt och mindre oro under förändringen.",
                "administration": "Färre upprepade utredningar och bättre samverkan med skolan.",
                "city": "Lärdomar som andra stadsdelar kan använda."},
    "method": {"method": "Processtöd som länkar piloten till linjeverksamheten.",
               "phases": "Fas 1: behovsanalys (vår 2019). Fas 2: uppbyggnad (aug–dec 2019). "
                         "Pilot och implementering (jan 2020–dec 2022).",
               "activities": "Workshoppar, handledning och uppföljning av nya rutiner.",
               "follow_up": "Uppföljning varje halvår med nyckeltal och en slutrapport."},
    "equality": {"gender_equality": "Uppföljningen redovisas för flickor och pojkar.",
                 "cohesive_support": "Socialtjänst, skola och region samverkar kring samma barn."},
}
DEMO_BUDGET = {
    "years": ["2020", "2021", "2022"],
    "costs": [{"key": "personnel", "name": "", "amounts": [1_450_000] * 3},
              {"key": "other", "name": "", "amounts": [50_000] * 3}],
    "income": [{"key": "requested", "name": "", "amounts": [500_000] * 3},
               {"key": "own", "name": "", "amounts": [1_000_000] * 3},
               {"key": "external", "name": "", "amounts": [0] * 3}],
}


def wizard_data(answers, budget):
    """Answers in the shape the wizard's storage keeps them (prefixed POST lists)."""
    step_data = {step: {f"{step}-{k}": [v] for k, v in fields.items()} for step, fields in answers.items()}
    b = {"budget-extra_lines": ["0"]}
    for line in budget["costs"]:
        for i, a in enumerate(line["amounts"]):
            b[f"budget-c_{line['key']}_{i}"] = [str(a)]
    for line in budget["income"]:
        for i, a in enumerate(line["amounts"]):
            b[f"budget-i_{line['key']}_{i}"] = [str(a)]
    step_data["budget"] = b
    step_data["attachments"] = {}
    step_data["review"] = {"review-confirm": ["on"]}
    return {"step": None, "step_data": step_data, "step_files": {}, "extra_data": {}}


def ensure_index(home):
    sv_slug = INDEX["slug"]["sv"]
    page = home.get_children().filter(slug=sv_slug).first()
    if page:
        return page.specific
    page = FundIndexPage(title=INDEX["title"]["sv"], slug=sv_slug, intro=INDEX["intro"]["sv"],
                         body=paras(INDEX["body"]), show_in_menus=True)
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def ensure_fund(index, spec):
    sv_slug = spec["slug"]["sv"]
    page = index.get_children().filter(slug=sv_slug).first()
    if page:
        return page.specific
    page = FundProgrammePage(title=spec["title"]["sv"], slug=sv_slug, intro=spec["intro"]["sv"],
                             body=paras(spec["body"]), who_may_apply=paras(spec["who"]), **spec["rules"])
    today = timezone.localdate()
    for name, start, end in spec["rounds"]:
        page.rounds.add(FundRound(name=name["sv"], opens=today + datetime.timedelta(days=start),
                                  closes=today + datetime.timedelta(days=end)))
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def load(stdout, with_users=False):
    sv = Locale.get_default()
    home = HomePage.objects.filter(locale=sv).first()
    if home is None:
        return []
    index = ensure_index(home)
    translate_all(index, INDEX)
    funds = {}
    for spec in FUNDS:
        fund = ensure_fund(index, spec)
        spec_strings = {k: spec[k] for k in ("title", "slug", "intro", "body", "who")}
        spec_strings["rounds"] = [name for name, _s, _e in spec["rounds"]]
        translate_all(fund, spec_strings)
        funds[spec["key"]] = fund
    users = ensure_project_lead(stdout, funds["lum"]) if with_users else []
    if with_users:
        from funding.committee import demo as committee_demo

        users += payments_demo.load(funds["lum"], wizard_data, DEMO_ANSWERS)
        users += signatures_demo.load(funds["lum"], DEMO_ANSWERS, DEMO_BUDGET, wizard_data)
        users += interim_demo.load(funds["lum"])
        users += committee_demo.load(funds, DEMO_ANSWERS)
    return users + assessment_demo.load(funds, with_users=with_users)  # criteria; the demo application assessed


def ensure_project_lead(stdout, lum):
    from allauth.account.models import EmailAddress

    User = get_user_model()
    password = f"lotsa-{PROJECT_LEAD}-demo"
    user = User.objects.filter(username=PROJECT_LEAD).first()
    if user is None:
        user = User.objects.create_user(username=PROJECT_LEAD, email=f"{PROJECT_LEAD}@lotsa.example",
                                        password=password, first_name="Projektledare")
    EmailAddress.objects.get_or_create(user=user, email=user.email, defaults={"verified": True, "primary": True})
    # "My organisation": prefills the lead's next application
    ApplicantProfile.objects.get_or_create(user=user, defaults={
        **{k: v for k, v in DEMO_ANSWERS["applicant"].items() if k in ApplicantProfile.FIELDS},
        "head_title": "Avdelningschef", "head_email": "avdelningschef@lotsa.example"})
    if not Application.objects.filter(user=user).exists():
        budget = Budget.from_dict(DEMO_BUDGET)
        app = Application.objects.create(
            user=user, fund=lum, language="sv", title=DEMO_ANSWERS["project"]["title"],
            organisation=DEMO_ANSWERS["applicant"]["organisation"],
            data={"wizard": wizard_data(DEMO_ANSWERS, DEMO_BUDGET)}, budget=budget.to_dict(),
            requested_total=budget.requested_total, cost_total=budget.cost_total,
            project_start=datetime.date(2020, 1, 1), project_end=datetime.date(2022, 12, 31),
        )
        workflow.transition(app, workflow.SUBMITTED, user, notify=False)
    app = Application.objects.filter(user=user).first()
    ensure_attachment(app, "Tidsplan.pdf", ["Tidsplan", "Fas 1: behovsanalys (vår 2019).",
                                            "Fas 2: uppbyggnad (aug–dec 2019).",
                                            "Pilot och implementering (jan 2020–dec 2022)."])
    threads_demo.load(lum, app)  # a question and an answer in the application's thread (issue 13 item 3)
    return [(PROJECT_LEAD, password, "(project lead, /sv/funding/my/)")]


def demo_pdf(lines):
    """A small real PDF (xhtml2pdf), standing in for an uploaded attachment."""
    import io

    from xhtml2pdf import pisa

    out = io.BytesIO()
    pisa.CreatePDF("<html><body>" + "".join(f"<p>{line}</p>" for line in lines) + "</body></html>",
                   dest=out, encoding="utf-8")
    return out.getvalue()


def ensure_attachment(owner, name, lines):
    """An attachment of an application or a final report, saved (under a random name) in the
    private storage like an upload."""
    from django.core.files.base import ContentFile

    if owner is None or owner.attachments.filter(name=name).exists():
        return
    content = demo_pdf(lines)
    owner.attachments.create(file=ContentFile(content, name=name), name=name, size=len(content),
                             **({"content_type": "application/pdf"} if hasattr(owner, "application") else {}))


__all__ = ["load", "collect_strings"]
