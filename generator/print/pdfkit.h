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

#include "build/jobs.h"
#include "print/render.h"

#define KT_MM 2.834645669
#define KT_A4_W 595.2756
#define KT_A4_H 841.8898
#define KT_BODY 14.0		/* the smallest size of text a parent reads */
#define KT_FONTS "Noto Sans, Noto Sans Arabic, Noto Sans Ethiopic"

/*
 * What one thread needs to draw: fonts and pictograms, each loaded once
 * per thread (Pango font maps and recording surfaces are not shared).
 */
struct kt_pdfkit {
	const struct kt_model *m;
	const struct kt_render_opts *o;
	struct kt_writer *w;
	struct kt_diag *d;
	GHashTable *svg;	/* pictogram name -> its recording, or NULL */
	PangoFontMap *fonts;
	GHashTable *contexts;	/* "language direction" -> PangoContext */
	GHashTable *layouts;	/* what kt_pdf_text() made, by its arguments */
	char *qr_url;		/* the last QR code made, and its image */
	cairo_surface_t *qr;
	gint *ok;		/* the run's, set to FALSE on a failure */
};

/* A run of printables: a kit per thread, lent to one job at a time. */
struct kt_print {
	const struct kt_model *m;
	const struct kt_render_opts *o;
	struct kt_writer *w;
	struct kt_diag *d;
	struct kt_jobs *jobs;
	GAsyncQueue *kits;
	GPtrArray *all;		/* every kit, to free them */
	gint ok;
};

struct kt_print_job;
typedef void (*kt_print_fn)(struct kt_pdfkit *, const struct kt_print_job *);

struct kt_print_job {
	struct kt_print *pr;
	kt_print_fn fn;
	const struct kt_item *it;
	const struct kt_text *t;
	const struct kt_language *lang;
	int n;			/* a year, or a flag */
	char *id;		/* for the manifest */
	char *key;
	void *arg;		/* the job's own */
	/* called once the job has run or its files were reused */
	void (*done)(const struct kt_print_job *);
};

/* What a printable reads, besides the global inputs. */
enum kt_reads {
	KT_READS_ITEM,		/* its item */
	KT_READS_ALL,		/* every item (bundles, tip cards) */
	KT_READS_GLOBAL		/* no item (compliment cards) */
};

/*
 * Runs fn later, on some thread, with a kit of its own; what names the
 * kind of printable, for the manifest (unless what it reads changed, the
 * files of the previous build serve).
 */
void kt_print_push(struct kt_print *, const char *what, kt_print_fn,
    const struct kt_item *, const struct kt_text *,
    const struct kt_language *, int n, enum kt_reads);

/* The same for a printable that reads just these items. */
void kt_print_push_set(struct kt_print *, const char *what, kt_print_fn,
    const struct kt_language *, int n, GPtrArray *reads);

/*
 * The same, named also by sub (NULL: by nothing more), with arg for fn and
 * done; done(job) is called on the job's thread once the job has run or
 * its files were reused, and may push jobs that needed it.
 */
void kt_print_push_with(struct kt_print *, const char *what,
    const char *sub, kt_print_fn, const struct kt_language *, int n,
    GPtrArray *reads, void *arg, void (*done)(const struct kt_print_job *));

/* Each module pushes the jobs of its printables. */
void kt_sheets_push(struct kt_print *);
void kt_evenings_push(struct kt_print *);
void kt_mentor_push(struct kt_print *);

struct kt_pdf;
typedef void (*kt_pdf_footer_fn)(struct kt_pdf *, void *);

struct kt_pdf {
	struct kt_pdfkit *kit;
	const struct kt_language *lang;	/* sets the direction */
	cairo_surface_t *surf;
	GByteArray *data;	/* the file, written when it is closed */
	cairo_t *cr;
	char *rel;		/* path inside out/ */
	double w, h;		/* page size */
	double left, right;	/* margins */
	double top, bottom;	/* content area, bottom includes the footer */
	double y;		/* the cursor */
	int page;
	gboolean links;		/* the file needs kt_pdf_fix_xref() */
	gboolean unwritten;	/* made to be cut: kept in memory only */
	GHashTable *addresses;	/* kt_pdf_md()'s: as printed -> URL */
	kt_pdf_footer_fn footer;
	void *footer_data;
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
/* Ends the last page and writes the file; returns the number of pages. */
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
 * of the document's direction, with line height 1.5 (or 1.2 when tight).
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

void kt_pdf_picto(struct kt_pdf *, const char *name, double x, double y,
    double size);
void kt_pdf_qr(struct kt_pdf *, const char *url, double x, double y,
    double size);
/* The school's logo fitted in w x h at x, y (page coordinates). */
void kt_pdf_logo(struct kt_pdf *, double x, double y, double w, double h);
/* A clickable area pointing at url (in page coordinates, not mirrored). */
void kt_pdf_link(struct kt_pdf *, const char *url, double x, double y,
    double w, double h);
void kt_pdf_rule(struct kt_pdf *, double x1, double y, double x2,
    double grey, double width);
void kt_pdf_box(struct kt_pdf *, double x, double y, double w, double h,
    double grey, double width);
void kt_pdf_dashed(struct kt_pdf *, double x1, double y1, double x2,
    double y2);
/* Cut marks around a card of w x h at x, y. */
void kt_pdf_cutmarks(struct kt_pdf *, double x, double y, double w,
    double h);
/* A bookmark to the current page. */
int kt_pdf_outline(struct kt_pdf *, int parent, const char *title);

/* A UI string of the document's language (Dutch when missing). */
const char *kt_pdf_str(const struct kt_pdf *, const char *key);
/* A UI string with {name} replaced. */
char *kt_pdf_fmt(const struct kt_pdf *, const char *key, const char *name,
    const char *value);

/* "2026-10-08" -> "8-10-2026", joined so it never breaks, in any script. */
char *kt_date_display(const char *iso);

#endif
