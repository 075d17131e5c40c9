"""The machine-readable schema (data/datapackage.json) matches the code's field lists and the CSV headers."""

import csv
import json

from conftest import DATA

from doubling_analysis.data.schema import TABLES, datapackage, dictionary_markdown


def test_datapackage_json_is_up_to_date():
    # regenerate with: python -m doubling_analysis.data.schema data/datapackage.json
    committed = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    assert committed == json.loads(json.dumps(datapackage(), ensure_ascii=False))


def test_every_csv_header_matches_its_schema():
    package = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    for res in package["resources"]:
        with open(DATA / res["path"], encoding="utf-8", newline="") as fh:
            header = next(csv.reader(fh))
        assert header == [f["name"] for f in res["schema"]["fields"]], res["path"]


def test_foreign_keys_point_at_existing_resources():
    package = datapackage()
    names = {r["name"] for r in package["resources"]}
    for res in package["resources"]:
        fields = {f["name"] for f in res["schema"]["fields"]}
        for fk in res["schema"].get("foreignKeys", []):
            assert fk["fields"] in fields
            ref = fk["reference"]["resource"] or res["name"]
            assert ref in names
            assert fk["reference"]["fields"] in {f.name for f in TABLES[ref].fields}


def test_data_readme_documents_every_column():
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    assert readme.rstrip().endswith(dictionary_markdown().rstrip())
    for table in TABLES.values():
        assert f"`{table.file}`" in readme
        for f in table.fields:
            assert f"| `{f.name}` |" in readme, (table.file, f.name)


def test_concordance_relations_are_a_closed_list(tmp_path):
    """includes / included_in are new relation values; any other value is a located error (file, row, column)."""
    import shutil

    import doubling_analysis as da

    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    path = folder / "concordance.csv"
    text = path.read_text(encoding="utf-8")
    assert text.count(",included_in,") == 2
    report, _ = da.validate(folder)
    assert not [v for v in report.errors if v.file == "concordance.csv"]
    path.write_text(text.replace("main_revenue,revenue,2019,,included_in,", "main_revenue,revenue,2019,,contains,"))
    report, _ = da.validate(folder)
    bad = [v for v in report.errors if v.file == "concordance.csv"]
    # the main_revenue,revenue row is the 3rd line of the file: spreadsheet row 3
    assert len(bad) == 1 and (bad[0].row, bad[0].column, bad[0].value) == (3, "relation", "contains")
    assert "included_in" in bad[0].expected


def test_every_status_has_words_in_both_languages():
    # statuses are codes; their words are rendered at the edge (labels.py); projected is shown as such
    from doubling_analysis.data.schema import STATUSES
    from doubling_analysis.report.labels import status_label

    for s in STATUSES:
        assert status_label(s, "zh") != s  # Chinese words, not the code
        assert s in status_label(s, "en")
    assert status_label("projected", "en").startswith("projected") and "预计" in status_label("projected", "zh")
