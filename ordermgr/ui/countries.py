"""The country list of address forms: every ISO 3166 country by its name in the clerk's
language (Qt's locale data), sorted by that name; the code is what is saved."""

from __future__ import annotations

from PySide6.QtCore import QCollator, QLocale, Qt
from PySide6.QtWidgets import QComboBox, QCompleter

from ordermgr.addresses import COUNTRY_CODES


# Qt's locale data names territories in English only (and natively, where a locale of that
# language exists); the countries a Chinese shop ships to most, by their Chinese names.
ZH_NAMES = dict(line.split(" ", 1) for line in """
CN 中国
HK 中国香港
MO 中国澳门
TW 中国台湾
US 美国
CA 加拿大
MX 墨西哥
BR 巴西
AR 阿根廷
CL 智利
GB 英国
IE 爱尔兰
DE 德国
FR 法国
IT 意大利
ES 西班牙
PT 葡萄牙
NL 荷兰
BE 比利时
LU 卢森堡
CH 瑞士
AT 奥地利
SE 瑞典
NO 挪威
DK 丹麦
FI 芬兰
PL 波兰
CZ 捷克
HU 匈牙利
GR 希腊
RU 俄罗斯
UA 乌克兰
TR 土耳其
IL 以色列
AE 阿拉伯联合酋长国
SA 沙特阿拉伯
EG 埃及
ZA 南非
NG 尼日利亚
KE 肯尼亚
IN 印度
PK 巴基斯坦
BD 孟加拉国
JP 日本
KR 韩国
KP 朝鲜
MN 蒙古
SG 新加坡
MY 马来西亚
TH 泰国
VN 越南
PH 菲律宾
ID 印度尼西亚
KH 柬埔寨
LA 老挝
MM 缅甸
AU 澳大利亚
NZ 新西兰
KZ 哈萨克斯坦
""".strip().splitlines())


def country_name(code: str, locale: QLocale | None = None) -> str:
    """The country's name in the UI language where known, else Qt's English name."""
    locale = locale or QLocale()
    if locale.language() == QLocale.Chinese and code in ZH_NAMES:
        return ZH_NAMES[code]
    territory = QLocale.codeToTerritory(code)
    return code if territory == QLocale.AnyTerritory else QLocale.territoryToString(territory)


class CountryBox(QComboBox):
    """A searchable list of countries: type a few letters of the name or the code."""

    def __init__(self, code: str = "", parent=None):
        super().__init__(parent)
        self.setObjectName("countryBox")
        collator = QCollator(QLocale())
        entries = sorted(((country_name(c), c) for c in COUNTRY_CODES),
                         key=lambda e: collator.sortKey(e[0]))
        for name, c in entries:
            self.addItem(f"{name} ({c})", c)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.NoInsert)
        self.completer().setFilterMode(Qt.MatchContains)
        self.completer().setCompletionMode(QCompleter.PopupCompletion)
        self.set_code(code)

    def set_code(self, code: str) -> None:
        index = self.findData((code or "").strip().upper())
        self.setCurrentIndex(index)
        if index < 0:
            self.setEditText(code or "")  # kept as found, the service says what is wrong

    def code(self) -> str:
        index = self.findText(self.currentText())
        if index >= 0:
            return self.itemData(index)
        text = self.currentText().strip()
        if text.endswith(")") and text[-4:-3] == "(":
            return text[-3:-1]  # "Name (XX)": a name from the list in another language
        return text.upper() if len(text) == 2 else text  # refused by the service if unknown
