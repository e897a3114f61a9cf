"""The query language through the client: find, count, distinct, explain, indexes."""

from __future__ import annotations

import pytest

from docstore import PostgresDocumentStore, ValidationError


@pytest.fixture
def people(store: PostgresDocumentStore, collection: str) -> str:
    for i, (name, age) in enumerate([("Ann", 30), ("Bob", 41), ("Cid", 50), ("Dee", None), ("Eve", 30)]):
        doc = {"name": name, "i": i, "tags": ["a"] if i % 2 == 0 else ["b"]}
        if age is not None:
            doc["age"] = age
        store.create(collection, doc)
    return collection


def names(docs) -> list[str]:
    return [d.data["name"] for d in docs]


def test_find_with_operators_sort_limit_and_projection(store: PostgresDocumentStore, people: str) -> None:
    assert names(store.find(people, {"age": {"$gte": 40}})) == ["Bob", "Cid"]
    assert names(store.find(people, sort=[("age", -1), ("name", 1)])) == ["Cid", "Bob", "Ann", "Eve", "Dee"]
    assert names(store.find(people, {"tags": "a"}, limit=2)) == ["Ann", "Cid"]
    assert names(store.find(people, skip=3)) == ["Dee", "Eve"]
    projected = store.find(people, {"name": "Ann"}, fields={"name": 1})
    assert [d.data for d in projected] == [{"name": "Ann"}]


def test_find_pages_with_after(store: PostgresDocumentStore, people: str) -> None:
    seen: list[str] = []
    after = None
    while True:
        page = store.find(people, sort=[("age", 1)], limit=2, after=after)
        if not page:
            break
        seen += names(page)
        after = page[-1].id
    assert seen == names(store.find(people, sort=[("age", 1)]))
    assert len(seen) == 5


def test_count_distinct_and_explain(store: PostgresDocumentStore, people: str) -> None:
    assert store.count(people) == 5
    assert store.count(people, {"age": 30}) == 2
    assert store.distinct(people, "age") == [30, 41, 50]
    assert store.distinct(people, "tags", {"age": {"$exists": True}}) == ["a", "b"]
    plan = store.explain(people, {"age": 30})
    assert "data OPERATOR(docstore.@=) $2" in plan["sql"] and plan["params"]["$2"] == {"age": 30}
    assert "plan" in plan
    plan = store.explain(people, {"age": {"$gt": 30}})
    assert "data OPERATOR(docstore.@@) $2" in plan["sql"] and "plan" in plan


def test_indexes(store: PostgresDocumentStore, people: str) -> None:
    name = store.create_index(people, [("age", 1)])
    assert [i["name"] for i in store.list_indexes(people)] == [name]
    assert names(store.find(people, {"age": {"$lt": 45}}, sort=[("age", 1)])) == ["Ann", "Eve", "Bob"]
    assert store.drop_index(people, name) is True
    assert store.list_indexes(people) == []


def test_query_errors_are_validation_errors(store: PostgresDocumentStore, people: str) -> None:
    with pytest.raises(ValidationError) as excinfo:
        store.find(people, {"age": {"$foo": 1}})
    assert excinfo.value.sqlstate == "22023" and '"$foo"' in str(excinfo.value)
    with pytest.raises(ValidationError):
        store.find(people, limit=-1)
    with pytest.raises(ValidationError) as excinfo:
        store.count(people, {"name": {"$regex": "("}})
    assert excinfo.value.sqlstate == "2201B"
