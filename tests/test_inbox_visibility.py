"""Issue 11, item 1: a school request whose e-mail confirmation link was never clicked is not
shown to anyone in the admin - not in the inbox list, and not on any URL of the inbox viewset
(inspect, edit, history, usage, delete, ...), for Coordinators or Administrators. One rule,
`Submission.objects.visible_to_staff()`, decides it for every view."""
import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from forms.models import AuditEvent, Submission
from tests.factories import SubmissionFactory, demo_form

pytestmark = pytest.mark.django_db


def inbox_object_urls(pk):
    """Every URL of the inbox viewset (admin/inbox/...) that takes an object id, with `pk` in it:
    walked from the URL configuration, so a view Wagtail adds later is covered too."""
    def walk(patterns, prefix):
        for p in patterns:
            if isinstance(p, URLResolver):
                yield from walk(p.url_patterns, prefix + str(p.pattern))
            elif isinstance(p, URLPattern):
                yield prefix + str(p.pattern), p.name

    urls = []
    for route, name in walk(get_resolver().url_patterns, "/"):
        if route.startswith("/admin/inbox/") and "<" in route:
            assert route.count("<") == 1, route
            start, end = route.index("<"), route.index(">")
            urls.append(("/" + route[1:start].lstrip("/") + str(pk) + route[end + 1:], name))
    return urls


@pytest.fixture
def unconfirmed():
    return SubmissionFactory(reference="SKO-HIDDEN", form_page=demo_form("boka-mote"), confirmed_at=None,
                             data={"skola": "Hemliga skolan", "namn": "Lena Lärare",
                                   "arbetsmejl": "lena@skola.example", "oro": "Hög frånvaro"})


def test_the_walk_finds_every_object_view_of_the_inbox():
    names = {name for _url, name in inbox_object_urls(1)}
    assert {"inspect", "edit", "delete", "history", "usage"} <= names, names


@pytest.mark.parametrize("group", ["Coordinators", "Administrators"])
def test_unconfirmed_request_is_404_on_every_inbox_url(client_as, unconfirmed, group):
    client = client_as(group)
    urls = inbox_object_urls(unconfirmed.pk)
    wrong = []
    for url, _name in urls:
        for method in ("get", "post"):
            response = getattr(client, method)(url)
            body = response.content.decode("utf-8", "replace")
            if response.status_code != 404 or "Hemliga skolan" in body or "lena@skola.example" in body:
                wrong.append(f"{method.upper()} {url}: {response.status_code}")
    assert not wrong, wrong
    assert Submission.objects.filter(pk=unconfirmed.pk).exists()  # the delete view did not delete it
    assert not AuditEvent.objects.filter(references__contains="SKO-HIDDEN").exists()
    listing = client.get("/admin/inbox/").content.decode() + client.get("/admin/inbox/results/").content.decode()
    assert "SKO-HIDDEN" not in listing
    export = b"".join(client.get("/admin/inbox/?export=csv").streaming_content).decode()
    assert "SKO-HIDDEN" not in export and "Hemliga skolan" not in export


@pytest.mark.parametrize("group", ["Coordinators", "Administrators"])
def test_once_confirmed_the_same_urls_answer(client_as, unconfirmed, group):
    from django.utils import timezone

    Submission.objects.filter(pk=unconfirmed.pk).update(confirmed_at=timezone.now())
    client = client_as(group)
    for url, name in inbox_object_urls(unconfirmed.pk):
        if name == "history_results":
            continue  # an HTMX fragment of the history page
        response = client.get(url)
        # Coordinators may not delete (403 from our own check); everything else is shown
        expected = 403 if (name == "delete" and group == "Coordinators") else 200
        assert response.status_code == expected, (url, response.status_code)
    assert "Hemliga skolan" in client.get(f"/admin/inbox/inspect/{unconfirmed.pk}/").content.decode()


def test_the_rule_is_one_queryset_method(unconfirmed):
    confirmed = SubmissionFactory(reference="KON-SHOWN")
    visible = set(Submission.objects.visible_to_staff().values_list("reference", flat=True))
    assert "KON-SHOWN" in visible and "SKO-HIDDEN" not in visible
    assert confirmed.pk in set(Submission.objects.all().visible_to_staff().values_list("pk", flat=True))
