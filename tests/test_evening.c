/*
 * The evening's and the mentor's printables as their readers get them
 * (issue 22), read back from the PDFs written: pages, the smallest type
 * on each (from pdftotext -bbox, footers aside), the reply strip's fields
 * in Dutch and Arabic, the QR code, the run-sheet's columns and headings,
 * the debate's boards and how the page links them, statement and tip
 * cards, the class checklist, the draft note and the bundle's order.
 * Most cases read the shared fixture; /evening/debate builds a copy of
 * tests/site with a debate, a headline and two more assignments.
 */
#include <glib/gstdio.h>
#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>
#include <string.h>

#include "util.h"

static char *tmp;

#define MM 2.834645669
/* the footer's band at the foot of a page, left out of the sizes */
#define FOOTER_BAND (16 * MM)
/* a word's box in pdftotext -bbox is the font's ascent to descent:
 * Noto Sans (and Noto Sans Ethiopic) 1.362 times the size, Noto Sans
 * Arabic 2.112 times */
#define BOX_LATIN 1.362
#define BOX_ARABIC 2.112

static char *
path(const char *rel)
{
	return g_build_filename(t_fixture(), rel, NULL);
}

static gboolean
arabic(const char *s)
{
	for (const char *c = s; *c; c = g_utf8_next_char(c)) {
		gunichar u = g_utf8_get_char(c);

		if ((u >= 0x600 && u <= 0x6ff) || (u >= 0xfb50 && u <= 0xfeff))
			return TRUE;
	}
	return FALSE;
}

/* The size in points of the smallest type on the printable, footers
 * aside. */
static double
smallest(const char *rel)
{
	char *p = path(rel);
	GPtrArray *words = t_pdf_words(p, 0);
	double least = 1000;

	for (guint i = 0; i < words->len; i++) {
		const struct t_word *w = g_ptr_array_index(words, i);

		if (w->y0 > w->page_h - FOOTER_BAND)
			continue;
		least = MIN(least, (w->y1 - w->y0) / (arabic(w->text) ?
		    BOX_ARABIC : BOX_LATIN));
	}
	g_assert_cmpuint(words->len, >, 0);
	g_ptr_array_free(words, TRUE);
	g_free(p);
	return least;
}

static void
assert_text(const char *pdf, const char *const *want)
{
	char *t = t_pdf_text(pdf, 0);

	for (int i = 0; want[i] != NULL; i++)
		if (!t_contains(t, want[i]))
			g_error("%s: no \"%s\" in:\n%s", pdf, want[i], t);
	g_free(t);
}

static int
pages(const char *rel)
{
	char *p = path(rel);
	int n = t_pdf_pages(p);

	g_free(p);
	return n;
}

static void
test_sizes(void)
{
	/* the file, the least size allowed: 14 pt for parents, 12 for the
	 * draft note and the tip cards, 11 for the school's tables */
	static const struct {
		const char *rel;
		double least;
	} want[] = {
		{ "nl/avonden/kennismaking-klas-1-uitnodiging.pdf", 14 },
		{ "ar/avonden/kennismaking-klas-1-uitnodiging.pdf", 12 },
		{ "ti/avonden/kennismaking-klas-1-uitnodiging.pdf", 12 },
		{ "nl/avonden/kennismaking-klas-1-stellingen.pdf", 12 },
		{ "ar/avonden/kennismaking-klas-1-stellingen.pdf", 12 },
		{ "nl/avonden/kennismaking-klas-1-draaiboek.pdf", 11 },
		{ "nl/avonden/complimentenkaarten.pdf", 14 },
		{ "ar/avonden/complimentenkaarten.pdf", 12 },
		{ "nl/tips/tipkaarten.pdf", 12 },
		{ "nl/opdrachten/trots-op-jezelf-klassenlijst.pdf", 11 },
	};

	for (gsize i = 0; i < G_N_ELEMENTS(want); i++) {
		double s = smallest(want[i].rel);

		g_test_message("%s: %.1f pt", want[i].rel, s);
		if (s < want[i].least - 0.2)
			g_error("%s: type of %.1f pt, under %.0f pt", want[i].rel,
			    s, want[i].least);
	}
	/* one A4 each; the cards on as few pages as they take */
	g_assert_cmpint(pages("nl/avonden/kennismaking-klas-1-uitnodiging.pdf"),
	    ==, 1);
	g_assert_cmpint(pages("ar/avonden/kennismaking-klas-1-uitnodiging.pdf"),
	    ==, 1);
	g_assert_cmpint(pages("ti/avonden/kennismaking-klas-1-uitnodiging.pdf"),
	    ==, 1);
	g_assert_cmpint(pages("nl/avonden/kennismaking-klas-1-stellingen.pdf"),
	    ==, 1);
	g_assert_cmpint(pages("nl/opdrachten/trots-op-jezelf-klassenlijst.pdf"),
	    ==, 1);
}

static void
test_reply_strip(void)
{
	/* --inleveren 2026-12-04, the site's phone */
	static const char *const nl[] = {
		"knip hier", "Naam van uw kind:", "Klas:",
		"Geef dit strookje terug vóór:", "4-12-2026",
		"Wij komen met ______ personen.", "Wij willen graag een tolk:",
		"ja", "nee", "taal:", "Vragen? Bel:", "765", "Meer over deze "
		"avond:", "Wanneer:", "Hoe laat:", "Waar:", NULL
	};
	/* pdftotext splits Arabic at a colon with bidi marks, and writes
	 * lam-alef as two letters: words without either */
	static const char *const ar[] = {
		"هنا", "اسم طفلكم", "الصف", "أعيدوا هذه القسيمة قبل",
		"4-12-2026", "سنحضر ______ أشخاص", "نرغب في مترجم", "نعم",
		"اللغة", "765", "المزيد عن هذه", NULL
	};
	char *pn = path("nl/avonden/kennismaking-klas-1-uitnodiging.pdf");
	char *pa = path("ar/avonden/kennismaking-klas-1-uitnodiging.pdf");
	char *t = t_pdf_text(pn, 1);

	assert_text(pn, nl);
	assert_text(pa, ar);
	/* the school's word for the cut is gone, and it is no draft */
	g_assert_false(t_contains(t, "knippen"));
	g_assert_false(t_contains(t, "Conceptvertaling"));
	g_free(t);
	g_free(pn);
	g_free(pa);
}

static void
test_qr(void)
{
	static const char *const langs[] = { "nl", "ar", "ti" };

	for (gsize i = 0; i < G_N_ELEMENTS(langs); i++) {
		char *rel = g_strdup_printf("%s/avonden/kennismaking-klas-1-"
		    "uitnodiging.pdf", langs[i]);
		char *p = path(rel);
		char *want = g_strdup_printf("https://lob.testschool.example/"
		    "%s/avonden/kennismaking-klas-1.html", langs[i]);
		char *got = t_qr(p, tmp);

		g_assert_nonnull(got);
		g_assert_cmpstr(g_strstrip(got), ==, want);
		g_free(got);
		g_free(want);
		g_free(p);
		g_free(rel);
	}
}

static void
test_draft_note(void)
{
	/* page 1 of every printable in Arabic says so, in Arabic */
	static const char *const rels[] = {
		"ar/avonden/kennismaking-klas-1-uitnodiging.pdf",
		"ar/avonden/kennismaking-klas-1-stellingen.pdf",
		"ar/avonden/complimentenkaarten.pdf",
	};

	for (gsize i = 0; i < G_N_ELEMENTS(rels); i++) {
		char *p = path(rels[i]);
		char *t = t_pdf_text(p, 1);

		if (!t_contains(t, "ترجمة أولية"))
			g_error("%s: no draft note on page 1:\n%s", rels[i], t);
		g_free(t);
		g_free(p);
	}
	{
		char *p = path("ti/avonden/kennismaking-klas-1-uitnodiging.pdf");
		char *t = t_pdf_text(p, 1);

		g_assert_true(t_contains(t, "ረቂቕ"));
		g_free(t);
		g_free(p);
	}
}

/* The top of the first word text on a page. */
static double
top_of(GPtrArray *words, const char *text, int page)
{
	for (guint i = 0; i < words->len; i++) {
		const struct t_word *w = g_ptr_array_index(words, i);

		if (w->page == page && strcmp(w->text, text) == 0)
			return w->y0;
	}
	g_error("no word \"%s\" on page %d", text, page);
	return 0;
}

static void
test_runsheet_columns(void)
{
	static const char *const heads[] = {
		"Tijd", "Onderdeel", "Werkvorm", "Leiding"
	};
	static const char *const sections[] = {
		"Programma", "Rollen", "Materialen", "Voorbereiding"
	};
	char *p = path("nl/avonden/kennismaking-klas-1-draaiboek.pdf");
	GPtrArray *words = t_pdf_words(p, 0);
	double col[4], from = top_of(words, "Tijd", 1);
	double to = top_of(words, "Rollen", 1);
	guint checked = 0;

	for (int c = 0; c < 4; c++)
		for (guint i = 0; i < words->len; i++) {
			const struct t_word *w = g_ptr_array_index(words, i);

			if (w->page == 1 && w->y0 == from &&
			    strcmp(w->text, heads[c]) == 0)
				col[c] = w->x0;
		}
	/* every word of the programme ends before the next column */
	for (guint i = 0; i < words->len; i++) {
		const struct t_word *w = g_ptr_array_index(words, i);
		int c = 0;

		if (w->page != 1 || w->y0 < from || w->y0 >= to)
			continue;
		while (c < 3 && w->x0 >= col[c + 1] - 0.5)
			c++;
		if (c < 3 && w->x1 > col[c + 1])
			g_error("\"%s\" (%.1f-%.1f) runs into column %s at %.1f",
			    w->text, w->x0, w->x1, heads[c + 1], col[c + 1]);
		checked++;
	}
	g_assert_cmpuint(checked, >, 40);
	/* a heading has at least two lines of its block under it on its
	 * page, above the footer */
	for (gsize s = 0; s < G_N_ELEMENTS(sections); s++) {
		GHashTable *lines = g_hash_table_new(g_direct_hash,
		    g_direct_equal);
		const struct t_word *head = NULL;

		for (guint i = 0; i < words->len && head == NULL; i++) {
			const struct t_word *w = g_ptr_array_index(words, i);

			if (strcmp(w->text, sections[s]) == 0)
				head = w;
		}
		g_assert_nonnull(head);
		for (guint i = 0; i < words->len; i++) {
			const struct t_word *w = g_ptr_array_index(words, i);

			if (w->page == head->page && w->y0 > head->y1 - 1 &&
			    w->y0 < w->page_h - FOOTER_BAND)
				g_hash_table_add(lines,
				    GINT_TO_POINTER((int)w->y0));
		}
		if (g_hash_table_size(lines) < 2)
			g_error("heading %s alone at the foot of page %d",
			    sections[s], head->page);
		g_hash_table_destroy(lines);
	}
	g_ptr_array_free(words, TRUE);
	g_free(p);
}

static void
test_checklist(void)
{
	static const char *const blank[] = {
		"Klassenlijst: Drie dingen waar ik trots op ben",
		"Mentor: Meneer Jansen", "Klas:", "Datum:", "Ouder bereikt",
		NULL
	};
	char *top = g_path_get_dirname(t_fixture());
	char *named = g_build_filename(top, "klas",
	    "trots-op-jezelf-klassenlijst.pdf", NULL);
	char *p = path("nl/opdrachten/trots-op-jezelf-klassenlijst.pdf");

	assert_text(p, blank);
	g_assert_cmpint(t_pdf_pages(named), ==, 1);
	g_free(p);
	g_free(named);
	g_free(top);
}

/* The size of the first word text in a PDF, from its box. */
static double
size_of(const char *rel, const char *text)
{
	char *p = path(rel);
	GPtrArray *words = t_pdf_words(p, 0);
	double size = 0;

	for (guint i = 0; i < words->len && size == 0; i++) {
		const struct t_word *w = g_ptr_array_index(words, i);

		if (strcmp(w->text, text) == 0)
			size = (w->y1 - w->y0) / (arabic(text) ? BOX_ARABIC :
			    BOX_LATIN);
	}
	g_ptr_array_free(words, TRUE);
	g_free(p);
	return size;
}

static void
test_statements(void)
{
	char *p = path("ar/avonden/kennismaking-klas-1-stellingen.pdf");
	char *t = t_pdf_text(p, 1);

	/* in Arabic, and the Dutch beneath it */
	g_assert_true(t_contains(t, "نتحدث عن العمل"));
	g_assert_true(t_contains(t, "Over werk praat je pas in de "
	    "bovenbouw."));
	/* agree and disagree read across a room */
	g_assert_cmpfloat(size_of("nl/avonden/kennismaking-klas-1-"
	    "stellingen.pdf", "Eens"), >=, 23.5);
	g_assert_cmpfloat(size_of("nl/avonden/kennismaking-klas-1-"
	    "stellingen.pdf", "Oneens"), >=, 23.5);
	/* the Dutch has no Dutch beneath it: each statement once */
	g_free(t);
	g_free(p);
	p = path("nl/avonden/kennismaking-klas-1-stellingen.pdf");
	t = t_pdf_text(p, 1);
	g_assert_nonnull(strstr(t, "bovenbouw"));
	g_assert_null(strstr(strstr(t, "bovenbouw") + 1, "bovenbouw"));
	g_free(t);
	g_free(p);
}

static void
test_tipcards(void)
{
	char *p = path("nl/tips/tipkaarten.pdf");
	char *t = t_pdf_text(p, 0);

	/* the phrases a mentor can say, under their heading, quoted */
	g_assert_true(t_contains(t, "Zo kunt u het zeggen"));
	g_assert_true(t_contains(t, "“"));
	g_assert_true(t_contains(t, "”"));
	g_assert_null(strchr(t, '"'));
	g_assert_cmpint(t_pdf_pages(p), ==, 1);
	g_free(t);
	g_free(p);
}

/* The href of every link on an HTML page. */
static GPtrArray *
hrefs(const char *html)
{
	htmlDocPtr d = htmlReadFile(html, "UTF-8", HTML_PARSE_NOERROR |
	    HTML_PARSE_NOWARNING);
	xmlXPathContextPtr c = xmlXPathNewContext(d);
	xmlXPathObjectPtr o = xmlXPathEvalExpression(BAD_CAST "//a/@href", c);
	GPtrArray *r = g_ptr_array_new_with_free_func(xmlFree);

	for (int i = 0; o->nodesetval && i < o->nodesetval->nodeNr; i++)
		g_ptr_array_add(r, xmlNodeGetContent(
		    o->nodesetval->nodeTab[i]));
	xmlXPathFreeObject(o);
	xmlXPathFreeContext(c);
	xmlFreeDoc(d);
	return r;
}

static gboolean
links_to(const char *html, const char *target)
{
	GPtrArray *r = hrefs(html);
	gboolean found = FALSE;

	for (guint i = 0; i < r->len; i++)
		if (strcmp(g_ptr_array_index(r, i), target) == 0)
			found = TRUE;
	g_ptr_array_free(r, TRUE);
	return found;
}

/* s with the first from replaced by to */
static char *
replace(const char *s, const char *from, const char *to)
{
	const char *at = strstr(s, from);

	g_assert_nonnull(at);
	return g_strdup_printf("%.*s%s%s", (int)(at - s), s, to,
	    at + strlen(from));
}

/* A copy of tests/site with a debate evening, a headline and two more
 * assignments in year 1, built into dir/out. */
static char *
build_debate(const char *dir)
{
	char *content = g_build_filename(dir, "site", NULL);
	char *out = g_build_filename(dir, "out", NULL);
	char *ev = g_build_filename(content, "avonden",
	    "kennismaking-klas-1.nl.md", NULL);
	char *sheet = g_build_filename(content, "opdrachten",
	    "trots-op-jezelf.nl.md", NULL);
	char *tip = g_build_filename(content, "tips", "luister-eerst.nl.md",
	    NULL);
	char *csv = g_build_filename(dir, "klas.csv", NULL);
	char *klas = g_build_filename(dir, "klas", NULL);
	const char *cp[] = { "cp", "-R", "tests/site", content, NULL };
	const char *extra[] = { "--klas", csv, "--klassenmap", klas,
	    "--mentor", "Meneer Jansen", NULL };
	char *s = NULL, *a, *b;
	char *se = NULL;

	g_assert_cmpint(g_mkdir_with_parents(dir, 0755), ==, 0);
	g_assert_cmpint(t_run(cp, NULL, NULL, NULL), ==, 0);
	g_assert_true(g_file_get_contents(ev, &s, NULL, NULL));
	a = replace(s, "werkvorm: gesprek-in-groepjes", "werkvorm: debat");
	b = replace(a, "pictogram: handen\n", "pictogram: handen\n"
	    "kop: Kennismaken met de mentor en de school\n");
	g_free(a);
	a = replace(b, "stellingen:\n", "stellingen:\n  - Een derde "
	    "stelling voor vier kaarten op een blad.\n");
	t_write_file(content, "avonden/kennismaking-klas-1.nl.md", a);
	g_free(a);
	g_free(b);
	g_free(s);
	/* "aardig" first by its name, last by its fase; "zelf-kiezen"
	 * after "trots-op-jezelf" by its name, beside it by its fase */
	g_assert_true(g_file_get_contents(sheet, &s, NULL, NULL));
	a = replace(s, "titel: Drie dingen waar ik trots op ben",
	    "titel: Aardig zijn voor elkaar");
	b = replace(a, "fase: oriënteren", "fase: verdiepen");
	t_write_file(content, "opdrachten/aardig.nl.md", b);
	g_free(a);
	g_free(b);
	a = replace(s, "titel: Drie dingen waar ik trots op ben",
	    "titel: Zelf kiezen met je ouders");
	t_write_file(content, "opdrachten/zelf-kiezen.nl.md", a);
	g_free(a);
	g_free(s);
	/* five short tips and no long one: four cards to a page */
	g_assert_cmpint(g_unlink(tip), ==, 0);
	for (int i = 1; i <= 5; i++) {
		char *rel = g_strdup_printf("tips/kort-%d.nl.md", i);
		char *text = g_strdup_printf("---\ntitel: Korte tip %d\n"
		    "groep: contact\nvoor: mentor\nzinnen:\n  - \"Fijn dat u "
		    "er bent.\"\n---\nBel een ouder op tijd. Zeg wat goed "
		    "gaat.\n", i);

		t_write_file(content, rel, text);
		g_free(text);
		g_free(rel);
	}
	/* a class of 34 */
	{
		GString *names = g_string_new("naam\n");

		for (int i = 1; i <= 34; i++)
			g_string_append_printf(names, "Leerling %d\n", i);
		t_write_file(dir, "klas.csv", names->str);
		g_string_free(names, TRUE);
	}
	if (t_build(content, out, "1700000000", extra, &se) != 0)
		g_error("the copy does not build: %s", se);
	g_free(se);
	g_free(klas);
	g_free(csv);
	g_free(tip);
	g_free(ev);
	g_free(sheet);
	g_free(content);
	return out;
}

static void
assert_order(const char *json, const char *const *titles)
{
	const char *at = json;

	for (int i = 0; titles[i] != NULL; i++) {
		const char *next = strstr(at, titles[i]);

		if (next == NULL)
			g_error("bookmark \"%s\" missing or out of order in %s",
			    titles[i], json);
		at = next;
	}
}

static void
test_debate(void)
{
	static const char *const order[] = {
		"Drie dingen waar ik trots op ben", "Zelf kiezen met je ouders",
		"Veilig", "Aardig zijn voor elkaar", NULL
	};
	char *dir = g_build_filename(tmp, "debate", NULL);
	char *out = build_debate(dir);
	char *boards = g_build_filename(out, "nl", "avonden",
	    "kennismaking-klas-1-borden.pdf", NULL);
	char *cards = g_build_filename(out, "nl", "avonden",
	    "kennismaking-klas-1-stellingen.pdf", NULL);
	char *invite = g_build_filename(out, "nl", "avonden",
	    "kennismaking-klas-1-uitnodiging.pdf", NULL);
	char *bundle = g_build_filename(out, "nl", "opdrachten",
	    "leerjaar-1.pdf", NULL);
	char *t1 = t_pdf_text(boards, 1), *t2 = t_pdf_text(boards, 2);
	char *so = NULL, *ti;
	const char *info[] = { "pdfinfo", "-f", "1", "-l", "2", boards, NULL };
	const char *outl[] = { "qpdf", "--json", "--json-key=outlines",
	    bundle, NULL };

	/* two landscape boards: agree, then disagree, each also in the
	 * evening's other languages (Arabic and Tigrinya; the site's
	 * English has no text of this evening) */
	g_assert_cmpint(t_pdf_pages(boards), ==, 2);
	g_assert_cmpint(t_run(info, NULL, &so, NULL), ==, 0);
	g_assert_nonnull(strstr(so, "Page    1 size:  841.89 x 595.276"));
	g_assert_nonnull(strstr(so, "Page    2 size:  841.89 x 595.276"));
	g_free(so);
	g_assert_true(t_contains(t1, "Eens") && !t_contains(t1, "Oneens"));
	g_assert_true(t_contains(t1, "أوافق") && t_contains(t1, "ይሰማማዕ"));
	g_assert_false(t_contains(t1, "Agree"));
	g_assert_true(t_contains(t2, "Oneens") && t_contains(t2, "ኣይሰማማዕን"));
	/* the evening's pages link the boards, in every language */
	{
		char *nl = g_build_filename(out, "nl", "avonden",
		    "kennismaking-klas-1.html", NULL);
		char *ar = g_build_filename(out, "ar", "avonden",
		    "kennismaking-klas-1.html", NULL);

		g_assert_true(links_to(nl,
		    "../../nl/avonden/kennismaking-klas-1-borden.pdf"));
		g_assert_true(links_to(ar,
		    "../../nl/avonden/kennismaking-klas-1-borden.pdf"));
		g_free(nl);
		g_free(ar);
	}
	/* three statements: four cards to a page, one page */
	g_assert_cmpint(t_pdf_pages(cards), ==, 1);
	/* the headline in plain words, no jargon in it */
	ti = t_pdf_text(invite, 1);
	g_assert_true(t_contains(ti, "Kennismaken met de mentor en de "
	    "school"));
	g_assert_false(t_contains(ti, "LOB"));
	g_free(ti);
	/* a class of 34 on one A4, the last pupil on it too */
	{
		char *list = g_build_filename(dir, "klas",
		    "trots-op-jezelf-klassenlijst.pdf", NULL);
		char *t = t_pdf_text(list, 1);

		g_assert_cmpint(t_pdf_pages(list), ==, 1);
		g_assert_true(t_contains(t, "Leerling 34"));
		g_free(t);
		g_free(list);
	}
	/* five short tips: four cards to the first page, one on the next */
	{
		char *tips = g_build_filename(out, "nl", "tips",
		    "tipkaarten.pdf", NULL);
		char *t = t_pdf_text(tips, 1);

		g_assert_cmpint(t_pdf_pages(tips), ==, 2);
		g_assert_true(t_contains(t, "Korte tip 4"));
		g_assert_false(t_contains(t, "Korte tip 5"));
		g_free(t);
		g_free(tips);
	}
	/* the year's sheets by fase, then title, the bookmarks with them */
	g_assert_cmpint(t_run(outl, NULL, &so, NULL), ==, 0);
	assert_order(so, order);
	g_free(so);
	g_free(t1);
	g_free(t2);
	g_free(bundle);
	g_free(invite);
	g_free(cards);
	g_free(boards);
	g_free(out);
	g_free(dir);
}

static void
test_no_boards_without_debate(void)
{
	char *p = path("nl/avonden/kennismaking-klas-1-borden.pdf");
	char *html = path("nl/avonden/kennismaking-klas-1.html");

	g_assert_false(g_file_test(p, G_FILE_TEST_EXISTS));
	g_assert_false(links_to(html,
	    "../../nl/avonden/kennismaking-klas-1-borden.pdf"));
	g_free(html);
	g_free(p);
}

/* A headline with an abbreviation: check warns at its line and column. */
static void
test_headline_jargon(void)
{
	char *dir = g_build_filename(tmp, "jargon", NULL);
	char *content = g_build_filename(dir, "site", NULL);
	char *ev = g_build_filename(content, "avonden",
	    "kennismaking-klas-1.nl.md", NULL);
	const char *cp[] = { "cp", "-R", "tests/site", content, NULL };
	const char *check[] = { KT, "check", "-C", content, NULL };
	char *s = NULL, *edited, *se = NULL, *want;
	const char *kop;
	int line = 1;

	g_assert_cmpint(g_mkdir_with_parents(dir, 0755), ==, 0);
	g_assert_cmpint(t_run(cp, NULL, NULL, NULL), ==, 0);
	g_assert_true(g_file_get_contents(ev, &s, NULL, NULL));
	edited = replace(s, "pictogram: handen\n", "pictogram: handen\n"
	    "kop: Een avond over LOB\n");
	t_write_file(content, "avonden/kennismaking-klas-1.nl.md", edited);
	kop = strstr(edited, "kop: ");
	for (const char *c = edited; c < kop; c++)
		line += *c == '\n';
	want = g_strdup_printf("%s:%d:%d: warning: kop has the abbreviation "
	    "'LOB'", ev, line, (int)(strstr(kop, "LOB") - kop) + 1);
	t_run(check, NULL, NULL, &se);
	if (strstr(se, want) == NULL)
		g_error("no \"%s\" in:\n%s", want, se);
	g_free(want);
	g_free(se);
	g_free(edited);
	g_free(s);
	g_free(ev);
	g_free(content);
	g_free(dir);
}

int
main(int argc, char *argv[])
{
	int r;

	g_test_init(&argc, &argv, NULL);
	tmp = g_dir_make_tmp("kt-evening-XXXXXX", NULL);
	g_test_add_func("/evening/sizes", test_sizes);
	g_test_add_func("/evening/reply-strip", test_reply_strip);
	g_test_add_func("/evening/qr", test_qr);
	g_test_add_func("/evening/draft-note", test_draft_note);
	g_test_add_func("/evening/runsheet-columns", test_runsheet_columns);
	g_test_add_func("/evening/checklist", test_checklist);
	g_test_add_func("/evening/statements", test_statements);
	g_test_add_func("/evening/tipcards", test_tipcards);
	g_test_add_func("/evening/debate", test_debate);
	g_test_add_func("/evening/no-boards", test_no_boards_without_debate);
	g_test_add_func("/evening/headline-jargon", test_headline_jargon);
	r = g_test_run();
	{
		const char *rm[] = { "rm", "-rf", tmp, NULL };

		t_run(rm, NULL, NULL, NULL);
	}
	g_free(tmp);
	return r;
}
