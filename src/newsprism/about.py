"""Package metadata kept apart so that every module can import it cheaply."""

__version__ = "0.2.0"
