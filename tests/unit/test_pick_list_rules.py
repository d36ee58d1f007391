"""Pick-list rules: the first matching rule takes an order; rule sets that could never work
(a rule shadowed by the ones before it, two rules alike, bad names, sizes or countries) are
refused with the rules named."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from haydigo_desk.domain.pick_list_rules import (
    Carrier,
    Due,
    OrderFacts,
    PickListRule,
    RuleProblem,
    RuleSetError,
    choose_rule,
    normalise_countries,
    shadowing_rules,
    validate_rules,
)

SINGLES_VIA_BOL = PickListRule("Singles via bol", carrier=Carrier.VIA_BOL, singles_only=True)
TODAY_BE = PickListRule("Today Belgium", due=Due.TODAY, countries=frozenset({"BE"}))
TODAY = PickListRule("Today", due=Due.TODAY, max_orders=20)


def order(due_today=False, country="NL", via_bol=False, units=1) -> OrderFacts:
    return OrderFacts(due_today, country, via_bol, units)


def test_each_criterion_decides_on_its_own():
    assert PickListRule("x", due=Due.TODAY).matches(order(due_today=True))
    assert not PickListRule("x", due=Due.TODAY).matches(order(due_today=False))
    assert PickListRule("x", due=Due.LATER).matches(order(due_today=False))
    assert not PickListRule("x", due=Due.LATER).matches(order(due_today=True))
    assert PickListRule("x", countries=frozenset({"BE"})).matches(order(country="be"))
    assert not PickListRule("x", countries=frozenset({"BE"})).matches(order(country="NL"))
    assert PickListRule("x", carrier=Carrier.VIA_BOL).matches(order(via_bol=True))
    assert not PickListRule("x", carrier=Carrier.VIA_BOL).matches(order(via_bol=False))
    assert PickListRule("x", carrier=Carrier.OWN).matches(order(via_bol=False))
    assert not PickListRule("x", carrier=Carrier.OWN).matches(order(via_bol=True))
    assert PickListRule("x", singles_only=True).matches(order(units=1))
    assert not PickListRule("x", singles_only=True).matches(order(units=2))
    assert PickListRule("any").matches(order(True, "DE", True, 4))


def test_the_first_matching_rule_takes_the_order_and_the_rest_goes_to_the_default():
    rules = [SINGLES_VIA_BOL, TODAY_BE, TODAY]
    assert choose_rule(rules, order(due_today=True, country="BE", via_bol=True, units=1)) == 0
    assert choose_rule(rules, order(due_today=True, country="BE", units=3)) == 1
    assert choose_rule(rules, order(due_today=True, country="NL", units=3)) == 2
    assert choose_rule(rules, order(due_today=False, country="NL", units=3)) is None
    assert choose_rule([], order()) is None


def test_a_sensible_rule_set_is_accepted():
    validate_rules([SINGLES_VIA_BOL, TODAY_BE, TODAY, PickListRule("Rest")])


def _refusal(rules) -> RuleSetError:
    with pytest.raises(RuleSetError) as caught:
        validate_rules(rules)
    return caught.value


def test_a_rule_behind_a_broader_one_is_refused_naming_both():
    error = _refusal([TODAY, TODAY_BE])
    assert (error.problem, error.position, error.name, error.others) == (
        RuleProblem.SHADOWED, 1, "Today Belgium", ("Today",))
    assert "“Today Belgium” can never get an order: “Today”" in str(error)


def test_a_rule_covered_by_several_earlier_ones_together_is_refused_naming_them():
    rules = [PickListRule("Today", due=Due.TODAY), PickListRule("Later", due=Due.LATER),
             PickListRule("Everything else")]
    error = _refusal(rules)
    assert (error.problem, error.name, error.others) == (
        RuleProblem.SHADOWED, "Everything else", ("Today", "Later"))
    # Countries: NL and BE rules do not cover "any country" (other countries remain).
    validate_rules([PickListRule("NL", countries=frozenset({"NL"})),
                    PickListRule("BE", countries=frozenset({"BE"})), PickListRule("Rest")])
    error = _refusal([PickListRule("NL", countries=frozenset({"NL"})),
                      PickListRule("BE", countries=frozenset({"BE"})),
                      PickListRule("NL+BE", countries=frozenset({"NL", "BE"}))])
    assert error.others == ("NL", "BE")


def test_two_rules_with_the_same_criteria_are_refused_even_with_other_sizes():
    error = _refusal([PickListRule("A", due=Due.TODAY, max_orders=10),
                      PickListRule("B", due=Due.TODAY, max_orders=30)])
    assert (error.problem, error.name, error.others) == (RuleProblem.DUPLICATE, "B", ("A",))
    assert "“B” has the same criteria as “A”" in str(error)


def test_partial_overlap_is_allowed_the_order_decides():
    validate_rules([PickListRule("Belgium", countries=frozenset({"BE"})),
                    PickListRule("Singles", singles_only=True)])


@pytest.mark.parametrize(("rules", "problem", "position"), [
    ([PickListRule("  ")], RuleProblem.NAME_MISSING, 0),
    ([PickListRule("x" * 81)], RuleProblem.NAME_TOO_LONG, 0),
    ([PickListRule("Today", due=Due.TODAY), PickListRule("today", due=Due.LATER)],
     RuleProblem.NAME_TAKEN, 1),
    ([PickListRule("Zero", max_orders=0)], RuleProblem.MAX_ORDERS, 0),
    ([PickListRule("Huge", max_orders=501)], RuleProblem.MAX_ORDERS, 0),
    ([PickListRule("Typo", countries=frozenset({"NL", "XX"}))], RuleProblem.COUNTRY_UNKNOWN, 0),
])
def test_bad_names_sizes_and_countries_are_refused(rules, problem, position):
    error = _refusal(rules)
    assert (error.problem, error.position) == (problem, position)
    assert str(error)


def test_countries_as_typed():
    assert normalise_countries("nl, be;de  lu") == frozenset({"NL", "BE", "DE", "LU"})
    assert normalise_countries(["nl", " "]) == frozenset({"NL"})
    assert normalise_countries("") == frozenset()


COUNTRIES = ("NL", "BE", "DE", "FR")
rules_strategy = st.builds(
    PickListRule,
    name=st.text(min_size=1, max_size=5),
    due=st.sampled_from(list(Due)),
    countries=st.frozensets(st.sampled_from(COUNTRIES), max_size=2),
    carrier=st.sampled_from(list(Carrier)),
    singles_only=st.booleans(),
)
orders_strategy = st.builds(OrderFacts, due_today=st.booleans(),
                            country=st.sampled_from((*COUNTRIES, "LU")),
                            via_bol=st.booleans(), units=st.integers(1, 5))


@settings(max_examples=400, deadline=None)
@given(rules=st.lists(rules_strategy, max_size=6), facts=orders_strategy)
def test_the_chosen_rule_matches_and_no_earlier_rule_does(rules, facts):
    chosen = choose_rule(rules, facts)
    if chosen is None:
        assert not any(rule.matches(facts) for rule in rules)
    else:
        assert rules[chosen].matches(facts)
        assert not any(rule.matches(facts) for rule in rules[:chosen])


@settings(max_examples=300, deadline=None)
@given(rules=st.lists(rules_strategy, min_size=1, max_size=5), facts=orders_strategy)
def test_a_rule_called_shadowed_never_gets_an_order(rules, facts):
    *earlier, last = rules
    if shadowing_rules(earlier, last) and last.matches(facts):
        assert choose_rule(earlier, facts) is not None


@settings(max_examples=300, deadline=None)
@given(rules=st.lists(rules_strategy, min_size=1, max_size=5))
def test_a_rule_not_called_shadowed_gets_some_order(rules):
    *earlier, last = rules
    every_order = [OrderFacts(due, country, via_bol, units) for due in (True, False)
                   for country in (*COUNTRIES, "LU") for via_bol in (True, False)
                   for units in (1, 2)]
    reached = any(last.matches(o) and choose_rule(earlier, o) is None for o in every_order)
    assert reached == (not shadowing_rules(earlier, last))
