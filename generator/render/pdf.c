/*
 * The take-home sheet: A4, one page where it fits and two at most, laid
 * out to the easy-reading rules (body 14 pt, line height 1.5, ragged,
 * pictogram of 16 mm at the reading-start side of every numbered step, a
 * box to tick). Every line of text goes through Pango, so Arabic is shaped
 * and right to left; for right-to-left languages the whole page mirrors.
 * Positions are computed from the start side and mirrored when drawn.
 */
#include "render.h"

#include <cairo-pdf.h>
#include <librsvg/rsvg.h>
#include <pango/pangocairo.h>
#include <qrencode.h>
#include <string.h>

#include "markdown.h"

#define MM 2.834645669
#define PAGE_W 595.2756
#define PAGE_H 841.8898
#define MARGIN (16 * MM)		/* left and right */
#define TOP (14 * MM)
#define BOTTOM (12 * MM)
#define FOOTER_H (25 * MM)
#define WRITE_LINE (8.5 * MM)	/* room for handwriting */
#define BODY 14.0
#define FONTS "Noto Sans, Noto Sans Arabic, Noto Sans Ethiopic"

struct sheets {
	const struct kt_model *m;
	const struct kt_render_opts *o;
	struct kt_writer *w;
	struct kt_diag *d;
	GHashTable *svg;	/* pictogram name -> RsvgHandle, loaded once */
	PangoFontMap *fonts;
	gboolean ok;
};

struct sheet {
	struct sheets *s;
	const struct kt_item *it;
	const struct kt_text *t;
	const struct kt_language *lang;
	cairo_t *cr;
	PangoContext *pc;
	double y;		/* cursor, from the top */
	int page;
	char *url;		/* the item's web page in this language */
};

static const char *
str(const struct sheet *sh, const char *key)
{
	return kt_str(sh->s->m, sh->lang->code, key);
}

/* x of a box of width w placed at start-relative x */
static double
X(const struct sheet *sh, double x, double w)
{
	return sh->lang->rtl ? PAGE_W - x - w : x;
}

static PangoLayout *
layout(struct sheet *sh, const char *markup, double size, gboolean bold,
    double width)
{
	PangoLayout *l = pango_layout_new(sh->pc);
	PangoFontDescription *fd = pango_font_description_from_string(FONTS);

	pango_font_description_set_size(fd, (gint)(size * PANGO_SCALE));
	if (bold)
		pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	pango_layout_set_width(l, (int)(width * PANGO_SCALE));
	pango_layout_set_wrap(l, PANGO_WRAP_WORD);
	pango_layout_set_auto_dir(l, FALSE);
	pango_layout_set_alignment(l, sh->lang->rtl ? PANGO_ALIGN_RIGHT :
	    PANGO_ALIGN_LEFT);
	/* line height 1.5 times the font size, as the rules ask */
	pango_layout_set_line_spacing(l, 0);
	pango_layout_set_markup(l, markup, -1);
	{
		PangoLayoutIter *it = pango_layout_get_iter(l);
		int h = pango_layout_iter_get_baseline(it);
		PangoRectangle r;

		pango_layout_iter_get_line_extents(it, NULL, &r);
		pango_layout_iter_free(it);
		(void)h;
		if (r.height > 0)
			pango_layout_set_line_spacing(l,
			    (float)(1.5 * size * PANGO_SCALE / r.height));
	}
	return l;
}

static double
height(PangoLayout *l)
{
	int w, h;

	pango_layout_get_size(l, &w, &h);
	return (double)h / PANGO_SCALE;
}

static void
show(struct sheet *sh, PangoLayout *l, double x, double y, double width)
{
	cairo_move_to(sh->cr, X(sh, x, width), y);
	pango_cairo_show_layout(sh->cr, l);
}

static char *
plain_markup(const char *s)
{
	return g_markup_escape_text(s, -1);
}

static void
draw_svg(struct sheet *sh, const char *name, double x, double y, double size)
{
	RsvgHandle *h;
	RsvgRectangle vp = { X(sh, x, size), y, size, size };
	GError *err = NULL;

	if (name == NULL)
		return;
	h = g_hash_table_lookup(sh->s->svg, name);
	if (h == NULL) {
		const struct kt_picto *pic = g_hash_table_lookup(
		    sh->s->m->pictograms, name);
		gsize len;
		const guint8 *data;

		if (pic == NULL)
			return;
		data = g_bytes_get_data(pic->svg, &len);
		h = rsvg_handle_new_from_data(data, len, &err);
		if (h == NULL) {
			kt_error(sh->s->d, pic->path, 0, 0, "cannot draw this "
			    "SVG: %s", err->message);
			g_error_free(err);
			sh->s->ok = FALSE;
			return;
		}
		g_hash_table_insert(sh->s->svg, (gpointer)name, h);
	}
	if (!rsvg_handle_render_document(h, sh->cr, &vp, &err)) {
		kt_error(sh->s->d, name, 0, 0, "cannot draw pictogram: %s",
		    err->message);
		g_error_free(err);
	}
}

static void
draw_qr(struct sheet *sh, const char *url, double x, double y, double size)
{
	QRcode *q = QRcode_encodeString(url, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
	double cell;

	if (q == NULL)
		return;
	cell = size / q->width;
	cairo_set_source_rgb(sh->cr, 0, 0, 0);
	for (int r = 0; r < q->width; r++)
		for (int c = 0; c < q->width; c++)
			if (q->data[r * q->width + c] & 1)
				cairo_rectangle(sh->cr, x + c * cell,
				    y + r * cell, cell, cell);
	cairo_fill(sh->cr);
	QRcode_free(q);
}

static void
footer(struct sheet *sh)
{
	double top = PAGE_H - BOTTOM - FOOTER_H + 4 * MM;
	double qr = 22 * MM, textw = PAGE_W - 2 * MARGIN - qr - 4 * MM;
	double y = top;
	PangoLayout *l;
	char *m;

	cairo_set_source_rgb(sh->cr, 0.6, 0.6, 0.6);
	cairo_set_line_width(sh->cr, 0.5);
	cairo_move_to(sh->cr, MARGIN, top - 3 * MM);
	cairo_line_to(sh->cr, PAGE_W - MARGIN, top - 3 * MM);
	cairo_stroke(sh->cr);
	cairo_set_source_rgb(sh->cr, 0, 0, 0);
	if (sh->t->status == KT_DRAFT) {
		m = plain_markup(str(sh, "sheet.draft"));
		l = layout(sh, m, 10, TRUE, textw);
		show(sh, l, MARGIN, y, textw);
		y += height(l);
		g_object_unref(l);
		g_free(m);
	}
	m = g_markup_printf_escaped("%s\n%s: %s\n%s",
	    sh->s->m->site.school ? sh->s->m->site.school : "",
	    str(sh, "sheet.web"), sh->url, str(sh, "sheet.credit"));
	l = layout(sh, m, 8, FALSE, textw);
	pango_layout_set_line_spacing(l, 0);
	show(sh, l, MARGIN, y, textw);
	g_object_unref(l);
	g_free(m);
	draw_qr(sh, sh->url, X(sh, PAGE_W - MARGIN - qr, qr), top, qr);
}

static void
new_page(struct sheet *sh)
{
	if (sh->page > 0) {
		footer(sh);
		cairo_show_page(sh->cr);
	}
	sh->page++;
	sh->y = TOP;
}

/* Makes room for h points, starting a new page when needed. */
static void
need(struct sheet *sh, double h)
{
	if (sh->y + h > PAGE_H - BOTTOM - FOOTER_H)
		new_page(sh);
}

static void
heading(struct sheet *sh, const char *s)
{
	char *m = plain_markup(s);
	PangoLayout *l = layout(sh, m, 18, TRUE, PAGE_W - 2 * MARGIN);
	double h = height(l);

	need(sh, h + 20 * MM);	/* keep a heading with what follows */
	sh->y += 3 * MM;
	show(sh, l, MARGIN, sh->y, PAGE_W - 2 * MARGIN);
	sh->y += h + 2 * MM;
	g_object_unref(l);
	g_free(m);
}

static void
title_block(struct sheet *sh)
{
	double pic = 22 * MM, gap = 5 * MM;
	double w = PAGE_W - 2 * MARGIN - pic - gap;
	char *m = plain_markup(sh->t->title ? sh->t->title : sh->it->slug);
	PangoLayout *l = layout(sh, m, 24, TRUE, w);
	double h = height(l);

	pango_layout_set_line_spacing(l, 0);
	h = height(l);
	draw_svg(sh, sh->it->pictogram, MARGIN, sh->y, pic);
	show(sh, l, MARGIN + pic + gap, sh->y + MAX(0, (pic - h) / 2), w);
	sh->y += MAX(pic, h) + 5 * MM;
	g_object_unref(l);
	g_free(m);
}

static void
paragraph(struct sheet *sh, const struct kt_md *md)
{
	char *m = kt_md_to_pango(md);
	PangoLayout *l = layout(sh, m, BODY, FALSE, PAGE_W - 2 * MARGIN);
	double h = height(l);

	need(sh, h);
	show(sh, l, MARGIN, sh->y, PAGE_W - 2 * MARGIN);
	sh->y += h + 3 * MM;
	g_object_unref(l);
	g_free(m);
}

static void
steps(struct sheet *sh)
{
	double pic = 16 * MM, num = 8 * MM, box = 6.5 * MM, gap = 4 * MM;
	double tx = MARGIN + pic + gap + num + 3 * MM;
	double tw = PAGE_W - MARGIN - box - gap - tx;

	heading(sh, str(sh, "sheet.steps"));
	for (guint i = 0; i < sh->t->steps->len; i++) {
		const struct kt_step *st = g_ptr_array_index(sh->t->steps, i);
		char *m = kt_md_to_pango(st->text);
		PangoLayout *l = layout(sh, m, BODY, FALSE, tw);
		double h = MAX(pic, height(l)), cy, nx;
		char n[8];
		PangoLayout *nl;

		need(sh, h + 2 * MM);
		draw_svg(sh, st->pictogram, MARGIN, sh->y, pic);
		/* the number in a dark disc */
		nx = MARGIN + pic + gap;
		cy = sh->y + MIN(pic / 2, 5 * MM);
		cairo_set_source_rgb(sh->cr, 0.11, 0.36, 0.30);
		cairo_arc(sh->cr, X(sh, nx, num) + num / 2, cy, num / 2, 0,
		    2 * G_PI);
		cairo_fill(sh->cr);
		g_snprintf(n, sizeof n, "%u", i + 1);
		nl = layout(sh, n, 14, TRUE, num);
		pango_layout_set_alignment(nl, PANGO_ALIGN_CENTER);
		pango_layout_set_line_spacing(nl, 0);
		cairo_set_source_rgb(sh->cr, 1, 1, 1);
		show(sh, nl, nx, cy - height(nl) / 2, num);
		g_object_unref(nl);
		cairo_set_source_rgb(sh->cr, 0, 0, 0);
		show(sh, l, tx, sh->y + MAX(0, MIN(pic / 2, 5 * MM) -
		    BODY * 0.75), tw);
		/* the box to tick, at the end of the line */
		cairo_set_line_width(sh->cr, 1.2);
		cairo_rectangle(sh->cr, X(sh, PAGE_W - MARGIN - box, box),
		    cy - box / 2, box, box);
		cairo_stroke(sh->cr);
		sh->y += h + 2 * MM;
		g_object_unref(l);
		g_free(m);
	}
}

static void
write_lines(struct sheet *sh, int n)
{
	cairo_set_source_rgb(sh->cr, 0.55, 0.55, 0.55);
	cairo_set_line_width(sh->cr, 0.6);
	for (int i = 0; i < n; i++) {
		sh->y += WRITE_LINE;
		cairo_move_to(sh->cr, MARGIN, sh->y);
		cairo_line_to(sh->cr, PAGE_W - MARGIN, sh->y);
	}
	cairo_stroke(sh->cr);
	cairo_set_source_rgb(sh->cr, 0, 0, 0);
	sh->y += 3 * MM;
}

static void
questions(struct sheet *sh)
{
	int lines = sh->it->write_lines;

	if (sh->t->questions->len == 0)
		return;
	heading(sh, str(sh, "sheet.questions"));
	for (guint i = 0; i < sh->t->questions->len; i++) {
		char *m = kt_md_to_pango(g_ptr_array_index(sh->t->questions,
		    i));
		PangoLayout *l = layout(sh, m, BODY, TRUE,
		    PAGE_W - 2 * MARGIN);
		double h = height(l);

		need(sh, h + lines * WRITE_LINE + 3 * MM);
		show(sh, l, MARGIN, sh->y, PAGE_W - 2 * MARGIN);
		sh->y += h;
		write_lines(sh, lines);
		g_object_unref(l);
		g_free(m);
	}
}

/*
 * Labels with a line to write on, in one row: the names of pupil and
 * parent, and the signature when the assignment asks for one.
 */
static void
names(struct sheet *sh)
{
	const char *keys[3] = { "sheet.pupil", "sheet.parent",
	    "sheet.signature" };
	int n = sh->it->signature ? 3 : 2;
	double gap = 6 * MM, colw = (PAGE_W - 2 * MARGIN - (n - 1) * gap) / n;
	double row = 16 * MM;

	need(sh, row + 4 * MM);
	sh->y += 4 * MM;
	for (int i = 0; i < n; i++) {
		char *m = plain_markup(str(sh, keys[i]));
		PangoLayout *l = layout(sh, m, BODY, FALSE, colw);
		double x = MARGIN + i * (colw + gap);

		pango_layout_set_line_spacing(l, 0);
		show(sh, l, x, sh->y, colw);
		cairo_set_source_rgb(sh->cr, 0.4, 0.4, 0.4);
		cairo_set_line_width(sh->cr, 0.6);
		cairo_move_to(sh->cr, X(sh, x, colw), sh->y + row);
		cairo_line_to(sh->cr, X(sh, x, colw) + colw, sh->y + row);
		cairo_stroke(sh->cr);
		cairo_set_source_rgb(sh->cr, 0, 0, 0);
		g_object_unref(l);
		g_free(m);
	}
	sh->y += row + 2 * MM;
}

static char *
iso_date(long long epoch)
{
	GDateTime *dt = g_date_time_new_from_unix_utc(epoch);
	char *s = g_date_time_format(dt, "%Y-%m-%dT%H:%M:%S");

	g_date_time_unref(dt);
	return s;
}

static void
render_sheet(struct sheets *s, const struct kt_item *it,
    const struct kt_text *t, const struct kt_language *lang)
{
	char *rel = kt_sheet_path(lang->code, it->slug);
	char *page = kt_page_path(lang->code, it->kind, it->slug);
	GError *err = NULL;
	char *path = kt_writer_path(s->w, rel, &err);
	cairo_surface_t *surf;
	struct sheet sh = { s, it, t, lang, NULL, NULL, 0, 0, NULL };

	if (path == NULL) {
		kt_error(s->d, rel, 0, 0, "%s", err->message);
		g_error_free(err);
		s->ok = FALSE;
		goto done;
	}
	sh.url = g_strconcat(s->m->site.base_url ? s->m->site.base_url : "",
	    page, NULL);
	surf = cairo_pdf_surface_create(path, PAGE_W, PAGE_H);
	cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_TITLE,
	    t->title ? t->title : it->slug);
	cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_AUTHOR,
	    s->m->site.school ? s->m->site.school : "");
	cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_SUBJECT,
	    t->summary ? t->summary : "");
	cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_KEYWORDS,
	    lang->code);
	cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_CREATOR,
	    "keukentafel");
	if (s->o->epoch >= 0) {
		char *d = iso_date(s->o->epoch);
		cairo_pdf_surface_set_metadata(surf,
		    CAIRO_PDF_METADATA_CREATE_DATE, d);
		cairo_pdf_surface_set_metadata(surf,
		    CAIRO_PDF_METADATA_MOD_DATE, d);
		g_free(d);
	}
	sh.cr = cairo_create(surf);
	sh.pc = pango_font_map_create_context(s->fonts);
	pango_cairo_context_set_resolution(sh.pc, 72);
	pango_context_set_base_dir(sh.pc, lang->rtl ? PANGO_DIRECTION_RTL :
	    PANGO_DIRECTION_LTR);
	pango_context_set_language(sh.pc, pango_language_from_string(
	    lang->code));
	pango_cairo_update_context(sh.cr, sh.pc);

	new_page(&sh);
	title_block(&sh);
	paragraph(&sh, t->intro);
	steps(&sh);
	questions(&sh);
	names(&sh);
	footer(&sh);
	if (sh.page > 2)
		kt_warning(s->d, t->path, 0, 0, "the sheet takes %d pages; "
		    "shorten the text to fit two", sh.page);

	cairo_destroy(sh.cr);
	cairo_surface_finish(surf);
	if (cairo_surface_status(surf) != CAIRO_STATUS_SUCCESS) {
		kt_error(s->d, rel, 0, 0, "cannot write the PDF: %s",
		    cairo_status_to_string(cairo_surface_status(surf)));
		s->ok = FALSE;
	}
	cairo_surface_destroy(surf);
	g_object_unref(sh.pc);
	g_free(sh.url);
done:
	g_free(path);
	g_free(page);
	g_free(rel);
}

gboolean
kt_render_sheets(const struct kt_model *m, const struct kt_render_opts *o,
    struct kt_writer *w, struct kt_diag *d)
{
	struct sheets s = { m, o, w, d, NULL, NULL, TRUE };
	GPtrArray *items = m->items[KT_OPDRACHT];

	s.svg = g_hash_table_new_full(g_str_hash, g_str_equal, NULL,
	    g_object_unref);
	s.fonts = pango_cairo_font_map_new();
	for (guint i = 0; i < items->len; i++) {
		const struct kt_item *it = g_ptr_array_index(items, i);

		for (guint j = 0; j < m->site.languages->len; j++) {
			const struct kt_language *l = g_ptr_array_index(
			    m->site.languages, j);
			const struct kt_text *t = kt_item_text(it, l->code);

			if (t != NULL)
				render_sheet(&s, it, t, l);
		}
	}
	g_hash_table_destroy(s.svg);
	g_object_unref(s.fonts);
	return s.ok;
}
