"""Text of an uploaded PDF report, for the search index. A scanned PDF without a text layer, an
encrypted one or a broken file gives an empty string: the report is still published, only the
words inside the PDF cannot be found."""
import logging
import re

logger = logging.getLogger("lotsa")

MAX_PAGES = 300
MAX_CHARS = 500_000


def extract_text(file):
    from pypdf import PdfReader

    try:
        file.open("rb")
        try:
            reader = PdfReader(file)
            if reader.is_encrypted:
                reader.decrypt("")
            texts = []
            for number, page in enumerate(reader.pages):
                if number >= MAX_PAGES:
                    break
                texts.append(page.extract_text() or "")
        finally:
            file.close()
    except Exception as exc:  # any unreadable PDF: index nothing, never fail the save
        logger.warning("Could not read text from a PDF (%s)", exc.__class__.__name__)
        return ""
    text = re.sub(r"[ \t\r\f\v]+", " ", "\n".join(texts))
    text = re.sub(r"\n\s*\n+", "\n\n", text).replace("\x00", "")
    return text.strip()[:MAX_CHARS]
