"""Stage 1: read datasets/ and check it; nothing later runs on data this stage refused."""

# The levels an area table can describe; here, so the command line can offer them cheaply.
AREA_LEVELS = ("provinsi", "kabupaten", "kecamatan", "desa")
