"""Editors built from the form definition: fields, tables, long texts, photos, indicators."""
