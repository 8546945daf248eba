/*
 * Links in the printables. kt_md_to_pango() wraps every address it shows
 * in a span of its own (KT_MD_PANGO_ADDRESS) and says which URL each
 * stands for; once a layout is drawn, the span's place on each of its
 * lines is found with Pango and a link is laid over it with cairo.
 */
#include "print/links.h"

#include <string.h>

#include "text/markdown.h"

struct item_links {
	const struct kt_model *m;
	const char *lang;
};

/* The item's page on the site, whose address is basis_url. */
static char *
item_url(void *data, enum kt_kind k, const char *slug, const char **lang)
{
	const struct item_links *il = data;
	const struct kt_item *it = kt_model_find(il->m, k, slug);
	const char *in;
	char *page, *url;

	if (it == NULL || il->m->site.base_url == NULL)
		return NULL;
	in = kt_item_page_lang(it, il->lang);
	page = kt_page_path(in, k, slug);
	url = g_strconcat(il->m->site.base_url, page, NULL);
	*lang = strcmp(in, il->lang) != 0 ? in : NULL;
	g_free(page);
	return url;
}

char *
kt_pdf_md(struct kt_pdf *p, const struct kt_language *lang,
    const struct kt_md *m)
{
	struct item_links il = { p->kit->m, lang->code };
	const struct kt_md_links links = { item_url, &il };

	if (p->addresses == NULL)
		p->addresses = g_hash_table_new_full(g_str_hash, g_str_equal,
		    g_free, g_free);
	return kt_md_to_pango(m, &links, p->addresses);
}

/* A link over the bytes start to end of l's text, a rectangle a line. */
static void
link_range(struct kt_pdf *p, PangoLayout *l, int start, int end,
    const char *url, double x, double y)
{
	PangoLayoutIter *it = pango_layout_get_iter(l);

	do {
		PangoLayoutLine *line = pango_layout_iter_get_line_readonly(it);
		int from = MAX(start, line->start_index);
		int to = MIN(end, line->start_index + line->length);
		int y0, y1, n, *r;

		if (from >= to)
			continue;
		pango_layout_iter_get_line_yrange(it, &y0, &y1);
		/* more than one range where the address sits in text of the
		 * other direction */
		pango_layout_line_get_x_ranges(line, from, to, &r, &n);
		for (size_t i = 0; i < (size_t)n; i++)
			kt_pdf_link(p, url, x + (double)r[2 * i] / PANGO_SCALE,
			    y + (double)y0 / PANGO_SCALE,
			    (double)(r[2 * i + 1] - r[2 * i]) / PANGO_SCALE,
			    (double)(y1 - y0) / PANGO_SCALE);
		g_free(r);
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
}

void
kt_pdf_links(struct kt_pdf *p, PangoLayout *l, double x, double y)
{
	PangoAttrList *attrs = pango_layout_get_attributes(l);
	const char *text = pango_layout_get_text(l);
	GSList *all;

	if (p->addresses == NULL || g_hash_table_size(p->addresses) == 0 ||
	    attrs == NULL)
		return;
	all = pango_attr_list_get_attributes(attrs);
	for (GSList *a = all; a != NULL; a = a->next) {
		const PangoAttribute *at = a->data;
		const char *url;
		char *shown;

		if (at->klass->type != PANGO_ATTR_INSERT_HYPHENS ||
		    ((const PangoAttrInt *)at)->value)
			continue;
		shown = g_strndup(text + at->start_index,
		    at->end_index - at->start_index);
		url = g_hash_table_lookup(p->addresses, shown);
		if (url != NULL)
			link_range(p, l, (int)at->start_index,
			    (int)at->end_index, url, x, y);
		g_free(shown);
	}
	g_slist_free_full(all, (GDestroyNotify)pango_attribute_destroy);
}
