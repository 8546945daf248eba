/*
 * The keys of incremental builds, and the wrapper every job goes through.
 * With no incremental state (a first build) it only runs the job; the
 * manifest is written all the same.
 */
#include "build/incr.h"

#include <string.h>

#include <stdlib.h>

#include "build/versions.h"
#include "model/model.h"
#include "text/fold.h"

/* A file's name (relative: no absolute path may reach the output) and
 * its bytes. */
static void
hash_file(GChecksum *c, const char *path, const char *name)
{
	char *data;
	gsize len;

	g_checksum_update(c, (const guchar *)name, -1);
	if (g_file_get_contents(path, &data, &len, NULL)) {
		g_checksum_update(c, (const guchar *)data, (gssize)len);
		g_free(data);
	}
}

/* Every file below dir, in name order. */
static void
hash_dir(GChecksum *c, const char *dir)
{
	GDir *g = g_dir_open(dir, 0, NULL);
	GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
	const char *name;

	while (g != NULL && (name = g_dir_read_name(g)) != NULL)
		g_ptr_array_add(names, g_strdup(name));
	if (g != NULL)
		g_dir_close(g);
	g_ptr_array_sort(names, kt_cmp_str);
	for (guint i = 0; i < names->len; i++) {
		char *p = g_build_filename(dir, g_ptr_array_index(names, i),
		    NULL);
		if (g_file_test(p, G_FILE_TEST_IS_DIR))
			hash_dir(c, p);
		else
			hash_file(c, p, g_ptr_array_index(names, i));
		g_free(p);
	}
	g_ptr_array_free(names, TRUE);
}

static void
hash_str(GChecksum *c, const char *s)
{
	g_checksum_update(c, (const guchar *)(s ? s : "-"), -1);
	g_checksum_update(c, (const guchar *)"\n", 1);
}

/*
 * What every job reads: the generator itself, the theme, site.yaml, the
 * glossary, the pictograms, the logo, the stemmers and the options.
 */
static char *
global_key(const char *content, const char *theme, const struct kt_model *m,
    const struct kt_render_opts *ro)
{
	GChecksum *c = g_checksum_new(G_CHECKSUM_SHA256);
	char *exe = g_file_read_link("/proc/self/exe", NULL);
	char *site = g_build_filename(content, "site.yaml", NULL);
	char *gloss = g_build_filename(content, "woordenlijst", NULL);
	char *key, num[32];
	guint n;
	gpointer *names = g_hash_table_get_keys_as_array(m->pictograms, &n);

	if (exe != NULL)
		hash_file(c, exe, "keukentafel");
	hash_str(c, kt_library_versions());
	hash_dir(c, theme);
	hash_file(c, site, "site.yaml");
	hash_dir(c, gloss);
	/* the browser's stemmers, copied by the shared job */
	for (const char *const *l = kt_fold_stemmed_languages();
	    ro->stemmers != NULL && *l != NULL; l++) {
		char *f = g_strdup_printf("%s/%s.js", ro->stemmers, *l);

		hash_file(c, f, *l);
		g_free(f);
	}
	qsort(names, n, sizeof *names, kt_cmp_str);
	for (guint i = 0; i < n; i++) {
		const struct kt_picto *p = g_hash_table_lookup(m->pictograms,
		    names[i]);
		gsize len;
		const void *data = g_bytes_get_data(p->svg, &len);

		hash_str(c, names[i]);
		g_checksum_update(c, data, (gssize)len);
	}
	if (m->site.logo_data != NULL)
		g_checksum_update(c, g_bytes_get_data(m->site.logo_data, NULL),
		    (gssize)g_bytes_get_size(m->site.logo_data));
	hash_str(c, ro->mentor);
	hash_str(c, ro->phone);
	hash_str(c, ro->due);
	hash_str(c, ro->date);
	hash_str(c, ro->start);
	hash_str(c, ro->place);
	g_snprintf(num, sizeof num, "%lld", ro->epoch);
	hash_str(c, num);
	key = g_strdup(g_checksum_get_string(c));
	g_free(names);
	g_free(gloss);
	g_free(site);
	g_free(exe);
	g_checksum_free(c);
	return key;
}

struct linked {
	const struct kt_model *m;
	GChecksum *c;
};

/* The languages of the items md links to: a link opens the page in the
 * reader's language where there is one, so it changes with them. */
static void
hash_linked(const struct kt_md *md, void *data)
{
	const struct linked *l = data;
	const GPtrArray *langs = l->m->site.languages;
	cmark_iter *it;
	cmark_event_type ev;

	if (md->doc == NULL || !md->item_links)
		return;
	it = cmark_iter_new(md->doc);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		const struct kt_item *to;
		const char *slug;
		enum kt_kind k;

		if (ev != CMARK_EVENT_ENTER ||
		    cmark_node_get_type(n) != CMARK_NODE_LINK ||
		    !kt_item_link(cmark_node_get_url(n), &k, &slug) ||
		    (to = kt_model_find(l->m, k, slug)) == NULL)
			continue;
		hash_str(l->c, cmark_node_get_url(n));
		for (guint i = 0; i < langs->len; i++) {
			const char *code = ((struct kt_language *)
			    g_ptr_array_index(langs, i))->code;
			hash_str(l->c, kt_item_text(to, code) ? code : "-");
		}
	}
	cmark_iter_free(it);
}

/* An item's texts in every language, as the loader read them. */
static void
hash_texts(GChecksum *c, const struct kt_model *m, const struct kt_item *it)
{
	for (guint j = 0; j < m->site.languages->len; j++) {
		const struct kt_text *t = kt_item_text(it, ((struct kt_language *)
		    g_ptr_array_index(m->site.languages, j))->code);

		if (t != NULL) {
			hash_str(c, t->lang);
			hash_str(c, t->digest);
		}
	}
}

/* A talk shows the assignments it looks back at (titles, pictograms),
 * and an assignment's page the talks that look back at it. */
static void
hash_talks(GChecksum *c, const struct kt_model *m, const struct kt_item *it)
{
	GPtrArray *talks = m->items[KT_TALK];

	for (guint i = 0; it->kind == KT_TALK && i < it->looks_back->len;
	    i++) {
		const struct kt_item *a = kt_model_find(m, KT_ASSIGNMENT,
		    ((struct kt_ref *)g_ptr_array_index(it->looks_back,
		    i))->slug);

		if (a != NULL)
			hash_texts(c, m, a);
	}
	for (guint i = 0; it->kind == KT_ASSIGNMENT && i < talks->len; i++) {
		const struct kt_item *t = g_ptr_array_index(talks, i);

		for (guint j = 0; j < t->looks_back->len; j++)
			if (strcmp(((struct kt_ref *)g_ptr_array_index(
			    t->looks_back, j))->slug, it->slug) == 0) {
				hash_texts(c, m, t);
				break;
			}
	}
}

/* An item's key: its texts in every language, as the loader read them
 * (not read again: a file saved during the build gives a new key), the
 * languages of the items it links to, and the talks it is part of. */
struct kt_incr *
kt_incr_new(const char *content, const char *theme, const char *out,
    const struct kt_model *m, const struct kt_render_opts *ro,
    struct kt_writer *w)
{
	struct kt_incr *in = g_new0(struct kt_incr, 1);
	GChecksum *all = g_checksum_new(G_CHECKSUM_SHA256);

	in->prev = kt_manifest_load(out);
	in->next = kt_manifest_new(out);
	in->w = w;
	in->global = global_key(content, theme, m, ro);
	in->items = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL,
	    g_free);
	for (int k = 0; k < KT_KIND_COUNT; k++)
		for (guint i = 0; i < m->items[k]->len; i++) {
			const struct kt_item *it = g_ptr_array_index(
			    m->items[k], i);
			GChecksum *c = g_checksum_new(G_CHECKSUM_SHA256);
			struct linked l = { m, c };
			char *key;

			hash_str(c, kt_kind_dir((enum kt_kind)k));
			hash_str(c, it->slug);
			for (guint j = 0; j < m->site.languages->len; j++) {
				const struct kt_text *t = kt_item_text(it,
				    ((struct kt_language *)g_ptr_array_index(
				    m->site.languages, j))->code);
				if (t != NULL) {
					hash_str(c, t->lang);
					hash_str(c, t->digest);
					kt_text_each_md(it, t, hash_linked, &l);
				}
			}
			hash_talks(c, m, it);
			key = g_strdup(g_checksum_get_string(c));
			hash_str(all, key);
			g_hash_table_insert(in->items, (gpointer)it, key);
			g_checksum_free(c);
		}
	in->all = g_strdup(g_checksum_get_string(all));
	g_checksum_free(all);
	return in;
}

void
kt_incr_free(struct kt_incr *in)
{
	if (in == NULL)
		return;
	kt_manifest_free(in->prev);
	kt_manifest_free(in->next);
	g_hash_table_destroy(in->items);
	g_free(in->global);
	g_free(in->all);
	g_free(in);
}

static char *
key_of(const struct kt_incr *in, GPtrArray *items)
{
	GChecksum *c = g_checksum_new(G_CHECKSUM_SHA256);
	char *key;

	for (guint i = 0; i < items->len; i++)
		g_checksum_update(c, (const guchar *)g_hash_table_lookup(
		    in->items, g_ptr_array_index(items, i)), -1);
	key = g_strconcat(in->global, ":", g_checksum_get_string(c), NULL);
	g_checksum_free(c);
	return key;
}

char *
kt_incr_key(const struct kt_incr *in, const struct kt_plan_job *j)
{
	if (in == NULL)
		return g_strdup("");
	switch (j->reads) {
	case KT_READS_ITEM:
		return g_strconcat(in->global, ":", (const char *)
		    g_hash_table_lookup(in->items, j->it), NULL);
	case KT_READS_SET:
		return key_of(in, j->set);
	case KT_READS_ALL:
		return g_strconcat(in->global, ":", in->all, NULL);
	default:
		return g_strdup(in->global);
	}
}

void
kt_incr_run(struct kt_incr *in, const char *job, const char *key,
    void (*fn)(void *), void *data)
{
	GPtrArray *files;

	if (in == NULL) {
		fn(data);
		return;
	}
	if (kt_manifest_reuse(in->prev, in->next, job, key))
		return;
	files = g_ptr_array_new_with_free_func(g_free);
	kt_writer_track(files);
	fn(data);
	kt_writer_track(NULL);
	kt_manifest_record(in->next, job, key, files);
}
