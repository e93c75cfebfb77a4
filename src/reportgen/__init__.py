"""reportgen: committee reports and agenda packs from council spreadsheets."""

__version__ = "0.1.0"
