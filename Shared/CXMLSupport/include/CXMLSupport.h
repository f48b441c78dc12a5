#ifndef EINVOICE_CXMLSUPPORT_H
#define EINVOICE_CXMLSUPPORT_H
/*
 * The few libxml2 operations einvoice needs, behind an interface that does not expose libxml2's
 * headers (they pull in ICU's, which clash with Foundation's copy of ICU in Swift).
 */
#include <stddef.h>

/* Parses a document without network access, DTD loading or entity expansion. Returns NULL on
 * failure, with a message in `error`. A document with a DOCTYPE is refused (`*has_dtd` = 1). */
void *einvoice_xml_parse(const char *bytes, int length, char *error, int error_capacity, int *has_dtd);
void einvoice_xml_free_document(void *document);

/* Removes, anywhere in the document, ext:UBLExtensions, cac:Signature and every
 * cac:AdditionalDocumentReference whose cbc:ID is "QR", keeping the text around them.
 * Returns how many elements were removed. */
int einvoice_xml_remove_stamp_elements(void *document);

/* Canonical XML 1.1 without comments. Returns the length (or -1) and sets `*output`, to be
 * released with einvoice_xml_free_buffer. */
long einvoice_xml_canonicalize(void *document, unsigned char **output);
void einvoice_xml_free_buffer(unsigned char *buffer);

/* Validates a parsed document against the XSD at `schema_path`. Returns 0 when valid, the number
 * of problems otherwise (-1 if the schema cannot be loaded); messages go to `errors`. */
int einvoice_xml_validate(void *document, const char *schema_path, char *errors, int errors_capacity);
#endif
