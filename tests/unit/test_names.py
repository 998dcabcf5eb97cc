"""Folding transliteration variants, and near-duplicate hashes."""

from __future__ import annotations

import pytest

from etl.enrich.duplicates import distance, simhash
from etl.enrich.names import fold


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Idleb", "Idlib"),
        ("Fayssal Mikdad", "Faisal al-Miqdad"),
        ("al-Mikdad", "Al-Miqdad"),
        ("Bouthaina Shaaban", "Dr. Buthaina Shaaban"),
        ("al-Moallem", "al-Muallem"),
        ("Walid al-Moallem", "Walid el-Muallem"),
        ("Kharrazi", "Kharazi"),
        ("Türkiye", "Turkiye"),
        ("Sheikh Ahmad", "Ahmad"),
    ],
)
def test_variants_fold_together(one: str, other: str) -> None:
    assert fold(one) == fold(other)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Bashar al-Assad", "Hafez al-Assad"),
        ("Ali Haidar", "Ali Asghar Khaji"),
        ("Damascus", "Jenin"),
    ],
)
def test_different_names_stay_apart(one: str, other: str) -> None:
    assert fold(one) != fold(other)


def test_fold_value() -> None:
    assert fold("Dr. Buthaina Shaaban") == "buthina shaban"


def test_simhash_near_and_far() -> None:
    text = " ".join(f"word{i} said the minister in Damascus on Tuesday" for i in range(40))
    edited = text.replace("word7 said", "word7 stated", 1)
    assert distance(simhash(text), simhash(text)) == 0
    assert distance(simhash(text), simhash(edited)) <= 3
    assert distance(simhash(text), simhash("an entirely different bulletin " * 30)) > 3
