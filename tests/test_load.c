/*
 * Tests of the loader and the model: file names, YAML positions, reading
 * files, the "did you mean" matcher, loading a good site into the model,
 * and every bad file in tests/bad with the exact diagnostics it must give.
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "build/build.h"
#include "build/check.h"
#include "diag.h"
#include "load/file.h"
#include "load/load.h"
#include "load/yaml.h"
#include "model/model.h"

#define OPENMOJI "node_modules/openmoji/black/svg"

static void
test_filename(void)
{
	char *slug, *lang;

	g_assert_true(kt_parse_filename("trots-op-jezelf.nl.md", &slug, &lang));
	g_assert_cmpstr(slug, ==, "trots-op-jezelf");
	g_assert_cmpstr(lang, ==, "nl");
	g_free(slug);
	g_free(lang);
	g_assert_true(kt_parse_filename("a.ti.md", &slug, &lang));
	g_assert_cmpstr(lang, ==, "ti");
	g_free(slug);
	g_free(lang);
	g_assert_false(kt_parse_filename("Hoofd.nl.md", &slug, &lang));
	g_assert_false(kt_parse_filename("geen-taal.md", &slug, &lang));
	g_assert_false(kt_parse_filename("x.nl.txt", &slug, &lang));
	g_assert_false(kt_parse_filename("-x.nl.md", &slug, &lang));
	g_assert_false(kt_parse_filename("x.NL.md", &slug, &lang));
	g_assert_false(kt_parse_filename("x y.nl.md", &slug, &lang));
}

static void
test_suggest(void)
{
	const char *const phase_names[] = {
		"oriënteren", "verkennen", "verdiepen", "beslissen"
	};
	const char *const comp[] = { "netwerken", "werkexploratie" };

	g_assert_cmpstr(kt_suggest("orienteren", phase_names, 4), ==, "oriënteren");
	g_assert_cmpstr(kt_suggest("verdiepn", phase_names, 4), ==, "verdiepen");
	g_assert_cmpstr(kt_suggest("netwerk", comp, 2), ==, "netwerken");
	g_assert_cmpstr(kt_suggest("NETWERKEN", comp, 2), ==, "netwerken");
	g_assert_null(kt_suggest("appel", phase_names, 4));
	g_assert_null(kt_suggest("", phase_names, 4));
}

static void
test_yaml_positions(void)
{
	const char *y = "titel: Hallo\nlijst:\n  - een\n  - twee\n";
	struct kt_diag *d = kt_diag_new();
	gboolean empty;
	struct kt_ynode *n = kt_yaml_parse(y, strlen(y), "x.md", 2, d, &empty);
	struct kt_ynode *l;

	g_assert_nonnull(n);
	g_assert_cmpint(n->type, ==, KT_Y_MAP);
	g_assert_cmpuint(kt_ymap_len(n), ==, 2);
	/* front matter starts on file line 2 */
	g_assert_cmpint(kt_ymap_value(n, 0)->line, ==, 2);
	g_assert_cmpint(kt_ymap_value(n, 0)->col, ==, 8);
	l = kt_ymap_get(n, "lijst");
	g_assert_cmpint(l->type, ==, KT_Y_SEQ);
	g_assert_cmpint(((struct kt_ynode *)g_ptr_array_index(l->items, 1))->line,
	    ==, 5);
	g_assert_cmpuint(d->problems->len, ==, 0);
	kt_ynode_free(n);
	kt_diag_free(d);
}

static void
test_yaml_hostile(void)
{
	struct kt_diag *d = kt_diag_new();
	gboolean empty;
	GString *deep = g_string_new("a: ");
	/* the "billion laughs": refused at the first alias */
	const char *laughs = "a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n";

	g_assert_null(kt_yaml_parse(laughs, strlen(laughs), "l.md", 1, d,
	    &empty));
	g_assert_cmpuint(d->problems->len, ==, 1);
	for (int i = 0; i < 10000; i++)
		g_string_append_c(deep, '[');
	g_assert_null(kt_yaml_parse(deep->str, deep->len, "d.md", 1, d,
	    &empty));
	g_assert_cmpuint(d->problems->len, ==, 2);
	g_assert_nonnull(strstr(((struct kt_problem *)g_ptr_array_index(
	    d->problems, 1))->message, "nested more than"));
	g_assert_null(kt_yaml_parse("", 0, "e.md", 1, d, &empty));
	g_assert_true(empty);
	g_string_free(deep, TRUE);
	kt_diag_free(d);
}

static void
test_read_text(void)
{
	char *dir = g_dir_make_tmp("kt-test-XXXXXX", NULL);
	char *path = g_build_filename(dir, "a.nl.md", NULL);
	struct kt_diag *d = kt_diag_new();
	size_t len;
	char *t;

	/* a BOM is dropped, CRLF and lone CR become LF */
	g_assert_true(g_file_set_contents(path, "\xEF\xBB\xBF" "a\r\nb\rc\n",
	    -1, NULL));
	t = kt_read_text(path, dir, d, &len);
	g_assert_cmpstr(t, ==, "a\nb\nc\n");
	g_assert_cmpuint(len, ==, 6);
	g_free(t);
	g_assert_cmpuint(d->problems->len, ==, 0);
	/* a link out of the content folder is refused */
	g_unlink(path);
	g_assert_cmpint(symlink("/etc/hostname", path), ==, 0);
	g_assert_null(kt_read_text(path, dir, d, &len));
	g_assert_cmpuint(d->problems->len, ==, 1);
	g_assert_nonnull(strstr(((struct kt_problem *)g_ptr_array_index(
	    d->problems, 0))->message, "outside the content folder"));
	g_unlink(path);
	{
		/* a plain file in a folder that links out is refused, after
		 * a file of the folder above was let in */
		char *out = g_dir_make_tmp("kt-out-XXXXXX", NULL);
		char *sub = g_build_filename(dir, "sub", NULL);
		char *in = g_build_filename(dir, "b.nl.md", NULL);
		char *far = g_build_filename(out, "c.nl.md", NULL);
		char *via = g_build_filename(sub, "c.nl.md", NULL);

		g_assert_true(g_file_set_contents(in, "b\n", -1, NULL));
		g_assert_true(g_file_set_contents(far, "c\n", -1, NULL));
		g_assert_cmpint(symlink(out, sub), ==, 0);
		t = kt_read_text(in, dir, d, &len);
		g_assert_cmpstr(t, ==, "b\n");
		g_free(t);
		g_assert_null(kt_read_text(via, dir, d, &len));
		g_assert_cmpuint(d->problems->len, ==, 2);
		g_assert_nonnull(strstr(((struct kt_problem *)
		    g_ptr_array_index(d->problems, 1))->message,
		    "outside the content folder"));
		g_unlink(sub);
		g_unlink(in);
		g_unlink(far);
		g_rmdir(out);
		g_free(via);
		g_free(far);
		g_free(in);
		g_free(sub);
		g_free(out);
	}
	/* a folder is not a file */
	g_assert_null(kt_read_text(dir, NULL, d, &len));
	g_assert_cmpuint(d->problems->len, ==, 3);
	kt_diag_free(d);
	g_rmdir(dir);
	g_free(path);
	g_free(dir);
}

static struct kt_model *
load_site(struct kt_diag *d)
{
	struct kt_paths p = { "tests/site", "themes/default", OPENMOJI, 0 };

	return kt_load(&p, d);
}

static void
test_load_site(void)
{
	struct kt_diag *d = kt_diag_new();
	struct kt_model *m = load_site(d);
	struct kt_item *it = NULL;
	struct kt_text *nl, *ar, *en;
	struct kt_step *s;

	g_assert_cmpuint(kt_diag_count(d, KT_ERROR), ==, 0);
	g_assert_cmpstr(m->site.school, ==, "Testschool De Brug");
	g_assert_cmpstr(m->site.base_url, ==, "https://lob.testschool.example/");
	g_assert_cmpuint(m->site.languages->len, ==, 4);
	g_assert_true(((struct kt_language *)g_ptr_array_index(
	    m->site.languages, 2))->rtl);
	g_assert_cmpuint(m->items[KT_ASSIGNMENT]->len, ==, 3);
	g_assert_cmpuint(m->items[KT_EVENING]->len, ==, 1);
	g_assert_cmpuint(m->items[KT_TIP]->len, ==, 1);
	for (guint i = 0; i < m->items[KT_ASSIGNMENT]->len; i++) {
		struct kt_item *x = g_ptr_array_index(m->items[KT_ASSIGNMENT], i);
		if (strcmp(x->slug, "trots-op-jezelf") == 0)
			it = x;
	}
	g_assert_nonnull(it);
	/* facets from the Dutch file */
	g_assert_cmpuint(it->years, ==, (1u << 1) | (1u << 2));
	g_assert_cmpuint(it->school_types, ==, 0x3F);	/* vmbo x4, havo, vwo */
	g_assert_cmpuint(it->competences, ==, 0x3);
	g_assert_cmpint(it->minutes, ==, 20);
	g_assert_true(it->signature);
	nl = kt_item_text(it, "nl");
	en = kt_item_text(it, "en");
	ar = kt_item_text(it, "ar");
	g_assert_true(nl == it->source);
	g_assert_cmpint(nl->status, ==, KT_SOURCE);
	g_assert_cmpint(ar->status, ==, KT_DRAFT);
	g_assert_cmpuint(nl->steps->len, ==, 5);
	g_assert_cmpuint(ar->steps->len, ==, 5);
	/* a translation takes its pictograms from the Dutch steps */
	s = g_ptr_array_index(ar->steps, 0);
	g_assert_cmpstr(s->pictogram, ==, "denken");
	g_assert_cmpstr(ar->title, ==, "ثلاثة أشياء أفتخر بها");
	g_assert_nonnull(nl->goal);
	g_assert_null(en->goal);	/* falls back to Dutch when shown */
	{
		char *plain = kt_md_plain(nl->intro);
		g_assert_cmpstr(plain, ==, "Uw kind leert op school wat het "
		    "goed kan. Praat samen over dingen waar uw kind trots op "
		    "is.");
		g_free(plain);
	}
	/* the glossary and the UI strings, with Dutch as the fallback */
	g_assert_nonnull(g_hash_table_lookup(m->glossary, "ar"));
	g_assert_cmpstr(kt_str(m, "en", "skip"), ==, "Skip to content");
	g_assert_cmpstr(kt_str(m, "nl", "no.such.key"), ==, "");
	kt_model_free(m);
	kt_diag_free(d);
}

static void
test_evening(void)
{
	struct kt_diag *d = kt_diag_new();
	struct kt_model *m = load_site(d);
	struct kt_item *it = g_ptr_array_index(m->items[KT_EVENING], 0);
	int total = 0;

	g_assert_cmpstr(it->slug, ==, "kennismaking-klas-1");
	g_assert_cmpuint(it->blocks->len, ==, 5);
	for (guint i = 0; i < it->blocks->len; i++)
		total += ((struct kt_block *)g_ptr_array_index(it->blocks,
		    i))->minutes;
	g_assert_cmpint(total, ==, it->minutes);
	g_assert_cmpuint(it->prep->len, ==, 5);
	g_assert_cmpint(((struct kt_prep *)g_ptr_array_index(it->prep,
	    0))->weeks, ==, 8);
	g_assert_nonnull(it->source->invitation);
	g_assert_nonnull(it->source->followup);
	kt_model_free(m);
	kt_diag_free(d);
}

/* A string missing in a language falls back to Dutch, never to a key. */
static void
test_strings_fallback(void)
{
	struct kt_model *m = kt_model_new();
	GHashTable *nl = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
	    g_free);
	GHashTable *pl = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
	    g_free);

	g_hash_table_insert(nl, g_strdup("a"), g_strdup("Dutch a"));
	g_hash_table_insert(nl, g_strdup("b"), g_strdup("Dutch b"));
	g_hash_table_insert(pl, g_strdup("a"), g_strdup("Polish a"));
	g_hash_table_insert(m->strings, g_strdup("nl"), nl);
	g_hash_table_insert(m->strings, g_strdup("pl"), pl);
	g_assert_cmpstr(kt_str(m, "pl", "a"), ==, "Polish a");
	g_assert_cmpstr(kt_str(m, "pl", "b"), ==, "Dutch b");
	g_assert_cmpstr(kt_str(m, "so", "a"), ==, "Dutch a");
	g_assert_cmpstr(kt_str(m, "pl", "c"), ==, "");
	kt_model_free(m);
}

/* Every UI string the default theme has in English exists in Dutch. */
static void
test_strings_complete(void)
{
	struct kt_diag *d = kt_diag_new();
	struct kt_model *m = load_site(d);
	GHashTable *nl = g_hash_table_lookup(m->strings, "nl");
	GHashTable *en = g_hash_table_lookup(m->strings, "en");
	GHashTableIter it;
	gpointer k;

	g_hash_table_iter_init(&it, en);
	while (g_hash_table_iter_next(&it, &k, NULL))
		g_assert_true(g_hash_table_contains(nl, k));
	/* every vocabulary value shown on pages has a Dutch label */
	for (int v = 0; v < KT_V_COUNT; v++)
		for (int i = 0; v != KT_V_TRANSLATION && i < kt_vocab_size(v);
		    i++) {
			char *key = g_strdup_printf("v.%s.%s",
			    kt_vocabs[v].field, kt_vocab_name(v, i));
			g_assert_true(g_hash_table_contains(nl, key));
			g_free(key);
		}
	kt_model_free(m);
	kt_diag_free(d);
}

/* ---- tests/bad: each file and its exact diagnostics ---- */

static GHashTable *expected;	/* path -> GString of lines */

static void
load_expected(void)
{
	char *text;
	char **lines;

	g_assert_true(g_file_get_contents("tests/bad/expected.txt", &text,
	    NULL, NULL));
	expected = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
	    NULL);
	lines = g_strsplit(text, "\n", -1);
	for (char **l = lines; *l != NULL; l++) {
		const char *colon = strchr(*l, ':');
		char *path;
		GString *s;

		if (**l == '\0' || colon == NULL)
			continue;
		path = g_strndup(*l, (gsize)(colon - *l));
		s = g_hash_table_lookup(expected, path);
		if (s == NULL) {
			s = g_string_new(NULL);
			g_hash_table_insert(expected, g_strdup(path), s);
		}
		g_string_append_printf(s, "%s\n", *l);
		g_free(path);
	}
	g_strfreev(lines);
	g_free(text);
}

static char *bad_output;	/* all diagnostics of tests/bad, printed */

static void
test_bad_file(gconstpointer data)
{
	const char *path = data;
	GString *want = g_hash_table_lookup(expected, path);
	GString *got = g_string_new(NULL);
	char **lines = g_strsplit(bad_output, "\n", -1);
	char *prefix = g_strconcat(path, ":", NULL);

	for (char **l = lines; *l != NULL; l++)
		if (g_str_has_prefix(*l, prefix))
			g_string_append_printf(got, "%s\n", *l);
	g_assert_cmpstr(got->str, ==, want != NULL ? want->str : "");
	g_string_free(got, TRUE);
	g_free(prefix);
	g_strfreev(lines);
}

static void
run_bad(void)
{
	struct kt_paths p = { "tests/bad", "themes/default", OPENMOJI, 0 };
	struct kt_diag *d = kt_diag_new();
	struct kt_model *m = kt_load(&p, d);
	char *buf;
	size_t len;
	FILE *f = open_memstream(&buf, &len);
	struct kt_counter *c = kt_counter_new(KT_HYPHEN_DIR);

	kt_check_model(m, c, d, NULL);	/* as check does */
	kt_counter_free(c);
	kt_diag_print(d, f);
	fclose(f);
	bad_output = buf;
	kt_model_free(m);
	kt_diag_free(d);
}

static void
add_bad_tests(void)
{
	static const char *const dirs[] = {
		"opdrachten", "avonden", "tips", "pictogrammen", "woordenlijst"
	};

	for (int i = 0; i < 5; i++) {
		char *dir = g_build_filename("tests/bad", dirs[i], NULL);
		GDir *g = g_dir_open(dir, 0, NULL);
		GPtrArray *names = g_ptr_array_new();
		const char *name;

		g_assert_nonnull(g);
		while ((name = g_dir_read_name(g)) != NULL)
			g_ptr_array_add(names, g_strdup(name));
		g_dir_close(g);
		g_ptr_array_sort(names, kt_cmp_str);
		for (guint j = 0; j < names->len; j++) {
			char *path = g_build_filename(dir,
			    g_ptr_array_index(names, j), NULL);
			char *test = g_strdup_printf("/bad/%s/%s", dirs[i],
			    (char *)g_ptr_array_index(names, j));
			g_test_add_data_func_full(test, path, test_bad_file,
			    g_free);
			g_free(test);
			g_free(names->pdata[j]);
		}
		g_ptr_array_free(names, TRUE);
		g_free(dir);
	}
}

/* A content folder loaded with threads: its diagnostics as printed, and
 * its items in order. */
static char *
load_listing(const char *content, int jobs)
{
	struct kt_paths p = { content, "themes/default", OPENMOJI, jobs };
	struct kt_diag *d = kt_diag_new();
	struct kt_model *m = kt_load(&p, d);
	char *buf;
	size_t len;
	FILE *f = open_memstream(&buf, &len);

	kt_diag_print(d, f);
	for (int k = 0; k < KT_KIND_COUNT; k++)
		for (guint i = 0; i < m->items[k]->len; i++) {
			const struct kt_item *it = g_ptr_array_index(
			    m->items[k], i);

			fprintf(f, "%s %u %s\n", it->slug,
			    g_hash_table_size(it->texts), it->source->digest);
		}
	fclose(f);
	kt_model_free(m);
	kt_diag_free(d);
	return buf;
}

static void
test_load_threads(void)
{
	static const char *const dirs[] = { "tests/bad", "tests/site",
	    "content" };

	for (int i = 0; i < 3; i++) {
		char *one = load_listing(dirs[i], 1);
		char *four = load_listing(dirs[i], 4);

		g_assert_cmpuint(strlen(one), >, 100);
		g_assert_cmpstr(one, ==, four);
		g_free(one);
		g_free(four);
	}
}

static void
test_bad_expected_all_used(void)
{
	/* every expected line belongs to a file that exists */
	GHashTableIter it;
	gpointer k;

	g_hash_table_iter_init(&it, expected);
	while (g_hash_table_iter_next(&it, &k, NULL))
		g_assert_true(g_file_test(k, G_FILE_TEST_EXISTS));
}

int
main(int argc, char *argv[])
{
	int r;

	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/load/filename", test_filename);
	g_test_add_func("/load/suggest", test_suggest);
	g_test_add_func("/load/yaml-positions", test_yaml_positions);
	g_test_add_func("/load/yaml-hostile", test_yaml_hostile);
	g_test_add_func("/load/read-text", test_read_text);
	g_test_add_func("/load/site", test_load_site);
	g_test_add_func("/load/threads", test_load_threads);
	g_test_add_func("/load/evening", test_evening);
	g_test_add_func("/model/strings-complete", test_strings_complete);
	g_test_add_func("/model/strings-fallback", test_strings_fallback);
	load_expected();
	run_bad();
	add_bad_tests();
	g_test_add_func("/bad/expected-all-used", test_bad_expected_all_used);
	r = g_test_run();
	free(bad_output);
	g_hash_table_destroy(expected);
	return r;
}
