/*
 * The whole item loader: front matter, YAML, Markdown, validation into the
 * model, then the checks across the model and the Markdown renderers.
 * The first byte picks the kind of item.
 */
#include <stdint.h>

#include <libxml/tree.h>

#include "build/check.h"
#include "diag.h"
#include "load/item.h"
#include "text/markdown.h"
#include "text/readability.h"
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* the hyphenation patterns are loaded once, as in a build */
static struct kt_counter *counter;

/* every item exists, at an address made of its slug */
static char *
item_page(void *data, enum kt_kind k, const char *slug, const char **lang)
{
	(void)data;
	*lang = k == KT_TIP ? "nl" : NULL;
	return g_strconcat("https://school.example/", slug, ".html", NULL);
}

static void
render_md(const struct kt_md *m, xmlNodePtr parent)
{
	const struct kt_md_links links = { item_page, NULL };
	GHashTable *addresses = g_hash_table_new_full(g_str_hash, g_str_equal,
	    g_free, g_free);
	struct kt_figures f;
	char *s;

	if (m == NULL)
		return;
	kt_md_to_xml(m, parent, 2, TRUE, &links);
	kt_md_to_xml(m, parent, 3, FALSE, NULL);
	s = kt_md_to_pango(m, &links, addresses);
	g_free(s);
	g_hash_table_destroy(addresses);
	s = kt_md_plain(m);
	kt_figures(counter, "nl", s, &f);
	kt_figures_clear(&f);
	g_ptr_array_free(kt_long_sentences(s, 15), TRUE);
	g_free(s);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct kt_model *m;
	struct kt_diag *d;
	struct kt_item *it;
	char *path;
	enum kt_kind kind;

	if (counter == NULL)
		counter = kt_counter_new("/usr/share/hyphen");
	if (size < 1)
		return 0;
	kind = (enum kt_kind)(data[0] % KT_KIND_COUNT);
	m = fuzz_model();
	d = kt_diag_new();
	path = fuzz_file("item.nl.md", data + 1, size - 1);
	it = kt_load_source(kind, path, "item", NULL, m, d);
	if (it != NULL) {
		xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
		xmlNodePtr root = xmlNewDocNode(doc, NULL, BAD_CAST "div", NULL);
		const struct kt_text *t = it->source;

		xmlDocSetRootElement(doc, root);
		g_ptr_array_add(m->items[kind], it);
		render_md(t->intro, root);
		render_md(t->goal, root);
		render_md(t->in_class, root);
		render_md(t->debrief, root);
		render_md(t->invitation, root);
		render_md(t->followup, root);
		render_md(t->body, root);
		for (guint i = 0; i < t->steps->len; i++)
			render_md(((struct kt_step *)g_ptr_array_index(t->steps,
			    i))->text, root);
		for (guint i = 0; i < t->questions->len; i++)
			render_md(g_ptr_array_index(t->questions, i), root);
		kt_check_model(m, counter, d, NULL);
		xmlFreeDoc(doc);
	}
	g_free(path);
	kt_diag_free(d);
	kt_model_free(m);
	return 0;
}
