#!/usr/bin/env python3
"""Checks the rendered book for links that lead nowhere, and for the links a
reader moves by.

For every page under SITE_DIR (default target/site):

- every relative href or src must name a file that exists, and a #fragment
  pointing into a page of the site must name an id in that page. Addresses on
  other hosts are not fetched (the docs build itself fails if a page loads
  anything from another host);
- a chapter page (book/chNN-*.html) must have a navigation bar (an element of
  class chapter-nav, from chapters/_navigation.adoc) that links to the
  contents (book/index.html), to the previous chapter and to the next one
  whenever those pages exist;
- a reference page (docs/*.html) must link back to the book (book/index.html);
- no text outside code may hold a backtick: one there is AsciiDoc markup that
  did not close (`GradCheck`'s renders its first backtick);
- the book's contents may name only exercise folders that exist: a cell of
  book/index.html that is just chNN in code must have EXERCISES/tests/
  org/scratchformer/exercises/chNN.

Exits 1 and lists what is wrong, if anything is.

Usage: check-site.py [SITE_DIR] [EXERCISES_DIR]
       (defaults: target/site exercises)
"""
import os
import re
import sys
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

CHAPTER = re.compile(r"^ch(\d\d)-.*\.html$")
EXERCISE_CELL = re.compile(r"^ch\d\d$")


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids, self.links = set(), []
        self.navs = []          # one list of hrefs per chapter-nav element
        self.nav_depth = 0      # open elements inside the current nav
        self.code_depth = 0     # inside code, pre, script or style
        self.td_depth = 0
        self.stray_backticks = []
        self.exercise_cells = []
        self.code_text = ""

    def handle_starttag(self, tag, attrs):
        attrs = [(n, v) for n, v in attrs if v is not None]
        classes = dict(attrs).get("class", "").split()
        if self.nav_depth:
            self.nav_depth += tag not in VOID
        elif "chapter-nav" in classes:
            self.navs.append([])
            self.nav_depth = 1
        if tag in ("code", "pre", "script", "style"):
            self.code_depth += 1
            self.code_text = ""
        if tag == "td":
            self.td_depth += 1
        for name, value in attrs:
            if name in ("id", "name") and not (tag == "meta" and name == "name"):
                self.ids.add(value)
            elif name in ("href", "src"):
                self.links.append((tag, value))
                if self.nav_depth and name == "href":
                    self.navs[-1].append(value)

    def handle_endtag(self, tag):
        if self.nav_depth and tag not in VOID:
            self.nav_depth -= 1
        if tag in ("code", "pre", "script", "style") and self.code_depth:
            self.code_depth -= 1
            if tag == "code" and self.td_depth and EXERCISE_CELL.match(
                    self.code_text.strip()):
                self.exercise_cells.append(self.code_text.strip())
        if tag == "td" and self.td_depth:
            self.td_depth -= 1

    def handle_data(self, data):
        if self.code_depth:
            self.code_text += data
        elif "`" in data:
            self.stray_backticks.append(data.strip()[:60])


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
        "meta", "source", "track", "wbr"}


def read(path, cache):
    if path not in cache:
        page = Page()
        with open(path, encoding="utf-8") as f:
            page.feed(f.read())
        cache[path] = page
    return cache[path]


def broken_links(site, pages, cache):
    broken = []
    for path in pages:
        for tag, link in read(path, cache).links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc:
                continue  # another host, mailto:, data: ...
            target = path
            if parts.path:
                target = os.path.normpath(
                    os.path.join(os.path.dirname(path), unquote(parts.path)))
            where = f"{os.path.relpath(path, site)}: <{tag}> {link}"
            if not os.path.exists(target):
                broken.append(where + "  (no such file)")
            elif parts.fragment and target.endswith(".html"):
                if unquote(parts.fragment) not in read(target, cache).ids:
                    broken.append(where + "  (no such anchor)")
    return broken


def missing_navigation(site, pages, cache):
    """Chapters without contents / previous / next links, reference pages
    without a link back to the book."""
    book = os.path.join(site, "book")
    chapters = {}
    if os.path.isdir(book):
        for name in os.listdir(book):
            m = CHAPTER.match(name)
            if m:
                chapters[int(m.group(1))] = name
    missing = []
    for path in pages:
        rel = os.path.relpath(path, site)
        folder, name = os.path.split(rel)
        page = read(path, cache)
        m = CHAPTER.match(name)
        if folder == "book" and m:
            number = int(m.group(1))
            wanted = {"index.html": "the contents"}
            for other, what in ((number - 1, "the previous chapter"),
                                (number + 1, "the next chapter")):
                if other in chapters:
                    wanted[chapters[other]] = what
            if not page.navs:
                missing.append(f"{rel}: no navigation bar (include "
                               "chapters/_navigation.adoc)")
            for nav in page.navs:
                targets = {urlsplit(h).path for h in nav}
                for target, what in wanted.items():
                    if target not in targets:
                        missing.append(f"{rel}: the navigation bar does not "
                                       f"link to {what} ({target})")
        elif folder == "docs":
            targets = {os.path.normpath(os.path.join(folder, urlsplit(h).path))
                       for t, h in page.links if t == "a"}
            if os.path.join("book", "index.html") not in targets:
                missing.append(f"{rel}: no link back to the book "
                               "(../book/index.html)")
    return missing


def text_defects(site, pages, cache, exercises):
    defects = []
    for path in pages:
        rel = os.path.relpath(path, site)
        page = read(path, cache)
        for text in page.stray_backticks:
            defects.append(f"{rel}: a backtick outside code, markup that did "
                           f"not close: {text!r}")
        if rel == os.path.join("book", "index.html"):
            base = os.path.join(exercises, "tests", "org", "scratchformer",
                                "exercises")
            for cell in page.exercise_cells:
                if not os.path.isdir(os.path.join(base, cell)):
                    defects.append(f"{rel}: names the exercises {cell}, but "
                                   f"{os.path.join(base, cell)} does not exist")
    return defects


def main(site, exercises):
    if not os.path.isdir(site):
        print(f"site check: {site} does not exist")
        return 1
    pages, cache = [], {}
    for root, _, files in os.walk(site):
        if os.path.relpath(root, site).split(os.sep)[0] == "mathjax":
            continue
        pages += [os.path.join(root, f) for f in files if f.endswith(".html")]
    pages.sort()
    problems = [("broken links", broken_links(site, pages, cache)),
                ("missing navigation", missing_navigation(site, pages, cache)),
                ("text defects", text_defects(site, pages, cache, exercises))]
    failed = False
    for what, lines in problems:
        if lines:
            failed = True
            print(f"site check: {len(lines)} {what}")
            for line in lines:
                print("  " + line)
    if failed:
        return 1
    print(f"site check: {len(pages)} pages, every local link and image found,"
          " every chapter and reference page has its navigation links")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "target/site",
                  sys.argv[2] if len(sys.argv) > 2 else "exercises"))
