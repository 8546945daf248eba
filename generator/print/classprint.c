/*
 * What print writes for one class: the checklist with the pupils' names,
 * and one PDF with a sheet for each pupil in class order, in the family's
 * language beside Dutch (or Dutch alone), the pupil's name on top of each
 * page, a bookmark a pupil. Each sheet is drawn by sheet.c as for the
 * site, into a scratch folder, and its pages are joined from there.
 */
#include "print/print.h"

#include <string.h>

#include "print/pdffile.h"
#include "print/printables.h"

#define CLASS_KEYWORDS "LOB, klas"

/* UTF-8 as a PDF string in UTF-16BE, for kt_pdf_join_mark(). */
static char *
pdf_string(const char *s)
{
	glong n = 0;
	gunichar2 *u = g_utf8_to_utf16(s, -1, NULL, &n, NULL);
	GString *o = g_string_new("<FEFF");

	for (glong i = 0; i < n && u != NULL; i++)
		g_string_append_printf(o, "%04X", u[i]);
	g_string_append_c(o, '>');
	g_free(u);
	return g_string_free(o, FALSE);
}

/* A job of the plan's kind for one sheet, as the build would plan it. */
static void
sheet_job(struct kt_plan_job *j, const struct kt_item *it,
    const struct kt_language *lang, gboolean dutch)
{
	memset(j, 0, sizeof *j);
	j->kind = dutch ? KT_JOB_CHUNK : KT_JOB_BILINGUAL;
	j->lang = lang;
	j->it = it;
	j->items = g_ptr_array_new();
	g_ptr_array_add(j->items, (gpointer)it);
	j->files = g_ptr_array_new_with_free_func(g_free);
	g_ptr_array_add(j->files, g_strdup("chunk.pdf"));
}

/*
 * Draws pupil's sheet with k into the scratch writer, and adds its pages
 * to join, with a bookmark; the file's bytes and its source are kept in
 * keep (they must outlive the join). FALSE after reporting a failure.
 */
static gboolean
add_sheet(struct kt_pdfkit *k, struct kt_pdf_join *join, guint *at,
    const struct kt_item *it, const struct kt_language *lang,
    const char *pupil, GPtrArray *keep)
{
	const struct kt_language *nl = g_ptr_array_index(k->m->site.languages,
	    0);
	gboolean dutch = lang == nl;
	struct kt_render_opts o = *k->o;
	const struct kt_render_opts *was = k->o;
	struct kt_plan_job j;
	char *rel = dutch ? kt_sheet_path(nl->code, it->slug) :
	    kt_bilingual_path(lang->code, it->slug);
	char *path, *data = NULL, *mark;
	gsize len = 0;
	struct kt_pdf_src *src = NULL;
	GError *err = NULL;

	o.pupil = pupil;
	k->o = &o;
	sheet_job(&j, it, lang, dutch);
	kt_sheets_chunk(k, &j);
	k->o = was;
	g_ptr_array_free(j.items, TRUE);
	g_ptr_array_free(j.files, TRUE);
	path = kt_writer_file(k->w, rel);
	if (g_file_get_contents(path, &data, &len, &err))
		src = kt_pdf_src_new(rel, data, len, &err);
	g_free(path);
	if (src == NULL) {
		g_free(data);
		kt_pdf_fail(k, rel, "cannot read the sheet back: ", err);
		g_free(rel);
		return FALSE;
	}
	g_free(rel);
	g_ptr_array_add(keep, data);
	g_ptr_array_add(keep, src);
	mark = pdf_string(pupil);
	kt_pdf_join_mark(join, mark, *at);
	g_free(mark);
	for (guint p = 0; p < kt_pdf_src_pages(src) && err == NULL; p++)
		if (kt_pdf_join_page(join, src, p, &err))
			(*at)++;
	if (err != NULL)
		kt_pdf_fail(k, "werkbladen", "cannot join the sheets: ", err);
	return err == NULL;
}

/* The sheets of every pupil in one file, rel in w. */
static gboolean
class_sheets(struct kt_pdfkit *k, const struct kt_item *it,
    const GPtrArray *langs, struct kt_writer *w, const char *rel)
{
	GPtrArray *names = k->o->pupils;
	GPtrArray *keep = g_ptr_array_new();	/* bytes, source, ... */
	struct kt_pdf_join *join = kt_pdf_join_new(TRUE);
	char *tmp = g_dir_make_tmp("keukentafel-print-XXXXXX", NULL);
	char *scratch = tmp != NULL ? g_build_filename(tmp, "sheets", NULL) :
	    NULL;
	struct kt_writer *sw = scratch != NULL ? kt_writer_open(scratch, 1,
	    NULL) : NULL;
	gboolean ok = sw != NULL;
	guint at = 0;

	k->w = sw;
	for (guint i = 0; i < names->len && ok; i++)
		ok = add_sheet(k, join, &at, it, g_ptr_array_index(langs, i),
		    g_ptr_array_index(names, i), keep);
	k->w = w;
	if (ok) {
		char *title = g_strdup_printf("%s, %s %s", it->source->title ?
		    it->source->title : it->slug, kt_str(k->m, "nl",
		    "checklist.class"), k->o->class_name ? k->o->class_name :
		    "");
		struct kt_pdf_info info = { g_ptr_array_index(keep, 1), "nl",
		    title, it->source->summary, CLASS_KEYWORDS };
		GError *err = NULL;
		GBytes *file = kt_pdf_join_finish(join, &info, &err);

		join = NULL;
		if (file == NULL || !kt_writer_put(w, rel, g_bytes_get_data(
		    file, NULL), g_bytes_get_size(file), &err)) {
			kt_pdf_fail(k, rel, "", err);
			ok = FALSE;
		}
		if (file != NULL)
			g_bytes_unref(file);
		g_free(title);
	}
	if (join != NULL)
		kt_pdf_join_free(join);
	for (guint i = 0; i + 1 < keep->len; i += 2) {
		kt_pdf_src_free(g_ptr_array_index(keep, i + 1));
		g_free(g_ptr_array_index(keep, i));
	}
	g_ptr_array_free(keep, TRUE);
	if (sw != NULL)
		kt_writer_abort(sw);
	if (tmp != NULL)
		kt_remove_tree(tmp);
	g_free(scratch);
	g_free(tmp);
	return ok;
}

gboolean
kt_print_class(const struct kt_model *m, const struct kt_render_opts *o,
    const struct kt_item *it, const GPtrArray *langs, struct kt_writer *w,
    struct kt_diag *d)
{
	gint ok = TRUE;
	struct kt_pdfkit *k = kt_pdfkit_new(m, o, d, &ok);
	struct kt_plan_job list = { 0 };
	char *sheets = g_strdup_printf("%s-werkbladen.pdf", it->slug);

	k->w = w;
	list.kind = KT_JOB_CLASS_LIST;
	list.it = it;
	list.lang = g_ptr_array_index(m->site.languages, 0);
	list.private = TRUE;
	list.files = g_ptr_array_new_with_free_func(g_free);
	g_ptr_array_add(list.files, g_strdup_printf("%s-klassenlijst.pdf",
	    it->slug));
	kt_checklist(k, &list);
	if (g_atomic_int_get(&ok))
		(void)class_sheets(k, it, langs, w, sheets);
	g_ptr_array_free(list.files, TRUE);
	g_free(sheets);
	kt_pdfkit_free(k);
	return g_atomic_int_get(&ok);
}
