"""Fixtures: a store on the throwaway cluster named by DOCSTORE_TEST_DSN (set by ./test.sh)."""

from __future__ import annotations

import os
import uuid
from typing import Iterator

import psycopg
import pytest

from docstore import PostgresDocumentStore


@pytest.fixture(scope="session")
def dsn() -> str:
    value = os.environ.get("DOCSTORE_TEST_DSN")
    if not value:
        pytest.fail("DOCSTORE_TEST_DSN is not set: run the tests through ./test.sh")
    with psycopg.connect(value, autocommit=True) as conn:
        conn.execute("CREATE EXTENSION IF NOT EXISTS docstore")
    return value


@pytest.fixture
def store(dsn: str) -> Iterator[PostgresDocumentStore]:
    with PostgresDocumentStore(dsn, max_size=8) as s:
        yield s


@pytest.fixture
def collection(store: PostgresDocumentStore) -> Iterator[str]:
    """A collection name no other test uses; emptied afterwards."""
    name = f"test_{uuid.uuid4().hex[:12]}"
    yield name
    store.delete_collection(name)
