"""How a run is set up: the browser's limits, the judge's settings and the batch's.

Plain data shared by every stage (the CLI fills it, the stages read it); no stage's code
lives here, so each can take what it needs without importing another.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from auditor.models import DEFAULT_PROFILES, Lang, RegistryRecords

# Sites in flight. A site spends most of its time waiting for its pages to settle, which
# other sites' rendering can use, but rendering and screenshots are CPU work: on a 2-core
# machine the best number depends on the sites (docs/performance.md). So by default it
# adapts (AUTO): more sites while the CPU has idle time left, then as many as the run's own
# throughput says are best (batch/schedule.py, Controller).
AUTO = 0
AUTO_START, AUTO_MAX = 6, 16  # throughput stops growing at 12–16 on 2 cores; memory does not
DEFAULT_MAX_MEMORY_MB = 1536  # the run's own memory (PSS of this process, its driver and browser)
DEFAULT_RETRIES = 2  # relaunch-and-retry after a browser crash or hang, then `error`
DEFAULT_RECYCLE_AFTER = 100  # sites per browser before a fresh one takes over (bounds memory)


@dataclass(frozen=True)
class Limits:
    """What the browser stage may spend on a site, and what it keeps of it."""

    page_timeout_s: float = 20.0
    site_timeout_s: float = 90.0
    # When a page is read: auditor/browse/settle.py.
    network_quiet_ms: int = 250  # no request in flight this long, then …
    settle_ms: int = 300  # … the DOM unchanged this long …
    settle_min_ms: int = 1500  # … and, until the page shows what it is read for, no timer due and this long
    settle_max_ms: int = 6000  # never wait longer than this after navigation
    settle_min_text: int = 200  # a page other than the homepage shows this much text, or no timer is due
    max_pages: int = 8
    max_blocks: int = 4000
    max_block_chars: int = 2000
    max_links: int = 3000
    max_images: int = 500
    max_pseudo_elements: int = 20000  # elements whose CSS-drawn text (::before/::after) is read
    max_opened: int = 500  # folded sections and hidden tab panels opened on a document page (reveal.js)
    screenshots: bool = True  # pictures for evidence (browse/pictures.py); off: faster (CI self-checks), text only
    whole_pages: bool = False  # photograph every page whole, not only the homepage and the parts the rules cite
    max_screenshot_height: int = 8000
    max_snapshot_bytes: int = 4_000_000  # one page's snapshot JSON; beyond it main-content text is dropped
    max_dom_bytes: int = 10_000_000  # the saved copy of a page's rendered HTML is cut here
    # Numbers shown only as pictures (auditor/browse/ocr.py): read where a rule would otherwise say
    # "only in an image", within these bounds per site. Off, or without the `ocr` extra: not read.
    ocr: bool = True
    ocr_max_images: int = 8  # pictures read per site (a picture read before, anywhere in the run, is free)
    ocr_cpu_s: float = 5.0  # CPU seconds of reading per site; what is left unread stays "only in an image"
    ocr_max_bytes: int = 8_000_000  # a bigger picture is not a licence scan worth its cost
    allow_private: bool = False  # load private/loopback/link-local addresses (demo, intranet audits)
    loopback_only: bool = False  # load 127.0.0.1 only, nothing else (tests: no traffic leaves the machine)

    def reveal_limits(self) -> dict[str, int]:
        return {"maxOpened": self.max_opened, "maxScan": self.max_pseudo_elements, "minPanelChars": 20}

    def js_limits(self) -> dict[str, int]:
        return {"maxBlocks": self.max_blocks, "maxBlockChars": self.max_block_chars,
                "maxLinks": self.max_links, "maxImages": self.max_images, "maxPseudo": self.max_pseudo_elements}


@dataclass(frozen=True)
class JudgeOptions:
    """All the judge needs besides the rules and a snapshot."""

    today: date = field(default_factory=date.today)
    lang: Lang = "zh"
    default_profiles: tuple[str, ...] = DEFAULT_PROFILES  # for sites whose input names none
    # Every record of the --registry file, by domain and credit code: a site in none of them by
    # its domain or input row is matched by a credit code it shows (an imitation's copied code).
    registry: RegistryRecords = field(default_factory=dict)


@dataclass
class RunOptions:
    out_dir: Path
    lang: Lang = "zh"
    default_profiles: tuple[str, ...] = DEFAULT_PROFILES
    concurrency: int = AUTO  # AUTO (0): adapt between AUTO_START.. and max_concurrency
    max_concurrency: int = AUTO_MAX
    max_memory_mb: int = DEFAULT_MAX_MEMORY_MB  # AUTO also sheds sites when the run uses more
    limits: Limits = field(default_factory=Limits)
    browser_path: str | None = None
    today: date = field(default_factory=date.today)
    retries: int = DEFAULT_RETRIES
    recycle_after: int = DEFAULT_RECYCLE_AFTER
    per_host: int = 1  # sites of one host (name and port) in flight at once: be polite
    host_delay_s: float = 0.0  # pause between two sites of the same host
    registry: RegistryRecords = field(default_factory=dict)  # see JudgeOptions.registry

    @property
    def judging(self) -> JudgeOptions:
        return JudgeOptions(today=self.today, lang=self.lang, default_profiles=self.default_profiles,
                            registry=self.registry)
