"""Reading a picture's text: what the OCR helper process runs (auditor/browse/ocrpool.py starts it).

The reader is rapidocr on onnxruntime with the PP-OCR models inside rapidocr's own wheel
(the `ocr` extra pins both). What was measured on this machine (issue 14) decides how it
is set up:

* one thread, no angle classifier: a picture costs one core, and a footer strip ~50 ms;
* recognition only for a one-line strip (a footer line, a badge): the detector, in its
  default set-up, blew a 22 px strip up to 736 px, took seconds and still missed it;
  pictures of several lines are detected with their longer side at most ``DET_SIDE``;
* options given to one rapidocr call stay set for the calls after it, so every call here
  names use_det, use_cls and use_rec;
* rapidocr downloads, at run time, any model it does not find: the models are named by
  explicit paths into the installed wheel (a missing file is "OCR unavailable", never a
  download), and the helper refuses every socket (:func:`refuse_network`, an audit hook).

Nothing here imports rapidocr, onnxruntime or numpy at module level: the auditor's own
process never loads them (about 400 MB); only the helper does, in :func:`start_helper`.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
import io
import os
import resource
import sys
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image, ImageOps, UnidentifiedImageError

PINNED = {"rapidocr": "3.10.0", "onnxruntime": "1.31.1"}
MODEL_FILES = {"Det": "PP-OCRv6_det_small.onnx", "Rec": "PP-OCRv6_rec_small.onnx",
               "Cls": "ch_ppocr_mobile_v2.0_cls_mobile.onnx"}
INSTALL_HINT = "pip install 'disclosure-auditor[ocr]'"
STRIP_MAX_HEIGHT = 40  # a picture this low, and STRIP_MIN_RATIO times as wide, holds one line
STRIP_MIN_RATIO = 3.0
DET_SIDE = 960  # the detector sees a picture of several lines at most this large
MAX_SIDE = 2000  # larger pictures are scaled down first: a licence scan's text stays ≥ 12 px
MAX_PIXELS = 40_000_000  # decoded at most this large (a "picture" of 100 000 × 100 000 is an attack)
MIN_SIDE = 8
COPY_SIDE = 1600  # the copy kept beside the snapshot, for the reports' crops
MIN_CONFIDENCE = 0.5  # a line read less surely is not kept
# Sockets and URL requests: the helper process has no business with the network.
NETWORK_EVENTS = frozenset({"socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "socket.sendto",
                            "socket.sendmsg", "urllib.Request"})

Box = tuple[float, float, float, float]


class NetworkRefusedError(RuntimeError):
    """Something in the OCR helper tried to reach the network (a model download): refused."""


@dataclass(frozen=True)
class Read:
    """One picture read: its lines (text, confidence, box in the copy's pixels) and the copy itself."""

    sha256: str
    lines: tuple[tuple[str, float, Box], ...] = ()
    size: tuple[int, int] = (0, 0)  # of the copy
    copy: bytes = b""  # the picture as read, PNG or JPEG, for the reports' crops
    copy_ext: str = ""
    cpu_s: float = 0.0  # this read's CPU time in the helper
    peak_mb: float = 0.0  # the helper's peak resident memory so far
    problem: str | None = None  # why nothing was read (not a picture, too large …)


def missing() -> str | None:
    """Why OCR cannot run on this install (None: it can): the extra missing, other versions, a model missing."""
    for package, wanted in PINNED.items():
        if importlib.util.find_spec(package) is None:
            return f"{package} is not installed ({INSTALL_HINT})"
        found = importlib.metadata.version(package)
        if found != wanted:
            return f"{package} {found} is installed, the auditor is set up for {wanted} ({INSTALL_HINT})"
    absent = [name for name in MODEL_FILES.values() if not (models_dir() / name).is_file()]
    return f"rapidocr's bundled models are missing: {', '.join(absent)}" if absent else None


def models_dir() -> Path:
    spec = importlib.util.find_spec("rapidocr")
    origin = spec.origin if spec is not None else None
    return Path(origin).parent / "models" if origin else Path("/nonexistent")


def engine_name() -> str:
    return (f"rapidocr {PINNED['rapidocr']} ({MODEL_FILES['Det'].removesuffix('.onnx')} + "
            f"{MODEL_FILES['Rec'].removesuffix('.onnx')}, onnxruntime {PINNED['onnxruntime']})")


# --- the helper process -------------------------------------------------------------------

_engine: Any = None


def refuse_network(event: str, args: tuple[Any, ...]) -> None:
    """Audit hook: any socket use or URL request in the helper is an error, never a download."""
    if event in NETWORK_EVENTS:
        raise NetworkRefusedError(f"the OCR helper may not use the network ({event} {args[:2]!r})")


def start_helper() -> None:
    """Initialiser of the helper process: no network, one thread, the models loaded and warm."""
    os.environ["OMP_NUM_THREADS"] = "1"
    sys.addaudithook(refuse_network)  # for the life of the process: audit hooks cannot be removed
    _end_with_parent()
    global _engine
    _engine = _load_engine()


def _end_with_parent() -> None:
    """End this helper when the auditor's process is gone (kill -9 leaves a pool's workers running)."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(0)  # no clean-up to do: the helper keeps nothing on disk

    threading.Thread(target=watch, name="end-with-parent", daemon=True).start()


def _load_engine() -> Any:
    # rapidocr is imported here, in the helper only: the auditor's process never loads it.
    from rapidocr import RapidOCR

    root = models_dir()
    params: dict[str, Any] = {f"{task}.model_path": str(root / name) for task, name in MODEL_FILES.items()}
    params.update({
        "Global.use_cls": False, "Global.log_level": "error",
        "Det.limit_type": "max", "Det.limit_side_len": DET_SIDE,
        "EngineConfig.onnxruntime.intra_op_num_threads": 1, "EngineConfig.onnxruntime.inter_op_num_threads": 1,
    })
    engine = RapidOCR(params=params)
    blank = Image.new("RGB", (96, 32), "white")
    engine(blank, use_det=True, use_cls=False, use_rec=True)  # loads the detector now, not on a site's time
    engine(blank, use_det=False, use_cls=False, use_rec=True)  # … and the recogniser
    return engine


def probe_network(host: str = "127.0.0.1", port: int = 9) -> str:
    """Try to open a socket from the helper (tests: proves the refusal is in force there)."""
    import socket

    with socket.create_connection((host, port), timeout=1):
        return "connected"


def read_picture(data: bytes) -> Read:
    """Read one picture's bytes (run in the helper): its lines of text and a copy for the reports."""
    started = time.process_time()
    sha = hashlib.sha256(data).hexdigest()
    try:
        picture = decode(data)
    except ValueError as exc:
        return Read(sha256=sha, problem=str(exc), cpu_s=time.process_time() - started, peak_mb=peak_mb())
    lines = recognise(picture)
    copy, ext, scale = keep_copy(picture)
    scaled = tuple((text, score, (x * scale, y * scale, w * scale, h * scale)) for text, score, (x, y, w, h) in lines)
    size = (round(picture.width * scale), round(picture.height * scale))
    return Read(sha256=sha, lines=scaled, size=size, copy=copy, copy_ext=ext,
                cpu_s=time.process_time() - started, peak_mb=peak_mb())


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def size_problem(width: int, height: int) -> str | None:
    """Why a picture of this size is not read (None: it is); known from its header, before the helper is asked."""
    if width * height > MAX_PIXELS:
        return f"picture too large to read ({width}×{height})"
    if min(width, height) < MIN_SIDE:
        return f"picture too small to hold text ({width}×{height})"
    return None


def decode(data: bytes) -> Image.Image:
    """The picture as RGB on white (transparent badges), upright, at most MAX_SIDE; ValueError if not one."""
    try:
        with Image.open(io.BytesIO(data)) as opened:
            problem = size_problem(*opened.size)
            if problem is not None:
                raise ValueError(problem)
            picture = ImageOps.exif_transpose(opened.convert("RGBA"))
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as exc:
        raise ValueError(f"not a picture Pillow can read: {exc}") from exc
    flat = Image.new("RGB", picture.size, "white")
    flat.paste(picture, mask=picture.getchannel("A"))
    flat.thumbnail((MAX_SIDE, MAX_SIDE))
    return flat


def is_strip(width: int, height: int) -> bool:
    return height <= STRIP_MAX_HEIGHT and width >= STRIP_MIN_RATIO * height


def recognise(picture: Image.Image) -> list[tuple[str, float, Box]]:
    """Lines of text: a strip read as one line (recognition only), anything else detected first."""
    if _engine is None:
        raise RuntimeError("read_picture runs in the OCR helper (start_helper first)")
    whole: Box = (0.0, 0.0, float(picture.width), float(picture.height))
    if is_strip(picture.width, picture.height):
        result = _engine(picture, use_det=False, use_cls=False, use_rec=True)
        found = zip(result.txts or (), result.scores or (), [whole] * len(result.txts or ()), strict=False)
    else:
        result = _engine(picture, use_det=True, use_cls=False, use_rec=True)
        found = zip(result.txts or (), result.scores or (), _boxes(result.boxes), strict=False)
    return [(text.strip(), round(float(score), 4), box) for text, score, box in found
            if text.strip() and score >= MIN_CONFIDENCE]


def _boxes(quads: Iterable[Any] | None) -> list[Box]:
    """The detector's four-point boxes as x, y, width, height."""
    out: list[Box] = []
    for quad in quads if quads is not None else ():
        xs, ys = [float(p[0]) for p in quad], [float(p[1]) for p in quad]
        out.append((min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)))
    return out


def keep_copy(picture: Image.Image) -> tuple[bytes, str, float]:
    """The picture as kept beside the snapshot: PNG when small (crisp footer text), else JPEG; its scale."""
    scale = min(1.0, COPY_SIDE / max(picture.width, picture.height))
    copy = picture if scale == 1.0 else picture.resize((round(picture.width * scale), round(picture.height * scale)))
    encoded = io.BytesIO()
    if copy.width * copy.height <= 200_000:
        copy.save(encoded, "PNG", optimize=True)
        return encoded.getvalue(), "png", scale
    copy.save(encoded, "JPEG", quality=85)
    return encoded.getvalue(), "jpg", scale


def expected_cpu_s(width: int, height: int) -> float:
    """What reading a picture of this size costs, roughly (docs/performance.md): a site's budget is kept by it."""
    if is_strip(width, height):
        return 0.15
    side = min(max(width, height), MAX_SIDE)
    return 0.2 + 1.3 * (side / 1600) ** 2
