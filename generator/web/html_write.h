/*
 * An HTML5 serializer for libxml2 trees. libxml2's own HTML writer speaks
 * HTML 4 (named entities, no doctype, unescaped script text); this one
 * writes what browsers and validators expect today.
 */
#ifndef KT_HTML_WRITE_H
#define KT_HTML_WRITE_H

#include <glib.h>
#include <libxml/tree.h>

/* Appends "<!DOCTYPE html>" and the document's root element to out. */
void kt_html_serialize(xmlDocPtr, GString *out);
/* Appends one element and what is inside it. */
void kt_html_serialize_node(xmlNodePtr, GString *out);

/*
 * A processing instruction of this name is written as its content, as
 * it is: HTML this serializer wrote before (a card that appears on many
 * pages is serialized once). Nothing from content makes one.
 */
#define KT_HTML_RAW "kt-raw"

#endif
