/*
 * What every printable shares: an A4 document with its metadata, text laid
 * out by Pango (shaped, bidirectional), pictograms drawn by librsvg, QR
 * codes, a flowing cursor with page breaks and a footer, and cut marks.
 * Positions are given from the reading-start side and mirrored for
 * right-to-left documents; kt_pdf_x() does the mirroring.
 */
#ifndef KT_PDFKIT_H
#define KT_PDFKIT_H

#include <cairo.h>
#include <pango/pangocairo.h>

#include "build/plan.h"
#include "diag.h"
#include "out/writer.h"
#include "print/style.h"

/*
 * What one thread needs to draw: fonts and pictograms, each loaded once
 * per thread (Pango font maps and recording surfaces are not shared).
 */
struct kt_pdfkit {
	const struct kt_model *m;
	const struct kt_render_opts *o;
	struct kt_writer *w;	/* the job's: out/, or the private folder */
	struct kt_diag *d;
	GHashTable *svg;	/* pictogram name -> its recording, or NULL */
	PangoFontMap *fonts;
	GHashTable *contexts;	/* "language direction" -> PangoContext */
	GHashTable *layouts;	/* what kt_pdf_text() made, by its arguments */
	char *qr_url;		/* the last QR code made, and its image */
	cairo_surface_t *qr;
	gint *ok;		/* the run's, set to FALSE on a failure */
};

/* A kit for one thread; ok is set to FALSE when a printable fails. */
struct kt_pdfkit *kt_pdfkit_new(const struct kt_model *,
    const struct kt_render_opts *, struct kt_diag *, gint *ok);
void kt_pdfkit_free(struct kt_pdfkit *);

struct kt_pdf;
typedef void (*kt_pdf_footer_fn)(struct kt_pdf *, void *);

/*
 * The structure of a tagged document (print/tags.c): the standard types
 * a printable uses. KT_TAG_LINK and KT_TAG_FORM are the kit's own, for
 * links and fields.
 */
enum kt_tag {
	KT_TAG_DOCUMENT, KT_TAG_PART, KT_TAG_SECT, KT_TAG_H1, KT_TAG_H2, KT_TAG_P,
	KT_TAG_L, KT_TAG_LI, KT_TAG_LBL, KT_TAG_LBODY, KT_TAG_TABLE,
	KT_TAG_TR, KT_TAG_TH, KT_TAG_TD, KT_TAG_FIGURE, KT_TAG_LINK,
	KT_TAG_FORM, KT_TAG_SPAN
};

struct kt_pdf {
	struct kt_pdfkit *kit;
	const struct kt_language *lang;	/* sets the direction */
	cairo_surface_t *surf;
	GByteArray *data;	/* the file, written when it is closed */
	cairo_t *cr;
	char *rel;		/* path inside out/ */
	const char *source;	/* the content file of the text being laid
				 * out, when known, for a warning */
	double w, h;		/* page size */
	double left, right;	/* margins */
	double top, bottom;	/* content area, bottom includes the footer */
	double y;		/* the cursor */
	int page;
	gboolean links;		/* the file needs kt_pdf_fix_xref() */
	gboolean unwritten;	/* made to be cut: kept in memory only */
	gboolean chunk;		/* made to be cut, or read by bundles: no
				 * reader but the joins gets it as it is */
	gboolean duplex;	/* asks for both sides of the paper
				 * (KT_PDF_DUPLEX); set after opening */
	GHashTable *addresses;	/* kt_pdf_md()'s: as printed -> URL */
	kt_pdf_footer_fn footer;
	void *footer_data;
	struct kt_pdf_marks *marks;	/* tags and form fields; tags.c's */
};


struct kt_pdf_meta {
	const char *title;
	const char *subject;
	const char *keywords;
};

/* Reports err on path as what and its message, frees it, and fails the
 * run. */
void kt_pdf_fail(struct kt_pdfkit *, const char *path, const char *what,
    GError *err);

/* Opens out/<rel> as A4 (landscape when asked) in a language. */
struct kt_pdf *kt_pdf_open(struct kt_pdfkit *, const char *rel,
    const struct kt_language *, const struct kt_pdf_meta *,
    gboolean landscape);
/*
 * Ends the last page and writes the file; returns the number of pages,
 * or -1 when cairo could not write a tagged document's structure (cairo
 * 1.16 fails on some pages it is given): nothing is written, draw it
 * again without kt_pdf_tagged().
 */
int kt_pdf_close(struct kt_pdf *);
/* The same, and *file is what was written (NULL when nothing was). */
int kt_pdf_close_to(struct kt_pdf *, GBytes **file);
/* Throws the document away: nothing is written. */
void kt_pdf_discard(struct kt_pdf *);

/* Starts the first or the next page, drawing the footer of the last. */
void kt_pdf_page(struct kt_pdf *);
/* Makes room for h points below the cursor, else starts a page. */
void kt_pdf_need(struct kt_pdf *, double h);

double kt_pdf_x(const struct kt_pdf *, double x, double width);
double kt_pdf_width(const struct kt_pdf *);

/*
 * A layout of Pango markup at size points in width, aligned to the start
 * of the document's direction, with line height KT_LEADING (or
 * KT_LEADING_TIGHT when tight).
 * rtl < 0 takes the document's direction; 0 and 1 force one.
 */
PangoLayout *kt_pdf_text(struct kt_pdf *, const char *markup, double size,
    gboolean bold, double width, int rtl, gboolean tight);
/* The same for text in another language (a column), in its direction. */
PangoLayout *kt_pdf_text_in(struct kt_pdf *, const struct kt_language *,
    const char *markup, double size, gboolean bold, double width,
    gboolean tight);
double kt_pdf_height(PangoLayout *);
void kt_pdf_show(struct kt_pdf *, PangoLayout *, double x, double y,
    double width);
/* Plain text (escaped here) shown at the cursor across the page. */
void kt_pdf_para(struct kt_pdf *, const char *text, double size,
    gboolean bold, double after);
/* The same two as an element of type tag (in a tagged document). */
void kt_pdf_show_as(struct kt_pdf *, enum kt_tag, PangoLayout *, double x,
    double y, double width);
void kt_pdf_para_as(struct kt_pdf *, enum kt_tag, const char *text,
    double size, gboolean bold, double after);
/* l as an element in language lang at x, y, only when draw (a text is
 * measured before it is drawn); frees l and returns its height. */
double kt_pdf_put_in(struct kt_pdf *, enum kt_tag, const char *lang,
    PangoLayout *, double x, double y, double width, gboolean draw);

/* A pictogram in a square of size at x, y: its view box fills the square
 * (kt_pdf_picto), or its drawing does, centred (kt_pdf_picto_ink), so it
 * shows size wide or high whatever margin its artist left. */
void kt_pdf_picto(struct kt_pdf *, const char *name, double x, double y,
    double size);
void kt_pdf_picto_ink(struct kt_pdf *, const char *name, double x,
    double y, double size);
/* kt_pdf_picto() described in lang (a column in another language). */
void kt_pdf_picto_in(struct kt_pdf *, const struct kt_language *,
    const char *name, double x, double y, double size);
/* Frees a value of the kit's svg table. */
void kt_pdf_picto_free(gpointer);
/* A type size for text in lang: Arabic and Ethiopic KT_TYPE_SCRIPT_LARGER
 * more, so that they read as large as Latin. */
double kt_pdf_size_in(const struct kt_language *, double size);
/* A QR code of url, percent-encoded, and a link on it. */
void kt_pdf_qr(struct kt_pdf *, const char *url, double x, double y,
    double size);
/* The school's logo fitted in w x h at x, y (page coordinates). */
void kt_pdf_logo(struct kt_pdf *, double x, double y, double w, double h);
/* A clickable area pointing at url, percent-encoded (in page coordinates,
 * not mirrored). */
void kt_pdf_link(struct kt_pdf *, const char *url, double x, double y,
    double w, double h);
/* A rule and a box's edge in a grey, from 0 (black) to 1 (white), and a
 * width in points: style.h's KT_GREY_ and KT_LINE_. */
void kt_pdf_rule(struct kt_pdf *, double x1, double y, double x2,
    double grey, double width);
void kt_pdf_box(struct kt_pdf *, double x, double y, double w, double h,
    double grey, double width);
void kt_pdf_dashed(struct kt_pdf *, double x1, double y1, double x2,
    double y2);
/* Cut marks around a card of w x h at x, y. */
void kt_pdf_cutmarks(struct kt_pdf *, double x, double y, double w,
    double h);
/* Draws card i, of w x h at x, y (page coordinates, not mirrored). */
typedef void (*kt_pdf_card_fn)(struct kt_pdf *, double x, double y,
    double w, double h, guint i, const void *data);
/* n cards, cols x rows to a page and as many pages as that takes, each
 * with cut marks and (tagged) in a Sect; draw is called for each with
 * data. When the caller
 * began the first page, the cards start at the cursor there (below a
 * heading) and have that height on every page. */
void kt_pdf_cards(struct kt_pdf *, guint n, int cols, int rows,
    kt_pdf_card_fn draw, const void *data);
/* A bookmark to the current page. */
int kt_pdf_outline(struct kt_pdf *, int parent, const char *title);

/*
 * Tags (print/tags.c), in a document made tagged by kt_pdf_tagged()
 * before anything is drawn; elsewhere they do nothing. The tree is the
 * order of the calls, so begin and end elements in reading order; draw
 * content only in an element with no element inside it (cairo marks
 * nothing else). kt_pdf_tagged() begins the Document and kt_pdf_close()
 * ends it. Alternative text and /Lang are added after cairo
 * (kt_pdf_update()).
 */
void kt_pdf_tagged(struct kt_pdf *);
void kt_pdf_begin(struct kt_pdf *, enum kt_tag);
/* The same for an element in another language than the document's
 * (NULL: the document's): /Lang on the element. */
void kt_pdf_begin_in(struct kt_pdf *, enum kt_tag, const char *lang);
void kt_pdf_end(struct kt_pdf *, enum kt_tag);
/* A Figure with its alternative text in lang (NULL: the language of the
 * element it is in); end it with kt_pdf_end(p, KT_TAG_FIGURE). */
void kt_pdf_figure(struct kt_pdf *, const char *alt, const char *lang);
/*
 * Decorations (lines to write on, boxes to tick, rules, cut marks, a
 * page's footer) between these are artifacts, outside the tree: the
 * kit's helpers tag nothing there. cairo 1.16 has no Artifact tag: what
 * is drawn where no element is open stays unmarked, which readers skip.
 */
void kt_pdf_artifact_begin(struct kt_pdf *);
void kt_pdf_artifact_end(struct kt_pdf *);
/*
 * A fillable text field named name (unique in the file: a repeat gets a
 * number) over w x h at x, y (page coordinates, not mirrored) on the
 * current page; unfilled it draws nothing, so the page prints as drawn.
 * In a tagged document it is a Form element where it is called.
 */
void kt_pdf_field(struct kt_pdf *, const char *name, double x, double y,
    double w, double h);

/* A UI string of the document's language (Dutch when missing). */
const char *kt_pdf_str(const struct kt_pdf *, const char *key);
/* A UI string with {name} replaced. */
char *kt_pdf_fmt(const struct kt_pdf *, const char *key, const char *name,
    const char *value);

/*
 * Whom parents can call, as lines: the mentor (--mentor) with the
 * number given (--telefoon); without one, the school's name with the
 * school's number under it, never the school's number as the mentor's.
 * Numbers never break. NULL when nothing is known; the caller frees it
 * with g_free.
 */
char *kt_pdf_contact(const struct kt_pdf *);
/* phone with no-break spaces: it never breaks, and keeps its order in
 * Arabic; the caller frees it with g_free. */
char *kt_pdf_unbroken(const char *phone);

/* "2026-10-08" -> "8-10-2026", joined so it never breaks, in any script. */
char *kt_date_display(const char *iso);

#endif
