"""factory_boy factories for the objects tests make again and again. The demo content (forms,
funds, pages) is already in every test database, so factories point at it instead of building
page trees."""
import factory
from django.contrib.auth import get_user_model
from django.utils import timezone


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("a-long-password-123")


class ApplicantFactory(UserFactory):
    """A project lead with a verified e-mail address, as allauth requires before applying."""

    @factory.post_generation
    def verified_email(user, create, extracted, **kwargs):
        if create:
            from allauth.account.models import EmailAddress

            EmailAddress.objects.get_or_create(user=user, email=user.email, defaults={"verified": True, "primary": True})


def demo_form(slug="kontakta-rad-och-stod"):
    from forms.models import FormPage

    return FormPage.objects.get(locale__language_code="sv", slug=slug)


class SubmissionFactory(factory.django.DjangoModelFactory):
    """A confirmed answer to the demo contact form."""

    class Meta:
        model = "forms.Submission"

    reference = factory.Sequence(lambda n: f"KON-F{n:05d}")
    form_page = factory.LazyFunction(demo_form)
    language = "sv"
    data = factory.LazyFunction(lambda: {"fornamn": "Amira", "arende": "Ekonomi"})
    confirmed_at = factory.LazyFunction(timezone.now)


class ApplicationFactory(factory.django.DjangoModelFactory):
    """A draft application to the demo's local development funds."""

    class Meta:
        model = "funding.Application"

    user = factory.SubFactory(ApplicantFactory)
    fund = factory.LazyFunction(lambda: __import__("funding.models", fromlist=["FundProgrammePage"])
                                .FundProgrammePage.objects.get(slug="lokala-utvecklingsmedel"))
    language = "sv"
    title = factory.Sequence(lambda n: f"Projekt {n}")
