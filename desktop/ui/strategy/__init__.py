"""The strategy unit's window: the status board, merging department files,
conflicts side by side, the institution chapters, the build and the PDF.

Opened for a consolidated file (``Workbook.is_consolidated``); the rules live
in ``desktop.store.merge.run`` / ``desktop.store.file.submission`` and
``desktop.report``, these widgets only ask, show and report.
"""
