"""Evidence files: the size limit, the sha256, and the real type checked against the name.

A file is accepted when its extension is one of :data:`FILE_TYPES` and its first bytes are
what that type starts with (a ``.pdf`` must start with ``%PDF-``, a ``.docx`` must be a zip
holding ``word/``, a ``.txt`` must not be binary). A program renamed to ``.pdf`` is refused
with a message that says what the content really is.
"""

from __future__ import annotations

import hashlib
import io
import os
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from ..assessments import EvidenceFile
from ..formats import file_size
from .errors import FileRejected

DEFAULT_MAX_UPLOAD_MB = 25.0
MIB = 1024 * 1024


def max_upload_bytes(value_mb: float | None = None) -> int:
    """The size limit of one file: ``value_mb``, else ``IKM_MAX_UPLOAD_MB``, else 25 MiB."""
    if value_mb is None:
        raw = os.environ.get("IKM_MAX_UPLOAD_MB", "").strip()
        if raw:
            try:
                value_mb = float(raw)
            except ValueError:
                raise FileRejected(
                    f"IKM_MAX_UPLOAD_MB={raw!r} is not a number of megabytes"
                ) from None
        else:
            value_mb = DEFAULT_MAX_UPLOAD_MB
    if value_mb <= 0:
        raise FileRejected(f"the upload limit must be above 0 MB (got {value_mb})")
    return int(value_mb * MIB)


def sha256_hex(data: bytes) -> str:
    """The sha256 of ``data`` as 64 lowercase hex digits."""
    return hashlib.sha256(data).hexdigest()


# ---- recognising content ---------------------------------------------------------------------


def _zip_names(data: bytes) -> list[str]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return archive.namelist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return []


def _zip_member(data: bytes, name: str, limit: int = 200) -> bytes:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive, archive.open(name) as handle:
            return handle.read(limit)
    except (KeyError, zipfile.BadZipFile, ValueError, OSError, RuntimeError):
        return b""


def detect(data: bytes) -> str:
    """What the content is, from its first bytes: a short label such as ``pdf`` or ``zip``."""
    head = data[:16]
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "gif"
    if head.startswith(b"RIFF") and data[8:12] == b"WEBP":
        return "webp"
    if head.startswith(b"RIFF") and data[8:12] == b"WAVE":
        return "wav"
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return "tiff"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"  # old Office files and Outlook .msg
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if head.startswith(b"ID3") or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0):
        return "mp3"
    if data[4:8] == b"ftyp":
        return "mp4"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _zip_kind(data)
    if head.startswith(b"MZ"):
        return "a Windows program"
    if head.startswith(b"\x7fELF"):
        return "a Linux program"
    if head.startswith((b"\xcf\xfa\xed\xfe", b"\xca\xfe\xba\xbe")):
        return "a macOS program"
    if head.startswith((b"\x1f\x8b", b"7z\xbc\xaf", b"Rar!")):
        return "a compressed archive"
    if _looks_like_text(data):
        return "text"
    return "binary data"


def _zip_kind(data: bytes) -> str:
    names = _zip_names(data)
    if "mimetype" in names:
        mimetype = _zip_member(data, "mimetype").decode("ascii", "replace").strip()
        for suffix, kind in (
            ("opendocument.text", "odt"),
            ("opendocument.spreadsheet", "ods"),
            ("opendocument.presentation", "odp"),
        ):
            if mimetype.endswith(suffix):
                return kind
    if "[Content_Types].xml" in names:
        for prefix, kind in (("word/", "docx"), ("xl/", "xlsx"), ("ppt/", "pptx")):
            if any(n.startswith(prefix) for n in names):
                return kind
    return "a zip archive"


def _looks_like_text(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return False
    try:
        sample.decode("utf-8")
        return True
    except UnicodeDecodeError as exc:
        if exc.start >= len(sample) - 4:  # a character cut at the end of the sample
            return True
    # Windows-1252 text (Dutch Excel CSV exports): few control characters.
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls <= len(sample) // 100


@dataclass(frozen=True)
class FileType:
    """An accepted extension: its media type and the content labels it may have."""

    media_type: str
    description: str
    accepts: tuple[str, ...]


_OFFICE_ZIP = "a zip archive"
FILE_TYPES: dict[str, FileType] = {
    ".pdf": FileType("application/pdf", "PDF", ("pdf",)),
    ".png": FileType("image/png", "PNG image", ("png",)),
    ".jpg": FileType("image/jpeg", "JPEG image", ("jpeg",)),
    ".jpeg": FileType("image/jpeg", "JPEG image", ("jpeg",)),
    ".gif": FileType("image/gif", "GIF image", ("gif",)),
    ".webp": FileType("image/webp", "WebP image", ("webp",)),
    ".tif": FileType("image/tiff", "TIFF image", ("tiff",)),
    ".tiff": FileType("image/tiff", "TIFF image", ("tiff",)),
    ".docx": FileType(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "Word document",
        ("docx",),
    ),
    ".xlsx": FileType(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Excel workbook",
        ("xlsx",),
    ),
    ".pptx": FileType(
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "PowerPoint presentation",
        ("pptx",),
    ),
    ".odt": FileType("application/vnd.oasis.opendocument.text", "OpenDocument text", ("odt",)),
    ".ods": FileType(
        "application/vnd.oasis.opendocument.spreadsheet", "OpenDocument spreadsheet", ("ods",)
    ),
    ".odp": FileType(
        "application/vnd.oasis.opendocument.presentation", "OpenDocument presentation", ("odp",)
    ),
    ".doc": FileType("application/msword", "Word 97-2003 document", ("ole",)),
    ".xls": FileType("application/vnd.ms-excel", "Excel 97-2003 workbook", ("ole",)),
    ".ppt": FileType("application/vnd.ms-powerpoint", "PowerPoint 97-2003 file", ("ole",)),
    ".msg": FileType("application/vnd.ms-outlook", "Outlook message", ("ole",)),
    ".rtf": FileType("application/rtf", "RTF document", ("rtf",)),
    ".txt": FileType("text/plain", "text file", ("text",)),
    ".csv": FileType("text/csv", "CSV file", ("text",)),
    ".md": FileType("text/markdown", "Markdown text", ("text",)),
    ".eml": FileType("message/rfc822", "e-mail message", ("text",)),
    ".mp3": FileType("audio/mpeg", "MP3 audio", ("mp3",)),
    ".m4a": FileType("audio/mp4", "M4A audio", ("mp4",)),
    ".mp4": FileType("video/mp4", "MP4 video", ("mp4",)),
    ".wav": FileType("audio/wav", "WAV audio", ("wav",)),
}

_LABELS = {
    "pdf": "a PDF",
    "png": "a PNG image",
    "jpeg": "a JPEG image",
    "gif": "a GIF image",
    "webp": "a WebP image",
    "tiff": "a TIFF image",
    "wav": "WAV audio",
    "mp3": "MP3 audio",
    "mp4": "MP4 audio or video",
    "ole": "an old-style Office file",
    "rtf": "an RTF document",
    "docx": "a Word document",
    "xlsx": "an Excel workbook",
    "pptx": "a PowerPoint presentation",
    "odt": "an OpenDocument text",
    "ods": "an OpenDocument spreadsheet",
    "odp": "an OpenDocument presentation",
    "text": "text",
}


def accepted_extensions() -> list[str]:
    """The file extensions evidence may have, sorted."""
    return sorted(FILE_TYPES)


def check_file(data: bytes, name: str, limit: int) -> EvidenceFile:
    """Check one evidence file and describe it; raise :class:`FileRejected` when refused.

    Refused: an empty file, one over ``limit`` bytes, an extension not in
    :data:`FILE_TYPES`, and content that is not what the extension says.
    """
    shown = PurePath(name.replace("\\", "/")).name or "file"
    if not data:
        raise FileRejected(f"{shown}: the file is empty")
    if len(data) > limit:
        raise FileRejected(
            f"{shown}: the file is {file_size(len(data), 'en')}; the limit is "
            f"{file_size(limit, 'en')} "
            "(IKM_MAX_UPLOAD_MB)"
        )
    suffix = PurePath(shown).suffix.lower()
    kind = FILE_TYPES.get(suffix)
    if kind is None:
        allowed = ", ".join(accepted_extensions())
        what = f"'{suffix}' files are" if suffix else "files without an extension are"
        raise FileRejected(f"{shown}: {what} not accepted as evidence (accepted: {allowed})")
    found = detect(data)
    if found not in kind.accepts:
        raise FileRejected(
            f"{shown}: the name says {kind.description} but the content is "
            f"{_LABELS.get(found, found)}; rename it or upload the right file"
        )
    return EvidenceFile(
        name=shown, sha256=sha256_hex(data), size=len(data), media_type=kind.media_type
    )
