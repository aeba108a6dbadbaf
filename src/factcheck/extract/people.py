"""Mentions of people and the role claims that bind a title to a name.

One left-to-right pass over the tokens, so a surname ("Austin", "Secretary
Austin") can be resolved through an earlier full mention in the same document.
Forms recognised:

    [modifier] [jurisdiction] [modifier] TITLE [-designate] NAME     "former U.S. Defense Secretary Lloyd Austin"
    [the] [jurisdiction] TITLE, NAME,                                "Britain's prime minister, Rishi Sunak,"
    NAME, [the|a] [modifier] [jurisdiction] TITLE                    "Jake Sullivan, the national security adviser"

A lower-case title binds a name only after a modifier, a country or an article ("former president
Jair Bolsonaro"); ranks and honorifics may stand between title and name ("Ambassador", "Gen."), and
a party or a form of address before the title ("Labour Prime Minister", "His Majesty King").
"TITLE, NAME" binds also as an item of a list set off by semicolons ("...; Foreign Minister, X; ...").

Resolving the name: a monarch's title takes a given or regnal name ("King Charles": Charles III); a
compound surname follows the full name given earlier ("Campos Neto"); in a headline, or before a
country's name, the capitalised run is cut to the name that resolves ("President X Warns ...").
A surname one letter off that of the holder at the document date, with the same given names, is read
as that holder under an unmodified title (via "near-name-holder"; it never makes a finding itself).
Resolving the office: a title none of whose offices the person held names the one office of their
own record whose title contains its words ("its president" of a central bank governor); so does a
bare head word after an article or an adjective ("the current governor X"), never with a modifier.
"""

from __future__ import annotations

from dataclasses import replace

from factcheck.dates import Interval
from factcheck.extract.gazetteer import Gazetteer
from factcheck.extract.tokens import Token, Tokens, joined, phrase_keys, token_key
from factcheck.facts import DocumentDate, PersonMention, RoleClaim, Sentences, Shared, Span, TimeExpr, covered, sentence_at
from factcheck.kb.model import VARIANT, KnowledgeBase, normalize_name, normalize_title
from factcheck.lazyre import lazy
from factcheck.temporal import TimesBySentence, nearest_time

NOT_NAMES = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december the a an and but or of in on at for to with by from
    he she it they we i his her its their this that these those said says who which after before during
    while when where as if not no yes also will would has have had is are was were""".split()
)
ARTICLES = frozenset({"the", "a", "an"})
_PREPOSITIONS = frozenset({"under"})  # blockers that are also prepositions
PARTICLES = frozenset({"bin", "bint", "ibn", "al", "el", "von", "van", "der", "den", "de", "da", "di", "dos", "du", "le", "la"})
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_SAYS = lazy(r"\b(?:said|says|told|added|announced)\b")
_OPENING_QUOTES = ('"', "\u201c", "\u2018", "'")
_TITLE_FUNCTION_WORDS = frozenset({"of", "the", "for", "and", "to", "on", "in"})
_MONTH_NAMES = frozenset("january february march april may june july august september october november december".split())


def _digit_follows(tokens: Tokens, j: int) -> bool:
    return j + 1 < len(tokens) and tokens[j + 1].text[0].isdigit()
_APPOSITIVE_END = frozenset({",", ".", ";", ":", ")", "!", "?", "\u2014", "\u2013", "and", "who", "said", "says", "told", "to", "in",
                             "for", "at", "on", "was", "is", "has", "had", "will"})


# Not a period: a name closing its sentence after "the title," is often the end of a longer clause
# whose time the reader has not settled ("received that year by the then president, X.").
_COMMA_NAME_END = frozenset({",", ";", ":", ")", "!", "?", "\u2014", "\u2013", "who", "said", "says", "told"})


def _ends_at(tok: Token, ends: frozenset[str]) -> bool:
    """Whether a token closes a phrase: by its text, since a period's key is empty (keys drop dots)."""
    return tok.key in ends or tok.text in ends


def _in_list(tokens: Tokens, lead_start: int, determiner: bool) -> bool:
    """Whether the phrase before a title follows a comma (an item of a list)."""
    k = lead_start - 1 - int(determiner)
    return k >= 0 and tokens[k].text == ","


class _Memory:
    """Who the document has named so far, by surname."""

    def __init__(self) -> None:
        self.by_surname: dict[str, set[str]] = {}
        self.by_part: dict[str, set[str]] = {}  # every word of the name: "Lee" of "Lee Jae-myung"
        self.by_tail: dict[tuple[str, ...], set[str]] = {}  # the last words of a longer name: "Campos Neto"
        self.shared = Shared()  # the names, titles and candidates of the facts made so far
        self.remembered: set[str] = set()  # the ids above: a person named again adds nothing to them

    def remember(self, kb: KnowledgeBase, ids: tuple[str, ...]) -> None:
        for pid in ids:
            if pid in self.remembered:
                continue  # tokenising the name again (at every mention) would add the same keys
            self.remembered.add(pid)
            person = kb.people.get(pid)
            if person:
                self.by_surname.setdefault(person.surname.lower(), set()).add(pid)
                keys = phrase_keys(person.name)
                for key in keys:
                    self.by_part.setdefault(key, set()).add(pid)
                for k in range(1, len(keys) - 1):
                    self.by_tail.setdefault(keys[k:], set()).add(pid)


def find_people(
    prose: str,
    tokens: Tokens,
    sentences: Sentences,
    times: tuple[TimeExpr, ...],
    quotes: tuple[Span, ...],
    doc_date: DocumentDate,
    kb: KnowledgeBase,
    gaz: Gazetteer,
) -> tuple[tuple[PersonMention, ...], tuple[RoleClaim, ...]]:
    mentions: list[PersonMention] = []
    roles: list[RoleClaim] = []
    memory = _Memory()
    by_sentence = TimesBySentence(times)
    # Only a token that may begin a title, or a capitalised one, can start a claim: visit just those.
    titles, title_starts = gaz.titles, gaz.titles.first_keys
    starts = tokens.where(title_starts, capitalized=True)
    resume = 0  # the first token not yet inside a claim
    for i in starts:
        if i < resume:
            continue
        key, capitalized = tokens.key(i), tokens.is_capitalized(i)  # read at every capitalised word: no Token built
        title = titles.match(tokens, i, prose) if key in title_starts and tokens.is_word(i) else None
        if title is None and key in gaz.heads and not capitalized:
            title = (i + 1, [])  # a bare head word ("current governor X"): an office only through the person's record
        if title is not None:
            claim_end = _title_then_name(prose, tokens, i, title, sentences, by_sentence, quotes, doc_date, kb, gaz, memory)
            if claim_end is not None:
                claim, resume = claim_end
                mentions.append(claim.person)
                roles.append(claim)
                continue
        if capitalized and key not in NOT_NAMES:
            mention, next_i = _name_at(prose, tokens, i, sentences, kb, gaz, memory)
            if mention is not None:
                mentions.append(mention)
                appositive = _appositive(prose, tokens, next_i, mention, sentences, by_sentence, quotes, doc_date, kb, gaz,
                                         memory.shared)
                if appositive is not None:
                    roles.append(appositive[0])
                    resume = appositive[1]
                else:
                    resume = next_i
    mentions_t, roles_t = _named_later(kb, tuple(mentions), tuple(roles), memory)
    return mentions_t, _story_context(prose, tokens, kb, gaz, roles_t)


def _story_context(prose: str, tokens: Tokens, kb: KnowledgeBase, gaz: Gazetteer,
                   roles: tuple[RoleClaim, ...]) -> tuple[RoleClaim, ...]:
    """The story's countries settle a title its person held in several ("Foreign Minister X", once
    foreign minister of two countries): the one of them the story names. Never a default country: a
    person with no term in the title's offices, or an unknown one, stays unresolved."""
    choices = {}
    for n, claim in enumerate(roles):
        if claim.jurisdiction is None and len(claim.person.candidates) == 1:
            held = {kb.offices[t.office].jurisdiction for t in kb.terms_of(claim.person.candidates[0])
                    if t.office in claim.offices}
            if len(held) > 1:
                choices[n] = held
    if not choices:
        return roles
    named = {found[1] for i, tok in enumerate(tokens) if tok.is_capitalized
             for found in [gaz.cue_starting_at(tokens, i, prose)] if found}
    out = list(roles)
    for n, held in choices.items():
        story = held & named
        if len(story) == 1:
            jurisdiction = story.pop()
            claim = roles[n]
            out[n] = replace(claim, jurisdiction=jurisdiction, jurisdiction_via="context",
                             offices=tuple(o for o in claim.offices if kb.offices[o].jurisdiction == jurisdiction))
    return tuple(out)


def _named_later(kb: KnowledgeBase, mentions: tuple[PersonMention, ...], roles: tuple[RoleClaim, ...],
                 memory: _Memory) -> tuple[tuple[PersonMention, ...], tuple[RoleClaim, ...]]:
    """A lone name after a title that the document names in full only later ("President Lee" in a
    headline, "Lee Jae-myung" in the story): the one person so named who held one of the title's offices."""
    fixed: dict[Span, PersonMention] = {}
    out: list[RoleClaim] = []
    for claim in roles:
        person = claim.person
        if person.via == "unknown" and " " not in person.text:
            key = token_key(person.text)
            named = {pid for pid in memory.by_part.get(key, ())
                     if any(t.office in claim.offices for t in kb.terms_of(pid))}
            if len(named) == 1:
                person = replace(person, candidates=tuple(named), via="surname")
                fixed[person.span] = person
                jurisdiction, via = _jurisdiction(kb, claim.offices, None, person) if claim.jurisdiction is None \
                    else (claim.jurisdiction, claim.jurisdiction_via)
                offices = tuple(o for o in claim.offices if jurisdiction is None or kb.offices[o].jurisdiction == jurisdiction)
                claim = replace(claim, person=person, jurisdiction=jurisdiction, jurisdiction_via=via, offices=offices)
        out.append(claim)
    if not fixed:
        return mentions, roles
    return tuple(fixed.get(m.span, m) for m in mentions), tuple(out)


def _name_at(prose: str, tokens: Tokens, i: int, sentences: Sentences, kb: KnowledgeBase, gaz: Gazetteer,
             memory: _Memory) -> tuple[PersonMention | None, int]:
    """A full name from the knowledge base, or a surname introduced earlier, at token i."""
    key = tokens.key(i)
    if key not in gaz.names.first_keys and key not in memory.by_surname:
        return None, i + 1  # most capitalised words begin no name: one look-up each says so
    if i > 0 and _continues_name(prose, tokens, i) and tokens.key(i - 1) not in gaz.heads:
        return None, i + 1  # inside a longer capitalised phrase we do not know
    match = gaz.names.match(tokens, i, prose)
    if match is not None and not _strong(match[1]):
        match = None  # a given-name variant alone names nobody
    if match is not None:
        end, ids = match[0], _strong(match[1])
        if end < len(tokens) and _continues_name(prose, tokens, end):
            return None, end  # "John Smithson Jr" style: a longer name than the one we know
        ids_t = tuple(sorted(set(ids)))
        memory.remember(kb, ids_t)
        return _mention(prose, tokens, i, end, sentences, ids_t, "full-name", memory.shared), end
    known = memory.by_surname.get(key)
    if known and not (i + 1 < len(tokens) and _continues_name(prose, tokens, i + 1)):
        return _mention(prose, tokens, i, i + 1, sentences, tuple(sorted(known)), "surname", memory.shared), i + 1
    return None, i + 1


def _strong(ids: list[str]) -> list[str]:
    """The ids a name names outright (not through a given-name variant, see kb.model.Person)."""
    return [pid for pid in ids if not pid.startswith(VARIANT)]


def _continues_name(prose: str, tokens: Tokens, i: int) -> bool:
    """Whether tokens[i] is a capitalised word glued to the previous token."""
    first = prose[tokens.start(i)]  # single fields, no Token built: this runs at every capitalised word
    if not (first.isupper() and first.isalpha() and tokens.key(i) not in NOT_NAMES):
        return False
    return tokens.joined(i - 1, i) and tokens.is_capitalized_word(i - 1)


def _mention(prose: str, tokens: Tokens, i: int, end: int, sentences: Sentences, ids: tuple[str, ...],
             via: str, shared: Shared) -> PersonMention:
    start, stop = tokens[i].start, tokens[end - 1].end
    return PersonMention(shared(prose[start:stop]), Span(start, stop), shared.sentence(sentence_at(sentences, start)),
                         shared(ids), via)


def _name_tokens(prose: str, tokens: Tokens, i: int) -> int:
    """End index of a run of capitalised name tokens (with initials) starting at i."""
    j = i
    while j < len(tokens) and j - i < 6:
        tok = tokens[j]
        if j > i and not joined(prose, tokens[j - 1], tok):
            if not (tokens[j - 1].text == "." and len(tokens[j - 2].text) == 1):
                break
        if tok.text == "." and j > i and len(tokens[j - 1].text) == 1 and tokens[j - 1].is_capitalized:
            j += 1  # the period after an initial
            continue
        if tok.text == "-" and j > i and j + 1 < len(tokens) and tok.start == tokens[j - 1].end and tokens[j + 1].start == tok.end:
            j += 1  # "Thomas-Greenfield", "Sang-mok"
            continue
        if tok.key in PARTICLES and j > i and j + 1 < len(tokens) and tokens[j + 1].is_capitalized and joined(prose, tok, tokens[j + 1]):
            j += 1  # "Faisal bin Farhan", "Ursula von der Leyen"
            continue
        if not (tok.is_capitalized and tok.text[0].isalpha()):
            break
        if tok.key in NOT_NAMES and not (j > i and tok.key in _MONTH_NAMES and not _digit_follows(tokens, j)) \
                and not _initial_at(tokens, j):
            break  # ... but "Theresa May" is a name, "May 3" a date, and "A." in "James A. Baker" an initial
        if tok.text.isupper() and len(tok.text) > 3:
            break  # headline capitals are not names
        j += 1
    while j > i and tokens[j - 1].text == ".":
        j -= 1
    return j


def _initial_at(tokens: Tokens, j: int) -> bool:
    """Whether tokens[j] is a capital letter with its period before a capitalised word ("A." in "James A. Baker")."""
    return (len(tokens[j].text) == 1 and tokens[j].text.isupper() and j + 2 < len(tokens)
            and tokens[j + 1].text == "." and tokens[j + 1].start == tokens[j].end and tokens[j + 2].is_capitalized)


def _resolve_name(prose: str, tokens: Tokens, i: int, end: int, sentences: Sentences, kb: KnowledgeBase,
                  gaz: Gazetteer, memory: _Memory, offices: list[str], regnal: bool = False,
                  ref: Interval | None = None) -> PersonMention:
    """The person a name after a title denotes. `ref`: the reference time of an unmodified title, when
    a name one letter off its holder's may be read as a slip (see `_near_holder`)."""
    match = gaz.names.match(tokens, i, prose)
    if match is not None and match[0] == end and _strong(match[1]):
        ids = tuple(sorted(set(_strong(match[1]))))
        # One name, several people (sources that never shared a QID or a start day): the title
        # tells them apart when exactly one of them held one of its offices.
        held = kb.who_held(ids, offices) if len(ids) > 1 else ()
        if len(held) == 1:
            ids = held
        elif len(ids) > 1:
            ids = _named_so(kb, ids, prose[tokens[i].start : tokens[end - 1].end])
        memory.remember(kb, ids)
        return _mention(prose, tokens, i, end, sentences, ids, "full-name", memory.shared)
    if match is not None and match[0] == end:
        # A short or formal given name ("Treasury Secretary Timothy Geithner"): only a hint, taken
        # when exactly one person so named held one of the title's offices.
        held = kb.who_held(sorted({pid[len(VARIANT):] for pid in match[1] if pid.startswith(VARIANT)}), offices)
        if len(held) == 1:
            memory.remember(kb, held)
            return _mention(prose, tokens, i, end, sentences, held, "name-variant-office", memory.shared)
    if end - i > 1:
        # Initials where the sources write names ("James A. Baker III", "J. Baker", "George P. Shultz"):
        # only with the title's office, and only when exactly one holder of it has a name they agree with.
        written = prose[tokens[i].start : tokens[end - 1].end]
        # The knowledge base files people under the last word of their name: the surname, or the suffix
        # of a name that has one ("Benigno Aquino III").
        last = {_written_surname(written), tokens[end - 1].text} - {""}
        holders = {pid for office in offices for word in last for pid in kb.holders_named(office, word)}
        agreed = tuple(sorted(pid for pid in holders if _initials_name(written, _known_names(kb, pid))))
        if len(agreed) == 1:
            memory.remember(kb, agreed)
            return _mention(prose, tokens, i, end, sentences, agreed, "initials-office", memory.shared)
    if end - i > 1:
        # A compound surname without the given name ("Campos Neto" after "Roberto Campos Neto").
        tail = memory.by_tail.get(tuple(t.key for t in tokens[i:end] if t.is_word), set())
        if len(tail) == 1:
            return _mention(prose, tokens, i, end, sentences, tuple(tail), "surname", memory.shared)
        near = _near_holder(tokens, i, end, kb, offices, ref)
        if near:
            return _mention(prose, tokens, i, end, sentences, near, "near-name-holder", memory.shared)
    if end == i + 1:
        known = memory.by_surname.get(tokens.key(i))
        if known:
            return _mention(prose, tokens, i, end, sentences, tuple(sorted(known)), "surname", memory.shared)
        # A family name written first ("President Lee" after "Lee Jae-myung"): the one person the
        # document has named with that word who held one of the title's offices.
        named = {pid for pid in memory.by_part.get(tokens[i].key, ())
                 if any(t.office in offices for t in kb.terms_of(pid))}
        if len(named) == 1:
            return _mention(prose, tokens, i, end, sentences, tuple(named), "surname", memory.shared)
        # A surname after a title: the one person of that surname who ever held one of its offices.
        holders = {pid for office in offices for pid in kb.holders_named(office, tokens[i].key)}
        if len(holders) == 1:
            ids = tuple(holders)
            memory.remember(kb, ids)
            return _mention(prose, tokens, i, end, sentences, ids, "surname-office", memory.shared)
        if regnal:
            # A monarch is named by given or regnal name ("King Charles" for Charles III).
            holders = {t.person for office in offices for t in kb.terms_in(office)
                       if _first_word(kb, t.person) == tokens[i].key}
            if len(holders) == 1:
                ids = tuple(holders)
                memory.remember(kb, ids)
                return _mention(prose, tokens, i, end, sentences, ids, "regnal-name", memory.shared)
    return _mention(prose, tokens, i, end, sentences, (), "unknown", memory.shared)


def _near_holder(tokens: Tokens, i: int, end: int, kb: KnowledgeBase, offices: list[str],
                 ref: Interval | None) -> tuple[str, ...]:
    """A slip of one letter in the surname of the title's holder ("Prime Minister Elisabeth Berne" for
    Elisabeth Borne): the one holder of the title's offices at the reference time whose name has the
    same given names and a surname one edit away. Never a finding of its own: the person is read as the
    holder, so the title is checked as right, and `extract` shows the reading (via "near-name-holder")."""
    written = tuple(t.key for t in tokens[i:end] if t.is_word)
    if ref is None or len(written) < 2 or len(written[-1]) < 4:
        return ()
    found = set()
    for office in offices:
        for term in kb.holders(office, ref):
            for name in _known_names(kb, term.person):
                keys = phrase_keys(name)
                if len(keys) == len(written) and keys[:-1] == written[:-1] and _one_edit(keys[-1], written[-1]):
                    found.add(term.person)
    return tuple(found) if len(found) == 1 else ()


def _one_edit(a: str, b: str) -> bool:
    """Whether two different words are one substitution, insertion or deletion apart."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    k = next((n for n, (x, y) in enumerate(zip(a, b)) if x != y), len(a))
    return a[k + 1 :] == b[k + 1 :] if len(a) == len(b) else a[k:] == b[k + 1 :]


def _first_word(kb: KnowledgeBase, pid: str) -> str:
    person = kb.people.get(pid)
    keys = phrase_keys(person.name) if person else ()
    return keys[0] if keys else ""


def _headline_line(prose: str, pos: int) -> bool:
    """Whether the line around `pos` is written in headline capitals ("President X Warns Against ..."):
    every word of four letters or more capitalised, at least three of them."""
    start, end = prose.rfind("\n", 0, pos) + 1, prose.find("\n", pos)
    words = [w for w in prose[start : end if end != -1 else len(prose)].split() if len(w) >= 4 and w[0].isalpha()]
    return len(words) >= 3 and all(w[0].isupper() for w in words)


def _written_surname(name: str) -> str:
    """The last word of a written name before a generational suffix ("Baker" of "James A. Baker III")."""
    words = name.replace(",", " ").split()
    while len(words) > 1 and words[-1].rstrip(".").casefold() in _SUFFIXES:
        words.pop()
    return words[-1] if len(words) > 1 and not words[-1].endswith(".") else ""


def _named_so(kb: KnowledgeBase, ids: tuple[str, ...], written: str) -> tuple[str, ...]:
    """Of several people a name may denote, the one whose own name it is, when the others have it only
    as a shortened form ("John Adams": not "John Q. Adams" with the initial dropped); else all of them."""
    own = tuple(pid for pid in ids if normalize_name(kb.people[pid].name) == normalize_name(written))
    return own if len(own) == 1 else ids


def _initials_name(written: str, names: tuple[str, ...]) -> bool:
    """Whether a name written with initials agrees with one of a person's names and contradicts none."""
    # Few texts reach this (a multi-word name no source writes, after a title): they import the module.
    from factcheck.kb.importers.names import initials_agree, middles_contradict

    return any(initials_agree(written, n) for n in names) and not any(middles_contradict(written, n) for n in names)


def _known_names(kb: KnowledgeBase, pid: str) -> tuple[str, ...]:
    person = kb.people[pid]
    return (person.name, *(a for a in person.aliases if not a.startswith(VARIANT)))


def _title_then_name(prose: str, tokens: Tokens, i: int, title: tuple[int, list[str]], sentences: Sentences,
                     times: TimesBySentence, quotes: tuple[Span, ...], doc_date: DocumentDate, kb: KnowledgeBase,
                     gaz: Gazetteer, memory: _Memory) -> tuple[RoleClaim, int] | None:
    """"[the] [modifier] [jurisdiction] TITLE [-designate] [honorific] NAME", or with a comma before the
    name ("Britain's prime minister, Rishi Sunak,")."""
    end, offices = title
    lead = _lead_words(prose, tokens, i, gaz)
    if lead is None:
        return None
    lead_start, modifiers, cue, determiner = lead
    lower = not tokens[i].is_capitalized
    # A lower-case one-word title after a noun is a job description ("bank president John Smith");
    # a modifier, a country, an article or a function word before it, or a title of several words
    # ("foreign minister David Lammy"), makes it the office.
    if lower and not (modifiers or cue or determiner or end - i > 1 or _opens_phrase(prose, tokens, lead_start)):
        return None
    if not offices and (modifiers or not (lead_start < i or determiner)):
        # A bare head word is a title only after an article or an adjective ("the current governor X"),
        # and not with a modifier: "former minister X" says some ministry, not which one.
        return None
    trailing, j = _trailing_modifiers(prose, tokens, end, gaz)
    modifiers = modifiers + trailing
    form = "title-name"
    if j < len(tokens) and tokens[j].text == "," and (cue or determiner or (not lower and _heads_item(prose, tokens, lead_start))) \
            and j + 1 < len(tokens):
        # "the new US Secretary of Defense, Pete Hegseth, ..."; "...; Foreign Affairs Minister, Ambassador X; ..."
        form = "title-comma-name"
        j += 1
    elif j >= len(tokens) or not joined(prose, tokens[j - 1], tokens[j]):
        return None
    if form == "title-name" and j < len(tokens) and tokens[j].text == "(":
        close = next((k for k in range(j + 1, min(j + 8, len(tokens))) if tokens[k].text == ")"), None)
        if close is None or close + 1 >= len(tokens):
            return None
        j = close + 1  # "Secretary of State (@StateDept) Marco Rubio": an aside between title and name
    j = skip_honorifics(prose, tokens, j, gaz)
    if j >= len(tokens) or tokens[j].key in gaz.lexicon.following_blockers:
        return None
    name_end = _name_end(prose, tokens, j, gaz)
    if name_end == j:
        return None
    if form == "title-comma-name" and (
        (name_end < len(tokens) and not _ends_at(tokens[name_end], _COMMA_NAME_END)) or _in_list(tokens, lead_start, determiner)
    ):
        return None  # "the prime minister, the chancellor, Rishi Sunak and others": a list, not an apposition
    regnal = " ".join(t.key for t in tokens[i:end] if t.is_word) in gaz.lexicon.regnal
    # Only an unmodified title names the holder at the document date, the one a slip is compared with.
    ref = doc_date.value if not modifiers else None
    person = _resolve_name(prose, tokens, j, name_end, sentences, kb, gaz, memory, offices, regnal, ref)
    if person.via == "unknown" and name_end - j > 1:
        # The capitalised run may go on past the name: the next words of a headline ("President X
        # Warns Against ..."), or a country ("King Charles France visit"). A shorter name that
        # resolves is taken only there, never inside a name of running text ("President X Smith").
        for k in range(name_end - 1, j, -1):
            if gaz.cue_starting_at(tokens, k, prose) is None and not _headline_line(prose, tokens[k].start):
                continue
            shorter = _resolve_name(prose, tokens, j, k, sentences, kb, gaz, memory, offices, regnal, ref)
            if shorter.via != "unknown":
                person, name_end = shorter, k
                break
    if (lower or form == "title-comma-name") and person.via not in ("full-name", "surname") and not (
            lower and form == "title-name" and person.via in ("initials-office", "name-variant-office")):
        # The looser forms bind only a name the knowledge base knows in full, or (after a lower-case
        # title) a written form of a full name that only a holder of the title's own office agrees with.
        return None
    # The claim's offsets as the same objects as the title's and the name's (32 bytes each otherwise).
    title_span = Span(tokens[i].start, tokens[end - 1].end)
    stop = tokens[name_end - 1].end
    span = Span(title_span.start if lead_start == i else tokens[lead_start].start,
                person.span.end if person.span.end == stop else stop)
    claim = _claim(prose, span, title_span, offices, cue, person, modifiers,
                   sentences, times, quotes, doc_date, kb, form, gaz, memory.shared)
    if not offices and claim.jurisdiction_via != "person-office":
        return None
    return claim, name_end


def _heads_item(prose: str, tokens: Tokens, i: int) -> bool:
    """Whether token i opens a sentence, a line or an item after a semicolon, where a capitalised
    title followed by a comma introduces the name it belongs to ("...; Foreign Minister, Ambassador X;")."""
    return _starts_sentence(prose, tokens[i]) or (i > 0 and tokens[i - 1].text == ";")


def _opens_phrase(prose: str, tokens: Tokens, i: int) -> bool:
    """Whether token i follows a function word, punctuation or a line start (not a noun it could qualify)."""
    if i == 0 or not joined(prose, tokens[i - 1], tokens[i]):
        return True
    before = tokens[i - 1]
    return not before.is_word or (before.key in NOT_NAMES and not before.is_capitalized)


def skip_honorifics(prose: str, tokens: Tokens, j: int, gaz: Gazetteer) -> int:
    """The first token after ranks and honorifics ("Ambassador", "Gen.", "Sheikh") standing before a name."""
    while j < len(tokens):
        found = gaz.honorifics.match(tokens, j, prose)
        if found is None:
            return j
        k = found[0]
        while k < len(tokens) and tokens[k].text == "." and tokens[k].start == tokens[k - 1].end:
            k += 1
        if k >= len(tokens) or not tokens[k].is_capitalized:
            return j  # "General" or "Prince" closing the phrase is not a rank before a name
        j = k
    return j


def _name_end(prose: str, tokens: Tokens, j: int, gaz: Gazetteer) -> int:
    """End of the name at token j: a name the knowledge base knows ("Faisal bin Farhan") or a capitalised run."""
    run = _name_tokens(prose, tokens, j)
    known = gaz.names.match(tokens, j, prose)
    if known is not None and known[0] >= run and (
            known[0] == run or not _continues_name(prose, tokens, known[0]) if known[0] < len(tokens) else True):
        return known[0]
    return run


def _lead_words(prose: str, tokens: Tokens, i: int, gaz: Gazetteer) -> tuple[int, tuple[str, ...], str | None, bool] | None:
    """Modifiers, fillers and a jurisdiction cue before a title, and whether an article precedes them;
    None when a blocker makes it another office."""
    modifiers: list[str] = []
    cue: str | None = None
    start = i
    j = i - 1
    while j >= 0 and joined(prose, tokens[j], tokens[j + 1]):
        tok = tokens[j]
        if tok.text == "-":
            j -= 1
            continue
        if tok.key in gaz.lexicon.blockers:
            if tok.key in _PREPOSITIONS and not tok.is_capitalized and tokens[j + 1].text != "-":
                break  # "under President X" is not "Under Secretary"
            return None
        if tok.key in gaz.lexicon.modifiers:
            modifiers.append(gaz.lexicon.modifiers[tok.key])
            start = j
            j -= 1
            continue
        if tok.key in gaz.lexicon.fillers:
            start = j
            j -= 1
            continue
        found = gaz.cue_ending_at(tokens, j, prose) if cue is None else None
        if found is not None:
            cue = found[1]
            start = found[0]
            j = found[0] - 1
            continue
        if cue is not None or "\n" in prose[tok.end : tokens[j + 1].start]:
            break  # what stands before "Britain's", or at the end of the line before, does not qualify the title
        if _address_ends_at(tokens, j, gaz.addresses):
            break  # "His Majesty King ...": a form of address, not an organisation's name
        if tok.is_capitalized and tok.is_word and tok.key != "'s" and tok.key not in NOT_NAMES and not _starts_sentence(prose, tok):
            return None  # "World Bank President", "Chrysler Corp President": the title of an organisation
        break
    determiner = start > 0 and tokens[start - 1].key in ARTICLES and joined(prose, tokens[start - 1], tokens[start])
    return start, tuple(reversed(modifiers)), cue, determiner


def _address_ends_at(tokens: Tokens, j: int, addresses: tuple[tuple[str, ...], ...]) -> bool:
    """Whether a form of address ("His Majesty", as its token keys) ends at token j."""
    last = tokens.key(j)  # compared first: this runs at every word before a title
    for keys in addresses:
        if (not keys or keys[-1] == last) and j + 1 >= len(keys) and tokens.keys_between(j + 1 - len(keys), j + 1) == keys:
            return True
    return False


def _starts_sentence(prose: str, tok: Token) -> bool:
    """Whether a token opens a sentence or line ("Meanwhile Home Secretary ..."), so its capital says nothing."""
    before = prose[max(0, tok.start - 3) : tok.start]
    if before.endswith(_OPENING_QUOTES) and (len(before) < 2 or before[-2].isspace() or before[-2] in ":("):
        return True  # the first word of a quotation ('said: "Appreciate President ...')
    return tok.start == 0 or before.rstrip(" \t\"'\u201c(").endswith((".", "!", "?", "\n")) or before.strip() == ""


def _trailing_modifiers(prose: str, tokens: Tokens, j: int, gaz: Gazetteer) -> tuple[tuple[str, ...], int]:
    """"-designate", "nominee", "-elect" after a title."""
    found: list[str] = []
    while j < len(tokens):
        tok = tokens[j]
        if tok.text == "-" and j + 1 < len(tokens) and tokens[j + 1].key in gaz.lexicon.modifiers:
            j += 1
            continue
        if tok.key in gaz.lexicon.modifiers and joined(prose, tokens[j - 1], tok) and not tok.is_capitalized:
            found.append(gaz.lexicon.modifiers[tok.key])
            j += 1
            continue
        break
    return tuple(found), j


def _appositive(prose: str, tokens: Tokens, i: int, mention: PersonMention, sentences: Sentences,
                times: TimesBySentence, quotes: tuple[Span, ...], doc_date: DocumentDate, kb: KnowledgeBase,
                gaz: Gazetteer, shared: Shared) -> tuple[RoleClaim, int] | None:
    """"NAME, the [jurisdiction] TITLE," after a mention ending at token i."""
    if i + 2 >= len(tokens) or tokens[i].text != ",":
        return None
    j = i + 1
    determiner = tokens[j].key in ARTICLES
    if determiner:
        j += 1
    lead = j
    modifiers: list[str] = []
    cue: str | None = None
    while j < len(tokens):
        if tokens[j].key in gaz.lexicon.blockers:
            return None
        if tokens[j].key in gaz.lexicon.modifiers:
            modifiers.append(gaz.lexicon.modifiers[tokens[j].key])
            j += 1
            continue
        if tokens[j].text == "-" or tokens[j].key in gaz.lexicon.fillers:
            j += 1
            continue
        found = gaz.cue_starting_at(tokens, j, prose) if cue is None else None
        if found is not None and found[0] < len(tokens) and gaz.titles.match(tokens, found[0], prose):
            j, cue = found
            continue
        break
    if j >= len(tokens):
        return None
    title = gaz.titles.match(tokens, j, prose)
    if title is None:
        return None
    end, offices = title
    # Without an article, only a country, a modifier or a capitalised title makes the words after the
    # comma a title of the name ("Rishi Sunak, Britain's prime minister,"), not the next item of a list.
    if not determiner and not (cue or modifiers or tokens[j].is_capitalized):
        return None
    if not determiner and mention.via != "full-name":
        return None
    trailing, end = _trailing_modifiers(prose, tokens, end, gaz)
    if end < len(tokens) and not _ends_at(tokens[end], _APPOSITIVE_END):
        return None
    stop = tokens[end - 1].end
    span = Span(mention.span.start, stop)
    claim = _claim(prose, span, Span(tokens[lead].start if cue is None else tokens[j].start, stop),
                   offices, cue, mention, tuple(modifiers) + trailing, sentences, times, quotes, doc_date, kb,
                   "name-appositive", gaz, shared)
    return claim, end


def _clause(prose: str, sentence: Span, span: Span) -> Span:
    """The part of `sentence` around `span` between commas, semicolons, colons or dashes."""
    marks = ",;:\u2013\u2014"
    start = max((prose.rfind(m, sentence.start, span.start) for m in marks), default=-1)
    ends = [i for i in (prose.find(m, span.end, sentence.end) for m in marks) if i != -1]
    return Span(start + 1 if start >= sentence.start else sentence.start, min(ends, default=sentence.end))


def _claim(prose: str, span: Span, title_span: Span, offices: list[str], cue: str | None, person: PersonMention,
           modifiers: tuple[str, ...], sentences: Sentences, times: TimesBySentence, quotes: tuple[Span, ...],
           doc_date: DocumentDate, kb: KnowledgeBase, form: str, gaz: Gazetteer, shared: Shared) -> RoleClaim:
    sentence = shared.sentence(sentence_at(sentences, span.start))
    if not modifiers and gaz.handover is not None:
        # Only the title's own clause: in "appointed in 1979 by President Carter, will not be kept on by
        # President Reagan" the change of holders is Carter's clause, not Reagan's.
        clause = _clause(prose, sentences[sentence].span if sentences else Span(0, len(prose)), span)
        # What the holder says is another event: in "Finance Minister X said the new governor would be
        # appointed" the change of holders is the governor's, not the minister's.
        said = _SAYS.search(prose, span.end, clause.end)
        if gaz.handover.search(prose, clause.start, said.start() if said else clause.end):
            modifiers = ("then",)  # a title in a report of a change of holders names the office at the change
    event_time = nearest_time(times, sentence, span)
    candidates = tuple(sorted(set(offices)))
    ref = event_time.value if ("then" in modifiers and event_time) else doc_date.value
    candidates = _valid_titles(kb, candidates, prose[title_span.start : title_span.end], ref)
    jurisdiction, via = _jurisdiction(kb, candidates, cue, person)
    own = _own_office(kb, candidates, prose[title_span.start : title_span.end], cue, person, gaz)
    if own is not None:
        candidates, jurisdiction, via = (own,), kb.offices[own].jurisdiction, "person-office"
    elif jurisdiction is not None:
        candidates = tuple(o for o in candidates if kb.offices[o].jurisdiction == jurisdiction)
    return RoleClaim(
        span=span,
        title_span=title_span,
        sentence=sentence,
        title=shared(prose[title_span.start : title_span.end]),
        offices=shared(candidates),
        jurisdiction=jurisdiction,
        jurisdiction_via=via,
        person=person,
        modifiers=shared(modifiers),
        quoted=covered(quotes, span.start, span.end),
        event_time=event_time,
        form=form,
    )


def _valid_titles(kb: KnowledgeBase, offices: tuple[str, ...], title: str, ref: Interval | None) -> tuple[str, ...]:
    """Offices whose wording `title` was in use at the reference time (all of them when it is unknown)."""
    key = normalize_title(title)
    kept = []
    for oid in offices:
        titles = kb.offices[oid].titles
        # Most offices date none of their wordings: then every wording is valid, and none need be compared.
        dated = any(t.valid is not None for t in titles)
        periods = [t.valid for t in titles if normalize_title(t.text) == key] if dated else []
        if any(p is None for p in periods) or not periods or ref is None or any(p.overlaps(ref) for p in periods if p):
            kept.append(oid)
    return tuple(kept)


def _title_words(title: str, skip: frozenset[str] = frozenset()) -> frozenset[str]:
    """The words of a title that say which office it is ("attorney", "general" of "Attorney-General")."""
    words = "".join(c if c.isalnum() else " " for c in token_key(title)).split()
    return frozenset(w for w in words if w not in _TITLE_FUNCTION_WORDS and w not in skip)


def _own_office(kb: KnowledgeBase, offices: tuple[str, ...], title: str, cue: str | None, person: PersonMention,
                gaz: Gazetteer) -> str | None:
    """The office a short title names through the person's own record: when the person never held an
    office the title names outright, the one office they held whose name or a title of it contains
    every word of the title ("its president Roberto Campos Neto", who was President of the Central
    Bank; "Senate President" for a President of the Federal Senate). None when no or several do."""
    if len(person.candidates) != 1:
        return None
    terms = kb.terms_of(person.candidates[0])
    if not terms or any(t.office in offices for t in terms):
        return None
    words = _title_words(title, frozenset(gaz.lexicon.modifiers) | gaz.lexicon.fillers)
    if not words:
        return None
    found = set()
    for oid in {t.office for t in terms}:
        office = kb.offices[oid]
        if (cue is None or office.jurisdiction == cue) and any(
                words <= _title_words(text) for text in (office.name, *(t.text for t in office.titles))):
            found.add(oid)
    return found.pop() if len(found) == 1 else None


def _jurisdiction(kb: KnowledgeBase, offices: tuple[str, ...], cue: str | None, person: PersonMention) -> tuple[str | None, str]:
    if cue is not None:
        return cue, "phrase"
    if len(person.candidates) == 1:
        held = {kb.offices[t.office].jurisdiction for t in kb.terms_of(person.candidates[0]) if t.office in offices}
        if len(held) == 1:
            return held.pop(), "person"
    return None, "unresolved"
