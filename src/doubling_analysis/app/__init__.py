"""The application layer: the command line and the JupyterLab explorer. May import every other layer."""
