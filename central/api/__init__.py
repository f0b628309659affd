"""HTTP routes of API v1 (docs/central-api.md), one module per resource."""
