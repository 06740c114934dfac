"""The video wall's engine side, pure Python (no Qt): the wall file (monitors, presets,
tiles), legibility from the viewing distance, the day/night schedule, which console
controls a wall (engine state, changed by commands), rotation, the feed watchdog, the alarm
takeover and flood logic, and the figures KPI tiles show. ui/wall draws all of it.
"""
