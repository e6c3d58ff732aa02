"""The Jinja2 templates of the drafts: `config/templates/*.j2`, or a company's own copies.

A company edits the wording by copying a bundled template into `drafts.template_dir` (a file
there replaces the bundled one of the same name). Templates are plain text (no HTML escaping) and
run sandboxed; a missing variable is an error, not an empty string, so a broken template shows
at the first draft instead of sending a hole to a client.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from hayaoshi.errors import ConfigError

BUNDLED = Path(__file__).resolve().parent.parent / "config" / "templates"
_BLANK_RUN = re.compile(r"\n{3,}")
_TRAILING = re.compile(r"[ \t]+$", re.MULTILINE)


@functools.lru_cache(maxsize=8)
def environment(template_dir: str = "") -> SandboxedEnvironment:
    """One environment per template folder, built on first use (Jinja caches compiled templates)."""
    loaders: list[jinja2.BaseLoader] = []
    if template_dir:
        folder = Path(template_dir).expanduser()
        if not folder.is_dir():
            raise ConfigError(f"drafts.template_dir {template_dir!r} is not a folder")
        loaders.append(jinja2.FileSystemLoader(folder, encoding="utf-8"))
    loaders.append(jinja2.FileSystemLoader(BUNDLED, encoding="utf-8"))
    return SandboxedEnvironment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )


def render(name: str, template_dir: str = "", **values: Any) -> str:
    """Render `name` with `values`: trailing spaces trimmed, blank runs cut to one blank line."""
    try:
        text = environment(template_dir).get_template(name).render(**values)
    except jinja2.TemplateError as err:
        raise ConfigError(f"draft template {name}: {err}") from err
    text = _TRAILING.sub("", text)
    return _BLANK_RUN.sub("\n\n", text).strip("\n") + "\n"
