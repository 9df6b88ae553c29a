"""Checks of what a reader sees that no validator measures (TESTING.md, "Checks that tools miss")."""

# The widest element outside a scrolling container: the one to name when a page scrolls sideways.
_OVERFLOW = """() => {
  const root = document.scrollingElement, width = root.clientWidth;
  if (root.scrollWidth <= width + 1) return null;
  // Inside a scrolling box (a wide table in .table-wrap) is allowed, unless the box does not
  // contain it (an absolutely positioned descendant of an unpositioned box escapes it).
  const clipped = (el) => {
    const absolute = getComputedStyle(el).position === 'absolute';
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      const style = getComputedStyle(a);
      if (style.overflowX !== 'visible' && (!absolute || style.position !== 'static')) return true;
    }
    return false;
  };
  let worst = null, most = 0;
  const consider = (el, box) => {
    const over = Math.max(box.right - width, -box.left);
    if (box.width && over > most + 0.5 && !clipped(el)) { most = over; worst = el; }
  };
  for (const el of document.body.querySelectorAll('*')) consider(el, el.getBoundingClientRect());
  // Text wider than its box (a long word) widens the page without its element doing so.
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.data.trim()) continue;
    const range = document.createRange(); range.selectNodeContents(node);
    consider(node.parentElement, range.getBoundingClientRect());
  }
  const name = worst ? worst.tagName.toLowerCase() + (worst.id ? '#' + worst.id : '') +
    (typeof worst.className === 'string' && worst.className.trim() ? '.' + worst.className.trim().split(/\\s+/).join('.') : '') +
    ' "' + (worst.textContent || '').trim().slice(0, 60) + '"' : 'an element the check could not name';
  return {scrollWidth: root.scrollWidth, clientWidth: width, element: name};
}"""


def overflow(page):
    """None, or what makes the page scroll sideways (scrollWidth, clientWidth, the element)."""
    return page.evaluate(_OVERFLOW)


def assert_no_overflow(page, context=""):
    found = overflow(page)
    assert found is None, (f"{context or page.url}: {found['scrollWidth']} px wide in a {found['clientWidth']} px "
                           f"window, widened by {found['element']}")


def assert_no_overflow_at(page, width, context=""):
    """The page as it is now, at `width` px (the viewport is put back afterwards)."""
    before = page.viewport_size
    page.set_viewport_size({"width": width, "height": before["height"] if before else 800})
    try:
        assert_no_overflow(page, f"{context or page.url} at {width} px")
    finally:
        if before:
            page.set_viewport_size(before)


# The x position of each character of the first text node holding `text` inside `selector`.
_POSITIONS = """([selector, text]) => {
  const scope = document.querySelector(selector) || document.body;
  const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
  const compact = text.replace(/\\s/g, '');
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    // The value may be split over nodes (<bdi> around each number): join the element's text.
    const el = node.parentElement.closest('bdi, dd, td, p, li, span, strong, a') || node.parentElement;
    if (!(el.textContent || '').replace(/\\s/g, '').includes(compact)) continue;
    const chars = [];
    const inner = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let t = inner.nextNode(); t; t = inner.nextNode())
      for (let i = 0; i < t.data.length; i++) {
        if (/\\s/.test(t.data[i])) continue;
        const range = document.createRange(); range.setStart(t, i); range.setEnd(t, i + 1);
        const rect = range.getClientRects()[0];
        if (rect) chars.push([t.data[i], rect.x, rect.y]);
      }
    const joined = chars.map(c => c[0]).join('');
    const at = joined.indexOf(compact);
    if (at >= 0) return chars.slice(at, at + compact.length);
  }
  return null;
}"""


def assert_drawn_left_to_right(page, selector, text):
    """Every character of `text` (spaces aside) drawn right of the one before it, on one line."""
    chars = page.evaluate(_POSITIONS, [selector, text])
    assert chars, f"{text!r} not found in {selector}"
    drawn = "".join(c for c, _x, _y in sorted(chars, key=lambda c: c[1]))
    assert drawn == text.replace(" ", "").replace("\u00a0", ""), f"{text!r} is drawn as {drawn!r} in {selector}"
