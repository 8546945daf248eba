/*
 * Markdown (a cmark tree from the model) into other forms: libxml2 nodes
 * for pages and Pango markup for sheets. Raw HTML in content becomes text;
 * links keep only allowed schemes. Nothing from content becomes markup.
 */
#ifndef KT_MARKDOWN_H
#define KT_MARKDOWN_H

#include <glib.h>
#include <libxml/tree.h>

#include "model/model.h"

/*
 * Appends the blocks of m to parent. Headings move down by shift levels
 * (a "#" in a section under an h2 becomes an h3). When inline is TRUE and
 * m is one paragraph, its content is appended without the <p>.
 */
void kt_md_to_xml(const struct kt_md *m, xmlNodePtr parent, int shift,
    gboolean inline_only);

/* Pango markup of m: paragraphs joined by blank lines, bold kept. */
char *kt_md_to_pango(const struct kt_md *m);

#endif
