"""Bad input at scale: random filters, updates, options, collection names and documents sent
through docstore's SQL functions. Run by tests/fuzz.sh:
    fuzz_test.py DSN CASES SEED

Every call either succeeds or fails with a client error: SQLSTATE class 22 (bad data), 23
(integrity) or 42 (syntax / privilege), or one of the documented conditions a random argument
can hit: 0A000 (an unsupported construct: a PCRE-only regular expression, $$NOW in $expr), 40001 (a random expected_version
differs) and 55000 (a random cursor lies before the feed's trim point). Never a lost connection
(a crashed backend), never XX000 (an internal error or a Rust panic). One in ten writes is run
alone (the other threads wait) between two fingerprints of every docstore table: when rejected,
the tables must be exactly as before. Prints the counts per SQLSTATE.
"""

import collections
import json
import random
import string
import sys
import threading
import uuid

import psycopg
from psycopg.types.json import Jsonb

DSN, CASES, SEED = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
# Deeply nested documents go through Python's recursive JSON encoder.
sys.setrecursionlimit(100_000)
threading.stack_size(256 * 1024 * 1024)
THREADS = 4
ALLOWED_CLASSES = {"22", "23", "42"}
ALLOWED_CODES = {"0A000", "40001", "55000"}
OPERATORS = ["$eq", "$ne", "$gt", "$gte", "$lt", "$lte", "$in", "$nin", "$exists", "$type", "$regex",
             "$options", "$size", "$all", "$elemMatch", "$not", "$and", "$or", "$nor", "$where", "$foo", "$",
             "$mod", "$comment", "$expr"]
# $expr's operators, and field paths / variables as $expr reads them.
EXPR_OPERATORS = ["$eq", "$ne", "$gt", "$gte", "$lt", "$lte", "$and", "$or", "$not", "$cond", "$ifNull",
                  "$add", "$subtract", "$multiply", "$divide", "$mod", "$abs", "$size", "$in", "$literal",
                  "$foo", "$expr"]
EXPR_NAMES = ["$a", "$b.c", "$a.0", "$$ROOT", "$$CURRENT", "$$NOW", "$$x", "$", "$a..b", "$.a"]
# PCRE constructs: rewritten into PostgreSQL's regular expressions, or refused (0A000).
PATTERNS = [r"\bcat\b", r"\d+$", r"\Qa.b\E", r"\p{L}", r"a*+", r"(?i)x", r"(?<n>\w)", r"[\D]",
            r"\x{263A}", r"\x", r"[[:graph:]]", r"a{", r"(?", "\\", "(((a|b){1,30}){1,30})"]
UPDATES = ["$set", "$unset", "$inc", "$mul", "$min", "$max", "$rename", "$currentDate", "$push", "$pull",
           "$pullAll", "$addToSet", "$pop", "$each", "$position", "$slice", "$sort", "$bad", "$"]
# Update paths with array-element keys, and arrayFilters.
UPDATE_PATHS = ["a.$", "a.$[]", "a.$[i]", "a.$[i].b", "a.$[].$[j]", "a.$[I]", "a.$[i.j]", "$[]", "a.$$", "a.0.$"]
OPTION_KEYS = ["sort", "limit", "skip", "fields", "after", "unique", "type", "history", "changes", "bogus"]
HOSTILE = ["", "$", "a.b", "a..b", ".a", "a.", "'", "\"", "\\", "x'); DROP TABLE docstore.documents; --",
           "a'b\"c", "é", "日本", "🦀", "\u202e", "$where", "__proto__", "0", "-1", "1e3", " ", "a b",
           "%I", "$1", "null", "\t\n"]


def text(rng, limit=12):
    kind = rng.random()
    if kind < 0.3:
        return rng.choice(HOSTILE)
    if kind < 0.5:
        return "".join(rng.choice("abc.$") for _ in range(rng.randint(0, 5)))
    alphabet = string.ascii_letters + string.digits + " .$'\"\\-_é日🦀\u0000\u202e"
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(0, limit)))


def number(rng):
    return rng.choice([0, 1, -1, 2.5, -0.0, 10 ** rng.randint(1, 400), -(10 ** 30), 1e308, 5e-324,
                       rng.randint(-10, 10), rng.random(), 2 ** 63, 2 ** 31 - 1, -(2 ** 31)])


def value(rng, depth=0):
    kind = rng.random()
    if depth > 4 or kind < 0.45:
        return rng.choice([None, True, False, number(rng), text(rng), rng.choice(OPERATORS)])
    if kind < 0.7:
        return [value(rng, depth + 1) for _ in range(rng.randint(0, 4))]
    return obj(rng, depth + 1)


def obj(rng, depth=0):
    keys = [rng.choice([text(rng), rng.choice(OPERATORS), rng.choice(UPDATES), rng.choice("abc")])
            for _ in range(rng.randint(0, 4))]
    return {k: value(rng, depth) for k in keys}


def deep(rng):
    """Nesting far past any sane document: arrays or objects thousands of levels deep."""
    levels = rng.randint(100, 3000)
    inner = 1
    for _ in range(levels):
        inner = [inner] if rng.random() < 0.5 else {"a": inner}
    return {"deep": inner}


def filter_json(rng, depth=0):
    kind = rng.random()
    if kind < 0.15:
        return value(rng)  # not even an object sometimes
    if kind < 0.3:
        return obj(rng)
    f = {}
    for _ in range(rng.randint(0, 3)):
        r = rng.random()
        if r < 0.2 and depth < 3:
            f[rng.choice(["$and", "$or", "$nor"])] = [filter_json(rng, depth + 1) for _ in range(rng.randint(0, 3))]
        elif r < 0.3:
            f["$expr"] = expr_json(rng)
        elif r < 0.35:
            f[rng.choice(["a", "b.0", "a.1.c"])] = {"$regex": rng.choice(PATTERNS), "$options": rng.choice(["", "m", "x", "ims", "u"])}
        elif r < 0.6:
            f[rng.choice(["a", "b.c", "a.0", "b.1.c", text(rng)])] = {rng.choice(OPERATORS): value(rng)}
        else:
            f[rng.choice(["a", "b", text(rng)])] = value(rng)
    return f


def expr_json(rng, depth=0):
    r = rng.random()
    if r < 0.3 or depth > 3:
        return rng.choice(EXPR_NAMES) if rng.random() < 0.6 else value(rng)
    args = [expr_json(rng, depth + 1) for _ in range(rng.randint(0, 4))]
    return {rng.choice(EXPR_OPERATORS): args if rng.random() < 0.8 else (args[0] if args else value(rng))}


def update_json(rng):
    if rng.random() < 0.2:
        return value(rng)
    if rng.random() < 0.25:
        path = rng.choice(UPDATE_PATHS)
        op = rng.choice(["$set", "$inc", "$unset", "$push", "$pull", "$pop", "$rename", "$min"])
        arg = value(rng) if op != "$push" or rng.random() < 0.5 else \
            {"$each": [value(rng) for _ in range(rng.randint(0, 3))], "$sort": rng.choice([1, -1, {"b": 1}, 0, "x"]),
             "$slice": rng.choice([2, -1, 1.5, None])}
        return {op: {path: arg}}
    return {rng.choice(UPDATES): obj(rng) if rng.random() < 0.8 else value(rng) for _ in range(rng.randint(0, 3))}


def options_json(rng):
    if rng.random() < 0.2:
        return value(rng)
    return {rng.choice(OPTION_KEYS): value(rng) for _ in range(rng.randint(0, 3))}


def collection(rng):
    return rng.choice(["fz", "fz2", "fz3"]) if rng.random() < 0.6 else text(rng, 300)


def document(rng):
    r = rng.random()
    if r < 0.02:
        return deep(rng)
    if r < 0.0205:
        return {"big": "x" * (10 * 1024 * 1024)}  # a 10 MB document
    return obj(rng) if rng.random() < 0.9 else value(rng)


def call(rng, ids):
    """One random call: (is_write, sql, params)."""
    c, some_id = collection(rng), rng.choice(ids) if ids and rng.random() < 0.7 else str(uuid.uuid4())
    j = lambda v: Jsonb(v)  # noqa: E731
    choice = rng.randrange(16)
    if choice == 0:
        return True, "SELECT id FROM docstore_create(%s, %s)", (c, j(document(rng)))
    if choice == 1:
        return True, "SELECT count(*) FROM docstore_create_many(%s, %s)", (c, j([document(rng) for _ in range(rng.randint(0, 3))] if rng.random() < 0.8 else value(rng)))
    if choice == 2:
        return True, "SELECT count(*) FROM docstore_update(%s, %s, %s)", (c, some_id, j(document(rng)))
    if choice in (3, 4):
        return True, "SELECT count(*) FROM docstore_patch(%s, %s, %s)", (c, some_id, j(update_json(rng)))
    if choice == 5:
        return True, "SELECT count(*) FROM docstore_replace(%s, %s, %s, %s)", (c, some_id, j(document(rng)), rng.choice([None, 1, -1, 2 ** 31 - 1]))
    if choice == 6:
        filters = rng.choice([None, [], [{"i": {"$gt": 1}}], [{"i.b": 1}, {"j": 2}], [{"I": 1}], value(rng),
                              [{"i": 1, "j": 2}], [filter_json(rng)]])
        options = None if filters is None else {"arrayFilters": filters} if rng.random() < 0.9 else options_json(rng)
        return True, "SELECT docstore_update_many(%s, %s, %s, %s)", (c, j(filter_json(rng)), j(update_json(rng)), None if options is None else j(options))
    if choice == 7:
        return False, "SELECT count(*) FROM docstore_query(%s, %s, %s)", (c, j(filter_json(rng)), rng.choice([None, 0, 5, -1, 1000]))
    if choice in (8, 9):
        return False, "SELECT count(*) FROM docstore_find(%s, %s, %s)", (c, j(filter_json(rng)), j(options_json(rng)))
    if choice == 10:
        return False, "SELECT docstore_count(%s, %s)", (c, j(filter_json(rng)))
    if choice == 11:
        return False, "SELECT count(*) FROM docstore_distinct(%s, %s, %s)", (c, text(rng), j(filter_json(rng)))
    if choice == 12:
        return False, "SELECT docstore_explain(%s, %s, %s) IS NOT NULL", (c, j(filter_json(rng)), j(options_json(rng)))
    if choice == 13:
        return True, "SELECT docstore_configure(%s, %s)", (c, j(options_json(rng)))
    if choice == 14:
        return True, "SELECT docstore_create_index(%s, %s, %s)", (c, j(obj(rng)), j(options_json(rng)))
    return False, "SELECT count(*) FROM docstore_changes(%s, %s, %s)", (rng.choice([None, text(rng, 40), "1:2:/3:4:/5"]), rng.choice([None, -1, 10]), rng.choice([None, c]))


# Every change of a document moves its version (the trigger), so ids and versions say it all.
FINGERPRINT = """SELECT (SELECT count(*) || ':' || coalesce(sum(version), 0) || ':' || coalesce(md5(string_agg(id::text || ':' || version, ',' ORDER BY id)), '') FROM docstore.documents)
 || '|' || (SELECT count(*) FROM docstore.history) || '|' || (SELECT count(*) FROM docstore.changes)
 || '|' || (SELECT count(*) FROM docstore.collections) || '|' || (SELECT count(*) FROM docstore.indexes)"""

def show(params):
    """The call's arguments as SQL literals would show them (documents cut at 2000 characters)."""
    return ", ".join(json.dumps(p.obj)[:2000] if isinstance(p, Jsonb) else repr(p) for p in params)


counts = collections.Counter()
failures = []
lock = threading.Lock()


def worker(number, cases):
    rng = random.Random(SEED * 1000 + number)
    conn = psycopg.connect(DSN, autocommit=True)
    ids = [r[0] for r in conn.execute("SELECT id::text FROM docstore.documents LIMIT 50").fetchall()]
    checked = 0
    for _ in range(cases):
        is_write, sql, params = call(rng, ids)
        sample = is_write and rng.random() < 0.1
        if is_write:  # writes share the lock; a sampled write takes it alone
            conn.execute("SELECT pg_advisory_lock(4242)" if sample else "SELECT pg_advisory_lock_shared(4242)")
        message = ""
        try:
            before = conn.execute(FINGERPRINT).fetchone()[0] if sample else None
            row = conn.execute(sql, params).fetchone()
            outcome = "ok"
            if sql.startswith("SELECT docstore_create_index") and row and row[0]:
                conn.execute("SELECT docstore_drop_index(%s, %s)", (params[0], row[0]))
            if sql.startswith("SELECT id FROM docstore_create") and row and len(ids) < 200:
                ids.append(str(row[0]))
        except psycopg.DataError as e:
            message = str(e)[:300]
            if e.sqlstate is None:  # refused by the client library (e.g. a NUL in a text)
                outcome = "client"
            else:
                outcome = e.sqlstate
        except psycopg.Error as e:
            outcome = e.sqlstate or "connection lost"
            message = str(e)[:300]
        if outcome == "connection lost":
            conn = psycopg.connect(DSN, autocommit=True)
        elif is_write:
            if outcome not in ("ok", "client") and sample:
                after = conn.execute(FINGERPRINT).fetchone()[0]
                checked += 1
                if after != before:
                    with lock:
                        failures.append(f"a rejected call changed the tables: {sql} {params!r:.300}")
            conn.execute("SELECT pg_advisory_unlock(4242)" if sample else "SELECT pg_advisory_unlock_shared(4242)")
        bad = outcome == "connection lost" or (
            outcome not in ("ok", "client") and outcome[:2] not in ALLOWED_CLASSES and outcome not in ALLOWED_CODES)
        with lock:
            counts[outcome] += 1
            counts["rejected writes checked unchanged"] += 1 if (sample and outcome not in ("ok", "client")) else 0
            if bad:
                failures.append(f"{outcome} ({message}): {sql} {show(params)}")
    conn.close()


def guarded(number, cases):
    try:
        worker(number, cases)
    except Exception as e:  # noqa: BLE001 - a broken fuzzer must fail the run, not vanish
        with lock:
            failures.append(f"worker {number} stopped: {e!r:.300}")


threads = [threading.Thread(target=guarded, args=(i, CASES // THREADS)) for i in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()

total = sum(v for k, v in counts.items() if k != "rejected writes checked unchanged")
print(f"# {total} calls (seed {SEED}): " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())), flush=True)
if failures:
    print(f"not ok - {len(failures)} calls broke the rules, e.g.:")
    for f in failures[:10]:
        print("  " + f)
    sys.exit(1)
print(f"ok - {total} fuzzed calls: every one succeeded or was a 22/23/42 error (or a documented 0A000/40001/55000); no XX000, no lost connection")
