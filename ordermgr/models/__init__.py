"""The domain: entities with their rules, value objects and state machines. No Qt, no HTTP.

Importing this package registers every table on `Base.metadata`.
"""

from ordermgr.models.base import Amount, Base, UTCDateTime, utcnow
from ordermgr.models.catalog import (PLATFORMS, Bin, Product, Sku, StockLevel, StockMovement,
                                     Store, Warehouse)
from ordermgr.models.money import Money
from ordermgr.models.orders import (Address, Customer, LineAllocation, Order, OrderEvent,
                                    OrderLine, Payment, Shipment, ShipmentLine, TrackingEvent)
from ordermgr.models.outbox import Counter, OutboxMessage
from ordermgr.models.returns import ReturnCase, ReturnLine
from ordermgr.models.security import ROLE_PERMISSIONS, ROLES, AuditEntry, Role, Setting, User
from ordermgr.models.states import (FulfilmentStatus, OrderStatus, PaymentStatus, ReturnStatus,
                                    ReturnType, ShipmentStatus)

__all__ = [
    "Address", "Amount", "AuditEntry", "Base", "Bin", "Counter", "Customer", "FulfilmentStatus",
    "LineAllocation", "Money", "Order", "OrderEvent", "OrderLine", "OrderStatus", "OutboxMessage",
    "PLATFORMS", "Payment", "PaymentStatus", "Product", "ROLES", "ROLE_PERMISSIONS", "ReturnCase",
    "ReturnLine", "ReturnStatus", "ReturnType", "Role", "Setting", "Shipment", "ShipmentLine",
    "ShipmentStatus", "Sku", "StockLevel", "StockMovement", "Store", "TrackingEvent", "UTCDateTime",
    "User", "Warehouse", "utcnow",
]
from ordermgr.models.reports import ExchangeRate  # noqa: E402,F401
from ordermgr.models.inventory import SkuSupply, Stocktake, StocktakeLine, Transfer, TransferLine  # noqa: E402,F401,E501
from ordermgr.models.sync import QuarantinedOrder, RawPayload, SyncState  # noqa: E402,F401
from ordermgr.models.aftersales import ApprovalLimit, CaseAttachment, ReasonCode, Refund, RefundPart, SlaSetting  # noqa: E402,F401,E501
from ordermgr.models.fulfilment import CustomCarrier, LogisticsException, Parcel, PickBatch, PickBatchOrder  # noqa: E402,F401,E501
from ordermgr.models.sku_map import SkuMapping  # noqa: E402,F401
