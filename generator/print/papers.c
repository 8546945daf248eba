/*
 * What the evening's and the mentor's printables share: the heading row
 * (a pictogram at the reading start, the title, the school's logo at the
 * end), the note on page 1 of a draft translation, the one-line footer,
 * columns measured from their widest entry, and a tagged document
 * drawn again untagged when cairo cannot tag it. The printables
 * themselves are in evening.c and mentor.c.
 */
#include "print/printables.h"

#include <string.h>

void
kt_paper_footer(struct kt_pdf *p, void *data)
{
	char *m = data != NULL ? g_markup_escape_text(data, -1) :
	    g_markup_printf_escaped("%s · %s", p->kit->m->site.school ?
	    p->kit->m->site.school : "", kt_pdf_str(p, "sheet.credit"));
	PangoLayout *l = kt_pdf_text(p, m, KT_TYPE_SMALL, FALSE,
	    kt_pdf_width(p), -1, TRUE);

	kt_pdf_show(p, l, p->left, p->h - KT_FOOTLINE_Y, kt_pdf_width(p));
	g_object_unref(l);
	g_free(m);
}

void
kt_paper_head(struct kt_pdf *p, const char *picto, double pic,
    const char *kicker, const char *title, double size)
{
	double logo = p->kit->m->site.logo_data != NULL ? KT_LOGO : 0;
	double gap = KT_GAP_XL, x = p->left + (pic > 0 ? pic + gap : 0);
	double w = p->w - p->right - (logo > 0 ? logo + gap : 0) - x;
	double row = MAX(pic, logo), h, H;
	GString *m = g_string_new(NULL);
	PangoLayout *l;

	if (kicker != NULL) {
		char *e = g_markup_escape_text(kicker, -1);

		g_string_append_printf(m, "<span foreground=\"#%06x\" "
		    "size=\"%d\">%s</span>\n", KT_GREEN,
		    (int)(KT_TYPE_SUBHEADING * PANGO_SCALE), e);
		g_free(e);
	}
	{
		char *e = g_markup_escape_text(title, -1);

		g_string_append(m, e);
		g_free(e);
	}
	l = kt_pdf_text(p, m->str, size, TRUE, w, -1, TRUE);
	h = kt_pdf_height(l);
	H = MAX(row, h);	/* each of the three centred on the row */
	kt_pdf_need(p, H);
	/* the title first: cairo 1.16 cannot tag a document whose first
	 * marked content is a pictogram (a TAG_ERROR when it finishes) */
	kt_pdf_show_as(p, KT_TAG_H1, l, x, p->y + (H - h) / 2, w);
	if (pic > 0)
		kt_pdf_picto(p, picto, p->left, p->y + (H - pic) / 2, pic);
	if (logo > 0)
		kt_pdf_logo(p, kt_pdf_x(p, p->w - p->right - logo, logo),
		    p->y + (H - logo) / 2, logo, logo);
	p->y += H + KT_GAP_L;
	g_object_unref(l);
	g_string_free(m, TRUE);
}

gboolean
kt_paper_draft(struct kt_pdf *p, const struct kt_text *t)
{
	const struct kt_language *dutch = g_ptr_array_index(
	    p->kit->m->site.languages, 0);
	char *m;
	PangoLayout *l;

	/* without a text: UI strings, every translation of them a draft */
	if (t != NULL ? t->status != KT_DRAFT : p->lang == dutch)
		return FALSE;
	m = g_markup_escape_text(kt_pdf_str(p, "sheet.draft"), -1);
	l = kt_pdf_text(p, m, KT_TYPE_NOTE, TRUE, kt_pdf_width(p), -1, TRUE);
	kt_pdf_need(p, kt_pdf_height(l));
	kt_pdf_show_as(p, KT_TAG_P, l, p->left, p->y, kt_pdf_width(p));
	p->y += kt_pdf_height(l) + KT_GAP_M;
	g_object_unref(l);
	g_free(m);
	return TRUE;
}

double
kt_paper_natural(struct kt_pdf *p, const char *markup, double size,
    gboolean bold, gboolean widest_word)
{
	PangoLayout *l;
	PangoRectangle ink, logical;
	char *text = NULL, **words;
	double w = 0;

	if (!widest_word) {
		l = kt_pdf_text(p, markup, size, bold, p->w * 4, -1, TRUE);
		pango_layout_get_extents(l, &ink, &logical);
		g_object_unref(l);
		return (double)logical.width / PANGO_SCALE;
	}
	/* Pango breaks a word that does not fit its line: measure each */
	if (!pango_parse_markup(markup, -1, 0, NULL, &text, NULL, NULL))
		return 0;
	words = g_strsplit_set(text, " \n\t", -1);
	for (int i = 0; words[i] != NULL; i++) {
		char *e = g_markup_escape_text(words[i], -1);

		if (*e != '\0')
			w = MAX(w, kt_paper_natural(p, e, size, bold, FALSE));
		g_free(e);
	}
	g_strfreev(words);
	g_free(text);
	return w;
}

void
kt_paper_columns(struct kt_pdf *p, GPtrArray *const *cells, int n,
    int flex, double cap, double *wd)
{
	double rest = kt_pdf_width(p);

	for (int c = 0; c < n; c++) {
		double want = 0, least = 0;

		if (c == flex || wd[c] > 0) {	/* set by the caller */
			rest -= c == flex ? 0 : wd[c];
			continue;
		}
		for (guint r = 0; r < cells[c]->len; r++) {
			const char *m = g_ptr_array_index(cells[c], r);

			want = MAX(want, kt_paper_natural(p, m, KT_TYPE_STAFF,
			    r == 0, FALSE));
			least = MAX(least, kt_paper_natural(p, m,
			    KT_TYPE_STAFF, r == 0, TRUE));
		}
		/* the widest entry on one line, else wrapped in the cap,
		 * never narrower than its widest word */
		wd[c] = MAX(MIN(want, cap), least) + KT_CELL_MARGIN + 1;
		rest -= wd[c];
	}
	wd[flex] = rest;
}

void
kt_paper_cards_head(struct kt_pdf *p, const char *picto, const char *title,
    const struct kt_text *t)
{
	kt_pdf_page(p);
	kt_paper_head(p, picto, KT_PICTO, NULL, title, KT_TYPE_HEADING);
	kt_paper_draft(p, t);
}

/* Whether a quote after prev opens: at the start, after a space or an
 * opening bracket. */
static gboolean
opens(gunichar prev)
{
	return prev == 0 || g_unichar_isspace(prev) || prev == '(' ||
	    prev == '[' || prev == 0x201C || prev == 0x2018;
}

char *
kt_paper_quotes(const char *markup)
{
	GString *s = g_string_new(NULL);
	gunichar prev = 0;
	gboolean tag = FALSE;

	for (const char *c = markup; *c != '\0'; c = g_utf8_next_char(c)) {
		gunichar u = g_utf8_get_char(c);
		int dbl = -1;	/* 1: a double quote, 0: a single one */

		if (tag || u == '<') {
			tag = u != '>';
			g_string_append_unichar(s, u);
			continue;
		}
		if (u == '"' || g_str_has_prefix(c, "&quot;"))
			dbl = 1;
		else if (u == '\'' || g_str_has_prefix(c, "&apos;") ||
		    g_str_has_prefix(c, "&#39;"))
			dbl = 0;
		if (dbl < 0) {
			g_string_append_unichar(s, u);
			prev = u;
			continue;
		}
		if (u == '&')
			c = strchr(c, ';');
		/* an apostrophe inside a word ("zo'n") is a closing one */
		u = dbl ? (opens(prev) ? 0x201C : 0x201D) :
		    (opens(prev) ? 0x2018 : 0x2019);
		g_string_append_unichar(s, u);
		prev = u;
	}
	return g_string_free(s, FALSE);
}

int
kt_paper_close(struct kt_pdfkit *k, const struct kt_plan_job *j,
    kt_paper_fn draw, void *data)
{
	int pages = kt_pdf_close(draw(k, j, TRUE, data));

	if (pages < 0) {
		kt_warning(k->d, g_ptr_array_index(j->files, 0), 0, 0,
		    KT_PAPER_UNTAGGED);
		pages = kt_pdf_close(draw(k, j, FALSE, data));
	}
	return pages;
}
