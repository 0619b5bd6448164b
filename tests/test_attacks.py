"""Every attack of bench/attacks_*.py is handled cleanly (see bench/attacks.py)."""

from __future__ import annotations

import pytest

from bench.attacks import all_attacks, run_attack

ATTACKS = all_attacks()


@pytest.mark.parametrize("attack", ATTACKS, ids=[a.name for a in ATTACKS])
def test_attack_is_handled(attack, definition, tmp_path):
    assert run_attack(attack, definition, tmp_path / "work") == []
