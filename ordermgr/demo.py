"""Demo data: a realistic, reproducible back office for a tea shop, written in bulk.

`generate(engine, orders=N, seed=S)` fills a migrated database that has no orders yet with three
stores, ~500 SKUs, two warehouses with bins and stock, customers with Chinese and Latin names,
and N orders in every state spread over the last twelve months, with lines, payments,
shipments with tracking, reservations, returns, tags and a timeline for each order.

It writes with SQLAlchemy Core `conn.execute(insert(table), rows)` (executemany), one transaction
per chunk of orders, with every id chosen here so children reference parents without a round
trip. Amounts are computed as integer cents (shop prices like 39.90) and written in the storage
scale of the `Amount` type (`_Writer` scales every Amount column), times in the storage format of
the dialect, i.e. exactly what the `Amount` and `UTCDateTime` types store. The same seed and the
same `now` give the same data.

Everything is derived so the domain's own rules hold: totals add up, payment and fulfilment
statuses are what `Order.refresh_payment_status` / `refresh_fulfilment_status` compute, search
text is what `Order.refresh_search_text` writes, and the stock ledger (an opening receipt per
level, restocks, stocktake corrections and one reservation per allocation) sums to the stock
levels, with reserved never above on hand.
"""

from __future__ import annotations

import bisect
import itertools
import json
import queue
import random
import threading
import time
from collections import Counter as Tally
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone

import sqlalchemy as sa
from sqlalchemy import Engine, insert, text

from ordermgr.db.engine import WRITE
from ordermgr.errors import ValidationError
from ordermgr.models.aftersales import DEFAULT_LIMITS, DEFAULT_SLA_HOURS
from ordermgr.models.base import Amount, Base
from ordermgr.models.money import MINOR_UNITS
from ordermgr.models.orders import build_search_text
from ordermgr.models.states import OrderStatus, ReturnStatus, ShipmentStatus
from ordermgr.services.aftersales import rma_number

S = OrderStatus
R = ReturnStatus
DAY = 86_400
HOUR = 3_600
CHUNK = 5_000



@dataclass
class DemoSummary:
    orders: int = 0
    customers: int = 0
    skus: int = 0
    stores: int = 0
    warehouses: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    statuses: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    cancelled: bool = False

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())

    def describe(self) -> str:
        parts = ", ".join(f"{n:,} {t}" for t, n in sorted(self.rows.items()) if n)
        head = "Stopped early: " if self.cancelled else ""
        return (f"{head}{self.orders:,} orders, {self.customers:,} customers, {self.skus:,} SKUs in "
                f"{self.seconds:.1f} s ({self.total_rows:,} rows: {parts}).")


# -- reference data ------------------------------------------------------------------------------

STORES = (  # code, name, platform, currency, base url, share of orders
    ("SH", "Tea House Shopify", "shopify", "CNY", "https://tea-house-cn.myshopify.com", 0.55),
    ("WC", "Tea House Global", "woocommerce", "USD", "https://shop.teahouse-global.com", 0.30),
    ("M", "Phone & B2B", "manual", "CNY", "", 0.15),
)
WAREHOUSES = (  # code, name, priority, address, city (for tracking)
    ("SHA", "Shanghai main warehouse", 1, "上海市青浦区华新镇华志路 1688 号", "上海"),
    ("SZX", "Shenzhen south warehouse", 2, "广东省深圳市宝安区福永街道福海路 88 号", "深圳"),
)
STAFF = (  # username, display name, role
    ("li.na", "李娜", "clerk"), ("wang.fang", "王芳", "clerk"), ("zhao.lei", "赵磊", "agent"),
    ("sarah.miller", "Sarah Miller", "agent"), ("chen.jing", "陈静", "supervisor"),
)

# (code, English, Chinese, category, CNY per 50 g)
TEAS = (
    ("LJ", "West Lake Longjing", "西湖龙井", "Green tea", 68), ("BLC", "Biluochun", "碧螺春", "Green tea", 58),
    ("HSMF", "Huangshan Maofeng", "黄山毛峰", "Green tea", 42), ("XYMJ", "Xinyang Maojian", "信阳毛尖", "Green tea", 38),
    ("AJBC", "Anji Baicha", "安吉白茶", "Green tea", 55), ("LAGP", "Lu'an Guapian", "六安瓜片", "Green tea", 48),
    ("TPHK", "Taiping Houkui", "太平猴魁", "Green tea", 88), ("ZC", "Gunpowder", "珠茶", "Green tea", 18),
    ("QM", "Keemun", "祁门红茶", "Black tea", 45), ("DH", "Dianhong", "滇红", "Black tea", 35),
    ("JJM", "Jin Jun Mei", "金骏眉", "Black tea", 120), ("ZSXZ", "Lapsang Souchong", "正山小种", "Black tea", 40),
    ("YD", "Yingde Black", "英德红茶", "Black tea", 32), ("RYT", "Sun Moon Lake Black", "日月潭红茶", "Black tea", 50),
    ("TGY", "Tieguanyin", "铁观音", "Oolong", 45), ("DHP", "Da Hong Pao", "大红袍", "Oolong", 78),
    ("DC", "Phoenix Dancong", "凤凰单丛", "Oolong", 60), ("DD", "Dong Ding Oolong", "冻顶乌龙", "Oolong", 55),
    ("DFMR", "Oriental Beauty", "东方美人", "Oolong", 85), ("JX", "Milk Oolong", "金萱", "Oolong", 35),
    ("RG", "Wuyi Rougui", "武夷肉桂", "Oolong", 70), ("ALS", "Alishan High Mountain", "阿里山乌龙", "Oolong", 58),
    ("MHS", "Menghai Ripe Pu-erh", "勐海熟普", "Pu-erh", 30), ("LBZ", "Lao Banzhang Raw Pu-erh", "老班章生普", "Pu-erh", 260),
    ("BD", "Bingdao Raw Pu-erh", "冰岛生普", "Pu-erh", 220), ("TC", "Mini Tuocha", "小沱茶", "Pu-erh", 25),
    ("YZ", "Silver Needle", "白毫银针", "White tea", 95), ("BMD", "White Peony", "白牡丹", "White tea", 45),
    ("SM", "Shou Mei", "寿眉", "White tea", 22), ("JH", "Chrysanthemum", "菊花茶", "Herbal & flower", 15),
    ("MLLZ", "Jasmine Pearls", "茉莉龙珠", "Herbal & flower", 48),
    ("GH", "Osmanthus Oolong", "桂花乌龙", "Herbal & flower", 38), ("MG", "Rose Buds", "玫瑰花茶", "Herbal & flower", 18),
)
GRADES = (  # letter, label, Chinese, price factor, sizes in grams
    ("P", "Premium", "特级", 1.8, (25, 50, 100, 250)),
    ("F", "First grade", "一级", 1.0, (50, 100, 250, 500)),
    ("E", "Everyday", "口粮", 0.6, (100, 250, 500)),
)
SIZE_FACTOR = {25: 0.55, 50: 1.0, 100: 1.9, 250: 4.5, 500: 8.5}
# (code, English, Chinese, category, CNY, grams, variants)
GOODS = (
    ("ZSH", "Yixing Zisha Teapot", "宜兴紫砂壶", "Teaware", 380, 350, ("120 ml", "180 ml", "240 ml")),
    ("RYB", "Ru Kiln Teacup", "汝窑杯", "Teaware", 45, 90, ("celadon", "sky blue", "moon white")),
    ("GW", "Gaiwan", "盖碗", "Teaware", 68, 260, ("white porcelain", "blue and white", "celadon")),
    ("BLH", "Glass Kettle", "玻璃煮茶壶", "Teaware", 128, 900, ("1.0 L", "1.5 L")),
    ("GFTZ", "Gongfu Tea Set", "功夫茶具套装", "Teaware", 298, 2200, ("6 pieces", "10 pieces")),
    ("ZCP", "Bamboo Tea Tray", "竹茶盘", "Teaware", 158, 1800, ("small", "large")),
    ("GDB", "Fair Cup", "公道杯", "Teaware", 38, 180, ("glass", "porcelain")),
    ("CL", "Tea Strainer", "茶滤", "Teaware", 18, 40, ("steel", "bamboo")),
    ("LXCJ", "Travel Tea Set", "旅行茶具", "Teaware", 118, 650, ("grey", "green", "blue")),
    ("TH", "Cast Iron Kettle", "铁壶", "Teaware", 460, 1600, ("0.8 L", "1.2 L")),
    ("CYG", "Tea Canister", "茶叶罐", "Teaware", 58, 300, ("tin", "ceramic", "wood")),
    ("CC", "Tea Pet", "茶宠", "Teaware", 28, 120, ("toad", "pixiu", "buddha", "lotus")),
    ("DRSH", "Electric Kettle", "电热水壶", "Teaware", 239, 1300, ("white", "black")),
    ("LPP", "Cold Brew Bottle", "冷泡茶瓶", "Teaware", 79, 420, ("500 ml", "1 L")),
    ("JZ", "Jianzhan Tea Bowl", "建盏", "Teaware", 188, 220, ("oil spot", "hare's fur", "tianmu")),
    ("CD", "Pu-erh Tea Knife", "普洱茶刀", "Teaware", 25, 50, ("steel", "horn")),
    ("ZQLH", "Mid-Autumn Gift Box", "中秋礼盒", "Gift sets", 398, 1500, ("standard", "deluxe", "family")),
    ("CCLH", "Spring Tea Gift Box", "春茶礼盒", "Gift sets", 298, 1200, ("standard", "deluxe", "family")),
    ("XCLL", "Spring Festival Hamper", "新春礼篮", "Gift sets", 588, 2600, ("standard", "deluxe", "family")),
    ("PJZ", "Tea Sampler, 12 Teas", "品鉴装", "Gift sets", 198, 600, ("standard", "deluxe", "family")),
    ("SWLH", "Corporate Gift Set", "商务礼盒", "Gift sets", 688, 2000, ("standard", "deluxe", "family")),
    ("CBLH", "Tea and Cup Set", "茶与杯礼盒", "Gift sets", 258, 900, ("standard", "deluxe", "family")),
    ("LJLG", "Dragon Well Gift Tin", "龙井礼罐", "Gift sets", 458, 700, ("standard", "deluxe", "family")),
    ("PESC", "Pu-erh Collector's Box", "普洱收藏盒", "Gift sets", 1288, 1800, ("standard", "deluxe", "family")),
    ("CJ", "Tea Towel", "茶巾", "Accessories", 19, 60, ("linen", "cotton", "hemp")),
    ("CZ", "Bamboo Tea Scoop", "茶则", "Accessories", 15, 30, ("bamboo", "ebony", "brass")),
    ("CJZ", "Tea Tongs", "茶夹", "Accessories", 12, 30, ("bamboo", "ebony", "brass")),
    ("LJZ", "Six Gentlemen Tool Set", "茶道六君子", "Accessories", 68, 400, ("bamboo", "ebony", "rosewood")),
    ("DTL", "Ceramic Hot Plate", "电陶炉", "Accessories", 199, 2100, ("white", "black", "wood grain")),
    ("WDJ", "Brewing Thermometer", "温度计", "Accessories", 29, 50, ("digital", "dial", "clip-on")),
    ("CBD", "Tea Filter Bags (100)", "茶包袋", "Accessories", 9, 80, ("small", "medium", "large")),
    ("PCG", "Pu-erh Storage Jar", "普洱储存罐", "Accessories", 168, 2400, ("1 cake", "3 cakes", "7 cakes")),
)
STYLES = (("C", "Classic", 1.0), ("A", "Artisan", 2.2))

CN_SURNAMES = (("王", "wang"), ("李", "li"), ("张", "zhang"), ("刘", "liu"), ("陈", "chen"), ("杨", "yang"),
               ("黄", "huang"), ("赵", "zhao"), ("吴", "wu"), ("周", "zhou"), ("徐", "xu"), ("孙", "sun"),
               ("马", "ma"), ("朱", "zhu"), ("胡", "hu"), ("郭", "guo"), ("何", "he"), ("林", "lin"),
               ("高", "gao"), ("罗", "luo"), ("郑", "zheng"), ("梁", "liang"), ("谢", "xie"), ("宋", "song"),
               ("唐", "tang"), ("韩", "han"), ("冯", "feng"), ("邓", "deng"), ("曹", "cao"), ("欧阳", "ouyang"))
CN_GIVEN = (("伟", "wei"), ("芳", "fang"), ("娜", "na"), ("秀英", "xiuying"), ("敏", "min"), ("静", "jing"),
            ("丽", "li"), ("强", "qiang"), ("磊", "lei"), ("军", "jun"), ("洋", "yang"), ("勇", "yong"),
            ("艳", "yan"), ("杰", "jie"), ("娟", "juan"), ("涛", "tao"), ("明", "ming"), ("超", "chao"),
            ("秀兰", "xiulan"), ("霞", "xia"), ("平", "ping"), ("刚", "gang"), ("桂英", "guiying"),
            ("子涵", "zihan"), ("浩然", "haoran"), ("欣怡", "xinyi"), ("梓轩", "zixuan"), ("雨桐", "yutong"),
            ("一诺", "yinuo"), ("宇航", "yuhang"), ("思远", "siyuan"), ("佳怡", "jiayi"), ("晓明", "xiaoming"),
            ("建华", "jianhua"), ("志强", "zhiqiang"), ("文博", "wenbo"), ("诗涵", "shihan"), ("俊杰", "junjie"))
CN_EMAIL_DOMAINS = ("163.com", "126.com", "sina.com", "foxmail.com", "gmail.com", "outlook.com")
CN_MOBILE = ("130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "153",
             "155", "156", "157", "158", "159", "166", "173", "176", "177", "180", "181", "182", "183",
             "185", "186", "187", "188", "189", "198", "199")
# city, province (empty for municipalities), districts, postcode prefix
CN_CITIES = (
    ("北京市", "", ("朝阳区", "海淀区", "东城区", "丰台区"), "100"), ("上海市", "", ("浦东新区", "徐汇区", "静安区", "闵行区"), "200"),
    ("广州市", "广东省", ("天河区", "越秀区", "海珠区"), "510"), ("深圳市", "广东省", ("南山区", "福田区", "宝安区"), "518"),
    ("杭州市", "浙江省", ("西湖区", "滨江区", "拱墅区"), "310"), ("成都市", "四川省", ("武侯区", "锦江区", "高新区"), "610"),
    ("南京市", "江苏省", ("鼓楼区", "玄武区", "建邺区"), "210"), ("武汉市", "湖北省", ("洪山区", "江汉区", "武昌区"), "430"),
    ("西安市", "陕西省", ("雁塔区", "碑林区", "未央区"), "710"), ("重庆市", "", ("渝中区", "江北区", "南岸区"), "400"),
    ("苏州市", "江苏省", ("工业园区", "姑苏区", "吴中区"), "215"), ("天津市", "", ("和平区", "河西区", "南开区"), "300"),
    ("长沙市", "湖南省", ("岳麓区", "天心区", "开福区"), "410"), ("厦门市", "福建省", ("思明区", "湖里区"), "361"),
    ("青岛市", "山东省", ("市南区", "崂山区"), "266"), ("昆明市", "云南省", ("五华区", "盘龙区"), "650"),
    ("福州市", "福建省", ("鼓楼区", "仓山区"), "350"), ("郑州市", "河南省", ("金水区", "中原区"), "450"),
)
CN_STREETS = ("建国路", "人民路", "中山路", "解放路", "南京路", "长安街", "科技园路", "文三路", "天府大道",
              "滨江路", "淮海中路", "延安西路", "学院路", "东风路", "光明街", "和平路", "新华路", "湖滨路")
CN_ESTATES = ("阳光花园", "翠苑小区", "万科城", "碧桂园", "金色家园", "世纪公寓", "绿城桂花园", "保利香槟国际")

WESTERN_FIRST = ("James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda", "David",
                 "Elizabeth", "William", "Sarah", "Thomas", "Emma", "Daniel", "Olivia", "Lukas", "Sophie",
                 "Pierre", "Camille", "Jan", "Anna", "Oliver", "Charlotte", "Noah", "Mia", "Liam", "Chloe",
                 "Marco", "Giulia", "Sven", "Ingrid")
WESTERN_LAST = ("Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Taylor",
                "Anderson", "Thomas", "Moore", "Martin", "Clark", "Walker", "Hughes", "Müller", "Schmidt",
                "Schneider", "Fischer", "Dubois", "Laurent", "Bernard", "de Vries", "Jansen", "Rossi",
                "Nguyen", "O'Brien", "MacLeod", "Johansson", "García", "López")
LATIN_CN_FIRST = ("Kevin", "Vivian", "Jason", "Grace", "Eric", "Cindy", "Tony", "Amy", "Jack", "Helen")
WESTERN_EMAIL_DOMAINS = ("gmail.com", "yahoo.com", "outlook.com", "icloud.com", "hotmail.co.uk", "web.de",
                         "gmx.de", "orange.fr", "proton.me", "ziggo.nl")
# country, city, region, postcodes, streets, phone maker key, street style
WESTERN_CITIES = (
    ("US", "New York", "NY", ("10001", "10011", "10016", "10025"), ("Broadway", "W 23rd St", "Lexington Ave"), "us", "num_first"),
    ("US", "San Francisco", "CA", ("94103", "94110", "94117"), ("Valencia St", "Market St", "Irving St"), "us", "num_first"),
    ("US", "Seattle", "WA", ("98101", "98109", "98122"), ("Pine St", "Aurora Ave N", "E Union St"), "us", "num_first"),
    ("US", "Austin", "TX", ("78701", "78704", "78751"), ("Congress Ave", "S Lamar Blvd", "Guadalupe St"), "us", "num_first"),
    ("US", "Chicago", "IL", ("60601", "60614", "60622"), ("N Clark St", "W Division St", "N Milwaukee Ave"), "us", "num_first"),
    ("US", "Boston", "MA", ("02116", "02139", "02115"), ("Boylston St", "Beacon St", "Newbury St"), "us", "num_first"),
    ("CA", "Toronto", "ON", ("M5V 2T6", "M4Y 1R5", "M6J 1H4"), ("King St W", "Queen St W", "Yonge St"), "us", "num_first"),
    ("CA", "Vancouver", "BC", ("V6B 1A1", "V5T 3J8", "V6K 2G3"), ("Main St", "W Broadway", "Granville St"), "us", "num_first"),
    ("GB", "London", "", ("EC1A 1BB", "SW1A 2AA", "N1 9GU", "E2 7DJ"), ("Baker Street", "Upper Street", "Brick Lane"), "gb", "num_first"),
    ("GB", "Manchester", "", ("M1 1AE", "M4 1HN", "M20 2RN"), ("Oldham Street", "Deansgate", "Wilmslow Road"), "gb", "num_first"),
    ("DE", "Berlin", "", ("10115", "10245", "10437"), ("Hauptstraße", "Kastanienallee", "Torstraße"), "de", "street_first"),
    ("DE", "München", "BY", ("80331", "80469", "80799"), ("Leopoldstraße", "Sendlinger Straße", "Türkenstraße"), "de", "street_first"),
    ("FR", "Paris", "", ("75001", "75011", "75018"), ("Rue de Rivoli", "Rue Oberkampf", "Rue des Martyrs"), "fr", "num_first"),
    ("FR", "Lyon", "", ("69002", "69003", "69007"), ("Rue de la République", "Cours Gambetta"), "fr", "num_first"),
    ("NL", "Amsterdam", "", ("1012 AB", "1017 CT", "1072 LH"), ("Prinsengracht", "Ferdinand Bolstraat"), "nl", "street_first"),
    ("AU", "Sydney", "NSW", ("2000", "2010", "2037"), ("George St", "Crown St", "Glebe Point Rd"), "au", "num_first"),
    ("AU", "Melbourne", "VIC", ("3000", "3065", "3121"), ("Collins St", "Brunswick St", "Swan St"), "au", "num_first"),
    ("SG", "Singapore", "", ("018956", "238859", "059413"), ("Orchard Road", "Tanjong Pagar Road"), "sg", "num_first"),
)
EU_VAT = {"GB": 20, "DE": 19, "FR": 20, "NL": 21}

CN_CARRIERS = (("SF Express", 40), ("ZTO Express", 30), ("YTO Express", 15), ("JD Logistics", 10),
               ("China Post EMS", 5))
INTL_CARRIERS = (("UPS", 35), ("DHL Express", 30), ("FedEx", 20), ("China Post EMS", 15))
TRACKING_URLS = {
    "SF Express": "https://www.sf-express.com/chn/sc/waybill/waybill-detail/{}",
    "ZTO Express": "https://www.kuaidi100.com/chaxun?com=zhongtong&nu={}",
    "YTO Express": "https://www.kuaidi100.com/chaxun?com=yuantong&nu={}",
    "JD Logistics": "https://www.jdl.com/orderSearch/?waybillCodes={}",
    "China Post EMS": "https://www.ems.com.cn/queryList?mailNum={}",
    "UPS": "https://www.ups.com/track?tracknum={}",
    "DHL Express": "https://www.dhl.com/global-en/home/tracking.html?tracking-id={}",
    "FedEx": "https://www.fedex.com/fedextrack/?trknbr={}",
}
INTL_HUBS = {"US": "Louisville, KY, US", "CA": "Toronto, ON, CA", "GB": "East Midlands, GB",
             "DE": "Leipzig, DE", "FR": "Paris Roissy, FR", "NL": "Amsterdam Schiphol, NL",
             "AU": "Sydney, AU", "SG": "Singapore, SG"}

METHODS = {  # per store code: (method, weight)
    "SH": (("alipay", 45), ("wechat_pay", 38), ("card", 11), ("cod", 6)),
    "WC": (("card", 62), ("paypal", 33), ("bank_transfer", 5)),
    "M": (("bank_transfer", 50), ("wechat_pay", 25), ("alipay", 15), ("cod", 10)),
}
GATEWAYS = {"alipay": "alipay", "wechat_pay": "wechat_pay", "card": "stripe", "paypal": "paypal",
            "bank_transfer": "", "cod": ""}

# Share of each status among all orders, and how old (days) orders in that status are.
STATUS_SHARES = (
    (S.COMPLETED, 0.585, (12, 365)), (S.DELIVERED, 0.14, (2.5, 40)), (S.SHIPPED, 0.07, (0.4, 9)),
    (S.CANCELLED, 0.06, (0.2, 365)), (S.PARTIALLY_SHIPPED, 0.01, (0.5, 12)),
    (S.PENDING_PAYMENT, 0.025, (0.01, 3)), (S.AWAITING_FULFILMENT, 0.03, (0.01, 1.5)),
    (S.BACKORDERED, 0.01, (0.5, 18)), (S.ALLOCATED, 0.025, (0.02, 1.5)), (S.PICKING, 0.015, (0.05, 1)),
    (S.PACKED, 0.015, (0.1, 1.2)), (S.ON_HOLD, 0.015, (0.2, 20)),
)
STATUS_LIST = [s for s, _, _ in STATUS_SHARES]
REACH = {  # how far along the happy path an order in each status got
    S.PENDING_PAYMENT: 0, S.AWAITING_FULFILMENT: 1, S.BACKORDERED: 1, S.ALLOCATED: 2, S.PICKING: 3,
    S.PACKED: 4, S.PARTIALLY_SHIPPED: 5, S.SHIPPED: 5, S.DELIVERED: 6, S.COMPLETED: 7,
}
HOLD_REASONS = ("Address incomplete: no house number", "Payment under review (risk check)",
                "Customer asked to wait for a second order", "Suspected fraud: billing and shipping differ",
                "Engraving text to be confirmed with customer", "Customs documents missing")
CANCEL_REASONS = ("Customer changed their mind", "Payment not received in time", "Duplicate order",
                  "Out of stock, customer declined to wait", "Address undeliverable", "Fraud check failed")
NOTES = ("请周末送货", "不要放快递柜，电话联系", "Please gift wrap, it's a birthday present",
         "Leave with the concierge", "发票抬头：上海某某科技有限公司", "Call before delivery",
         "请用顺丰", "No price tags please, it's a gift")
# (reason code as seeded by the after-sales migration, the customer's words, kinds it fits or "")
RETURN_REASONS = (
    ("damaged", "Teapot lid arrived broken", ""), ("damaged", "Tin dented, tea spilled", ""),
    ("wrong_item", "Received Tieguanyin instead of Da Hong Pao", ""),
    ("not_as_described", "Colour is not as in the photos", ""),
    ("changed_mind", "Changed my mind", "return_refund,refund_only,exchange"),
    ("missing_item", "One item missing from the parcel", "reship,refund_only,complaint"),
    ("late_delivery", "Arrived after the holiday", "refund_only,complaint"),
    ("defective", "Kettle does not heat", ""), ("other", "Taste not as expected", ""),
)
AGENT_APPROVAL_LIMIT = int(DEFAULT_LIMITS["agent"] * 100)  # cents: above it a supervisor approves
RETURN_PATHS = {  # kind: states after "requested", with the action that reaches each
    "return_refund": (("approve", R.APPROVED), ("await_goods", R.AWAITING_GOODS), ("receive", R.RECEIVED),
                      ("inspect", R.INSPECTED), ("refund", R.REFUNDED), ("close", R.CLOSED)),
    "refund_only": (("approve", R.APPROVED), ("refund", R.REFUNDED), ("close", R.CLOSED)),
    "exchange": (("approve", R.APPROVED), ("await_goods", R.AWAITING_GOODS), ("receive", R.RECEIVED),
                 ("inspect", R.INSPECTED), ("exchange", R.EXCHANGED), ("close", R.CLOSED)),
    "reship": (("approve", R.APPROVED), ("reship", R.RESHIPPED), ("close", R.CLOSED)),
    "complaint": (("approve", R.APPROVED), ("close", R.CLOSED)),
}
RETURN_KINDS = (("return_refund", 45), ("refund_only", 20), ("exchange", 15), ("reship", 10),
                ("complaint", 10))


# -- small pure helpers (also used by tests) ----------------------------------------------------

def ean13(first12: str) -> str:
    """EAN-13 with its check digit."""
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(first12))
    return first12 + str((10 - total % 10) % 10)


def s10(prefix: str, serial: int, country: str = "CN") -> str:
    """A UPU S10 item number (EMS): two letters, 8 digits, check digit, country."""
    digits = f"{serial % 100_000_000:08d}"
    total = sum(int(d) * w for d, w in zip(digits, (8, 6, 4, 2, 3, 5, 9, 7)))
    check = 11 - total % 11
    check = 0 if check == 10 else 5 if check == 11 else check
    return f"{prefix}{digits}{check}{country}"


def ups(shipper: str, service: str, package: int) -> str:
    """A UPS 1Z tracking number with its check digit."""
    body = f"{shipper}{service}{package % 10_000_000:07d}"
    values = [int(c) if c.isdigit() else (ord(c) - 63) % 10 for c in body]
    total = sum(v * (2 if i % 2 else 1) for i, v in enumerate(values))
    return f"1Z{body}{(10 - total % 10) % 10}"


def payment_status_of(payments: list[dict], total: int) -> str:
    """What `Order.refresh_payment_status` computes, on raw payment rows (amounts in cents)."""
    paid = sum(p["amount"] for p in payments if p["kind"] == "charge" and p["status"] == "paid")
    refunded = sum(p["amount"] for p in payments if p["kind"] == "refund" and p["status"] == "paid")
    if paid and refunded >= paid:
        return "refunded"
    if refunded:
        return "partially_refunded"
    if paid >= total and (paid or not total):
        return "paid"
    if any(p["kind"] == "charge" and p["status"] == "authorized" for p in payments):
        return "authorized"
    if payments and all(p["status"] == "failed" for p in payments):
        return "failed"
    return "pending"


def _money(cents: int) -> str:
    return f"{cents // 100}.{cents % 100:02d}"


class _Pick:
    """A weighted choice among (value, weight) pairs, prepared once."""

    __slots__ = ("values", "bounds", "total")

    def __init__(self, pairs):
        self.values = [value for value, _ in pairs]
        self.bounds = list(itertools.accumulate(weight for _, weight in pairs))
        self.total = self.bounds[-1]

    def __call__(self, rng: random.Random):
        return self.values[bisect.bisect_right(self.bounds, rng.random() * self.total)]


def _weighted(rng: random.Random, pairs):
    return _Pick(pairs)(rng)


PICK_METHOD = {code: _Pick(pairs) for code, pairs in METHODS.items()}
PICK_LINES = _Pick(((1, 55), (2, 28), (3, 12), (4, 5)))
PICK_TEA_QTY = _Pick(((1, 70), (2, 20), (3, 10)))
PICK_BEFORE_HOLD = _Pick(((S.PENDING_PAYMENT, 25), (S.AWAITING_FULFILMENT, 45), (S.ALLOCATED, 25),
                          (S.PACKED, 5)))
PICK_CANCEL_STEPS = _Pick(((0, 55), (1, 30), (2, 15)))  # cancelled before paying, after, allocated
PICK_CN_CARRIER = _Pick(CN_CARRIERS)
PICK_INTL_CARRIER = _Pick(INTL_CARRIERS)
PICK_RETURN_KIND = _Pick(RETURN_KINDS)


_HOURS: dict[int, str] = {}
_MINUTES_SECONDS = [f"{m:02d}:{sec:02d}.000000" for m in range(60) for sec in range(60)]


def _ts_sqlite(seconds: int) -> str:
    # exactly SQLAlchemy's SQLite DATETIME storage format (what UTCDateTime writes)
    hour, rest = divmod(seconds, HOUR)
    prefix = _HOURS.get(hour)
    if prefix is None:
        prefix = _HOURS[hour] = time.strftime("%Y-%m-%d %H:", time.gmtime(hour * HOUR))
    return prefix + _MINUTES_SECONDS[rest]


def _ts_postgres(seconds: int) -> str:
    # a timestamptz literal; psycopg sends strings untyped, so the server casts them
    return _ts_sqlite(seconds)[:19] + "+00"


class _Random(random.Random):
    """random.Random with cheaper randint/choice (the generator calls them millions of times)."""

    def randint(self, a: int, b: int) -> int:
        return a + int(self.random() * (b - a + 1))

    def choice(self, seq):
        return seq[int(self.random() * len(seq))]


def _iso(seconds: int) -> str:
    return datetime.fromtimestamp(seconds, timezone.utc).isoformat()


_JSON_CACHE: dict[tuple, str] = {}


def _json(data: dict) -> str:
    """JSON text for a column (what the JSON type would write); the common shapes are cached."""
    if len(data) == 3 and "action" in data:
        key = (data["old"], data["new"], data["action"])
        text_ = _JSON_CACHE.get(key)
        if text_ is None:
            text_ = _JSON_CACHE[key] = json.dumps(data)
        return text_
    if len(data) == 5 and "waybill" in data:  # plain ASCII values: no escaping needed
        return (f'{{"old": "{data["old"]}", "new": "{data["new"]}", "action": "{data["action"]}", '
                f'"carrier": "{data["carrier"]}", "waybill": "{data["waybill"]}"}}')
    return json.dumps(data) if data else "{}"


# -- the generator -------------------------------------------------------------------------------

def count_orders(conn) -> int:
    return conn.execute(text("SELECT count(*) FROM orders")).scalar() or 0


def ensure_empty(conn) -> None:
    """Refuse a database that already has orders or products: demo data goes into an empty one."""
    advice = ("demo data goes only into an empty database. Use a new one, e.g. "
              "--database sqlite:///demo.sqlite3.")
    existing = count_orders(conn)
    if existing:
        raise ValidationError(f"The database already has {existing:,} orders; {advice}")
    skus = conn.execute(text("SELECT count(*) FROM skus")).scalar()
    if skus:
        raise ValidationError(f"The database already has {skus:,} products (SKUs); {advice}")


def generate(engine: Engine, *, orders: int, seed: int = 1,
             progress: Callable[[int, int], bool | None] | None = None,
             now: datetime | None = None, chunk: int = CHUNK) -> DemoSummary:
    """Fill an empty, migrated database with demo data (see the module docstring).

    `progress(done, total)` is called after each chunk of orders; returning False stops early,
    leaving a consistent, smaller data set (`summary.cancelled` is then True). `now` fixes the
    end of the twelve months (default: the current hour), so a seed reproduces the same data.
    """
    if not isinstance(orders, int) or orders < 1:
        raise ValidationError("The number of demo orders must be a whole number of at least 1.")
    if orders > 20_000_000:
        raise ValidationError("At most 20,000,000 demo orders, please.")
    if now is None:
        now = datetime.now(timezone.utc).replace(minute=0, second=0, microsecond=0)
    elif now.tzinfo is None:
        raise ValidationError("`now` must be an aware UTC time.")
    started = time.perf_counter()
    builder = _Builder(engine, seed=seed, now=int(now.timestamp()), orders=orders, chunk=chunk)
    summary = builder.run(progress)
    summary.seconds = time.perf_counter() - started
    return summary


STORED_PER_CENT = MINOR_UNITS // 100


def _amount_columns() -> dict[str, tuple[str, ...]]:
    """Each table's `Amount` columns: the ones whose cents the writer scales to storage."""
    return {table.name: names for table in Base.metadata.tables.values()
            if (names := tuple(c.name for c in table.columns if isinstance(c.type, Amount)))}


class _Writer:
    """Core executemany inserts into lightweight, untyped tables (the columns the rows have): the
    values are already what the column types would bind (timestamps, JSON text), except amounts,
    which the builder keeps in cents and the writer scales to the stored units."""

    AMOUNTS = _amount_columns()

    def __init__(self, conn):
        self.conn = conn
        self.tables: dict[tuple, sa.TableClause] = {}
        self.counts: Tally = Tally()

    def insert(self, name: str, rows: list[dict]) -> None:
        if not rows:
            return
        keys = tuple(rows[0])
        table = self.tables.get((name, keys))
        if table is None:
            table = self.tables[(name, keys)] = sa.table(name, *(sa.column(k) for k in keys))
        amounts = [k for k in self.AMOUNTS.get(name, ()) if k in rows[0]]
        if amounts:  # copies: the builder may still read its rows (in cents)
            rows = [{**row, **{k: row[k] * STORED_PER_CENT for k in amounts if row[k] is not None}}
                    for row in rows]
        self.conn.execute(insert(table), rows)
        self.counts[name] += len(rows)


class _Builder:
    def __init__(self, engine: Engine, *, seed: int, now: int, orders: int, chunk: int):
        self.engine = engine
        self.sqlite = engine.dialect.name == "sqlite"
        self.ts = _ts_sqlite if self.sqlite else _ts_postgres
        self.seed = seed
        self.rng = _Random(seed)
        self.now = now
        self.start = now - 365 * DAY
        self.n_orders = orders
        self.chunk = max(1, chunk)
        self.summary = DemoSummary()
        self.counts: Tally = Tally()
        self.next_id: dict[str, int] = {}
        # (sku index, warehouse index) -> reserved units; reservations as (time, sku, wh, qty, order)
        self.reserved: Tally = Tally()
        self.reservations: list[tuple] = []
        self.customer_ids: dict[int, int] = {}
        self.people: dict[int, dict] = {}
        self.store_numbers: Tally = Tally()
        self.rma = 0

    # -- ids --------------------------------------------------------------------------------
    def ids(self, table: str, count: int = 1) -> int:
        first = self.next_id[table]
        self.next_id[table] = first + count
        return first

    # -- top level --------------------------------------------------------------------------
    def run(self, progress) -> DemoSummary:
        with self.engine.connect() as conn:
            self._check_empty(conn)
            self._load_ids(conn)
            self.optional = self._optional_columns(conn)
        done = 0
        search_index = self._suspend_search_index()
        try:
            with self._transaction() as writer:
                self._catalog(writer)
            keys = self._order_keys()
            if progress is not None and progress(0, self.n_orders) is False:
                self.summary.cancelled = True
            chunks: queue.Queue = queue.Queue(maxsize=1)
            errors: list[BaseException] = []
            writer_thread = threading.Thread(target=self._writer_thread, args=(chunks, errors),
                                             name="demo-writer", daemon=True)
            writer_thread.start()
            try:
                while done < self.n_orders and not self.summary.cancelled and not errors:
                    batch = keys[done:done + self.chunk]
                    chunks.put(self._orders(batch))
                    done += len(batch)
                    if progress is not None and progress(done, self.n_orders) is False \
                            and done < self.n_orders:
                        self.summary.cancelled = True
            finally:
                chunks.put(None)
                writer_thread.join()
            if errors:
                raise errors[0]
            with self._transaction() as writer:
                self._stock(writer)
        except BaseException:
            self._repair(search_index, quiet=True)
            raise
        self._repair(search_index, quiet=False)
        self._finish()
        self.summary.orders = done
        self.summary.rows = dict(self.counts)
        self.summary.statuses = {str(k): v for k, v in self.summary.statuses.items()}
        return self.summary

    def _repair(self, search_index: str | None, *, quiet: bool) -> None:
        """What must hold however the load ended, so the application can go on writing: the
        search trigger back, number counters and id sequences past the demo's. After a failure
        (quiet) a second error here must not hide the first."""
        for step in (lambda: self._resume_search_index(search_index), self._counters,
                     self._fix_sequences):
            try:
                step()
            except Exception:
                if not quiet:
                    raise

    @contextmanager
    def _transaction(self) -> Iterator[_Writer]:
        """One write transaction (BEGIN IMMEDIATE on SQLite); committed if the block succeeds."""
        with self.engine.connect().execution_options(**WRITE) as conn:
            with conn.begin():
                if self.sqlite:  # a bigger page cache for the load, then the pool's default again
                    cache = conn.exec_driver_sql("PRAGMA cache_size").scalar()
                    conn.exec_driver_sql("PRAGMA cache_size=-65536")
                writer = _Writer(conn)
                try:
                    yield writer
                finally:
                    if self.sqlite:
                        conn.exec_driver_sql(f"PRAGMA cache_size={int(cache)}")
            self.counts.update(writer.counts)

    def _suspend_search_index(self) -> str | None:
        """SQLite: indexing each order for search as it is inserted (the FTS trigger) costs ten
        times what one FTS 'rebuild' at the end does, so the trigger is dropped during the load
        and always put back (`_resume_search_index`). Returns the SQL that restores it.

        PostgreSQL keeps its trigram GIN index: its pending list already batches the work, and
        the server does it on another core while this process generates the next chunk (dropping
        it and creating it again measured no faster)."""
        if not self.sqlite:
            return None
        query = "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'orders_fts_ai'"
        drop = "DROP TRIGGER orders_fts_ai"
        with self.engine.connect().execution_options(**WRITE) as conn:
            sql = conn.execute(text(query)).scalar()
            if sql:
                conn.exec_driver_sql(drop)
            conn.commit()
        return sql

    def _resume_search_index(self, sql: str | None) -> None:
        if not sql:
            return
        with self.engine.connect().execution_options(**WRITE) as conn:
            conn.exec_driver_sql("INSERT INTO orders_fts(orders_fts) VALUES ('rebuild')")
            conn.exec_driver_sql(sql)
            conn.commit()

    def _check_empty(self, conn) -> None:
        ensure_empty(conn)

    TABLES = ("stores", "products", "skus", "warehouses", "bins", "stock_levels", "stock_movements",
              "users", "customers", "addresses", "orders", "order_lines", "line_allocations",
              "payments", "shipments", "shipment_lines", "tracking_events", "order_events",
              "returns", "return_lines")

    def _load_ids(self, conn) -> None:
        for table in self.TABLES:
            self.next_id[table] = (conn.execute(text(f"SELECT max(id) FROM {table}")).scalar() or 0) + 1

    def _optional_columns(self, conn) -> dict[str, set[str]]:
        """Columns and tables other areas add to the schema: filled when they exist."""
        inspector = sa.inspect(conn)
        found = {t: {c["name"] for c in inspector.get_columns(t)} for t in ("returns", "shipments")}
        found["tables"] = set(inspector.get_table_names())
        return found

    def _fix_sequences(self) -> None:
        """PostgreSQL: move each id sequence past the ids chosen here (also after a failure, so
        the application's next insert does not collide with a demo row)."""
        if self.sqlite:
            return
        with self.engine.connect() as conn:
            for table in self.TABLES:
                conn.execute(text(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), max(id)) FROM {table} "
                    "HAVING max(id) IS NOT NULL"))
            conn.commit()

    def _finish(self) -> None:
        """Fresh planner statistics for the new data (sampled on SQLite: bounded time)."""
        with self.engine.connect() as conn:
            if self.sqlite:
                conn.exec_driver_sql("PRAGMA analysis_limit=1000")
            conn.exec_driver_sql("ANALYZE")
            conn.commit()

    # -- catalog ----------------------------------------------------------------------------
    def _catalog(self, w: _Writer) -> None:
        rng, ts = self.rng, self.ts
        opened = self.start - 30 * DAY
        conn = w.conn
        # users: staff only if someone already works here (the first real user must stay admin)
        self.staff: dict[str, int | None] = {u: None for u, _, _ in STAFF}
        if conn.execute(text("SELECT count(*) FROM users")).scalar():
            existing = dict(conn.execute(text("SELECT username, id FROM users")).all())
            rows = []
            for username, display, role in STAFF:
                if username in existing:
                    self.staff[username] = existing[username]
                    continue
                uid = self.ids("users")
                self.staff[username] = uid
                rows.append({"id": uid, "username": username, "display_name": display, "role": role,
                             "active": True, "created_at": ts(opened)})
            w.insert("users", rows)
        self.clerks = [self.staff["li.na"], self.staff["wang.fang"]]
        self.agents = [self.staff["zhao.lei"], self.staff["sarah.miller"]]
        self.supervisor = self.staff["chen.jing"]

        # stores: reuse one with the same code (or the manual store), else create
        by_code = dict(conn.execute(text("SELECT code, id FROM stores")).all())
        manual = conn.execute(text("SELECT id FROM stores WHERE platform = 'manual' ORDER BY id")).scalar()
        rows, self.stores = [], []
        for code, name, platform, currency, url, share in STORES:
            sid = by_code.get(code) or (manual if platform == "manual" else None)
            if sid is None:
                sid = self.ids("stores")
                rows.append({"id": sid, "name": name, "code": code, "platform": platform,
                             "base_url": url, "currency": currency, "credential_ref": None,
                             "active": True, "options": '{"demo": true}', "created_at": ts(opened)})
            self.stores.append((code, sid, platform, currency, share))
        w.insert("stores", rows)
        self.summary.stores = len(self.stores)

        # warehouses and bins
        by_code = dict(conn.execute(text("SELECT code, id FROM warehouses")).all())
        rows, bins, self.warehouses = [], [], []
        for code, name, priority, address, city in WAREHOUSES:
            wid = by_code.get(code)
            if wid is None:
                wid = self.ids("warehouses")
                rows.append({"id": wid, "code": code, "name": name, "priority": priority,
                             "address": address, "active": True})
            self.warehouses.append((wid, code, city))
        w.insert("warehouses", rows)
        self.summary.warehouses = len(self.warehouses)
        self.bin_ids: list[list[int]] = []
        for wid, _, _ in self.warehouses:
            ids = []
            for aisle in "ABCDEF":
                for rack in range(1, 11):
                    for level in range(1, 5):
                        bid = self.ids("bins")
                        ids.append(bid)
                        bins.append({"id": bid, "warehouse_id": wid, "code": f"{aisle}-{rack:02d}-{level}"})
            self.bin_ids.append(ids)
        w.insert("bins", bins)

        # products and SKUs
        products, skus = [], []
        self.skus: list[tuple] = []  # (id, code, name, price cents, usd cents, grams, is_tea)
        item = 0

        def add_sku(pid, code, name, price, grams, is_tea):
            nonlocal item
            item += 1
            sid = self.ids("skus")
            price = _shop_price(price)
            usd = max(199, int(round(price / 6.4 / 100)) * 100 - 1)
            cost = int(price * rng.uniform(0.32, 0.55))
            skus.append({"id": sid, "product_id": pid, "code": code,
                         "barcode": ean13(f"692345{item:06d}"), "name": name, "weight_grams": grams,
                         "price": price, "cost": cost, "currency": "CNY", "active": True})
            self.skus.append((sid, code, name, price, usd, grams, is_tea))

        for code, english, chinese, category, per50 in TEAS:
            for letter, grade, grade_cn, factor, sizes in GRADES:
                pid = self.ids("products")
                pname = f"{english} {chinese} · {grade}"
                products.append({"id": pid, "name": pname, "category": category,
                                 "description": f"{grade_cn}{chinese}, {category.lower()}.",
                                 "active": True})
                for size in sizes:
                    add_sku(pid, f"{code}-{letter}{size:03d}", f"{english} {chinese} {grade} {size} g",
                            per50 * factor * SIZE_FACTOR[size] * 100, size + 40 + size // 10, True)
        for code, english, chinese, category, price, grams, variants in GOODS:
            styles = STYLES if category == "Teaware" else STYLES[:1]
            for letter, style, factor in styles:
                pid = self.ids("products")
                pname = f"{english} {chinese}" + (f" · {style}" if category == "Teaware" else "")
                products.append({"id": pid, "name": pname, "category": category,
                                 "description": f"{chinese} ({english.lower()}).", "active": True})
                for i, variant in enumerate(variants, 1):
                    vcode = f"{code}-{letter}{i}" if category == "Teaware" else f"{code}-{i}"
                    vfactor = 1 + 0.35 * (i - 1) if category != "Teaware" else 1 + 0.15 * (i - 1)
                    add_sku(pid, vcode, f"{pname}, {variant}", price * factor * vfactor * 100,
                            int(grams * (1 + 0.2 * (i - 1))), False)
        w.insert("products", products)
        w.insert("skus", skus)
        self._exchange_rates(w)
        self.summary.skus = len(self.skus)
        # popularity: a few best sellers, a long tail
        self.popular = list(range(len(self.skus)))
        rng.shuffle(self.popular)
        self.sold_out = set(rng.sample(range(len(self.skus)), max(1, len(self.skus) // 33)))
        self.sold_out_list = sorted(self.sold_out)
        # second warehouse stocks about 60% of the range
        self.stocked_in = [[True] * len(self.skus)] + [
            [rng.random() < 0.6 for _ in self.skus] for _ in self.warehouses[1:]]

    def _exchange_rates(self, w: _Writer) -> None:
        """Monthly USD -> CNY rates for the reports (if the reports area's table exists and has
        none yet): reports convert the US store's dollars with them."""
        if "exchange_rates" not in self.optional["tables"]:
            return
        if w.conn.execute(text("SELECT count(*) FROM exchange_rates WHERE currency = 'USD' "
                               "AND base_currency = 'CNY'")).scalar():
            return
        rows, rate = [], 7.18
        year, month = time.gmtime(self.start)[:2]
        for _ in range(13):
            rows.append({"currency": "USD", "base_currency": "CNY", "rate": f"{rate:.8f}",
                         "valid_from": f"{year:04d}-{month:02d}-01", "updated_by": None,
                         "updated_at": self.ts(self.start)})
            rate = round(rate + self.rng.uniform(-0.04, 0.04), 4)
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        w.insert("exchange_rates", rows)

    # -- the order plan ----------------------------------------------------------------------
    def _order_keys(self) -> list[int]:
        """Every order as placed_at * 16 + status index, sorted: ids follow time like real life."""
        n = self.n_orders
        counts = [int(n * share) for _, share, _ in STATUS_SHARES]
        if n >= 2 * len(STATUS_SHARES):
            counts = [max(1, c) for c in counts]
        counts[0] += n - sum(counts)
        if counts[0] < 0:  # tiny n: take from the largest others
            for i in sorted(range(1, len(counts)), key=lambda i: -counts[i]):
                while counts[0] < 0 and counts[i] > 1:
                    counts[i] -= 1
                    counts[0] += 1
        keys = []
        for index, ((status, _, (lo, hi)), count) in enumerate(zip(STATUS_SHARES, counts)):
            for _ in range(count):
                keys.append(self._placed(lo, hi) * 16 + index)
        keys.sort()
        return keys

    def _placed(self, lo: float, hi: float) -> int:
        """A placing time `lo`..`hi` days ago: more orders lately, around 11.11 and 12.12, evenings."""
        rng, now = self.rng, self.now
        while True:
            age = rng.uniform(lo, hi)
            t = now - int(age * DAY)
            weight = 1.0 - 0.45 * (age / 365)
            day = time.gmtime(t + 8 * HOUR)  # China time
            if day.tm_mon == 11 and 9 <= day.tm_mday <= 12 or day.tm_mon == 12 and 11 <= day.tm_mday <= 12:
                weight *= 3.0
            hour = day.tm_hour
            weight *= 0.25 if 1 <= hour <= 7 else 1.4 if 19 <= hour <= 23 else 1.0
            if rng.random() * 4.2 < weight:
                return t

    # -- people ------------------------------------------------------------------------------
    def _customer(self, chinese_pool: bool, placed: int, out: dict) -> tuple:
        rng = self.rng
        n_cn = max(20, int(self.n_orders * 0.3))
        n_west = max(10, int(self.n_orders * 0.14))
        size = n_cn if chinese_pool else n_west
        slot = int(size * rng.random() ** 1.7) + (0 if chinese_pool else n_cn)
        person = self.people.get(slot)
        if person is None:
            if len(self.people) >= 50_000:  # bounded memory; a person is cheap to recompute
                self.people.clear()
            person = self.people[slot] = _person(self.seed, slot, chinese_pool, size)
        cid = self.customer_ids.get(slot)
        if cid is None:
            cid = self.customer_ids[slot] = self.ids("customers")
            out["customers"].append({"id": cid, "name": person["name"], "email": person["email"],
                                     "phone": person["phone"], "tags": ",vip," if person["vip"] else "",
                                     "notes": "", "created_at": self.ts(placed - rng.randint(60, 3 * DAY))})
            for address in person["addresses"]:
                out["addresses"].append({"id": self.ids("addresses"), "customer_id": cid, **address})
            self.summary.customers += 1
        return cid, person

    # -- orders ------------------------------------------------------------------------------
    def _orders(self, keys: list[int]) -> dict[str, list[dict]]:
        """The rows of a chunk of orders, per table, parents first."""
        out = {t: [] for t in ("customers", "addresses", "orders", "order_lines", "line_allocations",
                               "payments", "shipments", "shipment_lines", "tracking_events",
                               "order_events", "returns", "return_lines")}
        for key in keys:
            self._order(key >> 4, STATUS_LIST[key & 15], out)
        return out

    def _writer_thread(self, chunks: queue.Queue, errors: list) -> None:
        """Writes chunks while the next one is generated (SQLite and the PostgreSQL driver do
        their work without the GIL). After an error it keeps draining so the producer never
        blocks; the error is raised in the caller's thread."""
        while (tables := chunks.get()) is not None:
            if errors:
                continue
            try:
                with self._transaction() as writer:
                    for table, rows in tables.items():
                        writer.insert(table, rows)
            except BaseException as exc:  # noqa: BLE001 - handed to the caller
                errors.append(exc)

    def _order(self, placed: int, status: str, out: dict) -> None:
        rng, ts, now = self.rng, self.ts, self.now
        r = rng.random
        statuses = self.summary.statuses
        statuses[status] = statuses.get(status, 0) + 1
        x = r()
        store = self.stores[0] if x < 0.55 else self.stores[1] if x < 0.85 else self.stores[2]
        code, store_id, platform, currency, _ = store
        chinese = r() < (0.9 if currency == "CNY" else 0.15)
        cid, person = self._customer(chinese, placed, out)
        address = person["addresses"][0 if len(person["addresses"]) == 1 or r() < 0.8 else 1]
        oid = self.ids("orders")
        self.store_numbers[code] += 1
        seq = self.store_numbers[code]
        if platform == "manual":
            number, external = f"{code}{seq:06d}", None
        elif platform == "shopify":
            number, external = f"{code}{1000 + seq}", str(5_100_000_000_000 + seq * 7 + (self.seed % 7))
        else:
            number, external = f"{code}{20000 + seq}", str(20000 + seq)
        method = PICK_METHOD[code](rng)
        usd = currency == "USD"
        b2b = platform == "manual" and method == "bank_transfer"
        intl = address["country"] != "CN"

        # -- lines
        n_lines = PICK_LINES(rng)
        if status == S.PARTIALLY_SHIPPED:
            n_lines = max(2, n_lines)
        picked: list[int] = []
        if status == S.BACKORDERED:
            picked.append(rng.choice(self.sold_out_list))
        n_sku = len(self.skus)
        while len(picked) < n_lines:
            idx = self.popular[int(n_sku * r() ** 2.2)]
            if idx not in picked:
                picked.append(idx)
        lines, subtotal, items = [], 0, 0
        for idx in picked:
            sid, sku_code, name, price, usd_price, grams, is_tea = self.skus[idx]
            if b2b:
                qty = rng.randint(5, 40) if is_tea else rng.randint(2, 12)
            elif is_tea:
                qty = PICK_TEA_QTY(rng)
            else:
                qty = 1 if r() < 0.9 else 2
            unit = usd_price if usd else price
            discount = int(unit * qty * rng.choice((0.05, 0.1, 0.15))) if r() < 0.1 else 0
            total = unit * qty - discount
            lid = self.ids("order_lines")
            lines.append({"id": lid, "order_id": oid, "sku_id": sid, "sku": sku_code, "name": name,
                          "quantity": qty, "unit_price": unit, "discount": discount, "total": total,
                          "quantity_reserved": 0, "quantity_shipped": 0, "quantity_returned": 0,
                          "external_id": None if external is None else f"{external}{len(lines) + 1:02d}",
                          "_idx": idx, "_grams": grams})
            subtotal += total
            items += qty
        if usd:
            shipping = 0 if subtotal >= 7500 else rng.choice((1299, 1999))
        elif b2b:
            shipping = rng.choice((0, 0, 5000, 8000))
        else:
            shipping = 0 if subtotal >= 9900 else rng.choice((800, 1000, 1200, 1500))
        discount = 0
        if r() < 0.12:
            discount = subtotal // 10 if r() < 0.6 else min(2000, subtotal // 5)
        vat = EU_VAT.get(address["country"], 0) if usd else 0  # import VAT collected at checkout
        tax = (subtotal - discount) * vat // 100
        total = subtotal + shipping + tax - discount

        # -- the life of the order: (time, action) steps up to its status
        age = now - placed
        before_hold = None
        if status == S.ON_HOLD:
            before_hold = PICK_BEFORE_HOLD(rng)
        paid_by_cod = method == "cod"
        upfront = not (paid_by_cod or b2b)  # paid online before fulfilment
        if status == S.ON_HOLD:
            steps = REACH[before_hold]
        elif status == S.CANCELLED:
            steps = PICK_CANCEL_STEPS(rng)
        else:
            steps = REACH[status]
        if steps == 0 and status == S.PENDING_PAYMENT and not upfront:
            upfront = True  # cod and B2B orders are confirmed, never waiting for payment
            method = "alipay" if currency == "CNY" else "card"
        durations = (rng.randint(60, 25 * 60), rng.randint(60, 20 * 60), rng.randint(2 * HOUR, 20 * HOUR),
                     rng.randint(10 * 60, 90 * 60), rng.randint(HOUR, 6 * HOUR),
                     rng.randint(DAY, (10 if intl else 4) * DAY), rng.randint(7 * DAY, 14 * DAY))
        needed = sum(durations[:steps]) + (HOUR if status in (S.ON_HOLD, S.CANCELLED) else 60)
        scale = min(1.0, age * 0.9 / needed) if needed else 1.0
        t = placed
        times = [placed]
        for d in durations[:steps]:
            t += max(30, int(d * scale))
            times.append(t)
        last = times[-1]
        # times[1] pay/confirm, [2] allocate, [3] picking, [4] packed, [5] shipped, [6] delivered,
        # [7] completed

        events = []
        staff_clerk = self.clerks[oid % 2]
        staff_agent = self.agents[0 if currency == "CNY" else 1]

        def event(at, kind, message, by=None, **data):
            events.append({"id": 0, "order_id": oid, "at": at, "user_id": by, "kind": kind,
                           "message": message, "data": _json(data)})

        def step(at, action, old, new, message, by=None, **data):
            event(at, "status", message, by, old=str(old), new=str(new), action=action, **data)

        if platform == "manual":
            who = "zhao.lei" if self.agents[0] else "the phone desk"
            event(placed, "created", f"Created by hand by {who}", self.agents[0])
        else:
            event(placed, "created", f"Imported from {'Shopify' if platform == 'shopify' else 'WooCommerce'} "
                  f"(order {external})", None)

        # -- payments
        payments = []

        def charge(at, status_, amount=total, method_=method):
            pid = self.ids("payments")
            payments.append({"id": pid, "order_id": oid, "kind": "charge", "method": method_,
                             "amount": amount, "currency": currency, "status": status_,
                             "reference": _payment_ref(rng, method_, at, oid), "gateway": GATEWAYS[method_],
                             "external_id": None if external is None else f"{external}-p{len(payments) + 1}",
                             "parent_id": None, "created_at": at})
            event(at, "payment", f"Payment of {_money(amount)} {currency} by {method_} ({status_})")
            return payments[-1]

        def refund(at, amount, parent, note):
            pid = self.ids("payments")
            method_ = "bank_transfer" if parent["method"] == "cod" else parent["method"]
            payments.append({"id": pid, "order_id": oid, "kind": "refund", "method": method_,
                             "amount": amount, "currency": currency, "status": "paid",
                             "reference": f"RF{oid:08d}{len(payments):02d}", "gateway": parent["gateway"],
                             "external_id": None, "parent_id": parent["id"], "created_at": at})
            event(at, "payment", f"Refund of {_money(amount)} {currency} ({note})", staff_agent)

        status_now = S.PENDING_PAYMENT
        main_charge = None
        if steps == 0:
            if status == S.PENDING_PAYMENT or status == S.ON_HOLD or status == S.CANCELLED:
                x = r()
                if x < 0.3:
                    charge(placed + rng.randint(30, 600), "pending")
                elif x < 0.5 and method in ("card", "wechat_pay", "alipay", "paypal"):
                    charge(placed + rng.randint(30, 600), "failed")
        else:
            at = times[1]
            if upfront:
                authorize = method == "card" and usd and r() < 0.5 and steps < 5
                main_charge = charge(at, "authorized" if authorize else "paid")
                if authorize:
                    step(at, "confirm", status_now, S.AWAITING_FULFILMENT, "Confirmed")
                else:
                    step(at, "pay", status_now, S.AWAITING_FULFILMENT, "Paid in full")
            else:
                step(at, "confirm", status_now, S.AWAITING_FULFILMENT, "Confirmed", self.agents[0])
                if b2b:
                    pay_at = placed + rng.randint(DAY // 2, 12 * DAY)
                    if pay_at < now and (steps >= 5 or r() < 0.4):
                        main_charge = charge(min(pay_at, now - 60), "paid")
                elif paid_by_cod and steps >= 6:
                    main_charge = charge(times[6], "paid")
                elif paid_by_cod:
                    charge(at, "pending")
            status_now = S.AWAITING_FULFILMENT

        # -- warehouse: allocation, picking, packing
        reserve_lines: list[dict] = []
        if status == S.BACKORDERED:
            missing = lines[0]
            step(last + 60, "backorder", status_now, S.BACKORDERED,
                 f"Backordered, missing: {missing['sku']} ×{missing['quantity']}",
                 missing=[f"{missing['sku']} ×{missing['quantity']}"])
            status_now = S.BACKORDERED
        if steps >= 2:
            step(times[2], "allocate", status_now, S.ALLOCATED, "Allocated")
            status_now = S.ALLOCATED
        if steps >= 3:
            step(times[3], "start_picking", status_now, S.PICKING, "Picking started", staff_clerk)
            status_now = S.PICKING
        if steps >= 4:
            step(times[4], "pack", status_now, S.PACKED, "Packed", staff_clerk)
            status_now = S.PACKED

        # -- shipping
        shipments = []
        if steps >= 5:
            split = len(lines) >= 2 and (status == S.PARTIALLY_SHIPPED or r() < 0.04)
            groups = [lines[:len(lines) // 2 or 1], lines[len(lines) // 2 or 1:]] if split else [lines]
            if status == S.PARTIALLY_SHIPPED:
                groups = groups[:1]
                reserve_lines = lines[len(groups[0]):]
            end = times[6] if steps >= 6 else now - 60
            for n, group in enumerate(groups):
                shipped_at = times[5] + n * min(rng.randint(HOUR, DAY), (end - times[5]) // 3)
                delivered_at = None
                if steps >= 6:
                    delivered_at = end if n == len(groups) - 1 else shipped_at + (end - shipped_at) // 2
                complete = n == len(groups) - 1 and status != S.PARTIALLY_SHIPPED
                shipments.append(self._shipment(oid, group, placed, times[4], shipped_at, delivered_at,
                                                status, intl, address, n, out))
                carrier, waybill = shipments[-1]["carrier"], shipments[-1]["waybill"]
                new = S.SHIPPED if complete else S.PARTIALLY_SHIPPED
                step(shipped_at, "ship" if complete else "ship_partially", status_now, new,
                     f"Shipped with {carrier} {waybill}", staff_clerk, carrier=carrier, waybill=waybill)
                status_now = new
                for line in group:
                    line["quantity_shipped"] = line["quantity"]
            if main_charge is not None and main_charge["status"] == "authorized":
                main_charge["status"] = "paid"
                event(times[5], "payment", f"Payment of {_money(total)} {currency} captured")
            for s in shipments:
                if s["delivered_at"] is not None and status == S.PARTIALLY_SHIPPED:
                    event(s["delivered_at"], "shipment", f"Parcel {s['waybill']} delivered")
        elif steps >= 2:
            reserve_lines = lines
        if steps >= 6:
            delivered = max(s["delivered_at"] for s in shipments)
            step(delivered, "deliver", status_now, S.DELIVERED, "Delivered")
            status_now = S.DELIVERED
        if steps >= 7:
            step(times[7], "complete", status_now, S.COMPLETED, "Completed")
            status_now = S.COMPLETED

        # -- reservations for what is allocated and not shipped
        if status not in (S.CANCELLED,) and reserve_lines:
            alloc_at = times[2]
            for line in reserve_lines:
                idx = line["_idx"]
                qty = line["quantity"] - line["quantity_shipped"]
                whs = [0]
                if len(self.warehouses) > 1 and self.stocked_in[1][idx] and r() < 0.2:
                    whs = [1] if r() < 0.7 or qty < 2 else [0, 1]
                parts = [qty] if len(whs) == 1 else [qty - qty // 2, qty // 2]
                for wh, part in zip(whs, parts):
                    out["line_allocations"].append({"id": self.ids("line_allocations"),
                                                    "order_line_id": line["id"],
                                                    "warehouse_id": self.warehouses[wh][0], "quantity": part})
                    self.reserved[(idx, wh)] += part
                    self.reservations.append((alloc_at, idx, wh, part, oid, number))
                line["quantity_reserved"] = qty

        # -- hold / cancel
        hold_reason = None
        if status == S.ON_HOLD:
            hold_reason = rng.choice(HOLD_REASONS)
            at = min(last + rng.randint(60, 6 * HOUR), now - 30)
            step(at, "hold", status_now, S.ON_HOLD, f"Put on hold: {hold_reason}", staff_agent,
                 reason=hold_reason)
            status_now = S.ON_HOLD
        if status == S.CANCELLED:
            reason = rng.choice(CANCEL_REASONS if steps else CANCEL_REASONS[:3] + CANCEL_REASONS[4:])
            at = min(last + rng.randint(10 * 60, 2 * DAY), now - 30)
            step(at, "cancel", status_now, S.CANCELLED, f"Cancelled: {reason}", staff_agent, reason=reason)
            status_now = S.CANCELLED
            for p in payments:
                if p["kind"] == "charge" and p["status"] == "pending":
                    online = p["method"] not in ("cod", "bank_transfer")
                    p["status"] = "failed" if online and r() < 0.5 else "voided"
                elif p["kind"] == "charge" and p["status"] == "authorized":
                    p["status"] = "voided"
            if main_charge is not None and main_charge["status"] == "paid":
                refund(at + rng.randint(60, DAY // 2), main_charge["amount"], main_charge, "order cancelled")

        # -- returns
        if status in (S.DELIVERED, S.COMPLETED) and r() < 0.05:
            self._return(oid, number, currency, lines, payments, shipments, main_charge, out,
                         event, refund, staff_agent)

        # -- tags, note, search text, the order row
        tags = set()
        if person["vip"]:
            tags.add("vip")
        if b2b:
            tags.add("b2b")
        if any(s["status"] == ShipmentStatus.EXCEPTION for s in shipments) or (
                status == S.BACKORDERED and r() < 0.3) or (status == S.ON_HOLD and r() < 0.2):
            tags.add("exception")
        note = ""
        gift = r() < 0.05
        if gift:
            tags.add("gift")
        if r() < 0.08:
            note = rng.choice(NOTES)
        day = time.gmtime(placed + 8 * HOUR)
        if day.tm_mon == 11 and 10 <= day.tm_mday <= 12:
            tags.add("11.11")
        if r() < 0.02:
            tags.add("urgent")
        if tags and r() < 0.3:
            event(placed + 120, "tags", f"Tags: {', '.join(sorted(tags))}", staff_agent,
                  old=[], new=sorted(tags))
        if note:
            event(placed + 90, "note", f"Customer note: {note}", None)
        ship_name = address["name"]
        if gift and r() < 0.5:
            ship_name = _person(self.seed, rng.randint(0, 10**6), chinese, 10**6)["name"]
        paid_status = payment_status_of(payments, total)
        shipped_qty = sum(line["quantity_shipped"] for line in lines)
        fulfilment = ("unfulfilled" if shipped_qty == 0 else
                      "fulfilled" if shipped_qty == items else "partially_fulfilled")
        search = build_search_text(number, person["name"], person["email"], person["phone"], ship_name,
                                   address["phone"], *(line["sku"] for line in lines),
                                   *(s["waybill"] for s in shipments))
        events.sort(key=lambda e: e["at"])
        for e in events:
            e["id"] = self.ids("order_events")
            e["at"] = ts(e["at"])
        out["order_events"].extend(events)
        for p in payments:
            p["created_at"] = ts(p["created_at"])
        out["payments"].extend(payments)
        for line in lines:
            del line["_idx"], line["_grams"]
        out["order_lines"].extend(lines)
        out["orders"].append({
            "id": oid, "number": number, "store_id": store_id, "external_id": external,
            "customer_id": cid, "customer_name": person["name"], "email": person["email"],
            "phone": person["phone"], "placed_at": ts(placed),
            "updated_at": events[-1]["at"], "currency": currency,
            "subtotal": subtotal, "shipping": shipping, "tax": tax, "discount": discount, "total": total,
            "status": str(status), "status_before_hold": str(before_hold) if before_hold else None,
            "payment_status": paid_status, "fulfilment_status": fulfilment, "hold_reason": hold_reason,
            "tags": f",{','.join(sorted(tags))}," if tags else "", "note": note, "item_count": items,
            "ship_name": ship_name, "ship_phone": address["phone"], "ship_line1": address["line1"],
            "ship_line2": address["line2"], "ship_city": address["city"], "ship_region": address["region"],
            "ship_postcode": address["postcode"], "ship_country": address["country"],
            "search_text": search, "version": len(events),
        })

    # -- shipments ---------------------------------------------------------------------------
    def _shipment(self, oid, group, placed, packed_at, shipped_at, delivered_at, status, intl,
                  address, n, out) -> dict:
        rng, now, ts = self.rng, self.now, self.ts
        wh = 1 if n == 1 and len(self.warehouses) > 1 else 0
        wid, _, origin = self.warehouses[wh]
        carrier = (PICK_INTL_CARRIER if intl else PICK_CN_CARRIER)(rng)
        sid = self.ids("shipments")
        waybill = _waybill(carrier, sid, self.seed, wh)
        if status in (S.DELIVERED, S.COMPLETED):
            state = ShipmentStatus.DELIVERED
        elif status == S.PARTIALLY_SHIPPED:
            state = ShipmentStatus.DELIVERED if rng.random() < 0.4 else ShipmentStatus.IN_TRANSIT
        else:
            state = _weighted(rng, ((ShipmentStatus.IN_TRANSIT, 75), (ShipmentStatus.OUT_FOR_DELIVERY, 15),
                                    (ShipmentStatus.EXCEPTION, 10)))
        if state == ShipmentStatus.DELIVERED and delivered_at is None:
            delivered_at = min(shipped_at + rng.randint(DAY, (9 if intl else 3) * DAY), now - 60)
        end = delivered_at or now
        grams = sum(line["_grams"] * line["quantity"] for line in group) + 150
        cost = (rng.randint(9000, 26000) if intl else rng.randint(800, 2300) + grams // 1000 * 200)
        row = {"id": sid, "order_id": oid, "warehouse_id": wid, "carrier": carrier, "waybill": waybill,
               "tracking_url": TRACKING_URLS[carrier].format(waybill), "status": str(state),
               "weight_grams": grams, "cost": cost, "created_at": ts(packed_at),
               "packed_at": ts(packed_at), "shipped_at": ts(shipped_at),
               "delivered_at": ts(delivered_at) if delivered_at else None,
               "external_id": None}
        for line in group:
            out["shipment_lines"].append({"id": self.ids("shipment_lines"), "shipment_id": sid,
                                          "order_line_id": line["id"], "quantity": line["quantity"]})
        # tracking: spread between shipping and delivery (or now)
        dest = address["city"] if not intl else f"{address['city']}, {address['country']}"
        if intl:
            script = [("in_transit", f"{origin}, CN", "Shipment picked up"),
                      ("in_transit", "Shanghai Pudong, CN" if wh == 0 else "Hong Kong, HK",
                       "Departed facility"),
                      ("in_transit", INTL_HUBS.get(address["country"], dest), "Arrived at facility"),
                      ("in_transit", INTL_HUBS.get(address["country"], dest), "Customs clearance completed"),
                      ("out_for_delivery", dest, "Out for delivery"),
                      ("delivered", dest, "Delivered")]
        else:
            script = [("in_transit", origin, "快件已揽收"),
                      ("in_transit", f"{origin}转运中心", f"快件已从【{origin}转运中心】发出"),
                      ("in_transit", f"{address['city']}转运中心", f"快件已到达【{address['city']}转运中心】"),
                      ("out_for_delivery", address["city"], "快件派送中，请保持电话畅通"),
                      ("delivered", address["city"], "已签收，签收人：本人" if rng.random() < 0.7 else "已放入快递柜")]
        if state == ShipmentStatus.DELIVERED:
            chosen = script
        elif state == ShipmentStatus.OUT_FOR_DELIVERY:
            chosen = script[:-1]
        else:
            chosen = script[:rng.randint(1, len(script) - 2)]
        if state == ShipmentStatus.EXCEPTION:
            chosen = chosen + [("exception", dest, "Delivery attempted: address incomplete" if intl
                                else "派送异常：地址不详，联系不上收件人")]
        span = max(60, end - shipped_at)
        last = None
        for i, (st, location, description) in enumerate(chosen):
            at = shipped_at + (span * i) // max(1, len(chosen) - 1) if len(chosen) > 1 else shipped_at
            if st == "delivered":
                at = end
            last = at
            out["tracking_events"].append({"id": self.ids("tracking_events"), "shipment_id": sid,
                                           "at": ts(at), "status": st, "location": location,
                                           "description": description, "source": "carrier"})
        optional = self.optional["shipments"]
        if "last_event_at" in optional and last is not None:  # added by the fulfilment area
            row["last_event_at"] = ts(last)
        if "order_to_packed_s" in optional:
            row["order_to_packed_s"] = packed_at - placed
            row["packed_to_shipped_s"] = shipped_at - packed_at
            row["shipped_to_delivered_s"] = delivered_at - shipped_at if delivered_at else None
        out["shipments"].append(row)
        row_view = dict(row)
        row_view["delivered_at"] = delivered_at
        return row_view

    # -- returns -----------------------------------------------------------------------------
    def _return(self, oid, number, currency, lines, payments, shipments, charge, out, event, refund,
                agent) -> None:
        rng, now, ts = self.rng, self.now, self.ts
        kind = PICK_RETURN_KIND(rng)
        if charge is None or charge["status"] != "paid":
            kind = "complaint" if kind in ("return_refund", "refund_only") else kind
        path = RETURN_PATHS[kind]
        delivered = max(s["delivered_at"] for s in shipments)
        requested = min(delivered + rng.randint(HOUR, 10 * DAY), now - HOUR)
        x = rng.random()
        if x < 0.08:
            chosen = [("reject", R.REJECTED)]
        elif x < 0.13:
            chosen = list(path[:rng.randint(0, 2)]) + [("cancel", R.CANCELLED)]
        else:
            stop = len(path) if rng.random() < 0.55 else rng.randint(0, len(path))
            chosen = list(path[:stop])
        # time the steps between the request and now
        gaps = [rng.randint(HOUR, 3 * DAY) for _ in chosen]
        room = now - 60 - requested
        if sum(gaps) > room:
            gaps = [max(1, g * room // max(1, sum(gaps))) for g in gaps]
        self.rma += 1
        rid = self.ids("returns")
        rma = rma_number(self.rma)
        reason_code, reason, _ = rng.choice([r for r in RETURN_REASONS if not r[2] or kind in r[2]])
        line = rng.choice(lines)
        qty = line["quantity_shipped"] if rng.random() < 0.7 else 1
        value = line["total"] if qty >= line["quantity"] else line["total"] // line["quantity"] * qty
        if charge is not None:
            value = min(value, charge["amount"])
        money_back = kind in ("return_refund", "refund_only")
        goods_back = kind in ("return_refund", "exchange")
        history, state, at = [], R.REQUESTED, requested
        decided_by = decided_at = None
        received = 0
        inspection = None
        refund_amount = None
        for (action, new), gap in zip(chosen, gaps):
            at += gap
            by = self.supervisor if action in ("approve", "reject") and value > AGENT_APPROVAL_LIMIT \
                else agent
            if action in ("receive", "inspect"):
                by = self.clerks[0]
            history.append({"at": _iso(at), "by": by, "action": action,
                            "from": str(state), "to": str(new), "note": ""})
            if action in ("approve", "reject"):
                decided_by, decided_at = by, at
            if action == "approve" and money_back:
                refund_amount = value  # the approved amount
            if action == "receive":
                received = qty
            if action == "inspect":
                inspection = _weighted(rng, (("sellable", 70), ("damaged", 25), ("supplier", 5)))
            if action == "refund":
                refund(at, value, charge, f"return {rma}")
            state = new
        if goods_back and received:
            line["quantity_returned"] = received
        row = {"id": rid, "number": rma, "order_id": oid, "kind": kind, "status": str(state),
               "reason": reason, "resolution": "exchange" if kind in ("exchange", "reship") else "refund",
               "requested_by": agent, "requested_at": ts(requested), "decided_by": decided_by,
               "decided_at": ts(decided_at) if decided_at else None,
               "decision_note": "Approved per return policy" if decided_by and state != R.REJECTED
               else ("Outside the 7-day return window" if state == R.REJECTED else ""),
               "refund_amount": refund_amount, "currency": currency, "history": json.dumps(history),
               "version": len(history) + 1}
        if "status_changed_at" in self.optional["returns"]:
            row["status_changed_at"] = ts(at)
        if "due_at" in self.optional["returns"]:
            row["due_at"] = ts(requested + DEFAULT_SLA_HOURS[kind] * HOUR)
        out["returns"].append(row)
        out["return_lines"].append({"id": self.ids("return_lines"), "return_id": rid,
                                    "order_line_id": line["id"], "quantity": qty, "reason_code": reason_code,
                                    "note": "", "quantity_received": received,
                                    "inspection_result": inspection})
        event(requested, "return", f"Return {rma} requested: {reason}", agent, rma=rma)

    # -- stock ---------------------------------------------------------------------------------
    def _stock(self, w: _Writer) -> None:
        """Levels from the reservations made, and a ledger that sums to them."""
        rng, ts = self.rng, self.ts
        levels, movements, plan = [], [], []
        opening = self.start - 20 * DAY
        for idx, (sku_id, code, name, price, usd, grams, is_tea) in enumerate(self.skus):
            threshold = rng.randint(10, 30) if is_tea else rng.randint(3, 10)
            for wh, (wid, wcode, _) in enumerate(self.warehouses):
                if not self.stocked_in[wh][idx] and not self.reserved.get((idx, wh)):
                    continue
                reserved = self.reserved.get((idx, wh), 0)
                if idx in self.sold_out:
                    free = 0
                elif rng.random() < 0.12:
                    free = rng.randint(1, threshold)  # low: at or below the threshold
                else:
                    free = threshold + int(rng.expovariate(1 / (120 if is_tea else 40))) + 1
                on_hand = reserved + free
                lid = self.ids("stock_levels")
                bins = self.bin_ids[wh]
                levels.append({"id": lid, "sku_id": sku_id, "warehouse_id": wid,
                               "bin_id": bins[idx % len(bins)], "on_hand": on_hand, "reserved": reserved,
                               "threshold": threshold, "version": 1})
                plan.append((idx, wh, sku_id, wid, on_hand))
        # ledger: opening receipt, restocks and stocktake corrections, then the reservations
        entries = []  # (time, order, sku_id, wid, kind, on_hand delta, reserved delta, reason, ref)
        for idx, wh, sku_id, wid, on_hand in plan:
            if on_hand == 0:
                continue
            shrink = rng.randint(1, 3) if rng.random() < 0.05 else 0
            total_in = on_hand + shrink
            restocks = rng.randint(0, 3) if total_in > 3 else 0
            parts = sorted(rng.sample(range(1, total_in), restocks)) if restocks else []
            cuts = [0, *parts, total_in]
            for i in range(len(cuts) - 1):
                qty = cuts[i + 1] - cuts[i]
                if i == 0:
                    entries.append((opening, 0, sku_id, wid, "receive", qty, 0, "opening stock",
                                    "import", None))
                else:
                    at = self.start + rng.randint(0, 300 * DAY)
                    po = rng.randint(1, 999)
                    entries.append((at, 1, sku_id, wid, "receive", qty, 0, f"PO-{po:04d}", "purchase", po))
            if shrink:
                at = self.start + rng.randint(301 * DAY, 330 * DAY)
                entries.append((at, 2, sku_id, wid, "adjust", -shrink, 0, "stocktake: damaged packaging",
                                "stocktake", None))
        for at, idx, wh, qty, oid, number in self.reservations:
            entries.append((at, 3, self.skus[idx][0], self.warehouses[wh][0], "reserve", 0, qty,
                            f"order #{number}", "order", oid))
        entries.sort(key=lambda e: (e[0], e[1], e[2], e[3]))
        running: dict[tuple, list[int]] = {}
        for at, _, sku_id, wid, kind, d_on, d_res, reason, ref_type, ref_id in entries:
            state = running.setdefault((sku_id, wid), [0, 0])
            state[0] += d_on
            state[1] += d_res
            movements.append({"id": self.ids("stock_movements"), "at": ts(at), "sku_id": sku_id,
                              "warehouse_id": wid, "kind": kind, "on_hand_delta": d_on,
                              "reserved_delta": d_res, "on_hand_after": state[0],
                              "reserved_after": state[1], "reason": reason, "ref_type": ref_type,
                              "ref_id": ref_id, "user_id": None})
        w.insert("stock_levels", levels)
        for start in range(0, len(movements), 50_000):
            w.insert("stock_movements", movements[start:start + 50_000])

    def _counters(self) -> None:
        """Manual order numbers and RMA numbers continue after the demo's."""
        with self._transaction() as w:
            self._write_counters(w)

    def _write_counters(self, w: _Writer) -> None:
        conn = w.conn
        wanted = {f"order:{code}": self.store_numbers[code] for code, *_ in self.stores}
        wanted["rma"] = self.rma
        for name, value in wanted.items():
            if not value:
                continue
            updated = conn.execute(text("UPDATE counters SET value = :v WHERE name = :n AND value < :v"),
                                   {"v": value, "n": name}).rowcount
            exists = conn.execute(text("SELECT 1 FROM counters WHERE name = :n"), {"n": name}).first()
            if not updated and not exists:
                w.insert("counters", [{"name": name, "value": value}])


# -- generated values -------------------------------------------------------------------------

def _shop_price(draw: float) -> int:
    """Round a random draw (a scale, not money) to a shop-like price in integer cents: 39.90,
    128.00, 298.00 ... Prices themselves are only ever integers from here on."""
    yuan = draw / 100
    if yuan < 50:
        return int(yuan * 10) * 10 if int(yuan * 10) % 10 == 9 else (int(yuan) * 100 + 90)
    if yuan < 1000:
        return int(round(yuan / 10) * 10 - 2) * 100
    return int(round(yuan / 100) * 100 - 12) * 100


def _hash(*values: int) -> int:
    x = 0x9E3779B97F4A7C15
    for v in values:
        x = ((x ^ (v & 0xFFFFFFFFFFFFFFFF)) * 0xBF58476D1CE4E5B9) & 0xFFFFFFFFFFFFFFFF
        x ^= x >> 31
    return x


def _person(seed: int, slot: int, chinese: bool, pool: int) -> dict:
    """A customer, derived from (seed, slot) alone so it costs no memory to remember."""
    rng = _Random(_hash(seed, slot))
    r = rng.random
    vip = slot % max(1, pool) < max(1, pool // 50) if chinese else (slot % 997) < 20
    addresses = []
    if chinese:
        latin = r() < 0.08
        sur, sur_py = rng.choice(CN_SURNAMES)
        given, given_py = rng.choice(CN_GIVEN)
        name = f"{given_py.capitalize()} {sur_py.capitalize()}" if latin else sur + given
        if r() < 0.4:
            email = f"{rng.randint(10_000, 3_999_999_999)}@qq.com"
        else:
            email = f"{given_py}{'.' if r() < 0.5 else ''}{sur_py}{rng.randint(1, 999) if r() < 0.7 else ''}" \
                    f"@{rng.choice(CN_EMAIL_DOMAINS)}"
        phone = _cn_mobile(rng)
        for _ in range(1 if r() < 0.8 else 2):
            city, province, districts, post = rng.choice(CN_CITIES)
            district = rng.choice(districts)
            line1 = f"{district}{rng.choice(CN_STREETS)}{rng.randint(1, 999)}号"
            line2 = (f"{rng.choice(CN_ESTATES)}{rng.randint(1, 30)}栋{rng.randint(1, 4)}单元"
                     f"{rng.randint(1, 33)}{rng.randint(1, 4):02d}室") if r() < 0.85 else ""
            addresses.append({"name": name, "phone": phone if r() < 0.9 else _cn_mobile(rng),
                              "line1": line1, "line2": line2, "city": city, "region": province or city,
                              "postcode": f"{post}{rng.randint(0, 999):03d}", "country": "CN"})
    else:
        if r() < 0.15:
            sur, sur_py = rng.choice(CN_SURNAMES)
            first, last = rng.choice(LATIN_CN_FIRST), sur_py.capitalize()
        else:
            first, last = rng.choice(WESTERN_FIRST), rng.choice(WESTERN_LAST)
        name = f"{first} {last}"
        local = f"{first}.{last}".lower().replace(" ", "").replace("'", "")
        local = local.translate(str.maketrans("üáéíóúç", "uaeiouc"))
        email = f"{local}{rng.randint(1, 99) if r() < 0.4 else ''}@{rng.choice(WESTERN_EMAIL_DOMAINS)}"
        city = rng.choice(WESTERN_CITIES)
        country, town, region, postcodes, streets, phone_kind, style = city
        phone = _western_phone(rng, phone_kind)
        for _ in range(1 if r() < 0.85 else 2):
            street, num = rng.choice(streets), rng.randint(1, 480)
            line1 = f"{street} {num}" if style == "street_first" else f"{num} {street}"
            line2 = rng.choice(("Apt 4B", "Flat 2", "Suite 300", "Unit 12", "2nd floor")) if r() < 0.3 else ""
            addresses.append({"name": name, "phone": phone, "line1": line1, "line2": line2, "city": town,
                              "region": region, "postcode": rng.choice(postcodes), "country": country})
    return {"name": name, "email": email, "phone": phone, "vip": vip, "addresses": addresses}


def _cn_mobile(rng: random.Random) -> str:
    digits = rng.choice(CN_MOBILE) + f"{rng.randint(0, 99_999_999):08d}"
    x = rng.random()
    if x < 0.5:
        return digits
    if x < 0.9:
        return f"{digits[:3]} {digits[3:7]} {digits[7:]}"
    return f"+86 {digits}"


def _western_phone(rng: random.Random, kind: str) -> str:
    n = rng.randint
    if kind == "us":
        return f"+1 {n(201, 989)} {n(200, 999)} {n(0, 9999):04d}"
    if kind == "gb":
        return f"+44 7{n(100, 999)} {n(100000, 999999)}"
    if kind == "de":
        return f"+49 15{n(1, 9)} {n(1000000, 99999999)}"
    if kind == "fr":
        return f"+33 6 {n(10, 99)} {n(10, 99)} {n(10, 99)} {n(10, 99)}"
    if kind == "nl":
        return f"+31 6 {n(10000000, 99999999)}"
    if kind == "au":
        return f"+61 4{n(10, 99)} {n(100, 999)} {n(100, 999)}"
    return f"+65 9{n(100, 999)} {n(1000, 9999)}"


def _waybill(carrier: str, shipment_id: int, seed: int, warehouse: int) -> str:
    """Real-looking and unique per carrier: an invertible mix of the shipment id."""
    mix = shipment_id * 982_451_653 + (seed % 1000) * 7_919_993
    if carrier == "SF Express":
        return f"SF1{mix % 10**11:011d}"
    if carrier == "ZTO Express":
        return f"73{mix % 10**12:012d}"
    if carrier == "YTO Express":
        return f"YT7{mix % 10**12:012d}"
    if carrier == "JD Logistics":
        return f"JDVA{mix % 10**11:011d}"
    if carrier == "China Post EMS":
        return s10("EA" if warehouse == 0 else "EB", mix % 10**8)
    if carrier == "UPS":
        return ups("A1B2C3" if warehouse == 0 else "W9X8Y7", "66", mix % 10**7)
    if carrier == "DHL Express":
        return f"{mix % 10**10:010d}"
    return f"{mix % 10**12:012d}"  # FedEx


def _payment_ref(rng: random.Random, method: str, at: int, oid: int) -> str:
    day = time.strftime("%Y%m%d", time.gmtime(at))
    if method == "alipay":
        return f"{day}2200{rng.randint(10**15, 10**16 - 1)}"[:28]
    if method == "wechat_pay":
        return f"4200{rng.randint(10**23, 10**24 - 1)}"
    if method == "card":
        return "ch_" + "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
                               for _ in range(24))
    if method == "paypal":
        return "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXY0123456789") for _ in range(17))
    if method == "bank_transfer":
        return f"BT{day}{oid % 10000:04d}"
    return f"COD{day}{oid % 100000:05d}"


__all__ = ["DemoSummary", "count_orders", "ensure_empty", "generate", "ean13", "s10", "ups",
           "payment_status_of"]
