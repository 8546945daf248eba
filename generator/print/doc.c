/*
 * A printable's document, from opening to the file: an A4 PDF drawn by
 * cairo in memory with its metadata, pages with a flowing cursor and a
 * footer, and on closing the repairs this cairo needs (pdffile.c) before
 * the writer gets the file. Also the kit each thread draws with.
 */
#include "print/pdfkit.h"
#include "print/pdffile.h"
#include "print/tags.h"

#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangofc-fontmap.h>
#include <string.h>

/*
 * The printables' fonts, and no others: a font configuration of the
 * files of KT_FONTS's families alone. Pango has fontconfig sort the fonts
 * for every size, weight and language it meets; over the 290 fonts of a
 * Debian machine with fonts-noto-core that was 4% of a whole build, over
 * these eight it is next to nothing, and no other font of the machine
 * can slip into a sheet. (None ever did: a build of content/ embeds only
 * these.) A character none of them has prints as a box, and draw.c warns.
 * NULL, and the machine's fonts, when a family is not installed.
 */
static FcConfig *
fonts_config(void)
{
	FcConfig *c = FcConfigCreate();
	char **families = g_strsplit(KT_FONTS, ",", -1);
	FcObjectSet *os = FcObjectSetBuild(FC_FILE, NULL);
	gboolean all = c != NULL && os != NULL;

	for (char **f = families; all && *f != NULL; f++) {
		FcPattern *pat = FcPatternCreate();
		FcFontSet *set;
		int added = 0;

		FcPatternAddString(pat, FC_FAMILY,
		    (const FcChar8 *)g_strstrip(*f));
		set = FcFontList(NULL, pat, os);
		for (int i = 0; set != NULL && i < set->nfont; i++) {
			FcChar8 *file;

			if (FcPatternGetString(set->fonts[i], FC_FILE, 0,
			    &file) == FcResultMatch &&
			    FcConfigAppFontAddFile(c, file))
				added++;
		}
		all = added > 0;
		if (set != NULL)
			FcFontSetDestroy(set);
		FcPatternDestroy(pat);
	}
	if (os != NULL)
		FcObjectSetDestroy(os);
	g_strfreev(families);
	if (!all && c != NULL) {
		FcConfigDestroy(c);
		c = NULL;
	}
	return c;
}

struct kt_pdfkit *
kt_pdfkit_new(const struct kt_model *m, const struct kt_render_opts *o,
    struct kt_diag *d, gint *ok)
{
	struct kt_pdfkit *k = g_new0(struct kt_pdfkit, 1);

	k->m = m;
	k->o = o;
	k->d = d;
	k->ok = ok;
	k->svg = g_hash_table_new_full(g_str_hash, g_str_equal, NULL,
	    kt_pdf_picto_free);
	k->fonts = pango_cairo_font_map_new();
	if (PANGO_IS_FC_FONT_MAP(k->fonts)) {
		FcConfig *c = fonts_config();

		if (c != NULL) {
			pango_fc_font_map_set_config(
			    PANGO_FC_FONT_MAP(k->fonts), c);
			FcConfigDestroy(c);	/* the map holds it */
		}
	}
	k->contexts = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
	    g_object_unref);
	k->layouts = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
	    g_object_unref);
	return k;
}

void
kt_pdfkit_free(struct kt_pdfkit *k)
{
	g_hash_table_destroy(k->svg);
	g_hash_table_destroy(k->layouts);
	g_hash_table_destroy(k->contexts);
	g_object_unref(k->fonts);
	if (k->qr != NULL)
		cairo_surface_destroy(k->qr);
	g_free(k->qr_url);
	g_free(k);
}

static char *
iso_date(long long epoch)
{
	GDateTime *dt = g_date_time_new_from_unix_utc(epoch);
	char *s = g_date_time_format(dt, "%Y-%m-%dT%H:%M:%S");

	g_date_time_unref(dt);
	return s;
}

static cairo_status_t
to_memory(void *closure, const unsigned char *data, unsigned int len)
{
	g_byte_array_append(closure, data, len);
	return CAIRO_STATUS_SUCCESS;
}

void
kt_pdf_fail(struct kt_pdfkit *k, const char *path, const char *what,
    GError *err)
{
	kt_error(k->d, path, 0, 0, "%s%s", what, err->message);
	g_error_free(err);
	g_atomic_int_set(k->ok, FALSE);
}

struct kt_pdf *
kt_pdf_open(struct kt_pdfkit *k, const char *rel,
    const struct kt_language *lang, const struct kt_pdf_meta *meta,
    gboolean landscape)
{
	struct kt_pdf *p = g_new0(struct kt_pdf, 1);
	char *kw;

	p->kit = k;
	p->lang = lang;
	p->rel = g_strdup(rel);
	p->w = landscape ? KT_A4_H : KT_A4_W;
	p->h = landscape ? KT_A4_W : KT_A4_H;
	p->left = p->right = KT_MARGIN_SIDE;
	p->top = KT_MARGIN_TOP;
	p->bottom = p->h - KT_MARGIN_BOTTOM;
	/* made in memory: the file is written once, repaired and complete */
	p->data = g_byte_array_new();
	p->surf = cairo_pdf_surface_create_for_stream(to_memory, p->data,
	    p->w, p->h);
	if (kt_pdf_cairo_needs(cairo_version()) & KT_PDF_ASK_1_4)
		cairo_pdf_surface_restrict_to_version(p->surf,
		    CAIRO_PDF_VERSION_1_4);
	cairo_pdf_surface_set_metadata(p->surf, CAIRO_PDF_METADATA_TITLE,
	    meta->title ? meta->title : "");
	cairo_pdf_surface_set_metadata(p->surf, CAIRO_PDF_METADATA_AUTHOR,
	    k->m->site.school ? k->m->site.school : "");
	cairo_pdf_surface_set_metadata(p->surf, CAIRO_PDF_METADATA_SUBJECT,
	    meta->subject ? meta->subject : "");
	/* cairo 1.16 cannot write /Lang: the language leads the keywords */
	kw = g_strdup_printf("%s%s%s", lang->code, meta->keywords ? ", " : "",
	    meta->keywords ? meta->keywords : "");
	cairo_pdf_surface_set_metadata(p->surf, CAIRO_PDF_METADATA_KEYWORDS,
	    kw);
	g_free(kw);
	cairo_pdf_surface_set_metadata(p->surf, CAIRO_PDF_METADATA_CREATOR,
	    "keukentafel");
	if (k->o->epoch >= 0) {
		char *d = iso_date(k->o->epoch);
		cairo_pdf_surface_set_metadata(p->surf,
		    CAIRO_PDF_METADATA_CREATE_DATE, d);
		cairo_pdf_surface_set_metadata(p->surf,
		    CAIRO_PDF_METADATA_MOD_DATE, d);
		g_free(d);
	}
	p->cr = cairo_create(p->surf);
	p->marks = kt_pdf_marks_new();
	return p;
}

/*
 * Repairs the PDF made in memory, adds what cairo cannot write and writes
 * it; returns what it wrote, or NULL when it could not.
 */
static GBytes *
write_file(struct kt_pdf *p)
{
	struct kt_pdfkit *k = p->kit;
	GError *err = NULL;
	GString *updated = NULL;
	GBytes *file;
	/* the trailer is read with string functions: end it with a NUL
	 * that is not part of the file */
	size_t len = p->data->len;
	guint needs = kt_pdf_cairo_needs(cairo_version());
	struct kt_pdf_extra x = { p->lang->code, NULL, 0, NULL, 0,
	    p->duplex, p->chunk };

	g_byte_array_append(p->data, (const guint8 *)"", 1);
	if (p->links && (needs & KT_PDF_FIX_XREF))
		kt_pdf_fix_xref((char *)p->data->data, len);
	if (needs & KT_PDF_UNIQUE_NAMES)
		kt_pdf_unique_names((char *)p->data->data, len);
	kt_pdf_marks_extra(p->marks, &x);
	if ((needs & KT_PDF_ADD_LANG) && (updated = kt_pdf_update(
	    (const char *)p->data->data, len, &x, &err)) == NULL) {
		kt_pdf_fail(k, p->rel, "cannot add tags and fields: ", err);
		return NULL;
	}
	if (updated != NULL) {
		len = updated->len;
		file = g_string_free_to_bytes(updated);
	} else {
		g_byte_array_set_size(p->data, (guint)len);
		file = g_byte_array_free_to_bytes(g_byte_array_ref(p->data));
	}
	if (!p->unwritten && !kt_writer_put(k->w, p->rel,
	    g_bytes_get_data(file, NULL), len, &err)) {
		kt_pdf_fail(k, p->rel, "", err);
		g_bytes_unref(file);
		file = NULL;
	}
	return file;
}

/* The page's footer, repeated on every page: an artifact, outside the
 * tree; the links held back are placed before the page ends. */
static void
footer(struct kt_pdf *p)
{
	if (p->page == 0)
		return;
	if (p->footer != NULL) {
		kt_pdf_artifact_begin(p);
		p->footer(p, p->footer_data);
		kt_pdf_artifact_end(p);
	}
	kt_pdf_tags_page(p);
}

static void
pdf_free(struct kt_pdf *p)
{
	cairo_surface_destroy(p->surf);
	g_byte_array_unref(p->data);
	kt_pdf_marks_free(p->marks);
	if (p->addresses != NULL)
		g_hash_table_destroy(p->addresses);
	g_free(p->rel);
	g_free(p);
}

int
kt_pdf_close_to(struct kt_pdf *p, GBytes **file)
{
	int pages = p->page;
	GBytes *written = NULL;

	footer(p);
	kt_pdf_tags_close(p);
	cairo_destroy(p->cr);
	cairo_surface_finish(p->surf);
	if (cairo_surface_status(p->surf) == CAIRO_STATUS_TAG_ERROR &&
	    kt_pdf_tags_on(p)) {
		pages = -1;
	} else if (cairo_surface_status(p->surf) != CAIRO_STATUS_SUCCESS) {
		kt_error(p->kit->d, p->rel, 0, 0, "cannot write the PDF: %s",
		    cairo_status_to_string(cairo_surface_status(p->surf)));
		g_atomic_int_set(p->kit->ok, FALSE);
	} else {
		written = write_file(p);
	}
	if (file != NULL)
		*file = written;
	else if (written != NULL)
		g_bytes_unref(written);
	pdf_free(p);
	return pages;
}

void
kt_pdf_discard(struct kt_pdf *p)
{
	cairo_destroy(p->cr);
	pdf_free(p);
}

int
kt_pdf_close(struct kt_pdf *p)
{
	return kt_pdf_close_to(p, NULL);
}

/* The pupil a class's copy is for (print), in the top margin. */
static void
pupil_label(struct kt_pdf *p)
{
	char *m = g_markup_printf_escaped("%s: <b>%s</b>", kt_pdf_str(p,
	    "sheet.pupil"), p->kit->o->pupil);
	PangoLayout *l = kt_pdf_text(p, m, KT_TYPE_STAFF, FALSE,
	    kt_pdf_width(p), -1, TRUE);

	kt_pdf_show(p, l, p->left, KT_PUPIL_Y, kt_pdf_width(p));
	g_object_unref(l);
	g_free(m);
}

void
kt_pdf_page(struct kt_pdf *p)
{
	if (p->page > 0) {
		footer(p);
		cairo_show_page(p->cr);
	}
	p->page++;
	p->y = p->top;
	if (p->kit->o->pupil != NULL)
		pupil_label(p);
}

void
kt_pdf_need(struct kt_pdf *p, double h)
{
	if (p->page == 0 || p->y + h > p->bottom)
		kt_pdf_page(p);
}

double
kt_pdf_x(const struct kt_pdf *p, double x, double width)
{
	return p->lang->rtl ? p->w - x - width : x;
}

double
kt_pdf_width(const struct kt_pdf *p)
{
	return p->w - p->left - p->right;
}
