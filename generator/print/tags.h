/*
 * Internal to the kit: what tags.c keeps of a document's structure and
 * form fields for doc.c and draw.c. The printables use pdfkit.h's calls.
 */
#ifndef KT_TAGS_H
#define KT_TAGS_H

#include "print/pdffile.h"
#include "print/pdfkit.h"

/* The caller frees it with kt_pdf_marks_free(). */
struct kt_pdf_marks *kt_pdf_marks_new(void);
void kt_pdf_marks_free(struct kt_pdf_marks *);
/* What to add after cairo; borrowed: valid until the marks are freed. */
void kt_pdf_marks_extra(const struct kt_pdf_marks *, struct kt_pdf_extra *);

/* A link (cairo's attributes) in the tree where it does no harm. */
void kt_pdf_tag_link(struct kt_pdf *, const char *attrs);
/* Before a page ends: the links held back are placed on it. */
void kt_pdf_tags_page(struct kt_pdf *);
/* Whether kt_pdf_tagged() was called. */
gboolean kt_pdf_tags_on(const struct kt_pdf *);
/* Ends the Document, before cairo finishes. */
void kt_pdf_tags_close(struct kt_pdf *);
/* Whether the kit's helpers tag what they draw now. */
gboolean kt_pdf_tagging(const struct kt_pdf *);
/* The language of the innermost element that has one, or the
 * document's; borrowed. */
const char *kt_pdf_tag_lang(const struct kt_pdf *);

#endif
