"""Report texts in English or Chinese (reports are files read outside the app, so they carry their
own small vocabulary; the GUI itself translates through Qt)."""

from __future__ import annotations

LANGS = ("en", "zh")

ZH = {
    # report and table titles
    "Sales report": "销售报表", "Products report": "商品报表", "Stock report": "库存报表",
    "Logistics report": "物流报表", "After-sales report": "售后报表", "Customers report": "客户报表",
    "Sales by period": "按期间销售", "Sales by store": "按店铺销售", "Sales by country": "按国家销售",
    "Sales by category": "按品类销售", "Best sellers": "畅销商品", "Slow sellers (滞销)": "滞销商品",
    "Stock per SKU and warehouse": "各仓库SKU库存", "Stock ageing": "库龄", "Stocktake variances": "盘点差异",
    "Fulfilment times per carrier and warehouse": "各承运商及仓库履约时效",
    "Exceptions per carrier": "各承运商异常", "Return rate by SKU": "各SKU退货率",
    "Returns by reason": "退货原因", "Refunds": "退款", "Handling time against SLA": "处理时效（对比SLA）",
    "New vs returning": "新老客户", "Repeat rate": "复购率", "Top customers": "重点客户",
    "RFM segments": "RFM 分层", "Order rows": "订单明细",
    # columns
    "Period": "期间", "Store": "店铺", "Country": "国家", "Category": "品类", "Currency": "币种",
    "Orders": "订单数", "Units": "件数", "Gross": "商品金额", "Discounts": "折扣", "Shipping": "运费",
    "Tax": "税费", "Total": "合计", "Net": "净额", "AOV": "客单价", "SKU": "SKU", "Product": "商品",
    "Revenue": "销售额", "Cost": "成本", "Margin": "毛利", "Margin %": "毛利率", "On hand": "在库",
    "Last sold": "最后销售", "Days without sale": "未销售天数", "Stock value at cost": "库存成本",
    "Warehouse": "仓库", "Reserved": "已预留", "Unit cost": "单位成本", "Value at cost": "成本金额",
    "Units out": "出库件数", "Turnover": "周转率", "Days of cover": "可售天数", "Age (days)": "库龄（天）",
    "Ageing": "库龄段", "SKU × warehouse": "SKU×仓库", "Counts": "盘点次数",
    "Variance (units)": "差异（件）", "Variance at cost": "差异金额", "Carrier": "承运商",
    "Shipments": "包裹数", "Order → packed (h)": "下单→打包（小时）", "Packed → shipped (h)": "打包→发货（小时）",
    "Shipped → delivered (h)": "发货→签收（小时）", "Order → delivered (h)": "下单→签收（小时）",
    "Delivered": "已签收", "On time": "准时", "On-time rate": "准时率", "Exceptions": "异常",
    "Exception": "异常", "Lost": "丢失", "Returned to sender": "退回", "Exception rate": "异常率",
    "All problems": "问题合计", "Units sold": "销售件数", "Units returned": "退货件数",
    "Return rate": "退货率", "Reason": "原因", "Cases": "工单数", "Refunded cases": "已退款工单",
    "Refunded": "退款金额", "Case type": "类型", "Decided": "已处理", "Still open": "未结",
    "Average hours to decide": "平均处理时长（小时）", "Within SLA": "SLA 内", "Within SLA %": "SLA 达成率",
    "Customers": "客户", "Customers with orders": "下单客户", "Ordered twice or more": "下单两次及以上",
    "Customer": "客户", "Email": "邮箱", "Last order": "最后下单", "Segment": "分层", "Number": "订单号",
    "Placed": "下单时间", "Status": "状态", "Items": "件数",
    # chart titles
    "Sales": "销售", "Average hours per step": "各环节平均时长（小时）", "Problem shipments": "问题包裹",
    "Units returned by reason": "各原因退货件数", "Customers per segment": "各分层客户数",
    "Units on hand by age": "各库龄在库件数",
    # cover
    "Report": "报表", "Parameters": "参数", "Notes": "说明", "Generated": "生成时间",
    "period": "期间", "grouping": "汇总", "store": "店铺", "warehouse": "仓库", "currency": "币种",
    "converted to": "折算为", "No data for this period.": "该期间无数据。", "Page": "第",
    "Shop": "店铺", "Chart data": "图表数据",
}


def tr(text: str, lang: str = "en") -> str:
    if lang == "zh":
        return ZH.get(text, text)
    return text


def param_label(key: str, lang: str = "en") -> str:
    """A parameter's name on a cover sheet: 'period' -> 'Period' / '期间'."""
    return ZH.get(key, key) if lang == "zh" else key[:1].upper() + key[1:]


def total_label(lang: str, group: object) -> str:
    word = "合计" if lang == "zh" else "Total"
    return f"{word} {group}" if group not in (None, "") else word
