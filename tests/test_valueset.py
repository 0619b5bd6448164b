"""Value sets: round trip, and all-or-nothing import with a message per problem."""

import hashlib
import json
from decimal import Decimal as D

import pytest

from desktop.store.errors import ImportRejected
from desktop.store.exchange.valueset import export_values, import_values, read_json, to_csv
from desktop.store.file.workbook import Workbook


def valueset(**over):
    data = {
        "format": "faaliyet-degerler",
        "format_version": 1,
        "institution": "kars",
        "year": 2020,
        "department": "itfaiye",
        "values": [
            {"field": "itfaiye.makbuz.ocak.arac", "value": 78},
            {"field": "itfaiye.makbuz.ocak.tutar", "value": 12115.5},
            {"field": "itfaiye.akaryakit.subat.litre", "value": 1740},
            {"field": "itfaiye.anlatim", "value": "Eğitimler yapıldı.\n\n- Tatbikat\n- Baca temizliği"},
        ],
        "indicators": [],
        "activities": [],
    }
    data.update(over)
    return data


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_round_trip(workbook, tmp_path, definition):
    ind = definition.indicators_of("itfaiye")[0]  # "Adet": a count, whole numbers only
    act = definition.activities_of("itfaiye")[0]
    data = valueset(
        indicators=[{"key": ind.key, "actual": 9, "explanation": "Açıklama", "source": "Olay kayıt defteri"}],
        activities=[{"key": act.key, "actual_cost": 1250.75, "explanation": "", "source": "Ödeme emri 12/2020"}],
    )
    assert import_values(workbook, json.loads(json.dumps(data), parse_float=D)) == 4 + 3 + 2
    out = export_values(workbook)
    assert {r["field"]: r["value"] for r in out["values"]} == {r["field"]: r["value"] for r in data["values"]}
    assert out["indicators"] == data["indicators"]
    assert out["activities"] == data["activities"]
    # a second file filled from the export is equal
    other = tmp_path / "kopya.faaliyet"
    with Workbook.create(other, definition, "itfaiye") as wb2:
        import_values(wb2, out)
        assert wb2.entries() == workbook.entries()
    assert f'"gosterge";"{ind.key}"' in to_csv(out)


def test_reimport_changes_nothing(workbook, workbook_path):
    import_values(workbook, valueset())
    before = digest(workbook_path)
    assert import_values(workbook, valueset()) == 0
    assert digest(workbook_path) == before


@pytest.mark.parametrize(
    "change, expected",
    [
        ({"values": [{"field": "itfaiye.makbuz.ocak.arac", "value": "yetmiş"}]}, "itfaiye.makbuz.ocak.arac"),
        ({"values": [{"field": "itfaiye.makbuz.ocak.arac", "value": -3}]}, "eksi"),
        ({"values": [{"field": "itfaiye.makbuz.ocak.arac", "value": True}]}, "doğru/yanlış"),
        ({"values": [{"field": "itfaiye.yok", "value": 1}]}, "itfaiye.yok"),
        ({"values": [{"field": "itfaiye.makbuz.toplam.arac", "value": 1}]}, "hesaplanan"),
        ({"year": 2019}, "yıl 2019"),
        ({"department": "imar"}, "birim 'imar'"),
        ({"institution": "ardahan"}, "kurum 'ardahan'"),
        ({"indicators": [{"key": "yok", "actual": 1}]}, "gösterge yok"),
        ({"values": "hepsi"}, "liste"),
        # a row named by "key", as indicators are: the message shows the shape a value's row has
        ({"values": [{"key": "itfaiye.makbuz.ocak.arac", "value": 1}]}, '\'field\' eksik; bir satır {"field": …, "value": …}'),
        ({"format_version": 7}, "sürüm 7"),
    ],
)
def test_one_bad_value_rejects_everything(workbook, workbook_path, change, expected):
    import_values(workbook, valueset())
    before = digest(workbook_path)
    data = valueset()
    if "values" in change and isinstance(change["values"], list):
        data["values"] = data["values"] + change.pop("values")
    data.update(change)
    with pytest.raises(ImportRejected) as info:
        import_values(workbook, data)
    assert expected in str(info.value)
    assert digest(workbook_path) == before


def test_all_problems_are_listed(workbook):
    data = valueset(year=1999)
    data["values"] += [{"field": "itfaiye.yok", "value": 1}, {"field": "itfaiye.makbuz.mart.arac", "value": 1.5}]
    with pytest.raises(ImportRejected) as info:
        import_values(workbook, data)
    assert len(info.value.problems) == 3


@pytest.mark.parametrize(
    "content, expected",
    [(b"{bozuk", "geçerli bir JSON değil"), (b"[1, 2]", "nesnesi olmalı"), (b"\xff\xfe\x00", "UTF-8")],
)
def test_unreadable_files(tmp_path, content, expected):
    p = tmp_path / "v.json"
    p.write_bytes(content)
    with pytest.raises(ImportRejected, match=expected):
        read_json(p)


def test_money_in_json_keeps_its_cents(workbook, tmp_path):
    p = tmp_path / "v.json"
    p.write_text(json.dumps(valueset(values=[{"field": "itfaiye.makbuz.ocak.tutar", "value": 104810943.10}])), encoding="utf-8")
    import_values(workbook, read_json(p))
    assert workbook.get("itfaiye.makbuz.ocak.tutar") == D("104810943.10")


# --- CSV export: formula injection (OWASP) ------------------------------------
FORMULA_TEXTS = ["=1+1", "+1", "-5+3", "@SUM(A1)", "\t=cmd", "\r=cmd", "＝1+1"]


def _csv_rows(text):
    import csv
    import io

    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))[1:]


@pytest.mark.parametrize("hostile", FORMULA_TEXTS)
def test_csv_neutralises_formula_text_in_every_column(hostile):
    data = {
        "values": [{"field": hostile, "value": hostile}],
        "indicators": [{"key": hostile, "actual": hostile, "explanation": hostile, "source": hostile}],
        "activities": [{"key": hostile, "actual_cost": hostile, "explanation": hostile, "source": hostile}],
    }
    rows = _csv_rows(to_csv(data))
    assert len(rows) == 3
    for row in rows:
        for cell in row[1:]:
            assert cell in ("", "'" + hostile), (row, cell)
        assert row[0] in ("alan", "gosterge", "faaliyet")


def test_csv_keeps_numbers_as_numbers_negative_too():
    data = {
        "values": [{"field": "a.b", "value": -5}, {"field": "a.c", "value": D("-12.5")}, {"field": "a.d", "value": 7}],
        "indicators": [{"key": "g", "actual": -0.5, "explanation": "düz metin", "source": "-"}],
        "activities": [],
    }
    rows = _csv_rows(to_csv(data))
    assert [r[2] for r in rows] == ["-5", "-12,5", "7", "-0,5"]  # decimal commas, as Turkish Excel reads them
    assert rows[3][3] == "düz metin" and rows[3][4] == "'-"


def test_csv_numbers_are_bare_with_a_decimal_comma_and_never_in_exponent_form():
    """Turkish Excel takes the dot for its thousands separator: 63018608.43 was no number there."""
    data = {
        "values": [{"field": "a.b", "value": D("63018608.43")}, {"field": "a.c", "value": D("1E+3")}],
        "indicators": [{"key": "g", "actual": 12.5, "explanation": "", "source": ""}],
        "activities": [{"key": "f", "actual_cost": D("0.10"), "explanation": "", "source": ""}],
    }
    text = to_csv(data)
    assert ";63018608,43;" in text and ";1000;" in text and ";12,5;" in text and ";0,10;" in text


def test_csv_export_of_a_workbook_neutralises_stored_text(workbook, definition):
    text_slot = next(s for s in definition.slots_of("itfaiye") if s.type == "text" and not s.computed)
    ind = definition.indicators_of("itfaiye")[0]
    import_values(
        workbook,
        valueset(
            values=[{"field": text_slot.key, "value": '=HYPERLINK("http://x")'}],
            indicators=[{"key": ind.key, "actual": 3, "explanation": "@SUM(1)", "source": "+kaynak"}],
        ),
    )
    rows = {r[1]: r for r in _csv_rows(to_csv(export_values(workbook)))}
    assert rows[text_slot.key][2] == '\'=HYPERLINK("http://x")'
    assert rows[ind.key][2:] == ["3", "'@SUM(1)", "'+kaynak"]


# --- duplicate keys ---------------------------------------------------------------
@pytest.mark.parametrize(
    "text, key",
    [
        ('{"year": 2020, "year": 2019}', "year"),
        ('{"values": [{"field": "a", "value": 1, "value": 2}]}', "value"),
    ],
)
def test_duplicate_json_keys_are_refused(tmp_path, text, key):
    path = tmp_path / "d.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ImportRejected) as err:
        read_json(path)
    assert f"'{key}' anahtarı aynı nesnede iki kez" in str(err.value)


def test_a_batch_is_checked_once_and_the_state_read_once(workbook, monkeypatch):
    """Every value is checked and converted once (``prepare``), and the file's state (a sent file is
    locked) is looked at once per batch, however many values it holds."""
    calls = {"prepare": 0, "state": 0}
    real_prepare, real_state = Workbook.prepare, Workbook.state

    def prepare(self, *args, **kwargs):
        calls["prepare"] += 1
        return real_prepare(self, *args, **kwargs)

    def state(self, *args, **kwargs):
        calls["state"] += 1
        return real_state(self, *args, **kwargs)

    monkeypatch.setattr(Workbook, "prepare", prepare)
    monkeypatch.setattr(Workbook, "state", state)
    data = valueset()
    assert len(data["values"]) > 2
    assert import_values(workbook, data) == len(data["values"])
    assert calls == {"prepare": 1, "state": 1}


def test_fields_written_at_the_top_are_refused_once_with_the_format_to_use(workbook, workbook_path):
    """{"<alan>": değer} — the first guess of anyone writing a value set — listed "kurum 'None'",
    "yıl None", "birim 'None'" and every field as "bilinmeyen alan", though each field exists."""
    before = digest(workbook_path)
    with pytest.raises(ImportRejected) as info:
        import_values(workbook, {"itfaiye.makbuz.ocak.arac": 78, "itfaiye.anlatim": "Metin"})
    (problem,) = info.value.problems
    assert "'itfaiye.makbuz.ocak.arac'" in problem and '"values"' in problem and "faaliyet fields" in problem
    assert "None" not in str(info.value) and "bilinmeyen" not in str(info.value)
    with pytest.raises(ImportRejected) as info:
        import_values(workbook, {"a": 1})  # nothing of the format at all
    (problem,) = info.value.problems
    assert "değer dosyası değil" in problem and "'values'" in problem
    assert digest(workbook_path) == before


@pytest.mark.parametrize(
    "missing, expected",
    [
        ("institution", "kurum ('institution') yazılmamış"),
        ("year", "yıl ('year') yazılmamış"),
        ("department", "birim ('department') yazılmamış"),
    ],
)
def test_a_missing_head_key_is_named_not_shown_as_none(workbook, workbook_path, missing, expected):
    data = valueset()
    del data[missing]
    before = digest(workbook_path)
    with pytest.raises(ImportRejected) as info:
        import_values(workbook, data)
    assert expected in str(info.value) and "None" not in str(info.value)
    assert digest(workbook_path) == before


@pytest.mark.parametrize("text", ["12.000", "1.234", "12.0"])
def test_a_count_given_as_text_with_a_dot_is_refused_never_read_as_twelve(workbook, workbook_path, text):
    """ "12.000" — twelve thousand, as a Turkish hand writes it — was stored as 12 (a number's text
    takes the dot as the decimal point, and 12.000 is whole)."""
    data = valueset(values=[{"field": "itfaiye.makbuz.ocak.arac", "value": text}])
    before = digest(workbook_path)
    with pytest.raises(ImportRejected) as info:
        import_values(workbook, data)
    assert f"'{text}'" in str(info.value) and "binlik ayırıcı yazmayın" in str(info.value)
    assert digest(workbook_path) == before
    assert import_values(workbook, valueset(values=[{"field": "itfaiye.makbuz.ocak.arac", "value": "12000"}])) == 1


def test_a_value_set_saved_by_notepad_with_a_byte_order_mark_is_read(workbook, tmp_path):
    """Notepad's "UTF-8" begins with a byte order mark: refused as "Unexpected UTF-8 BOM (decode using utf-8-sig)"."""
    path = tmp_path / "degerler.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(valueset(), ensure_ascii=False).encode("utf-8"))
    assert import_values(workbook, read_json(path)) == 4


@pytest.mark.parametrize("name, expected", [("degerler.csv", "excel template"), ("doldurulan.xlsx", "excel import")])
def test_a_csv_or_excel_file_given_as_a_value_set_says_what_to_use(tmp_path, name, expected):
    """The CSV export read back was "geçerli bir JSON değil (… Unexpected UTF-8 BOM …)"."""
    path = tmp_path / name
    path.write_bytes(b"\xef\xbb\xbftur;anahtar;deger\n")
    with pytest.raises(ImportRejected) as info:
        read_json(path)
    assert expected in str(info.value) and "JSON değil" not in str(info.value)


def test_a_submitted_file_is_refused_once_not_once_per_value(workbook, workbook_path):
    from desktop.store.file.submission import submit

    submit(workbook, errors=[])  # (as if its errors were fixed: which are, is not what this is about)
    before = digest(workbook_path)
    with pytest.raises(ImportRejected) as info:
        import_values(workbook, valueset())
    (problem,) = info.value.problems
    assert "gönderildi olarak kilitli" in problem
    assert digest(workbook_path) == before
