/*
 * What a mentor prints: the tips as cards, four to an A4 with cut marks,
 * and a class checklist per assignment (a row per pupil, blank or from
 * the class list; who was reached, which sheets came back, discussed).
 */
#include <string.h>

#include "text/markdown.h"
#include "print/links.h"
#include "print/printables.h"

#define BLANK_ROWS 30	/* a class checklist without the class list */

struct tipcard {
	const struct kt_item *it;
	const struct kt_text *t;
};

struct tipcards {
	GArray *cards;		/* of struct tipcard */
	struct kt_diag *d;
};

static void
tip_card(struct kt_pdf *p, double x, double y, double w, double h, guint i,
    const void *data)
{
	const struct tipcards *all = data;
	const struct tipcard *c = &g_array_index(all->cards, struct tipcard,
	    i);
	double pad = KT_CARD_PAD, inner = w - 2 * pad, cy = y + pad;
	GString *m = g_string_new(NULL);
	char *e, *body = kt_pdf_md(p, p->lang, c->t->body);
	PangoLayout *l;

	kt_pdf_box(p, x, y, w, h, KT_GREY_CARD, KT_LINE_FINE);
	if (c->it->group >= 0) {
		char *key = g_strdup_printf("v.groep.%s",
		    kt_vocab_name(KT_V_GROUP, c->it->group));
		e = g_markup_escape_text(kt_str(p->kit->m, p->lang->code, key),
		    -1);
		g_free(key);
	} else {
		e = g_strdup("");
	}
	g_string_append_printf(m, "<span foreground=\"#%06x\"><b>%s</b></span>\n",
	    KT_GREEN, e);
	g_free(e);
	e = g_markup_escape_text(c->t->title ? c->t->title : c->it->slug, -1);
	g_string_append_printf(m, "<span size=\"larger\"><b>%s</b></span>\n"
	    "%s", e, body);
	g_free(e);
	for (guint n = 0; n < c->t->phrases->len; n++) {
		char *ph = kt_pdf_md(p, p->lang,
		    g_ptr_array_index(c->t->phrases, n));
		g_string_append_printf(m, "\n“%s”", ph);
		g_free(ph);
	}
	l = kt_pdf_text(p, m->str, KT_TYPE_CARD, FALSE, inner, -1, TRUE);
	if (kt_pdf_height(l) > h - 2 * pad)
		kt_warning(all->d, c->t->path, 0, 0, "the tip does not fit on "
		    "a card; shorten it");
	cairo_move_to(p->cr, x + pad, cy);
	pango_cairo_show_layout(p->cr, l);
	kt_pdf_links(p, l, x + pad, cy);
	g_object_unref(l);
	g_string_free(m, TRUE);
	g_free(body);
}

void
kt_tipcards(struct kt_pdfkit *k, const struct kt_plan_job *j)
{
	const struct kt_language *lang = j->lang;
	GPtrArray *items = j->items;
	GArray *cards = g_array_new(FALSE, FALSE, sizeof(struct tipcard));
	const char *title = kt_str(k->m, lang->code, "tipcards.title");
	struct kt_pdf_meta meta = { title, title, "LOB, tips" };
	struct tipcards all = { cards, k->d };
	struct kt_pdf *p;
	const char *rel = g_ptr_array_index(j->files, 0);

	for (guint i = 0; i < items->len; i++) {
		struct tipcard c = { g_ptr_array_index(items, i), NULL };

		c.t = kt_item_text(c.it, lang->code);
		if (c.t != NULL)
			g_array_append_val(cards, c);
	}
	if (cards->len == 0) {
		g_array_free(cards, TRUE);
		return;
	}
	p = kt_pdf_open(k, rel, lang, &meta, FALSE);
	kt_pdf_cards(p, cards->len, 2, 2, tip_card, &all);
	kt_pdf_close(p);
	g_array_free(cards, TRUE);
}

static void
checklist_footer(struct kt_pdf *p, void *data)
{
	char *m = g_markup_escape_text(data, -1);
	PangoLayout *l = kt_pdf_text(p, m, KT_TYPE_SMALL, FALSE,
	    kt_pdf_width(p), -1, TRUE);

	kt_pdf_show(p, l, p->left, p->h - KT_FOOTLINE_Y, kt_pdf_width(p));
	g_object_unref(l);
	g_free(m);
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
	for (int i = 0; i < 4; i++) {
		kt_pdf_show(p, l[i], x + KT_CELL_MARGIN / 2, p->y,
		    wd[i] - KT_CELL_MARGIN);
		x += wd[i];
		g_object_unref(l[i]);
	}
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

	if (!names)
		return g_strdup("Klas: ____________    Mentor: "
		    "____________________    Datum: ____________");
	if (o->mentor != NULL) {
		char *lines = kt_pdf_contact(p);
		char **parts = g_strsplit(lines, "\n", -1);

		who = g_strjoinv(", ", parts);
		g_strfreev(parts);
		g_free(lines);
	} else {
		who = NULL;
	}
	if (o->due != NULL) {
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
	    kt_pdf_str(p, "checklist.class"), o->class_name ? o->class_name :
	    "____________", kt_pdf_str(p, "checklist.mentor"), who ? who :
	    "____________________", kt_pdf_str(p, "checklist.date"), date);
	g_free(who);
	g_free(date);
	return s;
}

void
kt_checklist(struct kt_pdfkit *k, const struct kt_plan_job *j)
{
	const struct kt_item *it = j->it;
	const struct kt_language *dutch = j->lang;
	const struct kt_text *t = it->source;
	const char *rel = g_ptr_array_index(j->files, 0);
	struct kt_pdf_meta meta = { t->title, t->summary, "LOB, klassenlijst" };
	struct kt_pdf *p = kt_pdf_open(k, rel, dutch, &meta, FALSE);
	double w = kt_pdf_width(p), rowh = KT_CHECKLIST_ROW;
	const double wd[4] = { w * 0.46, w * 0.18, w * 0.18, w * 0.18 };
	/* names only in the private folder, never in out/ */
	GPtrArray *pupils = j->private ? k->o->pupils : NULL;
	guint rows = pupils != NULL ? pupils->len : BLANK_ROWS;
	char *title = g_strdup_printf("%s: %s", kt_pdf_str(p,
	    "checklist.title"), t->title ? t->title : it->slug);
	char *fields = checklist_fields(p, pupils != NULL);

	p->footer = checklist_footer;
	p->footer_data = title;
	p->bottom = p->h - KT_FOOTLINE_BAND;
	for (guint i = 0; i < rows; i++) {
		double x;

		if (p->page == 0 || p->y + rowh > p->bottom) {
			kt_pdf_page(p);
			kt_pdf_para(p, title, KT_TYPE_SUBHEADING, TRUE,
			    KT_GAP_XS);
			kt_pdf_para(p, fields, KT_TYPE_STAFF, FALSE,
			    KT_GAP_L);
			checklist_header(p, wd);
		}
		if (pupils != NULL) {
			char *m = g_markup_escape_text(g_ptr_array_index(
			    pupils, i), -1);
			PangoLayout *l = kt_pdf_text(p, m, KT_TYPE_STAFF, FALSE,
			    wd[0] - KT_CELL_MARGIN, -1, TRUE);
			kt_pdf_show(p, l, p->left + KT_CELL_MARGIN / 2,
			    p->y + KT_GAP_S, wd[0] - KT_CELL_MARGIN);
			g_object_unref(l);
			g_free(m);
		}
		/* a box to tick in each of the three columns */
		x = p->left + wd[0];
		for (int c = 1; c < 4; c++) {
			double box = KT_TICK_BOX_S;

			kt_pdf_box(p, kt_pdf_x(p, x + wd[c] / 2 - box / 2, box),
			    p->y + KT_GAP_S, box, box, KT_INK, KT_LINE_LIGHT);
			x += wd[c];
		}
		p->y += rowh;
		kt_pdf_rule(p, p->left, p->y, p->w - p->right, KT_GREY_ROW,
		    KT_LINE_HAIR);
	}
	kt_pdf_close(p);
	g_free(title);
	g_free(fields);
}
