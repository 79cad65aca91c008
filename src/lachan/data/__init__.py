"""Data shipped with Lachan: model weights, lexicons, seeds (loaded with importlib.resources)."""
