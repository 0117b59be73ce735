<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActionDialog</name>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/exceptions.py" line="49" />
        <source>Action on the exception</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/exceptions.py" line="56" />
        <source>Resolved</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/exceptions.py" line="57" />
        <source>Action</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/exceptions.py" line="58" />
        <source>Claim status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/exceptions.py" line="59" />
        <source>Claim amount</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/exceptions.py" line="60" />
        <source>Note</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>AddressDialog</name>
    <message>
        <location filename="../../ordermgr/ui/orders/dialogs.py" line="108" />
        <source>Edit shipping address</source>
        <translation>修改收货地址</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/dialogs.py" line="111" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/dialogs.py" line="111" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/dialogs.py" line="112" />
        <source>Street</source>
        <translation>街道地址</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/dialogs.py" line="112" />
        <source>Street (2)</source>
        <translation>街道地址（2）</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/dialogs.py" line="113" />
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/dialogs.py" line="113" />
        <source>Region</source>
        <translation>省/地区</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/dialogs.py" line="114" />
        <source>Postcode</source>
        <translation>邮编</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/dialogs.py" line="115" />
        <source>Country (2 letters)</source>
        <translation>国家（两位字母）</translation>
    </message>
</context>
<context>
    <name>AdjustTab</name>
    <message>
        <location filename="../../ordermgr/ui/inventory/page.py" line="137" />
        <source>Scan or type a SKU or barcode</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/page.py" line="145" />
        <source>Apply adjustment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/page.py" line="148" />
        <source>Set threshold</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/page.py" line="152" />
        <source>SKU</source>
        <translation type="unfinished">SKU</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/page.py" line="153" />
        <source>Warehouse</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/page.py" line="154" />
        <source>Change (+ add, − remove)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/page.py" line="155" />
        <source>Reason</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/page.py" line="156" />
        <source>Note</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/page.py" line="158" />
        <source>Low-stock threshold</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/page.py" line="170" />
        <source>{0}: now {1} on hand, {2} reserved.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/page.py" line="176" />
        <source>{0}: threshold set to {1}.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>AfterSalesDesk</name>
    <message>
        <location filename="../../ordermgr/ui/aftersales/desk.py" line="307" />
        <source>Cases</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/desk.py" line="314" />
        <source>Returns desk</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/desk.py" line="315" />
        <source>Unpaid orders</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/desk.py" line="316" />
        <source>Reconciliation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/desk.py" line="319" />
        <source>Settings</source>
        <translation type="unfinished">设置</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/desk.py" line="352" />
        <source>Saving…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/desk.py" line="362" />
        <location filename="../../ordermgr/ui/aftersales/desk.py" line="375" />
        <source>New case</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/desk.py" line="363" />
        <source>Order number (or waybill):</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/desk.py" line="376" />
        <source>No order with number {0}.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>AfterSalesSettingsPage</name>
    <message>
        <location filename="../../ordermgr/ui/aftersales/settings.py" line="21" />
        <source>SLA: hours a case may stay open</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/settings.py" line="27" />
        <source> h</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/settings.py" line="31" />
        <source>Approval limits (empty: no limit)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/settings.py" line="40" />
        <source>Code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/settings.py" line="40" />
        <source>Label</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/settings.py" line="41" />
        <source>Case types (empty: all)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/settings.py" line="41" />
        <source>Active</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/settings.py" line="43" />
        <source>Save settings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/settings.py" line="47" />
        <source>Add reason code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/settings.py" line="59" />
        <source>Only managers change these settings.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/settings.py" line="61" />
        <source>Reason codes</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>AlertsTab</name>
    <message>
        <location filename="../../ordermgr/ui/inventory/page.py" line="192" />
        <location filename="../../ordermgr/ui/inventory/page.py" line="197" />
        <source>SKU</source>
        <translation type="unfinished">SKU</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/page.py" line="192" />
        <location filename="../../ordermgr/ui/inventory/page.py" line="197" />
        <source>Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/page.py" line="192" />
        <source>Warehouse</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/page.py" line="192" />
        <location filename="../../ordermgr/ui/inventory/page.py" line="197" />
        <source>Available</source>
        <translation type="unfinished">可用</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/page.py" line="193" />
        <source>Threshold</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/page.py" line="193" />
        <source>Incoming</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/page.py" line="197" />
        <source>In transit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/page.py" line="198" />
        <source>Sold per day</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/page.py" line="198" />
        <source>Lead time (days)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/page.py" line="198" />
        <source>Reorder point</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/page.py" line="199" />
        <source>Order quantity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/page.py" line="206" />
        <source>Export suggestions to Excel…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/page.py" line="207" />
        <source>Refresh</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/page.py" line="210" />
        <source>At or below threshold</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/page.py" line="212" />
        <source>Reorder suggestions (threshold, last 30 days of sales, lead time)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/page.py" line="229" />
        <source>{0} in {1}: {2} available (threshold {3})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/page.py" line="231" />
        <source>Below threshold now:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/page.py" line="233" />
        <source>and {0} more</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/page.py" line="238" />
        <source>Export reorder suggestions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/page.py" line="239" />
        <source>Excel (*.xlsx)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/page.py" line="242" />
        <source>Export</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/page.py" line="242" />
        <source>Wrote {0} suggestions.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Areas</name>
    <message>
        <location filename="../../ordermgr/ui/areas.py" line="19" />
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/areas.py" line="20" />
        <source>Inventory</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/areas.py" line="21" />
        <source>Fulfilment</source>
        <translation>履约</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/areas.py" line="22" />
        <source>Returns</source>
        <translation>售后</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/areas.py" line="23" />
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/areas.py" line="24" />
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/areas.py" line="25" />
        <source>Storefronts</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/areas.py" line="26" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>BulkReportDialog</name>
    <message>
        <location filename="../../ordermgr/ui/orders/dialogs.py" line="172" />
        <source>{0} done, {1} refused.</source>
        <translation>完成 {0} 个，拒绝 {1} 个。</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/dialogs.py" line="174" />
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/dialogs.py" line="174" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/dialogs.py" line="174" />
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/dialogs.py" line="179" />
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/dialogs.py" line="179" />
        <source>refused</source>
        <translation>被拒绝</translation>
    </message>
</context>
<context>
    <name>BulkWaybillImport</name>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/bulk.py" line="27" />
        <source>Paste from Excel: order number &lt;Tab&gt; waybill number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/bulk.py" line="29" />
        <source>Detect from the number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/bulk.py" line="30" />
        <source>Open CSV/Excel…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/bulk.py" line="31" />
        <source>Preview</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/bulk.py" line="32" />
        <source>Import all</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/bulk.py" line="36" />
        <source>Row</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/bulk.py" line="36" />
        <source>Order</source>
        <translation type="unfinished">订单</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/bulk.py" line="36" />
        <source>Waybill</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/bulk.py" line="37" />
        <location filename="../../ordermgr/ui/fulfilment/bulk.py" line="41" />
        <source>Carrier</source>
        <translation type="unfinished">承运商</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/bulk.py" line="37" />
        <source>Problem</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/bulk.py" line="58" />
        <source>Waybill list</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/bulk.py" line="59" />
        <source>Lists (*.csv *.txt *.xlsx)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/bulk.py" line="73" />
        <source>Checking the list…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/bulk.py" line="81" />
        <source>ok</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/bulk.py" line="88" />
        <source>{0} of {1} rows have problems; fix them to import.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/bulk.py" line="91" />
        <source>{0} rows ready.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/bulk.py" line="97" />
        <source>Importing waybills…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/bulk.py" line="100" />
        <source>{0} shipments created.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CarrierDialog</name>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/waybill.py" line="38" />
        <source>Add a carrier</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/waybill.py" line="43" />
        <source>BE followed by 10 digits</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/waybill.py" line="45" />
        <source>Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/waybill.py" line="46" />
        <source>Waybill pattern</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/waybill.py" line="47" />
        <source>Format in words</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/waybill.py" line="48" />
        <source>Tracking URL</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/waybill.py" line="49" />
        <source>Delayed after (days)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CaseQueues</name>
    <message>
        <location filename="../../ordermgr/ui/aftersales/desk.py" line="52" />
        <source>RMA or order number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/desk.py" line="71" />
        <source>New case…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/desk.py" line="71" />
        <source>Approve…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/desk.py" line="72" />
        <source>Reject…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/desk.py" line="72" />
        <location filename="../../ordermgr/ui/aftersales/desk.py" line="213" />
        <source>Refund</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/desk.py" line="73" />
        <source>Re-ship</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/desk.py" line="73" />
        <source>Exchange…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/desk.py" line="74" />
        <source>Close</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/desk.py" line="74" />
        <source>Cancel case…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/desk.py" line="75" />
        <source>Intercept…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/desk.py" line="75" />
        <source>Attach file…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/desk.py" line="76" />
        <source>Open attachment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/desk.py" line="153" />
        <source>Order #{0}, {1}. Refund {2}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/desk.py" line="157" />
        <source>SKU</source>
        <translation type="unfinished">SKU</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/desk.py" line="157" />
        <source>Qty</source>
        <translation type="unfinished">数量</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/desk.py" line="157" />
        <source>Received</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/desk.py" line="157" />
        <location filename="../../ordermgr/ui/aftersales/desk.py" line="206" />
        <source>Reason</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/desk.py" line="158" />
        <source>Inspection</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/desk.py" line="164" />
        <source>Refund {0}: {1} {2} ({3}) {4}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/desk.py" line="168" />
        <source>Attachments: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/desk.py" line="171" />
        <source>Intercept: {0} {1}, {2}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/desk.py" line="206" />
        <source>Why?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/desk.py" line="213" />
        <source>Reference of the refund (bank, cash or gateway) if it is paid back by hand; empty if the storefront does it:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/desk.py" line="222" />
        <location filename="../../ordermgr/ui/aftersales/desk.py" line="229" />
        <source>Exchange</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/desk.py" line="223" />
        <source>Replacement items as SKU:QTY, separated by commas:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/desk.py" line="229" />
        <source>Write the items as SKU:QTY, e.g. TEA-01:2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/desk.py" line="242" />
        <source>Ask the carrier to stop the parcel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/desk.py" line="243" />
        <source>The carrier stopped it; it is coming back</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/desk.py" line="244" />
        <source>The parcel came back</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/desk.py" line="245" />
        <source>It was delivered anyway</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/desk.py" line="246" />
        <source>The carrier could not stop it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/desk.py" line="247" />
        <location filename="../../ordermgr/ui/aftersales/desk.py" line="253" />
        <location filename="../../ordermgr/ui/aftersales/desk.py" line="256" />
        <source>Parcel intercept</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/desk.py" line="247" />
        <source>What happened?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/desk.py" line="253" />
        <source>Carrier:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/desk.py" line="257" />
        <source>Carrier's request number:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/desk.py" line="264" />
        <source>Attach a file to the case</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/desk.py" line="265" />
        <source>Images and documents (*.jpg *.jpeg *.png *.pdf *.heic);;All files (*)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CustomerDesk</name>
    <message>
        <location filename="../../ordermgr/ui/customers.py" line="32" />
        <source>Name, phone, email or order number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/customers.py" line="47" />
        <source>Tags, separated by commas</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/customers.py" line="50" />
        <source>Save notes and tags</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/customers.py" line="55" />
        <source>Order</source>
        <translation type="unfinished">订单</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/customers.py" line="56" />
        <source>Placed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/customers.py" line="57" />
        <location filename="../../ordermgr/ui/customers.py" line="69" />
        <source>Status</source>
        <translation type="unfinished">状态</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/customers.py" line="58" />
        <source>Payment</source>
        <translation type="unfinished">付款</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/customers.py" line="59" />
        <source>Items</source>
        <translation type="unfinished">件数</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/customers.py" line="60" />
        <source>Total</source>
        <translation type="unfinished">金额</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/customers.py" line="66" />
        <source>Kind</source>
        <translation type="unfinished">类型</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/customers.py" line="67" />
        <source>Method</source>
        <translation type="unfinished">方式</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/customers.py" line="68" />
        <source>Amount</source>
        <translation type="unfinished">金额</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/customers.py" line="70" />
        <source>Reference</source>
        <translation type="unfinished">参考号</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/customers.py" line="71" />
        <source>Gateway</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/customers.py" line="72" />
        <source>Refund</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/customers.py" line="73" />
        <source>Storefront push</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/customers.py" line="74" />
        <source>When</source>
        <translation type="unfinished">时间</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/customers.py" line="84" />
        <source>Open a case for this order…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/customers.py" line="100" />
        <source>Tags:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/customers.py" line="105" />
        <source>Orders</source>
        <translation type="unfinished">订单</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/customers.py" line="108" />
        <source>Payments and refunds of the selected order</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/customers.py" line="110" />
        <source>Cases</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/customers.py" line="172" />
        <source>{0} orders · spent {1} · refunded {2} · return rate {3:.0%}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/customers.py" line="222" />
        <source>Saving…</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../ordermgr/ui/reports/dashboard.py" line="95" />
        <source>Refresh</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/dashboard.py" line="99" />
        <source>Period</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/dashboard.py" line="108" />
        <source>Orders today</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/dashboard.py" line="108" />
        <source>Revenue today</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/dashboard.py" line="109" />
        <source>Orders in period</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/dashboard.py" line="109" />
        <source>Revenue in period</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/dashboard.py" line="110" />
        <source>Average order value</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/dashboard.py" line="110" />
        <source>Units sold</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/dashboard.py" line="111" />
        <source>Refunds</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/dashboard.py" line="111" />
        <source>Late shipments</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/dashboard.py" line="112" />
        <source>Low-stock SKUs</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/dashboard.py" line="112" />
        <source>Open after-sales cases</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/dashboard.py" line="116" />
        <source>Awaiting payment</source>
        <translation type="unfinished">待付款</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/dashboard.py" line="116" />
        <source>On hold</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/dashboard.py" line="117" />
        <source>To fulfil</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/dashboard.py" line="117" />
        <source>Allocated</source>
        <translation type="unfinished">已分配库存</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/dashboard.py" line="118" />
        <source>Picking</source>
        <translation type="unfinished">拣货中</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/dashboard.py" line="118" />
        <source>Packed</source>
        <translation type="unfinished">已打包</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/dashboard.py" line="119" />
        <source>Exceptions</source>
        <translation type="unfinished">异常</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/dashboard.py" line="131" />
        <source>Orders waiting per queue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/dashboard.py" line="163" />
        <source>Updating…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/dashboard.py" line="170" />
        <source>Could not update: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/dashboard.py" line="178" />
        <source>{0} units</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/dashboard.py" line="181" />
        <location filename="../../ordermgr/ui/reports/dashboard.py" line="185" />
        <source>previous period: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/dashboard.py" line="182" />
        <source>previous: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/dashboard.py" line="187" />
        <source>not shipped {0} h after the order</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/dashboard.py" line="188" />
        <source>available at or below threshold</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/dashboard.py" line="193" />
        <source>Updated {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/dashboard.py" line="203" />
        <source>Daily sales ({0}) against the previous period</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/dashboard.py" line="207" />
        <source>This period</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/dashboard.py" line="208" />
        <source>Previous period</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DeskDialogs</name>
    <message>
        <location filename="../../ordermgr/ui/orders/dialogs.py" line="34" />
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/dialogs.py" line="35" />
        <source>Tags separated by commas; prefix a tag with - to remove it:</source>
        <translation>标签以逗号分隔；在标签前加 - 可将其删除：</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/dialogs.py" line="47" />
        <source>Split order</source>
        <translation>拆分订单</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/dialogs.py" line="48" />
        <source>How many units of each line move to the new order?</source>
        <translation>每一行要移到新订单的数量是多少？</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/dialogs.py" line="54" />
        <source>Edit lines</source>
        <translation>修改商品行</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/dialogs.py" line="55" />
        <source>New quantity of each line (0 removes the line):</source>
        <translation>每一行的新数量（0 表示删除该行）：</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/dialogs.py" line="60" />
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/dialogs.py" line="65" />
        <source>Reload</source>
        <translation>重新加载</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/dialogs.py" line="85" />
        <source>Current state of order #{0} (version {1}):</source>
        <translation>订单 #{0} 的当前状态（版本 {1}）：</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/dialogs.py" line="87" />
        <source>Status: {0}</source>
        <translation>状态：{0}</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/dialogs.py" line="89" />
        <source>Payment: {0}</source>
        <translation>付款：{0}</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/dialogs.py" line="91" />
        <source>Total: {0} {1}</source>
        <translation>合计：{0} {1}</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/dialogs.py" line="96" />
        <source>Last change: {0} by {1}</source>
        <translation>最近的修改：{0}（{1}）</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/dialogs.py" line="98" />
        <source>Nothing of yours was saved. Check the order and do it again if still needed.</source>
        <translation>您的操作没有保存。请检查订单，如仍需要请重新操作。</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../ordermgr/ui/errors.py" line="15" />
        <source>Cannot do that</source>
        <translation>无法执行</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/errors.py" line="19" />
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/errors.py" line="20" />
        <source>Something went wrong inside ordermgr. Nothing half-done was saved. Please send the details below to your administrator.</source>
        <translation>ordermgr 内部出错。没有保存任何未完成的内容。请将下面的详细信息发送给管理员。</translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/exceptions.py" line="30" />
        <source>Tracking event</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/exceptions.py" line="36" />
        <source>Waybill</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/exceptions.py" line="37" />
        <source>Status</source>
        <translation type="unfinished">状态</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/exceptions.py" line="38" />
        <source>Location</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/exceptions.py" line="39" />
        <source>Description</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../ordermgr/ui/orders/desk.py" line="97" />
        <source>All stores</source>
        <translation>全部店铺</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/desk.py" line="100" />
        <source>min</source>
        <translation>最小</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/desk.py" line="101" />
        <source>max</source>
        <translation>最大</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/desk.py" line="103" />
        <source>CN</source>
        <translation>CN</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/desk.py" line="106" />
        <source>tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/desk.py" line="108" />
        <source>Any payment</source>
        <translation>任意付款状态</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/desk.py" line="112" />
        <source>Any fulfilment</source>
        <translation>任意履约状态</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/desk.py" line="119" />
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/desk.py" line="121" />
        <source>Store</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/desk.py" line="121" />
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/desk.py" line="122" />
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/desk.py" line="122" />
        <source>Total</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/desk.py" line="123" />
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/desk.py" line="124" />
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/desk.py" line="142" />
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/desk.py" line="180" />
        <source>Not an amount; this filter is ignored.</source>
        <translation>不是有效金额；此筛选条件被忽略。</translation>
    </message>
</context>
<context>
    <name>FulfilmentPage</name>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/__init__.py" line="24" />
        <source>Pick batches</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/__init__.py" line="25" />
        <source>Packing station</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/__init__.py" line="26" />
        <source>Waybills</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/__init__.py" line="27" />
        <source>Bulk waybill import</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/__init__.py" line="28" />
        <source>Tracking and exceptions</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>GeneralSettings</name>
    <message>
        <location filename="../../ordermgr/ui/settings.py" line="63" />
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/settings.py" line="72" />
        <source>Only an admin may change this.</source>
        <translation>只有管理员可以修改此项。</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/settings.py" line="73" />
        <source>Role of new users:</source>
        <translation>新用户的角色：</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/settings.py" line="74" />
        <source>Users are created the first time they sign in; the very first user of a database is an admin.</source>
        <translation>用户在首次登录时创建；数据库的第一个用户是管理员。</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/settings.py" line="107" />
        <source>The new language is used for windows opened from now on; restart ordermgr to see it everywhere.</source>
        <translation>新语言将用于此后打开的窗口；重新启动 ordermgr 后全部生效。</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../ordermgr/ui/inventory/import_dialog.py" line="19" />
        <source>Import products and stock</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/import_dialog.py" line="26" />
        <source>An Excel (.xlsx) or CSV file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/import_dialog.py" line="27" />
        <source>Choose…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/import_dialog.py" line="34" />
        <location filename="../../ordermgr/ui/inventory/import_dialog.py" line="38" />
        <source>Line</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/import_dialog.py" line="34" />
        <source>Column</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/import_dialog.py" line="34" />
        <source>What is wrong</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/import_dialog.py" line="38" />
        <source>SKU</source>
        <translation type="unfinished">SKU</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/import_dialog.py" line="38" />
        <source>Action</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/import_dialog.py" line="38" />
        <source>Warehouse</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/import_dialog.py" line="39" />
        <source>On hand</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/import_dialog.py" line="39" />
        <source>Change</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/import_dialog.py" line="39" />
        <source>Threshold</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/import_dialog.py" line="47" />
        <source>Errors</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/import_dialog.py" line="48" />
        <source>Rows</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/import_dialog.py" line="50" />
        <source>Import all</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/import_dialog.py" line="64" />
        <source>Import</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/import_dialog.py" line="65" />
        <source>Spreadsheets (*.xlsx *.csv)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/import_dialog.py" line="73" />
        <source>Checking {0}…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/import_dialog.py" line="91" />
        <source>{0} rows can't be imported. Fix them in the file and load it again; nothing will be written until every row is right.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/import_dialog.py" line="96" />
        <source>Ready: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/import_dialog.py" line="107" />
        <source>Imported {0} rows: {1} new SKUs, {2} stock movements.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/import_dialog.py" line="115" />
        <source>Importing…</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>InventoryPage</name>
    <message>
        <location filename="../../ordermgr/ui/inventory/page.py" line="261" />
        <source>Stock</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/page.py" line="262" />
        <source>Adjustments</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/page.py" line="263" />
        <source>Stocktake</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/page.py" line="264" />
        <source>Transfers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/page.py" line="265" />
        <source>Low stock &amp;&amp; reorder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/page.py" line="304" />
        <source>Low stock: {0} in {1} is down to {2} (threshold {3})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/page.py" line="307" />
        <source> and {0} more</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/page.py" line="310" />
        <source>Low stock &amp;&amp; reorder ({0})</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>LineQuantitiesDialog</name>
    <message>
        <location filename="../../ordermgr/ui/orders/dialogs.py" line="137" />
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/dialogs.py" line="137" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/dialogs.py" line="137" />
        <source>Ordered</source>
        <translation>订购数量</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/dialogs.py" line="138" />
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ordermgr/ui/main_window.py" line="32" />
        <source>ordermgr</source>
        <translation>ordermgr</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/main_window.py" line="109" />
        <location filename="../../ordermgr/ui/main_window.py" line="111" />
        <source>This area is not part of this version yet.</source>
        <translation>此版本尚未包含该功能区。</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/main_window.py" line="118" />
        <source>This area could not be opened ({0}). The other areas still work; please tell your administrator.</source>
        <translation>无法打开此功能区（{0}）。其他功能区仍可使用；请告知管理员。</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/main_window.py" line="129" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/main_window.py" line="130" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/main_window.py" line="133" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/main_window.py" line="139" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/main_window.py" line="140" />
        <source>&amp;About ordermgr</source>
        <translation>关于 ordermgr(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/main_window.py" line="142" />
        <source>About ordermgr</source>
        <translation>关于 ordermgr</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/main_window.py" line="143" />
        <source>ordermgr {0}: order management for online shops.</source>
        <translation>ordermgr {0}：网店订单管理。</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/main_window.py" line="150" />
        <source>Database: {0}</source>
        <translation>数据库：{0}</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/main_window.py" line="152" />
        <source>User: {0} ({1})</source>
        <translation>用户：{0}（{1}）</translation>
    </message>
</context>
<context>
    <name>NewOrderDialog</name>
    <message>
        <location filename="../../ordermgr/ui/orders/new_order.py" line="32" />
        <source>New order</source>
        <translation>新建订单</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/new_order.py" line="39" />
        <source>Find a customer by name, phone or email</source>
        <translation>按姓名、电话或邮箱查找客户</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/new_order.py" line="42" />
        <source>New customer</source>
        <translation>新客户</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/new_order.py" line="44" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/new_order.py" line="48" />
        <source>Chosen:</source>
        <translation>已选择：</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/new_order.py" line="49" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/new_order.py" line="50" />
        <location filename="../../ordermgr/ui/orders/new_order.py" line="57" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/new_order.py" line="51" />
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/new_order.py" line="57" />
        <source>Recipient</source>
        <translation>收件人</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/new_order.py" line="58" />
        <source>Street</source>
        <translation>街道地址</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/new_order.py" line="58" />
        <source>Street (2)</source>
        <translation>街道地址（2）</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/new_order.py" line="59" />
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/new_order.py" line="59" />
        <source>Region</source>
        <translation>省/地区</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/new_order.py" line="60" />
        <source>Postcode</source>
        <translation>邮编</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/new_order.py" line="60" />
        <source>Country (2 letters)</source>
        <translation>国家（两位字母）</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/new_order.py" line="61" />
        <source>Ship to</source>
        <translation>收货地址</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/new_order.py" line="70" />
        <source>Add a line: SKU, name or scan a barcode, then Enter</source>
        <translation>添加商品：输入 SKU、名称或扫描条码，然后按回车</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/new_order.py" line="75" />
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/new_order.py" line="75" />
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/new_order.py" line="76" />
        <source>Available</source>
        <translation>可用</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/new_order.py" line="76" />
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/new_order.py" line="77" />
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/new_order.py" line="77" />
        <source>Line total</source>
        <translation>小计</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/new_order.py" line="81" />
        <source>Remove line</source>
        <translation>删除行</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/new_order.py" line="91" />
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/new_order.py" line="92" />
        <source>Shipping</source>
        <translation>运费</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/new_order.py" line="93" />
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/new_order.py" line="99" />
        <source>Order note (optional)</source>
        <translation>订单备注（可选）</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/new_order.py" line="183" />
        <source>No product matches {0}.</source>
        <translation>没有与 {0} 匹配的商品。</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/new_order.py" line="188" />
        <source>{0} · {1} · {2} available</source>
        <translation>{0} · {1} · 可用 {2}</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/new_order.py" line="213" />
        <source>Out of stock: the order will be backordered.</source>
        <translation>缺货：订单将进入缺货等待。</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/new_order.py" line="252" />
        <source>Subtotal {0} · Total {1}</source>
        <translation>小计 {0} · 合计 {1}</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/new_order.py" line="283" />
        <source>Saving the order…</source>
        <translation>正在保存订单…</translation>
    </message>
</context>
<context>
    <name>Ops</name>
    <message>
        <location filename="../../ordermgr/ui/ops.py" line="99" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>OrderActions</name>
    <message>
        <location filename="../../ordermgr/ui/orders/actions.py" line="40" />
        <source>&amp;Confirm</source>
        <translation>确认(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/actions.py" line="42" />
        <source>Put on &amp;hold…</source>
        <translation>挂起(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/actions.py" line="44" />
        <source>&amp;Release</source>
        <translation>解除挂起(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/actions.py" line="46" />
        <source>Cance&amp;l order…</source>
        <translation>取消订单(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/actions.py" line="48" />
        <source>Add &amp;note…</source>
        <translation>添加备注(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/actions.py" line="50" />
        <source>&amp;Tags…</source>
        <translation>标签(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/actions.py" line="52" />
        <source>Edit &amp;address…</source>
        <translation>修改地址(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/actions.py" line="54" />
        <source>Edit l&amp;ines…</source>
        <translation>修改商品(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/actions.py" line="56" />
        <source>&amp;Split…</source>
        <translation>拆分(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/actions.py" line="58" />
        <source>&amp;Merge</source>
        <translation>合并(&amp;M)</translation>
    </message>
</context>
<context>
    <name>OrderDesk</name>
    <message>
        <location filename="../../ordermgr/ui/orders/desk.py" line="247" />
        <source>Search number, name, email, phone, tracking number or SKU; scan a barcode (Ctrl+F)</source>
        <translation>搜索订单号、姓名、邮箱、电话、运单号或 SKU；可扫描条码（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/desk.py" line="252" />
        <source>Filters</source>
        <translation>筛选</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/desk.py" line="284" />
        <source>&amp;New order…</source>
        <translation>新建订单(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/desk.py" line="294" />
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/desk.py" line="296" />
        <source>&amp;Open detail</source>
        <translation>打开详情(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/desk.py" line="381" />
        <source>&amp;Orders</source>
        <translation>订单(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/desk.py" line="512" />
        <source>No order matches the scanned code {0}.</source>
        <translation>没有与扫描码 {0} 匹配的订单。</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/desk.py" line="545" />
        <source>{0} orders loaded</source>
        <translation>已加载 {0} 个订单</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/desk.py" line="548" />
        <source>{0} of {1} orders</source>
        <translation>{0} / {1} 个订单</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/desk.py" line="706" />
        <source>Why is order #{0} put on hold?</source>
        <translation>订单 #{0} 挂起的原因是什么？</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/desk.py" line="720" />
        <source>Why is order #{0} cancelled? Its reserved stock is released.</source>
        <translation>订单 #{0} 取消的原因是什么？其预留库存将被释放。</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/desk.py" line="728" />
        <source>Internal note on order #{0}:</source>
        <translation>订单 #{0} 的内部备注：</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/desk.py" line="769" />
        <source>Merge {0} into the oldest of them? The others are cancelled.</source>
        <translation>将 {0} 合并到其中最早的订单？其他订单将被取消。</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/desk.py" line="821" />
        <source>Reason for the {0} selected orders:</source>
        <translation>所选 {0} 个订单的原因：</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/desk.py" line="855" />
        <source>Not done: the run was cancelled.</source>
        <translation>未执行：操作已取消。</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/desk.py" line="858" />
        <source>{0}: {1} orders</source>
        <translation>{0}：{1} 个订单</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/desk.py" line="862" />
        <source>{0} {1} orders…</source>
        <translation>{0} {1} 个订单…</translation>
    </message>
</context>
<context>
    <name>OrderDetailPanel</name>
    <message>
        <location filename="../../ordermgr/ui/orders/detail.py" line="50" />
        <source>Close the detail (Esc)</source>
        <translation>关闭详情（Esc）</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/detail.py" line="66" />
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/detail.py" line="66" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/detail.py" line="66" />
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/detail.py" line="67" />
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/detail.py" line="67" />
        <source>Total</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/detail.py" line="67" />
        <source>Reserved</source>
        <translation>已预留</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/detail.py" line="68" />
        <location filename="../../ordermgr/ui/orders/detail.py" line="84" />
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/detail.py" line="68" />
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/detail.py" line="69" />
        <source>Lines</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/detail.py" line="76" />
        <source>Customer:</source>
        <translation>客户：</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/detail.py" line="77" />
        <source>Contact:</source>
        <translation>联系方式：</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/detail.py" line="78" />
        <source>Ship to:</source>
        <translation>收货地址：</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/detail.py" line="79" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/detail.py" line="80" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/detail.py" line="80" />
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/detail.py" line="80" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/detail.py" line="81" />
        <location filename="../../ordermgr/ui/orders/detail.py" line="84" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/detail.py" line="81" />
        <source>Reference</source>
        <translation>参考号</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/detail.py" line="81" />
        <location filename="../../ordermgr/ui/orders/detail.py" line="87" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/detail.py" line="82" />
        <source>Payments</source>
        <translation>付款</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/detail.py" line="83" />
        <source>Carrier</source>
        <translation>承运商</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/detail.py" line="83" />
        <source>Tracking number</source>
        <translation>运单号</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/detail.py" line="84" />
        <source>Delivered</source>
        <translation>已签收</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/detail.py" line="85" />
        <source>Last event</source>
        <translation>最新动态</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/detail.py" line="86" />
        <source>Shipments</source>
        <translation>发货</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/detail.py" line="87" />
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/detail.py" line="87" />
        <source>What</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/detail.py" line="88" />
        <source>Message</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/detail.py" line="89" />
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/detail.py" line="92" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/detail.py" line="137" />
        <source>Order #{0}</source>
        <translation>订单 #{0}</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/detail.py" line="138" />
        <source>Status: {0}</source>
        <translation>状态：{0}</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/detail.py" line="139" />
        <source>Payment: {0}</source>
        <translation>付款：{0}</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/detail.py" line="140" />
        <source>Fulfilment: {0}</source>
        <translation>履约：{0}</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/detail.py" line="141" />
        <source>Total: {0}</source>
        <translation>合计：{0}</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/detail.py" line="142" />
        <source>Store: {0}</source>
        <translation>店铺：{0}</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/detail.py" line="143" />
        <source>Placed: {0}</source>
        <translation>下单：{0}</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/detail.py" line="145" />
        <source>On hold: {0}</source>
        <translation>挂起原因：{0}</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/detail.py" line="147" />
        <source>Tags: {0}</source>
        <translation>标签：{0}</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/detail.py" line="173" />
        <source>Order note: {0}</source>
        <translation>订单备注：{0}</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/detail.py" line="174" />
        <source>No internal notes yet.</source>
        <translation>暂无内部备注。</translation>
    </message>
</context>
<context>
    <name>OrderTableModel</name>
    <message>
        <location filename="../../ordermgr/ui/orders/model.py" line="85" />
        <source>{0} min</source>
        <translation>{0} 分钟</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/model.py" line="87" />
        <source>{0} h</source>
        <translation>{0} 小时</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/model.py" line="89" />
        <source>{0} d</source>
        <translation>{0} 天</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/model.py" line="111" />
        <source>Number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/model.py" line="113" />
        <source>Store</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/model.py" line="114" />
        <source>Placed at</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/model.py" line="116" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/model.py" line="118" />
        <source>Items</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/model.py" line="120" />
        <source>Total</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/model.py" line="122" />
        <source>Payment</source>
        <translation>付款</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/model.py" line="124" />
        <source>Fulfilment</source>
        <translation>履约</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/model.py" line="126" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/model.py" line="128" />
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/model.py" line="129" />
        <source>Age</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/model.py" line="178" />
        <source>This column can't be sorted.</source>
        <translation>此列不能排序。</translation>
    </message>
</context>
<context>
    <name>PackingStation</name>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/packing.py" line="61" />
        <source>Scan the order barcode or batch slot</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/packing.py" line="63" />
        <source>Scan each item</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/packing.py" line="66" />
        <source>For bulk items: type the quantity, then scan once</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/packing.py" line="67" />
        <location filename="../../ordermgr/ui/fulfilment/packing.py" line="110" />
        <source>Scan an order to start.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/packing.py" line="71" />
        <source>SKU</source>
        <translation type="unfinished">SKU</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/packing.py" line="71" />
        <location filename="../../ordermgr/ui/fulfilment/packing.py" line="82" />
        <source>Item</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/packing.py" line="71" />
        <source>Scanned</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/packing.py" line="72" />
        <source>Missing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/packing.py" line="75" />
        <source>Supervisor override…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/packing.py" line="77" />
        <source>Start over</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/packing.py" line="80" />
        <source>Order</source>
        <translation type="unfinished">订单</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/packing.py" line="84" />
        <source>Qty</source>
        <translation type="unfinished">数量</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/packing.py" line="144" />
        <source>Order #{0}: scan the items.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/packing.py" line="175" />
        <source>Marking packed…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/packing.py" line="183" />
        <source>Order #{0} is packed. Scan the next order.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/packing.py" line="198" />
        <source>nothing</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PickBatches</name>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/batches.py" line="24" />
        <source>or order numbers, comma separated</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/batches.py" line="25" />
        <source>Start batch from allocated queue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/batches.py" line="26" />
        <source>Start batch from these orders</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/batches.py" line="27" />
        <source>Pick list PDF…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/batches.py" line="28" />
        <source>Slips and labels PDF…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/batches.py" line="30" />
        <source>Batch</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/batches.py" line="30" />
        <source>Status</source>
        <translation type="unfinished">状态</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/batches.py" line="31" />
        <source>Created</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/batches.py" line="32" />
        <location filename="../../ordermgr/ui/fulfilment/batches.py" line="40" />
        <source>Orders</source>
        <translation type="unfinished">订单</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/batches.py" line="64" />
        <location filename="../../ordermgr/ui/fulfilment/batches.py" line="70" />
        <location filename="../../ordermgr/ui/fulfilment/batches.py" line="85" />
        <source>Starting the batch…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/batches.py" line="88" />
        <source>Batch started; its orders are now being picked.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/batches.py" line="98" />
        <source>Start a batch first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/batches.py" line="103" />
        <source>Save PDF</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/batches.py" line="104" />
        <source>PDF (*.pdf)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/batches.py" line="123" />
        <source>Writing the PDF…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/batches.py" line="124" />
        <source>Saved {0}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Queues</name>
    <message>
        <location filename="../../ordermgr/ui/orders/desk.py" line="41" />
        <source>Awaiting payment</source>
        <translation>待付款</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/desk.py" line="42" />
        <source>To review / on hold</source>
        <translation>待审核 / 挂起</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/desk.py" line="43" />
        <source>Awaiting fulfilment</source>
        <translation>待履约</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/desk.py" line="44" />
        <source>Allocated</source>
        <translation>已分配库存</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/desk.py" line="45" />
        <source>Picking</source>
        <translation>拣货中</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/desk.py" line="46" />
        <source>Packed</source>
        <translation>已打包</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/desk.py" line="47" />
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/desk.py" line="48" />
        <source>Delivered</source>
        <translation>已签收</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/desk.py" line="49" />
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/desk.py" line="50" />
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/desk.py" line="51" />
        <source>Exceptions</source>
        <translation>异常</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/desk.py" line="52" />
        <source>All</source>
        <translation>全部</translation>
    </message>
</context>
<context>
    <name>RatesDialog</name>
    <message>
        <location filename="../../ordermgr/ui/reports/rates.py" line="26" />
        <source>Exchange rates</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/rates.py" line="28" />
        <source>Rate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/rates.py" line="28" />
        <source>Valid from</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/rates.py" line="29" />
        <source>Entered</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/rates.py" line="41" />
        <source>Save rate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/rates.py" line="45" />
        <source>from</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ReconciliationPage</name>
    <message>
        <location filename="../../ordermgr/ui/aftersales/reconcile.py" line="23" />
        <source>paid less than the order total</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/reconcile.py" line="24" />
        <source>paid more than the order total</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/reconcile.py" line="25" />
        <source>refunded more than was paid</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/reconcile.py" line="26" />
        <source>cancelled but money was kept</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/reconcile.py" line="27" />
        <source>goods shipped but nothing paid</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/reconcile.py" line="28" />
        <source>Order</source>
        <translation type="unfinished">订单</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/reconcile.py" line="28" />
        <source>Store</source>
        <translation type="unfinished">店铺</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/reconcile.py" line="29" />
        <source>Placed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/reconcile.py" line="30" />
        <source>Status</source>
        <translation type="unfinished">状态</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/reconcile.py" line="31" />
        <source>Total</source>
        <translation type="unfinished">金额</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/reconcile.py" line="32" />
        <source>Paid</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/reconcile.py" line="33" />
        <source>Refunded</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/reconcile.py" line="34" />
        <source>Shipped value</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/reconcile.py" line="35" />
        <source>Problem</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/reconcile.py" line="39" />
        <source>All stores</source>
        <translation type="unfinished">全部店铺</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/reconcile.py" line="42" />
        <source>Check</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/reconcile.py" line="46" />
        <source>Store:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/reconcile.py" line="46" />
        <source>From:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/reconcile.py" line="47" />
        <source>To:</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <location filename="../../ordermgr/ui/reports/report_page.py" line="112" />
        <source>All stores</source>
        <translation type="unfinished">全部店铺</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/report_page.py" line="113" />
        <source>All warehouses</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/report_page.py" line="115" />
        <source>All (per currency)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/report_page.py" line="116" />
        <source>No conversion</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/report_page.py" line="121" />
        <source>Day</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/report_page.py" line="121" />
        <source>Week</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/report_page.py" line="121" />
        <source>Month</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/report_page.py" line="125" />
        <location filename="../../ordermgr/ui/reports/report_page.py" line="138" />
        <source>Period</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/report_page.py" line="125" />
        <location filename="../../ordermgr/ui/reports/report_page.py" line="141" />
        <source>Store</source>
        <translation type="unfinished">店铺</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/report_page.py" line="126" />
        <source>Country</source>
        <translation type="unfinished">国家</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/report_page.py" line="126" />
        <source>Category</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/report_page.py" line="137" />
        <source>Report</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/report_page.py" line="142" />
        <source>Warehouse</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/report_page.py" line="144" />
        <source>Currency</source>
        <translation type="unfinished">币种</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/report_page.py" line="145" />
        <source>Convert to</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/report_page.py" line="139" />
        <source>Group by period</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/report_page.py" line="140" />
        <source>Sales by</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/report_page.py" line="143" />
        <source>Slow seller after (days)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/report_page.py" line="146" />
        <source>File language</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/report_page.py" line="151" />
        <source>Run report</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/report_page.py" line="157" />
        <source>Export to Excel…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/report_page.py" line="157" />
        <source>Export to PDF…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/report_page.py" line="158" />
        <source>Export to CSV…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/report_page.py" line="164" />
        <source>Export order rows…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/report_page.py" line="165" />
        <source>Every order of the period as one row (Excel or CSV)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/report_page.py" line="168" />
        <source>Exchange rates…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/report_page.py" line="175" />
        <source>Save preset…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/report_page.py" line="177" />
        <source>Delete preset</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/report_page.py" line="179" />
        <source>Presets</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/report_page.py" line="277" />
        <source>Running…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/report_page.py" line="279" />
        <source>Running the report…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/report_page.py" line="285" />
        <source>Cancelled.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/report_page.py" line="315" />
        <source>No data for this period.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/report_page.py" line="316" />
        <source>{0} rows.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/report_page.py" line="326" />
        <source>Excel workbook (*.xlsx)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/report_page.py" line="326" />
        <source>PDF (*.pdf)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/report_page.py" line="327" />
        <source>CSV (*.csv)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/report_page.py" line="328" />
        <source>Export report</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/report_page.py" line="340" />
        <source>Exporting…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/report_page.py" line="341" />
        <location filename="../../ordermgr/ui/reports/report_page.py" line="375" />
        <source>Writing {0}…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/report_page.py" line="345" />
        <source>Saved {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/report_page.py" line="350" />
        <source>Export cancelled; no file was written.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/report_page.py" line="352" />
        <source>Export failed: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/report_page.py" line="363" />
        <source>Export order rows</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/report_page.py" line="364" />
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/report_page.py" line="372" />
        <source>Exporting order rows…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/report_page.py" line="376" />
        <source>{0} ({1} orders)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/report_page.py" line="420" />
        <source>Save preset</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/report_page.py" line="420" />
        <source>Name of the preset:</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <location filename="../../ordermgr/ui/reports/presets.py" line="14" />
        <source>Today</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/presets.py" line="15" />
        <source>Yesterday</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/presets.py" line="16" />
        <source>Last 7 days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/presets.py" line="17" />
        <source>Last 30 days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/presets.py" line="18" />
        <source>This month</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/presets.py" line="19" />
        <source>Last month</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/presets.py" line="20" />
        <source>This quarter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/presets.py" line="21" />
        <source>This year</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/presets.py" line="22" />
        <source>Last 12 months</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/presets.py" line="23" />
        <source>Custom dates</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ReportsArea</name>
    <message>
        <location filename="../../ordermgr/ui/reports/__init__.py" line="17" />
        <source>Dashboard</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/reports/__init__.py" line="18" />
        <source>Reports</source>
        <translation type="unfinished">报表</translation>
    </message>
</context>
<context>
    <name>ReturnApprovalForm</name>
    <message>
        <location filename="../../ordermgr/ui/aftersales/approval.py" line="52" />
        <source>Approve return</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/approval.py" line="52" />
        <source>New after-sales case</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/approval.py" line="64" />
        <source>Loading…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/approval.py" line="74" />
        <source>Type:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/approval.py" line="80" />
        <source>SKU</source>
        <translation type="unfinished">SKU</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/approval.py" line="80" />
        <source>Item</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/approval.py" line="80" />
        <source>Shipped</source>
        <translation type="unfinished">已发货</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/approval.py" line="81" />
        <source>Returnable</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/approval.py" line="81" />
        <source>Return</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/approval.py" line="82" />
        <source>Reason</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/approval.py" line="82" />
        <source>Value</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/approval.py" line="87" />
        <source>Refund</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/approval.py" line="90" />
        <source>Refund the shipping</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/approval.py" line="103" />
        <source>Why the amount differs from the computed one</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/approval.py" line="104" />
        <source>Goods:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/approval.py" line="106" />
        <source>Restocking fee:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/approval.py" line="107" />
        <source>Already refunded:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/approval.py" line="108" />
        <source>Computed refund:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/approval.py" line="109" />
        <source>Refund amount:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/approval.py" line="110" />
        <source>Reason for the amount:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/approval.py" line="114" />
        <source>Payment</source>
        <translation type="unfinished">付款</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/approval.py" line="114" />
        <source>Paid</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/approval.py" line="115" />
        <source>Already refunded</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/approval.py" line="115" />
        <source>Refundable</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/approval.py" line="116" />
        <source>This refund</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/approval.py" line="120" />
        <source>Goes back to:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/approval.py" line="125" />
        <source>Note for the case history</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/approval.py" line="128" />
        <source>Case reason:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/approval.py" line="129" />
        <source>Note:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/approval.py" line="139" />
        <source>Approve</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/approval.py" line="139" />
        <source>Open case</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/approval.py" line="161" />
        <location filename="../../ordermgr/ui/aftersales/approval.py" line="277" />
        <source>Order #{0}</source>
        <translation type="unfinished">订单 #{0}</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/approval.py" line="163" />
        <source>{0} on order #{1}, {2}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/approval.py" line="267" />
        <source>{0} of {1} paid</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/approval.py" line="280" />
        <source>{0}: the refund can't be negative.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/approval.py" line="282" />
        <source>{0}: a refund of {1} is more than the {2} still refundable (paid {3}, already refunded {4}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/approval.py" line="288" />
        <source>You changed the refund to {0} (computed {1}); give a reason.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/approval.py" line="292" />
        <source>{0} is above your approval limit of {1}; a supervisor must approve it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/approval.py" line="297" />
        <source>Choose the items and quantities for the {0}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/approval.py" line="314" />
        <source>(refund by hand)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/approval.py" line="358" />
        <source>Saving…</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ReturnsDeskPage</name>
    <message>
        <location filename="../../ordermgr/ui/aftersales/scan.py" line="30" />
        <source>Scan or type the RMA, order or waybill number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/scan.py" line="34" />
        <source>Scan each returned item</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/scan.py" line="42" />
        <source>SKU</source>
        <translation type="unfinished">SKU</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/scan.py" line="42" />
        <source>Item</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/scan.py" line="42" />
        <source>Expected</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/scan.py" line="43" />
        <source>Scanned</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/scan.py" line="43" />
        <source>Inspection</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/scan.py" line="45" />
        <source>Book in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/scan.py" line="48" />
        <source>Save inspection</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/scan.py" line="51" />
        <source>Start again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/scan.py" line="54" />
        <source>Case:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/scan.py" line="55" />
        <source>Item:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/scan.py" line="90" />
        <source>No open case for {0}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/scan.py" line="99" />
        <source>{0} — order #{1} — {2} — {3}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/scan.py" line="110" />
        <source>Sellable: back to stock</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/scan.py" line="111" />
        <source>Damaged: write off</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/scan.py" line="112" />
        <source>Back to supplier</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/scan.py" line="118" />
        <source>Scan the items now.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/scan.py" line="119" />
        <source>This case is {0}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/scan.py" line="132" />
        <source>{0} is not on return {1} for order #{2}; put it aside and check the parcel.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/scan.py" line="137" />
        <source>All {0} × {1} of return {2} are already scanned.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/scan.py" line="143" />
        <source>{0}: {1} of {2}.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../ordermgr/ui/settings.py" line="21" />
        <source>Clerk</source>
        <translation>文员</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/settings.py" line="22" />
        <source>Customer service agent</source>
        <translation>客服</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/settings.py" line="23" />
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/settings.py" line="24" />
        <source>Manager</source>
        <translation>经理</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/settings.py" line="25" />
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/settings.py" line="26" />
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/settings.py" line="111" />
        <source>General</source>
        <translation>常规</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../ordermgr/ui/orders/model.py" line="36" />
        <source>awaiting payment</source>
        <translation>待付款</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/model.py" line="37" />
        <source>awaiting fulfilment</source>
        <translation>待履约</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/model.py" line="38" />
        <source>backordered</source>
        <translation>缺货等待</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/model.py" line="39" />
        <source>allocated</source>
        <translation>已分配库存</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/model.py" line="40" />
        <source>picking</source>
        <translation>拣货中</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/model.py" line="41" />
        <source>packed</source>
        <translation>已打包</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/model.py" line="42" />
        <source>partially shipped</source>
        <translation>部分发货</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/model.py" line="43" />
        <source>shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/model.py" line="44" />
        <source>delivered</source>
        <translation>已签收</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/model.py" line="45" />
        <source>completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/model.py" line="46" />
        <source>on hold</source>
        <translation>挂起</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/model.py" line="47" />
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/model.py" line="48" />
        <source>pending</source>
        <translation>待付款</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/model.py" line="49" />
        <source>authorized</source>
        <translation>已授权</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/model.py" line="50" />
        <source>paid</source>
        <translation>已付款</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/model.py" line="51" />
        <source>partially refunded</source>
        <translation>部分退款</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/model.py" line="52" />
        <source>refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/model.py" line="53" />
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/model.py" line="54" />
        <source>voided</source>
        <translation>已作废</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/model.py" line="55" />
        <source>unfulfilled</source>
        <translation>未发货</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/model.py" line="56" />
        <source>partially fulfilled</source>
        <translation>部分发货</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/model.py" line="57" />
        <source>fulfilled</source>
        <translation>已发货</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/model.py" line="58" />
        <source>label created</source>
        <translation>已生成面单</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/model.py" line="59" />
        <source>in transit</source>
        <translation>运输中</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/model.py" line="60" />
        <source>out for delivery</source>
        <translation>派送中</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/model.py" line="61" />
        <source>exception</source>
        <translation>异常</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/model.py" line="62" />
        <source>returned to sender</source>
        <translation>已退回寄件人</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/orders/model.py" line="63" />
        <source>lost</source>
        <translation>丢失</translation>
    </message>
</context>
<context>
    <name>StockTab</name>
    <message>
        <location filename="../../ordermgr/ui/inventory/page.py" line="28" />
        <location filename="../../ordermgr/ui/inventory/page.py" line="72" />
        <source>All warehouses</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/page.py" line="31" />
        <source>All products</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/page.py" line="32" />
        <source>Low stock only</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/page.py" line="34" />
        <source>Search SKU, barcode or name…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/page.py" line="36" />
        <source>Import…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/page.py" line="37" />
        <source>Export…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/page.py" line="102" />
        <source>{0} stock levels</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/page.py" line="124" />
        <location filename="../../ordermgr/ui/inventory/page.py" line="128" />
        <source>Export stock</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/page.py" line="125" />
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/page.py" line="128" />
        <source>Wrote {0} stock levels.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>StocktakeTab</name>
    <message>
        <location filename="../../ordermgr/ui/inventory/stocktake.py" line="32" />
        <source>first bin (optional)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/stocktake.py" line="33" />
        <source>last bin (optional)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/stocktake.py" line="34" />
        <source>Start count</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/stocktake.py" line="38" />
        <source>Warehouse</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/stocktake.py" line="39" />
        <source>Count</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/stocktake.py" line="45" />
        <source>Scan a barcode or type a SKU, then Enter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/stocktake.py" line="49" />
        <source>Scans add up</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/stocktake.py" line="54" />
        <source>Quantity</source>
        <translation type="unfinished">数量</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/stocktake.py" line="59" />
        <source>SKU</source>
        <translation type="unfinished">SKU</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/stocktake.py" line="59" />
        <source>Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/stocktake.py" line="59" />
        <source>Expected</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/stocktake.py" line="59" />
        <source>Counted</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/stocktake.py" line="60" />
        <source>Variance</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/stocktake.py" line="60" />
        <source>On hand now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/stocktake.py" line="60" />
        <source>Reserved</source>
        <translation type="unfinished">已预留</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/stocktake.py" line="68" />
        <source>Post count…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/stocktake.py" line="69" />
        <source>Cancel count</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/stocktake.py" line="97" />
        <source>#{0} {1} {2} – {3} ({4}/{5} counted)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/stocktake.py" line="123" />
        <source>{0} of {1} SKUs counted; {2} differ; net {3:+d} units</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/stocktake.py" line="145" />
        <source>{0} {1}: counted {2}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/stocktake.py" line="162" />
        <source>Post count</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/stocktake.py" line="163" />
        <source>Post the variances of count #{0} as stock adjustments? Uncounted SKUs are left as they are.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/stocktake.py" line="168" />
        <source>Posted: {0} SKUs adjusted, {1} not counted.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>StoreDialog</name>
    <message>
        <location filename="../../ordermgr/ui/sync.py" line="79" />
        <source>Edit storefront</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/sync.py" line="79" />
        <source>Add storefront</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/sync.py" line="91" />
        <source>Leave empty to keep the stored credential</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/sync.py" line="92" />
        <source>Access token, ck_…:cs_… or sk_…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/sync.py" line="96" />
        <source>Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/sync.py" line="97" />
        <source>Platform</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/sync.py" line="98" />
        <source>Store URL</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/sync.py" line="99" />
        <source>API credential</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/sync.py" line="100" />
        <source>Currency</source>
        <translation type="unfinished">币种</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/sync.py" line="101" />
        <source>The credential is kept in the system keyring or encrypted on this computer, never in the database.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>StorefrontsPanel</name>
    <message>
        <location filename="../../ordermgr/ui/sync.py" line="125" />
        <location filename="../../ordermgr/ui/sync.py" line="161" />
        <location filename="../../ordermgr/ui/sync.py" line="176" />
        <source>Store</source>
        <translation type="unfinished">店铺</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/sync.py" line="126" />
        <source>Platform</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/sync.py" line="127" />
        <source>Active</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/sync.py" line="127" />
        <source>yes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/sync.py" line="127" />
        <source>no</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/sync.py" line="128" />
        <source>Last success</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/sync.py" line="129" />
        <source>Pulled (last run)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/sync.py" line="130" />
        <source>Pulled (total)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/sync.py" line="131" />
        <source>Pushes pending</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/sync.py" line="132" />
        <source>Failing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/sync.py" line="133" />
        <source>Parked</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/sync.py" line="134" />
        <source>Quarantined</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/sync.py" line="135" />
        <source>Last error</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/sync.py" line="140" />
        <source>Add…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/sync.py" line="141" />
        <source>Edit…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/sync.py" line="142" />
        <source>Remove</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/sync.py" line="143" />
        <source>Test connection</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/sync.py" line="144" />
        <source>Sync now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/sync.py" line="146" />
        <source>Sync in the background every minute</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/sync.py" line="162" />
        <source>Push</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/sync.py" line="163" />
        <source>What</source>
        <translation type="unfinished">类型</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/sync.py" line="164" />
        <source>Attempts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/sync.py" line="165" />
        <source>Storefront's error</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/sync.py" line="166" />
        <source>Queued</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/sync.py" line="169" />
        <source>Retry</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/sync.py" line="170" />
        <source>Dismiss…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/sync.py" line="177" />
        <source>Order</source>
        <translation type="unfinished">订单</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/sync.py" line="178" />
        <source>Why it was not imported</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/sync.py" line="179" />
        <source>Seen</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/sync.py" line="180" />
        <source>Last seen</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/sync.py" line="216" />
        <source>Parked pushes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/sync.py" line="217" />
        <source>Quarantined orders</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/sync.py" line="271" />
        <source>Parked pushes ({0})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/sync.py" line="272" />
        <source>Quarantined orders ({0})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/sync.py" line="315" />
        <source>Adding the store…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/sync.py" line="328" />
        <source>Saving…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/sync.py" line="334" />
        <source>Remove storefront</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/sync.py" line="335" />
        <source>Remove {0}? A store with orders is only deactivated; its orders stay.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/sync.py" line="345" />
        <source>Testing {0}…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/sync.py" line="347" />
        <source>Testing the connection…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/sync.py" line="362" />
        <source>Syncing {0}…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/sync.py" line="362" />
        <source>all stores</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/sync.py" line="369" />
        <source>Syncing storefronts…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/sync.py" line="375" />
        <source>No active storefronts to sync.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/sync.py" line="403" />
        <source>Push {0} queued again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/sync.py" line="411" />
        <source>Dismiss push</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/sync.py" line="412" />
        <source>Why is this push not needed any more (e.g. done by hand on the storefront)?</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SupervisorOverrideDialog</name>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/packing.py" line="31" />
        <source>Supervisor override</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/packing.py" line="33" />
        <source>Still missing: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/packing.py" line="34" />
        <source>supervisor's user name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/packing.py" line="36" />
        <source>Why is the order packed incomplete?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/packing.py" line="37" />
        <source>Supervisor</source>
        <translation type="unfinished">主管</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/packing.py" line="38" />
        <source>Reason</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>TrackingQueue</name>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/exceptions.py" line="74" />
        <location filename="../../ordermgr/ui/fulfilment/exceptions.py" line="82" />
        <source>Order</source>
        <translation type="unfinished">订单</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/exceptions.py" line="74" />
        <location filename="../../ordermgr/ui/fulfilment/exceptions.py" line="82" />
        <source>Carrier</source>
        <translation type="unfinished">承运商</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/exceptions.py" line="75" />
        <location filename="../../ordermgr/ui/fulfilment/exceptions.py" line="83" />
        <source>Waybill</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/exceptions.py" line="76" />
        <source>Status</source>
        <translation type="unfinished">状态</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/exceptions.py" line="77" />
        <source>Days without news</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/exceptions.py" line="84" />
        <source>Problem</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/exceptions.py" line="85" />
        <source>Age (days)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/exceptions.py" line="86" />
        <source>Action</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/exceptions.py" line="86" />
        <source>Claim</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/exceptions.py" line="87" />
        <source>Note</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/exceptions.py" line="96" />
        <source>Check for delays</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/exceptions.py" line="97" />
        <source>Record tracking event…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/exceptions.py" line="98" />
        <source>Action on exception…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/exceptions.py" line="99" />
        <source>Refresh</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/exceptions.py" line="100" />
        <source>Ask the carriers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/exceptions.py" line="101" />
        <source>Fetch tracking news from the tracking service URL in settings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/exceptions.py" line="108" />
        <source>On the road</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/exceptions.py" line="109" />
        <source>Logistics exceptions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/exceptions.py" line="139" />
        <source>Asked about {0} parcels: {1} new events, {2} errors.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/exceptions.py" line="143" />
        <source>Asking the carriers…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/exceptions.py" line="148" />
        <source>Checking for delays…</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>TransfersTab</name>
    <message>
        <location filename="../../ordermgr/ui/inventory/transfers.py" line="18" />
        <source>SKU or barcode</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/transfers.py" line="21" />
        <source>Add line</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/transfers.py" line="22" />
        <source>Create draft</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/transfers.py" line="26" />
        <location filename="../../ordermgr/ui/inventory/transfers.py" line="31" />
        <source>From</source>
        <translation type="unfinished">从</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/transfers.py" line="26" />
        <location filename="../../ordermgr/ui/inventory/transfers.py" line="31" />
        <source>To</source>
        <translation type="unfinished">到</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/transfers.py" line="31" />
        <source>No.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/transfers.py" line="31" />
        <source>Status</source>
        <translation type="unfinished">状态</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/transfers.py" line="31" />
        <source>Lines</source>
        <translation type="unfinished">商品</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/transfers.py" line="32" />
        <source>Units</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/transfers.py" line="32" />
        <location filename="../../ordermgr/ui/inventory/transfers.py" line="38" />
        <source>Received</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/transfers.py" line="38" />
        <source>SKU</source>
        <translation type="unfinished">SKU</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/transfers.py" line="38" />
        <source>Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/transfers.py" line="38" />
        <source>Quantity</source>
        <translation type="unfinished">数量</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/transfers.py" line="40" />
        <source>Ship</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/transfers.py" line="41" />
        <source>Receive…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/transfers.py" line="42" />
        <source>Cancel draft</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/transfers.py" line="96" />
        <source>Draft: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/transfers.py" line="129" />
        <source>Receive transfer {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/inventory/transfers.py" line="130" />
        <source>{0}: how many arrived? ({1} expected)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>UnpaidOrdersPage</name>
    <message>
        <location filename="../../ordermgr/ui/aftersales/unpaid.py" line="22" />
        <source>Order</source>
        <translation type="unfinished">订单</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/unpaid.py" line="22" />
        <source>Store</source>
        <translation type="unfinished">店铺</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/unpaid.py" line="23" />
        <source>Customer</source>
        <translation type="unfinished">客户</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/unpaid.py" line="24" />
        <source>Placed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/unpaid.py" line="25" />
        <source>Total</source>
        <translation type="unfinished">金额</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/unpaid.py" line="26" />
        <source>Age</source>
        <translation type="unfinished">时长</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/unpaid.py" line="34" />
        <source> h</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/unpaid.py" line="36" />
        <source>Save time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/unpaid.py" line="39" />
        <source>Cancel overdue unpaid orders now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/unpaid.py" line="44" />
        <source>Cancel unpaid orders after</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/unpaid.py" line="86" />
        <source>Unpaid orders</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/unpaid.py" line="87" />
        <source>{0} order(s) cancelled, {1} refused.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/unpaid.py" line="91" />
        <source>Cancelling unpaid orders…</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>WaybillForm</name>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/waybill.py" line="64" />
        <source>Order number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/waybill.py" line="68" />
        <source>Waybill number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/waybill.py" line="73" />
        <source>More parcels: one waybill number per line</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/waybill.py" line="79" />
        <source>SKU</source>
        <translation type="unfinished">SKU</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/waybill.py" line="79" />
        <source>Item</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/waybill.py" line="79" />
        <source>Left</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/waybill.py" line="80" />
        <source>Ship now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/waybill.py" line="82" />
        <source>Ship</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/waybill.py" line="84" />
        <source>Add carrier…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/waybill.py" line="88" />
        <source>Order</source>
        <translation type="unfinished">订单</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/waybill.py" line="93" />
        <source>Carrier</source>
        <translation type="unfinished">承运商</translation>
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/waybill.py" line="94" />
        <source>Waybill</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/waybill.py" line="96" />
        <source>Parcels</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/waybill.py" line="97" />
        <source>Weight</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/waybill.py" line="101" />
        <source>L × W × H</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/waybill.py" line="102" />
        <source>Shipping cost</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/waybill.py" line="105" />
        <source>Lines (lower 'Ship now' for a split shipment)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/waybill.py" line="147" />
        <source>✓ valid {0} number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/waybill.py" line="165" />
        <source>#{0}: {1}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/waybill.py" line="197" />
        <source>Shipping…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/fulfilment/waybill.py" line="200" />
        <source>Shipped #{0}.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>widget</name>
    <message>
        <location filename="../../ordermgr/ui/aftersales/desk.py" line="28" />
        <source>New requests</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/desk.py" line="28" />
        <source>Awaiting approval</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/desk.py" line="29" />
        <source>Awaiting goods</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/desk.py" line="29" />
        <source>To inspect</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/desk.py" line="30" />
        <source>Refunds pending</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/desk.py" line="30" />
        <source>Refunds failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/desk.py" line="31" />
        <source>Overdue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/desk.py" line="31" />
        <source>All open</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ordermgr/ui/aftersales/desk.py" line="31" />
        <source>All cases</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>