"""docstore: the old persistence library's API as a thin client over the docstore extension.

    from docstore import get_document_store
    store = get_document_store()            # POSTGRES_CONNECTION_STRING
    user = store.create("users", {"name": "Alice", "status": "active"})
"""

from .errors import ConflictError, DocstoreError, NotFound, ValidationError
from .store import (
    DEFAULT_CONNECTION_STRING,
    Document,
    DocumentStore,
    PostgresDocumentStore,
    get_document_store,
)

__all__ = [
    "DEFAULT_CONNECTION_STRING",
    "ConflictError",
    "DocstoreError",
    "Document",
    "DocumentStore",
    "NotFound",
    "PostgresDocumentStore",
    "ValidationError",
    "get_document_store",
]
