"""The closed vocabularies of the tables (sides, stances, date precisions).

Kept apart from ``analysis.schemas`` so that code needing only these names (parameter checks,
report wording) does not import pandera.
"""

PRECISIONS = ["day", "month", "year"]
SIDES = ["US", "Russia", "Syria", "Turkey", "coalition", "other"]
STANCES = ["proposes", "asserts", "denies", "rejects", "conditional", "opposes", "neutral"]
