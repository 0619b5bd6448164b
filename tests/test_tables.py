from decimal import Decimal as D

from desktop.core.forms import TableDef
from desktop.core.tables import compute_table


def test_total_row_sums_entered_rows_and_recomputes_rates():
    table = TableDef.from_data(
        {
            "key": "gelir",
            "title": "Gelir",
            "rows": [{"key": "a", "label": "A"}, {"key": "b", "label": "B"}],
            "columns": [
                {"key": "tahmin", "label": "Tahmin", "type": "money"},
                {"key": "tahsilat", "label": "Tahsilat", "type": "money"},
                {"key": "oran", "label": "Oran", "type": "percent", "computed": "tahsilat / tahmin * 100"},
            ],
            "total_row": True,
        }
    )
    entered = {
        "m.gelir.a.tahmin": D("100.00"),
        "m.gelir.a.tahsilat": D("50.00"),
        "m.gelir.b.tahmin": D("300.00"),
        "m.gelir.b.tahsilat": D("300.00"),
    }
    out = compute_table("m", table, entered)
    assert out["m.gelir.a.oran"] == D(50)
    assert out["m.gelir.toplam.tahmin"] == D("400.00")
    assert out["m.gelir.toplam.tahsilat"] == D("350.00")
    # the total rate is computed from the totals, not summed or averaged
    assert out["m.gelir.toplam.oran"] == D("87.5")


def test_permits_total_is_the_sum_of_rows_not_the_printed_152(definition):
    table = definition.item("imar", "ruhsat")
    rows = {"yeni_yapi": 53, "tadilat": 4, "isim_degisikligi": 5, "restorasyon": 5, "kat_ilave": 0, "yenileme": 4, "gecici": 0}
    entered = {f"imar.ruhsat.{k}.adet": v for k, v in rows.items()}
    assert compute_table("imar", table, entered)["imar.ruhsat.toplam.adet"] == 71


def test_empty_column_total_is_none_not_zero(definition):
    table = definition.item("imar", "ruhsat")
    assert compute_table("imar", table, {})["imar.ruhsat.toplam.adet"] is None
