/*
 * A talk guide for a class (issue 28): print gesprek writes one PDF with
 * the mentor's schedule and each family's invitation with its own time,
 * in class order and the family's language, outside out/; bad times and
 * lengths are refused before anything is read. Also what a talk guide's
 * bron covers (only the family's part), and UI string keys written twice
 * in a theme. Each case works in its own temporary folder; tests/site
 * and the themes are only read.
 */
#include <string.h>

#include <glib.h>


#include "out/writer.h"
#include "util.h"

static char *tmp;

#define SLUG "sectorkeuze"
#define EPOCH "1700000000"
#define START_H 15
#define START_M 0
#define MINUTES 15
#define PAUSE 5

/* The class, in its order, and each family's language. tests/site has
 * the talk in Dutch and Arabic only. */
static const char *const pupils[][2] = {
	{ "Daan de Vries", "" },
	{ "Mohammed El Amrani", "ar" },
	{ "Yonas Tesfay", "ti" },
	{ "Ayşe Yılmaz", "en" },
	{ "Sanne Bakker", "nl" },
};
#define NPUPILS G_N_ELEMENTS(pupils)

/* keukentafel print gesprek SLUG on tests/site: util.c's t_print(). */
static int
print_talks(const char *list, const char *map, const char *out,
    const char *const *extra, char **err)
{
	return t_print("gesprek", SLUG, list, map, out, EPOCH, extra, err);
}

/* Pupil i's slot as the invitation writes it: "15:20–15:35". */
static char *
slot_of(guint i)
{
	int at = START_H * 60 + START_M + (int)i * (MINUTES + PAUSE);
	int end = at + MINUTES;

	return g_strdup_printf("%02d:%02d–%02d:%02d", at / 60, at % 60,
	    end / 60, end % 60);
}

static char *
class_csv(const char *name)
{
	char *dir = g_build_filename(tmp, "lists", NULL);
	char *path = t_class_list(dir, name, pupils, NPUPILS);

	g_free(dir);
	return path;
}

/* Page pg of pdf as pdftotext -layout lays it out: a table row a line. */
static char *
layout_text(const char *pdf, int pg)
{
	char *n = g_strdup_printf("%d", pg), *out = NULL;
	const char *argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", "-f",
	    n, "-l", n, pdf, "-", NULL };

	g_assert_cmpint(t_run(argv, NULL, &out, NULL), ==, 0);
	g_free(n);
	return out;
}

/* The schedule: a row per pupil in class order, each with its time. */
static void
check_schedule(const char *pdf)
{
	char *text = layout_text(pdf, 1);
	char **lines = g_strsplit(text, "\n", -1);
	int last = -1;

	g_assert_true(t_contains(text, "Rooster van de gesprekken"));
	g_assert_true(t_contains(text, "Klas: 3B"));
	g_assert_true(t_contains(text, "Lokaal 12"));
	for (guint i = 0; i < NPUPILS; i++) {
		char *slot = slot_of(i);
		int row = -1;

		for (int l = 0; lines[l] != NULL && row < 0; l++)
			if (strstr(lines[l], pupils[i][0]) != NULL)
				row = l;
		if (row < 0)
			g_error("%s is not on the schedule:\n%s", pupils[i][0],
			    text);
		g_assert_cmpint(row, >, last);
		last = row;
		g_assert_nonnull(strstr(lines[row], slot));
		g_assert_cmpint(t_has_script(lines[row], T_ARABIC), ==,
		    strcmp(pupils[i][1], "ar") == 0);
		g_free(slot);
	}
	g_strfreev(lines);
	g_free(text);
}

/* Every file below dir holds none of the pupils' names. */
static void
check_no_names(const char *dir)
{
	GPtrArray *files = t_files(dir);

	for (guint i = 0; i < files->len; i++) {
		char *path = g_build_filename(dir, g_ptr_array_index(files, i),
		    NULL), *data = NULL;
		gsize len = 0;

		g_assert_true(g_file_get_contents(path, &data, &len, NULL));
		for (guint p = 0; p < NPUPILS; p++)
			g_assert_null(g_strstr_len(data, (gssize)len,
			    pupils[p][0]));
		g_free(data);
		g_free(path);
	}
	g_ptr_array_free(files, TRUE);
}

/*
 * One PDF: the schedule (one page here, and its blank back), then each
 * pupil's invitation in class order, from a front side,
 * with the name, the slot, the date and the place on its first page;
 * Arabic on the Arabic family's pages only; the families without a
 * translation get the Dutch one and a warning naming pupil and
 * language; the last line says when the last talk ends.
 */
static void
test_invitations(void)
{
	char *list = class_csv("3b.csv"), *err = NULL;
	char *map = g_build_filename(tmp, "print-3b", NULL);
	char *out = g_build_filename(tmp, "out", NULL);
	char *pdf = g_build_filename(map, SLUG "-uitnodigingen.pdf", NULL);
	char *start = g_strdup_printf("%02d:%02d", START_H, START_M);
	char *dur = g_strdup_printf("%d", MINUTES);
	char *pause = g_strdup_printf("%d", PAUSE);
	const char *extra[] = { "--klasnaam", "3B", "--datum", "12-3-2027",
	    "--start", start, "--duur", dur, "--pauze", pause, "--plaats",
	    "Lokaal 12", "--mentor", "Mevrouw Bakker", "--telefoon",
	    "06 1234 5678", NULL };
	const char *check[] = { "qpdf", "--check", pdf, NULL };
	int pages, last = -1, first[NPUPILS];
	int end = START_H * 60 + START_M + (int)NPUPILS * MINUTES +
	    ((int)NPUPILS - 1) * PAUSE;
	GPtrArray *files;
	char *ends;

	g_assert_cmpint(g_mkdir_with_parents(out, 0755), ==, 0);
	t_write_file(out, "index.html", "<p>the site</p>\n");
	g_assert_cmpint(print_talks(list, map, out, extra, &err), ==, 0);
	ends = g_strdup_printf("the last one ends at %02d:%02d", end / 60,
	    end % 60);
	g_assert_nonnull(strstr(err, ends));
	g_assert_nonnull(strstr(err, "3b.csv:4:"));
	g_assert_nonnull(strstr(err, "warning: Yonas Tesfay: '" SLUG "' has "
	    "no translation in"));
	g_assert_nonnull(strstr(err, "the Dutch invitation is printed"));
	/* one PDF, and nothing of it under out/ */
	files = t_files(map);
	g_assert_cmpuint(files->len, ==, 1);
	g_ptr_array_free(files, TRUE);
	check_no_names(out);
	g_assert_cmpint(t_run(check, NULL, NULL, NULL), ==, 0);
	check_schedule(pdf);

	/* printed on both sides, each invitation starts a sheet */
	pages = t_pdf_pages(pdf);
	g_assert_cmpint(pages % 2, ==, 0);
	g_assert_cmpint(pages, >=, 2 + 2 * (int)NPUPILS);
	for (guint i = 0; i < NPUPILS; i++)
		first[i] = 0;
	for (int pg = 3; pg <= pages; pg++) {
		char *t = t_pdf_text(pdf, pg);
		int who = t_pupil_in(t, pupils, NPUPILS);

		if (who < 0)
			g_error("page %d names no pupil:\n%s", pg, t);
		g_assert_cmpint(who, >=, last);	/* class order */
		last = who;
		if (first[who] == 0) {
			char *slot = slot_of((guint)who);

			first[who] = pg;
			g_assert_cmpint(pg % 2, ==, 1);
			g_assert_true(t_contains(t, slot));
			g_assert_true(t_contains(t, "12-3-2027"));
			g_assert_true(t_contains(t, "Lokaal 12"));
			g_assert_true(t_contains(t, "Een tolk?"));
			g_assert_true(t_contains(t, "06 1234 5678"));
			g_free(slot);
		}
		g_assert_cmpint(t_has_script(t, T_ARABIC), ==,
		    strcmp(pupils[who][1], "ar") == 0);
		g_free(t);
	}
	for (guint i = 0; i < NPUPILS; i++)
		g_assert_cmpint(first[i], >, 0);
	g_free(ends);
	g_free(start);
	g_free(dur);
	g_free(pause);
	g_free(err);
	g_free(list);
	g_free(map);
	g_free(out);
	g_free(pdf);
}

/* Runs print gesprek with the given times; returns stderr, the status
 * in *status. Nothing may be written when it fails. */
static char *
try_times(const char *start, const char *dur, int *status)
{
	char *list = class_csv("times.csv"), *err = NULL;
	char *map = g_build_filename(tmp, "print-times", NULL);
	char *out = g_build_filename(tmp, "times-out", NULL);
	GPtrArray *extra = g_ptr_array_new();

	g_ptr_array_add(extra, "--datum");
	g_ptr_array_add(extra, "12-3-2027");
	if (start != NULL) {
		g_ptr_array_add(extra, "--start");
		g_ptr_array_add(extra, (gpointer)start);
	}
	if (dur != NULL) {
		g_ptr_array_add(extra, "--duur");
		g_ptr_array_add(extra, (gpointer)dur);
	}
	g_ptr_array_add(extra, NULL);
	*status = print_talks(list, map, out, (const char *const *)
	    extra->pdata, &err);
	if (*status != 0)
		g_assert_false(g_file_test(map, G_FILE_TEST_EXISTS));
	g_ptr_array_free(extra, TRUE);
	g_free(list);
	g_free(map);
	g_free(out);
	return err;
}

/* A start that is no time, a length that is no number of minutes, one
 * missing, or talks past midnight: a clear error, nothing written. */
static void
test_bad_times(void)
{
	int status;
	char *err = try_times("25:00", "15", &status);

	g_assert_cmpint(status, ==, 2);
	g_assert_nonnull(strstr(err, "--start: '25:00' is not a time; write "
	    "it as 19:30"));
	g_free(err);
	err = try_times("15.00", "15", &status);
	g_assert_cmpint(status, ==, 2);
	g_assert_nonnull(strstr(err, "--start: '15.00' is not a time"));
	g_free(err);
	err = try_times("15:00", "kwartier", &status);
	g_assert_cmpint(status, ==, 2);
	g_assert_nonnull(strstr(err, "--duur: 'kwartier' is not a number of "
	    "minutes; write a whole number from 1 to 240, as 15"));
	g_free(err);
	err = try_times("15:00", "0", &status);
	g_assert_cmpint(status, ==, 2);
	g_assert_nonnull(strstr(err, "--duur: '0' is not a number"));
	g_free(err);
	err = try_times("15:00", NULL, &status);
	g_assert_cmpint(status, ==, 2);
	g_assert_nonnull(strstr(err, "write: keukentafel print gesprek NAME "
	    "--klas FILE --datum DATE --start TIME --duur MINUTES"));
	g_free(err);
	err = try_times("23:30", "15", &status);
	g_assert_cmpint(status, ==, 1);
	g_assert_nonnull(strstr(err, "times.csv: error: 5 talks of 15 "
	    "minutes from 23:30 would end after midnight"));
	g_assert_nonnull(strstr(err, "nothing was written"));
	g_free(err);
}

/* ---- bron: what a talk guide's translation was made from ---- */

/* A copy of tests/site to change, in tmp/name. */
static char *
site_copy(const char *name)
{
	char *dir = g_build_filename(tmp, name, NULL);
	const char *cp[] = { "cp", "-r", "tests/site", dir, NULL };

	g_assert_cmpint(t_run(cp, NULL, NULL, NULL), ==, 0);
	return dir;
}

static char *
check_site(const char *content, const char *theme)
{
	const char *argv[] = { KT, "check", "-C", content, "-t", theme,
	    NULL };
	char *err = NULL;

	(void)t_run(argv, NULL, NULL, &err);
	return err;
}

/* Replaces the first from in dir/rel by to. */
static void
edit(const char *dir, const char *rel, const char *from, const char *to)
{
	char *path = g_build_filename(dir, rel, NULL), *text = NULL, *at;
	GString *s;

	g_assert_true(g_file_get_contents(path, &text, NULL, NULL));
	at = strstr(text, from);
	g_assert_nonnull(at);
	s = g_string_new_len(text, at - text);
	g_string_append(s, to);
	g_string_append(s, at + strlen(from));
	t_write_file(dir, rel, s->str);
	g_string_free(s, TRUE);
	g_free(text);
	g_free(path);
}

/* The bron line check asks for in its message err. */
static char *
asked_bron(const char *err)
{
	char **parts = g_strsplit(err, "set bron: ", 2);
	char *line;

	g_assert_nonnull(parts[0]);
	g_assert_nonnull(parts[1]);
	line = g_strdup_printf("bron: %.12s", parts[1]);
	g_strfreev(parts);
	return line;
}

/*
 * The Arabic translation gets the bron check asks for; then an edit of
 * the mentor's part (Dutch only) leaves it current, and an edit of the
 * family's part makes check warn at its bron line.
 */
static void
test_bron(void)
{
	char *site = site_copy("bron-site");
	const char *ar = "gesprekken/" SLUG ".ar.md";
	const char *nl = "gesprekken/" SLUG ".nl.md";
	const char *stale = SLUG ".ar.md:3:7: warning: the Dutch text changed "
	    "since this translation was made";
	char *err, *line;

	edit(site, ar, "vertaling: concept\n", "vertaling: concept\n"
	    "bron: 000000000000\n");
	err = check_site(site, "themes/default");
	g_assert_nonnull(strstr(err, stale));
	line = asked_bron(err);
	g_free(err);
	edit(site, ar, "bron: 000000000000", line);
	err = check_site(site, "themes/default");
	g_assert_null(strstr(err, "changed since"));
	g_free(err);

	/* the mentor's part stays Dutch: no translation goes stale */
	edit(site, nl, "De leerling begint.", "De leerling begint, dan de "
	    "ouder.");
	edit(site, nl, "- Welke sector trekt je, en waarom?", "- Welke "
	    "sector trekt je het meest, en waarom?");
	err = check_site(site, "themes/default");
	g_assert_null(strstr(err, "changed since"));
	g_free(err);

	/* the family's part is translated: its edit is flagged */
	edit(site, nl, "Uw kind kiest dit jaar een sector.", "Uw kind kiest "
	    "dit schooljaar een sector.");
	err = check_site(site, "themes/default");
	g_assert_nonnull(strstr(err, stale));
	g_assert_null(strstr(err, line + strlen("bron: ")));
	g_free(err);
	g_free(line);
	g_free(site);
}

/* ---- UI strings ---- */

/* A key written twice in a theme's i18n file is an error at the second
 * one; the shipped themes have none. */
static void
test_i18n_twice(void)
{
	char *theme = g_build_filename(tmp, "mijn-thema", NULL);
	char *nl = g_build_filename(theme, "i18n", "nl.yaml", NULL);
	const char *cp[] = { "cp", "-r", "themes/default", theme, NULL };
	char *text = NULL, *err, *want, *twice;
	GDir *themes;
	const char *name;
	int lines = 0;

	g_assert_cmpint(t_run(cp, NULL, NULL, NULL), ==, 0);
	g_assert_true(g_file_get_contents(nl, &text, NULL, NULL));
	for (const char *p = text; *p != '\0'; p++)
		lines += *p == '\n';
	twice = g_strconcat(text, "site.title: Nog een titel\n", NULL);
	g_assert_true(g_file_set_contents(nl, twice, -1, NULL));
	err = check_site("tests/site", theme);
	want = g_strdup_printf("%s:%d:1: error: key 'site.title' appears "
	    "twice; keep one", nl, lines + 1);
	g_assert_nonnull(strstr(err, want));
	g_free(err);
	g_free(want);

	themes = g_dir_open("themes", 0, NULL);
	g_assert_nonnull(themes);
	while ((name = g_dir_read_name(themes)) != NULL) {
		char *dir = g_build_filename("themes", name, NULL);

		err = check_site("content", dir);
		g_assert_null(strstr(err, "appears twice"));
		g_free(err);
		g_free(dir);
	}
	g_dir_close(themes);
	g_free(twice);
	g_free(text);
	g_free(nl);
	g_free(theme);
}

int
main(int argc, char *argv[])
{
	int r;

	g_test_init(&argc, &argv, NULL);
	tmp = g_dir_make_tmp("kt-talkprint-XXXXXX", NULL);
	g_test_add_func("/talkprint/invitations", test_invitations);
	g_test_add_func("/talkprint/bad-times", test_bad_times);
	g_test_add_func("/talkprint/bron", test_bron);
	g_test_add_func("/talkprint/i18n-twice", test_i18n_twice);
	r = g_test_run();
	kt_remove_tree(tmp);
	g_free(tmp);
	return r;
}
