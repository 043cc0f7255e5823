"""The shared stream: the ring buffer, the intake that writes into it, the readers and tapes that
read it through their own cursors, markers and loss counting.
"""
