"""The video wall: one frameless window per monitor of a wall file (``display.py``), its
tiles, the alarm takeover on screen, the theme sized for the back row, and the desk's panel
that controls it. The logic that needs no Qt lives in app/wall."""
