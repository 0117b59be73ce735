"""Names as the customer writes them: given and family name apart, joined in their convention."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ordermgr.models.names import display_name, is_cjk
from ordermgr.sync.base import person_name

# Latin letters with and without accents, plus the apostrophes and hyphens names carry
LATIN = st.text(alphabet=st.sampled_from(list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                              "áàâäãåçéèêëíìîïñóòôöõøœßúùûüýÿÁÉÍÓÚÜÖÄČŠŽŁłŒ'’-")),
                min_size=1, max_size=12).filter(lambda s: any(ch.isalpha() for ch in s))
CJK = st.text(alphabet=st.sampled_from(list("张王李伟芳小明山田太郎さくらサクラ김민준이서연々")),
              min_size=1, max_size=4)


@pytest.mark.parametrize("first, last, shown", [
    ("Jürgen", "Müller", "Jürgen Müller"), ("Seán", "O'Brien", "Seán O'Brien"),
    ("Ada", "Lovelace", "Ada Lovelace"), ("伟", "张", "张伟"), ("太郎", "山田", "山田太郎"),
    ("민준", "김", "김민준"), ("Zoë", "", "Zoë"), ("", "王", "王"), ("  Anne-Marie ", " Dupont ", "Anne-Marie Dupont"),
    ("Wei", "张", "Wei 张"),  # mixed scripts: the Latin convention
])
def test_names_in_the_customers_convention(first, last, shown):
    assert person_name(first, last) == shown


@given(LATIN, LATIN)
def test_latin_names_are_given_then_family_with_a_space(given_name, family):
    assert display_name(given_name, family) == f"{given_name} {family}"


@given(CJK, CJK)
def test_cjk_names_are_family_then_given_without_space(given_name, family):
    assert is_cjk(given_name) and is_cjk(family)
    assert display_name(given_name, family) == f"{family}{given_name}"


@given(st.one_of(LATIN, CJK), st.one_of(LATIN, CJK))
def test_no_name_is_lost_or_reversed_within(given_name, family):
    shown = display_name(given_name, family)
    assert given_name in shown and family in shown
    assert len(shown) - len(given_name) - len(family) in (0, 1)  # at most the one space
