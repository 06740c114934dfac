"""Root conftest: shared fixtures live in tests/fixtures, one module per real service."""

pytest_plugins = [
    "tests.fixtures.broker",
    "tests.fixtures.database",
    "tests.fixtures.display",
]
