"""SSVEP speller: visitors look at a flickering key and the letter appears.

``processing`` (Qt-free) holds the FBCCA decoder; ``evaluate`` scores it on recordings. The
stimulus, layouts and spelling flow come next (issue 5).
"""
