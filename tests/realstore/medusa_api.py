"""Thin clients for Medusa v2's admin and store HTTP APIs, used by the seed and the tests."""

from __future__ import annotations

import requests


class MedusaApiError(RuntimeError):
    pass


class _Api:
    def __init__(self, base_url: str):
        self.base_url = base_url.rstrip("/")
        self.session = requests.Session()

    def call(self, method: str, path: str, body: dict | None = None, params=None) -> dict:
        reply = self.session.request(method, f"{self.base_url}{path}", json=body, params=params,
                                     timeout=60)
        if reply.status_code >= 400:
            raise MedusaApiError(f"{method} {path} -> {reply.status_code}: {reply.text[:600]}")
        return reply.json() if reply.content and reply.headers.get(
            "content-type", "").startswith("application/json") else {}

    def get(self, path: str, **params) -> dict:
        return self.call("GET", path, params=params)

    def post(self, path: str, body: dict | None = None, **params) -> dict:
        return self.call("POST", path, body or {}, params=params or None)

    def delete(self, path: str) -> dict:
        return self.call("DELETE", path)


class AdminApi(_Api):
    """Admin API as the admin user (bearer token from /auth/user/emailpass)."""

    def __init__(self, base_url: str, email: str, password: str):
        super().__init__(base_url)
        token = self.post("/auth/user/emailpass", {"email": email, "password": password})["token"]
        self.session.headers["Authorization"] = f"Bearer {token}"


class StoreApi(_Api):
    """Store API with a publishable key; `login` adds a customer's bearer token."""

    def __init__(self, base_url: str, publishable_key: str):
        super().__init__(base_url)
        self.session.headers["x-publishable-api-key"] = publishable_key

    def register(self, email: str, password: str, first_name: str, last_name: str) -> dict:
        token = self.post("/auth/customer/emailpass/register",
                          {"email": email, "password": password})["token"]
        self.session.headers["Authorization"] = f"Bearer {token}"
        customer = self.post("/store/customers", {"email": email, "first_name": first_name,
                                                  "last_name": last_name})["customer"]
        token = self.post("/auth/customer/emailpass", {"email": email, "password": password})["token"]
        self.session.headers["Authorization"] = f"Bearer {token}"
        return customer
