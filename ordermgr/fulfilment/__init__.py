"""Fulfilment helpers without a database: carriers and waybill formats, packing checks, the
tracking adapter interface and a local fake carrier service."""
