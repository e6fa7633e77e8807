"""Stage 6: run the stages in order, reuse unchanged work, index the site and publish it."""
