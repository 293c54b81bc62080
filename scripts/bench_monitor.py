"""The monitor benchmark: Koers against DuckDB (the monitor's tables) and statsmodels (the logistic
regression) on the same data, in one run. Prints a table of wall times and ratios.

Driven by scripts/bench-monitor.sh, which builds Koers in release mode first. Koers's steps time
themselves (`koers bench ...` prints JSON), so process start-up is not counted on either side.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

import duckdb
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf

# The orders of the Swift enums the monitor's rows follow (KoersCore); the comparison below fails
# loudly if they drift apart.
CATEGORIES = ["durable", "semiDurable", "none"]
REASONS = ["permitGranted", "independentDeparture", "onwardMigration", "hasaSubmitted", "article64",
           "leftUnknown", "nonCooperation", "deadlineReached", "removedFromShelter", "other"]
PERSPECTIVES = ["return", "legalisation", "onwardMigration", "underInvestigation", "none"]
SUPPORT = ["shelter24h", "shelterNight", "ownNetworkAllowance", "legalScreening", "legalAssistance", "activation",
           "socialSupport", "futureOrientationEmpowerment", "futureOrientationReturn", "careAccess"]
REJECTIONS = ["lawfulStay", "stateReception", "asylumPending", "notWilling", "activeElsewhere", "noRegionalTies",
              "seriousEntryBan", "safeCountry", "freshRejection", "criminalRecord", "other"]
GENDERS = ["female", "male", "other"]


def koers(binary, *arguments):
    out = subprocess.run([binary, "bench", *arguments], check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


# The facts files DuckDB reads, each with its columns' types; in those marked, an empty field is NULL.
FACT_FILES = {
    "trajectories": {
        "trajectory_id": "UUID", "person_id": "UUID", "location_id": "UUID", "transferred_from": "UUID",
        "transferred_on": "DATE", "gender": "VARCHAR", "birth_year": "INTEGER", "nationality": "VARCHAR",
        "referred_on": "DATE", "admission_on": "DATE", "admission": "VARCHAR", "rejection_reason": "VARCHAR",
        "hasa_submitted_on": "DATE", "hasa_decided_on": "DATE", "hasa_outcome": "VARCHAR", "outflow_on": "DATE",
        "outcome": "VARCHAR", "outcome_reason": "VARCHAR",
    },
    "perspectives": {"trajectory_id": "UUID", "on": "DATE", "perspective": "VARCHAR"},
    "support": {"trajectory_id": "UUID", "instrument": "VARCHAR", "from": "DATE"},
    "milestones": {"trajectory_id": "UUID", "due": "DATE", "met": "DATE"},
    "escalations": {"trajectory_id": "UUID", "on": "DATE"},
    "locations": {"id": "UUID", "name": "VARCHAR"},
}
EMPTY_IS_NULL = {"trajectories", "milestones"}


def duckdb_load(folder):
    con = duckdb.connect()
    con.execute("PRAGMA threads=%d" % os.cpu_count())
    start = time.perf_counter()
    for name, columns in FACT_FILES.items():
        types = ", ".join(f"'{column}': '{kind}'" for column, kind in columns.items())
        nulls = "nullstr='', " if name in EMPTY_IS_NULL else ""
        con.execute(f"CREATE TABLE {name} AS SELECT * FROM read_csv('{folder}/{name}.csv', header=true, "
                    f"{nulls}columns={{{types}}})")
    return con, time.perf_counter() - start


def duckdb_monitor(con, peildatum):
    """The monitor's raw counts on one reference date: {table: {(row, column): count}}, interior cells only."""
    p = f"DATE '{peildatum}'"
    as_of = f"({p} - INTERVAL 1 DAY)"
    start = time.perf_counter()
    con.execute(f"""CREATE OR REPLACE TEMP TABLE base AS
        SELECT t.*, l.name AS loc,
               coalesce(admission IN ('admit', 'admitByException') AND admission_on < {p}, false) AS admitted,
               coalesce(outflow_on < {p}, false) AS gone
        FROM trajectories t
        JOIN locations l ON l.id = CASE WHEN transferred_from IS NOT NULL AND transferred_on >= {p}
                                        THEN transferred_from ELSE location_id END""")
    counts = {}

    def table(name, sql):
        counts[name] = {(str(row), str(column)): n for row, column, n in con.execute(sql).fetchall()}

    headline = con.execute(f"""SELECT loc,
            count(*) FILTER (referred_on < {p}), count(*) FILTER (admitted), count(*) FILTER (admitted AND NOT gone),
            count(*) FILTER (hasa_submitted_on < {p}), count(*) FILTER (hasa_decided_on < {p}),
            count(*) FILTER (hasa_decided_on < {p} AND hasa_outcome = 'granted'),
            count(*) FILTER (transferred_from IS NOT NULL AND transferred_on < {p})
        FROM base GROUP BY loc""").fetchall()
    cells = {}
    for loc, *values in headline:
        for row, n in enumerate(values):
            cells[(row, loc)] = n
    for loc, n in con.execute(f"""SELECT b.loc, count(*) FROM escalations e JOIN base b USING (trajectory_id)
            WHERE e."on" < {p} GROUP BY ALL""").fetchall():
        cells[(7, loc)] = n
    for loc, n in con.execute(f"""SELECT b.loc, count(*) FROM milestones m JOIN base b USING (trajectory_id)
            WHERE m.met < {p} GROUP BY ALL""").fetchall():
        cells[(8, loc)] = n
    for loc, n in con.execute(f"""SELECT b.loc, count(*) FROM milestones m JOIN base b USING (trajectory_id)
            WHERE b.admitted AND NOT b.gone AND m.due < {as_of} AND (m.met IS NULL OR m.met > {as_of})
            GROUP BY ALL""").fetchall():
        cells[(9, loc)] = n
    counts["headline"] = {(str(r), l): n for (r, l), n in cells.items()}
    admitted_persons = con.execute("SELECT count(DISTINCT person_id) FROM base WHERE admitted").fetchone()[0]
    counts["persons"] = {("0", "all"): admitted_persons}
    table("inflow", """SELECT year(admission_on) || ' K' || quarter(admission_on), loc, count(*) FROM base
        WHERE admitted GROUP BY ALL""")
    left = "gone AND outcome IS NOT NULL"
    table("outflow", f"""SELECT year(outflow_on) || ' K' || quarter(outflow_on), loc, count(*) FROM base
        WHERE {left} GROUP BY ALL""")
    table("outcomeCategory", f"SELECT outcome, loc, count(*) FROM base WHERE {left} GROUP BY ALL")
    table("outcomeReason", f"""SELECT coalesce(outcome_reason, 'other'), loc, count(*) FROM base
        WHERE {left} GROUP BY ALL""")
    table("perspective", f"""SELECT coalesce(p.perspective, 'none'), b.loc, count(*) FROM base b
        LEFT JOIN (SELECT trajectory_id, arg_max(perspective, "on") AS perspective FROM perspectives
                   WHERE "on" <= {as_of} GROUP BY ALL) p USING (trajectory_id)
        WHERE b.admitted AND NOT b.gone GROUP BY ALL""")
    table("support", f"""SELECT s.instrument, b.loc, count(*) FROM support s JOIN base b USING (trajectory_id)
        WHERE s."from" < {p} AND b.admitted GROUP BY ALL""")
    table("rejections", f"""SELECT coalesce(rejection_reason, 'other'), loc, count(*) FROM base
        WHERE admission = 'reject' AND admission_on < {p} GROUP BY ALL""")
    table("duration", f"""SELECT CASE WHEN d < 91 THEN 0 WHEN d < 182 THEN 1 WHEN d < 365 THEN 2
                                      WHEN d < 730 THEN 3 ELSE 4 END, loc, count(*)
        FROM (SELECT coalesce(datediff('day', admission_on, outflow_on), 0) AS d, loc FROM base WHERE {left})
        GROUP BY ALL""")
    table("outcomeByGender", f"""SELECT CASE WHEN gender IN ('female', 'male') THEN gender ELSE 'other' END,
               outcome, count(*)
        FROM base WHERE {left} GROUP BY ALL""")
    table("outcomeByNationality", f"""WITH top AS (SELECT nationality FROM base WHERE outflow_on IS NOT NULL
                       GROUP BY nationality ORDER BY count(*) DESC, nationality LIMIT 6)
        SELECT CASE WHEN nationality IN (SELECT nationality FROM top) THEN nationality ELSE 'other' END,
               outcome, count(*)
        FROM base WHERE {left} GROUP BY ALL""")
    return counts, time.perf_counter() - start


def compare(published, counts):
    """Every cell Koers published equals DuckDB's count (margins summed here). Returns (cells compared, mismatches)."""
    locations = published["locations"]
    compared, mismatches = 0, []
    for t in published["tables"]:
        tid, rows, columns, cells = t["id"], t["rows"], t["columns"], t["cells"]
        raw = counts[tid]
        if tid == "persons":
            keys_r, keys_c = ["0"], ["all"]
        elif tid == "headline":
            keys_r, keys_c = [str(i) for i in range(10)], locations
        else:
            keys_r = {"inflow": rows[:-1], "outflow": rows[:-1], "outcomeCategory": CATEGORIES,
                      "outcomeReason": REASONS, "perspective": PERSPECTIVES, "support": SUPPORT,
                      "rejections": REJECTIONS, "duration": [str(i) for i in range(5)], "outcomeByGender": GENDERS,
                      "outcomeByNationality": [r if r != "Overig" else "other" for r in rows[:-1]]}[tid]
            keys_c = CATEGORIES if tid.startswith("outcomeBy") else locations
        for r, row in enumerate(rows):
            for c, column in enumerate(columns):
                value = cells[r][c]
                if value is None:
                    continue
                rs = keys_r if r >= len(keys_r) else [keys_r[r]]
                cs = keys_c if c >= len(keys_c) else [keys_c[c]]
                expected = sum(raw.get((rk, ck), 0) for rk in rs for ck in cs)
                compared += 1
                if expected != value:
                    mismatches.append((tid, row, column, value, expected))
    return compared, mismatches


def statsmodels_logit(path, outcome):
    start = time.perf_counter()
    frame = pd.read_csv(path, dtype={"gender": str, "age": str, "nationality": str, "location": str})
    read = time.perf_counter() - start
    start = time.perf_counter()
    model = smf.logit(f"{outcome} ~ C(gender) + C(age) + C(nationality) + C(location)", data=frame)
    design = time.perf_counter() - start
    start = time.perf_counter()
    result = model.fit(method="newton", disp=0, maxiter=100)
    fit = time.perf_counter() - start
    names = [n.replace("C(", "").replace(")", "") for n in result.params.index]
    return {"read_seconds": read, "design_seconds": design, "fit_seconds": fit, "variables": names,
            "coefficients": list(result.params), "standard_errors": list(result.bse), "log_likelihood": result.llf}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/release/koers")
    parser.add_argument("--scale", type=int, default=480)
    parser.add_argument("--peildatum", default="2022-07-01")
    parser.add_argument("--folder", default=None)
    parser.add_argument("--reuse", action="store_true",
                        help="use the facts already in --folder (from an earlier run at the same scale)")
    arguments = parser.parse_args()
    folder = arguments.folder or tempfile.mkdtemp(prefix="koers-bench-")

    if arguments.reuse and os.path.exists(os.path.join(folder, "trajectories.csv")):
        print(f"Data: the facts already in {folder}", flush=True)
    else:
        generated = koers(arguments.binary, "facts", "--scale", str(arguments.scale), "--output", folder)
        print(f"Data: pilot-2022 × {arguments.scale}: {generated['records']:,} trajectories, "
              f"{generated['outflows']:,} outflows (generated in {generated['generate_seconds']:.1f} s) in {folder}",
              flush=True)

    mine = koers(arguments.binary, "monitor", "--facts", folder, "--peildatum", arguments.peildatum,
                 "--output", os.path.join(folder, "koers-report.json"))
    con, duck_load = duckdb_load(folder)
    counts, duck_monitor = duckdb_monitor(con, arguments.peildatum)
    published = json.load(open(os.path.join(folder, "koers-report.json")))
    compared, mismatches = compare(published, counts)

    logit = koers(arguments.binary, "logit", "--input", os.path.join(folder, "outflow.csv"), "--outcome", "solution",
                  "--covariates", "gender,age,nationality,location")
    reference = statsmodels_logit(os.path.join(folder, "outflow.csv"), "solution")
    by_name = dict(zip(reference["variables"], reference["coefficients"]))
    se_by_name = dict(zip(reference["variables"], reference["standard_errors"]))
    differences = [abs(c - by_name[v]) / max(abs(by_name[v]), 1e-12)
                   for v, c in zip(logit["variables"], logit["coefficients"])]
    se_differences = [abs(s - se_by_name[v]) / se_by_name[v]
                      for v, s in zip(logit["variables"], logit["standard_errors"])]

    rows = [
        ("Monitor, one reference date: compute", "Koers (all 13 quarterly reports + suppression)",
         mine["monitor_seconds"], "DuckDB (one date's counts, no suppression)", duck_monitor),
        ("Monitor: load the facts", "Koers (CSV → records)", mine["read_seconds"],
         "DuckDB (read_csv → tables)", duck_load),
        ("Monitor: load + compute", "Koers", mine["read_seconds"] + mine["monitor_seconds"],
         "DuckDB", duck_load + duck_monitor),
        (f"Logit, n = {logit['n']:,}, {len(logit['variables'])} parameters: fit", "Koers", logit["fit_seconds"],
         "statsmodels (Newton)", reference["fit_seconds"]),
        ("Logit: design matrix + fit", "Koers", logit["design_seconds"] + logit["fit_seconds"],
         "statsmodels (patsy + Newton)", reference["design_seconds"] + reference["fit_seconds"]),
    ]
    print()
    print(f"{'step':<46} {'Koers':>9} {'reference':>10} {'Koers/ref':>10}   reference tool")
    for step, _, k, tool, r in rows:
        print(f"{step:<46} {k:>8.3f}s {r:>9.3f}s {k / r:>10.2f}   {tool}")
    print()
    print(f"Published cells checked against DuckDB: {compared:,}, mismatches: {len(mismatches)}")
    for m in mismatches[:10]:
        print("  mismatch", m)
    print(f"Logit coefficients vs statsmodels: max relative difference {max(differences):.1e}; "
          f"standard errors {max(se_differences):.1e}; "
          f"log-likelihood {logit['log_likelihood']:.6f} vs {reference['log_likelihood']:.6f}")
    ok = not mismatches and max(differences) < 1e-6 and mine["monitor_seconds"] < 2
    print("Targets: monitor < 2 s:", "met" if mine["monitor_seconds"] < 2 else "NOT met",
          "| monitor ≤ DuckDB:", "met" if mine["monitor_seconds"] <= duck_monitor else "NOT met",
          "| logit fit ≤ statsmodels:", "met" if logit["fit_seconds"] <= reference["fit_seconds"] else "NOT met")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
