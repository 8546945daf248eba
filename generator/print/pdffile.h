/*
 * Finished PDF files, as bytes: the repairs cairo's output needs, and
 * pages copied from PDFs keukentafel made into a new one (a single sheet
 * cut from its chunk, a bundle joined from chunks).
 */
#ifndef KT_PDFFILE_H
#define KT_PDFFILE_H

#include <glib.h>

/*
 * What the output of a cairo needs (its cairo_version(), as flags), from
 * cairo's history:
 *  KT_PDF_ASK_1_4: from 1.17.6 on, PDF 1.5 and later come with
 *   cross-reference streams and object streams, which the reader below
 *   does not read; PDF 1.4 keeps tables (and loses ActualText).
 *  KT_PDF_FIX_XREF: before 1.17.6, a reserved object is never written
 *   (cairo issue 487): kt_pdf_fix_xref().
 *  KT_PDF_UNIQUE_NAMES: a form named once per use, in every version read
 *   (up to 1.17.7): kt_pdf_unique_names().
 *  KT_PDF_ADD_LANG: no version can write /Lang, /Alt, form fields or
 *   /Duplex: kt_pdf_update().
 */
enum {
	KT_PDF_ASK_1_4 = 1 << 0,
	KT_PDF_FIX_XREF = 1 << 1,
	KT_PDF_UNIQUE_NAMES = 1 << 2,
	KT_PDF_ADD_LANG = 1 << 3
};
guint kt_pdf_cairo_needs(int cairo_version);

/* What a document printed on both sides of the paper, turned over on its
 * long edge, says in its catalog's /ViewerPreferences. */
#define KT_PDF_DUPLEX "/Duplex /DuplexFlipLongEdge"

/* What kt_pdf_update() adds to an element of the structure tree, the
 * index-th in the order of the tree (that of cairo_tag_begin()). */
struct kt_pdf_elem_extra {
	guint index;
	const char *type;	/* what it must be: "Figure" */
	char *alt;		/* UTF-8, or NULL */
	char *lang;		/* or NULL */
};

/* A text field to fill in, on a page (from 0), in PDF's space. */
struct kt_pdf_widget {
	guint page;
	char *name;
	double rect[4];		/* x0 y0 x1 y1 */
	guint elem;		/* its Form element's index + 1, or 0 */
};

struct kt_pdf_extra {
	const char *lang;	/* the document's */
	const struct kt_pdf_elem_extra *elems;	/* by index */
	guint n_elems;
	const struct kt_pdf_widget *fields;
	guint n_fields;
	gboolean duplex;	/* asks for both sides: KT_PDF_DUPLEX */
	gboolean tops;		/* a file only joins read (a chunk): a note
				 * for them of what is at the top of its
				 * structure tree (pdftags.c's KT_TOPS) */
};

/*
 * The PDF with what cairo cannot write, as an incremental update (nothing
 * before it moves): /Lang, /ViewerPreferences << /DisplayDocTitle true >>
 * in the catalog; /Alt and /Lang on elements; fields with their widgets
 * on the pages and /AcroForm, each widget in its Form element (an object
 * reference, and its entry in the parent tree). NULL with *err set when the file cannot be
 * read as cairo writes it.
 */
GString *kt_pdf_update(const char *pdf, size_t len,
    const struct kt_pdf_extra *, GError **err);

/* Repairs cairo 1.16's cross-reference table in place; TRUE if changed. */
gboolean kt_pdf_fix_xref(char *pdf, size_t len);
/* Blanks names repeated in a resource dictionary, in place (cairo 1.16
 * names a form once per use on a page); TRUE if changed. */
gboolean kt_pdf_unique_names(char *pdf, size_t len);

/*
 * A PDF read for its pages: one that cairo wrote and write_file() left,
 * with cross-reference tables (no object streams), a flat page tree and
 * an outline of one level. The bytes stay the caller's and must outlive
 * it; name is for messages.
 */
struct kt_pdf_src;

struct kt_pdf_src *kt_pdf_src_new(const char *name, const char *data,
    size_t len, GError **);
void kt_pdf_src_free(struct kt_pdf_src *);
guint kt_pdf_src_pages(const struct kt_pdf_src *);
/* The outline's entries: each title as the PDF string it is written as,
 * and the page (from 0) it points at. */
gboolean kt_pdf_src_marks(const struct kt_pdf_src *, GPtrArray *titles,
    GArray *pages, GError **);

/*
 * A new PDF of pages copied from sources, with what they use (fonts,
 * forms, images, links) copied once each and nothing else. Objects other
 * than streams go into compressed object streams when objstm is TRUE.
 * The file is a function of its input: the same everywhere, every time.
 */
struct kt_pdf_join;

struct kt_pdf_join *kt_pdf_join_new(gboolean objstm);
gboolean kt_pdf_join_page(struct kt_pdf_join *, const struct kt_pdf_src *,
    guint page, GError **);
/* An empty page of w x h points, next in the new file. */
void kt_pdf_join_blank(struct kt_pdf_join *, double w, double h);
/* The new file asks for both sides of the paper: KT_PDF_DUPLEX. */
void kt_pdf_join_duplex(struct kt_pdf_join *);
/* A bookmark to a page of the new file (from 0); title is a PDF string
 * as kt_pdf_src_marks() gives it. */
void kt_pdf_join_mark(struct kt_pdf_join *, const char *title, guint page);

/* What the new document says of itself: from info's document information,
 * with the values given here (UTF-8) in place of its own. */
struct kt_pdf_info {
	const struct kt_pdf_src *from;
	const char *lang;
	const char *title, *subject, *keywords;
};

/* The file, or NULL with *err set; frees the join either way. With md5
 * not NULL, *md5 is the file's MD5 in hex (g_free it). */
GBytes *kt_pdf_join_finish(struct kt_pdf_join *, const struct kt_pdf_info *,
    char **md5, GError **);
void kt_pdf_join_free(struct kt_pdf_join *);

#endif
