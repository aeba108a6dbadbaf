"""ParlGov (development version of 2023-11-04, CC0; Döring, Quaas, Hesse and Manow 2023).

Heads of government come from cabinet.csv: a cabinet is named after its prime minister's surname
("Rutte IV", "Trudeau J III") and runs until the next cabinet of the same country starts, so
consecutive cabinets of one surname make one term, ending when another surname's cabinet starts.
The full name is taken from the cabinet's Wikipedia address where it is a person's page
("wiki/Guntars_Krasts"); otherwise the term carries the surname only (`key` "parlgov-surname:...")
and `factcheck kb build` keeps it only where another source names a holder of that surname who
took the same office on the same day. Heads of state come from politician_president.csv, with
full names and dates. An open term is confirmed to the dataset's date.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

from factcheck.kb.importers.common import SourceTerm
from factcheck.kb.importers.sourcemap import SourceMap

DATASET_DATE = "2023-11-04"
_ROMAN = re.compile(r"^[IVXL]+$")
_NOT_A_PERSON = re.compile(r"(?i)cabinet|ministry|government|governo|gabinete|regierung|kabinett|regeringen|minist|hallitus|vlada|council")


def fold(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z]+", " ", plain.lower()).strip()


def surname_of(cabinet: str) -> str:
    """"Trudeau J III" -> "trudeau"; "Mitsotakis Kyr II" -> "mitsotakis"; "Van Rompuy" -> "van rompuy"."""
    words = [w for w in cabinet.split() if not _ROMAN.match(w)]
    while len(words) > 1 and (len(words[-1]) <= 3 and words[-1][:1].isupper() and words[-1][1:].islower() or len(words[-1]) == 1):
        words.pop()  # a first-name initial that tells two prime ministers of one surname apart
    return fold(" ".join(words))


def person_from_url(url: str, surname: str) -> str:
    """The person's name when the address is an English Wikipedia page about them."""
    if "en.wikipedia.org/wiki/" not in url:
        return ""
    title = unquote(url.rsplit("/wiki/", 1)[1]).split("#")[0]
    name = re.sub(r"_\(.*\)$", "", title).replace("_", " ").strip()
    if _NOT_A_PERSON.search(name) or not surname or surname.split()[-1] not in fold(name).split():
        return ""
    return name


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return [{k: (v or "").strip() for k, v in row.items() if k} for row in csv.DictReader(fh)]


def read(folder: Path, sources: SourceMap) -> Iterator[SourceTerm]:
    countries = {r["id"]: r["name"] for r in _rows(folder / "country.csv")}
    by_country: dict[str, list[dict[str, str]]] = {}
    for row in _rows(folder / "cabinet.csv"):
        by_country.setdefault(row["country_id"], []).append(row)
    for country_id, cabinets in sorted(by_country.items()):
        code = sources.code_of("parlgov", countries.get(country_id, ""))
        office = _head_of_government(code, sources)
        if code is None or office is None:
            continue
        cabinets.sort(key=lambda r: (r["start_date"], int(r["id"])))
        groups: list[list[dict[str, str]]] = []
        for row in cabinets:
            if groups and surname_of(groups[-1][-1]["name"]) == surname_of(row["name"]):
                groups[-1].append(row)
            else:
                groups.append([row])
        for i, group in enumerate(groups):
            surname = surname_of(group[0]["name"])
            if not surname:
                continue
            name = next((n for n in (person_from_url(r["wikipedia"], surname) for r in group) if n), "")
            end = groups[i + 1][0]["start_date"] if i + 1 < len(groups) else ""
            ids = ",".join(r["id"] for r in group)
            yield SourceTerm(
                person=name or surname,
                office=office,
                start=group[0]["start_date"],
                end=end,
                source=f"parlgov:cabinet.csv id {ids} ({group[0]['wikipedia'] or group[0]['name']})",
                confirmed_until="" if end else DATASET_DATE,
                note="cabinet start; ends when the next prime minister's cabinet starts",
                key="" if name else f"parlgov-surname:{surname}",
            )
    for row in _rows(folder / "politician_president.csv"):
        code = sources.code_of("parlgov", countries.get(row["country_id"], ""))
        office = f"{code.lower()}.president" if code else None
        if office is None or office not in sources.offices or not row["person_id_source"] or not row["start_date"]:
            continue
        yield SourceTerm(
            person=row["person_id_source"],
            office=office,
            start=row["start_date"],
            end=row["end_date"],
            source=f"parlgov:politician_president.csv id {row['id']}",
            confirmed_until="" if row["end_date"] else DATASET_DATE,
        )


def _head_of_government(code: str | None, sources: SourceMap) -> str | None:
    if code is None or code in ("CH", "CY"):  # a federal council; a presidential republic
        return None
    for oid in (f"{code.lower()}.prime-minister", f"{code.lower()}.chancellor"):
        if oid in sources.offices:
            return oid
    return None
