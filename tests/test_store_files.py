"""Evidence files: type checks by magic bytes, limits, de-duplication and erasure."""

from __future__ import annotations

import hashlib
import io
import zipfile

import pytest

from assessment.assessments import Evidence
from assessment.store import FileRejected, open_store
from assessment.store.files import check_file, detect, max_upload_bytes

PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def _zip(names: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, body in names.items():
            archive.writestr(name, body)
    return buffer.getvalue()


DOCX = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
XLSX = _zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"})
ODT = _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"})


@pytest.mark.parametrize(
    ("data", "name", "media_type"),
    [
        (PDF, "Klachtenregeling 2025.PDF", "application/pdf"),
        (PNG, "poster.png", "image/png"),
        (b"\xff\xd8\xff\xe0" + b"\x00" * 20, "foto.jpeg", "image/jpeg"),
        (
            DOCX,
            "verslag.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        (
            XLSX,
            "registratie.xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        (ODT, "notulen.odt", "application/vnd.oasis.opendocument.text"),
        (b"datum;aantal\n2026-01-01;4\n", "klachten.csv", "text/csv"),
        ("Klachtbehandelaar: Jans\u00e9\n".encode("cp1252"), "notitie.txt", "text/plain"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 20,
            "mail.msg",
            "application/vnd.ms-outlook",
        ),
    ],
)
def test_accepted_files(data, name, media_type):
    described = check_file(data, name, 10_000)
    assert described.media_type == media_type
    assert described.sha256 == hashlib.sha256(data).hexdigest()
    assert described.size == len(data)
    assert described.name == name


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (
            b"MZ\x90\x00\x03",
            "regeling.pdf",
            "regeling.pdf: the name says PDF but the content is a Windows program",
        ),
        (PDF, "foto.png", "the name says PNG image but the content is a PDF"),
        (XLSX, "verslag.docx", "the name says Word document but the content is an Excel workbook"),
        (_zip({"a.txt": b"x"}), "verslag.docx", "the content is a zip archive"),
        (b"\x00\x01\x02\x03binary", "notes.txt", "the content is binary data"),
        (b"#!/bin/sh\nrm -rf /\n", "script.sh", "'.sh' files are not accepted as evidence"),
        (PDF, "no-extension", "files without an extension are not accepted"),
        (b"", "empty.pdf", "empty.pdf: the file is empty"),
    ],
)
def test_refused_files(data, name, message):
    with pytest.raises(FileRejected) as caught:
        check_file(data, name, 10_000)
    assert message in str(caught.value)


def test_detect_names_programs():
    assert detect(b"\x7fELF\x02\x01") == "a Linux program"
    assert detect(PDF) == "pdf"


def test_upload_limit(monkeypatch):
    monkeypatch.delenv("IKM_MAX_UPLOAD_MB", raising=False)
    assert max_upload_bytes() == 25 * 1024 * 1024
    monkeypatch.setenv("IKM_MAX_UPLOAD_MB", "0.5")
    assert max_upload_bytes() == 512 * 1024
    monkeypatch.setenv("IKM_MAX_UPLOAD_MB", "lots")
    with pytest.raises(FileRejected, match="IKM_MAX_UPLOAD_MB"):
        max_upload_bytes()
    with pytest.raises(FileRejected) as caught:
        check_file(PDF + b"x" * 100, "big.pdf", 50)
    assert str(caught.value).startswith(
        f"big.pdf: the file is {len(PDF) + 100} bytes; the limit is 50 bytes"
    )


def test_limit_applies_to_the_store(sqlite_url, monkeypatch):
    monkeypatch.setenv("IKM_MAX_UPLOAD_MB", "0.001")  # 1048 bytes
    with open_store(sqlite_url) as store:
        store.add_file(PDF, "small.pdf")
        with pytest.raises(FileRejected, match=r"large\.pdf: the file is 2 KB; the limit is 1 KB"):
            store.add_file(PDF + b"0" * 2000, "large.pdf")
    with open_store(sqlite_url, max_upload_mb=1) as store:
        store.add_file(PDF + b"0" * 2000, "large.pdf")


def test_add_get_and_deduplicate(store):
    first = store.add_file(PDF, "a.pdf")
    again = store.add_file(PDF, "b.pdf")
    assert first.sha256 == again.sha256 and again.name == "b.pdf"
    assert store.get_file(first.sha256) == PDF
    assert store.get_file("0" * 64) is None
    info = store.file_info(first.sha256)
    assert (info.name, info.size, info.media_type, info.erased) == (
        "a.pdf",
        len(PDF),
        "application/pdf",
        False,
    )


def test_erase_file_keeps_the_record(store, new_assessment):
    stored = store.add_file(PDF, "klacht-jansen.pdf")
    kept = store.add_file(PNG, "poster.png")
    evidence = [
        Evidence(
            id="E1",
            kind="record",
            title="Dossier",
            criteria=["OPEN-01"],
            file=stored,
            personal_data=True,
        ),
        Evidence(id="E2", kind="document", title="Poster", criteria=["OPEN-02"], file=kept),
    ]
    first = store.create_assessment(new_assessment("Aa", evidence=evidence))
    second = store.create_assessment(new_assessment("Bb", evidence=evidence[:1]))
    untouched = store.create_assessment(new_assessment("Cc", evidence=evidence[1:]))

    assert store.erase_file(stored.sha256, author="FG") == [first, second]
    assert store.get_file(stored.sha256) is None
    assert store.get_file(kept.sha256) == PNG
    info = store.file_info(stored.sha256)
    assert info.erased and info.erased_by == "FG" and info.size == len(PDF)

    current, version = store.get_assessment(first)
    assert version == 2
    item = current.evidence[0]
    assert item.file.erased and item.file.sha256 == stored.sha256
    assert item.file.name == "klacht-jansen.pdf" and item.file.size == len(PDF)
    assert not current.evidence[1].file.erased
    assert store.history(first)[0].summary("en") == "file klacht-jansen.pdf erased for good"
    assert store.get_assessment(untouched)[1] == 1
    # earlier versions show it erased too, and restoring one does not undo the erasure
    assert store.get_version(first, 1).evidence[0].file.erased
    store.restore_version(first, 1, "Anna")
    assert store.get_assessment(first)[0].evidence[0].file.erased
    assert store.get_file(stored.sha256) is None


def test_sqlite_erasure_leaves_no_bytes_on_disk(sqlite_url, tmp_path, new_assessment):
    marker = b"%PDF-1.4 BSN 123456782 Jansen Kerkstraat 1 " + b"Z" * 5000
    with open_store(sqlite_url) as store:
        stored = store.add_file(marker, "klacht.pdf")
        store.create_assessment(
            new_assessment(
                evidence=[{"id": "E1", "kind": "record", "title": "t", "file": stored.model_dump()}]
            )
        )
        store.erase_file(stored.sha256)
    raw = b"".join(p.read_bytes() for p in tmp_path.glob("store.sqlite3*"))
    assert b"BSN 123456782" not in raw


def test_erase_a_file_known_only_by_its_record(store):
    from assessment.store import NotFoundError

    demo_id = store.ensure_demo()
    demo, _ = store.get_assessment(demo_id)
    listed = next(e.file for e in demo.evidence if e.file is not None)
    assert store.get_file(listed.sha256) is None  # the demo carries no file contents
    assert store.erase_file(listed.sha256) == [demo_id]
    assert store.file_info(listed.sha256).name == listed.name
    item = next(e for e in store.get_assessment(demo_id)[0].evidence if e.file is not None)
    assert item.file.erased
    with pytest.raises(NotFoundError, match="no file with sha256"):
        store.erase_file("f" * 64)
