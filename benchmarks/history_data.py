"""A database holding ten years of a busy council, generated fast and cached.

5,000 meetings of 20 committees (each of 12 members and quorum 3): 8-15 items
each, every item with 1-4 recommendations decided by a vote and 3-10 minute
paragraphs, 10-15 people on each attendance list, and a declaration of
interest at about one meeting in three. Rows go straight in with sqlite3
``executemany`` into the schema ``open_database`` creates; the FTS5
``search_index`` is filled by the schema's own triggers and, for the minutes,
brought up to date as the app does (``search_index.catch_up``). The file is kept in
``benchmarks/.cache/`` under a name carrying ``VERSION``: change the generator,
bump the version.
"""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import CACHE

VERSION = 1
MEETINGS = 5000
COMMITTEES = 20
MEMBERS_PER_COMMITTEE = 12
COUNCILLORS = 160
OFFICERS = 40
SEED = 20260509
# The member whose declarations are looked up: declares at about 1 meeting in 12.
WATCHED_MEMBER = "Cllr Watched Member"
RARE_WORD = "drainage"  # in about 1 minute paragraph in 200

VOCABULARY = [
    "budget",
    "report",
    "officer",
    "members",
    "panel",
    "council",
    "county",
    "scheme",
    "proposal",
    "consultation",
    "service",
    "care",
    "adult",
    "children",
    "highways",
    "transport",
    "planning",
    "housing",
    "school",
    "library",
    "waste",
    "recycling",
    "contract",
    "tender",
    "procurement",
    "review",
    "strategy",
    "policy",
    "risk",
    "audit",
    "finance",
    "revenue",
    "capital",
    "savings",
    "grant",
    "funding",
    "partnership",
    "health",
    "wellbeing",
    "community",
    "safety",
    "fire",
    "rescue",
    "environment",
    "climate",
    "carbon",
    "energy",
    "flood",
    "road",
    "footway",
    "cycle",
    "bus",
    "parking",
    "development",
    "application",
    "appeal",
    "enforcement",
    "licence",
    "heritage",
    "museum",
    "archive",
    "culture",
    "leisure",
    "park",
    "open",
    "space",
    "allotment",
    "cemetery",
    "staffing",
    "recruitment",
    "pay",
    "pension",
    "agency",
    "vacancy",
    "training",
    "performance",
    "target",
    "indicator",
    "quarter",
    "annual",
    "monitoring",
    "outturn",
    "forecast",
    "variance",
    "reserve",
    "balance",
    "noted",
    "agreed",
    "discussed",
    "questioned",
    "explained",
    "confirmed",
    "asked",
    "answered",
    "clarified",
    "resolved",
    "recommended",
    "requested",
    "circulated",
    "considered",
    "welcomed",
    "supported",
    "raised",
]


@dataclass(frozen=True)
class HistoryDb:
    path: Path
    watched_person_id: int
    rare_word: str
    common_word: str
    open_meeting_id: int  # a meeting still in progress, with a full agenda
    build_seconds: float  # 0.0 when it came from the cache


def schema_fingerprint() -> str:
    """Changes whenever a migration does, so a cache built on an older schema is rebuilt."""
    import hashlib
    from importlib import resources

    folder = resources.files("clerkdesk.persistence") / "migrations"
    digest = hashlib.sha256()
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".sql"):
            digest.update(entry.read_bytes())
    return digest.hexdigest()[:10]


def path_for(version: int = VERSION) -> Path:
    return CACHE / f"history-v{version}-{schema_fingerprint()}-{MEETINGS}-meetings.db"


def _sentence(rng: random.Random) -> str:
    words = rng.choices(VOCABULARY, k=rng.randint(8, 18))
    return " ".join(words).capitalize() + "."


def _build(path: Path) -> None:
    from clerkdesk.domain.interests import DEFAULT_INTEREST_KINDS
    from clerkdesk.persistence.database import open_database
    from clerkdesk.persistence.search_index import catch_up

    rng = random.Random(SEED)
    tmp = path.with_suffix(".building")
    for stale in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        stale.unlink(missing_ok=True)
    open_database(tmp, create=True).dispose()  # the real schema, through the migration ladder
    conn = sqlite3.connect(tmp, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = OFF")  # a generated file: speed over durability
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO interest_kind VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (k.code, k.label, k.may_speak, k.may_vote, k.must_leave, k.shows_nature, n)
            for n, k in enumerate(DEFAULT_INTEREST_KINDS)
        ],
    )
    conn.execute("INSERT INTO organisation (id, name) VALUES (1, 'Busy County Council')")
    people: list[tuple[int, str, str, str | None]] = [(1, WATCHED_MEMBER, "councillor", None)]
    people += [(n, f"Cllr Member {n:03d}", "councillor", None) for n in range(2, COUNCILLORS + 1)]
    officers = list(range(COUNCILLORS + 1, COUNCILLORS + OFFICERS + 1))
    people += [(n, f"Officer {n:03d}", "officer", "Head of Service") for n in officers]
    conn.executemany("INSERT INTO person VALUES (?, ?, ?, ?)", people)
    members: dict[int, list[int]] = {}
    committee_rows, member_rows = [], []
    for c in range(1, COMMITTEES + 1):
        committee_rows.append((c, 1, f"Committee {c:02d}", 3))
        chosen = rng.sample(range(2, COUNCILLORS + 1), MEMBERS_PER_COMMITTEE)
        if c % 4 == 1:  # the watched member sits on five committees
            chosen[-1] = 1
        members[c] = chosen
        for position, person in enumerate(chosen):
            role = "chair" if position == 0 else "vice-chair" if position == 1 else "member"
            member_rows.append((None, c, person, role, True, position))
    conn.executemany("INSERT INTO committee VALUES (?, ?, ?, ?)", committee_rows)
    conn.executemany("INSERT INTO committee_member VALUES (?, ?, ?, ?, ?, ?)", member_rows)

    sentences = [_sentence(rng) for _ in range(4000)]
    start = dt.date(2016, 1, 4)
    meeting_rows, item_rows, rec_rows, decision_rows = [], [], [], []
    attendee_rows, declaration_rows, paragraph_rows, audit_rows = [], [], [], []
    item_id = rec_id = 0
    for m in range(1, MEETINGS + 1):
        committee = (m - 1) % COMMITTEES + 1
        date = start + dt.timedelta(days=(m - 1) * 3650 // MEETINGS)
        status = "in-progress" if m == MEETINGS else "approved"
        approved = (
            f"{date + dt.timedelta(days=30)} 10:00:00.000000" if status == "approved" else None
        )
        meeting_rows.append(
            (
                m,
                committee,
                date.isoformat(),
                "10:00:00.000000",
                "Council Chamber",
                status,
                approved,
                "Cllr Member 002" if approved else None,
            )
        )
        first_item = item_id + 1
        for position in range(rng.randint(8, 15)):
            item_id += 1
            item_rows.append(
                (
                    item_id,
                    m,
                    position,
                    str(position + 1),
                    " ".join(rng.choices(VOCABULARY, k=5)).title(),
                    1,
                    None,
                    None,
                    None,
                    None,
                    None,
                )
            )
            for r in range(rng.randint(1, 4)):
                rec_id += 1
                rec_rows.append((rec_id, item_id, r, f"{r + 1}.", rng.choice(sentences)))
                yes = rng.randint(5, 10)
                no = rng.randint(0, 3)
                decision_rows.append(
                    (
                        rec_id,
                        m,
                        rec_id,
                        None,
                        "carried",
                        yes,
                        no,
                        12 - yes - no if yes + no < 12 else 0,
                        None,
                        None,
                        None,
                    )
                )
            for p in range(rng.randint(3, 10)):
                text = " ".join(rng.choices(sentences, k=3))
                if rng.random() < 0.005:
                    text += f" The {RARE_WORD} works were noted."
                paragraph_rows.append((None, item_id, p, text))
        for position, person in enumerate(members[committee]):
            status_of = "apologies" if rng.random() < 0.08 else "present"
            role = "chair" if position == 0 else "vice-chair" if position == 1 else "member"
            attendee_rows.append(
                (
                    None,
                    m,
                    person,
                    "member",
                    role,
                    True,
                    status_of,
                    None,
                    None,
                    None,
                    None,
                    None,
                    position,
                )
            )
        for extra, officer in enumerate(rng.sample(officers, rng.randint(0, 3))):
            attendee_rows.append(
                (
                    None,
                    m,
                    officer,
                    "officer",
                    "member",
                    False,
                    "present",
                    None,
                    None,
                    None,
                    None,
                    None,
                    MEMBERS_PER_COMMITTEE + extra,
                )
            )
        declarer = None
        if 1 in members[committee] and rng.random() < 0.25:
            declarer = 1
        elif rng.random() < 0.3:
            declarer = rng.choice(members[committee])
        if declarer is not None:
            declaration_rows.append(
                (
                    None,
                    m,
                    rng.randint(first_item, item_id),
                    declarer,
                    "ori-affects",
                    "Member of a charity that bids for the service",
                    False,
                    False,
                    False,
                )
            )
        audit_rows.append((None, m, f"{date} 12:00:00.000000", "clerk", "Load meeting record", ""))
    conn.executemany(
        "INSERT INTO meeting (id, committee_id, date, start_time, venue, status, approved_at,"
        " approved_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        meeting_rows,
    )
    conn.executemany("INSERT INTO agenda_item VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", item_rows)
    conn.executemany("INSERT INTO recommendation VALUES (?, ?, ?, ?, ?)", rec_rows)
    conn.executemany("INSERT INTO decision VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", decision_rows)
    conn.executemany(
        "INSERT INTO attendee (id, meeting_id, person_id, capacity, role, voting, status,"
        " arrived_at, departed_at, arrived_item_id, departed_item_id, substitute_for_id,"
        " position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        attendee_rows,
    )
    conn.executemany("INSERT INTO declaration VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", declaration_rows)
    conn.executemany("INSERT INTO minute_paragraph VALUES (?, ?, ?, ?)", paragraph_rows)
    conn.executemany("INSERT INTO audit VALUES (?, ?, ?, ?, ?, ?)", audit_rows)
    catch_up(conn)  # the minutes' index entries, as the app brings them up to date
    conn.execute("COMMIT")
    problems = conn.execute("PRAGMA foreign_key_check").fetchall()
    if problems:
        raise RuntimeError(f"generated history breaks foreign keys: {problems[:5]}")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # no ANALYZE: real files have none
    conn.close()
    tmp.replace(path)


def history_db() -> HistoryDb:
    """The cached database, built first if this version is not there yet."""
    path = path_for()
    built = 0.0
    if not path.exists():
        CACHE.mkdir(exist_ok=True)
        started = time.perf_counter()
        _build(path)
        built = time.perf_counter() - started
    return HistoryDb(path, 1, RARE_WORD, "budget", MEETINGS, built)


if __name__ == "__main__":
    db = history_db()
    print(f"{db.path} ({db.path.stat().st_size / 2**20:.0f} MB), built in {db.build_seconds:.1f} s")
