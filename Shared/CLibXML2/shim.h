#ifndef EINVOICE_CLIBXML2_SHIM_H
#define EINVOICE_CLIBXML2_SHIM_H
#include <stdio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/c14n.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlsave.h>

/* xmlFree is a global function-pointer variable, which Swift imports as mutable global state. */
static inline void einvoice_xmlFree(void *p) { xmlFree(p); }

/* Keeps libxml2 from printing parse errors to stderr; errors are read with xmlGetLastError. */
static inline void einvoice_xml_noop_structured(void *ctx, xmlErrorPtr error) { (void)ctx; (void)error; }
static inline void einvoice_xml_silence(void) { xmlSetStructuredErrorFunc(NULL, einvoice_xml_noop_structured); }

/* Collects schema-validation messages into a caller-provided buffer. */
typedef struct { char *buffer; size_t capacity; size_t length; int count; } einvoice_xml_errors;
static inline void einvoice_xml_collect(void *ctx, xmlErrorPtr error) {
    einvoice_xml_errors *errors = (einvoice_xml_errors *)ctx;
    if (errors == NULL || error == NULL || error->message == NULL) return;
    errors->count += 1;
    if (errors->length + 2 >= errors->capacity) return;
    int written = snprintf(errors->buffer + errors->length, errors->capacity - errors->length, "line %d: %s", error->line, error->message);
    if (written > 0) errors->length += (size_t)written < errors->capacity - errors->length ? (size_t)written : errors->capacity - errors->length - 1;
}
static inline void einvoice_xml_schema_collect(xmlSchemaValidCtxtPtr ctxt, einvoice_xml_errors *errors) {
    xmlSchemaSetValidStructuredErrors(ctxt, einvoice_xml_collect, errors);
}
#endif
