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
from collections.abc import Iterator
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


# The columns each generated row fills, in the order of its tuple: the same
# rows go into a SQLite file (``_build``) and into a server (server_data.py).
COLUMNS: dict[str, tuple[str, ...]] = {
    "interest_kind": (
        "code",
        "label",
        "may_speak",
        "may_vote",
        "must_leave",
        "shows_nature",
        "position",
    ),
    "organisation": ("id", "name"),
    "person": ("id", "name", "kind", "title"),
    "committee": ("id", "organisation_id", "name", "quorum"),
    "committee_member": ("id", "committee_id", "person_id", "role", "voting", "position"),
    "meeting": (
        "id",
        "committee_id",
        "date",
        "start_time",
        "venue",
        "status",
        "approved_at",
        "approved_by",
    ),
    "agenda_item": (
        "id",
        "meeting_id",
        "position",
        "number",
        "title",
        "part",
        "exempt_paragraph",
        "report_title",
        "report_author",
        "contact_officer",
        "public_summary",
    ),
    "recommendation": ("id", "item_id", "position", "label", "text"),
    "decision": (
        "id",
        "meeting_id",
        "recommendation_id",
        "amendment_id",
        "outcome",
        "yes",
        "no",
        "abstain",
        "casting_vote",
        "casting_voter_id",
        "taken_at",
    ),
    "attendee": (
        "id",
        "meeting_id",
        "person_id",
        "capacity",
        "role",
        "voting",
        "status",
        "arrived_at",
        "departed_at",
        "arrived_item_id",
        "departed_item_id",
        "substitute_for_id",
        "position",
    ),
    "declaration": (
        "id",
        "meeting_id",
        "item_id",
        "person_id",
        "kind_code",
        "nature",
        "sensitive",
        "dispensation",
        "left_room",
    ),
    "minute_paragraph": ("id", "item_id", "position", "text"),
    "audit": ("id", "meeting_id", "at", "clerk", "action", "detail"),
}
Rows = dict[str, list[tuple[object, ...]]]  # table -> rows, tables in COLUMNS' order


@dataclass(frozen=True)
class Shape:
    """How much history: how many meetings, of how many committees, from when, over how long."""

    meetings: int = MEETINGS
    committees: int = COMMITTEES
    first_day: dt.date = dt.date(2016, 1, 4)
    days: int = 3650

    @property
    def watched_every(self) -> int:
        # The watched member sits on every this-many-th committee: on five of them.
        return self.committees // 5


def generate(shape: Shape = Shape(), batch: int = 1000) -> Iterator[Rows]:
    """The history's rows: first the council (people, committees, members),
    then its meetings, ``batch`` at a time, oldest first. Every id is given,
    numbered from 1 in the order a database would have numbered them. The
    same ``shape`` always gives the same rows (one seeded generator)."""
    from clerkdesk.domain.interests import DEFAULT_INTEREST_KINDS

    rng = random.Random(SEED)
    council: Rows = {table: [] for table in COLUMNS}
    council["interest_kind"] = [
        (k.code, k.label, k.may_speak, k.may_vote, k.must_leave, k.shows_nature, n)
        for n, k in enumerate(DEFAULT_INTEREST_KINDS)
    ]
    council["organisation"] = [(1, "Busy County Council")]
    people: list[tuple[object, ...]] = [(1, WATCHED_MEMBER, "councillor", None)]
    people += [(n, f"Cllr Member {n:03d}", "councillor", None) for n in range(2, COUNCILLORS + 1)]
    officers = list(range(COUNCILLORS + 1, COUNCILLORS + OFFICERS + 1))
    people += [(n, f"Officer {n:03d}", "officer", "Head of Service") for n in officers]
    council["person"] = people
    members: dict[int, list[int]] = {}
    for c in range(1, shape.committees + 1):
        council["committee"].append((c, 1, f"Committee {c:02d}", 3))
        chosen = rng.sample(range(2, COUNCILLORS + 1), MEMBERS_PER_COMMITTEE)
        if c % shape.watched_every == 1:
            chosen[-1] = 1  # the watched member
        members[c] = chosen
        for position, person in enumerate(chosen):
            role = "chair" if position == 0 else "vice-chair" if position == 1 else "member"
            member_id = len(council["committee_member"]) + 1
            council["committee_member"].append((member_id, c, person, role, True, position))
    yield council

    sentences = [_sentence(rng) for _ in range(4000)]
    rows: Rows = {table: [] for table in COLUMNS}
    item_id = rec_id = attendee_id = declaration_id = paragraph_id = 0
    for m in range(1, shape.meetings + 1):
        committee = (m - 1) % shape.committees + 1
        date = shape.first_day + dt.timedelta(days=(m - 1) * shape.days // shape.meetings)
        status = "in-progress" if m == shape.meetings else "approved"
        approved = (
            f"{date + dt.timedelta(days=30)} 10:00:00.000000" if status == "approved" else None
        )
        rows["meeting"].append(
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
            title = " ".join(rng.choices(VOCABULARY, k=5)).title()
            rows["agenda_item"].append(
                (item_id, m, position, str(position + 1), title, 1, None, None, None, None, None)
            )
            for r in range(rng.randint(1, 4)):
                rec_id += 1
                rows["recommendation"].append(
                    (rec_id, item_id, r, f"{r + 1}.", rng.choice(sentences))
                )
                yes = rng.randint(5, 10)
                no = rng.randint(0, 3)
                abstain = 12 - yes - no if yes + no < 12 else 0
                rows["decision"].append(
                    (rec_id, m, rec_id, None, "carried", yes, no, abstain, None, None, None)
                )
            for p in range(rng.randint(3, 10)):
                text = " ".join(rng.choices(sentences, k=3))
                if rng.random() < 0.005:
                    text += f" The {RARE_WORD} works were noted."
                paragraph_id += 1
                rows["minute_paragraph"].append((paragraph_id, item_id, p, text))
        for position, person in enumerate(members[committee]):
            status_of = "apologies" if rng.random() < 0.08 else "present"
            role = "chair" if position == 0 else "vice-chair" if position == 1 else "member"
            attendee_id += 1
            rows["attendee"].append(
                (attendee_id, m, person, "member", role, True, status_of)
                + (None,) * 5
                + (position,)
            )
        for extra, officer in enumerate(rng.sample(officers, rng.randint(0, 3))):
            attendee_id += 1
            rows["attendee"].append(
                (attendee_id, m, officer, "officer", "member", False, "present")
                + (None,) * 5
                + (MEMBERS_PER_COMMITTEE + extra,)
            )
        declarer = None
        if 1 in members[committee] and rng.random() < 0.25:
            declarer = 1
        elif rng.random() < 0.3:
            declarer = rng.choice(members[committee])
        if declarer is not None:
            declaration_id += 1
            rows["declaration"].append(
                (
                    declaration_id,
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
        rows["audit"].append((m, m, f"{date} 12:00:00.000000", "clerk", "Load meeting record", ""))
        if m % batch == 0 or m == shape.meetings:
            yield rows
            rows = {table: [] for table in COLUMNS}


def insert_sql(table: str, style: str = "?") -> str:
    columns = COLUMNS[table]
    marks = ", ".join(style for _ in columns)
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"


def _build(path: Path) -> None:
    from clerkdesk.persistence.database import open_database
    from clerkdesk.persistence.search_index import catch_up

    tmp = path.with_suffix(".building")
    for stale in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        stale.unlink(missing_ok=True)
    open_database(tmp, create=True).dispose()  # the real schema, through the migration ladder
    conn = sqlite3.connect(tmp, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = OFF")  # a generated file: speed over durability
    conn.execute("BEGIN")
    for rows in generate():
        for table, table_rows in rows.items():
            conn.executemany(insert_sql(table), table_rows)
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
