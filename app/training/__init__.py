"""Training mode: rehearse incidents on recorded or simulated data, scored, with nothing
reaching the real compound (docs/training.md).

- ``scenario``: the scenario file (source, timeline of injected events, expected actions);
- ``feeds``: the recording or the seeded simulator, read by scenario time;
- ``injector`` / ``overlay``: the timeline's events made real (faults on devices, a throw
  seen by a facade camera, technicians who reject or do not answer, floods);
- ``player``: one pacer for the whole engine (play, pause, 0.25–10×, seek, inject now),
  with ``snapshots`` of the engine's state so seeking back is cheap;
- ``actions``: what the trainee and the instructor did, as it happens;
- ``scoring`` / ``debrief`` / ``report``: the score, the timeline, HTML and PDF;
- ``results``: every run kept (who, scenario, score, date) for a supervisor;
- ``session``: the composition — an Engine on a VirtualClock with a RecordingPublisher and
  its own database, refused against a live broker or a production database.
"""
