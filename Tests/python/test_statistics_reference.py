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
        "city": rng.choice(["Amsterdam", "Eindhoven", "Groningen", "Rotterdam", "Utrecht"], size=n, p=[.3, .12, .13, .2, .25]),
        "gender": rng.choice(["female", "male"], size=n, p=[.27, .73]),
        "agegroup": rng.choice(["18-29", "30-44", "45+"], size=n),
        "nationality": rng.choice(["AFG", "ERI", "MAR", "NGA", "other"], size=n),
    })
    eta = -0.4 + 0.6 * (lvv.gender == "female") + 0.7 * lvv.nationality.isin(["ERI", "AFG"]) + 0.5 * (lvv.city == "Eindhoven") - 0.3 * (lvv.city == "Rotterdam")
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
    out = subprocess.run([koers["binary"], "analyse", "logit", "--input", path, "--outcome", "y", "--covariates", ",".join(covariates)],
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
    out = subprocess.run([koers["binary"], "analyse", "logit", "--input", path, "--outcome", "y", "--covariates", "x", "--minimum-group", "1"],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode != 0 and "complete separation" in out.stderr
