"""Exceptions raised by the docstore client, chosen by the SQLSTATE the extension reports."""

from __future__ import annotations

from typing import Optional

import psycopg


class DocstoreError(Exception):
    """Any error reported by docstore or PostgreSQL. ``sqlstate`` holds the five-character code."""

    def __init__(self, message: str, sqlstate: Optional[str] = None) -> None:
        super().__init__(message)
        self.sqlstate = sqlstate


class ValidationError(DocstoreError, ValueError):
    """Bad input (SQLSTATE class 22): a NULL argument, a bad collection name, data that is not a
    JSON object, a negative limit, a malformed id."""


class ConflictError(DocstoreError):
    """A concurrent or conflicting write: a version conflict (40001) or a duplicate id (23505)."""


class NotFound(DocstoreError, LookupError):
    """A document that an operation requires does not exist."""


def translate(error: psycopg.Error) -> DocstoreError:
    """The docstore exception for a psycopg error, by SQLSTATE."""
    sqlstate = getattr(error, "sqlstate", None)
    diag = getattr(error, "diag", None)
    message = (diag.message_primary if diag is not None else None) or str(error)
    if sqlstate is not None and sqlstate.startswith("22"):
        return ValidationError(message, sqlstate)
    if sqlstate in ("40001", "23505"):
        return ConflictError(message, sqlstate)
    return DocstoreError(message, sqlstate)
