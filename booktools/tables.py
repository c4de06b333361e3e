"""Tables as readers should see them: no bare row numbers.

A data frame shown in a notebook prints its index as its first column. For a
table read from a CSV that index is only a row counter (0, 1, 2…, or 12…17
after a filter), which a reader takes for data. Importing booktools tells
IPython to show such frames without it; a frame with a meaningful index (a
named one, dates, categories, several levels) keeps it.
"""

from __future__ import annotations

import pandas as pd


def positional_index(frame: pd.DataFrame) -> bool:
    index = frame.index
    return index.nlevels == 1 and index.name is None and pd.api.types.is_integer_dtype(index.dtype)


def frame_html(frame: pd.DataFrame) -> str:
    if not positional_index(frame):
        return frame._repr_html_()
    return frame.to_html(
        index=False, notebook=True, max_rows=pd.get_option("display.max_rows"),
        max_cols=pd.get_option("display.max_columns"), show_dimensions=pd.get_option("display.show_dimensions") is True,
    )


def enable() -> None:
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover
        return
    shell = get_ipython()
    if shell is not None:
        shell.display_formatter.formatters["text/html"].for_type(pd.DataFrame, frame_html)
