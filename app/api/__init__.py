"""The network contract between ``control-room serve`` and its consoles: paths, message
structs and their encoding, shared by app/server and app/client."""
