"""Reader comments signed by a user name in lower case over the comment's age, not its date."""

from __future__ import annotations

from analysis.clean import clean_page
from analysis.knowledge import load_knowledge

PAGE = """Pentagon rules out joint strikes

By Jane Roe

The Pentagon said on Friday it was not coordinating strikes with Russia in Syria.

3 Comments

Boris
2 hours ago
They are coordinating, obviously.

Like · Reply

nightowl
12 hours ago
A phone line is not an alliance.

Like · Reply

kharkiv kid
a day ago
Nobody asked the Syrians.
"""


def test_a_lower_case_user_name_over_the_comments_age_opens_a_comment():
    comments = clean_page(PAGE, load_knowledge()).comments
    assert [(c["author"], c["text"]) for c in comments] == [
        ("Boris", "They are coordinating, obviously."),
        ("nightowl", "A phone line is not an alliance."),
        ("kharkiv kid", "Nobody asked the Syrians."),
    ]
