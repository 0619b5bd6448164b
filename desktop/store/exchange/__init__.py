"""Exchange formats: value files (JSON, CSV), the Excel workbook and templates, the plan spreadsheet."""
