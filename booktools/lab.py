"""Chapters in JupyterLab: citations that read as they do in the book.

JupyterLab renders a chapter's MyST with jupyterlab-myst, which cannot read
the book's bibliography: a citation shows as its bare key, flagged "Citation
Not Found". Importing booktools in a notebook (anywhere but the book build)
shows one invisible widget (anywidget, which `make lab` installs, as the live
charts need it too), whose script gives each citation its author-year label,
as in the book, with the full reference on hover.
"""

from __future__ import annotations

import os

SCRIPT = """
function install(refs) {
  function fix(root) {
    root.querySelectorAll('span[title="Citation Not Found"]').forEach(function (cite) {
      var key = cite.textContent.trim(), ref = refs[key];
      if (!ref) return;
      cite.textContent = ref[0];
      cite.title = ref[1];
      cite.className = "booktools-cite";
    });
  }
  fix(document);
  if (window.booktoolsCites) window.booktoolsCites.disconnect();
  window.booktoolsCites = new MutationObserver(function () { fix(document); });
  window.booktoolsCites.observe(document.body, { childList: true, subtree: true });
}
export default { render({ model, el }) { el.style.display = "none"; install(model.get("refs")); } };
"""


def reference_text(entry) -> str:
    parts = [", ".join(entry.authors) if entry.authors else entry.outlet, entry.year, f"“{entry.title}”", entry.outlet, entry.date]
    return ". ".join(part for part in parts if part) + (f". {entry.url}" if entry.url else "")


def citation_refs() -> dict[str, list[str]]:
    """key -> [author-year label, the reference as plain text]."""
    from booktools.bibliography import entries, labels

    names, found = labels(), entries()
    return {key: [names[key], reference_text(entry)] for key, entry in found.items()}


def citation_widget():
    import anywidget
    import traitlets

    class CitationLabels(anywidget.AnyWidget):
        _esm = SCRIPT
        refs = traitlets.Dict().tag(sync=True)

    return CitationLabels(refs=citation_refs())


def enable() -> None:
    """In a notebook opened outside the book build, label the chapter's citations."""
    from booktools.charts import OUTPUT_ENV

    if os.environ.get(OUTPUT_ENV) == "book":
        return
    try:
        from IPython import get_ipython
        from IPython.display import display
    except ImportError:  # pragma: no cover
        return
    shell = get_ipython()
    if shell is None or not hasattr(shell, "kernel"):
        return
    try:
        display(citation_widget())
    except (ImportError, FileNotFoundError):
        pass  # no widget packages, or no bibliography beside this notebook: citations keep their keys
