"""The desktop window: the only layer that imports Qt widgets."""
