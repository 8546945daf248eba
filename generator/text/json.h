/*
 * JSON strings for the files keukentafel writes. < > & and the line and
 * paragraph separators are escaped too, so JSON can sit inside an HTML
 * <script> element and never end it.
 */
#ifndef KT_JSON_H
#define KT_JSON_H

#include <glib.h>

/* Appends s as a quoted JSON string. */
void kt_json_str(GString *out, const char *s);

#endif
