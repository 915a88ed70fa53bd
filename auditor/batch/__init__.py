"""Around the stages: a batch of sites in a store, scheduled, resumed, reported on (runner.py, audit.py)."""
