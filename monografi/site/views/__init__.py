"""What each page shows, as typed view models (dataclasses): the templates only lay them out.

One module per page type (`area`, `dataset`, `data_index`, `history`, `indicator`, …) builds its
view from the build context; `tables` and `common` hold the pieces several pages share (a table
of cells, a link, a source). Keeping selection and formatting here, not in Jinja, makes page
content testable without Pelican and formats every number the same way everywhere.
"""
