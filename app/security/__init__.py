"""Security: users and their roles, permissions checked in the engine for every command,
password hashing and lockout, sessions, and the HMAC-SM3 chained audit trail."""
