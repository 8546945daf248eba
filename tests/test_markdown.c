/*
 * The Markdown converters, end to end on tests/markdown-site built once
 * per process: item links, link titles, list starts and sub-headings on
 * the pages.
 */
#include <glib.h>
#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>
#include <string.h>

#include "out/writer.h"
#include "util.h"

#define SITE "tests/markdown-site"

static char *tmp;	/* a folder for this process */

/* ---- the test site ---- */

static char *
build_into(const char *content, const char *name)
{
	char *out = g_build_filename(tmp, name, NULL), *se = NULL;

	if (t_build(content, out, "1700000000", NULL, &se) != 0)
		g_error("%s does not build:\n%s", content, se);
	g_free(se);
	return out;
}

/* The test site, built once per process. */
static const char *
built(void)
{
	static char *out;

	if (out == NULL)
		out = build_into(SITE, "out");
	return out;
}

static htmlDocPtr
page(const char *out, const char *rel)
{
	char *p = g_build_filename(out, rel, NULL);
	htmlDocPtr d = htmlReadFile(p, "UTF-8", HTML_PARSE_NOERROR |
	    HTML_PARSE_NOWARNING | HTML_PARSE_NONET);

	g_assert_nonnull(d);
	g_free(p);
	return d;
}

static char *
xstring(htmlDocPtr d, const char *expr)
{
	char *e = g_strdup_printf("string(%s)", expr);
	xmlXPathContextPtr c = xmlXPathNewContext(d);
	xmlXPathObjectPtr o = xmlXPathEvalExpression(BAD_CAST e, c);
	char *s = g_strdup((const char *)o->stringval);

	xmlXPathFreeObject(o);
	xmlXPathFreeContext(c);
	g_free(e);
	return s;
}

static int
xcount(htmlDocPtr d, const char *expr)
{
	xmlXPathContextPtr c = xmlXPathNewContext(d);
	xmlXPathObjectPtr o = xmlXPathEvalExpression(BAD_CAST expr, c);
	int n = o->nodesetval != NULL ? o->nodesetval->nodeNr : 0;

	xmlXPathFreeObject(o);
	xmlXPathFreeContext(c);
	return n;
}

/* The link with this text: its href, and its hreflang ("" when none). */
static void
assert_link(htmlDocPtr d, const char *text, const char *href,
    const char *hreflang)
{
	char *a = g_strdup_printf("//main//a[.=\"%s\"]", text);
	char *h = g_strdup_printf("%s/@href", a);
	char *l = g_strdup_printf("%s/@hreflang", a);
	char *got_h = xstring(d, h), *got_l = xstring(d, l);

	if (xcount(d, a) != 1 || strcmp(got_h, href) != 0 ||
	    strcmp(got_l, hreflang) != 0)
		g_error("link '%s': %d of them, href '%s' hreflang '%s'; want "
		    "one, href '%s' hreflang '%s'", text, xcount(d, a), got_h,
		    got_l, href, hreflang);
	g_free(got_l);
	g_free(got_h);
	g_free(l);
	g_free(h);
	g_free(a);
}

/* An item link opens the item's page in the page's language, or the
 * Dutch page, marked with hreflang, of an item not translated. */
static void
test_item_links_page(void)
{
	const char *out = built();
	htmlDocPtr nl = page(out, "nl/opdrachten/koppelingen.html");
	htmlDocPtr en = page(out, "en/opdrachten/koppelingen.html");
	htmlDocPtr tip = page(out, "nl/tips/lijstjes.html");

	assert_link(nl, "de open dag", "../../nl/opdrachten/open-dag.html", "");
	assert_link(nl, "de ouderavond", "../../nl/avonden/ouderavond.html",
	    "");
	assert_link(nl, "de tip", "../../nl/tips/lijstjes.html", "");
	assert_link(en, "the open day", "../../en/opdrachten/open-dag.html",
	    "");
	assert_link(en, "the parents' evening",
	    "../../nl/avonden/ouderavond.html", "nl");
	assert_link(en, "the tip", "../../nl/tips/lijstjes.html", "nl");
	assert_link(tip, "de ouderavond", "../../nl/avonden/ouderavond.html",
	    "");
	/* a link's title is kept */
	g_assert_cmpint(xcount(nl, "//a[.='de open dag' and "
	    "@title='Samen naar de open dag']"), ==, 1);
	g_assert_cmpint(xcount(tip, "//a[@href='https://example.org/ouders' "
	    "and @title='Voor ouders']"), ==, 1);
	xmlFreeDoc(tip);
	xmlFreeDoc(en);
	xmlFreeDoc(nl);
}

/* No page of the site has an href an item link was written as. */
static void
test_no_dead_item_links(void)
{
	const char *out = built();
	GPtrArray *files = t_files(out);
	int pages = 0;

	for (guint i = 0; i < files->len; i++) {
		const char *rel = g_ptr_array_index(files, i);
		htmlDocPtr d;

		if (!g_str_has_suffix(rel, ".html"))
			continue;
		d = page(out, rel);
		if (xcount(d, "//a[starts-with(@href, 'opdracht:') or "
		    "starts-with(@href, 'avond:') or "
		    "starts-with(@href, 'tip:')]") != 0)
			g_error("%s: a link to opdracht:, avond: or tip:", rel);
		xmlFreeDoc(d);
		pages++;
	}
	g_assert_cmpint(pages, >, 20);
	g_ptr_array_free(files, TRUE);
}

/* A teacher's ### under the section's h3 is an h4, #### an h5; a list
 * that starts at 0 or 3 says so. */
static void
test_sub_headings_and_starts(void)
{
	const char *out = built();
	htmlDocPtr d = page(out, "nl/opdrachten/koppelingen.html");
	htmlDocPtr tip = page(out, "nl/tips/lijstjes.html");
	const char *sec = "//section[h3='In de klas']/div";
	char *h4 = g_strdup_printf("%s/h4", sec), *h5 = g_strdup_printf(
	    "%s/h5", sec), *s;

	s = xstring(d, h4);
	g_assert_cmpstr(s, ==, "Voorbereiding");
	g_free(s);
	s = xstring(d, h5);
	g_assert_cmpstr(s, ==, "Samen");
	g_free(s);
	g_assert_cmpint(xcount(d, "//h6"), ==, 0);
	g_assert_cmpint(xcount(d, "//ol[@start='0']/li"), ==, 2);
	g_assert_cmpint(xcount(tip, "//ol[@start='3']/li"), ==, 2);
	g_free(h5);
	g_free(h4);
	xmlFreeDoc(tip);
	xmlFreeDoc(d);
}

int
main(int argc, char **argv)
{
	int r;

	g_test_init(&argc, &argv, NULL);
	tmp = g_dir_make_tmp("kt-markdown-XXXXXX", NULL);
	g_test_add_func("/markdown/item-links-page", test_item_links_page);
	g_test_add_func("/markdown/no-dead-item-links",
	    test_no_dead_item_links);
	g_test_add_func("/markdown/sub-headings-and-starts",
	    test_sub_headings_and_starts);
	r = g_test_run();
	kt_remove_tree(tmp);
	g_free(tmp);
	return r;
}
