"""Stage 4: report.json, the HTML reports, exports, notices and manifests, from site reports (write.py)."""
