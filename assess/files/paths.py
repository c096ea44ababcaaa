"""Where the bundled data lives, in a source checkout and in an installed wheel."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parents[1]  # assess/


def norms_directory() -> Path:
    """The ``norms/`` folder: beside the package in a checkout, ``assess/norms`` in a wheel."""
    checkout = _PACKAGE.parent / "norms"
    if (checkout / "unodc-who-2020.yaml").is_file():
        return checkout
    return _PACKAGE / "norms"


def package_data(subpackage: str) -> Path:
    """A data folder inside the package, e.g. ``schemas`` or ``data``."""
    return _PACKAGE / subpackage
