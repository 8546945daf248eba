/*
 * The pages as search engines and screen readers take them, read back
 * from the fixture with libxml2's HTML parser: a meta description on
 * every page, canonical and hreflang addresses that are absolute and
 * built from basis_url, only the Dutch fallback text marked lang="nl"
 * (never a page's own labels), every vocabulary value in the reader's
 * words (never a key such as "gesprek-in-groepjes"), the official
 * competence term beside the plain question, and the bank's panel,
 * count and per-kind filters.
 */
#include <glib.h>
#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>
#include <string.h>

#include "model/model.h"
#include "util.h"

#define BASE "https://lob.testschool.example/"

static htmlDocPtr
parse(const char *rel)
{
	char *p = g_build_filename(t_fixture(), rel, NULL);
	htmlDocPtr d = htmlReadFile(p, "UTF-8", HTML_PARSE_NOERROR |
	    HTML_PARSE_NOWARNING | HTML_PARSE_NONET);

	g_assert_nonnull(d);
	g_free(p);
	return d;
}

/* The nodes of expr; the caller frees them with xmlXPathFreeObject. */
static xmlXPathObjectPtr
xpath(htmlDocPtr d, const char *expr)
{
	xmlXPathContextPtr c = xmlXPathNewContext(d);
	xmlXPathObjectPtr o = xmlXPathEvalExpression(BAD_CAST expr, c);

	xmlXPathFreeContext(c);
	g_assert_nonnull(o);
	return o;
}

static int
count(htmlDocPtr d, const char *expr)
{
	xmlXPathObjectPtr o = xpath(d, expr);
	int n = o->nodesetval ? o->nodesetval->nodeNr : 0;

	xmlXPathFreeObject(o);
	return n;
}

/* The text of the first node of expr, or NULL; the caller frees it. */
static char *
string(htmlDocPtr d, const char *expr)
{
	xmlXPathObjectPtr o = xpath(d, expr);
	char *s = NULL;

	if (o->nodesetval != NULL && o->nodesetval->nodeNr > 0) {
		xmlChar *c = xmlNodeGetContent(o->nodesetval->nodeTab[0]);
		s = g_strdup((const char *)c);
		xmlFree(c);
	}
	xmlXPathFreeObject(o);
	return s;
}

/* Every page of the fixture, relative to out/. */
static GPtrArray *
pages(void)
{
	GPtrArray *all = t_files(t_fixture());
	GPtrArray *html = g_ptr_array_new_with_free_func(g_free);

	for (guint i = 0; i < all->len; i++) {
		const char *f = g_ptr_array_index(all, i);

		if (g_str_has_suffix(f, ".html"))
			g_ptr_array_add(html, g_strdup(f));
	}
	g_ptr_array_free(all, TRUE);
	g_assert_cmpuint(html->len, >, 30);
	return html;
}

/* The language folder of a page, "" for the root's pages. */
static char *
page_lang(const char *rel)
{
	const char *slash = strchr(rel, '/');

	return slash ? g_strndup(rel, (gsize)(slash - rel)) : g_strdup("");
}

static void
test_meta_description(void)
{
	GPtrArray *all = pages();
	GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal,
	    g_free, NULL);

	for (guint i = 0; i < all->len; i++) {
		const char *rel = g_ptr_array_index(all, i);
		htmlDocPtr d = parse(rel);
		char *s = string(d, "//head/meta[@name='description']/@content");

		if (s == NULL || strlen(g_strstrip(s)) < 20)
			g_error("%s: no meta description (%s)", rel,
			    s ? s : "none");
		g_assert_cmpint(count(d, "//head/meta[@name='description']"),
		    ==, 1);
		g_hash_table_add(seen, s);
		xmlFreeDoc(d);
	}
	/* pages say different things: not one text for the whole site */
	g_assert_cmpuint(g_hash_table_size(seen), >, 15);
	g_hash_table_destroy(seen);
	g_ptr_array_free(all, TRUE);

	/* an item's page in its own language: its summary */
	{
		htmlDocPtr d = parse("nl/opdrachten/trots-op-jezelf.html");
		char *want = string(d, "//p[@class='summary']");
		char *got = string(d, "//meta[@name='description']/@content");

		g_assert_cmpstr(got, ==, want);
		g_free(want);
		g_free(got);
		xmlFreeDoc(d);
	}
}

static void
test_canonical_hreflang(void)
{
	GPtrArray *all = pages();

	for (guint i = 0; i < all->len; i++) {
		const char *rel = g_ptr_array_index(all, i);
		htmlDocPtr d = parse(rel);
		char *want = g_strconcat(BASE, rel, NULL);
		char *canon = string(d, "//head/link[@rel='canonical']/@href");
		xmlXPathObjectPtr o = xpath(d,
		    "//head/link[@rel='alternate']/@href");
		int n = o->nodesetval ? o->nodesetval->nodeNr : 0;

		g_assert_cmpstr(canon, ==, want);
		g_assert_cmpint(count(d, "//head/link[@rel='canonical']"), ==,
		    1);
		for (int j = 0; j < n; j++) {
			xmlChar *h = xmlNodeGetContent(o->nodesetval->nodeTab[j]);

			if (!g_str_has_prefix((const char *)h, BASE))
				g_error("%s: hreflang address %s is not "
				    "absolute", rel, h);
			xmlFree(h);
		}
		if (strcmp(rel, "404.html") != 0)
			g_assert_cmpint(n, >=, 1);
		xmlXPathFreeObject(o);
		g_free(canon);
		g_free(want);
		xmlFreeDoc(d);
	}
	g_ptr_array_free(all, TRUE);

	/* an item: its languages and the Dutch as x-default, and the page
	 * in each language is the page its alternate names */
	{
		htmlDocPtr d = parse("ar/opdrachten/trots-op-jezelf.html");
		char *ar = string(d, "//link[@hreflang='ar']/@href");
		char *def = string(d, "//link[@hreflang='x-default']/@href");

		g_assert_cmpstr(ar, ==, BASE "ar/opdrachten/trots-op-jezelf.html");
		g_assert_cmpstr(def, ==, BASE "nl/opdrachten/trots-op-jezelf.html");
		g_assert_cmpint(count(d, "//link[@rel='alternate']"), ==, 5);
		g_free(ar);
		g_free(def);
		xmlFreeDoc(d);
	}
}

/*
 * On every page that is not Dutch, the page's own labels (headings,
 * terms, table heads, the kind) are never inside an element marked with
 * another language; what is marked Dutch is marked left to right.
 */
static void
test_lang_marking(void)
{
	GPtrArray *all = pages();

	for (guint i = 0; i < all->len; i++) {
		const char *rel = g_ptr_array_index(all, i);
		char *lang = page_lang(rel);
		htmlDocPtr d;

		if (*lang == '\0' || strcmp(lang, "nl") == 0) {
			g_free(lang);
			continue;
		}
		d = parse(rel);
		if (count(d, "//main//*[self::h2 or self::dt or self::th or "
		    "self::legend or @class='kind' or self::summary]"
		    "[ancestor-or-self::*[@lang][1][not(self::html)]]") != 0)
			g_error("%s: a label of the page is marked as in "
			    "another language", rel);
		g_assert_cmpint(count(d, "//main//*[@lang='nl' and "
		    "not(@dir='ltr')]"), ==, 0);
		xmlFreeDoc(d);
		g_free(lang);
	}
	g_ptr_array_free(all, TRUE);
}

/* The cases the issue names: a tip that is not translated, an evening. */
static void
test_lang_fallback(void)
{
	htmlDocPtr tip = parse("ar/tips/luister-eerst.html");
	htmlDocPtr ev = parse("ar/avonden/kennismaking-klas-1.html");
	htmlDocPtr ti = parse("ti/avonden/kennismaking-klas-1.html");
	char *s;

	/* the Dutch title and body are marked, the article is not */
	g_assert_cmpint(count(tip, "//article[@lang]"), ==, 0);
	g_assert_cmpint(count(tip, "//h1/span[@lang='nl' and @dir='ltr']"), ==,
	    1);
	g_assert_cmpint(count(tip, "//div[@class='prose' and @lang='nl']"), ==,
	    1);
	s = string(tip, "//p[@class='kind']");
	g_assert_cmpstr(s, !=, "Tip");	/* the Arabic label */
	g_free(s);
	/* the evening's script: Arabic headings, the Dutch text marked */
	g_assert_cmpint(count(ev, "//div[@class='script' and @lang]"), ==, 0);
	g_assert_cmpint(count(ev, "//ol[@class='programme']/li/div[@class="
	    "'what' and @lang='nl']"), ==, 5);
	s = string(ev, "//div[@class='script']/section[ol[@class='programme']]"
	    "/h2");
	g_assert_cmpstr(s, ==, "البرنامج");
	g_free(s);
	/* the theme: the translation's, else the Dutch marked as Dutch */
	s = string(ev, "//dl[@class='facts']/div[1]/dd");
	g_assert_cmpstr(s, ==, "التعارف والتوجيه المهني في السنة الأولى");
	g_free(s);
	g_assert_cmpint(count(ev, "//dl[@class='facts']/div[1]/dd[@lang]"), ==,
	    0);
	g_assert_cmpint(count(ti, "//dl[@class='facts']/div[1]/dd[@lang='nl' "
	    "and @dir='ltr']"), ==, 1);
	xmlFreeDoc(tip);
	xmlFreeDoc(ev);
	xmlFreeDoc(ti);
}

/* A language's UI strings from its i18n file: "key: text" lines. */
static GHashTable *
strings_of(const char *lang)
{
	char *path = g_strdup_printf("themes/default/i18n/%s.yaml", lang);
	char *text = NULL, **lines;
	GHashTable *t = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
	    g_free);

	g_assert_true(g_file_get_contents(path, &text, NULL, NULL));
	lines = g_strsplit(text, "\n", -1);
	for (char **l = lines; *l != NULL; l++) {
		char *colon = strstr(*l, ": ");

		if (**l == '#' || colon == NULL)
			continue;
		g_hash_table_insert(t, g_strndup(*l, (gsize)(colon - *l)),
		    g_strdup(g_strstrip(colon + 2)));
	}
	g_strfreev(lines);
	g_free(text);
	g_free(path);
	return t;
}

/* Fails when a text node of n or below is a raw vocabulary key. */
static void
no_keys_below(xmlNodePtr n, const char *rel, GPtrArray *keys)
{
	for (; n != NULL; n = n->next) {
		if (n->type == XML_ELEMENT_NODE && (strcmp((const char *)
		    n->name, "script") == 0 || strcmp((const char *)n->name,
		    "head") == 0))
			continue;
		if (n->type == XML_TEXT_NODE) {
			char *t = g_strstrip(g_strdup((const char *)n->content));

			for (guint i = 0; i < keys->len; i++) {
				const char *k = g_ptr_array_index(keys, i);

				if (strcmp(t, k) == 0 || (strchr(k, '-') &&
				    strstr(t, k) != NULL))
					g_error("%s: shows the key '%s' in "
					    "'%s'", rel, k, t);
			}
			g_free(t);
		}
		no_keys_below(n->children, rel, keys);
	}
}

/*
 * The keys of the vocabularies whose label is not the key itself
 * ("gesprek-in-groepjes", "werkexploratie"): none of them may be what a
 * reader sees, on any page.
 */
static void
test_no_raw_vocabulary(void)
{
	GHashTable *nl = strings_of("nl");
	GPtrArray *keys = g_ptr_array_new_with_free_func(g_free);
	GPtrArray *all = pages();

	for (int v = 0; v < KT_V_COUNT; v++)
		for (int i = 0; i < kt_vocab_size((enum kt_vocab_id)v); i++) {
			const char *name = kt_vocab_name((enum kt_vocab_id)v, i);
			char *key = g_strdup_printf("v.%s.%s",
			    kt_vocabs[v].field, name);
			const char *label = g_hash_table_lookup(nl, key);

			if (label != NULL && strcmp(label, name) != 0)
				g_ptr_array_add(keys, g_strdup(name));
			g_free(key);
		}
	g_assert_cmpuint(keys->len, >, 10);
	for (guint i = 0; i < all->len; i++) {
		const char *rel = g_ptr_array_index(all, i);
		htmlDocPtr d = parse(rel);

		no_keys_below(xmlDocGetRootElement(d), rel, keys);
		xmlFreeDoc(d);
	}
	/* and the work forms of the evening are its words */
	{
		htmlDocPtr d = parse("nl/avonden/kennismaking-klas-1.html");

		g_assert_cmpint(count(d, "//dl[@class='block-facts']//dd["
		    ".='gesprek in groepjes']"), ==, 1);
		g_assert_cmpint(count(d, "//dl[@class='block-facts']//dd["
		    ".='elevator pitch']"), ==, 1);
		xmlFreeDoc(d);
	}
	g_ptr_array_free(all, TRUE);
	g_ptr_array_free(keys, TRUE);
	g_hash_table_destroy(nl);
}

/* "Werkexploratie: welk werk past bij mij?" on the item, in the facet. */
static void
test_competence_terms(void)
{
	htmlDocPtr nl = parse("nl/opdrachten/trots-op-jezelf.html");
	htmlDocPtr ar = parse("ar/opdrachten/trots-op-jezelf.html");
	htmlDocPtr home = parse("nl/index.html");
	char *s;

	s = string(nl, "//div[@class='competences']/dd/ul/li[span="
	    "'Kwaliteitenreflectie']");
	g_assert_cmpstr(s, ==, "Kwaliteitenreflectie: wat kan ik?");
	g_free(s);
	/* on the Arabic page: the Dutch term marked Dutch, then Arabic */
	g_assert_cmpint(count(ar, "//div[@class='competences']//span[@class="
	    "'term' and @lang='nl' and .='Kwaliteitenreflectie']"), ==, 1);
	s = string(home, "//section[@data-facet='competenties']//a[@data-value="
	    "'werkexploratie']/span[@class='label']");
	g_assert_cmpstr(s, ==, "Werkexploratie: welk werk past bij mij?");
	g_free(s);
	xmlFreeDoc(nl);
	xmlFreeDoc(ar);
	xmlFreeDoc(home);
}

/*
 * The search index (zoek/, a shard per two first letters) holds an
 * item's competences by their official term and plain question, in the
 * page's language: on the Arabic bank "kwaliteitenreflectie" and
 * "نقاط" (strengths) find the item that has that competence, and only it.
 */
static void
test_competence_searchable(void)
{
	char *kw = g_build_filename(t_fixture(), "ar/zoek/6b77.js", NULL);
	char *nq = g_build_filename(t_fixture(), "ar/zoek/d986d982.js", NULL);
	char *index = g_build_filename(t_fixture(), "ar/zoek/index.js", NULL);
	char *a = NULL, *b = NULL, *ids = NULL;

	g_assert_true(g_file_get_contents(index, &ids, NULL, NULL));
	/* item 0 is open-dag-samen, item 1 trots-op-jezelf */
	g_assert_nonnull(strstr(ids,
	    "\"ids\":[\"opdrachten/open-dag-samen\",\"opdrachten/trots-op-jezelf\""));
	g_assert_true(g_file_get_contents(kw, &a, NULL, NULL));
	g_assert_nonnull(strstr(a, "\"kwaliteitenreflectie\":[1,"));
	g_assert_null(strstr(a, "\"kwaliteitenreflectie\":[0,"));
	g_assert_true(g_file_get_contents(nq, &b, NULL, NULL));
	g_assert_nonnull(strstr(b, "\"نقاط\":[1,"));
	g_free(a);
	g_free(b);
	g_free(ids);
	g_free(kw);
	g_free(nq);
	g_free(index);
}

/*
 * The bank: the facets in a <details> panel; the count above the cards;
 * on a kind's page the facets of that kind, counted over it; on the home
 * page a facet some kinds do not have says which.
 */
static void
test_bank_layout(void)
{
	htmlDocPtr home = parse("nl/index.html");
	htmlDocPtr ev = parse("nl/avonden/index.html");
	htmlDocPtr as = parse("nl/opdrachten/index.html");
	htmlDocPtr term = parse("nl/leerjaar/1.html");
	char *s;

	g_assert_cmpint(count(home, "//aside[@class='filters']/details/summary"),
	    ==, 1);
	s = string(home, "//div[@id='results']/p[@class='result-count']");
	g_assert_cmpstr(s, ==, "6 resultaten");
	g_free(s);
	g_assert_cmpint(count(home, "//div[@id='results']//li[@class='card']"),
	    ==, 6);
	g_assert_cmpint(count(home, "//section[@data-facet='onderwijstype' and "
	    "@data-without='avonden tips']/p[@class='facet-note']"), ==, 1);
	/* the evenings: no school type facet, no kind facet, counts of 1 */
	g_assert_cmpint(count(ev, "//details[@class='filters-panel']"), ==, 1);
	g_assert_cmpint(count(ev, "//section[@data-facet='onderwijstype']"), ==,
	    0);
	g_assert_cmpint(count(ev, "//section[@data-facet='soort']"), ==, 0);
	s = string(ev, "//section[@data-facet='leerjaar']//a[@data-value='1']"
	    "/span[@class='count']");
	g_assert_cmpstr(s, ==, "1");
	g_free(s);
	s = string(ev, "//section[@data-facet='leerjaar']//a/@href");
	g_assert_cmpstr(s, ==, "../../nl/leerjaar/1.html#avonden");
	g_free(s);
	g_assert_cmpint(count(as, "//div[@id='results']//li[@class='card']"),
	    ==, 3);
	g_assert_cmpint(count(as, "//section[@data-facet='competenties']"), ==,
	    1);
	/* a card carries what it is filtered by */
	s = string(home, "//li[@data-id='opdrachten/open-dag-samen']/@data-ty");
	g_assert_nonnull(strstr(s, "vwo:5"));
	g_free(s);
	/* a term page: the count, and its filter as a chip that removes it */
	s = string(term, "//p[@class='result-count']");
	g_assert_cmpstr(s, ==, "3 resultaten");
	g_free(s);
	g_assert_cmpint(count(term, "//p[@class='chips']/a[@class='chip' and "
	    "@href='../../nl/index.html' and @aria-label='Leerjaar: 1 wissen']"),
	    ==, 1);
	g_assert_cmpint(count(term, "//section[@id='avonden']"), ==, 1);
	xmlFreeDoc(home);
	xmlFreeDoc(ev);
	xmlFreeDoc(as);
	xmlFreeDoc(term);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/pages/meta-description", test_meta_description);
	g_test_add_func("/pages/canonical-hreflang", test_canonical_hreflang);
	g_test_add_func("/pages/lang-marking", test_lang_marking);
	g_test_add_func("/pages/lang-fallback", test_lang_fallback);
	g_test_add_func("/pages/no-raw-vocabulary", test_no_raw_vocabulary);
	g_test_add_func("/pages/competence-terms", test_competence_terms);
	g_test_add_func("/pages/competence-searchable",
	    test_competence_searchable);
	g_test_add_func("/pages/bank-layout", test_bank_layout);
	return g_test_run();
}
