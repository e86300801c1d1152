"""A generator for one kind of content kept in its own folders (members, groups, dates).

What those generators share: reading every file of a folder through Pelican's
readers and cache, where any reader failure becomes a content error instead
of a traceback; the slug from ``Slug:`` or else the file name (never the
title); and writing a page with the menu entry of its section marked.
"""

from __future__ import annotations

import os

from pelican.generators import CachingGenerator

from .capture import explain_exception
from .cleaning import is_present
from .errors import report


class FolderGenerator(CachingGenerator):
    def read_folder(self, paths, content_class) -> list:
        """Every Markdown file below ``paths``, read by Pelican's readers, in path order."""
        items = []
        for path in sorted(self.get_files(paths)):
            item = self.get_cached_data(path, None)
            if item is None:
                try:
                    item = self.readers.read_file(
                        base_path=self.path,
                        path=path,
                        content_class=content_class,
                        context=self.context,
                    )
                except Exception as exc:  # any reader failure becomes a content error
                    report(explain_exception(os.path.join(self.path, path), exc))
                    self._add_failed_source_path(path)
                    continue
                self.cache_data(path, item)
            items.append(item)
            self.add_source_path(item)
        return items

    def file_slug(self, item, slugify) -> str:
        """``slugify`` of the explicit ``Slug:``, or else of the file name without extension."""
        explicit = item.metadata.get("slug")
        return slugify(explicit if is_present(explicit) else file_stem(item))

    def write_page(self, writer, active_menu: str, save_as, template, url, **variables) -> None:
        writer.write_file(
            save_as,
            self.get_template(template),
            self.context,
            relative_urls=self.settings["RELATIVE_URLS"],
            url=url,
            active_menu=active_menu,
            **variables,
        )


def file_stem(item) -> str:
    return os.path.splitext(os.path.basename(item.source_path))[0]
