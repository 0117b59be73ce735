"""Reports: read-side aggregate queries (run in SQL), and Excel, PDF and CSV builders fed by them."""
