/*
 * The talk guide (gesprek): loaded from tests/site (a Dutch guide and its
 * Arabic translation), bad guides with the exact messages check gives,
 * the family's preparation sheet and the mentor's guide read back
 * (pdftotext, page counts, the smallest font from the words' boxes, the
 * QR code, fonts, qpdf), and the pages parsed: the talk's page, the link
 * from each assignment it looks back at, its place in the bank.
 */
#include <glib.h>
#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>
#include <stdio.h>
#include <string.h>

#include "build/check.h"
#include "diag.h"
#include "load/load.h"
#include "model/model.h"
#include "out/writer.h"
#include "util.h"

#define OPENMOJI "node_modules/openmoji/black/svg"
#define TALK "gesprekken/sectorkeuze"

static char *tmp;	/* a folder for this run; the fixture is read only */

static char *
fixture(const char *rel)
{
	return g_build_filename(t_fixture(), rel, NULL);
}

static void
assert_has(const char *what, const char *text, const char *const *want)
{
	for (int i = 0; want[i] != NULL; i++)
		if (!t_contains(text, want[i]))
			g_error("%s: no \"%s\" in:\n%s", what, want[i], text);
}

/* ---- loading ---- */

static struct kt_model *
load(const char *content, struct kt_diag *d)
{
	struct kt_paths p = { content, "themes/default", OPENMOJI, 1 };
	struct kt_model *m = kt_load(&p, d);

	kt_check_model(m, NULL, d, NULL);
	return m;
}

static void
test_load(void)
{
	struct kt_diag *d = kt_diag_new();
	struct kt_model *m = load("tests/site", d);
	const struct kt_item *it = kt_model_find(m, KT_TALK, "sectorkeuze");
	const struct kt_talk_part *last;
	const struct kt_text *ar;
	const struct kt_ref *r;
	char *s;

	g_assert_cmpuint(kt_diag_count(d, KT_ERROR), ==, 0);
	g_assert_nonnull(it);
	g_assert_cmpstr(kt_vocab_name(KT_V_TALK, it->talk), ==, "keuze");
	g_assert_cmpuint(it->choices, ==,
	    1u << kt_vocab_find(KT_V_CHOICE, "sector"));
	g_assert_cmpuint(it->school_types, ==, 0xF);
	g_assert_cmpuint(it->years, ==, 1u << 2);
	g_assert_cmpint(it->minutes, ==, 20);
	g_assert_cmpstr(it->pictogram, ==, "praten");
	g_assert_cmpuint(it->looks_back->len, ==, 2);
	r = g_ptr_array_index(it->looks_back, 1);
	g_assert_cmpstr(r->slug, ==, "open-dag-samen");
	g_assert_cmpint(r->pos.line, ==, 10);
	g_assert_cmpint(r->pos.col, ==, 31);
	g_assert_cmpuint(it->parts->len, ==, 4);
	last = g_ptr_array_index(it->parts, 3);
	g_assert_cmpstr(kt_vocab_name(KT_V_TALK_PART, last->part), ==,
	    "vervolgstappen");
	g_assert_cmpint(last->minutes, ==, 5);
	s = kt_md_plain(g_ptr_array_index(last->questions, 0));
	g_assert_cmpstr(s, ==, "Wat doe je de komende weken om te kiezen?");
	g_free(s);
	g_assert_cmpuint(it->source->pupil_questions->len, ==, 2);
	g_assert_cmpuint(it->source->parent_questions->len, ==, 2);
	s = kt_md_plain(it->source->closing);
	g_assert_true(g_str_has_prefix(s, "Schrijf samen"));
	g_free(s);
	/* the translation: the family's part only, a draft */
	ar = kt_item_text(it, "ar");
	g_assert_nonnull(ar);
	g_assert_cmpint(ar->status, ==, KT_DRAFT);
	g_assert_cmpuint(ar->parent_questions->len, ==, 2);
	s = kt_md_plain(g_ptr_array_index(ar->pupil_questions, 0));
	g_assert_cmpstr(s, ==, "ما هي المادة التي تحبها أكثر؟");
	g_free(s);
	g_assert_null(ar->opening);
	kt_model_free(m);
	kt_diag_free(d);
}

/* ---- bad input ---- */

static const char good[] =
    "---\n"
    "titel: Een gesprek\n"
    "samenvatting: Een zin.\n"
    "soort: kennismaking\n"
    "onderwijstype: [havo]\n"
    "leerjaar: 1\n"
    "duur: 10\n"
    "pictogram: praten\n"
    "opdrachten: [trots-op-jezelf]\n"
    "gezin:\n"
    "  intro: Wij nodigen u uit.\n"
    "  vragen-leerling: [Wat wil je?]\n"
    "  vragen-ouder: [Wat ziet u?]\n"
    "mentor:\n"
    "  opening: Welkom.\n"
    "  delen:\n"
    "    - deel: leerling\n"
    "      duur: 10\n"
    "      vragen: [Wat wil je?]\n"
    "  afsluiting: Afspraken.\n"
    "  noteren: De afspraken.\n"
    "---\n";

/* tests/site with gesprekken/x.nl.md made from good, find replaced by
 * repl; what load and check say about that file, a line each. */
static char *
messages_for(const char *name, const char *find, const char *repl)
{
	char *dir = g_build_filename(tmp, name, NULL), *out = NULL;
	const char *cp[] = { "cp", "-r", "tests/site", dir, NULL };
	char **parts = g_strsplit(good, find, 2);
	char *text = g_strjoinv(repl, parts), *buf = NULL;
	struct kt_diag *d = kt_diag_new();
	struct kt_model *m;
	size_t len = 0;
	FILE *f;
	GString *mine = g_string_new(NULL);
	char **lines;

	g_assert_nonnull(strstr(good, find));
	g_assert_cmpint(t_run(cp, NULL, NULL, NULL), ==, 0);
	t_write_file(dir, "gesprekken/x.nl.md", text);
	m = load(dir, d);
	f = open_memstream(&buf, &len);
	kt_diag_print(d, f);
	fclose(f);
	lines = g_strsplit(buf, "\n", -1);
	for (char **l = lines; *l != NULL; l++) {
		const char *at = strstr(*l, "gesprekken/x.nl.md");

		if (at != NULL)
			g_string_append_printf(mine, "%s\n", at);
	}
	out = g_string_free(mine, FALSE);
	g_strfreev(lines);
	g_strfreev(parts);
	g_free(text);
	free(buf);
	kt_model_free(m);
	kt_diag_free(d);
	g_free(dir);
	return out;
}

static void
test_bad(void)
{
	static const char *const cases[][4] = {
		{ "good", "titel", "titel", "" },
		{ "unknown-slug", "[trots-op-jezelf]", "[trots-op-jezelv, zomaar]",
		    "gesprekken/x.nl.md:9:14: error: no home assignment "
		    "'trots-op-jezelv' (opdrachten/trots-op-jezelv.nl.md); did "
		    "you mean 'trots-op-jezelf'?\n"
		    "gesprekken/x.nl.md:9:31: error: no home assignment 'zomaar' "
		    "(opdrachten/zomaar.nl.md); write the slug of a file in "
		    "opdrachten/, or remove it\n" },
		{ "missing-field", "mentor:\n  opening", "mentr:\n  opening",
		    "gesprekken/x.nl.md:14:1: error: unknown field 'mentr'; did "
		    "you mean 'mentor'?\n" },
		{ "missing-part", "  noteren: De afspraken.\n", "",
		    "gesprekken/x.nl.md:15:3: error: missing field "
		    "'mentor.noteren'; add a line 'noteren: ...'\n" },
		{ "bad-kind", "soort: kennismaking", "soort: ontmoeting",
		    "gesprekken/x.nl.md:4:8: error: 'ontmoeting' is not a known "
		    "value of 'soort'; use one of: kennismaking, "
		    "voortgangsgesprek, keuze\n" },
		{ "choice-without-keuze", "soort: kennismaking", "soort: keuze",
		    "gesprekken/x.nl.md:2:1: error: a talk before a choice needs "
		    "'keuze: ...': profiel, sector, stage, vervolgstudie or "
		    "arbeidsmarkt\n" },
		{ "bad-part", "deel: leerling", "deel: leraar",
		    "gesprekken/x.nl.md:17:13: error: 'leraar' is not a known "
		    "value of 'mentor.delen.deel'; use one of: terugblik, "
		    "leerling, ouder, vervolgstappen\n" },
		{ "body", "afspraken.\n---\n",
		    "afspraken.\n---\n## Doel\nTekst.\n",
		    "gesprekken/x.nl.md:23:1: error: a talk guide has no text "
		    "below its front matter; put the mentor's part under "
		    "'mentor:' (opening, delen, afsluiting, noteren)\n" },
	};

	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		char *got = messages_for(cases[i][0], cases[i][1],
		    cases[i][2]);

		if (strcmp(got, cases[i][3]) != 0)
			g_error("%s: got\n%swant\n%s", cases[i][0], got,
			    cases[i][3]);
		g_free(got);
	}
}

/* new gesprek --taal: the family's part to translate, which passes check
 * as it is; the mentor's part and the facets stay in the Dutch file. */
static void
test_new_translation(void)
{
	char *dir = g_build_filename(tmp, "new", NULL);
	char *en = g_build_filename(dir, TALK ".en.md", NULL);
	const char *cp[] = { "cp", "-R", "tests/site", dir, NULL };
	const char *words[] = { KT, "new", "gesprek", "sectorkeuze", "--taal",
	    "en", "-C", dir, NULL };
	const char *check[] = { KT, "check", "-C", dir, NULL };
	char *text, *err = NULL;

	g_assert_cmpint(t_run(cp, NULL, NULL, NULL), ==, 0);
	g_assert_cmpint(t_run(words, NULL, NULL, NULL), ==, 0);
	g_assert_true(g_file_get_contents(en, &text, NULL, NULL));
	g_assert_nonnull(strstr(text, "gezin:\n  # vertaal:\n  intro: |\n"
	    "    Wij nodigen u en uw kind uit voor een gesprek.\n"));
	g_assert_nonnull(strstr(text, "  vragen-ouder:\n    # vertaal:\n"
	    "    - Waar is uw kind goed in?\n"));
	g_assert_null(strstr(text, "soort:"));
	g_assert_null(strstr(text, "opening:"));
	g_assert_cmpint(t_run(check, NULL, NULL, &err), ==, 0);
	g_assert_nonnull(strstr(err, "; 0 errors, "));
	g_assert_null(strstr(err, ".en.md:"));
	g_free(err);
	g_free(text);
	g_free(en);
	g_free(dir);
}

/* ---- the printables ---- */

/* The smallest size of a word above the footer, from its box's height
 * (Noto's box is 1.362 times the size). */
static double
smallest_size(const char *pdf, int *words)
{
	GPtrArray *all = t_pdf_words(pdf, 0);
	double footer_top = 841.89 - 12 * 2.8346 - 25 * 2.8346;
	double smallest = 1000;

	*words = 0;
	for (guint i = 0; i < all->len; i++) {
		const struct t_word *w = g_ptr_array_index(all, i);

		if (w->y1 > footer_top)
			continue;
		smallest = MIN(smallest, (w->y1 - w->y0) / 1.362);
		(*words)++;
	}
	g_ptr_array_free(all, TRUE);
	return smallest;
}

static void
assert_good_pdf(const char *pdf, int max_pages)
{
	const char *qpdf[] = { "qpdf", "--check", pdf, NULL };
	const char *fonts[] = { "pdffonts", pdf, NULL };
	char *so = NULL;

	g_assert_cmpint(t_pdf_pages(pdf), >=, 1);
	g_assert_cmpint(t_pdf_pages(pdf), <=, max_pages);
	g_assert_cmpint(t_run(qpdf, NULL, NULL, NULL), ==, 0);
	g_assert_cmpint(t_run(fonts, NULL, &so, NULL), ==, 0);
	/* every font embedded: the "emb" column says yes on each line */
	g_assert_null(strstr(so, " no  "));
	g_assert_nonnull(strstr(so, "NotoSans"));
	g_free(so);
}

static void
test_family_sheet(void)
{
	char *pdf = fixture("nl/gesprekken/sectorkeuze-voorbereiding.pdf");
	char *text, *qr;
	const char *want[] = {
		"Het gesprek over de sectorkeuze", "Ons gesprek op school",
		"Datum:", "8-10-2026", "Hoe laat:", "19:30", "Waar:",
		"Aula De Brug", "Een tolk?", "ja", "nee",
		"Neem dit blad mee naar het gesprek.",
		"We praten ook over deze opdrachten",
		"Drie dingen waar ik trots op ben", "Samen naar de open dag",
		"Voor de leerling: denk hierover na",
		"Welk vak vind jij het leukst?",
		"Voor u als ouder: denk hierover na",
		"Waar is uw kind goed in?", NULL
	};
	int words;
	double smallest;

	assert_good_pdf(pdf, 2);
	text = t_pdf_text(pdf, 1);
	/* the box first: the date before the intro, on page 1 */
	g_assert_true(strstr(text, "Ons gesprek op school") <
	    strstr(text, "Wij nodigen u"));
	g_free(text);
	text = t_pdf_text(pdf, 0);
	assert_has(pdf, text, want);
	/* the mentor's part is not on the family's sheet */
	g_assert_false(t_contains(text, "Heet iedereen welkom"));
	smallest = smallest_size(pdf, &words);
	g_assert_cmpint(words, >, 60);
	if (smallest < 13.95)
		g_error("text at %.2f pt, under the 14 pt minimum", smallest);
	qr = t_qr(pdf, tmp);
	g_assert_cmpstr(qr, ==, "https://lob.testschool.example/nl/"
	    TALK ".html");
	g_free(qr);
	g_free(text);
	g_free(pdf);
}

static void
test_family_arabic(void)
{
	char *pdf = fixture("ar/gesprekken/sectorkeuze-voorbereiding.pdf");
	char *bi = fixture("ar/gesprekken/sectorkeuze-voorbereiding.ar-nl.pdf");
	char *text, *qr;
	const char *const ar[] = {
		"مقابلتنا في المدرسة", "8-10-2026", "19:30",
		"ما هي المادة التي تحبها أكثر؟", "في ماذا يتفوق طفلك؟",
		"ترجمة أولية", NULL
	};
	const char *const both[] = {
		"ما هي المادة التي تحبها أكثر؟", "Welk vak vind jij het leukst?",
		"Ons gesprek op school", "Een tolk?", NULL
	};
	const char *fonts[] = { "pdffonts", pdf, NULL };
	char *so = NULL;
	int words;

	assert_good_pdf(pdf, 2);
	assert_good_pdf(bi, 2);
	text = t_pdf_text(pdf, 0);
	assert_has(pdf, text, ar);
	g_free(text);
	text = t_pdf_text(bi, 0);
	assert_has(bi, text, both);
	g_free(text);
	g_assert_cmpint(t_run(fonts, NULL, &so, NULL), ==, 0);
	g_assert_nonnull(strstr(so, "NotoSansArabic"));
	g_free(so);
	if (smallest_size(bi, &words) < 13.95)
		g_error("%s: text under 14 pt", bi);
	qr = t_qr(bi, tmp);
	g_assert_cmpstr(qr, ==, "https://lob.testschool.example/ar/"
	    TALK ".html");
	g_free(qr);
	g_free(pdf);
	g_free(bi);
}

static void
test_guide(void)
{
	char *pdf = fixture("nl/gesprekken/sectorkeuze-gespreksleidraad.pdf");
	char *text;
	const char *want[] = {
		"Gespreksleidraad: Het gesprek over de sectorkeuze",
		"Gesprek voor een keuze", "20 minuten", "Opening",
		"1. Terugblik · 5 min (0–5)",
		"2. Wat wil de leerling? · 5 min (5–10)",
		"4. Volgende stappen · 5 min (15–20)",
		"Welke sector trekt je, en waarom?",
		"Afsluiting: concrete afspraken", "Wat noteer je?",
		"Afspraken", "Wie", "Wat", "Wanneer klaar", "Leerling", "Ouder",
		"Mentor", "Terugblik op: Drie dingen waar ik trots op ben", NULL
	};
	char *other = fixture("ar/gesprekken/sectorkeuze-gespreksleidraad.pdf");

	assert_good_pdf(pdf, 1);
	g_assert_cmpint(t_pdf_pages(pdf), ==, 1);
	text = t_pdf_text(pdf, 0);
	assert_has(pdf, text, want);
	/* the family's questions are theirs, not the mentor's */
	g_assert_false(t_contains(text, "Welk vak vind jij het leukst?"));
	/* the guide is the school's: in Dutch only */
	g_assert_false(g_file_test(other, G_FILE_TEST_EXISTS));
	g_free(other);
	g_free(text);
	g_free(pdf);
}

/* Without --datum, --tijd and --plaats: lines to write on; with the
 * talk's own names of the options, their values. */
static void
test_when_and_where(void)
{
	char *plain = g_build_filename(tmp, "plain", NULL);
	char *given = g_build_filename(tmp, "given", NULL);
	char *a = g_build_filename(plain, "nl/gesprekken/sectorkeuze-"
	    "voorbereiding.pdf", NULL);
	char *b = g_build_filename(given, "nl/gesprekken/sectorkeuze-"
	    "voorbereiding.pdf", NULL);
	const char *opts[] = { "--datum", "2027-02-03", "--tijd", "15:45",
	    "--plaats", "Lokaal 12", NULL };
	char *ta, *tb;

	g_assert_cmpint(t_build("tests/site", plain, "1700000000", NULL,
	    NULL), ==, 0);
	g_assert_cmpint(t_build("tests/site", given, "1700000000", opts,
	    NULL), ==, 0);
	ta = t_pdf_text(a, 1);
	tb = t_pdf_text(b, 1);
	g_assert_true(t_contains(ta, "Datum:"));
	g_assert_false(t_contains(ta, "19:30"));
	g_assert_false(t_contains(ta, "Aula"));
	g_assert_true(t_contains(tb, "3-2-2027"));
	g_assert_true(t_contains(tb, "15:45"));
	g_assert_true(t_contains(tb, "Lokaal 12"));
	g_free(ta);
	g_free(tb);
	g_free(a);
	g_free(b);
	g_free(plain);
	g_free(given);
}

/* Replaces find by repl in the file rel under dir. */
static void
edit(const char *dir, const char *rel, const char *find, const char *repl)
{
	char *path = g_build_filename(dir, rel, NULL), *text, **parts;

	g_assert_true(g_file_get_contents(path, &text, NULL, NULL));
	g_assert_nonnull(strstr(text, find));
	parts = g_strsplit(text, find, 2);
	g_free(text);
	text = g_strjoinv(repl, parts);
	g_assert_true(g_file_set_contents(path, text, -1, NULL));
	g_strfreev(parts);
	g_free(text);
	g_free(path);
}

/*
 * A rebuild after an edit: the talk's sheet and page show the new title
 * of an assignment it looks back at, and the assignment's page the new
 * title of the talk, though neither file of the other changed.
 */
static void
test_incremental(void)
{
	char *content = g_build_filename(tmp, "inc-content", NULL);
	char *out = g_build_filename(tmp, "inc-out", NULL);
	char *sheet = g_build_filename(out, "nl/gesprekken/sectorkeuze-"
	    "voorbereiding.pdf", NULL);
	char *talk = g_build_filename(out, "nl/" TALK ".html", NULL);
	char *page = g_build_filename(out, "nl/opdrachten/trots-op-jezelf.html",
	    NULL);
	const char *cp[] = { "cp", "-R", "tests/site", content, NULL };
	char *text;

	g_assert_cmpint(t_run(cp, NULL, NULL, NULL), ==, 0);
	g_assert_cmpint(t_build(content, out, "1700000000", NULL, NULL), ==,
	    0);
	/* one file at a time: the other one's key must change too */
	edit(content, "opdrachten/trots-op-jezelf.nl.md",
	    "titel: Drie dingen waar ik trots op ben",
	    "titel: Vier dingen om trots op te zijn");
	g_assert_cmpint(t_build(content, out, "1700000000", NULL, NULL), ==,
	    0);
	text = t_pdf_text(sheet, 0);
	g_assert_true(t_contains(text, "Vier dingen om trots op te zijn"));
	g_free(text);
	g_assert_true(g_file_get_contents(talk, &text, NULL, NULL));
	g_assert_nonnull(strstr(text, "Vier dingen om trots op te zijn"));
	g_free(text);
	edit(content, TALK ".nl.md", "titel: Het gesprek over de sectorkeuze",
	    "titel: Samen over de sector");
	g_assert_cmpint(t_build(content, out, "1700000000", NULL, NULL), ==,
	    0);
	g_assert_true(g_file_get_contents(page, &text, NULL, NULL));
	g_assert_nonnull(strstr(text, "Samen over de sector"));
	g_free(text);
	g_free(sheet);
	g_free(talk);
	g_free(page);
	g_free(out);
	g_free(content);
}

/* ---- the pages ---- */

/* The text of every node xpath finds in page, joined by "|". */
static char *
html_all(const char *rel, const char *xpath)
{
	char *path = fixture(rel);
	htmlDocPtr d = htmlReadFile(path, "UTF-8", HTML_PARSE_NOERROR |
	    HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
	xmlXPathContextPtr c;
	xmlXPathObjectPtr o;
	GString *s = g_string_new(NULL);

	g_assert_nonnull(d);
	c = xmlXPathNewContext(d);
	o = xmlXPathEvalExpression(BAD_CAST xpath, c);
	for (int i = 0; o->nodesetval != NULL && i < o->nodesetval->nodeNr;
	    i++) {
		xmlChar *t = xmlNodeGetContent(o->nodesetval->nodeTab[i]);
		char *one = g_strstrip(g_strdup((const char *)t));

		g_string_append_printf(s, "%s%s", i ? "|" : "", one);
		g_free(one);
		xmlFree(t);
	}
	xmlXPathFreeObject(o);
	xmlXPathFreeContext(c);
	xmlFreeDoc(d);
	g_free(path);
	return g_string_free(s, FALSE);
}

static void
assert_html(const char *rel, const char *xpath, const char *want)
{
	char *got = html_all(rel, xpath);

	if (strcmp(got, want) != 0)
		g_error("%s %s: got \"%s\", want \"%s\"", rel, xpath, got,
		    want);
	g_free(got);
}

static void
test_pages(void)
{
	GPtrArray *dead = t_dead_links(t_fixture());

	assert_html("nl/" TALK ".html", "//h1", "Het gesprek over de "
	    "sectorkeuze");
	assert_html("nl/" TALK ".html", "//p[@class='kind']", "Gesprek");
	assert_html("nl/" TALK ".html", "//ul[@class='looks-back']//a/@href",
	    "../../nl/opdrachten/trots-op-jezelf.html|"
	    "../../nl/opdrachten/open-dag-samen.html");
	assert_html("nl/" TALK ".html", "//ul[contains(@class,'parent')]/li",
	    "Waar is uw kind goed in?|Wat wilt u aan de mentor vragen?");
	assert_html("nl/" TALK ".html", "//ol[@class='talk-parts']/li/h3",
	    "Terugblik · 0–5 min|Wat wil de leerling? · 5–10 min|"
	    "Wat ziet de ouder? · 10–15 min|Volgende stappen · 15–20 min");
	assert_html("nl/" TALK ".html", "//section[@class='downloads']//a/"
	    "@href", "../../nl/gesprekken/sectorkeuze-gespreksleidraad.pdf|"
	    "../../nl/gesprekken/sectorkeuze-voorbereiding.pdf|"
	    "../../ar/gesprekken/sectorkeuze-voorbereiding.pdf|"
	    "../../ar/gesprekken/sectorkeuze-voorbereiding.ar-nl.pdf");
	/* the Arabic page: the family's part in Arabic, the mentor's Dutch */
	assert_html("ar/" TALK ".html", "//section[@id='gezin']/@lang", "");
	/* the mentor's part: headings in Arabic, only the Dutch text nl */
	assert_html("ar/" TALK ".html", "//section[@id='mentor']/@lang", "");
	assert_html("ar/" TALK ".html",
	    "//section[@id='mentor']//ol[@class='talk-parts']/li/ul/@lang",
	    "nl|nl|nl|nl");
	assert_html("ar/" TALK ".html",
	    "(//section[@id='mentor']//h3)[1]", "البداية");
	assert_html("ar/" TALK ".html", "//ul[contains(@class,'pupil')]/li",
	    "ما هي المادة التي تحبها أكثر؟|ماذا تريد أن تسأل المرشد؟");
	/* each looked-back assignment links to the talk, in its language */
	assert_html("nl/opdrachten/trots-op-jezelf.html",
	    "//section[@class='talks-back']//a", "Het gesprek over de "
	    "sectorkeuze");
	assert_html("ar/opdrachten/trots-op-jezelf.html",
	    "//section[@class='talks-back']//a/@href",
	    "../../ar/" TALK ".html");
	assert_html("nl/opdrachten/veilig.html",
	    "//section[@class='talks-back']", "");
	/* the bank: a kind page, and the kind among the facets */
	assert_html("nl/gesprekken/index.html", "//h1", "Gesprekken");
	assert_html("nl/gesprekken/index.html", "//li[@class='card']/@data-id",
	    TALK);
	assert_html("nl/index.html", "//li[@data-id='" TALK "']//h3",
	    "Het gesprek over de sectorkeuze");
	{
		char *kinds = html_all("nl/index.html",
		    "//*[@data-kind='gesprekken']//li/@data-id");

		g_assert_cmpstr(kinds, ==, TALK);
		g_free(kinds);
	}
	if (dead->len > 0)
		g_error("dead link: %s", (char *)g_ptr_array_index(dead, 0));
	g_ptr_array_free(dead, TRUE);
}

int
main(int argc, char *argv[])
{
	int r;

	g_test_init(&argc, &argv, NULL);
	tmp = g_dir_make_tmp("kt-talk-XXXXXX", NULL);
	g_test_add_func("/talk/load", test_load);
	g_test_add_func("/talk/bad", test_bad);
	g_test_add_func("/talk/new-translation", test_new_translation);
	g_test_add_func("/talk/family-sheet", test_family_sheet);
	g_test_add_func("/talk/family-arabic", test_family_arabic);
	g_test_add_func("/talk/guide", test_guide);
	g_test_add_func("/talk/when-and-where", test_when_and_where);
	g_test_add_func("/talk/pages", test_pages);
	g_test_add_func("/talk/incremental", test_incremental);
	r = g_test_run();
	kt_remove_tree(tmp);
	return r;
}
