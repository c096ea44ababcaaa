"""Analysis: scores, agreement, differences, consensus and portfolios, as plain results (no text for people)."""
