"""ordermgr: back-office order management for online shops."""

__version__ = "0.1.0"
