/*
 * Markdown on paper: a link prints its address after its text, and the
 * address is a link in the PDF where it is drawn. A link to another item
 * prints the address of the item's page on the site, when site.yaml has
 * basis_url; else only its text.
 */
#ifndef KT_PRINT_LINKS_H
#define KT_PRINT_LINKS_H

#include "print/pdfkit.h"

/*
 * Pango markup of m, a text in lang, for p (see kt_md_to_pango). The
 * caller frees it with g_free. The addresses it shows are remembered in p
 * until it is closed, for kt_pdf_links().
 */
char *kt_pdf_md(struct kt_pdf *p, const struct kt_language *lang,
    const struct kt_md *m);

/*
 * Lays a PDF link over every address that kt_pdf_md() showed in l, drawn
 * with its top left at x, y on the page. kt_pdf_show() calls it; a
 * printable that draws a layout itself calls it after.
 */
void kt_pdf_links(struct kt_pdf *p, PangoLayout *l, double x, double y);

#endif
