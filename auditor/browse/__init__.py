"""Stage 2: render each site as a visitor sees it and end in a snapshot (render.py)."""
