#include "CXMLSupport.h"

#include <stdio.h>
#include <string.h>
#include <libxml/c14n.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>

static const char *UBL_EXT = "urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2";
static const char *UBL_CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
static const char *UBL_CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";

static void ignore_error(void *context, xmlErrorPtr error) { (void)context; (void)error; }

static void copy_last_error(char *buffer, int capacity) {
    if (buffer == NULL || capacity <= 0) return;
    xmlErrorPtr error = xmlGetLastError();
    if (error == NULL || error->message == NULL) {
        snprintf(buffer, (size_t)capacity, "libxml2 could not parse it");
        return;
    }
    snprintf(buffer, (size_t)capacity, "line %d: %s", error->line, error->message);
    size_t length = strlen(buffer);
    while (length > 0 && (buffer[length - 1] == '\n' || buffer[length - 1] == ' ')) buffer[--length] = 0;
}

void *einvoice_xml_parse(const char *bytes, int length, char *error, int error_capacity, int *has_dtd) {
    static int initialized = 0;
    if (!initialized) {
        xmlInitParser();
        initialized = 1;
    }
    xmlSetStructuredErrorFunc(NULL, ignore_error);
    xmlResetLastError();
    *has_dtd = 0;
    xmlDocPtr document = xmlReadMemory(bytes, length, "invoice.xml", "UTF-8", XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (document == NULL) {
        copy_last_error(error, error_capacity);
        return NULL;
    }
    if (document->intSubset != NULL || document->extSubset != NULL) {
        *has_dtd = 1;
        xmlFreeDoc(document);
        return NULL;
    }
    if (xmlDocGetRootElement(document) == NULL) {
        snprintf(error, (size_t)error_capacity, "the document has no root element");
        xmlFreeDoc(document);
        return NULL;
    }
    return document;
}

void einvoice_xml_free_document(void *document) {
    if (document != NULL) xmlFreeDoc((xmlDocPtr)document);
}

static int is_element(xmlNodePtr node, const char *name, const char *namespace) {
    return node->type == XML_ELEMENT_NODE && node->ns != NULL && xmlStrEqual(node->name, (const xmlChar *)name) &&
           xmlStrEqual(node->ns->href, (const xmlChar *)namespace);
}

static int is_qr_reference(xmlNodePtr node) {
    if (!is_element(node, "AdditionalDocumentReference", UBL_CAC)) return 0;
    for (xmlNodePtr child = node->children; child != NULL; child = child->next) {
        if (is_element(child, "ID", UBL_CBC)) {
            xmlChar *content = xmlNodeGetContent(child);
            int matches = content != NULL && xmlStrEqual(content, (const xmlChar *)"QR");
            xmlFree(content);
            if (matches) return 1;
        }
    }
    return 0;
}

static int remove_in(xmlNodePtr parent) {
    int removed = 0;
    xmlNodePtr child = parent->children;
    while (child != NULL) {
        xmlNodePtr next = child->next;
        if (child->type == XML_ELEMENT_NODE) {
            if (is_element(child, "UBLExtensions", UBL_EXT) || is_element(child, "Signature", UBL_CAC) || is_qr_reference(child)) {
                xmlUnlinkNode(child);
                xmlFreeNode(child);
                removed += 1;
            } else {
                removed += remove_in(child);
            }
        }
        child = next;
    }
    return removed;
}

int einvoice_xml_remove_stamp_elements(void *document) {
    return remove_in(xmlDocGetRootElement((xmlDocPtr)document));
}

long einvoice_xml_canonicalize(void *document, unsigned char **output) {
    xmlChar *buffer = NULL;
    int length = xmlC14NDocDumpMemory((xmlDocPtr)document, NULL, XML_C14N_1_1, NULL, 0, &buffer);
    if (length < 0 || buffer == NULL) return -1;
    *output = buffer;
    return length;
}

void einvoice_xml_free_buffer(unsigned char *buffer) {
    if (buffer != NULL) xmlFree(buffer);
}

typedef struct {
    char *buffer;
    int capacity;
    int length;
    int count;
} error_sink;

static void collect_error(void *context, xmlErrorPtr error) {
    error_sink *sink = (error_sink *)context;
    if (sink == NULL || error == NULL || error->message == NULL) return;
    sink->count += 1;
    if (sink->buffer == NULL || sink->length + 2 >= sink->capacity) return;
    int written = snprintf(sink->buffer + sink->length, (size_t)(sink->capacity - sink->length), "line %d: %s", error->line, error->message);
    if (written > 0) sink->length += written < sink->capacity - sink->length ? written : sink->capacity - sink->length - 1;
}

int einvoice_xml_validate(void *document, const char *schema_path, char *errors, int errors_capacity) {
    error_sink sink = {errors, errors_capacity, 0, 0};
    if (errors != NULL && errors_capacity > 0) errors[0] = 0;
    xmlSchemaParserCtxtPtr parser = xmlSchemaNewParserCtxt(schema_path);
    if (parser == NULL) return -1;
    xmlSchemaSetParserStructuredErrors(parser, collect_error, &sink);
    xmlSchemaPtr schema = xmlSchemaParse(parser);
    xmlSchemaFreeParserCtxt(parser);
    if (schema == NULL) return -1;
    xmlSchemaValidCtxtPtr context = xmlSchemaNewValidCtxt(schema);
    xmlSchemaSetValidStructuredErrors(context, collect_error, &sink);
    int status = xmlSchemaValidateDoc(context, (xmlDocPtr)document);
    xmlSchemaFreeValidCtxt(context);
    xmlSchemaFree(schema);
    if (status == 0) return 0;
    return sink.count > 0 ? sink.count : 1;
}
