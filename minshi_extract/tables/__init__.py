"""Attachment tables as they really arrive: one grid model for every reader, typed columns, and
the arithmetic the tables carry (合计 = sum of rows, row total = sum of payer columns)."""
