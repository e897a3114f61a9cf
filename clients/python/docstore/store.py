"""The document store API of the old ``libs.python.persistence`` library, over the extension.

Every method is one round trip: one call of a docstore SQL function on a pooled connection in
autocommit mode (so no separate BEGIN/COMMIT), with every value bound as a parameter.
"""

from __future__ import annotations

import os
import threading
from abc import ABC, abstractmethod
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Dict, Iterator, List, Optional, Sequence, Tuple, Union
from uuid import UUID

import psycopg
from psycopg.rows import TupleRow
from psycopg.types.json import Jsonb
from psycopg_pool import ConnectionPool

from .errors import translate

DocumentId = Union[str, UUID]

DEFAULT_CONNECTION_STRING = "postgresql://localhost/unhinged"


@dataclass
class Document:
    """A stored document, as the old library returned it."""

    id: str
    collection: str
    data: Dict[str, Any]
    created_at: datetime
    updated_at: datetime
    version: int


class DocumentStore(ABC):
    """The old library's interface."""

    @abstractmethod
    def create(self, collection: str, data: Dict[str, Any]) -> Document:
        """Creates a document (version 1) and returns it."""

    @abstractmethod
    def read(self, collection: str, doc_id: DocumentId) -> Optional[Document]:
        """The document, or None."""

    @abstractmethod
    def update(self, collection: str, doc_id: DocumentId, data: Dict[str, Any]) -> Optional[Document]:
        """Merges ``data`` into the document (top-level keys replace), version + 1; None if absent."""

    @abstractmethod
    def delete(self, collection: str, doc_id: DocumentId) -> bool:
        """Deletes the document; True if there was one."""

    @abstractmethod
    def query(
        self, collection: str, filters: Optional[Dict[str, Any]] = None, limit: int = 100
    ) -> List[Document]:
        """Documents matching ``filters`` (a MongoDB-style filter), in creation order, at most ``limit``."""

    @abstractmethod
    def list_collections(self) -> List[str]:
        """Names of the collections that hold documents, sorted."""

    @abstractmethod
    def delete_collection(self, collection: str) -> bool:
        """Deletes every document of the collection; True if there was any."""


def _document(row: Sequence[Any]) -> Document:
    id_, collection, data, created_at, updated_at, version = row
    return Document(str(id_), collection, data, created_at, updated_at, version)


class PostgresDocumentStore(DocumentStore):
    """A :class:`DocumentStore` on a PostgreSQL database that has ``CREATE EXTENSION docstore``.

    Thread-safe: calls take a connection from a pool (``min_size`` to ``max_size``).
    """

    def __init__(self, conn_str: str, *, min_size: int = 1, max_size: int = 10, timeout: float = 30.0) -> None:
        self.conn_str = conn_str
        self._pool: ConnectionPool[psycopg.Connection[TupleRow]] = ConnectionPool(
            conn_str,
            min_size=min_size,
            max_size=max_size,
            timeout=timeout,
            kwargs={"autocommit": True},
            open=True,
        )

    # -- plumbing -------------------------------------------------------------------------------

    def _rows(self, sql: str, params: Sequence[Any]) -> List[Sequence[Any]]:
        try:
            with self._pool.connection() as conn:
                return conn.execute(sql, params).fetchall()
        except psycopg.Error as error:
            raise translate(error) from error

    def _documents(self, sql: str, params: Sequence[Any]) -> List[Document]:
        return [_document(row) for row in self._rows(sql, params)]

    def _one(self, sql: str, params: Sequence[Any]) -> Optional[Document]:
        documents = self._documents(sql, params)
        return documents[0] if documents else None

    def _scalar(self, sql: str, params: Sequence[Any]) -> Any:
        return self._rows(sql, params)[0][0]

    # -- the old API ----------------------------------------------------------------------------

    def create(self, collection: str, data: Dict[str, Any], doc_id: Optional[DocumentId] = None) -> Document:
        document = self._one(
            "SELECT * FROM docstore_create(%s, %s, %s)", (collection, _json(data), _uuid(doc_id))
        )
        assert document is not None, "docstore_create returns one row"
        return document

    def read(self, collection: str, doc_id: DocumentId) -> Optional[Document]:
        return self._one("SELECT * FROM docstore_read(%s, %s)", (collection, _uuid(doc_id)))

    def update(
        self,
        collection: str,
        doc_id: DocumentId,
        data: Dict[str, Any],
        expected_version: Optional[int] = None,
    ) -> Optional[Document]:
        return self._one(
            "SELECT * FROM docstore_update(%s, %s, %s, %s)",
            (collection, _uuid(doc_id), _json(data), expected_version),
        )

    def delete(self, collection: str, doc_id: DocumentId, expected_version: Optional[int] = None) -> bool:
        return bool(
            self._scalar(
                "SELECT docstore_delete(%s, %s, %s)", (collection, _uuid(doc_id), expected_version)
            )
        )

    def query(
        self, collection: str, filters: Optional[Dict[str, Any]] = None, limit: int = 100
    ) -> List[Document]:
        return self._documents(
            "SELECT * FROM docstore_query(%s, %s, %s)",
            (collection, _json(filters) if filters is not None else None, limit),
        )

    def list_collections(self) -> List[str]:
        return [row[0] for row in self._rows("SELECT docstore_list_collections()", ())]

    def delete_collection(self, collection: str) -> bool:
        return bool(self._scalar("SELECT docstore_delete_collection(%s)", (collection,)))

    # -- writes: operators, replace, upsert, bulk -----------------------------------------------

    def patch(
        self,
        collection: str,
        doc_id: DocumentId,
        update: Dict[str, Any],
        expected_version: Optional[int] = None,
    ) -> Optional[Document]:
        """Applies MongoDB update operators (``{"$inc": {"n": 1}}``); None if absent. With
        ``expected_version``, a document at another version raises ConflictError."""
        return self._one(
            "SELECT * FROM docstore_patch(%s, %s, %s, %s)",
            (collection, _uuid(doc_id), _json(update), expected_version),
        )

    def replace(
        self,
        collection: str,
        doc_id: DocumentId,
        data: Dict[str, Any],
        expected_version: Optional[int] = None,
    ) -> Optional[Document]:
        """Replaces the document's data whole; None if absent."""
        return self._one(
            "SELECT * FROM docstore_replace(%s, %s, %s, %s)",
            (collection, _uuid(doc_id), _json(data), expected_version),
        )

    def upsert(self, collection: str, doc_id: DocumentId, data: Dict[str, Any]) -> Document:
        """Creates the document with that id, or replaces it."""
        document = self._one(
            "SELECT * FROM docstore_upsert(%s, %s, %s)", (collection, _uuid(doc_id), _json(data))
        )
        assert document is not None, "docstore_upsert returns one row"
        return document

    def create_many(self, collection: str, docs: Sequence[Dict[str, Any]]) -> List[Document]:
        """Creates all documents in one statement, in order."""
        return self._documents("SELECT * FROM docstore_create_many(%s, %s)", (collection, _json(list(docs))))

    def update_many(self, collection: str, filters: Optional[Dict[str, Any]], update: Dict[str, Any]) -> int:
        """Applies update operators to every matching document; returns how many."""
        return int(
            self._scalar(
                "SELECT docstore_update_many(%s, %s, %s)", (collection, _json(filters or {}), _json(update))
            )
        )

    def delete_many(self, collection: str, filters: Optional[Dict[str, Any]] = None) -> int:
        """Deletes every matching document; returns how many."""
        return int(self._scalar("SELECT docstore_delete_many(%s, %s)", (collection, _json(filters or {}))))

    # -- the query language (docstore_find and friends) ------------------------------------------

    def find(
        self,
        collection: str,
        filters: Optional[Dict[str, Any]] = None,
        *,
        sort: Optional[Sequence[Tuple[str, int]]] = None,
        limit: Optional[int] = None,
        skip: Optional[int] = None,
        fields: Optional[Dict[str, int]] = None,
        after: Optional[DocumentId] = None,
    ) -> List[Document]:
        """Documents matching a MongoDB-style filter. ``sort`` is a list of ``(path, 1 | -1)``;
        ``fields`` a projection (``{"name": 1}`` or ``{"bio": 0}``); ``after`` the id of the last
        document of the previous page (keyset paging)."""
        options: Dict[str, Any] = {}
        if sort:
            options["sort"] = [{path: direction} for path, direction in sort]
        if limit is not None:
            options["limit"] = limit
        if skip is not None:
            options["skip"] = skip
        if fields is not None:
            options["fields"] = fields
        if after is not None:
            options["after"] = str(after)
        return self._documents(
            "SELECT * FROM docstore_find(%s, %s, %s)", (collection, _json(filters or {}), _json(options))
        )

    def count(self, collection: str, filters: Optional[Dict[str, Any]] = None) -> int:
        """How many documents match the filter."""
        return int(self._scalar("SELECT docstore_count(%s, %s)", (collection, _json(filters or {}))))

    def distinct(self, collection: str, path: str, filters: Optional[Dict[str, Any]] = None) -> List[Any]:
        """The distinct values at a dotted path (array elements one by one), in sort order."""
        rows = self._rows("SELECT docstore_distinct(%s, %s, %s)", (collection, path, _json(filters or {})))
        return [row[0] for row in rows]

    def explain(
        self, collection: str, filters: Optional[Dict[str, Any]] = None, options: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """The statement ``find`` runs, its parameters and PostgreSQL's plan."""
        return dict(
            self._scalar(
                "SELECT docstore_explain(%s, %s, %s)", (collection, _json(filters or {}), _json(options or {}))
            )
        )

    def create_index(
        self, collection: str, keys: Sequence[Tuple[str, int]], *, unique: bool = False
    ) -> str:
        """A B-tree index on paths of the collection (``[("age", 1)]``); returns its name."""
        spec = [{path: direction} for path, direction in keys]
        return str(
            self._scalar(
                "SELECT docstore_create_index(%s, %s, %s)", (collection, _json(spec), _json({"unique": unique}))
            )
        )

    def drop_index(self, collection: str, name: str) -> bool:
        """Drops an index made by ``create_index``; True if it existed."""
        return bool(self._scalar("SELECT docstore_drop_index(%s, %s)", (collection, name)))

    def list_indexes(self, collection: str) -> List[Dict[str, Any]]:
        """The collection's indexes: name, keys, options."""
        rows = self._rows("SELECT name, keys, options FROM docstore_list_indexes(%s)", (collection,))
        return [{"name": n, "keys": k, "options": o} for n, k, o in rows]

    # -- lifecycle ------------------------------------------------------------------------------

    def close(self) -> None:
        """Closes the pool's connections."""
        self._pool.close()

    def __enter__(self) -> "PostgresDocumentStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __iter__(self) -> Iterator[str]:  # pragma: no cover - convenience
        return iter(self.list_collections())


def _json(value: Any) -> Optional[Jsonb]:
    return None if value is None else Jsonb(value)


def _uuid(value: Optional[DocumentId]) -> Optional[UUID]:
    """An id as a UUID. A malformed id string is a ValidationError (22P02), as the database says."""
    if value is None or isinstance(value, UUID):
        return value
    try:
        return UUID(str(value))
    except ValueError:
        from .errors import ValidationError

        raise ValidationError(f'invalid input syntax for type uuid: "{value}"', "22P02") from None


_stores: Dict[str, PostgresDocumentStore] = {}
_stores_lock = threading.Lock()


def get_document_store() -> DocumentStore:
    """The store for ``POSTGRES_CONNECTION_STRING`` (default ``postgresql://localhost/unhinged``),
    one shared pool per connection string."""
    conn_str = os.environ.get("POSTGRES_CONNECTION_STRING", DEFAULT_CONNECTION_STRING)
    with _stores_lock:
        store = _stores.get(conn_str)
        if store is None:
            store = _stores[conn_str] = PostgresDocumentStore(conn_str)
        return store
