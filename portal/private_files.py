"""Private files: the attachments of funding applications and final reports.

They live in `STORAGES["private"]` (a folder outside MEDIA_ROOT, or a private S3 bucket), never
under MEDIA_URL, with random names (the original name is kept in the model's `name` field). They
are read only through the download views, which check who asks, answer with the type found in the
file's own bytes (never the one the uploader's browser sent) and write an audit row.

Uploads are checked here too: a PDF must parse and hold pages, no HTML or scripts; an Office file
must be the ZIP (OOXML, OpenDocument) or OLE container its extension says.
"""
import re
import uuid
import zipfile
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage, storages
from django.db import transaction
from django.http import FileResponse
from django.utils.translation import gettext as _


def private_storage():
    """The FileFields' `storage=` callable (migrations keep the reference, not the backend)."""
    return storages["private"]


class PrivateFileSystemStorage(FileSystemStorage):
    """A folder with no URL: FileSystemStorage with base_url=None would fall back to MEDIA_URL."""

    def url(self, name):
        raise ValueError("Private files have no URL; they are served by a view that checks permissions.")


# --- Names ------------------------------------------------------------------------------------

SAFE_EXTENSIONS = {".pdf", ".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp", ".doc", ".xls", ".ppt"}


def extension(filename):
    name = (filename or "").lower()
    ext = "." + name.rsplit(".", 1)[-1] if "." in name else ""
    return ext if ext in SAFE_EXTENSIONS else ""


def random_name(folder, filename):
    """`folder/<32 hex><.ext>`: nothing of the original name or the owner's id is on disk."""
    return f"{folder}/{uuid.uuid4().hex}{extension(filename)}"


def delete_on_commit(storage, name):
    """Remove a stored file once the deleting transaction has committed (not if it rolls back)."""
    if name:
        transaction.on_commit(lambda: storage.delete(name))


# --- What a file really is ----------------------------------------------------------------------

PDF = "application/pdf"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"

# extension -> the content type it must have
TYPES = {
    ".pdf": PDF,
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ".odt": "application/vnd.oasis.opendocument.text",
    ".ods": "application/vnd.oasis.opendocument.spreadsheet",
    ".odp": "application/vnd.oasis.opendocument.presentation",
    ".doc": "application/msword",
    ".xls": "application/vnd.ms-excel",
    ".ppt": "application/vnd.ms-powerpoint",
}
# The main part's content type in an OOXML package's [Content_Types].xml -> the file's type.
OOXML_MAIN = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": TYPES[".docx"],
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": TYPES[".xlsx"],
    "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml": TYPES[".pptx"],
}
# Stream names (UTF-16LE in the OLE directory) of the legacy Office formats.
OLE_STREAMS = [("WordDocument", TYPES[".doc"]), ("Workbook", TYPES[".xls"]), ("Book", TYPES[".xls"]),
               ("PowerPoint Document", TYPES[".ppt"])]
MAX_ZIP_ENTRIES = 5000
MAX_ZIP_UNCOMPRESSED = 200 * 1024 * 1024  # a zip bomb is refused before anything is unpacked
MAX_PART = 1024 * 1024  # [Content_Types].xml and mimetype are small


def _read_all(fileobj):
    fileobj.seek(0)
    data = fileobj.read()
    fileobj.seek(0)
    return data


def _zip_type(fileobj):
    try:
        with zipfile.ZipFile(fileobj) as archive:
            infos = archive.infolist()
            if len(infos) > MAX_ZIP_ENTRIES or sum(i.file_size for i in infos) > MAX_ZIP_UNCOMPRESSED:
                return None
            names = {i.filename: i for i in infos}
            mimetype = names.get("mimetype")
            if mimetype is not None and mimetype.file_size < 200:
                value = archive.read(mimetype).decode("ascii", "replace").strip()
                return value if value in TYPES.values() else None
            types = names.get("[Content_Types].xml")
            if types is not None and types.file_size < MAX_PART:
                xml = archive.read(types).decode("utf-8", "replace")
                found = {OOXML_MAIN[ct] for ct in re.findall(r'ContentType="([^"]+)"', xml) if ct in OOXML_MAIN}
                return found.pop() if len(found) == 1 else None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, NotImplementedError):
        return None
    finally:
        fileobj.seek(0)
    return None


def sniff(fileobj):
    """The content type of the file's own bytes (PDF, OOXML/ODF by their manifest, legacy OLE
    Office), or None for anything else. Leaves the file at position 0."""
    fileobj.seek(0)
    head = fileobj.read(8)
    fileobj.seek(0)
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(ZIP_MAGIC):
        return _zip_type(fileobj)
    if head == OLE_MAGIC:
        data = _read_all(fileobj)
        for stream, content_type in OLE_STREAMS:
            if stream.encode("utf-16-le") + b"\x00\x00" in data:
                return content_type
    return None


# --- Upload validation --------------------------------------------------------------------------

HTML_MARKERS = re.compile(rb"<\s*(html|script|body|head|iframe|svg|object|embed|meta|!doctype)\b", re.I)
PDF_ACTIONS = {"/JavaScript", "/Launch", "/ImportData", "/SubmitForm"}
RAW_ACTIONS = re.compile(rb"/(JavaScript|Launch)\b")  # /JS keys are found by walking the actions


@dataclass
class Checked:
    content_type: str
    extension: str


def _has_pdf_actions(reader):
    """JavaScript, launch or form-submit actions anywhere a viewer runs them when the file opens."""
    def action_kind(obj, depth=0):
        try:
            obj = obj.get_object() if hasattr(obj, "get_object") else obj
            if not hasattr(obj, "get"):
                return False
            if obj.get("/S") in PDF_ACTIONS or "/JS" in obj:
                return True
            nxt = obj.get("/Next")
            return depth < 5 and nxt is not None and action_kind(nxt, depth + 1)
        except Exception:  # noqa: BLE001 - a broken object is treated as harmless here
            return False

    root = reader.trailer["/Root"]
    names = root.get("/Names")
    if names is not None and "/JavaScript" in names.get_object():
        return True
    if action_kind(root.get("/OpenAction")) or "/AA" in root:
        return True
    for page in reader.pages[:200]:
        if "/AA" in page:
            return True
        for annot in (page.get("/Annots") or [])[:500]:
            annot = annot.get_object()
            if action_kind(annot.get("/A")) or "/AA" in annot:
                return True
    return False


def _check_pdf(upload, name):
    from pypdf import PdfReader

    data = _read_all(upload)
    # A browser that ignores the type would render these as a web page (HTML/PDF polyglots).
    if HTML_MARKERS.search(data[:4096]) or re.search(rb"<\s*script\b", data, re.I):
        raise ValidationError(_("“%(name)s” contains web page code (HTML or script) and cannot be attached.")
                              % {"name": name})
    if RAW_ACTIONS.search(data):
        raise ValidationError(_("“%(name)s” contains scripts or actions that run when it is opened. Save it "
                                "again as a plain PDF (for example with “Print to PDF”) and attach that.")
                              % {"name": name})
    try:
        reader = PdfReader(upload, strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise ValidationError(_("“%(name)s” is protected by a password. Attach it without a password.")
                                  % {"name": name})
        pages = len(reader.pages)
        actions = pages and _has_pdf_actions(reader)
    except ValidationError:
        raise
    except Exception:  # noqa: BLE001 - pypdf raises many kinds of errors on broken files
        pages, actions = 0, False
    finally:
        upload.seek(0)
    if not pages:
        raise ValidationError(_("“%(name)s” is not a readable PDF file. Save it again as PDF and attach it.")
                              % {"name": name})
    if actions:
        raise ValidationError(_("“%(name)s” contains scripts or actions that run when it is opened. Save it "
                                "again as a plain PDF (for example with “Print to PDF”) and attach that.")
                              % {"name": name})


def check_upload(upload, allowed):
    """Validate an uploaded attachment against the extensions `allowed` (e.g. {".pdf"}); return
    what it is. Raises ValidationError with a message naming the file. Size limits are the form's."""
    name = upload.name
    ext = extension(name)
    if ext not in allowed:
        raise ValidationError(_("“%(name)s” cannot be attached: the file type is not accepted.") % {"name": name})
    content_type = sniff(upload)
    if content_type != TYPES[ext]:
        raise ValidationError(_("“%(name)s” is not a real %(ext)s file.") % {"name": name, "ext": ext[1:].upper()})
    if content_type == PDF:
        _check_pdf(upload, name)
    upload.seek(0)
    return Checked(content_type=content_type, extension=ext)


# --- Download -----------------------------------------------------------------------------------

def attachment_response(field_file, download_name):
    """The stored file as a download: attachment disposition with the original name, the type
    read from the file itself, no sniffing by the browser, never cached."""
    handle = field_file.open("rb")
    content_type = sniff(handle) or "application/octet-stream"
    response = FileResponse(handle, as_attachment=True, filename=download_name, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store, private"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


# --- Moving the files of an older version ---------------------------------------------------------

def move_public_files(model, folder, public_storage=None):
    """Data migrations: move `model`'s files from the public media storage to the private one,
    each under a new random name, and re-read their type. Idempotent (files already private are
    left alone); a row whose file is gone is left as it is. Old files are deleted after commit."""
    from django.core.files.storage import default_storage

    public = public_storage or default_storage
    private = private_storage()
    moved = 0
    for row in model.objects.exclude(file=""):
        old = row.file.name
        if old.startswith(folder + "/") and private.exists(old):
            continue
        if not public.exists(old):
            continue
        with public.open(old, "rb") as source:
            new = private.save(random_name(folder, old), source)
        row.file.name = new
        fields = ["file"]
        if hasattr(row, "content_type"):
            with private.open(new, "rb") as handle:
                row.content_type = sniff(handle) or ""
            fields.append("content_type")
        row.save(update_fields=fields)
        delete_on_commit(public, old)
        moved += 1
    return moved
