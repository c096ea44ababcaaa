"""Files: strict YAML, schema checks, loading the catalog and assessments, writing, storage, CSV sheets."""
