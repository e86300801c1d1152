"""Knotenpunkt's Pelican plugins, installed as ``knotenpunkt.plugins.<name>``."""
