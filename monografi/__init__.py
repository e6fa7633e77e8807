"""Monografi: static open-data portal generator for kecamatan monographs."""
