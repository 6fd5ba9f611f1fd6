"""The ``.ikmz`` archive: a zip holding ``assessment.json`` and ``evidence/<sha256>`` per file.

Reading is defensive; an archive is refused as a whole (nothing is imported) when it is not a
zip, has any other entry (a path outside ``evidence/``, ``..``, an absolute path, a link, a
duplicate, an encrypted entry), an entry over its limit or a total over :data:`MAX_TOTAL`
(sizes are counted while decompressing, not taken from the headers, so a zip bomb stops at
the limit), an evidence entry whose sha256 is not its name, or one the assessment does not
refer to.
"""

from __future__ import annotations

import hashlib
import io
import re
import stat
import zipfile
import zlib
from dataclasses import dataclass, field

from ..assessments import MAX_ASSESSMENT_BYTES, Assessment
from .errors import ArchiveError

ASSESSMENT_ENTRY = "assessment.json"
EVIDENCE_DIR = "evidence/"
MAX_ENTRIES = 5000
MAX_TOTAL = 2 * 1024 * 1024 * 1024  # 2 GiB decompressed in all
_EVIDENCE_NAME = re.compile(r"^evidence/([0-9a-f]{64})$")
_CHUNK = 1024 * 1024
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
# What zipfile and the decompressors raise on damaged input (found by fuzzing, see tests).
_DAMAGED = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    EOFError,
    NotImplementedError,
    OSError,
    RuntimeError,
    UnicodeDecodeError,
    ValueError,
)


def is_archive(data: bytes) -> bool:
    """True when ``data`` starts like a zip file."""
    return data[:4] in ZIP_MAGIC


@dataclass
class ArchiveContent:
    """What a checked archive holds: the assessment JSON text and file contents by sha256."""

    text: str
    blobs: dict[str, bytes] = field(default_factory=dict)


def write_archive(assessment_json: str, blobs: dict[str, bytes]) -> bytes:
    """The ``.ikmz`` bytes for ``assessment_json`` and the file contents ``blobs`` (by sha256)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(ASSESSMENT_ENTRY, assessment_json.encode("utf-8"))
        for sha in sorted(blobs):
            archive.writestr(f"{EVIDENCE_DIR}{sha}", blobs[sha])
    return buffer.getvalue()


def read_archive(
    data: bytes, name: str, max_file_bytes: int, max_total: int = MAX_TOTAL
) -> ArchiveContent:
    """Check and unpack an ``.ikmz``; raise :class:`ArchiveError` naming ``name`` and why."""

    def fail(message: str) -> ArchiveError:
        return ArchiveError(f"{name}: {message}; nothing was imported")

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except _DAMAGED:
        raise fail("not a valid .ikmz archive (the zip is damaged or incomplete)") from None
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_ENTRIES:
            raise fail(f"the archive has {len(infos)} entries; at most {MAX_ENTRIES} are allowed")
        seen: set[str] = set()
        content = ArchiveContent(text="")
        json_bytes: bytes | None = None
        total = 0
        for info in infos:
            entry = info.filename
            _check_entry_name(entry, info, fail)
            if entry in seen:
                raise fail(f"entry '{entry}' appears twice")
            seen.add(entry)
            if entry == EVIDENCE_DIR:
                continue  # a folder entry some zip tools add
            limit = MAX_ASSESSMENT_BYTES if entry == ASSESSMENT_ENTRY else max_file_bytes
            if info.file_size > limit:
                raise fail(f"entry '{entry}' is {info.file_size} bytes; the limit is {limit}")
            if total + info.file_size > max_total:
                raise fail(f"the archive unpacks to more than {max_total} bytes")
            body = _read_capped(archive, info, limit, fail)
            total += len(body)
            if total > max_total:
                raise fail(f"the archive unpacks to more than {max_total} bytes")
            if entry == ASSESSMENT_ENTRY:
                json_bytes = body
                continue
            sha = _EVIDENCE_NAME.match(entry).group(1)  # type: ignore[union-attr]
            if hashlib.sha256(body).hexdigest() != sha:
                raise fail(
                    f"entry '{entry}' does not match its sha256 (the file is damaged or altered)"
                )
            content.blobs[sha] = body
        if json_bytes is None:
            raise fail(f"the archive has no {ASSESSMENT_ENTRY}")
    try:
        content.text = json_bytes.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        raise fail(
            f"{ASSESSMENT_ENTRY} is not UTF-8 text (invalid byte at position {exc.start})"
        ) from None
    return content


def _check_entry_name(entry: str, info: zipfile.ZipInfo, fail) -> None:  # type: ignore[no-untyped-def]
    if "\\" in entry or entry.startswith("/") or ".." in entry.split("/") or ":" in entry:
        raise fail(f"entry '{entry}' has a path that leaves the archive's folder")
    if entry not in (ASSESSMENT_ENTRY, EVIDENCE_DIR) and not _EVIDENCE_NAME.match(entry):
        raise fail(
            f"unexpected entry '{entry}' (an .ikmz holds only {ASSESSMENT_ENTRY} and "
            f"{EVIDENCE_DIR}<sha256>)"
        )
    if info.flag_bits & 0x1:
        raise fail(f"entry '{entry}' is encrypted")
    mode = info.external_attr >> 16
    if mode and stat.S_ISLNK(mode):
        raise fail(f"entry '{entry}' is a symbolic link")


def _read_capped(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int, fail) -> bytes:  # type: ignore[no-untyped-def]
    """Read an entry, stopping as soon as it passes ``limit`` whatever its header claims."""
    chunks: list[bytes] = []
    size = 0
    try:
        with archive.open(info) as handle:
            while True:
                chunk = handle.read(_CHUNK)
                if not chunk:
                    break
                size += len(chunk)
                if size > limit:
                    raise fail(f"entry '{info.filename}' unpacks to more than {limit} bytes")
                chunks.append(chunk)
    except _DAMAGED as exc:
        raise fail(f"entry '{info.filename}' cannot be read ({exc})") from None
    return b"".join(chunks)


def evidence_files(assessment: Assessment) -> dict[str, str]:
    """The files an assessment refers to: sha256 → the first file name given for it."""
    out: dict[str, str] = {}
    for item in assessment.evidence:
        if item.file is not None:
            out.setdefault(item.file.sha256, item.file.name)
    return out
