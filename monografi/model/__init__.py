"""Stage 2: the validated package as areas, tables, derived figures, indicators and history."""
