"""The OpenAPI description of the HTTP API, with schemas generated from the same msgspec
structs the server decodes (one declaration: commands, answers, snapshots).

FastAPI describes paths and parameters; bodies are msgspec structs, so their JSON Schema
comes from ``msgspec.json.schema_components`` and is merged into ``components.schemas``.
"""

from __future__ import annotations

from typing import Any

import msgspec

REF = "#/components/schemas/{name}"


def _any(type_: Any) -> dict[str, Any] | None:
    """Free-form values (an event's data, an alarm's detail) are any JSON."""
    return {} if type_ is object else None


class Schemas:
    """Collects the msgspec types the routes name; ``ref(T)`` is what a route puts in its
    ``openapi_extra`` / ``responses``."""

    def __init__(self) -> None:
        self._types: list[Any] = []

    def ref(self, type_: Any) -> dict[str, Any]:
        if type_ not in self._types:
            self._types.append(type_)
        (schema,), _ = msgspec.json.schema_components([type_], ref_template=REF,
                                                     schema_hook=_any)
        return schema

    def body(self, type_: Any, description: str = "") -> dict[str, Any]:
        return {"requestBody": {"required": True, "description": description,
                                "content": {"application/json": {"schema": self.ref(type_)}}}}

    def answer(self, type_: Any, description: str = "OK") -> dict[str, Any]:
        return {"description": description,
                "content": {"application/json": {"schema": self.ref(type_)}}}

    def components(self) -> dict[str, Any]:
        if not self._types:
            return {}
        _, components = msgspec.json.schema_components(self._types, ref_template=REF,
                                                      schema_hook=_any)
        return components


def merged_openapi(base: dict[str, Any], schemas: Schemas) -> dict[str, Any]:
    components = base.setdefault("components", {}).setdefault("schemas", {})
    for name, schema in schemas.components().items():
        components.setdefault(name, schema)
    return base
