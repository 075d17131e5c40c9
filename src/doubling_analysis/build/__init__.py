"""The build layer: papermill runs in warm kernels, HTML/PDF rendering, the quarterly build and the
per-jurisdiction PDFs. Imports report, model, data and the root; never app."""
