"""Which source addresses a knowledge-base row may cite.

A search-results or redirect address is not a source (it shows whatever the engine finds today),
and sites on the denylist (rules/kb/denylist.toml, each with its reason) are not reliable enough
to rest a fact on. `kb build` drops such addresses from a row (a row left without a source is left
out) and `kb validate` fails on any that remain.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

# Search engines and redirectors: a host, or a path or query that only a search or redirect page has.
_SEARCH_HOSTS = re.compile(
    r"(^|\.)(google\.[a-z.]+|bing\.com|duckduckgo\.com|search\.yahoo\.com|yandex\.[a-z]+|baidu\.com"
    r"|t\.co|bit\.ly|tinyurl\.com|lnkd\.in|ow\.ly)$"
)
_SEARCH_PATHS = re.compile(r"(^|/)(search|url|redirect|redir)(/|$|\?)|[?&](q|query|url|u|search|newsse)=", re.IGNORECASE)


@dataclass(frozen=True)
class Denylist:
    sites: dict[str, str]  # host (without "www.") -> reason

    def reason(self, host: str) -> str | None:
        host = host.lower().removeprefix("www.")
        for site, why in self.sites.items():
            if host == site or host.endswith("." + site):
                return why
        return None


def read_denylist(path: Path) -> Denylist:
    if not path.exists():
        return Denylist({})
    with path.open("rb") as fh:
        rows = tomllib.load(fh).get("site", [])
    return Denylist({row["host"].lower().removeprefix("www."): row["reason"] for row in rows})


def bad_address(address: str, denylist: Denylist) -> str | None:
    """Why a cited address may not be a source (None when it may, or when it is not an address)."""
    address = address.strip()
    if not re.match(r"https?://", address):
        return None
    parts = urlsplit(address)
    host = parts.hostname or ""
    if _SEARCH_HOSTS.search(host) or _SEARCH_PATHS.search(parts.path + ("?" + parts.query if parts.query else "")):
        return "a search or redirect address"
    why = denylist.reason(host)
    return f"on the denylist ({why})" if why else None


def addresses(source: str) -> list[str]:
    """The web addresses a row's source cites ("a ; in office 2025-10-26: b")."""
    return re.findall(r"https?://\S+", source)
