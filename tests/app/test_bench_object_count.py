"""The soak's object counts (``bench wall``: VTK objects every sample, every type under
``--diagnose``) must not break the engine they measure. ``gc.get_objects()`` hands out
references to tuples other threads are still filling; counting while those threads ran
made them fail (``SystemError: bad argument to internal function``: an alarm tick and a
camera frame in one soak)."""

from __future__ import annotations

import threading
import time

from bench.wall import count_objects


def test_counting_every_object_leaves_other_threads_tuples_alone():
    errors: list[BaseException] = []
    stop = threading.Event()

    def numbers():  # Python code runs while tuple() fills its result
        for i in range(20):
            sum(range(50))
            yield i

    def build() -> None:
        while not stop.is_set():
            try:
                assert tuple(numbers()) == tuple(range(20))
            except SystemError as exc:
                errors.append(exc)

    builder = threading.Thread(target=build)
    builder.start()
    try:
        end = time.monotonic() + 2.0
        counts = []
        while time.monotonic() < end:
            counts.append(count_objects(lambda o: isinstance(o, list))[True])
    finally:
        stop.set()
        builder.join()
    assert counts and min(counts) > 0
    assert errors == [], f"{len(errors)} tuples broken by the count: {errors[0]}"
