"""StreamField blocks for content pages. Every label and cell is a text block, so
wagtail-localize can translate all of it (Wagtail's TableBlock cannot be translated)."""
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(choices=[("h2", "H2"), ("h3", "H3")], default="h2", label=_("Level"))

    class Meta:
        icon = "title"
        template = "blocks/heading.html"


class AccessibleImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"), max_length=250,
        help_text=_("Describe what the image shows for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "blocks/image.html"


class TextTableBlock(blocks.StructBlock):
    """A simple table whose caption, header and cells are all translatable text."""

    caption = blocks.CharBlock(label=_("Caption"), max_length=250)
    header = blocks.ListBlock(blocks.CharBlock(label=_("Column heading"), max_length=120), label=_("Header row"))
    rows = blocks.ListBlock(
        blocks.ListBlock(blocks.CharBlock(label=_("Cell"), max_length=250, required=False), label=_("Row")),
        label=_("Rows"),
    )
    first_column_is_header = blocks.BooleanBlock(label=_("First column holds row headings"), required=False, default=True)

    class Meta:
        icon = "table"
        template = "blocks/table.html"


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Button text"), max_length=80)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("Or a web address"), required=False)
    description = blocks.CharBlock(label=_("Description"), required=False, max_length=250)

    class Meta:
        icon = "link"
        template = "blocks/call_to_action.html"


class FAQItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=250)
    answer = blocks.RichTextBlock(label=_("Answer"), features=["bold", "italic", "link", "ol", "ul"])


class FAQBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=200)
    items = blocks.ListBlock(FAQItemBlock(), label=_("Questions"))

    class Meta:
        icon = "help"
        template = "blocks/faq.html"


RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "document-link", "ol", "ul"]


class BodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES, template="blocks/paragraph.html")
    heading = HeadingBlock(label=_("Heading"))
    image = AccessibleImageBlock(label=_("Image"))
    table = TextTableBlock(label=_("Table"))
    call_to_action = CallToActionBlock(label=_("Call to action"))
    faq = FAQBlock(label=_("Questions and answers"))
