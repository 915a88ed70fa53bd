"""Stage 1: what to audit (sites.py) and what the registry says about it (registry.py)."""
