"""koers analyse logit against statsmodels' Logit on several data sets: coefficients, standard
errors, p-values, 95% intervals, log-likelihoods and McFadden's R², to a relative 1e-8."""
import json
import os
import subprocess
import tempfile

import numpy as np
import pandas as pd
import pytest
import statsmodels.formula.api as smf

RTOL = 1e-8


def datasets():
    rng = np.random.default_rng(2022)
    n = 500
    numeric = pd.DataFrame({"x1": rng.normal(size=n), "x2": rng.uniform(0, 3, size=n)})
    numeric["y"] = (rng.uniform(size=n) < 1 / (1 + np.exp(-(-0.3 + 0.8 * numeric.x1 - 0.5 * numeric.x2)))).astype(int)
    yield "numeric", numeric, ["x1", "x2"]

    n = 2000
    lvv = pd.DataFrame({
        "city": rng.choice(["Amsterdam", "Eindhoven", "Groningen", "Rotterdam", "Utrecht"], size=n,
                           p=[.3, .12, .13, .2, .25]),
        "gender": rng.choice(["female", "male"], size=n, p=[.27, .73]),
        "agegroup": rng.choice(["18-29", "30-44", "45+"], size=n),
        "nationality": rng.choice(["AFG", "ERI", "MAR", "NGA", "other"], size=n),
    })
    eta = (-0.4 + 0.6 * (lvv.gender == "female") + 0.7 * lvv.nationality.isin(["ERI", "AFG"])
           + 0.5 * (lvv.city == "Eindhoven") - 0.3 * (lvv.city == "Rotterdam"))
    lvv["solution"] = (rng.uniform(size=n) < 1 / (1 + np.exp(-eta))).astype(int)
    yield "lvv", lvv.rename(columns={"solution": "y"}), ["gender", "agegroup", "nationality", "city"]

    n = 80
    small = pd.DataFrame({"dose": rng.uniform(0, 10, size=n), "group": rng.choice(["a", "b"], size=n)})
    small["y"] = (rng.uniform(size=n) < 1 / (1 + np.exp(-(-3 + 0.4 * small.dose)))).astype(int)
    yield "small", small, ["dose", "group"]


@pytest.mark.parametrize("name,data,covariates", list(datasets()), ids=lambda v: v if isinstance(v, str) else "")
def test_logit_matches_statsmodels(koers, name, data, covariates):
    folder = tempfile.mkdtemp(prefix="koers-logit-")
    path = os.path.join(folder, f"{name}.csv")
    data.to_csv(path, index=False)
    out = subprocess.run([koers["binary"], "analyse", "logit", "--input", path, "--outcome", "y",
                          "--covariates", ",".join(covariates)],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    ours = json.loads(out.stdout)

    terms = " + ".join(c if pd.api.types.is_numeric_dtype(data[c]) else f"C({c})" for c in covariates)
    reference = smf.logit(f"y ~ {terms}", data=data).fit(method="newton", tol=1e-14, maxiter=100, disp=0)
    # Koers keeps the covariates in the order given; patsy puts categorical terms first. Align by name.
    names = {n.replace("C(", "").replace(")[", "["): n for n in reference.params.index}
    assert sorted(ours["variables"]) == sorted(names)
    order = [names[v] for v in ours["variables"]]

    np.testing.assert_allclose(ours["coefficients"], reference.params[order].values, rtol=RTOL)
    np.testing.assert_allclose(ours["standardErrors"], reference.bse[order].values, rtol=RTOL)
    np.testing.assert_allclose(ours["pValues"], reference.pvalues[order].values, rtol=RTOL)
    np.testing.assert_allclose(np.array(ours["confidenceIntervals"]), reference.conf_int().loc[order].values, rtol=RTOL)
    np.testing.assert_allclose(ours["oddsRatios"], np.exp(reference.params[order].values), rtol=RTOL)
    np.testing.assert_allclose(ours["logLikelihood"], reference.llf, rtol=RTOL)
    np.testing.assert_allclose(ours["nullLogLikelihood"], reference.llnull, rtol=RTOL)
    np.testing.assert_allclose(ours["mcFaddenR2"], reference.prsquared, rtol=RTOL)
    assert ours["n"] == reference.nobs


def test_separation_is_refused_with_a_clear_message(koers):
    folder = tempfile.mkdtemp(prefix="koers-logit-")
    path = os.path.join(folder, "separated.csv")
    pd.DataFrame({"x": range(8), "y": [0, 0, 0, 0, 1, 1, 1, 1]}).to_csv(path, index=False)
    out = subprocess.run([koers["binary"], "analyse", "logit", "--input", path, "--outcome", "y", "--covariates", "x",
                          "--minimum-group", "1"],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode != 0 and "complete separation" in out.stderr


def km_datasets():
    from lifelines.datasets import load_waltons
    waltons = load_waltons()
    yield "waltons", pd.DataFrame({"t": waltons["T"], "e": waltons["E"]})
    rng = np.random.default_rng(7)
    n = 400  # whole days: many ties, as trajectory durations have
    t = np.floor(rng.exponential(300, size=n)) + 1
    c = np.floor(rng.uniform(30, 900, size=n))
    yield "ties", pd.DataFrame({"t": np.minimum(t, c), "e": (t <= c).astype(int)})
    yield "small", pd.DataFrame({"t": [5, 8, 8, 12, 16, 16, 20, 23, 27, 30, 30, 34],
                                 "e": [1, 1, 0, 1, 1, 1, 0, 1, 0, 1, 0, 0]})


@pytest.mark.parametrize("name,data", list(km_datasets()), ids=lambda v: v if isinstance(v, str) else "")
def test_kaplan_meier_matches_lifelines(koers, name, data):
    from lifelines import KaplanMeierFitter
    folder = tempfile.mkdtemp(prefix="koers-km-")
    path = os.path.join(folder, f"{name}.csv")
    data.to_csv(path, index=False)
    out = subprocess.run([koers["binary"], "analyse", "km", "--input", path, "--time", "t", "--event", "e"],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    ours = json.loads(out.stdout)
    kmf = KaplanMeierFitter().fit(data["t"], data["e"])
    times = ours["times"]
    np.testing.assert_allclose(times, sorted(data["t"].unique()), rtol=RTOL)
    np.testing.assert_allclose(ours["survival"], kmf.survival_function_.loc[times].values[:, 0], rtol=RTOL)
    ci = kmf.confidence_interval_.loc[times].values
    np.testing.assert_allclose(ours["lower"], ci[:, 0], rtol=RTOL)
    np.testing.assert_allclose(ours["upper"], ci[:, 1], rtol=RTOL)
    median = kmf.median_survival_time_
    assert (ours.get("median") is None and np.isinf(median)) or np.isclose(ours["median"], median, rtol=RTOL)


def cif_datasets():
    from sksurv.datasets import load_bmt
    _, bmt = load_bmt()  # bone-marrow transplants: relapse (1) against transplant-related death (2)
    yield "bmt", pd.DataFrame({"t": bmt["ftime"].astype(float), "e": bmt["status"].astype(int)})
    rng = np.random.default_rng(11)
    n = 600  # whole days, three outcome categories as at outflow: heavy ties between and within causes
    t = np.floor(rng.exponential(250, size=n)) + 1
    c = np.floor(rng.uniform(20, 800, size=n))
    cause = rng.choice([1, 2, 3], size=n, p=[.18, .41, .41])
    yield "outflow", pd.DataFrame({"t": np.minimum(t, c), "e": np.where(t <= c, cause, 0)})
    yield "small", pd.DataFrame({"t": [1, 1, 2, 2, 2, 3, 3, 4, 5, 5, 6, 7], "e": [1, 2, 0, 1, 1, 2, 0, 1, 2, 2, 0, 1]})


@pytest.mark.parametrize("name,data", list(cif_datasets()), ids=lambda v: v if isinstance(v, str) else "")
def test_cumulative_incidence_matches_scikit_survival(koers, name, data):
    from sksurv.nonparametric import cumulative_incidence_competing_risks
    folder = tempfile.mkdtemp(prefix="koers-cif-")
    path = os.path.join(folder, f"{name}.csv")
    data.to_csv(path, index=False)
    out = subprocess.run([koers["binary"], "analyse", "cif", "--input", path, "--time", "t", "--event", "e"],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    ours = json.loads(out.stdout)
    times, incidence, ci = cumulative_incidence_competing_risks(data["e"].values, data["t"].values, conf_type="log-log")
    np.testing.assert_allclose(ours["times"], times, rtol=RTOL)
    assert ours["causes"] == [str(k) for k in range(1, incidence.shape[0])]
    np.testing.assert_allclose(ours["anyCause"], incidence[0], rtol=RTOL)
    np.testing.assert_allclose(np.array(ours["incidence"]), incidence[1:], rtol=RTOL, atol=1e-15)
    np.testing.assert_allclose(np.array(ours["lower"]), ci[1:, 0], rtol=RTOL, atol=1e-15)
    np.testing.assert_allclose(np.array(ours["upper"]), ci[1:, 1], rtol=RTOL, atol=1e-15)


def test_cumulative_incidence_with_an_outcome_column_names_the_causes(koers):
    folder = tempfile.mkdtemp(prefix="koers-cif-")
    path = os.path.join(folder, "named.csv")
    pd.DataFrame({"days": [3, 3, 5, 8, 8, 9, 12, 15, 15, 20, 21, 30],
                  "ended": [1, 1, 0, 1, 1, 0, 1, 1, 1, 0, 1, 1],
                  "category": ["none", "durable", "", "semi", "none", "", "semi", "durable", "none", "", "semi",
                               "none"]}).to_csv(path, index=False)
    out = subprocess.run([koers["binary"], "analyse", "cif", "--input", path, "--time", "days", "--event", "ended",
                          "--outcome", "category"],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    ours = json.loads(out.stdout)
    assert ours["causes"] == ["durable", "none", "semi"]
    final = [curve[-1] for curve in ours["incidence"]]
    np.testing.assert_allclose(sum(final), ours["anyCause"][-1], rtol=1e-12)
