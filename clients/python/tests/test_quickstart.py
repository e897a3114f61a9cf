"""The old library's quick start, with only the import line changed."""

from __future__ import annotations

import subprocess
import sys
import textwrap


QUICKSTART = textwrap.dedent(
    """
    from docstore import get_document_store   # was: from libs.python.persistence import get_document_store
    store = get_document_store()
    user = store.create("users", {"name": "Alice", "email": "alice@example.com", "status": "active"})
    retrieved = store.read("users", user.id)
    print("created", retrieved.data["name"], retrieved.version)
    updated = store.update("users", user.id, {"status": "inactive"})   # merge; updated.version == 2
    print("updated", updated.data["status"], updated.version)
    active = store.query("users", {"status": "active"}, limit=100)
    print("active", [d.data["name"] for d in active])
    deleted = store.delete("users", user.id)
    print("deleted", deleted)
    print("collections", store.list_collections())
    print("collection deleted", store.delete_collection("users"))
    """
)


def test_quickstart_runs_and_prints_what_the_old_library_printed(dsn: str) -> None:
    result = subprocess.run(
        [sys.executable, "-c", QUICKSTART],
        env={"POSTGRES_CONNECTION_STRING": dsn, "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "created Alice 1"
    assert lines[1] == "updated inactive 2"
    assert lines[2] == "active []"
    assert lines[3] == "deleted True"
    assert lines[4].startswith("collections [")
    assert lines[5] == "collection deleted False" or lines[5] == "collection deleted True"
