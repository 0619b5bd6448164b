"""The navigator's completeness marks, and what QSettings holds."""

from __future__ import annotations

from decimal import Decimal

import pytest
from ui_support import make_window, widget

pytestmark = [pytest.mark.definition("small"), pytest.mark.usefixtures("private_settings")]


def test_marks_follow_what_is_entered(window):
    nav = window.view.navigator
    assert nav.mark_of("gelirler") == "empty"
    assert nav.mark_of("genel") == "empty"  # the required long text is empty: to fill, not a mistake
    assert "zorunlu boş" in nav.item(0).text()
    window.editor.record_unparsed("itfaiye.trafik_kazasi", "12a")
    assert nav.mark_of("genel") == "error" and "1 hata" in nav.item(0).text()  # a mistake is red
    window.editor.discard_unparsed("itfaiye.trafik_kazasi")
    window.editor.set_values({"itfaiye.makbuz.ocak.arac": 3})
    assert nav.mark_of("gelirler") == "partial"
    assert "1/36 dolu" in nav.item(1).text()
    window.editor.set_values(
        {
            "itfaiye.anlatim": "Yıl boyunca eğitimler sürdü.",
            "itfaiye.trafik_kazasi": 1,
            "itfaiye.kurtarilan_kisi": 2,
            "itfaiye.tatbikat_tarihi": None,
        }
    )
    assert nav.mark_of("genel") == "partial"
    import datetime as dt

    window.editor.set_values({"itfaiye.tatbikat_tarihi": dt.date(2020, 3, 1)})
    assert nav.mark_of("genel") == "done"
    assert nav.mark_of("gostergeler") == "empty"
    window.editor.set_indicator("pg_5_3_2", "actual", Decimal(10))
    assert nav.mark_of("gostergeler") == "partial"


def test_choosing_a_page_in_the_navigator_shows_it(window):
    window.view.navigator.setCurrentRow(2)
    assert window.view.current_page() == "fotograflar"
    assert widget(window, "itfaiye.foto").isVisible()


def test_settings_hold_only_window_state_and_recent_files(qtbot, workbook_path):
    from desktop.ui.settings import settings

    win = make_window(qtbot, workbook_path)
    win.editor.set_values({"itfaiye.trafik_kazasi": 5})
    win.close()
    assert set(settings().allKeys()) <= {"clerkWindow/rect", "clerkWindow/maximized", "splitter", "recent"}
    assert str(workbook_path.resolve()) in settings().value("recent")
