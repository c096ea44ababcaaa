"""One lookup for every word: no key twice, every key in both languages."""

import pytest

from assess import i18n


def test_a_key_defined_in_two_tables_is_an_error() -> None:
    with pytest.raises(ValueError, match=r"'x\.y' is defined twice"):
        i18n._merged(({"x.y": ("a", "a")}, {"x.y": ("b", "b")}))


def test_every_word_is_in_dutch_and_english() -> None:
    assert len(i18n.LABELS) == sum(len(table) for table in i18n.TABLES)
    # a key may be deliberately empty in both (a footer group shown by its keys alone), never in one
    missing = [key for key, (nl, en) in i18n.LABELS.items() if bool(nl.strip()) != bool(en.strip())]
    assert missing == []


def test_t_fills_in_values_and_writes_the_chosen_language() -> None:
    assert i18n.t("report.completeness_detail", "nl", assessed=1, total=62) == "1 van 62 normen beoordeeld"
    assert i18n.t("report.completeness_detail", "en", assessed=1, total=62) == "1 of 62 norms assessed"
