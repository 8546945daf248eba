/*
 * Addresses, pictograms and counts that used to come out wrong (issue 21,
 * items 3, 8 and 11): a basis_url with a letter outside ASCII or a quote,
 * links from Markdown with a space or an accent, a school's pictogram
 * with a script in it, and abbreviations in a readability score. Each
 * end-to-end case builds its own copy of tests/site and reads back what a
 * browser, a PDF viewer or a phone gets: HTML and XML parsed by libxml2,
 * the PDF's link annotations through qpdf --qdf, its QR code by zbarimg.
 */
#include <glib.h>
#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>
#include <string.h>

#include "build/build.h"
#include "out/writer.h"
#include "text/readability.h"
#include "text/svg.h"
#include "text/url.h"
#include "util.h"

static char *tmp;	/* a folder for this run */

/* ---- helpers ---- */

/* Is u made only of what RFC 3986 allows in an address? */
static gboolean
uri_ok(const char *u)
{
	for (const char *p = u; *p; p++) {
		if (*p == '%') {
			if (!g_ascii_isxdigit(p[1]) || !g_ascii_isxdigit(p[2]))
				return FALSE;
		} else if (!g_ascii_isalnum(*p) &&
		    strchr("-._~:/?#[]@!$&'()*+,;=", *p) == NULL)
			return FALSE;
	}
	return TRUE;
}

/*
 * tests/site copied to tmp/name with basis_url set to base (NULL: kept)
 * and a tip whose Markdown links have a space and accents in them.
 */
static char *
content(const char *name, const char *base)
{
	char *dir = g_build_filename(tmp, name, NULL);
	char *yaml = g_build_filename(dir, "site.yaml", NULL);
	const char *cp[] = { "cp", "-R", "tests/site", dir, NULL };
	char *text, *line, *changed;
	GRegex *re = g_regex_new("^basis_url:.*$", G_REGEX_MULTILINE, 0,
	    NULL);

	g_assert_cmpint(t_run(cp, NULL, NULL, NULL), ==, 0);
	if (base != NULL) {
		g_assert_true(g_file_get_contents(yaml, &text, NULL, NULL));
		line = g_strdup_printf("basis_url: \"%s\"", base);
		changed = g_regex_replace_literal(re, text, -1, 0, line, 0,
		    NULL);
		g_assert_true(g_file_set_contents(yaml, changed, -1, NULL));
		g_free(changed);
		g_free(line);
		g_free(text);
	}
	t_write_file(dir, "tips/adres.nl.md", "---\ntitel: Adressen\ngroep: "
	    "contact\n---\nZie [een](<my url>), [twee](föö) en "
	    "[drie](a%20b).\n");
	g_regex_unref(re);
	g_free(yaml);
	return dir;
}

/* Builds dir into dir-out, which it returns; stderr in *err if asked. */
static char *
build(const char *dir, int want, char **err)
{
	char *out = g_strconcat(dir, "-out", NULL);
	char *se = NULL;
	int r = t_build(dir, out, "1700000000", NULL, &se);

	if (r != want)
		g_error("build of %s: exit %d, want %d:\n%s", dir, r, want, se);
	if (err != NULL)
		*err = se;
	else
		g_free(se);
	return out;
}

/* The /URI strings of a PDF's link annotations, as written in the file. */
static GPtrArray *
pdf_uris(const char *pdf)
{
	char *qdf = g_build_filename(tmp, "links.qdf", NULL), *text;
	const char *argv[] = { "qpdf", "--qdf", "--object-streams=disable",
	    pdf, qdf, NULL };
	GPtrArray *uris = g_ptr_array_new_with_free_func(g_free);

	g_assert_cmpint(t_run(argv, NULL, NULL, NULL), ==, 0);
	g_assert_true(g_file_get_contents(qdf, &text, NULL, NULL));
	for (const char *p = text; (p = strstr(p, "/URI (")) != NULL;) {
		const char *e = p += 6;

		while (*e != '\0' && *e != ')')
			e += *e == '\\' && e[1] != '\0' ? 2 : 1;
		g_ptr_array_add(uris, g_strndup(p, (gsize)(e - p)));
	}
	g_free(text);
	g_free(qdf);
	return uris;
}

static void
expect_qpdf_check(const char *pdf)
{
	const char *check[] = { "qpdf", "--check", pdf, NULL };
	char *so = NULL;

	g_assert_cmpint(t_run(check, NULL, &so, NULL), ==, 0);
	g_free(so);
}

/* A PDF that qpdf finds sound, whose links are all printable ASCII and
 * go to want (the page's address) at least once; the only other link is
 * the one the sheet's intro writes in its Markdown. */
static void
expect_pdf_links(const char *pdf, const char *want)
{
	GPtrArray *uris = pdf_uris(pdf);
	guint found = 0;

	expect_qpdf_check(pdf);
	for (guint i = 0; i < uris->len; i++) {
		const char *u = g_ptr_array_index(uris, i);

		for (const char *c = u; *c; c++)
			g_assert_true(*c > 0x20 && *c < 0x7f);
		if (strcmp(u, want) == 0)
			found++;
		else
			g_assert_cmpstr(u, ==, "https://example.org/?a=1&b=2");
	}
	g_assert_cmpuint(found, >=, 1);
	g_ptr_array_free(uris, TRUE);
}

static xmlXPathObjectPtr
xpath(xmlDocPtr d, const char *expr)
{
	xmlXPathContextPtr c = xmlXPathNewContext(d);
	xmlXPathObjectPtr o = xmlXPathEvalExpression(BAD_CAST expr, c);

	xmlXPathFreeContext(c);
	g_assert_nonnull(o);
	return o;
}

/* The string values of the nodes expr selects. */
static GPtrArray *
values(xmlDocPtr d, const char *expr)
{
	xmlXPathObjectPtr o = xpath(d, expr);
	GPtrArray *a = g_ptr_array_new_with_free_func(g_free);

	for (int i = 0; o->nodesetval && i < o->nodesetval->nodeNr; i++) {
		xmlChar *v = xmlNodeGetContent(o->nodesetval->nodeTab[i]);
		g_ptr_array_add(a, g_strdup((const char *)v));
		xmlFree(v);
	}
	xmlXPathFreeObject(o);
	return a;
}

static int
count(xmlDocPtr d, const char *expr)
{
	GPtrArray *a = values(d, expr);
	int n = (int)a->len;

	g_ptr_array_free(a, TRUE);
	return n;
}

static xmlDocPtr
parse(const char *out, const char *rel)
{
	char *p = g_build_filename(out, rel, NULL);
	xmlDocPtr d = g_str_has_suffix(rel, ".html") ? htmlReadFile(p, "UTF-8",
	    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET) :
	    xmlReadFile(p, NULL, XML_PARSE_NONET);

	if (d == NULL)
		g_error("cannot parse %s", p);
	g_free(p);
	return d;
}

/* Every address expr selects in out/rel is encoded, and starts with
 * prefix when that is given (but a link inside the page, #...). */
static void
expect_addresses(const char *out, const char *rel, const char *expr,
    const char *prefix)
{
	xmlDocPtr d = parse(out, rel);
	GPtrArray *a = values(d, expr);

	g_assert_cmpuint(a->len, >, 0);
	for (guint i = 0; i < a->len; i++) {
		const char *u = g_ptr_array_index(a, i);

		if (!uri_ok(u) || (prefix && u[0] != '#' &&
		    !g_str_has_prefix(u, prefix)))
			g_error("%s: address '%s'", rel, u);
	}
	g_ptr_array_free(a, TRUE);
	xmlFreeDoc(d);
}

/* ---- addresses ---- */

/* the links of a page into the site: all but the credit to OpenMoji */
#define SITE_LINKS "//@href[not(starts-with(., 'https://openmoji.org/'))] " \
	"| //@src"

static void
test_url_encode(void)
{
	static const char *const cases[][2] = {
		{ "https://schöol.example/", "https://sch%C3%B6ol.example/" },
		{ "https://s.example/o'brien/x.html",
		    "https://s.example/o'brien/x.html" },
		{ "my url", "my%20url" },
		{ "föö", "f%C3%B6%C3%B6" },
		{ "../../nl/index.html", "../../nl/index.html" },
		{ "https://example.org/?a=1&b=2#top",
		    "https://example.org/?a=1&b=2#top" },
		{ "a%20b", "a%20b" },
		{ "100%", "100%25" },
		{ "%zz", "%25zz" },
		{ "https://[::1]:8080/a[b]", "https://[::1]:8080/a%5Bb%5D" },
		{ "x#a#b", "x#a%23b" },
		{ "mailto:a@b.nl?subject=Hé daar",
		    "mailto:a@b.nl?subject=H%C3%A9%20daar" },
		{ "tel:+31 20 123", "tel:+31%2020%20123" },
		{ "a\"<>\\^`{|}", "a%22%3C%3E%5C%5E%60%7B%7C%7D" },
	};

	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		char *e = kt_url_encode(cases[i][0]);
		char *twice = kt_url_encode(e);

		g_assert_cmpstr(e, ==, cases[i][1]);
		g_assert_cmpstr(twice, ==, e);
		g_assert_true(uri_ok(e));
		g_free(twice);
		g_free(e);
	}
	{
		char *j = kt_url_join("https://schöol.example/", "nl/a b.html");

		g_assert_cmpstr(j, ==,
		    "https://sch%C3%B6ol.example/nl/a%20b.html");
		g_free(j);
	}
}

/* A basis_url outside ASCII: the link and the QR code on a sheet, and
 * every address of the site, are percent-encoded. */
static void
test_base_url_non_ascii(void)
{
	const char *want = "https://sch%C3%B6ol.example/f%C3%B6%C3%B6/";
	char *dir = content("umlaut", "https://schöol.example/föö/");
	char *out = build(dir, 0, NULL);
	char *page = g_strconcat(want, "nl/opdrachten/veilig.html", NULL);
	char *pdf = g_build_filename(out, "nl/opdrachten/veilig.pdf", NULL);
	char *qr = t_qr(pdf, tmp);

	expect_pdf_links(pdf, page);
	g_assert_cmpstr(qr, ==, page);
	/* the 404 page is served at any depth: its links are absolute */
	expect_addresses(out, "404.html", SITE_LINKS, want);
	expect_addresses(out, "nl/sitemap.xml",
	    "//*[local-name()='loc'] | //@href", want);
	expect_addresses(out, "nl/feed.xml",
	    "//*[local-name()='id' and contains(., ':')] | //@href", want);
	expect_addresses(out, "sitemap.xml", "//*[local-name()='loc']", want);
	{
		xmlDocPtr d = parse(out, "nl/opdrachten/veilig.html");
		GPtrArray *ld = values(d,
		    "//script[@type='application/ld+json']");
		char *url = g_strdup_printf("\"url\":\"%s\"", page);

		g_assert_cmpuint(ld->len, ==, 1);
		g_assert_nonnull(strstr(g_ptr_array_index(ld, 0), url));
		g_free(url);
		g_ptr_array_free(ld, TRUE);
		xmlFreeDoc(d);
	}
	g_free(qr);
	g_free(pdf);
	g_free(page);
	g_free(out);
	g_free(dir);
}

/* A quote in basis_url: the link is written, not dropped. */
static void
test_base_url_quote(void)
{
	char *dir = content("quote", "https://s.example/o'brien/");
	char *out = build(dir, 0, NULL);
	char *pdf = g_build_filename(out, "nl/opdrachten/veilig.pdf", NULL);
	char *qr = t_qr(pdf, tmp);

	expect_pdf_links(pdf,
	    "https://s.example/o'brien/nl/opdrachten/veilig.html");
	g_assert_cmpstr(qr, ==,
	    "https://s.example/o'brien/nl/opdrachten/veilig.html");
	expect_addresses(out, "404.html", SITE_LINKS,
	    "https://s.example/o'brien/");
	g_free(qr);
	g_free(pdf);
	g_free(out);
	g_free(dir);
}

/* Links from Markdown, and every href and src of every page. */
static void
test_hrefs(void)
{
	char *dir = content("hrefs", NULL);
	char *out = build(dir, 0, NULL);
	xmlDocPtr d = parse(out, "nl/tips/adres.html");
	GPtrArray *files = t_files(out);

	g_assert_cmpint(count(d, "//a[@href='my%20url']"), ==, 1);
	g_assert_cmpint(count(d, "//a[@href='f%C3%B6%C3%B6']"), ==, 1);
	g_assert_cmpint(count(d, "//a[@href='a%20b']"), ==, 1);
	for (guint i = 0; i < files->len; i++) {
		const char *rel = g_ptr_array_index(files, i);

		if (g_str_has_suffix(rel, ".html"))
			expect_addresses(out, rel, "//@href | //@src", NULL);
	}
	g_ptr_array_free(files, TRUE);
	xmlFreeDoc(d);
	g_free(out);
	g_free(dir);
}

/* ---- pictograms ---- */

static const char hostile_svg[] =
    "<?xml version=\"1.0\"?>\n"
    "<?xml-stylesheet href=\"https://evil.example/x.css\"?>\n"
    "<!-- a comment -->\n"
    "<svg xmlns=\"http://www.w3.org/2000/svg\" "
    "xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
    "xmlns:ed=\"https://editor.example/ns\" viewBox=\"0 0 72 72\" "
    "onload=\"alert(1)\" ed:version=\"1\">\n"
    "<script>alert(document.cookie)</script>\n"
    "<defs><linearGradient id=\"g\"><stop offset=\"0\" "
    "stop-color=\"#000\"/></linearGradient></defs>\n"
    "<style>@import url(https://evil.example/a.css);</style>\n"
    "<style>.b{fill:#000}</style>\n"
    "<rect class=\"b\" x=\"10\" y=\"14\" width=\"52\" height=\"34\" "
    "fill=\"url(#g)\" onclick=\"alert(2)\" "
    "style=\"stroke:URL( 'https://evil.example/p')\"/>\n"
    "<path d=\"M0 0h9\" fill=\"u\\72l(https://evil.example/q)\"/>\n"
    "<use xlink:href=\"https://evil.example/a.svg#x\"/>\n"
    "<use xlink:href=\"#g\" href=\"javascript:alert(3)\"/>\n"
    "<image href=\"https://evil.example/i.png\" width=\"9\" height=\"9\"/>\n"
    "<foreignObject width=\"9\" height=\"9\"><body "
    "xmlns=\"http://www.w3.org/1999/xhtml\"><script>alert(4)</script>"
    "</body></foreignObject>\n"
    "<a href=\"javascript:alert(5)\"><circle r=\"1\"/></a>\n"
    "<ed:script>alert(6)</ed:script>\n"
    "<text x=\"18\" y=\"36\" xml:space=\"preserve\">A+B &amp; C</text>\n"
    "</svg>\n";

/* What a sanitized SVG must not have, and what it must keep. */
static void
expect_clean(xmlDocPtr d)
{
	static const char *const none[] = {
		"//*[local-name()='script']",
		"//*[local-name()='foreignObject']",
		"//*[local-name()='image']", "//*[local-name()='a']",
		"//@*[starts-with(local-name(), 'on')]",
		"//@*[local-name()='href' and not(starts-with(., '#'))]",
		"//@*[contains(translate(., 'URL', 'url'), 'url(') and "
		    "not(contains(., 'url(#'))]",
		"//@*[contains(., '\\')]",
		"//*[local-name()='style' and contains(., '@')]",
		"//*[namespace-uri() != 'http://www.w3.org/2000/svg']",
		"//@*[namespace-uri() != '' and namespace-uri() != "
		    "'http://www.w3.org/1999/xlink' and namespace-uri() != "
		    "'http://www.w3.org/XML/1998/namespace']",
		"//processing-instruction()", "//comment()",
	};

	for (size_t i = 0; i < G_N_ELEMENTS(none); i++)
		if (count(d, none[i]) != 0)
			g_error("the sanitized SVG has %s", none[i]);
	g_assert_null(d->intSubset);
	/* the drawing is still there */
	g_assert_cmpint(count(d, "//*[local-name()='rect' and @fill='url(#g)' "
	    "and @class='b']"), ==, 1);
	g_assert_cmpint(count(d, "//*[local-name()='use']/@*[local-name()="
	    "'href' and .='#g']"), ==, 1);
	g_assert_cmpint(count(d, "//*[local-name()='style' and "
	    ".='.b{fill:#000}']"), ==, 1);
	g_assert_cmpint(count(d, "//*[local-name()='text' and "
	    ".='A+B & C']"), ==, 1);
	g_assert_cmpint(count(d, "//*[local-name()='stop']"), ==, 1);
}

static void
test_svg_clean(void)
{
	char *removed, *plain;
	const char *why;
	gsize len;
	GBytes *b = kt_svg_clean(hostile_svg, strlen(hostile_svg), &removed,
	    &why);
	xmlDocPtr d;
	const char *data;

	g_assert_nonnull(b);
	g_assert_cmpstr(removed, ==, "the event attribute onload");
	data = g_bytes_get_data(b, &len);
	d = xmlReadMemory(data, (int)len, NULL, NULL, XML_PARSE_NONET);
	g_assert_nonnull(d);
	expect_clean(d);
	xmlFreeDoc(d);
	g_bytes_unref(b);
	g_free(removed);

	/* a plain drawing comes out as it went in */
	g_assert_true(g_file_get_contents(
	    "tests/site/pictogrammen/schoolbord.svg", &plain, &len, NULL));
	b = kt_svg_clean(plain, len, &removed, &why);
	g_assert_nonnull(b);
	g_assert_null(removed);
	data = g_bytes_get_data(b, &len);
	g_assert_cmpmem(data, len, plain, strlen(plain));
	g_bytes_unref(b);
	g_free(plain);
}

/* The hostile pictogram in content: a warning, a clean copy in out/, and
 * a sheet that still draws it. */
static void
test_svg_site(void)
{
	char *dir = content("picto", NULL), *err;
	char *out, *pdf;
	xmlDocPtr d;

	t_write_file(dir, "pictogrammen/schoolbord.svg", hostile_svg);
	out = build(dir, 0, &err);
	d = parse(out, "pictogrammen/schoolbord.svg");
	expect_clean(d);
	xmlFreeDoc(d);
	g_assert_nonnull(strstr(err, "schoolbord.svg: warning: the event "
	    "attribute onload was removed"));
	pdf = g_build_filename(out, "nl/opdrachten/veilig.pdf", NULL);
	expect_qpdf_check(pdf);
	g_free(pdf);
	g_free(err);
	g_free(out);
	g_free(dir);
}

/* An SVG declaring an external entity is refused, with or without PDFs. */
static void
test_svg_entity(void)
{
	char *dir = content("entity", NULL), *err, *out;
	const char *argv[] = { KT, "build", "-q", "--no-pdf", "-C", NULL, "-o",
	    NULL, NULL };

	t_write_file(dir, "pictogrammen/schoolbord.svg", "<?xml version=\"1.0\"?>"
	    "\n<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
	    "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&x;</text></svg>"
	    "\n");
	out = build(dir, 1, &err);
	g_assert_nonnull(strstr(err, "schoolbord.svg: error: entities are "
	    "declared (<!ENTITY ...>) in this pictogram; export it again as "
	    "plain SVG"));
	g_free(err);
	argv[5] = dir;
	argv[7] = out;
	g_assert_cmpint(t_run(argv, NULL, NULL, &err), ==, 1);
	g_assert_nonnull(strstr(err, "entities are declared"));
	g_free(err);
	g_free(out);
	g_free(dir);
}

/* ---- readability ---- */

static void
test_abbreviations(void)
{
	static const struct { const char *word; int n; } cases[] = {
		{ "vmbo", 4 }, { "mbo", 3 }, { "hbo", 3 }, { "wo", 2 },
		{ "cv", 2 }, { "LOB", 3 }, { "havo", 2 }, { "vwo", 3 },
		{ "ict", 3 }, { "MBO", 3 }, { "HAVO", 2 }, { "Vmbo", 4 },
		{ "PTA", 3 }, { "cv's", 2 }, { "cv’s", 2 },
		{ "mbo-opleiding", 6 }, { "havo/vwo", 5 }, { "LOB-jaar", 4 },
		{ "mbo-4", 4 },
		/* not abbreviations: counted as before */
		{ "U", 1 }, { "kind", 1 }, { "opleiding", 3 },
		{ "thuis-opdracht", 3 }, { "Toekomst", 2 },
	};
	struct kt_counter *c = kt_counter_new(KT_HYPHEN_DIR);

	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		int n = kt_syllables(c, "nl", cases[i].word);
		if (n != cases[i].n)
			g_error("'%s': %d syllables, want %d", cases[i].word,
			    n, cases[i].n);
	}
	/* English keeps its own rule */
	g_assert_cmpint(kt_syllables(c, "en", "CV"), ==, 1);
	kt_counter_free(c);
}

/*
 * "Na het vmbo kies je een mbo-opleiding of de havo."  10 words:
 * na 1, het 1, ve-em-be-o 4, kies 1, je 1, een 1, em-be-o-op-lei-ding 6,
 * of 1, de 1, ha-vo 2 = 19 syllables.
 * "Het LOB helpt je kiezen."  5 words: het 1, el-o-be 3, helpt 1, je 1,
 * kie-zen 2 = 8 syllables.
 * 2 sentences, 15 words, 27 syllables: 7.5 words a sentence, 180
 * syllables per 100 words; Flesch-Douma
 * 206.84 - 0.77 * 180 - 0.93 * 7.5 = 61.27
 * Counted before by the hyphenation patterns alone (vm-bo 2, mbo 1,
 * mbo-op-lei-ding 4, LOB 1): 21 syllables, 92.07, 31 points too
 * generous for a sentence full of abbreviations.
 */
static void
test_abbreviation_score(void)
{
	struct kt_counter *c = kt_counter_new(KT_HYPHEN_DIR);
	struct kt_figures f;

	kt_figures(c, "nl", "Na het vmbo kies je een mbo-opleiding of de "
	    "havo. Het LOB helpt je kiezen.", &f);
	g_assert_cmpint(f.sentences, ==, 2);
	g_assert_cmpint(f.words, ==, 15);
	g_assert_cmpint(f.syllables, ==, 27);
	g_assert_cmpfloat_with_epsilon(f.score, 61.27, 0.01);
	kt_figures_clear(&f);
	kt_counter_free(c);
}

int
main(int argc, char *argv[])
{
	int r;

	g_test_init(&argc, &argv, NULL);
	tmp = g_dir_make_tmp("kt-safety-XXXXXX", NULL);
	g_test_add_func("/safety/url/encode", test_url_encode);
	g_test_add_func("/safety/url/base-non-ascii", test_base_url_non_ascii);
	g_test_add_func("/safety/url/base-quote", test_base_url_quote);
	g_test_add_func("/safety/url/hrefs", test_hrefs);
	g_test_add_func("/safety/svg/clean", test_svg_clean);
	g_test_add_func("/safety/svg/site", test_svg_site);
	g_test_add_func("/safety/svg/entity", test_svg_entity);
	g_test_add_func("/safety/readability/abbreviations",
	    test_abbreviations);
	g_test_add_func("/safety/readability/score", test_abbreviation_score);
	r = g_test_run();
	kt_remove_tree(tmp);
	g_free(tmp);
	return r;
}
