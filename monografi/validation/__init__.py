"""Stage 1: read datasets/ and check it; nothing later runs on data this stage refused."""
