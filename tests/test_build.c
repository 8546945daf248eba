/*
 * End-to-end: checks what a reader gets from the fixture (tests/site built
 * once per run, see tests/util.h), and builds into a temporary folder of
 * its own where a case is about the build itself. HTML is parsed with
 * libxml2; sheets are read back with poppler's pdftotext, pdffonts and
 * pdfinfo, and the QR code is decoded with zbarimg, as a phone would.
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>

#include "out/writer.h"
#include "util.h"

static char *tmp;	/* a folder for this run */

static int
build(const char *content, const char *dest, const char *epoch, char **se)
{
	return t_build(content, dest, epoch, NULL, se);
}

static char *
out_path(const char *rel)
{
	return g_build_filename(t_fixture(), rel, NULL);
}

static htmlDocPtr
parse(const char *rel)
{
	char *p = out_path(rel);
	htmlDocPtr d = htmlReadFile(p, "UTF-8", HTML_PARSE_NOERROR |
	    HTML_PARSE_NOWARNING | HTML_PARSE_NONET);

	g_assert_nonnull(d);
	g_free(p);
	return d;
}

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

static char *
string(htmlDocPtr d, const char *expr)
{
	char *e = g_strdup_printf("string(%s)", expr);
	xmlXPathObjectPtr o = xpath(d, e);
	char *s = g_strdup((const char *)o->stringval);

	xmlXPathFreeObject(o);
	g_free(e);
	return s;
}

static GPtrArray *
html_files(void)
{
	GPtrArray *all = t_files(t_fixture());
	GPtrArray *html = g_ptr_array_new_with_free_func(g_free);

	for (guint i = 0; i < all->len; i++)
		if (g_str_has_suffix(g_ptr_array_index(all, i), ".html"))
			g_ptr_array_add(html, g_strdup(g_ptr_array_index(all,
			    i)));
	g_ptr_array_free(all, TRUE);
	return html;
}

/* ---- the site ---- */

static void
test_site_files(void)
{
	static const char *const want[] = {
		"index.html", "404.html", "assets/style.css",
		"nl/index.html", "en/index.html", "ar/index.html",
		"nl/opdrachten/index.html", "nl/avonden/index.html",
		"nl/tips/index.html",
		"nl/opdrachten/trots-op-jezelf.html",
		"ar/opdrachten/trots-op-jezelf.html",
		"ar/opdrachten/open-dag-samen.html",
		"nl/avonden/kennismaking-klas-1.html",
		"en/tips/luister-eerst.html",
		"nl/opdrachten/trots-op-jezelf.pdf",
		"en/opdrachten/trots-op-jezelf.pdf",
		"ar/opdrachten/trots-op-jezelf.pdf",
		"pictogrammen/trots.svg", NULL
	};

	for (int i = 0; want[i] != NULL; i++) {
		char *p = out_path(want[i]);
		if (!g_file_test(p, G_FILE_TEST_IS_REGULAR))
			g_error("missing %s", want[i]);
		g_free(p);
	}
	/* no sheet in a language the assignment has no text in */
	{
		char *p = out_path("ar/opdrachten/open-dag-samen.pdf");
		g_assert_false(g_file_test(p, G_FILE_TEST_EXISTS));
		g_free(p);
	}
}

/* Every page: lang and dir, a title, one h1, links that resolve. */
static void
test_html_structure(void)
{
	GPtrArray *files = html_files();

	g_assert_cmpuint(files->len, >=, 38);	/* 4 languages */
	for (guint i = 0; i < files->len; i++) {
		const char *rel = g_ptr_array_index(files, i);
		htmlDocPtr d = parse(rel);
		char *lang = string(d, "/html/@lang");
		char *dir = string(d, "/html/@dir");
		char *title = string(d, "/html/head/title");
		char *raw, *p = out_path(rel), *base = g_path_get_dirname(p);
		xmlXPathObjectPtr o;

		g_assert_true(g_file_get_contents(p, &raw, NULL, NULL));
		g_assert_true(g_str_has_prefix(raw, "<!DOCTYPE html>\n"));
		g_assert_cmpstr(dir, ==, strcmp(lang, "ar") == 0 ? "rtl" :
		    "ltr");
		g_assert_cmpuint(strlen(title), >, 3);
		if (count(d, "//h1") != 1)
			g_error("%s: %d h1 elements", rel, count(d, "//h1"));
		o = xpath(d, "//@href | //@src");
		for (int j = 0; o->nodesetval && j < o->nodesetval->nodeNr;
		    j++) {
			xmlChar *u = xmlNodeGetContent(
			    o->nodesetval->nodeTab[j]);
			char *target = g_strdup((const char *)u), *hash, *f;

			xmlFree(u);
			if ((hash = strchr(target, '#')) != NULL)
				*hash = '\0';
			if (strstr(target, "://") || *target == '\0' ||
			    g_str_has_prefix(target, "mailto:") ||
			    strcmp(rel, "404.html") == 0) {
				g_free(target);
				continue;
			}
			f = g_build_filename(base, target, NULL);
			if (!g_file_test(f, G_FILE_TEST_IS_REGULAR))
				g_error("%s: link to %s does not resolve", rel,
				    target);
			g_free(f);
			g_free(target);
		}
		xmlXPathFreeObject(o);
		g_free(raw);
		g_free(base);
		g_free(p);
		g_free(lang);
		g_free(dir);
		g_free(title);
		xmlFreeDoc(d);
	}
	g_ptr_array_free(files, TRUE);
}

static void
test_translations(void)
{
	htmlDocPtr nl = parse("nl/opdrachten/trots-op-jezelf.html");
	htmlDocPtr ar = parse("ar/opdrachten/trots-op-jezelf.html");
	htmlDocPtr miss = parse("ar/opdrachten/open-dag-samen.html");
	char *s;

	/* hreflang alternates for each language with a text */
	g_assert_cmpint(count(nl, "//head/link[@rel='alternate' and "
	    "@hreflang!='x-default']"), ==, 4);
	g_assert_cmpint(count(miss, "//head/link[@rel='alternate' and "
	    "@hreflang!='x-default']"), ==, 1);
	/* the switcher reaches the same item in every language */
	g_assert_cmpint(count(nl, "//nav[@class='languages']//a"), ==, 4);
	s = string(nl, "//nav[@class='languages']//a[@hreflang='ar']/@href");
	g_assert_cmpstr(s, ==, "../../ar/opdrachten/trots-op-jezelf.html");
	g_free(s);
	/* Arabic: right to left, draft label, the Arabic title */
	s = string(ar, "/html/@dir");
	g_assert_cmpstr(s, ==, "rtl");
	g_free(s);
	g_assert_cmpint(count(ar, "//p[contains(@class,'notice-draft')]"), ==,
	    1);
	s = string(ar, "//h1");
	g_assert_cmpstr(g_strstrip(s), ==, "ثلاثة أشياء أفتخر بها");
	g_free(s);
	/* the teacher part is Dutch-only, marked so */
	g_assert_cmpint(count(ar, "//section[@id='docent']//div[@lang='nl']"),
	    ==, 3);
	/* untranslated: says so, links to the Dutch, shows Dutch marked nl */
	g_assert_cmpint(count(miss, "//p[contains(@class,'notice-missing')]"
	    "/a[@href='../../nl/opdrachten/open-dag-samen.html']"), ==, 1);
	g_assert_cmpint(count(miss, "//h1/span[@lang='nl']"), ==, 1);
	g_assert_cmpint(count(miss, "//article[@lang]"), ==, 0);
	/* downloads: each language's sheet, bilingual ones, the checklist */
	{
		static const char *const want[] = {
			"../../nl/opdrachten/trots-op-jezelf.pdf",
			"../../en/opdrachten/trots-op-jezelf.pdf",
			"../../en/opdrachten/trots-op-jezelf.en-nl.pdf",
			"../../ar/opdrachten/trots-op-jezelf.pdf",
			"../../ar/opdrachten/trots-op-jezelf.ar-nl.pdf",
			"../../ti/opdrachten/trots-op-jezelf.pdf",
			"../../ti/opdrachten/trots-op-jezelf.ti-nl.pdf",
			"../../nl/opdrachten/trots-op-jezelf-klassenlijst.pdf",
			NULL
		};
		GString *got = g_string_new(NULL), *exp = g_string_new(NULL);
		xmlXPathObjectPtr o = xpath(nl, "//section[@class='downloads']"
		    "//a[@type='application/pdf']/@href");

		for (int i = 0; o->nodesetval && i < o->nodesetval->nodeNr;
		    i++) {
			xmlChar *h = xmlNodeGetContent(o->nodesetval->nodeTab[i]);
			g_string_append_printf(got, "%s\n", (char *)h);
			xmlFree(h);
		}
		for (int i = 0; want[i] != NULL; i++)
			g_string_append_printf(exp, "%s\n", want[i]);
		g_assert_cmpstr(got->str, ==, exp->str);
		xmlXPathFreeObject(o);
		g_string_free(got, TRUE);
		g_string_free(exp, TRUE);
	}
	xmlFreeDoc(nl);
	xmlFreeDoc(ar);
	xmlFreeDoc(miss);
}

/* Nothing from content becomes markup. */
static void
test_escaping(void)
{
	htmlDocPtr d = parse("nl/opdrachten/veilig.html");
	char *p = out_path("nl/opdrachten/veilig.html"), *raw, *s;

	g_assert_true(g_file_get_contents(p, &raw, NULL, NULL));
	/* the only scripts: site.js and the escaped JSON-LD */
	g_assert_cmpint(count(d, "//script"), ==, 2);
	g_assert_cmpint(count(d, "//script[@src='../../assets/site.js']"), ==, 1);
	g_assert_cmpint(count(d, "//script[@type='application/ld+json']"), ==,
	    1);
	{
		char *ld = string(d, "//script[@type='application/ld+json']");
		/* nothing in it can end the element */
		g_assert_null(strstr(ld, "<"));
		g_assert_nonnull(strstr(ld, "\\u003cscript\\u003ealert(1)"));
		g_free(ld);
	}
	g_assert_cmpint(count(d, "//@*[starts-with(name(), 'on')]"), ==, 0);
	g_assert_cmpint(count(d, "//img[@src='x']"), ==, 0);
	g_assert_cmpint(count(d, "//u | //div[@onclick]"), ==, 0);
	g_assert_null(strstr(raw, "<script>"));
	g_assert_nonnull(strstr(raw, "Veilig &lt;script&gt;alert(1)&lt;/script&gt; &amp; goed"));
	s = string(d, "//h1");
	g_assert_nonnull(strstr(s, "<script>alert(1)</script> & goed"));
	g_free(s);
	/* Markdown still works: bold, and a safe link kept as a link */
	g_assert_cmpint(count(d, "//div[contains(@class,'intro')]//strong"),
	    ==, 1);
	g_assert_cmpint(count(d, "//a[@href='https://example.org/?a=1&b=2']"),
	    ==, 1);
	g_free(raw);
	g_free(p);
	xmlFreeDoc(d);
}

/* A school's own pictogram is used on the page and copied as it is. */
static void
test_own_pictogram(void)
{
	htmlDocPtr d = parse("nl/opdrachten/veilig.html");
	char *a, *b, *p = out_path("pictogrammen/schoolbord.svg");

	g_assert_cmpint(count(d, "//img[@src='../../pictogrammen/schoolbord.svg']"),
	    ==, 1);
	g_assert_true(g_file_get_contents(p, &a, NULL, NULL));
	g_assert_true(g_file_get_contents("tests/site/pictogrammen/schoolbord.svg",
	    &b, NULL, NULL));
	g_assert_cmpstr(a, ==, b);
	g_free(a);
	g_free(b);
	g_free(p);
	xmlFreeDoc(d);
}

/* The bank's facet pages, the planner, the search index. */
static void
test_bank(void)
{
	htmlDocPtr y1 = parse("nl/leerjaar/1.html");
	htmlDocPtr home = parse("nl/index.html");
	htmlDocPtr plan = parse("nl/jaarplanner.html");
	char *p = out_path("nl/index.js"), *js, *s;

	/* year 1: trots-op-jezelf, veilig and the evening for klas 1 */
	g_assert_cmpint(count(y1, "//li[@class='card']"), ==, 3);
	g_assert_cmpint(count(y1, "//li[@data-id='opdrachten/open-dag-samen']"),
	    ==, 0);
	/* the home page: every item (the talk guide too), the facets with
	 * counts as links */
	g_assert_cmpint(count(home, "//li[@class='card']"), ==, 6);
	s = string(home, "//section[@data-facet='leerjaar']//a[@data-value='1']"
	    "/span[@class='count']");
	g_assert_cmpstr(s, ==, "3");
	g_free(s);
	s = string(home, "//section[@data-facet='leerjaar']//a[@data-value='1']"
	    "/@href");
	g_assert_cmpstr(s, ==, "../nl/leerjaar/1.html");
	g_free(s);
	g_assert_cmpint(count(home, "//section[@data-facet='fase']//a"
	    "[@data-value='orienteren']"), ==, 1);
	g_assert_cmpint(count(home, "//script[@src='../nl/index.js']"), ==, 1);
	/* the planner: year 1, phase oriënteren, trots-op-jezelf */
	g_assert_cmpint(count(plan, "//section[h2='Leerjaar 1']//div[dt="
	    "'oriënteren']//a[@href='../nl/opdrachten/trots-op-jezelf.html']"),
	    ==, 1);
	/* the facets' index knows every item (its words are in the search
	 * index: tests/test_search.c) */
	g_assert_true(g_file_get_contents(p, &js, NULL, NULL));
	g_assert_true(g_str_has_prefix(js, "window.ktIndex = (function"));
	g_assert_nonnull(strstr(js, "\"id\":\"tips/luister-eerst\""));
	/* years per school type: the pairs, for filters on both */
	g_assert_nonnull(strstr(js, "\"ty\":[\"vmbo-basis:3\",\"vmbo-basis:4\","));
	g_assert_nonnull(strstr(js, "\"vwo:5\",\"vwo:6\"]"));
	g_assert_nonnull(strstr(js, "orienteren"));
	g_assert_null(strstr(js, "</"));
	g_free(js);
	g_free(p);
	/* a word of a tip in the shard of its first two letters, "kr" */
	p = out_path("nl/zoek/6b72.js");
	g_assert_true(g_file_get_contents(p, &js, NULL, NULL));
	g_assert_nonnull(strstr(js, "\"kritiek\":["));
	g_free(js);
	g_free(p);
	xmlFreeDoc(y1);
	xmlFreeDoc(home);
	xmlFreeDoc(plan);
}

/* The number of nodes an XPath expression finds. */
static int
xcount(xmlXPathContextPtr c, const char *expr)
{
	xmlXPathObjectPtr o = xmlXPathEvalExpression(BAD_CAST expr, c);
	int n = o != NULL && o->nodesetval ? o->nodesetval->nodeNr : 0;

	xmlXPathFreeObject(o);
	return n;
}

/* An XPath context for a sitemap: s: the sitemap, x: XHTML. */
static xmlXPathContextPtr
sitemap_xpath(xmlDocPtr d)
{
	xmlXPathContextPtr c = xmlXPathNewContext(d);

	xmlXPathRegisterNs(c, BAD_CAST "s",
	    BAD_CAST "http://www.sitemaps.org/schemas/sitemap/0.9");
	xmlXPathRegisterNs(c, BAD_CAST "x",
	    BAD_CAST "http://www.w3.org/1999/xhtml");
	return c;
}

/*
 * sitemap.xml is an index of a sitemap per language; those and the feeds
 * are well-formed, with the right entries.
 */
static void
test_feeds(void)
{
	char *sm = out_path("sitemap.xml"), *feed = out_path("ar/feed.xml");
	char *smar = out_path("ar/sitemap.xml"), *smnl = out_path(
	    "nl/sitemap.xml");
	xmlDocPtr d = xmlReadFile(sm, NULL, XML_PARSE_NONET);
	xmlDocPtr f = xmlReadFile(feed, NULL, XML_PARSE_NONET);
	xmlDocPtr da = xmlReadFile(smar, NULL, XML_PARSE_NONET);
	xmlDocPtr dn = xmlReadFile(smnl, NULL, XML_PARSE_NONET);
	xmlXPathContextPtr c;
	xmlXPathObjectPtr o;

	g_assert_nonnull(d);
	g_assert_nonnull(f);
	g_assert_nonnull(da);
	g_assert_nonnull(dn);
	c = sitemap_xpath(d);
	/* one sitemap for each of the test site's languages, no pages */
	g_assert_cmpint(xcount(c, "/s:sitemapindex/s:sitemap/s:loc"), ==,
	    xcount(c, "/s:sitemapindex/*"));
	g_assert_cmpint(xcount(c, "/s:sitemapindex/s:sitemap[s:loc='https:"
	    "//lob.testschool.example/ar/sitemap.xml']"), ==, 1);
	g_assert_cmpint(xcount(c, "/s:sitemapindex/s:sitemap[s:loc='https:"
	    "//lob.testschool.example/nl/sitemap.xml']"), ==, 1);
	g_assert_cmpint(xcount(c, "//s:url"), ==, 0);
	xmlXPathFreeContext(c);

	c = sitemap_xpath(da);
	/* the Arabic page of trots-op-jezelf, with its four alternates */
	g_assert_cmpint(xcount(c, "//s:url[s:loc='https://lob."
	    "testschool.example/ar/opdrachten/trots-op-jezelf.html']/x:link"),
	    ==, 4);
	/* only Arabic pages: their addresses are below ar/ */
	g_assert_cmpint(xcount(c, "//s:url"), >, 2);
	g_assert_cmpint(xcount(c, "//s:url[not(starts-with(s:loc, 'https:"
	    "//lob.testschool.example/ar/'))]"), ==, 0);
	xmlXPathFreeContext(c);

	/* the Dutch one lists the Dutch page of the same assignment */
	c = sitemap_xpath(dn);
	g_assert_cmpint(xcount(c, "//s:url[s:loc='https://lob."
	    "testschool.example/nl/opdrachten/trots-op-jezelf.html']"), ==, 1);
	g_assert_cmpint(xcount(c, "//s:url[not(starts-with(s:loc, 'https:"
	    "//lob.testschool.example/nl/'))]"), ==, 0);
	xmlXPathFreeContext(c);

	c = xmlXPathNewContext(f);
	xmlXPathRegisterNs(c, BAD_CAST "a",
	    BAD_CAST "http://www.w3.org/2005/Atom");
	/* Arabic texts: trots-op-jezelf, the evening and the talk guide */
	g_assert_cmpint(xcount(c, "//a:entry"), ==, 3);
	/* dated from SOURCE_DATE_EPOCH=1700000000 */
	o = xmlXPathEvalExpression(BAD_CAST "string(/a:feed/a:updated)", c);
	g_assert_cmpstr((char *)o->stringval, ==, "2023-11-14T22:13:20Z");
	xmlXPathFreeObject(o);
	xmlXPathFreeContext(c);
	xmlFreeDoc(d);
	xmlFreeDoc(f);
	xmlFreeDoc(da);
	xmlFreeDoc(dn);
	g_free(sm);
	g_free(smar);
	g_free(smnl);
	g_free(feed);
}

/* Years per school type on the page: "vmbo 3, 4 · havo 4, 5 · vwo 5, 6". */
static void
test_years_per_type(void)
{
	htmlDocPtr d = parse("nl/opdrachten/open-dag-samen.html");
	char *s = string(d, "//dl[@class='facts']/div[dt='Leerjaar']/dd");

	g_assert_cmpstr(s, ==, "vmbo 3, 4 · havo 4, 5 · vwo 5, 6");
	g_free(s);
	xmlFreeDoc(d);
}

static void
test_evening_page(void)
{
	htmlDocPtr d = parse("nl/avonden/kennismaking-klas-1.html");
	char *s;

	g_assert_cmpint(count(d, "//ol[@class='programme']/li"), ==, 5);
	/* times from 0:00 without a start time; the last block ends at 1:30 */
	s = string(d, "//ol[@class='programme']/li[5]/p[@class='time']");
	g_assert_cmpstr(s, ==, "1:15–1:30");
	g_free(s);
	g_assert_cmpint(count(d, "//table[@class='prep']/tbody/tr"), ==, 5);
	xmlFreeDoc(d);
}

/* ---- the sheets ---- */

static char *
pdf_text(const char *rel)
{
	char *p = out_path(rel), *text = t_pdf_text(p, 0);

	g_free(p);
	return text;
}

static void
test_sheet_text(void)
{
	char *nl = pdf_text("nl/opdrachten/trots-op-jezelf.pdf");
	char *en = pdf_text("en/opdrachten/trots-op-jezelf.pdf");
	char *ar = pdf_text("ar/opdrachten/trots-op-jezelf.pdf");

	g_assert_true(t_contains(nl, "Drie dingen waar ik trots op ben"));
	g_assert_true(t_contains(nl, "Uw kind vertelt over het eerste "
	    "ding. U luistert."));
	g_assert_true(t_contains(nl, "Op welke drie dingen ben je "
	    "trots?"));
	g_assert_true(t_contains(nl, "Handtekening ouder"));
	g_assert_true(t_contains(nl, "OpenMoji"));
	g_assert_true(t_contains(en, "Ask more. How did you do that?"));
	g_assert_true(t_contains(en, "Draft translation"));
	/*
	 * Arabic comes out in reading order. Words with the lam-alef
	 * ligature are left out: poppler writes its two letters swapped.
	 */
	g_assert_true(t_contains(ar, "قل ما يعجبك في طفلك"));
	g_assert_true(t_contains(ar, "يحكي طفلك عن الشيء"));
	g_assert_true(t_contains(ar, "ماذا ستفعلون؟"));
	g_free(nl);
	g_free(en);
	g_free(ar);
}

static void
test_sheet_fonts(void)
{
	static const char *const sheets[] = {
		"nl/opdrachten/trots-op-jezelf.pdf",
		"ar/opdrachten/trots-op-jezelf.pdf", NULL
	};

	for (int i = 0; sheets[i] != NULL; i++) {
		char *p = out_path(sheets[i]), *so = NULL;
		const char *argv[] = { "pdffonts", p, NULL };
		char **lines;
		int fonts = 0;

		g_assert_cmpint(t_run(argv, NULL, &so, NULL), ==, 0);
		lines = g_strsplit(so, "\n", -1);
		for (char **l = lines + 2; *l != NULL && **l; l++) {
			char **f = g_strsplit_set(*l, " ", -1);
			GPtrArray *cols = g_ptr_array_new();

			for (char **c = f; *c; c++)
				if (**c)
					g_ptr_array_add(cols, *c);
			/* name type... emb sub uni object ID: emb is 5th last */
			g_assert_cmpuint(cols->len, >=, 7);
			g_assert_cmpstr(g_ptr_array_index(cols, cols->len - 5),
			    ==, "yes");
			g_assert_null(strstr(*l, "DejaVu"));
			g_assert_nonnull(strstr(*l, "Noto"));
			fonts++;
			g_ptr_array_free(cols, TRUE);
			g_strfreev(f);
		}
		g_assert_cmpint(fonts, >, 0);
		if (strstr(sheets[i], "ar/") != NULL)
			g_assert_nonnull(strstr(so, "NotoSansArabic"));
		g_strfreev(lines);
		g_free(so);
		g_free(p);
	}
}

static void
test_sheet_pages_and_metadata(void)
{
	GPtrArray *all = t_files(t_fixture());
	int sheets = 0;

	for (guint i = 0; i < all->len; i++) {
		const char *rel = g_ptr_array_index(all, i);
		char *p, *so = NULL;
		const char *argv[] = { "pdfinfo", NULL, NULL };
		gboolean sheet;

		if (!g_str_has_suffix(rel, ".pdf"))
			continue;
		p = out_path(rel);
		argv[1] = p;
		g_assert_cmpint(t_run(argv, NULL, &so, NULL), ==, 0);
		g_assert_nonnull(strstr(so, "Author:          Testschool De Brug"));
		g_assert_nonnull(strstr(so, "Creator:         keukentafel"));
		/* a take-home sheet: one page where possible, two at most */
		sheet = strstr(rel, "/opdrachten/") != NULL &&
		    strstr(rel, "leerjaar-") == NULL &&
		    strstr(rel, "klassenlijst") == NULL;
		if (sheet) {
			int n = t_pdf_pages(p);
			g_assert_cmpint(n, >=, 1);
			g_assert_cmpint(n, <=, 2);
			g_assert_nonnull(strstr(so,
			    "Page size:       595.276 x 841.89"));
			sheets++;
		}
		g_free(so);
		g_free(p);
	}
	g_assert_cmpint(sheets, >=, 6);
	g_ptr_array_free(all, TRUE);
}

static void
test_sheet_qr(void)
{
	char *pdf = out_path("ar/opdrachten/trots-op-jezelf.pdf");
	char *qr = t_qr(pdf, tmp);

	g_assert_cmpstr(qr, ==,
	    "https://lob.testschool.example/ar/opdrachten/trots-op-jezelf.html");
	g_free(qr);
	g_free(pdf);
}

/* ---- the build as a whole ---- */

static void
copy_tree(const char *from, const char *to)
{
	const char *argv[] = { "cp", "-R", from, to, NULL };

	g_assert_cmpint(t_run(argv, NULL, NULL, NULL), ==, 0);
}

static void
test_failed_build_keeps_out(void)
{
	char *content = g_build_filename(tmp, "content", NULL);
	char *dest = g_build_filename(tmp, "keep-out", NULL);
	char *bad = g_build_filename(content, "tips", "kapot.nl.md", NULL);
	char *before, *after, *se = NULL;

	copy_tree("tests/site", content);
	g_assert_cmpint(build(content, dest, "1700000000", NULL), ==, 0);
	before = t_tree_digest(dest);
	g_assert_true(g_file_set_contents(bad, "---\ntitel: Kapot\ngroep: "
	    "kontakt\n---\nTekst.\n", -1, NULL));
	g_assert_cmpint(build(content, dest, "1700000000", &se), ==, 1);
	g_assert_nonnull(strstr(se, "kapot.nl.md:3:8: error: 'kontakt' is not "
	    "a known value of 'groep'; did you mean 'contact'?"));
	after = t_tree_digest(dest);
	g_assert_cmpstr(before, ==, after);
	g_free(se);
	g_free(before);
	g_free(after);
	g_free(bad);
	g_free(dest);
	g_free(content);
}

static void
test_reproducible(void)
{
	char *a = g_build_filename(tmp, "repro-a", NULL);
	char *b = g_build_filename(tmp, "repro-b", NULL);
	char *da, *db;

	g_assert_cmpint(build("tests/site", a, "1700000000", NULL), ==, 0);
	g_assert_cmpint(build("tests/site", b, "1700000000", NULL), ==, 0);
	da = t_tree_digest(a);
	db = t_tree_digest(b);
	g_assert_cmpstr(da, ==, db);
	g_assert_nonnull(strstr(da, ".pdf"));
	g_free(da);
	g_free(db);
	g_free(a);
	g_free(b);
}

static void
append_to(const char *path, const char *text)
{
	char *old, *new;

	g_assert_true(g_file_get_contents(path, &old, NULL, NULL));
	new = g_strconcat(old, text, NULL);
	g_assert_true(g_file_set_contents(path, new, -1, NULL));
	g_free(old);
	g_free(new);
}

/*
 * Incremental builds: edits, additions and deletions at random (seeded),
 * and after each the output of the incremental build must be the output
 * of a clean build, byte for byte, manifest included.
 */
static void
test_incremental(void)
{
	char *content = g_build_filename(tmp, "inc-content", NULL);
	char *dest = g_build_filename(tmp, "inc-out", NULL);
	char *clean = g_build_filename(tmp, "inc-clean", NULL);
	const char *cp[] = { "cp", "-R", "tests/site", content, NULL };
	GRand *r = g_rand_new_with_seed(20261126);
	int added = 0;

	g_assert_cmpint(t_run(cp, NULL, NULL, NULL), ==, 0);
	g_assert_cmpint(t_build(content, dest, "1700000000", NULL, NULL), ==,
	    0);
	for (int step = 0; step < 10; step++) {
		int what = g_rand_int_range(r, 0, 5);
		char *p = NULL, *da, *dc;

		switch (what) {
		case 0:	/* a tip's text */
			p = g_build_filename(content, "tips",
			    "luister-eerst.nl.md", NULL);
			append_to(p, "\nEen zin erbij.\n");
			break;
		case 1:	/* an assignment's teacher part */
			p = g_build_filename(content, "opdrachten",
			    "open-dag-samen.nl.md", NULL);
			append_to(p, "\nNog een zin voor de docent.\n");
			break;
		case 2: {	/* a new assignment */
			char *src = g_build_filename(content, "opdrachten",
			    "trots-op-jezelf.nl.md", NULL), *text;
			char *name = g_strdup_printf("nieuw-%d.nl.md", added++);

			p = g_build_filename(content, "opdrachten", name, NULL);
			g_assert_true(g_file_get_contents(src, &text, NULL,
			    NULL));
			g_assert_true(g_file_set_contents(p, text, -1, NULL));
			g_free(text);
			g_free(name);
			g_free(src);
			break;
		}
		case 3:	/* a deletion: the newest added item, else a translation */
			if (added > 0) {
				char *name = g_strdup_printf("nieuw-%d.nl.md",
				    --added);
				p = g_build_filename(content, "opdrachten", name,
				    NULL);
				g_free(name);
			} else {
				p = g_build_filename(content, "opdrachten",
				    "trots-op-jezelf.en.md", NULL);
			}
			g_unlink(p);
			break;
		default:	/* the glossary: every sheet may change */
			p = g_build_filename(content, "woordenlijst", "nl.yaml",
			    NULL);
			append_to(p, "\nextra:\n  woord: samen\n  uitleg: Met "
			    "elkaar.\n");
			break;
		}
		g_assert_cmpint(t_build(content, dest, "1700000000", NULL,
		    NULL), ==, 0);
		kt_remove_tree(clean);
		g_assert_cmpint(t_build(content, clean, "1700000000", NULL,
		    NULL), ==, 0);
		da = t_tree_digest(dest);
		dc = t_tree_digest(clean);
		if (strcmp(da, dc) != 0)
			g_error("step %d (change %d): the incremental build "
			    "differs from a clean one", step, what);
		g_free(da);
		g_free(dc);
		g_free(p);
	}
	g_rand_free(r);
	g_free(clean);
	g_free(dest);
	g_free(content);
}

static guint64
inode_of(const char *path)
{
	GStatBuf st;

	g_assert_cmpint(g_stat(path, &st), ==, 0);
	return (guint64)st.st_ino;
}

/*
 * Nothing changed: out/ is left as it is, not swapped for a copy. A file
 * of out/ removed by hand, whether a job's or not, is made again.
 */
static void
test_unchanged(void)
{
	char *dest = g_build_filename(tmp, "unchanged", NULL);
	char *sitemap = g_build_filename(dest, "sitemap.xml", NULL);
	char *bank = g_build_filename(dest, "nl", "index.html", NULL);
	const char *html_only[] = { "--no-pdf", NULL };
	char *before, *after;
	guint64 ino;

	g_assert_cmpint(t_build("content", dest, "1700000000", html_only,
	    NULL), ==, 0);
	before = t_tree_digest(dest);
	ino = inode_of(dest);
	g_assert_cmpint(t_build("content", dest, "1700000000", html_only,
	    NULL), ==, 0);
	g_assert_cmpuint(inode_of(dest), ==, ino);
	after = t_tree_digest(dest);
	g_assert_cmpstr(before, ==, after);
	g_free(after);

	/* other options are another build */
	g_assert_cmpint(t_build("content", dest, "1800000000", html_only,
	    NULL), ==, 0);
	g_assert_cmpuint(inode_of(dest), !=, ino);
	g_assert_cmpint(t_build("content", dest, "1700000000", html_only,
	    NULL), ==, 0);
	after = t_tree_digest(dest);
	g_assert_cmpstr(before, ==, after);
	g_free(after);

	g_assert_cmpint(g_unlink(sitemap), ==, 0);
	g_assert_cmpint(g_unlink(bank), ==, 0);
	g_assert_cmpint(t_build("content", dest, "1700000000", html_only,
	    NULL), ==, 0);
	after = t_tree_digest(dest);
	g_assert_cmpstr(before, ==, after);
	g_free(after);
	g_free(before);
	g_free(bank);
	g_free(sitemap);
	g_free(dest);
}

/* Are there temporary folders of a build of dir/name left? */
static gboolean
leftovers(const char *dir, const char *name)
{
	GDir *g = g_dir_open(dir, 0, NULL);
	char *tmp_prefix = g_strdup_printf(".%s.tmp-", name);
	char *old_prefix = g_strdup_printf(".%s.old-", name);
	const char *f;
	gboolean found = FALSE;

	while ((f = g_dir_read_name(g)) != NULL)
		if (g_str_has_prefix(f, tmp_prefix) ||
		    g_str_has_prefix(f, old_prefix))
			found = TRUE;
	g_dir_close(g);
	g_free(tmp_prefix);
	g_free(old_prefix);
	return found;
}

/*
 * A build killed halfway (SIGKILL, or SIGINT from Ctrl-C) leaves the
 * previous out/ as it was; the next build removes what it left behind.
 */
static void
test_killed_build(void)
{
	static const int signals[] = { SIGKILL, SIGINT };
	char *dest = g_build_filename(tmp, "killed", NULL);
	const char *html_only[] = { "--no-pdf", NULL };
	char *before;

	g_assert_cmpint(t_build("content", dest, "1700000000", html_only,
	    NULL), ==, 0);
	before = t_tree_digest(dest);
	for (size_t i = 0; i < G_N_ELEMENTS(signals); i++) {
		const char *argv[] = { KT, "build", "-q", "-j", "2", "-C",
		    "content", "-o", dest, NULL };
		GPid pid;
		int status;
		char *after;

		/* the whole bank with its printables takes seconds */
		g_assert_true(g_spawn_async(NULL, (char **)argv, NULL,
		    G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDERR_TO_DEV_NULL,
		    NULL, NULL, &pid, NULL));
		g_usleep(G_USEC_PER_SEC * 3 / 2);
		g_assert_cmpint(kill(pid, signals[i]), ==, 0);
		g_assert_cmpint(waitpid(pid, &status, 0), ==, pid);
		g_assert_true(WIFSIGNALED(status));
		after = t_tree_digest(dest);
		g_assert_cmpstr(before, ==, after);
		g_free(after);
		/* it was killed in the middle: its temporary folder is there */
		g_assert_true(leftovers(tmp, "killed"));
	}
	g_assert_cmpint(t_build("content", dest, "1700000000", html_only,
	    NULL), ==, 0);
	g_assert_false(leftovers(tmp, "killed"));
	g_free(before);
	g_free(dest);
}

/* The number of threads changes nothing in the output. */
static void
test_jobs_identical(void)
{
	char *a = g_build_filename(tmp, "jobs-1", NULL);
	char *b = g_build_filename(tmp, "jobs-4", NULL);
	const char *one[] = { "--jobs", "1", NULL };
	const char *four[] = { "--jobs", "4", NULL };
	char *da, *db;

	g_assert_cmpint(t_build("tests/site", a, "1700000000", one, NULL), ==,
	    0);
	g_assert_cmpint(t_build("tests/site", b, "1700000000", four, NULL), ==,
	    0);
	da = t_tree_digest(a);
	db = t_tree_digest(b);
	g_assert_cmpstr(da, ==, db);
	g_free(da);
	g_free(db);
	g_free(a);
	g_free(b);
}

/*
 * On another machine too: content copied to another absolute path, built
 * from another folder, in another time zone and locale, gives the same
 * bytes. No path, clock or locale leaks into the output.
 */
static void
test_reproducible_elsewhere(void)
{
	char *a = g_build_filename(tmp, "here", NULL);
	char *b = g_build_filename(tmp, "there", NULL);
	char *copy = g_build_filename(tmp, "elders", "content", NULL);
	char *parent = g_path_get_dirname(copy);
	char *cwd = g_get_current_dir();
	char *kt = g_build_filename(cwd, KT, NULL);
	char *theme = g_build_filename(cwd, "themes", "default", NULL);
	char *moji = g_build_filename(cwd, "node_modules", "openmoji", "black",
	    "svg", NULL);
	const char *cp[] = { "cp", "-R", "tests/site", copy, NULL };
	char *stem = g_build_filename(cwd, "node_modules", "@orama",
	    "stemmers", "dist", NULL);
	const char *argv[] = { kt, "build", "-q", "-C", copy, "-o", b, "-t",
	    theme, "--openmoji", moji, "--stemmers", stem, NULL };
	const char *env[] = { "SOURCE_DATE_EPOCH", "1700000000", "TZ",
	    "Asia/Kolkata", "LC_ALL", "C.UTF-8", "LANG", "tr_TR.UTF-8", NULL };
	char *da, *db, *err = NULL;
	GError *e = NULL;
	int status;

	g_assert_cmpint(t_build("tests/site", a, "1700000000", NULL, NULL), ==,
	    0);
	g_mkdir_with_parents(parent, 0755);
	g_assert_cmpint(t_run(cp, NULL, NULL, NULL), ==, 0);
	{
		char **envp = g_get_environ();
		for (int i = 0; env[i] != NULL; i += 2)
			envp = g_environ_setenv(envp, env[i], env[i + 1], TRUE);
		/* from another working folder */
		g_assert_true(g_spawn_sync(parent, (char **)argv, envp, 0, NULL,
		    NULL, NULL, &err, &status, &e));
		g_strfreev(envp);
	}
	g_assert_true(g_spawn_check_wait_status(status, NULL));
	da = t_tree_digest(a);
	db = t_tree_digest(b);
	g_assert_cmpstr(da, ==, db);
	g_free(da);
	g_free(db);
	g_free(err);
	g_free(stem);
	g_free(moji);
	g_free(theme);
	g_free(kt);
	g_free(cwd);
	g_free(parent);
	g_free(copy);
	g_free(a);
	g_free(b);
}

static void
test_leftovers_removed(void)
{
	char *dest = g_build_filename(tmp, "left", NULL);
	char *stale = g_build_filename(tmp, ".left.tmp-ABCDEF", NULL);
	char *inside = g_build_filename(stale, "half.html", NULL);

	/* what a killed build leaves behind is cleaned up by the next */
	g_assert_cmpint(g_mkdir_with_parents(stale, 0755), ==, 0);
	g_assert_true(g_file_set_contents(inside, "x", 1, NULL));
	g_assert_cmpint(build("tests/site", dest, NULL, NULL), ==, 0);
	g_assert_false(g_file_test(stale, G_FILE_TEST_EXISTS));
	g_free(inside);
	g_free(stale);
	g_free(dest);
}

static void
test_cli(void)
{
	const char *help[] = { KT, "--help", NULL };
	const char *version[] = { KT, "--version", NULL };
	const char *unknown[] = { KT, "bouw", NULL };
	const char *nodir[] = { KT, "check", "-C", "/nonexistent", NULL };
	char *so = NULL, *se = NULL;

	g_assert_cmpint(t_run(help, NULL, &so, NULL), ==, 0);
	g_assert_nonnull(strstr(so, "keukentafel build"));
	g_free(so);
	g_assert_cmpint(t_run(version, NULL, &so, NULL), ==, 0);
	g_assert_true(g_str_has_prefix(so, "keukentafel "));
	g_free(so);
	g_assert_cmpint(t_run(unknown, NULL, NULL, &se), ==, 2);
	g_assert_nonnull(strstr(se, "unknown command 'bouw'"));
	g_free(se);
	g_assert_cmpint(t_run(nodir, NULL, NULL, &se), ==, 1);
	g_assert_nonnull(strstr(se, "/nonexistent: error: no such folder"));
	g_free(se);
}

/* check --format json: valid JSON (parsed by node), with the figures. */
static void
test_check_json(void)
{
	const char *argv[] = { KT, "check", "--format", "json", "-C",
	    "tests/site", NULL };
	char *json = NULL, *file = g_build_filename(tmp, "check.json", NULL);
	char *so = NULL;
	/* prints: problems, the nl intro's formula and score, translations */
	const char *js = "const j = JSON.parse(require('fs').readFileSync("
	    "process.argv[1], 'utf8'));"
	    "const r = j.readability.find(x => x.item === "
	    "'opdrachten/trots-op-jezelf' && x.lang === 'nl' && "
	    "x.text === 'intro');"
	    "console.log(j.problems.length, r.formula, r.score, r.words, "
	    "r.sentences, j.translations.opdrachten.ar, "
	    "j.readability.filter(x => x.lang === 'ar').length > 0);";
	const char *node[] = { "node", "-e", js, file, NULL };

	g_assert_cmpint(t_run(argv, NULL, &json, NULL), ==, 0);
	g_assert_true(g_file_set_contents(file, json, -1, NULL));
	g_assert_cmpint(t_run(node, NULL, &so, NULL), ==, 0);
	/*
	 * 5 warnings: raw HTML three times and a hard intro in veilig, no
	 * Tigrinya glossary. The intro: 19 words, 2 sentences, 108.85 as
	 * counted by hand in test_text.c.
	 */
	g_assert_cmpstr(g_strstrip(so), ==, "5 Flesch-Douma 108.8 19 2 1 true");
	g_free(so);
	g_free(json);
	g_free(file);
}

static void
test_content_bank_checks(void)
{
	/* the shipped bank itself has no errors */
	const char *argv[] = { KT, "check", "-C", "content", NULL };
	char *se = NULL;

	g_assert_cmpint(t_run(argv, NULL, NULL, &se), ==, 0);
	g_assert_nonnull(strstr(se, "; 0 errors"));
	g_free(se);
}

int
main(int argc, char *argv[])
{
	int r;

	g_test_init(&argc, &argv, NULL);
	tmp = g_dir_make_tmp("kt-build-XXXXXX", NULL);
	g_test_add_func("/site/files", test_site_files);
	g_test_add_func("/site/html-structure", test_html_structure);
	g_test_add_func("/site/translations", test_translations);
	g_test_add_func("/site/escaping", test_escaping);
	g_test_add_func("/site/own-pictogram", test_own_pictogram);
	g_test_add_func("/site/evening", test_evening_page);
	g_test_add_func("/site/bank", test_bank);
	g_test_add_func("/site/years-per-type", test_years_per_type);
	g_test_add_func("/site/feeds", test_feeds);
	g_test_add_func("/sheet/text", test_sheet_text);
	g_test_add_func("/sheet/fonts", test_sheet_fonts);
	g_test_add_func("/sheet/pages-metadata", test_sheet_pages_and_metadata);
	g_test_add_func("/sheet/qr", test_sheet_qr);
	g_test_add_func("/build/failed-keeps-out", test_failed_build_keeps_out);
	g_test_add_func("/build/reproducible", test_reproducible);
	g_test_add_func("/build/reproducible-elsewhere",
	    test_reproducible_elsewhere);
	g_test_add_func("/build/leftovers-removed", test_leftovers_removed);
	g_test_add_func("/build/jobs-identical", test_jobs_identical);
	g_test_add_func("/build/killed", test_killed_build);
	g_test_add_func("/build/incremental", test_incremental);
	g_test_add_func("/build/unchanged", test_unchanged);
	g_test_add_func("/cli/basics", test_cli);
	g_test_add_func("/cli/check-json", test_check_json);
	g_test_add_func("/content/bank-checks", test_content_bank_checks);
	r = g_test_run();
	kt_remove_tree(tmp);
	g_free(tmp);
	return r;
}
