"""The engine's data - knowledge base, name and title matchers, lexicon, rules - built from the
files under rules/ (and the configured extra folders), or read from the compiled cache (cache.py)
when it was built from exactly these files and this code."""

from __future__ import annotations

from pathlib import Path

from factcheck import cache
from factcheck.cache import Built, Decoded, Tables
from factcheck.checks.registry import Example, Rule, entry_point_files, rule_packs
from factcheck.extract.pipeline import Extractor
from factcheck.extract.tokens import PhraseMatcher, trie
from factcheck.kb.cache import kb_from_tables, kb_shape, kb_tables
from factcheck.kb.model import KnowledgeBase
from factcheck.lexicon import EventWords, Lexicon, load_lexicon
from factcheck.paths import files_under
from factcheck.plain import PlainDataError, decode, encode, shape


def load_parts(root: Path, kb_dirs: tuple[Path, ...] = (), rule_dirs: tuple[Path, ...] = (),
               folder: Path | None = None) -> tuple[Extractor, tuple[Rule, ...]]:
    """The extractor and the rules, from the cache when no input changed."""
    return _parts(_load(root, kb_dirs, rule_dirs, folder))


def load_compiled_kb(kb_dirs: tuple[Path, ...] = (), folder: Path | None = None) -> KnowledgeBase:
    """The knowledge base of the default rules with these extra folders (the same cache as the engine)."""
    from factcheck.paths import rules_dir

    tables = _load(rules_dir(), kb_dirs, (), folder)
    try:
        return kb_from_tables(tables)
    except KeyError as exc:
        raise cache.damaged(tables, exc) from None


def _load(root: Path, kb_dirs: tuple[Path, ...], rule_dirs: tuple[Path, ...], folder: Path | None) -> Tables:
    data = [f for d in (root, *kb_dirs, *rule_dirs) for f in files_under(d, (".toml", ".csv"))]
    code = files_under(Path(__file__).resolve().parent, (".py",))  # the code that makes the data
    code += entry_point_files()  # the installed check kinds: a plugin installed or removed changes the rules
    # One file per set of folders (an edit replaces it; another configuration keeps its own).
    name = "\0".join(str(d.absolute()) for d in (root, *kb_dirs)) + "\0\0" + "\0".join(str(d.absolute()) for d in rule_dirs)
    return cache.load(name, data + code, lambda: _tables(root, kb_dirs, rule_dirs), salt=_shape(), folder=folder)


def build_parts(root: Path, kb_dirs: tuple[Path, ...] = (), rule_dirs: tuple[Path, ...] = ()) -> tuple[Extractor, tuple[Rule, ...]]:
    """The extractor and the rules, built from the files."""
    from factcheck.kb.house import extend
    from factcheck.kb.load import load_kb

    rules, house = rule_packs(root, rule_dirs)
    kb = load_kb(root / "kb", *kb_dirs)
    if house:
        kb = extend(kb, house)
    return Extractor.build(kb, load_lexicon(root / "lexicon.toml")), rules


def _shape() -> str:
    return kb_shape() + ";" + shape(Rule, Example, Lexicon, EventWords)


def _tables(root: Path, kb_dirs: tuple[Path, ...], rule_dirs: tuple[Path, ...]) -> Built:
    extractor, rules = build_parts(root, kb_dirs, rule_dirs)
    gaz = extractor.gazetteer
    return kb_tables(extractor.kb) | {
        "names": dict(gaz.names.branches()),
        "name_firsts": {"": "\n".join(gaz.names.branches())},  # keys hold no white space
        "titles": dict(gaz.titles.branches()),
        "engine": {"lexicon": encode(gaz.lexicon), "rules": encode(rules), "extractor": extractor.tables()},
    }


def _parts(tables: Tables) -> tuple[Extractor, tuple[Rule, ...]]:
    # The rest of the gazetteer (jurisdiction cues, honorifics, places, event triggers) is small and
    # read whole: tokenising its phrases again would cost every run a few milliseconds.
    try:
        engine = tables["engine"]
        lexicon = decode(Lexicon, engine["lexicon"])
        rules: tuple[Rule, ...] = decode(tuple[Rule, ...], engine["rules"])
        # Titles are looked up for every word of a text: their first words are read at once, so a word
        # that starts none costs no query. Names are looked up for every capitalised word: their first
        # words (thousands) are read once a run has asked about enough words that begin none.
        titles = Decoded(tables["titles"], trie, all_keys=True)
        matchers = (PhraseMatcher.over(Decoded(tables["names"], trie, key_list=lambda: _name_firsts(tables))),
                    PhraseMatcher.over(titles, frozenset(titles)))
        extractor = Extractor.from_tables(kb_from_tables(tables), lexicon, matchers, engine["extractor"])
    except (KeyError, PlainDataError) as exc:
        raise cache.damaged(tables, exc) from None
    return extractor, rules


def _name_firsts(tables: Tables) -> list[str]:
    """The first words of the names, read at the first look-up of a name."""
    try:
        listed = tables["name_firsts"][""]
    except KeyError as exc:
        raise cache.damaged(tables, exc) from None
    if type(listed) is not str:
        raise cache.damaged(tables, PlainDataError("the first words of names must be a string"))
    return listed.split("\n")
