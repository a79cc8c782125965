"""HTML on which parsers disagree, with the verdict the text policy must give (issue 25).

Each case is ``(html, refused_in_a_body, refused_when_published)``. Shared by the fast tier
(tests/test_text_policy.py: the verdicts) and the browser tier (tests/test_html_parsing.py:
the policy's parser builds the elements Chromium builds from the same string).
"""

from __future__ import annotations

CASES: list[tuple[str, bool, bool]] = [
    # foster parenting: content in a table but in no cell goes before the table (html5lib 1.1
    # dropped it from a fragment's top level, so neither check saw the link or the script)
    ('<table><a href="javascript:alert(1)">x</a><tr><td>y</td></tr></table>', True, True),
    ("<table><tr><svg><script>alert(1)</script></svg></tr></table>", True, True),
    # <noscript> holds text in a browser that runs scripts; the </noscript> in the attribute
    # ends it there (html5lib read it with scripting off: one harmless <p>)
    ("<noscript><p title='</noscript><img src=x onerror=alert(1)>'></noscript>", True, True),
    (
        '<noscript><link rel="stylesheet" href="../assets/stylesheets/quiz.css"></noscript>',
        True,
        False,
    ),
    # unclosed and misnested tags
    ('<p>unclosed <b>bold <i>both</p><img src="//evil.example.com/x.png">', True, True),
    ("<p>a <b>b <i>c</b> d</i> e</p>", False, False),
    ('<ul><li>a<li><a href="https://www.vdab.be/">b</a></ul>', False, False),
    # <template>: its content is a fragment of its own, judged too
    ('<template><img src="https://evil.example.com/x.png"></template>', True, True),
    # foreign content: <style> in SVG is an element, its <img> is markup; in HTML it is text
    ("<svg><style><img src=x onerror=alert(1)></style></svg>", True, True),
    ("<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>", True, True),
    ('<svg><a href="javascript:alert(1)"><text>x</text></a></svg>', True, True),
    ('<svg><rect width="1"/></svg>', True, False),
    ("<svg><foreignObject><p>x</p></foreignObject></svg>", True, True),
    (
        '<math><maction actiontype="statusline" href="javascript:alert(1)">x</maction></math>',
        True,
        True,
    ),
    ("<svg><p>breaks out of the SVG</p></svg>", True, False),
    # comments: --!> ends one as it does in a browser
    ('<!-- a --!><img src="//evil.example.com/x.png">', True, True),
    ("<!--><img src=x onerror=alert(1)>-->", True, True),
    ("<!-- <img src=x onerror=alert(1)> -->", False, False),
    # attributes that load or submit elsewhere
    ('<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>', True, True),
    ('<base href="https://evil.example.com/">', True, True),
    ('<form><button formaction="javascript:alert(1)">x</button></form>', True, True),
    # javascript: written with entities and whitespace, as a browser reads it
    ('<a href=" jav&#x09;a&#10;script&colon;alert(1)">x</a>', True, True),
    ('<a href="&#106;avascript:alert(1)">x</a>', True, True),
    ('<a href="https://www.vdab.be/?a=1&amp;b=2">VDAB</a>', False, False),
]
