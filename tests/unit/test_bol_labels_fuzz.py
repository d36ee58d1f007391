"""Fuzz: malformed answers fed to the shipping-label calls (the harness of test_bol_fuzz.py).

Whatever comes back, asking for delivery options or buying a label ends in a value or a
``BolError``, never hangs, never waits beyond the client's cap, never turns an empty answer or
a redirect into options, and a purchase is never sent again after an answer that may mean
"bought" (it costs money). The label PDF's endpoint is in test_bol_fuzz.py already.
``HAYDIGO_FUZZ_EXAMPLES`` sets the examples, as there (default 80: 640 answers per call).
"""

from __future__ import annotations

import asyncio
import gc
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_bol_fuzz import BATCH, EXAMPLES, Answer, Harness, answers, feed

from haydigo_desk.bol import BolError
from haydigo_desk.bol.bodies import ShipmentLine

ENDPOINTS = {
    "get_delivery_options": lambda c: c.get_delivery_options(
        [ShipmentLine("6107434013", 1), "6107434014"]),
    "create_shipping_label": lambda c: c.create_shipping_label(
        ["6107434013"], "027b79fa-5743-40f0-94c7-0eac761af611"),
}


def check(name: str, harness: Harness, outcome: object) -> None:
    if isinstance(outcome, BaseException) and not isinstance(outcome, BolError):
        raise AssertionError(f"{name} raised {type(outcome).__name__}: {outcome}") from outcome
    answered: list[Answer] = [a for _, a in harness.exchanges if a is not None]
    if name == "create_shipping_label":
        for earlier in answered[:-1]:
            if earlier.may_mean_done:
                raise AssertionError(f"a label was bought again after {earlier}")
        if isinstance(outcome, BolError) and answered and answered[-1].may_mean_done:
            # The caller must learn that the label may be bought: it asks bol before anew.
            assert outcome.may_have_been_processed, (outcome, answered[-1])
        return
    if not isinstance(outcome, BaseException) and answered and all(
        a.broken is None and (not a.body.strip() or 300 <= a.status < 400 or a.status < 200)
        for a in answered
    ):
        raise AssertionError(f"{name} turned empty answers or redirects into {outcome!r}")


@pytest.mark.slow
def test_label_calls_survive_malformed_answers() -> None:
    served: Counter[str] = Counter()
    loop_errors: list[dict] = []
    runner = asyncio.Runner()
    runner.get_loop().set_exception_handler(lambda _loop, context: loop_errors.append(context))

    @settings(max_examples=EXAMPLES, deadline=None, database=None, print_blob=True,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                     HealthCheck.large_base_example])
    @given(batch=st.lists(answers(), min_size=BATCH, max_size=BATCH))
    def run(batch: list[Answer]) -> None:
        runner.run(feed(batch, served, ENDPOINTS, check))

    with runner:
        run()
        gc.collect()
        runner.run(asyncio.sleep(0))
    assert not loop_errors, loop_errors
    assert set(served) == set(ENDPOINTS)
    assert min(served.values()) >= BATCH * EXAMPLES, served
