/*
 * The take-home sheet as its reader gets it, measured from the PDFs of
 * the shipped bank (content/, every language, built once, in the one
 * case that reads it): the box and every step on the front, two pages at
 * most, the back opening with the questions, both languages' headers
 * beside the Dutch, the smallest text from pdftotext's word boxes, the
 * step pictograms' drawn size from a render, two-sided printing asked
 * for by cut sheets, bilingual sheets, bundles and chunks. And a longer
 * assignment, made here, that breaks only between blocks.
 */
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "out/writer.h"
#include "util.h"

#define MM 2.834645669
#define PAGE_H 841.8898
/* print/style.h: the sheet's margins, footer and step pictogram */
#define LEFT (16 * MM)
#define RIGHT (595.2756 - 16 * MM)
#define FOOTER_TOP (PAGE_H - (8 + 22) * MM)
#define PICTO (20.5 * MM)
/* the disc of a step's number: style.h's KT_GREEN, as cairo writes it */
#define GREEN "0.113725 0.360784 0.301961 rg "

static char *tmp;	/* this run's folder */
static char *bank;	/* content/ built, once */
static char *bank_err;	/* and what the build said */

static const char *
built_bank(void)
{
	const char *extra[] = { "-j", "2", NULL };

	if (bank != NULL)
		return bank;
	bank = g_build_filename(tmp, "bank", NULL);
	if (t_build("content", bank, "1700000000", extra, &bank_err) != 0)
		g_error("content/ does not build:\n%s", bank_err);
	return bank;
}

/* Text without any kind of space, direction mark or combining mark (the
 * text layer puts Arabic's tanween before the letter it sits on), to
 * compare. */
static char *
squeeze(const char *s)
{
	GString *o = g_string_new(NULL);

	for (const char *p = s; *p; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);

		if (!g_unichar_isspace(c) && c != 0xA0 && c != 0x2060 &&
		    g_unichar_type(c) != G_UNICODE_FORMAT &&
		    g_unichar_type(c) != G_UNICODE_NON_SPACING_MARK)
			g_string_append_unichar(o, c);
	}
	return g_string_free(o, FALSE);
}

static gboolean
has(const char *hay, const char *needle)
{
	char *h = squeeze(hay), *n = squeeze(needle);
	gboolean r = strstr(h, n) != NULL;

	g_free(h);
	g_free(n);
	return r;
}

/* "key: value" from a YAML file of one level, unquoted; or NULL. */
static char *
yaml_value(const char *file, const char *key)
{
	char *data = NULL, *r = NULL;
	char **lines;

	if (!g_file_get_contents(file, &data, NULL, NULL))
		return NULL;
	lines = g_strsplit(data, "\n", -1);
	for (char **l = lines; *l != NULL && r == NULL; l++)
		if (g_str_has_prefix(*l, key) && (*l)[strlen(key)] == ':') {
			r = g_strstrip(g_strdup(*l + strlen(key) + 1));
			if (*r == '"') {
				memmove(r, r + 1, strlen(r));
				r[strlen(r) - 1] = '\0';
			}
		}
	g_strfreev(lines);
	g_free(data);
	return r;
}

static char *
ui(const char *lang, const char *key)
{
	char *f = g_strdup_printf("themes/default/i18n/%s.yaml", lang);
	char *v = yaml_value(f, key);

	g_free(f);
	g_assert_nonnull(v);
	return v;
}

/* The steps in an assignment's file: the items of thuis.stappen. */
static int
count_steps(const char *md)
{
	char *data = NULL;
	char **lines;
	int n = 0;
	gboolean in = FALSE;

	g_assert_true(g_file_get_contents(md, &data, NULL, NULL));
	lines = g_strsplit(data, "\n", -1);
	for (char **l = lines; *l != NULL; l++) {
		if (strcmp(*l, "  stappen:") == 0)
			in = TRUE;
		else if (in && g_str_has_prefix(*l, "    - "))
			n++;
		else if (in && (strncmp(*l, "  ", 2) != 0 || (*l)[2] != ' '))
			in = FALSE;
	}
	g_strfreev(lines);
	g_free(data);
	return n;
}

/*
 * The green discs of the steps' numbers on each page (index 0: page 1),
 * from the page's operators (qpdf --qdf), and the middle of each on page
 * 1 (cairo's coordinates: from the top).
 */
static GArray *
discs(const char *pdf, GArray *middles)
{
	char *qdf = g_build_filename(tmp, "discs.qdf", NULL), *data = NULL;
	const char *argv[] = { "qpdf", "--qdf", "--object-streams=disable",
	    pdf, qdf, NULL };
	GArray *per = g_array_new(FALSE, TRUE, sizeof(int));
	int page = -1;
	char *at;

	g_assert_cmpint(t_run(argv, NULL, NULL, NULL), ==, 0);
	g_assert_true(g_file_get_contents(qdf, &data, NULL, NULL));
	for (at = data; (at = strstr(at, "%% Contents for page ")) != NULL;
	    at++) {
		char *next = strstr(at + 1, "%% Contents for page ");
		char *end = next != NULL ? next : at + strlen(at);
		int n = 0;

		page++;
		for (char *g = strstr(at, GREEN); g != NULL && g < end;
		    g = strstr(g + 1, GREEN)) {
			double x, y;

			/* a disc is a path; green text is no disc */
			if (sscanf(g + strlen(GREEN), "%lf %lf m", &x, &y) != 2)
				continue;
			n++;
			if (page == 0 && middles != NULL)
				g_array_append_val(middles, y);
		}
		g_array_append_val(per, n);
	}
	g_free(data);
	g_free(qdf);
	return per;
}

/* A page of a PDF as a grey image at dpi: its pixels, width, height. */
static guchar *
render(const char *pdf, int page, int dpi, int *w, int *h)
{
	char *base = g_build_filename(tmp, "render", NULL);
	char *res = g_strdup_printf("%d", dpi), *pg = g_strdup_printf("%d",
	    page);
	const char *argv[] = { "pdftoppm", "-r", res, "-gray", "-f", pg, "-l",
	    pg, "-singlefile", pdf, base, NULL };
	char *pgm = g_strconcat(base, ".pgm", NULL), *data = NULL;
	gsize len;
	int max, off;
	guchar *px;

	g_assert_cmpint(t_run(argv, NULL, NULL, NULL), ==, 0);
	g_assert_true(g_file_get_contents(pgm, &data, &len, NULL));
	g_assert_cmpint(sscanf(data, "P5 %d %d %d%n", w, h, &max, &off), ==,
	    3);
	px = g_memdup2(data + off + 1, (gsize)*w * (gsize)*h);
	g_free(data);
	g_free(pgm);
	g_free(pg);
	g_free(res);
	g_free(base);
	return px;
}

/*
 * The drawn size of each step's pictogram on page 1, in mm: the ink in
 * its square at the reading start beside its number (and a millimetre
 * round it), the larger of its width and height. The smallest is
 * returned.
 */
static double
smallest_picto(const char *pdf, gboolean rtl, GArray *middles)
{
	int w, h, dpi = 72;
	guchar *px = render(pdf, 1, dpi, &w, &h);
	double pt = dpi / 72.0, smallest = 1000;

	for (guint i = 0; i < middles->len; i++) {
		double cy = g_array_index(middles, double, i);
		double x0 = (rtl ? RIGHT - PICTO : LEFT) - MM;
		int minx = w, maxx = -1, miny = h, maxy = -1;

		for (int y = (int)((cy - PICTO / 2 - MM) * pt);
		    y < (int)((cy + PICTO / 2 + MM) * pt) && y < h; y++)
			for (int x = (int)(x0 * pt); x < (int)((x0 + PICTO +
			    2 * MM) * pt) && x < w; x++)
				if (y >= 0 && x >= 0 && px[y * w + x] < 160) {
					minx = MIN(minx, x);
					maxx = MAX(maxx, x);
					miny = MIN(miny, y);
					maxy = MAX(maxy, y);
				}
		if (maxx < 0)
			smallest = 0;
		else
			smallest = MIN(smallest, MAX(maxx - minx + 1,
			    maxy - miny + 1) / pt / MM);
	}
	g_free(px);
	return smallest;
}

/*
 * The smallest text outside the footer, in points, from the words'
 * boxes: a Noto Sans or Noto Sans Ethiopic box is 1.362 times the size,
 * a Noto Sans Arabic box 2.112 times (its ascent and descent). latin
 * gets Latin words' smallest, other the Arabic and Ethiopic words'.
 */
static void
smallest_text(const char *pdf, double *latin, double *other)
{
	GPtrArray *all = t_pdf_words(pdf, 0);

	for (guint i = 0; i < all->len; i++) {
		const struct t_word *w = g_ptr_array_index(all, i);
		gunichar c = g_utf8_get_char(w->text);
		GUnicodeScript sc = g_unichar_get_script(c);
		double h = w->y1 - w->y0;

		/* each page's footer; digits are no script's */
		if (w->y0 > FOOTER_TOP || !g_unichar_isalpha(c))
			continue;
		if (sc == G_UNICODE_SCRIPT_LATIN)
			*latin = MIN(*latin, h / 1.362);
		else if (sc == G_UNICODE_SCRIPT_ARABIC)
			*other = MIN(*other, h / 2.112);
		else if (sc == G_UNICODE_SCRIPT_ETHIOPIC)
			*other = MIN(*other, h / 1.362);
	}
	g_ptr_array_free(all, TRUE);
}

/* Does the file's catalog ask for both sides, turned on the long edge? */
static gboolean
duplex(const char *pdf)
{
	char *qdf = g_build_filename(tmp, "duplex.qdf", NULL), *data = NULL;
	const char *argv[] = { "qpdf", "--qdf", "--object-streams=disable",
	    pdf, qdf, NULL };
	const char *check[] = { "qpdf", "--check", pdf, NULL };
	char *cat, *end;
	gboolean r;

	g_assert_cmpint(t_run(check, NULL, NULL, NULL), ==, 0);
	g_assert_cmpint(t_run(argv, NULL, NULL, NULL), ==, 0);
	g_assert_true(g_file_get_contents(qdf, &data, NULL, NULL));
	cat = strstr(data, "/Type /Catalog");
	g_assert_nonnull(cat);
	end = strstr(cat, "endobj");
	*end = '\0';
	/* qpdf writes the catalog's keys one a line, sorted */
	r = strstr(cat, "/ViewerPreferences") != NULL &&
	    strstr(cat, "/Duplex /DuplexFlipLongEdge") != NULL;
	g_free(data);
	g_free(qdf);
	return r;
}

struct lang {
	char *code, *name;
	gboolean rtl;
};

/* The languages of content/site.yaml, Dutch first. */
static GPtrArray *
languages(void)
{
	char *data = NULL;
	char **lines;
	GPtrArray *all = g_ptr_array_new();

	g_assert_true(g_file_get_contents("content/site.yaml", &data, NULL,
	    NULL));
	lines = g_strsplit(data, "\n", -1);
	for (char **l = lines; *l != NULL; l++) {
		struct lang *lg;

		if (!g_str_has_prefix(*l, "  - code: "))
			continue;
		lg = g_new0(struct lang, 1);
		lg->code = g_strdup(*l + strlen("  - code: "));
		for (char **m = l + 1; *m != NULL && g_str_has_prefix(*m,
		    "    "); m++) {
			if (g_str_has_prefix(*m, "    naam: "))
				lg->name = g_strdup(*m + strlen("    naam: "));
			if (strstr(*m, "richting: rtl") != NULL)
				lg->rtl = TRUE;
		}
		g_ptr_array_add(all, lg);
	}
	g_strfreev(lines);
	g_free(data);
	return all;
}

static void
lang_free(gpointer data)
{
	struct lang *lg = data;

	g_free(lg->code);
	g_free(lg->name);
	g_free(lg);
}

/* The slugs of content/opdrachten, sorted. */
static GPtrArray *
slugs(void)
{
	GPtrArray *files = t_files("content/opdrachten");
	GPtrArray *r = g_ptr_array_new_with_free_func(g_free);

	for (guint i = 0; i < files->len; i++) {
		const char *f = g_ptr_array_index(files, i);

		if (g_str_has_suffix(f, ".nl.md"))
			g_ptr_array_add(r, g_strndup(f, strlen(f) - 6));
	}
	g_ptr_array_free(files, TRUE);
	return r;
}

/*
 * One single sheet: at most two pages; the box (the school's phone, as
 * the command line gave none, and never its contact as the mentor) and
 * every step on page 1, none on page 2; page 2, when there is one,
 * opening with the questions and page 1 saying to turn it over.
 */
static void
check_single(const char *pdf, const struct lang *lg, int steps)
{
	GArray *per = discs(pdf, NULL);
	int pages = t_pdf_pages(pdf);
	char *one = t_pdf_text(pdf, 1);
	char *back = ui(lg->code, "sheet.see_back");

	if (pages > 2)
		g_error("%s: %d pages", pdf, pages);
	if (!has(one, "010 123 45 67") || strstr(one, "Vries") != NULL)
		g_error("%s: no box with the school's phone on page 1:\n%s",
		    pdf, one);
	if (g_array_index(per, int, 0) != steps)
		g_error("%s: %d of %d steps on page 1", pdf, g_array_index(per,
		    int, 0), steps);
	if (pages == 2) {
		char *two = t_pdf_text(pdf, 2);
		char *q = ui(lg->code, "sheet.questions");
		char *sq = squeeze(two), *sh = squeeze(q);

		g_assert_cmpint(g_array_index(per, int, 1), ==, 0);
		if (!g_str_has_prefix(sq, sh))
			g_error("%s: page 2 does not open with \"%s\":\n%s",
			    pdf, q, two);
		if (!has(one, back))
			g_error("%s: page 1 does not say \"%s\"", pdf, back);
		g_free(sq);
		g_free(sh);
		g_free(q);
		g_free(two);
	}
	g_free(back);
	g_free(one);
	g_array_free(per, TRUE);
}

/* Did the build warn that md's bilingual sheet takes pages? */
static gboolean
warned(const char *md, int pages)
{
	char *want = g_strdup_printf("%s: warning: the bilingual sheet takes "
	    "%d pages", md, pages);
	gboolean r = bank_err != NULL && strstr(bank_err, want) != NULL;

	g_free(want);
	return r;
}

/* Two-sided printing is asked for by every kind of sheet file: cut from
 * its chunk, beside the Dutch, joined into a year's bundle, and the chunk
 * itself (cairo's file with the catalog added to). */
static void
check_duplex(const char *out, const char *slug)
{
	char *files[] = {
		g_strdup_printf("%s/nl/opdrachten/%s.pdf", out, slug),
		g_strdup_printf("%s/ar/opdrachten/%s.pdf", out, slug),
		g_strdup_printf("%s/ar/opdrachten/%s.ar-nl.pdf", out, slug),
		g_strdup_printf("%s/nl/opdrachten/leerjaar-2.pdf", out),
		NULL
	};
	char *chunks = kt_out_file(out, ".keukentafel/bundels/nl");
	GPtrArray *kept = t_files(chunks);
	char *chunk;

	for (int i = 0; files[i] != NULL; i++) {
		if (!duplex(files[i]))
			g_error("%s does not ask for both sides", files[i]);
		g_free(files[i]);
	}
	g_assert_cmpuint(kept->len, >, 0);
	chunk = g_build_filename(chunks, g_ptr_array_index(kept, 0), NULL);
	g_assert_true(duplex(chunk));
	/* not the evening's printables: one side each */
	chunk = (g_free(chunk), g_strdup_printf("%s/nl/tips/tipkaarten.pdf",
	    out));
	g_assert_false(duplex(chunk));
	g_free(chunk);
	g_ptr_array_free(kept, TRUE);
	g_free(chunks);
}

static void
test_bank(void)
{
	const char *out = built_bank();
	GPtrArray *langs = languages(), *all = slugs();
	double latin = 1000, other = 1000, picto = 1000;
	int singles = 0, pairs = 0, backs = 0, long_pairs = 0;

	g_ptr_array_set_free_func(langs, lang_free);
	for (guint i = 0; i < all->len; i++) {
		const char *slug = g_ptr_array_index(all, i);
		char *src = g_strdup_printf("content/opdrachten/%s.nl.md",
		    slug);
		int nl_steps = count_steps(src);

		for (guint j = 0; j < langs->len; j++) {
			const struct lang *lg = g_ptr_array_index(langs, j);
			char *md = g_strdup_printf("content/opdrachten/%s.%s.md",
			    slug, lg->code);
			char *pdf = g_strdup_printf("%s/%s/opdrachten/%s.pdf",
			    out, lg->code, slug);
			char *two = g_strdup_printf("%s/%s/opdrachten/%s.%s-nl"
			    ".pdf", out, lg->code, slug, lg->code);

			if (!g_file_test(md, G_FILE_TEST_EXISTS))
				goto next;
			check_single(pdf, lg, count_steps(md));
			singles++;
			backs += t_pdf_pages(pdf) == 2;
			smallest_text(pdf, &latin, &other);
			if (strcmp(lg->code, "nl") == 0 || strcmp(lg->code,
			    "ar") == 0 || strcmp(lg->code, "ti") == 0) {
				GArray *mid = g_array_new(FALSE, FALSE,
				    sizeof(double));

				g_array_free(discs(pdf, mid), TRUE);
				picto = MIN(picto, smallest_picto(pdf, lg->rtl,
				    mid));
				g_array_free(mid, TRUE);
			}
			if (j > 0) {
				char *text = t_pdf_text(two, 1);
				int pages = t_pdf_pages(two);

				/* over two pages only with a warning that
				 * names the file, for the writer to shorten */
				if (pages > 2 && !warned(md, pages))
					g_error("%s: %d pages", two, pages);
				long_pairs += pages > 2;
				if (!has(text, lg->name) ||
				    !has(text, "Nederlands"))
					g_error("%s: no column headed \"%s\" "
					    "and \"Nederlands\"", two,
					    lg->name);
				(void)nl_steps;
				smallest_text(two, &latin, &other);
				pairs++;
				g_free(text);
			}
next:
			g_free(two);
			g_free(pdf);
			g_free(md);
		}
		g_free(src);
	}
	printf("# %d single sheets (%d on both sides), %d beside the Dutch "
	    "(%d over two pages, warned); smallest text %.2f pt Latin, %.2f pt "
	    "Arabic and Ethiopic; smallest step pictogram %.1f mm\n", singles,
	    backs, pairs, long_pairs, latin, other, picto);
	g_assert_cmpint(singles, >=, 300);
	g_assert_cmpint(pairs, >=, 250);
	g_assert_cmpfloat(latin, >=, 13.95);
	g_assert_cmpfloat(other, >=, 15.9);
	g_assert_cmpfloat(picto, >=, 19.5);
	check_duplex(out, g_ptr_array_index(all, 0));
	g_ptr_array_free(all, TRUE);
	g_ptr_array_free(langs, TRUE);
}

/*
 * A longer assignment than the bank has, and a short one. The long one's
 * front cannot hold its ten steps: the build says so, naming the file,
 * and every step, every question with its lines and the box stay whole
 * on a page. The short one fits one side and stays there.
 */
static void
test_long_and_short(void)
{
	char *content = g_build_filename(tmp, "long", NULL);
	char *dest = g_build_filename(tmp, "long-out", NULL);
	char *lang = g_build_filename(content, "opdrachten", "lang.nl.md", NULL);
	char *kort = g_build_filename(content, "opdrachten", "kort.nl.md", NULL);
	char *pdf = g_build_filename(dest, "nl/opdrachten/lang.pdf", NULL);
	char *small = g_build_filename(dest, "nl/opdrachten/kort.pdf", NULL);
	const char *cp[] = { "cp", "-R", "tests/site", content, NULL };
	const char *head = "---\ntitel: %s\nsamenvatting: Samen praten.\n"
	    "onderwijstype: [havo]\nleerjaar: [4]\ncompetenties: [netwerken]\n"
	    "fase: verkennen\nkeuze: [vervolgstudie]\nduur: 30\n"
	    "pictogram: praten\nthuis:\n  intro: |\n    Praat samen.\n"
	    "    Schrijf het op.\n  stappen:\n";
	const char *tail = "---\n## Doel\n\nPraten.\n\n## In de klas\n\n"
	    "Uitleg.\n\n## Nabespreken\n\nTerugkijken.\n";
	GString *md = g_string_new(NULL);
	char *err = NULL, **pages;
	int n;

	g_assert_cmpint(t_run(cp, NULL, NULL, NULL), ==, 0);
	g_string_printf(md, head, "Een lange opdracht");
	for (int i = 1; i <= 10; i++)
		g_string_append_printf(md, "    - pictogram: praten\n      "
		    "tekst: Stap%02d. Vertel samen wat u vandaag hebt gedaan, "
		    "wat u morgen wilt doen en waarom dat zo is.\n", i);
	g_string_append(md, "  vragen:\n");
	for (int i = 1; i <= 6; i++)
		g_string_append_printf(md, "    - Vraag%02d. Wat wil je later "
		    "worden, en wie kan je daarbij helpen op school?\n", i);
	g_string_append_printf(md, "  schrijfregels: 3\n%s", tail);
	t_write_file(content, "opdrachten/lang.nl.md", md->str);
	g_string_printf(md, head, "Een korte opdracht");
	g_string_append_printf(md, "    - pictogram: praten\n      tekst: "
	    "Praat samen.\n  vragen:\n    - Wat vond je leuk?\n%s", tail);
	t_write_file(content, "opdrachten/kort.nl.md", md->str);
	g_assert_cmpint(t_build(content, dest, "1700000000", NULL, &err), ==,
	    0);
	if (strstr(err, "lang.nl.md: warning: the front of the sheet cannot "
	    "hold") == NULL)
		g_error("no warning for the long sheet's front:\n%s", err);
	g_assert_null(strstr(err, "kort.nl.md: warning"));
	n = t_pdf_pages(pdf);
	g_assert_cmpint(n, >=, 2);
	pages = g_new0(char *, n + 1);
	for (int i = 0; i < n; i++)
		pages[i] = t_pdf_text(pdf, i + 1);
	g_assert_true(t_contains(pages[0], "Geef dit blad terug aan:"));
	g_assert_true(t_contains(pages[0], "We praten hierover in de klas."));
	/* each step and each question whole on one page, never two */
	for (int s = 1; s <= 16; s++) {
		char *want = s <= 10 ? g_strdup_printf("Stap%02d. Vertel samen "
		    "wat u vandaag hebt gedaan, wat u morgen wilt doen en "
		    "waarom dat zo is.", s) : g_strdup_printf("Vraag%02d. Wat "
		    "wil je later worden, en wie kan je daarbij helpen op "
		    "school?", s - 10);
		char *mark = g_strndup(want, 7);
		int whole = 0, seen = 0;

		for (int i = 0; i < n; i++) {
			whole += has(pages[i], want);
			seen += strstr(pages[i], mark) != NULL;
		}
		if (whole != 1 || seen != 1)
			g_error("\"%s\" is split or missing", want);
		g_free(mark);
		g_free(want);
	}
	/* the last page holds more than the names */
	g_assert_true(t_contains(pages[n - 1], "Naam ouder"));
	g_assert_true(strstr(pages[n - 1], "Vraag") != NULL ||
	    strstr(pages[n - 1], "Moeilijke woorden") != NULL);
	g_strfreev(pages);
	/* the short one: one side, nothing to turn over; in its year's
	 * bundle, printed on both sides, every sheet starts on a front */
	g_assert_cmpint(t_pdf_pages(small), ==, 1);
	{
		char *b = g_build_filename(dest, "nl/opdrachten/leerjaar-4.pdf",
		    NULL), *so = NULL;
		const char *argv[] = { "qpdf", "--json", "--json-key=outlines",
		    b, NULL };
		int marks = 0;

		g_assert_cmpint(t_run(argv, NULL, &so, NULL), ==, 0);
		for (const char *at = strstr(so, "\"destpageposfrom1\": ");
		    at != NULL; at = strstr(at + 1, "\"destpageposfrom1\": ")) {
			g_assert_cmpint(atoi(at + 20) % 2, ==, 1);
			marks++;
		}
		g_assert_cmpint(marks, >=, 2);
		g_assert_cmpint(t_pdf_pages(b) % 2, ==, 0);
		g_assert_true(duplex(b));
		g_free(so);
		g_free(b);
	}
	{
		char *text = t_pdf_text(small, 1);

		g_assert_true(t_contains(text, "Wat vond je leuk?"));
		g_assert_false(t_contains(text, "Zie achterkant"));
		g_free(text);
	}
	g_string_free(md, TRUE);
	g_free(err);
	g_free(small);
	g_free(pdf);
	g_free(kort);
	g_free(lang);
	g_free(dest);
	g_free(content);
}

/*
 * The shipped bank's Eens/Oneens boards (A4 landscape): everything within
 * the margins, though all ten languages are on them; the word in each
 * other language a Span with that language; the thumb the same size on
 * both boards.
 */
static void
test_boards(void)
{
	char *dir = g_build_filename(built_bank(), "nl", "avonden", NULL);
	GDir *d = g_dir_open(dir, 0, NULL);
	const char *name;
	guint boards = 0;

	g_assert_nonnull(d);
	while ((name = g_dir_read_name(d)) != NULL) {
		char *pdf, **tree;
		guint spans = 0;

		if (!g_str_has_suffix(name, "-borden.pdf"))
			continue;
		boards++;
		pdf = g_build_filename(dir, name, NULL);
		/* no ink above 14 mm from the top or below 12 mm from the
		 * bottom (style.h's margins), on either board */
		for (int page = 1; page <= 2; page++) {
			int w, h, dpi = 36;
			guchar *px = render(pdf, page, dpi, &w, &h);
			int top = (int)(14 * MM * dpi / 72) - 1;
			int bottom = h - (int)(12 * MM * dpi / 72) + 1;

			for (int y = 0; y < h; y++)
				for (int x = 0; x < w && (y < top ||
				    y >= bottom); x++)
					if (px[y * w + x] < 160)
						g_error("%s: ink at %d mm from "
						    "the top of page %d", name,
						    (int)(y * 72.0 / dpi / MM),
						    page);
			g_free(px);
		}
		tree = t_pdf_tree(pdf);
		for (guint i = 0; tree[i] != NULL; i++)
			if (g_str_has_prefix(tree[i], "3 /Span lang=u:")) {
				g_assert_false(g_str_has_prefix(tree[i],
				    "3 /Span lang=u:nl "));
				spans++;
			}
		/* nine other languages on each of the two boards */
		g_assert_cmpuint(spans, ==, 2 * 9);
		g_strfreev(tree);
		g_free(pdf);
	}
	g_assert_cmpuint(boards, >, 0);
	g_dir_close(d);
	g_free(dir);
}

static void
remove_tmp(void)
{
	const char *argv[] = { "rm", "-rf", tmp, NULL };

	t_run(argv, NULL, NULL, NULL);
}

int
main(int argc, char *argv[])
{
	int r;

	g_test_init(&argc, &argv, NULL);
	tmp = g_dir_make_tmp("kt-sheet-XXXXXX", NULL);
	g_test_add_func("/sheet/bank", test_bank);
	g_test_add_func("/sheet/long-and-short", test_long_and_short);
	g_test_add_func("/sheet/boards", test_boards);
	r = g_test_run();
	remove_tmp();
	g_free(bank_err);
	g_free(bank);
	g_free(tmp);
	return r;
}
