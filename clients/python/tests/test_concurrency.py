"""The client from many threads at once: one pool, no lost update, no shared-connection mix-ups."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from docstore import PostgresDocumentStore


def test_threads_updating_one_document_lose_nothing(store: PostgresDocumentStore, collection: str) -> None:
    doc = store.create(collection, {"n": 0})

    def work(thread: int) -> int:
        for i in range(50):
            updated = store.update(collection, doc.id, {f"t{thread}": i})
            assert updated is not None
        return thread

    with ThreadPoolExecutor(max_workers=8) as pool:
        assert sorted(pool.map(work, range(8))) == list(range(8))
    final = store.read(collection, doc.id)
    assert final is not None
    assert final.version == 1 + 8 * 50
    assert final.data == {"n": 0, **{f"t{t}": 49 for t in range(8)}}


def test_threads_creating_documents_all_land(store: PostgresDocumentStore, collection: str) -> None:
    def work(thread: int) -> list[str]:
        return [store.create(collection, {"thread": thread, "i": i}).id for i in range(50)]

    with ThreadPoolExecutor(max_workers=8) as pool:
        ids = [i for chunk in pool.map(work, range(8)) for i in chunk]
    assert len(set(ids)) == 400
    assert len(store.query(collection, {}, limit=1000)) == 400
    for thread in range(8):
        assert len(store.query(collection, {"thread": thread}, limit=1000)) == 50
