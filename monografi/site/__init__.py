"""Stage 5: the pages, written by Pelican through the project plugin and the page writers."""
