/*
 * A chunk read back for its pages (a file under .keukentafel/ that anyone
 * may have changed): every page copied, with its bookmarks, its structure
 * tree and its fields, into a file with object streams or without, in
 * Dutch or in Arabic (the first byte's two low bits say which: in a
 * language not the source's, its elements at the top get its /Lang).
 * And what is added after cairo (kt_pdf_update():
 * /Alt and /Lang on the tree's second element, a field on the first page,
 * and when the first byte's third bit is set the note of what is at the
 * top of the tree, KT_TOPS) to the same bytes read as cairo's output.
 */
#include <stdint.h>

#include "print/pdffile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct kt_pdf_src *s;
	struct kt_pdf_join *j;
	struct kt_pdf_info info = { NULL, "nl", "Titel", NULL, "nl, LOB" };
	GPtrArray *titles = g_ptr_array_new_with_free_func(g_free);
	GArray *pages = g_array_new(FALSE, FALSE, sizeof(guint));
	GError *err = NULL;
	GBytes *out = NULL;

	struct kt_pdf_elem_extra alt = { 1, "Part", (char *)"alt", (char *)"ar" };
	struct kt_pdf_widget field = { 0, (char *)"naam", { 1, 2, 30, 12 } };
	struct kt_pdf_extra extra = { "nl", &alt, 1, &field, 1 };
	GString *updated;

	if (size < 1)
		return 0;
	extra.tops = (data[0] & 4) != 0;
	updated = kt_pdf_update((const char *)data + 1, size - 1, &extra,
	    &err);
	if (updated != NULL)
		g_string_free(updated, TRUE);
	g_clear_error(&err);
	s = kt_pdf_src_new("fuzz.pdf", (const char *)data + 1, size - 1, &err);
	j = kt_pdf_join_new(data[0] & 1);
	info.from = s;
	info.lang = data[0] & 2 ? "ar" : "nl";
	if (s != NULL && kt_pdf_src_marks(s, titles, pages, &err)) {
		for (guint p = 0; p < kt_pdf_src_pages(s) && err == NULL; p++)
			(void)kt_pdf_join_page(j, s, p, &err);
		for (guint m = 0; m < titles->len; m++)
			kt_pdf_join_mark(j, g_ptr_array_index(titles, m),
			    g_array_index(pages, guint, m));
	}
	if (err == NULL) {
		out = kt_pdf_join_finish(j, &info, NULL, &err);
		if (out != NULL)
			g_bytes_unref(out);
	} else {
		kt_pdf_join_free(j);
	}
	g_clear_error(&err);
	kt_pdf_src_free(s);
	g_ptr_array_free(titles, TRUE);
	g_array_free(pages, TRUE);
	return 0;
}
