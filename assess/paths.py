"""Where the bundled data lives, in a source checkout and in an installed wheel."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def norms_directory() -> Path:
    """The ``norms/`` folder: beside the package in a checkout, ``assess/norms`` in a wheel."""
    checkout = Path(__file__).resolve().parent.parent / "norms"
    if (checkout / "unodc-who-2020.yaml").is_file():
        return checkout
    return Path(str(resources.files("assess.norms")))


def package_data(subpackage: str) -> Path:
    return Path(str(resources.files(f"assess.{subpackage}")))
