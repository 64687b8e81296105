"""Full-text search over incidents and the articles that reported them.

On SQLite with FTS5 (every Python build since 3.9 ships it) two FTS5 tables index the words:
``incident_search`` holds each incident's summary, place, perpetrator and categories, and
``article_search`` each article's title and text. Triggers keep them in step with the
``incidents`` and ``articles`` tables, so every writer (CLI ingest, web API, dedup) updates
the index without knowing it exists. Each FTS row is tied to its record through a small
docid table with an INTEGER PRIMARY KEY, because an ordinary table's implicit rowid may be
renumbered by VACUUM.

On PostgreSQL two GIN expression indexes over ``to_tsvector('simple', ...)`` of the same
text (the incident's fields; an article's title and text) serve ``@@ to_tsquery`` with every
word as a prefix (``bomb:*``). The 'simple' configuration neither stems nor drops stop words,
so a query finds what it finds on SQLite; unlike FTS5 it keeps diacritics.

Elsewhere (a SQLite built without FTS5, another database) :func:`text_clause` falls back to
case-insensitive substring matching of every word, which gives the same answers on small
stores, only slower.
"""

from __future__ import annotations

import re

from sqlalchemy import ColumnElement, Engine, String, and_, exists, or_, text
from sqlalchemy.exc import OperationalError

from incidex.store.tables import ArticleRow, IncidentArticleRow, IncidentRow

#: Words of a query: runs of letters and digits. Everything else (quotes, operators,
#: punctuation) is dropped, so no query can be an FTS5 syntax error.
_WORD = re.compile(r"\w+", re.UNICODE)

#: Queries with more words than this are cut: each word is one more index lookup.
MAX_QUERY_WORDS = 16

_INCIDENT_BODY = (
    "coalesce({r}.summary, '') || ' ' || coalesce({r}.city, '') || ' ' || "
    "coalesce({r}.admin1, '') || ' ' || coalesce({r}.country, '') || ' ' || "
    "coalesce({r}.perpetrator, '') || ' ' || coalesce({r}.attack_type, '') || ' ' || "
    "coalesce({r}.weapon_type, '') || ' ' || coalesce({r}.target_type, '')"
)

#: PostgreSQL: the documents, as the expression indexes and the queries both spell them.
_PG_INCIDENT_DOC = "to_tsvector('simple'::regconfig, " + _INCIDENT_BODY.replace("{r}.", "") + ")"
_PG_ARTICLE_DOC = "to_tsvector('simple'::regconfig, coalesce({a}title, '') || ' ' || {a}text)"
_PG_INDEXES = {
    "ix_incidents_fulltext": f"CREATE INDEX IF NOT EXISTS ix_incidents_fulltext ON incidents"
    f" USING gin (({_PG_INCIDENT_DOC}))",
    "ix_articles_fulltext": f"CREATE INDEX IF NOT EXISTS ix_articles_fulltext ON articles"
    f" USING gin (({_PG_ARTICLE_DOC.format(a='')}))",
}
_PG_MATCH = text(
    f"SELECT id AS incident_id FROM incidents WHERE {_PG_INCIDENT_DOC}"
    " @@ to_tsquery('simple'::regconfig, :ts_query)"
    " UNION SELECT ia.incident_id FROM incident_articles ia"
    " JOIN articles ON articles.id = ia.article_id"
    f" WHERE {_PG_ARTICLE_DOC.format(a='articles.')}"
    " @@ to_tsquery('simple'::regconfig, :ts_query)"
)

_DDL = [
    "CREATE TABLE IF NOT EXISTS incident_search_docs ("
    " docid INTEGER PRIMARY KEY, incident_id TEXT NOT NULL UNIQUE)",
    "CREATE TABLE IF NOT EXISTS article_search_docs ("
    " docid INTEGER PRIMARY KEY, article_id TEXT NOT NULL UNIQUE)",
    "CREATE VIRTUAL TABLE IF NOT EXISTS incident_search USING fts5("
    " body, tokenize = 'unicode61 remove_diacritics 2')",
    "CREATE VIRTUAL TABLE IF NOT EXISTS article_search USING fts5("
    " title, body, tokenize = 'unicode61 remove_diacritics 2')",
    # incidents: insert, rewrite (every upsert), delete
    "CREATE TRIGGER IF NOT EXISTS incident_search_ai AFTER INSERT ON incidents BEGIN"
    " INSERT OR IGNORE INTO incident_search_docs (incident_id) VALUES (new.id);"
    " INSERT INTO incident_search (rowid, body) SELECT docid, "
    + _INCIDENT_BODY.format(r="new")
    + " FROM incident_search_docs WHERE incident_id = new.id; END",
    "CREATE TRIGGER IF NOT EXISTS incident_search_au AFTER UPDATE ON incidents BEGIN"
    " DELETE FROM incident_search WHERE rowid IN"
    " (SELECT docid FROM incident_search_docs WHERE incident_id = old.id);"
    " DELETE FROM incident_search_docs WHERE incident_id = old.id;"
    " INSERT INTO incident_search_docs (incident_id) VALUES (new.id);"
    " INSERT INTO incident_search (rowid, body) SELECT docid, "
    + _INCIDENT_BODY.format(r="new")
    + " FROM incident_search_docs WHERE incident_id = new.id; END",
    "CREATE TRIGGER IF NOT EXISTS incident_search_ad AFTER DELETE ON incidents BEGIN"
    " DELETE FROM incident_search WHERE rowid IN"
    " (SELECT docid FROM incident_search_docs WHERE incident_id = old.id);"
    " DELETE FROM incident_search_docs WHERE incident_id = old.id; END",
    # articles are written once and never rewritten; they may be deleted
    "CREATE TRIGGER IF NOT EXISTS article_search_ai AFTER INSERT ON articles BEGIN"
    " INSERT OR IGNORE INTO article_search_docs (article_id) VALUES (new.id);"
    " INSERT INTO article_search (rowid, title, body) SELECT docid, coalesce(new.title, ''),"
    " new.text FROM article_search_docs WHERE article_id = new.id; END",
    "CREATE TRIGGER IF NOT EXISTS article_search_ad AFTER DELETE ON articles BEGIN"
    " DELETE FROM article_search WHERE rowid IN"
    " (SELECT docid FROM article_search_docs WHERE article_id = old.id);"
    " DELETE FROM article_search_docs WHERE article_id = old.id; END",
]

#: Index rows written for records stored before the index existed (an older database).
_BACKFILL = [
    "INSERT OR IGNORE INTO incident_search_docs (incident_id) SELECT id FROM incidents",
    "INSERT INTO incident_search (rowid, body) SELECT d.docid, "
    + _INCIDENT_BODY.format(r="i")
    + " FROM incidents i JOIN incident_search_docs d ON d.incident_id = i.id"
    " WHERE d.docid NOT IN (SELECT rowid FROM incident_search)",
    "INSERT OR IGNORE INTO article_search_docs (article_id) SELECT id FROM articles",
    "INSERT INTO article_search (rowid, title, body) SELECT d.docid, coalesce(a.title, ''),"
    " a.text FROM articles a JOIN article_search_docs d ON d.article_id = a.id"
    " WHERE d.docid NOT IN (SELECT rowid FROM article_search)",
]

_MATCH = text(
    "SELECT d.incident_id FROM incident_search_docs d WHERE d.docid IN"
    " (SELECT rowid FROM incident_search WHERE incident_search MATCH :fts_query)"
    " UNION SELECT ia.incident_id FROM incident_articles ia"
    " JOIN article_search_docs ad ON ad.article_id = ia.article_id WHERE ad.docid IN"
    " (SELECT rowid FROM article_search WHERE article_search MATCH :fts_query)"
)


def enable_text_search(engine: Engine) -> bool:
    """Create the FTS5 index and its triggers if this database can have them; True if it has.

    Cheap when the index exists; otherwise the records stored before it (an older database)
    are indexed here, in the same transaction as the tables and triggers.
    """
    if engine.dialect.name == "postgresql":
        with engine.begin() as connection:
            for statement in _PG_INDEXES.values():
                connection.exec_driver_sql(statement)
        return True
    if engine.dialect.name != "sqlite":
        return False
    if has_text_search(engine):
        return True
    try:
        with engine.begin() as connection:
            for statement in _DDL:
                connection.exec_driver_sql(statement)
            for statement in _BACKFILL:
                connection.exec_driver_sql(statement)
    except OperationalError as exc:  # "no such module: fts5"
        if "fts5" in str(exc).lower():
            return False
        raise
    return True


def has_text_search(engine: Engine) -> bool:
    """Whether :func:`enable_text_search` has run on this database."""
    if engine.dialect.name == "postgresql":
        with engine.connect() as connection:
            found = connection.execute(
                text("SELECT count(*) FROM pg_indexes WHERE schemaname = current_schema()"
                     " AND indexname IN ('ix_incidents_fulltext', 'ix_articles_fulltext')")
            ).scalar()
        return found == 2
    if engine.dialect.name != "sqlite":
        return False
    with engine.connect() as connection:
        found = connection.exec_driver_sql(
            "SELECT count(*) FROM sqlite_master WHERE name IN ('incident_search', "
            "'article_search', 'incident_search_au', 'article_search_ai')"
        ).scalar()
    return found == 4


def query_words(query: str) -> list[str]:
    return _WORD.findall(query)[:MAX_QUERY_WORDS]


def fts_query(query: str) -> str:
    """An FTS5 query that finds records with every word of ``query``, each word as a prefix
    ("bomb" finds bomber and bombing)."""
    return " ".join(f'"{word}"*' for word in query_words(query))


def ts_query(query: str) -> str:
    """A PostgreSQL tsquery with every word of ``query`` as a prefix: ``bomb:* & kabul:*``."""
    return " & ".join(f"{word.lower()}:*" for word in query_words(query))


def text_clause(query: str, fts: bool, dialect: str = "sqlite") -> ColumnElement[bool]:
    """Incidents whose record or any reporting article contains every word of ``query``.

    A query with no words matches everything (the filter is then no filter). ``fts`` says the
    database has its full-text index; ``dialect`` which kind it is.
    """
    words = query_words(query)
    if not words:
        return IncidentRow.id.is_not(None)
    if fts and dialect == "postgresql":
        matching = _PG_MATCH.bindparams(ts_query=ts_query(query)).columns(incident_id=String)
        return IncidentRow.id.in_(matching)
    if fts:
        matching = _MATCH.bindparams(fts_query=fts_query(query)).columns(incident_id=String)
        return IncidentRow.id.in_(matching)
    return and_(*(_word_clause(word) for word in words))


def _word_clause(word: str) -> ColumnElement[bool]:
    row = IncidentRow
    in_record = or_(
        *(
            column.icontains(word, autoescape=True)
            for column in (
                row.summary, row.city, row.admin1, row.country, row.perpetrator,
                row.attack_type, row.weapon_type, row.target_type,
            )
        )
    )
    in_article = exists().where(
        IncidentArticleRow.incident_id == row.id,
        ArticleRow.id == IncidentArticleRow.article_id,
        or_(ArticleRow.text.icontains(word, autoescape=True),
            ArticleRow.title.icontains(word, autoescape=True)),
    )
    return or_(in_record, in_article)


__all__ = ["enable_text_search", "fts_query", "has_text_search", "query_words", "text_clause", "ts_query"]
