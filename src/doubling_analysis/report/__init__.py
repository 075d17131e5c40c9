"""The report layer: findings, the tracker, the quarterly sections, presentation, plots, labels and
views (what a reader sees). Imports model, data and the root; never build or app."""
