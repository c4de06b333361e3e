"""What every chapter of the book would otherwise repeat, in one place.

    from booktools import load
    tests = load("nuclear_tests")     # a validated, typed DataFrame

Importing the package also switches Altair to the book's theme and to its
offline renderer, so a chapter's chart cells stay plain pandas + Altair and
the charts draw with no network, in the built book and in JupyterLab; and it
shows data frames without their bare row numbers (booktools.tables).
"""

from booktools.charts import category_scale, colour
from booktools.charts import enable as enable_charts
from booktools.data import DataError, load, package, resource, validate
from booktools.pages import timeline_entries
from booktools.lab import enable as enable_lab
from booktools.tables import enable as enable_tables

__all__ = ["DataError", "load", "package", "resource", "validate", "enable_charts", "timeline_entries",
           "colour", "category_scale"]

enable_charts()
enable_tables()
enable_lab()
