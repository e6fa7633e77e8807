"""Staff fill-in forms: generate an XLSX per kecamatan and import it back into datasets/."""
