"""The per-row rules of a stored file: ``RowCheck`` looks at one row at a time and collects
every ``Problem`` (the rules themselves are listed in ``stored.py``'s docstring).

``stored.problems`` feeds it the rows of every table; the SQL pre-filters (``clean_rows.py``,
``department_rows.py``) leave out only rows these rules are proven to pass.
"""

from __future__ import annotations

import datetime as dt

import msgspec

from ...core.definition import Definition
from ...core.forms import PhotoListDef
from ...core.i18n import _, lazy
from ...core.plan import ActivityDef, IndicatorDef
from .earlier_years import history_owner, history_type
from .states import STATES
from .stored_values import show, text_problem, value_problem

CLOCK_ALLOWANCE = dt.timedelta(days=1)  # clocks of office PCs differ; a day more is no clock error
META_KEYS = frozenset(
    {
        "kind",
        "department",
        "institution",
        "institution_name",
        "year",
        "definition_id",
        "definition_version",
        "definition_digest",
        "created_at",
        "created_by",
    }
)
_PLAN_ATTRS = ("actual", "actual_cost", "explanation", "source")
_WORDS = {"alan": lazy("alan"), "gösterge": lazy("gösterge"), "faaliyet": lazy("faaliyet"), "birim": lazy("birim")}
_POSSESSIVE = {"alan": lazy("alanı"), "gösterge": lazy("göstergesi"), "faaliyet": lazy("faaliyeti"), "birim": lazy("birimi")}


class Problem(msgspec.Struct, frozen=True):
    place: str  # a key the user can go to, or the department
    department: str
    message: str  # Turkish, names the field
    kind: str = "row"  # "row" | "time"


class RowCheck:
    def __init__(self, definition: Definition, department: str | None, year: int, clock_now: str):
        self.d = definition
        self.dept = department
        self.found: list[Problem] = []
        self.slots = definition.slots  # the definition's indexes, built once per definition (not per file)
        self.latest = (_parse_time(clock_now) or dt.datetime.now(dt.UTC)) + CLOCK_ALLOWANCE  # the clock gives ISO times
        self.start = dt.datetime(year, 1, 1, tzinfo=dt.UTC)
        self.images = True

    def add(self, place: str, message: str, department: str | None = None, kind: str = "row") -> None:
        self.found.append(Problem(place, department or self.dept or "", message, kind))

    # --- ownership ---------------------------------------------------------
    def owned(self, key, what: str, column, owner: str | None) -> str | None:
        """The department a row with ``key`` belongs to, or None after adding why it may not be here."""
        if owner is not None and column == owner and (self.dept is None or owner == self.dept):
            return owner
        place = show(key)
        if owner is None:
            if self.dept:
                message = _("'{place}' bu yılın tanımında {dept} biriminin bir {what} değil").format(
                    place=place, dept=self.dept, what=_POSSESSIVE.get(what, what)
                )
            else:
                message = _("'{place}' bu yılın tanımında bir {what} değil").format(place=place, what=_WORDS.get(what, what))
            self.add(place, message)
            return None
        if self.dept is not None and owner != self.dept:
            self.add(
                place,
                _(
                    "'{place}' başka bir birime ait ({owner}); bu dosya {dept} biriminin ve yalnızca kendi verilerini taşıyabilir"
                ).format(place=place, owner=owner, dept=self.dept),
            )
            return None
        if column != owner:
            self.add(
                place,
                _("'{place}' {owner} birimine ait, ama kaydı '{show}' birimi adına").format(
                    place=place, owner=owner, show=show(column)
                ),
                owner,
            )
            return None
        return owner

    def target_owner(self, target: str) -> str | None:
        slot = self.slots.get(target)
        if slot is not None:
            return slot.department
        if self.d.knows(target):
            return target
        plan_key, _, attr = target.rpartition(".")
        for key in (target, plan_key if attr in _PLAN_ATTRS else None):
            item = self.d.plan_item(key) if key is not None else None
            if item is not None:
                return item.department
        head = target.partition(".")[0]
        return head if self.d.knows(head) else None

    # --- tables --------------------------------------------------------------
    def meta(self, rows) -> None:
        for key, value in rows:
            if key not in META_KEYS:
                self.add("", _("dosyanın kimlik bilgilerinde tanınmayan bir kayıt var ('{show}')").format(show=show(key)))
            elif key == "created_at":
                self.time("", value, _("dosyanın oluşturulma zamanı"), data=False)

    def entry(self, key, column, value, changed_at, changed_by) -> None:
        slot = self.slots.get(key) if type(key) is str else None
        dept = self.owned(key, "alan", column, slot.department if slot else None)
        if slot is None or dept is None:
            return
        if slot.computed:
            self.add(key, _("'{label}' hesaplanan bir değer; dosyada saklanamaz").format(label=slot.label), dept)
        elif (p := value_problem(slot.type, value)) is not None:
            self.add(key, f"'{slot.label}': {p}", dept)
        self.row_time(key, dept, changed_at, changed_by, slot.label)

    def plan_row(self, table, type_, key, column, number, explanation, source, changed_at, changed_by) -> None:
        item = self.d.plan_item(key) if type(key) is str else None
        if not isinstance(item, IndicatorDef if table == "indicator" else ActivityDef):
            item = None  # an activity's key in the indicator table, or the other way round
        what = "gösterge" if table == "indicator" else "faaliyet"
        dept = self.owned(key, what, column, item.department if item else None)
        if item is None or dept is None:
            return
        label = f"{item.code} {item.name}"
        if number is not None and (p := value_problem(type_, number)) is not None:
            self.add(key, f"'{label}': {p}", dept)
        for attr, text in ((_("sapma açıklaması"), explanation), ("kaynak", source)):
            if (p := text_problem(text)) is not None:
                self.add(key, f"'{label}' ({attr}): {p}", dept)
        self.row_time(key, dept, changed_at, changed_by, label)

    def photo_list(self, list_key) -> PhotoListDef | None:
        if type(list_key) is not str:
            return None
        d, _, item_key = list_key.partition(".")
        item = self.d.item(d, item_key) if self.d.knows(d) else None
        return item if item is not None and item.kind == "photos" else None

    def photo(self, counts, pid, column, list_key, caption, mime, width, height, sha, data, changed_at, changed_by) -> None:
        item = self.photo_list(list_key)
        dept = self.owned(list_key, _("fotoğraf listesi"), column, list_key.partition(".")[0] if item else None)
        if item is None or dept is None:
            return
        counts[list_key] = counts.get(list_key, 0) + 1
        label = _("'{title}' fotoğraf {pid}").format(title=item.title, pid=pid)
        import hashlib  # noqa: PLC0415 - OpenSSL (fast for megabytes of photos) only when a file has photos

        if type(data) is not bytes or type(sha) is not str or hashlib.sha256(data).hexdigest() != sha:
            self.add(list_key, _("{label}: içeriği kayıtlı özetiyle tutmuyor").format(label=label), dept)
        if self.images:
            from ...core.images import image_problem  # noqa: PLC0415 - Pillow only when photos are decoded

            if (p := image_problem(data, mime, width, height)) is not None:
                self.add(list_key, f"{label}: {p}", dept)
        elif mime not in ("image/jpeg", "image/png") or type(width) is not int or type(height) is not int:
            self.add(list_key, _("{label}: resim türü ya da boyutu geçersiz").format(label=label), dept)
        if (p := text_problem(caption, "caption")) is not None:
            self.add(list_key, _("{label} (açıklama): {p}").format(label=label, p=p), dept)
        self.row_time(list_key, dept, changed_at, changed_by, item.title)

    def status(self, department, state, changed_at, changed_by, content_hash, note) -> None:
        known = department if self.d.knows(department) else None
        dept = self.owned(department, "birim", department, known)
        if dept is None:
            return
        if state not in STATES:
            self.add(dept, _("birimin durumu tanınmıyor ('{show}')").format(show=show(state)), dept)
        if type(content_hash) is not str or text_problem(note) is not None:
            self.add(dept, _("birimin durum kaydı okunamıyor"), dept)
        self.row_time(dept, dept, changed_at, changed_by, _("birimin durumu"))

    def audit(self, rid, at, who, department, target) -> None:
        owner = self.target_owner(target) if type(target) is str else None
        if owner is None:
            owner = department if self.d.knows(department) else None
        dept = self.owned(target, _("kayıt yeri"), department, owner)
        if dept is None:
            return
        place = target if type(target) is str else show(target)
        if type(who) is not str or type(at) is not str:
            self.add(place, _("değişiklik kaydı {rid} okunamıyor").format(rid=rid), dept)
            return
        self.time(place, at, _("değişiklik kaydı {rid} ({place})").format(rid=rid, place=place), dept=dept)

    def history(self, year, column, target, attribute, value) -> None:
        year_ok = type(year) is int and 2000 <= year < self.start.year
        type_ = history_type(self.d, target, attribute) if type(target) is str and type(attribute) is str else None
        place = target if type(target) is str else show(target)
        if type_ is None:
            self.add(
                place,
                _("geçmiş yıl kaydı '{place}' ({attribute}) bu yılın tanımında bir değer değil").format(
                    place=place, attribute=show(attribute)
                ),
            )
            return
        dept = self.owned(target, _("geçmiş yıl kaydı"), column, history_owner(self.d, target, attribute))
        if dept is None:
            return
        if not year_ok:
            self.add(
                place,
                _("'{place}': geçmiş yıl kaydının yılı ({year}) bu yıldan önce değil").format(place=place, year=show(year)),
                dept,
            )
        elif value is not None and (p := value_problem(type_, value)) is not None:
            self.add(place, _("'{place}' ({year} yılı): {problem}").format(place=place, year=year, problem=p), dept)

    # --- time ------------------------------------------------------------------
    def row_time(self, place: str, dept: str, changed_at, changed_by, label: str) -> None:
        if type(changed_by) is not str:
            self.add(place, _("'{label}': kaydı yapanın adı okunamıyor").format(label=label), dept)
        self.time(place, changed_at, f"'{label}'", dept=dept)

    def good_time(self, value) -> bool:
        """A data row's time ``time`` finds nothing to say about."""
        when = _parse_time(value) if type(value) is str else None
        return when is not None and self.start <= when <= self.latest

    def time(self, place: str, value, what: str, dept: str | None = None, data: bool = True) -> None:
        when = _parse_time(value) if type(value) is str else None
        if when is None:
            self.add(place, _("{what}: değişiklik zamanı okunamıyor ('{show}')").format(what=what, show=show(value)), dept)
        elif when > self.latest:
            self.add(
                place,
                _(
                    "{what}: değişiklik zamanı gelecekte ({value}); gönderen bilgisayarın saati yanlış olabilir ya da dosya Faaliyet dışında değiştirilmiş"
                ).format(what=what, value=value),
                dept,
                kind="time",
            )
        elif data and when < self.start:
            self.add(
                place,
                _("{what}: değişiklik zamanı ({value}) yılın başından ({year}) önce").format(
                    what=what, value=value, year=self.start.year
                ),
                dept,
                kind="time",
            )


def _parse_time(value: str) -> dt.datetime | None:
    try:
        when = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return when if when.tzinfo is not None else when.replace(tzinfo=dt.UTC)
