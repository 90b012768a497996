"""The schema upgrade ladder: MIGRATIONS[v] brings a file from schema v to v + 1.

Each step carries the SQL of the tables it adds as they were at its version, frozen here and
never built from today's models: a later change to the models cannot change what an old
step does, so a schema 1 file upgrades the same way whatever schema is current. The result of
the whole ladder must equal a new file's schema; tests/fixtures holds a file of every released
schema version, and tests/test_store.py upgrades each one.

A step runs on an open sqlite3 connection inside the upgrade's transaction
(fileformat.upgrade), which is rolled back whole if any step fails.
"""
from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Callable
from datetime import UTC, datetime

# Schema 2: council members' unit scopes, member packages (package_info, package_base, seal)
# and the master's merges of them.
SCHEMA_2_DDL = """
CREATE TABLE merged_package (
	package_uuid VARCHAR(36) NOT NULL,
	content_sha256 VARCHAR(64) NOT NULL,
	member_code VARCHAR(50) NOT NULL,
	file_name TEXT NOT NULL,
	sealed_at VARCHAR(32) NOT NULL,
	summary TEXT NOT NULL,
	id INTEGER NOT NULL,
	uuid VARCHAR(36) NOT NULL,
	version INTEGER NOT NULL,
	created_at VARCHAR(32) NOT NULL,
	updated_at VARCHAR(32) NOT NULL,
	author VARCHAR(200) NOT NULL,
	deleted BOOLEAN NOT NULL,
	PRIMARY KEY (id),
	UNIQUE (uuid)
);
CREATE INDEX ix_merged_package_package_uuid ON merged_package (package_uuid);
CREATE TABLE package_base (
	id INTEGER NOT NULL,
	unit_uuid VARCHAR(36) NOT NULL,
	criterion_uuid VARCHAR(36) NOT NULL,
	score_uuid VARCHAR(36),
	version INTEGER,
	fields TEXT NOT NULL,
	PRIMARY KEY (id)
);
CREATE TABLE package_info (
	id INTEGER NOT NULL,
	uuid VARCHAR(36) NOT NULL,
	member_code VARCHAR(50) NOT NULL,
	round INTEGER NOT NULL,
	created_at VARCHAR(32) NOT NULL,
	master_name TEXT NOT NULL,
	PRIMARY KEY (id)
);
CREATE TABLE seal (
	id INTEGER NOT NULL,
	member_code VARCHAR(50) NOT NULL,
	fingerprint VARCHAR(100) NOT NULL,
	public_key TEXT NOT NULL,
	content_sha256 VARCHAR(64) NOT NULL,
	sealed_at VARCHAR(32) NOT NULL,
	signature TEXT NOT NULL,
	PRIMARY KEY (id)
);
CREATE TABLE merge_resolution (
	merge_id INTEGER NOT NULL,
	unit_code VARCHAR(50) NOT NULL,
	criterion_code VARCHAR(50) NOT NULL,
	part VARCHAR(20) NOT NULL,
	master_value TEXT NOT NULL,
	package_value TEXT NOT NULL,
	chosen VARCHAR(10) NOT NULL,
	reason TEXT NOT NULL,
	id INTEGER NOT NULL,
	uuid VARCHAR(36) NOT NULL,
	version INTEGER NOT NULL,
	created_at VARCHAR(32) NOT NULL,
	updated_at VARCHAR(32) NOT NULL,
	author VARCHAR(200) NOT NULL,
	deleted BOOLEAN NOT NULL,
	PRIMARY KEY (id),
	FOREIGN KEY(merge_id) REFERENCES merged_package (id),
	UNIQUE (uuid)
);
CREATE INDEX ix_merge_resolution_merge_id ON merge_resolution (merge_id);
CREATE TABLE member_unit (
	member_id INTEGER NOT NULL,
	unit_id INTEGER NOT NULL,
	id INTEGER NOT NULL,
	uuid VARCHAR(36) NOT NULL,
	version INTEGER NOT NULL,
	created_at VARCHAR(32) NOT NULL,
	updated_at VARCHAR(32) NOT NULL,
	author VARCHAR(200) NOT NULL,
	deleted BOOLEAN NOT NULL,
	PRIMARY KEY (id),
	FOREIGN KEY(member_id) REFERENCES member (id),
	FOREIGN KEY(unit_id) REFERENCES unit (id),
	UNIQUE (uuid)
);
CREATE INDEX ix_member_unit_member_id ON member_unit (member_id);
CREATE UNIQUE INDEX uq_member_unit_member_id_unit_id_live ON member_unit (member_id, unit_id)
	WHERE deleted = 0;
"""

# Schema 3: the record of every package the master exports (what a returned package is
# checked against).
SCHEMA_3_DDL = """
CREATE TABLE sent_package (
	package_uuid VARCHAR(36) NOT NULL,
	member_code VARCHAR(50) NOT NULL,
	round INTEGER NOT NULL,
	file_name TEXT NOT NULL,
	frozen TEXT NOT NULL,
	id INTEGER NOT NULL,
	uuid VARCHAR(36) NOT NULL,
	version INTEGER NOT NULL,
	created_at VARCHAR(32) NOT NULL,
	updated_at VARCHAR(32) NOT NULL,
	author VARCHAR(200) NOT NULL,
	deleted BOOLEAN NOT NULL,
	PRIMARY KEY (id),
	UNIQUE (package_uuid),
	UNIQUE (uuid)
);
CREATE TABLE sent_row (
	id INTEGER NOT NULL,
	sent_id INTEGER NOT NULL,
	unit_id INTEGER NOT NULL,
	criterion_id INTEGER NOT NULL,
	base_sha256 VARCHAR(64) NOT NULL,
	PRIMARY KEY (id),
	FOREIGN KEY(sent_id) REFERENCES sent_package (id),
	FOREIGN KEY(unit_id) REFERENCES unit (id),
	FOREIGN KEY(criterion_id) REFERENCES criterion (id)
);
CREATE INDEX ix_sent_row_sent_id ON sent_row (sent_id);
"""


def _run(con: sqlite3.Connection, script: str) -> None:
    # one statement at a time: executescript would commit the upgrade's transaction
    for statement in script.split(";"):
        if statement.strip():
            con.execute(statement)


def _v1_to_v2(con: sqlite3.Connection) -> None:
    """Schema 2: audit entries name their transaction, so that a whole transaction can be
    undone (entries written before keep an empty one); council members' keys and unit scopes,
    member packages and merges; the document identity moves from the period to the settings."""
    con.execute("ALTER TABLE audit ADD COLUMN txn VARCHAR(36) DEFAULT '' NOT NULL")
    con.execute("CREATE INDEX ix_audit_txn ON audit (txn)")
    con.execute("ALTER TABLE member ADD COLUMN key_fingerprint VARCHAR(100) DEFAULT '' NOT NULL")
    _run(con, SCHEMA_2_DDL)
    _period_identity_to_settings(con)


def _v2_to_v3(con: sqlite3.Connection) -> None:
    """Schema 3: the master records every package it exports and, per merge, the package's
    own values (the next merge's base)."""
    _run(con, SCHEMA_3_DDL)
    con.execute("ALTER TABLE merged_package ADD COLUMN package_values TEXT DEFAULT '{}' NOT NULL")


def _v3_to_v4(con: sqlite3.Connection) -> None:
    """Schema 4: the date the unit's head took up the post (ISO text), so that a head in post
    too few months of the year can be left unclassified. Units of older files keep NULL: in
    post the whole year, classified as before."""
    con.execute("ALTER TABLE unit ADD COLUMN head_since VARCHAR(10)")


# Schema 5: the phases of the season; survey results per criterion.
SCHEMA_5_DDL = """
CREATE TABLE phase_change (
	phase VARCHAR(30) NOT NULL,
	deadline VARCHAR(10),
	reason TEXT NOT NULL,
	id INTEGER NOT NULL,
	uuid VARCHAR(36) NOT NULL,
	version INTEGER NOT NULL,
	created_at VARCHAR(32) NOT NULL,
	updated_at VARCHAR(32) NOT NULL,
	author VARCHAR(200) NOT NULL,
	deleted BOOLEAN NOT NULL,
	PRIMARY KEY (id),
	UNIQUE (uuid)
);
CREATE TABLE survey_item (
	unit_id INTEGER NOT NULL,
	criterion_id INTEGER NOT NULL,
	pct VARCHAR(40) NOT NULL,
	id INTEGER NOT NULL,
	uuid VARCHAR(36) NOT NULL,
	version INTEGER NOT NULL,
	created_at VARCHAR(32) NOT NULL,
	updated_at VARCHAR(32) NOT NULL,
	author VARCHAR(200) NOT NULL,
	deleted BOOLEAN NOT NULL,
	PRIMARY KEY (id),
	FOREIGN KEY(unit_id) REFERENCES unit (id),
	FOREIGN KEY(criterion_id) REFERENCES criterion (id),
	UNIQUE (uuid)
);
CREATE INDEX ix_survey_item_unit_id ON survey_item (unit_id);
CREATE UNIQUE INDEX uq_survey_item_unit_id_criterion_id_live ON survey_item (unit_id, criterion_id) WHERE deleted = 0;
"""


def _v4_to_v5(con: sqlite3.Connection) -> None:
    """Schema 5: the phases of the season, each criterion's guidance texts, survey results per
    criterion and the units' keys. An older file gets no phase (everything stays writable, as
    it was), empty guidance and no unit key."""
    _run(con, SCHEMA_5_DDL)
    for column in ("guidance", "evidence_guidance"):
        con.execute(f"ALTER TABLE criterion ADD COLUMN {column} TEXT DEFAULT '' NOT NULL")
    con.execute("ALTER TABLE unit ADD COLUMN key_fingerprint VARCHAR(100) DEFAULT '' NOT NULL")
    # one more scoring method ("per_case"): the CHECK on the method only widens, which every
    # stored row already meets, so its text is changed in place (SQLite's documented way for
    # a change that touches no stored content) instead of rebuilding a table others refer to
    old = "'bands','proportional')"
    con.execute("PRAGMA writable_schema = ON")
    con.execute("UPDATE sqlite_master SET sql = replace(sql, ?, ?) "
                "WHERE type = 'table' AND name = 'criterion'",
                (old, "'bands','proportional','per_case')"))
    (version,) = con.execute("PRAGMA schema_version").fetchone()
    con.execute(f"PRAGMA schema_version = {version + 1}")
    con.execute("PRAGMA writable_schema = OFF")


# Schema 6: the set's catalogue of bonus and penalty items.
SCHEMA_6_DDL = """
CREATE TABLE bonus_item (
	code VARCHAR(50) NOT NULL,
	kind VARCHAR(10) NOT NULL,
	name TEXT NOT NULL,
	max_points VARCHAR(40) NOT NULL,
	evidence_required BOOLEAN NOT NULL,
	appraiser_id INTEGER,
	guidance TEXT DEFAULT '' NOT NULL,
	position INTEGER NOT NULL,
	id INTEGER NOT NULL,
	uuid VARCHAR(36) NOT NULL,
	version INTEGER NOT NULL,
	created_at VARCHAR(32) NOT NULL,
	updated_at VARCHAR(32) NOT NULL,
	author VARCHAR(200) NOT NULL,
	deleted BOOLEAN NOT NULL,
	PRIMARY KEY (id),
	CONSTRAINT ck_bonus_item_kind CHECK (kind IN ('bonus','penalty')),
	FOREIGN KEY(appraiser_id) REFERENCES member (id),
	UNIQUE (uuid)
);
CREATE UNIQUE INDEX uq_bonus_item_code_live ON bonus_item (code) WHERE deleted = 0;
"""


def _v5_to_v6(con: sqlite3.Connection) -> None:
    """Schema 6: units' own packages, declared figures and the bonus catalogue. The package
    tables and the master's records of packages sent and merged name the unit a package
    belongs to (every older row is a member's); a score keeps the figure its points follow
    from (none before); a bonus or penalty line may name an item of the catalogue."""
    for table in ("package_info", "seal", "sent_package", "merged_package"):
        con.execute(f"ALTER TABLE {table} ADD COLUMN unit_code VARCHAR(50) DEFAULT '' NOT NULL")
    for column in ("self_figure", "appraisal_figure"):
        con.execute(f"ALTER TABLE score ADD COLUMN {column} TEXT DEFAULT '' NOT NULL")
    _run(con, SCHEMA_6_DDL)  # the bonus and penalty catalogue; older lines name no item
    con.execute("ALTER TABLE adjustment ADD COLUMN item_id INTEGER REFERENCES bonus_item (id)")



# Schema 7: the previous period's published results, copied in when linked, and the mapping of
# its units to this period's.
SCHEMA_7_DDL = """
CREATE TABLE previous_period (
	id INTEGER NOT NULL,
	province VARCHAR(200) NOT NULL,
	year INTEGER NOT NULL,
	file_name TEXT NOT NULL,
	content_sha256 VARCHAR(64) NOT NULL,
	linked_at VARCHAR(32) NOT NULL,
	author VARCHAR(200) NOT NULL,
	PRIMARY KEY (id)
);
CREATE TABLE previous_unit (
	code VARCHAR(50) NOT NULL,
	name VARCHAR(300) NOT NULL,
	block_code VARCHAR(50) NOT NULL,
	block_name VARCHAR(200) NOT NULL,
	ranked BOOLEAN NOT NULL,
	total VARCHAR(40) NOT NULL,
	index_value VARCHAR(40) NOT NULL,
	rank INTEGER,
	unit_id INTEGER,
	id INTEGER NOT NULL,
	uuid VARCHAR(36) NOT NULL,
	version INTEGER NOT NULL,
	created_at VARCHAR(32) NOT NULL,
	updated_at VARCHAR(32) NOT NULL,
	author VARCHAR(200) NOT NULL,
	deleted BOOLEAN NOT NULL,
	PRIMARY KEY (id),
	FOREIGN KEY(unit_id) REFERENCES unit (id),
	UNIQUE (uuid)
);
CREATE INDEX ix_previous_unit_unit_id ON previous_unit (unit_id);
CREATE UNIQUE INDEX uq_previous_unit_code_live ON previous_unit (code) WHERE deleted = 0;
CREATE TABLE previous_value (
	id INTEGER NOT NULL,
	previous_unit_id INTEGER NOT NULL,
	criterion_code VARCHAR(50) NOT NULL,
	max_points VARCHAR(40) NOT NULL,
	points VARCHAR(40) NOT NULL,
	PRIMARY KEY (id),
	CONSTRAINT uq_previous_value_unit_criterion UNIQUE (previous_unit_id, criterion_code),
	FOREIGN KEY(previous_unit_id) REFERENCES previous_unit (id)
);
"""


def _v6_to_v7(con: sqlite3.Connection) -> None:
    """Schema 7: a period may be linked to the previous one (none linked before); a score
    may hold the points expected mid-year (none before)."""
    _run(con, SCHEMA_7_DDL)
    con.execute("ALTER TABLE score ADD COLUMN expected_points VARCHAR(40)")


PERIOD_IDENTITY = ("issuer", "decision_number", "decision_date", "place", "signer_authority",
                   "signer_body", "signer_title", "signer_name")


def _period_identity_to_settings(con: sqlite3.Connection) -> None:
    """Schema 1 kept the document identity in period columns as well; schema 2 keeps it in the
    settings only. Values a file had move into settings it does not have yet."""
    row = dict(zip(PERIOD_IDENTITY, con.execute(
        f"SELECT {', '.join(PERIOD_IDENTITY)} FROM period").fetchone()))
    authority = []
    if row["decision_number"] or row["signer_name"]:  # a signature block was set up
        authority = [f"TM. {(row['signer_body'] or 'ỦY BAN NHÂN DÂN').upper()}"]
        if (row["signer_authority"] or "").strip().upper() == "KT.":
            authority.append("KT. CHỦ TỊCH")
    wanted = {"issuer": row["issuer"], "decision_number": row["decision_number"],
              "decision_date": row["decision_date"], "place": row["place"],
              "signer_authority": authority, "signer_title": row["signer_title"]
              if row["signer_name"] else "", "signer_name": row["signer_name"]}
    present = {k for (k,) in con.execute("SELECT key FROM setting WHERE deleted = 0")}
    now = datetime.now(UTC).isoformat(timespec="seconds")
    for key, value in wanted.items():
        if value and key not in present:
            con.execute("INSERT INTO setting (uuid, version, created_at, updated_at, author, "
                        "deleted, key, value) VALUES (?, 1, ?, ?, 'nâng cấp lược đồ 2', 0, ?, ?)",
                        (str(uuid.uuid4()), now, now, key,
                         json.dumps(value, ensure_ascii=False, sort_keys=True)))
    for column in PERIOD_IDENTITY:
        con.execute(f"ALTER TABLE period DROP COLUMN {column}")


MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {1: _v1_to_v2, 2: _v2_to_v3,
                                                                3: _v3_to_v4, 4: _v4_to_v5,
                                                                5: _v5_to_v6, 6: _v6_to_v7}
