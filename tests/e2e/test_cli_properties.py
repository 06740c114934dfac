"""Property: whatever arguments and input files a user gives a command, it answers with exit
0, 1 or 2, and never with a traceback (escaping, printed or logged).

Every command of ``control-room`` is found in the parser itself (a new one is fuzzed without
being listed here); its arguments and input files are drawn by what each option says it takes
(tests/e2e/cli_inputs.py): numbers such as nan, inf or 1e309, configs with wildcard site ids
or non-UTF-8 bytes, truncated videos and recordings, broken JSON. The commands run in this
process through ``app.cli.run`` for speed, against a real Mosquitto. The GUI (no command) is
left out; commands that run until stopped are bounded: ``serve`` gets SIGTERM after a moment,
``simulate`` and ``record`` a short ``--duration``, ``replay`` ``--speed 0``, and ``bench``
runs only its quick alarms benchmark. Examples per command are few, so the whole property
stays within a few minutes.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import shutil
import signal
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

from app import paths
from app.cli import build_parser, run
from tests.e2e.cli_inputs import ARG_TEXT, Inputs, value_for

pytestmark = pytest.mark.broker


def _commands(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
              ) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs:
        yield path, parser
        return
    for name, sub in subs[0].choices.items():
        yield from _commands(sub, (*path, name))


COMMANDS = dict(_commands(build_parser()))
#: examples per command: the ones that start an engine or a broker session cost seconds
EXAMPLES = {("serve",): 3, ("bench",): 2, ("simulate",): 5, ("record",): 5, ("replay",): 6}
DEFAULT_EXAMPLES = 40
STDIN = st.one_of(st.sampled_from(["", "\n", "s3cret-密码\n", "x" * 5000 + "\n"]), ARG_TEXT)
SERVE_FOR_S = 1.0
SLOWEST_S = 60.0


def _argv(data: st.DataObject, path: tuple[str, ...], parser: argparse.ArgumentParser,
          ctx: Inputs) -> list[str]:
    argv = list(path)
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction | argparse._VersionAction):
            continue
        if not action.option_strings:  # positional: always there
            argv.append(value_for(data, action, ctx))
            continue
        if not (action.required or data.draw(st.booleans(), label=action.dest)):
            continue
        flag = action.option_strings[-1]
        if action.nargs == 0:
            argv.append(flag)
        else:  # --opt=value: a value such as "-inf" is not taken for an option
            argv.append(f"{flag}={value_for(data, action, ctx)}")
    return _bounded(path, argv)


def _bounded(path: tuple[str, ...], argv: list[str]) -> list[str]:
    """Long-running commands get a bound a user could give too."""
    command = path[0]
    if command in ("simulate", "record"):
        argv = [a for a in argv if not a.startswith("--duration")] + ["--duration=0.5"]
    if command == "replay":
        argv = [a for a in argv if not a.startswith("--speed")] + ["--speed=0"]
    if command == "bench":
        argv = ["bench", "alarms", "--quick", *[a for a in argv[2:] if a != "--quick"]]
    return argv


@contextlib.contextmanager
def _bounded_run(path: tuple[str, ...]) -> Iterator[None]:
    """serve: SIGTERM each SERVE_FOR_S (what an operator's systemd does; repeated, because
    one that comes before serve listens for it is lost); any command: SIGINT after
    SLOWEST_S, which the CLI turns into exit 130 and this test into a failure."""
    main = threading.main_thread().ident
    assert main is not None
    done = threading.Event()

    def terminate() -> None:
        while not done.wait(SERVE_FOR_S):
            signal.pthread_kill(main, signal.SIGTERM)

    slowest = threading.Timer(SLOWEST_S, signal.pthread_kill, (main, signal.SIGINT))
    slowest.start()
    terminator = threading.Thread(target=terminate, daemon=True)
    if path[0] == "serve":
        terminator.start()
    try:
        yield
    finally:
        done.set()
        slowest.cancel()
        if terminator.is_alive():
            terminator.join()
        slowest.join()  # a SIGINT it already sent lands here, not in a later example


@pytest.fixture(scope="module", autouse=True)
def _sigterm_is_harmless() -> Iterator[None]:
    """SIGTERM does nothing in this process while the module runs (serve installs its own
    handler and puts this one back). Installed per run, it left a moment with the default
    handler, and one SIGTERM landing there killed the whole pytest process silently."""
    previous = signal.signal(signal.SIGTERM, lambda *_: None)
    yield
    signal.signal(signal.SIGTERM, previous)


@pytest.fixture(scope="module")
def real_files(tmp_path_factory) -> dict:
    from app.recording import RecordingWriter
    from app.storage import open_database
    from app.vision import demo_feeds

    folder = tmp_path_factory.mktemp("cli-real-files")
    scene = folder / "demo-scene"
    shutil.copytree(paths.demo_scene_dir(), scene)
    video = folder / "clip.mp4"
    frames = [np.full((48, 64, 3), 30 + 8 * i, np.uint8) for i in range(15)]
    demo_feeds.encode(frames, video, 15.0)
    database = f"sqlite:///{folder / 'migrated.db'}"
    open_database(database).dispose()
    recording = folder / "demo.rec"
    writer = RecordingWriter(recording, root="cr/demo")
    writer.write([(f"cr/demo/dev/D{i}/telemetry", b'{"ts": 1, "values": {"t": 20.5}}',
                   1_700_000_000.0 + i, False) for i in range(5)])
    writer.close()
    return {"demo_scene": scene, "video": video, "database_url": database,
            "recording": recording}


@pytest.mark.parametrize("path", sorted(COMMANDS), ids=" ".join)
def test_every_command_answers_0_1_or_2_without_a_traceback(
        path, mqtt_broker, real_files, tmp_path_factory, monkeypatch, capsys, caplog) -> None:
    monkeypatch.setenv("CONTROL_ROOM__CAMERAS__ENABLED", "false")  # serve: no video work
    parser = COMMANDS[path]

    @settings(max_examples=EXAMPLES.get(path[:1], DEFAULT_EXAMPLES), deadline=None,
              database=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                    HealthCheck.too_slow])
    @given(data=st.data())
    def answers(data: st.DataObject) -> None:
        ctx = Inputs(folder=tmp_path_factory.mktemp("example"), broker_url=mqtt_broker.url,
                     **real_files)
        argv = _argv(data, path, parser, ctx)
        # what a script pipes in (users --password-stdin reads a line)
        monkeypatch.setattr(sys, "stdin", io.StringIO(data.draw(STDIN, label="stdin")))
        note(f"argv: {argv!r}")
        capsys.readouterr()
        caplog.clear()
        with _bounded_run(path):
            try:
                code = run(argv)
            except SystemExit as exc:  # argparse's one line
                code = exc.code if isinstance(exc.code, int) else 2
        out = capsys.readouterr()
        logged = [r for r in caplog.records if r.exc_info]
        assert "Traceback" not in out.err + out.out, out.err[-2000:]
        assert not logged, [r.getMessage() for r in logged]
        assert code in (0, 1, 2), f"exit {code}: {out.err[-1000:]}"

    answers()


def test_every_command_is_fuzzed() -> None:
    """The GUI aside, every command of the parser is here (a new one joins by itself)."""
    names = {path[0] for path in COMMANDS}
    assert {"serve", "simulate", "record", "replay", "db", "locate", "detect", "scene",
            "bench"} <= names
    assert all(isinstance(p, argparse.ArgumentParser) for p in COMMANDS.values())
    assert Path(__file__).name  # keeps the module's intent obvious in reports
