/*
 * The drawing primitives of every printable: text laid out by Pango
 * (shaped, bidirectional), pictograms drawn by librsvg, QR codes, links,
 * rules, boxes, cards on a grid with cut marks. Fonts are a list of Noto
 * families, so Arabic and Ethiopic never fall back to another font;
 * Pango's resolution is 72 dpi, so sizes are points (print/style.h's).
 */
#include "print/pdfkit.h"
#include "print/links.h"
#include "print/tags.h"

#include "text/url.h"

#include <cairo-pdf.h>
#include <librsvg/rsvg.h>
#include <qrencode.h>
#include <string.h>

/*
 * The thread's Pango context for text in a language and a direction. All
 * PDF surfaces have the same font options, so a context made with one
 * document serves every document the thread draws.
 */
static PangoContext *
context(struct kt_pdf *p, const char *lang, gboolean rtl)
{
	GHashTable *cs = p->kit->contexts;
	char *key = g_strdup_printf("%s %d", lang, rtl);
	PangoContext *c = g_hash_table_lookup(cs, key);

	if (c != NULL) {
		g_free(key);
		return c;
	}
	c = pango_font_map_create_context(p->kit->fonts);
	pango_cairo_context_set_resolution(c, 72);
	/* glyphs where the font puts them: rounding each to a whole point
	 * (Pango's default, meant for screens) makes the spacing uneven and
	 * costs a number per glyph in the PDF */
	pango_context_set_round_glyph_positions(c, FALSE);
	pango_context_set_base_dir(c, rtl ? PANGO_DIRECTION_RTL :
	    PANGO_DIRECTION_LTR);
	pango_context_set_language(c, pango_language_from_string(lang));
	pango_cairo_update_context(p->cr, c);
	g_hash_table_insert(cs, key, c);
	return c;
}

/*
 * A text with characters that no font of the printables has (doc.c's
 * fonts_config()) prints them as boxes: the build says so, once for each
 * text, naming its content file (or else the printable).
 */
static void
unknown_glyphs(struct kt_pdf *p, PangoLayout *l)
{
	int n = pango_layout_get_unknown_glyphs_count(l);
	const char *t = pango_layout_get_text(l);
	char *key, *shown;

	if (n == 0)
		return;
	key = g_strconcat("glyphs ", t, NULL);
	if (kt_diag_once(p->kit->d, key)) {
		shown = g_utf8_substring(t, 0, MIN(g_utf8_strlen(t, -1), 60));
		g_strdelimit(shown, "\n", ' ');
		kt_warning(p->kit->d, p->source != NULL ? p->source :
		    p->rel, 0, 0, "\"%s\" has %d "
		    "character%s that no font of the printables has (%s); "
		    "%s as a box", shown, n, n == 1 ? "" : "s", KT_FONTS,
		    n == 1 ? "it prints" : "each prints");
		g_free(shown);
	}
	g_free(key);
}

static PangoLayout *
text(struct kt_pdf *p, const char *lang, gboolean r, const char *markup,
    double size, gboolean bold, double width, gboolean tight)
{
	GHashTable *cache = p->kit->layouts;
	PangoLayout *l;
	PangoFontDescription *fd;
	PangoAttrList *attrs;
	char *key = g_strdup_printf("%s %d %d %d %d %d %s", lang,
	    (int)(size * 100), bold, (int)(width * 100), r, tight, markup);

	/*
	 * Rows are measured before they are drawn, and the same texts come
	 * back on the next sheets (labels, footers, the Dutch column of each
	 * bilingual sheet), so most texts are asked for twice or more: the
	 * second time is the first layout, already shaped. One whose
	 * alignment a caller changed (and may still hold) is not handed out
	 * again: a new one takes its place.
	 */
	l = g_hash_table_lookup(cache, key);
	if (l != NULL && pango_layout_get_alignment(l) == (r ?
	    PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT)) {
		g_free(key);
		return g_object_ref(l);
	}
	if (g_hash_table_size(cache) >= 1024)
		g_hash_table_remove_all(cache);
	l = pango_layout_new(context(p, lang, r));
	fd = pango_font_description_from_string(KT_FONTS);

	pango_font_description_set_size(fd, (gint)(size * PANGO_SCALE));
	if (bold)
		pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	pango_layout_set_width(l, (int)(width * PANGO_SCALE));
	pango_layout_set_wrap(l, PANGO_WRAP_WORD);
	/* ragged, never justified; the alignment follows the column, so an
	 * Arabic line that starts with "LOB" is still right-aligned */
	pango_layout_set_justify(l, FALSE);
	pango_layout_set_auto_dir(l, FALSE);
	pango_layout_set_alignment(l, r ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
	pango_layout_set_markup(l, markup, -1);
	/* the line height a number of times the size, whatever the script's
	 * font says, so Arabic and Latin lines keep one rhythm */
	attrs = pango_layout_get_attributes(l);
	attrs = attrs != NULL ? pango_attr_list_copy(attrs) :
	    pango_attr_list_new();
	pango_attr_list_insert(attrs, pango_attr_line_height_new_absolute(
	    (int)((tight ? KT_LEADING_TIGHT : KT_LEADING) * size *
	    PANGO_SCALE)));
	pango_layout_set_attributes(l, attrs);
	pango_attr_list_unref(attrs);
	unknown_glyphs(p, l);
	g_hash_table_replace(cache, key, g_object_ref(l));
	return l;
}

PangoLayout *
kt_pdf_text(struct kt_pdf *p, const char *markup, double size,
    gboolean bold, double width, int rtl, gboolean tight)
{
	return text(p, p->lang->code, rtl < 0 ? p->lang->rtl : rtl != 0,
	    markup, size, bold, width, tight);
}

PangoLayout *
kt_pdf_text_in(struct kt_pdf *p, const struct kt_language *lang,
    const char *markup, double size, gboolean bold, double width,
    gboolean tight)
{
	return text(p, lang->code, lang->rtl, markup, size, bold, width,
	    tight);
}

double
kt_pdf_height(PangoLayout *l)
{
	int w, h;

	pango_layout_get_size(l, &w, &h);
	return (double)h / PANGO_SCALE;
}

void
kt_pdf_show(struct kt_pdf *p, PangoLayout *l, double x, double y,
    double width)
{
	cairo_move_to(p->cr, kt_pdf_x(p, x, width), y);
	pango_cairo_show_layout(p->cr, l);
	kt_pdf_links(p, l, kt_pdf_x(p, x, width), y);
}

void
kt_pdf_show_as(struct kt_pdf *p, enum kt_tag tag, PangoLayout *l, double x,
    double y, double width)
{
	kt_pdf_begin(p, tag);
	kt_pdf_show(p, l, x, y, width);
	kt_pdf_end(p, tag);
}

double
kt_pdf_put_in(struct kt_pdf *p, enum kt_tag tag, const char *lang,
    PangoLayout *l, double x, double y, double width, gboolean draw)
{
	double h = kt_pdf_height(l);

	if (draw) {
		kt_pdf_begin_in(p, tag, lang);
		kt_pdf_show(p, l, x, y, width);
		kt_pdf_end(p, tag);
	}
	g_object_unref(l);
	return h;
}

/* A paragraph; an element of type tag when tag >= 0, begun on the page
 * it is drawn on. */
static void
para(struct kt_pdf *p, int tag, const char *text, double size,
    gboolean bold, double after)
{
	char *m = g_markup_escape_text(text, -1);
	PangoLayout *l = kt_pdf_text(p, m, size, bold, kt_pdf_width(p), -1,
	    FALSE);
	double h = kt_pdf_height(l);

	kt_pdf_need(p, h);
	if (tag >= 0)
		kt_pdf_show_as(p, (enum kt_tag)tag, l, p->left, p->y,
		    kt_pdf_width(p));
	else
		kt_pdf_show(p, l, p->left, p->y, kt_pdf_width(p));
	p->y += h + after;
	g_object_unref(l);
	g_free(m);
}

void
kt_pdf_para(struct kt_pdf *p, const char *text, double size, gboolean bold,
    double after)
{
	para(p, -1, text, size, bold, after);
}

void
kt_pdf_para_as(struct kt_pdf *p, enum kt_tag tag, const char *text,
    double size, gboolean bold, double after)
{
	para(p, (int)tag, text, size, bold, after);
}

/*
 * A pictogram is drawn by librsvg once per thread, into a recording
 * surface of PICTO_REF points square, and painted from there, scaled:
 * cairo writes a recording it is given as a source once per PDF, as a
 * form, and each use is a reference to it. Drawn again at every use,
 * librsvg's work and the paths' numbers were a quarter of the time of a
 * sheet. The box has a margin, so a stroke on the edge of the view box
 * is not cut. Where the drawing's ink lies is kept with it: OpenMoji's
 * drawings fill 60 to 90% of their view box, so a pictogram asked for at
 * a visible size is scaled by its ink, not its box.
 *
 * cairo 1.16 names a form in a page's resources once for every time it
 * is painted there; kt_pdf_unique_names() blanks the repeats.
 */
#define PICTO_REF 72.0
#define PICTO_MARGIN 4.0

struct picto {
	cairo_surface_t *rec;
	RsvgRectangle ink;	/* in the recording's points */
};

void
kt_pdf_picto_free(gpointer data)
{
	struct picto *pic = data;

	if (pic == NULL)
		return;
	cairo_surface_destroy(pic->rec);
	g_free(pic);
}

/*
 * Where a recording's ink is, in its points, measured on a raster of it
 * (PICTO_INK_PX a point): librsvg's ink rectangle of an OpenMoji drawing
 * is up to a third larger than what it draws. An empty drawing keeps its
 * box.
 */
#define PICTO_INK_PX 2
#define PICTO_INK_ALPHA 64

static RsvgRectangle
ink_of(cairo_surface_t *rec, const RsvgRectangle *box)
{
	int n = (int)PICTO_REF * PICTO_INK_PX, stride;
	cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_A8, n,
	    n);
	cairo_t *cr = cairo_create(img);
	const unsigned char *px;
	int x0 = n, x1 = -1, y0 = n, y1 = -1;
	RsvgRectangle ink = *box;

	cairo_scale(cr, PICTO_INK_PX, PICTO_INK_PX);
	cairo_set_source_surface(cr, rec, 0, 0);
	cairo_paint(cr);
	cairo_destroy(cr);
	cairo_surface_flush(img);
	px = cairo_image_surface_get_data(img);
	stride = cairo_image_surface_get_stride(img);
	for (int y = 0; y < n; y++)
		for (int x = 0; x < n; x++)
			if (px[y * stride + x] >= PICTO_INK_ALPHA) {
				x0 = MIN(x0, x);
				x1 = MAX(x1, x);
				y0 = MIN(y0, y);
				y1 = MAX(y1, y);
			}
	if (x1 >= 0) {
		ink.x = (double)x0 / PICTO_INK_PX;
		ink.y = (double)y0 / PICTO_INK_PX;
		ink.width = (double)(x1 - x0 + 1) / PICTO_INK_PX;
		ink.height = (double)(y1 - y0 + 1) / PICTO_INK_PX;
	}
	cairo_surface_destroy(img);
	return ink;
}

static struct picto *
picto_record(struct kt_pdfkit *k, const char *name)
{
	const struct kt_picto *pic = g_hash_table_lookup(k->m->pictograms,
	    name);
	cairo_rectangle_t box = { -PICTO_MARGIN, -PICTO_MARGIN,
	    PICTO_REF + 2 * PICTO_MARGIN, PICTO_REF + 2 * PICTO_MARGIN };
	RsvgRectangle vp = { 0, 0, PICTO_REF, PICTO_REF };
	struct picto *rec = NULL;
	RsvgHandle *h;
	GError *err = NULL;
	const guint8 *data;
	gsize len;
	cairo_t *cr;

	if (pic == NULL)
		return NULL;
	data = g_bytes_get_data(pic->svg, &len);
	h = rsvg_handle_new_from_data(data, len, &err);
	if (h == NULL) {
		kt_pdf_fail(k, pic->path, "cannot draw this SVG: ", err);
		return NULL;
	}
	rec = g_new0(struct picto, 1);
	rec->rec = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA,
	    &box);
	cr = cairo_create(rec->rec);
	if (!rsvg_handle_render_document(h, cr, &vp, &err)) {
		kt_pdf_fail(k, pic->path, "cannot draw pictogram: ", err);
		kt_pdf_picto_free(rec);
		rec = NULL;
	} else {
		rec->ink = ink_of(rec->rec, &vp);
	}
	cairo_destroy(cr);
	g_object_unref(h);
	return rec;
}

/*
 * A pictogram's alternative text: its description (picto.<name>) in the
 * language it is drawn in, else in Dutch with *lang "nl", else its name.
 */
static const char *
picto_alt(const struct kt_pdf *p, const char *name, const char **lang)
{
	GHashTable *t = g_hash_table_lookup(p->kit->m->strings, *lang);
	char *key = g_strconcat("picto.", name, NULL);
	const char *alt = t != NULL ? g_hash_table_lookup(t, key) : NULL;

	if (alt == NULL) {
		*lang = "nl";
		alt = kt_str(p->kit->m, "nl", key);
	}
	g_free(key);
	return *alt != '\0' ? alt : name;
}

static const struct picto *
picto(struct kt_pdf *p, const char *name)
{
	struct picto *rec;

	if (name == NULL)
		return NULL;
	/* a pictogram librsvg could not draw is tried once per thread */
	if (!g_hash_table_lookup_extended(p->kit->svg, name, NULL,
	    (gpointer *)&rec)) {
		rec = picto_record(p->kit, name);
		g_hash_table_insert(p->kit->svg, (gpointer)name, rec);
	}
	return rec;
}

/* Paints a recording scaled by scale with its origin at x, y: in a
 * tagged document a Figure described in lang, or (NULL) the language it
 * is in. */
static void
picto_paint(struct kt_pdf *p, const char *name, const struct picto *rec,
    double x, double y, double scale, const char *in)
{
	gboolean tag = kt_pdf_tagging(p);

	if (tag) {
		const char *lang = in != NULL ? in : kt_pdf_tag_lang(p);
		const char *alt = picto_alt(p, name, &lang);

		kt_pdf_figure(p, alt, lang);
	}
	cairo_save(p->cr);
	cairo_translate(p->cr, x, y);
	cairo_scale(p->cr, scale, scale);
	cairo_set_source_surface(p->cr, rec->rec, 0, 0);
	cairo_paint(p->cr);
	cairo_restore(p->cr);
	if (tag)
		kt_pdf_end(p, KT_TAG_FIGURE);
	/* as librsvg drawing here did: no current point is left */
	cairo_new_path(p->cr);
}

void
kt_pdf_picto(struct kt_pdf *p, const char *name, double x, double y,
    double size)
{
	const struct picto *rec = picto(p, name);

	if (rec != NULL)
		picto_paint(p, name, rec, kt_pdf_x(p, x, size), y,
		    size / PICTO_REF, NULL);
}

void
kt_pdf_picto_in(struct kt_pdf *p, const struct kt_language *lang,
    const char *name, double x, double y, double size)
{
	const struct picto *rec = picto(p, name);

	if (rec != NULL)
		picto_paint(p, name, rec, kt_pdf_x(p, x, size), y,
		    size / PICTO_REF, lang->code);
}

void
kt_pdf_picto_ink(struct kt_pdf *p, const char *name, double x, double y,
    double size)
{
	const struct picto *rec = picto(p, name);
	double s, left;

	if (rec == NULL)
		return;
	s = size / MAX(rec->ink.width, rec->ink.height);
	left = kt_pdf_x(p, x, size) + (size - rec->ink.width * s) / 2;
	picto_paint(p, name, rec, left - rec->ink.x * s,
	    y + (size - rec->ink.height * s) / 2 - rec->ink.y * s, s, NULL);
}

/* Arabic and Ethiopic look a size smaller than Latin at one size. */
static gboolean
larger_script(const struct kt_language *lang)
{
	const char *c = lang->name;

	/* the script of the language's own name: "العربية", "ትግርኛ", "دری" */
	while (c != NULL && *c != '\0' && !g_unichar_isalpha(
	    g_utf8_get_char(c)))
		c = g_utf8_next_char(c);
	if (c != NULL && *c != '\0') {
		GUnicodeScript sc = g_unichar_get_script(g_utf8_get_char(c));

		return sc == G_UNICODE_SCRIPT_ARABIC ||
		    sc == G_UNICODE_SCRIPT_ETHIOPIC;
	}
	return FALSE;
}

double
kt_pdf_size_in(const struct kt_language *lang, double size)
{
	return larger_script(lang) ? size + KT_TYPE_SCRIPT_LARGER : size;
}

struct png_read {
	const guint8 *data;
	gsize len, at;
};

static cairo_status_t
png_read(void *closure, unsigned char *buf, unsigned int n)
{
	struct png_read *r = closure;

	if (r->at + n > r->len)
		return CAIRO_STATUS_READ_ERROR;
	memcpy(buf, r->data + r->at, n);
	r->at += n;
	return CAIRO_STATUS_SUCCESS;
}

void
kt_pdf_logo(struct kt_pdf *p, double x, double y, double w, double h)
{
	const struct kt_site *site = &p->kit->m->site;
	gsize len;
	const guint8 *data;
	gboolean tag = kt_pdf_tagging(p);

	if (site->logo_data == NULL)
		return;
	if (tag)
		kt_pdf_figure(p, site->school != NULL ? site->school : "", NULL);
	data = g_bytes_get_data(site->logo_data, &len);
	if (site->logo_svg) {
		RsvgHandle *hd = rsvg_handle_new_from_data(data, len, NULL);
		RsvgRectangle vp = { x, y, w, h };

		if (hd != NULL) {
			rsvg_handle_render_document(hd, p->cr, &vp, NULL);
			g_object_unref(hd);
		}
	} else {
		struct png_read r = { data, len, 0 };
		cairo_surface_t *img = cairo_image_surface_create_from_png_stream(
		    png_read, &r);

		if (cairo_surface_status(img) == CAIRO_STATUS_SUCCESS) {
			double iw = cairo_image_surface_get_width(img);
			double ih = cairo_image_surface_get_height(img);
			double s = MIN(w / iw, h / ih);

			cairo_save(p->cr);
			cairo_translate(p->cr, x + (w - iw * s) / 2,
			    y + (h - ih * s) / 2);
			cairo_scale(p->cr, s, s);
			cairo_set_source_surface(p->cr, img, 0, 0);
			cairo_paint(p->cr);
			cairo_restore(p->cr);
		}
		cairo_surface_destroy(img);
	}
	if (tag)
		kt_pdf_end(p, KT_TAG_FIGURE);
}

/*
 * The address percent-encoded, so the PDF's /URI is ASCII, then quoted
 * for cairo's attribute syntax: a string in '...' where a backslash
 * escapes the next character (an encoded address has no backslash, but
 * may have a ').
 */
static char *
link_uri(const char *url)
{
	char *enc = kt_url_encode(url);
	GString *s = g_string_new("'");

	for (const char *c = enc; *c; c++) {
		if (*c == '\'' || *c == '\\')
			g_string_append_c(s, '\\');
		g_string_append_c(s, *c);
	}
	g_string_append_c(s, '\'');
	g_free(enc);
	return g_string_free(s, FALSE);
}

void
kt_pdf_link(struct kt_pdf *p, const char *url, double x, double y, double w,
    double h)
{
	char *uri = link_uri(url);
	char *attrs = g_strdup_printf("rect=[%.2f %.2f %.2f %.2f] uri=%s",
	    x, y, w, h, uri);

	p->links = TRUE;
	kt_pdf_tag_link(p, attrs);
	g_free(attrs);
	g_free(uri);
}

/*
 * The code is a 1-bit image, a module per pixel, drawn as a stencil mask
 * scaled without smoothing: a handful of bytes in the PDF where a path of
 * a rectangle per module costs some 9000 numbers (and their formatting
 * was a quarter of the time of a sheet). The kit keeps the last code it
 * made: every page of a sheet has the same one in its footer, and one
 * image painted twice is written once in the PDF.
 */
static cairo_surface_t *
qr_image(struct kt_pdfkit *k, const char *url)
{
	QRcode *q;
	cairo_surface_t *img;
	unsigned char *px;
	int stride;

	if (k->qr_url != NULL && strcmp(k->qr_url, url) == 0)
		return k->qr;
	q = QRcode_encodeString(url, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
	if (q == NULL)
		return NULL;
	img = cairo_image_surface_create(CAIRO_FORMAT_A1, q->width, q->width);
	px = cairo_image_surface_get_data(img);
	stride = cairo_image_surface_get_stride(img);
	cairo_surface_flush(img);
	for (int r = 0; r < q->width; r++) {
		guint32 *row = (guint32 *)(void *)(px + (ptrdiff_t)r * stride);

		for (int c = 0; c < q->width; c++)
			if (q->data[r * q->width + c] & 1)
				/* A1 packs pixels into native 32-bit words,
				 * the first pixel in the low bit on a
				 * little-endian machine, the high one else */
				row[c / 32] |= G_BYTE_ORDER == G_LITTLE_ENDIAN ?
				    1u << (c % 32) : 0x80000000u >> (c % 32);
	}
	cairo_surface_mark_dirty(img);
	QRcode_free(q);
	g_free(k->qr_url);
	if (k->qr != NULL)
		cairo_surface_destroy(k->qr);
	k->qr_url = g_strdup(url);
	k->qr = img;
	return img;
}

void
kt_pdf_qr(struct kt_pdf *p, const char *url, double x, double y, double size)
{
	/* a phone hands the code's text to a browser as it is */
	char *u = kt_url_encode(url);
	cairo_surface_t *img = qr_image(p->kit, u);
	cairo_pattern_t *pat;
	cairo_matrix_t mx;
	int width;
	gboolean tag = kt_pdf_tagging(p);

	if (img == NULL) {
		g_free(u);
		return;
	}
	/* what a phone reads from it is what a screen reader says */
	if (tag)
		kt_pdf_figure(p, url, NULL);
	width = cairo_image_surface_get_width(img);
	pat = cairo_pattern_create_for_surface(img);
	cairo_pattern_set_filter(pat, CAIRO_FILTER_NEAREST);
	cairo_matrix_init_scale(&mx, width / size, width / size);
	cairo_matrix_translate(&mx, -x, -y);
	cairo_pattern_set_matrix(pat, &mx);
	cairo_set_source_rgb(p->cr, KT_RGB_INK);
	cairo_mask(p->cr, pat);
	cairo_pattern_destroy(pat);
	if (tag)
		kt_pdf_end(p, KT_TAG_FIGURE);
	kt_pdf_link(p, u, x, y, size, size);
	g_free(u);
}

static void
grey(cairo_t *cr, double level)
{
	cairo_set_source_rgb(cr, level, level, level);
}

void
kt_pdf_rule(struct kt_pdf *p, double x1, double y, double x2, double level,
    double width)
{
	kt_pdf_artifact_begin(p);
	grey(p->cr, level);
	cairo_set_line_width(p->cr, width);
	cairo_move_to(p->cr, x1, y);
	cairo_line_to(p->cr, x2, y);
	cairo_stroke(p->cr);
	cairo_set_source_rgb(p->cr, KT_RGB_INK);
	kt_pdf_artifact_end(p);
}

void
kt_pdf_box(struct kt_pdf *p, double x, double y, double w, double h,
    double level, double width)
{
	kt_pdf_artifact_begin(p);
	grey(p->cr, level);
	cairo_set_line_width(p->cr, width);
	cairo_rectangle(p->cr, x, y, w, h);
	cairo_stroke(p->cr);
	cairo_set_source_rgb(p->cr, KT_RGB_INK);
	kt_pdf_artifact_end(p);
}

void
kt_pdf_dashed(struct kt_pdf *p, double x1, double y1, double x2, double y2)
{
	static const double dash[] = { KT_DASH_ON, KT_DASH_OFF };

	kt_pdf_artifact_begin(p);
	cairo_save(p->cr);
	grey(p->cr, KT_GREY_CUT);
	cairo_set_line_width(p->cr, KT_LINE_LIGHT);
	cairo_set_dash(p->cr, dash, 2, 0);
	cairo_move_to(p->cr, x1, y1);
	cairo_line_to(p->cr, x2, y2);
	cairo_stroke(p->cr);
	cairo_restore(p->cr);
	kt_pdf_artifact_end(p);
}

void
kt_pdf_cutmarks(struct kt_pdf *p, double x, double y, double w, double h)
{
	double m = KT_CUTMARK_OFF, len = KT_CUTMARK_LEN;
	double xs[2] = { x, x + w }, ys[2] = { y, y + h };

	kt_pdf_artifact_begin(p);
	grey(p->cr, KT_GREY_CUTMARK);
	cairo_set_line_width(p->cr, KT_LINE_HAIR);
	for (int i = 0; i < 2; i++)
		for (int j = 0; j < 2; j++) {
			double dx = i == 0 ? -1 : 1, dy = j == 0 ? -1 : 1;
			/* horizontal and vertical ticks outside the corner */
			cairo_move_to(p->cr, xs[i] + dx * m, ys[j]);
			cairo_line_to(p->cr, xs[i] + dx * (m + len), ys[j]);
			cairo_move_to(p->cr, xs[i], ys[j] + dy * m);
			cairo_line_to(p->cr, xs[i], ys[j] + dy * (m + len));
		}
	cairo_stroke(p->cr);
	cairo_set_source_rgb(p->cr, KT_RGB_INK);
	kt_pdf_artifact_end(p);
}

void
kt_pdf_cards(struct kt_pdf *p, guint n, int cols, int rows,
    kt_pdf_card_fn draw, const void *data)
{
	double gap = KT_CARD_GAP;
	/* a page the caller began holds a heading: the cards start below
	 * it, and are that size on every page */
	double top = p->page > 0 ? p->y : KT_CARD_MARGIN;
	double bottom = p->footer != NULL ? p->bottom : p->h - KT_CARD_MARGIN;
	double cw = (p->w - 2 * KT_CARD_MARGIN - (cols - 1) * gap) / cols;
	double ch = (bottom - top - (rows - 1) * gap) / rows;

	for (guint i = 0; i < n; i++) {
		int slot = (int)(i % (guint)(cols * rows));
		int row = slot / cols, col = slot % cols;
		double x = KT_CARD_MARGIN + col * (cw + gap);

		if (slot == 0 && (i > 0 || p->page == 0)) {
			kt_pdf_page(p);
			top = KT_CARD_MARGIN;
		}
		kt_pdf_cutmarks(p, x, top + row * (ch + gap), cw, ch);
		kt_pdf_begin(p, KT_TAG_SECT);
		draw(p, x, top + row * (ch + gap), cw, ch, i, data);
		kt_pdf_end(p, KT_TAG_SECT);
	}
}

int
kt_pdf_outline(struct kt_pdf *p, int parent, const char *title)
{
	char *dest = g_strdup_printf("page=%d pos=[0 0]", p->page);
	int id = cairo_pdf_surface_add_outline(p->surf, parent, title, dest,
	    0);

	g_free(dest);
	return id;
}

const char *
kt_pdf_str(const struct kt_pdf *p, const char *key)
{
	return kt_str(p->kit->m, p->lang->code, key);
}

char *
kt_pdf_fmt(const struct kt_pdf *p, const char *key, const char *name,
    const char *value)
{
	char *ph = g_strdup_printf("{%s}", name);
	char **parts = g_strsplit(kt_pdf_str(p, key), ph, -1);
	char *r = g_strjoinv(value, parts);

	g_strfreev(parts);
	g_free(ph);
	return r;
}

char *
kt_date_display(const char *iso)
{
	int y, m, d;

	if (iso == NULL || sscanf(iso, "%d-%d-%d", &y, &m, &d) != 3)
		return NULL;
	/*
	 * Word joiners keep the date on one line. The hyphens stay ASCII:
	 * between digits the bidi algorithm binds them into one number, so
	 * in Arabic the date still reads 8-10-2026 (a U+2011 would let the
	 * parts swap places).
	 */
	return g_strdup_printf("%d\u2060-\u2060%d\u2060-\u2060%d", d, m, y);
}
