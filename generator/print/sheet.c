/*
 * The take-home sheet, in one language or in the home language beside
 * Dutch. A sheet is a set of columns (one, or two with their own language
 * and direction) laid out in rows: each row takes the height of its
 * tallest column, so the two languages stay side by side, step for step.
 * The easy-reading rules: body 14 pt, line height 1.5, ragged, a 16 mm
 * pictogram at the reading start of every numbered step, a box to tick,
 * important things boxed, hard words explained, one page where possible
 * (the sizes are print/style.h's).
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

struct sheet {
	struct kt_pdf *p;
	const struct kt_item *it;
	struct col cols[2];
	int n;
	char *url;		/* the web page in the home language */
	const struct kt_text *home;
	int tight;		/* 0, or how far it was squeezed to fit */
};

/*
 * A sheet that runs over two pages is drawn again, tighter each time:
 * one line to write on fewer under each question, down to one, then half
 * the space between blocks. A third page that holds only the names is a
 * page more to print for every pupil; the text itself never gets smaller.
 */
static int
tightest(const struct kt_item *it)
{
	return MAX(it->write_lines - 1, 0) + 1;
}

/* A space between blocks (a KT_GAP_), halved on the tightest sheet. */
static double
space(const struct sheet *s, double gap)
{
	return s->tight >= tightest(s->it) ? gap / 2 : gap;
}

/* ---- placing things inside a column ---- */

/* page x of something iw wide, ox from the column's reading start */
static double
col_x(const struct col *c, double ox, double iw)
{
	return c->rtl ? c->x0 + c->w - ox - iw : c->x0 + ox;
}

static void
col_show(struct sheet *s, const struct col *c, PangoLayout *l, double ox,
    double y, double iw)
{
	kt_pdf_show(s->p, l, kt_pdf_x(s->p, col_x(c, ox, iw), iw), y, iw);
}

/* The same as an element of the structure, in the column's language. */
static void
col_tagged(struct sheet *s, const struct col *c, enum kt_tag tag,
    PangoLayout *l, double ox, double y, double iw)
{
	kt_pdf_begin_in(s->p, tag, c->lang->code);
	col_show(s, c, l, ox, y, iw);
	kt_pdf_end(s->p, tag);
}

static PangoLayout *
col_text(struct sheet *s, const struct col *c, const char *markup,
    double size, gboolean bold, double width, gboolean tight)
{
	return kt_pdf_text_in(s->p, c->lang, markup, size, bold, width, tight);
}

static const char *
col_str(const struct sheet *s, const struct col *c, const char *key)
{
	return kt_str(s->p->kit->m, c->lang->code, key);
}

/* ---- rows ---- */

typedef double (*row_fn)(struct sheet *, const struct col *, double y,
    gboolean draw, const void *arg);

static double
row_height(struct sheet *s, row_fn fn, const void *arg)
{
	double h = 0;

	for (int i = 0; i < s->n; i++)
		h = MAX(h, fn(s, &s->cols[i], 0, FALSE, arg));
	return h;
}

/* Measures a row in every column, makes room, then draws it. */
static void
row(struct sheet *s, row_fn fn, const void *arg, double after)
{
	double h = row_height(s, fn, arg);

	kt_pdf_need(s->p, h);
	for (int i = 0; i < s->n; i++)
		fn(s, &s->cols[i], s->p->y, TRUE, arg);
	s->p->y += h + after;
}

static double
layout_row(struct sheet *s, const struct col *c, enum kt_tag tag,
    PangoLayout *l, double y, gboolean draw)
{
	double h = kt_pdf_height(l);

	if (draw)
		col_tagged(s, c, tag, l, 0, y, c->w);
	g_object_unref(l);
	return h;
}

static double
r_title(struct sheet *s, const struct col *c, double y, gboolean draw,
    const void *arg)
{
	gboolean single = s->n == 1;
	double pic = single ? KT_PICTO_TITLE : 0, gap = single ? KT_GAP_XL : 0;
	/* the school's logo at the end of the title, on single sheets */
	double logo = single && s->p->kit->m->site.logo_data ? KT_LOGO : 0;
	double w = c->w - pic - gap - (logo > 0 ? logo + gap : 0), h;
	char *m = g_markup_escape_text(c->t->title ? c->t->title :
	    s->it->slug, -1);
	PangoLayout *l = col_text(s, c, m, single ? KT_TYPE_TITLE :
	    KT_TYPE_TITLE_COLUMN, TRUE, w, TRUE);

	(void)arg;
	h = kt_pdf_height(l);
	if (draw) {
		col_tagged(s, c, KT_TAG_H1, l, pic + gap,
		    y + MAX(0, (pic - h) / 2), w);
		if (pic > 0)
			kt_pdf_picto(s->p, s->it->pictogram,
			    kt_pdf_x(s->p, col_x(c, 0, pic), pic), y, pic);
		if (logo > 0)
			kt_pdf_logo(s->p, col_x(c, c->w - logo, logo),
			    y + (pic - logo) / 2, logo, logo);
	}
	g_object_unref(l);
	g_free(m);
	return MAX(pic, h);
}

static double
r_intro(struct sheet *s, const struct col *c, double y, gboolean draw,
    const void *arg)
{
	char *m = kt_pdf_md(s->p, c->lang, c->t->intro);
	PangoLayout *l = col_text(s, c, m, KT_TYPE_BODY, FALSE, c->w, FALSE);

	(void)arg;
	g_free(m);
	return layout_row(s, c, KT_TAG_P, l, y, draw);
}

static double
r_heading(struct sheet *s, const struct col *c, double y, gboolean draw,
    const void *arg)
{
	char *m = g_markup_escape_text(col_str(s, c, arg), -1);
	PangoLayout *l = col_text(s, c, m, KT_TYPE_HEADING, TRUE, c->w, TRUE);

	g_free(m);
	return layout_row(s, c, KT_TAG_H2, l, y, draw);
}

static double
r_step(struct sheet *s, const struct col *c, double y, gboolean draw,
    const void *arg)
{
	guint i = GPOINTER_TO_UINT(arg);
	const struct kt_step *st = g_ptr_array_index(c->t->steps, i);
	double num = KT_STEP_DISC, box = KT_TICK_BOX, gap = KT_GAP_M;
	/* one box to tick: at the end of the line, or between the languages */
	gboolean tick = c == &s->cols[0];
	gboolean in_gutter = s->n == 2;
	double tx = KT_PICTO + gap + num + gap;
	double tw = c->w - tx - (tick && !in_gutter ? box + gap : 0);
	char *m = kt_pdf_md(s->p, c->lang, st->text);
	PangoLayout *l = col_text(s, c, m, KT_TYPE_BODY, FALSE, tw, FALSE);
	double h = MAX(KT_PICTO, kt_pdf_height(l));
	double cy = y + KT_STEP_MIDDLE;	/* the middle of the first line */

	g_free(m);
	if (draw) {
		cairo_t *cr = s->p->cr;
		char n[8];
		PangoLayout *digits;
		double nx = col_x(c, KT_PICTO + gap, num);

		kt_pdf_begin_in(s->p, KT_TAG_LI, c->lang->code);
		kt_pdf_picto(s->p, st->pictogram,
		    kt_pdf_x(s->p, col_x(c, 0, KT_PICTO), KT_PICTO), y,
		    KT_PICTO);
		kt_pdf_begin(s->p, KT_TAG_LBL);
		cairo_set_source_rgb(cr, KT_RGB_GREEN);
		/* not joined by a line to where the last text started */
		cairo_new_sub_path(cr);
		cairo_arc(cr, nx + num / 2, cy, num / 2, 0, 2 * G_PI);
		cairo_fill(cr);
		g_snprintf(n, sizeof n, "%u", i + 1);
		digits = kt_pdf_text(s->p, n, KT_TYPE_BODY, TRUE, num, 0, TRUE);
		pango_layout_set_alignment(digits, PANGO_ALIGN_CENTER);
		cairo_set_source_rgb(cr, KT_RGB_PAPER);
		cairo_move_to(cr, nx, cy - kt_pdf_height(digits) / 2);
		pango_cairo_show_layout(cr, digits);
		g_object_unref(digits);
		kt_pdf_end(s->p, KT_TAG_LBL);
		cairo_set_source_rgb(cr, KT_RGB_INK);
		/* the text's first line half a line up from its middle */
		col_tagged(s, c, KT_TAG_LBODY, l, tx,
		    cy - KT_TYPE_BODY * KT_LEADING / 2, tw);
		if (tick && in_gutter) {
			double gx = (s->cols[0].x0 < s->cols[1].x0 ?
			    s->cols[0].x0 + s->cols[0].w + s->cols[1].x0 :
			    s->cols[1].x0 + s->cols[1].w + s->cols[0].x0) / 2;
			kt_pdf_box(s->p, gx - box / 2, cy - box / 2, box, box,
			    KT_INK, KT_LINE_TICK);
		} else if (tick) {
			kt_pdf_box(s->p, col_x(c, c->w - box, box),
			    cy - box / 2, box, box, KT_INK, KT_LINE_TICK);
		}
		kt_pdf_end(s->p, KT_TAG_LI);
	}
	g_object_unref(l);
	return h;
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
	l = col_text(s, c, m, KT_TYPE_BODY, TRUE, c->w, FALSE);
	g_free(m);
	return layout_row(s, c, KT_TAG_P, l, y, draw);
}

static void
write_lines(struct sheet *s, int n)
{
	struct kt_pdf *p = s->p;

	kt_pdf_need(p, n * KT_WRITE_LINE);
	for (int i = 0; i < n; i++) {
		p->y += KT_WRITE_LINE;
		kt_pdf_rule(p, p->left, p->y, p->w - p->right, KT_GREY_WRITE,
		    KT_LINE_WRITE);
	}
	p->y += space(s, KT_GAP_M);
}

/* ---- the boxed panel: what, by when, who ---- */

struct panel_line {
	const char *key;
	const char *value;	/* NULL: a line to write on */
	const char *field;	/* its form field's name, after the slug's */
};

static double
r_panel(struct sheet *s, const struct col *c, double y, gboolean draw,
    const void *arg)
{
	const struct panel_line *lines = arg;
	double pad = KT_PAD, label_w = c->w * KT_PANEL_LABEL;
	double h = pad;

	for (int i = 0; lines[i].key != NULL; i++) {
		char *m = g_markup_escape_text(col_str(s, c, lines[i].key), -1);
		PangoLayout *l;
		double lh;

		if (lines[i].value == NULL && i > 0 &&
		    strcmp(lines[i].key, "sheet.box.discuss") == 0) {
			/* the closing sentence takes the whole line, bold */
			l = col_text(s, c, m, KT_TYPE_BODY, TRUE,
			    c->w - 2 * pad, TRUE);
			lh = kt_pdf_height(l);
			if (draw)
				col_tagged(s, c, KT_TAG_P, l, pad, y + h,
				    c->w - 2 * pad);
			h += lh + KT_PANEL_ROW_GAP;
			g_object_unref(l);
			g_free(m);
			continue;
		}
		l = col_text(s, c, m, KT_TYPE_BODY, FALSE, label_w - pad, TRUE);
		lh = MAX(kt_pdf_height(l), KT_PANEL_ROW);
		{
			double vx = pad + label_w, vw = c->w - vx - pad;
			PangoLayout *vl = NULL;

			if (lines[i].value != NULL) {
				char *v = g_markup_escape_text(lines[i].value,
				    -1);
				vl = col_text(s, c, v, KT_TYPE_BODY, TRUE, vw,
				    TRUE);
				lh = MAX(lh, kt_pdf_height(vl));
				g_free(v);
			}
			if (!draw) {
				if (vl != NULL)
					g_object_unref(vl);
			} else if (vl != NULL) {
				col_tagged(s, c, KT_TAG_P, l, pad, y + h,
				    label_w - pad);
				col_tagged(s, c, KT_TAG_P, vl, vx, y + h, vw);
				g_object_unref(vl);
			} else {
				char *f = g_strdup_printf("%s-%s", s->it->slug,
				    lines[i].field);

				col_tagged(s, c, KT_TAG_P, l, pad, y + h,
				    label_w - pad);
				kt_pdf_field(s->p, f, col_x(c, vx, vw), y + h,
				    vw, KT_PANEL_RULE);
				g_free(f);
				kt_pdf_rule(s->p, col_x(c, vx, vw),
				    y + h + KT_PANEL_RULE,
				    col_x(c, vx, vw) + vw, KT_GREY_PANEL_LINE,
				    KT_LINE_WRITE);
			}
		}
		h += lh + KT_PANEL_ROW_GAP;
		g_object_unref(l);
		g_free(m);
	}
	h += pad - KT_PANEL_ROW_GAP;
	if (draw)
		kt_pdf_box(s->p, c->x0, y, c->w, h, KT_GREY_FRAME,
		    KT_LINE_FRAME);
	return h;
}

static void
panel(struct sheet *s)
{
	const struct kt_render_opts *o = s->p->kit->o;
	const struct kt_site *site = &s->p->kit->m->site;
	char *due = kt_date_display(o->due);
	char *call = NULL;
	const char *who = o->mentor != NULL ? o->mentor : site->contact_name;
	const char *phone = o->phone != NULL ? o->phone : site->contact_phone;
	struct panel_line lines[5];
	int n = 0;

	if (phone != NULL) {
		/* a number never breaks, and keeps its order in Arabic */
		char **parts = g_strsplit(phone, " ", -1);
		char *nb = g_strjoinv("\u00A0", parts);

		call = g_strconcat(who ? who : "", who ? "\n" : "", nb, NULL);
		g_free(nb);
		g_strfreev(parts);
	} else if (who != NULL) {
		call = g_strdup(who);
	}
	lines[n++] = (struct panel_line){ "sheet.box.return", who, "mentor" };
	lines[n++] = (struct panel_line){ "sheet.box.date", due, "date" };
	lines[n++] = (struct panel_line){ "sheet.box.call", call, "phone" };
	lines[n++] = (struct panel_line){ "sheet.box.discuss", NULL, NULL };
	lines[n] = (struct panel_line){ NULL, NULL, NULL };
	/*
	 * The panel is for the parent: on a bilingual sheet it spans the page
	 * once, in the home language (names and dates read the same in both).
	 * The heading stays with its box.
	 */
	{
		int ncols = s->n;
		struct col saved = s->cols[0];

		s->n = 1;
		s->cols[0].x0 = s->p->left;
		s->cols[0].w = kt_pdf_width(s->p);
		kt_pdf_need(s->p, row_height(s, r_heading, "sheet.box.title") +
		    KT_GAP_S + row_height(s, r_panel, lines));
		kt_pdf_begin(s->p, KT_TAG_SECT);
		row(s, r_heading, "sheet.box.title", KT_GAP_S);
		row(s, r_panel, lines, space(s, KT_GAP_L));
		kt_pdf_end(s->p, KT_TAG_SECT);
		s->cols[0] = saved;
		s->n = ncols;
	}
	g_free(due);
	g_free(call);
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

static void
glossary(struct sheet *s)
{
	const struct col *c = &s->cols[0];
	GPtrArray *words = glossary_for(s->p->kit->m, c->t);
	GString *m = g_string_new(NULL);
	PangoLayout *l;
	double pad = KT_PAD, h;
	struct kt_pdf *p = s->p;
	/* the box spans the page, in the home language */
	struct col wide = { c->t, c->lang, p->left, kt_pdf_width(p), c->rtl };

	if (words->len == 0) {
		g_ptr_array_free(words, TRUE);
		g_string_free(m, TRUE);
		return;
	}
	for (guint i = 0; i < words->len; i++) {
		const struct kt_gloss *g = g_ptr_array_index(words, i);
		char *w = g_markup_escape_text(g->word ? g->word : "", -1);
		char *e = g_markup_escape_text(g->explanation ?
		    g->explanation : "", -1);

		g_string_append_printf(m, "%s<b>%s</b>: %s", i ? "\n" : "", w,
		    e);
		g_free(w);
		g_free(e);
	}
	l = col_text(s, &wide, m->str, KT_TYPE_BODY, FALSE, wide.w - 2 * pad,
	    FALSE);
	h = kt_pdf_height(l);
	{
		char *hm = g_markup_escape_text(col_str(s, c, "sheet.glossary"),
		    -1);
		PangoLayout *hl = col_text(s, &wide, hm, KT_TYPE_SUBHEADING,
		    TRUE, wide.w - 2 * pad, TRUE);
		double hh = kt_pdf_height(hl);

		kt_pdf_need(p, hh + h + 3 * pad);
		kt_pdf_box(p, p->left, p->y, wide.w, hh + h + 3 * pad,
		    KT_GREY_LINE, KT_LINE_LIGHT);
		kt_pdf_begin(p, KT_TAG_SECT);
		col_tagged(s, &wide, KT_TAG_H2, hl, pad, p->y + pad,
		    wide.w - 2 * pad);
		kt_pdf_begin(p, KT_TAG_L);
		kt_pdf_begin(p, KT_TAG_LI);
		col_tagged(s, &wide, KT_TAG_LBODY, l, pad, p->y + 2 * pad + hh,
		    wide.w - 2 * pad);
		kt_pdf_end(p, KT_TAG_LI);
		kt_pdf_end(p, KT_TAG_L);
		kt_pdf_end(p, KT_TAG_SECT);
		p->y += hh + h + 3 * pad + space(s, KT_GAP_L);
		g_object_unref(hl);
		g_free(hm);
	}
	g_object_unref(l);
	g_string_free(m, TRUE);
	g_ptr_array_free(words, TRUE);
}

/* ---- names and signature ---- */

/* Labels with a line to write on, in one row; both languages stacked. */
static void
names(struct sheet *s)
{
	static const char *const keys[3] = {
		"sheet.pupil", "sheet.parent", "sheet.signature"
	};
	struct kt_pdf *p = s->p;
	int n = s->it->signature ? 3 : 2;
	double gap = KT_GAP_XXL, colw = (kt_pdf_width(p) - (n - 1) * gap) / n;
	double label = 0;
	PangoLayout *l[3][2];

	for (int i = 0; i < n; i++) {
		double h = 0;

		for (int j = 0; j < s->n; j++) {
			char *e = g_markup_escape_text(col_str(s, &s->cols[j],
			    keys[i]), -1);
			l[i][j] = col_text(s, &s->cols[j], e, KT_TYPE_BODY,
			    FALSE, colw, TRUE);
			h += kt_pdf_height(l[i][j]);
			g_free(e);
		}
		label = MAX(label, h);
	}
	kt_pdf_need(p, label + KT_NAMES_NEED + space(s, KT_GAP_M));
	p->y += space(s, KT_GAP_M);
	for (int i = 0; i < n; i++) {
		double x = kt_pdf_x(p, p->left + i * (colw + gap), colw);
		double y = p->y;

		for (int j = 0; j < s->n; j++) {
			/* page coordinates: the layout aligns itself */
			kt_pdf_begin_in(p, KT_TAG_P, s->cols[j].lang->code);
			cairo_move_to(p->cr, x, y);
			pango_cairo_show_layout(p->cr, l[i][j]);
			kt_pdf_end(p, KT_TAG_P);
			y += kt_pdf_height(l[i][j]);
			g_object_unref(l[i][j]);
		}
		kt_pdf_rule(p, x, p->y + label + KT_NAMES_RULE, x + colw,
		    KT_GREY_LINE, KT_LINE_WRITE);
	}
	p->y += label + KT_NAMES_ROW;
}

/* ---- the footer: draft note, school, web page, credit, QR ---- */

static void
footer(struct kt_pdf *p, void *data)
{
	struct sheet *s = data;
	double top = p->h - KT_MARGIN_BOTTOM - KT_FOOTER_H + KT_GAP_L;
	double qr = KT_QR, textw = kt_pdf_width(p) - qr - KT_GAP_L;
	double y = top;
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
	    kt_pdf_str(p, "sheet.web"), s->url, kt_pdf_str(p, "sheet.credit"));
	g_string_append(m, e);
	g_free(e);
	l = kt_pdf_text(p, m->str, KT_TYPE_SMALL, FALSE, textw, -1, TRUE);
	kt_pdf_show(p, l, p->left, y, textw);
	kt_pdf_link(p, s->url, kt_pdf_x(p, p->left, textw), y, textw,
	    kt_pdf_height(l));
	g_object_unref(l);
	g_string_free(m, TRUE);
	kt_pdf_qr(p, s->url, kt_pdf_x(p, p->w - p->right - qr, qr), top, qr);
}

/* ---- the sheet ---- */

static void
sheet_init(struct sheet *s, struct kt_pdf *p, const struct kt_item *it,
    const struct kt_text *home, const struct kt_language *lang,
    gboolean bilingual)
{
	const struct kt_model *m = p->kit->m;
	const struct kt_language *dutch = g_ptr_array_index(m->site.languages,
	    0);
	char *page = kt_page_path(lang->code, it->kind, it->slug);

	memset(s, 0, sizeof *s);
	s->p = p;
	s->it = it;
	s->home = home;
	s->n = bilingual ? 2 : 1;
	s->url = g_strconcat(m->site.base_url ? m->site.base_url : "", page,
	    NULL);
	g_free(page);
	if (!bilingual) {
		s->cols[0] = (struct col){ home, lang, p->left, kt_pdf_width(p),
		    lang->rtl };
	} else {
		/* the gutter holds the boxes to tick */
		double gutter = KT_GUTTER, w = (kt_pdf_width(p) - gutter) / 2;
		double start = lang->rtl ? p->w - p->right - w : p->left;
		double other = lang->rtl ? p->left : p->w - p->right - w;

		s->cols[0] = (struct col){ home, lang, start, w, lang->rtl };
		s->cols[1] = (struct col){ it->source, dutch, other, w,
		    dutch->rtl };
	}
}

/* The lines to write on under each question. */
static int
sheet_lines(const struct sheet *s)
{
	int n = s->it->write_lines;

	return n <= 1 ? n : MAX(1, n - s->tight);
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
	const struct kt_item *it = s->it;
	const struct kt_text *home = s->home;
	int first, nq;

	if (p->page > 0)
		kt_pdf_page(p);	/* ends the previous sheet, its footer */
	p->bottom = p->h - KT_MARGIN_BOTTOM - KT_FOOTER_H;
	p->footer = footer;
	p->footer_data = s;
	if (p->page == 0)
		kt_pdf_page(p);
	first = p->page;
	if (bookmark != NULL)
		kt_pdf_outline(p, 0, bookmark);
	kt_pdf_begin(p, KT_TAG_PART);
	row(s, r_title, NULL, space(s, KT_GAP_XL));
	row(s, r_intro, NULL, space(s, KT_GAP_M));
	p->y += space(s, KT_GAP_M);
	kt_pdf_need(p, row_height(s, r_heading, "sheet.steps") +
	    space(s, KT_GAP_S) + row_height(s, r_step, GUINT_TO_POINTER(0)));
	row(s, r_heading, "sheet.steps", space(s, KT_GAP_S));
	kt_pdf_begin(p, KT_TAG_L);
	for (guint i = 0; i < home->steps->len; i++)
		row(s, r_step, GUINT_TO_POINTER(i), space(s, KT_GAP_S));
	kt_pdf_end(p, KT_TAG_L);
	nq = (int)home->questions->len;
	if (s->n == 2)
		nq = MIN(nq, (int)it->source->questions->len);
	if (nq > 0) {
		int nlines = sheet_lines(s);
		double lines = nlines * KT_WRITE_LINE;

		p->y += space(s, KT_GAP_M);
		/* the heading with the first question, a question with its
		 * lines: measured, so nothing is pushed over by a guess */
		kt_pdf_need(p, row_height(s, r_heading, "sheet.questions") +
		    space(s, KT_GAP_S) + row_height(s, r_question,
		    GUINT_TO_POINTER(0)) + lines);
		row(s, r_heading, "sheet.questions", space(s, KT_GAP_S));
		for (int i = 0; i < nq; i++) {
			kt_pdf_need(p, row_height(s, r_question,
			    GUINT_TO_POINTER((guint)i)) + lines);
			row(s, r_question, GUINT_TO_POINTER((guint)i), 0);
			write_lines(s, nlines);
		}
	}
	panel(s);
	glossary(s);
	names(s);
	kt_pdf_end(p, KT_TAG_PART);
	return p->page - first + 1;
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

	if (err != NULL) {
		kt_pdf_join_free(j);
		kt_pdf_fail(k, rel, what, err);
	} else if ((file = kt_pdf_join_finish(j, info, &err)) == NULL) {
		kt_pdf_fail(k, rel, what, err);
	} else {
		if (!kt_writer_put(k->w, rel, g_bytes_get_data(file, NULL),
		    g_bytes_get_size(file), &err))
			kt_pdf_fail(k, rel, "", err);
		g_bytes_unref(file);
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

	for (int i = first; i < first + n && ok; i++)
		ok = kt_pdf_join_page(j, src, (guint)i, &err);
	put_joined(k, rel, j, &info, "cannot cut the sheet from its chunk: ",
	    err);
	g_free(kw);
	g_free(rel);
}

/*
 * Draws the sheets of a chunk into one PDF, a bookmark for each, and
 * cuts each single sheet from it. The chunk of bilingual sheets is not
 * kept: no bundle reads it.
 */
static void
draw_chunk(struct kt_pdfkit *k, const struct kt_language *lang,
    GPtrArray *items, const char *rel, gboolean bilingual)
{
	struct kt_pdf_meta meta = { NULL, NULL, SHEET_KEYWORDS };
	struct sheet *ss = g_new0(struct sheet, items->len);
	int *first = g_new0(int, items->len), *n = g_new0(int, items->len);
	int *tight = g_new0(int, items->len);
	GBytes *file = NULL;
	const char *data;
	gsize len = 0;
	struct kt_pdf_src *src;
	GError *err = NULL;
	gboolean again = TRUE, tagged = TRUE;

	/* drawn again while a sheet over two pages can still be squeezed */
	while (again) {
		struct kt_pdf *p = kt_pdf_open(k, rel, lang, &meta, FALSE);

		if (tagged)
			kt_pdf_tagged(p);
		p->unwritten = bilingual;
		again = FALSE;
		for (guint j = 0; j < items->len; j++) {
			const struct kt_item *it = g_ptr_array_index(items, j);
			const struct kt_text *t = kt_item_text(it, lang->code);

			g_free(ss[j].url);
			sheet_init(&ss[j], p, it, t, lang, bilingual);
			ss[j].tight = tight[j];
			n[j] = sheet_draw(&ss[j], t->title ? t->title :
			    it->slug);
			first[j] = p->page - n[j];	/* counted from 0 */
			if (n[j] > 2 && tight[j] < tightest(it)) {
				tight[j]++;
				again = TRUE;
			}
		}
		/* draws the last footer: ss lives until here */
		if (again)
			kt_pdf_discard(p);
		else if (kt_pdf_close_to(p, &file) < 0) {
			kt_warning(k->d, rel, 0, 0, "cairo could not tag these "
			    "sheets; they are drawn again without tags");
			tagged = FALSE;
			again = TRUE;
		}
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
		if (n[j] > 2)
			kt_warning(k->d, t->path, 0, 0, "the %ssheet takes %d "
			    "pages; shorten the text to fit two", bilingual ?
			    "bilingual " : "", n[j]);
	}
	kt_pdf_src_free(src);
	for (guint j = 0; j < items->len; j++)
		g_free(ss[j].url);
	g_free(ss);
	g_free(first);
	g_free(n);
	g_free(tight);
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
 * from the chunks they were drawn in (the jobs it needs): what a page
 * uses is copied once, what nothing uses is left out. Objects other than
 * streams are packed into object streams: a quarter smaller.
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
