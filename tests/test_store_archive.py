"""Exchange: .json and .ikmz export and import, and every way an archive is refused."""

from __future__ import annotations

import io
import json
import zipfile

import pytest

from assessment.assessments import Evidence
from assessment.demo import demo_assessment
from assessment.errors import AssessmentError, IkmError
from assessment.store import ArchiveError, StoreError
from assessment.store.archive import read_archive

PDF = b"%PDF-1.7\nklachtdossier Jansen\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x01" * 40


def _zip(entries: list[tuple[str, bytes]], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=compression) as archive:
        for name, body in entries:
            archive.writestr(name, body)
    return buffer.getvalue()


def _counts(store) -> tuple[int, int]:
    orgs = store.list_organisations()
    return len(orgs), sum(len(o.assessments) for o in orgs)


@pytest.fixture
def filled(store, new_assessment):
    """An assessment with a personal-data file and an ordinary one."""
    dossier = store.add_file(PDF, "dossier.pdf")
    poster = store.add_file(PNG, "poster.png")
    evidence = [
        Evidence(
            id="E1",
            kind="record",
            title="Dossier",
            criteria=["OPEN-01"],
            file=dossier,
            personal_data=True,
        ),
        Evidence(id="E2", kind="document", title="Poster", criteria=["OPEN-02"], file=poster),
    ]
    new_id = store.create_assessment(new_assessment("Gemeente Ex", evidence=evidence))
    return new_id, dossier, poster


def test_json_round_trip(store):
    demo = demo_assessment()
    new_id = store.import_file(demo.to_json().encode(), "demo.json")
    text = store.export_json(new_id)
    assert json.loads(text) == json.loads(demo.to_json())
    assert store.history(new_id)[0].summary("en") == "imported from demo.json"
    again = store.import_file(text.encode(), "again.json")
    assert store.get_assessment(again)[0] == demo


def test_ikmz_round_trip_into_another_store(filled, store, sqlite_url):
    from assessment.store import open_store

    new_id, dossier, poster = filled
    data = store.export_ikmz(new_id)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert sorted(archive.namelist()) == sorted(
            ["assessment.json", f"evidence/{dossier.sha256}", f"evidence/{poster.sha256}"]
        )
    with open_store(sqlite_url.replace("store.sqlite3", "other.sqlite3")) as other:
        imported = other.import_file(data, "gemeente.ikmz")
        assert other.get_assessment(imported)[0] == store.get_assessment(new_id)[0]
        assert other.get_file(dossier.sha256) == PDF
        assert other.get_file(poster.sha256) == PNG


def test_export_without_personal_data(filled, store):
    new_id, dossier, poster = filled
    data = store.export_ikmz(new_id, include_personal_data=False)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        assessment = json.loads(archive.read("assessment.json"))
    assert f"evidence/{poster.sha256}" in names
    assert f"evidence/{dossier.sha256}" not in names
    # the report can still list the file: its name, size and hash stay
    assert assessment["evidence"][0]["file"]["sha256"] == dossier.sha256


def test_erased_file_is_not_exported_nor_brought_back(filled, store):
    new_id, dossier, _poster = filled
    before = store.export_ikmz(new_id)
    store.erase_file(dossier.sha256)
    with zipfile.ZipFile(io.BytesIO(store.export_ikmz(new_id))) as archive:
        assert f"evidence/{dossier.sha256}" not in archive.namelist()
    again = store.import_file(before, "old-copy.ikmz")
    assert store.get_file(dossier.sha256) is None
    assert store.get_assessment(again)[0].evidence[0].file.erased


def _archive_for(store, new_id) -> tuple[str, dict[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(store.export_ikmz(new_id))) as archive:
        text = archive.read("assessment.json").decode()
        blobs = {n: archive.read(n) for n in archive.namelist() if n.startswith("evidence/")}
    return text, blobs


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("extra", "unexpected entry 'notes.txt'"),
        ("traversal", "entry '../evil' has a path that leaves the archive's folder"),
        ("absolute", "entry '/etc/passwd' has a path that leaves the archive's folder"),
        ("bad_hash", "does not match its sha256"),
        ("unreferenced", "is not referred to by any evidence item"),
        ("no_json", "the archive has no assessment.json"),
        ("duplicate", "appears twice"),
        ("wrong_type", "the name says PDF but the content is a Windows program"),
        ("invalid_json", "unknown criterion id 'NOPE-9'"),
        ("not_zip", "not a valid .ikmz archive"),
    ],
)
def test_bad_archives_are_refused_whole(filled, store, change, message):
    new_id, dossier, _poster = filled
    text, blobs = _archive_for(store, new_id)
    entries = [("assessment.json", text.encode()), *blobs.items()]
    dossier_entry = f"evidence/{dossier.sha256}"
    if change == "extra":
        entries.append(("notes.txt", b"hello"))
    elif change == "traversal":
        entries.append(("../evil", b"x"))
    elif change == "absolute":
        entries.append(("/etc/passwd", b"x"))
    elif change == "bad_hash":
        entries = [(n, b + b"!" if n == dossier_entry else b) for n, b in entries]
    elif change == "unreferenced":
        other = b"%PDF-1.4 other"
        import hashlib

        entries.append((f"evidence/{hashlib.sha256(other).hexdigest()}", other))
    elif change == "no_json":
        entries = entries[1:]
    elif change == "duplicate":
        entries.append(entries[1])
    elif change == "wrong_type":
        import hashlib

        program = b"MZ\x90\x00" + b"\x00" * 30
        sha = hashlib.sha256(program).hexdigest()
        data = json.loads(text)
        data["evidence"][0]["file"].update(sha256=sha, size=len(program))
        entries = [("assessment.json", json.dumps(data).encode()), (f"evidence/{sha}", program)]
    elif change == "invalid_json":
        data = json.loads(text)
        data["evidence"][0]["criteria"] = ["NOPE-9"]
        entries[0] = ("assessment.json", json.dumps(data).encode())
    before = _counts(store)
    if change == "not_zip":
        payload = _zip(entries)[:-30]
    elif change == "duplicate":
        with pytest.warns(UserWarning, match="Duplicate name"):
            payload = _zip(entries)
    else:
        payload = _zip(entries)
    with pytest.raises(IkmError) as caught:
        store.import_file(payload, "upload.ikmz")
    assert "upload.ikmz" in str(caught.value)
    assert message in str(caught.value)
    assert _counts(store) == before


def test_zip_bomb_stops_at_the_limit(filled, store):
    new_id, _dossier, _poster = filled
    text, _blobs = _archive_for(store, new_id)
    bomb = b"%PDF-" + b"\x00" * (30 * 1024 * 1024)  # 30 MiB of zeros packs to ~30 KiB
    import hashlib

    sha = hashlib.sha256(bomb).hexdigest()
    data = json.loads(text)
    data["evidence"][0]["file"].update(sha256=sha, size=len(bomb))
    payload = _zip([("assessment.json", json.dumps(data).encode()), (f"evidence/{sha}", bomb)])
    assert len(payload) < 100_000
    before = _counts(store)
    with pytest.raises(ArchiveError, match="the limit is 26214400"):
        store.import_file(payload, "bomb.ikmz")
    assert _counts(store) == before


def test_lying_header_and_total_bound():
    body = b"A" * 5000
    payload = bytearray(_zip([("assessment.json", b"{}"), ("evidence/" + "0" * 64, body)]))
    # Claim a tiny uncompressed size in the central directory: reading must still stop.
    central = payload.rfind(b"PK\x01\x02")
    payload[central + 24 : central + 28] = (10).to_bytes(4, "little")
    with pytest.raises(ArchiveError, match=r"liar\.ikmz: entry 'evidence/0+' cannot be read"):
        read_archive(bytes(payload), "liar.ikmz", 1000)
    import hashlib

    bodies = [bytes([65 + i]) * 600 for i in range(4)]
    entries = [("assessment.json", b"{}")]
    entries += [(f"evidence/{hashlib.sha256(b).hexdigest()}", b) for b in bodies]
    with pytest.raises(ArchiveError, match="unpacks to more than 2000 bytes"):
        read_archive(_zip(entries), "big.ikmz", 1000, max_total=2000)


def test_bad_json_upload_names_the_file(store):
    with pytest.raises(AssessmentError, match=r"^broken\.json:1: JSON syntax error"):
        store.import_file(b'{"schema_version": 1,,}', "broken.json")
    with pytest.raises(IkmError, match=r"latin\.json: not UTF-8 text"):
        store.import_file('{"a": "caf\u00e9"}'.encode("latin-1"), "latin.json")
    with pytest.raises(ArchiveError, match=r"^notazip\.ikmz: not a valid \.ikmz archive"):
        store.import_file(b'{"schema_version": 1}', "notazip.ikmz")
    with pytest.raises(StoreError, match=r"empty\.json: file is empty"):
        store.import_file(b"  \n", "empty.json")
    unknown = demo_assessment().to_json().replace('"ikm-readiness"', '"no-such-pack"', 1)
    with pytest.raises(IkmError, match=r"^other\.json: .*'no-such-pack' is not loaded"):
        store.import_file(unknown.encode(), "other.json")
    assert _counts(store) == (0, 0)


def test_damaged_archives_only_ever_raise_archive_error():
    import hashlib

    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    body = b"%PDF-1.7 " + bytes(range(256)) * 4
    good = _zip(
        [
            ("assessment.json", b'{"schema_version": 1}'),
            (f"evidence/{hashlib.sha256(body).hexdigest()}", body),
        ]
    )

    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(
        st.lists(st.tuples(st.integers(0, len(good) - 1), st.integers(0, 255)), max_size=6),
        st.integers(0, len(good)),
    )
    def check(flips, cut):
        damaged = bytearray(good[:cut] if cut > 10 else good)
        for position, value in flips:
            if position < len(damaged):
                damaged[position] = value
        try:
            content = read_archive(bytes(damaged), "x.ikmz", 10_000)
        except ArchiveError as exc:
            assert str(exc).startswith("x.ikmz: ")
        else:
            for sha, blob in content.blobs.items():
                assert hashlib.sha256(blob).hexdigest() == sha

    check()


def test_damaged_imports_only_ever_raise_ikm_errors(sqlite_store):
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    good = sqlite_store.export_ikmz(sqlite_store.ensure_demo())
    plain = demo_assessment().to_json().encode()

    @settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(
        st.sampled_from([good, plain]),
        st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), max_size=4),
    )
    def check(source, flips):
        damaged = bytearray(source)
        for position, value in flips:
            damaged[position % len(damaged)] = value
        name = "upload.ikmz" if source is good else "upload.json"
        try:
            sqlite_store.import_file(bytes(damaged), name)
        except IkmError as exc:
            assert name in str(exc)

    check()
