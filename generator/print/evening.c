/*
 * What a theme evening needs on paper: the invitation with a tear-off
 * reply strip and a framed space for the pupil's own words (every
 * language), compliment cards and statement cards with cut marks, and the
 * facilitator's run-sheet with clock times and a preparation checklist
 * dated back from the evening (Dutch, for the school).
 */
#include <string.h>

#include "text/markdown.h"
#include "print/links.h"
#include "print/printables.h"

static void
footer(struct kt_pdf *p, void *data)
{
	char *m = g_markup_printf_escaped("%s · %s",
	    p->kit->m->site.school ? p->kit->m->site.school : "",
	    kt_pdf_str(p, "sheet.credit"));
	PangoLayout *l = kt_pdf_text(p, m, KT_TYPE_SMALL, FALSE,
	    kt_pdf_width(p), -1, TRUE);

	(void)data;
	kt_pdf_show(p, l, p->left, p->h - KT_FOOTLINE_Y, kt_pdf_width(p));
	g_object_unref(l);
	g_free(m);
}

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
	kt_pdf_show(p, l, p->left, p->y, labelw);
	if (value != NULL) {
		char *v = g_markup_escape_text(value, -1);
		PangoLayout *vl = kt_pdf_text(p, v, KT_TYPE_BODY, TRUE, vw, -1,
		    TRUE);
		kt_pdf_show(p, vl, vx, p->y, vw);
		h = MAX(h, kt_pdf_height(vl));
		g_object_unref(vl);
		g_free(v);
	} else {
		kt_pdf_rule(p, kt_pdf_x(p, vx, vw), p->y + KT_FIELD_RULE,
		    kt_pdf_x(p, vx, vw) + vw, KT_GREY_LINE, KT_LINE_WRITE);
	}
	p->y += h + KT_GAP_XS;
	g_object_unref(l);
	g_free(m);
}

/* A small square to tick, then its word. */
static double
tick(struct kt_pdf *p, double x, double y, const char *word)
{
	double box = KT_TICK_BOX_S;
	char *m = g_markup_escape_text(word, -1);
	PangoLayout *l = kt_pdf_text(p, m, KT_TYPE_BODY, FALSE, KT_WORD_W, -1,
	    TRUE);
	int w, h;

	kt_pdf_box(p, kt_pdf_x(p, x, box), y + KT_CHOICE_DROP, box, box, KT_INK,
	    KT_LINE_REGULAR);
	pango_layout_get_pixel_size(l, &w, &h);
	kt_pdf_show(p, l, x + box + KT_GAP_S, y, KT_WORD_W);
	g_object_unref(l);
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

void
kt_invitation(struct kt_pdfkit *k, const struct kt_plan_job *j)
{
	const struct kt_item *it = j->it;
	const struct kt_text *t = j->t;
	const struct kt_language *lang = j->lang;
	const char *rel = g_ptr_array_index(j->files, 0);
	struct kt_pdf_meta meta = { t->title, t->summary, "LOB, uitnodiging" };
	struct kt_pdf *p = kt_pdf_open(k, rel, lang, &meta, FALSE);
	double w = kt_pdf_width(p), labelw = KT_LABEL_W, pic = KT_PICTO_HEADING;
	double x;
	char *date = kt_date_display(evening_date(k, it));
	char *m, *call = NULL;
	PangoLayout *l;

	p->footer = footer;
	p->bottom = p->h - KT_FOOTLINE_BAND;
	kt_pdf_page(p);
	/* heading with the pictogram at the reading start */
	kt_pdf_picto(p, "uitnodiging", p->left, p->y, pic);
	m = g_markup_escape_text(kt_pdf_str(p, "invite.title"), -1);
	l = kt_pdf_text(p, m, KT_TYPE_DISPLAY, TRUE, w - pic - KT_GAP_XL, -1,
	    TRUE);
	kt_pdf_show(p, l, p->left + pic + KT_GAP_XL, p->y + (pic -
	    kt_pdf_height(l)) / 2, w - pic - KT_GAP_XL);
	g_object_unref(l);
	g_free(m);
	p->y += pic + KT_GAP_L;
	kt_pdf_para(p, t->title ? t->title : it->slug, KT_TYPE_SUBTITLE, TRUE,
	    KT_GAP_M);
	m = kt_pdf_md(p, p->lang, t->invitation);
	l = kt_pdf_text(p, m, KT_TYPE_BODY, FALSE, w, -1, FALSE);
	kt_pdf_show(p, l, p->left, p->y, w);
	p->y += kt_pdf_height(l) + KT_GAP_XL;
	g_object_unref(l);
	g_free(m);

	/* when and where, boxed */
	{
		double top = p->y;
		p->y += KT_GAP_M;
		p->left += KT_FRAME_INSET;
		p->right += KT_FRAME_INSET;
		field(p, "invite.when", date, labelw);
		field(p, "invite.time", evening_start(k, it), labelw);
		field(p, "invite.where", evening_place(k, it), labelw);
		if ((call = kt_pdf_contact(p)) != NULL)
			field(p, "invite.call", call, labelw);
		p->left -= KT_FRAME_INSET;
		p->right -= KT_FRAME_INSET;
		p->y += KT_GAP_S;
		kt_pdf_box(p, p->left, top, w, p->y - top, KT_GREY_FRAME,
		    KT_LINE_FRAME);
		p->y += KT_GAP_XXL;
	}

	/* the pupil's own words to the parent, in a frame */
	{
		double top = p->y, fh = KT_OWN_WORDS_H;

		kt_pdf_box(p, p->left, top, w, fh, KT_GREY_CUT,
		    KT_LINE_REGULAR);
		p->y += KT_GAP_M;
		p->left += KT_FRAME_INSET;
		p->right += KT_FRAME_INSET;
		kt_pdf_para(p, kt_pdf_str(p, "invite.own"), KT_TYPE_BODY, TRUE,
		    0);
		for (int i = 0; i < 4; i++)
			kt_pdf_rule(p, p->left, p->y + (i + 1) *
			    KT_WRITE_LINE_WIDE, p->w - p->right, KT_GREY_LIGHT,
			    KT_LINE_FINE);
		p->left -= KT_FRAME_INSET;
		p->right -= KT_FRAME_INSET;
		p->y = top + fh + KT_GAP_XXL;
	}

	/* the reply strip below a cut line */
	kt_pdf_dashed(p, KT_CUT_INSET, p->y, p->w - KT_CUT_INSET, p->y);
	m = g_markup_escape_text(kt_pdf_str(p, "invite.cut"), -1);
	l = kt_pdf_text(p, m, KT_TYPE_SMALL, FALSE, KT_WORD_W, -1, TRUE);
	kt_pdf_show(p, l, p->left, p->y + KT_GAP_XS, KT_WORD_W);
	g_object_unref(l);
	g_free(m);
	p->y += KT_GAP_XXL;
	kt_pdf_para(p, kt_pdf_str(p, "invite.reply"), KT_TYPE_SUBHEADING, TRUE,
	    KT_GAP_XS);
	kt_pdf_para(p, t->title ? t->title : it->slug, KT_TYPE_BODY, FALSE,
	    KT_GAP_S);
	field(p, "invite.name", NULL, labelw);
	m = g_markup_escape_text(kt_pdf_str(p, "invite.coming"), -1);
	l = kt_pdf_text(p, m, KT_TYPE_BODY, FALSE, labelw, -1, TRUE);
	kt_pdf_need(p, KT_CHOICE_ROW);
	kt_pdf_show(p, l, p->left, p->y, labelw);
	x = p->left + labelw;
	x += tick(p, x, p->y, kt_pdf_str(p, "invite.yes"));
	tick(p, x, p->y, kt_pdf_str(p, "invite.no"));
	p->y += KT_CHOICE_ROW;
	g_object_unref(l);
	g_free(m);
	field(p, "invite.count", NULL, KT_LABEL_W_LONG);
	kt_pdf_close(p);
	g_free(date);
	g_free(call);
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
	cairo_move_to(p->cr, p->lang->rtl ? x + pad : x + pad + pic + KT_GAP_L,
	    y + pad + (pic - kt_pdf_height(l)) / 2);
	pango_cairo_show_layout(p->cr, l);
	g_object_unref(l);
	cy = y + pad + pic + KT_GAP_XL;
	for (int k = 0; k < 3; k++) {
		m = g_markup_escape_text(kt_pdf_str(p, keys[k]), -1);
		l = kt_pdf_text(p, m, KT_TYPE_BODY, TRUE, inner, -1, TRUE);
		cairo_move_to(p->cr, x + pad, cy);
		pango_cairo_show_layout(p->cr, l);
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

void
kt_compliments(struct kt_pdfkit *k, const struct kt_plan_job *j)
{
	const struct kt_language *lang = j->lang;
	const char *rel = g_ptr_array_index(j->files, 0);
	const char *title = kt_str(k->m, lang->code, "compliment.title");
	struct kt_pdf_meta meta = { title, title, "LOB, complimentenkaart" };
	struct kt_pdf *p = kt_pdf_open(k, rel, lang, &meta, FALSE);

	/* four cards on a page: two pages, for a whole presentation round */
	kt_pdf_cards(p, 8, 2, 2, compliment_card, NULL);
	kt_pdf_close(p);
}

static void
statement_card(struct kt_pdf *p, double x, double y, double w, double h,
    guint i, const void *data)
{
	const struct kt_text *t = data;
	char *m = kt_pdf_md(p, p->lang, g_ptr_array_index(t->statements,
	    i));
	double pad = KT_STATEMENT_PAD, ty;
	double aw = KT_STATEMENT_ANSWER_W, nw = KT_STATEMENT_NUMBER_W;
	PangoLayout *l = kt_pdf_text(p, m, KT_TYPE_DISPLAY, TRUE, w - 2 * pad,
	    -1, FALSE);
	char *yes = g_markup_escape_text(kt_pdf_str(p, "statement.agree"), -1);
	char *no = g_markup_escape_text(kt_pdf_str(p, "statement.disagree"),
	    -1);
	PangoLayout *ly = kt_pdf_text(p, yes, KT_TYPE_BODY, TRUE, aw, -1, TRUE);
	PangoLayout *ln = kt_pdf_text(p, no, KT_TYPE_BODY, TRUE, aw, -1, TRUE);
	char num[16];
	PangoLayout *lnum;

	kt_pdf_box(p, x, y, w, h, KT_GREY_CARD, KT_LINE_FINE);
	g_snprintf(num, sizeof num, "%u", i + 1);
	lnum = kt_pdf_text(p, num, KT_TYPE_NUMBER, TRUE, nw, -1, TRUE);
	cairo_move_to(p->cr, p->lang->rtl ? x + w - pad - nw : x + pad,
	    y + pad / 2);
	pango_cairo_show_layout(p->cr, lnum);
	g_object_unref(lnum);
	ty = y + (h - kt_pdf_height(l)) / 2;
	cairo_move_to(p->cr, x + pad, ty);
	pango_cairo_show_layout(p->cr, l);
	kt_pdf_links(p, l, x + pad, ty);
	/* agree at the start side, disagree at the end */
	cairo_move_to(p->cr, p->lang->rtl ? x + w - pad - aw : x + pad,
	    y + h - pad - kt_pdf_height(ly));
	pango_cairo_show_layout(p->cr, ly);
	pango_layout_set_alignment(ln, p->lang->rtl ? PANGO_ALIGN_LEFT :
	    PANGO_ALIGN_RIGHT);
	cairo_move_to(p->cr, p->lang->rtl ? x + pad : x + w - pad - aw,
	    y + h - pad - kt_pdf_height(ln));
	pango_cairo_show_layout(p->cr, ln);
	g_object_unref(l);
	g_object_unref(ly);
	g_object_unref(ln);
	g_free(yes);
	g_free(no);
	g_free(m);
}

void
kt_statements(struct kt_pdfkit *k, const struct kt_plan_job *j)
{
	const struct kt_text *t = j->t;
	const struct kt_language *lang = j->lang;
	const char *rel = g_ptr_array_index(j->files, 0);
	struct kt_pdf_meta meta = { t->title, t->summary, "LOB, stellingen" };
	struct kt_pdf *p = kt_pdf_open(k, rel, lang, &meta, TRUE);

	/* landscape, two large cards a page, readable across a room */
	kt_pdf_cards(p, t->statements->len, 2, 1, statement_card, t);
	kt_pdf_close(p);
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
table_row(struct kt_pdf *p, const char *const *cells, const double *widths,
    int n, gboolean bold, gboolean draw)
{
	double h = 0, x = p->left;
	PangoLayout *l[8];

	for (int i = 0; i < n; i++) {
		l[i] = kt_pdf_text(p, cells[i] ? cells[i] : "", KT_TYPE_STAFF,
		    bold, widths[i] - KT_CELL_MARGIN, -1, TRUE);
		h = MAX(h, kt_pdf_height(l[i]));
	}
	for (int i = 0; i < n; i++) {
		if (draw)
			kt_pdf_show(p, l[i], x, p->y + KT_CELL_PAD,
			    widths[i] - KT_CELL_MARGIN);
		x += widths[i];
		g_object_unref(l[i]);
	}
	return h + 2 * KT_CELL_PAD;
}

static void
table_line(struct kt_pdf *p, const char *const *cells, const double *widths,
    int n, gboolean bold)
{
	double h = table_row(p, cells, widths, n, bold, FALSE);

	kt_pdf_need(p, h);
	table_row(p, cells, widths, n, bold, TRUE);
	p->y += h;
	kt_pdf_rule(p, p->left, p->y, p->w - p->right,
	    bold ? KT_INK : KT_GREY_ROW, bold ? KT_LINE_REGULAR : KT_LINE_HAIR);
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

	kt_pdf_para(p, title, KT_TYPE_SUBTITLE, TRUE, KT_GAP_S);
	kt_pdf_para(p, when, KT_TYPE_STAFF, FALSE, KT_GAP_L);
	g_free(title);
	g_free(date);
	g_free(when);
}

/* A section's heading; the run-sheet is for the school, in Dutch. */
static void
runsheet_section(struct kt_pdf *p, const char *key)
{
	kt_pdf_para(p, kt_str(p->kit->m, "nl", key), KT_TYPE_STAFF_HEADING,
	    TRUE, KT_GAP_XS);
}

/* A block of the programme, from at minutes after the start. */
static void
programme_row(struct kt_pdf *p, const struct kt_block *b, const char *start,
    int at, const double *wd)
{
	char *from = clock_at(start, at);
	char *to = clock_at(start, at + b->minutes);
	char *desc = kt_pdf_md(p, p->lang, b->text);
	char *what = g_markup_printf_escaped("<b>%s</b>\n",
	    b->title ? b->title : "");
	char *cells[4] = {
		g_strdup_printf("%s–%s", from, to),
		g_strconcat(what, desc, NULL),
		esc(b->form >= 0 ? kt_vocab_name(KT_V_WORK_FORM, b->form) : ""),
		esc(b->lead >= 0 ? kt_vocab_name(KT_V_ROLE, b->lead) : "")
	};

	table_line(p, (const char *const *)cells, wd, 4, FALSE);
	for (int j = 0; j < 4; j++)
		g_free(cells[j]);
	g_free(what);
	g_free(desc);
	g_free(from);
	g_free(to);
}

/* The timed programme: a row a block, with its clock times. */
static void
runsheet_programme(struct kt_pdf *p, const struct kt_item *it)
{
	double w = kt_pdf_width(p);
	const double wd[4] = { w * 0.14, w * 0.54, w * 0.17, w * 0.15 };
	static const char *const keys[4] = {
		"table.tijd", "table.onderdeel", "table.werkvorm",
		"table.leiding"
	};
	const char *start = evening_start(p->kit, it);
	char *head[4];
	int at = 0;

	runsheet_section(p, "section.programma");
	for (int i = 0; i < 4; i++)
		head[i] = esc(kt_pdf_str(p, keys[i]));
	table_line(p, (const char *const *)head, wd, 4, TRUE);
	for (int i = 0; i < 4; i++)
		g_free(head[i]);
	for (guint i = 0; i < it->blocks->len; i++) {
		const struct kt_block *b = g_ptr_array_index(it->blocks, i);

		programme_row(p, b, start, at, wd);
		at += b->minutes;
	}
}

/* Who does what: a row a role. */
static void
runsheet_roles(struct kt_pdf *p, const struct kt_item *it)
{
	double w = kt_pdf_width(p);
	const double wd[2] = { w * 0.22, w * 0.78 };

	runsheet_section(p, "section.rollen");
	for (guint i = 0; i < it->roles->len; i++) {
		const struct kt_role *r = g_ptr_array_index(it->roles, i);
		char *cells[2] = {
			g_markup_printf_escaped("<b>%s</b>", r->role >= 0 ?
			    kt_vocab_name(KT_V_ROLE, r->role) : ""),
			kt_pdf_md(p, p->lang, r->task)
		};

		table_line(p, (const char *const *)cells, wd, 2, FALSE);
		g_free(cells[0]);
		g_free(cells[1]);
	}
}

/* The materials in one line, when there are any. */
static void
runsheet_materials(struct kt_pdf *p, const struct kt_text *t)
{
	GString *mat;

	if (t->materials->len == 0)
		return;
	mat = g_string_new(NULL);
	for (guint i = 0; i < t->materials->len; i++)
		g_string_append_printf(mat, "%s%s", i ? ", " : "",
		    (char *)g_ptr_array_index(t->materials, i));
	runsheet_section(p, "facet.materialen");
	kt_pdf_para(p, mat->str, KT_TYPE_STAFF, FALSE, KT_GAP_XL);
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
	double w = kt_pdf_width(p);
	const double wd[4] = { w * 0.07, w * 0.2, w * 0.55, w * 0.18 };
	const char *date = evening_date(p->kit, it);
	GDate *evening = NULL;

	runsheet_section(p, "section.voorbereiding");
	if (date != NULL) {
		int y, mo, d;
		sscanf(date, "%d-%d-%d", &y, &mo, &d);
		evening = g_date_new_dmy((GDateDay)d, (GDateMonth)mo,
		    (GDateYear)y);
	}
	for (guint i = 0; i < it->prep->len; i++) {
		const struct kt_prep *pr = g_ptr_array_index(it->prep, i);
		char *cells[4], when[64];
		double y0;

		prep_when(p, evening, pr->weeks, when, sizeof when);
		cells[0] = g_strdup("");
		cells[1] = esc(when);
		cells[2] = kt_pdf_md(p, p->lang, pr->task);
		cells[3] = esc(pr->who >= 0 ? kt_vocab_name(KT_V_ROLE,
		    pr->who) : "");
		y0 = p->y;
		table_line(p, (const char *const *)cells, wd, 4, FALSE);
		if (p->y > y0)	/* the box, on the row just drawn */
			kt_pdf_box(p, kt_pdf_x(p, p->left + KT_GAP_XS,
			    KT_PREP_BOX), p->y - KT_PREP_BOX_RISE, KT_PREP_BOX,
			    KT_PREP_BOX, KT_INK, KT_LINE_REGULAR);
		for (int j = 0; j < 4; j++)
			g_free(cells[j]);
	}
	if (evening != NULL)
		g_date_free(evening);
}

void
kt_runsheet(struct kt_pdfkit *k, const struct kt_plan_job *job)
{
	const struct kt_item *it = job->it;
	const struct kt_text *t = it->source;
	const char *rel = g_ptr_array_index(job->files, 0);
	struct kt_pdf_meta meta = { t->title, t->summary, "LOB, draaiboek" };
	struct kt_pdf *p = kt_pdf_open(k, rel, job->lang, &meta, FALSE);

	p->footer = footer;
	p->bottom = p->h - KT_FOOTLINE_BAND;
	kt_pdf_page(p);
	runsheet_header(p, it);
	runsheet_programme(p, it);
	p->y += KT_GAP_XL;
	runsheet_roles(p, it);
	p->y += KT_GAP_XL;
	runsheet_materials(p, t);
	runsheet_prep(p, it);
	kt_pdf_close(p);
}
