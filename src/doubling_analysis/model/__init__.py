"""The model layer: targets, growth, projections, evidence, volatility, probabilities, the assessment,
its backtest, hierarchy and ambition checks. Imports data and the package root, never report/build/app."""
