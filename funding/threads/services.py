"""Writing to and reading an application's thread: posting a message (once per form, with its
notice), the decision comment as a message, and the unread counts both sides see.
Views call these; nothing here knows about HTTP."""
from django.db import IntegrityError, models, transaction
from django.db.models import Count, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404

from funding import workflow
from funding.threads.models import READ_PERMISSION, REVIEW_PERMISSION, Message, ReadMark

LEAD, FUND_MANAGER = Message.Role.LEAD, Message.Role.FUND_MANAGER


# --- Which application's thread ----------------------------------------------------------------

def lead_application(user, pk):
    """The lead's own submitted application (404 for anyone else's, and for a draft: a thread
    starts when the application reaches the fund managers)."""
    from funding.models import Application

    return get_object_or_404(Application.objects.select_related("fund").exclude(status=workflow.DRAFT),
                             pk=pk, user=user)


def reviewer_application(pk):
    from funding.models import Application

    return get_object_or_404(Application.objects.for_reviewers().select_related("fund", "user"), pk=pk)


def thread(application, user):
    """The messages of `application` that `user` may read (all of them, or none), oldest first."""
    return (Message.objects.visible_to(user).filter(application=application)
            .select_related("author", "transition"))


# --- Read and unread -------------------------------------------------------------------------------

def other_side(role):
    return FUND_MANAGER if role == LEAD else LEAD


def last_read(application, user):
    mark = ReadMark.objects.filter(application=application, user=user).values_list("last_read", flat=True).first()
    return mark or 0


def mark_read(application, user, up_to=None):
    """`user` has seen the thread up to message `up_to` (default: the newest). Returns the id they
    had read before, so that a page can mark what is new to them."""
    before = last_read(application, user)
    if up_to is None:
        up_to = Message.objects.filter(application=application).aggregate(m=models.Max("pk"))["m"] or 0
    if up_to > before:
        ReadMark.objects.update_or_create(application=application, user=user, defaults={"last_read": up_to})
    return before


def unread_count(application, user, role):
    """How many messages from the other side `user` (writing as `role`) has not seen."""
    return Message.objects.filter(application=application, role=other_side(role),
                                  pk__gt=last_read(application, user)).count()


def with_unread(queryset, user, role):
    """Annotate applications with `unread_messages`: the other side's messages `user` has not
    seen (one query for a whole list)."""
    mark = ReadMark.objects.filter(application=OuterRef(OuterRef("pk")), user=user).values("last_read")[:1]
    count = (Message.objects.filter(application=OuterRef("pk"), role=other_side(role))
             .filter(pk__gt=Coalesce(Subquery(mark), Value(0), output_field=models.BigIntegerField()))
             .order_by().values("application").annotate(n=Count("pk")).values("n"))
    return queryset.annotate(unread_messages=Coalesce(Subquery(count, output_field=models.IntegerField()),
                                                      Value(0)))


# --- Writing ---------------------------------------------------------------------------------------

def may_read_as_staff(user):
    return user.has_perm(READ_PERMISSION)


def post(application, user, role, body, upload=None, token=""):
    """Store one message (once per `token`) and, after commit, send the other side a notice with
    a link only. Returns (message, created)."""
    token = (token or "")[:40]
    if token:
        existing = Message.objects.filter(application=application, author=user, token=token).first()
        if existing:
            return existing, False
    message = Message(application=application, author=user, role=role, body=body, token=token)
    if upload:
        message.file = upload
        message.file_name = upload.name[-200:]
        message.file_size = upload.size
    try:
        with transaction.atomic():
            message.save()
    except IntegrityError:
        # The same form posted twice at the same moment: the other request stored it.
        if message.file:
            message.file.storage.delete(message.file.name)
        return Message.objects.get(application=application, author=user, token=token), False
    mark_read(application, user, up_to=message.pk)
    from funding.threads.tasks import notify_new_message

    pk = message.pk
    transaction.on_commit(lambda: notify_new_message.enqueue(pk))
    return message, True


def post_decision_comment(transition):
    """A status change's comment to the applicant ("Ask for more information" and every other one)
    is a message from the fund managers in the thread. The status-change e-mail is its notice."""
    if not transition.comment:
        return None
    message = Message.objects.create(application_id=transition.application_id, author=transition.by,
                                     role=FUND_MANAGER, body=transition.comment, transition=transition,
                                     created_at=transition.at)
    if transition.by is not None:
        mark_read(transition.application, transition.by, up_to=message.pk)
    return message
