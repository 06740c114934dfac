"""Which OpenGL renderer this machine draws with, asked once per process.

A control-room PC without a GPU (or a virtual display) draws the 3D view in software
(Mesa's llvmpipe). There 4× multisampling quadruples the cost of every pixel: measured on
the demo compound at 1400×800, the first frame 1.0 → 0.55 s of CPU and every later frame
0.20 → 0.09 s with it off. So the 3D views keep multisampling on a GPU and turn it off on
a software renderer (``multisamples_for_this_machine``).
"""

from __future__ import annotations

import logging
from functools import cache

from PySide6.QtGui import QOffscreenSurface, QOpenGLContext

log = logging.getLogger(__name__)

#: what software OpenGL implementations call themselves (GL_RENDERER)
SOFTWARE_RENDERERS = ("llvmpipe", "softpipe", "swrast", "software rasterizer",
                      "swiftshader", "gdi generic", "microsoft basic render")
GPU_MULTISAMPLES = 4
_GL_RENDERER = 0x1F01


@cache
def renderer_name() -> str:
    """GL_RENDERER of a throw-away context (~40 ms); "" when no context can be made."""
    surface = QOffscreenSurface()
    surface.create()
    context = QOpenGLContext()
    try:
        if not context.create() or not context.makeCurrent(surface):
            return ""
        name = context.functions().glGetString(_GL_RENDERER) or ""
        context.doneCurrent()
        return str(name)
    finally:
        surface.destroy()


def is_software(name: str) -> bool:
    lowered = name.lower()
    return any(word in lowered for word in SOFTWARE_RENDERERS)


@cache
def multisamples_for_this_machine() -> int:
    name = renderer_name()
    if is_software(name):
        log.info("3D drawn in software (%s): multisampling off", name)
        return 0
    return GPU_MULTISAMPLES
