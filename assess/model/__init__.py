"""The model: the checklist and an assessment as frozen dataclasses. Imports nothing else of assess."""
