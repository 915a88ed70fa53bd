"""State kept once per browser tab and reset for each page it loads.

A tab's listeners (its network watch, its picture responses) are added once and reset per page:
adding and removing a listener costs Playwright's driver a round trip each, and was the most
frequent protocol call of a batch (issue 17). The tab's entry goes when the tab closes: the state
holds its tab (it listens to it), so a weak mapping alone would keep every tab of a batch alive.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, Protocol, TypeVar

from playwright.async_api import Page


class Resettable(Protocol):
    def reset(self) -> Resettable: ...


T = TypeVar("T", bound=Resettable)


class PerTab(Generic[T]):
    """`PerTab(Watch)(page)`: the tab's one `Watch`, made on first use, reset for the page about to load."""

    def __init__(self, make: Callable[[Page], T]) -> None:
        self._make = make
        self._made: dict[Page, T] = {}

    def __call__(self, page: Page) -> T:
        made = self._made.get(page)
        if made is None:
            made = self._made[page] = self._make(page)
            page.once("close", self._forget)
        made.reset()
        return made

    def _forget(self, page: Page) -> None:
        self._made.pop(page, None)

    def __len__(self) -> int:
        return len(self._made)
