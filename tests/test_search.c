/*
 * The search index: words folded and stemmed (text/fold.c), the index
 * cut into shards (web/search.c) as the fixture's build wrote them, the
 * stemmers handed to the browser, and the terms of every word of content/
 * for tests/browser/search.test.mjs to compare with search.js's.
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "text/fold.h"
#include "text/json.h"
#include "util.h"

/* term(lang, word) must be want (NULL: no term). */
static void
expect(const char *lang, const char *word, const char *want)
{
	struct kt_folder *f = kt_folder_new(lang);
	char *t = kt_fold_term(f, word);

	if (g_strcmp0(t, want) != 0)
		g_error("%s \"%s\": term \"%s\", not \"%s\"", lang, word,
		    t ? t : "(none)", want ? want : "(none)");
	g_free(t);
	kt_folder_free(f);
}

/* Word forms meet in one term: plural, capitals, accents. */
static void
test_dutch(void)
{
	expect("nl", "beroep", "beroep");
	expect("nl", "beroepen", "beroep");
	expect("nl", "Beroepen", "beroep");
	expect("nl", "ouders", "ouder");
	expect("nl", "werkexploratie", "werkexploratie");
	/* the stemmer sees the accent, the term has none */
	expect("nl", "oriënteren", "orienter");
	expect("nl", "Oriënteren", "orienter");
	/* a typo is no word form: search.js forgives it, not the stemmer */
	expect("nl", "beroepn", "beroepn");
	/* one letter is no term */
	expect("nl", "a", NULL);
	expect("nl", "é", NULL);
}

/* The article, vowel marks, tatweel, alef, ya and ta marbuta. */
static void
test_arabic(void)
{
	expect("ar", "مهنة", "مهن");
	expect("ar", "المهنة", "مهن");
	expect("ar", "المِهْنَة", "مهن");
	expect("ar", "مِهْنَة", "مهن");
	expect("ar", "مهنـــة", "مهن");
	expect("ar", "والمهنة", "مهن");
	/* alef with hamza above, below, madda: one alef */
	expect("ar", "أولياء", "اولياء");
	expect("ar", "اولياء", "اولياء");
	/* alef maksura as ya; the article stays when too little is left */
	expect("ar", "إلى", "الي");
	expect("ar", "الى", "الي");
	/* ta marbuta as ha, in a language without a stemmer (Dari) too */
	expect("prs", "مدرسة", "مدرسه");
	expect("prs", "مدرسه", "مدرسه");
	expect("prs", "دربارهٔ", "درباره");
	/* Persian ye and kaf as the Arabic ones */
	expect("prs", "کودکی", "كودكي");
}

/* Turkish stems; the others fold only (no Snowball stemmer here). */
static void
test_other_languages(void)
{
	expect("tr", "meslekler", "meslek");
	expect("tr", "mesleği", "meslek");
	expect("tr", "Çocuklar", "cocuk");
	expect("en", "Parents", "parents");
	expect("uk", "Дитина", "дитина");
	expect("pl", "Zażółć", "zazołc");
	expect("so", "Waalidka", "waalidka");
	expect("ti", "ውላድኩም", "ውላድኩም");
	expect("pap", "Mayornan", "mayornan");
	expect(NULL, "Überall", "uberall");
}

static void
test_words(void)
{
	GPtrArray *w = g_ptr_array_new_with_free_func(g_free);
	static const char *const want[] = {
		"gesprek", "in", "groepjes", "2026", "Oriënteren",
		"می\u200cخواهد", "المِهْنَة"
	};

	kt_fold_words("gesprek-in-groepjes (2026): Oriënteren! "
	    "می\u200cخواهد، المِهْنَة.", w);
	g_assert_cmpuint(w->len, ==, G_N_ELEMENTS(want));
	for (guint i = 0; i < w->len; i++)
		g_assert_cmpstr(g_ptr_array_index(w, i), ==, want[i]);
	g_ptr_array_free(w, TRUE);
	w = g_ptr_array_new_with_free_func(g_free);
	kt_fold_words("", w);
	kt_fold_words(" -- ", w);
	kt_fold_words(NULL, w);
	g_assert_cmpuint(w->len, ==, 0);
	g_ptr_array_free(w, TRUE);
}

static char *
read_out(const char *rel)
{
	char *p = g_build_filename(t_fixture(), rel, NULL), *s = NULL;

	if (!g_file_get_contents(p, &s, NULL, NULL))
		g_error("%s: not written", p);
	g_free(p);
	return s;
}

/* The names between the brackets after key in js, quoted strings. */
static GPtrArray *
string_list(const char *js, const char *key)
{
	GPtrArray *a = g_ptr_array_new_with_free_func(g_free);
	const char *at = strstr(js, key), *end;

	g_assert_nonnull(at);
	at += strlen(key);
	end = strchr(at, ']');
	while (at < end && (at = strchr(at, '"')) != NULL && at < end) {
		const char *close = strchr(at + 1, '"');

		g_ptr_array_add(a, g_strndup(at + 1, (gsize)(close - at - 1)));
		at = close + 1;
	}
	return a;
}

/*
 * The shards: every one listed is written, every file written is
 * listed, each holds only terms of its two letters; a title's word
 * weighs 8, a competence's official term 4 for the item that has it.
 */
static void
test_shards(void)
{
	char *index = read_out("nl/zoek/index.js"), *shard;
	char *dir = g_build_filename(t_fixture(), "nl/zoek", NULL);
	GPtrArray *ids, *shards, *files;

	g_assert_true(g_str_has_prefix(index,
	    "ktSearch.load(\"nl\",\"index\",{\"ids\":["));
	ids = string_list(index, "\"ids\":[");
	g_assert_cmpuint(ids->len, ==, 6);
	g_assert_cmpstr(g_ptr_array_index(ids, 1), ==,
	    "opdrachten/trots-op-jezelf");
	g_assert_nonnull(strstr(index, "\"stem\":true"));
	shards = string_list(index, "\"shards\":[");
	files = t_files(dir);
	g_assert_cmpuint(files->len, ==, shards->len + 1);
	g_assert_cmpuint(shards->len, >, 40);
	for (guint i = 0; i < shards->len; i++) {
		const char *name = g_ptr_array_index(shards, i);
		char *rel = g_strdup_printf("nl/zoek/%s.js", name);
		char *head = g_strdup_printf("ktSearch.load(\"nl\",\"%s\",{",
		    name);

		shard = read_out(rel);
		g_assert_true(g_str_has_prefix(shard, head));
		g_assert_true(g_str_has_suffix(shard, "});\n"));
		g_free(head);
		g_free(shard);
		g_free(rel);
	}
	/* "tr": the title word "trots", stemmed, in item 1's title */
	shard = read_out("nl/zoek/7472.js");
	g_assert_nonnull(strstr(shard, "\"trot\":[1,8]"));
	g_free(shard);
	/* "we": open-dag-samen has the competence werkexploratie */
	shard = read_out("nl/zoek/7765.js");
	g_assert_nonnull(strstr(shard, "\"werkexploratie\":[0,4]"));
	g_free(shard);
	/* Arabic: the evening's "المهنة" under its stem, without article */
	shard = read_out("ar/zoek/d985d987.js");
	g_assert_nonnull(strstr(shard, "\"مهن\":["));
	g_free(shard);
	/* "ال": only terms too short to lose the article ("الصف") */
	shard = read_out("ar/zoek/d8a7d984.js");
	for (const char *at = strstr(shard, "{\""); at != NULL;
	    at = strstr(at, "],\"")) {
		const char *key = strchr(at, '"') + 1;
		char *term = g_strndup(key, (gsize)(strchr(key, '"') - key));

		g_assert_true(g_str_has_prefix(term, "ال"));
		g_assert_cmpint(g_utf8_strlen(term, -1), <=, 4);
		g_free(term);
		at = key;
	}
	g_free(shard);
	g_ptr_array_free(files, TRUE);
	g_ptr_array_free(shards, TRUE);
	g_ptr_array_free(ids, TRUE);
	g_free(dir);
	g_free(index);
}

/* The stemmers of the site's languages, as scripts for search.js. */
static void
test_stemmers(void)
{
	static const char *const langs[] = { "nl", "ar" };
	char *p = g_build_filename(t_fixture(), "assets/stem/tr.js", NULL);

	for (gsize i = 0; i < G_N_ELEMENTS(langs); i++) {
		char *rel = g_strdup_printf("assets/stem/%s.js", langs[i]);
		char *js = read_out(rel);
		char *call = g_strdup_printf("window.ktSearch.stemmer(\"%s\", "
		    "stemmer);", langs[i]);

		g_assert_true(g_str_has_prefix(js, "(function () {\n"));
		g_assert_nonnull(strstr(js, call));
		g_assert_null(strstr(js, "export "));
		g_free(call);
		g_free(js);
		g_free(rel);
	}
	/* tests/site has no Turkish: no Turkish stemmer */
	g_assert_false(g_file_test(p, G_FILE_TEST_EXISTS));
	g_free(p);
	p = read_out("nl/index.html");
	g_assert_nonnull(strstr(p, "<script src=\"../assets/search.js\" "
	    "defer=\"defer\"></script>"));
	g_free(p);
}

/* The words of content/'s texts in lang, sorted, each once. */
static GPtrArray *
content_words(const char *lang)
{
	GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal,
	    g_free, NULL);
	static const char *const kinds[] = { "opdrachten", "avonden", "tips" };
	char *suffix = g_strdup_printf(".%s.md", lang);
	GPtrArray *out;

	for (gsize k = 0; k < G_N_ELEMENTS(kinds); k++) {
		char *dir = g_build_filename("content", kinds[k], NULL);
		GPtrArray *files = t_files(dir);

		for (guint i = 0; i < files->len; i++) {
			char *p, *text;
			GPtrArray *w;

			if (!g_str_has_suffix(g_ptr_array_index(files, i), suffix))
				continue;
			p = g_build_filename(dir, g_ptr_array_index(files, i),
			    NULL);
			g_assert_true(g_file_get_contents(p, &text, NULL,
			    NULL));
			/* the set takes the words, and frees a second copy */
			w = g_ptr_array_new();
			kt_fold_words(text, w);
			for (guint j = 0; j < w->len; j++)
				g_hash_table_add(seen, g_ptr_array_index(w, j));
			g_ptr_array_free(w, TRUE);
			g_free(text);
			g_free(p);
		}
		g_ptr_array_free(files, TRUE);
		g_free(dir);
	}
	out = g_ptr_array_new_with_free_func(g_free);
	{
		GHashTableIter it;
		gpointer key;

		g_hash_table_iter_init(&it, seen);
		while (g_hash_table_iter_next(&it, &key, NULL))
			g_ptr_array_add(out, g_strdup(key));
	}
	g_ptr_array_sort(out, t_cmp_str);
	g_hash_table_destroy(seen);
	g_free(suffix);
	return out;
}

/*
 * The term of every word of content/ in each language, as JSON
 * {lang: {word: term or null}} into $KT_SEARCH_TERMS when it is set (the
 * browser test compares search.js's with these). Each language has a
 * few hundred words, and the stemmed ones do stem.
 */
static void
test_terms(void)
{
	static const char *const langs[] = {
		"nl", "en", "tr", "ar", "pl", "uk", "ti", "so", "prs", "pap"
	};
	const char *to = g_getenv("KT_SEARCH_TERMS");
	GString *j = g_string_new("{");

	for (gsize l = 0; l < G_N_ELEMENTS(langs); l++) {
		struct kt_folder *f = kt_folder_new(langs[l]);
		struct kt_folder *plain = kt_folder_new(NULL);
		GPtrArray *w = content_words(langs[l]);
		guint stemmed = 0;

		g_assert_cmpuint(w->len, >=, 300);
		g_string_append_printf(j, "%s\"%s\":{", l ? "," : "", langs[l]);
		for (guint i = 0; i < w->len; i++) {
			char *t = kt_fold_term(f, g_ptr_array_index(w, i));
			char *u = kt_fold_term(plain, g_ptr_array_index(w, i));

			stemmed += g_strcmp0(t, u) != 0;
			g_string_append(j, i ? "," : "");
			kt_json_str(j, g_ptr_array_index(w, i));
			g_string_append_c(j, ':');
			if (t != NULL)
				kt_json_str(j, t);
			else
				g_string_append(j, "null");
			g_free(u);
			g_free(t);
		}
		g_string_append_c(j, '}');
		/* a fifth of the words have a shorter stem, or none */
		if (kt_folder_stems(f))
			g_assert_cmpuint(stemmed, >, w->len / 5);
		else
			g_assert_cmpuint(stemmed, <=, w->len / 50);
		g_ptr_array_free(w, TRUE);
		kt_folder_free(plain);
		kt_folder_free(f);
	}
	g_string_append(j, "}\n");
	if (to != NULL)
		g_assert_true(g_file_set_contents(to, j->str, (gssize)j->len,
		    NULL));
	g_string_free(j, TRUE);
}

int
main(int argc, char *argv[])
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/search/dutch", test_dutch);
	g_test_add_func("/search/arabic", test_arabic);
	g_test_add_func("/search/other-languages", test_other_languages);
	g_test_add_func("/search/words", test_words);
	g_test_add_func("/search/shards", test_shards);
	g_test_add_func("/search/stemmers", test_stemmers);
	g_test_add_func("/search/terms", test_terms);
	return g_test_run();
}
