"""No lost updates with real threads, and crash safety with a process killed mid-save."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import threading
import time

import pytest

from assessment.assessments import Response
from assessment.store import StaleVersionError, open_store


def test_simultaneous_saves_of_one_version_let_exactly_one_win(store_url, new_assessment):
    with open_store(store_url) as store:
        new_id = store.create_assessment(new_assessment())
        workers = 8
        barrier = threading.Barrier(workers)
        outcomes: list[tuple[str, int]] = []
        lock = threading.Lock()

        def work(n: int) -> None:
            base, version = store.get_assessment(new_id)
            mine = base.model_copy(deep=True)
            mine.responses["OPEN-01"] = Response(level=1, note=f"writer {n}")
            barrier.wait()
            try:
                store.save(new_id, mine, version, f"writer {n}")
                result = ("saved", n)
            except StaleVersionError:
                result = ("stale", n)
            with lock:
                outcomes.append(result)

        threads = [threading.Thread(target=work, args=(n,)) for n in range(workers)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        winners = [n for kind, n in outcomes if kind == "saved"]
        assert len(outcomes) == workers
        assert len(winners) == 1
        current, version = store.get_assessment(new_id)
        assert version == 2
        assert current.responses["OPEN-01"].note == f"writer {winners[0]}"
        assert [h.version for h in store.history(new_id)] == [2, 1]


def test_retrying_writers_lose_no_update(store_url, new_assessment):
    with open_store(store_url) as store:
        new_id = store.create_assessment(
            new_assessment(responses={"OPEN-01": {"level": 1, "note": "0"}})
        )
        workers, rounds = 4, 6
        stale = [0]

        def work(n: int) -> None:
            done = 0
            while done < rounds:
                base, version = store.get_assessment(new_id)
                count = int(base.responses["OPEN-01"].note)
                changed = base.model_copy(deep=True)
                changed.responses["OPEN-01"] = Response(level=1, note=str(count + 1))
                try:
                    store.save(new_id, changed, version, f"writer {n}")
                    done += 1
                except StaleVersionError:
                    stale[0] += 1

        threads = [threading.Thread(target=work, args=(n,)) for n in range(workers)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(120)
        final, version = store.get_assessment(new_id)
        assert final.responses["OPEN-01"].note == str(workers * rounds)
        assert version == workers * rounds + 1
        notes = [
            store.get_version(new_id, v).responses["OPEN-01"].note for v in range(1, version + 1)
        ]
        assert notes == [str(n) for n in range(version)]


CHILD = textwrap.dedent(
    """
    import sys
    from assessment.assessments import Response
    from assessment.store import open_store

    store = open_store(sys.argv[1])
    new_id = int(sys.argv[2])
    filler = "x" * 20000  # a large note makes each save take a while
    while True:
        base, version = store.get_assessment(new_id)
        changed = base.model_copy(deep=True)
        changed.responses["OPEN-01"] = Response(level=1, note=f"{version}|{filler}")
        saved = store.save(new_id, changed, version, "child")
        print(saved, flush=True)
    """
)


def test_sigkill_during_saves_keeps_the_last_committed_version(store_url, new_assessment, tmp_path):
    with open_store(store_url) as store:
        new_id = store.create_assessment(new_assessment())
    rng = random.Random(4)
    for _round in range(3):
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, store_url, str(new_id)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            last = 0
            for _ in range(5 + rng.randrange(10)):
                line = child.stdout.readline()
                assert line, child.stderr.read()
                last = int(line)
            time.sleep(rng.random() * 0.02)  # land somewhere inside a save
            os.kill(child.pid, signal.SIGKILL)
            child.wait(30)
        finally:
            if child.poll() is None:
                child.kill()
        with open_store(store_url) as store:
            current, version = store.get_assessment(new_id)
            assert version >= last  # every save reported as committed is there
            assert current.responses["OPEN-01"].note.split("|")[0] == str(version - 1)
            history = store.history(new_id)
            assert [h.version for h in history] == list(range(version, 0, -1))
            assert store.get_summary(new_id).version == version
            if store.dialect == "sqlite":
                with store._engine.connect() as conn:
                    assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"


@pytest.mark.parametrize("journal", ["wal"])
def test_sqlite_runs_in_wal_mode_with_foreign_keys(sqlite_store, journal):
    with sqlite_store._engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == journal
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL


def test_same_file_uploaded_at_once_is_stored_once(store_url):
    content = b"%PDF-1.7\nsame content\n"
    with open_store(store_url) as store:
        barrier = threading.Barrier(6)
        errors: list[BaseException] = []

        def work() -> None:
            barrier.wait()
            try:
                store.add_file(content, "same.pdf")
            except BaseException as exc:
                errors.append(exc)

        threads = [threading.Thread(target=work) for _ in range(6)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        assert errors == []
        with store._engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM files").scalar() == 1


def test_demo_set_up_by_many_sessions_at_once_exists_once(store_url):
    with open_store(store_url) as store:
        barrier = threading.Barrier(4)
        ids: list[int | None] = []

        def work() -> None:
            barrier.wait()
            ids.append(store.ensure_demo())

        threads = [threading.Thread(target=work) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        assert len(ids) == 4 and len(set(ids)) == 1 and ids[0] is not None
        assert sum(len(o.assessments) for o in store.list_organisations()) == 1
