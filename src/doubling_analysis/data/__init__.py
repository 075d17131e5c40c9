"""The data layer: files in, validated frames out (io, schema, catalog, plausibility, vintage, units,
provenance, datafolder). Imports only the package root (config, violations, paths, quarters, codes)."""
