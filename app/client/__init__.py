"""A console of ``control-room serve``: the RemoteControlRoom and its mirrors of the
server's state (no Qt: the same views run on it as on the in-process engine)."""
