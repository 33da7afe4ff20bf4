"""Reads feeds with independent parsers and prints, per file, what a reader would see.

RSS and Atom go through feedparser (Debian: apt-get install python3-feedparser). Debian's feedparser 6.0.10 has
no JSON Feed parser, so JSON Feed files are read with Python's json module and checked against the JSON Feed 1.1
required members instead; bozo is then 1 when a required member is missing.

usage: /usr/bin/python3 check_feeds.py FILE...
Prints one JSON object per file: bozo, version, title, link, and for each entry the elements a reader needs.
"""
import json
import sys

import feedparser


def read_syndication(path):
    parsed = feedparser.parse(path)
    entries = []
    for entry in parsed.entries:
        content = entry.get("content") or []
        entries.append({
            "title": entry.get("title", ""),
            "link": entry.get("link", ""),
            "id": entry.get("id", ""),
            "published": bool(entry.get("published_parsed")),
            "author": entry.get("author", ""),
            "has_content": bool(content and content[0].get("value")) or bool(entry.get("summary")),
        })
    return {
        "bozo": int(parsed.bozo),
        "bozo_exception": str(parsed.get("bozo_exception", "")),
        "version": parsed.version,
        "title": parsed.feed.get("title", ""),
        "link": parsed.feed.get("link", ""),
        "entries": entries,
    }


def read_json_feed(path):
    with open(path, encoding="utf-8") as file:
        feed = json.load(file)
    problems = []
    if feed.get("version") != "https://jsonfeed.org/version/1.1":
        problems.append("version is not https://jsonfeed.org/version/1.1")
    if not feed.get("title"):
        problems.append("no title")
    if not isinstance(feed.get("items"), list):
        problems.append("no items list")
    entries = []
    for item in feed.get("items", []):
        if not item.get("id"):
            problems.append("an item has no id")
        if not (item.get("content_html") or item.get("content_text")):
            problems.append("an item has neither content_html nor content_text")
        authors = item.get("authors") or []
        entries.append({
            "title": item.get("title", ""),
            "link": item.get("url", ""),
            "id": item.get("id", ""),
            "published": bool(item.get("date_published")),
            "author": authors[0].get("name", "") if authors else "",
            "has_content": bool(item.get("content_html") or item.get("content_text")),
        })
    return {
        "bozo": 1 if problems else 0,
        "bozo_exception": "; ".join(problems),
        "version": "json11" if feed.get("version") == "https://jsonfeed.org/version/1.1" else "",
        "title": feed.get("title", ""),
        "link": feed.get("home_page_url", ""),
        "entries": entries,
    }


for path in sys.argv[1:]:
    result = read_json_feed(path) if path.endswith(".json") else read_syndication(path)
    result["file"] = path
    print(json.dumps(result, ensure_ascii=False))
