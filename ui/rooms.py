"""Which ControlRoom a window runs on, and who sits at it.

- ``desk_room``: the engine in this process. On the embedded simulator the demo user, no
  sign-in (marked DEMO in the title); with a live broker a real user signs in — the demo
  user never runs against a real compound.
- ``console_room``: a console of a running ``control-room serve``; the user signs in (or,
  for a kiosk or a script, ``CONTROL_ROOM_USER`` and ``CONTROL_ROOM_PASSWORD`` do).
"""

from __future__ import annotations

import os

from app.config import ConfigError
from app.facade.errors import CommandError
from app.facade.local import LocalControlRoom
from app.facade.session import DEMO_SESSION
from app.runtime.engine import Engine


def desk_room(engine: Engine, config):  # noqa: ANN001, ANN201
    """The desk on the engine in this process: the demo user on the embedded simulator;
    with a live broker a real user signs in (a one-PC compound's control room)."""
    if not config.mqtt.url:
        return LocalControlRoom(engine, DEMO_SESSION)
    from app.facade.local import local_sign_in
    from app.facade.session import console_name

    console = console_name("desk")
    named = _credentials()
    if named is not None:
        try:
            return LocalControlRoom(engine, local_sign_in(engine, *named, console))
        except CommandError as exc:
            raise ConfigError(f"sign-in as {named[0]!r} refused: {exc.message}") from None
    assert engine.users is not None
    if not engine.users.has_administrator():
        raise ConfigError("no user account exists yet: create the administrator with "
                          "`control-room users add NAME --role administrator` (there is no "
                          "default account)")
    from ui.login_dialog import LoginDialog

    dialog = LoginDialog(engine.scene.site.name,
                         lambda name, password: local_sign_in(engine, name, password, console))
    if not dialog.exec():
        return None
    return LocalControlRoom(engine, dialog.result_value)


def console_room(url: str, config):  # noqa: ANN001, ANN201
    """A console of a running server: sign in (the dialog, or CONTROL_ROOM_USER and
    CONTROL_ROOM_PASSWORD for a kiosk or a script), then mirror its state."""
    from app.client.http import ApiClient
    from app.client.remote import RemoteControlRoom
    from app.facade.session import console_name

    try:
        api = ApiClient(url, ca_file=config.server.ca_file)
    except ValueError as exc:
        raise ConfigError(f"--server: {exc}") from None
    console = console_name()
    named = _credentials()
    try:
        if named is not None:
            answer = api.login(named[0], named[1], console)
        else:
            from ui.login_dialog import LoginDialog

            setup_needed = bool(api.health().get("setup_needed"))
            dialog = LoginDialog(
                url, lambda name, password: api.login(name, password, console),
                setup=(lambda token, name, password, display: api.setup(
                    token, name, password, display, console)) if setup_needed else None)
            if not dialog.exec():
                api.close()
                return None
            answer = dialog.result_value
        return RemoteControlRoom(api, answer.session, refresh_hz=config.ui.refresh_hz)
    except CommandError as exc:
        api.close()
        raise ConfigError(f"server {url}: {exc.message}") from None


def _credentials() -> tuple[str, str] | None:
    user, password = os.environ.get("CONTROL_ROOM_USER"), os.environ.get("CONTROL_ROOM_PASSWORD")
    return (user, password) if user and password else None
