"""Reading a PDF the way a reader (or a screen reader) would: text per page, outline, tags."""

import io
import re

from pypdf import PdfReader


class ReadPdf:
    def __init__(self, content: bytes):
        assert content.startswith(b"%PDF-"), content[:20]
        self.content = content
        self.reader = PdfReader(io.BytesIO(content))
        self.pages = [page.extract_text() for page in self.reader.pages]
        self.text = "\n".join(self.pages)

    @property
    def body(self):
        """The text after the front page's heading block (the contents list comes first in the file)."""
        return self.text[self.text.index("Issue date:") :]

    @property
    def page_count(self):
        return len(self.reader.pages)

    def first_page_with(self, text: str) -> int:
        """1-based number of the first page on which ``text`` appears as a line of its own."""
        for number, page in enumerate(self.pages, start=1):
            if "What's inside" in page:  # the contents list names every section: skip it
                start = page.index("What's inside")
                page = page[:start] + page[page.index("involved.", start) :]
            if text in [line.strip() for line in page.splitlines()]:
                return number
        raise AssertionError(f"{text!r} is not on any page")

    def contents(self) -> dict[str, int]:
        """“What's inside”: each entry's label and the page number printed after its leader dots."""
        entries = {}
        page = self.pages[0]
        block = page[page.index("What's inside") :].splitlines()[1:]
        pending = ""
        for line in block:
            match = re.match(r"^(.*?)[\s.]*?\s(\d+)$", line.strip())
            if match and "." in line:
                label = (pending + " " + match.group(1)).strip(" .")
                entries[label] = int(match.group(2))
                pending = ""
            elif line.strip():
                pending = (pending + " " + line.strip()).strip()
            if line.strip().startswith("The names used"):
                break
        return entries

    def outline(self) -> list[tuple[int, str, int]]:
        """Bookmarks as (depth, title, 1-based page)."""
        entries = []

        def walk(items, depth):
            for item in items:
                if isinstance(item, list):
                    walk(item, depth + 1)
                else:
                    entries.append((depth, item.title, self.reader.get_destination_page_number(item) + 1))

        walk(self.reader.outline, 1)
        return entries

    @property
    def catalog(self):
        return self.reader.trailer["/Root"]

    def structure_roles(self) -> set[str]:
        """The tag names used in the structure tree (/H2, /L, /Table, /TH, ...)."""
        roles = set()

        def walk(node):
            node = node.get_object() if hasattr(node, "get_object") else node
            if isinstance(node, dict):
                if "/S" in node:
                    roles.add(str(node["/S"]))
                if "/K" in node:
                    walk(node["/K"])
            elif isinstance(node, list):
                for child in node:
                    walk(child)

        walk(self.catalog["/StructTreeRoot"])
        return roles

    @property
    def is_tagged(self):
        mark_info = self.catalog.get("/MarkInfo")
        return bool(mark_info and mark_info.get("/Marked")) and "/StructTreeRoot" in self.catalog


def pdf_of(response) -> ReadPdf:
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "application/pdf"
    return ReadPdf(b"".join(response.streaming_content))
