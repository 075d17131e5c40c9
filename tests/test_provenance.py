"""Provenance: every quote occurs in its source and holds the figure recorded from it.

The data-wide checks read the CSV files with the csv module and plain string operations, independently of the
loader, so that a bug in the loader cannot hide a bad quote.
"""

import csv
import re

import pytest
from conftest import DATA

from doubling_analysis.data.provenance import chinese_numeral, number_forms, quote_holds_value, quote_in_source


def records(name):
    with open(DATA / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def source_texts():
    return {
        r["source_id"]: (DATA / "sources" / r["file"]).read_text(encoding="utf-8")
        for r in records("sources.csv")
        if r["file"]
    }


def squash(text):
    return re.sub(r"\s+", "", text)


def digits_in(quote):
    """Numbers written with digits in a quote, white-space separated cells kept apart."""
    return {float(m.replace(",", "")) for m in re.findall(r"\d[\d,]*(?:\.\d+)?", re.sub(r"\s+", " ", quote))}


def test_every_target_quote_is_in_its_source_file():
    texts = source_texts()
    urls = {r["source_id"]: r["url"] for r in records("sources.csv")}
    targets = records("targets.csv")
    from_files = [r for r in targets if r["source_id"] in texts]
    assert len(from_files) >= 230
    bad = [r["target_id"] for r in from_files if squash(r["quote"]) not in squash(texts[r["source_id"]])]
    assert bad == []
    # the others come from web pages: they must name one
    assert all(urls[r["source_id"]].startswith("http") for r in targets if r["source_id"] not in texts)


def test_every_target_quote_states_its_value():
    # digits as written, or Chinese numerals / tier words for the few targets written without digits
    words = {
        "零": 0,
        "一": 1,
        "两": 2,
        "二": 2,
        "三": 3,
        "五": 5,
        "十": 10,
        "万亿": 10000,
        "五千亿": 5000,
        "千亿": 1000,
        "百亿": 100,
        "倍": 2,
        "实现突破": 0,
    }
    bad = []
    for r in records("targets.csv"):
        for col in ("value", "value_high"):
            if not r[col]:
                continue
            v = float(r[col])
            if v in digits_in(r["quote"]):
                continue
            if any(w in r["quote"] and n == v for w, n in words.items()):
                continue
            bad.append((r["target_id"], col, r[col]))
    assert bad == []


def test_every_actual_quote_from_a_seed_is_in_the_seed():
    texts = source_texts()
    rows = [r for r in records("actuals.csv") if r["source_id"] in texts]
    assert all(squash(r["quote"]) in squash(texts[r["source_id"]]) for r in rows)


def test_every_actual_has_a_source_and_a_quote():
    ids = {r["source_id"] for r in records("sources.csv")}
    urls = {r["source_id"]: r["url"] for r in records("sources.csv")}
    for r in records("actuals.csv"):
        assert r["quote"].strip(), r
        assert r["source_id"] in ids, r
        if r["source_id"].startswith("web-"):
            assert r["source_url"] and urls[r["source_id"]] == r["source_url"], r


# ---- the helper functions, on hand-made examples ------------------------------------------------------------


@pytest.mark.parametrize(
    "n, text",
    [(0, "零"), (3, "三"), (10, "十"), (21, "二十一"), (105, "一百零五"), (1400, "一千四百"), (2600, "二千六百")],
)
def test_chinese_numeral(n, text):
    assert chinese_numeral(n) == text


def test_number_forms():
    assert {"1400", "1,400", "一千四百"} <= number_forms(1400.0, "亿元")
    assert "万亿" in number_forms(10000.0, "亿元")
    assert "万亿" not in number_forms(10000.0, "家")
    assert "倍" in number_forms(2.0, "× base")
    assert number_forms(8.5, "%") == {"8.5", "8.50"}
    assert "8.0" in number_forms(8.0, "%") and "20,210.78" in number_forms(20210.78, "亿元")


@pytest.mark.parametrize(
    "quote, value, expected",
    [
        ("全市规上工业营业收入突破1400亿元", 1400, True),
        ("乐平市\n\t8.7 \n\t550", 550, True),  # table cells separated by white space
        ("乐平市\n\t8.7 \n\t550", 7550, False),  # ... are not one number
        ("乐平市\n\t8.7 \n\t550", 7, False),  # 7 is part of 8.7
        ("实现营业收入14000亿元", 1400, False),  # 1400 is part of 14000
        ("力争3-5家以上企业境内外上市", 5, True),
        ("新增上市企业1-2家", 2, True),
        ("矿产资源,14个千亿产业", 14, True),  # a comma before the number is punctuation here
        ("2017 20,210.78 2,993.39 8.8", 20210.78, True),
        ("增加值同比下降13.5%", -13.5, True),  # 下降 states a negative change
        ("增加值同比增长13.5%", -13.5, False),
        ("营收突破千億元", 1000, True),  # traditional characters on mirror sites
    ],
)
def test_quote_holds_value(quote, value, expected):
    assert quote_holds_value(quote, value, None) is expected


def test_quote_in_source_ignores_white_space():
    source = "规模以上工业企业年营业收入突\n\n破 400亿元"
    assert quote_in_source("营业收入突破400亿元", source)
    assert not quote_in_source("营业收入超过400亿元", source)
