"""State kept once per browser tab and reset for each page it loads.

A tab's listeners (its document watch: auditor/browse/settle.py) are added once and reset per
page: adding and removing a listener costs Playwright's driver a round trip each, and was the most
frequent protocol call of a batch (issue 17). The tab's entry goes when the tab closes: the state
holds its tab (it listens to it), so a weak mapping alone would keep every tab of a batch alive.

Listeners of the browser's events are made by `listener`: see there why.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any, Generic, Protocol, TypeVar

from playwright.async_api import Page


class Resettable(Protocol):
    def reset(self) -> Resettable: ...


T = TypeVar("T", bound=Resettable)
E = TypeVar("E")

# One positional parameter: what Playwright passes an event's listener.
_ONE_ARGUMENT = inspect.Signature([inspect.Parameter("event", inspect.Parameter.POSITIONAL_ONLY)])


def listener(handle: Callable[[E], Any]) -> Callable[[E], None]:
    """`handle` as a listener whose signature Playwright need not work out at every event.

    Playwright's client asks `inspect.signature` of a listener each time it calls it, to pass
    no more arguments than it takes (ImplToApiMapping.wrap_handler, playwright 1.65): 13–15 µs
    for a function or a method, 3 µs for one that carries its signature: it counted when the
    auditor heard three events for every request a page makes (a real page makes a hundred or
    more: bench/listeners.py). Keep the returned function to remove it: it is a new one.
    """
    def heard(event: E) -> None:
        handle(event)
    heard.__signature__ = _ONE_ARGUMENT  # type: ignore[attr-defined]
    return heard


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
