"""Benchmarks behind ``control-room bench NAME``: each module ``bench/NAME.py`` defines
``add_arguments(parser)`` (optional) and ``run(args) -> dict`` returning a flat dict of
figures with units in the key names. They print figures; they are never timed tests."""
