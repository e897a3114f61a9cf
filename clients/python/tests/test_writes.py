"""Writes through the client: operators, replace, upsert, optimistic concurrency, bulk."""

from __future__ import annotations

import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest

from docstore import ConflictError, PostgresDocumentStore, ValidationError


def test_patch_replace_upsert(store: PostgresDocumentStore, collection: str) -> None:
    doc = store.create(collection, {"n": 1, "tags": ["a"]})
    patched = store.patch(collection, doc.id, {"$inc": {"n": 2}, "$push": {"tags": "b"}})
    assert patched is not None and patched.data == {"n": 3, "tags": ["a", "b"]} and patched.version == 2
    replaced = store.replace(collection, doc.id, {"fresh": True})
    assert replaced is not None and replaced.data == {"fresh": True} and replaced.version == 3
    given = str(uuid.uuid4())
    assert store.upsert(collection, given, {"u": 1}).version == 1
    assert store.upsert(collection, given, {"u": 2}).data == {"u": 2}
    assert store.create(collection, {"x": 1}, doc_id=uuid.UUID(int=7)).id == str(uuid.UUID(int=7))
    with pytest.raises(ConflictError) as excinfo:
        store.create(collection, {"x": 2}, doc_id=uuid.UUID(int=7))
    assert excinfo.value.sqlstate == "23505"
    with pytest.raises(ValidationError):
        store.patch(collection, doc.id, {"$inc": {"fresh": 1}})


def test_expected_version_conflicts(store: PostgresDocumentStore, collection: str) -> None:
    doc = store.create(collection, {"n": 0})
    assert store.update(collection, doc.id, {"n": 1}, expected_version=1) is not None
    with pytest.raises(ConflictError) as excinfo:
        store.update(collection, doc.id, {"n": 2}, expected_version=1)
    assert excinfo.value.sqlstate == "40001" and "expected version 1" in str(excinfo.value)
    with pytest.raises(ConflictError):
        store.delete(collection, doc.id, expected_version=1)
    assert store.delete(collection, doc.id, expected_version=2) is True


def test_optimistic_race_from_threads(store: PostgresDocumentStore, collection: str) -> None:
    doc = store.create(collection, {"n": 0})

    def attempt(_: int) -> bool:
        current = store.read(collection, doc.id)
        assert current is not None
        try:
            store.patch(collection, doc.id, {"$inc": {"n": 1}}, expected_version=current.version)
            return True
        except ConflictError:
            return False

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(attempt, range(200)))
    final = store.read(collection, doc.id)
    assert final is not None
    assert final.data["n"] == sum(results) and final.version == 1 + sum(results)


def test_bulk_writes(store: PostgresDocumentStore, collection: str) -> None:
    created = store.create_many(collection, [{"i": i} for i in range(50)])
    assert [d.data["i"] for d in created] == list(range(50))
    assert store.update_many(collection, {"i": {"$lt": 10}}, {"$set": {"small": True}}) == 10
    assert store.count(collection, {"small": True}) == 10
    assert store.delete_many(collection, {"i": {"$gte": 40}}) == 10
    assert store.count(collection) == 40
    with pytest.raises(ValidationError) as excinfo:
        store.create_many(collection, [{"ok": 1}, "bad"])  # type: ignore[list-item]
    assert "docs[1]" in str(excinfo.value)
    assert store.count(collection) == 40
