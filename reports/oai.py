"""OAI-PMH 2.0 data provider at /oai, so that libraries and DiVA-style repositories can harvest
the knowledge bank. Records are the live report pages (each language version is its own record,
with dc:language), metadata in oai_dc, sets per report type and per language, resumption tokens
for long lists, and every protocol error the specification defines.
Spec: http://www.openarchives.org/OAI/2.0/openarchivesprotocol.htm"""
import base64
import datetime
import json
from xml.sax.saxutils import escape, quoteattr

from django.http import HttpResponse
from django.utils import timezone, translation
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from reports import citation
from reports.models import ReportPage, ReportType

PAGE_SIZE = 50
EARLIEST = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)
VERBS = {
    # verb: (required, optional, exclusive)
    "Identify": (set(), set(), None),
    "ListMetadataFormats": (set(), {"identifier"}, None),
    "ListSets": (set(), set(), "resumptionToken"),
    "ListIdentifiers": ({"metadataPrefix"}, {"from", "until", "set"}, "resumptionToken"),
    "ListRecords": ({"metadataPrefix"}, {"from", "until", "set"}, "resumptionToken"),
    "GetRecord": ({"identifier", "metadataPrefix"}, set(), None),
}
FORMATS = {
    "oai_dc": ("http://www.openarchives.org/OAI/2.0/oai_dc.xsd", "http://www.openarchives.org/OAI/2.0/oai_dc/"),
}


class OAIError(Exception):
    def __init__(self, code, message):
        super().__init__(message)
        self.code, self.message = code, message


def utc(dt):
    return dt.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def repository_id(request):
    return request.get_host().split(":")[0] or "lotsa"


def identifier(request, page):
    return f"oai:{repository_id(request)}:report/{page.pk}"


def parse_identifier(request, value):
    prefix = f"oai:{repository_id(request)}:report/"
    if value.startswith(prefix) and value[len(prefix):].isdigit():
        return int(value[len(prefix):])
    return None


def parse_date(value, end=False):
    """OAI-PMH dates: YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ. Returns (datetime, granularity)."""
    try:
        if len(value) == 10:
            day = datetime.date.fromisoformat(value)
            time = datetime.time.max if end else datetime.time.min
            return datetime.datetime.combine(day, time, tzinfo=datetime.UTC), "day"
        if len(value) == 20 and value.endswith("Z") and value[10] == "T":
            return datetime.datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.UTC), "seconds"
    except ValueError:
        pass
    raise OAIError("badArgument", f"Not a valid date: {value}")


def sets():
    from django.conf import settings

    items = [(f"type:{value}", str(label)) for value, label in ReportType.choices]
    items += [(f"language:{code}", name) for code, name in settings.LANGUAGES]
    return items


def records(args):
    qs = ReportPage.objects.live().public().select_related("locale").order_by("pk")
    if args.get("from"):
        qs = qs.filter(last_published_at__gte=parse_date(args["from"])[0])
    if args.get("until"):
        qs = qs.filter(last_published_at__lte=parse_date(args["until"], end=True)[0])
    if args.get("set"):
        kind, _sep, value = args["set"].partition(":")
        if args["set"] not in {spec for spec, _label in sets()}:
            raise OAIError("noRecordsMatch", "No set with that spec.")
        qs = qs.filter(report_type=value) if kind == "type" else qs.filter(locale__language_code=value)
    return qs


def encode_token(args, offset):
    data = {k: v for k, v in args.items() if k in ("metadataPrefix", "from", "until", "set") and v}
    data["offset"] = offset
    return base64.urlsafe_b64encode(json.dumps(data, separators=(",", ":")).encode()).decode().rstrip("=")


def decode_token(token):
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        data = json.loads(raw)
        offset = int(data.pop("offset"))
        if offset < 0 or not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
            raise ValueError
        return data, offset
    except (ValueError, TypeError, KeyError, json.JSONDecodeError, UnicodeDecodeError):
        raise OAIError("badResumptionToken", "The resumption token is invalid or has expired.") from None


def check_arguments(verb, args):
    required, optional, exclusive = VERBS[verb]
    given = set(args)
    if exclusive and exclusive in given:
        if given != {exclusive}:
            raise OAIError("badArgument", f"{exclusive} is an exclusive argument.")
        return
    unknown = given - required - optional
    if unknown:
        raise OAIError("badArgument", "Illegal argument: " + ", ".join(sorted(unknown)))
    missing = required - given
    if missing:
        raise OAIError("badArgument", "Missing argument: " + ", ".join(sorted(missing)))
    if "from" in args and "until" in args:
        start, g1 = parse_date(args["from"])
        end, g2 = parse_date(args["until"], end=True)
        if g1 != g2:
            raise OAIError("badArgument", "from and until must have the same granularity.")
        if start > end:
            raise OAIError("badArgument", "from is later than until.")
    for key in ("from", "until"):
        if key in args:
            parse_date(args[key])


def header_xml(request, page):
    specs = [f"type:{page.report_type}", f"language:{page.locale.language_code}"]
    return (
        f"<header><identifier>{escape(identifier(request, page))}</identifier>"
        f"<datestamp>{utc(page.last_published_at or page.first_published_at or EARLIEST)}</datestamp>"
        + "".join(f"<setSpec>{escape(s)}</setSpec>" for s in specs) + "</header>"
    )


def record_xml(request, page):
    with translation.override(page.locale.language_code):
        elements = citation.dublin_core(page, request)
    dc = "".join(f"<dc:{name}>{escape(str(value))}</dc:{name}>" for name, value in elements)
    return (
        "<record>" + header_xml(request, page) + "<metadata>"
        '<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/oai_dc/ http://www.openarchives.org/OAI/2.0/oai_dc.xsd">'
        + dc + "</oai_dc:dc></metadata></record>"
    )


def do_identify(request, args):
    first = ReportPage.objects.live().exclude(first_published_at=None).order_by("first_published_at").first()
    earliest = first.first_published_at if first else EARLIEST
    from django.conf import settings

    admin_email = getattr(settings, "LOTSA_SHARED_MAILBOX", "info@lotsa.example")
    return (
        "<Identify><repositoryName>Lotsa – kunskapsbanken</repositoryName>"
        f"<baseURL>{escape(request.build_absolute_uri(request.path))}</baseURL>"
        "<protocolVersion>2.0</protocolVersion>"
        f"<adminEmail>{escape(admin_email)}</adminEmail>"
        f"<earliestDatestamp>{utc(earliest)}</earliestDatestamp>"
        "<deletedRecord>no</deletedRecord><granularity>YYYY-MM-DDThh:mm:ssZ</granularity>"
        '<description><oai-identifier xmlns="http://www.openarchives.org/OAI/2.0/oai-identifier" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/oai-identifier '
        'http://www.openarchives.org/OAI/2.0/oai-identifier.xsd">'
        f"<scheme>oai</scheme><repositoryIdentifier>{escape(repository_id(request))}</repositoryIdentifier>"
        "<delimiter>:</delimiter>"
        f"<sampleIdentifier>oai:{escape(repository_id(request))}:report/1</sampleIdentifier>"
        "</oai-identifier></description></Identify>"
    )


def do_list_metadata_formats(request, args):
    if "identifier" in args:
        pk = parse_identifier(request, args["identifier"])
        if pk is None or not ReportPage.objects.live().public().filter(pk=pk).exists():
            raise OAIError("idDoesNotExist", "No record has that identifier.")
    return "<ListMetadataFormats>" + "".join(
        f"<metadataFormat><metadataPrefix>{prefix}</metadataPrefix><schema>{schema}</schema>"
        f"<metadataNamespace>{namespace}</metadataNamespace></metadataFormat>"
        for prefix, (schema, namespace) in FORMATS.items()
    ) + "</ListMetadataFormats>"


def do_list_sets(request, args):
    if "resumptionToken" in args:
        raise OAIError("badResumptionToken", "ListSets has no resumption tokens here.")
    return "<ListSets>" + "".join(
        f"<set><setSpec>{escape(spec)}</setSpec><setName>{escape(name)}</setName></set>" for spec, name in sets()
    ) + "</ListSets>"


def do_list(request, args, verb):
    offset = 0
    if "resumptionToken" in args:
        args, offset = decode_token(args["resumptionToken"])
        if "metadataPrefix" not in args:
            raise OAIError("badResumptionToken", "The resumption token is invalid or has expired.")
        try:
            check_arguments(verb, args)
        except OAIError:
            raise OAIError("badResumptionToken", "The resumption token is invalid or has expired.") from None
    if args["metadataPrefix"] not in FORMATS:
        raise OAIError("cannotDisseminateFormat", "Only oai_dc is supported.")
    qs = records(args)
    total = qs.count()
    if total == 0:
        raise OAIError("noRecordsMatch", "No records match.")
    if offset > total:
        raise OAIError("badResumptionToken", "The resumption token is invalid or has expired.")
    pages = list(qs[offset:offset + PAGE_SIZE].prefetch_related("topics"))
    if verb == "ListIdentifiers":
        body = "".join(header_xml(request, p) for p in pages)
    else:
        body = "".join(record_xml(request, p) for p in pages)
    token = ""
    if offset + PAGE_SIZE < total:
        token = (f'<resumptionToken completeListSize="{total}" cursor="{offset}">'
                 f"{encode_token(args, offset + PAGE_SIZE)}</resumptionToken>")
    elif offset:
        token = f'<resumptionToken completeListSize="{total}" cursor="{offset}"/>'
    return f"<{verb}>{body}{token}</{verb}>"


def do_get_record(request, args):
    if args["metadataPrefix"] not in FORMATS:
        raise OAIError("cannotDisseminateFormat", "Only oai_dc is supported.")
    pk = parse_identifier(request, args["identifier"])
    page = ReportPage.objects.live().public().select_related("locale").filter(pk=pk).first() if pk else None
    if page is None:
        raise OAIError("idDoesNotExist", "No record has that identifier.")
    return "<GetRecord>" + record_xml(request, page) + "</GetRecord>"


HANDLERS = {
    "Identify": do_identify,
    "ListMetadataFormats": do_list_metadata_formats,
    "ListSets": do_list_sets,
    "ListIdentifiers": lambda request, args: do_list(request, args, "ListIdentifiers"),
    "ListRecords": lambda request, args: do_list(request, args, "ListRecords"),
    "GetRecord": do_get_record,
}


def envelope(request, args, body, verb=None):
    attrs = "".join(f" {k}={quoteattr(v)}" for k, v in sorted(args.items())) if verb else ""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/ http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd">'
        f"<responseDate>{utc(timezone.now())}</responseDate>"
        f"<request{attrs}>{escape(request.build_absolute_uri(request.path))}</request>"
        + body + "</OAI-PMH>"
    )


@csrf_exempt
@require_http_methods(["GET", "POST", "HEAD"])
def oai(request):
    query = request.POST if request.method == "POST" else request.GET
    args = {}
    repeated = False
    for key in query:
        values = query.getlist(key)
        repeated |= len(values) > 1
        args[key] = values[-1]
    verb = args.pop("verb", None)
    try:
        if verb not in VERBS or len(query.getlist("verb")) != 1:
            raise OAIError("badVerb", "Missing, repeated or illegal verb.")
        if repeated:
            raise OAIError("badArgument", "An argument is repeated.")
        check_arguments(verb, args)
        with translation.override(None):
            body = HANDLERS[verb](request, args)
        xml = envelope(request, {"verb": verb, **args}, body, verb=verb)
    except OAIError as error:
        # Per the spec the request element echoes the arguments only when they were valid.
        body = f'<error code="{error.code}">{escape(error.message)}</error>'
        keep = verb if error.code not in ("badVerb", "badArgument") else None
        xml = envelope(request, {"verb": verb, **args} if keep else {}, body, verb=keep)
    return HttpResponse(xml, content_type="text/xml; charset=utf-8")
