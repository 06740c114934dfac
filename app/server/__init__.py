"""``control-room serve``'s network side: the HTTP/WebSocket API that consoles, the wall and
integrators use (FastAPI on uvicorn)."""
