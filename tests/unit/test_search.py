"""bookbuild.search: the page text the search page's excerpts come from."""

from bookbuild.search import page_text, write_text_index


PAGE = """<html><body><nav>Site navigation</nav>
<article class="bd-article" role="main"><h1>The reactor<a class="headerlink" href="#x">#</a></h1>
<p>North Korea <em>restarted</em> the reactor at Yongbyon .</p>
<div class="cell_input"><pre>import altair</pre></div>
<figure class="bk-chart"><svg><text>axis label</text></svg><details class="bk-chart-data"><table><tr><td>row text</td></tr></table></details></figure>
<script>var x = 1;</script><p>After the chart.</p></article><footer>Footer</footer></body></html>"""


def test_page_text_is_the_articles_prose_only():
    text = page_text(PAGE)
    assert text == "The reactor North Korea restarted the reactor at Yongbyon. After the chart."


def test_text_index_is_a_script_with_every_page(tmp_path):
    (tmp_path / "_static").mkdir()
    (tmp_path / "book").mkdir()
    (tmp_path / "book" / "01-reactor.html").write_text(PAGE, encoding="utf-8")
    target = write_text_index(tmp_path, ["book/01-reactor", "book/missing"])
    script = target.read_text(encoding="utf-8")
    assert script.startswith("window.bookSearchText = {")
    assert '"book/01-reactor":"The reactor North Korea' in script
    assert "book/missing" not in script
