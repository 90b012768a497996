"""Spreadsheet interchange (openpyxl): templates, all-or-nothing imports, exports."""
