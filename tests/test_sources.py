"""Readers: each input kind, each bad-input error, batches that survive bad files."""

from __future__ import annotations

import codecs
import datetime as dt
import io
import json
import shutil
import sys
from pathlib import Path

import pytest

from incidex.article import Article
from incidex.errors import (
    BinaryInputError,
    DecodeError,
    EmptyInputError,
    IncidexError,
    InputError,
    InputTooLargeError,
    MalformedRecordError,
    NotAFeedError,
    UnsupportedInputError,
)
from incidex.sources import (
    ReadOptions,
    article_from_text,
    detect_kind,
    iter_articles,
    parse_date,
    read_articles,
)

FIXTURES = Path(__file__).parent / "fixtures" / "sources"
SAMPLES = Path(__file__).parent.parent / "src" / "incidex" / "samples" / "articles.jsonl"


def read_all(
    path: str | Path, options: ReadOptions | None = None
) -> tuple[list[Article], list[IncidexError]]:
    errors: list[IncidexError] = []
    articles = list(read_articles(path, options, on_error=errors.append))
    return articles, errors


# --- plain text -----------------------------------------------------------------------------


def test_text_file_is_one_article_with_the_default_date() -> None:
    options = ReadOptions(published=dt.date(2019, 6, 15))
    [article] = read_articles(FIXTURES / "report.txt", options)
    assert article.text.startswith("Gunmen stormed a police checkpoint outside Maiduguri")
    assert article.text.endswith("nearly an hour.")
    assert article.published == dt.date(2019, 6, 15)
    assert article.origin == str(FIXTURES / "report.txt")
    assert article.id.startswith("art-")


def test_same_text_read_twice_gets_the_same_id(tmp_path: Path) -> None:
    original = (FIXTURES / "report.txt").read_text(encoding="utf-8")
    copy = tmp_path / "copy.txt"
    copy.write_text("\r\n\n  " + original.replace("\n", "\r\n") + "\n\n", encoding="utf-8")
    [a] = read_articles(FIXTURES / "report.txt")
    [b] = read_articles(copy)
    assert a.id == b.id
    assert a.text == b.text  # line ends unified, outer white space dropped
    assert a.id == article_from_text(original).id


def test_stdin_is_read_for_dash(monkeypatch: pytest.MonkeyPatch) -> None:
    data = b"Three soldiers were killed in Sirte on Sunday, officials said.\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    [article] = read_articles("-", ReadOptions(published=dt.date(2020, 2, 3)))
    assert article.text == "Three soldiers were killed in Sirte on Sunday, officials said."
    assert article.origin == "<stdin>"
    assert article.published == dt.date(2020, 2, 3)


def test_stdin_content_is_sniffed(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [{"text": "A bomb went off in Quetta."}, {"text": "Gunmen attacked a bus in Sindh."}]
    data = "\n".join(json.dumps(line) for line in lines).encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert [a.text for a in read_articles("-")] == [line["text"] for line in lines]


def test_an_article_reads_an_iso_publication_date_and_refuses_anything_else() -> None:
    assert Article(text="x", published="2020-10-05").published == dt.date(2020, 10, 5)  # type: ignore[arg-type]
    assert Article(text="x", published="2020-10-05T09:30:00+00:00").published == dt.date(2020, 10, 5)  # type: ignore[arg-type]
    assert Article(text="x", published=dt.date(2020, 10, 5)).published == dt.date(2020, 10, 5)
    with pytest.raises(ValueError, match="ISO 8601"):
        Article(text="x", published="last Sunday")  # type: ignore[arg-type]


def test_article_from_text() -> None:
    article = article_from_text(
        "  Police said two were killed.\r\n",
        published="August 21, 2018",
        url="https://example.org/a",
        title="Two killed",
        source="Example",
        id="x-1",
    )
    assert article.text == "Police said two were killed."
    assert article.published == dt.date(2018, 8, 21)
    assert (article.id, article.url, article.title, article.source) == (
        "x-1",
        "https://example.org/a",
        "Two killed",
        "Example",
    )
    with pytest.raises(EmptyInputError):
        article_from_text(" \n\t ")
    with pytest.raises(InputError, match="as a date"):
        article_from_text("Some text.", published="next week sometime")


# --- HTML -----------------------------------------------------------------------------------


def test_html_main_text_and_metadata() -> None:
    [article] = read_articles(FIXTURES / "report.html", ReadOptions(published=dt.date(2000, 1, 1)))
    assert article.published == dt.date(2019, 3, 5)  # the page's own date beats the default
    assert article.title == "Car bomb kills five near Kabul police station"
    assert article.url == "https://news.example.org/2019/03/kabul-car-bomb"
    assert article.text.startswith("A car packed with explosives blew up outside a police station")
    assert "spring offensive" in article.text
    for boilerplate in ("Home", "Copyright", "tracking", "Sport"):
        assert boilerplate not in article.text


def test_html_without_date_uses_the_default(tmp_path: Path) -> None:
    page = tmp_path / "page.htm"
    page.write_text("<html><body><p>Gunmen attacked a convoy near Gao.</p></body></html>")
    [article] = read_articles(page, ReadOptions(published=dt.date(2021, 4, 4)))
    assert article.text == "Gunmen attacked a convoy near Gao."
    assert article.published == dt.date(2021, 4, 4)


def test_broken_html_still_gives_its_text(tmp_path: Path) -> None:
    page = tmp_path / "broken.html"
    page.write_text(
        "<html><head><title>Raid</title><body><div><p>Militants raided a village in Tillaberi"
        "<p>At least 12 people were killed, the governor said<b>"
    )
    [article] = read_articles(page)
    assert "Militants raided a village in Tillaberi" in article.text
    assert "At least 12 people were killed" in article.text


def test_html_with_no_text_is_empty(tmp_path: Path) -> None:
    page = tmp_path / "blank.html"
    page.write_text("<html><head><script>var x = 1;</script></head><body><div> </div></body>")
    with pytest.raises(EmptyInputError):
        list(read_articles(page))


def test_html_charset_declared_in_the_page(tmp_path: Path) -> None:
    page = tmp_path / "latin.html"
    html = (
        '<html><head><meta charset="iso-8859-1"></head><body>'
        "<p>L'attentat a eu lieu à Nice, a déclaré le préfet.</p></body></html>"
    )
    page.write_bytes(html.encode("iso-8859-1"))
    [article] = read_articles(page)
    assert article.text == "L'attentat a eu lieu à Nice, a déclaré le préfet."


# --- feeds ----------------------------------------------------------------------------------


def test_rss_items_become_articles() -> None:
    articles, errors = read_all(FIXTURES / "feed.rss", ReadOptions(published=dt.date(2000, 1, 1)))
    first, second = articles
    assert first.title == "Suicide bomber strikes market in Konduga"
    assert first.url == "https://wire.example.org/africa/konduga-market"
    assert first.published == dt.date(2019, 6, 17)
    assert first.source == "Example Wire: Africa"
    # the fuller content:encoded wins over the description, with its markup stripped
    assert first.text == (
        "Three suicide bombers blew themselves up outside a hall in Konduga, Borno state, on "
        "Sunday night, killing at least 30 people, emergency officials said.\n\n"
        "Police put the death toll at 17."
    )
    assert second.text == (
        "Al-Shabaab said on its Andalus radio station that its fighters carried out the attack "
        "on the hotel & restaurant."
    )
    assert (second.origin or "").endswith("feed.rss#2")
    [error] = errors  # the third item has neither text nor title
    assert isinstance(error, MalformedRecordError)
    assert error.source is not None and error.source.endswith("#3")


def test_atom_entry() -> None:
    [article] = read_articles(FIXTURES / "feed.atom")
    assert article.title == "Gunmen kidnap engineers in Sulu"
    assert article.url == "https://wire.example.org/asia/sulu-kidnap"
    assert article.published == dt.date(2020, 1, 9)
    assert article.text.startswith("Armed men seized two engineers")


def test_xml_that_is_not_a_feed() -> None:
    with pytest.raises(NotAFeedError):
        read_articles(FIXTURES / "not_a_feed.xml")


def test_rss_extension_on_a_web_page(tmp_path: Path) -> None:
    path = tmp_path / "news.rss"
    shutil.copy(FIXTURES / "report.html", path)
    with pytest.raises(NotAFeedError):
        read_articles(path)


# --- JSONL and CSV --------------------------------------------------------------------------


def test_jsonl_keeps_good_records_and_reports_bad_lines() -> None:
    articles, errors = read_all(
        FIXTURES / "articles.jsonl", ReadOptions(published=dt.date(2000, 1, 1))
    )
    baghdad, mosul = articles
    assert baghdad.id == "rec-1"
    assert baghdad.published == dt.date(2017, 5, 30)
    assert baghdad.source == "Example Wire"
    assert (baghdad.origin or "").endswith("articles.jsonl:1")
    assert mosul.id.startswith("art-")  # no id field: the content hash
    assert mosul.published == dt.date(2017, 5, 31)  # from "date": "May 31, 2017"
    assert (mosul.origin or "").endswith("articles.jsonl:5")
    assert all(isinstance(e, MalformedRecordError) for e in errors)
    assert [e.source.rsplit(":", 1)[1] for e in errors if e.source] == ["2", "3", "6"]
    assert "invalid JSON" in str(errors[0])
    assert "no 'text' field" in str(errors[1])


def test_jsonl_with_custom_field_names(tmp_path: Path) -> None:
    path = tmp_path / "custom.ndjson"
    record = {
        "doc": 17,
        "body": "Rebels burned a school in Ituri.",
        "when": "2022-03-01",
        "link": "u",
    }
    path.write_text(json.dumps(record) + "\n")
    options = ReadOptions(text_field="body", date_field="when", id_field="doc", url_field="link")
    [article] = read_articles(path, options)
    assert (article.id, article.text, article.published, article.url) == (
        "17",
        "Rebels burned a school in Ituri.",
        dt.date(2022, 3, 1),
        "u",
    )


def test_json_array_file(tmp_path: Path) -> None:
    path = tmp_path / "batch.json"
    path.write_text(
        json.dumps([{"text": "One."}, {"title": "no text"}, {"text": "Two."}], indent=2)
    )
    articles, errors = read_all(path)
    assert [a.text for a in articles] == ["One.", "Two."]
    [error] = errors
    assert error.source is not None and error.source.endswith("batch.json#2")


def test_csv_rows_with_line_numbers() -> None:
    articles, errors = read_all(FIXTURES / "articles.csv")
    bogota, quetta = articles
    assert bogota.id == "c-1"
    assert bogota.text.endswith("\nThe government blamed the ELN.")
    assert bogota.published == dt.date(2019, 1, 18)
    assert quetta.id.startswith("art-")  # empty id cell: the content hash
    assert quetta.published == dt.date(2019, 1, 20)
    assert (quetta.origin or "").endswith("articles.csv:6")
    assert [type(e) for e in errors] == [MalformedRecordError, MalformedRecordError]
    assert [e.source.rsplit(":", 1)[1] for e in errors if e.source] == ["4", "5"]
    assert "6 fields where the header has 5" in str(errors[0])


def test_csv_semicolons_and_tsv(tmp_path: Path) -> None:
    semicolons = tmp_path / "a.csv"
    semicolons.write_text(
        "titre;text;date\nNice;Un camion a foncé sur la foule, à Nice.;14/07/2016\n"
    )
    [article] = read_articles(semicolons)
    assert article.text == "Un camion a foncé sur la foule, à Nice."
    assert article.title is None  # the column is "titre", not "title"
    tabs = tmp_path / "b.tsv"
    tabs.write_text("text\tpublished\nA bomb, two dead.\t2016-07-15\n")
    [article] = read_articles(tabs)
    assert (article.text, article.published) == ("A bomb, two dead.", dt.date(2016, 7, 15))


def test_csv_without_the_text_column_fails_as_a_file(tmp_path: Path) -> None:
    path = tmp_path / "wrong.csv"
    path.write_text("headline,body\nBomb,A bomb exploded.\n")
    with pytest.raises(MalformedRecordError, match="no 'text' column"):
        read_articles(path)
    [article] = read_articles(path, ReadOptions(text_field="body"))
    assert article.text == "A bomb exploded."


# --- bad files ------------------------------------------------------------------------------


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  "])
def test_empty_files(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with pytest.raises(EmptyInputError):
        read_articles(path)


@pytest.mark.parametrize(
    "content",
    [
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
        b"PK\x03\x04\x14\x00\x06\x00",
        b"Police said \x00\x00 three were killed",
        bytes(range(1, 32)) * 20 + b"some text",
    ],
)
def test_binary_files(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "file.txt"
    path.write_bytes(content)
    with pytest.raises(BinaryInputError):
        read_articles(path)


def test_undecodable_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "garbage.txt"
    # 0x81, 0x8d, 0x8f, 0x90 and 0x9d are undefined in cp1252 and never start valid UTF-8
    path.write_bytes(b"Report: " + bytes(range(0x80, 0x100)) * 3)
    with pytest.raises(DecodeError):
        read_articles(path)
    monkeypatch.setitem(sys.modules, "charset_normalizer", None)  # the guesser is optional
    with pytest.raises(DecodeError):
        read_articles(path)


@pytest.mark.parametrize(
    "encoded",
    [
        codecs.BOM_UTF8 + "Attaque à Paris.".encode(),
        "Attaque à Paris.".encode("utf-16"),  # with its BOM
        codecs.BOM_UTF16_BE + "Attaque à Paris.".encode("utf-16-be"),
        "Attaque à Paris.".encode("utf-32"),
    ],
)
def test_byte_order_marks(tmp_path: Path, encoded: bytes) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(encoded)
    [article] = read_articles(path)
    assert article.text == "Attaque à Paris."


def test_cyrillic_code_page_is_guessed(tmp_path: Path) -> None:
    pytest.importorskip("charset_normalizer")
    path = tmp_path / "ru.txt"
    text = "Взрыв в Грозном: двое полицейских ранены, сообщили в МВД."
    path.write_bytes(text.encode("cp1251"))
    [article] = read_articles(path)
    assert article.text == text


def test_western_legacy_text_is_read_as_cp1252(tmp_path: Path) -> None:
    path = tmp_path / "fr.txt"
    path.write_bytes("Le café à Paris, déjà vu. Les élèves sont allés à l'école.".encode("cp1252"))
    [article] = read_articles(path)
    assert article.text == "Le café à Paris, déjà vu. Les élèves sont allés à l'école."


def test_too_large_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "big.txt"
    path.write_text("x" * 2000)

    def no_reading(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file was opened")

    monkeypatch.setattr(Path, "open", no_reading)
    with pytest.raises(InputTooLargeError, match="2,000 bytes"):
        read_articles(path, ReadOptions(max_bytes=1000))


def test_too_large_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"y" * 50)))
    with pytest.raises(InputTooLargeError):
        read_articles("-", ReadOptions(max_bytes=10))


def test_missing_file_and_unknown_kind(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_articles(tmp_path / "nope.txt")
    with pytest.raises(UnsupportedInputError):
        ReadOptions(kind="pdf")


def test_forced_kind_overrides_the_extension(tmp_path: Path) -> None:
    path = tmp_path / "export.dat"
    path.write_text("text,published\nGunmen killed a judge.,2015-02-02\n")
    assert [a.text for a in read_articles(path)] == [
        "text,published\nGunmen killed a judge.,2015-02-02"
    ]
    [article] = read_articles(path, ReadOptions(kind="csv"))
    assert (article.text, article.published) == ("Gunmen killed a judge.", dt.date(2015, 2, 2))


def test_detect_kind_by_content() -> None:
    assert detect_kind(None, "<?xml version='1.0'?><rss version='2.0'>") == "feed"
    assert detect_kind(None, "<!DOCTYPE html><html><body>") == "html"
    assert detect_kind(None, '{"text": "x"}\n') == "jsonl"
    assert detect_kind(None, "Police said on Monday...") == "text"
    assert detect_kind(Path("x.XML"), "Police said") == "feed"


# --- batches --------------------------------------------------------------------------------


def test_batch_goes_on_past_bad_files(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "report.txt", tmp_path / "a.txt")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "c.txt").write_text("   ")
    nested = tmp_path / "nested" / "deeper"
    nested.mkdir(parents=True)
    shutil.copy(FIXTURES / "articles.jsonl", nested / "d.jsonl")
    (tmp_path / "nested" / "notes.docx").write_bytes(b"PK\x03\x04")  # unknown extension: skipped
    (tmp_path / ".hidden.txt").write_text("hidden files are skipped")
    errors: list[IncidexError] = []
    articles = list(iter_articles([tmp_path, tmp_path / "missing.txt"], on_error=errors.append))
    assert [Path(a.origin or "").name for a in articles] == ["a.txt", "d.jsonl:1", "d.jsonl:5"]
    kinds = [type(e) for e in errors]
    assert kinds == [
        BinaryInputError,
        EmptyInputError,
        MalformedRecordError,
        MalformedRecordError,
        MalformedRecordError,
        InputError,
    ]


def test_batch_default_handler_logs(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    (tmp_path / "bad.csv").write_text("headline,body\nBomb,A bomb exploded.\n")
    shutil.copy(FIXTURES / "report.txt", tmp_path / "good.txt")
    articles = list(iter_articles([tmp_path / "bad.csv", tmp_path / "good.txt"]))
    assert len(articles) == 1
    assert "bad.csv" in caplog.text and "E105" in caplog.text


def test_bundled_samples_are_readable() -> None:
    articles, errors = read_all(SAMPLES)
    assert not errors
    assert [a.id for a in articles] == [f"sample-{n:02d}" for n in range(1, 7)]
    for article in articles:
        assert article.published is not None
        assert 150 <= len(article.text.split()) <= 400


# --- dates ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2018-08-21", dt.date(2018, 8, 21)),
        ("2018-08-21T23:30:00-05:00", dt.date(2018, 8, 21)),
        ("Tue, 21 Aug 2018 09:30:00 GMT", dt.date(2018, 8, 21)),
        ("August 21, 2018", dt.date(2018, 8, 21)),
        ("21 August 2018", dt.date(2018, 8, 21)),
        ("Aug. 21, 2018", dt.date(2018, 8, 21)),
        (1534843800, dt.date(2018, 8, 21)),
        (dt.datetime(2018, 8, 21, 10, 0), dt.date(2018, 8, 21)),
        ("August 2018", None),  # no day: not guessed
        ("yesterday", None),
        ("", None),
        ("0001-01-01", None),
        (None, None),
    ],
)
def test_parse_date(value: object, expected: dt.date | None) -> None:
    assert parse_date(value) == expected


def test_single_pretty_printed_json_object(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text(
        json.dumps({"text": "Gunmen killed a mayor in Guerrero.", "date": "2020-05-05"}, indent=2)
    )
    articles, errors = read_all(path)
    assert not errors
    assert [(a.text, a.published) for a in articles] == [
        ("Gunmen killed a mayor in Guerrero.", dt.date(2020, 5, 5))
    ]
