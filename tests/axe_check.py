"""axe-core on the page as it stands, once its animations and transitions have finished.

axe measures colour contrast from the colours it computes; halfway through a fade or a
transition those are not the colours a reader ends up seeing, so the check waits for them.
"""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

AXE = Axe()
SETTLED = """() => document.getAnimations().every(a =>
    a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity)"""
# A scroll (focus moving down the page) makes the theme show or hide its "back to top" button a
# frame later, with a transition: let two frames pass, so that such a transition has started.
TWO_FRAMES = """() => new Promise(done =>
    requestAnimationFrame(() => requestAnimationFrame(() => done(true))))"""


def violations(page: Page) -> list[str]:
    """Every axe violation as 'rule: help at [targets]'; an empty list when there is none."""
    page.evaluate(TWO_FRAMES)
    page.wait_for_function(SETTLED, timeout=5000)
    result = AXE.run(page)
    return [
        f"{v['id']}: {v['help']} at {[n['target'] for n in v['nodes']]}"
        for v in result.response["violations"]
    ]
