/*
 * The take-home sheet, in one language or in the home language beside
 * Dutch: one sheet of paper, designed for both sides. The front says
 * what to do: the title with its pictogram (and a banner when the
 * translation is a draft), the box with whom to give it back to, by when
 * and whom to call, the intro, every step. The back says what was said:
 * the questions with lines to write on, names and signature, the hard
 * words. What fits one side stays on one side.
 *
 * A sheet is a list of blocks, each measured before anything is drawn,
 * then placed on pages: a page break falls only between blocks, never
 * after a heading, never before the names. Beside the Dutch, a block is
 * a row of two columns, each in its own language and direction, as tall
 * as the taller one, so the languages stay side by side, step for step;
 * a band at the page's reading start holds each step's pictogram, number
 * and box to tick. The sizes are print/style.h's; text and pictograms
 * never shrink to make something fit, only the space between blocks and
 * the lines to write on.
 */
#include <string.h>


#include "print/links.h"
#include "print/pdffile.h"
#include "print/printables.h"

#define SHEET_KEYWORDS "LOB, thuisopdracht"

struct col {
	const struct kt_text *t;
	const struct kt_language *lang;
	double x0, w;		/* on the page, not mirrored */
	gboolean rtl;
};

struct sheet;
/* A block's or a column's part of a row: its height from y, drawn when
 * draw is TRUE. */
typedef double (*block_fn)(struct sheet *, double y, gboolean draw,
    const void *arg);
typedef double (*row_fn)(struct sheet *, const struct col *, double y,
    gboolean draw, const void *arg);

struct block {
	row_fn row;		/* a row drawn in each column, or */
	gboolean wide;		/* in s->wide */
	block_fn whole;		/* a block across the page */
	const void *arg;
	double gap;		/* the space after it, before tightening */
	gboolean back;		/* on the back of the paper */
	gboolean keep;		/* never the last on a page */
	gboolean boxed;		/* framed with the boxed blocks next to it */
	double h, after;	/* measured */
	int page;		/* placed: 0 the front */
};

struct sheet {
	struct kt_pdf *p;
	const struct kt_item *it;
	struct col cols[2];	/* the home language's, then the Dutch */
	struct col wide[2];	/* the same over the band too: halves */
	int n;
	char *url;		/* the web page in the home language */
	const struct kt_text *home;
	GArray *blocks;		/* of struct block */
	int nq;			/* questions drawn */
	int lines;		/* lines to write on under each */
	gboolean tight_front;	/* half the space between blocks */
	gboolean tight_back;
	gboolean tight_words;	/* beside the Dutch, the lines of the
				 * text closer together */
	int first, pages;	/* the sheet's first page in its document */
	gboolean front_full;	/* not every step fits the front */
	char *due, *call;	/* for the box; NULL: a line to write on */
	GPtrArray *gloss;	/* the hard words on it, in its language */
};

/* ---- placing things ---- */

/* page x of something iw wide, ox from the column's reading start */
static double
col_x(const struct col *c, double ox, double iw)
{
	return c->rtl ? c->x0 + c->w - ox - iw : c->x0 + ox;
}

/* page x of something iw wide, ox from the page's reading start */
static double
page_x(const struct sheet *s, double ox, double iw)
{
	const struct kt_pdf *p = s->p;

	return p->lang->rtl ? p->w - p->right - ox - iw : p->left + ox;
}

/* Text in the column's language, Arabic and Ethiopic a little larger. */
static PangoLayout *
col_text(struct sheet *s, const struct col *c, const char *markup,
    double size, gboolean bold, double width, gboolean tight)
{
	PangoLayout *l;

	s->p->source = c->t->path;
	l = kt_pdf_text_in(s->p, c->lang, markup, kt_pdf_size_in(c->lang,
	    size), bold, width, tight);
	s->p->source = NULL;
	return l;
}

static PangoLayout *
col_plain(struct sheet *s, const struct col *c, const char *text,
    double size, gboolean bold, double width, gboolean tight)
{
	char *m = g_markup_escape_text(text, -1);
	PangoLayout *l = col_text(s, c, m, size, bold, width, tight);

	g_free(m);
	return l;
}

static const char *
col_str(const struct sheet *s, const struct col *c, const char *key)
{
	return kt_str(s->p->kit->m, c->lang->code, key);
}

/* Shows l in c at ox, y when draw, as an element tag of the structure
 * in the column's language; frees it; returns its height. */
static double
put_as(struct sheet *s, const struct col *c, enum kt_tag tag,
    PangoLayout *l, double ox, double y, double w, gboolean draw)
{
	return kt_pdf_put_in(s->p, tag, c->lang->code, l, kt_pdf_x(s->p,
	    col_x(c, ox, w), w), y, w, draw);
}

/* The same as a paragraph. */
static double
put(struct sheet *s, const struct col *c, PangoLayout *l, double ox,
    double y, double w, gboolean draw)
{
	return put_as(s, c, KT_TAG_P, l, ox, y, w, draw);
}

/* A column's text starts after the step's pictogram on a single sheet;
 * beside the Dutch, the band before the columns holds it. */
static double
marks_w(const struct sheet *s)
{
	return s->n == 1 ? KT_PICTO_STEP + KT_GAP_M + KT_STEP_DISC +
	    KT_GAP_S + KT_TICK_BOX + KT_GAP_M : 0;
}

static gboolean
bilingual(const struct sheet *s)
{
	return s->n == 2;
}

/* ---- the rows ---- */

/* Beside the Dutch: each column headed with its language's own name. */
static double
language(struct sheet *s, const struct col *c, double ox, double y,
    double w, gboolean draw)
{
	char *m;
	double h;

	if (!bilingual(s))
		return 0;
	m = g_markup_printf_escaped("<span foreground=\"#%06x\">%s</span>",
	    KT_GREEN, c->lang->name);
	h = put(s, c, col_text(s, c, m, KT_TYPE_BODY, TRUE, w, TRUE), ox, y, w,
	    draw);
	g_free(m);
	return h;
}

/*
 * A draft translation says so under its title: on a single sheet in its
 * language and in Dutch (that line aligned as the page reads), beside
 * the Dutch in each column's language. Returns its height.
 */
static double
draft(struct sheet *s, const struct col *c, double ox, double y, double w,
    gboolean draw)
{
	struct col nl = *c;
	PangoLayout *l;
	double h;

	if (s->home->status != KT_DRAFT)
		return 0;
	h = KT_GAP_XS + put(s, c, col_plain(s, c, col_str(s, c,
	    "sheet.draft"), KT_TYPE_BODY, TRUE, w, TRUE), ox, y + KT_GAP_XS, w,
	    draw);
	if (bilingual(s))
		return h;
	nl.lang = g_ptr_array_index(s->p->kit->m->site.languages, 0);
	l = col_plain(s, &nl, col_str(s, &nl, "sheet.draft"),
	    KT_TYPE_BODY, FALSE, w, TRUE);
	pango_layout_set_alignment(l, c->rtl ? PANGO_ALIGN_RIGHT :
	    PANGO_ALIGN_LEFT);
	return h + put(s, c, l, ox, y + h, w, draw);
}

static double
r_title(struct sheet *s, const struct col *c, double y, gboolean draw,
    const void *arg)
{
	double pic = KT_PICTO_TITLE, gap = KT_GAP_XL;
	/* the school's logo at the end of the last column */
	gboolean end = c == &s->cols[s->n - 1];
	double logo = s->p->kit->m->site.logo_data ? KT_LOGO : 0;
	double ox = bilingual(s) ? 0 : pic + gap;
	double w = c->w - ox - (end && logo > 0 ? logo + gap : 0), h, ty;
	PangoLayout *l = col_plain(s, c, c->t->title ? c->t->title :
	    s->it->slug, bilingual(s) ? KT_TYPE_TITLE_COLUMN : KT_TYPE_TITLE,
	    TRUE, w, TRUE);

	(void)arg;
	h = language(s, c, ox, 0, w, FALSE) + kt_pdf_height(l) + draft(s, c,
	    ox, 0, w, FALSE);
	/* beside its pictogram, in the middle when it is shorter; the
	 * title opens the sheet's structure, its pictogram after it */
	ty = y + MAX(0, (pic - h) / 2);
	ty += language(s, c, ox, ty, w, draw);
	ty += put_as(s, c, KT_TAG_H1, l, ox, ty, w, draw);
	draft(s, c, ox, ty, w, draw);
	if (draw && c == &s->cols[0]) {
		kt_pdf_picto_ink(s->p, s->it->pictogram,
		    kt_pdf_x(s->p, page_x(s, 0, pic), pic), y, pic);
		if (logo > 0)
			kt_pdf_logo(s->p, page_x(s, kt_pdf_width(s->p) - logo,
			    logo), y + (pic - logo) / 2, logo, logo);
	}
	return MAX(pic, h);
}

static double
r_intro(struct sheet *s, const struct col *c, double y, gboolean draw,
    const void *arg)
{
	char *m = kt_pdf_md(s->p, c->lang, c->t->intro);
	/* closer lines only where two pages cannot hold it otherwise */
	PangoLayout *l = col_text(s, c, m, KT_TYPE_BODY, FALSE, c->w,
	    s->tight_words && bilingual(s));

	(void)arg;
	g_free(m);
	return put(s, c, l, 0, y, c->w, draw);
}

static double
r_heading(struct sheet *s, const struct col *c, double y, gboolean draw,
    const void *arg)
{
	return put_as(s, c, KT_TAG_H2, col_plain(s, c, col_str(s, c, arg),
	    KT_TYPE_HEADING, TRUE, c->w, TRUE), 0, y, c->w, draw);
}

/* The green disc with a step's number, centred on cx, cy (page). */
static void
disc(struct sheet *s, guint i, double cx, double cy)
{
	cairo_t *cr = s->p->cr;
	double d = KT_STEP_DISC;
	char n[8];
	PangoLayout *digits;

	cairo_set_source_rgb(cr, KT_RGB_GREEN);
	/* not joined by a line to where the last text started */
	cairo_new_sub_path(cr);
	cairo_arc(cr, cx, cy, d / 2, 0, 2 * G_PI);
	cairo_fill(cr);
	g_snprintf(n, sizeof n, "%u", i + 1);
	digits = kt_pdf_text(s->p, n, KT_TYPE_BODY, TRUE, d, 0, TRUE);
	pango_layout_set_alignment(digits, PANGO_ALIGN_CENTER);
	cairo_set_source_rgb(cr, KT_RGB_PAPER);
	cairo_move_to(cr, cx - d / 2, cy - kt_pdf_height(digits) / 2);
	pango_cairo_show_layout(cr, digits);
	g_object_unref(digits);
	cairo_set_source_rgb(cr, KT_RGB_INK);
}

/*
 * A step's pictogram at the reading start, its number and its box to
 * tick right beside it: in a line on a single sheet, the box under the
 * number in the band beside the Dutch.
 */
static void
step_marks(struct sheet *s, guint i, const char *picto, double y)
{
	double pic = KT_PICTO_STEP, d = KT_STEP_DISC, box = KT_TICK_BOX;
	double mid = y + pic / 2, dx = pic + (bilingual(s) ? KT_GAP_S :
	    KT_GAP_M), cy = mid, bx = dx + d + KT_GAP_S, by = mid - box / 2;

	if (bilingual(s)) {
		cy = mid - (d + KT_GAP_S + box) / 2 + d / 2;
		bx = dx + (d - box) / 2;
		by = cy + d / 2 + KT_GAP_S;
	}
	kt_pdf_picto_ink(s->p, picto, kt_pdf_x(s->p, page_x(s, 0, pic), pic),
	    y, pic);
	kt_pdf_begin(s->p, KT_TAG_LBL);
	disc(s, i, page_x(s, dx, d) + d / 2, cy);
	kt_pdf_end(s->p, KT_TAG_LBL);
	kt_pdf_box(s->p, page_x(s, bx, box), by, box, box, KT_INK,
	    KT_LINE_TICK);
}

static double
r_step(struct sheet *s, const struct col *c, double y, gboolean draw,
    const void *arg)
{
	guint i = GPOINTER_TO_UINT(arg);
	const struct kt_step *st = g_ptr_array_index(c->t->steps, i);
	double ox = marks_w(s), tw = c->w - ox, th;
	gboolean later = s->p->page > s->first;
	char *m = kt_pdf_md(s->p, c->lang, st->text);
	PangoLayout *l = col_text(s, c, m, KT_TYPE_BODY, FALSE, tw,
	    s->tight_words && bilingual(s));

	g_free(m);
	th = kt_pdf_height(l);
	/*
	 * A list item in each language, the marks in the first one's. On a
	 * page after the sheet's first, cairo 1.16 cannot write the
	 * structure when a pictogram is drawn in an element (a tag error at
	 * the end): there the marks are decoration, before the item.
	 */
	if (draw && c == &s->cols[0] && later) {
		kt_pdf_artifact_begin(s->p);
		step_marks(s, i, st->pictogram, y);
		kt_pdf_artifact_end(s->p);
	}
	if (draw)
		kt_pdf_begin_in(s->p, KT_TAG_LI, c->lang->code);
	if (draw && c == &s->cols[0] && !later)
		step_marks(s, i, st->pictogram, y);
	/* beside its pictogram, in the middle when it is shorter */
	put_as(s, c, KT_TAG_LBODY, l, ox, y + MAX(0, (KT_PICTO_STEP - th) / 2),
	    tw, draw);
	if (draw)
		kt_pdf_end(s->p, KT_TAG_LI);
	return MAX(KT_PICTO_STEP, th);
}

static double
r_question(struct sheet *s, const struct col *c, double y, gboolean draw,
    const void *arg)
{
	guint i = GPOINTER_TO_UINT(arg);
	char *m = kt_pdf_md(s->p, c->lang, g_ptr_array_index(c->t->questions,
	    i));
	const char *asker = kt_asker_label(s->p->kit->m, s->it, i,
	    c->lang->code);
	PangoLayout *l;

	if (asker != NULL) {
		/* who asks, in plain weight before the question in bold */
		char *who = g_markup_printf_escaped("<span weight=\"normal\">"
		    "%s</span> ", asker);
		char *both = g_strconcat(who, m, NULL);

		g_free(who);
		g_free(m);
		m = both;
	}
	l = col_text(s, c, m, KT_TYPE_BODY, TRUE, c->w,
	    s->tight_words && bilingual(s));
	g_free(m);
	return put(s, c, l, 0, y, c->w, draw);
}

/* ---- rows of columns, and blocks ---- */

/* A row in the columns, or in the wide ones (the band is free). */
static double
row_in(struct sheet *s, const struct col *cols, row_fn fn, const void *arg,
    double y, gboolean draw)
{
	double h = 0;

	/* not in MAX(), which would draw it twice */
	for (int i = 0; i < s->n; i++) {
		double ch = fn(s, &cols[i], y, draw, arg);

		h = MAX(h, ch);
	}
	return h;
}

static double
row(struct sheet *s, row_fn fn, const void *arg, double y, gboolean draw)
{
	return row_in(s, s->wide, fn, arg, y, draw);
}

static double
block_run(struct sheet *s, const struct block *b, double y, gboolean draw)
{
	return b->row != NULL ? row_in(s, b->wide ? s->wide : s->cols, b->row,
	    b->arg, y, draw) : b->whole(s, y, draw, b->arg);
}

/* A question and the lines to write on under it, across the page. */
static double
b_question(struct sheet *s, double y, gboolean draw, const void *arg)
{
	struct kt_pdf *p = s->p;
	double h = row(s, r_question, arg, y, draw);

	for (int i = 0; i < s->lines; i++) {
		h += KT_WRITE_LINE;
		if (draw)
			kt_pdf_rule(p, p->left, y + h, p->w - p->right,
			    KT_GREY_WRITE, KT_LINE_WRITE);
	}
	return h;
}

/* A frame round h from y, as wide as the page's text and a pad more on
 * either side, so that what is in it lines up with what is not. */
static void
frame(struct sheet *s, double y, double h, double grey, double width)
{
	struct kt_pdf *p = s->p;

	kt_pdf_box(p, p->left - KT_PAD, y, kt_pdf_width(p) + 2 * KT_PAD, h,
	    grey, width);
}

/* ---- the box: whom to give it back to, by when, whom to call ---- */

/* The width of a layout's first line, and whether it has only one. */
static gboolean
one_line(PangoLayout *l, double *width)
{
	PangoRectangle r;

	pango_layout_line_get_pixel_extents(pango_layout_get_line_readonly(l,
	    0), NULL, &r);
	*width = r.width;
	return pango_layout_get_line_count(l) == 1;
}

/* A line of the box: its label's UI string, and the name of the form
 * field over its line to write on (after the slug). */
struct box_line {
	const char *key;
	const char *name;
};

static const struct box_line line_return = { "sheet.box.return", "mentor" };
static const struct box_line line_date = { "sheet.box.date", "date" };
static const struct box_line line_call = { "sheet.box.call", "phone" };

/* A label with its value or a line to write on after it, on one line
 * when they fit there, else under it. */
static double
field(struct sheet *s, const struct col *c, const struct box_line *bl,
    const char *value, double ox, double y, double w, gboolean draw)
{
	PangoLayout *l = col_plain(s, c, col_str(s, c, bl->key), KT_TYPE_BODY,
	    FALSE, w, TRUE);
	PangoLayout *v = value != NULL ? col_plain(s, c, value, KT_TYPE_BODY,
	    TRUE, w, TRUE) : NULL;
	double lw, vw = KT_WORD_W, h, at;
	gboolean beside = one_line(l, &lw) && (v == NULL || one_line(v, &vw)) &&
	    lw + KT_GAP_S + vw <= w;

	h = beside ? 0 : kt_pdf_height(l);
	at = beside ? lw + KT_GAP_S : 0;
	put(s, c, l, ox, y, w, draw);
	if (v != NULL) {
		g_object_unref(v);
		return h + put(s, c, col_plain(s, c, value, KT_TYPE_BODY, TRUE,
		    w - at, TRUE), ox + at, y + h, w - at, draw);
	}
	if (draw) {
		double x = col_x(c, ox + at, w - at);
		/* a field to fill in on screen over the line (a repeat
		 * beside the Dutch gets a number) */
		char *f = g_strdup_printf("%s-%s", s->it->slug, bl->name);

		kt_pdf_field(s->p, f, x, y + h, w - at, KT_PANEL_RULE);
		g_free(f);
		kt_pdf_rule(s->p, x, y + h + KT_PANEL_RULE, x + w - at,
		    KT_GREY_PANEL_LINE, KT_LINE_WRITE);
	}
	return h + KT_PANEL_ROW;
}

static double
discuss(struct sheet *s, const struct col *c, double ox, double y, double w,
    gboolean draw)
{
	return put(s, c, col_plain(s, c, col_str(s, c, "sheet.box.discuss"),
	    KT_TYPE_BODY, TRUE, w, TRUE), ox, y, w, draw);
}

/* The box's text beside the calendar (0) or the phone (1). */
static double
box_text(struct sheet *s, const struct col *c, int which, double ox,
    double y, double w, gboolean draw)
{
	double h;

	if (which == 0) {
		h = field(s, c, &line_return, s->p->kit->o->mentor, ox, y, w,
		    draw);
		return h + field(s, c, &line_date, s->due, ox, y + h, w,
		    draw);
	}
	return field(s, c, &line_call, s->call, ox, y, w, draw);
}

static const char *const box_pictos[2] = { "kalender", "bellen" };

/* Single: the calendar and the phone side by side, each with its text. */
static double
box_single(struct sheet *s, double y, gboolean draw)
{
	const struct col *c = &s->cols[0];
	double pic = KT_PICTO_BOX, cw = (c->w - KT_GAP_L) / 2, h = 0;

	for (int i = 0; i < 2; i++) {
		double ox = i * (cw + KT_GAP_L), tx = ox + pic + KT_GAP_M, th;

		if (draw)
			kt_pdf_picto_ink(s->p, box_pictos[i], kt_pdf_x(s->p,
			    col_x(c, ox, pic), pic), y, pic);
		th = box_text(s, c, i, tx, y, cw - (tx - ox), draw);

		h = MAX(h, MAX(pic, th));
	}
	return h + discuss(s, c, 0, y + h, c->w, draw);
}

/* Beside the Dutch: a row for the calendar, a row for the phone, each
 * with its pictogram in the band and its text in both languages. */
static double
box_columns(struct sheet *s, double y, gboolean draw)
{
	double pic = KT_PICTO_BOX, h = 0, rh = 0;

	for (int i = 0; i < 2; i++) {
		rh = pic;

		if (draw)
			kt_pdf_picto_ink(s->p, box_pictos[i], kt_pdf_x(s->p,
			    page_x(s, 0, pic), pic), y + h, pic);
		for (int j = 0; j < s->n; j++) {
			double th = box_text(s, &s->cols[j], i, 0, y + h,
			    s->cols[j].w, draw);

			rh = MAX(rh, th);
		}
		h += rh + KT_GAP_M;
	}
	rh = 0;
	/* that it is talked over in class, in the halves of the page */
	for (int j = 0; j < s->n; j++) {
		double th = discuss(s, &s->wide[j], 0, y + h, s->wide[j].w,
		    draw);

		rh = MAX(rh, th);
	}
	return h + rh;
}

static double
b_box(struct sheet *s, double y, gboolean draw, const void *arg)
{
	double legend = 0, top, h;

	for (int i = 0; i < s->n; i++) {
		PangoLayout *l = col_plain(s, &s->cols[i], col_str(s,
		    &s->cols[i], "sheet.box.title"), KT_TYPE_BODY, TRUE,
		    s->cols[i].w, TRUE);
		legend = MAX(legend, kt_pdf_height(l));
		g_object_unref(l);
	}
	/* the frame's top edge runs through the middle of its title */
	top = y + legend / 2;
	if (draw) {
		/* the frame first, as measured; the box's section opens
		 * with its title, on paper over the frame */
		h = b_box(s, y, FALSE, arg);
		frame(s, top, y + h - top, KT_GREY_FRAME, KT_LINE_FRAME);
		kt_pdf_begin(s->p, KT_TAG_SECT);
		for (int i = 0; i < s->n; i++) {
			const struct col *c = &s->cols[i];
			PangoLayout *l = col_plain(s, c, col_str(s, c,
			    "sheet.box.title"), KT_TYPE_BODY, TRUE, c->w, TRUE);
			int lw, lh;

			pango_layout_get_pixel_size(l, &lw, &lh);
			cairo_set_source_rgb(s->p->cr, KT_RGB_PAPER);
			cairo_rectangle(s->p->cr, col_x(c, -KT_GAP_XS,
			    lw + 2 * KT_GAP_XS), y, lw + 2 * KT_GAP_XS, lh);
			cairo_fill(s->p->cr);
			cairo_set_source_rgb(s->p->cr, KT_RGB_INK);
			put_as(s, c, KT_TAG_H2, l, 0, y, c->w, TRUE);
		}
	}
	h = legend;
	h += bilingual(s) ? box_columns(s, y + h, draw) : box_single(s, y + h,
	    draw);
	h += KT_GAP_S;
	if (draw)
		kt_pdf_end(s->p, KT_TAG_SECT);
	return h;
}
/* ---- the glossary box ---- */

static void
append_plain(GString *s, const struct kt_md *m)
{
	char *t = kt_md_plain(m);

	g_string_append(s, t);
	g_string_append_c(s, '\n');
	g_free(t);
}

static gboolean
word_char(const char *p)
{
	return g_unichar_isalnum(g_utf8_get_char(p));
}

/* Does form occur in text (both case-folded) as a whole word? */
static gboolean
has_word(const char *text, const char *form)
{
	size_t n = strlen(form);

	if (n == 0)
		return FALSE;
	for (const char *p = strstr(text, form); p != NULL;
	    p = strstr(p + 1, form)) {
		gboolean start = p == text ||
		    !word_char(g_utf8_find_prev_char(text, p));
		gboolean end = p[n] == '\0' || !word_char(p + n);
		if (start && end)
			return TRUE;
	}
	return FALSE;
}

/* The glossary entries whose words occur on this sheet, in list order. */
static GPtrArray *
glossary_for(const struct kt_model *m, const struct kt_text *t)
{
	GPtrArray *list = g_hash_table_lookup(m->glossary, t->lang);
	GPtrArray *found = g_ptr_array_new();
	GString *all = g_string_new(t->title);
	char *folded;

	g_string_append_c(all, '\n');
	append_plain(all, t->intro);
	for (guint i = 0; i < t->steps->len; i++)
		append_plain(all, ((struct kt_step *)g_ptr_array_index(
		    t->steps, i))->text);
	for (guint i = 0; i < t->questions->len; i++)
		append_plain(all, g_ptr_array_index(t->questions, i));
	folded = g_utf8_casefold(all->str, -1);
	for (guint i = 0; list != NULL && i < list->len; i++) {
		const struct kt_gloss *g = g_ptr_array_index(list, i);

		for (guint j = 0; j < g->forms->len; j++) {
			char *f = g_utf8_casefold(g_ptr_array_index(g->forms,
			    j), -1);
			gboolean hit = has_word(folded, f);

			g_free(f);
			if (hit) {
				g_ptr_array_add(found, (gpointer)g);
				break;
			}
		}
	}
	g_free(folded);
	g_string_free(all, TRUE);
	return found;
}

/* The Dutch word the school uses for the entry with key, or NULL. */
static const char *
dutch_word(const struct kt_model *m, const char *key)
{
	GPtrArray *list = g_hash_table_lookup(m->glossary, "nl");

	for (guint i = 0; list != NULL && i < list->len; i++) {
		const struct kt_gloss *g = g_ptr_array_index(list, i);

		if (strcmp(g->key, key) == 0)
			return g->word;
	}
	return NULL;
}

/* An entry in c's language: its word, with the Dutch word beside it when
 * the word does not say it already, and what it means. */
static double
r_gloss(struct sheet *s, const struct col *c, double y, gboolean draw,
    const void *arg)
{
	const struct kt_model *m = s->p->kit->m;
	const struct kt_gloss *home = arg, *g = home;
	GPtrArray *list = g_hash_table_lookup(m->glossary, c->lang->code);
	const char *nl = dutch_word(m, home->key);
	char *word, *folded, *fnl, *markup;
	double w = c->w;

	for (guint i = 0; c->t != s->home && list != NULL && i < list->len;
	    i++)
		if (strcmp(((struct kt_gloss *)g_ptr_array_index(list,
		    i))->key, home->key) == 0)
			g = g_ptr_array_index(list, i);
	word = g_strdup(g->word ? g->word : "");
	folded = g_utf8_casefold(word, -1);
	fnl = nl != NULL ? g_utf8_casefold(nl, -1) : NULL;
	if (fnl != NULL && !has_word(folded, fnl)) {
		char *both = g_strdup_printf("%s (%s)", word, nl);

		g_free(word);
		word = both;
	}
	markup = g_markup_printf_escaped("<b>%s</b>: %s", word,
	    g->explanation ? g->explanation : "");
	g_free(fnl);
	g_free(folded);
	g_free(word);
	/* an item of the list of terms */
	if (draw)
		kt_pdf_begin_in(s->p, KT_TAG_LI, c->lang->code);
	y = put_as(s, c, KT_TAG_LBODY, col_text(s, c, markup, KT_TYPE_BODY,
	    FALSE, w, s->tight_words && bilingual(s)), 0, y, w, draw);
	if (draw)
		kt_pdf_end(s->p, KT_TAG_LI);
	g_free(markup);
	return y;
}

static double
r_gloss_heading(struct sheet *s, const struct col *c, double y,
    gboolean draw, const void *arg)
{
	(void)arg;
	return KT_PAD + put_as(s, c, KT_TAG_H2, col_plain(s, c, col_str(s, c,
	    "sheet.glossary"), KT_TYPE_SUBHEADING, TRUE, c->w, TRUE), 0,
	    y + KT_PAD, c->w, draw);
}

/* The bottom of the glossary's frame. */
static double
b_gloss_end(struct sheet *s, double y, gboolean draw, const void *arg)
{
	(void)s;
	(void)y;
	(void)draw;
	(void)arg;
	return KT_PAD;
}

/* ---- names and signature ---- */

/* Labels with a line to write on, in one row; both languages stacked. */
static double
b_names(struct sheet *s, double y, gboolean draw, const void *arg)
{
	static const char *const keys[3] = {
		"sheet.pupil", "sheet.parent", "sheet.signature"
	};
	struct kt_pdf *p = s->p;
	int n = s->it->signature ? 3 : 2;
	double gap = KT_GAP_XXL, colw = (kt_pdf_width(p) - (n - 1) * gap) / n;
	double label = 0;

	(void)arg;
	for (int i = 0; i < n; i++) {
		double x = page_x(s, i * (colw + gap), colw), h = 0;

		for (int j = 0; j < s->n; j++) {
			const struct col *c = &s->cols[j];
			struct col cell = { c->t, c->lang, x, colw, c->rtl };

			h += put(s, &cell, col_plain(s, &cell, col_str(s, c,
			    keys[i]), KT_TYPE_BODY, FALSE, colw, TRUE), 0,
			    y + h, colw, draw);
		}
		label = MAX(label, h);
	}
	for (int i = 0; draw && i < n; i++) {
		double x = page_x(s, i * (colw + gap), colw);

		kt_pdf_rule(p, x, y + label + KT_NAMES_RULE, x + colw,
		    KT_GREY_LINE, KT_LINE_WRITE);
	}
	return label + KT_NAMES_ROW;
}

/* ---- the footer: school, web page, credit, QR; "see the back" ---- */

static void
footer(struct kt_pdf *p, void *data)
{
	struct sheet *s = data;
	double top = p->h - KT_SHEET_BOTTOM - KT_FOOTER_H + KT_GAP_L;
	double qr = KT_QR, textw = kt_pdf_width(p) - qr - KT_GAP_L;
	double y = top;
	PangoLayout *l;
	char *e;

	if (bilingual(s) && p->page != s->first)
		return;	/* room(): the front's only */
	kt_pdf_rule(p, p->left, top - KT_GAP_M, p->w - p->right, KT_GREY_LIGHT,
	    KT_LINE_FINE);
	if (p->page == s->first && s->pages > 1) {
		/* the front says that there is a back, in each language */
		GString *m = g_string_new(NULL);

		for (int i = 0; i < s->n; i++) {
			e = g_markup_escape_text(col_str(s, &s->cols[i],
			    "sheet.see_back"), -1);
			g_string_append_printf(m, "%s%s", i ? "  ·  " : "", e);
			g_free(e);
		}
		l = kt_pdf_text(p, m->str, kt_pdf_size_in(p->lang,
		    KT_TYPE_BODY), TRUE, textw, -1, TRUE);
		kt_pdf_show(p, l, p->left, y, textw);
		y += kt_pdf_height(l) + KT_GAP_XS;
		g_object_unref(l);
		g_string_free(m, TRUE);
	}
	/* the school and the credit are laid out once for every sheet
	 * (the layouts are kept), only the line with the address for each */
	{
		const char *school = p->kit->m->site.school;
		char *lines[3] = {
			school != NULL ? g_markup_escape_text(school, -1) :
			    NULL,
			g_markup_printf_escaped("%s: %s",
			    kt_pdf_str(p, "sheet.web"), s->url),
			g_markup_escape_text(kt_pdf_str(p, "sheet.credit"), -1)
		};
		double from = y;

		for (int i = school != NULL ? 0 : 1; i < 3; i++) {
			l = kt_pdf_text(p, lines[i], KT_TYPE_SMALL, FALSE,
			    textw, -1, TRUE);
			kt_pdf_show(p, l, p->left, y, textw);
			y += kt_pdf_height(l);
			g_object_unref(l);
		}
		for (int i = 0; i < 3; i++)
			g_free(lines[i]);
		kt_pdf_link(p, s->url, kt_pdf_x(p, p->left, textw), from,
		    textw, y - from);
	}
	kt_pdf_qr(p, s->url, kt_pdf_x(p, p->w - p->right - qr, qr), top, qr);
}

/* ---- the sheet ---- */

/* Whom to call: the number from the command line, else the school's
 * (with its name: it is not the mentor's); NULL when there is none. */
static char *
call_value(const struct kt_pdfkit *k)
{
	const struct kt_site *site = &k->m->site;
	const char *phone = k->o->phone != NULL ? k->o->phone :
	    site->contact_phone;
	char **parts;
	char *nb, *v;

	if (phone == NULL)
		return NULL;
	/* a number never breaks, and keeps its order in Arabic */
	parts = g_strsplit(phone, " ", -1);
	nb = g_strjoinv("\u00A0", parts);
	g_strfreev(parts);
	if (k->o->phone != NULL || site->school == NULL)
		return nb;
	v = g_strconcat(nb, "\n", site->school, NULL);
	g_free(nb);
	return v;
}

static void
sheet_init(struct sheet *s, struct kt_pdf *p, const struct kt_item *it,
    const struct kt_text *home, const struct kt_language *lang,
    gboolean two)
{
	const struct kt_model *m = p->kit->m;
	const struct kt_language *dutch = g_ptr_array_index(m->site.languages,
	    0);
	char *page = kt_page_path(lang->code, it->kind, it->slug);

	memset(s, 0, sizeof *s);
	s->p = p;
	s->it = it;
	s->home = home;
	s->n = two ? 2 : 1;
	s->url = g_strconcat(m->site.base_url ? m->site.base_url : "", page,
	    NULL);
	s->due = kt_date_display(p->kit->o->due);
	s->call = call_value(p->kit);
	s->blocks = g_array_new(FALSE, TRUE, sizeof(struct block));
	s->gloss = glossary_for(m, home);
	g_free(page);
	if (!two) {
		s->cols[0] = (struct col){ home, lang, p->left, kt_pdf_width(p),
		    lang->rtl };
	} else {
		/* the band at the reading start, then the two languages */
		double band = KT_STRIP, gutter = KT_GUTTER;
		double w = (kt_pdf_width(p) - band - gutter) / 2;
		double start = lang->rtl ? p->w - p->right - band - w :
		    p->left + band;
		double other = lang->rtl ? p->left : start + w + gutter;

		s->cols[0] = (struct col){ home, lang, start, w, lang->rtl };
		s->cols[1] = (struct col){ it->source, dutch, other, w,
		    dutch->rtl };
	}
	s->wide[0] = s->cols[0];
	s->wide[1] = s->cols[1];
	if (two) {
		/* without the band: two halves */
		double w = (kt_pdf_width(p) - KT_GUTTER) / 2;

		s->wide[0].x0 = lang->rtl ? p->w - p->right - w : p->left;
		s->wide[1].x0 = lang->rtl ? p->left : p->w - p->right - w;
		s->wide[0].w = s->wide[1].w = w;
	}
}

static void
sheet_free(struct sheet *s)
{
	g_free(s->url);
	g_free(s->due);
	g_free(s->call);
	if (s->blocks != NULL)
		g_array_free(s->blocks, TRUE);
	if (s->gloss != NULL)
		g_ptr_array_free(s->gloss, TRUE);
}

static void
add(struct sheet *s, row_fn r, block_fn whole, const void *arg, double gap,
    gboolean back, gboolean keep)
{
	/* only the title and the steps keep the band free */
	gboolean wide = r != r_title && r != r_step;
	struct block b = { r, wide, whole, arg, gap, back, keep, FALSE, 0, 0,
	    0 };

	g_array_append_val(s->blocks, b);
}

/* The blocks of the sheet, in order: the front's, then the back's. */
static void
sheet_blocks(struct sheet *s)
{
	const struct kt_text *home = s->home;
	guint steps = home->steps->len;

	s->nq = (int)home->questions->len;
	if (bilingual(s)) {
		steps = MIN(steps, s->it->source->steps->len);
		s->nq = MIN(s->nq, (int)s->it->source->questions->len);
	}
	add(s, r_title, NULL, NULL, KT_GAP_L, FALSE, FALSE);
	add(s, NULL, b_box, NULL, KT_GAP_L, FALSE, FALSE);
	add(s, r_intro, NULL, NULL, KT_GAP_L, FALSE, FALSE);
	add(s, r_heading, NULL, "sheet.steps", KT_GAP_S, FALSE, TRUE);
	for (guint i = 0; i < steps; i++)
		add(s, r_step, NULL, GUINT_TO_POINTER(i), KT_GAP_S, FALSE,
		    FALSE);
	if (s->nq > 0)
		add(s, r_heading, NULL, "sheet.questions", KT_GAP_S, TRUE,
		    TRUE);
	for (int i = 0; i < s->nq; i++)
		add(s, NULL, b_question, GUINT_TO_POINTER((guint)i), KT_GAP_M,
		    TRUE, FALSE);
	/* the names never start a page on their own */
	g_array_index(s->blocks, struct block, s->blocks->len - 1).keep =
	    TRUE;
	add(s, NULL, b_names, NULL, KT_GAP_L, TRUE, FALSE);
	if (s->gloss->len > 0)
		add(s, r_gloss_heading, NULL, NULL, KT_GAP_S, TRUE, TRUE);
	/* a word a block: a page break may fall between two */
	for (guint i = 0; i < s->gloss->len; i++)
		add(s, r_gloss, NULL, g_ptr_array_index(s->gloss, i),
		    KT_GAP_XS, TRUE, i + 1 == s->gloss->len);
	if (s->gloss->len > 0)
		add(s, NULL, b_gloss_end, NULL, 0, TRUE, FALSE);
	for (guint i = s->blocks->len - (s->gloss->len > 0 ? s->gloss->len +
	    2 : 0); i < s->blocks->len; i++)
		g_array_index(s->blocks, struct block, i).boxed = TRUE;
}

/* ---- pages ---- */

static struct block *
blk(const struct sheet *s, guint i)
{
	return &g_array_index(s->blocks, struct block, i);
}

/* What changed since the blocks were last measured: laying text out is
 * most of what a sheet costs, so only what changed is measured again. */
enum remeasure {
	RE_GAPS,	/* the space between blocks only */
	RE_LINES,	/* and the lines to write on under the questions */
	RE_ALL		/* and the text (closer lines) */
};

/* Measures the blocks as tight as the sheet is now. */
static void
measure(struct sheet *s, enum remeasure what)
{
	for (guint i = 0; i < s->blocks->len; i++) {
		struct block *b = blk(s, i);
		gboolean tight = b->back ? s->tight_back : s->tight_front;

		if (what == RE_ALL || (what == RE_LINES && b->whole ==
		    b_question))
			b->h = block_run(s, b, 0, FALSE);
		b->after = tight ? b->gap / 2 : b->gap;
	}
}

/* The height of blocks from up to to, with the space between them. */
static double
span(const struct sheet *s, guint from, guint to)
{
	double h = 0;

	for (guint i = from; i < to; i++)
		h += blk(s, i)->h + (i + 1 < to ? blk(s, i)->after : 0);
	return h;
}

/* The height a page holds: beside the Dutch, only the front has the
 * footer, so that the back holds the questions and the words in both
 * languages (the web page and its QR code are on the front). */
static double
room(const struct sheet *s, int page)
{
	const struct kt_pdf *p = s->p;

	return bilingual(s) && page > 0 ? p->h - KT_SHEET_BOTTOM - p->top :
	    p->bottom - p->top;
}

/* Places blocks from up to to from page on, a page break only where one
 * may fall; returns the last page. */
static int
flow(struct sheet *s, guint from, guint to, int page)
{
	double y = 0;

	for (guint i = from; i < to; i++) {
		struct block *b = blk(s, i);
		double need = b->h;

		for (guint j = i; blk(s, j)->keep && j + 1 < to; j++)
			need += blk(s, j)->after + blk(s, j + 1)->h;
		if (y > 0 && y + need > room(s, page)) {
			page++;
			y = 0;
		}
		b->page = page;
		y += b->h + b->after;
	}
	return page;
}

/* Fewer lines to write on, down to one, then less space, then (the last
 * resort of a sheet beside the Dutch) the lines of the intro, the steps,
 * the questions and the hard words closer: FALSE when it is as tight as
 * it gets. */
static gboolean
tighten_back(struct sheet *s)
{
	if (s->lines > 1) {
		s->lines--;
		measure(s, RE_LINES);
	} else if (!s->tight_back) {
		s->tight_back = TRUE;
		measure(s, RE_GAPS);
	} else if (!s->tight_words) {
		s->tight_words = TRUE;
		measure(s, RE_ALL);
	} else {
		return FALSE;
	}
	return TRUE;
}

/*
 * Plans the pages: all on one side when it fits as it is; else the front
 * and the back, each made tighter until it fits; else, when the front
 * cannot hold the box and every step or the back the rest, flowing from
 * page to page. Beside the Dutch, flowing is the rule when the front
 * cannot hold every step: two pages at most is what counts.
 */
static void
plan(struct sheet *s)
{
	guint n = s->blocks->len, front = 0;
	gboolean fits, moved = FALSE;

	while (front < n && !blk(s, front)->back)
		front++;
	s->lines = s->it->write_lines;
	measure(s, RE_ALL);
	if (span(s, 0, n) <= room(s, 0)) {
		s->pages = flow(s, 0, n, 0) + 1;
		return;
	}
	if (span(s, 0, front) > room(s, 0)) {
		s->tight_front = TRUE;
		measure(s, RE_GAPS);
	}
	while (span(s, front, n) > room(s, 1) && tighten_back(s))
		;
	/* a back with only the names: on the front, tighter, or with the
	 * last step */
	if (n - front == 1 && span(s, 0, n) > room(s, 0)) {
		s->tight_front = TRUE;
		measure(s, RE_GAPS);
		if (span(s, 0, n) > room(s, 0)) {
			blk(s, --front)->back = TRUE;
			moved = TRUE;
		}
	}
	s->front_full = moved || span(s, 0, front) > room(s, 0);
	fits = !s->front_full && span(s, front, n) <= room(s, 1);
	if (fits || !bilingual(s)) {
		s->pages = (s->front_full ? flow(s, 0, n, 0) : flow(s, front, n,
		    flow(s, 0, front, 0) + 1)) + 1;
		return;
	}
	s->tight_front = TRUE;
	measure(s, RE_GAPS);
	while ((s->pages = flow(s, 0, n, 0) + 1) > 2 && tighten_back(s))
		;
}

/* A block that is an item of a list: a step, a hard word. */
static gboolean
listed(const struct block *b)
{
	return b->row == r_step || b->row == r_gloss;
}

/*
 * Draws the sheet from a new page of p, with a bookmark to that page when
 * one is given. The footer of its last page is drawn when the next page
 * starts or the document closes, so s must live until then. Returns the
 * number of pages it took.
 */
static int
sheet_draw(struct sheet *s, const char *bookmark)
{
	struct kt_pdf *p = s->p;
	double y, box = -1;
	int page = 0;

	if (p->page > 0)
		kt_pdf_page(p);	/* ends the previous sheet, its footer */
	p->top = KT_SHEET_TOP;
	p->bottom = p->h - KT_SHEET_BOTTOM - KT_FOOTER_H;
	p->footer = footer;
	p->footer_data = s;
	if (p->page == 0)
		kt_pdf_page(p);
	s->first = p->page;
	sheet_blocks(s);
	plan(s);
	if (bookmark != NULL)
		kt_pdf_outline(p, 0, bookmark);
	kt_pdf_begin(p, KT_TAG_PART);
	y = p->top;
	for (guint i = 0; i < s->blocks->len; i++) {
		const struct block *b = blk(s, i);
		const struct block *next = i + 1 < s->blocks->len ?
		    blk(s, i + 1) : NULL;

		if (b->page != page) {
			kt_pdf_page(p);
			page = b->page;
			y = p->top;
		}
		if (b->boxed && box < 0)
			box = b->row == r_gloss_heading ? y : y - KT_PAD;
		/* the steps a list, the hard words a section with a list */
		if (b->boxed && (i == 0 || !blk(s, i - 1)->boxed))
			kt_pdf_begin(p, KT_TAG_SECT);
		if (listed(b) && (i == 0 || blk(s, i - 1)->row != b->row))
			kt_pdf_begin(p, KT_TAG_L);
		block_run(s, b, y, TRUE);
		if (listed(b) && (next == NULL || next->row != b->row))
			kt_pdf_end(p, KT_TAG_L);
		if (b->boxed && (next == NULL || !next->boxed))
			kt_pdf_end(p, KT_TAG_SECT);
		y += b->h;
		/* the frame round the boxed blocks on this page */
		if (b->boxed && (i + 1 == s->blocks->len || !blk(s,
		    i + 1)->boxed || blk(s, i + 1)->page != page)) {
			double end = b->whole == b_gloss_end ? y : MIN(y +
			    KT_PAD, p->bottom);

			frame(s, box, end - box, KT_GREY_LINE, KT_LINE_LIGHT);
			box = -1;
		}
		y += b->after;
	}
	kt_pdf_end(p, KT_TAG_PART);
	return s->pages;
}

/* ---- chunks and bundles ---- */

#define BUNDLE_KEYWORDS "LOB, bundel"

/*
 * Writes a joined file as out/<rel>; when adding its pages failed (err)
 * or the file cannot be made, reports why, after what.
 */
static void
put_joined(struct kt_pdfkit *k, const char *rel, struct kt_pdf_join *j,
    const struct kt_pdf_info *info, const char *what, GError *err)
{
	GBytes *file;
	char *md5 = NULL;

	if (err != NULL) {
		kt_pdf_join_free(j);
		kt_pdf_fail(k, rel, what, err);
	} else if ((file = kt_pdf_join_finish(j, info, &md5, &err)) ==
	    NULL) {
		kt_pdf_fail(k, rel, what, err);
	} else {
		if (!kt_writer_put_summed(k->w, rel, g_bytes_get_data(file,
		    NULL), g_bytes_get_size(file), md5, &err))
			kt_pdf_fail(k, rel, "", err);
		g_bytes_unref(file);
		g_free(md5);
	}
}

/*
 * A single sheet cut out of the chunk it was drawn in: its pages and the
 * objects they use (the chunk's font subsets among them) copied into a
 * new document, with the chunk's information but its own title, and no
 * bookmarks. Drawing the sheet a second time cost more than twice as
 * much.
 */
static void
cut_sheet(struct kt_pdfkit *k, const struct kt_pdf_src *src, int first,
    int n, const struct kt_item *it, const struct kt_text *t,
    const struct kt_language *lang, gboolean bilingual)
{
	char *rel = bilingual ? kt_bilingual_path(lang->code, it->slug) :
	    kt_sheet_path(lang->code, it->slug);
	char *kw = g_strdup_printf("%s, %s", lang->code, SHEET_KEYWORDS);
	struct kt_pdf_join *j = kt_pdf_join_new(FALSE);
	struct kt_pdf_info info = { src, lang->code, t->title ? t->title :
	    it->slug, t->summary ? t->summary : it->source->summary, kw };
	GError *err = NULL;
	gboolean ok = TRUE;

	kt_pdf_join_duplex(j);
	for (int i = first; i < first + n && ok; i++)
		ok = kt_pdf_join_page(j, src, (guint)i, &err);
	put_joined(k, rel, j, &info, "cannot cut the sheet from its chunk: ",
	    err);
	g_free(kw);
	g_free(rel);
}

/*
 * Draws the sheets of a chunk into one PDF, a bookmark for each, tagged
 * when tagged; returns what kt_pdf_close_to() returns (negative: cairo
 * could not write the structure).
 */
static int
draw_sheets(struct kt_pdfkit *k, const struct kt_language *lang,
    GPtrArray *items, const char *rel, gboolean bilingual, gboolean tagged,
    struct sheet *ss, int *first, int *n, GBytes **file)
{
	struct kt_pdf_meta meta = { NULL, NULL, SHEET_KEYWORDS };
	struct kt_pdf *p = kt_pdf_open(k, rel, lang, &meta, FALSE);
	int r;

	if (tagged)
		kt_pdf_tagged(p);
	p->unwritten = bilingual;
	p->chunk = TRUE;
	p->duplex = TRUE;
	for (guint j = 0; j < items->len; j++) {
		const struct kt_item *it = g_ptr_array_index(items, j);
		const struct kt_text *t = kt_item_text(it, lang->code);

		sheet_init(&ss[j], p, it, t, lang, bilingual);
		n[j] = sheet_draw(&ss[j], t->title ? t->title : it->slug);
		first[j] = p->page - n[j];	/* counted from 0 */
	}
	/* draws the last footer: ss lives until here */
	r = kt_pdf_close_to(p, file);
	if (r < 0) {
		for (guint j = 0; j < items->len; j++)
			sheet_free(&ss[j]);
		if (*file != NULL)
			g_bytes_unref(*file);
		*file = NULL;
	}
	return r;
}

/*
 * Draws the sheets of a chunk into one PDF and cuts each single sheet
 * from it. When cairo cannot tag them (a few chunks beside the Dutch),
 * they are drawn again untagged. The chunk of bilingual sheets is not
 * kept: no bundle reads it.
 */
static void
draw_chunk(struct kt_pdfkit *k, const struct kt_language *lang,
    GPtrArray *items, const char *rel, gboolean bilingual)
{
	struct sheet *ss = g_new0(struct sheet, items->len);
	int *first = g_new0(int, items->len), *n = g_new0(int, items->len);
	GBytes *file = NULL;
	const char *data;
	gsize len = 0;
	struct kt_pdf_src *src;
	GError *err = NULL;

	if (draw_sheets(k, lang, items, rel, bilingual, TRUE, ss, first, n,
	    &file) < 0) {
		kt_warning(k->d, rel, 0, 0, "cairo could not tag these sheets; "
		    "they are drawn again without tags");
		memset(ss, 0, items->len * sizeof *ss);
		draw_sheets(k, lang, items, rel, bilingual, FALSE, ss, first,
		    n, &file);
	}
	data = file != NULL ? g_bytes_get_data(file, &len) : NULL;
	src = data != NULL ? kt_pdf_src_new(rel, data, len, &err) : NULL;
	if (data != NULL && src == NULL) {
		kt_pdf_fail(k, rel, "cannot read the chunk back: ", err);
	}
	for (guint j = 0; j < items->len && src != NULL; j++) {
		const struct kt_item *it = g_ptr_array_index(items, j);
		const struct kt_text *t = kt_item_text(it, lang->code);

		cut_sheet(k, src, first[j], n[j], it, t, lang, bilingual);
		if (ss[j].front_full && !bilingual)
			kt_warning(k->d, t->path, 0, 0, "the front of the sheet "
			    "cannot hold the box and every step; shorten the "
			    "intro or the steps");
		if (n[j] > 2)
			kt_warning(k->d, t->path, 0, 0, "the %ssheet takes %d "
			    "pages; shorten the text to fit two", bilingual ?
			    "bilingual " : "", n[j]);
	}
	kt_pdf_src_free(src);
	for (guint j = 0; j < items->len; j++)
		sheet_free(&ss[j]);
	g_free(ss);
	g_free(first);
	g_free(n);
	if (file != NULL)
		g_bytes_unref(file);
}

/* A chunk read back from its file, with its bookmarks (one a sheet): the
 * titles, and the first page of each with the pages in all as the last. */
static struct kt_pdf_src *
read_chunk(struct kt_pdfkit *k, const char *rel, guint sheets, char **data,
    GPtrArray *titles, GArray *starts, GError **err)
{
	char *path = kt_writer_source(k->w, rel);
	struct kt_pdf_src *src = NULL;
	gsize len = 0;
	guint end;

	if (g_file_get_contents(path, data, &len, err) &&
	    (src = kt_pdf_src_new(rel, *data, len, err)) != NULL &&
	    kt_pdf_src_marks(src, titles, starts, err)) {
		end = kt_pdf_src_pages(src);
		g_array_append_val(starts, end);
		if (titles->len != sheets) {
			g_set_error(err, G_FILE_ERROR, G_FILE_ERROR_FAILED,
			    "%s has %u bookmarks for %u sheets", rel,
			    titles->len, sheets);
			kt_pdf_src_free(src);
			src = NULL;
		}
	} else {
		kt_pdf_src_free(src);
		src = NULL;
	}
	g_free(path);
	return src;
}

/*
 * The part's sheets, one after the other, each with its bookmark, taken
 * from the chunks they were drawn in (the jobs it needs), each on sheets
 * of paper of its own: what a page uses is copied once, what nothing uses
 * is left out. Objects other than streams are packed into object
 * streams: a quarter smaller.
 */
void
kt_sheets_bundle(struct kt_pdfkit *k, const struct kt_plan_job *b)
{
	guint n = b->needs->len;
	struct kt_pdf_src **srcs = g_new0(struct kt_pdf_src *, n);
	GArray **starts = g_new0(GArray *, n);
	GPtrArray **titles = g_new0(GPtrArray *, n);
	char **data = g_new0(char *, n + 1);	/* NULL-ended: g_strfreev */
	struct kt_pdf_join *j = kt_pdf_join_new(TRUE);
	char *kw = g_strdup_printf("%s, %s", b->lang->code, BUNDLE_KEYWORDS);
	GError *err = NULL;
	guint at = 0;

	kt_pdf_join_duplex(j);
	for (guint i = 0; i < n && err == NULL; i++) {
		const struct kt_plan_job *c = g_ptr_array_index(b->needs, i);

		starts[i] = g_array_new(FALSE, FALSE, sizeof(guint));
		titles[i] = g_ptr_array_new_with_free_func(g_free);
		srcs[i] = read_chunk(k, g_ptr_array_index(c->files, 0),
		    c->items->len, &data[i], titles[i], starts[i], &err);
	}
	for (guint s = 0; s < b->items->len && err == NULL; s++) {
		const struct kt_sheet_at *in = &g_array_index(b->at,
		    struct kt_sheet_at, s);
		guint p0 = g_array_index(starts[in->chunk], guint, in->place);
		guint p1 = g_array_index(starts[in->chunk], guint,
		    in->place + 1);

		kt_pdf_join_mark(j, g_ptr_array_index(titles[in->chunk],
		    in->place), at);
		for (guint p = p0; p < p1 && err == NULL; p++)
			(void)kt_pdf_join_page(j, srcs[in->chunk], p, &err);
		at += p1 - p0;
		/* printed on both sides, every sheet starts on a front: one
		 * side alone gets an empty back */
		if ((p1 - p0) % 2 == 1) {
			kt_pdf_join_blank(j, KT_A4_W, KT_A4_H);
			at++;
		}
	}
	{
		struct kt_pdf_info info = { srcs[0], b->lang->code, b->title,
		    b->title, kw };

		put_joined(k, g_ptr_array_index(b->files, 0), j, &info,
		    "cannot join the sheets: ", err);
	}
	for (guint i = 0; i < n; i++) {
		kt_pdf_src_free(srcs[i]);
		if (starts[i] != NULL)
			g_array_free(starts[i], TRUE);
		if (titles[i] != NULL)
			g_ptr_array_free(titles[i], TRUE);
	}
	g_free(srcs);
	g_free(starts);
	g_free(titles);
	g_strfreev(data);
	g_free(kw);
}

/*
 * A chunk of home sheets is kept under .keukentafel/ for the bundles;
 * a chunk of sheets beside the Dutch is drawn in memory, cut and not
 * kept: a sheet in a file of its own wrote its font subsets for itself,
 * a third of the time it took.
 */
void
kt_sheets_chunk(struct kt_pdfkit *k, const struct kt_plan_job *j)
{
	const struct kt_item *first = g_ptr_array_index(j->items, 0);
	char *rel;

	if (j->kind == KT_JOB_CHUNK) {
		draw_chunk(k, j->lang, j->items, g_ptr_array_index(j->files,
		    0), FALSE);
		return;
	}
	rel = g_strdup_printf(".keukentafel/tweetalig/%s/%s.pdf",
	    j->lang->code, first->slug);
	draw_chunk(k, j->lang, j->items, rel, TRUE);
	g_free(rel);
}
