"""The old library's API, call by call, against the extension."""

from __future__ import annotations

import re
import uuid
from datetime import datetime
from pathlib import Path

import psycopg
import pytest

from docstore import (
    ConflictError,
    DocstoreError,
    Document,
    DocumentStore,
    PostgresDocumentStore,
    ValidationError,
    get_document_store,
)


def test_create_returns_a_version_1_document(store: PostgresDocumentStore, collection: str) -> None:
    doc = store.create(collection, {"name": "Alice", "n": 1.5, "tags": ["a"], "nested": {"x": None}})
    assert isinstance(doc, Document)
    assert isinstance(doc.id, str) and uuid.UUID(doc.id).version == 7
    assert doc.collection == collection
    assert doc.data == {"name": "Alice", "n": 1.5, "tags": ["a"], "nested": {"x": None}}
    assert doc.version == 1
    assert isinstance(doc.created_at, datetime) and doc.created_at == doc.updated_at
    assert doc.created_at.tzinfo is not None


def test_read_returns_the_document_or_none(store: PostgresDocumentStore, collection: str) -> None:
    doc = store.create(collection, {"a": 1})
    assert store.read(collection, doc.id) == doc
    assert store.read(collection, uuid.UUID(doc.id)) == doc
    assert store.read(collection, str(uuid.uuid4())) is None
    assert store.read(collection + "_other", doc.id) is None


def test_update_merges_and_bumps_the_version(store: PostgresDocumentStore, collection: str) -> None:
    doc = store.create(collection, {"name": "Alice", "status": "active", "address": {"city": "Oslo"}})
    updated = store.update(collection, doc.id, {"status": "inactive", "address": {"zip": "0150"}})
    assert updated is not None
    assert updated.id == doc.id and updated.version == 2
    assert updated.data == {"name": "Alice", "status": "inactive", "address": {"zip": "0150"}}
    assert updated.updated_at >= doc.updated_at and updated.created_at == doc.created_at
    assert store.update(collection, str(uuid.uuid4()), {"x": 1}) is None


def test_delete_says_whether_it_deleted(store: PostgresDocumentStore, collection: str) -> None:
    doc = store.create(collection, {"a": 1})
    assert store.delete(collection + "_other", doc.id) is False
    assert store.delete(collection, doc.id) is True
    assert store.delete(collection, doc.id) is False
    assert store.read(collection, doc.id) is None


def test_query_filters_by_equality_in_creation_order(store: PostgresDocumentStore, collection: str) -> None:
    names = [f"u{i}" for i in range(10)]
    for i, name in enumerate(names):
        store.create(collection, {"name": name, "status": "active" if i % 2 == 0 else "inactive", "n": i})
    assert [d.data["name"] for d in store.query(collection)] == names
    assert [d.data["name"] for d in store.query(collection, {"status": "active"})] == names[0::2]
    assert [d.data["name"] for d in store.query(collection, {"status": "active"}, limit=2)] == ["u0", "u2"]
    assert [d.data["name"] for d in store.query(collection, {"n": 3.0})] == ["u3"]
    assert store.query(collection, {"status": "gone"}) == []
    assert store.query(collection, {}, limit=0) == []
    assert len(store.query(collection, None, limit=100)) == 10


def test_query_default_limit_is_100(store: PostgresDocumentStore, collection: str) -> None:
    for i in range(120):
        store.create(collection, {"i": i})
    assert len(store.query(collection)) == 100
    assert len(store.query(collection, limit=1000)) == 120


def test_collections_are_listed_and_deleted(store: PostgresDocumentStore, collection: str) -> None:
    other = collection + "_b"
    store.create(collection, {"a": 1})
    store.create(other, {"a": 1})
    names = store.list_collections()
    assert collection in names and other in names
    assert names == sorted(names)
    assert store.delete_collection(other) is True
    assert store.delete_collection(other) is False
    assert other not in store.list_collections()


def test_errors_map_to_exceptions_by_sqlstate(store: PostgresDocumentStore, collection: str) -> None:
    with pytest.raises(ValidationError) as excinfo:
        store.create("", {"a": 1})
    assert excinfo.value.sqlstate == "22023"
    assert "collection name must be 1 to 255 characters" in str(excinfo.value)
    with pytest.raises(ValidationError) as excinfo:
        store.create(collection, [1, 2])  # type: ignore[arg-type]
    assert excinfo.value.sqlstate == "22023" and "data must be a JSON object" in str(excinfo.value)
    with pytest.raises(ValidationError) as excinfo:
        store.create(None, {"a": 1})  # type: ignore[arg-type]
    assert excinfo.value.sqlstate == "22004"
    with pytest.raises(ValidationError) as excinfo:
        store.query(collection, {}, limit=-1)
    assert excinfo.value.sqlstate == "22023"
    with pytest.raises(ValidationError) as excinfo:
        store.read(collection, "not-a-uuid")
    assert excinfo.value.sqlstate == "22P02"
    assert isinstance(excinfo.value, ValueError)
    assert store.list_collections().count(collection) == 0, "nothing was written"


def test_conflicts_are_conflict_errors(dsn: str) -> None:
    from docstore.errors import translate

    with psycopg.connect(dsn, autocommit=True) as conn:
        with pytest.raises(psycopg.Error) as excinfo:
            conn.execute("DO $$ BEGIN RAISE EXCEPTION 'version conflict' USING ERRCODE = '40001'; END $$")
    error = translate(excinfo.value)
    assert isinstance(error, ConflictError) and error.sqlstate == "40001"
    assert isinstance(error, DocstoreError)


def test_hostile_names_are_just_data(store: PostgresDocumentStore) -> None:
    name = "x'); DROP TABLE docstore.documents; --"
    doc = store.create(name, {"a'b\"c": "v'\""})
    assert store.read(name, doc.id) == doc
    assert store.query(name, {"a'b\"c": "v'\""}) == [doc]
    assert store.delete_collection(name) is True


def test_get_document_store_reads_the_environment(dsn: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POSTGRES_CONNECTION_STRING", dsn)
    store = get_document_store()
    assert isinstance(store, DocumentStore)
    assert store is get_document_store(), "one pool per connection string"
    assert isinstance(store.list_collections(), list)


def test_every_call_is_one_round_trip(dsn: str, collection: str, tmp_path: Path) -> None:
    """Each API call sends one request to the server (one Sync, or one simple Query, in the libpq
    trace): no separate BEGIN/COMMIT, no second query."""
    trace = tmp_path / "libpq.trace"
    with PostgresDocumentStore(dsn, min_size=1, max_size=1) as store, open(trace, "w") as out:
        first = store.create(collection, {"a": 0})
        calls = {
            "create": lambda: store.create(collection, {"a": 1}),
            "read": lambda: store.read(collection, first.id),
            "update": lambda: store.update(collection, first.id, {"b": 2}),
            "query": lambda: store.query(collection, {"a": 1}),
            "list_collections": lambda: store.list_collections(),
            "delete": lambda: store.delete(collection, first.id),
            "delete_collection": lambda: store.delete_collection(collection),
        }
        for name, call in calls.items():
            before = _syncs(trace)
            with store._pool.connection() as conn:  # noqa: SLF001 - the pool's only connection
                conn.pgconn.trace(out.fileno())
            call()
            with store._pool.connection() as conn:  # noqa: SLF001
                conn.pgconn.untrace()  # flushes the trace
            assert _syncs(trace) - before == 1, name


def _syncs(trace: Path) -> int:
    return sum(1 for line in trace.read_text().splitlines() if re.search(r"\tF\t\d+\t(Sync|Query)\b", line))
