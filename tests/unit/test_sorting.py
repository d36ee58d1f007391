from haydigo_desk.domain.sorting import natural_key


def test_locations_sort_naturally_and_empty_last():
    codes = ["A-10", "B-1", None, "A-2", "a-3", "", "A-2-10", "A-2-9"]
    ordered = sorted(codes, key=natural_key)
    assert ordered[:6] == ["A-2", "A-2-9", "A-2-10", "a-3", "A-10", "B-1"]
    assert set(ordered[6:]) == {None, ""}
