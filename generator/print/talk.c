/*
 * A talk guide on paper. The family's preparation sheet, in one language
 * or in the home language beside the Dutch: first the box with the day,
 * the time and the place of the talk (from the command line, or lines to
 * write on) and whether an interpreter is wanted; the intro; the home
 * assignments the talk looks back at, each with its pictogram; then the
 * questions for the pupil and for the parent, each with lines to write
 * on. It keeps to the take-home sheet's easy-read rules (body 14 pt, a
 * pictogram of 20 mm, the box first, at most two pages). And the mentor's
 * one-page guide in Dutch: the parts with their minutes and questions,
 * and a box of agreements (who, what, by when) signed by the three.
 * Each is tagged: the family's sheet with an H1 a column, the box a
 * section, the assignments looked back at a list, the questions
 * paragraphs under a heading, each in its column's language; the guide
 * with its parts as sections and the agreements as a table; the
 * schedule as a table. When cairo cannot write the tags, a printable is
 * drawn again without them, with a warning.
 */
#include <string.h>

#include "print/links.h"
#include "print/print.h"
#include "print/printables.h"

#define TALK_KEYWORDS "LOB, gesprek"
#define AGREEMENT_ROWS 4	/* rows to fill in during the talk */

/* A column of the family's sheet: page coordinates, not mirrored. */
struct tcol {
	const struct kt_text *t;
	const struct kt_language *lang;
	double x0, w;
};

struct talk {
	struct kt_pdf *p;
	const struct kt_item *it;
	struct tcol cols[2];
	int n;
	int lines;		/* to write on under a question */
	char *url;		/* the talk's page in the sheet's language */
};

/* A question of the pupil's list (who 0) or the parent's (who 1). */
struct question {
	int who;
	guint i;
};

/* ---- placing things in a column ---- */

/* page x of something iw wide, ox from the column's reading start */
static double
col_x(const struct tcol *c, double ox, double iw)
{
	return c->lang->rtl ? c->x0 + c->w - ox - iw : c->x0 + ox;
}

/* Plain text (escaped here) laid out in the column's language. */
static PangoLayout *
col_plain(struct talk *s, const struct tcol *c, const char *text,
    double size, gboolean bold, double width)
{
	char *m = g_markup_escape_text(text, -1);
	PangoLayout *l = kt_pdf_text_in(s->p, c->lang, m, size, bold, width,
	    TRUE);

	g_free(m);
	return l;
}

static const char *
col_str(const struct talk *s, const struct tcol *c, const char *key)
{
	return kt_str(s->p->kit->m, c->lang->code, key);
}

/* ---- rows: the same thing in each column, side by side ---- */

typedef double (*cell_fn)(struct talk *, const struct tcol *, double y,
    gboolean draw, const void *arg);

static double
row_height(struct talk *s, cell_fn fn, const void *arg)
{
	double h = 0;

	for (int i = 0; i < s->n; i++) {
		double ch = fn(s, &s->cols[i], 0, FALSE, arg);

		h = MAX(h, ch);
	}
	return h;
}

static void
row(struct talk *s, cell_fn fn, const void *arg, double after)
{
	double h = row_height(s, fn, arg);

	kt_pdf_need(s->p, h);
	for (int i = 0; i < s->n; i++)
		fn(s, &s->cols[i], s->p->y, TRUE, arg);
	s->p->y += h + after;
}

/* Shows l in c at ox, y when draw, as an element tag in the column's
 * language; frees it; returns its height. */
static double
shown(struct talk *s, const struct tcol *c, enum kt_tag tag, PangoLayout *l,
    double ox, double y, double iw, gboolean draw)
{
	return kt_pdf_put_in(s->p, tag, c->lang->code, l, kt_pdf_x(s->p,
	    col_x(c, ox, iw), iw), y, iw, draw);
}

/* A pictogram at the reading start of c, a Figure in the column's
 * language (its text is drawn first: cairo 1.16 cannot tag a document
 * whose first marked content is a picture). */
static void
col_picto(struct talk *s, const struct tcol *c, const char *name, double y,
    double pic)
{
	kt_pdf_picto_in(s->p, c->lang, name, kt_pdf_x(s->p, col_x(c, 0, pic),
	    pic), y, pic);
}

static double
c_title(struct talk *s, const struct tcol *c, double y, gboolean draw,
    const void *arg)
{
	double pic = KT_PICTO_TITLE, gap = KT_GAP_XL, w = c->w - pic - gap;
	PangoLayout *l = col_plain(s, c, c->t->title ? c->t->title :
	    s->it->slug, s->n == 1 ? KT_TYPE_TITLE : KT_TYPE_TITLE_COLUMN,
	    TRUE, w);
	double h = kt_pdf_height(l);

	(void)arg;
	shown(s, c, KT_TAG_H1, l, pic + gap, y + MAX(0, (pic - h) / 2), w,
	    draw);
	if (draw)
		col_picto(s, c, s->it->pictogram, y, pic);
	return MAX(pic, h);
}

static double
c_text(struct talk *s, const struct tcol *c, double y, gboolean draw,
    const void *arg)
{
	return shown(s, c, KT_TAG_H2, col_plain(s, c, col_str(s, c, arg),
	    KT_TYPE_HEADING, TRUE, c->w), 0, y, c->w, draw);
}

/* A heading with a pictogram at its reading start: who it is for. */
static double
c_who(struct talk *s, const struct tcol *c, double y, gboolean draw,
    const void *arg)
{
	static const char *const key[] = {
		"talk.heading.pupil", "talk.heading.parent"
	};
	static const char *const picto[] = { "leerling", "ouder" };
	int who = *(const int *)arg;
	double pic = KT_PICTO_HEADING, gap = KT_GAP_M, w = c->w - pic - gap;
	PangoLayout *l = col_plain(s, c, col_str(s, c, key[who]),
	    KT_TYPE_HEADING, TRUE, w);
	double h = kt_pdf_height(l);

	shown(s, c, KT_TAG_H2, l, pic + gap, y + MAX(0, (pic - h) / 2), w,
	    draw);
	if (draw)
		col_picto(s, c, picto[who], y, pic);
	return MAX(pic, h);
}

static double
c_intro(struct talk *s, const struct tcol *c, double y, gboolean draw,
    const void *arg)
{
	char *m = kt_pdf_md(s->p, c->lang, c->t->intro);
	PangoLayout *l = kt_pdf_text_in(s->p, c->lang, m, KT_TYPE_BODY, FALSE,
	    c->w, FALSE);

	(void)arg;
	g_free(m);
	return shown(s, c, KT_TAG_P, l, 0, y, c->w, draw);
}

/* ---- the box: when and where, and an interpreter ---- */

/* A label and its value, or a line to write on; returns its height. */
static double
box_field(struct talk *s, const struct tcol *c, double y, gboolean draw,
    const char *key, const char *value)
{
	double pad = KT_PAD, lw = c->w * KT_PANEL_LABEL;
	double vx = pad + lw, vw = c->w - vx - pad, h;
	PangoLayout *l = col_plain(s, c, col_str(s, c, key), KT_TYPE_BODY,
	    FALSE, lw - pad);

	/* MAX() takes its arguments twice: each layout is shown once */
	h = shown(s, c, KT_TAG_P, l, pad, y, lw - pad, draw);
	h = MAX(KT_PANEL_ROW, h);
	if (value != NULL) {
		double vh = shown(s, c, KT_TAG_P, col_plain(s, c, value,
		    KT_TYPE_BODY,
		    TRUE, vw), vx, y, vw, draw);

		return MAX(h, vh);
	}
	if (draw)
		kt_pdf_rule(s->p, col_x(c, vx, vw), y + KT_PANEL_RULE,
		    col_x(c, vx, vw) + vw, KT_GREY_PANEL_LINE, KT_LINE_WRITE);
	return h;
}

/* "Een tolk?" and two boxes to tick, ja and nee. */
static double
box_interpreter(struct talk *s, const struct tcol *c, double y,
    gboolean draw)
{
	static const char *const words[] = { "invite.yes", "invite.no" };
	double pad = KT_PAD, lw = c->w * KT_PANEL_LABEL, x = pad + lw;
	double box = KT_TICK_BOX_S, h, row = 0;
	PangoLayout *l = col_plain(s, c, col_str(s, c, "talk.box.interpreter"),
	    KT_TYPE_BODY, FALSE, lw - pad);

	h = shown(s, c, KT_TAG_P, l, pad, y, lw - pad, draw);
	h = MAX(KT_PANEL_ROW, h);
	for (int i = 0; i < 2; i++) {
		PangoLayout *w = col_plain(s, c, col_str(s, c, words[i]),
		    KT_TYPE_BODY, TRUE, KT_WORD_W);
		int pw, ph;

		pango_layout_get_pixel_size(w, &pw, &ph);
		/* a choice that would run out of the box: on the next line */
		if (i > 0 && x + box + KT_GAP_S + pw > c->w - pad) {
			x = pad + lw;
			row += KT_PANEL_ROW;
		}
		if (draw)
			kt_pdf_box(s->p, col_x(c, x, box), y + row +
			    KT_CHOICE_DROP, box, box, KT_INK, KT_LINE_REGULAR);
		shown(s, c, KT_TAG_P, w, x + box + KT_GAP_S, y + row,
		    KT_WORD_W, draw);
		x += box + KT_GAP_S + pw + KT_CHOICE_GAP;
	}
	return MAX(h, row + KT_PANEL_ROW);
}

/* Whom to call with a question: the mentor, then the number (or the
 * school's, from site.yaml), a line each. */
static double
box_call(struct talk *s, const struct tcol *c, double y, gboolean draw)
{
	char *who = kt_pdf_contact(s->p);
	/* none known: a line to write on */
	double h = box_field(s, c, y, draw, "invite.call", who != NULL &&
	    *who != '\0' ? who : NULL);

	g_free(who);
	return h;
}

static double
c_box(struct talk *s, const struct tcol *c, double y, gboolean draw,
    const void *arg)
{
	const struct kt_render_opts *o = s->p->kit->o;
	char *date = o->date != NULL ? kt_date_display(o->date) : NULL;
	/* a left-to-right mark keeps "15:00–15:15" in order in Arabic */
	char *time = o->start != NULL ? g_strconcat(c->lang->rtl ?
	    "\u200E" : "", o->start, NULL) : NULL;
	double pad = KT_PAD, gap = KT_PANEL_ROW_GAP, h = pad;
	PangoLayout *l = col_plain(s, c, col_str(s, c, "talk.box.title"),
	    KT_TYPE_SUBHEADING, TRUE, c->w - 2 * pad);

	(void)arg;
	if (draw)
		kt_pdf_begin_in(s->p, KT_TAG_SECT, c->lang->code);
	h += shown(s, c, KT_TAG_H2, l, pad, y + h, c->w - 2 * pad, draw) + gap;
	h += box_field(s, c, y + h, draw, "talk.box.date", date) + gap;
	h += box_field(s, c, y + h, draw, "talk.box.time", time) + gap;
	h += box_field(s, c, y + h, draw, "talk.box.place", o->place) + gap;
	h += box_interpreter(s, c, y + h, draw) + gap;
	if (o->pupil != NULL)	/* a family's invitation: which language */
		h += box_field(s, c, y + h, draw, "invite.language", NULL) +
		    gap;
	if (o->mentor != NULL || o->phone != NULL || o->pupil != NULL)
		h += box_call(s, c, y + h, draw) + gap;
	l = col_plain(s, c, col_str(s, c, "talk.box.bring"), KT_TYPE_BODY,
	    TRUE, c->w - 2 * pad);
	h += shown(s, c, KT_TAG_P, l, pad, y + h, c->w - 2 * pad, draw) + pad;
	if (draw)
		kt_pdf_end(s->p, KT_TAG_SECT);
	if (draw)
		kt_pdf_box(s->p, c->x0, y, c->w, h, KT_GREY_FRAME,
		    KT_LINE_FRAME);
	g_free(date);
	g_free(time);
	return h;
}

/* ---- what the talk looks back at, and the questions ---- */

static double
c_assignment(struct talk *s, const struct tcol *c, double y, gboolean draw,
    const void *arg)
{
	const struct kt_item *a = arg;
	const struct kt_text *t = kt_item_text(a, c->lang->code);
	double pic = KT_PICTO_HEADING, gap = KT_GAP_M, w = c->w - pic - gap;
	PangoLayout *l;
	double h;

	if (t == NULL)
		t = a->source;
	l = col_plain(s, c, t->title ? t->title : a->slug, KT_TYPE_BODY, TRUE,
	    w);
	h = kt_pdf_height(l);
	/* an item of the list in each column's language */
	if (draw)
		kt_pdf_begin_in(s->p, KT_TAG_LI, c->lang->code);
	shown(s, c, KT_TAG_LBODY, l, pic + gap, y + MAX(0, (pic - h) / 2), w,
	    draw);
	if (draw) {
		col_picto(s, c, a->pictogram, y, pic);
		kt_pdf_end(s->p, KT_TAG_LI);
	}
	return MAX(pic, h);
}

/* A question with its lines to write on: never split over two pages. */
static double
c_question(struct talk *s, const struct tcol *c, double y, gboolean draw,
    const void *arg)
{
	const struct question *q = arg;
	GPtrArray *list = q->who == 0 ? c->t->pupil_questions :
	    c->t->parent_questions;
	char *m = kt_pdf_md(s->p, c->lang, g_ptr_array_index(list, q->i));
	PangoLayout *l = kt_pdf_text_in(s->p, c->lang, m, KT_TYPE_BODY, FALSE,
	    c->w, FALSE);
	double h = shown(s, c, KT_TAG_P, l, 0, y, c->w, draw);

	g_free(m);
	for (int i = 0; i < s->lines; i++) {
		h += KT_WRITE_LINE;
		if (draw)
			kt_pdf_rule(s->p, c->x0, y + h, c->x0 + c->w,
			    KT_GREY_WRITE, KT_LINE_WRITE);
	}
	return h;
}

/* The pupil's (who 0) or the parent's questions, under their heading. */
static void
questions(struct talk *s, int who)
{
	guint n = G_MAXUINT;
	struct question first = { who, 0 };

	for (int i = 0; i < s->n; i++) {
		const struct kt_text *t = s->cols[i].t;
		n = MIN(n, (who == 0 ? t->pupil_questions :
		    t->parent_questions)->len);
	}
	if (n == 0)
		return;
	kt_pdf_need(s->p, row_height(s, c_who, &who) + KT_GAP_S +
	    row_height(s, c_question, &first));
	row(s, c_who, &who, KT_GAP_S);
	for (guint i = 0; i < n; i++) {
		struct question q = { who, i };

		row(s, c_question, &q, KT_GAP_M);
	}
	s->p->y += KT_GAP_M;
}

static void
looked_back(struct talk *s)
{
	const struct kt_model *m = s->p->kit->m;
	gboolean any = FALSE;

	for (guint i = 0; i < s->it->looks_back->len; i++) {
		const struct kt_ref *r = g_ptr_array_index(s->it->looks_back,
		    i);
		const struct kt_item *a = kt_model_find(m, KT_ASSIGNMENT,
		    r->slug);

		if (a == NULL)
			continue;
		if (!any) {
			kt_pdf_need(s->p, row_height(s, c_text,
			    "talk.heading.back") + KT_GAP_S +
			    row_height(s, c_assignment, a));
			row(s, c_text, "talk.heading.back", KT_GAP_S);
			kt_pdf_begin(s->p, KT_TAG_L);
			any = TRUE;
		}
		row(s, c_assignment, a, KT_GAP_S);
	}
	if (any) {
		kt_pdf_end(s->p, KT_TAG_L);
		s->p->y += KT_GAP_M;
	}
}

/* ---- the footer: draft note, school, web page, QR code ---- */

static void
footer(struct kt_pdf *p, void *data)
{
	struct talk *s = data;
	double top = p->h - KT_MARGIN_BOTTOM - KT_FOOTER_H + KT_GAP_L;
	double qr = KT_QR, textw = kt_pdf_width(p) - qr - KT_GAP_L;
	GString *m = g_string_new(NULL);
	PangoLayout *l;
	char *e;

	kt_pdf_rule(p, p->left, top - KT_GAP_M, p->w - p->right, KT_GREY_LIGHT,
	    KT_LINE_FINE);
	for (int i = 0; i < s->n; i++)
		if (s->cols[i].t->status == KT_DRAFT) {
			e = g_markup_escape_text(col_str(s, &s->cols[i],
			    "sheet.draft"), -1);
			g_string_append_printf(m, "<b>%s</b>\n", e);
			g_free(e);
		}
	e = g_markup_printf_escaped("%s\n%s: %s\n%s",
	    p->kit->m->site.school ? p->kit->m->site.school : "",
	    kt_pdf_str(p, "talk.web"), s->url, kt_pdf_str(p, "sheet.credit"));
	g_string_append(m, e);
	g_free(e);
	l = kt_pdf_text(p, m->str, KT_TYPE_SMALL, FALSE, textw, -1, TRUE);
	kt_pdf_show(p, l, p->left, top, textw);
	g_object_unref(l);
	g_string_free(m, TRUE);
	kt_pdf_qr(p, s->url, kt_pdf_x(p, p->w - p->right - qr, qr), top, qr);
}

/* ---- the family's sheet ---- */

static void
talk_init(struct talk *s, struct kt_pdf *p, const struct kt_plan_job *j,
    gboolean bilingual)
{
	const struct kt_model *m = p->kit->m;
	const struct kt_language *dutch = g_ptr_array_index(m->site.languages,
	    0);
	char *page = kt_page_path(j->lang->code, KT_TALK, j->it->slug);
	double w = kt_pdf_width(p);

	memset(s, 0, sizeof *s);
	s->p = p;
	s->it = j->it;
	s->n = bilingual ? 2 : 1;
	s->url = g_strconcat(m->site.base_url ? m->site.base_url : "", page,
	    NULL);
	g_free(page);
	s->cols[0] = (struct tcol){ j->t, j->lang, p->left, w };
	if (bilingual) {
		double cw = (w - KT_GUTTER) / 2;
		double home = j->lang->rtl ? p->w - p->right - cw : p->left;
		double other = j->lang->rtl ? p->left : p->w - p->right - cw;

		s->cols[0] = (struct tcol){ j->t, j->lang, home, cw };
		s->cols[1] = (struct tcol){ j->it->source, dutch, other, cw };
	}
}

/* Draws the sheet into p; returns the number of pages it took. */
static int
family_draw(struct talk *s)
{
	struct kt_pdf *p = s->p;

	p->bottom = p->h - KT_MARGIN_BOTTOM - KT_FOOTER_H;
	p->footer = footer;
	p->footer_data = s;
	kt_pdf_page(p);
	row(s, c_title, NULL, KT_GAP_XL);
	row(s, c_box, NULL, KT_GAP_L);
	row(s, c_intro, NULL, KT_GAP_L);
	looked_back(s);
	questions(s, 0);
	questions(s, 1);
	return p->page;
}

/*
 * A blank page after an odd number, with the pupil's name on top, else
 * the footer (cairo leaves out an empty last page): in a class's file
 * printed on both sides, the next one then starts on a sheet of its own.
 */
static void
even_pages(struct kt_pdf *p)
{
	if (p->page % 2 == 0)
		return;
	kt_pdf_page(p);		/* draws the footer of the page before */
	if (p->kit->o->pupil != NULL)
		p->footer = NULL;
}

/*
 * The family's sheet. Over two pages it is drawn again with a line to
 * write on fewer under each question, down to one; the text itself never
 * gets smaller. When cairo cannot write its tags, it is drawn again
 * without them.
 */
void
kt_talk_family(struct kt_pdfkit *k, const struct kt_plan_job *j)
{
	gboolean bilingual = j->kind == KT_JOB_TALK_BILINGUAL;
	const char *rel = g_ptr_array_index(j->files, 0);
	struct kt_pdf_meta meta = { j->t->title, j->t->summary ?
	    j->t->summary : j->it->source->summary, TALK_KEYWORDS };
	struct talk s;
	int lines = 2, pages;
	gboolean tagged = TRUE;

	for (;;) {
		struct kt_pdf *p = kt_pdf_open(k, rel, j->lang, &meta, FALSE);

		if (tagged)
			kt_pdf_tagged(p);
		talk_init(&s, p, j, bilingual);
		s.lines = lines;
		pages = family_draw(&s);
		if (pages <= 2 || lines <= 1) {
			if (k->o->pupil != NULL)
				even_pages(p);
			/* draws the last footer */
			if (kt_pdf_close(p) >= 0 || !tagged)
				break;
			kt_warning(k->d, rel, 0, 0, KT_PAPER_UNTAGGED);
			tagged = FALSE;
			g_free(s.url);
			continue;
		}
		kt_pdf_discard(p);
		g_free(s.url);
		lines--;
	}
	if (pages > 2)
		kt_warning(k->d, j->t->path, 0, 0, "the %spreparation sheet "
		    "takes %d pages; shorten the text to fit two", bilingual ?
		    "bilingual " : "", pages);
	g_free(s.url);
}

/* ---- the mentor's guide ---- */

static void
guide_footer(struct kt_pdf *p, void *data)
{
	PangoLayout *l = kt_pdf_text(p, data, KT_TYPE_SMALL, FALSE,
	    kt_pdf_width(p), -1, TRUE);

	kt_pdf_show(p, l, p->left, p->h - KT_FOOTLINE_Y, kt_pdf_width(p));
	g_object_unref(l);
}

/* Markup at the cursor across the page, in the staff's size, an element
 * of type tag. */
static void
guide_markup(struct kt_pdf *p, enum kt_tag tag, const char *markup,
    double size, gboolean bold, double indent, double after)
{
	double w = kt_pdf_width(p) - indent;
	PangoLayout *l = kt_pdf_text(p, markup, size, bold, w, -1, TRUE);
	double h = kt_pdf_height(l);

	kt_pdf_need(p, h);
	kt_pdf_show_as(p, tag, l, p->left + indent, p->y, w);
	p->y += h + after;
	g_object_unref(l);
}

/* A heading and a piece of Markdown under it. */
static void
guide_md(struct kt_pdf *p, const char *heading, const struct kt_md *m)
{
	char *body;

	if (m == NULL)
		return;
	kt_pdf_para_as(p, KT_TAG_H2, heading, KT_TYPE_STAFF_HEADING, TRUE,
	    KT_GAP_XS);
	body = kt_pdf_md(p, p->lang, m);
	guide_markup(p, KT_TAG_P, body, KT_TYPE_STAFF, FALSE, 0, KT_GAP_M);
	g_free(body);
}

/* The parts, each a section with its minutes from the start as its
 * heading, and its questions a list. */
static void
guide_parts(struct kt_pdf *p, const struct kt_item *it)
{
	int at = 0;

	for (guint i = 0; i < it->parts->len; i++) {
		const struct kt_talk_part *pt = g_ptr_array_index(it->parts, i);
		char *key = g_strdup_printf("v.deel.%s", pt->part >= 0 ?
		    kt_vocab_name(KT_V_TALK_PART, pt->part) : "");
		char *h = g_strdup_printf("%u. %s · %d min (%d–%d)", i + 1,
		    kt_str(p->kit->m, "nl", key), pt->minutes, at,
		    at + pt->minutes);

		g_free(key);
		at += pt->minutes;
		kt_pdf_begin(p, KT_TAG_SECT);
		kt_pdf_para_as(p, KT_TAG_H2, h, KT_TYPE_STAFF, TRUE, KT_GAP_XS);
		g_free(h);
		if (pt->questions->len > 0)
			kt_pdf_begin(p, KT_TAG_L);
		for (guint q = 0; q < pt->questions->len; q++) {
			char *md = kt_pdf_md(p, p->lang,
			    g_ptr_array_index(pt->questions, q));
			char *m = g_strdup_printf("• %s", md);

			kt_pdf_begin(p, KT_TAG_LI);
			guide_markup(p, KT_TAG_LBODY, m, KT_TYPE_STAFF, FALSE,
			    KT_GAP_L, 0);
			kt_pdf_end(p, KT_TAG_LI);
			g_free(m);
			g_free(md);
		}
		if (pt->questions->len > 0)
			kt_pdf_end(p, KT_TAG_L);
		kt_pdf_end(p, KT_TAG_SECT);
		p->y += KT_GAP_S;
	}
}

/* The labels of a row, each over its share of the width and an element
 * of type tag, with rules. */
static void
guide_cells(struct kt_pdf *p, enum kt_tag tag, const char *const *labels,
    const double *share, int n, double rule_at, double rule_grey)
{
	double x = p->left, w = kt_pdf_width(p) - 2 * KT_PAD, h = 0;

	for (int i = 0; i < n; i++) {
		double cw = w * share[i];
		PangoLayout *l = NULL;

		if (labels != NULL) {
			char *m = g_markup_escape_text(labels[i], -1);

			l = kt_pdf_text(p, m, KT_TYPE_STAFF, TRUE,
			    cw - KT_CELL_MARGIN, -1, TRUE);
			kt_pdf_show_as(p, tag, l, x + KT_PAD, p->y,
			    cw - KT_CELL_MARGIN);
			h = MAX(h, kt_pdf_height(l));
			g_object_unref(l);
			g_free(m);
		}
		if (rule_at > 0)
			kt_pdf_rule(p, kt_pdf_x(p, x + KT_PAD, cw -
			    KT_CELL_MARGIN), p->y + rule_at, kt_pdf_x(p,
			    x + KT_PAD, cw - KT_CELL_MARGIN) + cw -
			    KT_CELL_MARGIN, rule_grey, KT_LINE_WRITE);
		x += cw;
	}
	p->y += MAX(h, rule_at) + KT_GAP_S;
}

/* The box of agreements, filled in during the talk and signed: a
 * section with its heading, the table's head row (its rows are lines
 * to write on) and the names who sign. */
static void
guide_agreements(struct kt_pdf *p)
{
	static const double share3[] = { 0.2, 0.55, 0.25 };
	static const double sign[] = { 1.0 / 3, 1.0 / 3, 1.0 / 3 };
	const struct kt_model *m = p->kit->m;
	const char *head[] = { kt_str(m, "nl", "talk.agree.who"),
	    kt_str(m, "nl", "talk.agree.what"),
	    kt_str(m, "nl", "talk.agree.when") };
	const char *names[] = { kt_str(m, "nl", "talk.sign.pupil"),
	    kt_str(m, "nl", "talk.sign.parent"),
	    kt_str(m, "nl", "talk.sign.mentor") };
	double top;

	/* the box stays whole: its rows, the names, the frame's padding */
	kt_pdf_need(p, KT_TYPE_STAFF_HEADING * KT_LEADING_TIGHT +
	    (AGREEMENT_ROWS + 1) * (KT_CHECKLIST_ROW + KT_GAP_S) +
	    KT_NAMES_ROW + 4 * KT_PAD);
	top = p->y;
	p->y += KT_PAD;
	kt_pdf_begin(p, KT_TAG_SECT);
	{
		char *e = g_markup_escape_text(kt_str(m, "nl",
		    "talk.agree.title"), -1);

		guide_markup(p, KT_TAG_H2, e, KT_TYPE_STAFF_HEADING, TRUE,
		    KT_PAD, KT_GAP_S);
		g_free(e);
	}
	kt_pdf_begin(p, KT_TAG_TABLE);
	kt_pdf_begin(p, KT_TAG_TR);
	guide_cells(p, KT_TAG_TH, head, share3, 3, 0, KT_INK);
	kt_pdf_end(p, KT_TAG_TR);
	kt_pdf_end(p, KT_TAG_TABLE);
	for (int r = 0; r < AGREEMENT_ROWS; r++)
		guide_cells(p, KT_TAG_TD, NULL, share3, 3, KT_CHECKLIST_ROW,
		    KT_GREY_LINE);
	p->y += KT_GAP_S;
	guide_cells(p, KT_TAG_P, names, sign, 3, KT_NAMES_ROW, KT_GREY_LINE);
	kt_pdf_end(p, KT_TAG_SECT);
	kt_pdf_box(p, p->left, top, kt_pdf_width(p), p->y - top + KT_PAD,
	    KT_GREY_FRAME, KT_LINE_FRAME);
	p->y += KT_PAD;
}

/* What the talk is, for whom, how long, and what it looks back at. */
static void
guide_head(struct kt_pdf *p, const struct kt_item *it)
{
	const struct kt_model *m = p->kit->m;
	GString *s = g_string_new(NULL);
	char *key = g_strdup_printf("v.soort.%s", it->talk >= 0 ?
	    kt_vocab_name(KT_V_TALK, it->talk) : "");

	g_string_append_printf(s, "%s · %d minuten · leerling, ouder en "
	    "mentor", kt_str(m, "nl", key), it->minutes);
	for (guint i = 0; i < it->looks_back->len; i++) {
		const struct kt_ref *r = g_ptr_array_index(it->looks_back, i);
		const struct kt_item *a = kt_model_find(m, KT_ASSIGNMENT,
		    r->slug);

		g_string_append_printf(s, "%s%s", i == 0 ? "\nTerugblik op: " :
		    ", ", a != NULL && a->source->title ? a->source->title :
		    r->slug);
	}
	kt_pdf_para_as(p, KT_TAG_P, s->str, KT_TYPE_STAFF, FALSE, KT_GAP_XS);
	kt_pdf_para_as(p, KT_TAG_P, "Leerling: ______________________    "
	    "Datum: ____________", KT_TYPE_STAFF, FALSE, KT_GAP_L);
	g_string_free(s, TRUE);
	g_free(key);
}

/* ---- the mentor's schedule of a class's talks (print gesprek) ---- */

enum { SCHEDULE_TIME, SCHEDULE_PUPIL, SCHEDULE_LANG, SCHEDULE_TOLK,
    SCHEDULE_COLS };

/* The schedule is the school's, in Dutch only (as the mentor's guide):
 * its own words are here, not UI strings every language must have. */
#define SCHEDULE_TITLE "Rooster van de gesprekken"
#define SCHEDULE_HEAD_TIME "Tijd"
#define SCHEDULE_HEAD_LANG "Taal van het gezin"
#define SCHEDULE_HEAD_TOLK "Tolk nodig?"
#define SCHEDULE_PLACE "Plaats"
#define SCHEDULE_PHONE "Telefoon"
#define SCHEDULE_COUNT "gesprekken"
#define SCHEDULE_DUTCH_SHEET ", uitnodiging in het Nederlands"

/* Boxes to tick, "ja" and "nee", in a row from x, in the middle of a
 * row h high from y; returns their width. */
static double
schedule_choice(struct kt_pdf *p, double x, double y, double h,
    gboolean draw)
{
	static const char *const words[] = { "invite.yes", "invite.no" };
	double w = 0, box = KT_PREP_BOX;

	for (int i = 0; i < 2; i++) {
		char *m = g_markup_escape_text(kt_pdf_str(p, words[i]), -1);
		double tw = kt_paper_natural(p, m, KT_TYPE_STAFF, FALSE, FALSE);
		PangoLayout *l = kt_pdf_text(p, m, KT_TYPE_STAFF, FALSE,
		    tw + KT_GAP_XS, -1, TRUE);

		if (draw) {
			kt_pdf_box(p, x + w, y + (h - box) / 2, box, box,
			    KT_INK, KT_LINE_LIGHT);
			kt_pdf_show(p, l, x + w + box + KT_GAP_S, y +
			    (h - kt_pdf_height(l)) / 2, tw + KT_GAP_XS);
		}
		w += box + KT_GAP_S + tw + KT_GAP_L;
		g_object_unref(l);
		g_free(m);
	}
	return w;
}

/* The family's language for the mentor: its name and code, and when
 * the invitation is in Dutch for want of a translation, that too. */
static char *
schedule_lang(const struct kt_talk_slot *t, const struct kt_language *nl)
{
	if (t->home == nl)
		return g_strdup(t->home->name);
	return g_strdup_printf("%s (%s)%s", t->home->name, t->home->code,
	    t->sheet == nl ? SCHEDULE_DUTCH_SHEET : "");
}

/*
 * One row of the schedule's table at the cursor: cells[i] (markup) at
 * widths wd, as high as its tallest cell, a TR of TH (head) or TD; drawn
 * and the cursor moved below it only when draw. Returns its height.
 */
static double
schedule_row(struct kt_pdf *p, const double *wd, char *const *cells,
    gboolean head, gboolean draw)
{
	PangoLayout *l[SCHEDULE_COLS] = { NULL };
	double x = p->left, h = KT_CHECKLIST_ROW;

	for (int i = 0; i < SCHEDULE_COLS; i++) {
		if (i == SCHEDULE_TOLK && !head)
			continue;	/* boxes to tick */
		l[i] = kt_pdf_text(p, cells[i], KT_TYPE_STAFF, head,
		    wd[i] - KT_CELL_MARGIN, -1, TRUE);
		h = MAX(h, kt_pdf_height(l[i]) + 2 * KT_CELL_PAD);
	}
	if (draw)
		kt_pdf_begin(p, KT_TAG_TR);
	for (int i = 0; i < SCHEDULE_COLS; i++) {
		if (draw && l[i] != NULL)
			kt_pdf_show_as(p, head ? KT_TAG_TH : KT_TAG_TD, l[i],
			    x + KT_CELL_MARGIN / 2, p->y +
			    (h - kt_pdf_height(l[i])) / 2,
			    wd[i] - KT_CELL_MARGIN);
		else if (draw)
			schedule_choice(p, x + KT_CELL_MARGIN / 2, p->y, h,
			    TRUE);
		if (l[i] != NULL)
			g_object_unref(l[i]);
		x += wd[i];
	}
	if (!draw)
		return h;
	kt_pdf_end(p, KT_TAG_TR);
	p->y += h;
	kt_pdf_rule(p, p->left, p->y, p->w - p->right, head ? KT_INK :
	    KT_GREY_ROW, head ? KT_LINE_REGULAR : KT_LINE_HAIR);
	return h;
}

/* The cells of each column, its head first: the caller frees them with
 * g_ptr_array_free(cols[i], TRUE). */
static void
schedule_cells(struct kt_pdf *p, const GArray *slots, GPtrArray **cols)
{
	const char *const head[] = { SCHEDULE_HEAD_TIME,
	    kt_pdf_str(p, "checklist.pupil"), SCHEDULE_HEAD_LANG,
	    SCHEDULE_HEAD_TOLK };
	const struct kt_language *nl = g_ptr_array_index(
	    p->kit->m->site.languages, 0);

	for (int c = 0; c < SCHEDULE_COLS; c++) {
		cols[c] = g_ptr_array_new_with_free_func(g_free);
		g_ptr_array_add(cols[c], g_markup_escape_text(head[c], -1));
	}
	for (guint i = 0; i < slots->len; i++) {
		const struct kt_talk_slot *t = &g_array_index(slots,
		    struct kt_talk_slot, i);
		char *lang = schedule_lang(t, nl);

		g_ptr_array_add(cols[SCHEDULE_TIME], g_markup_escape_text(
		    t->time, -1));
		g_ptr_array_add(cols[SCHEDULE_PUPIL], g_markup_escape_text(
		    t->pupil, -1));
		g_ptr_array_add(cols[SCHEDULE_LANG], g_markup_escape_text(
		    lang, -1));
		g_ptr_array_add(cols[SCHEDULE_TOLK], g_strdup(""));
		g_free(lang);
	}
}

/* The line under the title: class, date, place, mentor, and how long. */
static char *
schedule_fields(struct kt_pdf *p, const GArray *slots)
{
	const struct kt_render_opts *o = p->kit->o;
	char *date = o->date != NULL ? kt_date_display(o->date) :
	    g_strdup("____________");
	char *s = g_strdup_printf("%s: %s    %s: %s    %s: %s\n%s: %s    "
	    "%s: %s    %u %s", kt_pdf_str(p, "checklist.class"),
	    o->class_name ? o->class_name : "____", kt_pdf_str(p,
	    "checklist.date"), date, SCHEDULE_PLACE,
	    o->place ? o->place : "____________", kt_pdf_str(p,
	    "checklist.mentor"), o->mentor ? o->mentor : "____________",
	    SCHEDULE_PHONE, o->phone ? o->phone : "____________", slots->len,
	    SCHEDULE_COUNT);

	g_free(date);
	return s;
}

/* What a page of the schedule repeats: its title, the line under it,
 * the table's head row. On the pages after the first they are
 * decoration and the table goes on in a new Table element. */
struct schedule {
	const GArray *slots;
	char *title, *fields;
	const double *wd;
	char **head;
};

static void
schedule_page(struct kt_pdf *p, const struct schedule *sc)
{
	gboolean first = p->page == 0;

	if (!first) {
		kt_pdf_end(p, KT_TAG_TABLE);
		kt_pdf_artifact_begin(p);
	}
	kt_pdf_page(p);
	kt_paper_head(p, NULL, 0, NULL, sc->title, KT_TYPE_SUBHEADING);
	kt_pdf_para_as(p, KT_TAG_P, sc->fields, KT_TYPE_STAFF, FALSE,
	    KT_GAP_L);
	if (first)
		kt_pdf_begin(p, KT_TAG_TABLE);
	schedule_row(p, sc->wd, sc->head, TRUE, TRUE);
	if (!first) {
		kt_pdf_artifact_end(p);
		kt_pdf_begin(p, KT_TAG_TABLE);
	}
}

static struct kt_pdf *
schedule_draw(struct kt_pdfkit *k, const struct kt_plan_job *j,
    gboolean tagged, void *data)
{
	struct schedule *sc = data;
	const struct kt_text *t = j->it->source;
	struct kt_pdf_meta meta = { t->title, t->summary, TALK_KEYWORDS };
	struct kt_pdf *p = kt_pdf_open(k, g_ptr_array_index(j->files, 0),
	    j->lang, &meta, FALSE);
	GPtrArray *cols[SCHEDULE_COLS];
	double wd[SCHEDULE_COLS] = { 0 };
	char *head[SCHEDULE_COLS];

	if (tagged)
		kt_pdf_tagged(p);
	sc->fields = schedule_fields(p, sc->slots);
	schedule_cells(p, sc->slots, cols);
	wd[SCHEDULE_TOLK] = MAX(schedule_choice(p, 0, 0, 0, FALSE),
	    kt_paper_natural(p, g_ptr_array_index(cols[SCHEDULE_TOLK], 0),
	    KT_TYPE_STAFF, TRUE, FALSE)) + KT_CELL_MARGIN;
	kt_paper_columns(p, cols, SCHEDULE_COLS, SCHEDULE_PUPIL,
	    kt_pdf_width(p) / 3, wd);
	for (int c = 0; c < SCHEDULE_COLS; c++)
		head[c] = g_ptr_array_index(cols[c], 0);
	sc->wd = wd;
	sc->head = head;
	p->footer = kt_paper_footer;
	p->footer_data = sc->title;
	p->bottom = p->h - KT_FOOTLINE_BAND;
	for (guint i = 0; i < sc->slots->len; i++) {
		char *cells[SCHEDULE_COLS];

		for (int c = 0; c < SCHEDULE_COLS; c++)
			cells[c] = g_ptr_array_index(cols[c], i + 1);
		if (p->page == 0 || p->y + schedule_row(p, wd, cells, FALSE,
		    FALSE) > p->bottom)
			schedule_page(p, sc);
		schedule_row(p, wd, cells, FALSE, TRUE);
	}
	kt_pdf_end(p, KT_TAG_TABLE);
	even_pages(p);
	for (int c = 0; c < SCHEDULE_COLS; c++)
		g_ptr_array_free(cols[c], TRUE);
	g_free(sc->fields);
	return p;
}

/*
 * The mentor's schedule, in Dutch: a row per talk with its time, the
 * pupil, the family's language and boxes to tick whether an interpreter
 * comes, filled in as the invitations come back.
 */
void
kt_talk_schedule(struct kt_pdfkit *k, const struct kt_plan_job *j,
    const GArray *slots)
{
	const struct kt_text *t = j->it->source;
	struct schedule sc = { slots, NULL, NULL, NULL, NULL };

	sc.title = g_strdup_printf("%s: %s", SCHEDULE_TITLE, t->title ?
	    t->title : j->it->slug);
	kt_paper_close(k, j, schedule_draw, &sc);
	g_free(sc.title);
}

/* The guide's title and its footer line (markup). */
struct guide {
	char *title, *foot;
};

static struct kt_pdf *
guide_draw(struct kt_pdfkit *k, const struct kt_plan_job *j,
    gboolean tagged, void *data)
{
	const struct guide *g = data;
	const struct kt_text *t = j->it->source;
	struct kt_pdf_meta meta = { t->title, t->summary, TALK_KEYWORDS };
	struct kt_pdf *p = kt_pdf_open(k, g_ptr_array_index(j->files, 0),
	    j->lang, &meta, FALSE);

	if (tagged)
		kt_pdf_tagged(p);
	p->footer = guide_footer;
	p->footer_data = g->foot;
	p->bottom = p->h - KT_FOOTLINE_BAND;
	kt_pdf_page(p);
	kt_pdf_para_as(p, KT_TAG_H1, g->title, KT_TYPE_SUBTITLE, TRUE,
	    KT_GAP_S);
	guide_head(p, j->it);
	guide_md(p, kt_str(k->m, "nl", "talk.opening"), t->opening);
	guide_parts(p, j->it);
	guide_md(p, kt_str(k->m, "nl", "talk.closing"), t->closing);
	guide_md(p, kt_str(k->m, "nl", "talk.notes"), t->notes);
	guide_agreements(p);
	return p;
}

/* The mentor's guide: one page, in Dutch, for the school. */
void
kt_talk_guide(struct kt_pdfkit *k, const struct kt_plan_job *j)
{
	const struct kt_item *it = j->it;
	const struct kt_text *t = it->source;
	char *title = g_strdup_printf("%s: %s", kt_str(k->m, "nl",
	    "talk.guide"), t->title ? t->title : it->slug);
	char *foot = g_markup_printf_escaped("%s · %s",
	    k->m->site.school ? k->m->site.school : "", title);
	struct guide g = { title, foot };
	int pages = kt_paper_close(k, j, guide_draw, &g);

	if (pages > 1)
		kt_warning(k->d, t->path, 0, 0, "the mentor's guide takes %d "
		    "pages; shorten the mentor's part to fit one", pages);
	g_free(foot);
	g_free(title);
}
