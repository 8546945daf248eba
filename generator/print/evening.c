/*
 * What a theme evening needs on paper: the invitation with a framed space
 * for the pupil's own words and a reply strip below a cut line, one A4 in
 * every language; compliment cards and statement cards with cut marks;
 * for a debate the "Eens" and "Oneens" boards; and the facilitator's
 * run-sheet with clock times, roles and a preparation checklist dated
 * back from the evening (Dutch, for the school). What they share with
 * the mentor's printables (heading row, logo, draft note, measured
 * columns) is in papers.c.
 */
#include <string.h>

#include "text/markdown.h"
#include "print/links.h"
#include "print/printables.h"

/* A label and its value, or a line to write on when there is none. */
static void
field(struct kt_pdf *p, const char *key, const char *value, double labelw)
{
	char *m = g_markup_escape_text(kt_pdf_str(p, key), -1);
	PangoLayout *l = kt_pdf_text(p, m, KT_TYPE_BODY, FALSE, labelw, -1,
	    TRUE);
	double vx = p->left + labelw, vw = kt_pdf_width(p) - labelw;
	double h = MAX(kt_pdf_height(l), KT_FIELD_H);

	kt_pdf_need(p, h);
	/* the label and its value one paragraph; a line is a decoration */
	kt_pdf_begin(p, KT_TAG_P);
	kt_pdf_show(p, l, p->left, p->y, labelw);
	if (value != NULL) {
		char *v = g_markup_escape_text(value, -1);
		PangoLayout *vl = kt_pdf_text(p, v, KT_TYPE_BODY, TRUE, vw, -1,
		    TRUE);
		kt_pdf_show(p, vl, vx, p->y, vw);
		h = MAX(h, kt_pdf_height(vl));
		g_object_unref(vl);
		g_free(v);
	}
	kt_pdf_end(p, KT_TAG_P);
	if (value == NULL) {
		kt_pdf_rule(p, kt_pdf_x(p, vx, vw), p->y + KT_FIELD_RULE,
		    kt_pdf_x(p, vx, vw) + vw, KT_GREY_LINE, KT_LINE_WRITE);
	}
	p->y += h + KT_GAP_XS;
	g_object_unref(l);
	g_free(m);
}

/* Plain text at x, y in width (reading coordinates); returns the width
 * it took on its widest line. */
static double
words_at(struct kt_pdf *p, const char *text, double x, double y,
    double width, gboolean bold)
{
	char *m = g_markup_escape_text(text, -1);
	PangoLayout *l = kt_pdf_text(p, m, KT_TYPE_BODY, bold, width, -1, TRUE);
	PangoRectangle ink, logical;

	pango_layout_get_extents(l, &ink, &logical);
	/* a layout aligned to the right starts where its text does */
	kt_pdf_show(p, l, x, y, width);
	g_object_unref(l);
	g_free(m);
	return (double)logical.width / PANGO_SCALE;
}

/* The same as a paragraph of its own. */
static double
para_at(struct kt_pdf *p, const char *text, double x, double y,
    double width, gboolean bold)
{
	double w;

	kt_pdf_begin(p, KT_TAG_P);
	w = words_at(p, text, x, y, width, bold);
	kt_pdf_end(p, KT_TAG_P);
	return w;
}

/* A small square to tick, then its word; returns the width taken. */
static double
tick(struct kt_pdf *p, double x, double y, const char *word)
{
	double box = KT_TICK_BOX_S;
	char *m = g_markup_escape_text(word, -1);
	double w = kt_paper_natural(p, m, KT_TYPE_BODY, FALSE, FALSE);

	kt_pdf_box(p, kt_pdf_x(p, x, box), y + KT_CHOICE_DROP, box, box, KT_INK,
	    KT_LINE_REGULAR);
	words_at(p, word, x + box + KT_GAP_S, y, w + 1, FALSE);
	g_free(m);
	return box + KT_GAP_S + w + KT_CHOICE_GAP;
}

static const char *
evening_date(const struct kt_pdfkit *k, const struct kt_item *it)
{
	return k->o->date != NULL ? k->o->date : it->date;
}

static const char *
evening_start(const struct kt_pdfkit *k, const struct kt_item *it)
{
	return k->o->start != NULL ? k->o->start : it->start;
}

static const char *
evening_place(const struct kt_pdfkit *k, const struct kt_item *it)
{
	return k->o->place != NULL ? k->o->place : it->place;
}

/* The address of the evening's page in the invitation's language. */
static char *
evening_url(const struct kt_pdf *p, const struct kt_item *it)
{
	const char *base = p->kit->m->site.base_url;
	char *page = kt_page_path(kt_item_page_lang(it, p->lang->code),
	    KT_EVENING, it->slug);
	char *url = g_strconcat(base ? base : "", page, NULL);

	g_free(page);
	return url;
}

/* When, what time and where, each beside its pictogram, in a frame. */
static void
invitation_when(struct kt_pdf *p, const struct kt_item *it)
{
	const struct kt_pdfkit *k = p->kit;
	char *date = kt_date_display(evening_date(k, it));
	const char *keys[] = { "invite.when", "invite.time", "invite.where" };
	const char *pictos[] = { "kalender", "tijd", "school" };
	const char *values[] = { date, evening_start(k, it),
	    evening_place(k, it) };
	double top, pic = KT_PICTO_ROW, w = kt_pdf_width(p);

	kt_pdf_need(p, 3 * (pic + KT_GAP_S) + 2 * KT_GAP_M);
	top = p->y;
	p->y += KT_GAP_M;
	p->left += KT_FRAME_INSET;
	p->right += KT_FRAME_INSET;
	kt_pdf_begin(p, KT_TAG_SECT);
	for (int i = 0; i < 3; i++) {
		double y = p->y;

		kt_pdf_picto(p, pictos[i], p->left, y, pic);
		p->left += pic + KT_GAP_L;
		p->y += (pic - KT_FIELD_H) / 2;
		field(p, keys[i], values[i], KT_LABEL_W - pic);
		p->left -= pic + KT_GAP_L;
		p->y = MAX(p->y, y + pic) + KT_GAP_S;
	}
	kt_pdf_end(p, KT_TAG_SECT);
	p->left -= KT_FRAME_INSET;
	p->right -= KT_FRAME_INSET;
	kt_pdf_box(p, p->left, top, w, p->y - top + KT_GAP_XS, KT_GREY_FRAME,
	    KT_LINE_FRAME);
	p->y += KT_GAP_XL;
	g_free(date);
}

/* The pupil's own words to the parent, in a frame with lines. */
static void
invitation_own_words(struct kt_pdf *p, int lines)
{
	double top = p->y, w = kt_pdf_width(p), fh;

	p->y += KT_GAP_M;
	p->left += KT_FRAME_INSET;
	p->right += KT_FRAME_INSET;
	kt_pdf_para_as(p, KT_TAG_P, kt_pdf_str(p, "invite.own"), KT_TYPE_BODY,
	    TRUE, 0);
	for (int i = 1; i <= lines; i++)
		kt_pdf_rule(p, p->left, p->y + i * KT_WRITE_LINE_WIDE,
		    p->w - p->right, KT_GREY_LIGHT, KT_LINE_FINE);
	p->left -= KT_FRAME_INSET;
	p->right -= KT_FRAME_INSET;
	fh = p->y - top + lines * KT_WRITE_LINE_WIDE + KT_GAP_M;
	kt_pdf_box(p, p->left, top, w, fh, KT_GREY_CUT, KT_LINE_REGULAR);
	p->y = top + fh + KT_GAP_L;
}

/* The cut line across the page: scissors and "cut here" at its start. */
static void
invitation_cut(struct kt_pdf *p)
{
	double pic = KT_PICTO_ROW, mid = p->y + pic / 2;
	double x = p->left + pic + KT_GAP_S, tw, from;

	/* a decoration: the strip's own heading says what it is */
	kt_pdf_artifact_begin(p);
	tw = words_at(p, kt_pdf_str(p, "invite.cut"), x,
	    mid - KT_TYPE_BODY * KT_LEADING_TIGHT / 2, kt_pdf_width(p) - pic,
	    TRUE);
	from = kt_pdf_x(p, x + tw + KT_GAP_S, 0);

	kt_pdf_picto(p, "schaar", p->left, p->y, pic);
	if (p->lang->rtl)
		kt_pdf_dashed(p, KT_CUT_INSET, mid, from, mid);
	else
		kt_pdf_dashed(p, from, mid, p->w - KT_CUT_INSET, mid);
	kt_pdf_artifact_end(p);
	p->y += pic + KT_GAP_S;
}

/* "Yes" and "no" to tick after a label, then what follows on the row. */
static void
interpreter_row(struct kt_pdf *p)
{
	const char *label = kt_pdf_str(p, "invite.interpreter");
	double x = p->left, y;
	char *lang = g_strdup_printf("%s ________", kt_pdf_str(p,
	    "invite.language"));
	char *e = g_markup_escape_text(lang, -1);

	kt_pdf_need(p, KT_CHOICE_ROW);
	y = p->y;
	kt_pdf_begin(p, KT_TAG_P);
	x += words_at(p, label, x, y, kt_pdf_width(p), FALSE) + KT_GAP_L;
	x += tick(p, x, y, kt_pdf_str(p, "invite.yes"));
	x += tick(p, x, y, kt_pdf_str(p, "invite.no"));
	if (x + kt_paper_natural(p, e, KT_TYPE_BODY, FALSE, FALSE) >
	    p->w - p->right) {	/* the language on a row of its own */
		x = p->left;
		y += KT_CHOICE_ROW;
	}
	words_at(p, lang, x, y, p->w - p->right - x, FALSE);
	kt_pdf_end(p, KT_TAG_P);
	p->y = y + KT_CHOICE_ROW;
	g_free(lang);
	g_free(e);
}

/* Questions: the phone, and the QR code to the evening's page, at the
 * end of the strip's last rows. */
static void
reply_contact(struct kt_pdf *p, const struct kt_item *it)
{
	const struct kt_render_opts *o = p->kit->o;
	const char *phone = o->phone != NULL ? o->phone :
	    p->kit->m->site.contact_phone;
	double qr = KT_QR, textw = kt_pdf_width(p) - qr - KT_GAP_L;
	char *url = evening_url(p, it);
	double y;

	kt_pdf_need(p, MAX(qr, 2 * KT_PICTO_ROW));
	y = p->y;

	if (phone != NULL) {
		char *nb = kt_pdf_unbroken(phone);
		char *call = g_strdup_printf("%s %s", kt_pdf_str(p,
		    "sheet.box.call"), nb);

		kt_pdf_picto(p, "telefoon", p->left, y, KT_PICTO_ROW);
		para_at(p, call, p->left + KT_PICTO_ROW + KT_GAP_S, y +
		    KT_GAP_S, textw - KT_PICTO_ROW, TRUE);
		g_free(call);
		g_free(nb);
	}
	if (p->kit->m->site.base_url != NULL) {
		para_at(p, kt_pdf_str(p, "invite.web"), p->left, y +
		    KT_PICTO_ROW + KT_GAP_S, textw, FALSE);
		kt_pdf_qr(p, url, kt_pdf_x(p, p->w - p->right - qr, qr),
		    y, qr);
		y += qr;
	} else {
		y += KT_PICTO_ROW;
	}
	p->y = MAX(p->y, y) + KT_GAP_S;
	g_free(url);
}

/* The reply strip: who, the date to hand it in by, how many come,
 * whether they would like an interpreter, and whom to call. */
static void
invitation_reply(struct kt_pdf *p, const struct kt_item *it,
    const struct kt_text *t)
{
	char *due = kt_date_display(p->kit->o->due);
	char *count = kt_pdf_fmt(p, "invite.count", "n", "______");
	char *what = g_strdup_printf("%s: %s", kt_pdf_str(p, "invite.reply"),
	    t->headline ? t->headline : t->title ? t->title : it->slug);

	kt_pdf_begin(p, KT_TAG_SECT);
	kt_pdf_para_as(p, KT_TAG_H2, what, KT_TYPE_SUBHEADING, TRUE,
	    KT_GAP_S);
	field(p, "invite.pupil", NULL, KT_LABEL_W);
	field(p, "invite.class", NULL, KT_LABEL_W);
	field(p, "invite.due", due, KT_LABEL_W_LONG);
	kt_pdf_need(p, KT_CHOICE_ROW);
	para_at(p, count, p->left, p->y, kt_pdf_width(p), FALSE);
	p->y += KT_CHOICE_ROW;
	interpreter_row(p);
	reply_contact(p, it);
	kt_pdf_end(p, KT_TAG_SECT);
	g_free(what);
	g_free(count);
	g_free(due);
}

/*
 * The invitation, drawn tighter at each step until it fits one A4: a
 * line fewer in the pupil's frame (down to one), then a smaller heading.
 * The text is never made smaller. Returns the document, not closed.
 */
static struct kt_pdf *
invitation_draw(struct kt_pdfkit *k, const struct kt_plan_job *j, int tight,
    gboolean tagged)
{
	const struct kt_item *it = j->it;
	const struct kt_text *t = j->t;
	struct kt_pdf_meta meta = { t->title, t->summary, "LOB, uitnodiging" };
	struct kt_pdf *p = kt_pdf_open(k, g_ptr_array_index(j->files, 0),
	    j->lang, &meta, FALSE);
	char *m;
	PangoLayout *l;

	if (tagged)
		kt_pdf_tagged(p);
	p->footer = kt_paper_footer;
	p->bottom = p->h - KT_FOOTLINE_BAND;
	kt_pdf_page(p);
	/* the theme in plain words; the title when there are none */
	kt_paper_head(p, "uitnodiging", KT_PICTO_HEADING, kt_pdf_str(p,
	    "invite.title"), t->headline ? t->headline : t->title ?
	    t->title : it->slug, tight < KT_OWN_WORDS_LINES ?
	    KT_TYPE_DISPLAY : KT_TYPE_HEADING);
	kt_paper_draft(p, t);
	m = kt_pdf_md(p, p->lang, t->invitation);
	l = kt_pdf_text(p, m, KT_TYPE_BODY, FALSE, kt_pdf_width(p), -1,
	    FALSE);
	kt_pdf_show_as(p, KT_TAG_P, l, p->left, p->y, kt_pdf_width(p));
	p->y += kt_pdf_height(l) + KT_GAP_L;
	g_object_unref(l);
	g_free(m);
	invitation_when(p, it);
	invitation_own_words(p, MAX(1, KT_OWN_WORDS_LINES - tight));
	invitation_cut(p);
	invitation_reply(p, it, t);
	return p;
}

void
kt_invitation(struct kt_pdfkit *k, const struct kt_plan_job *j)
{
	gboolean tagged = TRUE;
	int pages;

	for (;;) {
		struct kt_pdf *p;
		int tight = 0;

		while ((p = invitation_draw(k, j, tight, tagged))->page > 1 &&
		    tight < KT_OWN_WORDS_LINES) {
			kt_pdf_discard(p);
			tight++;
		}
		if ((pages = kt_pdf_close(p)) >= 0 || !tagged)
			break;
		kt_warning(k->d, g_ptr_array_index(j->files, 0), 0, 0,
		    KT_PAPER_UNTAGGED);
		tagged = FALSE;
	}
	if (pages > 1)
		kt_warning(k->d, j->t->path, 0, 0, "the invitation takes more "
		    "than one A4; shorten its text");
}

static void
compliment_card(struct kt_pdf *p, double x, double y, double w, double h,
    guint i, const void *data)
{
	double pad = KT_CARD_PAD, pic = KT_PICTO, cy;
	double inner = w - 2 * pad;
	char *m = g_markup_escape_text(kt_pdf_str(p, "compliment.title"), -1);
	PangoLayout *l = kt_pdf_text(p, m, KT_TYPE_CARD_TITLE, TRUE,
	    inner - pic - KT_GAP_L, -1, TRUE);
	static const char *const keys[] = {
		"compliment.to", "compliment.good", "compliment.from"
	};
	static const int lines[] = { 1, 4, 1 };

	(void)i;
	(void)data;
	g_free(m);
	kt_pdf_box(p, x, y, w, h, KT_GREY_CARD, KT_LINE_FINE);
	kt_pdf_picto(p, "compliment", kt_pdf_x(p, x + pad, pic) == x + pad ?
	    x + pad : kt_pdf_x(p, x + w - pad - pic, pic), y + pad, pic);
	kt_pdf_begin(p, KT_TAG_H2);
	cairo_move_to(p->cr, p->lang->rtl ? x + pad : x + pad + pic + KT_GAP_L,
	    y + pad + (pic - kt_pdf_height(l)) / 2);
	pango_cairo_show_layout(p->cr, l);
	kt_pdf_end(p, KT_TAG_H2);
	g_object_unref(l);
	cy = y + pad + pic + KT_GAP_XL;
	for (int k = 0; k < 3; k++) {
		m = g_markup_escape_text(kt_pdf_str(p, keys[k]), -1);
		l = kt_pdf_text(p, m, KT_TYPE_BODY, TRUE, inner, -1, TRUE);
		kt_pdf_begin(p, KT_TAG_P);
		cairo_move_to(p->cr, x + pad, cy);
		pango_cairo_show_layout(p->cr, l);
		kt_pdf_end(p, KT_TAG_P);
		cy += kt_pdf_height(l);
		for (int j = 0; j < lines[k]; j++) {
			cy += KT_WRITE_LINE_WIDE;
			kt_pdf_rule(p, x + pad, cy, x + w - pad, KT_GREY_WRITE,
			    KT_LINE_WRITE);
		}
		cy += KT_GAP_XL;
		g_object_unref(l);
		g_free(m);
	}
}

static struct kt_pdf *
compliments_draw(struct kt_pdfkit *k, const struct kt_plan_job *j,
    gboolean tagged, void *data)
{
	const struct kt_language *lang = j->lang;
	const char *rel = g_ptr_array_index(j->files, 0);
	const char *title = kt_str(k->m, lang->code, "compliment.title");
	struct kt_pdf_meta meta = { title, title, "LOB, complimentenkaart" };
	struct kt_pdf *p = kt_pdf_open(k, rel, lang, &meta, FALSE);

	(void)data;
	if (tagged)
		kt_pdf_tagged(p);
	kt_paper_cards_head(p, "compliment", title, NULL);
	/* four cards on a page: two pages, for a whole presentation round */
	kt_pdf_cards(p, 8, 2, 2, compliment_card, NULL);
	return p;
}

void
kt_compliments(struct kt_pdfkit *k, const struct kt_plan_job *j)
{
	kt_paper_close(k, j, compliments_draw, NULL);
}

/* ---- statement cards and the boards of a debate ---- */

struct statements {
	const struct kt_text *t;
	const struct kt_text *dutch;	/* beneath, or NULL */
	const struct kt_language *nl;
	double size, thumb;		/* of the statement, of a thumb */
};

/* x of something w wide at off from a card's reading start. */
static double
card_x(const struct kt_pdf *p, double x, double cw, double off, double w)
{
	return p->lang->rtl ? x + cw - off - w : x + off;
}

/* The statement, and the Dutch beneath it in a smaller size. */
static double
statement_text(struct kt_pdf *p, const struct statements *s, guint i,
    double x, double y, double w, gboolean draw)
{
	char *m = kt_pdf_md(p, p->lang, g_ptr_array_index(s->t->statements,
	    i));
	PangoLayout *l = kt_pdf_text(p, m, s->size, TRUE, w, -1, TRUE);
	double h = kt_pdf_height(l);

	if (draw) {
		kt_pdf_begin(p, KT_TAG_P);
		cairo_move_to(p->cr, x, y);
		pango_cairo_show_layout(p->cr, l);
		kt_pdf_links(p, l, x, y);
		kt_pdf_end(p, KT_TAG_P);
	}
	g_object_unref(l);
	g_free(m);
	if (s->dutch != NULL && i < s->dutch->statements->len) {
		m = kt_pdf_md(p, s->nl, g_ptr_array_index(s->dutch->statements,
		    i));
		l = kt_pdf_text_in(p, s->nl, m, KT_TYPE_BODY, FALSE, w, TRUE);
		if (draw) {
			kt_pdf_begin_in(p, KT_TAG_P, s->nl->code);
			cairo_move_to(p->cr, x, y + h + KT_GAP_M);
			pango_cairo_show_layout(p->cr, l);
			kt_pdf_end(p, KT_TAG_P);
		}
		h += KT_GAP_M + kt_pdf_height(l);
		g_object_unref(l);
		g_free(m);
	}
	return h;
}

/* "Eens" with a thumb up at the card's start, "Oneens" with a thumb
 * down at its end, on the row at y. */
static void
statement_answers(struct kt_pdf *p, double x, double y, double cw,
    double thumb)
{
	static const char *const keys[] = {
		"statement.agree", "statement.disagree"
	};
	static const char *const thumbs[] = { "duim", "duim-omlaag" };
	static const unsigned colours[] = { KT_GREEN, KT_RED };
	double pad = KT_STATEMENT_PAD, aw = cw / 2 - pad - thumb - KT_GAP_S;

	for (int a = 0; a < 2; a++) {
		char *m = g_markup_printf_escaped("<span foreground=\"#%06x\">"
		    "%s</span>", colours[a], kt_pdf_str(p, keys[a]));
		PangoLayout *l = kt_pdf_text(p, m, KT_TYPE_ANSWER, TRUE, aw, -1,
		    TRUE);
		double h = kt_pdf_height(l);
		/* the thumb outside, the word towards the middle */
		double tx = a == 0 ? pad : cw - pad - thumb;
		double wx = a == 0 ? pad + thumb + KT_GAP_S : cw / 2;

		if (a == 1)
			pango_layout_set_alignment(l, p->lang->rtl ?
			    PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT);
		cairo_save(p->cr);
		cairo_translate(p->cr, card_x(p, x, cw, tx, thumb), y);
		kt_pdf_picto(p, thumbs[a], kt_pdf_x(p, 0, thumb), 0, thumb);
		cairo_restore(p->cr);
		kt_pdf_begin(p, KT_TAG_P);
		cairo_move_to(p->cr, card_x(p, x, cw, wx, aw), y + (thumb -
		    h) / 2);
		pango_cairo_show_layout(p->cr, l);
		kt_pdf_end(p, KT_TAG_P);
		g_object_unref(l);
		g_free(m);
	}
}

static void
statement_card(struct kt_pdf *p, double x, double y, double w, double h,
    guint i, const void *data)
{
	const struct statements *s = data;
	double pad = KT_STATEMENT_PAD, nw = KT_STATEMENT_NUMBER_W;
	double inner = w - 2 * pad, top, room, th;
	char num[16];
	PangoLayout *lnum;

	kt_pdf_box(p, x, y, w, h, KT_GREY_CARD, KT_LINE_FINE);
	g_snprintf(num, sizeof num, "%u", i + 1);
	lnum = kt_pdf_text(p, num, KT_TYPE_NUMBER, TRUE, nw, -1, TRUE);
	kt_pdf_begin(p, KT_TAG_H2);
	cairo_move_to(p->cr, card_x(p, x, w, pad, nw), y + pad / 2);
	pango_cairo_show_layout(p->cr, lnum);
	kt_pdf_end(p, KT_TAG_H2);
	top = y + pad / 2 + kt_pdf_height(lnum);
	g_object_unref(lnum);
	/* the statement in the middle of what the number and the answers
	 * leave */
	room = y + h - pad - s->thumb - top;
	th = statement_text(p, s, i, x + pad, 0, inner, FALSE);
	statement_text(p, s, i, x + pad, top + MAX(0, (room - th) / 2), inner,
	    TRUE);
	statement_answers(p, x, y + h - pad - s->thumb, w, s->thumb);
}

/* Whether every statement fits a card of w x h. */
static gboolean
statements_fit(struct kt_pdf *p, const struct statements *s, double w,
    double h)
{
	double room = h - 1.5 * KT_STATEMENT_PAD - KT_TYPE_NUMBER *
	    KT_LEADING_TIGHT - s->thumb;

	for (guint i = 0; i < s->t->statements->len; i++)
		if (statement_text(p, s, i, 0, 0, w - 2 * KT_STATEMENT_PAD,
		    FALSE) > room)
			return FALSE;
	return TRUE;
}

static struct kt_pdf *
statements_draw(struct kt_pdfkit *k, const struct kt_plan_job *j,
    gboolean tagged, void *data)
{
	const struct kt_text *t = j->t;
	const struct kt_language *nl = g_ptr_array_index(
	    k->m->site.languages, 0);
	const char *rel = g_ptr_array_index(j->files, 0);
	struct kt_pdf_meta meta = { t->title, t->summary, "LOB, stellingen" };
	struct kt_pdf *p = kt_pdf_open(k, rel, j->lang, &meta, TRUE);
	guint n = t->statements->len;
	struct statements s = { t, t != j->it->source ? j->it->source : NULL,
	    nl, KT_TYPE_STATEMENT_S, KT_STATEMENT_THUMB_S };
	double top, cw, ch;

	(void)data;
	if (tagged)
		kt_pdf_tagged(p);
	kt_paper_cards_head(p, "kiezen", kt_pdf_str(p, "section.stellingen"),
	    t);
	/*
	 * Two large cards a page, readable across a room; four when two
	 * would leave the last page half empty and four fill it better
	 * (three of four), and the statements fit the smaller cards.
	 */
	top = p->y;
	cw = (p->w - 2 * KT_CARD_MARGIN - KT_CARD_GAP) / 2;
	ch = (p->h - KT_CARD_MARGIN - top - KT_CARD_GAP) / 2;
	if (n % 2 == 1 && n % 4 == 3 && statements_fit(p, &s, cw, ch)) {
		kt_pdf_cards(p, n, 2, 2, statement_card, &s);
	} else {
		s.size = KT_TYPE_DISPLAY;
		s.thumb = KT_STATEMENT_THUMB;
		kt_pdf_cards(p, n, 2, 1, statement_card, &s);
	}
	return p;
}

void
kt_statements(struct kt_pdfkit *k, const struct kt_plan_job *j)
{
	kt_paper_close(k, j, statements_draw, NULL);
}

/* A word under a board: in its language, and how wide it is. */
struct board_word {
	PangoLayout *l;
	const char *lang;
	double w, base;
	guint line;
};

/* The word of a board in the evening's other languages, in lines. */
struct board_words {
	GArray *words;		/* struct board_word */
	PangoLayout *dot;	/* what stands between two */
	double dot_w, height;
	guint lines;
};

static void
board_words_free(struct board_words *b)
{
	for (guint i = 0; i < b->words->len; i++)
		g_object_unref(g_array_index(b->words, struct board_word,
		    i).l);
	g_array_free(b->words, TRUE);
	g_object_unref(b->dot);
}

/* The words laid out and put in lines of the page's width (a word of two,
 * "Nie zgadzam się", stays on one line), before anything is drawn. */
static void
board_words_measure(struct kt_pdf *p, const struct kt_item *it,
    const char *key, struct board_words *b)
{
	GPtrArray *langs = p->kit->m->site.languages;
	double w = kt_pdf_width(p), line = 0, height = 0;
	int lw, lh;

	b->words = g_array_new(FALSE, FALSE, sizeof(struct board_word));
	b->dot = kt_pdf_text(p, "  ·  ", KT_TYPE_BOARD_OTHER, TRUE, -1, -1,
	    FALSE);
	pango_layout_get_size(b->dot, &lw, &lh);
	b->dot_w = (double)lw / PANGO_SCALE;
	b->height = 0;
	b->lines = 0;
	for (guint i = 1; i < langs->len; i++) {
		const struct kt_language *lang = g_ptr_array_index(langs, i);
		struct board_word bw;
		double more;
		char *m;

		if (kt_item_text(it, lang->code) == NULL)
			continue;
		m = g_markup_escape_text(kt_str(p->kit->m, lang->code, key),
		    -1);
		bw.l = kt_pdf_text_in(p, lang, m, kt_pdf_size_in(lang,
		    KT_TYPE_BOARD_OTHER), TRUE, -1, FALSE);
		g_free(m);
		bw.lang = lang->code;
		pango_layout_get_size(bw.l, &lw, &lh);
		bw.w = (double)lw / PANGO_SCALE;
		bw.base = (double)pango_layout_get_baseline(bw.l) /
		    PANGO_SCALE;
		more = (line > 0 ? b->dot_w : 0) + bw.w;
		if (line > 0 && line + more > w) {
			b->height += height;
			b->lines++;
			line = height = 0;
			more = bw.w;
		}
		bw.line = b->lines;
		line += more;
		height = MAX(height, kt_pdf_height(bw.l));
		g_array_append_val(b->words, bw);
	}
	if (line > 0) {
		b->height += height;
		b->lines++;
	}
}

/*
 * The words from p->y on, each line centred, a Span each with its
 * language, so that a screen reader says each word as it is said; the
 * dots between them are decoration.
 */
static void
board_words_draw(struct kt_pdf *p, const struct board_words *b)
{
	double w = kt_pdf_width(p);
	double dot_base = (double)pango_layout_get_baseline(b->dot) /
	    PANGO_SCALE;

	kt_pdf_begin(p, KT_TAG_P);
	for (guint from = 0, to; from < b->words->len; from = to) {
		const struct board_word *first = &g_array_index(b->words,
		    struct board_word, from);
		double line = 0, base = 0, height = 0, x;

		for (to = from; to < b->words->len; to++) {
			const struct board_word *bw = &g_array_index(b->words,
			    struct board_word, to);

			if (bw->line != first->line)
				break;
			line += (to > from ? b->dot_w : 0) + bw->w;
			base = MAX(base, bw->base);
			height = MAX(height, kt_pdf_height(bw->l));
		}
		x = p->left + (w - line) / 2;
		for (guint i = from; i < to; i++) {
			const struct board_word *bw = &g_array_index(b->words,
			    struct board_word, i);

			if (i > from) {
				kt_pdf_artifact_begin(p);
				kt_pdf_show(p, b->dot, x, p->y + base -
				    dot_base, b->dot_w);
				kt_pdf_artifact_end(p);
				x += b->dot_w;
			}
			(void)kt_pdf_put_in(p, KT_TAG_SPAN, bw->lang,
			    g_object_ref(bw->l), x, p->y + base - bw->base,
			    bw->w, TRUE);
			x += bw->w;
		}
		p->y += height;
	}
	kt_pdf_end(p, KT_TAG_P);
}

/* The word of a board, huge, in its colour. */
static PangoLayout *
board_word(struct kt_pdf *p, const char *key, unsigned colour)
{
	char *m = g_markup_printf_escaped("<span foreground=\"#%06x\">%s"
	    "</span>", colour, kt_str(p->kit->m, p->lang->code, key));
	PangoLayout *l = kt_pdf_text(p, m, KT_TYPE_BOARD, TRUE,
	    kt_pdf_width(p), -1, TRUE);

	pango_layout_set_alignment(l, PANGO_ALIGN_CENTER);
	g_free(m);
	return l;
}

/* How large the thumb can be on a board with the word l and the other
 * languages' words under it: it gives way, down to half its size, when
 * they take more lines than the page has below the word. */
static double
board_thumb(const struct kt_pdf *p, PangoLayout *l,
    const struct board_words *others)
{
	double room = p->bottom - p->top - kt_pdf_height(l) - KT_GAP_L -
	    others->height;

	return CLAMP(room, KT_PICTO_BOARD / 2, KT_PICTO_BOARD);
}

/* A board: the thumb (pic high), the word l huge, and the word in the
 * other languages of the evening beneath it. */
static void
board(struct kt_pdf *p, const char *thumb, PangoLayout *l,
    const struct board_words *others, double pic)
{
	double w = kt_pdf_width(p);

	kt_pdf_page(p);
	/* the word first in the tree: cairo 1.16 cannot tag a document
	 * whose first marked content is a picture */
	kt_pdf_show_as(p, KT_TAG_H1, l, p->left, p->y + pic, w);
	kt_pdf_picto(p, thumb, (p->w - pic) / 2, p->y, pic);
	kt_pdf_logo(p, kt_pdf_x(p, p->w - p->right - KT_LOGO, KT_LOGO), p->y,
	    KT_LOGO, KT_LOGO);
	p->y += pic + kt_pdf_height(l) + KT_GAP_L;
	board_words_draw(p, others);
}

static struct kt_pdf *
boards_draw(struct kt_pdfkit *k, const struct kt_plan_job *j,
    gboolean tagged, void *data)
{
	static const struct {
		const char *key, *thumb;
		unsigned colour;
	} sides[2] = {
		{ "statement.agree", "duim", KT_GREEN },
		{ "statement.disagree", "duim-omlaag", KT_RED },
	};
	const struct kt_text *t = j->t;
	const char *rel = g_ptr_array_index(j->files, 0);
	struct kt_pdf_meta meta = { t->title, t->summary, "LOB, debat" };
	struct kt_pdf *p = kt_pdf_open(k, rel, j->lang, &meta, TRUE);
	PangoLayout *word[2];
	struct board_words others[2];
	double pic = KT_PICTO_BOARD;

	(void)data;
	if (tagged)
		kt_pdf_tagged(p);
	/* both measured first: the same thumb on both boards */
	for (int i = 0; i < 2; i++) {
		word[i] = board_word(p, sides[i].key, sides[i].colour);
		board_words_measure(p, j->it, sides[i].key, &others[i]);
		pic = MIN(pic, board_thumb(p, word[i], &others[i]));
	}
	/* a board a Part: the other languages' words are in its P */
	for (int i = 0; i < 2; i++) {
		kt_pdf_begin(p, KT_TAG_PART);
		board(p, sides[i].thumb, word[i], &others[i], pic);
		kt_pdf_end(p, KT_TAG_PART);
		board_words_free(&others[i]);
		g_object_unref(word[i]);
	}
	return p;
}

void
kt_boards(struct kt_pdfkit *k, const struct kt_plan_job *j)
{
	kt_paper_close(k, j, boards_draw, NULL);
}

/* ---- the run-sheet ---- */

static char *
clock_at(const char *start, int offset)
{
	int h = 0, m = 0;	/* without a start time: from 0:00 */

	if (start != NULL)
		sscanf(start, "%d:%d", &h, &m);
	m += h * 60 + offset;
	return g_strdup_printf("%d:%02d", (m / 60) % 24, m % 60);
}

/* Columns of a table row, from the start side: widths in points. */
static double
table_row(struct kt_pdf *p, GPtrArray *const *cols, guint r,
    const double *widths, int n, gboolean draw)
{
	double h = 0, x = p->left;
	PangoLayout *l[8];

	for (int i = 0; i < n; i++) {
		l[i] = kt_pdf_text(p, g_ptr_array_index(cols[i], r),
		    KT_TYPE_STAFF, r == 0, widths[i] - KT_CELL_MARGIN, -1, TRUE);
		h = MAX(h, kt_pdf_height(l[i]));
	}
	for (int i = 0; i < n; i++) {
		if (draw)
			kt_pdf_show_as(p, r == 0 ? KT_TAG_TH : KT_TAG_TD, l[i],
			    x, p->y + KT_CELL_PAD, widths[i] - KT_CELL_MARGIN);
		x += widths[i];
		g_object_unref(l[i]);
	}
	return h + 2 * KT_CELL_PAD;
}

/* Row r of the table (0: its head, in bold, under a black rule); a row
 * is never split over two pages. Returns the row's top. */
static double
table_line(struct kt_pdf *p, GPtrArray *const *cols, guint r,
    const double *widths, int n)
{
	double h = table_row(p, cols, r, widths, n, FALSE), top;

	kt_pdf_need(p, h);
	top = p->y;
	kt_pdf_begin(p, KT_TAG_TR);
	table_row(p, cols, r, widths, n, TRUE);
	kt_pdf_end(p, KT_TAG_TR);
	p->y += h;
	kt_pdf_rule(p, p->left, p->y, p->w - p->right,
	    r == 0 ? KT_INK : KT_GREY_ROW,
	    r == 0 ? KT_LINE_REGULAR : KT_LINE_HAIR);
	return top;
}

static char *
esc(const char *s)
{
	return g_markup_escape_text(s ? s : "", -1);
}

/* The run-sheet's title, then its date, start and place, or lines to
 * fill them in. */
static void
runsheet_header(struct kt_pdf *p, const struct kt_item *it)
{
	const struct kt_pdfkit *k = p->kit;
	const struct kt_text *t = it->source;
	const char *start = evening_start(k, it), *place = evening_place(k, it);
	char *title = g_strdup_printf("%s: %s", kt_pdf_str(p, "runsheet.title"),
	    t->title ? t->title : it->slug);
	char *date = kt_date_display(evening_date(k, it));
	char *when = g_strdup_printf("%s %s    %s %s    %s %s",
	    kt_pdf_str(p, "runsheet.date"), date ? date : "________",
	    kt_pdf_str(p, "runsheet.start"), start ? start : "______",
	    kt_pdf_str(p, "runsheet.place"), place ? place :
	    "________________");

	kt_paper_head(p, NULL, 0, NULL, title, KT_TYPE_SUBTITLE);
	kt_pdf_para_as(p, KT_TAG_P, when, KT_TYPE_STAFF, FALSE, KT_GAP_L);
	g_free(title);
	g_free(date);
	g_free(when);
}

/*
 * A section's heading (the run-sheet is for the school, in Dutch), on
 * the page where at least the first follow points of its block fit: a
 * heading never stands alone at the foot of a page.
 */
static void
runsheet_section(struct kt_pdf *p, const char *key, double follow)
{
	char *m = g_markup_escape_text(kt_str(p->kit->m, "nl", key), -1);
	PangoLayout *l = kt_pdf_text(p, m, KT_TYPE_STAFF_HEADING, TRUE,
	    kt_pdf_width(p), -1, FALSE);
	double h = kt_pdf_height(l);

	kt_pdf_need(p, h + KT_GAP_XS + follow);
	kt_pdf_show_as(p, KT_TAG_H2, l, p->left, p->y, kt_pdf_width(p));
	p->y += h + KT_GAP_XS;
	g_object_unref(l);
	g_free(m);
}

/* n columns of markup, each beginning with its head (a key of a UI
 * string); the caller frees each with g_ptr_array_unref. */
static void
table_new(struct kt_pdf *p, GPtrArray **cols, const char *const *heads,
    int n)
{
	for (int c = 0; c < n; c++) {
		cols[c] = g_ptr_array_new_with_free_func(g_free);
		g_ptr_array_add(cols[c], esc(heads[c] != NULL ?
		    kt_pdf_str(p, heads[c]) : ""));
	}
}

/*
 * A section of the run-sheet: its heading, then the table of cols, each
 * column as wide as its widest entry (flex takes the rest). With a box
 * column (box >= 0) a box to tick is drawn on the first line of each row.
 * Frees the columns.
 */
static void
runsheet_table(struct kt_pdf *p, const char *key, GPtrArray **cols, int n,
    int flex, int box)
{
	double wd[8] = { 0 }, first, line = KT_TYPE_STAFF * KT_LEADING_TIGHT;

	if (box >= 0)
		wd[box] = KT_PREP_BOX + KT_GAP_M;
	kt_paper_columns(p, cols, n, flex, kt_pdf_width(p) / 4, wd);
	/* the heading keeps its table's head and first row */
	first = table_row(p, cols, 0, wd, n, FALSE);
	if (cols[0]->len > 1)
		first += table_row(p, cols, 1, wd, n, FALSE);
	runsheet_section(p, key, first);
	kt_pdf_begin(p, KT_TAG_TABLE);
	for (guint r = 0; r < cols[0]->len; r++) {
		double top = table_line(p, cols, r, wd, n);

		if (box >= 0 && r > 0)
			kt_pdf_box(p, kt_pdf_x(p, p->left, KT_PREP_BOX), top + KT_CELL_PAD + (line -
			    KT_PREP_BOX) / 2, KT_PREP_BOX, KT_PREP_BOX, KT_INK,
			    KT_LINE_REGULAR);
	}
	kt_pdf_end(p, KT_TAG_TABLE);
	for (int c = 0; c < n; c++)
		g_ptr_array_unref(cols[c]);
}

/* A role or a work form by its name in the vocabulary, in Dutch. */
static char *
vocab_cell(const struct kt_pdf *p, enum kt_vocab_id v, const char *prefix,
    int value)
{
	char *key;
	char *r;

	if (value < 0)
		return g_strdup("");
	key = g_strconcat(prefix, kt_vocab_name(v, value), NULL);
	r = esc(kt_str(p->kit->m, "nl", key));
	g_free(key);
	return r;
}

/* The timed programme: a row a block, with its clock times. */
static void
runsheet_programme(struct kt_pdf *p, const struct kt_item *it)
{
	static const char *const heads[4] = {
		"table.tijd", "table.onderdeel", "table.werkvorm",
		"table.leiding"
	};
	const char *start = evening_start(p->kit, it);
	GPtrArray *cols[4];
	int at = 0;

	table_new(p, cols, heads, 4);
	for (guint i = 0; i < it->blocks->len; i++) {
		const struct kt_block *b = g_ptr_array_index(it->blocks, i);
		char *from = clock_at(start, at);
		char *to = clock_at(start, at + b->minutes);
		char *desc = kt_pdf_md(p, p->lang, b->text);
		char *what = g_markup_printf_escaped("<b>%s</b>\n",
		    b->title ? b->title : "");

		g_ptr_array_add(cols[0], g_strdup_printf("%s–%s", from, to));
		g_ptr_array_add(cols[1], g_strconcat(what, desc, NULL));
		g_ptr_array_add(cols[2], vocab_cell(p, KT_V_WORK_FORM,
		    "v.werkvorm.", b->form));
		g_ptr_array_add(cols[3], vocab_cell(p, KT_V_ROLE, "v.rol.",
		    b->lead));
		at += b->minutes;
		g_free(what);
		g_free(desc);
		g_free(from);
		g_free(to);
	}
	runsheet_table(p, "section.programma", cols, 4, 1, -1);
}

/* Who does what: a row a role. */
static void
runsheet_roles(struct kt_pdf *p, const struct kt_item *it)
{
	static const char *const heads[2] = { "table.wie", "table.taak" };
	GPtrArray *cols[2];

	table_new(p, cols, heads, 2);
	for (guint i = 0; i < it->roles->len; i++) {
		const struct kt_role *r = g_ptr_array_index(it->roles, i);
		char *who = vocab_cell(p, KT_V_ROLE, "v.rol.", r->role);

		g_ptr_array_add(cols[0], g_strdup_printf("<b>%s</b>", who));
		g_ptr_array_add(cols[1], kt_pdf_md(p, p->lang, r->task));
		g_free(who);
	}
	runsheet_table(p, "section.rollen", cols, 2, 1, -1);
}

/* The materials in one line, when there are any. */
static void
runsheet_materials(struct kt_pdf *p, const struct kt_text *t)
{
	GString *mat;
	char *m;
	PangoLayout *l;

	if (t->materials->len == 0)
		return;
	mat = g_string_new(NULL);
	for (guint i = 0; i < t->materials->len; i++)
		g_string_append_printf(mat, "%s%s", i ? ", " : "",
		    (char *)g_ptr_array_index(t->materials, i));
	m = esc(mat->str);
	l = kt_pdf_text(p, m, KT_TYPE_STAFF, FALSE, kt_pdf_width(p), -1,
	    FALSE);
	runsheet_section(p, "facet.materialen", MIN(kt_pdf_height(l),
	    2 * KT_TYPE_STAFF * KT_LEADING));
	kt_pdf_need(p, kt_pdf_height(l));
	kt_pdf_show_as(p, KT_TAG_P, l, p->left, p->y, kt_pdf_width(p));
	p->y += kt_pdf_height(l) + KT_GAP_XL;
	g_object_unref(l);
	g_free(m);
	g_string_free(mat, TRUE);
}

/* When a task is due: its date, counted back from the evening when the
 * evening has one, else how many weeks before. */
static void
prep_when(struct kt_pdf *p, const GDate *evening, int weeks, char *when,
    gsize size)
{
	char n[16], *f;

	if (evening != NULL) {
		GDate *due = g_date_copy(evening);

		g_date_subtract_days(due, (guint)(7 * weeks));
		g_date_strftime(when, size, "%d-%m-%Y", due);
		g_date_free(due);
		return;
	}
	g_snprintf(n, sizeof n, "%d", weeks);
	f = kt_pdf_fmt(p, weeks == 0 ? "weken.nul" : weeks == 1 ?
	    "weken.een" : "weken.vooraf", "n", n);
	g_strlcpy(when, f, size);
	g_free(f);
}

/* The preparation, dated back from the evening, a box to tick a task. */
static void
runsheet_prep(struct kt_pdf *p, const struct kt_item *it)
{
	static const char *const heads[4] = {
		NULL, "table.wanneer", "table.taak", "table.wie"
	};
	const char *date = evening_date(p->kit, it);
	GDate *evening = NULL;
	GPtrArray *cols[4];

	if (date != NULL) {
		int y, mo, d;
		sscanf(date, "%d-%d-%d", &y, &mo, &d);
		evening = g_date_new_dmy((GDateDay)d, (GDateMonth)mo,
		    (GDateYear)y);
	}
	table_new(p, cols, heads, 4);
	for (guint i = 0; i < it->prep->len; i++) {
		const struct kt_prep *pr = g_ptr_array_index(it->prep, i);
		char when[64];

		prep_when(p, evening, pr->weeks, when, sizeof when);
		g_ptr_array_add(cols[0], g_strdup(""));
		g_ptr_array_add(cols[1], esc(when));
		g_ptr_array_add(cols[2], kt_pdf_md(p, p->lang, pr->task));
		g_ptr_array_add(cols[3], vocab_cell(p, KT_V_ROLE, "v.rol.",
		    pr->who));
	}
	runsheet_table(p, "section.voorbereiding", cols, 4, 2, 0);
	if (evening != NULL)
		g_date_free(evening);
}

static struct kt_pdf *
runsheet_draw(struct kt_pdfkit *k, const struct kt_plan_job *job,
    gboolean tagged, void *data)
{
	const struct kt_item *it = job->it;
	const struct kt_text *t = it->source;
	const char *rel = g_ptr_array_index(job->files, 0);
	struct kt_pdf_meta meta = { t->title, t->summary, "LOB, draaiboek" };
	struct kt_pdf *p = kt_pdf_open(k, rel, job->lang, &meta, FALSE);

	(void)data;
	if (tagged)
		kt_pdf_tagged(p);
	p->footer = kt_paper_footer;
	p->bottom = p->h - KT_FOOTLINE_BAND;
	kt_pdf_page(p);
	runsheet_header(p, it);
	runsheet_programme(p, it);
	p->y += KT_GAP_XL;
	runsheet_roles(p, it);
	p->y += KT_GAP_XL;
	runsheet_materials(p, t);
	runsheet_prep(p, it);
	return p;
}

void
kt_runsheet(struct kt_pdfkit *k, const struct kt_plan_job *job)
{
	kt_paper_close(k, job, runsheet_draw, NULL);
}
