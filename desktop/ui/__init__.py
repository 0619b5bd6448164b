"""The window: the only part of Faaliyet that imports PySide6."""

from .pyside_imports import quick_feature_check

quick_feature_check()  # before any window module is imported, so that each is checked the quick way
