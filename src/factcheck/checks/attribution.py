"""event-attribution (FC103): one invitation or hosted visit credited to two different people.

What it does:
    Groups the exclusive event claims by kind (invitation, hosted visit), guest and destination.
    When two claims of one group name different agents and their times are compatible,
    the text credits one event to two people.

    Exclusive means one event of the kind has one agent: a visit follows one invitation, from one
    inviter, and has one host. Greeting, receiving and hosting a meal are not exclusive (one state
    visit has an airport welcome by a minister, a reception by the crown prince, a banquet given by
    the president): they are extracted (see `factcheck extract`) but never compared, with each other
    or with the host. The lexicon's `exclusive` flag of each event kind says which is which.

Why is this bad?
    "Hegseth has invited Singh to the U.S." and, two paragraphs on, "following an
    invitation from Lloyd Austin" cannot both describe the same visit; usually one
    of them was pasted from an older story.

Abstains when: a participant is a pronoun or an unknown or ambiguous name, or is given only by a
role noun ("the president"), a handle, a quotation's "I" or "you", or the context (the host a visit
noun takes from an earlier event of its guest: the text does not write it there); the destination
of either claim is unknown; a claim is quoted; or the two times are both known and do not overlap
(two different visits). A person the knowledge base lacks counts when the text names them in full
("Sheikh Salem Abdullah al-Sabah"), and a short form ("Sheikh Salem") counts as the full name it
refers back to.

Example:
    Fires:  "Hegseth has invited Singh to the U.S. ... Singh will visit the United States
             following an invitation from Lloyd Austin."
    Silent: the same text with Hegseth in both places; "X welcomed Y at the airport ... Z hosted a
            banquet for Y" (a greeter and a host of one visit).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterator

from factcheck.checks.registry import CheckKind, Example, Rule
from factcheck.facts import EventClaim, Facts, PersonMention
from factcheck.findings import Evidence, Finding, Related
from factcheck.kb.model import KnowledgeBase

EXAMPLES = (
    Example("Pete Hegseth has invited Rajnath Singh to the United States. Rajnath Singh will visit the United States "
            "following an invitation from Lloyd Austin.", True, "2025-07-01"),
    Example("Pete Hegseth has invited Rajnath Singh to the United States. Rajnath Singh will visit the United States "
            "following an invitation from Pete Hegseth.", False, "2025-07-01"),
    Example("Pete Hegseth has invited Rajnath Singh to the United States. Rajnath Singh will visit India "
            "following an invitation from Narendra Modi.", False, "2025-07-01"),
    Example("Donald Trump has invited Narendra Modi to the United States, the White House said on Monday. Narendra Modi "
            "will visit the United States in September following an invitation from Kamala Harris.", True, "2025-07-15"),
    Example("Pete Hegseth has invited him to the United States. Rajnath Singh will visit the United States "
            "following an invitation from Lloyd Austin.", False, "2025-07-01"),
    Example("Narendra Modi arrived in the United States at the invitation of Joe Biden.\n\nModi's visit to the "
            "United States followed an invitation from Kamala Harris.", True, "2023-06-22"),
    Example("Narendra Modi arrived in the United States at the invitation of Joe Biden.\n\nModi's visit to the "
            "United States followed an invitation from Joe Biden.", False, "2023-06-22"),
    Example("Narendra Modi was hosted by Joe Biden in the United States. Later, Narendra Modi's stay in the "
            "United States was hosted by Kamala Harris.", True, "2023-06-22"),
    # Greeting, receiving and hosting a meal are not exclusive: one visit has many.
    Example("Joe Biden welcomed Narendra Modi to the United States. Kamala Harris welcomed Narendra Modi to the "
            "United States.", False, "2023-06-22"),
    Example("Narendra Modi arrived in the United States, where he was welcomed at the airport by Antony Blinken. "
            "Joe Biden received Narendra Modi at the White House, and Kamala Harris hosted a lunch for Narendra Modi "
            "in the United States.", False, "2023-06-22"),
    # A person the knowledge base lacks, named in full, and the short form that refers back to them.
    Example("Emir Sheikh Tamim Hamad al-Khalid has invited Narendra Modi to Qatar. Narendra Modi will visit Qatar "
            "at the invitation of Sheikh Tamim.", False, "2023-06-22"),
    Example("Emir Sheikh Tamim Hamad al-Khalid has invited Narendra Modi to Qatar. Narendra Modi will visit Qatar "
            "at the invitation of Joe Biden.", True, "2023-06-22"),
    # "paying a visit to X" names the host; a headline's surnames are the people named in full below it.
    Example("Narendra Modi began his tour by paying a visit to Fumio Kishida in Japan. Later, Narendra Modi was hosted "
            "by Joe Biden in Japan.", True, "2023-06-22"),
    Example("Kishida hosts Modi in Japan\n\nNarendra Modi began his tour by paying a visit to Fumio Kishida in Japan.",
            False, "2023-06-22"),
    # "at X's invitation" and the passive "was invited to PLACE by X".
    Example("Narendra Modi will visit Japan at Fumio Kishida's invitation. Narendra Modi was invited to Japan by "
            "Shinzo Abe.", True, "2023-06-22"),
    Example("Narendra Modi will visit Japan at Fumio Kishida's invitation. Narendra Modi was invited to Japan by "
            "Kishida.", False, "2023-06-22"),
    # A role noun names the one person the text gave that title, but is not enough to contradict.
    Example("President Joe Biden met Narendra Modi. The president will host Narendra Modi in the United States. "
            "Narendra Modi was hosted by Kamala Harris in the United States.", False, "2023-06-22"),
    Example("Narendra Modi was hosted by Joe Biden in the United States. At the airport, Narendra Modi was "
            "welcomed by Antony Blinken.", False, "2023-06-22"),
    # A quotation's "I" is its speaker, and a visit noun takes its host from the context: read, never compared.
    Example("Narendra Modi was hosted by Joe Biden in the United States. \"I am proud to host Narendra Modi in the "
            "United States,\" Kamala Harris said.", False, "2023-06-22"),
    Example("US President Joe Biden welcomed Narendra Modi to the White House, as part of a visit to Washington. "
            "Later, Narendra Modi was hosted by Kamala Harris in the United States.", False, "2023-06-22"),
    Example("US President Joe Biden welcomed Narendra Modi to the White House, as part of a visit to Washington. "
            "Narendra Modi was hosted by Joe Biden in the United States. Later, Narendra Modi was hosted by Kamala "
            "Harris in the United States.", True, "2023-06-22"),
)


def check(facts: Facts, kb: KnowledgeBase, rule: Rule) -> Iterator[Finding]:
    # Each exclusive event with its one agent, grouped by kind, guest and destination.
    groups: dict[tuple[str, str, str], list[tuple[EventClaim, PersonMention]]] = defaultdict(list)
    for event in facts.events:
        agent, patient = event.agent, event.patient
        if not event.exclusive or event.quoted or event.place is None or agent is None or patient is None:
            continue
        guest_key = _who(patient)
        if guest_key is None or _who(agent) is None:
            continue
        groups[(event.kind, guest_key, event.place)].append((event, agent))
    for (kind, _, place), events in sorted(groups.items()):
        first, first_agent = events[0]
        first_name = _name(first_agent, kb)
        credited = {_who(first_agent)}
        for other, other_agent in events[1:]:
            agent_key = _who(other_agent)
            if agent_key in credited or not _compatible(first, other):
                continue
            credited.add(agent_key)
            guest = _name(other.patient or first_agent, kb)
            where = kb.jurisdictions[place].name if place in kb.jurisdictions else place
            yield Finding(
                rule.code, rule.name, rule.severity, other_agent.span,
                f"the {kind} of {guest} to {where} is credited to {_name(other_agent, kb)} here "
                f"and to {first_name} earlier in the text",
                (Evidence("text", f"same {kind}: guest {guest}, destination {where}"
                          + (f", time {other.time.value.iso()}" if other.time else "")),),
                (Related(first_agent.span, f"{kind} credited to {first_name}"),),
            )


def _who(person: PersonMention) -> str | None:
    """Whom a participant names, when the text says it by name: one knowledge-base person, or the full
    name of one it lacks. None for an unknown or ambiguous name, a role noun or a handle."""
    if person.via in ("role-noun", "handle", "speaker", "addressee", "context"):
        return None
    if len(person.candidates) == 1:
        return person.candidates[0]
    if not person.candidates and len(person.name.split()) >= 2:
        return "name:" + " ".join(person.name.casefold().split())
    return None


def _name(person: PersonMention, kb: KnowledgeBase) -> str:
    if len(person.candidates) == 1 and person.candidates[0] in kb.people:
        return kb.people[person.candidates[0]].name
    return person.name or person.text


def _compatible(a: EventClaim, b: EventClaim) -> bool:
    if a.time is None or b.time is None:
        return True
    return a.time.value.overlaps(b.time.value)


CHECK = CheckKind(
    code='FC103', name='event-attribution', severity='warning',
    summary='One invitation or hosted visit (same guest, same place, compatible time) is credited to two different people.',
    run=check, needs=frozenset({"events"}), doc=__doc__ or "", examples=EXAMPLES,
)
