#!/usr/bin/env python3
"""Checks the rendered book for links that lead nowhere.

For every page under SITE_DIR (default target/site), every relative href or
src must name a file that exists, and a #fragment pointing into a page of the
site must name an id in that page. Addresses on other hosts are not fetched
(the docs build itself fails if a page loads anything from another host).
Exits 1 and lists the broken links if there are any.

Usage: check-site.py [SITE_DIR]
"""
import os
import sys
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids, self.links = set(), []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            if name in ("id", "name") and not (tag == "meta" and name == "name"):
                self.ids.add(value)
            elif name in ("href", "src"):
                self.links.append((tag, value))


def read(path, cache):
    if path not in cache:
        page = Page()
        with open(path, encoding="utf-8") as f:
            page.feed(f.read())
        cache[path] = page
    return cache[path]


def main(site):
    if not os.path.isdir(site):
        print(f"site check: {site} does not exist")
        return 1
    pages, cache, broken = [], {}, []
    for root, _, files in os.walk(site):
        if os.path.relpath(root, site).split(os.sep)[0] == "mathjax":
            continue
        pages += [os.path.join(root, f) for f in files if f.endswith(".html")]
    for path in sorted(pages):
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
    if broken:
        print(f"site check: {len(broken)} broken links")
        for line in broken:
            print("  " + line)
        return 1
    print(f"site check: {len(pages)} pages, every local link and image found")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "target/site"))
