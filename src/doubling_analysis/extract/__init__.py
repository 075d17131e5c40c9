"""The extraction layer (beside model): candidate rows from plan texts and web pages, the language rules,
and accept (candidates into the data folder). Imports data and the root only."""
