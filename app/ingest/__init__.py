"""Topic routing, payload decoding/validation and reject accounting."""
