"""Use cases and the steps they are made of.

A use case takes the ``Database`` (or its service object holds it) and opens, commits or rolls
back its own unit of work; ui/ and cli/ call only these (``*_use_cases.py``, ``picking``,
``shipping``, ``claims``, ``labels``...). A function whose first parameter is a ``session`` is a
step: it never commits, and runs inside a transaction its caller owns (a use case, the sync
engine, another step). ``tests/unit/test_layering.py`` keeps ui/ and cli/ off the steps.
"""
