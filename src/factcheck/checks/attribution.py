"""event-attribution (FC103): one event credited to two different people.

What it does:
    Groups event claims by kind (invitation, hosted visit), guest and destination.
    When two claims of one group name different agents and their times are compatible,
    the text credits one event to two people.

Why is this bad?
    "Hegseth has invited Singh to the U.S." and, two paragraphs on, "following an
    invitation from Lloyd Austin" cannot both describe the same visit; usually one
    of them was pasted from an older story.

Abstains when: a participant is a pronoun or an unknown or ambiguous name, the
destination of either claim is unknown, a claim is quoted, or the two times are both
known and do not overlap (two different visits).

Example:
    Fires:  "Hegseth has invited Singh to the U.S. ... Singh will visit the United States
             following an invitation from Lloyd Austin."
    Silent: the same text with Hegseth in both places.
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
    Example("Joe Biden welcomed Narendra Modi to the United States. Kamala Harris welcomed Narendra Modi to the "
            "United States.", True, "2023-06-22"),
    Example("Narendra Modi was hosted by Joe Biden in the United States. At the airport, Narendra Modi was "
            "welcomed by Antony Blinken.", False, "2023-06-22"),
)


def check(facts: Facts, kb: KnowledgeBase, rule: Rule) -> Iterator[Finding]:
    # Each event with its one agent, grouped by kind, guest and destination.
    groups: dict[tuple[str, str, str], list[tuple[EventClaim, PersonMention]]] = defaultdict(list)
    for event in facts.events:
        agent, patient = event.agent, event.patient
        if event.quoted or event.place is None or agent is None or patient is None:
            continue
        if len(agent.candidates) != 1 or len(patient.candidates) != 1:
            continue
        groups[(event.kind, patient.candidates[0], event.place)].append((event, agent))
    for (kind, patient_id, place), events in sorted(groups.items()):
        first, first_agent = events[0]
        first_name = kb.people[first_agent.candidates[0]].name
        credited = {first_agent.candidates[0]}
        for other, other_agent in events[1:]:
            agent_id = other_agent.candidates[0]
            if agent_id in credited or not _compatible(first, other):
                continue
            credited.add(agent_id)
            guest = kb.people[patient_id].name
            where = kb.jurisdictions[place].name if place in kb.jurisdictions else place
            yield Finding(
                rule.code, rule.name, rule.severity, other_agent.span,
                f"the {kind} of {guest} to {where} is credited to {kb.people[agent_id].name} here "
                f"and to {first_name} earlier in the text",
                (Evidence("text", f"same {kind}: guest {guest}, destination {where}"
                          + (f", time {other.time.value.iso()}" if other.time else "")),),
                (Related(first_agent.span, f"{kind} credited to {first_name}"),),
            )


def _compatible(a: EventClaim, b: EventClaim) -> bool:
    if a.time is None or b.time is None:
        return True
    return a.time.value.overlaps(b.time.value)


CHECK = CheckKind(
    code='FC103', name='event-attribution', severity='warning',
    summary='One event (same kind, same guest, same place, compatible time) is credited to two different people.',
    run=check, needs=frozenset({"events"}), doc=__doc__ or "", examples=EXAMPLES,
)
