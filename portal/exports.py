"""One rule for every CSV/XLSX cell we export: text that a spreadsheet program would run as a
formula (=HYPERLINK(...), =cmd|..., +, -, @, or a tab/carriage return first) gets a leading
apostrophe, so it is shown as the text someone typed (issue 11). Every export uses it: the
Wagtail listings' "Download CSV/XLSX" through `SafeSpreadsheetExportMixin`, hand-written CSV
views through `csv_writer`.
"""
import csv

FORMULA_START = ("=", "+", "-", "@")
CONTROL_START = ("\t", "\r", "\n")


def safe_cell(value):
    """The value to write into a spreadsheet cell: strings that start (also after leading
    whitespace) like a formula get an apostrophe in front; anything else is returned unchanged."""
    if not isinstance(value, str) or not value:
        return value
    if value.startswith(CONTROL_START) or value.lstrip().startswith(FORMULA_START):
        return "'" + value
    return value


def safe_row(values):
    return [safe_cell(value) for value in values]


class _SafeWriter:
    def __init__(self, writer):
        self._writer = writer

    def writerow(self, row):
        return self._writer.writerow(safe_row(row))

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def csv_writer(stream, **kwargs):
    """csv.writer whose every cell goes through safe_cell."""
    return _SafeWriter(csv.writer(stream, **kwargs))


class SafeSpreadsheetExportMixin:
    """For Wagtail views with SpreadsheetExportMixin (generic IndexView, ReportView): every
    exported cell and heading goes through safe_cell, in CSV and in XLSX. Put it before the
    Wagtail view class: `class MyIndexView(SafeSpreadsheetExportMixin, IndexView)`."""

    def preprocess_field_value(self, field, value, export_format):
        return safe_cell(super().preprocess_field_value(field, value, export_format))

    def get_heading(self, queryset, field):
        return safe_cell(super().get_heading(queryset, field))
