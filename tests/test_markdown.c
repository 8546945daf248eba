/*
 * The Markdown converters. Golden files first: each tests/regress/NAME.md
 * beside the NAME.html and NAME.pango it must give, compared byte for
 * byte, one case per .md file. The HTML is what goes under an h3 (a
 * teacher's section), from a page in English; the known items are
 * opdracht:open-dag and tip:luister-eerst (translated) and
 * avond:ouderavond (Dutch only). With KT_REGRESS_WRITE=1 in the
 * environment a missing or different golden file is written instead, to
 * be read by eye before it is committed.
 *
 * Then end to end, on tests/markdown-site built once per process: item
 * links on the pages and on paper, lists and link addresses on paper,
 * sub-headings, incremental builds, and check's warnings.
 */
#include <glib.h>
#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>
#include <stdio.h>
#include <string.h>

#include "out/writer.h"
#include "print/pdfkit.h"
#include "text/markdown.h"
#include "web/html_write.h"
#include "util.h"

#define REGRESS "tests/regress"
#define SITE "tests/markdown-site"

static char *tmp;	/* a folder for this process */

/* ---- golden files ---- */

static char *
test_item(void *data, enum kt_kind k, const char *slug, const char **lang)
{
	const char *prefix = data;
	static const char *const known[KT_KIND_COUNT] = {
		"open-dag", "ouderavond", "luister-eerst"
	};

	if (strcmp(slug, known[k]) != 0)
		return NULL;
	*lang = k == KT_EVENING ? "nl" : NULL;
	return g_strdup_printf("%s%s/%s/%s.html", prefix, k == KT_EVENING ?
	    "nl" : "en", kt_kind_dir(k), slug);
}

static char *
to_html(const struct kt_md *m)
{
	const struct kt_md_links links = { test_item, (void *)"../../" };
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr div = xmlNewDocNode(doc, NULL, BAD_CAST "div", NULL);
	GString *s = g_string_new(NULL);

	xmlDocSetRootElement(doc, div);
	kt_md_to_xml(m, div, 3, FALSE, &links);
	for (xmlNodePtr n = div->children; n != NULL; n = n->next)
		kt_html_serialize_node(n, s);
	g_string_append_c(s, '\n');
	xmlFreeDoc(doc);
	return g_string_free(s, FALSE);
}

static char *
to_pango(const struct kt_md *m)
{
	const struct kt_md_links links = {
		test_item, (void *)"https://school.example/"
	};
	char *markup = kt_md_to_pango(m, &links, NULL);
	char *s = g_strconcat(markup, "\n", NULL);

	g_free(markup);
	return s;
}

/* Fails with a diff of what the golden file says and what came out. */
static void
compare(const char *golden, const char *got)
{
	char *want = NULL, *actual, *so = NULL;
	const char *diff[] = { "diff", "-u", golden, NULL, NULL };

	if (g_file_get_contents(golden, &want, NULL, NULL) &&
	    strcmp(want, got) == 0) {
		g_free(want);
		return;
	}
	if (g_getenv("KT_REGRESS_WRITE") != NULL) {
		g_assert_true(g_file_set_contents(golden, got, -1, NULL));
		g_test_message("wrote %s; read it before committing", golden);
		g_free(want);
		return;
	}
	if (want == NULL)
		g_error("%s is missing; it should be:\n%s(KT_REGRESS_WRITE=1 "
		    "writes it)", golden, got);
	actual = g_build_filename(tmp, "actual", NULL);
	g_assert_true(g_file_set_contents(actual, got, -1, NULL));
	diff[3] = actual;
	t_run(diff, NULL, &so, NULL);
	g_error("%s differs (- the golden file, + what came out):\n%s", golden,
	    so);
}

static void
test_regress(gconstpointer data)
{
	const char *name = data;
	char *md = g_strdup_printf("%s/%s.md", REGRESS, name);
	char *html = g_strdup_printf("%s/%s.html", REGRESS, name);
	char *pango = g_strdup_printf("%s/%s.pango", REGRESS, name);
	char *src, *got;
	struct kt_md *m;

	g_assert_true(g_file_get_contents(md, &src, NULL, NULL));
	m = kt_md_new(src, (struct kt_pos){ md, 1, 1 });
	got = to_html(m);
	compare(html, got);
	g_free(got);
	got = to_pango(m);
	compare(pango, got);
	g_free(got);
	kt_md_free(m);
	g_free(src);
	g_free(pango);
	g_free(html);
	g_free(md);
}

static void
add_regress_cases(void)
{
	GPtrArray *files = t_files(REGRESS);

	for (guint i = 0; i < files->len; i++) {
		const char *f = g_ptr_array_index(files, i);
		char *name, *path;

		if (!g_str_has_suffix(f, ".md"))
			continue;
		name = g_strndup(f, strlen(f) - 3);
		path = g_strdup_printf("/markdown/regress/%s", name);
		g_test_add_data_func_full(path, name, test_regress, g_free);
		g_free(path);
	}
	g_ptr_array_free(files, TRUE);
}

/* ---- the test site ---- */

/* A copy of the test site to change, in tmp/name. */
static char *
site_copy(const char *name)
{
	char *dir = g_build_filename(tmp, name, NULL);
	const char *cp[] = { "cp", "-R", SITE, dir, NULL };

	g_assert_cmpint(t_run(cp, NULL, NULL, NULL), ==, 0);
	return dir;
}

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

/* ---- on paper ---- */

/* Does text have this line, spaces around it aside? */
static gboolean
has_line(const char *text, const char *line)
{
	char **lines = g_strsplit(text, "\n", -1);
	gboolean found = FALSE;

	for (char **l = lines; *l != NULL && !found; l++)
		found = strcmp(g_strstrip(*l), line) == 0;
	g_strfreev(lines);
	return found;
}

static char *
pdf_text(const char *out, const char *rel)
{
	char *p = g_build_filename(out, rel, NULL), *t = t_pdf_text(p, 0);

	g_free(p);
	return t;
}

struct box {
	double x0, y0, x1, y1;	/* from the top left of the page */
};

/*
 * The links of a PDF (one page) to url: their rectangles, from qpdf's
 * uncompressed rewrite, where a /Rect follows its action's /URI.
 */
static GArray *
pdf_links(const char *pdf, const char *url)
{
	const char *qdf[] = { "qpdf", "--qdf", "--object-streams=disable",
	    pdf, "-", NULL };
	char *so = NULL, *want = g_strdup_printf("/URI (%s)", url);
	GArray *boxes = g_array_new(FALSE, FALSE, sizeof(struct box));

	g_assert_cmpint(t_run(qdf, NULL, &so, NULL), ==, 0);
	for (const char *at = so; (at = strstr(at, want)) != NULL; at++) {
		const char *r = strstr(at, "/Rect [");
		double v[4];
		char *end;

		g_assert_nonnull(r);
		r += strlen("/Rect [");
		for (int i = 0; i < 4; i++) {
			v[i] = g_ascii_strtod(r, &end);
			r = end;
		}
		g_array_append_val(boxes, ((struct box){ v[0],
		    KT_A4_H - v[3], v[2], KT_A4_H - v[1] }));
	}
	g_free(want);
	g_free(so);
	return boxes;
}

/* The box of the word on page 1, as pdftotext -bbox finds it. */
static struct box
word_box(const char *pdf, const char *word)
{
	GPtrArray *all = t_pdf_words(pdf, 1);
	const struct t_word *w = NULL;
	struct box b;

	for (guint i = 0; i < all->len && w == NULL; i++)
		if (strcmp(((const struct t_word *)g_ptr_array_index(all,
		    i))->text, word) == 0)
			w = g_ptr_array_index(all, i);
	if (w == NULL)
		g_error("%s: no word '%s'", pdf, word);
	b = (struct box){ w->x0, w->y0, w->x1, w->y1 };
	g_ptr_array_free(all, TRUE);
	return b;
}

/* A link to url lies over the printed word, and covers most of it. */
static void
assert_link_over(const char *out, const char *rel, const char *url,
    const char *word)
{
	char *pdf = g_build_filename(out, rel, NULL);
	GArray *links = pdf_links(pdf, url);
	struct box w = word_box(pdf, word);
	gboolean found = FALSE;

	for (guint i = 0; i < links->len && !found; i++) {
		struct box l = g_array_index(links, struct box, i);
		double cy = (l.y0 + l.y1) / 2;

		found = cy > w.y0 && cy < w.y1 && l.x0 >= w.x0 - 1 &&
		    l.x1 <= w.x1 + 1 && l.x1 - l.x0 > (w.x1 - w.x0) * 0.8;
	}
	if (!found)
		g_error("%s: no link to %s over '%s' (%u links to it)", rel,
		    url, word, links->len);
	g_array_free(links, TRUE);
	g_free(pdf);
}

static void
assert_qpdf_check(const char *out, const char *rel)
{
	char *pdf = g_build_filename(out, rel, NULL);
	const char *argv[] = { "qpdf", "--check", pdf, NULL };
	char *so = NULL;

	if (t_run(argv, NULL, &so, NULL) != 0)
		g_error("qpdf --check %s:\n%s", rel, so);
	g_free(so);
	g_free(pdf);
}

/* A list in a tip is a list on its card, a numbered list numbered. */
static void
test_paper_lists(void)
{
	char *t = pdf_text(built(), "nl/tips/tipkaarten.pdf");
	static const char *const lines[] = {
		"Een lijstje helpt:", "• eerste punt", "• tweede punt",
		"Tel dan af:", "3. drie", "4. vier", NULL
	};

	for (int i = 0; lines[i] != NULL; i++)
		if (!has_line(t, lines[i]))
			g_error("no line \"%s\" on the tip card:\n%s",
			    lines[i], t);
	g_free(t);
	t = pdf_text(built(), "nl/avonden/ouderavond-draaiboek.pdf");
	g_assert_true(has_line(t, "1. wat een open dag is;"));
	g_assert_true(has_line(t, "2. hoe u samen gaat."));
	g_free(t);
}

/* A link prints its address after its text, and the address is a link;
 * an item link prints the address of the item's page on the site. */
static void
test_paper_links(void)
{
	const char *out = built();
	char *t = pdf_text(out, "nl/tips/tipkaarten.pdf");
	static const char *const pdfs[] = {
		"nl/tips/tipkaarten.pdf", "ar/tips/tipkaarten.pdf",
		"nl/opdrachten/koppelingen.pdf",
		"en/opdrachten/koppelingen.en-nl.pdf",
		"nl/opdrachten/leerjaar-4.pdf",
		"nl/avonden/ouderavond-draaiboek.pdf",
		"nl/avonden/ouderavond-stellingen.pdf",
		"nl/avonden/ouderavond-uitnodiging.pdf", NULL
	};

	g_assert_true(t_contains(t, "Meer op de website (example.org/ouders)"));
	g_assert_true(t_contains(t, "bij de ouderavond (lob.school.example/"
	    "nl/avonden/ouderavond.html)."));
	g_assert_null(strstr(t, "https://"));
	g_free(t);
	assert_link_over(out, "nl/tips/tipkaarten.pdf",
	    "https://example.org/ouders", "(example.org/ouders)");
	/* the brackets around it are words of their own in Arabic */
	assert_link_over(out, "ar/tips/tipkaarten.pdf",
	    "https://example.org/ouders", "example.org/ouders");
	/* in the language of the sheet where the item has a page in it */
	t = pdf_text(out, "en/opdrachten/koppelingen.en-nl.pdf");
	g_assert_true(t_contains(t, "(lob.school.example/en/opdrachten/"
	    "open-dag.html)"));
	g_assert_true(t_contains(t, "(lob.school.example/nl/avonden/"
	    "ouderavond.html)"));
	g_free(t);
	/* an address that wraps is a link on each of its lines */
	assert_link_over(out, "en/opdrachten/koppelingen.en-nl.pdf",
	    "https://lob.school.example/en/opdrachten/open-dag.html",
	    "(lob.school.example/en/");
	assert_link_over(out, "en/opdrachten/koppelingen.en-nl.pdf",
	    "https://lob.school.example/en/opdrachten/open-dag.html",
	    "opdrachten/open-dag.html)");
	for (int i = 0; pdfs[i] != NULL; i++)
		assert_qpdf_check(out, pdfs[i]);
}

/* A translation added later: a page that links to the item opens it in
 * the page's language after an incremental build, as after a full one. */
static void
test_incremental_links(void)
{
	char *content = site_copy("later"), *out, *t;
	htmlDocPtr d;

	out = build_into(content, "later-out");
	t_write_file(content, "avonden/ouderavond.en.md", "---\n"
	    "titel: Parents' evening about open days\n"
	    "samenvatting: Parents hear how to go to open days.\n"
	    "uitnodiging: Come to an evening about open days.\n---\n");
	g_free(build_into(content, "later-out"));
	d = page(out, "en/opdrachten/koppelingen.html");
	assert_link(d, "the parents' evening",
	    "../../en/avonden/ouderavond.html", "");
	xmlFreeDoc(d);
	t = pdf_text(out, "en/opdrachten/koppelingen.pdf");
	g_assert_true(t_contains(t, "(lob.school.example/en/avonden/"
	    "ouderavond.html)"));
	g_free(t);
	g_free(out);
	g_free(content);
}

/* check warns about a step or question that is more than a line. */
static void
test_check_one_line(void)
{
	char *content = site_copy("stappen"), *se = NULL, *path;
	const char *argv[] = { KT, "check", "-q", "-C", NULL, NULL };
	char *want[2];

	t_write_file(content, "opdrachten/stappen.nl.md", "---\n"
	    "titel: Stappen met een lijst\n"
	    "samenvatting: Een stap en een vraag van meer dan een regel.\n"
	    "onderwijstype: [havo]\nleerjaar: [4]\n"
	    "competenties: [werkexploratie]\nfase: verkennen\n"
	    "keuze: [vervolgstudie]\nduur: 30\npictogram: lijst\n"
	    "thuis:\n  intro: Pak alles in.\n  stappen:\n"
	    "    - pictogram: kalender\n      tekst: Kies een dag.\n"
	    "    - pictogram: lijst\n      tekst: |\n        - een pen\n"
	    "        - dit blad\n"
	    "  vragen:\n    - Wat zag je?\n    - \"### Wat vond je?\"\n---\n"
	    "## Doel\n\nSamen kijken.\n\n## In de klas\n\nKies.\n\n"
	    "## Nabespreken\n\nVergelijk.\n");
	argv[4] = content;
	g_assert_cmpint(t_run(argv, NULL, NULL, &se), ==, 0);
	path = g_build_filename(content, "opdrachten", "stappen.nl.md", NULL);
	want[0] = g_strdup_printf("%s:17:14: warning: step 2 holds a list, "
	    "but a step is one line of text; write it as one sentence, or "
	    "as more steps", path);
	want[1] = g_strdup_printf("%s:22:7: warning: question 2 holds a "
	    "heading, but a question is one line of text; write it as one "
	    "sentence, or as more questions", path);
	for (int i = 0; i < 2; i++)
		if (strstr(se, want[i]) == NULL)
			g_error("no \"%s\" in:\n%s", want[i], se);
	g_assert_null(strstr(se, "step 1 "));
	g_assert_null(strstr(se, "question 1 "));
	g_free(want[0]);
	g_free(want[1]);
	g_free(path);
	g_free(se);
	g_free(content);
}

int
main(int argc, char **argv)
{
	int r;

	g_test_init(&argc, &argv, NULL);
	tmp = g_dir_make_tmp("kt-markdown-XXXXXX", NULL);
	add_regress_cases();
	g_test_add_func("/markdown/item-links-page", test_item_links_page);
	g_test_add_func("/markdown/no-dead-item-links",
	    test_no_dead_item_links);
	g_test_add_func("/markdown/sub-headings-and-starts",
	    test_sub_headings_and_starts);
	g_test_add_func("/markdown/paper-lists", test_paper_lists);
	g_test_add_func("/markdown/paper-links", test_paper_links);
	g_test_add_func("/markdown/incremental-links", test_incremental_links);
	g_test_add_func("/markdown/check-one-line", test_check_one_line);
	r = g_test_run();
	kt_remove_tree(tmp);
	g_free(tmp);
	return r;
}
