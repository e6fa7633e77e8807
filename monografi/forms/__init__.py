"""Staff fill-in forms: generate an XLSX per kecamatan and import it back into datasets/."""

# Where staff upload forms and tables through GitHub's web page (forms.inbox); here, so the
# command line can name it without importing openpyxl or the validator.
INBOX_FOLDER = "kotak-masuk"
