"""Motor-imagery cursor: imagine moving the left or right hand and a ball rolls that way.

``processing`` (Qt-free) holds the decoders, ``session`` the visit's signal, ``flow`` the Qt-free
calibration and game, ``widget`` draws them, ``evaluate`` scores the decoders on recordings.
"""
