/*
 * What a mentor prints: the tips as cards with cut marks, four to an A4
 * or two when the tips are long, and a class checklist per assignment
 * (a row per pupil, blank or from the class list; who was reached, which
 * sheets came back, discussed), 34 rows to an A4.
 */
#include <string.h>

#include "text/markdown.h"
#include "print/links.h"
#include "print/printables.h"

#define BLANK_ROWS 34	/* a class checklist without the class list */

struct tipcard {
	const struct kt_item *it;
	const struct kt_text *t;
};

struct tipcards {
	GArray *cards;		/* of struct tipcard */
	struct kt_diag *d;
	const struct kt_text *draft;	/* one of them, or NULL */
};

/* Markup of s at size, drawn at x, y (page coordinates, as the card's)
 * in width w when draw, an element of type tag; returns its height and
 * adds its lines to *lines. Only the body's lines (lines not NULL) get
 * the full line height. */
static double
tip_text(struct kt_pdf *p, enum kt_tag tag, const char *markup, double size,
    gboolean bold, double x, double y, double w, gboolean draw, int *lines)
{
	char *m = kt_paper_quotes(markup);
	PangoLayout *l = kt_pdf_text(p, m, size, bold, w, -1, lines == NULL);
	double h = kt_pdf_height(l);

	if (draw) {
		kt_pdf_begin(p, tag);
		cairo_move_to(p->cr, x, y);
		pango_cairo_show_layout(p->cr, l);
		kt_pdf_links(p, l, x, y);
		kt_pdf_end(p, tag);
	}
	if (lines != NULL)
		*lines += pango_layout_get_line_count(l);
	g_object_unref(l);
	g_free(m);
	return h;
}

/* The group, the title, the body a paragraph at a time, then the phrases
 * a mentor can say in a box. Returns the height it takes in w; *lines is
 * the body's number of lines. */
static double
tip_card_body(struct kt_pdf *p, const struct tipcard *c, double x, double y,
    double w, gboolean draw, int *lines)
{
	double cy = y, pad = KT_PAD;
	char *e, *body = kt_pdf_md(p, p->lang, c->t->body);
	char **paras = g_strsplit(body, "\n", -1);
	GString *ph = g_string_new(NULL);

	*lines = 0;
	if (c->it->group >= 0) {
		char *key = g_strdup_printf("v.groep.%s",
		    kt_vocab_name(KT_V_GROUP, c->it->group));
		e = g_markup_printf_escaped("<span foreground=\"#%06x\">%s"
		    "</span>", KT_GREEN, kt_str(p->kit->m, p->lang->code, key));
		cy += tip_text(p, KT_TAG_P, e, KT_TYPE_NOTE, TRUE, x, cy, w,
		    draw, NULL);
		g_free(key);
		g_free(e);
	}
	e = g_markup_escape_text(c->t->title ? c->t->title : c->it->slug, -1);
	cy += tip_text(p, KT_TAG_H2, e, KT_TYPE_SUBHEADING, TRUE, x, cy, w,
	    draw, NULL) + KT_TIP_PARA;
	g_free(e);
	for (int i = 0; paras[i] != NULL; i++)
		if (*g_strstrip(paras[i]) != '\0')
			cy += tip_text(p, KT_TAG_P, paras[i], KT_TYPE_NOTE,
			    FALSE, x, cy, w, draw, lines) + KT_TIP_PARA;
	for (guint n = 0; n < c->t->phrases->len; n++) {
		char *s = kt_pdf_md(p, p->lang, g_ptr_array_index(
		    c->t->phrases, n));

		g_string_append_printf(ph, "%s“%s”", n ? "\n" : "", s);
		g_free(s);
	}
	if (ph->len > 0) {
		char *head = g_markup_escape_text(kt_pdf_str(p,
		    "section.zinnen"), -1);
		char *m = g_strdup_printf("<b>%s</b>\n%s", head, ph->str);
		double h = tip_text(p, KT_TAG_P, m, KT_TYPE_NOTE, FALSE,
		    x + pad, cy + pad, w - 2 * pad, draw, NULL) + 2 * pad;

		if (draw)
			kt_pdf_box(p, x, cy, w, h, KT_GREY_LINE, KT_LINE_LIGHT);
		cy += h;
		g_free(m);
		g_free(head);
	}
	g_string_free(ph, TRUE);
	g_strfreev(paras);
	g_free(body);
	return cy - y;
}

static void
tip_card(struct kt_pdf *p, double x, double y, double w, double h, guint i,
    const void *data)
{
	const struct tipcards *all = data;
	const struct tipcard *c = &g_array_index(all->cards, struct tipcard,
	    i);
	double pad = KT_CARD_PAD;
	int lines;

	kt_pdf_box(p, x, y, w, h, KT_GREY_CARD, KT_LINE_FINE);
	if (tip_card_body(p, c, x + pad, y + pad, w - 2 * pad, TRUE, &lines) >
	    h - 2 * pad || lines > KT_TIP_LINES)
		kt_warning(all->d, c->t->path, 0, 0, "the tip takes %d lines "
		    "on a card of %.0f mm, more than a card holds; shorten it",
		    lines, w / KT_MM);
}

/* Whether every tip fits a card of w x h in about KT_TIP_LINES lines. */
static gboolean
tips_fit(struct kt_pdf *p, const struct tipcards *all, double w, double h)
{
	double pad = KT_CARD_PAD;

	for (guint i = 0; i < all->cards->len; i++) {
		int lines;

		if (tip_card_body(p, &g_array_index(all->cards, struct tipcard,
		    i), 0, 0, w - 2 * pad, FALSE, &lines) > h - 2 * pad ||
		    lines > KT_TIP_LINES)
			return FALSE;
	}
	return TRUE;
}

/* The cards of data (struct tipcards) under the heading row. */
static struct kt_pdf *
tipcards_draw(struct kt_pdfkit *k, const struct kt_plan_job *j,
    gboolean tagged, void *data)
{
	const struct tipcards *all = data;
	const char *title = kt_str(k->m, j->lang->code, "tipcards.title");
	struct kt_pdf_meta meta = { title, title, "LOB, tips" };
	struct kt_pdf *p = kt_pdf_open(k, g_ptr_array_index(j->files, 0),
	    j->lang, &meta, FALSE);
	double cw, ch;

	if (tagged)
		kt_pdf_tagged(p);
	kt_paper_cards_head(p, "idee", title, all->draft);
	/* four cards to an A4 when every tip fits one, else two: twice as
	 * wide, so a tip takes half the lines */
	cw = (p->w - 2 * KT_CARD_MARGIN - KT_CARD_GAP) / 2;
	ch = (p->h - KT_CARD_MARGIN - p->y - KT_CARD_GAP) / 2;
	kt_pdf_cards(p, all->cards->len, tips_fit(p, all, cw, ch) ? 2 : 1, 2,
	    tip_card, all);
	return p;
}

void
kt_tipcards(struct kt_pdfkit *k, const struct kt_plan_job *j)
{
	GPtrArray *items = j->items;
	GArray *cards = g_array_new(FALSE, FALSE, sizeof(struct tipcard));
	struct tipcards all = { cards, k->d, NULL };

	for (guint i = 0; i < items->len; i++) {
		struct tipcard c = { g_ptr_array_index(items, i), NULL };

		c.t = kt_item_text(c.it, j->lang->code);
		if (c.t == NULL)
			continue;
		g_array_append_val(cards, c);
		if (c.t->status == KT_DRAFT)
			all.draft = c.t;
	}
	if (cards->len > 0)
		kt_paper_close(k, j, tipcards_draw, &all);
	g_array_free(cards, TRUE);
}

static void
checklist_header(struct kt_pdf *p, const double *wd)
{
	static const char *const keys[] = {
		"checklist.pupil", "checklist.reached", "checklist.returned",
		"checklist.discussed"
	};
	double x = p->left, h = 0;
	PangoLayout *l[4];

	for (int i = 0; i < 4; i++) {
		char *m = g_markup_escape_text(kt_pdf_str(p, keys[i]), -1);
		l[i] = kt_pdf_text(p, m, KT_TYPE_STAFF, TRUE,
		    wd[i] - KT_CELL_MARGIN, -1, TRUE);
		if (i > 0)	/* over its column of boxes */
			pango_layout_set_alignment(l[i], PANGO_ALIGN_CENTER);
		h = MAX(h, kt_pdf_height(l[i]));
		g_free(m);
	}
	kt_pdf_begin(p, KT_TAG_TR);
	for (int i = 0; i < 4; i++) {
		kt_pdf_show_as(p, KT_TAG_TH, l[i], x + KT_CELL_MARGIN / 2, p->y,
		    wd[i] - KT_CELL_MARGIN);
		x += wd[i];
		g_object_unref(l[i]);
	}
	kt_pdf_end(p, KT_TAG_TR);
	p->y += h + KT_GAP_S;
	kt_pdf_rule(p, p->left, p->y, p->w - p->right, KT_INK,
	    KT_LINE_REGULAR);
}

/*
 * The line under the title: class, mentor and date, with a line to
 * write on for each; on the copy with the names (print, build --klas)
 * what is known is filled in: the class, the mentor and whom parents
 * call, the hand-in date or else the day it was made.
 */
static char *
checklist_fields(struct kt_pdf *p, gboolean names)
{
	const struct kt_render_opts *o = p->kit->o;
	char *who, *date, *s;

	if (o->mentor != NULL) {
		char *lines = kt_pdf_contact(p);
		char **parts = g_strsplit(lines, "\n", -1);

		who = g_strjoinv(", ", parts);
		g_strfreev(parts);
		g_free(lines);
	} else {
		who = NULL;
	}
	if (!names) {
		date = g_strdup("____________");
	} else if (o->due != NULL) {
		date = kt_date_display(o->due);
	} else {
		GDateTime *now = o->epoch >= 0 ?
		    g_date_time_new_from_unix_utc(o->epoch) :
		    g_date_time_new_now_local();
		char *iso = g_date_time_format(now, "%Y-%m-%d");

		date = kt_date_display(iso);
		g_free(iso);
		g_date_time_unref(now);
	}
	s = g_strdup_printf("%s: %s    %s: %s    %s: %s",
	    kt_pdf_str(p, "checklist.class"), names && o->class_name ?
	    o->class_name :
	    "____________", kt_pdf_str(p, "checklist.mentor"), who ? who :
	    "____________________", kt_pdf_str(p, "checklist.date"), date);
	g_free(who);
	g_free(date);
	return s;
}

/*
 * A page of the checklist: the title, the class, mentor and date, and the
 * table's head row; on the pages after the first a repeat, outside the
 * tree, the table going on.
 */
static void
checklist_page(struct kt_pdf *p, const char *title, const char *fields,
    const double *wd)
{
	gboolean first = p->page == 0;

	if (!first) {
		kt_pdf_end(p, KT_TAG_TABLE);
		kt_pdf_artifact_begin(p);
	}
	kt_pdf_page(p);
	kt_paper_head(p, NULL, 0, NULL, title, KT_TYPE_SUBHEADING);
	kt_pdf_para_as(p, KT_TAG_P, fields, KT_TYPE_STAFF, FALSE, KT_GAP_L);
	if (first)
		kt_pdf_begin(p, KT_TAG_TABLE);
	checklist_header(p, wd);
	if (!first) {
		kt_pdf_artifact_end(p);
		kt_pdf_begin(p, KT_TAG_TABLE);
	}
}

/* A row: the pupil's name (in a class's copy) and three boxes to tick. */
static void
checklist_row(struct kt_pdf *p, const char *name, const double *wd)
{
	double rowh = KT_CHECKLIST_ROW, x;

	if (name != NULL) {
		char *m = g_markup_escape_text(name, -1);
		PangoLayout *l = kt_pdf_text(p, m, KT_TYPE_STAFF, FALSE,
		    wd[0] - KT_CELL_MARGIN, -1, TRUE);

		kt_pdf_begin(p, KT_TAG_TR);
		kt_pdf_show_as(p, KT_TAG_TD, l, p->left + KT_CELL_MARGIN / 2,
		    p->y + (rowh - kt_pdf_height(l)) / 2,
		    wd[0] - KT_CELL_MARGIN);
		kt_pdf_end(p, KT_TAG_TR);
		g_object_unref(l);
		g_free(m);
	}
	/* a box to tick in each of the three columns */
	x = p->left + wd[0];
	for (int c = 1; c < 4; c++) {
		double box = KT_TICK_BOX_S;

		kt_pdf_box(p, kt_pdf_x(p, x + wd[c] / 2 - box / 2, box),
		    p->y + (rowh - box) / 2, box, box, KT_INK, KT_LINE_LIGHT);
		x += wd[c];
	}
	p->y += rowh;
	kt_pdf_rule(p, p->left, p->y, p->w - p->right, KT_GREY_ROW,
	    KT_LINE_HAIR);
}

struct checklist {
	char *title, *fields;	/* made by the first drawing */
	GPtrArray *pupils;	/* or NULL: blank rows */
};

static struct kt_pdf *
checklist_draw(struct kt_pdfkit *k, const struct kt_plan_job *j,
    gboolean tagged, void *data)
{
	struct checklist *c = data;
	const struct kt_text *t = j->it->source;
	struct kt_pdf_meta meta = { t->title, t->summary, "LOB, klassenlijst" };
	struct kt_pdf *p = kt_pdf_open(k, g_ptr_array_index(j->files, 0),
	    j->lang, &meta, FALSE);
	double w = kt_pdf_width(p);
	const double wd[4] = { w * 0.46, w * 0.18, w * 0.18, w * 0.18 };
	guint rows = c->pupils != NULL ? c->pupils->len : BLANK_ROWS;

	if (c->title == NULL) {
		c->title = g_strdup_printf("%s: %s", kt_pdf_str(p,
		    "checklist.title"), t->title ? t->title : j->it->slug);
		c->fields = checklist_fields(p, c->pupils != NULL);
	}
	if (tagged)
		kt_pdf_tagged(p);
	p->footer = kt_paper_footer;
	p->footer_data = c->title;
	p->bottom = p->h - KT_FOOTLINE_BAND;
	for (guint i = 0; i < rows; i++) {
		if (p->page == 0 || p->y + KT_CHECKLIST_ROW > p->bottom)
			checklist_page(p, c->title, c->fields, wd);
		checklist_row(p, c->pupils != NULL ?
		    g_ptr_array_index(c->pupils, i) : NULL, wd);
	}
	kt_pdf_end(p, KT_TAG_TABLE);
	return p;
}

void
kt_checklist(struct kt_pdfkit *k, const struct kt_plan_job *j)
{
	/* names only in the private folder, never in out/ */
	struct checklist c = { NULL, NULL, j->private ? k->o->pupils : NULL };

	kt_paper_close(k, j, checklist_draw, &c);
	g_free(c.title);
	g_free(c.fields);
}
