<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActionDialog</name>
    <message>
        <location filename="../../ui/fulfilment/exceptions.py" line="50"/>
        <source>Action on the exception</source>
        <translation>处理异常</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/exceptions.py" line="58"/>
        <source>bank, cash or gateway reference of a manual refund</source>
        <translation>手工退款的银行、现金或网关参考号</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/exceptions.py" line="59"/>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/exceptions.py" line="60"/>
        <source>reship: a re-ship case with a free replacement order; refund: a refund-only case paid back through payments</source>
        <translation>reship：创建补发售后单及免费的替换订单；refund：创建仅退款售后单，通过付款渠道退回</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/exceptions.py" line="62"/>
        <source>Action</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/exceptions.py" line="63"/>
        <source>Claim status</source>
        <translation>索赔状态</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/exceptions.py" line="64"/>
        <source>Amount (claim or refund)</source>
        <translation>金额（索赔或退款）</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/exceptions.py" line="65"/>
        <source>Refund reference</source>
        <translation>退款参考号</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/exceptions.py" line="66"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>AddressDialog</name>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="133"/>
        <source>Shipping address of order #{0}</source>
        <translation>订单 #{0} 的收货地址</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="136"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="136"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="137"/>
        <source>Street</source>
        <translation>街道地址</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="137"/>
        <source>Street (2)</source>
        <translation>街道地址（2）</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="138"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="138"/>
        <source>Region</source>
        <translation>省/地区</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="139"/>
        <source>Postcode</source>
        <translation>邮编</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="139"/>
        <source>Country</source>
        <translation>国家/地区</translation>
    </message>
</context>
<context>
    <name>AdjustTab</name>
    <message>
        <location filename="../../ui/inventory/page.py" line="23"/>
        <source>Damaged</source>
        <translation>破损</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/page.py" line="24"/>
        <source>Found</source>
        <translation>找回</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/page.py" line="25"/>
        <source>Lost or stolen</source>
        <translation>丢失或被盗</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/page.py" line="26"/>
        <source>Correction</source>
        <translation>更正</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/page.py" line="27"/>
        <source>Expired</source>
        <translation>过期</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/page.py" line="28"/>
        <source>Sample or gift</source>
        <translation>样品或赠品</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/page.py" line="29"/>
        <source>Returned to supplier</source>
        <translation>退回供应商</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/page.py" line="30"/>
        <source>Received from supplier</source>
        <translation>供应商到货</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/page.py" line="153"/>
        <source>Scan or type a SKU or barcode</source>
        <translation>扫描或输入 SKU / 条码</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/page.py" line="161"/>
        <source>Apply adjustment</source>
        <translation>执行调整</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/page.py" line="164"/>
        <source>Set threshold</source>
        <translation>设置预警值</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/page.py" line="168"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/page.py" line="169"/>
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/page.py" line="170"/>
        <source>Change (+ add, − remove)</source>
        <translation>变动数量（+ 增加，− 减少）</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/page.py" line="171"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/page.py" line="172"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/page.py" line="174"/>
        <source>Low-stock threshold</source>
        <translation>低库存预警值</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/page.py" line="186"/>
        <source>{0}: now {1} on hand, {2} reserved.</source>
        <translation>{0}：现有在库 {1}，已预留 {2}。</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/page.py" line="192"/>
        <source>{0}: threshold set to {1}.</source>
        <translation>{0}：预警值已设为 {1}。</translation>
    </message>
</context>
<context>
    <name>AfterSalesDesk</name>
    <message>
        <location filename="../../ui/aftersales/desk.py" line="354"/>
        <source>Cases</source>
        <translation>售后单</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/desk.py" line="361"/>
        <source>Returns desk</source>
        <translation>退货台</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/desk.py" line="362"/>
        <source>Unpaid orders</source>
        <translation>未付款订单</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/desk.py" line="363"/>
        <source>Reconciliation</source>
        <translation>对账</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/desk.py" line="366"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/desk.py" line="399"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/desk.py" line="409"/>
        <location filename="../../ui/aftersales/desk.py" line="422"/>
        <source>New case</source>
        <translation>新建售后单</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/desk.py" line="410"/>
        <source>Order number (or waybill):</source>
        <translation>订单号（或运单号）：</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/desk.py" line="423"/>
        <source>No order with number {0}.</source>
        <translation>没有订单号为 {0} 的订单。</translation>
    </message>
</context>
<context>
    <name>AfterSalesModel</name>
    <message>
        <location filename="../../ui/aftersales/model.py" line="38"/>
        <source>{0} min</source>
        <translation>{0} 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/model.py" line="40"/>
        <source>{0} h</source>
        <translation>{0} 小时</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/model.py" line="41"/>
        <source>{0} d</source>
        <translation>{0} 天</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/model.py" line="45"/>
        <source>Return &amp; refund</source>
        <translation>退货退款</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/model.py" line="46"/>
        <source>Refund only</source>
        <translation>仅退款</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/model.py" line="47"/>
        <source>Exchange</source>
        <translation>换货</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/model.py" line="48"/>
        <source>Re-ship</source>
        <translation>补发</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/model.py" line="49"/>
        <source>Intercept</source>
        <translation>拦截</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/model.py" line="50"/>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/model.py" line="54"/>
        <source>requested</source>
        <translation>已申请</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/model.py" line="55"/>
        <source>approved</source>
        <translation>已同意</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/model.py" line="56"/>
        <source>rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/model.py" line="57"/>
        <source>awaiting goods</source>
        <translation>待收货</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/model.py" line="58"/>
        <source>received</source>
        <translation>已收货</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/model.py" line="59"/>
        <source>inspected</source>
        <translation>已质检</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/model.py" line="60"/>
        <source>refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/model.py" line="61"/>
        <source>exchanged</source>
        <translation>已换货</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/model.py" line="62"/>
        <source>re-shipped</source>
        <translation>已补发</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/model.py" line="63"/>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/model.py" line="64"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/model.py" line="65"/>
        <source>pending</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/model.py" line="66"/>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/model.py" line="67"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/model.py" line="68"/>
        <source>sent, waiting for the storefront</source>
        <translation>已发送，等待店铺答复</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/model.py" line="69"/>
        <source>confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/model.py" line="70"/>
        <source>paid back another way</source>
        <translation>已通过其他方式退还</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/model.py" line="71"/>
        <source>awaiting payment</source>
        <translation>待付款</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/model.py" line="211"/>
        <source>RMA</source>
        <translation>售后单号</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/model.py" line="212"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/model.py" line="213"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/model.py" line="214"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/model.py" line="215"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/model.py" line="216"/>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/model.py" line="218"/>
        <source>Requested</source>
        <translation>申请时间</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/model.py" line="220"/>
        <source>Age</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/model.py" line="222"/>
        <source>Due</source>
        <translation>截止时间</translation>
    </message>
</context>
<context>
    <name>AfterSalesSettingsPage</name>
    <message>
        <location filename="../../ui/aftersales/settings.py" line="25"/>
        <source>SLA: hours a case may stay open</source>
        <translation>时效（SLA）：售后单最长处理小时数</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/settings.py" line="31"/>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/settings.py" line="35"/>
        <source>Approval limits (empty: no limit)</source>
        <translation>审批额度（留空：不限）</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/settings.py" line="41"/>
        <source>Limits are kept in this currency; a case in another currency is converted with the stored exchange rates.</source>
        <translation>审批额度以此币种计；其他币种的售后单按已存汇率换算。</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/settings.py" line="43"/>
        <source>Limit currency:</source>
        <translation>额度币种：</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/settings.py" line="51"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/settings.py" line="51"/>
        <source>Label</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/settings.py" line="52"/>
        <source>Case types (empty: all)</source>
        <translation>售后类型（留空：全部）</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/settings.py" line="52"/>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/settings.py" line="54"/>
        <source>Save settings</source>
        <translation>保存设置</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/settings.py" line="58"/>
        <source>Add reason code</source>
        <translation>添加原因代码</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/settings.py" line="70"/>
        <source>Only managers change these settings.</source>
        <translation>只有经理可以修改这些设置。</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/settings.py" line="72"/>
        <source>Reason codes</source>
        <translation>原因代码</translation>
    </message>
</context>
<context>
    <name>AlertsTab</name>
    <message>
        <location filename="../../ui/inventory/page.py" line="208"/>
        <location filename="../../ui/inventory/page.py" line="213"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/page.py" line="208"/>
        <location filename="../../ui/inventory/page.py" line="213"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/page.py" line="208"/>
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/page.py" line="208"/>
        <location filename="../../ui/inventory/page.py" line="213"/>
        <source>Available</source>
        <translation>可用</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/page.py" line="209"/>
        <source>Threshold</source>
        <translation>预警值</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/page.py" line="209"/>
        <source>Incoming</source>
        <translation>在途入库</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/page.py" line="213"/>
        <source>In transit</source>
        <translation>在途</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/page.py" line="214"/>
        <source>Sold per day</source>
        <translation>日均销量</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/page.py" line="214"/>
        <source>Lead time (days)</source>
        <translation>补货周期（天）</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/page.py" line="214"/>
        <source>Reorder point</source>
        <translation>补货点</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/page.py" line="215"/>
        <source>Order quantity</source>
        <translation>建议补货量</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/page.py" line="222"/>
        <source>Export suggestions to Excel…</source>
        <translation>导出补货建议到 Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/page.py" line="223"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/page.py" line="226"/>
        <source>At or below threshold</source>
        <translation>达到或低于预警值</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/page.py" line="228"/>
        <source>Reorder suggestions (threshold, last 30 days of sales, lead time)</source>
        <translation>补货建议（依据预警值、近 30 天销量、补货周期）</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/page.py" line="245"/>
        <source>{0} in {1}: {2} available (threshold {3})</source>
        <translation>{0}（{1}）：可用 {2}（预警值 {3}）</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/page.py" line="247"/>
        <source>Below threshold now:</source>
        <translation>当前低于预警值：</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/page.py" line="249"/>
        <source>and {0} more</source>
        <translation>另有 {0} 项</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/page.py" line="254"/>
        <source>Export reorder suggestions</source>
        <translation>导出补货建议</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/page.py" line="255"/>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/page.py" line="258"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/page.py" line="258"/>
        <source>Wrote {0} suggestions.</source>
        <translation>已导出 {0} 条建议。</translation>
    </message>
</context>
<context>
    <name>Areas</name>
    <message>
        <location filename="../../ui/areas.py" line="19"/>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/areas.py" line="20"/>
        <source>Inventory</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../ui/areas.py" line="21"/>
        <source>Fulfilment</source>
        <translation>履约</translation>
    </message>
    <message>
        <location filename="../../ui/areas.py" line="22"/>
        <source>Returns</source>
        <translation>售后</translation>
    </message>
    <message>
        <location filename="../../ui/areas.py" line="23"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/areas.py" line="24"/>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../ui/areas.py" line="25"/>
        <source>Storefronts</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location filename="../../ui/areas.py" line="26"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>BulkReportDialog</name>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="234"/>
        <source>{0} done, {1} refused.</source>
        <translation>完成 {0} 个，拒绝 {1} 个。</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="236"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="236"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="236"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="241"/>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="241"/>
        <source>refused</source>
        <translation>被拒绝</translation>
    </message>
</context>
<context>
    <name>BulkWaybillImport</name>
    <message>
        <location filename="../../ui/fulfilment/bulk.py" line="28"/>
        <source>Paste from Excel: order number &lt;Tab&gt; waybill number</source>
        <translation>从 Excel 粘贴：订单号 &lt;Tab&gt; 运单号</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/bulk.py" line="30"/>
        <source>Detect from the number</source>
        <translation>按单号自动识别</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/bulk.py" line="31"/>
        <source>Open CSV/Excel…</source>
        <translation>打开 CSV/Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/bulk.py" line="32"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/bulk.py" line="33"/>
        <source>Import all</source>
        <translation>全部导入</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/bulk.py" line="37"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/bulk.py" line="37"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/bulk.py" line="37"/>
        <source>Waybill</source>
        <translation>运单号</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/bulk.py" line="38"/>
        <location filename="../../ui/fulfilment/bulk.py" line="42"/>
        <source>Carrier</source>
        <translation>承运商</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/bulk.py" line="38"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/bulk.py" line="59"/>
        <source>Waybill list</source>
        <translation>运单号清单</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/bulk.py" line="60"/>
        <source>Lists (*.csv *.txt *.xlsx)</source>
        <translation>清单 (*.csv *.txt *.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/bulk.py" line="74"/>
        <source>Checking the list…</source>
        <translation>正在检查清单…</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/bulk.py" line="93"/>
        <source>{0} rows ready: {1} shipments with {2} parcels.</source>
        <translation>{0} 行可以导入：{1} 个发货单，共 {2} 个包裹。</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/bulk.py" line="101"/>
        <source>ok: another parcel of the shipment on row {0}</source>
        <translation>正常：与第 {0} 行同一发货单的另一个包裹</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/bulk.py" line="102"/>
        <source>ok</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/bulk.py" line="116"/>
        <source>{0} shipments with {1} parcels created.</source>
        <translation>已创建 {0} 个发货单，共 {1} 个包裹。</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/bulk.py" line="89"/>
        <source>{0} of {1} rows have problems; fix them to import.</source>
        <translation>{1} 行中有 {0} 行有问题；修正后才能导入。</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/bulk.py" line="112"/>
        <source>Importing waybills…</source>
        <translation>正在导入运单号…</translation>
    </message>
</context>
<context>
    <name>CarrierDialog</name>
    <message>
        <location filename="../../ui/fulfilment/waybill.py" line="40"/>
        <source>Add a carrier</source>
        <translation>添加承运商</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/waybill.py" line="45"/>
        <source>BE followed by 10 digits</source>
        <translation>BE 加 10 位数字</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/waybill.py" line="47"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/waybill.py" line="48"/>
        <source>Waybill pattern</source>
        <translation>运单号格式（正则）</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/waybill.py" line="49"/>
        <source>Format in words</source>
        <translation>格式说明</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/waybill.py" line="50"/>
        <source>Tracking URL</source>
        <translation>物流查询网址</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/waybill.py" line="51"/>
        <source>Delayed after (days)</source>
        <translation>超过多少天算延误</translation>
    </message>
</context>
<context>
    <name>CaseQueues</name>
    <message>
        <location filename="../../ui/aftersales/desk.py" line="35"/>
        <source>New requests</source>
        <translation>新申请</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/desk.py" line="36"/>
        <source>Awaiting approval</source>
        <translation>待审批</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/desk.py" line="37"/>
        <source>Awaiting goods</source>
        <translation>待收货</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/desk.py" line="38"/>
        <source>To inspect</source>
        <translation>待质检</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/desk.py" line="39"/>
        <source>Refunds pending</source>
        <translation>退款处理中</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/desk.py" line="40"/>
        <source>Refunds failed</source>
        <translation>退款失败</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/desk.py" line="41"/>
        <source>Overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/desk.py" line="42"/>
        <source>All open</source>
        <translation>全部未结</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/desk.py" line="43"/>
        <source>All cases</source>
        <translation>全部售后单</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/desk.py" line="65"/>
        <source>Search all queues: RMA, order, waybill, customer or phone</source>
        <translation>在全部队列中搜索：售后单号、订单号、运单号、客户或电话</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/desk.py" line="85"/>
        <source>New case…</source>
        <translation>新建售后单…</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/desk.py" line="85"/>
        <source>Approve…</source>
        <translation>审批通过…</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/desk.py" line="86"/>
        <source>Reject…</source>
        <translation>驳回…</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/desk.py" line="86"/>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/desk.py" line="87"/>
        <source>Re-ship</source>
        <translation>补发</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/desk.py" line="87"/>
        <source>Exchange…</source>
        <translation>换货…</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/desk.py" line="88"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/desk.py" line="88"/>
        <source>Cancel case…</source>
        <translation>取消售后单…</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/desk.py" line="89"/>
        <source>Intercept…</source>
        <translation>拦截…</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/desk.py" line="89"/>
        <source>Attach file…</source>
        <translation>添加附件…</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/desk.py" line="90"/>
        <source>Open attachment</source>
        <translation>打开附件</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/desk.py" line="202"/>
        <source>Order #{0}, {1}. Refund {2}.</source>
        <translation>订单 #{0}，{1}。退款 {2}。</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/desk.py" line="206"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/desk.py" line="206"/>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/desk.py" line="206"/>
        <source>Received</source>
        <translation>已收货</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/desk.py" line="206"/>
        <location filename="../../ui/aftersales/desk.py" line="259"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/desk.py" line="207"/>
        <source>Inspection</source>
        <translation>质检</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/desk.py" line="215"/>
        <source>Refund {0}: {1} {2} ({3}) {4}</source>
        <translation>退款 {0}：{1} {2}（{3}）{4}</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/desk.py" line="219"/>
        <source>Attachments: {0}</source>
        <translation>附件：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/desk.py" line="222"/>
        <source>Intercept: {0} {1}, {2}</source>
        <translation>拦截：{0} {1}，{2}</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/desk.py" line="259"/>
        <source>Why?</source>
        <translation>原因？</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/desk.py" line="269"/>
        <location filename="../../ui/aftersales/desk.py" line="276"/>
        <source>Exchange</source>
        <translation>换货</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/desk.py" line="270"/>
        <source>Replacement items as SKU:QTY, separated by commas:</source>
        <translation>换货商品，格式为 SKU:数量，以逗号分隔：</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/desk.py" line="276"/>
        <source>Write the items as SKU:QTY, e.g. TEA-01:2.</source>
        <translation>请按 SKU:数量 的格式填写，例如 TEA-01:2。</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/desk.py" line="289"/>
        <source>Ask the carrier to stop the parcel</source>
        <translation>请承运商拦截包裹</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/desk.py" line="290"/>
        <source>The carrier stopped it; it is coming back</source>
        <translation>承运商已拦截，包裹正在退回</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/desk.py" line="291"/>
        <source>The parcel came back</source>
        <translation>包裹已退回</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/desk.py" line="292"/>
        <source>It was delivered anyway</source>
        <translation>包裹仍已签收</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/desk.py" line="293"/>
        <source>The carrier could not stop it</source>
        <translation>承运商未能拦截</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/desk.py" line="294"/>
        <location filename="../../ui/aftersales/desk.py" line="300"/>
        <location filename="../../ui/aftersales/desk.py" line="303"/>
        <source>Parcel intercept</source>
        <translation>包裹拦截</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/desk.py" line="294"/>
        <source>What happened?</source>
        <translation>结果如何？</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/desk.py" line="300"/>
        <source>Carrier:</source>
        <translation>承运商：</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/desk.py" line="304"/>
        <source>Carrier&apos;s request number:</source>
        <translation>承运商受理单号：</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/desk.py" line="311"/>
        <source>Attach a file to the case</source>
        <translation>为售后单添加附件</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/desk.py" line="312"/>
        <source>Images and documents (*.jpg *.jpeg *.png *.pdf *.heic);;All files (*)</source>
        <translation>图片和文档 (*.jpg *.jpeg *.png *.pdf *.heic);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>CustomerDesk</name>
    <message>
        <location filename="../../ui/customers.py" line="33"/>
        <source>Name, phone, email or order number</source>
        <translation>姓名、电话、邮箱或订单号</translation>
    </message>
    <message>
        <location filename="../../ui/customers.py" line="48"/>
        <source>Tags, separated by commas</source>
        <translation>标签，以逗号分隔</translation>
    </message>
    <message>
        <location filename="../../ui/customers.py" line="51"/>
        <source>Save notes and tags</source>
        <translation>保存备注和标签</translation>
    </message>
    <message>
        <location filename="../../ui/customers.py" line="56"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/customers.py" line="57"/>
        <source>Placed</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <location filename="../../ui/customers.py" line="58"/>
        <location filename="../../ui/customers.py" line="70"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/customers.py" line="59"/>
        <source>Payment</source>
        <translation>付款</translation>
    </message>
    <message>
        <location filename="../../ui/customers.py" line="60"/>
        <source>Items</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../ui/customers.py" line="61"/>
        <source>Total</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/customers.py" line="67"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/customers.py" line="68"/>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../ui/customers.py" line="69"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/customers.py" line="71"/>
        <source>Reference</source>
        <translation>参考号</translation>
    </message>
    <message>
        <location filename="../../ui/customers.py" line="72"/>
        <source>Gateway</source>
        <translation>支付网关</translation>
    </message>
    <message>
        <location filename="../../ui/customers.py" line="73"/>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../ui/customers.py" line="74"/>
        <source>Storefront push</source>
        <translation>店铺回传</translation>
    </message>
    <message>
        <location filename="../../ui/customers.py" line="75"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/customers.py" line="85"/>
        <source>Open a case for this order…</source>
        <translation>为此订单新建售后单…</translation>
    </message>
    <message>
        <location filename="../../ui/customers.py" line="101"/>
        <source>Tags:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <location filename="../../ui/customers.py" line="106"/>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/customers.py" line="109"/>
        <source>Payments and refunds of the selected order</source>
        <translation>所选订单的付款和退款</translation>
    </message>
    <message>
        <location filename="../../ui/customers.py" line="111"/>
        <source>Cases</source>
        <translation>售后单</translation>
    </message>
    <message>
        <location filename="../../ui/customers.py" line="173"/>
        <source>{0} orders · spent {1} · refunded {2} · return rate {3:.0%}</source>
        <translation>{0} 个订单 · 消费 {1} · 退款 {2} · 退货率 {3:.0%}</translation>
    </message>
    <message>
        <location filename="../../ui/customers.py" line="232"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="97"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="101"/>
        <source>Period</source>
        <translation>时间段</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="110"/>
        <source>Orders today</source>
        <translation>今日订单</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="110"/>
        <source>Revenue today</source>
        <translation>今日销售额</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="111"/>
        <source>Orders in period</source>
        <translation>期间订单</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="111"/>
        <source>Revenue in period</source>
        <translation>期间销售额</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="112"/>
        <source>Average order value</source>
        <translation>客单价</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="112"/>
        <source>Units sold</source>
        <translation>销售件数</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="113"/>
        <source>Refunds</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="113"/>
        <source>Late shipments</source>
        <translation>超时未发货</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="114"/>
        <source>Low-stock SKUs</source>
        <translation>低库存 SKU</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="114"/>
        <source>Open after-sales cases</source>
        <translation>未结售后单</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="118"/>
        <source>Awaiting payment</source>
        <translation>待付款</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="118"/>
        <source>On hold</source>
        <translation>挂起</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="119"/>
        <source>To fulfil</source>
        <translation>待履约</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="119"/>
        <source>Allocated</source>
        <translation>已分配库存</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="120"/>
        <source>Picking</source>
        <translation>拣货中</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="120"/>
        <source>Packed</source>
        <translation>已打包</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="121"/>
        <source>Exceptions</source>
        <translation>异常</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="133"/>
        <source>Orders waiting per queue</source>
        <translation>各队列待处理订单</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="175"/>
        <source>Updating…</source>
        <translation>正在更新…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="182"/>
        <source>Could not update: {0}</source>
        <translation>无法更新：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="190"/>
        <source>{0} units</source>
        <translation>{0} 件</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="193"/>
        <location filename="../../ui/reports/dashboard.py" line="197"/>
        <source>previous period: {0}</source>
        <translation>上期：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="194"/>
        <source>previous: {0}</source>
        <translation>上期：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="199"/>
        <source>not shipped {0} h after the order</source>
        <translation>下单 {0} 小时后仍未发货</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="200"/>
        <source>available at or below threshold</source>
        <translation>可用量达到或低于预警值</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="205"/>
        <source>Updated {0}</source>
        <translation>更新于 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="215"/>
        <source>Daily sales ({0}) against the previous period</source>
        <translation>每日销售额（{0}）与上期对比</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="219"/>
        <source>This period</source>
        <translation>本期</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="220"/>
        <source>Previous period</source>
        <translation>上期</translation>
    </message>
</context>
<context>
    <name>DeskDialogs</name>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="48"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="48"/>
        <source>Tags of {0}</source>
        <translation>{0} 的标签</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="49"/>
        <source>Tags separated by commas; prefix a tag with - to remove it:</source>
        <translation>标签以逗号分隔；在标签前加 - 可将其删除：</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="73"/>
        <source>Split order #{0}</source>
        <translation>拆分订单 #{0}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="74"/>
        <source>How many units of each line of #{0} move to a new order?</source>
        <translation>#{0} 的每一行各移多少件到新订单？</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="84"/>
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="89"/>
        <source>Reload</source>
        <translation>重新加载</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="109"/>
        <source>Current state of order #{0} (version {1}):</source>
        <translation>订单 #{0} 的当前状态（版本 {1}）：</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="111"/>
        <source>Status: {0}</source>
        <translation>状态：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="113"/>
        <source>Payment: {0}</source>
        <translation>付款：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="115"/>
        <source>Total: {0} {1}</source>
        <translation>合计：{0} {1}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="120"/>
        <source>Last change: {0} by {1}</source>
        <translation>最近的修改：{0}（{1}）</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="122"/>
        <source>Nothing of yours was saved. Check the order and do it again if still needed.</source>
        <translation>您的操作没有保存。请检查订单，如仍需要请重新操作。</translation>
    </message>
</context>
<context>
    <name>EditLinesDialog</name>
    <message>
        <location filename="../../ui/orders/edit_lines.py" line="44"/>
        <source>Edit lines of order #{0}</source>
        <translation>修改订单 #{0} 的商品行</translation>
    </message>
    <message>
        <location filename="../../ui/orders/edit_lines.py" line="54"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../ui/orders/edit_lines.py" line="54"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/orders/edit_lines.py" line="54"/>
        <source>Available</source>
        <translation>可用</translation>
    </message>
    <message>
        <location filename="../../ui/orders/edit_lines.py" line="54"/>
        <source>Ordered</source>
        <translation>订购数量</translation>
    </message>
    <message>
        <location filename="../../ui/orders/edit_lines.py" line="55"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/orders/edit_lines.py" line="55"/>
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../ui/orders/edit_lines.py" line="59"/>
        <source>Remove line</source>
        <translation>删除行</translation>
    </message>
    <message>
        <location filename="../../ui/orders/edit_lines.py" line="62"/>
        <source>Remove the selected lines (Delete)</source>
        <translation>删除所选行（Delete）</translation>
    </message>
    <message>
        <location filename="../../ui/orders/edit_lines.py" line="72"/>
        <source>Change quantities (0 removes a line), remove lines, or add one by SKU, name or a scanned barcode. The stock is allocated again when you save.</source>
        <translation>修改数量（0 表示删除该行）、删除行，或按 SKU、名称或扫描条码添加商品。保存时将重新分配库存。</translation>
    </message>
    <message>
        <location filename="../../ui/orders/edit_lines.py" line="118"/>
        <source>Out of stock: the order will wait for stock (backordered).</source>
        <translation>缺货：订单将等待到货（缺货等待）。</translation>
    </message>
    <message>
        <location filename="../../ui/orders/edit_lines.py" line="153"/>
        <source>{0} is priced in {1}, the order in {2}: it can&apos;t be added here.</source>
        <translation>{0} 以 {1} 定价，而订单币种为 {2}：不能在此添加。</translation>
    </message>
    <message>
        <location filename="../../ui/orders/edit_lines.py" line="169"/>
        <source>An order needs at least one line; cancel the order instead.</source>
        <translation>订单至少需要一行商品；如不需要请取消订单。</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../ui/errors.py" line="21"/>
        <source>Cannot do that</source>
        <translation>无法执行</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="25"/>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="26"/>
        <source>Something went wrong inside ordermgr ({0}). Nothing half-done was saved. The details are in {1}; please send that file to your administrator.</source>
        <translation>ordermgr 内部出错（{0}）。没有保存任何未完成的内容。详细信息在 {1}；请将该文件发送给管理员。</translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <location filename="../../ui/fulfilment/exceptions.py" line="31"/>
        <source>Tracking event</source>
        <translation>物流轨迹</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/exceptions.py" line="37"/>
        <source>Waybill</source>
        <translation>运单号</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/exceptions.py" line="38"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/exceptions.py" line="39"/>
        <source>Location</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/exceptions.py" line="40"/>
        <source>Description</source>
        <translation>描述</translation>
    </message>
</context>
<context>
    <name>FailedRefundsPanel</name>
    <message>
        <location filename="../../ui/aftersales/failed_refunds.py" line="105"/>
        <source>Refund {0} of {1} {2} failed: {3}</source>
        <translation>退款 {0}（{1} {2}）失败：{3}</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/failed_refunds.py" line="107"/>
        <source>the storefront gave no reason</source>
        <translation>店铺未说明原因</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/failed_refunds.py" line="115"/>
        <source>Only users who may refund customers can act on it.</source>
        <translation>只有有退款权限的用户才能处理。</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/failed_refunds.py" line="117"/>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/failed_refunds.py" line="118"/>
        <source>Paid another way…</source>
        <translation>已通过其他方式退还…</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/failed_refunds.py" line="119"/>
        <source>Cancel refund…</source>
        <translation>取消退款…</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/failed_refunds.py" line="140"/>
        <source>Cancel refund</source>
        <translation>取消退款</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/failed_refunds.py" line="141"/>
        <source>Why is refund {0} given up? Nothing was paid back.</source>
        <translation>为什么放弃退款 {0}？款项尚未退还。</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/failed_refunds.py" line="155"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../ui/orders/desk.py" line="105"/>
        <source>All stores</source>
        <translation>全部店铺</translation>
    </message>
    <message>
        <location filename="../../ui/orders/desk.py" line="108"/>
        <source>min</source>
        <translation>最小</translation>
    </message>
    <message>
        <location filename="../../ui/orders/desk.py" line="109"/>
        <source>max</source>
        <translation>最大</translation>
    </message>
    <message>
        <location filename="../../ui/orders/desk.py" line="111"/>
        <source>CN</source>
        <translation>CN</translation>
    </message>
    <message>
        <location filename="../../ui/orders/desk.py" line="114"/>
        <source>tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../ui/orders/desk.py" line="116"/>
        <source>Any payment</source>
        <translation>任意付款状态</translation>
    </message>
    <message>
        <location filename="../../ui/orders/desk.py" line="120"/>
        <source>Any fulfilment</source>
        <translation>任意履约状态</translation>
    </message>
    <message>
        <location filename="../../ui/orders/desk.py" line="127"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../ui/orders/desk.py" line="129"/>
        <source>Store</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location filename="../../ui/orders/desk.py" line="129"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../ui/orders/desk.py" line="130"/>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <location filename="../../ui/orders/desk.py" line="130"/>
        <source>Total</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/orders/desk.py" line="131"/>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <location filename="../../ui/orders/desk.py" line="132"/>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../ui/orders/desk.py" line="150"/>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../ui/orders/desk.py" line="188"/>
        <source>Not an amount; this filter is ignored.</source>
        <translation>不是有效金额；此筛选条件被忽略。</translation>
    </message>
</context>
<context>
    <name>FulfilmentPage</name>
    <message>
        <location filename="../../ui/fulfilment/__init__.py" line="24"/>
        <source>Pick batches</source>
        <translation>拣货批次</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/__init__.py" line="25"/>
        <source>Packing station</source>
        <translation>打包台</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/__init__.py" line="26"/>
        <source>Waybills</source>
        <translation>运单</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/__init__.py" line="27"/>
        <source>Bulk waybill import</source>
        <translation>批量导入运单号</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/__init__.py" line="28"/>
        <source>Tracking and exceptions</source>
        <translation>物流跟踪与异常</translation>
    </message>
</context>
<context>
    <name>GeneralSettings</name>
    <message>
        <location filename="../../ui/settings.py" line="63"/>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="72"/>
        <source>Only an admin may change this.</source>
        <translation>只有管理员可以修改此项。</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="73"/>
        <source>Role of new users:</source>
        <translation>新用户的角色：</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="74"/>
        <source>Users are created the first time they sign in; the very first user of a database is an admin.</source>
        <translation>用户在首次登录时创建；数据库的第一个用户是管理员。</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="107"/>
        <source>The new language is used for windows opened from now on; restart ordermgr to see it everywhere.</source>
        <translation>新语言将用于此后打开的窗口；重新启动 ordermgr 后全部生效。</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../ui/inventory/import_dialog.py" line="20"/>
        <source>Import products and stock</source>
        <translation>导入商品和库存</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/import_dialog.py" line="27"/>
        <source>An Excel (.xlsx) or CSV file</source>
        <translation>Excel (.xlsx) 或 CSV 文件</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/import_dialog.py" line="28"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/import_dialog.py" line="35"/>
        <location filename="../../ui/inventory/import_dialog.py" line="39"/>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/import_dialog.py" line="35"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/import_dialog.py" line="35"/>
        <source>What is wrong</source>
        <translation>错误说明</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/import_dialog.py" line="39"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/import_dialog.py" line="39"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/import_dialog.py" line="39"/>
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/import_dialog.py" line="40"/>
        <source>On hand</source>
        <translation>在库</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/import_dialog.py" line="40"/>
        <source>Change</source>
        <translation>变动</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/import_dialog.py" line="40"/>
        <source>Threshold</source>
        <translation>预警值</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/import_dialog.py" line="48"/>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/import_dialog.py" line="49"/>
        <source>Rows</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/import_dialog.py" line="51"/>
        <source>Import all</source>
        <translation>全部导入</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/import_dialog.py" line="65"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/import_dialog.py" line="66"/>
        <source>Spreadsheets (*.xlsx *.csv)</source>
        <translation>表格文件 (*.xlsx *.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/import_dialog.py" line="74"/>
        <source>Checking {0}…</source>
        <translation>正在检查 {0}…</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/import_dialog.py" line="92"/>
        <source>{0} rows can&apos;t be imported. Fix them in the file and load it again; nothing will be written until every row is right.</source>
        <translation>{0} 行无法导入。请在文件中修正后重新加载；所有行都正确之前不会写入任何数据。</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/import_dialog.py" line="97"/>
        <source>Ready: {0}</source>
        <translation>可以导入：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/import_dialog.py" line="108"/>
        <source>Imported {0} rows: {1} new SKUs, {2} stock movements.</source>
        <translation>已导入 {0} 行：新增 {1} 个 SKU，{2} 条库存变动。</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/import_dialog.py" line="116"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
</context>
<context>
    <name>InventoryPage</name>
    <message>
        <location filename="../../ui/inventory/page.py" line="277"/>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/page.py" line="278"/>
        <source>Adjustments</source>
        <translation>库存调整</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/page.py" line="279"/>
        <source>Stocktake</source>
        <translation>盘点</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/page.py" line="280"/>
        <source>Transfers</source>
        <translation>调拨</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/page.py" line="281"/>
        <source>Low stock &amp;&amp; reorder</source>
        <translation>低库存与补货</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/page.py" line="332"/>
        <source>Low stock: {0} in {1} is down to {2} (threshold {3})</source>
        <translation>低库存：{0}（{1}）已降至 {2}（预警值 {3}）</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/page.py" line="335"/>
        <source> and {0} more</source>
        <translation>，另有 {0} 项</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/page.py" line="338"/>
        <source>Low stock &amp;&amp; reorder ({0})</source>
        <translation>低库存与补货（{0}）</translation>
    </message>
</context>
<context>
    <name>LineQuantitiesDialog</name>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="199"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="199"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="199"/>
        <source>Ordered</source>
        <translation>订购数量</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="200"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="36"/>
        <source>ordermgr</source>
        <translation>ordermgr</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="114"/>
        <location filename="../../ui/main_window.py" line="116"/>
        <source>This area is not part of this version yet.</source>
        <translation>此版本尚未包含该功能区。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="123"/>
        <source>This area could not be opened ({0}). The other areas still work; please tell your administrator.</source>
        <translation>无法打开此功能区（{0}）。其他功能区仍可使用；请告知管理员。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="155"/>
        <source>{0} unpaid order(s) cancelled</source>
        <translation>已取消 {0} 个未付款订单</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="156"/>
        <source>{0} delivered order(s) completed</source>
        <translation>已完成 {0} 个已签收订单</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="157"/>
        <source>{0} delayed parcel(s) flagged</source>
        <translation>已标记 {0} 个延误包裹</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="160"/>
        <source>{0} failed: {1}</source>
        <translation>{0} 失败：{1}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="162"/>
        <source>Housekeeping: {0}</source>
        <translation>后台维护：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="169"/>
        <source>Housekeeping failed: {0}</source>
        <translation>后台维护失败：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="173"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="174"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="177"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="183"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="184"/>
        <source>&amp;About ordermgr</source>
        <translation>关于 ordermgr(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="186"/>
        <source>About ordermgr</source>
        <translation>关于 ordermgr</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="187"/>
        <source>ordermgr {0}: order management for online shops.</source>
        <translation>ordermgr {0}：网店订单管理。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="194"/>
        <source>Database: {0}</source>
        <translation>数据库：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="196"/>
        <source>User: {0} ({1})</source>
        <translation>用户：{0}（{1}）</translation>
    </message>
</context>
<context>
    <name>NewOrderDialog</name>
    <message>
        <location filename="../../ui/orders/new_order.py" line="35"/>
        <source>New order</source>
        <translation>新建订单</translation>
    </message>
    <message>
        <location filename="../../ui/orders/new_order.py" line="42"/>
        <source>Find a customer by name, phone or email</source>
        <translation>按姓名、电话或邮箱查找客户</translation>
    </message>
    <message>
        <location filename="../../ui/orders/new_order.py" line="45"/>
        <source>New customer</source>
        <translation>新客户</translation>
    </message>
    <message>
        <location filename="../../ui/orders/new_order.py" line="47"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/orders/new_order.py" line="51"/>
        <source>Chosen:</source>
        <translation>已选择：</translation>
    </message>
    <message>
        <location filename="../../ui/orders/new_order.py" line="52"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/orders/new_order.py" line="53"/>
        <location filename="../../ui/orders/new_order.py" line="59"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/orders/new_order.py" line="54"/>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../ui/orders/new_order.py" line="59"/>
        <source>Recipient</source>
        <translation>收件人</translation>
    </message>
    <message>
        <location filename="../../ui/orders/new_order.py" line="60"/>
        <source>Street</source>
        <translation>街道地址</translation>
    </message>
    <message>
        <location filename="../../ui/orders/new_order.py" line="60"/>
        <source>Street (2)</source>
        <translation>街道地址（2）</translation>
    </message>
    <message>
        <location filename="../../ui/orders/new_order.py" line="61"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../ui/orders/new_order.py" line="61"/>
        <source>Region</source>
        <translation>省/地区</translation>
    </message>
    <message>
        <location filename="../../ui/orders/new_order.py" line="62"/>
        <source>Postcode</source>
        <translation>邮编</translation>
    </message>
    <message>
        <location filename="../../ui/orders/new_order.py" line="62"/>
        <source>Country</source>
        <translation>国家/地区</translation>
    </message>
    <message>
        <location filename="../../ui/orders/new_order.py" line="63"/>
        <source>Ship to</source>
        <translation>收货地址</translation>
    </message>
    <message>
        <location filename="../../ui/orders/new_order.py" line="72"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../ui/orders/new_order.py" line="72"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/orders/new_order.py" line="73"/>
        <source>Available</source>
        <translation>可用</translation>
    </message>
    <message>
        <location filename="../../ui/orders/new_order.py" line="73"/>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/orders/new_order.py" line="74"/>
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../ui/orders/new_order.py" line="74"/>
        <source>Line total</source>
        <translation>小计</translation>
    </message>
    <message>
        <location filename="../../ui/orders/new_order.py" line="78"/>
        <source>Remove line</source>
        <translation>删除行</translation>
    </message>
    <message>
        <location filename="../../ui/orders/new_order.py" line="88"/>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <location filename="../../ui/orders/new_order.py" line="89"/>
        <source>Shipping</source>
        <translation>运费</translation>
    </message>
    <message>
        <location filename="../../ui/orders/new_order.py" line="90"/>
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <location filename="../../ui/orders/new_order.py" line="96"/>
        <source>Order note (optional)</source>
        <translation>订单备注（可选）</translation>
    </message>
    <message>
        <location filename="../../ui/orders/new_order.py" line="224"/>
        <source>Subtotal {0} · Total {1}</source>
        <translation>小计 {0} · 合计 {1}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/new_order.py" line="256"/>
        <source>Saving the order…</source>
        <translation>正在保存订单…</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sku_picker.py" line="29"/>
        <source>Add a line: SKU, name or scan a barcode, then Enter</source>
        <translation>添加商品：输入 SKU、名称或扫描条码，然后按回车</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sku_picker.py" line="67"/>
        <source>No product matches {0}.</source>
        <translation>没有与 {0} 匹配的商品。</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sku_picker.py" line="72"/>
        <source>{0} · {1} · {2} available</source>
        <translation>{0} · {1} · 可用 {2}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sku_picker.py" line="93"/>
        <source>Out of stock: the order will be backordered.</source>
        <translation>缺货：订单将进入缺货等待。</translation>
    </message>
</context>
<context>
    <name>Ops</name>
    <message>
        <location filename="../../ui/ops.py" line="99"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>OrderActions</name>
    <message>
        <location filename="../../ui/orders/actions.py" line="41"/>
        <source>&amp;Confirm</source>
        <translation>确认(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/orders/actions.py" line="43"/>
        <source>Put on &amp;hold…</source>
        <translation>挂起(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../ui/orders/actions.py" line="45"/>
        <source>&amp;Release</source>
        <translation>解除挂起(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/orders/actions.py" line="47"/>
        <source>Cance&amp;l order…</source>
        <translation>取消订单(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../ui/orders/actions.py" line="49"/>
        <source>Add &amp;note…</source>
        <translation>添加备注(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../ui/orders/actions.py" line="51"/>
        <source>&amp;Tags…</source>
        <translation>标签(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../ui/orders/actions.py" line="53"/>
        <source>Edit &amp;address…</source>
        <translation>修改地址(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/orders/actions.py" line="55"/>
        <source>Edit l&amp;ines…</source>
        <translation>修改商品(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../ui/orders/actions.py" line="57"/>
        <source>&amp;Split…</source>
        <translation>拆分(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/orders/actions.py" line="59"/>
        <source>&amp;Merge</source>
        <translation>合并(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/orders/actions.py" line="61"/>
        <source>Start &amp;pick batch</source>
        <translation>生成拣货批次(&amp;P)</translation>
    </message>
</context>
<context>
    <name>OrderDesk</name>
    <message>
        <location filename="../../ui/orders/desk.py" line="259"/>
        <source>Search number, name, email, phone, tracking number or SKU; scan a barcode (Ctrl+F)</source>
        <translation>搜索订单号、姓名、邮箱、电话、运单号或 SKU；可扫描条码（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../ui/orders/desk.py" line="264"/>
        <source>Filters</source>
        <translation>筛选</translation>
    </message>
    <message>
        <location filename="../../ui/orders/desk.py" line="296"/>
        <source>&amp;New order…</source>
        <translation>新建订单(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../ui/orders/desk.py" line="306"/>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/orders/desk.py" line="308"/>
        <source>&amp;Open detail</source>
        <translation>打开详情(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/orders/desk.py" line="402"/>
        <source>&amp;Orders</source>
        <translation>订单(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/orders/desk.py" line="552"/>
        <source>Nothing matches {0}: no order number, waybill, SKU or product barcode.</source>
        <translation>没有与 {0} 匹配的内容：不是订单号、运单号、SKU 或商品条码。</translation>
    </message>
    <message>
        <location filename="../../ui/orders/desk.py" line="595"/>
        <source>{0} orders loaded</source>
        <translation>已加载 {0} 个订单</translation>
    </message>
    <message>
        <location filename="../../ui/orders/desk.py" line="598"/>
        <source>{0} of {1} orders</source>
        <translation>{0} / {1} 个订单</translation>
    </message>
    <message>
        <location filename="../../ui/orders/desk.py" line="777"/>
        <source>Confirm order #{0}</source>
        <translation>确认订单 #{0}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/desk.py" line="778"/>
        <source>The payment of order #{0} is {1}. Confirming reserves its stock and sends it out unpaid: why?</source>
        <translation>订单 #{0} 的付款状态为{1}。确认将预留库存并在未付款的情况下发货：原因是什么？</translation>
    </message>
    <message>
        <location filename="../../ui/orders/desk.py" line="784"/>
        <source>#{0} confirmed</source>
        <translation>#{0} 已确认</translation>
    </message>
    <message>
        <location filename="../../ui/orders/desk.py" line="788"/>
        <source>Put order #{0} on hold</source>
        <translation>暂停订单 #{0}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/desk.py" line="789"/>
        <source>Why is order #{0} put on hold?</source>
        <translation>订单 #{0} 挂起的原因是什么？</translation>
    </message>
    <message>
        <location filename="../../ui/orders/desk.py" line="793"/>
        <source>#{0} put on hold: {1}</source>
        <translation>#{0} 已暂停：{1}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/desk.py" line="799"/>
        <source>#{0} released from hold</source>
        <translation>#{0} 已解除暂停</translation>
    </message>
    <message>
        <location filename="../../ui/orders/desk.py" line="804"/>
        <source>Why is order #{0} cancelled? Its reserved stock is released.</source>
        <translation>订单 #{0} 取消的原因是什么？其预留库存将被释放。</translation>
    </message>
    <message>
        <location filename="../../ui/orders/desk.py" line="809"/>
        <source>#{0} cancelled</source>
        <translation>#{0} 已取消</translation>
    </message>
    <message>
        <location filename="../../ui/orders/desk.py" line="813"/>
        <source>Internal note on order #{0}:</source>
        <translation>订单 #{0} 的内部备注：</translation>
    </message>
    <message>
        <location filename="../../ui/orders/desk.py" line="817"/>
        <source>Note added to #{0}</source>
        <translation>已为 #{0} 添加备注</translation>
    </message>
    <message>
        <location filename="../../ui/orders/desk.py" line="825"/>
        <source>Tags of #{0} saved</source>
        <translation>#{0} 的标签已保存</translation>
    </message>
    <message>
        <location filename="../../ui/orders/desk.py" line="832"/>
        <source>Shipping address of #{0} changed</source>
        <translation>#{0} 的收货地址已修改</translation>
    </message>
    <message>
        <location filename="../../ui/orders/desk.py" line="840"/>
        <source>Lines of #{0} saved</source>
        <translation>#{0} 的订单行已保存</translation>
    </message>
    <message>
        <location filename="../../ui/orders/desk.py" line="851"/>
        <source>#{0} split: the moved lines are now order #{1}</source>
        <translation>#{0} 已拆分：移出的行现在是订单 #{1}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/desk.py" line="854"/>
        <source>Open #{0}?</source>
        <translation>打开 #{0}？</translation>
    </message>
    <message>
        <location filename="../../ui/orders/desk.py" line="875"/>
        <source>Merge {0} into the oldest of them? The others are cancelled.</source>
        <translation>将 {0} 合并到其中最早的订单？其他订单将被取消。</translation>
    </message>
    <message>
        <location filename="../../ui/orders/desk.py" line="885"/>
        <source>{0} merged into #{1}</source>
        <translation>{0} 已合并到 #{1}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/desk.py" line="900"/>
        <source>Pick batch {0} started.</source>
        <translation>拣货批次 {0} 已生成。</translation>
    </message>
    <message>
        <location filename="../../ui/orders/desk.py" line="907"/>
        <source>Pick list saved to {0}</source>
        <translation>拣货单已保存到 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/desk.py" line="958"/>
        <source>{0}: {1} of the {2} selected orders</source>
        <translation>{0}：所选 {2} 个订单中的 {1} 个</translation>
    </message>
    <message>
        <location filename="../../ui/orders/desk.py" line="960"/>
        <source> The other {0} can&apos;t be, and are left as they are.</source>
        <translation> 其余 {0} 个不适用，保持不变。</translation>
    </message>
    <message>
        <location filename="../../ui/orders/desk.py" line="964"/>
        <source>{0} {1} of the {2} selected orders: the reason?</source>
        <translation>{0}所选 {2} 个订单中的 {1} 个：原因是什么？</translation>
    </message>
    <message>
        <location filename="../../ui/orders/desk.py" line="973"/>
        <source>Confirm {0} of the {1} selected orders; the payment of {2} of them is pending or failed. Why confirm them unpaid?</source>
        <translation>确认所选 {1} 个订单中的 {0} 个；其中 {2} 个的付款待付或失败。为什么在未付款时确认？</translation>
    </message>
    <message>
        <location filename="../../ui/orders/desk.py" line="1032"/>
        <source>#{0} created</source>
        <translation>#{0} 已创建</translation>
    </message>
    <message>
        <location filename="../../ui/orders/desk.py" line="1008"/>
        <source>Not done: the run was cancelled.</source>
        <translation>未执行：操作已取消。</translation>
    </message>
    <message>
        <location filename="../../ui/orders/desk.py" line="1012"/>
        <source>{0}: {1} of {2} orders done</source>
        <translation>{0}：{2} 个订单中已完成 {1} 个</translation>
    </message>
    <message>
        <location filename="../../ui/orders/desk.py" line="1014"/>
        <source>{0}: {1} orders</source>
        <translation>{0}：{1} 个订单</translation>
    </message>
    <message>
        <location filename="../../ui/orders/desk.py" line="1018"/>
        <source>{0} {1} orders…</source>
        <translation>{0} {1} 个订单…</translation>
    </message>
</context>
<context>
    <name>OrderDetailPanel</name>
    <message>
        <location filename="../../ui/orders/detail.py" line="61"/>
        <source>Close the detail (Esc)</source>
        <translation>关闭详情（Esc）</translation>
    </message>
    <message>
        <location filename="../../ui/orders/detail.py" line="75"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../ui/orders/detail.py" line="75"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/orders/detail.py" line="75"/>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/orders/detail.py" line="76"/>
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../ui/orders/detail.py" line="76"/>
        <source>Total</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/orders/detail.py" line="76"/>
        <source>Reserved</source>
        <translation>已预留</translation>
    </message>
    <message>
        <location filename="../../ui/orders/detail.py" line="77"/>
        <location filename="../../ui/orders/detail.py" line="93"/>
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <location filename="../../ui/orders/detail.py" line="77"/>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <location filename="../../ui/orders/detail.py" line="78"/>
        <source>Lines</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/orders/detail.py" line="85"/>
        <source>Customer:</source>
        <translation>客户：</translation>
    </message>
    <message>
        <location filename="../../ui/orders/detail.py" line="86"/>
        <source>Contact:</source>
        <translation>联系方式：</translation>
    </message>
    <message>
        <location filename="../../ui/orders/detail.py" line="87"/>
        <source>Ship to:</source>
        <translation>收货地址：</translation>
    </message>
    <message>
        <location filename="../../ui/orders/detail.py" line="88"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/orders/detail.py" line="89"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/orders/detail.py" line="89"/>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../ui/orders/detail.py" line="89"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/orders/detail.py" line="90"/>
        <location filename="../../ui/orders/detail.py" line="93"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/orders/detail.py" line="90"/>
        <source>Reference</source>
        <translation>参考号</translation>
    </message>
    <message>
        <location filename="../../ui/orders/detail.py" line="90"/>
        <location filename="../../ui/orders/detail.py" line="96"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/orders/detail.py" line="91"/>
        <source>Payments</source>
        <translation>付款</translation>
    </message>
    <message>
        <location filename="../../ui/orders/detail.py" line="92"/>
        <source>Carrier</source>
        <translation>承运商</translation>
    </message>
    <message>
        <location filename="../../ui/orders/detail.py" line="92"/>
        <source>Tracking number</source>
        <translation>运单号</translation>
    </message>
    <message>
        <location filename="../../ui/orders/detail.py" line="93"/>
        <source>Delivered</source>
        <translation>已签收</translation>
    </message>
    <message>
        <location filename="../../ui/orders/detail.py" line="94"/>
        <source>Last event</source>
        <translation>最新动态</translation>
    </message>
    <message>
        <location filename="../../ui/orders/detail.py" line="95"/>
        <source>Shipments</source>
        <translation>发货</translation>
    </message>
    <message>
        <location filename="../../ui/orders/detail.py" line="96"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../ui/orders/detail.py" line="96"/>
        <source>What</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/orders/detail.py" line="97"/>
        <source>Message</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../ui/orders/detail.py" line="98"/>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <location filename="../../ui/orders/detail.py" line="101"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/orders/detail.py" line="151"/>
        <source>Order #{0}</source>
        <translation>订单 #{0}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/detail.py" line="152"/>
        <source>Status: {0}</source>
        <translation>状态：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/detail.py" line="153"/>
        <source>Payment: {0}</source>
        <translation>付款：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/detail.py" line="154"/>
        <source>Fulfilment: {0}</source>
        <translation>履约：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/detail.py" line="155"/>
        <source>Total: {0}</source>
        <translation>合计：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/detail.py" line="156"/>
        <source>Store: {0}</source>
        <translation>店铺：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/detail.py" line="157"/>
        <source>Placed: {0}</source>
        <translation>下单：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/detail.py" line="160"/>
        <source>Paid: {0}</source>
        <translation>已付：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/detail.py" line="162"/>
        <source>Refunded: {0}</source>
        <translation>已退款：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/detail.py" line="164"/>
        <source>Refund pending: {0}</source>
        <translation>退款处理中：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/detail.py" line="166"/>
        <source>Refund failed: {0}</source>
        <translation>退款失败：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/detail.py" line="168"/>
        <source>On hold: {0}</source>
        <translation>挂起原因：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/detail.py" line="170"/>
        <source>Tags: {0}</source>
        <translation>标签：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/detail.py" line="197"/>
        <source>Order note: {0}</source>
        <translation>订单备注：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/detail.py" line="198"/>
        <source>No internal notes yet.</source>
        <translation>暂无内部备注。</translation>
    </message>
    <message>
        <location filename="../../ui/orders/detail.py" line="209"/>
        <source>Subtotal {0} + shipping {1} − discount {2} = total {3} (incl. tax {4})</source>
        <translation>小计 {0} + 运费 {1} − 折扣 {2} = 合计 {3}（含税 {4}）</translation>
    </message>
    <message>
        <location filename="../../ui/orders/detail.py" line="213"/>
        <source>Subtotal {0} + shipping {1} + tax {2} − discount {3} = total {4}</source>
        <translation>小计 {0} + 运费 {1} + 税 {2} − 折扣 {3} = 合计 {4}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/detail.py" line="216"/>
        <source>Paid {0} · refunded {1} · balance {2}</source>
        <translation>已付 {0} · 已退款 {1} · 待付 {2}</translation>
    </message>
</context>
<context>
    <name>OrderTableModel</name>
    <message>
        <location filename="../../ui/orders/model.py" line="81"/>
        <source>{0} min</source>
        <translation>{0} 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="83"/>
        <source>{0} h</source>
        <translation>{0} 小时</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="85"/>
        <source>{0} d</source>
        <translation>{0} 天</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="107"/>
        <source>Number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="109"/>
        <source>Store</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="110"/>
        <source>Placed at</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="112"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="114"/>
        <source>Items</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="116"/>
        <source>Total</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="118"/>
        <source>Payment</source>
        <translation>付款</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="120"/>
        <source>Fulfilment</source>
        <translation>履约</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="122"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="124"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="125"/>
        <source>Age</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="177"/>
        <source>This column can&apos;t be sorted.</source>
        <translation>此列不能排序。</translation>
    </message>
</context>
<context>
    <name>PackingStation</name>
    <message>
        <location filename="../../ui/fulfilment/packing.py" line="63"/>
        <source>Scan the order barcode or batch slot</source>
        <translation>扫描订单条码或批次格口</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/packing.py" line="65"/>
        <source>Scan each item</source>
        <translation>逐件扫描商品</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/packing.py" line="68"/>
        <source>For bulk items: type the quantity, then scan once</source>
        <translation>批量商品：先输入数量，再扫描一次</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/packing.py" line="69"/>
        <location filename="../../ui/fulfilment/packing.py" line="112"/>
        <source>Scan an order to start.</source>
        <translation>扫描订单开始打包。</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/packing.py" line="73"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/packing.py" line="73"/>
        <location filename="../../ui/fulfilment/packing.py" line="84"/>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/packing.py" line="73"/>
        <source>Scanned</source>
        <translation>已扫描</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/packing.py" line="74"/>
        <source>Missing</source>
        <translation>缺少</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/packing.py" line="77"/>
        <source>Supervisor override…</source>
        <translation>主管授权放行…</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/packing.py" line="79"/>
        <source>Start over</source>
        <translation>重新开始</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/packing.py" line="82"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/packing.py" line="86"/>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/packing.py" line="146"/>
        <source>Order #{0}: scan the items.</source>
        <translation>订单 #{0}：请扫描商品。</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/packing.py" line="177"/>
        <source>Marking packed…</source>
        <translation>正在标记为已打包…</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/packing.py" line="185"/>
        <source>Order #{0} is packed. Scan the next order.</source>
        <translation>订单 #{0} 已打包。请扫描下一个订单。</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/packing.py" line="186"/>
        <source>#{0} packed</source>
        <translation>#{0} 已打包</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/packing.py" line="201"/>
        <source>nothing</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>PaidElsewhereDialog</name>
    <message>
        <location filename="../../ui/aftersales/failed_refunds.py" line="20"/>
        <source>Bank transfer</source>
        <translation>银行转账</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/failed_refunds.py" line="21"/>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/failed_refunds.py" line="22"/>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/failed_refunds.py" line="23"/>
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/failed_refunds.py" line="24"/>
        <source>Card terminal</source>
        <translation>刷卡</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/failed_refunds.py" line="25"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/failed_refunds.py" line="34"/>
        <source>Paid back another way</source>
        <translation>已通过其他方式退还</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/failed_refunds.py" line="36"/>
        <source>Refund {0} of {1} {2} was refused by the storefront. How did the money go back?</source>
        <translation>店铺拒绝了退款 {0}（{1} {2}）。款项是通过什么方式退还的？</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/failed_refunds.py" line="46"/>
        <source>Bank transfer or cash slip reference</source>
        <translation>银行转账或现金收据的参考号</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/failed_refunds.py" line="49"/>
        <source>Method:</source>
        <translation>方式：</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/failed_refunds.py" line="50"/>
        <source>Reference:</source>
        <translation>参考号：</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/failed_refunds.py" line="51"/>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/failed_refunds.py" line="53"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/failed_refunds.py" line="58"/>
        <source>Enter the reference of the bank transfer or cash slip.</source>
        <translation>请输入银行转账或现金收据的参考号。</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/failed_refunds.py" line="69"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>PickBatches</name>
    <message>
        <location filename="../../ui/fulfilment/batches.py" line="24"/>
        <source>or order numbers, comma separated</source>
        <translation>或输入订单号，以逗号分隔</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/batches.py" line="25"/>
        <source>Start batch from allocated queue</source>
        <translation>从已分配库存队列生成批次</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/batches.py" line="26"/>
        <source>Start batch from these orders</source>
        <translation>用这些订单生成批次</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/batches.py" line="27"/>
        <source>Pick list PDF…</source>
        <translation>拣货单 PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/batches.py" line="28"/>
        <source>Slips and labels PDF…</source>
        <translation>发货单和面单 PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/batches.py" line="30"/>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/batches.py" line="30"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/batches.py" line="31"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/batches.py" line="32"/>
        <location filename="../../ui/fulfilment/batches.py" line="51"/>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/batches.py" line="77"/>
        <location filename="../../ui/fulfilment/batches.py" line="83"/>
        <location filename="../../ui/fulfilment/batches.py" line="98"/>
        <source>Starting the batch…</source>
        <translation>正在生成批次…</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/batches.py" line="101"/>
        <source>Batch started; its orders are now being picked.</source>
        <translation>批次已生成；其中的订单已进入拣货。</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/batches.py" line="121"/>
        <source>Start a batch first.</source>
        <translation>请先生成批次。</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/batches.py" line="130"/>
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
</context>
<context>
    <name>PickListView</name>
    <message>
        <location filename="../../ui/fulfilment/picklist.py" line="27"/>
        <source>Save PDF</source>
        <translation>保存 PDF</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/picklist.py" line="29"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/picklist.py" line="49"/>
        <source>Writing the PDF…</source>
        <translation>正在生成 PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/picklist.py" line="81"/>
        <source>Warehouse / bin / order slot</source>
        <translation>仓库 / 库位 / 订单格口</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/picklist.py" line="81"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/picklist.py" line="81"/>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/picklist.py" line="82"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/picklist.py" line="119"/>
        <source>Warehouse {0}</source>
        <translation>仓库 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/picklist.py" line="120"/>
        <source>{0} SKUs</source>
        <translation>{0} 个 SKU</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/picklist.py" line="122"/>
        <source>(no bin)</source>
        <translation>（无库位）</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/picklist.py" line="125"/>
        <source>[{0}] #{1}</source>
        <translation>[{0}] #{1}</translation>
    </message>
</context>
<context>
    <name>Queues</name>
    <message>
        <location filename="../../ui/orders/desk.py" line="49"/>
        <source>Awaiting payment</source>
        <translation>待付款</translation>
    </message>
    <message>
        <location filename="../../ui/orders/desk.py" line="50"/>
        <source>To review / on hold</source>
        <translation>待审核 / 挂起</translation>
    </message>
    <message>
        <location filename="../../ui/orders/desk.py" line="51"/>
        <source>Awaiting fulfilment</source>
        <translation>待履约</translation>
    </message>
    <message>
        <location filename="../../ui/orders/desk.py" line="52"/>
        <source>Allocated</source>
        <translation>已分配库存</translation>
    </message>
    <message>
        <location filename="../../ui/orders/desk.py" line="53"/>
        <source>Picking</source>
        <translation>拣货中</translation>
    </message>
    <message>
        <location filename="../../ui/orders/desk.py" line="54"/>
        <source>Packed</source>
        <translation>已打包</translation>
    </message>
    <message>
        <location filename="../../ui/orders/desk.py" line="55"/>
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <location filename="../../ui/orders/desk.py" line="56"/>
        <source>Delivered</source>
        <translation>已签收</translation>
    </message>
    <message>
        <location filename="../../ui/orders/desk.py" line="57"/>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/orders/desk.py" line="58"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../ui/orders/desk.py" line="59"/>
        <source>Exceptions</source>
        <translation>异常</translation>
    </message>
    <message>
        <location filename="../../ui/orders/desk.py" line="60"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
</context>
<context>
    <name>RatesDialog</name>
    <message>
        <location filename="../../ui/reports/rates.py" line="26"/>
        <source>Exchange rates</source>
        <translation>汇率</translation>
    </message>
    <message>
        <location filename="../../ui/reports/rates.py" line="28"/>
        <source>Rate</source>
        <translation>汇率</translation>
    </message>
    <message>
        <location filename="../../ui/reports/rates.py" line="28"/>
        <source>Valid from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <location filename="../../ui/reports/rates.py" line="29"/>
        <source>Entered</source>
        <translation>录入时间</translation>
    </message>
    <message>
        <location filename="../../ui/reports/rates.py" line="41"/>
        <source>Save rate</source>
        <translation>保存汇率</translation>
    </message>
    <message>
        <location filename="../../ui/reports/rates.py" line="45"/>
        <source>from</source>
        <translation>生效日期</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="17"/>
        <source>Address to check</source>
        <translation>地址待核实</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="18"/>
        <source>Suspected fraud</source>
        <translation>疑似欺诈</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="19"/>
        <source>Payment to check</source>
        <translation>付款待核实</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="20"/>
        <source>Customer asked to wait</source>
        <translation>客户要求暂缓</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="21"/>
        <source>Stock to check</source>
        <translation>库存待核实</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="24"/>
        <source>Cash on delivery</source>
        <translation>货到付款</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="25"/>
        <source>B2B payment terms</source>
        <translation>B2B 账期付款</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="176"/>
        <source>Choose a reason or type your own</source>
        <translation>选择原因或自行输入</translation>
    </message>
</context>
<context>
    <name>ReconciliationPage</name>
    <message>
        <location filename="../../ui/aftersales/reconcile.py" line="23"/>
        <source>paid less than the order total</source>
        <translation>付款少于订单金额</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/reconcile.py" line="24"/>
        <source>paid more than the order total</source>
        <translation>付款多于订单金额</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/reconcile.py" line="25"/>
        <source>refunded more than was paid</source>
        <translation>退款超过已付金额</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/reconcile.py" line="26"/>
        <source>cancelled but money was kept</source>
        <translation>已取消但款项未退</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/reconcile.py" line="27"/>
        <source>goods shipped but nothing paid</source>
        <translation>已发货但未付款</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/reconcile.py" line="28"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/reconcile.py" line="28"/>
        <source>Store</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/reconcile.py" line="29"/>
        <source>Placed</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/reconcile.py" line="30"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/reconcile.py" line="31"/>
        <source>Total</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/reconcile.py" line="32"/>
        <source>Paid</source>
        <translation>已付</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/reconcile.py" line="33"/>
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/reconcile.py" line="34"/>
        <source>Shipped value</source>
        <translation>已发货金额</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/reconcile.py" line="35"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/reconcile.py" line="39"/>
        <source>All stores</source>
        <translation>全部店铺</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/reconcile.py" line="42"/>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/reconcile.py" line="46"/>
        <source>Store:</source>
        <translation>店铺：</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/reconcile.py" line="46"/>
        <source>From:</source>
        <translation>从：</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/reconcile.py" line="47"/>
        <source>To:</source>
        <translation>到：</translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <location filename="../../ui/aftersales/refund.py" line="34"/>
        <location filename="../../ui/aftersales/refund.py" line="55"/>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/refund.py" line="36"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/refund.py" line="43"/>
        <source>Bank, cash or gateway reference (refunds made by hand)</source>
        <translation>银行、现金或网关参考号（手工退款）</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/refund.py" line="45"/>
        <source>Refund now:</source>
        <translation>本次退款：</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/refund.py" line="46"/>
        <source>Reference:</source>
        <translation>参考号：</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/refund.py" line="49"/>
        <source>Original payment</source>
        <translation>原付款</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/refund.py" line="49"/>
        <source>Still refundable</source>
        <translation>剩余可退</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/refund.py" line="50"/>
        <source>This refund</source>
        <translation>本次退款</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/refund.py" line="74"/>
        <source>{0} on order #{1}: approved {2}, already refunded or pending {3}.</source>
        <translation>{0}（订单 #{1}）：批准 {2}，已退款或处理中 {3}。</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/refund.py" line="89"/>
        <source>(by hand)</source>
        <translation>（手工）</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/refund.py" line="120"/>
        <source>Refund {0} failed; retry it, record it as paid back another way, or cancel it first.</source>
        <translation>退款 {0} 失败；请先重试、记录为已通过其他方式退还，或取消该退款。</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/refund.py" line="123"/>
        <source>Enter the amount to refund.</source>
        <translation>请输入退款金额。</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/refund.py" line="125"/>
        <source>Order #{0}: {1} is more than the {2} left of the approved refund.</source>
        <translation>订单 #{0}：{1} 超过批准退款的剩余额度 {2}。</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/refund.py" line="128"/>
        <source>Order #{0}: {1} is more than the {2} still refundable.</source>
        <translation>订单 #{0}：{1} 超过剩余可退金额 {2}。</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/refund.py" line="133"/>
        <source>Order #{0}: the {1} payment can take back at most {2}, not {3}.</source>
        <translation>订单 #{0}：{1} 付款最多可退 {2}，不能退 {3}。</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/refund.py" line="137"/>
        <source>The parts add up to {0}, not {1}.</source>
        <translation>各部分合计为 {0}，而不是 {1}。</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/refund.py" line="141"/>
        <source>Part goes back by hand; enter the bank or cash reference.</source>
        <translation>部分款项需手工退回；请输入银行或现金参考号。</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/refund.py" line="153"/>
        <source>Refunding…</source>
        <translation>正在退款…</translation>
    </message>
</context>
<context>
    <name>ReportColumns</name>
    <message>
        <location filename="../../ui/reports/texts.py" line="21"/>
        <source>AOV</source>
        <translation>客单价</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="22"/>
        <source>After-sales report</source>
        <translation>售后报表</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="23"/>
        <source>Age (days)</source>
        <translation>库龄（天）</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="24"/>
        <source>Ageing</source>
        <translation>库龄段</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="25"/>
        <source>All problems</source>
        <translation>问题合计</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="26"/>
        <source>Average hours per step</source>
        <translation>各环节平均时长（小时）</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="27"/>
        <source>Average hours to decide</source>
        <translation>平均处理时长（小时）</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="28"/>
        <source>Best sellers</source>
        <translation>畅销商品</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="29"/>
        <source>Carrier</source>
        <translation>承运商</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="30"/>
        <source>Case type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="31"/>
        <source>Cases</source>
        <translation>工单数</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="32"/>
        <source>Category</source>
        <translation>品类</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="33"/>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="34"/>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="35"/>
        <source>Counts</source>
        <translation>盘点次数</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="36"/>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="37"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="38"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="39"/>
        <source>Customers per segment</source>
        <translation>各分层客户数</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="40"/>
        <source>Customers report</source>
        <translation>客户报表</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="41"/>
        <source>Customers with orders</source>
        <translation>下单客户</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="42"/>
        <source>Days of cover</source>
        <translation>可售天数</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="43"/>
        <source>Days without sale</source>
        <translation>未销售天数</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="44"/>
        <source>Decided</source>
        <translation>已处理</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="45"/>
        <source>Delivered</source>
        <translation>已签收</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="46"/>
        <source>Discounts</source>
        <translation>折扣</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="47"/>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="48"/>
        <source>Exception</source>
        <translation>异常</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="49"/>
        <source>Exception rate</source>
        <translation>异常率</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="50"/>
        <source>Exceptions</source>
        <translation>异常</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="51"/>
        <source>Exceptions per carrier</source>
        <translation>各承运商异常</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="52"/>
        <source>Fulfilment times per carrier and warehouse</source>
        <translation>各承运商及仓库履约时效</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="53"/>
        <source>Gross</source>
        <translation>商品金额</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="54"/>
        <source>Handling time against SLA</source>
        <translation>处理时效（对比SLA）</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="55"/>
        <source>Last order</source>
        <translation>最后下单</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="56"/>
        <source>Last sold</source>
        <translation>最后销售</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="57"/>
        <source>Logistics report</source>
        <translation>物流报表</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="58"/>
        <source>Lost</source>
        <translation>丢失</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="59"/>
        <source>Margin</source>
        <translation>毛利</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="60"/>
        <source>Margin %</source>
        <translation>毛利率</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="61"/>
        <source>Net</source>
        <translation>净额</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="62"/>
        <source>New vs returning</source>
        <translation>新老客户</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="63"/>
        <source>On hand</source>
        <translation>在库</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="64"/>
        <source>On time</source>
        <translation>准时</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="65"/>
        <source>On-time rate</source>
        <translation>准时率</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="66"/>
        <source>Order → delivered (h)</source>
        <translation>下单→签收（小时）</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="67"/>
        <source>Order → packed (h)</source>
        <translation>下单→打包（小时）</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="68"/>
        <source>Ordered twice or more</source>
        <translation>下单两次及以上</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="69"/>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="70"/>
        <source>Packed → shipped (h)</source>
        <translation>打包→发货（小时）</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="71"/>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="72"/>
        <source>Problem shipments</source>
        <translation>问题包裹</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="73"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="74"/>
        <source>Products report</source>
        <translation>商品报表</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="75"/>
        <source>RFM segments</source>
        <translation>RFM 分层</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="76"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="77"/>
        <source>Refunded</source>
        <translation>退款金额</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="78"/>
        <source>Refunded cases</source>
        <translation>已退款工单</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="79"/>
        <source>Refunds</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="80"/>
        <source>Repeat rate</source>
        <translation>复购率</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="81"/>
        <source>Reserved</source>
        <translation>已预留</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="82"/>
        <source>Return rate</source>
        <translation>退货率</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="83"/>
        <source>Return rate by SKU</source>
        <translation>各SKU退货率</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="84"/>
        <source>Returned to sender</source>
        <translation>退回</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="85"/>
        <source>Returns by reason</source>
        <translation>退货原因</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="86"/>
        <source>Revenue</source>
        <translation>销售额</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="87"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="88"/>
        <source>SKU × warehouse</source>
        <translation>SKU×仓库</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="89"/>
        <source>Sales</source>
        <translation>销售</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="90"/>
        <source>Sales by category</source>
        <translation>按品类销售</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="91"/>
        <source>Sales by country</source>
        <translation>按国家销售</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="92"/>
        <source>Sales by period</source>
        <translation>按期间销售</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="93"/>
        <source>Sales by store</source>
        <translation>按店铺销售</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="94"/>
        <source>Sales report</source>
        <translation>销售报表</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="95"/>
        <source>Segment</source>
        <translation>分层</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="96"/>
        <source>Shipments</source>
        <translation>包裹数</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="97"/>
        <source>Shipped → delivered (h)</source>
        <translation>发货→签收（小时）</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="98"/>
        <source>Shipping</source>
        <translation>运费</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="99"/>
        <source>Slow sellers (滞销)</source>
        <translation>滞销商品</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="100"/>
        <source>Still open</source>
        <translation>未结</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="101"/>
        <source>Stock ageing</source>
        <translation>库龄</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="102"/>
        <source>Stock per SKU and warehouse</source>
        <translation>各仓库SKU库存</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="103"/>
        <source>Stock report</source>
        <translation>库存报表</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="104"/>
        <source>Stock value at cost</source>
        <translation>库存成本</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="105"/>
        <source>Stocktake variances</source>
        <translation>盘点差异</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="106"/>
        <source>Store</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="107"/>
        <source>Tax</source>
        <translation>税费</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="108"/>
        <source>Top customers</source>
        <translation>重点客户</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="109"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="110"/>
        <source>Turnover</source>
        <translation>周转率</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="111"/>
        <source>Unit cost</source>
        <translation>单位成本</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="112"/>
        <source>Units</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="113"/>
        <source>Units on hand by age</source>
        <translation>各库龄在库件数</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="114"/>
        <source>Units out</source>
        <translation>出库件数</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="115"/>
        <source>Units returned</source>
        <translation>退货件数</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="116"/>
        <source>Units returned by reason</source>
        <translation>各原因退货件数</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="117"/>
        <source>Units sold</source>
        <translation>销售件数</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="118"/>
        <source>Value at cost</source>
        <translation>成本金额</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="119"/>
        <source>Variance (units)</source>
        <translation>差异（件）</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="120"/>
        <source>Variance at cost</source>
        <translation>差异金额</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="121"/>
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="122"/>
        <source>Within SLA</source>
        <translation>SLA 内</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="123"/>
        <source>Within SLA %</source>
        <translation>SLA 达成率</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <location filename="../../ui/reports/report_page.py" line="114"/>
        <source>All stores</source>
        <translation>全部店铺</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_page.py" line="115"/>
        <source>All warehouses</source>
        <translation>全部仓库</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_page.py" line="117"/>
        <source>All (per currency)</source>
        <translation>全部（按币种）</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_page.py" line="118"/>
        <source>No conversion</source>
        <translation>不换算</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_page.py" line="123"/>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_page.py" line="123"/>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_page.py" line="123"/>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_page.py" line="127"/>
        <location filename="../../ui/reports/report_page.py" line="140"/>
        <source>Period</source>
        <translation>时间段</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_page.py" line="127"/>
        <location filename="../../ui/reports/report_page.py" line="143"/>
        <source>Store</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_page.py" line="128"/>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_page.py" line="128"/>
        <source>Category</source>
        <translation>类目</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_page.py" line="139"/>
        <source>Report</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_page.py" line="144"/>
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_page.py" line="146"/>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_page.py" line="147"/>
        <source>Convert to</source>
        <translation>换算为</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_page.py" line="141"/>
        <source>Group by period</source>
        <translation>按时间段汇总</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_page.py" line="142"/>
        <source>Sales by</source>
        <translation>销售维度</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_page.py" line="145"/>
        <source>Slow seller after (days)</source>
        <translation>滞销判定（天）</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_page.py" line="148"/>
        <source>File language</source>
        <translation>文件语言</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_page.py" line="153"/>
        <source>Run report</source>
        <translation>生成报表</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_page.py" line="159"/>
        <source>Export to Excel…</source>
        <translation>导出为 Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_page.py" line="159"/>
        <source>Export to PDF…</source>
        <translation>导出为 PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_page.py" line="160"/>
        <source>Export to CSV…</source>
        <translation>导出为 CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_page.py" line="166"/>
        <source>Export order rows…</source>
        <translation>导出订单明细…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_page.py" line="167"/>
        <source>Every order of the period as one row (Excel or CSV)</source>
        <translation>期间内每个订单一行（Excel 或 CSV）</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_page.py" line="170"/>
        <source>Exchange rates…</source>
        <translation>汇率…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_page.py" line="177"/>
        <source>Save preset…</source>
        <translation>保存预设…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_page.py" line="179"/>
        <source>Delete preset</source>
        <translation>删除预设</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_page.py" line="181"/>
        <source>Presets</source>
        <translation>预设</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_page.py" line="280"/>
        <source>Running…</source>
        <translation>正在生成…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_page.py" line="282"/>
        <source>Running the report…</source>
        <translation>正在生成报表…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_page.py" line="288"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_page.py" line="318"/>
        <source>No data for this period.</source>
        <translation>此期间没有数据。</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_page.py" line="319"/>
        <source>{0} rows.</source>
        <translation>{0} 行。</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_page.py" line="329"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_page.py" line="329"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_page.py" line="330"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_page.py" line="331"/>
        <source>Export report</source>
        <translation>导出报表</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_page.py" line="343"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_page.py" line="344"/>
        <location filename="../../ui/reports/report_page.py" line="378"/>
        <source>Writing {0}…</source>
        <translation>正在写入 {0}…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_page.py" line="348"/>
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_page.py" line="353"/>
        <source>Export cancelled; no file was written.</source>
        <translation>导出已取消；未写入任何文件。</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_page.py" line="355"/>
        <source>Export failed: {0}</source>
        <translation>导出失败：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_page.py" line="366"/>
        <source>Export order rows</source>
        <translation>导出订单明细</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_page.py" line="367"/>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_page.py" line="375"/>
        <source>Exporting order rows…</source>
        <translation>正在导出订单明细…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_page.py" line="379"/>
        <source>{0} ({1} orders)</source>
        <translation>{0}（{1} 个订单）</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_page.py" line="423"/>
        <source>Save preset</source>
        <translation>保存预设</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_page.py" line="423"/>
        <source>Name of the preset:</source>
        <translation>预设名称：</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <location filename="../../ui/reports/presets.py" line="14"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../ui/reports/presets.py" line="15"/>
        <source>Yesterday</source>
        <translation>昨天</translation>
    </message>
    <message>
        <location filename="../../ui/reports/presets.py" line="16"/>
        <source>Last 7 days</source>
        <translation>近 7 天</translation>
    </message>
    <message>
        <location filename="../../ui/reports/presets.py" line="17"/>
        <source>Last 30 days</source>
        <translation>近 30 天</translation>
    </message>
    <message>
        <location filename="../../ui/reports/presets.py" line="18"/>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../../ui/reports/presets.py" line="19"/>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <location filename="../../ui/reports/presets.py" line="20"/>
        <source>This quarter</source>
        <translation>本季度</translation>
    </message>
    <message>
        <location filename="../../ui/reports/presets.py" line="21"/>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <location filename="../../ui/reports/presets.py" line="22"/>
        <source>Last 12 months</source>
        <translation>近 12 个月</translation>
    </message>
    <message>
        <location filename="../../ui/reports/presets.py" line="23"/>
        <source>Custom dates</source>
        <translation>自定义日期</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="12"/>
        <source>Sales</source>
        <translation>销售</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="13"/>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="14"/>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="15"/>
        <source>Logistics</source>
        <translation>物流</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="16"/>
        <source>After-sales</source>
        <translation>售后</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="17"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
</context>
<context>
    <name>ReportsArea</name>
    <message>
        <location filename="../../ui/reports/__init__.py" line="17"/>
        <source>Dashboard</source>
        <translation>数据看板</translation>
    </message>
    <message>
        <location filename="../../ui/reports/__init__.py" line="18"/>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
</context>
<context>
    <name>ReturnApprovalForm</name>
    <message>
        <location filename="../../ui/aftersales/approval.py" line="49"/>
        <source>Approve return</source>
        <translation>审批退货</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/approval.py" line="49"/>
        <source>New after-sales case</source>
        <translation>新建售后单</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/approval.py" line="61"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/approval.py" line="71"/>
        <source>Type:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/approval.py" line="77"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/approval.py" line="77"/>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/approval.py" line="77"/>
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/approval.py" line="78"/>
        <source>Returnable</source>
        <translation>可退数量</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/approval.py" line="78"/>
        <source>Return</source>
        <translation>退货数量</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/approval.py" line="79"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/approval.py" line="79"/>
        <source>Value</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/approval.py" line="84"/>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/approval.py" line="87"/>
        <source>Refund the shipping</source>
        <translation>退还运费</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/approval.py" line="100"/>
        <source>Why the amount differs from the computed one</source>
        <translation>金额与计算值不同的原因</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/approval.py" line="101"/>
        <source>Goods:</source>
        <translation>商品：</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/approval.py" line="103"/>
        <source>Restocking fee:</source>
        <translation>退货手续费：</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/approval.py" line="104"/>
        <source>Already refunded:</source>
        <translation>已退款：</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/approval.py" line="105"/>
        <source>Computed refund:</source>
        <translation>计算退款：</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/approval.py" line="106"/>
        <source>Refund amount:</source>
        <translation>退款金额：</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/approval.py" line="107"/>
        <source>Reason for the amount:</source>
        <translation>金额原因：</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/approval.py" line="111"/>
        <source>Your approval limit:</source>
        <translation>您的审批额度：</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/approval.py" line="115"/>
        <source>Payment</source>
        <translation>付款</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/approval.py" line="115"/>
        <source>Paid</source>
        <translation>已付</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/approval.py" line="116"/>
        <source>Already refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/approval.py" line="116"/>
        <source>Refundable</source>
        <translation>可退款</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/approval.py" line="117"/>
        <source>This refund</source>
        <translation>本次退款</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/approval.py" line="121"/>
        <source>Goes back to:</source>
        <translation>退回至：</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/approval.py" line="126"/>
        <source>Note for the case history</source>
        <translation>售后记录备注</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/approval.py" line="129"/>
        <source>Case reason:</source>
        <translation>售后原因：</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/approval.py" line="130"/>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/approval.py" line="133"/>
        <source>Approve</source>
        <translation>审批通过</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/approval.py" line="133"/>
        <source>Open case</source>
        <translation>创建售后单</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/approval.py" line="153"/>
        <location filename="../../ui/aftersales/approval.py" line="324"/>
        <source>Order #{0}</source>
        <translation>订单 #{0}</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/approval.py" line="155"/>
        <source>{0} on order #{1}, {2}</source>
        <translation>{0}（订单 #{1}，{2}）</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/approval.py" line="269"/>
        <source>{0} of {1} paid</source>
        <translation>{0}（已付 {1}）</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/approval.py" line="296"/>
        <source>{0}: the restocking fee can&apos;t be negative.</source>
        <translation>{0}：退货手续费不能为负数。</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/approval.py" line="297"/>
        <source>{0}: the restocking fee {1} is more than the goods and shipping refunded ({2}); lower the fee.</source>
        <translation>{0}：退货手续费 {1} 超过退还的商品和运费（{2}）；请降低手续费。</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/approval.py" line="299"/>
        <source>{0}: the refund can&apos;t be negative.</source>
        <translation>{0}：退款不能为负数。</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/approval.py" line="300"/>
        <source>{0}: cannot refund {1}; only {2} is refundable (paid {3}, already refunded {4}).</source>
        <translation>{0}：无法退款 {1}；仅剩 {2} 可退（已付 {3}，已退款 {4}）。</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/approval.py" line="302"/>
        <source>{0}: the refund {1} differs from the computed {2}; give a reason.</source>
        <translation>{0}：退款 {1} 与计算值 {2} 不同；请填写原因。</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/approval.py" line="303"/>
        <source>{1} may not approve refunds; {0} asks {2}. A supervisor must approve it.</source>
        <translation>{1} 无权审批退款；{0} 申请 {2}。需由主管审批。</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/approval.py" line="305"/>
        <source>{0} asks {1}, but there is no exchange rate from {2} to {3} to compare it with the approval limit of {4}. Add the rate {2} → {3} (Reports → Exchange rates).</source>
        <translation>{0} 申请 {1}，但没有 {2} 兑 {3} 的汇率，无法与审批额度 {4} 比较。请添加汇率 {2} → {3}（报表 → 汇率）。</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/approval.py" line="308"/>
        <source>{0} asks {1}; you opened it yourself and may approve your own requests only up to {2}. Ask a supervisor to approve it.</source>
        <translation>{0} 申请 {1}；该单由您本人创建，您审批自己的申请最多只能到 {2}。请由主管审批。</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/approval.py" line="310"/>
        <source>{0} asks {1}, above your {2} limit ({3}). A supervisor must approve it.</source>
        <translation>{0} 申请 {1}，超过您的额度 {2}（{3}）。需由主管审批。</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/approval.py" line="312"/>
        <source>{0}: choose the items and quantities for the {1}.</source>
        <translation>{0}：请为“{1}”选择商品和数量。</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/approval.py" line="323"/>
        <source>Return {0} on order #{1}</source>
        <translation>订单 #{1} 的售后单 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/approval.py" line="329"/>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/approval.py" line="335"/>
        <source>{0}; no exchange rate {1} → {2} is stored</source>
        <translation>{0}；未存 {1} → {2} 的汇率</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/approval.py" line="337"/>
        <source>{0}; this refund ≈ {1}</source>
        <translation>{0}；本次退款约合 {1}</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/approval.py" line="352"/>
        <source>(refund by hand)</source>
        <translation>（手工退款）</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/approval.py" line="372"/>
        <location filename="../../ui/aftersales/approval.py" line="386"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>ReturnsDeskPage</name>
    <message>
        <location filename="../../ui/aftersales/scan.py" line="36"/>
        <source>Scan or type the RMA, order or waybill number</source>
        <translation>扫描或输入退货单号（RMA）、订单号或运单号</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/scan.py" line="40"/>
        <source>Scan each returned item</source>
        <translation>逐件扫描退回的商品</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/scan.py" line="48"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/scan.py" line="48"/>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/scan.py" line="48"/>
        <source>Expected</source>
        <translation>应收</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/scan.py" line="49"/>
        <source>Scanned</source>
        <translation>已扫描</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/scan.py" line="49"/>
        <source>Inspection</source>
        <translation>质检</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/scan.py" line="51"/>
        <source>Book in</source>
        <translation>确认入库</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/scan.py" line="54"/>
        <source>Save inspection</source>
        <translation>保存质检结果</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/scan.py" line="57"/>
        <source>Start again</source>
        <translation>重新开始</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/scan.py" line="60"/>
        <source>Case:</source>
        <translation>售后单：</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/scan.py" line="61"/>
        <source>Item:</source>
        <translation>商品：</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/scan.py" line="96"/>
        <source>No open case for {0}.</source>
        <translation>没有 {0} 的未结售后单。</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/scan.py" line="107"/>
        <source>{0} — order #{1} — {2} — {3}</source>
        <translation>{0} — 订单 #{1} — {2} — {3}</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/scan.py" line="127"/>
        <source>Choose…</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/scan.py" line="128"/>
        <source>Sellable: back to stock</source>
        <translation>可售：退回库存</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/scan.py" line="129"/>
        <source>Damaged: write off</source>
        <translation>损坏：报损</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/scan.py" line="130"/>
        <source>Back to supplier</source>
        <translation>退回供应商</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/scan.py" line="195"/>
        <source>Choose sellable, damaged or back to supplier for {0}.</source>
        <translation>请为 {0} 选择：可售、损坏或退回供应商。</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/scan.py" line="119"/>
        <source>Scan the items now.</source>
        <translation>请扫描商品。</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/scan.py" line="120"/>
        <source>This case is {0}.</source>
        <translation>此售后单{0}。</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/scan.py" line="153"/>
        <source>{0} is not on return {1} for order #{2}; put it aside and check the parcel.</source>
        <translation>{0} 不在订单 #{2} 的退货单 {1} 中；请将其放在一边并检查包裹。</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/scan.py" line="158"/>
        <source>All {0} × {1} of return {2} are already scanned.</source>
        <translation>退货单 {2} 的 {0} × {1} 已全部扫描。</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/scan.py" line="164"/>
        <source>{0}: {1} of {2}.</source>
        <translation>{0}：{1} / {2}。</translation>
    </message>
</context>
<context>
    <name>SafeFileDialog</name>
    <message>
        <location filename="../../ui/filedialogs.py" line="81"/>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/filedialogs.py" line="82"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/filedialogs.py" line="108"/>
        <source>That is ordermgr&apos;s own database file. Choose another file.</source>
        <translation>这是 ordermgr 自己的数据库文件。请选择其他文件。</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../ui/settings.py" line="21"/>
        <source>Clerk</source>
        <translation>文员</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="22"/>
        <source>Customer service agent</source>
        <translation>客服</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="23"/>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="24"/>
        <source>Manager</source>
        <translation>经理</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="25"/>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="26"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="111"/>
        <source>General</source>
        <translation>常规</translation>
    </message>
</context>
<context>
    <name>SkuMatcherDialog</name>
    <message>
        <location filename="../../ui/sku_matcher.py" line="19"/>
        <source>Map storefront SKU {0}</source>
        <translation>映射店铺 SKU {0}</translation>
    </message>
    <message>
        <location filename="../../ui/sku_matcher.py" line="23"/>
        <source>{0} sends SKU {1} ({2}), which is not in the catalogue; {3} order(s) wait for it. Which catalogue SKU is it? The answer is remembered for this store&apos;s later orders.</source>
        <translation>{0} 发来的 SKU {1}（{2}）不在商品目录中；有 {3} 个订单在等待。它对应目录中的哪个 SKU？此对应关系会记住，用于该店铺以后的订单。</translation>
    </message>
    <message>
        <location filename="../../ui/sku_matcher.py" line="28"/>
        <source>Catalogue SKU, name or barcode, then Enter</source>
        <translation>目录 SKU、名称或条码，然后按回车</translation>
    </message>
    <message>
        <location filename="../../ui/sku_matcher.py" line="32"/>
        <location filename="../../ui/sku_matcher.py" line="62"/>
        <source>No catalogue SKU chosen yet.</source>
        <translation>尚未选择目录 SKU。</translation>
    </message>
    <message>
        <location filename="../../ui/sku_matcher.py" line="36"/>
        <source>Map</source>
        <translation>映射</translation>
    </message>
    <message>
        <location filename="../../ui/sku_matcher.py" line="55"/>
        <source>{0} = {1} · {2} ({3} available)</source>
        <translation>{0} = {1} · {2}（可用 {3}）</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../ui/orders/model.py" line="37"/>
        <source>awaiting payment</source>
        <translation>待付款</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="38"/>
        <source>awaiting fulfilment</source>
        <translation>待履约</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="39"/>
        <source>backordered</source>
        <translation>缺货等待</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="40"/>
        <source>allocated</source>
        <translation>已分配库存</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="41"/>
        <source>picking</source>
        <translation>拣货中</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="42"/>
        <source>packed</source>
        <translation>已打包</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="43"/>
        <source>partially shipped</source>
        <translation>部分发货</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="44"/>
        <source>shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="45"/>
        <source>delivered</source>
        <translation>已签收</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="46"/>
        <source>completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="47"/>
        <source>on hold</source>
        <translation>挂起</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="48"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="49"/>
        <source>pending</source>
        <translation>待付款</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="50"/>
        <source>authorized</source>
        <translation>已授权</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="51"/>
        <source>paid</source>
        <translation>已付款</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="52"/>
        <source>partially refunded</source>
        <translation>部分退款</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="53"/>
        <source>refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="54"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="55"/>
        <source>voided</source>
        <translation>已作废</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="56"/>
        <source>unfulfilled</source>
        <translation>未发货</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="57"/>
        <source>partially fulfilled</source>
        <translation>部分发货</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="58"/>
        <source>fulfilled</source>
        <translation>已发货</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="59"/>
        <source>label created</source>
        <translation>已生成面单</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="60"/>
        <source>in transit</source>
        <translation>运输中</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="61"/>
        <source>out for delivery</source>
        <translation>派送中</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="62"/>
        <source>exception</source>
        <translation>异常</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="63"/>
        <source>returned to sender</source>
        <translation>已退回寄件人</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="64"/>
        <source>lost</source>
        <translation>丢失</translation>
    </message>
</context>
<context>
    <name>StockTab</name>
    <message>
        <location filename="../../ui/inventory/page.py" line="43"/>
        <location filename="../../ui/inventory/page.py" line="88"/>
        <source>All warehouses</source>
        <translation>全部仓库</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/page.py" line="46"/>
        <source>All products</source>
        <translation>全部商品</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/page.py" line="47"/>
        <source>Low stock only</source>
        <translation>仅低库存</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/page.py" line="49"/>
        <source>Search SKU, barcode or name…</source>
        <translation>搜索 SKU、条码或名称…</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/page.py" line="51"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/page.py" line="52"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/page.py" line="118"/>
        <source>{0} stock levels</source>
        <translation>{0} 条库存记录</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/page.py" line="140"/>
        <location filename="../../ui/inventory/page.py" line="144"/>
        <source>Export stock</source>
        <translation>导出库存</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/page.py" line="141"/>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/page.py" line="144"/>
        <source>Wrote {0} stock levels.</source>
        <translation>已导出 {0} 条库存记录。</translation>
    </message>
</context>
<context>
    <name>StockTableModel</name>
    <message>
        <location filename="../../ui/inventory/model.py" line="46"/>
        <source>Low</source>
        <translation>低库存</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/model.py" line="47"/>
        <source>Out of stock</source>
        <translation>缺货</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/model.py" line="48"/>
        <source>OVERSOLD: check the ledger</source>
        <translation>超卖：请核对库存流水</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/model.py" line="56"/>
        <source>{0} d</source>
        <translation>{0} 天</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/model.py" line="70"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/model.py" line="71"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/model.py" line="73"/>
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/model.py" line="75"/>
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/model.py" line="77"/>
        <source>On hand</source>
        <translation>在库</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/model.py" line="79"/>
        <source>Reserved</source>
        <translation>已预留</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/model.py" line="81"/>
        <source>Available</source>
        <translation>可用</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/model.py" line="83"/>
        <source>Incoming</source>
        <translation>在途入库</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/model.py" line="85"/>
        <source>Threshold</source>
        <translation>预警值</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/model.py" line="87"/>
        <source>Days of cover</source>
        <translation>可售天数</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/model.py" line="88"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>StocktakeTab</name>
    <message>
        <location filename="../../ui/inventory/stocktake.py" line="33"/>
        <source>first bin (optional)</source>
        <translation>起始库位（可选）</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/stocktake.py" line="34"/>
        <source>last bin (optional)</source>
        <translation>结束库位（可选）</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/stocktake.py" line="35"/>
        <source>Start count</source>
        <translation>开始盘点</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/stocktake.py" line="39"/>
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/stocktake.py" line="40"/>
        <source>Count</source>
        <translation>盘点单</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/stocktake.py" line="46"/>
        <source>Scan a barcode or type a SKU, then Enter</source>
        <translation>扫描条码或输入 SKU，然后按回车</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/stocktake.py" line="50"/>
        <source>Scans add up</source>
        <translation>扫描累加</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/stocktake.py" line="55"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/stocktake.py" line="60"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/stocktake.py" line="60"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/stocktake.py" line="60"/>
        <source>Expected</source>
        <translation>账面</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/stocktake.py" line="60"/>
        <source>Counted</source>
        <translation>实盘</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/stocktake.py" line="61"/>
        <source>Variance</source>
        <translation>差异</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/stocktake.py" line="61"/>
        <source>On hand now</source>
        <translation>当前在库</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/stocktake.py" line="61"/>
        <source>Reserved</source>
        <translation>已预留</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/stocktake.py" line="69"/>
        <source>Post count…</source>
        <translation>提交盘点…</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/stocktake.py" line="70"/>
        <source>Cancel count</source>
        <translation>取消盘点</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/stocktake.py" line="98"/>
        <source>#{0} {1} {2} – {3} ({4}/{5} counted)</source>
        <translation>#{0} {1} {2} – {3}（已盘 {4}/{5}）</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/stocktake.py" line="124"/>
        <source>{0} of {1} SKUs counted; {2} differ; net {3:+d} units</source>
        <translation>已盘 {0}/{1} 个 SKU；{2} 个有差异；净差 {3:+d} 件</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/stocktake.py" line="146"/>
        <source>{0} {1}: counted {2}</source>
        <translation>{0} {1}：盘点数 {2}</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/stocktake.py" line="164"/>
        <source>Post count</source>
        <translation>提交盘点</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/stocktake.py" line="165"/>
        <source>Post the variances of count #{0} as stock adjustments? Uncounted SKUs are left as they are.</source>
        <translation>将盘点单 #{0} 的差异作为库存调整提交？未盘点的 SKU 保持不变。</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/stocktake.py" line="170"/>
        <source>Posted: {0} SKUs adjusted, {1} not counted.</source>
        <translation>已提交：调整 {0} 个 SKU，{1} 个未盘点。</translation>
    </message>
</context>
<context>
    <name>StoreDialog</name>
    <message>
        <location filename="../../ui/sync.py" line="80"/>
        <source>Edit storefront</source>
        <translation>编辑店铺</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="80"/>
        <source>Add storefront</source>
        <translation>添加店铺</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="92"/>
        <source>Leave empty to keep the stored credential</source>
        <translation>留空则保留已保存的凭据</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="93"/>
        <source>Access token, ck_…:cs_… or sk_…</source>
        <translation>访问令牌，ck_…:cs_… 或 sk_…</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="97"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="98"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="99"/>
        <source>Store URL</source>
        <translation>店铺网址</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="100"/>
        <source>API credential</source>
        <translation>API 凭据</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="101"/>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="102"/>
        <source>The credential is kept in the system keyring or encrypted on this computer, never in the database.</source>
        <translation>凭据保存在系统密钥环中或在本机加密保存，绝不存入数据库。</translation>
    </message>
</context>
<context>
    <name>StorefrontsPanel</name>
    <message>
        <location filename="../../ui/sync.py" line="133"/>
        <location filename="../../ui/sync.py" line="171"/>
        <location filename="../../ui/sync.py" line="186"/>
        <location filename="../../ui/sync.py" line="208"/>
        <source>Store</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="134"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="135"/>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="135"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="135"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="136"/>
        <source>Last success</source>
        <translation>最近成功</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="137"/>
        <source>Pulled (last run)</source>
        <translation>拉取（上次）</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="138"/>
        <source>Pulled (total)</source>
        <translation>拉取（累计）</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="139"/>
        <source>Pushes pending</source>
        <translation>待回传</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="140"/>
        <source>Failing</source>
        <translation>失败中</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="141"/>
        <source>Parked</source>
        <translation>已搁置</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="142"/>
        <source>Quarantined</source>
        <translation>已隔离</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="143"/>
        <source>Last error</source>
        <translation>最近错误</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="148"/>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="149"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="150"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="151"/>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="152"/>
        <source>Sync all now</source>
        <translation>全部立即同步</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="154"/>
        <source>Sync selected</source>
        <translation>同步所选店铺</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="155"/>
        <source>Sync in the background every minute</source>
        <translation>每分钟在后台同步</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="172"/>
        <source>Push</source>
        <translation>回传</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="173"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="174"/>
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="175"/>
        <source>Storefront&apos;s error</source>
        <translation>店铺返回的错误</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="176"/>
        <source>Queued</source>
        <translation>排队时间</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="179"/>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="180"/>
        <source>Dismiss…</source>
        <translation>忽略…</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="187"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="188"/>
        <source>Why it was not imported</source>
        <translation>未导入原因</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="189"/>
        <source>Seen</source>
        <translation>出现次数</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="190"/>
        <source>Last seen</source>
        <translation>最近出现</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="200"/>
        <source>Fetch again and import</source>
        <translation>重新获取并导入</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="203"/>
        <source>Read the order from the storefront again and import it, once its problem is fixed on either side</source>
        <translation>问题在任一方修正后，从店铺重新读取该订单并导入</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="209"/>
        <source>Storefront SKU</source>
        <translation>店铺 SKU</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="210"/>
        <source>Orders waiting</source>
        <translation>等待的订单</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="211"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="212"/>
        <source>Product on the storefront</source>
        <translation>店铺中的商品</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="217"/>
        <source>Map to a catalogue SKU…</source>
        <translation>映射到目录 SKU…</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="255"/>
        <source>Orders with these SKUs are not allocated until each SKU is mapped to one in the catalogue; a mapping is remembered for the store&apos;s later orders.</source>
        <translation>含有这些 SKU 的订单在每个 SKU 映射到目录 SKU 之前不会分配库存；映射会记住，用于该店铺以后的订单。</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="265"/>
        <source>Parked pushes</source>
        <translation>已搁置的回传</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="266"/>
        <source>Quarantined orders</source>
        <translation>已隔离的订单</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="267"/>
        <source>Unmatched SKUs</source>
        <translation>未匹配 SKU</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="342"/>
        <source>Parked pushes ({0})</source>
        <translation>已搁置的回传（{0}）</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="343"/>
        <source>Quarantined orders ({0})</source>
        <translation>已隔离的订单（{0}）</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="344"/>
        <source>Unmatched SKUs ({0})</source>
        <translation>未匹配 SKU（{0}）</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="399"/>
        <source>Testing and adding the store…</source>
        <translation>正在测试并添加店铺…</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="406"/>
        <source>{0}
The store was not saved: correct it and add it again.</source>
        <translation>{0}
店铺未保存：请更正后重新添加。</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="420"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="426"/>
        <source>Remove storefront</source>
        <translation>删除店铺</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="427"/>
        <source>Remove {0}? A store with orders is only deactivated; its orders stay.</source>
        <translation>删除 {0}？有订单的店铺只会停用，其订单仍保留。</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="437"/>
        <source>Testing {0}…</source>
        <translation>正在测试 {0}…</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="439"/>
        <source>Testing the connection…</source>
        <translation>正在测试连接…</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="458"/>
        <source>Syncing {0}…</source>
        <translation>正在同步 {0}…</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="458"/>
        <source>all stores</source>
        <translation>全部店铺</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="465"/>
        <source>Syncing storefronts…</source>
        <translation>正在同步店铺…</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="471"/>
        <source>No active storefronts to sync.</source>
        <translation>没有可同步的已启用店铺。</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="507"/>
        <source>Mapping the SKU…</source>
        <translation>正在映射 SKU…</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="510"/>
        <source>{0} is now {1}: {2} waiting line(s) updated, {3} order(s) allocated.</source>
        <translation>{0} 现在对应 {1}：已更新 {2} 个等待中的订单行，已分配 {3} 个订单。</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="526"/>
        <source>Fetching order {0} again…</source>
        <translation>正在重新获取订单 {0}…</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="531"/>
        <source>Fetching the order again…</source>
        <translation>正在重新获取订单…</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="548"/>
        <source>Push {0} queued again.</source>
        <translation>回传 {0} 已重新排队。</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="556"/>
        <source>Dismiss push</source>
        <translation>忽略回传</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="557"/>
        <source>Why is this push not needed any more (e.g. done by hand on the storefront)?</source>
        <translation>为什么不再需要此回传（例如已在店铺后台手工处理）？</translation>
    </message>
</context>
<context>
    <name>SupervisorOverrideDialog</name>
    <message>
        <location filename="../../ui/fulfilment/packing.py" line="33"/>
        <source>Supervisor override</source>
        <translation>主管授权放行</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/packing.py" line="35"/>
        <source>Still missing: {0}</source>
        <translation>仍缺少：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/packing.py" line="36"/>
        <source>supervisor&apos;s user name</source>
        <translation>主管用户名</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/packing.py" line="38"/>
        <source>Why is the order packed incomplete?</source>
        <translation>为什么订单未装齐就打包？</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/packing.py" line="39"/>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/packing.py" line="40"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>TrackingQueue</name>
    <message>
        <location filename="../../ui/fulfilment/exceptions.py" line="106"/>
        <location filename="../../ui/fulfilment/exceptions.py" line="114"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/exceptions.py" line="106"/>
        <location filename="../../ui/fulfilment/exceptions.py" line="114"/>
        <source>Carrier</source>
        <translation>承运商</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/exceptions.py" line="107"/>
        <location filename="../../ui/fulfilment/exceptions.py" line="115"/>
        <source>Waybill</source>
        <translation>运单号</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/exceptions.py" line="108"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/exceptions.py" line="109"/>
        <source>Days without news</source>
        <translation>无更新天数</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/exceptions.py" line="116"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/exceptions.py" line="117"/>
        <source>Age (days)</source>
        <translation>时长（天）</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/exceptions.py" line="118"/>
        <source>Action</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/exceptions.py" line="118"/>
        <source>Claim</source>
        <translation>索赔</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/exceptions.py" line="119"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/exceptions.py" line="128"/>
        <source>Check for delays</source>
        <translation>检查延误</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/exceptions.py" line="129"/>
        <source>Record tracking event…</source>
        <translation>录入物流轨迹…</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/exceptions.py" line="130"/>
        <source>Action on exception…</source>
        <translation>处理异常…</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/exceptions.py" line="131"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/exceptions.py" line="132"/>
        <source>Ask the carriers</source>
        <translation>查询承运商</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/exceptions.py" line="133"/>
        <source>Fetch tracking news from the tracking service URL in settings</source>
        <translation>从设置中的物流查询服务网址获取最新轨迹</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/exceptions.py" line="140"/>
        <source>On the road</source>
        <translation>运输中</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/exceptions.py" line="141"/>
        <source>Logistics exceptions</source>
        <translation>物流异常</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/exceptions.py" line="172"/>
        <source>Asked about {0} parcels: {1} new events, {2} errors.</source>
        <translation>已查询 {0} 个包裹：{1} 条新轨迹，{2} 个错误。</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/exceptions.py" line="176"/>
        <source>Asking the carriers…</source>
        <translation>正在查询承运商…</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/exceptions.py" line="181"/>
        <source>Checking for delays…</source>
        <translation>正在检查延误…</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/exceptions.py" line="211"/>
        <source>Recording the action…</source>
        <translation>正在记录处理…</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/exceptions.py" line="216"/>
        <source>Re-shipped: replacement order created.</source>
        <translation>已补发：已创建替换订单。</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/exceptions.py" line="218"/>
        <source>Refunded: {0}</source>
        <translation>已退款：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/exceptions.py" line="220"/>
        <source>Action recorded.</source>
        <translation>处理已记录。</translation>
    </message>
</context>
<context>
    <name>TransfersTab</name>
    <message>
        <location filename="../../ui/inventory/transfers.py" line="19"/>
        <source>SKU or barcode</source>
        <translation>SKU 或条码</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/transfers.py" line="22"/>
        <source>Add line</source>
        <translation>添加行</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/transfers.py" line="23"/>
        <source>Create draft</source>
        <translation>创建草稿</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/transfers.py" line="27"/>
        <location filename="../../ui/inventory/transfers.py" line="32"/>
        <source>From</source>
        <translation>调出仓</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/transfers.py" line="27"/>
        <location filename="../../ui/inventory/transfers.py" line="32"/>
        <source>To</source>
        <translation>调入仓</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/transfers.py" line="32"/>
        <source>No.</source>
        <translation>单号</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/transfers.py" line="32"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/transfers.py" line="32"/>
        <source>Lines</source>
        <translation>行数</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/transfers.py" line="33"/>
        <source>Units</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/transfers.py" line="33"/>
        <location filename="../../ui/inventory/transfers.py" line="39"/>
        <source>Received</source>
        <translation>已收货</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/transfers.py" line="39"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/transfers.py" line="39"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/transfers.py" line="39"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/transfers.py" line="41"/>
        <source>Ship</source>
        <translation>发出</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/transfers.py" line="42"/>
        <source>Receive…</source>
        <translation>收货…</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/transfers.py" line="43"/>
        <source>Cancel draft</source>
        <translation>取消草稿</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/transfers.py" line="97"/>
        <source>Draft: {0}</source>
        <translation>草稿：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/transfers.py" line="131"/>
        <source>Receive transfer {0}</source>
        <translation>调拨单 {0} 收货</translation>
    </message>
    <message>
        <location filename="../../ui/inventory/transfers.py" line="132"/>
        <source>{0}: how many arrived? ({1} expected)</source>
        <translation>{0}：实际到货多少？（应到 {1}）</translation>
    </message>
</context>
<context>
    <name>UnpaidOrdersPage</name>
    <message>
        <location filename="../../ui/aftersales/unpaid.py" line="22"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/unpaid.py" line="22"/>
        <source>Store</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/unpaid.py" line="23"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/unpaid.py" line="24"/>
        <source>Placed</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/unpaid.py" line="25"/>
        <source>Total</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/unpaid.py" line="26"/>
        <source>Age</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/unpaid.py" line="34"/>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/unpaid.py" line="36"/>
        <source>Save time</source>
        <translation>保存时限</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/unpaid.py" line="39"/>
        <source>Cancel overdue unpaid orders now</source>
        <translation>立即取消超时未付款订单</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/unpaid.py" line="44"/>
        <source>Cancel unpaid orders after</source>
        <translation>未付款订单自动取消时限</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/unpaid.py" line="86"/>
        <source>Unpaid orders</source>
        <translation>未付款订单</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/unpaid.py" line="87"/>
        <source>{0} order(s) cancelled, {1} refused.</source>
        <translation>已取消 {0} 个订单，{1} 个被拒绝。</translation>
    </message>
    <message>
        <location filename="../../ui/aftersales/unpaid.py" line="91"/>
        <source>Cancelling unpaid orders…</source>
        <translation>正在取消未付款订单…</translation>
    </message>
</context>
<context>
    <name>WaybillForm</name>
    <message>
        <location filename="../../ui/fulfilment/waybill.py" line="66"/>
        <source>Order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/waybill.py" line="70"/>
        <source>Waybill number</source>
        <translation>运单号</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/waybill.py" line="75"/>
        <source>More parcels: one waybill number per line</source>
        <translation>多个包裹：每行一个运单号</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/waybill.py" line="81"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/waybill.py" line="81"/>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/waybill.py" line="81"/>
        <source>Left</source>
        <translation>待发</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/waybill.py" line="82"/>
        <source>Ship now</source>
        <translation>本次发货</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/waybill.py" line="84"/>
        <source>Ship</source>
        <translation>发货</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/waybill.py" line="86"/>
        <source>Add carrier…</source>
        <translation>添加承运商…</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/waybill.py" line="90"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/waybill.py" line="95"/>
        <source>Carrier</source>
        <translation>承运商</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/waybill.py" line="96"/>
        <source>Waybill</source>
        <translation>运单号</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/waybill.py" line="98"/>
        <source>Parcels</source>
        <translation>包裹数</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/waybill.py" line="99"/>
        <source>Weight</source>
        <translation>重量</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/waybill.py" line="103"/>
        <source>L × W × H</source>
        <translation>长 × 宽 × 高</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/waybill.py" line="104"/>
        <source>Shipping cost</source>
        <translation>运费</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/waybill.py" line="107"/>
        <source>Lines (lower &apos;Ship now&apos; for a split shipment)</source>
        <translation>商品行（减少“本次发货”数量可拆分发货）</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/waybill.py" line="149"/>
        <source>✓ valid {0} number</source>
        <translation>✓ 有效的 {0} 运单号</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/waybill.py" line="167"/>
        <source>#{0}: {1}</source>
        <translation>#{0}：{1}</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/waybill.py" line="199"/>
        <source>Shipping…</source>
        <translation>正在发货…</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/waybill.py" line="204"/>
        <source>Shipped #{0}.</source>
        <translation>已发货 #{0}。</translation>
    </message>
    <message>
        <location filename="../../ui/fulfilment/waybill.py" line="205"/>
        <source>#{0} shipped with {1} {2}</source>
        <translation>#{0} 已通过 {1} {2} 发货</translation>
    </message>
</context>
</TS>
