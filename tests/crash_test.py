"""Crash safety: acknowledged writes survive a SIGKILL of the whole server.

Run by tests/crash.sh, which owns the throwaway cluster:
    crash_test.py DSN ROUNDS SECONDS KILL_COMMAND START_COMMAND

Each round: 8 writer threads create documents and increment them with docstore_patch
(autocommit, so a call that returns is a committed transaction) in a collection with history and
the change feed on, and record every acknowledged (id, version). After SECONDS the server is
SIGKILLed mid-load (KILL_COMMAND), restarted (START_COMMAND, which runs crash recovery), and:
- every acknowledged document is there, at a version >= the one acknowledged (a write can commit
  while its acknowledgement is lost with the connection, never the reverse);
- nothing half-written is visible: for every document data.n = version - 1 (each patch adds 1
  and bumps the version in one statement), its history holds exactly versions 1 .. version - 1,
  and the feed holds exactly one create and version - 1 updates for it.
Prints one "ok - ..." / "not ok - ..." line per check and exits non-zero on a failure.
"""

import subprocess
import sys
import threading
import time

import psycopg

DSN, ROUNDS, SECONDS, KILL, START = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), sys.argv[4], sys.argv[5]
WRITERS = 8
failures = 0


def check(name, ok, detail=""):
    global failures
    print(("ok - " if ok else "not ok - ") + name + ("" if ok else f": {detail}"), flush=True)
    if not ok:
        failures += 1


def writer(number, acked, stop):
    """Creates a document, then patches it and others; records what the server acknowledged."""
    try:
        with psycopg.connect(DSN, autocommit=True) as conn:
            mine = []
            while not stop.is_set():
                if not mine or len(mine) < 5 and number % 2 == 0:
                    row = conn.execute(
                        "SELECT id, version FROM docstore_create('crash', jsonb_build_object('n', 0, 'w', %s::int))",
                        (number,),
                    ).fetchone()
                    mine.append(row[0])
                else:
                    doc = mine[int(time.monotonic() * 1000) % len(mine)]
                    row = conn.execute(
                        """SELECT id, version FROM docstore_patch('crash', %s, '{"$inc": {"n": 1}}')""", (doc,)
                    ).fetchone()
                acked.append((row[0], row[1]))
    except psycopg.Error:
        pass  # the server went away: whatever was in flight is unacknowledged


def wait_for_server():
    for _ in range(300):
        try:
            with psycopg.connect(DSN, connect_timeout=2) as conn:
                conn.execute("SELECT 1")
                return True
        except psycopg.Error:
            time.sleep(0.2)
    return False


with psycopg.connect(DSN, autocommit=True) as conn:
    conn.execute("""SELECT docstore_configure('crash', '{"history": true, "changes": true}')""")

total_acked = 0
for round_number in range(1, ROUNDS + 1):
    acked, stop = [], threading.Event()
    threads = [threading.Thread(target=writer, args=(i, acked, stop)) for i in range(WRITERS)]
    for t in threads:
        t.start()
    time.sleep(SECONDS)
    subprocess.run(KILL, shell=True, check=True)  # mid-load: the writers are still writing
    stop.set()
    for t in threads:
        t.join()
    subprocess.run(START, shell=True, check=True)
    check(f"round {round_number}: the server came back after SIGKILL", wait_for_server())
    total_acked += len(acked)

    latest = {}
    for doc, version in acked:
        latest[doc] = max(version, latest.get(doc, 0))
    with psycopg.connect(DSN, autocommit=True) as conn:
        stored = dict(conn.execute("SELECT id, version FROM docstore.documents WHERE collection = 'crash'").fetchall())
        lost = [doc for doc, version in latest.items() if stored.get(doc, 0) < version]
        check(
            f"round {round_number}: every acknowledged write is there ({len(acked)} acknowledged, {len(latest)} documents)",
            not lost and len(acked) > 0,
            f"{len(lost)} lost, e.g. {lost[:3]}",
        )
        torn = conn.execute(
            "SELECT count(*) FROM docstore.documents WHERE collection = 'crash' AND (data->>'n')::int <> version - 1"
        ).fetchone()[0]
        check(f"round {round_number}: no half-written document (n = version - 1 everywhere)", torn == 0, f"{torn} torn")
        gaps = conn.execute(
            """SELECT count(*) FROM docstore.documents AS d
                WHERE d.collection = 'crash'
                  AND (SELECT count(*) || '/' || coalesce(max(h.version), 0) FROM docstore.history AS h
                        WHERE h.collection = 'crash' AND h.id = d.id) <> (d.version - 1) || '/' || (d.version - 1)"""
        ).fetchone()[0]
        check(f"round {round_number}: every document's history is complete (versions 1 .. version - 1)", gaps == 0, f"{gaps} documents")
        feed = conn.execute(
            """SELECT count(*) FROM docstore.documents AS d
                WHERE d.collection = 'crash'
                  AND (SELECT count(*) FILTER (WHERE c.op = 'create') || '/' || count(*) FILTER (WHERE c.op = 'update')
                         FROM docstore.changes AS c WHERE c.id = d.id) <> '1/' || (d.version - 1)"""
        ).fetchone()[0]
        check(f"round {round_number}: the feed holds one create and every update of each document", feed == 0, f"{feed} documents")

print(f"# {ROUNDS} crashes survived, {total_acked} acknowledged writes checked", flush=True)
sys.exit(1 if failures else 0)
