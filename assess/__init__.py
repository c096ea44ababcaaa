"""assess: self-assessment against the UNODC/WHO International Standards for the Treatment
of Drug Use Disorders (2020). The core (catalog, assessment files, scoring, reports, batch)
never imports Textual; the TUI lives in ``assess.tui``."""

__version__ = "0.1.0"
