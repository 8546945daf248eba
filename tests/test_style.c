/*
 * print/style.h kept to, in the code and on paper. In the code of print/:
 * no length in bare millimetres, no bare number as a type size, a grey,
 * a line width or a space, and no function over 120 lines. On paper, the
 * fixture's printables are drawn with style.h's numbers: the A4 page and
 * its margin, the type scale of a sheet, the green.
 */
#include <glib.h>
#include <pango/pango.h>
#include <stdio.h>
#include <string.h>

#include "out/writer.h"
#include "print/style.h"
#include "util.h"

#define PRINT_DIR "generator/print"
#define MAX_LINES 120

static char *tmp;	/* a folder for this run; the fixture is read only */

/*
 * The text of a C file with its comments, strings and characters blanked
 * (the newlines kept, so lines still count): "a 16 mm pictogram" in a
 * comment is no length drawn.
 */
static char *
code_only(const char *s)
{
	char *c = g_strdup(s);

	for (char *p = c; *p != '\0'; p++) {
		char end = 0;

		if (p[0] == '/' && p[1] == '*') {
			char *e = strstr(p + 2, "*/");

			for (e = e != NULL ? e + 2 : p + strlen(p); p < e; p++)
				if (*p != '\n')
					*p = ' ';
			p--;
			continue;
		}
		if (*p == '"' || *p == '\'')
			end = *p;
		if (end == 0)
			continue;
		for (p++; *p != '\0' && *p != end; p++) {
			if (*p == '\\' && p[1] != '\0')
				*p++ = ' ';
			*p = ' ';
		}
		if (*p == '\0')
			break;
	}
	return c;
}

/* The .c files of print/, sorted, each as "name" then its code only. */
static GPtrArray *
print_sources(void)
{
	GDir *d = g_dir_open(PRINT_DIR, 0, NULL);
	GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
	GPtrArray *out = g_ptr_array_new_with_free_func(g_free);
	const char *n;

	g_assert_nonnull(d);
	while ((n = g_dir_read_name(d)) != NULL)
		if (g_str_has_suffix(n, ".c"))
			g_ptr_array_add(names, g_build_filename(PRINT_DIR, n,
			    NULL));
	g_dir_close(d);
	g_ptr_array_sort(names, t_cmp_str);
	g_assert_cmpuint(names->len, >, 0);
	for (guint i = 0; i < names->len; i++) {
		char *text = NULL;

		g_assert_true(g_file_get_contents(names->pdata[i], &text, NULL,
		    NULL));
		g_ptr_array_add(out, g_strdup(names->pdata[i]));
		g_ptr_array_add(out, code_only(text));
		g_free(text);
	}
	g_ptr_array_free(names, TRUE);
	return out;
}

static int
line_of(const char *text, const char *at)
{
	int line = 1;

	for (const char *p = text; p < at; p++)
		line += *p == '\n';
	return line;
}

/* No "12 * MM" nor "12 * KT_MM" in print/'s C files: style.h names it. */
static void
test_no_bare_mm(void)
{
	GPtrArray *src = print_sources();
	GRegex *re = g_regex_new("[0-9.]*[0-9] \\* (KT_)?MM\\b|#define MM\\b",
	    0, 0, NULL);
	GString *bad = g_string_new(NULL);

	for (guint i = 0; i < src->len; i += 2) {
		const char *text = src->pdata[i + 1];
		GMatchInfo *mi;

		g_regex_match(re, text, 0, &mi);
		for (; g_match_info_matches(mi); g_match_info_next(mi, NULL)) {
			int start;
			char *what = g_match_info_fetch(mi, 0);

			g_match_info_fetch_pos(mi, 0, &start, NULL);
			g_string_append_printf(bad, "%s:%d: %s\n",
			    (char *)src->pdata[i], line_of(text, text + start),
			    what);
			g_free(what);
		}
		g_match_info_free(mi);
	}
	if (bad->len > 0)
		g_error("lengths in bare millimetres; name them in "
		    "print/style.h:\n%s", bad->str);
	g_string_free(bad, TRUE);
	g_regex_unref(re);
	g_ptr_array_free(src, TRUE);
}

/*
 * The arguments of a call starting at open (its '('), trimmed, up to its
 * ')'; NULL when the call does not end.
 */
static GPtrArray *
call_args(const char *open)
{
	GPtrArray *args = g_ptr_array_new_with_free_func(g_free);
	const char *from = open + 1;
	int depth = 0;

	for (const char *p = open + 1; *p != '\0'; p++) {
		if (*p == '(' || *p == '[' || *p == '{') {
			depth++;
		} else if (depth > 0 && (*p == ')' || *p == ']' ||
		    *p == '}')) {
			depth--;
		} else if (depth == 0 && (*p == ',' || *p == ')')) {
			char *a = g_strndup(from, (gsize)(p - from));

			g_ptr_array_add(args, g_strstrip(a));
			if (*p == ')')
				return args;
			from = p + 1;
		}
	}
	g_ptr_array_free(args, TRUE);
	return NULL;
}

/*
 * The calls that shape a page, and which of their arguments (from 0) are
 * a size, a grey, a line width or a space: each is a name from style.h
 * or worked out from one, never a number (0, nothing, aside).
 */
static const struct shaped {
	const char *fn;
	int args[4];		/* ended by -1 */
} shaped[] = {
	{ "kt_pdf_text", { 2, -1 } },
	{ "kt_pdf_text_in", { 3, -1 } },
	{ "col_text", { 3, -1 } },
	{ "kt_pdf_para", { 2, 4, -1 } },
	{ "kt_pdf_rule", { 4, 5, -1 } },
	{ "kt_pdf_box", { 5, 6, -1 } },
	{ "kt_pdf_picto", { 4, -1 } },
	{ "kt_pdf_qr", { 4, -1 } },
	{ "kt_pdf_need", { 1, -1 } },
	{ "row", { 3, -1 } },
	{ "cairo_set_line_width", { 1, -1 } },
	{ "cairo_set_source_rgb", { 1, 2, 3, -1 } },
};

static void
check_calls(const char *file, const char *text, const struct shaped *c,
    GRegex *number, GString *bad)
{
	size_t n = strlen(c->fn);

	for (const char *at = strstr(text, c->fn); at != NULL;
	    at = strstr(at + 1, c->fn)) {
		GPtrArray *args;

		if (at[n] != '(' || (at > text && (g_ascii_isalnum(at[-1]) ||
		    at[-1] == '_')))
			continue;
		args = call_args(at + n);
		g_assert_nonnull(args);
		for (int i = 0; c->args[i] >= 0; i++) {
			const char *a = (guint)c->args[i] < args->len ?
			    args->pdata[c->args[i]] : NULL;

			if (a != NULL && g_regex_match(number, a, 0, NULL))
				g_string_append_printf(bad, "%s:%d: %s(): "
				    "argument %d is %s\n", file,
				    line_of(text, at), c->fn, c->args[i] + 1,
				    a);
		}
		g_ptr_array_free(args, TRUE);
	}
}

static void
test_no_bare_numbers(void)
{
	GPtrArray *src = print_sources();
	GRegex *number = g_regex_new("^-?([1-9][0-9]*|0?\\.[0-9]+|[0-9]+\\."
	    "[0-9]*)$", 0, 0, NULL);
	GString *bad = g_string_new(NULL);

	for (guint i = 0; i < src->len; i += 2)
		for (size_t j = 0; j < G_N_ELEMENTS(shaped); j++)
			check_calls(src->pdata[i], src->pdata[i + 1],
			    &shaped[j], number, bad);
	if (bad->len > 0)
		g_error("bare numbers that shape a page; name them in "
		    "print/style.h:\n%s", bad->str);
	g_string_free(bad, TRUE);
	g_regex_unref(number);
	g_ptr_array_free(src, TRUE);
}

/*
 * No function in print/ over MAX_LINES lines, counted from its opening
 * brace to its closing one, each alone on its line (style(9)).
 */
static void
test_short_functions(void)
{
	GPtrArray *src = print_sources();
	GString *bad = g_string_new(NULL);

	for (guint i = 0; i < src->len; i += 2) {
		char **lines = g_strsplit(src->pdata[i + 1], "\n", -1);
		char *name = NULL;
		int start = -1;

		for (int l = 0; lines[l] != NULL; l++) {
			if (g_ascii_islower(lines[l][0]) && strchr(lines[l],
			    '(') != NULL && strspn(lines[l],
			    "abcdefghijklmnopqrstuvwxyz0123456789_") ==
			    (size_t)(strchr(lines[l], '(') - lines[l])) {
				g_free(name);
				name = g_strndup(lines[l],
				    strcspn(lines[l], "("));
			}
			if (strcmp(lines[l], "{") == 0 && name != NULL)
				start = l;
			if (strcmp(lines[l], "}") == 0 && start >= 0) {
				if (l - start + 1 > MAX_LINES)
					g_string_append_printf(bad,
					    "%s:%d: %s() has %d lines\n",
					    (char *)src->pdata[i], start + 1,
					    name, l - start + 1);
				start = -1;
				g_free(name);
				name = NULL;
			}
		}
		g_free(name);
		g_strfreev(lines);
	}
	if (bad->len > 0)
		g_error("functions over %d lines; split them:\n%s", MAX_LINES,
		    bad->str);
	g_string_free(bad, TRUE);
	g_ptr_array_free(src, TRUE);
}

/* A printable of the fixture rewritten by qpdf --qdf: its pages'
 * operators as text. */
static char *
qdf_text(const char *rel)
{
	char *pdf = g_build_filename(t_fixture(), rel, NULL);
	char *qdf = g_build_filename(tmp, "style.qdf", NULL);
	const char *argv[] = { "qpdf", "--qdf", "--object-streams=disable",
	    pdf, qdf, NULL };
	char *data = NULL;

	g_assert_cmpint(t_run(argv, NULL, NULL, NULL), ==, 0);
	g_assert_true(g_file_get_contents(qdf, &data, NULL, NULL));
	g_free(qdf);
	g_free(pdf);
	return data;
}

/* The first page's width and height, from its /MediaBox. */
static void
media_box(const char *qdf, double *w, double *h)
{
	const char *at = strstr(qdf, "/MediaBox [");
	double x0, y0;

	g_assert_nonnull(at);
	g_assert_cmpint(sscanf(at, "/MediaBox [ %lf %lf %lf %lf", &x0, &y0, w,
	    h), ==, 4);
}

/* A piece of text shown: its size and where it starts. */
struct run {
	double size, x;
};

/* Every piece of text shown (cairo sets a text's size in its matrix:
 * "14 0 0 -14 x y Tm"). */
static GArray *
text_runs(const char *qdf)
{
	GRegex *re = g_regex_new("\\b([0-9.]+) 0 0 -([0-9.]+) ([0-9.]+) "
	    "([0-9.]+) Tm", G_REGEX_RAW, 0, NULL);
	GArray *runs = g_array_new(FALSE, FALSE, sizeof(struct run));
	GMatchInfo *mi;

	g_regex_match(re, qdf, 0, &mi);
	for (; g_match_info_matches(mi); g_match_info_next(mi, NULL)) {
		char *size = g_match_info_fetch(mi, 1);
		char *x = g_match_info_fetch(mi, 3);
		struct run run = { g_ascii_strtod(size, NULL),
		    g_ascii_strtod(x, NULL) };

		g_array_append_val(runs, run);
		g_free(size);
		g_free(x);
	}
	g_match_info_free(mi);
	g_regex_unref(re);
	g_assert_cmpuint(runs->len, >, 0);
	return runs;
}

static gboolean
has_size(GArray *runs, double size)
{
	for (guint i = 0; i < runs->len; i++)
		if (g_array_index(runs, struct run, i).size == size)
			return TRUE;
	return FALSE;
}

/* A4 upright, A4 across for the statement cards; text from the margin. */
static void
test_page(void)
{
	char *sheet = qdf_text("nl/opdrachten/trots-op-jezelf.pdf");
	char *cards = qdf_text("nl/avonden/kennismaking-klas-1-stellingen.pdf");
	GArray *runs = text_runs(sheet);
	double w, h, left = KT_A4_W;

	media_box(sheet, &w, &h);
	g_assert_cmpfloat_with_epsilon(w, KT_A4_W, 0.001);
	g_assert_cmpfloat_with_epsilon(h, KT_A4_H, 0.001);
	media_box(cards, &w, &h);
	g_assert_cmpfloat_with_epsilon(w, KT_A4_H, 0.001);
	g_assert_cmpfloat_with_epsilon(h, KT_A4_W, 0.001);
	for (guint i = 0; i < runs->len; i++)
		left = MIN(left, g_array_index(runs, struct run, i).x);
	/* Pango places a line to a 1024th of a point */
	g_assert_cmpfloat_with_epsilon(left, KT_MARGIN_SIDE, 0.01);
	g_array_free(runs, TRUE);
	g_free(cards);
	g_free(sheet);
}

/*
 * A sheet's text is in the sizes of its roles: the title, headings, body
 * text (the glossary's heading in between), and the footer; nothing a
 * parent reads is smaller than the body. Beside the Dutch, the title is
 * the column's.
 */
static void
test_sheet_type_scale(void)
{
	static const double sheet[] = { KT_TYPE_TITLE, KT_TYPE_HEADING,
	    KT_TYPE_SUBHEADING, KT_TYPE_BODY, KT_TYPE_SMALL };
	char *single = qdf_text("nl/opdrachten/trots-op-jezelf.pdf");
	char *both = qdf_text("ar/opdrachten/trots-op-jezelf.ar-nl.pdf");
	GArray *runs = text_runs(single), *runs2 = text_runs(both);

	for (guint i = 0; i < runs->len; i++) {
		double size = g_array_index(runs, struct run, i).size;
		gboolean known = FALSE;

		for (size_t j = 0; j < G_N_ELEMENTS(sheet); j++)
			known = known || size == sheet[j];
		if (!known)
			g_error("text of %g pt on a sheet: not a size of "
			    "print/style.h's for sheets", size);
		g_assert_true(size >= KT_TYPE_BODY || size == KT_TYPE_SMALL);
	}
	g_assert_true(has_size(runs, KT_TYPE_TITLE));
	g_assert_true(has_size(runs, KT_TYPE_HEADING));
	g_assert_true(has_size(runs, KT_TYPE_BODY));
	g_assert_true(has_size(runs, KT_TYPE_SMALL));
	g_assert_true(has_size(runs2, KT_TYPE_TITLE_COLUMN));
	g_assert_false(has_size(runs2, KT_TYPE_TITLE));
	g_array_free(runs, TRUE);
	g_array_free(runs2, TRUE);
	g_free(both);
	g_free(single);
}

/* How cairo writes a colour's part in a PDF: at most six decimals. */
static void
append_part(GString *s, double v)
{
	char buf[32];
	size_t n;

	g_snprintf(buf, sizeof buf, "%f", v);
	for (n = strlen(buf); n > 1 && buf[n - 1] == '0'; n--)
		buf[n - 1] = '\0';
	if (buf[n - 1] == '.')
		buf[n - 1] = '\0';
	g_string_append_printf(s, "%s ", buf);
}

/*
 * The green: the discs of a sheet's steps and a tip card's group are one
 * colour, style.h's KT_GREEN, the site's --accent.
 */
static void
test_green(void)
{
	const double rgb[] = { KT_RGB_GREEN };
	char *sheet = qdf_text("nl/opdrachten/trots-op-jezelf.pdf");
	char *tips = qdf_text("nl/tips/tipkaarten.pdf");
	GString *disc = g_string_new(NULL), *group = g_string_new(NULL);
	PangoColor c;

	for (int i = 0; i < 3; i++)
		append_part(disc, rgb[i]);
	g_string_append(disc, "rg");
	g_assert_true(pango_color_parse(&c, "#1d5c4d"));
	g_assert_cmpint(KT_GREEN, ==, 0x1d5c4d);
	append_part(group, c.red / 65535.);
	append_part(group, c.green / 65535.);
	append_part(group, c.blue / 65535.);
	g_string_append(group, "rg");
	if (strstr(sheet, disc->str) == NULL)
		g_error("no \"%s\" on the sheet", disc->str);
	g_assert_cmpstr(disc->str, ==, group->str);
	if (strstr(tips, group->str) == NULL)
		g_error("no \"%s\" on the tip cards", group->str);
	g_string_free(disc, TRUE);
	g_string_free(group, TRUE);
	g_free(tips);
	g_free(sheet);
}

int
main(int argc, char *argv[])
{
	int r;

	g_test_init(&argc, &argv, NULL);
	tmp = g_dir_make_tmp("kt-style-XXXXXX", NULL);
	g_test_add_func("/style/no-bare-mm", test_no_bare_mm);
	g_test_add_func("/style/no-bare-numbers", test_no_bare_numbers);
	g_test_add_func("/style/short-functions", test_short_functions);
	g_test_add_func("/style/page", test_page);
	g_test_add_func("/style/sheet-type-scale", test_sheet_type_scale);
	g_test_add_func("/style/green", test_green);
	r = g_test_run();
	kt_remove_tree(tmp);
	g_free(tmp);
	return r;
}
