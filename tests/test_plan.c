/*
 * The build plan: what is linked is what is made. Builds tests/site with
 * and without printables and follows every relative link of every page;
 * plans a model in memory and checks its jobs and files.
 */
#include <glib.h>
#include <string.h>

#include "build/plan.h"
#include "out/writer.h"
#include "util.h"

static char *tmp;

static void
assert_no_dead_links(const char *out)
{
	GPtrArray *dead = t_dead_links(out);

	for (guint i = 0; i < dead->len; i++)
		g_printerr("dead link: %s\n", (char *)g_ptr_array_index(dead,
		    i));
	g_assert_cmpuint(dead->len, ==, 0);
	g_ptr_array_free(dead, TRUE);
}

/* --no-pdf: no PDF made, none linked, not even a "downloads" heading. */
static void
test_no_pdf_links(void)
{
	static const char *const opts[] = { "--no-pdf", NULL };
	char *out = g_build_filename(tmp, "no-pdf", NULL);
	char *se = NULL, *page, *html;
	GPtrArray *all;

	if (t_build("tests/site", out, "1700000000", opts, &se) != 0)
		g_error("the test site does not build:\n%s", se);
	all = t_files(out);
	for (guint i = 0; i < all->len; i++)
		g_assert_false(g_str_has_suffix(g_ptr_array_index(all, i),
		    ".pdf"));
	g_ptr_array_free(all, TRUE);
	assert_no_dead_links(out);
	page = g_build_filename(out, "nl/opdrachten/trots-op-jezelf.html",
	    NULL);
	g_assert_true(g_file_get_contents(page, &html, NULL, NULL));
	g_assert_null(strstr(html, ".pdf"));
	g_assert_null(strstr(html, "class=\"downloads\""));
	g_free(html);
	g_free(page);
	g_free(se);
	g_free(out);
}

/* With printables (the fixture): every download on every page is there. */
static void
test_pdf_links(void)
{
	char *page = g_build_filename(t_fixture(),
	    "nl/opdrachten/trots-op-jezelf.html", NULL);
	char *html;

	assert_no_dead_links(t_fixture());
	g_assert_true(g_file_get_contents(page, &html, NULL, NULL));
	g_assert_nonnull(strstr(html, "trots-op-jezelf.ar-nl.pdf"));
	g_assert_nonnull(strstr(html, "class=\"downloads\""));
	g_free(html);
	g_free(page);
}

/* The class list outside out/, as the plan says; refused inside it. */
static void
test_class_list_folder(void)
{
	char *out = g_build_filename(tmp, "klas-out", NULL);
	char *inside = g_build_filename(out, "lijsten", NULL);
	const char *opts[] = { "--klas", "tests/klas.csv", "--klassenmap",
	    inside, NULL };
	char *se = NULL;

	g_assert_cmpint(t_build("tests/site", out, NULL, opts, &se), !=, 0);
	g_assert_nonnull(strstr(se, "would be published"));
	g_assert_false(g_file_test(out, G_FILE_TEST_EXISTS));
	g_free(se);
	g_free(inside);
	g_free(out);
}

/* A model of two assignments in two languages, one translated. */
static struct kt_model *
small_model(void)
{
	struct kt_model *m = g_new0(struct kt_model, 1);
	static struct kt_language nl = { .code = "nl" }, ar = { .code = "ar",
	    .rtl = TRUE };
	GHashTable *nl_strings = g_hash_table_new(g_str_hash, g_str_equal);

	m->site.languages = g_ptr_array_new();
	g_ptr_array_add(m->site.languages, &nl);
	g_ptr_array_add(m->site.languages, &ar);
	g_hash_table_insert(nl_strings, "bundle.title", "Leerjaar {n}");
	m->strings = g_hash_table_new_full(g_str_hash, g_str_equal, NULL,
	    (GDestroyNotify)g_hash_table_unref);
	g_hash_table_insert(m->strings, "nl", nl_strings);
	for (int k = 0; k < KT_KIND_COUNT; k++)
		m->items[k] = g_ptr_array_new();
	for (int i = 0; i < 2; i++) {
		struct kt_item *it = g_new0(struct kt_item, 1);
		struct kt_text *t = g_new0(struct kt_text, 1);

		it->kind = KT_ASSIGNMENT;
		it->slug = g_strdup(i == 0 ? "een" : "twee");
		it->years = 1u << 2;
		it->source = t;
		it->texts = g_hash_table_new(g_str_hash, g_str_equal);
		g_hash_table_insert(it->texts, "nl", t);
		if (i == 0)
			g_hash_table_insert(it->texts, "ar",
			    g_new0(struct kt_text, 1));
		g_ptr_array_add(m->items[KT_ASSIGNMENT], it);
	}
	return m;
}

static void
free_model(struct kt_model *m)
{
	for (guint i = 0; i < m->items[KT_ASSIGNMENT]->len; i++) {
		struct kt_item *it = g_ptr_array_index(m->items[KT_ASSIGNMENT],
		    i);

		if (g_hash_table_lookup(it->texts, "ar") != NULL)
			g_free(g_hash_table_lookup(it->texts, "ar"));
		g_hash_table_destroy(it->texts);
		g_free(it->source);
		g_free(it->slug);
		g_free(it);
	}
	for (int k = 0; k < KT_KIND_COUNT; k++)
		g_ptr_array_free(m->items[k], TRUE);
	g_hash_table_destroy(m->strings);
	g_ptr_array_free(m->site.languages, TRUE);
	g_free(m);
}

/* Each file has one job; a bundle needs the chunks of its sheets;
 * names of pupils only in private jobs; --no-pdf plans pages only. */
static void
test_plan_jobs(void)
{
	struct kt_model *m = small_model();
	GPtrArray pupils = { 0 };
	struct kt_render_opts o = { .epoch = -1, .pupils = &pupils };
	struct kt_plan *pl = kt_plan_new(m, &o);
	const struct kt_plan_job *b, *c;
	guint private = 0;

	g_assert_nonnull(kt_plan_file(pl, "nl/opdrachten/een.html"));
	g_assert_nonnull(kt_plan_file(pl, "ar/opdrachten/een.ar-nl.pdf"));
	g_assert_null(kt_plan_file(pl, "ar/opdrachten/twee.ar-nl.pdf"));
	g_assert_null(kt_plan_file(pl, "nl/opdrachten/een.nl-nl.pdf"));
	g_assert_nonnull(kt_plan_file(pl, "nl/avonden/complimentenkaarten.pdf"));
	g_assert_null(kt_plan_file(pl, "ar/avonden/complimentenkaarten.pdf"));
	g_assert_null(kt_plan_file(pl, "nl/tips/tipkaarten.pdf"));
	b = kt_plan_file(pl, "nl/opdrachten/leerjaar-2.pdf");
	g_assert_nonnull(b);
	g_assert_cmpint(b->kind, ==, KT_JOB_BUNDLE);
	g_assert_cmpuint(b->items->len, ==, 2);
	g_assert_cmpuint(b->needs->len, >=, 1);
	c = g_ptr_array_index(b->needs, 0);
	g_assert_cmpint(c->kind, ==, KT_JOB_CHUNK);
	g_assert_true(g_ptr_array_find(c->then, b, NULL));
	g_assert_true(kt_plan_file(pl, "nl/opdrachten/een.pdf") == c);
	for (guint i = 0; i < pl->jobs->len; i++) {
		const struct kt_plan_job *j = g_ptr_array_index(pl->jobs, i);

		g_assert_cmpuint(j->index, ==, i);
		if (j->private) {
			private++;
			g_assert_cmpint(j->kind, ==, KT_JOB_CLASS_LIST);
			for (guint f = 0; f < j->files->len; f++)
				g_assert_null(kt_plan_file(pl,
				    g_ptr_array_index(j->files, f)));
		}
	}
	g_assert_cmpuint(private, ==, 2);
	kt_plan_free(pl);
	o.no_pdf = TRUE;
	pl = kt_plan_new(m, &o);
	for (guint i = 0; i < pl->jobs->len; i++)
		g_assert_cmpint(((const struct kt_plan_job *)g_ptr_array_index(
		    pl->jobs, i))->kind, <=, KT_JOB_PAGE);
	g_assert_null(kt_plan_bundles(pl, "nl"));
	kt_plan_free(pl);
	free_model(m);
}

int
main(int argc, char *argv[])
{
	int r;

	g_test_init(&argc, &argv, NULL);
	tmp = g_dir_make_tmp("kt-plan-XXXXXX", NULL);
	g_test_add_func("/plan/no-pdf-links", test_no_pdf_links);
	g_test_add_func("/plan/pdf-links", test_pdf_links);
	g_test_add_func("/plan/class-list-folder", test_class_list_folder);
	g_test_add_func("/plan/jobs", test_plan_jobs);
	r = g_test_run();
	kt_remove_tree(tmp);
	g_free(tmp);
	return r;
}
