from django.urls import path
from wagtail import hooks

from funding.threads import admin_views


@hooks.register("register_admin_urls")
def register_thread_urls():
    return [path("funding/applications/<int:pk>/messages/", admin_views.thread_view, name="funding_thread_admin"),
            path("funding/applications/<int:pk>/messages/<int:message_id>/attachment/",
                 admin_views.admin_attachment, name="funding_thread_attachment_admin")]
