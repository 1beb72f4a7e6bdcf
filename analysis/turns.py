"""Speaker-turn labels of transcripts that end in no colon, shared by the stage that tells a
transcript (``metadata``) and the one that reads its turns (``quotes``), and the timestamps a
recording's transcript sets before them."""

from __future__ import annotations

import re

# A name after two initials, as a Russian record prints a speaker ("A. I. Antonov", "V.V.
# Zhirinovsky"); "U.S." and "U.N." are no initials.
_INITIALLED_NAME = r"(?!U\.\s?[SNK]\.)(?:[A-Z]\.\s?){2}[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?"
# The office or faction after such a name: capitalised words and the small words between them,
# the last word in any case ("Communist Party of the Russian Federation faction"), so that a
# sentence ("A. I. Antonov, who spoke first, said …") is no label.
_LABEL_ROLE_WORD = r"(?:[A-Z][\w'’\-]*|of|the|on|and|for|in|at|to)"
_LABEL_ROLE = rf"{_LABEL_ROLE_WORD}(?:\s+{_LABEL_ROLE_WORD}){{0,12}}(?:\s+[a-z][\w\-]*)?"

# The US Congressional Record ends a speaker's label with a full stop: "Mr. McCAIN. Mr.
# President, …", "Mrs. SHAHEEN. …", "The PRESIDING OFFICER. …".
RECORD_LABEL = re.compile(
    r"(?P<label>(?:Mr|Mrs|Ms|Miss|Dr)\.\s+(?:Mc|Mac|De|Di|La|Le|O['’])?[A-Z][A-Z'’\-]+"
    r"(?:\s+of\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)?"
    r"|The\s+(?:PRESIDING\s+OFFICER|ACTING\s+PRESIDENT\s+pro\s+tempore|SPEAKER\s+pro\s+tempore"
    r"|CHAIR(?:MAN)?)"
    # A Russian record in translation: "A. I. Antonov, Deputy Minister of Defence of the Russian
    # Federation." the first time, "A. I. Antonov." after; the chair's turns "Presiding officer."
    rf"|{_INITIALLED_NAME}(?:,\s+{_LABEL_ROLE}){{0,2}}"
    r"|(?:The\s+)?(?:Presiding\s+[Oo]fficer|Chair(?:man|woman|person)?)|PRESIDING\s+OFFICER)"
    r"\.\s+(?=[“\"‘'(]?[A-Z])"
)
# "Q Thanks, Josh." — White House transcripts print the reporter label without a colon; it only
# counts as a turn on a page whose other turns carry labels.
BARE_QUESTION_LABEL = re.compile(r"(?P<label>Q)\.?\s+(?=[“\"‘'(]?[A-Z])")
# "A. Yes, the line is open." — the answer's label of an interview printed "Q. … A. …"; it only
# counts as a turn on a page whose questions carry the bare "Q." label too.
BARE_ANSWER_LABEL = re.compile(r"(?P<label>A)\.\s+(?=[“\"‘'(]?[A-Z])")
# A recording's timestamp before (or after) a turn label: "[00:04:12] LAVROV:", "(04:12) Lavrov:",
# "14:32 — Peskov:" (a pattern's text, for composing into larger patterns).
TURN_TIMESTAMP = r"(?:\[\d{1,2}:\d{2}(?::\d{2})?\]|\(\d{1,2}:\d{2}(?::\d{2})?\)|\d{1,2}:\d{2}(?::\d{2})?\s+[—–-])"
# A printed interview's turn that opens with the speaker's name in bold and no colon: "**Lavrov**
# We have offered …", "**Der Spiegel** Mr. Minister, …" (the name of one to four capitalised
# words, a full stop or colon allowed inside or after the bold). It only counts as a turn on a
# page where two such names each open two paragraphs or more, so a bold lead-in of one story
# ("**Update** The ministry …") is no label.
BOLD_NAME_LABEL = re.compile(
    r"\*\*(?P<label>[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,3}?)[.:]?\*\*[.:]?\s+(?=[“\"‘'(]?[A-Z])"
)
